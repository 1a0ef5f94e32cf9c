//! "Andere Datenbank öffnen …": the dialog behind the status bar's database name. The
//! officer picks the default file, another file, or a database on a PostgreSQL server
//! (by its URL, with a password prompt when the server wants one); Lotse opens it in the
//! background, remembers the choice for the next start (never a password: see
//! `service::places`) and the start-up window swaps the app over to it.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::{RichText, Ui};

use crate::app::instance::InstanceLock;
use crate::app::widgets::style::MUTED;
use crate::app::widgets::{entered, error_label, hint, primary_button};
use crate::error::{Error, Result};
use crate::i18n::{Arg, t, ta};
use crate::service::{Database, places, server_url};

/// A database opened by the dialog, for the start-up window to switch to.
pub(crate) struct Switch {
    /// The file's path or the server's URL, as `--db` would name it.
    pub target: PathBuf,
    pub database: Database,
    /// The file's lock (one app per file); `None` on a server.
    pub lock: Option<InstanceLock>,
}

/// Which database the officer picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Default,
    File,
    Server,
}

/// The dialog's state while it is open.
pub(crate) struct OpenOther {
    kind: Kind,
    path: String,
    url: String,
    /// Shown once the server asked for a password; used for this login only.
    password: Option<String>,
    /// The open running in the background.
    pending: Option<Receiver<Result<Switch>>>,
    /// The file dialog running on a thread of its own.
    picking: Option<Receiver<Option<PathBuf>>>,
    error: Option<String>,
    /// What the officer is asked to do next (enter the password), calmer than an error.
    note: Option<String>,
    /// Where the choice is remembered (the data directory; tests use their own).
    remember_in: Option<PathBuf>,
}

/// What the dialog asks of the app.
pub(crate) enum OpenAction {
    Stay,
    Close,
    /// Switch to this database (the choice is remembered already, or the notice says why not).
    Switch(Box<Switch>, Option<String>),
}

impl OpenOther {
    /// The dialog, proposing what is open now (`current`: a path or a URL).
    pub fn new(current: &Path, remember_in: Option<PathBuf>) -> OpenOther {
        let (kind, path, url) = match server_url(current) {
            Some(url) => (Kind::Server, String::new(), url.to_owned()),
            None if places::default_file().as_deref() == Some(current) => {
                (Kind::Default, String::new(), String::new())
            }
            None => (Kind::File, current.display().to_string(), String::new()),
        };
        OpenOther {
            kind,
            path,
            url,
            password: None,
            pending: None,
            picking: None,
            error: None,
            note: None,
            remember_in,
        }
    }

    /// The database the fields name, or the sentence saying what is missing.
    fn target(&self) -> std::result::Result<PathBuf, String> {
        match self.kind {
            Kind::Default => places::default_file().ok_or_else(|| t("cli-no-data-dir")),
            Kind::File if self.path.trim().is_empty() => Err(t("app-open-empty-file")),
            Kind::File => Ok(PathBuf::from(self.path.trim())),
            Kind::Server if self.url.trim().is_empty() => Err(t("app-open-empty-url")),
            Kind::Server => {
                let url = PathBuf::from(self.url.trim());
                if server_url(&url).is_none() {
                    Err(t("error-server-url"))
                } else if places::has_password(&url) {
                    Err(t("app-open-password-in-url"))
                } else {
                    Ok(url)
                }
            }
        }
    }

    /// Opens the database the fields name on a thread of its own.
    fn start(&mut self, ctx: &egui::Context, current: &Path) {
        let target = match self.target() {
            Ok(target) => target,
            Err(message) => {
                self.error = Some(message);
                return;
            }
        };
        if same_database(&target, current) {
            self.error = Some(t("app-open-same"));
            return;
        }
        let password = self.password.clone().filter(|p| !p.is_empty());
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("lotse-open".to_owned())
            .spawn(move || {
                let _ = tx.send(open(target, password.as_deref()));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.error = None;
                self.note = None;
                self.pending = Some(rx);
            }
            Err(e) => self.error = Some(Error::file("lotse-open", e).user_message()),
        }
    }

