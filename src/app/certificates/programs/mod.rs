//! The Programs screen: the certification programs, the editor for a program and its
//! requirements, and for the selected program the list of who is eligible and holds no
//! valid certificate yet (or everyone, with progress) — with the batch issue.
//!
//! This file is the view model (the screen's state, the eligible list and its cache, the
//! worker's answers); [`view`] draws the screen, [`editor`] is the program editor.

mod editor;
mod view;

pub(crate) use view::{programs_ui, progress_bar_ui};

use std::collections::HashSet;

use crate::app::certificates::issue::IssueForm;
use crate::app::certificates::worker::{CertData, CertOutcome, ProgramView, StandingView};
use crate::app::data::Data;
use crate::app::widgets::{FieldErrors, Notices};
use crate::app::worker::{Outcome, Ticket};
use crate::error::Result;
use crate::i18n::{Arg, fmt_hours, t, ta};
use crate::model::{EmployeeId, ProgramId, Requirement, SeminarId};
use crate::text::fold_search;

use editor::{FIELDS, PendingKind, ProgramEditor};

/// The state of the Programs screen.
#[derive(Default)]
pub(crate) struct ProgramsState {
    pub selected: Option<ProgramId>,
    /// The add/edit form, when open.
    pub editor: Option<ProgramEditor>,
    pub eligible: EligibleState,
}

impl ProgramsState {
    pub fn on_progress(&mut self, ticket: Ticket, fraction: f32) {
        self.eligible.form.on_progress(ticket, fraction);
    }

    /// Picks up the answer to a command this screen sent; returns it if it is not ours.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
        data: Option<&Data>,
        notices: &mut Notices,
    ) -> Option<Result<Outcome>> {
        if let Some(editor) = &mut self.editor
            && editor.pending == Some(ticket)
        {
            editor.pending = None;
            match result {
                Ok(Outcome::Certs(CertOutcome::ProgramSaved(id))) => {
                    let view = data.and_then(|d| d.certs.program(id));
                    if let Some(view) = view {
                        let key = match editor.pending_kind {
                            PendingKind::Save if editor.editing.is_none() => {
                                "appcert-program-added"
                            }
                            PendingKind::Save => "appcert-program-saved",
                            PendingKind::Archive => "appcert-program-archived",
                            PendingKind::Unarchive => "appcert-program-unarchived",
                        };
                        notices.success(ta(key, &[("code", Arg::from(&view.program.code))]));
                        *editor = ProgramEditor::edit(view);
                    }
                    self.selected = Some(id);
                }
                Ok(_) => {}
                Err(e) => {
                    if !editor.loaded.refused(&e) {
                        editor.errors = FieldErrors::from_error(&e, &FIELDS);
                    }
                }
            }
            return None;
        }
        self.eligible.form.on_finished(ticket, result, notices)
    }
}

/// "24 Monate" or "unbefristet".
fn validity_text(months: Option<u32>) -> String {
    match months {
        Some(m) => ta("appcert-months", &[("months", Arg::from(m))]),
        None => t("appcert-no-expiry"),
    }
}

/// What the eligible list was built from.
#[derive(Debug, Clone, PartialEq)]
struct EligibleKey {
    revision: u64,
    program: ProgramId,
    show_all: bool,
    search: String,
}

/// The list of the selected program's eligible (or everyone), with the batch issue.
pub(crate) struct EligibleState {
    pub search: String,
    /// Everyone active with their progress, not only those due a certificate.
    pub show_all: bool,
    /// Due employees the user unticked (all are ticked by default).
    deselected: HashSet<EmployeeId>,
    /// Indices into the program's standings, filtered.
    visible: Vec<usize>,
    cache: Option<EligibleKey>,
    pub form: IssueForm,
    /// The program the form and the ticks belong to.
    form_program: Option<ProgramId>,
}

impl Default for EligibleState {
    fn default() -> Self {
        EligibleState {
            search: String::new(),
            show_all: false,
            deselected: HashSet::new(),
            visible: Vec::new(),
            cache: None,
            form: IssueForm::new(chrono::NaiveDate::MIN, &Default::default()),
            form_program: None,
        }
    }
}

impl EligibleState {
    fn refresh(&mut self, view: &ProgramView, data: &Data) {
        if self.form_program != Some(view.program.id) && !self.form.is_running() {
            self.form = IssueForm::new(data.today, &data.certs.settings);
            self.form_program = Some(view.program.id);
            self.deselected.clear();
        }
        let key = EligibleKey {
            revision: data.parts.certs,
            program: view.program.id,
            show_all: self.show_all,
            search: self.search.clone(),
        };
        if self.cache.as_ref() == Some(&key) {
            return;
        }
        let words: Vec<String> = self.search.split_whitespace().map(fold_search).collect();
        self.visible = view
            .standings
            .iter()
            .enumerate()
            .filter(|(_, s)| s.active && (self.show_all || s.is_due()))
            .filter(|(_, s)| {
                words.is_empty() || data.employee(s.employee).is_some_and(|e| e.matches(&words))
            })
            .map(|(i, _)| i)
            .collect();
        self.cache = Some(key);
    }

    fn is_ticked(&self, s: &StandingView) -> bool {
        s.is_due() && !self.deselected.contains(&s.employee)
    }
}

/// A requirement as the program's summary names it.
pub(crate) fn requirement_label(r: &Requirement, certs: &CertData) -> String {
    let seminar = |id: SeminarId| {
        certs
            .seminar(id)
            .map(|s| s.title.clone())
            .unwrap_or_else(|| format!("#{id}"))
    };
    match r {
        Requirement::Seminar(s) => ta(
            "appcert-req-seminar-label",
            &[("seminar", Arg::from(seminar(*s)))],
        ),
        Requirement::AtLeastN { n, seminars } => ta(
            "appcert-req-n-of-label",
            &[("n", Arg::from(*n)), ("of", Arg::from(seminars.len()))],
        ),
        Requirement::TopicHours { topic, hours } => ta(
            "appcert-req-hours-label",
            &[
                ("hours", Arg::from(fmt_hours(*hours))),
                ("topic", Arg::from(topic.as_str())),
            ],
        ),
        Requirement::Prerequisite(p) => ta(
            "appcert-req-prerequisite-label",
            &[(
                "program",
                Arg::from(
                    certs
                        .program(*p)
                        .map(|v| v.title().to_owned())
                        .unwrap_or_else(|| format!("#{p}")),
                ),
            )],
        ),
    }
}
