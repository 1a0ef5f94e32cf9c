//! Renewals (`service::renewals`, `lotse renewals`): who is listed in which band, what
//! re-certification still needs (only training since the issue day counts), the next
//! sessions with free places, the thresholds in the settings, and the `.eml` drafts read
//! back with `mail-parser`.

mod common;
mod common_renewals;

use std::path::Path;

use common::{d, db_target, lotse};
use common_renewals::{TODAY, town, town_in};
use lotse::i18n::{self, Lang};
use lotse::model::ProgramId;
use lotse::rules::{Band, Thresholds};
use lotse::service::renewals::{self, RenewalFilter};
use lotse::service::{Database, settings};
use mail_parser::MessageParser;

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
