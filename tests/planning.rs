//! Training needs and planning through the services: the needs of a program, registering
//! for a session within its capacity with a waiting list, moving up and erasure.
//! Runs against SQLite, and with `LOTSE_TEST_BACKEND=postgres` against PostgreSQL.

mod common;

use std::io::Read as _;

use common::{city, future_session};
use lotse::Error;
use lotse::i18n::Lang;
use lotse::model::{AttendanceStatus, DepartmentInput, EmployeeId, EmployeeInput, SessionId};
use lotse::service::planning::{self, Registration};
use lotse::service::privacy::{self, ErasureMode};
use lotse::service::{Database, attendance, departments, employees, needs, sessions};
use lotse::store::Read;

/// The sessions `common::city` made: DF-101 (id 1) and DF-102 (id 2), both on 02.03.2026.
const DF101_PAST: SessionId = SessionId(1);

fn roster_ids(db: &Database, session: SessionId) -> Vec<EmployeeId> {
    let mut ids: Vec<EmployeeId> = attendance::roster(db, session)
        .unwrap()
        .into_iter()
        .map(|r| r.attendance.employee_id)
        .collect();
    ids.sort();
    ids
}

fn waitlist_ids(db: &Database, session: SessionId) -> Vec<EmployeeId> {
    planning::waitlist(db, session)
        .unwrap()
        .into_iter()
        .map(|w| w.employee_id)
        .collect()
}

fn message(result: lotse::Result<impl std::fmt::Debug>) -> String {
    match result {
        Err(Error::Message(m)) => m,
        other => panic!("expected a message, got {other:?}"),
    }
}

#[test]
fn needs_count_who_lacks_which_seminar_and_who_would_become_eligible() {
    let mut c = city(6, 2);
    // The third person attended DF-101: DF-102 is the last thing missing for them.
    attendance::record(
        &mut c.store,
        DF101_PAST,
        &[c.employees[2]],
        Some(AttendanceStatus::Attended),
        None,
    )
    .unwrap();
    let bau = departments::add(
        &mut c.store,
        &DepartmentInput {
            code: "60".into(),
            name: "Bauamt".into(),
            parent_id: None,
        },
    )
    .unwrap();
    let mut moved = c
        .store
        .store()
        .employee(c.employees[3])
        .unwrap()
        .unwrap()
        .input();
    moved.department_id = Some(bau);
    employees::update(&mut c.store, c.employees[3], &moved).unwrap();

    let report = needs::load(&c.store, "DL", None).unwrap();
    assert_eq!(report.needs.people, 6);
    assert_eq!(report.needs.eligible, 2);
    let first = &report.needs.seminars[0];
    assert_eq!(report.seminar_code(first.seminar), "DF-102");
    assert_eq!(first.needed_by.len(), 4);
    assert_eq!(first.would_become_eligible, vec![c.employees[2]]);
    let second = &report.needs.seminars[1];
    assert_eq!(report.seminar_code(second.seminar), "DF-101");
    assert_eq!(second.needed_by.len(), 3);
    assert!(second.would_become_eligible.is_empty());
    // Without department first (3 people), then the Bauamt (1).
    assert_eq!(first.departments[0].department, None);
    assert_eq!(first.departments[0].needed_by, 3);
    assert_eq!(first.departments[1].department, Some(bau));
    assert_eq!(
        report.seminar_sentence(first),
        "4 Beschäftigte brauchen noch „E-Akte in der Praxis“ – 3 davon: ohne Organisationseinheit. \
         Für 1 Person ist es das Letzte, was fehlt."
    );

    let bauamt = needs::load(&c.store, "DL", Some("60")).unwrap();
    assert_eq!(bauamt.needs.people, 1);
    assert_eq!(bauamt.needs.seminars[0].needed_by, vec![c.employees[3]]);
    assert!(message(needs::load(&c.store, "XX", None)).contains("„XX“"));
}

