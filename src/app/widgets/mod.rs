//! Small building blocks shared by the screens, and their colours and spacing ([`style`]).

pub(crate) mod conflict;
pub(crate) mod settings_form;
pub(crate) mod style;

use egui::{Button, Color32, Response, RichText, TextEdit, Ui, WidgetText};

use crate::app::data::DepartmentTree;
use crate::error::Error;
use crate::i18n::t;
use crate::model::{DepartmentId, Field};
use style::{ACCENT, BORDER, ERROR, ICON, MUTED, SUCCESS};

/// A button that stands out: the main action of a form or screen.
pub(crate) fn primary_button(text: impl Into<String>) -> Button<'static> {
    Button::new(RichText::new(text.into()).color(Color32::WHITE)).fill(ACCENT)
}

/// Where the app notes, for every screen, that the user may only read (a reader's role
/// on a server): buttons that change data are then disabled.
const READ_ONLY: &str = "lotse-read-only";

/// Notes whether the user may only read (see [`write_button`]).
pub(crate) fn set_read_only(ctx: &egui::Context, read_only: bool) {
    ctx.data_mut(|d| d.insert_temp(egui::Id::unique(READ_ONLY), read_only));
}

/// Whether the user may change data.
pub(crate) fn may_write(ui: &Ui) -> bool {
    !ui.ctx()
        .data(|d| d.get_temp::<bool>(egui::Id::unique(READ_ONLY)))
        .unwrap_or(false)
}

/// A [`primary_button`] that changes data: enabled when `enabled` and the user may write;
/// for a reader it says why it is disabled.
pub(crate) fn write_button(ui: &mut Ui, enabled: bool, text: impl Into<String>) -> Response {
    let allowed = may_write(ui);
    let response = ui.add_enabled(enabled && allowed, primary_button(text));
    if allowed {
        response
    } else {
        response.on_disabled_hover_text(t("app-read-only-hint"))
    }
}

/// A message in red that wraps.
pub(crate) fn error_label(ui: &mut Ui, text: &str) {
    ui.add(egui::Label::new(RichText::new(text).color(ERROR)).wrap());
}

/// The messages of a failed save, sorted by the form field they belong to.
#[derive(Debug, Default, Clone)]
pub(crate) struct FieldErrors {
    fields: Vec<(Field, String)>,
    /// Messages that belong to no field (or to one the form does not show).
    pub general: Vec<String>,
}

impl FieldErrors {
    /// Sorts the problems of `error` into per-field and general messages, in the current
    /// language; `shown` lists the fields the form has.
    pub fn from_error(error: &Error, shown: &[Field]) -> FieldErrors {
        let mut out = FieldErrors::default();
        match error {
            Error::Invalid(problems) => {
                for p in problems {
                    match p.field().filter(|f| shown.contains(f)) {
                        Some(f) => out.fields.push((f, p.message())),
                        None => out.general.push(p.message()),
                    }
                }
            }
            other => out.general.push(other.user_message()),
        }
        out
    }

    pub fn push(&mut self, field: Field, message: String) {
        self.fields.push((field, message));
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.general.is_empty()
    }

