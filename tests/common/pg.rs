//! A PostgreSQL server for the tests that need one.
//!
//! [`url`] gives the URL of a role that may create databases (`postgres://user@host:port/postgres`):
//! - the one `LOTSE_TEST_PG` names, when set (CI starts a server and sets it, see `.ci/run`);
//! - else, where PostgreSQL is installed (the binaries in `PG_BIN`, else the highest
//!   `/usr/lib/postgresql/*/bin`, else `initdb` on the `PATH`), a throwaway server of this
//!   test process, started on the first call: `initdb` into a temporary folder (as the
//!   `postgres` OS user when the tests run as root — PostgreSQL refuses to run as root),
//!   trust authentication, `pg_ctl start` on a free port on 127.0.0.1 with its socket in
//!   that folder. A watchdog process waits for a pipe from this process to close — which
//!   happens when the process ends, however it ends — then stops the server and deletes
//!   the folder. Statics are never dropped, so nothing in this process has to remember;
//! - else `None`: the caller calls [`skipped`] (which says so once, past the test harness's
//!   output capture) and returns.
//!
//! [`fresh_database`] creates a new, empty database on that server (owned by the role of
//! [`url`]), so that tests are independent and can run in parallel.
//!
//! Include it with `#[path = "common/pg.rs"] mod pg;` (or `pub mod pg;` in `common/mod.rs`).
#![allow(dead_code)]

use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Once, OnceLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// What the tests say when there is no PostgreSQL to run against.
pub const SKIP_NOTE: &str = "PostgreSQL tests skipped: set LOTSE_TEST_PG=postgres://… or install \
                             PostgreSQL (apt-get install postgresql) to run them";

/// The superuser of a server this process starts.
const OWN_USER: &str = "lotse";

enum Server {
    /// `LOTSE_TEST_PG`.
    Given(String),
    Own(OwnServer),
}

/// A server this process started. The shared one is never dropped (it lives in a
/// static): `_watchdog` is the write end of the watchdog's stdin, closed by the operating
/// system when this process ends — or when a server of [`start_server`] is dropped; the
/// watchdog then stops the server and deletes its folder.
pub struct OwnServer {
    /// `postgres://lotse@127.0.0.1:PORT/postgres`, the superuser of the server.
    pub url: String,
    dir: PathBuf,
    _watchdog: ChildStdin,
}

/// What a server of [`start_server`] has beyond the shared one.
#[derive(Default)]
pub struct Setup<'a> {
    /// Files put into the data directory (readable by the server only), e.g. the TLS
    /// certificate and key.
    pub files: &'a [(&'a str, &'a [u8])],
    /// The whole `pg_hba.conf`, instead of initdb's (trust for everybody).
    pub hba: Option<&'a str>,
    /// More server options (`-c name=value …`).
    pub options: &'a str,
}

/// Starts a server of its own for one test (a set-up the shared server must not have,
/// such as TLS only), stopped when the returned value is dropped; `None` where PostgreSQL
/// is not installed (after saying [`skipped`]). Panics when the server does not start.
pub fn start_server(setup: &Setup<'_>) -> Option<OwnServer> {
    #[cfg(unix)]
    if let Some(bin) = bin_dir() {
        return Some(start_own(&bin, setup).unwrap_or_else(|e| panic!("{e}")));
    }
    skipped();
    None
}

static SERVER: OnceLock<Result<Option<Server>, String>> = OnceLock::new();

/// The URL of the test server's administrative role, or `None` when there is no
/// PostgreSQL (then call [`skipped`] and return). Panics when PostgreSQL is installed
/// but the server does not start: that is a fault to see, not a reason to skip.
pub fn url() -> Option<String> {
    match SERVER.get_or_init(find_or_start) {
        Ok(Some(Server::Given(url))) => Some(url.clone()),
        Ok(Some(Server::Own(own))) => Some(own.url.clone()),
        Ok(None) => None,
        Err(e) => panic!("{e}"),
    }
}

/// The temporary folder of the server this process started (`None` for a server that
/// `LOTSE_TEST_PG` names, or none at all). The data directory is `data` in it.
pub fn own_server_dir() -> Option<PathBuf> {
    match SERVER.get() {
        Some(Ok(Some(Server::Own(own)))) => Some(own.dir.clone()),
        _ => None,
    }
}

/// Whether this machine could start a server of its own (PostgreSQL is installed).
pub fn can_start_own() -> bool {
    cfg!(unix) && bin_dir().is_some()
}

/// Says once per test process, where it is seen even though the test harness captures a
/// passing test's output, that the PostgreSQL tests were skipped and how to run them.
pub fn skipped() {
    static SAID: Once = Once::new();
    SAID.call_once(|| {
        let _ = writeln!(std::io::stderr().lock(), "\n{SKIP_NOTE}\n");
    });
}

