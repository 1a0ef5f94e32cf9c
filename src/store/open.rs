//! Opening a database file: header check before anything is written, pragmas, migrations.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::private;
use crate::error::{Error, Result};

/// `PRAGMA application_id` of a Lotse database: "LOTS" in ASCII.
pub const APPLICATION_ID: i32 = 0x4C4F_5453;

/// The migrations, in order; the schema version is their count.
const MIGRATIONS: &[&str] = &[
    include_str!("sql/0001_initial.sql"),
    include_str!("sql/0002_audit_at.sql"),
    include_str!("sql/0003_audit_employee.sql"),
    include_str!("sql/0004_privacy.sql"),
    include_str!("sql/0005_versions.sql"),
    include_str!("sql/0006_signing.sql"),
    include_str!("sql/0007_waitlist.sql"),
];

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The default database: `lotse.sqlite` in the user's data directory
/// (Linux: `~/.local/share/lotse/`, Windows: `%APPDATA%\Lotse\Lotse\data\`).
pub fn default_db_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("de", "Lotse", "Lotse")
        .map(|dirs| dirs.data_dir().join("lotse.sqlite"))
}

/// What the first 100 bytes of a file say about it.
pub(super) enum Header {
    /// No file at the path.
    Missing,
    /// Empty, or an SQLite file with no schema yet.
    Fresh,
    Lotse {
        version: i64,
        /// Bytes 18 and 19 say "write-ahead log" (the file is in WAL mode).
        wal: bool,
    },
    Foreign,
    /// The header was overwritten with zeros: a database file whose first page is lost,
    /// not some other kind of file.
    Damaged,
}

pub(super) fn read_header(path: &Path) -> Result<Header> {
    let mut file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Header::Missing),
        Err(e) => return Err(Error::file(path, e)),
    };
    let mut buf = Vec::with_capacity(100);
    file.by_ref()
        .take(100)
        .read_to_end(&mut buf)
        .map_err(|e| Error::file(path, e))?;
    if buf.is_empty() {
        return Ok(Header::Fresh);
    }
    if buf.len() == 100 && buf[..16].iter().all(|&b| b == 0) {
        return Ok(Header::Damaged);
    }
    if buf.len() < 100 || &buf[..16] != b"SQLite format 3\0" {
        return Ok(Header::Foreign);
    }
    let be = |at: usize| i32::from_be_bytes([buf[at], buf[at + 1], buf[at + 2], buf[at + 3]]);
    let schema_cookie = be(40);
    let user_version = be(60);
    let application_id = be(68);
    if application_id == APPLICATION_ID {
        Ok(Header::Lotse {
            version: i64::from(user_version),
            wal: buf[18] == 2 && buf[19] == 2,
        })
    } else if application_id == 0 && user_version == 0 && schema_cookie == 0 {
        // An SQLite file that never had a table: nothing to lose.
        Ok(Header::Fresh)
    } else {
        Ok(Header::Foreign)
    }
}

/// How thoroughly a file is checked when it is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gate {
    /// `quick_check` must pass; a damaged file is refused (kept, backup offered).
    Checked,
    /// Open whatever SQLite can open, for `lotse check` to report and repair.
    ForRepair,
    /// As `Checked`, but when opening writes nothing (current schema, journal mode as
    /// wanted) the check runs on a connection of its own in the background while the
    /// caller starts reading; [`super::Store::verified`] waits for it, and every write
    /// does. For the app, which shows nothing before it has waited.
    Background,
}

/// A `quick_check` running on a thread of its own, and the file's fingerprint before it.
pub(super) struct PendingCheck {
    thread: std::thread::JoinHandle<Result<Vec<String>>>,
    fingerprint: Option<String>,
}

