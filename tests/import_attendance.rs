//! Importing a provider's participant list into a session: matching by personnel number,
//! e-mail and name, unresolved rows and the user's resolutions, rejected rows,
//! all-or-nothing commit, updates of existing roster entries, file formats, the command line.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::{NaiveDate, NaiveDateTime};
use lotse::i18n::{Lang, set_thread_language};
use lotse::model::{
    AttendanceInput, AttendanceStatus, DepartmentId, DepartmentInput, EmployeeId, EmployeeInput,
    SeminarFormat, SeminarInput, SessionId, SessionInput,
};
use lotse::service;
use lotse::service::Database;
use lotse::service::import_attendance::{
    self as imp, MatchedBy, Preview, Problem, Reason, Resolution, Resolutions,
};
use lotse::store::{FixedClock, Read};
use predicates::prelude::*;

fn date(s: &str) -> NaiveDate {
    s.parse().expect("valid date")
}

fn at(day: &str, hour: u32) -> NaiveDateTime {
    date(day).and_hms_opt(hour, 0, 0).expect("valid time")
}

/// A small administration on 1 June 2026 (messages in German):
/// Hauptamt (10) with Personal (10.1), Bauamt (60), Kämmerei (20); two "Anna Schmidt",
/// a leaver; the seminar DF-101 with a past session (3 March, 9–13 h) and a future one.
struct City {
    store: Database,
    past: SessionId,
    future: SessionId,
    ids: Vec<(String, EmployeeId)>,
}

impl City {
    fn id(&self, pnr: &str) -> EmployeeId {
        self.ids
            .iter()
            .find(|(p, _)| p == pnr)
            .map(|(_, id)| *id)
            .unwrap_or_else(|| panic!("no employee {pnr}"))
    }

    /// (personnel number, status, hours, note) of the session's roster, by personnel number.
    fn roster(&self, session: SessionId) -> Vec<(String, AttendanceStatus, f64, String)> {
        let mut rows: Vec<_> = self
            .store
            .store()
            .attendance_of_session(session)
            .expect("roster")
            .into_iter()
            .map(|r| {
                (
                    r.personnel_number,
                    r.attendance.status,
                    r.attendance.hours,
                    r.attendance.note,
                )
            })
            .collect();
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        rows
    }

    fn counts(&self) -> (i64, i64) {
        (
            self.store.store().attendance_count().expect("count"),
            self.store.store().audit_count().expect("count"),
        )
    }

    fn preview(&self, text: &str) -> Preview {
        imp::preview_bytes(&self.store, self.past, "teilnehmer.csv", text.as_bytes())
            .expect("file readable")
    }

    fn record(&mut self, pnr: &str, status: AttendanceStatus, hours: f64, note: &str) {
        let input = AttendanceInput {
            session_id: self.past,
            employee_id: self.id(pnr),
            status,
            hours,
            note: note.into(),
        };
        self.store
            .store_mut()
            .transact(|tx| tx.insert_attendance(&input))
            .expect("attendance recorded");
    }
}

fn city() -> City {
    set_thread_language(Lang::De);
    let store = Database::open_scratch()
        .expect("in-memory store")
        .with_clock(FixedClock::on(date("2026-06-01")));
    city_in(store)
}

fn city_in(mut store: Database) -> City {
    let department = |store: &mut Database, code: &str, name: &str, parent| {
        service::departments::add(
            store,
            &DepartmentInput {
                code: code.into(),
                name: name.into(),
                parent_id: parent,
            },
        )
        .expect("department added")
    };
    let ha = department(&mut store, "10", "Hauptamt", None);
    let per = department(&mut store, "10.1", "Personal", Some(ha));
    let ba = department(&mut store, "60", "Bauamt", None);
    let kaem = department(&mut store, "20", "Kämmerei", None);
    let people: [(&str, &str, &str, DepartmentId, &str); 7] = [
        ("1001", "Jürgen", "Weiß", per, "j.weiss@porta-westfalica.de"),
        (
            "1002",
            "Bärbel",
            "Müller",
            ha,
            "b.mueller@porta-westfalica.de",
        ),
        (
            "1003",
            "Sören",
            "Özdemir",
            ba,
            "s.oezdemir@porta-westfalica.de",
        ),
        (
            "1004",
            "Anna",
            "Schmidt",
            ba,
            "anna.schmidt@porta-westfalica.de",
        ),
        (
            "1005",
            "Anna",
            "Schmidt",
            kaem,
            "a.schmidt@porta-westfalica.de",
        ),
        ("1006", "Łukasz", "Nowak", ba, "l.nowak@porta-westfalica.de"),
        ("1007", "Hans-Peter", "Strauß", kaem, ""),
    ];
    let mut ids = Vec::new();
    for (pnr, first, last, dept, email) in people {
        let id = service::employees::add(
            &mut store,
            &EmployeeInput {
                personnel_number: pnr.into(),
                first_name: first.into(),
                last_name: last.into(),
                email: email.into(),
                department_id: Some(dept),
                ..Default::default()
            },
        )
        .expect("employee added");
        ids.push((pnr.to_owned(), id));
    }
    let nowak = ids[5].1;
    service::employees::set_exit(&mut store, nowak, Some(date("2020-01-31"))).expect("leaver");
    let (past, future) = store
        .store_mut()
        .transact(|tx| {
            let seminar = tx.insert_seminar(&SeminarInput {
                code: "DF-101".into(),
                title: "Grundlagen der digitalen Verwaltung".into(),
                provider: "krz DigiFit-Akademie".into(),
                format: SeminarFormat::Webinar,
                default_hours: 4.0,
                ..Default::default()
            })?;
            let session = |start, end| SessionInput {
                seminar_id: seminar,
                starts_at: start,
                ends_at: end,
                location: String::new(),
                trainer: String::new(),
                capacity: None,
            };
            let past = tx.insert_session(&session(at("2026-03-03", 9), at("2026-03-03", 13)))?;
            let future = tx.insert_session(&session(at("2026-09-10", 9), at("2026-09-10", 12)))?;
            Ok((past, future))
        })
        .expect("sessions");
    City {
        store,
        past,
        future,
        ids,
    }
}

