//! The Settings screen: language, organisation name and place, the database file.

use std::path::Path;

use egui::{RichText, Ui};

use super::data::Data;
use super::widgets::{FieldErrors, Notices, error_label, form_row, hint, primary_button};
use super::worker::{Command, Outcome, Ticket, Worker};
use crate::error::Result;
use crate::i18n::{self, Lang, t};

/// The state of the Settings screen: the texts as edited, until saved.
#[derive(Default)]
pub(crate) struct SettingsState {
    organisation: String,
    place: String,
    /// The data revision the fields were filled from; `None` until first filled.
    filled_from: Option<u64>,
    /// The user changed a field since it was filled.
    dirty: bool,
    pending: Option<Ticket>,
    errors: FieldErrors,
}

impl SettingsState {
    /// Picks up the answer to a command this screen sent; returns it if it is not ours.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
        notices: &mut Notices,
    ) -> Option<Result<Outcome>> {
        if self.pending != Some(ticket) {
            return Some(result);
        }
        self.pending = None;
        match result {
            Ok(_) => {
                self.dirty = false;
                self.filled_from = None;
                notices.success(t("app-settings-saved"));
            }
            Err(e) => self.errors = FieldErrors::from_error(&e, &[]),
        }
        None
    }
}

/// What the user changed that the whole app must follow.
pub(crate) enum SettingsAction {
    Language(Lang),
}

/// Draws the Settings screen.
pub(crate) fn settings_ui(
    ui: &mut Ui,
    state: &mut SettingsState,
    data: &Data,
    db_path: &Path,
    worker: &mut Worker,
) -> Option<SettingsAction> {
    if !state.dirty && state.filled_from != Some(data.revision) {
        state.organisation = data.organisation.clone();
        state.place = data.place.clone();
        state.filled_from = Some(data.revision);
    }
    let mut action = None;
    ui.heading(t("app-settings-title"));
    ui.add_space(12.0);

    section(ui, &t("app-settings-language"));
    egui::Grid::new("settings-language")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .min_col_width(180.0)
        .show(ui, |ui| {
            let current = i18n::language();
            form_row(ui, t("app-settings-language-label"), &[], |ui| {
                egui::ComboBox::from_id_salt("settings-language-combo")
                    .selected_text(current.native_name())
                    .show_ui(ui, |ui| {
                        for lang in Lang::ALL {
                            if ui
                                .selectable_label(lang == current, lang.native_name())
                                .clicked()
                                && lang != current
                            {
                                action = Some(SettingsAction::Language(lang));
                            }
                        }
                    })
                    .response
            });
        });
    ui.add_space(20.0);

    section(ui, &t("app-settings-organisation"));
    let busy = state.pending.is_some();
    egui::Grid::new("settings-organisation")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .min_col_width(180.0)
        .show(ui, |ui| {
            let r = form_row(ui, t("app-settings-organisation-name"), &[], |ui| {
                ui.add_enabled(
                    !busy,
                    egui::TextEdit::singleline(&mut state.organisation)
                        .hint_text(t("app-settings-organisation-hint"))
                        .desired_width(360.0),
                )
            });
            state.dirty |= r.changed();
            let r = form_row(ui, t("app-settings-place"), &[], |ui| {
                ui.add_enabled(
                    !busy,
                    egui::TextEdit::singleline(&mut state.place)
                        .hint_text(t("app-settings-place-hint"))
                        .desired_width(360.0),
                )
            });
            state.dirty |= r.changed();
        });
    ui.add_space(6.0);
    for message in &state.errors.general {
        error_label(ui, message);
    }
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!busy && state.dirty, primary_button(t("app-save")))
            .clicked()
        {
            state.errors = FieldErrors::default();
            state.pending = Some(worker.send(Command::SaveOrganisation {
                name: state.organisation.clone(),
                place: state.place.clone(),
            }));
        }
        if busy {
            ui.spinner();
        }
    });
    hint(ui, &t("app-settings-later"));
    ui.add_space(20.0);

    section(ui, &t("app-settings-database"));
    egui::Grid::new("settings-database")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .min_col_width(180.0)
        .show(ui, |ui| {
            ui.label(t("app-settings-database-file"));
            ui.add(
                egui::Label::new(RichText::new(db_path.display().to_string()).monospace())
                    .selectable(true)
                    .wrap(),
            );
            ui.end_row();
        });
    hint(ui, &t("app-settings-database-hint"));
    action
}

fn section(ui: &mut Ui, title: &str) {
    ui.label(RichText::new(title).strong().size(17.0));
    ui.add_space(2.0);
    ui.separator();
    ui.add_space(4.0);
}