    pub fn for_field(&self, field: Field) -> impl Iterator<Item = &str> {
        self.fields
            .iter()
            .filter(move |(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
}

/// One row of a two-column form grid: the label, then `add_field` (whose response is
/// labelled by it, so screen readers and tests find the field by its label), then
/// any messages for `field`. Call inside an [`egui::Grid`].
pub(crate) fn form_row(
    ui: &mut Ui,
    label: impl Into<WidgetText>,
    errors: &[&str],
    add_field: impl FnOnce(&mut Ui) -> Response,
) -> Response {
    let label = ui.label(label);
    let response = ui
        .vertical(|ui| {
            let response = add_field(ui).labelled_by(label.id);
            for message in errors {
                error_label(ui, message);
            }
            response
        })
        .inner;
    ui.end_row();
    response
}

/// Whether the user pressed Enter to leave this (single-line text) field: submit the form.
pub(crate) fn entered(response: &Response) -> bool {
    response.lost_focus() && response.ctx.input(|i| i.key_pressed(egui::Key::Enter))
}

/// A single-line text field filling the form column.
pub(crate) fn text_field(value: &mut String) -> TextEdit<'_> {
    TextEdit::singleline(value).desired_width(f32::INFINITY)
}

/// A combo box to choose a department from the hierarchy (indented), or none.
/// `only_active` hides deactivated units except the one already chosen.
/// Returns the combo box's response (label it with `labelled_by`).
pub(crate) fn department_combo(
    ui: &mut Ui,
    id_salt: &str,
    tree: &DepartmentTree,
    selected: &mut Option<DepartmentId>,
    none_text: &str,
    only_active: bool,
    exclude: Option<DepartmentId>,
) -> Response {
    let selected_text = selected
        .and_then(|id| tree.get(id))
        .map(|n| n.label())
        .unwrap_or_else(|| none_text.to_owned());
    let excluded = exclude.map(|id| tree.subtree(id)).unwrap_or_default();
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(selected_text)
        .width(ui.available_width().min(280.0))
        .height(400.0)
        .truncate()
        .show_ui(ui, |ui| {
            ui.selectable_value(selected, None, none_text);
            for node in &tree.nodes {
                let id = node.id();
                if excluded.contains(&id)
                    || (only_active && !node.row.department.active && *selected != Some(id))
                {
                    continue;
                }
                ui.horizontal(|ui| {
                    ui.add_space(node.depth as f32 * 16.0);
                    let mut text = RichText::new(node.label());
                    if !node.row.department.active {
                        text = text.color(MUTED);
                    }
                    ui.selectable_value(selected, Some(id), text);
                });
            }
        })
        .response
}

/// A frameless button showing a triangle: pointing down when `open`, right otherwise.
/// `hover` names it for screen readers.
pub(crate) fn disclosure_button(ui: &mut Ui, open: bool, hover: String) -> Response {
    let size = egui::Vec2::splat(disclosure_width(ui));
    let response = ui
        .add(Button::new("").frame(false).min_size(size))
        .on_hover_text(hover);
    let c = response.rect.center();
    let color = if response.hovered() { ACCENT } else { ICON };
    let (w, h) = (4.0, 3.5);
    let points = if open {
        vec![
            egui::pos2(c.x - w, c.y - h * 0.6),
            egui::pos2(c.x + w, c.y - h * 0.6),
            egui::pos2(c.x, c.y + h),
        ]
    } else {
        vec![
            egui::pos2(c.x - h * 0.6, c.y - w),
            egui::pos2(c.x - h * 0.6, c.y + w),
            egui::pos2(c.x + h, c.y),
        ]
    };
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        color,
        egui::Stroke::NONE,
    ));
    response
}

/// The width of a [`disclosure_button`], to indent rows that have none.
pub(crate) fn disclosure_width(ui: &Ui) -> f32 {
    (ui.spacing().icon_width + 4.0).max(2.0 * ui.spacing().button_padding.x)
}

/// A small filled triangle after a column header: up for ascending, down for descending.
pub(crate) fn sort_indicator(ui: &mut Ui, ascending: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::Vec2::new(10.0, 10.0), egui::Sense::hover());
    let c = rect.center();
    let (w, h) = (4.5, 3.5);
    let points = if ascending {
        vec![
            egui::pos2(c.x - w, c.y + h),
            egui::pos2(c.x + w, c.y + h),
            egui::pos2(c.x, c.y - h),
        ]
    } else {
        vec![
            egui::pos2(c.x - w, c.y - h),
            egui::pos2(c.x + w, c.y - h),
            egui::pos2(c.x, c.y + h),
        ]
    };
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        ACCENT,
        egui::Stroke::NONE,
    ));
}

/// A short explanation in a muted colour.
pub(crate) fn hint(ui: &mut Ui, text: &str) {
    ui.add(egui::Label::new(RichText::new(text).color(MUTED)).wrap());
}

