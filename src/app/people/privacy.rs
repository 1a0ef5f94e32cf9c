//! The employee's DSGVO buttons: *Datenauskunft…* (Art. 15: a save dialog, then the export
//! on the worker) and *Löschen…* (Art. 17: a confirmation that shows the plan — what goes,
//! what stays anonymous, which backups still hold the person and until when — then the
//! erasure on the worker). A person without attendance and certificates (entered by
//! mistake) is simply deleted instead, after a confirmation of its own.

use crate::app::widgets::write_button;
use std::path::PathBuf;
use std::sync::mpsc::Receiver;

use egui::{RichText, Ui};

use crate::app::data::Data;
use crate::app::people::worker_privacy::{PrivacyCommand, PrivacyOutcome};
use crate::app::widgets::style::MUTED;
use crate::app::widgets::{Notices, error_label};
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::Result;
use crate::i18n::{self, Arg, t, ta};
use crate::model::EmployeeId;
use crate::service::privacy::{self, ErasureMode, ErasurePlan};

/// The confirmation dialog of an erasure.
struct Confirm {
    employee: EmployeeId,
    mode: ErasureMode,
    also_backups: bool,
    /// The plan for `mode`, once the worker worked it out.
    plan: Option<ErasurePlan>,
    error: Option<String>,
}

/// The state of the privacy buttons of the employee screen.
#[derive(Default)]
pub(crate) struct PrivacyPanel {
    /// The save dialog of an export, running on its own thread.
    dialog: Option<(EmployeeId, Receiver<Option<PathBuf>>)>,
    /// Commands waiting for the worker.
    export: Option<Ticket>,
    plan: Option<Ticket>,
    erase: Option<Ticket>,
    delete: Option<Ticket>,
    confirm: Option<Confirm>,
    /// Set after an erasure: the employee form should close (its record changed or went).
    close_form: bool,
}

impl PrivacyPanel {
    /// Whether `ticket` answers a command this panel sent.
    pub fn owns(&self, ticket: Ticket) -> bool {
        [self.export, self.plan, self.erase, self.delete].contains(&Some(ticket))
    }

    /// Takes the request to close the employee form after an erasure.
    pub fn take_close_form(&mut self) -> bool {
        std::mem::take(&mut self.close_form)
    }

    fn busy(&self) -> bool {
        self.dialog.is_some()
            || self.export.is_some()
            || self.erase.is_some()
            || self.delete.is_some()
    }

    /// Takes the worker's answer to one of this panel's commands.
    pub fn on_finished(&mut self, ticket: Ticket, result: Result<Outcome>, notices: &mut Notices) {
        if self.export == Some(ticket) {
            self.export = None;
            match result {
                Ok(Outcome::Privacy(PrivacyOutcome::Exported(report))) => notices.success(ta(
                    "privacy-export-saved",
                    &[("path", Arg::from(report.path.display().to_string()))],
                )),
                Ok(_) => {}
                Err(e) => notices.error(e.user_message()),
            }
        } else if self.plan == Some(ticket) {
            self.plan = None;
            if let Some(confirm) = &mut self.confirm {
                match result {
                    Ok(Outcome::Privacy(PrivacyOutcome::Plan(plan)))
                        if plan.mode == confirm.mode =>
                    {
                        confirm.plan = Some(*plan);
                        confirm.error = None;
                    }
                    Ok(_) => {}
                    Err(e) => confirm.error = Some(e.user_message()),
                }
            }
        } else if self.delete == Some(ticket) {
            self.delete = None;
            match result {
                Ok(Outcome::Privacy(PrivacyOutcome::Deleted)) => {
                    if let Some(plan) = self.confirm.take().and_then(|c| c.plan) {
                        notices.success(ta(
                            "employee-deleted",
                            &[
                                ("name", Arg::from(plan.display_name)),
                                ("number", Arg::from(plan.personnel_number)),
                            ],
                        ));
                    }
                    self.close_form = true;
                }
                Ok(_) => {}
                Err(e) => match &mut self.confirm {
                    Some(confirm) => confirm.error = Some(e.user_message()),
                    None => notices.error(e.user_message()),
                },
            }
        } else if self.erase == Some(ticket) {
            self.erase = None;
            match result {
                Ok(Outcome::Privacy(PrivacyOutcome::Erased(report))) => {
                    self.confirm = None;
                    self.close_form = true;
                    notices.success(privacy::report_lines(&report).join(" "));
                }
                Ok(_) => {}
                Err(e) => match &mut self.confirm {
                    Some(confirm) => confirm.error = Some(e.user_message()),
                    None => notices.error(e.user_message()),
                },
            }
        }
    }

