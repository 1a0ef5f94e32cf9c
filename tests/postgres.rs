//! What only a PostgreSQL server shows: several officers at once, roles the server
//! enforces, the refusal of a foreign or newer database, hearing other officers' changes,
//! and copying a database there and back. The rest of the suite runs against PostgreSQL
//! with `LOTSE_TEST_BACKEND=postgres` (see README). These tests use the server of
//! `tests/common/pg.rs`: `LOTSE_TEST_PG`, else a throwaway server where PostgreSQL is
//! installed, else they say that they were skipped.

mod common;
#[path = "common/pg.rs"]
mod pg;

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use common::{City, city_in, d};
use lotse::Error;
use lotse::i18n::t;
use lotse::model::{AttendanceStatus, Changes, EmployeeInput, People};
use lotse::service::certificates::{self, IssueOptions};
use lotse::service::{self, Database};
use lotse::store::{FixedClock, Read};

/// The test server (`LOTSE_TEST_PG`, else one this test process starts where PostgreSQL
/// is installed), or `None` with a note on how to run these tests.
fn admin() -> Option<String> {
    let url = pg::url();
    if url.is_none() {
        pg::skipped();
    }
    url
}

/// A new, empty database on the server.
fn scratch(admin: &str) -> String {
    lotse::store::scratch_database(admin).expect("scratch database")
}

fn open(url: &str) -> Database {
    Database::open(Path::new(url))
        .expect("open")
        .with_clock(FixedClock::on(d("2026-11-21")))
}

/// Runs SQL on the server outside Lotse, as the user of `url`.
fn try_sql(url: &str, sql: &str) -> Result<(), postgres::Error> {
    let config = postgres::Config::from_str(url).expect("url");
    let mut client = config.connect(postgres::NoTls).expect("connect");
    client.batch_execute(sql)
}

fn admin_sql(url: &str, sql: &str) {
    try_sql(url, sql).expect("sql");
}

/// `url` for another user (no password: the test server trusts local connections).
fn as_user(url: &str, user: &str) -> String {
    let rest = url.split_once('@').map_or(url, |(_, r)| r);
    format!("postgres://{user}@{rest}")
}

#[test]
fn two_officers_issuing_at_once_get_gapless_unique_serials() {
    let Some(admin) = admin() else { return };
    let url = scratch(&admin);
    let City {
        program, employees, ..
    } = city_in(open(&url), 40, 40);
    let (first, second) = employees.split_at(20);
    let officer = |people: Vec<lotse::model::EmployeeId>| {
        let url = url.clone();
        std::thread::spawn(move || {
            let mut db = open(&url);
            for person in people {
                certificates::issue(
                    &mut db,
                    program,
                    &[person],
                    &IssueOptions::on(d("2026-11-21")),
                    &mut |_| true,
                )
                .expect("issue");
            }
        })
    };
    let a = officer(first.to_vec());
    let b = officer(second.to_vec());
    a.join().expect("officer a");
    b.join().expect("officer b");
    let db = open(&url);
    let mut numbers: Vec<u32> = db
        .store()
        .certificates()
        .unwrap()
        .iter()
        .map(|c| c.serial_number)
        .collect();
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=40).collect::<Vec<u32>>());
    let report = service::check::check(&db).unwrap();
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

#[test]
fn a_reader_may_read_but_the_server_refuses_its_writes() {
    let Some(admin) = admin() else { return };
    let url = scratch(&admin);
    let City { store: owner, .. } = city_in(open(&url), 3, 1);
    // Safe to run again.
    service::migrate::setup_roles(&owner).unwrap();
    service::migrate::setup_roles(&owner).unwrap();
    let suffix = url.rsplit('_').next().unwrap_or("x").to_owned();
    let (reader, officer) = (format!("reader_{suffix}"), format!("officer_{suffix}"));
    admin_sql(
        &admin,
        &format!(
            "CREATE ROLE {reader} LOGIN; GRANT lotse_reader TO {reader};
             CREATE ROLE {officer} LOGIN; GRANT lotse_officer TO {officer};"
        ),
    );

    let mut as_reader = open(&as_user(&url, &reader));
    assert!(!as_reader.may_write().unwrap());
    assert_eq!(as_reader.store().employee_count().unwrap(), 3);
    let new = EmployeeInput {
        personnel_number: "9001".into(),
        first_name: "Rita".into(),
        last_name: "Leser".into(),
        ..Default::default()
    };
    let err = service::employees::add(&mut as_reader, &new).unwrap_err();
    assert!(matches!(err, Error::Server(_)), "{err:?}");
    assert_eq!(err.user_message(), t("error-server-no-right"));
    assert_eq!(as_reader.store().employee_count().unwrap(), 3);

    let mut as_officer = open(&as_user(&url, &officer));
    assert!(as_officer.may_write().unwrap());
    service::employees::add(&mut as_officer, &new).unwrap();
    // The audit entry names the database user.
    let last = as_officer.store().audit_entries(1).unwrap();
    assert_eq!(last[0].actor, officer);
    // Officers add to the audit log but cannot remove from it.
    let refused = try_sql(&as_user(&url, &officer), "DELETE FROM audit").unwrap_err();
    assert_eq!(
        refused.code(),
        Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE)
    );
}

