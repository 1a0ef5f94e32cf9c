//! The Certificates screen: every issued certificate, searchable and filtered by program
//! and status, in a virtualised table; print, correct or revoke the selection; check a code.

use std::cmp::Ordering;
use std::collections::HashSet;

use egui::{Align, Layout, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::certificates::print::PrintState;
use crate::app::certificates::verify::{VerifyState, status_color, status_word};
use crate::app::certificates::worker::{CertCommand, CertOutcome, CertView};
use crate::app::data::{Data, natural_cmp};
use crate::app::widgets::style::MUTED;
use crate::app::widgets::{
    FieldErrors, Notices, error_label, form_row, hint, primary_button, sort_indicator, text_field,
};
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::Result;
use crate::i18n::{Arg, fmt_date, parse_date, t, ta};
use crate::model::{CertificateId, Field, ProgramId, Salutation};
use crate::rules::CertificateStatus;
use crate::service::certificates::Correction;
use crate::text::fold_search;

/// Which certificates the list shows by status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum StatusFilter {
    #[default]
    All,
    /// Valid today, expiring ones included.
    Valid,
    Expiring,
    Expired,
    Revoked,
    Superseded,
}

impl StatusFilter {
    const ALL: [StatusFilter; 6] = [
        StatusFilter::All,
        StatusFilter::Valid,
        StatusFilter::Expiring,
        StatusFilter::Expired,
        StatusFilter::Revoked,
        StatusFilter::Superseded,
    ];

    fn label(self) -> String {
        t(match self {
            StatusFilter::All => "appcert-filter-all-status",
            StatusFilter::Valid => "appcert-filter-valid",
            StatusFilter::Expiring => "appcert-status-expiring",
            StatusFilter::Expired => "appcert-status-expired",
            StatusFilter::Revoked => "appcert-status-revoked",
            StatusFilter::Superseded => "appcert-status-superseded",
        })
    }

    fn admits(self, status: CertificateStatus) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::Valid => status.is_valid(),
            StatusFilter::Expiring => status == CertificateStatus::Expiring,
            StatusFilter::Expired => status == CertificateStatus::Expired,
            StatusFilter::Revoked => status == CertificateStatus::Revoked,
            StatusFilter::Superseded => status == CertificateStatus::Superseded,
        }
    }
}

/// The columns the list can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortColumn {
    Serial,
    Name,
    PersonnelNumber,
    Program,
    Issued,
    ValidUntil,
    Status,
}

impl SortColumn {
    const ALL: [SortColumn; 7] = [
        SortColumn::Serial,
        SortColumn::Name,
        SortColumn::PersonnelNumber,
        SortColumn::Program,
        SortColumn::Issued,
        SortColumn::ValidUntil,
        SortColumn::Status,
    ];

    fn label_key(self) -> &'static str {
        match self {
            SortColumn::Serial => "appcert-col-serial",
            SortColumn::Name => "appcert-col-name",
            SortColumn::PersonnelNumber => "app-col-personnel-number",
            SortColumn::Program => "appcert-col-program",
            SortColumn::Issued => "appcert-col-issued",
            SortColumn::ValidUntil => "appcert-col-valid-until",
            SortColumn::Status => "appcert-col-status",
        }
    }
}

/// What the filtered, sorted index was built from.
#[derive(Debug, Clone, PartialEq)]
struct CacheKey {
    revision: u64,
    search: String,
    program: Option<ProgramId>,
    status: StatusFilter,
    sort: Option<SortColumn>,
    ascending: bool,
}

/// The state of the Certificates screen.
pub(crate) struct CertificatesState {
    pub search: String,
    pub program: Option<ProgramId>,
    pub status: StatusFilter,
    /// `None`: newest first, as loaded.
    sort: Option<SortColumn>,
    ascending: bool,
    pub selected: HashSet<CertificateId>,
    /// Indices into `CertData::certificates`, filtered and sorted.
    visible: Vec<usize>,
    cache: Option<CacheKey>,
    correct: Option<CorrectDialog>,
    revoke: Option<RevokeDialog>,
    scroll_to: Option<CertificateId>,
}

