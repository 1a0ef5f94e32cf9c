//! The store: migrations, refusal of foreign and newer files, pragmas, transactions and audit.

use std::path::Path;

use chrono::NaiveDate;
use lotse::model::{DepartmentInput, EmployeeInput, Invalid};
use lotse::service;
use lotse::service::Database;
use lotse::store::{APPLICATION_ID, FixedClock, Read, SCHEMA_VERSION};
use lotse::{Error, Result};
use sha2::{Digest, Sha256};

fn file_hash(path: &Path) -> Vec<u8> {
    Sha256::digest(std::fs::read(path).unwrap()).to_vec()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn employee(pnr: &str, last: &str) -> EmployeeInput {
    EmployeeInput {
        personnel_number: pnr.into(),
        first_name: "Anna".into(),
        last_name: last.into(),
        ..Default::default()
    }
}

#[test]
fn a_fresh_file_gets_the_schema_and_pragmas() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("lotse.sqlite");
    let store = Database::open(&path).unwrap();
    assert!(store.store().foreign_keys_enabled().unwrap());
    assert_eq!(store.store().journal_mode().unwrap(), "wal");
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    assert_eq!(app_id, APPLICATION_ID);
    for table in [
        "department",
        "employee",
        "seminar",
        "session",
        "attendance",
        "program",
        "requirement",
        "certificate",
        "setting",
        "audit",
    ] {
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1, "table {table}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "database readable by its owner only");
        let dir_mode = std::fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(dir_mode & 0o777, 0o700);
    }
}

#[test]
fn reopening_keeps_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lotse.sqlite");
    let mut store = Database::open(&path).unwrap();
    service::employees::add(&mut store, &employee("1", "Weiß")).unwrap();
    drop(store);
    let store = Database::open(&path).unwrap();
    let e = store
        .store()
        .employee_by_personnel_number("1")
        .unwrap()
        .unwrap();
    assert_eq!(e.last_name, "Weiß");
}

#[test]
fn a_file_from_a_newer_lotse_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.sqlite");
    drop(Database::open(&path).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    let before = file_hash(&path);
    let err = Database::open(&path).err().expect("refused");
    assert!(matches!(err, Error::TooNew { found, .. } if found == SCHEMA_VERSION + 1));
    lotse::i18n::set_thread_language(lotse::i18n::Lang::De);
    assert!(err.user_message().contains("neueren Lotse-Version"));
    assert_eq!(file_hash(&path), before);
    assert!(!dir.path().join("newer.sqlite-wal").exists());
}

#[test]
fn foreign_files_are_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    // Another application's SQLite database.
    let other = dir.path().join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    // A spreadsheet someone passed by mistake.
    let text = dir.path().join("staff.csv");
    std::fs::write(&text, "Personalnummer;Nachname\n1;Müller\n".repeat(20)).unwrap();
    // Another application that sets its own application_id.
    let tagged = dir.path().join("tagged.sqlite");
    {
        let conn = rusqlite::Connection::open(&tagged).unwrap();
        conn.pragma_update(None, "application_id", 0x1234_5678)
            .unwrap();
        conn.execute_batch("CREATE TABLE t (x);").unwrap();
    }
    for path in [other, text, tagged] {
        let before = file_hash(&path);
        let err = Database::open(&path).err().expect("refused");
        assert!(matches!(err, Error::NotLotseFile { .. }), "{err:?}");
        assert_eq!(file_hash(&path), before, "{} changed", path.display());
    }
}

#[test]
fn an_empty_file_becomes_a_lotse_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.sqlite");
    std::fs::write(&path, b"").unwrap();
    let store = Database::open(&path).unwrap();
    assert_eq!(store.store().employee_count().unwrap(), 0);
}

#[test]
fn foreign_keys_are_enforced() {
    let mut store = Database::open_scratch().unwrap();
    let mut input = employee("1", "Müller");
    input.department_id = Some(lotse::model::DepartmentId(999));
    let err = service::employees::add(&mut store, &input).unwrap_err();
    assert!(
        matches!(err, Error::Invalid(ref p) if p == &[Invalid::UnknownDepartment("999".into())])
    );
    // Even below the service, the database refuses a dangling reference.
    let err = store
        .store_mut()
        .transact(|tx| {
            let valid = input.validated().map_err(Error::Invalid)?;
            tx.insert_employee(&valid)
        })
        .unwrap_err();
    assert!(
        matches!(err, Error::Database(_) | Error::Server(_)),
        "{err:?}"
    );
    assert_eq!(store.store().employee_count().unwrap(), 0);
}

#[test]
fn a_failed_transaction_leaves_no_row_and_no_audit_entry() {
    let mut store = Database::open_scratch().unwrap();
    let result: Result<()> = store.store_mut().transact(|tx| {
        let valid = employee("1", "Müller")
            .validated()
            .map_err(Error::Invalid)?;
        let id = tx.insert_employee(&valid)?;
        tx.audit("employee", Some(id.0), "add", "personnel number 1")?;
        Err(Error::Message("something went wrong later".into()))
    });
    assert!(result.is_err());
    assert_eq!(store.store().employee_count().unwrap(), 0);
    assert_eq!(store.store().audit_count().unwrap(), 0);
}

