//! Files are written whole or not at all, and failures are told in plain words: the real
//! binary on a file system that is full or read-only. On Linux a small tmpfs is mounted in
//! a new user and mount namespace (`unshare -rm`), which needs neither root nor changes to
//! the machine; where that is not possible the tests say so and pass.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// What no user-language message may contain: the operating system's and SQLite's text.
const TECHNICAL: &[&str] = &[
    "database or disk is full",
    "disk I/O error",
    "No space left",
    "os error",
    "Read-only file system",
    "Permission denied",
    "attempt to write a readonly database",
];

fn lotse(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("lotse").unwrap();
    cmd.env_remove("LOTSE_DB")
        .env_remove("RUST_LOG")
        .env("LOTSE_LANG", "de")
        .env("LOTSE_TODAY", "2026-11-21")
        .arg("--db")
        .arg(db);
    cmd
}

fn ok(cmd: &mut Command) -> Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn exit_code(dir: &Path, name: &str) -> i32 {
    read(&dir.join(format!("{name}.rc")))
        .trim()
        .parse()
        .expect("exit code")
}

fn assert_plain(text: &str) {
    for t in TECHNICAL {
        assert!(!text.contains(t), "technical text {t:?} in: {text}");
    }
}

/// Why the tests cannot mount a tmpfs here, or `None` when they can.
fn namespaces_unavailable(dir: &Path) -> Option<String> {
    if !cfg!(target_os = "linux") {
        return Some("tmpfs in a user namespace needs Linux".into());
    }
    let probe = dir.join("probe");
    std::fs::create_dir_all(&probe).unwrap();
    match std::process::Command::new("unshare")
        .args([
            "-rm",
            "sh",
            "-c",
            r#"mount -t tmpfs -o size=64k tmpfs "$1""#,
            "sh",
        ])
        .arg(&probe)
        .output()
    {
        Err(e) => Some(format!("unshare could not be run: {e}")),
        Ok(out) if !out.status.success() => Some(format!(
            "mounting a tmpfs with unshare -rm failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )),
        Ok(_) => None,
    }
}

/// Runs `script` with sh in a new user and mount namespace: `$LOTSE` is the binary, `$T`
/// the test's folder (outside any tmpfs the script mounts, so results written there stay).
/// The mounts vanish with the namespace. Returns `None`, after printing why, when the
/// namespace or the tmpfs is not available.
fn in_namespace(test: &str, dir: &Path, script: &str) -> Option<Output> {
    if let Some(why) = namespaces_unavailable(dir) {
        println!("{test}: skipped, {why}");
        return None;
    }
    let out = std::process::Command::new("unshare")
        .args(["-rm", "sh", "-c", script])
        .env("LOTSE", env!("CARGO_BIN_EXE_lotse"))
        .env("T", dir)
        .env_remove("LOTSE_DB")
        .env_remove("RUST_LOG")
        .env("LOTSE_LANG", "de")
        .env("LOTSE_TODAY", "2026-11-21")
        .output()
        .expect("unshare runs");
    assert!(
        out.status.success(),
        "script failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Some(out)
}

fn names_in(listing: &str) -> Vec<String> {
    listing.lines().map(str::to_owned).collect()
}

#[test]
fn a_database_on_a_full_disk_fails_plainly_and_keeps_what_it_had() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path();
    // A small administration, and a staff list of 400 others to import into it.
    let small = t.join("small.sqlite");
    ok(lotse(&small).args(["demo", "--employees", "20"]));
    let other = t.join("other.sqlite");
    ok(lotse(&other).args(["demo", "--employees", "400", "--seed", "2"]));
    let staff = t.join("staff.csv");
    ok(lotse(&other)
        .args(["export", "employees", "-o"])
        .arg(&staff));
    let before = ok(lotse(&small).args(["employees", "list", "--format", "csv"])).stdout;
    assert_eq!(String::from_utf8_lossy(&before).lines().count(), 21);

    let script = r#"
        set -u
        mkdir "$T/tiny" "$T/fs"
        # (1) A new database that does not fit.
        mount -t tmpfs -o size=256k tmpfs "$T/tiny"
        "$LOTSE" --db "$T/tiny/x.sqlite" demo --employees 400 >/dev/null 2>"$T/demo.err"
        echo $? >"$T/demo.rc"
        "$LOTSE" --db "$T/tiny/x.sqlite" employees list --format csv >"$T/tiny-list.out" 2>"$T/tiny-list.err"
        echo $? >"$T/tiny-list.rc"
        # (2) A database with data, on a disk that fills up during an import.
        mount -t tmpfs -o size=2m tmpfs "$T/fs"
        cp "$T/small.sqlite" "$T/fs/"
        dd if=/dev/zero of="$T/fs/filler" bs=4k 2>/dev/null
        truncate -s -64k "$T/fs/filler"
        "$LOTSE" --db "$T/fs/small.sqlite" import employees "$T/staff.csv" >/dev/null 2>"$T/import.err"
        echo $? >"$T/import.rc"
        "$LOTSE" --db "$T/fs/small.sqlite" employees list --format csv >"$T/full-list.out" 2>"$T/full-list.err"
        echo $? >"$T/full-list.rc"
        # (3) Space again: the same data, and the import goes through.
        rm "$T/fs/filler"
        "$LOTSE" --db "$T/fs/small.sqlite" employees list --format csv >"$T/after.out" 2>"$T/after.err"
        echo $? >"$T/after.rc"
        ls -A "$T/fs" >"$T/fs.ls"
    "#;
    if in_namespace("disk full: database", t, script).is_none() {
        return;
    }

    // (1) The demo fails with the German sentence, without SQLite's text; the file opens.
    assert_ne!(exit_code(t, "demo"), 0);
    let err = read(&t.join("demo.err"));
    assert!(err.starts_with("Fehler: "), "{err}");
    assert!(err.contains("kein Platz mehr frei"), "{err}");
    assert_plain(&err);
    assert_eq!(
        exit_code(t, "tiny-list"),
        0,
        "{}",
        read(&t.join("tiny-list.err"))
    );

    // (2) The import fails plainly; nothing stored before is lost.
    assert_ne!(exit_code(t, "import"), 0);
    let err = read(&t.join("import.err"));
    assert!(
        err.contains("Auf dem Datenträger der Datenbank ist kein Platz mehr frei."),
        "{err}"
    );
    assert!(
        err.contains("bereits Gespeichertes ist unverändert"),
        "{err}"
    );
    assert_plain(&err);
    assert_eq!(
        exit_code(t, "full-list"),
        0,
        "{}",
        read(&t.join("full-list.err"))
    );
    assert_eq!(read(&t.join("full-list.out")).as_bytes(), &before[..]);

    // (3) With space again everything is there, and no stray files are left.
    assert_eq!(exit_code(t, "after"), 0, "{}", read(&t.join("after.err")));
    assert_eq!(read(&t.join("after.out")).as_bytes(), &before[..]);
    let left = names_in(&read(&t.join("fs.ls")));
    assert!(left.contains(&"small.sqlite".to_owned()), "{left:?}");
    assert!(
        !left.iter().any(|n| n.starts_with(".lotse-tmp-")),
        "{left:?}"
    );
}

#[test]
fn printing_to_a_full_disk_leaves_only_whole_files() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path();
    let db = t.join("p.sqlite");
    ok(lotse(&db).args(["demo", "--employees", "150"]));
    // What a print with enough space writes: one merged file, and a folder of singles.
    ok(lotse(&db)
        .args(["print", "--all", "-o"])
        .arg(t.join("old.pdf")));
    let old = std::fs::read(t.join("old.pdf")).unwrap();
    // The sizes below assume a merged file of some 40 KB and single files of some 17 KB.
    assert!(old.len() > 30_000 && old.len() < 130_000, "{}", old.len());
    ok(lotse(&db)
        .args(["print", "--all", "-o"])
        .arg(t.join("reference")));
    let mut reference: Vec<String> = std::fs::read_dir(t.join("reference"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    reference.sort();
    let total = reference.len();
    assert!(total >= 12, "{reference:?}");

    let script = r#"
        set -u
        mkdir "$T/fs"
        mount -t tmpfs -o size=160k tmpfs "$T/fs"
        cp "$T/old.pdf" "$T/fs/old.pdf"
        dd if=/dev/zero of="$T/fs/filler" bs=4k 2>/dev/null
        truncate -s -24k "$T/fs/filler"
        # A merged file that does not fit: new, and over an older one.
        "$LOTSE" --db "$T/p.sqlite" print --all -o "$T/fs/all.pdf" >/dev/null 2>"$T/merged.err"
        echo $? >"$T/merged.rc"
        "$LOTSE" --db "$T/p.sqlite" print --all -o "$T/fs/old.pdf" >/dev/null 2>"$T/again.err"
        echo $? >"$T/again.rc"
        ls -A "$T/fs" >"$T/merged.ls"
        cp "$T/fs/old.pdf" "$T/old-after.pdf"
        # A folder of single files that fills the disk part-way.
        rm "$T/fs/filler" "$T/fs/old.pdf"
        "$LOTSE" --db "$T/p.sqlite" print --all -o "$T/fs/out" >/dev/null 2>"$T/folder.err"
        echo $? >"$T/folder.rc"
        ls -A "$T/fs/out" >"$T/folder.ls"
        cp -R "$T/fs/out" "$T/out-copy"
    "#;
    if in_namespace("disk full: printing", t, script).is_none() {
        return;
    }

    // The merged file: a plain message naming it; no file, no temporary; the older file
    // under the same name unchanged.
    assert_ne!(exit_code(t, "merged"), 0);
    let err = read(&t.join("merged.err"));
    let all = t.join("fs").join("all.pdf");
    assert!(
        err.contains(&format!(
            "Die Datei {} konnte nicht geschrieben werden: Auf dem Datenträger ist kein Platz mehr frei.",
            all.display()
        )),
        "{err}"
    );
    assert_plain(&err);
    assert_ne!(exit_code(t, "again"), 0);
    let err = read(&t.join("again.err"));
    assert!(err.contains("kein Platz mehr frei"), "{err}");
    assert_plain(&err);
    let left = names_in(&read(&t.join("merged.ls")));
    assert!(!left.contains(&"all.pdf".to_owned()), "{left:?}");
    assert!(
        !left.iter().any(|n| n.starts_with(".lotse-tmp-")),
        "{left:?}"
    );
    assert!(std::fs::read(t.join("old-after.pdf")).unwrap() == old);

    // The folder: how many were written and which one failed; every file there is whole.
    assert_ne!(exit_code(t, "folder"), 0);
    let err = read(&t.join("folder.err"));
    assert_plain(&err);
    let written = names_in(&read(&t.join("folder.ls")));
    assert!(
        !written.iter().any(|n| n.starts_with(".lotse-tmp-")),
        "{written:?}"
    );
    let n = written.len();
    assert!(n > 0 && n < total, "{n} of {total}: {written:?}");
    let folder = t.join("fs").join("out");
    let head = format!(
        "Fehler: {n} von {total} Urkunden {} in {} geschrieben; ",
        if n == 1 { "wurde" } else { "wurden" },
        folder.display(),
    );
    let tail = " konnte nicht geschrieben werden: Auf dem Datenträger ist kein Platz mehr \
                frei. Schaffen Sie Platz und versuchen Sie es noch einmal.";
    let failed = err
        .trim_end()
        .strip_prefix(&head)
        .and_then(|rest| rest.strip_suffix(tail))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(reference.contains(&failed.to_owned()), "{failed}: {err}");
    assert!(!written.contains(&failed.to_owned()), "{failed}: {err}");
    for name in &written {
        assert!(reference.contains(name), "{name} not in {reference:?}");
        let bytes = std::fs::read(t.join("out-copy").join(name)).unwrap();
        let doc = lopdf::Document::load_mem(&bytes)
            .unwrap_or_else(|e| panic!("{name} is not a whole PDF: {e}"));
        assert_eq!(doc.get_pages().len(), 1, "{name}");
    }
}

#[test]
fn exporting_to_a_read_only_file_system_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path();
    let db = t.join("p.sqlite");
    ok(lotse(&db).args(["demo", "--employees", "20"]));
    let script = r#"
        set -u
        mkdir "$T/ro"
        mount -t tmpfs -o ro,size=64k tmpfs "$T/ro"
        "$LOTSE" --db "$T/p.sqlite" export employees -o "$T/ro/staff.csv" >/dev/null 2>"$T/export.err"
        echo $? >"$T/export.rc"
        ls -A "$T/ro" >"$T/ro.ls"
    "#;
    if in_namespace("read-only: export", t, script).is_none() {
        return;
    }
    assert_ne!(exit_code(t, "export"), 0);
    let err = read(&t.join("export.err"));
    let target = t.join("ro").join("staff.csv");
    assert!(
        err.contains(&format!(
            "Lotse hat keinen Zugriff auf {}",
            target.display()
        )),
        "{err}"
    );
    assert!(err.contains("schreibgeschützt"), "{err}");
    assert_plain(&err);
    assert_eq!(read(&t.join("ro.ls")), "");
}

#[cfg(unix)]
#[test]
fn exporting_to_a_folder_without_write_permission_says_so() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite");
    ok(lotse(&db).args(["demo", "--employees", "20"]));
    let locked: PathBuf = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o500)).unwrap();
    // Root (or a process with CAP_DAC_OVERRIDE) may write there anyway.
    let probe = locked.join("probe");
    if std::fs::write(&probe, b"x").is_ok() {
        let _ = std::fs::remove_file(&probe);
        println!("read-only folder: skipped, this user may write to a folder with mode 500");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o700)).unwrap();
        return;
    }
    let target = locked.join("staff.csv");
    let out = lotse(&db)
        .args(["export", "employees", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o700)).unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "Lotse hat keinen Zugriff auf {}",
            target.display()
        )),
        "{err}"
    );
    assert!(err.contains("schreibgeschützt"), "{err}");
    assert_plain(&err);
    assert_eq!(std::fs::read_dir(&locked).unwrap().count(), 0);
}
