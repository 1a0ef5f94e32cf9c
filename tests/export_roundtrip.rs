//! Lotse reads back what it writes: an exported staff list imports without a change.

use chrono::NaiveDate;
use lotse::i18n::{Lang, set_thread_language};
use lotse::model::{DepartmentInput, EmployeeInput, Salutation};
use lotse::report::ExportFormat;
use lotse::service;
use lotse::service::Database;
use lotse::service::import_employees as imp;
use lotse::service::reports::{self, ExportKind};
use lotse::store::{EmployeeFilter, FixedClock, Read};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// A store with one employee per form of address, a department, and a leaver.
fn staffed_store() -> Database {
    let mut store = Database::open_scratch()
        .expect("in-memory store")
        .with_clock(FixedClock::on(date(2026, 6, 1)));
    let dept = service::departments::add(
        &mut store,
        &DepartmentInput {
            code: "PFL".into(),
            name: "Pflege".into(),
            parent_id: None,
        },
    )
    .expect("department added");
    let people = [
        ("1001", "Anna", "Özdemir", Salutation::Female, Some(dept)),
        ("1002", "Bernd", "Weiß", Salutation::Male, None),
        ("1003", "Kim", "Łukasz", Salutation::Neutral, Some(dept)),
    ];
    for (pnr, first, last, salutation, department_id) in people {
        service::employees::add(
            &mut store,
            &EmployeeInput {
                personnel_number: pnr.into(),
                first_name: first.into(),
                last_name: last.into(),
                salutation,
                email: format!("{pnr}@example.org"),
                department_id,
                job_title: "Pflegefachkraft".into(),
                entry_date: Some(date(2020, 1, 15)),
                exit_date: (pnr == "1002").then(|| date(2026, 3, 31)),
            },
        )
        .expect("employee added");
    }
    store
}

fn all_employees(store: &Database) -> Vec<lotse::model::Employee> {
    store
        .store()
        .employee_rows(&EmployeeFilter {
            department: None,
            include_leavers: true,
        })
        .expect("employees")
        .into_iter()
        .map(|r| r.employee)
        .collect()
}

fn round_trip(lang: Lang, format: ExportFormat, file_name: &str) {
    set_thread_language(lang);
    let mut store = staffed_store();
    let before = all_employees(&store);
    let (bytes, rows) = reports::export_bytes(
        &store,
        &ExportKind::Employees {
            as_of: date(2026, 6, 1),
        },
        format,
    )
    .expect("exported");
    assert_eq!(rows, 3);

    let preview = imp::preview_bytes(&store, file_name, &bytes).expect("readable");
    assert!(
        !preview.has_rejections(false),
        "{lang:?} {file_name}: {:?}",
        preview.describe_lines()
    );
    let summary = imp::commit(&mut store, &preview, false).expect("committed");
    assert_eq!(
        (summary.added, summary.changed, summary.unchanged),
        (0, 0, 3)
    );
    assert_eq!(all_employees(&store), before);
}

#[test]
fn german_csv_export_imports_unchanged() {
    round_trip(Lang::De, ExportFormat::Csv, "mitarbeitende.csv");
}

#[test]
fn english_csv_export_imports_unchanged() {
    round_trip(Lang::En, ExportFormat::Csv, "employees.csv");
}

#[test]
fn xlsx_export_imports_unchanged() {
    round_trip(Lang::De, ExportFormat::Xlsx, "mitarbeitende.xlsx");
}

#[test]
fn labels_of_either_language_parse() {
    for (text, expected) in [
        ("Divers / keine Angabe", Salutation::Neutral),
        ("divers / KEINE ANGABE", Salutation::Neutral),
        ("Neutral / not stated", Salutation::Neutral),
        (" Frau ", Salutation::Female),
        ("MS", Salutation::Female),
        ("Herr", Salutation::Male),
    ] {
        assert_eq!(Salutation::parse(text), Some(expected), "{text}");
    }
    assert_eq!(Salutation::parse("Divers / keine"), None);
}

/// Exports hold personal data: only their owner may read them, like the database.
#[cfg(unix)]
#[test]
fn export_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    set_thread_language(Lang::De);
    let store = staffed_store();
    let dir = tempfile::tempdir().expect("temp dir");
    let mode =
        |p: &std::path::Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
    for name in ["e.csv", "e.xlsx"] {
        let path = dir.path().join(name);
        reports::export_to(
            &store,
            &ExportKind::Employees {
                as_of: date(2026, 6, 1),
            },
            &path,
        )
        .expect("exported");
        assert_eq!(mode(&path), 0o600, "{name}");
    }
    let path = dir.path().join("teilnahmen.csv");
    service::attendance::export_to(&store, None, None, &path).expect("exported");
    assert_eq!(mode(&path), 0o600);
}
