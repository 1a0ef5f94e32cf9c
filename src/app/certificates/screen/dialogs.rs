//! The dialogs on the selection: correcting the name printed on a certificate, and
//! revoking certificates with a reason.

use crate::app::widgets::write_button;
use egui::{RichText, Ui};

use crate::app::certificates::print::PrintState;
use crate::app::certificates::worker::{CertCommand, CertView};
use crate::app::data::Data;
use crate::app::widgets::{FieldErrors, error_label, form_row, hint, primary_button, text_field};
use crate::app::worker::{Command, Ticket, Worker};
use crate::i18n::{Arg, fmt_date, parse_date, t, ta};
use crate::model::{CertificateId, Field, Salutation};
use crate::service::certificates::Correction;

pub(super) const CORRECT_FIELDS: [Field; 2] = [Field::FirstName, Field::LastName];

/// The window to correct a certificate: a new one with the right name supersedes it.
pub(super) struct CorrectDialog {
    id: CertificateId,
    pub(super) serial: String,
    first_name: String,
    last_name: String,
    salutation: Salutation,
    reason: String,
    pub(super) errors: FieldErrors,
    pub(super) pending: Option<Ticket>,
    /// The new certificate, once issued.
    pub(super) done: Option<(CertificateId, String)>,
}

impl CorrectDialog {
    /// Prefilled with the employee's name and form of address as they are now.
    pub(super) fn new(c: &CertView, data: &Data) -> CorrectDialog {
        let employee = data.employee(c.employee_id).map(|v| &v.row.employee);
        CorrectDialog {
            id: c.id,
            serial: c.serial.clone(),
            first_name: employee.map_or_else(|| c.first_name.clone(), |e| e.first_name.clone()),
            last_name: employee.map_or_else(|| c.last_name.clone(), |e| e.last_name.clone()),
            salutation: employee.map_or(Salutation::Neutral, |e| e.salutation),
            reason: String::new(),
            errors: FieldErrors::default(),
            pending: None,
            done: None,
        }
    }

    /// Draws the window; returns false when it was closed.
    pub(super) fn ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        worker: &mut Worker,
        print: &mut PrintState,
    ) -> bool {
        let mut open = true;
        let mut close = false;
        let screen = ui.ctx().content_rect();
        egui::Window::new(ta(
            "appcert-correct-title",
            &[("serial", Arg::from(self.serial.as_str()))],
        ))
        .id(egui::Id::unique("appcert-correct-window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(480.0)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(screen.center())
        .show(ui.ctx(), |ui| {
            if let Some((id, serial)) = &self.done {
                ui.label(
                    RichText::new(ta(
                        "appcert-corrected",
                        &[
                            ("old", Arg::from(self.serial.as_str())),
                            ("new", Arg::from(serial.as_str())),
                        ],
                    ))
                    .color(crate::app::widgets::style::SUCCESS),
                );
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.add(primary_button(t("appcert-print-open"))).clicked() {
                        print.open_for(vec![*id], &data.certs, data.today);
                        close = true;
                    }
                    if ui.button(t("app-close")).clicked() {
                        close = true;
                    }
                });
                return;
            }
            hint(ui, &t("appcert-correct-intro"));
            ui.add_space(6.0);
            let enabled = self.pending.is_none();
            egui::Grid::new("appcert-correct-grid")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .min_col_width(120.0)
                .show(ui, |ui| {
                    form_row(ui, t("field-salutation"), &[], |ui| {
                        let current = self.salutation;
                        ui.add_enabled_ui(enabled, |ui| {
                            egui::ComboBox::from_id_salt("appcert-correct-salutation")
                                .selected_text(current.label())
                                .show_ui(ui, |ui| {
                                    for s in Salutation::ALL {
                                        ui.selectable_value(&mut self.salutation, s, s.label());
                                    }
                                })
                                .response
                        })
                        .inner
                    });
                    let errs: Vec<&str> = self.errors.for_field(Field::FirstName).collect();
                    form_row(ui, Field::FirstName.label(), &errs, |ui| {
                        ui.add_enabled(enabled, text_field(&mut self.first_name))
                    });
                    let errs: Vec<&str> = self.errors.for_field(Field::LastName).collect();
                    form_row(ui, Field::LastName.label(), &errs, |ui| {
                        ui.add_enabled(enabled, text_field(&mut self.last_name))
                    });
                    form_row(ui, t("appcert-reason"), &[], |ui| {
                        ui.add_enabled(
                            enabled,
                            egui::TextEdit::multiline(&mut self.reason)
                                .desired_rows(2)
                                .desired_width(f32::INFINITY)
                                .hint_text(t("appcert-correct-reason-hint")),
                        )
                    });
                });
            for message in &self.errors.general {
                error_label(ui, message);
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if write_button(ui, enabled, t("appcert-correct-submit")).clicked() {
                    self.errors = FieldErrors::default();
                    if self.reason.trim().is_empty() {
                        self.errors.general.push(t("certs-reason-required"));
                    } else {
                        self.pending = Some(worker.send(Command::Certs(CertCommand::Correct(
                            self.id,
                            Correction {
                                first_name: self.first_name.clone(),
                                last_name: self.last_name.clone(),
                                salutation: self.salutation,
                                reason: self.reason.clone(),
                            },
                        ))));
                    }
                }
                if ui.button(t("app-cancel")).clicked() {
                    close = true;
                }
                if !enabled {
                    ui.spinner();
                }
            });
        });
        open && !close
    }
}

