//! Reports from the database: load once in a few bulk queries, compute in memory
//! (`crate::report`), and write CSV, XLSX or PDF files. One-off coverage ([`coverage`])
//! lets the database aggregate the attendance instead of loading it.
//!
//! A screen keeps the [`ReportData`] from [`load`] and recomputes with
//! `report::coverage`, `report::matrix` or `report::hours` (each a few milliseconds to
//! a few dozen at 10,000 employees) whenever the as-of date or a filter changes; the functions here that take a store are
//! for one-off use (the command line, exports).

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::i18n::{Arg, t, ta};
use crate::report::export::{
    self, Sheet, certificates_sheet, coverage_sheet, employees_sheet, hours_sheets, matrix_sheet,
};
use crate::report::{
    ComplianceOptions, ComplianceReport, CoverageOptions, CoverageReport, DepartmentTree,
    ExportFormat, HoursOptions, HoursReport, Matrix, MatrixOptions, ReportData, compliance_pdf,
    compliance_sheets, coverage_pdf, program_standing_from_facts,
};
use crate::rules::AttendanceFacts;
use crate::service::Database;
use crate::service::{eligibility, settings};
use crate::store::{CertificateFilter, EmployeeFilter, Read, Store};

/// Loads everything reports need: departments, every employee (leavers included),
/// programs, seminars, all attendance with its session and seminar, all certificates,
/// and the organisation's name — a handful of bulk queries, whatever the size (no query
/// per employee).
pub fn load(db: &Database) -> Result<ReportData> {
    let store = db.store();
    let organisation = store.setting(settings::ORGANISATION)?.unwrap_or_default();
    let employees = store.employee_rows(&EmployeeFilter {
        department: None,
        include_leavers: true,
    })?;
    let mut data = ReportData::new(
        organisation,
        store.departments()?,
        employees,
        store.programs()?,
        store.seminars()?,
        store.training_records_unordered()?,
        store.certificates()?,
    );
    data.pdfa = settings::pdfa_in(store)?;
    data.prepared_by = store.actor().to_owned();
    data.prepared_at = store.now();
    Ok(data)
}

/// Like [`load`], but without any attendance: what coverage needs besides the facts
/// the database aggregates per program.
fn load_without_attendance(store: &Store) -> Result<ReportData> {
    let organisation = store.setting(settings::ORGANISATION)?.unwrap_or_default();
    let employees = store.employee_rows(&EmployeeFilter {
        department: None,
        include_leavers: true,
    })?;
    let mut data = ReportData::new(
        organisation,
        store.departments()?,
        employees,
        store.programs()?,
        store.seminars()?,
        Vec::new(),
        store.certificates()?,
    );
    data.pdfa = settings::pdfa_in(store)?;
    Ok(data)
}

/// Coverage per department, loaded and computed in one go — the same report as
/// `report::coverage` over [`load`], but the database aggregates per program only the
/// completions its requirements need (no attendance record is read into memory).
pub fn coverage(db: &Database, options: &CoverageOptions) -> Result<CoverageReport> {
    let store = db.store();
    let started = std::time::Instant::now();
    let data = load_without_attendance(store)?;
    log::debug!("coverage: data loaded in {:?}", started.elapsed());
    let mut attendance = HashMap::new();
    for program in data.report_programs(options.program) {
        attendance.insert(
            program.id,
            eligibility::attendance_facts(db, program, &data.seminars, options.as_of)?,
        );
    }
    log::debug!("coverage: facts aggregated in {:?}", started.elapsed());
    let none = AttendanceFacts::default();
    Ok(crate::report::coverage_with(
        &data,
        options,
        |i, employee, program| {
            let facts = attendance
                .get(&program.id)
                .and_then(|m| m.get(&employee.id))
                .unwrap_or(&none);
            program_standing_from_facts(
                program,
                employee,
                facts,
                data.certificates_of(i),
                options.as_of,
            )
        },
    ))
}

/// The compliance report for audits, loaded and computed in one go; "generated" now,
/// by the database's user.
pub fn compliance(db: &Database, options: &ComplianceOptions) -> Result<ComplianceReport> {
    Ok(crate::report::compliance(&load(db)?, options))
}

/// The compliance report as a PDF or an XLSX workbook (CSV is refused: it holds one table).
pub fn compliance_bytes(report: &ComplianceReport, format: ExportFormat) -> Result<Vec<u8>> {
    match format {
        ExportFormat::Pdf => compliance_pdf(report),
        ExportFormat::Xlsx => export::xlsx_bytes(&compliance_sheets(report)),
        ExportFormat::Csv => Err(Error::Message(t("compliance-error-csv"))),
    }
}

/// The training matrix, loaded and computed in one go.
pub fn matrix(db: &Database, options: &MatrixOptions) -> Result<Matrix> {
    Ok(crate::report::matrix(&load(db)?, options))
}

/// Training hours of a year, loaded and computed in one go.
pub fn hours(db: &Database, options: &HoursOptions) -> Result<HoursReport> {
    Ok(crate::report::hours(&load(db)?, options))
}

