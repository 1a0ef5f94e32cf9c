//! Eligibility and expiry: pure functions over model types, no I/O.
//!
//! Eligibility is computed, never stored: a function of the program, the employee's
//! attendance and certificates, and the date it is asked for.

mod eligibility;
mod expiry;

pub use eligibility::{
    Eligibility, Progress, RequirementProgress, eligibility, qualifying_records,
};
pub use expiry::{CertificateFacts, CertificateStatus, EXPIRING_DAYS, certificate_status};
