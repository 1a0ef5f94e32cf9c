//! Every list orders German names the same way, by DIN 5007-1 (Ä with A, Ö with O, ß as
//! "ss"): the staff list, a session's roster, the reports and the exports, in the library
//! and on the command line.

mod common;

use common::{city_in, d, lotse};
use lotse::model::{AttendanceInput, AttendanceStatus, DepartmentInput, EmployeeId, EmployeeInput};
use lotse::report::{CoverageOptions, HoursOptions, MatrixColumns, MatrixOptions, Measure};
use lotse::service::Database;
use lotse::service::certificates::{self, IssueOptions};
use lotse::service::{attendance, departments, employees, reports};
use lotse::store::{EmployeeFilter, Read};
use serde_json::Value;

/// Inserted in this (scrambled) order; the personnel numbers follow it, so that an order
/// by number or by insertion shows up as wrong.
const INSERTED: [&str; 9] = [
    "Zander",
    "Weiß",
    "Özdemir",
    "Ötztal",
    "Ostermann",
    "Weiss",
    "Oswald",
    "Ärger",
    "Abel",
];

/// DIN 5007-1: compare the letters with umlauts as their base letter and ß as "ss"
/// (abel, arger, ostermann, oswald, otztal, ozdemir, weiss, weiss, zander); equal letters
/// are ordered by their accents, plain before marked (Weiss before Weiß).
const EXPECTED: [&str; 9] = [
    "Abel",
    "Ärger",
    "Ostermann",
    "Oswald",
    "Ötztal",
    "Özdemir",
    "Weiss",
    "Weiß",
    "Zander",
];

struct Fixture {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    store: Database,
    session: lotse::model::SessionId,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lotse.sqlite");
    let mut city = city_in(Database::open(&path).expect("store"), 0, 0);
    let department = departments::add(
        &mut city.store,
        &DepartmentInput {
            code: "10".into(),
            name: "Hauptamt".into(),
            parent_id: None,
        },
    )
    .expect("department");
    let mut ids: Vec<EmployeeId> = Vec::new();
    for (i, last) in INSERTED.iter().enumerate() {
        ids.push(
            employees::add(
                &mut city.store,
                &EmployeeInput {
                    personnel_number: format!("{}", 100 + i),
                    first_name: "Anna".into(),
                    last_name: (*last).into(),
                    department_id: Some(department),
                    entry_date: Some(d("2020-01-01")),
                    ..Default::default()
                },
            )
            .expect("employee"),
        );
    }
    // Everyone attended both seminars of the program, so everyone can be certified.
    let seminars = city.store.store().seminars().expect("seminars");
    let mut session = None;
    for seminar in &seminars {
        let sessions = city
            .store
            .store()
            .sessions_of_seminar(seminar.id)
            .expect("sessions");
        let s = sessions[0].id;
        session.get_or_insert(s);
        city.store
            .store_mut()
            .transact(|tx| {
                for &e in &ids {
                    tx.insert_attendance(&AttendanceInput {
                        session_id: s,
                        employee_id: e,
                        status: AttendanceStatus::Attended,
                        hours: 4.0,
                        note: String::new(),
                    })?;
                }
                Ok(())
            })
            .expect("attendance");
    }
    // Certificates for half of them, in scrambled order.
    let holders: Vec<EmployeeId> = ids.iter().copied().step_by(2).collect();
    certificates::issue(
        &mut city.store,
        city.program,
        &holders,
        &IssueOptions::on(d("2026-11-02")),
        &mut |_| true,
    )
    .expect("issue");
    Fixture {
        _dir: dir,
        path,
        store: city.store,
        session: session.expect("a session"),
    }
}

fn assert_order(list: &str, names: Vec<String>) {
    assert_eq!(names, EXPECTED, "{list} is not in DIN 5007-1 order");
}

/// The expected names in the order in which they occur in `text` (each exactly once).
fn order_in_text(text: &str, names: &[&str]) -> Vec<String> {
    let mut found: Vec<(usize, String)> = names
        .iter()
        .map(|n| {
            let at = text
                .find(&format!("{n};"))
                .or_else(|| text.find(&format!("{n},")))
                .unwrap_or_else(|| panic!("{n} missing in:\n{text}"));
            (at, (*n).to_owned())
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, n)| n).collect()
}

#[test]
fn the_rule_itself() {
    let mut sorted = INSERTED.to_vec();
    sorted.sort_by(|a, b| lotse::text::cmp_de(a, b));
    assert_eq!(sorted, EXPECTED);
    let mut by_key = INSERTED.to_vec();
    by_key.sort_by_cached_key(|n| lotse::text::collation_key(n));
    assert_eq!(by_key, EXPECTED);
}

#[test]
fn every_list_orders_german_names_alike() {
    let f = fixture();
    let store = &f.store;
    let today = d("2026-11-21");

    // The staff list (the employee screen and `employees list` read it).
    let staff = store
        .store()
        .employee_rows(&EmployeeFilter::default())
        .expect("employees");
    assert_order(
        "the staff list",
        staff.iter().map(|r| r.employee.last_name.clone()).collect(),
    );

    // The roster of the session.
    let roster = attendance::roster(store, f.session).expect("roster");
    assert_order(
        "the roster",
        roster.iter().map(|r| r.last_name.clone()).collect(),
    );

    // Reports: coverage drill-down, matrix, hours.
    let coverage = reports::coverage(store, &CoverageOptions::on(today)).expect("coverage");
    assert_order(
        "the coverage drill-down",
        coverage
            .people(None, 0, Measure::Employees)
            .iter()
            .map(|p| p.last_name.clone())
            .collect(),
    );
    let matrix =
        reports::matrix(store, &MatrixOptions::on(today, MatrixColumns::Programs)).expect("matrix");
    assert_order(
        "the matrix",
        matrix.rows.iter().map(|r| r.last_name.clone()).collect(),
    );
    let hours = reports::hours(
        store,
        &HoursOptions {
            year: 2026,
            department: None,
        },
    )
    .expect("hours");
    assert_order(
        "the hours report",
        hours
            .employees
            .iter()
            .map(|e| e.last_name.clone())
            .collect(),
    );

    // The command line: JSON lists and CSV exports.
    let out = lotse(&f.path)
        .args(["employees", "list", "--format", "json"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Vec<Value> = serde_json::from_slice(&out.stdout).expect("json");
    assert_order(
        "lotse employees list",
        json.iter()
            .map(|e| e["last_name"].as_str().unwrap_or_default().to_owned())
            .collect(),
    );

    for (what, args) in [
        ("lotse export employees", vec!["export", "employees"]),
        ("lotse export matrix", vec!["export", "matrix"]),
        (
            "lotse export hours",
            vec!["export", "hours", "--year", "2026"],
        ),
    ] {
        let file = f.path.with_file_name(format!("{}.csv", args[1]));
        let out = lotse(&f.path)
            .args(&args)
            .arg("-o")
            .arg(&file)
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let bytes = std::fs::read(&file).expect("csv");
        let text = String::from_utf8_lossy(&bytes);
        assert_order(what, order_in_text(&text, &EXPECTED));
    }
}
