//! Writing files that hold personal data (exports, reports, certificates).

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `bytes` to `path`, creating the file or replacing its content. On Unix the file
/// is readable and writable by its owner only (mode 0600, like the database), also when
/// it existed before with wider permissions. Creates no folders: the caller makes sure
/// the parent exists.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(|e| Error::file(path, e))?;
    #[cfg(unix)]
    {
        // The mode above applies only to a new file; an older one may be wider.
        use std::os::unix::fs::PermissionsExt;
        let mode = file
            .metadata()
            .map_err(|e| Error::file(path, e))?
            .permissions()
            .mode();
        if mode & 0o077 != 0 {
            file.set_permissions(std::fs::Permissions::from_mode(0o600))
                .map_err(|e| Error::file(path, e))?;
        }
    }
    file.write_all(bytes).map_err(|e| Error::file(path, e))?;
    file.sync_all().map_err(|e| Error::file(path, e))
}

#[cfg(test)]
mod tests {
    use super::write_private;

    #[test]
    fn replaces_the_content() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.csv");
        write_private(&path, b"long first content").expect("written");
        write_private(&path, b"short").expect("written again");
        assert_eq!(std::fs::read(&path).expect("read"), b"short");
    }

    #[test]
    fn creates_no_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("missing").join("a.csv");
        assert!(write_private(&path, b"x").is_err());
        assert!(!dir.path().join("missing").exists());
    }

    #[cfg(unix)]
    #[test]
    fn only_the_owner_may_read() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let new = dir.path().join("new.csv");
        write_private(&new, b"x").expect("written");
        let mode = |p: &std::path::Path| {
            std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777
        };
        assert_eq!(mode(&new), 0o600);

        let old = dir.path().join("old.csv");
        std::fs::write(&old, b"old").expect("written");
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        write_private(&old, b"new").expect("overwritten");
        assert_eq!(mode(&old), 0o600);
    }
}
