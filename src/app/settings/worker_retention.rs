//! The retention of leavers on the worker thread: the commands the *Aufbewahrung* screen,
//! its settings section and the dashboard's reminder send, and what they answer.

use crate::app::worker::Outcome;
use crate::error::Result;
use crate::service::Database;
use crate::service::retention::{self, Due, RetentionPolicy, RetentionReport};

/// What the retention screen, section and reminder ask the worker to do.
pub(crate) enum RetentionCommand {
    /// The policy and who is due today.
    Load,
    /// How many are due today (cheap; for the dashboard).
    Count,
    SavePolicy(RetentionPolicy),
    /// Erase everyone due today as the policy says.
    Apply,
}

/// The policy and who is due under it.
#[derive(Debug, Clone)]
pub(crate) struct RetentionView {
    pub policy: RetentionPolicy,
    pub due: Vec<Due>,
}

pub(crate) enum RetentionOutcome {
    Loaded(Box<RetentionView>),
    Count(usize),
    Saved,
    Applied(RetentionReport),
}

/// Runs `command` on the worker's `database`.
pub(crate) fn run(database: &mut Database, command: RetentionCommand) -> Result<Outcome> {
    let today = database.today();
    let outcome = match command {
        RetentionCommand::Load => {
            let policy = RetentionPolicy::current(database)?;
            let due = retention::due_with(database, &policy, today)?;
            RetentionOutcome::Loaded(Box::new(RetentionView { policy, due }))
        }
        RetentionCommand::Count => RetentionOutcome::Count(retention::due_count(database, today)?),
        RetentionCommand::SavePolicy(policy) => {
            policy.save(database)?;
            RetentionOutcome::Saved
        }
        RetentionCommand::Apply => RetentionOutcome::Applied(retention::apply(database, today)?),
    };
    Ok(Outcome::Retention(outcome))
}
