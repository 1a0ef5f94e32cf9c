//! A page layout as drawing items in PDF units, the items several pages share (drawn
//! once, as a form XObject), and the content streams.
//!
//! Items hold integers — hundredths of a point, bottom-left origin — so that two pages
//! that draw the same thing give equal items, and every stream is reproducible.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use super::embed::Codes;
use super::writer::{centi, int, literal_string, to_centi};
use crate::certificate::fonts::MM_PER_PT;
use crate::certificate::layout::{Ink, PageLayout, Shape, TextFace};

/// A quick hasher for the maps of items (their bytes are the program's own, not an
/// attacker's, so SipHash's protection is not needed).
#[derive(Default)]
struct QuickHasher(u64);

impl Hasher for QuickHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type Quick = BuildHasherDefault<QuickHasher>;

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Item {
    Text {
        face: TextFace,
        size: i32,
        ink: Ink,
        tracking: i32,
        x: i32,
        y: i32,
        codes: Vec<u16>,
    },
    Fill {
        ink: Ink,
        rect: [i32; 4],
    },
    Stroke {
        ink: Ink,
        width: i32,
        rect: [i32; 4],
    },
    Line {
        ink: Ink,
        width: i32,
        from: (i32, i32),
        to: (i32, i32),
    },
    Diamond {
        ink: Ink,
        centre: (i32, i32),
        radius: i32,
    },
    /// A QR code as a 1-bit image mask: bottom-left corner, side, modules per side,
    /// rows of bits (a set bit is a light module).
    Qr {
        ink: Ink,
        x: i32,
        y: i32,
        side: i32,
        size: u16,
        bits: Vec<u8>,
    },
    /// The image `Im<index>` in the box `[x, y, w, h]`.
    Image {
        index: usize,
        rect: [i32; 4],
    },
    /// The text run `T<index>` (a form holding one text at the origin) placed at `x, y`.
    Run {
        index: usize,
        x: i32,
        y: i32,
    },
}

impl Item {
    fn is_text(&self) -> bool {
        matches!(self, Item::Text { .. })
    }

    /// A box that surely holds what a text run draws at the origin: every glyph is
    /// narrower than one and a half ems, none reaches further than an em above or below.
    pub fn run_bbox(&self) -> [i32; 4] {
        match self {
            Item::Text {
                size,
                tracking,
                codes,
                ..
            } => {
                let n = codes.len() as i32;
                [
                    -size,
                    -size,
                    n * (size * 3 / 2 + tracking.max(&0)) + size,
                    2 * size,
                ]
            }
            _ => [0, 0, 0, 0],
        }
    }
}

/// hundredths of a point for a length in millimetres.
fn c(mm: f32) -> i32 {
    to_centi(mm / MM_PER_PT)
}

/// The items of `page`: shapes in layout order, the logo (`Im<logo>`), then the texts.
pub(crate) fn items(page: &PageLayout, logo: Option<usize>, codes: &[&Codes; 3]) -> Vec<Item> {
    let h = page.height;
    // A rectangle given top-down in mm as [x, y, w, h] from the bottom, in hundredths.
    let rect = |x: f32, y: f32, w: f32, hh: f32| [c(x), c(h - y - hh), c(w), c(hh)];
    let pos = |x: f32, y: f32| (c(x), c(h - y));
    let mut out = Vec::with_capacity(page.shapes.len() + page.texts.len() + 1);
    for shape in &page.shapes {
        out.push(match shape {
            Shape::Fill { rect: r, ink } => Item::Fill {
                ink: *ink,
                rect: rect(r.x, r.y, r.w, r.h),
            },
            Shape::Stroke {
                rect: r,
                ink,
                width,
            } => Item::Stroke {
                ink: *ink,
                width: to_centi(*width),
                rect: rect(r.x, r.y, r.w, r.h),
            },
            Shape::Line {
                from,
                to,
                ink,
                width,
            } => Item::Line {
                ink: *ink,
                width: to_centi(*width),
                from: pos(from.0, from.1),
                to: pos(to.0, to.1),
            },
            Shape::Diamond {
                centre,
                radius,
                ink,
            } => Item::Diamond {
                ink: *ink,
                centre: pos(centre.0, centre.1),
                radius: c(*radius),
            },
            Shape::QrCode {
                origin,
                module,
                size,
                dark,
                ink,
            } => {
                let side = module * *size as f32;
                let per_row = size.div_ceil(8);
                let mut bits = vec![0u8; per_row * size];
                for (i, d) in dark.iter().enumerate() {
                    if !d {
                        bits[(i / size) * per_row + (i % size) / 8] |= 0x80 >> (i % size % 8);
                    }
                }
                Item::Qr {
                    ink: *ink,
                    x: c(origin.0),
                    y: c(h - origin.1 - side),
                    side: c(side),
                    size: *size as u16,
                    bits,
                }
            }
        });
    }
    if let (Some(index), Some(placed)) = (logo, &page.logo) {
        let r = placed.rect;
        out.push(Item::Image {
            index,
            rect: rect(r.x, r.y, r.w, r.h),
        });
    }
    for t in &page.texts {
        let face = t.face;
        let mut text_codes = Vec::with_capacity(t.text.len());
        codes[face_index(face)].encode(&t.text, &mut text_codes);
        let (x, y) = pos(t.x, t.baseline);
        out.push(Item::Text {
            face,
            size: to_centi(t.size),
            ink: t.ink,
            tracking: to_centi(t.tracking),
            x,
            y,
            codes: text_codes,
        });
    }
    out
}

