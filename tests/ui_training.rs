//! The training screens driven through the accessibility tree (egui_kittest, headless):
//! sessions, the roster with bulk and keyboard marking, the capacity warning, adding a
//! department, the participant-list import with an ambiguous name, the training history
//! on the employee page, the confirmation before a session with attendance goes, and the
//! calendar file (.ics) from the session form.
//!
//! Every test builds the real app over a temporary database with a fixed "today"
//! (15.03.2026, noon); [`settle`] steps the UI until the worker has answered.

#![cfg(feature = "gui")]

mod common_ui;

use common_ui::{click, click_button, has_text, has_text_containing, settle, temp_db, type_into};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use lotse::app::{LotseApp, Screen};
use lotse::model::{
    AttendanceStatus, DepartmentId, DepartmentInput, EmployeeId, EmployeeInput, Salutation,
    SeminarFormat, SeminarId, SeminarInput, SessionId, SessionInput,
};
use lotse::service;
use lotse::service::Database;
use lotse::store::{FixedClock, Read};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 15).expect("date")
}

fn at(day: u32, hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, day)
        .and_then(|d| d.and_hms_opt(hour, 0, 0))
        .expect("date-time")
}

fn open_store(path: &Path) -> Database {
    Database::open(path)
        .expect("open store")
        .with_clock(FixedClock::on(today()))
}

/// What the fixture created.
struct Fixture {
    seminar: SeminarId,
    /// 03.03.2026 09:00–16:00, 3 places.
    small: SessionId,
    /// 10.03.2026 09:00–13:00, no limit.
    morning: SessionId,
    anna_hauptamt: EmployeeId,
    anna_bauamt: EmployeeId,
    weiss: EmployeeId,
    altmann: EmployeeId,
    dorn: EmployeeId,
}

/// Hauptamt (10) with Anna Schmidt and Bernd Brandt; Bauamt (60) with another Anna
/// Schmidt and Jürgen Weiß; Hochbau (60.1, below Bauamt) with Lena Altmann and Kim Dorn.
/// One seminar (7 h) with two past sessions: a small one (7 h, 3 places) and a morning
/// (4 h, no limit).
fn fixture(path: &Path) -> Fixture {
    let mut store = open_store(path);
    let department = |store: &mut Database, code: &str, name: &str, parent| {
        service::departments::add(
            store,
            &DepartmentInput {
                code: code.to_owned(),
                name: name.to_owned(),
                parent_id: parent,
            },
        )
        .expect("department")
    };
    let hauptamt = department(&mut store, "10", "Hauptamt", None);
    let bauamt = department(&mut store, "60", "Bauamt", None);
    let hochbau = department(&mut store, "60.1", "Hochbau", Some(bauamt));
    let employee =
        |store: &mut Database, number: &str, first: &str, last: &str, d: DepartmentId| {
            service::employees::add(
                store,
                &EmployeeInput {
                    personnel_number: number.to_owned(),
                    first_name: first.to_owned(),
                    last_name: last.to_owned(),
                    salutation: Salutation::Neutral,
                    department_id: Some(d),
                    entry_date: NaiveDate::from_ymd_opt(2015, 1, 1),
                    ..EmployeeInput::default()
                },
            )
            .expect("employee")
        };
    let anna_hauptamt = employee(&mut store, "1001", "Anna", "Schmidt", hauptamt);
    employee(&mut store, "1006", "Bernd", "Brandt", hauptamt);
    let anna_bauamt = employee(&mut store, "1005", "Anna", "Schmidt", bauamt);
    let weiss = employee(&mut store, "1002", "Jürgen", "Weiß", bauamt);
    let altmann = employee(&mut store, "1003", "Lena", "Altmann", hochbau);
    let dorn = employee(&mut store, "1004", "Kim", "Dorn", hochbau);
    let seminar = service::seminars::add(
        &mut store,
        &SeminarInput {
            code: "DF-101".into(),
            title: "Grundlagen der digitalen Verwaltung".into(),
            provider: "krz DigiFit-Akademie".into(),
            format: SeminarFormat::InPerson,
            default_hours: 7.0,
            topic: "Digitale Verwaltung".into(),
            ..SeminarInput::default()
        },
    )
    .expect("seminar");
    let session = |store: &mut Database, day, start, end, capacity| {
        service::sessions::add(
            store,
            &SessionInput {
                seminar_id: seminar,
                starts_at: at(day, start),
                ends_at: at(day, end),
                location: "Rathaus, Raum 101".into(),
                trainer: "Petra Lehmann".into(),
                capacity,
            },
        )
        .expect("session")
    };
    let small = session(&mut store, 3, 9, 16, Some(3));
    let morning = session(&mut store, 10, 9, 13, None);
    Fixture {
        seminar,
        small,
        morning,
        anna_hauptamt,
        anna_bauamt,
        weiss,
        altmann,
        dorn,
    }
}