    fn ask_plan(&mut self, worker: &mut Worker) {
        if let Some(confirm) = &mut self.confirm {
            confirm.plan = None;
            self.plan = Some(worker.send(Command::Privacy(PrivacyCommand::Plan(
                confirm.employee,
                confirm.mode,
            ))));
        }
    }
}

/// The two buttons under the employee form.
pub(crate) fn buttons_ui(
    ui: &mut Ui,
    panel: &mut PrivacyPanel,
    employee: EmployeeId,
    file_stem: &str,
    worker: &mut Worker,
) {
    ui.add_space(12.0);
    ui.separator();
    let busy = panel.busy();
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!busy, egui::Button::new(t("privacy-export-button")))
            .on_hover_text(t("privacy-export-button-hint"))
            .clicked()
        {
            let title = t("privacy-export-save-title");
            let file = format!("Auskunft_{file_stem}.zip");
            match crate::app::certificates::print::spawn_dialog(ui.ctx(), move || {
                rfd::FileDialog::new()
                    .set_title(title)
                    .set_file_name(file)
                    .add_filter("ZIP", &["zip"])
                    .save_file()
                    .map(|path| {
                        if path
                            .extension()
                            .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
                        {
                            path
                        } else {
                            path.with_extension("zip")
                        }
                    })
            }) {
                Ok(rx) => panel.dialog = Some((employee, rx)),
                Err(e) => error_label(ui, &e.user_message()),
            }
        }
        if ui
            .add_enabled(!busy, egui::Button::new(t("privacy-erase-button")))
            .on_hover_text(t("privacy-erase-button-hint"))
            .clicked()
        {
            panel.confirm = Some(Confirm {
                employee,
                mode: ErasureMode::Anonymise,
                also_backups: false,
                plan: None,
                error: None,
            });
            panel.ask_plan(worker);
        }
        if busy {
            ui.spinner();
        }
    });
}

/// The save dialog's answer and the confirmation dialog; draw every frame of the screen.
pub(crate) fn dialogs_ui(ui: &mut Ui, panel: &mut PrivacyPanel, data: &Data, worker: &mut Worker) {
    if let Some((employee, rx)) = &panel.dialog {
        match rx.try_recv() {
            Ok(Some(dest)) => {
                let employee = *employee;
                panel.dialog = None;
                panel.export = Some(worker.send(Command::Privacy(PrivacyCommand::Export {
                    employee,
                    dest,
                    lang: i18n::language(),
                })));
            }
            Ok(None) | Err(std::sync::mpsc::TryRecvError::Disconnected) => panel.dialog = None,
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
        }
    }
    confirm_ui(ui, panel, data, worker);
}

