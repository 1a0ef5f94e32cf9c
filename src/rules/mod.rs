//! Eligibility and expiry: pure functions over model types, no I/O.
//!
//! Eligibility is computed, never stored: a function of the program, the employee's
//! attendance and certificates, and the date it is asked for.

mod eligibility;
mod expiry;
mod needs;
mod renewal;

pub use eligibility::{
    AttendanceFacts, Eligibility, Progress, RequirementProgress, SeminarCompletion, eligibility,
    eligibility_from_facts, program_topics, qualifying_records, topic_matches,
};
pub use expiry::{CertificateFacts, CertificateStatus, EXPIRING_DAYS, certificate_status};
pub use needs::{
    DepartmentNeed, NeedPerson, NeedSeminar, Needs, PrerequisiteNeed, SeminarNeed, needs,
};
pub use renewal::{
    Band, CatalogueSeminar, Due, HeldCertificate, Need, OpenSession, ThresholdProblem, Thresholds,
    due_certificates, next_sessions, renewal_needs, suitable_seminars,
};
