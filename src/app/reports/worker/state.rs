//! [`ReportsState`], what the Dashboard and the Reports screen hold on the UI thread: the
//! loaded data, the computed results, the export under way and each screen's own state.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::app::data::Data;
use crate::app::reports::dashboard::DashboardState;
use crate::app::reports::screen::ReportsScreenState;
use crate::app::widgets::Notices;
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::{Error, Result};
use crate::i18n::{self, Arg, Lang, t, ta};
use crate::report::{
    ComplianceOptions, CoverageReport, ExportFormat, HoursReport, Matrix, ReportData, export,
};
use crate::service::{self};

use super::compute::{Answer, Computed, Engine, Kind, Request, Slot, Want};
use super::{Loaded, MatrixView, ReportsCommand, ReportsOutcome};

/// What an export writes.
pub(crate) enum ExportSource {
    Coverage(Arc<CoverageReport>),
    /// The matrix, only the rows at these positions (as filtered on screen).
    Matrix(Arc<MatrixView>, Vec<usize>),
    Hours(Arc<HoursReport>),
    /// The compliance report, computed on the export thread from the loaded data.
    Compliance(Arc<ReportData>, ComplianceOptions),
}

impl ExportSource {
    /// The bytes of the file and the number of data rows.
    fn bytes(&self, format: ExportFormat) -> Result<(Vec<u8>, usize)> {
        match self {
            ExportSource::Coverage(report) => {
                let rows = report.rows.len() * report.programs.len() + report.total.len();
                Ok((service::reports::coverage_bytes(report, format)?, rows))
            }
            ExportSource::Matrix(view, visible) => {
                let m = &view.matrix;
                let filtered = Matrix {
                    as_of: m.as_of,
                    kind: m.kind,
                    columns: m.columns.clone(),
                    rows: visible
                        .iter()
                        .filter_map(|&i| m.rows.get(i).cloned())
                        .collect(),
                };
                let rows = filtered.rows.len();
                Ok((service::reports::matrix_bytes(&filtered, format)?, rows))
            }
            ExportSource::Compliance(data, options) => {
                let report = crate::report::compliance(data, options);
                let rows = report.holders.len() + report.expired.len() + report.revoked.len();
                Ok((service::reports::compliance_bytes(&report, format)?, rows))
            }
            ExportSource::Hours(report) => {
                let mut sheets = export::hours_sheets(report);
                // CSV holds one table: the one per employee.
                if format == ExportFormat::Csv {
                    sheets.reverse();
                }
                let rows = sheets.first().map_or(0, |s| s.rows.len());
                Ok((service::reports::sheets_bytes(&sheets, format)?, rows))
            }
        }
    }
}

/// The extension and the dialog's filter name of a format.
fn extension(format: ExportFormat) -> (&'static str, &'static str) {
    match format {
        ExportFormat::Csv => ("csv", "CSV"),
        ExportFormat::Xlsx => ("xlsx", "Excel (XLSX)"),
        ExportFormat::Pdf => ("pdf", "PDF"),
    }
}

/// News from an export thread.
enum ExportNews {
    /// The user chose a file; it is being written.
    Writing(PathBuf),
    /// The file was written (rows), or the dialog was cancelled (`None`), or it failed.
    Done(Result<Option<(PathBuf, usize)>>),
}

/// Where an export goes.
enum ExportTarget {
    /// Ask in the save dialog, proposing this name (without extension).
    Ask(String),
    File(PathBuf),
}

/// An export under way.
struct ExportRun {
    news: Receiver<ExportNews>,
    writing: Option<PathBuf>,
}

/// Everything the Dashboard and the Reports screen hold: the loaded data, the computed
/// results, the export under way, and each screen's own state.
#[derive(Default)]
pub(crate) struct ReportsState {
    /// The app data revision the last load was asked for.
    requested_revision: Option<u64>,
    load_ticket: Option<Ticket>,
    /// Increases with every load; results remember the generation they were computed from.
    generation: u64,
    loaded: Option<Arc<Loaded>>,
    load_error: Option<String>,
    engine: Option<Engine>,
    /// The language the results were computed in.
    lang: Option<Lang>,
    pub coverage: Slot<CoverageReport>,
    pub matrix: Slot<MatrixView>,
    pub hours: Slot<HoursReport>,
    export: Option<ExportRun>,
    pub dashboard_screen: DashboardState,
    pub reports_screen: ReportsScreenState,
}

