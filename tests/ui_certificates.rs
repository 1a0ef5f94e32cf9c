//! Programs, issuing, printing, revoking and verifying certificates in the desktop app
//! (egui_kittest, headless).
//!
//! Each test builds the city of `tests/common` (two seminars, the program "DL" requiring
//! both, employees of whom the first few attended both) in a temporary database file,
//! then drives the real app over it with the same fixed "today" (21.11.2026).

#![cfg(feature = "gui")]

mod common;

mod common_ui;

use common_ui::{click_button, has_text, has_text_containing, settle, type_into, type_into_role};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use lotse::app::LotseApp;
use lotse::model::Requirement;
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

/// A database file with the test city: `n` employees, the first `eligible` of them
/// eligible for "DL". The first `issued` of those already hold their certificate.
fn city_db(n: usize, eligible: usize, issued: usize) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lotse.sqlite");
    let mut city = common::city_in(open_store(&path), n, eligible);
    if issued > 0 {
        service::certificates::issue(
            &mut city.store,
            city.program,
            &city.employees[..issued],
            &IssueOptions::on(common::d("2026-11-21")),
            &mut |_| true,
        )
        .expect("issue");
    }
    (dir, path)
}

/// The app over the database at `path`, in German, after its first data arrived.
fn app(path: &Path) -> Harness<'static, LotseApp> {
    common_ui::harness(open_store(path), [1280.0, 800.0])
}

/// Steps the UI until the print job has ended (at most 120 s), then until it is still.
fn wait_for_print(harness: &mut Harness<'_, LotseApp>) {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        harness.step();
        if !harness.state().is_printing() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "printing did not end within 120 s"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    settle(harness);
}

/// Ticks the certificate `serial` in the list.
fn select(harness: &mut Harness<'_, LotseApp>, serial: &str) {
    harness
        .get_by_role_and_label(Role::CheckBox, serial)
        .click();
    settle(harness);
}

/// The number of pages of the PDF at `path`.
fn page_count(path: &Path) -> usize {
    lopdf::Document::load(path)
        .expect("a readable PDF")
        .get_pages()
        .len()
}

#[test]
fn the_eligible_are_issued_in_one_batch_and_printed_into_one_pdf() {
    let (dir, path) = city_db(6, 4, 0);
    let mut harness = app(&path);
    click_button(&mut harness, "Programme");

    // The program list, and the four eligible (of six) for the selected program.
    assert!(has_text(&harness, "Digitallots:in"));
    assert!(has_text(
        &harness,
        "Digitallots:in – berechtigt, noch ohne Urkunde: 4"
    ));
    for i in 0..4 {
        assert!(
            has_text_containing(&harness, &format!("Weiß{i},")),
            "Weiß{i}"
        );
    }
    assert!(
        !has_text_containing(&harness, "Weiß4,"),
        "the not eligible are not listed"
    );
    // Everyone with progress, on request.
    harness
        .get_by_label("Alle aktiven Beschäftigten mit Fortschritt zeigen")
        .click();
    settle(&mut harness);
    assert!(has_text_containing(&harness, "Weiß5,"));
    assert!(has_text_containing(
        &harness,
        "Pflichtseminar „Grundlagen der digitalen Verwaltung“ fehlt"
    ));
    harness
        .get_by_label("Alle aktiven Beschäftigten mit Fortschritt zeigen")
        .click();
    settle(&mut harness);

    // The signatory comes from the settings and can be changed for this batch.
    let signatory = harness.get_by_role_and_label(Role::TextInput, "Unterzeichnende Person");
    assert_eq!(signatory.value().as_deref(), Some("Anke Müller-Weiß"));
    click_button(&mut harness, "4 Zertifikate ausstellen");
    settle(&mut harness);

    let store = open_store(&path);
    let certs = store.store().certificates().expect("read");
    assert_eq!(certs.len(), 4, "one certificate per eligible employee");
    let mut serials: Vec<&str> = certs.iter().map(|c| c.serial.as_str()).collect();
    serials.sort_unstable();
    assert_eq!(
        serials,
        [
            "DL-2026-0001",
            "DL-2026-0002",
            "DL-2026-0003",
            "DL-2026-0004"
        ]
    );
    assert!(certs.iter().all(|c| c.signatory_name == "Anke Müller-Weiß"));
    assert_eq!(
        harness.state().notice(),
        Some("4 Zertifikate ausgestellt: DL-2026-0001 bis DL-2026-0004.")
    );
    assert!(has_text(
        &harness,
        "Digitallots:in – berechtigt, noch ohne Urkunde: 0"
    ));

    // "Drucken …" offers exactly the issued ones; one merged PDF.
    click_button(&mut harness, "Drucken …");
    assert!(has_text(&harness, "Drucken: 4 Urkunden"));
    let pdf = dir.path().join("Urkunden.pdf");
    assert!(harness.state_mut().print_to(pdf.clone()));
    wait_for_print(&mut harness);
    assert_eq!(harness.state().printed_files(), Some(vec![pdf.clone()]));
    assert_eq!(page_count(&pdf), 4, "one page per certificate");
    assert!(has_text_containing(
        &harness,
        "4 Urkunden wurden in einer Datei gespeichert"
    ));
}

