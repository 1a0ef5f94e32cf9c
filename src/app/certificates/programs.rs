//! The Programs screen: the certification programs, the editor for a program and its
//! requirements, and for the selected program the list of who is eligible and holds no
//! valid certificate yet (or everyone, with progress) — with the batch issue.

use std::collections::HashSet;

use egui::{Align, Layout, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::certificates::issue::IssueForm;
use crate::app::certificates::print::PrintState;
use crate::app::certificates::worker::{
    CertCommand, CertData, CertOutcome, ProgramView, StandingView,
};
use crate::app::data::Data;
use crate::app::widgets::style::{BORDER, MUTED, SUCCESS};
use crate::app::widgets::{
    FieldErrors, Notices, error_label, form_row, hint, primary_button, text_field,
};
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::Result;
use crate::i18n::{Arg, fmt_date, fmt_hours, t, ta};
use crate::model::{
    EmployeeId, Field, ProgramId, ProgramInput, ProgramTitles, Requirement, SeminarId,
};
use crate::service::eligibility::missing_texts;
use crate::text::fold_search;

/// The state of the Programs screen.
#[derive(Default)]
pub(crate) struct ProgramsState {
    pub selected: Option<ProgramId>,
    /// The add/edit form, when open.
    pub editor: Option<ProgramEditor>,
    pub eligible: EligibleState,
}

impl ProgramsState {
    pub fn on_progress(&mut self, ticket: Ticket, fraction: f32) {
        self.eligible.form.on_progress(ticket, fraction);
    }

    /// Picks up the answer to a command this screen sent; returns it if it is not ours.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
        data: Option<&Data>,
        notices: &mut Notices,
    ) -> Option<Result<Outcome>> {
        if let Some(editor) = &mut self.editor
            && editor.pending == Some(ticket)
        {
            editor.pending = None;
            match result {
                Ok(Outcome::Certs(CertOutcome::ProgramSaved(id))) => {
                    let view = data.and_then(|d| d.certs.program(id));
                    if let Some(view) = view {
                        let key = match editor.pending_kind {
                            PendingKind::Save if editor.editing.is_none() => {
                                "appcert-program-added"
                            }
                            PendingKind::Save => "appcert-program-saved",
                            PendingKind::Archive => "appcert-program-archived",
                            PendingKind::Unarchive => "appcert-program-unarchived",
                        };
                        notices.success(ta(key, &[("code", Arg::from(&view.program.code))]));
                        *editor = ProgramEditor::edit(view);
                    }
                    self.selected = Some(id);
                }
                Ok(_) => {}
                Err(e) => editor.errors = FieldErrors::from_error(&e, &FIELDS),
            }
            return None;
        }
        self.eligible.form.on_finished(ticket, result, notices)
    }
}

