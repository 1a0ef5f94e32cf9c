//! A small settings section edited in place (the retention period, the renewal
//! thresholds): the value stored, the value being edited, and its load and save on the
//! worker. Edits in progress survive a reload; "Speichern" is enabled only for a change.

use egui::Ui;

use super::error_label;
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::Result;
use crate::i18n::t;

pub(crate) struct SettingsForm<T> {
    stored: Option<T>,
    /// What the fields show; `None` until the first load.
    pub edited: Option<T>,
    loaded_at: Option<u64>,
    load_pending: Option<Ticket>,
    save_pending: Option<Ticket>,
    /// The last failure, in the user's language.
    pub error: Option<String>,
}

impl<T> Default for SettingsForm<T> {
    fn default() -> Self {
        SettingsForm {
            stored: None,
            edited: None,
            loaded_at: None,
            load_pending: None,
            save_pending: None,
            error: None,
        }
    }
}

impl<T: Copy + PartialEq> SettingsForm<T> {
    /// Sends `load` when the data changed since the last load and nothing is under way.
    pub fn load_if_stale(
        &mut self,
        revision: u64,
        worker: &mut Worker,
        load: impl FnOnce() -> Command,
    ) {
        if self.loaded_at != Some(revision) && !self.is_busy() {
            self.loaded_at = Some(revision);
            self.load_pending = Some(worker.send(load()));
        }
    }

    /// Picks up the answers to this section's load (`loaded` takes the value out of it)
    /// and save (`saved_key` names the success notice); returns the others.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
        loaded: impl FnOnce(Outcome) -> Option<T>,
        saved_key: &str,
        notices: &mut super::Notices,
    ) -> Option<Result<Outcome>> {
        if self.load_pending == Some(ticket) {
            self.load_pending = None;
            match result {
                Ok(outcome) => {
                    if let Some(stored) = loaded(outcome) {
                        // Edits in progress stay.
                        if self.edited.is_none() || self.edited == self.stored {
                            self.edited = Some(stored);
                        }
                        self.stored = Some(stored);
                    }
                }
                Err(e) => self.error = Some(e.user_message()),
            }
            return None;
        }
        if self.save_pending == Some(ticket) {
            self.save_pending = None;
            match result {
                Ok(_) => {
                    self.stored = self.edited;
                    self.loaded_at = None;
                    notices.success(t(saved_key));
                }
                Err(e) => self.error = Some(e.user_message()),
            }
            return None;
        }
        Some(result)
    }

    pub fn is_busy(&self) -> bool {
        self.load_pending.is_some() || self.save_pending.is_some()
    }

    /// Whether a save is under way (the fields are read-only meanwhile).
    pub fn is_saving(&self) -> bool {
        self.save_pending.is_some()
    }

    /// The error, the save button (labelled `save_key`, enabled for a change) and the
    /// spinner of a save; returns the edited value when the button was clicked.
    pub fn save_row_ui(&mut self, ui: &mut Ui, save_key: &str) -> Option<T> {
        if let Some(e) = &self.error {
            error_label(ui, e);
        }
        let dirty = self.stored != self.edited;
        let busy = self.is_saving();
        let mut clicked = None;
        ui.horizontal(|ui| {
            if ui
                .add_enabled(dirty && !busy, egui::Button::new(t(save_key)))
                .clicked()
            {
                self.error = None;
                clicked = self.edited;
            }
            if busy {
                ui.spinner();
            }
        });
        clicked
    }

    /// Notes the save sent for the value `save_row_ui` returned.
    pub fn saving(&mut self, ticket: Ticket) {
        self.save_pending = Some(ticket);
    }
}
