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

use super::headers::normalize_header;
use super::pipeline::{self, ColumnSpec, ImportFile, collapse, columns_error};
use super::table::{Cell, Table, TableRow};
use crate::error::Result;
use crate::i18n::{Arg, t, ta};
use crate::model::AttendanceStatus;
use crate::text::name_match_key;

mod matching;
mod plan;
#[cfg(test)]
mod tests;

pub use matching::{
    Directory, EmployeeRef, MatchedBy, Problem, Resolution, Resolutions, RowMatch,
    employed_at_session, match_rows,
};
pub use plan::{
    Context, Plan, PlannedRow, Reason, RejectedRow, UnresolvedRow, plan, status_label, value_text,
};

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
    pipeline::header_score::<Column>(headers)
}

impl ColumnSpec for Column {
    const ALL: &'static [Column] = &Column::ALL;
    /// A bare "Name" counts as the whole name.
    const WEAK_NAME: Column = Column::FullName;

    fn from_header(header: &str) -> Option<Column> {
        Column::from_header(header)
    }

    fn index(self) -> usize {
        Column::index(self)
    }

    fn label(self) -> String {
        Column::label(self)
    }

    /// A bare "Name" is the last name next to a first-name column, else the whole name.
    fn weak_name(has: &dyn Fn(Column) -> bool) -> Option<Column> {
        if has(Column::FirstName) && !has(Column::LastName) {
            Some(Column::LastName)
        } else if !has(Column::FullName) {
            Some(Column::FullName)
        } else {
            None
        }
    }

    /// Some column must identify people: personnel number, e-mail, or a name.
    fn check(has: &dyn Fn(Column) -> bool, headers: &[String], header_line: usize) -> Result<()> {
        let identifies = has(Column::PersonnelNumber)
            || has(Column::Email)
            || has(Column::FullName)
            || (has(Column::LastName) && has(Column::FirstName));
        if identifies {
            return Ok(());
        }
        Err(columns_error(
            "impatt-missing-columns",
            Vec::new(),
            headers,
            header_line,
        ))
    }
}

/// Which file column holds which field: the columns are recognised by
/// [`pipeline::ColumnMap::from_headers`], which errors (in the user's language) when no
/// column identifies people or a field has two columns.
pub type ColumnMap = pipeline::ColumnMap<Column>;

/// Whether the status column holds yes/no marks ("Anwesend"): then a blank cell means absent.
fn status_is_check(columns: &ColumnMap) -> bool {
    columns
        .header(Column::Status)
        .is_some_and(|h| CHECK_HEADERS.contains(&normalize_header(h).as_str()))
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
pub type ParticipantList = ImportFile<Column, ParticipantRecord>;

/// Reads a participant list (the extension of `file_name` decides CSV or workbook).
/// Errors, in the user's language, for an unreadable file or one without a column that
/// identifies people; problems of single rows are found later by [`plan`].
pub fn read_participant_list(file_name: &str, bytes: &[u8]) -> Result<ParticipantList> {
    pipeline::read_file(file_name, bytes, record)
}

/// The participant list in a table that has already been read.
pub fn participants_from_table(table: &Table) -> Result<ParticipantList> {
    pipeline::from_table(table, record)
}

/// One data row as read.
fn record(columns: &ColumnMap, row: &TableRow) -> ParticipantRecord {
    let text = |column| collapse(&columns.cell(row, column).text());
    ParticipantRecord {
        line: row.line,
        personnel_number: text(Column::PersonnelNumber),
        email: text(Column::Email),
        last_name: text(Column::LastName),
        first_name: text(Column::FirstName),
        full_name: text(Column::FullName),
        department: text(Column::Department),
        status: StatusCell::from_cell(columns.cell(row, Column::Status), status_is_check(columns)),
        hours: HoursCell::from_cell(columns.cell(row, Column::Hours)),
        note: text(Column::Note),
    }
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
