//! A form whose record was changed meanwhile (by another program on the same file, the
//! command line, a script) refuses to save instead of silently overwriting the change.
//!
//! Two stores on the same file stand for two programs: the first loads a record as a
//! form does, the second changes it, the first saves with the values it loaded.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use lotse::i18n::{self, Lang};
use lotse::model::{DepartmentId, DepartmentInput, EmployeeId, EmployeeInput, Salutation};
use lotse::service;
use lotse::service::Database;
use lotse::store::{FixedClock, Read};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 15).expect("date")
}

fn open(path: &Path) -> Database {
    Database::open(path)
        .expect("open store")
        .with_clock(FixedClock::on(today()))
}

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lotse.sqlite");
    (dir, path)
}

fn department(store: &mut Database, code: &str, name: &str) -> DepartmentId {
    service::departments::add(
        store,
        &DepartmentInput {
            code: code.to_owned(),
            name: name.to_owned(),
            parent_id: None,
        },
    )
    .expect("add department")
}

fn employee(store: &mut Database, department: Option<DepartmentId>) -> EmployeeId {
    service::employees::add(
        store,
        &EmployeeInput {
            personnel_number: "1001".to_owned(),
            first_name: "Erika".to_owned(),
            last_name: "Mustermann".to_owned(),
            salutation: Salutation::Female,
            email: "erika.mustermann@stadt.example".to_owned(),
            department_id: department,
            job_title: "Sachbearbeiterin".to_owned(),
            entry_date: NaiveDate::from_ymd_opt(2015, 1, 1),
            exit_date: None,
        },
    )
    .expect("add employee")
}

/// What a form loads: the stored record's values.
fn load_employee(store: &Database, id: EmployeeId) -> EmployeeInput {
    store
        .store()
        .employee(id)
        .expect("read")
        .expect("employee")
        .input()
}

fn load_department(store: &Database, id: DepartmentId) -> DepartmentInput {
    let d = store
        .store()
        .department(id)
        .expect("read")
        .expect("department");
    DepartmentInput {
        code: d.code,
        name: d.name,
        parent_id: d.parent_id,
    }
}

#[test]
fn an_employee_changed_by_another_program_is_not_overwritten() {
    i18n::set_thread_language(Lang::De);
    let (_dir, path) = temp_db();
    let mut app = open(&path);
    let id = employee(&mut app, None);
    let mut cli = open(&path);

    // The app's form loads the record; the user types a new job title.
    let original = load_employee(&app, id);
    let mut mine = original.clone();
    mine.job_title = "Teamleiterin".to_owned();

    // Meanwhile the other program changes the e-mail address.
    let mut theirs = load_employee(&cli, id);
    theirs.email = "e.mustermann@stadt.example".to_owned();
    service::employees::update(&mut cli, id, &theirs).expect("the other program saves");

    let audit_before = app.store().audit_count().unwrap();
    let err = service::employees::update_checked(&mut app, id, &original, &mine)
        .expect_err("the stale form must not save");
    let message = err.user_message();
    assert!(
        message.contains("Dieser Datensatz wurde inzwischen von")
            && message.contains("Laden Sie ihn neu"),
        "{message}"
    );
    // The actor comes from the audit trail of the other program's change.
    let actor = cli.store().audit_entries(1).unwrap()[0].actor.clone();
    assert!(message.contains(&actor), "{message}");

    // Nothing was overwritten, nothing was recorded.
    let stored = load_employee(&cli, id);
    assert_eq!(stored, theirs);
    assert_eq!(stored.job_title, "Sachbearbeiterin");
    assert_eq!(app.store().audit_count().unwrap(), audit_before);

    // After reloading, the change goes through on top of the other one.
    let reloaded = load_employee(&app, id);
    let mut again = reloaded.clone();
    again.job_title = "Teamleiterin".to_owned();
    service::employees::update_checked(&mut app, id, &reloaded, &again).expect("saves");
    let stored = load_employee(&cli, id);
    assert_eq!(stored.job_title, "Teamleiterin");
    assert_eq!(stored.email, "e.mustermann@stadt.example");
}

#[test]
fn an_unchanged_employee_is_saved() {
    let (_dir, path) = temp_db();
    let mut app = open(&path);
    let id = employee(&mut app, None);
    let cli = open(&path);
    let original = load_employee(&app, id);
    let mut mine = original.clone();
    mine.last_name = "Musterfrau".to_owned();
    service::employees::update_checked(&mut app, id, &original, &mine).expect("saves");
    assert_eq!(load_employee(&cli, id).last_name, "Musterfrau");
    // Saving the same form twice: the second save sees its own first one as a change.
    let mut twice = mine.clone();
    twice.first_name = "Erica".to_owned();
    assert!(service::employees::update_checked(&mut app, id, &original, &twice).is_err());
    assert_eq!(load_employee(&cli, id).first_name, "Erika");
}

