use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::ProgramId;

/// "Expiring" means valid for at most this many more days.
pub const EXPIRING_DAYS: i64 = 90;

/// What the rules need to know of an issued certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CertificateFacts {
    pub program_id: ProgramId,
    pub issued_on: NaiveDate,
    /// The last day it is valid; `None` = no expiry.
    pub valid_until: Option<NaiveDate>,
    pub revoked_on: Option<NaiveDate>,
    /// The day a correction replaced it.
    pub superseded_on: Option<NaiveDate>,
}

/// Where a certificate stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CertificateStatus {
    /// Valid for more than [`EXPIRING_DAYS`] days, or without expiry.
    Valid,
    /// Valid, but for at most [`EXPIRING_DAYS`] more days.
    Expiring,
    Expired,
    Revoked,
    Superseded,
    /// Issued after the day asked about.
    NotYetIssued,
}

impl CertificateStatus {
    /// Valid on the day (expiring ones included).
    pub fn is_valid(self) -> bool {
        matches!(self, CertificateStatus::Valid | CertificateStatus::Expiring)
    }

    /// The code scripts see: `valid`, `expiring`, `expired`, `revoked`, `superseded`, `notyetissued`.
    pub fn code(self) -> &'static str {
        match self {
            CertificateStatus::Valid => "valid",
            CertificateStatus::Expiring => "expiring",
            CertificateStatus::Expired => "expired",
            CertificateStatus::Revoked => "revoked",
            CertificateStatus::Superseded => "superseded",
            CertificateStatus::NotYetIssued => "not_yet_issued",
        }
    }
}

/// The status of a certificate on `as_of`. A revocation or correction counts from its
/// day on, so a report "as of" an earlier day sees the certificate as it was then.
/// A certificate is valid through its `valid_until` day.
pub fn certificate_status(cert: &CertificateFacts, as_of: NaiveDate) -> CertificateStatus {
    if cert.issued_on > as_of {
        return CertificateStatus::NotYetIssued;
    }
    if cert.revoked_on.is_some_and(|d| d <= as_of) {
        return CertificateStatus::Revoked;
    }
    if cert.superseded_on.is_some_and(|d| d <= as_of) {
        return CertificateStatus::Superseded;
    }
    match cert.valid_until {
        None => CertificateStatus::Valid,
        Some(until) if until < as_of => CertificateStatus::Expired,
        Some(until) if (until - as_of).num_days() <= EXPIRING_DAYS => CertificateStatus::Expiring,
        Some(_) => CertificateStatus::Valid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn cert(until: Option<&str>) -> CertificateFacts {
        CertificateFacts {
            program_id: ProgramId(1),
            issued_on: d("2024-11-21"),
            valid_until: until.map(d),
            revoked_on: None,
            superseded_on: None,
        }
    }

    #[test]
    fn status_cases() {
        use CertificateStatus::*;
        let revoked = CertificateFacts {
            revoked_on: Some(d("2026-03-01")),
            ..cert(Some("2026-11-21"))
        };
        let superseded = CertificateFacts {
            superseded_on: Some(d("2026-05-01")),
            ..cert(Some("2026-11-21"))
        };
        let cases = [
            (cert(None), "2026-11-21", Valid),
            (cert(None), "2024-11-20", NotYetIssued),
            (cert(Some("2027-11-21")), "2026-11-21", Valid),
            (cert(Some("2027-02-19")), "2026-11-21", Expiring), // exactly 90 days
            (cert(Some("2027-02-20")), "2026-11-21", Valid),    // 91 days
            (cert(Some("2026-11-21")), "2026-11-21", Expiring), // last day
            (cert(Some("2026-11-20")), "2026-11-21", Expired),
            (revoked, "2026-02-28", Valid),
            (revoked, "2026-03-01", Revoked),
            (superseded, "2026-04-30", Valid),
            (superseded, "2026-05-01", Superseded),
        ];
        for (i, (c, as_of, expected)) in cases.into_iter().enumerate() {
            assert_eq!(certificate_status(&c, d(as_of)), expected, "case {i}");
        }
    }
}
