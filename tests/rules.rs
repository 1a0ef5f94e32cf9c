//! Eligibility as table-driven cases: one program, one employee, a few records, a day.

use chrono::{NaiveDate, NaiveDateTime};
use lotse::model::{
    Attendance, AttendanceId, AttendanceStatus, Employee, EmployeeId, Program, ProgramId,
    ProgramTitles, Requirement, Salutation, SeminarFormat, SeminarId, SessionId,
};
use lotse::rules::{CertificateFacts, Progress, eligibility, qualifying_records};
use lotse::store::TrainingRecord;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(day: &str, hour: u32) -> NaiveDateTime {
    d(day).and_hms_opt(hour, 0, 0).unwrap()
}

fn employee(exit: Option<&str>) -> Employee {
    Employee {
        id: EmployeeId(1),
        personnel_number: "4711".into(),
        first_name: "Bärbel".into(),
        last_name: "Weiß".into(),
        salutation: Salutation::Female,
        email: None,
        department_id: None,
        job_title: None,
        entry_date: Some(d("2010-01-01")),
        exit_date: exit.map(d),
        version: 1,
    }
}

/// An attendance of seminar `seminar` (topic "Digitale Verwaltung" for 1–9, "Change" above)
/// on `day`, 9–13 o'clock.
fn rec(seminar: i64, day: &str, status: AttendanceStatus, hours: f64) -> TrainingRecord {
    TrainingRecord {
        attendance: Attendance {
            id: AttendanceId(seminar * 1000),
            session_id: SessionId(seminar * 10),
            employee_id: EmployeeId(1),
            status,
            hours,
            note: String::new(),
        },
        seminar_id: SeminarId(seminar),
        seminar_code: format!("S{seminar}"),
        seminar_title: format!("Seminar {seminar}"),
        topic: if seminar < 10 {
            "Digitale Verwaltung"
        } else {
            "Change"
        }
        .into(),
        format: SeminarFormat::Webinar,
        starts_at: at(day, 9),
        ends_at: at(day, 13),
    }
}

fn program(requirements: Vec<Requirement>, allow_partial: bool) -> Program {
    Program {
        id: ProgramId(1),
        code: "DL".into(),
        serial_prefix: "DL".into(),
        titles: ProgramTitles {
            de_male: "Digitallotse".into(),
            de_female: "Digitallotsin".into(),
            de_neutral: "Digitallots:in".into(),
            en: "Digital Pilot".into(),
        },
        description: String::new(),
        validity_months: Some(24),
        allow_partial,
        archived: false,
        requirements,
        version: 1,
    }
}

fn cert(program: i64, until: Option<&str>, revoked: Option<&str>) -> CertificateFacts {
    CertificateFacts {
        program_id: ProgramId(program),
        issued_on: d("2024-01-15"),
        valid_until: until.map(d),
        revoked_on: revoked.map(d),
        superseded_on: None,
    }
}

use AttendanceStatus::{Absent, Attended, Excused, Partial, Registered};

const TODAY: &str = "2026-11-21";

/// Name, requirements, partial allowed, records, certificates, expected eligibility.
type Case = (
    &'static str,
    Vec<Requirement>,
    bool,
    Vec<TrainingRecord>,
    Vec<CertificateFacts>,
    bool,
);

