//! Change-aware refresh (issue 11 item 1): every service operation's transaction notes
//! what it wrote ([`Changes`]); a failed one notes nothing; and [`Live`], brought up to
//! date from those notes alone, holds after every kind of change exactly what loading
//! everything anew holds.

use chrono::{Duration, NaiveDate};
use lotse::model::{
    AttendanceStatus, Changes, DepartmentInput, EmployeeId, EmployeeInput, People, SessionId,
    SessionInput,
};
use lotse::report::CoverageOptions;
use lotse::service::Database;
use lotse::service::certificates::IssueOptions;
use lotse::service::demo::{DemoOptions, generate};
use lotse::service::live::Live;
use lotse::service::{self, attendance, certificates, departments, employees, sessions, settings};
use lotse::store::{FixedClock, Read as _};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).expect("date")
}

fn demo() -> Database {
    let mut store = Database::open_scratch()
        .expect("store")
        .with_clock(FixedClock::on(today()));
    generate(
        &mut store,
        &DemoOptions {
            employees: 240,
            seed: 7,
        },
        &mut |_| true,
    )
    .expect("demo");
    store.take_changes();
    store
}

/// Brings `live` up to date from what the store noted, and checks it against a fresh load.
fn follow(live: &mut Live, store: &mut Database, step: &str) -> Changes {
    let changes = store.take_changes();
    assert!(!changes.is_empty(), "{step}: the change was noted");
    live.update(store, &changes).expect("update");
    let fresh = Live::load(store).expect("load");
    assert_eq!(live.employees, fresh.employees, "{step}: employees");
    assert_eq!(live.departments, fresh.departments, "{step}: departments");
    assert_eq!(live.programs, fresh.programs, "{step}: programs");
    assert_eq!(live.seminars, fresh.seminars, "{step}: seminars");
    assert_eq!(
        live.certificates, fresh.certificates,
        "{step}: certificates"
    );
    assert_eq!(
        live.organisation, fresh.organisation,
        "{step}: organisation"
    );
    for program in &fresh.programs {
        for row in &fresh.employees {
            assert_eq!(
                live.facts.eligibility(program, &row.employee),
                fresh.facts.eligibility(program, &row.employee),
                "{step}: standing of employee {} in {}",
                row.employee.id,
                program.code
            );
        }
    }
    let options = CoverageOptions::on(today());
    assert_eq!(
        format!("{:?}", live.coverage(&live.report_data(), &options)),
        format!("{:?}", fresh.coverage(&fresh.report_data(), &options)),
        "{step}: coverage"
    );
    changes
}

/// A past session with participants, and its rows.
fn busy_session(store: &Database) -> (SessionId, Vec<lotse::store::AttendanceRow>) {
    let rows = sessions::list(store, &Default::default()).expect("sessions");
    rows.iter()
        .filter(|r| r.session.ends_at.date() < today())
        .map(|r| {
            let roster = attendance::roster(store, r.session.id).expect("roster");
            (r.session.id, roster)
        })
        .find(|(_, roster)| roster.len() >= 3)
        .expect("a past session with three participants")
}