impl Default for CertificatesState {
    fn default() -> Self {
        CertificatesState {
            search: String::new(),
            program: None,
            status: StatusFilter::All,
            sort: None,
            ascending: true,
            selected: HashSet::new(),
            visible: Vec::new(),
            cache: None,
            correct: None,
            revoke: None,
            scroll_to: None,
        }
    }
}

impl CertificatesState {
    /// Rebuilds the filtered, sorted index if the data, the search, a filter or the sort changed.
    fn refresh(&mut self, data: &Data) {
        let key = CacheKey {
            revision: data.parts.certs,
            search: self.search.clone(),
            program: self.program,
            status: self.status,
            sort: self.sort,
            ascending: self.ascending,
        };
        if self.cache.as_ref() == Some(&key) {
            return;
        }
        let certs = &data.certs.certificates;
        let words: Vec<String> = self.search.split_whitespace().map(fold_search).collect();
        let mut visible: Vec<usize> = certs
            .iter()
            .enumerate()
            .filter(|(_, c)| self.program.is_none_or(|p| c.program_id == p))
            .filter(|(_, c)| self.status.admits(c.status))
            .filter(|(_, c)| words.iter().all(|w| c.search_key.contains(w.as_str())))
            .map(|(i, _)| i)
            .collect();
        if let Some(sort) = self.sort {
            visible.sort_by(|&a, &b| {
                let ord = compare(&certs[a], &certs[b], sort);
                if self.ascending { ord } else { ord.reverse() }
            });
        }
        // Certificates that no longer exist drop out of the selection.
        let ids: HashSet<CertificateId> = certs.iter().map(|c| c.id).collect();
        self.selected.retain(|id| ids.contains(id));
        self.visible = visible;
        self.cache = Some(key);
    }

    /// The selected certificates in the order the list shows them (hidden ones last).
    fn selection_in_order(&self, data: &Data) -> Vec<CertificateId> {
        let certs = &data.certs.certificates;
        let mut out: Vec<CertificateId> = self
            .visible
            .iter()
            .map(|&i| certs[i].id)
            .filter(|id| self.selected.contains(id))
            .collect();
        let shown: HashSet<CertificateId> = out.iter().copied().collect();
        out.extend(
            certs
                .iter()
                .map(|c| c.id)
                .filter(|id| self.selected.contains(id) && !shown.contains(id)),
        );
        out
    }

    /// Picks up the answer to a command this screen sent; returns it if it is not ours.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
        notices: &mut Notices,
    ) -> Option<Result<Outcome>> {
        if let Some(dialog) = &mut self.correct
            && dialog.pending == Some(ticket)
        {
            dialog.pending = None;
            match result {
                Ok(Outcome::Certs(CertOutcome::Corrected(issued))) => {
                    notices.success(ta(
                        "appcert-corrected",
                        &[
                            ("old", Arg::from(dialog.serial.as_str())),
                            ("new", Arg::from(issued.serial.as_str())),
                        ],
                    ));
                    self.selected = HashSet::from([issued.id]);
                    self.scroll_to = Some(issued.id);
                    dialog.done = Some((issued.id, issued.serial));
                }
                Ok(_) => {}
                Err(e) => dialog.errors = FieldErrors::from_error(&e, &CORRECT_FIELDS),
            }
            return None;
        }
        if let Some(dialog) = &mut self.revoke
            && dialog.pending == Some(ticket)
        {
            dialog.pending = None;
            match result {
                Ok(_) => {
                    notices.success(ta(
                        "appcert-revoked",
                        &[("serial", Arg::from(dialog.serial.as_str()))],
                    ));
                    self.revoke = None;
                }
                Err(e) => {
                    dialog.confirming = false;
                    dialog.error = Some(e.user_message());
                }
            }
            return None;
        }
        Some(result)
    }

    /// Draws the correct and revoke windows when open.
    pub fn windows_ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        worker: &mut Worker,
        print: &mut PrintState,
    ) {
        if let Some(dialog) = &mut self.correct
            && !dialog.ui(ui, data, worker, print)
        {
            self.correct = None;
        }
        if let Some(dialog) = &mut self.revoke
            && !dialog.ui(ui, worker)
        {
            self.revoke = None;
        }
    }
}

