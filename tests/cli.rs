//! The command line end to end: the real binary on a temporary database.

mod common;

use assert_cmd::Command;
use common::lotse;

use std::path::{Path, PathBuf};

use lotse::model::{DepartmentInput, EmployeeInput, Salutation};
use lotse::service;
use lotse::service::Database;
use predicates::prelude::*;
use sha2::{Digest, Sha256};

/// A small administration: Hauptamt with its Personal unit, Bauamt; three employees, one of them a leaver.
fn small_db(dir: &Path) -> PathBuf {
    let path = common::db_target(dir);
    let mut store = Database::open(&path).unwrap();
    let dept = |store: &mut Database, code: &str, name: &str, parent| {
        service::departments::add(
            store,
            &DepartmentInput {
                code: code.into(),
                name: name.into(),
                parent_id: parent,
            },
        )
        .unwrap()
    };
    let ha = dept(&mut store, "10", "Hauptamt", None);
    let per = dept(&mut store, "10.1", "Personal", Some(ha));
    let ba = dept(&mut store, "60", "Bauamt", None);
    for (pnr, first, last, d, exit) in [
        ("1001", "Jürgen", "Weiß", per, None),
        ("1002", "Bärbel", "Müller", ha, None),
        ("1003", "Sören", "Özdemir", ba, None),
        ("1004", "Łukasz", "Nowak", ba, Some("2020-01-31")),
    ] {
        let id = service::employees::add(
            &mut store,
            &EmployeeInput {
                personnel_number: pnr.into(),
                first_name: first.into(),
                last_name: last.into(),
                salutation: Salutation::Neutral,
                email: format!("{pnr}@porta-westfalica.de"),
                department_id: Some(d),
                ..Default::default()
            },
        )
        .unwrap();
        if let Some(exit) = exit {
            service::employees::set_exit(&mut store, id, exit.parse().ok()).unwrap();
        }
    }
    path
}

#[test]
fn employees_list_as_json_has_the_documented_fields() {
    let dir = tempfile::tempdir().unwrap();
    let db = small_db(dir.path());
    let out = lotse(&db)
        .args(["employees", "list", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.len(), 3, "the leaver is hidden");
    let weiss = rows
        .iter()
        .find(|r| r["personnel_number"] == "1001")
        .unwrap();
    assert_eq!(weiss["first_name"], "Jürgen");
    assert_eq!(weiss["last_name"], "Weiß");
    assert_eq!(weiss["department"], "10.1");
    assert_eq!(weiss["email"], "1001@porta-westfalica.de");
    assert_eq!(weiss["active"], true);
}

#[test]
fn employees_list_by_department_includes_sub_units() {
    let dir = tempfile::tempdir().unwrap();
    let db = small_db(dir.path());
    lotse(&db)
        .args(["employees", "list", "--department", "10"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Weiß"))
        .stdout(predicate::str::contains("Müller"))
        .stdout(predicate::str::contains("Özdemir").not())
        .stdout(predicate::str::contains("2 Zeilen"));
    lotse(&db)
        .args([
            "employees",
            "list",
            "--department",
            "60",
            "--all",
            "--format",
            "csv",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Personalnummer,Nachname"))
        .stdout(predicate::str::contains(
            "1004,Nowak,Łukasz,60,1004@porta-westfalica.de,nein",
        ));
}

#[test]
fn an_unknown_department_is_an_error_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let db = small_db(dir.path());
    lotse(&db)
        .args(["employees", "list", "--department", "99"])
        .assert()
        .failure()
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(
            "Die Organisationseinheit „99“ gibt es nicht.",
        ));
    lotse(&db)
        .args(["--lang", "en", "employees", "list", "--department", "99"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("There is no department “99”."));
}

#[test]
fn departments_list_with_parents_and_counts() {
    let dir = tempfile::tempdir().unwrap();
    let db = small_db(dir.path());
    let out = lotse(&db)
        .args(["departments", "list", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<_> = rows.iter().map(|r| r["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["10", "10.1", "60"]);
    assert_eq!(rows[1]["parent"], "10");
    assert_eq!(rows[0]["parent"], serde_json::Value::Null);
    assert_eq!(rows[2]["employees"], 1, "the leaver does not count");
    lotse(&db)
        .args(["departments", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Hauptamt"))
        .stdout(predicate::str::contains("3 Zeilen"));
}

#[test]
fn the_database_comes_from_the_environment_and_db_works_after_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let db = small_db(dir.path());
    Command::cargo_bin("lotse")
        .unwrap()
        .env("LOTSE_DB", &db)
        .env("LOTSE_LANG", "en")
        .args(["departments", "list", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Bauamt"));
    Command::cargo_bin("lotse")
        .unwrap()
        .env_remove("LOTSE_DB")
        .args(["departments", "list", "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains("Bauamt"));
}

#[test]
fn a_foreign_file_is_refused_with_a_message_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(
        &path,
        "Dies ist keine Datenbank, sondern eine Notiz. ".repeat(10),
    )
    .unwrap();
    let before = Sha256::digest(std::fs::read(&path).unwrap());
    lotse(&path)
        .args(["employees", "list"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("ist keine Lotse-Datenbank"));
    assert_eq!(Sha256::digest(std::fs::read(&path).unwrap()), before);
}

#[test]
fn help_is_in_the_chosen_language() {
    Command::cargo_bin("lotse")
        .unwrap()
        .env("LOTSE_LANG", "de")
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Füllt eine leere Datenbank"));
    Command::cargo_bin("lotse")
        .unwrap()
        .env("LOTSE_LANG", "en")
        .args(["employees", "list", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Also show employees who have left",
        ));
}

#[test]
fn a_mistyped_database_path_fails_instead_of_creating_an_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("tippfehler").join("lotse.sqlite");
    lotse(&missing)
        .args(["employees", "list"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("gibt es nicht"));
    assert!(!missing.exists());
    assert!(!missing.parent().unwrap().exists());
}

#[test]
fn a_locale_style_language_and_a_bad_date_are_handled() {
    let dir = tempfile::tempdir().unwrap();
    let db = small_db(dir.path());
    lotse(&db)
        .env("LOTSE_LANG", "en_GB.UTF-8")
        .args(["departments", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Parent unit"));
    lotse(&db)
        .env("LOTSE_LANG", "fr_FR")
        .args(["departments", "list"])
        .assert()
        .success();
    lotse(&db)
        .env("LOTSE_TODAY", "gestern")
        .args(["departments", "list"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("LOTSE_TODAY"));
}

/// A build without the desktop app (`--no-default-features`): no command is an error that
/// says so in the user's language and points to the help.
#[cfg(not(feature = "gui"))]
#[test]
fn without_the_gui_feature_no_command_points_to_the_help() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lotse.sqlite");
    lotse(&db)
        .assert()
        .failure()
        .stderr(predicate::str::contains("keine Desktop-Anwendung"))
        .stderr(predicate::str::contains("lotse --help"));
    lotse(&db)
        .args(["--lang", "en"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no desktop app"));
    assert!(!db.exists(), "nothing is created");
}
