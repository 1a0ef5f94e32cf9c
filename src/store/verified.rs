//! Remembering that a file passed its check, so that opening it again costs a hash, not
//! a check.
//!
//! SQLite's `quick_check` reads every page and costs ~0.2 s at 10,000 employees — on
//! every open, which is most of what a quick `lotse report` takes. After a file passed,
//! the SHA-256 of its bytes (the database and its write-ahead log) is written beside it
//! (`<file>-checked`, owner only); when the bytes are the same at the next open, they are
//! the bytes that passed, and the check is not repeated. Any change — a write by Lotse,
//! a restore, a flipped bit on the disk, pages overwritten by another program — gives
//! another hash, and the file is checked again. Hashing 22 MB takes ~20 ms.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// The file the fingerprint of the last passed check is kept in.
fn record_path(db: &Path) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push("-checked");
    PathBuf::from(p)
}

/// SHA-256 over the database file and its `-wal` (if any and not empty), with their
/// sizes, as hex;
/// `None` when a file cannot be read (then the check runs).
pub(super) fn fingerprint(db: &Path) -> Option<String> {
    let mut hash = Sha256::new();
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    for (i, path) in [db.to_path_buf(), PathBuf::from(wal)].iter().enumerate() {
        let mut file = match std::fs::File::open(path) {
            Ok(file) => file,
            Err(e) if i > 0 && e.kind() == std::io::ErrorKind::NotFound => break,
            Err(_) => return None,
        };
        // An empty log (SQLite makes one when it opens the file) holds nothing.
        if i > 0 && file.metadata().is_ok_and(|m| m.len() == 0) {
            break;
        }
        let mut buffer = vec![0u8; 1 << 16];
        let mut size: u64 = 0;
        loop {
            match file.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => {
                    hash.update(&buffer[..n]);
                    size += n as u64;
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        hash.update(size.to_le_bytes());
    }
    Some(hash.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// Whether `fingerprint` is that of the bytes that last passed the check.
pub(super) fn passed_before(db: &Path, fingerprint: &str) -> bool {
    std::fs::read_to_string(record_path(db)).is_ok_and(|recorded| recorded.trim() == fingerprint)
}

/// Remembers that the bytes with `fingerprint` passed. A failure to write it only means
/// the next open checks again.
pub(super) fn remember(db: &Path, fingerprint: &str) {
    if let Err(e) = crate::files::write_private(&record_path(db), fingerprint.as_bytes()) {
        log::warn!("could not note the passed check: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_changed_byte_gives_another_fingerprint() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("lotse.sqlite");
        std::fs::write(&db, vec![7u8; 100_000]).unwrap();
        let first = fingerprint(&db).unwrap();
        assert!(!passed_before(&db, &first));
        remember(&db, &first);
        assert!(passed_before(&db, &first));
        let mut bytes = std::fs::read(&db).unwrap();
        bytes[77_777] ^= 1;
        std::fs::write(&db, &bytes).unwrap();
        let flipped = fingerprint(&db).unwrap();
        assert_ne!(first, flipped);
        assert!(!passed_before(&db, &flipped));
        // The write-ahead log counts too, unless it is empty.
        let mut wal = db.as_os_str().to_owned();
        wal.push("-wal");
        let wal = PathBuf::from(wal);
        std::fs::write(&wal, b"").unwrap();
        assert_eq!(fingerprint(&db).unwrap(), flipped);
        std::fs::write(&wal, b"frames").unwrap();
        assert_ne!(fingerprint(&db).unwrap(), flipped);
    }
}
