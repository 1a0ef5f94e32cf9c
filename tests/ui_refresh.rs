//! The open app and another program on the same file (the command line, a script):
//! the app shows the other program's changes within seconds, and a form whose record
//! was changed meanwhile says so instead of overwriting the change.
//!
//! The "other program" is a second `Store` on the same file in this process: a
//! connection of its own, as the command line would have.

#![cfg(feature = "gui")]

mod common_ui;

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use common_ui::{click_button, has_text, has_text_containing, settle, temp_db, type_into};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use lotse::app::{LotseApp, Screen};
use lotse::model::{DepartmentInput, EmployeeInput, Salutation, SeminarFormat, SeminarInput};
use lotse::service;
use lotse::service::Database;
use lotse::store::{FixedClock, Read};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 15).expect("date")
}

fn open_store(path: &Path) -> Database {
    Database::open(path)
        .expect("open store")
        .with_clock(FixedClock::on(today()))
}

fn employee(number: &str, first: &str, last: &str) -> EmployeeInput {
    EmployeeInput {
        personnel_number: number.to_owned(),
        first_name: first.to_owned(),
        last_name: last.to_owned(),
        salutation: Salutation::Neutral,
        job_title: "Sachbearbeitung".to_owned(),
        entry_date: NaiveDate::from_ymd_opt(2015, 1, 1),
        ..EmployeeInput::default()
    }
}

/// One department, one employee.
fn small_db(path: &Path) {
    let mut store = open_store(path);
    let amt = service::departments::add(
        &mut store,
        &DepartmentInput {
            code: "10".to_owned(),
            name: "Hauptamt".to_owned(),
            parent_id: None,
        },
    )
    .expect("department");
    let mut anna = employee("1001", "Anna", "Schmidt");
    anna.department_id = Some(amt);
    service::employees::add(&mut store, &anna).expect("employee");
}

fn app(path: &Path, screen: Screen) -> Harness<'static, LotseApp> {
    let mut harness = common_ui::harness(open_store(path), [1280.0, 800.0]);
    harness.state_mut().set_screen(screen);
    settle(&mut harness);
    harness
}

/// Steps the UI (in real time: the worker looks for outside changes every 2 s) until
/// `done` holds, at most 10 s.
fn wait_until(
    harness: &mut Harness<'static, LotseApp>,
    what: &str,
    done: impl Fn(&Harness<'static, LotseApp>) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done(harness) {
        assert!(Instant::now() < deadline, "within 10 s: {what}");
        harness.step();
        std::thread::sleep(Duration::from_millis(50));
    }
    settle(harness);
}

