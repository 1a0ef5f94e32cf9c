//! The matrix tab's view: options, the legend, and the employees × programs or seminars
//! table.

use std::sync::Arc;

use egui::{Align, Layout, RichText, Ui, Vec2};
use egui_extras::{Column, TableBuilder};

use crate::app::data::Data;
use crate::app::reports::worker::{MatrixView, ReportsState};
use crate::app::widgets::style::MUTED;
use crate::app::widgets::{department_combo, hint};
use crate::i18n::{Arg, t, ta};
use crate::report::{MatrixColumns, Tone};

use super::view::{as_of_ui, computing_ui, tone_colors};
use super::{ReportsScreenState, cell_text, refresh_matrix_rows};

pub(super) fn matrix_tab_ui(ui: &mut Ui, reports: &mut ReportsState, data: &Data, computing: bool) {
    let view = reports.matrix.value().cloned();
    let serial = reports.matrix.serial();
    let screen = &mut reports.reports_screen;
    ui.horizontal_wrapped(|ui| {
        as_of_ui(ui, screen, data.today);
        ui.add_space(16.0);
        ui.label(t("apprep-matrix-columns"));
        ui.selectable_value(
            &mut screen.matrix_columns,
            MatrixColumns::Programs,
            t("apprep-matrix-programs"),
        );
        ui.selectable_value(
            &mut screen.matrix_columns,
            MatrixColumns::Seminars,
            t("apprep-matrix-seminars"),
        );
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t("field-department"));
        department_combo(
            ui,
            "matrix-department",
            &data.departments,
            &mut screen.matrix_department,
            &t("app-all-departments"),
            false,
            None,
        )
        .labelled_by(label.id)
        .on_hover_text(t("apprep-matrix-department-hint"));
        ui.add_space(12.0);
        let label = ui.label(t("app-search"));
        ui.add(
            egui::TextEdit::singleline(&mut screen.matrix_search)
                .hint_text(t("app-search-hint"))
                .desired_width(220.0),
        )
        .labelled_by(label.id);
        if !screen.matrix_search.is_empty()
            && ui
                .small_button("×")
                .on_hover_text(t("app-search-clear"))
                .clicked()
        {
            screen.matrix_search.clear();
        }
        if let Some(view) = &view {
            refresh_matrix_rows(screen, view, serial, data);
            ui.label(
                RichText::new(ta(
                    "apprep-matrix-count",
                    &[
                        ("shown", Arg::from(screen.matrix_visible.len())),
                        ("total", Arg::from(view.matrix.rows.len())),
                    ],
                ))
                .color(MUTED),
            );
        }
        computing_ui(ui, computing);
    });
    let Some(view) = view else {
        return;
    };
    legend_ui(ui, view.matrix.kind);
    ui.add_space(4.0);
    if view.matrix.columns.is_empty() {
        hint(
            ui,
            &t(match view.matrix.kind {
                MatrixColumns::Programs => "report-no-programs",
                MatrixColumns::Seminars => "apprep-matrix-no-seminars",
            }),
        );
        return;
    }
    if screen.matrix_visible.is_empty() {
        ui.add_space(16.0);
        ui.label(RichText::new(t("apprep-matrix-none")).color(MUTED));
        return;
    }
    matrix_table_ui(ui, screen, &view);
}

/// The colour key of the matrix.
fn legend_ui(ui: &mut Ui, kind: MatrixColumns) {
    let entries: &[(Tone, &str)] = match kind {
        MatrixColumns::Programs => &[
            (Tone::Good, "apprep-legend-valid"),
            (Tone::Warning, "apprep-legend-expiring"),
            (Tone::Bad, "apprep-legend-expired"),
            (Tone::Progress, "apprep-legend-progress"),
            (Tone::Neutral, "apprep-legend-none"),
        ],
        MatrixColumns::Seminars => &[
            (Tone::Good, "apprep-legend-attended"),
            (Tone::Progress, "apprep-legend-partial"),
            (Tone::Warning, "apprep-legend-registered"),
            (Tone::Neutral, "apprep-legend-not-attended"),
        ],
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(t("apprep-legend")).small().color(MUTED));
        for (tone, key) in entries {
            let (fill, text) = tone_colors(*tone);
            let mut rich = RichText::new(format!(" {} ", t(key))).small().color(text);
            if let Some(fill) = fill {
                rich = rich.background_color(fill);
            } else {
                rich = rich.color(MUTED);
            }
            ui.label(rich);
        }
    });
}