/// Draws the Programs screen.
pub(crate) fn programs_ui(
    ui: &mut Ui,
    state: &mut ProgramsState,
    data: &Data,
    worker: &mut Worker,
    print: &mut PrintState,
) {
    let certs = &data.certs;
    if state.selected.is_none_or(|id| certs.program(id).is_none()) {
        state.selected = certs
            .programs
            .iter()
            .find(|p| !p.program.archived)
            .or(certs.programs.first())
            .map(|p| p.program.id);
    }
    ui.horizontal(|ui| {
        ui.heading(t("appcert-programs-title"));
        ui.label(
            RichText::new(ta(
                "appcert-programs-count",
                &[("count", Arg::from(certs.programs.len()))],
            ))
            .color(MUTED),
        );
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui.add(primary_button(t("appcert-program-add"))).clicked() {
                state.editor = Some(ProgramEditor::new_program());
            }
        });
    });
    ui.add_space(6.0);

    if let Some(editor) = &mut state.editor {
        let mut keep_open = true;
        egui::Panel::right("appcert-program-editor")
            .resizable(true)
            .default_size(480.0)
            .size_range(400.0..=720.0)
            .show(ui, |ui| {
                keep_open = editor_ui(ui, editor, certs, worker);
            });
        if !keep_open {
            state.editor = None;
        }
    }

    // Everything beside the editor: a panel of its own, so that it keeps out of the editor's way.
    egui::CentralPanel::default()
        .frame(egui::Frame::NONE)
        .show(ui, |ui| {
            if certs.programs.is_empty() {
                ui.add_space(24.0);
                ui.vertical_centered(|ui| {
                    ui.label(RichText::new(t("appcert-programs-none-yet")).color(MUTED));
                });
                return;
            }
            if let Some(action) = program_table_ui(ui, state.selected, certs) {
                match action {
                    TableAction::Select(id) => state.selected = Some(id),
                    TableAction::Edit(id) => {
                        state.selected = Some(id);
                        if let Some(view) = certs.program(id) {
                            state.editor = Some(ProgramEditor::edit(view));
                        }
                    }
                }
            }
            ui.add_space(10.0);
            let Some(view) = state.selected.and_then(|id| certs.program(id)) else {
                return;
            };
            if ui.ctx().input(|i| i.key_pressed(egui::Key::Escape)) && state.editor.is_none() {
                state.eligible.search.clear();
            }
            eligible_ui(ui, state, view, data, worker, print);
        });
}

/// What a click in the program table asked for.
enum TableAction {
    Select(ProgramId),
    Edit(ProgramId),
}

/// The programs; a click selects one, a double click opens it in the editor.
fn program_table_ui(
    ui: &mut Ui,
    selected: Option<ProgramId>,
    certs: &CertData,
) -> Option<TableAction> {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
    // A few programs show in full; a long list scrolls within five rows.
    let scrolls = certs.programs.len() > 5;
    let height = 5.0 * (row_height + ui.spacing().item_spacing.y);
    let mut action = None;
    // Beside the editor the table scrolls sideways rather than squeezing its columns.
    let width = ui.available_width().max(840.0);
    egui::ScrollArea::horizontal()
        .id_salt("appcert-programs-hscroll")
        .show(ui, |ui| {
            ui.set_width(width);
            program_rows_ui(
                ui,
                selected,
                certs,
                row_height,
                scrolls,
                height,
                &mut action,
            );
        });
    action
}

/// The header and rows of the program table; a click sets `action`.
fn program_rows_ui(
    ui: &mut Ui,
    selected: Option<ProgramId>,
    certs: &CertData,
    row_height: f32,
    scrolls: bool,
    height: f32,
    action: &mut Option<TableAction>,
) {
    TableBuilder::new(ui)
        .id_salt("appcert-programs")
        .striped(true)
        .sense(Sense::click())
        .resizable(false)
        .vscroll(scrolls)
        .max_scroll_height(height)
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(Column::exact(80.0).clip(true))
        .column(Column::remainder().at_least(200.0).clip(true))
        .column(Column::exact(110.0))
        .column(Column::exact(110.0))
        .column(Column::exact(180.0))
        .column(Column::exact(140.0))
        .header(row_height + 2.0, |mut header| {
            for key in [
                "appcert-col-code",
                "appcert-col-title",
                "appcert-col-validity",
                "appcert-col-requirements",
                "appcert-col-due",
                "appcert-col-certified",
            ] {
                header.col(|ui| {
                    ui.strong(t(key));
                });
            }
        })
        .body(|body| {
            body.rows(row_height, certs.programs.len(), |mut row| {
                let Some(p) = certs.programs.get(row.index()) else {
                    return;
                };
                let program = &p.program;
                row.set_selected(selected == Some(program.id));
                let muted = program.archived;
                let cell = |ui: &mut Ui, text: String| {
                    let mut rich = RichText::new(text);
                    if muted {
                        rich = rich.color(MUTED);
                    }
                    ui.add(egui::Label::new(rich).truncate());
                };
                row.col(|ui| cell(ui, program.code.clone()));
                row.col(|ui| {
                    let mut title = p.title().to_owned();
                    if program.archived {
                        title = format!("{title} ({})", t("appcert-archived"));
                    }
                    cell(ui, title);
                });
                row.col(|ui| cell(ui, validity_text(program.validity_months)));
                row.col(|ui| cell(ui, program.requirements.len().to_string()));
                row.col(|ui| {
                    let text = if program.archived {
                        "–".to_owned()
                    } else {
                        p.due.to_string()
                    };
                    let mut rich = RichText::new(text);
                    if p.due > 0 && !program.archived {
                        rich = rich.strong().color(SUCCESS);
                    }
                    ui.label(rich);
                });
                row.col(|ui| cell(ui, p.certified.to_string()));
                let response = row.response();
                if response.double_clicked() {
                    *action = Some(TableAction::Edit(program.id));
                } else if response.clicked() {
                    *action = Some(TableAction::Select(program.id));
                }
            });
        });
}