fn confirm_ui(ui: &mut Ui, panel: &mut PrivacyPanel, data: &Data, worker: &mut Worker) {
    let Some(confirm) = &mut panel.confirm else {
        return;
    };
    if data.employee(confirm.employee).is_none() && panel.erase.is_none() && panel.delete.is_none()
    {
        panel.confirm = None;
        return;
    }
    if confirm.plan.as_ref().is_some_and(without_records) {
        delete_ui(ui, panel, worker);
        return;
    }
    let erasing = panel.erase.is_some();
    let mut cancel = false;
    let mut go = false;
    let mut replan = false;
    egui::Modal::new(egui::Id::unique("privacy-erase-confirm")).show(ui.ctx(), |ui| {
        ui.set_max_width(560.0);
        ui.heading(t("privacy-erase-title"));
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.label(t("privacy-erase-how"));
            for (mode, hint) in [
                (ErasureMode::Anonymise, "privacy-erase-anonymise-hint"),
                (ErasureMode::Delete, "privacy-erase-delete-hint"),
            ] {
                if ui
                    .add_enabled(
                        !erasing,
                        egui::RadioButton::new(confirm.mode == mode, t(privacy::mode_key(mode))),
                    )
                    .on_hover_text(t(hint))
                    .clicked()
                    && confirm.mode != mode
                {
                    confirm.mode = mode;
                    replan = true;
                }
            }
        });
        ui.add_space(6.0);
        if confirm.plan.is_some() {
            ui.add(egui::Label::new(t("app-employee-delete-erasure-note")).wrap());
            ui.add_space(4.0);
        }
        match &confirm.plan {
            None => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(RichText::new(t("privacy-erase-loading")).color(MUTED));
                });
            }
            Some(plan) => {
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        for line in privacy::plan_lines(plan) {
                            ui.add(egui::Label::new(line).wrap());
                        }
                    });
                if !plan.backups.is_empty() {
                    ui.add_enabled(
                        !erasing,
                        egui::Checkbox::new(
                            &mut confirm.also_backups,
                            t("privacy-erase-also-backups"),
                        ),
                    );
                }
            }
        }
        if let Some(error) = &confirm.error {
            error_label(ui, error);
        }
        ui.add_space(8.0);
        ui.label(RichText::new(t("privacy-erase-irreversible")).strong());
        ui.horizontal(|ui| {
            let ready = confirm.plan.is_some() && !erasing;
            if write_button(ui, ready, t("privacy-erase-confirm")).clicked() {
                go = true;
            }
            if ui
                .add_enabled(!erasing, egui::Button::new(t("privacy-erase-cancel")))
                .clicked()
            {
                cancel = true;
            }
            if erasing {
                ui.spinner();
            }
        });
    });
    if cancel {
        panel.confirm = None;
        panel.plan = None;
        return;
    }
    if replan {
        panel.ask_plan(worker);
        return;
    }
    if go && let Some(confirm) = &mut panel.confirm {
        confirm.error = None;
        panel.erase = Some(worker.send(Command::Privacy(PrivacyCommand::Erase {
            employee: confirm.employee,
            mode: confirm.mode,
            also_backups: confirm.also_backups,
        })));
    }
}

/// Whether the person has no attendance and no certificates (and is no erased
/// placeholder): then the record is simply deleted, not erased.
fn without_records(plan: &ErasurePlan) -> bool {
    plan.attendance == 0 && plan.certificates == 0 && !plan.already_erased
}

/// The confirmation of a plain delete.
fn delete_ui(ui: &mut Ui, panel: &mut PrivacyPanel, worker: &mut Worker) {
    let Some(confirm) = &mut panel.confirm else {
        return;
    };
    let Some(plan) = &confirm.plan else {
        return;
    };
    let deleting = panel.delete.is_some();
    let mut cancel = false;
    let mut go = false;
    egui::Modal::new(egui::Id::unique("employee-delete-confirm")).show(ui.ctx(), |ui| {
        ui.set_max_width(520.0);
        ui.heading(t("app-employee-delete-title"));
        ui.add_space(6.0);
        ui.add(
            egui::Label::new(ta(
                "app-employee-delete-text",
                &[
                    ("name", Arg::from(plan.display_name.as_str())),
                    ("number", Arg::from(plan.personnel_number.as_str())),
                ],
            ))
            .wrap(),
        );
        if let Some(error) = &confirm.error {
            error_label(ui, error);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if write_button(ui, !deleting, t("app-employee-delete-confirm")).clicked() {
                go = true;
            }
            if ui
                .add_enabled(!deleting, egui::Button::new(t("privacy-erase-cancel")))
                .clicked()
            {
                cancel = true;
            }
            if deleting {
                ui.spinner();
            }
        });
    });
    if cancel {
        panel.confirm = None;
        panel.plan = None;
        return;
    }
    if go {
        confirm.error = None;
        panel.delete =
            Some(worker.send(Command::Privacy(PrivacyCommand::Delete(confirm.employee))));
    }
}
