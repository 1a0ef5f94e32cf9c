//! Who has met a program's requirements, and how far everyone else is — computed from
//! the store in one pass, with texts that say what is missing.
//!
//! Two ways to the same standings: [`DayFacts`] lets the database aggregate per program
//! only the completions its requirements need on one day (what the command line and
//! reports over everybody use); [`Facts`] holds every attendance record in memory and
//! answers for any program and day.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;

use crate::error::Result;
use crate::i18n::{Arg, fmt_date, fmt_hours, t, ta};
use crate::model::{Certificate, EmployeeId, Program, ProgramId, Requirement, Seminar, SeminarId};
use crate::rules::{
    AttendanceFacts, Eligibility, Progress, RequirementProgress, SeminarCompletion,
    eligibility_from_facts, program_topics, topic_matches,
};
use crate::service::Database;
use crate::store::{EmployeeFilter, EmployeeRow, Read, Store, TrainingRecord};

/// One employee's standing in one program.
#[derive(Debug, Clone)]
pub struct Standing {
    pub employee: EmployeeRow,
    pub eligibility: Eligibility,
    /// Their certificate of the program that is valid on the day asked about, if any.
    pub valid_certificate: Option<Certificate>,
}

impl Standing {
    /// Eligible, and no valid certificate yet: the people to issue to.
    pub fn is_due(&self) -> bool {
        self.eligibility.eligible && self.valid_certificate.is_none()
    }
}

/// Names for texts: seminar titles and program titles in the current language.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub seminars: HashMap<SeminarId, String>,
    pub programs: HashMap<ProgramId, String>,
}

impl Names {
    pub fn load(db: &Database) -> Result<Names> {
        let store = db.store();
        let lang = crate::i18n::language();
        Ok(Names {
            seminars: store
                .seminars()?
                .into_iter()
                .map(|s| (s.id, s.title))
                .collect(),
            programs: store
                .programs()?
                .into_iter()
                .map(|p| (p.id, p.titles.generic(lang).to_owned()))
                .collect(),
        })
    }

    fn seminar(&self, id: SeminarId) -> String {
        self.seminars
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("#{id}"))
    }

    fn program(&self, id: ProgramId) -> String {
        self.programs
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("#{id}"))
    }
}

/// Everything eligibility needs, loaded once: records and certificates by employee.
pub struct Facts {
    records: HashMap<EmployeeId, Vec<TrainingRecord>>,
    certificates: HashMap<EmployeeId, Vec<Certificate>>,
}

impl Facts {
    pub fn load(db: &Database) -> Result<Facts> {
        let store = db.store();
        let mut records: HashMap<EmployeeId, Vec<TrainingRecord>> = HashMap::new();
        for r in store.training_records_unordered()? {
            records.entry(r.attendance.employee_id).or_default().push(r);
        }
        let mut certificates: HashMap<EmployeeId, Vec<Certificate>> = HashMap::new();
        for c in store.certificates()? {
            certificates.entry(c.employee_id).or_default().push(c);
        }
        Ok(Facts {
            records,
            certificates,
        })
    }

    pub fn records_of(&self, employee: EmployeeId) -> &[TrainingRecord] {
        self.records.get(&employee).map_or(&[], Vec::as_slice)
    }

    pub fn certificates_of(&self, employee: EmployeeId) -> &[Certificate] {
        self.certificates.get(&employee).map_or(&[], Vec::as_slice)
    }

    /// The standing of one employee in one program on `as_of`.
    pub fn standing(
        &self,
        program: &Program,
        employee: &EmployeeRow,
        as_of: NaiveDate,
    ) -> Standing {
        let id = employee.employee.id;
        let attendance = AttendanceFacts::from_records(program, self.records_of(id), as_of);
        standing_from(
            program,
            employee,
            &attendance,
            self.certificates_of(id),
            as_of,
        )
    }
}

/// A standing from the attendance facts of the program and day and the employee's
/// certificates (of every program).
fn standing_from(
    program: &Program,
    employee: &EmployeeRow,
    attendance: &AttendanceFacts,
    certs: &[Certificate],
    as_of: NaiveDate,
) -> Standing {
    let facts: Vec<_> = certs.iter().map(Certificate::facts).collect();
    let eligibility =
        eligibility_from_facts(program, &employee.employee, attendance, &facts, as_of);
    Standing {
        employee: employee.clone(),
        eligibility,
        valid_certificate: valid_certificate(program, certs, as_of).cloned(),
    }
}

