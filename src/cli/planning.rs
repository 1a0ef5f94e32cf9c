//! Training needs and planning on the command line: `needs` (which seminars a program's
//! people still lack), `needs register` (register them for a session, the rest onto its
//! waiting list) and `sessions waitlist`.

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use serde_json::json;

use super::{Format, io, print_list};
use crate::error::{Error, Result};
use crate::i18n::{Arg, t, ta};
use crate::model::SessionId;
use crate::service::Database;
use crate::service::needs::{self, NeedsReport};
use crate::service::planning;
use crate::store::Read;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct NeedsArgs {
    #[command(subcommand)]
    pub command: Option<NeedsCommand>,
    /// The program's code.
    #[arg(long, value_name = "CODE", required = true)]
    pub program: Option<String>,
    /// Only this department and its sub-units (code).
    #[arg(long, value_name = "CODE")]
    pub department: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum NeedsCommand {
    /// Register everyone who needs a seminar for a future session.
    Register(RegisterArgs),
}

#[derive(Debug, Args)]
pub struct RegisterArgs {
    /// The program's code.
    #[arg(long, value_name = "CODE")]
    pub program: String,
    /// The seminar's code.
    #[arg(long, value_name = "CODE")]
    pub seminar: String,
    /// The session's id (see `sessions list`).
    #[arg(long, value_name = "ID")]
    pub session: i64,
    /// Only people of this department and its sub-units (code).
    #[arg(long, value_name = "CODE")]
    pub department: Option<String>,
}

/// `needs …`: the table, or a subcommand.
pub fn run(db: &mut Database, args: NeedsArgs, out: &mut impl Write) -> Result<ExitCode> {
    match args.command {
        Some(NeedsCommand::Register(register_args)) => register(db, &register_args, out),
        None => {
            let program = args.program.unwrap_or_default();
            list(db, &program, args.department.as_deref(), args.format, out)
        }
    }
}

/// `needs --program CODE [--department CODE]`.
fn list(
    db: &Database,
    program: &str,
    department: Option<&str>,
    format: Format,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let report = needs::load(db, program, department)?;
    match format {
        Format::Table => table(&report, out),
        Format::Csv | Format::Json => {
            let headers = vec![
                t("needs-col-code"),
                t("needs-col-seminar"),
                t("needs-col-department-code"),
                t("needs-col-department"),
                t("needs-col-needed"),
                t("needs-col-eligible"),
            ];
            let mut rows = Vec::new();
            let mut json_rows = Vec::new();
            for need in &report.needs.seminars {
                let code = report.seminar_code(need.seminar);
                for d in &need.departments {
                    let department_code = report.department_code(d.department);
                    rows.push(vec![
                        code.clone(),
                        need.title.clone(),
                        department_code.clone(),
                        report.department_name(d.department),
                        d.needed_by.to_string(),
                        d.would_become_eligible.to_string(),
                    ]);
                    json_rows.push(json!({
                        "seminar_code": code,
                        "seminar_title": need.title,
                        "department_code": d.department.map(|_| department_code),
                        "department_name": d.department.map(|_| report.department_name(d.department)),
                        "needed_by": d.needed_by,
                        "would_become_eligible": d.would_become_eligible,
                    }));
                }
            }
            print_list(format, &headers, &rows, json_rows, out)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The table: one row per seminar, with its top departments; then the prerequisites
/// and the summary.
fn table(report: &NeedsReport, out: &mut impl Write) -> Result<ExitCode> {
    let headers = vec![
        t("needs-col-seminar"),
        t("needs-col-needed"),
        t("needs-col-eligible"),
        t("needs-col-departments"),
    ];
    let rows: Vec<Vec<String>> = report
        .needs
        .seminars
        .iter()
        .map(|need| {
            vec![
                format!("{} ({})", need.title, report.seminar_code(need.seminar)),
                need.needed_by.len().to_string(),
                need.would_become_eligible.len().to_string(),
                report.top_departments(need, 3),
            ]
        })
        .collect();
    writeln!(out, "{}", report.summary()).map_err(io)?;
    if rows.is_empty() {
        writeln!(out, "{}", t("needs-nothing")).map_err(io)?;
    } else {
        writeln!(out).map_err(io)?;
        print_list(Format::Table, &headers, &rows, Vec::new(), out)?;
    }
    for need in &report.needs.prerequisites {
        writeln!(out, "{}", report.prerequisite_sentence(need)).map_err(io)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `needs register --program CODE --seminar CODE --session ID [--department CODE]`.
fn register(db: &mut Database, args: &RegisterArgs, out: &mut impl Write) -> Result<ExitCode> {
    let report = needs::load(db, &args.program, args.department.as_deref())?;
    let seminar = db
        .store()
        .seminar_by_code(args.seminar.trim())?
        .ok_or_else(|| {
            Error::Message(ta(
                "needs-unknown-seminar",
                &[("code", Arg::from(args.seminar.trim()))],
            ))
        })?;
    let session = db
        .store()
        .session(SessionId(args.session))?
        .ok_or_else(|| {
            Error::Message(ta(
                "train-unknown-session",
                &[("id", Arg::from(args.session))],
            ))
        })?;
    if session.seminar_id != seminar.id {
        return Err(Error::Message(t("needs-session-other-seminar")));
    }
    let people = report
        .needs
        .seminars
        .iter()
        .find(|n| n.seminar == seminar.id)
        .map(|n| n.needed_by.clone())
        .unwrap_or_default();
    let outcome = planning::register(db, session.id, &people)?;
    writeln!(out, "{}", outcome.sentence()).map_err(io)?;
    Ok(ExitCode::SUCCESS)
}

/// `sessions waitlist ID`: the waiting list in order.
pub fn waitlist(db: &Database, id: i64, format: Format, out: &mut impl Write) -> Result<ExitCode> {
    let session = SessionId(id);
    if db.store().session(session)?.is_none() {
        return Err(Error::Message(ta(
            "train-unknown-session",
            &[("id", Arg::from(id))],
        )));
    }
    let list = planning::waitlist(db, session)?;
    let headers = vec![
        t("needs-col-position"),
        t("needs-col-personnel-number"),
        t("needs-col-name"),
        t("needs-col-department-code"),
        t("needs-col-added"),
    ];
    let rows: Vec<Vec<String>> = list
        .iter()
        .enumerate()
        .map(|(i, w)| {
            vec![
                (i + 1).to_string(),
                w.personnel_number.clone(),
                format!("{}, {}", w.last_name, w.first_name),
                w.department_code.clone().unwrap_or_default(),
                crate::i18n::fmt_datetime(w.added_at),
            ]
        })
        .collect();
    let json_rows = list
        .iter()
        .enumerate()
        .map(|(i, w)| {
            json!({
                "position": i + 1,
                "personnel_number": w.personnel_number,
                "first_name": w.first_name,
                "last_name": w.last_name,
                "department_code": w.department_code,
                "added_at": w.added_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
            })
        })
        .collect();
    if format == Format::Table && rows.is_empty() {
        writeln!(out, "{}", t("needs-waitlist-empty")).map_err(io)?;
        return Ok(ExitCode::SUCCESS);
    }
    print_list(format, &headers, &rows, json_rows, out)?;
    Ok(ExitCode::SUCCESS)
}
