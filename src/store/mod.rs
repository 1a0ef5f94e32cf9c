//! The SQLite store: opening (header check, pragmas, migrations), transactions with
//! their audit entry, one file per entity, and [`Read`], every read on a [`Store`] and
//! inside a [`Tx`] alike. Nothing outside this module writes SQL.

mod attendance;
mod audit;
mod backup;
mod bulk;
mod certificates;
mod check;
mod clock;
mod copy;
mod counts;
mod departments;
pub(crate) mod driver;
mod employees;
pub(crate) mod listen;
mod location;
mod open;
mod privacy;
mod private;
mod programs;
mod read;
mod retention;
mod roster;
mod seminars;
mod server;
mod sessions;
mod settings;
mod signing;
mod tls;
mod verified;
mod waitlist;

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, Transaction};

pub use attendance::{AttendanceRow, TrainingRecord};
pub use audit::{AuditEntry, AuditFilter, AuditRow};
pub use backup::{
    BackupContent, BackupName, BackupReason, backup_content, backup_dir, backup_file,
    keep_damaged_copy, list_backups, new_backup_path, parse_name, replace_file, verify_backup,
};
pub use bulk::SeminarCompletionRow;
pub use certificates::{CertificateFilter, CertificateRow, NewCertificate};
pub use check::{CheckFinding, CheckReport};
pub use clock::{Clock, FixedClock, SystemClock};
pub use copy::CopyCounts;
pub use counts::DomainCounts;
pub use departments::DepartmentRow;
pub use employees::{EmployeeFilter, EmployeeRow};
pub use listen::{LISTENER_APPLICATION, Listener};
pub use location::StorageLocation;
pub use open::{APPLICATION_ID, SCHEMA_VERSION, default_db_path};
pub use privacy::{AuditRecord, Compacted, SchemaColumn, backup_holds_person};
pub use read::Read;
pub use retention::LeaverRow;
pub use roster::AttendanceListRow;
pub use server::{ROLES_SQL, display_url, is_url, scratch_database, url_has_password};
pub use sessions::{SessionFilter, SessionRow};
pub use signing::SigningKeyInfo;

use crate::error::{Error, Result};
use crate::model::Changes;
use driver::{Conn, params};
use server::Connector;

/// An open Lotse database.
pub struct Store {
    handle: Handle,
    path: Option<PathBuf>,
    /// The server's URL without password, for a database on a PostgreSQL server.
    url: Option<String>,
    /// How to connect to that server again (for a [`Listener`]).
    connector: Option<Box<Connector>>,
    clock: Arc<dyn Clock>,
    actor: String,
    /// What committed transactions changed since [`Store::take_changes`] was last called.
    committed: Changes,
    /// The file's check, while it runs in the background.
    pending_check: Option<open::PendingCheck>,
    /// Why the file failed its background check (then nothing more is done with it).
    damaged: Option<String>,
}

/// The connection underneath: a SQLite file (or memory) or a PostgreSQL server.
enum Handle {
    Sqlite(Connection),
    Postgres(Box<driver::PgConn>),
}

/// A write transaction. Every change goes through one; [`Tx::audit`] records it
/// in the same transaction, so a rollback leaves neither change nor audit entry.
pub struct Tx<'a> {
    tx: TxHandle<'a>,
    now: NaiveDateTime,
    today: NaiveDate,
    actor: &'a str,
    /// What the write functions wrote so far (see [`Changes`]).
    changes: RefCell<Changes>,
}

