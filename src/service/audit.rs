//! The audit log as users read it: filtered, paged lists for the app and the command line,
//! labels for kinds of record and actions in the user's language, and exports to CSV and
//! XLSX that page through the whole filtered log (never one giant query).
//!
//! Audit entries are append-only here: nothing in this module changes or deletes one.

use std::io::Write;
use std::path::Path;

use chrono::{Datelike, NaiveDateTime, Timelike};
use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};

use crate::error::{Error, Result};
use crate::i18n::{Arg, Lang, language, t, ta};
use crate::report::{ExportFormat, csv_safe};
use crate::service::Database;
use crate::service::reports::format_of;
use crate::store::Read;

pub use crate::store::{AuditFilter, AuditRow};

/// How many entries the app loads at a time.
pub const PAGE_SIZE: usize = 500;
/// How many entries an export reads at a time.
const EXPORT_PAGE: usize = 5_000;
/// Data rows per XLSX worksheet; a longer log continues on the next sheet (Excel's limit
/// is 1,048,576 rows including the header).
const SHEET_ROWS: usize = 1_000_000;

/// The kinds of record Lotse records changes of, in the order filters offer them.
pub const KINDS: &[&str] = &[
    "employee",
    "department",
    "attendance",
    "certificate",
    "session",
    "seminar",
    "program",
    "setting",
    "import",
    "demo",
    "database",
];

/// At most `limit` entries that pass `filter`, newest first, older than `before_id`.
pub fn page(
    db: &Database,
    filter: &AuditFilter,
    before_id: Option<i64>,
    limit: usize,
) -> Result<Vec<AuditRow>> {
    let store = db.store();
    store.audit_page(filter, before_id, limit)
}

/// How many entries pass `filter`.
pub fn count(db: &Database, filter: &AuditFilter) -> Result<i64> {
    let store = db.store();
    store.audit_filtered_count(filter)
}

/// The users who made changes, alphabetically.
pub fn actors(db: &Database) -> Result<Vec<String>> {
    let store = db.store();
    store.audit_actors()
}

/// The kinds of record a filter offers: the known ones in [`KINDS`] order, then any other
/// kind that occurs in the log.
pub fn kinds(db: &Database) -> Result<Vec<String>> {
    let store = db.store();
    let mut out: Vec<String> = KINDS.iter().map(|k| (*k).to_owned()).collect();
    for kind in store.audit_entities()? {
        if !out.contains(&kind) {
            out.push(kind);
        }
    }
    Ok(out)
}

/// Calls `f` with every entry that passes `filter`, newest first, reading `EXPORT_PAGE`
/// entries at a time; stops after `limit` entries when given. Returns how many it passed.
pub fn for_each(
    db: &Database,
    filter: &AuditFilter,
    limit: Option<usize>,
    mut f: impl FnMut(&AuditRow) -> Result<()>,
) -> Result<usize> {
    let store = db.store();
    let mut done = 0usize;
    let mut before = None;
    loop {
        let want = limit.map_or(EXPORT_PAGE, |l| l.saturating_sub(done).min(EXPORT_PAGE));
        if want == 0 {
            break;
        }
        let rows = store.audit_page(filter, before, want)?;
        for row in &rows {
            f(row)?;
        }
        done += rows.len();
        match rows.last() {
            Some(last) if rows.len() == want => before = Some(last.id),
            _ => break,
        }
    }
    Ok(done)
}

/// A label in the user's language for `key-prefix` + `code`, or the code itself when
/// Lotse has no text for it (a kind or action a newer version records).
fn label(prefix: &str, code: &str) -> String {
    let key = format!("{prefix}{code}");
    let text = t(&key);
    if text == key { code.to_owned() } else { text }
}

/// "Beschäftigte", "Zertifikat", … for a kind of record (`entity`).
pub fn entity_label(code: &str) -> String {
    label("audit-entity-", code)
}

/// "angelegt", "ausgestellt", … for an action.
pub fn action_label(code: &str) -> String {
    label("audit-action-", code)
}

/// The moment of an entry with seconds: 21.11.2026 14:30:05 or 2026-11-21 14:30:05.
pub fn fmt_at(at: NaiveDateTime) -> String {
    match language() {
        Lang::De => at.format("%d.%m.%Y %H:%M:%S").to_string(),
        Lang::En => at.format("%Y-%m-%d %H:%M:%S").to_string(),
    }
}

