//! The attendance roster of one session: who is on it, with status, hours and note;
//! adding people by search or a whole unit; marking in bulk; the capacity warning; the
//! way into the participant-list import. Usable without the mouse (see [`KEYS`]).

use std::collections::HashSet;
use std::sync::Arc;

use egui::{Align, Id, Key, Layout, Modifiers, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::data::Data;
use crate::app::training::attendance_import::AttendanceImportState;
use crate::app::training::seminars::session_when;
use crate::app::training::worker::{
    Reply, RosterChange, RosterEdit, RosterView, TrainingCommand, TrainingOutcome, parse_hours,
    take_reply,
};
use crate::app::widgets::style::{ACCENT, MUTED};
use crate::app::widgets::{Notices, department_combo, error_label, hint, primary_button};
use crate::app::widgets::{danger_button, info_banner, warning_banner, wide_ui};
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::Result;
use crate::i18n::{Arg, fmt_hours, t, ta};
use crate::model::AttendanceRow;
use crate::model::{AttendanceId, AttendanceStatus, DepartmentId, EmployeeId};
use crate::service::attendance::status_label;
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
        RosterChange::Loaded | RosterChange::Edited => None,
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

/// Takes the keyboard focus from whichever widget has it, so the roster's keys work again.
fn release_focus(ui: &Ui) {
    ui.memory_mut(|m| {
        if let Some(id) = m.focused() {
            m.surrender_focus(id);
        }
    });
}

fn cell_id(kind: CellKind, row: AttendanceId) -> Id {
    Id::unique(("roster-cell", kind == CellKind::Hours, row.0))
}

/// Draws the roster of `state.session` and sends what the user asks for to `worker`.
pub(crate) fn roster_ui(
    ui: &mut Ui,
    state: &mut RosterState,
    data: &Data,
    worker: &mut Worker,
    import: &mut AttendanceImportState,
) -> Option<RosterAction> {
    state.take_early();
    state.load_if_stale(data, worker);
    let mut action = None;
    ui.horizontal(|ui| {
        if ui.button(t("apptr-back")).clicked() {
            action = Some(RosterAction::Close);
        }
        if state.changes_pending.len() + usize::from(state.load_pending.is_some()) > 0 {
            ui.spinner();
        }
    });
    let Some(view) = state.view.clone() else {
        if let Some(error) = &state.error {
            error_label(ui, error);
        } else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(t("app-loading"));
            });
        }
        return action;
    };

    header_ui(ui, &view, &mut action, import);
    ui.add_space(6.0);
    if view.over_capacity_by > 0 {
        let capacity = view.session.capacity.unwrap_or_default();
        warning_banner(
            ui,
            &ta(
                "apptr-over-capacity",
                &[
                    ("over", Arg::from(view.over_capacity_by)),
                    ("taken", Arg::from(view.seats_taken)),
                    ("capacity", Arg::from(capacity)),
                ],
            ),
        );
        ui.add_space(6.0);
    }
    if !view.started {
        info_banner(ui, &t("apptr-not-started"));
        ui.add_space(6.0);
    }

    add_people_ui(ui, state, data, &view, worker);
    ui.add_space(6.0);
    keyboard_ui(ui, state, &view, worker, import);
    actions_ui(ui, state, &view, worker);
    if let Some(error) = &state.error {
        error_label(ui, error);
    }
    ui.label(RichText::new(t("apptr-keys-hint")).small().color(MUTED));
    ui.add_space(4.0);
    table_ui(ui, state, &view, worker);
    remove_confirm_ui(ui, state, worker);

    // The keys belong to the roster while nothing else has the keyboard.
    state.keyboard_last_frame = keyboard_free(ui, import) && state.confirm_remove.is_none();
    action
}

