//! Checks on the PDFs the tests make: `qpdf --check` where qpdf is installed, and the
//! requirements of PDF/A-2b that can be tested by reading the file with lopdf.
//!
//! No veraPDF here (it is not packaged for this machine): [`pdfa_problems`] tests what
//! ISO 19005-2 asks of the files Lotse writes — identification and metadata, output
//! intent, embedded and consistent fonts, no `.notdef`, no encryption, JavaScript,
//! actions or references to other files, no forbidden filters or image keys.
#![allow(dead_code)]

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::process::Command;

use lopdf::{Dictionary, Document, Object, ObjectId};

/// Whether `qpdf` can be run here.
pub fn have_qpdf() -> bool {
    Command::new("qpdf")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs `qpdf --check` on the file; fails the test on any error or warning. Without qpdf
/// it says so once per call and checks nothing.
pub fn qpdf_check_file(path: &Path) {
    if !have_qpdf() {
        eprintln!("qpdf is not installed: {} not checked", path.display());
        return;
    }
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(path)
        .output()
        .expect("qpdf runs");
    assert!(
        out.status.success(),
        "qpdf --check {}: exit {:?}\n{}{}",
        path.display(),
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// [`qpdf_check_file`] on bytes (written to a temporary file).
pub fn qpdf_check(bytes: &[u8]) {
    if !have_qpdf() {
        eprintln!("qpdf is not installed: PDF not checked");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("check.pdf");
    std::fs::write(&path, bytes).expect("write");
    qpdf_check_file(&path);
}

/// Fails the test with every PDF/A-2b requirement `bytes` breaks; also runs qpdf.
pub fn assert_pdfa(bytes: &[u8]) {
    let problems = pdfa_problems(bytes);
    assert!(
        problems.is_empty(),
        "not PDF/A-2b:\n{}",
        problems.join("\n")
    );
    qpdf_check(bytes);
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        _ => o,
    }
}

fn dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    match deref(doc, o) {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

fn name(d: &Dictionary, key: &[u8]) -> Option<String> {
    d.get(key)
        .ok()
        .and_then(|o| o.as_name().ok())
        .map(|n| String::from_utf8_lossy(n).into_owned())
}

/// A PDF text string: UTF-16BE with a byte-order mark, else one byte per character.
pub fn text_string(o: &Object) -> Option<String> {
    let Object::String(bytes, _) = o else {
        return None;
    };
    if bytes.starts_with(&[0xfe, 0xff]) {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        Some(String::from_utf16_lossy(&units))
    } else {
        Some(bytes.iter().map(|&b| char::from(b)).collect())
    }
}

/// The text of the first element named `tag` (`<tag>…</tag>`) in `xml`, or of an
/// attribute `tag="…"`.
fn xmp_value(xml: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}>");
    if let Some(start) = xml.find(&open) {
        let rest = &xml[start + open.len()..];
        let end = rest.find(&format!("</{tag}>"))?;
        return Some(rest[..end].to_owned());
    }
    let attr = format!("{tag}=\"");
    let start = xml.find(&attr)? + attr.len();
    let end = xml[start..].find('"')?;
    Some(xml[start..start + end].to_owned())
}

fn unescape_xml(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// `D:20261121120000Z` (or `+00'00'`) as `2026-11-21T12:00:00`, for comparing with XMP.
fn pdf_date_as_xmp(d: &str) -> Option<String> {
    let d = d.strip_prefix("D:")?;
    if d.len() < 14 {
        return None;
    }
    Some(format!(
        "{}-{}-{}T{}:{}:{}",
        &d[0..4],
        &d[4..6],
        &d[6..8],
        &d[8..10],
        &d[10..12],
        &d[12..14]
    ))
}

/// Everything in `bytes` that breaks a PDF/A-2b requirement this check knows; empty
/// when the file passes.
pub fn pdfa_problems(bytes: &[u8]) -> Vec<String> {
    let mut p = Vec::new();
    // File header: a version and a comment of at least four bytes above 127.
    if !bytes.starts_with(b"%PDF-1.") {
        p.push("the file does not start with %PDF-1.n".to_owned());
    }
    let second = bytes
        .split(|&b| b == b'\n' || b == b'\r')
        .find(|l| !l.is_empty() && !l.starts_with(b"%PDF"));
    match second {
        Some(l) if l.starts_with(b"%") && l.iter().skip(1).take(4).all(|&b| b > 127) => {}
        _ => p.push("no binary comment after the header".to_owned()),
    }
    let tail = String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(16)..]).into_owned();
    if !tail.trim_end().ends_with("%%EOF") {
        p.push("data after %%EOF".to_owned());
    }
    let doc = match Document::load_mem(bytes) {
        Ok(d) => d,
        Err(e) => return vec![format!("lopdf cannot read the file: {e}")],
    };

    // Trailer: no encryption, a file identifier.
    if doc.trailer.get(b"Encrypt").is_ok() {
        p.push("the file is encrypted".to_owned());
    }
    match doc.trailer.get(b"ID").and_then(|o| o.as_array()) {
        Ok(ids) if ids.len() == 2 && ids.iter().all(|i| i.as_str().is_ok()) => {}
        _ => p.push("no /ID in the trailer".to_owned()),
    }

    // Document information and the XMP metadata agree.
    let info = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| dict(&doc, o))
        .cloned()
        .unwrap_or_default();
    let info_text = |key: &[u8]| info.get(key).ok().and_then(text_string);
    let catalog = match doc.catalog() {
        Ok(c) => c.clone(),
        Err(_) => return vec!["no catalog".to_owned()],
    };
    let metadata = catalog
        .get(b"Metadata")
        .ok()
        .and_then(|o| match deref(&doc, o) {
            Object::Stream(s) => Some(s.clone()),
            _ => None,
        });
    match metadata {
        None => p.push("the catalog has no /Metadata stream".to_owned()),
        Some(meta) => {
            if name(&meta.dict, b"Type").as_deref() != Some("Metadata")
                || name(&meta.dict, b"Subtype").as_deref() != Some("XML")
            {
                p.push("the metadata stream is not /Type/Metadata /Subtype/XML".to_owned());
            }
            if meta.dict.get(b"Filter").is_ok() {
                p.push("the metadata stream is filtered".to_owned());
            }
            let xml = String::from_utf8_lossy(&meta.content).into_owned();
            if !xml.contains("<?xpacket begin=") || !xml.contains("<?xpacket end=") {
                p.push("the XMP has no packet wrapper".to_owned());
            }
            if !xml.contains("<x:xmpmeta") || !xml.contains("</x:xmpmeta>") {
                p.push("the XMP has no x:xmpmeta element".to_owned());
            }
            if xmp_value(&xml, "pdfaid:part").as_deref() != Some("2") {
                p.push("XMP: pdfaid:part is not 2".to_owned());
            }
            if xmp_value(&xml, "pdfaid:conformance").as_deref() != Some("B") {
                p.push("XMP: pdfaid:conformance is not B".to_owned());
            }
            let title = xml
                .find("<dc:title>")
                .and_then(|i| {
                    xmp_value(&xml[i..], "rdf:li xml:lang=\"x-default\"").or_else(|| {
                        let rest = &xml[i..];
                        let s = rest.find("x-default\">")? + "x-default\">".len();
                        let e = rest[s..].find("</rdf:li>")?;
                        Some(rest[s..s + e].to_owned())
                    })
                })
                .map(|t| unescape_xml(&t));
            for (key, xmp) in [
                (b"Title".as_slice(), title),
                (b"Creator", xmp_value(&xml, "xmp:CreatorTool")),
                (b"Producer", xmp_value(&xml, "pdf:Producer")),
            ] {
                if let Some(value) = info_text(key)
                    && Some(&value) != xmp.as_ref()
                {
                    p.push(format!(
                        "Info /{} {value:?} differs from the XMP {xmp:?}",
                        String::from_utf8_lossy(key)
                    ));
                }
            }
            for (key, tag) in [
                (b"CreationDate".as_slice(), "xmp:CreateDate"),
                (b"ModDate", "xmp:ModifyDate"),
            ] {
                if let Some(value) = info_text(key) {
                    let want = pdf_date_as_xmp(&value);
                    let got = xmp_value(&xml, tag);
                    if want.is_none()
                        || !got
                            .as_deref()
                            .unwrap_or("")
                            .starts_with(want.as_deref().unwrap_or("-"))
                    {
                        p.push(format!(
                            "Info /{} {value} differs from {tag} {got:?}",
                            String::from_utf8_lossy(key)
                        ));
                    }
                }
            }
        }
    }

    // One sRGB-capable output intent with an ICC profile.
    let intents = catalog
        .get(b"OutputIntents")
        .ok()
        .map(|o| deref(&doc, o))
        .and_then(|o| o.as_array().ok())
        .cloned()
        .unwrap_or_default();
    let pdfa_intents: Vec<&Dictionary> = intents
        .iter()
        .filter_map(|i| dict(&doc, i))
        .filter(|d| name(d, b"S").as_deref() == Some("GTS_PDFA1"))
        .collect();
    if pdfa_intents.is_empty() {
        p.push("no /GTS_PDFA1 output intent".to_owned());
    }
    for intent in pdfa_intents {
        let profile = intent
            .get(b"DestOutputProfile")
            .ok()
            .map(|o| deref(&doc, o))
            .and_then(|o| o.as_stream().ok());
        let Some(profile) = profile else {
            p.push("the output intent has no DestOutputProfile stream".to_owned());
            continue;
        };
        if profile.dict.get(b"N").and_then(|n| n.as_i64()).ok() != Some(3) {
            p.push("the output profile's /N is not 3".to_owned());
        }
        let icc = profile
            .decompressed_content()
            .unwrap_or_else(|_| profile.content.clone());
        let size = icc
            .get(0..4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
        if icc.len() < 132
            || size != Some(icc.len() as u32)
            || &icc[36..40] != b"acsp"
            || !matches!(&icc[12..16], b"mntr" | b"prtr")
            || &icc[16..20] != b"RGB "
            || icc[8] > 4
        {
            p.push("the output profile is no RGB display or printer ICC profile".to_owned());
        }
        if intent.get(b"OutputConditionIdentifier").is_err() {
            p.push("the output intent has no OutputConditionIdentifier".to_owned());
        }
    }

    // Every object: no forbidden keys, filters, actions or external references.
    for (id, object) in &doc.objects {
        let d = match object {
            Object::Dictionary(d) => d,
            Object::Stream(s) => {
                for key in [b"F".as_slice(), b"FFilter", b"FDecodeParms"] {
                    if s.dict.get(key).is_ok() {
                        p.push(format!(
                            "stream {id:?} has /{}",
                            String::from_utf8_lossy(key)
                        ));
                    }
                }
                let filters: Vec<String> = match s.dict.get(b"Filter") {
                    Ok(Object::Name(n)) => vec![String::from_utf8_lossy(n).into_owned()],
                    Ok(Object::Array(a)) => a
                        .iter()
                        .filter_map(|f| f.as_name().ok())
                        .map(|n| String::from_utf8_lossy(n).into_owned())
                        .collect(),
                    _ => Vec::new(),
                };
                if filters.iter().any(|f| f == "LZWDecode" || f == "Crypt") {
                    p.push(format!("stream {id:?} uses a filter PDF/A forbids"));
                }
                &s.dict
            }
            _ => continue,
        };
        for key in [
            b"JS".as_slice(),
            b"JavaScript",
            b"AA",
            b"OPI",
            b"Alternates",
            b"EmbeddedFiles",
            b"PS",
        ] {
            if d.get(key).is_ok() {
                p.push(format!(
                    "object {id:?} has /{}",
                    String::from_utf8_lossy(key)
                ));
            }
        }
        if name(d, b"S").is_some_and(|s| {
            matches!(
                s.as_str(),
                "Launch" | "JavaScript" | "ImportData" | "ResetForm" | "Sound" | "Movie" | "GoToR"
            )
        }) {
            p.push(format!("object {id:?} is an action PDF/A forbids"));
        }
        if d.get(b"Interpolate")
            .and_then(|o| o.as_bool())
            .unwrap_or(false)
        {
            p.push(format!("image {id:?} asks for interpolation"));
        }
        if name(d, b"Subtype").as_deref() == Some("PS")
            || name(d, b"Subtype2").as_deref() == Some("PS")
        {
            p.push(format!("object {id:?} is a PostScript XObject"));
        }
        if name(d, b"Type").as_deref() == Some("ExtGState")
            && (d.get(b"TR").is_ok() || d.get(b"TR2").is_ok())
        {
            p.push(format!("graphics state {id:?} has a transfer function"));
        }
        if name(d, b"Type").as_deref() == Some("Annot") {
            let flags = d.get(b"F").and_then(|f| f.as_i64()).unwrap_or(0);
            if flags & 4 == 0 || flags & 2 != 0 {
                p.push(format!("annotation {id:?} is not printed or is hidden"));
            }
        }
        if name(d, b"Type").as_deref() == Some("Font") {
            font_problems(&doc, *id, d, &mut p);
        }
    }

    // No text shows the .notdef glyph or a glyph the embedded font lacks.
    for (_, page) in doc.get_pages() {
        let Ok(page_dict) = doc.get_dictionary(page) else {
            continue;
        };
        let resources = inherited_resources(&doc, page);
        let content = doc.get_page_content(page);
        let mut seen = HashSet::new();
        content_problems(&doc, &content, resources.as_ref(), &mut seen, &mut p);
        let _ = page_dict;
    }
    p
}

/// The page's resources, from the page or an ancestor.
fn inherited_resources(doc: &Document, page: ObjectId) -> Option<Dictionary> {
    let mut node = doc.get_dictionary(page).ok()?;
    loop {
        if let Ok(r) = node.get(b"Resources") {
            return dict(doc, r).cloned();
        }
        let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
}

/// The glyphs a Type 0 font can show: its glyph count and the CID-to-glyph map.
struct Glyphs {
    count: u16,
    map: Option<Vec<u16>>,
}

fn glyphs_of(doc: &Document, font: &Dictionary) -> Option<Glyphs> {
    let descendant = dict(
        doc,
        font.get(b"DescendantFonts")
            .ok()?
            .as_array()
            .ok()?
            .first()?,
    )?;
    let descriptor = dict(doc, descendant.get(b"FontDescriptor").ok()?)?;
    let program = deref(doc, descriptor.get(b"FontFile2").ok()?)
        .as_stream()
        .ok()?;
    let bytes = program
        .decompressed_content()
        .unwrap_or_else(|_| program.content.clone());
    let maxp = sfnt_table(&bytes, b"maxp")?;
    let count = u16::from_be_bytes([maxp[4], maxp[5]]);
    let map = match descendant.get(b"CIDToGIDMap").ok().map(|o| deref(doc, o)) {
        Some(Object::Stream(s)) => {
            let data = s
                .decompressed_content()
                .unwrap_or_else(|_| s.content.clone());
            Some(
                data.chunks_exact(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect(),
            )
        }
        _ => None,
    };
    Some(Glyphs { count, map })
}

fn content_problems(
    doc: &Document,
    content: &[u8],
    resources: Option<&Dictionary>,
    seen: &mut HashSet<ObjectId>,
    p: &mut Vec<String>,
) {
    let Ok(ops) = lopdf::content::Content::decode(content) else {
        p.push("a content stream cannot be parsed".to_owned());
        return;
    };
    let fonts = resources
        .and_then(|r| r.get(b"Font").ok())
        .and_then(|f| dict(doc, f))
        .cloned()
        .unwrap_or_default();
    let xobjects = resources
        .and_then(|r| r.get(b"XObject").ok())
        .and_then(|x| dict(doc, x))
        .cloned()
        .unwrap_or_default();
    let mut current: Option<(String, Option<Glyphs>)> = None;
    for op in &ops.operations {
        match op.operator.as_str() {
            "Tf" => {
                let Some(font_name) = op.operands.first().and_then(|o| o.as_name().ok()) else {
                    continue;
                };
                let key = String::from_utf8_lossy(font_name).into_owned();
                let font = fonts.get(font_name).ok().and_then(|f| dict(doc, f));
                if font.is_none() {
                    p.push(format!("font /{key} is used but not in the resources"));
                }
                let glyphs = font
                    .filter(|f| name(f, b"Subtype").as_deref() == Some("Type0"))
                    .and_then(|f| glyphs_of(doc, f));
                current = Some((key, glyphs));
            }
            "Tj" | "'" | "\"" | "TJ" => {
                let Some((key, Some(glyphs))) = &current else {
                    continue;
                };
                let mut strings = Vec::new();
                for o in &op.operands {
                    match o {
                        Object::String(s, _) => strings.push(s.clone()),
                        Object::Array(a) => {
                            for x in a {
                                if let Object::String(s, _) = x {
                                    strings.push(s.clone());
                                }
                            }
                        }
                        _ => {}
                    }
                }
                for s in strings {
                    for c in s.chunks_exact(2) {
                        let cid = u16::from_be_bytes([c[0], c[1]]);
                        let gid = match &glyphs.map {
                            Some(m) => m.get(usize::from(cid)).copied().unwrap_or(0),
                            None => cid,
                        };
                        if gid == 0 || gid >= glyphs.count {
                            p.push(format!(
                                "font /{key} shows code {cid}: .notdef or a missing glyph"
                            ));
                        }
                    }
                }
            }
            "Do" => {
                let Some(x) = op.operands.first().and_then(|o| o.as_name().ok()) else {
                    continue;
                };
                let Ok(Object::Reference(id)) = xobjects.get(x) else {
                    continue;
                };
                if !seen.insert(*id) {
                    continue;
                }
                if let Ok(Object::Stream(s)) = doc.get_object(*id)
                    && name(&s.dict, b"Subtype").as_deref() == Some("Form")
                {
                    let inner = s
                        .decompressed_content()
                        .unwrap_or_else(|_| s.content.clone());
                    let own = s
                        .dict
                        .get(b"Resources")
                        .ok()
                        .and_then(|r| dict(doc, r))
                        .cloned();
                    content_problems(doc, &inner, own.as_ref().or(resources), seen, p);
                }
            }
            _ => {}
        }
    }
}

fn sfnt_table<'a>(font: &'a [u8], tag: &[u8; 4]) -> Option<&'a [u8]> {
    let n = usize::from(u16::from_be_bytes([*font.get(4)?, *font.get(5)?]));
    (0..n).find_map(|i| {
        let rec = font.get(12 + 16 * i..28 + 16 * i)?;
        if &rec[0..4] != tag {
            return None;
        }
        let off = u32::from_be_bytes([rec[8], rec[9], rec[10], rec[11]]) as usize;
        let len = u32::from_be_bytes([rec[12], rec[13], rec[14], rec[15]]) as usize;
        font.get(off..off + len)
    })
}

/// Advance widths (in thousandths of an em) of every glyph of a TrueType program.
fn advances(font: &[u8]) -> Option<Vec<u32>> {
    let head = sfnt_table(font, b"head")?;
    let hhea = sfnt_table(font, b"hhea")?;
    let hmtx = sfnt_table(font, b"hmtx")?;
    let maxp = sfnt_table(font, b"maxp")?;
    let upm = u32::from(u16::from_be_bytes([head[18], head[19]])).max(1);
    let metrics = usize::from(u16::from_be_bytes([hhea[34], hhea[35]]));
    let glyphs = usize::from(u16::from_be_bytes([maxp[4], maxp[5]]));
    let mut out = Vec::with_capacity(glyphs);
    let mut last = 0u32;
    for g in 0..glyphs {
        if g < metrics {
            last = u32::from(u16::from_be_bytes([
                *hmtx.get(4 * g)?,
                *hmtx.get(4 * g + 1)?,
            ]));
        }
        out.push(last * 1000 / upm);
    }
    Some(out)
}

fn font_problems(doc: &Document, id: ObjectId, font: &Dictionary, p: &mut Vec<String>) {
    let subtype = name(font, b"Subtype").unwrap_or_default();
    match subtype.as_str() {
        "Type0" => {
            let Some(descendant) = font
                .get(b"DescendantFonts")
                .ok()
                .and_then(|o| deref(doc, o).as_array().ok())
                .and_then(|a| a.first())
                .and_then(|d| dict(doc, d))
            else {
                p.push(format!("Type0 font {id:?} has no descendant font"));
                return;
            };
            let base = name(font, b"BaseFont").unwrap_or_default();
            if name(descendant, b"Subtype").as_deref() == Some("CIDFontType2")
                && descendant.get(b"CIDToGIDMap").is_err()
            {
                p.push(format!("{base}: CIDFontType2 without /CIDToGIDMap"));
            }
            let descriptor = descendant
                .get(b"FontDescriptor")
                .ok()
                .and_then(|d| dict(doc, d));
            let program = descriptor.and_then(|d| {
                d.get(b"FontFile2")
                    .or_else(|_| d.get(b"FontFile3"))
                    .ok()
                    .and_then(|f| deref(doc, f).as_stream().ok())
            });
            let Some(program) = program else {
                p.push(format!("{base}: the font program is not embedded"));
                return;
            };
            let bytes = program
                .decompressed_content()
                .unwrap_or_else(|_| program.content.clone());
            if descriptor.and_then(|d| name(d, b"FontName")).as_deref() != Some(base.as_str()) {
                p.push(format!("{base}: /FontName differs from /BaseFont"));
            }
            // Widths as the font program has them (within one unit).
            let Some(adv) = advances(&bytes) else {
                return;
            };
            let map: Option<Vec<u16>> =
                match descendant.get(b"CIDToGIDMap").ok().map(|o| deref(doc, o)) {
                    Some(Object::Stream(s)) => {
                        let data = s
                            .decompressed_content()
                            .unwrap_or_else(|_| s.content.clone());
                        Some(
                            data.chunks_exact(2)
                                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                                .collect(),
                        )
                    }
                    _ => None,
                };
            let mut widths: BTreeMap<u32, f32> = BTreeMap::new();
            if let Ok(w) = descendant
                .get(b"W")
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_array())
            {
                let num = |o: &Object| {
                    o.as_float()
                        .ok()
                        .or_else(|| o.as_i64().ok().map(|i| i as f32))
                };
                let mut i = 0;
                while i < w.len() {
                    let Some(first) = num(&w[i]) else { break };
                    match w.get(i + 1) {
                        Some(Object::Array(list)) => {
                            for (k, v) in list.iter().enumerate() {
                                widths.insert(first as u32 + k as u32, num(v).unwrap_or(0.0));
                            }
                            i += 2;
                        }
                        Some(last) => {
                            let (Some(last), Some(v)) = (num(last), w.get(i + 2).and_then(num))
                            else {
                                break;
                            };
                            for c in first as u32..=last as u32 {
                                widths.insert(c, v);
                            }
                            i += 3;
                        }
                        None => break,
                    }
                }
            }
            for (cid, width) in widths {
                let gid = match &map {
                    Some(m) => m.get(cid as usize).copied().map(u32::from),
                    None => Some(cid),
                };
                let Some(expected) = gid.and_then(|g| adv.get(g as usize)) else {
                    p.push(format!("{base}: /W names code {cid}, which the font lacks"));
                    continue;
                };
                if (width - *expected as f32).abs() > 1.0 {
                    p.push(format!(
                        "{base}: width of code {cid} is {width}, the font says {expected}"
                    ));
                }
            }
        }
        "CIDFontType0" | "CIDFontType2" => {}
        "Type3" => {}
        _ => {
            let embedded = font
                .get(b"FontDescriptor")
                .ok()
                .and_then(|d| dict(doc, d))
                .is_some_and(|d| {
                    d.get(b"FontFile").is_ok()
                        || d.get(b"FontFile2").is_ok()
                        || d.get(b"FontFile3").is_ok()
                });
            if !embedded {
                p.push(format!(
                    "font {} is not embedded",
                    name(font, b"BaseFont").unwrap_or_default()
                ));
            }
        }
    }
}
