//! The desktop app driven through its accessibility tree (egui_kittest, headless).
//!
//! Each test builds the real app over a temporary database file with a fixed "today";
//! the database work runs on the app's worker thread, so [`settle`] steps the UI until
//! the worker has answered.

#![cfg(feature = "gui")]

mod common_ui;

use common_ui::{click_button, has_text, settle, temp_db, type_into};
use std::path::Path;

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use lotse::app::{LotseApp, Screen};
use lotse::i18n::Lang;
use lotse::model::{DepartmentId, DepartmentInput, EmployeeInput, Salutation};
use lotse::service;
use lotse::service::Database;
use lotse::store::{FixedClock, Read};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 15).expect("date")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn open_store(path: &Path) -> Database {
    Database::open(path)
        .expect("open store")
        .with_clock(FixedClock::on(today()))
}

fn add_department(
    store: &mut Database,
    code: &str,
    name: &str,
    parent: Option<DepartmentId>,
) -> DepartmentId {
    service::departments::add(
        store,
        &DepartmentInput {
            code: code.to_owned(),
            name: name.to_owned(),
            parent_id: parent,
        },
    )
    .expect("add department")
}

fn add_employee(
    store: &mut Database,
    number: &str,
    first: &str,
    last: &str,
    department: Option<DepartmentId>,
    exit: Option<NaiveDate>,
) {
    service::employees::add(
        store,
        &EmployeeInput {
            personnel_number: number.to_owned(),
            first_name: first.to_owned(),
            last_name: last.to_owned(),
            salutation: Salutation::Neutral,
            department_id: department,
            entry_date: Some(date(2015, 1, 1)),
            exit_date: exit,
            ..EmployeeInput::default()
        },
    )
    .expect("add employee");
}

/// The app over the database at `path`, in German, after its first data arrived, on
/// the Employees screen (it starts on the Dashboard, see tests/ui_reports.rs).
fn app(path: &Path) -> Harness<'static, LotseApp> {
    let mut harness = common_ui::harness(open_store(path), [1280.0, 800.0]);
    if harness
        .query_by_role_and_label(Role::Button, "Beschäftigte")
        .is_some()
    {
        click_button(&mut harness, "Beschäftigte");
    }
    harness
}

/// Two departments, three employees (one of them with an umlaut, one a leaver).
fn staffed_db(path: &Path) {
    let mut store = open_store(path);
    let amt = add_department(&mut store, "10", "Hauptamt", None);
    let kaem = add_department(&mut store, "20", "Kämmerei", None);
    add_employee(&mut store, "1001", "Anna", "Schmidt", Some(amt), None);
    add_employee(&mut store, "1002", "Jürgen", "Weiß", Some(kaem), None);
    add_employee(
        &mut store,
        "1003",
        "Lena",
        "Altmann",
        Some(amt),
        Some(date(2025, 6, 30)),
    );
}

#[test]
fn an_employee_added_in_the_form_is_found_by_search() {
    let (_dir, path) = temp_db();
    staffed_db(&path);
    let mut harness = app(&path);
    assert_eq!(harness.state().screen(), Screen::Employees);
    assert!(has_text(&harness, "Schmidt"));
    assert!(has_text(&harness, "Weiß"));
    assert!(
        !has_text(&harness, "Altmann"),
        "leavers are hidden by default"
    );

    click_button(&mut harness, "+ Person anlegen");
    type_into(&mut harness, "Personalnummer", "4711");
    type_into(&mut harness, "Vorname", "Erika");
    type_into(&mut harness, "Nachname", "Musterfrau");
    type_into(&mut harness, "E-Mail", "erika.musterfrau@stadt.de");
    type_into(&mut harness, "Eintrittsdatum", "01.04.2024");
    click_button(&mut harness, "Speichern");
    settle(&mut harness);

    let check = open_store(&path);
    let saved = check
        .store()
        .employee_by_personnel_number("4711")
        .expect("read")
        .expect("the new employee is in the database");
    assert_eq!(saved.last_name, "Musterfrau");
    assert_eq!(saved.entry_date, Some(date(2024, 4, 1)));
    assert_eq!(
        harness.state().notice(),
        Some("„Erika Musterfrau“ wurde angelegt.")
    );

    type_into(&mut harness, "Suche", "musterfrau");
    assert!(
        has_text(&harness, "Musterfrau"),
        "the table shows the new employee"
    );
    assert!(
        !has_text(&harness, "Schmidt"),
        "the search hides the others"
    );
    assert!(!has_text(&harness, "Weiß"));

    // Umlaut-tolerant: "weiss" finds "Weiß".
    harness
        .get_by_role_and_label(Role::TextInput, "Suche")
        .focus();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    settle(&mut harness);
    type_into(&mut harness, "Suche", "weiss");
    assert!(has_text(&harness, "Weiß"));
    assert!(!has_text(&harness, "Musterfrau"));
}

