//! Planning a participant-list import: the values of every matched row against the
//! session's roster, sorted into added, updated, unchanged, unresolved, rejected and
//! skipped rows ([`plan`]).

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::super::pipeline::{Checked, Counts, checked, describe_line, line_list, repeated_lines};
use super::matching::{EmployeeRef, MatchedBy, Problem, Resolution, Resolutions, RowMatch};
use super::{HoursCell, ParticipantRecord, StatusCell};
use crate::i18n::{Arg, fmt_date, fmt_hours, t, ta};
use crate::model::{
    Attendance, AttendanceStatus, Department, DepartmentId, Employee, EmployeeId, Session,
};

/// Everything planning needs besides the file and the matches.
#[derive(Debug, Clone)]
pub struct Context {
    pub session: Session,
    /// The moment of planning (the store's clock): before the session has started only
    /// "registered" and "excused" can be recorded.
    pub now: NaiveDateTime,
    /// The hours a full attendance credits (see `service::attendance::full_hours`: the
    /// session's length, capped at the seminar's default hours).
    pub full_hours: f64,
    /// Every employee (leavers included) as the preview shows them.
    pub people: HashMap<EmployeeId, EmployeeRef>,
    /// The session's roster entries of (at least) every employee a row may be matched to.
    pub roster: HashMap<EmployeeId, Attendance>,
}

impl Context {
    /// The context for `session` at the moment `now`, crediting `full_hours` for a full
    /// attendance, with the current `employees`, `departments` and the session's `roster`.
    pub fn new(
        session: Session,
        now: NaiveDateTime,
        full_hours: f64,
        employees: &[Employee],
        departments: &[Department],
        roster: impl IntoIterator<Item = Attendance>,
    ) -> Context {
        let by_id: HashMap<DepartmentId, &Department> =
            departments.iter().map(|d| (d.id, d)).collect();
        Context {
            people: employees
                .iter()
                .map(|e| (e.id, EmployeeRef::new(e, &by_id, &session)))
                .collect(),
            roster: roster.into_iter().map(|a| (a.employee_id, a)).collect(),
            session,
            now,
            full_hours,
        }
    }

    /// The most hours a row may credit: the session's length.
    pub fn max_hours(&self) -> f64 {
        self.session.duration_hours().max(0.0)
    }

    /// Whether the session has not started yet: then only "registered" and "excused"
    /// can be recorded.
    pub fn is_future(&self) -> bool {
        self.now < self.session.starts_at
    }
}

/// A row that adds a roster entry, changes one, or leaves one as it is.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedRow {
    pub line: usize,
    pub employee: EmployeeRef,
    pub matched_by: MatchedBy,
    pub status: AttendanceStatus,
    /// Hours credited; 0 unless attended or partial.
    pub hours: f64,
    pub note: String,
    /// The roster entry before the import; `None` for a row that adds one.
    pub existing: Option<Attendance>,
}

impl PlannedRow {
    /// "Zeile 3: 1001 Jürgen Weiß (10.1) – teilgenommen, 8 Std. (erkannt über die
    /// E-Mail-Adresse)"; for a change "angemeldet → teilgenommen, 8 Std.".
    pub fn describe(&self) -> String {
        let new = value_text(self.status, self.hours, &self.note);
        let what = match &self.existing {
            Some(old) if !self.is_unchanged() => ta(
                "impatt-change",
                &[
                    (
                        "old",
                        Arg::from(value_text(old.status, old.hours, &old.note)),
                    ),
                    ("new", Arg::from(new)),
                ],
            ),
            _ => new,
        };
        let by = self.matched_by.describe();
        let text = if by.is_empty() {
            ta(
                "impatt-row",
                &[
                    ("person", Arg::from(self.employee.label())),
                    ("what", Arg::from(what)),
                ],
            )
        } else {
            ta(
                "impatt-row-matched",
                &[
                    ("person", Arg::from(self.employee.label())),
                    ("what", Arg::from(what)),
                    ("by", Arg::from(by)),
                ],
            )
        };
        describe_line(self.line, &text)
    }

    /// True when the roster entry exists with the same status, hours and note.
    pub fn is_unchanged(&self) -> bool {
        self.existing.as_ref().is_some_and(|a| {
            a.status == self.status && (a.hours - self.hours).abs() < 1e-9 && a.note == self.note
        })
    }
}

/// "teilgenommen, 8 Std., Bemerkung „ab 10 Uhr“" — hours only where they count.
pub fn value_text(status: AttendanceStatus, hours: f64, note: &str) -> String {
    let mut text = status_label(status);
    if status.credits_hours() || hours > 0.0 {
        text = ta(
            "impatt-status-hours",
            &[
                ("status", Arg::from(text)),
                ("hours", Arg::from(fmt_hours(hours))),
            ],
        );
    }
    if !note.is_empty() {
        text = ta(
            "impatt-with-note",
            &[("text", Arg::from(text)), ("note", Arg::from(note))],
        );
    }
    text
}

