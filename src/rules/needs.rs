//! Training needs of a program: which seminars are still missing for how many people,
//! and for how many each would be the last thing missing. Plain values in and out.
//!
//! People counted are those given who have not left, hold no valid certificate of the
//! program, are not eligible yet and work in the chosen departments (all, without a
//! choice; people without a department count under `None`).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::eligibility::{Eligibility, Progress, topic_matches};
use crate::model::{DepartmentId, EmployeeId, ProgramId, SeminarId};

/// A seminar of the catalogue as the needs see it.
#[derive(Debug, Clone, PartialEq)]
pub struct NeedSeminar {
    pub id: SeminarId,
    pub title: String,
    pub topic: String,
    /// The hours a full attendance usually counts for (the seminar's default hours).
    pub usual_hours: f64,
    pub archived: bool,
}

/// One employee's standing in the program.
#[derive(Debug, Clone, PartialEq)]
pub struct NeedPerson {
    pub employee: EmployeeId,
    pub department: Option<DepartmentId>,
    pub eligibility: Eligibility,
    /// The seminars completed so far (a seminar taken again adds no hours to a topic).
    pub completed: BTreeSet<SeminarId>,
    /// Holds a valid certificate of the program.
    pub certified: bool,
}

/// How many of the people in one department a seminar or prerequisite concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DepartmentNeed {
    /// `None`: people without a department.
    pub department: Option<DepartmentId>,
    pub needed_by: usize,
    pub would_become_eligible: usize,
}

/// One seminar that would help someone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeminarNeed {
    pub seminar: SeminarId,
    pub title: String,
    /// The people whose open requirements this seminar advances.
    pub needed_by: Vec<EmployeeId>,
    /// Those of them for whom it is the only thing missing.
    pub would_become_eligible: Vec<EmployeeId>,
    /// By department, most people first.
    pub departments: Vec<DepartmentNeed>,
}

/// A certificate of another program that people still lack.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrerequisiteNeed {
    pub program: ProgramId,
    pub missing: Vec<EmployeeId>,
    /// By department, most people first (`would_become_eligible` counts those for whom
    /// the certificate is the only thing missing).
    pub departments: Vec<DepartmentNeed>,
}

/// The needs of one program.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Needs {
    /// People counted: active, without valid certificate, in the chosen departments.
    pub people: usize,
    /// Of them, those already eligible (they need a certificate, not a seminar).
    pub eligible: usize,
    /// Most who would become eligible first, then most who need it, then title.
    pub seminars: Vec<SeminarNeed>,
    pub prerequisites: Vec<PrerequisiteNeed>,
}

/// Whether completing `seminar` advances the open requirement `progress`.
fn advances(progress: &Progress, seminar: &NeedSeminar, completed: &BTreeSet<SeminarId>) -> bool {
    match progress {
        Progress::Seminar { seminar: s, .. } => *s == seminar.id,
        Progress::AtLeastN { open, .. } => open.contains(&seminar.id),
        Progress::TopicHours { topic, .. } => {
            !seminar.archived
                && !completed.contains(&seminar.id)
                && topic_matches(&seminar.topic, &topic.trim().to_lowercase())
        }
        Progress::Prerequisite { .. } => false,
    }
}

/// Whether completing `seminar` meets the open requirement `progress`.
fn closes(progress: &Progress, seminar: &NeedSeminar, completed: &BTreeSet<SeminarId>) -> bool {
    match progress {
        Progress::Seminar { seminar: s, .. } => *s == seminar.id,
        Progress::AtLeastN { done, open, needed } => {
            open.contains(&seminar.id) && done.len() + 1 >= *needed as usize
        }
        Progress::TopicHours { hours, needed, .. } => {
            advances(progress, seminar, completed)
                && seminar.usual_hours > 0.0
                && hours + seminar.usual_hours + 1e-9 >= *needed
        }
        Progress::Prerequisite { .. } => false,
    }
}

