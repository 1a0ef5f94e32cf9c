//! The Dashboard, the start screen: what needs doing now — certificates that expire soon,
//! people who could be certified, the next sessions — and coverage per top-level department.

use std::sync::Arc;

use chrono::Datelike;
use egui::{Align, Align2, Color32, Layout, RichText, Sense, Ui, Vec2};
use egui_extras::{Column, TableBuilder};
use egui_plot::{Bar, BarChart, GridInput, GridMark, Plot, PlotPoint, Text};

use crate::app::data::Data;
use crate::app::reports::worker::{DashboardView, ReportsState};
use crate::app::shell::Screen;
use crate::app::widgets::hint;
use crate::app::widgets::style::{ACCENT, BORDER, ERROR, MUTED};
use crate::app::worker::Worker;
use crate::i18n::{Arg, fmt_date, fmt_session, t, ta};
use crate::model::SessionRow;
use crate::model::{EmployeeId, ProgramId, SessionId};

/// What a report screen asks for that leaves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReportAction {
    /// Show this employee (Employees screen, their form open).
    ShowEmployee(EmployeeId),
    /// Go to another screen.
    Open(Screen),
    /// Go to the Seminars screen with the roster of this session open.
    OpenSession(SessionId),
    /// Go to the Certificates screen, showing the ones that expire soon.
    ExpiringCertificates,
    /// Go to the Programs screen to issue certificates of this program.
    Issue(ProgramId),
    /// Go to the Verlängerungen screen, filtered to this band.
    Renewals(Option<crate::rules::Band>),
}

/// The Dashboard's own state.
#[derive(Debug, Default)]
pub(crate) struct DashboardState {
    /// The program the chart shows; `None` = the main program.
    pub chart_program: Option<ProgramId>,
}

/// Certificates expiring within this many days count as urgent (shown in red).
const URGENT_DAYS: i64 = 30;
/// Space between the cards.
const GAP: f32 = 14.0;

/// Draws the Dashboard; returns where the user wants to go.
pub(crate) fn dashboard_ui(
    ui: &mut Ui,
    reports: &mut ReportsState,
    retention: &mut crate::app::settings::retention::RetentionState,
    data: &Data,
    worker: &mut Worker,
) -> Option<ReportAction> {
    ui.horizontal(|ui| {
        ui.heading(t("apprep-dashboard-title"));
        ui.label(
            RichText::new(ta(
                "apprep-dashboard-subtitle",
                &[
                    ("date", Arg::from(fmt_date(data.today))),
                    ("employees", Arg::from(data.active_employees())),
                ],
            ))
            .color(MUTED),
        );
    });
    ui.add_space(8.0);
    // Leavers past their retention period: a reminder that leads to the screen.
    let retention_clicked =
        crate::app::settings::retention::reminder_ui(ui, retention, data, worker);
    if retention_clicked {
        return Some(ReportAction::Open(Screen::Retention));
    }
    let view = Arc::clone(&data.dashboard);

    let mut action = None;
    let avail = ui.available_size();
    let width = ((avail.x - GAP) / 2.0).max(360.0);
    let top = ((avail.y - GAP) * 0.5).max(250.0);
    let bottom = (avail.y - GAP - top).max(250.0);
    egui::ScrollArea::vertical()
        .id_salt("dashboard")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                ui.spacing_mut().item_spacing.x = GAP;
                card_ui(ui, Vec2::new(width, top), |ui| {
                    expiring_ui(ui, &view, &mut action);
                });
                card_ui(ui, Vec2::new(width, top), |ui| {
                    due_ui(ui, &view, &mut action);
                });
            });
            ui.add_space(GAP - ui.spacing().item_spacing.y);
            ui.horizontal_top(|ui| {
                ui.spacing_mut().item_spacing.x = GAP;
                card_ui(ui, Vec2::new(width, bottom), |ui| {
                    sessions_ui(ui, &view, &mut action);
                });
                card_ui(ui, Vec2::new(width, bottom), |ui| {
                    let main = reports.dashboard_screen.chart_program.or(view.main_program);
                    let mut chosen = main;
                    chart_ui(ui, &view, &mut chosen);
                    if chosen != main {
                        reports.dashboard_screen.chart_program = chosen;
                    }
                });
            });
        });
    action
}

