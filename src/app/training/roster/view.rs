//! The roster's view: the header with the capacity warning, adding people, the keyboard,
//! the actions on the selection and the confirmation to remove.

use crate::app::widgets::write_button;
use egui::{Align, Id, Key, Layout, Modifiers, RichText, Ui};

use crate::app::data::Data;
use crate::app::training::attendance_import::AttendanceImportState;
use crate::app::training::worker::{RosterEdit, RosterView};
use crate::app::widgets::style::MUTED;
use crate::app::widgets::{danger_button, info_banner, warning_banner};
use crate::app::widgets::{department_combo, error_label, hint};
use crate::app::worker::Worker;
use crate::i18n::{Arg, fmt_hours, fmt_session, t, ta};

use super::table::{cell_id, table_ui};
use super::{CellKind, KEYS, RosterAction, RosterState, needs_start};

/// Takes the keyboard focus from whichever widget has it, so the roster's keys work again.
pub(super) fn release_focus(ui: &Ui) {
    ui.memory_mut(|m| {
        if let Some(id) = m.focused() {
            m.surrender_focus(id);
        }
    });
}

/// Draws the roster of `state.session` and sends what the user asks for to `worker`.
pub(crate) fn roster_ui(
    ui: &mut Ui,
    state: &mut RosterState,
    data: &Data,
    worker: &mut Worker,
    import: &mut AttendanceImportState,
) -> Option<RosterAction> {
    state.take_early();
    state.load_if_stale(data, worker);
    let mut action = None;
    ui.horizontal(|ui| {
        if ui.button(t("apptr-back")).clicked() {
            action = Some(RosterAction::Close);
        }
        if state.changes_pending.len() + usize::from(state.load_pending.is_some()) > 0 {
            ui.spinner();
        }
    });
    let Some(view) = state.view.clone() else {
        if let Some(error) = &state.error {
            error_label(ui, error);
        } else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(t("app-loading"));
            });
        }
        return action;
    };

    header_ui(ui, &view, &mut action, import);
    ui.add_space(6.0);
    if view.over_capacity_by > 0 {
        let capacity = view.session.capacity.unwrap_or_default();
        warning_banner(
            ui,
            &ta(
                "apptr-over-capacity",
                &[
                    ("over", Arg::from(view.over_capacity_by)),
                    ("taken", Arg::from(view.seats_taken)),
                    ("capacity", Arg::from(capacity)),
                ],
            ),
        );
        ui.add_space(6.0);
    }
    if !view.started {
        info_banner(ui, &t("apptr-not-started"));
        ui.add_space(6.0);
    }

    add_people_ui(ui, state, data, &view, worker);
    ui.add_space(6.0);
    keyboard_ui(ui, state, &view, worker, import);
    actions_ui(ui, state, &view, worker);
    if let Some(error) = &state.error {
        error_label(ui, error);
    }
    ui.label(RichText::new(t("apptr-keys-hint")).small().color(MUTED));
    ui.add_space(4.0);
    if view.waitlist.is_empty() {
        table_ui(ui, state, &view, worker);
    } else {
        // The waiting list stays in sight under the participants.
        let reserve = super::waitlist::height(ui, &view);
        let size = egui::vec2(
            ui.available_width(),
            (ui.available_height() - reserve).max(120.0),
        );
        ui.allocate_ui_with_layout(size, Layout::top_down(Align::Min), |ui| {
            table_ui(ui, state, &view, worker);
        });
        super::waitlist::waitlist_ui(ui, state, &view, worker);
    }
    remove_confirm_ui(ui, state, worker);

    // The keys belong to the roster while nothing else has the keyboard.
    state.keyboard_last_frame = keyboard_free(ui, import) && state.confirm_remove.is_none();
    action
}

fn header_ui(
    ui: &mut Ui,
    view: &RosterView,
    action: &mut Option<RosterAction>,
    import: &mut AttendanceImportState,
) {
    ui.horizontal(|ui| {
        ui.heading(format!("{} {}", view.seminar.code, view.seminar.title));
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui
                .add_enabled(!import.is_busy(), egui::Button::new(t("apptr-import")))
                .on_hover_text(t("apptr-import-hint"))
                .clicked()
            {
                import.choose_file(ui.ctx(), view.session.id);
                release_focus(ui);
            }
            if ui.button(t("apptr-session-edit")).clicked() {
                *action = Some(RosterAction::EditSession(view.session.id));
            }
        });
    });
    let s = &view.session;
    let mut parts = vec![fmt_session(s.starts_at, s.ends_at)];
    if !s.location.is_empty() {
        parts.push(s.location.clone());
    }
    if !s.trainer.is_empty() {
        parts.push(s.trainer.clone());
    }
    ui.label(parts.join(" · "));
    let seats = match s.capacity {
        Some(c) => ta(
            "apptr-seats-of",
            &[
                ("taken", Arg::from(view.seats_taken)),
                ("capacity", Arg::from(c)),
            ],
        ),
        None => ta("apptr-seats", &[("taken", Arg::from(view.seats_taken))]),
    };
    ui.label(
        RichText::new(format!(
            "{seats} · {}",
            ta(
                "apptr-full-hours",
                &[("hours", Arg::from(fmt_hours(view.full_hours)))]
            )
        ))
        .color(MUTED),
    );
}

