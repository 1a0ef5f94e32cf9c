//! Signed certificates: the database's Ed25519 signing keys, the signed payload of each
//! new certificate, the public key file, the signed revocation list, the self-contained
//! check page, and checking a signed payload with or without the database.
//!
//! The key is made on first need (the first issue, or the first export of a key file,
//! revocation list or check page) inside that transaction, with an audit entry naming
//! only its key id. `rotate` retires the active key (it stays, so that certificates it
//! signed keep verifying) and makes a new one. The private key is read only here, to sign;
//! it is never printed, exported or logged — backups and `migrate-to` carry it as part of
//! the database. Formats: see [`crate::certificate::signed`].

use std::path::Path;

use chrono::NaiveDate;

use super::{Verification, verify};
use crate::certificate::signed::{
    self, PublicKey, RevocationList, Revoked, SignatureCheck, SignedStatement,
};
use crate::certificate::{CertificateSnapshot, new_secret};
use crate::error::{Error, Result};
use crate::i18n::{Arg, Lang, fmt_datetime, t, ta, tr_in};
use crate::service::Database;
use crate::store::{Read, SigningKeyInfo, Tx};

/// The active key's id and secret, made (with its audit entry) if there is none yet. Two
/// officers issuing their first certificates at once agree on one key: the second finds
/// the first one's.
pub(crate) fn active_key_in(tx: &Tx<'_>) -> Result<(String, [u8; 32])> {
    if let Some(found) = stored_active(tx)? {
        return Ok(found);
    }
    let secret = new_secret();
    let public = PublicKey::of_secret(&secret);
    if !tx.add_signing_key(&public.key_id, &public.bytes, &secret)? {
        return stored_active(tx)?
            .ok_or_else(|| Error::Backend("certificate signing key vanished".into()));
    }
    tx.audit(
        "signing_key",
        None,
        "create",
        &format!("certificate signing key {}", public.key_id),
    )?;
    log::info!("made certificate signing key {}", public.key_id);
    Ok((public.key_id, secret))
}

fn stored_active(tx: &Tx<'_>) -> Result<Option<(String, [u8; 32])>> {
    match tx.active_signing_key()? {
        Some((key_id, bytes)) => {
            let secret: [u8; 32] = bytes
                .as_slice()
                .try_into()
                .map_err(|_| Error::Backend(format!("signing key {key_id}: not 32 bytes")))?;
            Ok(Some((key_id, secret)))
        }
        None => Ok(None),
    }
}

/// The signed payload of a certificate with the printed fields of `snapshot`.
pub(crate) fn sign_snapshot(
    (key_id, secret): &(String, [u8; 32]),
    snapshot: &CertificateSnapshot,
) -> String {
    signed::sign_statement(
        secret,
        &SignedStatement {
            key_id: key_id.clone(),
            serial: snapshot.serial.clone(),
            name: snapshot.full_name(),
            program: snapshot.title_de.clone(),
            program_code: snapshot.program_code.clone(),
            organisation: snapshot.organisation.clone(),
            issued_on: snapshot.issued_on,
            valid_until: snapshot.valid_until,
        },
    )
}

/// Every signing key (public part), oldest first; empty before the first one is made.
pub fn keys(db: &Database) -> Result<Vec<SigningKeyInfo>> {
    db.store().signing_keys()
}

/// The active key's id, if one was made.
pub fn active_key_id(db: &Database) -> Result<Option<String>> {
    Ok(keys(db)?
        .into_iter()
        .find(|k| k.retired_at.is_none())
        .map(|k| k.key_id))
}

/// Makes a new active signing key and retires the old one (which stays for checking the
/// certificates it signed); returns the new key's id. Export the key file and the check
/// page again afterwards.
pub fn rotate(db: &mut Database) -> Result<String> {
    let key_id = db.store_mut().transact(|tx| {
        let retired = tx.active_signing_key()?.map(|(id, _)| id);
        tx.retire_signing_key()?;
        let secret = new_secret();
        let public = PublicKey::of_secret(&secret);
        if !tx.add_signing_key(&public.key_id, &public.bytes, &secret)? {
            return Err(Error::Backend(
                "a new signing key could not be stored".into(),
            ));
        }
        tx.audit(
            "signing_key",
            None,
            "rotate",
            &match &retired {
                Some(old) => format!("certificate signing key {} replaces {old}", public.key_id),
                None => format!("certificate signing key {}", public.key_id),
            },
        )?;
        Ok(public.key_id)
    })?;
    log::info!("rotated the certificate signing key: {key_id} is active");
    Ok(key_id)
}

/// Every public key (made now if there is none yet), with its note for the key file.
fn public_keys(db: &mut Database) -> Result<Vec<(PublicKey, String)>> {
    ensure_key(db)?;
    keys(db)?
        .into_iter()
        .map(|k| {
            let key = PublicKey::from_bytes(&k.public_key).ok_or_else(|| {
                Error::Backend(format!("signing key {}: not an Ed25519 key", k.key_id))
            })?;
            let note = match k.retired_at {
                None => format!("created {}, active", k.created_at.date()),
                Some(at) => format!("created {}, retired {}", k.created_at.date(), at.date()),
            };
            Ok((key, note))
        })
        .collect()
}

