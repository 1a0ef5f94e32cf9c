//! One desktop app per database file: the instance lock.
//!
//! The two-process test re-runs this test binary as a helper process that takes the
//! lock and holds it until it is killed, which is what happens when a real app window
//! stays open (or crashes) while a second one starts.

#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use lotse::app::instance::{InstanceLock, lock_path};
use lotse::i18n::{self, Lang};

/// Set for the helper process: the database whose lock it holds.
const HOLD_ENV: &str = "LOTSE_TEST_HOLD_LOCK";
/// Set for the helper process: the file it creates once it holds the lock.
const READY_ENV: &str = "LOTSE_TEST_LOCK_READY";

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lotse.sqlite");
    (dir, path)
}

fn already_open_message(db: &Path) -> String {
    match InstanceLock::acquire(db) {
        Ok(_) => panic!("a second lock on {} must be refused", db.display()),
        Err(e) => e.user_message(),
    }
}

#[test]
fn the_lock_file_lies_beside_the_database() {
    let (dir, db) = temp_db();
    let lock = InstanceLock::acquire(&db).expect("lock");
    assert!(lock.is_held());
    let dir = std::fs::canonicalize(dir.path()).unwrap();
    assert_eq!(lock.path(), dir.join("lotse.sqlite.lock"));
    assert_eq!(lock_path(&db), dir.join("lotse.sqlite.lock"));
    assert!(lock.path().exists());
    // The database itself is not created by the lock.
    assert!(!db.exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(lock.path()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn a_missing_folder_is_created() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("neu").join("lotse.sqlite");
    let lock = InstanceLock::acquire(&db).expect("lock");
    assert!(lock.is_held());
    assert!(db.parent().unwrap().is_dir());
}

#[test]
fn a_second_lock_is_refused_until_the_first_is_dropped() {
    i18n::set_thread_language(Lang::De);
    let (_dir, db) = temp_db();
    let first = InstanceLock::acquire(&db).expect("first lock");
    let message = already_open_message(&db);
    assert!(
        message.contains("Lotse ist bereits mit dieser Datei geöffnet"),
        "{message}"
    );
    assert!(message.contains(&db.display().to_string()), "{message}");
    // Another spelling of the same folder shares the lock.
    let other_spelling = db.parent().unwrap().join(".").join("lotse.sqlite");
    assert!(InstanceLock::acquire(&other_spelling).is_err());
    drop(first);
    let again = InstanceLock::acquire(&db).expect("the lock is free again");
    drop(again);
    // Another file in the same folder has its own lock.
    let _a = InstanceLock::acquire(&db).expect("lock a");
    let _b = InstanceLock::acquire(&db.with_file_name("andere.sqlite")).expect("lock b");
}

#[test]
fn the_message_is_in_english_too() {
    i18n::set_thread_language(Lang::En);
    let (_dir, db) = temp_db();
    let _first = InstanceLock::acquire(&db).expect("first lock");
    let message = already_open_message(&db);
    assert!(
        message.contains("Lotse is already open with this file"),
        "{message}"
    );
}

/// Not a test of its own: the helper process of
/// [`a_lock_held_by_another_process_is_released_when_it_is_killed`]. Without its
/// environment variable it does nothing.
#[test]
fn helper_hold_lock() {
    let Some(db) = std::env::var_os(HOLD_ENV) else {
        return;
    };
    let ready = std::env::var_os(READY_ENV).expect("ready file");
    let _lock = InstanceLock::acquire(Path::new(&db)).expect("helper lock");
    std::fs::write(&ready, b"locked").expect("ready file");
    // Held until the parent kills this process (at most a minute, should it not).
    std::thread::sleep(Duration::from_secs(60));
}

fn spawn_holder(db: &Path, ready: &Path) -> Child {
    Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "helper_hold_lock",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(HOLD_ENV, db)
        .env(READY_ENV, ready)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the helper process")
}

#[test]
fn a_lock_held_by_another_process_is_released_when_it_is_killed() {
    i18n::set_thread_language(Lang::De);
    let (dir, db) = temp_db();
    let ready = dir.path().join("ready");
    let mut child = spawn_holder(&db, &ready);
    let deadline = Instant::now() + Duration::from_secs(30);
    while !ready.exists() {
        if let Some(status) = child.try_wait().expect("helper status") {
            panic!("the helper process ended early: {status}");
        }
        assert!(Instant::now() < deadline, "the helper never took the lock");
        std::thread::sleep(Duration::from_millis(20));
    }

    let message = already_open_message(&db);
    assert!(
        message.contains("Lotse ist bereits mit dieser Datei geöffnet"),
        "{message}"
    );

    // SIGKILL on Unix, TerminateProcess on Windows: no clean-up code runs in the
    // helper, the operating system releases the lock.
    child.kill().expect("kill the helper");
    child.wait().expect("reap the helper");
    let lock = InstanceLock::acquire(&db).expect("the dead process's lock is released");
    assert!(lock.is_held());
}
