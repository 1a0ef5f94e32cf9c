//! Matching the rows of a participant list to employees: by personnel number, e-mail
//! or name, never guessing ([`match_rows`]).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::super::employees::department_key;
use super::ParticipantRecord;
use crate::i18n::{Arg, fmt_date, t, ta};
use crate::import::personnel_number_value;
use crate::model::{Department, DepartmentId, Employee, EmployeeId, Session};
use crate::text::name_match_key;

/// An employee as the preview shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct EmployeeRef {
    pub id: EmployeeId,
    pub personnel_number: String,
    pub first_name: String,
    pub last_name: String,
    pub department_code: Option<String>,
    /// "Bauamt (60)".
    pub department: Option<String>,
    pub email: Option<String>,
    pub entry_date: Option<NaiveDate>,
    pub exit_date: Option<NaiveDate>,
    /// Employed when the session took place ([`employed_at_session`]); others are
    /// never matched automatically.
    pub employed_at_session: bool,
}

/// Employed when `session` takes place: not left by its first day
/// ([`Employee::is_active_on`]) and not joined after its last — the rule the roster
/// applies when participants are added.
pub fn employed_at_session(e: &Employee, session: &Session) -> bool {
    e.is_active_on(session.starts_at.date())
        && e.entry_date
            .is_none_or(|entry| entry <= session.ends_at.date())
}

impl EmployeeRef {
    pub(super) fn new(
        e: &Employee,
        departments: &HashMap<DepartmentId, &Department>,
        session: &Session,
    ) -> Self {
        let department = e.department_id.and_then(|id| departments.get(&id));
        EmployeeRef {
            id: e.id,
            personnel_number: e.personnel_number.clone(),
            first_name: e.first_name.clone(),
            last_name: e.last_name.clone(),
            department_code: department.map(|d| d.code.clone()),
            department: department.map(|d| {
                ta(
                    "import-department-label",
                    &[("name", Arg::from(&d.name)), ("code", Arg::from(&d.code))],
                )
            }),
            email: e.email.clone(),
            entry_date: e.entry_date,
            exit_date: e.exit_date,
            employed_at_session: employed_at_session(e, session),
        }
    }

    /// "Jürgen Weiß".
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }

    /// "1001 Jürgen Weiß (10.1)": personnel number, name, department code.
    pub fn label(&self) -> String {
        match &self.department_code {
            Some(code) => format!("{} {} ({code})", self.personnel_number, self.full_name()),
            None => format!("{} {}", self.personnel_number, self.full_name()),
        }
    }

    /// "1005 Anna Schmidt, Bauamt (60), a.schmidt@stadt.de, ausgeschieden am 31.01.2020":
    /// everything that tells two people of the same name apart, and for someone not
    /// employed at the session's time when they left or joined.
    pub fn describe(&self) -> String {
        let mut parts = vec![format!("{} {}", self.personnel_number, self.full_name())];
        parts.extend(self.department.clone());
        parts.extend(self.email.clone());
        if !self.employed_at_session {
            match (self.exit_date, self.entry_date) {
                (Some(exit), _) => {
                    parts.push(ta("impatt-left-on", &[("date", Arg::from(fmt_date(exit)))]))
                }
                (None, Some(entry)) => parts.push(ta(
                    "impatt-joined-on",
                    &[("date", Arg::from(fmt_date(entry)))],
                )),
                (None, None) => {}
            }
        }
        parts.join(", ")
    }
}

/// How a row was matched to its employee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MatchedBy {
    PersonnelNumber,
    Email,
    Name,
    /// The user chose the employee ([`Resolution::Employee`]).
    User,
}

impl MatchedBy {
    /// "über die E-Mail-Adresse" etc.; empty for the personnel number.
    pub fn describe(self) -> String {
        match self {
            MatchedBy::PersonnelNumber => String::new(),
            MatchedBy::Email => t("impatt-by-email"),
            MatchedBy::Name => t("impatt-by-name"),
            MatchedBy::User => t("impatt-by-user"),
        }
    }
}

