//! Two officers edit the same record: a save over a version that is no longer stored is
//! refused — nothing is overwritten, nothing recorded — and the error says who changed
//! it and which version is stored now, so the form can show both and let the officer
//! reload or overwrite.
//!
//! Two connections to the same database stand for two officers (or an officer and the
//! command line). The tests run on a SQLite file, and on a PostgreSQL database when the
//! suite runs against a server (`LOTSE_TEST_BACKEND=postgres`, see `common::db_target`).

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use lotse::Error;
use lotse::i18n::{self, Lang};
use lotse::model::{
    DepartmentId, DepartmentInput, EmployeeId, EmployeeInput, ProgramInput, ProgramTitles,
    Requirement, Salutation, SeminarFormat, SeminarInput, SessionInput,
};
use lotse::service;
use lotse::service::Database;
use lotse::store::{FixedClock, Read};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 15).expect("date")
}

/// Two officers on one database (the directory keeps a SQLite file alive).
fn two_officers() -> (tempfile::TempDir, Database, Database) {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = common::db_target(dir.path());
    let open = || {
        Database::open(&target)
            .expect("open")
            .with_clock(FixedClock::on(today()))
    };
    let first = open();
    let second = open();
    (dir, first, second)
}

fn department(db: &mut Database, code: &str, name: &str) -> DepartmentId {
    let input = DepartmentInput {
        code: code.to_owned(),
        name: name.to_owned(),
        parent_id: None,
    };
    service::departments::add(db, &input).expect("add department")
}

fn employee(db: &mut Database) -> EmployeeId {
    let input = EmployeeInput {
        personnel_number: "1001".to_owned(),
        first_name: "Erika".to_owned(),
        last_name: "Mustermann".to_owned(),
        salutation: Salutation::Female,
        email: "erika.mustermann@stadt.example".to_owned(),
        department_id: None,
        job_title: "Sachbearbeiterin".to_owned(),
        entry_date: NaiveDate::from_ymd_opt(2015, 1, 1),
        exit_date: None,
    };
    service::employees::add(db, &input).expect("add employee")
}

fn seminar_input(code: &str) -> SeminarInput {
    SeminarInput {
        code: code.to_owned(),
        title: "Digitale Verwaltung".to_owned(),
        description: String::new(),
        provider: "DigiFit".to_owned(),
        format: SeminarFormat::InPerson,
        default_hours: 6.0,
        topic: "Digitalisierung".to_owned(),
    }
}

fn at(day: u32, hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 4, day)
        .unwrap()
        .and_hms_opt(hour, 0, 0)
        .unwrap()
}

/// The stored employee: (version, values), as a form loads them.
fn load_employee(db: &Database, id: EmployeeId) -> (i64, EmployeeInput) {
    let e = db.store().employee(id).expect("read").expect("employee");
    (e.version, e.input())
}

