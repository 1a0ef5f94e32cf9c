//! The seminar list: its settings from large to small, one or more columns, and the
//! table block with heading, total and validity.

use super::text::{fmt_hours_in, limit_lines, pieces, wrap_greedy};
use super::{Block, Composer, Density, Ink, Rect, Shape, TextFace};
use crate::certificate::fonts::MM_PER_PT;
use crate::certificate::snapshot::CertificateSnapshot;
use crate::i18n::{Arg, fmt_date_in, fmt_date_range_in, tr_in};

/// How the seminar table is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct TableSetting {
    pub(super) columns: usize,
    /// A single column across the whole content width rather than a narrower centred one.
    pub(super) wide: bool,
    pub(super) size: f32,
    pub(super) density: Density,
}

/// The table settings to try at `density`, best first: larger type first; at each size
/// a centred column, a column across the page, then two or three columns.
pub(super) fn table_settings(density: Density) -> Vec<TableSetting> {
    let mut out = Vec::new();
    let mut size = density.max_size;
    while size >= density.min_size - 1e-3 {
        for (columns, wide) in [(1, false), (1, true), (2, false), (3, false)] {
            if columns <= density.max_columns {
                out.push(TableSetting {
                    columns,
                    wide,
                    size,
                    density,
                });
            }
        }
        size -= 0.5;
    }
    out
}

/// One seminar row, measured.
pub(super) struct Row {
    date: String,
    title: Vec<String>,
    hours: String,
}