/// The app over the database at `path`, in German, after its first data arrived.
fn app(path: &Path) -> Harness<'static, LotseApp> {
    common_ui::harness(open_store(path), [1400.0, 900.0])
}

fn click_label(harness: &mut Harness<'_, LotseApp>, label: &str) {
    harness.get_by_label(label).click();
    settle(harness);
}

fn press(harness: &mut Harness<'_, LotseApp>, key: egui::Key) {
    harness.key_press(key);
    settle(harness);
}

/// Goes to "Seminare & Termine", past sessions, and opens the roster of the session
/// listed as `when`.
fn open_roster(harness: &mut Harness<'_, LotseApp>, when: &str) {
    click_button(harness, "Seminare & Termine");
    assert_eq!(harness.state().screen(), Screen::Seminars);
    harness.get_by_label_contains("Vergangene (").click();
    settle(harness);
    click_label(harness, when);
    click_button(harness, "Teilnehmerliste öffnen");
    assert!(
        has_text_containing(harness, "Plätze:"),
        "the roster of {when} is open"
    );
}

const SMALL: &str = "03.03.2026, 09:00–16:00";
const MORNING: &str = "10.03.2026, 09:00–13:00";

fn status_of(
    path: &Path,
    session: SessionId,
    employee: EmployeeId,
) -> Option<(AttendanceStatus, f64)> {
    open_store(path)
        .store()
        .attendance_of(session, employee)
        .expect("read")
        .map(|a| (a.status, a.hours))
}

fn roster_size(path: &Path, session: SessionId) -> usize {
    open_store(path)
        .store()
        .attendance_of_session(session)
        .expect("read")
        .len()
}

fn register(path: &Path, session: SessionId, employees: &[EmployeeId]) {
    let mut store = open_store(path);
    service::attendance::add_participants(&mut store, session, employees).expect("register");
}

#[test]
fn adding_a_whole_department_brings_its_sub_units_and_skips_who_is_on_the_list() {
    let (_dir, path) = temp_db();
    let f = fixture(&path);
    register(&path, f.morning, &[f.weiss]);
    let mut harness = app(&path);
    open_roster(&mut harness, MORNING);
    assert!(has_text(&harness, "Weiß, Jürgen"));
    assert!(!has_text(&harness, "Altmann, Lena"));

    click(&mut harness, Role::ComboBox, "Organisationseinheit");
    click_label(&mut harness, "60 Bauamt");
    click_button(&mut harness, "Organisationseinheit hinzufügen");

    // Bauamt: Anna Schmidt (1005) and Weiß (already there); Hochbau below it: Altmann, Dorn.
    assert_eq!(roster_size(&path, f.morning), 4);
    assert!(status_of(&path, f.morning, f.anna_bauamt).is_some());
    assert!(status_of(&path, f.morning, f.altmann).is_some());
    assert!(
        status_of(&path, f.morning, f.anna_hauptamt).is_none(),
        "the other Anna Schmidt is in another department"
    );
    assert!(has_text(&harness, "Altmann, Lena"));
    assert!(has_text(&harness, "Dorn, Kim"));
    assert_eq!(
        harness.state().notice(),
        Some("3 Personen wurden hinzugefügt. Eine Person stand schon auf der Liste.")
    );
}