fn header_ui(
    ui: &mut Ui,
    view: &RosterView,
    action: &mut Option<RosterAction>,
    import: &mut AttendanceImportState,
) {
    ui.horizontal(|ui| {
        ui.heading(format!("{} {}", view.seminar.code, view.seminar.title));
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui
                .add_enabled(!import.is_busy(), egui::Button::new(t("apptr-import")))
                .on_hover_text(t("apptr-import-hint"))
                .clicked()
            {
                import.choose_file(ui.ctx(), view.session.id);
                release_focus(ui);
            }
            if ui.button(t("apptr-session-edit")).clicked() {
                *action = Some(RosterAction::EditSession(view.session.id));
            }
        });
    });
    let s = &view.session;
    let mut parts = vec![session_when(s)];
    if !s.location.is_empty() {
        parts.push(s.location.clone());
    }
    if !s.trainer.is_empty() {
        parts.push(s.trainer.clone());
    }
    ui.label(parts.join(" · "));
    let seats = match s.capacity {
        Some(c) => ta(
            "apptr-seats-of",
            &[
                ("taken", Arg::from(view.seats_taken)),
                ("capacity", Arg::from(c)),
            ],
        ),
        None => ta("apptr-seats", &[("taken", Arg::from(view.seats_taken))]),
    };
    ui.label(
        RichText::new(format!(
            "{seats} · {}",
            ta(
                "apptr-full-hours",
                &[("hours", Arg::from(fmt_hours(view.full_hours)))]
            )
        ))
        .color(MUTED),
    );
}

/// The search box with its results, and the unit picker.
fn add_people_ui(
    ui: &mut Ui,
    state: &mut RosterState,
    data: &Data,
    view: &RosterView,
    worker: &mut Worker,
) {
    state.refresh_results(data, view);
    let search_id = Id::unique("roster-search");
    let mut add = None;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t("apptr-add-person"));
        if ui.memory(|m| m.has_focus(search_id)) && !state.results.is_empty() {
            let (down, up) = ui.input_mut(|i| {
                (
                    i.consume_key(Modifiers::NONE, Key::ArrowDown),
                    i.consume_key(Modifiers::NONE, Key::ArrowUp),
                )
            });
            if down {
                state.highlight = (state.highlight + 1).min(state.results.len() - 1);
            }
            if up {
                state.highlight = state.highlight.saturating_sub(1);
            }
        }
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut state.search)
                    .id(search_id)
                    .hint_text(t("apptr-add-person-hint"))
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
        if state.refocus_search {
            state.refocus_search = false;
            response.request_focus();
        }
        if response.changed() {
            state.highlight = 0;
        }
        if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            state.refresh_results(data, view);
            if let Some(&i) = state.results.get(state.highlight) {
                add = Some(data.employees[i].row.employee.id);
                state.refocus_search = true;
            }
        }
        ui.add_space(16.0);
        let label = ui.label(crate::model::Field::Department.label());
        ui.scope(|ui| {
            ui.set_max_width(230.0);
            department_combo(
                ui,
                "roster-department",
                &data.departments,
                &mut state.department,
                &t("apptr-choose-department"),
                true,
                None,
            )
            .labelled_by(label.id);
        });
        let can_add = state.department.is_some();
        if ui
            .add_enabled(can_add, egui::Button::new(t("apptr-add-department")))
            .on_hover_text(t("apptr-add-department-hint"))
            .clicked()
            && let Some(department) = state.department
        {
            state.send(worker, RosterEdit::AddDepartment(department));
            release_focus(ui);
        }
    });
    if !state.search.trim().is_empty() {
        egui::Frame::new()
            .stroke(egui::Stroke::new(1.0, crate::app::widgets::style::BORDER))
            .corner_radius(4)
            .inner_margin(egui::Margin::symmetric(8, 4))
            .show(ui, |ui| {
                if state.results.is_empty() {
                    ui.label(RichText::new(t("apptr-add-none-found")).color(MUTED));
                }
                for (n, &i) in state.results.iter().enumerate() {
                    let view = &data.employees[i];
                    let e = &view.row.employee;
                    let mut text =
                        format!("{} {}, {}", e.personnel_number, e.last_name, e.first_name);
                    if !view.department_label.is_empty() {
                        text.push_str(" · ");
                        text.push_str(&view.department_label);
                    }
                    if ui.selectable_label(n == state.highlight, text).clicked() {
                        add = Some(e.id);
                    }
                }
                hint(ui, &t("apptr-add-person-keys"));
            });
    }
    if let Some(id) = add {
        state.add_employee(worker, id);
    }
}

