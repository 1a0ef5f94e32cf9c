//! Importing a provider's participant list (CSV or XLSX) into a session's roster: a
//! preview that writes nothing, the user's resolutions for rows that match nobody or
//! several employees, then an all-or-nothing commit.
//!
//! The accepted format is described in [`crate::import::attendance`], the matching rules
//! in [`crate::import::attendance::match_rows`], the status and hours rules in
//! [`crate::import::attendance::plan`]. In short: match by personnel number, else e-mail,
//! else name (narrowed by department); never guess; while any row is unresolved (without
//! a resolution) or rejected, nothing is imported.
//!
//! Typical use (the CLI does this without resolutions; the app lets the user choose):
//! ```no_run
//! # fn run(db: &mut lotse::service::Database) -> lotse::Result<()> {
//! use lotse::model::SessionId;
//! use lotse::service::import_attendance::{self as imp, Resolution, Resolutions};
//! let preview = imp::preview(db, SessionId(7), std::path::Path::new("teilnehmer.csv"))?;
//! let mut resolutions = Resolutions::new();
//! for row in preview.unresolved() {
//!     // The user picks one of row.candidates, or skips the row.
//!     let choice = row.candidates.first().map_or(Resolution::Skip, |c| Resolution::Employee(c.id));
//!     resolutions.insert(row.line, choice);
//! }
//! for line in preview.describe_lines_with(&resolutions) {
//!     println!("{line}");
//! }
//! if preview.is_ready(&resolutions) {
//!     let summary = imp::commit(db, &preview, &resolutions)?;
//!     println!("{}", summary.describe());
//! }
//! # Ok(()) }
//! ```

use std::collections::HashSet;
use std::path::Path;

use crate::error::{Error, Result};
use crate::i18n::{Arg, fmt_hours, fmt_session, t, ta};
use crate::import::attendance::{
    Context, ParticipantRecord, RowMatch, match_rows, plan, read_participant_list,
};
use crate::import::pipeline::{PreviewText, line_list, read_source, refusal};
use crate::model::{AttendanceInput, EmployeeId, Seminar, Session, SessionId};
use crate::service::Database;
use crate::store::Read;

/// The types a preview table is drawn from.
pub use crate::import::attendance::{
    Column, EmployeeRef, MatchedBy, Plan, PlannedRow, Problem, Reason, RejectedRow, Resolution,
    Resolutions, UnresolvedRow, status_label, value_text,
};
pub use crate::import::pipeline::Counts;
pub use crate::import::table::SourceFormat;

/// What importing a participant list into a session would do, computed against the
/// database at the time of the preview. Nothing has been written.
///
/// [`Preview::plan`] is the plan without resolutions; [`Preview::plan_with`] applies the
/// user's choices (cheap: no database, no re-matching — call it whenever they change).
/// `Send + Clone`, so it can be built on a worker thread.
#[derive(Debug, Clone)]
pub struct Preview {
    /// The file's name (no directories), as the audit entry records it.
    pub file_name: String,
    /// CSV encoding and delimiter, or the worksheet read.
    pub format: SourceFormat,
    /// The line (sheet row) of the header.
    pub header_line: usize,
    /// The recognised columns with the header as written, in file order.
    pub columns: Vec<(Column, String)>,
    /// Headers that were not recognised; their cells are not imported.
    pub ignored_columns: Vec<String>,
    /// The session imported into, as it was at the preview.
    pub session: Session,
    pub seminar_code: String,
    pub seminar_title: String,
    records: Vec<ParticipantRecord>,
    matches: Vec<RowMatch>,
    context: Context,
    plan: Plan,
}

impl Preview {
    /// The plan without resolutions: rows to add, update, leave unchanged, and the
    /// unresolved and rejected ones.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The plan with the user's `resolutions` (line → employee or skip) applied.
    pub fn plan_with(&self, resolutions: &Resolutions) -> Plan {
        if resolutions.is_empty() {
            return self.plan.clone();
        }
        plan(&self.records, &self.matches, resolutions, &self.context)
    }

    /// The rows that match nobody or more than one employee, with their candidates;
    /// each needs a [`Resolution`] before [`commit`].
    pub fn unresolved(&self) -> &[UnresolvedRow] {
        &self.plan.unresolved
    }

    /// Whether [`commit`] with these resolutions would go ahead: every unresolved row has
    /// a resolution and no row is rejected (a resolution may create a rejection, e.g.
    /// when it picks somebody another line already names).
    pub fn is_ready(&self, resolutions: &Resolutions) -> bool {
        self.plan_with(resolutions).is_ready()
    }

    /// The number of data rows read (blank rows left out).
    pub fn data_rows(&self) -> usize {
        self.records.len()
    }

    /// Whether the session had not started at the preview (then only "registered" and
    /// "excused" can be imported).
    pub fn session_is_future(&self) -> bool {
        self.context.is_future()
    }

    /// The hours a full attendance credits ([`crate::service::attendance::full_hours`]).
    pub fn default_hours(&self) -> f64 {
        self.context.full_hours
    }

