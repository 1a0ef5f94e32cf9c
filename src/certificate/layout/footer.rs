//! The bottom of the page: place and date, the signature line, and the footer with
//! serial, verification code and QR code.

use super::text::long_date;
use super::{Block, Composer, Density, Ink, Rect, Shape, TextFace};
use crate::certificate::code::format_code;
use crate::certificate::fonts::MM_PER_PT;
use crate::certificate::snapshot::CertificateSnapshot;
use crate::i18n::{Arg, tr_in};

/// The side (mm, quiet zone included) of the QR code of a signed payload.
const SIGNED_QR_SIDE: f32 = 26.0;

impl Composer {
    /// The QR code's area: the bottom-right corner of the content. A signed payload
    /// (`signed`, some 320 characters: a version 13 code of 69 modules) is printed
    /// [`SIGNED_QR_SIDE`] mm wide, so that a module stays over 0.35 mm on paper.
    pub(super) fn qr_area(&self, content: &Rect, signed: bool) -> Rect {
        let side = if signed {
            self.style.qr.max(SIGNED_QR_SIDE)
        } else {
            self.style.qr
        };
        Rect {
            x: content.right() - side,
            y: content.bottom() - side,
            w: side,
            h: side,
        }
    }

    /// Place and date, the signature line, and the footer with serial, code and QR code
    /// (`qr`, the shapes [`qr_modules`] gave for [`Composer::qr_area`]).
    /// Returns the block (already at its final position), the QR code's area and the
    /// top of the group.
    pub(super) fn bottom_group(
        &self,
        s: &CertificateSnapshot,
        content: &Rect,
        density: &Density,
        qr_shapes: &[Shape],
    ) -> (Block, Rect, f32) {
        let st = &self.style;
        let mut b = Block::default();

        // Footer: QR in the bottom-right corner, three lines of small print beside it.
        let qr = self.qr_area(content, s.signed_payload.is_some());
        b.shapes.extend_from_slice(qr_shapes);
        let fsize = st.footer_size;
        let code = format_code(&s.code);
        let lines = [
            tr_in(
                self.lang,
                "cert-serial",
                &[("serial", Arg::from(&s.serial))],
            ),
            tr_in(self.lang, "cert-code", &[("code", Arg::from(&code))]),
            tr_in(self.lang, "cert-verify", &[("code", Arg::from(&code))]),
        ];
        let footer_w = qr.x - 5.0 - content.x;
        let line_h = fsize * 1.45 * MM_PER_PT;
        let descent = self.descent(TextFace::Sans, fsize);
        for (i, line) in lines.iter().enumerate() {
            let (size, fitted) =
                self.fit(line, TextFace::Sans, fsize, fsize * 0.7, 0.0, footer_w, 1);
            let baseline = content.bottom() - descent - line_h * (lines.len() - 1 - i) as f32;
            if let Some(text) = fitted.first() {
                let ink = if i == 1 { Ink::Text } else { Ink::Muted };
                b.texts.push(self.text_at(
                    text,
                    TextFace::Sans,
                    size,
                    0.0,
                    content.x,
                    baseline,
                    ink,
                ));
            }
        }
        let footer_top = qr
            .y
            .min(content.bottom() - descent - line_h * 2.0 - self.ascent(TextFace::Sans, fsize));

        // Signatures: place and date on the left, the signatory on the right.
        let sig_w = st.signature_width.min(content.w * 0.42);
        let name_size = st.place_size;
        let title_size = st.place_size * 0.85;
        let below = self.ascent(TextFace::Serif, name_size)
            + 1.6
            + name_size * 1.25 * MM_PER_PT
            + self.descent(TextFace::Serif, title_size);
        let line_y = footer_top - 6.0 * density.signature - below;
        let right_x = content.right() - sig_w;

        let place_date = if s.place.trim().is_empty() {
            long_date(self.lang, s.issued_on)
        } else {
            tr_in(
                self.lang,
                "cert-place-date",
                &[
                    ("place", Arg::from(s.place.trim())),
                    ("date", Arg::from(long_date(self.lang, s.issued_on))),
                ],
            )
        };
        // The place-and-date line may be wider than the signature line, up to the
        // middle of the page.
        let left_w = (self.width(&place_date, TextFace::Serif, st.place_size, 0.0) + 6.0)
            .clamp(sig_w, content.w * 0.48);
        let (psize, pd) = self.fit(
            &place_date,
            TextFace::Serif,
            st.place_size,
            7.0,
            0.0,
            left_w,
            1,
        );
        if let Some(pd) = pd.first() {
            let pw = self.width(pd, TextFace::Serif, psize, 0.0);
            let d = self.descent(TextFace::Serif, psize);
            b.texts.push(self.text_at(
                pd,
                TextFace::Serif,
                psize,
                0.0,
                content.x + (left_w - pw) / 2.0,
                line_y - d - 0.8,
                Ink::Text,
            ));
        }
        let caption = tr_in(self.lang, "cert-place-date-caption", &[]);
        let csize = title_size * 0.9;
        let (csize, caption) = self.fit(&caption, TextFace::Sans, csize, 5.0, 0.0, left_w, 1);
        if let Some(caption) = caption.first() {
            let cw = self.width(caption, TextFace::Sans, csize, 0.0);
            b.texts.push(self.text_at(
                caption,
                TextFace::Sans,
                csize,
                0.0,
                content.x + (left_w - cw) / 2.0,
                line_y + 1.6 + self.ascent(TextFace::Sans, csize),
                Ink::Muted,
            ));
        }
        for (x, w) in [(content.x, left_w), (right_x, sig_w)] {
            b.shapes.push(Shape::Line {
                from: (x, line_y),
                to: (x + w, line_y),
                ink: Ink::Text,
                width: 0.5,
            });
        }
        let (nsize, name) = self.fit(
            &s.signatory_name,
            TextFace::Serif,
            name_size,
            7.0,
            0.0,
            sig_w,
            1,
        );
        let name_base = line_y + 1.6 + self.ascent(TextFace::Serif, nsize);
        if let Some(name) = name.first() {
            let w = self.width(name, TextFace::Serif, nsize, 0.0);
            b.texts.push(self.text_at(
                name,
                TextFace::Serif,
                nsize,
                0.0,
                right_x + (sig_w - w) / 2.0,
                name_base,
                Ink::Text,
            ));
        }
        let (tsize, title) = self.fit(
            &s.signatory_title,
            TextFace::Serif,
            title_size,
            6.5,
            0.0,
            sig_w,
            1,
        );
        if let Some(title) = title.first() {
            let w = self.width(title, TextFace::Serif, tsize, 0.0);
            b.texts.push(self.text_at(
                title,
                TextFace::Serif,
                tsize,
                0.0,
                right_x + (sig_w - w) / 2.0,
                name_base + name_size * 1.25 * MM_PER_PT,
                Ink::Muted,
            ));
        }
        // Room for the handwritten signature above the line counts as occupied.
        let top = b
            .texts
            .iter()
            .map(|t| t.bounds().y)
            .fold(line_y - st.signature_space * density.signature, f32::min);
        (b, qr, top)
    }
}

/// The QR code of `payload` scaled into `area` with a two-module quiet zone (nothing if
/// the payload is too long for a QR code).
pub(super) fn qr_modules(payload: &str, area: &Rect) -> Vec<Shape> {
    let Some((n, dark)) = crate::certificate::qr::modules(payload.as_bytes()) else {
        return Vec::new();
    };
    let quiet = 2.0;
    let module = area.w / (n as f32 + 2.0 * quiet);
    vec![Shape::QrCode {
        origin: (area.x + quiet * module, area.y + quiet * module),
        module,
        size: n,
        dark,
        ink: Ink::Text,
    }]
}
