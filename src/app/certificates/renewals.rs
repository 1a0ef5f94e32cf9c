//! The *Verlängerungen* screen: certificates that expired or run out within the reminder
//! window, with what each holder still needs and the next sessions; filters by band,
//! department and program; a selection for which to save `.eml` drafts or open the mail
//! program with the addresses in BCC. The list is computed on the worker
//! (`service::renewals::list`), again when the data or the department and program
//! filters change; the band filter and the row texts are worked out once per answer, not
//! per frame. Also the settings section with the three reminder thresholds.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use egui::{Align, Layout, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::certificates::print::spawn_dialog;
use crate::app::certificates::worker_renewals::{RenewalsCommand, RenewalsOutcome};
use crate::app::data::Data;
use crate::app::widgets::settings_form::SettingsForm;
use crate::app::widgets::style::{ERROR, MUTED};
use crate::app::widgets::{Notices, department_combo, error_label, hint};
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::Result;
use crate::i18n::{self, Arg, fmt_date, t, ta};
use crate::model::{CertificateId, DepartmentId, ProgramId};
use crate::rules::{Band, Thresholds};
use crate::service::renewals::{self, RenewalFilter, Renewals};

/// One row as drawn: its texts made once per answer.
#[derive(Debug, Clone)]
struct RowView {
    certificate: CertificateId,
    band: Band,
    name: String,
    department: String,
    department_name: String,
    program: String,
    program_title: String,
    serial: String,
    until: String,
    days: i64,
    band_label: String,
    missing: String,
    complete: bool,
    sessions: String,
    email: Option<String>,
}

/// The screen's state.
#[derive(Default)]
pub(crate) struct RenewalsState {
    renewals: Option<Arc<Renewals>>,
    rows: Vec<RowView>,
    /// Positions in `rows` the band filter lets through, and the band they are for.
    visible: Vec<usize>,
    visible_for: Option<Option<Band>>,
    /// The data revision and filter the list was loaded for.
    loaded_at: Option<(u64, RenewalFilter)>,
    load_pending: Option<Ticket>,
    drafts_pending: Option<Ticket>,
    choosing: Option<Receiver<Option<PathBuf>>>,
    pub band: Option<Band>,
    pub department: Option<DepartmentId>,
    pub program: Option<ProgramId>,
    selected: BTreeSet<CertificateId>,
    error: Option<String>,
    /// What the last drafts came to, shown until the next ones.
    drafts_result: Option<String>,
}

impl RenewalsState {
    /// Shows the screen filtered to `band` (from the dashboard).
    pub fn show_band(&mut self, band: Option<Band>) {
        self.band = band;
    }

    /// True while the list loads or drafts are written.
    pub fn is_busy(&self) -> bool {
        self.load_pending.is_some() || self.drafts_pending.is_some()
    }

    /// The certificates shown now (after the band filter), in order.
    pub fn shown(&self) -> Vec<CertificateId> {
        self.visible
            .iter()
            .filter_map(|&i| self.rows.get(i))
            .map(|r| r.certificate)
            .collect()
    }

    /// Selects or unselects every row shown.
    pub fn select_all(&mut self, on: bool) {
        for c in self.shown() {
            if on {
                self.selected.insert(c);
            } else {
                self.selected.remove(&c);
            }
        }
    }

    /// The drafts' outcome, as shown on the screen.
    pub fn drafts_result(&self) -> Option<&str> {
        self.drafts_result.as_deref()
    }