fn field_value(harness: &Harness<'static, LotseApp>, label: &str) -> String {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .accesskit_node()
        .value()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn an_employee_added_by_another_program_appears_without_reloading() {
    let (_dir, path) = temp_db();
    small_db(&path);
    let mut harness = app(&path, Screen::Employees);
    assert!(has_text(&harness, "Schmidt"));
    assert!(!has_text(&harness, "Neumann"));

    // The command line adds someone while the app is open.
    let mut cli = open_store(&path);
    service::employees::add(&mut cli, &employee("1002", "Zoe", "Neumann")).expect("add");

    wait_until(&mut harness, "the new employee is listed", |h| {
        has_text(h, "Neumann")
    });
    assert!(has_text(&harness, "Schmidt"));

    // The app's own changes do not make it reload a second time, and a quiet file
    // makes it reload not at all: nothing to wait for.
    settle(&mut harness);
    assert!(!harness.state().is_busy());
}

#[test]
fn an_untouched_form_follows_a_change_made_elsewhere() {
    let (_dir, path) = temp_db();
    small_db(&path);
    let mut harness = app(&path, Screen::Employees);
    harness.get_by_label("Schmidt").click();
    settle(&mut harness);
    assert_eq!(
        field_value(&harness, "Stellenbezeichnung"),
        "Sachbearbeitung"
    );

    let mut cli = open_store(&path);
    let id = cli
        .store()
        .employee_by_personnel_number("1001")
        .unwrap()
        .unwrap()
        .id;
    let mut changed = cli.store().employee(id).unwrap().unwrap().input();
    changed.job_title = "Teamleitung".to_owned();
    service::employees::update(&mut cli, id, &changed).expect("update");

    wait_until(&mut harness, "the form shows the new job title", |h| {
        field_value(h, "Stellenbezeichnung") == "Teamleitung"
    });
}

#[test]
fn a_form_whose_record_changed_meanwhile_refuses_to_save_and_reloads() {
    let (_dir, path) = temp_db();
    small_db(&path);
    let mut harness = app(&path, Screen::Employees);
    harness.get_by_label("Schmidt").click();
    settle(&mut harness);
    // The user starts typing …
    type_into(&mut harness, "Stellenbezeichnung", " (Vertretung)");

    // … while somebody changes the e-mail address with the command line.
    let mut cli = open_store(&path);
    let id = cli
        .store()
        .employee_by_personnel_number("1001")
        .unwrap()
        .unwrap()
        .id;
    let mut theirs = cli.store().employee(id).unwrap().unwrap().input();
    theirs.email = "anna.schmidt@stadt.example".to_owned();
    service::employees::update(&mut cli, id, &theirs).expect("update");

    click_button(&mut harness, "Speichern");
    assert!(
        has_text_containing(&harness, "Dieser Datensatz wurde inzwischen von"),
        "the form says that the record changed"
    );
    let stored = cli.store().employee(id).unwrap().unwrap();
    assert_eq!(stored.job_title.as_deref(), Some("Sachbearbeitung"));
    assert_eq!(stored.email.as_deref(), Some("anna.schmidt@stadt.example"));
    // Both values side by side, for the fields that differ: the job title as typed and
    // as stored, the e-mail address the form did not have.
    for text in [
        "Ihre Eingabe",
        "Jetzt gespeichert",
        "Sachbearbeitung (Vertretung)",
        "Sachbearbeitung",
        "anna.schmidt@stadt.example",
        "(leer)",
        "Trotzdem speichern",
    ] {
        assert!(has_text(&harness, text), "the comparison shows {text:?}");
    }

    click_button(&mut harness, "Neu laden");
    assert_eq!(
        field_value(&harness, "E-Mail"),
        "anna.schmidt@stadt.example"
    );
    assert_eq!(
        field_value(&harness, "Stellenbezeichnung"),
        "Sachbearbeitung"
    );
    assert!(!has_text_containing(
        &harness,
        "Dieser Datensatz wurde inzwischen"
    ));

    type_into(&mut harness, "Stellenbezeichnung", " (Vertretung)");
    click_button(&mut harness, "Speichern");
    let stored = cli.store().employee(id).unwrap().unwrap();
    assert_eq!(
        stored.job_title.as_deref(),
        Some("Sachbearbeitung (Vertretung)")
    );
    assert_eq!(stored.email.as_deref(), Some("anna.schmidt@stadt.example"));
}

#[test]
fn a_department_form_whose_unit_changed_meanwhile_refuses_to_save() {
    let (_dir, path) = temp_db();
    small_db(&path);
    let mut harness = app(&path, Screen::Departments);
    harness.get_by_label("Hauptamt").click();
    settle(&mut harness);
    type_into(&mut harness, "Bezeichnung", " und Personal");

    let mut cli = open_store(&path);
    let dept = cli.store().department_by_code("10").unwrap().unwrap();
    service::departments::update(
        &mut cli,
        dept.id,
        &DepartmentInput {
            code: "10".to_owned(),
            name: "Haupt- und Personalamt".to_owned(),
            parent_id: None,
        },
    )
    .expect("update");

    click_button(&mut harness, "Speichern");
    assert!(has_text_containing(
        &harness,
        "Dieser Datensatz wurde inzwischen von"
    ));
    assert_eq!(
        cli.store().department(dept.id).unwrap().unwrap().name,
        "Haupt- und Personalamt"
    );
    click_button(&mut harness, "Neu laden");
    assert_eq!(
        field_value(&harness, "Bezeichnung"),
        "Haupt- und Personalamt"
    );
}

#[test]
fn overwriting_a_seminar_changed_meanwhile_saves_the_entry() {
    let (_dir, path) = temp_db();
    small_db(&path);
    let mut cli = open_store(&path);
    let seminar = service::seminars::add(
        &mut cli,
        &SeminarInput {
            code: "DF-07".to_owned(),
            title: "E-Akte im Alltag".to_owned(),
            description: String::new(),
            provider: "DigiFit".to_owned(),
            format: SeminarFormat::Webinar,
            default_hours: 3.0,
            topic: "E-Akte".to_owned(),
        },
    )
    .expect("seminar");
    let mut harness = app(&path, Screen::Seminars);
    click_button(&mut harness, "Seminarkatalog");
    harness.get_by_label("E-Akte im Alltag").click();
    settle(&mut harness);
    type_into(&mut harness, "Titel", " – Aufbaukurs");

    // A colleague changes the provider meanwhile.
    let mut theirs = cli.store().seminar(seminar).unwrap().unwrap().input();
    theirs.provider = "Kommunales IT-Zentrum".to_owned();
    service::seminars::update(&mut cli, seminar, &theirs).expect("update");

    click_button(&mut harness, "Speichern");
    assert!(has_text_containing(
        &harness,
        "Dieser Datensatz wurde inzwischen von"
    ));
    assert!(has_text(&harness, "Kommunales IT-Zentrum"));
    assert_eq!(
        cli.store().seminar(seminar).unwrap().unwrap().title,
        "E-Akte im Alltag",
        "nothing saved before the officer decides"
    );

    click_button(&mut harness, "Trotzdem speichern");
    let stored = cli.store().seminar(seminar).unwrap().unwrap();
    assert_eq!(stored.title, "E-Akte im Alltag – Aufbaukurs");
    assert_eq!(
        stored.provider, "DigiFit",
        "the entry overwrote the colleague's change"
    );
    assert!(!has_text_containing(
        &harness,
        "Dieser Datensatz wurde inzwischen"
    ));
}
