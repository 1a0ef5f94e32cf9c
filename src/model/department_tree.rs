//! The department hierarchy in display order, with sub-unit ranges for roll-ups.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::ops::Range;

use super::{Department, DepartmentId};

/// One department in the tree, with where it sits.
#[derive(Debug, Clone, PartialEq)]
pub struct DepartmentNode {
    pub department: Department,
    /// 0 for a top-level unit (Dezernat), 1 for an Amt below it, …
    pub depth: usize,
    /// The parent's position in [`DepartmentTree::nodes`].
    pub parent: Option<usize>,
    /// One past the last position of this department's sub-units: its subtree is
    /// `position..end`.
    pub end: usize,
}

impl DepartmentNode {
    pub fn has_children(&self, position: usize) -> bool {
        self.end > position + 1
    }
}

/// The departments in tree order: each one followed by its sub-units (depth-first),
/// siblings ordered by code ("2" before "10", "I" before "II").
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DepartmentTree {
    nodes: Vec<DepartmentNode>,
    index: HashMap<DepartmentId, usize>,
}

impl DepartmentTree {
    /// Builds the tree. A department whose parent is unknown (or that sits in a cycle,
    /// which the store prevents) becomes a top-level one.
    pub fn new(departments: Vec<Department>) -> DepartmentTree {
        let known: HashMap<DepartmentId, usize> = departments
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id, i))
            .collect();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); departments.len()];
        let mut roots = Vec::new();
        for (i, d) in departments.iter().enumerate() {
            match d.parent_id.and_then(|p| known.get(&p)) {
                Some(&p) if p != i => children[p].push(i),
                _ => roots.push(i),
            }
        }
        let by_code =
            |a: &usize, b: &usize| natural_cmp(&departments[*a].code, &departments[*b].code);
        for list in &mut children {
            list.sort_by(by_code);
        }
        roots.sort_by(by_code);

        let mut walk = Walk {
            children: &children,
            order: Vec::with_capacity(departments.len()),
            visited: vec![false; departments.len()],
            ends: vec![0; departments.len()],
        };
        for &r in &roots {
            walk.visit(r);
        }
        // Departments in a cycle were not reached from any root.
        for i in 0..departments.len() {
            if !walk.visited[i] {
                walk.visit(i);
            }
        }
        let Walk { order, ends, .. } = walk;
        let mut slots: Vec<Option<Department>> = departments.into_iter().map(Some).collect();
        let mut nodes = Vec::with_capacity(order.len());
        for (pos, (i, depth, parent)) in order.into_iter().enumerate() {
            if let Some(department) = slots[i].take() {
                nodes.push(DepartmentNode {
                    department,
                    depth,
                    parent,
                    end: ends[pos].max(pos + 1),
                });
            }
        }
        let index = nodes
            .iter()
            .enumerate()
            .map(|(pos, n)| (n.department.id, pos))
            .collect();
        DepartmentTree { nodes, index }
    }

    pub fn nodes(&self) -> &[DepartmentNode] {
        &self.nodes
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The position of a department in [`DepartmentTree::nodes`].
    pub fn position(&self, id: DepartmentId) -> Option<usize> {
        self.index.get(&id).copied()
    }

    /// The positions of the department at `position` and all its sub-units.
    pub fn subtree(&self, position: usize) -> Range<usize> {
        match self.nodes.get(position) {
            Some(n) => position..n.end,
            None => 0..0,
        }
    }

    /// Whether the department at `node` is the one at `ancestor` or one of its sub-units.
    pub fn within(&self, node: usize, ancestor: usize) -> bool {
        self.subtree(ancestor).contains(&node)
    }
}

/// A depth-first walk that records each department's position, depth and parent, and
/// where its subtree ends.
struct Walk<'a> {
    children: &'a [Vec<usize>],
    /// (source index, depth, parent position) in visiting order.
    order: Vec<(usize, usize, Option<usize>)>,
    visited: Vec<bool>,
    /// Per position: one past the last position of its subtree.
    ends: Vec<usize>,
}

