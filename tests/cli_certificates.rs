//! Programs, eligibility, issuing, printing and verifying through the real binary.

mod common;
mod common_pdf;

use common::lotse;

use std::path::Path;

use common::city_in;
use lotse::service::Database;
use lotse::store::Read;
use predicates::prelude::*;

fn json(cmd: &mut assert_cmd::Command) -> Vec<serde_json::Value> {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Four employees, the first three eligible for DL (sessions in March 2026).
fn db(dir: &Path) -> std::path::PathBuf {
    let path = common::db_target(dir);
    drop(city_in(Database::open(&path).unwrap(), 4, 3));
    path
}

#[test]
fn from_eligible_to_issued_to_printed_to_verified() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(dir.path());

    let programs = json(lotse(&db).args(["programs", "list", "--format", "json"]));
    assert_eq!(programs.len(), 1);
    assert_eq!(programs[0]["code"], "DL");
    assert_eq!(programs[0]["title_de_female"], "Digitallotsin");
    let rules = programs[0]["requirements"].as_array().unwrap();
    assert_eq!(rules.len(), 2);
    assert_eq!(
        rules[0],
        "Pflichtseminar „Grundlagen der digitalen Verwaltung“"
    );

    let due = json(lotse(&db).args([
        "eligible",
        "--program",
        "DL",
        "--as-of",
        "2026-11-21",
        "--format",
        "json",
    ]));
    let numbers: Vec<_> = due
        .iter()
        .map(|r| r["personnel_number"].as_str().unwrap())
        .collect();
    assert_eq!(numbers, ["0001", "0002", "0003"]);
    assert!(
        due.iter()
            .all(|r| r["eligible"] == true && r["missing"].as_array().unwrap().is_empty())
    );

    let everyone = json(lotse(&db).args([
        "eligible",
        "--all",
        "--as-of",
        "2026-11-21",
        "--format",
        "json",
    ]));
    let fourth = everyone
        .iter()
        .find(|r| r["personnel_number"] == "0004")
        .unwrap();
    assert_eq!(fourth["eligible"], false);
    let missing = fourth["missing"].as_array().unwrap();
    assert_eq!(missing.len(), 2);
    assert!(
        missing[0]
            .as_str()
            .unwrap()
            .contains("Pflichtseminar „Grundlagen der digitalen Verwaltung“ fehlt")
    );

    // Issuing someone who is not eligible is refused and writes nothing.
    lotse(&db)
        .args([
            "issue",
            "--program",
            "DL",
            "--employee",
            "0004",
            "--date",
            "2026-11-21",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "erfüllt am Ausstellungsdatum 0 von 2 Anforderungen",
        ));
    lotse(&db)
        .args([
            "issue",
            "--program",
            "DL",
            "--all-eligible",
            "--date",
            "21.11.2026",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("DL-2026-0003"))
        .stdout(predicate::str::contains("3 Zertifikate ausgestellt."));
    // A second run finds nobody left to issue to.
    lotse(&db)
        .args([
            "issue",
            "--program",
            "DL",
            "--all-eligible",
            "--date",
            "2026-11-21",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Niemand ist berechtigt"));

    let certs = json(lotse(&db).args(["certificates", "list", "--format", "json"]));
    assert_eq!(certs.len(), 3);
    let first = certs
        .iter()
        .find(|c| c["serial"] == "DL-2026-0001")
        .unwrap();
    assert_eq!(first["personnel_number"], "0001");
    assert_eq!(first["issued_on"], "2026-11-21");
    assert_eq!(first["valid_until"], "2028-11-21");
    assert_eq!(first["status"], "valid");
    let code = first["code"].as_str().unwrap().to_owned();
    assert_eq!(first["name"], "Jürgen Weiß0");
    assert_eq!(code.len(), 14, "grouped: XXXX-XXXX-XXXX");

    let pdf = dir.path().join("urkunden.pdf");
    lotse(&db)
        .args(["print", "--all", "-o"])
        .arg(&pdf)
        .assert()
        .success();
    assert_eq!(lopdf::Document::load(&pdf).unwrap().get_pages().len(), 3);
    common_pdf::assert_pdfa(&std::fs::read(&pdf).unwrap());
    let folder = dir.path().join("einzeln");
    lotse(&db)
        .args(["print", "DL-2026-0002", "--landscape", "-o"])
        .arg(&folder)
        .assert()
        .success();
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1);
    for file in std::fs::read_dir(&folder).unwrap() {
        common_pdf::qpdf_check_file(&file.unwrap().path());
    }

    lotse(&db)
        .args(["verify", &code.to_lowercase().replace('-', " ")])
        .assert()
        .success()
        .stdout(predicate::str::contains("Gültig"))
        .stdout(predicate::str::contains("DL-2026-0001"))
        .stdout(predicate::str::contains("Digitallotse"))
        .stdout(predicate::str::contains(
            "Grundlagen der digitalen Verwaltung",
        ));
    lotse(&db)
        .args(["verify", "ZZZZ-ZZZZ-ZZZZ"])
        .assert()
        .failure()
        .stdout(predicate::str::contains("Unbekannt"));
}

#[test]
fn printing_an_unknown_serial_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let db = db(dir.path());
    let out = dir.path().join("x.pdf");
    lotse(&db)
        .args(["print", "DL-2099-0001", "-o"])
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicate::str::contains("DL-2099-0001"));
    assert!(!out.exists());
    lotse(&db)
        .args(["eligible", "--program", "XX"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("„XX“"));
}

#[test]
fn eligible_as_of_a_past_day_uses_the_staff_of_that_day() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lotse.sqlite");
    let mut city = city_in(Database::open(&path).unwrap(), 4, 3);
    // 0002 left in October; 0003 joined only in November (after the seminars: not eligible
    // then, but the point is that they were not employed on the day asked about).
    let left = city.employees[1];
    lotse::service::employees::set_exit(&mut city.store, left, Some(common::d("2026-10-31")))
        .unwrap();
    let late = city.employees[2];
    let mut input = city.store.store().employee(late).unwrap().unwrap().input();
    input.entry_date = Some(common::d("2026-11-01"));
    lotse::service::employees::update(&mut city.store, late, &input).unwrap();
    drop(city);
    let numbers = |as_of: &str| -> Vec<String> {
        json(lotse(&path).args(["eligible", "--as-of", as_of, "--format", "json"]))
            .iter()
            .map(|r| r["personnel_number"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(numbers("2026-09-30"), ["0001", "0002"]);
    assert_eq!(numbers("2026-11-21"), ["0001", "0003"]);
}