/// The URL of a new, empty database on the test server, named after `hint` (owned by the
/// role of [`url`]); `None` when there is no server (after saying [`skipped`]).
pub fn fresh_database(hint: &str) -> Option<String> {
    let Some(admin) = url() else {
        skipped();
        return None;
    };
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let hint: String = hint
        .chars()
        .map(|c| c.to_ascii_lowercase())
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .take(24)
        .collect();
    let salt = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_micros())
        .unwrap_or_default();
    let name = format!(
        "lotse_t_{hint}_{}_{}_{salt}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let mut client = connect(&admin);
    client
        .batch_execute(&format!("CREATE DATABASE \"{name}\""))
        .unwrap_or_else(|e| panic!("CREATE DATABASE {name} on the test server: {e}"));
    Some(with_database(&admin, &name))
}

/// Drops a database [`fresh_database`] made (best effort: for servers that outlive the
/// tests, such as one `LOTSE_TEST_PG` names).
pub fn drop_database(url: &str) {
    let Some(admin) = self::url() else { return };
    let Some(name) = database_of(url) else { return };
    if let Ok(mut client) = postgres::Client::connect(&admin, postgres::NoTls) {
        let _ = client.batch_execute(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"));
    }
}

/// Connects to `url` without TLS (the test server is local), panicking with the URL.
pub fn connect(url: &str) -> postgres::Client {
    postgres::Client::connect(url, postgres::NoTls)
        .unwrap_or_else(|e| panic!("connecting to the test server {url}: {e}"))
}

/// `url` with its database replaced by `name` (query parameters kept).
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = split_query(url);
    let (scheme, rest) = base.split_once("://").unwrap_or(("postgres", base));
    let authority = rest.split('/').next().unwrap_or_default();
    format!("{scheme}://{authority}/{name}{query}")
}

/// `url` with its user (and password) replaced: how a member of `lotse_officer` or
/// `lotse_reader` connects to the same database.
pub fn with_user(url: &str, user: &str, password: Option<&str>) -> String {
    let (base, query) = split_query(url);
    let (scheme, rest) = base.split_once("://").unwrap_or(("postgres", base));
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let userinfo = match password {
        Some(p) => format!("{user}:{p}"),
        None => user.to_owned(),
    };
    format!("{scheme}://{userinfo}@{host}/{path}{query}")
}

fn split_query(url: &str) -> (&str, &str) {
    match url.find('?') {
        Some(i) => (&url[..i], &url[i..]),
        None => (url, ""),
    }
}

/// The database a URL names.
pub fn database_of(url: &str) -> Option<String> {
    let (base, _) = split_query(url);
    let rest = base.split_once("://")?.1;
    let name = rest.split_once('/')?.1;
    (!name.is_empty()).then(|| name.to_owned())
}

fn find_or_start() -> Result<Option<Server>, String> {
    if let Ok(url) = std::env::var("LOTSE_TEST_PG")
        && !url.trim().is_empty()
    {
        return Ok(Some(Server::Given(url.trim().to_owned())));
    }
    #[cfg(unix)]
    if let Some(bin) = bin_dir() {
        return start_own(&bin, &Setup::default()).map(|own| Some(Server::Own(own)));
    }
    // (Elsewhere, e.g. on Windows, only a server LOTSE_TEST_PG names.)
    Ok(None)
}

/// The folder with `initdb` and `pg_ctl`: `PG_BIN`, else the highest version under
/// `/usr/lib/postgresql` (Debian, Ubuntu), else the folder of `initdb` on the `PATH`.
fn bin_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("PG_BIN").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let debian = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version: u32 = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .max_by_key(|(version, _)| *version)
        .map(|(_, bin)| bin);
    debian.or_else(|| on_path("initdb").and_then(|p| p.parent().map(Path::to_path_buf)))
}

