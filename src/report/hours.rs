//! Training hours in a calendar year, per employee and per department (sub-units rolled up).

use std::collections::BTreeSet;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::data::{ReportData, employed_between};
use crate::model::{AttendanceStatus, DepartmentId, EmployeeId};

/// What an hours report asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HoursOptions {
    pub year: i32,
    /// Only this department and its sub-units.
    pub department: Option<DepartmentId>,
}

/// The sums of a department (or of the whole report).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct HoursFigures {
    /// Employed at some time in the year.
    pub employees: u32,
    /// Of those, with at least one attended (or partly attended) session.
    pub trained: u32,
    /// Attended and partly attended sessions.
    pub sessions: u32,
    /// Hours credited.
    pub hours: f64,
}

impl HoursFigures {
    /// Hours per employee with one decimal; 0 without employees.
    pub fn hours_per_employee(&self) -> f64 {
        if self.employees == 0 {
            0.0
        } else {
            (self.hours * 10.0 / f64::from(self.employees)).round() / 10.0
        }
    }

    fn add(&mut self, o: &HoursFigures) {
        self.employees += o.employees;
        self.trained += o.trained;
        self.sessions += o.sessions;
        self.hours += o.hours;
    }
}

/// One employee's year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EmployeeHours {
    pub employee_id: EmployeeId,
    pub personnel_number: String,
    pub first_name: String,
    pub last_name: String,
    pub department_code: Option<String>,
    pub department_name: Option<String>,
    /// Hours credited for sessions that ended in the year (attended or partial).
    pub hours: f64,
    /// Sessions attended in full.
    pub attended: u32,
    /// Sessions attended in part.
    pub partial: u32,
    /// Different seminars among them.
    pub seminars: u32,
    /// Left during the year.
    pub left: bool,
    #[serde(skip)]
    department: Option<usize>,
}

/// One department line: its own people and those of its sub-units.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DepartmentHours {
    pub department_id: DepartmentId,
    pub code: String,
    pub name: String,
    pub depth: usize,
    pub parent: Option<usize>,
    pub has_children: bool,
    pub figures: HoursFigures,
    #[serde(skip)]
    subtree: Range<usize>,
}

/// Training hours of one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HoursReport {
    pub year: i32,
    pub department: Option<DepartmentId>,
    /// In tree order; inactive departments without anybody are left out.
    pub departments: Vec<DepartmentHours>,
    /// Everybody employed at some time in the year, in name order.
    pub employees: Vec<EmployeeHours>,
    pub total: HoursFigures,
}

impl HoursReport {
    /// The employees of the department in `row` and its sub-units.
    pub fn employees_of(&self, row: usize) -> Vec<&EmployeeHours> {
        let Some(range) = self.departments.get(row).map(|r| r.subtree.clone()) else {
            return Vec::new();
        };
        self.employees
            .iter()
            .filter(|e| e.department.is_some_and(|d| range.contains(&d)))
            .collect()
    }
}

/// Computes the hours of `options.year` from data held in memory.
pub fn hours(data: &ReportData, options: &HoursOptions) -> HoursReport {
    let tree = &data.departments;
    let nodes = tree.nodes();
    let root = options.department.map(|d| tree.position(d));
    let (Some(first), Some(last)) = (
        NaiveDate::from_ymd_opt(options.year, 1, 1),
        NaiveDate::from_ymd_opt(options.year, 12, 31),
    ) else {
        return HoursReport {
            year: options.year,
            department: options.department,
            departments: Vec::new(),
            employees: Vec::new(),
            total: HoursFigures::default(),
        };
    };

    let mut own = vec![HoursFigures::default(); nodes.len()];
    let mut total = HoursFigures::default();
    let mut employees = Vec::new();
    for (i, row) in data.employees.iter().enumerate() {
        let e = &row.employee;
        match root {
            Some(None) => continue,
            Some(Some(r)) if !data.in_department(i, Some(r)) => continue,
            _ => {}
        }
        let mut hours = 0.0;
        let mut attended = 0;
        let mut partial = 0;
        let mut seminars = BTreeSet::new();
        for r in data.records_of(i) {
            if r.ends_at.date().year() != options.year || !r.attendance.status.credits_hours() {
                continue;
            }
            hours += r.attendance.hours.max(0.0);
            if r.attendance.status == AttendanceStatus::Partial {
                partial += 1;
            } else {
                attended += 1;
            }
            seminars.insert(r.seminar_id);
        }
        let sessions = attended + partial;
        if !employed_between(e, first, last) && sessions == 0 {
            continue;
        }
        let figures = HoursFigures {
            employees: 1,
            trained: u32::from(sessions > 0),
            sessions,
            hours,
        };
        total.add(&figures);
        let department = data.department_of(i);
        if let Some(d) = department {
            own[d].add(&figures);
        }
        employees.push(EmployeeHours {
            employee_id: e.id,
            personnel_number: e.personnel_number.clone(),
            first_name: e.first_name.clone(),
            last_name: e.last_name.clone(),
            department_code: row.department_code.clone(),
            department_name: row.department_name.clone(),
            hours,
            attended,
            partial,
            seminars: u32::try_from(seminars.len()).unwrap_or(u32::MAX),
            left: e.exit_date.is_some_and(|x| x > first && x <= last),
            department,
        });
    }

    let mut rolled = own;
    for pos in (0..nodes.len()).rev() {
        if let Some(parent) = nodes[pos].parent {
            let child = rolled[pos];
            rolled[parent].add(&child);
        }
    }
    let shown = match root {
        Some(Some(r)) => tree.subtree(r),
        Some(None) => 0..0,
        None => 0..nodes.len(),
    };
    let mut keep = vec![false; nodes.len()];
    for pos in shown.clone().rev() {
        if nodes[pos].department.active || rolled[pos].employees > 0 || keep[pos] {
            keep[pos] = true;
            if let Some(parent) = nodes[pos].parent {
                keep[parent] = true;
            }
        }
    }
    let base_depth = match root {
        Some(Some(r)) => nodes[r].depth,
        _ => 0,
    };
    let mut row_of = vec![None; nodes.len()];
    let mut departments = Vec::new();
    for pos in shown {
        if !keep[pos] {
            continue;
        }
        let node = &nodes[pos];
        row_of[pos] = Some(departments.len());
        let subtree = tree.subtree(pos);
        departments.push(DepartmentHours {
            department_id: node.department.id,
            code: node.department.code.clone(),
            name: node.department.name.clone(),
            depth: node.depth.saturating_sub(base_depth),
            parent: node.parent.and_then(|p| row_of[p]),
            has_children: subtree.clone().skip(1).any(|c| keep[c]),
            figures: rolled[pos],
            subtree,
        });
    }
    HoursReport {
        year: options.year,
        department: options.department,
        departments,
        employees,
        total,
    }
}
