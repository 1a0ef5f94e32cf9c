//! Coverage per department: for each department (its sub-units rolled up into it) and
//! each program, how many of the people employed on a day hold a valid certificate, how
//! many of those expire within 90 days, how many have let theirs expire, and how many are
//! on their way — with the people behind every number.

use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

use super::data::{ReportData, employed_on};
use super::standing::{ProgramStanding, program_standing};
use crate::i18n::{language, t};
use crate::model::{DepartmentId, Employee, EmployeeId, Program, ProgramId};

/// What a report asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CoverageOptions {
    pub as_of: NaiveDate,
    /// Only this department and its sub-units; `None` = every department.
    pub department: Option<DepartmentId>,
    /// Only this program (even if archived); `None` = every program not archived.
    pub program: Option<ProgramId>,
}

impl CoverageOptions {
    /// Every department and program on `as_of`.
    pub fn on(as_of: NaiveDate) -> CoverageOptions {
        CoverageOptions {
            as_of,
            department: None,
            program: None,
        }
    }
}

/// The numbers of a coverage report; a click on one lists [`CoverageReport::people`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Employed on the day (entered, not yet left).
    Employees,
    /// Holding a valid certificate of the program (expiring ones included).
    Valid,
    /// Of those, valid for at most 90 more days.
    Expiring,
    /// No valid certificate; the latest one has expired.
    Expired,
    /// No valid certificate; at least one requirement met.
    InProgress,
    /// No valid certificate; every requirement met (a certificate can be issued).
    Eligible,
}

impl Measure {
    /// The measures in the order reports show them.
    pub const ALL: [Measure; 6] = [
        Measure::Employees,
        Measure::Valid,
        Measure::Expiring,
        Measure::Expired,
        Measure::InProgress,
        Measure::Eligible,
    ];

    /// The JSON field name: `employees`, `valid`, `expiring`, `expired`, `in_progress`, `eligible`.
    pub fn code(self) -> &'static str {
        match self {
            Measure::Employees => "employees",
            Measure::Valid => "valid",
            Measure::Expiring => "expiring",
            Measure::Expired => "expired",
            Measure::InProgress => "in_progress",
            Measure::Eligible => "eligible",
        }
    }

    /// A column heading in the current language.
    pub fn label(self) -> String {
        t(match self {
            Measure::Employees => "report-measure-employees",
            Measure::Valid => "report-measure-valid",
            Measure::Expiring => "report-measure-expiring",
            Measure::Expired => "report-measure-expired",
            Measure::InProgress => "report-measure-in-progress",
            Measure::Eligible => "report-measure-eligible",
        })
    }

    /// One sentence that says what the number counts, for legends and tooltips.
    pub fn explanation(self) -> String {
        t(match self {
            Measure::Employees => "report-explain-employees",
            Measure::Valid => "report-explain-valid",
            Measure::Expiring => "report-explain-expiring",
            Measure::Expired => "report-explain-expired",
            Measure::InProgress => "report-explain-in-progress",
            Measure::Eligible => "report-explain-eligible",
        })
    }

    /// Whether a person with `standing` is counted by this measure.
    pub fn counts(self, standing: &ProgramStanding) -> bool {
        match self {
            Measure::Employees => true,
            Measure::Valid => standing.is_valid(),
            Measure::Expiring => standing.is_expiring(),
            Measure::Expired => standing.is_expired(),
            Measure::InProgress => standing.in_progress(),
            Measure::Eligible => standing.is_due(),
        }
    }
}

/// The numbers of one department (sub-units included) and one program.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
pub struct CoverageFigures {
    pub employees: u32,
    pub valid: u32,
    pub expiring: u32,
    pub expired: u32,
    pub in_progress: u32,
    pub eligible: u32,
}

impl CoverageFigures {
    /// `valid` ÷ `employees` × 100 with one decimal; 0 without employees.
    pub fn coverage_percent(&self) -> f64 {
        if self.employees == 0 {
            0.0
        } else {
            (f64::from(self.valid) * 1000.0 / f64::from(self.employees)).round() / 10.0
        }
    }

    pub fn get(&self, measure: Measure) -> u32 {
        match measure {
            Measure::Employees => self.employees,
            Measure::Valid => self.valid,
            Measure::Expiring => self.expiring,
            Measure::Expired => self.expired,
            Measure::InProgress => self.in_progress,
            Measure::Eligible => self.eligible,
        }
    }

    fn count(&mut self, s: &ProgramStanding) {
        self.employees += 1;
        self.valid += u32::from(s.is_valid());
        self.expiring += u32::from(s.is_expiring());
        self.expired += u32::from(s.is_expired());
        self.in_progress += u32::from(s.in_progress());
        self.eligible += u32::from(s.is_due());
    }

