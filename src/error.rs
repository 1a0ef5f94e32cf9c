//! One error type for the whole crate, with messages a user can act on.

use std::path::{Path, PathBuf};

use crate::i18n::{Arg, t, ta};
use crate::model::Invalid;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong. [`Error::user_message`] says it in the user's language;
/// `Display` gives the technical detail for logs.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that is not accepted; every problem found, not just the first.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<Invalid>),
    #[error("not found: {what}")]
    NotFound { what: String },
    #[error("{} is not a Lotse database", path.display())]
    NotLotseFile { path: PathBuf },
    #[error("{} was written by a newer Lotse (schema {found}, this build knows {supported})", path.display())]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("the database is busy")]
    Busy,
    #[error("the database file is damaged: {0}")]
    Corrupt(String),
    /// The file failed SQLite's check when it was opened. It was left in place, a copy
    /// kept as `kept_as`; `backup` is the newest backup that passed its check, if any.
    #[error("{} failed its integrity check: {detail}", path.display())]
    Damaged {
        path: PathBuf,
        kept_as: Option<PathBuf>,
        backup: Option<PathBuf>,
        detail: String,
    },
    /// Any other SQLite error: shown to the user without its technical text.
    #[error("database error: {0}")]
    Database(rusqlite::Error),
    /// A PostgreSQL server refused or failed a statement, or could not be reached.
    #[error("database server: {0}")]
    Server(postgres::Error),
    /// The store read something it cannot use (a column of an unexpected type).
    #[error("database error: {0}")]
    Backend(String),
    /// SQLite could not read or write the database file: the disk is full, the file is
    /// read-only, it cannot be opened or the disk failed.
    #[error("database file ({problem:?}): {source}{}", sqlite_code(source))]
    DatabaseFile {
        problem: FileProblem,
        source: rusqlite::Error,
    },
    /// Reading or writing a file failed; [`Error::file_problem`] says why in terms the user
    /// can act on. `Display` (for logs) names the folder and the kind of file, not the file
    /// name, which may hold a person's name (certificates are `SERIAL_Lastname.pdf`).
    #[error("file error ({}): {source}", log_path(path))]
    File {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A folder batch of certificates stopped: `written` of `total` files are in
    /// `folder`, the next one, `failed`, could not be written because of `cause`.
    #[error("{written} of {total} certificates written to {}, then {} failed: {cause}",
        folder.display(), log_path(failed))]
    PartlyPrinted {
        written: usize,
        total: usize,
        folder: PathBuf,
        failed: PathBuf,
        cause: Box<Error>,
    },
    /// A message already in the user's language (import and export problems, …).
    #[error("{0}")]
    Message(String),
    #[error("cancelled")]
    Cancelled,
    /// The change needs the user's explicit confirmation first (the message, in the user's
    /// language, says what it affects); repeat the call with confirmation to go ahead.
    #[error("needs confirmation: {0}")]
    NeedsConfirmation(String),
    /// The record changed since the form loaded it (another officer saved first, or the
    /// command line): nothing was saved. `stored` is the version stored now, `by` and
    /// `at` who changed it last and when, as far as the audit log says.
    #[error("record changed meanwhile (stored version {stored})")]
    ChangedMeanwhile {
        stored: i64,
        by: Option<String>,
        at: Option<chrono::NaiveDateTime>,
    },
}

impl Error {
    pub fn invalid(problem: Invalid) -> Error {
        Error::Invalid(vec![problem])
    }

    pub fn file(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::File {
            path: path.into(),
            source,
        }
    }

    /// Why a file or the database could not be read or written, if that is what failed.
    pub fn file_problem(&self) -> Option<FileProblem> {
        match self {
            Error::File { source, .. } => Some(FileProblem::of_io(source)),
            Error::DatabaseFile { problem, .. } => Some(*problem),
            Error::PartlyPrinted { cause, .. } => cause.file_problem(),
            _ => None,
        }
    }

    /// The reason alone, without naming a file, for a sentence that names it already.
    pub fn reason(&self) -> String {
        match self {
            Error::File { source, .. } => FileProblem::of_io(source).reason(),
            Error::DatabaseFile { problem, .. } => problem.reason(),
            other => other.user_message(),
        }
    }

