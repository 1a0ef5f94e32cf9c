//! The hours tab's view: the year, the filters and the training hours per employee.

use chrono::Datelike;
use egui::{Align, Layout, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::data::Data;
use crate::app::reports::worker::ReportsState;
use crate::app::widgets::style::MUTED;
use crate::i18n::{Arg, fmt_hours, t, ta};

use super::view::computing_ui;
use super::{HoursSort, refresh_hours_rows};

pub(super) fn hours_tab_ui(ui: &mut Ui, reports: &mut ReportsState, data: &Data, computing: bool) {
    let report = reports.hours.value().cloned();
    let serial = reports.hours.serial();
    let screen = &mut reports.reports_screen;
    let this_year = data.today.year();
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t("apprep-hours-year"));
        let mut year = screen.year.unwrap_or(this_year);
        if ui
            .small_button("‹")
            .on_hover_text(t("apprep-hours-previous"))
            .clicked()
        {
            year -= 1;
        }
        ui.add(
            egui::DragValue::new(&mut year)
                .range(1990..=this_year + 1)
                .speed(0.1),
        )
        .labelled_by(label.id);
        if ui
            .add_enabled(year <= this_year, egui::Button::new("›").small())
            .on_hover_text(t("apprep-hours-next"))
            .clicked()
        {
            year += 1;
        }
        if screen.year != Some(year) {
            screen.year = Some(year);
        }
        if let Some(report) = &report {
            let f = &report.total;
            ui.add_space(16.0);
            ui.label(
                RichText::new(ta(
                    "apprep-hours-summary",
                    &[
                        ("employees", Arg::from(f.employees)),
                        ("trained", Arg::from(f.trained)),
                        ("hours", Arg::from(fmt_hours(f.hours))),
                        ("average", Arg::from(fmt_hours(f.hours_per_employee()))),
                    ],
                ))
                .color(MUTED),
            );
        }
        computing_ui(ui, computing);
    });
    ui.add_space(4.0);
    let Some(report) = report else {
        return;
    };
    refresh_hours_rows(screen, &report, serial);
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let small = ui.text_style_height(&egui::TextStyle::Small);
    let top = (ui.available_height() * 0.42).max(row_height * 4.0);
    ui.label(RichText::new(t("apprep-hours-departments")).strong());
    let mut clicked_department = None;
    ui.push_id("hours-departments", |ui| {
        TableBuilder::new(ui)
            .id_salt("hours-departments")
            .striped(true)
            .sense(Sense::click())
            .resizable(false)
            .max_scroll_height(top)
            .min_scrolled_height(top)
            .auto_shrink([false, true])
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::remainder().at_least(240.0).clip(true))
            .columns(Column::exact(104.0), 5)
            .header(2.0 * small + 12.0, |mut header| {
                header.col(|ui| {
                    ui.with_layout(Layout::bottom_up(Align::Min), |ui| {
                        ui.add_space(4.0);
                        ui.label(RichText::new(t("report-col-department")).small().strong());
                    });
                });
                for key in [
                    "report-col-employees",
                    "report-col-trained",
                    "report-col-sessions",
                    "report-col-hours",
                    "apprep-col-hours-per-employee",
                ] {
                    header.col(|ui| {
                        ui.with_layout(Layout::bottom_up(Align::Max), |ui| {
                            ui.add_space(4.0);
                            ui.add(egui::Label::new(RichText::new(t(key)).small().strong()).wrap());
                        });
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, report.departments.len() + 1, |mut row| {
                    // The first line is the whole organisation.
                    let line = row
                        .index()
                        .checked_sub(1)
                        .and_then(|i| report.departments.get(i));
                    let (name, depth, figures, id) = match line {
                        Some(d) => (d.name.clone(), d.depth, d.figures, Some(d.department_id)),
                        None => (t("report-total"), 0, report.total, None),
                    };
                    row.set_selected(screen.hours_department == id && id.is_some());
                    row.col(|ui| {
                        ui.add_space(depth as f32 * 22.0);
                        let mut text = RichText::new(&name);
                        if depth == 0 {
                            text = text.strong();
                        }
                        ui.add(egui::Label::new(text).truncate());
                    });
                    let numbers = [
                        figures.employees.to_string(),
                        figures.trained.to_string(),
                        figures.sessions.to_string(),
                        fmt_hours(figures.hours),
                        fmt_hours(figures.hours_per_employee()),
                    ];
                    let last = numbers.len() - 1;
                    for (i, n) in numbers.into_iter().enumerate() {
                        row.col(|ui| {
                            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                                if i == last {
                                    // Room for the scroll bar.
                                    ui.add_space(10.0);
                                }
                                ui.label(n);
                            });
                        });
                    }
                    if row.response().clicked() {
                        clicked_department = Some(id);
                    }
                });
            });
    });
    if let Some(id) = clicked_department {
        screen.hours_department = if screen.hours_department == id {
            None
        } else {
            id
        };
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let department = screen
            .hours_department
            .and_then(|d| report.departments.iter().find(|r| r.department_id == d));
        let title = match department {
            Some(d) => ta(
                "apprep-hours-employees-of",
                &[("department", Arg::from(&d.name))],
            ),
            None => t("apprep-hours-employees"),
        };
        ui.label(RichText::new(title).strong());
        ui.label(
            RichText::new(ta(
                "apprep-drill-count",
                &[("count", Arg::from(screen.hours_visible.len()))],
            ))
            .color(MUTED),
        );
        if department.is_some() && ui.small_button(t("apprep-hours-show-all")).clicked() {
            screen.hours_department = None;
        }
    });
    let visible = &screen.hours_visible;
    let mut sort = screen.hours_sort;
    ui.push_id("hours-employees", |ui| {
        TableBuilder::new(ui)
            .id_salt("hours-employees")
            .striped(true)
            .resizable(false)
            .auto_shrink([false, false])
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::remainder().at_least(200.0).clip(true))
            .column(Column::exact(100.0).clip(true))
            .column(Column::exact(80.0).clip(true))
            .columns(Column::exact(100.0), 4)
            .header(row_height + 4.0, |mut header| {
                header.col(|ui| {
                    if ui
                        .add(
                            egui::Button::new(RichText::new(t("apprep-col-name")).strong())
                                .frame(false),
                        )
                        .on_hover_text(t("app-sort-hint"))
                        .clicked()
                    {
                        sort = HoursSort::Name;
                    }
                    if sort == HoursSort::Name {
                        crate::app::widgets::sort_indicator(ui, true);
                    }
                });
                header.col(|ui| {
                    ui.strong(t("app-col-personnel-number"));
                });
                header.col(|ui| {
                    ui.strong(t("apprep-col-department-code"));
                });
                header.col(|ui| {
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        if sort == HoursSort::Hours {
                            crate::app::widgets::sort_indicator(ui, false);
                        }
                        if ui
                            .add(
                                egui::Button::new(RichText::new(t("report-col-hours")).strong())
                                    .frame(false),
                            )
                            .on_hover_text(t("app-sort-hint"))
                            .clicked()
                        {
                            sort = HoursSort::Hours;
                        }
                    });
                });
                for key in [
                    "report-col-attended",
                    "report-col-partial",
                    "report-col-seminars",
                ] {
                    header.col(|ui| {
                        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                            ui.strong(t(key));
                        });
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, visible.len(), |mut row| {
                    let Some(e) = visible
                        .get(row.index())
                        .and_then(|&i| report.employees.get(i))
                    else {
                        return;
                    };
                    row.col(|ui| {
                        let mut text = RichText::new(format!("{}, {}", e.last_name, e.first_name));
                        if e.left {
                            text = text.color(MUTED);
                        }
                        let response = ui.add(egui::Label::new(text).truncate());
                        if e.left {
                            response.on_hover_text(t("apprep-hours-left"));
                        }
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&e.personnel_number).truncate());
                    });
                    row.col(|ui| {
                        ui.add(
                            egui::Label::new(e.department_code.as_deref().unwrap_or_default())
                                .truncate(),
                        )
                        .on_hover_text(e.department_name.as_deref().unwrap_or_default());
                    });
                    let numbers = [
                        fmt_hours(e.hours),
                        e.attended.to_string(),
                        e.partial.to_string(),
                        e.seminars.to_string(),
                    ];
                    for n in numbers {
                        row.col(|ui| {
                            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                                ui.label(n);
                            });
                        });
                    }
                });
            });
    });
    screen.hours_sort = sort;
}