/// "24 Monate" or "unbefristet".
fn validity_text(months: Option<u32>) -> String {
    match months {
        Some(m) => ta("appcert-months", &[("months", Arg::from(m))]),
        None => t("appcert-no-expiry"),
    }
}

/// What the eligible list was built from.
#[derive(Debug, Clone, PartialEq)]
struct EligibleKey {
    revision: u64,
    program: ProgramId,
    show_all: bool,
    search: String,
}

/// The list of the selected program's eligible (or everyone), with the batch issue.
pub(crate) struct EligibleState {
    pub search: String,
    /// Everyone active with their progress, not only those due a certificate.
    pub show_all: bool,
    /// Due employees the user unticked (all are ticked by default).
    deselected: HashSet<EmployeeId>,
    /// Indices into the program's standings, filtered.
    visible: Vec<usize>,
    cache: Option<EligibleKey>,
    pub form: IssueForm,
    /// The program the form and the ticks belong to.
    form_program: Option<ProgramId>,
}

impl Default for EligibleState {
    fn default() -> Self {
        EligibleState {
            search: String::new(),
            show_all: false,
            deselected: HashSet::new(),
            visible: Vec::new(),
            cache: None,
            form: IssueForm::new(chrono::NaiveDate::MIN, &Default::default()),
            form_program: None,
        }
    }
}

impl EligibleState {
    fn refresh(&mut self, view: &ProgramView, data: &Data) {
        if self.form_program != Some(view.program.id) && !self.form.is_running() {
            self.form = IssueForm::new(data.today, &data.certs.settings);
            self.form_program = Some(view.program.id);
            self.deselected.clear();
        }
        let key = EligibleKey {
            revision: data.parts.certs,
            program: view.program.id,
            show_all: self.show_all,
            search: self.search.clone(),
        };
        if self.cache.as_ref() == Some(&key) {
            return;
        }
        let words: Vec<String> = self.search.split_whitespace().map(fold_search).collect();
        self.visible = view
            .standings
            .iter()
            .enumerate()
            .filter(|(_, s)| s.active && (self.show_all || s.is_due()))
            .filter(|(_, s)| {
                words.is_empty() || data.employee(s.employee).is_some_and(|e| e.matches(&words))
            })
            .map(|(i, _)| i)
            .collect();
        self.cache = Some(key);
    }

    fn is_ticked(&self, s: &StandingView) -> bool {
        s.is_due() && !self.deselected.contains(&s.employee)
    }
}

