//! Backups, restore, check and repair, damaged files: the store and service on real files,
//! and the command line end to end.

mod common;

use common::lotse;

use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use lotse::Error;
use lotse::service::Database;
use lotse::service::{self, backup, check};
use lotse::store::{BackupReason, CheckFinding, Read};
use predicates::prelude::*;

/// A database file with the small test city: 12 employees, 5 eligible, 3 certified.
fn city_file(dir: &Path) -> PathBuf {
    let path = dir.join("lotse.sqlite");
    let mut city = common::city_in(Database::open(&path).unwrap(), 12, 5);
    let some: Vec<_> = city.employees[..3].to_vec();
    service::certificates::issue(
        &mut city.store,
        city.program,
        &some,
        &service::certificates::IssueOptions::on(common::d("2026-11-21")),
        &mut |_| true,
    )
    .unwrap();
    path
}

fn employees(path: &Path) -> i64 {
    Database::open(path)
        .unwrap()
        .store()
        .domain_counts()
        .unwrap()
        .employees
}

fn now() -> NaiveDateTime {
    common::at("2026-11-21", 9)
}

/// Overwrites pages `pages` (4 KiB each) of the file with garbage.
fn overwrite_pages(path: &Path, pages: &[u64]) {
    let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    for &p in pages {
        f.seek(SeekFrom::Start(p * 4096)).unwrap();
        let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 7 + 13) as u8).collect();
        f.write_all(&garbage).unwrap();
    }
    f.sync_all().unwrap();
}

/// Folds the -wal into the file, so that page numbers on disk are the database's.
fn checkpoint(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")
        .unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_backup_is_a_private_checked_snapshot_in_the_backups_folder() {
    let dir = tempfile::tempdir().unwrap();
    let db = city_file(dir.path());
    let store = Database::open(&db)
        .unwrap()
        .with_clock(lotse::store::FixedClock::on(common::d("2026-11-21")));
    let done = backup::take_of(&store, BackupReason::Manual, &mut |_| true).unwrap();
    assert_eq!(done.path.parent().unwrap(), dir.path().join("backups"));
    assert!(
        done.path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("lotse_2026-11-21_120000_manual")
    );
    assert_eq!(done.content.counts.employees, 12);
    assert_eq!(done.content.counts.certificates, 3);
    #[cfg(unix)]
    {
        assert_eq!(mode(&dir.path().join("backups")), 0o700);
        assert_eq!(mode(&done.path), 0o600);
    }
    // A whole database in rollback mode: no -wal is needed to read it.
    let header = std::fs::read(&done.path).unwrap();
    assert_eq!(header[18], 1, "backups are not in WAL mode");
    let listed = backup::list(&db).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].reason, Some(BackupReason::Manual));
    assert_eq!(listed[0].content.as_ref().unwrap().counts.employees, 12);
    assert!(listed[0].size > 0);
    // No temporaries left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn a_backup_taken_while_another_connection_writes_is_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let db = city_file(dir.path());
    let mut writer = Database::open(&db).unwrap();
    let dest = dir.path().join("copy.sqlite");
    let mut steps = 0;
    // Every progress step, the other connection commits a change: the backup shows the
    // state it started from, whole.
    lotse::store::backup_file(&db, &dest, &mut |_| {
        steps += 1;
        writer
            .store_mut()
            .transact(|tx| tx.audit("test", None, "edit", "concurrent"))
            .unwrap();
        true
    })
    .unwrap();
    assert!(steps > 0);
    let copy = Database::open(&dest).unwrap();
    assert_eq!(copy.store().domain_counts().unwrap().employees, 12);
    assert!(lotse::store::verify_backup(&dest).is_ok());
}

