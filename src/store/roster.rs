//! The attendance list for exports: every attendance with its session, seminar and
//! employee.

use super::driver::{Conn, params};
use chrono::{NaiveDate, NaiveDateTime};

use super::sessions::datetime_column;
use crate::error::Result;
use crate::model::{AttendanceStatus, SessionId};

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

/// The attendance export's lines between `from` and `to`.
pub(super) fn attendance_list(
    conn: Conn<'_>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Vec<AttendanceListRow>> {
    // From the start of `from` to the end of `to`, as in `sessions::rows`.
    let from = from.map(|d| d.format("%Y-%m-%d").to_string());
    let to = to
        .and_then(|d| d.succ_opt())
        .map(|d| d.format("%Y-%m-%d").to_string());
    let rows = conn.query(
        "SELECT x.id, x.starts_at, x.ends_at, s.code, s.title, e.personnel_number,
                e.first_name, e.last_name, d.code, a.status, a.hours, a.note
           FROM attendance a
           JOIN session x ON x.id = a.session_id
           JOIN seminar s ON s.id = x.seminar_id
           JOIN employee e ON e.id = a.employee_id
           LEFT JOIN department d ON d.id = e.department_id
          WHERE (x.ends_at >= ?1 OR ?1 IS NULL)
            AND (x.starts_at < ?2 OR ?2 IS NULL)
          ORDER BY x.starts_at, x.id, e.last_name COLLATE DE, e.first_name COLLATE DE,
                   e.personnel_number",
        params![from, to],
        |r| {
            let status: String = r.get(9)?;
            Ok(AttendanceListRow {
                session_id: SessionId(r.get(0)?),
                starts_at: datetime_column(r, 1)?,
                ends_at: datetime_column(r, 2)?,
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
        },
    )?;
    Ok(rows)
}
