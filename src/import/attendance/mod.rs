//! The participant-list import: recognising the columns of a provider's list, reading
//! each row into a [`ParticipantRecord`], matching it to an employee ([`match_rows`]) and
//! planning what the session's roster gains or changes ([`plan`]). Pure functions over
//! model types; `service::import_attendance` loads the database, shows the plan as a
//! preview and writes it in one transaction.
//!
//! # Accepted format
//!
//! **Files** as for the staff list (see [`crate::import`]): CSV in UTF-8, UTF-16 or
//! Windows-1252 with `;`, `,` or tab, or the first worksheet of a workbook. The header
//! row is the row among the first ten that names the most known columns, so the summary
//! block above the attendee list of a webinar report is skipped.
//!
//! **Columns** (case, spaces, dots, hyphens, colons and umlaut spellings in headers are
//! ignored; other columns are ignored and listed in the preview). At least one column
//! must identify people: personnel number, e-mail, or a name (last and first name, or one
//! name column).
//!
//! | field | German | English |
//! | --- | --- | --- |
//! | personnel number | Personalnummer, Personalnr., Pers.-Nr., PNr, Mitarbeiternummer | Personnel number, Employee number, Employee ID, Staff number |
//! | e-mail | E-Mail, Mail, E-Mail-Adresse, E-Mail-Adresse des Benutzers | Email, Email address, User email, Attendee email |
//! | last name | Nachname, Familienname | Last name, Surname |
//! | first name | Vorname, Rufname | First name, Given name |
//! | whole name ("Weiß, Jürgen" or "Jürgen Weiß") | Teilnehmer:in, Teilnehmer, Teilnehmende, Vollständiger Name, Name (ursprünglicher Name), Anzeigename, Name (if no last-name column goes with a first-name column) | Participant, Attendee, Full name, Name (original name), Display name |
//! | department | Organisationseinheit, OE, Abteilung, Amt, Dienststelle, Fachbereich, Fachdienst | Department, Dept., Org unit, Unit, Division |
//! | status (optional) | Status, Teilnahme, Teilnahmestatus, Anwesenheit, Anwesend, Erschienen | Status, Attendance, Attended, Present |
//! | hours (optional) | Stunden, Std., Zeitstunden, Anrechenbare Stunden | Hours, Credited hours, Hours attended |
//! | note (optional) | Bemerkung, Anmerkung, Kommentar, Notiz, Hinweis | Note, Notes, Comment, Remarks |
//!
//! **Status values**: teilgenommen / anwesend / erschienen / ja / x / attended / present /
//! yes → attended; teilweise / anteilig / partial → partial (needs hours); abwesend /
//! nicht erschienen / unentschuldigt / nein / absent / no-show / no → absent;
//! entschuldigt / abgemeldet / excused / cancelled → excused; angemeldet / registered →
//! registered. A blank status means "took part", except in a yes/no column headed
//! "Anwesend", "Erschienen", "Attended" or "Present", where blank means absent.
//!
//! **Hours**: a number such as 4, 3,5 or 3.5 (optionally "Std." or "h" after it), not
//! negative and not more than the session lasts.

use super::headers::{
    HeaderScan, WEAK_NAME, normalize_header, quoted_headers, recognized_in_order, scan_headers,
};
use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};

use super::employees::department_key;
use super::table::{Cell, SourceFormat, Table, TableRow, read_table};
use crate::error::{Error, Result};
use crate::i18n::{Arg, fmt_date, fmt_hours, t, ta};
use crate::model::{
    Attendance, AttendanceStatus, Department, DepartmentId, Employee, EmployeeId, Session,
};
use crate::text::name_match_key;

/// A column of a participant list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    PersonnelNumber,
    Email,
    LastName,
    FirstName,
    /// One column with the whole name, "Weiß, Jürgen" or "Jürgen Weiß".
    FullName,
    Department,
    Status,
    Hours,
    Note,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Column::PersonnelNumber,
        Column::Email,
        Column::LastName,
        Column::FirstName,
        Column::FullName,
        Column::Department,
        Column::Status,
        Column::Hours,
        Column::Note,
    ];

    /// The column's name in the current language.
    pub fn label(self) -> String {
        t(match self {
            Column::PersonnelNumber => "field-personnel-number",
            Column::Email => "field-email",
            Column::LastName => "field-last-name",
            Column::FirstName => "field-first-name",
            Column::FullName => "impatt-col-name",
            Column::Department => "field-department",
            Column::Status => "impatt-col-status",
            Column::Hours => "impatt-col-hours",
            Column::Note => "impatt-col-note",
        })
    }

    fn index(self) -> usize {
        self as usize
    }

    /// Header spellings, normalised by [`normalize_header`].
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::PersonnelNumber => super::headers::PERSONNEL_NUMBER,
            Column::Email => &[
                "email",
                "mail",
                "emailadresse",
                "mailadresse",
                "emailaddress",
                "mailaddress",
                "useremail",
                "attendeeemail",
                "participantemail",
                "registrantemail",
                "businessemail",
                "workemail",
                "teilnehmeremail",
                "teilnehmeremailadresse",
                "emailteilnehmer",
                "emailteilnehmerin",
                "emailadressedesbenutzers",
                "emailadressedesteilnehmers",
                "emaildesteilnehmers",
                "emailgeschaeftlich",
                "emaildienstlich",
                "dienstlicheemail",
            ],
            Column::LastName => &[
                "nachname",
                "familienname",
                "zuname",
                "lastname",
                "surname",
                "familyname",
            ],
            Column::FirstName => &["vorname", "rufname", "firstname", "givenname", "forename"],
            Column::FullName => &[
                "teilnehmerin",
                "teilnehmer",
                "teilnehmerinnen",
                "teilnehmende",
                "teilnehmender",
                "teilnehmername",
                "nameteilnehmerin",
                "nameteilnehmer",
                "nameteilnehmende",
                "namevorname",
                "nachnamevorname",
                "vornamename",
                "vornamenachname",
                "vollstaendigername",
                "vollername",
                "nameurspruenglichername",
                "anzeigename",
                "participant",
                "participantname",
                "attendee",
                "attendeename",
                "fullname",
                "nameoriginalname",
                "displayname",
            ],
            Column::Department => &[
                "organisationseinheit",
                "oe",
                "orgeinheit",
                "abteilung",
                "amt",
                "dienststelle",
                "fachbereich",
                "fachdienst",
                "referat",
                "sachgebiet",
                "department",
                "dept",
                "orgunit",
                "organisationalunit",
                "organizationalunit",
                "unit",
                "division",
            ],
            Column::Status => &[
                "status",
                "teilnahme",
                "teilnahmestatus",
                "anwesenheit",
                "anwesenheitsstatus",
                "attendance",
                "attendancestatus",
                "participation",
                "participationstatus",
                // Yes/no columns: a blank cell means absent.
                "anwesend",
                "erschienen",
                "teilgenommen",
                "attended",
                "present",
            ],
            Column::Hours => &[
                "stunden",
                "std",
                "zeitstunden",
                "stundenanzahl",
                "anzahlstunden",
                "anrechenbarestunden",
                "angerechnetestunden",
                "fortbildungsstunden",
                "dauerstunden",
                "dauerinstunden",
                "hours",
                "hrs",
                "credithours",
                "creditedhours",
                "hourscredited",
                "hoursattended",
                "durationhours",
                "durationinhours",
            ],
            Column::Note => &[
                "bemerkung",
                "bemerkungen",
                "anmerkung",
                "anmerkungen",
                "kommentar",
                "kommentare",
                "notiz",
                "notizen",
                "hinweis",
                "hinweise",
                "note",
                "notes",
                "comment",
                "comments",
                "remark",
                "remarks",
            ],
        }
    }

    /// The column a header names, if any ("Teilnehmer:in" → whole name). A header "Name"
    /// alone is decided by [`ColumnMap::from_headers`] from the other columns.
    pub fn from_header(header: &str) -> Option<Column> {
        let h = normalize_header(header);
        Column::ALL
            .into_iter()
            .find(|c| c.aliases().contains(&h.as_str()))
    }
}

/// Status headers whose column holds yes/no marks: there a blank cell means absent.
const CHECK_HEADERS: [&str; 5] = [
    "anwesend",
    "erschienen",
    "teilgenommen",
    "attended",
    "present",
];

