//! Consistent snapshots of a database (SQLite's online backup API, never a copy of a live
//! file), the `backups/` folder beside the database and its file names, checking a backup
//! before it counts, and restoring one into an open database.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::counts::{DomainCounts, domain_counts};
use super::driver::Conn;
use super::open::{APPLICATION_ID, Header, SCHEMA_VERSION, read_header};
use super::{Store, private};
use crate::error::{Error, Result};

/// Pages copied per step: small enough for a smooth progress bar, large enough to be fast.
const PAGES_PER_STEP: i32 = 1024;

/// Why a backup was taken; part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BackupReason {
    /// Asked for by the user (button or `lotse backup`).
    Manual,
    /// The app was closed.
    Closing,
    /// The first change of a day.
    Daily,
    BeforeMigration,
    BeforeRestore,
    BeforeRepair,
}

impl BackupReason {
    pub const ALL: [BackupReason; 6] = [
        BackupReason::Manual,
        BackupReason::Closing,
        BackupReason::Daily,
        BackupReason::BeforeMigration,
        BackupReason::BeforeRestore,
        BackupReason::BeforeRepair,
    ];

    /// The word in file names.
    pub fn code(self) -> &'static str {
        match self {
            BackupReason::Manual => "manual",
            BackupReason::Closing => "closing",
            BackupReason::Daily => "daily",
            BackupReason::BeforeMigration => "before-migration",
            BackupReason::BeforeRestore => "before-restore",
            BackupReason::BeforeRepair => "before-repair",
        }
    }

    pub fn from_code(code: &str) -> Option<BackupReason> {
        BackupReason::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// The folder that holds the automatic backups of the database at `db`: `backups/` beside it.
pub fn backup_dir(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

/// The name stem shared by the database's backups: its file name without extension.
fn stem(db: &Path) -> String {
    db.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "lotse".to_owned())
}

/// A backup file in the backups folder, as its name describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupName {
    pub path: PathBuf,
    pub taken_at: NaiveDateTime,
    pub reason: Option<BackupReason>,
}

/// `lotse_2026-12-06_091500_daily.sqlite` for the database `lotse.sqlite`.
fn file_name(db: &Path, at: NaiveDateTime, reason: BackupReason, n: u32) -> String {
    let suffix = if n > 1 {
        format!("-{n}")
    } else {
        String::new()
    };
    format!(
        "{}_{}_{}{suffix}.sqlite",
        stem(db),
        at.format("%Y-%m-%d_%H%M%S"),
        reason.code()
    )
}

/// Reads a backup's file name back; `None` for any other file.
pub fn parse_name(db: &Path, path: &Path) -> Option<BackupName> {
    let name = path.file_name()?.to_str()?;
    let rest = name.strip_prefix(&format!("{}_", stem(db)))?;
    let rest = rest.strip_suffix(".sqlite")?;
    // 2026-12-06_091500_daily[-2]
    let (stamp, reason) = (rest.get(..17)?, rest.get(17..)?);
    let taken_at = NaiveDateTime::parse_from_str(stamp, "%Y-%m-%d_%H%M%S").ok()?;
    let reason = reason.strip_prefix('_')?;
    let reason = reason.split('-').collect::<Vec<_>>();
    // "before-restore-2": drop a trailing counter.
    let words = match reason.last() {
        Some(last) if last.chars().all(|c| c.is_ascii_digit()) => &reason[..reason.len() - 1],
        _ => &reason[..],
    };
    Some(BackupName {
        path: path.to_path_buf(),
        taken_at,
        reason: BackupReason::from_code(&words.join("-")),
    })
}

/// The backups of the database at `db`, newest first. A missing folder gives none.
pub fn list_backups(db: &Path) -> Result<Vec<BackupName>> {
    let dir = backup_dir(db);
    let entries = match fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::file(&dir, e)),
    };
    let mut found: Vec<BackupName> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| parse_name(db, &e.path()))
        .collect();
    found.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then(b.path.cmp(&a.path)));
    Ok(found)
}

/// A free path in the backups folder for a backup taken at `at`; creates the folder
/// (mode 700) and removes temporaries that a killed process left there.
pub fn new_backup_path(db: &Path, at: NaiveDateTime, reason: BackupReason) -> Result<PathBuf> {
    let dir = backup_dir(db);
    private::create_dir(&dir)?;
    private::remove_stale_temporaries(&dir);
    let mut n = 1;
    loop {
        let path = dir.join(file_name(db, at, reason, n));
        if !path.exists() {
            return Ok(path);
        }
        n += 1;
    }
}

/// What a backup file holds, read from the file itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupContent {
    pub schema_version: i64,
    pub counts: DomainCounts,
}

/// Opens the file at `path` read-only and checks that it is a whole Lotse database this
/// build can read: SQLite's `quick_check` passes, the application id is Lotse's and the
/// schema version is not newer. Returns what it holds.
pub fn verify_backup(path: &Path) -> Result<BackupContent> {
    check_header(path)?;
    let conn = open_read_only(path)?;
    let problems = quick_check(&conn)?;
    if !problems.is_empty() {
        return Err(Error::Corrupt(problems.join("; ")));
    }
    content(&conn, path)
}

