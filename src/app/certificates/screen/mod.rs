//! The Certificates screen: every issued certificate, searchable and filtered by program
//! and status, in a virtualised table; print, correct or revoke the selection; check a code.
//!
//! This file is the view model (filters, sorting, the cached list, the worker's answers);
//! [`view`] draws the screen, [`dialogs`] are the correct and revoke dialogs.

mod dialogs;
mod view;

pub(crate) use view::{certificates_ui, program_filter_combo};

use std::cmp::Ordering;
use std::collections::HashSet;

use egui::Ui;

use crate::app::certificates::print::PrintState;
use crate::app::certificates::worker::{CertOutcome, CertView};
use crate::app::data::{Data, natural_cmp};
use crate::app::widgets::{FieldErrors, Notices};
use crate::app::worker::{Outcome, Ticket, Worker};
use crate::error::Result;
use crate::i18n::{Arg, t, ta};
use crate::model::{CertificateId, ProgramId};
use crate::rules::CertificateStatus;
use crate::text::fold_search;

use dialogs::{CORRECT_FIELDS, CorrectDialog, RevokeDialog};

/// Which certificates the list shows by status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum StatusFilter {
    #[default]
    All,
    /// Valid today, expiring ones included.
    Valid,
    Expiring,
    Expired,
    Revoked,
    Superseded,
}

impl StatusFilter {
    const ALL: [StatusFilter; 6] = [
        StatusFilter::All,
        StatusFilter::Valid,
        StatusFilter::Expiring,
        StatusFilter::Expired,
        StatusFilter::Revoked,
        StatusFilter::Superseded,
    ];

    fn label(self) -> String {
        t(match self {
            StatusFilter::All => "appcert-filter-all-status",
            StatusFilter::Valid => "appcert-filter-valid",
            StatusFilter::Expiring => "appcert-status-expiring",
            StatusFilter::Expired => "appcert-status-expired",
            StatusFilter::Revoked => "appcert-status-revoked",
            StatusFilter::Superseded => "appcert-status-superseded",
        })
    }

    fn admits(self, status: CertificateStatus) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::Valid => status.is_valid(),
            StatusFilter::Expiring => status == CertificateStatus::Expiring,
            StatusFilter::Expired => status == CertificateStatus::Expired,
            StatusFilter::Revoked => status == CertificateStatus::Revoked,
            StatusFilter::Superseded => status == CertificateStatus::Superseded,
        }
    }
}

/// The columns the list can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortColumn {
    Serial,
    Name,
    PersonnelNumber,
    Program,
    Issued,
    ValidUntil,
    Status,
}

impl SortColumn {
    const ALL: [SortColumn; 7] = [
        SortColumn::Serial,
        SortColumn::Name,
        SortColumn::PersonnelNumber,
        SortColumn::Program,
        SortColumn::Issued,
        SortColumn::ValidUntil,
        SortColumn::Status,
    ];

    fn label_key(self) -> &'static str {
        match self {
            SortColumn::Serial => "appcert-col-serial",
            SortColumn::Name => "appcert-col-name",
            SortColumn::PersonnelNumber => "app-col-personnel-number",
            SortColumn::Program => "appcert-col-program",
            SortColumn::Issued => "appcert-col-issued",
            SortColumn::ValidUntil => "appcert-col-valid-until",
            SortColumn::Status => "appcert-col-status",
        }
    }
}

/// What the filtered, sorted index was built from.
#[derive(Debug, Clone, PartialEq)]
struct CacheKey {
    revision: u64,
    search: String,
    program: Option<ProgramId>,
    status: StatusFilter,
    sort: Option<SortColumn>,
    ascending: bool,
}

/// The state of the Certificates screen.
pub(crate) struct CertificatesState {
    pub search: String,
    pub program: Option<ProgramId>,
    pub status: StatusFilter,
    /// `None`: newest first, as loaded.
    sort: Option<SortColumn>,
    ascending: bool,
    pub selected: HashSet<CertificateId>,
    /// Indices into `CertData::certificates`, filtered and sorted.
    visible: Vec<usize>,
    cache: Option<CacheKey>,
    correct: Option<CorrectDialog>,
    revoke: Option<RevokeDialog>,
    scroll_to: Option<CertificateId>,
}

impl Default for CertificatesState {
    fn default() -> Self {
        CertificatesState {
            search: String::new(),
            program: None,
            status: StatusFilter::All,
            sort: None,
            ascending: true,
            selected: HashSet::new(),
            visible: Vec::new(),
            cache: None,
            correct: None,
            revoke: None,
            scroll_to: None,
        }
    }
}