    fn add(&mut self, o: &CoverageFigures) {
        self.employees += o.employees;
        self.valid += o.valid;
        self.expiring += o.expiring;
        self.expired += o.expired;
        self.in_progress += o.in_progress;
        self.eligible += o.eligible;
    }
}

/// A program column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportProgram {
    pub id: ProgramId,
    pub code: String,
    /// The title in the current language (German: the neutral form, "Digitallots:in").
    pub title: String,
}

/// Which line of a coverage report a number comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CoverageLine {
    /// Everybody in the report.
    Total,
    /// A department with its sub-units.
    Department(DepartmentId),
    /// The people without a department.
    Unassigned,
}

/// One department line: its own figures plus those of all its sub-units; or, last and
/// only when there are such people, the line of those without a department
/// (`department_id` `None`, named "ohne Organisationseinheit"), so that the top lines
/// add up to the total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageRow {
    /// `None` for the line of the people without a department.
    pub department_id: Option<DepartmentId>,
    pub code: String,
    pub name: String,
    /// 0 for the top line(s) of the report, 1 below them, …
    pub depth: usize,
    /// The row of the parent department, when shown.
    pub parent: Option<usize>,
    /// Whether rows of sub-units follow (for an expand/collapse arrow).
    pub has_children: bool,
    pub active: bool,
    /// One per program, in the order of [`CoverageReport::programs`].
    pub figures: Vec<CoverageFigures>,
    /// The positions in the department tree this line counts; `None` for the people
    /// without a department.
    #[serde(skip)]
    subtree: Option<Range<usize>>,
}

impl CoverageRow {
    /// Which line this is.
    pub fn line(&self) -> CoverageLine {
        match self.department_id {
            Some(id) => CoverageLine::Department(id),
            None => CoverageLine::Unassigned,
        }
    }
}

/// One person counted in the report, with their standing in each program.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoveragePerson {
    pub employee_id: EmployeeId,
    pub personnel_number: String,
    pub first_name: String,
    pub last_name: String,
    pub department_code: Option<String>,
    pub department_name: Option<String>,
    /// One per program, in the order of [`CoverageReport::programs`].
    pub standings: Vec<ProgramStanding>,
    #[serde(skip)]
    department: Option<usize>,
}

/// Coverage per department on one day: plain rows, computed once, cheap to clone and
/// safe to send to the UI thread.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageReport {
    pub as_of: NaiveDate,
    pub organisation: String,
    /// Printed as PDF/A-2b.
    #[serde(skip)]
    pub pdfa: bool,
    pub programs: Vec<ReportProgram>,
    /// The department filtered on, if any (its row is the first).
    pub department: Option<DepartmentId>,
    /// Departments in tree order (each followed by its sub-units). Inactive
    /// departments without anybody in them are left out. Last, when the report covers
    /// the whole organisation and somebody has no department, their line.
    pub rows: Vec<CoverageRow>,
    /// The figures over everybody in the report: the whole organisation (employees
    /// without a department included), or the department filtered on.
    pub total: Vec<CoverageFigures>,
    /// Everybody counted, in name order.
    pub people: Vec<CoveragePerson>,
}

impl CoverageReport {
    /// The people behind a number: those in `row` (`None` = the whole report) counted by
    /// `measure` in the program at position `program`, in name order.
    pub fn people(
        &self,
        row: Option<usize>,
        program: usize,
        measure: Measure,
    ) -> Vec<&CoveragePerson> {
        let range = match row {
            Some(r) => match self.rows.get(r) {
                Some(row) => Some(row.subtree.clone()),
                None => return Vec::new(),
            },
            None => None,
        };
        self.people
            .iter()
            .filter(|p| match &range {
                None => true,
                Some(None) => p.department.is_none(),
                Some(Some(range)) => p.department.is_some_and(|d| range.contains(&d)),
            })
            .filter(|p| p.standings.get(program).is_some_and(|s| measure.counts(s)))
            .collect()
    }

    /// The row of a department, if shown.
    pub fn row_of(&self, department: DepartmentId) -> Option<usize> {
        self.rows
            .iter()
            .position(|r| r.department_id == Some(department))
    }

    /// The row of a line (`None` for the total), if shown.
    pub fn row_of_line(&self, line: CoverageLine) -> Option<usize> {
        match line {
            CoverageLine::Total => None,
            CoverageLine::Department(id) => self.row_of(id),
            CoverageLine::Unassigned => self.rows.iter().position(|r| r.department_id.is_none()),
        }
    }

    /// The position of a program among the columns.
    pub fn program_position(&self, program: ProgramId) -> Option<usize> {
        self.programs.iter().position(|p| p.id == program)
    }
}

