use super::driver::{Conn, FromValue, params};

use super::Tx;
use crate::error::Result;

/// The value of setting `key`, as text or bytes, or `None` when it was never set.
pub(super) fn value<T: FromValue>(conn: Conn<'_>, key: &str) -> Result<Option<T>> {
    conn.query_opt(
        "SELECT value FROM setting WHERE key = ?1",
        params![key],
        |r| r.get(0),
    )
}

impl Tx<'_> {
    pub fn set_setting(&self, key: &str, value: Option<&str>) -> Result<()> {
        self.note(|c| c.settings = true);
        match value {
            Some(v) => self.conn().execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, v])?,
            None => self
                .conn()
                .execute("DELETE FROM setting WHERE key = ?1", params![key])?,
        };
        Ok(())
    }

    /// Stores `value` under `key` unless the key is set already (by another officer's
    /// transaction that committed meanwhile, too); whether it was stored.
    pub fn add_setting_blob(&self, key: &str, value: &[u8]) -> Result<bool> {
        let added = self.conn().execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
            params![key, value],
        )?;
        if added > 0 {
            self.note(|c| c.settings = true);
        }
        Ok(added > 0)
    }

    pub fn set_setting_blob(&self, key: &str, value: Option<&[u8]>) -> Result<()> {
        self.note(|c| c.settings = true);
        match value {
            Some(v) => self.conn().execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, v])?,
            None => self
                .conn()
                .execute("DELETE FROM setting WHERE key = ?1", params![key])?,
        };
        Ok(())
    }
}
