//! Where one employee stands with one program on a day: the certificate part and the
//! requirement part, shared by the coverage report and the training matrix.

use chrono::NaiveDate;
use serde::Serialize;

use super::Tone;
use crate::i18n::{Arg, fmt_date, t, ta};
use crate::model::{Employee, Program, TrainingRecord};
use crate::rules::{
    AttendanceFacts, CertificateFacts, CertificateStatus, certificate_status,
    eligibility_from_facts,
};

/// The certificate part of a standing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum CertificateState {
    /// No valid certificate, and the latest one (if any) has not expired: never
    /// certified, or the latest was revoked.
    None,
    /// A valid certificate for more than 90 days (`until` = `None`: no expiry).
    Valid { until: Option<NaiveDate> },
    /// Valid, but for at most 90 more days (the last day included).
    Expiring { until: NaiveDate },
    /// No valid certificate, and the latest one expired on `until`.
    Expired { until: NaiveDate },
}

/// Where one employee stands with one program on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct ProgramStanding {
    pub certificate: CertificateState,
    /// Requirements met on the day, of `total`.
    pub met: u16,
    pub total: u16,
    /// Every requirement met (and still employed).
    pub eligible: bool,
}

impl ProgramStanding {
    /// Holds a valid certificate (expiring ones included).
    pub fn is_valid(&self) -> bool {
        matches!(
            self.certificate,
            CertificateState::Valid { .. } | CertificateState::Expiring { .. }
        )
    }

    pub fn is_expiring(&self) -> bool {
        matches!(self.certificate, CertificateState::Expiring { .. })
    }

    pub fn is_expired(&self) -> bool {
        matches!(self.certificate, CertificateState::Expired { .. })
    }

    /// No valid certificate, and at least one requirement met.
    pub fn in_progress(&self) -> bool {
        !self.is_valid() && self.met > 0
    }

    /// No valid certificate, and every requirement met: a certificate can be issued.
    pub fn is_due(&self) -> bool {
        !self.is_valid() && self.eligible
    }

    /// The colour role of a matrix cell.
    pub fn tone(&self) -> Tone {
        match self.certificate {
            CertificateState::Valid { .. } => Tone::Good,
            CertificateState::Expiring { .. } => Tone::Warning,
            CertificateState::Expired { .. } => Tone::Bad,
            CertificateState::None if self.met > 0 => Tone::Progress,
            CertificateState::None => Tone::Neutral,
        }
    }

    /// The short text of a matrix cell, in the current language: "gültig bis 21.11.2027",
    /// "läuft ab am …", "abgelaufen am …", "in Arbeit 3/4", "berechtigt (4/4)", "–".
    pub fn label(&self) -> String {
        match self.certificate {
            CertificateState::Valid { until: Some(d) } => ta(
                "report-state-valid-until",
                &[("date", Arg::from(fmt_date(d)))],
            ),
            CertificateState::Valid { until: None } => t("report-state-valid"),
            CertificateState::Expiring { until } => ta(
                "report-state-expiring",
                &[("date", Arg::from(fmt_date(until)))],
            ),
            CertificateState::Expired { until } if self.eligible => ta(
                "report-state-expired-eligible",
                &[("date", Arg::from(fmt_date(until)))],
            ),
            CertificateState::Expired { until } => ta(
                "report-state-expired",
                &[("date", Arg::from(fmt_date(until)))],
            ),
            CertificateState::None if self.met > 0 => ta(
                if self.eligible {
                    "report-state-eligible"
                } else {
                    "report-state-in-progress"
                },
                &[
                    ("met", Arg::from(u32::from(self.met))),
                    ("total", Arg::from(u32::from(self.total))),
                ],
            ),
            CertificateState::None => t("report-state-none"),
        }
    }

    /// The text a screen reader says for the cell: the label, or for an empty cell
    /// "kein Zertifikat, keine Anforderung erfüllt".
    pub fn spoken(&self) -> String {
        match self.certificate {
            CertificateState::None if self.met == 0 => t("report-state-none-long"),
            _ => self.label(),
        }
    }
}

/// The standing of `employee` in `program` on `as_of`, from their own attendance
/// `records` and `certificates`.
///
/// The certificate part: the valid certificate that lasts longest decides between valid
/// and expiring; without a valid one, the latest issued (a correction stands for the
/// certificate it replaced) decides whether the person counts as expired. Revoked and
/// superseded certificates are not valid from their day on.
pub fn program_standing(
    program: &Program,
    employee: &Employee,
    records: &[TrainingRecord],
    certificates: &[CertificateFacts],
    as_of: NaiveDate,
) -> ProgramStanding {
    let facts = AttendanceFacts::from_records(program, records, as_of);
    program_standing_from_facts(program, employee, &facts, certificates, as_of)
}

/// The standing of `employee` in `program` on `as_of`, from the [`AttendanceFacts`] of
/// that program and day (aggregated by the database, or built from records) and the
/// employee's `certificates`; as [`program_standing`].
pub fn program_standing_from_facts(
    program: &Program,
    employee: &Employee,
    attendance: &AttendanceFacts,
    certificates: &[CertificateFacts],
    as_of: NaiveDate,
) -> ProgramStanding {
    let mut best_valid: Option<(CertificateStatus, Option<NaiveDate>)> = None;
    let mut latest: Option<(NaiveDate, Option<NaiveDate>, CertificateStatus)> = None;
    for c in certificates.iter().filter(|c| c.program_id == program.id) {
        let status = certificate_status(c, as_of);
        match status {
            CertificateStatus::NotYetIssued | CertificateStatus::Superseded => continue,
            CertificateStatus::Valid | CertificateStatus::Expiring => {
                let better = best_valid.is_none_or(|(_, until)| {
                    c.valid_until.unwrap_or(NaiveDate::MAX) > until.unwrap_or(NaiveDate::MAX)
                });
                if better {
                    best_valid = Some((status, c.valid_until));
                }
            }
            CertificateStatus::Expired | CertificateStatus::Revoked => {}
        }
        let key = (c.issued_on, c.valid_until.unwrap_or(NaiveDate::MAX));
        let newer =
            latest.is_none_or(|(issued, until, _)| key > (issued, until.unwrap_or(NaiveDate::MAX)));
        if newer {
            latest = Some((c.issued_on, c.valid_until, status));
        }
    }
    let certificate = match (best_valid, latest) {
        (Some((CertificateStatus::Expiring, Some(until))), _) => {
            CertificateState::Expiring { until }
        }
        (Some((_, until)), _) => CertificateState::Valid { until },
        (None, Some((_, Some(until), CertificateStatus::Expired))) => {
            CertificateState::Expired { until }
        }
        _ => CertificateState::None,
    };
    let state = eligibility_from_facts(program, employee, attendance, certificates, as_of);
    let clamp = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    ProgramStanding {
        certificate,
        met: clamp(state.met_count()),
        total: clamp(state.requirements.len()),
        eligible: state.eligible,
    }
}