/// What to export.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportKind {
    Coverage(CoverageOptions),
    Matrix(MatrixOptions),
    /// Every certificate, with its status on the day given.
    Certificates {
        as_of: NaiveDate,
    },
    /// The staff list, leavers included; "active" as of the day given.
    Employees {
        as_of: NaiveDate,
    },
    Hours(HoursOptions),
    /// The compliance report (PDF or XLSX).
    Compliance(ComplianceOptions),
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exported {
    pub format: ExportFormat,
    /// Data rows written (the header not counted; in a workbook with several sheets, those
    /// of the first).
    pub rows: usize,
}

/// Turns a coverage report into file bytes (a screen that already holds the report
/// exports it without loading again). PDF is the printed report.
pub fn coverage_bytes(report: &CoverageReport, format: ExportFormat) -> Result<Vec<u8>> {
    match format {
        ExportFormat::Pdf => coverage_pdf(report),
        _ => sheets_bytes(&[coverage_sheet(report)], format),
    }
}

/// Turns a matrix into CSV or XLSX bytes.
pub fn matrix_bytes(matrix: &Matrix, format: ExportFormat) -> Result<Vec<u8>> {
    sheets_bytes(&[matrix_sheet(matrix)], format)
}

/// CSV (the first sheet only) or XLSX (every sheet); PDF is refused for plain sheets.
pub fn sheets_bytes(sheets: &[Sheet], format: ExportFormat) -> Result<Vec<u8>> {
    match format {
        ExportFormat::Csv => match sheets.first() {
            Some(sheet) => export::csv_bytes(sheet),
            None => export::csv_bytes(&Sheet::default()),
        },
        ExportFormat::Xlsx => export::xlsx_bytes(sheets),
        ExportFormat::Pdf => Err(Error::Message(t("report-error-pdf-only-coverage"))),
    }
}

/// The format a file name asks for, or a message that lists the ones available.
pub fn format_of(path: &Path, pdf_allowed: bool) -> Result<ExportFormat> {
    match ExportFormat::from_path(path) {
        Some(ExportFormat::Pdf) if !pdf_allowed => {
            Err(Error::Message(t("report-error-pdf-only-coverage")))
        }
        Some(f) => Ok(f),
        None => Err(Error::Message(ta(
            "report-error-format",
            &[("path", Arg::from(path.display().to_string()))],
        ))),
    }
}

/// Exports `kind` to `path`, in the format its extension names (`.csv`, `.xlsx`, and
/// `.pdf` for coverage). Nothing is written when the format is not available.
pub fn export_to(db: &Database, kind: &ExportKind, path: &Path) -> Result<Exported> {
    let format = format_of(
        path,
        matches!(kind, ExportKind::Coverage(_) | ExportKind::Compliance(_)),
    )?;
    if matches!(kind, ExportKind::Compliance(_)) && format == ExportFormat::Csv {
        return Err(Error::Message(t("compliance-error-csv")));
    }
    let (bytes, rows) = export_bytes(db, kind, format)?;
    crate::files::write_private(path, &bytes)?;
    Ok(Exported { format, rows })
}

/// The bytes of an export and the number of data rows.
pub fn export_bytes(
    db: &Database,
    kind: &ExportKind,
    format: ExportFormat,
) -> Result<(Vec<u8>, usize)> {
    let store = db.store();
    match kind {
        ExportKind::Coverage(options) => {
            let report = coverage(db, options)?;
            let rows = report.rows.len() * report.programs.len() + report.total.len();
            Ok((coverage_bytes(&report, format)?, rows))
        }
        ExportKind::Matrix(options) => {
            let m = matrix(db, options)?;
            Ok((matrix_bytes(&m, format)?, m.rows.len()))
        }
        ExportKind::Certificates { as_of } => {
            let rows = store.certificate_rows(&CertificateFilter::default())?;
            let tree = DepartmentTree::new(store.departments()?);
            let sheet = certificates_sheet(&rows, &tree, *as_of);
            Ok((sheets_bytes(&[sheet], format)?, rows.len()))
        }
        ExportKind::Employees { as_of } => {
            let rows = store.employee_rows(&EmployeeFilter {
                department: None,
                include_leavers: true,
            })?;
            let sheet = employees_sheet(&rows, *as_of);
            Ok((sheets_bytes(&[sheet], format)?, rows.len()))
        }
        ExportKind::Hours(options) => {
            let report = hours(db, options)?;
            let mut sheets = hours_sheets(&report);
            // CSV holds one table: the per-employee one is the one to process further.
            if format == ExportFormat::Csv {
                sheets.reverse();
            }
            let rows = sheets.first().map_or(0, |s| s.rows.len());
            Ok((sheets_bytes(&sheets, format)?, rows))
        }
        ExportKind::Compliance(options) => {
            let report = compliance(db, options)?;
            let rows = report.holders.len() + report.expired.len() + report.revoked.len();
            Ok((compliance_bytes(&report, format)?, rows))
        }
    }
}
