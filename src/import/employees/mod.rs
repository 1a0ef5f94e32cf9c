//! The staff-list import: recognising the columns, reading each row into an
//! [`EmployeeRecord`], and planning the upsert against the current employees and
//! departments ([`plan`]). Pure functions over model types; the module documentation of
//! [`crate::import`] describes the accepted format.

use super::headers::{
    HeaderScan, WEAK_NAME, normalize_header, quoted_headers, recognized_in_order, scan_headers,
};
use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::table::{Cell, SourceFormat, Table, read_table};
use crate::error::{Error, Result};
use crate::i18n::{Arg, fmt_date, t, ta};
use crate::model::{
    Department, DepartmentId, Employee, EmployeeId, EmployeeInput, Field, Invalid, MAX_NAME_LEN,
    Salutation, ValidEmployee,
};

/// A column of the staff list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    PersonnelNumber,
    LastName,
    FirstName,
    Salutation,
    Email,
    Department,
    JobTitle,
    EntryDate,
    ExitDate,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Column::PersonnelNumber,
        Column::LastName,
        Column::FirstName,
        Column::Salutation,
        Column::Email,
        Column::Department,
        Column::JobTitle,
        Column::EntryDate,
        Column::ExitDate,
    ];

    /// The columns a file must have.
    pub const REQUIRED: [Column; 3] =
        [Column::PersonnelNumber, Column::LastName, Column::FirstName];

    /// The column's name in the current language (as the forms label the field).
    pub fn label(self) -> String {
        t(match self {
            Column::PersonnelNumber => "field-personnel-number",
            Column::LastName => "field-last-name",
            Column::FirstName => "field-first-name",
            Column::Salutation => "field-salutation",
            Column::Email => "field-email",
            Column::Department => "field-department",
            Column::JobTitle => "field-job-title",
            Column::EntryDate => "field-entry-date",
            Column::ExitDate => "field-exit-date",
        })
    }

    fn index(self) -> usize {
        self as usize
    }

    /// Header spellings, normalised by [`normalize_header`].
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::PersonnelNumber => super::headers::PERSONNEL_NUMBER,
            Column::LastName => &[
                "nachname",
                "familienname",
                "zuname",
                "lastname",
                "surname",
                "familyname",
            ],
            Column::FirstName => &["vorname", "rufname", "firstname", "givenname", "forename"],
            Column::Salutation => &[
                "anrede",
                "geschlecht",
                "salutation",
                "title",
                "formofaddress",
                "gender",
            ],
            Column::Email => &[
                "email",
                "mail",
                "emailadresse",
                "mailadresse",
                "emailaddress",
                "mailaddress",
            ],
            Column::Department => &[
                "organisationseinheit",
                "oe",
                "orgeinheit",
                "organisationseinheitkuerzel",
                "abteilung",
                "amt",
                "dienststelle",
                "fachbereich",
                "department",
                "dept",
                "orgunit",
                "organisationalunit",
                "organizationalunit",
            ],
            Column::JobTitle => &[
                "stellenbezeichnung",
                "funktion",
                "taetigkeit",
                "stelle",
                "position",
                "jobtitle",
                "job",
                "function",
                "role",
            ],
            Column::EntryDate => &[
                "eintrittsdatum",
                "eintritt",
                "eintrittam",
                "entrydate",
                "entry",
                "startdate",
                "hiredate",
                "dateofentry",
                "dateofhire",
            ],
            Column::ExitDate => &[
                "austrittsdatum",
                "austritt",
                "austrittam",
                "exitdate",
                "exit",
                "leavingdate",
                "leavedate",
                "enddate",
                "dateofexit",
                "dateofleaving",
            ],
        }
    }

    /// The column a header names, if any ("Pers.-Nr." → personnel number).
    pub fn from_header(header: &str) -> Option<Column> {
        let h = normalize_header(header);
        Column::ALL
            .into_iter()
            .find(|c| c.aliases().contains(&h.as_str()))
    }
}

