//! Writing files that hold personal data (exports, reports, certificates).
//!
//! A file is written whole or not at all: the bytes go to a hidden temporary file in the
//! target folder (named `.lotse-tmp-…`), which is flushed to the disk and only then renamed
//! to the target name. A failure on the way (disk full, no permission, …) removes the
//! temporary and leaves whatever was under the target name untouched.

use std::io::{BufWriter, Write};
use std::path::Path;

use crate::error::{Error, Result};

/// How the temporary files of [`write_private`] begin (hidden on Unix).
pub const TEMP_PREFIX: &str = ".lotse-tmp-";

/// Writes `bytes` to `path`, creating the file or replacing it as a whole. On Unix the file
/// is readable and writable by its owner only (mode 0600, like the database), also when
/// it existed before with wider permissions. Creates no folders: the caller makes sure
/// the parent exists. On an error nothing under `path` has changed.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    write_private_with(path, |out| out.write_all(bytes))
}

/// Like [`write_private`], but the content comes from `write`, which writes it to the
/// writer it is given (buffered). An error from `write` (or from the disk) leaves nothing
/// under `path` changed and no temporary file behind.
///
/// Tests use this to inject failures: wrap the writer in one that fails part-way.
pub fn write_private_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let fail = |e| Error::file(path, e);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    remove_stale_temporaries(dir);
    // Dropped on any early return below, which removes the temporary file. A failure is
    // reported for the file the user asked for, not for the temporary's folder.
    let mut temp = temporary_in(dir).map_err(|e| match e {
        Error::File { source, .. } => fail(source),
        other => other,
    })?;
    {
        let mut out = BufWriter::new(temp.as_file_mut());
        write(&mut out).map_err(fail)?;
        out.flush().map_err(fail)?;
    }
    persist(temp, path)
}

/// A new owner-only (0600) temporary file in `dir`, named `.lotse-tmp-…`; removed when
/// dropped unless [`persist`]ed.
pub fn temporary_in(dir: &Path) -> Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o600));
    }
    builder.tempfile_in(dir).map_err(|e| Error::file(dir, e))
}

/// Flushes `temp` to the disk and renames it to `dest` (replacing a file there), then
/// makes the rename durable.
pub fn persist(temp: tempfile::NamedTempFile, dest: &Path) -> Result<()> {
    temp.as_file()
        .sync_all()
        .map_err(|e| Error::file(dest, e))?;
    temp.persist(dest).map_err(|e| Error::file(dest, e.error))?;
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        sync_folder(dir);
    }
    Ok(())
}

/// Removes temporaries older than a minute that a killed process left in `dir` (the
/// process that writes one keeps it fresh; nobody else names files `.lotse-tmp-…`).
pub fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let minute = std::time::Duration::from_secs(60);
    for entry in entries.flatten() {
        if !entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            continue;
        }
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > minute);
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Makes the rename that put a file in place durable (Unix; elsewhere nothing to do). The
/// file is already in place, complete and flushed: a folder that cannot be synced (some
/// network file systems refuse) is logged, not an error.
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Err(e) = std::fs::File::open(dir).and_then(|d| d.sync_all()) {
        log::warn!("could not sync folder {}: {e}", dir.display());
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use std::io::{self, Write};
    use std::path::Path;

    use super::{TEMP_PREFIX, write_private, write_private_with};
    use crate::error::Error;

    /// A writer that takes `left` bytes and then fails as a full disk does.
    struct FailAfter<'a> {
        inner: &'a mut dyn Write,
        left: usize,
    }

    impl Write for FailAfter<'_> {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.left == 0 {
                return Err(io::Error::from(io::ErrorKind::StorageFull));
            }
            let n = buf.len().min(self.left);
            self.left -= n;
            self.inner.write(&buf[..n])
        }

        fn flush(&mut self) -> io::Result<()> {
            self.inner.flush()
        }
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_the_content() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.csv");
        write_private(&path, b"long first content").expect("written");
        write_private(&path, b"short").expect("written again");
        assert_eq!(std::fs::read(&path).expect("read"), b"short");
        assert_eq!(names(dir.path()), ["a.csv"]);
    }

    #[test]
    fn a_relative_path_in_the_current_folder_works() {
        // No parent folder component: the temporary goes to ".". Only checks the error
        // path (writing into the crate folder during tests would leave litter).
        let err = write_private_with(Path::new("lotse-no-such-test-file.csv"), |_| {
            Err(io::Error::other("stop"))
        })
        .unwrap_err();
        assert!(matches!(err, Error::File { .. }), "{err:?}");
        assert!(!Path::new("lotse-no-such-test-file.csv").exists());
    }

    #[test]
    fn creates_no_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("missing").join("a.csv");
        assert!(write_private(&path, b"x").is_err());
        assert!(!dir.path().join("missing").exists());
    }

    #[test]
    fn a_failure_part_way_leaves_no_new_file_and_no_temporary() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("all.pdf");
        let content = vec![b'x'; 100_000];
        let err = write_private_with(&path, |out| {
            FailAfter {
                inner: out,
                left: 30_000,
            }
            .write_all(&content)
        })
        .unwrap_err();
        match &err {
            Error::File { path: p, source } => {
                assert_eq!(p, &path);
                assert_eq!(source.kind(), io::ErrorKind::StorageFull);
            }
            other => panic!("{other:?}"),
        }
        assert!(!path.exists());
        assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
    }

    #[test]
    fn a_failure_part_way_keeps_the_old_file_intact() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("report.csv");
        write_private(&path, b"the old, complete report").expect("written");
        let content = vec![b'y'; 50_000];
        assert!(
            write_private_with(&path, |out| {
                FailAfter {
                    inner: out,
                    left: 10_000,
                }
                .write_all(&content)
            })
            .is_err()
        );
        assert_eq!(
            std::fs::read(&path).expect("read"),
            b"the old, complete report"
        );
        assert_eq!(names(dir.path()), ["report.csv"]);
    }

    #[test]
    fn temporaries_are_hidden_in_the_target_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.csv");
        write_private_with(&path, |out| {
            let seen = names(dir.path());
            assert_eq!(seen.len(), 1, "{seen:?}");
            assert!(seen[0].starts_with(TEMP_PREFIX), "{seen:?}");
            out.write_all(b"content")
        })
        .expect("written");
        assert_eq!(names(dir.path()), ["a.csv"]);
        assert_eq!(std::fs::read(&path).expect("read"), b"content");
    }

    #[test]
    fn a_folder_under_the_target_name_stays() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.pdf");
        std::fs::create_dir(&path).expect("folder");
        std::fs::write(path.join("keep.txt"), b"keep").expect("written");
        assert!(write_private(&path, b"x").is_err());
        assert_eq!(std::fs::read(path.join("keep.txt")).expect("read"), b"keep");
        assert_eq!(names(dir.path()), ["out.pdf"]);
    }

    #[cfg(unix)]
    #[test]
    fn only_the_owner_may_read() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let new = dir.path().join("new.csv");
        write_private(&new, b"x").expect("written");
        let mode = |p: &Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
        assert_eq!(mode(&new), 0o600);

        let old = dir.path().join("old.csv");
        std::fs::write(&old, b"old").expect("written");
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        write_private(&old, b"new").expect("overwritten");
        assert_eq!(mode(&old), 0o600);
        assert_eq!(std::fs::read(&old).expect("read"), b"new");
    }
}
