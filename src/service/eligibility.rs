//! Who has met a program's requirements, and how far everyone else is — computed from
//! the store in one pass, with texts that say what is missing.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::error::Result;
use crate::i18n::{Arg, fmt_date, fmt_hours, t, ta};
use crate::model::{Certificate, EmployeeId, Program, ProgramId, Requirement, SeminarId};
use crate::rules::{Eligibility, Progress, RequirementProgress, eligibility};
use crate::store::{EmployeeFilter, EmployeeRow, Store, TrainingRecord};

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
    pub fn load(store: &Store) -> Result<Names> {
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
    pub fn load(store: &Store) -> Result<Facts> {
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
        let certs = self.certificates_of(id);
        let facts: Vec<_> = certs.iter().map(Certificate::facts).collect();
        let eligibility = eligibility(
            program,
            &employee.employee,
            self.records_of(id),
            &facts,
            as_of,
        );
        let valid_certificate = certs
            .iter()
            .filter(|c| c.program_id == program.id && c.status(as_of).is_valid())
            .max_by_key(|c| c.valid_until.unwrap_or(NaiveDate::MAX))
            .cloned();
        Standing {
            employee: employee.clone(),
            eligibility,
            valid_certificate,
        }
    }
}

/// The standing of everyone employed on `as_of` in `program`, in name order.
pub fn standings(store: &Store, program: &Program, as_of: NaiveDate) -> Result<Vec<Standing>> {
    let facts = Facts::load(store)?;
    let employees = store.employee_rows(&EmployeeFilter {
        department: None,
        include_leavers: true,
    })?;
    Ok(employees
        .iter()
        .filter(|e| e.employee.is_employed_on(as_of))
        .map(|e| facts.standing(program, e, as_of))
        .collect())
}

/// The active employees who meet every requirement of `program` on `as_of` and hold
/// no valid certificate of it.
pub fn due(store: &Store, program: &Program, as_of: NaiveDate) -> Result<Vec<Standing>> {
    Ok(standings(store, program, as_of)?
        .into_iter()
        .filter(Standing::is_due)
        .collect())
}

/// One employee's standing in every program that is not archived.
pub fn of_employee(
    store: &Store,
    employee: EmployeeId,
    as_of: NaiveDate,
) -> Result<Vec<(Program, Standing)>> {
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