/// How many different known columns `headers` name; used to find the header row and the delimiter.
pub fn header_score(headers: &[String]) -> usize {
    let mut seen = HashSet::new();
    for h in headers {
        if let Some(c) = Column::from_header(h) {
            seen.insert(c);
        } else if normalize_header(h) == WEAK_NAME {
            seen.insert(Column::FullName);
        }
    }
    seen.len()
}

/// Which file column holds which field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMap {
    indices: [Option<usize>; 9],
    /// The status column holds yes/no marks ("Anwesend"): a blank cell means absent.
    status_is_check: bool,
    /// The recognised columns with the header as written in the file, in file order.
    pub recognized: Vec<(Column, String)>,
    /// Headers that name no known column (their cells are not imported).
    pub ignored: Vec<String>,
}

impl ColumnMap {
    /// Recognises the columns of a header row. Errors (in the user's language) when no
    /// column identifies people or a field has two columns.
    pub fn from_headers(headers: &[String], header_line: usize) -> Result<ColumnMap> {
        // A bare "Name" is the last name next to a first-name column, else the whole name.
        let HeaderScan {
            mut indices,
            weak_name,
            mut ignored,
        } = scan_headers::<Column, 9>(headers)?;
        if let Some(i) = weak_name {
            let has = |c: Column| indices[c.index()].is_some();
            if has(Column::FirstName) && !has(Column::LastName) {
                indices[Column::LastName.index()] = Some(i);
            } else if !has(Column::FullName) {
                indices[Column::FullName.index()] = Some(i);
            } else {
                ignored.push(headers[i].trim().to_owned());
            }
        }
        let has = |c: Column| indices[c.index()].is_some();
        let identifies = has(Column::PersonnelNumber)
            || has(Column::Email)
            || has(Column::FullName)
            || (has(Column::LastName) && has(Column::FirstName));
        if !identifies {
            return Err(Error::Message(ta(
                "impatt-missing-columns",
                &[
                    ("line", Arg::from(header_line)),
                    ("found", Arg::from(quoted_headers(headers))),
                ],
            )));
        }
        let status_is_check = indices[Column::Status.index()]
            .is_some_and(|i| CHECK_HEADERS.contains(&normalize_header(&headers[i]).as_str()));
        Ok(ColumnMap {
            recognized: recognized_in_order(&Column::ALL, &indices, headers),
            indices,
            status_is_check,
            ignored,
        })
    }

    /// Whether the file has this column.
    pub fn has(&self, column: Column) -> bool {
        self.indices[column.index()].is_some()
    }

    fn cell<'a>(&self, row: &'a TableRow, column: Column) -> &'a Cell {
        match self.indices[column.index()] {
            Some(i) => row.cell(i),
            None => &Cell::Empty,
        }
    }
}

/// The status cell of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusCell {
    /// Empty, or no status column: the person took part (see [`plan`] for the details).
    Blank,
    Status(AttendanceStatus),
    /// Not a known status; the text as written.
    Unknown(String),
}

impl StatusCell {
    fn from_cell(cell: &Cell, blank_means_absent: bool) -> StatusCell {
        let text = cell.text();
        if text.is_empty() {
            return if blank_means_absent {
                StatusCell::Status(AttendanceStatus::Absent)
            } else {
                StatusCell::Blank
            };
        }
        match parse_status(&text) {
            Some(s) => StatusCell::Status(s),
            None => StatusCell::Unknown(text),
        }
    }
}

/// Reads a status as providers and officers write it, German or English
/// ("teilgenommen", "no-show", "entschuldigt", "x", "Yes" …); `None` for anything else.
pub fn parse_status(text: &str) -> Option<AttendanceStatus> {
    let key = normalize_header(text);
    let status = match key.as_str() {
        "teilgenommen"
        | "anwesend"
        | "erschienen"
        | "teilnahme"
        | "vollstaendig"
        | "vollstaendigteilgenommen"
        | "ja"
        | "j"
        | "x"
        | "true"
        | "wahr"
        | "1"
        | "attended"
        | "present"
        | "participated"
        | "complete"
        | "completed"
        | "yes"
        | "y" => AttendanceStatus::Attended,
        "teilweise"
        | "teilw"
        | "teilweiseteilgenommen"
        | "teilweiseanwesend"
        | "anteilig"
        | "partial"
        | "partially"
        | "partiallyattended"
        | "partlyattended" => AttendanceStatus::Partial,
        "abwesend"
        | "nichterschienen"
        | "nichtteilgenommen"
        | "nichtanwesend"
        | "fehlt"
        | "gefehlt"
        | "unentschuldigt"
        | "unentschuldigtgefehlt"
        | "nein"
        | "n"
        | "false"
        | "falsch"
        | "0"
        | "absent"
        | "noshow"
        | "notattended"
        | "didnotattend"
        | "no" => AttendanceStatus::Absent,
        "entschuldigt"
        | "entschuldigtgefehlt"
        | "abgemeldet"
        | "abgesagt"
        | "storniert"
        | "excused"
        | "cancelled"
        | "canceled" => AttendanceStatus::Excused,
        "angemeldet" | "registriert" | "gemeldet" | "registered" | "enrolled" => {
            AttendanceStatus::Registered
        }
        _ => return None,
    };
    Some(status)
}

/// The hours cell of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum HoursCell {
    /// Empty, or no hours column: the default for the status applies.
    Blank,
    Hours(f64),
    /// Not a number of hours (or a negative one); the text as written.
    Invalid(String),
}

impl HoursCell {
    fn from_cell(cell: &Cell) -> HoursCell {
        let value = match cell {
            Cell::Empty => return HoursCell::Blank,
            Cell::Number(n) => Some(*n),
            Cell::Date(_) => None,
            Cell::Text(s) if s.trim().is_empty() => return HoursCell::Blank,
            Cell::Text(s) => parse_hours(s),
        };
        match value {
            Some(h) if h.is_finite() && h >= 0.0 => HoursCell::Hours(h),
            _ => HoursCell::Invalid(cell.text()),
        }
    }
}

/// "4", "3,5", "3.5", "3,5 Std.", "2 h" → hours; `None` for anything else.
fn parse_hours(text: &str) -> Option<f64> {
    let lower = text.trim().to_lowercase();
    let mut number = lower.as_str();
    for unit in ["stunden", "std.", "std", "hours", "hrs", "h"] {
        if let Some(rest) = number.strip_suffix(unit) {
            number = rest.trim_end();
            break;
        }
    }
    if number.is_empty() || number.matches([',', '.']).count() > 1 {
        return None;
    }
    number.replace(',', ".").parse::<f64>().ok()
}

/// One data row of a participant list as read (text trimmed).
#[derive(Debug, Clone, PartialEq)]
pub struct ParticipantRecord {
    /// The line in the file (CSV) or the sheet row (workbook) where the row starts.
    pub line: usize,
    pub personnel_number: String,
    pub email: String,
    pub last_name: String,
    pub first_name: String,
    /// The whole-name column as written ("Weiß, Jürgen").
    pub full_name: String,
    pub department: String,
    pub status: StatusCell,
    pub hours: HoursCell,
    pub note: String,
}

impl ParticipantRecord {
    /// The name as the row gives it: "Jürgen Weiß" from first and last name, else the
    /// whole-name column as written; empty if the row has no name.
    pub fn display_name(&self) -> String {
        let parts = collapse(&format!("{} {}", self.first_name, self.last_name));
        if parts.is_empty() {
            collapse(&self.full_name)
        } else {
            parts
        }
    }

    /// How the row names the person, for messages: "Anna Schmidt, Pers.-Nr. 1005,
    /// a.schmidt@stadt.de, Bauamt" (only what the row has).
    pub fn written(&self) -> String {
        let mut parts = Vec::new();
        let name = self.display_name();
        if !name.is_empty() {
            parts.push(name);
        }
        if !self.personnel_number.is_empty() {
            parts.push(ta(
                "impatt-written-number",
                &[("number", Arg::from(&self.personnel_number))],
            ));
        }
        for value in [&self.email, &self.department] {
            if !value.is_empty() {
                parts.push(value.clone());
            }
        }
        if parts.is_empty() {
            t("import-empty-value")
        } else {
            parts.join(", ")
        }
    }

    /// Whether the row names anybody (personnel number, e-mail or a name).
    fn names_someone(&self) -> bool {
        !self.personnel_number.is_empty()
            || !self.email.is_empty()
            || !self.last_name.is_empty()
            || !self.full_name.is_empty()
    }