/// The version an error says is stored now.
fn stored_version(error: &Error) -> i64 {
    match error {
        Error::ChangedMeanwhile { stored, .. } => *stored,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

#[test]
fn an_employee_changed_by_another_officer_is_not_overwritten() {
    i18n::set_thread_language(Lang::De);
    let (_dir, mut mine, mut theirs) = two_officers();
    let id = employee(&mut mine);

    // My form loads the record; I type a new job title.
    let (version, original) = load_employee(&mine, id);
    let mut entry = original.clone();
    entry.job_title = "Teamleiterin".to_owned();

    // Meanwhile my colleague changes the e-mail address.
    let (their_version, mut their_entry) = load_employee(&theirs, id);
    their_entry.email = "e.mustermann@stadt.example".to_owned();
    service::employees::update_checked(&mut theirs, id, their_version, &their_entry)
        .expect("the colleague saves first");

    let audit_before = mine.store().audit_count().unwrap();
    let error = service::employees::update_checked(&mut mine, id, version, &entry)
        .expect_err("the stale form must not save");
    let message = error.user_message();
    assert!(
        message.contains("Dieser Datensatz wurde inzwischen von")
            && message.contains("am 15.03.2026 um")
            && message.contains("überschreiben Sie ihn mit Ihrer Eingabe"),
        "{message}"
    );
    // The colleague is named as the audit log knows them.
    let actor = theirs.store().audit_entries(1).unwrap()[0].actor.clone();
    assert!(message.contains(&actor), "{message}");
    let now = stored_version(&error);
    assert!(now > version);

    // Nothing was overwritten, nothing was recorded.
    let (stored_now, stored) = load_employee(&theirs, id);
    assert_eq!(stored_now, now);
    assert_eq!(stored, their_entry);
    assert_eq!(mine.store().audit_count().unwrap(), audit_before);

    // "Neu laden": the form takes the stored values and version; my change then goes
    // through on top of the colleague's.
    let (reloaded_version, mut again) = load_employee(&mine, id);
    again.job_title = "Teamleiterin".to_owned();
    service::employees::update_checked(&mut mine, id, reloaded_version, &again).expect("saves");
    let (_, stored) = load_employee(&theirs, id);
    assert_eq!(stored.job_title, "Teamleiterin");
    assert_eq!(stored.email, "e.mustermann@stadt.example");
}

#[test]
fn overwriting_saves_the_entry_over_the_version_the_conflict_named() {
    let (_dir, mut mine, mut theirs) = two_officers();
    let id = employee(&mut mine);
    let (version, original) = load_employee(&mine, id);
    let mut theirs_entry = original.clone();
    theirs_entry.last_name = "Musterfrau".to_owned();
    service::employees::update(&mut theirs, id, &theirs_entry).unwrap();

    let mut entry = original.clone();
    entry.last_name = "Mustermann-Weber".to_owned();
    let error = service::employees::update_checked(&mut mine, id, version, &entry).unwrap_err();
    // "Trotzdem speichern": the same entry over the version stored now.
    service::employees::update_checked(&mut mine, id, stored_version(&error), &entry)
        .expect("overwrites");
    assert_eq!(load_employee(&theirs, id).1.last_name, "Mustermann-Weber");

    // If the colleague saved yet again in between, the overwrite is refused as well.
    let (v, _) = load_employee(&mine, id);
    service::employees::update(&mut theirs, id, &theirs_entry).unwrap();
    assert!(service::employees::update_checked(&mut mine, id, v, &entry).is_err());
}

#[test]
fn every_change_moves_the_version_on() {
    let (_dir, mut mine, mut theirs) = two_officers();
    let id = employee(&mut mine);
    let (v0, original) = load_employee(&mine, id);
    assert_eq!(v0, 1);
    // Marking as left is its own action, and a change all the same.
    service::employees::set_exit(&mut theirs, id, NaiveDate::from_ymd_opt(2026, 3, 31)).unwrap();
    let (v1, _) = load_employee(&mine, id);
    assert!(v1 > v0);
    let mut entry = original.clone();
    entry.job_title = "Teamleiterin".to_owned();
    assert!(service::employees::update_checked(&mut mine, id, v0, &entry).is_err());
    let (_, stored) = load_employee(&theirs, id);
    assert_eq!(stored.exit_date, NaiveDate::from_ymd_opt(2026, 3, 31));
    assert_eq!(stored.job_title, "Sachbearbeiterin");
    // Saving the same form twice: the second save must carry the version of the first.
    service::employees::update_checked(&mut mine, id, v1, &entry).expect("saves");
    let mut twice = entry.clone();
    twice.first_name = "Erica".to_owned();
    assert!(service::employees::update_checked(&mut mine, id, v1, &twice).is_err());
    let (v2, _) = load_employee(&mine, id);
    service::employees::update_checked(&mut mine, id, v2, &twice).expect("saves");
    assert_eq!(load_employee(&theirs, id).1.first_name, "Erica");
}

#[test]
fn invalid_input_is_still_reported_as_such() {
    let (_dir, mut mine, _theirs) = two_officers();
    let id = employee(&mut mine);
    let (version, mut entry) = load_employee(&mine, id);
    entry.last_name = "  ".to_owned();
    match service::employees::update_checked(&mut mine, id, version, &entry) {
        Err(Error::Invalid(_)) => {}
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn a_department_changed_by_another_officer_is_not_overwritten() {
    i18n::set_thread_language(Lang::En);
    let (_dir, mut mine, mut theirs) = two_officers();
    let id = department(&mut mine, "OA", "Ordnungsamt");
    let parent = department(&mut mine, "D3", "Dezernat III");
    let loaded = mine.store().department(id).unwrap().unwrap();
    let mut entry = DepartmentInput {
        code: loaded.code.clone(),
        name: "Ordnungs- und Bürgeramt".to_owned(),
        parent_id: None,
    };
    // The colleague moves the unit under a Dezernat.
    service::departments::update(
        &mut theirs,
        id,
        &DepartmentInput {
            parent_id: Some(parent),
            ..entry.clone()
        },
    )
    .unwrap();
    let error = service::departments::update_checked(&mut mine, id, loaded.version, &entry)
        .expect_err("the stale form must not save");
    let message = error.user_message();
    assert!(
        message.contains("This record was changed by") && message.contains("reload"),
        "{message}"
    );
    assert_eq!(
        theirs.store().department(id).unwrap().unwrap().parent_id,
        Some(parent)
    );
    // Deactivating is a change too.
    let now = stored_version(&error);
    service::departments::set_active(&mut theirs, id, false).unwrap();
    entry.parent_id = Some(parent);
    assert!(service::departments::update_checked(&mut mine, id, now, &entry).is_err());
    let stored = mine.store().department(id).unwrap().unwrap();
    service::departments::update_checked(&mut mine, id, stored.version, &entry).expect("saves");
    let stored = theirs.store().department(id).unwrap().unwrap();
    assert_eq!(stored.name, "Ordnungs- und Bürgeramt");
    assert!(
        !stored.active,
        "the form's save keeps the colleague's deactivation"
    );
}

#[test]
fn seminars_sessions_and_programs_carry_versions_too() {
    let (_dir, mut mine, mut theirs) = two_officers();
    // A seminar: the colleague archives it while my form is open.
    let seminar = service::seminars::add(&mut mine, &seminar_input("DF-01")).unwrap();
    let loaded = mine.store().seminar(seminar).unwrap().unwrap();
    service::seminars::set_archived(&mut theirs, seminar, true).unwrap();
    let mut entry = loaded.input();
    entry.title = "Digitale Verwaltung kompakt".to_owned();
    let error =
        service::seminars::update_checked(&mut mine, seminar, loaded.version, &entry).unwrap_err();
    service::seminars::update_checked(&mut mine, seminar, stored_version(&error), &entry)
        .expect("overwrites");
    let stored = theirs.store().seminar(seminar).unwrap().unwrap();
    assert_eq!(stored.title, "Digitale Verwaltung kompakt");
    assert!(stored.archived);
    service::seminars::set_archived(&mut theirs, seminar, false).unwrap();

    // A session: the colleague moves it to another room.
    let session_input = SessionInput {
        seminar_id: seminar,
        starts_at: at(20, 9),
        ends_at: at(20, 16),
        location: "Rathaus, Raum 101".to_owned(),
        trainer: "Frau Berger".to_owned(),
        capacity: Some(12),
    };
    let session = service::sessions::add(&mut mine, &session_input).unwrap();
    let loaded = mine.store().session(session).unwrap().unwrap();
    service::sessions::update(
        &mut theirs,
        session,
        &SessionInput {
            location: "Bürgerhaus, Saal 2".to_owned(),
            ..session_input.clone()
        },
        true,
    )
    .unwrap();
    let mine_entry = SessionInput {
        capacity: Some(16),
        ..loaded.input()
    };
    let error =
        service::sessions::update_checked(&mut mine, session, loaded.version, &mine_entry, true)
            .unwrap_err();
    assert!(stored_version(&error) > loaded.version);
    let stored = theirs.store().session(session).unwrap().unwrap();
    assert_eq!(
        (stored.location.as_str(), stored.capacity),
        ("Bürgerhaus, Saal 2", Some(12))
    );
    // Saving what is stored already is no conflict (nothing to overwrite).
    service::sessions::update_checked(&mut mine, session, loaded.version, &stored.input(), true)
        .expect("no change, no conflict");

    // A program: the colleague changes the requirements.
    let program_input = ProgramInput {
        code: "DL".to_owned(),
        serial_prefix: "DL".to_owned(),
        titles: ProgramTitles {
            de_male: "Digitallotse".to_owned(),
            de_female: "Digitallotsin".to_owned(),
            de_neutral: "Digitallots*in".to_owned(),
            en: "Digital pilot".to_owned(),
        },
        description: String::new(),
        validity_months: Some(24),
        allow_partial: false,
        requirements: vec![Requirement::Seminar(seminar)],
    };
    let program = service::programs::add(&mut mine, &program_input).unwrap();
    let loaded = mine.store().program(program).unwrap().unwrap();
    let second = service::seminars::add(&mut theirs, &seminar_input("DF-02")).unwrap();
    service::programs::update(
        &mut theirs,
        program,
        &ProgramInput {
            requirements: vec![Requirement::Seminar(seminar), Requirement::Seminar(second)],
            ..program_input.clone()
        },
    )
    .unwrap();
    let entry = ProgramInput {
        validity_months: Some(36),
        ..loaded.input()
    };
    let error =
        service::programs::update_checked(&mut mine, program, loaded.version, &entry).unwrap_err();
    let stored = theirs.store().program(program).unwrap().unwrap();
    assert_eq!(stored.requirements.len(), 2);
    assert_eq!(stored.validity_months, Some(24));
    assert_eq!(stored.version, stored_version(&error));
}

#[test]
fn the_plain_update_stays_unchecked() {
    // Scripts and the command line keep saving what they were given.
    let (_dir, mut mine, mut theirs) = two_officers();
    let id = employee(&mut mine);
    let (_, mut their_entry) = load_employee(&theirs, id);
    their_entry.job_title = "Amtsleiterin".to_owned();
    service::employees::update(&mut theirs, id, &their_entry).unwrap();
    let (_, mut entry) = load_employee(&mine, id);
    entry.job_title = "Teamleiterin".to_owned();
    service::employees::update(&mut mine, id, &entry).unwrap();
    assert_eq!(load_employee(&theirs, id).1.job_title, "Teamleiterin");
}
