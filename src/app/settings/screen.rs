//! The Settings screen: language, organisation name and place, the database file.

use crate::app::widgets::write_button;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

use egui::{RichText, Ui};

use crate::app::certificates::worker::{CertCommand, CertOutcome, CertificateTexts};
use crate::app::data::Data;
use crate::app::settings::backup::{BackupState, backup_section_ui};
use crate::app::settings::retention::{RetentionSettings, retention_settings_ui};
use crate::app::shell::DatabasePlace;
use crate::app::widgets::style::MUTED;
use crate::app::widgets::{FieldErrors, Notices, error_label, form_row, hint};
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::certificate::default_wording;
use crate::error::Result;
use crate::i18n::{self, Lang, t};

/// The state of the Settings screen: the texts as edited, until saved.
#[derive(Default)]
pub(crate) struct SettingsState {
    organisation: String,
    place: String,
    organizer_email: String,
    /// The data revision the fields were filled from; `None` until first filled.
    filled_from: Option<u64>,
    /// The user changed a field since it was filled.
    dirty: bool,
    pending: Option<Ticket>,
    errors: FieldErrors,
    /// Logo, signatory and wording of certificates.
    certificate: CertificateSettingsForm,
    /// Backups, restore, check and repair.
    backup: BackupState,
    /// The part of the settings shown.
    tab: SettingsTab,
    /// The retention period of leavers and what happens after it.
    retention: RetentionSettings,
    /// The reminder thresholds of renewals.
    renewals: crate::app::certificates::renewals::ThresholdSettings,
    /// The signing key and the exports for checking signed certificates.
    signing: crate::app::settings::signing::SigningSection,
}

/// The parts of the Settings screen, shown one at a time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SettingsTab {
    /// Language, organisation, the database file.
    #[default]
    General,
    /// Logo, signatory and wording of certificates.
    Certificates,
    /// Backups, restore, check and repair.
    Backup,
}

impl SettingsTab {
    const ALL: [SettingsTab; 3] = [
        SettingsTab::General,
        SettingsTab::Certificates,
        SettingsTab::Backup,
    ];

    fn title_key(self) -> &'static str {
        match self {
            SettingsTab::General => "app-settings-tab-general",
            SettingsTab::Certificates => "app-settings-tab-certificates",
            SettingsTab::Backup => "app-settings-backup",
        }
    }
}

impl SettingsState {
    /// Picks up the answer to a command this screen sent; returns it if it is not ours.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
        notices: &mut Notices,
    ) -> Option<Result<Outcome>> {
        let result = self.backup.on_finished(ticket, result, notices)?;
        let result = self.certificate.on_finished(ticket, result, notices)?;
        let result = crate::app::settings::retention::retention_settings_finished(
            &mut self.retention,
            ticket,
            result,
            notices,
        )?;
        let result = crate::app::certificates::renewals::threshold_settings_finished(
            &mut self.renewals,
            ticket,
            result,
            notices,
        )?;
        let result = self.signing.on_finished(ticket, result, notices)?;
        if self.pending != Some(ticket) {
            return Some(result);
        }
        self.pending = None;
        match result {
            Ok(_) => {
                self.dirty = false;
                self.filled_from = None;
                notices.success(t("app-settings-saved"));
            }
            Err(e) => self.errors = FieldErrors::from_error(&e, &[]),
        }
        None
    }
}

impl SettingsState {
    pub fn on_progress(&mut self, ticket: Ticket, fraction: f32) {
        self.backup.on_progress(ticket, fraction);
    }

    /// Shows `tab` the next time the screen is drawn.
    pub fn show_tab(&mut self, tab: SettingsTab) {
        self.tab = tab;
    }

    /// True while a backup, restore or check of this screen runs.
    pub fn is_busy(&self) -> bool {
        self.backup.is_busy() || self.renewals.is_busy()
    }
}

/// What the user changed that the whole app must follow.
pub(crate) enum SettingsAction {
    Language(Lang),
}