#[test]
fn bulk_marking_writes_the_selected_rows_and_overbooking_shows_a_warning() {
    let (_dir, path) = temp_db();
    let f = fixture(&path);
    register(&path, f.small, &[f.altmann, f.dorn, f.weiss]);
    let mut harness = app(&path);
    open_roster(&mut harness, SMALL);
    assert!(has_text_containing(&harness, "Plätze: 3 von 3 belegt"));
    assert!(
        !has_text_containing(&harness, "überbucht"),
        "3 people for 3 places is not overbooked"
    );

    // Select two people with their checkboxes and mark them attended.
    click(&mut harness, Role::CheckBox, "Lena Altmann auswählen");
    click(&mut harness, Role::CheckBox, "Jürgen Weiß auswählen");
    assert!(has_text(&harness, "2 ausgewählt:"));
    click_button(&mut harness, "Teilgenommen");
    assert_eq!(
        status_of(&path, f.small, f.altmann),
        Some((AttendanceStatus::Attended, 7.0))
    );
    assert_eq!(
        status_of(&path, f.small, f.weiss),
        Some((AttendanceStatus::Attended, 7.0))
    );
    assert_eq!(
        status_of(&path, f.small, f.dorn),
        Some((AttendanceStatus::Registered, 0.0)),
        "the row not selected stays as it was"
    );
    assert_eq!(
        harness.state().notice(),
        Some("2 Teilnahmen wurden erfasst.")
    );

    // A fourth person overbooks the session: the warning appears.
    type_into(&mut harness, "Person hinzufügen", "Brandt");
    harness.key_press(egui::Key::Enter);
    settle(&mut harness);
    assert_eq!(roster_size(&path, f.small), 4);
    assert!(
        has_text(
            &harness,
            "Achtung: Der Termin ist um einen Platz überbucht (4 Personen bei 3 Plätzen)."
        ),
        "the capacity warning is shown"
    );

    // Excused people take no seat: excusing one ends the overbooking.
    click(&mut harness, Role::CheckBox, "Kim Dorn auswählen");
    click_button(&mut harness, "Entschuldigt");
    assert_eq!(
        status_of(&path, f.small, f.dorn),
        Some((AttendanceStatus::Excused, 0.0))
    );
    assert!(!has_text_containing(&harness, "überbucht"));
}

#[test]
fn all_registered_become_attended_except_those_marked_otherwise() {
    let (_dir, path) = temp_db();
    let f = fixture(&path);
    register(
        &path,
        f.morning,
        &[f.altmann, f.dorn, f.weiss, f.anna_bauamt],
    );
    let mut harness = app(&path);
    open_roster(&mut harness, MORNING);

    click(&mut harness, Role::CheckBox, "Kim Dorn auswählen");
    click_button(&mut harness, "Nicht erschienen");
    click_button(&mut harness, "Alle Angemeldeten → teilgenommen");

    for e in [f.altmann, f.weiss, f.anna_bauamt] {
        assert_eq!(
            status_of(&path, f.morning, e),
            Some((AttendanceStatus::Attended, 4.0)),
            "the session's four hours are credited"
        );
    }
    assert_eq!(
        status_of(&path, f.morning, f.dorn),
        Some((AttendanceStatus::Absent, 0.0))
    );
    assert_eq!(
        harness.state().notice(),
        Some("3 Teilnahmen wurden erfasst.")
    );
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Alle Angemeldeten → teilgenommen")
            .accesskit_node()
            .is_disabled(),
        "nobody is left registered"
    );
}

