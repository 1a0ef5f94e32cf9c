//! `lotse needs`, `needs register` and `sessions waitlist` end to end: the real binary on
//! a temporary database (or a PostgreSQL one), "today" being 21.11.2026.

mod common;

use common::{db_target, lotse};
use lotse::service::Database;
use predicates::prelude::*;
use serde_json::Value;

/// Five people, the first of whom completed both seminars of "DL"; a future session of
/// DF-102 with two places. Returns the database and the session's id.
fn setup(dir: &std::path::Path) -> (std::path::PathBuf, i64) {
    let target = db_target(dir);
    let mut c = common::city_in(Database::open(&target).expect("open"), 5, 1);
    let session = common::future_session(&mut c.store, "DF-102", Some(2));
    (target, session.0)
}

#[test]
fn needs_lists_the_seminars_most_need_and_registers_them_with_a_waiting_list() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, session) = setup(dir.path());

    lotse(&db)
        .args(["needs", "--program", "DL"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "5 Beschäftigte haben noch kein gültiges Zertifikat „Digitallots:in“; 1 davon erfüllt schon alle Anforderungen",
        ))
        .stdout(predicate::str::contains("E-Akte in der Praxis (DF-102)"))
        .stdout(predicate::str::contains("ohne Organisationseinheit 4"));

    let out = lotse(&db)
        .args(["needs", "--program", "DL", "--format", "json"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(rows.len(), 2, "{rows:?}");
    for row in &rows {
        assert_eq!(row["needed_by"], 4);
        assert_eq!(row["would_become_eligible"], 0);
        assert_eq!(row["department_code"], Value::Null);
    }

    lotse(&db)
        .args(["needs", "--program", "XX"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "Ein Programm mit dem Kürzel „XX“ gibt es nicht.",
        ));

    lotse(&db)
        .args([
            "needs",
            "register",
            "--program",
            "DL",
            "--seminar",
            "DF-102",
        ])
        .args(["--session", &session.to_string()])
        .assert()
        .success()
        .stdout("2 angemeldet, 2 auf der Warteliste.\n");
    lotse(&db)
        .args([
            "needs",
            "register",
            "--program",
            "DL",
            "--seminar",
            "DF-102",
        ])
        .args(["--session", &session.to_string()])
        .assert()
        .success()
        .stdout("0 angemeldet, 0 auf der Warteliste, 4 waren schon angemeldet.\n");
    // A session of another seminar is refused.
    lotse(&db)
        .args([
            "needs",
            "register",
            "--program",
            "DL",
            "--seminar",
            "DF-101",
        ])
        .args(["--session", &session.to_string()])
        .assert()
        .failure()
        .stderr(predicate::str::contains("gehört nicht zu diesem Seminar"));

    let out = lotse(&db)
        .args([
            "sessions",
            "waitlist",
            &session.to_string(),
            "--format",
            "csv",
        ])
        .output()
        .expect("run");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[1].starts_with("1,"), "{text}");
    assert!(lines[2].starts_with("2,"), "{text}");
}
