use super::driver::{Conn, params};

use crate::error::Result;

/// How many rows each part of the domain holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DomainCounts {
    pub departments: i64,
    pub employees: i64,
    pub seminars: i64,
    pub sessions: i64,
    pub attendance: i64,
    pub programs: i64,
    pub certificates: i64,
}

impl DomainCounts {
    /// Whether the database holds no master data (departments, employees, seminars,
    /// programs); settings and the audit trail do not count.
    pub fn is_empty(&self) -> bool {
        self.departments == 0 && self.employees == 0 && self.seminars == 0 && self.programs == 0
    }
}

pub(super) fn domain_counts(conn: Conn<'_>) -> Result<DomainCounts> {
    conn.query_one(
        "SELECT (SELECT count(*) FROM department), (SELECT count(*) FROM employee),
                (SELECT count(*) FROM seminar), (SELECT count(*) FROM session),
                (SELECT count(*) FROM attendance), (SELECT count(*) FROM program),
                (SELECT count(*) FROM certificate)",
        params![],
        |r| {
            Ok(DomainCounts {
                departments: r.get(0)?,
                employees: r.get(1)?,
                seminars: r.get(2)?,
                sessions: r.get(3)?,
                attendance: r.get(4)?,
                programs: r.get(5)?,
                certificates: r.get(6)?,
            })
        },
    )
}
