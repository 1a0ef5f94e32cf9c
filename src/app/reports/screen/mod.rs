//! The Reports screen: coverage per department (a tree with the people behind every
//! number), the training matrix (employees × programs or seminars), and training hours of
//! a year — each exportable as CSV or XLSX, coverage also as a printable PDF.
//!
//! Every figure comes from [`ReportsState`]: the screen says what it wants
//! ([`Want`]) and draws the latest result; computing happens on a thread of its own.
//!
//! This file is the view model (the screen's state, what it wants, the rows it shows);
//! [`view`] draws the frame of the screen, [`coverage`], [`matrix`] and [`hours`] its tabs.

mod compliance;

pub(crate) use compliance::export_compliance_to;
mod coverage;
mod hours;
mod matrix;
mod view;

pub(crate) use view::reports_ui;

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};

use crate::app::data::Data;
use crate::app::reports::worker::{ExportSource, MatrixView, ReportsState, Want};
use crate::i18n::{Arg, fmt_date, t, ta};
use crate::model::{DepartmentId, EmployeeId, ProgramId};
use crate::report::{
    CoverageLine, CoverageOptions, CoverageReport, HoursOptions, HoursReport, MatrixCell,
    MatrixColumns, MatrixOptions, Measure, ProgramStanding, SeminarState,
};
use crate::text::fold_search;

/// The three reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum ReportTab {
    #[default]
    Coverage,
    Matrix,
    Hours,
}

/// The measures the coverage table shows, in its order.
const TABLE_MEASURES: [Measure; 5] = [
    Measure::Employees,
    Measure::Valid,
    Measure::Expiring,
    Measure::Expired,
    Measure::InProgress,
];

/// One person in the side list behind a coverage number.
struct DrillPerson {
    employee_id: EmployeeId,
    /// "Last, First".
    name: String,
    personnel_number: String,
    department: String,
    standing: Option<ProgramStanding>,
}

/// The side list: the people behind one number of the coverage table.
struct Drill {
    line: CoverageLine,
    program: ProgramId,
    measure: Measure,
    /// The coverage result it was built from.
    serial: u64,
    title: String,
    people: Vec<DrillPerson>,
}

/// How the hours per employee are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum HoursSort {
    #[default]
    Name,
    Hours,
}

/// The Reports screen's own state: options, tree state, caches of filtered rows.
#[derive(Default)]
pub(crate) struct ReportsScreenState {
    pub tab: ReportTab,
    /// The as-of date as typed.
    as_of_text: String,
    /// The last valid as-of date; `None` until the screen is first shown (then today).
    as_of: Option<NaiveDate>,
    /// The program of the coverage tree; `None` = the main program.
    program: Option<ProgramId>,
    /// Coverage rows whose sub-units are shown.
    expanded: HashSet<DepartmentId>,
    expanded_version: u64,
    expanded_initialised: bool,
    /// Positions in the coverage report's rows that are shown.
    coverage_rows: Vec<usize>,
    coverage_rows_key: Option<(u64, u64)>,
    drill: Option<Drill>,
    matrix_columns: MatrixColumns,
    matrix_department: Option<DepartmentId>,
    matrix_search: String,
    /// Positions in the matrix rows that pass the search and the department filter.
    matrix_visible: Vec<usize>,
    matrix_key: Option<(u64, String, Option<DepartmentId>, u64)>,
    /// The matrix's vertical scroll position, shared by its frozen and its scrolling part.
    matrix_offset: f32,
    /// `None` until first shown (then this year).
    year: Option<i32>,
    /// The department row of the hours report whose people are listed.
    hours_department: Option<DepartmentId>,
    hours_sort: HoursSort,
    hours_visible: Vec<usize>,
    hours_key: Option<(u64, Option<DepartmentId>, HoursSort)>,
    /// The department the compliance report is for; `None` = the whole administration.
    compliance_department: Option<DepartmentId>,
}

impl ReportsScreenState {
    /// Sets the defaults that need the data: as-of today, this year.
    fn initialise(&mut self, today: NaiveDate) {
        if self.as_of.is_none() {
            self.as_of = Some(today);
            self.as_of_text = fmt_date(today);
        }
        if self.year.is_none() {
            self.year = Some(today.year());
        }
    }

    fn as_of(&self, today: NaiveDate) -> NaiveDate {
        self.as_of.unwrap_or(today)
    }

    fn set_as_of(&mut self, date: NaiveDate) {
        self.as_of = Some(date);
        self.as_of_text = fmt_date(date);
    }
}

