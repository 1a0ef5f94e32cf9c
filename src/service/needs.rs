//! Training needs of a program ("23 Beschäftigte brauchen noch „Digitale Verwaltung“ –
//! 9 davon: Bürgeramt"): the people and facts loaded through the existing reads, the
//! computation in [`crate::rules::needs`], and the sentences a screen or the command
//! line shows.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::i18n::{Arg, t, ta};
use crate::model::{
    Department, DepartmentId, DepartmentTree, EmployeeRow, Program, ProgramId, Seminar, SeminarId,
};
use crate::rules::{NeedPerson, NeedSeminar, Needs, PrerequisiteNeed, SeminarNeed};
use crate::service::Database;
use crate::service::eligibility::DayFacts;
use crate::store::{EmployeeFilter, Read};

/// The needs of one program, with the names their texts use.
#[derive(Debug, Clone, Serialize)]
pub struct NeedsReport {
    pub program: ProgramId,
    pub program_code: String,
    pub program_title: String,
    /// The department chosen (with its sub-units), if any.
    pub department: Option<DepartmentId>,
    pub needs: Needs,
    /// Seminar codes, for tables and files.
    pub seminar_codes: HashMap<SeminarId, String>,
    /// Department codes and names.
    pub departments: HashMap<DepartmentId, (String, String)>,
    /// Program titles, for prerequisites.
    pub programs: HashMap<ProgramId, String>,
}

/// The departments of `department`'s subtree (itself and its sub-units).
pub fn subtree(departments: &[Department], department: DepartmentId) -> BTreeSet<DepartmentId> {
    let tree = DepartmentTree::new(departments.to_vec());
    match tree.position(department) {
        Some(at) => tree.nodes()[tree.subtree(at)]
            .iter()
            .map(|n| n.department.id)
            .collect(),
        None => BTreeSet::from([department]),
    }
}

/// The catalogue as the needs see it.
pub fn need_seminars(seminars: &[Seminar]) -> Vec<NeedSeminar> {
    seminars
        .iter()
        .map(|s| NeedSeminar {
            id: s.id,
            title: s.title.clone(),
            topic: s.topic.clone(),
            usual_hours: s.default_hours,
            archived: s.archived,
        })
        .collect()
}

