//! The background worker: it owns the [`Database`], runs the user's commands through
//! `crate::service`, refreshes the view models for what each change concerns and wakes
//! the UI.
//! Nothing in a frame waits for the database.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError, channel};
use std::sync::{Arc, Weak};
use std::time::Duration;

use chrono::NaiveDate;

use crate::app::data::{Data, People};
use crate::error::{Error, Result};
use crate::i18n::{self, Lang};
use crate::model::{Changes, DepartmentId, DepartmentInput, EmployeeId, EmployeeInput};
use crate::service::Database;
use crate::service::demo::DemoOptions;
use crate::service::import_employees::Preview;
use crate::service::live::Live;
use crate::service::{self, settings};

/// How often the idle worker looks for changes another process committed to the file
/// (a server announces them instead: see [`spawn_listener`]).
const POLL_INTERVAL: Duration = Duration::from_secs(2);

/// How long the listener waits before it connects again after its connection broke: the
/// first time, then twice as long each time up to the longest.
const RECONNECT_FIRST: Duration = Duration::from_secs(1);
const RECONNECT_LONGEST: Duration = Duration::from_secs(30);

/// Identifies one command, so that the screen that sent it can pick up its answer.
pub(crate) type Ticket = u64;

/// What the UI asks the worker to do.
pub(crate) enum Command {
    /// Load the view models anew ("Aktualisieren").
    Refresh,
    AddEmployee(EmployeeInput),
    /// Save an employee the form loaded at `version` (refused if it changed since).
    UpdateEmployee {
        id: EmployeeId,
        version: i64,
        input: EmployeeInput,
    },
    /// Mark as left on the date, or as active again with `None`.
    SetExit(EmployeeId, Option<NaiveDate>),
    AddDepartment(DepartmentInput),
    /// Save a department the form loaded at `version` (refused if it changed since).
    UpdateDepartment {
        id: DepartmentId,
        version: i64,
        input: DepartmentInput,
    },
    SetDepartmentActive(DepartmentId, bool),
    SetLanguage(Lang),
    SaveOrganisation {
        name: String,
        place: String,
        organizer_email: String,
    },
    /// Fill the empty database with a sample administration; `cancel` stops it.
    GenerateDemo {
        options: DemoOptions,
        cancel: Arc<AtomicBool>,
    },
    ImportPreview(PathBuf),
    ImportCommit {
        preview: Arc<Preview>,
        create_departments: bool,
    },
    /// Programs, issuing, certificates (see `certificates::worker`).
    Certs(crate::app::certificates::worker::CertCommand),
    /// Backups, restore, check and repair (see `settings::worker_backup`).
    Backup(crate::app::settings::worker_backup::BackupCommand),
    /// Loading what the dashboard and reports compute from (see `reports::worker`).
    Reports(crate::app::reports::worker::ReportsCommand),
    /// Seminars, sessions, rosters, participant lists, histories (see `training::worker`).
    Training(crate::app::training::worker::TrainingCommand),
    /// The retention of leavers (see `settings::worker_retention`).
    Retention(crate::app::settings::worker_retention::RetentionCommand),
    /// Renewals, their drafts and thresholds (see `certificates::worker_renewals`).
    Renewals(crate::app::certificates::worker_renewals::RenewalsCommand),
    /// The audit log: pages, counts and exports (see `settings::worker_audit`).
    Audit(crate::app::settings::worker_audit::AuditCommand),
    /// DSGVO export and erasure of one employee (see `people::worker_privacy`).
    Privacy(crate::app::people::worker_privacy::PrivacyCommand),
    /// The needs of a program and registering for a session (see `certificates::needs`).
    Needs(crate::app::certificates::needs::NeedsCommand),
    /// Internal, from the listener thread (never sent by the UI, never answered): another
    /// officer committed these changes to the server database.
    ChangedElsewhere(Changes),
}

/// What a finished command produced.
pub(crate) enum Outcome {
    Done,
    EmployeeAdded(EmployeeId),
    DepartmentAdded(DepartmentId),
    /// The demo generator's summary.
    Demo(String),
    ImportPreview(Arc<Preview>),
    /// The import's summary.
    Imported(String),
    Certs(crate::app::certificates::worker::CertOutcome),
    Backup(crate::app::settings::worker_backup::BackupOutcome),
    Reports(crate::app::reports::worker::ReportsOutcome),
    Training(crate::app::training::worker::TrainingOutcome),
    Retention(crate::app::settings::worker_retention::RetentionOutcome),
    Renewals(crate::app::certificates::worker_renewals::RenewalsOutcome),
    Audit(crate::app::settings::worker_audit::AuditOutcome),
    Privacy(crate::app::people::worker_privacy::PrivacyOutcome),
    Needs(crate::app::certificates::needs::NeedsOutcome),
}

