//! Spreadsheet import. Both imports — the staff list ([`employees`]) and a session's
//! participant list ([`attendance`]) — go through the same stages ([`pipeline`]): read the
//! table with its line numbers ([`table`]), find the header row and map the columns of the
//! import's [`pipeline::ColumnSpec`], read every row into a record, validate and plan the
//! records into rows to write or rejections with line and reasons, and show the plan as a
//! preview. The two modules hold only what is their own: their columns, their row checks,
//! and matching and planning against the current data.
//!
//! Nothing here touches the database: the functions take the current employees and
//! departments as plain values; `service::import_employees` and
//! `service::import_attendance` load them, show the plan as a preview and write it in one
//! transaction.
//!
//! # Accepted staff-list format
//!
//! **Files.** CSV (`.csv`, `.txt`, `.tsv`) or a workbook (`.xlsx`, `.xlsm`, `.xls`, `.ods`;
//! the first worksheet is read).
//! - CSV encoding: UTF-8 with or without byte-order mark, UTF-16 with byte-order mark, or
//!   Windows-1252 (what German Excel writes as "CSV (Trennzeichen-getrennt)"). A file that
//!   is valid UTF-8 is read as UTF-8, anything else as Windows-1252.
//! - CSV delimiter: `;`, `,` or tab, detected from the header row (Excel's `sep=;` first
//!   line is honoured). Fields in double quotes may contain the delimiter, quotes (`""`)
//!   and line breaks.
//! - Workbooks: date cells are read as dates; numbers in text columns lose a `.0`
//!   (personnel number 1234.0 reads "1234"); a plain number in a date column is read as an
//!   Excel date serial.
//!
//! **Header row.** The first row that names known columns (title lines above it, up to
//! ten rows, are skipped). Column order does not matter; case, spaces, dots, hyphens and
//! underscores in headers are ignored; columns with other headers are ignored and listed
//! in the preview. Accepted headers:
//!
//! | field | German | English |
//! | --- | --- | --- |
//! | personnel number (required) | Personalnummer, Personalnr., Pers.-Nr., PNr, Mitarbeiternummer | Personnel number, Personnel no., Employee number, Employee ID, Staff number |
//! | last name (required) | Nachname, Familienname, Name (only if no other last-name column) | Last name, Surname, Family name |
//! | first name (required) | Vorname, Rufname | First name, Given name, Forename |
//! | form of address | Anrede, Geschlecht (Frau/Herr/divers, w/m/d) | Salutation, Title, Gender (Ms/Mr/Mx, f/m) |
//! | e-mail | E-Mail, Email, Mail, E-Mail-Adresse | Email, E-mail, Mail, Email address |
//! | department | Organisationseinheit, OE, Org.-Einheit, Abteilung, Amt, Dienststelle, Fachbereich | Department, Dept., Org unit, Organisational unit |
//! | job title | Stellenbezeichnung, Funktion, Tätigkeit, Stelle, Position | Job title, Job, Position, Function, Role |
//! | entry date | Eintrittsdatum, Eintritt | Entry date, Start date, Hire date |
//! | exit date | Austrittsdatum, Austritt | Exit date, Leaving date, End date |
//!
//! **Values.** Dates as dd.mm.yyyy (also d.m.yyyy, dd.mm.yy) or yyyy-mm-dd, optionally
//! followed by a time. The department cell names a department by its code or by its
//! name (case-insensitive).
//!
//! **Upsert rules** (see [`employees::plan`]): rows are matched to employees by personnel
//! number. A new number adds an employee; a known one updates the fields the row fills.
//! An empty cell — or a column that is not in the file — keeps the stored value, for every
//! optional field including the exit date (clearing a value or reinstating a leaver is
//! done in the app). Employees not in the file are left alone. Rows with every cell empty
//! are skipped. A row is rejected, with its line number and reason, for: missing
//! personnel number or name, a name longer than 200 characters, an invalid date, an
//! implausible e-mail address, an exit date before the entry date, an unknown form of
//! address, an unknown department (unless the user chooses to create missing
//! departments), a deactivated department, and a personnel number that occurs more than
//! once in the file (every occurrence is rejected: the file must be fixed). While any row
//! is rejected nothing is imported.

pub mod attendance;
pub mod employees;
mod headers;
pub mod pipeline;
pub mod table;

/// An all-digit personnel number without its leading zeros ("004711" → "4711", "000" →
/// "0"), the form a workbook's number cell keeps of it; `None` for any other number.
/// Imports match both forms: a number without an exact match is the one stored person
/// whose number has this same form.
pub fn personnel_number_value(number: &str) -> Option<&str> {
    let number = number.trim();
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let trimmed = number.trim_start_matches('0');
    Some(if trimmed.is_empty() { "0" } else { trimmed })
}

#[cfg(test)]
mod number_tests {
    use super::personnel_number_value;

    #[test]
    fn all_digit_numbers_lose_their_leading_zeros() {
        assert_eq!(personnel_number_value("004711"), Some("4711"));
        assert_eq!(personnel_number_value("4711"), Some("4711"));
        assert_eq!(personnel_number_value("000"), Some("0"));
        assert_eq!(personnel_number_value("P-0047"), None);
        assert_eq!(personnel_number_value(""), None);
    }
}
