//! Retention of leavers: who is due (at the edges of the period), the settings, applying
//! the erasure, the command line, and reports that keep their totals.

mod common;
#[cfg(feature = "gui")]
mod common_ui;

use std::path::Path;

use assert_cmd::Command;
use chrono::NaiveDate;
use common::d;
use lotse::model::{
    AttendanceInput, AttendanceStatus, DepartmentInput, EmployeeId, EmployeeInput, SeminarInput,
    SessionInput,
};
use lotse::report::{CoverageOptions, HoursOptions};
use lotse::service;
use lotse::service::Database;
use lotse::service::retention::{self, RetentionAction, RetentionPolicy};
use lotse::store::{FixedClock, Read};

/// A store on `today` with one department and the employees `(personnel number, exit)`.
fn store_with(today: &str, people: &[(&str, Option<&str>)]) -> (Database, Vec<EmployeeId>) {
    store_with_in(Database::open_scratch().unwrap(), today, people)
}

fn add(
    store: &mut Database,
    pnr: &str,
    department: Option<lotse::model::DepartmentId>,
    exit: Option<NaiveDate>,
) -> EmployeeId {
    service::employees::add(
        store,
        &EmployeeInput {
            personnel_number: pnr.into(),
            first_name: format!("Vorname{pnr}"),
            last_name: format!("Nachname{pnr}"),
            email: format!("p{pnr}@stadt.example"),
            department_id: department,
            entry_date: Some(d("2010-01-01")),
            exit_date: exit,
            ..Default::default()
        },
    )
    .unwrap()
}

fn numbers(due: &[retention::Due]) -> Vec<&str> {
    due.iter().map(|d| d.personnel_number.as_str()).collect()
}

#[test]
fn due_exactly_five_years_after_the_exit_not_a_day_before() {
    let (store, _) = store_with(
        "2025-03-15",
        &[
            ("1", Some("2020-03-15")), // five years today
            ("2", Some("2020-03-16")), // five years tomorrow
            ("3", None),               // active
            ("4", Some("2026-01-31")), // leaves in the future
            ("5", Some("2019-07-01")), // long due
        ],
    );
    let due = retention::due(&store, d("2025-03-15")).unwrap();
    assert_eq!(numbers(&due), ["5", "1"]);
    assert_eq!(due[1].exit_date, d("2020-03-15"));
    assert_eq!(due[1].due_since, d("2025-03-15"));
    assert_eq!(due[0].due_since, d("2024-07-01"));
    assert_eq!(due[0].department.as_deref(), Some("10"));
    assert_eq!(due[0].name(), "Nachname5, Vorname5");

    // The day before, only the long-due one.
    let due = retention::due(&store, d("2025-03-14")).unwrap();
    assert_eq!(numbers(&due), ["5"]);
    assert_eq!(retention::due_count(&store, d("2025-03-14")).unwrap(), 1);
    assert_eq!(retention::due_count(&store, d("2025-03-15")).unwrap(), 2);
    assert_eq!(retention::due_count(&store, d("2025-03-16")).unwrap(), 3);
}

#[test]
fn leap_day_exits_are_due_on_the_28th_of_february() {
    let (store, _) = store_with("2025-02-28", &[("1", Some("2020-02-29"))]);
    assert!(retention::due(&store, d("2025-02-27")).unwrap().is_empty());
    let due = retention::due(&store, d("2025-02-28")).unwrap();
    assert_eq!(numbers(&due), ["1"]);
    assert_eq!(due[0].due_since, d("2025-02-28"));
    assert_eq!(retention::due_count(&store, d("2025-02-28")).unwrap(), 1);
}

#[test]
fn the_period_follows_the_settings() {
    let (mut store, _) = store_with(
        "2025-06-01",
        &[("1", Some("2018-06-01")), ("2", Some("2022-05-31"))],
    );
    assert_eq!(
        numbers(&retention::due(&store, d("2025-06-01")).unwrap()),
        ["1"]
    );
    RetentionPolicy {
        years: 3,
        action: RetentionAction::Anonymise,
    }
    .save(&mut store)
    .unwrap();
    assert_eq!(
        numbers(&retention::due(&store, d("2025-06-01")).unwrap()),
        ["1", "2"]
    );
    RetentionPolicy {
        years: 10,
        action: RetentionAction::Anonymise,
    }
    .save(&mut store)
    .unwrap();
    assert!(retention::due(&store, d("2025-06-01")).unwrap().is_empty());
}