/// Draws the Settings screen.
pub(crate) fn settings_ui(
    ui: &mut Ui,
    state: &mut SettingsState,
    data: &Data,
    place: &DatabasePlace,
    worker: &mut Worker,
) -> Option<SettingsAction> {
    if !state.dirty && state.filled_from != Some(data.revision) {
        state.organisation = data.organisation.clone();
        state.place = data.place.clone();
        state.organizer_email = data.organizer_email.clone();
        state.filled_from = Some(data.revision);
    }
    let mut action = None;
    ui.heading(t("app-settings-title"));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        for tab in SettingsTab::ALL {
            if ui
                .selectable_label(
                    state.tab == tab,
                    RichText::new(t(tab.title_key())).size(15.0),
                )
                .clicked()
            {
                state.tab = tab;
            }
        }
    });
    ui.separator();
    ui.add_space(8.0);
    match state.tab {
        SettingsTab::General => {
            general_ui(ui, state, place, worker, &mut action);
            ui.add_space(20.0);
            section(ui, &t("appret-settings-title"));
            retention_settings_ui(ui, &mut state.retention, data.revision, worker);
        }
        SettingsTab::Certificates => {
            certificate_settings_ui(ui, &mut state.certificate, data, worker);
            ui.add_space(20.0);
            section(ui, &t("renew-thresholds-title"));
            crate::app::certificates::renewals::threshold_settings_ui(
                ui,
                &mut state.renewals,
                data.revision,
                worker,
            );
            ui.add_space(20.0);
            crate::app::settings::signing::signing_ui(ui, &mut state.signing, data, worker);
        }
        SettingsTab::Backup if place.server => {
            section(ui, &t("app-settings-backup"));
            server_backup_ui(ui, place);
        }
        SettingsTab::Backup => {
            section(ui, &t("app-settings-backup"));
            backup_section_ui(ui, &mut state.backup, data.revision, worker);
        }
    }
    action
}

/// Language, organisation and the database file.
fn general_ui(
    ui: &mut Ui,
    state: &mut SettingsState,
    place: &DatabasePlace,
    worker: &mut Worker,
    action: &mut Option<SettingsAction>,
) {
    section(ui, &t("app-settings-language"));
    egui::Grid::new("settings-language")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .min_col_width(180.0)
        .show(ui, |ui| {
            let current = i18n::language();
            form_row(ui, t("app-settings-language-label"), &[], |ui| {
                egui::ComboBox::from_id_salt("settings-language-combo")
                    .selected_text(current.native_name())
                    .show_ui(ui, |ui| {
                        for lang in Lang::ALL {
                            if ui
                                .selectable_label(lang == current, lang.native_name())
                                .clicked()
                                && lang != current
                            {
                                *action = Some(SettingsAction::Language(lang));
                            }
                        }
                    })
                    .response
            });
        });
    ui.add_space(20.0);

    section(ui, &t("app-settings-organisation"));
    let busy = state.pending.is_some();
    egui::Grid::new("settings-organisation")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .min_col_width(180.0)
        .show(ui, |ui| {
            let r = form_row(ui, t("app-settings-organisation-name"), &[], |ui| {
                ui.add_enabled(
                    !busy,
                    egui::TextEdit::singleline(&mut state.organisation)
                        .hint_text(t("app-settings-organisation-hint"))
                        .desired_width(360.0),
                )
            });
            state.dirty |= r.changed();
            let r = form_row(ui, t("app-settings-place"), &[], |ui| {
                ui.add_enabled(
                    !busy,
                    egui::TextEdit::singleline(&mut state.place)
                        .hint_text(t("app-settings-place-hint"))
                        .desired_width(360.0),
                )
            });
            state.dirty |= r.changed();
            let r = form_row(ui, t("app-settings-organizer-email"), &[], |ui| {
                ui.add_enabled(
                    !busy,
                    egui::TextEdit::singleline(&mut state.organizer_email)
                        .hint_text(t("app-settings-organizer-email-hint"))
                        .desired_width(360.0),
                )
            });
            state.dirty |= r.changed();
        });
    hint(ui, &t("app-settings-organizer-email-note"));
    ui.add_space(6.0);
    for message in &state.errors.general {
        error_label(ui, message);
    }
    ui.horizontal(|ui| {
        if write_button(ui, !busy && state.dirty, t("app-save")).clicked() {
            state.errors = FieldErrors::default();
            state.pending = Some(worker.send(Command::SaveOrganisation {
                name: state.organisation.clone(),
                place: state.place.clone(),
                organizer_email: state.organizer_email.clone(),
            }));
        }
        if busy {
            ui.spinner();
        }
    });
    ui.add_space(20.0);

    section(ui, &t("app-settings-database"));
    egui::Grid::new("settings-database")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .min_col_width(180.0)
        .show(ui, |ui| {
            ui.label(t(if place.server {
                "app-settings-database-server"
            } else {
                "app-settings-database-file"
            }));
            ui.add(
                egui::Label::new(RichText::new(place.full.as_str()).monospace())
                    .selectable(true)
                    .wrap(),
            );
            ui.end_row();
        });
    hint(ui, &t("app-settings-database-hint"));
}

