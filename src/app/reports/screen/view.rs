//! The Reports screen's view: the tab bar, the export buttons, the as-of date and the
//! pieces the tabs share (number links, percent bars, tone colours).

use chrono::{Datelike, NaiveDate};
use egui::{Align, Color32, Layout, Response, RichText, Sense, TextWrapMode, Ui, Vec2};

use crate::app::data::Data;
use crate::app::reports::dashboard::{ReportAction, fmt_percent};
use crate::app::reports::worker::ReportsState;
use crate::app::widgets::error_label;
use crate::app::widgets::style::{ACCENT, ERROR, MUTED};
use crate::app::worker::Worker;
use crate::i18n::{Arg, fmt_date, parse_date, t, ta};
use crate::model::ProgramId;
use crate::report::{ExportFormat, Tone};

use super::coverage::coverage_tab_ui;
use super::hours::hours_tab_ui;
use super::matrix::matrix_tab_ui;
use super::{ReportTab, ReportsScreenState, shown_export, wanted};

/// Draws the Reports screen; returns where the user wants to go.
pub(crate) fn reports_ui(
    ui: &mut Ui,
    reports: &mut ReportsState,
    data: &Data,
    worker: &mut Worker,
) -> Option<ReportAction> {
    reports.ensure_loaded(data, worker);
    reports.reports_screen.initialise(data.today);
    let ctx = ui.ctx().clone();
    let mut action = None;

    // What the tab on screen needs, asked for before drawing (a no-op when it is there)
    // and again after, when the user changed an option in this frame.
    let main = reports.loaded().and_then(|l| l.main_program);
    let program = reports.reports_screen.program.or(main);
    reports.request(wanted(&reports.reports_screen, main, data.today), &ctx);

    let computing = reports.loaded().is_none()
        || match reports.reports_screen.tab {
            ReportTab::Coverage => reports.coverage.computing(),
            ReportTab::Matrix => reports.matrix.computing(),
            ReportTab::Hours => reports.hours.computing(),
        };

    ui.horizontal(|ui| {
        ui.heading(t("apprep-title"));
        ui.add_space(16.0);
        let screen = &mut reports.reports_screen;
        for (tab, key) in [
            (ReportTab::Coverage, "apprep-tab-coverage"),
            (ReportTab::Matrix, "apprep-tab-matrix"),
            (ReportTab::Hours, "apprep-tab-hours"),
        ] {
            let selected = screen.tab == tab;
            let mut text = RichText::new(t(key));
            if selected {
                text = text.strong().color(ACCENT);
            }
            if ui.selectable_label(selected, text).clicked() {
                screen.tab = tab;
            }
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            export_buttons_ui(ui, reports, program);
        });
    });
    ui.add_space(4.0);
    if let Some(error) = reports.load_error() {
        error_label(ui, error);
    }
    match reports.reports_screen.tab {
        ReportTab::Coverage => coverage_tab_ui(ui, reports, data, program, computing, &mut action),
        ReportTab::Matrix => matrix_tab_ui(ui, reports, data, computing),
        ReportTab::Hours => hours_tab_ui(ui, reports, data, computing),
    }
    reports.request(wanted(&reports.reports_screen, main, data.today), &ctx);
    action
}

/// The export buttons of the tab shown (right to left), or the file being written.
fn export_buttons_ui(ui: &mut Ui, reports: &mut ReportsState, program: Option<ProgramId>) {
    if let Some(path) = reports.export_writing() {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        ui.label(ta("apprep-exporting", &[("file", Arg::from(file))]));
        ui.spinner();
        return;
    }
    let tab = reports.reports_screen.tab;
    let available = match tab {
        ReportTab::Coverage => reports.coverage.value().is_some(),
        ReportTab::Matrix => reports.matrix.value().is_some(),
        ReportTab::Hours => reports.hours.value().is_some(),
    };
    let pdf = tab == ReportTab::Coverage;
    let enabled = available && !reports.exporting();
    let mut chosen = None;
    let mut formats = vec![
        (
            ExportFormat::Xlsx,
            "apprep-export-xlsx",
            "apprep-export-xlsx-hint",
        ),
        (
            ExportFormat::Csv,
            "apprep-export-csv",
            "apprep-export-csv-hint",
        ),
    ];
    if pdf {
        formats.insert(
            0,
            (
                ExportFormat::Pdf,
                "apprep-export-pdf",
                "apprep-export-pdf-hint",
            ),
        );
    }
    for (format, key, hint_key) in formats {
        if ui
            .add_enabled(enabled, egui::Button::new(t(key)))
            .on_hover_text(t(hint_key))
            .clicked()
        {
            chosen = Some(format);
        }
    }
    ui.label(RichText::new(t("apprep-export")).color(MUTED));
    if let Some(format) = chosen
        && let Some((source, stem)) = shown_export(reports, program)
    {
        let ctx = ui.ctx().clone();
        reports.start_export(source, format, stem, &ctx);
    }
}