    /// Picks up the answers to this screen's commands; returns the others.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
        notices: &mut Notices,
    ) -> Option<Result<Outcome>> {
        if self.load_pending == Some(ticket) {
            self.load_pending = None;
            match result {
                Ok(Outcome::Renewals(RenewalsOutcome::Loaded(list))) => {
                    self.error = None;
                    self.set(list);
                }
                Ok(_) => {}
                Err(e) => self.error = Some(e.user_message()),
            }
            return None;
        }
        if self.drafts_pending == Some(ticket) {
            self.drafts_pending = None;
            match result {
                Ok(Outcome::Renewals(RenewalsOutcome::Drafts(written))) => {
                    let text = renewals::drafts_message(&written);
                    notices.success(text.clone());
                    self.drafts_result = Some(text);
                }
                Ok(_) => {}
                Err(e) => self.error = Some(e.user_message()),
            }
            return None;
        }
        Some(result)
    }

    fn set(&mut self, list: Arc<Renewals>) {
        let lang = i18n::language();
        self.rows = list
            .rows
            .iter()
            .map(|r| RowView {
                certificate: r.certificate,
                band: r.band,
                name: r.sort_name(),
                department: r.department_code.clone().unwrap_or_default(),
                department_name: r.department_name.clone().unwrap_or_default(),
                program: r.program_code.clone(),
                program_title: r.program_title(lang).to_owned(),
                serial: r.serial.clone(),
                until: fmt_date(r.valid_until),
                days: r.days_left,
                band_label: list.band_label(r.band, lang),
                missing: list.missing_text(r, lang),
                complete: r.needs.is_empty(),
                sessions: list.sessions_text(r, lang),
                email: r.employee.email.clone().filter(|e| !e.trim().is_empty()),
            })
            .collect();
        // What is no longer listed is no longer selected.
        let listed: BTreeSet<CertificateId> = self.rows.iter().map(|r| r.certificate).collect();
        self.selected.retain(|c| listed.contains(c));
        self.renewals = Some(list);
        self.visible_for = None;
    }

    fn filter(&self) -> RenewalFilter {
        RenewalFilter {
            within: None,
            department: self.department,
            program: self.program,
        }
    }

    /// Asks for the list when the data or the worker-side filters changed.
    fn load_if_stale(&mut self, data: &Data, worker: &mut Worker) {
        let key = (data.revision, self.filter());
        if self.loaded_at != Some(key) && self.load_pending.is_none() {
            self.loaded_at = Some(key);
            self.load_pending =
                Some(worker.send(Command::Renewals(RenewalsCommand::Load(self.filter()))));
        }
    }

    fn refilter(&mut self) {
        if self.visible_for == Some(self.band) {
            return;
        }
        self.visible = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| self.band.is_none_or(|b| b == r.band))
            .map(|(i, _)| i)
            .collect();
        self.visible_for = Some(self.band);
        // Only what is shown stays selected: drafts and mail go to what the user sees.
        let shown: BTreeSet<CertificateId> = self.shown().into_iter().collect();
        self.selected.retain(|c| shown.contains(c));
    }

    /// Saves a draft for each selected row into `dir` on the worker.
    pub fn save_drafts_to(&mut self, dir: PathBuf, worker: &mut Worker) {
        let Some(list) = &self.renewals else { return };
        self.error = None;
        self.drafts_result = None;
        self.drafts_pending = Some(worker.send(Command::Renewals(RenewalsCommand::WriteDrafts {
            renewals: Arc::clone(list),
            selection: self.selected.iter().copied().collect(),
            dir,
            lang: i18n::language(),
        })));
    }

    /// The `mailto:` link with the selected people's addresses in BCC.
    pub fn mailto(&self) -> Result<String> {
        let addresses = self
            .rows
            .iter()
            .filter(|r| self.selected.contains(&r.certificate))
            .filter_map(|r| r.email.as_deref());
        renewals::mailto_bcc(addresses, &t("renew-mailto-subject"))
    }

    fn poll_dialog(&mut self, worker: &mut Worker) {
        let Some(rx) = &self.choosing else { return };
        match rx.try_recv() {
            Ok(Some(dir)) => {
                self.choosing = None;
                self.save_drafts_to(dir, worker);
            }
            Ok(None) | Err(std::sync::mpsc::TryRecvError::Disconnected) => self.choosing = None,
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
        }
    }
}

/// Draws the screen.
pub(crate) fn renewals_ui(
    ui: &mut Ui,
    state: &mut RenewalsState,
    data: &Data,
    worker: &mut Worker,
) {
    state.poll_dialog(worker);
    state.load_if_stale(data, worker);
    state.refilter();
    ui.horizontal(|ui| {
        ui.heading(t("renew-title"));
        if state.load_pending.is_some() {
            ui.spinner();
        }
    });
    ui.add_space(4.0);
    hint(ui, &t("renew-intro"));
    ui.add_space(6.0);
    toolbar_ui(ui, state, data);
    ui.add_space(6.0);
    actions_ui(ui, state);
    if let Some(e) = &state.error {
        error_label(ui, e);
    }
    if let Some(text) = &state.drafts_result {
        ui.add(egui::Label::new(RichText::new(text).strong()).wrap());
    }
    ui.add_space(6.0);
    if state.renewals.is_none() {
        return;
    }
    if state.visible.is_empty() {
        ui.label(RichText::new(t("renew-app-none")).strong());
        return;
    }
    table_ui(ui, state);
}

