//! Unit tests of the participant-list import: columns, cells, matching and planning.

use chrono::NaiveDate;

use super::matching::*;
use super::plan::*;
use super::*;
use crate::i18n::{Lang, set_thread_language};
use crate::model::{Attendance, AttendanceId, Employee, EmployeeId, SeminarId, Session, SessionId};

fn headers(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).expect("date")
}

fn employee(id: i64, pnr: &str, first: &str, last: &str, email: Option<&str>) -> Employee {
    Employee {
        id: EmployeeId(id),
        personnel_number: pnr.into(),
        first_name: first.into(),
        last_name: last.into(),
        salutation: Default::default(),
        email: email.map(str::to_owned),
        department_id: None,
        job_title: None,
        entry_date: None,
        exit_date: None,
        version: 1,
    }
}

fn record(line: usize) -> ParticipantRecord {
    ParticipantRecord {
        line,
        personnel_number: String::new(),
        email: String::new(),
        last_name: String::new(),
        first_name: String::new(),
        full_name: String::new(),
        department: String::new(),
        status: StatusCell::Blank,
        hours: HoursCell::Blank,
        note: String::new(),
    }
}

fn session(d: u32) -> Session {
    Session {
        id: SessionId(1),
        seminar_id: SeminarId(1),
        starts_at: day(d).and_hms_opt(9, 0, 0).expect("time"),
        ends_at: day(d).and_hms_opt(13, 0, 0).expect("time"),
        location: String::new(),
        trainer: String::new(),
        capacity: None,
        version: 1,
    }
}

#[test]
fn header_variants_are_recognised() {
    for (header, column) in [
        ("Personalnummer", Column::PersonnelNumber),
        ("Pers.-Nr.", Column::PersonnelNumber),
        ("Personnel number", Column::PersonnelNumber),
        ("E-Mail", Column::Email),
        ("User Email", Column::Email),
        ("E-Mail-Adresse des Benutzers", Column::Email),
        ("Teilnehmer:in", Column::FullName),
        ("Teilnehmer*in", Column::FullName),
        ("Participant", Column::FullName),
        ("Name (Original Name)", Column::FullName),
        ("Vollständiger Name", Column::FullName),
        ("Abteilung", Column::Department),
        ("Organisationseinheit", Column::Department),
        ("Department", Column::Department),
        ("Status", Column::Status),
        ("Anwesend", Column::Status),
        ("Stunden", Column::Hours),
        ("Std.", Column::Hours),
        ("Hours", Column::Hours),
        ("Bemerkung", Column::Note),
        ("Note", Column::Note),
    ] {
        assert_eq!(Column::from_header(header), Some(column), "{header}");
    }
    assert_eq!(Column::from_header("Join Time"), None);
    assert_eq!(Column::from_header("Name"), None);
}

#[test]
fn name_is_the_last_name_next_to_a_first_name_else_the_whole_name() {
    let map = ColumnMap::from_headers(&headers(&["Name", "Vorname"]), 1).expect("columns");
    assert!(map.has(Column::LastName) && !map.has(Column::FullName));
    let map = ColumnMap::from_headers(&headers(&["Name", "E-Mail"]), 1).expect("columns");
    assert!(map.has(Column::FullName) && !map.has(Column::LastName));
    let map = ColumnMap::from_headers(&headers(&["Name", "Teilnehmer"]), 1).expect("columns");
    assert_eq!(map.ignored, ["Name"]);
}

#[test]
fn a_file_without_an_identifying_column_is_refused() {
    set_thread_language(Lang::De);
    let err = ColumnMap::from_headers(&headers(&["Nachname", "Stunden"]), 2)
        .expect_err("nobody can be identified")
        .user_message();
    assert!(err.contains("Zeile 2"), "{err}");
    assert!(err.contains("„Nachname“, „Stunden“"), "{err}");
}

#[test]
fn statuses_and_hours_as_written() {
    for (text, status) in [
        ("teilgenommen", AttendanceStatus::Attended),
        ("Anwesend", AttendanceStatus::Attended),
        ("Yes", AttendanceStatus::Attended),
        ("abwesend", AttendanceStatus::Absent),
        ("No-Show", AttendanceStatus::Absent),
        ("nicht erschienen", AttendanceStatus::Absent),
        ("entschuldigt", AttendanceStatus::Excused),
        ("Excused", AttendanceStatus::Excused),
        ("teilweise", AttendanceStatus::Partial),
        ("partial", AttendanceStatus::Partial),
        ("angemeldet", AttendanceStatus::Registered),
    ] {
        assert_eq!(parse_status(text), Some(status), "{text}");
    }
    assert_eq!(parse_status("vielleicht"), None);
    for (text, hours) in [
        ("4", 4.0),
        ("3,5", 3.5),
        ("3.5", 3.5),
        ("2,5 Std.", 2.5),
        ("6 h", 6.0),
    ] {
        assert_eq!(parse_hours(text), Some(hours), "{text}");
    }
    for text in ["vier", "1.000,5", "", "h"] {
        assert_eq!(parse_hours(text), None, "{text}");
    }
    assert_eq!(
        HoursCell::from_cell(&Cell::Text("-2".into())),
        HoursCell::Invalid("-2".into())
    );
    assert_eq!(
        HoursCell::from_cell(&Cell::Number(1.5)),
        HoursCell::Hours(1.5)
    );
}