fn no_resolutions() -> Resolutions {
    Resolutions::new()
}

/// (line, personnel number, status, hours) of the rows a plan adds.
fn added(
    preview: &Preview,
    resolutions: &Resolutions,
) -> Vec<(usize, String, AttendanceStatus, f64)> {
    preview
        .plan_with(resolutions)
        .added
        .iter()
        .map(|r| {
            (
                r.line,
                r.employee.personnel_number.clone(),
                r.status,
                r.hours,
            )
        })
        .collect()
}

#[test]
fn rows_are_matched_by_personnel_number_with_status_and_hours() {
    let mut city = city();
    let preview = city.preview(
        "Personalnummer;Nachname;Vorname;Status;Stunden\n\
         1001;Weiß;Jürgen;teilgenommen;\n\
         1003;Özdemir;Sören;entschuldigt;\n\
         1002;Müller;Bärbel;teilweise;2,5\n\
         1007;Strauss;H.;;\n",
    );
    assert!(
        preview.is_ready(&no_resolutions()),
        "{:#?}",
        preview.describe_lines()
    );
    use AttendanceStatus::*;
    assert_eq!(
        added(&preview, &no_resolutions()),
        [
            (2, "1001".into(), Attended, 4.0),
            (3, "1003".into(), Excused, 0.0),
            (4, "1002".into(), Partial, 2.5),
            (5, "1007".into(), Attended, 4.0),
        ]
    );
    assert!(
        preview
            .plan()
            .added
            .iter()
            .all(|r| r.matched_by == MatchedBy::PersonnelNumber)
    );
    let lines = preview.describe_lines().join("\n");
    assert!(
        lines.contains(
            "Termin: DF-101 „Grundlagen der digitalen Verwaltung“, 03.03.2026, 09:00–13:00 (4 Std.)"
        ),
        "{lines}"
    );
    assert!(
        lines.contains("Zeile 2: 1001 Jürgen Weiß (10.1) – teilgenommen, 4 Std."),
        "{lines}"
    );
    assert!(
        lines.contains("Zeile 3: 1003 Sören Özdemir (60) – entschuldigt"),
        "{lines}"
    );
    assert!(
        lines.contains("Zeile 4: 1002 Bärbel Müller (10) – teilweise teilgenommen, 2,5 Std."),
        "{lines}"
    );

    let (attendance, audit) = city.counts();
    let summary = imp::commit(&mut city.store, &preview, &no_resolutions()).expect("committed");
    assert_eq!(
        (summary.added, summary.updated, summary.unchanged),
        (4, 0, 0)
    );
    assert_eq!(
        city.roster(city.past),
        [
            ("1001".into(), Attended, 4.0, String::new()),
            ("1002".into(), Partial, 2.5, String::new()),
            ("1003".into(), Excused, 0.0, String::new()),
            ("1007".into(), Attended, 4.0, String::new()),
        ]
    );
    assert_eq!(
        city.counts(),
        (attendance + 4, audit + 5),
        "one entry per row plus the summary"
    );
    let entries = city.store.store().audit_entries(5).expect("audit");
    assert_eq!(entries[0].entity, "import");
    assert!(
        entries[0]
            .summary
            .contains(&format!("session {}", city.past.0)),
        "{:?}",
        entries[0]
    );
    let weiss = entries
        .iter()
        .find(|e| e.entity == "attendance" && e.summary.contains("personnel number 1001"))
        .expect("an audit entry for 1001");
    assert!(weiss.summary.contains(&format!("session {}", city.past.0)));
    assert_eq!(weiss.action, "add");
    assert!(summary.describe().contains("4 neu auf der Teilnehmerliste"));
}

#[test]
fn a_webinar_export_with_only_e_mail_and_name() {
    let mut city = city();
    // A video-conference attendee report: a summary block above, the attendee list below;
    // display names that match nobody, e-mail addresses in any case.
    let text = "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\n\
                912 3456 7890,DigiFit Grundlagen,03/03/2026 08:55:12 AM,03/03/2026 01:02:40 PM,host@krz.de,248,4\n\
                \n\
                Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n\
                Jürgen (Stadt Porta),J.Weiss@Porta-Westfalica.de,03/03/2026 08:58:01 AM,03/03/2026 01:00:00 PM,242,No\n\
                Bärbel M.,b.mueller@porta-westfalica.de,03/03/2026 09:01:00 AM,03/03/2026 01:00:00 PM,239,No\n\
                Sören Özdemir,soeren.privat@example.org,03/03/2026 09:10:00 AM,03/03/2026 12:00:00 PM,170,Yes\n\
                Gast 4711,gast4711@example.org,03/03/2026 09:10:00 AM,03/03/2026 12:00:00 PM,170,Yes\n";
    let preview = city.preview(text);
    assert_eq!(preview.header_line, 4);
    assert!(preview.ignored_columns.contains(&"Join Time".to_owned()));
    let plan = preview.plan();
    let matched: Vec<_> = plan
        .added
        .iter()
        .map(|r| (r.line, r.employee.personnel_number.as_str(), r.matched_by))
        .collect();
    assert_eq!(
        matched,
        [
            (5, "1001", MatchedBy::Email),
            (6, "1002", MatchedBy::Email),
            // An unknown address: the name decides.
            (7, "1003", MatchedBy::Name),
        ]
    );
    assert_eq!(plan.unresolved.len(), 1);
    assert_eq!(plan.unresolved[0].line, 8);
    assert_eq!(plan.unresolved[0].problem, Problem::NoMatch);
    assert!(plan.unresolved[0].candidates.is_empty());
    let lines = preview.describe_lines().join("\n");
    assert!(lines.contains("(erkannt an der E-Mail-Adresse)"), "{lines}");
    assert!(
        lines.contains("Zeile 8: „Gast 4711, gast4711@example.org“ – Niemand passt dazu."),
        "{lines}"
    );

    let skip: Resolutions = [(8, Resolution::Skip)].into();
    let summary = imp::commit(&mut city.store, &preview, &skip).expect("committed");
    assert_eq!((summary.added, summary.skipped), (3, 1));
}

