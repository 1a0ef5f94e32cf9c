//! The Dashboard and the Reports screen driven through the accessibility tree
//! (egui_kittest, headless), over a small administration whose figures are worked out
//! by hand.
//!
//! Today is 21.11.2026. Program DL requires the seminars DF-101 and DF-102 and is valid
//! for 24 months.
//!
//! | unit                        | person        | DL                                        |
//! | --------------------------- | ------------- | ----------------------------------------- |
//! | DEZ Dezernat Zentrales      | Dieter Dorn   | certificate of 10.03.2026 (valid)         |
//! |                             | Emil Eckert   | nothing; registered for a session on 25.11.2026 |
//! | AMT Hauptamt (below DEZ)    | Anna Arndt    | certificate of 10.03.2026 (valid)         |
//! |                             | Bernd Brandt  | certificate of 20.01.2025, valid until 20.01.2027: expiring (60 days) |
//! |                             | Clara Conrad  | both seminars, no certificate (eligible)  |
//! | KAE Kämmerei                | Frieda Fuchs  | both seminars, no certificate (eligible)  |
//! |                             | Greta Graf    | nothing                                   |
//!
//! On 21.11.2026: DEZ (with AMT) 5 employees, 3 valid, 1 expiring; AMT 3 employees, 2 valid;
//! KAE 2 employees, 0 valid. On 01.03.2026 only Bernd's certificate exists: DEZ 1 valid.

#![cfg(feature = "gui")]

mod common_ui;

use common_ui::{click_button, has_text, settle, temp_db};
use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use lotse::app::{LotseApp, Screen};
use lotse::model::{
    AttendanceInput, AttendanceStatus, DepartmentId, DepartmentInput, EmployeeId, EmployeeInput,
    ProgramInput, ProgramTitles, Requirement, Salutation, SeminarFormat, SeminarInput,
    SessionInput,
};
use lotse::service;
use lotse::service::Database;
use lotse::service::certificates::IssueOptions;
use lotse::store::FixedClock;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn at(day: NaiveDate, hour: u32) -> NaiveDateTime {
    day.and_hms_opt(hour, 0, 0).expect("time")
}

fn today() -> NaiveDate {
    date(2026, 11, 21)
}

fn open_store(path: &Path) -> Database {
    Database::open(path)
        .expect("open store")
        .with_clock(FixedClock::on(today()))
}

