//! Dated sessions of a seminar: scheduling, changing, deleting.
//!
//! A session that already has attendance is changed or deleted only with the user's
//! explicit confirmation: without it the functions return [`Error::NeedsConfirmation`]
//! with a message saying how many attendance rows are affected (the UI asks, then calls
//! again with `confirmed`). Deleting a session deletes its attendance with it.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::i18n::{Arg, ta};
use crate::model::{
    Field, Invalid, Seminar, SeminarId, Session, SessionId, SessionInput, clean_optional,
};
use crate::service::Database;
use crate::store::{Read, SessionFilter, SessionRow, Tx};

/// Which sessions a list shows; every field narrows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SessionQuery {
    pub seminar: Option<SeminarId>,
    /// The seminar's provider, exactly (ignoring case).
    pub provider: Option<String>,
    /// Sessions that end on or after this day.
    pub from: Option<NaiveDate>,
    /// Sessions that start on or before this day.
    pub to: Option<NaiveDate>,
}

/// Sessions matching `query` with their seminar and roster size, earliest first.
pub fn list(db: &Database, query: &SessionQuery) -> Result<Vec<SessionRow>> {
    let store = db.store();
    let mut rows = store.session_rows(&SessionFilter {
        seminar: query.seminar,
        from: query.from,
        to: query.to,
    })?;
    if let Some(provider) = query.provider.as_deref().map(str::trim) {
        let seminars: std::collections::HashSet<SeminarId> = store
            .seminars()?
            .into_iter()
            .filter(|s| s.provider.trim().to_lowercase() == provider.to_lowercase())
            .map(|s| s.id)
            .collect();
        rows.retain(|r| seminars.contains(&r.session.seminar_id));
    }
    Ok(rows)
}

/// Schedules a session; returns its id. The seminar must exist and not be archived.
pub fn add(db: &mut Database, input: &SessionInput) -> Result<SessionId> {
    let store = db.store_mut();
    let input = validated(input)?;
    store.transact(|tx| {
        let seminar = tx
            .seminar(input.seminar_id)?
            .ok_or_else(|| seminar_not_found(input.seminar_id))?;
        if seminar.archived {
            return Err(Invalid::ArchivedSeminar(seminar.code).into());
        }
        let id = tx.insert_session(&input)?;
        tx.audit(
            "session",
            Some(id.0),
            "add",
            &format!(
                "session {id}, seminar {}, start {}",
                seminar.code,
                input.starts_at.format("%Y-%m-%dT%H:%M")
            ),
        )?;
        Ok(id)
    })
}

/// Saves changes to a session. When the session has attendance, `confirmed` must be
/// true, else [`Error::NeedsConfirmation`] says how many rows are affected and nothing
/// is written. Attendance rows stay as they are (their hours are not recomputed).
/// Moving the session to another seminar requires that one not to be archived.
pub fn update(
    db: &mut Database,
    id: SessionId,
    input: &SessionInput,
    confirmed: bool,
) -> Result<()> {
    save(db, id, None, input, confirmed)
}

/// Saves changes to a session as [`update`] does, but only if the stored session is
/// still at `version`, the one the form was loaded with; otherwise nothing is saved and
/// [`Error::ChangedMeanwhile`] says who changed it.
pub fn update_checked(
    db: &mut Database,
    id: SessionId,
    version: i64,
    input: &SessionInput,
    confirmed: bool,
) -> Result<()> {
    save(db, id, Some(version), input, confirmed)
}

