//! Printed reports, A4 landscape: the drawing surface they share ([`Canvas`]: fonts,
//! text measured and wrapped, fills and rules, pages with y from the top), the footer
//! with page numbers, and the document assembly (PDF/A-2b when the setting is on).
//! `coverage.rs` prints coverage per department, `compliance.rs` the audit report.

mod compliance;
mod coverage;

pub use compliance::compliance_pdf;
pub use coverage::coverage_pdf;

use std::collections::HashMap;
use std::sync::OnceLock;

use printpdf::{
    Color, FontId, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFont, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rgb, TextItem, WindingOrder,
};

use chrono::NaiveDateTime;

use crate::error::{Error, Result};
use crate::i18n::{Arg, ta};

const SANS: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
const SANS_BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");
const FONT_REGULAR: &str = "RPTREG";
const FONT_BOLD: &str = "RPTBLD";

/// Millimetres per point.
const MM_PER_PT: f32 = 25.4 / 72.0;
const PAGE_W: f32 = 297.0;
const PAGE_H: f32 = 210.0;
const MARGIN_X: f32 = 15.0;
const MARGIN_TOP: f32 = 14.0;
/// Lowest y (from the top) the body may reach; the footer sits below.
const BODY_BOTTOM: f32 = PAGE_H - 18.0;
const BODY_SIZE: f32 = 9.0;
const LINE: f32 = 4.2;
const CELL_PAD: f32 = 1.6;

/// A font with the advance widths needed to measure text.
struct Face {
    parsed: ParsedFont,
    upm: f32,
    cache: HashMap<char, u16>,
}

impl Face {
    fn load(bytes: &[u8]) -> Option<Face> {
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())?;
        let upm = f32::from(parsed.pdf_font_metrics.units_per_em.max(1));
        let mut face = Face {
            parsed,
            upm,
            cache: HashMap::new(),
        };
        let common: Vec<char> = (0x20u8..0x7f)
            .map(char::from)
            .chain("äöüÄÖÜß–—„“”‚‘’…·é€§%".chars())
            .collect();
        for c in common {
            let adv = face.advance_uncached(c);
            face.cache.insert(c, adv);
        }
        Some(face)
    }

    fn advance_uncached(&self, c: char) -> u16 {
        let gid = self.parsed.lookup_glyph_index(c as u32).unwrap_or(0);
        let adv = f32::from(self.parsed.get_horizontal_advance(gid));
        (adv * 1000.0 / self.upm) as u16
    }

    /// Width of `text` in millimetres at `size` points.
    fn width(&self, text: &str, size: f32) -> f32 {
        let em: u32 = text
            .chars()
            .map(|c| {
                u32::from(
                    self.cache
                        .get(&c)
                        .copied()
                        .unwrap_or_else(|| self.advance_uncached(c)),
                )
            })
            .sum();
        em as f32 / 1000.0 * size * MM_PER_PT
    }
}

struct Fonts {
    regular: Face,
    bold: Face,
}

fn fonts() -> Option<&'static Fonts> {
    static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            Some(Fonts {
                regular: Face::load(SANS)?,
                bold: Face::load(SANS_BOLD)?,
            })
        })
        .as_ref()
}

#[derive(Clone, Copy, PartialEq)]
enum Weight {
    Regular,
    Bold,
}

#[derive(Clone, Copy)]
enum Ink {
    Text,
    Muted,
    Accent,
    Rule,
    HeaderFill,
    Zebra,
    BarTrack,
    Bar,
}

fn color(ink: Ink) -> Color {
    let (r, g, b) = match ink {
        Ink::Text => (0.11, 0.11, 0.13),
        Ink::Muted => (0.36, 0.38, 0.42),
        Ink::Accent => (0.09, 0.21, 0.40),
        Ink::Rule => (0.70, 0.74, 0.80),
        Ink::HeaderFill => (0.91, 0.93, 0.96),
        Ink::Zebra => (0.97, 0.975, 0.985),
        Ink::BarTrack => (0.88, 0.90, 0.93),
        Ink::Bar => (0.20, 0.50, 0.36),
    };
    Color::Rgb(Rgb::new(r, g, b, None))
}

fn pt(mm: f32) -> Pt {
    Pt(mm / MM_PER_PT)
}

/// Collects the drawing operations of pages, with y measured from the top in mm.
struct Canvas<'f> {
    fonts: &'f Fonts,
    pages: Vec<Vec<Op>>,
}