fn department(
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

fn employee(
    store: &mut Database,
    number: &str,
    first: &str,
    last: &str,
    department: DepartmentId,
) -> EmployeeId {
    service::employees::add(
        store,
        &EmployeeInput {
            personnel_number: number.to_owned(),
            first_name: first.to_owned(),
            last_name: last.to_owned(),
            salutation: Salutation::Neutral,
            department_id: Some(department),
            entry_date: Some(date(2015, 1, 1)),
            ..EmployeeInput::default()
        },
    )
    .expect("add employee")
}

fn issue(store: &mut Database, program: lotse::model::ProgramId, who: EmployeeId, on: NaiveDate) {
    service::certificates::issue(store, program, &[who], &IssueOptions::on(on), &mut |_| true)
        .expect("issue");
}

/// The administration of the module documentation.
fn scenario(path: &Path) {
    let mut store = open_store(path);
    let dez = department(&mut store, "DEZ", "Dezernat Zentrales", None);
    let amt = department(&mut store, "AMT", "Hauptamt", Some(dez));
    let kae = department(&mut store, "KAE", "Kämmerei", None);
    let dieter = employee(&mut store, "1004", "Dieter", "Dorn", dez);
    let emil = employee(&mut store, "1005", "Emil", "Eckert", dez);
    let anna = employee(&mut store, "1001", "Anna", "Arndt", amt);
    let bernd = employee(&mut store, "1002", "Bernd", "Brandt", amt);
    let clara = employee(&mut store, "1003", "Clara", "Conrad", amt);
    let frieda = employee(&mut store, "1006", "Frieda", "Fuchs", kae);
    employee(&mut store, "1007", "Greta", "Graf", kae);

    let program = store
        .store_mut()
        .transact(|tx| {
            let mut seminars = Vec::new();
            for (code, title) in [
                ("DF-101", "Grundlagen der digitalen Verwaltung"),
                ("DF-102", "E-Akte in der Praxis"),
            ] {
                let seminar = tx.insert_seminar(&SeminarInput {
                    code: code.into(),
                    title: title.into(),
                    provider: "krz DigiFit-Akademie".into(),
                    format: SeminarFormat::Webinar,
                    default_hours: 4.0,
                    topic: "Digitale Verwaltung".into(),
                    ..Default::default()
                })?;
                // Bernd attended in 2024, the others in March 2026.
                for (day, people) in [
                    (date(2024, 6, 3), vec![bernd]),
                    (date(2026, 3, 2), vec![anna, clara, dieter, frieda]),
                ] {
                    let session = tx.insert_session(&SessionInput {
                        seminar_id: seminar,
                        starts_at: at(day, 9),
                        ends_at: at(day, 13),
                        location: "Rathaus".into(),
                        trainer: String::new(),
                        capacity: None,
                    })?;
                    for e in people {
                        tx.insert_attendance(&AttendanceInput {
                            session_id: session,
                            employee_id: e,
                            status: AttendanceStatus::Attended,
                            hours: 4.0,
                            note: String::new(),
                        })?;
                    }
                }
                seminars.push(seminar);
            }
            // A session next week with one registration.
            let upcoming = tx.insert_session(&SessionInput {
                seminar_id: seminars[0],
                starts_at: at(date(2026, 11, 25), 9),
                ends_at: at(date(2026, 11, 25), 13),
                location: "Rathaus, Raum 101".into(),
                trainer: String::new(),
                capacity: Some(12),
            })?;
            tx.insert_attendance(&AttendanceInput {
                session_id: upcoming,
                employee_id: emil,
                status: AttendanceStatus::Registered,
                hours: 0.0,
                note: String::new(),
            })?;
            tx.insert_program(&ProgramInput {
                code: "DL".into(),
                serial_prefix: "DL".into(),
                titles: ProgramTitles {
                    de_male: "Digitallotse".into(),
                    de_female: "Digitallotsin".into(),
                    de_neutral: "Digitallots:in".into(),
                    en: "Digital Pilot".into(),
                },
                description: String::new(),
                validity_months: Some(24),
                allow_partial: false,
                requirements: seminars.into_iter().map(Requirement::Seminar).collect(),
            })
        })
        .expect("catalogue");
    issue(&mut store, program, bernd, date(2025, 1, 20));
    issue(&mut store, program, anna, date(2026, 3, 10));
    issue(&mut store, program, dieter, date(2026, 3, 10));
}

/// The app over the database at `path`, in German, after its first data arrived.
fn app(path: &Path) -> Harness<'static, LotseApp> {
    common_ui::harness(open_store(path), [1280.0, 800.0])
}

fn has_number(harness: &Harness<'_, LotseApp>, spoken: &str) -> bool {
    harness
        .query_by_role_and_label(Role::Button, spoken)
        .is_some()
}

