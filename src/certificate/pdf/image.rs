//! The logo as a PDF image: at most 300 dpi at the size it is printed, photos (JPEG
//! files) as JPEG, drawn logos (PNG files) lossless and compact — grey or indexed colour
//! where the picture allows, PNG row filters before Flate, transparency as a soft mask.
//! Encoded logos are kept for the next document (a folder batch prints the same logo a
//! thousand times).

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use printpdf::{RawImageData, RawImageFormat};

use super::writer::{Ref, Writer, deflate, int};
use crate::certificate::logo::{Logo, sha256_hex};
use crate::error::Result;

/// Print resolution of the logo.
const DPI: f32 = 300.0;
/// JPEG quality when a photo must be scaled down.
const JPEG_QUALITY: u8 = 90;
/// Encoded logos kept for the next document.
const CACHE: usize = 4;

/// A logo ready to be written as an image XObject.
pub(crate) struct Encoded {
    width: u32,
    height: u32,
    pixels: Pixels,
    /// The alpha channel, Flate-encoded.
    mask: Option<Packed>,
}

enum Pixels {
    /// DCT data with 1 or 3 components.
    Jpeg { data: Vec<u8>, components: u8 },
    Flate {
        data: Packed,
        space: Space,
        bits: u8,
    },
}

enum Space {
    Gray,
    Rgb,
    /// A palette of RGB triples.
    Indexed(Vec<u8>),
}

/// The largest pixel size (longer side) worth storing for a logo printed `w` × `h` mm.
pub(crate) fn print_pixels(w_mm: f32, h_mm: f32) -> usize {
    let px = |mm: f32| (mm / 25.4 * DPI).ceil() as usize;
    px(w_mm).max(px(h_mm)).max(1)
}

/// The logo encoded for printing at most `max_side` pixels on its longer side; from the
/// cache when it was encoded so before.
pub(crate) fn encode(logo: &Logo, max_side: usize) -> Result<Arc<Encoded>> {
    /// (SHA-256 of the file, pixels on the longer side) and the logo so encoded.
    type Cache = Mutex<Vec<((String, usize), Arc<Encoded>)>>;
    static ENCODED: Cache = Mutex::new(Vec::new());
    let cache: &Cache = &ENCODED;
    let key = (sha256_hex(&logo.bytes), max_side);
    if let Ok(cached) = cache.lock()
        && let Some((_, e)) = cached.iter().find(|(k, _)| *k == key)
    {
        return Ok(Arc::clone(e));
    }
    let encoded = Arc::new(encode_uncached(logo, max_side)?);
    if let Ok(mut cached) = cache.lock() {
        if cached.len() >= CACHE {
            cached.remove(0);
        }
        cached.push((key, Arc::clone(&encoded)));
    }
    Ok(encoded)
}

fn encode_uncached(logo: &Logo, max_side: usize) -> Result<Encoded> {
    // Decoding also proves the file is intact, also when its bytes are kept as they are.
    let raw = logo.decode_within(max_side)?;
    let (w, h) = (raw.width as u32, raw.height as u32);
    let RawImageData::U8(px) = raw.pixels else {
        return Err(crate::error::Error::Message(crate::i18n::t(
            "cert-error-logo-format",
        )));
    };
    let channels = match raw.data_format {
        RawImageFormat::R8 => 1,
        RawImageFormat::RG8 => 2,
        RawImageFormat::RGBA8 => 4,
        _ => 3,
    };
    let has_alpha = channels == 2 || channels == 4;
    let colour = if has_alpha { channels - 1 } else { channels };
    let alpha: Option<Vec<u8>> = has_alpha
        .then(|| px.iter().skip(colour).step_by(channels).copied().collect())
        .filter(|a: &Vec<u8>| a.iter().any(|&v| v != 255));
    let opaque: Vec<u8> = if has_alpha {
        px.chunks_exact(channels)
            .flat_map(|p| p[..colour].iter().copied())
            .collect()
    } else {
        px
    };

    if logo.is_jpeg() {
        let same_size = logo.size().ok() == Some((w, h));
        let pixels = match logo.plain_jpeg_components() {
            Some(components) if same_size => Pixels::Jpeg {
                data: logo.bytes.clone(),
                components,
            },
            _ => jpeg(&opaque, w, h, colour)?,
        };
        return Ok(Encoded {
            width: w,
            height: h,
            pixels,
            mask: alpha.map(|a| mask_rows(&a, w as usize)),
        });
    }

    let grey = colour == 1 || opaque.chunks_exact(3).all(|p| p[0] == p[1] && p[1] == p[2]);
    let pixels = if grey {
        let g: Vec<u8> = if colour == 1 {
            opaque
        } else {
            opaque.chunks_exact(3).map(|p| p[0]).collect()
        };
        lossless(&g, w as usize, 1, None)
    } else {
        let mut distinct: HashSet<[u8; 3]> = HashSet::new();
        let few = opaque.chunks_exact(3).all(|p| {
            distinct.insert([p[0], p[1], p[2]]);
            distinct.len() <= 256
        });
        if few {
            let mut palette: Vec<[u8; 3]> = distinct.into_iter().collect();
            palette.sort_unstable();
            let index: std::collections::HashMap<[u8; 3], u8> = palette
                .iter()
                .enumerate()
                .map(|(i, c)| (*c, i as u8))
                .collect();
            let idx: Vec<u8> = opaque
                .chunks_exact(3)
                .map(|p| index.get(&[p[0], p[1], p[2]]).copied().unwrap_or(0))
                .collect();
            lossless(&idx, w as usize, 1, Some(palette.concat()))
        } else {
            lossless(&opaque, w as usize, 3, None)
        }
    };
    Ok(Encoded {
        width: w,
        height: h,
        pixels,
        mask: alpha.map(|a| mask_rows(&a, w as usize)),
    })
}