impl Canvas<'_> {
    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
    }

    fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.fonts.regular,
            Weight::Bold => &self.fonts.bold,
        }
    }

    fn width(&self, text: &str, weight: Weight, size: f32) -> f32 {
        self.face(weight).width(text, size)
    }

    /// Text with its baseline at `baseline` (mm from the top).
    fn text(&mut self, x: f32, baseline: f32, text: &str, weight: Weight, size: f32, ink: Ink) {
        if text.is_empty() {
            return;
        }
        let font = FontId(
            match weight {
                Weight::Regular => FONT_REGULAR,
                Weight::Bold => FONT_BOLD,
            }
            .to_owned(),
        );
        let ops = self.ops();
        ops.push(Op::StartTextSection);
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(font),
            size: Pt(size),
        });
        ops.push(Op::SetFillColor { col: color(ink) });
        ops.push(Op::SetTextCursor {
            pos: Point {
                x: pt(x),
                y: pt(PAGE_H - baseline),
            },
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(text.to_owned())],
        });
        ops.push(Op::EndTextSection);
    }

    /// Text ending at `right`.
    fn text_right(
        &mut self,
        right: f32,
        baseline: f32,
        text: &str,
        weight: Weight,
        size: f32,
        ink: Ink,
    ) {
        let w = self.width(text, weight, size);
        self.text(right - w, baseline, text, weight, size, ink);
    }

    fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, ink: Ink) {
        let corner = |x: f32, y: f32| LinePoint {
            p: Point {
                x: pt(x),
                y: pt(PAGE_H - y),
            },
            bezier: false,
        };
        let ops = self.ops();
        ops.push(Op::SetFillColor { col: color(ink) });
        ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing {
                    points: vec![
                        corner(x, y),
                        corner(x + w, y),
                        corner(x + w, y + h),
                        corner(x, y + h),
                    ],
                }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
    }

    fn rule(&mut self, x1: f32, x2: f32, y: f32, width_pt: f32, ink: Ink) {
        let point = |x: f32| LinePoint {
            p: Point {
                x: pt(x),
                y: pt(PAGE_H - y),
            },
            bezier: false,
        };
        let ops = self.ops();
        ops.push(Op::SetOutlineColor { col: color(ink) });
        ops.push(Op::SetOutlineThickness { pt: Pt(width_pt) });
        ops.push(Op::DrawLine {
            line: printpdf::Line {
                points: vec![point(x1), point(x2)],
                is_closed: false,
            },
        });
    }

    /// The top of a report's first page: the organisation (if named) and the report's
    /// title; returns the y below them.
    fn title_block(&mut self, organisation: &str, title: &str, title_size: f32) -> f32 {
        let mut y = MARGIN_TOP + 5.0;
        if !organisation.trim().is_empty() {
            self.text(
                MARGIN_X,
                y,
                organisation.trim(),
                Weight::Bold,
                15.0,
                Ink::Accent,
            );
            y += 7.5;
        }
        self.text(MARGIN_X, y, title, Weight::Bold, title_size, Ink::Text);
        y
    }

    /// `text` aligned left in a cell starting at `x`, or right in one ending at `x + width`.
    #[allow(clippy::too_many_arguments)]
    fn cell_text(
        &mut self,
        x: f32,
        width: f32,
        right: bool,
        baseline: f32,
        text: &str,
        weight: Weight,
        size: f32,
    ) {
        if right {
            self.text_right(
                x + width - CELL_PAD,
                baseline,
                text,
                weight,
                size,
                Ink::Text,
            );
        } else {
            self.text(x + CELL_PAD, baseline, text, weight, size, Ink::Text);
        }
    }

    /// Breaks `text` into lines no wider than `width` (words longer than a line are cut).
    fn wrap(&self, text: &str, weight: Weight, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if self.width(&candidate, weight, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if self.width(word, weight, size) <= width {
                line = word.to_owned();
            } else {
                for c in word.chars() {
                    line.push(c);
                    if self.width(&line, weight, size) > width {
                        line.pop();
                        lines.push(std::mem::take(&mut line));
                        line.push(c);
                    }
                }
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }
}

fn footer(c: &mut Canvas<'_>, page: usize, pages: usize, left: &str) {
    let y = PAGE_H - 9.0;
    c.rule(MARGIN_X, PAGE_W - MARGIN_X, y - 4.0, 0.4, Ink::Rule);
    c.text(MARGIN_X, y, left, Weight::Regular, 8.0, Ink::Muted);
    let right = ta(
        "report-pdf-page",
        &[("page", Arg::from(page)), ("pages", Arg::from(pages))],
    );
    c.text_right(
        PAGE_W - MARGIN_X,
        y,
        &right,
        Weight::Regular,
        8.0,
        Ink::Muted,
    );
}

/// Puts the footer (`left`, "Seite X von Y") on every page of `c` and writes the
/// document: both fonts subset, the information dictionary titled `title` and dated
/// `at`, and the PDF/A-2b parts when `pdfa`.
fn finish(
    mut c: Canvas<'_>,
    left: &str,
    title: &str,
    at: NaiveDateTime,
    pdfa: bool,
) -> Result<Vec<u8>> {
    let fonts = c.fonts;
    let pages = c.pages.len();
    let bodies = std::mem::take(&mut c.pages);
    let mut pdf_pages = Vec::with_capacity(pages);
    for (i, body) in bodies.into_iter().enumerate() {
        c.pages = vec![body];
        footer(&mut c, i + 1, pages, left);
        let ops = std::mem::take(&mut c.pages)
            .into_iter()
            .next()
            .unwrap_or_default();
        pdf_pages.push(PdfPage::new(Mm(PAGE_W), Mm(PAGE_H), ops));
    }

    let mut doc = PdfDocument::new(title);
    for (id, face) in [(FONT_REGULAR, &fonts.regular), (FONT_BOLD, &fonts.bold)] {
        doc.resources
            .fonts
            .map
            .insert(FontId(id.to_owned()), PdfFont::new(face.parsed.clone()));
    }
    doc.metadata.info.producer = "Lotse".to_owned();
    doc.metadata.info.creator = "Lotse".to_owned();
    doc.with_pages(pdf_pages);
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut pdf = doc.to_lopdf_document(&options, &mut warnings);
    crate::certificate::pdfa::make_lopdf_document_pdfa(&mut pdf, title, at, pdfa);
    pdf.compress();
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes).map_err(|e| {
        Error::Message(ta(
            "cert-error-write",
            &[("detail", Arg::from(e.to_string()))],
        ))
    })?;
    Ok(bytes)
}
