//! The worker's side of the training screens (issue 3): the commands the seminar, session,
//! roster, import and history views send, their handler (run on the worker thread, through
//! `crate::service`), and the view models they draw from.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::error::Result;
use crate::model::SessionRow;
use crate::model::{
    AttendanceId, AttendanceStatus, DepartmentId, EmployeeId, Seminar, SeminarId, SeminarInput,
    SessionId, SessionInput, WaitlistId,
};
use crate::service::Database;
use crate::service::attendance::{self, AddOutcome, HistoryRow, YearTotals};
use crate::service::import_attendance::{self, Preview, Resolutions};
use crate::service::invitations::{self, InvitationKind};
use crate::service::{seminars, sessions};

/// Where the worker puts the answer to a request whose screen has no ticket routing (the
/// training history inside the employee form): the UI takes it out when it is there.
pub(crate) type Reply<T> = Arc<Mutex<Option<Result<T>>>>;

/// Takes the answer out of `reply`, if it arrived.
pub(crate) fn take_reply<T>(reply: &Reply<T>) -> Option<Result<T>> {
    match reply.lock() {
        Ok(mut slot) => slot.take(),
        Err(poisoned) => poisoned.into_inner().take(),
    }
}

fn put_reply<T>(reply: &Reply<T>, value: Result<T>) {
    match reply.lock() {
        Ok(mut slot) => *slot = Some(value),
        Err(poisoned) => *poisoned.into_inner() = Some(value),
    }
}

/// What the training screens ask the worker to do.
pub(crate) enum TrainingCommand {
    /// Read the roster of a session (answer: [`TrainingOutcome::Roster`]).
    LoadRoster(SessionId),
    /// Read an employee's training history into `reply` (the answer is [`TrainingOutcome::Done`]).
    LoadHistory {
        employee: EmployeeId,
        reply: Reply<HistoryView>,
    },
    /// Read a participant list into a preview for `session`; writes nothing.
    PreviewImport {
        session: SessionId,
        path: PathBuf,
    },
    AddSeminar(SeminarInput),
    /// Save a seminar the form loaded at `version` (refused if it changed since).
    UpdateSeminar {
        id: SeminarId,
        version: i64,
        input: SeminarInput,
    },
    SetSeminarArchived(SeminarId, bool),
    AddSession(SessionInput),
    /// Save a session the form loaded at `version` (refused if it changed since).
    /// Without `confirmed`, a session with attendance answers `Error::NeedsConfirmation`.
    UpdateSession {
        id: SessionId,
        version: i64,
        input: SessionInput,
        confirmed: bool,
    },
    /// Without `confirmed`, a session with attendance answers `Error::NeedsConfirmation`.
    DeleteSession {
        id: SessionId,
        confirmed: bool,
    },
    /// A change to the roster of `session`. The roster as it is afterwards goes into
    /// `early` as soon as the change is written (before the worker reloads the other view
    /// models), and comes again with the answer ([`TrainingOutcome::Roster`]).
    ChangeRoster {
        session: SessionId,
        edit: RosterEdit,
        early: Reply<Arc<RosterView>>,
    },
    CommitImport {
        preview: Arc<Preview>,
        resolutions: Resolutions,
    },
    /// Write the session's invitation or cancellation as a calendar file (answer:
    /// [`TrainingOutcome::CalendarWritten`]).
    WriteCalendar {
        session: SessionId,
        kind: InvitationKind,
        path: PathBuf,
    },
}

/// A change to a session's roster (see `service::attendance` for the rules).
pub(crate) enum RosterEdit {
    AddParticipants(Vec<EmployeeId>),
    /// The active staff of a department and its sub-units.
    AddDepartment(DepartmentId),
    Remove(Vec<AttendanceId>),
    /// `hours`: `None` lets the status decide.
    SetStatus {
        rows: Vec<AttendanceId>,
        status: AttendanceStatus,
        hours: Option<f64>,
    },
    MarkRegisteredAttended,
    SetHours(AttendanceId, f64),
    SetNote(AttendanceId, String),
    /// From the waiting list onto the roster: this place, or the first without one.
    MoveUp(Option<WaitlistId>),
    /// Off the waiting list.
    RemoveWaiting(Vec<WaitlistId>),
}

/// What a roster command did, for the message after it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum RosterChange {
    Loaded,
    Added(AddOutcome),
    Removed(usize),
    /// Rows whose status changed.
    StatusSet(usize),
    /// Hours or note of one row.
    Edited,
    /// This employee moved up from the waiting list.
    MovedUp(EmployeeId),
    /// Places taken off the waiting list.
    WaitingRemoved(usize),
}

