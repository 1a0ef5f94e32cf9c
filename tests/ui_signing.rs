//! Signed certificates in the desktop app (egui_kittest, headless): *Urkunde prüfen* takes
//! the signed QR text and names the key; *Einstellungen → Urkunden* shows the active key
//! and the exports for checking without Lotse.

#![cfg(feature = "gui")]

mod common;

mod common_ui;

use common_ui::{click_button, has_text, has_text_containing, settle, type_into};
use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use lotse::app::LotseApp;
use lotse::service;
use lotse::service::Database;
use lotse::service::certificates::IssueOptions;
use lotse::store::{FixedClock, Read};
use tempfile::TempDir;

fn open_store(path: &Path) -> Database {
    Database::open(path)
        .expect("open store")
        .with_clock(FixedClock::on(common::d("2026-11-21")))
}

/// The test city with one certificate issued.
fn city_db() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lotse.sqlite");
    let mut city = common::city_in(open_store(&path), 2, 1);
    service::certificates::issue(
        &mut city.store,
        city.program,
        &city.employees[..1],
        &IssueOptions::on(common::d("2026-11-21")),
        &mut |_| true,
    )
    .expect("issue");
    (dir, path)
}

fn app(path: &Path) -> Harness<'static, LotseApp> {
    common_ui::harness(open_store(path), [1280.0, 800.0])
}

#[test]
fn the_signed_qr_text_verifies_and_names_its_key() {
    let (_dir, path) = city_db();
    let db = open_store(&path);
    let payload = db
        .store()
        .certificate_by_serial("DL-2026-0001")
        .expect("read")
        .expect("cert")
        .signed_payload
        .expect("signed");
    let key = service::certificates::signing::active_key_id(&db)
        .expect("read")
        .expect("a key");
    drop(db);
    let mut harness = app(&path);
    click_button(&mut harness, "Prüfcode prüfen …");
    type_into(&mut harness, "Prüfcode", &payload);
    click_button(&mut harness, "Prüfen");
    assert!(has_text(&harness, "Gültig – echtes Zertifikat"));
    assert!(has_text(
        &harness,
        &format!("Signatur gültig (Schlüssel {key})")
    ));
    assert!(has_text(&harness, "Jürgen Weiß0"));

    // The same text with the signature changed: not genuine, no key named.
    let mut forged = payload.into_bytes();
    let at = forged.len() - 3;
    forged[at] = if forged[at] == b'A' { b'B' } else { b'A' };
    let forged = String::from_utf8(forged).expect("ascii");
    harness
        .get_by_role_and_label(Role::TextInput, "Prüfcode")
        .focus();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    settle(&mut harness);
    type_into(&mut harness, "Prüfcode", &forged);
    harness.key_press(egui::Key::Enter);
    settle(&mut harness);
    assert!(!has_text(&harness, "Gültig – echtes Zertifikat"));
    assert!(!has_text_containing(&harness, "Signatur gültig"));
}

#[test]
fn the_certificate_settings_show_the_active_key_and_the_exports() {
    let (_dir, path) = city_db();
    let key = service::certificates::signing::active_key_id(&open_store(&path))
        .expect("read")
        .expect("a key");
    let mut harness = app(&path);
    click_button(&mut harness, "Einstellungen");
    let tabs: Vec<_> = harness
        .get_all_by_role_and_label(Role::Button, "Urkunden")
        .collect();
    tabs.last().expect("the tab").click();
    settle(&mut harness);
    assert!(has_text(&harness, "Fälschungssichere Urkunden"));
    assert!(has_text(&harness, &format!("Aktiver Schlüssel: {key}")));
    for button in [
        "Öffentliche Schlüssel exportieren …",
        "Prüfseite exportieren …",
        "Widerrufsliste exportieren …",
    ] {
        assert!(
            harness
                .query_by_role_and_label(Role::Button, button)
                .is_some(),
            "{button}"
        );
    }
}
