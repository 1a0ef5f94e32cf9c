//! The audit log: filters, keyset paging at 100,000 entries, labels, CSV and XLSX
//! exports, and `lotse audit list|export` end to end.

mod common;

use common::lotse;

use std::io::Cursor;
use std::path::PathBuf;
use std::time::Instant;

use calamine::{Data, Reader};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use lotse::i18n::{self, Lang};
use lotse::model::{EmployeeId, EmployeeInput, Salutation};
use lotse::service::Database;
use lotse::service::{self, audit as log};
use lotse::store::{AuditFilter, FixedClock, Read};
use predicates::prelude::*;

use common::d;

const USERS: [&str; 3] = ["anna", "bernd", "carla"];
const KINDS: [&str; 5] = [
    "employee",
    "attendance",
    "certificate",
    "session",
    "setting",
];
const ACTIONS: [&str; 3] = ["add", "edit", "issue"];
/// An employee id nobody has (an erased person's entries keep it).
const GONE: i64 = 999_999;

/// What the test wrote into the audit table, to compute the expected answers from.
#[derive(Debug, Clone)]
struct Entry {
    id: i64,
    at: NaiveDateTime,
    actor: String,
    entity: String,
    action: String,
    employee_id: Option<i64>,
}

struct Db {
    _dir: tempfile::TempDir,
    path: PathBuf,
    /// Anna Weiß (1001), Bärbel Müller (1002), Sören Özdemir (1003).
    employees: Vec<EmployeeId>,
    /// Every audit entry, oldest first.
    entries: Vec<Entry>,
}

impl Db {
    fn store(&self) -> Database {
        Database::open(&self.path)
            .unwrap()
            .with_clock(FixedClock::on(d("2026-11-21")))
    }

    /// The ids of the entries `keep` admits, newest first.
    fn expected(&self, keep: impl Fn(&Entry) -> bool) -> Vec<i64> {
        self.entries
            .iter()
            .rev()
            .filter(|e| keep(e))
            .map(|e| e.id)
            .collect()
    }
}