/// The connection of an open transaction.
enum TxHandle<'a> {
    Sqlite(Transaction<'a>),
    /// A `BEGIN` was sent on this connection; [`Store::transact`] ends it.
    Postgres(&'a driver::PgConn),
}

impl Store {
    /// Opens the Lotse database on the PostgreSQL server at `url`
    /// (`postgres://user@host/database`), creating its schema in an empty database. A
    /// database with other tables, or a newer Lotse schema, is refused and left untouched.
    pub fn open_server(url: &str) -> Result<Store> {
        Store::open_server_with(url, None)
    }

    /// [`Store::open_server`] with the password the user typed (used for this connection
    /// only, never stored).
    pub fn open_server_with(url: &str, password: Option<&str>) -> Result<Store> {
        let (conn, user, connector) = server::open(url, password)?;
        let mut store = Store::with_handle(Handle::Postgres(Box::new(conn)), None);
        store.actor = user;
        store.url = Some(display_url(url));
        store.connector = Some(Box::new(connector));
        Ok(store)
    }

    /// Opens (or creates) the database at `path`. A file that is not a Lotse database,
    /// or one from a newer Lotse, is refused and left untouched.
    pub fn open(path: &Path) -> Result<Store> {
        let (conn, _) = open::open_file(path, open::Gate::Checked)?;
        Ok(Store::with_connection(conn, Some(path.to_path_buf())))
    }

    /// Opens the database at `path` as [`Store::open`] does, but lets SQLite's check of
    /// the file run in the background while the caller starts reading, when opening
    /// writes nothing. Whatever is read must not be shown before [`Store::verified`] said
    /// the file is sound; every write waits for it. For the app's first screen.
    pub fn open_checking_in_background(path: &Path) -> Result<Store> {
        let (conn, pending) = open::open_file(path, open::Gate::Background)?;
        let mut store = Store::with_connection(conn, Some(path.to_path_buf()));
        store.pending_check = pending;
        Ok(store)
    }

    /// Waits for a check still running in the background (see
    /// [`Store::open_checking_in_background`]): `Ok` when the file is sound, the
    /// damaged-file error (a copy kept, the newest good backup named) when not — then
    /// again on every later call.
    pub fn verified(&mut self) -> Result<()> {
        if let Some(detail) = &self.damaged {
            return Err(Error::Corrupt(detail.clone()));
        }
        let Some(pending) = self.pending_check.take() else {
            return Ok(());
        };
        let path = self.path.clone().unwrap_or_default();
        pending.finish(&path).inspect_err(|e| {
            self.damaged = Some(e.to_string());
        })
    }

    /// Opens the database at `path` without refusing it when SQLite's quick check fails,
    /// for `lotse check` to report what is wrong and repair what it can. Not for anything
    /// else: a damaged file must never be shown as if it were fine.
    pub fn open_for_repair(path: &Path) -> Result<Store> {
        let (conn, _) = open::open_file(path, open::Gate::ForRepair)?;
        Ok(Store::with_connection(conn, Some(path.to_path_buf())))
    }

    /// A fresh database in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        let conn = open::open_memory()?;
        Ok(Store::with_connection(conn, None))
    }

    fn with_connection(conn: Connection, path: Option<PathBuf>) -> Store {
        Store::with_handle(Handle::Sqlite(conn), path)
    }

    fn with_handle(handle: Handle, path: Option<PathBuf>) -> Store {
        Store {
            handle,
            path,
            url: None,
            connector: None,
            clock: Arc::new(SystemClock),
            actor: os_user(),
            committed: Changes::default(),
            pending_check: None,
            damaged: None,
        }
    }

    /// Replaces the clock (tests use a [`FixedClock`]).
    pub fn with_clock(mut self, clock: impl Clock + 'static) -> Store {
        self.clock = Arc::new(clock);
        self
    }

    pub fn set_clock(&mut self, clock: Arc<dyn Clock>) {
        self.clock = clock;
    }

    pub fn clock(&self) -> Arc<dyn Clock> {
        Arc::clone(&self.clock)
    }

    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    /// This moment by the store's clock.
    pub fn now(&self) -> NaiveDateTime {
        self.clock.now()
    }

    /// Who works on the database: the server's user name, else the operating-system
    /// user (what audit entries name).
    pub fn actor(&self) -> &str {
        &self.actor
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs `f` in one immediate transaction: committed if it returns `Ok`, rolled back
    /// otherwise. What a committed transaction wrote is added to [`Store::take_changes`].
    pub fn transact<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        // Nothing is written to a file before it passed its check.
        self.verified()?;
        let now = self.clock.now();
        let today = self.clock.today();
        let tx = match &mut self.handle {
            Handle::Sqlite(conn) => TxHandle::Sqlite(
                conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?,
            ),
            Handle::Postgres(conn) => {
                Conn::Postgres(conn).execute_batch("BEGIN")?;
                TxHandle::Postgres(conn)
            }
        };
        let wrapped = Tx {
            tx,
            now,
            today,
            actor: &self.actor,
            changes: RefCell::default(),
        };
        let value = match f(&wrapped) {
            Ok(value) => value,
            Err(e) => {
                // SQLite rolls back when the transaction is dropped.
                if let TxHandle::Postgres(conn) = wrapped.tx
                    && let Err(rollback) = Conn::Postgres(conn).execute_batch("ROLLBACK")
                {
                    log::warn!("rollback failed: {rollback}");
                }
                return Err(e);
            }
        };
        let changes = wrapped.changes.take();
        match wrapped.tx {
            TxHandle::Sqlite(tx) => tx.commit()?,
            TxHandle::Postgres(conn) => {
                let sql = Conn::Postgres(conn);
                if !changes.is_empty() {
                    // Other officers' open apps hear what changed when, and only if, the
                    // transaction commits (see `listen`).
                    let announced = sql.execute(
                        "SELECT pg_notify(?1, ?2)",
                        params![listen::CHANNEL, listen::payload(&changes)],
                    );
                    if let Err(e) = announced {
                        if let Err(rollback) = sql.execute_batch("ROLLBACK") {
                            log::warn!("rollback failed: {rollback}");
                        }
                        return Err(e);
                    }
                }
                sql.execute_batch("COMMIT")?;
                if !changes.is_empty() {
                    conn.committed();
                }
            }
        }
        self.committed.merge(changes);
        Ok(value)
    }

    /// What the transactions committed since the last call changed, and forgets it. The
    /// front ends ask after each operation and refresh just that.
    pub fn take_changes(&mut self) -> Changes {
        std::mem::take(&mut self.committed)
    }

    /// Notes that anything may have changed (a restore, a repair, a compaction).
    pub(crate) fn changed_everything(&mut self) {
        self.committed.merge(Changes::everything());
    }

    /// The connection (reads go through [`Read`]).
    pub(crate) fn conn(&self) -> Conn<'_> {
        match &self.handle {
            Handle::Sqlite(c) => Conn::Sqlite(c),
            Handle::Postgres(c) => Conn::Postgres(c),
        }
    }

    /// For a database on a PostgreSQL server, a [`Listener`] that hears what other
    /// connections commit (not yet connected: [`Listener::connect`]); `None` for a file,
    /// which has no such announcements ([`Store::data_version`] tells of outside changes).
    /// When this store closes, the listener's [`Listener::wait`] ends with `None`.
    pub fn listener(&self) -> Option<Listener> {
        let (Handle::Postgres(conn), Some(connector)) = (&self.handle, &self.connector) else {
            return None;
        };
        conn.note_listener();
        Some(Listener::new(
            Connector::clone(connector),
            conn.announcing(),
            conn.closing(),
        ))
    }

    /// On a server: when the connection was lost (the server restarted, a network cut),
    /// connects again the way it first did and returns true; everything counts as changed
    /// then (what others committed meanwhile went unheard). A file, or a connection that
    /// works, is left alone. Asks the server once (an empty query).
    pub fn reconnect_if_lost(&mut self) -> Result<bool> {
        let (Handle::Postgres(conn), Some(connector)) = (&mut self.handle, &self.connector) else {
            return Ok(false);
        };
        if !conn.is_lost() {
            return Ok(false);
        }
        let mut fresh = driver::PgConn::new(connector.connect("lotse")?)?;
        fresh.succeed(conn);
        **conn = fresh;
        log::info!("the connection to the database server was lost; connected again");
        self.changed_everything();
        Ok(true)
    }

    /// Whether the database lies on a PostgreSQL server rather than in a file.
    pub fn is_server(&self) -> bool {
        matches!(self.handle, Handle::Postgres(_))
    }

    /// Whether this connection may change the data: on a server, whether its role may
    /// (a `lotse_reader` may not); a file that can be opened can be written.
    pub fn may_write(&self) -> Result<bool> {
        match &self.handle {
            Handle::Sqlite(_) => Ok(true),
            Handle::Postgres(c) => Conn::Postgres(c).value(
                "SELECT has_table_privilege('employee', 'INSERT')",
                params![],
            ),
        }
    }

    /// Creates the roles `lotse_officer` and `lotse_reader` and grants them their rights
    /// ([`ROLES_SQL`]); for the owner of a server database. Safe to repeat.
    pub fn setup_roles(&self) -> Result<()> {
        match &self.handle {
            Handle::Sqlite(_) => Err(Error::Message(crate::i18n::t("roles-need-server"))),
            Handle::Postgres(c) => Conn::Postgres(c).execute_batch(ROLES_SQL),
        }
    }

    /// The server's URL (without password), for a database on a PostgreSQL server.
    pub fn server_url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    /// The SQLite connection itself, for what concerns the file (pragmas, backup, check);
    /// on a server these are the server's business, and the caller says so.
    pub(crate) fn sqlite(&self) -> Result<&Connection> {
        match &self.handle {
            Handle::Sqlite(c) => Ok(c),
            Handle::Postgres(_) => Err(on_server()),
        }
    }

    pub(crate) fn sqlite_mut(&mut self) -> Result<&mut Connection> {
        match &mut self.handle {
            Handle::Sqlite(c) => Ok(c),
            Handle::Postgres(_) => Err(on_server()),
        }
    }
}