fn toolbar_ui(ui: &mut Ui, state: &mut RenewalsState, data: &Data) {
    let counts = state
        .renewals
        .as_ref()
        .map(|r| r.counts())
        .unwrap_or_default();
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t("renew-col-band"));
        let band_text = |b: Option<Band>, state: &RenewalsState| -> String {
            let lang = i18n::language();
            match (b, &state.renewals) {
                (None, _) => ta(
                    "renew-filter-all",
                    &[("count", Arg::from(counts.iter().sum::<usize>()))],
                ),
                (Some(b), Some(r)) => {
                    let i = Band::ALL.iter().position(|x| *x == b).unwrap_or(0);
                    format!("{} ({})", r.band_label(b, lang), counts[i])
                }
                (Some(b), None) => b.code().to_owned(),
            }
        };
        let selected_text = band_text(state.band, state);
        let mut band = state.band;
        egui::ComboBox::from_id_salt("renew-band-filter")
            .selected_text(selected_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut band, None, band_text(None, state));
                for b in Band::ALL {
                    ui.selectable_value(&mut band, Some(b), band_text(Some(b), state));
                }
            })
            .response
            .labelled_by(label.id);
        state.band = band;
        ui.add_space(12.0);
        let label = ui.label(t("renew-col-department"));
        department_combo(
            ui,
            "renew-department-filter",
            &data.departments,
            &mut state.department,
            &t("renew-filter-all-departments"),
            false,
            None,
        )
        .labelled_by(label.id);
        ui.add_space(12.0);
        let label = ui.label(t("renew-col-program"));
        crate::app::certificates::screen::program_filter_combo(
            ui,
            "renew-program-filter",
            data,
            &mut state.program,
        )
        .labelled_by(label.id);
    });
}

fn actions_ui(ui: &mut Ui, state: &mut RenewalsState) {
    ui.horizontal_wrapped(|ui| {
        let shown = state.shown();
        let all = !shown.is_empty() && shown.iter().all(|c| state.selected.contains(c));
        let mut checked = all;
        if ui.checkbox(&mut checked, t("renew-select-all")).changed() {
            state.select_all(checked);
        }
        ui.label(
            RichText::new(ta(
                "renew-selected",
                &[("count", Arg::from(state.selected.len()))],
            ))
            .color(MUTED),
        );
        ui.add_space(12.0);
        let any = !state.selected.is_empty();
        let idle = state.drafts_pending.is_none() && state.choosing.is_none();
        if ui
            .add_enabled(any && idle, egui::Button::new(t("renew-save-drafts")))
            .on_hover_text(t("renew-save-drafts-hint"))
            .clicked()
        {
            let title = t("renew-drafts-dialog-title");
            match spawn_dialog(ui.ctx(), move || {
                rfd::FileDialog::new().set_title(title).pick_folder()
            }) {
                Ok(rx) => state.choosing = Some(rx),
                Err(e) => state.error = Some(e.user_message()),
            }
        }
        if ui
            .add_enabled(any, egui::Button::new(t("renew-open-mail")))
            .on_hover_text(t("renew-open-mail-hint"))
            .clicked()
        {
            match state.mailto() {
                Ok(url) => {
                    if let Err(e) = opener::open(&url) {
                        log::warn!("could not open the mail program: {e}");
                        state.error = Some(t("renew-open-mail-failed"));
                    }
                }
                Err(e) => state.error = Some(e.user_message()),
            }
        }
        if state.drafts_pending.is_some() {
            ui.spinner();
        }
    });
}

