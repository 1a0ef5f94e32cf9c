//! Invitations as calendar files (`service::invitations`), written to disk and read back
//! with the `icalendar` crate's parser: the time zone, the session's local times, the
//! organizer and the attendees, and that an update and a cancellation keep the UID.

use chrono::{NaiveDate, NaiveDateTime};
use icalendar::parser::{read_calendar, unfold};
use icalendar::{CalendarDateTime, Component as _, DatePerhapsTime};
use lotse::model::{
    AttendanceStatus, EmployeeInput, SeminarFormat, SeminarInput, SessionId, SessionInput,
};
use lotse::service::invitations::{self, InvitationKind};
use lotse::service::{Database, attendance, employees, seminars, sessions, settings};
use lotse::store::FixedClock;

fn at(day: u32, hour: u32, minute: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 7, day)
        .and_then(|d| d.and_hms_opt(hour, minute, 0))
        .expect("date-time")
}

/// A webinar on 14.07.2026 (summer time) 09:30–12:00 with two participants, one with an
/// e-mail address; the organizer address is set.
fn database() -> (Database, SessionId) {
    let mut db = Database::open_scratch()
        .expect("database")
        .with_clock(FixedClock::on(
            NaiveDate::from_ymd_opt(2026, 7, 1).expect("day"),
        ));
    settings::save_organisation(
        &mut db,
        "Stadt Lüneburg",
        "Lüneburg",
        "fortbildung@lueneburg.de",
    )
    .expect("settings");
    let seminar = seminars::add(
        &mut db,
        &SeminarInput {
            code: "OZG-2".into(),
            title: "Onlinezugang für Bürgerinnen und Bürger".into(),
            description: "Anträge digital annehmen und bearbeiten.".into(),
            provider: "Niedersächsisches Studieninstitut".into(),
            format: SeminarFormat::Webinar,
            default_hours: 2.5,
            topic: "Digitale Verwaltung".into(),
        },
    )
    .expect("seminar");
    let session = sessions::add(
        &mut db,
        &SessionInput {
            seminar_id: seminar,
            starts_at: at(14, 9, 30),
            ends_at: at(14, 12, 0),
            location: "https://webinar.example.de/ozg-2".into(),
            trainer: "Dr. Käthe Groß".into(),
            capacity: None,
        },
    )
    .expect("session");
    for (number, first, last, email) in [
        ("1", "Jürgen", "Weiß", "juergen.weiss@lueneburg.de"),
        ("2", "Sören", "Özdemir", ""),
    ] {
        let id = employees::add(
            &mut db,
            &EmployeeInput {
                personnel_number: number.into(),
                first_name: first.into(),
                last_name: last.into(),
                email: email.into(),
                ..EmployeeInput::default()
            },
        )
        .expect("employee");
        attendance::add_participants(&mut db, session, &[id]).expect("participant");
    }
    (db, session)
}