fn eligible_ui(
    ui: &mut Ui,
    state: &mut ProgramsState,
    view: &ProgramView,
    data: &Data,
    worker: &mut Worker,
    print: &mut PrintState,
) {
    let eligible = &mut state.eligible;
    eligible.refresh(view, data);
    let program = &view.program;
    let editing = state.editor.is_some();
    ui.horizontal(|ui| {
        ui.add(
            egui::Label::new(
                RichText::new(ta(
                    "appcert-eligible-title",
                    &[
                        ("title", Arg::from(view.title())),
                        ("count", Arg::from(view.due)),
                    ],
                ))
                .strong()
                .size(17.0),
            )
            .wrap(),
        );
        // While the editor is open the title takes the room.
        if !editing && ui.button(t("appcert-program-edit")).clicked() {
            state.editor = Some(ProgramEditor::edit(view));
        }
    });
    let requirements: Vec<String> = program
        .requirements
        .iter()
        .map(|r| requirement_label(r, &data.certs))
        .collect();
    hint(
        ui,
        &ta(
            "appcert-requirements-line",
            &[("list", Arg::from(requirements.join(" · ")))],
        ),
    );
    if program.archived {
        hint(ui, &t("appcert-program-archived-hint"));
        return;
    }
    ui.add_space(4.0);
    let ticked: Vec<EmployeeId> = view
        .standings
        .iter()
        .filter(|s| eligible.is_ticked(s))
        .map(|s| s.employee)
        .collect();
    if view.due > 0 || eligible.form.issued.is_some() || eligible.form.is_running() {
        issue_box_ui(ui, eligible, program.id, &ticked, data, worker, print);
        ui.add_space(6.0);
    }
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t("app-search"));
        ui.add(
            egui::TextEdit::singleline(&mut eligible.search)
                .hint_text(t("app-search-hint"))
                .desired_width(220.0),
        )
        .labelled_by(label.id);
        if !eligible.search.is_empty()
            && ui
                .small_button("×")
                .on_hover_text(t("app-search-clear"))
                .clicked()
        {
            eligible.search.clear();
        }
        ui.add_space(12.0);
        ui.checkbox(&mut eligible.show_all, t("appcert-show-all"));
        if view.due > 0 {
            ui.add_space(12.0);
            let due_shown: Vec<EmployeeId> = eligible
                .visible
                .iter()
                .map(|&i| &view.standings[i])
                .filter(|s| s.is_due())
                .map(|s| s.employee)
                .collect();
            let mut all =
                !due_shown.is_empty() && due_shown.iter().all(|e| !eligible.deselected.contains(e));
            if ui
                .add_enabled(
                    !due_shown.is_empty(),
                    egui::Checkbox::new(&mut all, t("appcert-select-all-due")),
                )
                .changed()
            {
                for e in due_shown {
                    if all {
                        eligible.deselected.remove(&e);
                    } else {
                        eligible.deselected.insert(e);
                    }
                }
            }
        }
    });
    ui.add_space(4.0);
    eligible_table_ui(ui, eligible, view, data);
}

/// Issue date, signatory, the issue button with its count, progress and result.
fn issue_box_ui(
    ui: &mut Ui,
    eligible: &mut EligibleState,
    program: ProgramId,
    ticked: &[EmployeeId],
    data: &Data,
    worker: &mut Worker,
    print: &mut PrintState,
) {
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, BORDER))
        .corner_radius(6)
        .inner_margin(egui::Margin::symmetric(12, 8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            if ticked.is_empty() && !eligible.form.is_running() && eligible.deselected.is_empty() {
                // Nobody (left) to issue to: only what the last run issued.
                if let Some(ids) = eligible.form.result_ui(ui) {
                    print.open_for(ids, &data.certs, data.today);
                }
                return;
            }
            ui.horizontal(|ui| {
                eligible
                    .form
                    .fields_ui(ui, &data.certs.settings, "appcert-issue-batch-grid");
                ui.add_space(16.0);
                ui.vertical(|ui| {
                    let busy = eligible.form.is_running();
                    let text = ta(
                        "appcert-issue-submit",
                        &[("count", Arg::from(ticked.len()))],
                    );
                    if ui
                        .add_enabled(
                            !busy && !ticked.is_empty(),
                            primary_button(text).min_size(egui::vec2(220.0, 32.0)),
                        )
                        .clicked()
                    {
                        eligible.form.start(program, ticked.to_vec(), worker);
                    }
                    eligible.form.progress_ui(ui);
                    if let Some(ids) = eligible.form.result_ui(ui) {
                        print.open_for(ids, &data.certs, data.today);
                    }
                });
            });
        });
}

