//! Issued certificates.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::{CertificateId, EmployeeId, ProgramId};

/// An issued award. Its printed fields are frozen in `snapshot` (JSON); the columns
/// beside it are what lists, searches and rules need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Certificate {
    pub id: CertificateId,
    /// "DL-2026-0007": prefix, year of issue, number within program and year.
    pub serial: String,
    pub program_id: ProgramId,
    pub employee_id: EmployeeId,
    pub serial_year: i32,
    pub serial_number: u32,
    pub issued_on: NaiveDate,
    pub valid_until: Option<NaiveDate>,
    pub signatory_name: String,
    pub signatory_title: String,
    /// The verification code, 12 characters without ambiguous letters.
    pub code: String,
    /// Every printed field, as JSON.
    pub snapshot: String,
    pub logo_asset_id: Option<i64>,
    pub revoked_on: Option<NaiveDate>,
    pub revocation_reason: Option<String>,
    /// The correction that replaced this certificate.
    pub superseded_by: Option<CertificateId>,
    /// The day the correction was made, when superseded.
    pub superseded_on: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
    /// The signed payload its QR code holds (`LOTSE1.…`, see
    /// `crate::certificate::signed`); `None` for certificates issued before signing and
    /// once the holder was erased.
    #[serde(default)]
    pub signed_payload: Option<String>,
}

impl Certificate {
    /// What the eligibility and expiry rules need.
    pub fn facts(&self) -> crate::rules::CertificateFacts {
        crate::rules::CertificateFacts {
            program_id: self.program_id,
            issued_on: self.issued_on,
            valid_until: self.valid_until,
            revoked_on: self.revoked_on,
            superseded_on: self.superseded_on,
        }
    }

    /// The status on `as_of`.
    pub fn status(&self, as_of: NaiveDate) -> crate::rules::CertificateStatus {
        crate::rules::certificate_status(&self.facts(), as_of)
    }
}

/// Formats a serial number: `DL-2026-0007`.
pub fn format_serial(prefix: &str, year: i32, number: u32) -> String {
    format!("{prefix}-{year}-{number:04}")
}
