//! Files of the store that hold personal data: owner-only folders and files, temporaries
//! that become a file by renaming, and what a killed process left behind.

use std::fs;
use std::path::Path;

use tempfile::NamedTempFile;

use crate::error::{Error, Result};

/// The name prefix of temporaries, so that leftovers can be recognised and removed.
pub(crate) const TEMP_PREFIX: &str = ".lotse-tmp-";

/// Creates `dir` (and its parents) if missing; a folder Lotse creates is owner-only (700).
pub(crate) fn create_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    fs::create_dir_all(dir).map_err(|e| Error::file(dir, e))?;
    restrict(dir, 0o700)
}

/// Sets `path`'s mode to `mode` where it allows more (Unix only; elsewhere the user's
/// profile folder already keeps others out).
pub(crate) fn restrict(path: &Path, mode: u32) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = fs::metadata(path).map_err(|e| Error::file(path, e))?;
        if meta.permissions().mode() & 0o777 & !mode != 0 {
            fs::set_permissions(path, fs::Permissions::from_mode(mode))
                .map_err(|e| Error::file(path, e))?;
        }
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
    Ok(())
}

/// A new owner-only temporary file in `dir`, removed when dropped unless persisted.
pub(crate) fn temporary_in(dir: &Path) -> Result<NamedTempFile> {
    tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::file(dir, e))
}

/// Flushes `tmp` to disk and renames it to `dest` (replacing a file there), then flushes
/// the folder so that the rename survives a power cut.
pub(crate) fn persist(tmp: NamedTempFile, dest: &Path) -> Result<()> {
    tmp.as_file()
        .sync_all()
        .map_err(|e| Error::file(tmp.path(), e))?;
    tmp.persist(dest).map_err(|e| Error::file(dest, e.error))?;
    #[cfg(unix)]
    if let Some(dir) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
        // Best effort: some file systems refuse to sync a folder.
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(())
}

/// Removes temporaries older than a minute that a killed process left in `dir`.
pub(crate) fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let minute = std::time::Duration::from_secs(60);
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !name.to_string_lossy().starts_with(TEMP_PREFIX) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > minute);
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}