/// The virtualised list of the program's eligible (or everyone) with their progress.
fn eligible_table_ui(ui: &mut Ui, eligible: &mut EligibleState, view: &ProgramView, data: &Data) {
    if eligible.visible.is_empty() {
        ui.add_space(16.0);
        ui.vertical_centered(|ui| {
            let key = if !eligible.search.trim().is_empty() {
                "app-employees-none-found"
            } else if eligible.show_all {
                "appcert-eligible-nobody-active"
            } else {
                "appcert-eligible-none"
            };
            ui.label(RichText::new(t(key)).color(MUTED));
        });
        return;
    }
    let width = ui.available_width().max(860.0);
    egui::ScrollArea::horizontal()
        .id_salt("appcert-eligible-hscroll")
        .show(ui, |ui| {
            ui.set_width(width);
            eligible_rows_ui(ui, eligible, view, data);
        });
}

/// The header and the visible rows of the eligible list.
fn eligible_rows_ui(ui: &mut Ui, eligible: &mut EligibleState, view: &ProgramView, data: &Data) {
    let names = &data.certs.names;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
    TableBuilder::new(ui)
        .id_salt("appcert-eligible")
        .striped(true)
        .resizable(false)
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(Column::exact(28.0))
        .column(Column::exact(90.0).clip(true))
        .column(Column::exact(200.0).clip(true))
        .column(Column::exact(180.0).clip(true))
        .column(Column::exact(130.0))
        .column(Column::remainder().at_least(200.0).clip(true))
        .header(row_height + 2.0, |mut header| {
            header.col(|_| {});
            for key in [
                "app-col-personnel-number",
                "appcert-col-name",
                "field-department",
                "appcert-col-progress",
                "appcert-col-state",
            ] {
                header.col(|ui| {
                    ui.strong(t(key));
                });
            }
        })
        .body(|body| {
            body.rows(row_height, eligible.visible.len(), |mut row| {
                let Some(s) = eligible
                    .visible
                    .get(row.index())
                    .map(|&i| &view.standings[i])
                else {
                    return;
                };
                let Some(employee) = data.employee(s.employee) else {
                    return;
                };
                let e = &employee.row.employee;
                row.col(|ui| {
                    if s.is_due() {
                        let mut ticked = !eligible.deselected.contains(&s.employee);
                        let name = e.full_name();
                        if ui
                            .add(egui::Checkbox::without_text(&mut ticked))
                            .accessible_name(ta(
                                "apptr-select-person",
                                &[("name", Arg::from(&name))],
                            ))
                            .on_hover_text(&name)
                            .changed()
                        {
                            if ticked {
                                eligible.deselected.remove(&s.employee);
                            } else {
                                eligible.deselected.insert(s.employee);
                            }
                        }
                    }
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&e.personnel_number).truncate());
                });
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(format!("{}, {}", e.last_name, e.first_name)).truncate(),
                    );
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&employee.department_label).truncate());
                });
                let elig = &s.eligibility;
                row.col(|ui| {
                    let text = format!("{}/{}", elig.met_count(), elig.requirements.len());
                    progress_bar_ui(ui, elig, 110.0, text);
                });
                row.col(|ui| {
                    let (text, color) = match (&s.valid, elig.eligible) {
                        (Some(held), _) => (
                            ta(
                                "appcert-holds",
                                &[
                                    ("serial", Arg::from(held.serial.as_str())),
                                    (
                                        "until",
                                        Arg::from(
                                            held.valid_until
                                                .map(fmt_date)
                                                .unwrap_or_else(|| t("appcert-no-expiry")),
                                        ),
                                    ),
                                ],
                            ),
                            MUTED,
                        ),
                        (None, true) => (t("appcert-all-met"), SUCCESS),
                        (None, false) => (missing_texts(elig, names).join("; "), MUTED),
                    };
                    ui.add(egui::Label::new(RichText::new(&text).color(color)).truncate())
                        .on_hover_text(&text);
                });
            });
        });
}