fn ensure_key(db: &mut Database) -> Result<()> {
    if active_key_id(db)?.is_none() {
        db.store_mut()
            .transact(|tx| active_key_in(tx).map(|_| ()))?;
    }
    Ok(())
}

/// The public key file's text: every key, active and retired, as PEM (see
/// [`signed::public_keys_file`]). Makes the first key if there is none yet.
pub fn public_keys_text(db: &mut Database) -> Result<String> {
    Ok(signed::public_keys_file(&public_keys(db)?))
}

/// Writes the public key file to `path`; returns how many keys it holds.
pub fn export_public_keys(db: &mut Database, path: &Path) -> Result<usize> {
    let keys = public_keys(db)?;
    crate::files::write_private(path, signed::public_keys_file(&keys).as_bytes())?;
    log::info!("exported {} public signing keys", keys.len());
    Ok(keys.len())
}

/// The signed revocation list: every revoked certificate with its day of revocation,
/// signed with the active key. Returns the file's text and how many it names.
pub fn revocation_list(db: &mut Database) -> Result<(String, usize)> {
    db.store_mut().transact(|tx| {
        let (_, secret) = active_key_in(tx)?;
        let mut revoked: Vec<Revoked> = tx
            .certificates()?
            .into_iter()
            .filter_map(|c| {
                c.revoked_on.map(|on| Revoked {
                    serial: c.serial,
                    revoked_on: on,
                })
            })
            .collect();
        revoked.sort_by(|a, b| a.serial.cmp(&b.serial));
        let count = revoked.len();
        let list = RevocationList {
            generated_at: tx.now(),
            revoked,
        };
        Ok((signed::sign_revocations(&secret, &list), count))
    })
}

/// Writes the signed revocation list to `path`; returns how many certificates it names.
pub fn export_revocations(db: &mut Database, path: &Path) -> Result<usize> {
    let (text, count) = revocation_list(db)?;
    crate::files::write_private(path, text.as_bytes())?;
    log::info!("exported the revocation list ({count} revoked)");
    Ok(count)
}

/// The check page's template: one HTML file with inline CSS and JavaScript.
const PAGE_TEMPLATE: &str = include_str!("../../../assets/verify-page.html");

/// The texts of the check page, in the order of [`PAGE_TEXT_KEYS`] (`sign-page-…`).
const PAGE_TEXT_KEYS: &[&str] = &[
    "title",
    "intro",
    "paste",
    "check",
    "revocations",
    "revocations-loaded",
    "revocations-bad",
    "revocations-none",
    "genuine",
    "not-genuine",
    "tampered",
    "unknown-key",
    "malformed",
    "no-ed25519",
    "revoked",
    "expired",
    "valid",
    "name",
    "program",
    "serial",
    "organisation",
    "issued-on",
    "valid-until",
    "no-expiry",
    "key",
    "status",
    "language",
];

/// The self-contained check page (`pruefen.html`): the public keys of this database and
/// the texts in German and English embedded; no network, no server.
pub fn verify_page(db: &mut Database) -> Result<String> {
    let keys: Vec<serde_json::Value> = public_keys(db)?
        .iter()
        .map(|(k, _)| {
            serde_json::json!({
                "id": k.key_id,
                "raw": data_encoding::BASE64.encode(&k.bytes),
            })
        })
        .collect();
    let texts = |lang: Lang| {
        PAGE_TEXT_KEYS
            .iter()
            .map(|key| {
                (
                    (*key).to_owned(),
                    serde_json::Value::from(tr_in(lang, &format!("sign-page-{key}"), &[])),
                )
            })
            .collect::<serde_json::Map<_, _>>()
    };
    let texts = serde_json::json!({ "de": texts(Lang::De), "en": texts(Lang::En) });
    // JSON in a script: "</" could end the script element early.
    let script_json = |v: &serde_json::Value| v.to_string().replace("</", "<\\/");
    let organisation = crate::service::settings::CertificateSettings::load(db.store())?
        .organisation
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    Ok(PAGE_TEMPLATE
        .replace(
            "\"__LOTSE_KEYS__\"",
            &script_json(&serde_json::Value::from(keys)),
        )
        .replace("\"__LOTSE_TEXTS__\"", &script_json(&texts))
        .replace("__LOTSE_ORGANISATION__", &organisation))
}

/// Writes the check page to `path`.
pub fn export_verify_page(db: &mut Database, path: &Path) -> Result<()> {
    let page = verify_page(db)?;
    crate::files::write_private(path, page.as_bytes())?;
    log::info!("exported the certificate check page");
    Ok(())
}

