//! Importing a provider's participant list into a session: the native file dialog (on
//! its own thread), the worker's preview in a window where the user resolves the rows
//! that match nobody or several people, and the all-or-nothing commit.

use crate::app::widgets::write_button;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::{Align, Layout, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::training::worker::{RosterView, TrainingCommand, TrainingOutcome};
use crate::app::widgets::style::{BORDER, ERROR, MUTED};
use crate::app::widgets::{Notices, error_label, hint};
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::Result;
use crate::i18n::{Arg, t, ta};
use crate::model::SessionId;
use crate::service::import_attendance::{
    Plan, PlannedRow, Preview, Reason, Resolution, Resolutions, UnresolvedRow, value_text,
};

/// The tabs of the preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum PreviewTab {
    #[default]
    Unresolved,
    Added,
    Updated,
    Rejected,
}

/// Where the participant-list import stands.
#[derive(Default)]
pub(crate) struct AttendanceImportState {
    /// The file dialog's answer, while it is open.
    dialog: Option<(SessionId, Receiver<Option<PathBuf>>)>,
    path: Option<PathBuf>,
    preview: Option<Arc<Preview>>,
    resolutions: Resolutions,
    /// The preview's plan with `resolutions` applied (recomputed when they change).
    plan: Plan,
    /// The preview or commit waiting for the worker.
    pending: Option<Ticket>,
    error: Option<String>,
    /// The window is shown.
    open: bool,
    tab: PreviewTab,
}

impl AttendanceImportState {
    /// True while the dialog is open or the worker reads or imports the file.
    pub fn is_busy(&self) -> bool {
        self.dialog.is_some() || self.pending.is_some()
    }

    /// Whether the preview window is shown.
    pub fn is_open(&self) -> bool {
        self.open
    }

    pub fn owns(&self, ticket: Ticket) -> bool {
        self.pending == Some(ticket)
    }

