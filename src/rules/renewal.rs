//! Renewals: which certificates have expired or run out soon, in which band, what the
//! holder still needs for re-certification and which sessions would suit them. Pure
//! functions over plain values; `service::renewals` loads the values and words the results.

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::eligibility::{AttendanceFacts, Progress, eligibility_from_facts, topic_matches};
use super::expiry::{CertificateFacts, CertificateStatus, certificate_status};
use crate::model::{Employee, Program, ProgramId, SeminarId, SessionId, TrainingRecord};

/// The reminder thresholds in days: `near` < `middle` < `far` (defaults 30, 60, 90).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Thresholds {
    pub near: u32,
    pub middle: u32,
    pub far: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            near: 30,
            middle: 60,
            far: 90,
        }
    }
}

/// Why thresholds are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThresholdProblem {
    /// A threshold is 0.
    NotPositive,
    /// Not `near` < `middle` < `far`.
    NotIncreasing,
}

impl Thresholds {
    /// Checks that every threshold is positive and they strictly increase.
    pub fn check(&self) -> Result<(), ThresholdProblem> {
        if self.near == 0 || self.middle == 0 || self.far == 0 {
            return Err(ThresholdProblem::NotPositive);
        }
        if !(self.near < self.middle && self.middle < self.far) {
            return Err(ThresholdProblem::NotIncreasing);
        }
        Ok(())
    }

    /// The band of a certificate valid for `days_left` more days (negative: expired),
    /// or `None` past the widest window `window`.
    pub fn band(&self, days_left: i64, window: u32) -> Option<Band> {
        if days_left < 0 {
            Some(Band::Expired)
        } else if days_left > i64::from(window) {
            None
        } else if days_left <= i64::from(self.near) {
            Some(Band::Near)
        } else if days_left <= i64::from(self.middle) {
            Some(Band::Middle)
        } else {
            Some(Band::Far)
        }
    }
}

/// How urgent a renewal is, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Band {
    Expired,
    /// At most `near` days left.
    Near,
    /// At most `middle` days left.
    Middle,
    /// At most `far` days (or the window asked for) left.
    Far,
}

impl Band {
    pub const ALL: [Band; 4] = [Band::Expired, Band::Near, Band::Middle, Band::Far];

    /// The code scripts see: `expired`, `near`, `middle`, `far`.
    pub fn code(self) -> &'static str {
        match self {
            Band::Expired => "expired",
            Band::Near => "near",
            Band::Middle => "middle",
            Band::Far => "far",
        }
    }

    pub fn from_code(code: &str) -> Option<Band> {
        Band::ALL.into_iter().find(|b| b.code() == code)
    }
}

/// An issued certificate as the renewal rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeldCertificate<T> {
    /// The caller's handle (an id, an index).
    pub key: T,
    pub facts: CertificateFacts,
}

/// A certificate that is due for renewal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due<T> {
    pub key: T,
    pub program: ProgramId,
    pub issued_on: NaiveDate,
    pub valid_until: NaiveDate,
    /// Days from `today` to the last valid day; negative once expired.
    pub days_left: i64,
    pub band: Band,
}

