use super::driver::{Conn, Row, params};

use super::Tx;
use crate::error::Result;
use crate::model::{Seminar, SeminarFormat, SeminarId, SeminarInput};

const COLUMNS: &str = "s.id, s.code, s.title, s.description, s.provider, s.format, s.default_hours, s.topic, s.archived, s.version";

fn seminar_from_row(r: &Row<'_>) -> Result<Seminar> {
    let format: String = r.get(5)?;
    Ok(Seminar {
        id: SeminarId(r.get(0)?),
        code: r.get(1)?,
        title: r.get(2)?,
        description: r.get(3)?,
        provider: r.get(4)?,
        format: SeminarFormat::from_code(&format).unwrap_or_default(),
        default_hours: r.get(6)?,
        topic: r.get(7)?,
        archived: r.get(8)?,
        version: r.get(9)?,
    })
}

pub(super) fn all(conn: Conn<'_>) -> Result<Vec<Seminar>> {
    let rows = conn.query(
        &format!("SELECT {COLUMNS} FROM seminar s ORDER BY s.code COLLATE NOCASE"),
        params![],
        seminar_from_row,
    )?;
    Ok(rows)
}

pub(super) fn by_id(conn: Conn<'_>, id: SeminarId) -> Result<Option<Seminar>> {
    conn.query_opt(
        &format!("SELECT {COLUMNS} FROM seminar s WHERE s.id = ?1"),
        params![id.0],
        seminar_from_row,
    )
}

pub(super) fn by_code(conn: Conn<'_>, code: &str) -> Result<Option<Seminar>> {
    conn.query_opt(
        &format!("SELECT {COLUMNS} FROM seminar s WHERE s.code = ?1 COLLATE NOCASE"),
        params![code.trim()],
        seminar_from_row,
    )
}

pub(super) fn code_taken(conn: Conn<'_>, code: &str, except: Option<SeminarId>) -> Result<bool> {
    conn.query_one(
        "SELECT EXISTS (SELECT 1 FROM seminar WHERE code = ?1 COLLATE NOCASE AND id IS DISTINCT FROM ?2)",
        params![code.trim(), except.map(|s| s.0)],
        |r| r.get(0),
    )
}

pub(super) fn count(conn: Conn<'_>) -> Result<i64> {
    conn.query_one("SELECT count(*) FROM seminar", params![], |r| r.get(0))
}

pub(super) fn topics(conn: Conn<'_>) -> Result<Vec<String>> {
    let rows = conn.query(
        "SELECT DISTINCT topic FROM seminar WHERE topic <> '' ORDER BY topic COLLATE NOCASE",
        params![],
        |r| r.get(0),
    )?;
    Ok(rows)
}

impl Tx<'_> {
    /// Adds a seminar (not archived); returns its id. A duplicate code is a database error,
    /// so callers check [`super::Read::seminar_by_code`] first.
    pub fn insert_seminar(&self, s: &SeminarInput) -> Result<SeminarId> {
        self.note(|c| c.seminars = true);
        let id = self.conn().insert(
            "INSERT INTO seminar (code, title, description, provider, format, default_hours,
                                  topic, archived)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, FALSE) RETURNING id",
            params![
                s.code,
                s.title,
                s.description,
                s.provider,
                s.format.code(),
                s.default_hours,
                s.topic
            ],
        )?;
        Ok(SeminarId(id))
    }

    pub fn update_seminar(&self, id: SeminarId, s: &SeminarInput) -> Result<()> {
        self.note(|c| c.seminars = true);
        self.conn().execute(
            "UPDATE seminar SET code = ?2, title = ?3, description = ?4, provider = ?5, format = ?6,
                    default_hours = ?7, topic = ?8
              WHERE id = ?1",
            params![
                id.0,
                s.code,
                s.title,
                s.description,
                s.provider,
                s.format.code(),
                s.default_hours,
                s.topic
            ])?;
        Ok(())
    }

    pub fn set_seminar_archived(&self, id: SeminarId, archived: bool) -> Result<()> {
        self.note(|c| c.seminars = true);
        self.conn().execute(
            "UPDATE seminar SET archived = ?2 WHERE id = ?1",
            params![id.0, archived],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Read, Store};

    fn input(code: &str) -> SeminarInput {
        SeminarInput {
            code: code.into(),
            title: "Grundlagen der digitalen Verwaltung".into(),
            description: "Einführung".into(),
            provider: "krz DigiFit-Akademie".into(),
            format: SeminarFormat::Webinar,
            default_hours: 7.5,
            topic: "Digitale Verwaltung".into(),
        }
    }

    #[test]
    fn a_seminar_round_trips_and_codes_are_unique_ignoring_case() -> Result<()> {
        let mut store = Store::open_in_memory()?;
        let id = store.transact(|tx| tx.insert_seminar(&input("DF-101")))?;
        let s = store.seminar(id)?.expect("stored");
        assert_eq!(s.input(), input("DF-101"));
        assert!(!s.archived);
        assert_eq!(store.seminar_by_code("df-101")?.map(|s| s.id), Some(id));
        assert!(
            store
                .transact(|tx| tx.insert_seminar(&input("df-101")))
                .is_err()
        );
        store.transact(|tx| tx.set_seminar_archived(id, true))?;
        assert!(store.seminar(id)?.expect("stored").archived);
        assert_eq!(store.seminar_topics()?, ["Digitale Verwaltung"]);
        assert_eq!(store.seminar_count()?, 1);
        Ok(())
    }
}
