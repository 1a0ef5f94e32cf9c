//! What a committed operation changed, so that a front end refreshes just that (in the
//! spirit of Anki's `OpChanges`).
//!
//! The store's write functions note what they write in the transaction they run in
//! ([`crate::store::Tx`]); when it commits, the notes are handed to the caller of the
//! service operation; when it rolls back, they are dropped. A failed operation therefore
//! changed nothing, and an operation cannot forget to say what it wrote.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{EmployeeId, SessionId};

/// Which kinds of records an operation changed, and whose.
///
/// On a PostgreSQL server a committed transaction announces its `Changes` to the other
/// officers' apps as JSON (see `store::listen`): what is false or empty is left out, and
/// a field this build does not know makes the whole announcement unreadable (then the
/// receiver refreshes everything rather than miss what a newer Lotse changed).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Changes {
    /// Staff records (names, numbers, departments, entry and exit dates).
    #[serde(skip_serializing_if = "is_false")]
    pub employees: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub departments: bool,
    /// The seminar catalogue.
    #[serde(skip_serializing_if = "is_false")]
    pub seminars: bool,
    /// Sessions themselves (times, places, capacity), added or deleted.
    #[serde(skip_serializing_if = "is_false")]
    pub sessions: bool,
    /// Attendance rows of the sessions in [`Changes::rosters`].
    #[serde(skip_serializing_if = "is_false")]
    pub attendance: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub programs: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub certificates: bool,
    /// Settings: organisation, certificate texts, logo, language, backup policy.
    #[serde(skip_serializing_if = "is_false")]
    pub settings: bool,
    /// The sessions whose attendance changed.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub rosters: BTreeSet<SessionId>,
    /// The people whose records, attendance or certificates changed.
    #[serde(skip_serializing_if = "People::is_none")]
    pub people: People,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The people a change concerns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum People {
    /// Nobody (the change is not about particular people, or nothing changed).
    #[default]
    None,
    /// Just these.
    Some(BTreeSet<EmployeeId>),
    /// Possibly anyone: a bulk change, a restore, a change by another program.
    Everyone,
}

impl People {
    fn add(&mut self, id: EmployeeId) {
        match self {
            People::None => *self = People::Some(BTreeSet::from([id])),
            People::Some(ids) => {
                ids.insert(id);
            }
            People::Everyone => {}
        }
    }

    fn merge(&mut self, other: People) {
        match other {
            People::None => {}
            People::Everyone => *self = People::Everyone,
            People::Some(ids) => {
                for id in ids {
                    self.add(id);
                }
            }
        }
    }

    /// Whether the change concerns nobody in particular.
    pub fn is_none(&self) -> bool {
        matches!(self, People::None)
    }

    /// Whether `id` is among them.
    pub fn contains(&self, id: EmployeeId) -> bool {
        match self {
            People::None => false,
            People::Some(ids) => ids.contains(&id),
            People::Everyone => true,
        }
    }
}

impl Changes {
    /// Everything may have changed: after a restore, a repair, sample data, or a commit
    /// by another program on the same file.
    pub fn everything() -> Changes {
        Changes {
            employees: true,
            departments: true,
            seminars: true,
            sessions: true,
            attendance: true,
            programs: true,
            certificates: true,
            settings: true,
            rosters: BTreeSet::new(),
            people: People::Everyone,
        }
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }

    /// Whether every roster may have changed (not only those in [`Changes::rosters`]).
    pub fn all_rosters(&self) -> bool {
        self.attendance && self.people == People::Everyone
    }

    /// Adds what `other` changed.
    pub fn merge(&mut self, other: Changes) {
        self.employees |= other.employees;
        self.departments |= other.departments;
        self.seminars |= other.seminars;
        self.sessions |= other.sessions;
        self.attendance |= other.attendance;
        self.programs |= other.programs;
        self.certificates |= other.certificates;
        self.settings |= other.settings;
        self.rosters.extend(other.rosters);
        self.people.merge(other.people);
    }

    /// Notes a change of `id`'s staff record.
    pub fn employee(&mut self, id: EmployeeId) {
        self.employees = true;
        self.people.add(id);
    }

    /// Notes a change of `employee`'s attendance at `session`.
    pub fn attendance_of(&mut self, session: SessionId, employee: EmployeeId) {
        self.attendance = true;
        self.rosters.insert(session);
        self.people.add(employee);
    }

    /// Notes a change of one of `employee`'s certificates.
    pub fn certificate_of(&mut self, employee: EmployeeId) {
        self.certificates = true;
        self.people.add(employee);
    }

    /// Notes a change that may concern anyone's records of this kind (set the kind's flag too).
    pub fn everyone(&mut self) {
        self.people = People::Everyone;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_collects_kinds_sessions_and_people() {
        let mut a = Changes::default();
        assert!(a.is_empty());
        a.attendance_of(SessionId(1), EmployeeId(7));
        let mut b = Changes::default();
        b.certificate_of(EmployeeId(8));
        a.merge(b);
        assert!(a.attendance && a.certificates && !a.employees);
        assert!(a.people.contains(EmployeeId(7)) && a.people.contains(EmployeeId(8)));
        assert!(!a.people.contains(EmployeeId(9)));
        assert!(a.rosters.contains(&SessionId(1)) && !a.all_rosters());
        a.merge(Changes::everything());
        assert!(a.people.contains(EmployeeId(9)) && a.all_rosters());
    }
}
