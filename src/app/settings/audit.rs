//! The *Protokoll* screen: every recorded change, newest first, filtered by period, kind
//! of record, user and person, in a virtualised table that loads pages from the worker as
//! the user scrolls, with exports of the whole selection to CSV and XLSX.
//!
//! Nothing here runs SQL: the worker answers [`AuditCommand`]s. The loaded rows stay
//! cached until a filter changes or the data does (then the list starts over).

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};

use egui::{Align, Layout, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::data::Data;
use crate::app::settings::worker_audit::{AuditCommand, AuditOutcome};
use crate::app::widgets::style::MUTED;
use crate::app::widgets::{Notices, entered, error_label};
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::Result;
use crate::i18n::{Arg, parse_date, t, ta};
use crate::model::EmployeeId;
use crate::report::ExportFormat;
use crate::service::audit::{self as log, AuditFilter, AuditRow, PAGE_SIZE};
use crate::text::fold_search;

/// Rows loaded ahead of the last one shown.
const PREFETCH: usize = 200;
/// The most rows one request loads (when the user drags far down at once).
const MAX_REQUEST: usize = 20_000;
/// How many people the employee search offers.
const MATCHES: usize = 8;
/// Where the employee page leaves its request to show a person's changes.
const SHOW_REQUEST: &str = "lotse-audit-show-employee";

/// A page request on its way.
struct More {
    ticket: Ticket,
    limit: usize,
}

/// The state of the audit screen: filters as set, the rows loaded, and what is on its way.
#[derive(Default)]
pub(crate) struct AuditState {
    /// The period as typed (TT.MM.JJJJ).
    pub from: String,
    pub to: String,
    pub kind: Option<String>,
    pub actor: Option<String>,
    pub employee: Option<EmployeeId>,
    /// The employee search as typed.
    search: String,
    date_errors: Vec<String>,
    /// The filter and data revision the loaded rows belong to.
    query: Option<(AuditFilter, u64)>,
    rows: Vec<AuditRow>,
    count: Option<i64>,
    /// Every entry of the filter is loaded.
    exhausted: bool,
    kinds: Vec<String>,
    actors: Vec<String>,
    start: Option<Ticket>,
    more: Option<More>,
    error: Option<String>,
    /// Scroll the table to this row in the next frame.
    scroll_to: Option<usize>,
    /// Counts the filters the table was shown with: a new filter shows a new table,
    /// scrolled to the top (not scrolling up through rows that would each be loaded).
    generation: u64,
    /// The save dialog of an export, while open, and the filter it exports.
    dialog: Option<(Receiver<Option<PathBuf>>, AuditFilter)>,
    /// The export being written.
    exporting: Option<(Ticket, PathBuf)>,
    /// Employees the search found, for (revision, search).
    matches: Vec<EmployeeId>,
    matches_key: Option<(u64, String)>,
}

impl AuditState {
    /// True while rows, a count or an export are on their way or a save dialog is open.
    pub fn is_busy(&self) -> bool {
        self.start.is_some()
            || self.more.is_some()
            || self.dialog.is_some()
            || self.exporting.is_some()
    }

    /// Rows loaded so far.
    pub fn loaded(&self) -> usize {
        self.rows.len()
    }

    /// The loaded rows, newest first.
    pub fn rows(&self) -> &[AuditRow] {
        &self.rows
    }

    /// How many entries the filters admit, once counted.
    pub fn count(&self) -> Option<i64> {
        self.count
    }

    /// Shows every change concerning `employee` (other filters reset).
    pub fn show_employee(&mut self, employee: EmployeeId) {
        self.from.clear();
        self.to.clear();
        self.kind = None;
        self.actor = None;
        self.search.clear();
        self.employee = Some(employee);
    }

    /// Scrolls the table to `row` in the next frame (loading up to it).
    pub fn scroll_to_row(&mut self, row: usize) {
        self.scroll_to = Some(row);
    }

    /// The filter as set on screen; unreadable dates are left out (and reported).
    fn filter(&mut self) -> AuditFilter {
        self.date_errors.clear();
        let mut date = |text: &str| {
            let text = text.trim();
            if text.is_empty() {
                return None;
            }
            let parsed = parse_date(text);
            if parsed.is_none() {
                self.date_errors
                    .push(ta("app-invalid-date", &[("text", Arg::from(text))]));
            }
            parsed
        };
        let from = date(&self.from);
        let to = date(&self.to);
        AuditFilter {
            from,
            to,
            entity: self.kind.clone(),
            action: None,
            employee_id: self.employee.map(|e| e.0),
            actor: self.actor.clone(),
        }
    }

    /// Starts over when the filter or the data changed: the count and the first page.
    fn ensure_started(&mut self, filter: AuditFilter, revision: u64, worker: &mut Worker) {
        if self
            .query
            .as_ref()
            .is_some_and(|(f, r)| *f == filter && *r == revision)
        {
            return;
        }
        let new_filter = self.query.as_ref().is_none_or(|(f, _)| *f != filter);
        self.rows.clear();
        self.count = None;
        self.exhausted = false;
        self.more = None;
        self.error = None;
        if new_filter {
            self.generation += 1;
            self.scroll_to = None;
        }
        self.start = Some(worker.send(Command::Audit(AuditCommand::Start {
            filter: filter.clone(),
            limit: PAGE_SIZE,
        })));
        self.query = Some((filter, revision));
    }

    /// Asks for more rows when the table wants to show rows up to `until` (exclusive).
    fn load_until(&mut self, until: usize, worker: &mut Worker) {
        if self.exhausted || self.start.is_some() || self.more.is_some() {
            return;
        }
        let (Some((filter, _)), Some(last)) = (&self.query, self.rows.last()) else {
            return;
        };
        let want = until + PREFETCH;
        if want <= self.rows.len() {
            return;
        }
        let limit = (want - self.rows.len())
            .div_ceil(PAGE_SIZE)
            .saturating_mul(PAGE_SIZE)
            .min(MAX_REQUEST);
        let ticket = worker.send(Command::Audit(AuditCommand::More {
            filter: filter.clone(),
            before: last.id,
            limit,
        }));
        self.more = Some(More { ticket, limit });
    }

    /// The number of rows the table has: every entry counted, or what is loaded once
    /// everything is.
    fn total_rows(&self) -> usize {
        if self.exhausted {
            return self.rows.len();
        }
        let counted = self
            .count
            .map_or(0, |c| usize::try_from(c).unwrap_or(usize::MAX));
        counted.max(self.rows.len())
    }

    /// Opens the save dialog (on a thread) for exporting the selection as `format`.
    fn choose_file(&mut self, format: ExportFormat, today: chrono::NaiveDate, ctx: &egui::Context) {
        let Some((filter, _)) = &self.query else {
            return;
        };
        let (ext, name) = match format {
            ExportFormat::Xlsx => ("xlsx", "Excel"),
            _ => ("csv", "CSV"),
        };
        let file = format!("{}-{}.{ext}", t("appaudit-file"), today.format("%Y-%m-%d"));
        let title = t("appaudit-export-dialog");
        let spawned = crate::app::certificates::print::spawn_dialog(ctx, move || {
            rfd::FileDialog::new()
                .set_title(title)
                .set_file_name(file)
                .add_filter(name, &[ext])
                .save_file()
                .map(|mut path| {
                    if ExportFormat::from_path(&path) != Some(format) {
                        path.set_extension(ext);
                    }
                    path
                })
        });
        match spawned {
            Ok(rx) => self.dialog = Some((rx, filter.clone())),
            Err(e) => self.error = Some(e.user_message()),
        }
    }

    /// Writes the selection on screen to `path` (.csv or .xlsx) without the save dialog.
    pub fn export_to(&mut self, path: PathBuf, worker: &mut Worker) {
        if let Some((filter, _)) = &self.query {
            let filter = filter.clone();
            self.send_export(filter, path, worker);
        }
    }

    fn send_export(&mut self, filter: AuditFilter, path: PathBuf, worker: &mut Worker) {
        let ticket = worker.send(Command::Audit(AuditCommand::Export {
            filter,
            path: path.clone(),
        }));
        self.exporting = Some((ticket, path));
    }

    /// Takes the save dialog's answer; call once per frame.
    pub fn poll(&mut self, worker: &mut Worker) {
        let Some((rx, _)) = &self.dialog else {
            return;
        };
        match rx.try_recv() {
            Ok(Some(path)) => {
                if let Some((_, filter)) = self.dialog.take() {
                    self.send_export(filter, path, worker);
                }
            }
            Ok(None) | Err(TryRecvError::Disconnected) => self.dialog = None,
            Err(TryRecvError::Empty) => {}
        }
    }

    /// Takes the worker's answer if it is for this screen; hands it back otherwise.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
        notices: &mut Notices,
    ) -> Option<Result<Outcome>> {
        if self.start == Some(ticket) {
            self.start = None;
            match result {
                Ok(Outcome::Audit(AuditOutcome::Started(started))) => {
                    let started = *started;
                    self.exhausted = started.rows.len() < PAGE_SIZE;
                    self.rows = started.rows;
                    self.count = Some(started.count);
                    self.kinds = started.kinds;
                    self.actors = started.actors;
                }
                Ok(_) => {}
                Err(e) => self.error = Some(e.user_message()),
            }
            return None;
        }
        if let Some(more) = &self.more
            && more.ticket == ticket
        {
            let limit = more.limit;
            self.more = None;
            match result {
                Ok(Outcome::Audit(AuditOutcome::More(rows))) => {
                    self.exhausted = rows.len() < limit;
                    self.rows.extend(rows);
                }
                Ok(_) => {}
                Err(e) => self.error = Some(e.user_message()),
            }
            return None;
        }
        if let Some((t, _)) = &self.exporting
            && *t == ticket
        {
            self.exporting = None;
            match result {
                Ok(Outcome::Audit(AuditOutcome::Exported { path, rows })) => {
                    let file = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    notices.success(ta(
                        "appaudit-exported",
                        &[("file", Arg::from(file)), ("rows", Arg::from(rows))],
                    ));
                }
                Ok(_) => {}
                Err(e) => notices.error(e.user_message()),
            }
            return None;
        }
        Some(result)
    }

    /// The employees whose personnel number or name match the search, at most [`MATCHES`].
    fn refresh_matches(&mut self, data: &Data) {
        let key = (data.revision, self.search.clone());
        if self.matches_key.as_ref() == Some(&key) {
            return;
        }
        let words: Vec<String> = self.search.split_whitespace().map(fold_search).collect();
        self.matches = if words.is_empty() {
            Vec::new()
        } else {
            data.employees
                .iter()
                .filter(|e| e.matches(&words))
                .take(MATCHES)
                .map(|e| e.row.employee.id)
                .collect()
        };
        self.matches_key = Some(key);
    }
}

