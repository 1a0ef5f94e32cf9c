//! The compute thread of the Reports screen: what the screen wants ([`Want`]), the
//! thread that computes it from the loaded [`ReportData`](crate::report::ReportData), and
//! the latest result of each kind ([`Slot`]).

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::error::{Error, Result};
use crate::i18n::{self, Lang};
use crate::model::{DepartmentId, EmployeeId};
use crate::report::{
    CoverageOptions, CoverageReport, HoursOptions, HoursReport, MatrixOptions, ReportData,
    coverage, hours, matrix,
};
use crate::text::fold_search;

use super::MatrixView;

/// What a screen wants computed; equal wants give equal results for the same data.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Want {
    Coverage(CoverageOptions),
    Matrix(MatrixOptions),
    Hours(HoursOptions),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Kind {
    Coverage,
    Matrix,
    Hours,
}

impl Want {
    pub(super) fn kind(&self) -> Kind {
        match self {
            Want::Coverage(_) => Kind::Coverage,
            Want::Matrix(_) => Kind::Matrix,
            Want::Hours(_) => Kind::Hours,
        }
    }
}

/// A computed result.
pub(super) enum Computed {
    Coverage(Arc<CoverageReport>),
    Matrix(Arc<MatrixView>),
    Hours(Arc<HoursReport>),
}

/// A request to the compute thread: the data of one generation and what to compute.
pub(super) struct Request {
    pub(super) generation: u64,
    pub(super) data: Arc<ReportData>,
    pub(super) lang: Lang,
    pub(super) want: Want,
}

pub(super) struct Answer {
    pub(super) generation: u64,
    pub(super) want: Want,
    pub(super) computed: Computed,
}

/// The latest result of one kind, and the request under way.
pub(crate) struct Slot<T> {
    value: Option<Arc<T>>,
    have: Option<(u64, Want)>,
    pub(super) pending: Option<(u64, Want)>,
    /// Increases whenever `value` is replaced (a key for caches derived from it).
    serial: u64,
}

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Slot {
            value: None,
            have: None,
            pending: None,
            serial: 0,
        }
    }
}

impl<T> Slot<T> {
    /// The latest result (possibly for older options while a new one is computed).
    pub fn value(&self) -> Option<&Arc<T>> {
        self.value.as_ref()
    }

    /// Changes whenever the value is replaced.
    pub fn serial(&self) -> u64 {
        self.serial
    }

    /// Whether a newer result is being computed.
    pub fn computing(&self) -> bool {
        self.pending.is_some()
    }

    /// Whether the result shown answers exactly `want` on the current data.
    pub fn is_current(&self, generation: u64, want: &Want) -> bool {
        self.have
            .as_ref()
            .is_some_and(|(g, w)| *g == generation && w == want)
    }

    pub(super) fn asked(&self, generation: u64, want: &Want) -> bool {
        self.is_current(generation, want)
            || self
                .pending
                .as_ref()
                .is_some_and(|(g, w)| *g == generation && w == want)
    }

    pub(super) fn fill(&mut self, generation: u64, want: Want, value: Arc<T>) {
        if self
            .pending
            .as_ref()
            .is_some_and(|(g, w)| *g == generation && *w == want)
        {
            self.pending = None;
        }
        // An answer to a request that was overtaken is still newer than nothing.
        let newer = self.have.as_ref().is_none_or(|(g, _)| *g <= generation);
        if newer {
            self.value = Some(value);
            self.have = Some((generation, want));
            self.serial += 1;
        }
    }

    pub(super) fn clear(&mut self) {
        let serial = self.serial + 1;
        *self = Slot::default();
        self.serial = serial;
    }
}

/// The compute thread: requests in, answers out. It ends when this handle is dropped.
pub(super) struct Engine {
    pub(super) requests: Sender<Request>,
    pub(super) answers: Receiver<Answer>,
}

impl Engine {
    pub(super) fn spawn(ctx: egui::Context) -> Result<Engine> {
        let (requests, request_rx) = channel::<Request>();
        let (answer_tx, answers) = channel::<Answer>();
        std::thread::Builder::new()
            .name("lotse-reports".to_owned())
            .spawn(move || {
                while let Ok(first) = request_rx.recv() {
                    // Collapse what queued up meanwhile: only the newest of each kind counts.
                    let mut newest: Vec<Request> = vec![first];
                    while let Ok(next) = request_rx.try_recv() {
                        let kind = next.want.kind();
                        newest.retain(|r| r.want.kind() != kind);
                        newest.push(next);
                    }
                    for request in newest {
                        i18n::set_thread_language(request.lang);
                        let computed = compute(&request.data, &request.want);
                        let answer = Answer {
                            generation: request.generation,
                            want: request.want,
                            computed,
                        };
                        if answer_tx.send(answer).is_err() {
                            return;
                        }
                        ctx.request_repaint();
                    }
                }
            })
            .map_err(|e| Error::file("lotse-reports", e))?;
        Ok(Engine { requests, answers })
    }
}

/// Computes what `want` asks for from `data`.
pub(super) fn compute(data: &ReportData, want: &Want) -> Computed {
    match want {
        Want::Coverage(options) => Computed::Coverage(Arc::new(coverage(data, options))),
        Want::Matrix(options) => Computed::Matrix(Arc::new(matrix_view(data, options))),
        Want::Hours(options) => Computed::Hours(Arc::new(hours(data, options))),
    }
}

/// The matrix with its search keys and departments per row.
fn matrix_view(data: &ReportData, options: &MatrixOptions) -> MatrixView {
    let matrix = matrix(data, options);
    let department_of: HashMap<EmployeeId, Option<DepartmentId>> = data
        .employees
        .iter()
        .map(|e| (e.employee.id, e.employee.department_id))
        .collect();
    let keys = matrix
        .rows
        .iter()
        .map(|r| {
            fold_search(&format!(
                "{} {} {} {} {}",
                r.personnel_number,
                r.first_name,
                r.last_name,
                r.department_code.as_deref().unwrap_or_default(),
                r.department_name.as_deref().unwrap_or_default(),
            ))
        })
        .collect();
    let departments = matrix
        .rows
        .iter()
        .map(|r| department_of.get(&r.employee_id).copied().flatten())
        .collect();
    MatrixView {
        matrix,
        keys,
        departments,
    }
}
