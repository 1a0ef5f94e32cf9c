//! Personal data of one employee (DSGVO): the Art. 15 export ("Auskunft") and the
//! Art. 17 erasure (anonymise or delete), with the plan shown before an erasure.
//!
//! [`PERSONAL_DATA`] declares, for every table of the schema, how it names an employee;
//! `tests/privacy.rs` compares it with the schema of a fresh database, so that a table
//! or column added later cannot be forgotten by the export and the erasure.

mod erase;
mod export;

pub use erase::{
    BackupHolding, ERASED_MARKER, ERASED_NUMBER_PREFIX, ErasureMode, ErasurePlan, ErasureReport,
    ages_out, erase, erase_in_backup, erase_with_backups, holder_erased, is_placeholder,
    plan_erasure,
};
pub(crate) use erase::{erased_mac_of, redacted_intact};
pub use export::{ExportReport, export};

/// How a table names (or does not name) an employee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Names {
    /// The table's `employee` rows themselves: these columns hold the person's data.
    PersonRecord,
    /// Rows belong to one employee through an `employee_id` column.
    ByEmployeeId,
    /// Rows belong to one employee through `employee_id` and hold a snapshot JSON with the
    /// holder's name (certificates).
    SnapshotWithNames,
    /// Rows may name an employee in free text (`summary`) and by `employee_id` (audit).
    AuditText,
    /// The table does not name a person; the reason says why.
    NoPerson(&'static str),
}

/// One table of the schema and what the export and erasure do with each column.
#[derive(Debug, Clone, Copy)]
pub struct TableDecl {
    pub table: &'static str,
    pub names: Names,
    /// Every column of the table, each with what happens to it on erasure.
    pub columns: &'static [(&'static str, &'static str)],
}

