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
//!   kind wins and the results come back as view models ([`Slot`](compute::Slot)s).
//! - Exports ask for a file name in the native dialog and write the file on a thread of their own.
//!
//! Nothing here runs SQL or computes a report inside a frame. This file holds the commands
//! and the dashboard's view model, [`compute`] the compute thread, [`state`] the UI side.

mod compute;
mod state;

pub(crate) use compute::Want;
pub(crate) use state::{ExportSource, ReportsState};

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Days, NaiveDate};

use crate::app::training::worker::TrainingData;
use crate::app::worker::Outcome;
use crate::error::Result;
use crate::model::SessionRow;
use crate::model::{DepartmentId, EmployeeId, ProgramId};
use crate::report::{
    CertificateState, CoverageFigures, CoverageOptions, CoverageReport, Matrix, ReportData,
    ReportProgram,
};
use crate::service::Database;
use crate::service::{self, live::Live};

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
pub(crate) fn run_reports_command(database: &Database, command: ReportsCommand) -> Result<Outcome> {
    match command {
        ReportsCommand::Load => {
            let data = service::reports::load(database)?;
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
    /// Certificates due for renewal per band (expired, near, middle, far).
    pub renewals: [usize; 4],
    pub renewal_thresholds: crate::rules::Thresholds,
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
    view.renewal_thresholds = live.renewal_thresholds;
    view.renewals = service::renewals::due_bands(
        &live.employees,
        &live.certificates,
        &live.renewal_thresholds,
        today,
    );
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
        renewals: [0; 4],
        renewal_thresholds: Default::default(),
    }
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
