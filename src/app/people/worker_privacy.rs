//! DSGVO export and erasure of one employee on the worker thread (see
//! `crate::service::privacy`): the plan for the confirmation, the erasure, the export;
//! and the plain delete of a person without records.

use std::path::PathBuf;

use crate::app::worker::Outcome;
use crate::error::Result;
use crate::i18n::Lang;
use crate::model::EmployeeId;
use crate::service::Database;
use crate::service::privacy::{self, ErasureMode, ErasurePlan, ErasureReport, ExportReport};

/// What the employee screen's privacy buttons ask the worker to do.
pub(crate) enum PrivacyCommand {
    /// What erasing in this mode will do (for the confirmation).
    Plan(EmployeeId, ErasureMode),
    Erase {
        employee: EmployeeId,
        mode: ErasureMode,
        also_backups: bool,
    },
    Export {
        employee: EmployeeId,
        dest: PathBuf,
        lang: Lang,
    },
    /// The plain delete of a person without records (entered by mistake).
    Delete(EmployeeId),
}

pub(crate) enum PrivacyOutcome {
    Plan(Box<ErasurePlan>),
    Erased(Box<ErasureReport>),
    Exported(ExportReport),
    Deleted,
}

/// Runs `command` on the worker's `database`.
pub(crate) fn run(database: &mut Database, command: PrivacyCommand) -> Result<Outcome> {
    let outcome = match command {
        PrivacyCommand::Plan(employee, mode) => {
            PrivacyOutcome::Plan(Box::new(privacy::plan_erasure(database, employee, mode)?))
        }
        PrivacyCommand::Erase {
            employee,
            mode,
            also_backups,
        } => PrivacyOutcome::Erased(Box::new(privacy::erase_with_backups(
            database,
            employee,
            mode,
            also_backups,
        )?)),
        PrivacyCommand::Export {
            employee,
            dest,
            lang,
        } => PrivacyOutcome::Exported(privacy::export(database, employee, &dest, lang)?),
        PrivacyCommand::Delete(employee) => {
            crate::service::employees::delete(database, employee)?;
            PrivacyOutcome::Deleted
        }
    };
    Ok(Outcome::Privacy(outcome))
}