#[test]
fn every_change_writes_its_audit_entry() {
    let mut store = Database::open_scratch()
        .unwrap()
        .with_clock(FixedClock::on(date(2026, 11, 21)));
    let dept = service::departments::add(
        &mut store,
        &DepartmentInput {
            code: "HA".into(),
            name: "Hauptamt".into(),
            parent_id: None,
        },
    )
    .unwrap();
    let mut input = employee("4711", "Müller");
    input.department_id = Some(dept);
    let id = service::employees::add(&mut store, &input).unwrap();
    input.first_name = "Anne".into();
    service::employees::update(&mut store, id, &input).unwrap();
    service::employees::set_exit(&mut store, id, Some(date(2026, 10, 31))).unwrap();
    let entries = store.store().audit_entries(10).unwrap();
    let actions: Vec<(&str, &str)> = entries
        .iter()
        .rev()
        .map(|e| (e.entity.as_str(), e.action.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            ("department", "add"),
            ("employee", "add"),
            ("employee", "edit"),
            ("employee", "leave")
        ]
    );
    assert!(entries.iter().all(|e| !e.actor.is_empty()));
    assert_eq!(entries[0].at.date(), date(2026, 11, 21));
    // The audit entry names the personnel number, never the person.
    assert!(entries.iter().all(|e| !e.summary.contains("Müller")));
}

#[test]
fn leavers_are_kept_and_hidden_by_default() {
    let mut store = Database::open_scratch()
        .unwrap()
        .with_clock(FixedClock::on(date(2026, 11, 21)));
    let a = service::employees::add(&mut store, &employee("1", "Aktiv")).unwrap();
    let b = service::employees::add(&mut store, &employee("2", "Ausgeschieden")).unwrap();
    service::employees::set_exit(&mut store, b, Some(date(2026, 6, 30))).unwrap();
    let filter = lotse::store::EmployeeFilter::default();
    let visible: Vec<_> = store
        .store()
        .employee_rows(&filter)
        .unwrap()
        .into_iter()
        .map(|r| r.employee.id)
        .collect();
    assert_eq!(visible, [a]);
    let all = store
        .store()
        .employee_rows(&lotse::store::EmployeeFilter {
            include_leavers: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(all.len(), 2);
    // Leaving before entering is refused.
    let mut late = employee("3", "Spät");
    late.entry_date = Some(date(2026, 1, 1));
    let c = service::employees::add(&mut store, &late).unwrap();
    let err = service::employees::set_exit(&mut store, c, Some(date(2025, 12, 31))).unwrap_err();
    assert!(matches!(err, Error::Invalid(ref p) if p == &[Invalid::ExitBeforeEntry]));
}

#[test]
fn departments_cannot_become_their_own_ancestor() {
    let mut store = Database::open_scratch().unwrap();
    let add = |store: &mut Database, code: &str, parent| {
        service::departments::add(
            store,
            &DepartmentInput {
                code: code.into(),
                name: format!("Amt {code}"),
                parent_id: parent,
            },
        )
        .unwrap()
    };
    let top = add(&mut store, "1", None);
    let mid = add(&mut store, "1.1", Some(top));
    let low = add(&mut store, "1.1.1", Some(mid));
    for (moved, new_parent) in [(top, low), (top, mid), (mid, mid), (top, top)] {
        let d = store.store().department(moved).unwrap().unwrap();
        let err = service::departments::update(
            &mut store,
            moved,
            &DepartmentInput {
                code: d.code,
                name: d.name,
                parent_id: Some(new_parent),
            },
        )
        .unwrap_err();
        assert!(
            matches!(err, Error::Invalid(ref p) if p.contains(&Invalid::DepartmentCycle)),
            "{err:?}"
        );
    }
    // Moving the lowest unit to the top is fine.
    service::departments::update(
        &mut store,
        low,
        &DepartmentInput {
            code: "1.1.1".into(),
            name: "Amt".into(),
            parent_id: None,
        },
    )
    .unwrap();
    assert_eq!(
        store.store().department(low).unwrap().unwrap().parent_id,
        None
    );
}

#[test]
fn department_codes_are_unique_ignoring_case() {
    let mut store = Database::open_scratch().unwrap();
    let input = |code: &str| DepartmentInput {
        code: code.into(),
        name: "Kämmerei".into(),
        parent_id: None,
    };
    service::departments::add(&mut store, &input("KAE")).unwrap();
    let err = service::departments::add(&mut store, &input(" kae ")).unwrap_err();
    assert!(
        matches!(err, Error::Invalid(ref p) if p == &[Invalid::DuplicateDepartmentCode("kae".into())])
    );
    assert_eq!(store.store().department_count().unwrap(), 1);
}

#[test]
fn a_department_with_staff_cannot_be_deactivated() {
    let mut store = Database::open_scratch().unwrap();
    let dept = service::departments::add(
        &mut store,
        &DepartmentInput {
            code: "BA".into(),
            name: "Bauamt".into(),
            parent_id: None,
        },
    )
    .unwrap();
    let mut e = employee("1", "Özdemir");
    e.department_id = Some(dept);
    let id = service::employees::add(&mut store, &e).unwrap();
    let err = service::departments::set_active(&mut store, dept, false).unwrap_err();
    assert!(matches!(err, Error::Message(_)));
    e.department_id = None;
    service::employees::update(&mut store, id, &e).unwrap();
    service::departments::set_active(&mut store, dept, false).unwrap();
    assert!(!store.store().department(dept).unwrap().unwrap().active);
    // Nobody can be placed in an inactive department.
    let mut f = employee("2", "Łukasiewicz");
    f.department_id = Some(dept);
    let err = service::employees::add(&mut store, &f).unwrap_err();
    assert!(
        matches!(err, Error::Invalid(ref p) if p == &[Invalid::InactiveDepartment("BA".into())])
    );
}