/// Whether no widget, popup or window holds the keyboard.
fn keyboard_free(ui: &Ui, import: &AttendanceImportState) -> bool {
    ui.memory(|m| m.focused().is_none()) && !egui::Popup::is_any_open(ui.ctx()) && !import.is_open()
}

/// Handles the roster's keys when nothing else holds the keyboard.
fn keyboard_ui(
    ui: &mut Ui,
    state: &mut RosterState,
    view: &RosterView,
    worker: &mut Worker,
    import: &AttendanceImportState,
) {
    if state.confirm_remove.is_some() || import.is_open() {
        return;
    }
    let len = view.rows.len();
    // Tab from the roster goes to the focused row's hours (or note) field. egui may have
    // given the focus to the first widget already; taking it over here wins.
    let tab = ui.input(|i| i.key_pressed(Key::Tab) && i.modifiers.is_none());
    if tab && state.keyboard_last_frame && len > 0 {
        let row = &view.rows[state.focus.min(len - 1)];
        let kind = if row.attendance.status.credits_hours() {
            CellKind::Hours
        } else {
            CellKind::Note
        };
        let id = cell_id(kind, row.attendance.id);
        ui.memory_mut(|m| m.request_focus(id));
        state.scroll_to_focus = true;
        return;
    }
    // A key that just took the focus out of a field (Escape) is not the roster's.
    if !keyboard_free(ui, import) || !state.keyboard_last_frame {
        return;
    }
    let pressed = |ui: &mut Ui, modifiers: Modifiers, key: Key| {
        ui.input_mut(|i| i.consume_key(modifiers, key))
    };
    for shift in [false, true] {
        let m = if shift {
            Modifiers::SHIFT
        } else {
            Modifiers::NONE
        };
        if pressed(ui, m, Key::ArrowDown) {
            state.move_focus(state.focus + 1, len, shift, view);
        }
        if pressed(ui, m, Key::ArrowUp) {
            state.move_focus(state.focus.saturating_sub(1), len, shift, view);
        }
        if pressed(ui, m, Key::PageDown) {
            state.move_focus(state.focus + 10, len, shift, view);
        }
        if pressed(ui, m, Key::PageUp) {
            state.move_focus(state.focus.saturating_sub(10), len, shift, view);
        }
        if pressed(ui, m, Key::Home) {
            state.move_focus(0, len, shift, view);
        }
        if pressed(ui, m, Key::End) {
            state.move_focus(len.saturating_sub(1), len, shift, view);
        }
    }
    if pressed(ui, Modifiers::NONE, Key::Space)
        && let Some(row) = view.rows.get(state.focus)
    {
        state.toggle(row.attendance.id);
        state.anchor = Some(state.focus);
    }
    if pressed(ui, Modifiers::COMMAND, Key::A) {
        state.selection = view.rows.iter().map(|r| r.attendance.id).collect();
    }
    if pressed(ui, Modifiers::NONE, Key::Escape) {
        state.selection.clear();
    }
    for (key, status, _) in KEYS {
        if pressed(ui, Modifiers::NONE, key) && (view.started || !needs_start(status)) {
            let rows = state.targets(view);
            state.set_status(worker, rows, status);
        }
    }
}

/// Whether `status` can only be recorded once the session has started.
fn needs_start(status: AttendanceStatus) -> bool {
    matches!(
        status,
        AttendanceStatus::Attended | AttendanceStatus::Partial | AttendanceStatus::Absent
    )
}