/// The search box with its results, and the unit picker.
fn add_people_ui(
    ui: &mut Ui,
    state: &mut RosterState,
    data: &Data,
    view: &RosterView,
    worker: &mut Worker,
) {
    state.refresh_results(data, view);
    let search_id = Id::unique("roster-search");
    let mut add = None;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t("apptr-add-person"));
        if ui.memory(|m| m.has_focus(search_id)) && !state.results.is_empty() {
            let (down, up) = ui.input_mut(|i| {
                (
                    i.consume_key(Modifiers::NONE, Key::ArrowDown),
                    i.consume_key(Modifiers::NONE, Key::ArrowUp),
                )
            });
            if down {
                state.highlight = (state.highlight + 1).min(state.results.len() - 1);
            }
            if up {
                state.highlight = state.highlight.saturating_sub(1);
            }
        }
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut state.search)
                    .id(search_id)
                    .hint_text(t("apptr-add-person-hint"))
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
        if state.refocus_search {
            state.refocus_search = false;
            response.request_focus();
        }
        if response.changed() {
            state.highlight = 0;
        }
        if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            state.refresh_results(data, view);
            if let Some(&i) = state.results.get(state.highlight) {
                add = Some(data.employees[i].row.employee.id);
                state.refocus_search = true;
            }
        }
        ui.add_space(16.0);
        let label = ui.label(crate::model::Field::Department.label());
        ui.scope(|ui| {
            ui.set_max_width(230.0);
            department_combo(
                ui,
                "roster-department",
                &data.departments,
                &mut state.department,
                &t("apptr-choose-department"),
                true,
                None,
            )
            .labelled_by(label.id);
        });
        let can_add = state.department.is_some();
        if ui
            .add_enabled(can_add, egui::Button::new(t("apptr-add-department")))
            .on_hover_text(t("apptr-add-department-hint"))
            .clicked()
            && let Some(department) = state.department
        {
            state.send(worker, RosterEdit::AddDepartment(department));
            release_focus(ui);
        }
    });
    if !state.search.trim().is_empty() {
        egui::Frame::new()
            .stroke(egui::Stroke::new(1.0, crate::app::widgets::style::BORDER))
            .corner_radius(4)
            .inner_margin(egui::Margin::symmetric(8, 4))
            .show(ui, |ui| {
                if state.results.is_empty() {
                    ui.label(RichText::new(t("apptr-add-none-found")).color(MUTED));
                }
                for (n, &i) in state.results.iter().enumerate() {
                    let view = &data.employees[i];
                    let e = &view.row.employee;
                    let mut text =
                        format!("{} {}, {}", e.personnel_number, e.last_name, e.first_name);
                    if !view.department_label.is_empty() {
                        text.push_str(" · ");
                        text.push_str(&view.department_label);
                    }
                    if ui.selectable_label(n == state.highlight, text).clicked() {
                        add = Some(e.id);
                    }
                }
                hint(ui, &t("apptr-add-person-keys"));
            });
    }
    if let Some(id) = add {
        state.add_employee(worker, id);
    }
}

/// Whether no widget, popup or window holds the keyboard.
fn keyboard_free(ui: &Ui, import: &AttendanceImportState) -> bool {
    ui.memory(|m| m.focused().is_none()) && !egui::Popup::is_any_open(ui.ctx()) && !import.is_open()
}