    /// An employee by id, as the preview shows them (leavers included; choosing one who
    /// was not employed at the session's time rejects the row).
    pub fn employee(&self, id: EmployeeId) -> Option<&EmployeeRef> {
        self.context.people.get(&id)
    }

    /// "Termin: DF-101 „Grundlagen“, 03.03.2026 09:00–13:00 (4 Std.)".
    pub fn describe_session(&self) -> String {
        let s = &self.session;
        ta(
            "impatt-session",
            &[
                ("code", Arg::from(&self.seminar_code)),
                ("title", Arg::from(&self.seminar_title)),
                ("when", Arg::from(fmt_session(s.starts_at, s.ends_at))),
                ("hours", Arg::from(fmt_hours(s.duration_hours()))),
            ],
        )
    }

    /// The preview without resolutions as text lines (see [`Preview::describe_lines_with`]).
    pub fn describe_lines(&self) -> Vec<String> {
        self.describe_lines_for(&self.plan)
    }

    /// The preview as text lines in the current language: file, session and counts, then
    /// every row added or updated, every unresolved row with its candidates (indented),
    /// every rejected row with its reasons, and the skipped lines.
    pub fn describe_lines_with(&self, resolutions: &Resolutions) -> Vec<String> {
        self.describe_lines_for(&self.plan_with(resolutions))
    }

    fn describe_lines_for(&self, plan: &Plan) -> Vec<String> {
        let mut text = PreviewText::new(&self.file_name, &self.format, self.data_rows());
        text.push(self.describe_session());
        if self.session_is_future() {
            text.push(t("impatt-future-session"));
        }
        text.ignored_columns(&self.ignored_columns);
        let counts = plan.counts();
        text.push(ta(
            "impatt-counts",
            &[
                ("added", Arg::from(counts.added)),
                ("updated", Arg::from(counts.changed)),
                ("unchanged", Arg::from(counts.unchanged)),
                ("unresolved", Arg::from(counts.unresolved)),
                ("rejected", Arg::from(counts.rejected)),
                ("skipped", Arg::from(counts.skipped)),
            ],
        ));
        text.section(
            "impatt-section-added",
            plan.added.iter().map(PlannedRow::describe).collect(),
        );
        text.section(
            "impatt-section-updated",
            plan.updated.iter().map(PlannedRow::describe).collect(),
        );
        text.section(
            "impatt-section-unresolved",
            plan.unresolved
                .iter()
                .flat_map(|row| {
                    std::iter::once(row.describe()).chain(
                        row.candidates
                            .iter()
                            .map(|c| format!("    – {}", c.describe())),
                    )
                })
                .collect(),
        );
        text.section(
            "impatt-section-rejected",
            plan.rejected.iter().map(RejectedRow::describe).collect(),
        );
        if !plan.skipped.is_empty() {
            text.push(ta(
                "impatt-skipped",
                &[("lines", Arg::from(line_list(&plan.skipped)))],
            ));
        }
        text.finish(self.data_rows())
    }
}

/// What a commit did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub skipped: usize,
}

impl Summary {
    /// "Import abgeschlossen: 3 neu auf der Teilnehmerliste, 1 geändert, 2 unverändert, 0 übersprungen."
    pub fn describe(&self) -> String {
        ta(
            "impatt-done",
            &[
                ("added", Arg::from(self.added)),
                ("updated", Arg::from(self.updated)),
                ("unchanged", Arg::from(self.unchanged)),
                ("skipped", Arg::from(self.skipped)),
            ],
        )
    }
}

/// The hours a full attendance credits, as the roster counts them (the session's length
/// when its seminar is missing, which the database does not allow).
fn full_hours_of(session: &Session, seminar: Option<&Seminar>) -> f64 {
    seminar.map_or_else(
        || session.duration_hours().max(0.0),
        |seminar| super::attendance::full_hours(session, seminar),
    )
}

fn session_not_found(session: SessionId) -> Error {
    Error::Message(ta(
        "impatt-session-not-found",
        &[("id", Arg::from(session.0))],
    ))
}

/// Reads the file at `path` and plans its import into `session`; writes nothing.
/// Errors (in the user's language) for an unknown session, an unreadable file, an
/// unsupported type or a file without a column that identifies people; problems of
/// single rows are in the preview.
pub fn preview(db: &Database, session: SessionId, path: &Path) -> Result<Preview> {
    let (file_name, bytes) = read_source(path)?;
    preview_bytes(db, session, &file_name, &bytes)
}

/// Like [`preview`], for a file already in memory; the extension of `file_name` decides
/// CSV (.csv, .txt, .tsv) or workbook (.xlsx, .xlsm, .xls, .ods).
pub fn preview_bytes(
    db: &Database,
    session: SessionId,
    file_name: &str,
    bytes: &[u8],
) -> Result<Preview> {
    let store = db.store();
    let session = store
        .session(session)?
        .ok_or_else(|| session_not_found(session))?;
    let seminar = store.seminar(session.seminar_id)?;
    let file = read_participant_list(file_name, bytes)?;
    let employees = store.employee_snapshot()?;
    let departments = store.department_snapshot()?;
    let roster = store
        .attendance_of_session(session.id)?
        .into_iter()
        .map(|row| row.attendance);
    let matches = match_rows(&file.records, &employees, &departments, &session);
    let context = Context::new(
        session.clone(),
        store.clock().now(),
        full_hours_of(&session, seminar.as_ref()),
        &employees,
        &departments,
        roster,
    );
    let plan = plan(&file.records, &matches, &Resolutions::new(), &context);
    Ok(Preview {
        file_name: file_name.to_owned(),
        format: file.format,
        header_line: file.header_line,
        columns: file.columns.recognized,
        ignored_columns: file.columns.ignored,
        seminar_code: seminar.as_ref().map(|s| s.code.clone()).unwrap_or_default(),
        seminar_title: seminar.map(|s| s.title).unwrap_or_default(),
        session,
        records: file.records,
        matches,
        context,
        plan,
    })
}