/// How many different known columns `headers` name; used to find the header row and the delimiter.
pub fn header_score(headers: &[String]) -> usize {
    let mut seen = HashSet::new();
    for h in headers {
        if let Some(c) = Column::from_header(h) {
            seen.insert(c);
        } else if normalize_header(h) == WEAK_NAME {
            seen.insert(Column::LastName);
        }
    }
    seen.len()
}

/// Which file column holds which field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMap {
    indices: [Option<usize>; 9],
    /// The recognised columns with the header as written in the file, in file order.
    pub recognized: Vec<(Column, String)>,
    /// Headers that name no known column (their cells are not imported).
    pub ignored: Vec<String>,
}

impl ColumnMap {
    /// Recognises the columns of a header row. Errors (in the user's language) when a
    /// required column is missing or a field has two columns.
    pub fn from_headers(headers: &[String], header_line: usize) -> Result<ColumnMap> {
        let HeaderScan {
            mut indices,
            weak_name: weak_last_name,
            mut ignored,
        } = scan_headers::<Column, 9>(headers)?;
        if let Some(i) = weak_last_name {
            if indices[Column::LastName.index()].is_none() {
                indices[Column::LastName.index()] = Some(i);
            } else {
                ignored.push(headers[i].trim().to_owned());
            }
        }
        let missing: Vec<String> = Column::REQUIRED
            .iter()
            .filter(|c| indices[c.index()].is_none())
            .map(|c| c.label())
            .collect();
        if !missing.is_empty() {
            return Err(Error::Message(ta(
                "import-missing-columns",
                &[
                    ("columns", Arg::from(missing.join(", "))),
                    ("line", Arg::from(header_line)),
                    ("found", Arg::from(quoted_headers(headers))),
                ],
            )));
        }
        Ok(ColumnMap {
            recognized: recognized_in_order(&Column::ALL, &indices, headers),
            indices,
            ignored,
        })
    }

    /// Whether the file has this column.
    pub fn has(&self, column: Column) -> bool {
        self.indices[column.index()].is_some()
    }

    fn cell<'a>(&self, row: &'a super::table::TableRow, column: Column) -> &'a Cell {
        match self.indices[column.index()] {
            Some(i) => row.cell(i),
            None => &Cell::Empty,
        }
    }
}

/// A date cell of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateCell {
    /// Empty (or no such column): keep the stored date.
    Blank,
    Date(NaiveDate),
    /// Not a date; the text as written.
    Invalid(String),
}

impl DateCell {
    fn from_cell(cell: &Cell) -> DateCell {
        match cell.date() {
            Ok(None) => DateCell::Blank,
            Ok(Some(d)) => DateCell::Date(d),
            Err(text) => DateCell::Invalid(text),
        }
    }
}

/// One data row of the staff list as read (text trimmed; empty = keep the stored value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployeeRecord {
    /// The line in the file (CSV) or the sheet row (workbook) where the row starts.
    pub line: usize,
    pub personnel_number: String,
    pub last_name: String,
    pub first_name: String,
    pub salutation: String,
    pub email: String,
    pub department: String,
    pub job_title: String,
    pub entry_date: DateCell,
    pub exit_date: DateCell,
}

/// A staff list read from a file.
#[derive(Debug, Clone, PartialEq)]
pub struct StaffFile {
    pub format: SourceFormat,
    pub header_line: usize,
    pub columns: ColumnMap,
    pub records: Vec<EmployeeRecord>,
}

/// Reads a staff list (the extension of `file_name` decides CSV or workbook).
/// Errors, in the user's language, for an unreadable file or missing required columns;
/// problems of single rows are found later by [`plan`].
pub fn read_staff_file(file_name: &str, bytes: &[u8]) -> Result<StaffFile> {
    let table = read_table(file_name, bytes, &header_score)?;
    staff_from_table(&table)
}