/// The certificate of `program` among `certs` that is valid on `as_of` (the longest valid
/// one, if several are).
fn valid_certificate<'c>(
    program: &Program,
    certs: &'c [Certificate],
    as_of: NaiveDate,
) -> Option<&'c Certificate> {
    certs
        .iter()
        .filter(|c| c.program_id == program.id && c.status(as_of).is_valid())
        .max_by_key(|c| c.valid_until.unwrap_or(NaiveDate::MAX))
}

/// The seminars whose completions `program` needs: those it names, and those in the
/// topics of its hours requirements.
fn needed_seminars(program: &Program, seminars: &[Seminar]) -> Vec<SeminarId> {
    let mut needed: BTreeSet<SeminarId> = BTreeSet::new();
    for req in &program.requirements {
        match req {
            Requirement::Seminar(s) => {
                needed.insert(*s);
            }
            Requirement::AtLeastN { seminars: set, .. } => needed.extend(set.iter().copied()),
            Requirement::TopicHours { .. } | Requirement::Prerequisite(_) => {}
        }
    }
    let topics = program_topics(program);
    if !topics.is_empty() {
        needed.extend(
            seminars
                .iter()
                .filter(|s| topics.iter().any(|t| topic_matches(&s.topic, t)))
                .map(|s| s.id),
        );
    }
    needed.into_iter().collect()
}

/// The [`AttendanceFacts`] of `program` on `as_of` of everybody who completed one of the
/// seminars it needs, aggregated by the database (one row per employee and seminar);
/// anybody else has none. `seminars` is the catalogue (archived ones included).
pub fn attendance_facts(
    db: &Database,
    program: &Program,
    seminars: &[Seminar],
    as_of: NaiveDate,
) -> Result<HashMap<EmployeeId, AttendanceFacts>> {
    let store = db.store();
    attendance_facts_of(store, program, seminars, as_of, None)
}

/// [`attendance_facts`] of `people` only, or of everybody with `None`.
fn attendance_facts_of(
    store: &Store,
    program: &Program,
    seminars: &[Seminar],
    as_of: NaiveDate,
    people: Option<&[EmployeeId]>,
) -> Result<HashMap<EmployeeId, AttendanceFacts>> {
    let needed = needed_seminars(program, seminars);
    let rows = store.seminar_completions(&needed, program.allow_partial, as_of, people)?;
    let mut by_employee: HashMap<EmployeeId, Vec<SeminarCompletion>> = HashMap::new();
    for r in rows {
        by_employee
            .entry(r.employee_id)
            .or_default()
            .push(SeminarCompletion {
                seminar: r.seminar_id,
                first_day: r.first_day,
                hours: r.hours,
            });
    }
    let topic_of: HashMap<SeminarId, &str> =
        seminars.iter().map(|s| (s.id, s.topic.as_str())).collect();
    Ok(by_employee
        .into_iter()
        .map(|(employee, completions)| {
            let facts = AttendanceFacts::from_completions(program, &completions, |s| {
                topic_of.get(&s).copied()
            });
            (employee, facts)
        })
        .collect())
}

/// Eligibility in some programs on one day, from facts the database aggregated: per
/// program only the completions its requirements need, and every certificate — a
/// fraction of the memory and time of [`Facts`] at 10,000 employees.
#[derive(Debug, Clone)]
pub struct DayFacts {
    as_of: NaiveDate,
    attendance: HashMap<ProgramId, HashMap<EmployeeId, AttendanceFacts>>,
    certificates: HashMap<EmployeeId, Vec<Certificate>>,
    none: AttendanceFacts,
}

impl DayFacts {
    /// Loads the facts of `programs` on `as_of`.
    pub fn load(db: &Database, programs: &[Program], as_of: NaiveDate) -> Result<DayFacts> {
        let store = db.store();
        DayFacts::load_with(
            db,
            programs,
            &store.seminars()?,
            store.certificates()?,
            as_of,
        )
    }