impl Composer {
    /// The seminar list (first `shown` seminars) with its heading, total and validity.
    pub(super) fn table_block(
        &self,
        s: &CertificateSnapshot,
        setting: &TableSetting,
        content: &Rect,
        shown: usize,
    ) -> Block {
        let size = setting.size;
        let mut b = Block::default();
        let cx = content.x + content.w / 2.0;
        let mut y = 0.0;
        let mut validity_done = false;

        if !s.seminars.is_empty() {
            let columns = setting.columns.min(s.seminars.len().max(1));
            let table_w = if columns == 1 && !setting.wide {
                self.style.single_table_width.min(content.w)
            } else {
                content.w
            };
            let left = cx - table_w / 2.0;

            // Heading between two hairlines.
            let label = tr_in(self.lang, "cert-seminars-heading", &[]).to_uppercase();
            let lsize = (size * 0.8).max(6.0);
            let lw = self.width(&label, TextFace::Sans, lsize, 1.0).min(table_w);
            let la = self.ascent(TextFace::Sans, lsize);
            let label_text = self.text_at(
                &label,
                TextFace::Sans,
                lsize,
                1.0,
                cx - lw / 2.0,
                la,
                Ink::Muted,
            );
            let mid = la * 0.62;
            let side = ((table_w - lw) / 2.0 - 3.0).max(0.0);
            if side > 4.0 {
                b.shapes.push(Shape::Line {
                    from: (left, mid),
                    to: (left + side, mid),
                    ink: Ink::Rule,
                    width: 0.4,
                });
                b.shapes.push(Shape::Line {
                    from: (left + table_w - side, mid),
                    to: (left + table_w, mid),
                    ink: Ink::Rule,
                    width: 0.4,
                });
            }
            b.texts.push(label_text);
            y += la + self.descent(TextFace::Sans, lsize) + size * 0.55 * MM_PER_PT;

            // Rows, measured for the column width.
            let gutter = 8.0;
            let col_w = (table_w - gutter * (columns - 1) as f32) / columns as f32;
            let dates: Vec<String> = s.seminars[..shown]
                .iter()
                .map(|x| fmt_date_range_in(self.lang, x.date, x.until.unwrap_or(x.date)))
                .collect();
            let hours: Vec<String> = s.seminars[..shown]
                .iter()
                .map(|x| self.hours(x.hours))
                .collect();
            let date_w = dates
                .iter()
                .map(|d| self.width(d, TextFace::Serif, size, 0.0))
                .fold(0.0, f32::max)
                + size * 0.9 * MM_PER_PT;
            let hours_w = hours
                .iter()
                .map(|h| self.width(h, TextFace::Serif, size, 0.0))
                .fold(0.0, f32::max)
                + size * 0.9 * MM_PER_PT;
            let title_w = (col_w - date_w - hours_w).max(10.0);
            let serif = self.face(TextFace::Serif);
            let rows: Vec<Row> = s.seminars[..shown]
                .iter()
                .zip(dates)
                .zip(hours)
                .map(|((sem, date), hours)| {
                    let lines = wrap_greedy(serif, &sem.title, size, 0.0, title_w);
                    if lines.len() > 3
                        || pieces(&sem.title)
                            .iter()
                            .any(|(_, p)| serif.width(p, size, 0.0) > title_w)
                    {
                        b.clipped = true;
                    }
                    Row {
                        date,
                        title: limit_lines(serif, lines, size, 0.0, title_w, 3),
                        hours,
                    }
                })
                .collect();
            let line_h = size * 1.22 * MM_PER_PT;
            let row_gap = size * 0.4 * setting.density.gaps.clamp(0.4, 1.0) * MM_PER_PT;
            let heights: Vec<f32> = rows
                .iter()
                .map(|r| r.title.len().max(1) as f32 * line_h + row_gap)
                .collect();
            let split = split_columns(&heights, columns);
            let ascent = self.ascent(TextFace::Serif, size);
            let mut col_bottom: f32 = y;
            for (c, &(first, end)) in split.iter().enumerate() {
                let x0 = left + c as f32 * (col_w + gutter);
                let mut ry = y;
                for (row, h) in rows[first..end].iter().zip(&heights[first..end]) {
                    let base = ry + ascent;
                    b.texts.push(self.text_at(
                        &row.date,
                        TextFace::Serif,
                        size,
                        0.0,
                        x0,
                        base,
                        Ink::Muted,
                    ));
                    for (i, line) in row.title.iter().enumerate() {
                        b.texts.push(self.text_at(
                            line,
                            TextFace::Serif,
                            size,
                            0.0,
                            x0 + date_w,
                            base + line_h * i as f32,
                            Ink::Text,
                        ));
                    }
                    let hw = self.width(&row.hours, TextFace::Serif, size, 0.0);
                    b.texts.push(self.text_at(
                        &row.hours,
                        TextFace::Serif,
                        size,
                        0.0,
                        x0 + col_w - hw,
                        base,
                        Ink::Text,
                    ));
                    ry += h;
                }
                col_bottom = col_bottom.max(ry);
            }
            y = col_bottom;
            if shown < s.seminars.len() {
                let more = tr_in(
                    self.lang,
                    "cert-more-seminars",
                    &[("count", Arg::from(s.seminars.len() - shown))],
                );
                let a = self.ascent(TextFace::Serif, size);
                b.texts.push(self.text_at(
                    &more,
                    TextFace::Serif,
                    size,
                    0.0,
                    left,
                    y + a,
                    Ink::Muted,
                ));
                y += line_h + row_gap;
            }

            // Total under a hairline, right-aligned.
            y += size * 0.1 * MM_PER_PT;
            b.shapes.push(Shape::Line {
                from: (left, y),
                to: (left + table_w, y),
                ink: Ink::Rule,
                width: 0.4,
            });
            y += size * 0.55 * MM_PER_PT;
            let total = tr_in(
                self.lang,
                "cert-total",
                &[("hours", Arg::from(fmt_hours_in(self.lang, s.total_hours)))],
            );
            let ta = self.ascent(TextFace::SerifBold, size);
            let tw = self.width(&total, TextFace::SerifBold, size, 0.0);
            b.texts.push(self.text_at(
                &total,
                TextFace::SerifBold,
                size,
                0.0,
                left + table_w - tw,
                y + ta,
                Ink::Text,
            ));
            // On a dense page the validity goes on the same line, at the left.
            if let (true, Some(until)) = (setting.density.inline_validity, s.valid_until) {
                let text = tr_in(
                    self.lang,
                    "cert-valid-until",
                    &[("date", Arg::from(fmt_date_in(self.lang, until)))],
                );
                let vw = self.width(&text, TextFace::SerifBold, size, 0.0);
                if vw + tw + 4.0 <= table_w {
                    b.texts.push(self.text_at(
                        &text,
                        TextFace::SerifBold,
                        size,
                        0.0,
                        left,
                        y + ta,
                        Ink::Text,
                    ));
                    validity_done = true;
                }
            }
            y += ta + self.descent(TextFace::SerifBold, size);
        }

        if let (false, Some(until)) = (validity_done, s.valid_until) {
            let vsize = self.style.place_size;
            y += if s.seminars.is_empty() {
                0.0
            } else {
                4.0 * setting.density.gaps.max(0.5)
            };
            let text = tr_in(
                self.lang,
                "cert-valid-until",
                &[("date", Arg::from(fmt_date_in(self.lang, until)))],
            );
            let va = self.ascent(TextFace::Serif, vsize);
            let vw = self.width(&text, TextFace::Serif, vsize, 0.0);
            b.texts.push(self.text_at(
                &text,
                TextFace::Serif,
                vsize,
                0.0,
                cx - vw / 2.0,
                y + va,
                Ink::Text,
            ));
            y += va + self.descent(TextFace::Serif, vsize);
        }
        b.height = y;
        b
    }
}

/// Splits rows (by height) into `columns` consecutive runs with the smallest tallest run;
/// each run as (first row, end row).
pub(super) fn split_columns(heights: &[f32], columns: usize) -> Vec<(usize, usize)> {
    let columns = columns.max(1);
    if columns == 1 || heights.len() <= 1 {
        return vec![(0, heights.len())];
    }
    let total: f32 = heights.iter().sum();
    let tallest = heights.iter().copied().fold(0.0, f32::max);
    let pack = |cap: f32| -> Option<Vec<(usize, usize)>> {
        let mut runs = Vec::new();
        let mut start = 0;
        let mut h = 0.0;
        for (i, rh) in heights.iter().enumerate() {
            if h + rh > cap + 1e-4 && i > start {
                runs.push((start, i));
                start = i;
                h = 0.0;
            }
            h += rh;
        }
        runs.push((start, heights.len()));
        (runs.len() <= columns).then_some(runs)
    };
    let (mut lo, mut hi) = ((total / columns as f32).max(tallest), total);
    for _ in 0..30 {
        let mid = (lo + hi) / 2.0;
        if pack(mid).is_some() {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    pack(hi).unwrap_or_else(|| vec![(0, heights.len())])
}
