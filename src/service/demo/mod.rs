//! Sample data: `lotse demo` fills an empty database with a believable German municipal
//! administration (the "Stadt Porta Westfalica"): Dezernate, Ämter and Abteilungen, staff
//! with their history, the DigiFit seminar catalogue with nearly three years of sessions and
//! attendance, and the programs Digitallotse/Digitallotsin and Digital- und
//! Changemanager:in, with certificates issued to the eligible over the years (see
//! [`CertificateCounts`]).
//!
//! Everything is first planned in memory from one seeded ChaCha8 generator — the same seed
//! gives the same administration; dates are relative to the store's today, so the data
//! always looks current — and then written in one transaction with one audit entry (and
//! the one recording that the database's verification secret was created).

use std::collections::HashSet;

use chrono::{Days, Months, NaiveDate, NaiveDateTime};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::error::{Error, Result};
use crate::i18n::{Arg, Lang, language, t, ta};
use crate::model::{
    Attendance, AttendanceId, AttendanceInput, AttendanceStatus, DepartmentId, DepartmentInput,
    Employee, EmployeeId, EmployeeInput, Program, ProgramId, ProgramInput, ProgramTitles,
    Requirement, SeminarId, SessionId, SessionInput, TrainingRecord,
};
use crate::service::Database;
use crate::service::settings;
use crate::store::Read;
use crate::store::Tx;

mod certificates;
mod data;
mod desires;
mod sessions;
mod staff;
#[cfg(test)]
mod tests;

pub use certificates::CertificateCounts;

use data::{
    HISTORY_MONTHS, ORGANISATION, PLACE, Role, SEMINARS, SIGNATORY_NAME, SIGNATORY_TITLE,
    SeminarSpec, TOPIC_CHANGE, TOPIC_DIGITAL, UNITS, UPCOMING_MONTHS,
};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoOptions {
    /// Number of employees (leavers included), 1 to [`MAX_EMPLOYEES`].
    pub employees: usize,
    /// The same seed gives the same administration (relative to today).
    pub seed: u64,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            employees: 400,
            seed: 1,
        }
    }
}

/// What was generated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DemoSummary {
    pub departments: usize,
    pub employees: usize,
    /// Employees among `employees` who have left (with an exit date in the past).
    pub leavers: usize,
    pub seminars: usize,
    pub sessions: usize,
    pub attendance: usize,
    pub programs: usize,
    pub certificates: CertificateCounts,
}

impl DemoSummary {
    /// One line in the current language: "Beispielverwaltung angelegt: 32 Organisationseinheiten, …".
    pub fn describe(&self) -> String {
        let lang = language();
        let num = |n: usize| Arg::from(group_digits(n, lang));
        ta(
            "demo-summary",
            &[
                ("departments", num(self.departments)),
                ("employees", num(self.employees)),
                ("employees_n", Arg::from(self.employees)),
                ("seminars", num(self.seminars)),
                ("sessions", num(self.sessions)),
                ("attendance", num(self.attendance)),
                ("attendance_n", Arg::from(self.attendance)),
                ("programs", num(self.programs)),
            ],
        ) + " "
            + &ta(
                "train-demo-certificates",
                &[
                    ("count", Arg::from(self.certificates.issued)),
                    ("expired", Arg::from(self.certificates.expired)),
                    ("expiring", Arg::from(self.certificates.expiring)),
                ],
            )
    }

    /// The audit summary: counts and seed, no personal data.
    fn audit_text(&self, seed: u64) -> String {
        format!(
            "seed {seed}: departments {}, employees {} ({} leavers), seminars {}, sessions {}, attendance {}, programs {}, \
             certificates {} (valid {}, expiring {}, expired {}, revoked {}, superseded {})",
            self.departments,
            self.employees,
            self.leavers,
            self.seminars,
            self.sessions,
            self.attendance,
            self.programs,
            self.certificates.issued,
            self.certificates.valid,
            self.certificates.expiring,
            self.certificates.expired,
            self.certificates.revoked,
            self.certificates.superseded
        )
    }
}

