//! The fonts of one PDF: which characters each face prints, one subset per face for the
//! whole document (printpdf's subsetter, then without hinting — see [`super::sfnt`]),
//! and the font objects: a Type 0 font over a CIDFontType2 with `Identity-H` codes, its
//! widths exactly as the layout measured them, and a `ToUnicode` map for search and copy.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sha2::{Digest, Sha256};

use super::sfnt;
use super::writer::{Ref, Writer, deflate, hex_string, int, name};
use crate::certificate::fonts::Face;

/// Characters below this are looked up in a table, the rest in a map.
const TABLE_LEN: usize = 0x250;

/// The codes (CIDs) of one face in one document.
pub(crate) struct Codes {
    table: Vec<u16>,
    others: HashMap<char, u16>,
}

impl Codes {
    /// Codes for a face that prints nothing.
    pub fn empty() -> Codes {
        Codes {
            table: vec![0; TABLE_LEN],
            others: HashMap::new(),
        }
    }

    /// The code of `c`; 0 only for a character that was not collected (never drawn).
    pub fn code(&self, c: char) -> u16 {
        let cp = c as usize;
        if cp < TABLE_LEN {
            self.table[cp]
        } else {
            self.others.get(&c).copied().unwrap_or(0)
        }
    }

    /// Appends the two-byte codes of `text`.
    pub fn encode(&self, text: &str, out: &mut Vec<u16>) {
        out.extend(text.chars().map(|c| self.code(c)));
    }
}

/// One face subset for a document, ready to write.
pub(crate) struct Subset {
    pub codes: Codes,
    /// The font program (TrueType, hinting removed).
    program: Vec<u8>,
    /// `ABCDEF+DejaVuSerif`
    base_font: String,
    /// (code, width in thousandths of an em, text), by code.
    glyphs: Vec<(u16, u16, char)>,
    /// For codes past the subset's glyphs (characters the font lacks): the glyph drawn.
    cid_to_gid: Option<Vec<u16>>,
    metrics: sfnt::Metrics,
}

/// A glyph the font lacks is drawn as this character (PDF/A forbids the `.notdef` glyph).
pub(crate) const FALLBACK: char = '?';

/// Makes the subset of `face` holding `chars`. `None` if the font cannot be subset (a
/// broken build).
pub(crate) fn subset(face: &Face, chars: &BTreeSet<char>) -> Option<Subset> {
    let parsed = &face.parsed;
    let fallback = parsed.lookup_glyph_index(FALLBACK as u32).unwrap_or(0);
    // Original glyph of every character, and the glyphs to keep (with a text each).
    let mut glyph_of: Vec<(char, u16, bool)> = Vec::with_capacity(chars.len());
    let mut keep: BTreeMap<u16, String> = BTreeMap::new();
    for &c in chars {
        let (gid, found) = match parsed.lookup_glyph_index(c as u32) {
            Some(g) if g != 0 => (g, true),
            _ => (fallback, false),
        };
        glyph_of.push((c, gid, found));
        keep.entry(gid).or_insert_with(|| c.to_string());
    }
    let subset = printpdf::subset_font(parsed, &keep).ok()?;
    let program = sfnt::strip_hints(&subset.bytes).unwrap_or(subset.bytes);
    let glyph_count = sfnt::table(&program, b"maxp")
        .and_then(|m| m.get(4..6))
        .map(|b| u16::from_be_bytes([b[0], b[1]]))?;

    let upm = f32::from(parsed.pdf_font_metrics.units_per_em.max(1));
    let width = |gid: u16| (f32::from(parsed.get_horizontal_advance(gid)) * 1000.0 / upm) as u16;
    let mut table = vec![0u16; TABLE_LEN];
    let mut others = HashMap::new();
    let mut glyphs: BTreeMap<u16, (u16, char)> = BTreeMap::new();
    let mut extra: Vec<u16> = Vec::new();
    for (c, gid, found) in glyph_of {
        let new_gid = subset.glyph_mapping.get(&gid).map(|(n, _)| *n)?;
        let code = if found {
            new_gid
        } else {
            // Its own code, so that the text still says which character it was.
            extra.push(new_gid);
            glyph_count + extra.len() as u16 - 1
        };
        glyphs.entry(code).or_insert((width(gid), c));
        if (c as usize) < TABLE_LEN {
            table[c as usize] = code;
        } else {
            others.insert(c, code);
        }
    }
    let cid_to_gid = (!extra.is_empty()).then(|| {
        let mut map: Vec<u16> = (0..glyph_count).collect();
        map.extend(extra);
        map
    });

    let postscript = sfnt::postscript_name(face.bytes).unwrap_or_else(|| "Font".to_owned());
    let mut h = Sha256::new();
    h.update(postscript.as_bytes());
    for (code, w, c) in glyphs.iter().map(|(k, (w, c))| (k, w, c)) {
        h.update(code.to_be_bytes());
        h.update(w.to_be_bytes());
        h.update((*c as u32).to_be_bytes());
    }
    let digest = h.finalize();
    let tag: String = digest[..6]
        .iter()
        .map(|b| char::from(b'A' + b % 26))
        .collect();
    Some(Subset {
        codes: Codes { table, others },
        program,
        base_font: format!("{tag}+{postscript}"),
        glyphs: glyphs.into_iter().map(|(k, (w, c))| (k, w, c)).collect(),
        cid_to_gid,
        metrics: sfnt::metrics(face.bytes)?,
    })
}

