use chrono::NaiveDateTime;
use rusqlite::params;
use serde::Serialize;

use super::{Store, Tx};
use crate::error::Result;

/// One recorded change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub at: NaiveDateTime,
    pub actor: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub action: String,
    pub summary: String,
}

impl Tx<'_> {
    /// Records a change in this transaction. `summary` is short and technical
    /// ("personnel number 1234"); it never repeats whole records. An entry about an
    /// employee, an attendance or a certificate also records whose it is (`employee_id`).
    pub fn audit(
        &self,
        entity: &str,
        entity_id: Option<i64>,
        action: &str,
        summary: &str,
    ) -> Result<()> {
        self.conn().execute(
            "INSERT INTO audit (at, actor, entity, entity_id, action, summary, employee_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, CASE ?3
                 WHEN 'employee' THEN ?4
                 WHEN 'attendance' THEN (SELECT employee_id FROM attendance WHERE id = ?4)
                 WHEN 'certificate' THEN (SELECT employee_id FROM certificate WHERE id = ?4)
             END)",
            params![
                self.now.format("%Y-%m-%dT%H:%M:%S").to_string(),
                self.actor,
                entity,
                entity_id,
                action,
                summary
            ],
        )?;
        Ok(())
    }
}

impl Store {
    /// The newest audit entries first, at most `limit`.
    pub fn audit_entries(&self, limit: usize) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn().prepare(
            "SELECT at, actor, entity, entity_id, action, summary FROM audit ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
            let at: String = r.get(0)?;
            Ok(AuditEntry {
                at: NaiveDateTime::parse_from_str(&at, "%Y-%m-%dT%H:%M:%S").unwrap_or_default(),
                actor: r.get(1)?,
                entity: r.get(2)?,
                entity_id: r.get(3)?,
                action: r.get(4)?,
                summary: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn audit_count(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))?)
    }
}