/// What the file at `path` holds, without the page-by-page check (for listings).
pub fn backup_content(path: &Path) -> Result<BackupContent> {
    check_header(path)?;
    let conn = open_read_only(path)?;
    content(&conn, path)
}

fn content(conn: &Connection, path: &Path) -> Result<BackupContent> {
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let schema_version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if app_id != APPLICATION_ID || schema_version == 0 {
        return Err(Error::NotLotseFile {
            path: path.to_path_buf(),
        });
    }
    Ok(BackupContent {
        schema_version,
        counts: domain_counts(Conn::Sqlite(conn))?,
    })
}

/// Refuses a file that is not a Lotse database or one from a newer Lotse, like opening does.
fn check_header(path: &Path) -> Result<()> {
    match read_header(path)? {
        Header::Lotse { version, .. } if version > SCHEMA_VERSION => Err(Error::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        }),
        Header::Lotse { .. } => Ok(()),
        Header::Missing => Err(Error::file(
            path,
            std::io::Error::from(std::io::ErrorKind::NotFound),
        )),
        Header::Fresh | Header::Foreign | Header::Damaged => Err(Error::NotLotseFile {
            path: path.to_path_buf(),
        }),
    }
}

fn open_read_only(path: &Path) -> Result<Connection> {
    Ok(Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?)
}

/// SQLite's `quick_check`: empty when the file's pages and indexes are sound.
pub(crate) fn quick_check(conn: &Connection) -> Result<Vec<String>> {
    pragma_lines(conn, "PRAGMA quick_check")
}

/// SQLite's full `integrity_check` (also compares every index with its table).
pub(crate) fn integrity_check(conn: &Connection) -> Result<Vec<String>> {
    pragma_lines(conn, "PRAGMA integrity_check")
}

fn pragma_lines(conn: &Connection, sql: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(sql)?;
    let lines = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(lines.into_iter().filter(|l| l != "ok").collect())
}

