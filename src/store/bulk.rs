//! Bulk reads for reports over everybody: the same records as
//! [`super::Read::training_records`], read so that 250,000 rows load in a fraction of the time.

use std::collections::HashMap;

use super::driver::{Backend, Conn, params};
use chrono::{NaiveDate, NaiveDateTime};

use super::sessions::datetime_from_sql;
use super::{date_from_sql, date_to_sql};
use crate::error::{Error, Result};
use crate::model::{
    Attendance, AttendanceId, AttendanceStatus, EmployeeId, SeminarFormat, SeminarId, SessionId,
    TrainingRecord,
};

/// One employee's completion of one seminar by a day, aggregated by the database: see
/// [`super::Read::seminar_completions`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeminarCompletionRow {
    pub employee_id: EmployeeId,
    pub seminar_id: SeminarId,
    /// The day the first completing session ended.
    pub first_day: NaiveDate,
    /// The most hours of any completing session.
    pub hours: f64,
}

struct SeminarFields {
    code: String,
    title: String,
    topic: String,
    format: SeminarFormat,
}

struct SessionFields {
    seminar: SeminarId,
    starts_at: NaiveDateTime,
    ends_at: NaiveDateTime,
}

/// Every training record, in no particular order; each seminar and session read once.
pub(super) fn records_unordered(conn: Conn<'_>) -> Result<Vec<TrainingRecord>> {
    let mut seminars: HashMap<i64, SeminarFields> = HashMap::new();
    conn.for_each(
        "SELECT id, code, title, topic, format FROM seminar",
        params![],
        |r| {
            let format = r
                .with_text(4, |t| t.and_then(SeminarFormat::from_code))?
                .unwrap_or_default();
            seminars.insert(
                r.get(0)?,
                SeminarFields {
                    code: r.get(1)?,
                    title: r.get(2)?,
                    topic: r.get(3)?,
                    format,
                },
            );
            Ok(())
        },
    )?;

    let mut sessions: HashMap<i64, SessionFields> = HashMap::new();
    conn.for_each(
        "SELECT id, seminar_id, starts_at, ends_at FROM session",
        params![],
        |r| {
            let when = |i: usize| -> Result<NaiveDateTime> {
                r.with_text(i, |text| {
                    let text = text.unwrap_or_default();
                    datetime_from_sql(text).ok_or_else(|| {
                        Error::Corrupt(format!("session date-time is not a date-time: {text}"))
                    })
                })?
            };
            sessions.insert(
                r.get(0)?,
                SessionFields {
                    seminar: SeminarId(r.get(1)?),
                    starts_at: when(2)?,
                    ends_at: when(3)?,
                },
            );
            Ok(())
        },
    )?;

    let count = super::attendance::count(conn)?;
    let mut out = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
    let sql = "SELECT id, session_id, employee_id, status, hours, note FROM attendance";
    conn.for_each(sql, params![], |r| {
        let session_id: i64 = r.get(1)?;
        // The schema's foreign keys make both lookups succeed.
        let Some(session) = sessions.get(&session_id) else {
            return Ok(());
        };
        let Some(seminar) = seminars.get(&session.seminar.0) else {
            return Ok(());
        };
        let status = r
            .with_text(3, |t| t.and_then(AttendanceStatus::from_code))?
            .unwrap_or_default();
        out.push(TrainingRecord {
            attendance: Attendance {
                id: AttendanceId(r.get(0)?),
                session_id: SessionId(session_id),
                employee_id: EmployeeId(r.get(2)?),
                status,
                hours: r.get(4)?,
                note: r.get(5)?,
            },
            seminar_id: session.seminar,
            seminar_code: seminar.code.clone(),
            seminar_title: seminar.title.clone(),
            topic: seminar.topic.clone(),
            format: seminar.format,
            starts_at: session.starts_at,
            ends_at: session.ends_at,
        });
        Ok(())
    })?;
    Ok(out)
}