/// Every table of the schema, how it names a person, and every column with its fate on
/// erasure ("kept", "cleared", "replaced", "redacted", …). Keep in step with the schema:
/// the schema-walk test fails on any table or column missing here or listed in excess.
pub const PERSONAL_DATA: &[TableDecl] = &[
    TableDecl {
        table: "employee",
        names: Names::PersonRecord,
        columns: &[
            ("id", "kept (placeholder row) or deleted"),
            ("personnel_number", "replaced by a random token"),
            ("first_name", "replaced by the erasure marker"),
            ("last_name", "replaced by the erasure marker"),
            ("salutation", "set to neutral"),
            ("email", "cleared"),
            (
                "department_id",
                "kept: past years' reports count by department",
            ),
            ("job_title", "cleared"),
            ("entry_date", "kept: past years' coverage"),
            ("exit_date", "kept: past years' coverage"),
            ("erased_at", "set to the moment of erasure"),
            ("version", "counts on: the erasure is a change"),
        ],
    },
    TableDecl {
        table: "attendance",
        names: Names::ByEmployeeId,
        columns: &[
            ("id", "kept (anonymise) or deleted"),
            ("session_id", "kept"),
            ("employee_id", "kept: now the anonymous placeholder"),
            ("status", "kept: past years' reports"),
            ("hours", "kept: past years' reports"),
            ("note", "cleared: free text"),
        ],
    },
    TableDecl {
        table: "waitlist",
        names: Names::ByEmployeeId,
        columns: &[
            ("id", "deleted"),
            ("session_id", "deleted with the row"),
            ("employee_id", "deleted with the row: a wish, not a record"),
            ("added_at", "deleted with the row"),
        ],
    },
    TableDecl {
        table: "certificate",
        names: Names::SnapshotWithNames,
        columns: &[
            ("id", "kept: serials stay gapless"),
            ("serial", "kept"),
            ("program_id", "kept"),
            ("employee_id", "kept: now the anonymous placeholder"),
            ("serial_year", "kept"),
            ("serial_number", "kept"),
            ("issued_on", "kept"),
            ("valid_until", "kept"),
            ("signatory_name", "kept: the signatory, not the holder"),
            ("signatory_title", "kept"),
            ("code", "kept: the printed code still verifies"),
            (
                "snapshot",
                "redacted: names removed, holder_erased marker, new MAC",
            ),
            ("logo_asset_id", "kept"),
            ("revoked_on", "kept"),
            (
                "revocation_reason",
                "kept (free text written about the certificate)",
            ),
            ("superseded_by", "kept"),
            ("created_at", "kept"),
            ("holder_erased_at", "set to the moment of erasure"),
            (
                "signed_payload",
                "cleared: the signed QR text names the holder",
            ),
        ],
    },
    TableDecl {
        table: "audit",
        names: Names::AuditText,
        columns: &[
            ("id", "kept"),
            ("at", "kept"),
            (
                "actor",
                "kept: the user who made the change, not the person",
            ),
            ("entity", "kept"),
            ("entity_id", "kept"),
            ("action", "kept"),
            ("summary", "rewritten without identifying data"),
            (
                "employee_id",
                "kept: points at the placeholder (or at nothing)",
            ),
        ],
    },
    TableDecl {
        table: "department",
        names: Names::NoPerson("organisational units: code, name, parent"),
        columns: &[
            ("id", ""),
            ("code", ""),
            ("name", ""),
            ("parent_id", ""),
            ("active", ""),
            ("version", ""),
        ],
    },
    TableDecl {
        table: "seminar",
        names: Names::NoPerson("the course catalogue"),
        columns: &[
            ("id", ""),
            ("code", ""),
            ("title", ""),
            ("description", ""),
            ("provider", ""),
            ("format", ""),
            ("default_hours", ""),
            ("topic", ""),
            ("archived", ""),
            ("version", ""),
        ],
    },
    TableDecl {
        table: "session",
        names: Names::NoPerson(
            "dates and places of seminars; `trainer` names the trainer in their role, \
             not an employee whose training is recorded",
        ),
        columns: &[
            ("id", ""),
            ("seminar_id", ""),
            ("starts_at", ""),
            ("ends_at", ""),
            ("location", ""),
            ("trainer", ""),
            ("capacity", ""),
            ("version", ""),
        ],
    },
    TableDecl {
        table: "program",
        names: Names::NoPerson("certification programs and their titles"),
        columns: &[
            ("id", ""),
            ("code", ""),
            ("serial_prefix", ""),
            ("title_de_male", ""),
            ("title_de_female", ""),
            ("title_de_neutral", ""),
            ("title_en", ""),
            ("description", ""),
            ("validity_months", ""),
            ("allow_partial", ""),
            ("archived", ""),
            ("version", ""),
        ],
    },
    TableDecl {
        table: "requirement",
        names: Names::NoPerson("what a program requires"),
        columns: &[
            ("id", ""),
            ("program_id", ""),
            ("position", ""),
            ("kind", ""),
            ("seminar_id", ""),
            ("min_count", ""),
            ("topic", ""),
            ("min_hours", ""),
            ("prerequisite_id", ""),
        ],
    },
    TableDecl {
        table: "requirement_seminar",
        names: Names::NoPerson("which seminars count for a requirement"),
        columns: &[("requirement_id", ""), ("seminar_id", "")],
    },
    TableDecl {
        table: "asset",
        names: Names::NoPerson("logos printed on certificates"),
        columns: &[("id", ""), ("sha256", ""), ("mime", ""), ("bytes", "")],
    },
    TableDecl {
        table: "setting",
        names: Names::NoPerson(
            "organisation-wide settings (organisation, signatory, organizer address of invitations, secret, backup schedule)",
        ),
        columns: &[("key", ""), ("value", "")],
    },
    TableDecl {
        table: "signing_key",
        names: Names::NoPerson(
            "the Ed25519 keys that sign certificates; never part of a privacy export",
        ),
        columns: &[
            ("id", ""),
            ("key_id", ""),
            ("public_key", ""),
            ("private_key", ""),
            ("created_at", ""),
            ("retired_at", ""),
            ("active", ""),
        ],
    },
];