#[test]
fn names_match_across_umlaut_spellings_orders_and_hyphens() {
    let city = city();
    let preview = city.preview(
        "Teilnehmer:in;Abteilung\n\
         Weiss, Juergen;\n\
         Soeren   Oezdemir;Bauamt\n\
         MUELLER, BAERBEL;10\n\
         Hans Peter Strauss;\n\
         Strauß, Hans-Peter;Kämmerei\n",
    );
    let plan = preview.plan();
    let matched: Vec<_> = plan
        .added
        .iter()
        .map(|r| (r.line, r.employee.personnel_number.as_str(), r.matched_by))
        .collect();
    assert_eq!(
        matched,
        [
            (2, "1001", MatchedBy::Name),
            (3, "1003", MatchedBy::Name),
            (4, "1002", MatchedBy::Name),
        ]
    );
    // Lines 5 and 6 both mean Hans-Peter Strauß: the same person twice is never imported.
    assert_eq!(plan.rejected.len(), 2);
    for row in &plan.rejected {
        assert!(
            matches!(&row.reasons[..], [Reason::DuplicateInFile { lines, .. }] if lines == &[5, 6]),
            "{row:?}"
        );
    }
    // A department given narrows the name but must fit.
    let preview = city.preview("Vorname;Nachname;Abteilung\nJürgen;Weiß;Bauamt\n");
    assert_eq!(
        preview.unresolved()[0].problem,
        Problem::OtherDepartment("Bauamt".into())
    );
    // A parent unit counts: Weiß works in Personal, below Hauptamt.
    let preview = city.preview("Vorname;Nachname;Abteilung\nJürgen;Weiß;Hauptamt\n");
    assert_eq!(preview.plan().added.len(), 1);
}

#[test]
fn two_anna_schmidt_are_never_guessed_the_user_resolves() {
    let mut city = city();
    let text = "Nachname,Vorname,E-Mail\nSchmidt,Anna,\nWeiß,Jürgen,\n";
    let preview = city.preview(text);
    let unresolved = preview.unresolved();
    assert_eq!(unresolved.len(), 1);
    assert_eq!(unresolved[0].line, 2);
    assert_eq!(unresolved[0].problem, Problem::Ambiguous);
    let candidates: Vec<_> = unresolved[0]
        .candidates
        .iter()
        .map(|c| c.personnel_number.as_str())
        .collect();
    assert_eq!(candidates, ["1004", "1005"]);
    let lines = preview.describe_lines().join("\n");
    assert!(
        lines.contains("Zeile 2: „Anna Schmidt“ – 2 Beschäftigte passen dazu."),
        "{lines}"
    );
    assert!(
        lines.contains("– 1004 Anna Schmidt, Bauamt (60), anna.schmidt@porta-westfalica.de"),
        "{lines}"
    );
    assert!(
        lines.contains("– 1005 Anna Schmidt, Kämmerei (20), a.schmidt@porta-westfalica.de"),
        "{lines}"
    );

    // Without a resolution nothing is written.
    assert!(!preview.is_ready(&no_resolutions()));
    let before = city.counts();
    let err = imp::commit(&mut city.store, &preview, &no_resolutions())
        .expect_err("an unresolved row refuses the commit")
        .user_message();
    assert!(err.contains("Nicht zugeordnet: 1"), "{err}");
    assert!(err.contains("Zeile 2"), "{err}");
    assert_eq!(city.counts(), before);

    let choice: Resolutions = [(2, Resolution::Employee(city.id("1005")))].into();
    assert!(preview.is_ready(&choice));
    let plan = preview.plan_with(&choice);
    assert_eq!(plan.added[0].matched_by, MatchedBy::User);
    let summary = imp::commit(&mut city.store, &preview, &choice).expect("committed");
    assert_eq!(summary.added, 2);
    let pnrs: Vec<_> = city.roster(city.past).into_iter().map(|r| r.0).collect();
    assert_eq!(pnrs, ["1001", "1005"]);

    // A department in the file tells them apart on its own.
    let preview = city.preview("Nachname;Vorname;OE\nSchmidt;Anna;60\n");
    assert_eq!(preview.plan().added[0].employee.personnel_number, "1004");
}

