//! Newtype ids, so that an `EmployeeId` cannot be passed where a `SessionId` is meant.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($($name:ident),* $(,)?) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    )*};
}

id_type!(
    DepartmentId,
    EmployeeId,
    SeminarId,
    SessionId,
    AttendanceId,
    ProgramId,
    RequirementId,
    CertificateId,
    WaitlistId,
);