/// Counts per department, most people first, then by department id (no department last).
fn by_department(
    people: &[EmployeeId],
    ready: &[EmployeeId],
    department_of: &BTreeMap<EmployeeId, Option<DepartmentId>>,
) -> Vec<DepartmentNeed> {
    let ready: BTreeSet<EmployeeId> = ready.iter().copied().collect();
    let mut counts: BTreeMap<Option<DepartmentId>, (usize, usize)> = BTreeMap::new();
    for id in people {
        let entry = counts
            .entry(department_of.get(id).copied().flatten())
            .or_default();
        entry.0 += 1;
        if ready.contains(id) {
            entry.1 += 1;
        }
    }
    let mut out: Vec<DepartmentNeed> = counts
        .into_iter()
        .map(|(department, (needed_by, would))| DepartmentNeed {
            department,
            needed_by,
            would_become_eligible: would,
        })
        .collect();
    out.sort_by(|a, b| {
        b.needed_by
            .cmp(&a.needed_by)
            .then(a.department.is_none().cmp(&b.department.is_none()))
            .then(a.department.cmp(&b.department))
    });
    out
}

/// The needs of a program over `people` (their eligibility in that program), with the
/// catalogue `seminars`; `scope` limits them to these departments (`None`: everyone).
pub fn needs(
    seminars: &[NeedSeminar],
    people: &[NeedPerson],
    scope: Option<&BTreeSet<DepartmentId>>,
) -> Needs {
    let mut result = Needs::default();
    let mut needed: BTreeMap<SeminarId, (Vec<EmployeeId>, Vec<EmployeeId>)> = BTreeMap::new();
    let mut prerequisites: BTreeMap<ProgramId, (Vec<EmployeeId>, Vec<EmployeeId>)> =
        BTreeMap::new();
    let mut department_of = BTreeMap::new();
    for person in people {
        if person.eligibility.left || person.certified {
            continue;
        }
        if let Some(scope) = scope
            && !person.department.is_some_and(|d| scope.contains(&d))
        {
            continue;
        }
        result.people += 1;
        if person.eligibility.eligible {
            result.eligible += 1;
            continue;
        }
        department_of.insert(person.employee, person.department);
        let open: Vec<&Progress> = person
            .eligibility
            .requirements
            .iter()
            .filter(|r| !r.met)
            .map(|r| &r.progress)
            .collect();
        for seminar in seminars {
            if !open.iter().any(|p| advances(p, seminar, &person.completed)) {
                continue;
            }
            let entry = needed.entry(seminar.id).or_default();
            entry.0.push(person.employee);
            if open.iter().all(|p| closes(p, seminar, &person.completed)) {
                entry.1.push(person.employee);
            }
        }
        for p in &open {
            if let Progress::Prerequisite { program, .. } = p {
                let entry = prerequisites.entry(*program).or_default();
                entry.0.push(person.employee);
                if open.len() == 1 {
                    entry.1.push(person.employee);
                }
            }
        }
    }
    let titles: BTreeMap<SeminarId, &str> =
        seminars.iter().map(|s| (s.id, s.title.as_str())).collect();
    result.seminars = needed
        .into_iter()
        .map(|(seminar, (needed_by, ready))| SeminarNeed {
            seminar,
            title: titles.get(&seminar).copied().unwrap_or_default().to_owned(),
            departments: by_department(&needed_by, &ready, &department_of),
            needed_by,
            would_become_eligible: ready,
        })
        .collect();
    result.seminars.sort_by(|a, b| {
        b.would_become_eligible
            .len()
            .cmp(&a.would_become_eligible.len())
            .then(b.needed_by.len().cmp(&a.needed_by.len()))
            .then_with(|| crate::text::cmp_de(&a.title, &b.title))
            .then(a.seminar.cmp(&b.seminar))
    });
    result.prerequisites = prerequisites
        .into_iter()
        .map(|(program, (missing, ready))| PrerequisiteNeed {
            program,
            departments: by_department(&missing, &ready, &department_of),
            missing,
        })
        .collect();
    result
        .prerequisites
        .sort_by_key(|p| std::cmp::Reverse(p.missing.len()));
    result
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::rules::RequirementProgress;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    fn seminar(id: i64, title: &str, topic: &str, hours: f64) -> NeedSeminar {
        NeedSeminar {
            id: SeminarId(id),
            title: title.to_owned(),
            topic: topic.to_owned(),
            usual_hours: hours,
            archived: false,
        }
    }

    fn person(id: i64, department: Option<i64>, progress: Vec<(Progress, bool)>) -> NeedPerson {
        let requirements: Vec<RequirementProgress> = progress
            .into_iter()
            .map(|(progress, met)| RequirementProgress { progress, met })
            .collect();
        let eligible = !requirements.is_empty() && requirements.iter().all(|r| r.met);
        NeedPerson {
            employee: EmployeeId(id),
            department: department.map(DepartmentId),
            eligibility: Eligibility {
                program: ProgramId(1),
                as_of: day(),
                requirements,
                left: false,
                eligible,
            },
            completed: BTreeSet::new(),
            certified: false,
        }
    }

    fn open_seminar(id: i64) -> (Progress, bool) {
        (
            Progress::Seminar {
                seminar: SeminarId(id),
                completed_on: None,
            },
            false,
        )
    }

    fn done_seminar(id: i64) -> (Progress, bool) {
        (
            Progress::Seminar {
                seminar: SeminarId(id),
                completed_on: Some(day()),
            },
            true,
        )
    }

    fn ids(v: &[EmployeeId]) -> Vec<i64> {
        v.iter().map(|e| e.0).collect()
    }

    #[test]
    fn a_missing_required_seminar_is_needed_and_the_last_one_makes_eligible() {
        let catalogue = [
            seminar(1, "Datenschutz", "", 4.0),
            seminar(2, "Ethik", "", 4.0),
        ];
        let people = [
            person(10, Some(1), vec![open_seminar(1), done_seminar(2)]),
            person(11, Some(2), vec![open_seminar(1), open_seminar(2)]),
            person(12, Some(1), vec![done_seminar(1), done_seminar(2)]),
        ];
        let needs = needs(&catalogue, &people, None);
        assert_eq!(needs.people, 3);
        assert_eq!(needs.eligible, 1);
        assert_eq!(needs.seminars.len(), 2);
        // Datenschutz first: it makes one person eligible.
        assert_eq!(needs.seminars[0].seminar, SeminarId(1));
        assert_eq!(ids(&needs.seminars[0].needed_by), vec![10, 11]);
        assert_eq!(ids(&needs.seminars[0].would_become_eligible), vec![10]);
        assert_eq!(ids(&needs.seminars[1].needed_by), vec![11]);
        assert!(needs.seminars[1].would_become_eligible.is_empty());
        assert_eq!(
            needs.seminars[0].departments,
            vec![
                DepartmentNeed {
                    department: Some(DepartmentId(1)),
                    needed_by: 1,
                    would_become_eligible: 1
                },
                DepartmentNeed {
                    department: Some(DepartmentId(2)),
                    needed_by: 1,
                    would_become_eligible: 0
                },
            ]
        );
    }

    #[test]
    fn an_open_seminar_of_an_unmet_set_is_needed_and_the_last_of_the_set_makes_eligible() {
        let catalogue = [
            seminar(1, "A", "", 4.0),
            seminar(2, "B", "", 4.0),
            seminar(3, "C", "", 4.0),
        ];
        let set = |done: &[i64], open: &[i64], met: bool| {
            (
                Progress::AtLeastN {
                    done: done.iter().map(|i| SeminarId(*i)).collect(),
                    open: open.iter().map(|i| SeminarId(*i)).collect(),
                    needed: 2,
                },
                met,
            )
        };
        let people = [
            // One of two done: either open one would make eligible.
            person(10, None, vec![set(&[1], &[2, 3], false)]),
            // None done: both open ones help, neither alone is enough.
            person(11, None, vec![set(&[], &[1, 2, 3], false)]),
            // Met: the set needs nothing more.
            person(12, None, vec![set(&[1, 2], &[3], true), open_seminar(9)]),
        ];
        let needs = needs(&catalogue, &people, None);
        let a = needs
            .seminars
            .iter()
            .find(|s| s.seminar == SeminarId(1))
            .unwrap();
        assert_eq!(ids(&a.needed_by), vec![11]);
        assert!(a.would_become_eligible.is_empty());
        let c = needs
            .seminars
            .iter()
            .find(|s| s.seminar == SeminarId(3))
            .unwrap();
        assert_eq!(ids(&c.needed_by), vec![10, 11]);
        assert_eq!(ids(&c.would_become_eligible), vec![10]);
        // Seminar 3 of person 12's met set is not needed by them.
        assert!(!c.needed_by.contains(&EmployeeId(12)));
        // Ordered: B and C make someone eligible, then A; B before C by title.
        let order: Vec<i64> = needs.seminars.iter().map(|s| s.seminar.0).collect();
        assert_eq!(order, vec![2, 3, 1]);
    }

    #[test]
    fn topic_seminars_help_and_make_eligible_only_when_their_hours_close_the_gap() {
        let catalogue = [
            seminar(1, "Kurz", "Digitale Verwaltung", 2.0),
            seminar(2, "Lang", " digitale verwaltung ", 8.0),
            seminar(3, "Anderes", "Recht", 8.0),
        ];
        let hours = |got: f64| {
            (
                Progress::TopicHours {
                    topic: "Digitale Verwaltung".to_owned(),
                    hours: got,
                    needed: 16.0,
                },
                false,
            )
        };
        let mut p = person(10, None, vec![hours(10.0)]);
        // Already completed "Lang": taking it again adds no hours.
        let mut q = person(11, None, vec![hours(8.0)]);
        q.completed.insert(SeminarId(2));
        p.completed.insert(SeminarId(3));
        let needs = needs(&catalogue, &[p, q], None);
        let kurz = needs
            .seminars
            .iter()
            .find(|s| s.seminar == SeminarId(1))
            .unwrap();
        assert_eq!(ids(&kurz.needed_by), vec![10, 11]);
        assert!(kurz.would_become_eligible.is_empty());
        let lang = needs
            .seminars
            .iter()
            .find(|s| s.seminar == SeminarId(2))
            .unwrap();
        assert_eq!(ids(&lang.needed_by), vec![10]);
        assert_eq!(ids(&lang.would_become_eligible), vec![10]);
        assert!(!needs.seminars.iter().any(|s| s.seminar == SeminarId(3)));
        assert_eq!(needs.seminars[0].seminar, SeminarId(2));
    }

    #[test]
    fn prerequisites_are_listed_apart_and_counted_by_department() {
        let catalogue = [seminar(1, "A", "", 4.0)];
        let prerequisite = (
            Progress::Prerequisite {
                program: ProgramId(7),
                valid_until: None,
            },
            false,
        );
        let people = [
            person(10, Some(1), vec![prerequisite.clone(), done_seminar(1)]),
            person(11, None, vec![prerequisite.clone(), open_seminar(1)]),
        ];
        let needs = needs(&catalogue, &people, None);
        assert_eq!(needs.prerequisites.len(), 1);
        let p = &needs.prerequisites[0];
        assert_eq!(p.program, ProgramId(7));
        assert_eq!(ids(&p.missing), vec![10, 11]);
        // Person 10 lacks only the certificate; person 11 also the seminar, which
        // therefore makes nobody eligible.
        assert_eq!(p.departments[0].department, Some(DepartmentId(1)));
        assert_eq!(p.departments[0].would_become_eligible, 1);
        assert_eq!(p.departments[1].department, None);
        assert_eq!(ids(&needs.seminars[0].needed_by), vec![11]);
        assert!(needs.seminars[0].would_become_eligible.is_empty());
    }

    #[test]
    fn leavers_certified_people_and_other_departments_are_not_counted() {
        let catalogue = [seminar(1, "A", "", 4.0)];
        let mut left = person(10, Some(1), vec![open_seminar(1)]);
        left.eligibility.left = true;
        let mut certified = person(11, Some(1), vec![open_seminar(1)]);
        certified.certified = true;
        let elsewhere = person(12, Some(2), vec![open_seminar(1)]);
        let without = person(13, None, vec![open_seminar(1)]);
        let here = person(14, Some(1), vec![open_seminar(1)]);
        let all = [left, certified, elsewhere, without, here];
        let scope = BTreeSet::from([DepartmentId(1)]);
        let scoped = needs(&catalogue, &all, Some(&scope));
        assert_eq!(scoped.people, 1);
        assert_eq!(ids(&scoped.seminars[0].needed_by), vec![14]);
        let everyone = needs(&catalogue, &all, None);
        assert_eq!(everyone.people, 3);
        assert_eq!(ids(&everyone.seminars[0].needed_by), vec![12, 13, 14]);
        // No department counts last.
        assert_eq!(everyone.seminars[0].departments[2].department, None);
    }
}