fn table_ui(ui: &mut Ui, state: &mut RenewalsState) {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let RenewalsState {
        rows,
        visible,
        selected,
        ..
    } = state;
    ui.push_id("renewals", |ui| {
        TableBuilder::new(ui)
            .id_salt("renewals-table")
            .striped(true)
            .resizable(true)
            .auto_shrink([false, false])
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::exact(28.0))
            .column(Column::initial(150.0).at_least(90.0).clip(true))
            .column(Column::initial(56.0).clip(true))
            .column(Column::initial(50.0).clip(true))
            .column(Column::initial(100.0).clip(true))
            .column(Column::exact(82.0))
            .column(Column::exact(44.0))
            .column(Column::initial(80.0).clip(true))
            .column(Column::initial(220.0).at_least(100.0).clip(true))
            .column(Column::remainder().at_least(120.0).clip(true))
            .header(row_height, |mut header| {
                header.col(|_| {});
                for key in [
                    "renew-col-name",
                    "renew-col-department",
                    "renew-col-program",
                    "renew-col-serial",
                    "renew-col-valid-until",
                    "renew-col-days",
                    "renew-col-band",
                    "renew-col-missing",
                    "renew-col-sessions",
                ] {
                    header.col(|ui| {
                        ui.label(RichText::new(t(key)).small().color(MUTED));
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, visible.len(), |mut row| {
                    let Some(r) = visible.get(row.index()).and_then(|&i| rows.get(i)) else {
                        return;
                    };
                    row.col(|ui| {
                        let mut on = selected.contains(&r.certificate);
                        if ui
                            .checkbox(&mut on, "")
                            .accessible_name(ta(
                                "renew-select-row",
                                &[("name", Arg::from(&r.name))],
                            ))
                            .changed()
                        {
                            if on {
                                selected.insert(r.certificate);
                            } else {
                                selected.remove(&r.certificate);
                            }
                        }
                    });
                    row.col(|ui| {
                        let label = ui.add(egui::Label::new(&r.name).truncate());
                        if r.email.is_none() {
                            label.on_hover_text(t("renew-no-email"));
                        }
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&r.department).truncate())
                            .on_hover_text(&r.department_name);
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&r.program).truncate())
                            .on_hover_text(&r.program_title);
                    });
                    row.col(|ui| {
                        ui.label(&r.serial);
                    });
                    row.col(|ui| {
                        ui.label(&r.until);
                    });
                    row.col(|ui| {
                        ui.label(r.days.to_string());
                    });
                    row.col(|ui| {
                        let mut text = RichText::new(&r.band_label);
                        if matches!(r.band, Band::Expired | Band::Near) {
                            text = text.color(ERROR);
                        }
                        ui.label(text);
                    });
                    row.col(|ui| {
                        let mut text = RichText::new(&r.missing);
                        if r.complete {
                            text = text.strong();
                        }
                        ui.add(egui::Label::new(text).truncate())
                            .on_hover_text(&r.missing);
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&r.sessions).truncate())
                            .on_hover_text(r.sessions.replace("; ", "\n"));
                    });
                });
            });
    });
}

/// The thresholds as edited in the settings, until saved.
pub(crate) type ThresholdSettings = SettingsForm<Thresholds>;

/// Picks up the answers to the thresholds section's commands; returns the others.
pub(crate) fn threshold_settings_finished(
    form: &mut ThresholdSettings,
    ticket: Ticket,
    result: Result<Outcome>,
    notices: &mut Notices,
) -> Option<Result<Outcome>> {
    form.on_finished(
        ticket,
        result,
        |outcome| match outcome {
            Outcome::Renewals(RenewalsOutcome::Thresholds(stored)) => Some(stored),
            _ => None,
        },
        "renew-thresholds-saved",
        notices,
    )
}

/// The *Verlängerungen* section of the settings: after how many days a certificate is in
/// which band.
pub(crate) fn threshold_settings_ui(
    ui: &mut Ui,
    form: &mut ThresholdSettings,
    revision: u64,
    worker: &mut Worker,
) {
    form.load_if_stale(revision, worker, || {
        Command::Renewals(RenewalsCommand::Thresholds)
    });
    hint(ui, &t("renew-thresholds-hint"));
    ui.add_space(4.0);
    let busy = form.is_saving();
    let Some(edited) = &mut form.edited else {
        ui.spinner();
        return;
    };
    egui::Grid::new("settings-renewal-thresholds")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .min_col_width(180.0)
        .show(ui, |ui| {
            for (key, days) in [
                ("renew-thresholds-near", &mut edited.near),
                ("renew-thresholds-middle", &mut edited.middle),
                ("renew-thresholds-far", &mut edited.far),
            ] {
                let label = ui.label(t(key));
                ui.add_enabled(
                    !busy,
                    egui::DragValue::new(days)
                        .range(0..=3650)
                        .suffix(t("renew-days-suffix")),
                )
                .labelled_by(label.id);
                ui.end_row();
            }
        });
    if let Some(thresholds) = form.save_row_ui(ui, "renew-thresholds-save") {
        // Checked here for the sentence at once; the service checks again.
        match crate::service::settings::check_renewal_thresholds(thresholds) {
            Ok(()) => form.saving(
                worker.send(Command::Renewals(RenewalsCommand::SaveThresholds(
                    thresholds,
                ))),
            ),
            Err(e) => form.error = Some(e.user_message()),
        }
    }
}
