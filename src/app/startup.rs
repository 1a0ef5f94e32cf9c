//! The window shown when the database cannot be opened: another window already has the
//! file, it is not a Lotse file, it comes from a newer Lotse, or it is damaged. A user
//! who started Lotse from a desktop icon never sees the command line's error output, so
//! the message gets a window of its own, with the file's path, a button to copy both
//! (for the IT department), and for a damaged file with a good backup, a button that
//! restores the backup and opens the app in the same window.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::{Margin, RichText, Ui, Vec2};

use crate::app::instance::InstanceLock;
use crate::app::open_other::Switch;
use crate::app::shell::LotseApp;
use crate::app::widgets::style::{self, MUTED, PAPER};
use crate::app::widgets::{error_label, hint, primary_button};
use crate::error::{Error, Result};
use crate::i18n::{Arg, Lang, fmt_datetime, t, ta};
use crate::service::Database;

/// The size of the problem window; the app's own size once it opens.
pub(crate) const PROBLEM_SIZE: [f32; 2] = [720.0, 440.0];
pub(crate) const APP_SIZE: [f32; 2] = [1280.0, 800.0];
pub(crate) const APP_MIN_SIZE: [f32; 2] = [960.0, 600.0];

/// Why the database could not be opened, and what the user can do about it.
pub(crate) struct StartupProblem {
    db: PathBuf,
    message: String,
    /// A good backup of a damaged file, with its date for the button.
    backup: Option<(PathBuf, String)>,
    /// The restore running in the background: the opened database when it worked.
    restoring: Option<Receiver<Result<Database>>>,
    restore_error: Option<String>,
    copied: bool,
    /// For a server that wants a password: what the user types (kept in memory for this
    /// one login, never stored).
    password: Option<String>,
}

impl StartupProblem {
    /// The problem of opening `db`, described in the current language.
    pub fn new(db: &Path, error: &Error) -> StartupProblem {
        let backup = match error {
            Error::Damaged {
                backup: Some(backup),
                ..
            } => Some((backup.clone(), backup_date(db, backup))),
            _ => None,
        };
        let message = match error {
            // The button below does what the message's command line would.
            Error::Damaged {
                path,
                kept_as,
                backup: Some(_),
                ..
            } => {
                let path = Arg::from(path.display().to_string());
                match kept_as {
                    Some(kept) => ta(
                        "error-damaged-kept",
                        &[
                            ("path", path),
                            ("kept", Arg::from(kept.display().to_string())),
                        ],
                    ),
                    None => ta("error-damaged", &[("path", path)]),
                }
            }
            other => other.user_message(),
        };
        let password =
            (error.needs_password() && crate::service::server_url(db).is_some()).then(String::new);
        StartupProblem {
            db: db.to_path_buf(),
            message,
            backup,
            restoring: None,
            restore_error: None,
            copied: false,
            password,
        }
    }

    /// Starts restoring the backup into the database file; the database opens when done.
    fn start_restore(&mut self, ctx: &egui::Context) {
        let Some((backup, _)) = &self.backup else {
            return;
        };
        let (tx, rx) = channel();
        let (db, backup, ctx) = (self.db.clone(), backup.clone(), ctx.clone());
        let spawned = std::thread::Builder::new()
            .name("lotse-restore".to_owned())
            .spawn(move || {
                let result = crate::service::backup::restore_file(&db, &backup)
                    .and_then(|_| Database::open(&db));
                let _ = tx.send(result);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.restore_error = None;
                self.restoring = Some(rx);
            }
            Err(e) => {
                self.restore_error = Some(restore_failed(&Error::file("lotse-restore", e)));
            }
        }
    }