/// A database file with three employees (added through the service, each with its audit
/// entry) and `n` more audit entries written in one raw batch: one every 7 minutes from
/// 1 January 2024, by three users, of five kinds and three actions; employee entries
/// concern one of the three, or a person who no longer exists.
fn db_with_entries(n: usize) -> Db {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lotse.sqlite");
    let mut employees = Vec::new();
    {
        let mut store = Database::open(&path)
            .unwrap()
            .with_clock(FixedClock::on(d("2026-11-21")));
        for (pnr, first, last) in [
            ("1001", "Anna", "Weiß"),
            ("1002", "Bärbel", "Müller"),
            ("1003", "Sören", "Özdemir"),
        ] {
            employees.push(
                service::employees::add(
                    &mut store,
                    &EmployeeInput {
                        personnel_number: pnr.into(),
                        first_name: first.into(),
                        last_name: last.into(),
                        salutation: Salutation::Neutral,
                        ..Default::default()
                    },
                )
                .unwrap(),
            );
        }
    }
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    let tx = conn.transaction().unwrap();
    {
        let mut stmt = tx
            .prepare(
                "INSERT INTO audit (at, actor, entity, entity_id, action, summary, employee_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .unwrap();
        let start = d("2024-01-01").and_hms_opt(0, 0, 0).unwrap();
        for i in 0..n {
            let at = start + Duration::minutes(7 * i as i64);
            let entity = KINDS[i % KINDS.len()];
            let about_someone = matches!(entity, "employee" | "attendance" | "certificate");
            let employee = about_someone.then(|| {
                if i % 11 == 0 {
                    GONE
                } else {
                    employees[i % 3].0
                }
            });
            stmt.execute(rusqlite::params![
                at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                USERS[i % 3],
                entity,
                i as i64,
                ACTIONS[(i / 5) % 3],
                format!("entry {i}"),
                employee,
            ])
            .unwrap();
        }
    }
    tx.commit().unwrap();
    let mut stmt = conn
        .prepare("SELECT id, at, actor, entity, action, employee_id FROM audit ORDER BY id")
        .unwrap();
    let entries = stmt
        .query_map([], |r| {
            let at: String = r.get(1)?;
            Ok(Entry {
                id: r.get(0)?,
                at: NaiveDateTime::parse_from_str(&at, "%Y-%m-%dT%H:%M:%S").unwrap(),
                actor: r.get(2)?,
                entity: r.get(3)?,
                action: r.get(4)?,
                employee_id: r.get(5)?,
            })
        })
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    drop(stmt);
    Db {
        _dir: dir,
        path,
        employees,
        entries,
    }
}

/// Every entry `filter` admits, paged through `page` at a time: the ids, newest first.
fn page_through(store: &Database, filter: &AuditFilter, page: usize) -> Vec<i64> {
    let mut ids = Vec::new();
    let mut before = None;
    loop {
        let rows = log::page(store, filter, before, page).unwrap();
        assert!(rows.len() <= page);
        ids.extend(rows.iter().map(|r| r.id));
        match rows.last() {
            Some(last) if rows.len() == page => before = Some(last.id),
            _ => break,
        }
    }
    ids
}

#[test]
fn each_filter_narrows_to_exactly_its_entries() {
    let db = db_with_entries(3_000);
    let store = db.store();
    let anna = db.employees[0].0;
    // Carla's entries about someone are about Sören (both follow the entry number).
    let soeren = db.employees[2].0;
    let check = |filter: AuditFilter, keep: &dyn Fn(&Entry) -> bool| {
        let expected = db.expected(keep);
        assert!(!expected.is_empty(), "{filter:?} admits nothing");
        assert!(expected.len() < db.entries.len(), "{filter:?} admits all");
        assert_eq!(page_through(&store, &filter, 97), expected, "{filter:?}");
        assert_eq!(
            log::count(&store, &filter).unwrap(),
            expected.len() as i64,
            "{filter:?}"
        );
    };
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    check(
        AuditFilter {
            from: Some(day("2024-01-05")),
            ..AuditFilter::default()
        },
        &|e| e.at.date() >= day("2024-01-05"),
    );
    // "to" includes the whole day.
    check(
        AuditFilter {
            to: Some(day("2024-01-05")),
            ..AuditFilter::default()
        },
        &|e| e.at.date() <= day("2024-01-05"),
    );
    check(
        AuditFilter {
            from: Some(day("2024-01-03")),
            to: Some(day("2024-01-03")),
            ..AuditFilter::default()
        },
        &|e| e.at.date() == day("2024-01-03"),
    );
    check(
        AuditFilter {
            entity: Some("certificate".into()),
            ..AuditFilter::default()
        },
        &|e| e.entity == "certificate",
    );
    check(
        AuditFilter {
            action: Some("issue".into()),
            ..AuditFilter::default()
        },
        &|e| e.action == "issue",
    );
    check(
        AuditFilter {
            actor: Some("bernd".into()),
            ..AuditFilter::default()
        },
        &|e| e.actor == "bernd",
    );
    check(
        AuditFilter {
            employee_id: Some(anna),
            ..AuditFilter::default()
        },
        &|e| e.employee_id == Some(anna),
    );
    // An erased person's entries are still found by the id they recorded.
    check(
        AuditFilter {
            employee_id: Some(GONE),
            ..AuditFilter::default()
        },
        &|e| e.employee_id == Some(GONE),
    );
    // All together.
    check(
        AuditFilter {
            from: Some(day("2024-01-02")),
            to: Some(day("2024-01-10")),
            entity: Some("attendance".into()),
            action: Some("issue".into()),
            employee_id: Some(soeren),
            actor: Some("carla".into()),
        },
        &|e| {
            e.at.date() >= day("2024-01-02")
                && e.at.date() <= day("2024-01-10")
                && e.entity == "attendance"
                && e.action == "issue"
                && e.employee_id == Some(soeren)
                && e.actor == "carla"
        },
    );
    // No filter: everything, the three service entries included.
    assert_eq!(
        page_through(&store, &AuditFilter::default(), 500),
        db.expected(|_| true)
    );
    assert_eq!(
        log::count(&store, &AuditFilter::default()).unwrap(),
        store.store().audit_count().unwrap()
    );
    // A filter nothing passes.
    let nobody = AuditFilter {
        actor: Some("nobody".into()),
        ..AuditFilter::default()
    };
    assert!(log::page(&store, &nobody, None, 10).unwrap().is_empty());
    assert_eq!(log::count(&store, &nobody).unwrap(), 0);
}

#[test]
fn rows_name_the_employee_while_their_record_exists() {
    let db = db_with_entries(50);
    let store = db.store();
    let rows = log::page(&store, &AuditFilter::default(), None, 1000).unwrap();
    assert_eq!(rows.len(), 53);
    // The oldest three: the service added the employees.
    let first = &rows[52];
    assert_eq!(
        (first.entity.as_str(), first.action.as_str()),
        ("employee", "add")
    );
    assert_eq!(first.employee_id, Some(db.employees[0].0));
    assert_eq!(first.personnel_number.as_deref(), Some("1001"));
    assert_eq!(first.employee_name.as_deref(), Some("Weiß, Anna"));
    assert_eq!(first.summary, "personnel number 1001");
    assert_eq!(log::employee_label(first), "1001 Weiß, Anna");
    let gone = rows
        .iter()
        .find(|r| r.employee_id == Some(GONE))
        .expect("an entry about a person who is gone");
    assert_eq!(gone.personnel_number, None);
    assert_eq!(gone.employee_name, None);
    let nobody = rows.iter().find(|r| r.entity == "session").unwrap();
    assert_eq!(
        (nobody.employee_id, log::employee_label(nobody)),
        (None, String::new())
    );
    // The users and kinds the filters offer.
    let mut users = log::actors(&store).unwrap();
    users.retain(|u| USERS.contains(&u.as_str()));
    assert_eq!(users, USERS);
    let kinds = log::kinds(&store).unwrap();
    assert_eq!(kinds[0], "employee");
    assert!(kinds.contains(&"database".to_owned()));
}

#[test]
fn paging_100000_entries_returns_each_exactly_once_in_order() {
    let started = Instant::now();
    let db = db_with_entries(100_000);
    eprintln!("100,000 entries written in {:?}", started.elapsed());
    let store = db.store();
    let all = db.expected(|_| true);
    assert_eq!(all.len(), 100_003);

    let started = Instant::now();
    let ids = page_through(&store, &AuditFilter::default(), log::PAGE_SIZE);
    eprintln!(
        "paged through 100,003 entries (pages of {}) in {:?}",
        log::PAGE_SIZE,
        started.elapsed()
    );
    assert_eq!(ids, all);
    assert!(ids.windows(2).all(|w| w[0] > w[1]));

    // Filtered, with an odd page size: still each once, in order.
    let bernd_certs = AuditFilter {
        entity: Some("certificate".into()),
        actor: Some("bernd".into()),
        ..AuditFilter::default()
    };
    assert_eq!(
        page_through(&store, &bernd_certs, 333),
        db.expected(|e| e.entity == "certificate" && e.actor == "bernd")
    );

    // One page of the newest, and one deep down, for each kind of filter.
    let anna = db.employees[0].0;
    let filters = [
        ("none", AuditFilter::default()),
        (
            "employee",
            AuditFilter {
                employee_id: Some(anna),
                ..AuditFilter::default()
            },
        ),
        (
            "kind",
            AuditFilter {
                entity: Some("setting".into()),
                ..AuditFilter::default()
            },
        ),
        (
            "user",
            AuditFilter {
                actor: Some("carla".into()),
                ..AuditFilter::default()
            },
        ),
        (
            "period",
            AuditFilter {
                from: Some(d("2024-06-01")),
                to: Some(d("2024-09-30")),
                ..AuditFilter::default()
            },
        ),
        (
            "rare",
            AuditFilter {
                entity: Some("database".into()),
                ..AuditFilter::default()
            },
        ),
        (
            "old day",
            AuditFilter {
                from: Some(d("2024-01-02")),
                to: Some(d("2024-01-02")),
                ..AuditFilter::default()
            },
        ),
    ];
    for (name, filter) in &filters {
        let t = Instant::now();
        let first = log::page(&store, filter, None, log::PAGE_SIZE).unwrap();
        let first_time = t.elapsed();
        let t = Instant::now();
        let deep = log::page(&store, filter, Some(20_000), log::PAGE_SIZE).unwrap();
        let deep_time = t.elapsed();
        let t = Instant::now();
        let count = log::count(&store, filter).unwrap();
        let count_time = t.elapsed();
        eprintln!(
            "filter {name:<8} first page {first_time:?}, page below id 20,000 {deep_time:?}, \
             count {count} in {count_time:?}"
        );
        assert_eq!(first.len(), log::PAGE_SIZE.min(count as usize), "{name}");
        assert!(deep.iter().all(|r| r.id < 20_000));
        // Generous: a debug build on a slow machine; the benchmark measures release.
        assert!(
            first_time.as_millis() < 2_000,
            "{name}: first page {first_time:?}"
        );
    }
}

#[test]
fn labels_in_both_languages_and_unknown_codes_as_they_are() {
    i18n::set_thread_language(Lang::De);
    assert_eq!(log::entity_label("certificate"), "Urkunde");
    assert_eq!(log::action_label("issue"), "ausgestellt");
    assert_eq!(log::action_label("frobnicate"), "frobnicate");
    assert_eq!(log::fmt_count(12_345), "12.345");
    assert_eq!(log::fmt_count(999), "999");
    assert_eq!(log::fmt_count(1_234_567), "1.234.567");
    assert_eq!(
        log::fmt_at(d("2026-11-21").and_hms_opt(14, 30, 5).unwrap()),
        "21.11.2026 14:30:05"
    );
    i18n::set_thread_language(Lang::En);
    assert_eq!(log::entity_label("certificate"), "Certificate");
    assert_eq!(log::action_label("revoke"), "revoked");
    assert_eq!(log::fmt_count(12_345), "12,345");
    assert_eq!(
        log::fmt_at(d("2026-11-21").and_hms_opt(14, 30, 5).unwrap()),
        "2026-11-21 14:30:05"
    );
    for kind in log::KINDS {
        assert_ne!(
            log::entity_label(kind),
            *kind,
            "no English label for {kind}"
        );
    }
}

/// A database whose newest entry has a summary a spreadsheet would run as a formula.
fn db_with_formula() -> Db {
    let db = db_with_entries(12_000);
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute(
        "INSERT INTO audit (at, actor, entity, entity_id, action, summary, employee_id)
         VALUES ('2026-11-21T09:15:00', 'anna', 'employee', ?1, 'edit', '=HYPERLINK(\"x\")', ?1)",
        [db.employees[1].0],
    )
    .unwrap();
    db
}

#[test]
fn csv_export_has_every_filtered_entry_for_german_excel() {
    i18n::set_thread_language(Lang::De);
    let db = db_with_formula();
    let store = db.store();
    let out = db.path.with_file_name("protokoll.csv");
    let exported = log::export(&store, &AuditFilter::default(), &out).unwrap();
    assert_eq!(exported.rows, 12_004);
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "BOM");
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(
        lines[0],
        "Nr.;Zeitpunkt;Benutzer;Art;Datensatz;Aktion;Personalnummer;Name;Details"
    );
    // Newest first; the formula neutralised.
    assert!(
        lines[1].starts_with("12004;21.11.2026 09:15:00;anna;Beschäftigte;"),
        "{}",
        lines[1]
    );
    assert!(
        lines[1].ends_with(";geändert;1002;Müller, Bärbel;\"'=HYPERLINK(\"\"x\"\")\""),
        "{}",
        lines[1]
    );
    assert_eq!(lines.len(), 1 + 12_004 + 1, "header, entries, final CRLF");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    // Filtered: only Bärbel's entries.
    let filter = AuditFilter {
        employee_id: Some(db.employees[1].0),
        ..AuditFilter::default()
    };
    let exported = log::export(&store, &filter, &out).unwrap();
    let expected = log::count(&store, &filter).unwrap() as usize;
    assert_eq!(exported.rows, expected);
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        text.split("\r\n").filter(|l| !l.is_empty()).count(),
        1 + expected
    );
    assert!(
        text.lines()
            .skip(1)
            .all(|l| l.contains(";1002;Müller, Bärbel;"))
    );

    // Not a spreadsheet: refused, nothing written.
    let pdf = db.path.with_file_name("protokoll.pdf");
    assert!(log::export(&store, &filter, &pdf).is_err());
    assert!(!pdf.exists());
}

