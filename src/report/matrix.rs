//! The training matrix: employees (rows) × programs or seminars (columns), each cell the
//! employee's state on a day with a colour role and a text for screen readers.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::Tone;
use super::data::{ReportData, employed_on};
use super::standing::{ProgramStanding, program_standing};
use crate::i18n::{Arg, fmt_date, language, t, ta};
use crate::model::{AttendanceStatus, DepartmentId, EmployeeId, ProgramId, SeminarId};

/// What the columns are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatrixColumns {
    #[default]
    Programs,
    Seminars,
}

/// What a matrix asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixOptions {
    pub as_of: NaiveDate,
    pub columns: MatrixColumns,
    /// Only this department and its sub-units.
    pub department: Option<DepartmentId>,
    /// Only employees whose name or personnel number contains this (ignoring case);
    /// empty = everybody.
    pub search: String,
}

impl MatrixOptions {
    /// Everybody employed on `as_of`, with these columns.
    pub fn on(as_of: NaiveDate, columns: MatrixColumns) -> MatrixOptions {
        MatrixOptions {
            as_of,
            columns,
            department: None,
            search: String::new(),
        }
    }
}

/// The column's subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnId {
    Program(ProgramId),
    Seminar(SeminarId),
}

/// A column: a program or a seminar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatrixColumn {
    pub id: ColumnId,
    pub code: String,
    pub title: String,
}

/// An employee's state with one seminar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum SeminarState {
    /// Attended a session that ended on or before the day (the latest one).
    Attended {
        on: NaiveDate,
        partial: bool,
    },
    /// Signed up for a session (shown with its first day), not attended yet.
    Registered {
        on: NaiveDate,
    },
    None,
}

/// One cell of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatrixCell {
    Program(ProgramStanding),
    Seminar(SeminarState),
}

impl MatrixCell {
    /// The colour role.
    pub fn tone(&self) -> Tone {
        match self {
            MatrixCell::Program(s) => s.tone(),
            MatrixCell::Seminar(SeminarState::Attended { partial: false, .. }) => Tone::Good,
            MatrixCell::Seminar(SeminarState::Attended { partial: true, .. }) => Tone::Progress,
            MatrixCell::Seminar(SeminarState::Registered { .. }) => Tone::Warning,
            MatrixCell::Seminar(SeminarState::None) => Tone::Neutral,
        }
    }

    /// The short text shown in the cell, in the current language.
    pub fn label(&self) -> String {
        match self {
            MatrixCell::Program(s) => s.label(),
            MatrixCell::Seminar(SeminarState::Attended { on, partial }) => ta(
                if *partial {
                    "report-seminar-partial"
                } else {
                    "report-seminar-attended"
                },
                &[("date", Arg::from(fmt_date(*on)))],
            ),
            MatrixCell::Seminar(SeminarState::Registered { on }) => ta(
                "report-seminar-registered",
                &[("date", Arg::from(fmt_date(*on)))],
            ),
            MatrixCell::Seminar(SeminarState::None) => t("report-state-none"),
        }
    }

    /// What a screen reader says: "Anna Albers, Digitallots:in: gültig bis 21.11.2027".
    pub fn accessible_text(&self, row: &MatrixRow, column: &MatrixColumn) -> String {
        let state = match self {
            MatrixCell::Program(s) => s.spoken(),
            MatrixCell::Seminar(SeminarState::None) => t("report-seminar-none-long"),
            MatrixCell::Seminar(_) => self.label(),
        };
        ta(
            "report-cell-spoken",
            &[
                ("name", Arg::from(row.display_name())),
                ("column", Arg::from(&column.title)),
                ("state", Arg::from(state)),
            ],
        )
    }
}

/// One employee's line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatrixRow {
    pub employee_id: EmployeeId,
    pub personnel_number: String,
    pub first_name: String,
    pub last_name: String,
    pub department_code: Option<String>,
    pub department_name: Option<String>,
    /// One per column.
    pub cells: Vec<MatrixCell>,
}

impl MatrixRow {
    /// "Last, First", as lists sort it.
    pub fn display_name(&self) -> String {
        format!("{}, {}", self.last_name, self.first_name)
    }
}

/// The matrix on one day: plain rows, computed once, cheap to draw row by row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Matrix {
    pub as_of: NaiveDate,
    pub kind: MatrixColumns,
    pub columns: Vec<MatrixColumn>,
    /// In name order.
    pub rows: Vec<MatrixRow>,
}

impl Matrix {
    /// How many cells of column `column` have `tone` (for a summary line).
    pub fn count(&self, column: usize, tone: Tone) -> usize {
        self.rows
            .iter()
            .filter(|r| r.cells.get(column).is_some_and(|c| c.tone() == tone))
            .count()
    }
}