/// 5123 as "5 123" (German, with a no-break space) or "5,123" (English).
fn group_digits(n: usize, lang: Lang) -> String {
    let digits = n.to_string();
    let separator = match lang {
        Lang::De => '\u{a0}',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) && digits.len() > 4 {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// The most employees a sample administration may have (more would take minutes and
/// gigabytes of memory).
pub const MAX_EMPLOYEES: usize = 50_000;

/// Fills an empty database with a sample administration in one transaction.
///
/// A number of employees outside 1..=[`MAX_EMPLOYEES`] is refused with a message before
/// anything is read or written.
/// `progress` is called with the fraction done (0.0 to 1.0); when it returns `false` the
/// generation stops with [`Error::Cancelled`] and nothing is written. A database that
/// already holds departments, employees, seminars or programs is refused unchanged.
pub fn generate(
    db: &mut Database,
    options: &DemoOptions,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<DemoSummary> {
    let store = db.store_mut();
    if !(1..=MAX_EMPLOYEES).contains(&options.employees) {
        return Err(Error::Message(t("demo-limit-employees")));
    }
    let today = store.today();
    let organisation_set = store.setting(settings::ORGANISATION)?.is_some();
    let place_set = store.setting(settings::PLACE)?.is_some();
    let signatory_set = store.setting(settings::SIGNATORY_NAME)?.is_some();
    store.transact(|tx| {
        let counts = tx.domain_counts()?;
        if !counts.is_empty() {
            return Err(Error::Message(ta(
                "demo-not-empty",
                &[
                    ("departments", Arg::from(counts.departments)),
                    ("employees", Arg::from(counts.employees)),
                    ("seminars", Arg::from(counts.seminars)),
                    ("programs", Arg::from(counts.programs)),
                ],
            )));
        }
        if !progress(0.0) {
            return Err(Error::Cancelled);
        }
        let plan = Planner::new(options, today).plan();
        if !progress(0.05) {
            return Err(Error::Cancelled);
        }
        if !organisation_set {
            tx.set_setting(settings::ORGANISATION, Some(ORGANISATION))?;
        }
        if !place_set {
            tx.set_setting(settings::PLACE, Some(PLACE))?;
        }
        if !signatory_set {
            tx.set_setting(settings::SIGNATORY_NAME, Some(SIGNATORY_NAME))?;
            tx.set_setting(settings::SIGNATORY_TITLE, Some(SIGNATORY_TITLE))?;
        }
        let summary = write(tx, &plan, options.seed, progress)?;
        tx.audit("demo", None, "generate", &summary.audit_text(options.seed))?;
        if !progress(1.0) {
            return Err(Error::Cancelled);
        }
        Ok(summary)
    })
    .inspect(|s| {
        log::info!(
            "demo data generated (seed {}): {} departments, {} employees ({} leavers), {} seminars, {} sessions, {} attendance rows, {} programs, {} certificates",
            options.seed,
            s.departments,
            s.employees,
            s.leavers,
            s.seminars,
            s.sessions,
            s.attendance,
            s.programs,
            s.certificates.issued
        );
    })
}

// ---------------------------------------------------------------------------------------
// Writing the plan
// ---------------------------------------------------------------------------------------

fn write(
    tx: &Tx<'_>,
    plan: &Plan,
    seed: u64,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<DemoSummary> {
    let total = (plan.employees.len() + plan.sessions.len() + plan.attendance.len()).max(1) as f32;
    let mut done = 0usize;
    let mut tick = |done: usize, force: bool| -> Result<()> {
        if (force || done.is_multiple_of(2048)) && !progress(0.05 + 0.94 * (done as f32 / total)) {
            return Err(Error::Cancelled);
        }
        Ok(())
    };

    let mut departments: Vec<DepartmentId> = Vec::with_capacity(UNITS.len());
    for unit in UNITS {
        let parent = unit
            .parent
            .and_then(|code| UNITS.iter().position(|u| u.code == code))
            .and_then(|i| departments.get(i).copied());
        let id = tx.insert_department(&DepartmentInput {
            code: unit.code.to_owned(),
            name: unit.name.to_owned(),
            parent_id: parent,
        })?;
        departments.push(id);
    }

    let mut employees: Vec<EmployeeId> = Vec::with_capacity(plan.employees.len());
    let mut people: Vec<Employee> = Vec::with_capacity(plan.employees.len());
    for e in &plan.employees {
        let mut input = e.input.clone();
        input.department_id = departments.get(e.unit).copied();
        let valid = input.validated()?;
        let id = tx.insert_employee(&valid)?;
        employees.push(id);
        people.push(Employee {
            id,
            personnel_number: valid.personnel_number,
            first_name: valid.first_name,
            last_name: valid.last_name,
            salutation: valid.salutation,
            email: valid.email,
            department_id: valid.department_id,
            job_title: valid.job_title,
            entry_date: valid.entry_date,
            exit_date: valid.exit_date,
            version: 1,
        });
        done += 1;
        tick(done, false)?;
    }
    tick(done, true)?;

    let mut seminars: Vec<SeminarId> = Vec::with_capacity(SEMINARS.len());
    for spec in SEMINARS {
        let id = tx.insert_seminar(&spec.input())?;
        if spec.archived {
            tx.set_seminar_archived(id, true)?;
        }
        seminars.push(id);
    }

    let programs = write_programs(tx, &seminars)?;

    let mut sessions: Vec<SessionId> = Vec::with_capacity(plan.sessions.len());
    for s in &plan.sessions {
        let id = tx.insert_session(&SessionInput {
            seminar_id: seminars[s.seminar],
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            location: s.location.clone(),
            trainer: s.trainer.clone(),
            capacity: s.capacity,
        })?;
        sessions.push(id);
        done += 1;
        tick(done, false)?;
    }
    tick(done, true)?;

    let mut attendance: Vec<AttendanceId> = Vec::with_capacity(plan.attendance.len());
    for a in &plan.attendance {
        attendance.push(tx.insert_attendance(&AttendanceInput {
            session_id: sessions[a.session as usize],
            employee_id: employees[a.employee as usize],
            status: a.status,
            hours: a.hours,
            note: a.note.to_owned(),
        })?);
        done += 1;
        tick(done, false)?;
    }
    tick(done, true)?;

    let stored_programs = programs
        .iter()
        .map(|id| {
            tx.program(*id)?.ok_or_else(|| Error::NotFound {
                what: format!("program {id}"),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let candidates = candidates(
        plan,
        people,
        &seminars,
        &sessions,
        &attendance,
        &stored_programs,
    );
    let certificates = certificates::issue(
        tx,
        &stored_programs,
        &candidates,
        plan.today,
        plan.start,
        seed,
    )?;
    tick(done, true)?;

    Ok(DemoSummary {
        departments: departments.len(),
        employees: employees.len(),
        leavers: plan
            .employees
            .iter()
            .filter(|e| e.input.exit_date.is_some())
            .count(),
        seminars: seminars.len(),
        sessions: sessions.len(),
        attendance: plan.attendance.len(),
        programs: programs.len(),
        certificates,
    })
}

/// The employees who may be due a certificate — those who completed a seminar some
/// program requires — with their training records as the store would give them.
fn candidates(
    plan: &Plan,
    people: Vec<Employee>,
    seminars: &[SeminarId],
    sessions: &[SessionId],
    attendance: &[AttendanceId],
    programs: &[Program],
) -> Vec<certificates::Candidate> {
    let gates: HashSet<SeminarId> = programs
        .iter()
        .flat_map(|p| &p.requirements)
        .filter_map(|r| match r {
            Requirement::Seminar(s) => Some(*s),
            _ => None,
        })
        .collect();
    let ungated = programs.iter().any(|p| {
        !p.requirements
            .iter()
            .any(|r| matches!(r, Requirement::Seminar(_)))
    });
    let mut records: Vec<Vec<TrainingRecord>> = vec![Vec::new(); people.len()];
    for (a, id) in plan.attendance.iter().zip(attendance) {
        let session = &plan.sessions[a.session as usize];
        let spec = &SEMINARS[session.seminar];
        records[a.employee as usize].push(TrainingRecord {
            attendance: Attendance {
                id: *id,
                session_id: sessions[a.session as usize],
                employee_id: people[a.employee as usize].id,
                status: a.status,
                hours: a.hours,
                note: a.note.to_owned(),
            },
            seminar_id: seminars[session.seminar],
            seminar_code: spec.code.to_owned(),
            seminar_title: spec.title.to_owned(),
            topic: spec.topic.to_owned(),
            format: spec.format,
            starts_at: session.starts_at,
            ends_at: session.ends_at,
        });
    }
    people
        .into_iter()
        .zip(records)
        .filter(|(_, records)| {
            ungated
                || records
                    .iter()
                    .any(|r| r.attendance.status.credits_hours() && gates.contains(&r.seminar_id))
        })
        .map(|(employee, records)| certificates::Candidate { employee, records })
        .collect()
}

fn write_programs(tx: &Tx<'_>, seminars: &[SeminarId]) -> Result<Vec<ProgramId>> {
    let with_role = |role: Role| -> Vec<SeminarId> {
        SEMINARS
            .iter()
            .zip(seminars)
            .filter(|(spec, _)| spec.role == role)
            .map(|(_, id)| *id)
            .collect()
    };
    let mut dl_core = with_role(Role::DlCore);
    let dl_modules = with_role(Role::DlModule);
    let mut dcm_core = with_role(Role::DcmCore);
    let dcm_modules = with_role(Role::DcmModule);
    let (Some(dl_core), Some(dcm_core)) = (dl_core.pop(), dcm_core.pop()) else {
        return Err(Error::Message(
            "demo catalogue lacks its core seminars".to_owned(),
        ));
    };
    let dl = tx.insert_program(&ProgramInput {
        code: "DL".to_owned(),
        serial_prefix: "DL".to_owned(),
        titles: ProgramTitles {
            de_male: "Digitallotse".to_owned(),
            de_female: "Digitallotsin".to_owned(),
            de_neutral: "Digitallots:in".to_owned(),
            en: "Digital Pilot".to_owned(),
        },
        description: "Digitallotsinnen und Digitallotsen begleiten ihre Teams bei der \
                      Digitalisierung: Sie kennen die Grundlagen der digitalen Verwaltung, \
                      beraten Kolleginnen und Kollegen und sind Ansprechpersonen für neue \
                      digitale Verfahren."
            .to_owned(),
        validity_months: Some(24),
        allow_partial: false,
        requirements: vec![
            Requirement::Seminar(dl_core),
            Requirement::AtLeastN {
                n: 3,
                seminars: dl_modules,
            },
            Requirement::TopicHours {
                topic: TOPIC_DIGITAL.to_owned(),
                hours: 16.0,
            },
        ],
    })?;
    let dcm = tx.insert_program(&ProgramInput {
        code: "DCM".to_owned(),
        serial_prefix: "DCM".to_owned(),
        titles: ProgramTitles {
            de_male: "Digital- und Changemanager".to_owned(),
            de_female: "Digital- und Changemanagerin".to_owned(),
            de_neutral: "Digital- und Changemanager:in".to_owned(),
            en: "Digital and Change Manager".to_owned(),
        },
        description: "Die Aufbauqualifizierung für Digitallotsinnen und Digitallotsen: \
                      Veränderungsprozesse planen, kommunizieren und moderieren und \
                      Digitalisierungsprojekte im eigenen Bereich leiten."
            .to_owned(),
        validity_months: Some(36),
        allow_partial: true,
        requirements: vec![
            Requirement::Prerequisite(dl),
            Requirement::Seminar(dcm_core),
            Requirement::AtLeastN {
                n: 2,
                seminars: dcm_modules,
            },
            Requirement::TopicHours {
                topic: TOPIC_CHANGE.to_owned(),
                hours: 24.0,
            },
        ],
    })?;
    Ok(vec![dl, dcm])
}

// ---------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------

/// Everything to write, with indices into `UNITS`, `SEMINARS` and the plan's own lists.
struct Plan {
    employees: Vec<PlanEmployee>,
    /// Ordered by start.
    sessions: Vec<PlanSession>,
    /// Ordered by session, then employee.
    attendance: Vec<PlanAttendance>,
    today: NaiveDate,
    /// The first day of the history.
    start: NaiveDate,
}

struct PlanEmployee {
    /// Without department id; the writer fills it in.
    input: EmployeeInput,
    unit: usize,
    has_mail: bool,
    appetite: f64,
}

struct PlanSession {
    seminar: usize,
    starts_at: NaiveDateTime,
    ends_at: NaiveDateTime,
    location: String,
    trainer: String,
    capacity: Option<u32>,
    /// Bookings accepted beyond the capacity (a few sessions are overbooked).
    overbooking: u32,
    /// A session of the last days whose roster was not marked yet (all "registered").
    unmarked: bool,
}

struct PlanAttendance {
    session: u32,
    employee: u32,
    status: AttendanceStatus,
    hours: f64,
    note: &'static str,
}

/// A wish to attend a seminar around `preferred`, somewhere between `lo` and `hi`.
struct Desire {
    employee: usize,
    seminar: usize,
    preferred: NaiveDate,
    lo: NaiveDate,
    hi: NaiveDate,
}

/// The seminars of a program path, in the order the employee means to take them.
struct Path {
    employee: usize,
    steps: Vec<(usize, NaiveDate)>,
    lo: NaiveDate,
    hi: NaiveDate,
}

struct Planner {
    rng: ChaCha8Rng,
    employees_wanted: usize,
    today: NaiveDate,
    /// The first day of the history.
    start: NaiveDate,
    /// The last day sessions are planned for.
    end: NaiveDate,
}

/// Mean counts of freely chosen trainings over the whole plan, for a full-time stay and an
/// appetite of 1 (scaled by both).
const FREE_WEBINARS: f64 = 11.0;
const FREE_ELEARNING: f64 = 7.0;
const FREE_IN_PERSON: f64 = 1.3;
/// Chance per month that someone watches the livestream series.
const SERIES_MONTHLY: f64 = 0.36;
/// Days between the starts of two e-learning periods.
const ELEARNING_EVERY: u64 = 182;

impl Planner {
    fn new(options: &DemoOptions, today: NaiveDate) -> Planner {
        let start = today
            .checked_sub_months(Months::new(HISTORY_MONTHS))
            .unwrap_or(today);
        let end = today
            .checked_add_months(Months::new(UPCOMING_MONTHS))
            .unwrap_or(today);
        Planner {
            rng: ChaCha8Rng::seed_from_u64(options.seed),
            employees_wanted: options.employees,
            today,
            start,
            end,
        }
    }

    fn plan(mut self) -> Plan {
        let employees = self.plan_employees();
        let (paths, desires) = self.plan_desires(&employees);
        let sessions = self.plan_sessions(&paths, &desires);
        let attendance = self.assign(&sessions, &paths, &desires);
        Plan {
            employees,
            sessions,
            attendance,
            today: self.today,
            start: self.start,
        }
    }

    // --- small helpers -------------------------------------------------------------

    fn chance(&mut self, p: f64) -> bool {
        self.rng.random::<f64>() < p
    }

    /// A day between `lo` and `hi`, both included (`lo` when the range is empty).
    fn day_between(&mut self, lo: NaiveDate, hi: NaiveDate) -> NaiveDate {
        let span = (hi - lo).num_days();
        if span <= 0 {
            return lo;
        }
        lo + Days::new(self.rng.random_range(0..=span).unsigned_abs())
    }

    /// A count with mean `mean` (Poisson, by Knuth's method; means here are small).
    fn poisson(&mut self, mean: f64) -> usize {
        if mean <= 0.0 {
            return 0;
        }
        let limit = (-mean.min(60.0)).exp();
        let mut product = 1.0;
        let mut k = 0;
        loop {
            product *= self.rng.random::<f64>();
            if product <= limit {
                return k;
            }
            k += 1;
        }
    }

    /// Index picked with probability proportional to its weight; `None` if all are zero.
    fn weighted(&mut self, weights: &[f64]) -> Option<usize> {
        let total: f64 = weights.iter().sum();
        if total <= 0.0 {
            return None;
        }
        let mut x = self.rng.random::<f64>() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return Some(i);
            }
            x -= w;
        }
        weights.iter().rposition(|w| *w > 0.0)
    }

    fn month_start(&self, month: u32) -> NaiveDate {
        self.start
            .checked_add_months(Months::new(month))
            .unwrap_or(self.end)
    }

    /// The first and last day of a seminar's offer.
    fn offered(&self, spec: &SeminarSpec) -> (NaiveDate, NaiveDate) {
        let lo = self.month_start(spec.from_month);
        let hi = self.month_start(spec.to_month).pred_opt().unwrap_or(lo);
        (lo.max(self.start), hi.min(self.end))
    }
}
