//! Signed certificates: an Ed25519 signature over what a certificate states, checkable
//! with the public key alone — no database, no server (the primitive of W3C Verifiable
//! Credentials and Open Badges 3.0).
//!
//! # The signed payload (the QR code of new certificates)
//! `LOTSE1.<base64url(body)>.<base64url(signature)>` (base64url without padding), where
//! `body` is this compact JSON object, keys in exactly this order:
//! `{"k":key id,"s":serial,"n":full name,"p":program title as printed (German),
//! "c":program code,"o":organisation,"i":issued on,"v":valid until or null}` —
//! dates `"YYYY-MM-DD"`. The signature is Ed25519 over the bytes
//! `lotse-signed-certificate\n` followed by the exact body bytes; a checker verifies those
//! bytes as they stand in the payload and only then reads the JSON.
//!
//! # Keys
//! A key's id is the first 16 hex characters (lower case) of SHA-256 of its 32-byte public
//! key. Public keys are exported as PEM `PUBLIC KEY` blocks (SubjectPublicKeyInfo), each
//! after a comment line `# Lotse key <id> …`; [`parse_public_keys`] reads such a file
//! (comments are ignored: the id is computed from the key itself).
//!
//! # The revocation list
//! A JSON file `{"format":"lotse-revocations-1","key":id,"payload":body,"signature":sig}`
//! where `payload` is a JSON text (a string) `{"generated_at":"YYYY-MM-DDTHH:MM:SS",
//! "revoked":[{"serial":…,"revoked_on":"YYYY-MM-DD"}, …]}` and `signature` is
//! base64url Ed25519 over `lotse-revocations\n` followed by the UTF-8 bytes of `payload`.

use chrono::{NaiveDate, NaiveDateTime};
use data_encoding::BASE64URL_NOPAD;
use ed25519_dalek::pkcs8::{DecodePublicKey, EncodePublicKey};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The start of a signed payload.
pub const PAYLOAD_PREFIX: &str = "LOTSE1.";
const CERTIFICATE_DOMAIN: &[u8] = b"lotse-signed-certificate\n";
const REVOCATIONS_DOMAIN: &[u8] = b"lotse-revocations\n";
const REVOCATIONS_FORMAT: &str = "lotse-revocations-1";

/// What a signed certificate states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedStatement {
    /// The id of the key that signed it.
    #[serde(rename = "k")]
    pub key_id: String,
    #[serde(rename = "s")]
    pub serial: String,
    #[serde(rename = "n")]
    pub name: String,
    /// The program title as printed (German form for the person).
    #[serde(rename = "p")]
    pub program: String,
    #[serde(rename = "c")]
    pub program_code: String,
    #[serde(rename = "o")]
    pub organisation: String,
    #[serde(rename = "i")]
    pub issued_on: NaiveDate,
    /// `None`: no expiry.
    #[serde(rename = "v")]
    pub valid_until: Option<NaiveDate>,
}

/// A key pair made from 32 secret bytes (see [`crate::certificate::new_secret`]).
pub fn signing_key(secret: &[u8; 32]) -> SigningKey {
    SigningKey::from_bytes(secret)
}

/// The key id of a 32-byte public key: 16 lower-case hex characters of its SHA-256.
pub fn key_id(public_key: &[u8]) -> String {
    Sha256::digest(public_key)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Signs `statement` with `key` (32 secret bytes); `statement.key_id` should be the key's
/// id. Returns the payload `LOTSE1.<body>.<signature>`.
pub fn sign_statement(secret: &[u8; 32], statement: &SignedStatement) -> String {
    // Strings and dates in a struct: serializing cannot fail.
    let body = serde_json::to_vec(statement).unwrap_or_default();
    let signature = signing_key(secret).sign(&[CERTIFICATE_DOMAIN, &body].concat());
    format!(
        "{PAYLOAD_PREFIX}{}.{}",
        BASE64URL_NOPAD.encode(&body),
        BASE64URL_NOPAD.encode(&signature.to_bytes())
    )
}

/// Whether `text` looks like a signed payload (it may still be forged or damaged).
pub fn is_signed_payload(text: &str) -> bool {
    text.trim().starts_with(PAYLOAD_PREFIX)
}

/// What checking a signed payload found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureCheck {
    /// Signed by the key with this id, among the keys given.
    Genuine(SignedStatement),
    /// Well formed, but no key given has its key id: signed elsewhere, or the key file is
    /// too old (carries the statement as claimed, unverified).
    UnknownKey(SignedStatement),
    /// The signature does not match the body: altered or forged (the statement as
    /// claimed, if it could be read).
    Invalid(Option<SignedStatement>),
    /// Not a signed payload at all.
    Malformed,
}

/// A public key with its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    pub key_id: String,
    pub bytes: [u8; 32],
}

impl PublicKey {
    /// The public key of 32 bytes, with its id; `None` if it is not a valid Ed25519 point.
    pub fn from_bytes(bytes: &[u8]) -> Option<PublicKey> {
        let bytes: [u8; 32] = bytes.try_into().ok()?;
        VerifyingKey::from_bytes(&bytes).ok()?;
        Some(PublicKey {
            key_id: key_id(&bytes),
            bytes,
        })
    }

