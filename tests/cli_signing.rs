//! Signed certificates through the real binary: `lotse keys list|rotate|export`,
//! `lotse verify TEXT --public-key FILE [--revocations FILE]` without a database,
//! `lotse export revocations|verify-page`, and that the private key never shows.

mod common;

use std::path::{Path, PathBuf};

use common::{city_in, d, lotse};
use lotse::service::Database;
use lotse::service::certificates;
use lotse::store::Read;
use predicates::prelude::*;

/// Three employees, all eligible for DL.
fn db(dir: &Path) -> PathBuf {
    let path = common::db_target(dir);
    drop(city_in(Database::open(&path).unwrap(), 3, 3));
    path
}

fn open(db: &Path) -> Database {
    Database::open(db).unwrap()
}

fn payload(db: &Path, serial: &str) -> String {
    open(db)
        .store()
        .certificate_by_serial(serial)
        .unwrap()
        .unwrap()
        .signed_payload
        .unwrap()
}

/// `lotse` without any database: `--db` names a file that does not exist.
fn lotse_without_db(dir: &Path) -> assert_cmd::Command {
    lotse(&dir.join("gibt-es-nicht.sqlite"))
}

#[test]
fn a_certificate_verifies_with_the_exported_key_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(dir.path());
    let log = dir.path().join("lotse.log");
    lotse(&db)
        .env("LOTSE_LOG_FILE", &log)
        .args(["issue", "--program", "DL", "--employee", "0001", "0002"])
        .assert()
        .success();
    let keys = dir.path().join("lotse-schluessel.pem");
    lotse(&db)
        .env("LOTSE_LOG_FILE", &log)
        .args(["keys", "export", "-o"])
        .arg(&keys)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "1 öffentlicher Schlüssel wurde in",
        ));
    let pem = std::fs::read_to_string(&keys).unwrap();
    assert!(pem.contains("-----BEGIN PUBLIC KEY-----"), "{pem}");
    assert!(!pem.contains("PRIVATE"), "{pem}");

    let text = payload(&db, "DL-2026-0001");
    lotse_without_db(dir.path())
        .args(["verify", &text, "--public-key"])
        .arg(&keys)
        .assert()
        .success()
        .stdout(predicate::str::contains("Echt – die Signatur ist gültig"))
        .stdout(predicate::str::contains("DL-2026-0001"))
        .stdout(predicate::str::contains("Jürgen Weiß0"))
        .stdout(predicate::str::contains("Digitallotse (DL)"))
        .stdout(predicate::str::contains("21.11.2028"))
        .stdout(predicate::str::contains("Widerruf nicht geprüft"));
    assert!(!dir.path().join("gibt-es-nicht.sqlite").exists());

    // A changed byte of the signature: not genuine, exit code 1.
    let mut changed = text.clone().into_bytes();
    let at = changed.len() - 2;
    changed[at] = if changed[at] == b'A' { b'B' } else { b'A' };
    let changed = String::from_utf8(changed).unwrap();
    lotse_without_db(dir.path())
        .args(["verify", &changed, "--public-key"])
        .arg(&keys)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Nicht echt"));

    // With the database: the signature and the stored certificate.
    lotse(&db)
        .env("LOTSE_LOG_FILE", &log)
        .args(["verify", &text])
        .assert()
        .success()
        .stdout(predicate::str::contains("Gültig"))
        .stdout(predicate::str::contains("Signatur gültig (Schlüssel"));
    lotse(&db).args(["verify", &changed]).assert().failure();

    // A key file without keys is refused with a message.
    let empty = dir.path().join("leer.pem");
    std::fs::write(&empty, "# nichts\n").unwrap();
    lotse_without_db(dir.path())
        .args(["verify", &text, "--public-key"])
        .arg(&empty)
        .assert()
        .failure()
        .stderr(predicate::str::contains("keinen öffentlichen Schlüssel"));

    // The private key is in neither the key file nor the log.
    let (_, private) = open(&db).store().active_signing_key().unwrap().unwrap();
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(logged.contains("signing key"), "{logged}");
    for form in [
        data_encoding::HEXLOWER.encode(&private),
        data_encoding::BASE64.encode(&private),
        data_encoding::BASE64URL_NOPAD.encode(&private),
    ] {
        assert!(!pem.contains(&form));
        assert!(!logged.contains(&form));
    }
}

