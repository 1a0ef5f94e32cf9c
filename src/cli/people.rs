//! Staff and organisation on the command line: importing the staff list and a provider's
//! participant list, listing and deleting employees, listing departments.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use serde_json::{Value, json};

use super::{Format, io, print_list, yes_no};
use crate::error::{Error, Result};
use crate::i18n::{Arg, t, ta};
use crate::service::Database;
use crate::store::{EmployeeFilter, Read};

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import the staff list (CSV or XLSX); upsert by personnel number.
    Employees {
        file: PathBuf,
        /// Show what would change, write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Create departments the file names that do not exist yet.
        #[arg(long)]
        create_departments: bool,
    },
    /// Import a provider's participant list (CSV or XLSX) into a session.
    Attendance {
        file: PathBuf,
        /// The session's id.
        #[arg(long)]
        session: i64,
        /// Show what would change, write nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum EmployeesCommand {
    /// List employees.
    List {
        /// Only this department and its sub-units.
        #[arg(long, value_name = "CODE")]
        department: Option<String>,
        /// Include those who have left.
        #[arg(long)]
        all: bool,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Delete an employee entered by mistake (no attendance, no certificates).
    /// Without --yes it says what would happen and changes nothing.
    Delete {
        /// The personnel number.
        personnel_number: String,
        /// Confirm: delete.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum DepartmentsCommand {
    /// List departments.
    List {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

pub(super) fn import_employees(
    db: &mut Database,
    file: &Path,
    dry_run: bool,
    create_departments: bool,
    out: &mut impl Write,
) -> Result<ExitCode> {
    use crate::service::import_employees as imp;
    let preview = imp::preview(db, file)?;
    for line in preview.describe_lines_for(create_departments) {
        writeln!(out, "{line}").map_err(io)?;
    }
    if preview.has_rejections(create_departments) {
        eprintln!("{}", t("cli-import-rejected"));
        return Ok(ExitCode::FAILURE);
    }
    if dry_run {
        writeln!(out, "{}", t("cli-dry-run")).map_err(io)?;
        return Ok(ExitCode::SUCCESS);
    }
    let summary = imp::commit(db, &preview, create_departments)?;
    writeln!(out, "{}", summary.describe()).map_err(io)?;
    Ok(ExitCode::SUCCESS)
}

/// `lotse employees delete`: without `yes` what would happen, with it the delete.
pub(super) fn delete_employee(
    db: &mut Database,
    number: &str,
    yes: bool,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let employee = db
        .store()
        .employee_by_personnel_number(number.trim())?
        .ok_or_else(|| {
            Error::Message(ta(
                "privacy-unknown-employee",
                &[("number", Arg::from(number.trim()))],
            ))
        })?;
    let args = |e: &crate::model::Employee| {
        [
            ("number", Arg::from(e.personnel_number.as_str())),
            (
                "name",
                Arg::from(format!("{} {}", e.first_name, e.last_name)),
            ),
        ]
    };
    let records = crate::service::employees::records(db, employee.id)?;
    if records.any() {
        return Err(Error::Message(records.refusal()));
    }
    if !yes {
        writeln!(out, "{}", ta("employee-delete-would", &args(&employee))).map_err(io)?;
        writeln!(out, "{}", t("employee-delete-needs-yes")).map_err(io)?;
        return Ok(ExitCode::FAILURE);
    }
    crate::service::employees::delete(db, employee.id)?;
    writeln!(out, "{}", ta("employee-deleted", &args(&employee))).map_err(io)?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn list_employees(
    db: &Database,
    department: Option<&str>,
    include_leavers: bool,
    format: Format,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let store = db.store();
    let department = match department {
        Some(code) => Some(
            store
                .department_by_code(code)?
                .ok_or_else(|| {
                    Error::invalid(crate::model::Invalid::UnknownDepartment(code.to_owned()))
                })?
                .id,
        ),
        None => None,
    };
    let today = store.today();
    let rows = store.employee_rows(&EmployeeFilter {
        department,
        include_leavers,
    })?;
    let headers = [
        t("field-personnel-number"),
        t("field-last-name"),
        t("field-first-name"),
        t("field-department"),
        t("field-email"),
        t("cli-active"),
    ];
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let e = &r.employee;
            vec![
                e.personnel_number.clone(),
                e.last_name.clone(),
                e.first_name.clone(),
                r.department_code.clone().unwrap_or_default(),
                e.email.clone().unwrap_or_default(),
                yes_no(e.is_active_on(today)),
            ]
        })
        .collect();
    let json_rows: Vec<Value> = rows
        .iter()
        .map(|r| {
            let e = &r.employee;
            json!({
                "personnel_number": e.personnel_number,
                "first_name": e.first_name,
                "last_name": e.last_name,
                "salutation": e.salutation.code(),
                "department": r.department_code,
                "email": e.email,
                "job_title": e.job_title,
                "entry_date": e.entry_date.map(|d| d.format("%Y-%m-%d").to_string()),
                "exit_date": e.exit_date.map(|d| d.format("%Y-%m-%d").to_string()),
                "active": e.is_active_on(today),
            })
        })
        .collect();
    print_list(format, &headers, &table, json_rows, out)?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn list_departments(
    db: &Database,
    format: Format,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let store = db.store();
    // In tree order: each unit followed by its sub-units.
    let mut rows = store.department_rows()?;
    let tree =
        crate::model::DepartmentTree::new(rows.iter().map(|r| r.department.clone()).collect());
    rows.sort_by_key(|r| tree.position(r.department.id).unwrap_or(usize::MAX));
    let code_of = |id| {
        rows.iter()
            .find(|r| r.department.id == id)
            .map(|r| r.department.code.clone())
    };
    let headers = [
        t("field-department-code"),
        t("field-department-name"),
        t("field-parent-department"),
        t("cli-employees"),
        t("cli-active"),
    ];
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let d = &r.department;
            vec![
                d.code.clone(),
                // Sub-units indented under their parent.
                format!(
                    "{}{}",
                    "  ".repeat(tree.position(d.id).map_or(0, |p| tree.nodes()[p].depth)),
                    d.name
                ),
                d.parent_id.and_then(code_of).unwrap_or_default(),
                r.active_employees.to_string(),
                yes_no(d.active),
            ]
        })
        .collect();
    let json_rows = rows
        .iter()
        .map(|r| {
            let d = &r.department;
            json!({
                "code": d.code,
                "name": d.name,
                "parent": d.parent_id.and_then(code_of),
                "employees": r.active_employees,
                "active": d.active,
            })
        })
        .collect();
    print_list(format, &headers, &table, json_rows, out)?;
    Ok(ExitCode::SUCCESS)
}

/// `import attendance FILE --session ID [--dry-run]`: prints the preview; writes nothing
/// and fails while any row is unresolved or rejected (the command line cannot ask, so the
/// candidates are listed for the user to fix the file).
pub(super) fn import_attendance(
    db: &mut Database,
    file: &Path,
    session: i64,
    dry_run: bool,
    out: &mut impl Write,
) -> Result<ExitCode> {
    use crate::service::import_attendance as imp;
    let preview = imp::preview(db, crate::model::SessionId(session), file)?;
    for line in preview.describe_lines() {
        writeln!(out, "{line}").map_err(io)?;
    }
    let resolutions = imp::Resolutions::new();
    if !preview.is_ready(&resolutions) {
        eprintln!("{}", t("impatt-cli-not-ready"));
        return Ok(ExitCode::FAILURE);
    }
    if dry_run {
        writeln!(out, "{}", t("cli-dry-run")).map_err(io)?;
        return Ok(ExitCode::SUCCESS);
    }
    let summary = imp::commit(db, &preview, &resolutions)?;
    writeln!(out, "{}", summary.describe()).map_err(io)?;
    Ok(ExitCode::SUCCESS)
}
