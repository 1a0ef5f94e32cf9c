//! Plain domain types and their validation. No I/O.

mod certificate;
mod changes;
mod department;
mod department_tree;
mod employee;
mod ids;
mod listing;
mod program;
mod training;
mod validation;

pub use certificate::{Certificate, format_serial};
pub use changes::{Changes, People};
pub use department::{Department, DepartmentInput};
pub use department_tree::{DepartmentNode, DepartmentTree, natural_cmp};
pub use employee::{Employee, EmployeeInput, Salutation, ValidEmployee};
pub use ids::*;
pub use listing::{
    AttendanceRow, CertificateRow, DepartmentRow, EmployeeRow, SessionRow, WaitlistRow,
};
pub use program::{Program, ProgramInput, ProgramTitles, Requirement};
pub use training::{
    Attendance, AttendanceInput, AttendanceStatus, Seminar, SeminarFormat, SeminarInput, Session,
    SessionInput, TrainingRecord,
};
pub use validation::{Field, Invalid, MAX_NAME_LEN, check_email, clean_optional, clean_required};