#[test]
fn the_written_file_parses_with_time_zone_local_times_and_attendees() {
    let (mut db, session) = database();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("einladung.ics");
    let kind = InvitationKind {
        attendees: true,
        cancel: false,
    };
    let written = invitations::write(&mut db, session, kind, &path).expect("written");
    assert_eq!(written.attendees, 1);
    assert_eq!(written.without_email, 1);
    assert!(written.organizer);

    let text = std::fs::read_to_string(&path).expect("read");
    let unfolded = unfold(&text);
    let parsed = read_calendar(&unfolded).expect("a valid calendar");
    let prop = |name: &str| {
        parsed
            .properties
            .iter()
            .find(|p| p.name.as_str() == name)
            .map(|p| p.val.as_str().to_owned())
    };
    assert_eq!(prop("VERSION").as_deref(), Some("2.0"));
    assert_eq!(prop("METHOD").as_deref(), Some("REQUEST"));
    assert!(prop("PRODID").is_some());

    let names: Vec<&str> = parsed.components.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["VTIMEZONE", "VEVENT"]);
    let tz = &parsed.components[0];
    assert_eq!(
        tz.find_prop("TZID").map(|p| p.val.as_str()),
        Some("Europe/Berlin")
    );
    let parts: Vec<(&str, Option<&str>, Option<&str>)> = tz
        .components
        .iter()
        .map(|c| {
            (
                c.name.as_str(),
                c.find_prop("TZOFFSETTO").map(|p| p.val.as_str()),
                c.find_prop("RRULE").map(|p| p.val.as_str()),
            )
        })
        .collect();
    assert_eq!(
        parts,
        [
            (
                "DAYLIGHT",
                Some("+0200"),
                Some("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
            ),
            (
                "STANDARD",
                Some("+0100"),
                Some("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")
            ),
        ]
    );
    let event = &parsed.components[1];
    let start = event.find_prop("DTSTART").expect("DTSTART");
    assert_eq!(start.val.as_str(), "20260714T093000");
    assert!(
        start.params.iter().any(|p| p.key.as_str() == "TZID"
            && p.val.as_ref().map(|v| v.as_str()) == Some("Europe/Berlin"))
    );

    // The same file through the crate's typed calendar.
    let calendar: icalendar::Calendar = text.parse().expect("typed calendar");
    let events: Vec<&icalendar::Event> = calendar.events().collect();
    assert_eq!(events.len(), 1);
    let event = events[0];
    assert_eq!(
        event.get_start(),
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
            date_time: at(14, 9, 30),
            tzid: "Europe/Berlin".into(),
        }))
    );
    assert_eq!(
        event.get_end(),
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
            date_time: at(14, 12, 0),
            tzid: "Europe/Berlin".into(),
        }))
    );
    assert_eq!(
        event.get_summary(),
        Some("Onlinezugang für Bürgerinnen und Bürger (OZG-2)")
    );
    assert_eq!(event.get_url(), Some("https://webinar.example.de/ozg-2"));
    assert_eq!(event.get_sequence(), Some(0));
    let uid = event.get_uid().expect("UID").to_owned();
    assert!(
        uid.starts_with(&format!("lotse-session-{}@", session.0)),
        "{uid}"
    );
    assert!(
        event
            .get_description()
            .is_some_and(|d| d.contains("Dr. Käthe Groß") && d.contains("Studieninstitut"))
    );
    let organizer = event.properties().get("ORGANIZER").expect("ORGANIZER");
    assert_eq!(organizer.value(), "mailto:fortbildung@lueneburg.de");
    assert_eq!(
        organizer.params().get("CN").map(|p| p.value()),
        Some("Stadt Lüneburg")
    );
    let attendees = event.get_attendees();
    assert_eq!(attendees.len(), 1);
    let written_line = text
        .replace("\r\n ", "")
        .lines()
        .find(|l| l.starts_with("ATTENDEE"))
        .map(str::to_owned)
        .expect("attendee line");
    assert!(
        written_line.contains("CN=\"Weiß, Jürgen\""),
        "{written_line}"
    );
    assert!(written_line.ends_with("mailto:juergen.weiss@lueneburg.de"));

    // After a change the file says so with a higher sequence, same UID; then the cancel.
    let mut input = sessions::list(&db, &sessions::SessionQuery::default()).expect("sessions")[0]
        .session
        .input();
    input.ends_at = at(14, 12, 30);
    sessions::update(&mut db, session, &input, true).expect("update");
    invitations::write(&mut db, session, kind, &path).expect("again");
    let calendar: icalendar::Calendar = std::fs::read_to_string(&path)
        .expect("read")
        .parse()
        .expect("typed calendar");
    let event = calendar.events().next().expect("event");
    assert_eq!(event.get_uid(), Some(uid.as_str()));
    assert_eq!(event.get_sequence(), Some(1));

    let cancel = InvitationKind {
        attendees: true,
        cancel: true,
    };
    invitations::write(&mut db, session, cancel, &path).expect("cancel");
    let text = std::fs::read_to_string(&path).expect("read");
    let calendar: icalendar::Calendar = text.parse().expect("typed calendar");
    assert_eq!(calendar.property_value("METHOD"), Some("CANCEL"));
    let event = calendar.events().next().expect("event");
    assert_eq!(event.get_uid(), Some(uid.as_str()));
    assert_eq!(event.get_sequence(), Some(2));
    assert_eq!(event.get_status(), Some(icalendar::EventStatus::Cancelled));
    assert!(
        read_calendar(&unfold(&text)).is_ok(),
        "the cancellation parses too"
    );
}

#[test]
fn absent_and_excused_participants_are_not_invited() {
    let (mut db, session) = database();
    let roster = lotse::store::Read::roster(db.store(), session).expect("roster");
    let rows: Vec<_> = roster.iter().map(|a| a.id).collect();
    attendance::set_status(&mut db, session, &rows, AttendanceStatus::Excused, None)
        .expect("excused");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("einladung.ics");
    let kind = InvitationKind {
        attendees: true,
        cancel: false,
    };
    let written = invitations::write(&mut db, session, kind, &path).expect("written");
    assert_eq!(written.attendees, 0);
    assert_eq!(written.without_email, 0);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(!text.contains("ATTENDEE"));
}
