//! The attendance roster of one session: who is on it, with status, hours and note;
//! adding people by search or a whole unit; marking in bulk; the capacity warning; the
//! way into the participant-list import. Usable without the mouse (see [`KEYS`]).
//!
//! This file is the view model (the roster's state, selection, edits and the worker's
//! answers); [`view`] draws the roster around the [`table`].

mod table;
mod view;
mod waitlist;

pub(crate) use view::roster_ui;

use std::collections::HashSet;
use std::sync::Arc;

use egui::{Key, Modifiers};

use crate::app::data::Data;
use crate::app::training::worker::{
    Reply, RosterChange, RosterEdit, RosterView, TrainingCommand, TrainingOutcome, take_reply,
};
use crate::app::widgets::Notices;
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::Result;
use crate::i18n::{Arg, ta};
use crate::model::{AttendanceId, AttendanceStatus, DepartmentId, EmployeeId};
use crate::text::fold_search;

/// The statuses the bulk buttons and the keys 1, 2, 3 set, in that order.
const KEYS: [(Key, AttendanceStatus, &str); 3] = [
    (Key::Num1, AttendanceStatus::Attended, "apptr-mark-attended"),
    (Key::Num2, AttendanceStatus::Absent, "apptr-mark-absent"),
    (Key::Num3, AttendanceStatus::Excused, "apptr-mark-excused"),
];

/// The most search results listed under the search box.
const MAX_RESULTS: usize = 6;

/// What the user asked for that leaves the roster.
pub(crate) enum RosterAction {
    Close,
    EditSession(crate::model::SessionId),
}

/// Which cell of a row is being edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CellKind {
    Hours,
    Note,
}

/// A cell being edited: its text as typed; for hours, the status to set with them
/// ("partial" needs its hours in the same step).
#[derive(Debug, Clone)]
struct CellEdit {
    row: AttendanceId,
    kind: CellKind,
    text: String,
    then_status: Option<AttendanceStatus>,
}

/// The state of an open roster.
pub(crate) struct RosterState {
    pub session: crate::model::SessionId,
    view: Option<Arc<RosterView>>,
    /// The data revision the view reflects.
    loaded_revision: Option<u64>,
    load_pending: Option<Ticket>,
    changes_pending: Vec<Ticket>,
    /// The last refusal of a change, shown above the table.
    error: Option<String>,
    selection: HashSet<AttendanceId>,
    /// The row index Shift extends a selection from.
    anchor: Option<usize>,
    /// The row the keyboard works on.
    focus: usize,
    scroll_to_focus: bool,
    search: String,
    /// The result Enter adds.
    highlight: usize,
    /// Indices into `Data::employees` matching the search, best first.
    results: Vec<usize>,
    results_key: Option<(u64, String, usize)>,
    department: Option<DepartmentId>,
    edit: Option<CellEdit>,
    /// Give the search box the focus in the next frame (after adding someone with Enter).
    refocus_search: bool,
    /// No widget had the focus at the end of the last frame: the keys belong to the roster.
    keyboard_last_frame: bool,
    confirm_remove: Option<Vec<AttendanceId>>,
    /// The employee just added: the row the focus goes to once the roster shows them.
    focus_employee: Option<EmployeeId>,
    /// Where the worker puts the roster right after a change.
    early: Reply<Arc<RosterView>>,
    /// The place on the waiting list chosen (for "Nachrücken" and "Entfernen").
    waiting: Option<crate::model::WaitlistId>,
}

impl RosterState {
    pub fn new(session: crate::model::SessionId) -> RosterState {
        RosterState {
            session,
            view: None,
            loaded_revision: None,
            load_pending: None,
            changes_pending: Vec::new(),
            error: None,
            selection: HashSet::new(),
            anchor: None,
            focus: 0,
            scroll_to_focus: false,
            search: String::new(),
            highlight: 0,
            results: Vec::new(),
            results_key: None,
            department: None,
            edit: None,
            refocus_search: false,
            keyboard_last_frame: true,
            confirm_remove: None,
            focus_employee: None,
            early: Reply::default(),
            waiting: None,
        }
    }

