//! Verification codes: a keyed hash over every printed field, short enough to type.
//!
//! # The code
//! `HMAC-SHA-256(secret, canonical(snapshot))`, of which the first 60 bits are written in
//! Crockford's base-32 alphabet `0123456789ABCDEFGHJKMNPQRSTVWXYZ` (no I, L, O, U):
//! 12 characters such as `K7QM3XHP9TRD`, printed in groups as `K7QM-3XHP-9TRD`.
//!
//! # The canonical form
//! The compact JSON (serde_json, no whitespace) of this object, keys in exactly this
//! order, prefixed with the line `lotse-certificate-code\n`:
//! `version, serial, organisation, place, first_name, last_name, title_de, title_en,
//! program_code, wording_de, wording_en, seminars [{title, date, hours}], total_hours,
//! issued_on, valid_until, signatory_name, signatory_title, logo_sha256` —
//! that is every field of [`CertificateSnapshot`] except `code` itself. Dates are
//! `"YYYY-MM-DD"`, a missing date or logo is `null`, hours are JSON numbers as
//! serde_json writes an `f64` (`8.0`, `1.5`). Strings are taken as stored (not trimmed),
//! so any change to a printed field changes the code.
//!
//! # The QR code
//! Certificates issued since signing began hold their signed payload
//! (see [`crate::certificate::signed`]); older ones hold `LOTSE:<serial>:<grouped code>`, e.g. `LOTSE:DL-2026-0007:K7QM-3XHP-9TRD`
//! (all characters of QR's compact alphanumeric mode). [`normalize_code`] accepts that
//! text as well, so a scanned QR can be pasted into `lotse verify`.

use chrono::NaiveDate;
use hmac::{Hmac, KeyInit, Mac};
use serde::Serialize;
use sha2::Sha256;

use super::snapshot::{CertificateSnapshot, SnapshotSeminar};

/// Characters in a verification code (without the group dashes).
pub const CODE_LEN: usize = 12;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const DOMAIN: &[u8] = b"lotse-certificate-code\n";

/// The fields the code covers, in their fixed order (see the module docs).
#[derive(Serialize)]
struct Canonical<'a> {
    version: u32,
    serial: &'a str,
    organisation: &'a str,
    place: &'a str,
    first_name: &'a str,
    last_name: &'a str,
    title_de: &'a str,
    title_en: &'a str,
    program_code: &'a str,
    wording_de: &'a str,
    wording_en: &'a str,
    seminars: &'a [SnapshotSeminar],
    total_hours: f64,
    issued_on: NaiveDate,
    valid_until: Option<NaiveDate>,
    signatory_name: &'a str,
    signatory_title: &'a str,
    logo_sha256: Option<&'a str>,
}

fn canonical_bytes(s: &CertificateSnapshot) -> Vec<u8> {
    let c = Canonical {
        version: s.version,
        serial: &s.serial,
        organisation: &s.organisation,
        place: &s.place,
        first_name: &s.first_name,
        last_name: &s.last_name,
        title_de: &s.title_de,
        title_en: &s.title_en,
        program_code: &s.program_code,
        wording_de: &s.wording_de,
        wording_en: &s.wording_en,
        seminars: &s.seminars,
        total_hours: s.total_hours,
        issued_on: s.issued_on,
        valid_until: s.valid_until,
        signatory_name: &s.signatory_name,
        signatory_title: &s.signatory_title,
        logo_sha256: s.logo_sha256.as_deref(),
    };
    let mut bytes = DOMAIN.to_vec();
    // Strings, numbers and dates in a struct: serializing into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut bytes, &c);
    bytes
}

/// The verification code for `snapshot` under the database's `secret`: 12 characters
/// of Crockford base 32 (`K7QM3XHP9TRD`), computed over every printed field except the
/// code itself. Store it as returned; print it with [`format_code`].
pub fn verification_code(secret: &[u8], snapshot: &CertificateSnapshot) -> String {
    // HMAC accepts keys of any length, so this never fails.
    let Ok(mut mac) = <Hmac<Sha256> as KeyInit>::new_from_slice(secret) else {
        return String::new();
    };
    mac.update(&canonical_bytes(snapshot));
    let digest = mac.finalize().into_bytes();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    let bits = u64::from_be_bytes(first) >> 4; // the first 60 bits
    (0..CODE_LEN)
        .map(|i| {
            let shift = 5 * (CODE_LEN - 1 - i);
            char::from(ALPHABET[((bits >> shift) & 0x1f) as usize])
        })
        .collect()
}