    /// The comparison key of the row's full name ("juergen weiss"), if it has one.
    fn name_key(&self) -> Option<String> {
        let key = if !self.first_name.is_empty() && !self.last_name.is_empty() {
            name_match_key(&format!("{} {}", self.first_name, self.last_name))
        } else if !self.full_name.is_empty() {
            full_name_key(&self.full_name)
        } else {
            String::new()
        };
        (!key.is_empty()).then_some(key)
    }

    /// (last name key, first-name initial) pairs the row might mean, for suggestions.
    fn surname_guesses(&self) -> Vec<(String, Option<char>)> {
        let initial = |s: &str| name_match_key(s).chars().next();
        if !self.last_name.is_empty() {
            return vec![(name_match_key(&self.last_name), initial(&self.first_name))];
        }
        let full = strip_decorations(&self.full_name);
        if let Some((last, first)) = full.split_once(',') {
            return vec![(name_match_key(last), initial(first))];
        }
        let key = name_match_key(&full);
        let words: Vec<&str> = key.split(' ').collect();
        match words.as_slice() {
            [first, .., last] => vec![
                ((*last).to_owned(), first.chars().next()),
                ((*first).to_owned(), last.chars().next()),
            ],
            [only] if !only.is_empty() => vec![((*only).to_owned(), None)],
            _ => Vec::new(),
        }
    }
}

/// A participant list read from a file.
#[derive(Debug, Clone, PartialEq)]
pub struct ParticipantList {
    pub format: SourceFormat,
    pub header_line: usize,
    pub columns: ColumnMap,
    pub records: Vec<ParticipantRecord>,
}

/// Reads a participant list (the extension of `file_name` decides CSV or workbook).
/// Errors, in the user's language, for an unreadable file or one without a column that
/// identifies people; problems of single rows are found later by [`plan`].
pub fn read_participant_list(file_name: &str, bytes: &[u8]) -> Result<ParticipantList> {
    let table = read_table(file_name, bytes, &header_score)?;
    participants_from_table(&table)
}

/// The participant list in a table that has already been read.
pub fn participants_from_table(table: &Table) -> Result<ParticipantList> {
    let columns = ColumnMap::from_headers(&table.headers, table.header_line)?;
    let text = |row, column| collapse(&columns.cell(row, column).text());
    let records = table
        .rows
        .iter()
        .map(|row| ParticipantRecord {
            line: row.line,
            personnel_number: text(row, Column::PersonnelNumber),
            email: text(row, Column::Email),
            last_name: text(row, Column::LastName),
            first_name: text(row, Column::FirstName),
            full_name: text(row, Column::FullName),
            department: text(row, Column::Department),
            status: StatusCell::from_cell(
                columns.cell(row, Column::Status),
                columns.status_is_check,
            ),
            hours: HoursCell::from_cell(columns.cell(row, Column::Hours)),
            note: text(row, Column::Note),
        })
        .collect();
    Ok(ParticipantList {
        format: table.format.clone(),
        header_line: table.header_line,
        columns,
        records,
    })
}

fn collapse(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A whole name without what webinar tools and lists add: text in parentheses
/// ("Jürgen Weiß (Stadt Porta)") and a leading title or form of address ("Dr.", "Frau").
fn strip_decorations(full: &str) -> String {
    let mut out = String::with_capacity(full.len());
    let mut depth = 0usize;
    for c in full.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    const TITLES: [&str; 8] = ["dr", "prof", "herr", "frau", "mr", "ms", "mrs", "mx"];
    let words: Vec<&str> = out.split_whitespace().collect();
    let is_title = |w: &str| TITLES.contains(&name_match_key(w).as_str());
    // Titles may stand before the whole name or, after "Last, ", before the first name.
    let mut kept = Vec::with_capacity(words.len());
    let mut at_start = true;
    for w in &words {
        if at_start && is_title(w) && words.len() > 1 {
            continue;
        }
        at_start = w.ends_with(',');
        kept.push(*w);
    }
    kept.join(" ")
}

/// The key of a whole name as lists write it: "Weiß, Jürgen" (last name first, comma)
/// or "Jürgen Weiß".
fn full_name_key(full: &str) -> String {
    let full = strip_decorations(full);
    match full.split_once(',') {
        Some((last, first)) => name_match_key(&format!("{first} {last}")),
        None => name_match_key(&full),
    }
}

/// An employee as the preview shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct EmployeeRef {
    pub id: EmployeeId,
    pub personnel_number: String,
    pub first_name: String,
    pub last_name: String,
    pub department_code: Option<String>,
    /// "Bauamt (60)".
    pub department: Option<String>,
    pub email: Option<String>,
    pub entry_date: Option<NaiveDate>,
    pub exit_date: Option<NaiveDate>,
    /// Employed when the session took place ([`employed_at_session`]); others are
    /// never matched automatically.
    pub employed_at_session: bool,
}

/// Employed when `session` takes place: not left by its first day
/// ([`Employee::is_active_on`]) and not joined after its last — the rule the roster
/// applies when participants are added.
pub fn employed_at_session(e: &Employee, session: &Session) -> bool {
    e.is_active_on(session.starts_at.date())
        && e.entry_date
            .is_none_or(|entry| entry <= session.ends_at.date())
}

impl EmployeeRef {
    fn new(
        e: &Employee,
        departments: &HashMap<DepartmentId, &Department>,
        session: &Session,
    ) -> Self {
        let department = e.department_id.and_then(|id| departments.get(&id));
        EmployeeRef {
            id: e.id,
            personnel_number: e.personnel_number.clone(),
            first_name: e.first_name.clone(),
            last_name: e.last_name.clone(),
            department_code: department.map(|d| d.code.clone()),
            department: department.map(|d| {
                ta(
                    "import-department-label",
                    &[("name", Arg::from(&d.name)), ("code", Arg::from(&d.code))],
                )
            }),
            email: e.email.clone(),
            entry_date: e.entry_date,
            exit_date: e.exit_date,
            employed_at_session: employed_at_session(e, session),
        }
    }

    /// "Jürgen Weiß".
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }

    /// "1001 Jürgen Weiß (10.1)": personnel number, name, department code.
    pub fn label(&self) -> String {
        match &self.department_code {
            Some(code) => format!("{} {} ({code})", self.personnel_number, self.full_name()),
            None => format!("{} {}", self.personnel_number, self.full_name()),
        }
    }

    /// "1005 Anna Schmidt, Bauamt (60), a.schmidt@stadt.de, ausgeschieden am 31.01.2020":
    /// everything that tells two people of the same name apart, and for someone not
    /// employed at the session's time when they left or joined.
    pub fn describe(&self) -> String {
        let mut parts = vec![format!("{} {}", self.personnel_number, self.full_name())];
        parts.extend(self.department.clone());
        parts.extend(self.email.clone());
        if !self.employed_at_session {
            match (self.exit_date, self.entry_date) {
                (Some(exit), _) => {
                    parts.push(ta("impatt-left-on", &[("date", Arg::from(fmt_date(exit)))]))
                }
                (None, Some(entry)) => parts.push(ta(
                    "impatt-joined-on",
                    &[("date", Arg::from(fmt_date(entry)))],
                )),
                (None, None) => {}
            }
        }
        parts.join(", ")
    }
}

/// How a row was matched to its employee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MatchedBy {
    PersonnelNumber,
    Email,
    Name,
    /// The user chose the employee ([`Resolution::Employee`]).
    User,
}

impl MatchedBy {
    /// "über die E-Mail-Adresse" etc.; empty for the personnel number.
    pub fn describe(self) -> String {
        match self {
            MatchedBy::PersonnelNumber => String::new(),
            MatchedBy::Email => t("impatt-by-email"),
            MatchedBy::Name => t("impatt-by-name"),
            MatchedBy::User => t("impatt-by-user"),
        }
    }
}

/// Why a row is not matched automatically.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Nobody has this personnel number, e-mail address or name (the candidates, if any,
    /// are people with a similar name).
    NoMatch,
    /// Nobody has the personnel number the row gives (candidates: who the e-mail or name fits).
    UnknownPersonnelNumber(String),
    /// Several employees fit.
    Ambiguous,
    /// The personnel number and the e-mail address belong to different employees.
    Conflict,
    /// Only employees who were not employed when the session took place fit (they left
    /// before it or joined after it); they are listed as candidates, marked as such.
    NotEmployed,
    /// The only employee of that name is in another department than the row gives.
    OtherDepartment(String),
}

