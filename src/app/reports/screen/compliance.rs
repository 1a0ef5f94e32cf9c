//! The compliance report's line on the coverage tab: for which department (or the whole
//! administration) and the two files it is written as. The report is computed and
//! written on the export thread from the data the Reports screen holds.

use std::sync::Arc;

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::app::reports::worker::{ExportSource, ReportsState};
use crate::app::widgets::style::MUTED;
use crate::i18n::t;
use crate::report::{ComplianceOptions, ExportFormat};

/// "Prüfbericht für Audits: [Bereich] [PDF …] [Excel …]".
pub(super) fn compliance_row_ui(ui: &mut Ui, reports: &mut ReportsState, today: NaiveDate) {
    let Some(data) = reports.loaded().map(|l| Arc::clone(&l.data)) else {
        return;
    };
    let mut chosen = None;
    ui.horizontal_wrapped(|ui| {
        let label = ui
            .label(RichText::new(t("apprep-compliance")).strong())
            .on_hover_text(t("apprep-compliance-hint"));
        let screen = &mut reports.reports_screen;
        let nodes = data.departments.nodes();
        let name_of = |id| {
            data.departments
                .position(id)
                .map(|pos| {
                    let d = &nodes[pos].department;
                    format!("{} {}", d.code, d.name)
                })
                .unwrap_or_else(|| t("apprep-compliance-all"))
        };
        let selected = screen
            .compliance_department
            .map_or_else(|| t("apprep-compliance-all"), name_of);
        egui::ComboBox::from_id_salt("reports-compliance-scope")
            .selected_text(selected)
            .width(280.0)
            .truncate()
            .show_ui(ui, |ui| {
                ui.selectable_value(
                    &mut screen.compliance_department,
                    None,
                    t("apprep-compliance-all"),
                );
                for node in nodes.iter().filter(|n| n.department.active) {
                    let d = &node.department;
                    let text = format!("{}{} {}", "   ".repeat(node.depth), d.code, d.name);
                    ui.selectable_value(&mut screen.compliance_department, Some(d.id), text);
                }
            })
            .response
            .labelled_by(label.id);
        let enabled = !reports.exporting();
        for (format, key) in [
            (ExportFormat::Pdf, "apprep-compliance-pdf"),
            (ExportFormat::Xlsx, "apprep-compliance-xlsx"),
        ] {
            if ui
                .add_enabled(enabled, egui::Button::new(t(key)))
                .on_hover_text(t("apprep-compliance-hint"))
                .clicked()
            {
                chosen = Some(format);
            }
        }
        ui.label(RichText::new(t("apprep-compliance-as-of")).color(MUTED));
    });
    if let Some(format) = chosen
        && let Some((source, stem)) = compliance_source(reports, today)
    {
        let ctx = ui.ctx().clone();
        reports.start_export(source, format, stem, &ctx);
    }
}

/// The compliance report for the department and day chosen on screen, and the file name
/// it proposes; `None` until the data is loaded.
fn compliance_source(reports: &ReportsState, today: NaiveDate) -> Option<(ExportSource, String)> {
    let data = Arc::clone(&reports.loaded()?.data);
    let as_of = reports.reports_screen.as_of(today);
    let department = reports.reports_screen.compliance_department;
    let code = department
        .and_then(|id| data.departments.position(id))
        .map(|pos| format!("-{}", data.departments.nodes()[pos].department.code))
        .unwrap_or_default();
    let stem = format!("{}{code}-{as_of}", t("apprep-file-compliance"));
    Some((
        ExportSource::Compliance(data, ComplianceOptions { as_of, department }),
        stem,
    ))
}

/// Writes the compliance report chosen on screen to `path` (.pdf or .xlsx) without the
/// save dialog, on the export thread. Fails at once for another extension.
pub(crate) fn export_compliance_to(
    reports: &mut ReportsState,
    path: std::path::PathBuf,
    today: NaiveDate,
) -> crate::error::Result<()> {
    let format = crate::service::reports::format_of(&path, true)?;
    if format == ExportFormat::Csv {
        return Err(crate::error::Error::Message(t("compliance-error-csv")));
    }
    if let Some((source, _)) = compliance_source(reports, today) {
        reports.export_to(source, format, path);
    }
    Ok(())
}
