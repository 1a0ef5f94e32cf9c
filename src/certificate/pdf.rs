//! Turns page layouts into one PDF file — deterministically: no clock, no random ids.
//!
//! printpdf names fonts and images with random ids and writes a random `/ID` into the
//! trailer; here the resource ids are fixed, the trailer `/ID` is a hash of the
//! certificates printed, and the document dates are the (latest) issue date.

use std::collections::BTreeMap;

use printpdf::{
    Color, FontId, ImageCompression, ImageOptimizationOptions, LinePoint, Op, PaintMode,
    PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt,
    Rgb, TextItem, WindingOrder, XObject, XObjectId, XObjectTransform,
};
use sha2::{Digest, Sha256};

use super::fonts::{MM_PER_PT, fonts};
use super::layout::{Ink, PageLayout, Rect, Shape, TextFace, layout};
use super::logo::{Logo, sha256_hex};
use super::snapshot::CertificateSnapshot;
use super::{Orientation, RenderOptions};
use crate::error::{Error, Result};
use crate::i18n::{Arg, Lang, t, tr_in};

/// Resource names, fixed so that output is reproducible. The first six letters are the
/// subset tag printpdf writes before the font name.
const FONT_SERIF: &str = "LTSSRF";
const FONT_SERIF_BOLD: &str = "LTSBLD";
const FONT_SANS: &str = "LTSANS";

fn font_id(face: TextFace) -> FontId {
    FontId(
        match face {
            TextFace::Serif => FONT_SERIF,
            TextFace::SerifBold => FONT_SERIF_BOLD,
            TextFace::Sans => FONT_SANS,
        }
        .to_owned(),
    )
}

fn color(ink: Ink) -> Color {
    let (r, g, b) = match ink {
        Ink::Text => (0.11, 0.11, 0.13),
        // A deep, calm blue.
        Ink::Accent => (0.09, 0.21, 0.40),
        Ink::Muted => (0.38, 0.40, 0.44),
        Ink::Rule => (0.62, 0.68, 0.78),
    };
    Color::Rgb(Rgb::new(r, g, b, None))
}

/// Prints the certificates into one PDF, one page each, in the given order; each with
/// its logo, if any. The same input always gives the same bytes. Fails with a message
/// in the user's language when a logo cannot be read or nothing was given.
pub fn render(
    certs: &[(&CertificateSnapshot, Option<&Logo>)],
    options: &RenderOptions,
) -> Result<Vec<u8>> {
    if certs.is_empty() {
        return Err(Error::Message(t("cert-error-nothing")));
    }
    let fonts = fonts().ok_or_else(|| Error::Message(t("cert-error-font")))?;

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
    let mut doc = PdfDocument::new(&title);
    for (face, parsed) in [
        (TextFace::Serif, &fonts.serif.parsed),
        (TextFace::SerifBold, &fonts.serif_bold.parsed),
        (TextFace::Sans, &fonts.sans.parsed),
    ] {
        doc.resources
            .fonts
            .map
            .insert(font_id(face), PdfFont::new(parsed.clone()));
    }

    // Each distinct logo is decoded and embedded once (hashed once per `Logo` value).
    let mut logos: BTreeMap<String, (XObjectId, (u32, u32))> = BTreeMap::new();
    let mut hashes: BTreeMap<usize, String> = BTreeMap::new();
    let mut all_jpeg = true;
    let mut pages = Vec::with_capacity(certs.len());
    for (snapshot, logo) in certs {
        let placed_logo = match logo {
            Some(logo) => {
                let address = std::ptr::from_ref::<Logo>(logo) as usize;
                let hash = hashes
                    .entry(address)
                    .or_insert_with(|| sha256_hex(&logo.bytes))
                    .clone();
                if !logos.contains_key(&hash) {
                    let image = logo.decode()?;
                    all_jpeg &= logo.is_jpeg();
                    let size = (image.width as u32, image.height as u32);
                    let id = XObjectId(format!("Logo{}", &hash[..16]));
                    doc.resources
                        .xobjects
                        .map
                        .insert(id.clone(), XObject::Image(image));
                    logos.insert(hash.clone(), (id, size));
                }
                logos.get(&hash).cloned()
            }
            None => None,
        };
        let page = layout(snapshot, placed_logo.as_ref().map(|l| l.1), options)?;
        pages.push(page_ops(&page, placed_logo.map(|l| l.0)));
    }
    doc.with_pages(pages);

    // Document information from the certificates, not from the clock.
    let issued = certs
        .iter()
        .map(|(s, _)| s.issued_on)
        .max()
        .unwrap_or_default();
    let stamp = issued
        .and_hms_opt(12, 0, 0)
        .map(|d| d.and_utc().timestamp())
        .unwrap_or(0);
    if let Ok(date) = printpdf::OffsetDateTime::from_unix_timestamp(stamp) {
        doc.metadata.info.creation_date = date;
        doc.metadata.info.modification_date = date;
        doc.metadata.info.metadata_date = date;
    }
    doc.metadata.info.producer = "Lotse".to_owned();
    doc.metadata.info.creator = "Lotse".to_owned();
    doc.metadata.info.identifier = match certs {
        [(one, _)] => one.serial.clone(),
        _ => String::new(),
    };

    let save = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: Some(ImageOptimizationOptions {
            quality: Some(0.9),
            max_image_size: None,
            dither_greyscale: None,
            convert_to_greyscale: Some(false),
            auto_optimize: Some(true),
            // Photos (JPEG logos) stay JPEG; drawn logos (PNG) stay lossless.
            format: Some(if all_jpeg {
                ImageCompression::Jpeg
            } else {
                ImageCompression::Flate
            }),
        }),
    };
    let mut warnings = Vec::new();
    let mut pdf = doc.to_lopdf_document(&save, &mut warnings);

    // A reproducible file identifier instead of printpdf's random one.
    let id = document_id(certs, options);
    if let Ok(parts) = pdf.trailer.get_mut(b"ID").and_then(|o| o.as_array_mut()) {
        for part in parts.iter_mut() {
            if let Ok(s) = part.as_str_mut() {
                *s = id.clone().into_bytes();
            }
        }
    }
    pdf.compress();
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes).map_err(|e| {
        Error::Message(crate::i18n::ta(
            "cert-error-write",
            &[("detail", Arg::from(e.to_string()))],
        ))
    })?;
    Ok(bytes)
}

