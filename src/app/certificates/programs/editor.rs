//! The program editor: titles, validity and the requirements of a program (seminars,
//! hours, other programs), with its checks and the commands it sends.

use crate::app::widgets::write_button;
use egui::{Align, Layout, RichText, Ui};

use crate::app::certificates::worker::{CertCommand, CertData, ProgramView};
use crate::app::widgets::conflict::{Choice, Loaded, Shown, conflict_ui};
use crate::app::widgets::style::{BORDER, MUTED};
use crate::app::widgets::{FieldErrors, error_label, form_row, hint, text_field};
use crate::app::worker::{Command, Ticket, Worker};
use crate::i18n::{Arg, t, ta};
use crate::model::{Field, ProgramId, ProgramInput, ProgramTitles, Requirement, SeminarId};

/// The fields of the editor, for sorting a refusal's messages.
pub(super) const FIELDS: [Field; 9] = [
    Field::ProgramCode,
    Field::SerialPrefix,
    Field::TitleDeMale,
    Field::TitleDeFemale,
    Field::TitleDeNeutral,
    Field::TitleEn,
    Field::Description,
    Field::ValidityMonths,
    Field::Requirements,
];

/// A requirement as edited: a picker may still be empty.
#[derive(Debug, Clone, PartialEq)]
enum RequirementDraft {
    Seminar(Option<SeminarId>),
    AtLeastN { n: u32, seminars: Vec<SeminarId> },
    TopicHours { topic: String, hours: f64 },
    Prerequisite(Option<ProgramId>),
}

impl RequirementDraft {
    fn from_requirement(r: &Requirement) -> RequirementDraft {
        match r {
            Requirement::Seminar(s) => RequirementDraft::Seminar(Some(*s)),
            Requirement::AtLeastN { n, seminars } => RequirementDraft::AtLeastN {
                n: *n,
                seminars: seminars.clone(),
            },
            Requirement::TopicHours { topic, hours } => RequirementDraft::TopicHours {
                topic: topic.clone(),
                hours: *hours,
            },
            Requirement::Prerequisite(p) => RequirementDraft::Prerequisite(Some(*p)),
        }
    }

    fn kind_key(&self) -> &'static str {
        match self {
            RequirementDraft::Seminar(_) => "appcert-req-kind-seminar",
            RequirementDraft::AtLeastN { .. } => "appcert-req-kind-n-of",
            RequirementDraft::TopicHours { .. } => "appcert-req-kind-hours",
            RequirementDraft::Prerequisite(_) => "appcert-req-kind-prerequisite",
        }
    }

    /// The requirement, or the message for a picker left empty.
    fn requirement(&self) -> Result<Requirement, String> {
        match self {
            RequirementDraft::Seminar(Some(s)) => Ok(Requirement::Seminar(*s)),
            RequirementDraft::Seminar(None) => Err(t("appcert-req-choose-seminar")),
            RequirementDraft::AtLeastN { n, seminars } => Ok(Requirement::AtLeastN {
                n: *n,
                seminars: seminars.clone(),
            }),
            RequirementDraft::TopicHours { topic, hours } => Ok(Requirement::TopicHours {
                topic: topic.clone(),
                hours: *hours,
            }),
            RequirementDraft::Prerequisite(Some(p)) => Ok(Requirement::Prerequisite(*p)),
            RequirementDraft::Prerequisite(None) => Err(t("appcert-req-choose-program")),
        }
    }
}

/// What the pending command does, for the message after it succeeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PendingKind {
    Save,
    Archive,
    Unarchive,
}

/// The form to add or edit a program with its requirements.
#[derive(Clone)]
pub(crate) struct ProgramEditor {
    /// `None` while adding a new program.
    pub editing: Option<ProgramId>,
    archived: bool,
    code: String,
    serial_prefix: String,
    de_male: String,
    de_female: String,
    de_neutral: String,
    en: String,
    description: String,
    /// Months as typed; empty = no expiry.
    validity: String,
    allow_partial: bool,
    requirements: Vec<RequirementDraft>,
    pub(super) errors: FieldErrors,
    /// Messages for single requirements (by position), found before sending.
    requirement_errors: Vec<(usize, String)>,
    pub(super) pending: Option<Ticket>,
    pub(super) pending_kind: PendingKind,
    /// The values the editor was loaded with, to tell whether the user changed anything.
    original: Option<ProgramInput>,
    /// The stored version the editor was loaded at, and a save refused because the
    /// program changed meanwhile.
    pub(super) loaded: Loaded,
}

