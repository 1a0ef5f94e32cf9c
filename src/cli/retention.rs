//! `lotse privacy retention [--apply] [--format table|csv|json]`: who is past the retention
//! period after leaving, and — with `--apply` — their erasure as the settings say.

use std::io::Write;
use std::process::ExitCode;

use serde_json::{Value, json};

use super::{Format, io, print_list};
use crate::error::Result;
use crate::i18n::{Arg, fmt_date, t, ta};
use crate::service::Database;
use crate::service::retention::{self, Due, RetentionPolicy};

fn iso(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Lists who is due on the store's today (a dry run: nothing changes), or with `apply`
/// erases them. Lines beside the list go to stdout for a table, to stderr for CSV and
/// JSON (so that those stay machine-readable). Fails (exit code 1) when an erasure failed.
pub fn run(
    db: &mut Database,
    apply: bool,
    format: Format,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let store = db.store_mut();
    let today = store.today();
    let policy = RetentionPolicy::current(db)?;
    let due = retention::due_with(db, &policy, today)?;
    let say = |out: &mut dyn Write, line: String| -> Result<()> {
        if format == Format::Table {
            writeln!(out, "{line}").map_err(io)
        } else {
            eprintln!("{line}");
            Ok(())
        }
    };
    say(
        out,
        ta(
            "retention-policy",
            &[
                ("years", Arg::from(policy.years)),
                ("action", Arg::from(policy.action.code())),
            ],
        ),
    )?;
    // An empty table says so in a sentence; CSV and JSON print their empty list.
    if !(due.is_empty() && format == Format::Table) {
        print_due(&due, format, out)?;
    }
    if due.is_empty() {
        say(out, t("retention-cli-none"))?;
        return Ok(ExitCode::SUCCESS);
    }
    if !apply {
        say(
            out,
            ta(
                "retention-cli-dry-run",
                &[
                    ("count", Arg::from(due.len())),
                    ("action", Arg::from(policy.action.code())),
                ],
            ),
        )?;
        say(out, policy.action.explanation())?;
        return Ok(ExitCode::SUCCESS);
    }
    let report = retention::apply(db, today)?;
    say(out, report.describe())?;
    Ok(if report.failed.is_some() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn print_due(due: &[Due], format: Format, out: &mut impl Write) -> Result<()> {
    let headers = [
        t("field-personnel-number"),
        t("cli-name"),
        t("field-department"),
        t("retention-col-exit"),
        t("retention-col-due-since"),
        t("retention-col-attendance"),
        t("retention-col-certificates"),
    ];
    let rows: Vec<Vec<String>> = due
        .iter()
        .map(|d| {
            vec![
                d.personnel_number.clone(),
                d.name(),
                d.department.clone().unwrap_or_default(),
                fmt_date(d.exit_date),
                fmt_date(d.due_since),
                d.attendance.to_string(),
                d.certificates.to_string(),
            ]
        })
        .collect();
    let json_rows: Vec<Value> = due
        .iter()
        .map(|d| {
            json!({
                "personnel_number": d.personnel_number,
                "first_name": d.first_name,
                "last_name": d.last_name,
                "department": d.department,
                "exit_date": iso(d.exit_date),
                "due_since": iso(d.due_since),
                "attendance": d.attendance,
                "certificates": d.certificates,
            })
        })
        .collect();
    print_list(format, &headers, &rows, json_rows, out)
}
