//! The staff-list import: recognising the columns, reading each row into an
//! [`EmployeeRecord`], and planning the upsert against the current employees and
//! departments ([`plan`]). Pure functions over model types; the module documentation of
//! [`crate::import`] describes the accepted format.

use chrono::NaiveDate;

use super::headers::normalize_header;
use super::pipeline::{self, ColumnSpec, ImportFile, columns_error};
use super::table::{Cell, Table};
use crate::error::Result;
use crate::i18n::{Arg, t};

mod plan;
#[cfg(test)]
mod tests;

pub use plan::{
    AddedRow, ChangedRow, DepartmentTarget, FieldChange, FieldValue, Plan, Reason, RejectedRow,
    department_key, derive_department_code, plan,
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
    pipeline::header_score::<Column>(headers)
}

impl ColumnSpec for Column {
    const ALL: &'static [Column] = &Column::ALL;
    /// A bare "Name" counts as the last name.
    const WEAK_NAME: Column = Column::LastName;

    fn from_header(header: &str) -> Option<Column> {
        Column::from_header(header)
    }

    fn index(self) -> usize {
        Column::index(self)
    }

    fn label(self) -> String {
        Column::label(self)
    }

    /// A bare "Name" is the last name, unless there is another last-name column.
    fn weak_name(has: &dyn Fn(Column) -> bool) -> Option<Column> {
        (!has(Column::LastName)).then_some(Column::LastName)
    }

    /// Every required column must be there.
    fn check(has: &dyn Fn(Column) -> bool, headers: &[String], header_line: usize) -> Result<()> {
        let missing: Vec<String> = Column::REQUIRED
            .iter()
            .filter(|c| !has(**c))
            .map(|c| c.label())
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        Err(columns_error(
            "import-missing-columns",
            vec![("columns", Arg::from(missing.join(", ")))],
            headers,
            header_line,
        ))
    }
}

/// Which file column holds which field: the columns are recognised by
/// [`pipeline::ColumnMap::from_headers`], which errors (in the user's language) when a
/// required column is missing or a field has two columns.
pub type ColumnMap = pipeline::ColumnMap<Column>;

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
pub type StaffFile = ImportFile<Column, EmployeeRecord>;

/// Reads a staff list (the extension of `file_name` decides CSV or workbook).
/// Errors, in the user's language, for an unreadable file or missing required columns;
/// problems of single rows are found later by [`plan`].
pub fn read_staff_file(file_name: &str, bytes: &[u8]) -> Result<StaffFile> {
    pipeline::read_file(file_name, bytes, record)
}

/// The staff list in a table that has already been read.
pub fn staff_from_table(table: &Table) -> Result<StaffFile> {
    pipeline::from_table(table, record)
}

/// One data row as read.
fn record(columns: &ColumnMap, row: &super::table::TableRow) -> EmployeeRecord {
    let text = |column| columns.cell(row, column).text();
    EmployeeRecord {
        line: row.line,
        personnel_number: text(Column::PersonnelNumber),
        last_name: text(Column::LastName),
        first_name: text(Column::FirstName),
        salutation: text(Column::Salutation),
        email: text(Column::Email),
        department: text(Column::Department),
        job_title: text(Column::JobTitle),
        entry_date: DateCell::from_cell(columns.cell(row, Column::EntryDate)),
        exit_date: DateCell::from_cell(columns.cell(row, Column::ExitDate)),
    }
}