#[test]
fn a_program_with_requirements_is_defined_in_the_editor() {
    let (_dir, path) = city_db(4, 2, 0);
    let mut harness = app(&path);
    click_button(&mut harness, "Programme");
    click_button(&mut harness, "+ Programm anlegen");

    type_into(&mut harness, "Kürzel des Programms", "EA");
    type_into(&mut harness, "Präfix der Zertifikatsnummer", "EA");
    type_into(&mut harness, "Bezeichnung (männlich)", "E-Akte-Experte");
    // Saving without the other titles and without requirements shows what is missing.
    click_button(&mut harness, "Speichern");
    assert!(has_text(
        &harness,
        "„Bezeichnung (weiblich)“ darf nicht leer sein."
    ));
    assert!(has_text(
        &harness,
        "Ein Programm braucht mindestens eine Anforderung."
    ));
    assert!(
        open_store(&path)
            .store()
            .program_by_code("EA")
            .expect("read")
            .is_none()
    );

    type_into(&mut harness, "Bezeichnung (weiblich)", "E-Akte-Expertin");
    type_into(&mut harness, "Bezeichnung (neutral)", "E-Akte-Expert:in");
    type_into(&mut harness, "Bezeichnung (englisch)", "E-File Expert");
    type_into(&mut harness, "Gültigkeit in Monaten", "36");
    click_button(&mut harness, "+ Pflichtseminar");
    harness
        .get_by_role_and_label(Role::ComboBox, "Seminar")
        .click();
    settle(&mut harness);
    harness
        .get_by_label("DF-102 – E-Akte in der Praxis")
        .click();
    settle(&mut harness);
    click_button(&mut harness, "+ Stunden im Thema");
    click_button(&mut harness, "Speichern");

    let store = open_store(&path);
    let program = store
        .store()
        .program_by_code("EA")
        .expect("read")
        .expect("the program was saved");
    assert_eq!(program.titles.de_female, "E-Akte-Expertin");
    assert_eq!(program.validity_months, Some(36));
    let seminar = store
        .store()
        .seminar_by_code("DF-102")
        .expect("read")
        .expect("DF-102");
    assert_eq!(
        program.requirements,
        [
            Requirement::Seminar(seminar.id),
            Requirement::TopicHours {
                topic: "Digitale Verwaltung".into(),
                hours: 8.0
            }
        ]
    );
    assert_eq!(
        harness.state().notice(),
        Some("Das Programm EA wurde angelegt.")
    );
    // The two who attended both seminars (DF-102, and 8 h in the topic) are eligible.
    assert!(has_text(
        &harness,
        "E-Akte-Expert:in – berechtigt, noch ohne Urkunde: 2"
    ));
}

