//! The fonts shipped in `assets/fonts/` (DejaVu, see `LICENSE-DejaVu.txt`) and text
//! measurement with their real advance widths.

use std::collections::HashMap;
use std::sync::OnceLock;

use printpdf::ParsedFont;

use super::layout::TextFace;

const SERIF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSerif.ttf");
const SERIF_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSerif-Bold.ttf");
const SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Millimetres per PostScript point.
pub(crate) const MM_PER_PT: f32 = 25.4 / 72.0;

/// Characters below this are measured from a table built once.
const TABLE_LEN: usize = 0x0250;

/// One font face with the metrics layout needs.
pub(crate) struct Face {
    pub parsed: ParsedFont,
    /// The font file as shipped.
    pub bytes: &'static [u8],
    /// Advance widths in thousandths of an em, exactly as the PDF's `/W` array states
    /// them (truncated), so that measured and printed widths agree.
    table: Vec<u16>,
    /// Advance of a character the table does not hold.
    others: HashMap<char, u16>,
    /// Advance of a character the font lacks: it is printed as a question mark.
    notdef: u16,
    /// Ascender and descender (positive) in em.
    pub ascent: f32,
    pub descent: f32,
}

impl Face {
    fn load(bytes: &'static [u8]) -> Option<Face> {
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())?;
        let upm = f32::from(parsed.pdf_font_metrics.units_per_em.max(1));
        let advance = |gid: u16| -> u16 {
            let adv = f32::from(parsed.get_horizontal_advance(gid));
            (adv * 1000.0 / upm) as u16
        };
        let notdef = advance(
            parsed
                .lookup_glyph_index(super::pdf::FALLBACK as u32)
                .unwrap_or(0),
        );
        let table = (0..TABLE_LEN as u32)
            .map(|cp| match parsed.lookup_glyph_index(cp) {
                Some(gid) if gid != 0 => advance(gid),
                _ => notdef,
            })
            .collect();
        // Typographic punctuation and symbols a certificate may print.
        let others = (0x2000u32..0x2070)
            .chain([0x20ac, 0x2116, 0x2122, 0x2212])
            .filter_map(|cp| {
                let c = char::from_u32(cp)?;
                let gid = parsed.lookup_glyph_index(cp).filter(|g| *g != 0)?;
                Some((c, advance(gid)))
            })
            .collect();
        let ascent = f32::from(parsed.pdf_font_metrics.ascender) / upm;
        let descent = -f32::from(parsed.pdf_font_metrics.descender) / upm;
        Some(Face {
            parsed,
            bytes,
            table,
            others,
            notdef,
            ascent,
            descent,
        })
    }

    /// Advance of `c` in thousandths of an em.
    fn advance(&self, c: char) -> u16 {
        let cp = c as usize;
        if cp < TABLE_LEN {
            return self.table[cp];
        }
        if let Some(a) = self.others.get(&c) {
            return *a;
        }
        match self.parsed.lookup_glyph_index(c as u32) {
            Some(gid) if gid != 0 => {
                let upm = f32::from(self.parsed.pdf_font_metrics.units_per_em.max(1));
                (f32::from(self.parsed.get_horizontal_advance(gid)) * 1000.0 / upm) as u16
            }
            _ => self.notdef,
        }
    }

    /// Width of `text` in millimetres at `size` points, with `tracking` points added
    /// after every character except the last.
    pub fn width(&self, text: &str, size: f32, tracking: f32) -> f32 {
        self.measure(text).width(size, tracking)
    }

    /// The advances of `text` added up, for measuring it at several sizes (or pieces of
    /// it together) without reading it again: `measure(a) + measure(b)` is `measure(ab)`.
    pub fn measure(&self, text: &str) -> Measure {
        let mut m = Measure::default();
        for c in text.chars() {
            m.em += u32::from(self.advance(c));
            m.chars += 1;
        }
        m
    }
}

/// A text's advances in thousandths of an em and its number of characters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Measure {
    pub em: u32,
    pub chars: u32,
}

impl Measure {
    /// The width in millimetres at `size` points with `tracking` (as [`Face::width`]).
    pub fn width(self, size: f32, tracking: f32) -> f32 {
        let pt = self.em as f32 / 1000.0 * size + tracking * self.chars.saturating_sub(1) as f32;
        pt * MM_PER_PT
    }
}

impl std::ops::Add for Measure {
    type Output = Measure;

    fn add(self, other: Measure) -> Measure {
        Measure {
            em: self.em + other.em,
            chars: self.chars + other.chars,
        }
    }
}

/// The three faces a certificate uses.
pub(crate) struct Fonts {
    pub serif: Face,
    pub serif_bold: Face,
    pub sans: Face,
}

impl Fonts {
    pub fn face(&self, face: TextFace) -> &Face {
        match face {
            TextFace::Serif => &self.serif,
            TextFace::SerifBold => &self.serif_bold,
            TextFace::Sans => &self.sans,
        }
    }
}

/// The shipped fonts, parsed once per process; `None` if a font file is unreadable
/// (a broken build).
pub(crate) fn fonts() -> Option<&'static Fonts> {
    static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            Some(Fonts {
                serif: Face::load(SERIF)?,
                serif_bold: Face::load(SERIF_BOLD)?,
                sans: Face::load(SANS)?,
            })
        })
        .as_ref()
}
