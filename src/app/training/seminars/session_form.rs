//! The session form: a session of a seminar, new or edited, with its checks, the
//! confirmation for changes that touch a roster, and the commands it sends.

use crate::app::widgets::write_button;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use egui::Ui;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};

use crate::app::certificates::print::spawn_dialog;
use crate::app::data::Data;
use crate::app::training::worker::{SessionView, TrainingCommand, TrainingOutcome};
use crate::app::widgets::conflict::{Choice, Loaded, Shown, conflict_ui};
use crate::app::widgets::{
    FieldErrors, Notices, entered, error_label, form_row, hint, primary_button, text_field,
};
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::{Error, Result};
use crate::i18n::{Arg, fmt_date, fmt_session, parse_date, t, ta};
use crate::model::{Field, SeminarId, SessionId, SessionInput};
use crate::service::invitations::InvitationKind;

use super::seminar_form::FormAction;
use super::seminar_label;
use crate::app::widgets::danger_button;

// ---------------------------------------------------------------------------------------
// The session form

/// What the session form's last command was, to repeat it once the user confirmed.
#[derive(Clone)]
enum SessionRequest {
    Save(SessionInput),
    Delete,
}

/// What a session form's answer means for the screen.
pub(super) enum SessionFormEvent {
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
    /// The values the form was loaded with, to tell whether the user changed anything.
    original: Option<SessionInput>,
    /// The stored version the form was loaded at, and a save refused because the session
    /// changed meanwhile.
    loaded: Loaded,
    /// The calendar file: with the participants as attendees, the open save dialog (and
    /// whether it is for a cancellation), the command writing it.
    calendar: CalendarFile,
}

/// The calendar file (.ics) of a saved session, as the form asks for it.
#[derive(Default)]
struct CalendarFile {
    attendees: bool,
    dialog: Option<(Receiver<Option<PathBuf>>, bool)>,
    pending: Option<Ticket>,
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
    pub(super) fn new_session(seminar: Option<SeminarId>) -> SessionForm {
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
            original: None,
            loaded: Loaded::default(),
            calendar: CalendarFile::default(),
        }
    }

    pub(super) fn edit(view: &SessionView) -> SessionForm {
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
            original: Some(s.input()),
            loaded: Loaded::at(s.version),
            calendar: CalendarFile::default(),
        }
    }

    /// When the stored session changed (another officer, the command line) and the user
    /// has not touched the form, shows the new values.
    fn follow_stored(&mut self, data: &Data) {
        if self.pending.is_some() || self.confirm.is_some() {
            return;
        }
        if let Some(view) = self.editing.and_then(|id| data.training.session(id))
            && self.loaded.outdated_by(view.row.session.version)
            && self.input().ok() == self.original
        {
            *self = SessionForm::edit(view);
        }
    }

    /// The fields as the form shows them, for comparing an entry with the stored session.
    fn shown(&self, data: &Data) -> Shown {
        let seminar = self
            .seminar
            .and_then(|id| data.training.seminar(id))
            .map(seminar_label)
            .unwrap_or_default();
        let when = |date: &str, time: &str| format!("{} {}", date.trim(), time.trim());
        vec![
            (Field::Seminar.label(), seminar),
            (
                Field::SessionStart.label(),
                when(&self.start_date, &self.start_time),
            ),
            (
                Field::SessionEnd.label(),
                when(&self.end_date, &self.end_time),
            ),
            (Field::Location.label(), self.location.clone()),
            (Field::Trainer.label(), self.trainer.clone()),
            (Field::Capacity.label(), self.capacity.clone()),
        ]
    }

    /// Sends the form's entry to be saved, over the version it was loaded at.
    fn save(&mut self, worker: &mut Worker) {
        match self.input() {
            Err(errors) => self.errors = errors,
            Ok(input) => {
                self.errors = FieldErrors::default();
                self.loaded.conflict = None;
                self.send(worker, SessionRequest::Save(input), false);
            }
        }
    }

    pub(super) fn owns(&self, ticket: Ticket) -> bool {
        self.pending == Some(ticket)
    }

    /// Whether `ticket` is the command writing this form's calendar file.
    pub(super) fn owns_calendar(&self, ticket: Ticket) -> bool {
        self.calendar.pending == Some(ticket)
    }

    /// Writes the saved session's invitation (or, with `cancel`, its cancellation) to
    /// `path` on the worker, with the participants as attendees if the box is ticked.
    /// Returns false when the form holds no saved session.
    pub(super) fn write_calendar(
        &mut self,
        path: PathBuf,
        cancel: bool,
        worker: &mut Worker,
    ) -> bool {
        let Some(session) = self.editing else {
            return false;
        };
        let kind = InvitationKind {
            attendees: self.calendar.attendees,
            cancel,
        };
        self.calendar.pending = Some(worker.send(Command::Training(
            TrainingCommand::WriteCalendar {
                session,
                kind,
                path,
            },
        )));
        true
    }

    /// Ticks or clears "with participants as attendees".
    pub(super) fn set_calendar_attendees(&mut self, attendees: bool) {
        self.calendar.attendees = attendees;
    }

    /// Shows what became of the calendar file.
    pub(super) fn on_calendar_written(&mut self, result: Result<Outcome>, notices: &mut Notices) {
        self.calendar.pending = None;
        match result {
            Ok(Outcome::Training(TrainingOutcome::CalendarWritten(message))) => {
                notices.success(message);
            }
            Ok(_) => {}
            Err(error) => notices.error(error.user_message()),
        }
    }

    /// Opens the save dialog for the calendar file on a thread of its own.
    fn choose_calendar_file(&mut self, ctx: &egui::Context, file_name: String, cancel: bool) {
        let title = t(if cancel {
            "appics-cancel"
        } else {
            "appics-invitation"
        });
        let filter = t("appics-file-filter");
        match spawn_dialog(ctx, move || {
            rfd::FileDialog::new()
                .set_title(title.trim_end_matches(['…', ' ']))
                .add_filter(filter, &["ics"])
                .set_file_name(file_name)
                .save_file()
        }) {
            Ok(rx) => self.calendar.dialog = Some((rx, cancel)),
            Err(e) => self.errors.general.push(e.user_message()),
        }
    }

    /// Takes the save dialog's answer, if it came, and has the file written.
    fn poll_calendar_dialog(&mut self, worker: &mut Worker) {
        let Some((rx, cancel)) = &self.calendar.dialog else {
            return;
        };
        let cancel = *cancel;
        match rx.try_recv() {
            Ok(Some(path)) => {
                self.calendar.dialog = None;
                let path = if path.extension().is_none() {
                    path.with_extension("ics")
                } else {
                    path
                };
                self.write_calendar(path, cancel, worker);
            }
            Ok(None) | Err(TryRecvError::Disconnected) => self.calendar.dialog = None,
            Err(TryRecvError::Empty) => {}
        }
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
        let command = match (&request, self.editing, self.loaded.version) {
            (SessionRequest::Save(input), Some(id), Some(version)) => {
                TrainingCommand::UpdateSession {
                    id,
                    version,
                    input: input.clone(),
                    confirmed,
                }
            }
            (SessionRequest::Save(input), _, _) => TrainingCommand::AddSession(input.clone()),
            (SessionRequest::Delete, Some(id), _) => {
                TrainingCommand::DeleteSession { id, confirmed }
            }
            (SessionRequest::Delete, None, _) => return,
        };
        self.request = Some(request);
        self.pending = Some(worker.send(Command::Training(command)));
    }

    pub(super) fn on_finished(
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
                            (
                                "when",
                                Arg::from(fmt_session(
                                    view.row.session.starts_at,
                                    view.row.session.ends_at,
                                )),
                            ),
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
                self.errors = if self.loaded.refused(&error) {
                    FieldErrors::default()
                } else {
                    FieldErrors::from_error(&error, &SESSION_FIELDS)
                };
                SessionFormEvent::None
            }
        }
    }
}

