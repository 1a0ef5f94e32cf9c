//! The Seminars & Sessions screen: the sessions list (upcoming or past, filtered by
//! seminar, provider and dates, virtualised) with the session form beside it; the seminar
//! catalogue with its form; and the way into a session's roster.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use egui::{Align, Layout, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::data::Data;
use crate::app::training::attendance_import::{AttendanceImportState, attendance_import_ui};
use crate::app::training::roster::{RosterAction, RosterState, roster_ui};
use crate::app::training::worker::{SessionView, TrainingCommand, TrainingData, TrainingOutcome};
use crate::app::widgets::style::{ERROR, MUTED};
use crate::app::widgets::{
    FieldErrors, Notices, entered, error_label, form_row, hint, primary_button, text_field,
};
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::{Error, Result};
use crate::i18n::{Arg, fmt_date, fmt_datetime, fmt_hours, parse_date, t, ta};
use crate::model::{
    Field, Seminar, SeminarFormat, SeminarId, SeminarInput, Session, SessionId, SessionInput,
};
use crate::service::seminars::format_label;

/// The two halves of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Tab {
    #[default]
    Sessions,
    Catalogue,
}

/// Which sessions the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum When {
    /// Sessions that end today or later, earliest first.
    #[default]
    Upcoming,
    /// Sessions that ended before today, latest first.
    Past,
}

/// What the filtered sessions list was built from.
#[derive(Debug, Clone, PartialEq)]
struct ListKey {
    revision: u64,
    when: When,
    seminar: Option<SeminarId>,
    provider: Option<String>,
    from: String,
    to: String,
}

/// The form beside the list.
pub(crate) enum SideForm {
    Seminar(Box<SeminarForm>),
    Session(Box<SessionForm>),
}

/// The state of the Seminars & Sessions screen.
#[derive(Default)]
pub(crate) struct SeminarsState {
    pub tab: Tab,
    pub when: When,
    pub seminar_filter: Option<SeminarId>,
    pub provider_filter: Option<String>,
    /// The date range as typed (TT.MM.JJJJ).
    pub from: String,
    pub to: String,
    /// Indices into `TrainingData::sessions`, filtered and ordered.
    visible: Vec<usize>,
    upcoming: usize,
    past: usize,
    date_errors: Vec<String>,
    cache: Option<ListKey>,
    selected_session: Option<SessionId>,
    scroll_to_selected: bool,
    pub show_archived: bool,
    /// Indices into `TrainingData::seminars` shown in the catalogue.
    catalogue: Vec<usize>,
    catalogue_cache: Option<(u64, bool)>,
    selected_seminar: Option<SeminarId>,
    form: Option<SideForm>,
    /// The open roster; it replaces the lists while open.
    roster: Option<RosterState>,
    import: AttendanceImportState,
}

impl SeminarsState {
    /// Rebuilds the filtered sessions list when the data or a filter changed.
    fn refresh(&mut self, data: &Data) {
        let key = ListKey {
            revision: data.parts.training,
            when: self.when,
            seminar: self.seminar_filter,
            provider: self.provider_filter.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
        };
        if self.cache.as_ref() == Some(&key) {
            return;
        }
        self.date_errors.clear();
        let mut date = |text: &str| {
            let text = text.trim();
            if text.is_empty() {
                return None;
            }
            let parsed = parse_date(text);
            if parsed.is_none() {
                self.date_errors
                    .push(ta("app-invalid-date", &[("text", Arg::from(text))]));
            }
            parsed
        };
        let from = date(&self.from);
        let to = date(&self.to);
        let provider = self.provider_filter.as_deref().map(str::to_lowercase);
        let today = data.today;
        let (mut upcoming, mut past) = (Vec::new(), Vec::new());
        for (i, s) in data.training.sessions.iter().enumerate() {
            let session = &s.row.session;
            let keep = self
                .seminar_filter
                .is_none_or(|id| session.seminar_id == id)
                && provider
                    .as_deref()
                    .is_none_or(|p| s.provider.trim().to_lowercase() == p)
                && from.is_none_or(|d| session.ends_at.date() >= d)
                && to.is_none_or(|d| session.starts_at.date() <= d);
            if !keep {
                continue;
            }
            if session.ends_at.date() >= today {
                upcoming.push(i);
            } else {
                past.push(i);
            }
        }
        past.reverse();
        self.upcoming = upcoming.len();
        self.past = past.len();
        self.visible = match self.when {
            When::Upcoming => upcoming,
            When::Past => past,
        };
        self.cache = Some(key);
    }

    fn refresh_catalogue(&mut self, data: &Data) {
        let key = (data.parts.training, self.show_archived);
        if self.catalogue_cache == Some(key) {
            return;
        }
        self.catalogue = data
            .training
            .seminars
            .iter()
            .enumerate()
            .filter(|(_, s)| self.show_archived || !s.archived)
            .map(|(i, _)| i)
            .collect();
        self.catalogue_cache = Some(key);
    }

    /// Opens the roster of `session` in place of the lists.
    pub fn open_roster(&mut self, session: SessionId) {
        self.selected_session = Some(session);
        self.form = None;
        self.roster = Some(RosterState::new(session));
    }

    /// The session whose roster is open.
    pub fn roster_session(&self) -> Option<SessionId> {
        self.roster.as_ref().map(|r| r.session)
    }

    /// Reads the participant list at `path` into a preview for the open roster, as if the
    /// user had picked it in the file dialog. Does nothing while no roster is open.
    pub fn preview_import(&mut self, path: std::path::PathBuf, worker: &mut Worker) {
        if let Some(session) = self.roster_session() {
            self.import.preview_file(session, path, worker);
        }
    }

    /// Takes the file dialog's answer, if it came.
    pub fn poll(&mut self, worker: &mut Worker) {
        self.import.poll(worker);
    }

