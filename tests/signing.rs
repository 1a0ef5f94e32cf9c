//! Signed certificates through the services: every new certificate carries a signed payload
//! that verifies with the exported public keys alone; changes, other keys, rotation, the
//! revocation list, corrections, and that the private key never leaves the database.
//! Runs against SQLite and, with `LOTSE_TEST_BACKEND=postgres`, PostgreSQL.

mod common;
mod common_pdf;

use common::{city, d, issue, signed_payload};
use lotse::certificate::signed::{self, SignatureCheck};
use lotse::model::Salutation;
use lotse::service::certificates::signing::{self, OfflineCheck};
use lotse::service::certificates::{self, Correction, Verification};
use lotse::store::Read;

/// `text` with the character at `at` replaced by another base64url character.
fn changed_at(text: &str, at: usize) -> String {
    let mut bytes = text.as_bytes().to_vec();
    bytes[at] = if bytes[at] == b'Q' { b'R' } else { b'Q' };
    String::from_utf8(bytes).unwrap()
}

#[test]
fn a_new_certificate_verifies_with_the_exported_key_and_no_database() {
    let mut c = city(3, 2);
    let issued = issue(&mut c, &[0, 1]);
    let text = signed_payload(&c, &issued[1].serial);
    assert!(text.starts_with("LOTSE1."), "{text}");
    let keys = signing::public_keys_text(&mut c.store).unwrap();
    assert_eq!(signed::parse_public_keys(&keys).len(), 1);

    let today = d("2026-11-21");
    match signing::check_offline(&text, &keys, None, today).unwrap() {
        OfflineCheck::Genuine {
            statement,
            expired,
            revoked_on,
        } => {
            assert_eq!(statement.serial, issued[1].serial);
            assert_eq!(statement.name, "Bärbel Weiß1");
            assert_eq!(statement.program, "Digitallotsin");
            assert_eq!(statement.program_code, "DL");
            assert_eq!(statement.organisation, "Stadt Porta Westfalica");
            assert_eq!(statement.issued_on, today);
            assert_eq!(statement.valid_until, Some(d("2028-11-21")));
            assert!(!expired);
            assert_eq!(revoked_on, None);
        }
        other => panic!("{other:?}"),
    }
    // Expired on a later day.
    let later = signing::check_offline(&text, &keys, None, d("2028-11-22")).unwrap();
    assert!(matches!(later, OfflineCheck::Genuine { expired: true, .. }));
    assert!(!later.is_valid());

    // A changed byte of the body or of the signature.
    // (in the name; a changed key id would make it "signed by an unknown key")
    let body_at = "LOTSE1.".len() + 60;
    for at in [body_at, text.len() - 3] {
        let changed = changed_at(&text, at);
        assert_eq!(
            signing::check_offline(&changed, &keys, None, today).unwrap(),
            OfflineCheck::NotGenuine,
            "{changed}"
        );
        let with_db = signing::check(&c.store, &changed, today).unwrap();
        assert!(!with_db.verification.is_valid());
        assert_eq!(with_db.signed_by, None);
    }

    // The name changed in the body, the signature kept.
    let parts: Vec<&str> = text.split('.').collect();
    let b64 = data_encoding::BASE64URL_NOPAD;
    let body = String::from_utf8(b64.decode(parts[1].as_bytes()).unwrap()).unwrap();
    let forged = body.replace("Bärbel", "Barbara");
    assert_ne!(forged, body);
    let forged = format!("LOTSE1.{}.{}", b64.encode(forged.as_bytes()), parts[2]);
    assert_eq!(
        signing::check_offline(&forged, &keys, None, today).unwrap(),
        OfflineCheck::NotGenuine
    );
    assert_eq!(
        signing::check(&c.store, &forged, today)
            .unwrap()
            .verification
            .status_code(),
        "altered"
    );

    // With the database: the signature and the stored certificate.
    let checked = signing::check(&c.store, &text, today).unwrap();
    assert!(checked.verification.is_valid(), "{checked:?}");
    let key = signing::active_key_id(&c.store).unwrap().unwrap();
    assert_eq!(checked.signed_by.as_deref(), Some(key.as_str()));

    // Signed by another database's key: not known here.
    let mut other = city(1, 1);
    let theirs = issue(&mut other, &[0]);
    let foreign = signed_payload(&other, &theirs[0].serial);
    assert!(matches!(
        signing::check_offline(&foreign, &keys, None, today).unwrap(),
        OfflineCheck::UnknownKey(_)
    ));
    assert!(
        !signing::check(&c.store, &foreign, today)
            .unwrap()
            .verification
            .is_valid()
    );
}