/// What the tab shown needs computed.
fn wanted(screen: &ReportsScreenState, main: Option<ProgramId>, today: NaiveDate) -> Want {
    match screen.tab {
        ReportTab::Coverage => Want::Coverage(CoverageOptions {
            as_of: screen.as_of(today),
            department: None,
            program: screen.program.or(main),
        }),
        ReportTab::Matrix => Want::Matrix(MatrixOptions::on(
            screen.as_of(today),
            screen.matrix_columns,
        )),
        ReportTab::Hours => Want::Hours(HoursOptions {
            year: screen.year.unwrap_or(today.year()),
            department: None,
        }),
    }
}

/// What the tab shown exports (as filtered on screen) and the file name it proposes.
fn shown_export(
    reports: &ReportsState,
    program: Option<ProgramId>,
) -> Option<(ExportSource, String)> {
    let screen = &reports.reports_screen;
    match screen.tab {
        ReportTab::Coverage => {
            let report = reports.coverage.value().cloned()?;
            let code = program
                .and_then(|p| report.program_position(p))
                .and_then(|j| report.programs.get(j))
                .map(|p| format!("-{}", p.code))
                .unwrap_or_default();
            let stem = format!("{}{code}-{}", t("apprep-file-coverage"), report.as_of);
            Some((ExportSource::Coverage(report), stem))
        }
        ReportTab::Matrix => {
            let view = reports.matrix.value().cloned()?;
            let stem = format!("{}-{}", t("apprep-file-matrix"), view.matrix.as_of);
            let visible = screen.matrix_visible.clone();
            Some((ExportSource::Matrix(view, visible), stem))
        }
        ReportTab::Hours => {
            let report = reports.hours.value().cloned()?;
            let stem = format!("{}-{}", t("apprep-file-hours"), report.year);
            Some((ExportSource::Hours(report), stem))
        }
    }
}

/// Writes the report on screen to `path` in the format its extension names, without the
/// save dialog (on a thread; the status line says when it is done). Fails at once when
/// the extension does not fit the report.
pub(crate) fn export_shown_to(
    reports: &mut ReportsState,
    path: std::path::PathBuf,
) -> crate::error::Result<()> {
    let tab = reports.reports_screen.tab;
    let main = reports.loaded().and_then(|l| l.main_program);
    let program = reports.reports_screen.program.or(main);
    let format = crate::service::reports::format_of(&path, tab == ReportTab::Coverage)?;
    if let Some((source, _)) = shown_export(reports, program) {
        reports.export_to(source, format, path);
    }
    Ok(())
}

/// Rebuilds the list of shown tree rows when the report or the expansion changed.
fn refresh_coverage_rows(screen: &mut ReportsScreenState, report: &CoverageReport, serial: u64) {
    if !screen.expanded_initialised && !report.rows.is_empty() {
        screen.expanded = report
            .rows
            .iter()
            .filter(|r| r.depth == 0)
            .filter_map(|r| r.department_id)
            .collect();
        screen.expanded_initialised = true;
        screen.expanded_version += 1;
    }
    let key = (serial, screen.expanded_version);
    if screen.coverage_rows_key == Some(key) {
        return;
    }
    let mut shown = vec![false; report.rows.len()];
    let mut rows = Vec::new();
    for (i, row) in report.rows.iter().enumerate() {
        let visible = match row.parent {
            None => true,
            Some(p) => {
                shown.get(p).copied().unwrap_or(false)
                    && report.rows[p]
                        .department_id
                        .is_some_and(|d| screen.expanded.contains(&d))
            }
        };
        shown[i] = visible;
        if visible {
            rows.push(i);
        }
    }
    screen.coverage_rows = rows;
    screen.coverage_rows_key = Some(key);
}

/// Rebuilds the side list for a recomputed report (another as-of date), keeping what it shows.
fn refresh_drill(screen: &mut ReportsScreenState, report: &CoverageReport, serial: u64) {
    let Some(drill) = &screen.drill else {
        return;
    };
    if drill.serial == serial {
        return;
    }
    if report.program_position(drill.program).is_none() {
        screen.drill = None;
        return;
    }
    let rebuilt = build_drill(report, serial, drill.line, drill.program, drill.measure);
    screen.drill = Some(rebuilt);
}

