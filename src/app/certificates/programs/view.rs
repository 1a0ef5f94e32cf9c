//! The Programs screen's view: the program table, and for the selected program the
//! eligible list with its progress bars and the box that issues a batch.

use crate::app::widgets::write_button;
use egui::{Align, Layout, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::certificates::print::PrintState;
use crate::app::certificates::worker::{CertData, ProgramView};
use crate::app::data::Data;
use crate::app::widgets::style::{BORDER, MUTED, SUCCESS};
use crate::app::widgets::{hint, primary_button};
use crate::app::worker::Worker;
use crate::i18n::{Arg, fmt_date, t, ta};
use crate::model::{EmployeeId, ProgramId};
use crate::service::eligibility::missing_texts;

use super::editor::{ProgramEditor, editor_ui};
use super::{EligibleState, ProgramsState, requirement_label, validity_text};

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
            if write_button(ui, true, t("appcert-program-add")).clicked() {
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
