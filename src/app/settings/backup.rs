//! The *Datensicherung* section of the settings: the backups beside the database with what
//! they hold, "back up now" with progress, restoring one after a confirmation, the thinning
//! policy, and *Datenbank prüfen* with repair.

use crate::app::widgets::write_button;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::settings::worker_backup::{BackupCommand, BackupOutcome, CheckResult, Overview};
use crate::app::widgets::style::MUTED;
use crate::app::widgets::{Notices, error_label, hint};
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::Result;
use crate::i18n::{Arg, fmt_datetime, t, ta};
use crate::service::backup::{BackupInfo, BackupReason, Thinning};

/// What is running, with its ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Job {
    Overview,
    Take,
    Restore,
    Check,
    Repair,
    SaveThinning,
}

/// The state of the data-safety section.
#[derive(Default)]
pub(crate) struct BackupState {
    overview: Option<Overview>,
    /// The data revision the overview was loaded at.
    loaded_at: Option<u64>,
    running: Option<(Ticket, Job)>,
    progress: Option<f32>,
    cancel: Option<Arc<AtomicBool>>,
    /// The backup the user wants to restore, while the confirmation is open.
    confirm: Option<BackupInfo>,
    check: Option<CheckResult>,
    thinning: Option<Thinning>,
    error: Option<String>,
}

impl BackupState {
    /// True while this section waits for the worker.
    pub fn is_busy(&self) -> bool {
        self.running.is_some()
    }

    pub fn on_progress(&mut self, ticket: Ticket, fraction: f32) {
        if self.running.map(|(t, _)| t) == Some(ticket) {
            self.progress = Some(fraction);
        }
    }

    /// Picks up the answers to this section's commands; returns the others.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
        notices: &mut Notices,
    ) -> Option<Result<Outcome>> {
        let Some((running, job)) = self.running else {
            return Some(result);
        };
        if running != ticket {
            return Some(result);
        }
        self.running = None;
        self.progress = None;
        self.cancel = None;
        let outcome = match result {
            Ok(Outcome::Backup(outcome)) => outcome,
            Ok(_) => return None,
            Err(crate::Error::Cancelled) => {
                notices.success(t("appbackup-cancelled"));
                return None;
            }
            Err(e) => {
                self.error = Some(e.user_message());
                return None;
            }
        };
        match outcome {
            BackupOutcome::Overview(overview) => {
                self.thinning = Some(overview.thinning);
                self.overview = Some(*overview);
            }
            BackupOutcome::Taken(done) => {
                if let Some(done) = done {
                    notices.success(ta(
                        "appbackup-taken",
                        &[
                            ("employees", Arg::from(done.content.counts.employees)),
                            ("certificates", Arg::from(done.content.counts.certificates)),
                        ],
                    ));
                }
                self.loaded_at = None;
            }
            BackupOutcome::Restored(restored) => {
                notices.success(ta(
                    "appbackup-restored",
                    &[
                        ("employees", Arg::from(restored.content.counts.employees)),
                        (
                            "certificates",
                            Arg::from(restored.content.counts.certificates),
                        ),
                    ],
                ));
                self.loaded_at = None;
            }
            BackupOutcome::Checked(result) => {
                if job == Job::Repair {
                    self.loaded_at = None;
                }
                self.check = Some(result);
            }
            BackupOutcome::Saved => {
                notices.success(t("appbackup-thinning-saved"));
                self.loaded_at = None;
            }
        }
        None
    }

    fn send(&mut self, worker: &mut Worker, job: Job, command: BackupCommand) {
        self.error = None;
        self.progress = None;
        let ticket = worker.send(Command::Backup(command));
        self.running = Some((ticket, job));
    }
}

