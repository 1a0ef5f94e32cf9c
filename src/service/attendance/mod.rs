//! The attendance roster of a session, and an employee's training history.
//!
//! Every user action is one transaction, and every attendance row it adds, changes or
//! removes gets its own audit entry (entity "attendance", summary "session N, personnel
//! number P: status").
//!
//! # Hours
//!
//! - A full attendance credits the session's length ([`Session::duration_hours`]), but
//!   never more than the seminar's default hours when those are set: a two-day course
//!   (9:00 on Monday to 17:00 on Tuesday) or a twelve-week e-learning period credits what
//!   the seminar is worth, not the wall-clock time in between. See [`full_hours`].
//! - "attended" without hours given credits the full hours; "registered", "absent" and
//!   "excused" credit 0 (giving them hours is refused).
//! - "partial" needs hours given: more than 0 and at most the session's length.
//! - Hours given for "attended" may be anything from 0 to the session's length.
//! - Negative hours and hours that are not a number are refused.
//!
//! # Timing
//!
//! "attended", "partial" and "absent" can only be recorded once the session has started
//! (by the store's clock); before that only "registered" and "excused" (apologies sent in
//! advance) are possible.
//!
//! # Capacity
//!
//! The seats a session's capacity counts are its roster rows except the excused ones
//! ([`seats_taken`]): "absent" keeps its seat (it was held and not given back), "excused"
//! gives it back. Adding beyond the capacity is allowed; [`AddOutcome::over_capacity_by`]
//! and [`RecordOutcome::over_capacity_by`] say by how many seats the session is then
//! overbooked, for the UI to warn — but only when the action took more seats than before
//! (someone added, or moved from "excused" to another status). An action that takes no
//! seat (only changing statuses, adding someone as excused, naming people already on the
//! roster) reports 0 even on a session that was overbooked already.
//!
//! Whoever comes onto a roster leaves the session's waiting list (see
//! `service::planning`).

use std::collections::HashSet;

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::{
    Attendance, AttendanceId, AttendanceInput, AttendanceStatus, DepartmentId, Employee,
    EmployeeId, Field, Invalid, Seminar, Session, SessionId, clean_optional,
};
use crate::service::Database;
use crate::store::{AttendanceRow, Read, Tx};

/// The hours a full attendance of `session` credits: its length, capped at the seminar's
/// default hours when those are more than 0.
pub fn full_hours(session: &Session, seminar: &Seminar) -> f64 {
    let length = session.duration_hours().max(0.0);
    if seminar.default_hours > 0.0 {
        length.min(seminar.default_hours)
    } else {
        length
    }
}

/// The status in words, in the current language ("teilgenommen").
pub fn status_label(status: AttendanceStatus) -> String {
    status.label()
}

/// What adding participants did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct AddOutcome {
    /// Roster rows added (as "registered").
    pub added: usize,
    /// Employees already on the roster (or named twice), left as they were.
    pub skipped: usize,
    /// Seats taken beyond the capacity after the change; 0 when within capacity, without
    /// a limit, or when the change took no more seats than before.
    pub over_capacity_by: usize,
}

/// What recording attendance did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RecordOutcome {
    pub added: usize,
    pub updated: usize,
    /// Already recorded exactly so.
    pub unchanged: usize,
    /// Seats taken beyond the capacity after the change; 0 when within capacity, without
    /// a limit, or when the change took no more seats than before (see the module docs).
    pub over_capacity_by: usize,
}

/// The roster of a session in name order, with each employee's personnel number and
/// department.
pub fn roster(db: &Database, session: SessionId) -> Result<Vec<AttendanceRow>> {
    let store = db.store();
    store.attendance_of_session(session)
}

/// A session's roster with what a screen needs to show and check it.
#[derive(Debug, Clone)]
pub struct RosterSheet {
    pub session: Session,
    pub seminar: Seminar,
    /// In name order.
    pub rows: Vec<AttendanceRow>,
    /// Hours a full attendance credits.
    pub full_hours: f64,
    /// Rows that take a seat (all but the excused ones).
    pub seats_taken: usize,
    /// Seats taken beyond the capacity (0 within it, or without a limit).
    pub over_capacity_by: usize,
    /// Whether the session has started by the store's clock (before that, only
    /// "registered" and "excused" can be recorded).
    pub started: bool,
    /// The waiting list, first come first (see `service::planning`).
    pub waitlist: Vec<crate::model::WaitlistRow>,
}