    /// Picks up the answer to a command this screen sent; returns it if it is not ours.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
        data: Option<&Data>,
        notices: &mut Notices,
    ) -> Option<Result<Outcome>> {
        let revision = data.map_or(0, |d| d.revision);
        if self.import.owns(ticket) {
            if let Some(view) = self.import.on_finished(result, notices)
                && let Some(roster) = &mut self.roster
                && roster.session == view.session.id
            {
                roster.set_view(view, revision);
            }
            return None;
        }
        if let Some(roster) = &mut self.roster
            && roster.owns(ticket)
        {
            roster.on_finished(ticket, result, revision, notices);
            return None;
        }
        let form_owns = match &self.form {
            Some(SideForm::Seminar(f)) => f.owns(ticket),
            Some(SideForm::Session(f)) => f.owns(ticket),
            None => false,
        };
        if !form_owns {
            return Some(result);
        }
        match &mut self.form {
            Some(SideForm::Seminar(form)) => {
                if let Some(id) = form.on_finished(result, data, notices) {
                    self.selected_seminar = Some(id);
                }
            }
            Some(SideForm::Session(form)) => match form.on_finished(result, data, notices) {
                SessionFormEvent::Saved(id) => {
                    self.selected_session = Some(id);
                    self.scroll_to_selected = true;
                    // Show the list the session is in, so that it can be seen selected.
                    if let Some(data) = data
                        && let Some(view) = data.training.session(id)
                    {
                        self.when = if view.row.session.ends_at.date() >= data.today {
                            When::Upcoming
                        } else {
                            When::Past
                        };
                    }
                }
                SessionFormEvent::Deleted(id) => {
                    self.form = None;
                    if self.selected_session == Some(id) {
                        self.selected_session = None;
                    }
                }
                SessionFormEvent::None => {}
            },
            None => {}
        }
        None
    }
}

/// Draws the Seminars & Sessions screen and sends what the user asks for to `worker`.
pub(crate) fn seminars_ui(
    ui: &mut Ui,
    state: &mut SeminarsState,
    data: &Data,
    worker: &mut Worker,
) {
    if let Some(roster) = &mut state.roster {
        let action = roster_ui(ui, roster, data, worker, &mut state.import);
        attendance_import_ui(ui, &mut state.import, worker);
        match action {
            Some(RosterAction::Close) => state.roster = None,
            Some(RosterAction::EditSession(id)) => {
                state.roster = None;
                state.tab = Tab::Sessions;
                if let Some(view) = data.training.session(id) {
                    state.selected_session = Some(id);
                    state.scroll_to_selected = true;
                    state.form = Some(SideForm::Session(Box::new(SessionForm::edit(view))));
                }
            }
            None => {}
        }
        return;
    }

    ui.horizontal(|ui| {
        ui.heading(t("apptr-title"));
        ui.add_space(16.0);
        for (tab, key) in [
            (Tab::Sessions, "apptr-tab-sessions"),
            (Tab::Catalogue, "apptr-tab-catalogue"),
        ] {
            if ui.selectable_label(state.tab == tab, t(key)).clicked() {
                state.tab = tab;
            }
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| match state.tab {
            Tab::Sessions => {
                if ui
                    .add(primary_button(t("apptr-session-add")))
                    .on_hover_text(t("apptr-session-add-hint"))
                    .clicked()
                {
                    state.selected_session = None;
                    state.form = Some(SideForm::Session(Box::new(SessionForm::new_session(
                        state.seminar_filter,
                    ))));
                }
            }
            Tab::Catalogue => {
                if ui.add(primary_button(t("apptr-seminar-add"))).clicked() {
                    state.selected_seminar = None;
                    state.form = Some(SideForm::Seminar(Box::new(SeminarForm::new_seminar())));
                }
            }
        });
    });
    ui.add_space(4.0);

    let mut open_roster = None;
    if let Some(form) = &mut state.form {
        let mut action = FormAction::Stay;
        egui::Panel::right("training-form")
            .resizable(true)
            .default_size(430.0)
            .size_range(360.0..=640.0)
            .show(ui, |ui| {
                action = match form {
                    SideForm::Seminar(f) => seminar_form_ui(ui, f, data, worker),
                    SideForm::Session(f) => session_form_ui(ui, f, data, worker),
                };
            });
        match action {
            FormAction::Stay => {}
            FormAction::Close => state.form = None,
            FormAction::OpenRoster(id) => open_roster = Some(id),
            FormAction::NewSessionOf(seminar) => {
                state.tab = Tab::Sessions;
                state.selected_session = None;
                state.form = Some(SideForm::Session(Box::new(SessionForm::new_session(Some(
                    seminar,
                )))));
            }
        }
    }

    match state.tab {
        Tab::Sessions => {
            state.refresh(data);
            sessions_toolbar_ui(ui, state, data);
            ui.add_space(6.0);
            if let Some(id) = sessions_table_ui(ui, state, data, &mut open_roster) {
                state.selected_session = Some(id);
                if let Some(view) = data.training.session(id) {
                    state.form = Some(SideForm::Session(Box::new(SessionForm::edit(view))));
                }
            }
        }
        Tab::Catalogue => {
            state.refresh_catalogue(data);
            ui.checkbox(&mut state.show_archived, t("apptr-show-archived"));
            ui.add_space(6.0);
            if let Some(id) = catalogue_table_ui(ui, state, data)
                && let Some(seminar) = data.training.seminar(id)
            {
                state.selected_seminar = Some(id);
                state.form = Some(SideForm::Seminar(Box::new(SeminarForm::edit(seminar))));
            }
        }
    }
    if let Some(id) = open_roster {
        state.open_roster(id);
    }
}

