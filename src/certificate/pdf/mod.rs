//! Turns page layouts into one PDF file — deterministically: no clock, no random ids.
//!
//! The file is written here directly (printpdf parses and subsets the fonts): each font
//! is embedded once per document as one subset covering every page, each logo once,
//! what many pages draw alike (frame, logo, heading, signatory, …) once as a form
//! XObject, the QR code as a 1-bit image mask, and every stream and object compressed
//! ([`writer`]). With `RenderOptions::pdfa` the file is PDF/A-2b ([`crate::certificate::pdfa`]).
//! The trailer `/ID` is a hash of the certificates printed, and the document dates are
//! the (latest) issue date. Large batches are laid out and encoded on every core.

mod batch;
mod content;
mod embed;
mod image;
mod sfnt;
mod writer;

use std::collections::BTreeSet;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::fonts::{MM_PER_PT, fonts};
use super::layout::{PageLayout, TextFace, layout};
use super::logo::Logo;
use super::pdfa;
use super::snapshot::CertificateSnapshot;
use super::{Orientation, RenderOptions};
use crate::error::{Error, Result};
use crate::i18n::{Arg, Lang, t, tr_in};
use writer::{Ref, Writer, deflate, int, name, num, text_string};

pub use batch::{BatchStop, render_each};
pub(crate) use embed::FALLBACK;

/// Prints the certificates into one PDF, one page each, in the given order; each with
/// its logo, if any. The same input always gives the same bytes. Fails with a message
/// in the user's language when a logo cannot be read or nothing was given.
pub fn render(
    certs: &[(&CertificateSnapshot, Option<&Logo>)],
    options: &RenderOptions,
) -> Result<Vec<u8>> {
    render_with_progress(certs, options, &mut |_| true)
}

/// [`render`] for a single certificate.
pub fn render_one(
    snapshot: &CertificateSnapshot,
    logo: Option<&Logo>,
    options: &RenderOptions,
) -> Result<Vec<u8>> {
    render(&[(snapshot, logo)], options)
}

