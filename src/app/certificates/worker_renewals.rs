//! Renewals on the worker thread: the commands the *Verlängerungen* screen and its
//! settings section send, and what they answer.

use std::path::PathBuf;
use std::sync::Arc;

use crate::app::worker::Outcome;
use crate::error::Result;
use crate::i18n::Lang;
use crate::model::CertificateId;
use crate::rules::Thresholds;
use crate::service::Database;
use crate::service::renewals::{self, DraftsWritten, RenewalFilter, Renewals};
use crate::service::settings;

/// What the renewals screen and its settings section ask the worker to do.
pub(crate) enum RenewalsCommand {
    /// The renewals on today (the window from the settings).
    Load(RenewalFilter),
    /// One draft per certificate of `selection` (rows of `renewals`) into `dir`.
    WriteDrafts {
        renewals: Arc<Renewals>,
        selection: Vec<CertificateId>,
        dir: PathBuf,
        lang: Lang,
    },
    /// The reminder thresholds stored.
    Thresholds,
    SaveThresholds(Thresholds),
}

pub(crate) enum RenewalsOutcome {
    Loaded(Arc<Renewals>),
    Drafts(DraftsWritten),
    Thresholds(Thresholds),
    Saved,
}

/// Runs `command` on the worker's `database`.
pub(crate) fn run(database: &mut Database, command: RenewalsCommand) -> Result<Outcome> {
    let outcome = match command {
        RenewalsCommand::Load(filter) => {
            RenewalsOutcome::Loaded(Arc::new(renewals::list(database, &filter)?))
        }
        RenewalsCommand::WriteDrafts {
            renewals: list,
            selection,
            dir,
            lang,
        } => {
            let rows: Vec<_> = list
                .rows
                .iter()
                .filter(|r| selection.contains(&r.certificate))
                .collect();
            RenewalsOutcome::Drafts(renewals::write_drafts(database, &list, &rows, &dir, lang)?)
        }
        RenewalsCommand::Thresholds => {
            RenewalsOutcome::Thresholds(settings::renewal_thresholds(database)?)
        }
        RenewalsCommand::SaveThresholds(thresholds) => {
            settings::set_renewal_thresholds(database, thresholds)?;
            RenewalsOutcome::Saved
        }
    };
    Ok(Outcome::Renewals(outcome))
}
