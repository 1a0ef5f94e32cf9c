//! What the seminar, session and roster services need beyond the basic entity files:
//! attendance by id and per session inside a transaction, the active staff of a
//! department with its sub-units, and the attendance list for exports.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, Row, params};

use super::sessions::datetime_from_sql;
use super::{Store, Tx};
use crate::error::Result;
use crate::model::{
    Attendance, AttendanceId, AttendanceStatus, DepartmentId, EmployeeId, SeminarId, SessionId,
};

/// One attendance with its session, seminar and employee: a line of the attendance export.
#[derive(Debug, Clone, PartialEq)]
pub struct AttendanceListRow {
    pub session_id: SessionId,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub seminar_code: String,
    pub seminar_title: String,
    pub personnel_number: String,
    pub first_name: String,
    pub last_name: String,
    pub department_code: Option<String>,
    pub status: AttendanceStatus,
    pub hours: f64,
    pub note: String,
}

const COLUMNS: &str = "a.id, a.session_id, a.employee_id, a.status, a.hours, a.note";

fn attendance_from_row(r: &Row<'_>) -> rusqlite::Result<Attendance> {
    let status: String = r.get(3)?;
    Ok(Attendance {
        id: AttendanceId(r.get(0)?),
        session_id: SessionId(r.get(1)?),
        employee_id: EmployeeId(r.get(2)?),
        status: AttendanceStatus::from_code(&status).unwrap_or_default(),
        hours: r.get(4)?,
        note: r.get(5)?,
    })
}

fn datetime_at(r: &Row<'_>, i: usize) -> rusqlite::Result<NaiveDateTime> {
    let text: String = r.get(i)?;
    datetime_from_sql(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("not a date-time: {text}").into(),
        )
    })
}

impl Tx<'_> {
    /// The attendance row with this id, if any.
    pub fn attendance(&self, id: AttendanceId) -> Result<Option<Attendance>> {
        Ok(self
            .conn()
            .query_row(
                &format!("SELECT {COLUMNS} FROM attendance a WHERE a.id = ?1"),
                [id.0],
                attendance_from_row,
            )
            .optional()?)
    }

    /// Every attendance row of a session, in id order.
    pub fn roster(&self, session: SessionId) -> Result<Vec<Attendance>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM attendance a WHERE a.session_id = ?1 ORDER BY a.id"
        ))?;
        let rows = stmt.query_map([session.0], attendance_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Whether a seminar other than `except` already uses `code` (ignoring case).
    pub fn seminar_code_taken(&self, code: &str, except: Option<SeminarId>) -> Result<bool> {
        Ok(self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM seminar WHERE code = ?1 COLLATE NOCASE AND id IS NOT ?2)",
            params![code.trim(), except.map(|s| s.0)],
            |r| r.get(0),
        )?)
    }

    /// The employees of department `id` and all its sub-units who are active on `on`
    /// (no exit date, or one after `on`), as id and personnel number, by personnel number.
    pub fn active_staff_of_department(
        &self,
        id: DepartmentId,
        on: NaiveDate,
    ) -> Result<Vec<(EmployeeId, String)>> {
        let mut stmt = self.conn().prepare(
            "WITH RECURSIVE sub(id) AS (
                 SELECT id FROM department WHERE id = ?1
                 UNION SELECT d.id FROM department d JOIN sub ON d.parent_id = sub.id)
             SELECT e.id, e.personnel_number FROM employee e
              WHERE e.department_id IN (SELECT id FROM sub)
                AND (e.exit_date IS NULL OR e.exit_date > ?2)
              ORDER BY e.personnel_number",
        )?;
        let rows = stmt.query_map(params![id.0, on.format("%Y-%m-%d").to_string()], |r| {
            Ok((EmployeeId(r.get(0)?), r.get(1)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

impl Store {
    /// Every attendance at sessions that end on or after `from` and start on or before
    /// `to` (both optional), ordered by session start, session, and name as German lists are.
    pub fn attendance_list(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<AttendanceListRow>> {
        // Dates compare as text, as in `session_rows`.
        let from = from.map(|d| d.format("%Y-%m-%d").to_string());
        let to = to.map(|d| d.format("%Y-%m-%dT~").to_string());
        let mut stmt = self.conn().prepare(
            "SELECT x.id, x.starts_at, x.ends_at, s.code, s.title, e.personnel_number,
                    e.first_name, e.last_name, d.code, a.status, a.hours, a.note
               FROM attendance a
               JOIN session x ON x.id = a.session_id
               JOIN seminar s ON s.id = x.seminar_id
               JOIN employee e ON e.id = a.employee_id
               LEFT JOIN department d ON d.id = e.department_id
              WHERE (?1 IS NULL OR x.ends_at >= ?1)
                AND (?2 IS NULL OR x.starts_at < ?2)
              ORDER BY x.starts_at, x.id, e.last_name COLLATE DE, e.first_name COLLATE DE,
                       e.personnel_number",
        )?;
        let rows = stmt.query_map(params![from, to], |r| {
            let status: String = r.get(9)?;
            Ok(AttendanceListRow {
                session_id: SessionId(r.get(0)?),
                starts_at: datetime_at(r, 1)?,
                ends_at: datetime_at(r, 2)?,
                seminar_code: r.get(3)?,
                seminar_title: r.get(4)?,
                personnel_number: r.get(5)?,
                first_name: r.get(6)?,
                last_name: r.get(7)?,
                department_code: r.get(8)?,
                status: AttendanceStatus::from_code(&status).unwrap_or_default(),
                hours: r.get(10)?,
                note: r.get(11)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
