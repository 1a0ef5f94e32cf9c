//! Issuing certificates: the form (issue date, signatory for this batch) with its progress
//! bar and result, used by the batch on the Programs screen and by the window that issues
//! one certificate from the employee page.

use crate::app::widgets::write_button;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::app::certificates::print::PrintState;
use crate::app::certificates::worker::{CertCommand, CertOutcome, SettingsView, cancel_flag};
use crate::app::data::Data;
use crate::app::widgets::style::{MUTED, SUCCESS};
use crate::app::widgets::{Notices, error_label, form_row, hint, primary_button};
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::{Error, Result};
use crate::i18n::{Arg, fmt_date, parse_date, t, ta};
use crate::model::{CertificateId, EmployeeId, ProgramId};
use crate::service::certificates::{IssueOptions, Issued};
use crate::service::eligibility::requirement_text;

/// An issue run waiting for the worker.
struct IssueRun {
    ticket: Ticket,
    cancel: Arc<AtomicBool>,
    progress: f32,
    count: usize,
}

/// Issue date and signatory for one batch, and what became of it.
pub(crate) struct IssueForm {
    pub issued_on: String,
    pub signatory_name: String,
    pub signatory_title: String,
    /// The signatory from the settings the fields were filled with.
    prefill: (String, String),
    run: Option<IssueRun>,
    /// The certificates the last run issued.
    pub issued: Option<Vec<Issued>>,
    error: Option<String>,
}

impl IssueForm {
    /// Issued `today` by the signatory in `settings`.
    pub fn new(today: NaiveDate, settings: &SettingsView) -> IssueForm {
        let prefill = (
            settings.texts.signatory_name.clone(),
            settings.texts.signatory_title.clone(),
        );
        IssueForm {
            issued_on: fmt_date(today),
            signatory_name: prefill.0.clone(),
            signatory_title: prefill.1.clone(),
            prefill,
            run: None,
            issued: None,
            error: None,
        }
    }

    pub fn is_running(&self) -> bool {
        self.run.is_some()
    }

    /// Follows changed settings unless the user has overridden the signatory.
    fn follow_settings(&mut self, settings: &SettingsView) {
        let now = (
            &settings.texts.signatory_name,
            &settings.texts.signatory_title,
        );
        if (&self.prefill.0, &self.prefill.1) != now
            && self.signatory_name == self.prefill.0
            && self.signatory_title == self.prefill.1
        {
            self.prefill = (now.0.clone(), now.1.clone());
            self.signatory_name = now.0.clone();
            self.signatory_title = now.1.clone();
        }
    }

    pub fn on_progress(&mut self, ticket: Ticket, fraction: f32) {
        if let Some(run) = &mut self.run
            && run.ticket == ticket
        {
            run.progress = fraction.clamp(0.0, 1.0);
        }
    }

    /// Picks up the answer to this form's run; returns it if it is not ours.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
        notices: &mut Notices,
    ) -> Option<Result<Outcome>> {
        if self.run.as_ref().map(|r| r.ticket) != Some(ticket) {
            return Some(result);
        }
        self.run = None;
        match result {
            Ok(Outcome::Certs(CertOutcome::Issued(issued))) => {
                notices.success(issued_text(&issued));
                self.error = None;
                self.issued = Some(issued);
            }
            Ok(_) => {}
            Err(Error::Cancelled) => self.error = Some(t("appcert-issue-cancelled")),
            Err(e) => self.error = Some(e.user_message()),
        }
        None
    }

    /// Sends the run for `employees`; refuses an unreadable date without sending anything.
    pub fn start(&mut self, program: ProgramId, employees: Vec<EmployeeId>, worker: &mut Worker) {
        self.error = None;
        self.issued = None;
        let Some(issued_on) = parse_date(&self.issued_on) else {
            self.error = Some(ta(
                "app-invalid-date",
                &[("text", Arg::from(self.issued_on.trim()))],
            ));
            return;
        };
        let given = |v: &str| {
            let v = v.trim();
            (!v.is_empty()).then(|| v.to_owned())
        };
        let cancel = cancel_flag();
        let count = employees.len();
        let ticket = worker.send(Command::Certs(CertCommand::Issue {
            program,
            employees,
            options: IssueOptions {
                issued_on,
                signatory_name: given(&self.signatory_name),
                signatory_title: given(&self.signatory_title),
            },
            cancel: Arc::clone(&cancel),
        }));
        self.run = Some(IssueRun {
            ticket,
            cancel,
            progress: 0.0,
            count,
        });
    }

    /// The issue date and signatory fields in a two-column grid.
    pub fn fields_ui(&mut self, ui: &mut Ui, settings: &SettingsView, id: &str) {
        self.follow_settings(settings);
        let enabled = self.run.is_none();
        egui::Grid::new(id)
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                form_row(ui, t("appcert-issue-date"), &[], |ui| {
                    ui.add_enabled(
                        enabled,
                        egui::TextEdit::singleline(&mut self.issued_on)
                            .desired_width(110.0)
                            .hint_text(t("app-date-hint")),
                    )
                });
                form_row(ui, t("appcert-signatory-name"), &[], |ui| {
                    ui.add_enabled(
                        enabled,
                        egui::TextEdit::singleline(&mut self.signatory_name)
                            .desired_width(260.0)
                            .hint_text(t("appcert-signatory-name-hint")),
                    )
                });
                form_row(ui, t("appcert-signatory-title"), &[], |ui| {
                    ui.add_enabled(
                        enabled,
                        egui::TextEdit::singleline(&mut self.signatory_title)
                            .desired_width(260.0)
                            .hint_text(t("appcert-signatory-title-hint")),
                    )
                });
            });
        if self.signatory_name != self.prefill.0 || self.signatory_title != self.prefill.1 {
            hint(ui, &t("appcert-signatory-override"));
        }
    }

    /// The progress bar of a run with its Cancel button, or the last run's error.
    pub fn progress_ui(&self, ui: &mut Ui) {
        if let Some(run) = &self.run {
            ui.label(ta(
                "appcert-issue-running",
                &[("count", Arg::from(run.count))],
            ));
            ui.add(
                egui::ProgressBar::new(run.progress)
                    .show_percentage()
                    .animate(true),
            );
            let cancelled = run.cancel.load(Ordering::Relaxed);
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(!cancelled, egui::Button::new(t("app-cancel")))
                    .clicked()
                {
                    run.cancel.store(true, Ordering::Relaxed);
                }
                if cancelled {
                    ui.label(RichText::new(t("app-cancelling")).color(MUTED));
                }
            });
        }
        if let Some(e) = &self.error {
            error_label(ui, e);
        }
    }

    /// What the last run issued, with "Drucken…"; returns the certificates to print
    /// when that was clicked.
    pub fn result_ui(&self, ui: &mut Ui) -> Option<Vec<CertificateId>> {
        let issued = self.issued.as_ref()?;
        let mut print = None;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(issued_text(issued)).color(SUCCESS).strong());
            if ui
                .add(primary_button(t("appcert-print-open")))
                .on_hover_text(t("appcert-print-issued-hint"))
                .clicked()
            {
                print = Some(issued.iter().map(|i| i.id).collect());
            }
        });
        print
    }
}

