//! Adding, editing, moving and deactivating departments.

use crate::error::{Error, Result};
use crate::i18n::{Arg, ta};
use crate::model::{DepartmentId, DepartmentInput, Invalid};
use crate::service::Database;
use crate::store::{Read, Store, Tx};

/// Adds a department; returns its id.
pub fn add(db: &mut Database, input: &DepartmentInput) -> Result<DepartmentId> {
    let store = db.store_mut();
    store.transact(|tx| add_in(tx, input))
}

/// Adds a department inside a running transaction (imports create departments on the way).
pub fn add_in(tx: &Tx<'_>, input: &DepartmentInput) -> Result<DepartmentId> {
    let input = checked(tx, input, None)?;
    let id = tx.insert_department(&input)?;
    tx.audit(
        "department",
        Some(id.0),
        "add",
        &format!("code {}", input.code),
    )?;
    Ok(id)
}

/// Changes a department's code, name or parent (moving it in the hierarchy).
pub fn update(db: &mut Database, id: DepartmentId, input: &DepartmentInput) -> Result<()> {
    let store = db.store_mut();
    save(store, id, None, input)
}

/// Changes a department as [`update`] does, but only if the stored department is still
/// at `version`, the one the form was loaded with; otherwise nothing is saved and
/// [`Error::ChangedMeanwhile`] says who changed it.
pub fn update_checked(
    db: &mut Database,
    id: DepartmentId,
    version: i64,
    input: &DepartmentInput,
) -> Result<()> {
    let store = db.store_mut();
    save(store, id, Some(version), input)
}

fn save(
    store: &mut Store,
    id: DepartmentId,
    version: Option<i64>,
    input: &DepartmentInput,
) -> Result<()> {
    store.transact(|tx| {
        let before = tx.department(id)?.ok_or_else(|| not_found(id))?;
        super::conflict::expect_version(tx, "department", id.0, before.version, version)?;
        let input = checked(tx, input, Some(id))?;
        tx.update_department(id, &input)?;
        let action = if before.parent_id != input.parent_id {
            "move"
        } else {
            "edit"
        };
        tx.audit(
            "department",
            Some(id.0),
            action,
            &format!("code {}", input.code),
        )
    })
}

/// Deactivates a department (it stays in history) or activates it again.
/// A department with active employees or active sub-units cannot be deactivated.
pub fn set_active(db: &mut Database, id: DepartmentId, active: bool) -> Result<()> {
    let store = db.store_mut();
    let today = store.today();
    store.transact(|tx| {
        let dept = tx.department(id)?.ok_or_else(|| not_found(id))?;
        if !active {
            let (employees, children) = tx.department_dependents(id, today)?;
            if employees > 0 || children > 0 {
                return Err(Error::Message(ta(
                    "department-still-in-use",
                    &[
                        ("code", Arg::from(&dept.code)),
                        ("employees", Arg::from(employees)),
                        ("units", Arg::from(children)),
                    ],
                )));
            }
        } else if let Some(parent) = dept
            .parent_id
            .map(|p| tx.department(p))
            .transpose()?
            .flatten()
            && !parent.active
        {
            return Err(Invalid::InactiveDepartment(parent.code).into());
        }
        tx.set_department_active(id, active)?;
        tx.audit(
            "department",
            Some(id.0),
            if active { "activate" } else { "deactivate" },
            &format!("code {}", dept.code),
        )
    })
}

fn not_found(id: DepartmentId) -> Error {
    Error::NotFound {
        what: format!("department {id}"),
    }
}

/// Validates the input against itself and the store: code unique, parent exists, no cycle.
fn checked(
    tx: &Tx<'_>,
    input: &DepartmentInput,
    editing: Option<DepartmentId>,
) -> Result<DepartmentInput> {
    let input = input.validated()?;
    let mut problems = Vec::new();
    if tx.department_code_taken(&input.code, editing)? {
        problems.push(Invalid::DuplicateDepartmentCode(input.code.clone()));
    }
    if let Some(parent) = input.parent_id {
        match tx.department(parent)? {
            None => problems.push(Invalid::UnknownDepartment(parent.to_string())),
            Some(p) if !p.active => problems.push(Invalid::InactiveDepartment(p.code)),
            Some(_) => {}
        }
        if let Some(id) = editing
            && tx.is_same_or_ancestor(id, parent)?
        {
            problems.push(Invalid::DepartmentCycle);
        }
    }
    if problems.is_empty() {
        Ok(input)
    } else {
        Err(Error::Invalid(problems))
    }
}
