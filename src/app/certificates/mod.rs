//! Certificates: programs and who is eligible, issuing, the Certificates screen
//! ([`screen`]), printing, verifying a code, the progress per program on the employee
//! page, the needs of a program with planning ([`needs`]), and the worker's certificate
//! commands and view model.

pub(crate) mod issue;
pub(crate) mod needs;
pub(crate) mod print;
pub(crate) mod programs;
pub(crate) mod progress;
pub(crate) mod renewals;
pub(crate) mod screen;
pub(crate) mod verify;
pub(crate) mod worker;
pub(crate) mod worker_renewals;