    /// Whether the error carries technical detail worth a log line: problems with files,
    /// the database or the system, not the user's input or choices.
    fn is_technical(&self) -> bool {
        !matches!(
            self,
            Error::Invalid(_)
                | Error::NotFound { .. }
                | Error::Message(_)
                | Error::Cancelled
                | Error::NeedsConfirmation(_)
                | Error::ChangedMeanwhile { .. }
        )
    }

    /// What happened and what to do, in the current language. The sentence holds no
    /// technical text (SQLite's or the operating system's); that goes to the log (target
    /// `lotse::error`, level warn) when the message is made, for the errors that have it.
    pub fn user_message(&self) -> String {
        if self.is_technical() {
            log::warn!(target: "lotse::error", "{self}");
        }
        self.message()
    }

    fn message(&self) -> String {
        match self {
            Error::Invalid(problems) => problems
                .iter()
                .map(Invalid::message)
                .collect::<Vec<_>>()
                .join("\n"),
            Error::NotFound { what } => ta("error-not-found", &[("what", Arg::from(what))]),
            Error::NotLotseFile { path } => ta(
                "error-not-lotse-file",
                &[("path", Arg::from(path.display().to_string()))],
            ),
            Error::TooNew {
                path,
                found,
                supported,
            } => ta(
                "error-too-new",
                &[
                    ("path", Arg::from(path.display().to_string())),
                    ("found", Arg::from(*found)),
                    ("supported", Arg::from(*supported)),
                ],
            ),
            Error::Busy => t("error-busy"),
            Error::ChangedMeanwhile { by, at, .. } => {
                let when = at.map(|at| {
                    ta(
                        "edit-conflict-when",
                        &[
                            ("date", Arg::from(crate::i18n::fmt_date(at.date()))),
                            ("time", Arg::from(at.format("%H:%M").to_string())),
                        ],
                    )
                });
                let mut args = vec![("when", Arg::from(when.unwrap_or_default()))];
                let key = match by {
                    Some(actor) => {
                        args.push(("actor", Arg::from(actor)));
                        "edit-conflict"
                    }
                    None => "edit-conflict-unknown",
                };
                ta(key, &args)
            }
            Error::Corrupt(_) => t("error-corrupt"),
            Error::Damaged {
                path,
                kept_as,
                backup,
                ..
            } => {
                let path = Arg::from(path.display().to_string());
                let mut text = match kept_as {
                    Some(kept) => ta(
                        "error-damaged-kept",
                        &[
                            ("path", path),
                            ("kept", Arg::from(kept.display().to_string())),
                        ],
                    ),
                    None => ta("error-damaged", &[("path", path)]),
                };
                text.push(' ');
                text.push_str(&match backup {
                    Some(b) => ta(
                        "error-damaged-backup",
                        &[("backup", Arg::from(b.display().to_string()))],
                    ),
                    None => t("error-damaged-no-backup"),
                });
                text
            }
            Error::Database(_) | Error::Backend(_) => t("error-database"),
            Error::Server(e) => server_message(e),
            Error::DatabaseFile { problem, .. } => t(match problem {
                FileProblem::DiskFull => "error-database-full",
                FileProblem::ReadOnly => "error-database-read-only",
                FileProblem::Locked => "error-busy",
                FileProblem::NotFound | FileProblem::Other => "error-database-file",
            }),
            Error::File { path, source } => ta(
                match FileProblem::of_io(source) {
                    FileProblem::DiskFull => "error-file-disk-full",
                    FileProblem::ReadOnly => "error-file-read-only",
                    FileProblem::Locked => "error-file-locked",
                    FileProblem::NotFound => "error-file-not-found",
                    FileProblem::Other => "error-file",
                },
                &[("path", Arg::from(path.display().to_string()))],
            ),
            Error::PartlyPrinted {
                written,
                total,
                folder,
                failed,
                cause,
            } => ta(
                "error-partly-printed",
                &[
                    ("written", Arg::from(*written)),
                    ("total", Arg::from(*total)),
                    ("folder", Arg::from(folder.display().to_string())),
                    (
                        "file",
                        Arg::from(
                            failed
                                .file_name()
                                .unwrap_or(failed.as_os_str())
                                .to_string_lossy()
                                .into_owned(),
                        ),
                    ),
                    ("reason", Arg::from(cause.reason())),
                ],
            ),
            Error::Message(m) => m.clone(),
            Error::Cancelled => t("error-cancelled"),
            Error::NeedsConfirmation(m) => m.clone(),
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        let problem = match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => return Error::Busy,
            Some(ErrorCode::DatabaseCorrupt) => return Error::Corrupt(e.to_string()),
            Some(ErrorCode::NotADatabase) => return Error::Corrupt(e.to_string()),
            // SQLITE_FULL: SQLite reports a write that failed with ENOSPC (or EDQUOT) so;
            // what it had written of the transaction is rolled back.
            Some(ErrorCode::DiskFull) => FileProblem::DiskFull,
            // Growing the shared-memory file next to a WAL database failed: a write that
            // failed, on a full disk in practice (seen with a full tmpfs: then even reading
            // fails, since every connection needs that file).
            Some(ErrorCode::SystemIoFailure)
                if extended_code(&e) == Some(rusqlite::ffi::SQLITE_IOERR_SHMSIZE) =>
            {
                FileProblem::DiskFull
            }
            Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => FileProblem::ReadOnly,
            // SQLITE_CANTOPEN, SQLITE_IOERR_*: the errno behind them is not in the error.
            Some(ErrorCode::CannotOpen | ErrorCode::SystemIoFailure) => FileProblem::Other,
            _ => return Error::Database(e),
        };
        Error::DatabaseFile { problem, source: e }
    }
}