/// Imports the previewed file into its session in one transaction: all or nothing.
///
/// The rows are matched and planned again inside the transaction against the current
/// database, with the same `resolutions` (the preview may be stale). If any row is then
/// unresolved or rejected, nothing is written and the error lists those rows. Otherwise
/// every added and updated roster entry is written with its own audit entry (entity
/// "attendance", summary with session id and personnel number), and one summary entry
/// "attendance import FILE into session N: a added, u updated" is recorded — unless
/// nothing changed at all.
pub fn commit(db: &mut Database, preview: &Preview, resolutions: &Resolutions) -> Result<Summary> {
    let store = db.store_mut();
    let session_id = preview.session.id;
    store.transact(|tx| {
        let session = tx
            .session(session_id)?
            .ok_or_else(|| session_not_found(session_id))?;
        let employees = tx.employee_snapshot()?;
        let departments = tx.department_snapshot()?;
        let seminar = tx.seminar(session.seminar_id)?;
        let matches = match_rows(&preview.records, &employees, &departments, &session);
        // The roster entries of everyone a row may end up with.
        let mut involved: HashSet<EmployeeId> = matches
            .iter()
            .filter_map(|m| match m {
                RowMatch::Found { employee, .. } => Some(*employee),
                _ => None,
            })
            .collect();
        involved.extend(resolutions.values().filter_map(|r| match r {
            Resolution::Employee(id) => Some(*id),
            Resolution::Skip => None,
        }));
        let mut roster = Vec::with_capacity(involved.len());
        for id in involved {
            roster.extend(tx.attendance_of(session_id, id)?);
        }
        let full_hours = full_hours_of(&session, seminar.as_ref());
        let context = Context::new(
            session,
            tx.now(),
            full_hours,
            &employees,
            &departments,
            roster,
        );
        let plan = plan(&preview.records, &matches, resolutions, &context);
        if !plan.is_ready() {
            log::info!(
                "attendance import into session {}: refused, {} rows unresolved, {} rejected, nothing written",
                session_id.0,
                plan.unresolved.len(),
                plan.rejected.len()
            );
            return Err(refused(&plan));
        }

        for row in &plan.added {
            let id = tx.insert_attendance(&AttendanceInput {
                session_id,
                employee_id: row.employee.id,
                status: row.status,
                hours: row.hours,
                note: row.note.clone(),
            })?;
            tx.audit(
                "attendance",
                Some(id.0),
                "add",
                &format!(
                    "session {}, personnel number {}, {}, import",
                    session_id.0,
                    row.employee.personnel_number,
                    row.status.code()
                ),
            )?;
        }
        for row in &plan.updated {
            let Some(existing) = &row.existing else {
                continue;
            };
            tx.update_attendance(existing.id, row.status, row.hours, &row.note)?;
            tx.audit(
                "attendance",
                Some(existing.id.0),
                "edit",
                &format!(
                    "session {}, personnel number {}, {} -> {}, import",
                    session_id.0,
                    row.employee.personnel_number,
                    existing.status.code(),
                    row.status.code()
                ),
            )?;
        }

        let summary = Summary {
            added: plan.added.len(),
            updated: plan.updated.len(),
            unchanged: plan.unchanged.len(),
            skipped: plan.skipped.len(),
        };
        if summary.added + summary.updated > 0 {
            tx.audit(
                "import",
                None,
                "import",
                &format!(
                    "attendance import {} into session {}: {} added, {} updated, {} skipped",
                    preview.file_name,
                    session_id.0,
                    summary.added,
                    summary.updated,
                    summary.skipped
                ),
            )?;
        }
        Ok(summary)
    })
    .inspect(|summary| {
        log::info!(
            "attendance import into session {}: {} added, {} updated, {} unchanged, {} skipped",
            session_id.0,
            summary.added,
            summary.updated,
            summary.unchanged,
            summary.skipped
        );
    })
}

/// The error of a refused commit: how many rows, and the first of them.
fn refused(plan: &Plan) -> Error {
    refusal(
        ta(
            "impatt-commit-refused",
            &[
                ("unresolved", Arg::from(plan.unresolved.len())),
                ("rejected", Arg::from(plan.rejected.len())),
            ],
        ),
        plan.unresolved
            .iter()
            .map(UnresolvedRow::describe)
            .chain(plan.rejected.iter().map(RejectedRow::describe))
            .collect(),
    )
}
