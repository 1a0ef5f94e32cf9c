//! Print jobs: one certificate to a PDF opened in the system viewer, or a batch to one
//! merged PDF or to a folder of `SERIAL_Lastname.pdf` files.
//!
//! The worker loads the snapshots and logos (SQL stays on its thread); the PDFs are
//! rendered on a thread of their own, so that neither the window nor the database waits
//! for a thousand pages. The job reports its progress and can be cancelled.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::app::certificates::worker::{CertCommand, CertData, CertOutcome};
use crate::app::widgets::style::{MUTED, SUCCESS};
use crate::app::widgets::{error_label, hint, primary_button};
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::certificate::{Orientation, RenderOptions};
use crate::error::{Error, Result};
use crate::i18n::{self, Arg, Lang, t, ta};
use crate::model::CertificateId;
use crate::service::certificates::{self as certs, PrintTarget, Printable};

/// Runs `dialog` (a native file or folder dialog) on a thread of its own, so that painting
/// goes on; the chosen path arrives on the returned channel (`None` when cancelled).
pub(crate) fn spawn_dialog(
    ctx: &egui::Context,
    dialog: impl FnOnce() -> Option<PathBuf> + Send + 'static,
) -> Result<Receiver<Option<PathBuf>>> {
    let (tx, rx) = channel();
    let ctx = ctx.clone();
    std::thread::Builder::new()
        .name("lotse-file-dialog".to_owned())
        .spawn(move || {
            let _ = tx.send(dialog());
            ctx.request_repaint();
        })
        .map_err(|e| Error::file("file dialog", e))?;
    Ok(rx)
}

/// Where a print job writes.
#[derive(Debug, Clone, PartialEq)]
enum Destination {
    /// A file in the temporary folder, opened in the system viewer.
    Viewer,
    File(PathBuf),
    Folder(PathBuf),
}

impl Destination {
    /// A path ending in `.pdf` is a file; anything else a folder.
    fn from_path(path: PathBuf) -> Destination {
        match PrintTarget::from_path(&path) {
            PrintTarget::File(p) => Destination::File(p),
            PrintTarget::Folder(p) => Destination::Folder(p),
        }
    }
}

/// A rendering thread at work.
struct Job {
    dest: Destination,
    open_when_done: bool,
    cancel: Arc<AtomicBool>,
    /// The fraction done, as `f32` bits.
    progress: Arc<AtomicU32>,
    done: Receiver<Result<Vec<PathBuf>>>,
}

/// Where the print window stands.
enum Phase {
    /// Choosing page, language and target.
    Options,
    /// The native file or folder dialog is open.
    Choosing(Receiver<Option<PathBuf>>),
    /// The worker loads the certificates.
    Loading {
        ticket: Ticket,
        dest: Destination,
        open_when_done: bool,
    },
    Rendering(Job),
    Finished {
        files: Vec<PathBuf>,
        dest: Destination,
        open_error: Option<String>,
    },
    Cancelled,
    Failed(String),
}

/// What the user did in the print window.
enum Action {
    None,
    Close,
    /// Print the one certificate to a temporary file and open it.
    Show,
    /// Open the save or folder dialog.
    Choose,
    /// Back to the options.
    Again,
    StopLoading,
    OpenFailed(String),
}

/// The print window for a set of certificates.
struct PrintDialog {
    ids: Vec<CertificateId>,
    /// "DL-2026-0007 · Erika Mustermann" or "12 Urkunden".
    title: String,
    /// The file name the save dialog proposes.
    suggested: String,
    orientation: Orientation,
    lang: Lang,
    /// A batch goes to a folder of single PDFs instead of one merged PDF.
    to_folder: bool,
    /// PDF/A-2b, as the settings say.
    pdfa: bool,
    phase: Phase,
}

/// The print window and its job, if one is open.
#[derive(Default)]
pub(crate) struct PrintState {
    dialog: Option<PrintDialog>,
}

impl PrintState {
    /// Opens the print window for `ids` (in this order); `title` names them for the user,
    /// `suggested` is the file name to propose. A job under way is cancelled.
    pub fn open(&mut self, ids: Vec<CertificateId>, title: String, suggested: String) {
        self.cancel();
        if ids.is_empty() {
            return;
        }
        self.dialog = Some(PrintDialog {
            ids,
            title,
            suggested,
            orientation: Orientation::Portrait,
            lang: i18n::language(),
            to_folder: false,
            pdfa: true,
            phase: Phase::Options,
        });
    }

