//! The background worker: it owns the [`Store`], runs the user's commands through
//! `crate::service`, reloads the view models after each change and wakes the UI.
//! Nothing in a frame waits for the database.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError, channel};
use std::time::Duration;

use chrono::NaiveDate;

use super::data::Data;
use crate::error::{Error, Result};
use crate::i18n::{self, Lang};
use crate::model::{DepartmentId, DepartmentInput, EmployeeId, EmployeeInput};
use crate::service::demo::DemoOptions;
use crate::service::import_employees::Preview;
use crate::service::{self, settings};
use crate::store::{EmployeeFilter, Read, Store};

/// How often the idle worker looks for changes another process committed to the file.
const POLL_INTERVAL: Duration = Duration::from_secs(2);

/// Identifies one command, so that the screen that sent it can pick up its answer.
pub(crate) type Ticket = u64;

/// What the UI asks the worker to do.
pub(crate) enum Command {
    /// Reload the view models.
    Refresh,
    AddEmployee(EmployeeInput),
    /// Save an employee the form loaded as `original` (refused if it changed since).
    UpdateEmployee {
        id: EmployeeId,
        original: Box<EmployeeInput>,
        input: EmployeeInput,
    },
    /// Mark as left on the date, or as active again with `None`.
    SetExit(EmployeeId, Option<NaiveDate>),
    AddDepartment(DepartmentInput),
    /// Save a department the form loaded as `original` (refused if it changed since).
    UpdateDepartment {
        id: DepartmentId,
        original: DepartmentInput,
        input: DepartmentInput,
    },
    SetDepartmentActive(DepartmentId, bool),
    SetLanguage(Lang),
    SaveOrganisation {
        name: String,
        place: String,
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
    /// Programs, issuing, certificates (see [`super::worker_certs`]).
    Certs(super::worker_certs::CertCommand),
    /// Backups, restore, check and repair (see [`super::worker_backup`]).
    Backup(super::worker_backup::BackupCommand),
    /// Loading what the dashboard and reports compute from (see [`super::worker_reports`]).
    Reports(super::worker_reports::ReportsCommand),
    /// Seminars, sessions, rosters, participant lists, histories (see [`super::worker_training`]).
    Training(super::worker_training::TrainingCommand),
    /// The retention of leavers (see [`super::worker_retention`]).
    Retention(super::worker_retention::RetentionCommand),
    /// The audit log: pages, counts and exports (see [`super::worker_audit`]).
    Audit(super::worker_audit::AuditCommand),
    /// DSGVO export and erasure of one employee (see [`super::worker_privacy`]).
    Privacy(super::worker_privacy::PrivacyCommand),
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
    Certs(super::worker_certs::CertOutcome),
    Backup(super::worker_backup::BackupOutcome),
    Reports(super::worker_reports::ReportsOutcome),
    Training(super::worker_training::TrainingOutcome),
    Retention(super::worker_retention::RetentionOutcome),
    Audit(super::worker_audit::AuditOutcome),
    Privacy(super::worker_privacy::PrivacyOutcome),
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
    commands: Sender<(Ticket, Command)>,
    events: Receiver<Event>,
    next_ticket: Ticket,
    in_flight: usize,
    gone: bool,
}

impl Worker {
    /// Starts the worker thread with `store`; it speaks `lang` in its messages and calls
    /// `ctx.request_repaint()` whenever it has something to report. It loads the view
    /// models at once. The thread ends when the returned handle is dropped.
    pub fn spawn(store: Store, lang: Lang, ctx: egui::Context) -> Result<Worker> {
        let (commands, command_rx) = channel::<(Ticket, Command)>();
        let (event_tx, events) = channel::<Event>();
        std::thread::Builder::new()
            .name("lotse-worker".to_owned())
            .spawn(move || {
                i18n::set_thread_language(lang);
                let mut state = WorkerState {
                    store,
                    events: event_tx,
                    ctx,
                    revision: 0,
                    data_version: None,
                };
                state.reload();
                // Commands that queued up while the worker was busy run together, with
                // one reload of the view models after them (rapid key presses in a
                // roster at 10,000 employees would otherwise each wait for a reload).
                // Between commands it looks every few seconds whether another process
                // (the command line, a script) changed the file, and reloads if so.
                loop {
                    match command_rx.recv_timeout(POLL_INTERVAL) {
                        Ok(first) => {
                            let mut batch = vec![first];
                            batch.extend(command_rx.try_iter());
                            state.execute(batch);
                        }
                        Err(RecvTimeoutError::Timeout) => state.reload_if_changed_elsewhere(),
                        Err(RecvTimeoutError::Disconnected) => break,
                    }
                }
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
        let ticket = self.send(Command::Backup(super::worker_backup::BackupCommand::Take {
            reason: service::backup::BackupReason::Closing,
            cancel: Arc::new(AtomicBool::new(false)),
        }));
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

struct WorkerState {
    store: Store,
    events: Sender<Event>,
    ctx: egui::Context,
    revision: u64,
    /// The store's `data_version` at the last reload; it changes when another
    /// connection commits (this connection's own commits leave it alone).
    data_version: Option<i64>,
}

impl WorkerState {
    fn send(&self, event: Event) {
        // A closed channel means the app is shutting down; nothing to report to.
        let _ = self.events.send(event);
        self.ctx.request_repaint();
    }

    fn reload(&mut self) {
        self.data_version = self.store.data_version().ok();
        self.revision += 1;
        let loaded = load(&self.store, self.revision).map(Arc::new);
        self.send(Event::Loaded(loaded));
    }

    /// Whether another process committed to the file since the last reload.
    fn changed_elsewhere(&self) -> bool {
        match self.store.data_version() {
            Ok(version) => Some(version) != self.data_version,
            // A busy or vanished file: try again at the next poll.
            Err(_) => false,
        }
    }

    /// Reloads the view models when another process changed the file.
    fn reload_if_changed_elsewhere(&mut self) {
        if self.changed_elsewhere() {
            self.reload();
        }
    }

    /// Runs the commands in order, reloads the view models once if any of them changed
    /// data, then reports each result (after the reload, so the UI sees fresh data).
    fn execute(&mut self, batch: Vec<(Ticket, Command)>) {
        let mut changed = false;
        let mut results = Vec::with_capacity(batch.len());
        for (ticket, command) in batch {
            let may_change = match &command {
                Command::ImportPreview(_) => false,
                Command::Certs(c) => c.changes_data(),
                Command::Backup(c) => c.changes_data(),
                Command::Reports(_) => false,
                Command::Training(c) => c.changes_data(),
                Command::Retention(c) => c.changes_data(),
                Command::Audit(_) => false,
                Command::Privacy(c) => c.changes_data(),
                _ => true,
            };
            let result = self.run(ticket, command);
            // A failed command wrote nothing (one transaction each): nothing to refresh.
            changed |= may_change && result.is_ok();
            results.push((ticket, result));
        }
        if changed || self.changed_elsewhere() {
            self.reload();
        }
        for (ticket, result) in results {
            self.send(Event::Finished(ticket, result));
        }
        // The first change of a day is followed by the day's backup (after the answers,
        // so that nobody waits for it).
        if changed && let Err(e) = service::backup::daily_if_due(&self.store) {
            self.send(Event::BackupFailed(e.reason()));
        }
    }

    fn run(&mut self, ticket: Ticket, command: Command) -> Result<Outcome> {
        let store = &mut self.store;
        match command {
            Command::Refresh => Ok(Outcome::Done),
            Command::AddEmployee(input) => {
                service::employees::add(store, &input).map(Outcome::EmployeeAdded)
            }
            Command::UpdateEmployee {
                id,
                original,
                input,
            } => service::employees::update_checked(store, id, &original, &input)
                .map(|()| Outcome::Done),
            Command::SetExit(id, exit) => {
                service::employees::set_exit(store, id, exit).map(|()| Outcome::Done)
            }
            Command::AddDepartment(input) => {
                service::departments::add(store, &input).map(Outcome::DepartmentAdded)
            }
            Command::UpdateDepartment {
                id,
                original,
                input,
            } => service::departments::update_checked(store, id, &original, &input)
                .map(|()| Outcome::Done),
            Command::SetDepartmentActive(id, active) => {
                service::departments::set_active(store, id, active).map(|()| Outcome::Done)
            }
            Command::SetLanguage(lang) => {
                i18n::set_thread_language(lang);
                settings::set_language(store, lang).map(|()| Outcome::Done)
            }
            Command::SaveOrganisation { name, place } => {
                settings::set_text(store, settings::ORGANISATION, &name)?;
                settings::set_text(store, settings::PLACE, &place)?;
                Ok(Outcome::Done)
            }
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
                service::demo::generate(store, &options, &mut progress)
                    .map(|summary| Outcome::Demo(summary.describe()))
            }
            Command::ImportPreview(path) => service::import_employees::preview(store, &path)
                .map(|p| Outcome::ImportPreview(Arc::new(p))),
            Command::ImportCommit {
                preview,
                create_departments,
            } => service::import_employees::commit(store, &preview, create_departments)
                .map(|summary| Outcome::Imported(summary.describe())),
            Command::Backup(c) => {
                super::worker_backup::run(store, c, ticket, &self.events, &self.ctx)
            }
            Command::Certs(c) => {
                super::worker_certs::run(store, c, ticket, &self.events, &self.ctx)
            }
            Command::Reports(c) => super::worker_reports::run_reports_command(store, c),
            Command::Training(c) => {
                super::worker_training::run(store, c, &self.ctx).map(Outcome::Training)
            }
            Command::Retention(c) => super::worker_retention::run(store, c),
            Command::Audit(c) => super::worker_audit::run(store, c),
            Command::Privacy(c) => super::worker_privacy::run(store, c),
        }
    }
}

/// Reads everything the screens show.
fn load(store: &Store, revision: u64) -> Result<Data> {
    let employees = store.employee_rows(&EmployeeFilter {
        department: None,
        include_leavers: true,
    })?;
    let departments = store.department_rows()?;
    let organisation = store.setting(settings::ORGANISATION)?.unwrap_or_default();
    let place = store.setting(settings::PLACE)?.unwrap_or_default();
    let mut data = Data::new(
        revision,
        store.today(),
        employees,
        departments,
        organisation,
        place,
    );
    data.certs = Arc::new(super::worker_certs::load(store, data.today)?);
    data.training = Arc::new(super::worker_training::load(store)?);
    Ok(data)
}
