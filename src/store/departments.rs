use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Tx;
use crate::error::Result;
use crate::model::{Department, DepartmentId, DepartmentInput};

pub use crate::model::DepartmentRow;

const COLUMNS: &str = "d.id, d.code, d.name, d.parent_id, d.active";

fn department_from_row(r: &Row<'_>) -> rusqlite::Result<Department> {
    Ok(Department {
        id: DepartmentId(r.get(0)?),
        code: r.get(1)?,
        name: r.get(2)?,
        parent_id: r.get::<_, Option<i64>>(3)?.map(DepartmentId),
        active: r.get(4)?,
    })
}

/// Every department, inactive ones included, ordered by code.
pub(super) fn all(conn: &Connection) -> Result<Vec<Department>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM department d ORDER BY d.code"
    ))?;
    let rows = stmt.query_map([], department_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every department with its count of employees active on `today`.
pub(super) fn rows(conn: &Connection, today: NaiveDate) -> Result<Vec<DepartmentRow>> {
    let today = today.format("%Y-%m-%d").to_string();
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS},
                (SELECT count(*) FROM employee e
                  WHERE e.department_id = d.id AND (e.exit_date IS NULL OR e.exit_date > ?1))
           FROM department d ORDER BY d.code"
    ))?;
    let rows = stmt.query_map([today], |r| {
        Ok(DepartmentRow {
            department: department_from_row(r)?,
            active_employees: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(super) fn by_id(conn: &Connection, id: DepartmentId) -> Result<Option<Department>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM department d WHERE d.id = ?1"),
            [id.0],
            department_from_row,
        )
        .optional()?)
}

pub(super) fn by_code(conn: &Connection, code: &str) -> Result<Option<Department>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM department d WHERE d.code = ?1 COLLATE NOCASE"),
            [code.trim()],
            department_from_row,
        )
        .optional()?)
}

/// The department with this name (case-insensitive), if exactly one has it.
pub(super) fn by_name(conn: &Connection, name: &str) -> Result<Option<Department>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM department d WHERE d.name = ?1 COLLATE NOCASE LIMIT 2"
    ))?;
    let found: Vec<Department> = stmt
        .query_map([name.trim()], department_from_row)?
        .collect::<Result<_, _>>()?;
    Ok(if found.len() == 1 {
        found.into_iter().next()
    } else {
        None
    })
}

pub(super) fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM department", [], |r| r.get(0))?)
}

pub(super) fn code_taken(
    conn: &Connection,
    code: &str,
    except: Option<DepartmentId>,
) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM department WHERE code = ?1 COLLATE NOCASE AND id IS NOT ?2)",
        params![code, except.map(|d| d.0)],
        |r| r.get(0),
    )?)
}

pub(super) fn is_same_or_ancestor(
    conn: &Connection,
    ancestor: DepartmentId,
    id: DepartmentId,
) -> Result<bool> {
    Ok(conn.query_row(
        "WITH RECURSIVE up(id) AS (
             SELECT ?1
             UNION SELECT d.parent_id FROM department d JOIN up ON d.id = up.id
              WHERE d.parent_id IS NOT NULL)
         SELECT EXISTS (SELECT 1 FROM up WHERE id = ?2)",
        params![id.0, ancestor.0],
        |r| r.get(0),
    )?)
}

/// Active employees and active sub-units directly in department `id` on `today`.
pub(super) fn dependents(
    conn: &Connection,
    id: DepartmentId,
    today: NaiveDate,
) -> Result<(i64, i64)> {
    let today = today.format("%Y-%m-%d").to_string();
    Ok(conn.query_row(
        "SELECT (SELECT count(*) FROM employee
                  WHERE department_id = ?1 AND (exit_date IS NULL OR exit_date > ?2)),
                (SELECT count(*) FROM department WHERE parent_id = ?1 AND active = 1)",
        params![id.0, today],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

impl Tx<'_> {
    pub fn insert_department(&self, input: &DepartmentInput) -> Result<DepartmentId> {
        self.note(|c| c.departments = true);
        self.conn().execute(
            "INSERT INTO department (code, name, parent_id, active) VALUES (?1, ?2, ?3, 1)",
            params![input.code, input.name, input.parent_id.map(|d| d.0)],
        )?;
        Ok(DepartmentId(self.conn().last_insert_rowid()))
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
