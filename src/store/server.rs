//! Opening a Lotse database on a PostgreSQL server: the connection (password from the URL,
//! else from `PGPASSFILE` or `~/.pgpass`, as libpq does), the refusal of a foreign or newer
//! database, and the migrations — the same schema versions as the SQLite file, written for
//! PostgreSQL in `sql/postgres/`.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use postgres::{Client, Config, NoTls};

use super::driver::{Conn, PgConn, params};
use super::open::SCHEMA_VERSION;
use crate::error::{Error, Result};

/// The schema versions for PostgreSQL: the same numbers and meaning as
/// `open::MIGRATIONS` for SQLite.
const MIGRATIONS: &[&str] = &[
    concat!(
        include_str!("sql/postgres/0001_initial.sql"),
        "\n",
        include_str!("sql/postgres/compat.sql")
    ),
    include_str!("sql/postgres/0002_audit_at.sql"),
    include_str!("sql/postgres/0003_audit_employee.sql"),
    include_str!("sql/postgres/0004_privacy.sql"),
    include_str!("sql/postgres/0005_versions.sql"),
    include_str!("sql/postgres/0006_signing.sql"),
    include_str!("sql/postgres/0007_waitlist.sql"),
];

/// The script that creates the roles `lotse_officer` and `lotse_reader` and their grants.
pub const ROLES_SQL: &str = include_str!("sql/postgres/roles.sql");

/// A key for `pg_advisory_xact_lock`: one migration at a time per database.
const MIGRATION_LOCK: i64 = 0x4c6f_7473_6501;

