//! Training: the seminar catalogue and its sessions, a session's roster, the import of
//! participant lists, and the worker's training commands and view model.

pub(crate) mod attendance_import;
pub(crate) mod roster;
pub(crate) mod seminars;
pub(crate) mod worker;