#[test]
fn an_empty_last_name_shows_the_german_message_and_writes_nothing() {
    let (_dir, path) = temp_db();
    staffed_db(&path);
    let audit_before = open_store(&path).store().audit_count().expect("audit");
    let mut harness = app(&path);

    let revision = harness.state().data_revision();
    click_button(&mut harness, "+ Person anlegen");
    type_into(&mut harness, "Personalnummer", "4712");
    type_into(&mut harness, "Vorname", "Max");
    click_button(&mut harness, "Speichern");
    settle(&mut harness);

    assert!(has_text(&harness, "„Nachname“ darf nicht leer sein."));
    // A refused change wrote nothing, so nothing was reloaded.
    assert_eq!(harness.state().data_revision(), revision);
    let check = open_store(&path);
    assert_eq!(check.store().employee_count().expect("count"), 3);
    assert!(
        check
            .store()
            .employee_by_personnel_number("4712")
            .expect("read")
            .is_none()
    );
    assert_eq!(check.store().audit_count().expect("audit"), audit_before);
}

#[test]
fn an_unreadable_date_is_refused_before_anything_is_sent() {
    let (_dir, path) = temp_db();
    staffed_db(&path);
    let mut harness = app(&path);

    click_button(&mut harness, "+ Person anlegen");
    type_into(&mut harness, "Personalnummer", "4713");
    type_into(&mut harness, "Vorname", "Max");
    type_into(&mut harness, "Nachname", "Mustermann");
    type_into(&mut harness, "Eintrittsdatum", "31.02.2024");
    // Enter in a field saves like the button.
    harness.key_press(egui::Key::Enter);
    settle(&mut harness);

    assert!(
        harness
            .query_by_label_contains("„31.02.2024“ ist kein gültiges Datum")
            .is_some()
    );
    assert_eq!(
        open_store(&path).store().employee_count().expect("count"),
        3
    );
}

/// DEZ (2 active, 1 leaver) with AMT below it (4 active).
fn hierarchy_db(path: &Path) {
    let mut store = open_store(path);
    let dez = add_department(&mut store, "DEZ", "Dezernat Zentrales", None);
    let amt = add_department(&mut store, "AMT", "Personalamt", Some(dez));
    add_employee(&mut store, "1", "Anna", "Arndt", Some(dez), None);
    add_employee(&mut store, "2", "Bernd", "Brandt", Some(dez), None);
    add_employee(
        &mut store,
        "3",
        "Clara",
        "Conrad",
        Some(dez),
        Some(date(2025, 12, 31)),
    );
    for (n, last) in ["Dorn", "Eckert", "Fuchs", "Gärtner"].iter().enumerate() {
        add_employee(&mut store, &format!("1{n}"), "Kim", last, Some(amt), None);
    }
}