#[test]
fn an_unknown_person_is_unresolved_and_a_skip_imports_the_rest() {
    let mut city = city();
    let preview = city
        .preview("Name;E-Mail\nMaria Unbekannt;maria@example.org\nJürgen Weiß;\nAnne Schmidt;\n");
    let unresolved: Vec<_> = preview
        .unresolved()
        .iter()
        .map(|r| (r.line, r.problem.clone(), r.candidates.len()))
        .collect();
    // "Anne Schmidt" fits nobody exactly; people with the same last name and initial are offered.
    assert_eq!(
        unresolved,
        [(2, Problem::NoMatch, 0), (4, Problem::NoMatch, 2)]
    );
    let lines = preview.describe_lines().join("\n");
    assert!(
        lines.contains("Niemand passt genau; ähnliche Namen:"),
        "{lines}"
    );

    let before = city.counts();
    let only_one_skipped: Resolutions = [(2, Resolution::Skip)].into();
    assert!(!preview.is_ready(&only_one_skipped));
    assert!(imp::commit(&mut city.store, &preview, &only_one_skipped).is_err());
    assert_eq!(city.counts(), before);

    let skips: Resolutions = [(2, Resolution::Skip), (4, Resolution::Skip)].into();
    let lines = preview.describe_lines_with(&skips).join("\n");
    assert!(lines.contains("Übersprungene Zeilen: 2, 4"), "{lines}");
    let summary = imp::commit(&mut city.store, &preview, &skips).expect("committed");
    assert_eq!((summary.added, summary.skipped), (1, 2));
    assert_eq!(city.roster(city.past)[0].0, "1001");
}

#[test]
fn one_bad_row_means_nothing_is_written() {
    let mut city = city();
    let preview = city.preview("Personalnummer;Stunden\n1001;4\n1002;vier\n1003;3\n");
    let plan = preview.plan();
    assert_eq!(plan.added.len(), 2);
    assert_eq!(plan.rejected.len(), 1);
    assert_eq!(plan.rejected[0].line, 3);
    assert_eq!(
        plan.rejected[0].reasons,
        [Reason::InvalidHours("vier".into())]
    );
    let lines = preview.describe_lines().join("\n");
    assert!(
        lines.contains("Zeile 3: „Pers.-Nr. 1002“ – Ungültige Stundenzahl „vier“"),
        "{lines}"
    );
    assert!(!preview.is_ready(&no_resolutions()));
    let before = city.counts();
    let err = imp::commit(&mut city.store, &preview, &no_resolutions())
        .expect_err("refused")
        .user_message();
    assert!(err.contains("nichts wurde gespeichert"), "{err}");
    assert!(err.contains("„vier“"), "{err}");
    assert_eq!(
        city.counts(),
        before,
        "neither attendance nor audit entries"
    );
}

#[test]
fn every_kind_of_bad_value_is_rejected_with_its_reason() {
    let city = city();
    let preview = city.preview(
        "Personalnummer;Status;Stunden\n\
         1001;vielleicht;\n\
         1002;teilweise;\n\
         1003;entschuldigt;2\n\
         1004;teilgenommen;5\n\
         1005;teilgenommen;-1\n\
         ;teilgenommen;2\n",
    );
    let rejected: Vec<_> = preview
        .plan()
        .rejected
        .iter()
        .map(|r| (r.line, r.reasons.clone()))
        .collect();
    assert_eq!(
        rejected,
        [
            (2, vec![Reason::UnknownStatus("vielleicht".into())]),
            (3, vec![Reason::PartialWithoutHours]),
            (
                4,
                vec![Reason::HoursNotCredited {
                    status: AttendanceStatus::Excused,
                    hours: 2.0
                }]
            ),
            (
                5,
                vec![Reason::TooManyHours {
                    hours: 5.0,
                    max: 4.0
                }]
            ),
            (6, vec![Reason::InvalidHours("-1".into())]),
            (7, vec![Reason::NoPerson]),
        ]
    );
    let lines = preview.describe_lines().join("\n");
    for text in [
        "Unbekannter Status „vielleicht“",
        "Bei „teilweise teilgenommen“ muss die Zahl der Stunden angegeben sein.",
        "Bei „entschuldigt“ werden keine Stunden angerechnet (angegeben: 2).",
        "5 Stunden sind mehr, als der Termin dauert (4 Std.).",
        "Die Zeile nennt niemanden",
    ] {
        assert!(lines.contains(text), "{text} missing in\n{lines}");
    }
}

#[test]
fn the_same_person_twice_in_the_file_is_rejected_until_one_line_is_skipped() {
    let mut city = city();
    let preview = city.preview(
        "Personalnummer;Name;Vorname\n1001;Weiß;Jürgen\n1002;Müller;Bärbel\n;Weiss;Juergen\n",
    );
    let rejected: Vec<_> = preview
        .plan()
        .rejected
        .iter()
        .map(|r| (r.line, r.reasons.clone()))
        .collect();
    let twice = Reason::DuplicateInFile {
        employee: "1001 Jürgen Weiß (10.1)".into(),
        lines: vec![2, 4],
    };
    assert_eq!(rejected, [(2, vec![twice.clone()]), (4, vec![twice])]);
    let lines = preview.describe_lines().join("\n");
    assert!(
        lines.contains("1001 Jürgen Weiß (10.1) steht mehrfach in der Datei (Zeilen 2, 4)."),
        "{lines}"
    );
    let before = city.counts();
    assert!(imp::commit(&mut city.store, &preview, &no_resolutions()).is_err());
    assert_eq!(city.counts(), before);

    // Choosing the same person for an unresolved row is caught the same way.
    let preview = city.preview("Nachname;Vorname\nWeiß;Jürgen\nSchmidt;Anna\n");
    let same: Resolutions = [(3, Resolution::Employee(city.id("1001")))].into();
    assert!(!preview.is_ready(&same));
    assert_eq!(preview.plan_with(&same).rejected.len(), 2);

    let skip: Resolutions = [(4, Resolution::Skip)].into();
    let preview = city.preview(
        "Personalnummer;Name;Vorname\n1001;Weiß;Jürgen\n1002;Müller;Bärbel\n;Weiss;Juergen\n",
    );
    let summary = imp::commit(&mut city.store, &preview, &skip).expect("committed");
    assert_eq!((summary.added, summary.skipped), (2, 1));
}