impl ProgramEditor {
    /// An empty form for a new program.
    pub fn new_program() -> ProgramEditor {
        ProgramEditor {
            editing: None,
            archived: false,
            code: String::new(),
            serial_prefix: String::new(),
            de_male: String::new(),
            de_female: String::new(),
            de_neutral: String::new(),
            en: String::new(),
            description: String::new(),
            validity: String::new(),
            allow_partial: false,
            requirements: Vec::new(),
            errors: FieldErrors::default(),
            requirement_errors: Vec::new(),
            pending: None,
            pending_kind: PendingKind::Save,
            original: None,
            loaded: Loaded::default(),
        }
    }

    /// The form filled with `view`'s program.
    pub fn edit(view: &ProgramView) -> ProgramEditor {
        let p = &view.program;
        ProgramEditor {
            editing: Some(p.id),
            archived: p.archived,
            code: p.code.clone(),
            serial_prefix: p.serial_prefix.clone(),
            de_male: p.titles.de_male.clone(),
            de_female: p.titles.de_female.clone(),
            de_neutral: p.titles.de_neutral.clone(),
            en: p.titles.en.clone(),
            description: p.description.clone(),
            validity: p.validity_months.map(|m| m.to_string()).unwrap_or_default(),
            allow_partial: p.allow_partial,
            requirements: p
                .requirements
                .iter()
                .map(RequirementDraft::from_requirement)
                .collect(),
            original: Some(p.input()),
            loaded: Loaded::at(p.version),
            ..ProgramEditor::new_program()
        }
    }

    /// When the stored program changed (another officer, the command line) and the user
    /// has not touched the editor, shows the new values.
    fn follow_stored(&mut self, certs: &CertData) {
        if self.pending.is_some() {
            return;
        }
        if let Some(view) = self.editing.and_then(|id| certs.program(id))
            && self.loaded.outdated_by(view.program.version)
            && self.clone().input() == self.original
        {
            *self = ProgramEditor::edit(view);
        }
    }

    /// The fields as the editor shows them, for comparing an entry with the stored program.
    fn shown(&self, certs: &CertData) -> Shown {
        let requirements = self
            .requirements
            .iter()
            .filter_map(|d| d.requirement().ok())
            .map(|r| super::requirement_label(&r, certs))
            .collect::<Vec<_>>()
            .join("; ");
        let yes_no = |b: bool| t(if b { "report-yes" } else { "report-no" });
        vec![
            (Field::ProgramCode.label(), self.code.clone()),
            (Field::SerialPrefix.label(), self.serial_prefix.clone()),
            (Field::TitleDeMale.label(), self.de_male.clone()),
            (Field::TitleDeFemale.label(), self.de_female.clone()),
            (Field::TitleDeNeutral.label(), self.de_neutral.clone()),
            (Field::TitleEn.label(), self.en.clone()),
            (Field::Description.label(), self.description.clone()),
            (Field::ValidityMonths.label(), self.validity.clone()),
            (t("appcert-allow-partial"), yes_no(self.allow_partial)),
            (Field::Requirements.label(), requirements),
        ]
    }

    /// The input, or the messages for what cannot be sent.
    fn input(&mut self) -> Option<ProgramInput> {
        self.errors = FieldErrors::default();
        self.requirement_errors.clear();
        let validity = self.validity.trim();
        let validity_months = if validity.is_empty() {
            None
        } else {
            match validity.parse::<u32>() {
                Ok(m) => Some(m),
                Err(_) => {
                    self.errors.push(
                        Field::ValidityMonths,
                        ta(
                            "appcert-validity-not-a-number",
                            &[("text", Arg::from(validity))],
                        ),
                    );
                    None
                }
            }
        };
        let mut requirements = Vec::with_capacity(self.requirements.len());
        for (i, draft) in self.requirements.iter().enumerate() {
            match draft.requirement() {
                Ok(r) => requirements.push(r),
                Err(message) => self.requirement_errors.push((i, message)),
            }
        }
        if !self.errors.is_empty() || !self.requirement_errors.is_empty() {
            return None;
        }
        Some(ProgramInput {
            code: self.code.clone(),
            serial_prefix: self.serial_prefix.clone(),
            titles: ProgramTitles {
                de_male: self.de_male.clone(),
                de_female: self.de_female.clone(),
                de_neutral: self.de_neutral.clone(),
                en: self.en.clone(),
            },
            description: self.description.clone(),
            validity_months,
            allow_partial: self.allow_partial,
            requirements,
        })
    }