/// [`render`] for a single certificate.
pub fn render_one(
    snapshot: &CertificateSnapshot,
    logo: Option<&Logo>,
    options: &RenderOptions,
) -> Result<Vec<u8>> {
    render(&[(snapshot, logo)], options)
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

/// 32 hex characters identifying the document: a hash of the serials, codes and the
/// print options.
fn document_id(certs: &[(&CertificateSnapshot, Option<&Logo>)], options: &RenderOptions) -> String {
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
    h.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect()
}

fn pt(mm: f32) -> Pt {
    Pt(mm / MM_PER_PT)
}

/// A point in PDF coordinates (points, from the bottom-left) for a layout position.
fn point(page: &PageLayout, x: f32, y: f32) -> Point {
    Point {
        x: pt(x),
        y: pt(page.height - y),
    }
}

fn ring(page: &PageLayout, corners: &[(f32, f32)]) -> PolygonRing {
    PolygonRing {
        points: corners
            .iter()
            .map(|&(x, y)| LinePoint {
                p: point(page, x, y),
                bezier: false,
            })
            .collect(),
    }
}

fn rect_ring(page: &PageLayout, r: &Rect) -> PolygonRing {
    ring(
        page,
        &[
            (r.x, r.y),
            (r.right(), r.y),
            (r.right(), r.bottom()),
            (r.x, r.bottom()),
        ],
    )
}

/// The drawing operations of one page.
fn page_ops(page: &PageLayout, logo: Option<XObjectId>) -> PdfPage {
    let mut ops = Vec::new();

    // Shapes; runs of filled rectangles with the same ink (the QR code) become one path.
    let mut fills: Vec<PolygonRing> = Vec::new();
    let mut fill_ink = Ink::Text;
    let flush = |ops: &mut Vec<Op>, fills: &mut Vec<PolygonRing>, ink: Ink| {
        if !fills.is_empty() {
            ops.push(Op::SetFillColor { col: color(ink) });
            ops.push(Op::DrawPolygon {
                polygon: Polygon {
                    rings: std::mem::take(fills),
                    mode: PaintMode::Fill,
                    winding_order: WindingOrder::NonZero,
                },
            });
        }
    };
    for shape in &page.shapes {
        if let Shape::Fill { rect, ink } = shape {
            if *ink != fill_ink {
                flush(&mut ops, &mut fills, fill_ink);
                fill_ink = *ink;
            }
            fills.push(rect_ring(page, rect));
            continue;
        }
        flush(&mut ops, &mut fills, fill_ink);
        match shape {
            Shape::Fill { .. } => {}
            Shape::Stroke { rect, ink, width } => {
                ops.push(Op::SetOutlineColor { col: color(*ink) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                ops.push(Op::DrawPolygon {
                    polygon: Polygon {
                        rings: vec![rect_ring(page, rect)],
                        mode: PaintMode::Stroke,
                        winding_order: WindingOrder::NonZero,
                    },
                });
            }
            Shape::Line {
                from,
                to,
                ink,
                width,
            } => {
                ops.push(Op::SetOutlineColor { col: color(*ink) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                ops.push(Op::DrawLine {
                    line: printpdf::Line {
                        points: vec![
                            LinePoint {
                                p: point(page, from.0, from.1),
                                bezier: false,
                            },
                            LinePoint {
                                p: point(page, to.0, to.1),
                                bezier: false,
                            },
                        ],
                        is_closed: false,
                    },
                });
            }
            Shape::Diamond {
                centre: (cx, cy),
                radius: r,
                ink,
            } => {
                ops.push(Op::SetFillColor { col: color(*ink) });
                ops.push(Op::DrawPolygon {
                    polygon: Polygon {
                        rings: vec![ring(
                            page,
                            &[(*cx, cy - r), (cx + r, *cy), (*cx, cy + r), (cx - r, *cy)],
                        )],
                        mode: PaintMode::Fill,
                        winding_order: WindingOrder::NonZero,
                    },
                });
            }
        }
    }
    flush(&mut ops, &mut fills, fill_ink);

    if let (Some(id), Some(placed)) = (logo, &page.logo) {
        let r = placed.rect;
        ops.push(Op::UseXobject {
            id,
            transform: XObjectTransform {
                translate_x: Some(pt(r.x)),
                translate_y: Some(pt(page.height - r.bottom())),
                rotate: None,
                scale_x: Some(pt(r.w).0),
                scale_y: Some(pt(r.h).0),
                dpi: None,
                no_auto_scale: true,
            },
        });
    }

    for text in &page.texts {
        ops.push(Op::StartTextSection);
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(font_id(text.face)),
            size: Pt(text.size),
        });
        ops.push(Op::SetFillColor {
            col: color(text.ink),
        });
        ops.push(Op::SetCharacterSpacing {
            multiplier: text.tracking,
        });
        ops.push(Op::SetTextCursor {
            pos: point(page, text.x, text.baseline),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(text.text.clone())],
        });
        ops.push(Op::EndTextSection);
    }

    PdfPage::new(printpdf::Mm(page.width), printpdf::Mm(page.height), ops)
}