impl Walk<'_> {
    fn visit(&mut self, root: usize) {
        // (source index, depth, parent position, children already pushed)
        let mut stack: Vec<(usize, usize, Option<usize>, bool)> = vec![(root, 0, None, false)];
        let mut open: Vec<usize> = Vec::new();
        while let Some((i, depth, parent, expanded)) = stack.pop() {
            if expanded {
                if let Some(pos) = open.pop() {
                    self.ends[pos] = self.order.len();
                }
                continue;
            }
            if self.visited[i] {
                continue;
            }
            self.visited[i] = true;
            let pos = self.order.len();
            self.order.push((i, depth, parent));
            open.push(pos);
            stack.push((i, depth, parent, true));
            for &c in self.children[i].iter().rev() {
                stack.push((c, depth + 1, Some(pos), false));
            }
        }
    }
}

/// Compares codes with runs of digits as numbers and letters ignoring case first:
/// "2" < "10", "10.2" < "10.10", "a1" < "A2".
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    natural_cmp_ignoring_case(a, b).then_with(|| a.cmp(b))
}

fn natural_cmp_ignoring_case(a: &str, b: &str) -> Ordering {
    let mut a = a.chars().peekable();
    let mut b = b.chars().peekable();
    loop {
        match (a.peek().copied(), b.peek().copied()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let mut da = String::new();
                while let Some(c) = a.peek().copied().filter(char::is_ascii_digit) {
                    da.push(c);
                    a.next();
                }
                let mut db = String::new();
                while let Some(c) = b.peek().copied().filter(char::is_ascii_digit) {
                    db.push(c);
                    b.next();
                }
                let ta = da.trim_start_matches('0');
                let tb = db.trim_start_matches('0');
                let ord = ta.len().cmp(&tb.len()).then_with(|| ta.cmp(tb));
                if ord != Ordering::Equal {
                    return ord;
                }
            }
            (Some(x), Some(y)) => {
                let ord = x.to_lowercase().cmp(y.to_lowercase());
                if ord != Ordering::Equal {
                    return ord;
                }
                a.next();
                b.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dept(id: i64, code: &str, parent: Option<i64>) -> Department {
        Department {
            id: DepartmentId(id),
            code: code.into(),
            name: format!("Unit {code}"),
            parent_id: parent.map(DepartmentId),
            active: true,
            version: 1,
        }
    }

    #[test]
    fn the_tree_is_depth_first_with_natural_code_order() {
        let tree = DepartmentTree::new(vec![
            dept(1, "II", None),
            dept(2, "10", Some(3)),
            dept(3, "I", None),
            dept(4, "10.10", Some(2)),
            dept(5, "10.2", Some(2)),
            dept(6, "9", Some(3)),
            dept(7, "60", Some(1)),
            dept(8, "X", Some(99)),
        ]);
        let codes: Vec<(&str, usize)> = tree
            .nodes()
            .iter()
            .map(|n| (n.department.code.as_str(), n.depth))
            .collect();
        assert_eq!(
            codes,
            [
                ("I", 0),
                ("9", 1),
                ("10", 1),
                ("10.2", 2),
                ("10.10", 2),
                ("II", 0),
                ("60", 1),
                ("X", 0)
            ]
        );
        let i = tree.position(DepartmentId(3)).unwrap();
        let ten = tree.position(DepartmentId(2)).unwrap();
        assert_eq!(tree.subtree(i), 0..5);
        assert_eq!(tree.subtree(ten), 2..5);
        assert!(tree.within(tree.position(DepartmentId(4)).unwrap(), i));
        assert!(!tree.within(tree.position(DepartmentId(7)).unwrap(), i));
        assert_eq!(tree.nodes()[3].parent, Some(ten));
        assert!(tree.nodes()[ten].has_children(ten));
        assert!(!tree.nodes()[3].has_children(3));
    }

    #[test]
    fn a_cycle_does_not_lose_departments() {
        let tree = DepartmentTree::new(vec![dept(1, "A", Some(2)), dept(2, "B", Some(1))]);
        assert_eq!(tree.len(), 2);
    }

    #[test]
    fn natural_order() {
        let mut codes = vec!["10", "2", "10.2", "10.10", "I", "II", "a1", "A2"];
        codes.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(codes, ["2", "10", "10.2", "10.10", "a1", "A2", "I", "II"]);
    }
}