/// On a server the server keeps the backups: what to ask the IT for, with the command.
fn server_backup_ui(ui: &mut Ui, place: &DatabasePlace) {
    ui.add(egui::Label::new(t("app-backup-on-server")).wrap());
    ui.add_space(8.0);
    let command = format!("pg_dump -Fc -f lotse-$(date +%F).dump {}", place.full);
    ui.add(
        egui::Label::new(RichText::new(command).monospace())
            .selectable(true)
            .wrap(),
    );
    ui.add_space(8.0);
    hint(ui, &t("app-backup-on-server-restore"));
}

fn section(ui: &mut Ui, title: &str) {
    ui.label(RichText::new(title).strong().size(17.0));
    ui.add_space(2.0);
    ui.separator();
    ui.add_space(4.0);
}

/// The certificate settings as edited: signatory and wording until saved, and the logo.
#[derive(Default)]
pub(crate) struct CertificateSettingsForm {
    texts: CertificateTexts,
    /// The data revision the fields were filled from.
    filled_from: Option<u64>,
    dirty: bool,
    pending: Option<Ticket>,
    error: Option<String>,
    /// The logo file dialog, while it is open.
    logo_dialog: Option<Receiver<Option<PathBuf>>>,
    /// A logo being set or removed.
    logo_pending: Option<Ticket>,
    logo_error: Option<String>,
    /// The logo the preview was asked for (by its SHA-256) and the answer's ticket.
    preview_asked: Option<String>,
    preview_pending: Option<Ticket>,
    /// The decoded logo, until it is a texture.
    preview_image: Option<(String, Arc<egui::ColorImage>)>,
    preview: Option<(String, egui::TextureHandle)>,
    /// The PDF/A setting asked for, until the worker stored it.
    pdfa_pending: Option<(Ticket, bool)>,
}