    /// Opens the print window for `ids` (in this order), titled from `certs`: the serial
    /// and name of a single certificate, or how many.
    pub fn open_for(&mut self, ids: Vec<CertificateId>, certs: &CertData, today: NaiveDate) {
        let (title, suggested) = match ids.as_slice() {
            [one] => match certs.certificate(*one) {
                Some(c) => (
                    format!("{} · {}", c.serial, c.full_name()),
                    format!("{}_{}.pdf", safe_name(&c.serial), safe_name(&c.last_name)),
                ),
                None => (one.to_string(), format!("{one}.pdf")),
            },
            many => (
                ta("appcert-print-count", &[("count", Arg::from(many.len()))]),
                format!(
                    "{}_{}.pdf",
                    safe_name(&t("appcert-print-file-stem")),
                    today.format("%Y-%m-%d")
                ),
            ),
        };
        self.open(ids, title, suggested);
        if let Some(dialog) = &mut self.dialog {
            dialog.pdfa = certs.settings.pdfa;
        }
    }

    /// True while the certificates are loaded or rendered.
    pub fn is_running(&self) -> bool {
        self.dialog.as_ref().is_some_and(|d| {
            matches!(
                d.phase,
                Phase::Loading { .. } | Phase::Rendering(_) | Phase::Choosing(_)
            )
        })
    }

    /// The fraction done of the running job (0.0 to 1.0), if one renders.
    pub fn progress(&self) -> Option<f32> {
        match &self.dialog.as_ref()?.phase {
            Phase::Rendering(job) => Some(f32::from_bits(job.progress.load(Ordering::Relaxed))),
            _ => None,
        }
    }

    /// The files the last job wrote, once it finished.
    pub fn finished_files(&self) -> Option<&[PathBuf]> {
        match &self.dialog.as_ref()?.phase {
            Phase::Finished { files, .. } => Some(files),
            _ => None,
        }
    }

    /// Prints the certificates of the open window to `path` (a `.pdf` file gets one page per
    /// certificate; anything else is a folder of single PDFs), as if the user had chosen
    /// it in the save dialog. With `open_when_done` a single file is then opened in the
    /// system viewer. Returns false when no print window is open.
    pub fn print_to(&mut self, path: PathBuf, open_when_done: bool, worker: &mut Worker) -> bool {
        let Some(dialog) = &mut self.dialog else {
            return false;
        };
        dialog.start(Destination::from_path(path), open_when_done, worker);
        true
    }