#[test]
fn the_department_tree_shows_own_and_rolled_up_counts() {
    let (_dir, path) = temp_db();
    hierarchy_db(&path);
    let mut harness = app(&path);
    click_button(&mut harness, "Organisationseinheiten");
    assert_eq!(harness.state().screen(), Screen::Departments);

    assert!(has_text(&harness, "Dezernat Zentrales"));
    assert!(has_text(&harness, "Personalamt"));
    // DEZ: 2 of its own (the leaver does not count), 6 with AMT; AMT: 4 and 4.
    assert_eq!(harness.query_all_by_label("2").count(), 1);
    assert_eq!(harness.query_all_by_label("6").count(), 1);
    assert_eq!(harness.query_all_by_label("4").count(), 2);
    assert_eq!(harness.query_all_by_label("3").count(), 0);
    assert_eq!(harness.query_all_by_label("7").count(), 0);
}

#[test]
fn deactivating_a_unit_with_staff_shows_the_refusal() {
    let (_dir, path) = temp_db();
    hierarchy_db(&path);
    let mut harness = app(&path);
    click_button(&mut harness, "Organisationseinheiten");

    harness.get_by_label("Personalamt").click();
    settle(&mut harness);
    click_button(&mut harness, "Deaktivieren");
    settle(&mut harness);

    assert!(
        harness
            .query_by_label_contains("„AMT“ kann nicht deaktiviert werden")
            .is_some()
    );
    let check = open_store(&path);
    let amt = check
        .store()
        .department_by_code("AMT")
        .expect("read")
        .expect("AMT");
    assert!(amt.active, "the unit stays active");
}

#[test]
fn every_screen_is_built_and_none_says_it_comes_later() {
    let (_dir, path) = temp_db();
    staffed_db(&path);
    let mut harness = app(&path);
    for nav in [
        "Startseite",
        "Beschäftigte",
        "Organisationseinheiten",
        "Seminare & Termine",
        "Programme",
        "Urkunden",
        "Berichte",
        "Einstellungen",
    ] {
        click_button(&mut harness, nav);
        assert!(
            harness
                .query_by_label_contains("Dieser Bereich folgt")
                .is_none(),
            "{nav} is still a placeholder"
        );
    }
}

#[test]
fn an_empty_database_offers_the_sample_or_an_empty_start() {
    let (_dir, path) = temp_db();
    let mut harness = app(&path);
    assert!(has_text(&harness, "Willkommen bei Lotse"));
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Beispielverwaltung laden")
            .is_some()
    );
    click_button(&mut harness, "Leer beginnen");
    assert!(!has_text(&harness, "Willkommen bei Lotse"));
    click_button(&mut harness, "Beschäftigte");
    assert!(
        harness
            .query_by_label_contains("Noch keine Beschäftigten")
            .is_some()
    );
}

#[test]
fn an_import_with_a_rejected_row_cannot_be_committed_and_a_good_one_can() {
    let (dir, path) = temp_db();
    staffed_db(&path);
    let bad = dir.path().join("personal-fehler.csv");
    std::fs::write(
        &bad,
        "Personalnummer;Nachname;Vorname;Eintrittsdatum\n5001;Weiß;Anna;01.02.2024\n5002;Brandt;Ole;31.02.2024\n",
    )
    .expect("write");
    let mut harness = app(&path);

    harness.state_mut().preview_import(bad);
    settle(&mut harness);
    assert!(
        harness
            .query_by_label_contains("Ungültiges Datum „31.02.2024“")
            .is_some()
    );
    let commit = harness.get_by_role_and_label(Role::Button, "Übernehmen");
    assert!(
        commit.accesskit_node().is_disabled(),
        "commit is disabled while rows are rejected"
    );
    click_button(&mut harness, "Abbrechen");

    let good = dir.path().join("personal.csv");
    std::fs::write(
        &good,
        "Personalnummer;Nachname;Vorname\n5001;Weiß;Anna\n1001;Schmidt-Lange;Anna\n",
    )
    .expect("write");
    harness.state_mut().preview_import(good);
    settle(&mut harness);
    click_button(&mut harness, "Übernehmen");
    settle(&mut harness);

    let check = open_store(&path);
    assert!(
        check
            .store()
            .employee_by_personnel_number("5001")
            .expect("read")
            .is_some()
    );
    let changed = check
        .store()
        .employee_by_personnel_number("1001")
        .expect("read")
        .expect("1001");
    assert_eq!(changed.last_name, "Schmidt-Lange");
    assert!(
        has_text(&harness, "Schmidt-Lange"),
        "the table shows the imported data"
    );
}

