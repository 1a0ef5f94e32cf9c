use super::driver::{Conn, Row, params};
use chrono::NaiveDate;

use super::Tx;
use crate::error::Result;
use crate::model::{Department, DepartmentId, DepartmentInput};

pub use crate::model::DepartmentRow;

const COLUMNS: &str = "d.id, d.code, d.name, d.parent_id, d.active, d.version";

fn department_from_row(r: &Row<'_>) -> Result<Department> {
    Ok(Department {
        id: DepartmentId(r.get(0)?),
        code: r.get(1)?,
        name: r.get(2)?,
        parent_id: r.get::<Option<i64>>(3)?.map(DepartmentId),
        active: r.get(4)?,
        version: r.get(5)?,
    })
}

/// Every department, inactive ones included, ordered by code.
pub(super) fn all(conn: Conn<'_>) -> Result<Vec<Department>> {
    let rows = conn.query(
        &format!("SELECT {COLUMNS} FROM department d ORDER BY d.code"),
        params![],
        department_from_row,
    )?;
    Ok(rows)
}

/// Every department with its count of employees active on `today`.
pub(super) fn rows(conn: Conn<'_>, today: NaiveDate) -> Result<Vec<DepartmentRow>> {
    let today = today.format("%Y-%m-%d").to_string();
    let rows = conn.query(
        &format!(
            "SELECT {COLUMNS},
                (SELECT count(*) FROM employee e
                  WHERE e.department_id = d.id AND (e.exit_date IS NULL OR e.exit_date > ?1))
           FROM department d ORDER BY d.code"
        ),
        params![today],
        |r| {
            Ok(DepartmentRow {
                department: department_from_row(r)?,
                active_employees: r.get(6)?,
            })
        },
    )?;
    Ok(rows)
}

pub(super) fn by_id(conn: Conn<'_>, id: DepartmentId) -> Result<Option<Department>> {
    conn.query_opt(
        &format!("SELECT {COLUMNS} FROM department d WHERE d.id = ?1"),
        params![id.0],
        department_from_row,
    )
}

pub(super) fn by_code(conn: Conn<'_>, code: &str) -> Result<Option<Department>> {
    conn.query_opt(
        &format!("SELECT {COLUMNS} FROM department d WHERE d.code = ?1 COLLATE NOCASE"),
        params![code.trim()],
        department_from_row,
    )
}

/// The department with this name (case-insensitive), if exactly one has it.
pub(super) fn by_name(conn: Conn<'_>, name: &str) -> Result<Option<Department>> {
    let found = conn.query(
        &format!("SELECT {COLUMNS} FROM department d WHERE d.name = ?1 COLLATE NOCASE LIMIT 2"),
        params![name.trim()],
        department_from_row,
    )?;
    Ok(if found.len() == 1 {
        found.into_iter().next()
    } else {
        None
    })
}

pub(super) fn count(conn: Conn<'_>) -> Result<i64> {
    conn.query_one("SELECT count(*) FROM department", params![], |r| r.get(0))
}

pub(super) fn code_taken(conn: Conn<'_>, code: &str, except: Option<DepartmentId>) -> Result<bool> {
    conn.query_one(
        "SELECT EXISTS (SELECT 1 FROM department WHERE code = ?1 COLLATE NOCASE AND id IS DISTINCT FROM ?2)",
        params![code, except.map(|d| d.0)],
        |r| r.get(0),
    )
}

pub(super) fn is_same_or_ancestor(
    conn: Conn<'_>,
    ancestor: DepartmentId,
    id: DepartmentId,
) -> Result<bool> {
    conn.query_one(
        "WITH RECURSIVE up(id) AS (
             SELECT CAST(?1 AS bigint)
             UNION SELECT d.parent_id FROM department d JOIN up ON d.id = up.id
              WHERE d.parent_id IS NOT NULL)
         SELECT EXISTS (SELECT 1 FROM up WHERE id = ?2)",
        params![id.0, ancestor.0],
        |r| r.get(0),
    )
}

/// Active employees and active sub-units directly in department `id` on `today`.
pub(super) fn dependents(conn: Conn<'_>, id: DepartmentId, today: NaiveDate) -> Result<(i64, i64)> {
    let today = today.format("%Y-%m-%d").to_string();
    conn.query_one(
        "SELECT (SELECT count(*) FROM employee
                  WHERE department_id = ?1 AND (exit_date IS NULL OR exit_date > ?2)),
                (SELECT count(*) FROM department WHERE parent_id = ?1 AND active = TRUE)",
        params![id.0, today],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

impl Tx<'_> {
    pub fn insert_department(&self, input: &DepartmentInput) -> Result<DepartmentId> {
        self.note(|c| c.departments = true);
        let new_id0 = self.conn().insert(
            "INSERT INTO department (code, name, parent_id, active) VALUES (?1, ?2, ?3, TRUE) RETURNING id",
            params![input.code, input.name, input.parent_id.map(|d| d.0)],
        )?;
        Ok(DepartmentId(new_id0))
    }

    pub fn update_department(&self, id: DepartmentId, input: &DepartmentInput) -> Result<()> {
        self.note(|c| {
            c.departments = true;
            c.employees = true;
        });
        self.conn().execute(
            "UPDATE department SET code = ?2, name = ?3, parent_id = ?4 WHERE id = ?1",
            params![id.0, input.code, input.name, input.parent_id.map(|d| d.0)],
        )?;
        Ok(())
    }

    pub fn set_department_active(&self, id: DepartmentId, active: bool) -> Result<()> {
        self.note(|c| c.departments = true);
        self.conn().execute(
            "UPDATE department SET active = ?2 WHERE id = ?1",
            params![id.0, active],
        )?;
        Ok(())
    }
}
