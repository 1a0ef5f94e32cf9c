//! The organisation's logo: a PNG or JPEG file, checked and prepared for printing.

use printpdf::{RawImage, RawImageData, RawImageFormat};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::i18n::{Arg, t, ta};

/// Larger files are refused (a logo is a few hundred kilobytes at most).
const MAX_FILE_BYTES: usize = 15 * 1024 * 1024;
/// Larger images are refused before decoding (50 megapixels).
const MAX_PIXELS: u64 = 50_000_000;
/// The printed logo is scaled down to this many pixels on its longer side: about
/// 350 dpi in the logo box, and a PDF that stays small.
const MAX_SIDE: usize = 900;

/// The logo printed while the settings hold none: a neutral compass rose, 600 pixels
/// square with transparency (drawn by `assets/logo-default.py`).
pub const DEFAULT_LOGO_PNG: &[u8] = include_bytes!("../../assets/logo-default.png");

/// A logo as stored: its MIME type (`image/png` or `image/jpeg`) and the file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub mime: String,
    pub bytes: Vec<u8>,
}

/// The file types a logo may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Png,
    Jpeg,
}

fn sniff(bytes: &[u8]) -> Option<Kind> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Kind::Png)
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some(Kind::Jpeg)
    } else {
        None
    }
}

fn damaged(detail: impl Into<String>) -> Error {
    Error::Message(ta(
        "cert-error-logo-damaged",
        &[("detail", Arg::from(detail.into()))],
    ))
}

impl Logo {
    /// Reads a logo file: checks that it is a PNG or JPEG image that decodes, and sets
    /// the MIME type from its content. Errors are in the user's language.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Logo> {
        let kind = sniff(&bytes).ok_or_else(|| Error::Message(t("cert-error-logo-format")))?;
        let mime = match kind {
            Kind::Png => "image/png",
            Kind::Jpeg => "image/jpeg",
        };
        let logo = Logo {
            mime: mime.to_owned(),
            bytes,
        };
        logo.decode()?;
        Ok(logo)
    }

    /// The SHA-256 of the file's bytes, lowercase hex — the key the logo is stored under
    /// and the value a snapshot's `logo_sha256` records.
    pub fn sha256(&self) -> String {
        sha256_hex(&self.bytes)
    }

    /// Whether the file is a JPEG (a photo-like logo, embedded JPEG-compressed).
    pub(crate) fn is_jpeg(&self) -> bool {
        sniff(&self.bytes) == Some(Kind::Jpeg)
    }

    /// The image's size in pixels (width, height) as its file header states it, or why
    /// the file cannot be used (not PNG/JPEG, too large, unreadable header).
    pub fn size(&self) -> Result<(u32, u32)> {
        let (w, h) = self.header_size()?;
        Ok((w, h))
    }

    /// Width and height from the file header, checked against the size limits.
    fn header_size(&self) -> Result<(u32, u32)> {
        if self.bytes.len() > MAX_FILE_BYTES {
            return Err(Error::Message(t("cert-error-logo-size")));
        }
        let kind = sniff(&self.bytes).ok_or_else(|| Error::Message(t("cert-error-logo-format")))?;
        let size = match kind {
            Kind::Png => png_size(&self.bytes),
            Kind::Jpeg => jpeg_size(&self.bytes),
        }
        .ok_or_else(|| damaged("header"))?;
        if size.0 == 0 || size.1 == 0 {
            return Err(damaged("0 × 0"));
        }
        if u64::from(size.0) * u64::from(size.1) > MAX_PIXELS {
            return Err(Error::Message(t("cert-error-logo-size")));
        }
        Ok(size)
    }

    /// Decodes the image into 8-bit pixels no larger than [`MAX_SIDE`].
    pub(crate) fn decode(&self) -> Result<RawImage> {
        self.decode_within(MAX_SIDE)
    }

    /// The size the layout places the logo by: the header's, scaled down as [`Logo::decode`]
    /// would (without decoding).
    pub(crate) fn layout_size(&self) -> Result<(u32, u32)> {
        let (w, h) = self.header_size()?;
        let longest = w.max(h) as usize;
        if longest <= MAX_SIDE {
            return Ok((w, h));
        }
        let scale = |v: u32| ((v as usize * MAX_SIDE).div_ceil(longest)).max(1) as u32;
        Ok((scale(w), scale(h)))
    }

    /// The JPEG's number of colour components, if it is a JPEG that a PDF can hold as it
    /// is: 8-bit baseline, extended or progressive, grey or colour (not CMYK).
    pub(crate) fn plain_jpeg_components(&self) -> Option<u8> {
        if !self.is_jpeg() {
            return None;
        }
        let (i, marker, adobe) = jpeg_start_of_frame(&self.bytes)?;
        // An Adobe segment signals CMYK or YCCK data as often as not.
        if adobe {
            return None;
        }
        let precision = *self.bytes.get(i + 4)?;
        let components = *self.bytes.get(i + 9)?;
        let plain = matches!(marker, 0xc0..=0xc2) && precision == 8;
        (plain && matches!(components, 1 | 3)).then_some(components)
    }

    /// Decodes the image into 8-bit pixels no larger than `max_side` on the longer side.
    pub(crate) fn decode_within(&self, max_side: usize) -> Result<RawImage> {
        self.header_size()?;
        let bytes = &self.bytes;
        let decoded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            RawImage::decode_from_bytes(bytes, &mut Vec::new())
        }))
        .map_err(|_| damaged("decoder"))?
        .map_err(damaged)?;
        to_printable(decoded, max_side.max(1)).ok_or_else(|| damaged("pixels"))
    }
}

