//! What every report is computed from, loaded in a few bulk queries and then kept in
//! memory: a change of the as-of date, the department filter or the search recomputes
//! from here without touching the database.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use crate::model::{
    Certificate, Department, DepartmentTree, Employee, EmployeeId, Program, ProgramId, Seminar,
    TrainingRecord,
};
use crate::rules::CertificateFacts;
use crate::store::EmployeeRow;

/// Everything the reports need, held in memory. Build it with
/// `service::reports::load`, or with [`ReportData::new`] from parts.
#[derive(Debug, Clone, Default)]
pub struct ReportData {
    /// The organisation's name from the settings (may be empty).
    pub organisation: String,
    /// Printed reports are PDF/A-2b (the setting; [`ReportData::new`] turns it on).
    pub pdfa: bool,
    /// Who loaded the data (the database user), for "erstellt von" on printed reports.
    pub prepared_by: String,
    /// When the data was read (the store's clock), for "erstellt am".
    pub prepared_at: NaiveDateTime,
    pub departments: DepartmentTree,
    /// Every employee, leavers included, in name order.
    pub employees: Vec<EmployeeRow>,
    /// Every program, archived ones included, ordered by code.
    pub programs: Vec<Program>,
    /// Every seminar, archived ones included, ordered by code.
    pub seminars: Vec<Seminar>,
    /// Per employee (same positions as `employees`): their attendance, any status.
    records: Vec<Vec<TrainingRecord>>,
    /// Per employee: what the rules need of their certificates.
    certificates: Vec<Vec<CertificateFacts>>,
    /// Per employee, at the same positions as `certificates`: serial and revocation reason.
    certificate_lines: Vec<Vec<CertificateLine>>,
    /// Per employee: their department's position in `departments`.
    employee_department: Vec<Option<usize>>,
}

impl ReportData {
    /// Groups attendance records and certificates by employee; records and certificates
    /// of unknown employees are dropped.
    pub fn new(
        organisation: String,
        departments: Vec<Department>,
        employees: Vec<EmployeeRow>,
        programs: Vec<Program>,
        seminars: Vec<Seminar>,
        records: Vec<TrainingRecord>,
        certificates: Vec<Certificate>,
    ) -> ReportData {
        let departments = DepartmentTree::new(departments);
        let position: HashMap<EmployeeId, usize> = employees
            .iter()
            .enumerate()
            .map(|(i, e)| (e.employee.id, i))
            .collect();
        let slots: Vec<Option<usize>> = records
            .iter()
            .map(|r| position.get(&r.attendance.employee_id).copied())
            .collect();
        let mut sizes = vec![0usize; employees.len()];
        for i in slots.iter().flatten() {
            sizes[*i] += 1;
        }
        let mut by_employee: Vec<Vec<TrainingRecord>> =
            sizes.into_iter().map(Vec::with_capacity).collect();
        for (r, slot) in records.into_iter().zip(slots) {
            if let Some(i) = slot {
                by_employee[i].push(r);
            }
        }
        let mut certs: Vec<Vec<CertificateFacts>> = vec![Vec::new(); employees.len()];
        let mut lines: Vec<Vec<CertificateLine>> = vec![Vec::new(); employees.len()];
        for c in certificates {
            if let Some(&i) = position.get(&c.employee_id) {
                certs[i].push(c.facts());
                lines[i].push(CertificateLine {
                    serial: c.serial,
                    revocation_reason: c.revocation_reason,
                });
            }
        }
        let employee_department = employees
            .iter()
            .map(|e| {
                e.employee
                    .department_id
                    .and_then(|d| departments.position(d))
            })
            .collect();
        ReportData {
            organisation,
            pdfa: true,
            prepared_by: String::new(),
            prepared_at: NaiveDateTime::default(),
            departments,
            employees,
            programs,
            seminars,
            records: by_employee,
            certificates: certs,
            certificate_lines: lines,
            employee_department,
        }
    }

    /// The attendance records of the employee at `employee` (a position in `employees`).
    pub fn records_of(&self, employee: usize) -> &[TrainingRecord] {
        self.records.get(employee).map_or(&[], Vec::as_slice)
    }

    /// The certificates of the employee at `employee`.
    pub fn certificates_of(&self, employee: usize) -> &[CertificateFacts] {
        self.certificates.get(employee).map_or(&[], Vec::as_slice)
    }

    /// The certificates of the employee at `employee` with what lists print of them, at
    /// the same positions as [`ReportData::certificates_of`].
    pub fn certificate_lines_of(
        &self,
        employee: usize,
    ) -> impl Iterator<Item = (&CertificateFacts, &CertificateLine)> {
        self.certificates_of(employee).iter().zip(
            self.certificate_lines
                .get(employee)
                .map_or(&[][..], Vec::as_slice),
        )
    }

    /// The tree position of the department of the employee at `employee`.
    pub fn department_of(&self, employee: usize) -> Option<usize> {
        self.employee_department.get(employee).copied().flatten()
    }

    /// The programs a report shows: the one asked for (even if archived), or every
    /// program that is not archived.
    pub fn report_programs(&self, only: Option<ProgramId>) -> Vec<&Program> {
        match only {
            Some(id) => self.programs.iter().filter(|p| p.id == id).collect(),
            None => self.programs.iter().filter(|p| !p.archived).collect(),
        }
    }

    /// Whether the employee at `employee` belongs to the department at tree position
    /// `department` or one of its sub-units (`None` = the whole organisation).
    pub fn in_department(&self, employee: usize, department: Option<usize>) -> bool {
        match department {
            None => true,
            Some(root) => self
                .department_of(employee)
                .is_some_and(|d| self.departments.within(d, root)),
        }
    }
}

/// What lists print of a certificate besides its facts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CertificateLine {
    /// "DL-2026-0007".
    pub serial: String,
    pub revocation_reason: Option<String>,
}

/// Whether `employee` works for the organisation on `date`: entered on or before it (or no
/// entry date) and not yet left (an exit on or before `date` means gone).
pub fn employed_on(employee: &Employee, date: NaiveDate) -> bool {
    employee.entry_date.is_none_or(|entry| entry <= date) && employee.is_active_on(date)
}

/// Whether `employee` worked for the organisation at any time from `from` to `to` (inclusive).
pub fn employed_between(employee: &Employee, from: NaiveDate, to: NaiveDate) -> bool {
    employee.entry_date.is_none_or(|entry| entry <= to)
        && employee.exit_date.is_none_or(|exit| exit > from)
}