fn sessions_toolbar_ui(ui: &mut Ui, state: &mut SeminarsState, data: &Data) {
    let training = &data.training;
    ui.horizontal_wrapped(|ui| {
        for (when, key, count) in [
            (When::Upcoming, "apptr-upcoming", state.upcoming),
            (When::Past, "apptr-past", state.past),
        ] {
            let text = ta(key, &[("count", Arg::from(count))]);
            if ui.selectable_label(state.when == when, text).clicked() {
                state.when = when;
            }
        }
        ui.add_space(12.0);
        let label = ui.label(Field::Seminar.label());
        let selected = state
            .seminar_filter
            .and_then(|id| training.seminar(id))
            .map(|s| s.code.clone())
            .unwrap_or_else(|| t("apptr-all-seminars"));
        egui::ComboBox::from_id_salt("sessions-seminar-filter")
            .selected_text(selected)
            .width(120.0)
            .height(400.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.seminar_filter, None, t("apptr-all-seminars"));
                for s in &training.seminars {
                    ui.selectable_value(&mut state.seminar_filter, Some(s.id), seminar_label(s));
                }
            })
            .response
            .labelled_by(label.id);
        crate::app::widgets::text_filter_combo(
            ui,
            "sessions-provider-filter",
            Field::Provider.label(),
            &mut state.provider_filter,
            t("apptr-all-providers"),
            &training.providers,
            150.0,
        );
        for (key, text) in [("apptr-from", &mut state.from), ("apptr-to", &mut state.to)] {
            let label = ui.label(t(key));
            ui.add(
                egui::TextEdit::singleline(text)
                    .hint_text(t("app-date-hint"))
                    .desired_width(86.0),
            )
            .labelled_by(label.id);
        }
        let filtered = state.seminar_filter.is_some()
            || state.provider_filter.is_some()
            || !state.from.is_empty()
            || !state.to.is_empty();
        if filtered && ui.small_button(t("apptr-filter-reset")).clicked() {
            state.seminar_filter = None;
            state.provider_filter = None;
            state.from.clear();
            state.to.clear();
        }
    });
    for message in &state.date_errors {
        error_label(ui, message);
    }
}

/// "DF-101 – Grundlagen der digitalen Verwaltung".
pub(crate) fn seminar_label(s: &Seminar) -> String {
    format!("{} – {}", s.code, s.title)
}

/// "03.03.2026, 09:00–16:00", or both date-times for a session over several days.
pub(crate) fn session_when(s: &Session) -> String {
    if s.starts_at.date() == s.ends_at.date() {
        ta(
            "apptr-when-one-day",
            &[
                ("date", Arg::from(fmt_date(s.starts_at.date()))),
                ("start", Arg::from(s.starts_at.format("%H:%M").to_string())),
                ("end", Arg::from(s.ends_at.format("%H:%M").to_string())),
            ],
        )
    } else if whole_days(s) {
        ta(
            "apptr-when-days",
            &[
                ("start", Arg::from(fmt_date(s.starts_at.date()))),
                ("end", Arg::from(fmt_date(s.ends_at.date()))),
            ],
        )
    } else {
        ta(
            "apptr-when-days",
            &[
                ("start", Arg::from(fmt_datetime(s.starts_at))),
                ("end", Arg::from(fmt_datetime(s.ends_at))),
            ],
        )
    }
}

/// Whether a session runs from the start of its first day to the end of its last (an
/// e-learning period): then its times say nothing.
fn whole_days(s: &Session) -> bool {
    let midnight = NaiveTime::MIN;
    let last_minute = NaiveTime::from_hms_opt(23, 59, 0).unwrap_or(midnight);
    s.starts_at.time() == midnight
        && (s.ends_at.time() >= last_minute || s.ends_at.time() == midnight)
}

/// "12 / 20", or "12" without a capacity.
fn participants_text(participants: i64, capacity: Option<u32>) -> String {
    match capacity {
        Some(c) => format!("{participants} / {c}"),
        None => participants.to_string(),
    }
}

