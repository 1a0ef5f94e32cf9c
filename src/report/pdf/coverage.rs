//! The printed coverage report: the organisation's name and the as-of date on top, one
//! table per program with every department (sub-units indented below their parent,
//! figures including them), a coverage bar, a legend that says what each number counts,
//! page breaks with the table header repeated, and page numbers.

use super::{
    BODY_BOTTOM, BODY_SIZE, CELL_PAD, Canvas, Ink, LINE, MARGIN_TOP, MARGIN_X, PAGE_W, Weight,
    finish, fonts,
};
use crate::error::{Error, Result};
use crate::i18n::{Arg, fmt_date, t, ta};
use crate::report::coverage::{CoverageFigures, CoverageReport, Measure};
use crate::report::export::one_decimal;

/// The columns of a program table: the department, then the figures.
struct Columns {
    name_w: f32,
    figure_w: [f32; 5],
    coverage_w: f32,
}

const COLUMNS: Columns = Columns {
    name_w: 103.0,
    figure_w: [25.0, 29.0, 30.0, 25.0, 25.0],
    coverage_w: 30.0,
};

const MEASURES: [Measure; 5] = [
    Measure::Employees,
    Measure::Valid,
    Measure::Expiring,
    Measure::Expired,
    Measure::InProgress,
];

fn figure_headers() -> Vec<String> {
    vec![
        t("report-pdf-col-employees"),
        t("report-pdf-col-valid"),
        t("report-pdf-col-expiring"),
        t("report-pdf-col-expired"),
        t("report-pdf-col-in-progress"),
    ]
}

/// Draws the table header at `y`; returns the y below it.
fn table_header(c: &mut Canvas<'_>, y: f32) -> f32 {
    let size = 8.0;
    let mut headers = vec![t("report-pdf-col-department")];
    headers.extend(figure_headers());
    headers.push(t("report-pdf-col-coverage"));
    let widths: Vec<f32> = std::iter::once(COLUMNS.name_w)
        .chain(COLUMNS.figure_w)
        .chain([COLUMNS.coverage_w])
        .collect();
    let wrapped: Vec<Vec<String>> = headers
        .iter()
        .zip(&widths)
        .map(|(h, w)| c.wrap(h, Weight::Bold, size, w - 2.0 * CELL_PAD))
        .collect();
    let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1) as f32;
    let h = lines * 3.6 + 2.6;
    c.fill(MARGIN_X, y, PAGE_W - 2.0 * MARGIN_X, h, Ink::HeaderFill);
    let mut x = MARGIN_X;
    for (i, (lines, w)) in wrapped.iter().zip(&widths).enumerate() {
        for (k, line) in lines.iter().enumerate() {
            let baseline = y + 1.3 + 2.9 + k as f32 * 3.6;
            c.cell_text(x, *w, i > 0, baseline, line, Weight::Bold, size);
        }
        x += w;
    }
    c.rule(MARGIN_X, PAGE_W - MARGIN_X, y + h, 0.8, Ink::Accent);
    y + h
}

/// One table line: the name (wrapped, indented) and the figures; returns the y below it.
fn table_row(
    c: &mut Canvas<'_>,
    y: f32,
    name_lines: &[String],
    indent: f32,
    figures: &CoverageFigures,
    weight: Weight,
    zebra: bool,
) -> f32 {
    let h = name_lines.len().max(1) as f32 * LINE + 1.6;
    if zebra {
        c.fill(MARGIN_X, y, PAGE_W - 2.0 * MARGIN_X, h, Ink::Zebra);
    }
    let first_baseline = y + 0.8 + 3.2;
    for (k, line) in name_lines.iter().enumerate() {
        c.text(
            MARGIN_X + CELL_PAD + indent,
            first_baseline + k as f32 * LINE,
            line,
            weight,
            BODY_SIZE,
            Ink::Text,
        );
    }
    let mut x = MARGIN_X + COLUMNS.name_w;
    for (m, w) in MEASURES.iter().zip(COLUMNS.figure_w) {
        let value = figures.get(*m);
        let ink = if value == 0 { Ink::Muted } else { Ink::Text };
        c.text_right(
            x + w - CELL_PAD,
            first_baseline,
            &value.to_string(),
            weight,
            BODY_SIZE,
            ink,
        );
        x += w;
    }
    // Coverage: a bar and the percentage.
    let percent = figures.coverage_percent();
    let label = format!("{} %", one_decimal(percent));
    let label_w = c.width("100,0 %", weight, BODY_SIZE);
    c.text_right(
        x + COLUMNS.coverage_w - CELL_PAD,
        first_baseline,
        &label,
        weight,
        BODY_SIZE,
        Ink::Text,
    );
    let bar_x = x + CELL_PAD + 1.0;
    let bar_w = (COLUMNS.coverage_w - 2.0 * CELL_PAD - label_w - 2.0).max(4.0);
    let bar_y = first_baseline - 2.4;
    c.fill(bar_x, bar_y, bar_w, 2.4, Ink::BarTrack);
    if percent > 0.0 {
        c.fill(
            bar_x,
            bar_y,
            bar_w * (percent as f32 / 100.0).min(1.0),
            2.4,
            Ink::Bar,
        );
    }
    c.rule(MARGIN_X, PAGE_W - MARGIN_X, y + h, 0.3, Ink::Rule);
    y + h
}