/// "1234 Müller, Bärbel" for an employee of the data.
fn employee_text(data: &Data, id: EmployeeId) -> String {
    data.employee(id).map_or_else(
        || format!("#{}", id.0),
        |v| {
            let e = &v.row.employee;
            format!("{} {}, {}", e.personnel_number, e.last_name, e.first_name)
        },
    )
}

/// Draws the audit screen.
pub(crate) fn audit_ui(ui: &mut Ui, state: &mut AuditState, data: &Data, worker: &mut Worker) {
    let filter = state.filter();
    state.ensure_started(filter, data.revision, worker);

    ui.horizontal(|ui| {
        ui.heading(t("appaudit-title"));
        if let Some(count) = state.count {
            ui.label(
                RichText::new(ta(
                    "appaudit-count",
                    &[
                        ("n", Arg::from(count)),
                        ("count", Arg::from(log::fmt_count(count))),
                    ],
                ))
                .color(MUTED),
            );
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            export_ui(ui, state, data);
        });
    });
    ui.add_space(4.0);
    filters_ui(ui, state, data);
    for message in &state.date_errors {
        error_label(ui, message);
    }
    if let Some(error) = &state.error {
        error_label(ui, error);
    }
    ui.add_space(6.0);
    table_ui(ui, state, worker);
}

