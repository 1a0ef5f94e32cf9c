//! The open app on a PostgreSQL server while another officer works on the same database:
//! what the colleague commits appears by itself — the server announces it, the app's
//! listener hears it and the worker refreshes just that — without the app sending any
//! command, and again after the listening connection broke.
//!
//! The colleague is a second `Database` on the same server database in this process: a
//! connection of its own, as another officer's app would have. These tests use the server
//! of `tests/common/pg.rs` (`LOTSE_TEST_PG`, else a throwaway server where PostgreSQL is
//! installed, else they say that they were skipped).

#![cfg(feature = "gui")]

mod common_ui;
#[path = "common/pg.rs"]
mod pg;

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use common_ui::{has_text, settle};
use egui_kittest::Harness;
use lotse::app::{LotseApp, Screen};
use lotse::model::{EmployeeInput, Salutation};
use lotse::service;
use lotse::service::Database;
use lotse::store::FixedClock;

fn open(url: &str) -> Database {
    Database::open(Path::new(url))
        .expect("open the server database")
        .with_clock(FixedClock::on(
            NaiveDate::from_ymd_opt(2026, 3, 15).expect("date"),
        ))
}

fn employee(number: &str, first: &str, last: &str) -> EmployeeInput {
    EmployeeInput {
        personnel_number: number.to_owned(),
        first_name: first.to_owned(),
        last_name: last.to_owned(),
        salutation: Salutation::Neutral,
        ..EmployeeInput::default()
    }
}

/// Steps the UI in real time until `text` is shown, at most 20 s. The app is never
/// asked to do anything meanwhile: only the worker's own refresh can bring it.
fn shows_within_20_s(harness: &mut Harness<'static, LotseApp>, text: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !has_text(harness, text) {
        assert!(
            Instant::now() < deadline,
            "{text} was not shown within 20 s"
        );
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    settle(harness);
}

#[test]
fn a_colleagues_change_appears_by_itself_also_after_the_connection_broke() {
    let Some(url) = pg::fresh_database("ui_colleague") else {
        return;
    };
    let mut colleague = open(&url);
    service::employees::add(&mut colleague, &employee("1001", "Anna", "Schmidt")).expect("add");
    let mut harness = common_ui::harness(open(&url), [1280.0, 800.0]);
    harness.state_mut().set_screen(Screen::Employees);
    settle(&mut harness);
    assert!(has_text(&harness, "Schmidt"));
    assert!(!has_text(&harness, "Neumann"));

    // The colleague adds someone while the app is open; the app sends nothing.
    service::employees::add(&mut colleague, &employee("1002", "Zoe", "Neumann")).expect("add");
    shows_within_20_s(&mut harness, "Neumann");
    assert!(has_text(&harness, "Schmidt"));

    // The server ends the app's listening connection (as a restart would), and the
    // colleague adds someone before the app listens again: the app connects again by
    // itself and refreshes everything, so this change is not lost either.
    let mut admin = pg::connect(&url);
    admin
        .batch_execute(&format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
              WHERE application_name = '{}' AND datname = current_database()",
            lotse::store::LISTENER_APPLICATION
        ))
        .expect("terminate the listener");
    service::employees::add(&mut colleague, &employee("1003", "Ole", "Okafor")).expect("add");
    shows_within_20_s(&mut harness, "Okafor");
    // And it listens again.
    service::employees::add(&mut colleague, &employee("1004", "Pia", "Petersen")).expect("add");
    shows_within_20_s(&mut harness, "Petersen");

    drop(harness);
    drop(colleague);
    pg::drop_database(&url);
}