#[test]
fn incremental_updates_equal_a_fresh_load_after_every_kind_of_change() {
    let mut store = demo();
    let mut live = Live::load(&store).expect("load");
    let (session, roster) = busy_session(&store);

    // One person's attendance: only their facts are read again.
    let row = &roster[0];
    let changes = {
        attendance::set_status(
            &mut store,
            session,
            &[row.attendance.id],
            AttendanceStatus::Absent,
            None,
        )
        .expect("absent");
        follow(&mut live, &mut store, "absent")
    };
    assert!(changes.attendance && !changes.employees && !changes.certificates);
    assert_eq!(
        changes.rosters.iter().copied().collect::<Vec<_>>(),
        [session]
    );
    assert_eq!(
        changes.people,
        People::Some([row.attendance.employee_id].into())
    );
    attendance::set_status(
        &mut store,
        session,
        &[row.attendance.id],
        AttendanceStatus::Attended,
        None,
    )
    .expect("attended");
    follow(&mut live, &mut store, "attended again");
    attendance::remove(&mut store, session, &[roster[1].attendance.id]).expect("remove");
    follow(&mut live, &mut store, "removed from the roster");
    attendance::add_participants(&mut store, session, &[roster[1].attendance.employee_id])
        .expect("add");
    follow(&mut live, &mut store, "added to the roster");
    attendance::mark_registered_attended(&mut store, session).expect("mark");
    follow(&mut live, &mut store, "registered marked attended");

    // Certificates: issue to everyone due in one program, then revoke one.
    let due_in = |program: &lotse::model::Program| -> Vec<EmployeeId> {
        live.employees
            .iter()
            .filter(|e| e.employee.is_active_on(today()))
            .filter(|e| {
                let (eligibility, valid) = live.facts.eligibility(program, &e.employee);
                eligibility.eligible && valid.is_none()
            })
            .map(|e| e.employee.id)
            .take(3)
            .collect()
    };
    let (program, due) = live
        .programs
        .iter()
        .filter(|p| !p.archived)
        .map(|p| (p.clone(), due_in(p)))
        .find(|(_, due)| !due.is_empty())
        .expect("a program with someone due");
    let issued = certificates::issue(
        &mut store,
        program.id,
        &due,
        &IssueOptions::on(today()),
        &mut |_| true,
    )
    .expect("issue");
    let changes = follow(&mut live, &mut store, "issued");
    assert!(changes.certificates && !changes.attendance);
    let first = store
        .store()
        .certificate_by_serial(&issued[0].serial)
        .expect("read")
        .expect("issued");
    certificates::revoke(&mut store, first.id, today(), "Irrtum").expect("revoke");
    follow(&mut live, &mut store, "revoked");

    // Staff and organisation.
    let someone = roster[2].attendance.employee_id;
    employees::set_exit(&mut store, someone, Some(today() - Duration::days(1))).expect("exit");
    follow(&mut live, &mut store, "left");
    employees::add(
        &mut store,
        &EmployeeInput {
            personnel_number: "990001".into(),
            first_name: "Ömer".into(),
            last_name: "Özdemir".into(),
            ..EmployeeInput::default()
        },
    )
    .expect("add employee");
    follow(&mut live, &mut store, "new employee");
    let unit = live.departments[0].department.clone();
    departments::update(
        &mut store,
        unit.id,
        &DepartmentInput {
            code: unit.code.clone(),
            name: format!("{} (neu)", unit.name),
            parent_id: unit.parent_id,
        },
    )
    .expect("rename unit");
    follow(&mut live, &mut store, "unit renamed");
    settings::set_text(&mut store, settings::ORGANISATION, "Stadt Beispielhausen").expect("org");
    follow(&mut live, &mut store, "organisation");

    // A session moved a year back: completion dates of everyone on it change.
    let moved = store
        .store()
        .session(session)
        .expect("read")
        .expect("session");
    sessions::update(
        &mut store,
        session,
        &SessionInput {
            seminar_id: moved.seminar_id,
            starts_at: moved.starts_at - Duration::days(365),
            ends_at: moved.ends_at - Duration::days(365),
            location: moved.location.clone(),
            trainer: moved.trainer.clone(),
            capacity: None,
        },
        true,
    )
    .expect("move");
    follow(&mut live, &mut store, "session moved");

    // A program without its requirements: everyone's standing is computed anew.
    let mut requirements = program.requirements.clone();
    requirements.truncate(1);
    let input = lotse::model::ProgramInput {
        code: program.code.clone(),
        serial_prefix: program.serial_prefix.clone(),
        titles: program.titles.clone(),
        description: program.description.clone(),
        validity_months: program.validity_months,
        allow_partial: program.allow_partial,
        requirements,
    };
    service::programs::update(&mut store, program.id, &input).expect("program");
    follow(&mut live, &mut store, "program changed");

    // Someone entered by mistake, and deleted again.
    let mistake = employees::add(
        &mut store,
        &EmployeeInput {
            personnel_number: "IRRTUM-1".into(),
            first_name: "Irrtum".into(),
            last_name: "Versehentlich".into(),
            ..Default::default()
        },
    )
    .expect("added");
    follow(&mut live, &mut store, "entered by mistake");
    employees::delete(&mut store, mistake).expect("deleted");
    let changes = follow(&mut live, &mut store, "deleted");
    assert_eq!(changes.people, People::Some([mistake].into()));
    assert!(!live.employees.iter().any(|r| r.employee.id == mistake));
}

#[test]
fn a_failed_operation_notes_nothing() {
    let mut store = demo();
    let taken = store
        .store()
        .employee_rows(&Default::default())
        .expect("rows")
        .remove(0)
        .employee
        .personnel_number;
    let refused = employees::add(
        &mut store,
        &EmployeeInput {
            personnel_number: taken,
            first_name: "Anna".into(),
            last_name: "Weiß".into(),
            ..EmployeeInput::default()
        },
    );
    assert!(refused.is_err());
    assert!(store.take_changes().is_empty());
    // A session that does not exist: refused after reading, nothing written.
    assert!(
        attendance::set_status(
            &mut store,
            SessionId(999_999),
            &[],
            AttendanceStatus::Attended,
            None
        )
        .is_err()
    );
    assert!(store.take_changes().is_empty());
}

#[test]
fn the_next_day_loads_everything_again() {
    let store = demo();
    let mut live = Live::load(&store).expect("load");
    let tomorrow = today() + Duration::days(1);
    let store = store.with_clock(FixedClock::on(tomorrow));
    let updated = live.update(&store, &Changes::default()).expect("update");
    assert!(updated.standings && updated.people);
    assert_eq!(live.today(), tomorrow);
}