/// The staff list in a table that has already been read.
pub fn staff_from_table(table: &Table) -> Result<StaffFile> {
    let columns = ColumnMap::from_headers(&table.headers, table.header_line)?;
    let text = |row, column| columns.cell(row, column).text();
    let records = table
        .rows
        .iter()
        .map(|row| EmployeeRecord {
            line: row.line,
            personnel_number: text(row, Column::PersonnelNumber),
            last_name: text(row, Column::LastName),
            first_name: text(row, Column::FirstName),
            salutation: text(row, Column::Salutation),
            email: text(row, Column::Email),
            department: text(row, Column::Department),
            job_title: text(row, Column::JobTitle),
            entry_date: DateCell::from_cell(columns.cell(row, Column::EntryDate)),
            exit_date: DateCell::from_cell(columns.cell(row, Column::ExitDate)),
        })
        .collect();
    Ok(StaffFile {
        format: table.format.clone(),
        header_line: table.header_line,
        columns,
        records,
    })
}

/// Where a row puts its employee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DepartmentTarget {
    Existing {
        id: DepartmentId,
        code: String,
        name: String,
    },
    /// A department the import creates (only when the user chose to create missing ones).
    New { name: String },
}

impl DepartmentTarget {
    /// "Kämmerei (KÄM)", or "Digitalamt (neu)" for one the import creates.
    pub fn label(&self) -> String {
        match self {
            DepartmentTarget::Existing { code, name, .. } => ta(
                "import-department-label",
                &[("name", Arg::from(name)), ("code", Arg::from(code))],
            ),
            DepartmentTarget::New { name } => {
                ta("import-new-department", &[("name", Arg::from(name))])
            }
        }
    }

    fn existing(d: &Department) -> DepartmentTarget {
        DepartmentTarget::Existing {
            id: d.id,
            code: d.code.clone(),
            name: d.name.clone(),
        }
    }
}

/// A field's value, before or after the import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    Text(Option<String>),
    Date(Option<NaiveDate>),
    Salutation(Salutation),
    Department(Option<DepartmentTarget>),
}

impl FieldValue {
    /// The value as the user reads it; "(leer)" for none.
    pub fn display(&self) -> String {
        let shown = match self {
            FieldValue::Text(s) => s.clone(),
            FieldValue::Date(d) => d.map(fmt_date),
            FieldValue::Salutation(s) => Some(s.label()),
            FieldValue::Department(d) => d.as_ref().map(DepartmentTarget::label),
        };
        shown.unwrap_or_else(|| t("import-empty-value"))
    }
}

/// One field an update changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub column: Column,
    pub old: FieldValue,
    pub new: FieldValue,
}

impl FieldChange {
    /// "E-Mail „a@stadt.de“ → „b@stadt.de“".
    pub fn describe(&self) -> String {
        ta(
            "import-change",
            &[
                ("field", Arg::from(self.column.label())),
                ("old", Arg::from(self.old.display())),
                ("new", Arg::from(self.new.display())),
            ],
        )
    }
}

/// A row that adds an employee.
#[derive(Debug, Clone, PartialEq)]
pub struct AddedRow {
    pub line: usize,
    /// The employee to insert; `department_id` is `None` when `department` is a new one.
    pub employee: ValidEmployee,
    pub department: Option<DepartmentTarget>,
}

impl AddedRow {
    /// "Zeile 4: 1001 Jürgen Müller, Kämmerei (KÄM)".
    pub fn describe(&self) -> String {
        let mut name = format!("{} {}", self.employee.first_name, self.employee.last_name);
        if let Some(d) = &self.department {
            name = format!("{name}, {}", d.label());
        }
        ta(
            "import-added-row",
            &[
                ("line", Arg::from(self.line)),
                ("number", Arg::from(&self.employee.personnel_number)),
                ("name", Arg::from(name)),
            ],
        )
    }
}