    /// Opens the native file dialog on a thread of its own; the answer arrives in
    /// [`AttendanceImportState::poll`].
    pub fn choose_file(&mut self, ctx: &egui::Context, session: SessionId) {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let title = t("apptr-import-dialog-title");
        let filter = t("app-import-filter");
        let spawned = std::thread::Builder::new()
            .name("lotse-file-dialog".to_owned())
            .spawn(move || {
                let path = rfd::FileDialog::new()
                    .set_title(title)
                    .add_filter(
                        filter,
                        &[
                            "csv", "CSV", "txt", "tsv", "xlsx", "XLSX", "xlsm", "xls", "ods",
                        ],
                    )
                    .pick_file();
                let _ = tx.send(path);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.dialog = Some((session, rx)),
            Err(e) => {
                self.open = true;
                self.error = Some(crate::error::Error::file("file dialog", e).user_message());
            }
        }
    }

    /// Reads the file at `path` into a preview for `session` (the worker does it) and
    /// opens the window.
    pub fn preview_file(&mut self, session: SessionId, path: PathBuf, worker: &mut Worker) {
        *self = AttendanceImportState {
            open: true,
            path: Some(path.clone()),
            ..AttendanceImportState::default()
        };
        self.pending = Some(
            worker.send(Command::Training(TrainingCommand::PreviewImport {
                session,
                path,
            })),
        );
    }

    /// Takes the file dialog's answer, if it came.
    pub fn poll(&mut self, worker: &mut Worker) {
        let Some((session, rx)) = &self.dialog else {
            return;
        };
        let session = *session;
        match rx.try_recv() {
            Ok(Some(path)) => {
                self.dialog = None;
                self.preview_file(session, path, worker);
            }
            Ok(None) | Err(TryRecvError::Disconnected) => self.dialog = None,
            Err(TryRecvError::Empty) => {}
        }
    }

    /// Takes the worker's answer to this window's command; returns the roster after a
    /// successful commit.
    pub fn on_finished(
        &mut self,
        result: Result<Outcome>,
        notices: &mut Notices,
    ) -> Option<Arc<RosterView>> {
        self.pending = None;
        match result {
            Ok(Outcome::Training(TrainingOutcome::ImportPreview(preview))) => {
                self.plan = preview.plan().clone();
                self.tab = first_tab(&self.plan, &preview);
                self.preview = Some(preview);
                None
            }
            Ok(Outcome::Training(TrainingOutcome::Imported(summary, view))) => {
                notices.success(summary);
                *self = AttendanceImportState::default();
                Some(view)
            }
            Ok(_) => None,
            Err(e) => {
                self.error = Some(e.user_message());
                None
            }
        }
    }

    /// Records the user's choice for the unresolved row on `line` (`None`: undecided again)
    /// and recomputes the plan.
    fn resolve(&mut self, line: usize, resolution: Option<Resolution>) {
        match resolution {
            Some(r) => self.resolutions.insert(line, r),
            None => self.resolutions.remove(&line),
        };
        if let Some(preview) = &self.preview {
            self.plan = preview.plan_with(&self.resolutions);
        }
    }
}

/// The tab to show first: what needs the user, else what happens.
fn first_tab(plan: &Plan, preview: &Preview) -> PreviewTab {
    if !preview.unresolved().is_empty() {
        PreviewTab::Unresolved
    } else if !plan.rejected.is_empty() {
        PreviewTab::Rejected
    } else if plan.added.is_empty() && !plan.updated.is_empty() {
        PreviewTab::Updated
    } else {
        PreviewTab::Added
    }
}

/// Draws the import window while an import is under way.
pub(crate) fn attendance_import_ui(
    ui: &mut Ui,
    state: &mut AttendanceImportState,
    worker: &mut Worker,
) {
    if !state.open {
        return;
    }
    let mut open = true;
    let file_name = state
        .path
        .as_ref()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let screen = ui.ctx().content_rect();
    let mut cancel = false;
    egui::Window::new(ta("apptr-import-title", &[("file", Arg::from(file_name))]))
        .id(egui::Id::unique("attendance-import-window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_size([860.0, 580.0])
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(screen.center())
        .max_height(screen.height() - 80.0)
        .show(ui.ctx(), |ui| {
            if state.pending.is_some() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(if state.preview.is_some() {
                        t("app-import-committing")
                    } else {
                        t("app-import-reading")
                    });
                });
            }
            if let Some(error) = &state.error {
                error_label(ui, error);
            }
            let Some(preview) = state.preview.clone() else {
                if state.pending.is_none() && ui.button(t("app-close")).clicked() {
                    cancel = true;
                }
                return;
            };
            preview_ui(ui, state, &preview);
            ui.add_space(8.0);
            let ready = state.plan.is_ready();
            if !ready {
                error_label(ui, &t("apptr-import-blocked"));
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let can_commit = ready && state.pending.is_none();
                if write_button(ui, can_commit, t("app-import-commit")).clicked() {
                    state.error = None;
                    state.pending = Some(worker.send(Command::Training(
                        TrainingCommand::CommitImport {
                            preview: Arc::clone(&preview),
                            resolutions: state.resolutions.clone(),
                        },
                    )));
                }
                if ui.button(t("app-cancel")).clicked() {
                    cancel = true;
                }
            });
        });
    if !open || cancel {
        *state = AttendanceImportState::default();
    }
}