/// "Alle auswählen", the bulk buttons and "all registered → attended".
fn actions_ui(ui: &mut Ui, state: &mut RosterState, view: &RosterView, worker: &mut Worker) {
    ui.horizontal_wrapped(|ui| {
        let all = !view.rows.is_empty() && state.selection.len() == view.rows.len();
        let mut check = all;
        let response = ui.checkbox(&mut check, t("apptr-select-all"));
        if response.clicked() {
            if check {
                state.selection = view.rows.iter().map(|r| r.attendance.id).collect();
            } else {
                state.selection.clear();
            }
            release_focus(ui);
        }
        let targets = state.targets(view);
        let label = if state.selection.is_empty() {
            t("apptr-none-selected")
        } else {
            ta(
                "apptr-selected",
                &[("count", Arg::from(state.selection.len()))],
            )
        };
        ui.label(RichText::new(label).color(MUTED));
        ui.separator();
        for (_, status, key) in KEYS {
            let allowed = view.started || !needs_start(status);
            let mut button =
                ui.add_enabled(allowed && !targets.is_empty(), egui::Button::new(t(key)));
            if !allowed {
                button = button.on_disabled_hover_text(t("apptr-not-started"));
            }
            if button.clicked() {
                state.set_status(worker, targets.clone(), status);
                release_focus(ui);
            }
        }
        if ui
            .add_enabled(
                !state.selection.is_empty(),
                egui::Button::new(t("apptr-remove")),
            )
            .clicked()
        {
            state.confirm_remove = Some(targets.clone());
            release_focus(ui);
        }
        ui.separator();
        let registered = view.registered();
        let button = ui
            .add_enabled(
                view.started && registered > 0,
                primary_button(t("apptr-all-attended")),
            )
            .on_hover_text(ta(
                "apptr-all-attended-hint",
                &[("count", Arg::from(registered))],
            ));
        if button.clicked() {
            state.send(worker, RosterEdit::MarkRegisteredAttended);
            state.selection.clear();
            release_focus(ui);
        }
    });
}

/// What the table's rows asked for; applied after the table is drawn.
#[derive(Default)]
struct TableOut {
    clicked: Option<(usize, Modifiers)>,
    commands: Vec<RosterEdit>,
    /// `Some(edit)`: the cell edit becomes `edit`.
    edit: Option<Option<CellEdit>>,
    error: Option<String>,
}