/// The matrix: a frozen part with the names and a part that scrolls sideways with the
/// columns; both draw only the rows in view, the scrolling part only the cells in view.
fn matrix_table_ui(ui: &mut Ui, screen: &mut ReportsScreenState, view: &Arc<MatrixView>) {
    let m = &view.matrix;
    let visible = &screen.matrix_visible;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let header_height = row_height + 6.0;
    let frozen_width = 300.0;
    // A few program columns share the width; many seminar columns scroll sideways.
    let spread = (ui.available_width() - frozen_width - 24.0) / m.columns.len().max(1) as f32 - 8.0;
    let cell_width = match m.kind {
        MatrixColumns::Programs => spread.clamp(190.0, 320.0),
        MatrixColumns::Seminars => 140.0,
    };
    let scrollbar = ui.spacing().scroll.bar_width + ui.spacing().scroll.bar_outer_margin + 4.0;
    let height = (ui.available_height() - header_height - scrollbar).max(row_height * 3.0);
    let previous = screen.matrix_offset;
    let mut left_offset = previous;
    let mut right_offset = previous;

    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        ui.allocate_ui_with_layout(
            Vec2::new(frozen_width, height + header_height + scrollbar),
            Layout::top_down(Align::Min),
            |ui| {
                ui.set_width(frozen_width);
                let output = TableBuilder::new(ui)
                    .id_salt("matrix-names")
                    .striped(true)
                    .resizable(false)
                    .vertical_scroll_offset(previous)
                    .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
                    .min_scrolled_height(height)
                    .max_scroll_height(height)
                    .auto_shrink([false, false])
                    .cell_layout(Layout::left_to_right(Align::Center))
                    .column(Column::exact(200.0).clip(true))
                    .column(Column::remainder().clip(true))
                    .header(header_height, |mut header| {
                        header.col(|ui| {
                            ui.strong(t("apprep-col-name"));
                        });
                        header.col(|ui| {
                            ui.strong(t("apprep-col-department-code"));
                        });
                    })
                    .body(|body| {
                        body.rows(row_height, visible.len(), |mut row| {
                            let Some(r) = visible.get(row.index()).and_then(|&i| m.rows.get(i))
                            else {
                                return;
                            };
                            row.col(|ui| {
                                ui.add(egui::Label::new(r.display_name()).truncate())
                                    .on_hover_text(format!(
                                        "{}\n{}",
                                        r.display_name(),
                                        r.personnel_number
                                    ));
                            });
                            row.col(|ui| {
                                let code = r.department_code.as_deref().unwrap_or_default();
                                ui.add(
                                    egui::Label::new(RichText::new(code).color(MUTED)).truncate(),
                                )
                                .on_hover_text(r.department_name.as_deref().unwrap_or_default());
                            });
                        });
                    });
                left_offset = output.state.clamped_offset().y;
            },
        );
        ui.add(egui::Separator::default().vertical().spacing(0.0));
        let width = m.columns.len() as f32 * (cell_width + 8.0) + 16.0;
        egui::ScrollArea::horizontal()
            .id_salt("matrix-hscroll")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                ui.set_width(width);
                // The table lays out top-down, whatever the row around it does.
                ui.with_layout(Layout::top_down(Align::Min), |ui| {
                    let mut table = TableBuilder::new(ui)
                        .id_salt(match m.kind {
                            MatrixColumns::Programs => "matrix-programs",
                            MatrixColumns::Seminars => "matrix-seminars",
                        })
                        .striped(true)
                        .resizable(false)
                        .vertical_scroll_offset(previous)
                        .min_scrolled_height(height)
                        .max_scroll_height(height)
                        .auto_shrink([false, false])
                        .cell_layout(Layout::left_to_right(Align::Center));
                    for _ in &m.columns {
                        table = table.column(Column::exact(cell_width).clip(true));
                    }
                    let output = table
                        .header(header_height, |mut header| {
                            for c in &m.columns {
                                header.col(|ui| {
                                    let text = match m.kind {
                                        MatrixColumns::Programs => c.title.clone(),
                                        MatrixColumns::Seminars => c.code.clone(),
                                    };
                                    ui.add(
                                        egui::Label::new(RichText::new(text).strong()).truncate(),
                                    )
                                    .on_hover_text(format!("{} {}", c.code, c.title));
                                });
                            }
                        })
                        .body(|body| {
                            body.rows(row_height, visible.len(), |mut row| {
                                let Some(r) = visible.get(row.index()).and_then(|&i| m.rows.get(i))
                                else {
                                    return;
                                };
                                for (c, cell) in m.columns.iter().zip(&r.cells) {
                                    row.col(|ui| {
                                        let rect = ui.max_rect();
                                        // Cells scrolled out of view sideways are not drawn.
                                        if !ui.is_rect_visible(rect) {
                                            return;
                                        }
                                        let (fill, text) = tone_colors(cell.tone());
                                        if let Some(fill) = fill {
                                            ui.painter().rect_filled(
                                                egui::Rect::from_min_max(
                                                    rect.min + Vec2::new(0.0, 1.0),
                                                    rect.max - Vec2::new(3.0, 1.0),
                                                ),
                                                3.0,
                                                fill,
                                            );
                                        }
                                        ui.add_space(4.0);
                                        let response = ui.add(
                                            egui::Label::new(
                                                RichText::new(cell_text(cell)).color(text),
                                            )
                                            .truncate(),
                                        );
                                        // Made only when a screen reader or the pointer asks.
                                        response.widget_info(|| {
                                            egui::WidgetInfo::labeled(
                                                egui::accesskit::Role::Label,
                                                true,
                                                cell.accessible_text(r, c),
                                            )
                                        });
                                        response.on_hover_ui(|ui| {
                                            ui.label(cell.accessible_text(r, c));
                                        });
                                    });
                                }
                            });
                        });
                    right_offset = output.state.clamped_offset().y;
                });
            });
    });
    // Whichever part the user scrolled sets the position of both.
    let next = if (left_offset - previous).abs() > 0.5 {
        left_offset
    } else {
        right_offset
    };
    if (next - previous).abs() > 0.01 {
        screen.matrix_offset = next;
        ui.ctx().request_repaint();
    }
}