#[test]
fn a_certificate_is_revoked_with_a_reason_after_a_confirmation() {
    let (_dir, path) = city_db(3, 2, 2);
    let mut harness = app(&path);
    click_button(&mut harness, "Urkunden");
    assert!(has_text(&harness, "DL-2026-0001"));
    assert!(has_text(&harness, "DL-2026-0002"));

    select(&mut harness, "DL-2026-0001");
    click_button(&mut harness, "Widerrufen …");
    assert!(has_text(&harness, "Urkunde DL-2026-0001 widerrufen"));
    // No reason, no revocation.
    click_button(&mut harness, "Weiter …");
    assert!(has_text(&harness, "Bitte geben Sie einen Grund an."));
    type_into_role(
        &mut harness,
        Role::MultilineTextInput,
        "Grund",
        "irrtümlich ausgestellt",
    );
    click_button(&mut harness, "Weiter …");
    assert!(has_text_containing(
        &harness,
        "Urkunde DL-2026-0001 wirklich widerrufen?"
    ));
    let untouched = open_store(&path)
        .store()
        .certificate_by_serial("DL-2026-0001")
        .expect("read")
        .expect("cert");
    assert_eq!(
        untouched.revoked_on, None,
        "nothing before the confirmation"
    );
    click_button(&mut harness, "Ja, endgültig widerrufen");

    let cert = open_store(&path)
        .store()
        .certificate_by_serial("DL-2026-0001")
        .expect("read")
        .expect("cert");
    assert_eq!(cert.revoked_on, Some(common::d("2026-11-21")));
    assert_eq!(
        cert.revocation_reason.as_deref(),
        Some("irrtümlich ausgestellt")
    );
    assert_eq!(
        harness.state().notice(),
        Some("Die Urkunde DL-2026-0001 wurde widerrufen.")
    );
    assert!(
        has_text(&harness, "widerrufen"),
        "the list shows the status"
    );
    let other = open_store(&path)
        .store()
        .certificate_by_serial("DL-2026-0002")
        .expect("read")
        .expect("cert");
    assert_eq!(other.revoked_on, None, "only the selected one");
}

#[test]
fn a_code_typed_in_lower_case_with_dashes_verifies_as_valid() {
    let (_dir, path) = city_db(2, 1, 1);
    let code = open_store(&path)
        .store()
        .certificate_by_serial("DL-2026-0001")
        .expect("read")
        .expect("cert")
        .code;
    let typed = lotse::certificate::format_code(&code).to_lowercase();
    assert!(typed.contains('-'));
    let mut harness = app(&path);

    click_button(&mut harness, "Prüfcode prüfen …");
    type_into(&mut harness, "Prüfcode", &typed);
    click_button(&mut harness, "Prüfen");
    assert!(has_text(&harness, "Gültig – echtes Zertifikat"));
    assert!(has_text(&harness, "Jürgen Weiß0"));
    assert!(has_text(&harness, "DL-2026-0001"));
    assert!(has_text_containing(
        &harness,
        "Grundlagen der digitalen Verwaltung"
    ));

    // A code that belongs to no certificate.
    harness
        .get_by_role_and_label(Role::TextInput, "Prüfcode")
        .focus();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    settle(&mut harness);
    type_into(&mut harness, "Prüfcode", "ABCD-EFGH-JKMN");
    harness.key_press(egui::Key::Enter);
    settle(&mut harness);
    assert!(has_text_containing(&harness, "Unbekannt"));
    assert!(!has_text(&harness, "Jürgen Weiß0"));
}