#[test]
fn a_revoked_certificate_is_still_genuine_but_not_valid() {
    let mut c = city(3, 3);
    let issued = issue(&mut c, &[0, 1, 2]);
    let today = d("2026-11-21");
    certificates::revoke(&mut c.store, issued[1].id, today, "Irrtum").unwrap();
    let keys = signing::public_keys_text(&mut c.store).unwrap();
    let (list, count) = signing::revocation_list(&mut c.store).unwrap();
    assert_eq!(count, 1);

    let revoked = signed_payload(&c, &issued[1].serial);
    let check = signing::check_offline(&revoked, &keys, Some(&list), today).unwrap();
    assert!(
        matches!(check, OfflineCheck::Genuine { revoked_on: Some(on), .. } if on == today),
        "{check:?}"
    );
    assert!(!check.is_valid());
    let fine = signed_payload(&c, &issued[0].serial);
    assert!(
        signing::check_offline(&fine, &keys, Some(&list), today)
            .unwrap()
            .is_valid()
    );
    // The database says so too.
    let with_db = signing::check(&c.store, &revoked, today).unwrap();
    assert_eq!(with_db.verification.status_code(), "revoked");

    // A list with a serial taken out (or signed by another key) is refused.
    let tampered = list.replace(&issued[1].serial, "DL-2026-9999");
    assert_ne!(tampered, list);
    assert!(signing::check_offline(&revoked, &keys, Some(&tampered), today).is_err());
    let mut other = city(1, 1);
    let (foreign_list, _) = signing::revocation_list(&mut other.store).unwrap();
    assert!(signing::check_offline(&revoked, &keys, Some(&foreign_list), today).is_err());
}

#[test]
fn after_rotation_old_and_new_certificates_verify_with_the_key_file() {
    let mut c = city(2, 2);
    let first = issue(&mut c, &[0]);
    let old_key = signing::active_key_id(&c.store).unwrap().unwrap();
    let new_key = signing::rotate(&mut c.store).unwrap();
    assert_ne!(old_key, new_key);
    let second = issue(&mut c, &[1]);

    let listed = signing::keys(&c.store).unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].key_id, old_key);
    assert!(listed[0].retired_at.is_some());
    assert_eq!(listed[1].key_id, new_key);
    assert!(listed[1].retired_at.is_none());

    let keys = signing::public_keys_text(&mut c.store).unwrap();
    assert_eq!(signed::parse_public_keys(&keys).len(), 2);
    let today = d("2026-11-21");
    for (issued, key) in [(&first[0], &old_key), (&second[0], &new_key)] {
        let text = signed_payload(&c, &issued.serial);
        match signing::check_offline(&text, &keys, None, today).unwrap() {
            OfflineCheck::Genuine { statement, .. } => assert_eq!(&statement.key_id, key),
            other => panic!("{other:?}"),
        }
        let checked = signing::check(&c.store, &text, today).unwrap();
        assert!(checked.verification.is_valid());
        assert_eq!(checked.signed_by.as_ref(), Some(key));
    }
    // Only the old key: the new certificate cannot be checked with it.
    let parsed = signed::parse_public_keys(&keys);
    assert!(matches!(
        signed::check_payload(&signed_payload(&c, &second[0].serial), &parsed[..1]),
        SignatureCheck::UnknownKey(_)
    ));
    // Both the rotation and the first key are in the audit log.
    let audit = c.store.store().audit_entries(100).unwrap();
    let mut actions: Vec<_> = audit
        .iter()
        .filter(|a| a.entity == "signing_key")
        .map(|a| a.action.as_str())
        .collect();
    actions.sort();
    assert_eq!(actions, ["create", "rotate"]);
}

