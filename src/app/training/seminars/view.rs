//! The Seminars & Sessions screen's view: the tabs, the sessions toolbar and table, the
//! catalogue table, and the form or roster beside them.

use crate::app::widgets::write_button;
use egui::{Align, Layout, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::data::Data;
use crate::app::training::attendance_import::attendance_import_ui;
use crate::app::training::roster::{RosterAction, roster_ui};
use crate::app::training::worker::TrainingData;
use crate::app::widgets::error_label;
use crate::app::widgets::style::{ERROR, MUTED};
use crate::app::worker::Worker;
use crate::i18n::{Arg, fmt_hours, fmt_session, t, ta};
use crate::model::{Field, SeminarId, SessionId};
use crate::service::seminars::format_label;

use super::seminar_form::{FormAction, SeminarForm, seminar_form_ui};
use super::session_form::{SessionForm, session_form_ui};
use super::{SeminarsState, SideForm, Tab, When, participants_text, seminar_label};
use crate::app::widgets::wide_ui;

/// Draws the Seminars & Sessions screen and sends what the user asks for to `worker`.
pub(crate) fn seminars_ui(
    ui: &mut Ui,
    state: &mut SeminarsState,
    data: &Data,
    worker: &mut Worker,
) {
    if let Some(roster) = &mut state.roster {
        let action = roster_ui(ui, roster, data, worker, &mut state.import);
        attendance_import_ui(ui, &mut state.import, worker);
        match action {
            Some(RosterAction::Close) => state.roster = None,
            Some(RosterAction::EditSession(id)) => {
                state.roster = None;
                state.tab = Tab::Sessions;
                if let Some(view) = data.training.session(id) {
                    state.selected_session = Some(id);
                    state.scroll_to_selected = true;
                    state.form = Some(SideForm::Session(Box::new(SessionForm::edit(view))));
                }
            }
            None => {}
        }
        return;
    }

    ui.horizontal(|ui| {
        ui.heading(t("apptr-title"));
        ui.add_space(16.0);
        for (tab, key) in [
            (Tab::Sessions, "apptr-tab-sessions"),
            (Tab::Catalogue, "apptr-tab-catalogue"),
        ] {
            if ui.selectable_label(state.tab == tab, t(key)).clicked() {
                state.tab = tab;
            }
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| match state.tab {
            Tab::Sessions => {
                if write_button(ui, true, t("apptr-session-add"))
                    .on_hover_text(t("apptr-session-add-hint"))
                    .clicked()
                {
                    state.selected_session = None;
                    state.form = Some(SideForm::Session(Box::new(SessionForm::new_session(
                        state.seminar_filter,
                    ))));
                }
            }
            Tab::Catalogue => {
                if write_button(ui, true, t("apptr-seminar-add")).clicked() {
                    state.selected_seminar = None;
                    state.form = Some(SideForm::Seminar(Box::new(SeminarForm::new_seminar())));
                }
            }
        });
    });
    ui.add_space(4.0);

    let mut open_roster = None;
    if let Some(form) = &mut state.form {
        let mut action = FormAction::Stay;
        egui::Panel::right("training-form")
            .resizable(true)
            .default_size(430.0)
            .size_range(360.0..=640.0)
            .show(ui, |ui| {
                action = match form {
                    SideForm::Seminar(f) => seminar_form_ui(ui, f, data, worker),
                    SideForm::Session(f) => session_form_ui(ui, f, data, worker),
                };
            });
        match action {
            FormAction::Stay => {}
            FormAction::Close => state.form = None,
            FormAction::OpenRoster(id) => open_roster = Some(id),
            FormAction::NewSessionOf(seminar) => {
                state.tab = Tab::Sessions;
                state.selected_session = None;
                state.form = Some(SideForm::Session(Box::new(SessionForm::new_session(Some(
                    seminar,
                )))));
            }
        }
    }

    match state.tab {
        Tab::Sessions => {
            state.refresh(data);
            sessions_toolbar_ui(ui, state, data);
            ui.add_space(6.0);
            if let Some(id) = sessions_table_ui(ui, state, data, &mut open_roster) {
                state.selected_session = Some(id);
                if let Some(view) = data.training.session(id) {
                    state.form = Some(SideForm::Session(Box::new(SessionForm::edit(view))));
                }
            }
        }
        Tab::Catalogue => {
            state.refresh_catalogue(data);
            ui.checkbox(&mut state.show_archived, t("apptr-show-archived"));
            ui.add_space(6.0);
            if let Some(id) = catalogue_table_ui(ui, state, data)
                && let Some(seminar) = data.training.seminar(id)
            {
                state.selected_seminar = Some(id);
                state.form = Some(SideForm::Seminar(Box::new(SeminarForm::edit(seminar))));
            }
        }
    }
    if let Some(id) = open_roster {
        state.open_roster(id);
    }
}

fn sessions_toolbar_ui(ui: &mut Ui, state: &mut SeminarsState, data: &Data) {
    let training = &data.training;
    ui.horizontal_wrapped(|ui| {
        for (when, key, count) in [
            (When::Upcoming, "apptr-upcoming", state.upcoming),
            (When::Past, "apptr-past", state.past),
        ] {
            let text = ta(key, &[("count", Arg::from(count))]);
            if ui.selectable_label(state.when == when, text).clicked() {
                state.when = when;
            }
        }
        ui.add_space(12.0);
        let label = ui.label(Field::Seminar.label());
        let selected = state
            .seminar_filter
            .and_then(|id| training.seminar(id))
            .map(|s| s.code.clone())
            .unwrap_or_else(|| t("apptr-all-seminars"));
        egui::ComboBox::from_id_salt("sessions-seminar-filter")
            .selected_text(selected)
            .width(120.0)
            .height(400.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.seminar_filter, None, t("apptr-all-seminars"));
                for s in &training.seminars {
                    ui.selectable_value(&mut state.seminar_filter, Some(s.id), seminar_label(s));
                }
            })
            .response
            .labelled_by(label.id);
        crate::app::widgets::text_filter_combo(
            ui,
            "sessions-provider-filter",
            Field::Provider.label(),
            &mut state.provider_filter,
            t("apptr-all-providers"),
            &training.providers,
            150.0,
        );
        for (key, text) in [("apptr-from", &mut state.from), ("apptr-to", &mut state.to)] {
            let label = ui.label(t(key));
            ui.add(
                egui::TextEdit::singleline(text)
                    .hint_text(t("app-date-hint"))
                    .desired_width(86.0),
            )
            .labelled_by(label.id);
        }
        let filtered = state.seminar_filter.is_some()
            || state.provider_filter.is_some()
            || !state.from.is_empty()
            || !state.to.is_empty();
        if filtered && ui.small_button(t("apptr-filter-reset")).clicked() {
            state.seminar_filter = None;
            state.provider_filter = None;
            state.from.clear();
            state.to.clear();
        }
    });
    for message in &state.date_errors {
        error_label(ui, message);
    }
}

