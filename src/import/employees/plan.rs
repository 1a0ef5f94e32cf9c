//! Planning a staff-list import: every record checked against the current employees and
//! departments and sorted into added, changed, unchanged and rejected rows.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::super::pipeline::{Counts, checked, collapse, describe_line, line_list, repeated_lines};
use super::{Column, DateCell, EmployeeRecord};
use crate::i18n::{Arg, fmt_date, t, ta};
use crate::import::personnel_number_value;
use crate::model::{
    Department, DepartmentId, Employee, EmployeeId, EmployeeInput, Field, Invalid, MAX_NAME_LEN,
    Salutation, ValidEmployee,
};

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
                    ("lines", Arg::from(line_list(lines))),
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
        describe_line(self.line, &text.join(" "))
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
    /// How many rows are added, changed, unchanged and rejected.
    pub fn counts(&self) -> Counts {
        Counts {
            added: self.added.len(),
            changed: self.changed.len(),
            unchanged: self.unchanged,
            rejected: self.rejected.len(),
            ..Counts::default()
        }
    }

    /// The number of data rows the plan covers.
    pub fn rows(&self) -> usize {
        self.counts().rows()
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
///   An all-digit number without an exact match is the one stored number that equals it
///   without leading zeros on both sides (a workbook's number cell keeps 4711 of
///   "004711"); the stored number is kept. Two such stored numbers: no match.
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
    // All-digit stored numbers by their value: a workbook's number cell turns "004711"
    // into 4711, which is then the one stored number with that value.
    let mut by_value: HashMap<&str, Vec<&Employee>> = HashMap::new();
    for e in employees {
        if let Some(value) = personnel_number_value(&e.personnel_number) {
            by_value.entry(value).or_default().push(e);
        }
    }
    let index = DepartmentIndex::new(departments);

    // The number as written, or the stored number it stands for (which is kept).
    let numbers: Vec<String> = records
        .iter()
        .map(|r| {
            let number = collapse(&r.personnel_number);
            if by_number.contains_key(number.as_str()) {
                return number;
            }
            match personnel_number_value(&number).and_then(|v| by_value.get(v)) {
                Some(same) if same.len() == 1 => same[0].personnel_number.clone(),
                _ => number,
            }
        })
        .collect();
    let lines_by_number = repeated_lines(
        records
            .iter()
            .zip(&numbers)
            .filter(|(_, number)| !number.is_empty())
            .map(|(record, number)| (number.as_str(), record.line)),
    );

    let mut out = Plan {
        create_departments,
        ..Plan::default()
    };
    // First spelling of each unknown department value, by key.
    let mut unknown_spelling: HashMap<String, String> = HashMap::new();
    let mut new_seen: HashSet<String> = HashSet::new();

    for (record, number) in records.iter().zip(&numbers) {
        let mut reasons = Vec::new();
        if let Some(lines) = lines_by_number.get(number.as_str()) {
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
        let valid = match checked(valid, reasons) {
            Ok(valid) => valid,
            Err(reasons) => {
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
