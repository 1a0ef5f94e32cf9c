//! "Bedarf & Planung" driven through the accessibility tree (egui_kittest, headless):
//! choose a program, pick the seminar most need, register them for a future session
//! with too few places, read the answer, and find the rest on the roster's waiting list.

#![cfg(feature = "gui")]

mod common;
mod common_ui;

use common::d;
use common_ui::{click_button, harness, has_text, has_text_containing, settle, temp_db};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use lotse::app::Screen;
use lotse::service::Database;
use lotse::service::planning;
use lotse::store::{FixedClock, Read};

fn open(path: &std::path::Path) -> Database {
    Database::open(path)
        .expect("open")
        .with_clock(FixedClock::on(d("2026-11-21")))
}

#[test]
fn registering_those_who_need_a_seminar_fills_the_places_and_the_waiting_list() {
    let (_dir, path) = temp_db();
    // Five people, the first of whom completed both seminars of "DL".
    let mut c = common::city_in(open(&path), 5, 1);
    let session = common::future_session(&mut c.store, "DF-102", Some(2));
    drop(c);

    let mut harness = harness(open(&path), [1400.0, 900.0]);
    click_button(&mut harness, "Bedarf & Planung");
    assert_eq!(harness.state().screen(), Screen::Needs);
    harness
        .get_by_role_and_label(Role::ComboBox, "Programm")
        .click();
    settle(&mut harness);
    harness.get_by_label("Digitallots:in").click();
    settle(&mut harness);
    assert!(has_text_containing(
        &harness,
        "5 Beschäftigte haben noch kein gültiges Zertifikat „Digitallots:in“; 1 davon erfüllt"
    ));

    harness.get_by_label("E-Akte in der Praxis").click();
    settle(&mut harness);
    assert!(has_text_containing(
        &harness,
        "4 Beschäftigte brauchen noch „E-Akte in der Praxis“"
    ));
    harness
        .query_all_by_label_contains("03.12.2026")
        .next()
        .expect("the future session is listed")
        .click();
    settle(&mut harness);
    assert!(has_text_containing(&harness, "Rathaus – 2 Plätze frei"));
    settle(&mut harness);
    click_button(&mut harness, "Anmelden");
    assert!(
        has_text(&harness, "2 angemeldet, 2 auf der Warteliste."),
        "the answer says what happened"
    );
    assert!(has_text_containing(
        &harness,
        "Rathaus – ausgebucht, 2 auf der Warteliste"
    ));
    let db = open(&path);
    assert_eq!(
        db.store()
            .attendance_of_session(session)
            .expect("read")
            .len(),
        2
    );
    assert_eq!(planning::waitlist(&db, session).expect("read").len(), 2);
    drop(db);

    // The roster shows the waiting list; a full session refuses moving up.
    click_button(&mut harness, "Seminare & Termine");
    harness
        .query_all_by_label_contains("03.12.2026")
        .next()
        .expect("the session is listed")
        .click();
    settle(&mut harness);
    click_button(&mut harness, "Teilnehmerliste öffnen");
    assert!(has_text(&harness, "Warteliste (2)"));
    click_button(&mut harness, "Nachrücken");
    assert!(has_text_containing(&harness, "Der Termin ist ausgebucht"));
}