    /// As [`DayFacts::load`], with the catalogue and every certificate already read.
    pub fn load_with(
        db: &Database,
        programs: &[Program],
        seminars: &[Seminar],
        all_certificates: Vec<Certificate>,
        as_of: NaiveDate,
    ) -> Result<DayFacts> {
        let mut attendance = HashMap::new();
        for program in programs {
            attendance.insert(program.id, attendance_facts(db, program, seminars, as_of)?);
        }
        let mut certificates: HashMap<EmployeeId, Vec<Certificate>> = HashMap::new();
        for c in all_certificates {
            certificates.entry(c.employee_id).or_default().push(c);
        }
        Ok(DayFacts {
            as_of,
            attendance,
            certificates,
            none: AttendanceFacts::default(),
        })
    }

    /// Brings the facts of `people` up to date after their attendance or certificates
    /// changed (the programs and the catalogue `seminars` being the same as when
    /// loaded): their completions are aggregated again, their certificates taken from
    /// `all_certificates` (every certificate, as it is now). A few indexed queries
    /// instead of a whole [`DayFacts::load`].
    pub fn refresh(
        &mut self,
        db: &Database,
        programs: &[Program],
        seminars: &[Seminar],
        all_certificates: &[Certificate],
        people: &[EmployeeId],
    ) -> Result<()> {
        let store = db.store();
        for program in programs {
            let fresh = attendance_facts_of(store, program, seminars, self.as_of, Some(people))?;
            let facts = self.attendance.entry(program.id).or_default();
            for id in people {
                facts.remove(id);
            }
            facts.extend(fresh);
        }
        for id in people {
            self.certificates.remove(id);
        }
        for c in all_certificates {
            if people.contains(&c.employee_id) {
                self.certificates
                    .entry(c.employee_id)
                    .or_default()
                    .push(c.clone());
            }
        }
        Ok(())
    }

    /// Eligibility of `employee` in `program` (one of those loaded) on the day loaded,
    /// and their valid certificate of it.
    pub fn eligibility(
        &self,
        program: &Program,
        employee: &crate::model::Employee,
    ) -> (Eligibility, Option<&Certificate>) {
        let attendance = self
            .attendance
            .get(&program.id)
            .and_then(|m| m.get(&employee.id))
            .unwrap_or(&self.none);
        let certs = self
            .certificates
            .get(&employee.id)
            .map_or(&[][..], Vec::as_slice);
        let facts: Vec<_> = certs.iter().map(Certificate::facts).collect();
        let eligibility = eligibility_from_facts(program, employee, attendance, &facts, self.as_of);
        (eligibility, valid_certificate(program, certs, self.as_of))
    }

    /// The facts of one program, for reports computed from them.
    pub fn attendance_of(
        &self,
        program: ProgramId,
    ) -> Option<&HashMap<EmployeeId, AttendanceFacts>> {
        self.attendance.get(&program)
    }

    /// The day the facts were loaded for.
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// The standing of one employee in one of the programs loaded (another program
    /// counts no attendance) on the day loaded.
    pub fn standing(&self, program: &Program, employee: &EmployeeRow) -> Standing {
        let id = employee.employee.id;
        let attendance = self
            .attendance
            .get(&program.id)
            .and_then(|m| m.get(&id))
            .unwrap_or(&self.none);
        let certs = self.certificates.get(&id).map_or(&[][..], Vec::as_slice);
        standing_from(program, employee, attendance, certs, self.as_of)
    }
}

/// The standing of everyone employed on `as_of` in `program`, in name order.
pub fn standings(db: &Database, program: &Program, as_of: NaiveDate) -> Result<Vec<Standing>> {
    let store = db.store();
    let facts = DayFacts::load(db, std::slice::from_ref(program), as_of)?;
    let employees = store.employee_rows(&EmployeeFilter {
        department: None,
        include_leavers: true,
    })?;
    Ok(employees
        .iter()
        .filter(|e| e.employee.is_employed_on(as_of))
        .map(|e| facts.standing(program, e))
        .collect())
}

/// The active employees who meet every requirement of `program` on `as_of` and hold
/// no valid certificate of it.
pub fn due(db: &Database, program: &Program, as_of: NaiveDate) -> Result<Vec<Standing>> {
    Ok(standings(db, program, as_of)?
        .into_iter()
        .filter(Standing::is_due)
        .collect())
}