/// A count with thousands separators: 12.345 (German) or 12,345 (English).
pub fn fmt_count(n: i64) -> String {
    let sep = match language() {
        Lang::De => '.',
        Lang::En => ',',
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// "1234 Müller, Bärbel" for the employee an entry concerns; "–" with the recorded id
/// hidden when the employee's record no longer exists; empty when it concerns nobody.
pub fn employee_label(row: &AuditRow) -> String {
    match (&row.personnel_number, &row.employee_name, row.employee_id) {
        (Some(number), Some(name), _) => format!("{number} {name}"),
        (Some(number), None, _) => number.clone(),
        (None, _, Some(_)) => t("audit-employee-gone"),
        (None, _, None) => String::new(),
    }
}

/// The column headings of the list and the exports.
pub fn headers() -> Vec<String> {
    [
        "audit-col-id",
        "audit-col-at",
        "audit-col-user",
        "audit-col-kind",
        "audit-col-entity-id",
        "audit-col-action",
        "audit-col-personnel-number",
        "audit-col-employee",
        "audit-col-summary",
    ]
    .iter()
    .map(|k| t(k))
    .collect()
}

/// One entry as the cells of the list and the exports (see [`headers`]).
pub fn cells(row: &AuditRow) -> [String; 9] {
    [
        row.id.to_string(),
        fmt_at(row.at),
        row.actor.clone(),
        entity_label(&row.entity),
        row.entity_id.map(|i| i.to_string()).unwrap_or_default(),
        action_label(&row.action),
        row.personnel_number.clone().unwrap_or_default(),
        row.employee_name.clone().unwrap_or_default(),
        row.summary.clone(),
    ]
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exported {
    pub format: ExportFormat,
    /// Entries written.
    pub rows: usize,
}

/// Writes every entry that passes `filter` to `path`, as CSV or XLSX by its extension,
/// whole or not at all (mode 600 on Unix).
pub fn export(db: &Database, filter: &AuditFilter, path: &Path) -> Result<Exported> {
    let format = format_of(path, false)?;
    let rows = match format {
        ExportFormat::Csv => {
            // The database error, if reading failed half-way (the file is left as it was).
            let mut failure: Option<Error> = None;
            let mut rows = 0;
            let written =
                crate::files::write_private_with(path, |out| match write_csv(db, filter, out) {
                    Ok(n) => {
                        rows = n;
                        Ok(())
                    }
                    Err(e) => {
                        let io = std::io::Error::other(e.to_string());
                        failure = Some(e);
                        Err(io)
                    }
                });
            if let Some(e) = failure {
                return Err(e);
            }
            written?;
            rows
        }
        ExportFormat::Xlsx => {
            let (bytes, rows) = xlsx_bytes(db, filter)?;
            crate::files::write_private(path, &bytes)?;
            rows
        }
        ExportFormat::Pdf => return Err(Error::Message(t("report-error-pdf-only-coverage"))),
    };
    Ok(Exported { format, rows })
}

fn write_error(e: impl std::fmt::Display) -> Error {
    Error::Message(ta(
        "report-error-write",
        &[("detail", Arg::from(e.to_string()))],
    ))
}

/// The filtered log as CSV for German Excel (BOM, `;`, CRLF, no cell run as a formula);
/// returns the number of entries.
pub fn write_csv(db: &Database, filter: &AuditFilter, out: &mut dyn Write) -> Result<usize> {
    out.write_all("\u{feff}".as_bytes()).map_err(write_error)?;
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(headers().iter().map(|h| csv_safe(h)))
        .map_err(write_error)?;
    let rows = for_each(db, filter, None, |row| {
        w.write_record(cells(row).iter().map(|c| csv_safe(c)))
            .map_err(write_error)
    })?;
    w.flush().map_err(write_error)?;
    Ok(rows)
}

fn xlsx_error(e: XlsxError) -> Error {
    write_error(e)
}

fn excel_time(at: NaiveDateTime) -> Option<ExcelDateTime> {
    let date = ExcelDateTime::from_ymd(
        u16::try_from(at.year()).ok()?,
        u8::try_from(at.month()).ok()?,
        u8::try_from(at.day()).ok()?,
    )
    .ok()?;
    date.and_hms(
        u16::try_from(at.hour()).ok()?,
        u8::try_from(at.minute()).ok()?,
        at.second(),
    )
    .ok()
}

/// The filtered log as an XLSX workbook: a bold, frozen header row with an autofilter,
/// times as real date-times, ids as numbers, text as text (never a formula). Returns the
/// bytes and the number of entries.
pub fn xlsx_bytes(db: &Database, filter: &AuditFilter) -> Result<(Vec<u8>, usize)> {
    let mut workbook = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xE7ECF3))
        .set_border_bottom(FormatBorder::Thin);
    let time = Format::new().set_num_format(match language() {
        Lang::De => "dd.mm.yyyy hh:mm:ss",
        Lang::En => "yyyy-mm-dd hh:mm:ss",
    });
    let whole = Format::new().set_num_format("0");
    let headers = headers();
    let widths = [8.0, 20.0, 14.0, 16.0, 10.0, 16.0, 16.0, 28.0, 60.0];
    let title = t("audit-sheet-name");
    let mut sheet = 0usize;
    // The row in the current sheet the next entry goes to (0 = a new sheet is needed).
    let mut next_row: u32 = 0;
    let last_col = u16::try_from(headers.len().saturating_sub(1)).unwrap_or(0);
    let mut open_sheets: Vec<u32> = Vec::new();
    let rows = for_each(db, filter, None, |row| {
        if next_row == 0 || next_row as usize > SHEET_ROWS {
            sheet += 1;
            let ws = workbook.add_worksheet();
            let name = if sheet == 1 {
                title.clone()
            } else {
                format!("{title} ({sheet})")
            };
            ws.set_name(&name).map_err(xlsx_error)?;
            for (c, (h, w)) in headers.iter().zip(widths).enumerate() {
                let col = u16::try_from(c).unwrap_or(u16::MAX);
                ws.write_string_with_format(0, col, h, &header)
                    .map_err(xlsx_error)?;
                ws.set_column_width(col, w).map_err(xlsx_error)?;
            }
            ws.set_freeze_panes(1, 0).map_err(xlsx_error)?;
            open_sheets.push(0);
            next_row = 1;
        }
        let ws = workbook
            .worksheets_mut()
            .last_mut()
            .ok_or_else(|| write_error("no worksheet"))?;
        let r = next_row;
        ws.write_number_with_format(r, 0, row.id as f64, &whole)
            .map_err(xlsx_error)?;
        match excel_time(row.at) {
            Some(dt) => ws.write_datetime_with_format(r, 1, dt, &time),
            None => ws.write_string(r, 1, fmt_at(row.at)),
        }
        .map_err(xlsx_error)?;
        ws.write_string(r, 2, &row.actor).map_err(xlsx_error)?;
        ws.write_string(r, 3, entity_label(&row.entity))
            .map_err(xlsx_error)?;
        if let Some(id) = row.entity_id {
            ws.write_number_with_format(r, 4, id as f64, &whole)
                .map_err(xlsx_error)?;
        }
        ws.write_string(r, 5, action_label(&row.action))
            .map_err(xlsx_error)?;
        if let Some(number) = &row.personnel_number {
            ws.write_string(r, 6, number).map_err(xlsx_error)?;
        }
        if let Some(name) = &row.employee_name {
            ws.write_string(r, 7, name).map_err(xlsx_error)?;
        }
        ws.write_string(r, 8, &row.summary).map_err(xlsx_error)?;
        if let Some(last) = open_sheets.last_mut() {
            *last = r;
        }
        next_row += 1;
        Ok(())
    })?;
    if open_sheets.is_empty() {
        // No entry: one sheet with the header row.
        let ws = workbook.add_worksheet();
        ws.set_name(&title).map_err(xlsx_error)?;
        for (c, (h, w)) in headers.iter().zip(widths).enumerate() {
            let col = u16::try_from(c).unwrap_or(u16::MAX);
            ws.write_string_with_format(0, col, h, &header)
                .map_err(xlsx_error)?;
            ws.set_column_width(col, w).map_err(xlsx_error)?;
        }
        ws.set_freeze_panes(1, 0).map_err(xlsx_error)?;
        open_sheets.push(0);
    }
    for (ws, last_row) in workbook.worksheets_mut().iter_mut().zip(&open_sheets) {
        ws.autofilter(0, 0, *last_row, last_col)
            .map_err(xlsx_error)?;
    }
    let bytes = workbook.save_to_buffer().map_err(xlsx_error)?;
    Ok((bytes, rows))
}
