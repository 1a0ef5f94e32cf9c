//! Where everything goes on a certificate page, measured with the fonts' real widths.
//!
//! [`layout`] turns a snapshot into a [`PageLayout`]: positioned texts, shapes and the
//! logo box, in millimetres from the page's top-left corner. The PDF writer only draws
//! what it is given, so the guarantees live here: every text lies inside
//! [`PageLayout::content`]; long names, titles and wordings shrink and wrap; a long
//! seminar list gets a smaller size, two or three columns, tighter spacing, and as a
//! last resort ends with "… and N more" — it never runs off the page.

use super::code::qr_payload;
use super::fonts::{Face, Fonts, MM_PER_PT, fonts};
use super::snapshot::CertificateSnapshot;
use super::{Orientation, RenderOptions};
use crate::error::{Error, Result};
use crate::i18n::{Lang, t, tr_in};

mod footer;
mod table;
#[cfg(test)]
mod tests;
mod text;

use table::{TableSetting, table_settings};
use text::{balance, limit_lines, wrap_greedy};

/// A rectangle in millimetres; `y` is measured down from the top of the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    /// Whether `other` lies inside this rectangle (with 0.01 mm tolerance).
    pub fn contains(&self, other: &Rect) -> bool {
        const EPS: f32 = 0.01;
        other.x >= self.x - EPS
            && other.y >= self.y - EPS
            && other.right() <= self.right() + EPS
            && other.bottom() <= self.bottom() + EPS
    }

    /// Whether the two rectangles share any area.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }
}

/// The typefaces a certificate uses (all DejaVu).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextFace {
    Serif,
    SerifBold,
    Sans,
}

/// The colours of a certificate: black text, one calm accent, a grey for small print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ink {
    Text,
    Accent,
    Muted,
    /// A light tint of the accent for hairlines.
    Rule,
}

/// One line of text, positioned.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedText {
    pub text: String,
    pub face: TextFace,
    /// Font size in points.
    pub size: f32,
    /// Left edge of the text, mm from the page's left.
    pub x: f32,
    /// Baseline, mm from the page's top.
    pub baseline: f32,
    /// Advance width in mm (tracking included).
    pub width: f32,
    /// Extra space after each character, in points.
    pub tracking: f32,
    pub ink: Ink,
    /// The font's ascender and descender at this size, in mm.
    pub ascent: f32,
    pub descent: f32,
}

impl PlacedText {
    /// The box the text's glyphs can occupy: its advance width, ascender to descender.
    pub fn bounds(&self) -> Rect {
        Rect {
            x: self.x,
            y: self.baseline - self.ascent,
            w: self.width,
            h: self.ascent + self.descent,
        }
    }
}

/// A drawn shape.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Fill {
        rect: Rect,
        ink: Ink,
    },
    /// A rectangle outline, `width` in points.
    Stroke {
        rect: Rect,
        ink: Ink,
        width: f32,
    },
    /// A straight line, `width` in points.
    Line {
        from: (f32, f32),
        to: (f32, f32),
        ink: Ink,
        width: f32,
    },
    /// A small filled diamond (an ornament), centre and half-diagonal in mm.
    Diamond {
        centre: (f32, f32),
        radius: f32,
        ink: Ink,
    },
    /// A QR code: `size` × `size` modules of side `module` (mm), the top-left one at
    /// `origin`; `dark` holds them row by row from the top.
    QrCode {
        origin: (f32, f32),
        module: f32,
        size: usize,
        dark: Vec<bool>,
        ink: Ink,
    },
}

/// Where the logo is drawn (already scaled to keep its aspect ratio).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedImage {
    pub rect: Rect,
}

/// Everything on one certificate page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageLayout {
    /// Page size in mm.
    pub width: f32,
    pub height: f32,
    /// The area inside the margins: every text, the logo and the QR code lie within it.
    pub content: Rect,
    pub texts: Vec<PlacedText>,
    pub shapes: Vec<Shape>,
    pub logo: Option<PlacedImage>,
    /// The QR code's area, quiet zone included (the code is a `Shape::QrCode` inside it).
    pub qr: Rect,
    /// How many seminars were left out for lack of space (printed as "… and N more").
    pub seminars_omitted: usize,
}