/// Draws the section. `revision` is the data revision shown (the list is reloaded when
/// it changes: after a restore, a repair, or a change by another program).
pub(crate) fn backup_section_ui(
    ui: &mut Ui,
    state: &mut BackupState,
    revision: u64,
    worker: &mut Worker,
) {
    if state.loaded_at != Some(revision) && state.running.is_none() {
        state.loaded_at = Some(revision);
        state.send(worker, Job::Overview, BackupCommand::Overview);
    }
    hint(ui, &t("appbackup-intro"));
    ui.add_space(6.0);
    if let Some(overview) = &state.overview {
        if let Some(warning) = overview.location.warning() {
            error_label(ui, &warning);
            ui.add_space(4.0);
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(t("appbackup-folder"));
            ui.add(
                egui::Label::new(RichText::new(overview.folder.display().to_string()).monospace())
                    .selectable(true),
            );
            if overview.folder.is_dir()
                && ui.small_button(t("appbackup-open-folder")).clicked()
                && let Err(e) = opener::open(&overview.folder)
            {
                log::warn!("could not open the backups folder: {e}");
                state.error = Some(t("appbackup-open-folder-failed"));
            }
        });
    }
    ui.add_space(6.0);
    let busy = state.running.is_some();
    ui.horizontal(|ui| {
        if write_button(ui, !busy, t("appbackup-take")).clicked() {
            let cancel = Arc::new(AtomicBool::new(false));
            state.cancel = Some(Arc::clone(&cancel));
            state.send(
                worker,
                Job::Take,
                BackupCommand::Take {
                    reason: BackupReason::Manual,
                    cancel,
                },
            );
        }
        if ui
            .add_enabled(!busy, egui::Button::new(t("appbackup-check")))
            .on_hover_text(t("appbackup-check-hint"))
            .clicked()
        {
            state.check = None;
            state.send(worker, Job::Check, BackupCommand::Check);
        }
        if let Some((_, job)) = state.running
            && job != Job::Overview
        {
            let text = match job {
                Job::Take => t("appbackup-taking"),
                Job::Restore => t("appbackup-restoring"),
                Job::Check => t("appbackup-checking"),
                Job::Repair => t("appbackup-repairing"),
                _ => String::new(),
            };
            match state.progress {
                Some(p) => {
                    ui.add(
                        egui::ProgressBar::new(p)
                            .desired_width(200.0)
                            .show_percentage()
                            .text(text),
                    );
                }
                None => {
                    ui.spinner();
                    ui.label(text);
                }
            }
            if job == Job::Take
                && let Some(cancel) = &state.cancel
                && ui.button(t("app-cancel")).clicked()
            {
                cancel.store(true, Ordering::Relaxed);
            }
        }
    });
    if let Some(e) = &state.error {
        error_label(ui, e);
    }
    check_result_ui(ui, state, worker);
    ui.add_space(8.0);
    backups_table_ui(ui, state);
    ui.add_space(10.0);
    thinning_ui(ui, state, worker);
    restore_confirmation_ui(ui, state, worker);
}

fn check_result_ui(ui: &mut Ui, state: &mut BackupState, worker: &mut Worker) {
    let Some(check) = &state.check else {
        return;
    };
    let busy = state.running.is_some();
    let mut repair = false;
    let mut close = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width().min(760.0));
        if let Some(b) = &check.backup {
            hint(
                ui,
                &ta(
                    "check-backup-taken",
                    &[("file", Arg::from(b.display().to_string()))],
                ),
            );
        }
        for r in &check.repaired {
            ui.label(ta("check-repaired", &[("what", Arg::from(r.as_str()))]));
        }
        if check.findings.is_empty() {
            ui.label(RichText::new(t("check-ok")).strong());
        } else {
            ui.label(
                RichText::new(ta(
                    "appbackup-check-found",
                    &[("count", Arg::from(check.findings.len()))],
                ))
                .strong(),
            );
            egui::ScrollArea::vertical()
                .id_salt("check-findings")
                .max_height(180.0)
                .show(ui, |ui| {
                    for f in &check.findings {
                        ui.label(format!("• {f}"));
                    }
                });
            hint(
                ui,
                &t(if check.repairable {
                    "appbackup-repair-hint"
                } else {
                    "appbackup-restore-hint"
                }),
            );
        }
        ui.horizontal(|ui| {
            if check.repairable && write_button(ui, !busy, t("appbackup-repair")).clicked() {
                repair = true;
            }
            if ui.button(t("app-close")).clicked() {
                close = true;
            }
        });
    });
    if repair {
        state.send(worker, Job::Repair, BackupCommand::Repair);
    }
    if close {
        state.check = None;
    }
}

