//! Driving the app as a user would, for tests and scripts: a file "chosen" without the
//! native dialog, a screen or tab "clicked", the status line read back.

use std::path::PathBuf;

use super::{LotseApp, Screen};
use crate::app::worker::Worker;

impl LotseApp {
    /// Starts the import preview of `path` as if the user had picked it in the file dialog.
    pub fn preview_import(&mut self, path: PathBuf) {
        self.import.preview_file(path, &mut self.worker);
    }

    /// Shows `tab` of the Settings screen, as if the user had clicked it.
    pub fn show_settings_tab(&mut self, tab: crate::app::settings::screen::SettingsTab) {
        self.settings.show_tab(tab);
    }

    /// Saves the e-mail drafts of the rows selected on the *Verlängerungen* screen into
    /// `dir`, as if the user had chosen the folder in the dialog.
    pub fn save_renewal_drafts_to(&mut self, dir: PathBuf) {
        self.renewals.save_drafts_to(dir, &mut self.worker);
    }

    /// What the last e-mail drafts came to, as the *Verlängerungen* screen shows it.
    pub fn renewal_drafts_result(&self) -> Option<&str> {
        self.renewals.drafts_result()
    }

    /// The audit log screen's state (for tests: rows loaded, count).
    pub(crate) fn audit_state(&self) -> &crate::app::settings::audit::AuditState {
        &self.audit
    }

    pub(crate) fn audit_state_mut(
        &mut self,
    ) -> (&mut crate::app::settings::audit::AuditState, &mut Worker) {
        (&mut self.audit, &mut self.worker)
    }

    /// Shows `screen`, as if the user had chosen it in the navigation.
    pub fn set_screen(&mut self, screen: Screen) {
        self.screen = screen;
    }

    /// Exports the report shown on the Reports screen to `path` (CSV, XLSX, or PDF for
    /// coverage, by its extension) as if the user had chosen the file in the save dialog.
    pub fn export_report_to(&mut self, path: PathBuf) {
        if let Err(e) = crate::app::reports::screen::export_shown_to(&mut self.reports, path) {
            self.notices.error(e.user_message());
        }
    }

    /// Writes the compliance report for the department chosen on the Reports screen (as
    /// of its day) to `path` (.pdf or .xlsx) as if the user had chosen the file in the
    /// save dialog.
    pub fn export_compliance_to(&mut self, path: PathBuf) {
        let Some(today) = self.data.as_ref().map(|d| d.today) else {
            return;
        };
        if let Err(e) =
            crate::app::reports::screen::export_compliance_to(&mut self.reports, path, today)
        {
            self.notices.error(e.user_message());
        }
    }

    /// Starts the participant-list import of `path` into the session whose roster is
    /// open, as if the user had picked the file in the dialog. Does nothing without an
    /// open roster.
    pub fn preview_attendance_import(&mut self, path: PathBuf) {
        self.seminars.preview_import(path, &mut self.worker);
    }

    /// Writes the calendar file (.ics) of the session open in the session form to `path`
    /// as if the user had chosen it in the save dialog: the invitation, with the
    /// participants as attendees if `attendees`, or with `cancel` the cancellation.
    /// Returns false when no saved session is open in the form.
    pub fn write_session_calendar_to(
        &mut self,
        path: PathBuf,
        attendees: bool,
        cancel: bool,
    ) -> bool {
        self.seminars
            .write_calendar_to(path, attendees, cancel, &mut self.worker)
    }

    /// Prints the certificates of the open print window to `path` (a `.pdf` file, or a
    /// folder of single PDFs) as if the user had chosen it in the save dialog, without
    /// opening a viewer. Returns false when no print window is open.
    pub fn print_to(&mut self, path: PathBuf) -> bool {
        self.certs.print.print_to(path, false, &mut self.worker)
    }

    /// True while certificates are loaded or rendered for printing.
    pub fn is_printing(&self) -> bool {
        self.certs.is_printing()
    }

    /// The files the last print job wrote, once it finished.
    pub fn printed_files(&self) -> Option<Vec<PathBuf>> {
        self.certs.print.finished_files().map(<[PathBuf]>::to_vec)
    }

    /// The fraction done of the running print job, while it renders.
    pub fn print_progress(&self) -> Option<f32> {
        self.certs.print.progress()
    }

    /// The text of the status line, if it shows one.
    pub fn notice(&self) -> Option<&str> {
        self.notices.current().map(|(_, text)| text)
    }
}
