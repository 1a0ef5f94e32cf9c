//! Opening a database file: header check before anything is written, pragmas, migrations.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

/// `PRAGMA application_id` of a Lotse database: "LOTS" in ASCII.
pub const APPLICATION_ID: i32 = 0x4C4F_5453;

/// The migrations, in order; the schema version is their count.
const MIGRATIONS: &[&str] = &[include_str!("sql/0001_initial.sql")];

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The default database: `lotse.sqlite` in the user's data directory
/// (Linux: `~/.local/share/lotse/`, Windows: `%APPDATA%\Lotse\Lotse\data\`).
pub fn default_db_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("de", "Lotse", "Lotse")
        .map(|dirs| dirs.data_dir().join("lotse.sqlite"))
}

/// What the first 100 bytes of a file say about it.
enum Header {
    /// Missing, empty, or an SQLite file with no schema yet.
    Fresh,
    Lotse {
        version: i64,
    },
    Foreign,
}

fn read_header(path: &Path) -> Result<Header> {
    let mut file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Header::Fresh),
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
        })
    } else if application_id == 0 && user_version == 0 && schema_cookie == 0 {
        // An SQLite file that never had a table: nothing to lose.
        Ok(Header::Fresh)
    } else {
        Ok(Header::Foreign)
    }
}

pub(super) fn open_file(path: &Path) -> Result<Connection> {
    match read_header(path)? {
        Header::Foreign => {
            return Err(Error::NotLotseFile {
                path: path.to_path_buf(),
            });
        }
        Header::Lotse { version } if version > SCHEMA_VERSION => {
            return Err(Error::TooNew {
                path: path.to_path_buf(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        _ => {}
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir)?;
    }
    if !path.exists() {
        // Employees' records: readable by their owner only. SQLite gives the -wal and
        // -shm files the same permissions as the database.
        create_private_file(path)?;
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    configure(&conn)?;
    migrate(&conn, path)?;
    Ok(conn)
}

pub(super) fn open_memory() -> Result<Connection> {
    let conn = Connection::open_in_memory()?;
    configure(&conn)?;
    migrate(&conn, Path::new(":memory:"))?;
    Ok(conn)
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // `ORDER BY name COLLATE DE` sorts as German lists do: Özdemir beside Ostermann, not after Z.
    conn.create_collation("DE", |a, b| {
        crate::i18n::cmp_german(a, b).then_with(|| a.cmp(b))
    })?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // In-memory databases answer "memory"; that is fine.
    let _mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    let fk: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
    if !fk {
        return Err(Error::Message(
            "SQLite built without foreign keys".to_owned(),
        ));
    }
    Ok(())
}

fn migrate(conn: &Connection, path: &Path) -> Result<()> {
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
            Ok(())
        }
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.exists() {
        return Ok(());
    }
    fs::create_dir_all(dir).map_err(|e| Error::file(dir, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
            .map_err(|e| Error::file(dir, e))?;
    }
    Ok(())
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
