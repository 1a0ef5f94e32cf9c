//! The *Aufbewahrung* screen: the leavers whose retention period is over, and their
//! erasure after a confirmation; the dashboard's reminder; and the settings section with
//! the period and the action.

use egui::{Align, Layout, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::data::Data;
use crate::app::settings::worker_retention::{RetentionCommand, RetentionOutcome, RetentionView};
use crate::app::shell::Screen;
use crate::app::widgets::settings_form::SettingsForm;
use crate::app::widgets::style::{BORDER, MUTED, WARNING_FILL};
use crate::app::widgets::{Notices, error_label, hint, primary_button};
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::Result;
use crate::i18n::{Arg, fmt_date, t, ta};
use crate::service::retention::{MAX_YEARS, RetentionAction, RetentionPolicy};

/// The state of the screen and of the dashboard's reminder.
#[derive(Default)]
pub(crate) struct RetentionState {
    view: Option<RetentionView>,
    /// The data revision the list was loaded at.
    loaded_at: Option<u64>,
    load_pending: Option<Ticket>,
    apply_pending: Option<Ticket>,
    /// The confirmation is open.
    confirm: bool,
    error: Option<String>,
    /// How many are due, for the dashboard, and the revision it was counted at.
    count: Option<usize>,
    counted_at: Option<u64>,
    count_pending: Option<Ticket>,
}

impl RetentionState {
    /// Picks up the answers to this screen's commands; returns the others.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
        notices: &mut Notices,
    ) -> Option<Result<Outcome>> {
        if self.count_pending == Some(ticket) {
            self.count_pending = None;
            match result {
                Ok(Outcome::Retention(RetentionOutcome::Count(n))) => self.count = Some(n),
                Ok(_) => {}
                // The reminder is a convenience: a failure shows no count.
                Err(e) => {
                    log::warn!("retention count failed: {e}");
                    self.count = None;
                }
            }
            return None;
        }
        if self.load_pending == Some(ticket) {
            self.load_pending = None;
            match result {
                Ok(Outcome::Retention(RetentionOutcome::Loaded(view))) => {
                    self.count = Some(view.due.len());
                    self.view = Some(*view);
                }
                Ok(_) => {}
                Err(e) => self.error = Some(e.user_message()),
            }
            return None;
        }
        if self.apply_pending == Some(ticket) {
            self.apply_pending = None;
            self.loaded_at = None;
            match result {
                Ok(Outcome::Retention(RetentionOutcome::Applied(report))) => {
                    if report.failed.is_some() {
                        self.error = Some(report.describe());
                    } else {
                        notices.success(report.describe());
                    }
                }
                Ok(_) => {}
                Err(e) => self.error = Some(e.user_message()),
            }
            return None;
        }
        Some(result)
    }

    fn busy(&self) -> bool {
        self.apply_pending.is_some()
    }
}

/// Draws the screen; returns the screen the user wants to go to (the settings).
pub(crate) fn retention_ui(
    ui: &mut Ui,
    state: &mut RetentionState,
    data: &Data,
    worker: &mut Worker,
) -> Option<Screen> {
    if state.loaded_at != Some(data.revision)
        && state.load_pending.is_none()
        && state.apply_pending.is_none()
    {
        state.loaded_at = Some(data.revision);
        state.load_pending = Some(worker.send(Command::Retention(RetentionCommand::Load)));
    }
    let mut go = None;
    ui.horizontal(|ui| {
        ui.heading(t("appret-title"));
        if state.load_pending.is_some() {
            ui.spinner();
        }
    });
    ui.add_space(4.0);
    hint(ui, &t("appret-intro"));
    ui.add_space(6.0);
    let Some(view) = state.view.clone() else {
        if let Some(e) = &state.error {
            error_label(ui, e);
        }
        return None;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(ta(
            "retention-policy",
            &[
                ("years", Arg::from(view.policy.years)),
                ("action", Arg::from(view.policy.action.code())),
            ],
        ));
        if ui.link(t("appret-change-settings")).clicked() {
            go = Some(Screen::Settings);
        }
    });
    ui.add_space(8.0);
    if let Some(e) = &state.error {
        error_label(ui, e);
        ui.add_space(4.0);
    }
    if view.due.is_empty() {
        ui.label(RichText::new(t("appret-none")).strong());
        return go;
    }
    ui.add(
        egui::Label::new(
            RichText::new(ta(
                "appret-reminder",
                &[("count", Arg::from(view.due.len()))],
            ))
            .strong(),
        )
        .wrap(),
    );
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let label = ta(
            "appret-apply",
            &[("action", Arg::from(view.policy.action.code()))],
        );
        if ui
            .add_enabled(!state.busy(), primary_button(label))
            .clicked()
        {
            state.error = None;
            state.confirm = true;
        }
        if state.busy() {
            ui.spinner();
            ui.label(t("appret-applying"));
        }
    });
    ui.add_space(6.0);
    due_table_ui(ui, &view);
    confirmation_ui(ui, state, &view, worker);
    go
}