fn on_path(program: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

#[cfg(unix)]
/// initdb, the watchdog, pg_ctl start. Every step's failure names what to do.
fn start_own(bin: &Path, setup: &Setup<'_>) -> Result<OwnServer, String> {
    let fail = |what: &str, detail: String| {
        format!(
            "starting a PostgreSQL server for the tests ({}) failed: {what}: {detail}\n\
             Set LOTSE_TEST_PG=postgres://user@host:port/postgres to use a running server instead.",
            bin.display()
        )
    };
    let base = temp_base();
    let dir = tempfile::Builder::new()
        .prefix("lotse-pg-")
        .tempdir_in(&base)
        .map_err(|e| fail("creating a temporary folder", e.to_string()))?
        .keep();
    let data = dir.join("data");

    // PostgreSQL refuses to run as root: then the server runs as the `postgres` OS user.
    let run_as = if owner_uid(&dir) == Some(0) {
        let (uid, gid) = os_user_ids("postgres").ok_or_else(|| {
            fail(
                "running as root",
                "there is no `postgres` OS user to run the server as".into(),
            )
        })?;
        std::os::unix::fs::chown(&dir, Some(uid), Some(gid))
            .map_err(|e| fail("handing the folder to the postgres user", e.to_string()))?;
        if on_path("runuser").is_some() {
            vec![
                "runuser".to_owned(),
                "-u".into(),
                "postgres".into(),
                "--".into(),
            ]
        } else if on_path("setpriv").is_some() {
            vec![
                "setpriv".to_owned(),
                "--reuid=postgres".into(),
                "--regid=postgres".into(),
                "--init-groups".into(),
                "--".into(),
            ]
        } else {
            return Err(fail(
                "running as root",
                "neither runuser nor setpriv found".into(),
            ));
        }
    } else {
        Vec::new()
    };
    let command = |program: &str| {
        let mut words = run_as.clone();
        words.push(bin.join(program).display().to_string());
        let mut cmd = Command::new(&words[0]);
        cmd.args(&words[1..]).current_dir(&dir).stdin(Stdio::null());
        cmd
    };

    // The watchdog, first: waits until this process's end closes its stdin, then stops
    // the server (again, should a start have been under way) and deletes the folder. It
    // ignores ^C, which reaches the whole process group.
    let mut stop_words = run_as.clone();
    stop_words.push(bin.join("pg_ctl").display().to_string());
    let mut watchdog = Command::new("sh")
        .arg("-c")
        .arg(
            r#"trap '' HUP INT TERM
dir=$1; shift
cat >/dev/null 2>&1
i=0
while [ $i -lt 40 ]; do
  "$@" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1
  [ -f "$dir/data/postmaster.pid" ] || break
  i=$((i + 1)); sleep 0.5
done
rm -rf "$dir""#,
        )
        .arg("lotse-pg-watchdog")
        .arg(&dir)
        .args(&stop_words)
        .current_dir(&base)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| fail("starting the watchdog (sh)", e.to_string()))?;
    let pipe = watchdog
        .stdin
        .take()
        .ok_or_else(|| fail("starting the watchdog", "no stdin".into()))?;

    let out = command("initdb")
        .arg("-D")
        .arg(&data)
        .args([
            "-U",
            OWN_USER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        ])
        .output()
        .map_err(|e| fail("running initdb", e.to_string()))?;
    if !out.status.success() {
        return Err(fail("initdb", output_text(&out)));
    }
    let hba = setup.hba.map(|text| ("pg_hba.conf", text.as_bytes()));
    for (name, contents) in setup.files.iter().copied().chain(hba) {
        place(&data, name, contents).map_err(|e| fail(&format!("writing {name}"), e))?;
    }

    let log = dir.join("server.log");
    let mut last = String::new();
    for _ in 0..3 {
        let port = free_port().map_err(|e| fail("finding a free port", e.to_string()))?;
        let options = format!(
            "-c listen_addresses=127.0.0.1 -p {port} -k '{}' -c fsync=off \
             -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 {}",
            dir.display(),
            setup.options
        );
        let out = command("pg_ctl")
            .arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(&log)
            .args(["-w", "-t", "60", "-o", &options, "start"])
            .output()
            .map_err(|e| fail("running pg_ctl", e.to_string()))?;
        if out.status.success() {
            let url = format!("postgres://{OWN_USER}@127.0.0.1:{port}/postgres");
            return Ok(OwnServer {
                url,
                dir,
                _watchdog: pipe,
            });
        }
        // Another process may have taken the port meanwhile: try another.
        let server_log = std::fs::read_to_string(&log).unwrap_or_default();
        last = format!("{}\n{server_log}", output_text(&out));
        std::thread::sleep(Duration::from_millis(200));
    }
    Err(fail("pg_ctl start", last))
}

#[cfg(unix)]
/// Where the temporary folder goes: the system's, unless the tests run as root with a
/// `TMPDIR` the `postgres` user cannot enter.
fn temp_base() -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let base = std::env::temp_dir();
    match std::fs::metadata(&base) {
        Ok(m) if m.permissions().mode() & 0o001 != 0 => base,
        _ => PathBuf::from("/tmp"),
    }
}

#[cfg(unix)]
/// Writes `contents` to `name` in the data directory `data`, owned by the directory's
/// owner (the server's user) and readable by it only, as PostgreSQL wants a key file.
fn place(data: &Path, name: &str, contents: &[u8]) -> Result<(), String> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let path = data.join(name);
    std::fs::write(&path, contents).map_err(|e| e.to_string())?;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))
        .map_err(|e| e.to_string())?;
    let owner = std::fs::metadata(data).map_err(|e| e.to_string())?;
    if owner_uid(&path) != Some(owner.uid()) {
        std::os::unix::fs::chown(&path, Some(owner.uid()), Some(owner.gid()))
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

#[cfg(unix)]
fn owner_uid(path: &Path) -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| m.uid())
}

#[cfg(unix)]
fn os_user_ids(user: &str) -> Option<(u32, u32)> {
    let id = |flag: &str| -> Option<u32> {
        let out = Command::new("id").args([flag, user]).output().ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().parse().ok())?
    };
    Some((id("-u")?, id("-g")?))
}

fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn output_text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
    .trim()
    .to_owned()
}