#[test]
fn a_correction_is_signed_with_the_corrected_name_and_reprints_the_same_qr() {
    let mut c = city(1, 1);
    let issued = issue(&mut c, &[0]);
    let new = certificates::correct(
        &mut c.store,
        issued[0].id,
        &Correction {
            first_name: "Jürgen".into(),
            last_name: "Weiss-Özdemir".into(),
            salutation: Salutation::Neutral,
            reason: "Name falsch geschrieben".into(),
        },
    )
    .unwrap();
    let text = signed_payload(&c, &new.serial);
    let keys = signing::public_keys_text(&mut c.store).unwrap();
    match signing::check_offline(&text, &keys, None, d("2026-11-21")).unwrap() {
        OfflineCheck::Genuine { statement, .. } => {
            assert_eq!(statement.name, "Jürgen Weiss-Özdemir");
            assert_eq!(statement.program, "Digitallots:in");
        }
        other => panic!("{other:?}"),
    }
    // The superseded one is genuine but superseded.
    let old = signing::check(
        &c.store,
        &signed_payload(&c, &issued[0].serial),
        d("2026-11-21"),
    )
    .unwrap();
    assert_eq!(old.verification.status_code(), "superseded");
    // Printing takes the stored payload: the same QR every time.
    let cert = certificates::by_serials(&c.store, std::slice::from_ref(&new.serial)).unwrap();
    let printables = certificates::printables(&c.store, cert).unwrap();
    assert_eq!(
        printables[0].snapshot.signed_payload.as_deref(),
        Some(text.as_str())
    );
    assert_eq!(
        lotse::certificate::qr_payload(&printables[0].snapshot),
        text
    );
}

#[test]
fn an_old_code_still_verifies_as_before() {
    let mut c = city(1, 1);
    let issued = issue(&mut c, &[0]);
    let cert = c
        .store
        .store()
        .certificate_by_serial(&issued[0].serial)
        .unwrap()
        .unwrap();
    let today = d("2026-11-21");
    let checked = signing::check(&c.store, &cert.code, today).unwrap();
    assert!(checked.verification.is_valid());
    assert_eq!(checked.signed_by, None);
    let qr = format!("LOTSE:{}:{}", cert.serial, cert.code);
    assert!(matches!(
        signing::check(&c.store, &qr, today).unwrap().verification,
        Verification::Genuine { .. }
    ));
}

