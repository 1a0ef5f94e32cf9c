//! Copying a whole Lotse database into another, empty one — a SQLite file into a
//! PostgreSQL database when one PC is outgrown, or back into a file (for a copy kept
//! elsewhere). Every table, row for row with its ids, in one transaction of the target;
//! afterwards both are counted again.

use super::driver::{Backend, Conn, Value, dynamic, params};
use super::{DomainCounts, Store};
use crate::error::{Error, Result};

/// The tables in an order in which every row's references exist before it (the two
/// references within a table, a department's parent and a certificate's successor, are
/// set in a second pass).
const TABLES: &[&str] = &[
    "department",
    "employee",
    "seminar",
    "session",
    "attendance",
    "waitlist",
    "program",
    "requirement",
    "requirement_seminar",
    "asset",
    "certificate",
    "setting",
    "signing_key",
    "audit",
];

/// References to rows of the same table, filled in after all rows are there.
const SELF_REFERENCES: &[(&str, &str)] = &[
    ("department", "parent_id"),
    ("certificate", "superseded_by"),
];

/// Rows per `INSERT` (well below both databases' limits on parameters).
const BATCH_ROWS: usize = 400;

/// What a copy holds: the domain's counts, and the settings and audit entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CopyCounts {
    pub domain: DomainCounts,
    pub settings: i64,
    pub audit: i64,
    /// Places on waiting lists.
    pub waitlist: i64,
}

impl Store {
    /// The counts [`Store::copy_into`] compares.
    pub fn copy_counts(&self) -> Result<CopyCounts> {
        let conn = self.conn();
        Ok(CopyCounts {
            domain: super::counts::domain_counts(conn)?,
            settings: conn.value("SELECT count(*) FROM setting", params![])?,
            audit: conn.value("SELECT count(*) FROM audit", params![])?,
            waitlist: conn.value("SELECT count(*) FROM waitlist", params![])?,
        })
    }

    /// Copies every row of this database into `target`, which must be empty (just
    /// created), in one transaction of the target; then counts both. Returns the counts,
    /// or an error naming the table whose count differs (the target is then left as the
    /// transaction left it: complete, but to be looked at).
    pub fn copy_into(&self, target: &mut Store) -> Result<CopyCounts> {
        let before = self.copy_counts()?;
        let empty = target.copy_counts()?;
        if !empty.domain.is_empty() || empty.audit > 0 || empty.settings > 0 || empty.waitlist > 0 {
            return Err(Error::Message(crate::i18n::t("migrate-target-not-empty")));
        }
        let source = self.conn();
        let columns = self.schema_columns()?;
        target.transact(|tx| {
            let to = tx.conn();
            for table in TABLES {
                let names: Vec<&str> = columns
                    .iter()
                    .filter(|c| c.table == *table)
                    .map(|c| c.column.as_str())
                    .collect();
                copy_table(source, to, table, &names)?;
            }
            for (table, column) in SELF_REFERENCES {
                let pairs = source.query(
                    &format!("SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL"),
                    params![],
                    |r| Ok((r.get::<i64>(0)?, r.get::<i64>(1)?)),
                )?;
                for (id, value) in pairs {
                    to.execute(
                        &format!("UPDATE {table} SET {column} = ?2 WHERE id = ?1"),
                        params![id, value],
                    )?;
                }
            }
            if to.backend() == Backend::Postgres {
                // New rows made on the server go on after the copied ids.
                for table in TABLES {
                    if columns
                        .iter()
                        .any(|c| c.table == *table && c.column == "id")
                    {
                        to.execute(
                            &format!(
                                "SELECT setval(pg_get_serial_sequence('{table}', 'id'),
                                               coalesce((SELECT max(id) FROM {table}), 0) + 1,
                                               false)"
                            ),
                            params![],
                        )?;
                    }
                }
            }
            tx.note(|c| c.merge(crate::model::Changes::everything()));
            Ok(())
        })?;
        let after = target.copy_counts()?;
        if after != before {
            log::error!("copy: counts differ: source {before:?}, target {after:?}");
            return Err(Error::Message(crate::i18n::t("migrate-counts-differ")));
        }
        Ok(after)
    }
}

/// Copies the rows of `table` (its columns `names`, the self-references left empty).
fn copy_table(from: Conn<'_>, to: Conn<'_>, table: &str, names: &[&str]) -> Result<()> {
    let list = names.join(", ");
    let deferred: Vec<usize> = names
        .iter()
        .enumerate()
        .filter(|(_, n)| SELF_REFERENCES.contains(&(table, **n)))
        .map(|(i, _)| i)
        .collect();
    let order = if names.contains(&"id") {
        " ORDER BY id"
    } else {
        ""
    };
    let rows = from.query(
        &format!("SELECT {list} FROM {table}{order}"),
        params![],
        |r| {
            (0..names.len())
                .map(|i| {
                    if deferred.contains(&i) {
                        Ok(Value::Null)
                    } else {
                        r.get::<Value>(i)
                    }
                })
                .collect::<Result<Vec<Value>>>()
        },
    )?;
    // Many rows per statement: one round trip to a server for each batch, not each row.
    for batch in rows.chunks(BATCH_ROWS) {
        let values: Vec<String> = (0..batch.len())
            .map(|row| {
                let first = row * names.len();
                let marks: Vec<String> = (1..=names.len())
                    .map(|i| format!("?{}", first + i))
                    .collect();
                format!("({})", marks.join(", "))
            })
            .collect();
        let insert = format!("INSERT INTO {table} ({list}) VALUES {}", values.join(", "));
        let flat: Vec<Value> = batch.iter().flatten().cloned().collect();
        to.execute(&insert, &dynamic(&flat))?;
    }
    Ok(())
}