/// Whether a registration for a session starting `on` is the one to show rather than
/// one starting `prev`: the next session from `as_of` on, else the latest before it.
fn sooner(on: NaiveDate, prev: NaiveDate, as_of: NaiveDate) -> bool {
    match (on >= as_of, prev >= as_of) {
        (true, true) => on < prev,
        (true, false) => true,
        (false, true) => false,
        (false, false) => on > prev,
    }
}

/// Whether `needle` (folded by [`crate::text::fold_search`], non-empty) matches the
/// employee's name in either order or their personnel number.
fn matches(needle: &str, first: &str, last: &str, number: &str) -> bool {
    let hay = crate::text::fold_search(&format!("{first} {last} {last}, {first} {number}"));
    needle.split_whitespace().all(|word| hay.contains(word))
}

/// Computes the matrix: employees employed on the day (in the department, matching the
/// search) × programs not archived, or × seminars not archived.
pub fn matrix(data: &ReportData, options: &MatrixOptions) -> Matrix {
    let lang = language();
    let root = options.department.map(|d| data.departments.position(d));
    let needle = crate::text::fold_search(options.search.trim());
    let programs = data.report_programs(None);
    let seminars: Vec<_> = data.seminars.iter().filter(|s| !s.archived).collect();
    let columns: Vec<MatrixColumn> = match options.columns {
        MatrixColumns::Programs => programs
            .iter()
            .map(|p| MatrixColumn {
                id: ColumnId::Program(p.id),
                code: p.code.clone(),
                title: p.titles.generic(lang).to_owned(),
            })
            .collect(),
        MatrixColumns::Seminars => seminars
            .iter()
            .map(|s| MatrixColumn {
                id: ColumnId::Seminar(s.id),
                code: s.code.clone(),
                title: s.title.clone(),
            })
            .collect(),
    };
    let seminar_column: HashMap<SeminarId, usize> = seminars
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();

    let mut rows = Vec::new();
    for (i, row) in data.employees.iter().enumerate() {
        let e = &row.employee;
        if !employed_on(e, options.as_of) {
            continue;
        }
        match root {
            Some(None) => continue,
            Some(Some(r)) if !data.in_department(i, Some(r)) => continue,
            _ => {}
        }
        if !needle.is_empty() && !matches(&needle, &e.first_name, &e.last_name, &e.personnel_number)
        {
            continue;
        }
        let records = data.records_of(i);
        let cells = match options.columns {
            MatrixColumns::Programs => {
                let certificates = data.certificates_of(i);
                programs
                    .iter()
                    .map(|p| {
                        MatrixCell::Program(program_standing(
                            p,
                            e,
                            records,
                            certificates,
                            options.as_of,
                        ))
                    })
                    .collect()
            }
            MatrixColumns::Seminars => {
                let mut states = vec![SeminarState::None; columns.len()];
                for r in records {
                    let Some(&col) = seminar_column.get(&r.seminar_id) else {
                        continue;
                    };
                    let ended = r.ends_at.date() <= options.as_of;
                    let status = r.attendance.status;
                    let done = ended
                        && (status == AttendanceStatus::Attended
                            || (status == AttendanceStatus::Partial && r.attendance.hours > 0.0));
                    let cell = &mut states[col];
                    if done {
                        let on = r.ends_at.date();
                        let partial = status == AttendanceStatus::Partial;
                        let better = match *cell {
                            SeminarState::Attended {
                                on: prev,
                                partial: prev_partial,
                            } => {
                                (prev_partial && !partial) || (prev_partial == partial && on > prev)
                            }
                            _ => true,
                        };
                        if better {
                            *cell = SeminarState::Attended { on, partial };
                        }
                    } else if status == AttendanceStatus::Registered
                        || (!ended && status.credits_hours())
                    {
                        let on = r.starts_at.date();
                        match *cell {
                            SeminarState::None => *cell = SeminarState::Registered { on },
                            SeminarState::Registered { on: prev }
                                if sooner(on, prev, options.as_of) =>
                            {
                                *cell = SeminarState::Registered { on };
                            }
                            _ => {}
                        }
                    }
                }
                states.into_iter().map(MatrixCell::Seminar).collect()
            }
        };
        rows.push(MatrixRow {
            employee_id: e.id,
            personnel_number: e.personnel_number.clone(),
            first_name: e.first_name.clone(),
            last_name: e.last_name.clone(),
            department_code: row.department_code.clone(),
            department_name: row.department_name.clone(),
            cells,
        });
    }
    Matrix {
        as_of: options.as_of,
        kind: options.columns,
        columns,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn search_finds_names_in_either_order_and_numbers() {
        let m = |q: &str| matches(&crate::text::fold_search(q), "Jürgen", "Weiß", "100234");
        assert!(m("weiß"));
        assert!(m("JÜRGEN"));
        assert!(m("weiß, jür"));
        assert!(m("jürgen weiß"));
        assert!(m("weiss juergen"));
        assert!(m("0023"));
        assert!(!m("müller"));
        assert!(!m("jürgen müller"));
    }
}