/// What the worker reports back.
pub(crate) enum Event {
    /// Fresh view models (sent before the `Finished` of the change that caused them).
    Loaded(Result<Arc<Data>>),
    /// Progress of a long command, 0.0 to 1.0.
    Progress(Ticket, f32),
    Finished(Ticket, Result<Outcome>),
    /// The automatic daily backup failed, for this reason (in the user's language).
    BackupFailed(String),
}

/// The UI's handle to the worker thread.
pub(crate) struct Worker {
    /// The only strong reference: the listener thread holds a weak one, so that dropping
    /// this handle still ends the worker.
    commands: Arc<Sender<(Ticket, Command)>>,
    events: Receiver<Event>,
    next_ticket: Ticket,
    in_flight: usize,
    gone: bool,
}

impl Worker {
    /// Starts the worker thread with `database`; it speaks `lang` in its messages and calls
    /// `ctx.request_repaint()` whenever it has something to report. It loads the view
    /// models at once. The thread ends when the returned handle is dropped.
    pub fn spawn(database: Database, lang: Lang, ctx: egui::Context) -> Result<Worker> {
        let (commands, command_rx) = channel::<(Ticket, Command)>();
        let commands = Arc::new(commands);
        let for_listener = Arc::downgrade(&commands);
        let (event_tx, events) = channel::<Event>();
        std::thread::Builder::new()
            .name("lotse-worker".to_owned())
            .spawn(move || {
                i18n::set_thread_language(lang);
                // The first refresh loads everything: what was written before is in it.
                let mut database = database;
                database.take_changes();
                // On a server, other officers' commits are announced: listen before the
                // first load, so that nothing committed after it goes unheard. A file is
                // asked every few seconds instead.
                let poll = match database.listener() {
                    Some(mut listener) => {
                        if let Err(e) = listener.connect() {
                            log::warn!("listening for other officers' changes failed: {e}");
                        }
                        spawn_listener(listener, for_listener);
                        false
                    }
                    None => true,
                };
                let mut state = WorkerState {
                    database,
                    events: event_tx,
                    ctx,
                    revision: 0,
                    data_version: None,
                    live: None,
                    data: None,
                };
                state.refresh(Changes::everything());
                // Commands that queued up while the worker was busy run together, with
                // one refresh of the view models after them (rapid key presses in a
                // roster at 10,000 employees would otherwise each wait for a refresh).
                // On a server it sleeps until a command comes, from the UI or from the
                // listener (another officer's change). On a file it looks every few
                // seconds whether another process (the command line, a script) changed
                // it, and reloads if so.
                loop {
                    let first = if poll {
                        match command_rx.recv_timeout(POLL_INTERVAL) {
                            Ok(first) => first,
                            Err(RecvTimeoutError::Timeout) => {
                                if state.changed_elsewhere() {
                                    state.refresh(Changes::everything());
                                }
                                continue;
                            }
                            Err(RecvTimeoutError::Disconnected) => break,
                        }
                    } else {
                        match command_rx.recv() {
                            Ok(first) => first,
                            Err(_) => break,
                        }
                    };
                    let mut batch = vec![first];
                    batch.extend(command_rx.try_iter());
                    state.execute(batch);
                }
                // Closing the database tells the listener to stop (see `spawn_listener`).
            })
            .map_err(|e| Error::file("lotse-worker", e))?;
        Ok(Worker {
            commands,
            events,
            next_ticket: 1,
            in_flight: 0,
            gone: false,
        })
    }

    /// Queues `command`; returns its ticket. Never blocks.
    pub fn send(&mut self, command: Command) -> Ticket {
        let ticket = self.next_ticket;
        self.next_ticket += 1;
        if self.commands.send((ticket, command)).is_ok() {
            self.in_flight += 1;
        } else {
            self.gone = true;
        }
        ticket
    }

    /// The events that arrived since the last call.
    pub fn poll(&mut self) -> Vec<Event> {
        let mut out = Vec::new();
        loop {
            match self.events.try_recv() {
                Ok(event) => {
                    if matches!(event, Event::Finished(..)) {
                        self.in_flight = self.in_flight.saturating_sub(1);
                    }
                    out.push(event);
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.gone = true;
                    self.in_flight = 0;
                    break;
                }
            }
        }
        out
    }