#[test]
fn names_compare_across_spellings_and_orders() {
    assert_eq!(name_match_key("Jürgen  Weiß"), "juergen weiss");
    assert_eq!(name_match_key("Juergen Weiss"), "juergen weiss");
    assert_eq!(name_match_key("Anna-Lena Ö'Brien"), "anna lena oebrien");
    assert_eq!(name_match_key("René Łukasz"), "rene lukasz");
    assert_eq!(full_name_key("Weiß, Jürgen"), "juergen weiss");
    assert_eq!(
        full_name_key("Dr. Jürgen Weiß (Stadt Porta)"),
        "juergen weiss"
    );
    assert_eq!(full_name_key("Weiß, Dr. Jürgen"), "juergen weiss");
}

#[test]
fn leading_zeros_a_workbook_dropped_are_tolerated_only_when_unique() {
    let employees = [
        employee(1, "000123", "Anna", "Schmidt", None),
        employee(2, "0456", "Bernd", "Meier", None),
        employee(3, "00456", "Carla", "Meier", None),
    ];
    let session = session(3);
    let dir = Directory::new(&employees, &[], &session);
    let mut r = record(2);
    r.personnel_number = "123".into();
    assert_eq!(
        dir.match_record(&r),
        RowMatch::Found {
            employee: EmployeeId(1),
            by: MatchedBy::PersonnelNumber
        }
    );
    r.personnel_number = "456".into();
    assert!(matches!(
        dir.match_record(&r),
        RowMatch::Unresolved {
            problem: Problem::UnknownPersonnelNumber(_),
            ..
        }
    ));
}

#[test]
fn only_people_employed_at_the_session_are_matched_automatically() {
    let mut gone = employee(1, "1", "Anna", "Schmidt", None);
    gone.exit_date = Some(day(1));
    // As `Employee::is_active_on` counts it: employed up to the day before the exit date.
    let mut left_on_the_day = employee(3, "3", "Olaf", "Berg", None);
    left_on_the_day.exit_date = Some(day(3));
    let mut left_the_day_after = employee(4, "4", "Eva", "Berg", None);
    left_the_day_after.exit_date = Some(day(4));
    let mut joined_later = employee(5, "5", "Udo", "Berg", None);
    joined_later.entry_date = Some(day(4));
    let employees = [
        gone,
        employee(2, "2", "Anna", "Schmidt", None),
        left_on_the_day,
        left_the_day_after,
        joined_later,
    ];
    let session = session(3);
    let dir = Directory::new(&employees, &[], &session);
    let mut r = record(2);
    r.full_name = "Schmidt, Anna".into();
    assert_eq!(
        dir.match_record(&r),
        RowMatch::Found {
            employee: EmployeeId(2),
            by: MatchedBy::Name
        }
    );
    r.full_name = String::new();
    r.personnel_number = "1".into();
    assert_eq!(
        dir.match_record(&r),
        RowMatch::Unresolved {
            problem: Problem::NotEmployed,
            candidates: vec![EmployeeId(1)]
        }
    );
    for (number, employed) in [("3", false), ("4", true), ("5", false)] {
        r.personnel_number = number.into();
        let found = matches!(dir.match_record(&r), RowMatch::Found { .. });
        assert_eq!(found, employed, "personnel number {number}");
    }
}

#[test]
fn a_blank_status_keeps_an_attended_entry_and_defaults_otherwise() {
    set_thread_language(Lang::De);
    let people = [employee(1, "1", "Anna", "Schmidt", None)];
    let existing = Attendance {
        id: AttendanceId(9),
        session_id: SessionId(1),
        employee_id: EmployeeId(1),
        status: AttendanceStatus::Partial,
        hours: 2.0,
        note: "ab 11 Uhr".into(),
    };
    let later = day(10).and_hms_opt(8, 0, 0).expect("time");
    let ctx = Context::new(session(3), later, 3.0, &people, &[], [existing.clone()]);
    let mut r = record(2);
    r.personnel_number = "1".into();
    let found = [RowMatch::Found {
        employee: EmployeeId(1),
        by: MatchedBy::PersonnelNumber,
    }];
    let p = plan(std::slice::from_ref(&r), &found, &Resolutions::new(), &ctx);
    assert_eq!(p.unchanged.len(), 1, "{p:#?}");

    r.status = StatusCell::Status(AttendanceStatus::Attended);
    let p = plan(std::slice::from_ref(&r), &found, &Resolutions::new(), &ctx);
    assert_eq!(p.updated.len(), 1);
    assert!(
        (p.updated[0].hours - 3.0).abs() < 1e-9,
        "the full hours of the context, not the 4 h the session lasts"
    );
    assert_eq!(
        p.updated[0].note, "ab 11 Uhr",
        "a blank note keeps the stored one"
    );

    let fresh = Context::new(session(3), later, 3.0, &people, &[], []);
    r.status = StatusCell::Status(AttendanceStatus::Excused);
    r.hours = HoursCell::Hours(2.0);
    let p = plan(
        std::slice::from_ref(&r),
        &found,
        &Resolutions::new(),
        &fresh,
    );
    assert_eq!(
        p.rejected[0].reasons,
        [Reason::HoursNotCredited {
            status: AttendanceStatus::Excused,
            hours: 2.0
        }]
    );
    r.hours = HoursCell::Hours(5.0);
    r.status = StatusCell::Blank;
    let p = plan(
        std::slice::from_ref(&r),
        &found,
        &Resolutions::new(),
        &fresh,
    );
    assert_eq!(
        p.rejected[0].reasons,
        [Reason::TooManyHours {
            hours: 5.0,
            max: 4.0
        }]
    );
}