/// [`render`], telling `progress` how far it got (0.0 to 0.95) between steps; when
/// `progress` returns false it stops with [`Error::Cancelled`].
pub fn render_with_progress(
    certs: &[(&CertificateSnapshot, Option<&Logo>)],
    options: &RenderOptions,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<Vec<u8>> {
    if certs.is_empty() {
        return Err(Error::Message(t("cert-error-nothing")));
    }
    let fonts = fonts().ok_or_else(|| Error::Message(t("cert-error-font")))?;
    let n = certs.len();

    // Each distinct logo once (by its bytes), with the size the layout places it by.
    let mut logos: Vec<(&Logo, (u32, u32))> = Vec::new();
    let mut logo_of: Vec<Option<usize>> = Vec::with_capacity(n);
    let mut last: Option<(&Logo, usize)> = None;
    for (_, logo) in certs {
        let index = match logo {
            None => None,
            Some(logo) => Some(match last {
                Some((prev, i)) if std::ptr::eq(prev, *logo) || prev.bytes == logo.bytes => i,
                _ => {
                    let i = match logos.iter().position(|(l, _)| l.bytes == logo.bytes) {
                        Some(i) => i,
                        None => {
                            logos.push((logo, logo.layout_size()?));
                            logos.len() - 1
                        }
                    };
                    last = Some((logo, i));
                    i
                }
            }),
        };
        logo_of.push(index);
    }

    // Lay out every page and note the characters each face prints.
    let mut done = |k: usize, share: f32, from: f32| progress(from + share * k as f32 / n as f32);
    let laid: Vec<(PageLayout, [CharSet; 3])> = par_map(
        n,
        |i| {
            let page = layout(certs[i].0, logo_of[i].map(|l| logos[l].1), options)?;
            let mut chars: [CharSet; 3] = Default::default();
            for t in &page.texts {
                chars[content::face_index(t.face)].add(&t.text);
            }
            Ok((page, chars))
        },
        &mut |k| done(k, 0.45, 0.0),
    )?;
    let mut chars: [CharSet; 3] = Default::default();
    for (_, page_chars) in &laid {
        for (all, page) in chars.iter_mut().zip(page_chars) {
            all.merge(page);
        }
    }

    // One subset per face for the whole document.
    let faces = [TextFace::Serif, TextFace::SerifBold, TextFace::Sans];
    let subsets: Vec<Option<embed::Subset>> = faces
        .iter()
        .zip(&chars)
        .map(|(face, set)| {
            let set = set.to_set();
            if set.is_empty() {
                return Ok(None);
            }
            embed::subset(fonts.face(*face), &set)
                .map(Some)
                .ok_or_else(|| Error::Message(t("cert-error-font")))
        })
        .collect::<Result<_>>()?;
    let empty = embed::Codes::empty();
    let codes: [&embed::Codes; 3] =
        [0, 1, 2].map(|i| subsets[i].as_ref().map_or(&empty, |s| &s.codes));

    // Each logo at 300 dpi of the largest size it is printed at.
    let mut largest: Vec<(f32, f32)> = vec![(0.0, 0.0); logos.len()];
    for ((page, _), l) in laid.iter().zip(&logo_of) {
        if let (Some(l), Some(placed)) = (l, &page.logo) {
            largest[*l].0 = largest[*l].0.max(placed.rect.w);
            largest[*l].1 = largest[*l].1.max(placed.rect.h);
        }
    }
    let encoded: Vec<Arc<image::Encoded>> = logos
        .iter()
        .zip(&largest)
        .map(|((logo, _), (w, h))| image::encode(logo, image::print_pixels(*w, *h)))
        .collect::<Result<_>>()?;

    // What many pages share, then every page's content stream.
    let items: Vec<Vec<content::Item>> = laid
        .iter()
        .zip(&logo_of)
        .map(|((page, _), l)| content::items(page, *l, &codes))
        .collect();
    let (width, height) = (laid[0].0.width, laid[0].0.height);
    drop(laid);
    let shared = content::share(items);
    let streams: Vec<Vec<u8>> = par_map(
        n,
        |i| {
            let (form, own) = &shared.pages[i];
            Ok(deflate(&content::stream(*form, own), 6))
        },
        &mut |k| done(k, 0.45, 0.5),
    )?;

    // The file.
    let title = match certs {
        [(one, _)] => tr_in(
            options.lang,
            "cert-document-title",
            &[("serial", Arg::from(&one.serial))],
        ),
        _ => tr_in(
            options.lang,
            "cert-document-title-batch",
            &[("count", Arg::from(certs.len()))],
        ),
    };
    // Document dates from the certificates, not from the clock.
    let issued = certs
        .iter()
        .map(|(s, _)| s.issued_on)
        .max()
        .unwrap_or_default();
    let at = issued.and_hms_opt(12, 0, 0).unwrap_or_default();

    let estimate = streams.iter().map(|s| s.len() + 120).sum::<usize>() + 64 * 1024;
    let mut w = Writer::new(estimate);
    let catalog = w.reserve();
    let page_tree = w.reserve();
    let info = w.reserve();

    let mut fonts_dict = b"/Font<<".to_vec();
    for (i, subset) in subsets.iter().enumerate() {
        if let Some(subset) = subset {
            let font = subset.write(&mut w);
            name(&mut fonts_dict, &format!("F{}", i + 1));
            fonts_dict.push(b' ');
            font.put(&mut fonts_dict);
        }
    }
    fonts_dict.extend_from_slice(b">>");
    let mut xobjects: Vec<(String, Ref)> = encoded
        .iter()
        .enumerate()
        .map(|(i, e)| (format!("Im{i}"), e.write(&mut w)))
        .collect();
    let base = resources(&mut w, &fonts_dict, &xobjects);
    let size_box = |out: &mut Vec<u8>| {
        out.extend_from_slice(b"[0 0 ");
        num(out, width / MM_PER_PT);
        out.push(b' ');
        num(out, height / MM_PER_PT);
        out.push(b']');
    };
    for (i, form) in shared.forms.iter().enumerate() {
        let id = w.reserve();
        let mut d = b"/Type/XObject/Subtype/Form/BBox".to_vec();
        size_box(&mut d);
        d.extend_from_slice(b"/Resources ");
        base.put(&mut d);
        w.stream(id, &d, &deflate(&content::stream(None, form), 6), true);
        xobjects.push((format!("Fm{i}"), id));
    }
    for (i, run) in shared.runs.iter().enumerate() {
        let id = w.reserve();
        let mut d = b"/Type/XObject/Subtype/Form/BBox[".to_vec();
        for (k, v) in run.run_bbox().iter().enumerate() {
            if k > 0 {
                d.push(b' ');
            }
            writer::centi(&mut d, *v);
        }
        d.extend_from_slice(b"]/Resources ");
        base.put(&mut d);
        let body = content::stream(None, std::slice::from_ref(run));
        w.stream(id, &d, &deflate(&body, 6), true);
        xobjects.push((format!("T{i}"), id));
    }
    let page_resources = if shared.forms.is_empty() && shared.runs.is_empty() {
        base
    } else {
        resources(&mut w, &fonts_dict, &xobjects)
    };

    let mut kids = Vec::with_capacity(n * 8);
    for stream in &streams {
        let contents = w.reserve();
        w.stream(contents, b"", stream, true);
        let page = w.reserve();
        let mut d = b"<</Type/Page/Parent ".to_vec();
        page_tree.put(&mut d);
        d.extend_from_slice(b"/MediaBox");
        size_box(&mut d);
        d.extend_from_slice(b"/Resources ");
        page_resources.put(&mut d);
        d.extend_from_slice(b"/Contents ");
        contents.put(&mut d);
        d.extend_from_slice(b">>");
        w.object(page, d);
        page.put(&mut kids);
        kids.push(b' ');
    }
    drop(streams);
    let mut d = b"<</Type/Pages/Count ".to_vec();
    int(&mut d, n as i64);
    d.extend_from_slice(b"/Kids[");
    d.extend_from_slice(kids.trim_ascii_end());
    d.extend_from_slice(b"]>>");
    w.object(page_tree, d);

    let date = pdfa::pdf_date(at);
    let mut d = b"<</Title".to_vec();
    text_string(&mut d, &title);
    d.extend_from_slice(b"/Creator");
    text_string(&mut d, pdfa::PRODUCER);
    d.extend_from_slice(b"/Producer");
    text_string(&mut d, pdfa::PRODUCER);
    d.extend_from_slice(b"/CreationDate");
    text_string(&mut d, &date);
    d.extend_from_slice(b"/ModDate");
    text_string(&mut d, &date);
    d.extend_from_slice(b">>");
    w.plain_object(info, &d);

    let mut d = b"<</Type/Catalog/Pages ".to_vec();
    page_tree.put(&mut d);
    if options.pdfa {
        let metadata = w.reserve();
        w.stream(
            metadata,
            b"/Type/Metadata/Subtype/XML",
            &pdfa::xmp(&title, at, true),
            false,
        );
        let profile = w.reserve();
        w.stream(profile, b"/N 3", &deflate(pdfa::srgb(), 9), true);
        d.extend_from_slice(b"/Metadata ");
        metadata.put(&mut d);
        d.extend_from_slice(
            b"/OutputIntents[<</Type/OutputIntent/S/GTS_PDFA1/OutputConditionIdentifier",
        );
        text_string(&mut d, pdfa::ICC_DESCRIPTION);
        d.extend_from_slice(b"/Info");
        text_string(&mut d, pdfa::ICC_DESCRIPTION);
        d.extend_from_slice(b"/RegistryName(http://www.color.org)/DestOutputProfile ");
        profile.put(&mut d);
        d.extend_from_slice(b">>]");
    }
    d.extend_from_slice(b">>");
    w.object(catalog, d);

    Ok(w.finish(catalog, info, &document_id(certs, options)))
}

/// A resource dictionary with the fonts and the given XObjects.
fn resources(w: &mut Writer, fonts: &[u8], xobjects: &[(String, Ref)]) -> Ref {
    let id = w.reserve();
    let mut d = b"<<".to_vec();
    d.extend_from_slice(fonts);
    if !xobjects.is_empty() {
        d.extend_from_slice(b"/XObject<<");
        for (key, r) in xobjects {
            name(&mut d, key);
            d.push(b' ');
            r.put(&mut d);
        }
        d.extend_from_slice(b">>");
    }
    d.extend_from_slice(b">>");
    w.object(id, d);
    id
}

/// The characters one face prints: a bit per character below U+0250, a set above.
#[derive(Default)]
struct CharSet {
    low: [u64; 10],
    high: BTreeSet<char>,
}

impl CharSet {
    fn add(&mut self, text: &str) {
        for c in text.chars() {
            let cp = c as usize;
            if cp < 640 {
                self.low[cp / 64] |= 1 << (cp % 64);
            } else {
                self.high.insert(c);
            }
        }
    }

    fn merge(&mut self, other: &CharSet) {
        for (a, b) in self.low.iter_mut().zip(other.low) {
            *a |= b;
        }
        self.high.extend(other.high.iter().copied());
    }

    fn to_set(&self) -> BTreeSet<char> {
        let mut set: BTreeSet<char> = (0..640u32)
            .filter(|cp| self.low[*cp as usize / 64] & (1 << (cp % 64)) != 0)
            .filter_map(char::from_u32)
            .collect();
        set.extend(self.high.iter().copied());
        set
    }
}

/// Results of `f(0)` … `f(n - 1)` in order, computed on every core for larger `n`, in
/// rounds; after each round `progress` gets the number done and may stop the work
/// ([`Error::Cancelled`]).
fn par_map<T: Send>(
    n: usize,
    f: impl Fn(usize) -> Result<T> + Sync,
    progress: &mut dyn FnMut(usize) -> bool,
) -> Result<Vec<T>> {
    let threads = std::thread::available_parallelism()
        .map(|p| p.get())
        .unwrap_or(1)
        .min(8);
    let mut out: Vec<T> = Vec::with_capacity(n);
    if threads < 2 || n < 16 {
        for i in 0..n {
            out.push(f(i)?);
            if i % 32 == 31 && !progress(i + 1) {
                return Err(Error::Cancelled);
            }
        }
        return Ok(out);
    }
    let round = threads * 48;
    let mut start = 0;
    while start < n {
        let end = (start + round).min(n);
        let chunk = (end - start).div_ceil(threads);
        let f = &f;
        let parts: Vec<Result<Vec<T>>> = std::thread::scope(|s| {
            let handles: Vec<_> = (1..threads)
                .map(|k| {
                    let (a, b) = (
                        (start + k * chunk).min(end),
                        (start + (k + 1) * chunk).min(end),
                    );
                    s.spawn(move || (a..b).map(f).collect::<Result<Vec<T>>>())
                })
                .collect();
            let mut parts = vec![(start..(start + chunk).min(end)).map(f).collect()];
            for h in handles {
                parts.push(
                    h.join()
                        .unwrap_or_else(|_| Err(Error::Message(t("cert-error-font")))),
                );
            }
            parts
        });
        for part in parts {
            out.extend(part?);
        }
        start = end;
        if !progress(start) {
            return Err(Error::Cancelled);
        }
    }
    Ok(out)
}

/// A file name for a single certificate: `DL-2026-0007_Mustermann.pdf` — only letters,
/// digits, `-` and `_` (umlauts kept), so it is safe on every file system.
pub fn file_name(snapshot: &CertificateSnapshot) -> String {
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect::<String>()
            .split('_')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("_")
    };
    let last: String = clean(&snapshot.last_name).chars().take(60).collect();
    let serial = clean(&snapshot.serial);
    if last.is_empty() {
        format!("{serial}.pdf")
    } else {
        format!("{serial}_{last}.pdf")
    }
}