/// Adds a progress bar for `e` of `width` with `text` on it: green when every
/// requirement is met, blue while on the way (both light enough for the dark text), on a
/// grey track that shows on white.
pub(crate) fn progress_bar_ui(
    ui: &mut Ui,
    e: &crate::rules::Eligibility,
    width: f32,
    text: String,
) -> egui::Response {
    let fill = if e.eligible {
        egui::Color32::from_rgb(0x9F, 0xD4, 0xB0)
    } else {
        egui::Color32::from_rgb(0xA9, 0xC6, 0xEA)
    };
    ui.scope(|ui| {
        ui.visuals_mut().extreme_bg_color = egui::Color32::from_rgb(0xE9, 0xEC, 0xF0);
        ui.add(
            egui::ProgressBar::new(e.fraction() as f32)
                .fill(fill)
                .desired_width(width)
                .text(text),
        )
    })
    .inner
}

/// A requirement as the program's summary names it.
pub(crate) fn requirement_label(r: &Requirement, certs: &CertData) -> String {
    let seminar = |id: SeminarId| {
        certs
            .seminar(id)
            .map(|s| s.title.clone())
            .unwrap_or_else(|| format!("#{id}"))
    };
    match r {
        Requirement::Seminar(s) => ta(
            "appcert-req-seminar-label",
            &[("seminar", Arg::from(seminar(*s)))],
        ),
        Requirement::AtLeastN { n, seminars } => ta(
            "appcert-req-n-of-label",
            &[("n", Arg::from(*n)), ("of", Arg::from(seminars.len()))],
        ),
        Requirement::TopicHours { topic, hours } => ta(
            "appcert-req-hours-label",
            &[
                ("hours", Arg::from(fmt_hours(*hours))),
                ("topic", Arg::from(topic.as_str())),
            ],
        ),
        Requirement::Prerequisite(p) => ta(
            "appcert-req-prerequisite-label",
            &[(
                "program",
                Arg::from(
                    certs
                        .program(*p)
                        .map(|v| v.title().to_owned())
                        .unwrap_or_else(|| format!("#{p}")),
                ),
            )],
        ),
    }
}

/// The fields of the editor, for sorting a refusal's messages.
const FIELDS: [Field; 9] = [
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
    fn requirement(&self) -> std::result::Result<Requirement, String> {
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
enum PendingKind {
    Save,
    Archive,
    Unarchive,
}

/// The form to add or edit a program with its requirements.
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
    errors: FieldErrors,
    /// Messages for single requirements (by position), found before sending.
    requirement_errors: Vec<(usize, String)>,
    pending: Option<Ticket>,
    pending_kind: PendingKind,
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
            ..ProgramEditor::new_program()
        }
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
        let command = match self.editing {
            Some(id) => CertCommand::UpdateProgram(id, input),
            None => CertCommand::AddProgram(input),
        };
        self.pending = Some(worker.send(Command::Certs(command)));
        self.pending_kind = PendingKind::Save;
    }
}

/// Draws the editor; returns false when the user closed it.
fn editor_ui(
    ui: &mut Ui,
    editor: &mut ProgramEditor,
    certs: &CertData,
    worker: &mut Worker,
) -> bool {
    let mut keep_open = true;
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
    let buttons_height = 48.0 + 22.0 * editor.errors.general.len() as f32;
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
    ui.horizontal(|ui| {
        let save = ui.add_enabled(!busy, primary_button(t("app-save")));
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