/// The font resource of a face: `/F1` … `/F3`.
pub(crate) fn face_index(face: TextFace) -> usize {
    match face {
        TextFace::Serif => 0,
        TextFace::SerifBold => 1,
        TextFace::Sans => 2,
    }
}

/// The pages split into what several of them share and what is their own.
pub(crate) struct Shared {
    /// The item lists drawn once each, as forms `Fm0`, `Fm1`, …
    pub forms: Vec<Vec<Item>>,
    /// Texts that recur at different places (a seminar title, the heading on pages whose
    /// blocks sit a little lower), each drawn at the origin as form `T0`, `T1`, …
    pub runs: Vec<Item>,
    /// Per page: the form it draws first, if any, and its own items.
    pub pages: Vec<(Option<usize>, Vec<Item>)>,
}

/// A text shown this often (anywhere) is worth a form of its own.
const RUN_USES: usize = 4;
/// Shorter texts are cheaper to repeat than to place.
const RUN_CHARS: usize = 4;

/// Replaces the texts that recur (at any place) on the pages by [`Item::Run`]s; returns
/// the runs, each at the origin.
fn runs(pages: &mut [(Option<usize>, Vec<Item>)]) -> Vec<Item> {
    let at_origin = |item: &Item| -> Option<Item> {
        match item {
            Item::Text {
                face,
                size,
                ink,
                tracking,
                codes,
                ..
            } if codes.len() >= RUN_CHARS => Some(Item::Text {
                face: *face,
                size: *size,
                ink: *ink,
                tracking: *tracking,
                x: 0,
                y: 0,
                codes: codes.clone(),
            }),
            _ => None,
        }
    };
    let mut uses: HashMap<Item, usize, Quick> = HashMap::default();
    for (_, items) in pages.iter() {
        for item in items {
            if let Some(key) = at_origin(item) {
                *uses.entry(key).or_insert(0) += 1;
            }
        }
    }
    let mut index: HashMap<Item, usize, Quick> = HashMap::default();
    let mut runs = Vec::new();
    for (_, items) in pages.iter_mut() {
        for item in items.iter_mut() {
            let Some(key) = at_origin(item) else {
                continue;
            };
            if uses.get(&key).copied().unwrap_or(0) < RUN_USES {
                continue;
            }
            let (x, y) = match item {
                Item::Text { x, y, .. } => (*x, *y),
                _ => continue,
            };
            let next = runs.len();
            let i = *index.entry(key.clone()).or_insert_with(|| {
                runs.push(key);
                next
            });
            *item = Item::Run { index: i, x, y };
        }
    }
    runs
}

