//! Where everything goes on a certificate page, measured with the fonts' real widths.
//!
//! [`layout`] turns a snapshot into a [`PageLayout`]: positioned texts, shapes and the
//! logo box, in millimetres from the page's top-left corner. The PDF writer only draws
//! what it is given, so the guarantees live here: every text lies inside
//! [`PageLayout::content`]; long names, titles and wordings shrink and wrap; a long
//! seminar list gets a smaller size, two or three columns, tighter spacing, and as a
//! last resort ends with "… and N more" — it never runs off the page.

use chrono::NaiveDate;

use super::code::{format_code, qr_payload};
use super::fonts::{Face, Fonts, MM_PER_PT, fonts};
use super::snapshot::CertificateSnapshot;
use super::{Orientation, RenderOptions};
use crate::error::{Error, Result};
use crate::i18n::{Arg, Lang, fmt_date_in, t, tr_in};

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// The QR code's area (its dark modules are `Shape::Fill`s inside it).
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

/// How the seminar table is set.
#[derive(Debug, Clone, Copy, PartialEq)]
struct TableSetting {
    columns: usize,
    /// A single column across the whole content width rather than a narrower centred one.
    wide: bool,
    size: f32,
    density: Density,
}

/// The table settings to try at `density`, best first: larger type first; at each size
/// a centred column, a column across the page, then two or three columns.
fn table_settings(density: Density) -> Vec<TableSetting> {
    let mut out = Vec::new();
    let mut size = density.max_size;
    while size >= density.min_size - 1e-3 {
        for (columns, wide) in [(1, false), (1, true), (2, false), (3, false)] {
            if columns <= density.max_columns {
                out.push(TableSetting {
                    columns,
                    wide,
                    size,
                    density,
                });
            }
        }
        size -= 0.5;
    }
    out
}

struct Composer {
    fonts: &'static Fonts,
    lang: Lang,
    style: Style,
    page: (f32, f32),
}

/// One seminar row, measured.
struct Row {
    date: String,
    title: Vec<String>,
    hours: String,
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

        // The loosest density and the largest table setting whose page fits; if none
        // does, the densest page with the list cut short.
        let mut chosen = None;
        'densities: for density in DENSITIES {
            let bottom = self.bottom_group(s, &content, &density);
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
                let bottom = self.bottom_group(s, &content, &density);
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

