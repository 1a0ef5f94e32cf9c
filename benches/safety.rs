//! Data safety at scale: `cargo bench --bench safety`.
//!
//! Builds the sample administration with `LOTSE_BENCH_EMPLOYEES` employees (default
//! 10,000) in a database file, then times what every start and every backup costs:
//! opening the file (which runs SQLite's `quick_check`), the check alone, the full check
//! of *Datenbank prüfen*, a backup (online backup API, checked, renamed into place), and
//! a restore. Plain `std::time`: one warm-up run, then the median of several.

mod common;

use common::{line, measure};

use lotse::service::Database;
use lotse::service::backup::{self, BackupReason, Thinning};
use lotse::service::check;
use lotse::service::demo::{DemoOptions, generate};
use lotse::store::Read;

fn main() -> lotse::Result<()> {
    let employees: usize = std::env::var("LOTSE_BENCH_EMPLOYEES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().map_err(|e| lotse::Error::file("tempdir", e))?;
    let db = dir.path().join("lotse.sqlite");
    {
        let mut store = Database::open(&db)?;
        generate(&mut store, &DemoOptions { employees, seed: 1 }, &mut |_| {
            true
        })?;
    }
    let size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    let counts = Database::open(&db)?.store().domain_counts()?;
    println!(
        "database: {} employees, {} attendance rows, {} certificates, {:.1} MB",
        counts.employees,
        counts.attendance,
        counts.certificates,
        size as f64 / 1e6
    );
    let (t, _) = measure(|| Database::open(&db).map(|s| s.store().domain_counts()));
    line("open (quick_check, pragmas)", t);
    let (t, _) = measure(|| Database::open_for_repair(&db).map(|s| s.store().domain_counts()));
    line("open without quick_check", t);
    let store = Database::open(&db)?;
    let (t, report) = measure(|| check::check(&store));
    line("full check (integrity, foreign keys, invariants)", t);
    assert!(report?.is_ok());
    let (t, _) = measure(|| {
        let dest = dir.path().join("copy.sqlite");
        let _ = std::fs::remove_file(&dest);
        lotse::store::backup_file(&db, &dest, &mut |_| true)
    });
    line("backup to a file (copy, check, rename)", t);
    let now = chrono::Local::now().naive_local();
    let (t, done) = measure(|| {
        backup::take(
            &db,
            BackupReason::Manual,
            now,
            Thinning::default(),
            &mut |_| true,
        )
    });
    line("backup into backups/ with thinning", t);
    let backup = done?.path;
    let mut store = Database::open(&db)?;
    let (t, _) = measure(|| backup::restore(&mut store, &backup, &mut |_| true));
    line("restore (backup of the current state first)", t);
    Ok(())
}
