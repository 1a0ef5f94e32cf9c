//! Seminars, sessions, the attendance roster and training history through the services.

use chrono::{NaiveDate, NaiveDateTime};
use lotse::Error;
use lotse::i18n::{Lang, set_thread_language};
use lotse::model::{
    AttendanceId, AttendanceInput, AttendanceStatus, DepartmentId, DepartmentInput, EmployeeId,
    EmployeeInput, Field, Invalid, SeminarFormat, SeminarId, SeminarInput, SessionId, SessionInput,
};
use lotse::service::Database;
use lotse::service::attendance::{self, AddOutcome, HistoryRow, YearTotals};
use lotse::service::{departments, employees, seminars, sessions};
use lotse::store::{FixedClock, Read};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn d(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn at(day: &str, hour: u32, minute: u32) -> NaiveDateTime {
    d(day).and_hms_opt(hour, minute, 0).expect("time")
}

/// Noon on 21.11.2026.
fn today() -> NaiveDate {
    d("2026-11-21")
}

fn seminar_input(code: &str, hours: f64) -> SeminarInput {
    SeminarInput {
        code: code.into(),
        title: format!("Seminar {code}"),
        description: "Einführung".into(),
        provider: "krz DigiFit-Akademie".into(),
        format: SeminarFormat::InPerson,
        default_hours: hours,
        topic: "Digitale Verwaltung".into(),
    }
}

fn session_input(seminar: SeminarId, start: NaiveDateTime, end: NaiveDateTime) -> SessionInput {
    SessionInput {
        seminar_id: seminar,
        starts_at: start,
        ends_at: end,
        location: "Rathaus, Sitzungssaal 2".into(),
        trainer: "Jens Oltmanns".into(),
        capacity: None,
    }
}

/// A small city: Hauptamt (10) with Personal (10.1) and its team Lohn (10.1.1), and the
/// Bauamt (60); a seminar of 6 hours with a session on 10.06.2026 9–17 (past) and one on
/// 03.12.2026 9–15 (future).
struct City {
    store: Database,
    hauptamt: DepartmentId,
    seminar: SeminarId,
    past: SessionId,
    future: SessionId,
}

/// The id of the city's employee with this personnel number: "1001" is the first added.
fn eid(pnr: &str) -> EmployeeId {
    EmployeeId(pnr.parse::<i64>().expect("number") - 1000)
}

fn ids(pnrs: &[&str]) -> Vec<EmployeeId> {
    pnrs.iter().map(|p| eid(p)).collect()
}

impl City {
    /// The roster of a session as (personnel number, status, hours), by personnel number.
    fn roster(&self, session: SessionId) -> Vec<(String, AttendanceStatus, f64)> {
        let mut rows: Vec<_> = attendance::roster(&self.store, session)
            .expect("roster")
            .into_iter()
            .map(|r| (r.personnel_number, r.attendance.status, r.attendance.hours))
            .collect();
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        rows
    }

    fn row_id(&self, session: SessionId, pnr: &str) -> AttendanceId {
        self.store
            .store()
            .attendance_of(session, eid(pnr))
            .expect("read")
            .expect("on the roster")
            .id
    }
}

fn city() -> City {
    set_thread_language(Lang::De);
    let mut store = Database::open_scratch()
        .expect("store")
        .with_clock(FixedClock::on(today()));
    let dept = |store: &mut Database, code: &str, name: &str, parent| {
        departments::add(
            store,
            &DepartmentInput {
                code: code.into(),
                name: name.into(),
                parent_id: parent,
            },
        )
        .expect("department")
    };
    let hauptamt = dept(&mut store, "10", "Hauptamt", None);
    let personal = dept(&mut store, "10.1", "Personal", Some(hauptamt));
    let lohn = dept(&mut store, "10.1.1", "Lohn und Gehalt", Some(personal));
    let bauamt = dept(&mut store, "60", "Bauamt", None);
    type Person<'a> = (
        &'a str,
        &'a str,
        &'a str,
        DepartmentId,
        Option<&'a str>,
        Option<&'a str>,
    );
    #[rustfmt::skip]
    let staff: [Person<'_>; 7] = [
        ("1001", "Jürgen", "Weiß", personal, None, None),
        ("1002", "Bärbel", "Müller", hauptamt, None, None),
        ("1003", "Sören", "Özdemir", bauamt, None, None),
        // Left before the past session.
        ("1004", "Łukasz", "Nowak", personal, Some("2010-01-01"), Some("2026-05-31")),
        ("1005", "Anna", "Schmidt", lohn, None, None),
        // Joined after the past session.
        ("1006", "Emma", "Kaya", hauptamt, Some("2026-10-01"), None),
        // Leaves after today but before the future session.
        ("1007", "Heinz", "Brinkmann", lohn, Some("1990-04-01"), Some("2026-11-30")),
    ];
    for (pnr, first, last, department, entry, exit) in staff {
        let id = employees::add(
            &mut store,
            &EmployeeInput {
                personnel_number: pnr.into(),
                first_name: first.into(),
                last_name: last.into(),
                department_id: Some(department),
                entry_date: entry.map(d),
                ..Default::default()
            },
        )
        .expect("employee");
        if let Some(exit) = exit {
            employees::set_exit(&mut store, id, Some(d(exit))).expect("exit");
        }
        assert_eq!(id, eid(pnr));
    }
    let seminar = seminars::add(&mut store, &seminar_input("DF-101", 6.0)).expect("seminar");
    let past = sessions::add(
        &mut store,
        &session_input(seminar, at("2026-06-10", 9, 0), at("2026-06-10", 17, 0)),
    )
    .expect("past session");
    let future = sessions::add(
        &mut store,
        &session_input(seminar, at("2026-12-03", 9, 0), at("2026-12-03", 15, 0)),
    )
    .expect("future session");
    City {
        store,
        hauptamt,
        seminar,
        past,
        future,
    }
}