    /// Fits `text` at the largest size from `max` down to `min` on one line, or else on
    /// as few balanced lines as possible, up to `max_lines`; at `min` the text is cut
    /// with "…".
    #[allow(clippy::too_many_arguments)]
    fn fit(
        &self,
        text: &str,
        face: TextFace,
        max: f32,
        min: f32,
        tracking: f32,
        width: f32,
        max_lines: usize,
    ) -> (f32, Vec<String>) {
        let f = self.face(face);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return (max, Vec::new());
        }
        // One line while the size stays above 65 % of the maximum.
        let floor = if max_lines > 1 {
            (max * 0.65).max(min)
        } else {
            min
        };
        let mut size = max;
        while size >= floor - 1e-3 {
            if f.width(&text, size, tracking) <= width {
                return (size, vec![text]);
            }
            size -= 0.5;
        }
        // Then two lines down to the minimum size, then three, …
        for n in 2..=max_lines {
            let mut size = (max * 0.85).max(min);
            while size >= min - 1e-3 {
                let lines = wrap_greedy(f, &text, size, tracking, width);
                if lines.len() <= n {
                    return (size, balance(f, &lines, size, tracking, width));
                }
                size -= 0.5;
            }
        }
        let lines = wrap_greedy(f, &text, min, tracking, width);
        (min, limit_lines(f, lines, min, tracking, width, max_lines))
    }

    /// Lines centred on `cx`, built at y = 0.
    fn centred_block(
        &self,
        lines: &[String],
        face: TextFace,
        size: f32,
        tracking: f32,
        cx: f32,
        ink: Ink,
    ) -> Block {
        if lines.is_empty() {
            return Block::default();
        }
        let ascent = self.ascent(face, size);
        let descent = self.descent(face, size);
        let leading = size * 1.2 * MM_PER_PT;
        let texts: Vec<PlacedText> = lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let w = self.width(line, face, size, tracking);
                self.text_at(
                    line,
                    face,
                    size,
                    tracking,
                    cx - w / 2.0,
                    ascent + leading * i as f32,
                    ink,
                )
            })
            .collect();
        Block {
            height: ascent + descent + leading * (lines.len() - 1) as f32,
            texts,
            ..Block::default()
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn centred_lines(
        &self,
        text: &str,
        face: TextFace,
        max: f32,
        min: f32,
        tracking: f32,
        width: f32,
        max_lines: usize,
        cx: f32,
        ink: Ink,
    ) -> Block {
        let (size, lines) = self.fit(text, face, max, min, tracking, width, max_lines);
        self.centred_block(&lines, face, size, tracking, cx, ink)
    }

    fn hours(&self, hours: f64) -> String {
        tr_in(
            self.lang,
            "cert-hours",
            &[("hours", Arg::from(fmt_hours_in(self.lang, hours)))],
        )
    }

    /// The seminar list (first `shown` seminars) with its heading, total and validity.
    fn table_block(
        &self,
        s: &CertificateSnapshot,
        setting: &TableSetting,
        content: &Rect,
        shown: usize,
    ) -> Block {
        let size = setting.size;
        let mut b = Block::default();
        let cx = content.x + content.w / 2.0;
        let mut y = 0.0;
        let mut validity_done = false;

        if !s.seminars.is_empty() {
            let columns = setting.columns.min(s.seminars.len().max(1));
            let table_w = if columns == 1 && !setting.wide {
                self.style.single_table_width.min(content.w)
            } else {
                content.w
            };
            let left = cx - table_w / 2.0;

            // Heading between two hairlines.
            let label = tr_in(self.lang, "cert-seminars-heading", &[]).to_uppercase();
            let lsize = (size * 0.8).max(6.0);
            let lw = self.width(&label, TextFace::Sans, lsize, 1.0).min(table_w);
            let la = self.ascent(TextFace::Sans, lsize);
            let label_text = self.text_at(
                &label,
                TextFace::Sans,
                lsize,
                1.0,
                cx - lw / 2.0,
                la,
                Ink::Muted,
            );
            let mid = la * 0.62;
            let side = ((table_w - lw) / 2.0 - 3.0).max(0.0);
            if side > 4.0 {
                b.shapes.push(Shape::Line {
                    from: (left, mid),
                    to: (left + side, mid),
                    ink: Ink::Rule,
                    width: 0.4,
                });
                b.shapes.push(Shape::Line {
                    from: (left + table_w - side, mid),
                    to: (left + table_w, mid),
                    ink: Ink::Rule,
                    width: 0.4,
                });
            }
            b.texts.push(label_text);
            y += la + self.descent(TextFace::Sans, lsize) + size * 0.55 * MM_PER_PT;

            // Rows, measured for the column width.
            let gutter = 8.0;
            let col_w = (table_w - gutter * (columns - 1) as f32) / columns as f32;
            let dates: Vec<String> = s.seminars[..shown]
                .iter()
                .map(|x| fmt_date_in(self.lang, x.date))
                .collect();
            let hours: Vec<String> = s.seminars[..shown]
                .iter()
                .map(|x| self.hours(x.hours))
                .collect();
            let date_w = dates
                .iter()
                .map(|d| self.width(d, TextFace::Serif, size, 0.0))
                .fold(0.0, f32::max)
                + size * 0.9 * MM_PER_PT;
            let hours_w = hours
                .iter()
                .map(|h| self.width(h, TextFace::Serif, size, 0.0))
                .fold(0.0, f32::max)
                + size * 0.9 * MM_PER_PT;
            let title_w = (col_w - date_w - hours_w).max(10.0);
            let serif = self.face(TextFace::Serif);
            let rows: Vec<Row> = s.seminars[..shown]
                .iter()
                .zip(dates)
                .zip(hours)
                .map(|((sem, date), hours)| {
                    let lines = wrap_greedy(serif, &sem.title, size, 0.0, title_w);
                    if lines.len() > 3
                        || pieces(&sem.title)
                            .iter()
                            .any(|(_, p)| serif.width(p, size, 0.0) > title_w)
                    {
                        b.clipped = true;
                    }
                    Row {
                        date,
                        title: limit_lines(serif, lines, size, 0.0, title_w, 3),
                        hours,
                    }
                })
                .collect();
            let line_h = size * 1.22 * MM_PER_PT;
            let row_gap = size * 0.4 * setting.density.gaps.clamp(0.4, 1.0) * MM_PER_PT;
            let heights: Vec<f32> = rows
                .iter()
                .map(|r| r.title.len().max(1) as f32 * line_h + row_gap)
                .collect();
            let split = split_columns(&heights, columns);
            let ascent = self.ascent(TextFace::Serif, size);
            let mut col_bottom: f32 = y;
            for (c, &(first, end)) in split.iter().enumerate() {
                let x0 = left + c as f32 * (col_w + gutter);
                let mut ry = y;
                for (row, h) in rows[first..end].iter().zip(&heights[first..end]) {
                    let base = ry + ascent;
                    b.texts.push(self.text_at(
                        &row.date,
                        TextFace::Serif,
                        size,
                        0.0,
                        x0,
                        base,
                        Ink::Muted,
                    ));
                    for (i, line) in row.title.iter().enumerate() {
                        b.texts.push(self.text_at(
                            line,
                            TextFace::Serif,
                            size,
                            0.0,
                            x0 + date_w,
                            base + line_h * i as f32,
                            Ink::Text,
                        ));
                    }
                    let hw = self.width(&row.hours, TextFace::Serif, size, 0.0);
                    b.texts.push(self.text_at(
                        &row.hours,
                        TextFace::Serif,
                        size,
                        0.0,
                        x0 + col_w - hw,
                        base,
                        Ink::Text,
                    ));
                    ry += h;
                }
                col_bottom = col_bottom.max(ry);
            }
            y = col_bottom;
            if shown < s.seminars.len() {
                let more = tr_in(
                    self.lang,
                    "cert-more-seminars",
                    &[("count", Arg::from(s.seminars.len() - shown))],
                );
                let a = self.ascent(TextFace::Serif, size);
                b.texts.push(self.text_at(
                    &more,
                    TextFace::Serif,
                    size,
                    0.0,
                    left,
                    y + a,
                    Ink::Muted,
                ));
                y += line_h + row_gap;
            }

            // Total under a hairline, right-aligned.
            y += size * 0.1 * MM_PER_PT;
            b.shapes.push(Shape::Line {
                from: (left, y),
                to: (left + table_w, y),
                ink: Ink::Rule,
                width: 0.4,
            });
            y += size * 0.55 * MM_PER_PT;
            let total = tr_in(
                self.lang,
                "cert-total",
                &[("hours", Arg::from(fmt_hours_in(self.lang, s.total_hours)))],
            );
            let ta = self.ascent(TextFace::SerifBold, size);
            let tw = self.width(&total, TextFace::SerifBold, size, 0.0);
            b.texts.push(self.text_at(
                &total,
                TextFace::SerifBold,
                size,
                0.0,
                left + table_w - tw,
                y + ta,
                Ink::Text,
            ));
            // On a dense page the validity goes on the same line, at the left.
            if let (true, Some(until)) = (setting.density.inline_validity, s.valid_until) {
                let text = tr_in(
                    self.lang,
                    "cert-valid-until",
                    &[("date", Arg::from(fmt_date_in(self.lang, until)))],
                );
                let vw = self.width(&text, TextFace::SerifBold, size, 0.0);
                if vw + tw + 4.0 <= table_w {
                    b.texts.push(self.text_at(
                        &text,
                        TextFace::SerifBold,
                        size,
                        0.0,
                        left,
                        y + ta,
                        Ink::Text,
                    ));
                    validity_done = true;
                }
            }
            y += ta + self.descent(TextFace::SerifBold, size);
        }

        if let (false, Some(until)) = (validity_done, s.valid_until) {
            let vsize = self.style.place_size;
            y += if s.seminars.is_empty() {
                0.0
            } else {
                4.0 * setting.density.gaps.max(0.5)
            };
            let text = tr_in(
                self.lang,
                "cert-valid-until",
                &[("date", Arg::from(fmt_date_in(self.lang, until)))],
            );
            let va = self.ascent(TextFace::Serif, vsize);
            let vw = self.width(&text, TextFace::Serif, vsize, 0.0);
            b.texts.push(self.text_at(
                &text,
                TextFace::Serif,
                vsize,
                0.0,
                cx - vw / 2.0,
                y + va,
                Ink::Text,
            ));
            y += va + self.descent(TextFace::Serif, vsize);
        }
        b.height = y;
        b
    }

    /// Place and date, the signature line, and the footer with serial, code and QR code.
    /// Returns the block (already at its final position), the QR code's area and the
    /// top of the group.
    fn bottom_group(
        &self,
        s: &CertificateSnapshot,
        content: &Rect,
        density: &Density,
    ) -> (Block, Rect, f32) {
        let st = &self.style;
        let mut b = Block::default();

        // Footer: QR in the bottom-right corner, three lines of small print beside it.
        let qr = Rect {
            x: content.right() - st.qr,
            y: content.bottom() - st.qr,
            w: st.qr,
            h: st.qr,
        };
        b.shapes.extend(qr_modules(&qr_payload(s), &qr));
        let fsize = st.footer_size;
        let code = format_code(&s.code);
        let lines = [
            tr_in(
                self.lang,
                "cert-serial",
                &[("serial", Arg::from(&s.serial))],
            ),
            tr_in(self.lang, "cert-code", &[("code", Arg::from(&code))]),
            tr_in(self.lang, "cert-verify", &[("code", Arg::from(&code))]),
        ];
        let footer_w = qr.x - 5.0 - content.x;
        let line_h = fsize * 1.45 * MM_PER_PT;
        let descent = self.descent(TextFace::Sans, fsize);
        for (i, line) in lines.iter().enumerate() {
            let (size, fitted) =
                self.fit(line, TextFace::Sans, fsize, fsize * 0.7, 0.0, footer_w, 1);
            let baseline = content.bottom() - descent - line_h * (lines.len() - 1 - i) as f32;
            if let Some(text) = fitted.first() {
                let ink = if i == 1 { Ink::Text } else { Ink::Muted };
                b.texts.push(self.text_at(
                    text,
                    TextFace::Sans,
                    size,
                    0.0,
                    content.x,
                    baseline,
                    ink,
                ));
            }
        }
        let footer_top = qr
            .y
            .min(content.bottom() - descent - line_h * 2.0 - self.ascent(TextFace::Sans, fsize));

        // Signatures: place and date on the left, the signatory on the right.
        let sig_w = st.signature_width.min(content.w * 0.42);
        let name_size = st.place_size;
        let title_size = st.place_size * 0.85;
        let below = self.ascent(TextFace::Serif, name_size)
            + 1.6
            + name_size * 1.25 * MM_PER_PT
            + self.descent(TextFace::Serif, title_size);
        let line_y = footer_top - 6.0 * density.signature - below;
        let right_x = content.right() - sig_w;

        let place_date = if s.place.trim().is_empty() {
            long_date(self.lang, s.issued_on)
        } else {
            tr_in(
                self.lang,
                "cert-place-date",
                &[
                    ("place", Arg::from(s.place.trim())),
                    ("date", Arg::from(long_date(self.lang, s.issued_on))),
                ],
            )
        };
        // The place-and-date line may be wider than the signature line, up to the
        // middle of the page.
        let left_w = (self.width(&place_date, TextFace::Serif, st.place_size, 0.0) + 6.0)
            .clamp(sig_w, content.w * 0.48);
        let (psize, pd) = self.fit(
            &place_date,
            TextFace::Serif,
            st.place_size,
            7.0,
            0.0,
            left_w,
            1,
        );
        if let Some(pd) = pd.first() {
            let pw = self.width(pd, TextFace::Serif, psize, 0.0);
            let d = self.descent(TextFace::Serif, psize);
            b.texts.push(self.text_at(
                pd,
                TextFace::Serif,
                psize,
                0.0,
                content.x + (left_w - pw) / 2.0,
                line_y - d - 0.8,
                Ink::Text,
            ));
        }
        let caption = tr_in(self.lang, "cert-place-date-caption", &[]);
        let csize = title_size * 0.9;
        let (csize, caption) = self.fit(&caption, TextFace::Sans, csize, 5.0, 0.0, left_w, 1);
        if let Some(caption) = caption.first() {
            let cw = self.width(caption, TextFace::Sans, csize, 0.0);
            b.texts.push(self.text_at(
                caption,
                TextFace::Sans,
                csize,
                0.0,
                content.x + (left_w - cw) / 2.0,
                line_y + 1.6 + self.ascent(TextFace::Sans, csize),
                Ink::Muted,
            ));
        }
        for (x, w) in [(content.x, left_w), (right_x, sig_w)] {
            b.shapes.push(Shape::Line {
                from: (x, line_y),
                to: (x + w, line_y),
                ink: Ink::Text,
                width: 0.5,
            });
        }
        let (nsize, name) = self.fit(
            &s.signatory_name,
            TextFace::Serif,
            name_size,
            7.0,
            0.0,
            sig_w,
            1,
        );
        let name_base = line_y + 1.6 + self.ascent(TextFace::Serif, nsize);
        if let Some(name) = name.first() {
            let w = self.width(name, TextFace::Serif, nsize, 0.0);
            b.texts.push(self.text_at(
                name,
                TextFace::Serif,
                nsize,
                0.0,
                right_x + (sig_w - w) / 2.0,
                name_base,
                Ink::Text,
            ));
        }
        let (tsize, title) = self.fit(
            &s.signatory_title,
            TextFace::Serif,
            title_size,
            6.5,
            0.0,
            sig_w,
            1,
        );
        if let Some(title) = title.first() {
            let w = self.width(title, TextFace::Serif, tsize, 0.0);
            b.texts.push(self.text_at(
                title,
                TextFace::Serif,
                tsize,
                0.0,
                right_x + (sig_w - w) / 2.0,
                name_base + name_size * 1.25 * MM_PER_PT,
                Ink::Muted,
            ));
        }
        // Room for the handwritten signature above the line counts as occupied.
        let top = b
            .texts
            .iter()
            .map(|t| t.bounds().y)
            .fold(line_y - st.signature_space * density.signature, f32::min);
        (b, qr, top)
    }
}

