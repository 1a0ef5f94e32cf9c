use super::driver::{Conn, Row, params};
use chrono::{NaiveDate, NaiveDateTime};

use super::Tx;
use crate::error::{Error, Result};
use crate::model::{SeminarId, Session, SessionId, SessionInput};

pub use crate::model::SessionRow;

/// Which sessions a list shows; every field narrows the list.
#[derive(Debug, Clone, Default)]
pub struct SessionFilter {
    pub seminar: Option<SeminarId>,
    /// Sessions that end on or after this day.
    pub from: Option<NaiveDate>,
    /// Sessions that start on or before this day.
    pub to: Option<NaiveDate>,
}

/// Date-times as stored: ISO text without zone, to the second.
pub(crate) fn datetime_to_sql(dt: NaiveDateTime) -> String {
    dt.format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// Reads a stored date-time; also accepts minutes only and a space instead of the `T`.
pub(crate) fn datetime_from_sql(s: &str) -> Option<NaiveDateTime> {
    [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
}

/// Column `i` as a stored date-time; text that is not one is a conversion error.
pub(super) fn datetime_column(r: &Row<'_>, i: usize) -> Result<NaiveDateTime> {
    let text: String = r.get(i)?;
    datetime_from_sql(&text)
        .ok_or_else(|| Error::Backend(format!("column {i}: not a date-time: {text}")))
}

const COLUMNS: &str =
    "x.id, x.seminar_id, x.starts_at, x.ends_at, x.location, x.trainer, x.capacity, x.version";

fn session_from_row(r: &Row<'_>) -> Result<Session> {
    Ok(Session {
        id: SessionId(r.get(0)?),
        seminar_id: SeminarId(r.get(1)?),
        starts_at: datetime_column(r, 2)?,
        ends_at: datetime_column(r, 3)?,
        location: r.get(4)?,
        trainer: r.get(5)?,
        capacity: r.get(6)?,
        version: r.get(7)?,
    })
}

pub(super) fn by_id(conn: Conn<'_>, id: SessionId) -> Result<Option<Session>> {
    conn.query_opt(
        &format!("SELECT {COLUMNS} FROM session x WHERE x.id = ?1"),
        params![id.0],
        session_from_row,
    )
}

pub(super) fn of_seminar(conn: Conn<'_>, seminar: SeminarId) -> Result<Vec<Session>> {
    let rows = conn.query(
        &format!(
            "SELECT {COLUMNS} FROM session x WHERE x.seminar_id = ?1 ORDER BY x.starts_at, x.id"
        ),
        params![seminar.0],
        session_from_row,
    )?;
    Ok(rows)
}

pub(super) fn rows(conn: Conn<'_>, filter: &SessionFilter) -> Result<Vec<SessionRow>> {
    // From the start of `from` to the end of `to`: "2026-03-10T09:00:00" >= "2026-03-10"
    // and < "2026-03-11" (as ISO text in SQLite, as timestamps in PostgreSQL).
    let from = filter.from.map(|d| d.format("%Y-%m-%d").to_string());
    let to = filter
        .to
        .and_then(|d| d.succ_opt())
        .map(|d| d.format("%Y-%m-%d").to_string());
    let rows = conn.query(
        &format!(
            "SELECT {COLUMNS}, s.code, s.title,
                (SELECT count(*) FROM attendance a WHERE a.session_id = x.id)
           FROM session x JOIN seminar s ON s.id = x.seminar_id
          WHERE (x.seminar_id = ?1 OR ?1 IS NULL)
            AND (x.ends_at >= ?2 OR ?2 IS NULL)
            AND (x.starts_at < ?3 OR ?3 IS NULL)
          ORDER BY x.starts_at, x.id"
        ),
        params![filter.seminar.map(|s| s.0), from, to],
        |r| {
            Ok(SessionRow {
                session: session_from_row(r)?,
                seminar_code: r.get(8)?,
                seminar_title: r.get(9)?,
                participants: r.get(10)?,
            })
        },
    )?;
    Ok(rows)
}

pub(super) fn count(conn: Conn<'_>) -> Result<i64> {
    conn.query_one("SELECT count(*) FROM session", params![], |r| r.get(0))
}

impl Tx<'_> {
    /// Adds a session; returns its id. The seminar must exist and the end must not be
    /// before the start (both enforced by the database).
    pub fn insert_session(&self, s: &SessionInput) -> Result<SessionId> {
        self.note(|c| c.sessions = true);
        let id = self.conn().insert(
            "INSERT INTO session (seminar_id, starts_at, ends_at, location, trainer, capacity)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
            params![
                s.seminar_id.0,
                datetime_to_sql(s.starts_at),
                datetime_to_sql(s.ends_at),
                s.location,
                s.trainer,
                s.capacity
            ],
        )?;
        Ok(SessionId(id))
    }

    pub fn update_session(&self, id: SessionId, s: &SessionInput) -> Result<()> {
        self.note(|c| {
            c.sessions = true;
            c.attendance = true;
            c.rosters.insert(id);
            c.everyone();
        });
        self.conn().execute(
            "UPDATE session SET seminar_id = ?2, starts_at = ?3, ends_at = ?4, location = ?5,
                    trainer = ?6, capacity = ?7
              WHERE id = ?1",
            params![
                id.0,
                s.seminar_id.0,
                datetime_to_sql(s.starts_at),
                datetime_to_sql(s.ends_at),
                s.location,
                s.trainer,
                s.capacity
            ],
        )?;
        Ok(())
    }

    /// Deletes a session and, with it, its attendance rows. Callers confirm with the user
    /// first when there is attendance, and audit it.
    pub fn delete_session(&self, id: SessionId) -> Result<()> {
        self.note(|c| {
            c.sessions = true;
            c.attendance = true;
            c.rosters.insert(id);
            c.everyone();
        });
        self.conn()
            .execute("DELETE FROM session WHERE id = ?1", params![id.0])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SeminarFormat, SeminarInput};
    use crate::store::{Read, Store};

    fn at(d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 3, d)
            .and_then(|d| d.and_hms_opt(h, 0, 0))
            .expect("date-time")
    }

    fn seminar(tx: &Tx<'_>, code: &str) -> Result<SeminarId> {
        tx.insert_seminar(&SeminarInput {
            code: code.into(),
            title: format!("Seminar {code}"),
            format: SeminarFormat::InPerson,
            default_hours: 4.0,
            ..SeminarInput::default()
        })
    }

    #[test]
    fn sessions_round_trip_and_filter_by_seminar_and_dates() -> Result<()> {
        let mut store = Store::open_in_memory()?;
        let (a, b) = store.transact(|tx| {
            let a = seminar(tx, "A")?;
            let b = seminar(tx, "B")?;
            for (sem, day) in [(a, 3), (a, 10), (b, 10), (a, 17)] {
                tx.insert_session(&SessionInput {
                    seminar_id: sem,
                    starts_at: at(day, 9),
                    ends_at: at(day, 13),
                    location: "Rathaus, Sitzungssaal 2".into(),
                    trainer: "Jürgen Weiß".into(),
                    capacity: Some(20),
                })?;
            }
            Ok((a, b))
        })?;
        let of_a = store.sessions_of_seminar(a)?;
        assert_eq!(of_a.len(), 3);
        assert_eq!(of_a[0].starts_at, at(3, 9));
        assert_eq!(of_a[0].ends_at, at(3, 13));
        assert_eq!(of_a[0].capacity, Some(20));
        assert_eq!(of_a[0].trainer, "Jürgen Weiß");

        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).expect("date");
        let filter = SessionFilter {
            from: Some(day(10)),
            to: Some(day(10)),
            ..SessionFilter::default()
        };
        let rows = store.session_rows(&filter)?;
        let codes: Vec<_> = rows.iter().map(|r| r.seminar_code.as_str()).collect();
        assert_eq!(codes, ["A", "B"]);
        let only_b = SessionFilter {
            seminar: Some(b),
            ..SessionFilter::default()
        };
        assert_eq!(store.session_rows(&only_b)?.len(), 1);
        assert_eq!(store.session_count()?, 4);
        Ok(())
    }

    #[test]
    fn an_end_before_the_start_is_refused_by_the_database() -> Result<()> {
        let mut store = Store::open_in_memory()?;
        let result = store.transact(|tx| {
            let a = seminar(tx, "A")?;
            tx.insert_session(&SessionInput {
                seminar_id: a,
                starts_at: at(3, 13),
                ends_at: at(3, 9),
                location: String::new(),
                trainer: String::new(),
                capacity: None,
            })
        });
        assert!(result.is_err());
        assert_eq!(store.session_count()?, 0);
        Ok(())
    }

    #[test]
    fn stored_date_times_are_read_in_several_spellings() {
        assert_eq!(datetime_from_sql("2026-03-03T09:00:00"), Some(at(3, 9)));
        assert_eq!(datetime_from_sql("2026-03-03T09:00"), Some(at(3, 9)));
        assert_eq!(datetime_from_sql("2026-03-03 09:00"), Some(at(3, 9)));
        assert_eq!(datetime_from_sql("03.03.2026"), None);
        assert_eq!(datetime_to_sql(at(3, 9)), "2026-03-03T09:00:00");
    }
}
