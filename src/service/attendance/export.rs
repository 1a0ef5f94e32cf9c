//! The attendance export: every attendance of a period as a sheet, or as a CSV or XLSX file.

use std::path::Path;

use chrono::NaiveDate;

use super::status_label;
use crate::error::Result;
use crate::i18n::t;
use crate::report::{Cell, Sheet};
use crate::service::Database;
use crate::service::reports;
use crate::store::Read;

/// The attendance export as a sheet: one row per attendance at sessions that end on or
/// after `from` and start on or before `to` — date, seminar code and title, personnel
/// number, name, department, status and hours. Notes are left out (they may be personal).
pub fn export_sheet(
    db: &Database,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Sheet> {
    let store = db.store();
    let rows = store
        .attendance_list(from, to)?
        .into_iter()
        .map(|r| {
            vec![
                Cell::date(Some(r.starts_at.date())),
                Cell::text(r.seminar_code),
                Cell::text(r.seminar_title),
                Cell::text(r.personnel_number),
                Cell::text(r.last_name),
                Cell::text(r.first_name),
                Cell::opt_text(r.department_code.as_deref()),
                Cell::text(status_label(r.status)),
                Cell::number(if r.status.credits_hours() {
                    r.hours
                } else {
                    0.0
                }),
            ]
        })
        .collect();
    Ok(Sheet {
        name: t("train-sheet-attendance"),
        headers: vec![
            t("train-col-date"),
            t("field-seminar"),
            t("train-col-title"),
            t("field-personnel-number"),
            t("field-last-name"),
            t("field-first-name"),
            t("field-department"),
            t("field-attendance-status"),
            t("field-hours"),
        ],
        widths: vec![12.0, 10.0, 44.0, 14.0, 20.0, 16.0, 16.0, 22.0, 9.0],
        rows,
    })
}

/// Writes the attendance export (see [`export_sheet`]) to `path` as CSV for German Excel
/// or XLSX, as its extension says; returns the number of data rows. Nothing is written
/// for another extension.
pub fn export_to(
    db: &Database,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    path: &Path,
) -> Result<usize> {
    let format = reports::format_of(path, false)?;
    let sheet = export_sheet(db, from, to)?;
    let bytes = reports::sheets_bytes(std::slice::from_ref(&sheet), format)?;
    crate::files::write_private(path, &bytes)?;
    Ok(sheet.rows.len())
}
