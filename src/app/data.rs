//! The view models the screens draw from. The worker builds them off the UI thread and,
//! after a change, rebuilds just the parts it concerns; the UI only reads them (and
//! derives cheap caches such as filtered indices, keyed by the part's revision).

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::model::{DepartmentId, EmployeeId};
use crate::model::{DepartmentRow, EmployeeRow};
use crate::text::{collation_key, fold_search};

/// Everything the screens show. The worker keeps it up to date part by part: after a
/// change it rebuilds only the parts that depend on what changed (see
/// [`crate::model::Changes`]) and shares the others with the previous `Data`.
#[derive(Debug, Clone)]
pub(crate) struct Data {
    /// Increases with every change of any part.
    pub revision: u64,
    /// The revision at which each part was last rebuilt, so that a screen's caches
    /// rebuild only when the part they come from did.
    pub parts: Parts,
    /// The database's today (leavers are those whose exit date is on or before it).
    pub today: NaiveDate,
    /// Every employee, leavers included, in the database's order (last name, first name).
    pub employees: Arc<Vec<EmployeeView>>,
    employee_index: Arc<HashMap<EmployeeId, usize>>,
    pub departments: Arc<DepartmentTree>,
    pub organisation: String,
    pub place: String,
    /// The organizer address of calendar invitations; empty when none is set.
    pub organizer_email: String,
    /// Programs, standings and certificates (see `certificates::worker`).
    pub certs: Arc<crate::app::certificates::worker::CertData>,
    /// The seminar catalogue and the sessions (see `training::worker`).
    pub training: Arc<crate::app::training::worker::TrainingData>,
    /// The dashboard's figures (see [`crate::app::reports::worker::DashboardView`]).
    pub dashboard: Arc<crate::app::reports::worker::DashboardView>,
}

/// The revision at which each part of [`Data`] was last rebuilt.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub(crate) struct Parts {
    /// Employees and departments.
    pub people: u64,
    /// Seminars and sessions.
    pub training: u64,
    /// Programs, standings, certificates and their settings.
    pub certs: u64,
    pub dashboard: u64,
    /// Organisation and place.
    pub settings: u64,
}

/// The employees and departments part of [`Data`].
#[derive(Debug, Clone)]
pub(crate) struct People {
    pub employees: Arc<Vec<EmployeeView>>,
    employee_index: Arc<HashMap<EmployeeId, usize>>,
    pub departments: Arc<DepartmentTree>,
}

impl People {
    /// Builds the view models from freshly loaded rows.
    pub fn new(
        today: NaiveDate,
        employees: Vec<EmployeeRow>,
        departments: Vec<DepartmentRow>,
    ) -> People {
        let departments = DepartmentTree::new(departments);
        let employees: Vec<EmployeeView> = employees
            .into_iter()
            .map(|row| {
                let rank = row
                    .employee
                    .department_id
                    .and_then(|d| departments.position(d))
                    .unwrap_or(usize::MAX);
                EmployeeView::new(row, today, rank)
            })
            .collect();
        let employee_index = employees
            .iter()
            .enumerate()
            .map(|(i, e)| (e.row.employee.id, i))
            .collect();
        People {
            employees: Arc::new(employees),
            employee_index: Arc::new(employee_index),
            departments: Arc::new(departments),
        }
    }
}

impl Data {
    /// The first `Data`, at `revision`, from its parts.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        revision: u64,
        today: NaiveDate,
        people: People,
        organisation: String,
        place: String,
        certs: Arc<crate::app::certificates::worker::CertData>,
        training: Arc<crate::app::training::worker::TrainingData>,
        dashboard: Arc<crate::app::reports::worker::DashboardView>,
    ) -> Data {
        Data {
            revision,
            parts: Parts {
                people: revision,
                training: revision,
                certs: revision,
                dashboard: revision,
                settings: revision,
            },
            today,
            employees: people.employees,
            employee_index: people.employee_index,
            departments: people.departments,
            organisation,
            place,
            organizer_email: String::new(),
            certs,
            training,
            dashboard,
        }
    }

    /// Replaces the employees and departments part (at the revision being built).
    pub fn set_people(&mut self, people: People) {
        self.employees = people.employees;
        self.employee_index = people.employee_index;
        self.departments = people.departments;
        self.parts.people = self.revision;
    }

    /// True when the database holds neither employees nor departments.
    pub fn is_empty(&self) -> bool {
        self.employees.is_empty() && self.departments.nodes.is_empty()
    }

    pub fn employee(&self, id: EmployeeId) -> Option<&EmployeeView> {
        self.employee_index.get(&id).map(|&i| &self.employees[i])
    }

    /// How many employees are active today.
    pub fn active_employees(&self) -> usize {
        self.employees.iter().filter(|e| e.active).count()
    }
}