    /// Takes the finished open, if any: the switch, or the reason it failed.
    fn poll(&mut self) -> Option<Switch> {
        let rx = self.pending.as_ref()?;
        let result = match rx.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Err(Error::Cancelled),
        };
        self.pending = None;
        match result {
            Ok(switch) => Some(switch),
            Err(e) if e.needs_password() && self.kind == Kind::Server => {
                let asked = self.password.as_ref().is_some_and(|p| !p.is_empty());
                if asked {
                    self.error = Some(e.user_message());
                } else {
                    self.note = Some(t("app-open-password-needed"));
                }
                self.password = Some(String::new());
                None
            }
            Err(e) => {
                log::warn!("opening another database failed: {e}");
                self.error = Some(e.user_message());
                None
            }
        }
    }

    /// Remembers the switch's target for the next start; the notice for the app.
    fn remember(&self, switch: &Switch) -> String {
        let name = places::name_of(&switch.target);
        let opened = ta("app-open-opened", &[("name", Arg::from(name))]);
        let Some(dir) = &self.remember_in else {
            return opened;
        };
        match places::remember_in(dir, &switch.target) {
            Ok(()) => opened,
            Err(e) => ta(
                "app-open-not-remembered",
                &[("reason", Arg::from(e.reason()))],
            ),
        }
    }
}

/// Opens `target`: a file with its lock (and its check beside the first load, as at the
/// start), or a server database, with `password` when the officer gave one.
fn open(target: PathBuf, password: Option<&str>) -> Result<Switch> {
    match (server_url(&target), password) {
        (Some(url), Some(password)) => Database::open_with_password(url, password),
        (Some(_), None) => Database::open(&target),
        (None, _) => {
            let lock = InstanceLock::acquire(&target)?;
            let database = Database::open_checking_in_background(&target)?;
            return Ok(Switch {
                target,
                database,
                lock: Some(lock),
            });
        }
    }
    .map(|database| Switch {
        target,
        database,
        lock: None,
    })
}

/// Whether `a` and `b` name the same database (the same file, or the same URL).
fn same_database(a: &Path, b: &Path) -> bool {
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    match (server_url(a), server_url(b)) {
        (Some(x), Some(y)) => x == y,
        (None, None) => canonical(a) == canonical(b),
        _ => false,
    }
}