impl PageLayout {
    /// All texts joined by newlines, in drawing order (for tests and debugging).
    pub fn text(&self) -> String {
        self.texts
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Sizes and distances for one orientation (mm unless noted).
struct Style {
    margin_x: f32,
    margin_top: f32,
    margin_bottom: f32,
    frame_outer: f32,
    frame_inner: f32,
    logo_w: f32,
    logo_h: f32,
    org_size: f32,
    heading_size: f32,
    heading_tracking: f32,
    name_max: f32,
    title_max: f32,
    wording_size: f32,
    wording_width: f32,
    single_table_width: f32,
    /// Base gaps after: logo, organisation, heading (to the ornament), ornament, name,
    /// wording, title.
    gaps: [f32; 7],
    qr: f32,
    footer_size: f32,
    signature_space: f32,
    signature_width: f32,
    place_size: f32,
}

fn style(orientation: Orientation) -> Style {
    match orientation {
        Orientation::Portrait => Style {
            margin_x: 24.0,
            margin_top: 21.0,
            margin_bottom: 17.0,
            frame_outer: 8.0,
            frame_inner: 10.0,
            logo_w: 64.0,
            logo_h: 30.0,
            org_size: 11.0,
            heading_size: 40.0,
            heading_tracking: 7.0,
            name_max: 30.0,
            title_max: 26.0,
            wording_size: 12.0,
            wording_width: 142.0,
            single_table_width: 150.0,
            gaps: [6.0, 7.0, 3.0, 11.0, 6.0, 5.0, 11.0],
            qr: 21.0,
            footer_size: 7.5,
            signature_space: 16.0,
            signature_width: 66.0,
            place_size: 11.0,
        },
        Orientation::Landscape => Style {
            margin_x: 26.0,
            margin_top: 17.0,
            margin_bottom: 14.0,
            frame_outer: 7.0,
            frame_inner: 9.0,
            logo_w: 56.0,
            logo_h: 20.0,
            org_size: 10.0,
            heading_size: 32.0,
            heading_tracking: 8.0,
            name_max: 27.0,
            title_max: 22.0,
            wording_size: 11.0,
            wording_width: 190.0,
            single_table_width: 175.0,
            gaps: [3.5, 4.0, 2.0, 6.0, 4.0, 3.0, 7.0],
            qr: 17.0,
            footer_size: 7.0,
            signature_space: 12.0,
            signature_width: 70.0,
            place_size: 10.5,
        },
    }
}

/// Lays out one certificate page. `logo` is the logo's pixel size (width, height),
/// when one is printed. Fails only if the shipped fonts cannot be read.
pub fn layout(
    snapshot: &CertificateSnapshot,
    logo: Option<(u32, u32)>,
    options: &RenderOptions,
) -> Result<PageLayout> {
    let fonts = fonts().ok_or_else(|| Error::Message(t("cert-error-font")))?;
    Ok(Composer {
        fonts,
        lang: options.lang,
        style: style(options.orientation),
        page: options.orientation.page_size(),
    }
    .compose(snapshot, logo))
}

/// A vertical block built at y = 0 and moved into place later.
#[derive(Default)]
struct Block {
    height: f32,
    texts: Vec<PlacedText>,
    shapes: Vec<Shape>,
    image: Option<Rect>,
    /// Some text had to be cut short or broken inside a word.
    clipped: bool,
}

impl Block {
    fn shift(mut self, dy: f32) -> Block {
        for t in &mut self.texts {
            t.baseline += dy;
        }
        for s in &mut self.shapes {
            match s {
                Shape::Fill { rect, .. } | Shape::Stroke { rect, .. } => rect.y += dy,
                Shape::Line { from, to, .. } => {
                    from.1 += dy;
                    to.1 += dy;
                }
                Shape::Diamond { centre, .. } => centre.1 += dy,
                Shape::QrCode { origin, .. } => origin.1 += dy,
            }
        }
        if let Some(r) = &mut self.image {
            r.y += dy;
        }
        self
    }
}

/// The blocks above the seminar list and the gap after each.
struct Top {
    blocks: Vec<Block>,
    gaps: Vec<f32>,
}

impl Top {
    /// Total height with the gaps scaled by `gap_scale`.
    fn height(&self, gap_scale: f32) -> f32 {
        self.blocks.iter().map(|b| b.height).sum::<f32>()
            + self.gaps.iter().sum::<f32>() * gap_scale
    }
}

/// How tightly a page is set. A page is set as loosely as its seminar list allows.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Density {
    /// Scale of the gaps between blocks (and between seminar rows).
    gaps: f32,
    /// Scale of the logo, heading, name and title.
    display: f32,
    /// The wording may use the whole content width.
    wide_wording: bool,
    /// Scale of the space left for the handwritten signature.
    signature: f32,
    /// "valid until" goes on the line of the total hours.
    inline_validity: bool,
    /// Seminar list type sizes to try (largest first) and the most columns.
    max_size: f32,
    min_size: f32,
    max_columns: usize,
}

const DENSITIES: [Density; 3] = [
    Density {
        gaps: 1.0,
        display: 1.0,
        wide_wording: false,
        signature: 1.0,
        inline_validity: false,
        max_size: 10.5,
        min_size: 8.5,
        max_columns: 2,
    },
    Density {
        gaps: 0.7,
        display: 0.85,
        wide_wording: false,
        signature: 1.0,
        inline_validity: false,
        max_size: 9.5,
        min_size: 7.0,
        max_columns: 3,
    },
    Density {
        gaps: 0.3,
        display: 0.6,
        wide_wording: true,
        signature: 0.75,
        inline_validity: true,
        max_size: 8.0,
        min_size: 6.0,
        max_columns: 3,
    },
];

struct Composer {
    fonts: &'static Fonts,
    lang: Lang,
    style: Style,
    page: (f32, f32),
}

impl Composer {
    fn face(&self, face: TextFace) -> &Face {
        self.fonts.face(face)
    }