#[test]
fn a_foreign_or_newer_database_is_refused_and_left_alone() {
    let Some(admin) = admin() else { return };
    let foreign = scratch(&admin);
    admin_sql(
        &foreign,
        "CREATE TABLE kunden (id bigint); INSERT INTO kunden VALUES (1);",
    );
    let err = Database::open(Path::new(&foreign)).err().expect("refused");
    assert!(matches!(err, Error::NotLotseFile { .. }), "{err:?}");
    assert!(!err.to_string().contains("password"));

    let newer = scratch(&admin);
    drop(open(&newer));
    admin_sql(
        &newer,
        "UPDATE lotse_meta SET value = '99' WHERE key = 'schema_version'",
    );
    let err = Database::open(Path::new(&newer)).err().expect("refused");
    assert!(matches!(err, Error::TooNew { found: 99, .. }), "{err:?}");
}

/// What a listener on `db`'s database hears, from a thread of its own (its `wait`
/// blocks); the thread ends when the listener says its database was closed.
fn hear(db: &Database) -> Receiver<Changes> {
    let mut listener = db.listener().expect("a server database has a listener");
    listener.connect().expect("listen");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        while let Ok(Some(changes)) = listener.wait() {
            if tx.send(changes).is_err() {
                break;
            }
        }
    });
    rx
}

/// The next announcement, within a generous deadline.
fn next(heard: &Receiver<Changes>, what: &str) -> Changes {
    heard
        .recv_timeout(Duration::from_secs(20))
        .unwrap_or_else(|e| panic!("not heard within 20 s: {what} ({e})"))
}

/// That nothing more is announced (what was to come has come by now: announcements
/// arrive in commit order, and the last one expected was heard).
fn nothing_more(heard: &Receiver<Changes>) {
    if let Ok(changes) = heard.recv_timeout(Duration::from_millis(300)) {
        panic!("announced more than expected: {changes:?}");
    }
}

fn person(number: &str, last: &str) -> EmployeeInput {
    EmployeeInput {
        personnel_number: number.into(),
        first_name: "Anna".into(),
        last_name: last.into(),
        ..Default::default()
    }
}

#[test]
fn another_officers_changes_are_heard_with_what_they_changed() {
    let Some(admin) = admin() else { return };
    let url = scratch(&admin);
    let City {
        store: mut anna,
        employees,
        ..
    } = city_in(open(&url), 3, 3);
    let bernd = open(&url);
    let heard = hear(&bernd);

    // Anna marks someone absent: Bernd hears that roster and that person, nothing else.
    let session = service::sessions::list(&anna, &Default::default()).unwrap()[0]
        .session
        .id;
    let row = service::attendance::roster(&anna, session).unwrap()[1].clone();
    service::attendance::set_status(
        &mut anna,
        session,
        &[row.attendance.id],
        AttendanceStatus::Absent,
        None,
    )
    .unwrap();
    let mut want = Changes::default();
    want.attendance_of(session, row.attendance.employee_id);
    assert_eq!(next(&heard, "the attendance save"), want);

    // Anna edits an employee: Bernd hears that employee.
    let edited = employees[2];
    let mut input = person("0003", "Umbenannt");
    input.first_name = "Jürgen".into();
    service::employees::update(&mut anna, edited, &input).unwrap();
    let changes = next(&heard, "the employee edit");
    assert!(changes.employees && !changes.attendance, "{changes:?}");
    assert_eq!(changes.people, People::Some([edited].into()));
    nothing_more(&heard);
}

#[test]
fn ones_own_commits_and_rolled_back_ones_are_not_announced() {
    let Some(admin) = admin() else { return };
    let url = scratch(&admin);
    let mut anna = open(&url);
    let mut bernd = open(&url);
    let heard = hear(&bernd);

    // Bernd's own commit: his app refreshed it already.
    service::employees::add(&mut bernd, &person("1", "Selbst")).unwrap();
    // Anna's transaction writes, then fails: rolled back, it changed nothing.
    let valid = person("2", "Zurückgerollt").validated().unwrap();
    let failed = anna.store_mut().transact(|tx| {
        tx.insert_employee(&valid)?;
        Err::<(), _>(Error::Message("abgebrochen".into()))
    });
    assert!(failed.is_err());
    // Anna's commit: the first thing Bernd hears.
    let added = service::employees::add(&mut anna, &person("3", "Andere")).unwrap();
    let changes = next(&heard, "Anna's commit");
    assert_eq!(changes.people, People::Some([added].into()), "{changes:?}");
    nothing_more(&heard);
    assert_eq!(bernd.store().employee_count().unwrap(), 2);
}