#[test]
fn registering_fills_free_places_then_the_waiting_list_in_order() {
    let mut c = city(8, 0);
    let session = future_session(&mut c.store, "DF-102", Some(3));
    // One place is taken already.
    attendance::add_participants(&mut c.store, session, &[c.employees[0]]).unwrap();
    c.store.take_changes();
    let people = [
        c.employees[0],
        c.employees[4],
        c.employees[1],
        c.employees[5],
        c.employees[2],
        c.employees[4],
    ];
    let outcome = planning::register(&mut c.store, session, &people).unwrap();
    assert_eq!(
        outcome,
        Registration {
            registered: 2,
            waitlisted: 2,
            already: 2,
        }
    );
    assert_eq!(
        outcome.sentence(),
        "2 angemeldet, 2 auf der Warteliste, 2 waren schon angemeldet."
    );
    assert_eq!(
        roster_ids(&c.store, session),
        vec![c.employees[0], c.employees[1], c.employees[4]]
    );
    assert_eq!(
        waitlist_ids(&c.store, session),
        vec![c.employees[5], c.employees[2]]
    );
    let changes = c.store.take_changes();
    assert!(changes.rosters.contains(&session));
    assert!(changes.people.contains(c.employees[5]));

    // Again: everyone is there already, on the roster or the waiting list.
    let again = planning::register(&mut c.store, session, &people[..5]).unwrap();
    assert_eq!(again.already, 5);
    assert_eq!(again.registered + again.waitlisted, 0);
}

#[test]
fn without_a_limit_everyone_is_registered() {
    let mut c = city(4, 0);
    let session = future_session(&mut c.store, "DF-101", None);
    let outcome = planning::register(&mut c.store, session, &c.employees).unwrap();
    assert_eq!(outcome.registered, 4);
    assert_eq!(outcome.waitlisted, 0);
    assert!(waitlist_ids(&c.store, session).is_empty());
}

#[test]
fn a_session_that_has_started_is_refused() {
    let mut c = city(3, 0);
    let text = message(planning::register(&mut c.store, DF101_PAST, &c.employees));
    assert!(text.contains("künftigen Termin"), "{text}");
    assert!(roster_ids(&c.store, DF101_PAST).is_empty());
}

#[test]
fn nobody_moves_up_once_the_session_has_started() {
    let mut c = city(2, 0);
    let session = future_session(&mut c.store, "DF-102", Some(1));
    planning::register(&mut c.store, session, &c.employees).unwrap();
    let row = c
        .store
        .store()
        .attendance_of(session, c.employees[0])
        .unwrap()
        .unwrap();
    attendance::set_status(
        &mut c.store,
        session,
        &[row.id],
        AttendanceStatus::Excused,
        None,
    )
    .unwrap();
    // The session (03.12.2026, 9:00) is under way: the free place is not filled any more.
    c.store
        .set_clock(std::sync::Arc::new(lotse::store::FixedClock::on(
            common::d("2026-12-03"),
        )));
    let text = message(planning::move_up(&mut c.store, session, None));
    assert!(text.contains("schon begonnen"), "{text}");
    assert_eq!(waitlist_ids(&c.store, session), vec![c.employees[1]]);
    assert!(!roster_ids(&c.store, session).contains(&c.employees[1]));
}

#[test]
fn a_failed_registration_leaves_nothing() {
    let mut c = city(4, 0);
    let session = future_session(&mut c.store, "DF-102", Some(1));
    // Leaves before the session.
    employees::set_exit(&mut c.store, c.employees[3], Some(common::d("2026-11-30"))).unwrap();
    c.store.take_changes();
    let result = planning::register(&mut c.store, session, &c.employees);
    assert!(matches!(result, Err(Error::Invalid(_))), "{result:?}");
    assert!(roster_ids(&c.store, session).is_empty());
    assert!(waitlist_ids(&c.store, session).is_empty());
    assert!(c.store.take_changes().is_empty());
}

