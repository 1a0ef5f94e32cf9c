//! Measuring and fitting text: wrapping at spaces and hyphens, balancing lines, cutting
//! with "…", and the shrinking that makes a name or wording fit its box.

use chrono::NaiveDate;

use super::{Block, Composer, Ink, PlacedText, TextFace};
use crate::certificate::fonts::{Face, MM_PER_PT, Measure};
use crate::i18n::{Arg, Lang, fmt_date_in, tr_in};

impl Composer {
    /// Fits `text` at the largest size from `max` down to `min` on one line, or else on
    /// as few balanced lines as possible, up to `max_lines`; at `min` the text is cut
    /// with "…".
    #[allow(clippy::too_many_arguments)]
    pub(super) fn fit(
        &self,
        text: &str,
        face: TextFace,
        max: f32,
        min: f32,
        tracking: f32,
        width: f32,
        max_lines: usize,
    ) -> (f32, Vec<String>) {
        let f = self.face(face);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return (max, Vec::new());
        }
        // One line while the size stays above 65 % of the maximum.
        let floor = if max_lines > 1 {
            (max * 0.65).max(min)
        } else {
            min
        };
        let measured = f.measure(&text);
        let mut size = max;
        while size >= floor - 1e-3 {
            if measured.width(size, tracking) <= width {
                return (size, vec![text]);
            }
            size -= 0.5;
        }
        // Then two lines down to the minimum size, then three, …
        for n in 2..=max_lines {
            let mut size = (max * 0.85).max(min);
            while size >= min - 1e-3 {
                let lines = wrap_greedy(f, &text, size, tracking, width);
                if lines.len() <= n {
                    return (size, balance(f, &lines, size, tracking, width));
                }
                size -= 0.5;
            }
        }
        let lines = wrap_greedy(f, &text, min, tracking, width);
        (min, limit_lines(f, lines, min, tracking, width, max_lines))
    }

    /// Lines centred on `cx`, built at y = 0.
    pub(super) fn centred_block(
        &self,
        lines: &[String],
        face: TextFace,
        size: f32,
        tracking: f32,
        cx: f32,
        ink: Ink,
    ) -> Block {
        if lines.is_empty() {
            return Block::default();
        }
        let ascent = self.ascent(face, size);
        let descent = self.descent(face, size);
        let leading = size * 1.2 * MM_PER_PT;
        let texts: Vec<PlacedText> = lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let w = self.width(line, face, size, tracking);
                self.text_at(
                    line,
                    face,
                    size,
                    tracking,
                    cx - w / 2.0,
                    ascent + leading * i as f32,
                    ink,
                )
            })
            .collect();
        Block {
            height: ascent + descent + leading * (lines.len() - 1) as f32,
            texts,
            ..Block::default()
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn centred_lines(
        &self,
        text: &str,
        face: TextFace,
        max: f32,
        min: f32,
        tracking: f32,
        width: f32,
        max_lines: usize,
        cx: f32,
        ink: Ink,
    ) -> Block {
        let (size, lines) = self.fit(text, face, max, min, tracking, width, max_lines);
        self.centred_block(&lines, face, size, tracking, cx, ink)
    }

    pub(super) fn hours(&self, hours: f64) -> String {
        tr_in(
            self.lang,
            "cert-hours",
            &[("hours", Arg::from(fmt_hours_in(self.lang, hours)))],
        )
    }
}

/// The date on the place-and-date line: 21.11.2026, or 21 November 2026 in English.
pub(super) fn long_date(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::De => fmt_date_in(lang, date),
        Lang::En => date.format("%-d %B %Y").to_string(),
    }
}

/// Hours with at most one decimal, German with a decimal comma: 8, 4,5.
pub(super) fn fmt_hours_in(lang: Lang, hours: f64) -> String {
    let s = if (hours - hours.round()).abs() < 1e-9 {
        format!("{}", hours.round() as i64)
    } else {
        format!("{hours:.1}")
    };
    match lang {
        Lang::De => s.replace('.', ","),
        Lang::En => s,
    }
}

