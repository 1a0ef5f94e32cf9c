//! Driving the desktop app in tests (egui_kittest, headless): build it over a database
//! file, wait for its worker, click, type and look.
#![allow(dead_code)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use lotse::app::LotseApp;
use lotse::i18n::Lang;
use lotse::service::Database;
use tempfile::TempDir;

/// A temporary database file (deleted with the returned directory).
pub fn temp_db() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lotse.sqlite");
    (dir, path)
}

/// The app over `store`, in German, in a window of `size`, after its first data arrived.
pub fn harness(store: Database, size: [f32; 2]) -> Harness<'static, LotseApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .build_eframe(move |cc| LotseApp::with_database(cc, store, Some(Lang::De)).expect("app"));
    settle(&mut harness);
    harness
}

/// Steps the UI until the worker and every background job are done (at most 20 s),
/// then until the UI is still. A screen that just opened asks for its data in the frame
/// after, so the app must be idle for two frames in a row.
pub fn settle(harness: &mut Harness<'_, LotseApp>) {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut idle = 0;
    while idle < 2 {
        harness.step();
        idle = if harness.state().is_busy() {
            0
        } else {
            idle + 1
        };
        assert!(
            Instant::now() < deadline,
            "the app did not finish its work within 20 s"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    // A side job may still animate a spinner for a moment: step until the UI is still.
    while harness.try_run().is_err() {
        assert!(Instant::now() < deadline, "the UI did not come to rest");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Clicks the widget with `role` labelled `label` (scrolled into view first) and waits
/// for what it started.
pub fn click(harness: &mut Harness<'_, LotseApp>, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).scroll_to_me();
    settle(harness);
    harness.get_by_role_and_label(role, label).click();
    settle(harness);
}

pub fn click_button(harness: &mut Harness<'_, LotseApp>, label: &str) {
    click(harness, Role::Button, label);
}

/// Types `text` into the field with `role` labelled `label`.
pub fn type_into_role(harness: &mut Harness<'_, LotseApp>, role: Role, label: &str, text: &str) {
    harness.get_by_role_and_label(role, label).scroll_to_me();
    settle(harness);
    harness.get_by_role_and_label(role, label).focus();
    settle(harness);
    harness.get_by_role_and_label(role, label).type_text(text);
    settle(harness);
}

/// Types `text` into the (single-line) text field labelled `label`.
pub fn type_into(harness: &mut Harness<'_, LotseApp>, label: &str, text: &str) {
    type_into_role(harness, Role::TextInput, label, text);
}

pub fn has_text(harness: &Harness<'_, LotseApp>, text: &str) -> bool {
    harness.query_all_by_label(text).next().is_some()
}

pub fn has_text_containing(harness: &Harness<'_, LotseApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}
