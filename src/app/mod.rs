//! The eframe desktop application.
//!
//! Screens draw from cached view models ([`data`]); every database operation runs on a
//! background thread ([`worker`]) that owns the store, applies commands through
//! `crate::service` and sends fresh view models back. Nothing in a frame waits for SQL.

mod data;
mod departments;
mod employee_form;
mod employees;
mod import;
mod settings;
mod shell;
mod style;
mod welcome;
mod widgets;
mod worker;
// Programs, eligibility and certificates (issue 4).
mod certificates;
mod issue;
mod print;
mod programs;
mod progress;
mod verify;
mod worker_certs;
// Seminars, sessions, roster, participant-list import, training history (issue 3).
mod attendance_import;
mod history;
mod roster;
mod seminars;
mod worker_training;
// Dashboard and reports (issue 5).
mod dashboard;
mod reports;
mod worker_reports;

use std::path::PathBuf;

pub use shell::{LotseApp, Screen};

use crate::error::{Error, Result};
use crate::i18n::{Arg, Lang, ta};
use crate::store::Store;

/// Opens the database at `db` and runs the desktop app until its window is closed.
/// `lang` overrides the language chosen in settings. A file that cannot be opened is
/// reported before any window appears.
pub fn run(db: PathBuf, lang: Option<Lang>) -> Result<()> {
    let store = Store::open(&db)?;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Lotse")
            .with_app_id("lotse")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([960.0, 600.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Lotse",
        options,
        Box::new(move |cc| {
            let mut app = LotseApp::with_store(cc, store, lang)
                .map_err(|e| Box::new(AppStartError(e.user_message())))?;
            // Hidden, for screenshots and demonstrations: LOTSE_START_SCREEN=seminars etc.
            if let Some(screen) = std::env::var("LOTSE_START_SCREEN")
                .ok()
                .and_then(|name| start_screen(&name))
            {
                app.set_screen(screen);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| {
        Error::Message(ta(
            "app-start-failed",
            &[("detail", Arg::from(e.to_string()))],
        ))
    })
}

/// The screen named by `LOTSE_START_SCREEN` (dashboard, employees, departments, seminars,
/// programs, certificates, reports, settings).
fn start_screen(name: &str) -> Option<Screen> {
    Some(match name.trim().to_ascii_lowercase().as_str() {
        "dashboard" => Screen::Dashboard,
        "employees" => Screen::Employees,
        "departments" => Screen::Departments,
        "seminars" => Screen::Seminars,
        "programs" => Screen::Programs,
        "certificates" => Screen::Certificates,
        "reports" => Screen::Reports,
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