#[test]
fn restore_replaces_the_content_and_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let db = city_file(dir.path());
    let mut store = Database::open(&db).unwrap();
    let before = backup::take_of(&store, BackupReason::Manual, &mut |_| true)
        .unwrap()
        .path;
    // A change after the backup.
    service::employees::add(
        &mut store,
        &lotse::model::EmployeeInput {
            personnel_number: "9999".into(),
            first_name: "Neue".into(),
            last_name: "Person".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(store.store().domain_counts().unwrap().employees, 13);
    let restored = backup::restore(&mut store, &before, &mut |_| true).unwrap();
    assert_eq!(store.store().domain_counts().unwrap().employees, 12);
    // Another connection sees the restored state.
    assert_eq!(employees(&db), 12);
    // The state before the restore was backed up: restoring it undoes the restore.
    let undo = restored.undo.expect("undo backup");
    assert_eq!(
        lotse::store::verify_backup(&undo).unwrap().counts.employees,
        13
    );
    backup::restore(&mut store, &undo, &mut |_| true).unwrap();
    assert_eq!(store.store().domain_counts().unwrap().employees, 13);
    // The audit log says what happened.
    let audit = store.store().audit_entries(5).unwrap();
    assert!(audit.iter().any(|a| a.action == "restore"), "{audit:?}");
}

#[test]
fn restore_refuses_what_is_not_a_lotse_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = city_file(dir.path());
    let mut store = Database::open(&db).unwrap();
    let text = dir.path().join("notes.sqlite");
    std::fs::write(&text, "hello").unwrap();
    assert!(matches!(
        backup::restore(&mut store, &text, &mut |_| true),
        Err(Error::NotLotseFile { .. })
    ));
    // A newer Lotse's database.
    let newer = dir.path().join("newer.sqlite");
    store.store_mut().backup_to(&newer, &mut |_| true).unwrap();
    {
        let conn = rusqlite::Connection::open(&newer).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    assert!(matches!(
        backup::restore(&mut store, &newer, &mut |_| true),
        Err(Error::TooNew { .. })
    ));
    assert_eq!(store.store().domain_counts().unwrap().employees, 12);
}

#[test]
fn a_file_that_passed_before_is_checked_again_once_a_byte_changed() {
    let dir = tempfile::tempdir().unwrap();
    let db = city_file(dir.path());
    checkpoint(&db);
    // Opened twice: the first open checks and remembers, the second finds the same bytes.
    drop(Database::open(&db).unwrap());
    drop(Database::open(&db).unwrap());
    let mut record = db.as_os_str().to_owned();
    record.push("-checked");
    let record = PathBuf::from(record);
    assert!(record.is_file(), "the passed check is remembered");
    #[cfg(unix)]
    assert_eq!(mode(&record), 0o600);
    checkpoint(&db);
    let len = std::fs::metadata(&db).unwrap().len();
    overwrite_pages(&db, &[len / 4096 / 2]);
    assert!(
        matches!(Database::open(&db), Err(Error::Damaged { .. })),
        "damage after a passed check is found"
    );
}

#[test]
fn a_damaged_file_is_refused_kept_and_the_newest_good_backup_offered() {
    for (what, damage) in [
        ("pages overwritten", 0),
        ("truncated", 1),
        ("zeroed header", 2),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let db = city_file(dir.path());
        let good = {
            let store = Database::open(&db).unwrap();
            backup::take_of(&store, BackupReason::Daily, &mut |_| true)
                .unwrap()
                .path
        };
        checkpoint(&db);
        let len = std::fs::metadata(&db).unwrap().len();
        match damage {
            0 => overwrite_pages(&db, &[3, len / 4096 / 2, len / 4096 - 2]),
            1 => {
                let f = std::fs::OpenOptions::new().write(true).open(&db).unwrap();
                f.set_len(len / 2).unwrap();
            }
            _ => {
                let mut f = std::fs::OpenOptions::new().write(true).open(&db).unwrap();
                f.write_all(&[0u8; 100]).unwrap();
            }
        }
        let damaged_bytes = std::fs::read(&db).unwrap();
        match Database::open(&db) {
            Err(Error::Damaged {
                kept_as, backup, ..
            }) => {
                let kept = kept_as.expect("a copy is kept");
                assert!(
                    kept.to_string_lossy().contains(".corrupt-"),
                    "{what}: {kept:?}"
                );
                assert!(
                    std::fs::read(&kept).unwrap() == damaged_bytes,
                    "{what}: copy differs"
                );
                assert_eq!(backup.as_deref(), Some(good.as_path()), "{what}");
            }
            Err(e) => panic!("{what}: {e:?}"),
            Ok(_) => panic!("{what}: a damaged file was opened"),
        }
        // Not changed by being refused.
        assert!(
            std::fs::read(&db).unwrap() == damaged_bytes,
            "{what}: file changed"
        );
        // Every command refuses it and names the restore command.
        lotse(&db)
            .args(["employees", "list"])
            .assert()
            .failure()
            .stderr(predicate::str::contains("ist beschädigt"))
            .stderr(predicate::str::contains("lotse restore"));
        lotse(&db)
            .args(["certificates", "list"])
            .assert()
            .failure()
            .stderr(predicate::str::contains("ist beschädigt"));
        // The backup restores it.
        lotse(&db)
            .arg("restore")
            .arg(&good)
            .arg("--yes")
            .assert()
            .success();
        assert_eq!(employees(&db), 12, "{what}");
        lotse(&db).arg("check").assert().success();
    }
}

#[test]
fn check_finds_broken_rules_and_repair_fixes_what_is_safe() {
    let dir = tempfile::tempdir().unwrap();
    let db = city_file(dir.path());
    assert!(check::check(&Database::open(&db).unwrap()).unwrap().is_ok());
    // Damage the record behind SQLite's back: attendance on a deleted session, a serial
    // gap, an altered certificate.
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "PRAGMA foreign_keys = OFF;
             DELETE FROM session WHERE id = (SELECT min(session_id) FROM attendance);
             UPDATE certificate SET serial_number = serial_number + 5
              WHERE id = (SELECT max(id) FROM certificate);
             UPDATE certificate SET snapshot = replace(snapshot, 'Weiß', 'Weiss')
              WHERE id = (SELECT min(id) FROM certificate);",
        )
        .unwrap();
    }
    let mut store = Database::open(&db).unwrap();
    let report = check::check(&store).unwrap();
    let orphans = report
        .findings
        .iter()
        .filter(|f| matches!(f, CheckFinding::Orphan { table, .. } if table == "attendance"))
        .count();
    assert!(orphans > 0, "{report:?}");
    assert!(
        report.findings.iter().any(
            |f| matches!(f, CheckFinding::SerialGap { missing, .. } if missing == &[3, 4, 5, 6, 7])
        ),
        "{report:?}"
    );
    assert!(
        report
            .findings
            .iter()
            .any(|f| matches!(f, CheckFinding::CertificateAltered { .. })),
        "{report:?}"
    );
    // The command line says so and exits non-zero.
    lotse(&db)
        .arg("check")
        .assert()
        .failure()
        .stdout(predicate::str::contains(
            "verweist auf einen Eintrag in Termine",
        ))
        .stdout(predicate::str::contains("fehlen: 3, 4, 5, 6, 7"))
        .stdout(predicate::str::contains("lotse check --repair"));
    let repaired = check::repair(&mut store).unwrap();
    assert_eq!(repaired.repaired.len(), orphans);
    let backup = repaired.backup.expect("a backup before the repair");
    assert!(backup.to_string_lossy().contains("before-repair"));
    // The backup holds the state before the repair.
    assert!(lotse::store::verify_backup(&backup).is_ok());
    // What cannot be repaired safely remains and is reported; a second run repairs nothing.
    assert!(repaired.remaining.findings.iter().all(|f| !f.repairable()));
    assert_eq!(repaired.remaining.findings.len(), 2);
    let again = check::repair(&mut store).unwrap();
    assert!(again.repaired.is_empty());
    assert!(again.backup.is_none());
}

