//! The seminar catalogue, dated sessions, and who attended them.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::{AttendanceId, EmployeeId, SeminarId, SessionId};

/// How a seminar is held.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum SeminarFormat {
    #[default]
    InPerson,
    Webinar,
    Elearning,
}

impl SeminarFormat {
    pub const ALL: [SeminarFormat; 3] = [
        SeminarFormat::InPerson,
        SeminarFormat::Webinar,
        SeminarFormat::Elearning,
    ];

    /// The value stored in the database: `in_person`, `webinar`, `elearning`.
    pub fn code(self) -> &'static str {
        match self {
            SeminarFormat::InPerson => "in_person",
            SeminarFormat::Webinar => "webinar",
            SeminarFormat::Elearning => "elearning",
        }
    }

    /// The format for a stored code; `None` for anything else.
    pub fn from_code(code: &str) -> Option<SeminarFormat> {
        match code {
            "in_person" => Some(SeminarFormat::InPerson),
            "webinar" => Some(SeminarFormat::Webinar),
            "elearning" => Some(SeminarFormat::Elearning),
            _ => None,
        }
    }
}

/// A catalogue entry. Archived seminars keep their sessions and attendance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Seminar {
    pub id: SeminarId,
    pub code: String,
    pub title: String,
    pub description: String,
    pub provider: String,
    pub format: SeminarFormat,
    /// Hours a full attendance usually counts for.
    pub default_hours: f64,
    /// The subject area that "at least H hours in topic T" requirements sum over.
    pub topic: String,
    pub archived: bool,
    /// Grows with every change of the stored record; a form saves only over the version
    /// it loaded (see `service::conflict`).
    #[serde(default)]
    pub version: i64,
}

impl Seminar {
    pub fn input(&self) -> SeminarInput {
        SeminarInput {
            code: self.code.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            provider: self.provider.clone(),
            format: self.format,
            default_hours: self.default_hours,
            topic: self.topic.clone(),
        }
    }
}

/// What is written to add or edit a seminar (the archive flag is changed on its own).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SeminarInput {
    pub code: String,
    pub title: String,
    pub description: String,
    pub provider: String,
    pub format: SeminarFormat,
    pub default_hours: f64,
    pub topic: String,
}

/// One dated occurrence of a seminar. An e-learning session is the period in which
/// the course can be taken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub id: SessionId,
    pub seminar_id: SeminarId,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    /// A room, or a link for webinars and e-learning.
    pub location: String,
    pub trainer: String,
    /// Places available; `None` = no limit.
    pub capacity: Option<u32>,
    /// Grows with every change of the stored record; a form saves only over the version
    /// it loaded (see `service::conflict`).
    #[serde(default)]
    pub version: i64,
}

impl Session {
    /// The wall-clock length from start to end, in hours (breaks included).
    pub fn duration_hours(&self) -> f64 {
        (self.ends_at - self.starts_at).num_minutes() as f64 / 60.0
    }

    /// Whether the session was over by the end of `date` (it ended on or before that day).
    pub fn has_ended_by(&self, date: NaiveDate) -> bool {
        self.ends_at.date() <= date
    }

    /// Whether the session starts on a day after `date`.
    pub fn starts_after(&self, date: NaiveDate) -> bool {
        self.starts_at.date() > date
    }

    pub fn input(&self) -> SessionInput {
        SessionInput {
            seminar_id: self.seminar_id,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            location: self.location.clone(),
            trainer: self.trainer.clone(),
            capacity: self.capacity,
        }
    }
}

/// What is written to add or edit a session.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionInput {
    pub seminar_id: SeminarId,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub location: String,
    pub trainer: String,
    pub capacity: Option<u32>,
}

/// Where an employee stands with one session.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum AttendanceStatus {
    /// Signed up; not yet marked.
    #[default]
    Registered,
    Attended,
    /// Attended part of it; the hours credited say how much.
    Partial,
    Absent,
    Excused,
}

impl AttendanceStatus {
    pub const ALL: [AttendanceStatus; 5] = [
        AttendanceStatus::Registered,
        AttendanceStatus::Attended,
        AttendanceStatus::Partial,
        AttendanceStatus::Absent,
        AttendanceStatus::Excused,
    ];