/// The export buttons, or the file being written.
fn export_ui(ui: &mut Ui, state: &mut AuditState, data: &Data) {
    if let Some((_, path)) = &state.exporting {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        ui.label(ta("appaudit-exporting", &[("file", Arg::from(file))]));
        ui.spinner();
        return;
    }
    let enabled = state.dialog.is_none() && state.count.is_some_and(|c| c > 0);
    let mut chosen = None;
    for (format, key) in [
        (ExportFormat::Xlsx, "appaudit-export-xlsx"),
        (ExportFormat::Csv, "appaudit-export-csv"),
    ] {
        if ui
            .add_enabled(enabled, egui::Button::new(t(key)))
            .on_hover_text(t("appaudit-export-hint"))
            .clicked()
        {
            chosen = Some(format);
        }
    }
    ui.label(RichText::new(t("appaudit-export")).color(MUTED));
    if let Some(format) = chosen {
        let ctx = ui.ctx().clone();
        state.choose_file(format, data.today, &ctx);
    }
}

fn filters_ui(ui: &mut Ui, state: &mut AuditState, data: &Data) {
    ui.horizontal_wrapped(|ui| {
        for (key, text) in [
            ("appaudit-from", &mut state.from),
            ("appaudit-to", &mut state.to),
        ] {
            let label = ui.label(t(key));
            ui.add(
                egui::TextEdit::singleline(text)
                    .hint_text(t("app-date-hint"))
                    .desired_width(100.0),
            )
            .labelled_by(label.id);
        }
        ui.add_space(8.0);
        let label = ui.label(t("appaudit-kind"));
        let kind_text = state
            .kind
            .as_deref()
            .map_or_else(|| t("appaudit-all-kinds"), log::entity_label);
        egui::ComboBox::from_id_salt("appaudit-kind")
            .selected_text(kind_text)
            .width(150.0)
            .truncate()
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.kind, None, t("appaudit-all-kinds"));
                for kind in &state.kinds {
                    ui.selectable_value(
                        &mut state.kind,
                        Some(kind.clone()),
                        log::entity_label(kind),
                    );
                }
            })
            .response
            .labelled_by(label.id);
        ui.add_space(8.0);
        crate::app::widgets::text_filter_combo(
            ui,
            "appaudit-user",
            t("appaudit-user"),
            &mut state.actor,
            t("appaudit-all-users"),
            &state.actors,
            130.0,
        );
        ui.add_space(8.0);
        employee_filter_ui(ui, state, data);
        let filtered = !state.from.is_empty()
            || !state.to.is_empty()
            || state.kind.is_some()
            || state.actor.is_some()
            || state.employee.is_some();
        if filtered && ui.small_button(t("appaudit-filter-reset")).clicked() {
            state.from.clear();
            state.to.clear();
            state.kind = None;
            state.actor = None;
            state.employee = None;
            state.search.clear();
        }
    });
    if state.employee.is_none() && !state.search.trim().is_empty() {
        state.refresh_matches(data);
        ui.horizontal_wrapped(|ui| {
            if state.matches.is_empty() {
                ui.label(RichText::new(t("appaudit-employee-none")).color(MUTED));
            }
            let mut picked = None;
            for &id in &state.matches {
                if ui.small_button(employee_text(data, id)).clicked() {
                    picked = Some(id);
                }
            }
            if let Some(id) = picked {
                state.employee = Some(id);
                state.search.clear();
            }
        });
    }
}