/// The participants table: checkbox, name, personnel number, unit, status, hours, note.
fn table_ui(ui: &mut Ui, state: &mut RosterState, view: &RosterView, worker: &mut Worker) {
    if view.rows.is_empty() {
        ui.add_space(24.0);
        ui.vertical_centered(|ui| {
            ui.label(RichText::new(t("apptr-roster-empty")).color(MUTED));
        });
        return;
    }
    let row_height = ui.spacing().interact_size.y + 6.0;
    let min_width =
        48.0 + 180.0 + 100.0 + 110.0 + 200.0 + 80.0 + 140.0 + 7.0 * ui.spacing().item_spacing.x;
    let mut out = TableOut::default();
    wide_ui(ui, "roster-hscroll", min_width, |ui| {
        let mut table = TableBuilder::new(ui)
            .id_salt(("roster", state.session.0))
            .striped(true)
            .sense(Sense::click())
            .resizable(false)
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::exact(48.0))
            .column(Column::remainder().at_least(180.0).clip(true))
            .column(Column::exact(100.0).clip(true))
            .column(Column::exact(110.0).clip(true))
            .column(Column::exact(200.0))
            .column(Column::exact(80.0))
            .column(Column::remainder().at_least(140.0).clip(true));
        if state.scroll_to_focus {
            state.scroll_to_focus = false;
            table = table.scroll_to_row(state.focus, None);
        }
        table
        .header(row_height, |mut header| {
            header.col(|_| {});
            for key in [
                "apptr-col-name",
                "app-col-personnel-number",
                "apptr-col-department",
                "field-attendance-status",
                "field-hours",
                "field-note",
            ] {
                header.col(|ui| {
                    ui.strong(t(key));
                });
            }
        })
        .body(|body| {
            body.rows(row_height, view.rows.len(), |mut row| {
                let index = row.index();
                let Some(r) = view.rows.get(index) else {
                    return;
                };
                let a = &r.attendance;
                let selected = state.selection.contains(&a.id);
                row.set_selected(selected);
                let name = format!("{} {}", r.first_name, r.last_name);
                row.col(|ui| {
                    let marker = if index == state.focus { "▶" } else { " " };
                    ui.label(RichText::new(marker).color(ACCENT));
                    let mut check = selected;
                    let response = ui
                        .checkbox(&mut check, "")
                        .accessible_name(ta("apptr-select-person", &[("name", Arg::from(&name))]));
                    if response.clicked() {
                        out.clicked = Some((index, Modifiers::COMMAND));
                    }
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(format!("{}, {}", r.last_name, r.first_name)).truncate());
                });
                row.col(|ui| {
                    ui.label(&r.personnel_number);
                });
                row.col(|ui| {
                    ui.label(r.department_code.as_deref().unwrap_or_default());
                });
                row.col(|ui| status_cell_ui(ui, view, r, &name, &mut out));
                row.col(|ui| {
                    let editing_here = state
                        .edit
                        .as_ref()
                        .is_some_and(|e| e.row == a.id && e.kind == CellKind::Hours)
                        || matches!(&out.edit, Some(Some(e)) if e.row == a.id && e.kind == CellKind::Hours);
                    if a.status.credits_hours() || editing_here {
                        cell_editor_ui(ui, state, r, CellKind::Hours, &name, &mut out);
                    } else {
                        ui.label(RichText::new("–").color(MUTED));
                    }
                });
                row.col(|ui| cell_editor_ui(ui, state, r, CellKind::Note, &name, &mut out));
                let response = row.response();
                if response.clicked() {
                    out.clicked = Some((index, response.ctx.input(|i| i.modifiers)));
                }
            });
        });
    });
    if let Some(edit) = out.edit {
        state.edit = edit;
    }
    if let Some(error) = out.error {
        state.error = Some(error);
    }
    for command in out.commands {
        state.send(worker, command);
    }
    if let Some((index, modifiers)) = out.clicked {
        click_row(state, view, index, modifiers);
        release_focus(ui);
    }
}

/// The status combo box of one row. "Partial" asks for its hours in the hours field first.
fn status_cell_ui(
    ui: &mut Ui,
    view: &RosterView,
    r: &AttendanceRow,
    name: &str,
    out: &mut TableOut,
) {
    let a = &r.attendance;
    let mut status = a.status;
    let response = egui::ComboBox::from_id_salt(("roster-status", a.id.0))
        .selected_text(status_label(status))
        .width(186.0)
        .show_ui(ui, |ui| {
            for s in AttendanceStatus::ALL {
                ui.selectable_value(&mut status, s, status_label(s));
            }
        })
        .response
        .accessible_name(ta("apptr-status-of", &[("name", Arg::from(name))]));
    if status == a.status {
        return;
    }
    if status == AttendanceStatus::Partial {
        let hours = if a.hours > 0.0 {
            a.hours
        } else {
            view.full_hours / 2.0
        };
        let text = fmt_hours(hours);
        let id = cell_id(CellKind::Hours, a.id);
        select_all(ui.ctx(), id, &text);
        ui.memory_mut(|m| m.request_focus(id));
        out.edit = Some(Some(CellEdit {
            row: a.id,
            kind: CellKind::Hours,
            text,
            then_status: Some(AttendanceStatus::Partial),
        }));
    } else {
        out.commands.push(RosterEdit::SetStatus {
            rows: vec![a.id],
            status,
            hours: None,
        });
        response.surrender_focus();
    }
}