#[test]
fn the_private_key_is_in_neither_the_key_file_nor_the_privacy_export() {
    let mut c = city(2, 2);
    issue(&mut c, &[0]);
    let (_, private) = c.store.store().active_signing_key().unwrap().unwrap();
    assert_eq!(private.len(), 32);
    let forms = [
        data_encoding::HEXLOWER.encode(&private),
        data_encoding::HEXUPPER.encode(&private),
        data_encoding::BASE64.encode(&private),
        data_encoding::BASE64URL_NOPAD.encode(&private),
    ];
    let keys = signing::public_keys_text(&mut c.store).unwrap();
    let page = signing::verify_page(&mut c.store).unwrap();
    let (list, _) = signing::revocation_list(&mut c.store).unwrap();
    for text in [&keys, &page, &list] {
        for form in &forms {
            assert!(!text.contains(form.as_str()));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("auskunft.zip");
    lotse::service::privacy::export(&c.store, c.employees[0], &zip_path, lotse::i18n::Lang::De)
        .unwrap();
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = format!("{:?}", entry.name());
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
        assert!(
            !bytes
                .windows(private.len())
                .any(|w| w == private.as_slice()),
            "{name}"
        );
        let text = String::from_utf8_lossy(&bytes);
        for form in &forms {
            assert!(!text.contains(form.as_str()), "{name}");
        }
        assert!(!text.contains("signing_key"), "{name}");
    }
}

/// The printed certificate carries the signed payload in a QR code large enough to scan
/// (modules of at least 0.35 mm, inside the margins, in both orientations), and the PDF
/// passes `qpdf --check`.
#[test]
fn the_printed_qr_code_holds_the_signed_payload_and_stays_scannable() {
    use lotse::certificate::{Orientation, RenderOptions, Shape, layout};
    let mut c = city(1, 1);
    let issued = issue(&mut c, &[0]);
    let certs =
        certificates::by_serials(&c.store, std::slice::from_ref(&issued[0].serial)).unwrap();
    let printables = certificates::printables(&c.store, certs).unwrap();
    let snapshot = &printables[0].snapshot;
    let mut unsigned = snapshot.clone();
    unsigned.signed_payload = None;
    for orientation in [Orientation::Portrait, Orientation::Landscape] {
        let options = RenderOptions {
            orientation,
            ..Default::default()
        };
        let page = layout(snapshot, None, &options).unwrap();
        let old = layout(&unsigned, None, &options).unwrap();
        assert!(page.qr.w > old.qr.w, "{orientation:?}: a larger code");
        assert!(page.qr.x >= page.content.x && page.qr.right() <= page.content.right() + 0.01);
        assert!(page.qr.bottom() <= page.content.bottom() + 0.01);
        let module = page
            .shapes
            .iter()
            .find_map(|s| match s {
                Shape::QrCode { module, size, .. } => Some((*module, *size)),
                _ => None,
            })
            .expect("a QR code");
        assert!(module.0 >= 0.35, "{orientation:?}: {module:?}");
        assert!(module.1 > 41, "the payload, not the short code: {module:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("urkunde.pdf");
    certificates::print(
        &printables,
        &RenderOptions::default(),
        &certificates::PrintTarget::File(pdf.clone()),
        &mut |_| true,
    )
    .unwrap();
    common_pdf::qpdf_check_file(&pdf);

    // Scanned for real: the page rendered at 150 dpi (a plain office scan) and read back
    // with zbar gives exactly the stored payload, where the tools are installed.
    let have = |tool: &str| {
        std::process::Command::new(tool)
            .arg("--version")
            .output()
            .is_ok()
    };
    if !(have("pdftoppm") && have("zbarimg")) {
        eprintln!("note: pdftoppm or zbarimg missing; the QR code was not scanned");
        return;
    }
    let png = dir.path().join("scan");
    let rendered = std::process::Command::new("pdftoppm")
        .args(["-r", "150", "-png", "-singlefile"])
        .arg(&pdf)
        .arg(&png)
        .status()
        .unwrap();
    assert!(rendered.success());
    let scanned = std::process::Command::new("zbarimg")
        .args(["-q", "--raw"])
        .arg(png.with_extension("png"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&scanned.stdout).trim(),
        snapshot.signed_payload.as_deref().unwrap(),
        "{}",
        String::from_utf8_lossy(&scanned.stderr)
    );
}

/// `migrate-to` carries the keys with the database: certificates verify in the copy with
/// the same key, and new ones there are signed with it.
#[test]
fn a_copy_of_the_database_keeps_its_signing_keys() {
    let mut c = city(2, 2);
    let issued = issue(&mut c, &[0]);
    signing::rotate(&mut c.store).unwrap();
    let keys = signing::keys(&c.store).unwrap();
    let text = signed_payload(&c, &issued[0].serial);
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("kopie.sqlite");
    lotse::service::migrate::copy_to(&c.store, &target).unwrap();
    let copy = lotse::service::Database::open(&target).unwrap();
    assert_eq!(signing::keys(&copy).unwrap(), keys);
    let checked = signing::check(&copy, &text, d("2026-11-21")).unwrap();
    assert!(checked.verification.is_valid(), "{checked:?}");
    assert_eq!(checked.signed_by.as_ref(), Some(&keys[0].key_id));
}

/// Erasing the holder (Art. 17) drops the signed payload, which names them; the printed
/// certificate still verifies in the database, "holder erased".
#[test]
fn erasing_the_holder_drops_the_signed_payload() {
    let mut c = city(1, 1);
    let issued = issue(&mut c, &[0]);
    let text = signed_payload(&c, &issued[0].serial);
    lotse::service::privacy::erase(
        &mut c.store,
        c.employees[0],
        lotse::service::privacy::ErasureMode::Anonymise,
    )
    .unwrap();
    let cert = c
        .store
        .store()
        .certificate_by_serial(&issued[0].serial)
        .unwrap()
        .unwrap();
    assert_eq!(cert.signed_payload, None);
    let checked = signing::check(&c.store, &text, d("2026-11-21")).unwrap();
    assert!(
        matches!(
            checked.verification,
            Verification::Genuine {
                holder_erased: true,
                ..
            }
        ),
        "{checked:?}"
    );
}
