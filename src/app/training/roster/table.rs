//! The roster table: one row per participant with status, hours and note, selectable with
//! mouse and keyboard, and the cell editor for hours and notes.

use egui::{Align, Id, Key, Layout, Modifiers, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::training::worker::{RosterEdit, RosterView, parse_hours};
use crate::app::widgets::style::{ACCENT, MUTED};
use crate::app::widgets::wide_ui;
use crate::app::worker::Worker;
use crate::i18n::{Arg, fmt_hours, t, ta};
use crate::model::AttendanceRow;
use crate::model::{AttendanceId, AttendanceStatus};
use crate::service::attendance::status_label;

use super::view::release_focus;
use super::{CellEdit, CellKind, RosterState, click_row};

pub(super) fn cell_id(kind: CellKind, row: AttendanceId) -> Id {
    Id::unique(("roster-cell", kind == CellKind::Hours, row.0))
}

/// What the table's rows asked for; applied after the table is drawn.
#[derive(Default)]
struct TableOut {
    clicked: Option<(usize, Modifiers)>,
    commands: Vec<RosterEdit>,
    /// `Some(edit)`: the cell edit becomes `edit`.
    edit: Option<Option<CellEdit>>,
    error: Option<String>,
}

/// The participants table: checkbox, name, personnel number, unit, status, hours, note.
pub(super) fn table_ui(
    ui: &mut Ui,
    state: &mut RosterState,
    view: &RosterView,
    worker: &mut Worker,
) {
    if view.rows.is_empty() {
        ui.add_space(24.0);
        ui.vertical_centered(|ui| {
            ui.label(RichText::new(t("apptr-roster-empty")).color(MUTED));
        });
        return;
    }
    let row_height = ui.spacing().interact_size.y + 6.0;
    let min_width =
        48.0 + 180.0 + 100.0 + 110.0 + 200.0 + 80.0 + 140.0 + 7.0 * ui.spacing().item_spacing.x;
    let mut out = TableOut::default();
    wide_ui(ui, "roster-hscroll", min_width, |ui| {
        let mut table = TableBuilder::new(ui)
            .id_salt(("roster", state.session.0))
            .striped(true)
            .sense(Sense::click())
            .resizable(false)
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::exact(48.0))
            .column(Column::remainder().at_least(180.0).clip(true))
            .column(Column::exact(100.0).clip(true))
            .column(Column::exact(110.0).clip(true))
            .column(Column::exact(200.0))
            .column(Column::exact(80.0))
            .column(Column::remainder().at_least(140.0).clip(true));
        if state.scroll_to_focus {
            state.scroll_to_focus = false;
            table = table.scroll_to_row(state.focus, None);
        }
        table
        .header(row_height, |mut header| {
            header.col(|_| {});
            for key in [
                "apptr-col-name",
                "app-col-personnel-number",
                "apptr-col-department",
                "field-attendance-status",
                "field-hours",
                "field-note",
            ] {
                header.col(|ui| {
                    ui.strong(t(key));
                });
            }
        })
        .body(|body| {
            body.rows(row_height, view.rows.len(), |mut row| {
                let index = row.index();
                let Some(r) = view.rows.get(index) else {
                    return;
                };
                let a = &r.attendance;
                let selected = state.selection.contains(&a.id);
                row.set_selected(selected);
                let name = format!("{} {}", r.first_name, r.last_name);
                row.col(|ui| {
                    let marker = if index == state.focus { "▶" } else { " " };
                    ui.label(RichText::new(marker).color(ACCENT));
                    let mut check = selected;
                    let response = ui
                        .checkbox(&mut check, "")
                        .accessible_name(ta("apptr-select-person", &[("name", Arg::from(&name))]));
                    if response.clicked() {
                        out.clicked = Some((index, Modifiers::COMMAND));
                    }
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(format!("{}, {}", r.last_name, r.first_name)).truncate());
                });
                row.col(|ui| {
                    ui.label(&r.personnel_number);
                });
                row.col(|ui| {
                    ui.label(r.department_code.as_deref().unwrap_or_default());
                });
                row.col(|ui| status_cell_ui(ui, view, r, &name, &mut out));
                row.col(|ui| {
                    let editing_here = state
                        .edit
                        .as_ref()
                        .is_some_and(|e| e.row == a.id && e.kind == CellKind::Hours)
                        || matches!(&out.edit, Some(Some(e)) if e.row == a.id && e.kind == CellKind::Hours);
                    if a.status.credits_hours() || editing_here {
                        cell_editor_ui(ui, state, r, CellKind::Hours, &name, &mut out);
                    } else {
                        ui.label(RichText::new("–").color(MUTED));
                    }
                });
                row.col(|ui| cell_editor_ui(ui, state, r, CellKind::Note, &name, &mut out));
                let response = row.response();
                if response.clicked() {
                    out.clicked = Some((index, response.ctx.input(|i| i.modifiers)));
                }
            });
        });
    });
    if let Some(edit) = out.edit {
        state.edit = edit;
    }
    if let Some(error) = out.error {
        state.error = Some(error);
    }
    for command in out.commands {
        state.send(worker, command);
    }
    if let Some((index, modifiers)) = out.clicked {
        click_row(state, view, index, modifiers);
        release_focus(ui);
    }
}