#[test]
fn due_counts_attendance_and_certificates() {
    let (mut store, ids) = store_with("2030-01-01", &[("1", None), ("2", Some("2024-02-01"))]);
    let seminar = store
        .store_mut()
        .transact(|tx| {
            tx.insert_seminar(&SeminarInput {
                code: "DF-101".into(),
                title: "Grundlagen".into(),
                default_hours: 4.0,
                ..Default::default()
            })
        })
        .unwrap();
    for day in ["2023-03-01", "2023-09-01"] {
        store
            .store_mut()
            .transact(|tx| {
                let session = tx.insert_session(&SessionInput {
                    seminar_id: seminar,
                    starts_at: common::at(day, 9),
                    ends_at: common::at(day, 13),
                    location: String::new(),
                    trainer: String::new(),
                    capacity: None,
                })?;
                for &employee in &ids {
                    tx.insert_attendance(&AttendanceInput {
                        session_id: session,
                        employee_id: employee,
                        status: AttendanceStatus::Attended,
                        hours: 4.0,
                        note: String::new(),
                    })?;
                }
                Ok(())
            })
            .unwrap();
    }
    let due = retention::due(&store, d("2030-01-01")).unwrap();
    assert_eq!(numbers(&due), ["2"]);
    assert_eq!(due[0].attendance, 2);
    assert_eq!(due[0].certificates, 0);
}

#[test]
fn settings_round_trip_with_defaults_and_an_audit_entry() {
    let (mut store, _) = store_with("2025-01-01", &[]);
    assert_eq!(
        RetentionPolicy::current(&store).unwrap(),
        RetentionPolicy {
            years: 5,
            action: RetentionAction::Anonymise
        }
    );
    let before = store.store().audit_count().unwrap();
    let policy = RetentionPolicy {
        years: 7,
        action: RetentionAction::Delete,
    };
    policy.save(&mut store).unwrap();
    assert_eq!(RetentionPolicy::current(&store).unwrap(), policy);
    assert_eq!(
        store.store().setting("retention_years").unwrap().as_deref(),
        Some("7")
    );
    assert_eq!(
        store
            .store()
            .setting("retention_action")
            .unwrap()
            .as_deref(),
        Some("delete")
    );
    assert_eq!(store.store().audit_count().unwrap(), before + 1);
    let entry = &store.store().audit_entries(1).unwrap()[0];
    assert_eq!(entry.entity, "setting");
    assert!(entry.summary.contains("7 years"), "{}", entry.summary);

    // Nothing outside 1..=50 years is stored.
    for years in [0, 51] {
        assert!(
            RetentionPolicy {
                years,
                action: RetentionAction::Anonymise
            }
            .save(&mut store)
            .is_err()
        );
    }
    assert_eq!(RetentionPolicy::current(&store).unwrap(), policy);
    assert_eq!(store.store().audit_count().unwrap(), before + 1);
}

// ---------------------------------------------------------------------------------------
// The command line
// ---------------------------------------------------------------------------------------

fn lotse(db: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lotse"));
    cmd.env_remove("LOTSE_DB")
        .env("LOTSE_LANG", "de")
        .env("LOTSE_TODAY", "2026-11-21")
        .env("LOTSE_LOG_FILE", "-")
        .arg("--db")
        .arg(db);
    cmd
}

/// A database file with the small store of [`store_with`] on 2026-11-21: two leavers due
/// ("1" left 2020-01-31, "2" exactly five years ago), one not yet ("3"), one active ("4").
fn due_db(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("lotse.sqlite");
    let (store, _) = store_with_in(
        Database::open(&path).unwrap(),
        "2026-11-21",
        &[
            ("1", Some("2020-01-31")),
            ("2", Some("2021-11-21")),
            ("3", Some("2021-11-22")),
            ("4", None),
        ],
    );
    drop(store);
    path
}

