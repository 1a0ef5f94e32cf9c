//! An employee's training history and its totals per year.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::error::Result;
use crate::model::{AttendanceId, AttendanceStatus, EmployeeId, SeminarId, SessionId};
use crate::service::Database;
use crate::store::Read;

/// One line of an employee's training history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryRow {
    pub attendance_id: AttendanceId,
    pub session_id: SessionId,
    /// The session's first day.
    pub date: NaiveDate,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub seminar_id: SeminarId,
    pub seminar_code: String,
    pub seminar_title: String,
    pub topic: String,
    pub status: AttendanceStatus,
    /// Hours credited (0 unless attended or partial).
    pub hours: f64,
    pub note: String,
}

/// One calendar year of an employee's training (sessions count in the year they ended).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct YearTotals {
    pub year: i32,
    /// Hours credited for attended and partial sessions.
    pub hours: f64,
    /// Sessions attended in full.
    pub completed: usize,
    /// Sessions attended in part.
    pub partial: usize,
}

/// Every session on `employee`'s record (any status), earliest first; the UI sorts as
/// the user asks.
pub fn history(db: &Database, employee: EmployeeId) -> Result<Vec<HistoryRow>> {
    let store = db.store();
    Ok(store
        .training_history(employee)?
        .into_iter()
        .map(|r| HistoryRow {
            attendance_id: r.attendance.id,
            session_id: r.attendance.session_id,
            date: r.starts_at.date(),
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            seminar_id: r.seminar_id,
            seminar_code: r.seminar_code,
            seminar_title: r.seminar_title,
            topic: r.topic,
            status: r.attendance.status,
            hours: if r.attendance.status.credits_hours() {
                r.attendance.hours
            } else {
                0.0
            },
            note: r.attendance.note,
        })
        .collect())
}

/// Credited hours and completed sessions per calendar year of the session's end, oldest
/// year first; years without any attended or partial session are left out.
pub fn totals_per_year(rows: &[HistoryRow]) -> Vec<YearTotals> {
    let mut years: BTreeMap<i32, YearTotals> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.status.credits_hours()) {
        let year = r.ends_at.date().year();
        let totals = years.entry(year).or_insert(YearTotals {
            year,
            hours: 0.0,
            completed: 0,
            partial: 0,
        });
        totals.hours += r.hours;
        match r.status {
            AttendanceStatus::Attended => totals.completed += 1,
            AttendanceStatus::Partial => totals.partial += 1,
            _ => {}
        }
    }
    years.into_values().collect()
}