#[test]
fn after_rotation_both_generations_verify_and_revocations_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(dir.path());
    lotse(&db)
        .args(["issue", "--program", "DL", "--employee", "0001", "0002"])
        .assert()
        .success();
    lotse(&db)
        .args(["keys", "rotate"])
        .assert()
        .success()
        .stdout(predicate::str::contains("ist aktiv"));
    lotse(&db)
        .args(["issue", "--program", "DL", "--employee", "0003"])
        .assert()
        .success();
    let out = lotse(&db)
        .args(["keys", "list", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let listed: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0]["active"], false);
    assert!(listed[0]["retired_at"].is_string());
    assert_eq!(listed[1]["active"], true);
    lotse(&db)
        .args(["keys", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            listed[0]["key_id"].as_str().unwrap(),
        ))
        .stdout(predicate::str::contains("2 Zeilen"));

    let keys = dir.path().join("keys.pem");
    lotse(&db)
        .args(["keys", "export", "-o"])
        .arg(&keys)
        .assert()
        .success();
    let new_key = listed[1]["key_id"].as_str().unwrap();
    for (serial, key) in [
        ("DL-2026-0001", listed[0]["key_id"].as_str().unwrap()),
        ("DL-2026-0003", new_key),
    ] {
        lotse_without_db(dir.path())
            .args(["verify", &payload(&db, serial), "--public-key"])
            .arg(&keys)
            .assert()
            .success()
            .stdout(predicate::str::contains(format!("Schlüssel {key}")));
    }

    // Revoke the second; the list says so.
    let mut database = open(&db);
    let second = database
        .store()
        .certificate_by_serial("DL-2026-0002")
        .unwrap()
        .unwrap();
    certificates::revoke(&mut database, second.id, d("2026-11-21"), "Irrtum").unwrap();
    drop(database);
    let list = dir.path().join("widerrufe.json");
    lotse(&db)
        .args(["export", "revocations", "-o"])
        .arg(&list)
        .assert()
        .success()
        .stdout(predicate::str::contains("mit 1 widerrufenen Urkunde"));
    let revoked = payload(&db, "DL-2026-0002");
    lotse_without_db(dir.path())
        .args(["verify", &revoked, "--public-key"])
        .arg(&keys)
        .arg("--revocations")
        .arg(&list)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Widerrufen am 21.11.2026"));
    lotse_without_db(dir.path())
        .args(["verify", &payload(&db, "DL-2026-0001"), "--public-key"])
        .arg(&keys)
        .arg("--revocations")
        .arg(&list)
        .assert()
        .success()
        .stdout(predicate::str::contains("Widerruf nicht geprüft").not());
    // A tampered list is refused.
    let tampered = dir.path().join("gefaelscht.json");
    std::fs::write(
        &tampered,
        std::fs::read_to_string(&list)
            .unwrap()
            .replace("DL-2026-0002", "DL-2026-0009"),
    )
    .unwrap();
    lotse_without_db(dir.path())
        .args(["verify", &revoked, "--public-key"])
        .arg(&keys)
        .arg("--revocations")
        .arg(&tampered)
        .assert()
        .failure()
        .stderr(predicate::str::contains("Widerrufsliste ist nicht echt"));

    // The check page, with both keys in it.
    let page = dir.path().join("pruefen.html");
    lotse(&db)
        .args(["export", "verify-page", "-o"])
        .arg(&page)
        .assert()
        .success()
        .stdout(predicate::str::contains("Prüfseite wurde in"));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains(new_key));
    assert!(html.contains(listed[0]["key_id"].as_str().unwrap()));
}

/// A certificate from before signing (no signed payload) keeps its code, QR text and
/// verification as before. SQLite only: the test clears the column directly.
#[test]
fn an_unsigned_certificate_still_verifies_as_before() {
    if std::env::var("LOTSE_TEST_BACKEND").as_deref() == Ok("postgres") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = db(dir.path());
    lotse(&db)
        .args(["issue", "--program", "DL", "--employee", "0001"])
        .assert()
        .success();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE certificate SET signed_payload = NULL", [])
        .unwrap();
    drop(conn);
    let cert = open(&db)
        .store()
        .certificate_by_serial("DL-2026-0001")
        .unwrap()
        .unwrap();
    assert_eq!(cert.signed_payload, None);
    let grouped = lotse::certificate::format_code(&cert.code);
    for text in [grouped.clone(), format!("LOTSE:DL-2026-0001:{grouped}")] {
        lotse(&db)
            .args(["verify", &text])
            .assert()
            .success()
            .stdout(predicate::str::contains("Gültig"))
            .stdout(predicate::str::contains("Signatur").not());
    }
    let pdf = dir.path().join("alt.pdf");
    lotse(&db)
        .args(["print", "DL-2026-0001", "-o"])
        .arg(&pdf)
        .assert()
        .success();
    assert!(pdf.exists());
}