/// The first page's heading; returns the y below it.
fn heading(c: &mut Canvas<'_>, report: &CoverageReport) -> f32 {
    let mut y = c.title_block(&report.organisation, &t("report-pdf-title"), 12.5);
    y += 6.0;
    let as_of = ta(
        "report-pdf-as-of",
        &[("date", Arg::from(fmt_date(report.as_of)))],
    );
    c.text(MARGIN_X, y, &as_of, Weight::Regular, 10.0, Ink::Text);
    y += 5.0;
    if let Some(row) = report.rows.first().filter(|_| report.department.is_some()) {
        let scope = ta(
            "report-pdf-scope",
            &[(
                "department",
                Arg::from(format!("{} {}", row.code, row.name)),
            )],
        );
        for line in c.wrap(&scope, Weight::Regular, 10.0, PAGE_W - 2.0 * MARGIN_X) {
            c.text(MARGIN_X, y, &line, Weight::Regular, 10.0, Ink::Muted);
            y += 4.6;
        }
    }
    for line in c.wrap(
        &t("report-pdf-intro"),
        Weight::Regular,
        9.0,
        PAGE_W - 2.0 * MARGIN_X,
    ) {
        c.text(MARGIN_X, y, &line, Weight::Regular, 9.0, Ink::Muted);
        y += 4.2;
    }
    y + 2.0
}

/// A program's heading and summary line; returns the y below it.
fn program_heading(
    c: &mut Canvas<'_>,
    y: f32,
    title: &str,
    total: Option<&CoverageFigures>,
) -> f32 {
    let mut y = y + 5.0;
    c.text(MARGIN_X, y, title, Weight::Bold, 11.5, Ink::Accent);
    if let Some(total) = total {
        y += 5.0;
        let summary = ta(
            "report-pdf-summary",
            &[
                ("employees", Arg::from(total.employees)),
                ("valid", Arg::from(total.valid)),
                ("percent", Arg::from(one_decimal(total.coverage_percent()))),
                ("expiring", Arg::from(total.expiring)),
                ("expired", Arg::from(total.expired)),
            ],
        );
        c.text(MARGIN_X, y, &summary, Weight::Regular, 9.0, Ink::Text);
    }
    y + 2.5
}

/// Prints `report` as a PDF in the current language: A4 landscape, one table per program.
/// Fails (with a message in the user's language) only when the built-in fonts are missing
/// or the file cannot be assembled.
pub fn coverage_pdf(report: &CoverageReport) -> Result<Vec<u8>> {
    let fonts = fonts().ok_or_else(|| Error::Message(t("cert-error-font")))?;
    let mut c = Canvas {
        fonts,
        pages: vec![Vec::new()],
    };
    let y = heading(&mut c, report);
    let y = program_tables(&mut c, report, y);
    legend(&mut c, y);
    let left = {
        let as_of = ta(
            "report-pdf-as-of",
            &[("date", Arg::from(fmt_date(report.as_of)))],
        );
        if report.organisation.trim().is_empty() {
            format!("{} · {as_of}", t("report-pdf-title"))
        } else {
            format!(
                "{} · {} · {as_of}",
                report.organisation.trim(),
                t("report-pdf-title")
            )
        }
    };
    let title = match report.organisation.trim() {
        "" => t("report-pdf-title"),
        org => format!("{} – {org}", t("report-pdf-title")),
    };
    // Dated by the day the report is about: the report reads no clock.
    let at = report.as_of.and_hms_opt(12, 0, 0).unwrap_or_default();
    finish(c, &left, &title, at, report.pdfa)
}