#[test]
fn a_batch_print_can_be_cancelled_and_leaves_no_file() {
    let count = 300;
    let (dir, path) = city_db(count, count, count);
    let mut harness = app(&path);
    click_button(&mut harness, "Urkunden");
    harness.get_by_label("Alle angezeigten auswählen").click();
    settle(&mut harness);
    click_button(&mut harness, &format!("{count} drucken …"));
    assert!(has_text(&harness, &format!("Drucken: {count} Urkunden")));

    let pdf = dir.path().join("alle.pdf");
    assert!(harness.state_mut().print_to(pdf.clone()));
    // Wait until the pages are being rendered (300 pages take far longer than a few
    // frames), then cancel.
    let deadline = Instant::now() + Duration::from_secs(30);
    while harness.state().print_progress().is_none() {
        assert!(Instant::now() < deadline, "printing did not start");
        harness.step();
        std::thread::sleep(Duration::from_millis(2));
    }
    // Two frames for the window to take its new size, then the button is where it shows.
    harness.step();
    harness.step();
    assert!(harness.state().is_printing());
    harness
        .get_by_role_and_label(Role::Button, "Abbrechen")
        .click();
    harness.step();
    harness.step();
    assert!(
        has_text(&harness, "Wird abgebrochen …"),
        "the window says so while the job stops"
    );
    wait_for_print(&mut harness);

    assert!(has_text(&harness, "Das Drucken wurde abgebrochen."));
    assert_eq!(harness.state().printed_files(), None);
    assert!(!pdf.exists(), "a cancelled merged PDF is not left behind");
    // The window offers to start again.
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Erneut drucken …")
            .is_some()
    );
}

/// Certificates of the selection print in the order of the list, one page each.
#[test]
fn one_selected_certificate_prints_to_a_single_page() {
    let (dir, path) = city_db(3, 3, 3);
    let mut harness = app(&path);
    click_button(&mut harness, "Urkunden");
    select(&mut harness, "DL-2026-0002");
    click_button(&mut harness, "Drucken …");
    assert!(has_text_containing(&harness, "Drucken: DL-2026-0002"));
    let pdf = dir.path().join("eine.pdf");
    assert!(harness.state_mut().print_to(pdf.clone()));
    wait_for_print(&mut harness);
    assert_eq!(page_count(&pdf), 1);
    let text = pdf_text(&pdf);
    assert!(text.contains("DL-2026-0002"), "{text}");
}

/// The text of every page of the PDF at `path`.
fn pdf_text(path: &Path) -> String {
    let doc = lopdf::Document::load(path).expect("a readable PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).unwrap_or_default()
}

#[test]
fn pdfa_is_switched_off_in_the_settings_and_prints_accordingly() {
    let (dir, path) = city_db(2, 2, 2);
    let mut harness = app(&path);
    click_button(&mut harness, "Einstellungen");
    // The "Urkunden" tab of the settings (the navigation has a button of that name too).
    let tabs: Vec<_> = harness
        .get_all_by_role_and_label(Role::Button, "Urkunden")
        .collect();
    tabs.last().expect("the tab").click();
    settle(&mut harness);
    let check = "Als PDF/A-2b drucken (für die E-Akte)";
    assert!(service::settings::pdfa(&open_store(&path)).expect("read"));
    harness.get_by_label(check).click();
    settle(&mut harness);
    assert!(!service::settings::pdfa(&open_store(&path)).expect("read"));
    assert_eq!(
        harness.state().notice(),
        Some("Die Einstellung für PDF/A wurde gespeichert.")
    );

    // Printed now: a plain PDF, without the PDF/A metadata.
    harness
        .get_all_by_role_and_label(Role::Button, "Urkunden")
        .next()
        .expect("the navigation")
        .click();
    settle(&mut harness);
    select(&mut harness, "DL-2026-0001");
    click_button(&mut harness, "Drucken …");
    let pdf = dir.path().join("ohne-pdfa.pdf");
    assert!(harness.state_mut().print_to(pdf.clone()));
    wait_for_print(&mut harness);
    let doc = lopdf::Document::load(&pdf).expect("pdf");
    assert!(doc.catalog().expect("catalog").get(b"Metadata").is_err());
}

#[test]
fn the_settings_show_the_default_logo_until_one_is_chosen() {
    let (_dir, path) = city_db(1, 0, 0);
    let mut harness = app(&path);
    click_button(&mut harness, "Einstellungen");
    let tabs: Vec<_> = harness
        .get_all_by_role_and_label(Role::Button, "Urkunden")
        .collect();
    tabs.last().expect("the tab").click();
    settle(&mut harness);
    assert!(has_text_containing(&harness, "Standardlogo von Lotse"));
    assert!(has_text(&harness, "Eigenes Logo wählen …"));
    assert!(
        !has_text(&harness, "Standardlogo verwenden"),
        "nothing to go back from"
    );
}
