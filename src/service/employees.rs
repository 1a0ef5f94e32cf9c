//! Adding and editing employees, marking leavers.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::i18n::{Arg, ta};

use crate::model::{EmployeeId, EmployeeInput, Invalid, ValidEmployee};
use crate::service::Database;
use crate::store::{Read, Store, Tx};

/// Adds an employee; returns the new id.
pub fn add(db: &mut Database, input: &EmployeeInput) -> Result<EmployeeId> {
    let store = db.store_mut();
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
pub fn update(db: &mut Database, id: EmployeeId, input: &EmployeeInput) -> Result<()> {
    let store = db.store_mut();
    save(store, id, None, input)
}

/// Saves changes to an employee as [`update`] does, but only if the stored record is
/// still at `version`, the one the form was loaded with. If someone changed it in the
/// meantime (another officer, the command line) nothing is saved and
/// [`Error::ChangedMeanwhile`] says who and which version is stored now.
pub fn update_checked(
    db: &mut Database,
    id: EmployeeId,
    version: i64,
    input: &EmployeeInput,
) -> Result<()> {
    let store = db.store_mut();
    save(store, id, Some(version), input)
}

fn save(
    store: &mut Store,
    id: EmployeeId,
    version: Option<i64>,
    input: &EmployeeInput,
) -> Result<()> {
    store.transact(|tx| {
        let current = tx.employee(id)?.ok_or_else(|| not_found(id))?;
        super::conflict::expect_version(tx, "employee", id.0, current.version, version)?;
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
pub fn set_exit(db: &mut Database, id: EmployeeId, exit: Option<NaiveDate>) -> Result<()> {
    let store = db.store_mut();
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

/// Deletes an employee entered by mistake: one with no attendance and no certificates
/// (places on waiting lists go with them).
/// The audit entries about them stay (their summaries name no one). Someone with
/// records is refused with a message that points to the erasure under Art. 17 DSGVO
/// (`service::privacy`), which deals with what they leave behind; nothing changes then.
pub fn delete(db: &mut Database, id: EmployeeId) -> Result<()> {
    let store = db.store_mut();
    store.transact(|tx| {
        let employee = tx.employee(id)?.ok_or_else(|| not_found(id))?;
        let records = EmployeeRecords {
            attendance: tx.attendance_count_of(id)?,
            certificates: tx.certificates_of(id)?.len(),
        };
        if records.any() {
            return Err(Error::Message(records.refusal()));
        }
        tx.audit(
            "employee",
            Some(id.0),
            "delete",
            &format!("personnel number {}", employee.personnel_number),
        )?;
        tx.detach_audit_of(id)?;
        // Places on waiting lists are wishes, not records: they go with the person.
        tx.delete_waitlist_of(id)?;
        tx.delete_employee(id)
    })?;
    log::info!("deleted employee #{id} (no attendance, no certificates)");
    Ok(())
}

/// What keeps an employee from being deleted: their attendance rows and certificates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EmployeeRecords {
    pub attendance: usize,
    pub certificates: usize,
}

impl EmployeeRecords {
    /// Whether there is anything: then only the erasure can remove the person.
    pub fn any(&self) -> bool {
        self.attendance > 0 || self.certificates > 0
    }

    /// The sentence refusing a delete, pointing to the erasure.
    pub fn refusal(&self) -> String {
        ta(
            "employee-delete-has-records",
            &[
                ("attendance", Arg::from(self.attendance)),
                ("certificates", Arg::from(self.certificates)),
            ],
        )
    }
}

/// The records of an employee that a delete would leave without an owner.
pub fn records(db: &Database, id: EmployeeId) -> Result<EmployeeRecords> {
    let store = db.store();
    if store.employee(id)?.is_none() {
        return Err(not_found(id));
    }
    Ok(EmployeeRecords {
        attendance: store.attendance_count_of(id)?,
        certificates: store.certificates_of(id)?.len(),
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