impl Problem {
    /// The problem in the current language.
    pub fn message(&self, candidates: usize) -> String {
        match self {
            Problem::NoMatch if candidates == 0 => t("impatt-problem-no-match"),
            Problem::NoMatch => t("impatt-problem-similar"),
            Problem::UnknownPersonnelNumber(number) => ta(
                "impatt-problem-unknown-number",
                &[("number", Arg::from(number))],
            ),
            Problem::Ambiguous => ta(
                "impatt-problem-ambiguous",
                &[("count", Arg::from(candidates))],
            ),
            Problem::Conflict => t("impatt-problem-conflict"),
            Problem::NotEmployed => t("impatt-problem-not-employed"),
            Problem::OtherDepartment(department) => ta(
                "impatt-problem-department",
                &[("department", Arg::from(department))],
            ),
        }
    }
}

/// What matching found for one row, before the user's resolutions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowMatch {
    Found {
        employee: EmployeeId,
        by: MatchedBy,
    },
    Unresolved {
        problem: Problem,
        /// The employees the row may mean, best first (may be empty).
        candidates: Vec<EmployeeId>,
    },
    /// The row has neither personnel number nor e-mail nor name.
    NoPerson,
}

/// The user's decision for a row, by line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Resolution {
    /// The row means this employee (any employee, not only a candidate).
    Employee(EmployeeId),
    /// Leave the row out of the import.
    Skip,
}

/// The user's decisions: line (as in [`ParticipantRecord::line`]) → resolution. A
/// resolution may be given for any row: it overrides the automatic match, and a skip
/// also takes a rejected row out of the way.
pub type Resolutions = HashMap<usize, Resolution>;

/// The most similar names suggested for a row that matches nobody.
const MAX_SUGGESTIONS: usize = 10;

/// Looks employees up by personnel number, e-mail and name. Build once per file.
pub struct Directory<'a> {
    employees: &'a [Employee],
    session: &'a Session,
    by_number: HashMap<&'a str, usize>,
    /// All-digit personnel numbers without leading zeros (a workbook drops them).
    by_number_value: HashMap<&'a str, Vec<usize>>,
    by_email: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
    by_last_name: HashMap<String, Vec<usize>>,
    /// (code as [`department_key`], name as [`name_match_key`], id) of every department.
    departments: Vec<(String, String, DepartmentId)>,
    parent: HashMap<DepartmentId, DepartmentId>,
}

impl<'a> Directory<'a> {
    /// An index over `employees` (leavers included) and `departments`, for `session`:
    /// who was not employed when it took place is not matched automatically.
    pub fn new(
        employees: &'a [Employee],
        departments: &'a [Department],
        session: &'a Session,
    ) -> Self {
        let mut dir = Directory {
            employees,
            session,
            by_number: HashMap::with_capacity(employees.len()),
            by_number_value: HashMap::new(),
            by_email: HashMap::new(),
            by_name: HashMap::with_capacity(employees.len() * 2),
            by_last_name: HashMap::with_capacity(employees.len()),
            departments: departments
                .iter()
                .map(|d| (department_key(&d.code), name_match_key(&d.name), d.id))
                .collect(),
            parent: departments
                .iter()
                .filter_map(|d| d.parent_id.map(|p| (d.id, p)))
                .collect(),
        };
        for (i, e) in employees.iter().enumerate() {
            let number = e.personnel_number.trim();
            dir.by_number.insert(number, i);
            if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) {
                dir.by_number_value
                    .entry(without_leading_zeros(number))
                    .or_default()
                    .push(i);
            }
            if let Some(email) = &e.email {
                dir.by_email.entry(email_key(email)).or_default().push(i);
            }
            let forward = name_match_key(&format!("{} {}", e.first_name, e.last_name));
            let backward = name_match_key(&format!("{} {}", e.last_name, e.first_name));
            dir.by_name.entry(forward.clone()).or_default().push(i);
            if backward != forward {
                dir.by_name.entry(backward).or_default().push(i);
            }
            dir.by_last_name
                .entry(name_match_key(&e.last_name))
                .or_default()
                .push(i);
        }
        dir
    }

    fn id(&self, i: usize) -> EmployeeId {
        self.employees[i].id
    }

    fn ids(&self, list: &[usize]) -> Vec<EmployeeId> {
        list.iter().map(|i| self.id(*i)).collect()
    }

    /// Employed when the session took place.
    fn active(&self, i: usize) -> bool {
        employed_at_session(&self.employees[i], self.session)
    }

    fn by_number(&self, number: &str) -> Option<usize> {
        if let Some(i) = self.by_number.get(number) {
            return Some(*i);
        }
        if !number.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        match self
            .by_number_value
            .get(without_leading_zeros(number))
            .map(Vec::as_slice)
        {
            Some([i]) => Some(*i),
            _ => None,
        }
    }

    fn by_email(&self, email: &str) -> &[usize] {
        self.by_email
            .get(&email_key(email))
            .map_or(&[], Vec::as_slice)
    }

    fn by_name(&self, key: &str) -> &[usize] {
        self.by_name.get(key).map_or(&[], Vec::as_slice)
    }

    /// The departments a department cell names (code first, else every department of
    /// that name); `None` when it names none.
    fn departments_named(&self, value: &str) -> Option<Vec<DepartmentId>> {
        let code = department_key(value);
        if let Some((.., id)) = self.departments.iter().find(|(c, ..)| *c == code) {
            return Some(vec![*id]);
        }
        let key = name_match_key(value);
        if key.is_empty() {
            return None;
        }
        let named: Vec<DepartmentId> = self
            .departments
            .iter()
            .filter(|(_, name, _)| *name == key)
            .map(|(.., id)| *id)
            .collect();
        (!named.is_empty()).then_some(named)
    }

    /// Whether employee `i` works in one of `departments` or a unit below one of them.
    fn works_in(&self, i: usize, departments: &[DepartmentId]) -> bool {
        let mut current = self.employees[i].department_id;
        // The database refuses cycles; the bound only guards against a damaged file.
        for _ in 0..64 {
            let Some(id) = current else {
                return false;
            };
            if departments.contains(&id) {
                return true;
            }
            current = self.parent.get(&id).copied();
        }
        false
    }

    /// Employees with a similar name to a row that matches nobody: the same last name
    /// and, where the row gives one, the same first initial.
    fn suggestions(&self, record: &ParticipantRecord) -> Vec<EmployeeId> {
        let mut out: Vec<usize> = Vec::new();
        for (last, initial) in record.surname_guesses() {
            for &i in self.by_last_name.get(&last).map_or(&[][..], Vec::as_slice) {
                let first = name_match_key(&self.employees[i].first_name);
                if initial.is_none_or(|c| first.starts_with(c)) && !out.contains(&i) {
                    out.push(i);
                }
            }
        }
        out.sort_by_key(|i| (!self.active(*i), *i));
        out.truncate(MAX_SUGGESTIONS);
        self.ids(&out)
    }

    /// Matches one row; see [`match_rows`] for the rules.
    pub fn match_record(&self, record: &ParticipantRecord) -> RowMatch {
        if !record.names_someone() {
            return RowMatch::NoPerson;
        }
        let email_hits: &[usize] = if record.email.is_empty() {
            &[]
        } else {
            self.by_email(&record.email)
        };
        let name = record.name_key();
        let departments = if record.department.is_empty() {
            None
        } else {
            self.departments_named(&record.department)
        };

        if !record.personnel_number.is_empty() {
            let Some(i) = self.by_number(&record.personnel_number) else {
                let mut candidates: Vec<usize> = email_hits.to_vec();
                if let Some(name) = &name {
                    for &j in self.by_name(name) {
                        if !candidates.contains(&j) {
                            candidates.push(j);
                        }
                    }
                }
                return RowMatch::Unresolved {
                    problem: Problem::UnknownPersonnelNumber(record.personnel_number.clone()),
                    candidates: self.ids(&candidates),
                };
            };
            if !email_hits.is_empty() && !email_hits.contains(&i) {
                let mut candidates = vec![i];
                candidates.extend_from_slice(email_hits);
                return RowMatch::Unresolved {
                    problem: Problem::Conflict,
                    candidates: self.ids(&candidates),
                };
            }
            if !self.active(i) {
                return RowMatch::Unresolved {
                    problem: Problem::NotEmployed,
                    candidates: vec![self.id(i)],
                };
            }
            return RowMatch::Found {
                employee: self.id(i),
                by: MatchedBy::PersonnelNumber,
            };
        }

        if !email_hits.is_empty() {
            let active: Vec<usize> = email_hits
                .iter()
                .copied()
                .filter(|i| self.active(*i))
                .collect();
            match active.as_slice() {
                [] => {
                    return RowMatch::Unresolved {
                        problem: Problem::NotEmployed,
                        candidates: self.ids(email_hits),
                    };
                }
                [i] => {
                    return RowMatch::Found {
                        employee: self.id(*i),
                        by: MatchedBy::Email,
                    };
                }
                _ => {
                    // A shared address: the name (and department) may tell them apart.
                    let by_name = name.as_deref().map_or(&[][..], |n| self.by_name(n));
                    let narrowed: Vec<usize> = active
                        .iter()
                        .copied()
                        .filter(|i| by_name.contains(i))
                        .filter(|i| departments.as_ref().is_none_or(|d| self.works_in(*i, d)))
                        .collect();
                    if let [i] = narrowed.as_slice() {
                        return RowMatch::Found {
                            employee: self.id(*i),
                            by: MatchedBy::Email,
                        };
                    }
                    return RowMatch::Unresolved {
                        problem: Problem::Ambiguous,
                        candidates: self.ids(&active),
                    };
                }
            }
        }

        let Some(name) = name else {
            return RowMatch::Unresolved {
                problem: Problem::NoMatch,
                candidates: self.suggestions(record),
            };
        };
        let hits = self.by_name(&name);
        if hits.is_empty() {
            return RowMatch::Unresolved {
                problem: Problem::NoMatch,
                candidates: self.suggestions(record),
            };
        }
        let active: Vec<usize> = hits.iter().copied().filter(|i| self.active(*i)).collect();
        if active.is_empty() {
            return RowMatch::Unresolved {
                problem: Problem::NotEmployed,
                candidates: self.ids(hits),
            };
        }
        let narrowed: Vec<usize> = match &departments {
            Some(d) => active
                .iter()
                .copied()
                .filter(|i| self.works_in(*i, d))
                .collect(),
            None => active.clone(),
        };
        match narrowed.as_slice() {
            [i] => RowMatch::Found {
                employee: self.id(*i),
                by: MatchedBy::Name,
            },
            [] => RowMatch::Unresolved {
                problem: if active.len() == 1 {
                    Problem::OtherDepartment(record.department.clone())
                } else {
                    Problem::Ambiguous
                },
                candidates: self.ids(&active),
            },
            several => RowMatch::Unresolved {
                problem: Problem::Ambiguous,
                candidates: self.ids(several),
            },
        }
    }
}