    /// The public key of a secret key.
    pub fn of_secret(secret: &[u8; 32]) -> PublicKey {
        let bytes = signing_key(secret).verifying_key().to_bytes();
        PublicKey {
            key_id: key_id(&bytes),
            bytes,
        }
    }

    fn verifies(&self, domain: &[u8], message: &[u8], signature: &[u8]) -> bool {
        let Ok(key) = VerifyingKey::from_bytes(&self.bytes) else {
            return false;
        };
        let Ok(signature) = Signature::from_slice(signature) else {
            return false;
        };
        key.verify(&[domain, message].concat(), &signature).is_ok()
    }

    /// The key as a PEM `PUBLIC KEY` block (SubjectPublicKeyInfo), ending in a newline.
    pub fn to_pem(&self) -> String {
        VerifyingKey::from_bytes(&self.bytes)
            .ok()
            .and_then(|k| k.to_public_key_pem(Default::default()).ok())
            .unwrap_or_default()
    }
}

/// Checks `payload` against `keys`: genuine (with what it states), signed by a key not
/// among them, invalid, or no payload at all.
pub fn check_payload(payload: &str, keys: &[PublicKey]) -> SignatureCheck {
    let Some(rest) = payload.trim().strip_prefix(PAYLOAD_PREFIX) else {
        return SignatureCheck::Malformed;
    };
    let Some((body, signature)) = rest.split_once('.') else {
        return SignatureCheck::Malformed;
    };
    let (Ok(body), Ok(signature)) = (
        BASE64URL_NOPAD.decode(body.as_bytes()),
        BASE64URL_NOPAD.decode(signature.as_bytes()),
    ) else {
        return SignatureCheck::Malformed;
    };
    let statement: Option<SignedStatement> = serde_json::from_slice(&body).ok();
    let Some(statement) = statement else {
        // Unreadable: a signature over it from one of the keys would still be invalid data.
        return SignatureCheck::Invalid(None);
    };
    match keys.iter().find(|k| k.key_id == statement.key_id) {
        None => SignatureCheck::UnknownKey(statement),
        Some(key) if key.verifies(CERTIFICATE_DOMAIN, &body, &signature) => {
            SignatureCheck::Genuine(statement)
        }
        Some(_) => SignatureCheck::Invalid(Some(statement)),
    }
}

/// The PEM file of `keys`: for each a comment line `# Lotse key <id> (<note>)` and its
/// `PUBLIC KEY` block. `note` says e.g. when it was made and whether it is active.
pub fn public_keys_file(keys: &[(PublicKey, String)]) -> String {
    let mut text = String::from(
        "# Lotse: public keys for checking signed certificates (Ed25519, SubjectPublicKeyInfo).\n",
    );
    for (key, note) in keys {
        text.push_str(&format!("# Lotse key {} ({note})\n", key.key_id));
        text.push_str(&key.to_pem());
    }
    text
}

/// The public keys in a PEM text (every `PUBLIC KEY` block that is an Ed25519 key);
/// other lines are ignored.
pub fn parse_public_keys(text: &str) -> Vec<PublicKey> {
    const BEGIN: &str = "-----BEGIN PUBLIC KEY-----";
    const END: &str = "-----END PUBLIC KEY-----";
    let mut keys = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(BEGIN) {
        let Some(len) = rest[start..].find(END) else {
            break;
        };
        let block = &rest[start..start + len + END.len()];
        if let Ok(key) = VerifyingKey::from_public_key_pem(block)
            && let Some(key) = PublicKey::from_bytes(&key.to_bytes())
        {
            keys.push(key);
        }
        rest = &rest[start + len + END.len()..];
    }
    keys
}

/// One revoked certificate in a revocation list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revoked {
    pub serial: String,
    pub revoked_on: NaiveDate,
}

/// What a revocation list says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevocationList {
    pub generated_at: NaiveDateTime,
    pub revoked: Vec<Revoked>,
}

impl RevocationList {
    /// The day `serial` was revoked, if the list names it (case-insensitive).
    pub fn revoked_on(&self, serial: &str) -> Option<NaiveDate> {
        self.revoked
            .iter()
            .find(|r| r.serial.eq_ignore_ascii_case(serial.trim()))
            .map(|r| r.revoked_on)
    }
}

#[derive(Serialize, Deserialize)]
struct RevocationFile {
    format: String,
    key: String,
    payload: String,
    signature: String,
}

/// The signed revocation list file (pretty JSON, see the module docs).
pub fn sign_revocations(secret: &[u8; 32], list: &RevocationList) -> String {
    let payload = serde_json::to_string(&RevocationListJson::from(list)).unwrap_or_default();
    let signature = signing_key(secret).sign(&[REVOCATIONS_DOMAIN, payload.as_bytes()].concat());
    let file = RevocationFile {
        format: REVOCATIONS_FORMAT.into(),
        key: PublicKey::of_secret(secret).key_id,
        payload,
        signature: BASE64URL_NOPAD.encode(&signature.to_bytes()),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
}

/// The list as written: the moment without fractions of a second.
#[derive(Serialize)]
struct RevocationListJson<'a> {
    generated_at: String,
    revoked: &'a [Revoked],
}