/// The person filter: a search field, or the chosen person with a button to drop it.
fn employee_filter_ui(ui: &mut Ui, state: &mut AuditState, data: &Data) {
    let label = ui.label(t("appaudit-employee"));
    if let Some(id) = state.employee {
        ui.label(RichText::new(employee_text(data, id)).strong());
        if ui
            .small_button("×")
            .on_hover_text(t("appaudit-employee-clear"))
            .clicked()
        {
            state.employee = None;
        }
        return;
    }
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut state.search)
                .hint_text(t("appaudit-employee-hint"))
                .desired_width(200.0),
        )
        .labelled_by(label.id);
    if entered(&response) {
        state.refresh_matches(data);
        if let [only] = state.matches[..] {
            state.employee = Some(only);
            state.search.clear();
        }
    }
}

/// The virtualised table: rows not loaded yet show "…" and are asked for.
fn table_ui(ui: &mut Ui, state: &mut AuditState, worker: &mut Worker) {
    let total = state.total_rows();
    if total == 0 {
        ui.add_space(24.0);
        ui.vertical_centered(|ui| {
            if state.start.is_some() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(RichText::new(t("appaudit-loading")).color(MUTED));
                });
            } else if state.error.is_none() {
                ui.label(RichText::new(t("appaudit-empty")).color(MUTED));
            }
        });
        return;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let mut table = TableBuilder::new(ui)
        .id_salt(("appaudit-table", state.generation))
        .striped(true)
        .sense(Sense::hover())
        .resizable(true)
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(Column::exact(140.0))
        .column(Column::initial(100.0).at_least(60.0).clip(true))
        .column(Column::initial(130.0).at_least(60.0).clip(true))
        .column(Column::initial(140.0).at_least(60.0).clip(true))
        .column(Column::initial(210.0).at_least(80.0).clip(true))
        .column(Column::remainder().at_least(160.0).clip(true));
    let jump = state.scroll_to.take();
    if let Some(row) = jump {
        table = table.scroll_to_row(row.min(total.saturating_sub(1)), Some(Align::Min));
        // Load up to the row at once, not page by page as it comes into view.
        state.load_until(row + 1, worker);
    }
    let mut shown_until = 0usize;
    let rows = &state.rows;
    table
        .header(row_height + 2.0, |mut header| {
            for key in [
                "audit-col-at",
                "audit-col-user",
                "audit-col-kind",
                "audit-col-action",
                "audit-col-employee",
                "audit-col-summary",
            ] {
                header.col(|ui| {
                    ui.label(RichText::new(t(key)).strong());
                });
            }
        })
        .body(|body| {
            body.rows(row_height, total, |mut row| {
                let index = row.index();
                shown_until = shown_until.max(index + 1);
                let Some(entry) = rows.get(index) else {
                    row.col(|ui| {
                        ui.label(RichText::new("…").color(MUTED));
                    });
                    for _ in 0..5 {
                        row.col(|_| {});
                    }
                    return;
                };
                let cell = |ui: &mut Ui, text: String| {
                    ui.add(egui::Label::new(text).truncate());
                };
                row.col(|ui| cell(ui, log::fmt_at(entry.at)));
                row.col(|ui| cell(ui, entry.actor.clone()));
                row.col(|ui| cell(ui, log::entity_label(&entry.entity)));
                row.col(|ui| cell(ui, log::action_label(&entry.action)));
                row.col(|ui| cell(ui, log::employee_label(entry)));
                row.col(|ui| {
                    ui.add(egui::Label::new(entry.summary.as_str()).truncate())
                        .on_hover_text(format!("{} {}", t("audit-col-id"), entry.id));
                });
            });
        });
    // In the frame of a jump the rows drawn are those of the old position.
    if jump.is_none() {
        state.load_until(shown_until, worker);
    }
}

