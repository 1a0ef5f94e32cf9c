//! Defining certification programs and their requirements.

use std::collections::{HashMap, HashSet};

use crate::error::{Error, Result};
use crate::model::{
    Field, Invalid, ProgramId, ProgramInput, ProgramTitles, Requirement, clean_required,
};
use crate::service::Database;
use crate::store::{Read, Tx};

/// Adds a program with its requirements; returns its id.
pub fn add(db: &mut Database, input: &ProgramInput) -> Result<ProgramId> {
    let store = db.store_mut();
    store.transact(|tx| {
        let valid = checked(tx, input, None)?;
        let id = tx.insert_program(&valid)?;
        tx.audit(
            "program",
            Some(id.0),
            "add",
            &format!("code {}", valid.code),
        )?;
        Ok(id)
    })
}

/// Saves a program's fields and requirements. Certificates already issued keep what
/// they printed; eligibility follows the new requirements from now on.
pub fn update(db: &mut Database, id: ProgramId, input: &ProgramInput) -> Result<()> {
    save(db, id, None, input)
}

/// Saves a program as [`update`] does, but only if the stored program is still at
/// `version`, the one the editor was loaded with; otherwise nothing is saved and
/// [`Error::ChangedMeanwhile`] says who changed it.
pub fn update_checked(
    db: &mut Database,
    id: ProgramId,
    version: i64,
    input: &ProgramInput,
) -> Result<()> {
    save(db, id, Some(version), input)
}

fn save(
    db: &mut Database,
    id: ProgramId,
    version: Option<i64>,
    input: &ProgramInput,
) -> Result<()> {
    let store = db.store_mut();
    store.transact(|tx| {
        let before = tx.program(id)?.ok_or_else(|| Error::NotFound {
            what: format!("program {id}"),
        })?;
        super::conflict::expect_version(tx, "program", id.0, before.version, version)?;
        let valid = checked(tx, input, Some(id))?;
        tx.update_program(id, &valid)?;
        tx.audit(
            "program",
            Some(id.0),
            "edit",
            &format!("code {}", valid.code),
        )
    })
}

/// Archives a program (no more certificates are issued for it) or takes it back.
pub fn set_archived(db: &mut Database, id: ProgramId, archived: bool) -> Result<()> {
    let store = db.store_mut();
    store.transact(|tx| {
        let p = tx.program(id)?.ok_or_else(|| Error::NotFound {
            what: format!("program {id}"),
        })?;
        tx.set_program_archived(id, archived)?;
        tx.audit(
            "program",
            Some(id.0),
            if archived { "archive" } else { "unarchive" },
            &format!("code {}", p.code),
        )
    })
}

/// The input trimmed and checked against itself and the store.
fn checked(tx: &Tx<'_>, input: &ProgramInput, editing: Option<ProgramId>) -> Result<ProgramInput> {
    let mut problems = Vec::new();
    let code = clean_required(&input.code, Field::ProgramCode, &mut problems);
    let serial_prefix = input.serial_prefix.trim().to_uppercase();
    if serial_prefix.is_empty()
        || serial_prefix.len() > 8
        || !serial_prefix
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        problems.push(Invalid::SerialPrefixFormat);
    }
    let titles = ProgramTitles {
        de_male: clean_required(&input.titles.de_male, Field::TitleDeMale, &mut problems),
        de_female: clean_required(&input.titles.de_female, Field::TitleDeFemale, &mut problems),
        de_neutral: clean_required(
            &input.titles.de_neutral,
            Field::TitleDeNeutral,
            &mut problems,
        ),
        en: clean_required(&input.titles.en, Field::TitleEn, &mut problems),
    };
    if input.validity_months.is_some_and(|m| m == 0 || m > 600) {
        problems.push(Invalid::ValidityOutOfRange);
    }
    if !code.is_empty()
        && let Some(other) = tx.program_by_code(&code)?
        && Some(other.id) != editing
    {
        problems.push(Invalid::DuplicateProgramCode(code.clone()));
    }
    let requirements = check_requirements(tx, &input.requirements, editing, &mut problems)?;
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    Ok(ProgramInput {
        code,
        serial_prefix,
        titles,
        description: input.description.trim().to_owned(),
        validity_months: input.validity_months,
        allow_partial: input.allow_partial,
        requirements,
    })
}

fn check_requirements(
    tx: &Tx<'_>,
    requirements: &[Requirement],
    editing: Option<ProgramId>,
    problems: &mut Vec<Invalid>,
) -> Result<Vec<Requirement>> {
    if requirements.is_empty() {
        problems.push(Invalid::NoRequirements);
    }
    let mut out = Vec::with_capacity(requirements.len());
    for r in requirements {
        let r = match r {
            Requirement::Seminar(s) => {
                if tx.seminar(*s)?.is_none() {
                    problems.push(Invalid::UnknownSeminar(s.to_string()));
                }
                r.clone()
            }
            Requirement::AtLeastN { n, seminars } => {
                let mut unique = Vec::new();
                for s in seminars {
                    if tx.seminar(*s)?.is_none() {
                        problems.push(Invalid::UnknownSeminar(s.to_string()));
                    }
                    if !unique.contains(s) {
                        unique.push(*s);
                    }
                }
                if *n == 0 || *n as usize > unique.len() {
                    problems.push(Invalid::CountOutOfRange {
                        n: *n,
                        of: unique.len(),
                    });
                }
                Requirement::AtLeastN {
                    n: *n,
                    seminars: unique,
                }
            }
            Requirement::TopicHours { topic, hours } => {
                let topic = topic.trim().to_owned();
                if topic.is_empty() || !hours.is_finite() || *hours <= 0.0 {
                    problems.push(Invalid::HoursRequirement);
                }
                Requirement::TopicHours {
                    topic,
                    hours: *hours,
                }
            }
            Requirement::Prerequisite(p) => {
                if Some(*p) == editing {
                    problems.push(Invalid::PrerequisiteCycle);
                } else if tx.program(*p)?.is_none() {
                    problems.push(Invalid::UnknownProgram(p.to_string()));
                } else if let Some(me) = editing
                    && requires(tx, *p, me)?
                {
                    problems.push(Invalid::PrerequisiteCycle);
                }
                r.clone()
            }
        };
        out.push(r);
    }
    Ok(out)
}

/// Whether program `from` requires `target`, directly or through other programs.
fn requires(tx: &Tx<'_>, from: ProgramId, target: ProgramId) -> Result<bool> {
    let mut edges: HashMap<ProgramId, Vec<ProgramId>> = HashMap::new();
    let mut todo = vec![from];
    let mut seen = HashSet::new();
    while let Some(p) = todo.pop() {
        if p == target {
            return Ok(true);
        }
        if !seen.insert(p) {
            continue;
        }
        let next = match edges.get(&p) {
            Some(n) => n.clone(),
            None => {
                let n: Vec<ProgramId> = tx
                    .program(p)?
                    .map(|prog| {
                        prog.requirements
                            .iter()
                            .filter_map(|r| match r {
                                Requirement::Prerequisite(q) => Some(*q),
                                _ => None,
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                edges.insert(p, n.clone());
                n
            }
        };
        todo.extend(next);
    }
    Ok(false)
}