/// Finds the items that recur on many pages (frame, logo, heading, signatory, …): each
/// page draws the set it has of them as one form and only the rest itself. An item counts
/// as recurring when at least a quarter of the pages (and two) draw it exactly so.
pub(crate) fn share(pages: Vec<Vec<Item>>) -> Shared {
    let n = pages.len();
    if n < 2 {
        return Shared {
            forms: Vec::new(),
            runs: Vec::new(),
            pages: pages.into_iter().map(|p| (None, p)).collect(),
        };
    }
    let threshold = (n.div_ceil(4)).max(2);
    let mut counts: HashMap<&Item, usize, Quick> = HashMap::default();
    for page in &pages {
        let mut seen: HashSet<&Item, Quick> =
            HashSet::with_capacity_and_hasher(page.len(), Quick::default());
        for item in page {
            if seen.insert(item) {
                *counts.entry(item).or_insert(0) += 1;
            }
        }
    }
    // Per page, the positions of its recurring items; pages with the same set share a form.
    let common: Vec<Vec<usize>> = pages
        .iter()
        .map(|page| {
            page.iter()
                .enumerate()
                .filter(|(_, item)| counts.get(item).copied().unwrap_or(0) >= threshold)
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    let mut users: HashMap<Vec<&Item>, usize, Quick> = HashMap::default();
    for (page, positions) in pages.iter().zip(&common) {
        if positions.is_empty() {
            continue;
        }
        let key: Vec<&Item> = positions.iter().map(|&i| &page[i]).collect();
        *users.entry(key).or_insert(0) += 1;
    }
    let mut form_of: HashMap<Vec<&Item>, usize, Quick> = HashMap::default();
    let mut forms: Vec<Vec<Item>> = Vec::new();
    let mut assigned: Vec<Option<usize>> = Vec::with_capacity(n);
    for (page, positions) in pages.iter().zip(&common) {
        let key: Vec<&Item> = positions.iter().map(|&i| &page[i]).collect();
        if key.is_empty() || users.get(&key).copied().unwrap_or(0) < 2 {
            assigned.push(None);
            continue;
        }
        let next = forms.len();
        let form = *form_of.entry(key.clone()).or_insert_with(|| {
            forms.push(key.iter().map(|i| (*i).clone()).collect());
            next
        });
        assigned.push(Some(form));
    }
    drop(form_of);
    drop(users);
    drop(counts);
    let mut pages: Vec<(Option<usize>, Vec<Item>)> = pages
        .into_iter()
        .zip(common)
        .zip(assigned)
        .map(|((page, positions), form)| match form {
            None => (None, page),
            Some(f) => {
                let shared: HashSet<usize> = positions.into_iter().collect();
                let own = page
                    .into_iter()
                    .enumerate()
                    .filter(|(i, _)| !shared.contains(i))
                    .map(|(_, item)| item)
                    .collect();
                (Some(f), own)
            }
        })
        .collect();
    let runs = runs(&mut pages);
    Shared { forms, runs, pages }
}

fn color(out: &mut Vec<u8>, ink: Ink) {
    out.extend_from_slice(match ink {
        Ink::Text => b"0.11 0.11 0.13",
        // A deep, calm blue.
        Ink::Accent => b"0.09 0.21 0.4",
        Ink::Muted => b"0.38 0.4 0.44",
        Ink::Rule => b"0.62 0.68 0.78",
    });
}

/// The graphics and text state a content stream has set so far.
#[derive(Default)]
struct State {
    in_text: bool,
    font: Option<(TextFace, i32)>,
    fill: Option<Ink>,
    stroke: Option<Ink>,
    width: Option<i32>,
    tracking: i32,
    /// Start of the current text line (what `Td` moves relative to).
    line: (i32, i32),
}

/// The content stream of `items` (after `/Fm<form> Do` when a form is given): shapes
/// and images first, in order, then the texts in one text object.
pub(crate) fn stream(form: Option<usize>, items: &[Item]) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + items.len() * 40);
    let mut st = State::default();
    if let Some(f) = form {
        out.extend_from_slice(b"/Fm");
        int(&mut out, f as i64);
        out.extend_from_slice(b" Do\n");
    }
    for item in items.iter().filter(|i| !i.is_text()) {
        shape(&mut out, &mut st, item);
    }
    // Forms cannot be drawn inside a text object: the runs come before it.
    for item in items {
        if let Item::Run { index, x, y } = item {
            out.extend_from_slice(b"q 1 0 0 1 ");
            centi(&mut out, *x);
            out.push(b' ');
            centi(&mut out, *y);
            out.extend_from_slice(b" cm /T");
            int(&mut out, *index as i64);
            out.extend_from_slice(b" Do Q\n");
        }
    }
    for item in items.iter().filter(|i| i.is_text()) {
        text(&mut out, &mut st, item);
    }
    if st.in_text {
        out.extend_from_slice(b"ET\n");
    }
    out
}