/// The window to revoke a certificate: date and reason, then a confirmation.
pub(super) struct RevokeDialog {
    id: CertificateId,
    pub(super) serial: String,
    name: String,
    date: String,
    reason: String,
    /// The user asked to revoke; the window asks once more.
    pub(super) confirming: bool,
    pub(super) error: Option<String>,
    pub(super) pending: Option<Ticket>,
}

impl RevokeDialog {
    /// Revoked as of today unless the user changes the date.
    pub(super) fn new(c: &CertView, data: &Data) -> RevokeDialog {
        RevokeDialog {
            id: c.id,
            serial: c.serial.clone(),
            name: c.full_name(),
            date: fmt_date(data.today),
            reason: String::new(),
            confirming: false,
            error: None,
            pending: None,
        }
    }

    /// Draws the window; returns false when it was closed.
    pub(super) fn ui(&mut self, ui: &mut Ui, worker: &mut Worker) -> bool {
        let mut open = true;
        let mut close = false;
        let screen = ui.ctx().content_rect();
        egui::Window::new(ta(
            "appcert-revoke-title",
            &[("serial", Arg::from(self.serial.as_str()))],
        ))
        .id(egui::Id::unique("appcert-revoke-window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(screen.center())
        .show(ui.ctx(), |ui| {
            ui.label(ta(
                "appcert-revoke-intro",
                &[
                    ("serial", Arg::from(self.serial.as_str())),
                    ("name", Arg::from(self.name.as_str())),
                ],
            ));
            ui.add_space(6.0);
            let enabled = self.pending.is_none() && !self.confirming;
            egui::Grid::new("appcert-revoke-grid")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .min_col_width(120.0)
                .show(ui, |ui| {
                    form_row(ui, t("appcert-revoke-date"), &[], |ui| {
                        ui.add_enabled(
                            enabled,
                            egui::TextEdit::singleline(&mut self.date)
                                .desired_width(110.0)
                                .hint_text(t("app-date-hint")),
                        )
                    });
                    form_row(ui, t("appcert-reason"), &[], |ui| {
                        ui.add_enabled(
                            enabled,
                            egui::TextEdit::multiline(&mut self.reason)
                                .desired_rows(2)
                                .desired_width(f32::INFINITY)
                                .hint_text(t("appcert-revoke-reason-hint")),
                        )
                    });
                });
            if let Some(e) = &self.error {
                error_label(ui, e);
            }
            ui.add_space(8.0);
            if self.confirming {
                ui.label(
                    RichText::new(ta(
                        "appcert-revoke-confirm",
                        &[("serial", Arg::from(self.serial.as_str()))],
                    ))
                    .strong()
                    .color(crate::app::widgets::style::ERROR),
                );
                ui.horizontal(|ui| {
                    let busy = self.pending.is_some();
                    let button = egui::Button::new(
                        RichText::new(t("appcert-revoke-confirm-yes")).color(egui::Color32::WHITE),
                    )
                    .fill(crate::app::widgets::style::ERROR);
                    if ui.add_enabled(!busy, button).clicked() {
                        match parse_date(&self.date) {
                            Some(on) => {
                                self.pending =
                                    Some(worker.send(Command::Certs(CertCommand::Revoke {
                                        id: self.id,
                                        on,
                                        reason: self.reason.clone(),
                                    })));
                            }
                            None => {
                                self.confirming = false;
                                self.error = Some(ta(
                                    "app-invalid-date",
                                    &[("text", Arg::from(self.date.trim()))],
                                ));
                            }
                        }
                    }
                    if ui
                        .add_enabled(!busy, egui::Button::new(t("appcert-back")))
                        .clicked()
                    {
                        self.confirming = false;
                    }
                    if busy {
                        ui.spinner();
                    }
                });
            } else {
                ui.horizontal(|ui| {
                    if write_button(ui, true, t("appcert-revoke-submit")).clicked() {
                        self.error = None;
                        if parse_date(&self.date).is_none() {
                            self.error = Some(ta(
                                "app-invalid-date",
                                &[("text", Arg::from(self.date.trim()))],
                            ));
                        } else if self.reason.trim().is_empty() {
                            self.error = Some(t("certs-reason-required"));
                        } else {
                            self.confirming = true;
                        }
                    }
                    if ui.button(t("app-cancel")).clicked() {
                        close = true;
                    }
                });
            }
        });
        open && !close
    }
}