/// What checking a code or a signed payload with the database found.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub verification: Verification,
    /// For a signed payload whose signature is valid: the key id that signed it.
    pub signed_by: Option<String>,
}

/// Checks `input` with the database on `as_of`: an old code (or its QR text) as
/// [`verify`] does, or a signed payload — its signature against the database's keys, then
/// the certificate it names as stored (revoked, superseded, expired, altered).
pub fn check(db: &Database, input: &str, as_of: NaiveDate) -> Result<Checked> {
    if !signed::is_signed_payload(input) {
        return Ok(Checked {
            verification: verify(db, input, as_of)?,
            signed_by: None,
        });
    }
    let keys: Vec<PublicKey> = keys(db)?
        .iter()
        .filter_map(|k| PublicKey::from_bytes(&k.public_key))
        .collect();
    let statement = match signed::check_payload(input, &keys) {
        SignatureCheck::Genuine(statement) => statement,
        // Signed, but the signature does not match what it states: altered.
        SignatureCheck::Invalid(Some(s)) => {
            return Ok(Checked {
                verification: Verification::Altered { serial: s.serial },
                signed_by: None,
            });
        }
        // Signed by a key this database never had: not one of its certificates.
        SignatureCheck::UnknownKey(_)
        | SignatureCheck::Invalid(None)
        | SignatureCheck::Malformed => {
            return Ok(Checked {
                verification: Verification::Unknown,
                signed_by: None,
            });
        }
    };
    let Some(cert) = db.store().certificate_by_serial(&statement.serial)? else {
        return Ok(Checked {
            verification: Verification::Unknown,
            signed_by: None,
        });
    };
    // The stored payload is the one printed; a holder's erasure drops it.
    if cert
        .signed_payload
        .as_deref()
        .is_some_and(|stored| stored != input.trim())
    {
        return Ok(Checked {
            verification: Verification::Altered {
                serial: cert.serial,
            },
            signed_by: None,
        });
    }
    let verification = verify(db, &cert.code, as_of)?;
    let signed_by =
        matches!(verification, Verification::Genuine { .. }).then_some(statement.key_id);
    Ok(Checked {
        verification,
        signed_by,
    })
}

/// What checking a signed payload without the database found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfflineCheck {
    /// The signature is valid.
    Genuine {
        statement: SignedStatement,
        /// Past its "valid until" on the day checked.
        expired: bool,
        /// Named in the revocation list (if one was given): the day.
        revoked_on: Option<NaiveDate>,
    },
    /// Signed by a key the key file does not hold.
    UnknownKey(SignedStatement),
    /// Altered, forged, or not a signed payload at all.
    NotGenuine,
}

impl OfflineCheck {
    /// Genuine, not expired, not revoked.
    pub fn is_valid(&self) -> bool {
        matches!(
            self,
            OfflineCheck::Genuine {
                expired: false,
                revoked_on: None,
                ..
            }
        )
    }
}

/// Checks `payload` with the public keys in `keys_pem` alone (no database) on `today`;
/// with `revocations` (the text of a revocation list) also whether it was revoked. A key
/// file without keys, or a revocation list that is altered or signed by another key, is
/// refused with a message.
pub fn check_offline(
    payload: &str,
    keys_pem: &str,
    revocations: Option<&str>,
    today: NaiveDate,
) -> Result<OfflineCheck> {
    let keys = signed::parse_public_keys(keys_pem);
    if keys.is_empty() {
        return Err(Error::Message(t("sign-no-keys-in-file")));
    }
    let list = match revocations {
        Some(text) => Some(
            signed::check_revocations(text, &keys)
                .ok_or_else(|| Error::Message(t("sign-revocations-refused")))?,
        ),
        None => None,
    };
    Ok(match signed::check_payload(payload, &keys) {
        SignatureCheck::Genuine(statement) => OfflineCheck::Genuine {
            expired: statement.valid_until.is_some_and(|until| until < today),
            revoked_on: list.as_ref().and_then(|l| l.revoked_on(&statement.serial)),
            statement,
        },
        SignatureCheck::UnknownKey(statement) => OfflineCheck::UnknownKey(statement),
        SignatureCheck::Invalid(_) | SignatureCheck::Malformed => OfflineCheck::NotGenuine,
    })
}

/// A key's line for lists: "3f2a… · erstellt am 21.11.2026 14:30 · aktiv".
pub fn describe_key(key: &SigningKeyInfo) -> String {
    match key.retired_at {
        None => ta(
            "sign-key-active",
            &[
                ("key", Arg::from(&key.key_id)),
                ("created", Arg::from(fmt_datetime(key.created_at))),
            ],
        ),
        Some(at) => ta(
            "sign-key-retired",
            &[
                ("key", Arg::from(&key.key_id)),
                ("created", Arg::from(fmt_datetime(key.created_at))),
                ("retired", Arg::from(fmt_datetime(at))),
            ],
        ),
    }
}