fn compare(a: &CertView, b: &CertView, sort: SortColumn) -> Ordering {
    let primary = match sort {
        SortColumn::Serial => natural_cmp(&a.serial, &b.serial),
        SortColumn::Name => a.name_key.cmp(&b.name_key),
        SortColumn::PersonnelNumber => natural_cmp(&a.personnel_number, &b.personnel_number),
        SortColumn::Program => a.program_code.cmp(&b.program_code),
        SortColumn::Issued => a.issued_on.cmp(&b.issued_on),
        // No expiry last.
        SortColumn::ValidUntil => match (a.valid_until, b.valid_until) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
        SortColumn::Status => status_rank(a.status).cmp(&status_rank(b.status)),
    };
    primary.then_with(|| natural_cmp(&a.serial, &b.serial))
}

fn status_rank(status: CertificateStatus) -> u8 {
    match status {
        CertificateStatus::Valid => 0,
        CertificateStatus::Expiring => 1,
        CertificateStatus::NotYetIssued => 2,
        CertificateStatus::Expired => 3,
        CertificateStatus::Superseded => 4,
        CertificateStatus::Revoked => 5,
    }
}

/// Draws the Certificates screen.
pub(crate) fn certificates_ui(
    ui: &mut Ui,
    state: &mut CertificatesState,
    data: &Data,
    print: &mut PrintState,
    verify: &mut VerifyState,
) {
    state.refresh(data);
    let certs = &data.certs;
    ui.horizontal(|ui| {
        ui.heading(t("appcert-certificates-title"));
        let valid = certs
            .certificates
            .iter()
            .filter(|c| c.status.is_valid())
            .count();
        ui.label(
            RichText::new(ta(
                "appcert-certificates-count",
                &[
                    ("shown", Arg::from(state.visible.len())),
                    ("valid", Arg::from(valid)),
                ],
            ))
            .color(MUTED),
        );
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui
                .button(t("appcert-verify-open"))
                .on_hover_text(t("appcert-verify-open-hint"))
                .clicked()
            {
                verify.open();
            }
        });
    });
    ui.add_space(4.0);
    toolbar_ui(ui, state, data);
    ui.add_space(4.0);
    actions_ui(ui, state, data, print);
    ui.add_space(6.0);
    table_ui(ui, state, data);
}

fn toolbar_ui(ui: &mut Ui, state: &mut CertificatesState, data: &Data) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t("app-search"));
        let search = ui
            .add(
                egui::TextEdit::singleline(&mut state.search)
                    .hint_text(t("appcert-search-hint"))
                    .desired_width(240.0),
            )
            .labelled_by(label.id);
        if ui.input(|i| i.modifiers.command && i.key_pressed(egui::Key::F)) {
            search.request_focus();
        }
        if !state.search.is_empty()
            && ui
                .small_button("×")
                .on_hover_text(t("app-search-clear"))
                .clicked()
        {
            state.search.clear();
        }
        ui.add_space(12.0);
        let label = ui.label(t("appcert-col-program"));
        let selected_text = state
            .program
            .and_then(|p| data.certs.program(p))
            .map(|p| format!("{} {}", p.program.code, p.title()))
            .unwrap_or_else(|| t("appcert-filter-all-programs"));
        egui::ComboBox::from_id_salt("appcert-program-filter")
            .selected_text(selected_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.program, None, t("appcert-filter-all-programs"));
                for p in data.certs.programs.iter() {
                    ui.selectable_value(
                        &mut state.program,
                        Some(p.program.id),
                        format!("{} {}", p.program.code, p.title()),
                    );
                }
            })
            .response
            .labelled_by(label.id);
        ui.add_space(12.0);
        let label = ui.label(t("appcert-col-status"));
        egui::ComboBox::from_id_salt("appcert-status-filter")
            .selected_text(state.status.label())
            .show_ui(ui, |ui| {
                for f in StatusFilter::ALL {
                    ui.selectable_value(&mut state.status, f, f.label());
                }
            })
            .response
            .labelled_by(label.id);
    });
}