impl<'a> From<&'a RevocationList> for RevocationListJson<'a> {
    fn from(list: &'a RevocationList) -> Self {
        RevocationListJson {
            generated_at: list.generated_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
            revoked: &list.revoked,
        }
    }
}

/// The revocation list in `text` if it is one, signed by one of `keys`; `None` if it is
/// no revocation list, altered, or signed by another key.
pub fn check_revocations(text: &str, keys: &[PublicKey]) -> Option<RevocationList> {
    let file: RevocationFile = serde_json::from_str(text).ok()?;
    if file.format != REVOCATIONS_FORMAT {
        return None;
    }
    let key = keys.iter().find(|k| k.key_id == file.key)?;
    let signature = BASE64URL_NOPAD.decode(file.signature.as_bytes()).ok()?;
    if !key.verifies(REVOCATIONS_DOMAIN, file.payload.as_bytes(), &signature) {
        return None;
    }
    serde_json::from_str(&file.payload).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement(key: &PublicKey) -> SignedStatement {
        SignedStatement {
            key_id: key.key_id.clone(),
            serial: "DL-2026-0007".into(),
            name: "Erika Mustermann".into(),
            program: "Digitallotsin".into(),
            program_code: "DL".into(),
            organisation: "Stadt Porta Westfalica".into(),
            issued_on: NaiveDate::from_ymd_opt(2026, 11, 21).expect("date"),
            valid_until: NaiveDate::from_ymd_opt(2028, 11, 21),
        }
    }

    #[test]
    fn a_payload_verifies_with_its_key_and_fails_when_changed() {
        let secret = [7u8; 32];
        let key = PublicKey::of_secret(&secret);
        let s = statement(&key);
        let payload = sign_statement(&secret, &s);
        assert!(payload.starts_with("LOTSE1."), "{payload}");
        assert!(payload.len() < 320, "{} characters", payload.len());
        assert_eq!(
            check_payload(&payload, std::slice::from_ref(&key)),
            SignatureCheck::Genuine(s.clone())
        );
        // One character of the body or of the signature changed.
        let body_at = PAYLOAD_PREFIX.len() + 60; // in the name
        let sig_at = payload.len() - 5;
        for at in [body_at, sig_at] {
            let mut bytes = payload.clone().into_bytes();
            bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
            let changed = String::from_utf8(bytes).expect("ascii");
            assert!(
                matches!(
                    check_payload(&changed, std::slice::from_ref(&key)),
                    SignatureCheck::Invalid(_) | SignatureCheck::Malformed
                ),
                "{changed}"
            );
        }
        // Another key with the same id claimed: invalid.
        let other = PublicKey {
            key_id: key.key_id.clone(),
            bytes: PublicKey::of_secret(&[8u8; 32]).bytes,
        };
        assert!(matches!(
            check_payload(&payload, &[other]),
            SignatureCheck::Invalid(_)
        ));
        assert_eq!(
            check_payload(&payload, &[PublicKey::of_secret(&[8u8; 32])]),
            SignatureCheck::UnknownKey(s)
        );
        assert_eq!(
            check_payload("LOTSE:DL-2026-0007:K7QM-3XHP-9TRD", &[key]),
            SignatureCheck::Malformed
        );
    }

    #[test]
    fn public_keys_round_trip_through_pem() {
        let a = PublicKey::of_secret(&[1u8; 32]);
        let b = PublicKey::of_secret(&[2u8; 32]);
        let file = public_keys_file(&[(a.clone(), "active".into()), (b.clone(), "old".into())]);
        assert!(file.contains(&format!("# Lotse key {} (active)", a.key_id)));
        assert_eq!(file.matches("BEGIN PUBLIC KEY").count(), 2);
        assert_eq!(parse_public_keys(&file), vec![a.clone(), b]);
        assert_eq!(a.key_id.len(), 16);
        assert!(parse_public_keys("no keys here").is_empty());
    }

    #[test]
    fn a_revocation_list_verifies_and_refuses_changes() {
        let secret = [3u8; 32];
        let key = PublicKey::of_secret(&secret);
        let list = RevocationList {
            generated_at: NaiveDate::from_ymd_opt(2026, 11, 21)
                .and_then(|d| d.and_hms_opt(10, 0, 0))
                .expect("time"),
            revoked: vec![Revoked {
                serial: "DL-2026-0002".into(),
                revoked_on: NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"),
            }],
        };
        let file = sign_revocations(&secret, &list);
        let read = check_revocations(&file, std::slice::from_ref(&key)).expect("verifies");
        assert_eq!(read, list);
        assert!(read.revoked_on("dl-2026-0002").is_some());
        assert!(read.revoked_on("DL-2026-0003").is_none());
        let tampered = file.replace("DL-2026-0002", "DL-2026-0003");
        assert!(check_revocations(&tampered, std::slice::from_ref(&key)).is_none());
        assert!(check_revocations(&file, &[PublicKey::of_secret(&[4u8; 32])]).is_none());
    }
}