#[test]
fn the_roster_is_marked_with_the_keyboard_alone() {
    let (_dir, path) = temp_db();
    let f = fixture(&path);
    register(
        &path,
        f.morning,
        &[f.altmann, f.dorn, f.weiss, f.anna_bauamt],
    );
    let mut harness = app(&path);
    open_roster(&mut harness, MORNING);
    assert!(
        has_text_containing(
            &harness,
            "1 teilgenommen · 2 nicht erschienen · 3 entschuldigt"
        ),
        "the shortcuts are shown"
    );

    // Rows in name order: Altmann, Dorn, Schmidt, Weiß; the first has the focus.
    press(&mut harness, egui::Key::Space);
    press(&mut harness, egui::Key::ArrowDown);
    press(&mut harness, egui::Key::Space);
    press(&mut harness, egui::Key::Num1);
    assert_eq!(
        status_of(&path, f.morning, f.altmann),
        Some((AttendanceStatus::Attended, 4.0))
    );
    assert_eq!(
        status_of(&path, f.morning, f.dorn),
        Some((AttendanceStatus::Attended, 4.0))
    );
    // Without a selection the keys act on the focused row.
    press(&mut harness, egui::Key::ArrowDown);
    press(&mut harness, egui::Key::Num3);
    assert_eq!(
        status_of(&path, f.morning, f.anna_bauamt),
        Some((AttendanceStatus::Excused, 0.0))
    );
    press(&mut harness, egui::Key::End);
    press(&mut harness, egui::Key::Num2);
    assert_eq!(
        status_of(&path, f.morning, f.weiss),
        Some((AttendanceStatus::Absent, 0.0))
    );
    assert_eq!(
        status_of(&path, f.morning, f.dorn),
        Some((AttendanceStatus::Attended, 4.0)),
        "the earlier selection was used up by the first marking"
    );

    // Tab goes to the focused row's hours; typing replaces them, Enter saves.
    press(&mut harness, egui::Key::Home);
    press(&mut harness, egui::Key::Tab);
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "Stunden von Lena Altmann")
            .is_focused(),
        "Tab reaches the hours field"
    );
    harness.event(egui::Event::Text("3,5".to_owned()));
    settle(&mut harness);
    press(&mut harness, egui::Key::Enter);
    assert_eq!(
        status_of(&path, f.morning, f.altmann),
        Some((AttendanceStatus::Attended, 3.5))
    );
    // Back in the table, the keys work again.
    press(&mut harness, egui::Key::ArrowDown);
    press(&mut harness, egui::Key::Num2);
    assert_eq!(
        status_of(&path, f.morning, f.dorn),
        Some((AttendanceStatus::Absent, 0.0))
    );
}

/// A provider's list for the morning session: one "Anna Schmidt" fits two employees.
fn provider_csv(dir: &Path) -> PathBuf {
    let path = dir.join("teilnehmerliste-digifit.csv");
    std::fs::write(
        &path,
        "Nachname;Vorname;Status\nSchmidt;Anna;teilgenommen\nWeiß;Jürgen;teilgenommen\nBrandt;Bernd;entschuldigt\n",
    )
    .expect("write");
    path
}

/// Picks `choice` in the match combo box of the unresolved row on `line`.
fn resolve(harness: &mut Harness<'_, LotseApp>, line: usize, choice: &str) {
    click(
        harness,
        Role::ComboBox,
        &format!("Zuordnung für Zeile {line}"),
    );
    click_label(harness, choice);
}