/// The certificates of one person that are due for renewal on `today` within `window`
/// days, one per program at most: per program the latest certificate that is neither
/// revoked nor superseded, when it has expired or expires within the window and no
/// certificate of the program is valid beyond the window (or without expiry). Nothing
/// for a person who has left. `certificates` are the person's, of every program.
pub fn due_certificates<T: Copy>(
    employee: &Employee,
    certificates: &[HeldCertificate<T>],
    thresholds: &Thresholds,
    window: u32,
    today: NaiveDate,
) -> Vec<Due<T>> {
    if !employee.is_active_on(today) {
        return Vec::new();
    }
    let programs: BTreeSet<ProgramId> = certificates.iter().map(|c| c.facts.program_id).collect();
    let mut due = Vec::new();
    for program in programs {
        let of_program = || {
            certificates
                .iter()
                .filter(|c| c.facts.program_id == program)
        };
        let covered_beyond = of_program().any(|c| {
            certificate_status(&c.facts, today).is_valid()
                && c.facts
                    .valid_until
                    .is_none_or(|until| (until - today).num_days() > i64::from(window))
        });
        if covered_beyond {
            continue;
        }
        let latest = of_program()
            .filter(|c| {
                matches!(
                    certificate_status(&c.facts, today),
                    CertificateStatus::Valid
                        | CertificateStatus::Expiring
                        | CertificateStatus::Expired
                )
            })
            .max_by_key(|c| (c.facts.issued_on, c.facts.valid_until));
        let Some(latest) = latest else { continue };
        let Some(valid_until) = latest.facts.valid_until else {
            continue;
        };
        let days_left = (valid_until - today).num_days();
        if let Some(band) = thresholds.band(days_left, window) {
            due.push(Due {
                key: latest.key,
                program,
                issued_on: latest.facts.issued_on,
                valid_until,
                days_left,
                band,
            });
        }
    }
    due
}

/// One requirement not yet met for re-certification.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Need {
    Seminar {
        seminar: SeminarId,
    },
    /// `missing` more of the `open` seminars.
    AtLeastN {
        missing: u32,
        open: Vec<SeminarId>,
    },
    TopicHours {
        topic: String,
        hours: f64,
        needed: f64,
    },
    /// A valid certificate of another program.
    Prerequisite {
        program: ProgramId,
    },
}

/// What `employee` still needs to renew a certificate of `program` issued on
/// `issued_on`: the program's requirements on `today`, counting only the training that
/// ended after the issue day (what counted for the old certificate does not count
/// again). Empty when everything is met. `records` are the person's attendance records,
/// `certificates` theirs of every program (for prerequisites).
pub fn renewal_needs(
    program: &Program,
    employee: &Employee,
    records: &[TrainingRecord],
    certificates: &[CertificateFacts],
    issued_on: NaiveDate,
    today: NaiveDate,
) -> Vec<Need> {
    let since: Vec<TrainingRecord> = records
        .iter()
        .filter(|r| r.ends_at.date() > issued_on)
        .cloned()
        .collect();
    let facts = AttendanceFacts::from_records(program, &since, today);
    // Whether the person has left is not asked here: leavers are never listed.
    let mut still_there = employee.clone();
    still_there.exit_date = None;
    let eligibility = eligibility_from_facts(program, &still_there, &facts, certificates, today);
    eligibility
        .requirements
        .into_iter()
        .filter(|r| !r.met)
        .map(|r| match r.progress {
            Progress::Seminar { seminar, .. } => Need::Seminar { seminar },
            Progress::AtLeastN { done, open, needed } => Need::AtLeastN {
                missing: needed.saturating_sub(u32::try_from(done.len()).unwrap_or(u32::MAX)),
                open,
            },
            Progress::TopicHours {
                topic,
                hours,
                needed,
            } => Need::TopicHours {
                topic,
                hours,
                needed,
            },
            Progress::Prerequisite { program, .. } => Need::Prerequisite { program },
        })
        .collect()
}

/// A seminar of the catalogue, as far as suitability goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CatalogueSeminar<'a> {
    pub id: SeminarId,
    pub topic: &'a str,
    pub archived: bool,
}

