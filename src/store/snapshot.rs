//! Whole-table reads in one query each, for bulk operations (the employee import compares
//! thousands of rows against the database without one query per row).

use rusqlite::Connection;

use super::{Store, Tx, date_from_sql};
use crate::error::Result;
use crate::model::{Department, DepartmentId, Employee, EmployeeId, Salutation};

fn employees(conn: &Connection) -> Result<Vec<Employee>> {
    let mut stmt = conn.prepare(
        "SELECT id, personnel_number, first_name, last_name, salutation, email,
                department_id, job_title, entry_date, exit_date
           FROM employee ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        let salutation: String = r.get(4)?;
        Ok(Employee {
            id: EmployeeId(r.get(0)?),
            personnel_number: r.get(1)?,
            first_name: r.get(2)?,
            last_name: r.get(3)?,
            salutation: Salutation::from_code(&salutation).unwrap_or_default(),
            email: r.get(5)?,
            department_id: r.get::<_, Option<i64>>(6)?.map(DepartmentId),
            job_title: r.get(7)?,
            entry_date: date_from_sql(r.get(8)?),
            exit_date: date_from_sql(r.get(9)?),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn departments(conn: &Connection) -> Result<Vec<Department>> {
    let mut stmt =
        conn.prepare("SELECT id, code, name, parent_id, active FROM department ORDER BY code")?;
    let rows = stmt.query_map([], |r| {
        Ok(Department {
            id: DepartmentId(r.get(0)?),
            code: r.get(1)?,
            name: r.get(2)?,
            parent_id: r.get::<_, Option<i64>>(3)?.map(DepartmentId),
            active: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

impl Store {
    /// Every employee, leavers included, ordered by id — one query.
    pub fn employee_snapshot(&self) -> Result<Vec<Employee>> {
        employees(self.conn())
    }

    /// Every department, inactive ones included, ordered by code — one query.
    pub fn department_snapshot(&self) -> Result<Vec<Department>> {
        departments(self.conn())
    }
}

impl Tx<'_> {
    /// Every employee as this transaction sees them, leavers included — one query.
    pub fn employee_snapshot(&self) -> Result<Vec<Employee>> {
        employees(self.conn())
    }

    /// Every department as this transaction sees them, inactive ones included — one query.
    pub fn department_snapshot(&self) -> Result<Vec<Department>> {
        departments(self.conn())
    }
}