/// Draws the dialog; `current` is the database open now.
pub(crate) fn open_other_ui(ui: &mut Ui, state: &mut OpenOther, current: &Path) -> OpenAction {
    if let Some(rx) = &state.picking {
        match rx.try_recv() {
            Ok(picked) => {
                state.picking = None;
                if let Some(path) = picked {
                    state.path = path.display().to_string();
                    state.kind = Kind::File;
                }
            }
            Err(TryRecvError::Disconnected) => state.picking = None,
            Err(TryRecvError::Empty) => {}
        }
    }
    if let Some(switch) = state.poll() {
        let notice = state.remember(&switch);
        return OpenAction::Switch(Box::new(switch), Some(notice));
    }
    let mut action = OpenAction::Stay;
    let busy = state.pending.is_some();
    let mut submitted = false;
    egui::Modal::new(egui::Id::unique("open-other-database")).show(ui.ctx(), |ui| {
        ui.set_width(520.0);
        ui.heading(t("app-open-title"));
        ui.add_space(4.0);
        let name = places::name_of(current);
        ui.label(RichText::new(ta("app-open-current", &[("name", Arg::from(name))])).color(MUTED));
        ui.add_space(10.0);
        ui.add_enabled_ui(!busy, |ui| {
            ui.radio_value(&mut state.kind, Kind::Default, t("app-open-kind-default"));
            ui.radio_value(&mut state.kind, Kind::File, t("app-open-kind-file"));
            if state.kind == Kind::File {
                ui.horizontal(|ui| {
                    ui.add_space(24.0);
                    let label = ui.label(t("app-open-file-label"));
                    let field = ui
                        .add(egui::TextEdit::singleline(&mut state.path).desired_width(300.0))
                        .labelled_by(label.id);
                    submitted |= entered(&field);
                    if ui.button(t("app-open-choose-file")).clicked() && state.picking.is_none() {
                        let title = t("app-open-file-dialog");
                        match crate::app::certificates::print::spawn_dialog(ui.ctx(), move || {
                            rfd::FileDialog::new()
                                .set_title(title)
                                .add_filter("SQLite", &["sqlite", "db"])
                                .pick_file()
                        }) {
                            Ok(rx) => state.picking = Some(rx),
                            Err(e) => state.error = Some(e.user_message()),
                        }
                    }
                });
            }
            ui.radio_value(&mut state.kind, Kind::Server, t("app-open-kind-server"));
            if state.kind == Kind::Server {
                ui.horizontal(|ui| {
                    ui.add_space(24.0);
                    let label = ui.label(t("app-open-url-label"));
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(&mut state.url)
                                .desired_width(360.0)
                                .hint_text(t("app-open-url-hint")),
                        )
                        .labelled_by(label.id);
                    submitted |= entered(&field);
                });
                if let Some(password) = &mut state.password {
                    ui.horizontal(|ui| {
                        ui.add_space(24.0);
                        let label = ui.label(t("app-open-password"));
                        let field = ui
                            .add(
                                egui::TextEdit::singleline(password)
                                    .password(true)
                                    .desired_width(200.0),
                            )
                            .labelled_by(label.id);
                        submitted |= entered(&field);
                    });
                }
            }
        });
        ui.add_space(8.0);
        hint(ui, &t("app-open-note"));
        if let Some(note) = &state.note {
            ui.add_space(6.0);
            crate::app::widgets::info_banner(ui, note);
        }
        if let Some(error) = &state.error {
            ui.add_space(6.0);
            error_label(ui, error);
        }
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(!busy, primary_button(t("app-open-open")))
                .clicked()
                || (submitted && !busy)
            {
                state.start(ui.ctx(), current);
            }
            if ui
                .add_enabled(!busy, egui::Button::new(t("app-cancel")))
                .clicked()
            {
                action = OpenAction::Close;
            }
            if busy {
                ui.spinner();
                ui.label(RichText::new(t("app-open-opening")).color(MUTED));
            }
        });
        if !busy && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            action = OpenAction::Close;
        }
    });
    action
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;
    use std::time::{Duration, Instant};

    use egui::Vec2;
    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::app::shell::LotseApp;
    use crate::app::startup::{APP_SIZE, StartupApp};
    use crate::i18n::Lang;
    use crate::model::EmployeeInput;

    /// A database at `target` with one employee named `last`.
    fn with_employee(target: &Path, last: &str) {
        let mut db = Database::open(target).unwrap();
        crate::service::employees::add(
            &mut db,
            &EmployeeInput {
                personnel_number: "1".to_owned(),
                first_name: "Erika".to_owned(),
                last_name: last.to_owned(),
                ..EmployeeInput::default()
            },
        )
        .unwrap();
    }

    /// The app on the file `a` (holding its lock), remembering choices in `remember`.
    fn app_on(a: &Path, remember: &Path) -> Harness<'static, StartupApp> {
        crate::i18n::set_thread_language(Lang::De);
        let lock = InstanceLock::acquire(a).unwrap();
        let database = Database::open(a).unwrap();
        let (a, remember) = (a.to_path_buf(), remember.to_path_buf());
        let failure = Rc::new(RefCell::new(None));
        let mut harness = Harness::builder()
            .with_size(Vec2::from(APP_SIZE))
            .build_eframe(move |cc| {
                let mut app =
                    LotseApp::with_context(&cc.egui_ctx, database, Some(Lang::De)).unwrap();
                app.remember_choice_in(Some(remember));
                app.set_screen(crate::app::Screen::Employees);
                StartupApp::running(app, a, Some(Lang::De), failure).holding(Some(lock))
            });
        wait(&mut harness, "the first load", |h| {
            h.state().app().is_some_and(|a| a.data_revision().is_some())
        });
        harness
    }

    fn wait(
        harness: &mut Harness<'static, StartupApp>,
        what: &str,
        done: impl Fn(&Harness<'static, StartupApp>) -> bool,
    ) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !done(harness) {
            assert!(Instant::now() < deadline, "within 20 s: {what}");
            harness.step();
            std::thread::sleep(Duration::from_millis(10));
        }
        harness.run_steps(4);
    }

    fn shows(harness: &Harness<'static, StartupApp>, text: &str) -> bool {
        harness.query_by_label(text).is_some()
    }

    fn click(harness: &mut Harness<'static, StartupApp>, role: Role, label: &str) {
        harness.get_by_role_and_label(role, label).click();
        harness.run_steps(4);
    }

    /// Selects everything in the field labelled `label` (and so replaces it when typing).
    fn clear(harness: &mut Harness<'static, StartupApp>, label: &str) {
        harness
            .get_by_role_and_label(Role::TextInput, label)
            .focus();
        harness.run_steps(4);
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness.key_press(egui::Key::Delete);
        harness.run_steps(4);
    }

    fn type_into(harness: &mut Harness<'static, StartupApp>, label: &str, text: &str) {
        let field = harness.get_by_role_and_label(Role::TextInput, label);
        field.focus();
        field.type_text(text);
        harness.run_steps(4);
    }

    #[test]
    fn another_file_opens_in_the_same_window_and_is_remembered() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.sqlite"), dir.path().join("b.sqlite"));
        with_employee(&a, "Schmidt");
        with_employee(&b, "Neumann");
        let remember = dir.path().join("config");
        std::fs::create_dir(&remember).unwrap();
        let mut harness = app_on(&a, &remember);
        assert!(shows(&harness, "Schmidt") && !shows(&harness, "Neumann"));

        click(&mut harness, Role::Button, "Datenbank: a.sqlite");
        assert!(shows(&harness, "Datenbank öffnen"));
        // The same file again: nothing to do.
        click(&mut harness, Role::Button, "Öffnen");
        assert!(shows(&harness, &t("app-open-same")));
        clear(&mut harness, "Datei");
        type_into(&mut harness, "Datei", &b.display().to_string());
        click(&mut harness, Role::Button, "Öffnen");
        wait(&mut harness, "the app on b.sqlite", |h| {
            shows(h, "Datenbank: b.sqlite") && shows(h, "Neumann")
        });
        assert!(!shows(&harness, "Schmidt"));
        assert!(shows(&harness, "Lotse arbeitet jetzt mit b.sqlite."));
        assert_eq!(places::chosen_in(&remember), Some(b.clone()));
        // The app holds b's lock now, and let go of a's.
        assert!(InstanceLock::acquire(&b).is_err(), "b is locked by the app");
        drop(InstanceLock::acquire(&a).expect("a is free again"));
    }

    #[test]
    fn a_file_that_is_not_a_lotse_database_is_refused_and_the_app_stays() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.sqlite");
        with_employee(&a, "Schmidt");
        let foreign = dir.path().join("notizen.sqlite");
        std::fs::write(&foreign, b"Das ist keine Datenbank, sondern eine Notiz.").unwrap();
        let remember = dir.path().join("config");
        std::fs::create_dir(&remember).unwrap();
        let mut harness = app_on(&a, &remember);
        click(&mut harness, Role::Button, "Datenbank: a.sqlite");
        click(&mut harness, Role::RadioButton, &t("app-open-kind-server"));
        type_into(
            &mut harness,
            "Adresse",
            "postgres://anna:geheim@db.kreis.local/lotse",
        );
        click(&mut harness, Role::Button, "Öffnen");
        assert!(shows(&harness, &t("app-open-password-in-url")));
        click(&mut harness, Role::RadioButton, &t("app-open-kind-file"));
        clear(&mut harness, "Datei");
        type_into(&mut harness, "Datei", &foreign.display().to_string());
        click(&mut harness, Role::Button, "Öffnen");
        let message = Error::NotLotseFile {
            path: foreign.clone(),
        }
        .user_message();
        wait(&mut harness, "the refusal", |h| shows(h, &message));
        assert!(shows(&harness, "Datenbank: a.sqlite") && shows(&harness, "Schmidt"));
        assert_eq!(places::chosen_in(&remember), None, "nothing remembered");
        click(&mut harness, Role::Button, "Abbrechen");
        assert!(!shows(&harness, "Datenbank öffnen"));
    }

    /// From a file to a server database whose role logs in with a password (the test
    /// server asks members of `lotse_password_test` for one, see `.ci/run`).
    #[test]
    fn a_server_database_opens_after_the_password_prompt() {
        let Ok(admin) = std::env::var("LOTSE_TEST_PG") else {
            eprintln!("skipped: LOTSE_TEST_PG is not set (see README, Tests)");
            return;
        };
        let url = crate::service::scratch_database(&admin).unwrap();
        let owner = Database::open(Path::new(&url)).unwrap();
        crate::service::migrate::setup_roles(&owner).unwrap();
        drop(owner);
        with_employee(Path::new(&url), "Neumann");
        let as_user = crate::app::startup::officer_with_password(&admin, &url, "pw_open");
        let asks = matches!(Database::open(Path::new(&as_user)), Err(e) if e.needs_password());

        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.sqlite");
        with_employee(&a, "Schmidt");
        let remember = dir.path().join("config");
        std::fs::create_dir(&remember).unwrap();
        let mut harness = app_on(&a, &remember);
        click(&mut harness, Role::Button, "Datenbank: a.sqlite");
        click(&mut harness, Role::RadioButton, &t("app-open-kind-server"));
        type_into(&mut harness, "Adresse", &as_user);
        click(&mut harness, Role::Button, "Öffnen");
        if asks {
            wait(&mut harness, "the password prompt", |h| {
                shows(h, &t("app-open-password-needed"))
            });
            let field = harness.get_by_role(Role::PasswordInput);
            field.focus();
            field.type_text("Richtig-42");
            harness.run_steps(4);
            click(&mut harness, Role::Button, "Öffnen");
        } else {
            eprintln!("note: the test server does not ask lotse_password_test for a password");
        }
        let shown = format!("Datenbank: {}", places::name_of(Path::new(&as_user)));
        wait(&mut harness, "the app on the server", |h| {
            shows(h, &shown) && shows(h, "Neumann")
        });
        assert_eq!(
            places::chosen_in(&remember),
            Some(PathBuf::from(&as_user)),
            "the URL is remembered, without the password"
        );
        drop(InstanceLock::acquire(&a).expect("the file is free again"));
    }
}
