//! The audit log at scale: `cargo bench --bench audit`.
//!
//! Writes `LOTSE_BENCH_AUDIT` audit entries (default 100,000) in one raw batch into a
//! database file with a few hundred employees, then times one page of 500 (the newest,
//! and one deep down) under each kind of filter, the count, paging through everything,
//! and the CSV and XLSX exports. Plain `std::time`: one warm-up run, then the median.

mod common;

use common::{line, measure};

use std::time::Instant;

use chrono::NaiveDate;
use lotse::model::{EmployeeInput, Salutation};
use lotse::service::Database;
use lotse::service::{self, audit as log};
use lotse::store::{AuditFilter, FixedClock};

const EMPLOYEES: usize = 300;

fn main() -> lotse::Result<()> {
    let entries: usize = std::env::var("LOTSE_BENCH_AUDIT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().map_err(|e| lotse::Error::file("tempdir", e))?;
    let path = dir.path().join("lotse.sqlite");
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default();
    let mut ids = Vec::new();
    {
        let mut store = Database::open(&path)?.with_clock(FixedClock::on(today));
        for i in 0..EMPLOYEES {
            ids.push(service::employees::add(
                &mut store,
                &EmployeeInput {
                    personnel_number: format!("{}", 1000 + i),
                    first_name: "Bench".into(),
                    last_name: format!("Person {i}"),
                    salutation: Salutation::Neutral,
                    ..Default::default()
                },
            )?);
        }
    }
    let started = Instant::now();
    {
        let mut conn = rusqlite::Connection::open(&path).map_err(lotse::Error::from)?;
        let tx = conn.transaction().map_err(lotse::Error::from)?;
        {
            let mut stmt = tx
                .prepare(
                    "INSERT INTO audit (at, actor, entity, entity_id, action, summary, employee_id)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(lotse::Error::from)?;
            let start = NaiveDate::from_ymd_opt(2023, 1, 1)
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .unwrap_or_default();
            let kinds = [
                "attendance",
                "attendance",
                "attendance",
                "certificate",
                "employee",
            ];
            for i in 0..entries {
                let at = start + chrono::Duration::minutes(13 * i as i64);
                stmt.execute(rusqlite::params![
                    at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    ["anna", "bernd", "carla", "dieter"][i % 4],
                    kinds[i % kinds.len()],
                    i as i64,
                    ["add", "edit", "issue"][i % 3],
                    format!(
                        "session {}, personnel number {}",
                        i / 20,
                        1000 + i % EMPLOYEES
                    ),
                    ids[i % EMPLOYEES].0,
                ])
                .map_err(lotse::Error::from)?;
            }
        }
        tx.commit().map_err(lotse::Error::from)?;
    }
    println!(
        "{entries} audit entries, {EMPLOYEES} employees (written in {:.1} s)",
        started.elapsed().as_secs_f64()
    );
    let store = Database::open(&path)?.with_clock(FixedClock::on(today));
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    let filters = [
        ("no filter", AuditFilter::default()),
        (
            "one person",
            AuditFilter {
                employee_id: Some(ids[7].0),
                ..AuditFilter::default()
            },
        ),
        (
            "kind: attendance (60 %)",
            AuditFilter {
                entity: Some("attendance".into()),
                ..AuditFilter::default()
            },
        ),
        (
            "kind that never occurs (whole table)",
            AuditFilter {
                entity: Some("database".into()),
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
            "one year",
            AuditFilter {
                from: day(2024, 1, 1),
                to: day(2024, 12, 31),
                ..AuditFilter::default()
            },
        ),
        (
            "one old day",
            AuditFilter {
                from: day(2023, 1, 10),
                to: day(2023, 1, 10),
                ..AuditFilter::default()
            },
        ),
    ];
    let deep = i64::try_from(entries / 5).unwrap_or(i64::MAX);
    for (name, filter) in &filters {
        let (t, rows) = measure(|| log::page(&store, filter, None, log::PAGE_SIZE));
        line(format!("page of 500, newest, {name}"), t);
        let rows = rows?;
        let (t, _) = measure(|| log::page(&store, filter, Some(deep), log::PAGE_SIZE));
        line(format!("page of 500 below id {deep}, {name}"), t);
        let (t, count) = measure(|| log::count(&store, filter));
        line(format!("count ({}), {name}", count?), t);
        if rows.is_empty() && !name.contains("never") {
            println!("  (no rows for {name})");
        }
    }
    let (t, _) = measure(|| log::actors(&store));
    line("users for the filter", t);
    let (t, _) = measure(|| log::kinds(&store));
    line("kinds for the filter", t);
    let (t, n) = measure(|| log::for_each(&store, &AuditFilter::default(), None, |_| Ok(())));
    line(format!("paging through all {} entries", n?), t);
    let csv = dir.path().join("audit.csv");
    let (t, _) = measure(|| log::export(&store, &AuditFilter::default(), &csv));
    line("CSV export, everything", t);
    let xlsx = dir.path().join("audit.xlsx");
    let started = Instant::now();
    let exported = log::export(&store, &AuditFilter::default(), &xlsx)?;
    line(
        format!("XLSX export, everything ({} rows, once)", exported.rows),
        started.elapsed(),
    );
    Ok(())
}