    fn cancel(&mut self) {
        if let Some(PrintDialog {
            phase: Phase::Rendering(job),
            ..
        }) = &self.dialog
        {
            job.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Picks up the loaded certificates and starts rendering them; returns the answer if
    /// it is not ours.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
    ) -> Option<Result<Outcome>> {
        let Some(dialog) = &mut self.dialog else {
            return Some(result);
        };
        let Phase::Loading {
            ticket: waiting,
            dest,
            open_when_done,
        } = &dialog.phase
        else {
            return Some(result);
        };
        if *waiting != ticket {
            return Some(result);
        }
        let (dest, open_when_done) = (dest.clone(), *open_when_done);
        dialog.phase = match result {
            Ok(Outcome::Certs(CertOutcome::Printables(items))) => {
                let options = RenderOptions {
                    lang: dialog.lang,
                    orientation: dialog.orientation,
                    pdfa: dialog.pdfa,
                };
                match spawn_job(items, options, dest, open_when_done) {
                    Ok(job) => Phase::Rendering(job),
                    Err(e) => Phase::Failed(e.user_message()),
                }
            }
            Ok(_) => Phase::Options,
            Err(e) => Phase::Failed(e.user_message()),
        };
        None
    }

    /// Draws the print window, if open, and follows its job.
    pub fn window_ui(&mut self, ui: &mut Ui, worker: &mut Worker) {
        let Some(dialog) = &mut self.dialog else {
            return;
        };
        dialog.poll(worker);
        if matches!(dialog.phase, Phase::Rendering(_) | Phase::Loading { .. }) {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
        let mut open = true;
        let mut close = false;
        let screen = ui.ctx().content_rect();
        egui::Window::new(ta(
            "appcert-print-title",
            &[("what", Arg::from(dialog.title.as_str()))],
        ))
        .id(egui::Id::unique("appcert-print-window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(screen.center())
        .show(ui.ctx(), |ui| {
            ui.set_min_width(500.0);
            close = dialog.body_ui(ui, worker);
        });
        if !open || close {
            self.cancel();
            self.dialog = None;
        }
    }
}

impl PrintDialog {
    fn is_batch(&self) -> bool {
        self.ids.len() > 1
    }

    fn start(&mut self, dest: Destination, open_when_done: bool, worker: &mut Worker) {
        let ticket = worker.send(Command::Certs(CertCommand::LoadPrintables(
            self.ids.clone(),
        )));
        self.phase = Phase::Loading {
            ticket,
            dest,
            open_when_done,
        };
    }

    /// Opens the native dialog for the file or folder to print to.
    fn choose(&mut self, ctx: &egui::Context) {
        let to_folder = self.is_batch() && self.to_folder;
        let title = t("appcert-print-dialog-title");
        let filter = t("appcert-print-filter");
        let suggested = self.suggested.clone();
        let spawned = spawn_dialog(ctx, move || {
            let mut dialog = rfd::FileDialog::new().set_title(title);
            if let Some(dir) =
                directories::UserDirs::new().and_then(|u| u.document_dir().map(Path::to_path_buf))
            {
                dialog = dialog.set_directory(dir);
            }
            if to_folder {
                dialog.pick_folder()
            } else {
                dialog
                    .add_filter(filter, &["pdf", "PDF"])
                    .set_file_name(suggested)
                    .save_file()
            }
        });
        self.phase = match spawned {
            Ok(rx) => Phase::Choosing(rx),
            Err(e) => Phase::Failed(e.user_message()),
        };
    }

    /// Takes the dialog's answer and the job's end.
    fn poll(&mut self, worker: &mut Worker) {
        match &mut self.phase {
            Phase::Choosing(rx) => match rx.try_recv() {
                Ok(Some(path)) => {
                    let mut dest = Destination::from_path(path);
                    // A folder was asked for; a name ending in .pdf is still a folder then.
                    if self.is_batch() && self.to_folder {
                        if let Destination::File(p) = dest {
                            dest = Destination::Folder(p);
                        }
                    } else if let Destination::Folder(p) = dest {
                        dest = Destination::File(p.with_extension("pdf"));
                    }
                    self.start(dest, true, worker);
                }
                Ok(None) | Err(TryRecvError::Disconnected) => self.phase = Phase::Options,
                Err(TryRecvError::Empty) => {}
            },
            Phase::Rendering(job) => match job.done.try_recv() {
                Ok(Ok(files)) => {
                    let dest = job.dest.clone();
                    let open_error = if job.open_when_done {
                        open_result(&dest, &files)
                    } else {
                        None
                    };
                    self.phase = Phase::Finished {
                        files,
                        dest,
                        open_error,
                    };
                }
                Ok(Err(Error::Cancelled)) => self.phase = Phase::Cancelled,
                Ok(Err(e)) => self.phase = Phase::Failed(e.user_message()),
                Err(TryRecvError::Disconnected) => {
                    self.phase = Phase::Failed(t("appcert-print-thread-gone"));
                }
                Err(TryRecvError::Empty) => {}
            },
            _ => {}
        }
    }

    /// Draws the window's content; returns true when the user closed it.
    fn body_ui(&mut self, ui: &mut Ui, worker: &mut Worker) -> bool {
        let action = if matches!(self.phase, Phase::Options | Phase::Choosing(_)) {
            self.options_phase_ui(ui)
        } else {
            self.job_phase_ui(ui)
        };
        match action {
            Action::None => {}
            Action::Close => return true,
            Action::Show => self.start(Destination::Viewer, true, worker),
            Action::Choose => self.choose(ui.ctx()),
            Action::Again => self.phase = Phase::Options,
            Action::StopLoading => self.phase = Phase::Cancelled,
            Action::OpenFailed(message) => {
                if let Phase::Finished { open_error, .. } = &mut self.phase {
                    *open_error = Some(message);
                }
            }
        }
        false
    }

    /// The options and the buttons that start the job.
    fn options_phase_ui(&mut self, ui: &mut Ui) -> Action {
        let mut action = Action::None;
        let choosing = matches!(self.phase, Phase::Choosing(_));
        self.options_ui(ui, !choosing);
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if self.is_batch() {
                let key = if self.to_folder {
                    "appcert-print-choose-folder"
                } else {
                    "appcert-print-choose-file"
                };
                if ui.add_enabled(!choosing, primary_button(t(key))).clicked() {
                    action = Action::Choose;
                }
            } else {
                if ui
                    .add_enabled(!choosing, primary_button(t("appcert-print-show")))
                    .on_hover_text(t("appcert-print-show-hint"))
                    .clicked()
                {
                    action = Action::Show;
                }
                if ui
                    .add_enabled(!choosing, egui::Button::new(t("appcert-print-save-as")))
                    .clicked()
                {
                    action = Action::Choose;
                }
            }
            if ui.button(t("app-close")).clicked() {
                action = Action::Close;
            }
            if choosing {
                ui.spinner();
            }
        });
        action
    }

    /// A running, finished, cancelled or failed job.
    fn job_phase_ui(&self, ui: &mut Ui) -> Action {
        let mut action = Action::None;
        let again_or_close = |ui: &mut Ui, action: &mut Action| {
            ui.horizontal(|ui| {
                if ui.button(t("appcert-print-again")).clicked() {
                    *action = Action::Again;
                }
                if ui.button(t("app-close")).clicked() {
                    *action = Action::Close;
                }
            });
        };
        match &self.phase {
            Phase::Options | Phase::Choosing(_) => {}
            Phase::Loading { .. } => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(t("appcert-print-loading"));
                });
                ui.add_space(6.0);
                if ui.button(t("app-cancel")).clicked() {
                    action = Action::StopLoading;
                }
            }
            Phase::Rendering(job) => {
                let fraction = f32::from_bits(job.progress.load(Ordering::Relaxed)).clamp(0.0, 1.0);
                let count = self.ids.len();
                let text = match job.dest {
                    Destination::Folder(_) => {
                        let done = ((fraction * count as f32).round() as usize).min(count);
                        ta(
                            "appcert-print-progress-files",
                            &[("done", Arg::from(done)), ("count", Arg::from(count))],
                        )
                    }
                    _ => ta(
                        "appcert-print-progress-pages",
                        &[("count", Arg::from(count))],
                    ),
                };
                ui.label(text);
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .show_percentage()
                        .animate(true),
                );
                ui.add_space(6.0);
                let cancelling = job.cancel.load(Ordering::Relaxed);
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(!cancelling, egui::Button::new(t("app-cancel")))
                        .clicked()
                    {
                        job.cancel.store(true, Ordering::Relaxed);
                    }
                    if cancelling {
                        ui.label(RichText::new(t("app-cancelling")).color(MUTED));
                    }
                });
            }
            Phase::Finished {
                files,
                dest,
                open_error,
            } => {
                let first = files.first().cloned().unwrap_or_default();
                let (text, open_key, target) = match dest {
                    Destination::Folder(dir) => (
                        ta(
                            "appcert-print-done-folder",
                            &[
                                ("count", Arg::from(files.len())),
                                ("path", Arg::from(dir.display().to_string())),
                            ],
                        ),
                        "appcert-print-open-folder",
                        dir.clone(),
                    ),
                    Destination::Viewer => (
                        ta(
                            "appcert-print-done-viewer",
                            &[("path", Arg::from(first.display().to_string()))],
                        ),
                        "appcert-print-open-file",
                        first,
                    ),
                    Destination::File(_) => (
                        ta(
                            "appcert-print-done-file",
                            &[
                                ("count", Arg::from(self.ids.len())),
                                ("path", Arg::from(first.display().to_string())),
                            ],
                        ),
                        "appcert-print-open-file",
                        first,
                    ),
                };
                ui.add(egui::Label::new(RichText::new(text).color(SUCCESS)).wrap());
                if let Some(e) = open_error {
                    error_label(ui, e);
                }
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(t(open_key)).clicked()
                        && let Some(message) = open_path(&target)
                    {
                        action = Action::OpenFailed(message);
                    }
                    if ui.button(t("appcert-print-again")).clicked() {
                        action = Action::Again;
                    }
                    if ui.button(t("app-close")).clicked() {
                        action = Action::Close;
                    }
                });
            }
            Phase::Cancelled => {
                ui.label(t("appcert-print-cancelled"));
                if self.is_batch() && self.to_folder {
                    hint(ui, &t("appcert-print-cancelled-folder"));
                }
                ui.add_space(8.0);
                again_or_close(ui, &mut action);
            }
            Phase::Failed(message) => {
                error_label(ui, message);
                ui.add_space(8.0);
                again_or_close(ui, &mut action);
            }
        }
        action
    }

    /// Page, language and (for a batch) target.
    fn options_ui(&mut self, ui: &mut Ui, enabled: bool) {
        ui.add_enabled_ui(enabled, |ui| {
            egui::Grid::new("appcert-print-options")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .show(ui, |ui| {
                    ui.label(t("appcert-print-orientation"));
                    ui.horizontal(|ui| {
                        ui.radio_value(
                            &mut self.orientation,
                            Orientation::Portrait,
                            t("appcert-print-portrait"),
                        );
                        ui.radio_value(
                            &mut self.orientation,
                            Orientation::Landscape,
                            t("appcert-print-landscape"),
                        );
                    });
                    ui.end_row();
                    ui.label(t("appcert-print-language"));
                    ui.horizontal(|ui| {
                        for lang in Lang::ALL {
                            ui.radio_value(&mut self.lang, lang, lang.native_name());
                        }
                    });
                    ui.end_row();
                    if self.is_batch() {
                        ui.label(t("appcert-print-target"));
                        ui.vertical(|ui| {
                            ui.radio_value(&mut self.to_folder, false, t("appcert-print-merged"));
                            ui.radio_value(&mut self.to_folder, true, t("appcert-print-folder"));
                        });
                        ui.end_row();
                    }
                });
        });
    }
}

