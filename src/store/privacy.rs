//! SQL for the DSGVO export and erasure of one employee (see `crate::service::privacy`):
//! the audit entries about a person, the writes that anonymise or delete them, the
//! compaction that leaves none of their bytes in the file, and opening a backup file to
//! erase them there too.

use std::path::Path;

use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags};

use super::driver::{Conn, params};
use super::open::{Header, SCHEMA_VERSION, read_header};
use super::{Store, Tx};
use crate::error::{Error, Result};
use crate::model::{CertificateId, EmployeeId};

/// One audit entry as the export and the erasure read it.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditRecord {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub action: String,
    pub summary: String,
    pub employee_id: Option<i64>,
}

/// One column of the schema, as `pragma_table_info` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaColumn {
    pub table: String,
    pub column: String,
}

/// What compacting the file after an erasure did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Compacted {
    /// The write-ahead log could not be emptied completely (another program is reading).
    pub wal_busy: bool,
}

/// Audit entries recorded for `employee` or whose summary contains `needle`, oldest first.
pub(super) fn audit_candidates(
    conn: Conn<'_>,
    employee: Option<EmployeeId>,
    needle: &str,
) -> Result<Vec<AuditRecord>> {
    let rows = conn.query(
        "SELECT id, at, actor, entity, entity_id, action, summary, employee_id
           FROM audit
          WHERE (employee_id = ?1 AND ?1 IS NOT NULL)
             OR (?2 <> '' AND instr(summary, ?2) > 0)
          ORDER BY id",
        params![employee.map(|e| e.0), needle],
        |r| {
            Ok(AuditRecord {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                entity: r.get(3)?,
                entity_id: r.get(4)?,
                action: r.get(5)?,
                summary: r.get(6)?,
                employee_id: r.get(7)?,
            })
        },
    )?;
    Ok(rows)
}

/// Whether the backup file at `path` (opened read-only) holds the employee with this
/// personnel number, or an audit entry naming it.
pub fn backup_holds_person(path: &Path, number: &str) -> Result<bool> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    Conn::Sqlite(&conn).value(
        "SELECT EXISTS (SELECT 1 FROM employee WHERE personnel_number = ?1)
             OR EXISTS (SELECT 1 FROM audit WHERE instr(summary, 'personnel number ' || ?1) > 0)",
        params![number],
    )
}

impl Store {
    /// Every table and its columns in the schema (without SQLite's own tables), in order.
    pub fn schema_columns(&self) -> Result<Vec<SchemaColumn>> {
        let sql = if self.is_server() {
            // `lotse_meta` is what SQLite keeps in its file header: no data of anybody's.
            "SELECT table_name::text, column_name::text FROM information_schema.columns
              WHERE table_schema = current_schema() AND table_name <> 'lotse_meta'
              ORDER BY table_name, ordinal_position"
        } else {
            "SELECT m.name, p.name
               FROM sqlite_schema m, pragma_table_info(m.name) p
              WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
              ORDER BY m.name, p.cid"
        };
        let rows = self.conn().query(sql, params![], |r| {
            Ok(SchemaColumn {
                table: r.get(0)?,
                column: r.get(1)?,
            })
        })?;
        Ok(rows)
    }