impl Error {
    /// Whether the server refused the login for a missing or wrong password: then the app
    /// asks for it.
    pub fn needs_password(&self) -> bool {
        match self {
            Error::Server(e) => {
                e.code() == Some(&postgres::error::SqlState::INVALID_PASSWORD)
                    || password_missing(e)
            }
            _ => false,
        }
    }
}

/// The client's own refusal to log in without a password the server asked for (the
/// cause behind its "invalid configuration").
fn password_missing(e: &postgres::Error) -> bool {
    std::error::Error::source(e).is_some_and(|cause| cause.to_string().contains("password missing"))
}

/// What a PostgreSQL error means for the user: no right to change (a reader), a change by
/// another officer in the way, the server gone, or anything else.
fn server_message(e: &postgres::Error) -> String {
    use postgres::error::SqlState;
    match e.code() {
        Some(c) if *c == SqlState::INSUFFICIENT_PRIVILEGE => t("error-server-no-right"),
        Some(c) if *c == SqlState::INVALID_PASSWORD => t("error-server-password"),
        Some(c) if *c == SqlState::INVALID_AUTHORIZATION_SPECIFICATION => t("error-server-login"),
        None if password_missing(e) => t("error-server-password"),
        None if e.to_string().contains("TLS") => t("error-server-tls"),
        Some(c)
            if *c == SqlState::T_R_SERIALIZATION_FAILURE
                || *c == SqlState::T_R_DEADLOCK_DETECTED
                || *c == SqlState::LOCK_NOT_AVAILABLE =>
        {
            t("error-busy")
        }
        None if e.is_closed()
            || std::error::Error::source(e).is_some_and(|s| s.is::<std::io::Error>()) =>
        {
            t("error-server-unreachable")
        }
        _ => t("error-database"),
    }
}

/// Why reading or writing a file failed, in terms of what the user can do about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    /// No space left on the disk, or a quota or file size limit reached: make space.
    DiskFull,
    /// The place is read-only, or the user lacks the permission: choose another place or
    /// ask for the rights.
    ReadOnly,
    /// Another program has the file open and locked (Windows): close it.
    Locked,
    /// The file or a folder on its path does not exist: check the name.
    NotFound,
    /// Anything else (a network drive gone, a failing disk, …): check and try again.
    Other,
}

impl FileProblem {
    /// The problem behind an operating system error.
    pub fn of_io(e: &std::io::Error) -> FileProblem {
        use std::io::ErrorKind as K;
        #[cfg(windows)]
        match e.raw_os_error() {
            // ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL, ERROR_DISK_QUOTA_EXCEEDED
            Some(39 | 112 | 1295) => return FileProblem::DiskFull,
            // ERROR_WRITE_PROTECT
            Some(19) => return FileProblem::ReadOnly,
            // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION, ERROR_USER_MAPPED_FILE
            Some(32 | 33 | 1224) => return FileProblem::Locked,
            _ => {}
        }
        match e.kind() {
            K::StorageFull | K::FileTooLarge | K::QuotaExceeded => FileProblem::DiskFull,
            K::PermissionDenied | K::ReadOnlyFilesystem => FileProblem::ReadOnly,
            K::ResourceBusy => FileProblem::Locked,
            K::NotFound | K::NotADirectory => FileProblem::NotFound,
            _ => FileProblem::Other,
        }
    }