/// A framed card of exactly `size`, its contents top-down.
fn card_ui(ui: &mut Ui, size: Vec2, add_contents: impl FnOnce(&mut Ui)) {
    let margin = 14.0;
    ui.allocate_ui_with_layout(size, Layout::top_down(Align::Min), |ui| {
        egui::Frame::new()
            .stroke(egui::Stroke::new(1.0, BORDER))
            .corner_radius(8)
            .inner_margin(margin)
            .show(ui, |ui| {
                let inner = size - Vec2::splat(2.0 * margin + 2.0);
                ui.set_min_size(inner);
                ui.set_max_size(inner);
                add_contents(ui);
            });
    });
}

/// A card's title with an optional count beside it.
fn card_title(ui: &mut Ui, title: &str, count: Option<usize>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(title).strong().size(17.0));
        if let Some(n) = count {
            ui.label(
                RichText::new(n.to_string())
                    .strong()
                    .size(17.0)
                    .color(ACCENT),
            );
        }
    });
}

fn expiring_ui(ui: &mut Ui, view: &DashboardView, action: &mut Option<ReportAction>) {
    card_title(ui, &t("apprep-expiring-title"), Some(view.expiring.len()));
    hint(
        ui,
        &ta(
            "apprep-expiring-summary",
            &[("count", Arg::from(view.expiring.len()))],
        ),
    );
    renewal_counts_ui(ui, view, action);
    ui.add_space(4.0);
    let footer = ui.spacing().interact_size.y + 10.0;
    if !view.expiring.is_empty() {
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        let height = (ui.available_height() - footer - row_height).max(row_height * 2.0);
        ui.push_id("expiring", |ui| {
            TableBuilder::new(ui)
                .id_salt("dashboard-expiring")
                .striped(true)
                .sense(Sense::click())
                .resizable(false)
                .max_scroll_height(height)
                .min_scrolled_height(height.min(120.0))
                .auto_shrink([false, true])
                .cell_layout(Layout::left_to_right(Align::Center))
                .column(Column::remainder().at_least(120.0).clip(true))
                .column(Column::exact(70.0).clip(true))
                .column(Column::exact(92.0))
                .column(Column::exact(64.0))
                .header(row_height, |mut header| {
                    for key in [
                        "apprep-col-name",
                        "apprep-col-program",
                        "apprep-col-valid-until",
                        "apprep-col-days-left",
                    ] {
                        header.col(|ui| {
                            ui.label(RichText::new(t(key)).small().color(MUTED));
                        });
                    }
                })
                .body(|body| {
                    body.rows(row_height, view.expiring.len(), |mut row| {
                        let Some(item) = view.expiring.get(row.index()) else {
                            return;
                        };
                        let program = view.programs.get(item.program);
                        row.col(|ui| {
                            ui.add(egui::Label::new(&item.name).truncate())
                                .on_hover_text(ta(
                                    "apprep-open-employee",
                                    &[("number", Arg::from(&item.personnel_number))],
                                ));
                        });
                        row.col(|ui| {
                            let code = program.map(|p| p.code.as_str()).unwrap_or_default();
                            let title = program.map(|p| p.title.as_str()).unwrap_or_default();
                            ui.add(egui::Label::new(code).truncate())
                                .on_hover_text(title);
                        });
                        row.col(|ui| {
                            ui.label(fmt_date(item.until));
                        });
                        row.col(|ui| {
                            let text =
                                ta("apprep-days-left", &[("days", Arg::from(item.days_left))]);
                            let color = if item.days_left <= URGENT_DAYS {
                                ERROR
                            } else {
                                ui.visuals().text_color()
                            };
                            ui.label(RichText::new(text).color(color));
                        });
                        if row.response().clicked() {
                            *action = Some(ReportAction::ShowEmployee(item.employee_id));
                        }
                    });
                });
        });
    }
    ui.with_layout(Layout::bottom_up(Align::Min), |ui| {
        if ui.button(t("apprep-to-certificates")).clicked() {
            *action = Some(ReportAction::ExpiringCertificates);
        }
    });
}