fn without_leading_zeros(number: &str) -> &str {
    let trimmed = number.trim_start_matches('0');
    if trimmed.is_empty() { "0" } else { trimmed }
}

fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Matches every row to an employee, never guessing:
///
/// 1. A **personnel number** must match exactly (leading zeros a workbook dropped are
///    tolerated when that leaves one employee). If the row's e-mail address belongs to
///    somebody else, the row is a conflict; if nobody has the number, the row is
///    unresolved (with whoever the e-mail or name fits as candidates) — the other
///    columns are not used to override a wrong number.
/// 2. Else the **e-mail address** (case-insensitive). An address shared by several
///    employees is narrowed by name and department.
/// 3. Else the **name** (case-insensitive, white space, hyphens and umlaut spellings
///    ä/ae, ö/oe, ü/ue, ß/ss tolerated; "Weiß, Jürgen" and "Jürgen Weiß" both work),
///    narrowed by the department cell when it names a department (by code or name; its
///    sub-units count). A department cell that names no department is not used.
///
/// Employees who were not employed when the session took place ([`employed_at_session`]:
/// left before its first day or joined after its last) are not matched automatically:
/// a row that fits only them is unresolved ([`Problem::NotEmployed`]); when an employed
/// person of the same name exists, that one is matched. A row that fits nobody or more
/// than one employee is unresolved with the candidates, for the user to choose or skip.
pub fn match_rows(
    records: &[ParticipantRecord],
    employees: &[Employee],
    departments: &[Department],
    session: &Session,
) -> Vec<RowMatch> {
    let dir = Directory::new(employees, departments, session);
    records.iter().map(|r| dir.match_record(r)).collect()
}

/// Everything planning needs besides the file and the matches.
#[derive(Debug, Clone)]
pub struct Context {
    pub session: Session,
    /// The moment of planning (the store's clock): before the session has started only
    /// "registered" and "excused" can be recorded.
    pub now: NaiveDateTime,
    /// The hours a full attendance credits (see `service::attendance::full_hours`: the
    /// session's length, capped at the seminar's default hours).
    pub full_hours: f64,
    /// Every employee (leavers included) as the preview shows them.
    pub people: HashMap<EmployeeId, EmployeeRef>,
    /// The session's roster entries of (at least) every employee a row may be matched to.
    pub roster: HashMap<EmployeeId, Attendance>,
}

impl Context {
    /// The context for `session` at the moment `now`, crediting `full_hours` for a full
    /// attendance, with the current `employees`, `departments` and the session's `roster`.
    pub fn new(
        session: Session,
        now: NaiveDateTime,
        full_hours: f64,
        employees: &[Employee],
        departments: &[Department],
        roster: impl IntoIterator<Item = Attendance>,
    ) -> Context {
        let by_id: HashMap<DepartmentId, &Department> =
            departments.iter().map(|d| (d.id, d)).collect();
        Context {
            people: employees
                .iter()
                .map(|e| (e.id, EmployeeRef::new(e, &by_id, &session)))
                .collect(),
            roster: roster.into_iter().map(|a| (a.employee_id, a)).collect(),
            session,
            now,
            full_hours,
        }
    }

    /// The most hours a row may credit: the session's length.
    pub fn max_hours(&self) -> f64 {
        self.session.duration_hours().max(0.0)
    }

    /// Whether the session has not started yet: then only "registered" and "excused"
    /// can be recorded.
    pub fn is_future(&self) -> bool {
        self.now < self.session.starts_at
    }
}

/// A row that adds a roster entry, changes one, or leaves one as it is.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedRow {
    pub line: usize,
    pub employee: EmployeeRef,
    pub matched_by: MatchedBy,
    pub status: AttendanceStatus,
    /// Hours credited; 0 unless attended or partial.
    pub hours: f64,
    pub note: String,
    /// The roster entry before the import; `None` for a row that adds one.
    pub existing: Option<Attendance>,
}

impl PlannedRow {
    /// "Zeile 3: 1001 Jürgen Weiß (10.1) – teilgenommen, 8 Std. (erkannt über die
    /// E-Mail-Adresse)"; for a change "angemeldet → teilgenommen, 8 Std.".
    pub fn describe(&self) -> String {
        let new = value_text(self.status, self.hours, &self.note);
        let what = match &self.existing {
            Some(old) if !self.is_unchanged() => ta(
                "impatt-change",
                &[
                    (
                        "old",
                        Arg::from(value_text(old.status, old.hours, &old.note)),
                    ),
                    ("new", Arg::from(new)),
                ],
            ),
            _ => new,
        };
        let by = self.matched_by.describe();
        let text = if by.is_empty() {
            ta(
                "impatt-row",
                &[
                    ("person", Arg::from(self.employee.label())),
                    ("what", Arg::from(what)),
                ],
            )
        } else {
            ta(
                "impatt-row-matched",
                &[
                    ("person", Arg::from(self.employee.label())),
                    ("what", Arg::from(what)),
                    ("by", Arg::from(by)),
                ],
            )
        };
        ta(
            "import-line",
            &[("line", Arg::from(self.line)), ("text", Arg::from(text))],
        )
    }

    /// True when the roster entry exists with the same status, hours and note.
    pub fn is_unchanged(&self) -> bool {
        self.existing.as_ref().is_some_and(|a| {
            a.status == self.status && (a.hours - self.hours).abs() < 1e-9 && a.note == self.note
        })
    }
}

/// "teilgenommen, 8 Std., Bemerkung „ab 10 Uhr“" — hours only where they count.
pub fn value_text(status: AttendanceStatus, hours: f64, note: &str) -> String {
    let mut text = status_label(status);
    if status.credits_hours() || hours > 0.0 {
        text = ta(
            "impatt-status-hours",
            &[
                ("status", Arg::from(text)),
                ("hours", Arg::from(fmt_hours(hours))),
            ],
        );
    }
    if !note.is_empty() {
        text = ta(
            "impatt-with-note",
            &[("text", Arg::from(text)), ("note", Arg::from(note))],
        );
    }
    text
}

