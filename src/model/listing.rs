//! Records as lists show them: an entity with the names of the records it refers to
//! (an employee with their department's code, a session with its seminar's title), read
//! by the store in one query and shown by the front ends as they are.

use chrono::NaiveDateTime;

use super::{
    Attendance, Certificate, Department, Employee, EmployeeId, Session, SessionId, WaitlistId,
};

/// A roster line: the attendance with the employee it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct AttendanceRow {
    pub attendance: Attendance,
    pub personnel_number: String,
    pub first_name: String,
    pub last_name: String,
    pub department_code: Option<String>,
}

/// A place on a session's waiting list, with the employee it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct WaitlistRow {
    pub id: WaitlistId,
    pub session_id: SessionId,
    pub employee_id: EmployeeId,
    pub added_at: NaiveDateTime,
    pub personnel_number: String,
    pub first_name: String,
    pub last_name: String,
    pub department_code: Option<String>,
}

/// A certificate with its holder and program, as lists show it. The name is the one
/// printed on the certificate (a later change of the employee's name does not show).
#[derive(Debug, Clone, PartialEq)]
pub struct CertificateRow {
    pub certificate: Certificate,
    pub personnel_number: String,
    pub first_name: String,
    pub last_name: String,
    pub department_id: Option<i64>,
    pub program_code: String,
}

/// A department with the number of its active employees (its own, not its sub-units').
#[derive(Debug, Clone, PartialEq)]
pub struct DepartmentRow {
    pub department: Department,
    pub active_employees: i64,
}

/// An employee with their department's code and name, as lists show them.
#[derive(Debug, Clone, PartialEq)]
pub struct EmployeeRow {
    pub employee: Employee,
    pub department_code: Option<String>,
    pub department_name: Option<String>,
}

/// A session with its seminar and the number of people on its roster, as lists show it.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRow {
    pub session: Session,
    pub seminar_code: String,
    pub seminar_title: String,
    /// Attendance rows of any status (registered, attended, partial, absent, excused).
    pub participants: i64,
}
