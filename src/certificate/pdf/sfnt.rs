//! TrueType table surgery on a font subset before it is embedded: the hinting
//! instructions (tables `cvt `, `fpgm`, `prep` and each glyph's own instructions) and
//! all but the essential `name` records are dropped. Hints only steer screen rasterisers
//! at small pixel sizes; PDF viewers and printers render the outlines unhinted or
//! auto-hinted, so the page looks the same, and DejaVu's hints are most of its bytes.
//!
//! Every function here works on untrusted-looking bytes defensively: anything it does not
//! understand gives `None`, and the caller keeps the font as it was.

/// Tables a hint-free font does not need.
const DROPPED: [&[u8; 4]; 6] = [b"cvt ", b"fpgm", b"prep", b"hdmx", b"LTSH", b"VDMX"];

/// Name records kept: copyright, family, subfamily, PostScript name.
const KEPT_NAMES: [u16; 4] = [0, 1, 2, 6];

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn i16_at(b: &[u8], at: usize) -> Option<i16> {
    Some(i16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The tables of an sfnt font, in the order of its table directory.
pub(crate) fn tables(font: &[u8]) -> Option<Vec<([u8; 4], &[u8])>> {
    let count = usize::from(u16_at(font, 4)?);
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let rec = 12 + 16 * i;
        let tag: [u8; 4] = font.get(rec..rec + 4)?.try_into().ok()?;
        let offset = u32_at(font, rec + 8)? as usize;
        let len = u32_at(font, rec + 12)? as usize;
        out.push((tag, font.get(offset..offset.checked_add(len)?)?));
    }
    Some(out)
}

/// One table of `font`.
pub(crate) fn table<'a>(font: &'a [u8], tag: &[u8; 4]) -> Option<&'a [u8]> {
    tables(font)?
        .into_iter()
        .find(|(t, _)| t == tag)
        .map(|(_, d)| d)
}

/// Metrics for the PDF font descriptor, in font units.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Metrics {
    pub units_per_em: u16,
    pub bbox: [i16; 4],
    pub ascent: i16,
    pub descent: i16,
    pub cap_height: i16,
    pub bold: bool,
}

/// Reads the metrics from `head`, `hhea` and `OS/2`.
pub(crate) fn metrics(font: &[u8]) -> Option<Metrics> {
    let head = table(font, b"head")?;
    let hhea = table(font, b"hhea")?;
    let os2 = table(font, b"OS/2");
    let ascent = i16_at(hhea, 4)?;
    // sCapHeight exists from OS/2 version 2 on.
    let cap_height = os2
        .filter(|t| u16_at(t, 0).unwrap_or(0) >= 2)
        .and_then(|t| i16_at(t, 88))
        .unwrap_or(ascent);
    let weight = os2.and_then(|t| u16_at(t, 4)).unwrap_or(400);
    Some(Metrics {
        units_per_em: u16_at(head, 18)?.max(1),
        bbox: [
            i16_at(head, 36)?,
            i16_at(head, 38)?,
            i16_at(head, 40)?,
            i16_at(head, 42)?,
        ],
        ascent,
        descent: i16_at(hhea, 6)?,
        cap_height,
        bold: weight >= 600,
    })
}

/// The PostScript name (name id 6), e.g. `DejaVuSerif-Bold`.
pub(crate) fn postscript_name(font: &[u8]) -> Option<String> {
    let name = table(font, b"name")?;
    let count = usize::from(u16_at(name, 2)?);
    let strings = usize::from(u16_at(name, 4)?);
    for i in 0..count {
        let rec = 6 + 12 * i;
        let (platform, id) = (u16_at(name, rec)?, u16_at(name, rec + 6)?);
        if id != 6 {
            continue;
        }
        let len = usize::from(u16_at(name, rec + 8)?);
        let off = strings + usize::from(u16_at(name, rec + 10)?);
        let raw = name.get(off..off + len)?;
        let text: String = if platform == 3 || platform == 0 {
            let units: Vec<u16> = raw
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        } else {
            raw.iter().map(|&b| char::from(b)).collect()
        };
        let clean: String = text
            .chars()
            .filter(|c| c.is_ascii_graphic() && !"()<>[]{}/%#".contains(*c))
            .collect();
        if !clean.is_empty() {
            return Some(clean);
        }
    }
    None
}