/// What kind of message the status line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NoticeKind {
    Success,
    Error,
}

/// The latest short message for the user: a success fades after a few seconds,
/// an error stays until it is dismissed or replaced.
#[derive(Debug, Default)]
pub(crate) struct Notices {
    current: Option<(NoticeKind, String, Option<f64>)>,
}

/// Seconds a success message stays.
const SUCCESS_SECONDS: f64 = 8.0;

impl Notices {
    pub fn success(&mut self, text: impl Into<String>) {
        self.current = Some((NoticeKind::Success, text.into(), None));
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.current = Some((NoticeKind::Error, text.into(), None));
    }

    /// The message shown now, if any.
    pub fn current(&self) -> Option<(NoticeKind, &str)> {
        self.current.as_ref().map(|(k, t, _)| (*k, t.as_str()))
    }

    /// Draws the message in one line (for the status bar).
    pub fn notice_ui(&mut self, ui: &mut Ui) {
        let now = ui.input(|i| i.time);
        let Some((kind, text, since)) = &mut self.current else {
            return;
        };
        let since = *since.get_or_insert(now);
        match kind {
            NoticeKind::Success => {
                let left = SUCCESS_SECONDS - (now - since);
                if left <= 0.0 {
                    self.current = None;
                    return;
                }
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_secs_f64(left));
                ui.label(RichText::new(text.as_str()).color(SUCCESS));
            }
            NoticeKind::Error => {
                ui.label(RichText::new(text.as_str()).color(ERROR));
                if ui
                    .small_button("×")
                    .on_hover_text(t("app-dismiss"))
                    .clicked()
                {
                    self.current = None;
                }
            }
        }
    }
}

/// A labelled combo box that filters by one of `options` or, with `None`, shows all
/// (`all` names that choice).
pub(crate) fn text_filter_combo(
    ui: &mut Ui,
    id: &str,
    label: String,
    selected: &mut Option<String>,
    all: String,
    options: &[String],
    width: f32,
) {
    let label = ui.label(label);
    egui::ComboBox::from_id_salt(id)
        .selected_text(selected.clone().unwrap_or_else(|| all.clone()))
        .width(width)
        .truncate()
        .show_ui(ui, |ui| {
            ui.selectable_value(selected, None, all);
            for option in options {
                ui.selectable_value(selected, Some(option.clone()), option);
            }
        })
        .response
        .labelled_by(label.id);
}

/// Runs `add` in a horizontally scrolling area at least `min_width` wide, so that a table
/// keeps its columns (and stays out of a form beside it) when the window is narrow.
pub(crate) fn wide_ui<R>(
    ui: &mut Ui,
    id: &str,
    min_width: f32,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    let width = ui.available_width().max(min_width);
    egui::ScrollArea::horizontal()
        .id_salt(id)
        .show(ui, |ui| {
            ui.set_width(width);
            add(ui)
        })
        .inner
}

/// A button for an action that deletes something: white on red.
pub(crate) fn danger_button(text: impl Into<String>) -> Button<'static> {
    Button::new(RichText::new(text.into()).color(Color32::WHITE)).fill(ERROR)
}

/// Draws a warning in a box that stands out (overbooked sessions and the like).
pub(crate) fn warning_banner(ui: &mut Ui, text: &str) {
    egui::Frame::new()
        .fill(Color32::from_rgb(0xFD, 0xEC, 0xEA))
        .stroke(egui::Stroke::new(1.0, ERROR))
        .corner_radius(6)
        .inner_margin(egui::Margin::symmetric(12, 8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(RichText::new(text).color(ERROR).strong()).wrap());
        });
}

/// Draws a note in a calm box (the session has not started yet and the like).
pub(crate) fn info_banner(ui: &mut Ui, text: &str) {
    egui::Frame::new()
        .fill(Color32::from_rgb(0xEE, 0xF4, 0xFB))
        .stroke(egui::Stroke::new(1.0, BORDER))
        .corner_radius(6)
        .inner_margin(egui::Margin::symmetric(12, 8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            hint(ui, text);
        });
}