/// The status combo box of one row. "Partial" asks for its hours in the hours field first.
fn status_cell_ui(
    ui: &mut Ui,
    view: &RosterView,
    r: &AttendanceRow,
    name: &str,
    out: &mut TableOut,
) {
    let a = &r.attendance;
    let mut status = a.status;
    let response = egui::ComboBox::from_id_salt(("roster-status", a.id.0))
        .selected_text(status_label(status))
        .width(186.0)
        .show_ui(ui, |ui| {
            for s in AttendanceStatus::ALL {
                ui.selectable_value(&mut status, s, status_label(s));
            }
        })
        .response
        .accessible_name(ta("apptr-status-of", &[("name", Arg::from(name))]));
    if status == a.status {
        return;
    }
    if status == AttendanceStatus::Partial {
        let hours = if a.hours > 0.0 {
            a.hours
        } else {
            view.full_hours / 2.0
        };
        let text = fmt_hours(hours);
        let id = cell_id(CellKind::Hours, a.id);
        select_all(ui.ctx(), id, &text);
        ui.memory_mut(|m| m.request_focus(id));
        out.edit = Some(Some(CellEdit {
            row: a.id,
            kind: CellKind::Hours,
            text,
            then_status: Some(AttendanceStatus::Partial),
        }));
    } else {
        out.commands.push(RosterEdit::SetStatus {
            rows: vec![a.id],
            status,
            hours: None,
        });
        response.surrender_focus();
    }
}

/// Selects the whole text of the text field `id` (so typing replaces it).
fn select_all(ctx: &egui::Context, id: Id, text: &str) {
    let mut edit_state = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
    edit_state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
    edit_state.store(ctx, id);
}

/// The hours or note field of one row. While it has the focus it edits a copy of the
/// value; leaving it (Enter, Tab, a click elsewhere) saves, Escape throws the change away.
fn cell_editor_ui(
    ui: &mut Ui,
    state: &RosterState,
    r: &AttendanceRow,
    kind: CellKind,
    name: &str,
    out: &mut TableOut,
) {
    let a = &r.attendance;
    let id = cell_id(kind, a.id);
    let current = match kind {
        CellKind::Hours => fmt_hours(a.hours),
        CellKind::Note => a.note.clone(),
    };
    let is_this = |e: &CellEdit| e.row == a.id && e.kind == kind;
    let mut edit = match (&out.edit, &state.edit) {
        (Some(Some(e)), _) if is_this(e) => Some(e.clone()),
        (_, Some(e)) if is_this(e) => Some(e.clone()),
        _ => None,
    };
    let has_focus = ui.memory(|m| m.has_focus(id));
    if has_focus && edit.is_none() {
        select_all(ui.ctx(), id, &current);
        edit = Some(CellEdit {
            row: a.id,
            kind,
            text: current.clone(),
            then_status: None,
        });
    }
    let (width, accessible) = match kind {
        CellKind::Hours => (64.0, ta("apptr-hours-of", &[("name", Arg::from(name))])),
        CellKind::Note => (
            ui.available_width(),
            ta("apptr-note-of", &[("name", Arg::from(name))]),
        ),
    };
    let mut shown = current;
    let text = match &mut edit {
        Some(e) => &mut e.text,
        None => &mut shown,
    };
    let response = ui
        .add(egui::TextEdit::singleline(text).id(id).desired_width(width))
        .accessible_name(accessible);
    let Some(e) = edit else {
        return;
    };
    if !response.lost_focus() {
        // Keep the edit while the field has the focus (or is about to get it).
        let keep = has_focus || ui.memory(|m| m.has_focus(id)) || e.then_status.is_some();
        out.edit = Some(keep.then_some(e));
        return;
    }
    out.edit = Some(None);
    if ui.input(|i| i.key_pressed(Key::Escape)) {
        return;
    }
    match kind {
        CellKind::Hours => match parse_hours(&e.text) {
            Some(hours) => {
                if let Some(status) = e.then_status {
                    out.commands.push(RosterEdit::SetStatus {
                        rows: vec![a.id],
                        status,
                        hours: Some(hours),
                    });
                } else if (hours - a.hours).abs() > 1e-9 {
                    out.commands.push(RosterEdit::SetHours(a.id, hours));
                }
            }
            None => {
                out.error = Some(ta(
                    "apptr-invalid-hours",
                    &[("text", Arg::from(e.text.trim()))],
                ));
            }
        },
        CellKind::Note => {
            if e.text.trim() != a.note {
                out.commands.push(RosterEdit::SetNote(a.id, e.text));
            }
        }
    }
}