    /// What is wrong and what to do, without naming the file, in the current language.
    pub fn reason(self) -> String {
        t(match self {
            FileProblem::DiskFull => "error-reason-disk-full",
            FileProblem::ReadOnly => "error-reason-read-only",
            FileProblem::Locked => "error-reason-locked",
            FileProblem::NotFound => "error-reason-not-found",
            FileProblem::Other => "error-reason-other",
        })
    }
}

fn extended_code(e: &rusqlite::Error) -> Option<i32> {
    match e {
        rusqlite::Error::SqliteFailure(f, _) => Some(f.extended_code),
        _ => None,
    }
}

/// SQLite's extended result code, for a log line (its text alone often says just "disk I/O
/// error").
fn sqlite_code(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(f, _) => format!(" (SQLite code {})", f.extended_code),
        _ => String::new(),
    }
}

/// A path for a log line: its folder and the kind of file, not the file's name, which may
/// name a person. A bare name without a folder ("<stdout>", "print thread") stays.
fn log_path(path: &Path) -> String {
    let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) else {
        return path.display().to_string();
    };
    match path.extension() {
        Some(ext) => format!("{}/….{}", dir.display(), ext.to_string_lossy()),
        None => format!("{}/…", dir.display()),
    }
}

impl From<Vec<Invalid>> for Error {
    fn from(problems: Vec<Invalid>) -> Self {
        Error::Invalid(problems)
    }
}

impl From<Invalid> for Error {
    fn from(problem: Invalid) -> Self {
        Error::Invalid(vec![problem])
    }
}

#[cfg(test)]
mod tests {
    use std::io;
    use std::path::PathBuf;

    use super::{Error, FileProblem, log_path};
    use crate::i18n::{Lang, set_thread_language};

    #[test]
    fn operating_system_errors_become_problems_a_user_can_act_on() {
        let of = |kind| FileProblem::of_io(&io::Error::from(kind));
        assert_eq!(of(io::ErrorKind::StorageFull), FileProblem::DiskFull);
        assert_eq!(of(io::ErrorKind::FileTooLarge), FileProblem::DiskFull);
        assert_eq!(of(io::ErrorKind::QuotaExceeded), FileProblem::DiskFull);
        assert_eq!(of(io::ErrorKind::PermissionDenied), FileProblem::ReadOnly);
        assert_eq!(of(io::ErrorKind::ReadOnlyFilesystem), FileProblem::ReadOnly);
        assert_eq!(of(io::ErrorKind::NotFound), FileProblem::NotFound);
        assert_eq!(of(io::ErrorKind::ResourceBusy), FileProblem::Locked);
        assert_eq!(of(io::ErrorKind::Other), FileProblem::Other);
        #[cfg(target_os = "linux")]
        {
            let raw = |n| FileProblem::of_io(&io::Error::from_raw_os_error(n));
            assert_eq!(raw(28), FileProblem::DiskFull); // ENOSPC
            assert_eq!(raw(27), FileProblem::DiskFull); // EFBIG
            assert_eq!(raw(122), FileProblem::DiskFull); // EDQUOT
            assert_eq!(raw(30), FileProblem::ReadOnly); // EROFS
            assert_eq!(raw(13), FileProblem::ReadOnly); // EACCES
        }
    }

    #[test]
    fn the_sentence_names_the_file_but_holds_no_system_text() {
        set_thread_language(Lang::De);
        let e = Error::file("/daten/Urkunden/alle.pdf", io::Error::from_raw_os_error(28));
        let m = e.user_message();
        assert!(m.contains("/daten/Urkunden/alle.pdf"), "{m}");
        assert!(m.contains("kein Platz mehr frei"), "{m}");
        assert!(!m.contains("os error") && !m.contains("No space"), "{m}");
        assert_eq!(e.file_problem(), Some(FileProblem::DiskFull));

        let m = Error::file(
            "/daten/x.csv",
            io::Error::from(io::ErrorKind::PermissionDenied),
        )
        .user_message();
        assert!(
            m.contains("/daten/x.csv") && m.contains("schreibgeschützt"),
            "{m}"
        );
        set_thread_language(Lang::En);
        let m = Error::file("/data/x.csv", io::Error::other("boom")).user_message();
        assert!(m.contains("/data/x.csv") && !m.contains("boom"), "{m}");
    }