/// Draws the sessions table; returns the session whose row was clicked. A double click
/// (or the roster button) puts the session into `open_roster`.
fn sessions_table_ui(
    ui: &mut Ui,
    state: &mut SeminarsState,
    data: &Data,
    open_roster: &mut Option<SessionId>,
) -> Option<SessionId> {
    let training = &data.training;
    if state.visible.is_empty() {
        ui.add_space(24.0);
        ui.vertical_centered(|ui| {
            let key = if training.sessions.is_empty() {
                "apptr-sessions-none-yet"
            } else if state.when == When::Upcoming {
                "apptr-sessions-none-upcoming"
            } else {
                "apptr-sessions-none-past"
            };
            ui.label(RichText::new(t(key)).color(MUTED));
        });
        return None;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
    let scroll_to = if state.scroll_to_selected {
        state.scroll_to_selected = false;
        state.selected_session.and_then(|id| {
            state
                .visible
                .iter()
                .position(|&i| training.sessions[i].row.session.id == id)
        })
    } else {
        None
    };
    let mut clicked = None;
    let min_width = 245.0 + 200.0 + 120.0 + 150.0 + 100.0 + 5.0 * ui.spacing().item_spacing.x;
    wide_ui(ui, "sessions-hscroll", min_width, |ui| {
        let mut table = TableBuilder::new(ui)
            .id_salt("sessions")
            .striped(true)
            .sense(Sense::click())
            .resizable(false)
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::exact(245.0).clip(true))
            .column(Column::remainder().at_least(200.0).clip(true))
            .column(Column::remainder().at_least(120.0).clip(true))
            .column(Column::exact(150.0).clip(true))
            .column(Column::exact(100.0));
        if let Some(row) = scroll_to {
            table = table.scroll_to_row(row, Some(Align::Center));
        }
        table
            .header(row_height + 4.0, |mut header| {
                for key in [
                    "apptr-col-when",
                    "field-seminar",
                    "field-location",
                    "field-trainer",
                    "apptr-col-participants",
                ] {
                    header.col(|ui| {
                        ui.strong(t(key));
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, state.visible.len(), |mut row| {
                    let Some(view) = state
                        .visible
                        .get(row.index())
                        .map(|&i| &training.sessions[i])
                    else {
                        return;
                    };
                    let s = &view.row.session;
                    row.set_selected(state.selected_session == Some(s.id));
                    let cell = |ui: &mut Ui, text: &str| {
                        ui.add(egui::Label::new(text).truncate());
                    };
                    row.col(|ui| cell(ui, &fmt_session(s.starts_at, s.ends_at)));
                    row.col(|ui| {
                        cell(
                            ui,
                            &format!("{} {}", view.row.seminar_code, view.row.seminar_title),
                        )
                    });
                    row.col(|ui| cell(ui, &s.location));
                    row.col(|ui| cell(ui, &s.trainer));
                    row.col(|ui| {
                        let text = participants_text(view.row.participants, s.capacity);
                        let over = s
                            .capacity
                            .is_some_and(|c| view.row.participants > i64::from(c));
                        let mut rich = RichText::new(text);
                        if over {
                            rich = rich.color(ERROR);
                        }
                        ui.label(rich);
                    });
                    let response = row.response();
                    if response.double_clicked() {
                        *open_roster = Some(s.id);
                    } else if response.clicked() {
                        clicked = Some(s.id);
                    }
                });
            });
    });
    clicked
}

/// Draws the catalogue table; returns the seminar whose row was clicked.
fn catalogue_table_ui(ui: &mut Ui, state: &mut SeminarsState, data: &Data) -> Option<SeminarId> {
    let training: &TrainingData = &data.training;
    if state.catalogue.is_empty() {
        ui.add_space(24.0);
        ui.vertical_centered(|ui| {
            ui.label(RichText::new(t("apptr-seminars-none-yet")).color(MUTED));
        });
        return None;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
    let mut clicked = None;
    let min_width =
        90.0 + 220.0 + 140.0 + 90.0 + 70.0 + 120.0 + 70.0 + 7.0 * ui.spacing().item_spacing.x;
    wide_ui(ui, "seminars-hscroll", min_width, |ui| {
        TableBuilder::new(ui)
            .id_salt("seminars")
            .striped(true)
            .sense(Sense::click())
            .resizable(false)
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::exact(90.0).clip(true))
            .column(Column::remainder().at_least(220.0).clip(true))
            .column(Column::remainder().at_least(140.0).clip(true))
            .column(Column::exact(90.0).clip(true))
            .column(Column::exact(70.0))
            .column(Column::remainder().at_least(120.0).clip(true))
            .column(Column::exact(70.0))
            .header(row_height + 4.0, |mut header| {
                for key in [
                    "train-col-code",
                    "train-col-title",
                    "field-provider",
                    "train-col-format",
                    "train-col-hours",
                    "field-topic",
                    "apptr-col-sessions",
                ] {
                    header.col(|ui| {
                        ui.strong(t(key));
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, state.catalogue.len(), |mut row| {
                    let Some(&i) = state.catalogue.get(row.index()) else {
                        return;
                    };
                    let s = &training.seminars[i];
                    row.set_selected(state.selected_seminar == Some(s.id));
                    let color = s.archived.then_some(MUTED);
                    let cell = |ui: &mut Ui, text: &str| {
                        let mut rich = RichText::new(text);
                        if let Some(c) = color {
                            rich = rich.color(c);
                        }
                        ui.add(egui::Label::new(rich).truncate());
                    };
                    row.col(|ui| cell(ui, &s.code));
                    row.col(|ui| {
                        if s.archived {
                            cell(
                                ui,
                                &ta("apptr-archived-title", &[("title", Arg::from(&s.title))]),
                            );
                        } else {
                            cell(ui, &s.title);
                        }
                    });
                    row.col(|ui| cell(ui, &s.provider));
                    row.col(|ui| cell(ui, &format_label(s.format)));
                    row.col(|ui| cell(ui, &fmt_hours(s.default_hours)));
                    row.col(|ui| cell(ui, &s.topic));
                    row.col(|ui| cell(ui, &training.session_counts[i].to_string()));
                    if row.response().clicked() {
                        clicked = Some(s.id);
                    }
                });
            });
    });
    clicked
}
