use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::expiry::{CertificateFacts, certificate_status};
use crate::model::{
    AttendanceStatus, Employee, Program, ProgramId, Requirement, SeminarId, TrainingRecord,
};

/// How far one requirement is met.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Progress {
    /// A required seminar: the day it was completed, if it was.
    Seminar {
        seminar: SeminarId,
        completed_on: Option<NaiveDate>,
    },
    /// At least `needed` of a set of seminars.
    AtLeastN {
        done: Vec<SeminarId>,
        open: Vec<SeminarId>,
        needed: u32,
    },
    /// At least `needed` hours in `topic`.
    TopicHours {
        topic: String,
        hours: f64,
        needed: f64,
    },
    /// A valid certificate of another program: its last valid day if held
    /// (`Some(None)` = held without expiry).
    Prerequisite {
        program: ProgramId,
        valid_until: Option<Option<NaiveDate>>,
    },
}

/// One requirement and how far it is met.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequirementProgress {
    pub progress: Progress,
    pub met: bool,
}

impl RequirementProgress {
    /// Progress as a fraction 0.0..=1.0, for progress bars.
    pub fn fraction(&self) -> f64 {
        if self.met {
            return 1.0;
        }
        match &self.progress {
            Progress::Seminar { .. } | Progress::Prerequisite { .. } => 0.0,
            Progress::AtLeastN { done, needed, .. } => {
                (done.len() as f64 / f64::from((*needed).max(1))).min(1.0)
            }
            Progress::TopicHours { hours, needed, .. } => {
                (hours / needed.max(f64::EPSILON)).min(1.0)
            }
        }
    }
}

/// Where an employee stands with a program on a day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Eligibility {
    pub program: ProgramId,
    pub as_of: NaiveDate,
    /// In the program's order.
    pub requirements: Vec<RequirementProgress>,
    /// The employee had left by `as_of`: never eligible.
    pub left: bool,
    /// Every requirement met, the program has requirements, and the employee is still there.
    pub eligible: bool,
}

impl Eligibility {
    pub fn met_count(&self) -> usize {
        self.requirements.iter().filter(|r| r.met).count()
    }

    /// Not eligible, but at least one requirement met.
    pub fn in_progress(&self) -> bool {
        !self.eligible && self.met_count() > 0
    }

    /// The mean of the requirements' fractions: 0.0..=1.0.
    pub fn fraction(&self) -> f64 {
        if self.requirements.is_empty() {
            return 0.0;
        }
        self.requirements
            .iter()
            .map(RequirementProgress::fraction)
            .sum::<f64>()
            / self.requirements.len() as f64
    }
}

/// Whether an attendance record completes its seminar for `program` by `as_of`:
/// attended, or partial with hours where the program allows it, at a session that
/// ended on or before `as_of`.
fn completes(record: &TrainingRecord, program: &Program, as_of: NaiveDate) -> bool {
    if record.ends_at.date() > as_of {
        return false;
    }
    match record.attendance.status {
        AttendanceStatus::Attended => true,
        AttendanceStatus::Partial => program.allow_partial && record.attendance.hours > 0.0,
        _ => false,
    }
}

/// Whether `topic` names `wanted_lower` (already trimmed and lower-case), ignoring case
/// and surrounding space, without allocating.
fn same_topic(topic: &str, wanted_lower: &str) -> bool {
    topic
        .trim()
        .chars()
        .flat_map(char::to_lowercase)
        .eq(wanted_lower.chars())
}

/// What one program's requirements need to know of one employee's attendance on a day:
/// the first day each seminar was completed, and the hours credited per topic. Built
/// from the employee's records in memory ([`AttendanceFacts::from_records`]) or from
/// completions the database aggregated ([`AttendanceFacts::from_completions`]); both
/// give the same facts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AttendanceFacts {
    /// The first day each seminar was completed by the day asked about (attended, or
    /// partial with hours where the program allows it). Holds at least every seminar
    /// the program names.
    pub completed: BTreeMap<SeminarId, NaiveDate>,
    /// Per topic of the program's hours requirements (trimmed, lower case): the hours of
    /// the completed seminars in it, each seminar once with its most hours. A topic
    /// without any is missing.
    pub topic_hours: BTreeMap<String, f64>,
}