/// One employee as the table shows them, with precomputed search and sort keys.
#[derive(Debug, Clone)]
pub(crate) struct EmployeeView {
    pub row: EmployeeRow,
    /// Active on the database's today.
    pub active: bool,
    /// "CODE Name" of the department, or empty.
    pub department_label: String,
    /// Personnel number, names and department code and name, folded by [`fold_search`].
    pub search_key: String,
    /// Last and first name as [`collation_key`]s (DIN 5007-1, as the database sorts them).
    pub last_key: String,
    pub first_key: String,
    /// The department's place in the tree (units without one last).
    pub department_rank: usize,
    pub email_key: String,
    /// Orders personnel numbers naturally: numbers by value, before other text.
    pub number_key: NumberKey,
}

/// A personnel number as it sorts: numeric ones by value first, then the others as text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum NumberKey {
    Numeric(u128),
    Text(String),
}

impl NumberKey {
    fn new(number: &str) -> NumberKey {
        match number.trim().parse::<u128>() {
            Ok(n) => NumberKey::Numeric(n),
            Err(_) => NumberKey::Text(number.trim().to_lowercase()),
        }
    }
}

impl EmployeeView {
    fn new(mut row: EmployeeRow, today: NaiveDate, department_rank: usize) -> EmployeeView {
        // An erased person's anonymous placeholder reads as such, in the user's language.
        if crate::service::privacy::is_placeholder(&row.employee) {
            row.employee.last_name = crate::i18n::t("privacy-erased-person");
            row.employee.first_name = String::new();
        }
        let e = &row.employee;
        let department_label = match (&row.department_code, &row.department_name) {
            (Some(code), Some(name)) => format!("{code} {name}"),
            (Some(code), None) => code.clone(),
            _ => String::new(),
        };
        let search_key = fold_search(&format!(
            "{} {} {} {}",
            e.personnel_number, e.first_name, e.last_name, department_label
        ));
        EmployeeView {
            active: e.is_active_on(today),
            last_key: collation_key(&e.last_name),
            first_key: collation_key(&e.first_name),
            department_rank,
            email_key: e.email.as_deref().unwrap_or_default().to_lowercase(),
            number_key: NumberKey::new(&e.personnel_number),
            search_key,
            department_label,
            row,
        }
    }

    /// Whether every word of the (already folded) query occurs in the search key.
    pub fn matches(&self, folded_words: &[String]) -> bool {
        folded_words
            .iter()
            .all(|w| self.search_key.contains(w.as_str()))
    }
}

pub(crate) use crate::model::natural_cmp;

/// One department in the tree, in display order (parents before their sub-units).
#[derive(Debug, Clone)]
pub(crate) struct DepartmentNode {
    pub row: DepartmentRow,
    pub depth: usize,
    /// Active employees of this unit and all its sub-units.
    pub total_employees: i64,
    /// The node after this one's last descendant: `nodes[index + 1..subtree_end]` are its sub-units.
    pub subtree_end: usize,
    pub has_children: bool,
}

impl DepartmentNode {
    pub fn id(&self) -> DepartmentId {
        self.row.department.id
    }

    /// "CODE Name".
    pub fn label(&self) -> String {
        format!("{} {}", self.row.department.code, self.row.department.name)
    }
}

/// The department hierarchy, flattened in display order.
#[derive(Debug, Clone, Default)]
pub(crate) struct DepartmentTree {
    pub nodes: Vec<DepartmentNode>,
    index: HashMap<DepartmentId, usize>,
}

impl DepartmentTree {
    /// Orders the rows as a tree (siblings by code, naturally; see
    /// [`crate::model::DepartmentTree`]) and rolls the counts up. A unit whose parent is
    /// missing is shown at the top level; cycles cannot loop.
    pub fn new(rows: Vec<DepartmentRow>) -> DepartmentTree {
        let tree =
            crate::model::DepartmentTree::new(rows.iter().map(|r| r.department.clone()).collect());
        let mut slots: HashMap<DepartmentId, DepartmentRow> =
            rows.into_iter().map(|r| (r.department.id, r)).collect();
        let mut nodes: Vec<DepartmentNode> = tree
            .nodes()
            .iter()
            .enumerate()
            .filter_map(|(pos, n)| {
                slots.remove(&n.department.id).map(|row| DepartmentNode {
                    row,
                    depth: n.depth,
                    total_employees: 0,
                    subtree_end: n.end,
                    has_children: n.has_children(pos),
                })
            })
            .collect();
        // Rolled-up counts: each unit's own plus everyone's below it.
        for i in 0..nodes.len() {
            let end = nodes[i].subtree_end.min(nodes.len());
            nodes[i].total_employees = nodes[i..end].iter().map(|n| n.row.active_employees).sum();
        }
        let index = nodes.iter().enumerate().map(|(i, n)| (n.id(), i)).collect();
        DepartmentTree { nodes, index }
    }

    pub fn position(&self, id: DepartmentId) -> Option<usize> {
        self.index.get(&id).copied()
    }

    pub fn get(&self, id: DepartmentId) -> Option<&DepartmentNode> {
        self.position(id).map(|i| &self.nodes[i])
    }