/// A row that changes an existing employee.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangedRow {
    pub line: usize,
    pub id: EmployeeId,
    /// Every field after the update; `department_id` is `None` when `department` is a new one.
    pub employee: ValidEmployee,
    pub department: Option<DepartmentTarget>,
    /// The fields that change, in column order; never empty.
    pub changes: Vec<FieldChange>,
}

impl ChangedRow {
    /// "Zeile 5: 1002 Anna Weiß – E-Mail „a@…“ → „b@…“; …".
    pub fn describe(&self) -> String {
        let changes: Vec<String> = self.changes.iter().map(FieldChange::describe).collect();
        ta(
            "import-changed-row",
            &[
                ("line", Arg::from(self.line)),
                ("number", Arg::from(&self.employee.personnel_number)),
                (
                    "name",
                    Arg::from(format!(
                        "{} {}",
                        self.employee.first_name, self.employee.last_name
                    )),
                ),
                ("changes", Arg::from(changes.join("; "))),
            ],
        )
    }
}

/// Why a row is rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// A check shared with the forms (empty or too long name, e-mail, exit before entry,
    /// unknown or deactivated department …), with the same message.
    Invalid(Invalid),
    InvalidDate {
        column: Column,
        value: String,
    },
    /// The personnel number occurs on these lines of the file (every occurrence is rejected).
    DuplicateInFile {
        number: String,
        lines: Vec<usize>,
    },
    UnknownSalutation(String),
    /// More than one department has this name and none has it as code.
    AmbiguousDepartment(String),
}

impl Reason {
    /// The reason in the current language.
    pub fn message(&self) -> String {
        match self {
            Reason::Invalid(invalid) => invalid.message(),
            Reason::InvalidDate { column, value } => ta(
                "import-invalid-date",
                &[
                    ("value", Arg::from(value)),
                    ("column", Arg::from(column.label())),
                ],
            ),
            Reason::DuplicateInFile { number, lines } => ta(
                "import-duplicate-in-file",
                &[
                    ("number", Arg::from(number)),
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
            Reason::UnknownSalutation(value) => {
                ta("import-unknown-salutation", &[("value", Arg::from(value))])
            }
            Reason::AmbiguousDepartment(value) => ta(
                "import-ambiguous-department",
                &[("value", Arg::from(value))],
            ),
        }
    }

    /// True for an unknown department, which creating missing departments resolves.
    pub fn is_unknown_department(&self) -> bool {
        matches!(self, Reason::Invalid(Invalid::UnknownDepartment(_)))
    }
}

/// A row that cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RejectedRow {
    pub line: usize,
    /// As written in the file (may be empty).
    pub personnel_number: String,
    /// Never empty.
    pub reasons: Vec<Reason>,
}

impl RejectedRow {
    /// "Zeile 7: Ungültiges Datum „31.02.2024“ in Eintrittsdatum."
    pub fn describe(&self) -> String {
        let text: Vec<String> = self.reasons.iter().map(Reason::message).collect();
        ta(
            "import-line",
            &[
                ("line", Arg::from(self.line)),
                ("text", Arg::from(text.join(" "))),
            ],
        )
    }
}

/// What an import would do.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    /// Whether this plan creates missing departments.
    pub create_departments: bool,
    pub added: Vec<AddedRow>,
    pub changed: Vec<ChangedRow>,
    /// Rows that match an employee whose stored fields already equal the merged row.
    pub unchanged: usize,
    /// In file order.
    pub rejected: Vec<RejectedRow>,
    /// Every department value of the file that names no department (first spelling,
    /// in order of first appearance), whether or not the plan creates them.
    pub unknown_departments: Vec<String>,
    /// The departments this plan creates (only with `create_departments`): those that
    /// accepted rows need.
    pub new_departments: Vec<String>,
}

impl Plan {
    /// The number of data rows the plan covers.
    pub fn rows(&self) -> usize {
        self.added.len() + self.changed.len() + self.unchanged + self.rejected.len()
    }
}

