//! Spreadsheets: reports and lists as [`Sheet`]s, written as CSV or XLSX.
//!
//! CSV files are made for German Excel, which opens them with a double click only when
//! they are UTF-8 **with** a byte-order mark and use `;` between cells (the comma is the
//! decimal separator there). So every CSV file Lotse writes starts with a BOM, separates
//! cells with `;`, ends lines with CRLF, writes dates and decimals as the current language
//! does (21.11.2026 and 12,5 in German), and sends every cell through [`csv_safe`] so that
//! no cell is run as a formula.
//!
//! XLSX files have a bold, frozen header row with an autofilter, column widths that fit,
//! dates as real dates (dd.mm.yyyy in German), numbers as numbers, and the matrix's
//! colour roles as cell fills. Text cells are written as text, never as formulas.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::coverage::{CoverageReport, Measure};
use super::hours::HoursReport;
use super::matrix::Matrix;
use super::{Tone, csv_safe};
use crate::error::{Error, Result};
use crate::i18n::{Arg, Lang, fmt_date, language, t, ta};
use crate::model::DepartmentTree;
use crate::rules::CertificateStatus;
use crate::store::{CertificateRow, EmployeeRow};

/// The kind of file, from its name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Xlsx,
    Pdf,
}

impl ExportFormat {
    /// The format for `path`'s extension (`.csv`, `.xlsx`, `.pdf`, any case); `None` otherwise.
    pub fn from_path(path: &Path) -> Option<ExportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(ExportFormat::Csv),
            "xlsx" => Some(ExportFormat::Xlsx),
            "pdf" => Some(ExportFormat::Pdf),
            _ => None,
        }
    }
}

/// The value of a cell.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    Text(String),
    Int(i64),
    /// A decimal, shown with one decimal place.
    Number(f64),
    /// A percentage as a number from 0 to 100, shown with one decimal place.
    Percent(f64),
    Date(NaiveDate),
    Empty,
}

/// A cell: its value, an optional colour role and an indent (tree levels).
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub value: CellValue,
    pub tone: Option<Tone>,
    pub indent: u8,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::from(CellValue::Text(s.into()))
    }

    pub fn int(n: impl Into<i64>) -> Cell {
        Cell::from(CellValue::Int(n.into()))
    }

    pub fn number(n: f64) -> Cell {
        Cell::from(CellValue::Number(n))
    }

    pub fn percent(n: f64) -> Cell {
        Cell::from(CellValue::Percent(n))
    }

    pub fn date(d: Option<NaiveDate>) -> Cell {
        Cell::from(d.map_or(CellValue::Empty, CellValue::Date))
    }

    pub fn opt_text(s: Option<&str>) -> Cell {
        Cell::from(s.map_or(CellValue::Empty, |s| CellValue::Text(s.to_owned())))
    }

    pub fn with_tone(mut self, tone: Tone) -> Cell {
        self.tone = Some(tone);
        self
    }

    pub fn with_indent(mut self, indent: usize) -> Cell {
        self.indent = u8::try_from(indent).unwrap_or(u8::MAX).min(15);
        self
    }

    /// The cell as text in the current language (dates 21.11.2026, decimals 12,5).
    pub fn display(&self) -> String {
        match &self.value {
            CellValue::Text(s) => s.clone(),
            CellValue::Int(n) => n.to_string(),
            CellValue::Number(n) | CellValue::Percent(n) => one_decimal(*n),
            CellValue::Date(d) => fmt_date(*d),
            CellValue::Empty => String::new(),
        }
    }
}

impl From<CellValue> for Cell {
    fn from(value: CellValue) -> Cell {
        Cell {
            value,
            tone: None,
            indent: 0,
        }
    }
}

/// A number with one decimal and the language's decimal separator: "12,5", "40,0".
pub fn one_decimal(n: f64) -> String {
    let s = format!("{n:.1}");
    match language() {
        Lang::De => s.replace('.', ","),
        Lang::En => s,
    }
}

