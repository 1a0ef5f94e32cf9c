//! The look: a calm light theme, readable text sizes, generous spacing.

use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use egui::{Color32, CornerRadius, FontData, FontFamily, FontId, Stroke, TextStyle, Theme, Vec2};

/// The accent: a sober administrative blue.
pub(crate) const ACCENT: Color32 = Color32::from_rgb(0x1F, 0x5F, 0xA8);
/// Background of the navigation and the top bar.
pub(crate) const CHROME: Color32 = Color32::from_rgb(0xEE, 0xF1, 0xF5);
/// Background of the working area.
pub(crate) const PAPER: Color32 = Color32::WHITE;
pub(crate) const SUCCESS: Color32 = Color32::from_rgb(0x1E, 0x7B, 0x3A);
pub(crate) const ERROR: Color32 = Color32::from_rgb(0xB0, 0x24, 0x1C);
/// Text of inactive things (leavers, deactivated units).
pub(crate) const MUTED: Color32 = Color32::from_rgb(0x8A, 0x90, 0x99);
/// The outline of text fields and buttons.
pub(crate) const FIELD_BORDER: Color32 = Color32::from_rgb(0xB4, 0xBC, 0xC8);
/// Small painted icons (tree triangles).
pub(crate) const ICON: Color32 = Color32::from_rgb(0x5A, 0x62, 0x70);
pub(crate) const BORDER: Color32 = Color32::from_rgb(0xD5, 0xDA, 0xE1);
/// Background of a lasting warning (a database on a network share).
pub(crate) const WARNING_FILL: Color32 = Color32::from_rgb(0xFF, 0xF1, 0xC9);

/// DejaVu Sans (shipped for the PDFs, see `assets/fonts/LICENSE-DejaVu.txt`): the fallback
/// for characters egui's own font lacks (arrows, check marks, rarer Latin letters in names).
const FALLBACK_FONT: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");

/// Sets the theme, the fallback font and the text sizes on `ctx`. Light is the default;
/// the sizes apply to both themes.
pub(crate) fn apply(ctx: &egui::Context) {
    ctx.add_font(FontInsert::new(
        "DejaVuSans",
        FontData::from_static(FALLBACK_FONT),
        vec![
            InsertFontFamily {
                family: FontFamily::Proportional,
                priority: FontPriority::Lowest,
            },
            InsertFontFamily {
                family: FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    ));
    ctx.set_theme(Theme::Light);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(22.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(15.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(12.5, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(14.0, FontFamily::Monospace),
            ),
        ]
        .into();
        // Table rows are clicked as a whole; labels do not take the click for text selection.
        style.interaction.selectable_labels = false;
        let spacing = &mut style.spacing;
        spacing.item_spacing = Vec2::new(8.0, 6.0);
        spacing.button_padding = Vec2::new(10.0, 4.0);
        spacing.interact_size.y = 26.0;
        spacing.indent = 18.0;
        spacing.combo_width = 220.0;
        spacing.text_edit_width = 260.0;
    });
    ctx.style_mut_of(Theme::Light, |style| {
        let v = &mut style.visuals;
        v.panel_fill = PAPER;
        v.window_fill = PAPER;
        v.extreme_bg_color = PAPER;
        v.faint_bg_color = Color32::from_rgb(0xF4, 0xF6, 0xF9);
        v.hyperlink_color = ACCENT;
        v.error_fg_color = ERROR;
        v.selection.bg_fill = Color32::from_rgb(0xD4, 0xE3, 0xF5);
        v.selection.stroke = Stroke::new(1.0, ACCENT);
        v.window_stroke = Stroke::new(1.0, BORDER);
        v.window_corner_radius = CornerRadius::same(8);
        v.widgets.noninteractive.bg_stroke = Stroke::new(1.0, BORDER);
        v.widgets.noninteractive.fg_stroke.color = Color32::from_rgb(0x22, 0x27, 0x2E);
        v.widgets.inactive.fg_stroke.color = Color32::from_rgb(0x22, 0x27, 0x2E);
        v.text_edit_bg_color = Some(PAPER);
        v.widgets.inactive.weak_bg_fill = Color32::from_rgb(0xE9, 0xEC, 0xF0);
        // Text fields, checkboxes and buttons get a visible outline on the white paper.
        v.widgets.inactive.bg_stroke = Stroke::new(1.0, FIELD_BORDER);
        v.widgets.hovered.bg_stroke = Stroke::new(1.0, ACCENT);
        v.widgets.hovered.weak_bg_fill = Color32::from_rgb(0xDD, 0xE3, 0xEA);
        for w in [
            &mut v.widgets.noninteractive,
            &mut v.widgets.inactive,
            &mut v.widgets.hovered,
            &mut v.widgets.active,
            &mut v.widgets.open,
        ] {
            w.corner_radius = CornerRadius::same(4);
        }
    });
}