/// The status as the import shows it ("teilgenommen", "entschuldigt" …).
pub fn status_label(status: AttendanceStatus) -> String {
    status.label()
}

/// A row that is not matched to exactly one employee: the user picks one or skips it.
#[derive(Debug, Clone, PartialEq)]
pub struct UnresolvedRow {
    pub line: usize,
    /// How the file names the person ([`ParticipantRecord::written`]).
    pub written: String,
    pub problem: Problem,
    /// The employees the row may mean, best first; may be empty.
    pub candidates: Vec<EmployeeRef>,
}

impl UnresolvedRow {
    /// "Zeile 6: „Anna Schmidt, Bauamt“ – 2 Beschäftigte passen dazu." (the candidates
    /// are described one by one with [`EmployeeRef::describe`]).
    pub fn describe(&self) -> String {
        ta(
            "import-line",
            &[
                ("line", Arg::from(self.line)),
                (
                    "text",
                    Arg::from(ta(
                        "impatt-unresolved",
                        &[
                            ("written", Arg::from(&self.written)),
                            (
                                "problem",
                                Arg::from(self.problem.message(self.candidates.len())),
                            ),
                        ],
                    )),
                ),
            ],
        )
    }
}

/// Why a row is rejected (the file must be fixed, or the row skipped).
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// The row has neither personnel number nor e-mail nor name.
    NoPerson,
    UnknownStatus(String),
    InvalidHours(String),
    /// More hours than the session lasts.
    TooManyHours {
        hours: f64,
        max: f64,
    },
    /// "Partial" without hours (or with 0).
    PartialWithoutHours,
    /// Hours for a status that credits none (absent, excused, registered).
    HoursNotCredited {
        status: AttendanceStatus,
        hours: f64,
    },
    /// The session has not started yet: only "registered" and "excused" are possible.
    NotYetHeld {
        status: AttendanceStatus,
        starts: NaiveDate,
    },
    /// The user chose someone who was not employed when the session took place (label
    /// as in [`EmployeeRef::label`]).
    NotEmployed(String),
    /// The same employee on several lines (every one of them is rejected).
    DuplicateInFile {
        employee: String,
        lines: Vec<usize>,
    },
    /// The user chose an employee who does not exist (any more).
    UnknownEmployee(EmployeeId),
}

impl Reason {
    /// The reason in the current language.
    pub fn message(&self) -> String {
        match self {
            Reason::NoPerson => t("impatt-no-person"),
            Reason::UnknownStatus(value) => {
                ta("impatt-unknown-status", &[("value", Arg::from(value))])
            }
            Reason::InvalidHours(value) => {
                ta("impatt-invalid-hours", &[("value", Arg::from(value))])
            }
            Reason::TooManyHours { hours, max } => ta(
                "impatt-too-many-hours",
                &[
                    ("hours", Arg::from(fmt_hours(*hours))),
                    ("max", Arg::from(fmt_hours(*max))),
                ],
            ),
            Reason::PartialWithoutHours => t("impatt-partial-without-hours"),
            Reason::HoursNotCredited { status, hours } => ta(
                "impatt-hours-not-credited",
                &[
                    ("status", Arg::from(status_label(*status))),
                    ("hours", Arg::from(fmt_hours(*hours))),
                ],
            ),
            Reason::NotYetHeld { status, starts } => ta(
                "impatt-not-yet-held",
                &[
                    ("status", Arg::from(status_label(*status))),
                    ("date", Arg::from(fmt_date(*starts))),
                ],
            ),
            Reason::DuplicateInFile { employee, lines } => ta(
                "impatt-duplicate",
                &[
                    ("person", Arg::from(employee)),
                    (
                        "lines",
                        Arg::from(
                            lines
                                .iter()
                                .map(usize::to_string)
                                .collect::<Vec<_>>()
                                .join(", "),
                        ),
                    ),
                ],
            ),
            Reason::NotEmployed(employee) => {
                ta("impatt-not-employed", &[("person", Arg::from(employee))])
            }
            Reason::UnknownEmployee(id) => {
                ta("impatt-unknown-employee", &[("id", Arg::from(id.0))])
            }
        }
    }
}

/// A row that cannot be imported.
#[derive(Debug, Clone, PartialEq)]
pub struct RejectedRow {
    pub line: usize,
    /// How the file names the person ([`ParticipantRecord::written`]).
    pub written: String,
    /// Never empty.
    pub reasons: Vec<Reason>,
}

impl RejectedRow {
    /// "Zeile 7: „Jürgen Weiß“ – Ungültige Stundenzahl „vier“ …"
    pub fn describe(&self) -> String {
        let reasons: Vec<String> = self.reasons.iter().map(Reason::message).collect();
        ta(
            "import-line",
            &[
                ("line", Arg::from(self.line)),
                (
                    "text",
                    Arg::from(ta(
                        "impatt-rejected",
                        &[
                            ("written", Arg::from(&self.written)),
                            ("reasons", Arg::from(reasons.join(" "))),
                        ],
                    )),
                ),
            ],
        )
    }
}

/// What an import would do to the session's roster. Every data row is in exactly one
/// list; all lists are in file order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    /// Rows that add a roster entry.
    pub added: Vec<PlannedRow>,
    /// Rows that change an existing entry's status, hours or note.
    pub updated: Vec<PlannedRow>,
    /// Rows whose entry already says the same.
    pub unchanged: Vec<PlannedRow>,
    /// Rows without a resolution that match nobody or several employees.
    pub unresolved: Vec<UnresolvedRow>,
    pub rejected: Vec<RejectedRow>,
    /// Lines the user chose to skip.
    pub skipped: Vec<usize>,
}

impl Plan {
    /// True when nothing stands in the way of a commit: no row unresolved or rejected.
    pub fn is_ready(&self) -> bool {
        self.unresolved.is_empty() && self.rejected.is_empty()
    }

    /// The number of data rows the plan covers.
    pub fn rows(&self) -> usize {
        self.added.len()
            + self.updated.len()
            + self.unchanged.len()
            + self.unresolved.len()
            + self.rejected.len()
            + self.skipped.len()
    }
}

/// Status, hours and note a matched row records.
struct Values {
    status: AttendanceStatus,
    hours: f64,
    note: String,
}

/// The row's values against the employee's roster entry `existing` (rules in [`plan`]).
fn values(
    record: &ParticipantRecord,
    existing: Option<&Attendance>,
    ctx: &Context,
) -> Result<Values, Vec<Reason>> {
    let mut reasons = Vec::new();
    let max = ctx.max_hours();
    let future = ctx.is_future();
    let cell_hours = match &record.hours {
        HoursCell::Blank => None,
        HoursCell::Hours(h) => {
            if max > 0.0 && *h > max + 1e-9 {
                reasons.push(Reason::TooManyHours { hours: *h, max });
            }
            Some(*h)
        }
        HoursCell::Invalid(text) => {
            reasons.push(Reason::InvalidHours(text.clone()));
            None
        }
    };
    let kept = existing.filter(|a| a.status.credits_hours());
    let (status, stored_hours) = match (&record.status, kept) {
        (StatusCell::Status(s), _) => (*s, existing.filter(|a| a.status == *s).map(|a| a.hours)),
        (StatusCell::Unknown(text), _) => {
            reasons.push(Reason::UnknownStatus(text.clone()));
            return Err(reasons);
        }
        (StatusCell::Blank, Some(a)) => (a.status, Some(a.hours)),
        (StatusCell::Blank, None) if future => (AttendanceStatus::Registered, None),
        (StatusCell::Blank, None) => (AttendanceStatus::Attended, None),
    };
    if future
        && !matches!(
            status,
            AttendanceStatus::Registered | AttendanceStatus::Excused
        )
    {
        reasons.push(Reason::NotYetHeld {
            status,
            starts: ctx.session.starts_at.date(),
        });
    }
    let hours = match cell_hours {
        Some(h) => {
            if !status.credits_hours() && h > 0.0 {
                reasons.push(Reason::HoursNotCredited { status, hours: h });
            } else if status == AttendanceStatus::Partial && h <= 0.0 {
                reasons.push(Reason::PartialWithoutHours);
            }
            h
        }
        None if matches!(record.hours, HoursCell::Invalid(_)) => 0.0,
        None => match (status, stored_hours) {
            (s, Some(h)) if s.credits_hours() => h,
            (AttendanceStatus::Attended, _) => ctx.full_hours,
            (AttendanceStatus::Partial, _) => {
                reasons.push(Reason::PartialWithoutHours);
                0.0
            }
            _ => 0.0,
        },
    };
    let note = if record.note.is_empty() {
        existing.map(|a| a.note.clone()).unwrap_or_default()
    } else {
        record.note.clone()
    };
    if reasons.is_empty() {
        Ok(Values {
            status,
            hours,
            note,
        })
    } else {
        Err(reasons)
    }
}