/// One table: a header row and rows of cells.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    /// The worksheet's name (shortened and cleaned for Excel when written).
    pub name: String,
    pub headers: Vec<String>,
    /// Column widths in characters; missing ones are fitted to the content.
    pub widths: Vec<f64>,
    pub rows: Vec<Vec<Cell>>,
}

fn csv_error(e: impl std::fmt::Display) -> Error {
    Error::Message(ta(
        "report-error-write",
        &[("detail", Arg::from(e.to_string()))],
    ))
}

/// Writes `sheet` as CSV for German Excel (see the module documentation).
pub fn write_csv(sheet: &Sheet, out: &mut dyn Write) -> Result<()> {
    out.write_all("\u{feff}".as_bytes()).map_err(csv_error)?;
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(sheet.headers.iter().map(|h| csv_safe(h)))
        .map_err(csv_error)?;
    for row in &sheet.rows {
        w.write_record(row.iter().map(|c| csv_safe(&c.display())))
            .map_err(csv_error)?;
    }
    w.flush().map_err(csv_error)?;
    Ok(())
}

/// `sheet` as CSV bytes.
pub fn csv_bytes(sheet: &Sheet) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    write_csv(sheet, &mut out)?;
    Ok(out)
}

fn xlsx_error(e: XlsxError) -> Error {
    Error::Message(ta(
        "report-error-write",
        &[("detail", Arg::from(e.to_string()))],
    ))
}

/// A worksheet name Excel accepts: at most 31 characters, none of `[ ] : * ? / \`.
fn sheet_name(name: &str, taken: &[String]) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    let clean = clean.trim().trim_matches('\'');
    let base: String = if clean.is_empty() {
        "Lotse".into()
    } else {
        clean.chars().take(31).collect()
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
        let suffix = format!(" ({n})");
        candidate = base
            .chars()
            .take(31 - suffix.chars().count())
            .collect::<String>()
            + &suffix;
        n += 1;
    }
    candidate
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Text,
    Int,
    Decimal,
    Date,
}

/// The cell formats of one workbook, made once per combination.
struct Formats {
    date_pattern: &'static str,
    cache: HashMap<(Kind, Option<Tone>, u8), Format>,
}

impl Formats {
    fn get(&mut self, kind: Kind, tone: Option<Tone>, indent: u8) -> &Format {
        let date_pattern = self.date_pattern;
        self.cache.entry((kind, tone, indent)).or_insert_with(|| {
            let mut f = Format::new();
            f = match kind {
                Kind::Text => f,
                Kind::Int => f.set_num_format("0"),
                Kind::Decimal => f.set_num_format("0.0"),
                Kind::Date => f.set_num_format(date_pattern).set_align(FormatAlign::Left),
            };
            if let Some(rgb) = tone.and_then(Tone::fill_rgb) {
                f = f
                    .set_background_color(Color::RGB(rgb))
                    .set_border(FormatBorder::Thin)
                    .set_border_color(Color::RGB(0xD9D9D9));
            }
            if indent > 0 {
                f = f.set_indent(indent);
            }
            f
        })
    }
}

fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    formats: &mut Formats,
) -> Result<()> {
    let r = match &cell.value {
        CellValue::Text(s) => {
            let f = formats.get(Kind::Text, cell.tone, cell.indent);
            ws.write_string_with_format(row, col, s, f)
        }
        CellValue::Int(n) => {
            let f = formats.get(Kind::Int, cell.tone, 0);
            ws.write_number_with_format(row, col, *n as f64, f)
        }
        CellValue::Number(n) | CellValue::Percent(n) => {
            let f = formats.get(Kind::Decimal, cell.tone, 0);
            ws.write_number_with_format(row, col, *n, f)
        }
        CellValue::Date(d) => {
            use chrono::Datelike;
            match (
                u16::try_from(d.year()).ok(),
                u8::try_from(d.month()).ok(),
                u8::try_from(d.day()).ok(),
            ) {
                (Some(y), Some(m), Some(day)) => match ExcelDateTime::from_ymd(y, m, day) {
                    Ok(dt) => {
                        let f = formats.get(Kind::Date, cell.tone, 0);
                        ws.write_datetime_with_format(row, col, dt, f)
                    }
                    Err(_) => ws.write_string(row, col, fmt_date(*d)),
                },
                _ => ws.write_string(row, col, fmt_date(*d)),
            }
        }
        CellValue::Empty => match cell.tone {
            Some(tone) => {
                let f = formats.get(Kind::Text, Some(tone), 0);
                ws.write_blank(row, col, f)
            }
            None => return Ok(()),
        },
    };
    r.map(|_| ()).map_err(xlsx_error)
}