    /// Takes the closing backup and waits for it, at most `timeout`; returns its result
    /// (`None` when the worker is gone or took too long). For the app's last moment.
    pub fn backup_on_closing(&mut self, timeout: Duration) -> Option<Result<Outcome>> {
        let ticket = self.send(Command::Backup(
            crate::app::settings::worker_backup::BackupCommand::Take {
                reason: service::backup::BackupReason::Closing,
                cancel: Arc::new(AtomicBool::new(false)),
            },
        ));
        let deadline = std::time::Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.events.recv_timeout(left) {
                Ok(Event::Finished(t, result)) if t == ticket => return Some(result),
                Ok(_) => {}
                Err(_) => return None,
            }
        }
    }

    /// Commands sent and not yet finished.
    pub fn in_flight(&self) -> usize {
        self.in_flight
    }

    /// True when the worker thread has ended (it panicked); nothing more will happen.
    pub fn is_gone(&self) -> bool {
        self.gone
    }
}

/// Times the steps of a refresh for the log (level debug).
struct Lap(std::time::Instant);

impl Lap {
    fn start() -> Lap {
        Lap(std::time::Instant::now())
    }

    fn note(&mut self, step: &str) {
        log::debug!(
            "refresh: {step} in {:.1} ms",
            self.0.elapsed().as_secs_f64() * 1000.0
        );
        self.0 = std::time::Instant::now();
    }
}

struct WorkerState {
    database: Database,
    events: Sender<Event>,
    ctx: egui::Context,
    revision: u64,
    /// The database's `data_version` at the last reload; it changes when another
    /// connection commits (this connection's own commits leave it alone).
    data_version: Option<i64>,
    /// What the view models are built from, kept up to date change by change.
    live: Option<Live>,
    /// The view models last sent.
    data: Option<Arc<Data>>,
}

impl WorkerState {
    fn send(&self, event: Event) {
        // A closed channel means the app is shutting down; nothing to report to.
        let _ = self.events.send(event);
        self.ctx.request_repaint();
    }

    /// Brings the view models up to date after `changes` and sends them. After a
    /// failure the next refresh loads everything anew.
    fn refresh(&mut self, changes: Changes) {
        self.data_version = self.database.data_version().ok();
        self.revision += 1;
        let started = std::time::Instant::now();
        // The first data is shown only once the file passed its check (which may still
        // run beside this first load; see `Database::open_checking_in_background`).
        // A load that failed on a damaged page still waits for the check, so that the
        // damage is reported as such (with the copy kept and the backup named).
        let result = self.rebuild(changes);
        let result = self.database.verified().and(result);
        log::debug!(
            "view models refreshed in {} ms",
            started.elapsed().as_millis()
        );
        match &result {
            Ok(data) => self.data = Some(Arc::clone(data)),
            Err(_) => {
                self.live = None;
                self.data = None;
            }
        }
        self.send(Event::Loaded(result));
    }

