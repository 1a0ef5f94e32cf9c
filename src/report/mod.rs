//! Reports and exports: coverage per department, the training matrix, training hours,
//! and their CSV, XLSX and PDF files.
//!
//! Everything here is computed in memory from a [`ReportData`] (loaded once by
//! `service::reports::load` in a few bulk queries) and returns plain rows that a screen
//! can draw directly: [`CoverageReport`], [`Matrix`], [`HoursReport`]. They are `Clone`
//! and `Send`, so a background thread can compute them for the UI.
//!
//! Files: [`export`] turns reports and lists into [`Sheet`]s and writes them as CSV
//! (UTF-8 with BOM, `;` between cells, CRLF — what German Excel opens without an import
//! dialog; every cell through [`csv_safe`]) or XLSX; [`coverage_pdf`] prints coverage per
//! department for a department head, [`compliance_pdf`] (and [`compliance_sheets`]) the
//! compliance report for audits.

mod compliance;
mod coverage;
mod data;
pub mod export;
mod hours;
mod matrix;
mod pdf;
mod standing;

pub use crate::model::{DepartmentNode, DepartmentTree, natural_cmp};
pub use compliance::{
    ComplianceLine, ComplianceOptions, ComplianceReport, ComplianceSummary, compliance,
    compliance_sheets, generated_text, scope_text,
};
pub use coverage::{
    CoverageFigures, CoverageLine, CoverageOptions, CoveragePerson, CoverageReport, CoverageRow,
    Measure, ReportProgram, coverage, coverage_with,
};
pub use data::{ReportData, employed_between, employed_on};
pub use export::{Cell, CellValue, ExportFormat, Sheet};
pub use hours::{DepartmentHours, EmployeeHours, HoursFigures, HoursOptions, HoursReport, hours};
pub use matrix::{
    ColumnId, Matrix, MatrixCell, MatrixColumn, MatrixColumns, MatrixOptions, MatrixRow,
    SeminarState, matrix,
};
pub use pdf::{compliance_pdf, coverage_pdf};
pub use standing::{
    CertificateState, ProgramStanding, program_standing, program_standing_from_facts,
};

/// The colour role of a cell: screens pick their own colours for it, XLSX files a light
/// fill ([`Tone::fill_rgb`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    /// Valid certificate, seminar attended.
    Good,
    /// Expiring certificate, registered for a seminar.
    Warning,
    /// Expired certificate.
    Bad,
    /// On the way: requirements partly met, seminar partly attended.
    Progress,
    /// Nothing yet.
    Neutral,
}

impl Tone {
    /// A light background colour as 0xRRGGBB (the spreadsheet's "good / neutral / bad"
    /// fills), `None` for [`Tone::Neutral`].
    pub fn fill_rgb(self) -> Option<u32> {
        match self {
            Tone::Good => Some(0xC6EFCE),
            Tone::Warning => Some(0xFFEB9C),
            Tone::Bad => Some(0xFFC7CE),
            Tone::Progress => Some(0xDDEBF7),
            Tone::Neutral => None,
        }
    }
}

/// A CSV cell made safe for spreadsheets: a cell that begins with `=`, `+`, `-`, `@`,
/// a tab or a carriage return is prefixed with `'` so that it is never run as a formula.
pub fn csv_safe(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::csv_safe;

    #[test]
    fn formulas_are_neutralised() {
        for (input, expected) in [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+49 571", "'+49 571"),
            ("-3", "'-3"),
            ("@cmd", "'@cmd"),
            ("\tx", "'\tx"),
            ("Müller", "Müller"),
            ("", ""),
        ] {
            assert_eq!(csv_safe(input), expected);
        }
    }
}
