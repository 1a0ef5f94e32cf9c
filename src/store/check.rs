//! Checking a database: SQLite's own checks (`integrity_check`, `foreign_key_check`) and
//! Lotse's invariants that SQL can see; repairing what can be repaired without guessing.

use super::driver::{Backend, Conn, params};

use super::Store;
use crate::error::Result;

/// One thing found wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckFinding {
    /// A line of SQLite's `integrity_check` (a damaged page or an index that does not
    /// match its table).
    Integrity(String),
    /// A row that points to a row that does not exist.
    Orphan {
        table: String,
        rowid: i64,
        parent: String,
    },
    /// Serial numbers of a program and year that are missing (the numbers run 1, 2, 3…).
    SerialGap {
        program: String,
        year: i32,
        missing: Vec<u32>,
    },
    /// A certificate whose stored fields do not give its verification code.
    CertificateAltered { serial: String },
    /// A certificate marked as superseded by one of another person or program.
    SupersededMismatch { serial: String },
    /// A department that is, through its parents, its own parent.
    DepartmentCycle { code: String },
}

impl CheckFinding {
    /// Whether [`Store::repair`] removes this finding.
    pub fn repairable(&self) -> bool {
        match self {
            CheckFinding::Orphan { table, parent, .. } => repair_sql(table, parent).is_some(),
            // REINDEX may mend it (an index out of step with its table).
            CheckFinding::Integrity(_) => true,
            _ => false,
        }
    }
}

/// What a check found; empty when the database is sound.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckReport {
    pub findings: Vec<CheckFinding>,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.findings.is_empty()
    }
}

/// How an orphan of `table` whose `parent` is missing is repaired: rows that mean nothing
/// without their parent are deleted, optional links are cleared. Certificates are never
/// deleted: they are part of the record (restore a backup instead).
fn repair_sql(table: &str, parent: &str) -> Option<&'static str> {
    Some(match (table, parent) {
        ("attendance", _) => "DELETE FROM attendance WHERE rowid = ?1",
        ("waitlist", _) => "DELETE FROM waitlist WHERE rowid = ?1",
        ("session", "seminar") => "DELETE FROM session WHERE rowid = ?1",
        ("requirement", _) => "DELETE FROM requirement WHERE rowid = ?1",
        ("requirement_seminar", _) => {
            "DELETE FROM requirement_seminar WHERE requirement_id NOT IN (SELECT id FROM requirement) OR seminar_id NOT IN (SELECT id FROM seminar)"
        }
        ("employee", "department") => "UPDATE employee SET department_id = NULL WHERE rowid = ?1",
        ("department", "department") => "UPDATE department SET parent_id = NULL WHERE rowid = ?1",
        ("certificate", "certificate") => {
            "UPDATE certificate SET superseded_by = NULL WHERE rowid = ?1"
        }
        _ => return None,
    })
}

fn orphans(conn: Conn<'_>) -> Result<Vec<CheckFinding>> {
    // PostgreSQL enforces every foreign key, always; SQLite only on connections that
    // switch it on, so a file changed by another program may hold orphans.
    if conn.backend() == Backend::Postgres {
        return Ok(Vec::new());
    }
    let rows = conn.query("PRAGMA foreign_key_check", params![], |r| {
        Ok(CheckFinding::Orphan {
            table: r.get(0)?,
            rowid: r.get::<Option<i64>>(1)?.unwrap_or_default(),
            parent: r.get(2)?,
        })
    })?;
    Ok(rows)
}

fn serial_gaps(conn: Conn<'_>) -> Result<Vec<CheckFinding>> {
    let rows = conn.query(
        "SELECT p.code, c.serial_year, c.serial_number
           FROM certificate c JOIN program p ON p.id = c.program_id
          ORDER BY p.code, c.serial_year, c.serial_number",
        params![],
        |r| Ok((r.get::<String>(0)?, r.get::<i32>(1)?, r.get::<u32>(2)?)),
    )?;
    let mut findings = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let (program, year) = (&rows[i].0, rows[i].1);
        let mut expected = 1;
        let mut missing = Vec::new();
        while i < rows.len() && &rows[i].0 == program && rows[i].1 == year {
            let n = rows[i].2;
            missing.extend(expected..n);
            expected = n + 1;
            i += 1;
        }
        if !missing.is_empty() {
            findings.push(CheckFinding::SerialGap {
                program: program.clone(),
                year,
                missing,
            });
        }
    }
    Ok(findings)
}