/// The status as the import shows it ("teilgenommen", "entschuldigt" …).
pub fn status_label(status: AttendanceStatus) -> String {
    status.label()
}

/// A row that is not matched to exactly one employee: the user picks one or skips it.
#[derive(Debug, Clone, PartialEq)]
pub struct UnresolvedRow {
    pub line: usize,
    /// How the file names the person ([`ParticipantRecord::written`]).
    pub written: String,
    pub problem: Problem,
    /// The employees the row may mean, best first; may be empty.
    pub candidates: Vec<EmployeeRef>,
}

impl UnresolvedRow {
    /// "Zeile 6: „Anna Schmidt, Bauamt“ – 2 Beschäftigte passen dazu." (the candidates
    /// are described one by one with [`EmployeeRef::describe`]).
    pub fn describe(&self) -> String {
        describe_line(
            self.line,
            &ta(
                "impatt-unresolved",
                &[
                    ("written", Arg::from(&self.written)),
                    (
                        "problem",
                        Arg::from(self.problem.message(self.candidates.len())),
                    ),
                ],
            ),
        )
    }
}

/// Why a row is rejected (the file must be fixed, or the row skipped).
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// The row has neither personnel number nor e-mail nor name.
    NoPerson,
    UnknownStatus(String),
    InvalidHours(String),
    /// More hours than the session lasts.
    TooManyHours {
        hours: f64,
        max: f64,
    },
    /// "Partial" without hours (or with 0).
    PartialWithoutHours,
    /// Hours for a status that credits none (absent, excused, registered).
    HoursNotCredited {
        status: AttendanceStatus,
        hours: f64,
    },
    /// The session has not started yet: only "registered" and "excused" are possible.
    NotYetHeld {
        status: AttendanceStatus,
        starts: NaiveDate,
    },
    /// The user chose someone who was not employed when the session took place (label
    /// as in [`EmployeeRef::label`]).
    NotEmployed(String),
    /// The same employee on several lines (every one of them is rejected).
    DuplicateInFile {
        employee: String,
        lines: Vec<usize>,
    },
    /// The user chose an employee who does not exist (any more).
    UnknownEmployee(EmployeeId),
}

impl Reason {
    /// The reason in the current language.
    pub fn message(&self) -> String {
        match self {
            Reason::NoPerson => t("impatt-no-person"),
            Reason::UnknownStatus(value) => {
                ta("impatt-unknown-status", &[("value", Arg::from(value))])
            }
            Reason::InvalidHours(value) => {
                ta("impatt-invalid-hours", &[("value", Arg::from(value))])
            }
            Reason::TooManyHours { hours, max } => ta(
                "impatt-too-many-hours",
                &[
                    ("hours", Arg::from(fmt_hours(*hours))),
                    ("max", Arg::from(fmt_hours(*max))),
                ],
            ),
            Reason::PartialWithoutHours => t("impatt-partial-without-hours"),
            Reason::HoursNotCredited { status, hours } => ta(
                "impatt-hours-not-credited",
                &[
                    ("status", Arg::from(status_label(*status))),
                    ("hours", Arg::from(fmt_hours(*hours))),
                ],
            ),
            Reason::NotYetHeld { status, starts } => ta(
                "impatt-not-yet-held",
                &[
                    ("status", Arg::from(status_label(*status))),
                    ("date", Arg::from(fmt_date(*starts))),
                ],
            ),
            Reason::DuplicateInFile { employee, lines } => ta(
                "impatt-duplicate",
                &[
                    ("person", Arg::from(employee)),
                    ("lines", Arg::from(line_list(lines))),
                ],
            ),
            Reason::NotEmployed(employee) => {
                ta("impatt-not-employed", &[("person", Arg::from(employee))])
            }
            Reason::UnknownEmployee(id) => {
                ta("impatt-unknown-employee", &[("id", Arg::from(id.0))])
            }
        }
    }
}

/// A row that cannot be imported.
#[derive(Debug, Clone, PartialEq)]
pub struct RejectedRow {
    pub line: usize,
    /// How the file names the person ([`ParticipantRecord::written`]).
    pub written: String,
    /// Never empty.
    pub reasons: Vec<Reason>,
}

impl RejectedRow {
    /// "Zeile 7: „Jürgen Weiß“ – Ungültige Stundenzahl „vier“ …"
    pub fn describe(&self) -> String {
        let reasons: Vec<String> = self.reasons.iter().map(Reason::message).collect();
        describe_line(
            self.line,
            &ta(
                "impatt-rejected",
                &[
                    ("written", Arg::from(&self.written)),
                    ("reasons", Arg::from(reasons.join(" "))),
                ],
            ),
        )
    }
}

