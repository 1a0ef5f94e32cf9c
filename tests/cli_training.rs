//! `seminars list`, `sessions list`, `sessions ics`, `attendance record` and `export
//! attendance` end to end: the real binary on a temporary database, "today" being 21.11.2026.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::{NaiveDate, NaiveDateTime};
use lotse::model::{
    AttendanceStatus, DepartmentInput, EmployeeInput, SeminarFormat, SeminarId, SeminarInput,
    SessionId, SessionInput,
};
use lotse::service::Database;
use lotse::service::{attendance, departments, employees, seminars, sessions};
use lotse::store::{FixedClock, Read};
use predicates::prelude::*;
use serde_json::Value;

fn lotse(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("lotse").expect("binary");
    cmd.env_remove("LOTSE_DB")
        .env("LOTSE_LANG", "de")
        .env("LOTSE_TODAY", "2026-11-21")
        .arg("--db")
        .arg(db);
    cmd
}

fn at(day: &str, hour: u32) -> NaiveDateTime {
    day.parse::<NaiveDate>()
        .expect("date")
        .and_hms_opt(hour, 0, 0)
        .expect("time")
}

struct Db {
    path: PathBuf,
    /// DF-101 on 10.06.2026 9–13 (past), with 1001 attended.
    past: SessionId,
    /// DF-101 on 03.12.2026 9–12 (future), capacity 2.
    future: SessionId,
    /// DF-102 (a webinar) on 15.01.2026.
    webinar: SessionId,
}

fn db(dir: &Path) -> Db {
    let path = common::db_target(dir);
    let mut store = Database::open(&path)
        .expect("store")
        .with_clock(FixedClock::on("2026-11-21".parse().expect("date")));
    let dept = departments::add(
        &mut store,
        &DepartmentInput {
            code: "10".into(),
            name: "Hauptamt".into(),
            parent_id: None,
        },
    )
    .expect("department");
    for (pnr, first, last) in [
        ("1001", "Jürgen", "Weiß"),
        ("1002", "Bärbel", "Müller"),
        ("1003", "Sören", "Özdemir"),
    ] {
        employees::add(
            &mut store,
            &EmployeeInput {
                personnel_number: pnr.into(),
                first_name: first.into(),
                last_name: last.into(),
                department_id: Some(dept),
                ..Default::default()
            },
        )
        .expect("employee");
    }
    let seminar = |store: &mut Database, code: &str, title: &str, format, hours| -> SeminarId {
        seminars::add(
            store,
            &SeminarInput {
                code: code.into(),
                title: title.into(),
                provider: "krz DigiFit-Akademie".into(),
                format,
                default_hours: hours,
                topic: "Digitale Verwaltung".into(),
                ..Default::default()
            },
        )
        .expect("seminar")
    };
    let grundlagen = seminar(
        &mut store,
        "DF-101",
        "Grundlagen der digitalen Verwaltung",
        SeminarFormat::InPerson,
        8.0,
    );
    let ozg = seminar(
        &mut store,
        "DF-102",
        "OZG und digitale Antragsverfahren",
        SeminarFormat::Webinar,
        3.0,
    );
    let old = seminar(
        &mut store,
        "DF-099",
        "Umstieg auf Windows 10",
        SeminarFormat::Webinar,
        2.0,
    );
    let session = |store: &mut Database, seminar, start, end, capacity| {
        sessions::add(
            store,
            &SessionInput {
                seminar_id: seminar,
                starts_at: start,
                ends_at: end,
                location: "Rathaus, Sitzungssaal 2".into(),
                trainer: "Jens Oltmanns".into(),
                capacity,
            },
        )
        .expect("session")
    };
    session(
        &mut store,
        old,
        at("2024-02-01", 10),
        at("2024-02-01", 12),
        None,
    );
    let webinar = session(
        &mut store,
        ozg,
        at("2026-01-15", 10),
        at("2026-01-15", 13),
        None,
    );
    let past = session(
        &mut store,
        grundlagen,
        at("2026-06-10", 9),
        at("2026-06-10", 13),
        None,
    );
    let future = session(
        &mut store,
        grundlagen,
        at("2026-12-03", 9),
        at("2026-12-03", 12),
        Some(2),
    );
    seminars::set_archived(&mut store, old, true).expect("archive");
    let weiss = store
        .store()
        .employee_by_personnel_number("1001")
        .expect("read")
        .expect("1001")
        .id;
    attendance::record(
        &mut store,
        past,
        &[weiss],
        Some(AttendanceStatus::Attended),
        None,
    )
    .expect("record");
    Db {
        path,
        past,
        future,
        webinar,
    }
}