impl RosterSheet {
    /// How many rows are still "registered".
    pub fn registered(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.attendance.status == AttendanceStatus::Registered)
            .count()
    }
}

/// The roster of `session` with its session, seminar and seat counts.
pub fn roster_sheet(db: &Database, id: SessionId) -> Result<RosterSheet> {
    let store = db.store();
    let (session, seminar) = crate::service::sessions::with_seminar(store, id)?;
    let rows = roster(db, id)?;
    let seats_taken = seats_taken(rows.iter().map(|r| &r.attendance));
    let over_capacity_by = session
        .capacity
        .map_or(0, |c| seats_taken.saturating_sub(c as usize));
    Ok(RosterSheet {
        waitlist: store.waitlist_of_session(id)?,
        full_hours: full_hours(&session, &seminar),
        started: store.clock().now() >= session.starts_at,
        seats_taken,
        over_capacity_by,
        session,
        seminar,
        rows,
    })
}

/// Seats a roster takes against the capacity: every row except the excused ones.
pub fn seats_taken<'a>(rows: impl IntoIterator<Item = &'a Attendance>) -> usize {
    rows.into_iter()
        .filter(|a| a.status != AttendanceStatus::Excused)
        .count()
}

/// Adds `employees` to the roster of `session` as "registered", in one transaction.
/// Those already on it are skipped and counted. An employee who does not exist, or was
/// not employed when the session took place (left before it started, joined after it
/// ended), is refused: then nothing is added.
pub fn add_participants(
    db: &mut Database,
    session: SessionId,
    employees: &[EmployeeId],
) -> Result<AddOutcome> {
    let store = db.store_mut();
    store.transact(|tx| {
        let ctx = SessionContext::load(tx, session)?;
        let mut problems = Vec::new();
        let mut candidates = Vec::with_capacity(employees.len());
        for &id in employees {
            let employee = tx.employee(id)?.ok_or_else(|| Error::NotFound {
                what: format!("employee {id}"),
            })?;
            if ctx.employed_at_session(&employee) {
                candidates.push((employee.id, employee.personnel_number));
            } else {
                problems.push(Invalid::NotEmployedAtSession(employee.personnel_number));
            }
        }
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        add_in(tx, &ctx, &candidates)
    })
}

/// Adds the active staff of `department` and all its sub-units to the roster of
/// `session` as "registered", in one transaction. Active means: not left by today nor
/// by the session's day, and employed when the session takes place. Those already on the
/// roster are skipped and counted.
pub fn add_department(
    db: &mut Database,
    session: SessionId,
    department: DepartmentId,
) -> Result<AddOutcome> {
    let store = db.store_mut();
    store.transact(|tx| {
        let ctx = SessionContext::load(tx, session)?;
        tx.department(department)?.ok_or_else(|| Error::NotFound {
            what: format!("department {department}"),
        })?;
        let on = ctx.now.date().max(ctx.session.starts_at.date());
        let mut candidates = Vec::new();
        for (id, number) in tx.active_staff_of_department(department, on)? {
            let joined_in_time = match tx.employee(id)? {
                Some(e) => ctx.employed_at_session(&e),
                None => false,
            };
            if joined_in_time {
                candidates.push((id, number));
            }
        }
        add_in(tx, &ctx, &candidates)
    })
}

fn add_in(
    tx: &Tx<'_>,
    ctx: &SessionContext,
    candidates: &[(EmployeeId, String)],
) -> Result<AddOutcome> {
    let roster = tx.roster(ctx.session.id)?;
    let mut present: HashSet<EmployeeId> = roster.iter().map(|a| a.employee_id).collect();
    let mut outcome = AddOutcome::default();
    for (id, number) in candidates {
        if !present.insert(*id) {
            outcome.skipped += 1;
            continue;
        }
        let row = tx.insert_attendance(&AttendanceInput {
            session_id: ctx.session.id,
            employee_id: *id,
            status: AttendanceStatus::Registered,
            hours: 0.0,
            note: String::new(),
        })?;
        audit_row(
            tx,
            row,
            "add",
            ctx.session.id,
            number,
            AttendanceStatus::Registered,
        )?;
        outcome.added += 1;
    }
    leave_waitlist(tx, ctx.session.id, &present)?;
    outcome.over_capacity_by = ctx.overbooked_by(&roster, &tx.roster(ctx.session.id)?);
    Ok(outcome)
}