    fn width(&self, text: &str, face: TextFace, size: f32, tracking: f32) -> f32 {
        self.face(face).width(text, size, tracking)
    }

    fn ascent(&self, face: TextFace, size: f32) -> f32 {
        self.face(face).ascent * size * MM_PER_PT
    }

    fn descent(&self, face: TextFace, size: f32) -> f32 {
        self.face(face).descent * size * MM_PER_PT
    }

    /// A text with its left edge at `x`.
    #[allow(clippy::too_many_arguments)]
    fn text_at(
        &self,
        text: &str,
        face: TextFace,
        size: f32,
        tracking: f32,
        x: f32,
        baseline: f32,
        ink: Ink,
    ) -> PlacedText {
        PlacedText {
            text: text.to_owned(),
            face,
            size,
            x,
            baseline,
            width: self.width(text, face, size, tracking),
            tracking,
            ink,
            ascent: self.ascent(face, size),
            descent: self.descent(face, size),
        }
    }

    fn compose(&self, s: &CertificateSnapshot, logo: Option<(u32, u32)>) -> PageLayout {
        let st = &self.style;
        let (pw, ph) = self.page;
        let content = Rect {
            x: st.margin_x,
            y: st.margin_top,
            w: pw - 2.0 * st.margin_x,
            h: ph - st.margin_top - st.margin_bottom,
        };
        let cx = content.x + content.w / 2.0;

        let mut shapes = self.frame();
        // The QR code once: choosing its mask is the costliest step of a page.
        let qr = footer::qr_modules(
            &qr_payload(s),
            &self.qr_area(&content, s.signed_payload.is_some()),
        );

        // The loosest density and the largest table setting whose page fits; if none
        // does, the densest page with the list cut short.
        let mut chosen = None;
        'densities: for density in DENSITIES {
            let bottom = self.bottom_group(s, &content, &density, &qr);
            let top = self.top_blocks(s, logo, cx, content.w, &density);
            // Space between the top of the content and the signatures, less a minimum gap.
            let available = bottom.2 - content.y - 5.0;
            let top_height = top.height(density.gaps);
            for setting in table_settings(density) {
                // Every row takes at least one line: skip settings that cannot fit.
                let row = setting.size * (1.22 + 0.4 * density.gaps.clamp(0.4, 1.0)) * MM_PER_PT;
                let rows = s.seminars.len().div_ceil(setting.columns.max(1));
                if top_height + rows as f32 * row > available {
                    continue;
                }
                let table = self.table_block(s, &setting, &content, s.seminars.len());
                // A setting that cuts titles short is no fit, except as a last resort.
                if !table.clipped && top.height(density.gaps) + table.height <= available {
                    chosen = Some((top, table, bottom, density, 0));
                    break 'densities;
                }
            }
        }
        let (top, table, (bottom, qr, bottom_top), density, omitted) = match chosen {
            Some(c) => c,
            None => {
                let density = DENSITIES[DENSITIES.len() - 1];
                // The smallest single column across the page shows the most rows.
                let last = TableSetting {
                    columns: 1,
                    wide: true,
                    size: density.min_size,
                    density,
                };
                let bottom = self.bottom_group(s, &content, &density, &qr);
                let top = self.top_blocks(s, logo, cx, content.w, &density);
                let room = bottom.2 - content.y - 5.0 - top.height(density.gaps);
                // The most seminars that fit (the table grows with every row).
                let (mut lo, mut hi) = (0, s.seminars.len());
                while lo < hi {
                    let mid = (lo + hi).div_ceil(2);
                    if self.table_block(s, &last, &content, mid).height <= room {
                        lo = mid;
                    } else {
                        hi = mid - 1;
                    }
                }
                let shown = lo;
                let table = self.table_block(s, &last, &content, shown);
                (top, table, bottom, density, s.seminars.len() - shown)
            }
        };
        let gap_scale = density.gaps;
        let available = bottom_top - content.y - 5.0;
        let Top { blocks, gaps } = top;
        let top_height: f32 = blocks.iter().map(|b| b.height).sum();
        let base_gaps: f32 = gaps.iter().sum();