#[test]
fn xlsx_export_reads_back_with_dates_numbers_and_text() {
    i18n::set_thread_language(Lang::De);
    let db = db_with_formula();
    let store = db.store();
    let out = db.path.with_file_name("protokoll.xlsx");
    let exported = log::export(&store, &AuditFilter::default(), &out).unwrap();
    assert_eq!(exported.rows, 12_004);
    let mut book = calamine::open_workbook_auto(&out).unwrap();
    assert_eq!(book.sheet_names(), vec!["Protokoll".to_owned()]);
    let range = book.worksheet_range("Protokoll").unwrap();
    assert_eq!(range.height(), 1 + 12_004);
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header[1], "Zeitpunkt");
    assert_eq!(header[8], "Details");
    let newest: Vec<&Data> = range.rows().nth(1).unwrap().iter().collect();
    assert_eq!(newest[0], &Data::Float(12_004.0));
    match newest[1] {
        Data::DateTime(dt) => {
            // Excel counts days from 30.12.1899.
            let days = (d("2026-11-21") - d("1899-12-30")).num_days() as f64;
            let expected = days + (9.0 * 60.0 + 15.0) / (24.0 * 60.0);
            assert!((dt.as_f64() - expected).abs() < 1e-6, "{}", dt.as_f64());
        }
        other => panic!("time is not a date-time: {other:?}"),
    }
    assert_eq!(newest[3], &Data::String("Beschäftigte".into()));
    assert_eq!(newest[5], &Data::String("geändert".into()));
    assert_eq!(newest[6], &Data::String("1002".into()));
    assert_eq!(newest[7], &Data::String("Müller, Bärbel".into()));
    // Text, never a formula.
    assert_eq!(newest[8], &Data::String("=HYPERLINK(\"x\")".into()));
    // The oldest: the service's entry for Anna.
    let oldest: Vec<&Data> = range.rows().next_back().unwrap().iter().collect();
    assert_eq!(oldest[8], &Data::String("personnel number 1001".into()));

    // An empty selection: the header row only.
    let none = AuditFilter {
        actor: Some("nobody".into()),
        ..AuditFilter::default()
    };
    let (bytes, rows) = log::xlsx_bytes(&store, &none).unwrap();
    assert_eq!(rows, 0);
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("Protokoll").unwrap();
    assert_eq!(range.height(), 1);
}