/// Takes people now on the roster of `session` off its waiting list: a place on the
/// roster ends the wait, however it came about.
fn leave_waitlist(tx: &Tx<'_>, session: SessionId, on_roster: &HashSet<EmployeeId>) -> Result<()> {
    for place in tx.waitlist_of_session(session)? {
        if on_roster.contains(&place.employee_id) {
            tx.delete_waitlist(place.id)?;
        }
    }
    Ok(())
}

/// Removes roster rows of `session`; returns how many went. Rows of other sessions are
/// refused (nothing is removed).
pub fn remove(db: &mut Database, session: SessionId, rows: &[AttendanceId]) -> Result<usize> {
    let store = db.store_mut();
    store.transact(|tx| {
        let ctx = SessionContext::load(tx, session)?;
        let rows = ctx.rows(tx, rows)?;
        for (a, number) in &rows {
            tx.delete_attendance(a.id)?;
            tx.audit(
                "attendance",
                Some(a.id.0),
                "remove",
                &format!(
                    "session {}, personnel number {number}: removed ({})",
                    session,
                    a.status.code()
                ),
            )?;
        }
        Ok(rows.len())
    })
}

/// Sets the status of the selected roster rows of `session`, in one transaction; returns
/// how many changed. `hours` applies to every row; without it, the hours follow the
/// status (see the module documentation) — "partial" then keeps a row's hours only if it
/// is partial already, and is refused otherwise. Nothing is written when any row is refused.
pub fn set_status(
    db: &mut Database,
    session: SessionId,
    rows: &[AttendanceId],
    status: AttendanceStatus,
    hours: Option<f64>,
) -> Result<usize> {
    let store = db.store_mut();
    store.transact(|tx| {
        let ctx = SessionContext::load(tx, session)?;
        let rows = ctx.rows(tx, rows)?;
        let mut changed = 0;
        for (a, number) in &rows {
            let new_hours = ctx.hours_for(status, hours, Some(a))?;
            if apply(tx, &ctx, a, number, status, new_hours, None)? {
                changed += 1;
            }
        }
        Ok(changed)
    })
}

/// Marks everyone still "registered" at `session` as "attended" with the full hours;
/// absent, excused, partial and attended rows stay as they are. Returns how many changed.
pub fn mark_registered_attended(db: &mut Database, session: SessionId) -> Result<usize> {
    let store = db.store_mut();
    store.transact(|tx| {
        let ctx = SessionContext::load(tx, session)?;
        let registered: Vec<Attendance> = tx
            .roster(session)?
            .into_iter()
            .filter(|a| a.status == AttendanceStatus::Registered)
            .collect();
        if registered.is_empty() {
            return Ok(0);
        }
        let hours = ctx.hours_for(AttendanceStatus::Attended, None, None)?;
        for a in &registered {
            let number = personnel_number(tx, a.employee_id)?;
            apply(
                tx,
                &ctx,
                a,
                &number,
                AttendanceStatus::Attended,
                hours,
                None,
            )?;
        }
        Ok(registered.len())
    })
}

/// Sets the hours credited for one roster row (attended or partial; see the module
/// documentation for the limits).
pub fn set_hours(db: &mut Database, row: AttendanceId, hours: f64) -> Result<()> {
    let store = db.store_mut();
    store.transact(|tx| {
        let a = tx.attendance(row)?.ok_or_else(|| row_not_found(row))?;
        let ctx = SessionContext::load(tx, a.session_id)?;
        let hours = ctx.hours_for(a.status, Some(hours), Some(&a))?;
        let number = personnel_number(tx, a.employee_id)?;
        apply(tx, &ctx, &a, &number, a.status, hours, None).map(|_| ())
    })
}

/// Sets the note of one roster row (at most 200 characters; empty removes it). The audit
/// entry records that the note changed, not what it says.
pub fn set_note(db: &mut Database, row: AttendanceId, note: &str) -> Result<()> {
    let store = db.store_mut();
    let mut problems = Vec::new();
    let note = clean_optional(Some(note), Field::Note, &mut problems).unwrap_or_default();
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    store.transact(|tx| {
        let a = tx.attendance(row)?.ok_or_else(|| row_not_found(row))?;
        let ctx = SessionContext::load(tx, a.session_id)?;
        let number = personnel_number(tx, a.employee_id)?;
        apply(tx, &ctx, &a, &number, a.status, a.hours, Some(&note)).map(|_| ())
    })
}

