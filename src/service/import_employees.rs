//! Importing the staff list (CSV or XLSX) that the payroll system exports: a preview that
//! writes nothing, then an all-or-nothing commit.
//!
//! The accepted format and the upsert rules are described in [`crate::import`] and
//! [`crate::import::employees::plan`]. In short: upsert by personnel number; an empty
//! cell keeps the stored value; while any row is rejected nothing is imported.
//!
//! Typical use (the CLI and the app do the same):
//! ```no_run
//! # fn run(db: &mut lotse::service::Database) -> lotse::Result<()> {
//! use lotse::service::import_employees as imp;
//! let preview = imp::preview(db, std::path::Path::new("personal.csv"))?;
//! for line in preview.describe_lines_for(false) {
//!     println!("{line}");
//! }
//! if !preview.has_rejections(false) {
//!     let summary = imp::commit(db, &preview, false)?;
//!     println!("{}", summary.describe());
//! }
//! # Ok(()) }
//! ```

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::error::{Error, Result};
use crate::i18n::{Arg, ta};
use crate::import::employees::{
    EmployeeRecord, department_key, derive_department_code, plan, read_staff_file,
};
use crate::import::pipeline::{PreviewText, read_source, refusal};
use crate::model::{DepartmentId, DepartmentInput};
use crate::service::Database;
use crate::store::Read;

/// The types a preview table is drawn from.
pub use crate::import::employees::{
    AddedRow, ChangedRow, Column, DepartmentTarget, FieldChange, FieldValue, Plan, Reason,
    RejectedRow,
};
pub use crate::import::pipeline::Counts;
pub use crate::import::table::SourceFormat;

/// What an import of a file would do, computed against the database at the time of the
/// preview. Nothing has been written. Draw the preview table from [`Preview::plan`].
#[derive(Debug, Clone)]
pub struct Preview {
    /// The file's name (no directories), as the audit entry records it.
    pub file_name: String,
    /// CSV encoding and delimiter, or the worksheet read.
    pub format: SourceFormat,
    /// The line (sheet row) of the header.
    pub header_line: usize,
    /// The recognised columns with the header as written, in file order.
    pub columns: Vec<(Column, String)>,
    /// Headers that were not recognised; their cells are not imported.
    pub ignored_columns: Vec<String>,
    records: Vec<EmployeeRecord>,
    keep_unknown: Plan,
    create_unknown: Plan,
}

impl Preview {
    /// The plan without (`false`) or with (`true`) creating missing departments: added,
    /// changed (with field diffs) and rejected rows (with line and reasons).
    pub fn plan(&self, create_departments: bool) -> &Plan {
        if create_departments {
            &self.create_unknown
        } else {
            &self.keep_unknown
        }
    }

    /// The number of data rows read (blank rows left out).
    pub fn data_rows(&self) -> usize {
        self.records.len()
    }

    /// Department values of the file that name no department, first spelling each;
    /// the user may choose to create them.
    pub fn unknown_departments(&self) -> &[String] {
        &self.keep_unknown.unknown_departments
    }

    /// Whether any row would be rejected; then [`commit`] refuses and the user must fix the file
    /// (or, if only unknown departments stand in the way, choose to create them).
    pub fn has_rejections(&self, create_departments: bool) -> bool {
        !self.plan(create_departments).rejected.is_empty()
    }

    /// The preview as text lines, without creating missing departments (see [`Preview::describe_lines_for`]).
    pub fn describe_lines(&self) -> Vec<String> {
        self.describe_lines_for(false)
    }

    /// The preview as text lines in the current language: the file and counts, then every
    /// added row, every change (field „old“ → „new“) and every rejected row
    /// ("Zeile 7: Ungültiges Datum „31.02.2024“ in Eintrittsdatum."), and a hint about
    /// unknown departments.
    pub fn describe_lines_for(&self, create_departments: bool) -> Vec<String> {
        let plan = self.plan(create_departments);
        let counts = plan.counts();
        let mut text = PreviewText::new(&self.file_name, &self.format, self.data_rows());
        text.ignored_columns(&self.ignored_columns);
        text.push(ta(
            "import-counts",
            &[
                ("added", Arg::from(counts.added)),
                ("changed", Arg::from(counts.changed)),
                ("unchanged", Arg::from(counts.unchanged)),
                ("rejected", Arg::from(counts.rejected)),
            ],
        ));
        text.section(
            "import-section-added",
            plan.added.iter().map(AddedRow::describe).collect(),
        );
        text.section(
            "import-section-changed",
            plan.changed.iter().map(ChangedRow::describe).collect(),
        );
        text.section(
            "import-section-rejected",
            plan.rejected.iter().map(RejectedRow::describe).collect(),
        );
        if create_departments && !plan.new_departments.is_empty() {
            text.push(ta(
                "import-new-departments",
                &[("names", Arg::from(quoted_list(&plan.new_departments)))],
            ));
        } else if !create_departments && !plan.unknown_departments.is_empty() {
            text.push(ta(
                "import-unknown-departments",
                &[("names", Arg::from(quoted_list(&plan.unknown_departments)))],
            ));
        }
        text.finish(self.data_rows())
    }
}

fn quoted_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| ta("import-quoted", &[("text", Arg::from(n))]))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a commit did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    pub added: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub departments_created: usize,
}

impl ImportSummary {
    /// "Import abgeschlossen: 3 neu, 1 geändert, 5 unverändert, 0 Organisationseinheiten angelegt."
    pub fn describe(&self) -> String {
        ta(
            "import-done",
            &[
                ("added", Arg::from(self.added)),
                ("changed", Arg::from(self.changed)),
                ("unchanged", Arg::from(self.unchanged)),
                ("departments", Arg::from(self.departments_created)),
            ],
        )
    }
}