/// Whether `target` (a `--db` argument) names a PostgreSQL database rather than a file.
pub fn is_url(target: &str) -> bool {
    let lower = target.trim().to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// Whether the URL carries a password (`postgres://user:secret@host/db`, or
/// `?password=…`); an unreadable URL counts as one, to be safe.
pub fn url_has_password(url: &str) -> bool {
    Config::from_str(url).map_or(true, |config| config.get_password().is_some())
}

/// The URL without its password, for messages and logs.
pub fn display_url(url: &str) -> String {
    match Config::from_str(url) {
        Ok(config) => {
            let host = config
                .get_hosts()
                .first()
                .map(|h| match h {
                    postgres::config::Host::Tcp(name) => name.clone(),
                    #[cfg(unix)]
                    postgres::config::Host::Unix(path) => path.display().to_string(),
                })
                .unwrap_or_default();
            let port = config.get_ports().first().copied().unwrap_or(5432);
            format!(
                "postgres://{}@{host}:{port}/{}",
                config.get_user().unwrap_or_default(),
                config.get_dbname().unwrap_or_default()
            )
        }
        Err(_) => "postgres://…".to_owned(),
    }
}

/// Creates a new, empty database on the server `admin` (a URL of a role that may create
/// databases) and gives its URL: for tests that run against PostgreSQL.
pub fn scratch_database(admin: &str) -> Result<String> {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    let name = format!("lotse_scratch_{}_{n}_{nanos}", std::process::id());
    let config = Config::from_str(admin).map_err(|e| Error::Backend(e.to_string()))?;
    let mut client = connect(&config)?;
    client.batch_execute(&format!("CREATE DATABASE {name}"))?;
    Ok(with_database(admin, &name))
}

/// `url` with its database name replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let rest = base.split_once("://").map_or(base, |(_, r)| r);
    let authority_end = rest
        .find('/')
        .map_or(base.len(), |i| base.len() - rest.len() + i);
    let mut out = format!("{}/{name}", &base[..authority_end]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// What it takes to connect to a server database again, exactly as the first connection
/// did: the parsed URL with the user, the password (from the URL, the app's prompt or the
/// password file; kept in memory only, never written anywhere) and the encryption the URL
/// asks for. The listener for other officers' changes opens its own connection with it.
#[derive(Clone)]
pub(super) struct Connector {
    config: Config,
    tls: super::tls::Tls,
}

impl Connector {
    /// The connection settings for `url`, with `password` if the user typed one.
    fn new(url: &str, password: Option<&str>) -> Result<Connector> {
        let (url, tls) = super::tls::split_options(url);
        let mut config = Config::from_str(&url).map_err(|e| {
            log::warn!("not a PostgreSQL URL: {e}");
            Error::Message(crate::i18n::t("error-server-url"))
        })?;
        if config.get_user().is_none()
            && let Ok(user) = std::env::var("PGUSER").or_else(|_| std::env::var("USER"))
        {
            config.user(&user);
        }
        if let Some(password) = password {
            config.password(password);
        } else if config.get_password().is_none()
            && let Some(password) = password_from_pgpass(&config)
        {
            config.password(password);
        }
        config.application_name("lotse");
        Ok(Connector { config, tls })
    }

    /// A new connection, named `application` on the server (`pg_stat_activity`).
    pub(super) fn connect(&self, application: &str) -> Result<Client> {
        self.connect_with(self.config.clone(), application)
    }

    /// A new connection that only waits (a listener): TCP keep-alive probes after a
    /// minute of silence tell it within a few minutes that the server is gone without
    /// a word (a machine switched off, a network cut), where the system's default would
    /// take hours; the probes are the operating system's, not queries.
    pub(super) fn connect_waiting(&self, application: &str) -> Result<Client> {
        let mut config = self.config.clone();
        config
            .keepalives(true)
            .keepalives_idle(Duration::from_secs(60))
            .keepalives_interval(Duration::from_secs(15))
            .keepalives_retries(4);
        self.connect_with(config, application)
    }

    fn connect_with(&self, mut config: Config, application: &str) -> Result<Client> {
        config.application_name(application);
        if self.tls.encrypt {
            let connector = super::tls::connector(&self.tls)?;
            config.connect(connector).map_err(|e| {
                log::warn!("connecting to PostgreSQL failed: {e}");
                Error::Server(e)
            })
        } else {
            connect(&config)
        }
    }
}

/// Connects to the database at `url` and brings its schema up to date. Returns the
/// connection, the database user (the actor of audit entries) and how to connect again.
/// With `password`, that one is used (the app asks for it; it is never stored).
pub(super) fn open(url: &str, password: Option<&str>) -> Result<(PgConn, String, Connector)> {
    let connector = Connector::new(url, password)?;
    let client = connector.connect("lotse")?;
    let conn = PgConn::new(client)?;
    let (url, _) = super::tls::split_options(url);
    migrate(&conn, &url)?;
    let user: String = Conn::Postgres(&conn).value("SELECT current_user", params![])?;
    Ok((conn, user, connector))
}

fn connect(config: &Config) -> Result<Client> {
    config.connect(NoTls).map_err(|e| {
        log::warn!("connecting to PostgreSQL failed: {e}");
        Error::Server(e)
    })
}

/// Refuses a database that holds tables but no Lotse schema, or a newer Lotse schema;
/// applies the migrations this build has and the database lacks, in one transaction.
fn migrate(conn: &PgConn, url: &str) -> Result<()> {
    let sql = Conn::Postgres(conn);
    sql.execute_batch("BEGIN")?;
    let result = (|| -> Result<()> {
        sql.execute("SELECT pg_advisory_xact_lock(?1)", params![MIGRATION_LOCK])?;
        let has_meta: bool =
            sql.value("SELECT to_regclass('lotse_meta') IS NOT NULL", params![])?;
        let version = if has_meta {
            let application: Option<String> = sql.query_opt(
                "SELECT value FROM lotse_meta WHERE key = 'application'",
                params![],
                |r| r.get(0),
            )?;
            if application.as_deref() != Some("lotse") {
                return Err(not_lotse(url));
            }
            sql.query_opt(
                "SELECT value FROM lotse_meta WHERE key = 'schema_version'",
                params![],
                |r| r.get::<String>(0),
            )?
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(0)
        } else {
            let tables: i64 = sql.value(
                "SELECT count(*) FROM information_schema.tables
                  WHERE table_schema = current_schema()",
                params![],
            )?;
            if tables > 0 {
                return Err(not_lotse(url));
            }
            0
        };
        if version > SCHEMA_VERSION {
            return Err(Error::TooNew {
                path: PathBuf::from(display_url(url)),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        for (i, migration) in MIGRATIONS
            .iter()
            .enumerate()
            .skip(usize::try_from(version).unwrap_or(0))
        {
            sql.execute_batch(migration)?;
            log::info!("PostgreSQL schema migrated to version {}", i + 1);
        }
        if version < SCHEMA_VERSION {
            sql.execute(
                "INSERT INTO lotse_meta (key, value) VALUES ('application', 'lotse')
                 ON CONFLICT (key) DO NOTHING",
                params![],
            )?;
            sql.execute(
                "INSERT INTO lotse_meta (key, value) VALUES ('schema_version', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![SCHEMA_VERSION.to_string()],
            )?;
        }
        Ok(())
    })();
    match result {
        Ok(()) => sql.execute_batch("COMMIT"),
        Err(e) => {
            let _ = sql.execute_batch("ROLLBACK");
            Err(e)
        }
    }?;
    conn.forget_statements();
    Ok(())
}

fn not_lotse(url: &str) -> Error {
    Error::NotLotseFile {
        path: PathBuf::from(display_url(url)),
    }
}

/// The password for `config` from the password file libpq reads: `PGPASSFILE`, else
/// `~/.pgpass` (Windows: `%APPDATA%\postgresql\pgpass.conf`). Lines are
/// `host:port:database:user:password`, `*` matches anything, `\` escapes `:` and `\`.
fn password_from_pgpass(config: &Config) -> Option<String> {
    let file = std::env::var_os("PGPASSFILE")
        .map(PathBuf::from)
        .or_else(default_pgpass)?;
    let text = std::fs::read_to_string(&file).ok()?;
    let host = match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(h)) => h.clone(),
        #[cfg(unix)]
        Some(postgres::config::Host::Unix(_)) => "localhost".to_owned(),
        None => "localhost".to_owned(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let user = config.get_user().unwrap_or_default();
    let database = config.get_dbname().unwrap_or(user);
    pgpass_lookup(&text, [&host, &port, database, user])
}

fn default_pgpass() -> Option<PathBuf> {
    if cfg!(windows) {
        std::env::var_os("APPDATA").map(|d| Path::new(&d).join("postgresql").join("pgpass.conf"))
    } else {
        std::env::var_os("HOME").map(|h| Path::new(&h).join(".pgpass"))
    }
}

/// The password of the first line of a password file matching host, port, database and
/// user.
fn pgpass_lookup(text: &str, wanted: [&str; 4]) -> Option<String> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .find_map(|line| {
            let fields = pgpass_fields(line);
            if fields.len() != 5 {
                return None;
            }
            let matches = fields[..4]
                .iter()
                .zip(wanted)
                .all(|(field, want)| field == "*" || field == want);
            matches.then(|| fields[4].clone())
        })
}

fn pgpass_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next()
                    && let Some(field) = fields.last_mut()
                {
                    field.push(next);
                }
            }
            ':' => fields.push(String::new()),
            c => {
                if let Some(field) = fields.last_mut() {
                    field.push(c);
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scratch_url_names_the_new_database() {
        assert_eq!(
            with_database("postgres://lotse@127.0.0.1:5433/postgres", "x1"),
            "postgres://lotse@127.0.0.1:5433/x1"
        );
        assert_eq!(
            with_database("postgres://lotse@db?sslmode=disable", "x2"),
            "postgres://lotse@db/x2?sslmode=disable"
        );
    }

    #[test]
    fn urls_and_paths_are_told_apart() {
        assert!(is_url("postgres://anna@db.kreis.local/lotse"));
        assert!(is_url("PostgreSQL://db/lotse"));
        assert!(!is_url("/home/anna/lotse.sqlite"));
        assert!(!is_url("postgres.sqlite"));
    }

    #[test]
    fn a_displayed_url_never_shows_the_password() {
        let shown = display_url("postgres://anna:geheim@db.kreis.local:5433/lotse");
        assert_eq!(shown, "postgres://anna@db.kreis.local:5433/lotse");
        assert!(!shown.contains("geheim"));
    }

    #[test]
    fn the_password_file_matches_as_libpq_does() {
        let file = "# comment\n\
                    other:5432:*:anna:wrong\n\
                    db.kreis.local:5432:lotse:anna:pa\\:ss\\\\word\n\
                    *:*:*:*:fallback\n";
        assert_eq!(
            pgpass_lookup(file, ["db.kreis.local", "5432", "lotse", "anna"]).as_deref(),
            Some("pa:ss\\word")
        );
        assert_eq!(
            pgpass_lookup(file, ["elsewhere", "5432", "lotse", "bernd"]).as_deref(),
            Some("fallback")
        );
        assert_eq!(pgpass_lookup("a:b:c:d", ["a", "b", "c", "d"]), None);
    }
}