#[test]
fn existing_roster_entries_are_updated_and_a_second_import_changes_nothing() {
    use AttendanceStatus::*;
    let mut city = city();
    city.record("1001", Registered, 0.0, "");
    city.record("1002", Attended, 3.0, "");
    city.record("1003", Attended, 3.0, "früher gegangen");
    city.record("1004", Partial, 2.0, "");
    let text = "Personalnummer;Status;Stunden;Bemerkung\n\
                1001;teilgenommen;;\n\
                1002;;;\n\
                1003;abwesend;;\n\
                1004;;;\n\
                1007;;;Nachholtermin\n";
    let preview = city.preview(text);
    let plan = preview.plan();
    let updated: Vec<_> = plan
        .updated
        .iter()
        .map(|r| {
            (
                r.line,
                r.employee.personnel_number.as_str(),
                r.status,
                r.hours,
            )
        })
        .collect();
    assert_eq!(
        updated,
        [(2, "1001", Attended, 4.0), (4, "1003", Absent, 0.0)]
    );
    // A blank status keeps an entry marked attended or partial, with its hours.
    let unchanged: Vec<_> = plan.unchanged.iter().map(|r| r.line).collect();
    assert_eq!(unchanged, [3, 5]);
    assert_eq!(
        added(&preview, &no_resolutions()),
        [(6, "1007".into(), Attended, 4.0)]
    );
    let lines = preview.describe_lines().join("\n");
    assert!(
        lines.contains("Zeile 2: 1001 Jürgen Weiß (10.1) – angemeldet → teilgenommen, 4 Std."),
        "{lines}"
    );
    assert!(
        lines.contains(
            "Zeile 4: 1003 Sören Özdemir (60) – teilgenommen, 3 Std., Bemerkung „früher gegangen“ \
             → nicht erschienen, Bemerkung „früher gegangen“"
        ),
        "{lines}"
    );

    let (_, audit) = city.counts();
    let summary = imp::commit(&mut city.store, &preview, &no_resolutions()).expect("committed");
    assert_eq!(
        (summary.added, summary.updated, summary.unchanged),
        (1, 2, 2)
    );
    assert_eq!(
        city.roster(city.past),
        [
            ("1001".into(), Attended, 4.0, String::new()),
            ("1002".into(), Attended, 3.0, String::new()),
            ("1003".into(), Absent, 0.0, "früher gegangen".into()),
            ("1004".into(), Partial, 2.0, String::new()),
            ("1007".into(), Attended, 4.0, "Nachholtermin".into()),
        ]
    );
    assert_eq!(
        city.counts().1,
        audit + 4,
        "two edits, one add, one summary"
    );
    let edits = city
        .store
        .store()
        .audit_entries(4)
        .expect("audit")
        .into_iter()
        .filter(|e| e.entity == "attendance" && e.action == "edit")
        .count();
    assert_eq!(edits, 2);

    // The same file again: everything is already so, nothing is written.
    let again = city.preview(text);
    assert_eq!(again.plan().unchanged.len(), 5);
    let before = city.counts();
    let summary = imp::commit(&mut city.store, &again, &no_resolutions()).expect("committed");
    assert_eq!(summary.unchanged, 5);
    assert_eq!(city.counts(), before);
}

#[test]
fn a_stale_preview_is_planned_again_at_commit() {
    let mut city = city();
    let preview = city.preview("Personalnummer\n1001\n");
    assert_eq!(preview.plan().added.len(), 1);
    // Meanwhile someone puts Weiß on the roster by hand.
    city.record("1001", AttendanceStatus::Registered, 0.0, "");
    let summary = imp::commit(&mut city.store, &preview, &no_resolutions()).expect("committed");
    assert_eq!((summary.added, summary.updated), (0, 1));
    assert_eq!(city.roster(city.past)[0].1, AttendanceStatus::Attended);
}

#[test]
fn personnel_number_and_e_mail_of_different_people_are_a_conflict() {
    let city = city();
    let preview =
        city.preview("Personalnummer;E-Mail\n1001;B.Mueller@porta-westfalica.de\n9999;\n");
    let unresolved: Vec<_> = preview
        .unresolved()
        .iter()
        .map(|r| {
            let pnrs: Vec<_> = r
                .candidates
                .iter()
                .map(|c| c.personnel_number.clone())
                .collect();
            (r.line, r.problem.clone(), pnrs)
        })
        .collect();
    assert_eq!(
        unresolved,
        [
            (
                2,
                Problem::Conflict,
                vec!["1001".to_owned(), "1002".to_owned()]
            ),
            (3, Problem::UnknownPersonnelNumber("9999".into()), vec![]),
        ]
    );
    let lines = preview.describe_lines().join("\n");
    assert!(
        lines.contains("Personalnummer und E-Mail-Adresse gehören zu verschiedenen Personen."),
        "{lines}"
    );
    assert!(
        lines.contains("Die Personalnummer 9999 gibt es nicht."),
        "{lines}"
    );
}