#[test]
fn an_ambiguous_name_is_resolved_in_the_preview_and_then_imported() {
    let (dir, path) = temp_db();
    let f = fixture(&path);
    let csv = provider_csv(dir.path());
    let mut harness = app(&path);
    open_roster(&mut harness, MORNING);

    harness.state_mut().preview_attendance_import(csv);
    settle(&mut harness);
    assert!(has_text(&harness, "Zuzuordnen (1 von 1 offen)"));
    assert!(has_text(&harness, "2 Beschäftigte passen dazu."));
    let commit = harness.get_by_role_and_label(Role::Button, "Übernehmen");
    assert!(
        commit.accesskit_node().is_disabled(),
        "nothing can be imported while a row is unresolved"
    );
    assert_eq!(
        roster_size(&path, f.morning),
        0,
        "the preview writes nothing"
    );

    resolve(&mut harness, 2, "1005 Anna Schmidt, Bauamt (60)");
    assert!(
        has_text(&harness, "Zuzuordnen (0 von 1 offen)"),
        "the counts follow the choice at once"
    );
    click_button(&mut harness, "Übernehmen");

    assert_eq!(
        status_of(&path, f.morning, f.anna_bauamt),
        Some((AttendanceStatus::Attended, 4.0))
    );
    assert!(status_of(&path, f.morning, f.anna_hauptamt).is_none());
    assert_eq!(
        status_of(&path, f.morning, f.weiss),
        Some((AttendanceStatus::Attended, 4.0))
    );
    assert_eq!(roster_size(&path, f.morning), 3);
    assert!(
        harness
            .state()
            .notice()
            .is_some_and(|n| n.starts_with("Import abgeschlossen: 3 neu")),
        "{:?}",
        harness.state().notice()
    );
    assert!(
        has_text(&harness, "Schmidt, Anna"),
        "the roster shows the import"
    );
    assert!(
        !has_text(&harness, "Zuzuordnen (0 von 1 offen)"),
        "the window closed"
    );
}

#[test]
fn skipping_the_ambiguous_row_imports_the_others_only() {
    let (dir, path) = temp_db();
    let f = fixture(&path);
    let csv = provider_csv(dir.path());
    let mut harness = app(&path);
    open_roster(&mut harness, MORNING);
    harness.state_mut().preview_attendance_import(csv);
    settle(&mut harness);
    resolve(&mut harness, 2, "Zeile überspringen");
    click_button(&mut harness, "Übernehmen");
    assert_eq!(roster_size(&path, f.morning), 2);
    assert!(status_of(&path, f.morning, f.anna_bauamt).is_none());
    assert!(status_of(&path, f.morning, f.anna_hauptamt).is_none());
}

#[test]
fn the_history_on_the_employee_page_shows_sessions_and_hours_per_year() {
    let (_dir, path) = temp_db();
    let f = fixture(&path);
    {
        let mut store = open_store(&path);
        service::attendance::record(&mut store, f.small, &[f.weiss], None, None).expect("record");
        service::attendance::record(
            &mut store,
            f.morning,
            &[f.weiss],
            Some(AttendanceStatus::Partial),
            Some(2.5),
        )
        .expect("record");
        // A session a year earlier, excused.
        let last_year = service::sessions::add(
            &mut store,
            &SessionInput {
                seminar_id: f.seminar,
                starts_at: at(3, 9) - chrono::Duration::days(365),
                ends_at: at(3, 16) - chrono::Duration::days(365),
                location: String::new(),
                trainer: String::new(),
                capacity: None,
            },
        )
        .expect("session");
        service::attendance::record(
            &mut store,
            last_year,
            &[f.weiss],
            Some(AttendanceStatus::Excused),
            None,
        )
        .expect("record");
    }
    let mut harness = app(&path);
    click_button(&mut harness, "Beschäftigte");
    click_label(&mut harness, "Weiß");

    assert!(has_text(&harness, "Besuchte Seminare"));
    assert!(has_text(&harness, "03.03.2026"));
    assert!(has_text(&harness, "10.03.2026"));
    assert!(has_text(&harness, "03.03.2025"));
    assert!(has_text(&harness, "teilweise teilgenommen"));
    assert!(has_text(&harness, "entschuldigt"));
    assert!(has_text(&harness, "Stunden je Jahr"));
    // 7 h in full and 2.5 h in part in 2026; the excused session of 2025 counts nothing.
    assert!(has_text(&harness, "9,5 Std. · 1 Seminar, 1 teilweise"));
    assert!(
        !has_text(&harness, "2025"),
        "a year without hours has no total"
    );

    // Sortable: by hours, ascending, the excused session (no hours) comes first.
    let y = |h: &Harness<'_, LotseApp>, text: &str| h.get_by_label(text).rect().min.y;
    assert!(
        y(&harness, "10.03.2026") < y(&harness, "03.03.2026"),
        "newest first"
    );
    click_button(&mut harness, "Stunden");
    assert!(y(&harness, "03.03.2025") < y(&harness, "10.03.2026"));
    assert!(y(&harness, "10.03.2026") < y(&harness, "03.03.2026"));
}