impl ReportsState {
    /// True while data is loaded, a result is computed or a file is written.
    pub fn is_busy(&self) -> bool {
        self.load_ticket.is_some()
            || self.coverage.computing()
            || self.matrix.computing()
            || self.hours.computing()
            || self.export.as_ref().is_some_and(|e| e.writing.is_some())
    }

    /// The loaded data, if any.
    pub fn loaded(&self) -> Option<&Arc<Loaded>> {
        self.loaded.as_ref()
    }

    /// Why the last load failed.
    pub fn load_error(&self) -> Option<&str> {
        self.load_error.as_deref()
    }

    /// Whether the app's data changed since the last load was asked for.
    pub fn outdated(&self, data: &Data) -> bool {
        self.requested_revision != Some(data.revision)
    }

    /// Asks the worker for fresh report data when the app's data changed since the last
    /// load (call while a report screen is shown).
    pub fn ensure_loaded(&mut self, data: &Data, worker: &mut Worker) {
        if self.requested_revision == Some(data.revision) || self.load_ticket.is_some() {
            return;
        }
        self.requested_revision = Some(data.revision);
        self.load_ticket = Some(worker.send(Command::Reports(ReportsCommand::Load)));
    }

    /// Picks up the answer to a load; returns the result if it is not ours.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
    ) -> Option<Result<Outcome>> {
        if self.load_ticket != Some(ticket) {
            return Some(result);
        }
        self.load_ticket = None;
        match result {
            Ok(Outcome::Reports(ReportsOutcome::Loaded(loaded))) => {
                self.generation += 1;
                self.loaded = Some(loaded);
                self.load_error = None;
            }
            Ok(_) => {}
            Err(e) => {
                self.load_error = Some(e.user_message());
            }
        }
        None
    }

    /// Asks the compute thread for `want` on the current data, unless it is shown or
    /// under way already. Nothing happens before data is loaded.
    pub fn request(&mut self, want: Want, ctx: &egui::Context) {
        self.follow_language();
        let Some(loaded) = &self.loaded else {
            return;
        };
        let generation = self.generation;
        let asked = match want.kind() {
            Kind::Coverage => self.coverage.asked(generation, &want),
            Kind::Matrix => self.matrix.asked(generation, &want),
            Kind::Hours => self.hours.asked(generation, &want),
        };
        if asked {
            return;
        }
        if self.engine.is_none() {
            match Engine::spawn(ctx.clone()) {
                Ok(engine) => self.engine = Some(engine),
                Err(e) => {
                    self.load_error = Some(e.user_message());
                    return;
                }
            }
        }
        let Some(engine) = &self.engine else {
            return;
        };
        let request = Request {
            generation,
            data: Arc::clone(&loaded.data),
            lang: i18n::language(),
            want: want.clone(),
        };
        if engine.requests.send(request).is_err() {
            self.engine = None;
            self.load_error = Some(t("app-worker-gone"));
            return;
        }
        let pending = Some((generation, want.clone()));
        match want.kind() {
            Kind::Coverage => self.coverage.pending = pending,
            Kind::Matrix => self.matrix.pending = pending,
            Kind::Hours => self.hours.pending = pending,
        }
    }

    /// Takes what the compute and export threads finished; call once per frame.
    pub fn poll(&mut self, notices: &mut Notices) {
        let mut gone = false;
        if let Some(engine) = &self.engine {
            loop {
                match engine.answers.try_recv() {
                    Ok(Answer {
                        generation,
                        want,
                        computed,
                    }) => match computed {
                        Computed::Coverage(v) => self.coverage.fill(generation, want, v),
                        Computed::Matrix(v) => self.matrix.fill(generation, want, v),
                        Computed::Hours(v) => self.hours.fill(generation, want, v),
                    },
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        gone = true;
                        break;
                    }
                }
            }
        }
        if gone {
            // The compute thread panicked: drop what was under way, start afresh on demand.
            self.engine = None;
            for slot_pending in [
                &mut self.coverage.pending,
                &mut self.matrix.pending,
                &mut self.hours.pending,
            ] {
                *slot_pending = None;
            }
            notices.error(t("app-worker-gone"));
        }
        self.poll_export(notices);
    }

    /// Forgets every computed result when the language changed (their texts are in the old one).
    fn follow_language(&mut self) {
        let lang = i18n::language();
        if self.lang != Some(lang) {
            self.lang = Some(lang);
            self.coverage.clear();
            self.matrix.clear();
            self.hours.clear();
        }
    }

    /// True while an export asks for a file name or writes the file.
    pub fn exporting(&self) -> bool {
        self.export.is_some()
    }

    /// The file being written, if any.
    pub fn export_writing(&self) -> Option<&PathBuf> {
        self.export.as_ref().and_then(|e| e.writing.as_ref())
    }

    /// Asks for a file name (native dialog, on a thread) and writes `source` there in
    /// `format`. `stem` is the proposed file name without extension.
    pub fn start_export(
        &mut self,
        source: ExportSource,
        format: ExportFormat,
        stem: String,
        ctx: &egui::Context,
    ) {
        self.spawn_export(source, format, ExportTarget::Ask(stem), Some(ctx.clone()));
    }

    /// Writes `source` to `path` on a thread, without asking (the file name decides
    /// nothing: `format` does).
    pub fn export_to(&mut self, source: ExportSource, format: ExportFormat, path: PathBuf) {
        self.spawn_export(source, format, ExportTarget::File(path), None);
    }

    fn spawn_export(
        &mut self,
        source: ExportSource,
        format: ExportFormat,
        target: ExportTarget,
        ctx: Option<egui::Context>,
    ) {
        if self.export.is_some() {
            return;
        }
        let (tx, news) = channel();
        let writing = match &target {
            ExportTarget::File(path) => Some(path.clone()),
            ExportTarget::Ask(_) => None,
        };
        let lang = i18n::language();
        let title = t("apprep-export-dialog");
        let thread_tx = tx.clone();
        let spawned = std::thread::Builder::new()
            .name("lotse-export".to_owned())
            .spawn(move || {
                let tx = thread_tx;
                let wake = || {
                    if let Some(ctx) = &ctx {
                        ctx.request_repaint();
                    }
                };
                i18n::set_thread_language(lang);
                let (ext, filter) = extension(format);
                let path = match target {
                    ExportTarget::File(path) => path,
                    ExportTarget::Ask(stem) => {
                        let chosen = rfd::FileDialog::new()
                            .set_title(title)
                            .set_file_name(format!("{stem}.{ext}"))
                            .add_filter(filter, &[ext])
                            .save_file();
                        let Some(mut path) = chosen else {
                            let _ = tx.send(ExportNews::Done(Ok(None)));
                            wake();
                            return;
                        };
                        if ExportFormat::from_path(&path) != Some(format) {
                            path.set_extension(ext);
                        }
                        let _ = tx.send(ExportNews::Writing(path.clone()));
                        wake();
                        path
                    }
                };
                let result = write_export(&source, format, &path);
                let _ = tx.send(ExportNews::Done(result.map(|rows| Some((path, rows)))));
                wake();
            });
        if let Err(e) = spawned {
            let _ = tx.send(ExportNews::Done(Err(Error::file("lotse-export", e))));
        }
        self.export = Some(ExportRun { news, writing });
    }

    fn poll_export(&mut self, notices: &mut Notices) {
        let Some(run) = &mut self.export else {
            return;
        };
        loop {
            match run.news.try_recv() {
                Ok(ExportNews::Writing(path)) => run.writing = Some(path),
                Ok(ExportNews::Done(result)) => {
                    match result {
                        Ok(Some((path, rows))) => {
                            let file = path
                                .file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                                .unwrap_or_default();
                            notices.success(ta(
                                "apprep-exported",
                                &[("file", Arg::from(file)), ("rows", Arg::from(rows))],
                            ));
                        }
                        Ok(None) => {}
                        Err(e) => notices.error(e.user_message()),
                    }
                    self.export = None;
                    return;
                }
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => {
                    self.export = None;
                    return;
                }
            }
        }
    }
}

fn write_export(source: &ExportSource, format: ExportFormat, path: &Path) -> Result<usize> {
    let (bytes, rows) = source.bytes(format)?;
    crate::files::write_private(path, &bytes)?;
    Ok(rows)
}