fn jpeg(px: &[u8], w: u32, h: u32, colour: usize) -> Result<Pixels> {
    use image::ExtendedColorType;
    use image::codecs::jpeg::JpegEncoder;
    let mut data = Vec::new();
    let kind = if colour == 1 {
        ExtendedColorType::L8
    } else {
        ExtendedColorType::Rgb8
    };
    JpegEncoder::new_with_quality(&mut data, JPEG_QUALITY)
        .encode(px, w, h, kind)
        .map_err(|e| {
            crate::error::Error::Message(crate::i18n::ta(
                "cert-error-logo-damaged",
                &[("detail", crate::i18n::Arg::from(e.to_string()))],
            ))
        })?;
    Ok(Pixels::Jpeg {
        data,
        components: colour as u8,
    })
}

/// Grey or RGB samples, or palette indices (packed to 1, 2, 4 or 8 bits), Flate-encoded.
fn lossless(samples: &[u8], w: usize, channels: usize, palette: Option<Vec<u8>>) -> Pixels {
    match palette {
        Some(pal) => {
            let colours = pal.len() / 3;
            let bits = match colours {
                0..=2 => 1,
                3..=4 => 2,
                5..=16 => 4,
                _ => 8,
            };
            Pixels::Flate {
                data: flate_rows(samples, w, 1, bits),
                space: Space::Indexed(pal),
                bits,
            }
        }
        None => Pixels::Flate {
            data: flate_rows(samples, w, channels, 8),
            space: if channels == 1 {
                Space::Gray
            } else {
                Space::Rgb
            },
            bits: 8,
        },
    }
}

/// The alpha channel as a 4-bit soft mask: sixteen steps of opacity are more than the
/// anti-aliased edges of a logo show at 300 dpi, and half the bytes of eight bits.
fn mask_rows(alpha: &[u8], w: usize) -> Packed {
    let levels: Vec<u8> = alpha
        .iter()
        .map(|&a| ((u16::from(a) * 15 + 127) / 255) as u8)
        .collect();
    flate_rows(&levels, w, 1, MASK_BITS)
}

/// Bits per sample of the soft mask.
const MASK_BITS: u8 = 4;

/// Flate data of an image, with PNG row filters (`predicted`) or without.
struct Packed {
    data: Vec<u8>,
    predicted: bool,
}