/// Reads the file at `path` and plans the import against the database; writes nothing.
/// Errors (in the user's language) for an unreadable file, an unsupported type or missing
/// required columns; problems of single rows are in the preview.
pub fn preview(db: &Database, path: &Path) -> Result<Preview> {
    let (file_name, bytes) = read_source(path)?;
    preview_bytes(db, &file_name, &bytes)
}

/// Like [`preview`], for a file already in memory; the extension of `file_name` decides
/// CSV (.csv, .txt, .tsv) or workbook (.xlsx, .xlsm, .xls, .ods).
pub fn preview_bytes(db: &Database, file_name: &str, bytes: &[u8]) -> Result<Preview> {
    let store = db.store();
    let file = read_staff_file(file_name, bytes)?;
    let employees = store.employee_snapshot()?;
    let departments = store.department_snapshot()?;
    let keep_unknown = plan(&file.records, &employees, &departments, false);
    let create_unknown = plan(&file.records, &employees, &departments, true);
    let counts = keep_unknown.counts();
    log::debug!(
        "employee import preview: {} rows, {} new, {} changed, {} unchanged, {} rejected",
        file.records.len(),
        counts.added,
        counts.changed,
        counts.unchanged,
        counts.rejected
    );
    Ok(Preview {
        file_name: file_name.to_owned(),
        format: file.format,
        header_line: file.header_line,
        columns: file.columns.recognized,
        ignored_columns: file.columns.ignored,
        records: file.records,
        keep_unknown,
        create_unknown,
    })
}

/// Imports the previewed file in one transaction: all or nothing.
///
/// The plan is computed again inside the transaction against the current database (the
/// preview may be stale); if any row would be rejected, nothing is written and an error
/// lists the rejected rows. Otherwise missing departments are created (with
/// `create_departments`; code derived from the name, no parent), every added and changed
/// employee is written with its own audit entry, and one summary entry
/// "import FILE: n added, m changed" is recorded — unless nothing changed at all.
pub fn commit(
    db: &mut Database,
    preview: &Preview,
    create_departments: bool,
) -> Result<ImportSummary> {
    let store = db.store_mut();
    store.transact(|tx| {
        let employees = tx.employee_snapshot()?;
        let departments = tx.department_snapshot()?;
        let plan = plan(
            &preview.records,
            &employees,
            &departments,
            create_departments,
        );
        if !plan.rejected.is_empty() {
            log::info!(
                "employee import refused: {} of {} rows rejected, nothing written",
                plan.rejected.len(),
                preview.records.len()
            );
            return Err(refused(&plan));
        }

        let mut taken: HashSet<String> =
            departments.iter().map(|d| d.code.to_lowercase()).collect();
        let mut created: HashMap<String, DepartmentId> = HashMap::new();
        for name in &plan.new_departments {
            let code = derive_department_code(name, &taken);
            taken.insert(code.to_lowercase());
            let id = super::departments::add_in(
                tx,
                &DepartmentInput {
                    code,
                    name: name.clone(),
                    parent_id: None,
                },
            )?;
            created.insert(department_key(name), id);
        }
        let department_id = |target: &Option<DepartmentTarget>| -> Result<Option<DepartmentId>> {
            match target {
                None => Ok(None),
                Some(DepartmentTarget::Existing { id, .. }) => Ok(Some(*id)),
                Some(DepartmentTarget::New { name }) => created
                    .get(&department_key(name))
                    .copied()
                    .map(Some)
                    .ok_or_else(|| Error::NotFound {
                        what: format!("department {name}"),
                    }),
            }
        };

        for row in &plan.added {
            let mut employee = row.employee.clone();
            employee.department_id = department_id(&row.department)?;
            let id = tx.insert_employee(&employee)?;
            tx.audit(
                "employee",
                Some(id.0),
                "add",
                &format!("personnel number {}, import", employee.personnel_number),
            )?;
        }
        for row in &plan.changed {
            let mut employee = row.employee.clone();
            employee.department_id = department_id(&row.department)?;
            tx.update_employee(row.id, &employee)?;
            tx.audit(
                "employee",
                Some(row.id.0),
                "edit",
                &format!("personnel number {}, import", employee.personnel_number),
            )?;
        }

        let summary = ImportSummary {
            added: plan.added.len(),
            changed: plan.changed.len(),
            unchanged: plan.unchanged,
            departments_created: plan.new_departments.len(),
        };
        if summary.added + summary.changed + summary.departments_created > 0 {
            let mut text = format!(
                "import {}: {} added, {} changed",
                preview.file_name, summary.added, summary.changed
            );
            if summary.departments_created > 0 {
                text.push_str(&format!(
                    ", {} departments created",
                    summary.departments_created
                ));
            }
            tx.audit("import", None, "import", &text)?;
        }
        Ok(summary)
    })
    .inspect(|summary| {
        log::info!(
            "employee import: {} added, {} changed, {} unchanged, 0 rejected, {} departments created",
            summary.added,
            summary.changed,
            summary.unchanged,
            summary.departments_created
        );
    })
}

/// The error of a refused commit: how many rows, and the first of them.
fn refused(plan: &Plan) -> Error {
    refusal(
        ta(
            "import-commit-refused",
            &[("count", Arg::from(plan.rejected.len()))],
        ),
        plan.rejected.iter().map(RejectedRow::describe).collect(),
    )
}