    /// The view models after `changes`: the parts they concern rebuilt, the others shared
    /// with the previous ones.
    fn rebuild(&mut self, changes: Changes) -> Result<Arc<Data>> {
        let database = &self.database;
        let revision = self.revision;
        let (Some(live), Some(previous)) = (&mut self.live, &self.data) else {
            let live = Live::load(database)?;
            let training = Arc::new(crate::app::training::worker::load(database)?);
            let data = Data::new(
                revision,
                live.today(),
                People::new(
                    live.today(),
                    live.employees.clone(),
                    live.departments.clone(),
                ),
                live.organisation.clone(),
                live.place.clone(),
                Arc::new(crate::app::certificates::worker::build(
                    database, &live, None,
                )?),
                Arc::clone(&training),
                Arc::new(crate::app::reports::worker::dashboard_view(
                    &live, &training,
                )),
            );
            let mut data = data;
            data.organizer_email = live.organizer_email.clone();
            self.live = Some(live);
            return Ok(Arc::new(data));
        };
        let mut lap = Lap::start();
        let updated = live.update(database, &changes)?;
        lap.note("live data");
        let mut data = Data::clone(previous);
        data.revision = revision;
        data.today = live.today();
        if updated.people {
            data.set_people(People::new(
                live.today(),
                live.employees.clone(),
                live.departments.clone(),
            ));
        }
        if updated.settings {
            data.organisation = live.organisation.clone();
            data.place = live.place.clone();
            data.organizer_email = live.organizer_email.clone();
            data.parts.settings = revision;
        }
        let training = changes.seminars || changes.sessions || changes.attendance;
        if training {
            let only_rosters = !changes.seminars && !changes.sessions && !changes.all_rosters();
            data.training = Arc::new(if only_rosters {
                previous
                    .training
                    .with_rosters_changed(database, &changes.rosters)?
            } else {
                crate::app::training::worker::load(database)?
            });
            data.parts.training = revision;
            lap.note("sessions");
        }
        if updated.any() || changes.settings {
            let reuse = crate::app::certificates::worker::Reuse {
                previous: &previous.certs,
                changes: &changes,
                updated,
            };
            data.certs = Arc::new(crate::app::certificates::worker::build(
                database,
                live,
                Some(reuse),
            )?);
            data.parts.certs = revision;
            lap.note("standings and certificates");
        }
        if updated.any() || training {
            data.dashboard = Arc::new(crate::app::reports::worker::dashboard_view(
                live,
                &data.training,
            ));
            data.parts.dashboard = revision;
            lap.note("dashboard");
        }
        Ok(Arc::new(data))
    }

    /// Whether another process committed to the file since the last reload.
    fn changed_elsewhere(&self) -> bool {
        match self.database.data_version() {
            Ok(version) => Some(version) != self.data_version,
            // A busy or vanished file: try again at the next poll.
            Err(_) => false,
        }
    }

    /// Runs the commands in order, refreshes the view models once for what they changed
    /// (each service operation's transaction notes what it wrote; see [`Changes`]), then
    /// reports each result (after the refresh, so the UI sees fresh data). A failed
    /// command rolled back and changed nothing: nothing is refreshed for it.
    fn execute(&mut self, batch: Vec<(Ticket, Command)>) {
        let mut changes = Changes::default();
        let mut theirs = Changes::default();
        let mut results = Vec::with_capacity(batch.len());
        // After a server restart or a network cut the connection is gone: connect again
        // before the work, so that the click after an outage works (its refresh then
        // reloads everything: what others committed meanwhile went unheard).
        if let Err(e) = self.database.reconnect_if_lost() {
            log::warn!("connecting to the database server again failed: {e}");
        }
        for (ticket, command) in batch {
            if let Command::ChangedElsewhere(c) = command {
                // Another officer's commit: refreshed with the rest, answered to nobody.
                theirs.merge(c);
                continue;
            }
            if matches!(command, Command::Refresh) {
                // "Aktualisieren": the user asks to see the file as it is, whatever changed.
                changes.merge(Changes::everything());
            }
            let result = self.run(ticket, command);
            changes.merge(self.database.take_changes());
            results.push((ticket, result));
        }
        let changed = !changes.is_empty();
        changes.merge(theirs);
        if self.changed_elsewhere() {
            self.refresh(Changes::everything());
        } else if !changes.is_empty() {
            self.refresh(changes);
        }
        for (ticket, result) in results {
            self.send(Event::Finished(ticket, result));
        }
        // The first change of a day is followed by the day's backup (after the answers,
        // so that nobody waits for it).
        if changed && let Err(e) = service::backup::daily_if_due(&self.database) {
            self.send(Event::BackupFailed(e.reason()));
        }
    }

