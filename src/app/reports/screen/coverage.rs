//! The coverage tab's view: options, the department tree with its figures, and the drill
//! into the people behind a number.

use egui::{Align, Layout, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::data::Data;
use crate::app::reports::dashboard::ReportAction;
use crate::app::reports::worker::ReportsState;
use crate::app::widgets::style::MUTED;
use crate::app::widgets::{disclosure_button, disclosure_width, hint};
use crate::i18n::{Arg, t, ta};
use crate::model::{EmployeeId, ProgramId};
use crate::report::{CoverageFigures, CoverageLine, CoverageReport, Measure};

use super::view::{as_of_ui, computing_ui, number_link, percent_bar_ui, tone_colors};
use super::{
    Drill, ReportsScreenState, TABLE_MEASURES, build_drill, refresh_coverage_rows, refresh_drill,
    spoken,
};

// ---------------------------------------------------------------------------------------
// Coverage

pub(super) fn coverage_tab_ui(
    ui: &mut Ui,
    reports: &mut ReportsState,
    data: &Data,
    program: Option<ProgramId>,
    computing: bool,
    action: &mut Option<ReportAction>,
) {
    let programs: Vec<(ProgramId, String, bool)> = reports
        .loaded()
        .map(|l| {
            let lang = crate::i18n::language();
            let mut list: Vec<_> = l
                .data
                .programs
                .iter()
                .map(|p| (p.id, p.titles.generic(lang).to_owned(), p.archived))
                .collect();
            list.sort_by_key(|(_, _, archived)| *archived);
            list
        })
        .unwrap_or_default();
    let screen = &mut reports.reports_screen;
    ui.horizontal_wrapped(|ui| {
        as_of_ui(ui, screen, data.today);
        ui.add_space(16.0);
        let label = ui.label(t("apprep-program"));
        let selected = programs
            .iter()
            .find(|(id, _, _)| Some(*id) == program)
            .map(|(_, title, _)| title.clone())
            .unwrap_or_else(|| t("report-no-programs"));
        let mut chosen = program;
        egui::ComboBox::from_id_salt("reports-program")
            .selected_text(selected)
            .width(240.0)
            .truncate()
            .show_ui(ui, |ui| {
                for (id, title, archived) in &programs {
                    let mut text = RichText::new(title);
                    if *archived {
                        text = text.color(MUTED);
                    }
                    ui.selectable_value(&mut chosen, Some(*id), text);
                }
            })
            .response
            .labelled_by(label.id);
        if chosen != program {
            screen.program = chosen;
        }
        ui.add_space(16.0);
        if ui.small_button(t("app-expand-all")).clicked()
            && let Some(report) = reports.coverage.value()
        {
            screen.expanded = report
                .rows
                .iter()
                .filter(|r| r.has_children)
                .filter_map(|r| r.department_id)
                .collect();
            screen.expanded_version += 1;
        }
        if ui.small_button(t("app-collapse-all")).clicked() {
            screen.expanded.clear();
            screen.expanded_version += 1;
        }
        computing_ui(ui, computing);
    });
    ui.add_space(2.0);
    hint(ui, &t("apprep-coverage-hint"));
    ui.add_space(2.0);
    super::compliance::compliance_row_ui(ui, reports, data.today);
    ui.add_space(4.0);

    let Some(report) = reports.coverage.value().cloned() else {
        if !computing {
            hint(ui, &t("report-no-programs"));
        }
        return;
    };
    let serial = reports.coverage.serial();
    let screen = &mut reports.reports_screen;
    let Some(j) =
        program
            .and_then(|p| report.program_position(p))
            .or(if report.programs.is_empty() {
                None
            } else {
                Some(0)
            })
    else {
        hint(ui, &t("report-no-programs"));
        return;
    };
    refresh_coverage_rows(screen, &report, serial);
    refresh_drill(screen, &report, serial);

    if screen.drill.is_some() {
        let mut keep_open = true;
        egui::Panel::right("coverage-people")
            .resizable(true)
            .default_size(340.0)
            .size_range(300.0..=640.0)
            .show(ui, |ui| {
                if let Some(drill) = &screen.drill {
                    let (open, clicked) = drill_ui(ui, drill);
                    keep_open = open;
                    if let Some(id) = clicked {
                        *action = Some(ReportAction::ShowEmployee(id));
                    }
                }
            });
        if !keep_open {
            screen.drill = None;
        }
    }
    if let Some((line, measure)) = coverage_table_ui(ui, screen, &report, j) {
        let program_id = report.programs[j].id;
        screen.drill = Some(build_drill(&report, serial, line, program_id, measure));
    }
}

/// Draws the tree table; returns the number clicked: its line and measure.
fn coverage_table_ui(
    ui: &mut Ui,
    screen: &mut ReportsScreenState,
    report: &CoverageReport,
    j: usize,
) -> Option<(CoverageLine, Measure)> {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
    let mut clicked = None;
    let mut toggle = None;
    let selected = screen.drill.as_ref().map(|d| (d.line, d.measure));
    // Narrow enough to stay whole beside the list of people at 1280 points.
    let number_width = 72.0;
    let coverage_width = 92.0;
    let min_width = 150.0 + 5.0 * number_width + coverage_width + 7.0 * ui.spacing().item_spacing.x;
    let small = ui.text_style_height(&egui::TextStyle::Small);
    let width = ui.available_width().max(min_width);
    let total = report.total.get(j).copied().unwrap_or_default();
    let rows = &screen.coverage_rows;
    let expanded = &screen.expanded;
    egui::ScrollArea::horizontal()
        .id_salt("coverage-hscroll")
        .show(ui, |ui| {
            ui.set_width(width);
            let mut table = TableBuilder::new(ui)
                .id_salt("coverage")
                .striped(true)
                .resizable(false)
                .auto_shrink([false, false])
                .cell_layout(Layout::left_to_right(Align::Center))
                .column(Column::remainder().at_least(150.0).clip(true));
            for _ in TABLE_MEASURES {
                table = table.column(Column::exact(number_width));
            }
            table
                .column(Column::exact(coverage_width))
                .header(2.0 * small + 12.0, |mut header| {
                    header.col(|ui| {
                        ui.with_layout(Layout::bottom_up(Align::Min), |ui| {
                            ui.add_space(4.0);
                            ui.add(
                                egui::Label::new(
                                    RichText::new(t("report-col-department")).small().strong(),
                                )
                                .truncate(),
                            )
                            .on_hover_text(t("report-explain-rollup"));
                        });
                    });
                    for m in TABLE_MEASURES {
                        header.col(|ui| {
                            ui.with_layout(Layout::bottom_up(Align::Max), |ui| {
                                ui.add_space(4.0);
                                ui.add(
                                    egui::Label::new(RichText::new(m.label()).small().strong())
                                        .wrap(),
                                )
                                .on_hover_text(m.explanation());
                            });
                        });
                    }
                    header.col(|ui| {
                        ui.with_layout(Layout::bottom_up(Align::Min), |ui| {
                            ui.add_space(4.0);
                            ui.horizontal(|ui| {
                                ui.add_space(6.0);
                                ui.add(
                                    egui::Label::new(
                                        RichText::new(t("apprep-col-coverage")).small().strong(),
                                    )
                                    .wrap(),
                                )
                                .on_hover_text(t("report-explain-coverage"));
                            });
                        });
                    });
                })
                .body(|body| {
                    body.rows(row_height, rows.len() + 1, |mut row| {
                        // The first line is the whole organisation.
                        let Some(&r) = row.index().checked_sub(1).and_then(|i| rows.get(i)) else {
                            let name = t("report-total");
                            row.col(|ui| {
                                ui.add_space(disclosure_width(ui));
                                ui.strong(&name);
                            });
                            figures_cells(
                                &mut row,
                                &total,
                                &name,
                                CoverageLine::Total,
                                selected,
                                &mut clicked,
                            );
                            return;
                        };
                        let Some(line) = report.rows.get(r) else {
                            return;
                        };
                        let figures = line.figures.get(j).copied().unwrap_or_default();
                        let id = line.department_id;
                        row.col(|ui| {
                            ui.add_space(line.depth as f32 * 22.0);
                            if let Some(id) = id.filter(|_| line.has_children) {
                                let open = expanded.contains(&id);
                                let hover = if open {
                                    t("app-collapse")
                                } else {
                                    t("app-expand")
                                };
                                if disclosure_button(ui, open, hover).clicked() {
                                    toggle = Some(id);
                                }
                            } else {
                                ui.add_space(disclosure_width(ui));
                            }
                            let mut text = RichText::new(&line.name);
                            if line.depth == 0 {
                                text = text.strong();
                            }
                            if !line.active {
                                text = text.color(MUTED);
                            }
                            ui.add(egui::Label::new(text).truncate())
                                .on_hover_text(format!("{} {}", line.code, line.name).trim());
                        });
                        figures_cells(
                            &mut row,
                            &figures,
                            &line.name,
                            line.line(),
                            selected,
                            &mut clicked,
                        );
                    });
                });
        });
    if let Some(id) = toggle {
        if !screen.expanded.remove(&id) {
            screen.expanded.insert(id);
        }
        screen.expanded_version += 1;
    }
    clicked
}

/// The number cells and the coverage bar of one line.
fn figures_cells(
    row: &mut egui_extras::TableRow<'_, '_>,
    figures: &CoverageFigures,
    name: &str,
    line: CoverageLine,
    selected: Option<(CoverageLine, Measure)>,
    clicked: &mut Option<(CoverageLine, Measure)>,
) {
    for m in TABLE_MEASURES {
        row.col(|ui| {
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                let value = figures.get(m);
                let is_selected = selected == Some((line, m));
                if number_link(ui, value, || spoken(m, name, value), is_selected)
                    .on_hover_text(m.explanation())
                    .clicked()
                {
                    *clicked = Some((line, m));
                }
            });
        });
    }
    row.col(|ui| {
        ui.add_space(6.0);
        percent_bar_ui(ui, figures.coverage_percent());
    });
}