/// One row on its way through [`plan`].
enum Step {
    Skipped,
    Unresolved(Problem, Vec<EmployeeId>),
    Rejected(Option<(EmployeeId, MatchedBy)>, Vec<Reason>),
    Planned(EmployeeId, MatchedBy, Values),
}

/// Plans the import of `records` (matched by [`match_rows`], same order) into the
/// session of `ctx`, with the user's `resolutions`.
///
/// Rows with invalid values are rejected even when unmatched (fixing the file comes
/// first); a resolution chooses the employee of any row or skips it. The same employee
/// on several lines (by any kind of match) rejects every one of those lines. Matched rows
/// compare with the roster: no entry → added; the same status, hours and note →
/// unchanged; else updated. Roster entries of people not in the file are left alone.
///
/// Values of a row:
/// - **Status**: the cell's. A blank cell means attended — registered for a session that
///   has not started — except that a roster entry already marked attended or partial
///   keeps its status and hours (importing the same list twice changes nothing).
/// - **Hours**: the cell's. A blank cell means the stored hours when the status stays the
///   same, else the full hours ([`Context::full_hours`]) for attended and 0 for the
///   others; partial needs hours above 0. Hours must not exceed the session's length
///   ([`Session::duration_hours`]) and are refused for statuses that credit none.
/// - **Note**: the cell's; a blank cell keeps the stored note.
/// - Before the session has started (`ctx.now`), only "registered" and "excused" are
///   possible.
/// - A user may choose any employee for a row, but not one who was not employed when
///   the session took place (the roster refuses them too).
pub fn plan(
    records: &[ParticipantRecord],
    matches: &[RowMatch],
    resolutions: &Resolutions,
    ctx: &Context,
) -> Plan {
    let steps: Vec<Step> = records
        .iter()
        .zip(matches)
        .map(|(record, found)| {
            let chosen = match resolutions.get(&record.line) {
                Some(Resolution::Skip) => return Step::Skipped,
                Some(Resolution::Employee(id)) => match ctx.people.get(id) {
                    Some(e) if e.employed_at_session => Some((*id, MatchedBy::User)),
                    Some(e) => {
                        return Step::Rejected(
                            Some((*id, MatchedBy::User)),
                            vec![Reason::NotEmployed(e.label())],
                        );
                    }
                    None => return Step::Rejected(None, vec![Reason::UnknownEmployee(*id)]),
                },
                None => match found {
                    RowMatch::Found { employee, by } => Some((*employee, *by)),
                    RowMatch::NoPerson => return Step::Rejected(None, vec![Reason::NoPerson]),
                    RowMatch::Unresolved { .. } => None,
                },
            };
            let existing = chosen.and_then(|(id, _)| ctx.roster.get(&id));
            match (values(record, existing, ctx), chosen, found) {
                (Err(reasons), chosen, _) => Step::Rejected(chosen, reasons),
                (Ok(values), Some((id, by)), _) => Step::Planned(id, by, values),
                (
                    Ok(_),
                    None,
                    RowMatch::Unresolved {
                        problem,
                        candidates,
                    },
                ) => Step::Unresolved(problem.clone(), candidates.clone()),
                // Without a choice a row is found, unresolved or has no person (handled above).
                (Ok(_), None, _) => Step::Rejected(None, vec![Reason::NoPerson]),
            }
        })
        .collect();

    let mut lines_of: HashMap<EmployeeId, Vec<usize>> = HashMap::new();
    for (record, step) in records.iter().zip(&steps) {
        if let Step::Planned(id, ..) | Step::Rejected(Some((id, _)), _) = step {
            lines_of.entry(*id).or_default().push(record.line);
        }
    }
    let duplicate = |id: &EmployeeId| -> Option<Reason> {
        let lines = lines_of.get(id).filter(|l| l.len() > 1)?;
        let employee = ctx
            .people
            .get(id)
            .map_or_else(|| id.to_string(), EmployeeRef::label);
        Some(Reason::DuplicateInFile {
            employee,
            lines: lines.clone(),
        })
    };

    let mut out = Plan::default();
    for (record, step) in records.iter().zip(steps) {
        let reject = |reasons| RejectedRow {
            line: record.line,
            written: record.written(),
            reasons,
        };
        match step {
            Step::Skipped => out.skipped.push(record.line),
            Step::Unresolved(problem, candidates) => out.unresolved.push(UnresolvedRow {
                line: record.line,
                written: record.written(),
                problem,
                candidates: candidates
                    .iter()
                    .filter_map(|id| ctx.people.get(id).cloned())
                    .collect(),
            }),
            Step::Rejected(chosen, mut reasons) => {
                if let Some(reason) = chosen.and_then(|(id, _)| duplicate(&id)) {
                    reasons.insert(0, reason);
                }
                out.rejected.push(reject(reasons));
            }
            Step::Planned(id, by, values) => {
                if let Some(reason) = duplicate(&id) {
                    out.rejected.push(reject(vec![reason]));
                    continue;
                }
                let Some(employee) = ctx.people.get(&id).cloned() else {
                    out.rejected.push(reject(vec![Reason::UnknownEmployee(id)]));
                    continue;
                };
                let row = PlannedRow {
                    line: record.line,
                    employee,
                    matched_by: by,
                    status: values.status,
                    hours: values.hours,
                    note: values.note,
                    existing: ctx.roster.get(&id).cloned(),
                };
                if row.existing.is_none() {
                    out.added.push(row);
                } else if row.is_unchanged() {
                    out.unchanged.push(row);
                } else {
                    out.updated.push(row);
                }
            }
        }
    }
    out
}

