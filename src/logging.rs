//! Where Lotse's log goes: a file for the administrator, never the user's screen.
//!
//! Log lines say what happened for someone diagnosing a problem (opening, migrations,
//! backups, checks, errors with their technical cause); they never hold personal data
//! (no names, e-mail addresses or personnel numbers — code, serial or count instead).

use std::fs;
use std::path::{Path, PathBuf};

/// A log file grows to this size, then it is renamed to `lotse.log.1` (replacing the
/// older one) and a new one begins.
const MAX_BYTES: u64 = 5_000_000;

/// The log file: `LOTSE_LOG_FILE`, else `lotse.log` in the user's data directory beside
/// the default database. `LOTSE_LOG_FILE=-` logs to stderr instead.
pub fn log_path() -> Option<PathBuf> {
    match std::env::var_os("LOTSE_LOG_FILE") {
        Some(p) if p == "-" => None,
        Some(p) => Some(PathBuf::from(p)),
        None => {
            crate::store::default_db_path().and_then(|db| db.parent().map(|d| d.join("lotse.log")))
        }
    }
}

/// Starts logging: at level `info` (or what `LOTSE_LOG` says, e.g. `debug` or
/// `lotse::store=debug`) into [`log_path`]. When that file cannot be written, nothing is
/// logged unless `LOTSE_LOG` asks for it, then on stderr.
pub fn init() {
    let filter = std::env::var("LOTSE_LOG").ok();
    let mut builder = env_logger::Builder::new();
    builder.parse_filters(filter.as_deref().unwrap_or("info"));
    match log_path().and_then(|p| open(&p)) {
        Some(file) => {
            builder.target(env_logger::Target::Pipe(Box::new(file)));
            builder.write_style(env_logger::WriteStyle::Never);
        }
        None if filter.is_some() || std::env::var_os("LOTSE_LOG_FILE").is_some() => {}
        None => {
            builder.filter_level(log::LevelFilter::Off);
        }
    }
    let _ = builder.try_init();
}

/// Opens the log for appending (owner-only), starting a new one when it grew too big.
fn open(path: &Path) -> Option<fs::File> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).ok()?;
    }
    if fs::metadata(path).is_ok_and(|m| m.len() > MAX_BYTES) {
        let mut old = path.as_os_str().to_owned();
        old.push(".1");
        let _ = fs::rename(path, PathBuf::from(old));
    }
    let mut options = fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).ok()
}