/// Draws the side list; returns whether it stays open and the person clicked.
fn drill_ui(ui: &mut Ui, drill: &Drill) -> (bool, Option<EmployeeId>) {
    let mut keep_open = true;
    let mut clicked = None;
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        ui.add(egui::Label::new(RichText::new(&drill.title).strong().size(16.0)).wrap());
    });
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(ta(
                "apprep-drill-count",
                &[("count", Arg::from(drill.people.len()))],
            ))
            .color(MUTED),
        );
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui.button(t("app-close")).clicked() {
                keep_open = false;
            }
        });
    });
    hint(ui, &drill.measure.explanation());
    ui.add_space(4.0);
    if drill.people.is_empty() {
        ui.label(RichText::new(t("apprep-drill-none")).color(MUTED));
    } else {
        // Two lines per person: the name and the standing, then number and unit.
        let line = ui.text_style_height(&egui::TextStyle::Body);
        let small = ui.text_style_height(&egui::TextStyle::Small);
        let row_height = line + small + 12.0;
        TableBuilder::new(ui)
            .id_salt("coverage-people")
            .striped(true)
            .sense(Sense::click())
            .resizable(false)
            .auto_shrink([false, false])
            .cell_layout(Layout::top_down(Align::Min))
            .column(Column::remainder().at_least(120.0).clip(true))
            .column(Column::exact(150.0).clip(true))
            .body(|body| {
                body.rows(row_height, drill.people.len(), |mut row| {
                    let Some(p) = drill.people.get(row.index()) else {
                        return;
                    };
                    row.col(|ui| {
                        ui.add_space(3.0);
                        ui.add(egui::Label::new(&p.name).truncate());
                        let second = if p.department.is_empty() {
                            p.personnel_number.clone()
                        } else {
                            format!("{} · {}", p.personnel_number, p.department)
                        };
                        ui.add(
                            egui::Label::new(RichText::new(second).small().color(MUTED)).truncate(),
                        );
                    });
                    row.col(|ui| {
                        ui.add_space(3.0);
                        if let Some(s) = &p.standing {
                            let (fill, text) = tone_colors(s.tone());
                            let mut rich = RichText::new(s.label()).color(text);
                            if let Some(fill) = fill {
                                rich = rich.background_color(fill);
                            }
                            ui.add(egui::Label::new(rich).truncate());
                        }
                    });
                    if row
                        .response()
                        .on_hover_text(t("apprep-open-employee-short"))
                        .clicked()
                    {
                        clicked = Some(p.employee_id);
                    }
                });
            });
    }
    if !egui::Popup::is_any_open(ui.ctx()) && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        keep_open = false;
    }
    (keep_open, clicked)
}
