//! "Fälschungssichere Urkunden", a section of the certificate settings: the active signing
//! key, and exports of the public keys, the check page (`pruefen.html`) and the signed
//! revocation list. The file dialog runs on a thread of its own, the export on the worker
//! (`CertCommand::ExportSigning`).

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};

use egui::{RichText, Ui};

use crate::app::certificates::worker::{CertCommand, CertOutcome};
use crate::app::data::Data;
use crate::app::widgets::{Notices, error_label, hint};
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::Result;
use crate::i18n::{Arg, t, ta};

/// What the section exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SigningExport {
    /// The public keys (PEM).
    Keys,
    /// The check page (HTML).
    Page,
    /// The signed revocation list (JSON).
    Revocations,
}

impl SigningExport {
    const ALL: [SigningExport; 3] = [
        SigningExport::Keys,
        SigningExport::Page,
        SigningExport::Revocations,
    ];

    fn button_key(self) -> &'static str {
        match self {
            SigningExport::Keys => "sign-settings-export-keys",
            SigningExport::Page => "sign-settings-export-page",
            SigningExport::Revocations => "sign-settings-export-revocations",
        }
    }

    fn file_name_key(self) -> &'static str {
        match self {
            SigningExport::Keys => "sign-settings-keys-file-name",
            SigningExport::Page => "sign-settings-page-file-name",
            SigningExport::Revocations => "sign-settings-revocations-file-name",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            SigningExport::Keys => "pem",
            SigningExport::Page => "html",
            SigningExport::Revocations => "json",
        }
    }

    /// What the notice says after the export of `count` keys or revoked certificates.
    fn done(self, path: &std::path::Path, count: usize) -> String {
        let path = Arg::from(path.display().to_string());
        match self {
            SigningExport::Keys => ta(
                "sign-keys-exported",
                &[("count", Arg::from(count)), ("path", path)],
            ),
            SigningExport::Page => ta("sign-page-exported", &[("path", path)]),
            SigningExport::Revocations => ta(
                "sign-revocations-exported",
                &[("count", Arg::from(count)), ("path", path)],
            ),
        }
    }
}

/// The section's state.
#[derive(Default)]
pub(crate) struct SigningSection {
    /// The active key's id (`Some(None)`: none made yet), once loaded.
    key: Option<Option<String>>,
    /// The data revision the key was loaded at.
    loaded_at: Option<u64>,
    load: Option<Ticket>,
    export: Option<(Ticket, SigningExport, PathBuf)>,
    dialog: Option<(SigningExport, Receiver<Option<PathBuf>>)>,
    error: Option<String>,
}

impl SigningSection {
    /// Picks up the answer to a command this section sent; returns it if it is not ours.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
        notices: &mut Notices,
    ) -> Option<Result<Outcome>> {
        if self.load == Some(ticket) {
            self.load = None;
            match result {
                Ok(Outcome::Certs(CertOutcome::SigningKey(key))) => self.key = Some(key),
                Ok(_) => {}
                Err(e) => self.error = Some(e.user_message()),
            }
            return None;
        }
        match &self.export {
            Some((mine, what, path)) if *mine == ticket => {
                match result {
                    Ok(Outcome::Certs(CertOutcome::SigningExported(count))) => {
                        notices.success(what.done(path, count));
                        // The first export makes the first key.
                        self.loaded_at = None;
                    }
                    Ok(_) => {}
                    Err(e) => self.error = Some(e.user_message()),
                }
                self.export = None;
                None
            }
            _ => Some(result),
        }
    }

    fn choose(&mut self, ctx: &egui::Context, what: SigningExport) {
        let title = t(what.button_key()).trim_end_matches(['…', ' ']).to_owned();
        let file_name = t(what.file_name_key());
        let extension = what.extension();
        match crate::app::certificates::print::spawn_dialog(ctx, move || {
            rfd::FileDialog::new()
                .set_title(title)
                .add_filter(extension, &[extension])
                .set_file_name(file_name)
                .save_file()
        }) {
            Ok(rx) => self.dialog = Some((what, rx)),
            Err(e) => self.error = Some(e.user_message()),
        }
    }
}

/// Draws the section.
pub(crate) fn signing_ui(ui: &mut Ui, s: &mut SigningSection, data: &Data, worker: &mut Worker) {
    ui.label(
        RichText::new(t("sign-settings-heading"))
            .strong()
            .size(17.0),
    );
    ui.add_space(2.0);
    ui.separator();
    ui.add_space(4.0);
    hint(ui, &t("sign-settings-intro"));
    if s.loaded_at != Some(data.revision) && s.load.is_none() {
        s.load = Some(worker.send(Command::Certs(CertCommand::SigningKey)));
        s.loaded_at = Some(data.revision);
    }
    match &s.key {
        Some(Some(key)) => {
            ui.label(ta("sign-settings-active-key", &[("key", Arg::from(key))]));
        }
        Some(None) => hint(ui, &t("sign-settings-no-key")),
        None => {
            ui.spinner();
        }
    }
    if let Some((what, rx)) = &s.dialog {
        match rx.try_recv() {
            Ok(Some(path)) => {
                let what = *what;
                s.error = None;
                let ticket = worker.send(Command::Certs(CertCommand::ExportSigning(
                    what,
                    path.clone(),
                )));
                s.export = Some((ticket, what, path));
                s.dialog = None;
            }
            Ok(None) | Err(TryRecvError::Disconnected) => s.dialog = None,
            Err(TryRecvError::Empty) => {}
        }
    }
    let idle = s.dialog.is_none() && s.export.is_none();
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        for what in SigningExport::ALL {
            if ui
                .add_enabled(idle, egui::Button::new(t(what.button_key())))
                .clicked()
            {
                s.choose(ui.ctx(), what);
            }
        }
        if s.export.is_some() {
            ui.spinner();
        }
    });
    if let Some(e) = &s.error {
        error_label(ui, e);
    }
}