/// Splits text into pieces a line may break after: words, and parts of words after a
/// hyphen or slash ("Schaumburg-" "Lippe"). The flag says whether a space goes before it.
pub(super) fn pieces(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        let mut start = 0;
        for (i, c) in word.char_indices() {
            let end = i + c.len_utf8();
            if matches!(c, '-' | '/' | '\u{2010}') && end < word.len() && i > start {
                out.push((start == 0, &word[start..end]));
                start = end;
            }
        }
        out.push((start == 0, &word[start..]));
    }
    out
}

/// Wraps at spaces (and after hyphens) so that every line fits `width`; a word too
/// long for a line is broken between characters.
pub(super) fn wrap_greedy(
    face: &Face,
    text: &str,
    size: f32,
    tracking: f32,
    width: f32,
) -> Vec<String> {
    let space = face.measure(" ");
    let mut lines = Vec::new();
    let mut line = String::new();
    // The line's measure, kept as it grows (the sums are the same as measuring it whole).
    let mut line_m = Measure::default();
    for (spaced, piece) in pieces(text) {
        let piece_m = face.measure(piece);
        let candidate = if line.is_empty() {
            piece_m
        } else if spaced {
            line_m + space + piece_m
        } else {
            line_m + piece_m
        };
        if candidate.width(size, tracking) <= width {
            if !line.is_empty() && spaced {
                line.push(' ');
            }
            line.push_str(piece);
            line_m = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if piece_m.width(size, tracking) <= width {
            line = piece.to_owned();
            line_m = piece_m;
        } else {
            // Break the piece between characters.
            line_m = Measure::default();
            let mut buf = [0u8; 4];
            for c in piece.chars() {
                let next = line_m + face.measure(c.encode_utf8(&mut buf));
                if !line.is_empty() && next.width(size, tracking) > width {
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                    line_m = face.measure(c.encode_utf8(&mut buf));
                } else {
                    line.push(c);
                    line_m = next;
                }
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Re-wraps `lines` to the same number of lines but as even as possible (a name on two
/// lines reads better split near its middle).
pub(super) fn balance(
    face: &Face,
    lines: &[String],
    size: f32,
    tracking: f32,
    width: f32,
) -> Vec<String> {
    if lines.len() < 2 {
        return lines.to_vec();
    }
    let text = join_lines(lines);
    let n = lines.len();
    let (mut lo, mut hi) = (0.0f32, width);
    for _ in 0..20 {
        let mid = (lo + hi) / 2.0;
        if wrap_greedy(face, &text, size, tracking, mid).len() <= n {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let balanced = wrap_greedy(face, &text, size, tracking, hi);
    if balanced.len() == n
        && balanced
            .iter()
            .all(|l| face.width(l, size, tracking) <= width)
    {
        balanced
    } else {
        lines.to_vec()
    }
}

/// The text of wrapped lines again: a line ending in a hyphen joins the next directly.
pub(super) fn join_lines(lines: &[String]) -> String {
    let mut text = String::new();
    for line in lines {
        if !text.is_empty() && !text.ends_with(['-', '/', '\u{2010}']) {
            text.push(' ');
        }
        text.push_str(line);
    }
    text
}

/// Keeps at most `max` lines; the last one kept ends with "…" when text was dropped.
pub(super) fn limit_lines(
    face: &Face,
    mut lines: Vec<String>,
    size: f32,
    tracking: f32,
    width: f32,
    max: usize,
) -> Vec<String> {
    if lines.len() <= max {
        return lines;
    }
    lines.truncate(max);
    if let Some(last) = lines.last_mut() {
        let mut cut: String = last.clone();
        loop {
            let candidate = format!("{}…", cut.trim_end());
            if face.width(&candidate, size, tracking) <= width || cut.is_empty() {
                *last = candidate;
                break;
            }
            cut.pop();
        }
    }
    lines
}
