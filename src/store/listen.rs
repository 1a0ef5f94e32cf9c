//! Hearing other officers' changes on a PostgreSQL server, without asking it.
//!
//! A transaction that changed something announces its [`Changes`] on the channel
//! [`CHANNEL`] (`pg_notify` inside the transaction, so the server delivers it only if the
//! transaction commits, and only then). The payload is the `Changes` as compact JSON
//! ([`payload`]), or [`EVERYTHING`] when that would exceed what PostgreSQL carries.
//!
//! A [`Listener`] is a second connection to the same database, made exactly as the
//! store's own (the same URL, password and encryption; see `server::Connector`), that
//! does nothing but `LISTEN` and block until the server sends something. The store's own
//! connection does not listen: the command line never needs it, and notifications nobody
//! reads would pile up in its buffer.

use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};

use postgres::Client;
use postgres::fallible_iterator::FallibleIterator;

use super::server::Connector;
use crate::error::{Error, Result};
use crate::model::Changes;

/// The channel on which every committed change is announced.
pub(crate) const CHANNEL: &str = "lotse";

/// The payload that means "anything may have changed".
pub(crate) const EVERYTHING: &str = "*";

/// The longest payload sent; PostgreSQL refuses more than 8000 bytes.
const MAX_PAYLOAD: usize = 7900;

/// The name the listening connection has on the server (`pg_stat_activity`).
pub const LISTENER_APPLICATION: &str = "lotse-listener";

/// What a commit with `changes` announces: the changes as JSON, or [`EVERYTHING`] when
/// they are too long for a notification (thousands of people in a bulk change).
pub(crate) fn payload(changes: &Changes) -> String {
    match serde_json::to_string(changes) {
        Ok(json) if json.len() <= MAX_PAYLOAD => json,
        Ok(_) => EVERYTHING.to_owned(),
        Err(e) => {
            log::debug!("changes not encoded ({e}); announcing everything");
            EVERYTHING.to_owned()
        }
    }
}

/// What an announcement says changed. Anything that cannot be read (another version's
/// format, an empty `NOTIFY lotse`) counts as everything.
pub(crate) fn changes_from(payload: &str) -> Changes {
    if payload == EVERYTHING {
        return Changes::everything();
    }
    serde_json::from_str(payload).unwrap_or_else(|e| {
        log::debug!(
            "an announcement of {} bytes could not be read ({e}); refreshing everything",
            payload.len()
        );
        Changes::everything()
    })
}

/// The channel on which a store tells its listeners that it was closed.
pub(crate) fn closing_channel(store_pid: i32) -> String {
    format!("{CHANNEL}_closed_{store_pid}")
}

/// A connection of its own that waits for other connections' commits to the database
/// (see the module documentation). Made by `Store::listener`.
pub struct Listener {
    connector: Connector,
    /// The server process of the store's own connection (it changes when the store
    /// connects again): its commits are not news (the store's owner hears of them through
    /// `Store::take_changes`).
    store_pid: Arc<AtomicI32>,
    /// Names the channel on which the store says that it closed.
    closing: i32,
    client: Option<Client>,
}

impl Listener {
    pub(super) fn new(connector: Connector, store_pid: Arc<AtomicI32>, closing: i32) -> Listener {
        Listener {
            connector,
            store_pid,
            closing,
            client: None,
        }
    }

    /// Connects (again, after [`Listener::wait`] failed) and starts listening. What was
    /// committed before this returned is not announced to this listener.
    pub fn connect(&mut self) -> Result<()> {
        self.client = None;
        let mut client = self.connector.connect_waiting(LISTENER_APPLICATION)?;
        client.batch_execute(&format!(
            "LISTEN {CHANNEL}; LISTEN {}",
            closing_channel(self.closing)
        ))?;
        self.client = Some(client);
        Ok(())
    }

    /// Whether the listener is connected (it was, and nothing failed since).
    pub fn is_connected(&self) -> bool {
        self.client.is_some()
    }

    /// Blocks until another connection commits a change, and says what it changed;
    /// `None` once the store it listens for was closed. An error when the connection is
    /// broken or was never made (then [`Listener::connect`] again): whatever was committed
    /// meanwhile went unheard.
    pub fn wait(&mut self) -> Result<Option<Changes>> {
        let client = self
            .client
            .as_mut()
            .ok_or_else(|| Error::Backend("not listening".to_owned()))?;
        loop {
            let next = client.notifications().blocking_iter().next();
            let notification = match next {
                Ok(Some(n)) => n,
                Ok(None) => {
                    self.client = None;
                    return Err(Error::Backend(
                        "the server closed the connection".to_owned(),
                    ));
                }
                Err(e) => {
                    self.client = None;
                    return Err(e.into());
                }
            };
            if notification.channel() != CHANNEL {
                return Ok(None);
            }
            if notification.process_id() == self.store_pid.load(Ordering::Relaxed) {
                continue;
            }
            let changes = changes_from(notification.payload());
            if !changes.is_empty() {
                return Ok(Some(changes));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EmployeeId, People, SessionId};

    #[test]
    fn changes_travel_as_compact_json() {
        let mut changes = Changes::default();
        changes.attendance_of(SessionId(12), EmployeeId(7));
        let sent = payload(&changes);
        assert_eq!(
            sent,
            r#"{"attendance":true,"rosters":[12],"people":{"Some":[7]}}"#
        );
        assert_eq!(changes_from(&sent), changes);
        let everything = Changes::everything();
        assert_eq!(changes_from(&payload(&everything)), everything);
    }

    #[test]
    fn too_many_people_are_announced_as_everything() {
        let mut changes = Changes::default();
        for id in 1..=2500 {
            changes.employee(EmployeeId(id));
        }
        assert_eq!(payload(&changes), EVERYTHING);
        assert_eq!(changes_from(EVERYTHING), Changes::everything());
        let mut few = Changes::default();
        for id in 1..=100 {
            few.employee(EmployeeId(id));
        }
        assert!(payload(&few).len() < MAX_PAYLOAD);
    }

    #[test]
    fn what_cannot_be_read_counts_as_everything() {
        for garbage in [
            "",
            "{",
            "nonsense",
            r#"{"employees":true,"newfangled":true}"#,
        ] {
            assert_eq!(changes_from(garbage), Changes::everything(), "{garbage}");
        }
        let people = changes_from(r#"{"employees":true,"people":"Everyone"}"#);
        assert!(people.employees && people.people == People::Everyone);
    }
}
