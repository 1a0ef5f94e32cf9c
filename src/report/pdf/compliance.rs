//! The printed compliance report: on top who it is for, the day, the scope and who
//! generated it when; then a summary per program, coverage per department (the coverage
//! report's tables), the valid certificates, the expired ones without a successor and the
//! revoked ones — each list per program, with its header repeated after a page break —
//! the legend, and on every page the report's line and "Seite X von Y".

use super::coverage::{legend, program_tables};
use super::{
    BODY_BOTTOM, BODY_SIZE, CELL_PAD, Canvas, Ink, LINE, MARGIN_TOP, MARGIN_X, PAGE_W, Weight,
    finish, fonts,
};
use crate::error::{Error, Result};
use crate::i18n::{Arg, fmt_date, fmt_opt_date, t, ta};
use crate::report::compliance::{ComplianceLine, ComplianceReport, generated_text, scope_text};
use crate::report::export::{one_decimal, status_label};

const TABLE_W: f32 = PAGE_W - 2.0 * MARGIN_X;

/// A column: its heading, width in mm, and whether it is aligned right (figures).
struct Column {
    title: String,
    width: f32,
    right: bool,
}

fn col(title: String, width: f32, align: Align) -> Column {
    Column {
        title,
        width,
        right: align == Align::Right,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Align {
    Left,
    Right,
}

/// A section heading ("2. Abdeckung nach Organisationseinheiten"); a new page first when
/// the heading and a few lines would not fit. Returns the y below it.
fn section(c: &mut Canvas<'_>, y: f32, title: &str) -> f32 {
    let mut y = y;
    if y + 30.0 > BODY_BOTTOM {
        c.new_page();
        y = MARGIN_TOP;
    }
    let y = y + 7.0;
    c.text(MARGIN_X, y, title, Weight::Bold, 12.5, Ink::Accent);
    c.rule(MARGIN_X, PAGE_W - MARGIN_X, y + 1.8, 0.6, Ink::Accent);
    y + 4.0
}

/// A program's heading inside a list section; returns the y below it.
fn subheading(c: &mut Canvas<'_>, y: f32, title: &str) -> f32 {
    let y = y + 5.5;
    c.text(MARGIN_X, y, title, Weight::Bold, 10.5, Ink::Text);
    y + 2.0
}

/// The header row of `columns` at `y`; returns the y below it.
fn header(c: &mut Canvas<'_>, y: f32, columns: &[Column]) -> f32 {
    let size = 8.0;
    let wrapped: Vec<Vec<String>> = columns
        .iter()
        .map(|k| c.wrap(&k.title, Weight::Bold, size, k.width - 2.0 * CELL_PAD))
        .collect();
    let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1) as f32;
    let h = lines * 3.6 + 2.6;
    c.fill(MARGIN_X, y, TABLE_W, h, Ink::HeaderFill);
    let mut x = MARGIN_X;
    for (k, lines) in columns.iter().zip(&wrapped) {
        for (n, line) in lines.iter().enumerate() {
            let baseline = y + 4.2 + n as f32 * 3.6;
            c.cell_text(x, k.width, k.right, baseline, line, Weight::Bold, size);
        }
        x += k.width;
    }
    c.rule(MARGIN_X, PAGE_W - MARGIN_X, y + h, 0.8, Ink::Accent);
    y + h
}

/// A table: the header, then each row (cells wrapped to their column); after a page break
/// `continued` and the header again. Returns the y below it.
fn table(
    c: &mut Canvas<'_>,
    mut y: f32,
    columns: &[Column],
    rows: &[Vec<String>],
    continued: &str,
) -> f32 {
    if y + 16.0 > BODY_BOTTOM {
        c.new_page();
        y = subheading(c, MARGIN_TOP, continued);
    }
    y = header(c, y, columns);
    for (i, row) in rows.iter().enumerate() {
        let wrapped: Vec<Vec<String>> = columns
            .iter()
            .zip(row)
            .map(|(k, cell)| c.wrap(cell, Weight::Regular, BODY_SIZE, k.width - 2.0 * CELL_PAD))
            .collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let h = lines as f32 * LINE + 1.6;
        if y + h > BODY_BOTTOM {
            c.new_page();
            y = subheading(c, MARGIN_TOP, continued);
            y = header(c, y, columns);
        }
        if i % 2 == 1 {
            c.fill(MARGIN_X, y, TABLE_W, h, Ink::Zebra);
        }
        let mut x = MARGIN_X;
        for (k, lines) in columns.iter().zip(&wrapped) {
            for (n, line) in lines.iter().enumerate() {
                let baseline = y + 4.0 + n as f32 * LINE;
                c.cell_text(
                    x,
                    k.width,
                    k.right,
                    baseline,
                    line,
                    Weight::Regular,
                    BODY_SIZE,
                );
            }
            x += k.width;
        }
        c.rule(MARGIN_X, PAGE_W - MARGIN_X, y + h, 0.3, Ink::Rule);
        y += h;
    }
    y + 2.0
}

/// A muted sentence (e.g. "Keine."); returns the y below it.
fn note(c: &mut Canvas<'_>, y: f32, text: &str) -> f32 {
    let mut y = y + 4.5;
    for line in c.wrap(text, Weight::Regular, 9.0, TABLE_W) {
        c.text(MARGIN_X, y, &line, Weight::Regular, 9.0, Ink::Muted);
        y += 4.2;
    }
    y
}

/// The first page's heading; returns the y below it.
fn heading(c: &mut Canvas<'_>, report: &ComplianceReport) -> f32 {
    let mut y = c.title_block(&report.organisation, &t("compliance-title"), 13.5);
    y += 6.5;
    let as_of = ta(
        "compliance-as-of",
        &[("date", Arg::from(fmt_date(report.as_of)))],
    );
    for (text, ink) in [
        (as_of, Ink::Text),
        (scope_text(report), Ink::Text),
        (generated_text(report), Ink::Muted),
    ] {
        for line in c.wrap(&text, Weight::Regular, 10.0, TABLE_W) {
            c.text(MARGIN_X, y, &line, Weight::Regular, 10.0, ink);
            y += 4.8;
        }
    }
    y += 1.0;
    for line in c.wrap(&t("compliance-intro"), Weight::Regular, 9.0, TABLE_W) {
        c.text(MARGIN_X, y, &line, Weight::Regular, 9.0, Ink::Muted);
        y += 4.2;
    }
    y
}

/// Section 1: one line per program with the figures over the whole scope.
fn summary(c: &mut Canvas<'_>, y: f32, report: &ComplianceReport) -> f32 {
    let y = section(c, y, &t("compliance-section-summary"));
    let columns = [
        col(t("compliance-col-program"), 87.0, Align::Left),
        col(t("report-pdf-col-employees"), 25.0, Align::Right),
        col(t("report-pdf-col-valid"), 30.0, Align::Right),
        col(t("report-pdf-col-coverage"), 25.0, Align::Right),
        col(t("report-pdf-col-expiring"), 30.0, Align::Right),
        col(t("report-pdf-col-expired"), 25.0, Align::Right),
        col(t("report-pdf-col-in-progress"), 20.0, Align::Right),
        col(t("compliance-col-revoked"), 25.0, Align::Right),
    ];
    if report.summary.is_empty() {
        return note(c, y, &t("report-no-programs"));
    }
    let rows: Vec<Vec<String>> = report
        .summary
        .iter()
        .zip(&report.coverage.programs)
        .map(|(s, p)| {
            let f = &s.figures;
            vec![
                format!("{} ({})", p.title, p.code),
                f.employees.to_string(),
                f.valid.to_string(),
                format!("{} %", one_decimal(f.coverage_percent())),
                f.expiring.to_string(),
                f.expired.to_string(),
                f.in_progress.to_string(),
                s.revoked.to_string(),
            ]
        })
        .collect();
    table(c, y, &columns, &rows, &t("compliance-section-summary"))
}

/// A list section (holders, expired, revoked): per program a heading and a table, or
/// "Keine." for a program without lines.
fn list_section(
    c: &mut Canvas<'_>,
    y: f32,
    report: &ComplianceReport,
    title: &str,
    lines: &[ComplianceLine],
    revocations: bool,
) -> f32 {
    let mut y = section(c, y, title);
    if report.coverage.programs.is_empty() {
        return note(c, y, &t("report-no-programs"));
    }
    let columns = if revocations {
        vec![
            col(t("compliance-col-name"), 48.0, Align::Left),
            col(t("compliance-col-personnel"), 22.0, Align::Left),
            col(t("report-col-department"), 48.0, Align::Left),
            col(t("report-col-serial"), 36.0, Align::Left),
            col(t("report-col-issued-on"), 28.0, Align::Left),
            col(t("report-col-revoked-on"), 28.0, Align::Left),
            col(t("compliance-col-reason"), 59.0, Align::Left),
        ]
    } else {
        vec![
            col(t("compliance-col-name"), 52.0, Align::Left),
            col(t("compliance-col-personnel"), 22.0, Align::Left),
            col(t("report-col-department"), 66.0, Align::Left),
            col(t("report-col-serial"), 34.0, Align::Left),
            col(t("report-col-issued-on"), 28.0, Align::Left),
            col(t("report-col-valid-until"), 25.0, Align::Left),
            col(t("report-col-status"), 40.0, Align::Left),
        ]
    };
    for (j, program) in report.coverage.programs.iter().enumerate() {
        let of_program: Vec<&ComplianceLine> = lines.iter().filter(|l| l.program == j).collect();
        let heading = ta(
            "compliance-program-count",
            &[
                (
                    "program",
                    Arg::from(format!("{} ({})", program.title, program.code)),
                ),
                ("count", Arg::from(of_program.len())),
            ],
        );
        if y + 22.0 > BODY_BOTTOM {
            c.new_page();
            y = MARGIN_TOP;
        }
        y = subheading(c, y, &heading);
        if of_program.is_empty() {
            y = note(c, y - 1.0, &t("compliance-none")) + 1.0;
            continue;
        }
        let rows: Vec<Vec<String>> = of_program
            .iter()
            .map(|l| {
                let name = format!("{}, {}", l.last_name, l.first_name);
                let department = match (&l.department_code, &l.department_name) {
                    (Some(code), Some(name)) => format!("{code} {name}"),
                    _ => t("report-no-department"),
                };
                let mut row = vec![
                    name,
                    l.personnel_number.clone(),
                    department,
                    l.serial.clone(),
                    fmt_date(l.issued_on),
                ];
                if revocations {
                    row.push(fmt_opt_date(l.revoked_on));
                    row.push(l.revocation_reason.clone().unwrap_or_default());
                } else {
                    row.push(
                        l.valid_until
                            .map_or_else(|| t("compliance-no-expiry"), fmt_date),
                    );
                    row.push(status_label(l.status));
                }
                row
            })
            .collect();
        let continued = ta("report-pdf-continued", &[("program", Arg::from(&heading))]);
        y = table(c, y, &columns, &rows, &continued);
    }
    y
}

/// Prints the compliance report as a PDF in the current language, A4 landscape.
pub fn compliance_pdf(report: &ComplianceReport) -> Result<Vec<u8>> {
    let fonts = fonts().ok_or_else(|| Error::Message(t("cert-error-font")))?;
    let mut c = Canvas {
        fonts,
        pages: vec![Vec::new()],
    };
    let y = heading(&mut c, report);
    let y = summary(&mut c, y, report);
    let y = section(&mut c, y, &t("compliance-section-coverage"));
    let y = program_tables(&mut c, &report.coverage, y - 3.0);
    let y = list_section(
        &mut c,
        y,
        report,
        &t("compliance-section-holders"),
        &report.holders,
        false,
    );
    let y = list_section(
        &mut c,
        y,
        report,
        &t("compliance-section-expired"),
        &report.expired,
        false,
    );
    let y = list_section(
        &mut c,
        y,
        report,
        &t("compliance-section-revoked"),
        &report.revoked,
        true,
    );
    legend(&mut c, y);

    let mut left = vec![t("compliance-title")];
    if !report.organisation.trim().is_empty() {
        left.insert(0, report.organisation.trim().to_owned());
    }
    left.push(ta(
        "compliance-as-of",
        &[("date", Arg::from(fmt_date(report.as_of)))],
    ));
    left.push(generated_text(report));
    let title = match report.organisation.trim() {
        "" => t("compliance-title"),
        org => format!("{} – {org}", t("compliance-title")),
    };
    finish(
        c,
        &left.join(" · "),
        &title,
        report.generated_at,
        report.pdfa,
    )
}