/// The people behind one number.
fn build_drill(
    report: &CoverageReport,
    serial: u64,
    line: CoverageLine,
    program: ProgramId,
    measure: Measure,
) -> Drill {
    let row = report.row_of_line(line);
    let j = report.program_position(program).unwrap_or(0);
    let people = if line != CoverageLine::Total && row.is_none() {
        Vec::new()
    } else {
        report.people(row, j, measure)
    };
    let department_name = match row.and_then(|r| report.rows.get(r)) {
        Some(r) => r.name.clone(),
        None => t("report-total"),
    };
    let program_title = report
        .programs
        .get(j)
        .map(|p| p.title.clone())
        .unwrap_or_default();
    let title = ta(
        "apprep-drill-title",
        &[
            ("measure", Arg::from(measure.label())),
            ("department", Arg::from(department_name)),
            ("program", Arg::from(program_title)),
            ("date", Arg::from(fmt_date(report.as_of))),
        ],
    );
    Drill {
        line,
        program,
        measure,
        serial,
        title,
        people: people
            .into_iter()
            .map(|p| DrillPerson {
                employee_id: p.employee_id,
                name: format!("{}, {}", p.last_name, p.first_name),
                personnel_number: p.personnel_number.clone(),
                department: match (&p.department_code, &p.department_name) {
                    (Some(c), Some(n)) => format!("{c} {n}"),
                    (Some(c), None) => c.clone(),
                    _ => String::new(),
                },
                standing: p.standings.get(j).copied(),
            })
            .collect(),
    }
}

/// The spoken name of a number: "Gültig, Hauptamt: 2".
fn spoken(measure: Measure, department: &str, value: u32) -> String {
    ta(
        "apprep-cell-spoken",
        &[
            ("measure", Arg::from(measure.label())),
            ("department", Arg::from(department)),
            ("value", Arg::from(value)),
        ],
    )
}

/// Rebuilds the filtered rows when the matrix, the search or the department changed.
fn refresh_matrix_rows(
    screen: &mut ReportsScreenState,
    view: &MatrixView,
    serial: u64,
    data: &Data,
) {
    let key = (
        serial,
        screen.matrix_search.clone(),
        screen.matrix_department,
        data.revision,
    );
    if screen.matrix_key.as_ref() == Some(&key) {
        return;
    }
    let words: Vec<String> = screen
        .matrix_search
        .split_whitespace()
        .map(fold_search)
        .collect();
    let units = screen
        .matrix_department
        .map(|d| data.departments.subtree(d));
    screen.matrix_visible = (0..view.matrix.rows.len())
        .filter(|&i| match &units {
            Some(units) => view
                .departments
                .get(i)
                .copied()
                .flatten()
                .is_some_and(|d| units.contains(&d)),
            None => true,
        })
        .filter(|&i| {
            let key = view.keys.get(i).map(String::as_str).unwrap_or_default();
            words.iter().all(|w| key.contains(w.as_str()))
        })
        .collect();
    screen.matrix_key = Some(key);
}

/// The text of a matrix cell on screen: a program's state in words; for a seminar the
/// day (the colour says attended, in part or registered; the tooltip says it in words).
fn cell_text(cell: &MatrixCell) -> String {
    match cell {
        MatrixCell::Seminar(SeminarState::Attended { on, partial: false }) => fmt_date(*on),
        MatrixCell::Seminar(SeminarState::Attended { on, partial: true }) => ta(
            "apprep-seminar-partial-short",
            &[("date", Arg::from(fmt_date(*on)))],
        ),
        MatrixCell::Seminar(SeminarState::Registered { on }) => ta(
            "apprep-seminar-registered-short",
            &[("date", Arg::from(fmt_date(*on)))],
        ),
        other => other.label(),
    }
}

// ---------------------------------------------------------------------------------------
// Hours

/// Rebuilds the list of people shown below the departments.
fn refresh_hours_rows(screen: &mut ReportsScreenState, report: &HoursReport, serial: u64) {
    let key = (serial, screen.hours_department, screen.hours_sort);
    if screen.hours_key == Some(key) {
        return;
    }
    let row = screen
        .hours_department
        .and_then(|d| report.departments.iter().position(|r| r.department_id == d));
    let mut visible: Vec<usize> = match row {
        Some(row) => {
            let ids: HashSet<EmployeeId> = report
                .employees_of(row)
                .iter()
                .map(|e| e.employee_id)
                .collect();
            (0..report.employees.len())
                .filter(|&i| ids.contains(&report.employees[i].employee_id))
                .collect()
        }
        None => (0..report.employees.len()).collect(),
    };
    if screen.hours_sort == HoursSort::Hours {
        visible.sort_by(|&a, &b| {
            report.employees[b]
                .hours
                .total_cmp(&report.employees[a].hours)
        });
    }
    screen.hours_visible = visible;
    screen.hours_key = Some(key);
}