/// What an import would do to the session's roster. Every data row is in exactly one
/// list; all lists are in file order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    /// Rows that add a roster entry.
    pub added: Vec<PlannedRow>,
    /// Rows that change an existing entry's status, hours or note.
    pub updated: Vec<PlannedRow>,
    /// Rows whose entry already says the same.
    pub unchanged: Vec<PlannedRow>,
    /// Rows without a resolution that match nobody or several employees.
    pub unresolved: Vec<UnresolvedRow>,
    pub rejected: Vec<RejectedRow>,
    /// Lines the user chose to skip.
    pub skipped: Vec<usize>,
}

impl Plan {
    /// True when nothing stands in the way of a commit: no row unresolved or rejected.
    pub fn is_ready(&self) -> bool {
        self.unresolved.is_empty() && self.rejected.is_empty()
    }

    /// How many rows go into each list.
    pub fn counts(&self) -> Counts {
        Counts {
            added: self.added.len(),
            changed: self.updated.len(),
            unchanged: self.unchanged.len(),
            unresolved: self.unresolved.len(),
            rejected: self.rejected.len(),
            skipped: self.skipped.len(),
        }
    }

    /// The number of data rows the plan covers.
    pub fn rows(&self) -> usize {
        self.counts().rows()
    }
}

/// Status, hours and note a matched row records.
struct Values {
    status: AttendanceStatus,
    hours: f64,
    note: String,
}

/// The row's values against the employee's roster entry `existing` (rules in [`plan`]).
fn values(
    record: &ParticipantRecord,
    existing: Option<&Attendance>,
    ctx: &Context,
) -> Checked<Values, Reason> {
    let mut reasons = Vec::new();
    let max = ctx.max_hours();
    let future = ctx.is_future();
    let cell_hours = match &record.hours {
        HoursCell::Blank => None,
        HoursCell::Hours(h) => {
            if max > 0.0 && *h > max + 1e-9 {
                reasons.push(Reason::TooManyHours { hours: *h, max });
            }
            Some(*h)
        }
        HoursCell::Invalid(text) => {
            reasons.push(Reason::InvalidHours(text.clone()));
            None
        }
    };
    let kept = existing.filter(|a| a.status.credits_hours());
    let (status, stored_hours) = match (&record.status, kept) {
        (StatusCell::Status(s), _) => (*s, existing.filter(|a| a.status == *s).map(|a| a.hours)),
        (StatusCell::Unknown(text), _) => {
            reasons.push(Reason::UnknownStatus(text.clone()));
            return Err(reasons);
        }
        (StatusCell::Blank, Some(a)) => (a.status, Some(a.hours)),
        (StatusCell::Blank, None) if future => (AttendanceStatus::Registered, None),
        (StatusCell::Blank, None) => (AttendanceStatus::Attended, None),
    };
    if future
        && !matches!(
            status,
            AttendanceStatus::Registered | AttendanceStatus::Excused
        )
    {
        reasons.push(Reason::NotYetHeld {
            status,
            starts: ctx.session.starts_at.date(),
        });
    }
    let hours = match cell_hours {
        Some(h) => {
            if !status.credits_hours() && h > 0.0 {
                reasons.push(Reason::HoursNotCredited { status, hours: h });
            } else if status == AttendanceStatus::Partial && h <= 0.0 {
                reasons.push(Reason::PartialWithoutHours);
            }
            h
        }
        None if matches!(record.hours, HoursCell::Invalid(_)) => 0.0,
        None => match (status, stored_hours) {
            (s, Some(h)) if s.credits_hours() => h,
            (AttendanceStatus::Attended, _) => ctx.full_hours,
            (AttendanceStatus::Partial, _) => {
                reasons.push(Reason::PartialWithoutHours);
                0.0
            }
            _ => 0.0,
        },
    };
    let note = if record.note.is_empty() {
        existing.map(|a| a.note.clone()).unwrap_or_default()
    } else {
        record.note.clone()
    };
    checked(
        Some(Values {
            status,
            hours,
            note,
        }),
        reasons,
    )
}

/// One row on its way through [`plan`].
enum Step {
    Skipped,
    Unresolved(Problem, Vec<EmployeeId>),
    Rejected(Option<(EmployeeId, MatchedBy)>, Vec<Reason>),
    Planned(EmployeeId, MatchedBy, Values),
}

