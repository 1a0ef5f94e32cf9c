//! One desktop app per database file.
//!
//! Two windows on the same file would each show (and save) what they loaded, and
//! overwrite each other's changes. The app holds an exclusive advisory lock on
//! `<file name>.lock` beside the database for as long as it runs; the operating system
//! releases it when the process ends, however it ends (even after SIGKILL or a crash),
//! so a stale lock file never blocks anybody. The command line does not take the lock:
//! scripts keep working while the app is open.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::i18n::{Arg, ta};

/// The lock that makes this process the one app on a database file. Keep it alive as
/// long as the app runs; dropping it (or the process ending) releases it. The lock file
/// itself stays: removing it could let a second process lock a file the first one no
/// longer sees.
#[derive(Debug)]
pub struct InstanceLock {
    /// `None` where the file system cannot lock (then nothing is enforced).
    file: Option<File>,
    path: PathBuf,
}

impl InstanceLock {
    /// Takes the lock for the database at `db`. Fails with a message for the user when
    /// another process holds it. Where the lock file cannot be created or locked (a
    /// read-only folder, a file system without locks) it logs a warning and goes on
    /// without: refusing to start would be worse than the risk it guards against.
    pub fn acquire(db: &Path) -> Result<InstanceLock> {
        if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty())
            && !dir.exists()
        {
            create_private_dir(dir)?;
        }
        let path = lock_path(db);
        let file = match open_lockfile(&path) {
            Ok(file) => file,
            Err(e) => {
                log::warn!("cannot create the lock file {}: {e}", path.display());
                return Ok(InstanceLock { file: None, path });
            }
        };
        match file.try_lock() {
            Ok(()) => Ok(InstanceLock {
                file: Some(file),
                path,
            }),
            Err(TryLockError::WouldBlock) => Err(Error::Message(ta(
                "instance-already-open",
                &[("path", Arg::from(db.display().to_string()))],
            ))),
            Err(TryLockError::Error(e)) => {
                log::warn!("cannot lock {}: {e}", path.display());
                Ok(InstanceLock { file: None, path })
            }
        }
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the lock is really held (false where the file system cannot lock).
    pub fn is_held(&self) -> bool {
        self.file.is_some()
    }
}

/// `<folder>/<file name>.lock` beside the database, with the folder's links resolved so
/// that two spellings of the same folder share one lock.
pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".lock");
    let dir = db.parent().filter(|d| !d.as_os_str().is_empty());
    match dir {
        Some(dir) => std::fs::canonicalize(dir)
            .unwrap_or_else(|_| dir.to_path_buf())
            .join(name),
        None => std::env::current_dir()
            .map(|d| d.join(&name))
            .unwrap_or_else(|_| PathBuf::from(name)),
    }
}

fn open_lockfile(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// The database's folder, readable by its owner only (as the database creates it).
fn create_private_dir(dir: &Path) -> Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|e| Error::file(dir, e))
}