fn superseded_mismatches(conn: Conn<'_>) -> Result<Vec<CheckFinding>> {
    let rows = conn.query(
        "SELECT c.serial FROM certificate c JOIN certificate n ON n.id = c.superseded_by
          WHERE n.employee_id <> c.employee_id OR n.program_id <> c.program_id
             OR n.id = c.id
          ORDER BY c.serial",
        params![],
        |r| Ok(CheckFinding::SupersededMismatch { serial: r.get(0)? }),
    )?;
    Ok(rows)
}

fn department_cycles(conn: Conn<'_>) -> Result<Vec<CheckFinding>> {
    let rows = conn.query(
        "WITH RECURSIVE up(start, id, depth) AS (
             SELECT id, parent_id, 1 FROM department WHERE parent_id IS NOT NULL
             UNION ALL
             SELECT up.start, d.parent_id, up.depth + 1
               FROM up JOIN department d ON d.id = up.id
              WHERE d.parent_id IS NOT NULL AND up.id <> up.start AND up.depth < 1000)
         SELECT DISTINCT d.code FROM up JOIN department d ON d.id = up.start
          WHERE up.id = up.start ORDER BY d.code",
        params![],
        |r| Ok(CheckFinding::DepartmentCycle { code: r.get(0)? }),
    )?;
    Ok(rows)
}

impl Store {
    /// SQLite's full `integrity_check` and `foreign_key_check`, and the invariants SQL can
    /// see (gapless serials, supersession within one person and program, no department
    /// cycles). Certificate codes are checked by the service, which knows how to compute them.
    pub fn check(&self) -> Result<CheckReport> {
        let conn = self.conn();
        let mut findings: Vec<CheckFinding> = match self.sqlite() {
            Ok(file) => super::backup::integrity_check(file)?,
            Err(_) => Vec::new(),
        }
        .into_iter()
        .map(CheckFinding::Integrity)
        .collect();
        findings.extend(orphans(conn)?);
        findings.extend(serial_gaps(conn)?);
        findings.extend(superseded_mismatches(conn)?);
        findings.extend(department_cycles(conn)?);
        Ok(CheckReport { findings })
    }

    /// Repairs what can be repaired safely, in one transaction: rebuilds every index
    /// (`REINDEX`), deletes rows that mean nothing without the row they point to
    /// (attendance of a deleted session or person, requirements of a deleted program),
    /// clears links to missing optional rows. Returns what was done, one finding each.
    /// The caller takes a backup first.
    pub fn repair(&mut self, report: &CheckReport) -> Result<Vec<CheckFinding>> {
        let now = self.clock.now().format("%Y-%m-%dT%H:%M:%S").to_string();
        let actor = self.actor.clone();
        let tx = self
            .sqlite_mut()?
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut done = Vec::new();
        let integrity = report
            .findings
            .iter()
            .any(|f| matches!(f, CheckFinding::Integrity(_)));
        // Rebuilding the indexes mends an index that no longer matches its table; whether
        // it did is known only by checking again (damaged table pages stay damaged).
        let reindexed = integrity && {
            tx.execute_batch("REINDEX")?;
            super::backup::integrity_check(&tx)?.is_empty()
        };
        for finding in &report.findings {
            match finding {
                CheckFinding::Orphan {
                    table,
                    rowid,
                    parent,
                } => {
                    if let Some(sql) = repair_sql(table, parent) {
                        if sql.contains("?1") {
                            Conn::Sqlite(&tx).execute(sql, params![rowid])?;
                        } else {
                            Conn::Sqlite(&tx).execute(sql, params![])?;
                        }
                        done.push(finding.clone());
                    }
                }
                CheckFinding::Integrity(_) if reindexed => done.push(finding.clone()),
                _ => {}
            }
        }
        if !done.is_empty() {
            Conn::Sqlite(&tx).execute(
                "INSERT INTO audit (at, actor, entity, entity_id, action, summary)
                 VALUES (?1, ?2, 'database', NULL, 'repair', ?3)",
                params![now, actor, format!("{} repairs", done.len())],
            )?;
        }
        tx.commit()?;
        if !done.is_empty() {
            self.changed_everything();
        }
        Ok(done)
    }
}