/// The declaration of `table`, if any.
pub fn declaration(table: &str) -> Option<&'static TableDecl> {
    PERSONAL_DATA.iter().find(|d| d.table == table)
}

/// The plan in sentences, in the current language, for the confirmation (CLI and app).
pub fn plan_lines(plan: &ErasurePlan) -> Vec<String> {
    use crate::i18n::{Arg, fmt_datetime, t, ta};
    let mut lines = vec![ta(
        "privacy-plan-heading",
        &[
            ("name", Arg::from(&plan.display_name)),
            ("number", Arg::from(&plan.personnel_number)),
        ],
    )];
    if plan.already_erased {
        lines.push(t("privacy-plan-already-erased"));
    }
    lines.push(t(match plan.mode {
        ErasureMode::Anonymise => "privacy-plan-mode-anonymise",
        ErasureMode::Delete => "privacy-plan-mode-delete",
    }));
    lines.push(match plan.mode {
        ErasureMode::Anonymise => ta(
            "privacy-plan-attendance-keep",
            &[
                ("count", Arg::from(plan.attendance)),
                ("notes", Arg::from(plan.notes)),
            ],
        ),
        ErasureMode::Delete => ta(
            "privacy-plan-attendance-delete",
            &[("count", Arg::from(plan.attendance))],
        ),
    });
    if plan.waitlist > 0 {
        lines.push(ta(
            "privacy-plan-waitlist",
            &[("count", Arg::from(plan.waitlist))],
        ));
    }
    lines.push(ta(
        "privacy-plan-certificates",
        &[("count", Arg::from(plan.certificates))],
    ));
    lines.push(ta(
        "privacy-plan-audit",
        &[("count", Arg::from(plan.audit_entries))],
    ));
    lines.push(t(if plan.keeps_placeholder {
        "privacy-plan-placeholder"
    } else {
        "privacy-plan-row-deleted"
    }));
    if plan.backups.is_empty() {
        lines.push(t("privacy-plan-no-backups"));
    } else {
        lines.push(ta(
            "privacy-plan-backups",
            &[("count", Arg::from(plan.backups.len()))],
        ));
        for b in &plan.backups {
            let file = b
                .path
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            lines.push(match b.ages_out {
                Some(until) => ta(
                    "privacy-plan-backup-line",
                    &[
                        ("file", Arg::from(file)),
                        ("until", Arg::from(fmt_datetime(until))),
                    ],
                ),
                None => ta(
                    "privacy-plan-backup-line-kept",
                    &[("file", Arg::from(file))],
                ),
            });
        }
    }
    lines
}

/// What an erasure did, in sentences in the current language.
pub fn report_lines(report: &ErasureReport) -> Vec<String> {
    use crate::i18n::{Arg, t, ta};
    let mut lines = vec![ta(
        "privacy-erased",
        &[
            ("mode", Arg::from(t(mode_key(report.mode)))),
            ("attendance", Arg::from(report.attendance)),
            ("certificates", Arg::from(report.certificates)),
            ("audit", Arg::from(report.audit_entries)),
        ],
    )];
    if !report.backups_erased.is_empty() {
        lines.push(ta(
            "privacy-erased-backups",
            &[("count", Arg::from(report.backups_erased.len()))],
        ));
    }
    for (path, reason) in &report.backups_failed {
        lines.push(ta(
            "privacy-erased-backup-failed",
            &[
                ("file", Arg::from(path.display().to_string())),
                ("reason", Arg::from(reason)),
            ],
        ));
    }
    if report.wal_busy {
        lines.push(t("privacy-wal-busy"));
    }
    lines
}

/// The label key of a mode ("anonymisieren" / "löschen").
pub fn mode_key(mode: ErasureMode) -> &'static str {
    match mode {
        ErasureMode::Anonymise => "privacy-mode-anonymise",
        ErasureMode::Delete => "privacy-mode-delete",
    }
}