super::headers::import_column!(Column);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, set_thread_language};
    use crate::model::{AttendanceId, SeminarId, SessionId};

    fn headers(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).expect("date")
    }

    fn employee(id: i64, pnr: &str, first: &str, last: &str, email: Option<&str>) -> Employee {
        Employee {
            id: EmployeeId(id),
            personnel_number: pnr.into(),
            first_name: first.into(),
            last_name: last.into(),
            salutation: Default::default(),
            email: email.map(str::to_owned),
            department_id: None,
            job_title: None,
            entry_date: None,
            exit_date: None,
        }
    }

    fn record(line: usize) -> ParticipantRecord {
        ParticipantRecord {
            line,
            personnel_number: String::new(),
            email: String::new(),
            last_name: String::new(),
            first_name: String::new(),
            full_name: String::new(),
            department: String::new(),
            status: StatusCell::Blank,
            hours: HoursCell::Blank,
            note: String::new(),
        }
    }

    fn session(d: u32) -> Session {
        Session {
            id: SessionId(1),
            seminar_id: SeminarId(1),
            starts_at: day(d).and_hms_opt(9, 0, 0).expect("time"),
            ends_at: day(d).and_hms_opt(13, 0, 0).expect("time"),
            location: String::new(),
            trainer: String::new(),
            capacity: None,
        }
    }

    #[test]
    fn header_variants_are_recognised() {
        for (header, column) in [
            ("Personalnummer", Column::PersonnelNumber),
            ("Pers.-Nr.", Column::PersonnelNumber),
            ("Personnel number", Column::PersonnelNumber),
            ("E-Mail", Column::Email),
            ("User Email", Column::Email),
            ("E-Mail-Adresse des Benutzers", Column::Email),
            ("Teilnehmer:in", Column::FullName),
            ("Teilnehmer*in", Column::FullName),
            ("Participant", Column::FullName),
            ("Name (Original Name)", Column::FullName),
            ("Vollständiger Name", Column::FullName),
            ("Abteilung", Column::Department),
            ("Organisationseinheit", Column::Department),
            ("Department", Column::Department),
            ("Status", Column::Status),
            ("Anwesend", Column::Status),
            ("Stunden", Column::Hours),
            ("Std.", Column::Hours),
            ("Hours", Column::Hours),
            ("Bemerkung", Column::Note),
            ("Note", Column::Note),
        ] {
            assert_eq!(Column::from_header(header), Some(column), "{header}");
        }
        assert_eq!(Column::from_header("Join Time"), None);
        assert_eq!(Column::from_header("Name"), None);
    }

    #[test]
    fn name_is_the_last_name_next_to_a_first_name_else_the_whole_name() {
        let map = ColumnMap::from_headers(&headers(&["Name", "Vorname"]), 1).expect("columns");
        assert!(map.has(Column::LastName) && !map.has(Column::FullName));
        let map = ColumnMap::from_headers(&headers(&["Name", "E-Mail"]), 1).expect("columns");
        assert!(map.has(Column::FullName) && !map.has(Column::LastName));
        let map = ColumnMap::from_headers(&headers(&["Name", "Teilnehmer"]), 1).expect("columns");
        assert_eq!(map.ignored, ["Name"]);
    }

    #[test]
    fn a_file_without_an_identifying_column_is_refused() {
        set_thread_language(Lang::De);
        let err = ColumnMap::from_headers(&headers(&["Nachname", "Stunden"]), 2)
            .expect_err("nobody can be identified")
            .user_message();
        assert!(err.contains("Zeile 2"), "{err}");
        assert!(err.contains("„Nachname“, „Stunden“"), "{err}");
    }

    #[test]
    fn statuses_and_hours_as_written() {
        for (text, status) in [
            ("teilgenommen", AttendanceStatus::Attended),
            ("Anwesend", AttendanceStatus::Attended),
            ("Yes", AttendanceStatus::Attended),
            ("abwesend", AttendanceStatus::Absent),
            ("No-Show", AttendanceStatus::Absent),
            ("nicht erschienen", AttendanceStatus::Absent),
            ("entschuldigt", AttendanceStatus::Excused),
            ("Excused", AttendanceStatus::Excused),
            ("teilweise", AttendanceStatus::Partial),
            ("partial", AttendanceStatus::Partial),
            ("angemeldet", AttendanceStatus::Registered),
        ] {
            assert_eq!(parse_status(text), Some(status), "{text}");
        }
        assert_eq!(parse_status("vielleicht"), None);
        for (text, hours) in [
            ("4", 4.0),
            ("3,5", 3.5),
            ("3.5", 3.5),
            ("2,5 Std.", 2.5),
            ("6 h", 6.0),
        ] {
            assert_eq!(parse_hours(text), Some(hours), "{text}");
        }
        for text in ["vier", "1.000,5", "", "h"] {
            assert_eq!(parse_hours(text), None, "{text}");
        }
        assert_eq!(
            HoursCell::from_cell(&Cell::Text("-2".into())),
            HoursCell::Invalid("-2".into())
        );
        assert_eq!(
            HoursCell::from_cell(&Cell::Number(1.5)),
            HoursCell::Hours(1.5)
        );
    }

    #[test]
    fn names_compare_across_spellings_and_orders() {
        assert_eq!(name_match_key("Jürgen  Weiß"), "juergen weiss");
        assert_eq!(name_match_key("Juergen Weiss"), "juergen weiss");
        assert_eq!(name_match_key("Anna-Lena Ö'Brien"), "anna lena oebrien");
        assert_eq!(name_match_key("René Łukasz"), "rene lukasz");
        assert_eq!(full_name_key("Weiß, Jürgen"), "juergen weiss");
        assert_eq!(
            full_name_key("Dr. Jürgen Weiß (Stadt Porta)"),
            "juergen weiss"
        );
        assert_eq!(full_name_key("Weiß, Dr. Jürgen"), "juergen weiss");
    }

    #[test]
    fn leading_zeros_a_workbook_dropped_are_tolerated_only_when_unique() {
        let employees = [
            employee(1, "000123", "Anna", "Schmidt", None),
            employee(2, "0456", "Bernd", "Meier", None),
            employee(3, "00456", "Carla", "Meier", None),
        ];
        let session = session(3);
        let dir = Directory::new(&employees, &[], &session);
        let mut r = record(2);
        r.personnel_number = "123".into();
        assert_eq!(
            dir.match_record(&r),
            RowMatch::Found {
                employee: EmployeeId(1),
                by: MatchedBy::PersonnelNumber
            }
        );
        r.personnel_number = "456".into();
        assert!(matches!(
            dir.match_record(&r),
            RowMatch::Unresolved {
                problem: Problem::UnknownPersonnelNumber(_),
                ..
            }
        ));
    }

    #[test]
    fn only_people_employed_at_the_session_are_matched_automatically() {
        let mut gone = employee(1, "1", "Anna", "Schmidt", None);
        gone.exit_date = Some(day(1));
        // As `Employee::is_active_on` counts it: employed up to the day before the exit date.
        let mut left_on_the_day = employee(3, "3", "Olaf", "Berg", None);
        left_on_the_day.exit_date = Some(day(3));
        let mut left_the_day_after = employee(4, "4", "Eva", "Berg", None);
        left_the_day_after.exit_date = Some(day(4));
        let mut joined_later = employee(5, "5", "Udo", "Berg", None);
        joined_later.entry_date = Some(day(4));
        let employees = [
            gone,
            employee(2, "2", "Anna", "Schmidt", None),
            left_on_the_day,
            left_the_day_after,
            joined_later,
        ];
        let session = session(3);
        let dir = Directory::new(&employees, &[], &session);
        let mut r = record(2);
        r.full_name = "Schmidt, Anna".into();
        assert_eq!(
            dir.match_record(&r),
            RowMatch::Found {
                employee: EmployeeId(2),
                by: MatchedBy::Name
            }
        );
        r.full_name = String::new();
        r.personnel_number = "1".into();
        assert_eq!(
            dir.match_record(&r),
            RowMatch::Unresolved {
                problem: Problem::NotEmployed,
                candidates: vec![EmployeeId(1)]
            }
        );
        for (number, employed) in [("3", false), ("4", true), ("5", false)] {
            r.personnel_number = number.into();
            let found = matches!(dir.match_record(&r), RowMatch::Found { .. });
            assert_eq!(found, employed, "personnel number {number}");
        }
    }

    #[test]
    fn a_blank_status_keeps_an_attended_entry_and_defaults_otherwise() {
        set_thread_language(Lang::De);
        let people = [employee(1, "1", "Anna", "Schmidt", None)];
        let existing = Attendance {
            id: AttendanceId(9),
            session_id: SessionId(1),
            employee_id: EmployeeId(1),
            status: AttendanceStatus::Partial,
            hours: 2.0,
            note: "ab 11 Uhr".into(),
        };
        let later = day(10).and_hms_opt(8, 0, 0).expect("time");
        let ctx = Context::new(session(3), later, 3.0, &people, &[], [existing.clone()]);
        let mut r = record(2);
        r.personnel_number = "1".into();
        let found = [RowMatch::Found {
            employee: EmployeeId(1),
            by: MatchedBy::PersonnelNumber,
        }];
        let p = plan(std::slice::from_ref(&r), &found, &Resolutions::new(), &ctx);
        assert_eq!(p.unchanged.len(), 1, "{p:#?}");

        r.status = StatusCell::Status(AttendanceStatus::Attended);
        let p = plan(std::slice::from_ref(&r), &found, &Resolutions::new(), &ctx);
        assert_eq!(p.updated.len(), 1);
        assert!(
            (p.updated[0].hours - 3.0).abs() < 1e-9,
            "the full hours of the context, not the 4 h the session lasts"
        );
        assert_eq!(
            p.updated[0].note, "ab 11 Uhr",
            "a blank note keeps the stored one"
        );

        let fresh = Context::new(session(3), later, 3.0, &people, &[], []);
        r.status = StatusCell::Status(AttendanceStatus::Excused);
        r.hours = HoursCell::Hours(2.0);
        let p = plan(
            std::slice::from_ref(&r),
            &found,
            &Resolutions::new(),
            &fresh,
        );
        assert_eq!(
            p.rejected[0].reasons,
            [Reason::HoursNotCredited {
                status: AttendanceStatus::Excused,
                hours: 2.0
            }]
        );
        r.hours = HoursCell::Hours(5.0);
        r.status = StatusCell::Blank;
        let p = plan(
            std::slice::from_ref(&r),
            &found,
            &Resolutions::new(),
            &fresh,
        );
        assert_eq!(
            p.rejected[0].reasons,
            [Reason::TooManyHours {
                hours: 5.0,
                max: 4.0
            }]
        );
    }
}
