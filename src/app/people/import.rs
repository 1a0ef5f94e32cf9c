//! Importing the staff list: a native file dialog (on its own thread, so painting goes
//! on), the worker's preview in a window, and the commit.

use crate::app::widgets::write_button;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::{Align, Layout, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::widgets::style::{BORDER, ERROR, MUTED};
use crate::app::widgets::{Notices, error_label};
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::Result;
use crate::i18n::{Arg, t, ta};
use crate::import::employees::Column as ImportColumn;
use crate::service::import_employees::{Preview, Reason};

/// Where the import stands.
#[derive(Default)]
pub(crate) struct ImportState {
    /// The file dialog's answer, while it is open.
    dialog: Option<Receiver<Option<PathBuf>>>,
    path: Option<PathBuf>,
    preview: Option<Arc<Preview>>,
    create_departments: bool,
    /// The preview or commit waiting for the worker.
    pending: Option<Ticket>,
    error: Option<String>,
    /// The window is shown.
    open: bool,
    tab: PreviewTab,
}

impl ImportState {
    /// True while the dialog is open or the worker reads or imports the file.
    pub fn is_busy(&self) -> bool {
        self.dialog.is_some() || self.pending.is_some()
    }

    /// Opens the native file dialog on a thread of its own; the answer arrives in
    /// [`ImportState::poll`].
    pub fn choose_file(&mut self, ctx: &egui::Context) {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let title = t("app-import-dialog-title");
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
            Ok(_) => self.dialog = Some(rx),
            Err(e) => {
                self.open = true;
                self.error = Some(crate::error::Error::file("file dialog", e).user_message());
            }
        }
    }

    /// Reads the file at `path` into a preview (the worker does it) and opens the window.
    pub fn preview_file(&mut self, path: PathBuf, worker: &mut Worker) {
        self.preview = None;
        self.error = None;
        self.create_departments = false;
        self.open = true;
        self.pending = Some(worker.send(Command::ImportPreview(path.clone())));
        self.path = Some(path);
    }

    /// Takes the file dialog's answer, if it came.
    pub fn poll(&mut self, worker: &mut Worker) {
        let Some(rx) = &self.dialog else {
            return;
        };
        match rx.try_recv() {
            Ok(Some(path)) => {
                self.dialog = None;
                self.preview_file(path, worker);
            }
            Ok(None) | Err(TryRecvError::Disconnected) => self.dialog = None,
            Err(TryRecvError::Empty) => {}
        }
    }

    /// Picks up the answer to a command this window sent; returns it if it is not ours.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
        notices: &mut Notices,
    ) -> Option<Result<Outcome>> {
        if self.pending != Some(ticket) {
            return Some(result);
        }
        self.pending = None;
        match result {
            Ok(Outcome::ImportPreview(preview)) => self.preview = Some(preview),
            Ok(Outcome::Imported(summary)) => {
                notices.success(if summary.trim().is_empty() {
                    t("app-import-done")
                } else {
                    summary
                });
                *self = ImportState::default();
            }
            Ok(_) => {}
            Err(e) => self.error = Some(e.user_message()),
        }
        None
    }
}

/// Draws the import window while an import is under way.
pub(crate) fn import_ui(ui: &mut Ui, state: &mut ImportState, worker: &mut Worker) {
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
    egui::Window::new(ta("app-import-title", &[("file", Arg::from(file_name))]))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_size([780.0, 560.0])
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
                return;
            };
            preview_ui(ui, state, &preview);
            ui.add_space(8.0);
            let unknown = preview.unknown_departments();
            if !unknown.is_empty() {
                ui.separator();
                ui.label(ta(
                    "app-import-unknown",
                    &[("names", Arg::from(unknown.join(", ")))],
                ));
                ui.checkbox(
                    &mut state.create_departments,
                    t("app-import-create-departments"),
                );
            }
            let blocked = preview.has_rejections(state.create_departments);
            if blocked {
                error_label(ui, &t("app-import-blocked"));
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let can_commit = !blocked && state.pending.is_none();
                if write_button(ui, can_commit, t("app-import-commit")).clicked() {
                    state.error = None;
                    state.pending = Some(worker.send(Command::ImportCommit {
                        preview: Arc::clone(&preview),
                        create_departments: state.create_departments,
                    }));
                }
                if ui.button(t("app-cancel")).clicked() {
                    *state = ImportState::default();
                }
            });
        });
    if !open {
        *state = ImportState::default();
    }
}

/// The tabs of the preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum PreviewTab {
    #[default]
    Rejected,
    Added,
    Changed,
}

