//! Invitations to a session as calendar files (`.ics`, RFC 5545), for Outlook,
//! Thunderbird and other calendars.
//!
//! One file holds one event in the time zone Europe/Berlin (with its `VTIMEZONE`, which
//! Outlook and Thunderbird expect): the session's local start and end, the seminar as
//! summary, the location (a link for webinars also as `URL`), the organisation as
//! organizer when the settings hold an organizer e-mail address.
//!
//! - **UID** `lotse-session-<id>@<database>.lotse`: the same for a session in every file
//!   written from the same database, so that a calendar replaces its entry instead of
//!   adding a second one. `<database>` is the first 12 hex digits of a SHA-256 over a
//!   fixed label and the database's verification secret (created on first use, as for
//!   certificates): stable, unique per database, and revealing neither the secret nor
//!   anything personal.
//! - **SEQUENCE** is the session's `version` minus 1: the first invitation has 0, every
//!   saved change of the session raises it (a trigger raises `version` on every update),
//!   so a calendar takes the newer file as an update. A cancellation has the next number.
//! - **METHOD** `PUBLISH` for the event alone, `REQUEST` with the participants as
//!   attendees (to send), `CANCEL` with `STATUS:CANCELLED` to withdraw it before the
//!   session is deleted.

use std::path::Path;

use chrono::{DateTime, Local, NaiveDateTime, TimeZone as _, Utc};
use icalendar::{
    Attendee, Calendar, CalendarDateTime, Component, EventLike, EventStatus, PartStat, Property,
    Role,
};
use sha2::{Digest, Sha256};

use crate::error::Result;
use crate::i18n::{Arg, t, ta};
use crate::model::{AttendanceStatus, Field, Seminar, Session, SessionId, check_email};
use crate::service::Database;
use crate::service::settings;
use crate::store::Read;

/// The time zone every session is written in.
pub const TIME_ZONE: &str = "Europe/Berlin";

/// Europe/Berlin as a fixed `VTIMEZONE`: CET (+0100) and CEST (+0200), summer time from
/// the last Sunday of March, 02:00, to the last Sunday of October, 03:00.
const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\n\
TZID:Europe/Berlin\r\n\
X-LIC-LOCATION:Europe/Berlin\r\n\
BEGIN:DAYLIGHT\r\n\
TZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0200\r\n\
TZNAME:CEST\r\n\
DTSTART:19700329T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
END:DAYLIGHT\r\n\
BEGIN:STANDARD\r\n\
TZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0100\r\n\
TZNAME:CET\r\n\
DTSTART:19701025T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
END:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// What kind of calendar file to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct InvitationKind {
    /// With the participants (registered, attended, partial) who have an e-mail address
    /// as attendees: `METHOD:REQUEST`, to send. Without: `METHOD:PUBLISH`.
    pub attendees: bool,
    /// A cancellation (`METHOD:CANCEL`, `STATUS:CANCELLED`, the next sequence number).
    pub cancel: bool,
}

/// One participant invited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitee {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
}

/// Everything a calendar file is made from, as plain values.
#[derive(Debug, Clone, PartialEq)]
pub struct Invitation {
    pub uid: String,
    pub session: Session,
    pub seminar: Seminar,
    /// The organisation's name (organizer's display name); may be empty.
    pub organisation: String,
    /// The organizer's address; `None` writes no `ORGANIZER`.
    pub organizer_email: Option<String>,
    pub invitees: Vec<Invitee>,
    pub kind: InvitationKind,
    /// When the file is made (`DTSTAMP`).
    pub stamp: DateTime<Utc>,
}

impl Invitation {
    /// The `SEQUENCE`: the session's version minus 1 (at least 0), one more to cancel.
    pub fn sequence(&self) -> u32 {
        let base = u32::try_from(self.session.version.saturating_sub(1)).unwrap_or(0);
        base + u32::from(self.kind.cancel)
    }

    /// `PUBLISH`, `REQUEST` or `CANCEL`.
    pub fn method(&self) -> &'static str {
        if self.kind.cancel {
            "CANCEL"
        } else if self.kind.attendees {
            "REQUEST"
        } else {
            "PUBLISH"
        }
    }
}