/// The as-of field with "today" and "end of last year"; returns nothing, changes the state.
pub(super) fn as_of_ui(ui: &mut Ui, screen: &mut ReportsScreenState, today: NaiveDate) {
    let label = ui.label(t("apprep-as-of"));
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut screen.as_of_text)
                .hint_text(t("app-date-hint"))
                .desired_width(100.0),
        )
        .labelled_by(label.id)
        .on_hover_text(t("apprep-as-of-hint"));
    if response.changed()
        && let Some(date) = parse_date(&screen.as_of_text)
    {
        screen.as_of = Some(date);
    }
    if response.lost_focus()
        && let Some(date) = screen.as_of
        && parse_date(&screen.as_of_text).is_none()
    {
        // Leaving the field with something unreadable shows the date in force again.
        screen.as_of_text = fmt_date(date);
    }
    let typed = parse_date(&screen.as_of_text);
    if typed.is_none() && !screen.as_of_text.trim().is_empty() {
        ui.label(RichText::new(t("app-date-hint")).color(ERROR));
    }
    if ui
        .add_enabled(
            screen.as_of != Some(today),
            egui::Button::new(t("apprep-as-of-today")).small(),
        )
        .clicked()
    {
        screen.set_as_of(today);
    }
    if let Some(year_end) = NaiveDate::from_ymd_opt(today.year() - 1, 12, 31)
        && ui
            .add_enabled(
                screen.as_of != Some(year_end),
                egui::Button::new(ta(
                    "apprep-as-of-year-end",
                    &[("year", Arg::from(i64::from(today.year() - 1)))],
                ))
                .small(),
            )
            .on_hover_text(fmt_date(year_end))
            .clicked()
    {
        screen.set_as_of(year_end);
    }
}

/// A spinner with "computing…" while a newer result is on its way.
pub(super) fn computing_ui(ui: &mut Ui, computing: bool) {
    if computing {
        ui.spinner();
        ui.label(RichText::new(t("apprep-computing")).color(MUTED));
    }
}

/// A number that opens the people behind it: right-aligned, underlined on hover, and
/// named for screen readers with `spoken`.
pub(super) fn number_link(
    ui: &mut Ui,
    value: u32,
    spoken: impl Fn() -> String,
    selected: bool,
) -> Response {
    let color = if value == 0 { MUTED } else { ACCENT };
    let galley = egui::WidgetText::from(RichText::new(value.to_string()).color(color)).into_galley(
        ui,
        Some(TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Body,
    );
    let size = galley.size() + Vec2::new(12.0, 4.0);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        if selected {
            painter.rect_filled(rect, 3.0, ui.visuals().selection.bg_fill);
        } else if response.hovered() {
            painter.rect_filled(rect, 3.0, ui.visuals().widgets.hovered.weak_bg_fill);
        }
        let pos = rect.center() - galley.size() / 2.0;
        if response.hovered() {
            let y = pos.y + galley.size().y;
            painter.hline(
                pos.x..=pos.x + galley.size().x,
                y,
                egui::Stroke::new(1.0, color),
            );
        }
        painter.galley(pos, galley, color);
    }
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, spoken()));
    response.on_hover_cursor(egui::CursorIcon::PointingHand)
}

/// A small bar with the percentage beside it.
pub(super) fn percent_bar_ui(ui: &mut Ui, percent: f64) {
    let text = format!("{} %", fmt_percent(percent));
    ui.spacing_mut().item_spacing.x = 5.0;
    let (rect, _) = ui.allocate_exact_size(Vec2::new(26.0, 9.0), Sense::hover());
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        painter.rect_filled(rect, 2.0, Color32::from_rgb(0xE6, 0xEA, 0xEF));
        let mut fill = rect;
        fill.set_width(rect.width() * (percent / 100.0).clamp(0.0, 1.0) as f32);
        painter.rect_filled(fill, 2.0, ACCENT);
    }
    ui.label(text);
}

// ---------------------------------------------------------------------------------------
// Matrix

/// The fill and text colour of a tone on screen.
pub(super) fn tone_colors(tone: Tone) -> (Option<Color32>, Color32) {
    let text = Color32::from_rgb(0x22, 0x27, 0x2E);
    let fill = tone.fill_rgb().map(|rgb| {
        let [_, r, g, b] = rgb.to_be_bytes();
        Color32::from_rgb(r, g, b)
    });
    match tone {
        Tone::Good => (fill, Color32::from_rgb(0x0E, 0x55, 0x24)),
        Tone::Warning => (fill, Color32::from_rgb(0x6B, 0x4A, 0x00)),
        Tone::Bad => (fill, Color32::from_rgb(0x8A, 0x12, 0x1C)),
        Tone::Progress => (fill, Color32::from_rgb(0x1B, 0x3F, 0x6B)),
        Tone::Neutral => (None, text),
    }
}
