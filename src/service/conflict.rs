//! Saving over a record only while it is as the form loaded it (optimistic locking).
//!
//! Every record a form edits carries a version that grows with each change (triggers in
//! the schema count every `UPDATE`). A form remembers the version it loaded and sends it
//! with the save; when the stored version moved on — another officer saved first, or the
//! command line — the save is refused with [`Error::ChangedMeanwhile`], which says who
//! changed it last and which version is stored now. The form then shows both values and
//! lets the officer reload, or overwrite by saving again over the version now stored.

use crate::error::{Error, Result};
use crate::store::{Read, Tx};

/// Refuses the save when record `id` of kind `entity` (the audit log's name for it) is
/// stored at version `stored` but the form loaded version `expected`. `None` saves
/// regardless (the command line and scripts, which load and save in one step).
pub(crate) fn expect_version(
    tx: &Tx<'_>,
    entity: &str,
    id: i64,
    stored: i64,
    expected: Option<i64>,
) -> Result<()> {
    match expected {
        Some(expected) if expected != stored => {
            let last = tx.last_change(entity, id)?;
            let (by, at) = match last {
                Some(entry) if !entry.actor.trim().is_empty() => {
                    (Some(entry.actor), Some(entry.at))
                }
                Some(entry) => (None, Some(entry.at)),
                None => (None, None),
            };
            Err(Error::ChangedMeanwhile { stored, by, at })
        }
        _ => Ok(()),
    }
}