fn invalid(result: lotse::Result<impl std::fmt::Debug>) -> Vec<Invalid> {
    match result {
        Err(Error::Invalid(problems)) => problems,
        other => panic!("expected invalid input, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------
// Seminars
// ---------------------------------------------------------------------------------------

#[test]
fn seminar_validation_cases() {
    type Change = fn(&mut SeminarInput);
    let cases: Vec<(&str, Change, Vec<Invalid>)> = vec![
        ("valid", |_| {}, vec![]),
        ("zero hours are fine", |s| s.default_hours = 0.0, vec![]),
        ("1000 hours are fine", |s| s.default_hours = 1000.0, vec![]),
        (
            "no provider, no topic",
            |s| {
                s.provider.clear();
                s.topic = "  ".into();
            },
            vec![],
        ),
        (
            "empty code",
            |s| s.code = " \t".into(),
            vec![Invalid::Empty(Field::SeminarCode)],
        ),
        (
            "empty title",
            |s| s.title.clear(),
            vec![Invalid::Empty(Field::SeminarTitle)],
        ),
        (
            "title of 201 characters",
            |s| s.title = "ä".repeat(201),
            vec![Invalid::TooLong(Field::SeminarTitle)],
        ),
        (
            "provider of 201 characters",
            |s| s.provider = "p".repeat(201),
            vec![Invalid::TooLong(Field::Provider)],
        ),
        (
            "negative hours",
            |s| s.default_hours = -0.5,
            vec![Invalid::DefaultHoursOutOfRange],
        ),
        (
            "too many hours",
            |s| s.default_hours = 1000.5,
            vec![Invalid::DefaultHoursOutOfRange],
        ),
        (
            "hours not a number",
            |s| s.default_hours = f64::NAN,
            vec![Invalid::DefaultHoursOutOfRange],
        ),
        (
            "everything wrong at once",
            |s| {
                s.code.clear();
                s.title.clear();
                s.default_hours = f64::INFINITY;
            },
            vec![
                Invalid::Empty(Field::SeminarCode),
                Invalid::Empty(Field::SeminarTitle),
                Invalid::DefaultHoursOutOfRange,
            ],
        ),
    ];
    for (name, change, expected) in cases {
        let mut input = seminar_input("DF-101", 8.0);
        change(&mut input);
        let got = seminars::validated(&input).err().unwrap_or_default();
        assert_eq!(got, expected, "{name}");
    }
    // Trimmed and folded.
    let mut input = seminar_input("  DF-101 ", 8.0);
    input.title = " Grundlagen\tder  Verwaltung ".into();
    input.description = "\n Zeile 1\nZeile 2 \n".into();
    let valid = seminars::validated(&input).expect("valid");
    assert_eq!(valid.code, "DF-101");
    assert_eq!(valid.title, "Grundlagen der Verwaltung");
    assert_eq!(valid.description, "Zeile 1\nZeile 2");
}

#[test]
fn seminar_codes_are_unique_ignoring_case_and_archived_ones_keep_their_history() -> TestResult {
    let mut c = city();
    let problems = invalid(seminars::add(&mut c.store, &seminar_input("df-101", 2.0)));
    assert_eq!(problems, [Invalid::DuplicateSeminarCode("df-101".into())]);
    assert!(problems[0].message().contains("df-101"));

    let other = seminars::add(&mut c.store, &seminar_input("DF-102", 2.0))?;
    // Renaming into a taken code is refused; keeping one's own code is not a clash.
    let problems = invalid(seminars::update(
        &mut c.store,
        other,
        &seminar_input("DF-101", 2.0),
    ));
    assert_eq!(problems, [Invalid::DuplicateSeminarCode("DF-101".into())]);
    let mut renamed = seminar_input("DF-102", 3.0);
    renamed.title = "Prozesse digital denken".into();
    seminars::update(&mut c.store, other, &renamed)?;
    assert_eq!(
        c.store
            .store()
            .seminar(other)?
            .expect("seminar")
            .default_hours,
        3.0
    );

    attendance::add_participants(&mut c.store, c.past, &ids(&["1001"]))?;
    seminars::set_archived(&mut c.store, c.seminar, true)?;
    let pickable: Vec<String> = seminars::list(&c.store, false)?
        .into_iter()
        .map(|s| s.code)
        .collect();
    assert_eq!(pickable, ["DF-102"]);
    assert_eq!(seminars::list(&c.store, true)?.len(), 2);
    // History stays, but no new sessions.
    assert_eq!(c.store.store().sessions_of_seminar(c.seminar)?.len(), 2);
    assert_eq!(attendance::history(&c.store, eid("1001"))?.len(), 1);
    let problems = invalid(sessions::add(
        &mut c.store,
        &session_input(c.seminar, at("2027-01-12", 9, 0), at("2027-01-12", 12, 0)),
    ));
    assert_eq!(problems, [Invalid::ArchivedSeminar("DF-101".into())]);
    // Its existing sessions can still be changed.
    let mut input = c.store.store().session(c.future)?.expect("session").input();
    input.trainer = "Dr. Katrin Böhmer".into();
    sessions::update(&mut c.store, c.future, &input, false)?;

    seminars::set_archived(&mut c.store, c.seminar, false)?;
    assert_eq!(seminars::list(&c.store, false)?.len(), 2);
    let actions: Vec<String> = c
        .store
        .store()
        .audit_entries(20)?
        .into_iter()
        .filter(|a| a.entity == "seminar")
        .map(|a| a.action)
        .collect();
    assert_eq!(actions, ["unarchive", "archive", "edit", "add", "add"]);
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------------------

#[test]
fn session_validation_cases() {
    type Change = fn(&mut SessionInput);
    let cases: Vec<(&str, Change, Vec<Invalid>)> = vec![
        ("valid", |_| {}, vec![]),
        ("no limit", |s| s.capacity = None, vec![]),
        ("one place", |s| s.capacity = Some(1), vec![]),
        ("end at the start", |s| s.ends_at = s.starts_at, vec![]),
        (
            "end a minute before the start",
            |s| s.ends_at = s.starts_at - chrono::Duration::minutes(1),
            vec![Invalid::EndBeforeStart],
        ),
        (
            "end the day before",
            |s| s.ends_at = at("2026-03-01", 17, 0),
            vec![Invalid::EndBeforeStart],
        ),
        (
            "no places",
            |s| s.capacity = Some(0),
            vec![Invalid::CapacityZero],
        ),
        (
            "location of 201 characters",
            |s| s.location = "l".repeat(201),
            vec![Invalid::TooLong(Field::Location)],
        ),
        (
            "everything wrong",
            |s| {
                s.ends_at = at("2026-01-01", 0, 0);
                s.capacity = Some(0);
                s.trainer = "t".repeat(300);
            },
            vec![
                Invalid::EndBeforeStart,
                Invalid::CapacityZero,
                Invalid::TooLong(Field::Trainer),
            ],
        ),
    ];
    for (name, change, expected) in cases {
        let mut input = session_input(
            SeminarId(1),
            at("2026-03-02", 9, 0),
            at("2026-03-02", 13, 0),
        );
        input.capacity = Some(12);
        change(&mut input);
        let got = sessions::validated(&input).err().unwrap_or_default();
        assert_eq!(got, expected, "{name}");
    }
    set_thread_language(Lang::De);
    assert_eq!(
        Invalid::EndBeforeStart.message(),
        "Das Ende liegt vor dem Beginn. Bitte prüfen Sie Datum und Uhrzeit."
    );
    assert_eq!(Invalid::EndBeforeStart.field(), Some(Field::SessionEnd));
}

#[test]
fn sessions_need_an_existing_seminar_and_are_audited() -> TestResult {
    let mut c = city();
    let end_first = session_input(c.seminar, at("2026-12-10", 13, 0), at("2026-12-10", 9, 0));
    assert_eq!(
        invalid(sessions::add(&mut c.store, &end_first)),
        [Invalid::EndBeforeStart]
    );
    let missing = sessions::add(
        &mut c.store,
        &session_input(
            SeminarId(999),
            at("2026-12-10", 9, 0),
            at("2026-12-10", 12, 0),
        ),
    );
    assert!(
        matches!(missing, Err(Error::NotFound { .. })),
        "{missing:?}"
    );
    assert_eq!(c.store.store().session_count()?, 2);
    let audit = c.store.store().audit_entries(1)?;
    assert_eq!(audit[0].entity, "session");
    assert_eq!(audit[0].action, "add");
    assert_eq!(
        audit[0].summary,
        format!(
            "session {}, seminar DF-101, start 2026-12-03T09:00",
            c.future
        )
    );
    Ok(())
}

#[test]
fn editing_or_deleting_a_session_with_attendance_needs_confirmation() -> TestResult {
    let mut c = city();
    attendance::add_participants(&mut c.store, c.past, &ids(&["1001", "1002", "1005"]))?;
    let audit_before = c.store.store().audit_count()?;

    // Without confirmation: a distinct error that says how many rows, nothing written.
    let mut input = c.store.store().session(c.past)?.expect("session").input();
    input.location = "Rathaus, Schulungsraum 1.14".into();
    let err =
        sessions::update(&mut c.store, c.past, &input, false).expect_err("needs confirmation");
    match &err {
        Error::NeedsConfirmation(message) => {
            assert!(message.contains("3 Teilnahmen"), "{message}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        err.user_message(),
        format!("{err}").trim_start_matches("needs confirmation: ")
    );
    let err = sessions::delete(&mut c.store, c.past, false).expect_err("needs confirmation");
    assert!(
        matches!(&err, Error::NeedsConfirmation(m) if m.contains("alle 3 erfassten Teilnahmen")),
        "{err:?}"
    );
    assert_eq!(c.store.store().audit_count()?, audit_before);
    assert_eq!(
        c.store.store().session(c.past)?.expect("kept").location,
        "Rathaus, Sitzungssaal 2"
    );

    // An unchanged save needs no confirmation and writes nothing.
    let same = c.store.store().session(c.past)?.expect("session").input();
    sessions::update(&mut c.store, c.past, &same, false)?;
    assert_eq!(c.store.store().audit_count()?, audit_before);

    // Confirmed: done and audited, the attendance kept.
    sessions::update(&mut c.store, c.past, &input, true)?;
    assert_eq!(
        c.store.store().session(c.past)?.expect("session").location,
        "Rathaus, Schulungsraum 1.14"
    );
    assert_eq!(c.roster(c.past).len(), 3);
    let entry = &c.store.store().audit_entries(1)?[0];
    assert_eq!(
        (entry.entity.as_str(), entry.action.as_str()),
        ("session", "edit")
    );
    assert!(
        entry.summary.contains("3 attendance rows"),
        "{}",
        entry.summary
    );

    // A session without attendance is changed and deleted without asking.
    let mut later = c.store.store().session(c.future)?.expect("session").input();
    later.capacity = Some(8);
    sessions::update(&mut c.store, c.future, &later, false)?;
    assert_eq!(sessions::delete(&mut c.store, c.future, false)?, 0);

    // Deleting confirmed cascades to the attendance and records how many rows went.
    assert_eq!(sessions::delete(&mut c.store, c.past, true)?, 3);
    assert!(c.store.store().session(c.past)?.is_none());
    assert_eq!(c.store.store().attendance_count()?, 0);
    let entry = &c.store.store().audit_entries(1)?[0];
    assert_eq!(
        (entry.entity.as_str(), entry.action.as_str()),
        ("session", "delete")
    );
    assert!(
        entry.summary.ends_with(": 3 attendance rows deleted"),
        "{}",
        entry.summary
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------
// The roster
// ---------------------------------------------------------------------------------------

#[test]
fn a_second_row_per_employee_and_session_is_refused_by_the_database() -> TestResult {
    let mut c = city();
    let input = AttendanceInput {
        session_id: c.past,
        employee_id: eid("1001"),
        status: AttendanceStatus::Attended,
        hours: 6.0,
        note: String::new(),
    };
    let twice = c.store.store_mut().transact(|tx| {
        tx.insert_attendance(&input)?;
        tx.insert_attendance(&input)
    });
    assert!(
        matches!(twice, Err(Error::Database(_) | Error::Server(_))),
        "{twice:?}"
    );
    assert_eq!(
        c.store.store().attendance_count()?,
        0,
        "the first insert was rolled back too"
    );
    Ok(())
}

#[test]
fn adding_participants_skips_those_already_on_the_roster() -> TestResult {
    let mut c = city();
    let first = attendance::add_participants(&mut c.store, c.past, &ids(&["1001", "1002"]))?;
    assert_eq!(
        first,
        AddOutcome {
            added: 2,
            skipped: 0,
            over_capacity_by: 0
        }
    );
    let again =
        attendance::add_participants(&mut c.store, c.past, &ids(&["1002", "1003", "1003"]))?;
    assert_eq!((again.added, again.skipped), (1, 2));
    assert_eq!(
        c.roster(c.past),
        [
            ("1001".into(), AttendanceStatus::Registered, 0.0),
            ("1002".into(), AttendanceStatus::Registered, 0.0),
            ("1003".into(), AttendanceStatus::Registered, 0.0),
        ]
    );
    // Each added row has its own audit entry; the skipped ones none.
    let entries: Vec<String> = c
        .store
        .store()
        .audit_entries(4)?
        .into_iter()
        .filter(|a| a.entity == "attendance")
        .map(|a| a.summary)
        .collect();
    let s = c.past;
    assert_eq!(
        entries,
        [
            format!("session {s}, personnel number 1003: registered"),
            format!("session {s}, personnel number 1002: registered"),
            format!("session {s}, personnel number 1001: registered"),
        ]
    );
    Ok(())
}

#[test]
fn someone_not_employed_at_the_session_is_refused_and_nothing_is_added() -> TestResult {
    let mut c = city();
    // 1004 left before the past session; 1006 joined after it.
    let problems = invalid(attendance::add_participants(
        &mut c.store,
        c.past,
        &ids(&["1001", "1004", "1006"]),
    ));
    assert_eq!(
        problems,
        [
            Invalid::NotEmployedAtSession("1004".into()),
            Invalid::NotEmployedAtSession("1006".into())
        ]
    );
    assert_eq!(c.store.store().attendance_count()?, 0);
    // 1006 can take part in the future session.
    attendance::add_participants(&mut c.store, c.future, &ids(&["1006"]))?;
    assert_eq!(c.store.store().attendance_count()?, 1);
    Ok(())
}

#[test]
fn a_department_brings_its_sub_units_but_not_leavers() -> TestResult {
    let mut c = city();
    attendance::add_participants(&mut c.store, c.past, &ids(&["1002"]))?;
    let outcome = attendance::add_department(&mut c.store, c.past, c.hauptamt)?;
    // 1001 (Personal), 1005 (Lohn, two levels down) and 1007 (Lohn, leaving after today)
    // are added; 1002 was there already; not 1003 (Bauamt), 1004 (left), 1006 (joined later).
    assert_eq!((outcome.added, outcome.skipped), (3, 1));
    let on_roster: Vec<String> = c.roster(c.past).into_iter().map(|r| r.0).collect();
    assert_eq!(on_roster, ["1001", "1002", "1005", "1007"]);

    // For the future session: 1006 is there by then, 1007 has left by its day.
    let outcome = attendance::add_department(&mut c.store, c.future, c.hauptamt)?;
    assert_eq!((outcome.added, outcome.skipped), (4, 0));
    let on_roster: Vec<String> = c.roster(c.future).into_iter().map(|r| r.0).collect();
    assert_eq!(on_roster, ["1001", "1002", "1005", "1006"]);
    Ok(())
}

#[test]
fn adding_beyond_the_capacity_is_allowed_with_a_warning() -> TestResult {
    let mut c = city();
    let mut input = c.store.store().session(c.future)?.expect("session").input();
    input.capacity = Some(2);
    sessions::update(&mut c.store, c.future, &input, false)?;

    let outcome = attendance::add_participants(&mut c.store, c.future, &ids(&["1001", "1002"]))?;
    assert_eq!(outcome.over_capacity_by, 0);
    let outcome = attendance::add_participants(&mut c.store, c.future, &ids(&["1003", "1005"]))?;
    assert_eq!(
        outcome,
        AddOutcome {
            added: 2,
            skipped: 0,
            over_capacity_by: 2
        }
    );
    assert_eq!(c.roster(c.future).len(), 4);

    // Apologies free a seat: excused rows do not count against the capacity.
    let excused = c.row_id(c.future, "1003");
    attendance::set_status(
        &mut c.store,
        c.future,
        &[excused],
        AttendanceStatus::Excused,
        None,
    )?;
    // Naming someone already on the roster takes no seat: no warning, though still over.
    let outcome = attendance::add_participants(&mut c.store, c.future, &ids(&["1001"]))?;
    assert_eq!(
        outcome,
        AddOutcome {
            added: 0,
            skipped: 1,
            over_capacity_by: 0
        }
    );
    let outcome = attendance::add_participants(&mut c.store, c.future, &ids(&["1006"]))?;
    assert_eq!(
        outcome,
        AddOutcome {
            added: 1,
            skipped: 0,
            over_capacity_by: 2
        }
    );
    // No limit, no warning.
    let outcome = attendance::add_department(&mut c.store, c.past, c.hauptamt)?;
    assert_eq!(outcome.over_capacity_by, 0);
    Ok(())
}

#[test]
fn bulk_marking_changes_only_the_selected_rows() -> TestResult {
    let mut c = city();
    attendance::add_department(&mut c.store, c.past, c.hauptamt)?;
    let selected = [c.row_id(c.past, "1001"), c.row_id(c.past, "1005")];
    let changed = attendance::set_status(
        &mut c.store,
        c.past,
        &selected,
        AttendanceStatus::Absent,
        None,
    )?;
    assert_eq!(changed, 2);
    assert_eq!(
        c.roster(c.past),
        [
            ("1001".into(), AttendanceStatus::Absent, 0.0),
            ("1002".into(), AttendanceStatus::Registered, 0.0),
            ("1005".into(), AttendanceStatus::Absent, 0.0),
            ("1007".into(), AttendanceStatus::Registered, 0.0),
        ]
    );
    // Marking again is no change, and writes no audit entry.
    let audit = c.store.store().audit_count()?;
    let changed = attendance::set_status(
        &mut c.store,
        c.past,
        &selected,
        AttendanceStatus::Absent,
        None,
    )?;
    assert_eq!((changed, c.store.store().audit_count()?), (0, audit));

    // Attended: the full hours (the 8-hour day counts the seminar's 6 hours).
    let one = [c.row_id(c.past, "1001")];
    attendance::set_status(&mut c.store, c.past, &one, AttendanceStatus::Attended, None)?;
    assert_eq!(
        c.roster(c.past)[0],
        ("1001".into(), AttendanceStatus::Attended, 6.0)
    );
    // Back to excused: the hours go.
    attendance::set_status(&mut c.store, c.past, &one, AttendanceStatus::Excused, None)?;
    assert_eq!(
        c.roster(c.past)[0],
        ("1001".into(), AttendanceStatus::Excused, 0.0)
    );

    // A row of another session is refused and nothing changes.
    attendance::add_participants(&mut c.store, c.future, &ids(&["1003"]))?;
    let foreign = c.row_id(c.future, "1003");
    let rows = [c.row_id(c.past, "1002"), foreign];
    let result = attendance::set_status(
        &mut c.store,
        c.past,
        &rows,
        AttendanceStatus::Attended,
        None,
    );
    assert!(matches!(result, Err(Error::NotFound { .. })), "{result:?}");
    assert_eq!(c.roster(c.past)[1].1, AttendanceStatus::Registered);

    // Every change was audited per row.
    let summaries: Vec<String> = c
        .store
        .store()
        .audit_entries(50)?
        .into_iter()
        .filter(|a| a.entity == "attendance" && a.action == "edit")
        .map(|a| a.summary)
        .collect();
    let s = c.past;
    assert_eq!(
        summaries,
        [
            format!("session {s}, personnel number 1001: excused"),
            format!("session {s}, personnel number 1001: attended, 6 h"),
            format!("session {s}, personnel number 1005: absent"),
            format!("session {s}, personnel number 1001: absent"),
        ]
    );
    Ok(())
}

#[test]
fn all_registered_become_attended_and_absent_and_excused_stay() -> TestResult {
    let mut c = city();
    attendance::add_department(&mut c.store, c.past, c.hauptamt)?;
    for (pnr, status, hours) in [
        ("1002", AttendanceStatus::Absent, None),
        ("1005", AttendanceStatus::Excused, None),
        ("1007", AttendanceStatus::Partial, Some(2.5)),
    ] {
        let row = c.row_id(c.past, pnr);
        attendance::set_status(&mut c.store, c.past, &[row], status, hours)?;
    }
    assert_eq!(
        attendance::mark_registered_attended(&mut c.store, c.past)?,
        1
    );
    assert_eq!(
        c.roster(c.past),
        [
            ("1001".into(), AttendanceStatus::Attended, 6.0),
            ("1002".into(), AttendanceStatus::Absent, 0.0),
            ("1005".into(), AttendanceStatus::Excused, 0.0),
            ("1007".into(), AttendanceStatus::Partial, 2.5),
        ]
    );
    assert_eq!(
        attendance::mark_registered_attended(&mut c.store, c.past)?,
        0
    );
    Ok(())
}

#[test]
fn hours_default_to_the_session_and_partial_needs_hours() -> TestResult {
    let mut c = city();
    // A morning session of 3.5 hours of a 6-hour seminar credits 3.5 hours.
    let short = sessions::add(
        &mut c.store,
        &session_input(c.seminar, at("2026-09-01", 9, 0), at("2026-09-01", 12, 30)),
    )?;
    attendance::add_participants(&mut c.store, short, &ids(&["1001", "1002"]))?;
    let weiss = c.row_id(short, "1001");
    attendance::set_status(
        &mut c.store,
        short,
        &[weiss],
        AttendanceStatus::Attended,
        None,
    )?;
    assert_eq!(c.roster(short)[0].2, 3.5);

    // Per person: fewer hours for attended, partial with hours up to the session's length.
    attendance::set_hours(&mut c.store, weiss, 3.0)?;
    assert_eq!(c.roster(short)[0].2, 3.0);
    let mueller = c.row_id(short, "1002");
    assert_eq!(
        invalid(attendance::set_status(
            &mut c.store,
            short,
            &[mueller],
            AttendanceStatus::Partial,
            None
        )),
        [Invalid::PartialNeedsHours]
    );
    assert_eq!(
        invalid(attendance::set_status(
            &mut c.store,
            short,
            &[mueller],
            AttendanceStatus::Partial,
            Some(0.0)
        )),
        [Invalid::PartialNeedsHours]
    );
    let too_long = invalid(attendance::set_status(
        &mut c.store,
        short,
        &[mueller],
        AttendanceStatus::Partial,
        Some(4.0),
    ));
    assert_eq!(
        too_long,
        [Invalid::HoursAboveSessionLength { max_minutes: 210 }]
    );
    assert!(
        too_long[0].message().contains("höchstens 3,5 Stunden"),
        "{}",
        too_long[0].message()
    );
    attendance::set_status(
        &mut c.store,
        short,
        &[mueller],
        AttendanceStatus::Partial,
        Some(1.5),
    )?;
    assert_eq!(
        c.roster(short)[1],
        ("1002".into(), AttendanceStatus::Partial, 1.5)
    );

    // Refused: negative, not a number, hours for a status that credits none.
    for bad in [-1.0, f64::NAN] {
        assert_eq!(
            invalid(attendance::set_hours(&mut c.store, weiss, bad)),
            [Invalid::HoursInvalid]
        );
    }
    attendance::set_status(
        &mut c.store,
        short,
        &[weiss],
        AttendanceStatus::Absent,
        None,
    )?;
    assert_eq!(
        invalid(attendance::set_hours(&mut c.store, weiss, 2.0)),
        [Invalid::HoursNotCredited]
    );
    assert_eq!(
        c.roster(short)[0],
        ("1001".into(), AttendanceStatus::Absent, 0.0)
    );

    // Notes are kept and trimmed; the audit does not repeat them.
    attendance::set_note(&mut c.store, mueller, "  ab 11 Uhr  ")?;
    assert_eq!(
        c.store
            .store()
            .attendance_of(short, eid("1002"))?
            .expect("row")
            .note,
        "ab 11 Uhr"
    );
    let entry = &c.store.store().audit_entries(1)?[0];
    assert!(
        entry.summary.ends_with("partial, 1.5 h, note changed"),
        "{}",
        entry.summary
    );
    assert!(!entry.summary.contains("11 Uhr"));
    Ok(())
}

#[test]
fn outcomes_are_refused_before_the_session_has_started() -> TestResult {
    let mut c = city();
    attendance::add_participants(&mut c.store, c.future, &ids(&["1001", "1002"]))?;
    let row = c.row_id(c.future, "1001");
    for status in [
        AttendanceStatus::Attended,
        AttendanceStatus::Partial,
        AttendanceStatus::Absent,
    ] {
        let hours = (status == AttendanceStatus::Partial).then_some(2.0);
        assert_eq!(
            invalid(attendance::set_status(
                &mut c.store,
                c.future,
                &[row],
                status,
                hours
            )),
            [Invalid::SessionNotStarted],
            "{status:?}"
        );
    }
    assert_eq!(
        invalid(attendance::mark_registered_attended(&mut c.store, c.future)),
        [Invalid::SessionNotStarted]
    );
    // Apologies in advance are fine.
    attendance::set_status(
        &mut c.store,
        c.future,
        &[row],
        AttendanceStatus::Excused,
        None,
    )?;
    assert_eq!(c.roster(c.future)[0].1, AttendanceStatus::Excused);

    // A session that started this morning can be marked (the clock says noon).
    let today_session = sessions::add(
        &mut c.store,
        &session_input(c.seminar, at("2026-11-21", 11, 0), at("2026-11-21", 15, 0)),
    )?;
    let outcome = attendance::record(&mut c.store, today_session, &ids(&["1001"]), None, None)?;
    assert_eq!(outcome.added, 1);
    assert_eq!(
        c.roster(today_session),
        [("1001".into(), AttendanceStatus::Attended, 4.0)]
    );
    let afternoon = sessions::add(
        &mut c.store,
        &session_input(c.seminar, at("2026-11-21", 14, 0), at("2026-11-21", 16, 0)),
    )?;
    // Without a status, recording before the start registers.
    attendance::record(&mut c.store, afternoon, &ids(&["1001"]), None, None)?;
    assert_eq!(c.roster(afternoon)[0].1, AttendanceStatus::Registered);
    Ok(())
}

#[test]
fn recording_adds_or_updates_in_one_transaction() -> TestResult {
    let mut c = city();
    attendance::add_participants(&mut c.store, c.past, &ids(&["1001"]))?;
    let outcome = attendance::record(
        &mut c.store,
        c.past,
        &ids(&["1001", "1002"]),
        Some(AttendanceStatus::Partial),
        Some(4.0),
    )?;
    assert_eq!(
        (outcome.added, outcome.updated, outcome.unchanged),
        (1, 1, 0)
    );
    assert_eq!(
        c.roster(c.past),
        [
            ("1001".into(), AttendanceStatus::Partial, 4.0),
            ("1002".into(), AttendanceStatus::Partial, 4.0),
        ]
    );
    let again = attendance::record(
        &mut c.store,
        c.past,
        &ids(&["1001"]),
        Some(AttendanceStatus::Partial),
        Some(4.0),
    )?;
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 1));

    // One refused person (left before the session) means nobody is written.
    let before = (
        c.store.store().attendance_count()?,
        c.store.store().audit_count()?,
    );
    let result = attendance::record(
        &mut c.store,
        c.past,
        &ids(&["1003", "1004"]),
        Some(AttendanceStatus::Attended),
        None,
    );
    assert_eq!(
        invalid(result),
        [Invalid::NotEmployedAtSession("1004".into())]
    );
    assert_eq!(
        (
            c.store.store().attendance_count()?,
            c.store.store().audit_count()?
        ),
        before
    );
    Ok(())
}

#[test]
fn removing_rows_is_audited() -> TestResult {
    let mut c = city();
    attendance::add_participants(&mut c.store, c.past, &ids(&["1001", "1002"]))?;
    let row = c.row_id(c.past, "1002");
    assert_eq!(attendance::remove(&mut c.store, c.past, &[row])?, 1);
    assert_eq!(c.roster(c.past).len(), 1);
    let entry = &c.store.store().audit_entries(1)?[0];
    assert_eq!(
        (
            entry.entity.as_str(),
            entry.action.as_str(),
            entry.entity_id
        ),
        ("attendance", "remove", Some(row.0))
    );
    assert_eq!(
        entry.summary,
        format!(
            "session {}, personnel number 1002: removed (registered)",
            c.past
        )
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Training history
// ---------------------------------------------------------------------------------------

#[test]
fn history_totals_per_year_worked_out_by_hand() -> TestResult {
    let mut c = city();
    let other = seminars::add(&mut c.store, &seminar_input("DF-301", 2.0))?;
    let mut session = |seminar, start: NaiveDateTime, end: NaiveDateTime| {
        sessions::add(&mut c.store, &session_input(seminar, start, end)).expect("session")
    };
    // 2025: attended 4 h, partial 2.5 h of a 3.5-hour session, absent; one two-day
    // course from 30.12.2025 to 02.01.2026 counts in 2026, the year it ended.
    let s1 = session(c.seminar, at("2025-03-04", 9, 0), at("2025-03-04", 13, 0));
    let s2 = session(c.seminar, at("2025-11-05", 9, 0), at("2025-11-05", 12, 30));
    let s3 = session(other, at("2025-12-10", 10, 0), at("2025-12-10", 12, 0));
    let s4 = session(c.seminar, at("2025-12-30", 9, 0), at("2026-01-02", 17, 0));
    let (s5, s6) = (c.past, c.future);
    let weiss = ids(&["1001"]);
    let mut record = |s, status, hours| {
        attendance::record(&mut c.store, s, &weiss, Some(status), hours).expect("record")
    };
    record(s1, AttendanceStatus::Attended, None); // 4 h (the session's length)
    record(s2, AttendanceStatus::Partial, Some(2.5));
    record(s3, AttendanceStatus::Absent, None);
    record(s4, AttendanceStatus::Attended, None); // 6 h (the seminar's hours)
    record(s5, AttendanceStatus::Attended, Some(5.0));
    record(s6, AttendanceStatus::Registered, None);

    let history = attendance::history(&c.store, eid("1001"))?;
    let lines: Vec<(NaiveDate, &str, AttendanceStatus, f64)> = history
        .iter()
        .map(|h: &HistoryRow| (h.date, h.seminar_code.as_str(), h.status, h.hours))
        .collect();
    assert_eq!(
        lines,
        [
            (d("2025-03-04"), "DF-101", AttendanceStatus::Attended, 4.0),
            (d("2025-11-05"), "DF-101", AttendanceStatus::Partial, 2.5),
            (d("2025-12-10"), "DF-301", AttendanceStatus::Absent, 0.0),
            (d("2025-12-30"), "DF-101", AttendanceStatus::Attended, 6.0),
            (d("2026-06-10"), "DF-101", AttendanceStatus::Attended, 5.0),
            (d("2026-12-03"), "DF-101", AttendanceStatus::Registered, 0.0),
        ]
    );
    assert_eq!(history[0].seminar_title, "Seminar DF-101");
    assert_eq!(
        attendance::totals_per_year(&history),
        [
            YearTotals {
                year: 2025,
                hours: 6.5,
                completed: 1,
                partial: 1
            },
            YearTotals {
                year: 2026,
                hours: 11.0,
                completed: 2,
                partial: 0
            },
        ]
    );
    assert!(attendance::history(&c.store, eid("1003"))?.is_empty());
    assert!(attendance::totals_per_year(&[]).is_empty());
    Ok(())
}

#[test]
fn sessions_list_filters_by_seminar_provider_and_dates() -> TestResult {
    let mut c = city();
    let mut input = seminar_input("SIWL-01", 8.0);
    input.provider = "Studieninstitut Westfalen-Lippe".into();
    let siwl = seminars::add(&mut c.store, &input)?;
    let s = sessions::add(
        &mut c.store,
        &session_input(siwl, at("2026-06-10", 8, 0), at("2026-06-10", 16, 0)),
    )?;
    attendance::add_participants(&mut c.store, s, &ids(&["1001", "1003"]))?;
    let ids = |q: &sessions::SessionQuery| -> Vec<SessionId> {
        sessions::list(&c.store, q)
            .expect("list")
            .into_iter()
            .map(|r| r.session.id)
            .collect()
    };
    assert_eq!(ids(&Default::default()), [s, c.past, c.future]);
    let by_provider = sessions::SessionQuery {
        provider: Some("studieninstitut westfalen-lippe".into()),
        ..Default::default()
    };
    assert_eq!(ids(&by_provider), [s]);
    let upcoming = sessions::SessionQuery {
        from: Some(today()),
        ..Default::default()
    };
    assert_eq!(ids(&upcoming), [c.future]);
    let june = sessions::SessionQuery {
        seminar: Some(c.seminar),
        from: Some(d("2026-06-01")),
        to: Some(d("2026-06-30")),
        ..Default::default()
    };
    assert_eq!(ids(&june), [c.past]);
    let rows = sessions::list(&c.store, &by_provider)?;
    assert_eq!(rows[0].participants, 2);
    assert_eq!(rows[0].seminar_code, "SIWL-01");
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------

#[test]
fn the_attendance_export_is_csv_for_german_excel_and_a_real_workbook() -> TestResult {
    let mut c = city();
    // A name that would run as a formula in a spreadsheet.
    let id = employees::add(
        &mut c.store,
        &EmployeeInput {
            personnel_number: "1008".into(),
            first_name: "=HYPERLINK(\"x\")".into(),
            last_name: "Albers".into(),
            ..Default::default()
        },
    )?;
    attendance::add_participants(&mut c.store, c.past, &[eid("1001"), id])?;
    attendance::mark_registered_attended(&mut c.store, c.past)?;
    attendance::add_participants(&mut c.store, c.future, &ids(&["1002"]))?;

    let dir = tempfile::tempdir()?;
    let csv = dir.path().join("teilnahmen.csv");
    assert_eq!(attendance::export_to(&c.store, None, None, &csv)?, 3);
    let text = String::from_utf8(std::fs::read(&csv)?)?;
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{feff}Datum;Seminar;Titel;Personalnummer;Nachname;Vorname;Organisationseinheit;Status;Stunden"
    );
    assert_eq!(
        lines[1],
        "10.06.2026;DF-101;Seminar DF-101;1008;Albers;\"'=HYPERLINK(\"\"x\"\")\";;teilgenommen;6,0"
    );
    assert_eq!(
        lines[2],
        "10.06.2026;DF-101;Seminar DF-101;1001;Weiß;Jürgen;10.1;teilgenommen;6,0"
    );
    assert_eq!(
        lines[3],
        "03.12.2026;DF-101;Seminar DF-101;1002;Müller;Bärbel;10;angemeldet;0,0"
    );

    // The date range narrows; other extensions are refused without writing.
    let future_only = dir.path().join("ab-heute.csv");
    assert_eq!(
        attendance::export_to(&c.store, Some(today()), None, &future_only)?,
        1
    );
    let pdf = dir.path().join("teilnahmen.pdf");
    assert!(attendance::export_to(&c.store, None, None, &pdf).is_err());
    assert!(!pdf.exists());

    let xlsx = dir.path().join("teilnahmen.xlsx");
    assert_eq!(attendance::export_to(&c.store, None, None, &xlsx)?, 3);
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(&xlsx)?;
    let sheet = book.worksheet_range("Teilnahmen")?;
    let rows: Vec<&[Data]> = sheet.rows().collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0][0], Data::String("Datum".into()));
    assert!(matches!(rows[1][0], Data::DateTime(_)), "{:?}", rows[1][0]);
    assert_eq!(
        rows[1][5],
        Data::String("=HYPERLINK(\"x\")".into()),
        "text, not a formula"
    );
    assert_eq!(rows[2][8], Data::Float(6.0));
    Ok(())
}

/// The overbooking warning comes only with an action that took more seats than before.
#[test]
fn recording_warns_only_when_it_takes_more_seats() -> TestResult {
    let mut c = city();
    let mut input = c.store.store().session(c.future)?.expect("session").input();
    input.capacity = Some(1);
    sessions::update(&mut c.store, c.future, &input, false)?;
    let registered = Some(AttendanceStatus::Registered);
    let excused = Some(AttendanceStatus::Excused);

    let outcome = attendance::record(
        &mut c.store,
        c.future,
        &ids(&["1001", "1002"]),
        registered,
        None,
    )?;
    assert_eq!((outcome.added, outcome.over_capacity_by), (2, 1));

    // Only a status changes: still one over, but no seat was taken.
    let outcome = attendance::record(&mut c.store, c.future, &ids(&["1002"]), excused, None)?;
    assert_eq!((outcome.updated, outcome.over_capacity_by), (1, 0));
    let outcome = attendance::record(&mut c.store, c.future, &ids(&["1001"]), registered, None)?;
    assert_eq!((outcome.unchanged, outcome.over_capacity_by), (1, 0));

    // Adding someone as excused takes no seat either.
    let outcome = attendance::record(&mut c.store, c.future, &ids(&["1005"]), excused, None)?;
    assert_eq!((outcome.added, outcome.over_capacity_by), (1, 0));

    // Back from excused to registered takes a seat again: over by one.
    let outcome = attendance::record(&mut c.store, c.future, &ids(&["1005"]), registered, None)?;
    assert_eq!((outcome.updated, outcome.over_capacity_by), (1, 1));

    // Giving a seat back never warns.
    let outcome = attendance::record(&mut c.store, c.future, &ids(&["1001"]), excused, None)?;
    assert_eq!(outcome.over_capacity_by, 0);
    Ok(())
}
