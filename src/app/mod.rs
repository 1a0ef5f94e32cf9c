//! The eframe desktop application.
//!
//! Screens draw from cached view models ([`data`]); every database operation runs on a
//! background thread ([`worker`]) that owns the database, applies commands through
//! `crate::service` and sends fresh view models back. Nothing in a frame waits for SQL.

// The frame: start-up, navigation, the view models and the worker thread.
mod data;
pub mod instance;
mod open_other;
mod shell;
mod startup;
mod welcome;
mod worker;
// Shared UI pieces: widgets and style.
mod widgets;
// The areas, one folder each.
mod certificates;
mod people;
mod reports;
mod settings;
mod training;

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

pub use settings::screen::SettingsTab;
pub use shell::{LotseApp, Screen};

use crate::error::{Error, Result};
use crate::i18n::{self, Arg, Lang, ta};
use crate::service::Database;
use instance::InstanceLock;
use startup::{APP_MIN_SIZE, APP_SIZE, PROBLEM_SIZE, StartupApp, StartupProblem};

/// Opens the database at `db` and runs the desktop app until its window is closed.
/// `lang` overrides the language chosen in settings.
///
/// The app takes the file's [`InstanceLock`] first: a second window on the same file is
/// refused. When the file cannot be opened (already open, not a Lotse file, too new,
/// damaged) a small window says so (a user who started Lotse from a desktop icon never
/// sees the error output); for a damaged file with a good backup it offers the restore
/// and then opens the app. The error is returned after that window closed, so the exit
/// code still tells that the app could not open the file.
pub fn run(db: PathBuf, lang: Option<Lang>) -> Result<()> {
    if let Some(lang) = lang {
        i18n::set_language(lang);
    }
    // Held until the window has closed and the app (with its worker) is gone.
    // On a server several officers work at once: no lock, and the server checks its files.
    let server = crate::service::server_url(&db).is_some();
    let (lock, opened) = match (!server).then(|| InstanceLock::acquire(&db)).transpose() {
        // The file's check runs beside the first load; the app shows nothing before it
        // passed, and turns into the problem window if it does not.
        Ok(lock) => (lock, Database::open_checking_in_background(&db)),
        Err(e) => (None, Err(e)),
    };
    let failure: Rc<RefCell<Option<Error>>> = Rc::new(RefCell::new(None));
    let (start, size, min_size) = match opened {
        Ok(database) => (Start::App(database), APP_SIZE, APP_MIN_SIZE),
        Err(e) => {
            log::error!("cannot open {}: {e}", shown(&db));
            let problem = StartupProblem::new(&db, &e);
            *failure.borrow_mut() = Some(e);
            (Start::Problem(problem), PROBLEM_SIZE, [480.0, 300.0])
        }
    };
    // The small problem window must not become the size the app opens with next time.
    let persist_window = matches!(start, Start::App(_));
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Lotse")
            .with_app_id("lotse")
            .with_inner_size(size)
            .with_min_inner_size(min_size),
        persist_window,
        ..Default::default()
    };
    let shared = Rc::clone(&failure);
    let db_path = db.clone();
    let result = eframe::run_native(
        "Lotse",
        options,
        Box::new(move |cc| -> std::result::Result<Box<dyn eframe::App>, _> {
            match start {
                Start::App(database) => {
                    let app = build_app(&cc.egui_ctx, database, lang)
                        .map_err(|e| Box::new(AppStartError(e.user_message())))?;
                    Ok(Box::new(
                        StartupApp::running(app, db_path, lang, shared).holding(lock),
                    ))
                }
                Start::Problem(problem) => Ok(Box::new(
                    StartupApp::new(&cc.egui_ctx, problem, lang, shared).holding(lock),
                )),
            }
        }),
    );
    // The reason the file could not be opened beats a window that could not open.
    if let Some(e) = failure.borrow_mut().take() {
        return Err(e);
    }
    result.map_err(|e| {
        Error::Message(ta(
            "app-start-failed",
            &[("detail", Arg::from(e.to_string()))],
        ))
    })
}

/// The database for a log line: a file's path, a server's URL without password.
fn shown(db: &std::path::Path) -> String {
    match crate::service::server_url(db) {
        Some(url) => crate::service::display_url(url),
        None => db.display().to_string(),
    }
}

/// What the window starts with.
enum Start {
    App(Database),
    Problem(StartupProblem),
}

/// The app on `database`, on the screen `LOTSE_START_SCREEN` names, if any.
fn build_app(ctx: &egui::Context, database: Database, lang: Option<Lang>) -> Result<LotseApp> {
    let mut app = LotseApp::with_context(ctx, database, lang)?;
    // Hidden, for screenshots and demonstrations: LOTSE_START_SCREEN=seminars etc.
    if let Some(screen) = std::env::var("LOTSE_START_SCREEN")
        .ok()
        .and_then(|name| start_screen(&name))
    {
        app.set_screen(screen);
    }
    if std::env::var("LOTSE_START_SCREEN").is_ok_and(|n| n.trim() == "backup") {
        app.set_screen(Screen::Settings);
        app.show_settings_tab(SettingsTab::Backup);
    }
    Ok(app)
}

/// The screen named by `LOTSE_START_SCREEN` (dashboard, employees, departments, seminars,
/// programs, needs, certificates, renewals, reports, audit, retention, settings).
fn start_screen(name: &str) -> Option<Screen> {
    Some(match name.trim().to_ascii_lowercase().as_str() {
        "dashboard" => Screen::Dashboard,
        "employees" => Screen::Employees,
        "departments" => Screen::Departments,
        "seminars" => Screen::Seminars,
        "programs" => Screen::Programs,
        "needs" => Screen::Needs,
        "certificates" => Screen::Certificates,
        "renewals" => Screen::Renewals,
        "reports" => Screen::Reports,
        "audit" => Screen::Audit,
        "retention" => Screen::Retention,
        "settings" => Screen::Settings,
        _ => return None,
    })
}

/// The app could not be built inside eframe's start-up.
#[derive(Debug)]
struct AppStartError(String);

impl std::fmt::Display for AppStartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for AppStartError {}