impl Subset {
    /// Writes the font's objects; returns the Type 0 font to name in resources.
    pub fn write(&self, w: &mut Writer) -> Ref {
        let type0 = w.reserve();
        let cid_font = w.reserve();
        let descriptor = w.reserve();
        let file = w.reserve();
        let to_unicode = w.reserve();
        let map = self.cid_to_gid.as_ref().map(|_| w.reserve());

        let mut d = b"<</Type/Font/Subtype/Type0/BaseFont".to_vec();
        name(&mut d, &self.base_font);
        d.extend_from_slice(b"/Encoding/Identity-H/DescendantFonts[");
        cid_font.put(&mut d);
        d.extend_from_slice(b"]/ToUnicode ");
        to_unicode.put(&mut d);
        d.extend_from_slice(b">>");
        w.object(type0, d);

        let mut d = b"<</Type/Font/Subtype/CIDFontType2/BaseFont".to_vec();
        name(&mut d, &self.base_font);
        d.extend_from_slice(
            b"/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor ",
        );
        descriptor.put(&mut d);
        d.extend_from_slice(b"/W[");
        self.widths(&mut d);
        d.extend_from_slice(b"]/CIDToGIDMap");
        match map {
            Some(r) => {
                d.push(b' ');
                r.put(&mut d);
            }
            None => d.extend_from_slice(b"/Identity"),
        }
        d.extend_from_slice(b">>");
        w.object(cid_font, d);

        let m = &self.metrics;
        let scale = |v: i16| i64::from(v) * 1000 / i64::from(m.units_per_em);
        let mut d = b"<</Type/FontDescriptor/FontName".to_vec();
        name(&mut d, &self.base_font);
        // Nonsymbolic; serif faces also say so.
        let serif = self.base_font.contains("Serif");
        d.extend_from_slice(if serif { b"/Flags 34" } else { b"/Flags 32" });
        d.extend_from_slice(b"/FontBBox[");
        for (i, v) in m.bbox.iter().enumerate() {
            if i > 0 {
                d.push(b' ');
            }
            int(&mut d, scale(*v));
        }
        d.extend_from_slice(b"]/ItalicAngle 0/Ascent ");
        int(&mut d, scale(m.ascent));
        d.extend_from_slice(b"/Descent ");
        int(&mut d, scale(m.descent));
        d.extend_from_slice(b"/CapHeight ");
        int(&mut d, scale(m.cap_height));
        d.extend_from_slice(if m.bold { b"/StemV 120" } else { b"/StemV 80" });
        d.extend_from_slice(b"/FontFile2 ");
        file.put(&mut d);
        d.extend_from_slice(b">>");
        w.object(descriptor, d);

        let mut d = b"/Length1 ".to_vec();
        int(&mut d, self.program.len() as i64);
        w.stream(file, &d, &deflate(&self.program, 9), true);

        w.stream(to_unicode, b"", &deflate(&self.to_unicode(), 9), true);

        if let (Some(r), Some(map)) = (map, &self.cid_to_gid) {
            let bytes: Vec<u8> = map.iter().flat_map(|g| g.to_be_bytes()).collect();
            w.stream(r, b"", &deflate(&bytes, 9), true);
        }
        type0
    }

    /// The `/W` array's contents: runs of consecutive codes.
    fn widths(&self, out: &mut Vec<u8>) {
        let mut prev: Option<u16> = None;
        for &(code, width, _) in &self.glyphs {
            if prev.is_some_and(|p| p + 1 == code) {
                out.push(b' ');
            } else {
                if prev.is_some() {
                    out.push(b']');
                }
                int(out, i64::from(code));
                out.push(b'[');
            }
            int(out, i64::from(width));
            prev = Some(code);
        }
        if prev.is_some() {
            out.push(b']');
        }
    }

    /// The `ToUnicode` CMap.
    fn to_unicode(&self) -> Vec<u8> {
        let mut out = b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
/CIDSystemInfo\n<< /Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n\
/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            .to_vec();
        for chunk in self.glyphs.chunks(100) {
            int(&mut out, chunk.len() as i64);
            out.extend_from_slice(b" beginbfchar\n");
            for &(code, _, c) in chunk {
                hex_string(&mut out, &code.to_be_bytes());
                out.push(b' ');
                let mut units = [0u16; 2];
                let utf16: Vec<u8> = c
                    .encode_utf16(&mut units)
                    .iter()
                    .flat_map(|u| u.to_be_bytes())
                    .collect();
                hex_string(&mut out, &utf16);
                out.push(b'\n');
            }
            out.extend_from_slice(b"endbfchar\n");
        }
        out.extend_from_slice(
            b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n",
        );
        out
    }
}
