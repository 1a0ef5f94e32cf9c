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
mod placeholder;
mod settings;
mod shell;
mod style;
mod welcome;
mod widgets;
mod worker;

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
            let app = LotseApp::with_store(cc, store, lang)
                .map_err(|e| Box::new(AppStartError(e.user_message())))?;
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

/// The app could not be built inside eframe's start-up.
#[derive(Debug)]
struct AppStartError(String);

impl std::fmt::Display for AppStartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for AppStartError {}