/// The calendar file's text (CRLF line endings, lines folded at 75 octets).
pub fn calendar_text(inv: &Invitation) -> String {
    let seminar = &inv.seminar;
    let session = &inv.session;
    let location = session.location.trim();
    let link = is_link(location).then_some(location);

    let mut event = icalendar::Event::new();
    event
        .uid(&inv.uid)
        .sequence(inv.sequence())
        .timestamp(inv.stamp)
        .summary(&summary(seminar))
        .starts(berlin(session.starts_at))
        .ends(berlin(session.ends_at))
        .status(if inv.kind.cancel {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        });
    let description = description(seminar, session, link);
    if !description.is_empty() {
        event.description(&description);
    }
    if !location.is_empty() {
        event.location(location);
    }
    if let Some(link) = link {
        event.url(link);
    }
    if let Some(email) = &inv.organizer_email {
        let mut organizer = Property::new("ORGANIZER", format!("mailto:{email}"));
        let name = parameter_text(&inv.organisation);
        if !name.is_empty() {
            organizer.add_parameter("CN", &name);
        }
        event.append_property(organizer);
    }
    if inv.kind.attendees {
        for person in &inv.invitees {
            event.attendee(
                Attendee::new(format!("mailto:{}", person.email))
                    .cn(parameter_text(&format!(
                        "{}, {}",
                        person.last_name, person.first_name
                    )))
                    .role(Role::ReqParticipant)
                    .partstat(PartStat::NeedsAction)
                    .rsvp(true),
            );
        }
    }

    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", "-//Lotse//Lotse//DE"))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", inv.method()))
        .push(event.done());
    let text = calendar.to_string();
    // The crate writes no VTIMEZONE (and would add DTSTAMP and UID to any component of
    // its own): the fixed one goes in front of the event.
    match text.find("BEGIN:VEVENT\r\n") {
        Some(at) => format!("{}{VTIMEZONE}{}", &text[..at], &text[at..]),
        None => text,
    }
}

/// "Title (CODE)".
fn summary(seminar: &Seminar) -> String {
    let title = seminar.title.trim();
    let code = seminar.code.trim();
    if code.is_empty() {
        title.to_owned()
    } else {
        format!("{title} ({code})")
    }
}

/// The seminar's description, its provider and trainer, and the link to join.
fn description(seminar: &Seminar, session: &Session, link: Option<&str>) -> String {
    let mut parts = Vec::new();
    let text = seminar.description.trim();
    if !text.is_empty() {
        parts.push(text.to_owned());
    }
    let mut facts = Vec::new();
    for (field, value) in [
        (Field::Provider, seminar.provider.trim()),
        (Field::Trainer, session.trainer.trim()),
    ] {
        if !value.is_empty() {
            facts.push(format!("{}: {value}", field.label()));
        }
    }
    if let Some(link) = link {
        facts.push(format!("{}: {link}", t("ics-link")));
    }
    if !facts.is_empty() {
        parts.push(facts.join("\n"));
    }
    parts.join("\n\n")
}

/// A local wall-clock time in Europe/Berlin.
fn berlin(at: NaiveDateTime) -> CalendarDateTime {
    CalendarDateTime::WithTimezone {
        date_time: at,
        tzid: TIME_ZONE.to_owned(),
    }
}

/// Whether a location is a web address (a webinar's link).
fn is_link(location: &str) -> bool {
    let lower = location.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !location.chars().any(char::is_whitespace)
}

/// A text for a parameter value: without double quotes and line breaks, which a
/// parameter cannot hold.
fn parameter_text(value: &str) -> String {
    value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .filter(|&c| c != '"')
        .collect::<String>()
        .trim()
        .to_owned()
}

/// What was written, for the message to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Written {
    /// Participants written as attendees.
    pub attendees: usize,
    /// Participants left out because they have no e-mail address.
    pub without_email: usize,
    /// Whether the file names an organizer (the settings hold an organizer address).
    pub organizer: bool,
}