    fn save(&mut self, worker: &mut Worker) {
        let Some(input) = self.input() else {
            return;
        };
        self.loaded.conflict = None;
        let command = match (self.editing, self.loaded.version) {
            (Some(id), Some(version)) => CertCommand::UpdateProgram { id, version, input },
            _ => CertCommand::AddProgram(input),
        };
        self.pending = Some(worker.send(Command::Certs(command)));
        self.pending_kind = PendingKind::Save;
    }
}

/// Draws the editor; returns false when the user closed it.
pub(super) fn editor_ui(
    ui: &mut Ui,
    editor: &mut ProgramEditor,
    certs: &CertData,
    worker: &mut Worker,
) -> bool {
    let mut keep_open = true;
    editor.follow_stored(certs);
    ui.add_space(8.0);
    ui.heading(match editor.editing {
        Some(_) => ta(
            "appcert-program-edit-title",
            &[("code", Arg::from(editor.code.as_str()))],
        ),
        None => t("appcert-program-new-title"),
    });
    ui.add_space(6.0);
    let busy = editor.pending.is_some();
    let mut submitted = false;
    // The buttons stay in view below the scrolling form.
    let conflict_height = if editor.loaded.conflict.is_some() {
        260.0
    } else {
        0.0
    };
    let buttons_height = 48.0 + 22.0 * editor.errors.general.len() as f32 + conflict_height;
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .max_height((ui.available_height() - buttons_height).max(120.0))
        .show(ui, |ui| {
            submitted = editor_fields_ui(ui, editor);
            ui.add_space(10.0);
            requirements_ui(ui, editor, certs);
            if let Some(id) = editor.editing {
                ui.add_space(16.0);
                ui.separator();
                let (key, hint_key, archive) = if editor.archived {
                    (
                        "appcert-program-unarchive",
                        "appcert-program-unarchive-hint",
                        false,
                    )
                } else {
                    (
                        "appcert-program-archive",
                        "appcert-program-archive-hint",
                        true,
                    )
                };
                hint(ui, &t(hint_key));
                if ui.add_enabled(!busy, egui::Button::new(t(key))).clicked() {
                    editor.pending = Some(
                        worker.send(Command::Certs(CertCommand::SetProgramArchived(id, archive))),
                    );
                    editor.pending_kind = if archive {
                        PendingKind::Archive
                    } else {
                        PendingKind::Unarchive
                    };
                }
            }
            ui.add_space(8.0);
        });
    ui.separator();
    for message in &editor.errors.general {
        error_label(ui, message);
    }
    if let Some(conflict) = &editor.loaded.conflict
        && let Some(view) = editor.editing.and_then(|id| certs.program(id))
    {
        let stored = ProgramEditor::edit(view).shown(certs);
        match conflict_ui(ui, conflict, &editor.shown(certs), &stored, !busy) {
            Choice::Reload => *editor = ProgramEditor::edit(view),
            Choice::Overwrite => {
                editor.loaded.overwrite();
                editor.save(worker);
            }
            Choice::Undecided => {}
        }
    }
    ui.horizontal(|ui| {
        let save = write_button(ui, !busy, t("app-save"));
        if save.clicked() || (submitted && !busy) {
            editor.save(worker);
        }
        if ui.button(t("app-close")).clicked() {
            keep_open = false;
        }
        if busy {
            ui.spinner();
        }
        if !editor.errors.is_empty() || !editor.requirement_errors.is_empty() {
            ui.label(
                RichText::new(t("appcert-program-has-errors"))
                    .color(crate::app::widgets::style::ERROR),
            );
        }
    });
    if !egui::Popup::is_any_open(ui.ctx()) && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        keep_open = false;
    }
    keep_open
}