impl CertificateSettingsForm {
    /// Picks up the answers to this section's commands; returns the others.
    fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
        notices: &mut Notices,
    ) -> Option<Result<Outcome>> {
        if self.pending == Some(ticket) {
            self.pending = None;
            match result {
                Ok(_) => {
                    self.dirty = false;
                    self.filled_from = None;
                    notices.success(t("appcert-settings-saved"));
                }
                Err(e) => self.error = Some(e.user_message()),
            }
            return None;
        }
        if self.logo_pending == Some(ticket) {
            self.logo_pending = None;
            match result {
                Ok(_) => notices.success(t("appcert-settings-logo-saved")),
                Err(e) => self.logo_error = Some(e.user_message()),
            }
            return None;
        }
        if let Some((pending, _)) = self.pdfa_pending
            && pending == ticket
        {
            self.pdfa_pending = None;
            match result {
                Ok(_) => notices.success(t("appcert-settings-pdfa-saved")),
                Err(e) => self.error = Some(e.user_message()),
            }
            return None;
        }
        if self.preview_pending == Some(ticket) {
            self.preview_pending = None;
            match result {
                Ok(Outcome::Certs(CertOutcome::LogoPreview(image))) => self.preview_image = image,
                Ok(_) => {}
                Err(e) => self.logo_error = Some(e.user_message()),
            }
            return None;
        }
        Some(result)
    }

    /// Fills the fields from the stored settings (an empty wording shows the default).
    fn fill(&mut self, data: &Data) {
        let mut texts = data.certs.settings.texts.clone();
        if texts.wording_de.trim().is_empty() {
            texts.wording_de = default_wording(Lang::De);
        }
        if texts.wording_en.trim().is_empty() {
            texts.wording_en = default_wording(Lang::En);
        }
        self.texts = texts;
        self.filled_from = Some(data.revision);
    }

    /// The texts to store: a wording equal to the default is stored empty, so that it
    /// follows the default.
    fn to_store(&self) -> CertificateTexts {
        let wording = |text: &str, lang: Lang| {
            if text.trim() == default_wording(lang).trim() {
                String::new()
            } else {
                text.trim().to_owned()
            }
        };
        CertificateTexts {
            signatory_name: self.texts.signatory_name.trim().to_owned(),
            signatory_title: self.texts.signatory_title.trim().to_owned(),
            wording_de: wording(&self.texts.wording_de, Lang::De),
            wording_en: wording(&self.texts.wording_en, Lang::En),
        }
    }

    /// Asks for the preview of the logo in the data when it is not shown yet, takes the
    /// file dialog's answer, and turns a decoded logo into a texture.
    fn follow_logo(&mut self, ui: &Ui, data: &Data, worker: &mut Worker) {
        if let Some(rx) = &self.logo_dialog {
            match rx.try_recv() {
                Ok(Some(path)) => {
                    self.logo_dialog = None;
                    self.logo_error = None;
                    self.logo_pending =
                        Some(worker.send(Command::Certs(CertCommand::SetLogoFile(path))));
                }
                Ok(None) | Err(TryRecvError::Disconnected) => self.logo_dialog = None,
                Err(TryRecvError::Empty) => {}
            }
        }
        let wanted = data.certs.settings.logo_sha.clone();
        match &wanted {
            None => {
                self.preview = None;
                self.preview_image = None;
                self.preview_asked = None;
            }
            Some(sha) => {
                let shown = self.preview.as_ref().map(|(s, _)| s);
                if shown != Some(sha)
                    && self.preview_asked.as_ref() != Some(sha)
                    && self.preview_pending.is_none()
                {
                    self.preview_asked = Some(sha.clone());
                    self.preview_pending =
                        Some(worker.send(Command::Certs(CertCommand::LoadLogoPreview)));
                }
            }
        }
        if let Some((sha, image)) = self.preview_image.take() {
            let texture = ui.ctx().load_texture(
                "appcert-logo-preview",
                (*image).clone(),
                egui::TextureOptions::LINEAR,
            );
            self.preview = Some((sha, texture));
        }
    }

    fn choose_logo(&mut self, ctx: &egui::Context) {
        let title = t("appcert-settings-logo-dialog");
        let filter = t("appcert-settings-logo-filter");
        match crate::app::certificates::print::spawn_dialog(ctx, move || {
            rfd::FileDialog::new()
                .set_title(title)
                .add_filter(filter, &["png", "PNG", "jpg", "JPG", "jpeg", "JPEG"])
                .pick_file()
        }) {
            Ok(rx) => self.logo_dialog = Some(rx),
            Err(e) => self.logo_error = Some(e.user_message()),
        }
    }
}