/// The key under which department codes, names and new department values are compared:
/// white space collapsed, lower case.
pub fn department_key(value: &str) -> String {
    value
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

struct DepartmentIndex<'a> {
    by_id: HashMap<DepartmentId, &'a Department>,
    by_code: HashMap<String, &'a Department>,
    by_name: HashMap<String, Vec<&'a Department>>,
}

enum Lookup<'a> {
    Found(&'a Department),
    Ambiguous,
    Unknown,
}

impl<'a> DepartmentIndex<'a> {
    fn new(departments: &'a [Department]) -> Self {
        let mut index = DepartmentIndex {
            by_id: HashMap::with_capacity(departments.len()),
            by_code: HashMap::with_capacity(departments.len()),
            by_name: HashMap::with_capacity(departments.len()),
        };
        for d in departments {
            index.by_id.insert(d.id, d);
            index.by_code.insert(department_key(&d.code), d);
            index
                .by_name
                .entry(department_key(&d.name))
                .or_default()
                .push(d);
        }
        index
    }

    /// By code first, then by name (if exactly one department has it).
    fn find(&self, value: &str) -> Lookup<'a> {
        let key = department_key(value);
        if let Some(d) = self.by_code.get(&key) {
            return Lookup::Found(d);
        }
        match self.by_name.get(&key).map(Vec::as_slice) {
            Some([d]) => Lookup::Found(d),
            Some([_, _, ..]) => Lookup::Ambiguous,
            _ => Lookup::Unknown,
        }
    }
}

