use chrono::NaiveDate;

use super::*;
use crate::model::SeminarId;

fn row(status: AttendanceStatus, hours: f64) -> Attendance {
    Attendance {
        id: AttendanceId(1),
        session_id: SessionId(1),
        employee_id: EmployeeId(1),
        status,
        hours,
        note: String::new(),
    }
}

#[test]
fn the_hours_rule_table() {
    use AttendanceStatus::*;
    let (length, full) = (8.0, 6.0);
    let attended = row(Attended, 5.0);
    let partial = row(Partial, 3.0);
    let registered = row(Registered, 0.0);
    #[rustfmt::skip]
    type Case<'a> = (
        AttendanceStatus,
        Option<f64>,
        Option<&'a Attendance>,
        Result<f64, Invalid>,
    );
    let cases: Vec<Case<'_>> = vec![
        (Attended, None, None, Ok(6.0)),
        (Attended, None, Some(&registered), Ok(6.0)),
        (Attended, None, Some(&attended), Ok(5.0)),
        (Attended, None, Some(&partial), Ok(6.0)),
        (Attended, Some(7.5), None, Ok(7.5)),
        (Attended, Some(8.0), None, Ok(8.0)),
        (Attended, Some(0.0), None, Ok(0.0)),
        (
            Attended,
            Some(8.5),
            None,
            Err(Invalid::HoursAboveSessionLength { max_minutes: 480 }),
        ),
        (Attended, Some(-1.0), None, Err(Invalid::HoursInvalid)),
        (Attended, Some(f64::NAN), None, Err(Invalid::HoursInvalid)),
        (
            Attended,
            Some(f64::INFINITY),
            None,
            Err(Invalid::HoursInvalid),
        ),
        (Partial, Some(2.5), None, Ok(2.5)),
        (Partial, Some(0.0), None, Err(Invalid::PartialNeedsHours)),
        (
            Partial,
            Some(9.0),
            None,
            Err(Invalid::HoursAboveSessionLength { max_minutes: 480 }),
        ),
        (Partial, None, None, Err(Invalid::PartialNeedsHours)),
        (
            Partial,
            None,
            Some(&attended),
            Err(Invalid::PartialNeedsHours),
        ),
        (Partial, None, Some(&partial), Ok(3.0)),
        (Absent, None, Some(&attended), Ok(0.0)),
        (Excused, None, None, Ok(0.0)),
        (Registered, Some(0.0), None, Ok(0.0)),
        (Absent, Some(2.0), None, Err(Invalid::HoursNotCredited)),
        (Excused, Some(-2.0), None, Err(Invalid::HoursInvalid)),
    ];
    for (i, (status, given, existing, expected)) in cases.into_iter().enumerate() {
        assert_eq!(
            hours_rule(status, given, existing, length, full),
            expected,
            "case {i}: {status:?} {given:?}"
        );
    }
}

#[test]
fn full_hours_are_the_length_capped_at_the_default() {
    let day = NaiveDate::from_ymd_opt(2026, 3, 2).expect("date");
    let session = |start: (u32, u32), end_day: u64, end: (u32, u32)| Session {
        id: SessionId(1),
        seminar_id: SeminarId(1),
        starts_at: day.and_hms_opt(start.0, start.1, 0).expect("time"),
        ends_at: (day + chrono::Days::new(end_day))
            .and_hms_opt(end.0, end.1, 0)
            .expect("time"),
        location: String::new(),
        trainer: String::new(),
        capacity: None,
        version: 1,
    };
    let seminar = |default_hours| Seminar {
        id: SeminarId(1),
        code: "X".into(),
        title: "X".into(),
        description: String::new(),
        provider: String::new(),
        format: Default::default(),
        default_hours,
        topic: String::new(),
        archived: false,
        version: 1,
    };
    // A morning: 3.5 h, whatever the default.
    assert_eq!(
        full_hours(&session((9, 0), 0, (12, 30)), &seminar(8.0)),
        3.5
    );
    assert_eq!(
        full_hours(&session((9, 0), 0, (12, 30)), &seminar(0.0)),
        3.5
    );
    // Two days: the seminar's 16 h, not 32 h of wall clock.
    assert_eq!(
        full_hours(&session((9, 0), 1, (17, 0)), &seminar(16.0)),
        16.0
    );
    // A twelve-week e-learning period.
    assert_eq!(
        full_hours(&session((0, 0), 83, (23, 59)), &seminar(4.0)),
        4.0
    );
}