/// Copies the database behind `src` page by page into a new file at `dest`, whole or not
/// at all: into a temporary file in the same folder, checked, flushed, then renamed.
/// The copy is one consistent state: `src` holds a read transaction while it runs, so
/// changes committed meanwhile by other connections are not part of it (and do not
/// restart it). `progress` gets 0.0..=1.0 and returns false to cancel.
fn snapshot(
    src: &Connection,
    dest: &Path,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<BackupContent> {
    let dir = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = private::temporary_in(dir)?;
    {
        let mut dst = Connection::open(tmp.path())?;
        src.execute_batch("BEGIN DEFERRED; SELECT count(*) FROM sqlite_schema;")?;
        let copied = copy_pages(src, &mut dst, progress);
        // Ends the read transaction whatever happened; a failure here changes nothing.
        let _ = src.execute_batch("COMMIT");
        copied?;
        // A backup is a file to keep, not to share: no -wal beside it.
        let _mode: String =
            dst.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
    }
    let content = verify_backup(tmp.path())?;
    private::persist(tmp, dest)?;
    Ok(content)
}

fn copy_pages(
    src: &Connection,
    dst: &mut Connection,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<()> {
    let backup = Backup::new(src, dst)?;
    loop {
        let step = backup.step(PAGES_PER_STEP)?;
        let p = backup.progress();
        let done = if p.pagecount > 0 {
            1.0 - p.remaining as f32 / p.pagecount as f32
        } else {
            0.0
        };
        if !progress(done.clamp(0.0, 1.0)) {
            return Err(Error::Cancelled);
        }
        match step {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            // The destination is ours alone; the source may be busy a moment.
            _ => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

/// [`snapshot`] for the store's opening code (before a migration).
pub(super) fn snapshot_connection(
    conn: &Connection,
    dest: &Path,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<BackupContent> {
    snapshot(conn, dest, progress)
}

impl Store {
    /// The schema version and how many rows the database holds.
    pub fn content(&self) -> Result<BackupContent> {
        if self.is_server() {
            return Ok(BackupContent {
                schema_version: SCHEMA_VERSION,
                counts: domain_counts(self.conn())?,
            });
        }
        content(self.sqlite()?, self.path().unwrap_or(Path::new(":memory:")))
    }

    /// Writes a consistent snapshot of this database to `dest` (whole or not at all) and
    /// checks it; returns what it holds.
    pub fn backup_to(
        &self,
        dest: &Path,
        progress: &mut dyn FnMut(f32) -> bool,
    ) -> Result<BackupContent> {
        snapshot(self.sqlite()?, dest, progress)
    }

    /// Replaces this database's content by the backup at `backup` (checked first: a file
    /// that is not a whole Lotse database, or one from a newer Lotse, is refused) and
    /// brings it to the current schema. Other connections see the restored state.
    pub fn restore_from(
        &mut self,
        backup: &Path,
        progress: &mut dyn FnMut(f32) -> bool,
    ) -> Result<BackupContent> {
        verify_backup(backup)?;
        let src = open_read_only(backup)?;
        copy_pages(&src, self.sqlite_mut()?, progress)?;
        drop(src);
        self.changed_everything();
        let path = self.path.clone().unwrap_or_default();
        super::open::migrate(self.sqlite()?, &path)?;
        content(self.sqlite()?, &path)
    }
}

/// A snapshot of the database file at `db`, read through a connection of its own, so that
/// it can run on a background thread while the app goes on writing. See [`Store::backup_to`].
pub fn backup_file(
    db: &Path,
    dest: &Path,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<BackupContent> {
    // The header on disk may lag behind a live database's -wal: ask SQLite instead.
    if !db.is_file() {
        return Err(Error::file(
            db,
            std::io::Error::from(std::io::ErrorKind::NotFound),
        ));
    }
    let src = Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    src.busy_timeout(Duration::from_secs(10))?;
    content(&src, db)?;
    snapshot(&src, dest, progress)
}

/// Puts the backup at `backup` in place of the database file at `db`, which is not open
/// anywhere (it could not be opened: damaged, or missing). The file there, with its -wal
/// and -shm, is moved aside as `….corrupt-DATE` unless such a copy exists already; the
/// backup is copied in whole or not at all. Returns where the old file went.
pub fn replace_file(db: &Path, backup: &Path, today: NaiveDate) -> Result<Option<PathBuf>> {
    verify_backup(backup)?;
    let dir = db
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // The copy first, so that a failure (disk full) leaves everything as it was.
    let tmp = private::temporary_in(dir)?;
    let bytes = fs::read(backup).map_err(|e| Error::file(backup, e))?;
    {
        use std::io::Write;
        let mut f = tmp.as_file();
        f.write_all(&bytes)
            .map_err(|e| Error::file(tmp.path(), e))?;
        f.sync_all().map_err(|e| Error::file(tmp.path(), e))?;
    }
    let kept = if db.exists() {
        Some(set_aside(db, today)?)
    } else {
        None
    };
    // A -wal of the old file must never be applied to the restored one.
    for side in [wal_path(db), shm_path(db)] {
        match fs::remove_file(&side) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::file(&side, e)),
        }
    }
    private::persist(tmp, db)?;
    Ok(kept)
}

/// Keeps a damaged database as `<name>.corrupt-YYYY-MM-DD` (with its -wal) and returns
/// that path; when such a copy from today exists, it is left as it is.
pub fn keep_damaged_copy(db: &Path, today: NaiveDate) -> Result<PathBuf> {
    let kept = corrupt_path(db, today);
    if !kept.exists() {
        let tmp_dir = kept
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let tmp = private::temporary_in(tmp_dir)?;
        fs::copy(db, tmp.path()).map_err(|e| Error::file(db, e))?;
        private::persist(tmp, &kept)?;
        let wal = wal_path(db);
        if wal.exists() {
            let _ = fs::copy(&wal, wal_path(&kept));
        }
    }
    Ok(kept)
}

/// Moves the file at `db` (and its -wal, -shm) aside as `….corrupt-DATE`, or removes it
/// when a copy from today was kept already.
fn set_aside(db: &Path, today: NaiveDate) -> Result<PathBuf> {
    let kept = corrupt_path(db, today);
    if kept.exists() {
        fs::remove_file(db).map_err(|e| Error::file(db, e))?;
    } else {
        fs::rename(db, &kept).map_err(|e| Error::file(db, e))?;
        let wal = wal_path(db);
        if wal.exists() {
            let _ = fs::rename(&wal, wal_path(&kept));
        }
    }
    Ok(kept)
}

fn corrupt_path(db: &Path, today: NaiveDate) -> PathBuf {
    with_suffix(db, &format!(".corrupt-{}", today.format("%Y-%m-%d")))
}

fn wal_path(db: &Path) -> PathBuf {
    with_suffix(db, "-wal")
}

fn shm_path(db: &Path) -> PathBuf {
    with_suffix(db, "-shm")
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn names_read_back() {
        let db = Path::new("/data/lotse.sqlite");
        for reason in BackupReason::ALL {
            for n in [1, 2, 11] {
                let name = file_name(db, at("2026-12-06 09:15:00"), reason, n);
                let parsed = parse_name(db, &backup_dir(db).join(&name)).unwrap();
                assert_eq!(parsed.taken_at, at("2026-12-06 09:15:00"), "{name}");
                assert_eq!(parsed.reason, Some(reason), "{name}");
            }
        }
        assert_eq!(
            file_name(db, at("2026-12-06 09:15:07"), BackupReason::Daily, 1),
            "lotse_2026-12-06_091507_daily.sqlite"
        );
        // Another database's backups and other files are not ours.
        assert!(parse_name(db, Path::new("other_2026-12-06_091500_daily.sqlite")).is_none());
        assert!(parse_name(db, Path::new("lotse_2026-12-06_091500_daily.pdf")).is_none());
        assert!(parse_name(db, Path::new(".lotse-tmp-abc.sqlite")).is_none());
        assert!(parse_name(db, Path::new("lotse_garbage.sqlite")).is_none());
    }
}
