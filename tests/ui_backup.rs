//! The *Datensicherung* section of the settings, driven like a user: back up now,
//! restore after the confirmation, check and repair; and the backup when the app closes.

#![cfg(feature = "gui")]

mod common;
mod common_ui;

use common_ui::{click_button, harness, settle, temp_db};
use egui_kittest::kittest::Queryable;
use lotse::app::Screen;
use lotse::model::EmployeeInput;
use lotse::service::Database;
use lotse::service::{self, backup};
use lotse::store::{BackupReason, FixedClock, Read};

fn store(path: &std::path::Path) -> Database {
    let city = common::city_in(Database::open(path).unwrap(), 8, 3);
    city.store
        .with_clock(FixedClock::on(common::d("2026-11-21")))
}

fn employees(path: &std::path::Path) -> i64 {
    Database::open(path)
        .unwrap()
        .store()
        .domain_counts()
        .unwrap()
        .employees
}

#[test]
fn back_up_now_then_restore_after_confirmation() {
    let (_dir, path) = temp_db();
    let mut h = harness(store(&path), [1280.0, 1400.0]);
    h.state_mut().set_screen(Screen::Settings);
    settle(&mut h);
    click_button(&mut h, "Datensicherung");
    h.get_by_label(
        "Es gibt noch keine Sicherung. Die erste entsteht beim Beenden oder mit „Jetzt sichern“.",
    );
    click_button(&mut h, "Jetzt sichern");
    let list = backup::list(&path).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].reason, Some(BackupReason::Manual));
    h.get_by_label_contains("Sicherung angelegt (8 Beschäftigte, 0 Zertifikate).");
    h.get_by_label("von Hand");

    // A change after the backup, made by another program.
    let mut other = Database::open(&path).unwrap();
    service::employees::add(
        &mut other,
        &EmployeeInput {
            personnel_number: "9001".into(),
            first_name: "Nach".into(),
            last_name: "Sicherung".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(employees(&path), 9);

    click_button(&mut h, "Einspielen …");
    // The confirmation says what will be replaced; cancelling changes nothing.
    h.get_by_label_contains("Alle Änderungen seit dieser Sicherung werden dabei ersetzt");
    click_button(&mut h, "Abbrechen");
    assert_eq!(employees(&path), 9);

    click_button(&mut h, "Einspielen …");
    click_button(&mut h, "Sicherung einspielen");
    assert_eq!(employees(&path), 8);
    h.get_by_label_contains("Die Sicherung wurde eingespielt (8 Beschäftigte");
    // The state before the restore was kept: the restore can be undone.
    let list = backup::list(&path).unwrap();
    let undo = list
        .iter()
        .find(|b| b.reason == Some(BackupReason::BeforeRestore))
        .expect("a backup of the state before the restore");
    assert_eq!(undo.content.as_ref().unwrap().counts.employees, 9);
    h.get_by_label("vor dem Einspielen");
}

#[test]
fn check_finds_orphans_and_repair_removes_them() {
    let (_dir, path) = temp_db();
    let s = store(&path);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA foreign_keys = OFF;
             DELETE FROM session WHERE id = (SELECT min(session_id) FROM attendance);",
        )
        .unwrap();
    }
    let mut h = harness(s, [1280.0, 1400.0]);
    h.state_mut().set_screen(Screen::Settings);
    settle(&mut h);
    click_button(&mut h, "Datensicherung");
    click_button(&mut h, "Datenbank prüfen");
    h.get_by_label_contains("Die Prüfung hat 3 Probleme gefunden");
    click_button(&mut h, "Reparieren");
    h.get_by_label_contains("Vor der Reparatur gesichert");
    h.get_by_label("Die Datenbank ist in Ordnung.");
    assert!(
        service::check::check(&Database::open(&path).unwrap())
            .unwrap()
            .is_ok()
    );
}

#[test]
fn closing_the_app_takes_a_backup() {
    let (_dir, path) = temp_db();
    let mut h = harness(store(&path), [1280.0, 900.0]);
    assert!(backup::list(&path).unwrap().is_empty());
    eframe::App::on_exit(h.state_mut(), None);
    let list = backup::list(&path).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].reason, Some(BackupReason::Closing));
    assert_eq!(list[0].content.as_ref().unwrap().counts.employees, 8);
}

#[test]
fn the_first_change_of_a_day_in_the_app_takes_the_days_backup() {
    let (_dir, path) = temp_db();
    let mut h = harness(store(&path), [1280.0, 900.0]);
    h.state_mut().set_screen(Screen::Settings);
    settle(&mut h);
    // Changing the organisation's place is a change.
    common_ui::type_into_role(
        &mut h,
        egui::accesskit::Role::TextInput,
        "Ort",
        " an der Weser",
    );
    click_button(&mut h, "Speichern");
    // The day's backup follows the answer to the change, on the worker.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while backup::list(&path).unwrap().is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let list = backup::list(&path).unwrap();
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0].reason, Some(BackupReason::Daily));
}
