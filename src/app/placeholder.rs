//! Screens that later versions build: each says plainly what it will do.

use egui::{RichText, Ui};

use super::style::MUTED;
use crate::i18n::{Arg, t, ta};

/// Draws the notice for a screen not built yet: its title and what it will do.
pub(crate) fn placeholder_ui(ui: &mut Ui, title_key: &str, plan_key: &str) {
    ui.heading(t(title_key));
    ui.add_space(16.0);
    ui.label(ta("app-later", &[("what", Arg::from(t(plan_key)))]));
    ui.add_space(8.0);
    ui.label(RichText::new(t("app-later-hint")).color(MUTED));
}
