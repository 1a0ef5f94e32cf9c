//! `lotse privacy …`: the DSGVO export (Art. 15) and erasure (Art. 17) of one employee.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;

use super::io;
use crate::error::{Error, Result};
use crate::i18n::{self, Arg, t, ta};
use crate::model::EmployeeId;
use crate::service::Database;
use crate::service::privacy::{self, ErasureMode};
use crate::store::Read;

/// `lotse privacy …`. Each command is one variant; more may follow.
#[derive(Debug, Subcommand)]
pub enum PrivacyCommand {
    /// Everything Lotse stores about one employee as a ZIP (Art. 15 DSGVO).
    Export {
        /// The personnel number.
        personnel_number: String,
        /// The ZIP file to write.
        #[arg(short, long, value_name = "FILE.zip")]
        output: PathBuf,
    },
    /// Erase one employee (Art. 17 DSGVO): anonymise, or with --delete delete.
    /// Without --yes the plan is shown and nothing changes.
    Erase {
        /// The personnel number.
        personnel_number: String,
        /// Delete the attendance (and the record, unless certificates need it)
        /// instead of anonymising.
        #[arg(long)]
        delete: bool,
        /// Also erase the person from every backup in the backups folder.
        #[arg(long)]
        also_backups: bool,
        /// Confirm: go ahead.
        #[arg(long)]
        yes: bool,
    },
    /// Leavers past the retention period after their exit date: listed (a dry run), or
    /// with --apply anonymised or deleted as the settings say.
    Retention {
        /// Apply: erase everyone due (without it nothing changes).
        #[arg(long)]
        apply: bool,
        #[arg(long, value_enum, default_value_t)]
        format: super::Format,
    },
}

/// Runs a `lotse privacy` command.
pub fn run(db: &mut Database, command: PrivacyCommand, out: &mut impl Write) -> Result<ExitCode> {
    match command {
        PrivacyCommand::Retention { apply, format } => {
            super::retention::run(db, apply, format, out)
        }
        PrivacyCommand::Export {
            personnel_number,
            output,
        } => {
            let id = employee_id(db, &personnel_number)?;
            let report = privacy::export(db, id, &output, i18n::language())?;
            writeln!(
                out,
                "{}",
                ta(
                    "privacy-cli-exported",
                    &[
                        ("path", Arg::from(report.path.display().to_string())),
                        ("attendance", Arg::from(report.attendance)),
                        ("certificates", Arg::from(report.certificates)),
                        ("audit", Arg::from(report.audit_entries)),
                    ],
                )
            )
            .map_err(io)?;
            Ok(ExitCode::SUCCESS)
        }
        PrivacyCommand::Erase {
            personnel_number,
            delete,
            also_backups,
            yes,
        } => {
            let id = employee_id(db, &personnel_number)?;
            let mode = if delete {
                ErasureMode::Delete
            } else {
                ErasureMode::Anonymise
            };
            let plan = privacy::plan_erasure(db, id, mode)?;
            if !yes {
                for line in privacy::plan_lines(&plan) {
                    writeln!(out, "{line}").map_err(io)?;
                }
                writeln!(out, "{}", t("privacy-cli-needs-yes")).map_err(io)?;
                return Ok(ExitCode::FAILURE);
            }
            let report = privacy::erase_with_backups(db, id, mode, also_backups)?;
            for line in privacy::report_lines(&report) {
                writeln!(out, "{line}").map_err(io)?;
            }
            Ok(if report.backups_failed.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
    }
}

fn employee_id(db: &Database, number: &str) -> Result<EmployeeId> {
    let store = db.store();
    store
        .employee_by_personnel_number(number)?
        .map(|e| e.id)
        .ok_or_else(|| {
            Error::Message(ta(
                "privacy-unknown-employee",
                &[("number", Arg::from(number.trim()))],
            ))
        })
}