#[test]
fn marking_as_left_hides_the_employee_until_leavers_are_shown() {
    let (_dir, path) = temp_db();
    staffed_db(&path);
    let mut harness = app(&path);

    harness.get_by_label("Schmidt").click();
    settle(&mut harness);
    click_button(&mut harness, "Als ausgeschieden markieren");

    let check = open_store(&path);
    let anna = check
        .store()
        .employee_by_personnel_number("1001")
        .expect("read")
        .expect("1001");
    assert_eq!(
        anna.exit_date,
        Some(today()),
        "the exit date defaults to today"
    );
    assert!(!has_text(&harness, "Schmidt"), "leavers are hidden");

    harness.get_by_label("Ausgeschiedene anzeigen").click();
    settle(&mut harness);
    assert!(has_text(&harness, "Schmidt"));
    assert!(has_text(&harness, "Altmann"));

    harness.get_by_label("Schmidt").click();
    settle(&mut harness);
    click_button(&mut harness, "Wieder aktiv");
    let anna = open_store(&path)
        .store()
        .employee_by_personnel_number("1001")
        .expect("read")
        .expect("1001");
    assert_eq!(anna.exit_date, None);
}

#[test]
fn clicking_a_column_header_sorts_and_reverses() {
    let (_dir, path) = temp_db();
    staffed_db(&path);
    let mut harness = app(&path);
    let y = |h: &Harness<'_, LotseApp>, text: &str| h.get_by_label(text).rect().min.y;

    // By last name (the default): Schmidt before Weiß.
    assert!(y(&harness, "Schmidt") < y(&harness, "Weiß"));
    click_button(&mut harness, "Nachname");
    assert!(
        y(&harness, "Schmidt") > y(&harness, "Weiß"),
        "a second click reverses"
    );
    // By first name: Anna before Jürgen.
    click_button(&mut harness, "Vorname");
    assert!(y(&harness, "Anna") < y(&harness, "Jürgen"));
    // By department: 10 Hauptamt (Schmidt) before 20 Kämmerei (Weiß).
    click_button(&mut harness, "Organisationseinheit");
    assert!(y(&harness, "Schmidt") < y(&harness, "Weiß"));
}

#[test]
fn loading_the_sample_administration_fills_the_empty_database() {
    let (_dir, path) = temp_db();
    let mut harness = app(&path);
    harness
        .get_by_role_and_label(Role::Button, "Beispielverwaltung laden")
        .click();
    // The summary is a notice that fades after a few seconds of the UI's own clock, which
    // runs a frame ahead per step: look for it as the load finishes, not after settling
    // (on a slow machine the settling alone can outlast it).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while !harness.state().notice().is_some_and(|n| n.contains("400")) {
        assert!(
            std::time::Instant::now() < deadline,
            "the summary says how many employees were created: {:?}",
            harness.state().notice()
        );
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    settle(&mut harness);

    let check = open_store(&path);
    assert!(check.store().employee_count().expect("count") >= 400);
    assert!(check.store().department_count().expect("count") > 0);
    assert!(!has_text(&harness, "Willkommen bei Lotse"));
    assert_eq!(harness.state().screen(), Screen::Dashboard);
}

#[test]
fn choosing_english_in_the_settings_applies_at_once_and_is_stored() {
    let (_dir, path) = temp_db();
    staffed_db(&path);
    let mut harness = app(&path);
    click_button(&mut harness, "Einstellungen");
    harness
        .get_by_role_and_label(Role::ComboBox, "Sprache der Oberfläche")
        .click();
    settle(&mut harness);
    harness.get_by_label("English").click();
    settle(&mut harness);

    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Employees")
            .is_some()
    );
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Beschäftigte")
            .is_none()
    );
    let stored = service::settings::language(&open_store(&path)).expect("read");
    assert_eq!(stored, Some(Lang::En));
}