/// A logo decoded for showing on screen: straight (not premultiplied) RGBA, 8 bits each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogoPixels {
    pub width: usize,
    pub height: usize,
    /// `width * height * 4` bytes, row by row.
    pub rgba: Vec<u8>,
}

impl Logo {
    /// The image as RGBA pixels, no larger than the printed logo, for a preview.
    pub fn pixels(&self) -> Result<LogoPixels> {
        let raw = self.decode()?;
        let RawImageData::U8(px) = raw.pixels else {
            return Err(Error::Message(t("cert-error-logo-format")));
        };
        let rgba: Vec<u8> = match raw.data_format {
            RawImageFormat::R8 => px.iter().flat_map(|&g| [g, g, g, 255]).collect(),
            RawImageFormat::RG8 => px
                .chunks_exact(2)
                .flat_map(|p| [p[0], p[0], p[0], p[1]])
                .collect(),
            RawImageFormat::RGBA8 => px,
            _ => px
                .chunks_exact(3)
                .flat_map(|p| [p[0], p[1], p[2], 255])
                .collect(),
        };
        if rgba.len() != raw.width * raw.height * 4 {
            return Err(Error::Message(t("cert-error-logo-format")));
        }
        Ok(LogoPixels {
            width: raw.width,
            height: raw.height,
            rgba,
        })
    }
}

/// SHA-256 of `bytes` as lowercase hex.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// PNG: width and height from the IHDR chunk.
fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    if b.len() < 24 || &b[12..16] != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes(b[16..20].try_into().ok()?);
    let h = u32::from_be_bytes(b[20..24].try_into().ok()?);
    Some((w, h))
}

/// JPEG: width and height from the first start-of-frame marker.
fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    let (i, _, _) = jpeg_start_of_frame(b)?;
    if i + 9 > b.len() {
        return None;
    }
    let h = u32::from(u16::from_be_bytes([b[i + 5], b[i + 6]]));
    let w = u32::from(u16::from_be_bytes([b[i + 7], b[i + 8]]));
    Some((w, h))
}

/// JPEG: where the first start-of-frame marker is, which one it is, and whether an Adobe
/// segment came before it. `None` when the segments end or break first.
fn jpeg_start_of_frame(b: &[u8]) -> Option<(usize, u8, bool)> {
    let mut i = 2;
    let mut adobe = false;
    while i + 4 <= b.len() {
        if b[i] != 0xff {
            return None;
        }
        let marker = b[i + 1];
        if marker == 0xff {
            i += 1;
            continue;
        }
        if (0xd0..=0xd9).contains(&marker) || marker == 0x01 {
            i += 2;
            continue;
        }
        adobe |= marker == 0xee;
        if matches!(marker, 0xc0..=0xcf) && !matches!(marker, 0xc4 | 0xc8 | 0xcc) {
            return Some((i, marker, adobe));
        }
        let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        i += 2 + len;
    }
    None
}

