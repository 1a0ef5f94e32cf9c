//! The retention of leavers on the worker thread: the commands the *Aufbewahrung* screen,
//! its settings section and the dashboard's reminder send, and what they answer.

use crate::app::worker::Outcome;
use crate::error::Result;
use crate::service::retention::{self, Due, RetentionPolicy, RetentionReport};
use crate::store::Store;

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

/// Runs `command` on the worker's `store`.
pub(crate) fn run(store: &mut Store, command: RetentionCommand) -> Result<Outcome> {
    let today = crate::service::today(store);
    let outcome = match command {
        RetentionCommand::Load => {
            let policy = RetentionPolicy::load(store)?;
            let due = retention::due_with(store, &policy, today)?;
            RetentionOutcome::Loaded(Box::new(RetentionView { policy, due }))
        }
        RetentionCommand::Count => RetentionOutcome::Count(retention::due_count(store, today)?),
        RetentionCommand::SavePolicy(policy) => {
            policy.save(store)?;
            RetentionOutcome::Saved
        }
        RetentionCommand::Apply => RetentionOutcome::Applied(retention::apply(store, today)?),
    };
    Ok(Outcome::Retention(outcome))
}