/// Per employee and seminar of `seminars`: the first day and most hours of completion;
/// with `people`, only theirs.
pub(super) fn seminar_completions(
    conn: Conn<'_>,
    seminars: &[SeminarId],
    allow_partial: bool,
    as_of: NaiveDate,
    people: Option<&[EmployeeId]>,
) -> Result<Vec<SeminarCompletionRow>> {
    if seminars.is_empty() || people.is_some_and(<[EmployeeId]>::is_empty) {
        return Ok(Vec::new());
    }
    // Ids are integers: listing them in the statement is safe, and lets SQLite use
    // the seminar index (or the employee index) for each.
    let list = |ids: &mut dyn Iterator<Item = i64>| {
        ids.map(|id| id.to_string()).collect::<Vec<_>>().join(", ")
    };
    let only = match people {
        Some(people) => format!(
            "AND a.employee_id IN ({})",
            list(&mut people.iter().map(|e| e.0))
        ),
        None => String::new(),
    };
    // For a few people, their attendance (by the employee index) comes first; for
    // everybody, the sessions of the seminars (by the seminar index).
    // (SQLite's CROSS JOIN fixes the order; PostgreSQL plans it itself.)
    let from = if people.is_some() && conn.backend() == Backend::Sqlite {
        "attendance a CROSS JOIN session s ON s.id = a.session_id"
    } else {
        "session s JOIN attendance a ON a.session_id = s.id"
    };
    let sql = format!(
        "SELECT a.employee_id, s.seminar_id, min(substr(s.ends_at, 1, 10)), max(a.hours)
           FROM {from}
          WHERE s.seminar_id IN ({})
            AND substr(s.ends_at, 1, 10) <= ?1
            AND (a.status = ?2 OR (?3 AND a.status = ?4 AND a.hours > 0))
            {only}
          GROUP BY a.employee_id, s.seminar_id",
        list(&mut seminars.iter().map(|s| s.0))
    );
    let params = params![
        date_to_sql(Some(as_of)),
        AttendanceStatus::Attended.code(),
        allow_partial,
        AttendanceStatus::Partial.code(),
    ];
    conn.query(&sql, params, |r| {
        let day: Option<String> = r.get(2)?;
        let first_day = date_from_sql(day.clone()).ok_or_else(|| {
            Error::Corrupt(format!(
                "session date-time is not a date-time: {}",
                day.unwrap_or_default()
            ))
        })?;
        Ok(SeminarCompletionRow {
            employee_id: EmployeeId(r.get(0)?),
            seminar_id: SeminarId(r.get(1)?),
            first_day,
            hours: r.get(3)?,
        })
    })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{AttendanceInput, EmployeeInput, SeminarInput, SessionInput};
    use crate::store::{Read, Store};

    #[test]
    fn the_unordered_read_holds_the_same_records() -> Result<()> {
        let mut store = Store::open_in_memory()?;
        store.transact(|tx| {
            let mut employees = Vec::new();
            for pnr in ["1", "2", "3"] {
                let e = EmployeeInput {
                    personnel_number: pnr.into(),
                    first_name: "Anna".into(),
                    last_name: format!("Weiß{pnr}"),
                    ..EmployeeInput::default()
                }
                .validated()?;
                employees.push(tx.insert_employee(&e)?);
            }
            for (code, topic) in [("DF-101", "Digitale Verwaltung"), ("DF-102", "Recht")] {
                let seminar = tx.insert_seminar(&SeminarInput {
                    code: code.into(),
                    title: format!("Seminar {code}"),
                    format: SeminarFormat::Webinar,
                    topic: topic.into(),
                    ..SeminarInput::default()
                })?;
                for day in [3, 10] {
                    let date = NaiveDate::from_ymd_opt(2026, 3, day).unwrap_or_default();
                    let session = tx.insert_session(&SessionInput {
                        seminar_id: seminar,
                        starts_at: date.and_hms_opt(9, 0, 0).unwrap_or_default(),
                        ends_at: date.and_hms_opt(12, 30, 0).unwrap_or_default(),
                        location: String::new(),
                        trainer: String::new(),
                        capacity: None,
                    })?;
                    for (i, e) in employees.iter().enumerate() {
                        tx.insert_attendance(&AttendanceInput {
                            session_id: session,
                            employee_id: *e,
                            status: AttendanceStatus::ALL[(i + day as usize) % 5],
                            hours: 3.5,
                            note: if i == 0 {
                                "Notiz".into()
                            } else {
                                String::new()
                            },
                        })?;
                    }
                }
            }
            Ok(())
        })?;
        let key = |r: &TrainingRecord| r.attendance.id;
        let mut ordered = store.training_records()?;
        let mut fast = store.training_records_unordered()?;
        ordered.sort_by_key(key);
        fast.sort_by_key(key);
        assert_eq!(fast.len(), 12);
        assert_eq!(fast, ordered);
        Ok(())
    }
}
