//! [`Database`]: the open database as the front ends hold it. The app and the command line
//! open one, keep it, and hand it to every service function; what it is made of (today the
//! SQLite [`Store`]) is the services' business.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::error::Result;
use crate::model::Changes;
use crate::store::{Clock, Store};

/// An open Lotse database. Every service function takes one; the front ends only open it,
/// pass it on and ask it the few things about the file itself that a screen shows.
pub struct Database {
    store: Store,
}

impl Database {
    /// Opens (or creates) the database file, checking and migrating it — or, when `path`
    /// is a URL (`postgres://user@host/database`), the database on that PostgreSQL server.
    pub fn open(path: &Path) -> Result<Database> {
        match server_url(path) {
            Some(url) => Store::open_server(url).map(Database::from),
            None => Store::open(path).map(Database::from),
        }
    }

    /// The database on the server at `url`, logging in with `password` (which the app
    /// asked for; it is used for this connection only and never stored).
    pub fn open_with_password(url: &str, password: &str) -> Result<Database> {
        Store::open_server_with(url, Some(password)).map(Database::from)
    }

    /// Whether this user may change the data (a `lotse_reader` on a server may not).
    pub fn may_write(&self) -> Result<bool> {
        self.store.may_write()
    }

    /// On a server, connects again when the connection was lost (a server restart, a
    /// network cut) and says so; a file, or a working connection, is left as it is. The
    /// app calls it before each batch of work, so that after an outage the next click works.
    pub fn reconnect_if_lost(&mut self) -> Result<bool> {
        self.store.reconnect_if_lost()
    }

    /// Whether the database lies on a PostgreSQL server rather than in a file: backups,
    /// restores and file checks are then the server's business.
    pub fn is_server(&self) -> bool {
        self.store.is_server()
    }

    /// Opens the file and checks it on a thread of its own, beside the first load; nothing
    /// is shown or written before [`Database::verified`] said the file is sound.
    pub fn open_checking_in_background(path: &Path) -> Result<Database> {
        if let Some(url) = server_url(path) {
            // The server checks its own files.
            return Store::open_server(url).map(Database::from);
        }
        Store::open_checking_in_background(path).map(Database::from)
    }

    /// Opens a damaged file without refusing it, to check and repair it.
    pub fn open_for_repair(path: &Path) -> Result<Database> {
        if let Some(url) = server_url(path) {
            return Store::open_server(url).map(Database::from);
        }
        Store::open_for_repair(path).map(Database::from)
    }

    /// A fresh database in memory (tests, benchmarks).
    pub fn open_in_memory() -> Result<Database> {
        Store::open_in_memory().map(Database::from)
    }

    /// A fresh, empty database for tests and benchmarks: in memory — or, when
    /// `LOTSE_TEST_BACKEND=postgres`, a new database on the PostgreSQL server that
    /// `LOTSE_TEST_PG` names (`postgres://user@host:port/postgres`), so that the same tests
    /// run against both backends.
    pub fn open_scratch() -> Result<Database> {
        match scratch_server() {
            Some(admin) => {
                Store::open_server(&crate::store::scratch_database(&admin)?).map(Database::from)
            }
            None => Database::open_in_memory(),
        }
    }

    /// The same database with another clock (tests: a fixed "today").
    pub fn with_clock(self, clock: impl Clock + 'static) -> Database {
        Database::from(self.store.with_clock(clock))
    }

    /// Sets the clock that says what "today" is.
    pub fn set_clock(&mut self, clock: Arc<dyn Clock>) {
        self.store.set_clock(clock);
    }

    /// The day the clock says it is (fixed in tests): what "today" means for eligibility,
    /// expiry and leavers.
    /// Who works on the database (the server's user name, else the operating-system
    /// user): the name audit entries and printed reports give.
    pub fn user(&self) -> &str {
        self.store().actor()
    }

    pub fn today(&self) -> NaiveDate {
        self.store.today()
    }

    /// The database file, unless the database lives in memory (tests) or on a server.
    pub fn path(&self) -> Option<PathBuf> {
        self.store.path().map(Path::to_path_buf)
    }

    /// Where the database lies, for the user: the file's name, or the server's URL without
    /// password.
    pub fn location_name(&self) -> String {
        match self.store.server_url() {
            Some(url) => url.to_owned(),
            None => self
                .store
                .path()
                .and_then(Path::file_name)
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }

    /// What the operations since the last call changed (see [`Changes`]), for refreshing
    /// just that.
    pub fn take_changes(&mut self) -> Changes {
        self.store.take_changes()
    }

    /// A number that changes when another program (the command line, a script) committed
    /// to the file; cheap to ask every few seconds. On a server it stays the same: other
    /// officers' changes are heard through [`Database::listener`].
    pub fn data_version(&self) -> Result<i64> {
        self.store.data_version()
    }

    /// For a database on a PostgreSQL server, a [`Listener`] that hears what other
    /// officers (and programs) commit, on a connection of its own made exactly as this
    /// one was; `None` for a file (ask [`Database::data_version`] instead). It is not yet
    /// connected: call [`Listener::connect`].
    pub fn listener(&self) -> Option<Listener> {
        self.store.listener().map(Listener)
    }

    /// How many rows the operations on this handle changed so far: a command that changed
    /// something is followed by the day's backup.
    pub fn total_changes(&self) -> u64 {
        self.store.total_changes()
    }

    /// Waits for the file's check if it still runs beside the first load (see
    /// [`Database::open_checking_in_background`]); `Ok` when the file is sound.
    pub fn verified(&mut self) -> Result<()> {
        self.store.verified()
    }

    /// The store underneath, for the services — and for the command line's file-level
    /// commands and tests that look at rows. The app never calls it (`tests/architecture.rs`).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The store underneath, to write (see [`Database::store`]).
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }
}

/// Hears other connections' commits to a database on a PostgreSQL server: what each
/// changed, as the server announced it when it committed. Meant for a thread of its own,
/// since [`Listener::wait`] blocks.
pub struct Listener(crate::store::Listener);

impl Listener {
    /// Connects and starts listening; again after [`Listener::wait`] failed. Changes
    /// committed before this returned are not heard: refresh what is shown after it.
    pub fn connect(&mut self) -> Result<()> {
        self.0.connect()
    }

    /// Whether it is connected (and nothing failed since).
    pub fn is_connected(&self) -> bool {
        self.0.is_connected()
    }

    /// Blocks until another connection commits a change; says what changed (everything,
    /// when the announcement was too long or unreadable). Its own database's commits are
    /// not reported. `None` once that [`Database`] was closed; an error when the connection
    /// broke (a server restart) or was not made.
    pub fn wait(&mut self) -> Result<Option<Changes>> {
        self.0.wait()
    }
}

/// The server for [`Database::open_scratch`], if the tests are to run on PostgreSQL.
fn scratch_server() -> Option<String> {
    let backend = std::env::var("LOTSE_TEST_BACKEND").ok()?;
    if !backend.eq_ignore_ascii_case("postgres") {
        return None;
    }
    std::env::var("LOTSE_TEST_PG").ok()
}

/// The URL in `target` when it names a PostgreSQL database rather than a file.
pub fn server_url(target: &Path) -> Option<&str> {
    target.to_str().filter(|t| crate::store::is_url(t))
}

impl From<Store> for Database {
    fn from(store: Store) -> Database {
        Database { store }
    }
}
