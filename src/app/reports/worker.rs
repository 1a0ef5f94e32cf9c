//! The data behind the Dashboard and the Reports screen, and the work done off the UI thread.
//!
//! - The dashboard's figures ([`DashboardView`]) are part of the app's [`Data`]: the worker
//!   builds them from the facts it keeps up to date ([`dashboard_view`]) after each change
//!   that concerns them.
//! - While the Reports screen is shown, the app's worker loads a [`ReportData`] (a few bulk
//!   queries, every attendance record included) on [`ReportsCommand::Load`];
//!   [`ReportsState`] keeps it and asks again when the app's data changed (a new
//!   [`Data::revision`]).
//! - Coverage, the matrix and training hours are computed from it on a compute thread of
//!   this module's own, whenever the options on screen change; the newest request of each
//!   kind wins and the results come back as view models ([`Slot`]s).
//! - Exports ask for a file name in the native dialog and write the file on a thread of their own.
//!
//! Nothing here runs SQL or computes a report inside a frame.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

use chrono::{Days, NaiveDate};

use crate::app::data::Data;
use crate::app::reports::dashboard::DashboardState;
use crate::app::reports::screen::ReportsScreenState;
use crate::app::training::worker::TrainingData;
use crate::app::widgets::Notices;
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::{Error, Result};
use crate::i18n::{self, Arg, Lang, t, ta};
use crate::model::SessionRow;
use crate::model::{DepartmentId, EmployeeId, ProgramId};
use crate::report::{
    CertificateState, CoverageFigures, CoverageOptions, CoverageReport, ExportFormat, HoursOptions,
    HoursReport, Matrix, MatrixOptions, ReportData, ReportProgram, coverage, export, hours, matrix,
};
use crate::service::{self, live::Live};
use crate::store::Store;
use crate::text::fold_search;

/// How many days ahead the dashboard lists sessions.
pub(crate) const UPCOMING_DAYS: u64 = 14;
/// How many names the dashboard shows per program of people waiting for a certificate.
const DUE_NAMES: usize = 5;

/// What the Reports screen asks the app's worker to do.
pub(crate) enum ReportsCommand {
    /// Load everything reports need.
    Load,
}

/// What the worker answers to a [`ReportsCommand`].
pub(crate) enum ReportsOutcome {
    Loaded(Arc<Loaded>),
}

/// Everything loaded for the reports at one moment.
pub(crate) struct Loaded {
    pub data: Arc<ReportData>,
    /// The program reports show first (see [`main_program`]).
    pub main_program: Option<ProgramId>,
}

/// Runs a reports command on the worker thread (it only reads).
pub(crate) fn run_reports_command(store: &Store, command: ReportsCommand) -> Result<Outcome> {
    match command {
        ReportsCommand::Load => {
            let data = service::reports::load(store)?;
            Ok(Outcome::Reports(ReportsOutcome::Loaded(Arc::new(Loaded {
                main_program: main_program(&data),
                data: Arc::new(data),
            }))))
        }
    }
}

/// One certificate that expires soon, as the dashboard lists it.
#[derive(Debug, Clone)]
pub(crate) struct ExpiringItem {
    pub employee_id: EmployeeId,
    /// "Last, First".
    pub name: String,
    pub personnel_number: String,
    /// Position in [`DashboardView::programs`].
    pub program: usize,
    pub until: NaiveDate,
    pub days_left: i64,
}

/// The people of one program who meet every requirement and hold no valid certificate.
#[derive(Debug, Clone)]
pub(crate) struct DueProgram {
    pub count: usize,
    /// The first few, in name order: id and "First Last".
    pub first: Vec<(EmployeeId, String)>,
}

/// One top-level department in the dashboard's chart.
#[derive(Debug, Clone)]
pub(crate) struct ChartDepartment {
    pub code: String,
    pub name: String,
    /// One per program.
    pub figures: Vec<CoverageFigures>,
}

/// The dashboard's figures.
#[derive(Debug, Clone, Default)]
pub(crate) struct DashboardView {
    pub programs: Vec<ReportProgram>,
    /// Soonest first.
    pub expiring: Vec<ExpiringItem>,
    /// One per program.
    pub due: Vec<DueProgram>,
    pub chart: Vec<ChartDepartment>,
    /// Over the whole organisation, one per program.
    pub total: Vec<CoverageFigures>,
    /// Sessions starting from today to [`UPCOMING_DAYS`] ahead, earliest first.
    pub sessions: Vec<SessionRow>,
    /// The program the chart shows first (see [`main_program`]).
    pub main_program: Option<ProgramId>,
}

