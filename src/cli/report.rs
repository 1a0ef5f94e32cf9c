//! `lotse report …` and `lotse export …`: coverage per department, training hours, and
//! files (CSV for German Excel, XLSX, and the printable coverage PDF).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Datelike, NaiveDate};
use clap::{Args, Subcommand, ValueEnum};
use serde_json::{Value, json};

use super::{Format, io, print_list};
use crate::error::{Error, Result};
use crate::i18n::{self, Arg, fmt_date, t, ta};
use crate::model::{DepartmentId, Invalid, ProgramId};
use crate::report::export::one_decimal;
use crate::report::{
    ComplianceOptions, CoverageOptions, HoursOptions, MatrixColumns, MatrixOptions, Measure, hours,
};
use crate::service::Database;
use crate::service::reports::{self, ExportKind};
use crate::store::Read;

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Certification coverage per department (sub-units included) and program.
    Coverage(CoverageArgs),
    /// Training hours of a year per department (sub-units included).
    Hours(HoursArgs),
}

#[derive(Debug, Args)]
pub struct CoverageArgs {
    /// Only this department (code) and its sub-units.
    #[arg(long, value_name = "CODE")]
    pub department: Option<String>,
    /// Only this program (code).
    #[arg(long, value_name = "CODE")]
    pub program: Option<String>,
    /// The day (YYYY-MM-DD or dd.mm.yyyy; default today).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct HoursArgs {
    /// The calendar year (default: the current one).
    #[arg(long, value_name = "YYYY")]
    pub year: Option<String>,
    /// Only this department (code) and its sub-units.
    #[arg(long, value_name = "CODE")]
    pub department: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// Matrix columns on the command line.
#[derive(Debug, Clone, Copy, Default, ValueEnum, PartialEq, Eq)]
pub enum ColumnsArg {
    #[default]
    Programs,
    Seminars,
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Coverage per department and program (.csv, .xlsx or .pdf).
    Coverage {
        #[arg(long, value_name = "CODE")]
        department: Option<String>,
        #[arg(long, value_name = "CODE")]
        program: Option<String>,
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// The file to write.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// The compliance report for audits (.pdf or .xlsx): coverage, holders, expired and
    /// revoked certificates, for the whole administration or one department.
    Compliance {
        #[arg(long, value_name = "CODE")]
        department: Option<String>,
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// The training matrix (.csv or .xlsx).
    Matrix {
        #[arg(long, value_enum, default_value_t)]
        columns: ColumnsArg,
        #[arg(long, value_name = "CODE")]
        department: Option<String>,
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// The check page for signed certificates: one self-contained HTML file.
    VerifyPage {
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// The signed revocation list (JSON) for the check page.
    Revocations {
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Every certificate with its status (.csv or .xlsx).
    Certificates {
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// The staff list, leavers included (.csv or .xlsx).
    Employees {
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Every attendance: date, seminar, person, department, status, hours (.csv or .xlsx).
    Attendance {
        /// Sessions that end on or after this day.
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Sessions that start on or before this day.
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Training hours of a year (.csv or .xlsx).
    Hours {
        #[arg(long, value_name = "YYYY")]
        year: Option<String>,
        #[arg(long, value_name = "CODE")]
        department: Option<String>,
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
}

fn day(text: Option<&str>, db: &Database) -> Result<NaiveDate> {
    let store = db.store();
    match text {
        None => Ok(store.today()),
        Some(s) => i18n::parse_date(s)
            .ok_or_else(|| Error::Message(ta("cli-bad-date", &[("value", Arg::from(s))]))),
    }
}

fn year(text: Option<&str>, db: &Database) -> Result<i32> {
    let store = db.store();
    match text {
        None => Ok(store.today().year()),
        Some(s) => s
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (1900..=9999).contains(y))
            .ok_or_else(|| Error::Message(ta("report-error-bad-year", &[("value", Arg::from(s))]))),
    }
}

fn department(db: &Database, code: Option<&str>) -> Result<Option<DepartmentId>> {
    let store = db.store();
    match code {
        None => Ok(None),
        Some(code) => Ok(Some(
            store
                .department_by_code(code)?
                .ok_or_else(|| Error::invalid(Invalid::UnknownDepartment(code.to_owned())))?
                .id,
        )),
    }
}

fn program(db: &Database, code: Option<&str>) -> Result<Option<ProgramId>> {
    let store = db.store();
    match code {
        None => Ok(None),
        Some(code) => Ok(Some(
            store
                .program_by_code(code)?
                .ok_or_else(|| {
                    Error::Message(ta("cli-unknown-program", &[("code", Arg::from(code))]))
                })?
                .id,
        )),
    }
}

/// Runs `lotse report …`.
pub fn run_report(db: &Database, command: ReportCommand, out: &mut impl Write) -> Result<ExitCode> {
    match command {
        ReportCommand::Coverage(args) => report_coverage(db, &args, out),
        ReportCommand::Hours(args) => report_hours(db, &args, out),
    }
}

const MEASURES: [Measure; 5] = [
    Measure::Employees,
    Measure::Valid,
    Measure::Expiring,
    Measure::Expired,
    Measure::InProgress,
];

fn report_coverage(db: &Database, args: &CoverageArgs, out: &mut impl Write) -> Result<ExitCode> {
    let options = CoverageOptions {
        as_of: day(args.as_of.as_deref(), db)?,
        department: department(db, args.department.as_deref())?,
        program: program(db, args.program.as_deref())?,
    };
    let report = reports::coverage(db, &options)?;

    let mut headers = vec![
        t("report-cli-department"),
        t("report-cli-name"),
        t("report-cli-program"),
    ];
    headers.extend(MEASURES.iter().map(|m| m.label()));
    headers.push(t("report-cli-coverage"));
    let mut table = Vec::new();
    let mut json_rows = Vec::new();
    for row in &report.rows {
        for (program, f) in report.programs.iter().zip(&row.figures) {
            let mut line = vec![
                row.code.clone(),
                format!("{}{}", "  ".repeat(row.depth), row.name),
                program.code.clone(),
            ];
            line.extend(MEASURES.iter().map(|m| f.get(*m).to_string()));
            line.push(format!("{} %", one_decimal(f.coverage_percent())));
            table.push(line);
            json_rows.push(json!({
                // `null` on the line of the people without a department.
                "department": row.department_id.map(|_| &row.code),
                "program": program.code,
                "employees": f.employees,
                "valid": f.valid,
                "expiring": f.expiring,
                "expired": f.expired,
                "in_progress": f.in_progress,
                "coverage_percent": f.coverage_percent(),
            }));
        }
    }
    // With a department filter its own line already is the total.
    if report.department.is_none() {
        for (program, f) in report.programs.iter().zip(&report.total) {
            let mut line = vec![String::new(), t("report-total"), program.code.clone()];
            line.extend(MEASURES.iter().map(|m| f.get(*m).to_string()));
            line.push(format!("{} %", one_decimal(f.coverage_percent())));
            table.push(line);
        }
    }
    if args.format == Format::Table {
        writeln!(
            out,
            "{}",
            ta(
                "report-cli-as-of",
                &[("date", Arg::from(fmt_date(report.as_of)))]
            )
        )
        .map_err(io)?;
    }
    print_list(args.format, &headers, &table, json_rows, out)?;
    Ok(ExitCode::SUCCESS)
}

fn report_hours(db: &Database, args: &HoursArgs, out: &mut impl Write) -> Result<ExitCode> {
    let options = HoursOptions {
        year: year(args.year.as_deref(), db)?,
        department: department(db, args.department.as_deref())?,
    };
    let data = reports::load(db)?;
    let report = hours(&data, &options);
    let headers = vec![
        t("report-cli-department"),
        t("report-cli-name"),
        t("report-col-employees"),
        t("report-col-trained"),
        t("report-col-sessions"),
        t("report-col-hours"),
        t("report-col-hours-per-employee"),
    ];
    let line = |code: &str, name: String, f: &crate::report::HoursFigures| {
        vec![
            code.to_owned(),
            name,
            f.employees.to_string(),
            f.trained.to_string(),
            f.sessions.to_string(),
            one_decimal(f.hours),
            one_decimal(f.hours_per_employee()),
        ]
    };
    let mut table: Vec<Vec<String>> = report
        .departments
        .iter()
        .map(|d| {
            line(
                &d.code,
                format!("{}{}", "  ".repeat(d.depth), d.name),
                &d.figures,
            )
        })
        .collect();
    if report.department.is_none() {
        table.push(line("", t("report-total"), &report.total));
    }
    let json_rows: Vec<Value> = report
        .departments
        .iter()
        .map(|d| {
            json!({
                "department": d.code,
                "year": report.year,
                "employees": d.figures.employees,
                "trained": d.figures.trained,
                "sessions": d.figures.sessions,
                "hours": d.figures.hours,
                "hours_per_employee": d.figures.hours_per_employee(),
            })
        })
        .collect();
    print_list(args.format, &headers, &table, json_rows, out)?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `lotse export …`.
pub fn run_export(
    db: &mut Database,
    command: ExportCommand,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let (kind, output): (ExportKind, &Path) = match &command {
        // Signed with the database's key, made on first need.
        ExportCommand::VerifyPage { output } => {
            return super::keys::export_verify_page(db, output, out);
        }
        ExportCommand::Revocations { output } => {
            return super::keys::export_revocations(db, output, out);
        }
        ExportCommand::Attendance { from, to, output } => {
            return super::training::export_attendance(
                db,
                from.as_deref(),
                to.as_deref(),
                output,
                out,
            );
        }
        ExportCommand::Coverage {
            department: dept,
            program: prog,
            as_of,
            output,
        } => (
            ExportKind::Coverage(CoverageOptions {
                as_of: day(as_of.as_deref(), db)?,
                department: department(db, dept.as_deref())?,
                program: program(db, prog.as_deref())?,
            }),
            output,
        ),
        ExportCommand::Compliance {
            department: dept,
            as_of,
            output,
        } => (
            ExportKind::Compliance(ComplianceOptions {
                as_of: day(as_of.as_deref(), db)?,
                department: department(db, dept.as_deref())?,
            }),
            output,
        ),
        ExportCommand::Matrix {
            columns,
            department: dept,
            search,
            as_of,
            output,
        } => (
            ExportKind::Matrix(MatrixOptions {
                as_of: day(as_of.as_deref(), db)?,
                columns: match columns {
                    ColumnsArg::Programs => MatrixColumns::Programs,
                    ColumnsArg::Seminars => MatrixColumns::Seminars,
                },
                department: department(db, dept.as_deref())?,
                search: search.clone().unwrap_or_default(),
            }),
            output,
        ),
        ExportCommand::Certificates { as_of, output } => (
            ExportKind::Certificates {
                as_of: day(as_of.as_deref(), db)?,
            },
            output,
        ),
        ExportCommand::Employees { output } => {
            (ExportKind::Employees { as_of: db.today() }, output)
        }
        ExportCommand::Hours {
            year: y,
            department: dept,
            output,
        } => (
            ExportKind::Hours(HoursOptions {
                year: year(y.as_deref(), db)?,
                department: department(db, dept.as_deref())?,
            }),
            output,
        ),
    };
    let exported = reports::export_to(db, &kind, output)?;
    writeln!(
        out,
        "{}",
        ta(
            "report-exported",
            &[
                ("rows", Arg::from(exported.rows)),
                ("path", Arg::from(output.display().to_string())),
            ],
        )
    )
    .map_err(io)?;
    Ok(ExitCode::SUCCESS)
}