/// The needs of `program` from facts in memory (`facts` must hold the program): the
/// employees employed on the facts' day, in `department`'s subtree if one is given.
pub fn compute(
    program: &Program,
    seminars: &[Seminar],
    employees: &[EmployeeRow],
    departments: &[Department],
    facts: &DayFacts,
    department: Option<DepartmentId>,
) -> Needs {
    let started = std::time::Instant::now();
    let as_of = facts.as_of();
    let attendance = facts.attendance_of(program.id);
    let scope = department.map(|d| subtree(departments, d));
    // Only the people in scope get their eligibility worked out (the rules check again).
    let in_scope = |e: &&EmployeeRow| match &scope {
        Some(scope) => e.employee.department_id.is_some_and(|d| scope.contains(&d)),
        None => true,
    };
    let people: Vec<NeedPerson> = employees
        .iter()
        .filter(|e| e.employee.is_employed_on(as_of))
        .filter(in_scope)
        .map(|e| {
            let (eligibility, certificate) = facts.eligibility(program, &e.employee);
            NeedPerson {
                employee: e.employee.id,
                department: e.employee.department_id,
                eligibility,
                completed: attendance
                    .and_then(|m| m.get(&e.employee.id))
                    .map(|f| f.completed.keys().copied().collect())
                    .unwrap_or_default(),
                certified: certificate.is_some(),
            }
        })
        .collect();
    let needs = crate::rules::needs(&need_seminars(seminars), &people, scope.as_ref());
    log::debug!(
        "needs of program #{} over {} people computed in {:.1} ms",
        program.id,
        people.len(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    needs
}

/// The report around computed needs: the names its texts use.
pub fn report(
    program: &Program,
    seminars: &[Seminar],
    departments: &[Department],
    programs: &[Program],
    department: Option<DepartmentId>,
    needs: Needs,
) -> NeedsReport {
    let lang = crate::i18n::language();
    NeedsReport {
        program: program.id,
        program_code: program.code.clone(),
        program_title: program.titles.generic(lang).to_owned(),
        department,
        needs,
        seminar_codes: seminars.iter().map(|s| (s.id, s.code.clone())).collect(),
        departments: departments
            .iter()
            .map(|d| (d.id, (d.code.clone(), d.name.clone())))
            .collect(),
        programs: programs
            .iter()
            .map(|p| (p.id, p.titles.generic(lang).to_owned()))
            .collect(),
    }
}

/// The needs of the program `program_code` today, in the department `department_code`
/// and its sub-units if given. Unknown codes are refused with a sentence.
pub fn load(
    db: &Database,
    program_code: &str,
    department_code: Option<&str>,
) -> Result<NeedsReport> {
    let store = db.store();
    let program = store.program_by_code(program_code.trim())?.ok_or_else(|| {
        Error::Message(ta(
            "needs-unknown-program",
            &[("code", Arg::from(program_code.trim()))],
        ))
    })?;
    let department = match department_code {
        Some(code) => Some(
            store
                .department_by_code(code.trim())?
                .ok_or_else(|| {
                    Error::Message(ta(
                        "needs-unknown-department",
                        &[("code", Arg::from(code.trim()))],
                    ))
                })?
                .id,
        ),
        None => None,
    };
    let seminars = store.seminars()?;
    let programs = store.programs()?;
    let departments = store.departments()?;
    let employees = store.employee_rows(&EmployeeFilter {
        department: None,
        include_leavers: true,
    })?;
    let facts = DayFacts::load_with(
        db,
        std::slice::from_ref(&program),
        &seminars,
        store.certificates()?,
        store.today(),
    )?;
    let needs = compute(
        &program,
        &seminars,
        &employees,
        &departments,
        &facts,
        department,
    );
    Ok(report(
        &program,
        &seminars,
        &departments,
        &programs,
        department,
        needs,
    ))
}

impl NeedsReport {
    /// A department's name ("ohne Organisationseinheit" for none).
    pub fn department_name(&self, department: Option<DepartmentId>) -> String {
        match department.and_then(|d| self.departments.get(&d)) {
            Some((_, name)) => name.clone(),
            None => t("needs-no-department"),
        }
    }

    /// A department's code (empty for none).
    pub fn department_code(&self, department: Option<DepartmentId>) -> String {
        department
            .and_then(|d| self.departments.get(&d))
            .map(|(code, _)| code.clone())
            .unwrap_or_default()
    }

    /// A seminar's code.
    pub fn seminar_code(&self, seminar: SeminarId) -> String {
        self.seminar_codes
            .get(&seminar)
            .cloned()
            .unwrap_or_else(|| format!("#{seminar}"))
    }

    /// The sentence of one seminar: "23 Beschäftigte brauchen noch „Digitale Verwaltung“
    /// – 9 davon: Bürgeramt. Für 5 ist es das Letzte, was fehlt."
    pub fn seminar_sentence(&self, need: &SeminarNeed) -> String {
        let mut text = ta(
            "needs-sentence",
            &[
                ("count", Arg::from(need.needed_by.len())),
                ("seminar", Arg::from(&need.title)),
            ],
        );
        if let Some(top) = need.departments.first()
            && need.departments.len() > 1
        {
            text.push_str(&ta(
                "needs-sentence-department",
                &[
                    ("count", Arg::from(top.needed_by)),
                    (
                        "department",
                        Arg::from(self.department_name(top.department)),
                    ),
                ],
            ));
        }
        text.push('.');
        if !need.would_become_eligible.is_empty() {
            text.push(' ');
            text.push_str(&ta(
                "needs-sentence-eligible",
                &[("count", Arg::from(need.would_become_eligible.len()))],
            ));
        }
        text
    }

    /// The sentence of a missing prerequisite: "12 Beschäftigten fehlt noch das
    /// Zertifikat „Grundkurs“."
    pub fn prerequisite_sentence(&self, need: &PrerequisiteNeed) -> String {
        ta(
            "needs-prerequisite",
            &[
                ("count", Arg::from(need.missing.len())),
                (
                    "program",
                    Arg::from(
                        self.programs
                            .get(&need.program)
                            .cloned()
                            .unwrap_or_else(|| format!("#{}", need.program)),
                    ),
                ),
            ],
        )
    }

    /// The first `n` departments of a seminar as "Bürgeramt 9, Ordnungsamt 4".
    pub fn top_departments(&self, need: &SeminarNeed, n: usize) -> String {
        need.departments
            .iter()
            .take(n)
            .map(|d| format!("{} {}", self.department_name(d.department), d.needed_by))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// What the report counts, in one sentence.
    pub fn summary(&self) -> String {
        ta(
            "needs-summary",
            &[
                ("people", Arg::from(self.needs.people)),
                ("eligible", Arg::from(self.needs.eligible)),
                ("program", Arg::from(&self.program_title)),
            ],
        )
    }
}
