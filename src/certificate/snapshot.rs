//! The frozen content of an issued certificate.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, tr_in};

/// The layout generation a snapshot was issued under. A future layout change raises it;
/// [`crate::certificate::render`] keeps printing older snapshots the way they were issued.
pub const SNAPSHOT_VERSION: u32 = 1;

/// Every field a certificate prints, frozen when it is issued and stored as JSON.
///
/// Printing the same snapshot (with the same logo bytes) gives byte-identical PDFs, even
/// after the employee, the program or the settings changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CertificateSnapshot {
    /// Layout generation ([`SNAPSHOT_VERSION`] for new certificates).
    #[serde(default = "first_version")]
    pub version: u32,
    /// "DL-2026-0007".
    pub serial: String,
    /// The verification code, 12 characters as [`crate::certificate::verification_code`]
    /// returns it (printed grouped: K7QM-3XHP-9TRD).
    pub code: String,
    /// "Stadt Porta Westfalica".
    pub organisation: String,
    /// "Porta Westfalica", printed before the issue date.
    pub place: String,
    pub first_name: String,
    pub last_name: String,
    /// The title in the German form for this person: "Digitallotsin".
    pub title_de: String,
    /// "Digital Pilot".
    pub title_en: String,
    /// The program's code ("DL"), for reference; not printed large.
    pub program_code: String,
    /// The sentence between the name and the title, in German.
    pub wording_de: String,
    /// The sentence between the name and the title, in English.
    pub wording_en: String,
    /// The seminars that earned the certificate, in the order printed.
    pub seminars: Vec<SnapshotSeminar>,
    pub total_hours: f64,
    pub issued_on: NaiveDate,
    pub valid_until: Option<NaiveDate>,
    pub signatory_name: String,
    /// "Bürgermeister", printed beneath the signatory's name.
    pub signatory_title: String,
    /// SHA-256 (lowercase hex) of the logo printed on it, if any — see [`crate::certificate::Logo::sha256`].
    pub logo_sha256: Option<String>,
    /// The signed payload (see [`crate::certificate::signed`]) the QR code holds, for
    /// certificates issued with one. Not part of the stored JSON (nor of the code): the
    /// service sets it from the certificate's own column before printing.
    #[serde(skip)]
    pub signed_payload: Option<String>,
}

fn first_version() -> u32 {
    1
}

/// One seminar as printed on a certificate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SnapshotSeminar {
    pub title: String,
    /// The (first) day of the session attended.
    pub date: NaiveDate,
    /// The last day, for a session over several days (e-learning): printed as a range
    /// of days. Absent in snapshots from before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    /// The hours credited.
    pub hours: f64,
}

impl CertificateSnapshot {
    /// "Erika Mustermann".
    pub fn full_name(&self) -> String {
        let first = self.first_name.trim();
        let last = self.last_name.trim();
        match (first.is_empty(), last.is_empty()) {
            (true, _) => last.to_owned(),
            (_, true) => first.to_owned(),
            _ => format!("{first} {last}"),
        }
    }

    /// The title in `lang`.
    pub fn title(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.title_de,
            Lang::En => &self.title_en,
        }
    }

    /// The wording in `lang`; the default wording when that one is empty.
    pub fn wording(&self, lang: Lang) -> String {
        let w = match lang {
            Lang::De => self.wording_de.trim(),
            Lang::En => self.wording_en.trim(),
        };
        if w.is_empty() {
            default_wording(lang)
        } else {
            w.to_owned()
        }
    }

    /// Parses a snapshot stored as JSON.
    pub fn from_json(json: &str) -> crate::Result<CertificateSnapshot> {
        serde_json::from_str(json).map_err(|e| {
            crate::Error::Message(crate::i18n::ta(
                "cert-error-snapshot",
                &[("detail", crate::i18n::Arg::from(e.to_string()))],
            ))
        })
    }

    /// The JSON stored in the certificate row.
    pub fn to_json(&self) -> String {
        // A struct of strings, numbers and dates always serializes.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The sentence printed between the name and the title when the settings hold none:
/// "hat … erfolgreich teilgenommen … und erhält die Bezeichnung".
pub fn default_wording(lang: Lang) -> String {
    tr_in(lang, "cert-default-wording", &[])
}