/// The invitation for a session as plain values, read from the database (creating the
/// database's verification secret if there is none yet, for the UID). Participants are
/// those registered, attended or partly attended; those without an e-mail address are
/// counted in the second value.
pub fn invitation(
    db: &mut Database,
    id: SessionId,
    kind: InvitationKind,
) -> Result<(Invitation, usize)> {
    let stamp = utc(db.store().clock().now());
    let store = db.store_mut();
    let secret = store.transact(super::certificates::secret_in)?;
    let (session, seminar) = super::sessions::with_seminar(&*store, id)?;
    let organisation = store.setting(settings::ORGANISATION)?.unwrap_or_default();
    let organizer_email = store
        .setting(settings::ORGANIZER_EMAIL)?
        .map(|e| e.trim().to_owned())
        .filter(|e| check_email(e));
    let mut invitees = Vec::new();
    let mut without_email = 0;
    if kind.attendees {
        for row in store.attendance_of_session(id)? {
            if !matches!(
                row.attendance.status,
                AttendanceStatus::Registered
                    | AttendanceStatus::Attended
                    | AttendanceStatus::Partial
            ) {
                continue;
            }
            let email = store
                .employee(row.attendance.employee_id)?
                .and_then(|e| e.email)
                .map(|e| e.trim().to_owned())
                .filter(|e| check_email(e));
            match email {
                Some(email) => invitees.push(Invitee {
                    first_name: row.first_name,
                    last_name: row.last_name,
                    email,
                }),
                None => without_email += 1,
            }
        }
    }
    let uid = format!("lotse-session-{}@{}.lotse", id.0, database_tag(&secret));
    Ok((
        Invitation {
            uid,
            session,
            seminar,
            organisation,
            organizer_email,
            invitees,
            kind,
            stamp,
        },
        without_email,
    ))
}

/// Writes the calendar file for a session to `path` (whole or not at all) and says what
/// it holds.
pub fn write(
    db: &mut Database,
    id: SessionId,
    kind: InvitationKind,
    path: &Path,
) -> Result<Written> {
    let (invitation, without_email) = invitation(db, id, kind)?;
    crate::files::write_private(path, calendar_text(&invitation).as_bytes())?;
    log::info!(
        "calendar file for session {id} written: method {}, sequence {}, {} attendees, {} without e-mail",
        invitation.method(),
        invitation.sequence(),
        invitation.invitees.len(),
        without_email
    );
    Ok(Written {
        attendees: invitation.invitees.len(),
        without_email,
        organizer: invitation.organizer_email.is_some(),
    })
}