#[test]
fn cli_lists_filters_and_exports_the_log() {
    let db = db_with_entries(2_000);
    let json = |args: &[&str]| -> Vec<serde_json::Value> {
        let out = lotse(&db.path)
            .args(["audit", "list", "--format", "json"])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    // Newest first, 100 by default, with the documented fields.
    let rows = json(&[]);
    assert_eq!(rows.len(), 100);
    let newest = &rows[0];
    let last = db.entries.last().unwrap();
    assert_eq!(newest["id"], last.id);
    assert_eq!(
        newest["at"],
        last.at.format("%Y-%m-%dT%H:%M:%S").to_string()
    );
    assert_eq!(newest["user"], last.actor.as_str());
    assert_eq!(newest["kind"], last.entity.as_str());
    assert_eq!(newest["action"], last.action.as_str());
    assert_eq!(newest["summary"], "entry 1999");
    assert_eq!(newest["entity_id"], 1999);
    assert!(newest.get("personnel_number").is_some());

    // By personnel number, kind, user and period (German and ISO dates); --limit 0 = all.
    let rows = json(&["--employee", "1002", "--limit", "0"]);
    let expected = db.expected(|e| e.employee_id == Some(db.employees[1].0));
    assert_eq!(rows.len(), expected.len());
    assert!(rows.iter().all(|r| r["personnel_number"] == "1002"));
    let rows = json(&[
        "--kind",
        "session",
        "--user",
        "anna",
        "--from",
        "02.01.2024",
        "--to",
        "2024-01-03",
        "--limit",
        "0",
    ]);
    let expected = db.expected(|e| {
        e.entity == "session"
            && e.actor == "anna"
            && e.at.date() >= d("2024-01-02")
            && e.at.date() <= d("2024-01-03")
    });
    assert!(!expected.is_empty());
    let ids: Vec<i64> = rows.iter().map(|r| r["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, expected);

    // The table in German, and a hint that there is more.
    lotse(&db.path)
        .args(["audit", "list", "--limit", "5"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Zeitpunkt"))
        .stdout(predicate::str::contains("Benutzer"))
        .stdout(
            predicate::str::contains("5 von 2.003 Einträgen")
                .or(predicate::str::contains("neuesten 5 von 2.003 Einträgen")),
        );
    // CSV on standard output.
    lotse(&db.path)
        .args(["audit", "list", "--limit", "3", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Nr.,Zeitpunkt,Benutzer"));

    // Export with the same filters.
    let out = db.path.with_file_name("anna.xlsx");
    lotse(&db.path)
        .args(["audit", "export", "--employee", "1001", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("exportiert"));
    let mut book = calamine::open_workbook_auto(&out).unwrap();
    let range = book.worksheet_range("Protokoll").unwrap();
    let expected = db.expected(|e| e.employee_id == Some(db.employees[0].0));
    assert_eq!(range.height(), 1 + expected.len());
    let csv = db.path.with_file_name("all.csv");
    lotse(&db.path)
        .args(["audit", "export", "-o"])
        .arg(&csv)
        .assert()
        .success();
    assert!(
        std::fs::read(&csv)
            .unwrap()
            .starts_with("\u{feff}".as_bytes())
    );

    // Mistakes are explained.
    lotse(&db.path)
        .args(["audit", "list", "--employee", "4711"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("4711"));
    lotse(&db.path)
        .args(["audit", "list", "--from", "gestern"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("gestern"));
    lotse(&db.path)
        .args(["audit", "export", "-o", "x.txt"])
        .assert()
        .failure();
    // Help in German.
    lotse(&db.path)
        .args(["audit", "list", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Personalnummer"));
}