/// The selection and what can be done with it.
fn actions_ui(ui: &mut Ui, state: &mut CertificatesState, data: &Data, print: &mut PrintState) {
    let selection = state.selection_in_order(data);
    let single = match selection.as_slice() {
        [one] => data.certs.certificate(*one),
        _ => None,
    };
    ui.horizontal_wrapped(|ui| {
        let all_shown = !state.visible.is_empty()
            && state
                .visible
                .iter()
                .all(|&i| state.selected.contains(&data.certs.certificates[i].id));
        let mut check = all_shown;
        if ui
            .checkbox(&mut check, t("appcert-select-all-shown"))
            .changed()
        {
            for &i in &state.visible {
                let id = data.certs.certificates[i].id;
                if check {
                    state.selected.insert(id);
                } else {
                    state.selected.remove(&id);
                }
            }
        }
        ui.label(
            RichText::new(ta(
                "appcert-selected-count",
                &[("count", Arg::from(selection.len()))],
            ))
            .color(MUTED),
        );
        ui.add_space(8.0);
        let print_text = if selection.len() > 1 {
            ta(
                "appcert-print-selected",
                &[("count", Arg::from(selection.len()))],
            )
        } else {
            t("appcert-print-one")
        };
        if ui
            .add_enabled(!selection.is_empty(), primary_button(print_text))
            .clicked()
        {
            print.open_for(selection.clone(), &data.certs, data.today);
        }
        let correctable =
            single.is_some_and(|c| c.revoked_on.is_none() && c.superseded_by.is_none());
        if ui
            .add_enabled(correctable, egui::Button::new(t("appcert-correct-open")))
            .on_hover_text(t("appcert-correct-hint"))
            .on_disabled_hover_text(t("appcert-correct-disabled"))
            .clicked()
            && let Some(c) = single
        {
            state.correct = Some(CorrectDialog::new(c, data));
        }
        let revocable = single.is_some_and(|c| c.revoked_on.is_none());
        if ui
            .add_enabled(revocable, egui::Button::new(t("appcert-revoke-open")))
            .on_disabled_hover_text(t("appcert-revoke-disabled"))
            .clicked()
            && let Some(c) = single
        {
            state.revoke = Some(RevokeDialog::new(c, data));
        }
        if !selection.is_empty() && ui.button(t("appcert-select-none")).clicked() {
            state.selected.clear();
        }
    });
    if let Some(c) = single {
        let detail = match (c.revoked_on, &c.superseded_by) {
            (Some(on), _) => Some(ta(
                "appcert-detail-revoked",
                &[
                    ("date", Arg::from(fmt_date(on))),
                    (
                        "reason",
                        Arg::from(c.revocation_reason.clone().unwrap_or_default()),
                    ),
                ],
            )),
            (None, Some(serial)) => Some(ta(
                "appcert-detail-superseded",
                &[("serial", Arg::from(serial.as_str()))],
            )),
            _ => None,
        };
        if let Some(detail) = detail {
            hint(ui, &format!("{}: {detail}", c.serial));
        }
    }
}