    /// The value stored in the database: `registered`, `attended`, `partial`, `absent`, `excused`.
    pub fn code(self) -> &'static str {
        match self {
            AttendanceStatus::Registered => "registered",
            AttendanceStatus::Attended => "attended",
            AttendanceStatus::Partial => "partial",
            AttendanceStatus::Absent => "absent",
            AttendanceStatus::Excused => "excused",
        }
    }

    /// The status for a stored code; `None` for anything else.
    pub fn from_code(code: &str) -> Option<AttendanceStatus> {
        match code {
            "registered" => Some(AttendanceStatus::Registered),
            "attended" => Some(AttendanceStatus::Attended),
            "partial" => Some(AttendanceStatus::Partial),
            "absent" => Some(AttendanceStatus::Absent),
            "excused" => Some(AttendanceStatus::Excused),
            _ => None,
        }
    }

    /// The status in words, in the current language ("teilgenommen").
    pub fn label(self) -> String {
        crate::i18n::t(match self {
            AttendanceStatus::Registered => "train-status-registered",
            AttendanceStatus::Attended => "train-status-attended",
            AttendanceStatus::Partial => "train-status-partial",
            AttendanceStatus::Absent => "train-status-absent",
            AttendanceStatus::Excused => "train-status-excused",
        })
    }

    /// Whether this status can carry credited hours (attended, partial).
    pub fn credits_hours(self) -> bool {
        matches!(self, AttendanceStatus::Attended | AttendanceStatus::Partial)
    }
}

/// One employee at one session (at most one row per pair, enforced by the database).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attendance {
    pub id: AttendanceId,
    pub session_id: SessionId,
    pub employee_id: EmployeeId,
    pub status: AttendanceStatus,
    /// Hours credited; 0 unless attended or partial.
    pub hours: f64,
    pub note: String,
}

impl Attendance {
    pub fn input(&self) -> AttendanceInput {
        AttendanceInput {
            session_id: self.session_id,
            employee_id: self.employee_id,
            status: self.status,
            hours: self.hours,
            note: self.note.clone(),
        }
    }
}

/// What is written to record an employee's attendance.
#[derive(Debug, Clone, PartialEq)]
pub struct AttendanceInput {
    pub session_id: SessionId,
    pub employee_id: EmployeeId,
    pub status: AttendanceStatus,
    pub hours: f64,
    pub note: String,
}

/// One attendance with its session and seminar: a line of an employee's training
/// history, and what eligibility is computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingRecord {
    pub attendance: Attendance,
    pub seminar_id: SeminarId,
    pub seminar_code: String,
    pub seminar_title: String,
    pub topic: String,
    pub format: SeminarFormat,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_codes_are_refused() {
        for f in SeminarFormat::ALL {
            assert_eq!(SeminarFormat::from_code(f.code()), Some(f));
        }
        for s in AttendanceStatus::ALL {
            assert_eq!(AttendanceStatus::from_code(s.code()), Some(s));
        }
        assert_eq!(SeminarFormat::from_code("e-learning"), None);
        assert_eq!(AttendanceStatus::from_code("Attended"), None);
        assert_eq!(SeminarFormat::Elearning.code(), "elearning");
    }

    #[test]
    fn serde_uses_the_stored_codes() {
        let json = serde_json::to_string(&SeminarFormat::InPerson).expect("json");
        assert_eq!(json, "\"in_person\"");
        let json = serde_json::to_string(&AttendanceStatus::Excused).expect("json");
        assert_eq!(json, "\"excused\"");
    }

    #[test]
    fn only_attended_and_partial_credit_hours() {
        let crediting: Vec<_> = AttendanceStatus::ALL
            .into_iter()
            .filter(|s| s.credits_hours())
            .collect();
        assert_eq!(
            crediting,
            vec![AttendanceStatus::Attended, AttendanceStatus::Partial]
        );
    }

    #[test]
    fn session_length_and_timing() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 10).expect("date");
        let session = Session {
            id: SessionId(1),
            seminar_id: SeminarId(1),
            starts_at: day.and_hms_opt(9, 0, 0).expect("time"),
            ends_at: day.and_hms_opt(12, 30, 0).expect("time"),
            location: String::new(),
            trainer: String::new(),
            capacity: None,
            version: 1,
        };
        assert!((session.duration_hours() - 3.5).abs() < 1e-9);
        assert!(session.has_ended_by(day));
        assert!(!session.has_ended_by(day.pred_opt().expect("date")));
        assert!(session.starts_after(day.pred_opt().expect("date")));
        assert!(!session.starts_after(day));
    }
}
