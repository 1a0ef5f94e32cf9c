//! The town the renewal tests run in (`tests/renewals.rs`, `tests/ui_renewals.rs`).
#![allow(dead_code)]

use chrono::NaiveDate;
use lotse::model::{
    AttendanceInput, AttendanceStatus, DepartmentId, DepartmentInput, EmployeeId, EmployeeInput,
    ProgramId, ProgramInput, ProgramTitles, Requirement, Salutation, SeminarFormat, SeminarId,
    SeminarInput, SessionInput,
};
use lotse::service::{self, Database, settings};
use lotse::store::{FixedClock, NewCertificate, Tx};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(day: &str, hour: u32) -> chrono::NaiveDateTime {
    d(day).and_hms_opt(hour, 0, 0).unwrap()
}

/// The day every test runs on.
pub const TODAY: &str = "2026-11-21";

pub struct Town {
    pub db: Database,
    pub program: ProgramId,
    pub departments: Vec<DepartmentId>,
}

/// Adds `(personnel number, first name, last name)`.
fn person(
    db: &mut Database,
    (pnr, first, last): (&str, &str, &str),
    salutation: Salutation,
    email: &str,
    department: DepartmentId,
    exit: Option<&str>,
) -> EmployeeId {
    service::employees::add(
        db,
        &EmployeeInput {
            personnel_number: pnr.into(),
            first_name: first.into(),
            last_name: last.into(),
            salutation,
            email: email.into(),
            department_id: Some(department),
            entry_date: Some(d("2010-01-01")),
            exit_date: exit.map(d),
            ..Default::default()
        },
    )
    .unwrap()
}

fn seminar(tx: &Tx<'_>, code: &str, title: &str, topic: &str) -> SeminarId {
    tx.insert_seminar(&SeminarInput {
        code: code.into(),
        title: title.into(),
        provider: "Studieninstitut".into(),
        format: SeminarFormat::InPerson,
        default_hours: 4.0,
        topic: topic.into(),
        ..Default::default()
    })
    .unwrap()
}

/// A session of `seminar` on `day`, 09:00–13:00, with `people` attending (or registered
/// when it lies ahead).
fn session(
    tx: &Tx<'_>,
    seminar: SeminarId,
    day: &str,
    capacity: Option<u32>,
    people: &[EmployeeId],
) {
    let session = tx
        .insert_session(&SessionInput {
            seminar_id: seminar,
            starts_at: at(day, 9),
            ends_at: at(day, 13),
            location: "Rathaus, Raum 2".into(),
            trainer: String::new(),
            capacity,
        })
        .unwrap();
    let ahead = d(day) > d(TODAY);
    for &e in people {
        tx.insert_attendance(&AttendanceInput {
            session_id: session,
            employee_id: e,
            status: if ahead {
                AttendanceStatus::Registered
            } else {
                AttendanceStatus::Attended
            },
            hours: if ahead { 0.0 } else { 4.0 },
            note: String::new(),
        })
        .unwrap();
    }
}

fn certificate(
    tx: &Tx<'_>,
    program: ProgramId,
    employee: EmployeeId,
    number: u32,
    issued: &str,
) -> lotse::model::CertificateId {
    let issued_on: NaiveDate = d(issued);
    let serial = format!("DS-{}-{number:04}", issued_on.format("%Y"));
    tx.insert_certificate(&NewCertificate {
        serial: &serial,
        program_id: program,
        employee_id: employee,
        serial_year: issued_on.format("%Y").to_string().parse().unwrap(),
        serial_number: number,
        issued_on,
        valid_until: issued_on.checked_add_months(chrono::Months::new(24)),
        signatory_name: "Anke Müller-Weiß",
        signatory_title: "Bürgermeisterin",
        code: &format!("C{}", serial.replace('-', "")),
        snapshot: "{}",
        logo_asset_id: None,
        signed_payload: None,
    })
    .unwrap()
}