impl CertificatesState {
    /// Rebuilds the filtered, sorted index if the data, the search, a filter or the sort changed.
    fn refresh(&mut self, data: &Data) {
        let key = CacheKey {
            revision: data.parts.certs,
            search: self.search.clone(),
            program: self.program,
            status: self.status,
            sort: self.sort,
            ascending: self.ascending,
        };
        if self.cache.as_ref() == Some(&key) {
            return;
        }
        let certs = &data.certs.certificates;
        let words: Vec<String> = self.search.split_whitespace().map(fold_search).collect();
        let mut visible: Vec<usize> = certs
            .iter()
            .enumerate()
            .filter(|(_, c)| self.program.is_none_or(|p| c.program_id == p))
            .filter(|(_, c)| self.status.admits(c.status))
            .filter(|(_, c)| words.iter().all(|w| c.search_key.contains(w.as_str())))
            .map(|(i, _)| i)
            .collect();
        if let Some(sort) = self.sort {
            visible.sort_by(|&a, &b| {
                let ord = compare(&certs[a], &certs[b], sort);
                if self.ascending { ord } else { ord.reverse() }
            });
        }
        // Certificates that no longer exist drop out of the selection.
        let ids: HashSet<CertificateId> = certs.iter().map(|c| c.id).collect();
        self.selected.retain(|id| ids.contains(id));
        self.visible = visible;
        self.cache = Some(key);
    }

    /// The selected certificates in the order the list shows them (hidden ones last).
    fn selection_in_order(&self, data: &Data) -> Vec<CertificateId> {
        let certs = &data.certs.certificates;
        let mut out: Vec<CertificateId> = self
            .visible
            .iter()
            .map(|&i| certs[i].id)
            .filter(|id| self.selected.contains(id))
            .collect();
        let shown: HashSet<CertificateId> = out.iter().copied().collect();
        out.extend(
            certs
                .iter()
                .map(|c| c.id)
                .filter(|id| self.selected.contains(id) && !shown.contains(id)),
        );
        out
    }

    /// Picks up the answer to a command this screen sent; returns it if it is not ours.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
        notices: &mut Notices,
    ) -> Option<Result<Outcome>> {
        if let Some(dialog) = &mut self.correct
            && dialog.pending == Some(ticket)
        {
            dialog.pending = None;
            match result {
                Ok(Outcome::Certs(CertOutcome::Corrected(issued))) => {
                    notices.success(ta(
                        "appcert-corrected",
                        &[
                            ("old", Arg::from(dialog.serial.as_str())),
                            ("new", Arg::from(issued.serial.as_str())),
                        ],
                    ));
                    self.selected = HashSet::from([issued.id]);
                    self.scroll_to = Some(issued.id);
                    dialog.done = Some((issued.id, issued.serial));
                }
                Ok(_) => {}
                Err(e) => dialog.errors = FieldErrors::from_error(&e, &CORRECT_FIELDS),
            }
            return None;
        }
        if let Some(dialog) = &mut self.revoke
            && dialog.pending == Some(ticket)
        {
            dialog.pending = None;
            match result {
                Ok(_) => {
                    notices.success(ta(
                        "appcert-revoked",
                        &[("serial", Arg::from(dialog.serial.as_str()))],
                    ));
                    self.revoke = None;
                }
                Err(e) => {
                    dialog.confirming = false;
                    dialog.error = Some(e.user_message());
                }
            }
            return None;
        }
        Some(result)
    }

    /// Draws the correct and revoke windows when open.
    pub fn windows_ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        worker: &mut Worker,
        print: &mut PrintState,
    ) {
        if let Some(dialog) = &mut self.correct
            && !dialog.ui(ui, data, worker, print)
        {
            self.correct = None;
        }
        if let Some(dialog) = &mut self.revoke
            && !dialog.ui(ui, worker)
        {
            self.revoke = None;
        }
    }
}

fn compare(a: &CertView, b: &CertView, sort: SortColumn) -> Ordering {
    let primary = match sort {
        SortColumn::Serial => natural_cmp(&a.serial, &b.serial),
        SortColumn::Name => a.name_key.cmp(&b.name_key),
        SortColumn::PersonnelNumber => natural_cmp(&a.personnel_number, &b.personnel_number),
        SortColumn::Program => a.program_code.cmp(&b.program_code),
        SortColumn::Issued => a.issued_on.cmp(&b.issued_on),
        // No expiry last.
        SortColumn::ValidUntil => match (a.valid_until, b.valid_until) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
        SortColumn::Status => status_rank(a.status).cmp(&status_rank(b.status)),
    };
    primary.then_with(|| natural_cmp(&a.serial, &b.serial))
}

fn status_rank(status: CertificateStatus) -> u8 {
    match status {
        CertificateStatus::Valid => 0,
        CertificateStatus::Expiring => 1,
        CertificateStatus::NotYetIssued => 2,
        CertificateStatus::Expired => 3,
        CertificateStatus::Superseded => 4,
        CertificateStatus::Revoked => 5,
    }
}