#[test]
fn a_leaver_is_shown_as_such_and_cannot_be_recorded() {
    let mut city = city();
    let preview = city.preview("Personalnummer;Name\n1006;Nowak\n;Łukasz Nowak\n");
    let problems: Vec<_> = preview
        .unresolved()
        .iter()
        .map(|r| (r.line, r.problem.clone(), r.candidates.len()))
        .collect();
    assert_eq!(
        problems,
        [(2, Problem::NotEmployed, 1), (3, Problem::NotEmployed, 1)]
    );
    let lines = preview.describe_lines().join("\n");
    assert!(
        lines.contains("1006 Łukasz Nowak, Bauamt (60), l.nowak@porta-westfalica.de, ausgeschieden am 31.01.2020"),
        "{lines}"
    );
    assert!(
        lines.contains("Passend ist nur, wer zur Zeit des Termins nicht beschäftigt war."),
        "{lines}"
    );
    // Choosing the leaver anyway is refused, as the roster refuses them.
    let chosen: Resolutions = [
        (2, Resolution::Employee(city.id("1006"))),
        (3, Resolution::Skip),
    ]
    .into();
    let plan = preview.plan_with(&chosen);
    assert_eq!(
        plan.rejected[0].reasons,
        [Reason::NotEmployed("1006 Łukasz Nowak (60)".into())]
    );
    let before = city.counts();
    assert!(imp::commit(&mut city.store, &preview, &chosen).is_err());
    assert_eq!(city.counts(), before);
}

#[test]
fn windows_1252_semicolon_csv() {
    let mut city = city();
    let text = "Teilnahmeliste DigiFit – Grundlagen\r\n\
                Personalnummer;Nachname;Vorname;Organisationseinheit;Status;Stunden;Bemerkung\r\n\
                1001;Weiß;Jürgen;Personal;teilgenommen;3,5;„pünktlich“\r\n\
                ;Özdemir;Sören;Bauamt;entschuldigt;;Krankheit\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the test file must not be UTF-8"
    );
    let preview =
        imp::preview_bytes(&city.store, city.past, "Liste.CSV", &bytes).expect("readable");
    assert_eq!(preview.header_line, 2);
    let lines = preview.describe_lines().join("\n");
    assert!(lines.contains("windows-1252"), "{lines}");
    assert!(lines.contains("Trennzeichen „;“"), "{lines}");
    assert!(preview.is_ready(&no_resolutions()), "{lines}");
    imp::commit(&mut city.store, &preview, &no_resolutions()).expect("committed");
    use AttendanceStatus::*;
    assert_eq!(
        city.roster(city.past),
        [
            ("1001".into(), Attended, 3.5, "„pünktlich“".into()),
            ("1003".into(), Excused, 0.0, "Krankheit".into()),
        ]
    );
}

#[test]
fn xlsx_with_number_cells_and_a_title_row() {
    use rust_xlsxwriter::Workbook;
    let mut city = city();
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Teilnehmende").expect("sheet name");
    sheet
        .write_string(0, 0, "Teilnahmeliste 03.03.2026")
        .expect("cell");
    for (col, header) in [
        "Pers.-Nr.",
        "Teilnehmer:in",
        "E-Mail",
        "Anwesenheit",
        "Std.",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(2, col as u16, *header).expect("cell");
    }
    sheet.write_number(3, 0, 1002.0).expect("cell");
    sheet.write_string(3, 1, "Müller, Bärbel").expect("cell");
    sheet.write_string(3, 3, "teilweise").expect("cell");
    sheet.write_number(3, 4, 2.5).expect("cell");
    sheet.write_string(4, 1, "Özdemir, Sören").expect("cell");
    sheet
        .write_string(4, 2, "S.Oezdemir@porta-westfalica.de")
        .expect("cell");
    sheet.write_string(4, 3, "no-show").expect("cell");
    sheet.write_string(5, 1, "Weiß, Jürgen").expect("cell");
    sheet.write_number(5, 4, 4.0).expect("cell");
    let bytes = workbook.save_to_buffer().expect("xlsx written");

    let preview =
        imp::preview_bytes(&city.store, city.past, "liste.xlsx", &bytes).expect("readable");
    assert_eq!(preview.header_line, 3);
    assert!(preview.describe_lines()[0].contains("Arbeitsblatt „Teilnehmende“"));
    use AttendanceStatus::*;
    assert_eq!(
        added(&preview, &no_resolutions()),
        [
            (4, "1002".into(), Partial, 2.5),
            (5, "1003".into(), Absent, 0.0),
            (6, "1001".into(), Attended, 4.0),
        ]
    );
    let by: Vec<_> = preview.plan().added.iter().map(|r| r.matched_by).collect();
    assert_eq!(
        by,
        [
            MatchedBy::PersonnelNumber,
            MatchedBy::Email,
            MatchedBy::Name
        ]
    );
    imp::commit(&mut city.store, &preview, &no_resolutions()).expect("committed");
    assert_eq!(city.roster(city.past).len(), 3);
}

#[test]
fn xlsx_personnel_numbers_match_with_and_without_leading_zeros() {
    use rust_xlsxwriter::{Format, Workbook};
    let mut city = city();
    service::employees::add(
        &mut city.store,
        &EmployeeInput {
            personnel_number: "004711".into(),
            first_name: "Jana".into(),
            last_name: "Kowalski".into(),
            ..Default::default()
        },
    )
    .expect("employee added");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (col, header) in ["Pers.-Nr.", "Teilnehmer:in", "Anwesenheit"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *header).expect("cell");
    }
    // A number cell lost the zeros of "004711".
    sheet.write_number(1, 0, 4711.0).expect("cell");
    sheet.write_string(1, 1, "Kowalski, Jana").expect("cell");
    sheet.write_string(1, 2, "anwesend").expect("cell");
    // A text cell with zeros the stored "1002" does not have.
    sheet
        .write_string_with_format(2, 0, "001002", &Format::new().set_num_format("@"))
        .expect("cell");
    sheet.write_string(2, 1, "Müller, Bärbel").expect("cell");
    sheet.write_string(2, 2, "anwesend").expect("cell");
    let bytes = workbook.save_to_buffer().expect("xlsx written");

    let preview =
        imp::preview_bytes(&city.store, city.past, "liste.xlsx", &bytes).expect("readable");
    use AttendanceStatus::*;
    assert_eq!(
        added(&preview, &no_resolutions()),
        [
            (2, "004711".into(), Attended, 4.0),
            (3, "1002".into(), Attended, 4.0),
        ]
    );
    let by: Vec<_> = preview.plan().added.iter().map(|r| r.matched_by).collect();
    assert_eq!(by, [MatchedBy::PersonnelNumber, MatchedBy::PersonnelNumber]);
    imp::commit(&mut city.store, &preview, &no_resolutions()).expect("committed");
    assert_eq!(city.roster(city.past).len(), 2);
}