/// The date on the place-and-date line: 21.11.2026, or 21 November 2026 in English.
fn long_date(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::De => fmt_date_in(lang, date),
        Lang::En => date.format("%-d %B %Y").to_string(),
    }
}

/// Hours with at most one decimal, German with a decimal comma: 8, 4,5.
fn fmt_hours_in(lang: Lang, hours: f64) -> String {
    let s = if (hours - hours.round()).abs() < 1e-9 {
        format!("{}", hours.round() as i64)
    } else {
        format!("{hours:.1}")
    };
    match lang {
        Lang::De => s.replace('.', ","),
        Lang::En => s,
    }
}

/// Splits text into pieces a line may break after: words, and parts of words after a
/// hyphen or slash ("Schaumburg-" "Lippe"). The flag says whether a space goes before it.
fn pieces(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        let mut start = 0;
        for (i, c) in word.char_indices() {
            let end = i + c.len_utf8();
            if matches!(c, '-' | '/' | '\u{2010}') && end < word.len() && i > start {
                out.push((start == 0, &word[start..end]));
                start = end;
            }
        }
        out.push((start == 0, &word[start..]));
    }
    out
}

/// Wraps at spaces (and after hyphens) so that every line fits `width`; a word too
/// long for a line is broken between characters.
fn wrap_greedy(face: &Face, text: &str, size: f32, tracking: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for (space, piece) in pieces(text) {
        let candidate = if line.is_empty() {
            piece.to_owned()
        } else if space {
            format!("{line} {piece}")
        } else {
            format!("{line}{piece}")
        };
        if face.width(&candidate, size, tracking) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if face.width(piece, size, tracking) <= width {
            line = piece.to_owned();
        } else {
            // Break the piece between characters.
            for c in piece.chars() {
                let mut next = line.clone();
                next.push(c);
                if !line.is_empty() && face.width(&next, size, tracking) > width {
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                } else {
                    line = next;
                }
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Re-wraps `lines` to the same number of lines but as even as possible (a name on two
/// lines reads better split near its middle).
fn balance(face: &Face, lines: &[String], size: f32, tracking: f32, width: f32) -> Vec<String> {
    if lines.len() < 2 {
        return lines.to_vec();
    }
    let text = join_lines(lines);
    let n = lines.len();
    let (mut lo, mut hi) = (0.0f32, width);
    for _ in 0..20 {
        let mid = (lo + hi) / 2.0;
        if wrap_greedy(face, &text, size, tracking, mid).len() <= n {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let balanced = wrap_greedy(face, &text, size, tracking, hi);
    if balanced.len() == n
        && balanced
            .iter()
            .all(|l| face.width(l, size, tracking) <= width)
    {
        balanced
    } else {
        lines.to_vec()
    }
}

/// The text of wrapped lines again: a line ending in a hyphen joins the next directly.
fn join_lines(lines: &[String]) -> String {
    let mut text = String::new();
    for line in lines {
        if !text.is_empty() && !text.ends_with(['-', '/', '\u{2010}']) {
            text.push(' ');
        }
        text.push_str(line);
    }
    text
}

/// Keeps at most `max` lines; the last one kept ends with "…" when text was dropped.
fn limit_lines(
    face: &Face,
    mut lines: Vec<String>,
    size: f32,
    tracking: f32,
    width: f32,
    max: usize,
) -> Vec<String> {
    if lines.len() <= max {
        return lines;
    }
    lines.truncate(max);
    if let Some(last) = lines.last_mut() {
        let mut cut: String = last.clone();
        loop {
            let candidate = format!("{}…", cut.trim_end());
            if face.width(&candidate, size, tracking) <= width || cut.is_empty() {
                *last = candidate;
                break;
            }
            cut.pop();
        }
    }
    lines
}

/// Splits rows (by height) into `columns` consecutive runs with the smallest tallest run;
/// each run as (first row, end row).
fn split_columns(heights: &[f32], columns: usize) -> Vec<(usize, usize)> {
    let columns = columns.max(1);
    if columns == 1 || heights.len() <= 1 {
        return vec![(0, heights.len())];
    }
    let total: f32 = heights.iter().sum();
    let tallest = heights.iter().copied().fold(0.0, f32::max);
    let pack = |cap: f32| -> Option<Vec<(usize, usize)>> {
        let mut runs = Vec::new();
        let mut start = 0;
        let mut h = 0.0;
        for (i, rh) in heights.iter().enumerate() {
            if h + rh > cap + 1e-4 && i > start {
                runs.push((start, i));
                start = i;
                h = 0.0;
            }
            h += rh;
        }
        runs.push((start, heights.len()));
        (runs.len() <= columns).then_some(runs)
    };
    let (mut lo, mut hi) = ((total / columns as f32).max(tallest), total);
    for _ in 0..30 {
        let mid = (lo + hi) / 2.0;
        if pack(mid).is_some() {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    pack(hi).unwrap_or_else(|| vec![(0, heights.len())])
}

/// The QR code's dark modules as filled rectangles, horizontal runs merged per row,
/// scaled into `area` with a two-module quiet zone.
fn qr_modules(payload: &str, area: &Rect) -> Vec<Shape> {
    use qrcode::{Color, EcLevel, QrCode};
    let Ok(code) = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M) else {
        return Vec::new();
    };
    let n = code.width();
    let colors = code.to_colors();
    let quiet = 2.0;
    let module = area.w / (n as f32 + 2.0 * quiet);
    let x0 = area.x + quiet * module;
    let y0 = area.y + quiet * module;
    let mut shapes = Vec::new();
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if colors[row * n + col] == Color::Dark {
                let start = col;
                while col < n && colors[row * n + col] == Color::Dark {
                    col += 1;
                }
                shapes.push(Shape::Fill {
                    rect: Rect {
                        x: x0 + start as f32 * module,
                        y: y0 + row as f32 * module,
                        w: (col - start) as f32 * module,
                        h: module,
                    },
                    ink: Ink::Text,
                });
            } else {
                col += 1;
            }
        }
    }
    shapes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn face() -> &'static Face {
        &fonts().expect("fonts").serif
    }

    #[test]
    fn wrapping_keeps_every_line_within_the_width() {
        let text = "Grundlagen der digitalen Verwaltung und Donaudampfschifffahrtsgesellschaftskapitänsmützenherstellung";
        let lines = wrap_greedy(face(), text, 10.0, 0.0, 30.0);
        assert!(lines.len() > 3);
        for l in &lines {
            assert!(face().width(l, 10.0, 0.0) <= 30.0, "{l}");
        }
        assert_eq!(lines.join(" ").replace(' ', ""), text.replace(' ', ""));
    }

    #[test]
    fn hyphenated_names_break_after_a_hyphen() {
        let text = "Anna Müller-Lüdenscheidt-Hohenzollern";
        let w = face().width("Anna Müller-Lüdenscheidt-", 10.0, 0.0) + 0.1;
        let lines = wrap_greedy(face(), text, 10.0, 0.0, w);
        assert_eq!(lines, vec!["Anna Müller-Lüdenscheidt-", "Hohenzollern"]);
        assert_eq!(join_lines(&lines), text);
        assert_eq!(
            pieces("a-b -c d-"),
            vec![(true, "a-"), (false, "b"), (true, "-c"), (true, "d-")]
        );
    }

    #[test]
    fn limit_lines_ends_with_an_ellipsis() {
        let lines: Vec<String> = ["eins", "zwei", "drei"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let cut = limit_lines(face(), lines, 10.0, 0.0, 8.0, 2);
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…'));
        assert!(face().width(&cut[1], 10.0, 0.0) <= 8.0);
    }

    #[test]
    fn columns_are_balanced_and_in_order() {
        let heights = vec![1.0; 9];
        let split = split_columns(&heights, 2);
        assert_eq!(split, vec![(0, 5), (5, 9)]);
        let split = split_columns(&[3.0, 1.0, 1.0, 1.0], 2);
        assert_eq!(split, vec![(0, 1), (1, 4)]);
        assert_eq!(split_columns(&[1.0], 3), vec![(0, 1)]);
    }

    #[test]
    fn hours_in_both_languages() {
        assert_eq!(fmt_hours_in(Lang::De, 4.5), "4,5");
        assert_eq!(fmt_hours_in(Lang::En, 4.5), "4.5");
        assert_eq!(fmt_hours_in(Lang::De, 8.0), "8");
        let d = NaiveDate::from_ymd_opt(2026, 11, 21).expect("date");
        assert_eq!(long_date(Lang::En, d), "21 November 2026");
        assert_eq!(long_date(Lang::De, d), "21.11.2026");
    }
}