/// What a file operation (backup, restore, compaction) says on a server database.
fn on_server() -> Error {
    Error::Message(crate::i18n::t("error-server-file-operation"))
}

impl Tx<'_> {
    pub(crate) fn conn(&self) -> Conn<'_> {
        match &self.tx {
            TxHandle::Sqlite(tx) => Conn::Sqlite(tx),
            TxHandle::Postgres(conn) => Conn::Postgres(conn),
        }
    }

    /// The moment the transaction started.
    pub fn now(&self) -> NaiveDateTime {
        self.now
    }

    /// Notes what a write function wrote (see [`Changes`]).
    pub(crate) fn note(&self, f: impl FnOnce(&mut Changes)) {
        f(&mut self.changes.borrow_mut());
    }
}

/// The operating-system user, for audit entries.
fn os_user() -> String {
    user_from(|name| std::env::var(name).ok())
}

/// The user named by the environment `var` reads: USER, USERNAME or LOGNAME, else the
/// last component of HOME (containers and services often set only that), else "unknown".
fn user_from(var: impl Fn(&str) -> Option<String>) -> String {
    let set = |name: &str| var(name).filter(|s| !s.trim().is_empty());
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|name| set(name))
        .or_else(|| {
            let home = set("HOME")?;
            let last = Path::new(home.trim()).file_name()?;
            Some(last.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

/// Dates as stored: ISO text.
pub(crate) fn date_to_sql(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

pub(crate) fn date_from_sql(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

impl Store {
    /// Whether SQLite enforces foreign keys on this connection (always true for a Store).
    pub fn foreign_keys_enabled(&self) -> Result<bool> {
        match &self.handle {
            Handle::Sqlite(c) => Ok(c.pragma_query_value(None, "foreign_keys", |r| r.get(0))?),
            Handle::Postgres(_) => Ok(true),
        }
    }

    /// SQLite's `data_version`: changes when another connection (another process, the
    /// CLI) committed to the file since the last call on this connection. Cheap; poll it.
    /// On a server always 0: other connections' commits are heard by a [`Listener`].
    pub fn data_version(&self) -> Result<i64> {
        match &self.handle {
            Handle::Sqlite(c) => Ok(c.pragma_query_value(None, "data_version", |r| r.get(0))?),
            Handle::Postgres(_) => Ok(0),
        }
    }

    /// Where the file lies: a local disk, a network file system or a synced cloud folder
    /// (where Lotse uses the rollback journal instead of WAL and warns).
    pub fn location(&self) -> StorageLocation {
        self.path
            .as_deref()
            .map_or(StorageLocation::Local, location::assess)
    }

    /// Rows changed through this connection since it was opened: tells whether a command
    /// changed anything.
    pub fn total_changes(&self) -> u64 {
        match &self.handle {
            Handle::Sqlite(c) => c.total_changes(),
            Handle::Postgres(c) => c.commits(),
        }
    }

    /// The journal mode in force ("wal" for files, "memory" in memory).
    pub fn journal_mode(&self) -> Result<String> {
        Ok(self
            .sqlite()?
            .pragma_query_value(None, "journal_mode", |r| r.get(0))?)
    }
}

#[cfg(test)]
mod user_tests {
    use super::user_from;

    fn user(vars: &[(&str, &str)]) -> String {
        user_from(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn user_variables_first_then_home_then_unknown() {
        assert_eq!(user(&[("USER", "anna"), ("HOME", "/home/bernd")]), "anna");
        assert_eq!(
            user(&[("LOGNAME", "carla"), ("HOME", "/home/bernd")]),
            "carla"
        );
        assert_eq!(user(&[("USER", " "), ("HOME", "/home/bernd")]), "bernd");
        assert_eq!(user(&[("HOME", "/var/lib/lotse/")]), "lotse");
        assert_eq!(user(&[("HOME", "/")]), "unknown");
        assert_eq!(user(&[]), "unknown");
    }
}