fn set_fill(out: &mut Vec<u8>, st: &mut State, ink: Ink) {
    if st.fill != Some(ink) {
        color(out, ink);
        out.extend_from_slice(b" rg\n");
        st.fill = Some(ink);
    }
}

fn set_stroke(out: &mut Vec<u8>, st: &mut State, ink: Ink, width: i32) {
    if st.stroke != Some(ink) {
        color(out, ink);
        out.extend_from_slice(b" RG\n");
        st.stroke = Some(ink);
    }
    if st.width != Some(width) {
        centi(out, width);
        out.extend_from_slice(b" w\n");
        st.width = Some(width);
    }
}

/// Numbers separated by spaces, then the operator.
fn op(out: &mut Vec<u8>, numbers: &[i32], operator: &[u8]) {
    for n in numbers {
        centi(out, *n);
        out.push(b' ');
    }
    out.extend_from_slice(operator);
    out.push(b'\n');
}

fn shape(out: &mut Vec<u8>, st: &mut State, item: &Item) {
    match item {
        Item::Fill { ink, rect } => {
            set_fill(out, st, *ink);
            op(out, rect, b"re f");
        }
        Item::Stroke { ink, width, rect } => {
            set_stroke(out, st, *ink, *width);
            op(out, rect, b"re S");
        }
        Item::Line {
            ink,
            width,
            from,
            to,
        } => {
            set_stroke(out, st, *ink, *width);
            op(out, &[from.0, from.1], b"m");
            op(out, &[to.0, to.1], b"l S");
        }
        Item::Diamond {
            ink,
            centre: (x, y),
            radius: r,
        } => {
            set_fill(out, st, *ink);
            op(out, &[*x, y + r], b"m");
            op(out, &[x + r, *y], b"l");
            op(out, &[*x, y - r], b"l");
            op(out, &[x - r, *y], b"l h f");
        }
        Item::Qr {
            ink,
            x,
            y,
            side,
            size,
            bits,
        } => {
            set_fill(out, st, *ink);
            out.extend_from_slice(b"q ");
            op(out, &[*side, 0, 0, *side, *x, *y], b"cm");
            out.extend_from_slice(b"BI/IM true/W ");
            int(out, i64::from(*size));
            out.extend_from_slice(b"/H ");
            int(out, i64::from(*size));
            out.extend_from_slice(b"/BPC 1 ID ");
            out.extend_from_slice(bits);
            out.extend_from_slice(b"\nEI Q\n");
        }
        Item::Image { index, rect } => {
            out.extend_from_slice(b"q ");
            op(out, &[rect[2], 0, 0, rect[3], rect[0], rect[1]], b"cm");
            out.extend_from_slice(b"/Im");
            int(out, *index as i64);
            out.extend_from_slice(b" Do Q\n");
        }
        Item::Text { .. } | Item::Run { .. } => {}
    }
}

fn text(out: &mut Vec<u8>, st: &mut State, item: &Item) {
    let Item::Text {
        face,
        size,
        ink,
        tracking,
        x,
        y,
        codes,
    } = item
    else {
        return;
    };
    if !st.in_text {
        out.extend_from_slice(b"BT\n");
        st.in_text = true;
        st.line = (0, 0);
    }
    if st.font != Some((*face, *size)) {
        out.extend_from_slice(b"/F");
        int(out, face_index(*face) as i64 + 1);
        out.push(b' ');
        centi(out, *size);
        out.extend_from_slice(b" Tf\n");
        st.font = Some((*face, *size));
    }
    set_fill(out, st, *ink);
    if st.tracking != *tracking {
        centi(out, *tracking);
        out.extend_from_slice(b" Tc\n");
        st.tracking = *tracking;
    }
    op(out, &[x - st.line.0, y - st.line.1], b"Td");
    st.line = (*x, *y);
    let bytes: Vec<u8> = codes.iter().flat_map(|c| c.to_be_bytes()).collect();
    literal_string(out, &bytes);
    // `'` is `T* Tj`; with the leading at its initial 0, `T*` stays on the line `Td` set.
    // Text extractors take it as the start of a line, as each text here is one.
    out.extend_from_slice(b"'\n");
}