    /// Logs in to the server with the password typed, in the background; the app opens
    /// when it worked (see [`StartupProblem::poll_restore`]).
    fn start_login(&mut self, ctx: &egui::Context) {
        let (Some(password), Some(url)) = (
            self.password.as_mut(),
            crate::service::server_url(&self.db).map(str::to_owned),
        ) else {
            return;
        };
        let password = std::mem::take(password);
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("lotse-login".to_owned())
            .spawn(move || {
                let _ = tx.send(Database::open_with_password(&url, &password));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.restore_error = None;
                self.restoring = Some(rx);
            }
            Err(e) => self.restore_error = Some(Error::file("lotse-login", e).user_message()),
        }
    }

    /// The database, once a restore finished and the file opened.
    fn poll_restore(&mut self) -> Option<Database> {
        let rx = self.restoring.as_ref()?;
        let result = match rx.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Err(Error::Message(t("app-worker-gone"))),
        };
        self.restoring = None;
        match result {
            Ok(database) => Some(database),
            Err(e) if self.password.is_some() => {
                self.restore_error = Some(e.user_message());
                None
            }
            Err(e) => {
                self.restore_error = Some(restore_failed(&e));
                None
            }
        }
    }

    /// Draws the window's content.
    fn ui(&mut self, ui: &mut Ui) {
        let frame = egui::Frame::new()
            .fill(PAPER)
            .inner_margin(Margin::symmetric(24, 20));
        egui::CentralPanel::default().frame(frame).show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| self.content_ui(ui));
        });
    }

    fn content_ui(&mut self, ui: &mut Ui) {
        ui.heading(t(if self.password.is_some() {
            "startup-login-title"
        } else {
            "startup-title"
        }));
        ui.add_space(12.0);
        ui.add(egui::Label::new(RichText::new(&self.message).size(15.0)).wrap());
        ui.add_space(8.0);
        let path = self.db.display().to_string();
        ui.add(
            egui::Label::new(
                RichText::new(ta(
                    "startup-database",
                    &[("path", Arg::from(path.as_str()))],
                ))
                .color(MUTED),
            )
            .wrap()
            .selectable(true),
        );
        let busy = self.restoring.is_some();
        if let Some(password) = &mut self.password {
            ui.add_space(16.0);
            let mut login = false;
            ui.horizontal(|ui| {
                let label = ui.label(t("startup-password"));
                let field = ui
                    .add_enabled(
                        !busy,
                        egui::TextEdit::singleline(password)
                            .password(true)
                            .desired_width(220.0),
                    )
                    .labelled_by(label.id);
                login |= field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                login |= ui
                    .add_enabled(
                        !busy && !password.is_empty(),
                        primary_button(t("startup-login")),
                    )
                    .clicked();
            });
            hint(ui, &t("startup-password-hint"));
            if login && !password.is_empty() {
                self.start_login(ui.ctx());
            }
        }
        if let Some((_, date)) = &self.backup {
            ui.add_space(16.0);
            let label = ta("startup-restore", &[("date", Arg::from(date.as_str()))]);
            if ui.add_enabled(!busy, primary_button(label)).clicked() {
                self.start_restore(ui.ctx());
            }
            hint(ui, &t("startup-restore-hint"));
        }
        if busy {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(t(if self.password.is_some() {
                    "startup-logging-in"
                } else {
                    "startup-restoring"
                }));
            });
        }
        if let Some(error) = &self.restore_error {
            ui.add_space(4.0);
            error_label(ui, error);
        }
        ui.add_space(20.0);
        ui.horizontal(|ui| {
            if ui.button(t("startup-copy")).clicked() {
                ui.ctx()
                    .copy_text(format!("{}\n{}", self.message, self.db.display()));
                self.copied = true;
            }
            if ui
                .add_enabled(!busy, egui::Button::new(t("app-close")))
                .clicked()
            {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        if self.copied {
            ui.label(RichText::new(t("startup-copied")).small().color(MUTED));
        }
    }
}

/// "Sicherung vom 06.12.2026 09:15": the time in the backup's name, else the file's.
fn backup_date(db: &Path, backup: &Path) -> String {
    if let Some(taken_at) = crate::service::backup::taken_at(db, backup) {
        return fmt_datetime(taken_at);
    }
    std::fs::metadata(backup)
        .and_then(|m| m.modified())
        .map(|at| fmt_datetime(chrono::DateTime::<chrono::Local>::from(at).naive_local()))
        .unwrap_or_else(|_| {
            backup
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
}

fn restore_failed(error: &Error) -> String {
    ta(
        "startup-restore-failed",
        &[("detail", Arg::from(error.user_message()))],
    )
}

/// The root app when the database could not be opened: the problem window, which turns
/// into the Lotse app when a restore made the file usable.
pub(crate) struct StartupApp {
    state: State,
    lang: Option<Lang>,
    /// The error `run` returns after the window closed; cleared once the app opened.
    failure: Rc<RefCell<Option<Error>>>,
    /// The database, when the app started on it directly.
    db: Option<PathBuf>,
    /// The lock on the open file (one app per file), released when the app switches to
    /// another database or closes.
    lock: Option<InstanceLock>,
}

enum State {
    Problem(StartupProblem),
    Running(Box<LotseApp>),
}

impl StartupApp {
    /// The problem window for `error`; `failure` holds the error until the app opens.
    pub fn new(
        ctx: &egui::Context,
        problem: StartupProblem,
        lang: Option<Lang>,
        failure: Rc<RefCell<Option<Error>>>,
    ) -> StartupApp {
        style::apply(ctx);
        StartupApp {
            state: State::Problem(problem),
            lang,
            failure,
            db: None,
            lock: None,
        }
    }

    /// The app on a file whose check may still be running: if the file turns out to be
    /// damaged, the problem window (with the restore of a backup) takes over.
    pub fn running(
        app: LotseApp,
        db: PathBuf,
        lang: Option<Lang>,
        failure: Rc<RefCell<Option<Error>>>,
    ) -> StartupApp {
        StartupApp {
            state: State::Running(Box::new(app)),
            lang,
            failure,
            db: Some(db),
            lock: None,
        }
    }

    /// Keeps `lock`, the file's, for as long as the app stays on that file.
    pub fn holding(mut self, lock: Option<InstanceLock>) -> StartupApp {
        self.lock = lock;
        self
    }

    /// The problem shown, while it is shown.
    #[cfg(test)]
    pub fn problem(&self) -> Option<&StartupProblem> {
        match &self.state {
            State::Problem(p) => Some(p),
            State::Running(_) => None,
        }
    }

    /// The app, once it opened.
    #[cfg(test)]
    pub fn app(&self) -> Option<&LotseApp> {
        match &self.state {
            State::Running(app) => Some(app),
            State::Problem(_) => None,
        }
    }

    /// Switches to the app on `database` (after a restore), or shows why that failed.
    fn open(&mut self, ctx: &egui::Context, database: Database) {
        match crate::app::build_app(ctx, database, self.lang) {
            Ok(app) => {
                self.failure.borrow_mut().take();
                ctx.send_viewport_cmd(egui::ViewportCommand::MinInnerSize(Vec2::from(
                    APP_MIN_SIZE,
                )));
                ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(Vec2::from(APP_SIZE)));
                self.state = State::Running(Box::new(app));
            }
            Err(e) => {
                if let State::Problem(problem) = &mut self.state {
                    problem.restore_error = Some(e.user_message());
                }
                *self.failure.borrow_mut() = Some(e);
            }
        }
    }
}

impl eframe::App for StartupApp {
    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        if let State::Running(app) = &mut self.state
            && let Some((switch, notice)) = app.take_switch()
        {
            // "Andere Datenbank öffnen …": the app on the new database replaces this one
            // (its worker and the old file go with it; the old file's lock after that).
            let Switch {
                target,
                database,
                lock,
            } = *switch;
            let (screen, remember_in) = (app.screen(), app.remembers_choice_in());
            let old_lock = std::mem::replace(&mut self.lock, lock);
            self.db = Some(target);
            self.open(ctx, database);
            drop(old_lock);
            if let State::Running(app) = &mut self.state {
                // The officer stays on the screen they were on.
                app.set_screen(screen);
                app.remember_choice_in(remember_in);
                if let Some(notice) = notice {
                    app.notify(notice);
                }
            }
        }
        if let State::Running(app) = &mut self.state {
            app.logic(ctx, frame);
            if let (Some(error), Some(db)) = (app.take_damaged(), &self.db) {
                // The file failed the check that ran beside the first load: the app (and
                // its worker, with the file) goes; the problem window offers the backup.
                log::error!("cannot open {}: {error}", db.display());
                self.state = State::Problem(StartupProblem::new(db, &error));
                *self.failure.borrow_mut() = Some(error);
                ctx.request_repaint();
            }
        }
    }

    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        match &mut self.state {
            State::Running(app) => app.ui(ui, frame),
            State::Problem(problem) => {
                if let Some(database) = problem.poll_restore() {
                    let ctx = ui.ctx().clone();
                    self.open(&ctx, database);
                    ctx.request_repaint();
                    return;
                }
                problem.ui(ui);
            }
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let State::Running(app) = &mut self.state {
            app.save(storage);
        }
    }

    fn on_exit(&mut self, gl: Option<&eframe::glow::Context>) {
        if let State::Running(app) = &mut self.state {
            app.on_exit(gl);
        }
    }

    fn auto_save_interval(&self) -> std::time::Duration {
        match &self.state {
            State::Running(app) => app.auto_save_interval(),
            State::Problem(_) => std::time::Duration::from_secs(30),
        }
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        match &self.state {
            State::Running(app) => app.clear_color(visuals),
            State::Problem(_) => visuals.panel_fill.to_normalized_gamma_f32(),
        }
    }

    fn persist_egui_memory(&self) -> bool {
        match &self.state {
            State::Running(app) => app.persist_egui_memory(),
            State::Problem(_) => false,
        }
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if let State::Running(app) = &mut self.state {
            app.raw_input_hook(ctx, raw_input);
        }
    }
}

/// Tests: a new officer role of the test server that logs in with the password
/// `Richtig-42` (the server asks members of `lotse_password_test` for one, see `.ci/run`);
/// the URL of the database `url` as that role. `admin` may create roles.
#[cfg(test)]
pub(crate) fn officer_with_password(admin: &str, url: &str, prefix: &str) -> String {
    let user = format!("{prefix}_{}", std::process::id());
    let sql = format!(
        "DO $$ BEGIN
           IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lotse_password_test') THEN
             CREATE ROLE lotse_password_test NOLOGIN;
           END IF;
         END $$;
         DROP ROLE IF EXISTS {user};
         CREATE ROLE {user} LOGIN PASSWORD 'Richtig-42' IN ROLE lotse_password_test, lotse_officer;"
    );
    let config: postgres::Config = admin.parse().unwrap();
    config
        .connect(postgres::NoTls)
        .unwrap()
        .batch_execute(&sql)
        .unwrap();
    let rest = url.split_once('@').map_or(url, |(_, r)| r);
    format!("postgres://{user}@{rest}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    fn harness(
        db: &Path,
        error: Error,
    ) -> (Harness<'static, StartupApp>, Rc<RefCell<Option<Error>>>) {
        crate::i18n::set_thread_language(Lang::De);
        let problem = StartupProblem::new(db, &error);
        let failure = Rc::new(RefCell::new(Some(error)));
        let shared = Rc::clone(&failure);
        let harness = Harness::builder()
            .with_size(Vec2::from(PROBLEM_SIZE))
            .build_eframe(move |cc| StartupApp::new(&cc.egui_ctx, problem, Some(Lang::De), shared));
        (harness, failure)
    }

    #[test]
    fn shows_the_message_the_path_and_a_close_button() {
        let db = PathBuf::from("/nirgends/lotse.sqlite");
        let error = Error::Message(ta(
            "instance-already-open",
            &[("path", Arg::from(db.display().to_string()))],
        ));
        let (mut harness, failure) = harness(&db, error);
        harness.run();
        assert!(
            harness
                .query_all_by_label_contains("bereits mit dieser Datei geöffnet")
                .next()
                .is_some()
        );
        assert!(
            harness
                .query_all_by_label_contains("Datenbank: /nirgends/lotse.sqlite")
                .next()
                .is_some()
        );
        assert!(
            harness
                .query_all_by_label_contains("Sicherung vom")
                .next()
                .is_none()
        );
        harness
            .get_by_role_and_label(Role::Button, "Schließen")
            .click();
        harness.run();
        assert!(harness.state().problem().is_some());
        assert!(
            failure.borrow().is_some(),
            "the error stays for the exit code"
        );
    }

    #[test]
    fn a_damaged_file_is_restored_from_its_backup_and_the_app_opens() {
        use crate::model::EmployeeInput;
        use crate::service::backup::BackupReason;
        use crate::service::backup::{Thinning, take};
        use std::io::{Seek, Write};
        use std::time::{Duration, Instant};

        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("lotse.sqlite");
        {
            let mut database = Database::open(&db).unwrap();
            crate::service::employees::add(
                &mut database,
                &EmployeeInput {
                    personnel_number: "1".to_owned(),
                    first_name: "Erika".to_owned(),
                    last_name: "Muster".to_owned(),
                    ..EmployeeInput::default()
                },
            )
            .unwrap();
        }
        let now = chrono::Local::now().naive_local();
        take(
            &db,
            BackupReason::Manual,
            now,
            Thinning::default(),
            &mut |_| true,
        )
        .unwrap();
        // The first page's header lost: the file is damaged.
        for side in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(dir.path().join(format!("lotse.sqlite{side}")));
        }
        let mut file = std::fs::OpenOptions::new().write(true).open(&db).unwrap();
        file.rewind().unwrap();
        file.write_all(&[0u8; 100]).unwrap();
        drop(file);
        let error = match Database::open(&db) {
            Err(
                e @ Error::Damaged {
                    backup: Some(_), ..
                },
            ) => e,
            Err(other) => panic!("expected a damaged file with a backup, got {other:?}"),
            Ok(_) => panic!("a zeroed header must not open"),
        };

        let (mut harness, failure) = harness(&db, error);
        harness.run();
        let button = harness.get_by_label_contains("Sicherung vom");
        button.click();
        let deadline = Instant::now() + Duration::from_secs(20);
        while harness.state().app().is_none() {
            assert!(Instant::now() < deadline, "the restore did not finish");
            if let Some(problem) = harness.state().problem()
                && let Some(error) = &problem.restore_error
            {
                panic!("the restore failed: {error}");
            }
            harness.step();
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(
            failure.borrow().is_none(),
            "the app opened: no error to exit with"
        );
        assert!(harness.state().problem().is_none());
    }

    /// Where the test server asks members of `lotse_password_test` for a password (see
    /// `.ci/run`): a wrong password says so, the right one opens the app.
    #[test]
    fn a_server_that_wants_a_password_gets_it_typed_and_opens() {
        use std::time::{Duration, Instant};
        let Ok(admin) = std::env::var("LOTSE_TEST_PG") else {
            eprintln!("skipped: LOTSE_TEST_PG is not set (see README, Tests)");
            return;
        };
        let url = crate::service::scratch_database(&admin).unwrap();
        let owner = Database::open(Path::new(&url)).unwrap();
        crate::service::migrate::setup_roles(&owner).unwrap();
        drop(owner);
        let as_user = PathBuf::from(officer_with_password(&admin, &url, "pw"));
        let error = match Database::open(&as_user) {
            Err(e) if e.needs_password() => e,
            Err(e) => panic!("unexpected: {e:?}"),
            Ok(_) => {
                eprintln!(
                    "skipped: the test server does not ask lotse_password_test for a password"
                );
                return;
            }
        };
        let (mut harness, failure) = harness(&as_user, error);
        harness.run();
        let log_in = |harness: &mut Harness<'static, StartupApp>, password: &str| {
            let field = harness.get_by_role(Role::PasswordInput);
            field.focus();
            field.type_text(password);
            harness.run();
            harness
                .get_by_role_and_label(Role::Button, "Anmelden")
                .click();
            let deadline = Instant::now() + Duration::from_secs(20);
            loop {
                harness.step();
                let state = harness.state();
                if state.app().is_some()
                    || state
                        .problem()
                        .is_some_and(|p| p.restoring.is_none() && p.restore_error.is_some())
                {
                    break;
                }
                assert!(Instant::now() < deadline, "the login did not finish");
                std::thread::sleep(Duration::from_millis(10));
            }
        };
        log_in(&mut harness, "falsch");
        let problem = harness.state().problem().expect("still the login window");
        assert_eq!(
            problem.restore_error.as_deref(),
            Some(t("error-server-password").as_str())
        );
        harness.run();
        log_in(&mut harness, "Richtig-42");
        assert!(harness.state().app().is_some(), "the app opened");
        assert!(failure.borrow().is_none());
    }

    #[test]
    fn damage_found_by_the_check_beside_the_first_load_brings_the_problem_window() {
        use crate::model::EmployeeInput;
        use std::io::{Seek, SeekFrom, Write};
        use std::time::{Duration, Instant};

        crate::i18n::set_thread_language(Lang::De);
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("lotse.sqlite");
        {
            let mut database = Database::open(&db).unwrap();
            for i in 0..400 {
                crate::service::employees::add(
                    &mut database,
                    &EmployeeInput {
                        personnel_number: format!("{i}"),
                        first_name: "Erika".to_owned(),
                        last_name: format!("Muster{i}"),
                        ..EmployeeInput::default()
                    },
                )
                .unwrap();
            }
        }
        // Pages in the middle overwritten, the header intact (still in WAL mode): opening
        // succeeds and writes nothing, so the check runs beside the first load.
        let len = std::fs::metadata(&db).unwrap().len();
        let mut file = std::fs::OpenOptions::new().write(true).open(&db).unwrap();
        for page in [len / 4096 / 2, len / 4096 - 2] {
            file.seek(SeekFrom::Start(page * 4096)).unwrap();
            file.write_all(&[0x5a; 4096]).unwrap();
        }
        drop(file);
        let database = Database::open_checking_in_background(&db).expect("opens: checked later");
        let failure = Rc::new(RefCell::new(None));
        let shared = Rc::clone(&failure);
        let path = db.clone();
        let mut harness = Harness::builder()
            .with_size(Vec2::from(APP_SIZE))
            .build_eframe(move |cc| {
                let app = crate::app::build_app(&cc.egui_ctx, database, Some(Lang::De)).unwrap();
                StartupApp::running(app, path, Some(Lang::De), shared)
            });
        let deadline = Instant::now() + Duration::from_secs(20);
        while harness.state().problem().is_none() {
            assert!(
                harness
                    .state()
                    .app()
                    .is_some_and(|a| a.data_revision().is_none()),
                "no data may be shown from a damaged file"
            );
            assert!(Instant::now() < deadline, "the damage was not reported");
            harness.step();
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(matches!(*failure.borrow(), Some(Error::Damaged { .. })));
        harness.run();
        harness.get_by_label_contains("beschädigt");
    }

    #[test]
    fn a_damaged_file_with_a_backup_offers_the_restore() {
        let db = PathBuf::from("/nirgends/lotse.sqlite");
        let error = Error::Damaged {
            path: db.clone(),
            kept_as: None,
            backup: Some(PathBuf::from(
                "/nirgends/backups/lotse_2026-12-06_091500_daily.sqlite",
            )),
            detail: "test".to_owned(),
        };
        let (mut harness, _failure) = harness(&db, error);
        harness.run();
        assert!(
            harness
                .query_all_by_label_contains("Sicherung vom")
                .next()
                .is_some()
        );
    }
}
