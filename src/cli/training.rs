//! Seminars, sessions and attendance on the command line: `seminars list`,
//! `sessions list`, `attendance record`, and `export attendance`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{NaiveDate, NaiveDateTime};
use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;

use super::{Format, io, print_list};
use crate::error::{Error, Result};
use crate::i18n::{self, Arg, fmt_hours, t, ta};
use crate::model::{AttendanceStatus, EmployeeId, Invalid, SessionId};
use crate::service::Database;
use crate::service::attendance;
use crate::service::invitations::{self, InvitationKind};
use crate::service::seminars::{self, format_label};
use crate::service::sessions::{self, SessionQuery};
use crate::store::Read;

#[derive(Debug, Subcommand)]
pub enum SeminarsCommand {
    /// List the seminar catalogue.
    List {
        /// Archived seminars too.
        #[arg(long)]
        all: bool,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

#[derive(Debug, Subcommand)]
pub enum SessionsCommand {
    /// List sessions, earliest first.
    List {
        /// Only sessions of this seminar (code).
        #[arg(long, value_name = "CODE")]
        seminar: Option<String>,
        /// Sessions that end on or after this day.
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Sessions that start on or before this day.
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Write a session's invitation as a calendar file (.ics).
    Ics(IcsArgs),
    /// A session's waiting list, in order.
    Waitlist {
        /// The session's id (see `sessions list`).
        #[arg(value_name = "ID")]
        id: i64,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

#[derive(Debug, Args)]
pub struct IcsArgs {
    /// The session's id (see `sessions list`).
    #[arg(value_name = "ID")]
    pub id: i64,
    /// The calendar file to write.
    #[arg(short, long, value_name = "FILE.ics")]
    pub output: PathBuf,
    /// With the participants as attendees (an invitation to send).
    #[arg(long)]
    pub attendees: bool,
    /// A cancellation of the session instead of the invitation.
    #[arg(long)]
    pub cancel: bool,
}

#[derive(Debug, Subcommand)]
pub enum AttendanceCommand {
    /// Record attendance at a session (adds to the roster where needed).
    Record(RecordArgs),
}

/// An attendance status as the command line spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    Attended,
    Partial,
    Absent,
    Excused,
    Registered,
}

impl From<StatusArg> for AttendanceStatus {
    fn from(s: StatusArg) -> AttendanceStatus {
        match s {
            StatusArg::Attended => AttendanceStatus::Attended,
            StatusArg::Partial => AttendanceStatus::Partial,
            StatusArg::Absent => AttendanceStatus::Absent,
            StatusArg::Excused => AttendanceStatus::Excused,
            StatusArg::Registered => AttendanceStatus::Registered,
        }
    }
}

#[derive(Debug, Args)]
pub struct RecordArgs {
    /// The session's id (see `sessions list`).
    #[arg(long, value_name = "ID")]
    pub session: i64,
    /// Personnel numbers of the employees.
    #[arg(long, value_name = "PNR", num_args = 1.., required = true)]
    pub employee: Vec<String>,
    /// The status (default: attended once the session has started, else registered).
    #[arg(long, value_enum)]
    pub status: Option<StatusArg>,
    /// Hours credited (default: the session's full hours for attended).
    #[arg(long, value_name = "H")]
    pub hours: Option<String>,
}

/// `sessions ics ID -o FILE.ics [--attendees] [--cancel]`.
pub fn ics(db: &mut Database, args: &IcsArgs, out: &mut impl Write) -> Result<ExitCode> {
    let id = SessionId(args.id);
    if db.store().session(id)?.is_none() {
        return Err(Error::Message(ta(
            "train-unknown-session",
            &[("id", Arg::from(args.id))],
        )));
    }
    let kind = InvitationKind {
        attendees: args.attendees,
        cancel: args.cancel,
    };
    let written = invitations::write(db, id, kind, &args.output)?;
    writeln!(
        out,
        "{}",
        invitations::written_message(&args.output, kind, &written)
    )
    .map_err(io)?;
    Ok(ExitCode::SUCCESS)
}

/// `seminars list [--all]`.
pub fn list_seminars(
    db: &Database,
    all: bool,
    format: Format,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let seminars = seminars::list(db, all)?;
    let mut headers = vec![
        t("train-col-code"),
        t("train-col-title"),
        t("field-provider"),
        t("train-col-format"),
        t("train-col-hours"),
        t("field-topic"),
    ];
    if all {
        headers.push(t("train-col-archived"));
    }
    let rows: Vec<Vec<String>> = seminars
        .iter()
        .map(|s| {
            let mut row = vec![
                s.code.clone(),
                s.title.clone(),
                s.provider.clone(),
                format_label(s.format),
                fmt_hours(s.default_hours),
                s.topic.clone(),
            ];
            if all {
                row.push(t(if s.archived { "cli-yes" } else { "cli-no" }));
            }
            row
        })
        .collect();
    let json_rows = seminars
        .iter()
        .map(|s| {
            json!({
                "code": s.code,
                "title": s.title,
                "description": or_null(&s.description),
                "provider": or_null(&s.provider),
                "format": s.format.code(),
                "default_hours": s.default_hours,
                "topic": or_null(&s.topic),
                "archived": s.archived,
            })
        })
        .collect();
    print_list(format, &headers, &rows, json_rows, out)?;
    Ok(ExitCode::SUCCESS)
}

/// `None` (JSON null) for a text left empty: scripts see missing values as null.
fn or_null(text: &str) -> Option<&str> {
    (!text.trim().is_empty()).then_some(text)
}

fn day(text: Option<&str>) -> Result<Option<NaiveDate>> {
    text.map(|s| {
        i18n::parse_date(s)
            .ok_or_else(|| Error::Message(ta("cli-bad-date", &[("value", Arg::from(s))])))
    })
    .transpose()
}

fn iso_datetime(dt: NaiveDateTime) -> String {
    dt.format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// `sessions list [--seminar CODE] [--from DATE] [--to DATE]`.
pub fn list_sessions(
    db: &Database,
    seminar: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
    format: Format,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let store = db.store();
    let seminar = match seminar {
        Some(code) => Some(
            store
                .seminar_by_code(code)?
                .ok_or_else(|| Error::invalid(Invalid::UnknownSeminar(code.to_owned())))?
                .id,
        ),
        None => None,
    };
    let rows = sessions::list(
        db,
        &SessionQuery {
            seminar,
            provider: None,
            from: day(from)?,
            to: day(to)?,
        },
    )?;
    let headers = [
        t("train-col-id"),
        t("train-col-when"),
        t("field-seminar"),
        t("train-col-title"),
        t("field-location"),
        t("train-col-participants"),
        t("field-capacity"),
    ];
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let s = &r.session;
            vec![
                s.id.to_string(),
                i18n::fmt_session(s.starts_at, s.ends_at),
                r.seminar_code.clone(),
                r.seminar_title.clone(),
                s.location.clone(),
                r.participants.to_string(),
                s.capacity.map(|c| c.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    let json_rows = rows
        .iter()
        .map(|r| {
            let s = &r.session;
            json!({
                "id": s.id.0,
                "seminar": r.seminar_code,
                "title": r.seminar_title,
                "start": iso_datetime(s.starts_at),
                "end": iso_datetime(s.ends_at),
                "location": or_null(&s.location),
                "trainer": or_null(&s.trainer),
                "capacity": s.capacity,
                "participants": r.participants,
            })
        })
        .collect();
    print_list(format, &headers, &table, json_rows, out)?;
    Ok(ExitCode::SUCCESS)
}

/// Reads hours as people type them: "7,5" or "7.5".
fn parse_hours(text: &str) -> Result<f64> {
    text.trim()
        .replace(',', ".")
        .parse::<f64>()
        .map_err(|_| Error::invalid(Invalid::HoursInvalid))
}

/// `attendance record --session ID --employee PNR… [--status S] [--hours H]`: one
/// transaction for everyone named; an unknown personnel number means nothing is written.
pub fn record(db: &mut Database, args: &RecordArgs, out: &mut impl Write) -> Result<ExitCode> {
    let store = db.store_mut();
    let session = SessionId(args.session);
    if store.session(session)?.is_none() {
        return Err(Error::Message(ta(
            "train-unknown-session",
            &[("id", Arg::from(args.session))],
        )));
    }
    let hours = args.hours.as_deref().map(parse_hours).transpose()?;
    let mut unknown = Vec::new();
    let mut employees: Vec<EmployeeId> = Vec::with_capacity(args.employee.len());
    for pnr in &args.employee {
        match store.employee_by_personnel_number(pnr)? {
            Some(e) => employees.push(e.id),
            None => unknown.push(ta("cli-unknown-employee", &[("number", Arg::from(pnr))])),
        }
    }
    if !unknown.is_empty() {
        unknown.push(t("train-nothing-written"));
        return Err(Error::Message(unknown.join("\n")));
    }
    let outcome = attendance::record(
        db,
        session,
        &employees,
        args.status.map(AttendanceStatus::from),
        hours,
    )?;
    writeln!(
        out,
        "{}",
        ta(
            "train-recorded",
            &[
                ("added", Arg::from(outcome.added)),
                ("updated", Arg::from(outcome.updated)),
                ("unchanged", Arg::from(outcome.unchanged)),
            ],
        )
    )
    .map_err(io)?;
    if outcome.over_capacity_by > 0 {
        eprintln!(
            "{}",
            ta(
                "train-over-capacity",
                &[("seats", Arg::from(outcome.over_capacity_by))]
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `export attendance -o FILE.csv|FILE.xlsx [--from DATE] [--to DATE]`.
pub fn export_attendance(
    db: &Database,
    from: Option<&str>,
    to: Option<&str>,
    output: &Path,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let rows = attendance::export_to(db, day(from)?, day(to)?, output)?;
    writeln!(
        out,
        "{}",
        ta(
            "report-exported",
            &[
                ("rows", Arg::from(rows)),
                ("path", Arg::from(output.display().to_string())),
            ],
        )
    )
    .map_err(io)?;
    Ok(ExitCode::SUCCESS)
}