/// One table per program, each department a line (and the total); returns the y below.
pub(super) fn program_tables(c: &mut Canvas<'_>, report: &CoverageReport, mut y: f32) -> f32 {
    let name_width = COLUMNS.name_w - 2.0 * CELL_PAD;
    // With a department filter the department's own line is the total.
    let show_total = report.department.is_none();

    if report.programs.is_empty() {
        c.text(
            MARGIN_X,
            y + 6.0,
            &t("report-no-programs"),
            Weight::Regular,
            10.0,
            Ink::Text,
        );
    }
    for (j, program) in report.programs.iter().enumerate() {
        let title = format!("{} ({})", program.title, program.code);
        // A new program starts on a new page unless the heading, the table header and a
        // few lines still fit.
        if j > 0 && y + 40.0 > BODY_BOTTOM {
            c.new_page();
            y = MARGIN_TOP;
        }
        y = program_heading(c, y, &title, report.total.get(j));
        y = table_header(c, y);
        let mut lines: Vec<(Vec<String>, f32, &CoverageFigures, Weight)> = report
            .rows
            .iter()
            .map(|row| {
                let indent = row.depth as f32 * 4.5;
                let weight = if row.depth == 0 {
                    Weight::Bold
                } else {
                    Weight::Regular
                };
                let text = if row.code.is_empty() {
                    row.name.clone()
                } else {
                    format!("{}  {}", row.code, row.name)
                };
                let wrapped = c.wrap(&text, weight, BODY_SIZE, name_width - indent);
                (wrapped, indent, &row.figures[j], weight)
            })
            .collect();
        let total = report.total.get(j).filter(|_| show_total);
        if let Some(total) = total {
            lines.push((vec![t("report-total")], 0.0, total, Weight::Bold));
        }
        let total_index = lines.len().saturating_sub(1);
        for (k, (name, indent, figures, weight)) in lines.iter().enumerate() {
            let h = name.len().max(1) as f32 * LINE + 1.6;
            if y + h > BODY_BOTTOM {
                c.new_page();
                y = program_heading(
                    c,
                    MARGIN_TOP,
                    &ta("report-pdf-continued", &[("program", Arg::from(&title))]),
                    None,
                );
                y = table_header(c, y);
            }
            if k == total_index && total.is_some() {
                c.rule(MARGIN_X, PAGE_W - MARGIN_X, y, 0.8, Ink::Text);
            }
            y = table_row(c, y, name, *indent, figures, *weight, k % 2 == 1);
        }
        y += 4.0;
    }

    y
}

/// The legend: what every number counts; returns the y below it.
pub(super) fn legend(c: &mut Canvas<'_>, mut y: f32) -> f32 {
    // The legend: what every number counts.
    let mut legend: Vec<(String, String)> = MEASURES
        .iter()
        .zip(figure_headers())
        .map(|(m, h)| (h, m.explanation()))
        .collect();
    legend.push((t("report-pdf-col-coverage"), t("report-explain-coverage")));
    legend.push((String::new(), t("report-explain-rollup")));
    let label_w = 52.0;
    let text_w = PAGE_W - 2.0 * MARGIN_X - label_w;
    let wrapped: Vec<(String, Vec<String>)> = legend
        .into_iter()
        .map(|(label, text)| {
            let lines = c.wrap(&text, Weight::Regular, 8.5, text_w);
            (label, lines)
        })
        .collect();
    let legend_h: f32 = 8.0
        + wrapped
            .iter()
            .map(|(_, l)| l.len() as f32 * 3.9 + 0.8)
            .sum::<f32>();
    if y + legend_h > BODY_BOTTOM {
        c.new_page();
        y = MARGIN_TOP;
    }
    y += 4.0;
    c.text(
        MARGIN_X,
        y,
        &t("report-pdf-legend"),
        Weight::Bold,
        10.0,
        Ink::Accent,
    );
    y += 5.0;
    for (label, lines) in &wrapped {
        c.text(MARGIN_X, y, label, Weight::Bold, 8.5, Ink::Text);
        for (k, line) in lines.iter().enumerate() {
            c.text(
                MARGIN_X + label_w,
                y + k as f32 * 3.9,
                line,
                Weight::Regular,
                8.5,
                Ink::Text,
            );
        }
        y += lines.len() as f32 * 3.9 + 0.8;
    }

    y
}
