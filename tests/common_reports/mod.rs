//! The hand-built administration the report tests share (`tests/reports.rs`,
//! `tests/compliance.rs`); every number below is worked out by hand.
//!
//! hours, and the CSV / XLSX / PDF files, plus the command line.
//!
//! The administration ("today" and the main as-of date A = 21.11.2026):
//!
//! ```text
//! I     Dezernat I
//!   10    Hauptamt           P05 Ernst, P06 Fischer (leaver)
//!     10.1  Personal         P01 Albers, P02 Brandt
//!     10.2  IT               P03 Cordes, P04 Dahl
//!   20    Kämmerei           P07 Güneş, P08 Hoffmann
//! II    Dezernat II
//!   60    Bauamt             P09 Illner, P10 Jansen (joins 01.01.2027)
//! (no department)            P11 Krüger
//! ```
//!
//! Seminars and sessions: DF-101 on 15.01.2024 (4 h), DF-102 on 16.01.2024 (4 h) and again
//! on 05.05.2025 (4 h), DCM-201 on 10.06.2024 (8 h), DF-101 again on 10.12.2026 (future).
//!
//! Programs: DL requires DF-101 and DF-102, valid 24 months; DCM requires a valid DL
//! and DCM-201, no expiry (partial attendance does not count).
//!
//! | who | training | certificates |
//! | --- | --- | --- |
//! | P01 Albers   | DF-101, DF-102, DCM-201 | DL 21.11.2024 → 21.11.2026 (expires ON day A); DCM 10.01.2025 (no expiry) |
//! | P02 Brandt   | DF-101, DF-102          | DL 20.11.2024 → 20.11.2026 (expired the day before A) |
//! | P03 Cordes   | DF-101, DF-102          | DL 15.06.2025 → 15.06.2027, corrected on 10.01.2026 (old one superseded) |
//! | P04 Dahl     | DF-101, DCM-201, DF-102 (2025) | none |
//! | P05 Ernst    | DF-101, DF-102          | DL 01.03.2025 → 01.03.2027, revoked 01.05.2026 |
//! | P06 Fischer  | DF-101, DF-102          | DL 15.06.2025 → 15.06.2027; left 30.06.2026 |
//! | P07 Güneş    | DF-101, DF-102          | DL 22.11.2024 → 22.11.2026 (expires the day after A) |
//! | P08 Hoffmann | DCM-201 partly (3 h); registered for DF-101 in Dec 2026 | none |
//! | P09 Illner   | DF-101, DF-102; absent at DCM-201 | none |
//! | P10 Jansen   | –                       | none (joins after A) |
//! | P11 Krüger   | DF-101, DF-102          | DL 15.06.2025 → 15.06.2027 |
#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use lotse::model::{
    AttendanceInput, AttendanceStatus, DepartmentId, DepartmentInput, EmployeeId, EmployeeInput,
    ProgramId, ProgramInput, ProgramTitles, Requirement, Salutation, SeminarFormat, SeminarId,
    SeminarInput, SessionInput,
};
use lotse::service;
use lotse::service::Database;
use lotse::service::certificates::{self, Correction, IssueOptions};
use lotse::service::settings::{self, CertificateSettings};
use lotse::store::FixedClock;

pub fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub fn at(day: &str, hour: u32) -> NaiveDateTime {
    d(day).and_hms_opt(hour, 0, 0).unwrap()
}

/// Day A: "today" in the scenario and the main as-of date.
pub const A: &str = "2026-11-21";
/// Day B: a past as-of date ("how did it look at the end of last year?").
pub const B: &str = "2025-12-31";

pub struct Scenario {
    pub store: Database,
    pub dl: ProgramId,
    pub dcm: ProgramId,
    pub departments: HashMap<&'static str, DepartmentId>,
    pub people: HashMap<&'static str, EmployeeId>,
}

/// Key (personnel number), first name, last name, department code, entry date.
pub type Person = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