/// A link on the employee page that opens this screen filtered to `employee`.
pub(crate) fn show_changes_button(ui: &mut Ui, employee: EmployeeId) {
    if ui
        .link(t("appaudit-show-changes"))
        .on_hover_text(t("appaudit-show-changes-hint"))
        .clicked()
    {
        ui.ctx()
            .data_mut(|d| d.insert_temp(egui::Id::unique(SHOW_REQUEST), employee.0));
    }
}

/// The person whose changes the employee page asked to show, once.
pub(crate) fn take_show_request(ctx: &egui::Context) -> Option<EmployeeId> {
    ctx.data_mut(|d| d.remove_temp::<i64>(egui::Id::unique(SHOW_REQUEST)))
        .map(EmployeeId)
}

/// The audit screen as tests drive it (egui_kittest): what it loaded, and the actions a
/// user takes with the mouse, without the native dialogs.
impl crate::app::shell::LotseApp {
    /// Audit entries loaded into the table so far.
    pub fn audit_loaded(&self) -> usize {
        self.audit_state().loaded()
    }

    /// The ids of the loaded audit entries, in the table's order.
    pub fn audit_loaded_ids(&self) -> Vec<i64> {
        self.audit_state().rows().iter().map(|r| r.id).collect()
    }

    /// How many entries the audit screen's filters admit, once counted.
    pub fn audit_count(&self) -> Option<i64> {
        self.audit_state().count()
    }

    /// Opens the audit screen filtered to `employee`, as the link on the employee page does.
    pub fn show_audit_for(&mut self, employee: EmployeeId) {
        self.audit_state_mut().0.show_employee(employee);
        self.set_screen(crate::app::Screen::Audit);
    }

    /// Scrolls the audit table to `row`, as dragging its scroll bar there does.
    pub fn scroll_audit_to(&mut self, row: usize) {
        self.audit_state_mut().0.scroll_to_row(row);
    }

    /// Exports the audit entries of the screen's filters to `path` (.csv or .xlsx) as if
    /// the user had chosen the file in the save dialog.
    pub fn export_audit_to(&mut self, path: PathBuf) {
        let (state, worker) = self.audit_state_mut();
        state.export_to(path, worker);
    }
}