/// Records `status` (and `hours`) for `employees` at `session` in one transaction: adds
/// them to the roster where needed, else updates their row. Without a status: "attended"
/// once the session has started, "registered" before. The rules of [`add_participants`]
/// and [`set_status`] apply; when any employee is refused, nothing is written.
pub fn record(
    db: &mut Database,
    session: SessionId,
    employees: &[EmployeeId],
    status: Option<AttendanceStatus>,
    hours: Option<f64>,
) -> Result<RecordOutcome> {
    let store = db.store_mut();
    store.transact(|tx| {
        let ctx = SessionContext::load(tx, session)?;
        let status = status.unwrap_or(if ctx.started() {
            AttendanceStatus::Attended
        } else {
            AttendanceStatus::Registered
        });
        ctx.check_timing(status)?;
        let before = tx.roster(session)?;
        let mut outcome = RecordOutcome::default();
        let mut problems = Vec::new();
        let mut seen = HashSet::new();
        for &id in employees {
            if !seen.insert(id) {
                continue;
            }
            let employee = tx.employee(id)?.ok_or_else(|| Error::NotFound {
                what: format!("employee {id}"),
            })?;
            let existing = tx.attendance_of(session, id)?;
            if existing.is_none() && !ctx.employed_at_session(&employee) {
                problems.push(Invalid::NotEmployedAtSession(employee.personnel_number));
                continue;
            }
            let new_hours = match ctx.hours_for(status, hours, existing.as_ref()) {
                Ok(h) => h,
                Err(e) => {
                    problems.push(e);
                    continue;
                }
            };
            match existing {
                Some(a) => {
                    if apply(
                        tx,
                        &ctx,
                        &a,
                        &employee.personnel_number,
                        status,
                        new_hours,
                        None,
                    )? {
                        outcome.updated += 1;
                    } else {
                        outcome.unchanged += 1;
                    }
                }
                None => {
                    let row = tx.insert_attendance(&AttendanceInput {
                        session_id: session,
                        employee_id: id,
                        status,
                        hours: new_hours,
                        note: String::new(),
                    })?;
                    audit_row(tx, row, "add", session, &employee.personnel_number, status)?;
                    outcome.added += 1;
                }
            }
        }
        if !problems.is_empty() {
            problems.dedup();
            return Err(Error::Invalid(problems));
        }
        leave_waitlist(tx, session, &seen)?;
        outcome.over_capacity_by = ctx.overbooked_by(&before, &tx.roster(session)?);
        Ok(outcome)
    })
}

/// Writes a row's new status, hours and note (`None` keeps the note) with its audit
/// entry; returns false, writing nothing, when nothing changes.
fn apply(
    tx: &Tx<'_>,
    ctx: &SessionContext,
    a: &Attendance,
    number: &str,
    status: AttendanceStatus,
    hours: f64,
    note: Option<&str>,
) -> Result<bool> {
    ctx.check_timing(status)?;
    let note = note.unwrap_or(&a.note);
    let same_hours = (a.hours - hours).abs() < 1e-9;
    if a.status == status && same_hours && a.note == note {
        return Ok(false);
    }
    tx.update_attendance(a.id, status, hours, note)?;
    let mut summary = format!(
        "session {}, personnel number {number}: {}",
        ctx.session.id,
        status.code()
    );
    if status.credits_hours() {
        summary.push_str(&format!(", {hours} h"));
    }
    if a.note != note {
        summary.push_str(", note changed");
    }
    tx.audit("attendance", Some(a.id.0), "edit", &summary)?;
    Ok(true)
}

fn audit_row(
    tx: &Tx<'_>,
    row: AttendanceId,
    action: &str,
    session: SessionId,
    number: &str,
    status: AttendanceStatus,
) -> Result<()> {
    tx.audit(
        "attendance",
        Some(row.0),
        action,
        &format!(
            "session {session}, personnel number {number}: {}",
            status.code()
        ),
    )
}

fn personnel_number(tx: &Tx<'_>, id: EmployeeId) -> Result<String> {
    Ok(tx
        .employee(id)?
        .map(|e| e.personnel_number)
        .unwrap_or_else(|| format!("#{id}")))
}

fn row_not_found(id: AttendanceId) -> Error {
    Error::NotFound {
        what: format!("attendance {id}"),
    }
}

/// A session with what its roster rules need.
struct SessionContext {
    session: Session,
    seminar: Seminar,
    now: NaiveDateTime,
}