fn numbers_in(path: &Path) -> Vec<String> {
    let store = Database::open(path)
        .unwrap()
        .with_clock(FixedClock::on(d("2026-11-21")));
    retention::due(&store, d("2026-11-21"))
        .unwrap()
        .into_iter()
        .map(|d| d.personnel_number)
        .collect()
}

#[test]
fn cli_dry_run_lists_and_changes_nothing_apply_erases() {
    let dir = tempfile::tempdir().unwrap();
    let db = due_db(dir.path());
    let audit_before = Database::open(&db).unwrap().store().audit_count().unwrap();

    let out = lotse(&db).args(["privacy", "retention"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Nachname1, Vorname1"), "{text}");
    assert!(text.contains("Nachname2, Vorname2"), "{text}");
    assert!(!text.contains("Nachname3"), "{text}");
    assert!(text.contains("31.01.2020"), "{text}");
    assert!(text.contains("Probelauf"), "{text}");
    assert!(text.contains("2 Personen würden anonymisiert"), "{text}");
    assert_eq!(numbers_in(&db), ["1", "2"]);
    assert_eq!(
        Database::open(&db).unwrap().store().audit_count().unwrap(),
        audit_before
    );

    // JSON for scripts.
    let out = lotse(&db)
        .args(["privacy", "retention", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["personnel_number"], "1");
    assert_eq!(rows[0]["exit_date"], "2020-01-31");
    assert_eq!(rows[0]["due_since"], "2025-01-31");
    assert_eq!(rows[1]["due_since"], "2026-11-21");

    let out = lotse(&db)
        .args(["privacy", "retention", "--apply"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("2 ausgeschiedene Beschäftigte wurden anonymisiert"),
        "{text}"
    );
    assert!(numbers_in(&db).is_empty());
    let store = Database::open(&db).unwrap();
    assert!(
        store
            .store()
            .employee_by_personnel_number("1")
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .store()
            .employee_by_personnel_number("3")
            .unwrap()
            .is_some()
    );

    // A second run finds nobody.
    let out = lotse(&db)
        .args(["privacy", "retention", "--apply"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("Niemand hat die Aufbewahrungsfrist überschritten."),
    );
}

// ---------------------------------------------------------------------------------------
// Applying
// ---------------------------------------------------------------------------------------

fn store_with_in(
    store: Database,
    today: &str,
    people: &[(&str, Option<&str>)],
) -> (Database, Vec<EmployeeId>) {
    let mut store = store.with_clock(FixedClock::on(d(today)));
    let dept = service::departments::add(
        &mut store,
        &DepartmentInput {
            code: "10".into(),
            name: "Hauptamt".into(),
            parent_id: None,
        },
    )
    .unwrap();
    let ids = people
        .iter()
        .map(|(pnr, exit)| add(&mut store, pnr, Some(dept), exit.map(d)))
        .collect();
    (store, ids)
}

#[test]
fn apply_anonymises_everyone_due_and_a_second_run_finds_nobody() {
    let (mut store, ids) = store_with(
        "2026-11-21",
        &[
            ("1", Some("2020-01-31")),
            ("2", Some("2021-11-21")),
            ("3", Some("2021-11-22")),
            ("4", None),
        ],
    );
    let report = retention::apply(&mut store, d("2026-11-21")).unwrap();
    assert_eq!(report.erased, 2);
    assert_eq!(report.failed, None);
    assert_eq!(report.action, RetentionAction::Anonymise);
    assert!(retention::due(&store, d("2026-11-21")).unwrap().is_empty());
    assert_eq!(retention::due_count(&store, d("2026-11-21")).unwrap(), 0);
    // Anonymised: the row stays, without the person.
    for &id in &ids[..2] {
        let e = store
            .store()
            .employee(id)
            .unwrap()
            .expect("the placeholder stays");
        assert!(!e.first_name.starts_with("Vorname"), "{e:?}");
        assert!(!e.last_name.starts_with("Nachname"), "{e:?}");
        assert_eq!(e.email, None);
    }
    // The others are untouched.
    for (&id, pnr) in ids[2..].iter().zip(["3", "4"]) {
        assert_eq!(
            store
                .store()
                .employee(id)
                .unwrap()
                .unwrap()
                .personnel_number,
            pnr
        );
    }
    // One summary entry in the audit log, without names.
    let entries = store.store().audit_entries(50).unwrap();
    let summary = entries
        .iter()
        .find(|e| e.entity == "retention")
        .expect("a retention entry");
    assert!(
        summary.summary.contains("2 anonymised"),
        "{}",
        summary.summary
    );

    let again = retention::apply(&mut store, d("2026-11-21")).unwrap();
    assert_eq!(again.erased, 0);
    assert_eq!(again.failed, None);
}

#[test]
fn apply_deletes_when_the_settings_say_so() {
    let (mut store, ids) = store_with("2026-11-21", &[("1", Some("2020-01-31")), ("2", None)]);
    RetentionPolicy {
        years: 5,
        action: RetentionAction::Delete,
    }
    .save(&mut store)
    .unwrap();
    let report = retention::apply(&mut store, d("2026-11-21")).unwrap();
    assert_eq!((report.erased, report.action), (1, RetentionAction::Delete));
    assert!(store.store().employee(ids[0]).unwrap().is_none());
    assert!(store.store().employee(ids[1]).unwrap().is_some());
    assert!(retention::due(&store, d("2026-11-21")).unwrap().is_empty());
}

#[test]
fn already_erased_leavers_are_not_listed() {
    let (mut store, ids) = store_with(
        "2026-11-21",
        &[("1", Some("2020-01-31")), ("2", Some("2020-02-01"))],
    );
    service::privacy::erase(&mut store, ids[0], service::privacy::ErasureMode::Anonymise).unwrap();
    assert_eq!(
        numbers(&retention::due(&store, d("2026-11-21")).unwrap()),
        ["2"]
    );
    assert_eq!(retention::due_count(&store, d("2026-11-21")).unwrap(), 1);
}

// ---------------------------------------------------------------------------------------
// Reports keep their totals
// ---------------------------------------------------------------------------------------

#[test]
fn coverage_and_hours_of_2024_keep_their_totals_after_retention() {
    // A sample administration as of mid-2025; its leavers left by then.
    let mut store = Database::open_scratch()
        .unwrap()
        .with_clock(FixedClock::on(d("2025-06-30")));
    service::demo::generate(
        &mut store,
        &service::demo::DemoOptions {
            employees: 200,
            seed: 7,
        },
        &mut |_| true,
    )
    .unwrap();
    // Years later, every leaver of back then is past the period.
    let today = d("2031-01-02");
    store.set_clock(std::sync::Arc::new(FixedClock::on(today)));
    let due = retention::due(&store, today).unwrap();
    assert!(!due.is_empty());

    let coverage = |store: &Database| {
        service::reports::coverage(store, &CoverageOptions::on(d("2024-06-30"))).unwrap()
    };
    let hours = |store: &Database| {
        service::reports::hours(
            store,
            &HoursOptions {
                year: 2024,
                department: None,
            },
        )
        .unwrap()
    };
    let coverage_before = coverage(&store);
    let hours_before = hours(&store);
    // The test means something only if the leavers count in 2024.
    let due_ids: std::collections::HashSet<EmployeeId> =
        due.iter().map(|d| d.employee_id).collect();
    assert!(
        hours_before
            .employees
            .iter()
            .any(|e| due_ids.contains(&e.employee_id) && e.hours > 0.0),
        "some leavers trained in 2024"
    );
    assert!(
        coverage_before
            .people
            .iter()
            .any(|p| due_ids.contains(&p.employee_id)),
        "some leavers were employed on 30.06.2024"
    );

    let report = retention::apply(&mut store, today).unwrap();
    assert_eq!(report.failed, None);
    assert_eq!(report.erased, due.len());
    assert!(retention::due(&store, today).unwrap().is_empty());

    let coverage_after = coverage(&store);
    let hours_after = hours(&store);
    let coverage_rows = |r: &lotse::report::CoverageReport| {
        r.rows
            .iter()
            .map(|row| (row.code.clone(), row.figures.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        coverage_rows(&coverage_after),
        coverage_rows(&coverage_before)
    );
    assert_eq!(coverage_after.total, coverage_before.total);
    let hours_rows = |r: &lotse::report::HoursReport| {
        r.departments
            .iter()
            .map(|row| (row.code.clone(), row.figures))
            .collect::<Vec<_>>()
    };
    assert_eq!(hours_rows(&hours_after), hours_rows(&hours_before));
    assert_eq!(hours_after.total, hours_before.total);
    let per_employee = |r: &lotse::report::HoursReport| {
        let mut v: Vec<(EmployeeId, String)> = r
            .employees
            .iter()
            .map(|e| (e.employee_id, format!("{:.2}", e.hours)))
            .collect();
        v.sort();
        v
    };
    assert_eq!(per_employee(&hours_after), per_employee(&hours_before));
}

// ---------------------------------------------------------------------------------------
// The app
// ---------------------------------------------------------------------------------------

#[cfg(feature = "gui")]
#[test]
fn the_dashboard_reminds_and_the_screen_anonymises_after_confirmation() {
    use egui_kittest::kittest::Queryable;
    use lotse::app::Screen;

    let dir = tempfile::tempdir().unwrap();
    let db = due_db(dir.path());
    let store = Database::open(&db)
        .unwrap()
        .with_clock(FixedClock::on(d("2026-11-21")));
    let mut h = common_ui::harness(store, [1280.0, 900.0]);
    assert_eq!(h.state().screen(), Screen::Dashboard);
    let reminder = "2 ausgeschiedene Beschäftigte haben die Aufbewahrungsfrist überschritten";
    h.get_by_label(reminder).click();
    common_ui::settle(&mut h);
    assert_eq!(h.state().screen(), Screen::Retention);
    h.get_by_label("Nachname1, Vorname1");
    h.get_by_label("Nachname2, Vorname2");
    assert!(!common_ui::has_text(&h, "Nachname3, Vorname3"));

    // Cancelling the confirmation changes nothing.
    common_ui::click_button(&mut h, "Fristgerecht anonymisieren …");
    h.get_by_label_contains("2 ausgeschiedene Beschäftigte werden anonymisiert");
    common_ui::click_button(&mut h, "Abbrechen");
    assert_eq!(numbers_in(&db), ["1", "2"]);

    common_ui::click_button(&mut h, "Fristgerecht anonymisieren …");
    common_ui::click_button(&mut h, "2 Personen anonymisieren");
    assert!(numbers_in(&db).is_empty());
    assert!(
        h.state()
            .notice()
            .is_some_and(|n| n.contains("2 ausgeschiedene Beschäftigte wurden anonymisiert")),
        "{:?}",
        h.state().notice()
    );
    h.get_by_label("Niemand hat die Aufbewahrungsfrist überschritten.");

    // The dashboard no longer reminds.
    h.state_mut().set_screen(Screen::Dashboard);
    common_ui::settle(&mut h);
    assert!(!common_ui::has_text(&h, reminder));
}

#[cfg(feature = "gui")]
#[test]
fn the_settings_section_saves_the_period_and_the_action() {
    use egui::accesskit::Role;
    use lotse::app::Screen;

    let dir = tempfile::tempdir().unwrap();
    let db = due_db(dir.path());
    let store = Database::open(&db)
        .unwrap()
        .with_clock(FixedClock::on(d("2026-11-21")));
    let mut h = common_ui::harness(store, [1280.0, 1400.0]);
    h.state_mut().set_screen(Screen::Settings);
    common_ui::settle(&mut h);
    common_ui::click(&mut h, Role::RadioButton, "löschen");
    common_ui::click_button(&mut h, "Aufbewahrungsfrist speichern");
    let policy = RetentionPolicy::current(&Database::open(&db).unwrap()).unwrap();
    assert_eq!(
        policy,
        RetentionPolicy {
            years: 5,
            action: RetentionAction::Delete
        }
    );
}