#[test]
fn a_unit_added_under_the_selected_one_can_be_moved_but_not_below_itself() {
    let (_dir, path) = temp_db();
    hierarchy_db(&path);
    let mut harness = app(&path);
    click_button(&mut harness, "Organisationseinheiten");

    harness.get_by_label("Personalamt").click();
    settle(&mut harness);
    click_button(&mut harness, "+ Neue Untereinheit");
    type_into(&mut harness, "Kürzel", "AMT.1");
    type_into(&mut harness, "Bezeichnung", "Personalentwicklung");
    click_button(&mut harness, "Speichern");

    let check = open_store(&path);
    let amt = check
        .store()
        .department_by_code("AMT")
        .expect("read")
        .expect("AMT");
    let new = check
        .store()
        .department_by_code("AMT.1")
        .expect("read")
        .expect("AMT.1");
    assert_eq!(new.parent_id, Some(amt.id), "added below the selected unit");
    assert!(has_text(&harness, "Personalentwicklung"));
    assert_eq!(
        harness.state().notice(),
        Some("Die Organisationseinheit AMT.1 wurde angelegt.")
    );

    // Move it to the top level with the parent combo box.
    harness
        .get_by_role_and_label(Role::ComboBox, "Übergeordnete Einheit")
        .click();
    settle(&mut harness);
    harness.get_by_label("– keine (oberste Ebene) –").click();
    settle(&mut harness);
    click_button(&mut harness, "Speichern");
    let moved = open_store(&path)
        .store()
        .department_by_code("AMT.1")
        .expect("read")
        .expect("AMT.1");
    assert_eq!(moved.parent_id, None);

    // A unit's own sub-units are not offered as its parent.
    harness.get_by_label("Dezernat Zentrales").click();
    settle(&mut harness);
    harness
        .get_by_role_and_label(Role::ComboBox, "Übergeordnete Einheit")
        .click();
    settle(&mut harness);
    assert!(harness.query_by_label("AMT Personalamt").is_none());
    assert!(
        harness
            .query_by_label("AMT.1 Personalentwicklung")
            .is_some()
    );
}

#[test]
fn names_with_vietnamese_letters_render() {
    let (_dir, path) = temp_db();
    {
        let mut store = open_store(&path);
        add_employee(&mut store, "7001", "Thu Hương", "Nguyễn", None, None);
    }
    // The harness panics on a character no font can draw ("ễ" is not in egui's own font).
    let harness = app(&path);
    assert!(has_text(&harness, "Nguyễn"));
    assert!(has_text(&harness, "Thu Hương"));
}

#[test]
fn the_organizer_address_of_invitations_is_checked_and_stored_in_the_settings() {
    let (_dir, path) = temp_db();
    staffed_db(&path);
    let mut harness = app(&path);
    click_button(&mut harness, "Einstellungen");
    type_into(
        &mut harness,
        "Organisator-E-Mail-Adresse",
        "fortbildung at stadt",
    );
    harness
        .get_all_by_role_and_label(Role::Button, "Speichern")
        .next()
        .expect("save button")
        .click();
    settle(&mut harness);
    assert!(
        has_text(
            &harness,
            "Die E-Mail-Adresse sieht nicht gültig aus (Beispiel: name@stadt.de)."
        ),
        "an implausible address is refused"
    );
    assert_eq!(
        service::settings::organizer_email(&open_store(&path)).expect("read"),
        None
    );

    harness
        .get_by_role_and_label(Role::TextInput, "Organisator-E-Mail-Adresse")
        .focus();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    settle(&mut harness);
    type_into(
        &mut harness,
        "Organisator-E-Mail-Adresse",
        "fortbildung@stadt.de",
    );
    harness
        .get_all_by_role_and_label(Role::Button, "Speichern")
        .next()
        .expect("save button")
        .click();
    settle(&mut harness);
    assert_eq!(
        service::settings::organizer_email(&open_store(&path))
            .expect("read")
            .as_deref(),
        Some("fortbildung@stadt.de")
    );
}