    /// Whether `ticket` answers a command this roster sent.
    pub fn owns(&self, ticket: Ticket) -> bool {
        self.load_pending == Some(ticket) || self.changes_pending.contains(&ticket)
    }

    /// Shows `view` (loaded at data revision `revision`).
    pub fn set_view(&mut self, view: Arc<RosterView>, revision: u64) {
        self.show(view);
        self.loaded_revision = Some(revision);
    }

    /// Shows `view`, keeping the selection of rows still on it.
    fn show(&mut self, view: Arc<RosterView>) {
        let present: HashSet<AttendanceId> = view.rows.iter().map(|r| r.attendance.id).collect();
        self.selection.retain(|id| present.contains(id));
        self.focus = self.focus.min(view.rows.len().saturating_sub(1));
        if let Some(employee) = self.focus_employee
            && let Some(i) = view
                .rows
                .iter()
                .position(|r| r.attendance.employee_id == employee)
        {
            self.focus = i;
            self.anchor = Some(i);
            self.scroll_to_focus = true;
            self.focus_employee = None;
        }
        self.view = Some(view);
        self.results_key = None;
    }

    /// Takes the worker's answer to one of this roster's commands.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
        revision: u64,
        notices: &mut Notices,
    ) {
        if self.load_pending == Some(ticket) {
            self.load_pending = None;
        }
        self.changes_pending.retain(|t| *t != ticket);
        match result {
            Ok(Outcome::Training(TrainingOutcome::Roster(view, change))) => {
                if let RosterChange::MovedUp(employee) = change
                    && let Some(row) = view
                        .rows
                        .iter()
                        .find(|r| r.attendance.employee_id == employee)
                {
                    notices.success(ta(
                        "needs-waitlist-moved",
                        &[(
                            "name",
                            Arg::from(format!("{} {}", row.first_name, row.last_name)),
                        )],
                    ));
                }
                if let Some(message) = change_message(change) {
                    notices.success(message);
                }
                if change != RosterChange::Loaded {
                    self.error = None;
                }
                self.set_view(view, revision);
            }
            Ok(_) => {}
            Err(e) => {
                self.error = Some(e.user_message());
                self.focus_employee = None;
            }
        }
    }

    fn send(&mut self, worker: &mut Worker, edit: RosterEdit) {
        self.error = None;
        let ticket = worker.send(Command::Training(TrainingCommand::ChangeRoster {
            session: self.session,
            edit,
            early: Arc::clone(&self.early),
        }));
        self.changes_pending.push(ticket);
    }

    /// Shows the roster a change left, as soon as the worker wrote it (the answer with the
    /// message follows after the other view models are reloaded).
    fn take_early(&mut self) {
        if let Some(Ok(view)) = take_reply(&self.early) {
            self.show(view);
        }
    }

    /// Asks for the roster when it is missing or older than the data.
    fn load_if_stale(&mut self, data: &Data, worker: &mut Worker) {
        let stale = self.loaded_revision != Some(data.revision);
        if stale && self.load_pending.is_none() && self.changes_pending.is_empty() {
            self.load_pending =
                Some(worker.send(Command::Training(TrainingCommand::LoadRoster(self.session))));
        }
    }

    /// The rows a status action applies to: the selection, else the focused row.
    fn targets(&self, view: &RosterView) -> Vec<AttendanceId> {
        if !self.selection.is_empty() {
            return view
                .rows
                .iter()
                .map(|r| r.attendance.id)
                .filter(|id| self.selection.contains(id))
                .collect();
        }
        view.rows
            .get(self.focus)
            .map(|r| vec![r.attendance.id])
            .unwrap_or_default()
    }

    fn set_status(
        &mut self,
        worker: &mut Worker,
        rows: Vec<AttendanceId>,
        status: AttendanceStatus,
    ) {
        if rows.is_empty() {
            return;
        }
        self.send(
            worker,
            RosterEdit::SetStatus {
                rows,
                status,
                hours: None,
            },
        );
        self.selection.clear();
        self.anchor = None;
    }

    fn move_focus(&mut self, to: usize, len: usize, extend: bool, view: &RosterView) {
        if len == 0 {
            return;
        }
        let to = to.min(len - 1);
        if extend {
            let anchor = *self.anchor.get_or_insert(self.focus);
            let (a, b) = (anchor.min(to), anchor.max(to));
            for r in &view.rows[a..=b] {
                self.selection.insert(r.attendance.id);
            }
        } else {
            self.anchor = Some(to);
        }
        self.focus = to;
        self.scroll_to_focus = true;
    }

    fn toggle(&mut self, id: AttendanceId) {
        if !self.selection.remove(&id) {
            self.selection.insert(id);
        }
    }

    /// Employees matching the search who can still be added, best first.
    fn refresh_results(&mut self, data: &Data, view: &RosterView) {
        let key = (data.revision, self.search.clone(), view.rows.len());
        if self.results_key.as_ref() == Some(&key) {
            return;
        }
        let words: Vec<String> = self.search.split_whitespace().map(fold_search).collect();
        let on_roster: HashSet<EmployeeId> =
            view.rows.iter().map(|r| r.attendance.employee_id).collect();
        let start = view.session.starts_at.date();
        let end = view.session.ends_at.date();
        self.results = if words.is_empty() {
            Vec::new()
        } else {
            data.employees
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    let emp = &e.row.employee;
                    !on_roster.contains(&emp.id)
                        && emp.is_active_on(start)
                        && emp.entry_date.is_none_or(|d| d <= end)
                        && e.matches(&words)
                })
                .map(|(i, _)| i)
                .take(MAX_RESULTS)
                .collect()
        };
        self.highlight = self.highlight.min(self.results.len().saturating_sub(1));
        self.results_key = Some(key);
    }

    fn add_employee(&mut self, worker: &mut Worker, employee: EmployeeId) {
        self.send(worker, RosterEdit::AddParticipants(vec![employee]));
        self.search.clear();
        self.highlight = 0;
        self.focus_employee = Some(employee);
    }
}