        // Spread the slack: the gaps between the top blocks grow up to twice their
        // size, the rest stays between the table and the signatures.
        let natural = top_height + base_gaps * gap_scale + table.height;
        let slack = (available - natural).max(0.0);
        let grow = if base_gaps > 0.0 {
            (slack * 0.6 / (base_gaps * gap_scale)).min(1.0)
        } else {
            0.0
        };
        let mut texts = Vec::new();
        let mut image = None;
        let mut y = content.y;
        for (block, gap) in blocks.into_iter().zip(gaps) {
            let h = block.height;
            let b = block.shift(y);
            texts.extend(b.texts);
            shapes.extend(b.shapes);
            image = image.or(b.image);
            y += h + gap * gap_scale * (1.0 + grow);
        }
        // The table sits a little below the middle of the space that is left.
        let rest = (bottom_top - 5.0 - y - table.height).max(0.0);
        let table = table.shift(y + rest * 0.3);
        texts.extend(table.texts);
        shapes.extend(table.shapes);
        texts.extend(bottom.texts);
        shapes.extend(bottom.shapes);

        PageLayout {
            width: pw,
            height: ph,
            content,
            texts,
            shapes,
            logo: image.map(|rect| PlacedImage { rect }),
            qr,
            seminars_omitted: omitted,
        }
    }

    /// Logo, organisation, heading, ornament, name, wording and title with the gaps after
    /// each, set for `density`.
    fn top_blocks(
        &self,
        s: &CertificateSnapshot,
        logo: Option<(u32, u32)>,
        cx: f32,
        width: f32,
        density: &Density,
    ) -> Top {
        let st = &self.style;
        let k = density.display;
        let mut blocks: Vec<Block> = Vec::new();
        let mut gaps: Vec<f32> = Vec::new();
        if let Some(px) = logo {
            blocks.push(self.logo_block(px, cx, k));
            gaps.push(st.gaps[0]);
        }
        let org = self.centred_lines(
            &s.organisation.to_uppercase(),
            TextFace::Serif,
            st.org_size,
            st.org_size * 0.7,
            1.2,
            width,
            2,
            cx,
            Ink::Accent,
        );
        if !org.texts.is_empty() {
            blocks.push(org);
            gaps.push(st.gaps[1]);
        }
        blocks.push(self.heading_block(cx, width, k));
        gaps.push(st.gaps[2]);
        blocks.push(self.ornament_block(cx));
        gaps.push(st.gaps[3]);
        blocks.push(self.centred_lines(
            &s.full_name(),
            TextFace::SerifBold,
            st.name_max * k,
            11.0,
            0.0,
            width,
            3,
            cx,
            Ink::Text,
        ));
        gaps.push(st.gaps[4]);
        blocks.push(self.wording_block(
            &s.wording(self.lang),
            cx,
            width,
            density.wide_wording,
            density.display,
        ));
        gaps.push(st.gaps[5]);
        blocks.push(self.centred_lines(
            s.title(self.lang),
            TextFace::SerifBold,
            st.title_max * k,
            11.0,
            0.0,
            width,
            2,
            cx,
            Ink::Accent,
        ));
        gaps.push(st.gaps[6]);
        Top { blocks, gaps }
    }