#[test]
fn single_requirement_cases() {
    let seminar = || vec![Requirement::Seminar(SeminarId(1))];
    let three_of_four = || {
        vec![Requirement::AtLeastN {
            n: 3,
            seminars: vec![SeminarId(1), SeminarId(2), SeminarId(3), SeminarId(4)],
        }]
    };
    let hours = || {
        vec![Requirement::TopicHours {
            topic: "digitale verwaltung".into(),
            hours: 16.0,
        }]
    };
    let prereq = || vec![Requirement::Prerequisite(ProgramId(7))];
    #[rustfmt::skip]
    let cases: Vec<Case> = vec![
        ("attended required seminar", seminar(), false, vec![rec(1, "2026-03-02", Attended, 4.0)], vec![], true),
        ("only registered", seminar(), false, vec![rec(1, "2026-03-02", Registered, 0.0)], vec![], false),
        ("absent", seminar(), false, vec![rec(1, "2026-03-02", Absent, 0.0)], vec![], false),
        ("excused", seminar(), false, vec![rec(1, "2026-03-02", Excused, 0.0)], vec![], false),
        ("other seminar", seminar(), false, vec![rec(2, "2026-03-02", Attended, 4.0)], vec![], false),
        ("session ends today counts", seminar(), false, vec![rec(1, TODAY, Attended, 4.0)], vec![], true),
        ("session tomorrow does not count", seminar(), false, vec![rec(1, "2026-11-22", Attended, 4.0)], vec![], false),
        ("partial not allowed", seminar(), false, vec![rec(1, "2026-03-02", Partial, 2.0)], vec![], false),
        ("partial allowed", seminar(), true, vec![rec(1, "2026-03-02", Partial, 2.0)], vec![], true),
        ("partial allowed but no hours", seminar(), true, vec![rec(1, "2026-03-02", Partial, 0.0)], vec![], false),
        ("3 of 4: three", three_of_four(), false, vec![
            rec(1, "2025-01-01", Attended, 4.0), rec(2, "2025-02-01", Attended, 4.0), rec(4, "2025-03-01", Attended, 4.0)], vec![], true),
        ("3 of 4: two, one twice", three_of_four(), false, vec![
            rec(1, "2025-01-01", Attended, 4.0), rec(1, "2025-06-01", Attended, 4.0), rec(2, "2025-02-01", Attended, 4.0)], vec![], false),
        ("3 of 4: third one absent", three_of_four(), false, vec![
            rec(1, "2025-01-01", Attended, 4.0), rec(2, "2025-02-01", Attended, 4.0), rec(3, "2025-03-01", Absent, 0.0)], vec![], false),
        ("16 h: 4 × 4 h", hours(), false, vec![
            rec(1, "2025-01-01", Attended, 4.0), rec(2, "2025-02-01", Attended, 4.0),
            rec(3, "2025-03-01", Attended, 4.0), rec(4, "2025-04-01", Attended, 4.0)], vec![], true),
        ("16 h: partial hours count where allowed", hours(), true, vec![
            rec(1, "2025-01-01", Attended, 8.0), rec(2, "2025-02-01", Attended, 6.0), rec(3, "2025-03-01", Partial, 2.0)], vec![], true),
        ("16 h: partial hours do not count otherwise", hours(), false, vec![
            rec(1, "2025-01-01", Attended, 8.0), rec(2, "2025-02-01", Attended, 6.0), rec(3, "2025-03-01", Partial, 2.0)], vec![], false),
        ("16 h: a seminar retaken counts once", hours(), false, vec![
            rec(1, "2025-01-01", Attended, 8.0), rec(1, "2025-06-01", Attended, 8.0)], vec![], false),
        ("16 h: 12 h only", hours(), false, vec![
            rec(1, "2025-01-01", Attended, 8.0), rec(2, "2025-02-01", Attended, 4.0)], vec![], false),
        ("16 h: other topic does not count", hours(), false, vec![
            rec(1, "2025-01-01", Attended, 8.0), rec(12, "2025-02-01", Attended, 8.0)], vec![], false),
        ("16 h: future hours do not count", hours(), false, vec![
            rec(1, "2025-01-01", Attended, 8.0), rec(2, "2026-12-01", Attended, 8.0)], vec![], false),
        ("16 h: absent hours do not count", hours(), false, vec![
            rec(1, "2025-01-01", Attended, 8.0), rec(2, "2025-02-01", Absent, 8.0)], vec![], false),
        ("prerequisite valid", prereq(), false, vec![], vec![cert(7, Some("2027-01-14"), None)], true),
        ("prerequisite without expiry", prereq(), false, vec![], vec![cert(7, None, None)], true),
        ("prerequisite expired", prereq(), false, vec![], vec![cert(7, Some("2026-01-14"), None)], false),
        ("prerequisite revoked", prereq(), false, vec![], vec![cert(7, Some("2027-01-14"), Some("2026-05-01"))], false),
        ("prerequisite of another program", prereq(), false, vec![], vec![cert(8, Some("2027-01-14"), None)], false),
        ("expired and renewed", prereq(), false, vec![], vec![
            cert(7, Some("2026-01-14"), None), cert(7, Some("2028-01-14"), None)], true),
        ("no requirements", vec![], false, vec![rec(1, "2026-03-02", Attended, 4.0)], vec![], false),
    ];
    let today = d(TODAY);
    for (name, reqs, partial, records, certs, expected) in cases {
        let p = program(reqs, partial);
        let e = eligibility(&p, &employee(None), &records, &certs, today);
        assert_eq!(e.eligible, expected, "case: {name}: {e:?}");
        if !p.requirements.is_empty() {
            assert_eq!(e.requirements[0].met, expected, "case: {name}");
        }
    }
}

