//! Backups, restore, check and repair on the worker thread: the commands the
//! *Datensicherung* section of the settings sends, and what they answer.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

use crate::app::worker::{Event, Outcome, Ticket};
use crate::error::Result;
use crate::service::Database;
use crate::service::backup::{self, BackupDone, BackupReason, Restored, Thinning};
use crate::service::check;

/// What the data-safety section asks the worker to do.
pub(crate) enum BackupCommand {
    /// The backups beside the database, the thinning policy and where the file lies.
    Overview,
    /// A backup into the backups folder (`reason`: by hand, or on closing); `cancel`
    /// stops it (nothing is written then).
    Take {
        reason: BackupReason,
        cancel: Arc<AtomicBool>,
    },
    /// Replace the database by this backup (the current state is backed up first).
    Restore(PathBuf),
    /// SQLite's checks and Lotse's invariants.
    Check,
    /// Repair what is safe, after a backup.
    Repair,
    SaveThinning(Thinning),
}

pub(crate) use crate::service::backup::Overview;

/// A check's findings as sentences, and whether a repair would fix some of them.
#[derive(Debug, Clone)]
pub(crate) struct CheckResult {
    pub findings: Vec<String>,
    pub repairable: bool,
    /// After a repair: what was repaired, and the backup taken first.
    pub repaired: Vec<String>,
    pub backup: Option<PathBuf>,
}

pub(crate) enum BackupOutcome {
    Overview(Box<Overview>),
    Taken(Option<BackupDone>),
    Restored(Restored),
    Checked(CheckResult),
    Saved,
}

/// Runs `command` on the worker's `database`; long commands report progress for `ticket`.
pub(crate) fn run(
    database: &mut Database,
    command: BackupCommand,
    ticket: Ticket,
    events: &Sender<Event>,
    ctx: &egui::Context,
) -> Result<Outcome> {
    let mut last_sent = -1.0_f32;
    let mut report = |fraction: f32| {
        if fraction - last_sent >= 0.01 || fraction >= 1.0 {
            last_sent = fraction;
            let _ = events.send(Event::Progress(ticket, fraction));
            ctx.request_repaint();
        }
    };
    let outcome = match command {
        BackupCommand::Overview => BackupOutcome::Overview(Box::new(backup::overview(database)?)),
        BackupCommand::Take { reason, cancel } => {
            let done = backup::take_of(database, reason, &mut |p| {
                report(p);
                !cancel.load(Ordering::Relaxed)
            })?;
            BackupOutcome::Taken(Some(done))
        }
        BackupCommand::Restore(file) => {
            let restored = backup::restore(database, &file, &mut |p| {
                report(p);
                true
            })?;
            BackupOutcome::Restored(restored)
        }
        BackupCommand::Check => {
            let report = check::check(database)?;
            BackupOutcome::Checked(CheckResult {
                repairable: report.findings.iter().any(|f| f.repairable()),
                findings: sentences(&report.findings),
                repaired: Vec::new(),
                backup: None,
            })
        }
        BackupCommand::Repair => {
            let repaired = check::repair(database)?;
            BackupOutcome::Checked(CheckResult {
                repairable: false,
                findings: sentences(&repaired.remaining.findings),
                repaired: sentences(&repaired.repaired),
                backup: repaired.backup,
            })
        }
        BackupCommand::SaveThinning(thinning) => {
            thinning.save(database)?;
            BackupOutcome::Saved
        }
    };
    Ok(Outcome::Backup(outcome))
}

/// Findings as sentences, each once.
fn sentences(findings: &[check::CheckFinding]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in findings {
        let s = check::describe(f);
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}
