//! A small city for tests: two seminars, the program "DL" requiring both, employees
//! of whom the first few attended both.
#![allow(dead_code)]

use chrono::{NaiveDate, NaiveDateTime};
use lotse::model::SessionId;
use lotse::model::{
    AttendanceInput, AttendanceStatus, EmployeeId, EmployeeInput, ProgramId, ProgramInput,
    ProgramTitles, Requirement, Salutation, SeminarFormat, SeminarInput, SessionInput,
};
use lotse::service;
use lotse::service::Database;
use lotse::service::settings::{self, CertificateSettings};
use lotse::store::FixedClock;

pub fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub fn at(day: &str, hour: u32) -> NaiveDateTime {
    d(day).and_hms_opt(hour, 0, 0).unwrap()
}

/// A city with two seminars, a program "DL" requiring both, and `n` employees of whom
/// the first `eligible` attended both.
pub struct City {
    pub store: Database,
    pub program: ProgramId,
    pub employees: Vec<EmployeeId>,
}

pub fn city(n: usize, eligible: usize) -> City {
    city_in(Database::open_scratch().unwrap(), n, eligible)
}

pub fn city_in(store: Database, n: usize, eligible: usize) -> City {
    let mut store = store.with_clock(FixedClock::on(d("2026-11-21")));
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
    let mut employees = Vec::new();
    for i in 0..n {
        let id = service::employees::add(
            &mut store,
            &EmployeeInput {
                personnel_number: format!("{:04}", i + 1),
                first_name: if i % 2 == 0 { "Jürgen" } else { "Bärbel" }.into(),
                last_name: format!("Weiß{i}"),
                salutation: if i % 2 == 0 {
                    Salutation::Male
                } else {
                    Salutation::Female
                },
                ..Default::default()
            },
        )
        .unwrap();
        employees.push(id);
    }
    let program = store
        .store_mut()
        .transact(|tx| {
            let mut seminar_ids = Vec::new();
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
                let session = tx.insert_session(&SessionInput {
                    seminar_id: seminar,
                    starts_at: at("2026-03-02", 9),
                    ends_at: at("2026-03-02", 13),
                    location: "Rathaus".into(),
                    trainer: String::new(),
                    capacity: None,
                })?;
                for &e in employees.iter().take(eligible) {
                    tx.insert_attendance(&AttendanceInput {
                        session_id: session,
                        employee_id: e,
                        status: AttendanceStatus::Attended,
                        hours: 4.0,
                        note: String::new(),
                    })?;
                }
                seminar_ids.push(seminar);
            }
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
                requirements: seminar_ids.into_iter().map(Requirement::Seminar).collect(),
            })
        })
        .unwrap();
    City {
        store,
        program,
        employees,
    }
}

/// The `lotse` binary on the database `db`, in German, on 21.11.2026, logging to a file
/// in the temporary folder (not the user's own log).
pub fn lotse(db: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("lotse").unwrap();
    cmd.env_remove("LOTSE_DB")
        .env("LOTSE_LANG", "de")
        .env("LOTSE_TODAY", "2026-11-21")
        .env(
            "LOTSE_LOG_FILE",
            std::env::temp_dir().join("lotse-tests.log"),
        )
        .arg("--db")
        .arg(db);
    cmd
}

/// Where a test's database lives: `lotse.sqlite` in `dir` — or, when the tests run
/// against PostgreSQL (`LOTSE_TEST_BACKEND=postgres`, `LOTSE_TEST_PG`), the URL of a new
/// database on that server, which `Database::open` and `lotse --db` take alike.
pub fn db_target(dir: &std::path::Path) -> std::path::PathBuf {
    match (
        std::env::var("LOTSE_TEST_BACKEND").ok().as_deref(),
        std::env::var("LOTSE_TEST_PG"),
    ) {
        (Some("postgres"), Ok(admin)) => {
            std::path::PathBuf::from(lotse::store::scratch_database(&admin).expect("scratch"))
        }
        _ => dir.join("lotse.sqlite"),
    }
}

/// A session of `seminar_code` on 03.12.2026 from 9 to 13 o'clock in the Rathaus, with
/// `capacity` places (after the cities' "today", 21.11.2026).
pub fn future_session(db: &mut Database, seminar_code: &str, capacity: Option<u32>) -> SessionId {
    use lotse::store::Read;
    let seminar = db
        .store()
        .seminar_by_code(seminar_code)
        .unwrap()
        .expect("seminar");
    service::sessions::add(
        db,
        &SessionInput {
            seminar_id: seminar.id,
            starts_at: at("2026-12-03", 9),
            ends_at: at("2026-12-03", 13),
            location: "Rathaus".into(),
            trainer: String::new(),
            capacity,
        },
    )
    .unwrap()
}

/// Issues the city's program on 21.11.2026 to the employees at positions `who`.
pub fn issue(c: &mut City, who: &[usize]) -> Vec<service::certificates::Issued> {
    let ids: Vec<_> = who.iter().map(|&i| c.employees[i]).collect();
    service::certificates::issue(
        &mut c.store,
        c.program,
        &ids,
        &service::certificates::IssueOptions::on(d("2026-11-21")),
        &mut |_| true,
    )
    .unwrap()
}

/// The signed payload (QR text) of the certificate `serial`.
pub fn signed_payload(c: &City, serial: &str) -> String {
    use lotse::store::Read;
    c.store
        .store()
        .certificate_by_serial(serial)
        .unwrap()
        .unwrap()
        .signed_payload
        .expect("a new certificate is signed")
}