/// The training matrix with what the screen filters by.
#[derive(Debug, Clone)]
pub(crate) struct MatrixView {
    pub matrix: Matrix,
    /// Per row: number, names and department, folded for tolerant search.
    pub keys: Vec<String>,
    /// Per row: the employee's department.
    pub departments: Vec<Option<DepartmentId>>,
}

/// What a screen wants computed; equal wants give equal results for the same data.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Want {
    Coverage(CoverageOptions),
    Matrix(MatrixOptions),
    Hours(HoursOptions),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Coverage,
    Matrix,
    Hours,
}

impl Want {
    fn kind(&self) -> Kind {
        match self {
            Want::Coverage(_) => Kind::Coverage,
            Want::Matrix(_) => Kind::Matrix,
            Want::Hours(_) => Kind::Hours,
        }
    }
}

/// A computed result.
enum Computed {
    Coverage(Arc<CoverageReport>),
    Matrix(Arc<MatrixView>),
    Hours(Arc<HoursReport>),
}

/// A request to the compute thread: the data of one generation and what to compute.
struct Request {
    generation: u64,
    data: Arc<ReportData>,
    lang: Lang,
    want: Want,
}

struct Answer {
    generation: u64,
    want: Want,
    computed: Computed,
}

/// The latest result of one kind, and the request under way.
pub(crate) struct Slot<T> {
    value: Option<Arc<T>>,
    have: Option<(u64, Want)>,
    pending: Option<(u64, Want)>,
    /// Increases whenever `value` is replaced (a key for caches derived from it).
    serial: u64,
}

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Slot {
            value: None,
            have: None,
            pending: None,
            serial: 0,
        }
    }
}

impl<T> Slot<T> {
    /// The latest result (possibly for older options while a new one is computed).
    pub fn value(&self) -> Option<&Arc<T>> {
        self.value.as_ref()
    }

    /// Changes whenever the value is replaced.
    pub fn serial(&self) -> u64 {
        self.serial
    }

    /// Whether a newer result is being computed.
    pub fn computing(&self) -> bool {
        self.pending.is_some()
    }

    /// Whether the result shown answers exactly `want` on the current data.
    pub fn is_current(&self, generation: u64, want: &Want) -> bool {
        self.have
            .as_ref()
            .is_some_and(|(g, w)| *g == generation && w == want)
    }

    fn asked(&self, generation: u64, want: &Want) -> bool {
        self.is_current(generation, want)
            || self
                .pending
                .as_ref()
                .is_some_and(|(g, w)| *g == generation && w == want)
    }

    fn fill(&mut self, generation: u64, want: Want, value: Arc<T>) {
        if self
            .pending
            .as_ref()
            .is_some_and(|(g, w)| *g == generation && *w == want)
        {
            self.pending = None;
        }
        // An answer to a request that was overtaken is still newer than nothing.
        let newer = self.have.as_ref().is_none_or(|(g, _)| *g <= generation);
        if newer {
            self.value = Some(value);
            self.have = Some((generation, want));
            self.serial += 1;
        }
    }

    fn clear(&mut self) {
        let serial = self.serial + 1;
        *self = Slot::default();
        self.serial = serial;
    }
}

/// The compute thread: requests in, answers out. It ends when this handle is dropped.
struct Engine {
    requests: Sender<Request>,
    answers: Receiver<Answer>,
}

impl Engine {
    fn spawn(ctx: egui::Context) -> Result<Engine> {
        let (requests, request_rx) = channel::<Request>();
        let (answer_tx, answers) = channel::<Answer>();
        std::thread::Builder::new()
            .name("lotse-reports".to_owned())
            .spawn(move || {
                while let Ok(first) = request_rx.recv() {
                    // Collapse what queued up meanwhile: only the newest of each kind counts.
                    let mut newest: Vec<Request> = vec![first];
                    while let Ok(next) = request_rx.try_recv() {
                        let kind = next.want.kind();
                        newest.retain(|r| r.want.kind() != kind);
                        newest.push(next);
                    }
                    for request in newest {
                        i18n::set_thread_language(request.lang);
                        let computed = compute(&request.data, &request.want);
                        let answer = Answer {
                            generation: request.generation,
                            want: request.want,
                            computed,
                        };
                        if answer_tx.send(answer).is_err() {
                            return;
                        }
                        ctx.request_repaint();
                    }
                }
            })
            .map_err(|e| Error::file("lotse-reports", e))?;
        Ok(Engine { requests, answers })
    }
}

/// Computes what `want` asks for from `data`.
fn compute(data: &ReportData, want: &Want) -> Computed {
    match want {
        Want::Coverage(options) => Computed::Coverage(Arc::new(coverage(data, options))),
        Want::Matrix(options) => Computed::Matrix(Arc::new(matrix_view(data, options))),
        Want::Hours(options) => Computed::Hours(Arc::new(hours(data, options))),
    }
}