    /// A double frame with small diamonds in the corners.
    fn frame(&self) -> Vec<Shape> {
        let (pw, ph) = self.page;
        let o = self.style.frame_outer;
        let i = self.style.frame_inner;
        let outer = Rect {
            x: o,
            y: o,
            w: pw - 2.0 * o,
            h: ph - 2.0 * o,
        };
        let inner = Rect {
            x: i,
            y: i,
            w: pw - 2.0 * i,
            h: ph - 2.0 * i,
        };
        let mut shapes = vec![
            Shape::Stroke {
                rect: outer,
                ink: Ink::Accent,
                width: 1.6,
            },
            Shape::Stroke {
                rect: inner,
                ink: Ink::Accent,
                width: 0.5,
            },
        ];
        for (x, y) in [
            (inner.x, inner.y),
            (inner.right(), inner.y),
            (inner.x, inner.bottom()),
            (inner.right(), inner.bottom()),
        ] {
            shapes.push(Shape::Diamond {
                centre: (x, y),
                radius: 1.6,
                ink: Ink::Accent,
            });
        }
        shapes
    }

    fn logo_block(&self, (w_px, h_px): (u32, u32), cx: f32, k: f32) -> Block {
        let st = &self.style;
        let (w, h) = (w_px.max(1) as f32, h_px.max(1) as f32);
        let scale = (st.logo_w / w).min(st.logo_h * k / h);
        let (dw, dh) = (w * scale, h * scale);
        Block {
            height: dh,
            image: Some(Rect {
                x: cx - dw / 2.0,
                y: 0.0,
                w: dw,
                h: dh,
            }),
            ..Block::default()
        }
    }

    fn heading_block(&self, cx: f32, width: f32, k: f32) -> Block {
        let st = &self.style;
        let heading = tr_in(self.lang, "cert-heading", &[]).to_uppercase();
        let (size, lines) = self.fit(
            &heading,
            TextFace::SerifBold,
            st.heading_size * k,
            st.heading_size * 0.5,
            st.heading_tracking,
            width,
            1,
        );
        self.centred_block(
            &lines,
            TextFace::SerifBold,
            size,
            st.heading_tracking,
            cx,
            Ink::Accent,
        )
    }

    fn ornament_block(&self, cx: f32) -> Block {
        let half = 26.0;
        Block {
            height: 3.0,
            shapes: vec![
                Shape::Line {
                    from: (cx - half, 1.5),
                    to: (cx - 3.2, 1.5),
                    ink: Ink::Accent,
                    width: 0.6,
                },
                Shape::Diamond {
                    centre: (cx, 1.5),
                    radius: 1.5,
                    ink: Ink::Accent,
                },
                Shape::Line {
                    from: (cx + 3.2, 1.5),
                    to: (cx + half, 1.5),
                    ink: Ink::Accent,
                    width: 0.6,
                },
            ],
            ..Block::default()
        }
    }

    fn wording_block(
        &self,
        wording: &str,
        cx: f32,
        content_w: f32,
        wide: bool,
        display: f32,
    ) -> Block {
        let st = &self.style;
        let width = if wide {
            content_w
        } else {
            st.wording_width.min(content_w)
        };
        // Smaller on a dense page, in step with the name and title.
        let mut size = st.wording_size * (0.5 + 0.5 * display);
        let min = st.wording_size * 0.72;
        let mut lines = wrap_greedy(self.face(TextFace::Serif), wording, size, 0.0, width);
        while lines.len() > 3 && size > min {
            size -= 0.5;
            lines = wrap_greedy(self.face(TextFace::Serif), wording, size, 0.0, width);
        }
        let lines = limit_lines(self.face(TextFace::Serif), lines, size, 0.0, width, 6);
        let lines = balance(self.face(TextFace::Serif), &lines, size, 0.0, width);
        let mut b = self.centred_block(&lines, TextFace::Serif, size, 0.0, cx, Ink::Text);
        // Body text reads better with a little more leading.
        let extra = size * 0.15 * MM_PER_PT;
        for (i, t) in b.texts.iter_mut().enumerate() {
            t.baseline += extra * i as f32;
        }
        b.height += extra * lines.len().saturating_sub(1) as f32;
        b
    }
}
