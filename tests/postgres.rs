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

use common::{City, city_in, d};
use lotse::Error;
use lotse::i18n::t;
use lotse::model::EmployeeInput;
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

#[test]
fn another_officers_change_is_heard_without_asking_the_server() {
    let Some(admin) = admin() else { return };
    let url = scratch(&admin);
    let mine = open(&url);
    let mut theirs = open(&url);
    let before = mine.data_version().unwrap();
    service::employees::add(
        &mut theirs,
        &EmployeeInput {
            personnel_number: "1".into(),
            first_name: "Anna".into(),
            last_name: "Andere".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let heard = (0..100).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(20));
        mine.data_version().unwrap() != before
    });
    assert!(heard, "the other officer's change was not announced");
    // One's own changes are not "another program's".
    let mut me = mine;
    let now = me.data_version().unwrap();
    service::employees::add(
        &mut me,
        &EmployeeInput {
            personnel_number: "2".into(),
            first_name: "Ich".into(),
            last_name: "Selbst".into(),
            ..Default::default()
        },
    )
    .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(100));
    assert_eq!(me.data_version().unwrap(), now);
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