/// Why a row is not matched automatically.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Nobody has this personnel number, e-mail address or name (the candidates, if any,
    /// are people with a similar name).
    NoMatch,
    /// Nobody has the personnel number the row gives (candidates: who the e-mail or name fits).
    UnknownPersonnelNumber(String),
    /// Several employees fit.
    Ambiguous,
    /// The personnel number and the e-mail address belong to different employees.
    Conflict,
    /// Only employees who were not employed when the session took place fit (they left
    /// before it or joined after it); they are listed as candidates, marked as such.
    NotEmployed,
    /// The only employee of that name is in another department than the row gives.
    OtherDepartment(String),
}

impl Problem {
    /// The problem in the current language.
    pub fn message(&self, candidates: usize) -> String {
        match self {
            Problem::NoMatch if candidates == 0 => t("impatt-problem-no-match"),
            Problem::NoMatch => t("impatt-problem-similar"),
            Problem::UnknownPersonnelNumber(number) => ta(
                "impatt-problem-unknown-number",
                &[("number", Arg::from(number))],
            ),
            Problem::Ambiguous => ta(
                "impatt-problem-ambiguous",
                &[("count", Arg::from(candidates))],
            ),
            Problem::Conflict => t("impatt-problem-conflict"),
            Problem::NotEmployed => t("impatt-problem-not-employed"),
            Problem::OtherDepartment(department) => ta(
                "impatt-problem-department",
                &[("department", Arg::from(department))],
            ),
        }
    }
}

/// What matching found for one row, before the user's resolutions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowMatch {
    Found {
        employee: EmployeeId,
        by: MatchedBy,
    },
    Unresolved {
        problem: Problem,
        /// The employees the row may mean, best first (may be empty).
        candidates: Vec<EmployeeId>,
    },
    /// The row has neither personnel number nor e-mail nor name.
    NoPerson,
}

/// The user's decision for a row, by line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Resolution {
    /// The row means this employee (any employee, not only a candidate).
    Employee(EmployeeId),
    /// Leave the row out of the import.
    Skip,
}

/// The user's decisions: line (as in [`ParticipantRecord::line`]) → resolution. A
/// resolution may be given for any row: it overrides the automatic match, and a skip
/// also takes a rejected row out of the way.
pub type Resolutions = HashMap<usize, Resolution>;

/// The most similar names suggested for a row that matches nobody.
const MAX_SUGGESTIONS: usize = 10;

/// Looks employees up by personnel number, e-mail and name. Build once per file.
pub struct Directory<'a> {
    employees: &'a [Employee],
    session: &'a Session,
    by_number: HashMap<&'a str, usize>,
    /// All-digit personnel numbers without leading zeros (a workbook drops them).
    by_number_value: HashMap<&'a str, Vec<usize>>,
    by_email: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
    by_last_name: HashMap<String, Vec<usize>>,
    /// (code as [`department_key`], name as [`name_match_key`], id) of every department.
    departments: Vec<(String, String, DepartmentId)>,
    parent: HashMap<DepartmentId, DepartmentId>,
}

impl<'a> Directory<'a> {
    /// An index over `employees` (leavers included) and `departments`, for `session`:
    /// who was not employed when it took place is not matched automatically.
    pub fn new(
        employees: &'a [Employee],
        departments: &'a [Department],
        session: &'a Session,
    ) -> Self {
        let mut dir = Directory {
            employees,
            session,
            by_number: HashMap::with_capacity(employees.len()),
            by_number_value: HashMap::new(),
            by_email: HashMap::new(),
            by_name: HashMap::with_capacity(employees.len() * 2),
            by_last_name: HashMap::with_capacity(employees.len()),
            departments: departments
                .iter()
                .map(|d| (department_key(&d.code), name_match_key(&d.name), d.id))
                .collect(),
            parent: departments
                .iter()
                .filter_map(|d| d.parent_id.map(|p| (d.id, p)))
                .collect(),
        };
        for (i, e) in employees.iter().enumerate() {
            let number = e.personnel_number.trim();
            dir.by_number.insert(number, i);
            if let Some(value) = personnel_number_value(number) {
                dir.by_number_value.entry(value).or_default().push(i);
            }
            if let Some(email) = &e.email {
                dir.by_email.entry(email_key(email)).or_default().push(i);
            }
            let forward = name_match_key(&format!("{} {}", e.first_name, e.last_name));
            let backward = name_match_key(&format!("{} {}", e.last_name, e.first_name));
            dir.by_name.entry(forward.clone()).or_default().push(i);
            if backward != forward {
                dir.by_name.entry(backward).or_default().push(i);
            }
            dir.by_last_name
                .entry(name_match_key(&e.last_name))
                .or_default()
                .push(i);
        }
        dir
    }

