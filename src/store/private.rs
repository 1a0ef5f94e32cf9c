//! Files of the store that hold personal data: owner-only folders and files; temporaries
//! that become a file by renaming come from [`crate::files`].

use std::fs;
use std::path::Path;

use crate::error::{Error, Result};

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

pub(crate) use crate::files::{persist, remove_stale_temporaries, temporary_in};