/// Draws the sessions table; returns the session whose row was clicked. A double click
/// (or the roster button) puts the session into `open_roster`.
fn sessions_table_ui(
    ui: &mut Ui,
    state: &mut SeminarsState,
    data: &Data,
    open_roster: &mut Option<SessionId>,
) -> Option<SessionId> {
    let training = &data.training;
    if state.visible.is_empty() {
        ui.add_space(24.0);
        ui.vertical_centered(|ui| {
            let key = if training.sessions.is_empty() {
                "apptr-sessions-none-yet"
            } else if state.when == When::Upcoming {
                "apptr-sessions-none-upcoming"
            } else {
                "apptr-sessions-none-past"
            };
            ui.label(RichText::new(t(key)).color(MUTED));
        });
        return None;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
    let scroll_to = if state.scroll_to_selected {
        state.scroll_to_selected = false;
        state.selected_session.and_then(|id| {
            state
                .visible
                .iter()
                .position(|&i| training.sessions[i].row.session.id == id)
        })
    } else {
        None
    };
    let mut clicked = None;
    let min_width = 245.0 + 200.0 + 120.0 + 150.0 + 100.0 + 5.0 * ui.spacing().item_spacing.x;
    wide_ui(ui, "sessions-hscroll", min_width, |ui| {
        let mut table = TableBuilder::new(ui)
            .id_salt("sessions")
            .striped(true)
            .sense(Sense::click())
            .resizable(false)
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::exact(245.0).clip(true))
            .column(Column::remainder().at_least(200.0).clip(true))
            .column(Column::remainder().at_least(120.0).clip(true))
            .column(Column::exact(150.0).clip(true))
            .column(Column::exact(100.0));
        if let Some(row) = scroll_to {
            table = table.scroll_to_row(row, Some(Align::Center));
        }
        table
            .header(row_height + 4.0, |mut header| {
                for key in [
                    "apptr-col-when",
                    "field-seminar",
                    "field-location",
                    "field-trainer",
                    "apptr-col-participants",
                ] {
                    header.col(|ui| {
                        ui.strong(t(key));
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, state.visible.len(), |mut row| {
                    let Some(view) = state
                        .visible
                        .get(row.index())
                        .map(|&i| &training.sessions[i])
                    else {
                        return;
                    };
                    let s = &view.row.session;
                    row.set_selected(state.selected_session == Some(s.id));
                    let cell = |ui: &mut Ui, text: &str| {
                        ui.add(egui::Label::new(text).truncate());
                    };
                    row.col(|ui| cell(ui, &session_when(s)));
                    row.col(|ui| {
                        cell(
                            ui,
                            &format!("{} {}", view.row.seminar_code, view.row.seminar_title),
                        )
                    });
                    row.col(|ui| cell(ui, &s.location));
                    row.col(|ui| cell(ui, &s.trainer));
                    row.col(|ui| {
                        let text = participants_text(view.row.participants, s.capacity);
                        let over = s
                            .capacity
                            .is_some_and(|c| view.row.participants > i64::from(c));
                        let mut rich = RichText::new(text);
                        if over {
                            rich = rich.color(ERROR);
                        }
                        ui.label(rich);
                    });
                    let response = row.response();
                    if response.double_clicked() {
                        *open_roster = Some(s.id);
                    } else if response.clicked() {
                        clicked = Some(s.id);
                    }
                });
            });
    });
    clicked
}

/// Runs `add` in a horizontally scrolling area at least `min_width` wide, so that a table
/// keeps its columns (and stays out of a form beside it) when the window is narrow.
pub(crate) fn wide_ui<R>(
    ui: &mut Ui,
    id: &str,
    min_width: f32,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    let width = ui.available_width().max(min_width);
    egui::ScrollArea::horizontal()
        .id_salt(id)
        .show(ui, |ui| {
            ui.set_width(width);
            add(ui)
        })
        .inner
}

/// Draws the catalogue table; returns the seminar whose row was clicked.
fn catalogue_table_ui(ui: &mut Ui, state: &mut SeminarsState, data: &Data) -> Option<SeminarId> {
    let training: &TrainingData = &data.training;
    if state.catalogue.is_empty() {
        ui.add_space(24.0);
        ui.vertical_centered(|ui| {
            ui.label(RichText::new(t("apptr-seminars-none-yet")).color(MUTED));
        });
        return None;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
    let mut clicked = None;
    let min_width =
        90.0 + 220.0 + 140.0 + 90.0 + 70.0 + 120.0 + 70.0 + 7.0 * ui.spacing().item_spacing.x;
    wide_ui(ui, "seminars-hscroll", min_width, |ui| {
        TableBuilder::new(ui)
            .id_salt("seminars")
            .striped(true)
            .sense(Sense::click())
            .resizable(false)
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::exact(90.0).clip(true))
            .column(Column::remainder().at_least(220.0).clip(true))
            .column(Column::remainder().at_least(140.0).clip(true))
            .column(Column::exact(90.0).clip(true))
            .column(Column::exact(70.0))
            .column(Column::remainder().at_least(120.0).clip(true))
            .column(Column::exact(70.0))
            .header(row_height + 4.0, |mut header| {
                for key in [
                    "train-col-code",
                    "train-col-title",
                    "field-provider",
                    "train-col-format",
                    "train-col-hours",
                    "field-topic",
                    "apptr-col-sessions",
                ] {
                    header.col(|ui| {
                        ui.strong(t(key));
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, state.catalogue.len(), |mut row| {
                    let Some(&i) = state.catalogue.get(row.index()) else {
                        return;
                    };
                    let s = &training.seminars[i];
                    row.set_selected(state.selected_seminar == Some(s.id));
                    let color = s.archived.then_some(MUTED);
                    let cell = |ui: &mut Ui, text: &str| {
                        let mut rich = RichText::new(text);
                        if let Some(c) = color {
                            rich = rich.color(c);
                        }
                        ui.add(egui::Label::new(rich).truncate());
                    };
                    row.col(|ui| cell(ui, &s.code));
                    row.col(|ui| {
                        if s.archived {
                            cell(
                                ui,
                                &ta("apptr-archived-title", &[("title", Arg::from(&s.title))]),
                            );
                        } else {
                            cell(ui, &s.title);
                        }
                    });
                    row.col(|ui| cell(ui, &s.provider));
                    row.col(|ui| cell(ui, &format_label(s.format)));
                    row.col(|ui| cell(ui, &fmt_hours(s.default_hours)));
                    row.col(|ui| cell(ui, &s.topic));
                    row.col(|ui| cell(ui, &training.session_counts[i].to_string()));
                    if row.response().clicked() {
                        clicked = Some(s.id);
                    }
                });
            });
    });
    clicked
}

/// What a side form asks of the screen.
enum FormAction {
    Stay,
    Close,
    OpenRoster(SessionId),
    /// Open the session form for a new session of this seminar.
    NewSessionOf(SeminarId),
}

// ---------------------------------------------------------------------------------------
// The seminar form

/// The seminar fields as typed (hours as text), and what happened to the last save.
pub(crate) struct SeminarForm {
    editing: Option<SeminarId>,
    archived: bool,
    code: String,
    title: String,
    description: String,
    provider: String,
    format: SeminarFormat,
    hours: String,
    topic: String,
    errors: FieldErrors,
    pending: Option<Ticket>,
}

const SEMINAR_FIELDS: [Field; 6] = [
    Field::SeminarCode,
    Field::SeminarTitle,
    Field::Provider,
    Field::DefaultHours,
    Field::Topic,
    Field::Description,
];

impl SeminarForm {
    fn new_seminar() -> SeminarForm {
        SeminarForm {
            editing: None,
            archived: false,
            code: String::new(),
            title: String::new(),
            description: String::new(),
            provider: String::new(),
            format: SeminarFormat::InPerson,
            hours: String::new(),
            topic: String::new(),
            errors: FieldErrors::default(),
            pending: None,
        }
    }

    fn edit(s: &Seminar) -> SeminarForm {
        SeminarForm {
            editing: Some(s.id),
            archived: s.archived,
            code: s.code.clone(),
            title: s.title.clone(),
            description: s.description.clone(),
            provider: s.provider.clone(),
            format: s.format,
            hours: fmt_hours(s.default_hours),
            topic: s.topic.clone(),
            errors: FieldErrors::default(),
            pending: None,
        }
    }

    fn owns(&self, ticket: Ticket) -> bool {
        self.pending == Some(ticket)
    }

    fn input(&self) -> std::result::Result<SeminarInput, FieldErrors> {
        let hours = if self.hours.trim().is_empty() {
            Some(0.0)
        } else {
            crate::app::training::worker::parse_hours(&self.hours)
        };
        let Some(default_hours) = hours else {
            let mut errors = FieldErrors::default();
            errors.push(
                Field::DefaultHours,
                ta(
                    "apptr-invalid-hours",
                    &[("text", Arg::from(self.hours.trim()))],
                ),
            );
            return Err(errors);
        };
        Ok(SeminarInput {
            code: self.code.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            provider: self.provider.clone(),
            format: self.format,
            default_hours,
            topic: self.topic.clone(),
        })
    }

    fn send(&mut self, worker: &mut Worker, command: TrainingCommand) {
        self.pending = Some(worker.send(Command::Training(command)));
    }

    /// Takes the answer to this form's command; returns the seminar saved, if one was.
    fn on_finished(
        &mut self,
        result: Result<Outcome>,
        data: Option<&Data>,
        notices: &mut Notices,
    ) -> Option<SeminarId> {
        self.pending = None;
        match result {
            Ok(Outcome::Training(outcome)) => {
                let (id, key) = match outcome {
                    TrainingOutcome::SeminarSaved(id) if self.editing.is_none() => {
                        (id, "apptr-seminar-added")
                    }
                    TrainingOutcome::SeminarSaved(id) => (id, "apptr-seminar-saved"),
                    TrainingOutcome::SeminarArchived(id, true) => (id, "apptr-seminar-archived"),
                    TrainingOutcome::SeminarArchived(id, false) => (id, "apptr-seminar-unarchived"),
                    _ => return None,
                };
                let seminar = data.and_then(|d| d.training.seminar(id))?;
                notices.success(ta(key, &[("code", Arg::from(&seminar.code))]));
                *self = SeminarForm::edit(seminar);
                Some(id)
            }
            Ok(_) => None,
            Err(error) => {
                self.errors = FieldErrors::from_error(&error, &SEMINAR_FIELDS);
                None
            }
        }
    }
}

fn seminar_form_ui(
    ui: &mut Ui,
    form: &mut SeminarForm,
    data: &Data,
    worker: &mut Worker,
) -> FormAction {
    let mut action = FormAction::Stay;
    ui.add_space(8.0);
    ui.heading(match form.editing {
        Some(_) => t("apptr-seminar-edit-title"),
        None => t("apptr-seminar-new-title"),
    });
    if form.archived {
        ui.label(RichText::new(t("apptr-seminar-is-archived")).color(MUTED));
    }
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .show(ui, |ui| {
            let enabled = form.pending.is_none();
            let mut submit = false;
            let errors = form.errors.clone();
            let errs = |f: Field| errors.for_field(f).collect::<Vec<_>>();
            egui::Grid::new("seminar-form-grid")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .min_col_width(110.0)
                .show(ui, |ui| {
                    submit |= entered(&form_row(
                        ui,
                        Field::SeminarCode.label(),
                        &errs(Field::SeminarCode),
                        |ui| ui.add_enabled(enabled, text_field(&mut form.code)),
                    ));
                    submit |= entered(&form_row(
                        ui,
                        Field::SeminarTitle.label(),
                        &errs(Field::SeminarTitle),
                        |ui| ui.add_enabled(enabled, text_field(&mut form.title)),
                    ));
                    submit |= entered(&form_row(
                        ui,
                        Field::Provider.label(),
                        &errs(Field::Provider),
                        |ui| {
                            ui.add_enabled(
                                enabled,
                                text_field(&mut form.provider).hint_text(t("apptr-provider-hint")),
                            )
                        },
                    ));
                    form_row(ui, t("train-col-format"), &[], |ui| {
                        let current = form.format;
                        ui.add_enabled_ui(enabled, |ui| {
                            egui::ComboBox::from_id_salt("seminar-format")
                                .selected_text(format_label(current))
                                .show_ui(ui, |ui| {
                                    for f in SeminarFormat::ALL {
                                        ui.selectable_value(&mut form.format, f, format_label(f));
                                    }
                                })
                                .response
                        })
                        .inner
                    });
                    submit |= entered(&form_row(
                        ui,
                        Field::DefaultHours.label(),
                        &errs(Field::DefaultHours),
                        |ui| {
                            ui.add_enabled(
                                enabled,
                                egui::TextEdit::singleline(&mut form.hours)
                                    .desired_width(80.0)
                                    .hint_text(t("apptr-hours-hint")),
                            )
                        },
                    ));
                    submit |= entered(&form_row(
                        ui,
                        Field::Topic.label(),
                        &errs(Field::Topic),
                        |ui| {
                            ui.add_enabled(
                                enabled,
                                text_field(&mut form.topic).hint_text(t("apptr-topic-hint")),
                            )
                        },
                    ));
                    form_row(
                        ui,
                        Field::Description.label(),
                        &errs(Field::Description),
                        |ui| {
                            ui.add_enabled(
                                enabled,
                                egui::TextEdit::multiline(&mut form.description)
                                    .desired_rows(4)
                                    .desired_width(f32::INFINITY),
                            )
                        },
                    );
                });
            ui.add_space(8.0);
            for message in &form.errors.general {
                error_label(ui, message);
            }
            let busy = form.pending.is_some();
            ui.horizontal(|ui| {
                let save = ui.add_enabled(!busy, primary_button(t("app-save")));
                if save.clicked() || (submit && !busy) {
                    match form.input() {
                        Err(errors) => form.errors = errors,
                        Ok(input) => {
                            form.errors = FieldErrors::default();
                            let command = match form.editing {
                                Some(id) => TrainingCommand::UpdateSeminar(id, input),
                                None => TrainingCommand::AddSeminar(input),
                            };
                            form.send(worker, command);
                        }
                    }
                }
                if ui.button(t("app-close")).clicked() {
                    action = FormAction::Close;
                }
                if busy {
                    ui.spinner();
                }
            });
            if let Some(id) = form.editing {
                ui.add_space(16.0);
                ui.separator();
                let sessions = data
                    .training
                    .seminars
                    .iter()
                    .position(|s| s.id == id)
                    .map_or(0, |i| data.training.session_counts[i]);
                ui.label(ta(
                    "apptr-seminar-sessions",
                    &[("count", Arg::from(sessions))],
                ));
                ui.horizontal(|ui| {
                    if !form.archived
                        && ui
                            .add_enabled(!busy, egui::Button::new(t("apptr-session-add-for")))
                            .clicked()
                    {
                        action = FormAction::NewSessionOf(id);
                    }
                    let (key, archive) = if form.archived {
                        ("apptr-seminar-unarchive", false)
                    } else {
                        ("apptr-seminar-archive", true)
                    };
                    if ui
                        .add_enabled(!busy, egui::Button::new(t(key)))
                        .on_hover_text(t("apptr-seminar-archive-hint"))
                        .clicked()
                    {
                        form.send(worker, TrainingCommand::SetSeminarArchived(id, archive));
                    }
                });
            }
        });
    if !egui::Popup::is_any_open(ui.ctx()) && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        action = FormAction::Close;
    }
    action
}

// ---------------------------------------------------------------------------------------
// The session form

/// What the session form's last command was, to repeat it once the user confirmed.
#[derive(Clone)]
enum SessionRequest {
    Save(SessionInput),
    Delete,
}

/// What a session form's answer means for the screen.
enum SessionFormEvent {
    None,
    Saved(SessionId),
    Deleted(SessionId),
}

/// The session fields as typed (dates and times as text), and what happened to the last
/// save or delete.
pub(crate) struct SessionForm {
    editing: Option<SessionId>,
    seminar: Option<SeminarId>,
    start_date: String,
    start_time: String,
    /// Empty: the same day as the start.
    end_date: String,
    end_time: String,
    location: String,
    trainer: String,
    capacity: String,
    errors: FieldErrors,
    pending: Option<Ticket>,
    request: Option<SessionRequest>,
    /// The service's question before changing or deleting a session with attendance.
    confirm: Option<(String, SessionRequest)>,
}

const SESSION_FIELDS: [Field; 6] = [
    Field::Seminar,
    Field::SessionStart,
    Field::SessionEnd,
    Field::Location,
    Field::Trainer,
    Field::Capacity,
];

/// A time as users type it: "9", "09:30", "9.30", "0930"; `None` for anything else.
pub(crate) fn parse_time(text: &str) -> Option<NaiveTime> {
    let s = text.trim().trim_end_matches(" Uhr").trim();
    if s.is_empty() {
        return None;
    }
    let (h, m) = match s.split_once([':', '.']) {
        Some((h, m)) => (h, m),
        None if s.len() <= 2 => (s, "0"),
        None if s.len() == 4 => s.split_at(2),
        None => return None,
    };
    let h: u32 = h.trim().parse().ok()?;
    let m: u32 = m.trim().parse().ok()?;
    NaiveTime::from_hms_opt(h, m, 0)
}

impl SessionForm {
    /// An empty form for a new session of `seminar` (start and end times proposed).
    fn new_session(seminar: Option<SeminarId>) -> SessionForm {
        SessionForm {
            editing: None,
            seminar,
            start_date: String::new(),
            start_time: "09:00".to_owned(),
            end_date: String::new(),
            end_time: "16:00".to_owned(),
            location: String::new(),
            trainer: String::new(),
            capacity: String::new(),
            errors: FieldErrors::default(),
            pending: None,
            request: None,
            confirm: None,
        }
    }

    fn edit(view: &SessionView) -> SessionForm {
        let s = &view.row.session;
        let same_day = s.starts_at.date() == s.ends_at.date();
        SessionForm {
            editing: Some(s.id),
            seminar: Some(s.seminar_id),
            start_date: fmt_date(s.starts_at.date()),
            start_time: s.starts_at.format("%H:%M").to_string(),
            end_date: if same_day {
                String::new()
            } else {
                fmt_date(s.ends_at.date())
            },
            end_time: s.ends_at.format("%H:%M").to_string(),
            location: s.location.clone(),
            trainer: s.trainer.clone(),
            capacity: s.capacity.map(|c| c.to_string()).unwrap_or_default(),
            errors: FieldErrors::default(),
            pending: None,
            request: None,
            confirm: None,
        }
    }

    fn owns(&self, ticket: Ticket) -> bool {
        self.pending == Some(ticket)
    }

    /// The input with parsed dates, times and capacity, or the messages for what cannot be read.
    fn input(&self) -> std::result::Result<SessionInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let Some(seminar_id) = self.seminar else {
            errors.push(Field::Seminar, t("apptr-choose-seminar"));
            return Err(errors);
        };
        let mut moment = |date: &str, time: &str, field: Field, default: Option<NaiveDate>| {
            let date_text = date.trim();
            let day = if date_text.is_empty() {
                if default.is_none() {
                    errors.push(field, t("apptr-date-missing"));
                }
                default
            } else {
                let day = parse_date(date_text);
                if day.is_none() {
                    errors.push(
                        field,
                        ta("app-invalid-date", &[("text", Arg::from(date_text))]),
                    );
                }
                day
            };
            let at = parse_time(time);
            if at.is_none() {
                errors.push(
                    field,
                    ta("apptr-invalid-time", &[("text", Arg::from(time.trim()))]),
                );
            }
            day.zip(at).map(|(d, t)| NaiveDateTime::new(d, t))
        };
        let starts_at = moment(
            &self.start_date,
            &self.start_time,
            Field::SessionStart,
            None,
        );
        let ends_at = moment(
            &self.end_date,
            &self.end_time,
            Field::SessionEnd,
            starts_at.map(|s| s.date()),
        );
        let capacity = match self.capacity.trim() {
            "" => None,
            text => match text.parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    errors.push(
                        Field::Capacity,
                        ta("apptr-invalid-capacity", &[("text", Arg::from(text))]),
                    );
                    None
                }
            },
        };
        match (starts_at, ends_at) {
            (Some(starts_at), Some(ends_at)) if errors.is_empty() => Ok(SessionInput {
                seminar_id,
                starts_at,
                ends_at,
                location: self.location.clone(),
                trainer: self.trainer.clone(),
                capacity,
            }),
            _ => Err(errors),
        }
    }

    fn send(&mut self, worker: &mut Worker, request: SessionRequest, confirmed: bool) {
        let command = match (&request, self.editing) {
            (SessionRequest::Save(input), None) => TrainingCommand::AddSession(input.clone()),
            (SessionRequest::Save(input), Some(id)) => TrainingCommand::UpdateSession {
                id,
                input: input.clone(),
                confirmed,
            },
            (SessionRequest::Delete, Some(id)) => TrainingCommand::DeleteSession { id, confirmed },
            (SessionRequest::Delete, None) => return,
        };
        self.request = Some(request);
        self.pending = Some(worker.send(Command::Training(command)));
    }

    fn on_finished(
        &mut self,
        result: Result<Outcome>,
        data: Option<&Data>,
        notices: &mut Notices,
    ) -> SessionFormEvent {
        self.pending = None;
        let request = self.request.take();
        match result {
            Ok(Outcome::Training(TrainingOutcome::SessionSaved(id))) => {
                let key = if self.editing.is_some() {
                    "apptr-session-saved"
                } else {
                    "apptr-session-added"
                };
                if let Some(view) = data.and_then(|d| d.training.session(id)) {
                    notices.success(ta(
                        key,
                        &[
                            ("code", Arg::from(&view.row.seminar_code)),
                            ("when", Arg::from(session_when(&view.row.session))),
                        ],
                    ));
                    *self = SessionForm::edit(view);
                }
                SessionFormEvent::Saved(id)
            }
            Ok(Outcome::Training(TrainingOutcome::SessionDeleted(id, rows))) => {
                notices.success(ta("apptr-session-deleted", &[("rows", Arg::from(rows))]));
                SessionFormEvent::Deleted(id)
            }
            Ok(_) => SessionFormEvent::None,
            Err(Error::NeedsConfirmation(message)) => {
                if let Some(request) = request {
                    self.confirm = Some((message, request));
                }
                SessionFormEvent::None
            }
            Err(error) => {
                self.errors = FieldErrors::from_error(&error, &SESSION_FIELDS);
                SessionFormEvent::None
            }
        }
    }
}

