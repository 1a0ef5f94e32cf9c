//! `lotse renewals`: certificates that expired or run out soon, per department, with what
//! re-certification still needs; `lotse renewals drafts` writes the reminders as `.eml`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use serde_json::json;

use super::{Format, io, print_list};
use crate::error::{Error, Result};
use crate::i18n::{self, Arg, fmt_date, t, ta};
use crate::service::Database;
use crate::service::renewals::{self, RenewalFilter, Renewals};
use crate::store::Read;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct RenewalsArgs {
    #[command(subcommand)]
    pub command: Option<RenewalsCommand>,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum RenewalsCommand {
    /// Write one .eml draft per certificate due, to people with an e-mail address.
    Drafts(DraftsArgs),
}

#[derive(Debug, Args)]
pub struct DraftsArgs {
    /// The folder the drafts are written to.
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Days ahead (default: the widest reminder threshold of the settings, 90).
    #[arg(long, value_name = "DAYS")]
    pub within: Option<u32>,
    /// Only holders in this department (code) and its sub-units.
    #[arg(long, value_name = "CODE")]
    pub department: Option<String>,
    /// Only this program (code).
    #[arg(long, value_name = "CODE")]
    pub program: Option<String>,
}

/// Runs `lotse renewals …`.
pub fn run(db: &Database, args: &RenewalsArgs, out: &mut impl Write) -> Result<ExitCode> {
    match &args.command {
        None => list(db, &args.filter, args.format, out),
        Some(RenewalsCommand::Drafts(drafts)) => write_drafts(db, drafts, out),
    }
}

fn filter(db: &Database, args: &FilterArgs) -> Result<RenewalFilter> {
    let store = db.store();
    if args.within == Some(0) {
        return Err(Error::Message(t("renew-cli-bad-within")));
    }
    let department = match &args.department {
        Some(code) => Some(
            store
                .department_by_code(code)?
                .ok_or_else(|| {
                    Error::invalid(crate::model::Invalid::UnknownDepartment(code.clone()))
                })?
                .id,
        ),
        None => None,
    };
    let program = match &args.program {
        Some(code) => Some(
            store
                .program_by_code(code)?
                .ok_or_else(|| {
                    Error::Message(ta("cli-unknown-program", &[("code", Arg::from(code))]))
                })?
                .id,
        ),
        None => None,
    };
    Ok(RenewalFilter {
        within: args.within,
        department,
        program,
    })
}

fn list(
    db: &Database,
    args: &FilterArgs,
    format: Format,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let renewals = renewals::list(db, &filter(db, args)?)?;
    let lang = i18n::language();
    if format == Format::Table && renewals.rows.is_empty() {
        writeln!(
            out,
            "{}",
            ta("renew-none", &[("days", Arg::from(renewals.window))])
        )
        .map_err(io)?;
        return Ok(ExitCode::SUCCESS);
    }
    let headers = [
        t("renew-col-department"),
        t("renew-col-name"),
        t("renew-col-program"),
        t("renew-col-serial"),
        t("renew-col-valid-until"),
        t("renew-col-days"),
        t("renew-col-band"),
        t("renew-col-missing"),
        t("renew-col-sessions"),
    ];
    let table: Vec<Vec<String>> = renewals
        .rows
        .iter()
        .map(|r| {
            vec![
                r.department_code.clone().unwrap_or_default(),
                r.sort_name(),
                r.program_code.clone(),
                r.serial.clone(),
                fmt_date(r.valid_until),
                r.days_left.to_string(),
                renewals.band_label(r.band, lang),
                renewals.missing_text(r, lang),
                renewals.sessions_text(r, lang),
            ]
        })
        .collect();
    let json_rows = renewals
        .rows
        .iter()
        .map(|r| row_json(&renewals, r))
        .collect();
    print_list(format, &headers, &table, json_rows, out)?;
    Ok(ExitCode::SUCCESS)
}

fn row_json(renewals: &Renewals, r: &renewals::Renewal) -> serde_json::Value {
    let lang = i18n::language();
    let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let time = |d: chrono::NaiveDateTime| d.format("%Y-%m-%dT%H:%M").to_string();
    json!({
        "department": r.department_code,
        "department_name": r.department_name,
        "personnel_number": r.employee.personnel_number,
        "first_name": r.employee.first_name,
        "last_name": r.employee.last_name,
        "email": r.employee.email,
        "program": r.program_code,
        "serial": r.serial,
        "issued_on": day(r.issued_on),
        "valid_until": day(r.valid_until),
        "days_left": r.days_left,
        "band": r.band.code(),
        "complete": r.needs.is_empty(),
        "missing": r.needs.iter().map(|n| renewals.need_text(n, lang)).collect::<Vec<_>>(),
        "next_sessions": r.next_sessions.iter().map(|s| json!({
            "session": s.session.0,
            "seminar": s.seminar_title,
            "starts_at": time(s.starts_at),
            "ends_at": time(s.ends_at),
            "location": s.location,
        })).collect::<Vec<_>>(),
    })
}

fn write_drafts(db: &Database, args: &DraftsArgs, out: &mut impl Write) -> Result<ExitCode> {
    let renewals = renewals::list(db, &filter(db, &args.filter)?)?;
    let selection: Vec<_> = renewals.rows.iter().collect();
    let written =
        renewals::write_drafts(db, &renewals, &selection, &args.output, i18n::language())?;
    writeln!(out, "{}", renewals::drafts_message(&written)).map_err(io)?;
    if !written.files.is_empty() {
        writeln!(
            out,
            "{}",
            ta(
                "renew-cli-drafts-folder",
                &[("dir", Arg::from(args.output.display().to_string()))]
            )
        )
        .map_err(io)?;
    }
    Ok(ExitCode::SUCCESS)
}
