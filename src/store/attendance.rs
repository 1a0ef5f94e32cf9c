use super::driver::{Conn, Row, params};

use super::Tx;
use super::sessions::datetime_column;
use crate::error::Result;
use crate::model::{
    Attendance, AttendanceId, AttendanceInput, AttendanceStatus, EmployeeId, SeminarFormat,
    SeminarId, SessionId,
};

pub use crate::model::AttendanceRow;

pub use crate::model::TrainingRecord;

const COLUMNS: &str = "a.id, a.session_id, a.employee_id, a.status, a.hours, a.note";

fn attendance_from_row(r: &Row<'_>) -> Result<Attendance> {
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

const RECORD_SQL: &str = "SELECT a.id, a.session_id, a.employee_id, a.status, a.hours, a.note,
            s.id, s.code, s.title, s.topic, s.format, x.starts_at, x.ends_at
       FROM attendance a
       JOIN session x ON x.id = a.session_id
       JOIN seminar s ON s.id = x.seminar_id";

fn record_from_row(r: &Row<'_>) -> Result<TrainingRecord> {
    let format: String = r.get(10)?;
    Ok(TrainingRecord {
        attendance: attendance_from_row(r)?,
        seminar_id: SeminarId(r.get(6)?),
        seminar_code: r.get(7)?,
        seminar_title: r.get(8)?,
        topic: r.get(9)?,
        format: SeminarFormat::from_code(&format).unwrap_or_default(),
        starts_at: datetime_column(r, 11)?,
        ends_at: datetime_column(r, 12)?,
    })
}

pub(super) fn by_id(conn: Conn<'_>, id: AttendanceId) -> Result<Option<Attendance>> {
    conn.query_opt(
        &format!("SELECT {COLUMNS} FROM attendance a WHERE a.id = ?1"),
        params![id.0],
        attendance_from_row,
    )
}

pub(super) fn of(
    conn: Conn<'_>,
    session: SessionId,
    employee: EmployeeId,
) -> Result<Option<Attendance>> {
    conn.query_opt(
        &format!(
            "SELECT {COLUMNS} FROM attendance a WHERE a.session_id = ?1 AND a.employee_id = ?2"
        ),
        params![session.0, employee.0],
        attendance_from_row,
    )
}

/// Every attendance row of a session, in id order.
pub(super) fn of_session(conn: Conn<'_>, session: SessionId) -> Result<Vec<Attendance>> {
    let rows = conn.query(
        &format!("SELECT {COLUMNS} FROM attendance a WHERE a.session_id = ?1 ORDER BY a.id"),
        params![session.0],
        attendance_from_row,
    )?;
    Ok(rows)
}

/// The roster of a session with its employees, in German name order.
pub(super) fn rows_of_session(conn: Conn<'_>, session: SessionId) -> Result<Vec<AttendanceRow>> {
    let rows = conn.query(
        &format!(
            "SELECT {COLUMNS}, e.personnel_number, e.first_name, e.last_name, d.code
           FROM attendance a
           JOIN employee e ON e.id = a.employee_id
           LEFT JOIN department d ON d.id = e.department_id
          WHERE a.session_id = ?1"
        ),
        params![session.0],
        |r| {
            Ok(AttendanceRow {
                attendance: attendance_from_row(r)?,
                personnel_number: r.get(6)?,
                first_name: r.get(7)?,
                last_name: r.get(8)?,
                department_code: r.get(9)?,
            })
        },
    )?;
    let mut rows: Vec<AttendanceRow> = rows;
    rows.sort_by_cached_key(|r| {
        (
            crate::text::collation_key(&r.last_name),
            crate::text::collation_key(&r.first_name),
            r.personnel_number.clone(),
        )
    });
    Ok(rows)
}

pub(super) fn count(conn: Conn<'_>) -> Result<i64> {
    conn.query_one("SELECT count(*) FROM attendance", params![], |r| r.get(0))
}

pub(super) fn count_of(conn: Conn<'_>, employee: EmployeeId) -> Result<usize> {
    let n: i64 = conn.query_one(
        "SELECT count(*) FROM attendance WHERE employee_id = ?1",
        params![employee.0],
        |r| r.get(0),
    )?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// One employee's training history, earliest session first.
pub(super) fn history(conn: Conn<'_>, employee: EmployeeId) -> Result<Vec<TrainingRecord>> {
    let rows = conn.query(
        &format!("{RECORD_SQL} WHERE a.employee_id = ?1 ORDER BY x.starts_at, a.id"),
        params![employee.0],
        record_from_row,
    )?;
    Ok(rows)
}

/// Every training record, by employee id and session start.
pub(super) fn records(conn: Conn<'_>) -> Result<Vec<TrainingRecord>> {
    let rows = conn.query(
        &format!("{RECORD_SQL} ORDER BY a.employee_id, x.starts_at, a.id"),
        params![],
        record_from_row,
    )?;
    Ok(rows)
}

impl Tx<'_> {
    /// Records an attendance; returns its id. A second row for the same employee and
    /// session is refused by the database (check [`super::Read::attendance_of`] first).
    pub fn insert_attendance(&self, a: &AttendanceInput) -> Result<AttendanceId> {
        self.note(|c| c.attendance_of(a.session_id, a.employee_id));
        let id = self.conn().insert(
            "INSERT INTO attendance (session_id, employee_id, status, hours, note)
             VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
            params![
                a.session_id.0,
                a.employee_id.0,
                a.status.code(),
                a.hours,
                a.note
            ],
        )?;
        Ok(AttendanceId(id))
    }

    /// Changes status, hours and note of an attendance (session and employee stay).
    pub fn update_attendance(
        &self,
        id: AttendanceId,
        status: AttendanceStatus,
        hours: f64,
        note: &str,
    ) -> Result<()> {
        self.conn().for_each(
            "UPDATE attendance SET status = ?2, hours = ?3, note = ?4 WHERE id = ?1
             RETURNING session_id, employee_id",
            params![id.0, status.code(), hours, note],
            |r| {
                let (session, employee) = (SessionId(r.get(0)?), EmployeeId(r.get(1)?));
                self.note(|c| c.attendance_of(session, employee));
                Ok(())
            },
        )
    }

    pub fn delete_attendance(&self, id: AttendanceId) -> Result<()> {
        self.conn().for_each(
            "DELETE FROM attendance WHERE id = ?1 RETURNING session_id, employee_id",
            params![id.0],
            |r| {
                let (session, employee) = (SessionId(r.get(0)?), EmployeeId(r.get(1)?));
                self.note(|c| c.attendance_of(session, employee));
                Ok(())
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{EmployeeInput, Salutation, SeminarInput, SessionInput};
    use crate::store::{Read, Store};

    fn setup(store: &mut Store) -> Result<(SessionId, EmployeeId, EmployeeId)> {
        store.transact(|tx| {
            let seminar = tx.insert_seminar(&SeminarInput {
                code: "DF-101".into(),
                title: "Grundlagen".into(),
                format: SeminarFormat::InPerson,
                default_hours: 8.0,
                topic: "Digitale Verwaltung".into(),
                ..SeminarInput::default()
            })?;
            let day = NaiveDate::from_ymd_opt(2026, 3, 3).expect("date");
            let session = tx.insert_session(&SessionInput {
                seminar_id: seminar,
                starts_at: day.and_hms_opt(9, 0, 0).expect("time"),
                ends_at: day.and_hms_opt(17, 0, 0).expect("time"),
                location: String::new(),
                trainer: String::new(),
                capacity: Some(12),
            })?;
            let mut ids = Vec::new();
            for (pnr, first, last) in [("100001", "Jürgen", "Weiß"), ("100002", "Anna", "Özdemir")]
            {
                let e = EmployeeInput {
                    personnel_number: pnr.into(),
                    first_name: first.into(),
                    last_name: last.into(),
                    salutation: Salutation::Neutral,
                    ..EmployeeInput::default()
                }
                .validated()?;
                ids.push(tx.insert_employee(&e)?);
            }
            Ok((session, ids[0], ids[1]))
        })
    }

    #[test]
    fn attendance_round_trips_and_a_second_row_per_session_is_refused() -> Result<()> {
        let mut store = Store::open_in_memory()?;
        let (session, weiss, oezdemir) = setup(&mut store)?;
        let input = |employee, status, hours| AttendanceInput {
            session_id: session,
            employee_id: employee,
            status,
            hours,
            note: String::new(),
        };
        let id = store
            .transact(|tx| tx.insert_attendance(&input(weiss, AttendanceStatus::Attended, 8.0)))?;
        store.transact(|tx| {
            tx.insert_attendance(&input(oezdemir, AttendanceStatus::Excused, 0.0))
        })?;
        let again =
            store.transact(|tx| tx.insert_attendance(&input(weiss, AttendanceStatus::Absent, 0.0)));
        assert!(again.is_err());
        assert_eq!(store.attendance_count()?, 2);

        let roster = store.attendance_of_session(session)?;
        let names: Vec<_> = roster.iter().map(|r| r.last_name.as_str()).collect();
        assert_eq!(names, ["Özdemir", "Weiß"]);
        assert_eq!(roster[1].attendance.id, id);
        assert_eq!(roster[1].attendance.status, AttendanceStatus::Attended);

        store
            .transact(|tx| tx.update_attendance(id, AttendanceStatus::Partial, 5.5, "ab 14 Uhr"))?;
        let history = store.training_history(weiss)?;
        assert_eq!(history.len(), 1);
        assert_eq!(history[0].attendance.status, AttendanceStatus::Partial);
        assert!((history[0].attendance.hours - 5.5).abs() < 1e-9);
        assert_eq!(history[0].attendance.note, "ab 14 Uhr");
        assert_eq!(history[0].seminar_code, "DF-101");
        assert_eq!(history[0].topic, "Digitale Verwaltung");
        assert_eq!(store.training_records()?.len(), 2);
        Ok(())
    }
}