fn session_form_ui(
    ui: &mut Ui,
    form: &mut SessionForm,
    data: &Data,
    worker: &mut Worker,
) -> FormAction {
    let mut action = FormAction::Stay;
    let training = &data.training;
    let view = form.editing.and_then(|id| training.session(id));
    ui.add_space(8.0);
    ui.heading(match view {
        Some(_) => t("apptr-session-edit-title"),
        None => t("apptr-session-new-title"),
    });
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .show(ui, |ui| {
            let enabled = form.pending.is_none() && form.confirm.is_none();
            let mut submit = false;
            let errors = form.errors.clone();
            let errs = |f: Field| errors.for_field(f).collect::<Vec<_>>();
            egui::Grid::new("session-form-grid")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .min_col_width(110.0)
                .show(ui, |ui| {
                    form_row(ui, Field::Seminar.label(), &errs(Field::Seminar), |ui| {
                        let selected = form
                            .seminar
                            .and_then(|id| training.seminar(id))
                            .map(seminar_label)
                            .unwrap_or_else(|| t("apptr-choose-seminar"));
                        ui.add_enabled_ui(enabled, |ui| {
                            egui::ComboBox::from_id_salt("session-seminar")
                                .selected_text(selected)
                                .width(ui.available_width().min(300.0))
                                .height(400.0)
                                .truncate()
                                .show_ui(ui, |ui| {
                                    for s in &training.seminars {
                                        if s.archived && form.seminar != Some(s.id) {
                                            continue;
                                        }
                                        ui.selectable_value(
                                            &mut form.seminar,
                                            Some(s.id),
                                            seminar_label(s),
                                        );
                                    }
                                })
                                .response
                        })
                        .inner
                    });
                    let date_hint = t("app-date-hint");
                    for (field, date, time, time_name, date_hint) in [
                        (
                            Field::SessionStart,
                            &mut form.start_date,
                            &mut form.start_time,
                            t("apptr-start-time"),
                            date_hint.clone(),
                        ),
                        (
                            Field::SessionEnd,
                            &mut form.end_date,
                            &mut form.end_time,
                            t("apptr-end-time"),
                            t("apptr-end-date-hint"),
                        ),
                    ] {
                        let label = ui.label(field.label());
                        ui.vertical(|ui| {
                            ui.horizontal(|ui| {
                                submit |= entered(
                                    &ui.add_enabled(
                                        enabled,
                                        egui::TextEdit::singleline(date)
                                            .desired_width(120.0)
                                            .hint_text(date_hint),
                                    )
                                    .labelled_by(label.id),
                                );
                                ui.label(t("apptr-at"));
                                submit |= entered(
                                    &ui.add_enabled(
                                        enabled,
                                        egui::TextEdit::singleline(time)
                                            .desired_width(60.0)
                                            .hint_text(t("apptr-time-hint")),
                                    )
                                    .accessible_name(time_name),
                                );
                                ui.label(t("apptr-oclock"));
                            });
                            for message in errs(field) {
                                error_label(ui, message);
                            }
                        });
                        ui.end_row();
                    }
                    submit |= entered(&form_row(
                        ui,
                        Field::Location.label(),
                        &errs(Field::Location),
                        |ui| {
                            ui.add_enabled(
                                enabled,
                                text_field(&mut form.location).hint_text(t("apptr-location-hint")),
                            )
                        },
                    ));
                    submit |= entered(&form_row(
                        ui,
                        Field::Trainer.label(),
                        &errs(Field::Trainer),
                        |ui| ui.add_enabled(enabled, text_field(&mut form.trainer)),
                    ));
                    submit |= entered(&form_row(
                        ui,
                        Field::Capacity.label(),
                        &errs(Field::Capacity),
                        |ui| {
                            ui.add_enabled(
                                enabled,
                                egui::TextEdit::singleline(&mut form.capacity)
                                    .desired_width(140.0)
                                    .hint_text(t("apptr-capacity-hint")),
                            )
                        },
                    ));
                });
            ui.add_space(8.0);
            for message in &form.errors.general {
                error_label(ui, message);
            }
            let busy = !enabled;
            ui.horizontal(|ui| {
                let save = ui.add_enabled(!busy, primary_button(t("app-save")));
                if save.clicked() || (submit && !busy) {
                    match form.input() {
                        Err(errors) => form.errors = errors,
                        Ok(input) => {
                            form.errors = FieldErrors::default();
                            form.send(worker, SessionRequest::Save(input), false);
                        }
                    }
                }
                if ui.button(t("app-close")).clicked() {
                    action = FormAction::Close;
                }
                if form.pending.is_some() {
                    ui.spinner();
                }
            });
            if let Some(view) = view {
                let s = &view.row.session;
                ui.add_space(16.0);
                ui.separator();
                ui.strong(t("apptr-roster-title"));
                let participants = match s.capacity {
                    Some(c) => ta(
                        "apptr-participants-of",
                        &[
                            ("count", Arg::from(view.row.participants)),
                            ("capacity", Arg::from(c)),
                        ],
                    ),
                    None => ta(
                        "apptr-participants",
                        &[("count", Arg::from(view.row.participants))],
                    ),
                };
                ui.label(participants);
                if ui
                    .add_enabled(!busy, primary_button(t("apptr-roster-open")))
                    .clicked()
                {
                    action = FormAction::OpenRoster(s.id);
                }
                ui.add_space(16.0);
                ui.separator();
                if ui
                    .add_enabled(!busy, egui::Button::new(t("apptr-session-delete")))
                    .on_hover_text(t("apptr-session-delete-hint"))
                    .clicked()
                {
                    form.send(worker, SessionRequest::Delete, false);
                }
            }
        });
    confirm_ui(ui, form, worker);
    if form.confirm.is_none()
        && !egui::Popup::is_any_open(ui.ctx())
        && ui.input(|i| i.key_pressed(egui::Key::Escape))
    {
        action = FormAction::Close;
    }
    action
}

