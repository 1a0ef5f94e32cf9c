use rusqlite::{OptionalExtension, params};

use super::{Store, Tx};
use crate::error::Result;

/// Reading settings, the same on a [`Store`] and inside a [`Tx`].
pub trait SettingsRead {
    /// A text setting, or `None` when it was never set.
    fn setting(&self, key: &str) -> Result<Option<String>>;
    /// A binary setting (a logo), or `None`.
    fn setting_blob(&self, key: &str) -> Result<Option<Vec<u8>>>;
}

fn read<T: rusqlite::types::FromSql>(conn: &rusqlite::Connection, key: &str) -> Result<Option<T>> {
    Ok(conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

macro_rules! settings_read {
    ($t:ty) => {
        impl $t {
            /// A text setting, or `None` when it was never set.
            pub fn setting(&self, key: &str) -> Result<Option<String>> {
                read(self.conn(), key)
            }

            /// A binary setting (a logo), or `None`.
            pub fn setting_blob(&self, key: &str) -> Result<Option<Vec<u8>>> {
                read(self.conn(), key)
            }
        }

        impl SettingsRead for $t {
            fn setting(&self, key: &str) -> Result<Option<String>> {
                read(self.conn(), key)
            }

            fn setting_blob(&self, key: &str) -> Result<Option<Vec<u8>>> {
                read(self.conn(), key)
            }
        }
    };
}

settings_read!(Store);
settings_read!(Tx<'_>);

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