#[test]
fn repair_from_the_command_line_then_nothing_left() {
    let dir = tempfile::tempdir().unwrap();
    let db = city_file(dir.path());
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "PRAGMA foreign_keys = OFF;
             DELETE FROM session WHERE id = (SELECT min(session_id) FROM attendance);",
        )
        .unwrap();
    }
    lotse(&db)
        .args(["check", "--repair"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Vor der Reparatur gesichert"))
        .stdout(predicate::str::contains("Repariert:"))
        .stdout(predicate::str::contains("Die Datenbank ist in Ordnung."));
    lotse(&db)
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("Die Datenbank ist in Ordnung."));
}

#[test]
fn an_older_schema_is_backed_up_before_it_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lotse.sqlite");
    // A database as Lotse with schema version 2 wrote it, with one employee.
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(include_str!("../src/store/sql/0001_initial.sql"))
            .unwrap();
        conn.execute_batch(include_str!("../src/store/sql/0002_audit_at.sql"))
            .unwrap();
        conn.execute_batch(
            "INSERT INTO employee (personnel_number, first_name, last_name) VALUES ('1', 'A', 'B');
             INSERT INTO audit (at, actor, entity, entity_id, action, summary)
             VALUES ('2026-01-01T10:00:00', 'anna', 'employee', 1, 'add', 'personnel number 1');
             PRAGMA application_id = 1280267347;
             PRAGMA user_version = 2;",
        )
        .unwrap();
    }
    let store = Database::open(&db).unwrap();
    assert_eq!(
        store.store().content().unwrap().schema_version,
        lotse::store::SCHEMA_VERSION
    );
    assert_eq!(store.store().domain_counts().unwrap().employees, 1);
    let backups = backup::list(&db).unwrap();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(backups[0].reason, Some(BackupReason::BeforeMigration));
    assert_eq!(backups[0].content.as_ref().unwrap().schema_version, 2);
    // The backup is the old file as it was: opening it migrates it, not before.
    let raw = rusqlite::Connection::open(&backups[0].path).unwrap();
    let version: i64 = raw
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 2);
}

