//! Waiting lists: who waits for a place at a session, in the order they were put on it.

use super::Tx;
use super::driver::{Conn, Row, params};
use super::sessions::{datetime_column, datetime_to_sql};
use crate::error::Result;
use crate::model::{EmployeeId, SessionId, WaitlistId, WaitlistRow};

const SELECT: &str = "SELECT w.id, w.session_id, w.employee_id, w.added_at,
            e.personnel_number, e.first_name, e.last_name, d.code
       FROM waitlist w
       JOIN employee e ON e.id = w.employee_id
       LEFT JOIN department d ON d.id = e.department_id";

fn row_from(r: &Row<'_>) -> Result<WaitlistRow> {
    Ok(WaitlistRow {
        id: WaitlistId(r.get(0)?),
        session_id: SessionId(r.get(1)?),
        employee_id: EmployeeId(r.get(2)?),
        added_at: datetime_column(r, 3)?,
        personnel_number: r.get(4)?,
        first_name: r.get(5)?,
        last_name: r.get(6)?,
        department_code: r.get(7)?,
    })
}

/// The waiting list of a session, first come first.
pub(super) fn of_session(conn: Conn<'_>, session: SessionId) -> Result<Vec<WaitlistRow>> {
    conn.query(
        &format!("{SELECT} WHERE w.session_id = ?1 ORDER BY w.id"),
        params![session.0],
        row_from,
    )
}

/// The places of one employee on waiting lists, in the order they were taken.
pub(super) fn of_employee(conn: Conn<'_>, employee: EmployeeId) -> Result<Vec<WaitlistRow>> {
    conn.query(
        &format!("{SELECT} WHERE w.employee_id = ?1 ORDER BY w.id"),
        params![employee.0],
        row_from,
    )
}

/// One place on a waiting list.
pub(super) fn by_id(conn: Conn<'_>, id: WaitlistId) -> Result<Option<WaitlistRow>> {
    conn.query_opt(
        &format!("{SELECT} WHERE w.id = ?1"),
        params![id.0],
        row_from,
    )
}

impl Tx<'_> {
    /// Puts an employee at the end of a session's waiting list (now); returns the place's
    /// id. A second place for the same employee and session is refused by the database.
    pub fn insert_waitlist(&self, session: SessionId, employee: EmployeeId) -> Result<WaitlistId> {
        self.note(|c| c.attendance_of(session, employee));
        let id = self.conn().insert(
            "INSERT INTO waitlist (session_id, employee_id, added_at)
             VALUES (?1, ?2, ?3) RETURNING id",
            params![session.0, employee.0, datetime_to_sql(self.now())],
        )?;
        Ok(WaitlistId(id))
    }

    /// Takes a place off its waiting list.
    pub fn delete_waitlist(&self, id: WaitlistId) -> Result<()> {
        self.conn().for_each(
            "DELETE FROM waitlist WHERE id = ?1 RETURNING session_id, employee_id",
            params![id.0],
            |r| {
                let (session, employee) = (SessionId(r.get(0)?), EmployeeId(r.get(1)?));
                self.note(|c| c.attendance_of(session, employee));
                Ok(())
            },
        )
    }

    /// Takes an employee off every waiting list; returns on how many they were.
    pub fn delete_waitlist_of(&self, employee: EmployeeId) -> Result<usize> {
        let mut n = 0;
        self.conn().for_each(
            "DELETE FROM waitlist WHERE employee_id = ?1 RETURNING session_id",
            params![employee.0],
            |r| {
                let session = SessionId(r.get(0)?);
                self.note(|c| c.attendance_of(session, employee));
                n += 1;
                Ok(())
            },
        )?;
        Ok(n)
    }
}