/// The preview: file and session, counts, then the rows in tabs.
fn preview_ui(ui: &mut Ui, state: &mut AttendanceImportState, preview: &Preview) {
    ui.label(preview.describe_session());
    if let Some(first) = preview.describe_lines().first() {
        ui.label(RichText::new(first).color(MUTED));
    }
    if preview.session_is_future() {
        hint(ui, &t("impatt-future-session"));
    }
    if !preview.ignored_columns.is_empty() {
        hint(
            ui,
            &ta(
                "import-ignored-columns",
                &[("columns", Arg::from(preview.ignored_columns.join(", ")))],
            ),
        );
    }
    ui.add_space(6.0);
    let plan = &state.plan;
    let red = |n: usize| (n > 0).then_some(ERROR);
    ui.horizontal_wrapped(|ui| {
        stat_ui(ui, &t("apptr-import-added"), plan.added.len(), None);
        stat_ui(ui, &t("apptr-import-updated"), plan.updated.len(), None);
        stat_ui(ui, &t("apptr-import-unchanged"), plan.unchanged.len(), None);
        stat_ui(
            ui,
            &t("apptr-import-unresolved"),
            plan.unresolved.len(),
            red(plan.unresolved.len()),
        );
        stat_ui(
            ui,
            &t("apptr-import-rejected"),
            plan.rejected.len(),
            red(plan.rejected.len()),
        );
        stat_ui(ui, &t("apptr-import-skipped"), plan.skipped.len(), None);
    });
    ui.add_space(8.0);
    let to_resolve = preview.unresolved().len();
    ui.horizontal(|ui| {
        for (tab, text) in [
            (
                PreviewTab::Unresolved,
                ta(
                    "apptr-import-tab-unresolved",
                    &[
                        ("open", Arg::from(plan.unresolved.len())),
                        ("count", Arg::from(to_resolve)),
                    ],
                ),
            ),
            (
                PreviewTab::Added,
                format!("{} ({})", t("apptr-import-added"), plan.added.len()),
            ),
            (
                PreviewTab::Updated,
                format!("{} ({})", t("apptr-import-updated"), plan.updated.len()),
            ),
            (
                PreviewTab::Rejected,
                format!("{} ({})", t("apptr-import-rejected"), plan.rejected.len()),
            ),
        ] {
            if ui.selectable_label(state.tab == tab, text).clicked() {
                state.tab = tab;
            }
        }
    });
    ui.separator();
    let height = (ui.available_height() - 110.0).max(160.0);
    match state.tab {
        PreviewTab::Unresolved => unresolved_ui(ui, state, preview, height),
        PreviewTab::Added => {
            let rows = state.plan.added.clone();
            planned_ui(
                ui,
                "attendance-import-added",
                &rows,
                height,
                "apptr-import-none-added",
            );
        }
        PreviewTab::Updated => {
            let rows = state.plan.updated.clone();
            planned_ui(
                ui,
                "attendance-import-updated",
                &rows,
                height,
                "apptr-import-none-updated",
            );
        }
        PreviewTab::Rejected => rejected_ui(ui, &state.plan, height),
    }
}

fn table<'a>(ui: &'a mut Ui, id: &str, widths: &[f32], height: f32) -> TableBuilder<'a> {
    let mut builder = TableBuilder::new(ui)
        .id_salt(id)
        .striped(true)
        .resizable(true)
        .max_scroll_height(height)
        .min_scrolled_height(height.min(240.0))
        .auto_shrink([false, true])
        .cell_layout(Layout::left_to_right(Align::Center));
    for w in widths {
        builder = builder.column(Column::initial(*w).at_least(40.0).clip(true));
    }
    builder.column(Column::remainder().at_least(160.0).clip(true))
}

fn header(row: &mut egui_extras::TableRow<'_, '_>, keys: &[&str]) {
    for k in keys {
        row.col(|ui| {
            ui.strong(t(k));
        });
    }
}

fn cell(ui: &mut Ui, text: &str) {
    ui.add(egui::Label::new(text).truncate())
        .on_hover_text(text);
}

/// Every row that did not match exactly one employee, with a choice: one of the
/// candidates, or skipping the row.
fn unresolved_ui(ui: &mut Ui, state: &mut AttendanceImportState, preview: &Preview, height: f32) {
    let rows: &[UnresolvedRow] = preview.unresolved();
    if rows.is_empty() {
        ui.label(RichText::new(t("apptr-import-none-unresolved")).color(MUTED));
        return;
    }
    hint(ui, &t("apptr-import-resolve-hint"));
    let row_height = ui.spacing().interact_size.y + 8.0;
    let mut changes: Vec<(usize, Option<Resolution>)> = Vec::new();
    table(
        ui,
        "attendance-import-unresolved",
        &[60.0, 200.0, 230.0],
        height,
    )
    .header(row_height, |mut row| {
        header(
            &mut row,
            &[
                "app-import-col-line",
                "apptr-import-col-written",
                "apptr-import-col-problem",
                "apptr-import-col-choice",
            ],
        );
    })
    .body(|body| {
        body.rows(row_height, rows.len(), |mut row| {
            let r = &rows[row.index()];
            row.col(|ui| cell(ui, &r.line.to_string()));
            row.col(|ui| cell(ui, &r.written));
            row.col(|ui| {
                let problem = r.problem.message(r.candidates.len());
                ui.add(egui::Label::new(RichText::new(&problem).color(ERROR)).truncate())
                    .on_hover_text(&problem);
            });
            row.col(|ui| {
                let current = state.resolutions.get(&r.line).copied();
                let selected_text = match current {
                    None => t("apptr-import-choose"),
                    Some(Resolution::Skip) => t("apptr-import-skip"),
                    Some(Resolution::Employee(id)) => r
                        .candidates
                        .iter()
                        .find(|c| c.id == id)
                        .map(|c| c.describe())
                        .or_else(|| preview.employee(id).map(|e| e.describe()))
                        .unwrap_or_default(),
                };
                let mut choice = current;
                egui::ComboBox::from_id_salt(("attendance-import-choice", r.line))
                    .selected_text(selected_text)
                    .width(ui.available_width().max(200.0))
                    .truncate()
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut choice, None, t("apptr-import-choose"));
                        for c in &r.candidates {
                            ui.selectable_value(
                                &mut choice,
                                Some(Resolution::Employee(c.id)),
                                c.describe(),
                            );
                        }
                        ui.selectable_value(
                            &mut choice,
                            Some(Resolution::Skip),
                            t("apptr-import-skip"),
                        );
                    })
                    .response
                    .accessible_name(ta(
                        "apptr-import-choice-for",
                        &[("line", Arg::from(r.line))],
                    ));
                if choice != current {
                    changes.push((r.line, choice));
                }
            });
        });
    });
    for (line, choice) in changes {
        state.resolve(line, choice);
    }
}