fn json(out: &[u8]) -> Vec<Value> {
    serde_json::from_slice(out).expect("json")
}

/// (personnel number, status, hours) of a session's roster, read from the database.
fn roster(path: &Path, session: SessionId) -> Vec<(String, AttendanceStatus, f64)> {
    let store = Database::open(path).expect("store");
    let mut rows: Vec<_> = attendance::roster(&store, session)
        .expect("roster")
        .into_iter()
        .map(|r| (r.personnel_number, r.attendance.status, r.attendance.hours))
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows
}

#[test]
fn seminars_list_hides_archived_ones_unless_asked() {
    let dir = tempfile::tempdir().expect("dir");
    let db = db(dir.path());
    lotse(&db.path)
        .args(["seminars", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("DF-101"))
        .stdout(predicate::str::contains("Präsenz"))
        .stdout(predicate::str::contains("DF-099").not())
        .stdout(predicate::str::contains("2 Zeilen"));
    let out = lotse(&db.path)
        .args(["seminars", "list", "--all", "--format", "json"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let rows = json(&out.stdout);
    let codes: Vec<&str> = rows.iter().filter_map(|r| r["code"].as_str()).collect();
    assert_eq!(codes, ["DF-099", "DF-101", "DF-102"]);
    assert_eq!(rows[0]["archived"], true);
    assert_eq!(rows[1]["title"], "Grundlagen der digitalen Verwaltung");
    assert_eq!(rows[1]["format"], "in_person");
    assert_eq!(rows[1]["default_hours"], 8.0);
    assert_eq!(rows[1]["provider"], "krz DigiFit-Akademie");
    assert_eq!(rows[2]["archived"], false);
}

#[test]
fn sessions_list_has_the_documented_json_fields_and_filters() {
    let dir = tempfile::tempdir().expect("dir");
    let db = db(dir.path());
    let out = lotse(&db.path)
        .args(["sessions", "list", "--format", "json"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let rows = json(&out.stdout);
    assert_eq!(rows.len(), 4);
    let past = rows
        .iter()
        .find(|r| r["id"] == db.past.0)
        .expect("the past session");
    assert_eq!(past["seminar"], "DF-101");
    assert_eq!(past["title"], "Grundlagen der digitalen Verwaltung");
    assert_eq!(past["start"], "2026-06-10T09:00:00");
    assert_eq!(past["end"], "2026-06-10T13:00:00");
    assert_eq!(past["participants"], 1);
    assert_eq!(past["capacity"], Value::Null);

    let ids = |args: &[&str]| -> Vec<i64> {
        let out = lotse(&db.path)
            .args(["sessions", "list", "--format", "json"])
            .args(args)
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        json(&out.stdout)
            .iter()
            .filter_map(|r| r["id"].as_i64())
            .collect()
    };
    assert_eq!(ids(&["--seminar", "df-101"]), [db.past.0, db.future.0]);
    assert_eq!(ids(&["--from", "21.11.2026"]), [db.future.0]);
    assert_eq!(
        ids(&["--from", "2026-01-01", "--to", "2026-06-10"]),
        [db.webinar.0, db.past.0]
    );

    lotse(&db.path)
        .args(["sessions", "list", "--seminar", "DF-101"])
        .assert()
        .success()
        .stdout(predicate::str::contains("10.06.2026, 09:00–"))
        .stdout(predicate::str::contains("Teilnehmende"))
        .stdout(predicate::str::contains("2 Zeilen"));
    lotse(&db.path)
        .args(["sessions", "list", "--seminar", "XY-1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("Das Seminar XY-1 gibt es nicht."));
    lotse(&db.path)
        .args(["sessions", "list", "--from", "gestern"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("„gestern“ ist kein Datum"));
}

#[test]
fn attendance_record_adds_and_updates_everyone_named_in_one_go() {
    let dir = tempfile::tempdir().expect("dir");
    let db = db(dir.path());
    let session = db.past.0.to_string();
    lotse(&db.path)
        .args(["attendance", "record", "--session", &session])
        .args([
            "--employee",
            "1001",
            "1002",
            "--status",
            "partial",
            "--hours",
            "2,5",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Teilnahmen erfasst: 1 neu, 1 geändert, 0 unverändert.",
        ));
    assert_eq!(
        roster(&db.path, db.past),
        [
            ("1001".into(), AttendanceStatus::Partial, 2.5),
            ("1002".into(), AttendanceStatus::Partial, 2.5),
        ]
    );
    // Without a status, a session that has taken place counts as attended, full hours.
    lotse(&db.path)
        .args([
            "attendance",
            "record",
            "--session",
            &session,
            "--employee",
            "1003",
        ])
        .assert()
        .success();
    assert_eq!(
        roster(&db.path, db.past)[2],
        ("1003".into(), AttendanceStatus::Attended, 4.0)
    );

    // One unknown personnel number: an error, and nothing is written.
    lotse(&db.path)
        .args(["attendance", "record", "--session", &session])
        .args(["--employee", "1001", "9999", "--status", "absent"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "Personalnummer 9999 gibt es nicht",
        ))
        .stderr(predicate::str::contains("Es wurde nichts gespeichert."));
    assert_eq!(roster(&db.path, db.past)[0].1, AttendanceStatus::Partial);

    // Bad values are refused with the rule in words (partial needs hours unless it is
    // partial already).
    lotse(&db.path)
        .args(["attendance", "record", "--session", &session])
        .args(["--employee", "1003", "--status", "partial"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("teilweise teilgenommen"));
    lotse(&db.path)
        .args(["attendance", "record", "--session", &session])
        .args(["--employee", "1001", "--hours", "5"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("höchstens 4 Stunden"));
    lotse(&db.path)
        .args(["attendance", "record", "--session", &session])
        .args(["--employee", "1001", "--hours", "viel"])
        .assert()
        .failure();
    lotse(&db.path)
        .args(["attendance", "record", "--session", &session])
        .args(["--employee", "1001", "--status", "maybe"])
        .assert()
        .failure();
    lotse(&db.path)
        .args([
            "attendance",
            "record",
            "--session",
            "999",
            "--employee",
            "1001",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "Einen Termin mit der ID 999 gibt es nicht.",
        ));
    assert_eq!(
        roster(&db.path, db.past)[0],
        ("1001".into(), AttendanceStatus::Partial, 2.5)
    );
}

#[test]
fn attendance_record_for_a_future_session_registers_and_warns_about_capacity() {
    let dir = tempfile::tempdir().expect("dir");
    let db = db(dir.path());
    let session = db.future.0.to_string();
    lotse(&db.path)
        .args(["attendance", "record", "--session", &session])
        .args(["--employee", "1001", "--status", "attended"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("noch nicht begonnen"));
    assert!(roster(&db.path, db.future).is_empty());
    lotse(&db.path)
        .args(["attendance", "record", "--session", &session])
        .args(["--employee", "1001", "1002", "1003"])
        .assert()
        .success()
        .stdout(predicate::str::contains("3 neu"))
        .stderr(predicate::str::contains("um einen Platz überbucht"));
    let rows = roster(&db.path, db.future);
    assert_eq!(rows.len(), 3);
    assert!(
        rows.iter()
            .all(|r| r.1 == AttendanceStatus::Registered && r.2 == 0.0)
    );
}

#[test]
fn export_attendance_writes_csv_for_german_excel_and_xlsx() {
    let dir = tempfile::tempdir().expect("dir");
    let db = db(dir.path());
    lotse(&db.path)
        .args([
            "attendance",
            "record",
            "--session",
            &db.future.0.to_string(),
        ])
        .args(["--employee", "1002"])
        .assert()
        .success();
    let csv = dir.path().join("teilnahmen.csv");
    lotse(&db.path)
        .args(["export", "attendance", "-o"])
        .arg(&csv)
        .assert()
        .success()
        .stdout(predicate::str::contains("2 Zeilen exportiert"));
    let text = String::from_utf8(std::fs::read(&csv).expect("file")).expect("utf-8");
    assert_eq!(
        text,
        "\u{feff}Datum;Seminar;Titel;Personalnummer;Nachname;Vorname;Organisationseinheit;Status;Stunden\r\n\
         10.06.2026;DF-101;Grundlagen der digitalen Verwaltung;1001;Weiß;Jürgen;10;teilgenommen;4,0\r\n\
         03.12.2026;DF-101;Grundlagen der digitalen Verwaltung;1002;Müller;Bärbel;10;angemeldet;0,0\r\n"
    );
    let xlsx = dir.path().join("teilnahmen.xlsx");
    lotse(&db.path)
        .args(["export", "attendance", "--to", "30.06.2026", "--output"])
        .arg(&xlsx)
        .assert()
        .success()
        .stdout(predicate::str::contains("Eine Zeile exportiert"));
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(&xlsx).expect("workbook");
    let range = book.worksheet_range("Teilnahmen").expect("sheet");
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0][3], Data::String("Personalnummer".into()));
    assert_eq!(rows[1][3], Data::String("1001".into()));
    assert!(matches!(rows[1][0], Data::DateTime(_)));

    let txt = dir.path().join("teilnahmen.txt");
    lotse(&db.path)
        .args(["export", "attendance", "-o"])
        .arg(&txt)
        .assert()
        .failure();
    assert!(!txt.exists());
}

#[test]
fn json_lists_show_missing_texts_as_null() {
    let dir = tempfile::tempdir().expect("dir");
    let db = db(dir.path());
    let bare = {
        let mut store = Database::open(&db.path)
            .expect("store")
            .with_clock(FixedClock::on(
                NaiveDate::from_ymd_opt(2026, 11, 21).expect("date"),
            ));
        let seminar = seminars::add(
            &mut store,
            &SeminarInput {
                code: "DF-200".into(),
                title: "Ohne Angaben".into(),
                format: SeminarFormat::InPerson,
                default_hours: 2.0,
                ..Default::default()
            },
        )
        .expect("seminar");
        sessions::add(
            &mut store,
            &SessionInput {
                seminar_id: seminar,
                starts_at: at("2026-12-10", 9),
                ends_at: at("2026-12-10", 11),
                location: String::new(),
                trainer: String::new(),
                capacity: None,
            },
        )
        .expect("session")
    };
    let run = |args: &[&str]| {
        let out = lotse(&db.path).args(args).output().expect("run");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        json(&out.stdout)
    };

    let sessions = run(&["sessions", "list", "--format", "json"]);
    let row = sessions
        .iter()
        .find(|r| r["id"] == bare.0)
        .expect("the bare session");
    assert_eq!(row["trainer"], Value::Null);
    assert_eq!(row["location"], Value::Null);
    let past = sessions
        .iter()
        .find(|r| r["id"] == db.past.0)
        .expect("the past session");
    assert_eq!(past["trainer"], "Jens Oltmanns");
    assert_eq!(past["location"], "Rathaus, Sitzungssaal 2");

    let seminars = run(&["seminars", "list", "--format", "json"]);
    let row = seminars
        .iter()
        .find(|r| r["code"] == "DF-200")
        .expect("the bare seminar");
    assert_eq!(row["provider"], Value::Null);
    assert_eq!(row["topic"], Value::Null);
    assert_eq!(row["description"], Value::Null);
}

#[test]
fn sessions_ics_writes_an_invitation_and_a_cancellation() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = db(dir.path());
    let file = dir.path().join("einladung.ics");
    // 1001 attended the past session but has no e-mail address: left out, and said so.
    lotse(&db.path)
        .args([
            "sessions",
            "ics",
            &db.past.0.to_string(),
            "--attendees",
            "-o",
        ])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("Die Einladung wurde in"))
        .stdout(predicate::str::contains("einladung.ics"))
        .stdout(predicate::str::contains(
            "0 Personen sind darin eingeladen.",
        ))
        .stdout(predicate::str::contains(
            "1 Person hat keine E-Mail-Adresse und fehlt darin",
        ))
        .stdout(predicate::str::contains("nennt keinen Organisator"));
    let text = std::fs::read_to_string(&file).expect("calendar file");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(text.contains("METHOD:REQUEST\r\n"));
    assert!(text.contains("DTSTART;TZID=Europe/Berlin:20260610T090000\r\n"));
    assert!(text.contains("SUMMARY:Grundlagen der digitalen Verwaltung (DF-101)\r\n"));
    assert!(!text.contains("ATTENDEE"));
    assert!(!text.contains("ORGANIZER"));
    let uid = text
        .lines()
        .find(|l| l.starts_with("UID:"))
        .expect("UID")
        .to_owned();

    let cancel = dir.path().join("absage.ics");
    lotse(&db.path)
        .args(["sessions", "ics", &db.past.0.to_string(), "--cancel", "-o"])
        .arg(&cancel)
        .assert()
        .success()
        .stdout(predicate::str::contains("Die Absage wurde in"));
    let text = std::fs::read_to_string(&cancel).expect("cancellation");
    assert!(text.contains("METHOD:CANCEL\r\n"));
    assert!(text.contains("STATUS:CANCELLED\r\n"));
    assert!(text.contains("SEQUENCE:1\r\n"));
    assert!(
        text.lines().any(|l| l == uid),
        "the same UID as the invitation"
    );
}

#[test]
fn sessions_ics_of_an_unknown_session_says_where_the_ids_are() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = db(dir.path());
    let file = dir.path().join("x.ics");
    lotse(&db.path)
        .args(["sessions", "ics", "999", "-o"])
        .arg(&file)
        .assert()
        .failure()
        .stderr(predicate::str::contains("lotse sessions list"));
    assert!(!file.exists());
}