#[test]
fn leavers_are_not_eligible() {
    let p = program(vec![Requirement::Seminar(SeminarId(1))], false);
    let records = [rec(1, "2025-03-02", Attended, 4.0)];
    let today = d(TODAY);
    let gone = eligibility(&p, &employee(Some("2026-06-30")), &records, &[], today);
    assert!(gone.left);
    assert!(!gone.eligible);
    assert!(gone.requirements[0].met, "their progress is still shown");
    // Asked about a day before they left, they were eligible.
    let then = eligibility(
        &p,
        &employee(Some("2026-06-30")),
        &records,
        &[],
        d("2026-01-01"),
    );
    assert!(then.eligible);
}

#[test]
fn progress_reports_what_is_missing() {
    let p = program(
        vec![
            Requirement::Seminar(SeminarId(1)),
            Requirement::AtLeastN {
                n: 4,
                seminars: vec![
                    SeminarId(2),
                    SeminarId(3),
                    SeminarId(4),
                    SeminarId(5),
                    SeminarId(6),
                ],
            },
            Requirement::TopicHours {
                topic: "Digitale Verwaltung".into(),
                hours: 16.0,
            },
        ],
        false,
    );
    let records = [
        rec(1, "2025-01-10", Attended, 4.0),
        rec(2, "2025-02-10", Attended, 4.0),
        rec(3, "2025-03-10", Attended, 2.0),
        rec(4, "2025-04-10", Attended, 2.0),
        rec(5, "2026-12-10", Registered, 0.0),
    ];
    let e = eligibility(&p, &employee(None), &records, &[], d(TODAY));
    assert!(!e.eligible);
    assert!(e.in_progress());
    assert_eq!(e.met_count(), 1);
    match &e.requirements[1].progress {
        Progress::AtLeastN { done, open, needed } => {
            assert_eq!(done, &[SeminarId(2), SeminarId(3), SeminarId(4)]);
            assert_eq!(open, &[SeminarId(5), SeminarId(6)]);
            assert_eq!(*needed, 4);
        }
        other => panic!("{other:?}"),
    }
    match &e.requirements[2].progress {
        Progress::TopicHours { hours, needed, .. } => {
            assert!((hours - 12.0).abs() < 1e-9);
            assert!((needed - 16.0).abs() < 1e-9);
        }
        other => panic!("{other:?}"),
    }
    assert!((e.requirements[1].fraction() - 0.75).abs() < 1e-9);
    assert!((e.requirements[2].fraction() - 0.75).abs() < 1e-9);
}

#[test]
fn qualifying_records_are_those_that_count_once_each_in_date_order() {
    let p = program(
        vec![
            Requirement::Seminar(SeminarId(1)),
            Requirement::AtLeastN {
                n: 1,
                seminars: vec![SeminarId(2), SeminarId(3)],
            },
        ],
        false,
    );
    let records = [
        rec(3, "2025-05-01", Attended, 4.0),
        rec(1, "2025-02-01", Attended, 4.0),
        rec(1, "2025-09-01", Attended, 4.0),
        rec(2, "2025-03-01", Absent, 0.0),
        rec(2, "2025-03-15", Partial, 2.0),
        rec(12, "2025-04-01", Attended, 4.0),
    ];
    let chosen: Vec<(i64, NaiveDate)> = qualifying_records(&p, &records, d(TODAY))
        .iter()
        .map(|r| (r.seminar_id.0, r.starts_at.date()))
        .collect();
    assert_eq!(chosen, [(1, d("2025-02-01")), (3, d("2025-05-01"))]);
}