/// The program's own fields; returns true when the user pressed Enter in one of them.
fn editor_fields_ui(ui: &mut Ui, editor: &mut ProgramEditor) -> bool {
    let mut submit = false;
    let enabled = editor.pending.is_none();
    let errors = editor.errors.clone();
    let errs = |f: Field| errors.for_field(f).collect::<Vec<_>>();
    egui::Grid::new("appcert-program-grid")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .min_col_width(150.0)
        .show(ui, |ui| {
            let mut line = |ui: &mut Ui, field: Field, value: &mut String, hint_key: &str| {
                let r = form_row(ui, field.label(), &errs(field), |ui| {
                    ui.add_enabled(enabled, text_field(value).hint_text(t(hint_key)))
                });
                submit |= crate::app::widgets::entered(&r);
            };
            line(
                ui,
                Field::ProgramCode,
                &mut editor.code,
                "appcert-hint-code",
            );
            line(
                ui,
                Field::SerialPrefix,
                &mut editor.serial_prefix,
                "appcert-hint-prefix",
            );
            line(
                ui,
                Field::TitleDeMale,
                &mut editor.de_male,
                "appcert-hint-male",
            );
            line(
                ui,
                Field::TitleDeFemale,
                &mut editor.de_female,
                "appcert-hint-female",
            );
            line(
                ui,
                Field::TitleDeNeutral,
                &mut editor.de_neutral,
                "appcert-hint-neutral",
            );
            line(ui, Field::TitleEn, &mut editor.en, "appcert-hint-en");
            line(
                ui,
                Field::ValidityMonths,
                &mut editor.validity,
                "appcert-hint-validity",
            );
            form_row(
                ui,
                Field::Description.label(),
                &errs(Field::Description),
                |ui| {
                    ui.add_enabled(
                        enabled,
                        egui::TextEdit::multiline(&mut editor.description)
                            .desired_rows(2)
                            .desired_width(f32::INFINITY),
                    )
                },
            );
            ui.label("");
            ui.add_enabled(
                enabled,
                egui::Checkbox::new(&mut editor.allow_partial, t("appcert-allow-partial")),
            )
            .on_hover_text(t("appcert-allow-partial-hint"));
            ui.end_row();
        });
    submit
}

/// What a click next to a requirement asked for.
enum RequirementAction {
    Up(usize),
    Down(usize),
    Remove(usize),
}

/// The requirements: one frame each with its pickers, move and remove; then "add".
fn requirements_ui(ui: &mut Ui, editor: &mut ProgramEditor, certs: &CertData) {
    ui.label(
        RichText::new(Field::Requirements.label())
            .strong()
            .size(16.0),
    );
    for message in editor.errors.for_field(Field::Requirements) {
        error_label(ui, message);
    }
    if editor.requirements.is_empty() {
        hint(ui, &t("appcert-req-none"));
    }
    let enabled = editor.pending.is_none();
    let count = editor.requirements.len();
    let mut action = None;
    let editing = editor.editing;
    for (i, draft) in editor.requirements.iter_mut().enumerate() {
        egui::Frame::new()
            .stroke(egui::Stroke::new(1.0, BORDER))
            .corner_radius(6)
            .inner_margin(egui::Margin::symmetric(10, 6))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.label(RichText::new(format!("{}. {}", i + 1, t(draft.kind_key()))).strong());
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        if ui
                            .add_enabled(enabled, egui::Button::new("✕").small())
                            .on_hover_text(t("appcert-req-remove"))
                            .clicked()
                        {
                            action = Some(RequirementAction::Remove(i));
                        }
                        if ui
                            .add_enabled(enabled && i + 1 < count, egui::Button::new("↓").small())
                            .on_hover_text(t("appcert-req-down"))
                            .clicked()
                        {
                            action = Some(RequirementAction::Down(i));
                        }
                        if ui
                            .add_enabled(enabled && i > 0, egui::Button::new("↑").small())
                            .on_hover_text(t("appcert-req-up"))
                            .clicked()
                        {
                            action = Some(RequirementAction::Up(i));
                        }
                    });
                });
                ui.add_enabled_ui(enabled, |ui| {
                    requirement_fields_ui(ui, i, draft, certs, editing);
                });
                for (_, message) in editor.requirement_errors.iter().filter(|(j, _)| *j == i) {
                    error_label(ui, message);
                }
            });
        ui.add_space(4.0);
    }
    match action {
        Some(RequirementAction::Up(i)) => editor.requirements.swap(i, i - 1),
        Some(RequirementAction::Down(i)) => editor.requirements.swap(i, i + 1),
        Some(RequirementAction::Remove(i)) => {
            editor.requirements.remove(i);
        }
        None => {}
    }
    if action.is_some() {
        editor.requirement_errors.clear();
    }
    ui.add_space(4.0);
    ui.label(RichText::new(t("appcert-req-add")).color(MUTED));
    ui.horizontal_wrapped(|ui| {
        ui.add_enabled_ui(enabled, |ui| {
            if ui.button(t("appcert-req-add-seminar")).clicked() {
                editor.requirements.push(RequirementDraft::Seminar(None));
            }
            if ui.button(t("appcert-req-add-n-of")).clicked() {
                editor.requirements.push(RequirementDraft::AtLeastN {
                    n: 1,
                    seminars: Vec::new(),
                });
            }
            if ui.button(t("appcert-req-add-hours")).clicked() {
                editor.requirements.push(RequirementDraft::TopicHours {
                    topic: certs.topics.first().cloned().unwrap_or_default(),
                    hours: 8.0,
                });
            }
            if ui.button(t("appcert-req-add-prerequisite")).clicked() {
                editor
                    .requirements
                    .push(RequirementDraft::Prerequisite(None));
            }
        });
    });
}