/// A width in characters that fits the longest of the header and the first rows.
fn fitted_width(sheet: &Sheet, col: usize) -> f64 {
    let header = sheet.headers.get(col).map_or(0, |h| h.chars().count());
    let content = sheet
        .rows
        .iter()
        .take(2000)
        .filter_map(|r| r.get(col))
        .map(|c| c.display().chars().count() + usize::from(c.indent) * 2)
        .max()
        .unwrap_or(0);
    // Room for the autofilter arrow in the header.
    ((header + 3).max(content + 1)).clamp(6, 60) as f64
}

/// The sheets as one XLSX workbook.
pub fn xlsx_bytes(sheets: &[Sheet]) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let mut formats = Formats {
        date_pattern: match language() {
            Lang::De => "dd.mm.yyyy",
            Lang::En => "yyyy-mm-dd",
        },
        cache: HashMap::new(),
    };
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xE7ECF3))
        .set_border_bottom(FormatBorder::Thin)
        .set_text_wrap();
    let mut names: Vec<String> = Vec::new();
    for sheet in sheets {
        let ws = workbook.add_worksheet();
        let name = sheet_name(&sheet.name, &names);
        ws.set_name(&name).map_err(xlsx_error)?;
        names.push(name);
        let cols = sheet.headers.len();
        let mut header_lines = 1usize;
        for (c, h) in sheet.headers.iter().enumerate() {
            let col = u16::try_from(c).map_err(|_| xlsx_error(XlsxError::RowColumnLimitError))?;
            ws.write_string_with_format(0, col, h, &header)
                .map_err(xlsx_error)?;
            let width = sheet
                .widths
                .get(c)
                .copied()
                .unwrap_or_else(|| fitted_width(sheet, c));
            ws.set_column_width(col, width).map_err(xlsx_error)?;
            // Excel does not grow a row for wrapped text by itself.
            let chars = h.chars().count() as f64 + 2.0;
            header_lines = header_lines.max((chars / width.max(1.0)).ceil() as usize);
        }
        if header_lines > 1 {
            ws.set_row_height(0, 15.0 * header_lines.min(4) as f64)
                .map_err(xlsx_error)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|_| xlsx_error(XlsxError::RowColumnLimitError))?;
            for (c, cell) in row.iter().enumerate().take(cols) {
                let col =
                    u16::try_from(c).map_err(|_| xlsx_error(XlsxError::RowColumnLimitError))?;
                write_cell(ws, r, col, cell, &mut formats)?;
            }
        }
        ws.set_freeze_panes(1, 0).map_err(xlsx_error)?;
        if cols > 0 {
            let last_row = u32::try_from(sheet.rows.len()).unwrap_or(u32::MAX);
            let last_col = u16::try_from(cols - 1).unwrap_or(u16::MAX);
            ws.autofilter(0, 0, last_row, last_col)
                .map_err(xlsx_error)?;
        }
    }
    if sheets.is_empty() {
        workbook.add_worksheet();
    }
    workbook.save_to_buffer().map_err(xlsx_error)
}