impl SessionContext {
    fn load(tx: &Tx<'_>, id: SessionId) -> Result<SessionContext> {
        let (session, seminar) = crate::service::sessions::with_seminar(tx, id)?;
        Ok(SessionContext {
            session,
            seminar,
            now: tx.now(),
        })
    }

    fn started(&self) -> bool {
        self.now >= self.session.starts_at
    }

    /// Refuses outcomes (attended, partial, absent) before the session has started.
    fn check_timing(&self, status: AttendanceStatus) -> Result<()> {
        let outcome = matches!(
            status,
            AttendanceStatus::Attended | AttendanceStatus::Partial | AttendanceStatus::Absent
        );
        if outcome && !self.started() {
            return Err(Invalid::SessionNotStarted.into());
        }
        Ok(())
    }

    /// Employed when the session takes place: not left by its first day, not joined
    /// after its last.
    fn employed_at_session(&self, e: &Employee) -> bool {
        e.is_active_on(self.session.starts_at.date())
            && e.entry_date
                .is_none_or(|entry| entry <= self.session.ends_at.date())
    }

    fn over_capacity(&self, roster: &[Attendance]) -> usize {
        match self.session.capacity {
            Some(capacity) => seats_taken(roster).saturating_sub(capacity as usize),
            None => 0,
        }
    }

    /// Seats beyond the capacity in `after`, if the change from `before` took more seats;
    /// else 0 (nothing to warn about: the action did not make it fuller).
    fn overbooked_by(&self, before: &[Attendance], after: &[Attendance]) -> usize {
        if seats_taken(after) > seats_taken(before) {
            self.over_capacity(after)
        } else {
            0
        }
    }

    /// The roster rows `ids` of this session with their personnel numbers; any id that
    /// is not a row of this session is an error.
    fn rows(&self, tx: &Tx<'_>, ids: &[AttendanceId]) -> Result<Vec<(Attendance, String)>> {
        let mut out = Vec::with_capacity(ids.len());
        let mut seen = HashSet::new();
        for &id in ids {
            if !seen.insert(id) {
                continue;
            }
            let a = tx
                .attendance(id)?
                .filter(|a| a.session_id == self.session.id)
                .ok_or_else(|| row_not_found(id))?;
            let number = personnel_number(tx, a.employee_id)?;
            out.push((a, number));
        }
        Ok(out)
    }

    /// The hours a row gets for `status`: `given` if it fits the rules, else the default
    /// for the status (see the module documentation).
    fn hours_for(
        &self,
        status: AttendanceStatus,
        given: Option<f64>,
        existing: Option<&Attendance>,
    ) -> Result<f64, Invalid> {
        hours_rule(
            status,
            given,
            existing,
            self.session.duration_hours().max(0.0),
            full_hours(&self.session, &self.seminar),
        )
    }
}

/// The hours rule on its own: `length` is the session's wall-clock length, `full` what a
/// full attendance credits.
fn hours_rule(
    status: AttendanceStatus,
    given: Option<f64>,
    existing: Option<&Attendance>,
    length: f64,
    full: f64,
) -> Result<f64, Invalid> {
    match given {
        Some(h) => {
            if !h.is_finite() || h < 0.0 {
                return Err(Invalid::HoursInvalid);
            }
            if !status.credits_hours() {
                return if h > 0.0 {
                    Err(Invalid::HoursNotCredited)
                } else {
                    Ok(0.0)
                };
            }
            if h > length + 1e-9 {
                return Err(Invalid::HoursAboveSessionLength {
                    max_minutes: (length * 60.0).round() as i64,
                });
            }
            if status == AttendanceStatus::Partial && h <= 0.0 {
                return Err(Invalid::PartialNeedsHours);
            }
            Ok(h)
        }
        None => match status {
            AttendanceStatus::Attended => Ok(match existing {
                Some(a) if a.status == AttendanceStatus::Attended => a.hours,
                _ => full,
            }),
            AttendanceStatus::Partial => match existing {
                Some(a) if a.status == AttendanceStatus::Partial && a.hours > 0.0 => Ok(a.hours),
                _ => Err(Invalid::PartialNeedsHours),
            },
            _ => Ok(0.0),
        },
    }
}

mod export;
mod history;

pub use export::{export_sheet, export_to};
pub use history::{HistoryRow, YearTotals, history, totals_per_year};

#[cfg(test)]
mod tests;
