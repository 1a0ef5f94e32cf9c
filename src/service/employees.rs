//! Adding and editing employees, marking leavers.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::{EmployeeId, EmployeeInput, Invalid, ValidEmployee};
use crate::store::{Store, Tx};

/// Adds an employee; returns the new id.
pub fn add(store: &mut Store, input: &EmployeeInput) -> Result<EmployeeId> {
    store.transact(|tx| {
        let valid = checked(tx, input, None)?;
        let id = tx.insert_employee(&valid)?;
        tx.audit(
            "employee",
            Some(id.0),
            "add",
            &format!("personnel number {}", valid.personnel_number),
        )?;
        Ok(id)
    })
}

/// Saves changes to an employee.
pub fn update(store: &mut Store, id: EmployeeId, input: &EmployeeInput) -> Result<()> {
    store.transact(|tx| {
        tx.employee(id)?.ok_or_else(|| not_found(id))?;
        let valid = checked(tx, input, Some(id))?;
        tx.update_employee(id, &valid)?;
        tx.audit(
            "employee",
            Some(id.0),
            "edit",
            &format!("personnel number {}", valid.personnel_number),
        )
    })
}

/// Marks an employee as having left on `exit` (kept with their history), or,
/// with `None`, as active again.
pub fn set_exit(store: &mut Store, id: EmployeeId, exit: Option<NaiveDate>) -> Result<()> {
    store.transact(|tx| {
        let employee = tx.employee(id)?.ok_or_else(|| not_found(id))?;
        if let (Some(entry), Some(exit)) = (employee.entry_date, exit)
            && exit < entry
        {
            return Err(Invalid::ExitBeforeEntry.into());
        }
        tx.set_exit_date(id, exit)?;
        tx.audit(
            "employee",
            Some(id.0),
            if exit.is_some() { "leave" } else { "reinstate" },
            &format!("personnel number {}", employee.personnel_number),
        )
    })
}

fn not_found(id: EmployeeId) -> Error {
    Error::NotFound {
        what: format!("employee {id}"),
    }
}

/// Validates the input on its own and against the store (unique personnel number,
/// existing active department).
pub(crate) fn checked(
    tx: &Tx<'_>,
    input: &EmployeeInput,
    editing: Option<EmployeeId>,
) -> Result<ValidEmployee> {
    let valid = input.validated()?;
    let mut problems = Vec::new();
    if let Some(other) = tx.employee_by_personnel_number(&valid.personnel_number)?
        && Some(other.id) != editing
    {
        problems.push(Invalid::DuplicatePersonnelNumber(
            valid.personnel_number.clone(),
        ));
    }
    if let Some(dept) = valid.department_id {
        match tx.department(dept)? {
            None => problems.push(Invalid::UnknownDepartment(dept.to_string())),
            Some(d) if !d.active => {
                let unchanged = match editing {
                    Some(id) => tx.employee(id)?.and_then(|e| e.department_id) == Some(dept),
                    None => false,
                };
                if !unchanged {
                    problems.push(Invalid::InactiveDepartment(d.code));
                }
            }
            Some(_) => {}
        }
    }
    if problems.is_empty() {
        Ok(valid)
    } else {
        Err(Error::Invalid(problems))
    }
}