#[test]
fn deleting_a_session_with_attendance_asks_first() {
    let (_dir, path) = temp_db();
    let f = fixture(&path);
    register(&path, f.small, &[f.altmann, f.dorn]);
    let mut harness = app(&path);
    click_button(&mut harness, "Seminare & Termine");
    harness.get_by_label_contains("Vergangene (").click();
    settle(&mut harness);
    click_label(&mut harness, SMALL);

    click_button(&mut harness, "Termin löschen …");
    assert!(
        has_text(
            &harness,
            "Mit dem Termin werden auch alle 2 erfassten Teilnahmen gelöscht. Wirklich löschen?"
        ),
        "the question says how many attendance records go"
    );
    click_button(&mut harness, "Abbrechen");
    let store = open_store(&path);
    assert!(
        store.store().session(f.small).expect("read").is_some(),
        "nothing deleted"
    );
    assert_eq!(roster_size(&path, f.small), 2);

    click_button(&mut harness, "Termin löschen …");
    click_button(&mut harness, "Termin und Teilnahmen löschen");
    let store = open_store(&path);
    assert!(store.store().session(f.small).expect("read").is_none());
    assert_eq!(roster_size(&path, f.small), 0);
    assert_eq!(
        harness.state().notice(),
        Some("Der Termin wurde gelöscht, mit ihm 2 Teilnahmen.")
    );
}

#[test]
fn changing_a_session_with_attendance_asks_and_an_end_before_the_start_is_refused() {
    let (_dir, path) = temp_db();
    let f = fixture(&path);
    register(&path, f.small, &[f.altmann]);
    let mut harness = app(&path);
    click_button(&mut harness, "Seminare & Termine");
    harness.get_by_label_contains("Vergangene (").click();
    settle(&mut harness);
    click_label(&mut harness, SMALL);

    // End before start: the service's message, nothing written.
    type_into(&mut harness, "Ende", "02.03.2026");
    click_button(&mut harness, "Speichern");
    assert!(has_text(
        &harness,
        "Das Ende liegt vor dem Beginn. Bitte prüfen Sie Datum und Uhrzeit."
    ));
    let session = open_store(&path)
        .store()
        .session(f.small)
        .expect("read")
        .expect("session");
    assert_eq!(session.ends_at, at(3, 16));

    // A real change: asked, then saved.
    harness
        .get_by_role_and_label(Role::TextInput, "Ende")
        .focus();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    settle(&mut harness);
    type_into(&mut harness, "Ort oder Link", " (Neubau)");
    click_button(&mut harness, "Speichern");
    assert!(has_text(
        &harness,
        "Zu diesem Termin ist bereits eine Teilnahme erfasst. Soll der Termin trotzdem geändert werden?"
    ));
    click_button(&mut harness, "Trotzdem ändern");
    let session = open_store(&path)
        .store()
        .session(f.small)
        .expect("read")
        .expect("session");
    assert_eq!(session.location, "Rathaus, Raum 101 (Neubau)");
    assert_eq!(roster_size(&path, f.small), 1, "the attendance stays");
}

