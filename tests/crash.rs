//! The crash harness: an import, a batch issue and a backup run in a child process (the
//! real binary) that is killed with SIGKILL at a random moment. Afterwards the database is
//! either unchanged or fully changed, SQLite's integrity check passes, and no output file
//! exists half-written under its name.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use lotse::service::Database;
use lotse::store::Read;
use rand::{Rng, SeedableRng};

const RUNS_PER_OPERATION: usize = 70;

fn lotse(db: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lotse"));
    cmd.env_remove("LOTSE_DB")
        .env("LOTSE_LANG", "de")
        .env("LOTSE_TODAY", "2026-11-21")
        .arg("--db")
        .arg(db)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

#[derive(Debug, Clone, Copy)]
enum Operation {
    Import,
    Issue,
    Backup,
}

impl Operation {
    fn args(self, dir: &Path, csv: &Path) -> Vec<String> {
        match self {
            Operation::Import => vec![
                "import".into(),
                "employees".into(),
                csv.display().to_string(),
            ],
            Operation::Issue => vec![
                "issue".into(),
                "--program".into(),
                "DL".into(),
                "--all-eligible".into(),
            ],
            Operation::Backup => vec![
                "backup".into(),
                "-o".into(),
                dir.join("out.sqlite").display().to_string(),
            ],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct State {
    employees: i64,
    certificates: i64,
    audit: i64,
}

fn state(db: &Path) -> State {
    let store = Database::open(db).unwrap_or_else(|e| panic!("{}: {e}", db.display()));
    let report = store.store().check().unwrap();
    assert!(report.is_ok(), "{}: {report:?}", db.display());
    let counts = store.store().domain_counts().unwrap();
    State {
        employees: counts.employees,
        certificates: counts.certificates,
        audit: store.store().audit_count().unwrap(),
    }
}

/// Every file in `dir` (and its backups folder) is either a leftover temporary or whole.
fn no_half_written_files(dir: &Path) {
    for sub in [dir.to_path_buf(), dir.join("backups")] {
        let Ok(entries) = std::fs::read_dir(&sub) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() || name.starts_with(".lotse-tmp-") || name == "staff.csv" {
                continue;
            }
            if name.starts_with("lotse.sqlite") {
                // The database and its -wal/-shm: checked by opening it.
                continue;
            }
            assert!(
                name.ends_with(".sqlite"),
                "unexpected file {}",
                path.display()
            );
            lotse::store::verify_backup(&path)
                .unwrap_or_else(|e| panic!("{} is not whole: {e}", path.display()));
        }
    }
}

fn template(dir: &Path) -> (PathBuf, PathBuf) {
    let db = dir.join("template.sqlite");
    let ok = lotse(&db)
        .args(["demo", "--employees", "60"])
        .status()
        .unwrap();
    assert!(ok.success());
    let csv = dir.join("staff.csv");
    let mut text = String::from("Personalnummer;Nachname;Vorname\n");
    for i in 0..300 {
        text.push_str(&format!("X{i:04};Muster{i};Erika\n"));
    }
    std::fs::write(&csv, text).unwrap();
    (db, csv)
}

/// How long the operation takes when it is not killed, the longest of three runs (the kill
/// moments spread over it).
fn duration_of(op: Operation, template: &Path, csv: &Path, dir: &Path) -> Duration {
    (0..3)
        .map(|_| {
            let run = dir.join("timing");
            std::fs::create_dir_all(&run).unwrap();
            let db = run.join("lotse.sqlite");
            std::fs::copy(template, &db).unwrap();
            let started = Instant::now();
            let ok = lotse(&db).args(op.args(&run, csv)).status().unwrap();
            assert!(ok.success(), "{op:?} fails without a crash");
            let took = started.elapsed();
            std::fs::remove_dir_all(&run).unwrap();
            took
        })
        .max()
        .unwrap_or_default()
}

#[test]
fn killed_at_any_moment_the_database_is_before_or_after_and_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (template, csv) = template(dir.path());
    let before = state(&template);
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(9);
    let mut outcomes = std::collections::HashMap::new();
    for op in [Operation::Import, Operation::Issue, Operation::Backup] {
        let full = duration_of(op, &template, &csv, dir.path());
        let after = {
            let run = dir.path().join("after");
            std::fs::create_dir_all(&run).unwrap();
            let db = run.join("lotse.sqlite");
            std::fs::copy(&template, &db).unwrap();
            assert!(
                lotse(&db)
                    .args(op.args(&run, &csv))
                    .status()
                    .unwrap()
                    .success()
            );
            let s = state(&db);
            std::fs::remove_dir_all(&run).unwrap();
            s
        };
        for i in 0..RUNS_PER_OPERATION {
            let run = dir.path().join(format!("{op:?}-{i}"));
            std::fs::create_dir_all(&run).unwrap();
            let db = run.join("lotse.sqlite");
            std::fs::copy(&template, &db).unwrap();
            let mut child = lotse(&db).args(op.args(&run, &csv)).spawn().unwrap();
            // From at once to well after the operation would have finished (a machine
            // busier than during the timing must still see kills on both sides).
            let micros = rng.random_range(0..(full.as_micros() as u64 * 2).max(1));
            std::thread::sleep(Duration::from_micros(micros));
            let _ = child.kill(); // SIGKILL
            let status = child.wait().unwrap();
            let now = state(&db);
            let completed = match op {
                Operation::Import | Operation::Issue => {
                    let unchanged = now.employees == before.employees
                        && now.certificates == before.certificates
                        && now.audit == before.audit;
                    let changed = now.employees == after.employees
                        && now.certificates == after.certificates
                        && now.audit == after.audit;
                    assert!(
                        unchanged || changed,
                        "{op:?} run {i}: half a change: {now:?} (before {before:?}, after {after:?})"
                    );
                    changed
                }
                Operation::Backup => {
                    assert_eq!(now, before, "{op:?} run {i}: a backup changed the database");
                    run.join("out.sqlite").exists()
                }
            };
            no_half_written_files(&run);
            *outcomes
                .entry((format!("{op:?}"), completed, status.success()))
                .or_insert(0) += 1;
            std::fs::remove_dir_all(&run).unwrap();
        }
    }
    // The kills hit both sides of the commit, or the harness proves nothing.
    for op in ["Import", "Issue", "Backup"] {
        let done: usize = outcomes
            .iter()
            .filter(|((o, completed, _), _)| o == op && *completed)
            .map(|(_, n)| n)
            .sum();
        assert!(
            done > 0 && done < RUNS_PER_OPERATION,
            "{op}: {done} of {RUNS_PER_OPERATION} runs completed: {outcomes:?}"
        );
    }
    eprintln!("crash harness outcomes (operation, completed, exited normally): {outcomes:?}");
}