/// The success message after a roster change; none after a plain load.
fn change_message(change: RosterChange) -> Option<String> {
    match change {
        RosterChange::Loaded | RosterChange::Edited | RosterChange::MovedUp(_) => None,
        RosterChange::WaitingRemoved(n) => Some(ta(
            "needs-waitlist-removed-count",
            &[("count", Arg::from(n))],
        )),
        RosterChange::Added(outcome) => {
            let mut text = ta("apptr-added", &[("added", Arg::from(outcome.added))]);
            if outcome.skipped > 0 {
                text.push(' ');
                text.push_str(&ta(
                    "apptr-added-skipped",
                    &[("skipped", Arg::from(outcome.skipped))],
                ));
            }
            if outcome.over_capacity_by > 0 {
                text.push(' ');
                text.push_str(&ta(
                    "train-over-capacity",
                    &[("seats", Arg::from(outcome.over_capacity_by))],
                ));
            }
            Some(text)
        }
        RosterChange::Removed(n) => Some(ta("apptr-removed", &[("count", Arg::from(n))])),
        RosterChange::StatusSet(n) => Some(ta("apptr-status-set", &[("count", Arg::from(n))])),
    }
}

/// Whether `status` can only be recorded once the session has started.
fn needs_start(status: AttendanceStatus) -> bool {
    matches!(
        status,
        AttendanceStatus::Attended | AttendanceStatus::Partial | AttendanceStatus::Absent
    )
}

/// A click on row `index`: Ctrl (or the checkbox) toggles it, Shift selects the range
/// from the last clicked row, a plain click selects only it. The row gets the focus.
fn click_row(state: &mut RosterState, view: &RosterView, index: usize, modifiers: Modifiers) {
    let Some(id) = view.rows.get(index).map(|r| r.attendance.id) else {
        return;
    };
    if modifiers.shift {
        let anchor = state.anchor.unwrap_or(state.focus).min(view.rows.len() - 1);
        let (a, b) = (anchor.min(index), anchor.max(index));
        for r in &view.rows[a..=b] {
            state.selection.insert(r.attendance.id);
        }
    } else if modifiers.command {
        state.toggle(id);
        state.anchor = Some(index);
    } else {
        state.selection.clear();
        state.selection.insert(id);
        state.anchor = Some(index);
    }
    state.focus = index;
}