/// The "done when", as an officer would do it: create a session, add a
/// department, mark everyone attended but two, import a provider's list for another
/// session, resolve the one ambiguous name, and see both sessions in the histories.
#[test]
fn an_officer_records_two_sessions_and_sees_them_in_the_histories() {
    let (dir, path) = temp_db();
    let f = fixture(&path);
    let csv = provider_csv(dir.path());
    let mut harness = app(&path);

    // 1. A new session on 12.03.2026, 09:00–16:00 (the proposed times).
    click_button(&mut harness, "Seminare & Termine");
    click_button(&mut harness, "+ Termin anlegen");
    let form_combo = harness
        .get_all_by_role_and_label(Role::ComboBox, "Seminar")
        .max_by(|a, b| a.rect().min.x.total_cmp(&b.rect().min.x))
        .expect("the form's seminar field");
    form_combo.click();
    settle(&mut harness);
    click_label(&mut harness, "DF-101 – Grundlagen der digitalen Verwaltung");
    type_into(&mut harness, "Beginn", "12.03.2026");
    type_into(&mut harness, "Ort oder Link", "Rathaus, Sitzungssaal");
    type_into(&mut harness, "Plätze", "12");
    click_button(&mut harness, "Speichern");
    assert_eq!(
        harness.state().notice(),
        Some("Der Termin DF-101 am 12.03.2026, 09:00–16:00 wurde angelegt.")
    );
    let new_session = open_store(&path)
        .store()
        .session_rows(&Default::default())
        .expect("read")
        .into_iter()
        .find(|r| r.session.starts_at == at(12, 9))
        .expect("the new session is stored")
        .session;
    assert_eq!(new_session.ends_at, at(12, 16));
    assert_eq!(new_session.capacity, Some(12));

    // 2. Its roster: the whole Bauamt with Hochbau.
    click_button(&mut harness, "Teilnehmerliste öffnen");
    click(&mut harness, Role::ComboBox, "Organisationseinheit");
    click_label(&mut harness, "60 Bauamt");
    click_button(&mut harness, "Organisationseinheit hinzufügen");
    assert_eq!(roster_size(&path, new_session.id), 4);

    // 3. Everyone attended but two: select all, leave two out, mark; then the two.
    click(&mut harness, Role::CheckBox, "Alle auswählen");
    click(&mut harness, Role::CheckBox, "Kim Dorn auswählen");
    click(&mut harness, Role::CheckBox, "Anna Schmidt auswählen");
    click_button(&mut harness, "Teilgenommen");
    click(&mut harness, Role::CheckBox, "Kim Dorn auswählen");
    click_button(&mut harness, "Nicht erschienen");
    click(&mut harness, Role::CheckBox, "Anna Schmidt auswählen");
    click_button(&mut harness, "Entschuldigt");
    let expect = |e, status, hours| {
        assert_eq!(status_of(&path, new_session.id, e), Some((status, hours)));
    };
    expect(f.weiss, AttendanceStatus::Attended, 7.0);
    expect(f.altmann, AttendanceStatus::Attended, 7.0);
    expect(f.dorn, AttendanceStatus::Absent, 0.0);
    expect(f.anna_bauamt, AttendanceStatus::Excused, 0.0);

    // 4. The provider's list for the morning session, with the ambiguous Anna Schmidt.
    click_button(&mut harness, "← Alle Termine");
    harness.get_by_label_contains("Vergangene (").click();
    settle(&mut harness);
    click_label(&mut harness, MORNING);
    click_button(&mut harness, "Teilnehmerliste öffnen");
    harness.state_mut().preview_attendance_import(csv);
    settle(&mut harness);
    resolve(&mut harness, 2, "1005 Anna Schmidt, Bauamt (60)");
    click_button(&mut harness, "Übernehmen");
    assert_eq!(roster_size(&path, f.morning), 3);

    // 5. The histories: Weiß has both sessions, 7 h + 4 h in 2026.
    click_button(&mut harness, "Beschäftigte");
    click_label(&mut harness, "Weiß");
    assert!(has_text(&harness, "12.03.2026"));
    assert!(has_text(&harness, "10.03.2026"));
    assert!(has_text(&harness, "11 Std. · 2 Seminare"));
    // Anna Schmidt of the Bauamt: excused at the first, attended the second: 4 h.
    harness
        .get_by_role_and_label(Role::TextInput, "Suche")
        .focus();
    settle(&mut harness);
    harness
        .get_by_role_and_label(Role::TextInput, "Suche")
        .type_text("1005");
    settle(&mut harness);
    click_label(&mut harness, "Schmidt");
    assert!(has_text(&harness, "12.03.2026"));
    assert!(has_text(&harness, "entschuldigt"));
    assert!(has_text(&harness, "4 Std. · 1 Seminar"));
}