/// The certificates due for renewal per band, each a link to the Verlängerungen screen
/// filtered to it.
fn renewal_counts_ui(ui: &mut Ui, view: &DashboardView, action: &mut Option<ReportAction>) {
    let thresholds = &view.renewal_thresholds;
    let lang = crate::i18n::language();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(t("renew-dashboard-label")).color(MUTED));
        for (band, count) in crate::rules::Band::ALL.into_iter().zip(view.renewals) {
            let label =
                crate::service::renewals::band_label(band, thresholds, thresholds.far, lang);
            let text = ta(
                "renew-dashboard-count",
                &[("band", Arg::from(label)), ("count", Arg::from(count))],
            );
            let mut rich = RichText::new(text);
            if count > 0 && band == crate::rules::Band::Expired {
                rich = rich.color(ERROR);
            }
            // A count moves to the next line whole, never broken inside.
            let link = ui
                .scope(|ui| {
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
                    ui.link(rich)
                })
                .inner;
            if link.on_hover_text(t("renew-dashboard-hint")).clicked() {
                *action = Some(ReportAction::Renewals(Some(band)));
            }
        }
    });
}

fn due_ui(ui: &mut Ui, view: &DashboardView, action: &mut Option<ReportAction>) {
    let total: usize = view.due.iter().map(|d| d.count).sum();
    card_title(ui, &t("apprep-due-title"), Some(total));
    if view.programs.is_empty() {
        hint(ui, &t("report-no-programs"));
        return;
    }
    hint(ui, &t("apprep-due-hint"));
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .id_salt("dashboard-due")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (program, due) in view.programs.iter().zip(&view.due) {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(&program.title).strong());
                    ui.label(RichText::new(&program.code).color(MUTED));
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        let button = egui::Button::new(t("apprep-issue"));
                        if ui
                            .add_enabled(due.count > 0, button)
                            .on_hover_text(ta(
                                "apprep-issue-hint",
                                &[("program", Arg::from(&program.title))],
                            ))
                            .clicked()
                        {
                            *action = Some(ReportAction::Issue(program.id));
                        }
                    });
                });
                ui.label(
                    RichText::new(ta("apprep-due-count", &[("count", Arg::from(due.count))]))
                        .color(if due.count > 0 { ACCENT } else { MUTED }),
                );
                if !due.first.is_empty() {
                    ui.horizontal_wrapped(|ui| {
                        ui.spacing_mut().item_spacing.x = 4.0;
                        let last = due.first.len() - 1;
                        for (i, (id, name)) in due.first.iter().enumerate() {
                            let text = if i < last || due.count > due.first.len() {
                                format!("{name},")
                            } else {
                                name.clone()
                            };
                            if ui
                                .add(
                                    egui::Label::new(RichText::new(text).small())
                                        .sense(Sense::click()),
                                )
                                .on_hover_text(t("apprep-open-employee-short"))
                                .clicked()
                            {
                                *action = Some(ReportAction::ShowEmployee(*id));
                            }
                        }
                        let more = due.count.saturating_sub(due.first.len());
                        if more > 0 {
                            ui.label(
                                RichText::new(ta("apprep-due-more", &[("count", Arg::from(more))]))
                                    .small()
                                    .color(MUTED),
                            );
                        }
                    });
                }
                ui.add_space(6.0);
                ui.separator();
                ui.add_space(2.0);
            }
        });
}

/// "Mo 16.03. 09:00" (German) or "Mon 2026-03-16 09:00"; a session over several days as
/// its days ("01.03.–31.03.2026").
fn session_when(session: &SessionRow) -> String {
    let start = session.session.starts_at;
    let end = session.session.ends_at;
    if end.date() > start.date() {
        return fmt_session(start, end);
    }
    let weekday = ta(
        "apprep-weekday",
        &[(
            "day",
            Arg::from(start.date().weekday().number_from_monday()),
        )],
    );
    // E-learning periods start at midnight: the day says it all.
    if start.time() == chrono::NaiveTime::MIN {
        format!("{weekday} {}", fmt_date(start.date()))
    } else {
        format!(
            "{weekday} {} {}",
            fmt_date(start.date()),
            start.format("%H:%M")
        )
    }
}