/// One seminar an employee completed for a program by a day: the first day, and the
/// most hours of any completing session. What the database aggregates per employee.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeminarCompletion {
    pub seminar: SeminarId,
    pub first_day: NaiveDate,
    pub hours: f64,
}

/// The topics of the program's hours requirements, trimmed and lower case, each once.
pub fn program_topics(program: &Program) -> BTreeSet<String> {
    program
        .requirements
        .iter()
        .filter_map(|req| match req {
            Requirement::TopicHours { topic, .. } => Some(topic.trim().to_lowercase()),
            _ => None,
        })
        .collect()
}

/// Whether the seminar topic `topic` is the program topic `wanted` (from
/// [`program_topics`]): case and surrounding space ignored.
pub fn topic_matches(topic: &str, wanted: &str) -> bool {
    same_topic(topic, wanted)
}

/// The hours of no seminar (the empty sum, as the per-seminar sum gives it).
fn no_hours() -> f64 {
    std::iter::empty::<f64>().sum()
}

impl AttendanceFacts {
    /// The facts of `program` on `as_of` from one employee's attendance `records` (any
    /// order; others' records must not be passed).
    pub fn from_records(
        program: &Program,
        records: &[TrainingRecord],
        as_of: NaiveDate,
    ) -> AttendanceFacts {
        let mut completed: BTreeMap<SeminarId, NaiveDate> = BTreeMap::new();
        for r in records.iter().filter(|r| completes(r, program, as_of)) {
            let day = r.ends_at.date();
            completed
                .entry(r.seminar_id)
                .and_modify(|d| *d = (*d).min(day))
                .or_insert(day);
        }
        let mut topic_hours = BTreeMap::new();
        for wanted in program_topics(program) {
            // Completed sessions in the topic (partial ones only where the program allows
            // them), each seminar once: retaking a seminar adds no hours.
            let mut per_seminar: BTreeMap<SeminarId, f64> = BTreeMap::new();
            for r in records
                .iter()
                .filter(|r| same_topic(&r.topic, &wanted) && completes(r, program, as_of))
            {
                let hours = per_seminar.entry(r.seminar_id).or_insert(0.0);
                *hours = hours.max(r.attendance.hours.max(0.0));
            }
            if !per_seminar.is_empty() {
                topic_hours.insert(wanted, per_seminar.values().sum());
            }
        }
        AttendanceFacts {
            completed,
            topic_hours,
        }
    }

    /// The facts of `program` from one employee's completions (each seminar at most
    /// once, any order); `topic_of` names a seminar's topic. Only completions by the day
    /// asked about may be passed: sessions attended, or partial with hours where the
    /// program allows it, that ended on or before that day.
    pub fn from_completions<'t>(
        program: &Program,
        completions: &[SeminarCompletion],
        topic_of: impl Fn(SeminarId) -> Option<&'t str>,
    ) -> AttendanceFacts {
        let mut per_seminar: BTreeMap<SeminarId, (NaiveDate, f64)> = BTreeMap::new();
        for c in completions {
            let entry = per_seminar.entry(c.seminar).or_insert((c.first_day, 0.0));
            entry.0 = entry.0.min(c.first_day);
            entry.1 = entry.1.max(c.hours.max(0.0));
        }
        let mut topic_hours = BTreeMap::new();
        for wanted in program_topics(program) {
            let mut any = false;
            // In seminar order, as `from_records` adds them: the same sum to the last bit.
            let sum: f64 = per_seminar
                .iter()
                .filter(|(s, _)| topic_of(**s).is_some_and(|t| same_topic(t, &wanted)))
                .map(|(_, (_, hours))| {
                    any = true;
                    *hours
                })
                .sum();
            if any {
                topic_hours.insert(wanted, sum);
            }
        }
        AttendanceFacts {
            completed: per_seminar
                .into_iter()
                .map(|(s, (day, _))| (s, day))
                .collect(),
            topic_hours,
        }
    }
}

/// The state of `program` for `employee` on `as_of`, from the employee's attendance
/// `records` and `certificates` (any order; others' records must not be passed).
pub fn eligibility(
    program: &Program,
    employee: &Employee,
    records: &[TrainingRecord],
    certificates: &[CertificateFacts],
    as_of: NaiveDate,
) -> Eligibility {
    let facts = AttendanceFacts::from_records(program, records, as_of);
    eligibility_from_facts(program, employee, &facts, certificates, as_of)
}