/// 12 hex digits that name the database in UIDs, from its secret.
fn database_tag(secret: &[u8]) -> String {
    let mut hash = Sha256::new();
    hash.update(b"lotse calendar uid\0");
    hash.update(secret);
    hash.finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The store's local wall-clock time in UTC.
fn utc(local: NaiveDateTime) -> DateTime<Utc> {
    Local
        .from_local_datetime(&local)
        .earliest()
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_else(|| local.and_utc())
}

/// What the user is told after a calendar file was written to `path`: where it is, how
/// many participants it invites and how many were left out for want of an e-mail
/// address, and that invitations need an organizer address in the settings.
pub fn written_message(path: &Path, kind: InvitationKind, written: &Written) -> String {
    let file = Arg::from(path.display().to_string());
    let mut parts = vec![if kind.cancel {
        ta("ics-written-cancel", &[("file", file)])
    } else {
        ta("ics-written-invitation", &[("file", file)])
    }];
    if kind.attendees {
        parts.push(ta(
            "ics-attendees",
            &[("count", Arg::from(written.attendees))],
        ));
        if written.without_email > 0 {
            parts.push(ta(
                "ics-without-email",
                &[("count", Arg::from(written.without_email))],
            ));
        }
    }
    if !written.organizer {
        parts.push(t("ics-no-organizer"));
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{EmployeeInput, SeminarFormat, SeminarId, SeminarInput, SessionInput};
    use crate::service::{attendance, employees, seminars, sessions};
    use crate::store::FixedClock;

    fn at(day: u32, hour: u32, minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 3, day)
            .and_then(|d| d.and_hms_opt(hour, minute, 0))
            .expect("date-time")
    }

    fn seminar() -> Seminar {
        Seminar {
            id: SeminarId(3),
            code: "DS-01".into(),
            title: "Datenschutz für Einsteiger – Grundlagen der DSGVO in der Praxis der Verwaltung"
                .into(),
            description: "Überblick über Rechte, Pflichten; Beispiele, Übungen.".into(),
            provider: "Kommunale Akademie".into(),
            format: SeminarFormat::InPerson,
            default_hours: 6.0,
            topic: "Datenschutz".into(),
            archived: false,
            version: 1,
        }
    }

    fn sample(kind: InvitationKind, location: &str, version: i64) -> Invitation {
        Invitation {
            uid: "lotse-session-7@0123456789ab.lotse".into(),
            session: Session {
                id: SessionId(7),
                seminar_id: SeminarId(3),
                starts_at: at(10, 9, 0),
                ends_at: at(10, 16, 30),
                location: location.into(),
                trainer: "Jürgen Weiß".into(),
                capacity: None,
                version,
            },
            seminar: seminar(),
            organisation: "Stadt Münster, Personalamt".into(),
            organizer_email: Some("fortbildung@stadt.de".into()),
            invitees: vec![Invitee {
                first_name: "Zoë".into(),
                last_name: "Müller-Lüdenscheidt".into(),
                email: "zoe@stadt.de".into(),
            }],
            kind,
            stamp: Utc
                .with_ymd_and_hms(2026, 3, 1, 8, 0, 0)
                .single()
                .expect("stamp"),
        }
    }

    /// The logical lines: unfolded (a CRLF followed by a space continues the line).
    fn lines(text: &str) -> Vec<String> {
        text.replace("\r\n ", "")
            .split("\r\n")
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn lines_end_in_crlf_and_fold_at_75_octets() {
        let text = calendar_text(&sample(InvitationKind::default(), "Rathaus, Raum 101", 1));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "a bare LF");
        let raw: Vec<&str> = text.split("\r\n").collect();
        assert!(
            raw.iter().all(|l| l.len() <= 75),
            "a line longer than 75 octets"
        );
        assert!(
            raw.iter().any(|l| l.starts_with(' ')),
            "the long summary is folded"
        );
        let lines = lines(&text);
        assert!(lines.contains(&"METHOD:PUBLISH".to_owned()));
        assert!(lines.contains(&"DTSTART;TZID=Europe/Berlin:20260310T090000".to_owned()));
        assert!(lines.contains(&"DTEND;TZID=Europe/Berlin:20260310T163000".to_owned()));
        assert!(lines.contains(&"DTSTAMP:20260301T080000Z".to_owned()));
        assert!(lines.contains(&"SEQUENCE:0".to_owned()));
        assert!(lines.contains(&"STATUS:CONFIRMED".to_owned()));
        assert!(lines.contains(&"LOCATION:Rathaus\\, Raum 101".to_owned()));
        assert!(lines.contains(
            &"ORGANIZER;CN=\"Stadt Münster, Personalamt\":mailto:fortbildung@stadt.de".to_owned()
        ));
        assert!(!lines.iter().any(|l| l.starts_with("URL:")));
        assert!(
            !lines.iter().any(|l| l.starts_with("ATTENDEE")),
            "no attendees asked for"
        );
        // The time zone comes before the event, once.
        let tz = text.find("BEGIN:VTIMEZONE").expect("VTIMEZONE");
        assert!(tz < text.find("BEGIN:VEVENT").expect("VEVENT"));
        assert_eq!(text.matches("BEGIN:VTIMEZONE").count(), 1);
        assert!(lines.contains(&"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU".to_owned()));
        assert!(lines.contains(&"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU".to_owned()));
    }

    #[test]
    fn umlauts_stay_intact_and_the_summary_names_the_code() {
        let text = calendar_text(&sample(InvitationKind::default(), "Bürgerbüro", 1));
        let lines = lines(&text);
        assert!(lines.contains(
            &"SUMMARY:Datenschutz für Einsteiger – Grundlagen der DSGVO in der Praxis der Verwaltung (DS-01)"
                .to_owned()
        ));
        assert!(lines.contains(&"LOCATION:Bürgerbüro".to_owned()));
        let description = lines
            .iter()
            .find(|l| l.starts_with("DESCRIPTION:"))
            .expect("description");
        assert!(description.contains("Überblick über Rechte\\, Pflichten\\; Beispiele"));
        assert!(description.contains("Kommunale Akademie"));
        assert!(description.contains("Jürgen Weiß"));
    }

    #[test]
    fn a_link_as_location_is_also_the_url_and_in_the_description() {
        let link = "https://meet.stadt.de/ds-01?pwd=abc";
        let text = calendar_text(&sample(InvitationKind::default(), link, 1));
        let lines = lines(&text);
        assert!(lines.contains(&format!("URL:{link}")));
        assert!(lines.contains(&format!("LOCATION:{link}")));
        let description = lines
            .iter()
            .find(|l| l.starts_with("DESCRIPTION:"))
            .expect("description");
        assert!(description.contains(link));
    }

    #[test]
    fn attendees_make_a_request_and_a_cancel_has_the_next_sequence() {
        let request = calendar_text(&sample(
            InvitationKind {
                attendees: true,
                cancel: false,
            },
            "Raum 1",
            3,
        ));
        let lines_request = lines(&request);
        assert!(lines_request.contains(&"METHOD:REQUEST".to_owned()));
        assert!(lines_request.contains(&"SEQUENCE:2".to_owned()));
        assert!(lines_request.iter().any(|l| l.starts_with("ATTENDEE")
            && l.contains("CN=\"Müller-Lüdenscheidt, Zoë\"")
            && l.contains("ROLE=REQ-PARTICIPANT")
            && l.contains("PARTSTAT=NEEDS-ACTION")
            && l.contains("RSVP=TRUE")
            && l.ends_with(":mailto:zoe@stadt.de")));

        let cancel = calendar_text(&sample(
            InvitationKind {
                attendees: true,
                cancel: true,
            },
            "Raum 1",
            3,
        ));
        let lines_cancel = lines(&cancel);
        assert!(lines_cancel.contains(&"METHOD:CANCEL".to_owned()));
        assert!(lines_cancel.contains(&"STATUS:CANCELLED".to_owned()));
        assert!(lines_cancel.contains(&"SEQUENCE:3".to_owned()));
        assert!(lines_cancel.iter().any(|l| l.starts_with("ATTENDEE")));
    }

    #[test]
    fn without_an_organizer_address_there_is_no_organizer_line() {
        let mut inv = sample(InvitationKind::default(), "Raum 1", 1);
        inv.organizer_email = None;
        assert!(!calendar_text(&inv).contains("ORGANIZER"));
    }

    /// A database with a seminar, a past session (10.03.2026) and five participants: two
    /// registered/attended with e-mail, one partial without, one absent and one excused.
    fn database() -> (Database, SessionId) {
        let mut db = Database::open_in_memory()
            .expect("database")
            .with_clock(FixedClock::on(
                NaiveDate::from_ymd_opt(2026, 3, 15).expect("day"),
            ));
        let seminar = seminars::add(
            &mut db,
            &SeminarInput {
                code: "DS-01".into(),
                title: "Datenschutz".into(),
                description: String::new(),
                provider: "Akademie".into(),
                format: SeminarFormat::InPerson,
                default_hours: 6.0,
                topic: "Datenschutz".into(),
            },
        )
        .expect("seminar");
        let session = sessions::add(
            &mut db,
            &SessionInput {
                seminar_id: seminar,
                starts_at: at(10, 9, 0),
                ends_at: at(10, 15, 0),
                location: "Rathaus".into(),
                trainer: String::new(),
                capacity: None,
            },
        )
        .expect("session");
        let people = [
            ("1", "Anna", "Ärger", "anna@stadt.de", None),
            (
                "2",
                "Bernd",
                "Brandt",
                "bernd@stadt.de",
                Some(AttendanceStatus::Attended),
            ),
            ("3", "Carla", "Cramer", "", Some(AttendanceStatus::Partial)),
            (
                "4",
                "Dirk",
                "Dorn",
                "dirk@stadt.de",
                Some(AttendanceStatus::Absent),
            ),
            (
                "5",
                "Eva",
                "Engel",
                "eva@stadt.de",
                Some(AttendanceStatus::Excused),
            ),
        ];
        for (number, first, last, email, status) in people {
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
            attendance::add_participants(&mut db, session, &[id]).expect("add");
            if let Some(status) = status {
                let row = db
                    .store()
                    .roster(session)
                    .expect("roster")
                    .into_iter()
                    .find(|a| a.employee_id == id)
                    .expect("row");
                let hours = (status == AttendanceStatus::Partial).then_some(3.0);
                attendance::set_status(&mut db, session, &[row.id], status, hours).expect("status");
            }
        }
        (db, session)
    }

    #[test]
    fn attendees_are_the_participants_with_an_e_mail_address() {
        let (mut db, session) = database();
        let kind = InvitationKind {
            attendees: true,
            cancel: false,
        };
        let (inv, without_email) = invitation_of(&mut db, session, kind);
        let emails: Vec<&str> = inv.invitees.iter().map(|p| p.email.as_str()).collect();
        assert_eq!(emails, ["anna@stadt.de", "bernd@stadt.de"]);
        assert_eq!(without_email, 1, "Carla (partial) has no address");
        let text = calendar_text(&inv);
        assert_eq!(text.matches("ATTENDEE").count(), 2);
        assert!(
            lines(&text)
                .iter()
                .any(|l| l.contains("CN=\"Ärger, Anna\""))
        );
    }

    fn invitation_of(
        db: &mut Database,
        session: SessionId,
        kind: InvitationKind,
    ) -> (Invitation, usize) {
        invitation(db, session, kind).expect("invitation")
    }

    #[test]
    fn the_uid_is_stable_and_the_sequence_grows_with_every_saved_change() {
        let (mut db, session) = database();
        let kind = InvitationKind::default();
        let (first, _) = invitation_of(&mut db, session, kind);
        let (again, _) = invitation_of(&mut db, session, kind);
        assert_eq!(first.uid, again.uid);
        assert!(
            first
                .uid
                .starts_with(&format!("lotse-session-{}@", session.0))
                && first.uid.ends_with(".lotse"),
            "{}",
            first.uid
        );
        assert_eq!(first.sequence(), 0);
        assert_eq!(again.sequence(), 0);

        let mut input = first.session.input();
        input.location = "Rathaus, Saal 2".into();
        sessions::update(&mut db, session, &input, true).expect("update");
        let (changed, _) = invitation_of(&mut db, session, kind);
        assert_eq!(changed.uid, first.uid);
        assert_eq!(changed.sequence(), 1);
        assert!(lines(&calendar_text(&changed)).contains(&"SEQUENCE:1".to_owned()));
        let (cancel, _) = invitation_of(
            &mut db,
            session,
            InvitationKind {
                attendees: false,
                cancel: true,
            },
        );
        assert_eq!(cancel.sequence(), 2);

        // Another database gives another UID to its session of the same id.
        let (mut other, other_session) = database();
        assert_eq!(other_session, session);
        let (foreign, _) = invitation_of(&mut other, other_session, kind);
        assert_ne!(foreign.uid, first.uid);
    }

    #[test]
    fn an_implausible_organizer_address_is_refused() {
        let (mut db, _) = database();
        assert!(settings::set_organizer_email(&mut db, "fortbildung at stadt").is_err());
        settings::set_organizer_email(&mut db, " fortbildung@stadt.de ").expect("saved");
        assert_eq!(
            settings::organizer_email(&db).expect("read").as_deref(),
            Some("fortbildung@stadt.de")
        );
    }
}
