//! The seminar form: a seminar of the catalogue, new or edited, with its checks and the
//! commands it sends.

use crate::app::widgets::write_button;
use egui::{RichText, Ui};

use crate::app::data::Data;
use crate::app::training::worker::{TrainingCommand, TrainingOutcome};
use crate::app::widgets::conflict::{Choice, Loaded, Shown, conflict_ui};
use crate::app::widgets::style::MUTED;
use crate::app::widgets::{FieldErrors, Notices, entered, error_label, form_row, text_field};
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::Result;
use crate::i18n::{Arg, fmt_hours, t, ta};
use crate::model::{Field, Seminar, SeminarFormat, SeminarId, SeminarInput, SessionId};
use crate::service::seminars::format_label;

/// What a side form asks of the screen.
pub(super) enum FormAction {
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
    /// The values the form was loaded with, to tell whether the user changed anything.
    original: Option<SeminarInput>,
    /// The stored version the form was loaded at, and a save refused because the seminar
    /// changed meanwhile.
    loaded: Loaded,
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
    pub(super) fn new_seminar() -> SeminarForm {
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
            original: None,
            loaded: Loaded::default(),
        }
    }

    pub(super) fn edit(s: &Seminar) -> SeminarForm {
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
            original: Some(s.input()),
            loaded: Loaded::at(s.version),
        }
    }

    /// When the stored seminar changed (another officer, the command line) and the user
    /// has not touched the form, shows the new values.
    fn follow_stored(&mut self, data: &Data) {
        if self.pending.is_some() {
            return;
        }
        if let Some(stored) = self.editing.and_then(|id| data.training.seminar(id))
            && self.loaded.outdated_by(stored.version)
            && self.input().ok() == self.original
        {
            *self = SeminarForm::edit(stored);
        }
    }

    /// The fields as the form shows them, for comparing an entry with the stored seminar.
    fn shown(&self) -> Shown {
        vec![
            (Field::SeminarCode.label(), self.code.clone()),
            (Field::SeminarTitle.label(), self.title.clone()),
            (Field::Provider.label(), self.provider.clone()),
            (t("train-col-format"), format_label(self.format)),
            (Field::DefaultHours.label(), self.hours.clone()),
            (Field::Topic.label(), self.topic.clone()),
            (Field::Description.label(), self.description.clone()),
        ]
    }

    /// Sends the form's entry to be saved, over the version it was loaded at.
    fn save(&mut self, worker: &mut Worker) {
        match self.input() {
            Err(errors) => self.errors = errors,
            Ok(input) => {
                self.errors = FieldErrors::default();
                self.loaded.conflict = None;
                let command = match (self.editing, self.loaded.version) {
                    (Some(id), Some(version)) => {
                        TrainingCommand::UpdateSeminar { id, version, input }
                    }
                    _ => TrainingCommand::AddSeminar(input),
                };
                self.send(worker, command);
            }
        }
    }

    pub(super) fn owns(&self, ticket: Ticket) -> bool {
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
    pub(super) fn on_finished(
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
                self.errors = if self.loaded.refused(&error) {
                    FieldErrors::default()
                } else {
                    FieldErrors::from_error(&error, &SEMINAR_FIELDS)
                };
                None
            }
        }
    }
}

pub(super) fn seminar_form_ui(
    ui: &mut Ui,
    form: &mut SeminarForm,
    data: &Data,
    worker: &mut Worker,
) -> FormAction {
    let mut action = FormAction::Stay;
    form.follow_stored(data);
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
            if let Some(conflict) = &form.loaded.conflict
                && let Some(stored) = form.editing.and_then(|id| data.training.seminar(id))
            {
                let stored = SeminarForm::edit(stored).shown();
                match conflict_ui(ui, conflict, &form.shown(), &stored, !busy) {
                    Choice::Reload => {
                        if let Some(s) = form.editing.and_then(|id| data.training.seminar(id)) {
                            *form = SeminarForm::edit(s);
                        }
                    }
                    Choice::Overwrite => {
                        form.loaded.overwrite();
                        form.save(worker);
                    }
                    Choice::Undecided => {}
                }
                ui.add_space(8.0);
            }
            let busy = form.pending.is_some();
            ui.horizontal(|ui| {
                let save = write_button(ui, !busy, t("app-save"));
                if save.clicked() || (submit && !busy) {
                    form.save(worker);
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
