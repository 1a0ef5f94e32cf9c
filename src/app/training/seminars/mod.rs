//! The Seminars & Sessions screen: the sessions list (upcoming or past, filtered by
//! seminar, provider and dates, virtualised) with the session form beside it; the seminar
//! catalogue with its form; and the way into a session's roster.
//!
//! This file is the view model (the screen's state, the filtered and sorted lists, the
//! answers of the worker); [`view`] draws it, [`seminar_form`] and [`session_form`] are
//! the two forms beside the lists.

mod seminar_form;
mod session_form;
mod view;

pub(crate) use view::seminars_ui;

use crate::app::data::Data;
use crate::app::training::attendance_import::AttendanceImportState;
use crate::app::training::roster::RosterState;
use crate::app::widgets::Notices;
use crate::app::worker::{Outcome, Ticket, Worker};
use crate::error::Result;
use crate::i18n::{Arg, parse_date, ta};
use crate::model::{Seminar, SeminarId, SessionId};

use seminar_form::SeminarForm;
use session_form::{SessionForm, SessionFormEvent};

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

    /// Shows the sessions of `seminar` with the form for a new one (from "Bedarf &
    /// Planung"); the roster, if open, is closed.
    pub fn new_session_for(&mut self, seminar: SeminarId) {
        self.tab = Tab::Sessions;
        self.when = When::Upcoming;
        self.seminar_filter = Some(seminar);
        self.roster = None;
        self.selected_session = None;
        self.form = Some(SideForm::Session(Box::new(SessionForm::new_session(Some(
            seminar,
        )))));
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

    /// Writes the calendar file of the session open in the form to `path` (with the
    /// participants as attendees if `attendees`; a cancellation if `cancel`), as if the
    /// user had chosen the file in the save dialog. Returns false when no saved session
    /// is open in the form.
    pub fn write_calendar_to(
        &mut self,
        path: std::path::PathBuf,
        attendees: bool,
        cancel: bool,
        worker: &mut Worker,
    ) -> bool {
        match &mut self.form {
            Some(SideForm::Session(form)) => {
                form.set_calendar_attendees(attendees);
                form.write_calendar(path, cancel, worker)
            }
            _ => false,
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
        if let Some(SideForm::Session(form)) = &mut self.form
            && form.owns_calendar(ticket)
        {
            form.on_calendar_written(result, notices);
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

/// "DF-101 – Grundlagen der digitalen Verwaltung".
pub(crate) fn seminar_label(s: &Seminar) -> String {
    format!("{} – {}", s.code, s.title)
}

/// "12 / 20", or "12" without a capacity.
fn participants_text(participants: i64, capacity: Option<u32>) -> String {
    match capacity {
        Some(c) => format!("{participants} / {c}"),
        None => participants.to_string(),
    }
}
