//! The welcome screen of an empty database: load a sample administration or start empty.

use crate::app::widgets::write_button;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use egui::{Align, Layout, RichText, Ui};

use crate::app::widgets::style::{BORDER, MUTED};
use crate::app::widgets::{Notices, error_label, hint};
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::{Error, Result};
use crate::i18n::t;
use crate::service::demo::DemoOptions;

/// A demo generation under way.
struct DemoRun {
    ticket: Ticket,
    cancel: Arc<AtomicBool>,
    progress: f32,
}

/// The state of the welcome screen.
pub(crate) struct WelcomeState {
    /// How many employees the sample administration gets.
    pub employees: usize,
    /// The user chose to start empty.
    pub dismissed: bool,
    run: Option<DemoRun>,
    error: Option<String>,
}

impl Default for WelcomeState {
    fn default() -> Self {
        WelcomeState {
            employees: 400,
            dismissed: false,
            run: None,
            error: None,
        }
    }
}

impl WelcomeState {
    /// True while the sample administration is being generated.
    pub fn is_running(&self) -> bool {
        self.run.is_some()
    }

    pub fn on_progress(&mut self, ticket: Ticket, fraction: f32) {
        if let Some(run) = &mut self.run
            && run.ticket == ticket
        {
            run.progress = fraction.clamp(0.0, 1.0);
        }
    }

    /// Picks up the answer to the demo command; returns it if it is not ours.
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
            Ok(Outcome::Demo(summary)) => {
                let text = if summary.trim().is_empty() {
                    t("app-demo-done")
                } else {
                    summary
                };
                notices.success(text);
                self.error = None;
            }
            Ok(_) => {}
            Err(Error::Cancelled) => self.error = Some(t("app-demo-cancelled")),
            Err(e) => self.error = Some(e.user_message()),
        }
        None
    }
}

/// The width of the two choices' cards.
const CARD_WIDTH: f32 = 580.0;

/// Draws the welcome screen.
pub(crate) fn welcome_ui(ui: &mut Ui, state: &mut WelcomeState, worker: &mut Worker) {
    ui.add_space((ui.available_height() * 0.12).min(80.0));
    ui.vertical_centered(|ui| {
        ui.set_max_width(640.0);
        ui.label(RichText::new(t("app-welcome-title")).size(28.0).strong());
        ui.add_space(8.0);
        ui.label(t("app-welcome-intro"));
        ui.add_space(24.0);
    });
    ui.vertical_centered(|ui| {
        ui.set_max_width(640.0);
        egui::Frame::new()
            .stroke(egui::Stroke::new(1.0, BORDER))
            .corner_radius(8)
            .inner_margin(20)
            .show(ui, |ui| {
                ui.set_width(CARD_WIDTH);
                ui.with_layout(Layout::top_down(Align::Min), |ui| {
                    ui.label(
                        RichText::new(t("app-welcome-demo-title"))
                            .strong()
                            .size(17.0),
                    );
                    ui.add_space(4.0);
                    hint(ui, &t("app-welcome-demo-text"));
                    ui.add_space(10.0);
                    match &state.run {
                        Some(run) => {
                            ui.add(
                                egui::ProgressBar::new(run.progress)
                                    .show_percentage()
                                    .animate(true),
                            );
                            ui.add_space(6.0);
                            ui.horizontal(|ui| {
                                let cancelled = run.cancel.load(Ordering::Relaxed);
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
                        None => {
                            ui.horizontal(|ui| {
                                let label = ui.label(t("app-welcome-demo-employees"));
                                ui.add(
                                    egui::DragValue::new(&mut state.employees)
                                        .range(10..=10_000)
                                        .speed(10),
                                )
                                .labelled_by(label.id);
                            });
                            ui.add_space(6.0);
                            if write_button(ui, true, t("app-welcome-demo-load")).clicked() {
                                let cancel = Arc::new(AtomicBool::new(false));
                                let ticket = worker.send(Command::GenerateDemo {
                                    options: DemoOptions {
                                        employees: state.employees,
                                        seed: 1,
                                    },
                                    cancel: Arc::clone(&cancel),
                                });
                                state.error = None;
                                state.run = Some(DemoRun {
                                    ticket,
                                    cancel,
                                    progress: 0.0,
                                });
                            }
                        }
                    }
                    if let Some(error) = &state.error {
                        ui.add_space(6.0);
                        error_label(ui, error);
                    }
                });
            });
        ui.add_space(16.0);
        egui::Frame::new()
            .stroke(egui::Stroke::new(1.0, BORDER))
            .corner_radius(8)
            .inner_margin(20)
            .show(ui, |ui| {
                ui.set_width(CARD_WIDTH);
                ui.with_layout(Layout::top_down(Align::Min), |ui| {
                    ui.label(
                        RichText::new(t("app-welcome-empty-title"))
                            .strong()
                            .size(17.0),
                    );
                    ui.add_space(4.0);
                    hint(ui, &t("app-welcome-empty-text"));
                    ui.add_space(10.0);
                    if ui
                        .add_enabled(
                            state.run.is_none(),
                            egui::Button::new(t("app-welcome-empty-start")),
                        )
                        .clicked()
                    {
                        state.dismissed = true;
                    }
                });
            });
    });
}