    fn run(&mut self, ticket: Ticket, command: Command) -> Result<Outcome> {
        let database = &mut self.database;
        match command {
            Command::Refresh => Ok(Outcome::Done),
            Command::AddEmployee(input) => {
                service::employees::add(database, &input).map(Outcome::EmployeeAdded)
            }
            Command::UpdateEmployee { id, version, input } => {
                service::employees::update_checked(database, id, version, &input)
                    .map(|()| Outcome::Done)
            }
            Command::SetExit(id, exit) => {
                service::employees::set_exit(database, id, exit).map(|()| Outcome::Done)
            }
            Command::AddDepartment(input) => {
                service::departments::add(database, &input).map(Outcome::DepartmentAdded)
            }
            Command::UpdateDepartment { id, version, input } => {
                service::departments::update_checked(database, id, version, &input)
                    .map(|()| Outcome::Done)
            }
            Command::SetDepartmentActive(id, active) => {
                service::departments::set_active(database, id, active).map(|()| Outcome::Done)
            }
            Command::SetLanguage(lang) => {
                i18n::set_thread_language(lang);
                settings::set_language(database, lang).map(|()| Outcome::Done)
            }
            Command::SaveOrganisation {
                name,
                place,
                organizer_email,
            } => settings::save_organisation(database, &name, &place, &organizer_email)
                .map(|()| Outcome::Done),
            Command::GenerateDemo { options, cancel } => {
                let events = self.events.clone();
                let ctx = self.ctx.clone();
                let mut last_sent = -1.0_f32;
                let mut progress = |fraction: f32| {
                    if fraction - last_sent >= 0.01 || fraction >= 1.0 {
                        last_sent = fraction;
                        let _ = events.send(Event::Progress(ticket, fraction));
                        ctx.request_repaint();
                    }
                    !cancel.load(Ordering::Relaxed)
                };
                service::demo::generate(database, &options, &mut progress)
                    .map(|summary| Outcome::Demo(summary.describe()))
            }
            Command::ImportPreview(path) => service::import_employees::preview(database, &path)
                .map(|p| Outcome::ImportPreview(Arc::new(p))),
            Command::ImportCommit {
                preview,
                create_departments,
            } => service::import_employees::commit(database, &preview, create_departments)
                .map(|summary| Outcome::Imported(summary.describe())),
            Command::Backup(c) => crate::app::settings::worker_backup::run(
                database,
                c,
                ticket,
                &self.events,
                &self.ctx,
            ),
            Command::Certs(c) => {
                crate::app::certificates::worker::run(database, c, ticket, &self.events, &self.ctx)
            }
            Command::Reports(c) => crate::app::reports::worker::run_reports_command(database, c),
            Command::Training(c) => {
                crate::app::training::worker::run(database, c, &self.ctx).map(Outcome::Training)
            }
            Command::Retention(c) => crate::app::settings::worker_retention::run(database, c),
            Command::Renewals(c) => crate::app::certificates::worker_renewals::run(database, c),
            Command::Audit(c) => crate::app::settings::worker_audit::run(database, c),
            Command::Privacy(c) => crate::app::people::worker_privacy::run(database, c),
            Command::Needs(c) => {
                crate::app::certificates::needs::run(database, self.live.as_ref(), c)
            }
            // Taken out of the batch by `execute`.
            Command::ChangedElsewhere(_) => Ok(Outcome::Done),
        }
    }
}

/// Starts the `lotse-listener` thread: it waits for other officers' commits to the server
/// database and hands what they changed to the worker as [`Command::ChangedElsewhere`].
/// It ends when the worker closes its database (the listener hears of it and `wait` says
/// `None`), or when the UI's [`Worker`] is gone (`commands` can no longer be upgraded);
/// its connection closes with it. When the connection breaks (a server restart) it
/// connects again after 1, 2, 4 … at most 30 s, and then has everything refreshed once:
/// what was committed meanwhile went unheard.
fn spawn_listener(mut listener: service::Listener, commands: Weak<Sender<(Ticket, Command)>>) {
    let spawned = std::thread::Builder::new()
        .name("lotse-listener".to_owned())
        .spawn(move || {
            // False once the worker is gone.
            let tell = |changes: Changes| {
                commands
                    .upgrade()
                    .is_some_and(|tx| tx.send((0, Command::ChangedElsewhere(changes))).is_ok())
            };
            let mut delay = RECONNECT_FIRST;
            loop {
                if listener.is_connected() {
                    match listener.wait() {
                        Ok(Some(changes)) => {
                            if !tell(changes) {
                                return;
                            }
                            continue;
                        }
                        // The worker closed its database.
                        Ok(None) => return,
                        Err(e) => {
                            log::warn!("listening for other officers' changes stopped: {e}");
                            delay = RECONNECT_FIRST;
                        }
                    }
                }
                std::thread::sleep(delay);
                if commands.strong_count() == 0 {
                    return;
                }
                match listener.connect() {
                    // What was committed while nobody listened went unheard.
                    Ok(()) if tell(Changes::everything()) => {
                        log::info!("listening for other officers' changes again");
                    }
                    Ok(()) => return,
                    Err(e) => {
                        log::warn!("listening for other officers' changes: no connection: {e}");
                        delay = (delay * 2).min(RECONNECT_LONGEST);
                    }
                }
            }
        });
    if let Err(e) = spawned {
        log::warn!("the listener thread did not start: {e}");
    }
}