/// What a finished training command produced.
pub(crate) enum TrainingOutcome {
    Done,
    SeminarSaved(SeminarId),
    SeminarArchived(SeminarId, bool),
    SessionSaved(SessionId),
    /// The session is gone, with this many attendance rows.
    SessionDeleted(SessionId, usize),
    /// The roster as it is now, and what the command changed.
    Roster(Arc<RosterView>, RosterChange),
    ImportPreview(Arc<Preview>),
    /// The import's summary in words, and the roster after it.
    Imported(String, Arc<RosterView>),
    /// The calendar file was written; the message says where and whom it invites.
    CalendarWritten(String),
}

/// The seminar catalogue and every session, loaded with the other view models after each change.
#[derive(Debug, Clone, Default)]
pub(crate) struct TrainingData {
    /// Every seminar, archived ones included, by code.
    pub seminars: Vec<Seminar>,
    /// Sessions per seminar, in the order of `seminars`.
    pub session_counts: Vec<usize>,
    /// Every session, earliest first.
    pub sessions: Vec<SessionView>,
    /// The distinct non-empty providers, sorted.
    pub providers: Vec<String>,
    seminar_index: HashMap<SeminarId, usize>,
    session_index: HashMap<SessionId, usize>,
}

/// One session as the sessions list shows it.
#[derive(Debug, Clone)]
pub(crate) struct SessionView {
    pub row: SessionRow,
    /// The seminar's provider.
    pub provider: String,
}

impl TrainingData {
    fn new(seminars: Vec<Seminar>, rows: Vec<SessionRow>) -> TrainingData {
        let seminar_index: HashMap<SeminarId, usize> = seminars
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, i))
            .collect();
        let mut session_counts = vec![0; seminars.len()];
        let sessions: Vec<SessionView> = rows
            .into_iter()
            .map(|row| {
                let seminar = seminar_index.get(&row.session.seminar_id).copied();
                if let Some(i) = seminar {
                    session_counts[i] += 1;
                }
                SessionView {
                    provider: seminar
                        .map(|i| seminars[i].provider.clone())
                        .unwrap_or_default(),
                    row,
                }
            })
            .collect();
        let mut providers: Vec<String> = seminars
            .iter()
            .map(|s| s.provider.trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect();
        providers.sort_by(|a, b| crate::text::cmp_de(a, b));
        providers.dedup();
        let session_index = sessions
            .iter()
            .enumerate()
            .map(|(i, s)| (s.row.session.id, i))
            .collect();
        TrainingData {
            seminars,
            session_counts,
            sessions,
            providers,
            seminar_index,
            session_index,
        }
    }

    pub fn seminar(&self, id: SeminarId) -> Option<&Seminar> {
        self.seminar_index.get(&id).map(|&i| &self.seminars[i])
    }

    pub fn session(&self, id: SessionId) -> Option<&SessionView> {
        self.session_index.get(&id).map(|&i| &self.sessions[i])
    }

    /// A copy with the rows of `changed` sessions read again (their roster sizes changed):
    /// the sessions of their seminars instead of every session.
    pub fn with_rosters_changed(
        &self,
        database: &Database,
        changed: &std::collections::BTreeSet<SessionId>,
    ) -> Result<TrainingData> {
        let mut data = self.clone();
        let seminars: std::collections::BTreeSet<SeminarId> = changed
            .iter()
            .filter_map(|id| self.session(*id))
            .map(|s| s.row.session.seminar_id)
            .collect();
        for seminar in seminars {
            let query = sessions::SessionQuery {
                seminar: Some(seminar),
                ..sessions::SessionQuery::default()
            };
            for row in sessions::list(database, &query)? {
                if let Some(&i) = data.session_index.get(&row.session.id) {
                    data.sessions[i].row = row;
                }
            }
        }
        Ok(data)
    }
}

/// Reads the catalogue and every session.
pub(crate) fn load(database: &Database) -> Result<TrainingData> {
    Ok(TrainingData::new(
        seminars::list(database, true)?,
        sessions::list(database, &sessions::SessionQuery::default())?,
    ))
}

/// The roster of one session with what its screen needs to show and check.
pub(crate) type RosterView = attendance::RosterSheet;

fn load_roster(database: &Database, id: SessionId) -> Result<Arc<RosterView>> {
    attendance::roster_sheet(database, id).map(Arc::new)
}

/// An employee's training history with the totals per year.
#[derive(Debug, Clone, Default)]
pub(crate) struct HistoryView {
    pub rows: Vec<HistoryRow>,
    pub totals: Vec<YearTotals>,
}