#[test]
fn moving_up_needs_a_free_place_and_removing_takes_people_off() {
    let mut c = city(4, 0);
    let session = future_session(&mut c.store, "DF-102", Some(1));
    planning::register(&mut c.store, session, &c.employees).unwrap();
    assert_eq!(waitlist_ids(&c.store, session).len(), 3);
    let text = message(planning::move_up(&mut c.store, session, None));
    assert!(text.contains("ausgebucht"), "{text}");

    // An excused participant gives the place back: the first on the list moves up.
    let row = c
        .store
        .store()
        .attendance_of(session, c.employees[0])
        .unwrap()
        .unwrap();
    attendance::set_status(
        &mut c.store,
        session,
        &[row.id],
        AttendanceStatus::Excused,
        None,
    )
    .unwrap();
    let moved = planning::move_up(&mut c.store, session, None).unwrap();
    assert_eq!(moved.employee_id, c.employees[1]);
    assert!(roster_ids(&c.store, session).contains(&c.employees[1]));
    assert_eq!(
        waitlist_ids(&c.store, session),
        vec![c.employees[2], c.employees[3]]
    );

    // Added to the roster another way, a person leaves the waiting list.
    attendance::add_participants(&mut c.store, session, &[c.employees[3]]).unwrap();
    assert_eq!(waitlist_ids(&c.store, session), vec![c.employees[2]]);
    let again = planning::register(&mut c.store, session, &[c.employees[3]]).unwrap();
    assert_eq!(again.already, 1);

    // A place of another session is refused; of this one, it goes.
    let first = planning::waitlist(&c.store, session).unwrap()[0].id;
    let other = future_session(&mut c.store, "DF-101", None);
    message(planning::remove_from_waitlist(
        &mut c.store,
        other,
        &[first],
    ));
    assert_eq!(waitlist_ids(&c.store, session), vec![c.employees[2]]);
    assert_eq!(
        planning::remove_from_waitlist(&mut c.store, session, &[first]).unwrap(),
        1
    );
    assert!(waitlist_ids(&c.store, session).is_empty());
}

#[test]
fn erasure_and_deletion_take_waiting_list_places_along() {
    let mut c = city(3, 0);
    let extra = employees::add(
        &mut c.store,
        &EmployeeInput {
            personnel_number: "9001".into(),
            first_name: "Sören".into(),
            last_name: "Özdemir".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let session = future_session(&mut c.store, "DF-102", Some(1));
    let mut people = c.employees.clone();
    people.push(extra);
    planning::register(&mut c.store, session, &people).unwrap();
    assert_eq!(
        waitlist_ids(&c.store, session),
        vec![c.employees[1], c.employees[2], extra]
    );

    // The Art. 15 export names the place.
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("auskunft.zip");
    privacy::export(&c.store, c.employees[1], &dest, Lang::De).unwrap();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&dest).unwrap()).unwrap();
    let mut html = String::new();
    zip.by_name("auskunft.html")
        .unwrap()
        .read_to_string(&mut html)
        .unwrap();
    assert!(html.contains("Wartelisten (1)"), "{html}");
    assert!(html.contains("E-Akte in der Praxis"));
    let mut json = String::new();
    zip.by_name("daten.json")
        .unwrap()
        .read_to_string(&mut json)
        .unwrap();
    assert!(json.contains("\"waitlist\""));

    let plan = privacy::plan_erasure(&c.store, c.employees[1], ErasureMode::Delete).unwrap();
    assert_eq!(plan.waitlist, 1);
    lotse::i18n::set_thread_language(Lang::De);
    assert!(
        privacy::plan_lines(&plan)
            .iter()
            .any(|l| l == "Ein Platz auf einer Warteliste wird gelöscht."),
        "{:?}",
        privacy::plan_lines(&plan)
    );
    let report = privacy::erase(&mut c.store, c.employees[1], ErasureMode::Anonymise).unwrap();
    assert_eq!(report.waitlist, 1);
    assert_eq!(waitlist_ids(&c.store, session), vec![c.employees[2], extra]);

    // Someone with only a waiting-list place has no records: deleting takes it along.
    employees::delete(&mut c.store, extra).unwrap();
    assert_eq!(waitlist_ids(&c.store, session), vec![c.employees[2]]);
    // A deleted session takes its waiting list along.
    sessions::delete(&mut c.store, session, true).unwrap();
    assert!(
        c.store
            .store()
            .waitlist_of_employee(c.employees[2])
            .unwrap()
            .is_empty()
    );
}