/// One employee's standing in every program that is not archived.
pub fn of_employee(
    db: &Database,
    employee: EmployeeId,
    as_of: NaiveDate,
) -> Result<Vec<(Program, Standing)>> {
    let store = db.store();
    let Some(row) = store
        .employee_rows(&EmployeeFilter {
            include_leavers: true,
            ..Default::default()
        })?
        .into_iter()
        .find(|r| r.employee.id == employee)
    else {
        return Ok(Vec::new());
    };
    let certificates = store
        .certificates()?
        .into_iter()
        .filter(|c| c.employee_id == employee)
        .collect();
    let facts = Facts {
        records: HashMap::from([(employee, store.training_history(employee)?)]),
        certificates: HashMap::from([(employee, certificates)]),
    };
    Ok(store
        .programs()?
        .into_iter()
        .filter(|p| !p.archived)
        .map(|p| {
            let s = facts.standing(&p, &row, as_of);
            (p, s)
        })
        .collect())
}

/// A requirement as a rule, without anyone's progress: "Pflichtseminar „…“",
/// "mindestens 2 von: …", "mindestens 16 Std. in „Digitale Verwaltung“".
pub fn rule_text(req: &Requirement, names: &Names) -> String {
    match req {
        Requirement::Seminar(seminar) => ta(
            "elig-rule-seminar",
            &[("seminar", Arg::from(names.seminar(*seminar)))],
        ),
        Requirement::AtLeastN { n, seminars } => {
            let mut all: Vec<String> = seminars.iter().map(|s| names.seminar(*s)).collect();
            all.sort();
            ta(
                "elig-rule-n-of",
                &[
                    ("n", Arg::from(*n)),
                    ("seminars", Arg::from(all.join(", "))),
                ],
            )
        }
        Requirement::TopicHours { topic, hours } => ta(
            "elig-rule-hours",
            &[
                ("hours", Arg::from(fmt_hours(*hours))),
                ("topic", Arg::from(topic)),
            ],
        ),
        Requirement::Prerequisite(program) => ta(
            "elig-rule-prerequisite",
            &[("program", Arg::from(names.program(*program)))],
        ),
    }
}

/// A requirement's state in words: "mindestens 3 Seminare aus …: 2 besucht", "12 von 16 Std. in „Digitale Verwaltung“".
pub fn requirement_text(req: &RequirementProgress, names: &Names) -> String {
    match &req.progress {
        Progress::Seminar {
            seminar,
            completed_on,
        } => match completed_on {
            Some(day) => ta(
                "elig-seminar-done",
                &[
                    ("seminar", Arg::from(names.seminar(*seminar))),
                    ("date", Arg::from(fmt_date(*day))),
                ],
            ),
            None => ta(
                "elig-seminar-open",
                &[("seminar", Arg::from(names.seminar(*seminar)))],
            ),
        },
        Progress::AtLeastN { done, open, needed } => {
            let mut all: Vec<String> = done.iter().chain(open).map(|s| names.seminar(*s)).collect();
            all.sort();
            ta(
                "elig-n-of",
                &[
                    ("done", Arg::from(done.len())),
                    ("needed", Arg::from(*needed)),
                    ("seminars", Arg::from(all.join(", "))),
                ],
            )
        }
        Progress::TopicHours {
            topic,
            hours,
            needed,
        } => ta(
            "elig-hours",
            &[
                ("hours", Arg::from(fmt_hours(*hours))),
                ("needed", Arg::from(fmt_hours(*needed))),
                ("topic", Arg::from(topic)),
            ],
        ),
        Progress::Prerequisite {
            program,
            valid_until,
        } => match valid_until {
            Some(Some(until)) => ta(
                "elig-prerequisite-until",
                &[
                    ("program", Arg::from(names.program(*program))),
                    ("date", Arg::from(fmt_date(*until))),
                ],
            ),
            Some(None) => ta(
                "elig-prerequisite-held",
                &[("program", Arg::from(names.program(*program)))],
            ),
            None => ta(
                "elig-prerequisite-open",
                &[("program", Arg::from(names.program(*program)))],
            ),
        },
    }
}

/// What is still missing, one text per unmet requirement (and a note for leavers);
/// empty when eligible.
pub fn missing_texts(e: &Eligibility, names: &Names) -> Vec<String> {
    let mut texts: Vec<String> = e
        .requirements
        .iter()
        .filter(|r| !r.met)
        .map(|r| requirement_text(r, names))
        .collect();
    if e.left {
        texts.insert(0, t("elig-left"));
    }
    if e.requirements.is_empty() {
        texts.push(t("elig-no-requirements"));
    }
    texts
}
