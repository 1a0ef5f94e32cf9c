//! The QR code's modules. The qrcode crate encodes the data and places it; which of the
//! eight masks to apply is decided here, with the crate's own penalty rules computed on a
//! flat grid — the crate scores each mask module by module through bounds-checked lookups,
//! which was a third of the time of printing a batch. The code is the crate's, module for
//! module (a test compares them on many payloads).

use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{Color, EcLevel, QrCode, Version};

/// The masks in the order the crate tries them (the first of equal scores wins).
const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// The QR code of `data` with error correction level M: its width in modules and which
/// are dark, row by row from the top. `None` when the data does not fit a QR code.
pub(crate) fn modules(data: &[u8]) -> Option<(usize, Vec<bool>)> {
    let bits = qrcode::bits::encode_auto(data, EcLevel::M).ok()?;
    let version = bits.version();
    if !matches!(version, Version::Normal(_)) {
        // Not expected (automatic encoding makes normal QR codes); the crate decides.
        let code = QrCode::with_error_correction_level(data, EcLevel::M).ok()?;
        let dark = code.to_colors().into_iter().map(|c| c == Color::Dark);
        return Some((code.width(), dark.collect()));
    }
    let (codewords, ec) =
        qrcode::ec::construct_codewords(&bits.into_bytes(), version, EcLevel::M).ok()?;
    let mut canvas = Canvas::new(version, EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&codewords, &ec);
    let width = usize::try_from(version.width()).ok()?;
    let mut best: Option<(i64, Vec<bool>)> = None;
    for mask in MASKS {
        let mut masked = canvas.clone();
        masked.apply_mask(mask);
        let dark: Vec<bool> = masked
            .into_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect();
        let score = penalty(&dark, width);
        if best.as_ref().is_none_or(|(s, _)| score < *s) {
            best = Some((score, dark));
        }
    }
    best.map(|(_, dark)| (width, dark))
}

/// The crate's penalty for a masked code (lower is better): runs of five and more,
/// 2×2 blocks, finder-like patterns, and the dark/light balance.
fn penalty(dark: &[bool], w: usize) -> i64 {
    let at = |x: usize, y: usize| dark[y * w + x];
    let mut score = 0i64;
    // Runs of the same colour in rows and columns: 3 + (length − 5) each.
    for horizontal in [true, false] {
        for i in 0..w {
            let mut run = 1i64;
            for j in 1..=w {
                let same = j < w
                    && if horizontal {
                        at(j, i) == at(j - 1, i)
                    } else {
                        at(i, j) == at(i, j - 1)
                    };
                if same {
                    run += 1;
                } else {
                    if run >= 5 {
                        score += run - 2;
                    }
                    run = 1;
                }
            }
        }
    }
    // 2×2 blocks of one colour.
    for y in 0..w - 1 {
        for x in 0..w - 1 {
            let c = at(x, y);
            if at(x + 1, y) == c && at(x, y + 1) == c && at(x + 1, y + 1) == c {
                score += 3;
            }
        }
    }
    // Dark-light-dark-dark-dark-light-dark not bordered by dark on both sides.
    const PATTERN: [bool; 7] = [true, false, true, true, true, false, true];
    for horizontal in [true, false] {
        let line = |i: usize, k: usize| if horizontal { at(k, i) } else { at(i, k) };
        let mut found = 0i64;
        for i in 0..w {
            for j in 0..w - 6 {
                if !(0..7).all(|k| line(i, j + k) == PATTERN[k]) {
                    continue;
                }
                let before = (j.saturating_sub(4)..j).any(|k| line(i, k));
                let after = (j + 7..(j + 11).min(w)).any(|k| line(i, k));
                if !before || !after {
                    found += 40;
                }
            }
        }
        score += found - 360;
    }
    // Balance: how far the share of dark modules is from half.
    let dark_count = dark.iter().filter(|d| **d).count();
    let ratio = (dark_count * 200 / dark.len()) as i64;
    score + (ratio - 100).abs()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_codes_are_the_crates_module_for_module() {
        let alphabet = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for i in 0..400 {
            let code: String = (0..12)
                .map(|_| char::from(alphabet[(next() % 32) as usize]))
                .collect();
            let payload = format!(
                "LOTSE:{}-20{:02}-{:04}:{}-{}-{}",
                ["DL", "DCM", "X"][i % 3],
                next() % 100,
                next() % 10_000,
                &code[..4],
                &code[4..8],
                &code[8..]
            );
            let ours = modules(payload.as_bytes()).expect("fits");
            let theirs =
                QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M).expect("fits");
            let dark: Vec<bool> = theirs
                .to_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect();
            assert_eq!(ours, (theirs.width(), dark), "{payload}");
        }
        // Other lengths and modes: bytes, digits, a long text.
        for payload in ["x", "12345678901234567890", &"Prüfcode ".repeat(12)] {
            let ours = modules(payload.as_bytes()).expect("fits");
            let theirs =
                QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M).expect("fits");
            let dark: Vec<bool> = theirs
                .to_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect();
            assert_eq!(ours, (theirs.width(), dark), "{payload}");
        }
    }
}