/// Coverage as a sheet: one line per department and program (sub-units rolled up, the
/// name indented by level), then one line per program for the whole organisation
/// (left out with a department filter: the department's own line is its total).
pub fn coverage_sheet(report: &CoverageReport) -> Sheet {
    let mut headers = vec![
        t("report-col-department-code"),
        t("report-col-department"),
        t("report-col-program-code"),
        t("report-col-program"),
    ];
    let measures = [
        Measure::Employees,
        Measure::Valid,
        Measure::Expiring,
        Measure::Expired,
        Measure::InProgress,
    ];
    headers.extend(measures.iter().map(|m| m.label()));
    headers.push(t("report-col-coverage"));
    headers.push(t("report-col-as-of"));
    let mut rows = Vec::new();
    let line = |code: Cell, name: Cell, j: usize, f: &super::CoverageFigures| {
        let p = &report.programs[j];
        let mut cells = vec![code, name, Cell::text(&p.code), Cell::text(&p.title)];
        cells.extend(measures.iter().map(|m| Cell::int(f.get(*m))));
        cells.push(Cell::percent(f.coverage_percent()));
        cells.push(Cell::date(Some(report.as_of)));
        cells
    };
    for row in &report.rows {
        for (j, f) in row.figures.iter().enumerate() {
            rows.push(line(
                Cell::text(&row.code),
                Cell::text(&row.name).with_indent(row.depth),
                j,
                f,
            ));
        }
    }
    // With a department filter its own line already is the total.
    if report.department.is_none() {
        for (j, f) in report.total.iter().enumerate() {
            rows.push(line(
                Cell::from(CellValue::Empty),
                Cell::text(t("report-total")),
                j,
                f,
            ));
        }
    }
    let mut widths = vec![10.0, 42.0, 10.0, 26.0];
    widths.extend(measures.iter().map(|_| 13.0));
    widths.extend([12.0, 12.0]);
    Sheet {
        name: ta(
            "report-sheet-coverage",
            &[("date", Arg::from(fmt_date(report.as_of)))],
        ),
        headers,
        widths,
        rows,
    }
}

/// The matrix as a sheet: one line per employee, one column per program or seminar,
/// each cell its state in words with its colour.
pub fn matrix_sheet(matrix: &Matrix) -> Sheet {
    let mut headers = vec![
        t("field-personnel-number"),
        t("field-last-name"),
        t("field-first-name"),
        t("report-col-department-code"),
    ];
    headers.extend(
        matrix
            .columns
            .iter()
            .map(|c| format!("{} {}", c.code, c.title)),
    );
    let rows = matrix
        .rows
        .iter()
        .map(|r| {
            let mut cells = vec![
                Cell::text(&r.personnel_number),
                Cell::text(&r.last_name),
                Cell::text(&r.first_name),
                Cell::opt_text(r.department_code.as_deref()),
            ];
            cells.extend(
                r.cells
                    .iter()
                    .map(|c| Cell::text(c.label()).with_tone(c.tone())),
            );
            cells
        })
        .collect();
    let mut widths = vec![12.0, 20.0, 16.0, 9.0];
    widths.extend(matrix.columns.iter().map(|c| {
        ((c.code.chars().count() + c.title.chars().count() + 4) as f64).clamp(22.0, 34.0)
    }));
    Sheet {
        name: ta(
            "report-sheet-matrix",
            &[("date", Arg::from(fmt_date(matrix.as_of)))],
        ),
        headers,
        widths,
        rows,
    }
}

/// The status of a certificate in words, for lists.
pub fn status_label(status: CertificateStatus) -> String {
    t(match status {
        CertificateStatus::Valid => "report-status-valid",
        CertificateStatus::Expiring => "report-status-expiring",
        CertificateStatus::Expired => "report-status-expired",
        CertificateStatus::Revoked => "report-status-revoked",
        CertificateStatus::Superseded => "report-status-superseded",
        CertificateStatus::NotYetIssued => "report-status-not-yet-issued",
    })
}

/// The colour of a certificate status in lists.
pub fn status_tone(status: CertificateStatus) -> Tone {
    match status {
        CertificateStatus::Valid => Tone::Good,
        CertificateStatus::Expiring => Tone::Warning,
        CertificateStatus::Expired | CertificateStatus::Revoked => Tone::Bad,
        CertificateStatus::Superseded | CertificateStatus::NotYetIssued => Tone::Neutral,
    }
}