/// The seminars a picker offers: those not archived, and those already chosen.
fn offered_seminars<'a>(
    certs: &'a CertData,
    chosen: &'a [SeminarId],
) -> impl Iterator<Item = &'a crate::model::Seminar> {
    certs
        .seminars
        .iter()
        .filter(move |s| !s.archived || chosen.contains(&s.id))
}

fn seminar_label(s: &crate::model::Seminar) -> String {
    format!("{} – {}", s.code, s.title)
}

/// The pickers of one requirement.
fn requirement_fields_ui(
    ui: &mut Ui,
    i: usize,
    draft: &mut RequirementDraft,
    certs: &CertData,
    editing: Option<ProgramId>,
) {
    match draft {
        RequirementDraft::Seminar(choice) => {
            ui.horizontal(|ui| {
                let label = ui.label(t("field-seminar"));
                let chosen: Vec<SeminarId> = choice.iter().copied().collect();
                let text = choice
                    .and_then(|id| certs.seminar(id))
                    .map(seminar_label)
                    .unwrap_or_else(|| t("appcert-req-choose-seminar"));
                egui::ComboBox::from_id_salt(("appcert-req-seminar", i))
                    .selected_text(text)
                    .width(ui.available_width().min(360.0))
                    .height(360.0)
                    .truncate()
                    .show_ui(ui, |ui| {
                        for s in offered_seminars(certs, &chosen) {
                            ui.selectable_value(choice, Some(s.id), seminar_label(s));
                        }
                    })
                    .response
                    .labelled_by(label.id);
            });
        }
        RequirementDraft::AtLeastN { n, seminars } => {
            ui.horizontal(|ui| {
                let label = ui.label(t("appcert-req-at-least"));
                let max = seminars.len().max(1) as u32;
                ui.add(egui::DragValue::new(n).range(1..=max).speed(0.1))
                    .labelled_by(label.id);
                ui.label(ta(
                    "appcert-req-of-chosen",
                    &[("count", Arg::from(seminars.len()))],
                ));
            });
            let chosen = seminars.clone();
            egui::ScrollArea::vertical()
                .id_salt(("appcert-req-n-of-list", i))
                .max_height(170.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for s in offered_seminars(certs, &chosen) {
                        let mut on = seminars.contains(&s.id);
                        if ui.checkbox(&mut on, seminar_label(s)).changed() {
                            if on {
                                seminars.push(s.id);
                            } else {
                                seminars.retain(|x| *x != s.id);
                            }
                        }
                    }
                });
            let max = seminars.len().max(1) as u32;
            if *n > max {
                *n = max;
            }
        }
        RequirementDraft::TopicHours { topic, hours } => {
            ui.horizontal(|ui| {
                let label = ui.label(t("appcert-req-at-least"));
                ui.add(
                    egui::DragValue::new(hours)
                        .range(0.5..=1000.0)
                        .speed(0.5)
                        .suffix(t("appcert-hours-suffix")),
                )
                .labelled_by(label.id);
                let label = ui.label(t("appcert-req-in-topic"));
                let text = if topic.is_empty() {
                    t("appcert-req-choose-topic")
                } else {
                    topic.clone()
                };
                egui::ComboBox::from_id_salt(("appcert-req-topic", i))
                    .selected_text(text)
                    .width(220.0)
                    .truncate()
                    .show_ui(ui, |ui| {
                        for tp in certs.topics.iter() {
                            ui.selectable_value(topic, tp.clone(), tp);
                        }
                    })
                    .response
                    .labelled_by(label.id);
            });
        }
        RequirementDraft::Prerequisite(choice) => {
            ui.horizontal(|ui| {
                let label = ui.label(t("appcert-req-program"));
                let text = choice
                    .and_then(|id| certs.program(id))
                    .map(|p| format!("{} – {}", p.program.code, p.title()))
                    .unwrap_or_else(|| t("appcert-req-choose-program"));
                egui::ComboBox::from_id_salt(("appcert-req-program", i))
                    .selected_text(text)
                    .width(320.0)
                    .truncate()
                    .show_ui(ui, |ui| {
                        for p in certs
                            .programs
                            .iter()
                            .filter(|p| Some(p.program.id) != editing)
                        {
                            ui.selectable_value(
                                choice,
                                Some(p.program.id),
                                format!("{} – {}", p.program.code, p.title()),
                            );
                        }
                    })
                    .response
                    .labelled_by(label.id);
            });
        }
    }
}
