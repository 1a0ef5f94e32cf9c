//! Importing the staff list: a native file dialog (on its own thread, so painting goes
//! on), the worker's preview in a window, and the commit.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::{RichText, Ui};

use super::style::MUTED;
use super::widgets::{Notices, error_label, primary_button};
use super::worker::{Command, Outcome, Ticket, Worker};
use crate::error::Result;
use crate::i18n::{Arg, t, ta};
use crate::service::import_employees::Preview;

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
                    .add_filter(filter, &["csv", "xlsx", "CSV", "XLSX", "txt"])
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
        .default_size([760.0, 560.0])
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
            preview_ui(ui, &preview);
            ui.add_space(8.0);
            ui.checkbox(
                &mut state.create_departments,
                t("app-import-create-departments"),
            );
            let blocked = preview.has_rejections(state.create_departments);
            if blocked {
                error_label(ui, &t("app-import-blocked"));
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let can_commit = !blocked && state.pending.is_none();
                if ui
                    .add_enabled(can_commit, primary_button(t("app-import-commit")))
                    .clicked()
                {
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

/// The preview: what would be added, changed, and what is rejected.
fn preview_ui(ui: &mut Ui, preview: &Preview) {
    let lines = preview.describe_lines();
    egui::ScrollArea::vertical()
        .max_height(ui.available_height() - 90.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            if lines.is_empty() {
                ui.label(RichText::new(t("app-import-nothing")).color(MUTED));
            }
            for line in &lines {
                ui.label(line);
            }
        });
}