/// The section with logo, signatory and wording of certificates.
fn certificate_settings_ui(
    ui: &mut Ui,
    form: &mut CertificateSettingsForm,
    data: &Data,
    worker: &mut Worker,
) {
    if !form.dirty && form.filled_from != Some(data.revision) {
        form.fill(data);
    }
    form.follow_logo(ui, data, worker);
    section(ui, &t("appcert-settings-title"));
    let busy = form.pending.is_some();
    egui::Grid::new("appcert-settings-grid")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .min_col_width(180.0)
        .show(ui, |ui| {
            ui.label(t("appcert-settings-logo"));
            ui.vertical(|ui| {
                match &form.preview {
                    Some((_, texture)) => {
                        let size = texture.size_vec2();
                        let scale = (220.0 / size.x).min(90.0 / size.y).min(1.0);
                        egui::Frame::new()
                            .stroke(egui::Stroke::new(1.0, crate::app::widgets::style::BORDER))
                            .inner_margin(4)
                            .show(ui, |ui| {
                                ui.add(
                                    egui::Image::from_texture(texture)
                                        .fit_to_exact_size(size * scale)
                                        .alt_text(t("appcert-settings-logo")),
                                );
                            });
                        if data.certs.settings.logo_default {
                            ui.label(
                                RichText::new(t("appcert-settings-default-logo")).color(MUTED),
                            );
                        }
                    }
                    None if data.certs.settings.logo_sha.is_some() => {
                        ui.spinner();
                    }
                    None => {
                        ui.label(RichText::new(t("appcert-settings-no-logo")).color(MUTED));
                    }
                }
                ui.horizontal(|ui| {
                    let logo_busy = form.logo_dialog.is_some() || form.logo_pending.is_some();
                    if ui
                        .add_enabled(
                            !logo_busy,
                            egui::Button::new(if data.certs.settings.logo_default {
                                t("appcert-settings-logo-replace")
                            } else {
                                t("appcert-settings-logo-choose")
                            }),
                        )
                        .clicked()
                    {
                        form.choose_logo(ui.ctx());
                    }
                    if !data.certs.settings.logo_default
                        && ui
                            .add_enabled(
                                !logo_busy,
                                egui::Button::new(t("appcert-settings-logo-remove")),
                            )
                            .clicked()
                    {
                        form.logo_error = None;
                        form.logo_pending =
                            Some(worker.send(Command::Certs(CertCommand::RemoveLogo)));
                    }
                    if logo_busy {
                        ui.spinner();
                    }
                });
                if let Some(e) = &form.logo_error {
                    error_label(ui, e);
                }
            });
            ui.end_row();
            let r = form_row(ui, t("appcert-signatory-name"), &[], |ui| {
                ui.add_enabled(
                    !busy,
                    egui::TextEdit::singleline(&mut form.texts.signatory_name)
                        .hint_text(t("appcert-signatory-name-hint"))
                        .desired_width(360.0),
                )
            });
            form.dirty |= r.changed();
            let r = form_row(ui, t("appcert-signatory-title"), &[], |ui| {
                ui.add_enabled(
                    !busy,
                    egui::TextEdit::singleline(&mut form.texts.signatory_title)
                        .hint_text(t("appcert-signatory-title-hint"))
                        .desired_width(360.0),
                )
            });
            form.dirty |= r.changed();
            for (lang, key) in [
                (Lang::De, "appcert-settings-wording-de"),
                (Lang::En, "appcert-settings-wording-en"),
            ] {
                let label = ui.label(t(key));
                ui.vertical(|ui| {
                    let text = match lang {
                        Lang::De => &mut form.texts.wording_de,
                        Lang::En => &mut form.texts.wording_en,
                    };
                    let r = ui
                        .add_enabled(
                            !busy,
                            egui::TextEdit::multiline(text)
                                .desired_rows(3)
                                .desired_width(480.0),
                        )
                        .labelled_by(label.id);
                    form.dirty |= r.changed();
                    let default = default_wording(lang);
                    if ui
                        .add_enabled(
                            !busy && text.trim() != default.trim(),
                            egui::Button::new(t("appcert-settings-wording-reset")).small(),
                        )
                        .clicked()
                    {
                        *text = default;
                        form.dirty = true;
                    }
                });
                ui.end_row();
            }
            ui.label(t("appcert-settings-pdfa"));
            ui.vertical(|ui| {
                let mut on = form
                    .pdfa_pending
                    .map_or(data.certs.settings.pdfa, |(_, on)| on);
                let r = ui.add_enabled(
                    form.pdfa_pending.is_none(),
                    egui::Checkbox::new(&mut on, t("appcert-settings-pdfa-check")),
                );
                if r.changed() {
                    let ticket = worker.send(Command::Certs(CertCommand::SetPdfa(on)));
                    form.pdfa_pending = Some((ticket, on));
                }
                ui.label(RichText::new(t("appcert-settings-pdfa-hint")).color(MUTED));
            });
            ui.end_row();
        });
    hint(ui, &t("appcert-settings-hint"));
    if let Some(e) = &form.error {
        error_label(ui, e);
    }
    ui.horizontal(|ui| {
        if write_button(ui, !busy && form.dirty, t("appcert-settings-save")).clicked() {
            form.error = None;
            form.pending =
                Some(worker.send(Command::Certs(CertCommand::SaveSettings(form.to_store()))));
        }
        if busy {
            ui.spinner();
        }
    });
}
