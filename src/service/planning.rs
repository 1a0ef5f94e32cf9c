//! Planning from the needs: registering many people for a future session in one step,
//! within its capacity, the rest onto its waiting list — and the waiting list itself
//! (move up, remove).
//!
//! Places are counted as the roster counts them ([`seats_taken`]): every roster row but
//! the excused ones. Each operation is one transaction; every roster row it adds gets
//! its audit entry as in [`crate::service::attendance`], the operation one more.

use std::collections::HashSet;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::i18n::{Arg, t, ta};
use crate::model::{
    AttendanceInput, AttendanceStatus, Employee, EmployeeId, Invalid, Session, SessionId,
    WaitlistId, WaitlistRow,
};
use crate::service::Database;
use crate::service::attendance::seats_taken;
use crate::store::{Read, Tx};

/// What registering did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Registration {
    /// Added to the roster as "registered".
    pub registered: usize,
    /// Put on the waiting list (the session was full), in the order given.
    pub waitlisted: usize,
    /// On the roster or the waiting list already (or named twice), left as they were.
    pub already: usize,
}

impl Registration {
    /// "14 angemeldet, 3 auf der Warteliste, 2 waren schon angemeldet."
    pub fn sentence(&self) -> String {
        ta(
            "needs-registration",
            &[
                ("registered", Arg::from(self.registered)),
                ("waitlisted", Arg::from(self.waitlisted)),
                ("already", Arg::from(self.already)),
            ],
        )
    }
}

/// Free places of a session with `taken` seats; `None` without a limit.
fn free_places(session: &Session, taken: usize) -> Option<usize> {
    session.capacity.map(|c| (c as usize).saturating_sub(taken))
}

/// Employed when the session takes place: not left by its first day, not joined after
/// its last.
fn employed_at(session: &Session, e: &Employee) -> bool {
    e.is_active_on(session.starts_at.date())
        && e.entry_date
            .is_none_or(|entry| entry <= session.ends_at.date())
}

fn add_to_roster(tx: &Tx<'_>, session: SessionId, employee: &Employee) -> Result<()> {
    let row = tx.insert_attendance(&AttendanceInput {
        session_id: session,
        employee_id: employee.id,
        status: AttendanceStatus::Registered,
        hours: 0.0,
        note: String::new(),
    })?;
    tx.audit(
        "attendance",
        Some(row.0),
        "add",
        &format!(
            "session {session}, personnel number {}: registered",
            employee.personnel_number
        ),
    )
}

/// Registers `employees` for the future `session` in one transaction: as many as there
/// are free places onto the roster ("registered"), the rest in the order given onto its
/// waiting list. People on the roster or the waiting list already are skipped and
/// counted. A session that has started is refused, and so is anyone not employed when it
/// takes place; then nothing is written.
pub fn register(
    db: &mut Database,
    session: SessionId,
    employees: &[EmployeeId],
) -> Result<Registration> {
    let store = db.store_mut();
    let outcome = store.transact(|tx| {
        let (session, _) = crate::service::sessions::with_seminar(tx, session)?;
        if session.starts_at <= tx.now() {
            return Err(Error::Message(t("needs-session-started")));
        }
        let roster = tx.roster(session.id)?;
        let mut known: HashSet<EmployeeId> = roster.iter().map(|a| a.employee_id).collect();
        known.extend(
            tx.waitlist_of_session(session.id)?
                .iter()
                .map(|w| w.employee_id),
        );
        let mut free = free_places(&session, seats_taken(&roster));
        let mut outcome = Registration::default();
        let mut problems = Vec::new();
        for &id in employees {
            if !known.insert(id) {
                outcome.already += 1;
                continue;
            }
            let employee = tx.employee(id)?.ok_or_else(|| Error::NotFound {
                what: format!("employee {id}"),
            })?;
            if !employed_at(&session, &employee) {
                problems.push(Invalid::NotEmployedAtSession(employee.personnel_number));
                continue;
            }
            match &mut free {
                Some(0) => {
                    tx.insert_waitlist(session.id, id)?;
                    outcome.waitlisted += 1;
                }
                Some(n) => {
                    add_to_roster(tx, session.id, &employee)?;
                    *n -= 1;
                    outcome.registered += 1;
                }
                None => {
                    add_to_roster(tx, session.id, &employee)?;
                    outcome.registered += 1;
                }
            }
        }
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        tx.audit(
            "session",
            Some(session.id.0),
            "register",
            &format!(
                "{} registered, {} on the waiting list, {} already there",
                outcome.registered, outcome.waitlisted, outcome.already
            ),
        )?;
        Ok(outcome)
    })?;
    log::info!(
        "registered for session #{session}: {} registered, {} waitlisted, {} already",
        outcome.registered,
        outcome.waitlisted,
        outcome.already
    );
    Ok(outcome)
}

/// The waiting list of `session`, first come first.
pub fn waitlist(db: &Database, session: SessionId) -> Result<Vec<WaitlistRow>> {
    db.store().waitlist_of_session(session)
}

/// Moves a person from the waiting list of `session` onto its roster: `entry`, or the
/// first on the list without one. Refused with a sentence when the session has no free
/// place, when the list is empty, or when `entry` is not on this session's list.
pub fn move_up(
    db: &mut Database,
    session: SessionId,
    entry: Option<WaitlistId>,
) -> Result<WaitlistRow> {
    let store = db.store_mut();
    store.transact(|tx| {
        let (session, _) = crate::service::sessions::with_seminar(tx, session)?;
        if session.starts_at <= tx.now() {
            return Err(Error::Message(t("needs-waitlist-started")));
        }
        let list = tx.waitlist_of_session(session.id)?;
        let place = match entry {
            Some(id) => list.into_iter().find(|w| w.id == id),
            None => list.into_iter().next(),
        }
        .ok_or_else(|| Error::Message(t("needs-waitlist-not-found")))?;
        let roster = tx.roster(session.id)?;
        if free_places(&session, seats_taken(&roster)) == Some(0) {
            return Err(Error::Message(t("needs-waitlist-full")));
        }
        tx.delete_waitlist(place.id)?;
        if roster.iter().all(|a| a.employee_id != place.employee_id) {
            let employee = tx
                .employee(place.employee_id)?
                .ok_or_else(|| Error::NotFound {
                    what: format!("employee {}", place.employee_id),
                })?;
            add_to_roster(tx, session.id, &employee)?;
        }
        tx.audit(
            "session",
            Some(session.id.0),
            "waitlist-move-up",
            &format!(
                "personnel number {}: from the waiting list onto the roster",
                place.personnel_number
            ),
        )?;
        Ok(place)
    })
}

/// Takes places off the waiting list of `session`; returns how many went. A place of
/// another session is refused (nothing is removed).
pub fn remove_from_waitlist(
    db: &mut Database,
    session: SessionId,
    entries: &[WaitlistId],
) -> Result<usize> {
    let store = db.store_mut();
    store.transact(|tx| {
        let mut removed = 0;
        let mut seen = HashSet::new();
        for &id in entries {
            if !seen.insert(id) {
                continue;
            }
            let place = tx
                .waitlist_entry(id)?
                .filter(|w| w.session_id == session)
                .ok_or_else(|| Error::Message(t("needs-waitlist-not-found")))?;
            tx.delete_waitlist(id)?;
            tx.audit(
                "session",
                Some(session.0),
                "waitlist-remove",
                &format!(
                    "personnel number {}: off the waiting list",
                    place.personnel_number
                ),
            )?;
            removed += 1;
        }
        Ok(removed)
    })
}
