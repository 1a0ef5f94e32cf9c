//! *Datenbank prüfen* and `lotse check [--repair]`: SQLite's checks, Lotse's invariants,
//! and the repairs that are safe, after a backup.

use std::path::PathBuf;

use crate::error::Result;
use crate::i18n::{Arg, t, ta};
use crate::service::Database;
use crate::store::{BackupReason, Read};
pub use crate::store::{CheckFinding, CheckReport};

/// Everything a check found: the store's findings and every certificate whose stored
/// fields no longer give its verification code.
pub fn check(db: &Database) -> Result<CheckReport> {
    let store = db.store();
    let mut report = store.check()?;
    let secret = super::certificates::secret(db)?;
    for cert in store.certificates()? {
        if !super::certificates::is_intact(&cert, secret.as_deref()) {
            report.findings.push(CheckFinding::CertificateAltered {
                serial: cert.serial.clone(),
            });
        }
    }
    Ok(report)
}

/// What a repair did.
#[derive(Debug, Clone, PartialEq)]
pub struct Repaired {
    /// The backup taken before anything was changed.
    pub backup: Option<PathBuf>,
    /// The findings that were repaired.
    pub repaired: Vec<CheckFinding>,
    /// What a check finds afterwards (what could not be repaired).
    pub remaining: CheckReport,
}

/// Checks, and if anything is repairable: backs the database up, repairs in one
/// transaction, and checks again.
pub fn repair(db: &mut Database) -> Result<Repaired> {
    let before = check(db)?;
    if !before.findings.iter().any(CheckFinding::repairable) {
        return Ok(Repaired {
            backup: None,
            repaired: Vec::new(),
            remaining: before,
        });
    }
    let backup = match db.path() {
        Some(_) => {
            Some(super::backup::take_of(db, BackupReason::BeforeRepair, &mut |_| true)?.path)
        }
        None => None,
    };
    let repaired = db.store_mut().repair(&before)?;
    log::info!("repair: {} findings repaired", repaired.len());
    let remaining = check(db)?;
    Ok(Repaired {
        backup,
        repaired,
        remaining,
    })
}

/// The finding as a sentence in the user's language.
pub fn describe(finding: &CheckFinding) -> String {
    match finding {
        // SQLite's own words stay in the log; the user gets one sentence.
        CheckFinding::Integrity(detail) => {
            log::warn!("integrity: {detail}");
            t("check-integrity")
        }
        CheckFinding::Orphan {
            table,
            rowid,
            parent,
        } => ta(
            "check-orphan",
            &[
                ("table", Arg::from(table_label(table))),
                ("row", Arg::from(*rowid)),
                ("parent", Arg::from(table_label(parent))),
            ],
        ),
        CheckFinding::SerialGap {
            program,
            year,
            missing,
        } => ta(
            "check-serial-gap",
            &[
                ("program", Arg::from(program.as_str())),
                ("year", Arg::from(i64::from(*year))),
                (
                    "numbers",
                    Arg::from(
                        missing
                            .iter()
                            .map(u32::to_string)
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                ),
            ],
        ),
        CheckFinding::CertificateAltered { serial } => ta(
            "check-certificate-altered",
            &[("serial", Arg::from(serial.as_str()))],
        ),
        CheckFinding::SupersededMismatch { serial } => ta(
            "check-superseded-mismatch",
            &[("serial", Arg::from(serial.as_str()))],
        ),
        CheckFinding::DepartmentCycle { code } => ta(
            "check-department-cycle",
            &[("code", Arg::from(code.as_str()))],
        ),
    }
}

/// A table's name as users know it.
fn table_label(table: &str) -> String {
    let key = format!("check-table-{}", table.replace('_', "-"));
    let text = t(&key);
    if text == key { table.to_owned() } else { text }
}