/// Every certificate as a sheet, with its status on `as_of`.
pub fn certificates_sheet(
    certificates: &[CertificateRow],
    departments: &DepartmentTree,
    as_of: NaiveDate,
) -> Sheet {
    let serial_of: HashMap<i64, &str> = certificates
        .iter()
        .map(|c| (c.certificate.id.0, c.certificate.serial.as_str()))
        .collect();
    let department_code = |id: Option<i64>| {
        id.and_then(|d| departments.position(crate::model::DepartmentId(d)))
            .map(|pos| departments.nodes()[pos].department.code.clone())
    };
    let headers = vec![
        t("report-col-serial"),
        t("report-col-program-code"),
        t("field-personnel-number"),
        t("field-last-name"),
        t("field-first-name"),
        t("report-col-department-code"),
        t("report-col-issued-on"),
        t("report-col-valid-until"),
        t("report-col-status"),
        t("report-col-revoked-on"),
        t("report-col-superseded-by"),
        t("report-col-code"),
    ];
    let rows = certificates
        .iter()
        .map(|r| {
            let c = &r.certificate;
            let status = c.status(as_of);
            vec![
                Cell::text(&c.serial),
                Cell::text(&r.program_code),
                Cell::text(&r.personnel_number),
                Cell::text(&r.last_name),
                Cell::text(&r.first_name),
                Cell::opt_text(department_code(r.department_id).as_deref()),
                Cell::date(Some(c.issued_on)),
                Cell::date(c.valid_until),
                Cell::text(status_label(status)).with_tone(status_tone(status)),
                Cell::date(c.revoked_on),
                Cell::opt_text(c.superseded_by.and_then(|id| serial_of.get(&id.0).copied())),
                Cell::text(crate::certificate::format_code(&c.code)),
            ]
        })
        .collect();
    Sheet {
        name: t("report-sheet-certificates"),
        headers,
        widths: vec![
            16.0, 9.0, 12.0, 20.0, 16.0, 9.0, 12.0, 12.0, 22.0, 12.0, 16.0, 18.0,
        ],
        rows,
    }
}

/// The staff list as a sheet (leavers included, with their exit date).
pub fn employees_sheet(employees: &[EmployeeRow], as_of: NaiveDate) -> Sheet {
    let headers = vec![
        t("field-personnel-number"),
        t("field-last-name"),
        t("field-first-name"),
        t("report-col-salutation"),
        t("field-email"),
        t("report-col-department-code"),
        t("report-col-department"),
        t("field-job-title"),
        t("field-entry-date"),
        t("field-exit-date"),
        t("report-col-active"),
    ];
    let rows = employees
        .iter()
        .map(|r| {
            let e = &r.employee;
            vec![
                Cell::text(&e.personnel_number),
                Cell::text(&e.last_name),
                Cell::text(&e.first_name),
                Cell::text(e.salutation.label()),
                Cell::opt_text(e.email.as_deref()),
                Cell::opt_text(r.department_code.as_deref()),
                Cell::opt_text(r.department_name.as_deref()),
                Cell::opt_text(e.job_title.as_deref()),
                Cell::date(e.entry_date),
                Cell::date(e.exit_date),
                Cell::text(t(if super::employed_on(e, as_of) {
                    "report-yes"
                } else {
                    "report-no"
                })),
            ]
        })
        .collect();
    Sheet {
        name: t("report-sheet-employees"),
        headers,
        widths: vec![
            12.0, 20.0, 16.0, 10.0, 30.0, 9.0, 32.0, 26.0, 12.0, 12.0, 9.0,
        ],
        rows,
    }
}