/// Whether `snapshot.code` is the code its fields give under `secret` — false when a
/// printed field was altered after issue. Compares in constant time.
pub fn code_matches(secret: &[u8], snapshot: &CertificateSnapshot) -> bool {
    let expected = verification_code(secret, snapshot);
    let Some(stored) = normalize_code(&snapshot.code) else {
        return false;
    };
    expected.len() == stored.len()
        && expected
            .bytes()
            .zip(stored.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// The code as printed: `K7QM-3XHP-9TRD`. Other input is returned unchanged.
pub fn format_code(code: &str) -> String {
    if code.len() != CODE_LEN || !code.is_ascii() {
        return code.to_owned();
    }
    format!("{}-{}-{}", &code[0..4], &code[4..8], &code[8..12])
}

/// Reads a code as a user types or scans it: lower case, spaces and dashes are
/// accepted, O is read as 0 and I or L as 1, and a whole QR text
/// (`LOTSE:DL-2026-0007:K7QM-3XHP-9TRD`) gives its code. Returns the 12 characters
/// as [`verification_code`] writes them, or `None` if it cannot be a code.
pub fn normalize_code(input: &str) -> Option<String> {
    let text = input.trim();
    let text = text.rsplit(':').next().unwrap_or(text);
    let mut out = String::with_capacity(CODE_LEN);
    for c in text.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' | '_' | '.' | '\t' | '\u{a0}' | '\u{2010}' | '\u{2011}' | '\u{2013}' => {
                continue;
            }
            'O' => '0',
            'I' | 'L' => '1',
            c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
            _ => return None,
        };
        out.push(c);
    }
    (out.len() == CODE_LEN).then_some(out)
}

/// The text of the QR code printed on a certificate: its signed payload if it has one
/// (see [`crate::certificate::signed`]), else `LOTSE:<serial>:<grouped code>`.
pub fn qr_payload(snapshot: &CertificateSnapshot) -> String {
    match &snapshot.signed_payload {
        Some(signed) => signed.clone(),
        None => format!("LOTSE:{}:{}", snapshot.serial, format_code(&snapshot.code)),
    }
}

