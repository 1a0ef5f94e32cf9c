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
/// 2×2 blocks, finder-like patterns, and the dark/light balance. Rows and columns are
/// bit masks (bit `k` is module `k`), so that each rule is a few shifts per line.
fn penalty(dark: &[bool], w: usize) -> i64 {
    if w > 64 {
        return penalty_plain(dark, w);
    }
    let mut rows = vec![0u64; w];
    let mut cols = vec![0u64; w];
    for y in 0..w {
        for x in 0..w {
            if dark[y * w + x] {
                rows[y] |= 1 << x;
                cols[x] |= 1 << y;
            }
        }
    }
    let full = if w == 64 { u64::MAX } else { (1u64 << w) - 1 };
    let mut score = 0i64;
    for lines in [&rows, &cols] {
        // Runs of the same colour: 3 + (length − 5) each. A run ends where the next module
        // differs, and at the end of the line.
        for &line in lines.iter() {
            let changes = ((line ^ (line >> 1)) & (full >> 1)) | (1 << (w - 1));
            let mut start = 0u32;
            let mut rest = changes;
            while rest != 0 {
                let end = rest.trailing_zeros();
                let len = i64::from(end + 1 - start);
                if len >= 5 {
                    score += len - 2;
                }
                start = end + 1;
                rest &= rest - 1;
            }
        }
        // Dark-light-dark-dark-dark-light-dark not bordered by dark on both sides.
        const PATTERN: u64 = 0b101_1101;
        let mut found = 0i64;
        for &line in lines.iter() {
            for j in 0..w - 6 {
                if (line >> j) & 0x7f != PATTERN {
                    continue;
                }
                let from = j.saturating_sub(4);
                let before = (line >> from) & ((1u64 << (j - from)) - 1) != 0;
                let to = (j + 11).min(w);
                let after = to > j + 7 && (line >> (j + 7)) & ((1u64 << (to - j - 7)) - 1) != 0;
                if !before || !after {
                    found += 40;
                }
            }
        }
        score += found - 360;
    }
    // 2×2 blocks of one colour.
    let pairs = full >> 1;
    for y in 0..w - 1 {
        let (a, b) = (rows[y], rows[y + 1]);
        let same = !(a ^ (a >> 1)) & !(b ^ (b >> 1)) & !(a ^ b) & pairs;
        score += 3 * i64::from(same.count_ones());
    }
    // Balance: how far the share of dark modules is from half.
    let dark_count: u32 = rows.iter().map(|r| r.count_ones()).sum();
    let ratio = (dark_count as usize * 200 / dark.len()) as i64;
    score + (ratio - 100).abs()
}

/// [`penalty`] module by module, for codes wider than 64 modules.
fn penalty_plain(dark: &[bool], w: usize) -> i64 {
    let at = |x: usize, y: usize| dark[y * w + x];
    let mut score = 0i64;
    for horizontal in [true, false] {
        let line = |i: usize, k: usize| if horizontal { at(k, i) } else { at(i, k) };
        for i in 0..w {
            let mut run = 1i64;
            for j in 1..=w {
                if j < w && line(i, j) == line(i, j - 1) {
                    run += 1;
                } else {
                    if run >= 5 {
                        score += run - 2;
                    }
                    run = 1;
                }
            }
        }
        const PATTERN: [bool; 7] = [true, false, true, true, true, false, true];
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
    for y in 0..w - 1 {
        for x in 0..w - 1 {
            let c = at(x, y);
            if at(x + 1, y) == c && at(x, y + 1) == c && at(x + 1, y + 1) == c {
                score += 3;
            }
        }
    }
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
            assert_eq!(ours, (theirs.width(), dark.clone()), "{payload}");
            let w = theirs.width();
            assert_eq!(penalty(&dark, w), penalty_plain(&dark, w), "{payload}");
        }
        // Other lengths and modes: bytes, digits, a long text.
        let long = "Prüfcode ".repeat(40);
        for payload in ["x", "12345678901234567890", &"Prüfcode ".repeat(12), &long] {
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