#[test]
fn a_future_session_takes_only_registrations_and_apologies() {
    let mut city = city();
    let text = "Personalnummer;Status\n1001;teilgenommen\n1002;angemeldet\n1003;entschuldigt\n";
    let preview =
        imp::preview_bytes(&city.store, city.future, "a.csv", text.as_bytes()).expect("readable");
    let plan = preview.plan();
    assert_eq!(plan.rejected.len(), 1);
    assert_eq!(plan.rejected[0].line, 2);
    assert_eq!(plan.added.len(), 2);
    assert!(matches!(
        plan.rejected[0].reasons[..],
        [Reason::NotYetHeld {
            status: AttendanceStatus::Attended,
            ..
        }]
    ));
    let lines = preview.describe_lines().join("\n");
    assert!(
        lines.contains("Der Termin hat noch nicht stattgefunden (er beginnt am 10.09.2026)"),
        "{lines}"
    );
    let before = city.counts();
    assert!(imp::commit(&mut city.store, &preview, &no_resolutions()).is_err());
    assert_eq!(city.counts(), before);

    // A registration list without a status column registers everyone.
    let text = "Personalnummer\n1001\n1002\n";
    let preview =
        imp::preview_bytes(&city.store, city.future, "a.csv", text.as_bytes()).expect("readable");
    imp::commit(&mut city.store, &preview, &no_resolutions()).expect("committed");
    let statuses: Vec<_> = city
        .roster(city.future)
        .into_iter()
        .map(|r| (r.1, r.2))
        .collect();
    assert_eq!(statuses, [(AttendanceStatus::Registered, 0.0); 2]);
}

#[test]
fn files_without_identifying_columns_and_unknown_sessions_are_errors() {
    let city = city();
    let err = imp::preview_bytes(&city.store, city.past, "a.csv", b"Stunden;Status\n4;ja\n")
        .expect_err("nobody identifiable")
        .user_message();
    assert!(
        err.contains("fehlt eine Spalte, an der die Teilnehmenden zu erkennen sind"),
        "{err}"
    );
    let err = imp::preview_bytes(
        &city.store,
        SessionId(999),
        "a.csv",
        b"Personalnummer\n1001\n",
    )
    .expect_err("no such session")
    .user_message();
    assert_eq!(err, "Den Termin mit der Nummer 999 gibt es nicht.");
}

#[test]
fn a_preview_can_move_to_a_background_thread() {
    fn assert_send_clone<T: Send + Clone + 'static>(_: &T) {}
    let city = city();
    let preview = city.preview("Personalnummer\n1001\n");
    assert_send_clone(&preview);
}

// --- The command line -------------------------------------------------------------

fn lotse(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("lotse").expect("binary");
    cmd.env_remove("LOTSE_DB")
        .env("LOTSE_LANG", "de")
        .env("LOTSE_TODAY", "2026-06-01")
        .arg("--db")
        .arg(db);
    cmd
}

/// The small administration in a database file; returns its path and the past session's id.
fn city_file(dir: &Path) -> (PathBuf, SessionId) {
    let path = dir.join("lotse.sqlite");
    let store = Database::open(&path).expect("database file");
    let city = city_in(store);
    (path, city.past)
}

#[test]
fn cli_refuses_an_ambiguous_list_then_imports_the_fixed_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (db, session) = city_file(dir.path());
    let file = dir.path().join("teilnehmer.csv");
    std::fs::write(
        &file,
        "Nachname;Vorname;Stunden\nSchmidt;Anna;\nWeiß;Jürgen;3\n",
    )
    .expect("file");
    let session_arg = session.0.to_string();
    lotse(&db)
        .args(["import", "attendance"])
        .arg(&file)
        .args(["--session", &session_arg])
        .assert()
        .failure()
        .stdout(predicate::str::contains(
            "Zeile 2: „Anna Schmidt“ – 2 Beschäftigte passen dazu.",
        ))
        .stdout(predicate::str::contains("1004 Anna Schmidt, Bauamt (60)"))
        .stdout(predicate::str::contains("1005 Anna Schmidt, Kämmerei (20)"))
        .stderr(predicate::str::contains("Nichts wurde gespeichert"))
        .stderr(predicate::str::contains("Personalnummer"));
    assert_eq!(
        Database::open(&db)
            .expect("db")
            .store()
            .attendance_count()
            .expect("count"),
        0
    );

    // The user adds the personnel number.
    std::fs::write(
        &file,
        "Personalnummer;Nachname;Vorname;Stunden\n1005;Schmidt;Anna;\n;Weiß;Jürgen;3\n",
    )
    .expect("file");
    lotse(&db)
        .args(["import", "attendance"])
        .arg(&file)
        .args(["--session", &session_arg, "--dry-run"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Zeile 2: 1005 Anna Schmidt (20) – teilgenommen, 4 Std.",
        ))
        .stdout(predicate::str::contains("Probelauf"));
    assert_eq!(
        Database::open(&db)
            .expect("db")
            .store()
            .attendance_count()
            .expect("count"),
        0
    );

    lotse(&db)
        .args(["import", "attendance"])
        .arg(&file)
        .args(["--session", &session_arg])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Import abgeschlossen: 2 neu auf der Teilnehmerliste",
        ));
    let store = Database::open(&db).expect("db");
    let roster: Vec<_> = store
        .store()
        .attendance_of_session(session)
        .expect("roster")
        .into_iter()
        .map(|r| (r.personnel_number, r.attendance.hours))
        .collect();
    assert_eq!(roster, [("1005".to_owned(), 4.0), ("1001".to_owned(), 3.0)]);
}