/// Plans the upsert of `records` against the current `employees` and `departments`.
///
/// Rules (what the README states for users):
/// - Rows are matched to employees by personnel number (white space trimmed, otherwise exact).
/// - A matched employee is updated with the fields the row fills. An empty cell, or a
///   column the file does not have, keeps the stored value — for every optional field
///   (form of address, e-mail, department, job title, entry and exit date). Clearing a
///   value or reinstating a leaver is done in the app, never by a payroll export that
///   happens to leave a cell empty.
/// - A new personnel number adds an employee; empty optional cells stay empty
///   (form of address: neutral).
/// - The merged row is checked with [`EmployeeInput::validated`], so messages are those of
///   the forms; further reasons: invalid date, unknown form of address, unknown,
///   ambiguous or deactivated department, and a personnel number that occurs more than
///   once in the file — then every occurrence is rejected, since the file is wrong and
///   must be fixed.
/// - A department cell matches a department code, then a department name, both
///   case-insensitive. With `create_departments`, a value that matches neither names a
///   department to create (once per distinct value); without, the row is rejected.
/// - Employees not in the file are not touched.
pub fn plan(
    records: &[EmployeeRecord],
    employees: &[Employee],
    departments: &[Department],
    create_departments: bool,
) -> Plan {
    let by_number: HashMap<&str, &Employee> = employees
        .iter()
        .map(|e| (e.personnel_number.as_str(), e))
        .collect();
    let index = DepartmentIndex::new(departments);

    let numbers: Vec<String> = records
        .iter()
        .map(|r| collapse(&r.personnel_number))
        .collect();
    let mut lines_by_number: HashMap<&str, Vec<usize>> = HashMap::new();
    for (record, number) in records.iter().zip(&numbers) {
        if !number.is_empty() {
            lines_by_number.entry(number).or_default().push(record.line);
        }
    }

    let mut out = Plan {
        create_departments,
        ..Plan::default()
    };
    // First spelling of each unknown department value, by key.
    let mut unknown_spelling: HashMap<String, String> = HashMap::new();
    let mut new_seen: HashSet<String> = HashSet::new();

    for (record, number) in records.iter().zip(&numbers) {
        let mut reasons = Vec::new();
        if let Some(lines) = lines_by_number.get(number.as_str())
            && lines.len() > 1
        {
            reasons.push(Reason::DuplicateInFile {
                number: number.clone(),
                lines: lines.clone(),
            });
        }
        let existing = by_number.get(number.as_str()).copied();

        let mut date = |cell: &DateCell, column: Column, stored: Option<NaiveDate>| match cell {
            DateCell::Blank => stored,
            DateCell::Date(d) => Some(*d),
            DateCell::Invalid(value) => {
                reasons.push(Reason::InvalidDate {
                    column,
                    value: value.clone(),
                });
                stored
            }
        };
        let entry_date = date(
            &record.entry_date,
            Column::EntryDate,
            existing.and_then(|e| e.entry_date),
        );
        let exit_date = date(
            &record.exit_date,
            Column::ExitDate,
            existing.and_then(|e| e.exit_date),
        );

        let stored_salutation = existing.map(|e| e.salutation).unwrap_or_default();
        let salutation = if record.salutation.is_empty() {
            stored_salutation
        } else {
            match Salutation::parse(&record.salutation) {
                Some(s) => s,
                None => {
                    reasons.push(Reason::UnknownSalutation(record.salutation.clone()));
                    stored_salutation
                }
            }
        };

        let stored_department =
            existing
                .and_then(|e| e.department_id)
                .map(|id| match index.by_id.get(&id) {
                    Some(d) => DepartmentTarget::existing(d),
                    None => DepartmentTarget::Existing {
                        id,
                        code: id.to_string(),
                        name: id.to_string(),
                    },
                });
        let department = if record.department.is_empty() {
            stored_department.clone()
        } else {
            match index.find(&record.department) {
                Lookup::Found(d) => {
                    let moving = existing.and_then(|e| e.department_id) != Some(d.id);
                    if !d.active && moving {
                        reasons.push(Reason::Invalid(Invalid::InactiveDepartment(d.code.clone())));
                    }
                    Some(DepartmentTarget::existing(d))
                }
                Lookup::Ambiguous => {
                    reasons.push(Reason::AmbiguousDepartment(record.department.clone()));
                    stored_department.clone()
                }
                Lookup::Unknown => {
                    let key = department_key(&record.department);
                    let spelling = unknown_spelling.entry(key).or_insert_with(|| {
                        out.unknown_departments.push(collapse(&record.department));
                        collapse(&record.department)
                    });
                    if spelling.chars().count() > MAX_NAME_LEN {
                        reasons.push(Reason::Invalid(Invalid::TooLong(Field::Department)));
                    } else if !create_departments {
                        reasons.push(Reason::Invalid(Invalid::UnknownDepartment(
                            spelling.clone(),
                        )));
                    }
                    Some(DepartmentTarget::New {
                        name: spelling.clone(),
                    })
                }
            }
        };

        let keep_text = |value: &str, stored: Option<&String>| -> String {
            if value.is_empty() {
                stored.cloned().unwrap_or_default()
            } else {
                value.to_owned()
            }
        };
        let input = EmployeeInput {
            personnel_number: number.clone(),
            first_name: record.first_name.clone(),
            last_name: record.last_name.clone(),
            salutation,
            email: keep_text(&record.email, existing.and_then(|e| e.email.as_ref())),
            department_id: match &department {
                Some(DepartmentTarget::Existing { id, .. }) => Some(*id),
                _ => None,
            },
            job_title: keep_text(
                &record.job_title,
                existing.and_then(|e| e.job_title.as_ref()),
            ),
            entry_date,
            exit_date,
        };
        let valid = match input.validated() {
            Ok(valid) => Some(valid),
            Err(problems) => {
                reasons.extend(problems.into_iter().map(Reason::Invalid));
                None
            }
        };
        let valid = match valid {
            Some(valid) if reasons.is_empty() => valid,
            _ => {
                out.rejected.push(RejectedRow {
                    line: record.line,
                    personnel_number: record.personnel_number.clone(),
                    reasons,
                });
                continue;
            }
        };
        if let Some(DepartmentTarget::New { name }) = &department
            && new_seen.insert(department_key(name))
        {
            out.new_departments.push(name.clone());
        }
        match existing {
            None => out.added.push(AddedRow {
                line: record.line,
                employee: valid,
                department,
            }),
            Some(stored) => {
                let changes = changes(stored, &valid, stored_department, department.as_ref());
                if changes.is_empty() {
                    out.unchanged += 1;
                } else {
                    out.changed.push(ChangedRow {
                        line: record.line,
                        id: stored.id,
                        employee: valid,
                        department,
                        changes,
                    });
                }
            }
        }
    }
    out
}