/// 16 bytes identifying the document: a hash of the serials, codes and the print options.
fn document_id(
    certs: &[(&CertificateSnapshot, Option<&Logo>)],
    options: &RenderOptions,
) -> Vec<u8> {
    let mut h = Sha256::new();
    for (s, _) in certs {
        h.update(s.serial.as_bytes());
        h.update(b"\0");
        h.update(s.code.as_bytes());
        h.update(b"\0");
    }
    h.update(match options.lang {
        Lang::De => b"de",
        Lang::En => b"en",
    });
    h.update(match options.orientation {
        Orientation::Portrait => b"P",
        Orientation::Landscape => b"L",
    });
    h.update(if options.pdfa { b"A" } else { b"-" });
    h.finalize()[..16].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_sets_merge() {
        let mut a = CharSet::default();
        a.add("Aä€");
        let mut b = CharSet::default();
        b.add("Bä");
        a.merge(&b);
        let set: Vec<char> = a.to_set().into_iter().collect();
        assert_eq!(set, vec!['A', 'B', 'ä', '€']);
    }

    #[test]
    fn par_map_keeps_order_and_stops_when_asked() {
        let v = par_map(1000, |i| Ok(i * 2), &mut |_| true).expect("mapped");
        assert_eq!(v.len(), 1000);
        assert!(v.iter().enumerate().all(|(i, x)| *x == i * 2));
        let stopped = par_map(1000, Ok, &mut |_| false);
        assert!(matches!(stopped, Err(Error::Cancelled)));
    }
}