#[test]
fn cli_fails_for_an_unknown_session_and_a_bad_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (db, session) = city_file(dir.path());
    let file = dir.path().join("liste.csv");
    std::fs::write(&file, "Personalnummer;Stunden\n1001;4\n1002;vier\n").expect("file");
    lotse(&db)
        .args(["import", "attendance"])
        .arg(&file)
        .args(["--session", "999"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "Den Termin mit der Nummer 999 gibt es nicht.",
        ));
    lotse(&db)
        .args(["import", "attendance"])
        .arg(&file)
        .args(["--session", &session.0.to_string()])
        .assert()
        .failure()
        .stdout(predicate::str::contains("Ungültige Stundenzahl „vier“"));
    let store = Database::open(&db).expect("db");
    assert_eq!(store.store().attendance_count().expect("count"), 0);
    Command::cargo_bin("lotse")
        .expect("binary")
        .env("LOTSE_LANG", "en")
        .args(["import", "attendance", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("participant list"))
        .stdout(predicate::str::contains("The session's number"));
}

#[test]
fn a_thousand_rows_against_ten_thousand_employees_are_quick() {
    let mut city = city();
    city.store
        .store_mut()
        .transact(|tx| {
            for i in 0..10_000 {
                let employee = EmployeeInput {
                    personnel_number: format!("P{i:05}"),
                    first_name: format!("Vorname{}", i % 97),
                    last_name: format!("Müller{i}"),
                    email: format!("person{i}@porta-westfalica.de"),
                    ..Default::default()
                }
                .validated()?;
                tx.insert_employee(&employee)?;
            }
            Ok(())
        })
        .expect("employees");
    let mut text = String::from("Teilnehmer:in;E-Mail;Stunden\n");
    for i in 0..1_000 {
        // Every third row by e-mail, the others by name ("Mueller12, Vorname12").
        if i % 3 == 0 {
            text.push_str(&format!(";PERSON{i}@porta-westfalica.de;3\n"));
        } else {
            text.push_str(&format!("Mueller{i}, Vorname{};;\n", i % 97));
        }
    }
    text.push_str("Schmidt, Anna;;\n");
    let started = std::time::Instant::now();
    let preview = city.preview(&text);
    let built = started.elapsed();
    assert_eq!(preview.plan().added.len(), 1_000);
    assert_eq!(preview.unresolved().len(), 1);

    // What the app does on every choice the user makes.
    let started = std::time::Instant::now();
    let skip: Resolutions = [(1_002, Resolution::Skip)].into();
    assert!(preview.is_ready(&skip));
    let replanned = started.elapsed();

    let started = std::time::Instant::now();
    let summary = imp::commit(&mut city.store, &preview, &skip).expect("committed");
    let committed = started.elapsed();
    assert_eq!(summary.added, 1_000);
    assert!(built.as_secs_f64() < 5.0, "preview took {built:?}");
    assert!(
        replanned.as_secs_f64() < 0.5,
        "re-planning took {replanned:?}"
    );
    assert!(committed.as_secs_f64() < 10.0, "commit took {committed:?}");
    eprintln!("preview {built:?}, re-plan {replanned:?}, commit {committed:?}");
}

#[test]
fn a_full_attendance_credits_what_the_seminar_is_worth_not_the_wall_clock() {
    let mut city = city();
    // A two-day course: 9:00 on Monday to 17:00 on Tuesday is 32 hours on the clock.
    let session = city
        .store
        .store_mut()
        .transact(|tx| {
            let seminar = tx.insert_seminar(&SeminarInput {
                code: "CM-200".into(),
                title: "Changemanagement kompakt".into(),
                format: SeminarFormat::InPerson,
                default_hours: 16.0,
                ..Default::default()
            })?;
            tx.insert_session(&SessionInput {
                seminar_id: seminar,
                starts_at: at("2026-04-13", 9),
                ends_at: at("2026-04-14", 17),
                location: String::new(),
                trainer: String::new(),
                capacity: None,
            })
        })
        .expect("session");
    let text = "Personalnummer;Stunden\n1001;\n1002;20\n";
    let preview =
        imp::preview_bytes(&city.store, session, "a.csv", text.as_bytes()).expect("readable");
    assert!((preview.default_hours() - 16.0).abs() < 1e-9);
    use AttendanceStatus::*;
    assert_eq!(
        added(&preview, &no_resolutions()),
        [
            (2, "1001".into(), Attended, 16.0),
            (3, "1002".into(), Attended, 20.0)
        ]
    );
    let lines = preview.describe_lines().join("\n");
    assert!(
        lines.contains("Termin: CM-200 „Changemanagement kompakt“, 13.04.–14.04.2026 (32 Std.)"),
        "{lines}"
    );
}