/// The dashboard's figures on the day of `live`, from the facts it keeps (no attendance
/// is read): coverage over every program, read three ways, and the sessions of the next
/// [`UPCOMING_DAYS`] days from `training`. Built by the worker whenever they change.
pub(crate) fn dashboard_view(live: &Live, training: &TrainingData) -> DashboardView {
    let today = live.today();
    let data = live.report_data();
    let report = live.coverage(&data, &CoverageOptions::on(today));
    let until = today.checked_add_days(Days::new(UPCOMING_DAYS));
    let mut sessions: Vec<SessionRow> = training
        .sessions
        .iter()
        .map(|s| &s.row)
        .filter(|r| {
            let day = r.session.starts_at.date();
            day >= today && until.is_none_or(|u| day <= u)
        })
        .cloned()
        .collect();
    sessions.sort_by_key(|s| s.session.starts_at);
    let mut view = dashboard_of(report, today);
    view.sessions = sessions;
    view.main_program = main_program(&data);
    view
}

/// The dashboard's figures from a coverage report on `today`.
fn dashboard_of(report: CoverageReport, today: NaiveDate) -> DashboardView {
    let mut expiring = Vec::new();
    let mut due: Vec<DueProgram> = report
        .programs
        .iter()
        .map(|_| DueProgram {
            count: 0,
            first: Vec::new(),
        })
        .collect();
    for person in &report.people {
        for (j, standing) in person.standings.iter().enumerate() {
            if let CertificateState::Expiring { until } = standing.certificate {
                expiring.push(ExpiringItem {
                    employee_id: person.employee_id,
                    name: format!("{}, {}", person.last_name, person.first_name),
                    personnel_number: person.personnel_number.clone(),
                    program: j,
                    until,
                    days_left: (until - today).num_days(),
                });
            }
            if standing.is_due()
                && let Some(d) = due.get_mut(j)
            {
                d.count += 1;
                if d.first.len() < DUE_NAMES {
                    d.first.push((
                        person.employee_id,
                        format!("{} {}", person.first_name, person.last_name),
                    ));
                }
            }
        }
    }
    // People come in name order; a stable sort keeps it within a day.
    expiring.sort_by_key(|e| e.until);
    let chart = report
        .rows
        .iter()
        .filter(|r| r.depth == 0)
        .map(|r| ChartDepartment {
            code: r.code.clone(),
            name: r.name.clone(),
            figures: r.figures.clone(),
        })
        .collect();
    DashboardView {
        programs: report.programs,
        expiring,
        due,
        chart,
        total: report.total,
        sessions: Vec::new(),
        main_program: None,
    }
}

/// The matrix with its search keys and departments per row.
fn matrix_view(data: &ReportData, options: &MatrixOptions) -> MatrixView {
    let matrix = matrix(data, options);
    let department_of: HashMap<EmployeeId, Option<DepartmentId>> = data
        .employees
        .iter()
        .map(|e| (e.employee.id, e.employee.department_id))
        .collect();
    let keys = matrix
        .rows
        .iter()
        .map(|r| {
            fold_search(&format!(
                "{} {} {} {} {}",
                r.personnel_number,
                r.first_name,
                r.last_name,
                r.department_code.as_deref().unwrap_or_default(),
                r.department_name.as_deref().unwrap_or_default(),
            ))
        })
        .collect();
    let departments = matrix
        .rows
        .iter()
        .map(|r| department_of.get(&r.employee_id).copied().flatten())
        .collect();
    MatrixView {
        matrix,
        keys,
        departments,
    }
}

/// What an export writes.
pub(crate) enum ExportSource {
    Coverage(Arc<CoverageReport>),
    /// The matrix, only the rows at these positions (as filtered on screen).
    Matrix(Arc<MatrixView>, Vec<usize>),
    Hours(Arc<HoursReport>),
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

/// The program a report shows first: of those not archived, the one with the most
/// certificates issued (the main program of the house), else the first.
fn main_program(data: &ReportData) -> Option<ProgramId> {
    let mut issued: HashMap<ProgramId, usize> = HashMap::new();
    for i in 0..data.employees.len() {
        for c in data.certificates_of(i) {
            *issued.entry(c.program_id).or_default() += 1;
        }
    }
    let active = data.programs.iter().filter(|p| !p.archived);
    let mut best: Option<(usize, ProgramId)> = None;
    for p in active {
        let n = issued.get(&p.id).copied().unwrap_or(0);
        if best.is_none_or(|(m, _)| n > m) {
            best = Some((n, p.id));
        }
    }
    best.map(|(_, id)| id)
}