/// The fields that differ between the stored employee and the merged row, in column order.
fn changes(
    stored: &Employee,
    new: &ValidEmployee,
    stored_department: Option<DepartmentTarget>,
    department: Option<&DepartmentTarget>,
) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let mut text = |column, old: Option<&String>, new: Option<&String>| {
        if old != new {
            out.push(FieldChange {
                column,
                old: FieldValue::Text(old.cloned()),
                new: FieldValue::Text(new.cloned()),
            });
        }
    };
    text(
        Column::LastName,
        Some(&stored.last_name),
        Some(&new.last_name),
    );
    text(
        Column::FirstName,
        Some(&stored.first_name),
        Some(&new.first_name),
    );
    if stored.salutation != new.salutation {
        out.push(FieldChange {
            column: Column::Salutation,
            old: FieldValue::Salutation(stored.salutation),
            new: FieldValue::Salutation(new.salutation),
        });
    }
    if stored.email != new.email {
        out.push(FieldChange {
            column: Column::Email,
            old: FieldValue::Text(stored.email.clone()),
            new: FieldValue::Text(new.email.clone()),
        });
    }
    let department_changes = match department {
        Some(DepartmentTarget::Existing { id, .. }) => stored.department_id != Some(*id),
        Some(DepartmentTarget::New { .. }) => true,
        None => stored.department_id.is_some(),
    };
    if department_changes {
        out.push(FieldChange {
            column: Column::Department,
            old: FieldValue::Department(stored_department),
            new: FieldValue::Department(department.cloned()),
        });
    }
    if stored.job_title != new.job_title {
        out.push(FieldChange {
            column: Column::JobTitle,
            old: FieldValue::Text(stored.job_title.clone()),
            new: FieldValue::Text(new.job_title.clone()),
        });
    }
    for (column, old, new) in [
        (Column::EntryDate, stored.entry_date, new.entry_date),
        (Column::ExitDate, stored.exit_date, new.exit_date),
    ] {
        if old != new {
            out.push(FieldChange {
                column,
                old: FieldValue::Date(old),
                new: FieldValue::Date(new),
            });
        }
    }
    out
}

fn collapse(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A short, unique code for a department the import creates from its name `name`:
/// one word → the word (up to 16 characters), several words → their initials (numbers
/// kept whole: "Amt für Digitalisierung" → "AFD", "Fachbereich 3" → "F3"); upper-case
/// ASCII with umlauts spelled out; "-2", "-3", … appended while the code is in `taken`
/// (lower-case keys).
pub fn derive_department_code(name: &str, taken: &HashSet<String>) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .map(ascii_upper)
        .filter(|w| !w.is_empty())
        .collect();
    let mut base: String = match words.as_slice() {
        [] => String::new(),
        [word] => word.chars().take(16).collect(),
        words => words
            .iter()
            .map(|w| {
                if w.chars().all(|c| c.is_ascii_digit()) {
                    w.clone()
                } else {
                    w.chars().take(1).collect()
                }
            })
            .collect(),
    };
    if base.chars().count() < 2 {
        base = words.concat().chars().take(16).collect();
    }
    if base.is_empty() {
        base = "OE".to_owned();
    }
    let mut code = base.clone();
    let mut n = 2;
    while taken.contains(&code.to_lowercase()) {
        code = format!("{base}-{n}");
        n += 1;
    }
    code
}