/// The modal that asks before a session with attendance is changed or deleted; on "yes"
/// the request goes again, confirmed.
fn confirm_ui(ui: &mut Ui, form: &mut SessionForm, worker: &mut Worker) {
    let Some((message, request)) = form.confirm.clone() else {
        return;
    };
    let deleting = matches!(request, SessionRequest::Delete);
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("session-confirm")).show(ui.ctx(), |ui| {
        ui.set_max_width(440.0);
        ui.heading(if deleting {
            t("apptr-confirm-delete-title")
        } else {
            t("apptr-confirm-edit-title")
        });
        ui.add_space(8.0);
        ui.add(egui::Label::new(&message).wrap());
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            let yes = if deleting {
                danger_button(t("apptr-confirm-delete"))
            } else {
                primary_button(t("apptr-confirm-edit"))
            };
            if ui.add(yes).clicked() {
                answer = Some(true);
            }
            if ui.button(t("app-cancel")).clicked() {
                answer = Some(false);
            }
        });
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            answer = Some(false);
        }
    });
    match answer {
        Some(true) => {
            form.confirm = None;
            form.send(worker, request, true);
        }
        Some(false) => form.confirm = None,
        None => {}
    }
}

/// A button for an action that deletes something: white on red.
pub(crate) fn danger_button(text: impl Into<String>) -> egui::Button<'static> {
    egui::Button::new(RichText::new(text.into()).color(egui::Color32::WHITE)).fill(ERROR)
}