/// `font` without hinting and with a short `name` table, or `None` if its tables are not
/// as expected (then embed it unchanged).
pub(crate) fn strip_hints(font: &[u8]) -> Option<Vec<u8>> {
    let all = tables(font)?;
    let get = |tag: &[u8; 4]| all.iter().find(|(t, _)| t == tag).map(|(_, d)| *d);
    let head = get(b"head")?;
    let maxp = get(b"maxp")?;
    let loca = get(b"loca")?;
    let glyf = get(b"glyf")?;
    let glyphs = usize::from(u16_at(maxp, 4)?);
    let long = i16_at(head, 50)? != 0;
    let offset = |i: usize| -> Option<usize> {
        if long {
            u32_at(loca, 4 * i).map(|v| v as usize)
        } else {
            u16_at(loca, 2 * i).map(|v| 2 * usize::from(v))
        }
    };

    let mut new_glyf = Vec::with_capacity(glyf.len());
    let mut new_offsets = Vec::with_capacity(glyphs + 1);
    for i in 0..glyphs {
        new_offsets.push(new_glyf.len());
        let (start, end) = (offset(i)?, offset(i + 1)?);
        if end <= start {
            continue;
        }
        let glyph = glyf.get(start..end)?;
        strip_glyph(glyph, &mut new_glyf)?;
        if !new_glyf.len().is_multiple_of(2) {
            new_glyf.push(0);
        }
    }
    new_offsets.push(new_glyf.len());
    let short = new_glyf.len() / 2 <= usize::from(u16::MAX);
    let mut new_loca = Vec::with_capacity(new_offsets.len() * 4);
    for o in &new_offsets {
        if short {
            new_loca.extend_from_slice(&((o / 2) as u16).to_be_bytes());
        } else {
            new_loca.extend_from_slice(&(*o as u32).to_be_bytes());
        }
    }
    let mut new_head = head.to_vec();
    new_head
        .get_mut(50..52)?
        .copy_from_slice(&(i16::from(!short)).to_be_bytes());
    let mut new_maxp = maxp.to_vec();
    if new_maxp.len() >= 28 {
        // maxSizeOfInstructions
        new_maxp[26..28].copy_from_slice(&0u16.to_be_bytes());
    }

    let mut out_tables: Vec<([u8; 4], Vec<u8>)> = Vec::with_capacity(all.len());
    for (tag, data) in &all {
        if DROPPED.contains(&tag) {
            continue;
        }
        let data = match tag {
            b"glyf" => std::mem::take(&mut new_glyf),
            b"loca" => std::mem::take(&mut new_loca),
            b"head" => std::mem::take(&mut new_head),
            b"maxp" => std::mem::take(&mut new_maxp),
            b"name" => short_name(data).unwrap_or_else(|| data.to_vec()),
            _ => data.to_vec(),
        };
        out_tables.push((*tag, data));
    }
    Some(assemble(out_tables))
}

/// Appends `glyph` without its instructions.
fn strip_glyph(glyph: &[u8], out: &mut Vec<u8>) -> Option<()> {
    let contours = i16_at(glyph, 0)?;
    if contours >= 0 {
        let n = usize::from(contours as u16);
        let instr_at = 10 + 2 * n;
        let instr_len = usize::from(u16_at(glyph, instr_at)?);
        let rest = glyph.get(instr_at + 2 + instr_len..)?;
        out.extend_from_slice(glyph.get(..instr_at)?);
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(rest);
        return Some(());
    }
    // A composite: copy the components, clear WE_HAVE_INSTRUCTIONS, drop the program.
    const ARG_WORDS: u16 = 0x0001;
    const SCALE: u16 = 0x0008;
    const MORE: u16 = 0x0020;
    const XY_SCALE: u16 = 0x0040;
    const TWO_BY_TWO: u16 = 0x0080;
    const INSTRUCTIONS: u16 = 0x0100;
    let start = out.len();
    out.extend_from_slice(glyph.get(..10)?);
    let mut at = 10;
    loop {
        let flags = u16_at(glyph, at)?;
        let mut len = 4 + if flags & ARG_WORDS != 0 { 4 } else { 2 };
        if flags & SCALE != 0 {
            len += 2;
        } else if flags & XY_SCALE != 0 {
            len += 4;
        } else if flags & TWO_BY_TWO != 0 {
            len += 8;
        }
        let component = glyph.get(at..at + len)?;
        let pos = out.len();
        out.extend_from_slice(component);
        out[pos..pos + 2].copy_from_slice(&(flags & !INSTRUCTIONS).to_be_bytes());
        at += len;
        if flags & MORE == 0 {
            break;
        }
        if out.len() - start > glyph.len() {
            return None;
        }
    }
    Some(())
}