/// The virtualised list of who is due.
fn due_table_ui(ui: &mut Ui, view: &RetentionView) {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    ui.push_id("retention-due", |ui| {
        TableBuilder::new(ui)
            .id_salt("retention-due-table")
            .striped(true)
            .resizable(false)
            .auto_shrink([false, false])
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::exact(110.0))
            .column(Column::remainder().at_least(160.0).clip(true))
            .column(Column::exact(90.0).clip(true))
            .column(Column::exact(96.0))
            .column(Column::exact(96.0))
            .column(Column::exact(90.0))
            .column(Column::exact(80.0))
            .header(row_height, |mut header| {
                for key in [
                    "field-personnel-number",
                    "cli-name",
                    "field-department",
                    "retention-col-exit",
                    "retention-col-due-since",
                    "retention-col-attendance",
                    "retention-col-certificates",
                ] {
                    header.col(|ui| {
                        ui.label(RichText::new(t(key)).small().color(MUTED));
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, view.due.len(), |mut row| {
                    let Some(d) = view.due.get(row.index()) else {
                        return;
                    };
                    row.col(|ui| {
                        ui.label(&d.personnel_number);
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(d.name()).truncate());
                    });
                    row.col(|ui| {
                        let code = d.department.clone().unwrap_or_default();
                        let r = ui.add(egui::Label::new(code).truncate());
                        if let Some(name) = &d.department_name {
                            r.on_hover_text(name);
                        }
                    });
                    row.col(|ui| {
                        ui.label(fmt_date(d.exit_date));
                    });
                    row.col(|ui| {
                        ui.label(fmt_date(d.due_since));
                    });
                    row.col(|ui| {
                        ui.label(d.attendance.to_string());
                    });
                    row.col(|ui| {
                        ui.label(d.certificates.to_string());
                    });
                });
            });
    });
}

fn confirmation_ui(
    ui: &mut Ui,
    state: &mut RetentionState,
    view: &RetentionView,
    worker: &mut Worker,
) {
    if !state.confirm {
        return;
    }
    let action = view.policy.action;
    let count = view.due.len();
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("retention-confirm")).show(ui.ctx(), |ui| {
        ui.set_max_width(540.0);
        ui.heading(ta(
            "appret-confirm-title",
            &[("action", Arg::from(action.code()))],
        ));
        ui.add_space(6.0);
        ui.add(
            egui::Label::new(ta(
                "appret-confirm-question",
                &[
                    ("count", Arg::from(count)),
                    ("action", Arg::from(action.code())),
                    (
                        "attendance",
                        Arg::from(view.due.iter().map(|d| d.attendance).sum::<i64>()),
                    ),
                    (
                        "certificates",
                        Arg::from(view.due.iter().map(|d| d.certificates).sum::<i64>()),
                    ),
                ],
            ))
            .wrap(),
        );
        ui.add_space(4.0);
        ui.add(egui::Label::new(action.explanation()).wrap());
        ui.add_space(4.0);
        hint(ui, &t("appret-confirm-undo"));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            let yes = ta(
                "appret-confirm-yes",
                &[
                    ("count", Arg::from(count)),
                    ("action", Arg::from(action.code())),
                ],
            );
            if ui.add(primary_button(yes)).clicked() {
                answer = Some(true);
            }
            if ui.button(t("app-cancel")).clicked() {
                answer = Some(false);
            }
        });
    });
    match answer {
        Some(true) => {
            state.confirm = false;
            state.apply_pending = Some(worker.send(Command::Retention(RetentionCommand::Apply)));
        }
        Some(false) => state.confirm = false,
        None => {}
    }
}