/// Training hours as two sheets: per department (rolled up) and per employee.
pub fn hours_sheets(report: &HoursReport) -> Vec<Sheet> {
    let year = Arg::from(i64::from(report.year));
    let dept_headers = vec![
        t("report-col-department-code"),
        t("report-col-department"),
        t("report-col-employees"),
        t("report-col-trained"),
        t("report-col-sessions"),
        t("report-col-hours"),
        t("report-col-hours-per-employee"),
    ];
    let figures_cells = |f: &super::HoursFigures| {
        vec![
            Cell::int(f.employees),
            Cell::int(f.trained),
            Cell::int(f.sessions),
            Cell::number(f.hours),
            Cell::number(f.hours_per_employee()),
        ]
    };
    let mut dept_rows: Vec<Vec<Cell>> = report
        .departments
        .iter()
        .map(|d| {
            let mut cells = vec![
                Cell::text(&d.code),
                Cell::text(&d.name).with_indent(d.depth),
            ];
            cells.extend(figures_cells(&d.figures));
            cells
        })
        .collect();
    if report.department.is_none() {
        let mut total = vec![Cell::from(CellValue::Empty), Cell::text(t("report-total"))];
        total.extend(figures_cells(&report.total));
        dept_rows.push(total);
    }
    let emp_headers = vec![
        t("field-personnel-number"),
        t("field-last-name"),
        t("field-first-name"),
        t("report-col-department-code"),
        t("report-col-hours"),
        t("report-col-attended"),
        t("report-col-partial"),
        t("report-col-seminars"),
    ];
    let emp_rows = report
        .employees
        .iter()
        .map(|e| {
            vec![
                Cell::text(&e.personnel_number),
                Cell::text(&e.last_name),
                Cell::text(&e.first_name),
                Cell::opt_text(e.department_code.as_deref()),
                Cell::number(e.hours),
                Cell::int(e.attended),
                Cell::int(e.partial),
                Cell::int(e.seminars),
            ]
        })
        .collect();
    vec![
        Sheet {
            name: ta(
                "report-sheet-hours-departments",
                &[("year", Arg::from(i64::from(report.year)))],
            ),
            headers: dept_headers,
            widths: vec![10.0, 42.0, 13.0, 13.0, 12.0, 12.0, 14.0],
            rows: dept_rows,
        },
        Sheet {
            name: ta("report-sheet-hours-employees", &[("year", year)]),
            headers: emp_headers,
            widths: vec![12.0, 20.0, 16.0, 9.0, 10.0, 12.0, 12.0, 10.0],
            rows: emp_rows,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_cleaned_shortened_and_unique() {
        let taken = vec!["Abdeckung".to_owned()];
        assert_eq!(sheet_name("Abdeckung", &taken), "Abdeckung (2)");
        assert_eq!(sheet_name("a/b:c", &[]), "a-b-c");
        let long = "x".repeat(40);
        assert_eq!(sheet_name(&long, &[]).chars().count(), 31);
        assert_eq!(sheet_name("", &[]), "Lotse");
    }

    #[test]
    fn csv_has_a_bom_semicolons_and_neutralised_cells() {
        crate::i18n::set_thread_language(Lang::De);
        let sheet = Sheet {
            name: "x".into(),
            headers: vec!["Name".into(), "Wert".into(), "Datum".into()],
            widths: vec![],
            rows: vec![vec![
                Cell::text("=1+2;x"),
                Cell::number(12.5),
                Cell::date(NaiveDate::from_ymd_opt(2026, 11, 21)),
            ]],
        };
        let bytes = csv_bytes(&sheet).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            text,
            "\u{feff}Name;Wert;Datum\r\n\"'=1+2;x\";12,5;21.11.2026\r\n"
        );
    }

    #[test]
    fn export_formats_follow_the_extension() {
        assert_eq!(
            ExportFormat::from_path(Path::new("a.CSV")),
            Some(ExportFormat::Csv)
        );
        assert_eq!(
            ExportFormat::from_path(Path::new("a.xlsx")),
            Some(ExportFormat::Xlsx)
        );
        assert_eq!(
            ExportFormat::from_path(Path::new("a.pdf")),
            Some(ExportFormat::Pdf)
        );
        assert_eq!(ExportFormat::from_path(Path::new("a.xls")), None);
        assert_eq!(ExportFormat::from_path(Path::new("a")), None);
    }
}