#[test]
fn a_change_too_long_to_announce_arrives_as_everything() {
    let Some(admin) = admin() else { return };
    let url = scratch(&admin);
    let mut anna = open(&url);
    let bernd = open(&url);
    let heard = hear(&bernd);
    // 3,000 people in one transaction (an import): their ids do not fit in the 8000 bytes
    // a notification carries.
    let people: Vec<_> = (1..=3000)
        .map(|i| person(&i.to_string(), "Import").validated().unwrap())
        .collect();
    anna.store_mut()
        .transact(|tx| {
            for p in &people {
                tx.insert_employee(p)?;
            }
            Ok(())
        })
        .unwrap();
    assert_eq!(next(&heard, "the import"), Changes::everything());
    nothing_more(&heard);
}

#[test]
fn a_listener_connects_again_and_stops_when_its_database_closes() {
    let Some(admin) = admin() else { return };
    let url = scratch(&admin);
    let mut anna = open(&url);
    let bernd = open(&url);
    let mut listener = bernd.listener().unwrap();
    assert!(!listener.is_connected());
    listener.connect().unwrap();
    // The listener on a thread: what each `wait` gave; after an error it connects again.
    let (tx, waits) = channel();
    std::thread::spawn(move || {
        loop {
            let result = listener.wait();
            let done = matches!(result, Ok(None));
            if result.is_err() {
                listener.connect().unwrap();
            }
            if tx.send(result.map_err(|e| e.to_string())).is_err() || done {
                break;
            }
        }
    });
    let next = || {
        waits
            .recv_timeout(Duration::from_secs(20))
            .expect("the listener answers within 20 s")
    };
    // The server ends the listening connection (as a restart would): `wait` says so.
    admin_sql(
        &url,
        &format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
              WHERE application_name = '{}' AND datname = current_database()",
            lotse::store::LISTENER_APPLICATION
        ),
    );
    assert!(next().is_err(), "a broken connection is an error");
    // Connected again, it hears the next change.
    let added = service::employees::add(&mut anna, &person("1", "Danach")).unwrap();
    let changes = next().unwrap().expect("a change");
    assert_eq!(changes.people, People::Some([added].into()));
    // Bernd closes his database: his listener stops waiting.
    drop(bernd);
    assert_eq!(next(), Ok(None));
}

/// The server ends the store's own connection (as a restart would): the store notices,
/// connects again as it first did, and goes on — its commits are still not announced to
/// its own listener, and the listener still stops when the store closes.
#[test]
fn a_lost_connection_is_made_again_before_the_next_work() {
    let Some(admin) = admin() else { return };
    let url = scratch(&admin);
    let mut anna = open(&url);
    let mut bernd = open(&url);
    let heard = hear(&bernd);
    assert!(
        !bernd.reconnect_if_lost().unwrap(),
        "a working connection stays"
    );
    bernd.take_changes();
    admin_sql(
        &url,
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE application_name = 'lotse' AND datname = current_database()
            AND pid <> pg_backend_pid()",
    );
    // Anna's connection went too (same application name): both connect again.
    assert!(
        bernd.reconnect_if_lost().unwrap(),
        "the lost connection is noticed"
    );
    assert!(
        bernd.take_changes().all_rosters(),
        "everything counts as changed: what others committed meanwhile went unheard"
    );
    assert!(anna.reconnect_if_lost().unwrap());
    // Bernd's own change is still his own; Anna's is heard.
    service::employees::add(&mut bernd, &person("1", "Eigene")).expect("works again");
    let hers = service::employees::add(&mut anna, &person("2", "Fremde")).unwrap();
    let changes = next(&heard, "Anna's change after the reconnect");
    assert_eq!(changes.people, People::Some([hers].into()));
    nothing_more(&heard);
    drop(bernd);
    assert_eq!(
        heard.recv_timeout(Duration::from_secs(20)),
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected),
        "the listener stopped when Bernd's database closed"
    );
}

#[test]
fn a_database_moves_to_the_server_and_back_unchanged() {
    let Some(admin) = admin() else { return };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("lotse.sqlite");
    let City { store: source, .. } = city_in(
        Database::open(&file)
            .unwrap()
            .with_clock(FixedClock::on(d("2026-11-21"))),
        12,
        5,
    );
    let url = scratch(&admin);
    let there = service::migrate::copy_to(&source, Path::new(&url)).unwrap();
    assert_eq!(there.domain.employees, 12);
    let back: PathBuf = dir.path().join("zurück.sqlite");
    let server = open(&url);
    let again = service::migrate::copy_to(&server, &back).unwrap();
    assert_eq!(again.domain, there.domain);
    // The copies hold the same: the same reports from all three.
    let coverage = |db: &Database| {
        let data = service::reports::load(db).unwrap();
        let options = lotse::report::CoverageOptions::on(d("2026-11-21"));
        format!("{:?}", lotse::report::coverage(&data, &options))
    };
    let returned = open(back.to_str().unwrap());
    assert_eq!(coverage(&source), coverage(&server));
    assert_eq!(coverage(&source), coverage(&returned));
    // A database that holds something is not a target.
    let err = service::migrate::copy_to(&source, Path::new(&url)).unwrap_err();
    assert_eq!(err.user_message(), t("migrate-target-not-empty"));
}