fn save(
    db: &mut Database,
    id: SessionId,
    version: Option<i64>,
    input: &SessionInput,
    confirmed: bool,
) -> Result<()> {
    let store = db.store_mut();
    let input = validated(input)?;
    store.transact(|tx| {
        let before = tx.session(id)?.ok_or_else(|| not_found(id))?;
        if before.input() == input {
            return Ok(());
        }
        super::conflict::expect_version(tx, "session", id.0, before.version, version)?;
        let seminar = tx
            .seminar(input.seminar_id)?
            .ok_or_else(|| seminar_not_found(input.seminar_id))?;
        if seminar.archived && seminar.id != before.seminar_id {
            return Err(Invalid::ArchivedSeminar(seminar.code).into());
        }
        let rows = attendance_rows(tx, id)?;
        if rows > 0 && !confirmed {
            return Err(Error::NeedsConfirmation(ta(
                "train-confirm-edit-session",
                &[("rows", Arg::from(rows))],
            )));
        }
        tx.update_session(id, &input)?;
        let mut summary = format!(
            "session {id}, seminar {}, start {}",
            seminar.code,
            input.starts_at.format("%Y-%m-%dT%H:%M")
        );
        if rows > 0 {
            summary.push_str(&format!(", {rows} attendance rows kept (confirmed)"));
        }
        tx.audit("session", Some(id.0), "edit", &summary)
    })
}

/// Deletes a session and its attendance; returns how many attendance rows went. When
/// there are any, `confirmed` must be true, else [`Error::NeedsConfirmation`] says how
/// many and nothing is deleted.
pub fn delete(db: &mut Database, id: SessionId, confirmed: bool) -> Result<usize> {
    let store = db.store_mut();
    store.transact(|tx| {
        let session = tx.session(id)?.ok_or_else(|| not_found(id))?;
        let rows = attendance_rows(tx, id)?;
        if rows > 0 && !confirmed {
            return Err(Error::NeedsConfirmation(ta(
                "train-confirm-delete-session",
                &[("rows", Arg::from(rows))],
            )));
        }
        let code = tx
            .seminar(session.seminar_id)?
            .map(|s| s.code)
            .unwrap_or_default();
        tx.delete_session(id)?;
        tx.audit(
            "session",
            Some(id.0),
            "delete",
            &format!(
                "session {id}, seminar {code}, start {}: {rows} attendance rows deleted",
                session.starts_at.format("%Y-%m-%dT%H:%M")
            ),
        )?;
        Ok(rows)
    })
}

fn attendance_rows(tx: &Tx<'_>, id: SessionId) -> Result<usize> {
    Ok(tx.roster(id)?.len())
}

/// Session `id` and its seminar, read through `store` (a store or a running transaction);
/// [`Error::NotFound`] for either that is missing.
pub(crate) fn with_seminar<R: Read + ?Sized>(
    store: &R,
    id: SessionId,
) -> Result<(Session, Seminar)> {
    let session = store.session(id)?.ok_or_else(|| not_found(id))?;
    let seminar = store
        .seminar(session.seminar_id)?
        .ok_or_else(|| seminar_not_found(session.seminar_id))?;
    Ok((session, seminar))
}

fn not_found(id: SessionId) -> Error {
    Error::NotFound {
        what: format!("session {id}"),
    }
}

fn seminar_not_found(id: SeminarId) -> Error {
    Error::NotFound {
        what: format!("seminar {id}"),
    }
}

/// The input trimmed and checked on its own: the end not before the start, a capacity
/// of at least 1 or none, location and trainer at most 200 characters. Whether the
/// seminar exists (and is not archived) needs the store (see [`add`]).
pub fn validated(input: &SessionInput) -> Result<SessionInput, Vec<Invalid>> {
    let mut problems = Vec::new();
    if input.ends_at < input.starts_at {
        problems.push(Invalid::EndBeforeStart);
    }
    if input.capacity == Some(0) {
        problems.push(Invalid::CapacityZero);
    }
    let location = clean_optional(Some(&input.location), Field::Location, &mut problems);
    let trainer = clean_optional(Some(&input.trainer), Field::Trainer, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(SessionInput {
        seminar_id: input.seminar_id,
        starts_at: input.starts_at,
        ends_at: input.ends_at,
        location: location.unwrap_or_default(),
        trainer: trainer.unwrap_or_default(),
        capacity: input.capacity,
    })
}