fn sessions_ui(ui: &mut Ui, view: &DashboardView, action: &mut Option<ReportAction>) {
    card_title(ui, &t("apprep-sessions-title"), Some(view.sessions.len()));
    if view.sessions.is_empty() {
        hint(ui, &t("apprep-sessions-none"));
    } else {
        hint(ui, &t("apprep-sessions-hint"));
    }
    ui.add_space(4.0);
    let footer = ui.spacing().interact_size.y + 10.0;
    if !view.sessions.is_empty() {
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        let height = (ui.available_height() - footer - row_height).max(row_height * 2.0);
        ui.push_id("sessions", |ui| {
            TableBuilder::new(ui)
                .id_salt("dashboard-sessions")
                .striped(true)
                .sense(Sense::click())
                .resizable(false)
                .max_scroll_height(height)
                .min_scrolled_height(height.min(120.0))
                .auto_shrink([false, true])
                .cell_layout(Layout::left_to_right(Align::Center))
                .column(Column::exact(150.0))
                .column(Column::remainder().at_least(120.0).clip(true))
                .column(Column::exact(70.0))
                .header(row_height, |mut header| {
                    for key in [
                        "apprep-col-when",
                        "apprep-col-seminar",
                        "apprep-col-participants",
                    ] {
                        header.col(|ui| {
                            ui.label(RichText::new(t(key)).small().color(MUTED));
                        });
                    }
                })
                .body(|body| {
                    body.rows(row_height, view.sessions.len(), |mut row| {
                        let Some(s) = view.sessions.get(row.index()) else {
                            return;
                        };
                        row.col(|ui| {
                            ui.label(session_when(s));
                        });
                        row.col(|ui| {
                            let hover = format!(
                                "{} {}\n{}\n{}",
                                s.seminar_code,
                                s.seminar_title,
                                s.session.location,
                                fmt_session(s.session.starts_at, s.session.ends_at),
                            );
                            ui.add(egui::Label::new(&s.seminar_title).truncate())
                                .on_hover_text(hover);
                        });
                        row.col(|ui| {
                            let participants = u32::try_from(s.participants).unwrap_or(0);
                            let (text, full) = match s.session.capacity {
                                Some(cap) => (format!("{participants}/{cap}"), participants >= cap),
                                None => (participants.to_string(), false),
                            };
                            let mut rich = RichText::new(text);
                            if full {
                                rich = rich.strong();
                            }
                            ui.label(rich).on_hover_text(match s.session.capacity {
                                Some(cap) => ta(
                                    "apprep-participants-of",
                                    &[
                                        ("count", Arg::from(participants)),
                                        ("capacity", Arg::from(cap)),
                                    ],
                                ),
                                None => {
                                    ta("apprep-participants", &[("count", Arg::from(participants))])
                                }
                            });
                        });
                        if row
                            .response()
                            .on_hover_text(t("apprep-open-session"))
                            .clicked()
                        {
                            *action = Some(ReportAction::OpenSession(s.session.id));
                        }
                    });
                });
        });
    }
    ui.with_layout(Layout::bottom_up(Align::Min), |ui| {
        if ui.button(t("apprep-to-seminars")).clicked() {
            *action = Some(ReportAction::Open(Screen::Seminars));
        }
    });
}

/// Shortens `text` to at most `max` characters, with "…".
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s = s.trim_end().to_owned();
        s.push('…');
        s
    }
}

/// The bar colour for a coverage: the accent, lighter for low coverage.
fn bar_color(percent: f64) -> Color32 {
    let strength = (0.45 + percent / 100.0 * 0.55).clamp(0.45, 1.0) as f32;
    ACCENT.gamma_multiply(strength)
}

