//! Reads for the retention of leavers: who left by a day, with how much history they have.

use super::driver::{Conn, params};
use chrono::NaiveDate;

use super::{date_from_sql, date_to_sql};
use crate::error::Result;
use crate::model::EmployeeId;

/// A leaver as the retention list shows them, with the number of their attendance rows
/// and certificates.
#[derive(Debug, Clone, PartialEq)]
pub struct LeaverRow {
    pub id: EmployeeId,
    pub personnel_number: String,
    pub first_name: String,
    pub last_name: String,
    pub department_code: Option<String>,
    pub department_name: Option<String>,
    pub exit_date: NaiveDate,
    pub attendance: i64,
    pub certificates: i64,
}

/// Employees who left on or before `left_by`, not erased, by exit date and name.
pub(super) fn leavers(conn: Conn<'_>, left_by: NaiveDate) -> Result<Vec<LeaverRow>> {
    let rows = conn.query(
        "SELECT e.id, e.personnel_number, e.first_name, e.last_name, d.code, d.name,
                e.exit_date,
                (SELECT count(*) FROM attendance a WHERE a.employee_id = e.id),
                (SELECT count(*) FROM certificate c WHERE c.employee_id = e.id)
           FROM employee e LEFT JOIN department d ON d.id = e.department_id
          WHERE e.exit_date IS NOT NULL AND e.exit_date <= ?1
            AND e.erased_at IS NULL
          ORDER BY e.exit_date, e.last_name COLLATE DE, e.first_name COLLATE DE,
                   e.personnel_number",
        params![date_to_sql(Some(left_by))],
        |r| {
            Ok((
                LeaverRow {
                    id: EmployeeId(r.get(0)?),
                    personnel_number: r.get(1)?,
                    first_name: r.get(2)?,
                    last_name: r.get(3)?,
                    department_code: r.get(4)?,
                    department_name: r.get(5)?,
                    exit_date: NaiveDate::MIN,
                    attendance: r.get(7)?,
                    certificates: r.get(8)?,
                },
                date_from_sql(r.get(6)?),
            ))
        },
    )?;
    let mut out = Vec::new();
    for (mut leaver, exit) in rows {
        // A stored date that does not parse is not a leaver we can date.
        if let Some(exit) = exit {
            leaver.exit_date = exit;
            out.push(leaver);
        }
    }
    Ok(out)
}

/// The exit dates of employees who left on or before `left_by`, not erased.
pub(super) fn exit_dates(conn: Conn<'_>, left_by: NaiveDate) -> Result<Vec<NaiveDate>> {
    let rows = conn.query(
        "SELECT exit_date FROM employee
          WHERE exit_date IS NOT NULL AND exit_date <= ?1 AND erased_at IS NULL",
        params![date_to_sql(Some(left_by))],
        |r| r.get::<Option<String>>(0),
    )?;
    let mut out = Vec::new();
    for row in rows {
        if let Some(date) = date_from_sql(row) {
            out.push(date);
        }
    }
    Ok(out)
}