#[test]
fn the_command_line_backs_up_lists_and_restores() {
    let dir = tempfile::tempdir().unwrap();
    let db = city_file(dir.path());
    lotse(&db)
        .arg("backup")
        .assert()
        .success()
        .stdout(predicate::str::contains("12 Beschäftigte, 3 Zertifikate"));
    let out = dir.path().join("export").join("mine.sqlite");
    std::fs::create_dir(dir.path().join("export")).unwrap();
    lotse(&db)
        .args(["backup", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert!(lotse::store::verify_backup(&out).is_ok());
    let json = lotse(&db)
        .args(["backups", "list", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rows: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(
        rows.len(),
        1,
        "the -o backup is not in the folder: {rows:?}"
    );
    assert_eq!(rows[0]["reason"], "manual");
    assert_eq!(rows[0]["employees"], 12);
    assert_eq!(rows[0]["certificates"], 3);
    assert_eq!(rows[0]["readable"], true);
    // Without --yes and without a terminal: refused, nothing changed.
    lotse(&db)
        .arg("restore")
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicate::str::contains("--yes"));
    // A file that is not a backup.
    let bogus = dir.path().join("bogus.sqlite");
    std::fs::write(&bogus, "not a database at all").unwrap();
    lotse(&db)
        .arg("restore")
        .arg(&bogus)
        .arg("--yes")
        .assert()
        .failure()
        .stderr(predicate::str::contains("keine Lotse-Datenbank"));
    lotse(&db)
        .arg("restore")
        .arg(&out)
        .arg("--yes")
        .assert()
        .success()
        .stdout(predicate::str::contains("wurde eingespielt"))
        .stdout(predicate::str::contains("lotse restore"));
}

#[test]
fn the_first_change_of_a_day_takes_the_days_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = city_file(dir.path());
    // Reading changes nothing: no backup.
    lotse(&db).args(["employees", "list"]).assert().success();
    assert!(backup::list(&db).unwrap().is_empty());
    lotse(&db)
        .args(["issue", "--program", "DL", "--employee", "0004"])
        .assert()
        .success();
    let list = backup::list(&db).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].reason, Some(BackupReason::Daily));
    // It holds the change.
    assert_eq!(list[0].content.as_ref().unwrap().counts.certificates, 4);
    // The second change of the day takes none.
    lotse(&db)
        .args(["issue", "--program", "DL", "--employee", "0005"])
        .assert()
        .success();
    assert_eq!(backup::list(&db).unwrap().len(), 1);
}