/// Replaces the text of the field labelled `label` with `text`.
fn retype(harness: &mut Harness<'_, LotseApp>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .focus();
    settle(harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    settle(harness);
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    settle(harness);
}

const EVERYBODY: [&str; 7] = [
    "Arndt, Anna",
    "Brandt, Bernd",
    "Conrad, Clara",
    "Dorn, Dieter",
    "Eckert, Emil",
    "Fuchs, Frieda",
    "Graf, Greta",
];

/// Asserts that of everybody exactly `expected` is listed.
fn assert_listed(harness: &Harness<'_, LotseApp>, expected: &[&str]) {
    for name in EVERYBODY {
        assert_eq!(
            has_text(harness, name),
            expected.contains(&name),
            "{name} should {}be listed",
            if expected.contains(&name) { "" } else { "not " }
        );
    }
}

#[test]
fn the_dashboard_is_the_start_screen_and_shows_work_to_do() {
    let (_dir, path) = temp_db();
    scenario(&path);
    let mut harness = app(&path);
    assert_eq!(harness.state().screen(), Screen::Dashboard);

    // Bernd's certificate expires on 20.01.2027, 60 days from today; nobody else's does.
    assert!(has_text(&harness, "Brandt, Bernd"));
    assert!(has_text(&harness, "20.01.2027"));
    assert!(has_text(&harness, "60 Tage"));
    assert!(
        !has_text(&harness, "Arndt, Anna"),
        "Anna's certificate runs until 2028"
    );
    assert!(
        harness
            .query_by_label_contains("Ein Zertifikat läuft in den nächsten 90 Tagen ab")
            .is_some()
    );

    // Clara and Frieda meet every requirement and have no certificate.
    assert!(has_text(&harness, "2 Personen erfüllen alle Anforderungen"));
    assert!(harness.query_by_label_contains("Clara Conrad").is_some());
    assert!(harness.query_by_label_contains("Frieda Fuchs").is_some());
    assert!(harness.query_by_label_contains("Emil Eckert").is_none());
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Ausstellen …")
            .is_some()
    );

    // Next week's session with one of twelve places taken.
    assert!(has_text(&harness, "Grundlagen der digitalen Verwaltung"));
    assert!(has_text(&harness, "1/12"));
    assert!(has_text(&harness, "Mi 25.11.2026 09:00"));

    // A click on the expiring certificate opens the person.
    harness.get_by_label("Brandt, Bernd").click();
    settle(&mut harness);
    assert_eq!(harness.state().screen(), Screen::Employees);
    let last_name = harness.get_by_role_and_label(Role::TextInput, "Nachname");
    assert_eq!(
        last_name.accesskit_node().value().as_deref(),
        Some("Brandt"),
        "the form shows Bernd"
    );

    // A click on the session opens the Seminars screen.
    click_button(&mut harness, "Startseite");
    harness
        .get_by_label("Grundlagen der digitalen Verwaltung")
        .click();
    settle(&mut harness);
    assert_eq!(harness.state().screen(), Screen::Seminars);
}

#[test]
fn a_coverage_number_lists_exactly_the_people_behind_it() {
    let (_dir, path) = temp_db();
    scenario(&path);
    let mut harness = app(&path);
    click_button(&mut harness, "Berichte");
    assert_eq!(harness.state().screen(), Screen::Reports);

    // The tree rolls Hauptamt up into Dezernat Zentrales.
    assert!(has_number(&harness, "Beschäftigte, Dezernat Zentrales: 5"));
    assert!(has_number(&harness, "Gültig, Dezernat Zentrales: 3"));
    assert!(has_number(
        &harness,
        "Davon ablaufend, Dezernat Zentrales: 1"
    ));
    assert!(has_number(&harness, "Gültig, Hauptamt: 2"));
    assert!(has_number(&harness, "In Arbeit, Hauptamt: 1"));
    assert!(has_number(&harness, "Gültig, Kämmerei: 0"));
    assert!(has_number(&harness, "Gültig, Gesamte Verwaltung: 3"));
    assert_listed(&harness, &[]);

    click_button(&mut harness, "Gültig, Dezernat Zentrales: 3");
    assert_listed(&harness, &["Arndt, Anna", "Brandt, Bernd", "Dorn, Dieter"]);
    assert!(has_text(&harness, "3 Personen"));

    click_button(&mut harness, "Gültig, Hauptamt: 2");
    assert_listed(&harness, &["Arndt, Anna", "Brandt, Bernd"]);

    click_button(&mut harness, "In Arbeit, Kämmerei: 1");
    assert_listed(&harness, &["Fuchs, Frieda"]);

    click_button(&mut harness, "Schließen");
    assert_listed(&harness, &[]);
}

