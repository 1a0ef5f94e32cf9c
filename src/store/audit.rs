use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::Tx;
use super::driver::{Conn, Row, Value, dynamic, params};
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

const ENTRY_COLUMNS: &str = "at, actor, entity, entity_id, action, summary";

fn entry_from_row(r: &Row<'_>) -> Result<AuditEntry> {
    let at: String = r.get(0)?;
    Ok(AuditEntry {
        at: parse_at(&at),
        actor: r.get(1)?,
        entity: r.get(2)?,
        entity_id: r.get(3)?,
        action: r.get(4)?,
        summary: r.get(5)?,
    })
}

/// The newest entries first, at most `limit`.
pub(super) fn newest(conn: Conn<'_>, limit: usize) -> Result<Vec<AuditEntry>> {
    conn.query(
        &format!("SELECT {ENTRY_COLUMNS} FROM audit ORDER BY id DESC LIMIT ?1"),
        params![i64::try_from(limit).unwrap_or(i64::MAX)],
        entry_from_row,
    )
}

/// The newest entry about one record (found through the index on entity and id).
pub(super) fn last_of(conn: Conn<'_>, entity: &str, entity_id: i64) -> Result<Option<AuditEntry>> {
    conn.query_opt(
        &format!(
            "SELECT {ENTRY_COLUMNS} FROM audit WHERE entity = ?1 AND entity_id = ?2
              ORDER BY id DESC LIMIT 1"
        ),
        params![entity, entity_id],
        entry_from_row,
    )
}

pub(super) fn count(conn: Conn<'_>) -> Result<i64> {
    conn.query_one("SELECT count(*) FROM audit", params![], |r| r.get(0))
}

/// Which audit entries a list or an export shows. Every field left `None` admits all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Entries on or after this day.
    pub from: Option<NaiveDate>,
    /// Entries on or before this day (the whole day).
    pub to: Option<NaiveDate>,
    /// The kind of record changed ("employee", "certificate", …).
    pub entity: Option<String>,
    /// What was done ("add", "edit", "issue", …).
    pub action: Option<String>,
    /// Entries about this employee (their record, attendances, certificates).
    pub employee_id: Option<i64>,
    /// The operating-system user who made the change.
    pub actor: Option<String>,
}

/// One audit entry as lists and exports show it: the entry, and the employee it concerns
/// while that employee's record exists.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: NaiveDateTime,
    pub actor: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub action: String,
    pub summary: String,
    /// Whose entry it is, as recorded (kept when the employee's record is gone).
    pub employee_id: Option<i64>,
    pub personnel_number: Option<String>,
    /// "Last, First".
    pub employee_name: Option<String>,
}

/// How a query reads the entries.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// Newest first, a page at a time: walk the table backwards by id and stop after the
    /// page. The period and kind conditions are kept off their indexes (`+a.at`), which
    /// would have SQLite collect and sort every matching entry for each page (a kind or
    /// a year can hold most of the log). Only the person's index is used: it lists a
    /// person's entries in id order already. Worst case: one pass over the table.
    Paged,
    /// Counting: any index that narrows the entries helps.
    Counted,
}

/// The `WHERE` conditions of `filter` (joined with AND, starting with "WHERE" when there
/// are any) and their parameters.
fn conditions(
    filter: &AuditFilter,
    before_id: Option<i64>,
    reading: Reading,
) -> (String, Vec<Value>) {
    let paged = reading == Reading::Paged;
    let mut terms: Vec<&str> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    if let Some(from) = filter.from {
        terms.push(if paged { "+a.at >= ?" } else { "a.at >= ?" });
        values.push(Value::Text(from.format("%Y-%m-%d").to_string()));
    }
    if let Some(to) = filter.to {
        // `at` is 'YYYY-MM-DDTHH:MM:SS': everything of the day sorts before the next day.
        if let Some(next) = to.succ_opt() {
            terms.push(if paged { "+a.at < ?" } else { "a.at < ?" });
            values.push(Value::Text(next.format("%Y-%m-%d").to_string()));
        }
    }
    if let Some(entity) = &filter.entity {
        terms.push(if paged {
            "+a.entity = ?"
        } else {
            "a.entity = ?"
        });
        values.push(Value::Text(entity.clone()));
    }
    if let Some(action) = &filter.action {
        terms.push("a.action = ?");
        values.push(Value::Text(action.clone()));
    }
    if let Some(employee) = filter.employee_id {
        terms.push("a.employee_id = ?");
        values.push(Value::Int(employee));
    }
    if let Some(actor) = &filter.actor {
        terms.push("a.actor = ?");
        values.push(Value::Text(actor.clone()));
    }
    if let Some(before) = before_id {
        terms.push("a.id < ?");
        values.push(Value::Int(before));
    }
    let clause = if terms.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", terms.join(" AND "))
    };
    (clause, values)
}

fn parse_at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").unwrap_or_default()
}

/// A page of entries passing `filter`, newest first, older than `before_id`.
pub(super) fn page(
    conn: Conn<'_>,
    filter: &AuditFilter,
    before_id: Option<i64>,
    limit: usize,
) -> Result<Vec<AuditRow>> {
    let (clause, mut values) = conditions(filter, before_id, Reading::Paged);
    values.push(Value::Int(i64::try_from(limit).unwrap_or(i64::MAX)));
    let sql = format!(
        "SELECT a.id, a.at, a.actor, a.entity, a.entity_id, a.action, a.summary,
                a.employee_id, e.personnel_number, e.last_name || ', ' || e.first_name
         FROM audit a LEFT JOIN employee e ON e.id = a.employee_id
         {clause}
         ORDER BY a.id DESC LIMIT ?"
    );
    let rows = conn.query(&sql, &dynamic(&values), |r| {
        let at: String = r.get(1)?;
        Ok(AuditRow {
            id: r.get(0)?,
            at: parse_at(&at),
            actor: r.get(2)?,
            entity: r.get(3)?,
            entity_id: r.get(4)?,
            action: r.get(5)?,
            summary: r.get(6)?,
            employee_id: r.get(7)?,
            personnel_number: r.get(8)?,
            employee_name: r.get(9)?,
        })
    })?;
    Ok(rows)
}

pub(super) fn filtered_count(conn: Conn<'_>, filter: &AuditFilter) -> Result<i64> {
    let (clause, values) = conditions(filter, None, Reading::Counted);
    let sql = format!("SELECT count(*) FROM audit a {clause}");
    conn.value(&sql, &dynamic(&values))
}

/// The users who made changes, in alphabetical order.
pub(super) fn actors(conn: Conn<'_>) -> Result<Vec<String>> {
    let rows = conn.query(
        "SELECT DISTINCT actor FROM audit ORDER BY actor",
        params![],
        |r| r.get(0),
    )?;
    Ok(rows)
}

/// The kinds of record in the log, in alphabetical order.
pub(super) fn entities(conn: Conn<'_>) -> Result<Vec<String>> {
    let rows = conn.query(
        "SELECT DISTINCT entity FROM audit ORDER BY entity",
        params![],
        |r| r.get(0),
    )?;
    Ok(rows)
}