/// The seminars that would meet `needs`: the missing ones, the open ones of an
/// "at least n" set, and those in a topic short of hours (except ones `done_since` —
/// completed since the issue day — which add no hours again). Archived seminars are left out.
pub fn suitable_seminars(
    needs: &[Need],
    catalogue: &[CatalogueSeminar<'_>],
    done_since: &BTreeSet<SeminarId>,
) -> BTreeSet<SeminarId> {
    let mut wanted = BTreeSet::new();
    for need in needs {
        match need {
            Need::Seminar { seminar } => {
                wanted.insert(*seminar);
            }
            Need::AtLeastN { open, .. } => wanted.extend(open.iter().copied()),
            Need::TopicHours { topic, .. } => {
                let topic = topic.trim().to_lowercase();
                wanted.extend(
                    catalogue
                        .iter()
                        .filter(|s| topic_matches(s.topic, &topic) && !done_since.contains(&s.id))
                        .map(|s| s.id),
                );
            }
            Need::Prerequisite { .. } => {}
        }
    }
    let archived: BTreeSet<SeminarId> = catalogue
        .iter()
        .filter(|s| s.archived)
        .map(|s| s.id)
        .collect();
    wanted.retain(|s| !archived.contains(s));
    wanted
}

/// A dated session someone could book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenSession {
    pub id: SessionId,
    pub seminar: SeminarId,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    /// Places left; `None` = no limit.
    pub free: Option<u32>,
}