#[test]
fn the_as_of_date_changes_the_figures_and_the_list() {
    let (_dir, path) = temp_db();
    scenario(&path);
    let mut harness = app(&path);
    click_button(&mut harness, "Berichte");
    click_button(&mut harness, "Gültig, Dezernat Zentrales: 3");
    assert_listed(&harness, &["Arndt, Anna", "Brandt, Bernd", "Dorn, Dieter"]);

    // On 01.03.2026 only Bernd's certificate (of 2025) exists, and it is not expiring yet.
    retype(&mut harness, "Stichtag", "01.03.2026");
    assert!(has_number(&harness, "Gültig, Dezernat Zentrales: 1"));
    assert!(!has_number(&harness, "Gültig, Dezernat Zentrales: 3"));
    assert!(has_number(
        &harness,
        "Davon ablaufend, Dezernat Zentrales: 0"
    ));
    assert!(has_number(&harness, "Gültig, Hauptamt: 1"));
    assert_listed(&harness, &["Brandt, Bernd"]);

    // Back to today with the button.
    click_button(&mut harness, "Heute");
    assert!(has_number(&harness, "Gültig, Dezernat Zentrales: 3"));
    assert_listed(&harness, &["Arndt, Anna", "Brandt, Bernd", "Dorn, Dieter"]);
}

#[test]
fn the_matrix_shows_each_persons_state_and_filters_by_search() {
    let (_dir, path) = temp_db();
    scenario(&path);
    let mut harness = app(&path);
    click_button(&mut harness, "Berichte");
    harness.get_by_label("Qualifizierungsmatrix").click();
    settle(&mut harness);

    assert!(has_text(
        &harness,
        "Brandt, Bernd, Digitallots:in: läuft ab am 20.01.2027"
    ));
    assert!(has_text(
        &harness,
        "Arndt, Anna, Digitallots:in: gültig bis 10.03.2028"
    ));
    assert!(has_text(
        &harness,
        "Conrad, Clara, Digitallots:in: berechtigt (2/2)"
    ));
    assert!(has_text(
        &harness,
        "Graf, Greta, Digitallots:in: kein Zertifikat, keine Anforderung erfüllt"
    ));

    retype(&mut harness, "Suche", "fuchs");
    assert!(has_text(&harness, "Fuchs, Frieda"));
    assert!(!has_text(&harness, "Graf, Greta"));
    assert!(has_text(&harness, "1 von 7 Beschäftigten"));
}

