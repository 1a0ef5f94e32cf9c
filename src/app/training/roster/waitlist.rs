//! The waiting list under the roster's participants: who waits for a place, in order,
//! with "Nachrücken" (the chosen person, else the first, onto the roster when a place is
//! free) and "Entfernen".

use egui::{RichText, ScrollArea, Ui};

use crate::app::training::worker::{RosterEdit, RosterView};
use crate::app::widgets::style::MUTED;
use crate::app::widgets::write_button;
use crate::app::worker::Worker;
use crate::i18n::{Arg, fmt_datetime, t, ta};

use super::RosterState;

/// The most waiting-list rows shown without scrolling.
const VISIBLE_ROWS: usize = 5;

/// The height the waiting list takes under the table.
pub(super) fn height(ui: &Ui, view: &RosterView) -> f32 {
    let row = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    (view.waitlist.len().min(VISIBLE_ROWS) as f32 + 2.5) * row + 12.0
}

/// Draws the waiting list of the roster and sends "Nachrücken" and "Entfernen".
pub(super) fn waitlist_ui(
    ui: &mut Ui,
    state: &mut RosterState,
    view: &RosterView,
    worker: &mut Worker,
) {
    ui.separator();
    if state
        .waiting
        .is_some_and(|id| view.waitlist.iter().all(|w| w.id != id))
    {
        state.waiting = None;
    }
    ui.horizontal(|ui| {
        ui.strong(ta(
            "needs-waitlist-heading",
            &[("count", Arg::from(view.waitlist.len()))],
        ));
        ui.add_space(12.0);
        let busy = !state.changes_pending.is_empty();
        if write_button(ui, !busy, t("needs-waitlist-move-up"))
            .on_hover_text(t("needs-waitlist-move-up-hint"))
            .clicked()
        {
            let place = state.waiting;
            state.send(worker, RosterEdit::MoveUp(place));
        }
        if write_button(
            ui,
            !busy && state.waiting.is_some(),
            t("needs-waitlist-remove"),
        )
        .clicked()
            && let Some(place) = state.waiting.take()
        {
            state.send(worker, RosterEdit::RemoveWaiting(vec![place]));
        }
    });
    ScrollArea::vertical()
        .id_salt(("roster-waitlist", state.session.0))
        .max_height(height(ui, view))
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (i, w) in view.waitlist.iter().enumerate() {
                ui.horizontal(|ui| {
                    let mut text = format!(
                        "{}. {}, {} ({})",
                        i + 1,
                        w.last_name,
                        w.first_name,
                        w.personnel_number
                    );
                    if let Some(code) = &w.department_code {
                        text.push_str(&format!(" – {code}"));
                    }
                    if ui
                        .selectable_label(state.waiting == Some(w.id), text)
                        .clicked()
                    {
                        state.waiting = if state.waiting == Some(w.id) {
                            None
                        } else {
                            Some(w.id)
                        };
                    }
                    ui.label(
                        RichText::new(ta(
                            "needs-waitlist-since",
                            &[("date", Arg::from(fmt_datetime(w.added_at)))],
                        ))
                        .small()
                        .color(MUTED),
                    );
                });
            }
        });
}