/// Converts any decoded image to 8 bits per channel and scales it down to
/// `max_side` pixels on its longer side. `None` if the pixel data is inconsistent.
fn to_printable(img: RawImage, max_side: usize) -> Option<RawImage> {
    use RawImageFormat as F;
    let (channels, format) = match img.data_format {
        F::R8 | F::R16 => (1, F::R8),
        F::RG8 | F::RG16 => (2, F::RG8),
        F::RGB8 | F::RGB16 | F::RGBF32 | F::BGR8 => (3, F::RGB8),
        F::RGBA8 | F::RGBA16 | F::RGBAF32 | F::BGRA8 => (4, F::RGBA8),
    };
    let mut px: Vec<u8> = match img.pixels {
        RawImageData::U8(v) => v,
        RawImageData::U16(v) => v.into_iter().map(|x| (x >> 8) as u8).collect(),
        RawImageData::F32(v) => v
            .into_iter()
            .map(|x| (x.clamp(0.0, 1.0) * 255.0).round() as u8)
            .collect(),
    };
    if matches!(img.data_format, F::BGR8 | F::BGRA8) {
        for p in px.chunks_exact_mut(channels) {
            p.swap(0, 2);
        }
    }
    let (w, h) = (img.width, img.height);
    if w == 0 || h == 0 || px.len() != w * h * channels {
        return None;
    }
    let (px, w, h) = downscale(&px, w, h, channels, max_side);
    Some(RawImage {
        pixels: RawImageData::U8(px),
        width: w,
        height: h,
        data_format: format,
        tag: Vec::new(),
    })
}

/// Area-average downscaling so that the longer side is at most `max_side`; colours are
/// weighted by opacity so transparent pixels do not darken the edges.
fn downscale(px: &[u8], w: usize, h: usize, ch: usize, max_side: usize) -> (Vec<u8>, usize, usize) {
    let longest = w.max(h);
    if longest <= max_side {
        return (px.to_vec(), w, h);
    }
    let nw = (w * max_side).div_ceil(longest).max(1);
    let nh = (h * max_side).div_ceil(longest).max(1);
    let alpha = if ch == 2 || ch == 4 {
        Some(ch - 1)
    } else {
        None
    };
    let mut out = Vec::with_capacity(nw * nh * ch);
    for ty in 0..nh {
        let y0 = ty * h / nh;
        let y1 = ((ty + 1) * h / nh).max(y0 + 1);
        for tx in 0..nw {
            let x0 = tx * w / nw;
            let x1 = ((tx + 1) * w / nw).max(x0 + 1);
            let mut sum = [0u64; 4];
            let mut weight = 0u64;
            let mut count = 0u64;
            for y in y0..y1 {
                for x in x0..x1 {
                    let p = &px[(y * w + x) * ch..(y * w + x + 1) * ch];
                    let a = alpha.map_or(255, |i| u64::from(p[i]));
                    for c in 0..ch {
                        if Some(c) == alpha {
                            sum[c] += u64::from(p[c]);
                        } else {
                            sum[c] += u64::from(p[c]) * a;
                        }
                    }
                    weight += a;
                    count += 1;
                }
            }
            for (c, s) in sum.iter().enumerate().take(ch) {
                let v = if Some(c) == alpha {
                    s / count
                } else {
                    s.checked_div(weight).unwrap_or(0)
                };
                out.push(v.min(255) as u8);
            }
        }
    }
    (out, nw, nh)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downscaling_keeps_the_aspect_ratio_and_averages() {
        // 4 × 2 grey image: left half black, right half white.
        let px = [0, 0, 255, 255, 0, 0, 255, 255];
        let (out, w, h) = downscale(&px, 4, 2, 1, 2);
        assert_eq!((w, h), (2, 1));
        assert_eq!(out, vec![0, 255]);
        let (same, w, h) = downscale(&px, 4, 2, 1, 10);
        assert_eq!((w, h, same.len()), (4, 2, 8));
    }

    #[test]
    fn transparent_pixels_do_not_darken() {
        // Two RGBA pixels: opaque red and fully transparent black.
        let px = [255, 0, 0, 255, 0, 0, 0, 0];
        let (out, w, h) = downscale(&px, 2, 1, 4, 1);
        assert_eq!((w, h), (1, 1));
        assert_eq!(out, vec![255, 0, 0, 127]);
    }

    #[test]
    fn not_an_image_is_refused_without_panic() {
        for bytes in [
            b"hello".to_vec(),
            b"\x89PNG\r\n\x1a\n".to_vec(),
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10garbage".to_vec(),
            vec![0xff, 0xd8, 0xff, 0xe0, 0, 0],
        ] {
            assert!(Logo::from_bytes(bytes).is_err());
        }
    }
}
