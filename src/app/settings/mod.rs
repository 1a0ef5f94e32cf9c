//! Settings and safety: the Settings screen ([`screen`]: general, certificates, backups),
//! the signing keys' section (`signing`), the audit log and the retention of leavers, each with its commands on the worker.

pub(crate) mod audit;
pub(crate) mod backup;
pub(crate) mod retention;
pub(crate) mod screen;
pub(crate) mod signing;
pub(crate) mod worker_audit;
pub(crate) mod worker_backup;
pub(crate) mod worker_retention;