    fn id(&self, i: usize) -> EmployeeId {
        self.employees[i].id
    }

    fn ids(&self, list: &[usize]) -> Vec<EmployeeId> {
        list.iter().map(|i| self.id(*i)).collect()
    }

    /// Employed when the session took place.
    fn active(&self, i: usize) -> bool {
        employed_at_session(&self.employees[i], self.session)
    }

    fn by_number(&self, number: &str) -> Option<usize> {
        if let Some(i) = self.by_number.get(number) {
            return Some(*i);
        }
        match personnel_number_value(number)
            .and_then(|value| self.by_number_value.get(value))
            .map(Vec::as_slice)
        {
            Some([i]) => Some(*i),
            _ => None,
        }
    }

    fn by_email(&self, email: &str) -> &[usize] {
        self.by_email
            .get(&email_key(email))
            .map_or(&[], Vec::as_slice)
    }

    fn by_name(&self, key: &str) -> &[usize] {
        self.by_name.get(key).map_or(&[], Vec::as_slice)
    }

    /// The departments a department cell names (code first, else every department of
    /// that name); `None` when it names none.
    fn departments_named(&self, value: &str) -> Option<Vec<DepartmentId>> {
        let code = department_key(value);
        if let Some((.., id)) = self.departments.iter().find(|(c, ..)| *c == code) {
            return Some(vec![*id]);
        }
        let key = name_match_key(value);
        if key.is_empty() {
            return None;
        }
        let named: Vec<DepartmentId> = self
            .departments
            .iter()
            .filter(|(_, name, _)| *name == key)
            .map(|(.., id)| *id)
            .collect();
        (!named.is_empty()).then_some(named)
    }

    /// Whether employee `i` works in one of `departments` or a unit below one of them.
    fn works_in(&self, i: usize, departments: &[DepartmentId]) -> bool {
        let mut current = self.employees[i].department_id;
        // The database refuses cycles; the bound only guards against a damaged file.
        for _ in 0..64 {
            let Some(id) = current else {
                return false;
            };
            if departments.contains(&id) {
                return true;
            }
            current = self.parent.get(&id).copied();
        }
        false
    }

    /// Employees with a similar name to a row that matches nobody: the same last name
    /// and, where the row gives one, the same first initial.
    fn suggestions(&self, record: &ParticipantRecord) -> Vec<EmployeeId> {
        let mut out: Vec<usize> = Vec::new();
        for (last, initial) in record.surname_guesses() {
            for &i in self.by_last_name.get(&last).map_or(&[][..], Vec::as_slice) {
                let first = name_match_key(&self.employees[i].first_name);
                if initial.is_none_or(|c| first.starts_with(c)) && !out.contains(&i) {
                    out.push(i);
                }
            }
        }
        out.sort_by_key(|i| (!self.active(*i), *i));
        out.truncate(MAX_SUGGESTIONS);
        self.ids(&out)
    }