fn chart_ui(ui: &mut Ui, view: &DashboardView, program: &mut Option<ProgramId>) {
    card_title(ui, &t("apprep-chart-title"), None);
    if view.programs.len() > 1 {
        ui.horizontal(|ui| {
            let label = ui.label(t("apprep-program"));
            let selected = view
                .programs
                .iter()
                .find(|p| Some(p.id) == *program)
                .map(|p| p.title.clone())
                .unwrap_or_default();
            egui::ComboBox::from_id_salt("dashboard-chart-program")
                .selected_text(selected)
                .width(240.0)
                .truncate()
                .show_ui(ui, |ui| {
                    for p in &view.programs {
                        ui.selectable_value(program, Some(p.id), &p.title);
                    }
                })
                .response
                .labelled_by(label.id);
        });
    }
    let Some(j) = view
        .programs
        .iter()
        .position(|p| Some(p.id) == *program)
        .or(if view.programs.is_empty() {
            None
        } else {
            Some(0)
        })
    else {
        hint(ui, &t("report-no-programs"));
        return;
    };
    if view.chart.is_empty() {
        hint(ui, &t("apprep-chart-empty"));
        return;
    }
    if let Some(total) = view.total.get(j) {
        hint(
            ui,
            &ta(
                "apprep-chart-total",
                &[
                    ("valid", Arg::from(total.valid)),
                    ("employees", Arg::from(total.employees)),
                    ("percent", Arg::from(fmt_percent(total.coverage_percent()))),
                ],
            ),
        );
    }
    ui.add_space(4.0);

    let n = view.chart.len();
    // The first department at the top: bar i sits at y = n - 1 - i.
    let y_of = |i: usize| (n - 1 - i) as f64;
    let labels: Vec<String> = view.chart.iter().map(|d| shorten(&d.name, 26)).collect();
    let mut bars = Vec::with_capacity(n);
    let mut texts = Vec::with_capacity(n);
    for (i, d) in view.chart.iter().enumerate() {
        let f = d.figures.get(j).copied().unwrap_or_default();
        let percent = f.coverage_percent();
        bars.push(
            Bar::new(y_of(i), percent)
                .name(ta(
                    "apprep-chart-tooltip",
                    &[
                        (
                            "department",
                            Arg::from(format!("{} {}", d.code, d.name).trim()),
                        ),
                        ("valid", Arg::from(f.valid)),
                        ("employees", Arg::from(f.employees)),
                        ("percent", Arg::from(fmt_percent(percent))),
                    ],
                ))
                .width(0.62)
                .fill(bar_color(percent)),
        );
        texts.push((y_of(i), percent, format!("{} %", fmt_percent(percent))));
    }
    let max = view
        .chart
        .iter()
        .filter_map(|d| d.figures.get(j))
        .map(|f| f.coverage_percent())
        .fold(0.0_f64, f64::max);
    // Room for the labels after the bars; a scale that fits the data, not always 100 %.
    let x_max = ((max * 1.25 / 10.0).ceil() * 10.0).clamp(10.0, 100.0);
    let chart = BarChart::new(t("apprep-chart-title"), bars)
        .horizontal()
        .color(ACCENT)
        .element_formatter(Box::new(|bar, _| bar.name.clone()));
    let label_color = ui.visuals().text_color();
    Plot::new("dashboard-coverage-chart")
        .height(ui.available_height().max(120.0))
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .show_background(false)
        .show_grid([true, false])
        .include_x(0.0)
        .include_x(x_max)
        .include_y(-0.6)
        .include_y(n as f64 - 0.4)
        .set_margin_fraction(Vec2::new(0.05, 0.0))
        .grid_color(BORDER)
        .x_grid_spacer(|input: GridInput| {
            let step = if input.bounds.1 - input.bounds.0 > 50.0 {
                20.0
            } else {
                10.0
            };
            (0..=10)
                .map(|i| GridMark {
                    value: f64::from(i) * step,
                    step_size: step,
                })
                .filter(|m| m.value >= input.bounds.0 && m.value <= input.bounds.1)
                .collect()
        })
        .y_grid_spacer(move |input: GridInput| {
            (0..n)
                .map(|i| GridMark {
                    value: i as f64,
                    step_size: 1.0,
                })
                .filter(|m| m.value >= input.bounds.0 && m.value <= input.bounds.1)
                .collect()
        })
        .y_axis_formatter(move |mark, _| {
            let v = mark.value.round();
            if (mark.value - v).abs() > 0.01 || v < 0.0 {
                return String::new();
            }
            let y = v as usize;
            if y >= n {
                return String::new();
            }
            labels.get(n - 1 - y).cloned().unwrap_or_default()
        })
        .x_axis_formatter(|mark, _| format!("{} %", mark.value.round()))
        .show(ui, |plot| {
            plot.bar_chart(chart);
            for (y, percent, text) in texts {
                plot.text(
                    Text::new(
                        "",
                        PlotPoint::new(percent + x_max * 0.01, y),
                        RichText::new(text).small().color(label_color),
                    )
                    .anchor(Align2::LEFT_CENTER)
                    .allow_hover(false),
                );
            }
        });
}

/// A percentage with one decimal, as the language writes it: "17,0".
pub(crate) fn fmt_percent(percent: f64) -> String {
    crate::report::export::one_decimal(percent)
}