#[test]
fn marking_an_employee_as_left_meanwhile_counts_as_a_change() {
    let (_dir, path) = temp_db();
    let mut app = open(&path);
    let id = employee(&mut app, None);
    let mut cli = open(&path);
    let original = load_employee(&app, id);
    service::employees::set_exit(&mut cli, id, NaiveDate::from_ymd_opt(2026, 3, 31))
        .expect("leaves");
    let mut mine = original.clone();
    mine.job_title = "Teamleiterin".to_owned();
    assert!(service::employees::update_checked(&mut app, id, &original, &mine).is_err());
    let stored = load_employee(&cli, id);
    assert_eq!(stored.exit_date, NaiveDate::from_ymd_opt(2026, 3, 31));
    assert_eq!(stored.job_title, "Sachbearbeiterin");
}

#[test]
fn invalid_input_is_still_reported_as_such() {
    let (_dir, path) = temp_db();
    let mut app = open(&path);
    let id = employee(&mut app, None);
    let original = load_employee(&app, id);
    let mut mine = original.clone();
    mine.last_name = "  ".to_owned();
    match service::employees::update_checked(&mut app, id, &original, &mine) {
        Err(lotse::Error::Invalid(_)) => {}
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn a_department_changed_by_another_program_is_not_overwritten() {
    i18n::set_thread_language(Lang::En);
    let (_dir, path) = temp_db();
    let mut app = open(&path);
    let id = department(&mut app, "OA", "Ordnungsamt");
    let parent = department(&mut app, "D3", "Dezernat III");
    let mut cli = open(&path);

    let original = load_department(&app, id);
    let mut mine = original.clone();
    mine.name = "Ordnungs- und Bürgeramt".to_owned();

    // The other program moves the unit under a Dezernat.
    let mut theirs = load_department(&cli, id);
    theirs.parent_id = Some(parent);
    service::departments::update(&mut cli, id, &theirs).expect("the other program saves");

    let err = service::departments::update_checked(&mut app, id, &original, &mine)
        .expect_err("the stale form must not save");
    let message = err.user_message();
    assert!(
        message.contains("This record was changed by") && message.contains("Reload it"),
        "{message}"
    );
    let stored = load_department(&cli, id);
    assert_eq!(stored, theirs);
    assert_eq!(stored.name, "Ordnungsamt");

    // Unchanged since loading: saved.
    let reloaded = load_department(&app, id);
    let mut again = reloaded.clone();
    again.name = "Ordnungs- und Bürgeramt".to_owned();
    service::departments::update_checked(&mut app, id, &reloaded, &again).expect("saves");
    let stored = load_department(&cli, id);
    assert_eq!(stored.name, "Ordnungs- und Bürgeramt");
    assert_eq!(stored.parent_id, Some(parent));
}

#[test]
fn deactivating_a_department_meanwhile_does_not_block_a_rename() {
    // The form edits code, name and parent; the active flag is its own action.
    let (_dir, path) = temp_db();
    let mut app = open(&path);
    let id = department(&mut app, "OA", "Ordnungsamt");
    let mut cli = open(&path);
    let original = load_department(&app, id);
    service::departments::set_active(&mut cli, id, false).expect("deactivates");
    let mut mine = original.clone();
    mine.name = "Ordnungsamt (alt)".to_owned();
    service::departments::update_checked(&mut app, id, &original, &mine).expect("saves");
    assert_eq!(load_department(&cli, id).name, "Ordnungsamt (alt)");
}

#[test]
fn the_plain_update_stays_unchecked() {
    // Scripts and the command line keep saving what they were given.
    let (_dir, path) = temp_db();
    let mut app = open(&path);
    let id = employee(&mut app, None);
    let mut cli = open(&path);
    let mut theirs = load_employee(&cli, id);
    theirs.job_title = "Amtsleiterin".to_owned();
    service::employees::update(&mut cli, id, &theirs).unwrap();
    let mut mine = load_employee(&app, id);
    mine.job_title = "Teamleiterin".to_owned();
    service::employees::update(&mut app, id, &mine).unwrap();
    assert_eq!(load_employee(&cli, id).job_title, "Teamleiterin");
}