    /// Matches one row; see [`match_rows`] for the rules.
    pub fn match_record(&self, record: &ParticipantRecord) -> RowMatch {
        if !record.names_someone() {
            return RowMatch::NoPerson;
        }
        let email_hits: &[usize] = if record.email.is_empty() {
            &[]
        } else {
            self.by_email(&record.email)
        };
        let name = record.name_key();
        let departments = if record.department.is_empty() {
            None
        } else {
            self.departments_named(&record.department)
        };

        if !record.personnel_number.is_empty() {
            let Some(i) = self.by_number(&record.personnel_number) else {
                let mut candidates: Vec<usize> = email_hits.to_vec();
                if let Some(name) = &name {
                    for &j in self.by_name(name) {
                        if !candidates.contains(&j) {
                            candidates.push(j);
                        }
                    }
                }
                return RowMatch::Unresolved {
                    problem: Problem::UnknownPersonnelNumber(record.personnel_number.clone()),
                    candidates: self.ids(&candidates),
                };
            };
            if !email_hits.is_empty() && !email_hits.contains(&i) {
                let mut candidates = vec![i];
                candidates.extend_from_slice(email_hits);
                return RowMatch::Unresolved {
                    problem: Problem::Conflict,
                    candidates: self.ids(&candidates),
                };
            }
            if !self.active(i) {
                return RowMatch::Unresolved {
                    problem: Problem::NotEmployed,
                    candidates: vec![self.id(i)],
                };
            }
            return RowMatch::Found {
                employee: self.id(i),
                by: MatchedBy::PersonnelNumber,
            };
        }

        if !email_hits.is_empty() {
            let active: Vec<usize> = email_hits
                .iter()
                .copied()
                .filter(|i| self.active(*i))
                .collect();
            match active.as_slice() {
                [] => {
                    return RowMatch::Unresolved {
                        problem: Problem::NotEmployed,
                        candidates: self.ids(email_hits),
                    };
                }
                [i] => {
                    return RowMatch::Found {
                        employee: self.id(*i),
                        by: MatchedBy::Email,
                    };
                }
                _ => {
                    // A shared address: the name (and department) may tell them apart.
                    let by_name = name.as_deref().map_or(&[][..], |n| self.by_name(n));
                    let narrowed: Vec<usize> = active
                        .iter()
                        .copied()
                        .filter(|i| by_name.contains(i))
                        .filter(|i| departments.as_ref().is_none_or(|d| self.works_in(*i, d)))
                        .collect();
                    if let [i] = narrowed.as_slice() {
                        return RowMatch::Found {
                            employee: self.id(*i),
                            by: MatchedBy::Email,
                        };
                    }
                    return RowMatch::Unresolved {
                        problem: Problem::Ambiguous,
                        candidates: self.ids(&active),
                    };
                }
            }
        }

        let Some(name) = name else {
            return RowMatch::Unresolved {
                problem: Problem::NoMatch,
                candidates: self.suggestions(record),
            };
        };
        let hits = self.by_name(&name);
        if hits.is_empty() {
            return RowMatch::Unresolved {
                problem: Problem::NoMatch,
                candidates: self.suggestions(record),
            };
        }
        let active: Vec<usize> = hits.iter().copied().filter(|i| self.active(*i)).collect();
        if active.is_empty() {
            return RowMatch::Unresolved {
                problem: Problem::NotEmployed,
                candidates: self.ids(hits),
            };
        }
        let narrowed: Vec<usize> = match &departments {
            Some(d) => active
                .iter()
                .copied()
                .filter(|i| self.works_in(*i, d))
                .collect(),
            None => active.clone(),
        };
        match narrowed.as_slice() {
            [i] => RowMatch::Found {
                employee: self.id(*i),
                by: MatchedBy::Name,
            },
            [] => RowMatch::Unresolved {
                problem: if active.len() == 1 {
                    Problem::OtherDepartment(record.department.clone())
                } else {
                    Problem::Ambiguous
                },
                candidates: self.ids(&active),
            },
            several => RowMatch::Unresolved {
                problem: Problem::Ambiguous,
                candidates: self.ids(several),
            },
        }
    }
}

fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Matches every row to an employee, never guessing:
///
/// 1. A **personnel number** must match exactly (leading zeros a workbook dropped are
///    tolerated when that leaves one employee). If the row's e-mail address belongs to
///    somebody else, the row is a conflict; if nobody has the number, the row is
///    unresolved (with whoever the e-mail or name fits as candidates) — the other
///    columns are not used to override a wrong number.
/// 2. Else the **e-mail address** (case-insensitive). An address shared by several
///    employees is narrowed by name and department.
/// 3. Else the **name** (case-insensitive, white space, hyphens and umlaut spellings
///    ä/ae, ö/oe, ü/ue, ß/ss tolerated; "Weiß, Jürgen" and "Jürgen Weiß" both work),
///    narrowed by the department cell when it names a department (by code or name; its
///    sub-units count). A department cell that names no department is not used.
///
/// Employees who were not employed when the session took place ([`employed_at_session`]:
/// left before its first day or joined after its last) are not matched automatically:
/// a row that fits only them is unresolved ([`Problem::NotEmployed`]); when an employed
/// person of the same name exists, that one is matched. A row that fits nobody or more
/// than one employee is unresolved with the candidates, for the user to choose or skip.
pub fn match_rows(
    records: &[ParticipantRecord],
    employees: &[Employee],
    departments: &[Department],
    session: &Session,
) -> Vec<RowMatch> {
    let dir = Directory::new(employees, departments, session);
    records.iter().map(|r| dir.match_record(r)).collect()
}