/// "12 Zertifikate ausgestellt: DL-2026-0001 bis DL-2026-0012."
fn issued_text(issued: &[Issued]) -> String {
    match issued {
        [] => t("appcert-issued-none"),
        [one] => ta(
            "appcert-issued-one",
            &[("serial", Arg::from(one.serial.as_str()))],
        ),
        [first, .., last] => ta(
            "appcert-issued-many",
            &[
                ("count", Arg::from(issued.len())),
                ("first", Arg::from(first.serial.as_str())),
                ("last", Arg::from(last.serial.as_str())),
            ],
        ),
    }
}

/// The window that issues one certificate (opened from the employee page).
pub(crate) struct IssueDialog {
    program: ProgramId,
    employee: EmployeeId,
    form: IssueForm,
}

impl IssueDialog {
    pub fn new(program: ProgramId, employee: EmployeeId, data: &Data) -> IssueDialog {
        IssueDialog {
            program,
            employee,
            form: IssueForm::new(data.today, &data.certs.settings),
        }
    }

    pub fn on_progress(&mut self, ticket: Ticket, fraction: f32) {
        self.form.on_progress(ticket, fraction);
    }

    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
        notices: &mut Notices,
    ) -> Option<Result<Outcome>> {
        self.form.on_finished(ticket, result, notices)
    }

    /// Draws the window; returns false when it was closed.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        worker: &mut Worker,
        print: &mut PrintState,
    ) -> bool {
        let Some(program) = data.certs.program(self.program) else {
            return false;
        };
        let name = data
            .employee(self.employee)
            .map(|v| v.row.employee.full_name())
            .unwrap_or_default();
        let salutation = data
            .employee(self.employee)
            .map(|v| v.row.employee.salutation)
            .unwrap_or_default();
        let title = program
            .program
            .titles
            .for_person(crate::i18n::language(), salutation)
            .to_owned();
        let mut open = true;
        let mut close = false;
        let screen = ui.ctx().content_rect();
        egui::Window::new(t("appcert-issue-one-title"))
            .id(egui::Id::unique("appcert-issue-window"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(480.0)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(screen.center())
            .show(ui.ctx(), |ui| {
                ui.label(
                    RichText::new(ta(
                        "appcert-issue-one-what",
                        &[
                            ("title", Arg::from(title.as_str())),
                            ("name", Arg::from(name.as_str())),
                        ],
                    ))
                    .strong(),
                );
                if let Some(standing) = program.standing(self.employee) {
                    for r in &standing.eligibility.requirements {
                        let mark = if r.met { "✓" } else { "○" };
                        let color = if r.met { SUCCESS } else { MUTED };
                        ui.label(
                            RichText::new(format!(
                                "{mark} {}",
                                requirement_text(r, &data.certs.names)
                            ))
                            .color(color),
                        );
                    }
                }
                ui.add_space(8.0);
                if let Some(ids) = self.form.result_ui(ui) {
                    print.open_for(ids, &data.certs, data.today);
                    close = true;
                }
                if self.form.issued.is_none() {
                    self.form
                        .fields_ui(ui, &data.certs.settings, "appcert-issue-one-grid");
                    ui.add_space(8.0);
                    self.form.progress_ui(ui);
                    ui.horizontal(|ui| {
                        let busy = self.form.is_running();
                        if write_button(ui, !busy, t("appcert-issue-one-submit")).clicked() {
                            self.form.start(self.program, vec![self.employee], worker);
                        }
                        if ui
                            .add_enabled(!busy, egui::Button::new(t("app-cancel")))
                            .clicked()
                        {
                            close = true;
                        }
                    });
                } else if ui.button(t("app-close")).clicked() {
                    close = true;
                }
            });
        open && !close
    }
}