/// The dashboard's reminder: a line when leavers are past their retention period, which
/// links to the screen. Asks the worker for the count after every change. Returns true
/// when the user clicked it.
pub(crate) fn reminder_ui(
    ui: &mut Ui,
    state: &mut RetentionState,
    data: &Data,
    worker: &mut Worker,
) -> bool {
    if state.counted_at != Some(data.revision) && state.count_pending.is_none() {
        state.counted_at = Some(data.revision);
        state.count_pending = Some(worker.send(Command::Retention(RetentionCommand::Count)));
    }
    let Some(count) = state.count.filter(|&n| n > 0) else {
        return false;
    };
    let mut clicked = false;
    egui::Frame::new()
        .fill(WARNING_FILL)
        .stroke(egui::Stroke::new(1.0, BORDER))
        .corner_radius(6)
        .inner_margin(egui::Margin::symmetric(12, 6))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let text = ta("appret-reminder", &[("count", Arg::from(count))]);
                let r = ui
                    .add(egui::Label::new(RichText::new(text).strong()).sense(Sense::click()))
                    .on_hover_text(t("appret-reminder-hint"));
                clicked |= r.clicked();
                clicked |= ui.link(t("appret-reminder-open")).clicked();
            });
        });
    clicked
}

/// The retention settings as edited, until saved.
pub(crate) type RetentionSettings = SettingsForm<RetentionPolicy>;

/// Picks up the answers to the retention section's commands; returns the others.
pub(crate) fn retention_settings_finished(
    form: &mut RetentionSettings,
    ticket: Ticket,
    result: Result<Outcome>,
    notices: &mut Notices,
) -> Option<Result<Outcome>> {
    form.on_finished(
        ticket,
        result,
        |outcome| match outcome {
            Outcome::Retention(RetentionOutcome::Loaded(view)) => Some(view.policy),
            _ => None,
        },
        "appret-settings-saved",
        notices,
    )
}

/// The *Aufbewahrung* section of the settings: the period in years after the exit date
/// and what happens then.
pub(crate) fn retention_settings_ui(
    ui: &mut Ui,
    form: &mut RetentionSettings,
    revision: u64,
    worker: &mut Worker,
) {
    form.load_if_stale(revision, worker, || {
        Command::Retention(RetentionCommand::Load)
    });
    hint(ui, &t("appret-settings-hint"));
    ui.add_space(4.0);
    let busy = form.is_saving();
    let Some(policy) = &mut form.edited else {
        ui.spinner();
        return;
    };
    egui::Grid::new("settings-retention")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .min_col_width(180.0)
        .show(ui, |ui| {
            let label = ui.label(t("appret-settings-years"));
            ui.add_enabled(
                !busy,
                egui::DragValue::new(&mut policy.years)
                    .range(1..=MAX_YEARS)
                    .speed(0.1),
            )
            .labelled_by(label.id);
            ui.end_row();
            ui.label(t("appret-settings-action"));
            ui.vertical(|ui| {
                for action in RetentionAction::ALL {
                    ui.add_enabled_ui(!busy, |ui| {
                        ui.radio_value(&mut policy.action, action, action.label());
                    });
                }
                hint(ui, &policy.action.explanation());
            });
            ui.end_row();
        });
    if let Some(policy) = form.save_row_ui(ui, "appret-settings-save") {
        form.saving(worker.send(Command::Retention(RetentionCommand::SavePolicy(policy))));
    }
}
