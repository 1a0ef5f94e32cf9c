//! Renewals (`service::renewals`, `lotse renewals`): who is listed in which band, what
//! re-certification still needs (only training since the issue day counts), the next
//! sessions with free places, the thresholds in the settings, and the `.eml` drafts read
//! back with `mail-parser`.

mod common;

use std::path::Path;

use chrono::NaiveDate;
use common::{at, d, db_target, lotse};
use lotse::i18n::{self, Lang};
use lotse::model::{
    AttendanceInput, AttendanceStatus, DepartmentId, DepartmentInput, EmployeeId, EmployeeInput,
    ProgramId, ProgramInput, ProgramTitles, Requirement, Salutation, SeminarFormat, SeminarId,
    SeminarInput, SessionInput,
};
use lotse::rules::{Band, Thresholds};
use lotse::service::renewals::{self, RenewalFilter};
use lotse::service::{self, Database, settings};
use lotse::store::{FixedClock, NewCertificate, Tx};
use mail_parser::MessageParser;

/// The day every test runs on.
const TODAY: &str = "2026-11-21";

struct Town {
    db: Database,
    program: ProgramId,
    departments: Vec<DepartmentId>,
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
fn town_in(db: Database) -> Town {
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

fn town() -> Town {
    town_in(Database::open_scratch().unwrap())
}

fn names(r: &renewals::Renewals) -> Vec<String> {
    r.rows
        .iter()
        .map(|r| r.employee.last_name.clone())
        .collect()
}

#[test]
fn lists_expired_and_expiring_by_department_then_expiry_with_bands() {
    i18n::set_thread_language(Lang::De);
    let t = town();
    let r = renewals::list(&t.db, &RenewalFilter::default()).unwrap();
    // Tree order: 10, 10.1, 20; within 20 by expiry. Leavers, renewed and revoked left out.
    assert_eq!(names(&r), ["Bald", "Alt", "Chor", "Dann"]);
    let bands: Vec<(Band, i64)> = r.rows.iter().map(|r| (r.band, r.days_left)).collect();
    assert_eq!(
        bands,
        [
            (Band::Near, 19),
            (Band::Expired, -20),
            (Band::Middle, 50),
            (Band::Far, 81)
        ]
    );
    assert_eq!(r.counts(), [1, 1, 1, 1]);
    assert_eq!(r.window, 90);
    assert_eq!(r.band_label(Band::Expired, Lang::De), "abgelaufen");
    assert_eq!(r.band_label(Band::Near, Lang::De), "≤ 30 Tage");
    assert_eq!(r.rows[0].serial, "DS-2024-0002");
    assert_eq!(r.rows[0].valid_until, d("2026-12-10"));
}

#[test]
fn only_training_since_the_issue_day_counts_and_sessions_are_suggested() {
    let t = town();
    let r = renewals::list(&t.db, &RenewalFilter::default()).unwrap();
    let row = |name: &str| {
        r.rows
            .iter()
            .find(|x| x.employee.last_name == name)
            .unwrap()
    };
    // Alt trained only before the issue day: both requirements open again.
    assert_eq!(
        r.missing_text(row("Alt"), Lang::De),
        "fehlt: Datenschutz kompakt; 0 von 8 Std. IT-Sicherheit"
    );
    // Next sessions: after today, with a free place (the full one on 05.12. left out),
    // soonest first, at most three.
    assert_eq!(
        r.sessions_text(row("Alt"), Lang::De),
        "IT-Grundschutz: 10.12.2026, 09:00–13:00; \
         Datenschutz kompakt: 12.01.2027, 09:00–13:00; \
         Phishing erkennen: 01.02.2027, 09:00–13:00"
    );
    // Bald: 4 of 8 hours since; IT-Grundschutz again adds nothing, so only Phishing.
    assert_eq!(
        r.missing_text(row("Bald"), Lang::De),
        "fehlt: 4 von 8 Std. IT-Sicherheit"
    );
    assert_eq!(
        r.sessions_text(row("Bald"), Lang::En),
        "Phishing erkennen: 2027-02-01, 09:00–13:00; Phishing erkennen: 2027-03-01, 09:00–13:00"
    );
    assert_eq!(
        r.missing_text(row("Chor"), Lang::De),
        "alles erfüllt – kann verlängert werden"
    );
    assert!(row("Chor").next_sessions.is_empty());
    assert_eq!(
        r.missing_text(row("Bald"), Lang::En),
        "missing: 4 of 8 h IT-Sicherheit"
    );
}

#[test]
fn window_department_and_program_filter_the_list() {
    let t = town();
    let within = |days| RenewalFilter {
        within: Some(days),
        ..Default::default()
    };
    let r = renewals::list(&t.db, &within(30)).unwrap();
    assert_eq!(names(&r), ["Bald", "Alt"]);
    let r = renewals::list(&t.db, &within(60)).unwrap();
    assert_eq!(names(&r), ["Bald", "Alt", "Chor"]);
    // Department 10 with its sub-unit 10.1.
    let r = renewals::list(
        &t.db,
        &RenewalFilter {
            department: Some(t.departments[0]),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(names(&r), ["Bald", "Alt"]);
    let r = renewals::list(
        &t.db,
        &RenewalFilter {
            department: Some(t.departments[2]),
            program: Some(t.program),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(names(&r), ["Chor", "Dann"]);
    let r = renewals::list(
        &t.db,
        &RenewalFilter {
            program: Some(ProgramId(t.program.0 + 100)),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(r.rows.is_empty());
}

#[test]
fn thresholds_are_kept_in_the_settings_and_checked() {
    i18n::set_thread_language(Lang::De);
    let mut t = town();
    assert_eq!(
        settings::renewal_thresholds(&t.db).unwrap(),
        Thresholds::default()
    );
    let err = settings::set_renewal_thresholds(
        &mut t.db,
        Thresholds {
            near: 30,
            middle: 30,
            far: 90,
        },
    )
    .unwrap_err();
    assert!(
        err.user_message().contains("zunehmen"),
        "{}",
        err.user_message()
    );
    let err = settings::set_renewal_thresholds(
        &mut t.db,
        Thresholds {
            near: 0,
            middle: 30,
            far: 90,
        },
    )
    .unwrap_err();
    assert!(
        err.user_message().contains("größer als 0"),
        "{}",
        err.user_message()
    );
    // Nothing was stored.
    assert_eq!(
        settings::renewal_thresholds(&t.db).unwrap(),
        Thresholds::default()
    );
    let short = Thresholds {
        near: 10,
        middle: 25,
        far: 55,
    };
    settings::set_renewal_thresholds(&mut t.db, short).unwrap();
    assert_eq!(settings::renewal_thresholds(&t.db).unwrap(), short);
    let r = renewals::list(&t.db, &RenewalFilter::default()).unwrap();
    assert_eq!(r.window, 55);
    let bands: Vec<Band> = r.rows.iter().map(|r| r.band).collect();
    assert_eq!(bands, [Band::Middle, Band::Expired, Band::Far]);
    assert_eq!(r.band_label(Band::Far, Lang::De), "≤ 55 Tage");
}

#[test]
fn the_dashboard_counts_match_the_list() {
    let t = town();
    let store = t.db.store();
    use lotse::store::Read;
    let employees = store
        .employee_rows(&lotse::store::EmployeeFilter {
            department: None,
            include_leavers: true,
        })
        .unwrap();
    let counts = renewals::due_bands(
        &employees,
        &store.certificates().unwrap(),
        &Thresholds::default(),
        d(TODAY),
    );
    let r = renewals::list(&t.db, &RenewalFilter::default()).unwrap();
    assert_eq!(counts, r.counts());
    assert_eq!(counts, [1, 1, 1, 1]);
}

fn parse(path: &Path) -> (Vec<u8>, String) {
    let bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    (bytes, text)
}

#[test]
fn drafts_are_mails_to_each_person_with_an_address() {
    i18n::set_thread_language(Lang::De);
    let t = town();
    let dir = tempfile::tempdir().unwrap();
    let r = renewals::list(&t.db, &RenewalFilter::default()).unwrap();
    let selection: Vec<_> = r.rows.iter().collect();
    let written = renewals::write_drafts(&t.db, &r, &selection, dir.path(), Lang::De).unwrap();
    assert_eq!(written.files.len(), 3);
    assert_eq!(written.without_email, ["Chor, Clara"]);
    assert_eq!(
        renewals::drafts_message(&written),
        "3 Entwürfe gespeichert; 1 Person ohne E-Mail-Adresse: Chor, Clara"
    );
    let path = dir.path().join("DS-2024-0002.eml");
    assert!(written.files.contains(&path));
    let (bytes, raw) = parse(&path);
    // Only ASCII on the wire: headers RFC 2047, the body transfer-encoded.
    assert!(raw.is_ascii(), "{raw}");
    let mail = MessageParser::default().parse(&bytes).unwrap();
    assert_eq!(mail.header_raw("X-Unsent").map(str::trim), Some("1"));
    let to = mail.to().and_then(|a| a.first()).unwrap();
    assert_eq!(to.address(), Some("bernd.bald@lueneburg.de"));
    assert_eq!(to.name(), Some("Bernd Bald"));
    let from = mail.from().and_then(|a| a.first()).unwrap();
    assert_eq!(from.address(), Some("fortbildung@lueneburg.de"));
    assert_eq!(from.name(), Some("Stadt Lüneburg"));
    assert_eq!(
        mail.subject(),
        Some("Verlängerung Ihres Zertifikats „Datenschutzbeauftragter“ (DS-2024-0002)")
    );
    let body = mail.body_text(0).unwrap().replace("\r\n", "\n");
    for expected in [
        "Sehr geehrter Herr Bald,",
        "ist noch bis zum 10.12.2026 gültig.",
        "- 4 von 8 Std. IT-Sicherheit",
        "- Phishing erkennen: 01.02.2027, 09:00–13:00",
        "Mit freundlichen Grüßen\nStadt Lüneburg",
    ] {
        assert!(body.contains(expected), "{expected:?} not in {body}");
    }
    // The expired one says so; a neutral salutation greets with the whole name.
    let (bytes, _) = parse(&dir.path().join("DS-2024-0001.eml"));
    let mail = MessageParser::default().parse(&bytes).unwrap();
    let body = mail.body_text(0).unwrap().replace("\r\n", "\n");
    assert!(body.contains("Sehr geehrte Frau Alt,"), "{body}");
    assert!(body.contains("ist am 01.11.2026 abgelaufen."), "{body}");
    let (bytes, _) = parse(&dir.path().join("DS-2025-0002.eml"));
    let mail = MessageParser::default().parse(&bytes).unwrap();
    assert!(
        mail.body_text(0)
            .unwrap()
            .contains("Guten Tag Dominique Dann,")
    );
    // Each file is written for its owner only.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn drafts_in_english_and_without_an_organizer_address() {
    let mut t = town();
    settings::save_organisation(&mut t.db, "City of Lüneburg", "Lüneburg", "").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let r = renewals::list(&t.db, &RenewalFilter::default()).unwrap();
    let bald: Vec<_> = r
        .rows
        .iter()
        .filter(|x| x.employee.last_name == "Bald")
        .collect();
    let written = renewals::write_drafts(&t.db, &r, &bald, dir.path(), Lang::En).unwrap();
    assert_eq!(written.files.len(), 1);
    let (bytes, _) = parse(&written.files[0]);
    let mail = MessageParser::default().parse(&bytes).unwrap();
    assert!(mail.from().is_none());
    assert_eq!(
        mail.subject(),
        Some("Renewal of your certificate “Data Protection Officer” (DS-2024-0002)")
    );
    let body = mail.body_text(0).unwrap().replace("\r\n", "\n");
    assert!(body.contains("Dear Mr Bald,"), "{body}");
    assert!(body.contains("is valid until 2026-12-10."), "{body}");
    assert!(body.contains("- 4 of 8 h IT-Sicherheit"), "{body}");
    assert!(body.contains("Kind regards\nCity of Lüneburg"), "{body}");
}

/// The town in a database the command line opens.
fn town_at(dir: &Path) -> std::path::PathBuf {
    let target = db_target(dir);
    let db = Database::open(&target).unwrap();
    drop(town_in(db));
    target
}

#[test]
fn cli_lists_renewals_as_table_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = town_at(dir.path());
    let out = lotse(&db).arg("renewals").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("Organisationseinheit"), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    let bald = lines
        .iter()
        .position(|l| l.contains("Bald, Bernd"))
        .unwrap();
    let alt = lines.iter().position(|l| l.contains("Alt, Anna")).unwrap();
    let dann = lines
        .iter()
        .position(|l| l.contains("Dann, Dominique"))
        .unwrap();
    assert!(bald < alt && alt < dann, "{text}");
    assert!(lines[alt].contains("abgelaufen"), "{text}");
    assert!(lines[bald].contains("10.12.2026"), "{text}");
    assert!(
        lines[bald].contains("fehlt: 4 von 8 Std. IT-Sicherheit"),
        "{text}"
    );
    assert!(!text.contains("Ende, Egon"), "{text}");

    let out = lotse(&db)
        .args(["renewals", "--within", "30", "--format", "json"])
        .assert()
        .success();
    let rows: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["last_name"], "Bald");
    assert_eq!(rows[0]["band"], "near");
    assert_eq!(rows[0]["days_left"], 19);
    assert_eq!(rows[0]["valid_until"], "2026-12-10");
    assert_eq!(rows[0]["complete"], false);
    assert_eq!(rows[0]["missing"][0], "4 von 8 Std. IT-Sicherheit");
    assert_eq!(rows[0]["next_sessions"][0]["seminar"], "Phishing erkennen");
    assert_eq!(rows[0]["next_sessions"][0]["starts_at"], "2027-02-01T09:00");
    assert_eq!(rows[1]["band"], "expired");

    let out = lotse(&db)
        .args(["renewals", "--department", "20", "--format", "csv"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains("Chor, Clara") && text.contains("Dann, Dominique"),
        "{text}"
    );
    assert!(!text.contains("Bald"), "{text}");

    lotse(&db)
        .args(["renewals", "--department", "99"])
        .assert()
        .failure();
}

#[test]
fn cli_writes_drafts_and_names_people_without_an_address() {
    let dir = tempfile::tempdir().unwrap();
    let db = town_at(dir.path());
    let drafts = dir.path().join("Entwürfe");
    let out = lotse(&db)
        .args(["renewals", "drafts", "-o"])
        .arg(&drafts)
        .args(["--within", "60"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains("2 Entwürfe gespeichert; 1 Person ohne E-Mail-Adresse: Chor, Clara"),
        "{text}"
    );
    let mut files: Vec<String> = std::fs::read_dir(&drafts)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["DS-2024-0001.eml", "DS-2024-0002.eml"]);
    let bytes = std::fs::read(drafts.join("DS-2024-0001.eml")).unwrap();
    let mail = MessageParser::default().parse(&bytes).unwrap();
    assert_eq!(
        mail.to().and_then(|a| a.first()).and_then(|a| a.address()),
        Some("anna.alt@lueneburg.de")
    );
    assert!(
        mail.body_text(0)
            .unwrap()
            .contains("Sehr geehrte Frau Alt,")
    );

    // In English with --lang.
    let english = dir.path().join("drafts-en");
    lotse(&db)
        .args(["--lang", "en", "renewals", "drafts", "--output"])
        .arg(&english)
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "3 drafts saved; 1 person without an e-mail address: Chor, Clara",
        ));
    let bytes = std::fs::read(english.join("DS-2024-0002.eml")).unwrap();
    let mail = MessageParser::default().parse(&bytes).unwrap();
    assert!(mail.body_text(0).unwrap().contains("Dear Mr Bald,"));
}
