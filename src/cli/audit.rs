//! `lotse audit list` and `lotse audit export`: the log of every change, filtered by
//! period, person, kind of record, action and user.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use serde_json::{Value, json};

use super::{Format, io, print_list};
use crate::error::{Error, Result};
use crate::i18n::{self, Arg, ta};
use crate::service::Database;
use crate::service::audit::{self, AuditFilter};
use crate::store::Read;

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// List audit entries, newest first.
    List(ListArgs),
    /// Export the (filtered) audit entries as .csv or .xlsx.
    Export(ExportArgs),
}

/// Which entries: the filters both subcommands share.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Entries on or after this day (21.11.2026 or 2026-11-21).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Entries on or before this day.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Entries about this person (personnel number).
    #[arg(long, value_name = "PNR")]
    pub employee: Option<String>,
    /// The kind of record: employee, department, attendance, certificate, …
    #[arg(long, value_name = "ENTITY")]
    pub kind: Option<String>,
    /// The action: add, edit, issue, revoke, …
    #[arg(long, value_name = "ACTION")]
    pub action: Option<String>,
    /// Changes by this user (login name).
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most this many entries, newest first (0 = all).
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub limit: usize,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// The file to write (.csv or .xlsx).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

/// Runs an `audit` subcommand.
pub fn run(db: &Database, command: AuditCommand, out: &mut impl Write) -> Result<ExitCode> {
    match command {
        AuditCommand::List(args) => list(db, &args, out),
        AuditCommand::Export(args) => export(db, &args, out),
    }
}

fn date(text: Option<&str>) -> Result<Option<chrono::NaiveDate>> {
    text.map(|s| {
        i18n::parse_date(s)
            .ok_or_else(|| Error::Message(ta("cli-bad-date", &[("value", Arg::from(s))])))
    })
    .transpose()
}

/// The filter the arguments name; a personnel number nobody has is an error.
fn filter(db: &Database, args: &FilterArgs) -> Result<AuditFilter> {
    let store = db.store();
    let employee_id = match args.employee.as_deref().map(str::trim) {
        Some(number) => Some(
            store
                .employee_by_personnel_number(number)?
                .ok_or_else(|| {
                    Error::Message(ta(
                        "cli-audit-unknown-employee",
                        &[("number", Arg::from(number))],
                    ))
                })?
                .id
                .0,
        ),
        None => None,
    };
    let text = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    Ok(AuditFilter {
        from: date(args.from.as_deref())?,
        to: date(args.to.as_deref())?,
        entity: text(&args.kind).map(|k| k.to_ascii_lowercase()),
        action: text(&args.action).map(|a| a.to_ascii_lowercase()),
        employee_id,
        actor: text(&args.user),
    })
}

/// `lotse audit list`: a table in the user's language, CSV, or JSON with technical codes.
fn list(db: &Database, args: &ListArgs, out: &mut impl Write) -> Result<ExitCode> {
    let filter = filter(db, &args.filter)?;
    let limit = (args.limit > 0).then_some(args.limit);
    let mut rows = Vec::new();
    audit::for_each(db, &filter, limit, |row| {
        rows.push(row.clone());
        Ok(())
    })?;
    let headers = audit::headers();
    let table: Vec<Vec<String>> = rows.iter().map(|r| audit::cells(r).to_vec()).collect();
    let json_rows: Vec<Value> = rows
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "at": r.at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                "user": r.actor,
                "kind": r.entity,
                "entity_id": r.entity_id,
                "action": r.action,
                "summary": r.summary,
                "personnel_number": r.personnel_number,
            })
        })
        .collect();
    print_list(args.format, &headers, &table, json_rows, out)?;
    if args.format == Format::Table && limit == Some(rows.len()) {
        let total = audit::count(db, &filter)?;
        if total > rows.len() as i64 {
            writeln!(
                out,
                "{}",
                ta(
                    "cli-audit-more",
                    &[
                        ("shown", Arg::from(rows.len())),
                        ("total", Arg::from(audit::fmt_count(total))),
                    ],
                )
            )
            .map_err(io)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `lotse audit export -o FILE`: every entry that passes the filters.
fn export(db: &Database, args: &ExportArgs, out: &mut impl Write) -> Result<ExitCode> {
    let filter = filter(db, &args.filter)?;
    let exported = audit::export(db, &filter, &args.output)?;
    writeln!(
        out,
        "{}",
        ta(
            "report-exported",
            &[
                ("rows", Arg::from(exported.rows)),
                ("path", Arg::from(args.output.display().to_string())),
            ],
        )
    )
    .map_err(io)?;
    Ok(ExitCode::SUCCESS)
}
