//! The Reports screen: coverage per department (a tree with the people behind every
//! number), the training matrix (employees × programs or seminars), and training hours of
//! a year — each exportable as CSV or XLSX, coverage also as a printable PDF.
//!
//! Every figure comes from [`ReportsState`]: the screen says what it wants
//! ([`Want`]) and draws the latest result; computing happens on a thread of its own.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use egui::{Align, Color32, Layout, Response, RichText, Sense, TextWrapMode, Ui, Vec2};
use egui_extras::{Column, TableBuilder};

use crate::app::data::Data;
use crate::app::reports::dashboard::{ReportAction, fmt_percent};
use crate::app::reports::worker::{ExportSource, MatrixView, ReportsState, Want};
use crate::app::widgets::style::{ACCENT, ERROR, MUTED};
use crate::app::widgets::{
    department_combo, disclosure_button, disclosure_width, error_label, hint,
};
use crate::app::worker::Worker;
use crate::i18n::{Arg, fmt_date, fmt_hours, parse_date, t, ta};
use crate::model::{DepartmentId, EmployeeId, ProgramId};
use crate::report::{
    CoverageFigures, CoverageOptions, CoverageReport, ExportFormat, HoursOptions, HoursReport,
    MatrixCell, MatrixColumns, MatrixOptions, Measure, ProgramStanding, SeminarState, Tone,
};
use crate::text::fold_search;

/// The three reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum ReportTab {
    #[default]
    Coverage,
    Matrix,
    Hours,
}

/// The measures the coverage table shows, in its order.
const TABLE_MEASURES: [Measure; 5] = [
    Measure::Employees,
    Measure::Valid,
    Measure::Expiring,
    Measure::Expired,
    Measure::InProgress,
];

/// One person in the side list behind a coverage number.
struct DrillPerson {
    employee_id: EmployeeId,
    /// "Last, First".
    name: String,
    personnel_number: String,
    department: String,
    standing: Option<ProgramStanding>,
}

/// The side list: the people behind one number of the coverage table.
struct Drill {
    /// `None` = the whole organisation (the total line).
    department: Option<DepartmentId>,
    program: ProgramId,
    measure: Measure,
    /// The coverage result it was built from.
    serial: u64,
    title: String,
    people: Vec<DrillPerson>,
}

/// How the hours per employee are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum HoursSort {
    #[default]
    Name,
    Hours,
}

/// The Reports screen's own state: options, tree state, caches of filtered rows.
#[derive(Default)]
pub(crate) struct ReportsScreenState {
    pub tab: ReportTab,
    /// The as-of date as typed.
    as_of_text: String,
    /// The last valid as-of date; `None` until the screen is first shown (then today).
    as_of: Option<NaiveDate>,
    /// The program of the coverage tree; `None` = the main program.
    program: Option<ProgramId>,
    /// Coverage rows whose sub-units are shown.
    expanded: HashSet<DepartmentId>,
    expanded_version: u64,
    expanded_initialised: bool,
    /// Positions in the coverage report's rows that are shown.
    coverage_rows: Vec<usize>,
    coverage_rows_key: Option<(u64, u64)>,
    drill: Option<Drill>,
    matrix_columns: MatrixColumns,
    matrix_department: Option<DepartmentId>,
    matrix_search: String,
    /// Positions in the matrix rows that pass the search and the department filter.
    matrix_visible: Vec<usize>,
    matrix_key: Option<(u64, String, Option<DepartmentId>, u64)>,
    /// The matrix's vertical scroll position, shared by its frozen and its scrolling part.
    matrix_offset: f32,
    /// `None` until first shown (then this year).
    year: Option<i32>,
    /// The department row of the hours report whose people are listed.
    hours_department: Option<DepartmentId>,
    hours_sort: HoursSort,
    hours_visible: Vec<usize>,
    hours_key: Option<(u64, Option<DepartmentId>, HoursSort)>,
}

impl ReportsScreenState {
    /// Sets the defaults that need the data: as-of today, this year.
    fn initialise(&mut self, today: NaiveDate) {
        if self.as_of.is_none() {
            self.as_of = Some(today);
            self.as_of_text = fmt_date(today);
        }
        if self.year.is_none() {
            self.year = Some(today.year());
        }
    }

