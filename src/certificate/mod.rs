//! Certificate documents ("Urkunden"): the PDF, the verification code and the QR code.
//!
//! Bytes in, bytes out: this module reads no database and no clock. The service layer
//! freezes every printed field in a [`CertificateSnapshot`] when a certificate is issued,
//! stores it as JSON, and hands it back here to print — the same snapshot (and logo)
//! always gives the same PDF bytes.
//!
//! - [`verification_code`] derives the code printed on a certificate from a per-database
//!   secret ([`new_secret`]) and the snapshot; [`normalize_code`] reads what a user types.
//! - [`render`] / [`render_one`] print one page per certificate into one PDF;
//!   [`layout`] is the step before, which places every text and shape on the page (tests
//!   check it stays inside the margins).
//! - [`signed`] signs what a certificate states with the database's Ed25519 key (the
//!   QR code of new certificates) and checks it with the public key alone.
//! - [`Logo`] is the organisation's PNG or JPEG logo; [`Logo::new`] checks it can be used.

mod code;
mod fonts;
mod layout;
mod logo;
mod pdf;
pub(crate) mod pdfa;
mod qr;
pub mod signed;
mod snapshot;

pub use code::{
    CODE_LEN, code_matches, format_code, new_secret, normalize_code, qr_payload, verification_code,
};
pub use layout::{Ink, PageLayout, PlacedImage, PlacedText, Rect, Shape, TextFace, layout};
pub use logo::{DEFAULT_LOGO_PNG, Logo, LogoPixels};
pub use pdf::{BatchStop, file_name, render, render_each, render_one, render_with_progress};
pub use snapshot::{CertificateSnapshot, SNAPSHOT_VERSION, SnapshotSeminar, default_wording};

use crate::i18n::Lang;

/// Which way up the page is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Orientation {
    #[default]
    Portrait,
    Landscape,
}

impl Orientation {
    /// The page size in millimetres (width, height): A4.
    pub fn page_size(self) -> (f32, f32) {
        match self {
            Orientation::Portrait => (210.0, 297.0),
            Orientation::Landscape => (297.0, 210.0),
        }
    }
}

/// How a print run looks: the language of every fixed text and date, the page, and
/// whether the file is archival PDF/A-2b.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    pub lang: Lang,
    pub orientation: Orientation,
    /// PDF/A-2b (XMP metadata, sRGB output intent) for filing in an E-Akte.
    pub pdfa: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            lang: Lang::default(),
            orientation: Orientation::default(),
            pdfa: true,
        }
    }
}