impl PendingCheck {
    fn start(path: &Path, fingerprint: Option<String>) -> Result<PendingCheck> {
        let file = path.to_path_buf();
        let thread = std::thread::Builder::new()
            .name("lotse-check".to_owned())
            .spawn(move || {
                let conn = Connection::open_with_flags(
                    &file,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                prepare(&conn)?;
                super::backup::quick_check(&conn)
            })
            .map_err(|e| Error::file(path, e))?;
        Ok(PendingCheck {
            thread,
            fingerprint,
        })
    }

    /// Waits for the check: `Ok` when the file passed (then it is remembered), the
    /// damaged-file error otherwise.
    pub(super) fn finish(self, path: &Path) -> Result<()> {
        let problems = match self.thread.join() {
            Ok(Ok(problems)) => problems,
            // SQLite may also stop the check with "malformed" instead of listing problems.
            Ok(Err(Error::Corrupt(detail))) => vec![detail],
            Ok(Err(e)) => return Err(e),
            Err(_) => vec!["the check stopped unexpectedly".to_owned()],
        };
        if !problems.is_empty() {
            return Err(damaged(path, problems.join("; ")));
        }
        if let Some(before) = self.fingerprint
            && super::verified::fingerprint(path).as_deref() == Some(&before)
        {
            super::verified::remember(path, &before);
        }
        Ok(())
    }
}

pub(super) fn open_file(path: &Path, gate: Gate) -> Result<(Connection, Option<PendingCheck>)> {
    let header = read_header(path)?;
    match header {
        Header::Foreign => {
            return Err(Error::NotLotseFile {
                path: path.to_path_buf(),
            });
        }
        Header::Lotse { version, .. } if version > SCHEMA_VERSION => {
            return Err(Error::TooNew {
                path: path.to_path_buf(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        Header::Damaged => return Err(damaged(path, "the file header is zeroed".to_owned())),
        _ => {}
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        private::create_dir(dir)?;
    }
    if !path.exists() {
        create_private_file(path)?;
    }
    // Employees' records: readable by their owner only, also when the file existed
    // (an empty file made by hand is often 644). SQLite gives the -wal and -shm files the
    // database's permissions; older ones are tightened too.
    private::restrict(path, 0o600)?;
    for side in ["-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(side);
        let p = PathBuf::from(p);
        if p.exists() {
            private::restrict(&p, 0o600)?;
        }
    }
    let location = super::location::assess(path);
    if location.is_risky() {
        log::warn!("database on {location:?}: using the rollback journal instead of WAL");
    }
    let mut pending = None;
    let opened = (|| {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        prepare(&conn)?;
        // Checked before anything is written (switching to WAL rewrites the header) —
        // unless these very bytes passed before (see `verified`).
        if gate != Gate::ForRepair
            && let Header::Lotse { version, wal } = header
        {
            let before = super::verified::fingerprint(path);
            let passed = before
                .as_deref()
                .is_some_and(|f| super::verified::passed_before(path, f));
            // Opening writes nothing when the schema is current and the journal mode
            // stays: then the check may run beside the first reads.
            let writes = version < SCHEMA_VERSION || wal != (location.journal_mode() == "WAL");
            if !passed && gate == Gate::Background && !writes {
                log::debug!("checking the file beside the first load");
                pending = Some(PendingCheck::start(path, before)?);
            } else if !passed {
                let problems = super::backup::quick_check(&conn)?;
                if !problems.is_empty() {
                    return Err(Error::Corrupt(problems.join("; ")));
                }
                // Only if nothing wrote while the check ran are the hashed bytes those checked.
                if let Some(before) = before
                    && super::verified::fingerprint(path).as_deref() == Some(&before)
                {
                    super::verified::remember(path, &before);
                }
            }
        }
        configure(&conn, location.journal_mode())?;
        Ok(conn)
    })();
    let conn = match opened {
        Ok(conn) => conn,
        Err(Error::Corrupt(detail)) if gate != Gate::ForRepair => {
            return Err(damaged(path, detail));
        }
        Err(e) => return Err(e),
    };
    if gate == Gate::ForRepair {
        return Ok((conn, None));
    }
    if let Header::Lotse { version, .. } = header
        && version < SCHEMA_VERSION
    {
        backup_before_migration(&conn, path, version)?;
    }
    migrate(&conn, path)?;
    log::info!("opened {} ({location:?})", path.display());
    Ok((conn, pending))
}

/// The error for a file that failed its check: a copy of it is kept as `….corrupt-DATE`,
/// and the newest backup that passes its own check is named.
fn damaged(path: &Path, detail: String) -> Error {
    log::error!("{} failed its integrity check: {detail}", path.display());
    let today = chrono::Local::now().date_naive();
    let kept_as = match super::backup::keep_damaged_copy(path, today) {
        Ok(kept) => Some(kept),
        Err(e) => {
            log::error!("could not keep a copy of the damaged file: {e}");
            None
        }
    };
    let backup = super::backup::list_backups(path)
        .unwrap_or_default()
        .into_iter()
        .find(|b| super::backup::verify_backup(&b.path).is_ok())
        .map(|b| b.path);
    Error::Damaged {
        path: path.to_path_buf(),
        kept_as,
        backup,
        detail,
    }
}

/// Before a migration changes the file, a backup of it as it was.
fn backup_before_migration(conn: &Connection, path: &Path, version: i64) -> Result<()> {
    let now = chrono::Local::now().naive_local();
    let dest =
        super::backup::new_backup_path(path, now, super::backup::BackupReason::BeforeMigration)?;
    log::info!(
        "backing up schema {version} to {} before migrating to {SCHEMA_VERSION}",
        dest.display()
    );
    super::backup::snapshot_connection(conn, &dest, &mut |_| true)?;
    Ok(())
}

pub(super) fn open_memory() -> Result<Connection> {
    let conn = Connection::open_in_memory()?;
    prepare(&conn)?;
    configure(&conn, "WAL")?;
    migrate(&conn, Path::new(":memory:"))?;
    Ok(conn)
}

/// How long a write waits for SQLite's lock: 10 s, or `LOTSE_BUSY_TIMEOUT_MS`.
fn busy_timeout() -> std::time::Duration {
    let ms = std::env::var("LOTSE_BUSY_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(10_000);
    std::time::Duration::from_millis(ms)
}

/// What a connection needs before it reads anything; changes nothing in the file.
fn prepare(conn: &Connection) -> Result<()> {
    // Writers wait this long for another program's write (the app, a nightly script)
    // before they give up with a clear message.
    conn.busy_timeout(busy_timeout())?;
    // `ORDER BY name COLLATE DE` sorts as German lists do (DIN 5007-1, `crate::text`):
    // Özdemir beside Ostermann, not after Z; the same order as sorting in Rust.
    conn.create_collation("DE", crate::text::cmp_de)?;
    Ok(())
}

/// The settings of a connection that is used: foreign keys, and the journal mode —
/// WAL on a local disk, the rollback journal where WAL is unsafe (network, cloud folder).
fn configure(conn: &Connection, journal_mode: &str) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", true)?;
    // In-memory databases answer "memory"; that is fine.
    let _mode: String =
        conn.pragma_update_and_check(None, "journal_mode", journal_mode, |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    let fk: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
    if !fk {
        return Err(Error::Message(
            "SQLite built without foreign keys".to_owned(),
        ));
    }
    Ok(())
}

pub(super) fn migrate(conn: &Connection, path: &Path) -> Result<()> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    if app_id != APPLICATION_ID && version != 0 {
        return Err(Error::NotLotseFile {
            path: path.to_path_buf(),
        });
    }
    if version > SCHEMA_VERSION {
        return Err(Error::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let result = (|| -> Result<()> {
        for sql in &MIGRATIONS[usize::try_from(version).unwrap_or(0)..] {
            conn.execute_batch(sql)?;
        }
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        Ok(())
    })();
    match result {
        Ok(()) => {
            conn.execute_batch("COMMIT")?;
            if version == 0 {
                log::info!("created schema {SCHEMA_VERSION} in {}", path.display());
            } else {
                log::info!(
                    "migrated {} from schema {version} to {SCHEMA_VERSION}",
                    path.display()
                );
            }
            Ok(())
        }
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

fn create_private_file(path: &Path) -> Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map_err(|e| Error::file(path, e))?;
    Ok(())
}