/// Selects the whole text of the text field `id` (so typing replaces it).
fn select_all(ctx: &egui::Context, id: Id, text: &str) {
    let mut edit_state = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
    edit_state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
    edit_state.store(ctx, id);
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

/// The hours or note field of one row. While it has the focus it edits a copy of the
/// value; leaving it (Enter, Tab, a click elsewhere) saves, Escape throws the change away.
fn cell_editor_ui(
    ui: &mut Ui,
    state: &RosterState,
    r: &AttendanceRow,
    kind: CellKind,
    name: &str,
    out: &mut TableOut,
) {
    let a = &r.attendance;
    let id = cell_id(kind, a.id);
    let current = match kind {
        CellKind::Hours => fmt_hours(a.hours),
        CellKind::Note => a.note.clone(),
    };
    let is_this = |e: &CellEdit| e.row == a.id && e.kind == kind;
    let mut edit = match (&out.edit, &state.edit) {
        (Some(Some(e)), _) if is_this(e) => Some(e.clone()),
        (_, Some(e)) if is_this(e) => Some(e.clone()),
        _ => None,
    };
    let has_focus = ui.memory(|m| m.has_focus(id));
    if has_focus && edit.is_none() {
        select_all(ui.ctx(), id, &current);
        edit = Some(CellEdit {
            row: a.id,
            kind,
            text: current.clone(),
            then_status: None,
        });
    }
    let (width, accessible) = match kind {
        CellKind::Hours => (64.0, ta("apptr-hours-of", &[("name", Arg::from(name))])),
        CellKind::Note => (
            ui.available_width(),
            ta("apptr-note-of", &[("name", Arg::from(name))]),
        ),
    };
    let mut shown = current;
    let text = match &mut edit {
        Some(e) => &mut e.text,
        None => &mut shown,
    };
    let response = ui
        .add(egui::TextEdit::singleline(text).id(id).desired_width(width))
        .accessible_name(accessible);
    let Some(e) = edit else {
        return;
    };
    if !response.lost_focus() {
        // Keep the edit while the field has the focus (or is about to get it).
        let keep = has_focus || ui.memory(|m| m.has_focus(id)) || e.then_status.is_some();
        out.edit = Some(keep.then_some(e));
        return;
    }
    out.edit = Some(None);
    if ui.input(|i| i.key_pressed(Key::Escape)) {
        return;
    }
    match kind {
        CellKind::Hours => match parse_hours(&e.text) {
            Some(hours) => {
                if let Some(status) = e.then_status {
                    out.commands.push(RosterEdit::SetStatus {
                        rows: vec![a.id],
                        status,
                        hours: Some(hours),
                    });
                } else if (hours - a.hours).abs() > 1e-9 {
                    out.commands.push(RosterEdit::SetHours(a.id, hours));
                }
            }
            None => {
                out.error = Some(ta(
                    "apptr-invalid-hours",
                    &[("text", Arg::from(e.text.trim()))],
                ));
            }
        },
        CellKind::Note => {
            if e.text.trim() != a.note {
                out.commands.push(RosterEdit::SetNote(a.id, e.text));
            }
        }
    }
}

/// The modal that asks before people are taken off the roster.
fn remove_confirm_ui(ui: &mut Ui, state: &mut RosterState, worker: &mut Worker) {
    let Some(rows) = state.confirm_remove.clone() else {
        return;
    };
    let mut answer = None;
    egui::Modal::new(Id::unique("roster-remove-confirm")).show(ui.ctx(), |ui| {
        ui.set_max_width(420.0);
        ui.heading(t("apptr-remove-title"));
        ui.add_space(8.0);
        ui.add(
            egui::Label::new(ta(
                "apptr-remove-question",
                &[("count", Arg::from(rows.len()))],
            ))
            .wrap(),
        );
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            if ui.add(danger_button(t("apptr-remove-confirm"))).clicked() {
                answer = Some(true);
            }
            if ui.button(t("app-cancel")).clicked() {
                answer = Some(false);
            }
        });
        if ui.input(|i| i.key_pressed(Key::Escape)) {
            answer = Some(false);
        }
    });
    match answer {
        Some(true) => {
            state.confirm_remove = None;
            state.send(worker, RosterEdit::Remove(rows));
            state.selection.clear();
        }
        Some(false) => state.confirm_remove = None,
        None => {}
    }
}
