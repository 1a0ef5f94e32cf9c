//! The audit log on the worker thread: what the *Protokoll* screen asks for (a count and
//! the first page of a filter, further pages as the user scrolls, an export) and what
//! the worker answers. Only reads: audit entries are never changed here.

use std::path::PathBuf;

use crate::app::worker::Outcome;
use crate::error::Result;
use crate::service::Database;
use crate::service::audit::{self, AuditFilter, AuditRow};

/// What the audit screen asks the worker to do.
pub(crate) enum AuditCommand {
    /// The count and the first `limit` entries of `filter`, with the kinds and users the
    /// filters offer.
    Start { filter: AuditFilter, limit: usize },
    /// The next `limit` entries of `filter`, older than the entry `before`.
    More {
        filter: AuditFilter,
        before: i64,
        limit: usize,
    },
    /// Every entry of `filter` to `path` (.csv or .xlsx).
    Export { filter: AuditFilter, path: PathBuf },
}

/// The first page of a filter with everything the screen needs around it.
#[derive(Debug, Clone)]
pub(crate) struct Started {
    pub count: i64,
    pub rows: Vec<AuditRow>,
    pub kinds: Vec<String>,
    pub actors: Vec<String>,
}

/// What the worker answers to an [`AuditCommand`].
pub(crate) enum AuditOutcome {
    Started(Box<Started>),
    More(Vec<AuditRow>),
    Exported { path: PathBuf, rows: usize },
}

/// Runs `command` on the worker's database.
pub(crate) fn run(database: &Database, command: AuditCommand) -> Result<Outcome> {
    let outcome = match command {
        AuditCommand::Start { filter, limit } => AuditOutcome::Started(Box::new(Started {
            count: audit::count(database, &filter)?,
            rows: audit::page(database, &filter, None, limit)?,
            kinds: audit::kinds(database)?,
            actors: audit::actors(database)?,
        })),
        AuditCommand::More {
            filter,
            before,
            limit,
        } => AuditOutcome::More(audit::page(database, &filter, Some(before), limit)?),
        AuditCommand::Export { filter, path } => {
            let exported = audit::export(database, &filter, &path)?;
            AuditOutcome::Exported {
                path,
                rows: exported.rows,
            }
        }
    };
    Ok(Outcome::Audit(outcome))
}
