use rusqlite::{OptionalExtension, params};

use super::Tx;
use crate::error::Result;

/// The value of setting `key`, as text or bytes, or `None` when it was never set.
pub(super) fn value<T: rusqlite::types::FromSql>(
    conn: &rusqlite::Connection,
    key: &str,
) -> Result<Option<T>> {
    Ok(conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

impl Tx<'_> {
    pub fn set_setting(&self, key: &str, value: Option<&str>) -> Result<()> {
        self.note(|c| c.settings = true);
        match value {
            Some(v) => self.conn().execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, v],
            )?,
            None => self
                .conn()
                .execute("DELETE FROM setting WHERE key = ?1", [key])?,
        };
        Ok(())
    }

    pub fn set_setting_blob(&self, key: &str, value: Option<&[u8]>) -> Result<()> {
        self.note(|c| c.settings = true);
        match value {
            Some(v) => self.conn().execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, v],
            )?,
            None => self
                .conn()
                .execute("DELETE FROM setting WHERE key = ?1", [key])?,
        };
        Ok(())
    }
}