    /// `id` and all its sub-units.
    pub fn subtree(&self, id: DepartmentId) -> std::collections::HashSet<DepartmentId> {
        match self.position(id) {
            Some(i) => self.nodes[i..self.nodes[i].subtree_end]
                .iter()
                .map(DepartmentNode::id)
                .collect(),
            None => std::collections::HashSet::new(),
        }
    }

    /// The chain of units above `id`, nearest first.
    pub fn ancestors(&self, id: DepartmentId) -> Vec<DepartmentId> {
        let mut out = Vec::new();
        let mut current = self.get(id).and_then(|n| n.row.department.parent_id);
        while let Some(p) = current {
            if out.contains(&p) || p == id {
                break;
            }
            out.push(p);
            current = self.get(p).and_then(|n| n.row.department.parent_id);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Department;

    #[test]
    fn the_employee_list_sorts_names_as_the_store_does() {
        let view = |i: i64, last: &str| {
            let row = EmployeeRow {
                employee: crate::model::Employee {
                    id: EmployeeId(i),
                    personnel_number: format!("{i}"),
                    first_name: "Anna".into(),
                    last_name: last.into(),
                    salutation: Default::default(),
                    email: None,
                    department_id: None,
                    job_title: None,
                    entry_date: None,
                    exit_date: None,
                    version: 1,
                },
                department_code: None,
                department_name: None,
            };
            EmployeeView::new(row, NaiveDate::default(), 0)
        };
        let names = [
            "Özdemir",
            "Weiß",
            "Ötztal",
            "Ostermann",
            "Weiss",
            "Oswald",
            "Ärger",
        ];
        let mut views: Vec<EmployeeView> = (0..).zip(names).map(|(i, n)| view(i, n)).collect();
        views.sort_by(|a, b| (&a.last_key, &a.first_key).cmp(&(&b.last_key, &b.first_key)));
        let sorted: Vec<&str> = views
            .iter()
            .map(|v| v.row.employee.last_name.as_str())
            .collect();
        let mut expected = names.to_vec();
        expected.sort_by(|a, b| crate::text::cmp_de(a, b));
        assert_eq!(sorted, expected);
        assert_eq!(
            sorted,
            [
                "Ärger",
                "Ostermann",
                "Oswald",
                "Ötztal",
                "Özdemir",
                "Weiss",
                "Weiß"
            ]
        );
    }

    #[test]
    fn natural_order_compares_numbers_by_value() {
        let mut v = vec!["10", "2", "1.10", "1.2", "A", "a1", "01", "009", "100"];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(v, ["01", "1.2", "1.10", "2", "009", "10", "100", "A", "a1"]);
        let mut keys: Vec<NumberKey> = ["A-7", "100", "20", "a-3"]
            .iter()
            .map(|n| NumberKey::new(n))
            .collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                NumberKey::Numeric(20),
                NumberKey::Numeric(100),
                NumberKey::Text("a-3".into()),
                NumberKey::Text("a-7".into())
            ]
        );
    }

    fn row(id: i64, code: &str, parent: Option<i64>, employees: i64) -> DepartmentRow {
        DepartmentRow {
            department: Department {
                id: DepartmentId(id),
                code: code.to_owned(),
                name: format!("Name {code}"),
                parent_id: parent.map(DepartmentId),
                active: true,
                version: 1,
            },
            active_employees: employees,
        }
    }

    #[test]
    fn the_tree_orders_units_and_rolls_counts_up() {
        let tree = DepartmentTree::new(vec![
            row(1, "10", None, 1),
            row(2, "2", None, 4),
            row(3, "10.1", Some(1), 2),
            row(4, "10.1.1", Some(3), 3),
            row(5, "10.2", Some(1), 0),
        ]);
        let codes: Vec<_> = tree
            .nodes
            .iter()
            .map(|n| (n.row.department.code.as_str(), n.depth, n.total_employees))
            .collect();
        assert_eq!(
            codes,
            [
                ("2", 0, 4),
                ("10", 0, 6),
                ("10.1", 1, 5),
                ("10.1.1", 2, 3),
                ("10.2", 1, 0)
            ]
        );
        let sub = tree.subtree(DepartmentId(1));
        assert_eq!(sub.len(), 4);
        assert!(!sub.contains(&DepartmentId(2)));
        assert_eq!(
            tree.ancestors(DepartmentId(4)),
            [DepartmentId(3), DepartmentId(1)]
        );
        assert!(tree.get(DepartmentId(1)).is_some_and(|n| n.has_children));
        assert!(tree.get(DepartmentId(5)).is_some_and(|n| !n.has_children));
    }

    #[test]
    fn a_cycle_in_the_data_does_not_hang_or_lose_units() {
        let tree = DepartmentTree::new(vec![row(1, "A", Some(2), 1), row(2, "B", Some(1), 1)]);
        assert_eq!(tree.nodes.len(), 2);
    }
}