fn backups_table_ui(ui: &mut Ui, state: &mut BackupState) {
    let Some(overview) = &state.overview else {
        ui.spinner();
        return;
    };
    if overview.backups.is_empty() {
        hint(ui, &t("appbackup-none"));
        return;
    }
    let busy = state.running.is_some();
    let mut restore = None;
    let row_height = 24.0;
    let height = (row_height * (overview.backups.len() as f32 + 1.5)).min(320.0);
    ui.push_id("backups-table", |ui| {
        TableBuilder::new(ui)
            .striped(true)
            .min_scrolled_height(height)
            .max_scroll_height(height)
            .column(Column::auto().at_least(140.0))
            .column(Column::auto().at_least(200.0))
            .column(Column::auto().at_least(70.0))
            .column(Column::auto().at_least(90.0))
            .column(Column::auto().at_least(90.0))
            .column(Column::remainder())
            .header(row_height, |mut h| {
                for key in [
                    "backup-col-taken",
                    "backup-col-reason",
                    "backup-col-size",
                    "backup-col-employees",
                    "backup-col-certificates",
                ] {
                    h.col(|ui| {
                        ui.strong(t(key));
                    });
                }
                h.col(|_| {});
            })
            .body(|body| {
                body.rows(row_height, overview.backups.len(), |mut row| {
                    let b = &overview.backups[row.index()];
                    row.col(|ui| {
                        ui.label(fmt_datetime(b.taken_at));
                    });
                    row.col(|ui| {
                        ui.label(crate::service::backup::reason_label(b.reason));
                    });
                    row.col(|ui| {
                        ui.label(crate::i18n::fmt_size(b.size));
                    });
                    match &b.content {
                        Some(c) => {
                            row.col(|ui| {
                                ui.label(c.counts.employees.to_string());
                            });
                            row.col(|ui| {
                                ui.label(c.counts.certificates.to_string());
                            });
                        }
                        None => {
                            row.col(|ui| {
                                ui.label(RichText::new(t("backup-unreadable")).color(MUTED));
                            });
                            row.col(|_| {});
                        }
                    }
                    row.col(|ui| {
                        if b.content.is_some()
                            && ui
                                .add_enabled(!busy, egui::Button::new(t("appbackup-restore")))
                                .on_hover_text(b.path.display().to_string())
                                .clicked()
                        {
                            restore = Some(b.clone());
                        }
                    });
                });
            });
    });
    if restore.is_some() {
        state.confirm = restore;
    }
}

fn thinning_ui(ui: &mut Ui, state: &mut BackupState, worker: &mut Worker) {
    let Some(thinning) = &mut state.thinning else {
        return;
    };
    ui.label(RichText::new(t("appbackup-thinning")).strong());
    hint(ui, &t("appbackup-thinning-hint"));
    for (key, value, max) in [
        ("appbackup-keep-all-days", &mut thinning.all_days, 30),
        ("appbackup-keep-daily-days", &mut thinning.daily_days, 365),
        (
            "appbackup-keep-weekly-weeks",
            &mut thinning.weekly_weeks,
            104,
        ),
        (
            "appbackup-keep-monthly-months",
            &mut thinning.monthly_months,
            120,
        ),
    ] {
        ui.horizontal(|ui| {
            let label = ui
                .allocate_ui_with_layout(
                    egui::vec2(260.0, 20.0),
                    egui::Layout::left_to_right(egui::Align::Center),
                    |ui| {
                        ui.set_min_width(260.0);
                        ui.label(t(key))
                    },
                )
                .inner;
            ui.add(egui::DragValue::new(value).range(0..=max).speed(0.1))
                .labelled_by(label.id);
        });
    }
    let stored = state.overview.as_ref().map(|o| o.thinning);
    let dirty = stored != Some(*thinning);
    let busy = state.running.is_some();
    if ui
        .add_enabled(
            dirty && !busy,
            egui::Button::new(t("appbackup-thinning-save")),
        )
        .clicked()
    {
        let thinning = *thinning;
        state.send(
            worker,
            Job::SaveThinning,
            BackupCommand::SaveThinning(thinning),
        );
    }
}

fn restore_confirmation_ui(ui: &mut Ui, state: &mut BackupState, worker: &mut Worker) {
    let Some(backup) = state.confirm.clone() else {
        return;
    };
    let Some(content) = &backup.content else {
        state.confirm = None;
        return;
    };
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("restore-confirm")).show(ui.ctx(), |ui| {
        ui.set_max_width(520.0);
        ui.heading(t("appbackup-restore-title"));
        ui.add_space(6.0);
        ui.add(
            egui::Label::new(ta(
                "appbackup-restore-question",
                &[
                    ("taken", Arg::from(fmt_datetime(backup.taken_at))),
                    ("employees", Arg::from(content.counts.employees)),
                    ("certificates", Arg::from(content.counts.certificates)),
                ],
            ))
            .wrap(),
        );
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if write_button(ui, true, t("appbackup-restore-yes")).clicked() {
                answer = Some(true);
            }
            if ui.button(t("app-cancel")).clicked() {
                answer = Some(false);
            }
        });
    });
    match answer {
        Some(true) => {
            state.confirm = None;
            state.send(worker, Job::Restore, BackupCommand::Restore(backup.path));
        }
        Some(false) => state.confirm = None,
        None => {}
    }
}
