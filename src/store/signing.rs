//! The Ed25519 keys that sign certificates (`signing_key`). The private key is read only
//! by the service that signs with it; lists show the public part.

use chrono::NaiveDateTime;

use super::Tx;
use super::driver::{Conn, Row, params};
use crate::error::{Error, Result};

/// A signing key without its private part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SigningKeyInfo {
    /// The first 16 hex characters of SHA-256 of the public key.
    pub key_id: String,
    /// The 32-byte Ed25519 public key.
    pub public_key: Vec<u8>,
    pub created_at: NaiveDateTime,
    /// `None` for the active key.
    pub retired_at: Option<NaiveDateTime>,
}

const FORMAT: &str = "%Y-%m-%dT%H:%M:%S";

fn moment(text: Option<String>) -> Option<NaiveDateTime> {
    text.and_then(|t| NaiveDateTime::parse_from_str(&t, FORMAT).ok())
}

fn info_from_row(r: &Row<'_>) -> Result<SigningKeyInfo> {
    Ok(SigningKeyInfo {
        key_id: r.get(0)?,
        public_key: r.get(1)?,
        created_at: moment(r.get(2)?)
            .ok_or_else(|| Error::Backend("signing_key.created_at: not a moment".into()))?,
        retired_at: moment(r.get(3)?),
    })
}

/// Every signing key, oldest first.
pub(super) fn all(conn: Conn<'_>) -> Result<Vec<SigningKeyInfo>> {
    conn.query(
        "SELECT key_id, public_key, created_at, retired_at FROM signing_key ORDER BY id",
        params![],
        info_from_row,
    )
}

/// The active key's id and private key, if there is one.
pub(super) fn active_private(conn: Conn<'_>) -> Result<Option<(String, Vec<u8>)>> {
    conn.query_opt(
        "SELECT key_id, private_key FROM signing_key WHERE active = 1",
        params![],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

impl Tx<'_> {
    /// Adds `key` as the active signing key unless there is one already (made by another
    /// officer's transaction meanwhile, too: `active` is unique); whether it was added.
    pub fn add_signing_key(
        &self,
        key_id: &str,
        public_key: &[u8],
        private_key: &[u8],
    ) -> Result<bool> {
        let added = self.conn().execute(
            "INSERT INTO signing_key (key_id, public_key, private_key, created_at, active)
             VALUES (?1, ?2, ?3, ?4, 1) ON CONFLICT DO NOTHING",
            params![
                key_id,
                public_key,
                private_key,
                self.now().format(FORMAT).to_string()
            ],
        )?;
        if added > 0 {
            self.note(|c| c.settings = true);
        }
        Ok(added > 0)
    }

    /// Retires the active signing key (it stays for verification); how many were retired.
    pub fn retire_signing_key(&self) -> Result<usize> {
        self.note(|c| c.settings = true);
        self.conn().execute(
            "UPDATE signing_key SET retired_at = ?1, active = NULL WHERE active = 1",
            params![self.now().format(FORMAT).to_string()],
        )
    }
}