/// The sessions suggested for renewal: of the `seminars` wanted, starting after
/// `today`, with a free place, soonest first, at most `max`.
pub fn next_sessions(
    seminars: &BTreeSet<SeminarId>,
    sessions: &[OpenSession],
    today: NaiveDate,
    max: usize,
) -> Vec<OpenSession> {
    let mut found: Vec<OpenSession> = sessions
        .iter()
        .filter(|s| {
            seminars.contains(&s.seminar)
                && s.starts_at.date() > today
                && s.free.is_none_or(|f| f > 0)
        })
        .copied()
        .collect();
    found.sort_by_key(|s| (s.starts_at, s.id));
    found.truncate(max);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Attendance, AttendanceId, AttendanceStatus, EmployeeId, Requirement, SeminarFormat,
    };

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn employee(exit: Option<&str>) -> Employee {
        Employee {
            id: EmployeeId(1),
            personnel_number: "1001".into(),
            first_name: "Erika".into(),
            last_name: "Muster".into(),
            salutation: crate::model::Salutation::Female,
            email: None,
            department_id: None,
            job_title: None,
            entry_date: None,
            exit_date: exit.map(d),
            version: 1,
        }
    }

    fn cert(key: u32, program: i64, issued: &str, until: Option<&str>) -> HeldCertificate<u32> {
        HeldCertificate {
            key,
            facts: CertificateFacts {
                program_id: ProgramId(program),
                issued_on: d(issued),
                valid_until: until.map(d),
                revoked_on: None,
                superseded_on: None,
            },
        }
    }

    const TODAY: &str = "2026-11-21";

    fn due(certs: &[HeldCertificate<u32>], exit: Option<&str>) -> Vec<(u32, Band, i64)> {
        due_certificates(&employee(exit), certs, &Thresholds::default(), 90, d(TODAY))
            .into_iter()
            .map(|c| (c.key, c.band, c.days_left))
            .collect()
    }

    #[test]
    fn bands_follow_the_thresholds() {
        let t = Thresholds::default();
        let cases = [
            (-1, Some(Band::Expired)),
            (-400, Some(Band::Expired)),
            (0, Some(Band::Near)),
            (30, Some(Band::Near)),
            (31, Some(Band::Middle)),
            (60, Some(Band::Middle)),
            (61, Some(Band::Far)),
            (90, Some(Band::Far)),
            (91, None),
        ];
        for (days, band) in cases {
            assert_eq!(t.band(days, 90), band, "{days} days");
        }
        // A wider window keeps the widest band open; a narrower one ends it early.
        assert_eq!(t.band(120, 120), Some(Band::Far));
        assert_eq!(t.band(50, 45), None);
    }

    #[test]
    fn thresholds_must_be_positive_and_increasing() {
        let t = |near, middle, far| Thresholds { near, middle, far }.check();
        assert_eq!(t(30, 60, 90), Ok(()));
        assert_eq!(t(1, 2, 3), Ok(()));
        assert_eq!(t(0, 60, 90), Err(ThresholdProblem::NotPositive));
        assert_eq!(t(30, 30, 90), Err(ThresholdProblem::NotIncreasing));
        assert_eq!(t(60, 30, 90), Err(ThresholdProblem::NotIncreasing));
        assert_eq!(t(30, 90, 60), Err(ThresholdProblem::NotIncreasing));
    }

    #[test]
    fn expired_and_expiring_certificates_are_due_in_their_band() {
        let certs = [
            cert(1, 1, "2024-11-01", Some("2026-11-01")), // expired 20 days ago
            cert(2, 2, "2024-12-10", Some("2026-12-10")), // 19 days
            cert(3, 3, "2025-01-10", Some("2027-01-10")), // 50 days
            cert(4, 4, "2025-02-10", Some("2027-02-10")), // 81 days
            cert(5, 5, "2025-03-10", Some("2027-03-10")), // 109 days: not yet
            cert(6, 6, "2025-03-10", None),               // no expiry
        ];
        assert_eq!(
            due(&certs, None),
            vec![
                (1, Band::Expired, -20),
                (2, Band::Near, 19),
                (3, Band::Middle, 50),
                (4, Band::Far, 81),
            ]
        );
    }

    #[test]
    fn a_newer_certificate_hides_the_old_one() {
        let old = cert(1, 1, "2024-01-10", Some("2026-01-10"));
        let renewed = cert(2, 1, "2026-01-05", Some("2028-01-05"));
        assert_eq!(due(&[old, renewed], None), vec![]);
        // The newer one listed when it runs out itself, not the old one.
        let renewed_soon = cert(2, 1, "2025-12-01", Some("2026-12-01"));
        assert_eq!(due(&[old, renewed_soon], None), vec![(2, Band::Near, 10)]);
    }

    #[test]
    fn revoked_and_superseded_certificates_are_left_out() {
        let mut revoked = cert(1, 1, "2024-12-01", Some("2026-12-01"));
        revoked.facts.revoked_on = Some(d("2025-06-01"));
        assert_eq!(due(&[revoked], None), vec![]);
        // A revoked newer certificate does not hide the older one that runs out.
        let older = cert(2, 1, "2024-11-25", Some("2026-11-25"));
        assert_eq!(due(&[revoked, older], None), vec![(2, Band::Near, 4)]);
        let mut superseded = cert(3, 2, "2024-12-01", Some("2026-12-01"));
        superseded.facts.superseded_on = Some(d("2025-01-01"));
        let correction = cert(4, 2, "2025-01-01", Some("2026-12-01"));
        assert_eq!(
            due(&[superseded, correction], None),
            vec![(4, Band::Near, 10)]
        );
    }

    #[test]
    fn people_who_left_are_left_out() {
        let certs = [cert(1, 1, "2024-12-01", Some("2026-12-01"))];
        assert_eq!(due(&certs, Some("2026-10-31")), vec![]);
        // Leaving later: still listed.
        assert_eq!(due(&certs, Some("2027-03-31")), vec![(1, Band::Near, 10)]);
    }

    fn record(seminar: i64, topic: &str, day: &str, hours: f64) -> TrainingRecord {
        let start = d(day).and_hms_opt(9, 0, 0).unwrap();
        TrainingRecord {
            attendance: Attendance {
                id: AttendanceId(seminar),
                session_id: SessionId(seminar),
                employee_id: EmployeeId(1),
                status: AttendanceStatus::Attended,
                hours,
                note: String::new(),
            },
            seminar_id: SeminarId(seminar),
            seminar_code: format!("S{seminar}"),
            seminar_title: format!("Seminar {seminar}"),
            topic: topic.into(),
            format: SeminarFormat::default(),
            starts_at: start,
            ends_at: start + chrono::Duration::hours(hours as i64),
        }
    }

    fn program() -> Program {
        Program {
            id: ProgramId(1),
            code: "DL".into(),
            serial_prefix: "DL".into(),
            titles: Default::default(),
            description: String::new(),
            validity_months: Some(24),
            allow_partial: false,
            archived: false,
            requirements: vec![
                Requirement::Seminar(SeminarId(1)),
                Requirement::TopicHours {
                    topic: "IT-Sicherheit".into(),
                    hours: 8.0,
                },
            ],
            version: 1,
        }
    }

    #[test]
    fn training_before_the_issue_day_does_not_count_again() {
        let issued = d("2024-12-01");
        let before = [
            record(1, "Datenschutz", "2024-10-01", 4.0),
            record(2, "IT-Sicherheit", "2024-11-01", 8.0),
        ];
        let needs = renewal_needs(&program(), &employee(None), &before, &[], issued, d(TODAY));
        assert_eq!(
            needs,
            vec![
                Need::Seminar {
                    seminar: SeminarId(1)
                },
                Need::TopicHours {
                    topic: "IT-Sicherheit".into(),
                    hours: 0.0,
                    needed: 8.0
                },
            ]
        );
        // Training on the issue day itself counted for the old certificate.
        let on_the_day = [record(1, "Datenschutz", "2024-12-01", 4.0)];
        let needs = renewal_needs(
            &program(),
            &employee(None),
            &on_the_day,
            &[],
            issued,
            d(TODAY),
        );
        assert_eq!(needs.len(), 2);
        let since = [
            record(1, "Datenschutz", "2025-10-01", 4.0),
            record(3, "IT-Sicherheit", "2026-02-01", 4.0),
        ];
        let needs = renewal_needs(&program(), &employee(None), &since, &[], issued, d(TODAY));
        assert_eq!(
            needs,
            vec![Need::TopicHours {
                topic: "IT-Sicherheit".into(),
                hours: 4.0,
                needed: 8.0
            }]
        );
        let enough = [
            record(1, "Datenschutz", "2025-10-01", 4.0),
            record(3, "IT-Sicherheit", "2026-02-01", 8.0),
        ];
        assert!(
            renewal_needs(&program(), &employee(None), &enough, &[], issued, d(TODAY)).is_empty()
        );
    }

    #[test]
    fn suitable_sessions_are_future_free_and_few() {
        let at = |day: &str| d(day).and_hms_opt(9, 0, 0).unwrap();
        let session = |id: i64, seminar: i64, day: &str, free: Option<u32>| OpenSession {
            id: SessionId(id),
            seminar: SeminarId(seminar),
            starts_at: at(day),
            ends_at: at(day) + chrono::Duration::hours(4),
            free,
        };
        let catalogue = [
            CatalogueSeminar {
                id: SeminarId(1),
                topic: "Datenschutz",
                archived: false,
            },
            CatalogueSeminar {
                id: SeminarId(2),
                topic: "IT-Sicherheit",
                archived: false,
            },
            CatalogueSeminar {
                id: SeminarId(3),
                topic: "it-sicherheit ",
                archived: false,
            },
            CatalogueSeminar {
                id: SeminarId(4),
                topic: "IT-Sicherheit",
                archived: true,
            },
        ];
        let needs = [
            Need::Seminar {
                seminar: SeminarId(1),
            },
            Need::TopicHours {
                topic: "IT-Sicherheit".into(),
                hours: 4.0,
                needed: 8.0,
            },
        ];
        let done: BTreeSet<SeminarId> = [SeminarId(3)].into();
        let wanted = suitable_seminars(&needs, &catalogue, &done);
        assert_eq!(wanted, [SeminarId(1), SeminarId(2)].into());
        let sessions = [
            session(1, 1, "2026-11-21", None),    // today: not after today
            session(2, 1, "2026-12-05", Some(0)), // full
            session(3, 2, "2027-01-10", Some(3)),
            session(4, 1, "2026-12-01", None),
            session(5, 3, "2026-11-25", None), // not wanted
            session(6, 2, "2027-02-01", Some(1)),
            session(7, 1, "2027-03-01", None), // fourth
        ];
        let next: Vec<i64> = next_sessions(&wanted, &sessions, d(TODAY), 3)
            .iter()
            .map(|s| s.id.0)
            .collect();
        assert_eq!(next, vec![4, 3, 6]);
    }
}