/// Starts rendering `items` on a thread of its own.
fn spawn_job(
    items: Vec<Printable>,
    options: RenderOptions,
    dest: Destination,
    open_when_done: bool,
) -> Result<Job> {
    let cancel = Arc::new(AtomicBool::new(false));
    let progress = Arc::new(AtomicU32::new(0.0_f32.to_bits()));
    let (tx, done) = channel();
    let target = match &dest {
        Destination::Viewer => PrintTarget::File(viewer_path(&items)),
        Destination::File(p) => PrintTarget::File(p.clone()),
        Destination::Folder(p) => PrintTarget::Folder(p.clone()),
    };
    let lang = i18n::language();
    let (job_cancel, job_progress) = (Arc::clone(&cancel), Arc::clone(&progress));
    std::thread::Builder::new()
        .name("lotse-print".to_owned())
        .spawn(move || {
            i18n::set_thread_language(lang);
            let mut report = |fraction: f32| {
                job_progress.store(fraction.to_bits(), Ordering::Relaxed);
                !job_cancel.load(Ordering::Relaxed)
            };
            let mut result = certs::print(&items, &options, &target, &mut report);
            // A merged file is written only at the end; cancelled meanwhile, it goes again.
            if let (Ok(files), PrintTarget::File(_)) = (&result, &target)
                && job_cancel.load(Ordering::Relaxed)
            {
                for f in files {
                    let _ = std::fs::remove_file(f);
                }
                result = Err(Error::Cancelled);
            }
            let _ = tx.send(result);
        })
        .map_err(|e| Error::file("print thread", e))?;
    Ok(Job {
        dest,
        open_when_done,
        cancel,
        progress,
        done,
    })
}

/// `text` with only letters, digits and `-`, other runs replaced by one `_`.
fn safe_name(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect::<String>()
        .split('_')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// A file in the temporary folder for viewing: the certificate's own file name.
fn viewer_path(items: &[Printable]) -> PathBuf {
    let name = match items {
        [one] => crate::certificate::file_name(&one.snapshot),
        _ => "Urkunden.pdf".to_owned(),
    };
    std::env::temp_dir().join("lotse").join(name)
}

/// Opens what a finished job wrote to a single file in the system viewer; the message
/// when that failed.
fn open_result(dest: &Destination, files: &[PathBuf]) -> Option<String> {
    match (dest, files.first()) {
        (Destination::Folder(_), _) | (_, None) => None,
        (_, Some(file)) => open_path(file),
    }
}

/// Opens `path` with the system's program for it; the message when that failed.
fn open_path(path: &Path) -> Option<String> {
    opener::open(path).err().map(|e| {
        ta(
            "appcert-open-failed",
            &[
                ("path", Arg::from(path.display().to_string())),
                ("detail", Arg::from(e.to_string())),
            ],
        )
    })
}