/// Runs `command` on the worker thread; `ctx` is woken when an early answer is ready.
pub(crate) fn run(
    database: &mut Database,
    command: TrainingCommand,
    ctx: &egui::Context,
) -> Result<TrainingOutcome> {
    use TrainingCommand as C;
    use TrainingOutcome as O;
    let roster = |database: &Database, session, change| {
        load_roster(database, session).map(|view| O::Roster(view, change))
    };
    match command {
        C::LoadRoster(session) => roster(database, session, RosterChange::Loaded),
        C::LoadHistory { employee, reply } => {
            let history = attendance::history(database, employee).map(|rows| HistoryView {
                totals: attendance::totals_per_year(&rows),
                rows,
            });
            put_reply(&reply, history);
            Ok(O::Done)
        }
        C::PreviewImport { session, path } => import_attendance::preview(database, session, &path)
            .map(|p| O::ImportPreview(Arc::new(p))),
        C::AddSeminar(input) => seminars::add(database, &input).map(O::SeminarSaved),
        C::UpdateSeminar { id, version, input } => {
            seminars::update_checked(database, id, version, &input).map(|()| O::SeminarSaved(id))
        }
        C::SetSeminarArchived(id, archived) => seminars::set_archived(database, id, archived)
            .map(|()| O::SeminarArchived(id, archived)),
        C::AddSession(input) => sessions::add(database, &input).map(O::SessionSaved),
        C::UpdateSession {
            id,
            version,
            input,
            confirmed,
        } => sessions::update_checked(database, id, version, &input, confirmed)
            .map(|()| O::SessionSaved(id)),
        C::DeleteSession { id, confirmed } => {
            sessions::delete(database, id, confirmed).map(|rows| O::SessionDeleted(id, rows))
        }
        C::ChangeRoster {
            session,
            edit,
            early,
        } => {
            let change = change_roster(database, session, edit)?;
            let view = load_roster(database, session)?;
            put_reply(&early, Ok(Arc::clone(&view)));
            ctx.request_repaint();
            Ok(O::Roster(view, change))
        }
        C::CommitImport {
            preview,
            resolutions,
        } => {
            let summary = import_attendance::commit(database, &preview, &resolutions)?;
            let view = load_roster(database, preview.session.id)?;
            Ok(O::Imported(summary.describe(), view))
        }
        C::WriteCalendar {
            session,
            kind,
            path,
        } => invitations::write(database, session, kind, &path)
            .map(|written| O::CalendarWritten(invitations::written_message(&path, kind, &written))),
    }
}

fn change_roster(
    database: &mut Database,
    session: SessionId,
    edit: RosterEdit,
) -> Result<RosterChange> {
    Ok(match edit {
        RosterEdit::AddParticipants(employees) => {
            RosterChange::Added(attendance::add_participants(database, session, &employees)?)
        }
        RosterEdit::AddDepartment(department) => {
            RosterChange::Added(attendance::add_department(database, session, department)?)
        }
        RosterEdit::Remove(rows) => {
            RosterChange::Removed(attendance::remove(database, session, &rows)?)
        }
        RosterEdit::SetStatus {
            rows,
            status,
            hours,
        } => RosterChange::StatusSet(attendance::set_status(
            database, session, &rows, status, hours,
        )?),
        RosterEdit::MarkRegisteredAttended => {
            RosterChange::StatusSet(attendance::mark_registered_attended(database, session)?)
        }
        RosterEdit::SetHours(row, hours) => {
            attendance::set_hours(database, row, hours)?;
            RosterChange::Edited
        }
        RosterEdit::SetNote(row, note) => {
            attendance::set_note(database, row, &note)?;
            RosterChange::Edited
        }
        RosterEdit::MoveUp(place) => RosterChange::MovedUp(
            crate::service::planning::move_up(database, session, place)?.employee_id,
        ),
        RosterEdit::RemoveWaiting(places) => RosterChange::WaitingRemoved(
            crate::service::planning::remove_from_waitlist(database, session, &places)?,
        ),
    })
}

/// Hours as users type them: "7,5", "7.5", "8"; `None` for anything else or a negative number.
pub(crate) fn parse_hours(text: &str) -> Option<f64> {
    let value: f64 = text.trim().replace(',', ".").parse().ok()?;
    (value.is_finite() && value >= 0.0).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_read_with_a_comma_or_a_point() {
        assert_eq!(parse_hours("7,5"), Some(7.5));
        assert_eq!(parse_hours(" 7.5 "), Some(7.5));
        assert_eq!(parse_hours("8"), Some(8.0));
        assert_eq!(parse_hours("0"), Some(0.0));
        assert_eq!(parse_hours("-1"), None);
        assert_eq!(parse_hours("acht"), None);
        assert_eq!(parse_hours(""), None);
        assert_eq!(parse_hours("NaN"), None);
    }
}