#[test]
fn thinning_runs_only_after_a_good_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = city_file(dir.path());
    let store = Database::open(&db).unwrap();
    // Ninety days of old backups (copies of one real backup under old names).
    let first = backup::take(
        &db,
        BackupReason::Daily,
        now() - chrono::Duration::days(90),
        backup::Thinning::default(),
        &mut |_| true,
    )
    .unwrap()
    .path;
    for d in 1..90 {
        let at = now() - chrono::Duration::days(90 - d);
        let path = lotse::store::new_backup_path(&db, at, BackupReason::Daily).unwrap();
        std::fs::copy(&first, &path).unwrap();
    }
    assert_eq!(backup::list(&db).unwrap().len(), 90);
    // A cancelled backup writes nothing and thins nothing.
    let cancelled = backup::take(
        &db,
        BackupReason::Manual,
        now(),
        backup::Thinning::default(),
        &mut |_| false,
    );
    assert!(matches!(cancelled, Err(Error::Cancelled)));
    assert_eq!(backup::list(&db).unwrap().len(), 90);
    let done = backup::take(
        &db,
        BackupReason::Manual,
        now(),
        backup::Thinning::default(),
        &mut |_| true,
    )
    .unwrap();
    let left = backup::list(&db).unwrap();
    assert_eq!(left.len(), 91 - done.removed.len());
    assert!(left.len() < 30, "{} left", left.len());
    assert_eq!(left[0].path, done.path);
    drop(store);
}

#[cfg(unix)]
#[test]
fn an_existing_empty_file_becomes_a_private_database() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.sqlite");
    std::fs::write(&db, b"").unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let mut store = Database::open(&db).unwrap();
    service::employees::add(
        &mut store,
        &lotse::model::EmployeeInput {
            personnel_number: "1".into(),
            first_name: "A".into(),
            last_name: "B".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(mode(&db), 0o600);
    let wal = dir.path().join("empty.sqlite-wal");
    assert!(wal.exists());
    assert_eq!(mode(&wal), 0o600);
    assert_eq!(mode(&dir.path().join("empty.sqlite-shm")), 0o600);
}

#[test]
fn a_write_waits_for_another_programs_lock_and_then_says_so_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let db = city_file(dir.path());
    // Another program (this test) holds the write lock for a moment: the command waits
    // for it and then succeeds.
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let release = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(700));
        holder.execute_batch("COMMIT").unwrap();
        holder
    });
    let started = std::time::Instant::now();
    lotse(&db)
        .args(["issue", "--program", "DL", "--employee", "0004"])
        .assert()
        .success();
    assert!(started.elapsed() >= std::time::Duration::from_millis(500));
    let holder = release.join().unwrap();
    // Held for longer than the command waits: it gives up with a sentence a user
    // understands, and nothing is changed.
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    lotse(&db)
        .env("LOTSE_BUSY_TIMEOUT_MS", "300")
        .args(["issue", "--program", "DL", "--employee", "0005"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "Die Datenbank wird gerade von einem anderen Programm benutzt",
        ))
        .stderr(predicate::str::contains("locked").not());
    holder.execute_batch("COMMIT").unwrap();
    drop(holder);
    assert_eq!(
        Database::open(&db)
            .unwrap()
            .store()
            .domain_counts()
            .unwrap()
            .certificates,
        4
    );
}

#[test]
fn repair_rebuilds_an_index_that_no_longer_matches_its_table() {
    let dir = tempfile::tempdir().unwrap();
    let db = city_file(dir.path());
    // Another program with a different idea of NOCASE (it sorts backwards) writes names:
    // the name index is now out of order for everyone else.
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.create_collation("NOCASE", |a: &str, b: &str| {
            b.to_lowercase().cmp(&a.to_lowercase())
        })
        .unwrap();
        conn.execute_batch(
            "INSERT INTO employee (personnel_number, first_name, last_name)
             VALUES ('a1', 'Anna', 'Adler'), ('z1', 'Zora', 'Zeller'), ('m1', 'Mia', 'Maier');
             REINDEX employee_name;
             INSERT INTO employee (personnel_number, first_name, last_name)
             VALUES ('b1', 'Bea', 'Bauer'), ('y1', 'Yusuf', 'Yilmaz');",
        )
        .unwrap();
    }
    let mut store = Database::open_for_repair(&db).unwrap();
    let report = check::check(&store).unwrap();
    assert!(
        report
            .findings
            .iter()
            .any(|f| matches!(f, CheckFinding::Integrity(_))),
        "{report:?}"
    );
    let repaired = check::repair(&mut store).unwrap();
    assert!(!repaired.repaired.is_empty());
    assert!(repaired.remaining.is_ok(), "{:?}", repaired.remaining);
    drop(store);
    // Opening it normally works again, with every employee.
    assert_eq!(employees(&db), 17);
}