/// Samples (one byte each) packed to `bits`, then Flate — with PNG row filters (each
/// row the one that suits it best) or without, whichever is smaller (flat drawings and
/// palette images often compress best unfiltered).
fn flate_rows(samples: &[u8], w: usize, channels: usize, bits: u8) -> Packed {
    let row_samples = w * channels;
    let rows = samples.len() / row_samples.max(1);
    let stride = (row_samples * usize::from(bits)).div_ceil(8);
    let bpp = (channels * usize::from(bits)).div_ceil(8).max(1);
    let mut packed = vec![0u8; stride * rows];
    for r in 0..rows {
        let src = &samples[r * row_samples..(r + 1) * row_samples];
        let dst = &mut packed[r * stride..(r + 1) * stride];
        if bits == 8 {
            dst.copy_from_slice(src);
        } else {
            let per_byte = 8 / usize::from(bits);
            for (i, &s) in src.iter().enumerate() {
                let shift = 8 - usize::from(bits) * (i % per_byte + 1);
                dst[i / per_byte] |= s << shift;
            }
        }
    }
    let mut filtered = Vec::with_capacity((stride + 1) * rows);
    let zero = vec![0u8; stride];
    let mut candidate = vec![0u8; stride];
    let mut best = vec![0u8; stride];
    for r in 0..rows {
        let cur = &packed[r * stride..(r + 1) * stride];
        let prev = if r == 0 {
            &zero[..]
        } else {
            &packed[(r - 1) * stride..r * stride]
        };
        let mut best_kind = 0u8;
        let mut best_cost = u64::MAX;
        for kind in 0..5u8 {
            for i in 0..stride {
                let a = if i >= bpp { cur[i - bpp] } else { 0 };
                let b = prev[i];
                let c = if i >= bpp { prev[i - bpp] } else { 0 };
                let predicted = match kind {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => ((u16::from(a) + u16::from(b)) / 2) as u8,
                    _ => paeth(a, b, c),
                };
                candidate[i] = cur[i].wrapping_sub(predicted);
            }
            let cost: u64 = candidate
                .iter()
                .map(|&v| u64::from((v as i8).unsigned_abs()))
                .sum();
            if cost < best_cost {
                best_cost = cost;
                best_kind = kind;
                best.copy_from_slice(&candidate);
            }
        }
        filtered.push(best_kind);
        filtered.extend_from_slice(&best);
    }
    // Chosen at the faster level, then compressed harder (the logo is encoded once).
    let with = deflate(&filtered, 6);
    let without = deflate(&packed, 6);
    if without.len() <= with.len() {
        Packed {
            data: deflate(&packed, 9),
            predicted: false,
        }
    } else {
        Packed {
            data: deflate(&filtered, 9),
            predicted: true,
        }
    }
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

fn predictor(out: &mut Vec<u8>, colors: usize, bits: u8, columns: u32) {
    out.extend_from_slice(b"/DecodeParms<</Predictor 15/Colors ");
    int(out, colors as i64);
    out.extend_from_slice(b"/BitsPerComponent ");
    int(out, i64::from(bits));
    out.extend_from_slice(b"/Columns ");
    int(out, i64::from(columns));
    out.extend_from_slice(b">>");
}

impl Encoded {
    /// Writes the image (and its soft mask); returns the image XObject.
    pub fn write(&self, w: &mut Writer) -> Ref {
        let image = w.reserve();
        let mask = self.mask.as_ref().map(|_| w.reserve());
        let mut d = b"/Type/XObject/Subtype/Image/Width ".to_vec();
        int(&mut d, i64::from(self.width));
        d.extend_from_slice(b"/Height ");
        int(&mut d, i64::from(self.height));
        if let Some(m) = mask {
            d.extend_from_slice(b"/SMask ");
            m.put(&mut d);
        }
        match &self.pixels {
            Pixels::Jpeg { data, components } => {
                d.extend_from_slice(if *components == 1 {
                    b"/ColorSpace/DeviceGray".as_slice()
                } else {
                    b"/ColorSpace/DeviceRGB".as_slice()
                });
                d.extend_from_slice(b"/BitsPerComponent 8/Filter/DCTDecode");
                w.stream(image, &d, data, false);
            }
            Pixels::Flate { data, space, bits } => {
                let colors = match space {
                    Space::Gray => {
                        d.extend_from_slice(b"/ColorSpace/DeviceGray");
                        1
                    }
                    Space::Rgb => {
                        d.extend_from_slice(b"/ColorSpace/DeviceRGB");
                        3
                    }
                    Space::Indexed(palette) => {
                        d.extend_from_slice(b"/ColorSpace[/Indexed/DeviceRGB ");
                        int(&mut d, (palette.len() / 3) as i64 - 1);
                        d.push(b' ');
                        super::writer::hex_string(&mut d, palette);
                        d.push(b']');
                        1
                    }
                };
                d.extend_from_slice(b"/BitsPerComponent ");
                int(&mut d, i64::from(*bits));
                if data.predicted {
                    predictor(&mut d, colors, *bits, self.width);
                }
                w.stream(image, &d, &data.data, true);
            }
        }
        if let (Some(m), Some(data)) = (mask, &self.mask) {
            let mut d = b"/Type/XObject/Subtype/Image/Width ".to_vec();
            int(&mut d, i64::from(self.width));
            d.extend_from_slice(b"/Height ");
            int(&mut d, i64::from(self.height));
            d.extend_from_slice(b"/ColorSpace/DeviceGray/BitsPerComponent ");
            int(&mut d, i64::from(MASK_BITS));
            if data.predicted {
                predictor(&mut d, 1, MASK_BITS, self.width);
            }
            w.stream(m, &d, &data.data, true);
        }
        image
    }
}