/// Departments 10 (with 10.1 below it) and 20; the program "DS" (Datenschutz kompakt and
/// 8 hours of IT-Sicherheit, valid 24 months) and these holders on 21.11.2026:
/// - Alt (10.1): expired 01.11.2026; trained only before the issue day.
/// - Bald (10): until 10.12.2026; since then Datenschutz kompakt and 4 h IT-Grundschutz.
/// - Chor (20, no e-mail): until 10.01.2027; since then everything.
/// - Dann (20): until 10.02.2027.
/// - Ende: expired, but left on 31.10.2026. Frisch (10): renewed in January. Rau (10):
///   revoked.
pub fn town_in(db: Database) -> Town {
    let mut db = db.with_clock(FixedClock::on(d(TODAY)));
    settings::save_organisation(
        &mut db,
        "Stadt Lüneburg",
        "Lüneburg",
        "fortbildung@lueneburg.de",
    )
    .unwrap();
    let ten = service::departments::add(
        &mut db,
        &DepartmentInput {
            code: "10".into(),
            name: "Hauptamt".into(),
            parent_id: None,
        },
    )
    .unwrap();
    let ten_one = service::departments::add(
        &mut db,
        &DepartmentInput {
            code: "10.1".into(),
            name: "IT-Service".into(),
            parent_id: Some(ten),
        },
    )
    .unwrap();
    let twenty = service::departments::add(
        &mut db,
        &DepartmentInput {
            code: "20".into(),
            name: "Kämmerei".into(),
            parent_id: None,
        },
    )
    .unwrap();
    use Salutation::{Female, Male, Neutral};
    let alt = person(
        &mut db,
        ("1001", "Anna", "Alt"),
        Female,
        "anna.alt@lueneburg.de",
        ten_one,
        None,
    );
    let bald = person(
        &mut db,
        ("1002", "Bernd", "Bald"),
        Male,
        "bernd.bald@lueneburg.de",
        ten,
        None,
    );
    let chor = person(&mut db, ("1003", "Clara", "Chor"), Female, "", twenty, None);
    let dann = person(
        &mut db,
        ("1004", "Dominique", "Dann"),
        Neutral,
        "d.dann@lueneburg.de",
        twenty,
        None,
    );
    let ende = person(
        &mut db,
        ("1005", "Egon", "Ende"),
        Male,
        "egon.ende@lueneburg.de",
        ten,
        Some("2026-10-31"),
    );
    let frisch = person(
        &mut db,
        ("1006", "Frida", "Frisch"),
        Female,
        "frida@lueneburg.de",
        ten,
        None,
    );
    let rau = person(
        &mut db,
        ("1007", "Rita", "Rau"),
        Female,
        "rita@lueneburg.de",
        ten,
        None,
    );
    let program = db
        .store_mut()
        .transact(|tx| {
            let ds = seminar(tx, "DS-1", "Datenschutz kompakt", "Datenschutz");
            let grund = seminar(tx, "IT-1", "IT-Grundschutz", "IT-Sicherheit");
            let phish = seminar(tx, "IT-2", "Phishing erkennen", "IT-Sicherheit");
            // Before the issue days.
            session(tx, ds, "2024-10-01", None, &[alt, bald, chor]);
            session(tx, grund, "2024-10-02", None, &[alt, bald, chor]);
            // Since.
            session(tx, ds, "2025-10-01", None, &[bald, chor]);
            session(tx, grund, "2026-03-02", None, &[bald, chor]);
            session(tx, phish, "2026-04-02", None, &[chor]);
            // Ahead: one full, and more than three that would suit Alt.
            session(tx, ds, "2026-12-05", Some(1), &[frisch]);
            session(tx, ds, "2027-01-12", Some(10), &[]);
            session(tx, grund, "2026-12-10", None, &[]);
            session(tx, phish, "2027-02-01", Some(12), &[]);
            session(tx, phish, "2027-03-01", None, &[]);
            let program = tx.insert_program(&ProgramInput {
                code: "DS".into(),
                serial_prefix: "DS".into(),
                titles: ProgramTitles {
                    de_male: "Datenschutzbeauftragter".into(),
                    de_female: "Datenschutzbeauftragte".into(),
                    de_neutral: "Datenschutzbeauftragte Person".into(),
                    en: "Data Protection Officer".into(),
                },
                description: String::new(),
                validity_months: Some(24),
                allow_partial: false,
                requirements: vec![
                    Requirement::Seminar(ds),
                    Requirement::TopicHours {
                        topic: "IT-Sicherheit".into(),
                        hours: 8.0,
                    },
                ],
            })?;
            certificate(tx, program, alt, 1, "2024-11-01");
            certificate(tx, program, bald, 2, "2024-12-10");
            certificate(tx, program, chor, 1, "2025-01-10");
            certificate(tx, program, dann, 2, "2025-02-10");
            certificate(tx, program, ende, 3, "2024-11-01");
            certificate(tx, program, frisch, 4, "2024-01-10");
            certificate(tx, program, frisch, 1, "2026-01-05");
            let revoked = certificate(tx, program, rau, 5, "2024-12-01");
            tx.revoke_certificate(revoked, d("2025-06-01"), "Irrtum")?;
            Ok(program)
        })
        .unwrap();
    Town {
        db,
        program,
        departments: vec![ten, ten_one, twenty],
    }
}

pub fn town() -> Town {
    town_in(Database::open_scratch().unwrap())
}
