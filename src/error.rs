//! One error type for the whole crate, with messages a user can act on.

use std::path::PathBuf;

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
    #[error("database error: {0}")]
    Database(rusqlite::Error),
    #[error("file error ({}): {source}", path.display())]
    File {
        path: PathBuf,
        source: std::io::Error,
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

    /// What happened and what to do, in the current language.
    pub fn user_message(&self) -> String {
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
            Error::Corrupt(_) => t("error-corrupt"),
            Error::Database(e) => ta("error-database", &[("detail", Arg::from(e.to_string()))]),
            Error::File { path, source } => ta(
                "error-file",
                &[
                    ("path", Arg::from(path.display().to_string())),
                    ("detail", Arg::from(source.to_string())),
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
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Busy,
            Some(ErrorCode::DatabaseCorrupt) => Error::Corrupt(e.to_string()),
            Some(ErrorCode::NotADatabase) => Error::Corrupt(e.to_string()),
            _ => Error::Database(e),
        }
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
