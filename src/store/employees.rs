use super::driver::{Conn, Row, params};
use chrono::NaiveDate;

use super::{Tx, date_from_sql, date_to_sql};
use crate::error::Result;
use crate::model::{DepartmentId, Employee, EmployeeId, Salutation, ValidEmployee};

pub use crate::model::EmployeeRow;

/// Which employees a list shows.
#[derive(Debug, Clone, Default)]
pub struct EmployeeFilter {
    /// Only this department and its sub-units.
    pub department: Option<DepartmentId>,
    /// Include those who have left by the store's today.
    pub include_leavers: bool,
}

const COLUMNS: &str = "e.id, e.personnel_number, e.first_name, e.last_name, e.salutation, e.email, \
     e.department_id, e.job_title, e.entry_date, e.exit_date, e.version";

fn employee_from_row(r: &Row<'_>) -> Result<Employee> {
    let salutation: String = r.get(4)?;
    Ok(Employee {
        id: EmployeeId(r.get(0)?),
        personnel_number: r.get(1)?,
        first_name: r.get(2)?,
        last_name: r.get(3)?,
        salutation: Salutation::from_code(&salutation).unwrap_or_default(),
        email: r.get(5)?,
        department_id: r.get::<Option<i64>>(6)?.map(DepartmentId),
        job_title: r.get(7)?,
        entry_date: date_from_sql(r.get(8)?),
        exit_date: date_from_sql(r.get(9)?),
        version: r.get(10)?,
    })
}

/// Employees with their department, ordered by last and first name.
pub(super) fn rows(
    conn: Conn<'_>,
    today: NaiveDate,
    filter: &EmployeeFilter,
) -> Result<Vec<EmployeeRow>> {
    let today = today.format("%Y-%m-%d").to_string();
    let rows = conn.query(
        &format!(
            "WITH RECURSIVE sub(id) AS (
             SELECT id FROM department WHERE id = ?1
             UNION SELECT d.id FROM department d JOIN sub ON d.parent_id = sub.id)
         SELECT {COLUMNS}, d.code, d.name
           FROM employee e LEFT JOIN department d ON d.id = e.department_id
          WHERE (e.department_id IN (SELECT id FROM sub) OR ?1 IS NULL)
            AND (?2 OR e.exit_date IS NULL OR e.exit_date > ?3)"
        ),
        params![
            filter.department.map(|d| d.0),
            filter.include_leavers,
            today
        ],
        |r| {
            Ok(EmployeeRow {
                employee: employee_from_row(r)?,
                department_code: r.get(11)?,
                department_name: r.get(12)?,
            })
        },
    )?;
    let mut rows: Vec<EmployeeRow> = rows;
    // The order of `ORDER BY last_name COLLATE DE, first_name COLLATE DE, personnel_number`,
    // with each key computed once instead of in every one of SQLite's comparisons.
    rows.sort_by_cached_key(|r| {
        let e = &r.employee;
        (
            crate::text::collation_key(&e.last_name),
            crate::text::collation_key(&e.first_name),
            e.personnel_number.clone(),
        )
    });
    Ok(rows)
}

pub(super) fn by_id(conn: Conn<'_>, id: EmployeeId) -> Result<Option<Employee>> {
    conn.query_opt(
        &format!("SELECT {COLUMNS} FROM employee e WHERE e.id = ?1"),
        params![id.0],
        employee_from_row,
    )
}

pub(super) fn by_personnel_number(conn: Conn<'_>, number: &str) -> Result<Option<Employee>> {
    conn.query_opt(
        &format!("SELECT {COLUMNS} FROM employee e WHERE e.personnel_number = ?1"),
        params![number.trim()],
        employee_from_row,
    )
}

pub(super) fn personnel_number_taken(conn: Conn<'_>, number: &str) -> Result<bool> {
    conn.query_one(
        "SELECT EXISTS (SELECT 1 FROM employee WHERE personnel_number = ?1)",
        params![number],
        |r| r.get(0),
    )
}

pub(super) fn count(conn: Conn<'_>) -> Result<i64> {
    conn.query_one("SELECT count(*) FROM employee", params![], |r| r.get(0))
}

/// Every employee, leavers included, ordered by id.
pub(super) fn all(conn: Conn<'_>) -> Result<Vec<Employee>> {
    let rows = conn.query(
        &format!("SELECT {COLUMNS} FROM employee e ORDER BY e.id"),
        params![],
        employee_from_row,
    )?;
    Ok(rows)
}

/// The employees of department `id` and its sub-units active on `on`, by personnel number.
pub(super) fn active_in_department(
    conn: Conn<'_>,
    id: DepartmentId,
    on: NaiveDate,
) -> Result<Vec<(EmployeeId, String)>> {
    let rows = conn.query(
        "WITH RECURSIVE sub(id) AS (
             SELECT id FROM department WHERE id = ?1
             UNION SELECT d.id FROM department d JOIN sub ON d.parent_id = sub.id)
         SELECT e.id, e.personnel_number FROM employee e
          WHERE e.department_id IN (SELECT id FROM sub)
            AND (e.exit_date IS NULL OR e.exit_date > ?2)
          ORDER BY e.personnel_number",
        params![id.0, on.format("%Y-%m-%d").to_string()],
        |r| Ok((EmployeeId(r.get(0)?), r.get(1)?)),
    )?;
    Ok(rows)
}

/// When the employee was erased (anonymous placeholder), if so.
pub(super) fn erased_at(conn: Conn<'_>, employee: EmployeeId) -> Result<Option<String>> {
    Ok(conn
        .query_opt(
            "SELECT erased_at FROM employee WHERE id = ?1",
            params![employee.0],
            |r| r.get::<Option<String>>(0),
        )?
        .flatten())
}

fn date(d: Option<NaiveDate>) -> Option<String> {
    date_to_sql(d)
}

impl Tx<'_> {
    pub fn insert_employee(&self, e: &ValidEmployee) -> Result<EmployeeId> {
        let new_id0 = self.conn().insert(
            "INSERT INTO employee (personnel_number, first_name, last_name, salutation, email,
                                   department_id, job_title, entry_date, exit_date)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
            params![
                e.personnel_number,
                e.first_name,
                e.last_name,
                e.salutation.code(),
                e.email,
                e.department_id.map(|d| d.0),
                e.job_title,
                date(e.entry_date),
                date(e.exit_date)
            ],
        )?;
        let id = EmployeeId(new_id0);
        self.note(|c| c.employee(id));
        Ok(id)
    }

    pub fn update_employee(&self, id: EmployeeId, e: &ValidEmployee) -> Result<()> {
        self.note(|c| c.employee(id));
        self.conn().execute(
            "UPDATE employee SET personnel_number = ?2, first_name = ?3, last_name = ?4,
                    salutation = ?5, email = ?6, department_id = ?7, job_title = ?8,
                    entry_date = ?9, exit_date = ?10
              WHERE id = ?1",
            params![
                id.0,
                e.personnel_number,
                e.first_name,
                e.last_name,
                e.salutation.code(),
                e.email,
                e.department_id.map(|d| d.0),
                e.job_title,
                date(e.entry_date),
                date(e.exit_date)
            ],
        )?;
        Ok(())
    }

    pub fn set_exit_date(&self, id: EmployeeId, exit: Option<NaiveDate>) -> Result<()> {
        self.note(|c| c.employee(id));
        self.conn().execute(
            "UPDATE employee SET exit_date = ?2 WHERE id = ?1",
            params![id.0, date(exit)],
        )?;
        Ok(())
    }
}
