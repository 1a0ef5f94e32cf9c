//! People: the employee list and page, the employee form, the department tree, the staff
//! import, an employee's training history and their DSGVO export and erasure (with its
//! commands on the worker).

pub(crate) mod departments;
pub(crate) mod employee_form;
pub(crate) mod employees;
pub(crate) mod history;
pub(crate) mod import;
pub(crate) mod privacy;
pub(crate) mod worker_privacy;