/// Upper-case ASCII: umlauts spelled out (Ä → AE, ß → SS), other letters without accents
/// ([`crate::text::fold_spelled`]), anything else dropped.
fn ascii_upper(word: &str) -> String {
    crate::text::fold_spelled(word)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

super::headers::import_column!(Column);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, set_thread_language};

    fn headers(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn header_variants_are_recognised() {
        for (header, column) in [
            ("Personalnummer", Column::PersonnelNumber),
            (" Pers.-Nr. ", Column::PersonnelNumber),
            ("PERSONNEL NUMBER", Column::PersonnelNumber),
            ("Employee_ID", Column::PersonnelNumber),
            ("Nachname", Column::LastName),
            ("Last name", Column::LastName),
            ("Vorname", Column::FirstName),
            ("first-name", Column::FirstName),
            ("Anrede", Column::Salutation),
            ("Title", Column::Salutation),
            ("E-Mail", Column::Email),
            ("Email", Column::Email),
            ("Mail", Column::Email),
            ("E-Mail-Adresse", Column::Email),
            ("OE", Column::Department),
            ("Organisationseinheit", Column::Department),
            ("Abteilung", Column::Department),
            ("Department", Column::Department),
            ("Stellenbezeichnung", Column::JobTitle),
            ("Funktion", Column::JobTitle),
            ("Tätigkeit", Column::JobTitle),
            ("Job title", Column::JobTitle),
            ("Eintrittsdatum", Column::EntryDate),
            ("Entry date", Column::EntryDate),
            ("Austrittsdatum", Column::ExitDate),
            ("Exit date", Column::ExitDate),
        ] {
            assert_eq!(Column::from_header(header), Some(column), "{header}");
        }
        assert_eq!(Column::from_header("Kostenstelle"), None);
        assert_eq!(Column::from_header("Name"), None);
    }

    #[test]
    fn name_is_the_last_name_only_without_another_one() {
        let map = ColumnMap::from_headers(&headers(&["PNr", "Name", "Vorname"]), 1)
            .expect("columns found");
        assert!(map.has(Column::LastName));
        assert!(map.ignored.is_empty());
        let map = ColumnMap::from_headers(&headers(&["PNr", "Name", "Nachname", "Vorname"]), 1)
            .expect("columns found");
        assert_eq!(map.ignored, ["Name"]);
        assert_eq!(map.recognized[1], (Column::LastName, "Nachname".to_owned()));
    }

    #[test]
    fn missing_and_duplicate_columns_are_named() {
        set_thread_language(Lang::De);
        let err = ColumnMap::from_headers(&headers(&["Nachname", "Telefon"]), 3)
            .expect_err("columns missing")
            .user_message();
        assert!(err.contains("Personalnummer, Vorname"), "{err}");
        assert!(err.contains("Zeile 3"), "{err}");
        assert!(err.contains("„Telefon“"), "{err}");
        let err = ColumnMap::from_headers(
            &headers(&["PNr", "Nachname", "Vorname", "Mail", "E-Mail"]),
            1,
        )
        .expect_err("two e-mail columns")
        .user_message();
        assert!(err.contains("„Mail“") && err.contains("„E-Mail“"), "{err}");
    }

    #[test]
    fn department_codes_are_derived_and_unique() {
        let mut taken = HashSet::new();
        assert_eq!(derive_department_code("Digitalamt", &taken), "DIGITALAMT");
        assert_eq!(derive_department_code("Bürgerbüro", &taken), "BUERGERBUERO");
        assert_eq!(
            derive_department_code("Amt für Digitalisierung", &taken),
            "AFD"
        );
        assert_eq!(derive_department_code("Fachbereich 3", &taken), "F3");
        assert_eq!(derive_department_code("–", &taken), "OE");
        taken.insert("afd".to_owned());
        taken.insert("afd-2".to_owned());
        assert_eq!(
            derive_department_code("Amt für Digitalisierung", &taken),
            "AFD-3"
        );
    }
}