    #[test]
    fn a_full_database_says_so_without_sqlite_text() {
        set_thread_language(Lang::De);
        let conn = rusqlite::Connection::open_in_memory().expect("open");
        conn.execute_batch("PRAGMA max_page_count = 3; CREATE TABLE t(x BLOB);")
            .expect("schema");
        let full = (0..100)
            .map(|_| conn.execute("INSERT INTO t VALUES (zeroblob(2000))", []))
            .find_map(|r| r.err())
            .expect("the database filled up");
        let e = Error::from(full);
        assert!(
            matches!(
                e,
                Error::DatabaseFile {
                    problem: FileProblem::DiskFull,
                    ..
                }
            ),
            "{e:?}"
        );
        let m = e.user_message();
        assert!(m.contains("kein Platz mehr frei"), "{m}");
        assert!(!m.contains("database or disk is full"), "{m}");
        assert!(e.to_string().contains("database or disk is full"), "{e}");
    }

    #[test]
    fn a_read_only_database_says_so() {
        set_thread_language(Lang::De);
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ro.sqlite");
        rusqlite::Connection::open(&path)
            .expect("open")
            .execute_batch("CREATE TABLE t(x)")
            .expect("schema");
        let ro = rusqlite::Connection::open_with_flags(
            &path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .expect("open read-only");
        let err = ro.execute("INSERT INTO t VALUES (1)", []).unwrap_err();
        let e = Error::from(err);
        assert_eq!(e.file_problem(), Some(FileProblem::ReadOnly), "{e:?}");
        assert!(e.user_message().contains("schreibgeschützt"));
    }

    #[test]
    fn any_other_database_error_has_a_plain_sentence() {
        set_thread_language(Lang::De);
        let conn = rusqlite::Connection::open_in_memory().expect("open");
        let err = conn
            .execute("INSERT INTO missing VALUES (1)", [])
            .unwrap_err();
        let e = Error::from(err);
        assert!(matches!(e, Error::Database(_)), "{e:?}");
        let m = e.user_message();
        assert!(
            !m.contains("missing") && !m.contains("no such table"),
            "{m}"
        );
    }

    #[test]
    fn a_stopped_batch_says_how_far_it_came() {
        set_thread_language(Lang::De);
        let e = Error::PartlyPrinted {
            written: 12,
            total: 40,
            folder: PathBuf::from("/daten/Urkunden"),
            failed: PathBuf::from("/daten/Urkunden/K-0013_Weiß.pdf"),
            cause: Box::new(Error::file(
                "/daten/Urkunden/K-0013_Weiß.pdf",
                io::Error::from_raw_os_error(28),
            )),
        };
        assert_eq!(
            e.user_message(),
            "12 von 40 Urkunden wurden in /daten/Urkunden geschrieben; K-0013_Weiß.pdf \
             konnte nicht geschrieben werden: Auf dem Datenträger ist kein Platz mehr frei. \
             Schaffen Sie Platz und versuchen Sie es noch einmal."
        );
        assert_eq!(e.file_problem(), Some(FileProblem::DiskFull));
        // The log line names the folder, not the person in the file name.
        let log = e.to_string();
        assert!(
            log.contains("/daten/Urkunden") && !log.contains("Weiß"),
            "{log}"
        );
        set_thread_language(Lang::En);
        let one = Error::PartlyPrinted {
            written: 1,
            total: 2,
            folder: PathBuf::from("out"),
            failed: PathBuf::from("out/b.pdf"),
            cause: Box::new(Error::file("out/b.pdf", io::Error::other("x"))),
        };
        assert!(
            one.user_message()
                .starts_with("1 of 2 certificates was written to out; b.pdf could not"),
            "{}",
            one.user_message()
        );
    }

    #[test]
    fn log_paths_leave_out_file_names() {
        assert_eq!(
            log_path(std::path::Path::new("/a/b/K-1_Müller.pdf")),
            "/a/b/….pdf"
        );
        assert_eq!(log_path(std::path::Path::new("<stdout>")), "<stdout>");
    }
}