pub(super) fn session_form_ui(
    ui: &mut Ui,
    form: &mut SessionForm,
    data: &Data,
    worker: &mut Worker,
) -> FormAction {
    let mut action = FormAction::Stay;
    form.follow_stored(data);
    form.poll_calendar_dialog(worker);
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
            if let (Some(conflict), Some(view)) = (&form.loaded.conflict, view) {
                let stored = SessionForm::edit(view).shown(data);
                match conflict_ui(ui, conflict, &form.shown(data), &stored, !busy) {
                    Choice::Reload => *form = SessionForm::edit(view),
                    Choice::Overwrite => {
                        form.loaded.overwrite();
                        form.save(worker);
                    }
                    Choice::Undecided => {}
                }
                ui.add_space(8.0);
            }
            ui.horizontal(|ui| {
                let save = write_button(ui, !busy, t("app-save"));
                if save.clicked() || (submit && !busy) {
                    form.save(worker);
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
                calendar_ui(ui, form, view, data);
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

/// The calendar file of a saved session: "Einladung (.ics) …" and "Absage (.ics) …",
/// with or without the participants as attendees.
fn calendar_ui(ui: &mut Ui, form: &mut SessionForm, view: &SessionView, data: &Data) {
    ui.strong(t("appics-title"));
    let idle = form.calendar.dialog.is_none() && form.calendar.pending.is_none();
    ui.add_enabled(
        idle,
        egui::Checkbox::new(&mut form.calendar.attendees, t("appics-with-attendees")),
    );
    let code: String = view
        .row
        .seminar_code
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let date = view.row.session.starts_at.format("%Y-%m-%d");
    ui.horizontal(|ui| {
        for (label, name, cancel) in [
            ("appics-invitation", "appics-file-name", false),
            ("appics-cancel", "appics-cancel-file-name", true),
        ] {
            if ui.add_enabled(idle, egui::Button::new(t(label))).clicked() {
                let file_name = format!("{}_{code}_{date}.ics", t(name));
                form.choose_calendar_file(ui.ctx(), file_name, cancel);
            }
        }
        if !idle {
            ui.spinner();
        }
    });
    hint(ui, &t("appics-hint"));
    if data.organizer_email.trim().is_empty() {
        hint(ui, &t("appics-no-organizer"));
    }
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