/// Computes coverage from data held in memory: one pass over the employees (each
/// employee's standing in each program), then a roll-up from sub-units to parents.
pub fn coverage(data: &ReportData, options: &CoverageOptions) -> CoverageReport {
    coverage_with(data, options, |i, employee, program| {
        program_standing(
            program,
            employee,
            data.records_of(i),
            data.certificates_of(i),
            options.as_of,
        )
    })
}

/// Computes coverage as [`coverage`] does, but asks `standing` for each employee's
/// standing in each program (the employee's position in `data.employees`, the employee,
/// the program) instead of computing it from the records in `data` — for standings
/// computed from facts the database aggregated (`data` then needs no attendance).
pub fn coverage_with(
    data: &ReportData,
    options: &CoverageOptions,
    standing: impl Fn(usize, &Employee, &Program) -> ProgramStanding,
) -> CoverageReport {
    let lang = language();
    let programs = data.report_programs(options.program);
    let n = programs.len();
    let tree = &data.departments;
    let root = match options.department {
        Some(id) => tree.position(id),
        None => None,
    };
    let filter_unknown = options.department.is_some() && root.is_none();

    let mut own: Vec<Vec<CoverageFigures>> = vec![vec![CoverageFigures::default(); n]; tree.len()];
    let mut total = vec![CoverageFigures::default(); n];
    let mut unassigned = vec![CoverageFigures::default(); n];
    let mut unassigned_people = 0usize;
    let mut people = Vec::new();
    if !filter_unknown {
        for (i, row) in data.employees.iter().enumerate() {
            let employee = &row.employee;
            if !employed_on(employee, options.as_of) || !data.in_department(i, root) {
                continue;
            }
            let standings: Vec<ProgramStanding> =
                programs.iter().map(|p| standing(i, employee, p)).collect();
            let department = data.department_of(i);
            for (j, s) in standings.iter().enumerate() {
                total[j].count(s);
                match department {
                    Some(d) => own[d][j].count(s),
                    None => unassigned[j].count(s),
                }
            }
            unassigned_people += usize::from(department.is_none());
            people.push(CoveragePerson {
                employee_id: employee.id,
                personnel_number: employee.personnel_number.clone(),
                first_name: employee.first_name.clone(),
                last_name: employee.last_name.clone(),
                department_code: row.department_code.clone(),
                department_name: row.department_name.clone(),
                standings,
                department,
            });
        }
    }

    // Roll up: children follow their parent in tree order, so walking backwards adds
    // every finished subtree into its parent.
    let nodes = tree.nodes();
    let mut rolled = own;
    for pos in (0..nodes.len()).rev() {
        if let Some(parent) = nodes[pos].parent {
            let child = rolled[pos].clone();
            for (acc, c) in rolled[parent].iter_mut().zip(&child) {
                acc.add(c);
            }
        }
    }
    let shown_range = match root {
        Some(r) => tree.subtree(r),
        None if filter_unknown => 0..0,
        None => 0..nodes.len(),
    };
    // Keep active departments, departments with people, and the parents of kept ones.
    let mut keep = vec![false; nodes.len()];
    for pos in shown_range.clone().rev() {
        let node = &nodes[pos];
        let has_people = rolled[pos].first().is_some_and(|f| f.employees > 0);
        if node.department.active || has_people || keep[pos] {
            keep[pos] = true;
            if let Some(parent) = node.parent {
                keep[parent] = true;
            }
        }
    }
    let base_depth = root.map_or(0, |r| nodes[r].depth);
    let mut row_of_position = vec![None; nodes.len()];
    let mut rows = Vec::new();
    for pos in shown_range {
        if !keep[pos] {
            continue;
        }
        let node = &nodes[pos];
        row_of_position[pos] = Some(rows.len());
        let subtree = tree.subtree(pos);
        rows.push(CoverageRow {
            department_id: Some(node.department.id),
            code: node.department.code.clone(),
            name: node.department.name.clone(),
            depth: node.depth.saturating_sub(base_depth),
            parent: node.parent.and_then(|p| row_of_position[p]),
            has_children: subtree.clone().skip(1).any(|c| keep[c]),
            active: node.department.active,
            figures: std::mem::take(&mut rolled[pos]),
            subtree: Some(subtree),
        });
    }
    // A department filter leaves out everybody without one; only the whole
    // organisation can have this line.
    if unassigned_people > 0 {
        rows.push(CoverageRow {
            department_id: None,
            code: String::new(),
            name: t("report-no-department"),
            depth: 0,
            parent: None,
            has_children: false,
            active: true,
            figures: unassigned,
            subtree: None,
        });
    }

    CoverageReport {
        as_of: options.as_of,
        organisation: data.organisation.clone(),
        pdfa: data.pdfa,
        programs: programs
            .iter()
            .map(|p| ReportProgram {
                id: p.id,
                code: p.code.clone(),
                title: p.titles.generic(lang).to_owned(),
            })
            .collect(),
        department: options.department,
        rows,
        total,
        people,
    }
}
