//! What an edit form shows when its save was refused because the record changed in the
//! meantime (another officer saved first, or the command line): who changed it, what the
//! officer entered next to what is stored now, field by field, and the two ways on —
//! load the stored values, or save the entry over them.

use egui::{Color32, RichText, Ui};

use super::style::{MUTED, WARNING_FILL};
use super::write_button;
use crate::error::Error;
use crate::i18n::t;

/// A form's fields as it shows them: label and value, in the form's order.
pub(crate) type Shown = Vec<(String, String)>;

/// What an edit form keeps of the stored record it edits: the version it was loaded at
/// (sent with a save, which the service refuses when the stored one moved on) and the
/// refusal, while the officer has not decided what to do.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Loaded {
    /// `None` for a record not saved yet.
    pub version: Option<i64>,
    pub conflict: Option<Conflict>,
}

/// A save refused because the record changed meanwhile.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Conflict {
    /// Who changed it when, and what the officer can do, as a sentence.
    pub message: String,
    /// The version stored now: "overwrite" saves over this one.
    pub stored: i64,
}

/// What the officer chose in the conflict panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Choice {
    Undecided,
    /// Load the stored values, dropping the entry.
    Reload,
    /// Save the entry over the stored values.
    Overwrite,
}

impl Loaded {
    /// A form loaded from a record stored at `version`.
    pub fn at(version: i64) -> Loaded {
        Loaded {
            version: Some(version),
            conflict: None,
        }
    }

    /// Takes a failed save's error: a conflict is kept for the panel (true), anything
    /// else is the form's to show (false).
    pub fn refused(&mut self, error: &Error) -> bool {
        self.conflict = match error {
            Error::ChangedMeanwhile { stored, .. } => Some(Conflict {
                message: error.user_message(),
                stored: *stored,
            }),
            _ => None,
        };
        self.conflict.is_some()
    }

    /// The officer chose to overwrite: the next save goes over the version stored now.
    pub fn overwrite(&mut self) {
        if let Some(conflict) = self.conflict.take() {
            self.version = Some(conflict.stored);
        }
    }

    /// Whether the stored record (now at `stored`) moved on since the form loaded it,
    /// with no refused save waiting for the officer's decision.
    pub fn outdated_by(&self, stored: i64) -> bool {
        self.conflict.is_none() && self.version.is_some_and(|v| v != stored)
    }
}

/// The fields whose values differ: label, the entry, the stored value.
pub(crate) fn differences(mine: &Shown, stored: &Shown) -> Vec<(String, String, String)> {
    mine.iter()
        .zip(stored)
        .filter(|((_, a), (_, b))| a.trim() != b.trim())
        .map(|((label, a), (_, b))| (label.clone(), a.clone(), b.clone()))
        .collect()
}

/// Draws the panel for `conflict`, comparing the form's entry `mine` with the values
/// stored now, `stored` (the same fields in the same order). `enabled` is false while
/// a command is pending.
pub(crate) fn conflict_ui(
    ui: &mut Ui,
    conflict: &Conflict,
    mine: &Shown,
    stored: &Shown,
    enabled: bool,
) -> Choice {
    let mut choice = Choice::Undecided;
    let panel = egui::Frame::new()
        .fill(WARNING_FILL)
        .stroke(egui::Stroke::new(1.0, Color32::from_rgb(0xC9, 0x9A, 0x2E)))
        .corner_radius(6)
        .inner_margin(egui::Margin::symmetric(12, 10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(RichText::new(&conflict.message).strong()).wrap());
            ui.add_space(6.0);
            let rows = differences(mine, stored);
            if rows.is_empty() {
                ui.label(RichText::new(t("app-conflict-same")).color(MUTED));
            } else {
                // Three columns of equal width, so that long values wrap in their own.
                let spacing = 14.0;
                let column = ((ui.available_width() - 2.0 * spacing) / 3.0).max(60.0);
                egui::Grid::new("edit-conflict-grid")
                    .num_columns(3)
                    .spacing([spacing, 6.0])
                    .min_col_width(column)
                    .max_col_width(column)
                    .show(ui, |ui| {
                        ui.label(RichText::new(t("app-conflict-field")).color(MUTED));
                        ui.label(RichText::new(t("app-conflict-mine")).color(MUTED));
                        ui.label(RichText::new(t("app-conflict-stored")).color(MUTED));
                        ui.end_row();
                        let empty = t("app-conflict-empty");
                        let value = |v: &str| {
                            if v.trim().is_empty() {
                                RichText::new(&empty).italics().color(MUTED)
                            } else {
                                RichText::new(v)
                            }
                        };
                        for (label, mine, stored) in &rows {
                            ui.label(label);
                            ui.add(egui::Label::new(value(mine)).wrap());
                            ui.add(egui::Label::new(value(stored).strong()).wrap());
                            ui.end_row();
                        }
                    });
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(enabled, egui::Button::new(t("app-reload-record")))
                    .on_hover_text(t("app-reload-record-hint"))
                    .clicked()
                {
                    choice = Choice::Reload;
                }
                if write_button(ui, enabled, t("app-conflict-overwrite"))
                    .on_hover_text(t("app-conflict-overwrite-hint"))
                    .clicked()
                {
                    choice = Choice::Overwrite;
                }
            });
        })
        .response;
    // When the conflict appears, bring the panel (with its buttons) into view once.
    let id = egui::Id::unique("edit-conflict-shown");
    let key = (conflict.message.clone(), conflict.stored);
    if ui.ctx().data(|d| d.get_temp::<(String, i64)>(id)) != Some(key.clone()) {
        ui.ctx().data_mut(|d| d.insert_temp(id, key));
        panel.scroll_to_me(Some(egui::Align::Center));
    }
    choice
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(values: &[(&str, &str)]) -> Shown {
        values
            .iter()
            .map(|(l, v)| ((*l).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn only_fields_that_differ_are_compared() {
        let mine = shown(&[("Name", "Meier"), ("E-Mail", "a@b.de"), ("Ort", " Rathaus")]);
        let stored = shown(&[("Name", "Maier"), ("E-Mail", "a@b.de"), ("Ort", "Rathaus")]);
        assert_eq!(
            differences(&mine, &stored),
            vec![("Name".to_owned(), "Meier".to_owned(), "Maier".to_owned())]
        );
    }

    #[test]
    fn a_conflict_is_kept_and_an_overwrite_saves_over_the_stored_version() {
        let mut loaded = Loaded::at(3);
        assert!(!loaded.outdated_by(3) && loaded.outdated_by(4));
        assert!(!loaded.refused(&Error::Message("kaputt".into())));
        assert!(loaded.conflict.is_none());
        let error = Error::ChangedMeanwhile {
            stored: 5,
            by: Some("anna".into()),
            at: None,
        };
        assert!(loaded.refused(&error));
        assert!(loaded.conflict.as_ref().unwrap().message.contains("anna"));
        // While the officer decides, the form does not follow the stored record.
        assert!(!loaded.outdated_by(5));
        loaded.overwrite();
        assert_eq!(loaded, Loaded::at(5));
    }
}
