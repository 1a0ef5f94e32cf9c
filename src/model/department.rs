use serde::{Deserialize, Serialize};

use super::DepartmentId;
use super::validation::{Field, Invalid, clean_required};

/// An organisational unit: Dezernat → Amt → Abteilung.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Department {
    pub id: DepartmentId,
    pub code: String,
    pub name: String,
    pub parent_id: Option<DepartmentId>,
    pub active: bool,
    /// Grows with every change of the stored record; a form saves only over the version
    /// it loaded (see `service::conflict`).
    #[serde(default)]
    pub version: i64,
}

/// What a user enters to add or edit a department.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DepartmentInput {
    pub code: String,
    pub name: String,
    pub parent_id: Option<DepartmentId>,
}

impl DepartmentInput {
    /// The input trimmed and checked on its own (uniqueness and cycles need the store).
    pub fn validated(&self) -> Result<DepartmentInput, Vec<Invalid>> {
        let mut problems = Vec::new();
        let code = clean_required(&self.code, Field::DepartmentCode, &mut problems);
        let name = clean_required(&self.name, Field::DepartmentName, &mut problems);
        if problems.is_empty() {
            Ok(DepartmentInput {
                code,
                name,
                parent_id: self.parent_id,
            })
        } else {
            Err(problems)
        }
    }
}