/// Rows that add or change a roster entry.
fn planned_ui(ui: &mut Ui, id: &str, rows: &[PlannedRow], height: f32, none_key: &str) {
    if rows.is_empty() {
        ui.label(RichText::new(t(none_key)).color(MUTED));
        return;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    table(ui, id, &[60.0, 250.0, 170.0], height)
        .header(row_height, |mut row| {
            header(
                &mut row,
                &[
                    "app-import-col-line",
                    "apptr-import-col-person",
                    "apptr-import-col-matched",
                    "apptr-import-col-entry",
                ],
            );
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut row| {
                let r = &rows[row.index()];
                row.col(|ui| cell(ui, &r.line.to_string()));
                row.col(|ui| cell(ui, &r.employee.label()));
                let new = value_text(r.status, r.hours, &r.note);
                let entry = match &r.existing {
                    Some(old) => ta(
                        "impatt-change",
                        &[
                            (
                                "old",
                                Arg::from(value_text(old.status, old.hours, &old.note)),
                            ),
                            ("new", Arg::from(new)),
                        ],
                    ),
                    None => new,
                };
                row.col(|ui| cell(ui, &r.matched_by.describe()));
                row.col(|ui| cell(ui, &entry));
            });
        });
}

fn rejected_ui(ui: &mut Ui, plan: &Plan, height: f32) {
    if plan.rejected.is_empty() {
        ui.label(RichText::new(t("apptr-import-none-rejected")).color(MUTED));
        return;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    table(ui, "attendance-import-rejected", &[60.0, 220.0], height)
        .header(row_height, |mut row| {
            header(
                &mut row,
                &[
                    "app-import-col-line",
                    "apptr-import-col-written",
                    "app-import-col-reason",
                ],
            );
        })
        .body(|body| {
            body.rows(row_height, plan.rejected.len(), |mut row| {
                let r = &plan.rejected[row.index()];
                row.col(|ui| cell(ui, &r.line.to_string()));
                row.col(|ui| cell(ui, &r.written));
                let text = r
                    .reasons
                    .iter()
                    .map(Reason::message)
                    .collect::<Vec<_>>()
                    .join(" ");
                row.col(|ui| {
                    ui.add(egui::Label::new(RichText::new(&text).color(ERROR)).truncate())
                        .on_hover_text(&text);
                });
            });
        });
}

/// One count in a small box: "Neu 12".
fn stat_ui(ui: &mut Ui, label: &str, count: usize, color: Option<egui::Color32>) {
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, BORDER))
        .corner_radius(6)
        .inner_margin(egui::Margin::symmetric(12, 6))
        .show(ui, |ui| {
            ui.vertical(|ui| {
                ui.label(RichText::new(label).small().color(MUTED));
                let mut text = RichText::new(count.to_string()).size(20.0).strong();
                if let Some(c) = color {
                    text = text.color(c);
                }
                ui.label(text);
            });
        });
}
