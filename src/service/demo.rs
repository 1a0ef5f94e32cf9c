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

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::error::{Error, Result};
use crate::i18n::{Arg, Lang, language, t, ta};
use crate::model::{
    Attendance, AttendanceId, AttendanceInput, AttendanceStatus, DepartmentId, DepartmentInput,
    Employee, EmployeeId, EmployeeInput, Program, ProgramId, ProgramInput, ProgramTitles,
    Requirement, Salutation, SeminarFormat, SeminarId, SessionId, SessionInput, TrainingRecord,
};
use crate::service::settings;
use crate::store::{Read, Store, Tx};

mod certificates;
mod data;

pub use certificates::CertificateCounts;

use data::{
    ABSENT_NOTE, CLERK, ELEARNING_DAYS, EXCUSES, FEMALE_NAMES, HISTORY_MONTHS, LAST_NAMES,
    MAIL_DOMAIN, MALE_NAMES, NEUTRAL_NAMES, ORGANISATION, PARTIAL_NOTES, PLACE, PLAN_MONTHS,
    PROVIDER_KAN, PROVIDER_KRZ, PROVIDER_UK, Role, SEMINARS, SIGNATORY_NAME, SIGNATORY_TITLE,
    SeminarSpec, TOPIC_CHANGE, TOPIC_DIGITAL, TRAINEE, TRAINERS, UNITS, UPCOMING_MONTHS, gendered,
    head_title, role_seminars,
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
    store: &mut Store,
    options: &DemoOptions,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<DemoSummary> {
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

    // --- staff ---------------------------------------------------------------------

    fn plan_employees(&mut self) -> Vec<PlanEmployee> {
        let n = self.employees_wanted;
        let weights: Vec<f64> = UNITS.iter().map(|u| u.weight).collect();
        let with_heads = n >= UNITS.len() * 3;
        let mut out: Vec<PlanEmployee> = Vec::with_capacity(n);
        let mut entries: Vec<NaiveDate> = Vec::with_capacity(n);
        for i in 0..n {
            let head = with_heads && i < UNITS.len();
            let unit = if head {
                i
            } else {
                self.weighted(&weights).unwrap_or(0)
            };
            let spec = &UNITS[unit];
            let profile = spec.kind.profile();
            let salutation = if self.chance(0.02) {
                Salutation::Neutral
            } else if self.chance(profile.female) {
                Salutation::Female
            } else {
                Salutation::Male
            };
            let first_name = match salutation {
                Salutation::Female => FEMALE_NAMES.choose(&mut self.rng),
                Salutation::Male => MALE_NAMES.choose(&mut self.rng),
                Salutation::Neutral => NEUTRAL_NAMES.choose(&mut self.rng),
            }
            .copied()
            .unwrap_or("Kim");
            let last_name = self.last_name();
            let trainee = !head && spec.kind.has_trainees() && self.chance(0.04);
            let entry = self.entry_date(head, trainee);
            let exit = if !head && self.chance(0.042) {
                self.exit_date(entry)
            } else {
                None
            };
            let job = if head {
                head_title(spec)
            } else if trainee {
                TRAINEE
            } else {
                spec.jobs.choose(&mut self.rng).copied().unwrap_or(CLERK)
            };
            let has_mail = self.chance(profile.mail);
            let appetite = profile.appetite * (0.35 + 1.3 * self.rng.random::<f64>());
            entries.push(entry);
            out.push(PlanEmployee {
                input: EmployeeInput {
                    personnel_number: String::new(),
                    first_name: first_name.to_owned(),
                    last_name,
                    salutation,
                    email: String::new(),
                    department_id: None,
                    job_title: gendered(job, salutation).to_owned(),
                    entry_date: Some(entry),
                    exit_date: exit,
                },
                unit,
                has_mail,
                appetite: if head { appetite.max(1.0) } else { appetite },
            });
        }
        self.personnel_numbers(&mut out, &entries);
        assign_emails(&mut out);
        out
    }

    fn last_name(&mut self) -> String {
        let first = LAST_NAMES
            .choose(&mut self.rng)
            .copied()
            .unwrap_or("Müller");
        if self.chance(0.04) {
            let second = LAST_NAMES
                .choose(&mut self.rng)
                .copied()
                .unwrap_or("Schmidt");
            if second != first && !first.contains([' ', '-']) && !second.contains([' ', '-']) {
                return format!("{first}-{second}");
            }
        }
        first.to_owned()
    }

    /// Entry dates over four decades, more of them recent; mostly on the first of a month,
    /// trainees on the 1st of August.
    fn entry_date(&mut self, head: bool, trainee: bool) -> NaiveDate {
        let latest = self.today.pred_opt().unwrap_or(self.today);
        if trainee {
            let years_back = self.rng.random_range(0..3);
            let mut year = self.today.year() - years_back;
            loop {
                match NaiveDate::from_ymd_opt(year, 8, 1) {
                    Some(d) if d <= latest => return d,
                    Some(_) => year -= 1,
                    None => return latest,
                }
            }
        }
        let years: f64 = if head {
            8.0 + 25.0 * self.rng.random::<f64>()
        } else {
            40.0 * self.rng.random::<f64>().powf(1.25)
        };
        let days = (years * 365.25) as u64 + 1;
        let mut entry = latest.checked_sub_days(Days::new(days)).unwrap_or(latest);
        if self.chance(0.85) {
            entry = entry.with_day(1).unwrap_or(entry);
        }
        entry.min(latest)
    }

    /// An exit date within the history, at least two months after entry; mostly at a
    /// month's end. `None` for someone who joined too recently to have left.
    fn exit_date(&mut self, entry: NaiveDate) -> Option<NaiveDate> {
        let lo = (entry + Days::new(60)).max(self.start);
        let hi = self.today.checked_sub_days(Days::new(1))?;
        if lo >= hi {
            return None;
        }
        let mut exit = self.day_between(lo, hi);
        if self.chance(0.7)
            && let Some(month_end) = exit
                .with_day(1)
                .and_then(|d| d.checked_add_months(Months::new(1)))
                .and_then(|d| d.pred_opt())
            && month_end <= hi
        {
            exit = month_end;
        }
        Some(exit)
    }

    /// Six-digit personnel numbers, rising with the entry date, with gaps like real ones.
    fn personnel_numbers(&mut self, employees: &mut [PlanEmployee], entries: &[NaiveDate]) {
        let n = employees.len().max(1);
        let step = (800_000 / n).clamp(1, 1_000);
        let mut order: Vec<usize> = (0..employees.len()).collect();
        order.sort_by_key(|&i| (entries[i], i));
        for (rank, &i) in order.iter().enumerate() {
            let number = 100_000 + rank * step + self.rng.random_range(0..step);
            employees[i].input.personnel_number = format!("{number:06}");
        }
    }

    // --- who wants to attend what -------------------------------------------------------

    /// The days someone is employed within the planned period, or `None`.
    fn employed(&self, e: &PlanEmployee) -> Option<(NaiveDate, NaiveDate)> {
        let lo = e.input.entry_date.unwrap_or(self.start).max(self.start);
        let hi = e
            .input
            .exit_date
            .and_then(|d| d.pred_opt())
            .unwrap_or(self.end)
            .min(self.end);
        (lo + Days::new(7) <= hi).then_some((lo, hi))
    }

    /// The years of the compulsory trainings: twelve months each, the last one ending with
    /// the plan, the first one cut off by the start of the history.
    fn compliance_years(&self) -> Vec<(NaiveDate, NaiveDate)> {
        let mut years = Vec::new();
        let mut hi = self.end;
        let mut back = 1;
        loop {
            let lo = self
                .today
                .checked_sub_months(Months::new(12 * back))
                .unwrap_or(self.start)
                .max(self.start);
            years.push((lo, hi));
            if lo <= self.start {
                break;
            }
            hi = lo.pred_opt().unwrap_or(lo);
            back += 1;
        }
        years.reverse();
        years
    }

    fn plan_desires(&mut self, employees: &[PlanEmployee]) -> (Vec<Path>, Vec<Desire>) {
        let mut paths = Vec::new();
        let mut desires = Vec::new();
        let period = (self.end - self.start).num_days().max(1) as f64;
        let years = self.compliance_years();
        for (i, e) in employees.iter().enumerate() {
            let Some((lo, hi)) = self.employed(e) else {
                continue;
            };
            let unit = &UNITS[e.unit];
            let profile = unit.kind.profile();
            let share = (hi - lo).num_days() as f64 / period;
            let has_mail = e.has_mail;

            // Yearly compulsory e-learning.
            let compliance = if has_mail { profile.compliance } else { 0.35 };
            for (s, spec) in SEMINARS.iter().enumerate() {
                if spec.role != Role::Mandatory {
                    continue;
                }
                for &(y_lo, y_hi) in &years {
                    let (w_lo, w_hi) = (y_lo.max(lo), y_hi.min(hi));
                    // A year only partly in the history: as likely as the part seen.
                    let seen = ((y_hi - y_lo).num_days() as f64 / 365.0).min(1.0);
                    if w_lo + Days::new(30) <= w_hi && self.chance(compliance * seen) {
                        let preferred = self.day_between(w_lo, w_hi);
                        desires.push(Desire {
                            employee: i,
                            seminar: s,
                            preferred,
                            lo: w_lo,
                            hi: w_hi,
                        });
                    }
                }
            }

            // The monthly livestream series.
            for (s, spec) in SEMINARS.iter().enumerate() {
                if spec.role != Role::Series {
                    continue;
                }
                let (o_lo, o_hi) = self.offered(spec);
                for month in 0..PLAN_MONTHS {
                    let m_lo = self.month_start(month).max(lo).max(o_lo);
                    let m_hi = self
                        .month_start(month + 1)
                        .pred_opt()
                        .unwrap_or(m_lo)
                        .min(hi)
                        .min(o_hi);
                    if m_lo <= m_hi && self.chance(SERIES_MONTHLY * e.appetite * spec.popularity) {
                        desires.push(Desire {
                            employee: i,
                            seminar: s,
                            preferred: m_lo,
                            lo: m_lo,
                            hi: m_hi,
                        });
                    }
                }
            }

            // Freely chosen seminars, webinars and e-learning courses.
            for (format, mean) in [
                (SeminarFormat::Webinar, FREE_WEBINARS),
                (SeminarFormat::Elearning, FREE_ELEARNING),
                (SeminarFormat::InPerson, FREE_IN_PERSON),
            ] {
                let count = self.poisson(mean * e.appetite * share);
                let mut weights: Vec<f64> = SEMINARS
                    .iter()
                    .map(|spec| {
                        if spec.role != Role::General || spec.format != format {
                            return 0.0;
                        }
                        let (o_lo, o_hi) = self.offered(spec);
                        if o_lo.max(lo) + Days::new(14) > o_hi.min(hi) {
                            return 0.0;
                        }
                        let boost = if spec.affinity.iter().any(|p| unit.code.starts_with(p)) {
                            5.0
                        } else {
                            1.0
                        };
                        spec.popularity * boost
                    })
                    .collect();
                for _ in 0..count {
                    let Some(s) = self.weighted(&weights) else {
                        break;
                    };
                    weights[s] = 0.0;
                    let (o_lo, o_hi) = self.offered(&SEMINARS[s]);
                    let (w_lo, w_hi) = (o_lo.max(lo), o_hi.min(hi));
                    let preferred = self.day_between(w_lo, w_hi);
                    desires.push(Desire {
                        employee: i,
                        seminar: s,
                        preferred,
                        lo: w_lo,
                        hi: w_hi,
                    });
                }
            }

            // Program paths: Digitallots:in, and for some of them the Changemanager:in.
            if has_mail && self.chance(profile.path * e.appetite.min(1.5)) {
                let (dl, dl_end) = self.dl_path(i, lo, hi);
                let modules = dl.steps.len().saturating_sub(1);
                paths.push(dl);
                if modules >= 3 && self.chance(profile.change) {
                    paths.push(self.change_path(i, dl_end, hi));
                }
            }
        }
        (paths, desires)
    }

    /// The Digitallots:in path: the basics first, then one to five modules; returns the path
    /// and the planned day of its last step.
    fn dl_path(&mut self, employee: usize, lo: NaiveDate, hi: NaiveDate) -> (Path, NaiveDate) {
        let core = role_seminars(Role::DlCore);
        let mut modules = role_seminars(Role::DlModule);
        modules.shuffle(&mut self.rng);
        let wanted = match self.rng.random::<f64>() {
            x if x < 0.08 => 1,
            x if x < 0.25 => 2,
            x if x < 0.70 => 3,
            x if x < 0.90 => 4,
            _ => 5,
        };
        // A pilot group started right at the beginning of the history, at a brisk pace
        // (its certificates have expired by today); the others followed, more of them
        // early on than lately.
        let pilot = self.chance(0.3) && lo <= self.start + Days::new(30);
        let begin = if pilot {
            self.day_between(self.start, self.start + Days::new(45))
        } else {
            let latest = hi.checked_sub_days(Days::new(30)).unwrap_or(lo).max(lo);
            let span = (latest - lo).num_days().max(0) as f64;
            lo + Days::new((span * self.rng.random::<f64>().powf(1.4)) as u64)
        };
        let mut steps = Vec::new();
        let mut day = begin;
        for s in core.into_iter().chain(modules.into_iter().take(wanted)) {
            steps.push((s, day));
            let gap = if pilot { 10..30 } else { 10..50 };
            day = day + Days::new(self.rng.random_range(gap));
        }
        let last = steps.last().map(|s| s.1).unwrap_or(begin);
        (
            Path {
                employee,
                steps,
                lo,
                hi,
            },
            last,
        )
    }

    /// The Changemanager:in path after the Digitallots:in path.
    fn change_path(&mut self, employee: usize, after: NaiveDate, hi: NaiveDate) -> Path {
        let core = role_seminars(Role::DcmCore);
        let mut modules = role_seminars(Role::DcmModule);
        modules.shuffle(&mut self.rng);
        let wanted = match self.rng.random::<f64>() {
            x if x < 0.20 => 2,
            x if x < 0.65 => 3,
            _ => 4,
        };
        let mut day = after + Days::new(self.rng.random_range(20..90));
        let mut steps = Vec::new();
        for s in core.into_iter().chain(modules.into_iter().take(wanted)) {
            steps.push((s, day));
            day = day + Days::new(self.rng.random_range(14..70));
        }
        Path {
            employee,
            steps,
            lo: after,
            hi,
        }
    }

    // --- sessions ----------------------------------------------------------------------

    fn plan_sessions(&mut self, paths: &[Path], desires: &[Desire]) -> Vec<PlanSession> {
        let mut wanted: Vec<Vec<NaiveDate>> = vec![Vec::new(); SEMINARS.len()];
        for d in desires {
            wanted[d.seminar].push(d.preferred);
        }
        for p in paths {
            for (s, day) in &p.steps {
                wanted[*s].push(*day);
            }
        }
        let webinar_capacity = {
            let by_size = (self.employees_wanted as f64 / 8.0 / 10.0).round() as u32 * 10;
            by_size.clamp(30, 300)
        };
        let trainers: Vec<[&'static str; 2]> = SEMINARS
            .iter()
            .map(|_| {
                let mut two = TRAINERS.choose_multiple(&mut self.rng, 2).copied();
                [
                    two.next().unwrap_or("Jens Oltmanns"),
                    two.next().unwrap_or("Dr. Katrin Böhmer"),
                ]
            })
            .collect();

        let mut sessions = Vec::new();
        for (s, spec) in SEMINARS.iter().enumerate() {
            let (o_lo, o_hi) = self.offered(spec);
            let days: Vec<(NaiveDate, NaiveDate)> = match (spec.role, spec.format) {
                (Role::Series, _) => self
                    .monthly_days(o_lo, o_hi)
                    .into_iter()
                    .map(|d| (d, d))
                    .collect(),
                (_, SeminarFormat::Elearning) => self.elearning_windows(o_lo, o_hi),
                (_, format) => {
                    let target = match format {
                        SeminarFormat::Webinar => f64::from(webinar_capacity) * 0.75,
                        _ => 15.0,
                    };
                    let months = (spec.to_month - spec.from_month) as usize;
                    let minimum = match spec.role {
                        // Program modules run every two or three months.
                        Role::DlCore | Role::DlModule => months / 2,
                        Role::DcmCore | Role::DcmModule => months / 3,
                        _ => (months / 5).max(2),
                    };
                    let mut dates = std::mem::take(&mut wanted[s]);
                    dates.sort();
                    let course_days = if spec.hours > 8.0 { 2 } else { 1 };
                    self.demand_days(&dates, target, minimum, course_days, o_lo, o_hi)
                        .into_iter()
                        .map(|d| (d, d))
                        .collect()
                }
            };
            for (first, last) in days {
                sessions.push(self.session(s, spec, (first, last), webinar_capacity, trainers[s]));
            }
        }
        sessions.sort_by_key(|x| (x.starts_at, x.seminar));
        sessions
    }

    /// First days of courses lasting `course_days` on working days, none running over
    /// today: one per `target` wishes placed at the quantiles of the wished-for days, or —
    /// where that gives fewer than `minimum` — `minimum` days spread evenly between `lo`
    /// and `hi`.
    fn demand_days(
        &mut self,
        wished: &[NaiveDate],
        target: f64,
        minimum: usize,
        course_days: u64,
        lo: NaiveDate,
        hi: NaiveDate,
    ) -> Vec<NaiveDate> {
        let by_demand = (wished.len() as f64 / target).ceil() as usize;
        let k = by_demand.max(minimum).max(1);
        let mut days = Vec::with_capacity(k);
        for i in 0..k {
            let base = if by_demand < minimum || wished.is_empty() {
                let span = (hi - lo).num_days().max(0) as f64;
                lo + Days::new((span * (i as f64 + 0.5) / k as f64) as u64)
            } else {
                let at = ((i as f64 + 0.5) / k as f64 * wished.len() as f64) as usize;
                wished[at.min(wished.len() - 1)]
            };
            let jitter = self.rng.random_range(-6i64..=6);
            let day = if jitter >= 0 {
                base + Days::new(jitter.unsigned_abs())
            } else {
                base - Days::new(jitter.unsigned_abs())
            };
            days.push(self.working_day(day, course_days, lo, hi));
        }
        days
    }

    /// The second Wednesday of every month between `lo` and `hi` (Thursday when that is today).
    fn monthly_days(&mut self, lo: NaiveDate, hi: NaiveDate) -> Vec<NaiveDate> {
        let mut days = Vec::new();
        let mut month = lo.with_day(1).unwrap_or(lo);
        while month <= hi {
            if let Some(mut day) =
                NaiveDate::from_weekday_of_month_opt(month.year(), month.month(), Weekday::Wed, 2)
            {
                if day == self.today {
                    day = day + Days::new(1);
                }
                if day >= lo && day <= hi {
                    days.push(day);
                }
            }
            month = match month.checked_add_months(Months::new(1)) {
                Some(m) => m,
                None => break,
            };
        }
        days
    }

    /// E-learning periods (first and last day) of twelve weeks, one starting every half year.
    /// None spans today: the one running now ends yesterday, or starts tomorrow if it had
    /// only just begun.
    fn elearning_windows(&mut self, lo: NaiveDate, hi: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
        let mut windows = Vec::new();
        let mut day = lo + Days::new(self.rng.random_range(0..ELEARNING_EVERY));
        while day <= hi {
            let last = day + Days::new(ELEARNING_DAYS - 1);
            if day <= self.today && self.today <= last {
                if day + Days::new(14) <= self.today {
                    windows.push((day, self.today - Days::new(1)));
                    day = self.today + Days::new(20);
                } else {
                    let start = self.today + Days::new(1);
                    windows.push((start, start + Days::new(ELEARNING_DAYS - 1)));
                    day = start + Days::new(ELEARNING_EVERY);
                }
            } else {
                windows.push((day, last));
                day = day + Days::new(ELEARNING_EVERY);
            }
        }
        windows
    }

    /// `day`, or the next working day on which a course of `days` days fits between `lo`
    /// and `hi` without running over today or into a weekend (few start on a Friday);
    /// the previous such day when there is none after.
    fn working_day(
        &mut self,
        day: NaiveDate,
        days: u64,
        lo: NaiveDate,
        hi: NaiveDate,
    ) -> NaiveDate {
        let fits = |planner: &mut Planner, d: NaiveDate| {
            let last = d + Days::new(days.saturating_sub(1));
            let free = match d.weekday() {
                Weekday::Sat | Weekday::Sun => false,
                // Few courses on Fridays, and none running into the weekend.
                Weekday::Fri => days == 1 && !planner.chance(0.7),
                _ => last.weekday() != Weekday::Sat,
            };
            free && !(d <= planner.today && planner.today <= last)
        };
        let mut d = day.clamp(lo, hi);
        while d <= hi {
            if fits(self, d) {
                return d;
            }
            d = d + Days::new(1);
        }
        // Nothing free up to `hi`: look back instead.
        let mut d = day.clamp(lo, hi);
        while d > lo {
            d = d - Days::new(1);
            if fits(self, d) {
                return d;
            }
        }
        day.clamp(lo, hi)
    }

    fn session(
        &mut self,
        s: usize,
        spec: &SeminarSpec,
        (day, last_day): (NaiveDate, NaiveDate),
        webinar_capacity: u32,
        trainers: [&'static str; 2],
    ) -> PlanSession {
        let at = |d: NaiveDate, h: u32, m: u32| {
            d.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default())
        };
        let date_code = day.format("%Y-%m-%d");
        let code = spec.code.to_lowercase();
        let trainer = trainers[usize::from(self.chance(0.4))].to_owned();
        let hours = spec.hours;
        let (starts_at, ends_at, location, trainer, capacity) = match (spec.role, spec.format) {
            (Role::Series, _) => (
                at(day, 12, 0),
                at(day, 12, 0) + chrono::Duration::minutes((hours * 60.0) as i64),
                format!("https://digifit.krz.de/live/{code}-{date_code}"),
                trainer,
                None,
            ),
            (_, SeminarFormat::Elearning) => {
                let location = match spec.provider {
                    PROVIDER_KRZ => "Lernplattform der krz DigiFit-Akademie (ILIAS)".to_owned(),
                    PROVIDER_UK => "Online-Lernportal der Unfallkasse NRW".to_owned(),
                    _ => "Lernplattform des Studieninstituts Westfalen-Lippe".to_owned(),
                };
                (
                    at(day, 0, 0),
                    at(last_day, 23, 59),
                    location,
                    String::new(),
                    None,
                )
            }
            (_, SeminarFormat::Webinar) => {
                let start = if self.chance(0.5) {
                    at(day, 10, 0)
                } else {
                    at(day, 14, 0)
                };
                let host = match spec.provider {
                    PROVIDER_KRZ => "digifit.krz.de/webinar",
                    PROVIDER_KAN => "kommunalagentur.nrw/online",
                    _ => "studieninstitut-wl.de/webinar",
                };
                let capacity = if self.chance(0.25) {
                    webinar_capacity / 2
                } else {
                    webinar_capacity
                };
                (
                    start,
                    start + chrono::Duration::minutes((hours * 60.0) as i64),
                    format!("https://{host}/{code}-{date_code}"),
                    trainer,
                    Some(capacity.max(20)),
                )
            }
            (_, SeminarFormat::InPerson) => {
                let (starts_at, ends_at) = if hours > 8.0 {
                    // Two days (never starting on a Friday, see `working_day`).
                    let second = day + Days::new(1);
                    (at(day, 9, 0), at(second, 17, 0))
                } else if hours <= 4.0 && self.chance(0.4) {
                    let start = at(day, 13, 30);
                    (
                        start,
                        start + chrono::Duration::minutes((hours * 60.0) as i64),
                    )
                } else {
                    let start = at(day, 9, 0);
                    (
                        start,
                        start + chrono::Duration::minutes((hours * 60.0) as i64),
                    )
                };
                let rooms: &[&str] = match spec.provider {
                    PROVIDER_KRZ => &[
                        "Rathaus, Sitzungssaal 2",
                        "Rathaus, Schulungsraum 1.14",
                        "Rathaus, Sitzungssaal 2",
                        "krz Lemgo, Schulungszentrum, Raum 3",
                    ],
                    PROVIDER_KAN => &[
                        "Rathaus, Sitzungssaal 2",
                        "Kommunal Agentur NRW, Düsseldorf",
                    ],
                    _ => &[
                        "Studieninstitut Westfalen-Lippe, Bielefeld, Raum 204",
                        "Rathaus, Schulungsraum 1.14",
                    ],
                };
                let location = rooms.choose(&mut self.rng).copied().unwrap_or_default();
                let capacity = self.rng.random_range(12..=25);
                (
                    starts_at,
                    ends_at,
                    location.to_owned(),
                    trainer,
                    Some(capacity),
                )
            }
        };
        let overbooking = if spec.format == SeminarFormat::InPerson && self.chance(0.05) {
            self.rng.random_range(1..=3)
        } else {
            0
        };
        let ended = ends_at.date();
        let unmarked =
            ended < self.today && ended + Days::new(10) >= self.today && self.chance(0.5);
        PlanSession {
            seminar: s,
            starts_at,
            ends_at,
            location,
            trainer,
            capacity,
            overbooking,
            unmarked,
        }
    }

    // --- who attends which session -----------------------------------------------------

    fn assign(
        &mut self,
        sessions: &[PlanSession],
        paths: &[Path],
        desires: &[Desire],
    ) -> Vec<PlanAttendance> {
        let mut book = Booking::new(sessions);
        let mut out: Vec<PlanAttendance> = Vec::with_capacity(desires.len() + paths.len() * 5);

        for path in paths {
            let mut lo = path.lo;
            for &(s, planned) in &path.steps {
                let Some(x) = book.take(path.employee, s, planned.max(lo), lo, path.hi) else {
                    // Nothing fitting: this module is skipped.
                    continue;
                };
                let attendance = self.outcome(sessions, x, path.employee);
                let missed = matches!(
                    attendance.status,
                    AttendanceStatus::Absent | AttendanceStatus::Excused
                );
                out.push(attendance);
                lo = sessions[x].ends_at.date() + Days::new(1);
                if missed && self.chance(0.8) {
                    // Booked again for a later date.
                    let retry_lo = lo + Days::new(14);
                    let preferred = lo + Days::new(self.rng.random_range(21..70));
                    if let Some(y) = book.take(path.employee, s, preferred, retry_lo, path.hi) {
                        out.push(self.outcome(sessions, y, path.employee));
                        lo = sessions[y].ends_at.date() + Days::new(1);
                    }
                }
            }
        }

        for d in desires {
            if let Some(x) = book.take(d.employee, d.seminar, d.preferred, d.lo, d.hi) {
                out.push(self.outcome(sessions, x, d.employee));
            }
        }
        out.sort_by_key(|a| (a.session, a.employee));
        out
    }

    /// How it went: only past sessions have an outcome; upcoming ones (and past ones whose
    /// roster was not marked yet) stay "registered".
    fn outcome(&mut self, sessions: &[PlanSession], x: usize, employee: usize) -> PlanAttendance {
        let session = &sessions[x];
        let hours = SEMINARS[session.seminar].hours;
        let (status, hours, note) = if session.ends_at.date() >= self.today || session.unmarked {
            (AttendanceStatus::Registered, 0.0, "")
        } else {
            match self.rng.random::<f64>() {
                r if r < 0.08 => (
                    AttendanceStatus::Absent,
                    0.0,
                    if self.chance(0.3) { ABSENT_NOTE } else { "" },
                ),
                r if r < 0.13 => (
                    AttendanceStatus::Excused,
                    0.0,
                    EXCUSES.choose(&mut self.rng).copied().unwrap_or_default(),
                ),
                r if r < 0.155 => {
                    let share = 0.3 + 0.5 * self.rng.random::<f64>();
                    let partial = ((hours * share * 2.0).round() / 2.0).clamp(0.5, hours);
                    (
                        AttendanceStatus::Partial,
                        partial,
                        PARTIAL_NOTES
                            .choose(&mut self.rng)
                            .copied()
                            .unwrap_or_default(),
                    )
                }
                _ => (AttendanceStatus::Attended, hours, ""),
            }
        };
        PlanAttendance {
            session: u32::try_from(x).unwrap_or(u32::MAX),
            employee: u32::try_from(employee).unwrap_or(u32::MAX),
            status,
            hours,
            note,
        }
    }
}

/// Seats taken per session, and who is already booked where.
struct Booking<'a> {
    sessions: &'a [PlanSession],
    /// Session indices per seminar, ordered by start.
    by_seminar: Vec<Vec<usize>>,
    taken: Vec<u32>,
    booked: HashSet<(usize, usize)>,
}

impl<'a> Booking<'a> {
    fn new(sessions: &'a [PlanSession]) -> Booking<'a> {
        let mut by_seminar = vec![Vec::new(); SEMINARS.len()];
        for (i, s) in sessions.iter().enumerate() {
            by_seminar[s.seminar].push(i);
        }
        Booking {
            sessions,
            by_seminar,
            taken: vec![0; sessions.len()],
            booked: HashSet::new(),
        }
    }

    /// Books `employee` into the session of `seminar` nearest to `preferred` that lies
    /// within `lo..=hi` and has a seat; returns its index.
    fn take(
        &mut self,
        employee: usize,
        seminar: usize,
        preferred: NaiveDate,
        lo: NaiveDate,
        hi: NaiveDate,
    ) -> Option<usize> {
        let sessions = self.sessions;
        let list = &self.by_seminar[seminar];
        let first = list.partition_point(|&x| sessions[x].starts_at.date() < preferred);
        // An e-learning period only has to start in time; anything else has to be over
        // before `hi` (the day before someone leaves).
        let fits = |x: usize| {
            let s = &sessions[x];
            let (start, end) = (s.starts_at.date(), s.ends_at.date());
            start >= lo
                && start <= hi
                && (end <= hi || SEMINARS[s.seminar].format == SeminarFormat::Elearning)
        };
        let mut after = first;
        let mut before = first;
        loop {
            let mut candidates = [None, None];
            if after < list.len() {
                candidates[0] = Some(list[after]);
                after += 1;
            }
            if before > 0 {
                before -= 1;
                candidates[1] = Some(list[before]);
            }
            if candidates == [None, None] {
                return None;
            }
            for x in candidates.into_iter().flatten() {
                if !fits(x) || self.booked.contains(&(employee, x)) {
                    continue;
                }
                let s = &sessions[x];
                let room = s.capacity.is_none_or(|c| self.taken[x] < c + s.overbooking);
                if room {
                    self.taken[x] += 1;
                    self.booked.insert((employee, x));
                    return Some(x);
                }
            }
        }
    }
}

/// firstname.lastname@porta-westfalica.de, transliterated, with a number where taken.
fn assign_emails(employees: &mut [PlanEmployee]) {
    let mut taken: HashSet<String> = HashSet::new();
    for e in employees.iter_mut() {
        if !e.has_mail {
            continue;
        }
        let local = format!(
            "{}.{}",
            mail_part(&e.input.first_name),
            mail_part(&e.input.last_name)
        );
        let mut candidate = local.clone();
        let mut n = 1;
        while taken.contains(&candidate) {
            n += 1;
            candidate = format!("{local}{n}");
        }
        taken.insert(candidate.clone());
        e.input.email = format!("{candidate}@{MAIL_DOMAIN}");
    }
}

/// A name as it appears in an e-mail address: lower case, ä → ae, ß → ss, accents dropped
/// ([`crate::text::fold_spelled`]), spaces as hyphens.
fn mail_part(name: &str) -> String {
    crate::text::fold_spelled(name)
        .chars()
        .filter_map(|c| match c {
            ' ' | '-' => Some('-'),
            c if c.is_ascii_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mail_addresses_are_transliterated() {
        assert_eq!(mail_part("Jürgen"), "juergen");
        assert_eq!(mail_part("Weiß"), "weiss");
        assert_eq!(mail_part("Łukasz"), "lukasz");
        assert_eq!(mail_part("Yılmaz"), "yilmaz");
        assert_eq!(mail_part("Meier zu Döldissen"), "meier-zu-doeldissen");
        assert_eq!(mail_part("Çağlar"), "caglar");
        assert_eq!(mail_part("Renée"), "renee");
    }

    #[test]
    fn large_numbers_are_grouped_per_language() {
        assert_eq!(group_digits(400, Lang::De), "400");
        assert_eq!(group_digits(5123, Lang::De), "5123");
        assert_eq!(group_digits(25123, Lang::De), "25\u{a0}123");
        assert_eq!(group_digits(251234, Lang::En), "251,234");
        assert_eq!(group_digits(1_251_234, Lang::En), "1,251,234");
    }

    #[test]
    fn units_come_after_their_parents_and_codes_are_unique() {
        for (i, u) in UNITS.iter().enumerate() {
            if let Some(parent) = u.parent {
                let at = UNITS.iter().position(|p| p.code == parent);
                assert!(at.is_some_and(|p| p < i), "{} before its parent", u.code);
            }
            assert!(
                UNITS[..i].iter().all(|p| p.code != u.code),
                "{} twice",
                u.code
            );
        }
    }

    #[test]
    fn the_catalogue_has_what_the_programs_need() {
        assert_eq!(role_seminars(Role::DlCore).len(), 1);
        assert_eq!(role_seminars(Role::DlModule).len(), 5);
        assert_eq!(role_seminars(Role::DcmCore).len(), 1);
        assert_eq!(role_seminars(Role::DcmModule).len(), 4);
        for s in SEMINARS {
            assert!((2.0..=16.0).contains(&s.hours), "{}", s.code);
            assert!(s.from_month < s.to_month, "{}", s.code);
        }
        for (i, s) in SEMINARS.iter().enumerate() {
            assert!(
                SEMINARS[..i].iter().all(|p| p.code != s.code),
                "{} twice",
                s.code
            );
        }
    }

    #[test]
    fn the_plan_is_deterministic_for_a_seed() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).expect("date");
        let plan = |seed| {
            Planner::new(
                &DemoOptions {
                    employees: 300,
                    seed,
                },
                today,
            )
            .plan()
        };
        let (a, b, c) = (plan(7), plan(7), plan(8));
        let key = |p: &Plan| -> Vec<(String, u32, u32)> {
            p.attendance
                .iter()
                .map(|x| {
                    (
                        p.employees[x.employee as usize].input.last_name.clone(),
                        x.session,
                        x.employee,
                    )
                })
                .collect()
        };
        assert_eq!(key(&a), key(&b));
        assert_ne!(key(&a), key(&c));
    }
}