/// Draws a warning in a box that stands out (overbooked sessions and the like).
pub(crate) fn warning_banner(ui: &mut Ui, text: &str) {
    egui::Frame::new()
        .fill(egui::Color32::from_rgb(0xFD, 0xEC, 0xEA))
        .stroke(egui::Stroke::new(1.0, ERROR))
        .corner_radius(6)
        .inner_margin(egui::Margin::symmetric(12, 8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(RichText::new(text).color(ERROR).strong()).wrap());
        });
}

/// Draws a note in a calm box (the session has not started yet and the like).
pub(crate) fn info_banner(ui: &mut Ui, text: &str) {
    egui::Frame::new()
        .fill(egui::Color32::from_rgb(0xEE, 0xF4, 0xFB))
        .stroke(egui::Stroke::new(1.0, crate::app::widgets::style::BORDER))
        .corner_radius(6)
        .inner_margin(egui::Margin::symmetric(12, 8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            hint(ui, text);
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_as_people_type_them() {
        let hm = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(parse_time("9"), hm(9, 0));
        assert_eq!(parse_time("09:30"), hm(9, 30));
        assert_eq!(parse_time("9.30"), hm(9, 30));
        assert_eq!(parse_time("0930"), hm(9, 30));
        assert_eq!(parse_time("16:00 Uhr"), hm(16, 0));
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(parse_time("9:75"), None);
        assert_eq!(parse_time("neun"), None);
        assert_eq!(parse_time(""), None);
    }
}