/// The state of `program` for `employee` on `as_of`, from the [`AttendanceFacts`] of
/// that program and day and the employee's `certificates`.
pub fn eligibility_from_facts(
    program: &Program,
    employee: &Employee,
    facts: &AttendanceFacts,
    certificates: &[CertificateFacts],
    as_of: NaiveDate,
) -> Eligibility {
    let completed = &facts.completed;
    let requirements: Vec<RequirementProgress> = program
        .requirements
        .iter()
        .map(|req| match req {
            Requirement::Seminar(seminar) => {
                let completed_on = completed.get(seminar).copied();
                RequirementProgress {
                    met: completed_on.is_some(),
                    progress: Progress::Seminar {
                        seminar: *seminar,
                        completed_on,
                    },
                }
            }
            Requirement::AtLeastN { n, seminars } => {
                let unique: BTreeSet<SeminarId> = seminars.iter().copied().collect();
                let (done, open): (Vec<SeminarId>, Vec<SeminarId>) =
                    unique.into_iter().partition(|s| completed.contains_key(s));
                RequirementProgress {
                    met: done.len() >= *n as usize,
                    progress: Progress::AtLeastN {
                        done,
                        open,
                        needed: *n,
                    },
                }
            }
            Requirement::TopicHours { topic, hours } => {
                let wanted = topic.trim().to_lowercase();
                let got = facts
                    .topic_hours
                    .get(&wanted)
                    .copied()
                    .unwrap_or_else(no_hours);
                RequirementProgress {
                    met: got + 1e-9 >= *hours,
                    progress: Progress::TopicHours {
                        topic: topic.clone(),
                        hours: got,
                        needed: *hours,
                    },
                }
            }
            Requirement::Prerequisite(other) => {
                let best = certificates
                    .iter()
                    .filter(|c| c.program_id == *other && certificate_status(c, as_of).is_valid())
                    .map(|c| c.valid_until)
                    // No expiry beats any date; otherwise the latest day.
                    .max_by_key(|until| until.unwrap_or(NaiveDate::MAX));
                RequirementProgress {
                    met: best.is_some(),
                    progress: Progress::Prerequisite {
                        program: *other,
                        valid_until: best,
                    },
                }
            }
        })
        .collect();
    let left = !employee.is_active_on(as_of);
    let eligible = !left && !requirements.is_empty() && requirements.iter().all(|r| r.met);
    Eligibility {
        program: program.id,
        as_of,
        requirements,
        left,
        eligible,
    }
}

/// The records that count towards `program` by `as_of`, in date order: completed
/// sessions of the seminars it names, and credited sessions in its topics. These are
/// what a certificate lists.
pub fn qualifying_records<'a>(
    program: &Program,
    records: &'a [TrainingRecord],
    as_of: NaiveDate,
) -> Vec<&'a TrainingRecord> {
    let mut seminars: BTreeSet<SeminarId> = BTreeSet::new();
    let mut topics: BTreeSet<String> = BTreeSet::new();
    for req in &program.requirements {
        match req {
            Requirement::Seminar(s) => {
                seminars.insert(*s);
            }
            Requirement::AtLeastN { seminars: set, .. } => seminars.extend(set.iter().copied()),
            Requirement::TopicHours { topic, .. } => {
                topics.insert(topic.trim().to_lowercase());
            }
            Requirement::Prerequisite(_) => {}
        }
    }
    // Only completed sessions (attended, or partial where the program allows it): the
    // certificate says they were completed successfully.
    let mut chosen: Vec<&TrainingRecord> = records
        .iter()
        .filter(|r| {
            completes(r, program, as_of)
                && (seminars.contains(&r.seminar_id)
                    || topics.iter().any(|t| same_topic(&r.topic, t)))
        })
        .collect();
    // A seminar completed more than once is listed once: with the most hours (as the
    // hours requirement counts it), at its first such completion.
    chosen.sort_by(|a, b| {
        a.seminar_id
            .cmp(&b.seminar_id)
            .then(b.attendance.hours.total_cmp(&a.attendance.hours))
            .then(a.starts_at.cmp(&b.starts_at))
    });
    let mut seen = BTreeSet::new();
    chosen.retain(|r| seen.insert(r.seminar_id));
    chosen.sort_by_key(|r| (r.starts_at, r.seminar_id));
    chosen
}