/// Plans the import of `records` (matched by [`match_rows`], same order) into the
/// session of `ctx`, with the user's `resolutions`.
///
/// Rows with invalid values are rejected even when unmatched (fixing the file comes
/// first); a resolution chooses the employee of any row or skips it. The same employee
/// on several lines (by any kind of match) rejects every one of those lines. Matched rows
/// compare with the roster: no entry → added; the same status, hours and note →
/// unchanged; else updated. Roster entries of people not in the file are left alone.
///
/// Values of a row:
/// - **Status**: the cell's. A blank cell means attended — registered for a session that
///   has not started — except that a roster entry already marked attended or partial
///   keeps its status and hours (importing the same list twice changes nothing).
/// - **Hours**: the cell's. A blank cell means the stored hours when the status stays the
///   same, else the full hours ([`Context::full_hours`]) for attended and 0 for the
///   others; partial needs hours above 0. Hours must not exceed the session's length
///   ([`Session::duration_hours`]) and are refused for statuses that credit none.
/// - **Note**: the cell's; a blank cell keeps the stored note.
/// - Before the session has started (`ctx.now`), only "registered" and "excused" are
///   possible.
/// - A user may choose any employee for a row, but not one who was not employed when
///   the session took place (the roster refuses them too).
pub fn plan(
    records: &[ParticipantRecord],
    matches: &[RowMatch],
    resolutions: &Resolutions,
    ctx: &Context,
) -> Plan {
    let steps: Vec<Step> = records
        .iter()
        .zip(matches)
        .map(|(record, found)| {
            let chosen = match resolutions.get(&record.line) {
                Some(Resolution::Skip) => return Step::Skipped,
                Some(Resolution::Employee(id)) => match ctx.people.get(id) {
                    Some(e) if e.employed_at_session => Some((*id, MatchedBy::User)),
                    Some(e) => {
                        return Step::Rejected(
                            Some((*id, MatchedBy::User)),
                            vec![Reason::NotEmployed(e.label())],
                        );
                    }
                    None => return Step::Rejected(None, vec![Reason::UnknownEmployee(*id)]),
                },
                None => match found {
                    RowMatch::Found { employee, by } => Some((*employee, *by)),
                    RowMatch::NoPerson => return Step::Rejected(None, vec![Reason::NoPerson]),
                    RowMatch::Unresolved { .. } => None,
                },
            };
            let existing = chosen.and_then(|(id, _)| ctx.roster.get(&id));
            match (values(record, existing, ctx), chosen, found) {
                (Err(reasons), chosen, _) => Step::Rejected(chosen, reasons),
                (Ok(values), Some((id, by)), _) => Step::Planned(id, by, values),
                (
                    Ok(_),
                    None,
                    RowMatch::Unresolved {
                        problem,
                        candidates,
                    },
                ) => Step::Unresolved(problem.clone(), candidates.clone()),
                // Without a choice a row is found, unresolved or has no person (handled above).
                (Ok(_), None, _) => Step::Rejected(None, vec![Reason::NoPerson]),
            }
        })
        .collect();

    let lines_of = repeated_lines(records.iter().zip(&steps).filter_map(
        |(record, step)| match step {
            Step::Planned(id, ..) | Step::Rejected(Some((id, _)), _) => Some((*id, record.line)),
            _ => None,
        },
    ));
    let duplicate = |id: &EmployeeId| -> Option<Reason> {
        let lines = lines_of.get(id)?;
        let employee = ctx
            .people
            .get(id)
            .map_or_else(|| id.to_string(), EmployeeRef::label);
        Some(Reason::DuplicateInFile {
            employee,
            lines: lines.clone(),
        })
    };

    let mut out = Plan::default();
    for (record, step) in records.iter().zip(steps) {
        let reject = |reasons| RejectedRow {
            line: record.line,
            written: record.written(),
            reasons,
        };
        match step {
            Step::Skipped => out.skipped.push(record.line),
            Step::Unresolved(problem, candidates) => out.unresolved.push(UnresolvedRow {
                line: record.line,
                written: record.written(),
                problem,
                candidates: candidates
                    .iter()
                    .filter_map(|id| ctx.people.get(id).cloned())
                    .collect(),
            }),
            Step::Rejected(chosen, mut reasons) => {
                if let Some(reason) = chosen.and_then(|(id, _)| duplicate(&id)) {
                    reasons.insert(0, reason);
                }
                out.rejected.push(reject(reasons));
            }
            Step::Planned(id, by, values) => {
                if let Some(reason) = duplicate(&id) {
                    out.rejected.push(reject(vec![reason]));
                    continue;
                }
                let Some(employee) = ctx.people.get(&id).cloned() else {
                    out.rejected.push(reject(vec![Reason::UnknownEmployee(id)]));
                    continue;
                };
                let row = PlannedRow {
                    line: record.line,
                    employee,
                    matched_by: by,
                    status: values.status,
                    hours: values.hours,
                    note: values.note,
                    existing: ctx.roster.get(&id).cloned(),
                };
                if row.existing.is_none() {
                    out.added.push(row);
                } else if row.is_unchanged() {
                    out.unchanged.push(row);
                } else {
                    out.updated.push(row);
                }
            }
        }
    }
    out
}