    fn as_of(&self, today: NaiveDate) -> NaiveDate {
        self.as_of.unwrap_or(today)
    }

    fn set_as_of(&mut self, date: NaiveDate) {
        self.as_of = Some(date);
        self.as_of_text = fmt_date(date);
    }
}

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

/// What the tab shown needs computed.
fn wanted(screen: &ReportsScreenState, main: Option<ProgramId>, today: NaiveDate) -> Want {
    match screen.tab {
        ReportTab::Coverage => Want::Coverage(CoverageOptions {
            as_of: screen.as_of(today),
            department: None,
            program: screen.program.or(main),
        }),
        ReportTab::Matrix => Want::Matrix(MatrixOptions::on(
            screen.as_of(today),
            screen.matrix_columns,
        )),
        ReportTab::Hours => Want::Hours(HoursOptions {
            year: screen.year.unwrap_or(today.year()),
            department: None,
        }),
    }
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

/// What the tab shown exports (as filtered on screen) and the file name it proposes.
fn shown_export(
    reports: &ReportsState,
    program: Option<ProgramId>,
) -> Option<(ExportSource, String)> {
    let screen = &reports.reports_screen;
    match screen.tab {
        ReportTab::Coverage => {
            let report = reports.coverage.value().cloned()?;
            let code = program
                .and_then(|p| report.program_position(p))
                .and_then(|j| report.programs.get(j))
                .map(|p| format!("-{}", p.code))
                .unwrap_or_default();
            let stem = format!("{}{code}-{}", t("apprep-file-coverage"), report.as_of);
            Some((ExportSource::Coverage(report), stem))
        }
        ReportTab::Matrix => {
            let view = reports.matrix.value().cloned()?;
            let stem = format!("{}-{}", t("apprep-file-matrix"), view.matrix.as_of);
            let visible = screen.matrix_visible.clone();
            Some((ExportSource::Matrix(view, visible), stem))
        }
        ReportTab::Hours => {
            let report = reports.hours.value().cloned()?;
            let stem = format!("{}-{}", t("apprep-file-hours"), report.year);
            Some((ExportSource::Hours(report), stem))
        }
    }
}

/// Writes the report on screen to `path` in the format its extension names, without the
/// save dialog (on a thread; the status line says when it is done). Fails at once when
/// the extension does not fit the report.
pub(crate) fn export_shown_to(
    reports: &mut ReportsState,
    path: std::path::PathBuf,
) -> crate::error::Result<()> {
    let tab = reports.reports_screen.tab;
    let main = reports.loaded().and_then(|l| l.main_program);
    let program = reports.reports_screen.program.or(main);
    let format = crate::service::reports::format_of(&path, tab == ReportTab::Coverage)?;
    if let Some((source, _)) = shown_export(reports, program) {
        reports.export_to(source, format, path);
    }
    Ok(())
}

/// The as-of field with "today" and "end of last year"; returns nothing, changes the state.
fn as_of_ui(ui: &mut Ui, screen: &mut ReportsScreenState, today: NaiveDate) {
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
fn computing_ui(ui: &mut Ui, computing: bool) {
    if computing {
        ui.spinner();
        ui.label(RichText::new(t("apprep-computing")).color(MUTED));
    }
}

/// A number that opens the people behind it: right-aligned, underlined on hover, and
/// named for screen readers with `spoken`.
fn number_link(ui: &mut Ui, value: u32, spoken: impl Fn() -> String, selected: bool) -> Response {
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
fn percent_bar_ui(ui: &mut Ui, percent: f64) {
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
// Coverage

fn coverage_tab_ui(
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
                .map(|r| r.department_id)
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
    if let Some((department, measure)) = coverage_table_ui(ui, screen, &report, j) {
        let program_id = report.programs[j].id;
        screen.drill = Some(build_drill(
            &report, serial, department, program_id, measure,
        ));
    }
}

/// Rebuilds the list of shown tree rows when the report or the expansion changed.
fn refresh_coverage_rows(screen: &mut ReportsScreenState, report: &CoverageReport, serial: u64) {
    if !screen.expanded_initialised && !report.rows.is_empty() {
        screen.expanded = report
            .rows
            .iter()
            .filter(|r| r.depth == 0)
            .map(|r| r.department_id)
            .collect();
        screen.expanded_initialised = true;
        screen.expanded_version += 1;
    }
    let key = (serial, screen.expanded_version);
    if screen.coverage_rows_key == Some(key) {
        return;
    }
    let mut shown = vec![false; report.rows.len()];
    let mut rows = Vec::new();
    for (i, row) in report.rows.iter().enumerate() {
        let visible = match row.parent {
            None => true,
            Some(p) => {
                shown.get(p).copied().unwrap_or(false)
                    && screen.expanded.contains(&report.rows[p].department_id)
            }
        };
        shown[i] = visible;
        if visible {
            rows.push(i);
        }
    }
    screen.coverage_rows = rows;
    screen.coverage_rows_key = Some(key);
}

/// Rebuilds the side list for a recomputed report (another as-of date), keeping what it shows.
fn refresh_drill(screen: &mut ReportsScreenState, report: &CoverageReport, serial: u64) {
    let Some(drill) = &screen.drill else {
        return;
    };
    if drill.serial == serial {
        return;
    }
    if report.program_position(drill.program).is_none() {
        screen.drill = None;
        return;
    }
    let rebuilt = build_drill(
        report,
        serial,
        drill.department,
        drill.program,
        drill.measure,
    );
    screen.drill = Some(rebuilt);
}

/// The people behind one number.
fn build_drill(
    report: &CoverageReport,
    serial: u64,
    department: Option<DepartmentId>,
    program: ProgramId,
    measure: Measure,
) -> Drill {
    let row = department.and_then(|d| report.row_of(d));
    let j = report.program_position(program).unwrap_or(0);
    let people = if department.is_some() && row.is_none() {
        Vec::new()
    } else {
        report.people(row, j, measure)
    };
    let department_name = match row.and_then(|r| report.rows.get(r)) {
        Some(r) => r.name.clone(),
        None => t("report-total"),
    };
    let program_title = report
        .programs
        .get(j)
        .map(|p| p.title.clone())
        .unwrap_or_default();
    let title = ta(
        "apprep-drill-title",
        &[
            ("measure", Arg::from(measure.label())),
            ("department", Arg::from(department_name)),
            ("program", Arg::from(program_title)),
            ("date", Arg::from(fmt_date(report.as_of))),
        ],
    );
    Drill {
        department,
        program,
        measure,
        serial,
        title,
        people: people
            .into_iter()
            .map(|p| DrillPerson {
                employee_id: p.employee_id,
                name: format!("{}, {}", p.last_name, p.first_name),
                personnel_number: p.personnel_number.clone(),
                department: match (&p.department_code, &p.department_name) {
                    (Some(c), Some(n)) => format!("{c} {n}"),
                    (Some(c), None) => c.clone(),
                    _ => String::new(),
                },
                standing: p.standings.get(j).copied(),
            })
            .collect(),
    }
}

/// The spoken name of a number: "Gültig, Hauptamt: 2".
fn spoken(measure: Measure, department: &str, value: u32) -> String {
    ta(
        "apprep-cell-spoken",
        &[
            ("measure", Arg::from(measure.label())),
            ("department", Arg::from(department)),
            ("value", Arg::from(value)),
        ],
    )
}

/// Draws the tree table; returns the number clicked: its department (`None` = total) and measure.
fn coverage_table_ui(
    ui: &mut Ui,
    screen: &mut ReportsScreenState,
    report: &CoverageReport,
    j: usize,
) -> Option<(Option<DepartmentId>, Measure)> {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
    let mut clicked = None;
    let mut toggle = None;
    let selected = screen.drill.as_ref().map(|d| (d.department, d.measure));
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
                            figures_cells(&mut row, &total, &name, None, selected, &mut clicked);
                            return;
                        };
                        let Some(line) = report.rows.get(r) else {
                            return;
                        };
                        let figures = line.figures.get(j).copied().unwrap_or_default();
                        let id = line.department_id;
                        row.col(|ui| {
                            ui.add_space(line.depth as f32 * 22.0);
                            if line.has_children {
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
                                .on_hover_text(format!("{} {}", line.code, line.name));
                        });
                        figures_cells(
                            &mut row,
                            &figures,
                            &line.name,
                            Some(id),
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
    department: Option<DepartmentId>,
    selected: Option<(Option<DepartmentId>, Measure)>,
    clicked: &mut Option<(Option<DepartmentId>, Measure)>,
) {
    for m in TABLE_MEASURES {
        row.col(|ui| {
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                let value = figures.get(m);
                let is_selected = selected == Some((department, m));
                if number_link(ui, value, || spoken(m, name, value), is_selected)
                    .on_hover_text(m.explanation())
                    .clicked()
                {
                    *clicked = Some((department, m));
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

// ---------------------------------------------------------------------------------------
// Matrix

/// The fill and text colour of a tone on screen.
fn tone_colors(tone: Tone) -> (Option<Color32>, Color32) {
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

/// Rebuilds the filtered rows when the matrix, the search or the department changed.
fn refresh_matrix_rows(
    screen: &mut ReportsScreenState,
    view: &MatrixView,
    serial: u64,
    data: &Data,
) {
    let key = (
        serial,
        screen.matrix_search.clone(),
        screen.matrix_department,
        data.revision,
    );
    if screen.matrix_key.as_ref() == Some(&key) {
        return;
    }
    let words: Vec<String> = screen
        .matrix_search
        .split_whitespace()
        .map(fold_search)
        .collect();
    let units = screen
        .matrix_department
        .map(|d| data.departments.subtree(d));
    screen.matrix_visible = (0..view.matrix.rows.len())
        .filter(|&i| match &units {
            Some(units) => view
                .departments
                .get(i)
                .copied()
                .flatten()
                .is_some_and(|d| units.contains(&d)),
            None => true,
        })
        .filter(|&i| {
            let key = view.keys.get(i).map(String::as_str).unwrap_or_default();
            words.iter().all(|w| key.contains(w.as_str()))
        })
        .collect();
    screen.matrix_key = Some(key);
}

fn matrix_tab_ui(ui: &mut Ui, reports: &mut ReportsState, data: &Data, computing: bool) {
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

/// The text of a matrix cell on screen: a program's state in words; for a seminar the
/// day (the colour says attended, in part or registered; the tooltip says it in words).
fn cell_text(cell: &MatrixCell) -> String {
    match cell {
        MatrixCell::Seminar(SeminarState::Attended { on, partial: false }) => fmt_date(*on),
        MatrixCell::Seminar(SeminarState::Attended { on, partial: true }) => ta(
            "apprep-seminar-partial-short",
            &[("date", Arg::from(fmt_date(*on)))],
        ),
        MatrixCell::Seminar(SeminarState::Registered { on }) => ta(
            "apprep-seminar-registered-short",
            &[("date", Arg::from(fmt_date(*on)))],
        ),
        other => other.label(),
    }
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

// ---------------------------------------------------------------------------------------
// Hours

/// Rebuilds the list of people shown below the departments.
fn refresh_hours_rows(screen: &mut ReportsScreenState, report: &HoursReport, serial: u64) {
    let key = (serial, screen.hours_department, screen.hours_sort);
    if screen.hours_key == Some(key) {
        return;
    }
    let row = screen
        .hours_department
        .and_then(|d| report.departments.iter().position(|r| r.department_id == d));
    let mut visible: Vec<usize> = match row {
        Some(row) => {
            let ids: HashSet<EmployeeId> = report
                .employees_of(row)
                .iter()
                .map(|e| e.employee_id)
                .collect();
            (0..report.employees.len())
                .filter(|&i| ids.contains(&report.employees[i].employee_id))
                .collect()
        }
        None => (0..report.employees.len()).collect(),
    };
    if screen.hours_sort == HoursSort::Hours {
        visible.sort_by(|&a, &b| {
            report.employees[b]
                .hours
                .total_cmp(&report.employees[a].hours)
        });
    }
    screen.hours_visible = visible;
    screen.hours_key = Some(key);
}

fn hours_tab_ui(ui: &mut Ui, reports: &mut ReportsState, data: &Data, computing: bool) {
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