/// Handles the roster's keys when nothing else holds the keyboard.
fn keyboard_ui(
    ui: &mut Ui,
    state: &mut RosterState,
    view: &RosterView,
    worker: &mut Worker,
    import: &AttendanceImportState,
) {
    if state.confirm_remove.is_some() || import.is_open() {
        return;
    }
    let len = view.rows.len();
    // Tab from the roster goes to the focused row's hours (or note) field. egui may have
    // given the focus to the first widget already; taking it over here wins.
    let tab = ui.input(|i| i.key_pressed(Key::Tab) && i.modifiers.is_none());
    if tab && state.keyboard_last_frame && len > 0 {
        let row = &view.rows[state.focus.min(len - 1)];
        let kind = if row.attendance.status.credits_hours() {
            CellKind::Hours
        } else {
            CellKind::Note
        };
        let id = cell_id(kind, row.attendance.id);
        ui.memory_mut(|m| m.request_focus(id));
        state.scroll_to_focus = true;
        return;
    }
    // A key that just took the focus out of a field (Escape) is not the roster's.
    if !keyboard_free(ui, import) || !state.keyboard_last_frame {
        return;
    }
    let pressed = |ui: &mut Ui, modifiers: Modifiers, key: Key| {
        ui.input_mut(|i| i.consume_key(modifiers, key))
    };
    for shift in [false, true] {
        let m = if shift {
            Modifiers::SHIFT
        } else {
            Modifiers::NONE
        };
        if pressed(ui, m, Key::ArrowDown) {
            state.move_focus(state.focus + 1, len, shift, view);
        }
        if pressed(ui, m, Key::ArrowUp) {
            state.move_focus(state.focus.saturating_sub(1), len, shift, view);
        }
        if pressed(ui, m, Key::PageDown) {
            state.move_focus(state.focus + 10, len, shift, view);
        }
        if pressed(ui, m, Key::PageUp) {
            state.move_focus(state.focus.saturating_sub(10), len, shift, view);
        }
        if pressed(ui, m, Key::Home) {
            state.move_focus(0, len, shift, view);
        }
        if pressed(ui, m, Key::End) {
            state.move_focus(len.saturating_sub(1), len, shift, view);
        }
    }
    if pressed(ui, Modifiers::NONE, Key::Space)
        && let Some(row) = view.rows.get(state.focus)
    {
        state.toggle(row.attendance.id);
        state.anchor = Some(state.focus);
    }
    if pressed(ui, Modifiers::COMMAND, Key::A) {
        state.selection = view.rows.iter().map(|r| r.attendance.id).collect();
    }
    if pressed(ui, Modifiers::NONE, Key::Escape) {
        state.selection.clear();
    }
    for (key, status, _) in KEYS {
        if pressed(ui, Modifiers::NONE, key) && (view.started || !needs_start(status)) {
            let rows = state.targets(view);
            state.set_status(worker, rows, status);
        }
    }
}

/// "Alle auswählen", the bulk buttons and "all registered → attended".
fn actions_ui(ui: &mut Ui, state: &mut RosterState, view: &RosterView, worker: &mut Worker) {
    ui.horizontal_wrapped(|ui| {
        let all = !view.rows.is_empty() && state.selection.len() == view.rows.len();
        let mut check = all;
        let response = ui.checkbox(&mut check, t("apptr-select-all"));
        if response.clicked() {
            if check {
                state.selection = view.rows.iter().map(|r| r.attendance.id).collect();
            } else {
                state.selection.clear();
            }
            release_focus(ui);
        }
        let targets = state.targets(view);
        let label = if state.selection.is_empty() {
            t("apptr-none-selected")
        } else {
            ta(
                "apptr-selected",
                &[("count", Arg::from(state.selection.len()))],
            )
        };
        ui.label(RichText::new(label).color(MUTED));
        ui.separator();
        for (_, status, key) in KEYS {
            let allowed = view.started || !needs_start(status);
            let mut button =
                ui.add_enabled(allowed && !targets.is_empty(), egui::Button::new(t(key)));
            if !allowed {
                button = button.on_disabled_hover_text(t("apptr-not-started"));
            }
            if button.clicked() {
                state.set_status(worker, targets.clone(), status);
                release_focus(ui);
            }
        }
        if ui
            .add_enabled(
                !state.selection.is_empty(),
                egui::Button::new(t("apptr-remove")),
            )
            .clicked()
        {
            state.confirm_remove = Some(targets.clone());
            release_focus(ui);
        }
        ui.separator();
        let registered = view.registered();
        let button = write_button(ui, view.started && registered > 0, t("apptr-all-attended"))
            .on_hover_text(ta(
                "apptr-all-attended-hint",
                &[("count", Arg::from(registered))],
            ));
        if button.clicked() {
            state.send(worker, RosterEdit::MarkRegisteredAttended);
            state.selection.clear();
            release_focus(ui);
        }
    });
}

/// The modal that asks before people are taken off the roster.
fn remove_confirm_ui(ui: &mut Ui, state: &mut RosterState, worker: &mut Worker) {
    let Some(rows) = state.confirm_remove.clone() else {
        return;
    };
    let mut answer = None;
    egui::Modal::new(Id::unique("roster-remove-confirm")).show(ui.ctx(), |ui| {
        ui.set_max_width(420.0);
        ui.heading(t("apptr-remove-title"));
        ui.add_space(8.0);
        ui.add(
            egui::Label::new(ta(
                "apptr-remove-question",
                &[("count", Arg::from(rows.len()))],
            ))
            .wrap(),
        );
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            if ui.add(danger_button(t("apptr-remove-confirm"))).clicked() {
                answer = Some(true);
            }
            if ui.button(t("app-cancel")).clicked() {
                answer = Some(false);
            }
        });
        if ui.input(|i| i.key_pressed(Key::Escape)) {
            answer = Some(false);
        }
    });
    match answer {
        Some(true) => {
            state.confirm_remove = None;
            state.send(worker, RosterEdit::Remove(rows));
            state.selection.clear();
        }
        Some(false) => state.confirm_remove = None,
        None => {}
    }
}