    /// Runs the erasure `f` in one transaction with SQLite's `secure_delete` on (freed
    /// content is overwritten with zeros), then empties the write-ahead log into the file
    /// and rebuilds the file (`VACUUM`: every table and index b-tree anew, no free pages),
    /// so that none of the erased bytes remain in the file, its -wal or free pages.
    pub fn erase_securely<T>(
        &mut self,
        f: impl FnOnce(&Tx<'_>) -> Result<T>,
    ) -> Result<(T, Compacted)> {
        if self.is_server() {
            // The server removes deleted row versions from its files itself (autovacuum);
            // an officer may not VACUUM tables the owner holds.
            return Ok((self.transact(f)?, Compacted::default()));
        }
        let before: i64 = self
            .sqlite()?
            .pragma_query_value(None, "secure_delete", |r| r.get(0))?;
        self.sqlite()?.pragma_update(None, "secure_delete", 1)?;
        let result = self.transact(f);
        let compacted = match result {
            Ok(_) => self.compact(),
            Err(_) => Ok(Compacted::default()),
        };
        if let Ok(file) = self.sqlite() {
            let _ = file.pragma_update(None, "secure_delete", before);
        }
        Ok((result?, compacted?))
    }

    /// Empties the write-ahead log, rebuilds the file, empties the log again.
    pub fn compact(&mut self) -> Result<Compacted> {
        let mut busy = self.checkpoint_truncate()?;
        self.sqlite()?.execute_batch("VACUUM")?;
        busy |= self.checkpoint_truncate()?;
        if busy {
            log::warn!("after an erasure the write-ahead log could not be emptied: busy");
        }
        Ok(Compacted { wal_busy: busy })
    }

    /// `PRAGMA wal_checkpoint(TRUNCATE)`; true when another connection kept it from
    /// completing. Outside WAL mode it does nothing.
    fn checkpoint_truncate(&self) -> Result<bool> {
        let busy: i64 = self
            .conn()
            .value("PRAGMA wal_checkpoint(TRUNCATE)", params![])?;
        Ok(busy != 0)
    }

    /// Opens a backup file (a whole Lotse database, not open elsewhere) to erase a person
    /// in it: checked, migrated to this build's schema without a further backup of it,
    /// and left in its rollback-journal mode (a backup has no -wal beside it).
    pub fn open_backup_for_erasure(path: &Path) -> Result<Store> {
        match read_header(path)? {
            Header::Lotse { version, .. } if version > SCHEMA_VERSION => {
                return Err(Error::TooNew {
                    path: path.to_path_buf(),
                    found: version,
                    supported: SCHEMA_VERSION,
                });
            }
            Header::Lotse { .. } => {}
            _ => {
                return Err(Error::NotLotseFile {
                    path: path.to_path_buf(),
                });
            }
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        let problems = super::backup::quick_check(&conn)?;
        if !problems.is_empty() {
            return Err(Error::Corrupt(problems.join("; ")));
        }
        conn.pragma_update(None, "foreign_keys", true)?;
        let _mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
        super::open::migrate(&conn, path)?;
        Ok(Store::with_connection(conn, Some(path.to_path_buf())))
    }
}

impl Tx<'_> {
    /// Turns the employee row into an anonymous placeholder: `number` and `marker` replace
    /// personnel number and names, e-mail and job title are cleared, the form of address
    /// becomes neutral; department and entry and exit dates stay for past years' reports.
    pub fn anonymise_employee(
        &self,
        employee: EmployeeId,
        number: &str,
        marker: &str,
        at: NaiveDateTime,
    ) -> Result<()> {
        self.note(|c| c.employee(employee));
        self.conn().execute(
            "UPDATE employee
                SET personnel_number = ?2, first_name = ?3, last_name = ?3,
                    salutation = 'neutral', email = NULL, job_title = NULL, erased_at = ?4
              WHERE id = ?1",
            params![
                employee.0,
                number,
                marker,
                at.format("%Y-%m-%dT%H:%M:%S").to_string()
            ],
        )?;
        Ok(())
    }

    /// Clears the free-text notes of the employee's attendance; returns how many had one.
    pub fn clear_attendance_notes(&self, employee: EmployeeId) -> Result<usize> {
        self.note(|c| {
            c.attendance = true;
            c.everyone();
        });
        self.conn().execute(
            "UPDATE attendance SET note = '' WHERE employee_id = ?1 AND note <> ''",
            params![employee.0],
        )
    }

    /// Deletes every attendance row of the employee; returns how many.
    pub fn delete_attendance_of(&self, employee: EmployeeId) -> Result<usize> {
        self.note(|c| {
            c.attendance = true;
            c.everyone();
        });
        self.conn().execute(
            "DELETE FROM attendance WHERE employee_id = ?1",
            params![employee.0],
        )
    }

    /// Deletes the employee row (nothing may refer to it any more).
    pub fn delete_employee(&self, employee: EmployeeId) -> Result<()> {
        self.note(|c| c.employee(employee));
        self.conn()
            .execute("DELETE FROM employee WHERE id = ?1", params![employee.0])?;
        Ok(())
    }

    /// Detaches the audit entries about the employee from their id (the entries stay),
    /// so that a later employee given the same id is not credited with them; for a
    /// deleted employee.
    pub fn detach_audit_of(&self, employee: EmployeeId) -> Result<usize> {
        self.conn().execute(
            "UPDATE audit SET employee_id = NULL WHERE employee_id = ?1",
            params![employee.0],
        )
    }

    /// Replaces a certificate's snapshot by its redacted form, drops its signed payload
    /// (which names the holder) and records when.
    pub fn redact_certificate(
        &self,
        id: CertificateId,
        snapshot: &str,
        revocation_reason: Option<&str>,
        at: NaiveDateTime,
    ) -> Result<()> {
        self.note(|c| c.certificates = true);
        self.conn().execute(
            "UPDATE certificate
                SET snapshot = ?2, revocation_reason = ?3, holder_erased_at = ?4,
                    signed_payload = NULL
              WHERE id = ?1",
            params![
                id.0,
                snapshot,
                revocation_reason,
                at.format("%Y-%m-%dT%H:%M:%S").to_string()
            ],
        )?;
        Ok(())
    }

    /// Rewrites an audit entry's summary and whose entry it is (`None` once the
    /// employee row is gone, so that a later employee with the same id is not credited).
    pub fn rewrite_audit(
        &self,
        id: i64,
        summary: &str,
        employee: Option<EmployeeId>,
    ) -> Result<()> {
        self.conn().execute(
            "UPDATE audit SET summary = ?2, employee_id = ?3 WHERE id = ?1",
            params![id, summary, employee.map(|e| e.0)],
        )?;
        Ok(())
    }
}