/// A `name` table with only the Windows Unicode records of [`KEPT_NAMES`].
fn short_name(name: &[u8]) -> Option<Vec<u8>> {
    let count = usize::from(u16_at(name, 2)?);
    let strings = usize::from(u16_at(name, 4)?);
    let mut records = Vec::new();
    for i in 0..count {
        let rec = 6 + 12 * i;
        let platform = u16_at(name, rec)?;
        let id = u16_at(name, rec + 6)?;
        if platform != 3 || !KEPT_NAMES.contains(&id) {
            continue;
        }
        let len = usize::from(u16_at(name, rec + 8)?);
        let off = strings + usize::from(u16_at(name, rec + 10)?);
        records.push((name.get(rec..rec + 8)?, name.get(off..off + len)?));
    }
    if records.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(&(records.len() as u16).to_be_bytes());
    out.extend_from_slice(&((6 + 12 * records.len()) as u16).to_be_bytes());
    let mut data = Vec::new();
    for (head, text) in &records {
        out.extend_from_slice(head);
        out.extend_from_slice(&(text.len() as u16).to_be_bytes());
        out.extend_from_slice(&(data.len() as u16).to_be_bytes());
        data.extend_from_slice(text);
    }
    out.extend_from_slice(&data);
    Some(out)
}

fn checksum(data: &[u8]) -> u32 {
    let mut sum = 0u32;
    for chunk in data.chunks(4) {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum = sum.wrapping_add(u32::from_be_bytes(word));
    }
    sum
}

/// An sfnt file from its tables (sorted by tag, 4-byte aligned, with checksums).
fn assemble(mut tables: Vec<([u8; 4], Vec<u8>)>) -> Vec<u8> {
    tables.sort_by_key(|t| t.0);
    let n = tables.len();
    let mut entry_selector = 0u16;
    while (2usize << entry_selector) <= n {
        entry_selector += 1;
    }
    let search_range = (1u16 << entry_selector) * 16;
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    out.extend_from_slice(&(n as u16).to_be_bytes());
    out.extend_from_slice(&search_range.to_be_bytes());
    out.extend_from_slice(&entry_selector.to_be_bytes());
    out.extend_from_slice(&((n as u16) * 16 - search_range).to_be_bytes());
    let mut offset = 12 + 16 * n;
    let mut head_at = None;
    for (tag, data) in &tables {
        out.extend_from_slice(tag);
        let sum = if tag == b"head" {
            let mut copy = data.clone();
            if copy.len() >= 12 {
                copy[8..12].fill(0);
            }
            checksum(&copy)
        } else {
            checksum(data)
        };
        out.extend_from_slice(&sum.to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().div_ceil(4) * 4;
    }
    for (tag, data) in &tables {
        if tag == b"head" {
            head_at = Some(out.len());
        }
        out.extend_from_slice(data);
        while !out.len().is_multiple_of(4) {
            out.push(0);
        }
    }
    if let Some(at) = head_at.filter(|at| out.len() >= at + 12) {
        out[at + 8..at + 12].fill(0);
        let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjust.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SERIF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSerif.ttf");

    #[test]
    fn stripping_keeps_every_glyph_and_drops_the_hints() {
        let stripped = strip_hints(SERIF).expect("stripped");
        assert!(stripped.len() < SERIF.len() * 9 / 10, "{}", stripped.len());
        assert!(table(&stripped, b"fpgm").is_none());
        assert!(table(&stripped, b"prep").is_none());
        let glyphs = |f: &[u8]| u16_at(table(f, b"maxp").expect("maxp"), 4).expect("n");
        assert_eq!(glyphs(&stripped), glyphs(SERIF));
        // The outlines themselves are untouched: the same font parses and measures alike.
        let a = metrics(SERIF).expect("metrics");
        let b = metrics(&stripped).expect("metrics");
        assert_eq!(a.bbox, b.bbox);
        assert_eq!(postscript_name(&stripped).as_deref(), Some("DejaVuSerif"));
        assert_eq!(checksum(&stripped), 0xB1B0_AFBA);
    }
}