#[test]
fn a_session_over_several_days_shows_its_days_without_times() {
    let (_dir, path) = temp_db();
    let f = fixture(&path);
    {
        let mut store = open_store(&path);
        service::sessions::add(
            &mut store,
            &SessionInput {
                seminar_id: f.seminar,
                starts_at: at(1, 0),
                ends_at: NaiveDate::from_ymd_opt(2026, 3, 31)
                    .and_then(|d| d.and_hms_opt(23, 59, 0))
                    .expect("date-time"),
                location: "https://lernen.example".into(),
                trainer: String::new(),
                capacity: None,
            },
        )
        .expect("session");
    }
    let mut harness = app(&path);
    click_button(&mut harness, "Seminare & Termine");
    // Running until 31.03., it is among the current sessions: its days, no 00:00.
    assert!(has_text(&harness, "01.03.–31.03.2026"));
    assert!(!has_text_containing(&harness, "00:00"));
    click_label(&mut harness, "01.03.–31.03.2026");
    click_button(&mut harness, "Teilnehmerliste öffnen");
    assert!(
        has_text_containing(&harness, "01.03.–31.03.2026 · https://lernen.example"),
        "the roster heading"
    );
}

#[test]
fn the_session_form_writes_the_invitation_as_a_calendar_file() {
    let (dir, path) = temp_db();
    let f = fixture(&path);
    register(&path, f.small, &[f.altmann, f.dorn]);
    let mut harness = app(&path);
    click_button(&mut harness, "Seminare & Termine");
    harness.get_by_label_contains("Vergangene (").click();
    settle(&mut harness);
    click_label(&mut harness, SMALL);
    harness.get_by_label("Einladung (.ics) …");
    harness.get_by_label("Absage (.ics) …");
    assert!(
        has_text_containing(&harness, "Organisator-E-Mail-Adresse"),
        "the hint says that invitations need the organizer address"
    );

    // The save dialog cannot be driven headless: the file is chosen as the dialog would.
    let file = dir.path().join("einladung.ics");
    assert!(
        harness
            .state_mut()
            .write_session_calendar_to(file.clone(), true, false)
    );
    settle(&mut harness);
    let text = std::fs::read_to_string(&file).expect("calendar file");
    assert!(text.contains("METHOD:REQUEST\r\n"));
    assert!(text.contains("DTSTART;TZID=Europe/Berlin:20260303T090000\r\n"));
    let notice = harness.state().notice().expect("notice").to_owned();
    assert!(notice.starts_with("Die Einladung wurde in"), "{notice}");
    assert!(notice.contains("einladung.ics"), "{notice}");
    assert!(
        notice.contains("2 Personen haben keine E-Mail-Adresse"),
        "{notice}"
    );

    let cancel = dir.path().join("absage.ics");
    assert!(
        harness
            .state_mut()
            .write_session_calendar_to(cancel.clone(), false, true)
    );
    settle(&mut harness);
    let text = std::fs::read_to_string(&cancel).expect("cancellation");
    assert!(text.contains("METHOD:CANCEL\r\n"));
    assert!(text.contains("STATUS:CANCELLED\r\n"));
}