/// Reads the first sheet of an XLSX file as rows of text.
fn xlsx_rows(path: &Path) -> Vec<Vec<String>> {
    use calamine::{Reader, open_workbook_auto};
    let mut book = open_workbook_auto(path).expect("open xlsx");
    let name = book.sheet_names().first().cloned().expect("a sheet");
    let range = book.worksheet_range(&name).expect("sheet");
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

#[test]
fn the_export_writes_what_the_screen_shows() {
    let (dir, path) = temp_db();
    scenario(&path);
    let mut harness = app(&path);
    click_button(&mut harness, "Berichte");
    retype(&mut harness, "Stichtag", "01.03.2026");
    assert!(has_number(&harness, "Gültig, Dezernat Zentrales: 1"));

    // Coverage on 01.03.2026 as CSV: Bernd is the only holder in DEZ.
    let csv_path = dir.path().join("abdeckung.csv");
    harness.state_mut().export_report_to(csv_path.clone());
    settle(&mut harness);
    let csv = std::fs::read_to_string(&csv_path).expect("the CSV was written");
    assert!(
        csv.contains("DEZ;Dezernat Zentrales;DL;Digitallots:in;5;1;0;0;0;20,0;01.03.2026"),
        "{csv}"
    );
    assert!(csv.contains("AMT;Hauptamt;DL;Digitallots:in;3;1;0;0;0;33,3;01.03.2026"));
    assert!(
        harness
            .state()
            .notice()
            .is_some_and(|n| n.contains("abdeckung.csv")),
        "{:?}",
        harness.state().notice()
    );

    // The matrix as XLSX holds only the people the search leaves on screen.
    harness.get_by_label("Qualifizierungsmatrix").click();
    settle(&mut harness);
    retype(&mut harness, "Suche", "brandt");
    let xlsx_path = dir.path().join("matrix.xlsx");
    harness.state_mut().export_report_to(xlsx_path.clone());
    settle(&mut harness);
    let rows = xlsx_rows(&xlsx_path);
    assert_eq!(rows.len(), 2, "the header and Bernd: {rows:?}");
    assert_eq!(rows[1][0], "1002");
    assert!(
        rows[1].iter().any(|c| c == "gültig bis 20.01.2027"),
        "{rows:?}"
    );

    // A PDF is only offered for coverage.
    harness
        .state_mut()
        .export_report_to(dir.path().join("matrix.pdf"));
    settle(&mut harness);
    assert!(!dir.path().join("matrix.pdf").exists());
    assert!(
        harness.state().notice().is_some_and(|n| n.contains("PDF")),
        "{:?}",
        harness.state().notice()
    );
}

#[test]
fn the_compliance_report_for_a_department_is_written_from_the_reports_screen() {
    let (dir, path) = temp_db();
    scenario(&path);
    let mut harness = app(&path);
    click_button(&mut harness, "Berichte");
    assert!(has_text(&harness, "Prüfbericht für Audits:"));

    // The scope: the Hauptamt (below the Dezernat), as of today.
    harness
        .get_by_role_and_label(Role::ComboBox, "Prüfbericht für Audits:")
        .click();
    settle(&mut harness);
    harness.get_by_label("   AMT Hauptamt").click();
    settle(&mut harness);
    let pdf_path = dir.path().join("pruefbericht.pdf");
    harness.state_mut().export_compliance_to(pdf_path.clone());
    settle(&mut harness);
    let bytes = std::fs::read(&pdf_path).expect("the PDF was written");
    let doc = lopdf::Document::load_mem(&bytes).expect("a PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text");
    for needle in [
        "Prüfbericht Qualifizierung und Zertifizierung",
        "Stichtag: 21.11.2026",
        "Organisationseinheit: AMT Hauptamt mit ihren Untereinheiten",
        "Arndt, Anna",
        "Brandt, Bernd",
        "gültig, läuft bald ab",
        "Seite 1 von",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
    // Dieter Dorn works in the Dezernat above: not in the Hauptamt's report.
    assert!(!text.contains("Dorn"), "{text}");

    // The workbook of the whole administration on 01.03.2026: only Bernd's certificate.
    retype(&mut harness, "Stichtag", "01.03.2026");
    harness
        .get_by_role_and_label(Role::ComboBox, "Prüfbericht für Audits:")
        .click();
    settle(&mut harness);
    // (The coverage table has a line of that name too: the choice is the popup's.)
    harness
        .get_all_by_label("Gesamte Verwaltung")
        .find(|n| n.accesskit_node().role() != Role::Label)
        .expect("the choice")
        .click();
    settle(&mut harness);
    let xlsx_path = dir.path().join("pruefbericht.xlsx");
    harness.state_mut().export_compliance_to(xlsx_path.clone());
    settle(&mut harness);
    use calamine::{Reader, open_workbook_auto};
    let mut book = open_workbook_auto(&xlsx_path).expect("open xlsx");
    let holders = book.worksheet_range("Gültige Zertifikate").expect("sheet");
    assert_eq!(holders.height(), 2, "the header and Bernd");
    let about = book.worksheet_range("Bericht").expect("sheet");
    assert_eq!(
        about.get((1, 1)).map(|c| c.to_string()).as_deref(),
        Some("Bereich: gesamte Verwaltung")
    );
    assert_eq!(
        about.get((3, 1)).map(|c| c.to_string()).as_deref(),
        Some("46082"),
        "the as-of day 01.03.2026 as an Excel date"
    );

    // CSV is refused with a sentence; nothing is written.
    let csv_path = dir.path().join("pruefbericht.csv");
    harness.state_mut().export_compliance_to(csv_path.clone());
    settle(&mut harness);
    assert!(!csv_path.exists());
    assert!(
        harness.state().notice().is_some_and(|n| n.contains("PDF")),
        "{:?}",
        harness.state().notice()
    );
}