/// The employees.
pub const PEOPLE: [Person; 11] = [
    ("P01", "Anna", "Albers", Some("10.1"), None),
    ("P02", "Bernd", "Brandt", Some("10.1"), None),
    ("P03", "Clara", "Cordes", Some("10.2"), None),
    ("P04", "Dieter", "Dahl", Some("10.2"), None),
    ("P05", "Eva", "Ernst", Some("10"), None),
    ("P06", "Frank", "Fischer", Some("10"), None),
    ("P07", "Gül", "Güneş", Some("20"), None),
    ("P08", "Hans", "Hoffmann", Some("20"), None),
    ("P09", "Ida", "Illner", Some("60"), None),
    ("P10", "Jens", "Jansen", Some("60"), Some("2027-01-01")),
    ("P11", "Karl", "Krüger", None, None),
];

pub fn scenario() -> Scenario {
    build(Database::open_scratch().unwrap())
}

pub fn build(store: Database) -> Scenario {
    let mut store = store.with_clock(FixedClock::on(d(A)));
    settings::save_certificate_settings(
        &mut store,
        &CertificateSettings {
            organisation: "Stadt Porta Westfalica".into(),
            place: "Porta Westfalica".into(),
            signatory_name: "Anke Müller-Weiß".into(),
            signatory_title: "Bürgermeisterin".into(),
            ..Default::default()
        },
    )
    .unwrap();

    let mut departments = HashMap::new();
    for (code, name, parent) in [
        ("I", "Dezernat I", None),
        ("10", "Hauptamt", Some("I")),
        ("10.1", "Personal", Some("10")),
        ("10.2", "IT", Some("10")),
        ("20", "Kämmerei", Some("I")),
        ("II", "Dezernat II", None),
        ("60", "Bauamt", Some("II")),
    ] {
        let id = service::departments::add(
            &mut store,
            &DepartmentInput {
                code: code.into(),
                name: name.into(),
                parent_id: parent.map(|p| departments[p]),
            },
        )
        .unwrap();
        departments.insert(code, id);
    }

    let mut people = HashMap::new();
    for (key, first, last, dept, entry) in PEOPLE {
        let id = service::employees::add(
            &mut store,
            &EmployeeInput {
                personnel_number: key.into(),
                first_name: first.into(),
                last_name: last.into(),
                salutation: Salutation::Neutral,
                department_id: dept.map(|c| departments[c]),
                entry_date: entry.map(d),
                ..Default::default()
            },
        )
        .unwrap();
        people.insert(key, id);
    }

    let (dl, dcm) = store
        .store_mut()
        .transact(|tx| {
            let seminar = |code: &str, title: &str, hours: f64| -> lotse::Result<SeminarId> {
                tx.insert_seminar(&SeminarInput {
                    code: code.into(),
                    title: title.into(),
                    provider: "krz DigiFit-Akademie".into(),
                    format: SeminarFormat::InPerson,
                    default_hours: hours,
                    topic: "Digitale Verwaltung".into(),
                    ..Default::default()
                })
            };
            let s1 = seminar("DF-101", "Grundlagen der digitalen Verwaltung", 4.0)?;
            let s2 = seminar("DF-102", "E-Akte in der Praxis", 4.0)?;
            let s3 = seminar("DCM-201", "Veränderungen begleiten", 8.0)?;
            let session = |seminar, day: &str, from: u32, to: u32| {
                tx.insert_session(&SessionInput {
                    seminar_id: seminar,
                    starts_at: at(day, from),
                    ends_at: at(day, to),
                    location: "Rathaus".into(),
                    trainer: String::new(),
                    capacity: None,
                })
            };
            let s1a = session(s1, "2024-01-15", 9, 13)?;
            let s2a = session(s2, "2024-01-16", 9, 13)?;
            let s3a = session(s3, "2024-06-10", 9, 17)?;
            let s2b = session(s2, "2025-05-05", 9, 13)?;
            let s1c = session(s1, "2026-12-10", 9, 13)?;
            let mark = |session, key: &str, status, hours| {
                tx.insert_attendance(&AttendanceInput {
                    session_id: session,
                    employee_id: people[key],
                    status,
                    hours,
                    note: String::new(),
                })
            };
            use AttendanceStatus::*;
            for key in [
                "P01", "P02", "P03", "P04", "P05", "P06", "P07", "P09", "P11",
            ] {
                mark(s1a, key, Attended, 4.0)?;
            }
            for key in ["P01", "P02", "P03", "P05", "P06", "P07", "P09", "P11"] {
                mark(s2a, key, Attended, 4.0)?;
            }
            mark(s3a, "P01", Attended, 8.0)?;
            mark(s3a, "P04", Attended, 8.0)?;
            mark(s3a, "P08", Partial, 3.0)?;
            mark(s3a, "P09", Absent, 0.0)?;
            mark(s2b, "P04", Attended, 4.0)?;
            mark(s1c, "P08", Registered, 0.0)?;
            let titles = |m: &str, f: &str, n: &str, en: &str| ProgramTitles {
                de_male: m.into(),
                de_female: f.into(),
                de_neutral: n.into(),
                en: en.into(),
            };
            let dl = tx.insert_program(&ProgramInput {
                code: "DL".into(),
                serial_prefix: "DL".into(),
                titles: titles(
                    "Digitallotse",
                    "Digitallotsin",
                    "Digitallots:in",
                    "Digital Pilot",
                ),
                description: String::new(),
                validity_months: Some(24),
                allow_partial: false,
                requirements: vec![Requirement::Seminar(s1), Requirement::Seminar(s2)],
            })?;
            let dcm = tx.insert_program(&ProgramInput {
                code: "DCM".into(),
                serial_prefix: "DCM".into(),
                titles: titles(
                    "Digital- und Changemanager",
                    "Digital- und Changemanagerin",
                    "Digital- und Changemanager:in",
                    "Digital and Change Manager",
                ),
                description: String::new(),
                validity_months: None,
                allow_partial: false,
                requirements: vec![Requirement::Prerequisite(dl), Requirement::Seminar(s3)],
            })?;
            Ok((dl, dcm))
        })
        .unwrap();

    let issue = |store: &mut Database, program, keys: &[&str], on: &str| {
        let who: Vec<EmployeeId> = keys.iter().map(|k| people[k]).collect();
        certificates::issue(store, program, &who, &IssueOptions::on(d(on)), &mut |_| {
            true
        })
        .unwrap()
    };
    issue(&mut store, dl, &["P01"], "2024-11-21");
    issue(&mut store, dl, &["P02"], "2024-11-20");
    issue(&mut store, dl, &["P07"], "2024-11-22");
    issue(&mut store, dcm, &["P01"], "2025-01-10");
    let ernst = issue(&mut store, dl, &["P05"], "2025-03-01");
    let june = issue(&mut store, dl, &["P03", "P06", "P11"], "2025-06-15");

    certificates::revoke(
        &mut store,
        ernst[0].id,
        d("2026-05-01"),
        "irrtümlich ausgestellt",
    )
    .unwrap();
    // The correction is made on 10.01.2026: from then on the old certificate is superseded.
    store.set_clock(Arc::new(FixedClock::on(d("2026-01-10"))));
    let cordes = june
        .iter()
        .find(|i| i.employee_id == people["P03"])
        .unwrap();
    certificates::correct(
        &mut store,
        cordes.id,
        &Correction {
            first_name: "Clara".into(),
            last_name: "Cordes-Lange".into(),
            salutation: Salutation::Female,
            reason: "Namensänderung".into(),
        },
    )
    .unwrap();
    store.set_clock(Arc::new(FixedClock::on(d(A))));
    service::employees::set_exit(&mut store, people["P06"], Some(d("2026-06-30"))).unwrap();

    Scenario {
        store,
        dl,
        dcm,
        departments,
        people,
    }
}

/// Every sheet of an XLSX file: its name and its cells.
pub fn read_xlsx(bytes: Vec<u8>) -> Vec<(String, calamine::Range<calamine::Data>)> {
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|n| {
            let range = book.worksheet_range(&n).unwrap();
            (n, range)
        })
        .collect()
}
