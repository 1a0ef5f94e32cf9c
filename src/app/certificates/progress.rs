//! The "Programme" section of the employee page: per program a progress bar with the
//! requirements in words, the valid certificate if any, and "Zertifikat ausstellen" for
//! the eligible (which opens the issue window over the app).

use egui::{Id, RichText, Ui};

use crate::app::certificates::verify::{status_color, status_word};
use crate::app::data::Data;
use crate::app::widgets::style::{BORDER, MUTED, SUCCESS};
use crate::i18n::{Arg, fmt_date, t, ta};
use crate::model::{EmployeeId, ProgramId};
use crate::service::eligibility::requirement_text;

/// Where the employee page leaves its request to issue a certificate for the app to take.
fn request_id() -> Id {
    Id::unique("appcert-issue-request")
}

/// Asks the app to open the issue window for `employee` in `program` (taken at the end
/// of the frame by [`take_issue_request`]).
pub(crate) fn request_issue(ctx: &egui::Context, program: ProgramId, employee: EmployeeId) {
    ctx.data_mut(|d| d.insert_temp(request_id(), Some((program, employee))));
}

/// The issue request left by the employee page, if any; taking it removes it.
pub(crate) fn take_issue_request(ctx: &egui::Context) -> Option<(ProgramId, EmployeeId)> {
    ctx.data_mut(|d| d.remove_temp::<Option<(ProgramId, EmployeeId)>>(request_id()))
        .flatten()
}

/// Draws the employee's standing in every program that is not archived.
pub(crate) fn employee_programs_ui(ui: &mut Ui, employee: EmployeeId, data: &Data) {
    let certs = &data.certs;
    ui.strong(t("appcert-employee-programs"));
    let programs: Vec<_> = certs
        .programs
        .iter()
        .filter(|p| !p.program.archived)
        .collect();
    if programs.is_empty() {
        ui.label(RichText::new(t("appcert-employee-no-programs")).color(MUTED));
        return;
    }
    for view in programs {
        let Some(standing) = view.standing(employee) else {
            continue;
        };
        let e = &standing.eligibility;
        egui::Frame::new()
            .stroke(egui::Stroke::new(1.0, BORDER))
            .corner_radius(6)
            .inner_margin(egui::Margin::symmetric(10, 6))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.label(RichText::new(view.title()).strong());
                    ui.label(RichText::new(&view.program.code).color(MUTED));
                });
                let text = ta(
                    "appcert-employee-met",
                    &[
                        ("met", Arg::from(e.met_count())),
                        ("total", Arg::from(e.requirements.len())),
                    ],
                );
                let width = ui.available_width().min(320.0);
                crate::app::certificates::programs::progress_bar_ui(ui, e, width, text);
                if e.left {
                    ui.label(RichText::new(t("elig-left")).color(MUTED));
                }
                for r in &e.requirements {
                    let (mark, color) = if r.met {
                        ("✓", SUCCESS)
                    } else {
                        ("○", MUTED)
                    };
                    ui.add(
                        egui::Label::new(
                            RichText::new(format!("{mark} {}", requirement_text(r, &certs.names)))
                                .color(color),
                        )
                        .wrap(),
                    );
                }
                match &standing.valid {
                    Some(held) => {
                        let until = held
                            .valid_until
                            .map(fmt_date)
                            .unwrap_or_else(|| t("appcert-no-expiry"));
                        ui.horizontal_wrapped(|ui| {
                            ui.label(ta(
                                "appcert-holds",
                                &[
                                    ("serial", Arg::from(held.serial.as_str())),
                                    ("until", Arg::from(until)),
                                ],
                            ));
                            ui.label(
                                RichText::new(status_word(held.status))
                                    .color(status_color(held.status))
                                    .strong(),
                            );
                        });
                    }
                    None if standing.is_due() => {
                        ui.horizontal(|ui| {
                            ui.label(RichText::new(t("appcert-all-met")).color(SUCCESS));
                            if ui
                                .add(crate::app::widgets::primary_button(t(
                                    "appcert-issue-one-open",
                                )))
                                .clicked()
                            {
                                request_issue(ui.ctx(), view.program.id, employee);
                            }
                        });
                    }
                    None => {}
                }
            });
        ui.add_space(4.0);
    }
}