/// A new random secret for a database's verification codes, from the operating
/// system's random generator.
pub fn new_secret() -> [u8; 32] {
    use rand::TryRngCore as _;
    let mut secret = [0u8; 32];
    if rand::rngs::OsRng.try_fill_bytes(&mut secret).is_err() {
        // The thread generator is a CSPRNG seeded from the OS as well.
        use rand::RngCore as _;
        rand::rng().fill_bytes(&mut secret);
    }
    secret
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> CertificateSnapshot {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        let mut s = CertificateSnapshot {
            version: 1,
            serial: "DL-2026-0007".into(),
            code: String::new(),
            organisation: "Stadt Porta Westfalica".into(),
            place: "Porta Westfalica".into(),
            first_name: "Erika".into(),
            last_name: "Mustermann".into(),
            title_de: "Digitallotsin".into(),
            title_en: "Digital Pilot".into(),
            program_code: "DL".into(),
            wording_de: "hat teilgenommen".into(),
            wording_en: "has taken part".into(),
            seminars: vec![
                SnapshotSeminar {
                    title: "Grundlagen".into(),
                    date: d(2026, 3, 2),
                    until: None,
                    hours: 8.0,
                },
                SnapshotSeminar {
                    title: "E-Akte".into(),
                    date: d(2026, 4, 2),
                    until: None,
                    hours: 4.5,
                },
            ],
            total_hours: 12.5,
            issued_on: d(2026, 11, 21),
            valid_until: Some(d(2028, 11, 21)),
            signatory_name: "Bernd Beispiel".into(),
            signatory_title: "Bürgermeister".into(),
            logo_sha256: None,
            signed_payload: None,
        };
        s.code = verification_code(b"secret-one", &s);
        s
    }

    #[test]
    fn a_code_is_twelve_unambiguous_characters_and_verifies() {
        let s = sample();
        assert_eq!(s.code.len(), CODE_LEN);
        assert!(s.code.bytes().all(|b| ALPHABET.contains(&b)), "{}", s.code);
        assert!(!s.code.contains(['I', 'L', 'O', 'U']));
        assert!(code_matches(b"secret-one", &s));
        // The same input always gives the same code.
        assert_eq!(verification_code(b"secret-one", &s), s.code);
    }

    #[test]
    fn changing_any_printed_field_changes_the_code() {
        let s = sample();
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        type Change = Box<dyn Fn(&mut CertificateSnapshot)>;
        let changes: Vec<(&str, Change)> = vec![
            ("first name", Box::new(|s| s.first_name = "Erica".into())),
            ("last name", Box::new(|s| s.last_name.push(' '))),
            ("serial", Box::new(|s| s.serial = "DL-2026-0008".into())),
            (
                "issue date",
                Box::new(move |s| s.issued_on = d(2026, 11, 22)),
            ),
            ("valid until", Box::new(|s| s.valid_until = None)),
            ("seminar hours", Box::new(|s| s.seminars[1].hours = 5.0)),
            (
                "seminar date",
                Box::new(move |s| s.seminars[0].date = d(2026, 3, 3)),
            ),
            (
                "seminar title",
                Box::new(|s| s.seminars[0].title = "Grundlagen!".into()),
            ),
            ("seminar dropped", Box::new(|s| drop(s.seminars.pop()))),
            ("total", Box::new(|s| s.total_hours = 13.0)),
            ("title", Box::new(|s| s.title_de = "Digitallotse".into())),
            (
                "title en",
                Box::new(|s| s.title_en = "Digital Guide".into()),
            ),
            (
                "organisation",
                Box::new(|s| s.organisation = "Stadt Minden".into()),
            ),
            ("place", Box::new(|s| s.place = "Minden".into())),
            ("wording", Box::new(|s| s.wording_de = "hat".into())),
            ("wording en", Box::new(|s| s.wording_en = "has".into())),
            (
                "signatory",
                Box::new(|s| s.signatory_name = "Anna Beispiel".into()),
            ),
            (
                "signatory title",
                Box::new(|s| s.signatory_title = "Bürgermeisterin".into()),
            ),
            ("logo", Box::new(|s| s.logo_sha256 = Some("ab".into()))),
            ("program", Box::new(|s| s.program_code = "DCM".into())),
            ("version", Box::new(|s| s.version = 2)),
        ];
        for (what, change) in changes {
            let mut t = s.clone();
            change(&mut t);
            assert_ne!(verification_code(b"secret-one", &t), s.code, "{what}");
            assert!(!code_matches(b"secret-one", &t), "{what} still verifies");
        }
        // The code field itself is not part of the hash.
        let mut t = s.clone();
        t.code = "0000".into();
        assert_eq!(verification_code(b"secret-one", &t), s.code);
    }

    #[test]
    fn a_different_secret_gives_a_different_code() {
        let s = sample();
        assert_ne!(verification_code(b"secret-two", &s), s.code);
        assert!(!code_matches(b"secret-two", &s));
        assert_ne!(new_secret(), new_secret());
    }

    #[test]
    fn typed_codes_are_normalized() {
        let cases = [
            ("K7QM3XHP9TRD", Some("K7QM3XHP9TRD")),
            ("k7qm-3xhp-9trd", Some("K7QM3XHP9TRD")),
            ("  K7QM 3XHP 9TRD ", Some("K7QM3XHP9TRD")),
            ("K7QM-3XHP-9TRO", Some("K7QM3XHP9TR0")),
            ("Kiql-0000-0000", Some("K1Q100000000")),
            ("K1QL-0000-000", None),
            ("LOTSE:DL-2026-0007:K7QM-3XHP-9TRD", Some("K7QM3XHP9TRD")),
            ("K7QM-3XHP-9TR", None),
            ("K7QM-3XHP-9TRDX", None),
            ("K7QM-3XHP-9TRU", None),
            ("K7QM-3XHP-9TR!", None),
            ("", None),
            ("ÄÄÄÄÄÄÄÄÄÄÄÄ", None),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize_code(input).as_deref(), expected, "{input:?}");
        }
        assert_eq!(format_code("K7QM3XHP9TRD"), "K7QM-3XHP-9TRD");
        let s = sample();
        assert_eq!(normalize_code(&qr_payload(&s)), Some(s.code.clone()));
        assert_eq!(normalize_code(&format_code(&s.code)), Some(s.code));
    }
}
