//! `lotse privacy export` and `lotse privacy erase` end to end.

mod common;

use common::lotse;

use std::io::Read;
use std::path::{Path, PathBuf};

use lotse::model::{EmployeeInput, Salutation};
use lotse::service;
use lotse::service::Database;
use lotse::store::Read as _;
use predicates::prelude::*;

fn db_with_person(dir: &Path) -> PathBuf {
    let path = dir.join("lotse.sqlite");
    let mut store = Database::open(&path).unwrap();
    for (pnr, first, last) in [
        ("1001", "Jürgen", "Weiß"),
        ("7788", "Wiltrud", "Knallberger"),
    ] {
        service::employees::add(
            &mut store,
            &EmployeeInput {
                personnel_number: pnr.into(),
                first_name: first.into(),
                last_name: last.into(),
                salutation: Salutation::Female,
                email: format!("{}@porta-westfalica.de", last.to_lowercase()),
                ..Default::default()
            },
        )
        .unwrap();
    }
    path
}

fn file_contains(path: &Path, needle: &str) -> bool {
    let mut bytes = Vec::new();
    if let Ok(mut f) = std::fs::File::open(path) {
        f.read_to_end(&mut bytes).unwrap();
    }
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn export_writes_a_zip() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_person(dir.path());
    let zip = dir.path().join("out").join("auskunft.zip");
    lotse(&db)
        .args(["privacy", "export", "7788", "-o"])
        .arg(&zip)
        .assert()
        .success()
        .stdout(predicate::str::contains("Auskunft gespeichert"));
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip).unwrap()).unwrap();
    let mut html = String::new();
    archive
        .by_name("auskunft.html")
        .unwrap()
        .read_to_string(&mut html)
        .unwrap();
    assert!(html.contains("Knallberger"));
    lotse(&db)
        .args(["privacy", "export", "0000", "-o"])
        .arg(dir.path().join("x.zip"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("0000"));
}

#[test]
fn erase_without_yes_shows_the_plan_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_person(dir.path());
    lotse(&db).arg("backup").assert().success();
    lotse(&db)
        .args(["privacy", "erase", "7788"])
        .assert()
        .failure()
        .stdout(
            predicate::str::contains("Löschung von Wiltrud Knallberger")
                .and(predicate::str::contains("Sicherung"))
                .and(predicate::str::contains("--yes")),
        );
    let store = Database::open(&db).unwrap();
    assert!(
        store
            .store()
            .employee_by_personnel_number("7788")
            .unwrap()
            .is_some()
    );
}

#[test]
fn erase_with_yes_and_backups_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_person(dir.path());
    lotse(&db).arg("backup").assert().success();
    let backups: Vec<PathBuf> = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(backups.len(), 1);
    assert!(file_contains(&backups[0], "Knallberger"));
    lotse(&db)
        .args([
            "privacy",
            "erase",
            "7788",
            "--delete",
            "--also-backups",
            "--yes",
        ])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Gelöscht (löschen)")
                .and(predicate::str::contains("Auch aus 1 Sicherungen")),
        );
    for path in [db.clone(), backups[0].clone()] {
        for needle in ["Knallberger", "Wiltrud", "knallberger@", "7788"] {
            assert!(
                !file_contains(&path, needle),
                "{needle} in {}",
                path.display()
            );
        }
    }
    let store = Database::open(&db).unwrap();
    assert!(
        store
            .store()
            .employee_by_personnel_number("7788")
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .store()
            .employee_by_personnel_number("1001")
            .unwrap()
            .is_some()
    );
}

#[test]
fn employees_delete_removes_a_person_without_records_only_with_yes() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_person(dir.path());
    let exists = |number: &str| {
        Database::open(&db)
            .unwrap()
            .store()
            .employee_by_personnel_number(number)
            .unwrap()
            .is_some()
    };
    lotse(&db)
        .args(["employees", "delete", "7788"])
        .assert()
        .failure()
        .stdout(
            predicate::str::contains("Wiltrud Knallberger (7788)")
                .and(predicate::str::contains("würde gelöscht"))
                .and(predicate::str::contains("--yes")),
        );
    assert!(exists("7788"), "without --yes nothing changes");
    lotse(&db)
        .args(["employees", "delete", "7788", "--yes"])
        .assert()
        .success()
        .stdout(predicate::str::contains("wurde gelöscht"));
    assert!(!exists("7788"));
    assert!(exists("1001"));
    lotse(&db)
        .args(["employees", "delete", "7788", "--yes"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "Keine Person mit der Personalnummer 7788",
        ));
}

#[test]
fn employees_delete_refuses_a_person_with_records_and_points_to_the_erasure() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lotse.sqlite");
    drop(common::city_in(Database::open(&path).unwrap(), 2, 1));
    lotse(&path)
        .args(["employees", "delete", "0001", "--yes"])
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("2 Teilnahmen")
                .and(predicate::str::contains("lotse privacy erase")),
        );
    let store = Database::open(&path).unwrap();
    assert!(
        store
            .store()
            .employee_by_personnel_number("0001")
            .unwrap()
            .is_some()
    );
    // Her colleague without records can go.
    drop(store);
    lotse(&path)
        .args(["employees", "delete", "0002", "--yes"])
        .assert()
        .success();
}
