//! The operations a user performs. Each is one transaction with its audit entry,
//! used by both the desktop app and the command line.

pub mod attendance;
pub mod audit;
pub mod backup;
pub mod certificates;
pub mod check;
pub mod demo;
pub mod departments;
pub mod eligibility;
pub mod employees;
pub mod import_attendance;
pub mod import_employees;
pub mod live;
pub mod privacy;
pub mod programs;
pub mod reports;
pub mod retention;
pub mod seminars;
pub mod sessions;
pub mod settings;

// What a front end that keeps the database open asks of it, besides the operations.

use crate::store::Store;

/// The day the store's clock says it is (fixed in tests): what "today" means for
/// eligibility, expiry and leavers.
pub fn today(store: &Store) -> chrono::NaiveDate {
    store.today()
}

/// The database file, unless the database lives in memory (tests).
pub fn database_path(store: &Store) -> Option<std::path::PathBuf> {
    store.path().map(std::path::Path::to_path_buf)
}

/// What the operations since the last call changed (see [`crate::model::Changes`]), for
/// refreshing just that.
pub fn take_changes(store: &mut Store) -> crate::model::Changes {
    store.take_changes()
}

/// A number that changes when another program (the command line, a script) committed
/// to the file; cheap to ask every few seconds.
pub fn data_version(store: &Store) -> crate::error::Result<i64> {
    store.data_version()
}

/// Waits for the file's check if it still runs beside the first load (see
/// [`Store::open_checking_in_background`]); `Ok` when the file is sound.
pub fn verified(store: &mut Store) -> crate::error::Result<()> {
    store.verified()
}