/// The virtualised list; a click selects a row (with Ctrl: adds or removes it).
fn table_ui(ui: &mut Ui, state: &mut CertificatesState, data: &Data) {
    let certs = &data.certs.certificates;
    if state.visible.is_empty() {
        ui.add_space(24.0);
        ui.vertical_centered(|ui| {
            let text = if certs.is_empty() {
                t("appcert-certificates-none-yet")
            } else {
                t("appcert-certificates-none-found")
            };
            ui.label(RichText::new(text).color(MUTED));
        });
        return;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
    let scroll_to = state
        .scroll_to
        .take()
        .and_then(|id| state.visible.iter().position(|&i| certs[i].id == id));
    let mut table = TableBuilder::new(ui)
        .id_salt("appcert-certificates")
        .striped(true)
        .sense(Sense::click())
        .resizable(false)
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(Column::exact(28.0))
        .column(Column::exact(130.0).clip(true))
        .column(Column::remainder().at_least(180.0).clip(true))
        .column(Column::exact(100.0).clip(true))
        .column(Column::exact(90.0).clip(true))
        .column(Column::exact(100.0))
        .column(Column::exact(100.0))
        .column(Column::exact(110.0).clip(true));
    if let Some(row) = scroll_to {
        table = table.scroll_to_row(row, Some(Align::Center));
    }
    let mut clicked: Option<(CertificateId, bool)> = None;
    table
        .header(row_height + 4.0, |mut header| {
            header.col(|_| {});
            for column in SortColumn::ALL {
                header.col(|ui| {
                    let active = state.sort == Some(column);
                    let button = egui::Button::new(RichText::new(t(column.label_key())).strong())
                        .frame(false);
                    if ui.add(button).on_hover_text(t("app-sort-hint")).clicked() {
                        if active {
                            state.ascending = !state.ascending;
                        } else {
                            state.sort = Some(column);
                            state.ascending = true;
                        }
                    }
                    if active {
                        sort_indicator(ui, state.ascending);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_height, state.visible.len(), |mut row| {
                let Some(c) = state.visible.get(row.index()).map(|&i| &certs[i]) else {
                    return;
                };
                let mut checked = state.selected.contains(&c.id);
                row.set_selected(checked);
                row.col(|ui| {
                    let r = ui
                        .add(egui::Checkbox::without_text(&mut checked))
                        .on_hover_text(c.serial.as_str());
                    if r.changed() {
                        if checked {
                            state.selected.insert(c.id);
                        } else {
                            state.selected.remove(&c.id);
                        }
                    }
                });
                let muted = !c.status.is_valid();
                let cell = |ui: &mut Ui, text: &str| {
                    let mut rich = RichText::new(text);
                    if muted {
                        rich = rich.color(MUTED);
                    }
                    ui.add(egui::Label::new(rich).truncate());
                };
                row.col(|ui| {
                    ui.add(egui::Label::new(RichText::new(&c.serial).monospace()).truncate());
                });
                row.col(|ui| cell(ui, &format!("{}, {}", c.last_name, c.first_name)));
                row.col(|ui| cell(ui, &c.personnel_number));
                row.col(|ui| cell(ui, &c.program_code));
                row.col(|ui| cell(ui, &fmt_date(c.issued_on)));
                row.col(|ui| {
                    let text = c
                        .valid_until
                        .map(fmt_date)
                        .unwrap_or_else(|| t("appcert-no-expiry"));
                    cell(ui, &text);
                });
                row.col(|ui| {
                    let r = ui.label(
                        RichText::new(status_word(c.status))
                            .color(status_color(c.status))
                            .strong(),
                    );
                    if let Some(reason) = &c.revocation_reason {
                        r.on_hover_text(reason);
                    } else if let Some(serial) = &c.superseded_by {
                        r.on_hover_text(ta(
                            "appcert-detail-superseded",
                            &[("serial", Arg::from(serial.as_str()))],
                        ));
                    }
                });
                if row.response().clicked() {
                    let ctrl = row.response().ctx.input(|i| i.modifiers.command);
                    clicked = Some((c.id, ctrl));
                }
            });
        });
    if let Some((id, ctrl)) = clicked {
        if ctrl {
            if !state.selected.remove(&id) {
                state.selected.insert(id);
            }
        } else {
            state.selected = HashSet::from([id]);
        }
    }
}

const CORRECT_FIELDS: [Field; 2] = [Field::FirstName, Field::LastName];

/// The window to correct a certificate: a new one with the right name supersedes it.
struct CorrectDialog {
    id: CertificateId,
    serial: String,
    first_name: String,
    last_name: String,
    salutation: Salutation,
    reason: String,
    errors: FieldErrors,
    pending: Option<Ticket>,
    /// The new certificate, once issued.
    done: Option<(CertificateId, String)>,
}

impl CorrectDialog {
    /// Prefilled with the employee's name and form of address as they are now.
    fn new(c: &CertView, data: &Data) -> CorrectDialog {
        let employee = data.employee(c.employee_id).map(|v| &v.row.employee);
        CorrectDialog {
            id: c.id,
            serial: c.serial.clone(),
            first_name: employee.map_or_else(|| c.first_name.clone(), |e| e.first_name.clone()),
            last_name: employee.map_or_else(|| c.last_name.clone(), |e| e.last_name.clone()),
            salutation: employee.map_or(Salutation::Neutral, |e| e.salutation),
            reason: String::new(),
            errors: FieldErrors::default(),
            pending: None,
            done: None,
        }
    }

    /// Draws the window; returns false when it was closed.
    fn ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        worker: &mut Worker,
        print: &mut PrintState,
    ) -> bool {
        let mut open = true;
        let mut close = false;
        let screen = ui.ctx().content_rect();
        egui::Window::new(ta(
            "appcert-correct-title",
            &[("serial", Arg::from(self.serial.as_str()))],
        ))
        .id(egui::Id::unique("appcert-correct-window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(480.0)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(screen.center())
        .show(ui.ctx(), |ui| {
            if let Some((id, serial)) = &self.done {
                ui.label(
                    RichText::new(ta(
                        "appcert-corrected",
                        &[
                            ("old", Arg::from(self.serial.as_str())),
                            ("new", Arg::from(serial.as_str())),
                        ],
                    ))
                    .color(crate::app::widgets::style::SUCCESS),
                );
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.add(primary_button(t("appcert-print-open"))).clicked() {
                        print.open_for(vec![*id], &data.certs, data.today);
                        close = true;
                    }
                    if ui.button(t("app-close")).clicked() {
                        close = true;
                    }
                });
                return;
            }
            hint(ui, &t("appcert-correct-intro"));
            ui.add_space(6.0);
            let enabled = self.pending.is_none();
            egui::Grid::new("appcert-correct-grid")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .min_col_width(120.0)
                .show(ui, |ui| {
                    form_row(ui, t("field-salutation"), &[], |ui| {
                        let current = self.salutation;
                        ui.add_enabled_ui(enabled, |ui| {
                            egui::ComboBox::from_id_salt("appcert-correct-salutation")
                                .selected_text(current.label())
                                .show_ui(ui, |ui| {
                                    for s in Salutation::ALL {
                                        ui.selectable_value(&mut self.salutation, s, s.label());
                                    }
                                })
                                .response
                        })
                        .inner
                    });
                    let errs: Vec<&str> = self.errors.for_field(Field::FirstName).collect();
                    form_row(ui, Field::FirstName.label(), &errs, |ui| {
                        ui.add_enabled(enabled, text_field(&mut self.first_name))
                    });
                    let errs: Vec<&str> = self.errors.for_field(Field::LastName).collect();
                    form_row(ui, Field::LastName.label(), &errs, |ui| {
                        ui.add_enabled(enabled, text_field(&mut self.last_name))
                    });
                    form_row(ui, t("appcert-reason"), &[], |ui| {
                        ui.add_enabled(
                            enabled,
                            egui::TextEdit::multiline(&mut self.reason)
                                .desired_rows(2)
                                .desired_width(f32::INFINITY)
                                .hint_text(t("appcert-correct-reason-hint")),
                        )
                    });
                });
            for message in &self.errors.general {
                error_label(ui, message);
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(enabled, primary_button(t("appcert-correct-submit")))
                    .clicked()
                {
                    self.errors = FieldErrors::default();
                    if self.reason.trim().is_empty() {
                        self.errors.general.push(t("certs-reason-required"));
                    } else {
                        self.pending = Some(worker.send(Command::Certs(CertCommand::Correct(
                            self.id,
                            Correction {
                                first_name: self.first_name.clone(),
                                last_name: self.last_name.clone(),
                                salutation: self.salutation,
                                reason: self.reason.clone(),
                            },
                        ))));
                    }
                }
                if ui.button(t("app-cancel")).clicked() {
                    close = true;
                }
                if !enabled {
                    ui.spinner();
                }
            });
        });
        open && !close
    }
}

/// The window to revoke a certificate: date and reason, then a confirmation.
struct RevokeDialog {
    id: CertificateId,
    serial: String,
    name: String,
    date: String,
    reason: String,
    /// The user asked to revoke; the window asks once more.
    confirming: bool,
    error: Option<String>,
    pending: Option<Ticket>,
}

impl RevokeDialog {
    /// Revoked as of today unless the user changes the date.
    fn new(c: &CertView, data: &Data) -> RevokeDialog {
        RevokeDialog {
            id: c.id,
            serial: c.serial.clone(),
            name: c.full_name(),
            date: fmt_date(data.today),
            reason: String::new(),
            confirming: false,
            error: None,
            pending: None,
        }
    }

    /// Draws the window; returns false when it was closed.
    fn ui(&mut self, ui: &mut Ui, worker: &mut Worker) -> bool {
        let mut open = true;
        let mut close = false;
        let screen = ui.ctx().content_rect();
        egui::Window::new(ta(
            "appcert-revoke-title",
            &[("serial", Arg::from(self.serial.as_str()))],
        ))
        .id(egui::Id::unique("appcert-revoke-window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(screen.center())
        .show(ui.ctx(), |ui| {
            ui.label(ta(
                "appcert-revoke-intro",
                &[
                    ("serial", Arg::from(self.serial.as_str())),
                    ("name", Arg::from(self.name.as_str())),
                ],
            ));
            ui.add_space(6.0);
            let enabled = self.pending.is_none() && !self.confirming;
            egui::Grid::new("appcert-revoke-grid")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .min_col_width(120.0)
                .show(ui, |ui| {
                    form_row(ui, t("appcert-revoke-date"), &[], |ui| {
                        ui.add_enabled(
                            enabled,
                            egui::TextEdit::singleline(&mut self.date)
                                .desired_width(110.0)
                                .hint_text(t("app-date-hint")),
                        )
                    });
                    form_row(ui, t("appcert-reason"), &[], |ui| {
                        ui.add_enabled(
                            enabled,
                            egui::TextEdit::multiline(&mut self.reason)
                                .desired_rows(2)
                                .desired_width(f32::INFINITY)
                                .hint_text(t("appcert-revoke-reason-hint")),
                        )
                    });
                });
            if let Some(e) = &self.error {
                error_label(ui, e);
            }
            ui.add_space(8.0);
            if self.confirming {
                ui.label(
                    RichText::new(ta(
                        "appcert-revoke-confirm",
                        &[("serial", Arg::from(self.serial.as_str()))],
                    ))
                    .strong()
                    .color(crate::app::widgets::style::ERROR),
                );
                ui.horizontal(|ui| {
                    let busy = self.pending.is_some();
                    let button = egui::Button::new(
                        RichText::new(t("appcert-revoke-confirm-yes")).color(egui::Color32::WHITE),
                    )
                    .fill(crate::app::widgets::style::ERROR);
                    if ui.add_enabled(!busy, button).clicked() {
                        match parse_date(&self.date) {
                            Some(on) => {
                                self.pending =
                                    Some(worker.send(Command::Certs(CertCommand::Revoke {
                                        id: self.id,
                                        on,
                                        reason: self.reason.clone(),
                                    })));
                            }
                            None => {
                                self.confirming = false;
                                self.error = Some(ta(
                                    "app-invalid-date",
                                    &[("text", Arg::from(self.date.trim()))],
                                ));
                            }
                        }
                    }
                    if ui
                        .add_enabled(!busy, egui::Button::new(t("appcert-back")))
                        .clicked()
                    {
                        self.confirming = false;
                    }
                    if busy {
                        ui.spinner();
                    }
                });
            } else {
                ui.horizontal(|ui| {
                    if ui.add(primary_button(t("appcert-revoke-submit"))).clicked() {
                        self.error = None;
                        if parse_date(&self.date).is_none() {
                            self.error = Some(ta(
                                "app-invalid-date",
                                &[("text", Arg::from(self.date.trim()))],
                            ));
                        } else if self.reason.trim().is_empty() {
                            self.error = Some(t("certs-reason-required"));
                        } else {
                            self.confirming = true;
                        }
                    }
                    if ui.button(t("app-cancel")).clicked() {
                        close = true;
                    }
                });
            }
        });
        open && !close
    }
}