/// The preview: counts, then the added, changed and rejected rows in tabs.
fn preview_ui(ui: &mut Ui, state: &mut ImportState, preview: &Preview) {
    let plan = preview.plan(state.create_departments);
    if let Some(first) = preview.describe_lines_for(state.create_departments).first() {
        ui.label(first);
    }
    if !preview.ignored_columns.is_empty() {
        ui.label(
            RichText::new(ta(
                "import-ignored-columns",
                &[("columns", Arg::from(preview.ignored_columns.join(", ")))],
            ))
            .color(MUTED),
        );
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        stat_ui(ui, &t("app-import-added"), plan.added.len(), None);
        stat_ui(ui, &t("app-import-changed"), plan.changed.len(), None);
        stat_ui(ui, &t("app-import-unchanged"), plan.unchanged, None);
        let red = (!plan.rejected.is_empty()).then_some(ERROR);
        stat_ui(ui, &t("app-import-rejected"), plan.rejected.len(), red);
    });
    ui.add_space(8.0);
    if state.tab == PreviewTab::Rejected && plan.rejected.is_empty() {
        state.tab = PreviewTab::Added;
    }
    ui.horizontal(|ui| {
        for (tab, key, count) in [
            (
                PreviewTab::Rejected,
                "app-import-rejected",
                plan.rejected.len(),
            ),
            (PreviewTab::Added, "app-import-added", plan.added.len()),
            (
                PreviewTab::Changed,
                "app-import-changed",
                plan.changed.len(),
            ),
        ] {
            let text = format!("{} ({count})", t(key));
            if ui.selectable_label(state.tab == tab, text).clicked() {
                state.tab = tab;
            }
        }
    });
    ui.separator();
    let height = (ui.available_height() - 150.0).max(160.0);
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let table = |ui, id, widths| preview_table(ui, id, widths, height);
    let header = |row: &mut egui_extras::TableRow<'_, '_>, keys: &[String]| {
        for k in keys {
            row.col(|ui| {
                ui.strong(k);
            });
        }
    };
    let cell = |ui: &mut Ui, text: &str| {
        ui.add(egui::Label::new(text).truncate());
    };
    let line_col = t("app-import-col-line");
    match state.tab {
        PreviewTab::Rejected => {
            if plan.rejected.is_empty() {
                ui.label(RichText::new(t("app-import-none-rejected")).color(MUTED));
                return;
            }
            table(ui, "import-rejected", &[70.0, 130.0])
                .header(row_height, |mut row| {
                    header(
                        &mut row,
                        &[
                            line_col,
                            ImportColumn::PersonnelNumber.label(),
                            t("app-import-col-reason"),
                        ],
                    );
                })
                .body(|body| {
                    body.rows(row_height, plan.rejected.len(), |mut row| {
                        let r = &plan.rejected[row.index()];
                        row.col(|ui| cell(ui, &r.line.to_string()));
                        row.col(|ui| cell(ui, &r.personnel_number));
                        let reasons: Vec<String> = r.reasons.iter().map(Reason::message).collect();
                        let text = reasons.join(" ");
                        row.col(|ui| {
                            ui.add(egui::Label::new(RichText::new(&text).color(ERROR)).truncate())
                                .on_hover_text(&text);
                        });
                    });
                });
        }
        PreviewTab::Added => {
            if plan.added.is_empty() {
                ui.label(RichText::new(t("app-import-none-added")).color(MUTED));
                return;
            }
            table(ui, "import-added", &[70.0, 130.0, 220.0])
                .header(row_height, |mut row| {
                    header(
                        &mut row,
                        &[
                            line_col,
                            ImportColumn::PersonnelNumber.label(),
                            t("app-import-col-name"),
                            ImportColumn::Department.label(),
                        ],
                    );
                })
                .body(|body| {
                    body.rows(row_height, plan.added.len(), |mut row| {
                        let r = &plan.added[row.index()];
                        let e = &r.employee;
                        row.col(|ui| cell(ui, &r.line.to_string()));
                        row.col(|ui| cell(ui, &e.personnel_number));
                        row.col(|ui| cell(ui, &format!("{} {}", e.first_name, e.last_name)));
                        let dept = r.department.as_ref().map(|d| d.label()).unwrap_or_default();
                        row.col(|ui| cell(ui, &dept));
                    });
                });
        }
        PreviewTab::Changed => {
            if plan.changed.is_empty() {
                ui.label(RichText::new(t("app-import-none-changed")).color(MUTED));
                return;
            }
            table(ui, "import-changed", &[70.0, 130.0, 200.0])
                .header(row_height, |mut row| {
                    header(
                        &mut row,
                        &[
                            line_col,
                            ImportColumn::PersonnelNumber.label(),
                            t("app-import-col-name"),
                            t("app-import-col-changes"),
                        ],
                    );
                })
                .body(|body| {
                    body.rows(row_height, plan.changed.len(), |mut row| {
                        let r = &plan.changed[row.index()];
                        let e = &r.employee;
                        row.col(|ui| cell(ui, &r.line.to_string()));
                        row.col(|ui| cell(ui, &e.personnel_number));
                        row.col(|ui| cell(ui, &format!("{} {}", e.first_name, e.last_name)));
                        let changes: Vec<String> = r
                            .changes
                            .iter()
                            .map(|c| {
                                ta(
                                    "app-import-change",
                                    &[
                                        ("field", Arg::from(c.column.label())),
                                        ("old", Arg::from(c.old.display())),
                                        ("new", Arg::from(c.new.display())),
                                    ],
                                )
                            })
                            .collect();
                        let text = changes.join("; ");
                        row.col(|ui| {
                            ui.add(egui::Label::new(&text).truncate())
                                .on_hover_text(changes.join("\n"));
                        });
                    });
                });
        }
    }
}

/// A striped table with fixed-width first columns and a last one taking the rest.
fn preview_table<'a>(ui: &'a mut Ui, id: &str, widths: &[f32], height: f32) -> TableBuilder<'a> {
    let mut builder = TableBuilder::new(ui)
        .id_salt(id)
        .striped(true)
        .resizable(true)
        .max_scroll_height(height)
        .min_scrolled_height(height.min(240.0))
        .auto_shrink([false, true])
        .cell_layout(Layout::left_to_right(Align::Center));
    for w in widths {
        builder = builder.column(Column::initial(*w).at_least(50.0).clip(true));
    }
    builder.column(Column::remainder().at_least(120.0).clip(true))
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
