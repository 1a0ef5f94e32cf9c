//! The application shell: top bar, navigation, status line, and the routing of the
//! worker's answers to the screens. `driving.rs` holds what tests (and scripts) do through
//! the shell as a user would — choose a file as if in the dialog, read the status line.

mod driving;

use std::path::PathBuf;
use std::sync::Arc;

use egui::{Align, Layout, Margin, RichText, Ui, Vec2};

use crate::app::certificates::worker::CertScreens;
use crate::app::data::Data;
use crate::app::open_other::{OpenAction, OpenOther, Switch, open_other_ui};
use crate::app::people::departments::{DepartmentsAction, DepartmentsState, departments_ui};
use crate::app::people::employees::{EmployeesState, employees_ui};
use crate::app::people::import::{ImportState, import_ui};
use crate::app::reports::dashboard::{ReportAction, dashboard_ui};
use crate::app::reports::screen::reports_ui;
use crate::app::reports::worker::ReportsState;
use crate::app::settings::retention::{RetentionState, retention_ui};
use crate::app::settings::screen::{SettingsAction, SettingsState, settings_ui};
use crate::app::training::seminars::{SeminarsState, seminars_ui};
use crate::app::welcome::{WelcomeState, welcome_ui};
use crate::app::widgets::Notices;
use crate::app::widgets::style::{self, ACCENT, BORDER, CHROME, MUTED, PAPER};
use crate::app::worker::{Command, Event, Outcome, Ticket, Worker};
use crate::error::{Error, Result};
use crate::i18n::{self, Arg, Lang, t, ta};
use crate::service::Database;
use crate::service::settings;

/// The screens of the navigation, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Dashboard,
    Employees,
    Departments,
    Seminars,
    Programs,
    /// Training needs of a program and planning ("Bedarf & Planung").
    Needs,
    Certificates,
    /// Certificates that expired or run out soon (*Verlängerungen*).
    Renewals,
    Reports,
    /// Leavers past their retention period.
    Retention,
    /// The audit log.
    Audit,
    Settings,
}

impl Screen {
    fn title_key(self) -> &'static str {
        match self {
            Screen::Dashboard => "app-nav-dashboard",
            Screen::Employees => "app-nav-employees",
            Screen::Departments => "app-nav-departments",
            Screen::Seminars => "app-nav-seminars",
            Screen::Programs => "app-nav-programs",
            Screen::Needs => "needs-screen-title",
            Screen::Certificates => "app-nav-certificates",
            Screen::Renewals => "renew-title",
            Screen::Reports => "app-nav-reports",
            Screen::Retention => "app-nav-retention",
            Screen::Audit => "app-nav-audit",
            Screen::Settings => "app-nav-settings",
        }
    }
}

/// The navigation: section caption keys and their screens.
const NAVIGATION: [(&str, &[Screen]); 4] = [
    ("app-nav-section-overview", &[Screen::Dashboard]),
    (
        "app-nav-section-staff",
        &[Screen::Employees, Screen::Departments, Screen::Retention],
    ),
    (
        "app-nav-section-training",
        &[
            Screen::Seminars,
            Screen::Programs,
            Screen::Needs,
            Screen::Certificates,
            Screen::Renewals,
        ],
    ),
    (
        "app-nav-section-analysis",
        &[Screen::Reports, Screen::Audit],
    ),
];

/// Where the open database lies.
#[derive(Debug, Clone, Default)]
pub(crate) struct DatabasePlace {
    /// The file's name or the server's URL (without password); empty in memory.
    pub name: String,
    /// The file's whole path or the server's URL.
    pub full: String,
    /// On a PostgreSQL server (backups are the server's business there).
    pub server: bool,
    /// The user may only read (a `lotse_reader` on a server).
    pub read_only: bool,
}

/// The Lotse desktop application.
pub struct LotseApp {
    worker: Worker,
    /// The last view models the worker sent; `None` until the first load.
    data: Option<Arc<Data>>,
    /// Why the first load failed, if it did.
    load_error: Option<String>,
    /// The file failed its check (run beside the first load): the start-up window takes over.
    damaged: Option<Error>,
    db_path: PathBuf,
    /// Where the database lies, as the status bar and the settings show it.
    place: DatabasePlace,
    screen: Screen,
    employees: EmployeesState,
    departments: DepartmentsState,
    settings: SettingsState,
    welcome: WelcomeState,
    import: ImportState,
    /// Seminars, sessions, rosters and the participant-list import (issue 3).
    seminars: SeminarsState,
    /// Programs, certificates, and their windows (issue, print, verify).
    certs: CertScreens,
    /// "Bedarf & Planung" (issue 14).
    needs: crate::app::certificates::needs::NeedsState,
    notices: Notices,
    /// The Dashboard and the Reports screen, with the data they compute from.
    reports: ReportsState,
    /// Why the file's location is risky (network share, cloud folder), shown as a banner.
    location_warning: Option<String>,
    /// Leavers past their retention period: the screen and the dashboard's reminder.
    retention: RetentionState,
    /// The audit log screen (issue 10).
    audit: crate::app::settings::audit::AuditState,
    /// The *Verlängerungen* screen.
    renewals: crate::app::certificates::renewals::RenewalsState,
    /// "Andere Datenbank öffnen …", while open.
    open_other: Option<OpenOther>,
    /// Where that dialog remembers the choice (the data directory; tests use their own).
    remember_in: Option<PathBuf>,
    /// A database the dialog opened, with the notice to show, for the start-up window to
    /// switch to.
    switch: Option<(Box<Switch>, Option<String>)>,
}

impl LotseApp {
    /// Builds the app on an open database; tests pass one with a `FixedClock`. The database
    /// moves to a background thread that runs every database operation.
    pub fn with_database(
        cc: &eframe::CreationContext<'_>,
        database: Database,
        lang: Option<Lang>,
    ) -> Result<LotseApp> {
        LotseApp::with_context(&cc.egui_ctx, database, lang)
    }

    /// Builds the app on an open database for the egui context `ctx` (the start-up window
    /// turns into the app this way after restoring a backup).
    pub fn with_context(
        ctx: &egui::Context,
        database: Database,
        lang: Option<Lang>,
    ) -> Result<LotseApp> {
        let lang = lang
            .or_else(|| settings::language(&database).ok().flatten())
            .unwrap_or_else(Lang::from_system);
        i18n::set_language(lang);
        style::apply(ctx);
        let db_path = database.path().unwrap_or_default();
        let place = DatabasePlace {
            name: database.location_name(),
            full: match database.path() {
                Some(path) => path.display().to_string(),
                None => database.location_name(),
            },
            server: database.is_server(),
            // A reader's role may not change anything (the server refuses it anyway).
            read_only: !database.may_write().unwrap_or(true),
        };
        // A database on a network share or in a synced cloud folder: warned about for as
        // long as the app runs.
        let location_warning = crate::service::backup::location(&database).warning();
        let worker = Worker::spawn(database, lang, ctx.clone())?;
        Ok(LotseApp {
            worker,
            data: None,
            load_error: None,
            damaged: None,
            db_path,
            place,
            screen: Screen::Dashboard,
            employees: EmployeesState::default(),
            departments: DepartmentsState::default(),
            settings: SettingsState::default(),
            welcome: WelcomeState::default(),
            import: ImportState::default(),
            seminars: SeminarsState::default(),
            certs: CertScreens::default(),
            needs: Default::default(),
            notices: Notices::default(),
            reports: ReportsState::default(),
            location_warning,
            retention: RetentionState::default(),
            audit: crate::app::settings::audit::AuditState::default(),
            renewals: crate::app::certificates::renewals::RenewalsState::default(),
            open_other: None,
            remember_in: crate::service::places::data_dir(),
            switch: None,
        })
    }

    /// Remembers the database chosen in "Andere Datenbank öffnen …" in `dir` instead of
    /// the data directory (tests).
    pub(crate) fn remember_choice_in(&mut self, dir: Option<PathBuf>) {
        self.remember_in = dir;
    }

    /// Where "Andere Datenbank öffnen …" remembers the choice.
    pub(crate) fn remembers_choice_in(&self) -> Option<PathBuf> {
        self.remember_in.clone()
    }

    /// The database "Andere Datenbank öffnen …" opened, once, with the notice to show.
    pub(crate) fn take_switch(&mut self) -> Option<(Box<Switch>, Option<String>)> {
        self.switch.take()
    }

    /// Shows `text` as a success notice in the status bar.
    pub(crate) fn notify(&mut self, text: String) {
        self.notices.success(text);
    }

    /// The database open now, as `--db` names it: the file's path or the server's URL.
    fn current_target(&self) -> PathBuf {
        if self.place.server {
            PathBuf::from(&self.place.full)
        } else {
            self.db_path.clone()
        }
    }

    /// The revision of the view models shown (it grows with every reload); `None` before
    /// the first load.
    /// The damaged-file error, once, when the file failed the check that ran beside the
    /// first load (see [`crate::service::Database::open_checking_in_background`]).
    pub(crate) fn take_damaged(&mut self) -> Option<Error> {
        self.damaged.take()
    }

    pub fn data_revision(&self) -> Option<u64> {
        self.data.as_ref().map(|d| d.revision)
    }

    /// The screen shown.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// True until the first data arrived, while the worker runs a command, and while a
    /// report is computed or exported. Tests step the UI until this is false.
    pub fn is_busy(&self) -> bool {
        !self.worker.is_gone()
            && ((self.data.is_none() && self.load_error.is_none())
                || self.worker.in_flight() > 0
                || self.reports.is_busy()
                || self.settings.is_busy()
                || self.audit.is_busy()
                || self.renewals.is_busy()
                || self.needs.is_busy()
                || self.reports_outdated())
    }

    /// Whether the Reports screen is shown with data older than the app's.
    fn reports_outdated(&self) -> bool {
        matches!(self.screen, Screen::Reports)
            && self
                .data
                .as_deref()
                .is_some_and(|d| !self.shows_welcome(d) && self.reports.outdated(d))
    }

    fn handle_events(&mut self) {
        for event in self.worker.poll() {
            match event {
                Event::Loaded(Ok(data)) => {
                    self.data = Some(data);
                    self.load_error = None;
                }
                Event::Loaded(Err(e)) if self.data.is_none() => {
                    self.load_error = Some(e.user_message());
                    if matches!(e, Error::Damaged { .. }) {
                        self.damaged = Some(e);
                    }
                }
                Event::Loaded(Err(e)) => self.notices.error(e.user_message()),
                Event::Progress(ticket, fraction) => {
                    self.welcome.on_progress(ticket, fraction);
                    self.certs.on_progress(ticket, fraction);
                    self.settings.on_progress(ticket, fraction);
                }
                Event::Finished(ticket, result) => self.route(ticket, result),
                Event::BackupFailed(reason) => self.notices.error(ta(
                    "appbackup-daily-failed",
                    &[("reason", Arg::from(reason))],
                )),
            }
        }
        if self.worker.is_gone() {
            self.notices.error(t("app-worker-gone"));
        }
    }

    /// Hands a command's answer to the screen that sent it; an unclaimed error goes
    /// to the status line.
    fn route(&mut self, ticket: Ticket, result: Result<Outcome>) {
        let data = self.data.as_deref();
        let notices = &mut self.notices;
        let unclaimed = self
            .employees
            .on_finished(ticket, result, data, notices)
            .and_then(|r| self.departments.on_finished(ticket, r, data, notices))
            .and_then(|r| self.settings.on_finished(ticket, r, notices))
            .and_then(|r| self.welcome.on_finished(ticket, r, notices))
            .and_then(|r| self.import.on_finished(ticket, r, notices))
            .and_then(|r| self.certs.on_finished(ticket, r, data, notices))
            .and_then(|r| self.seminars.on_finished(ticket, r, data, notices))
            .and_then(|r| self.reports.on_finished(ticket, r))
            .and_then(|r| self.retention.on_finished(ticket, r, notices))
            .and_then(|r| self.audit.on_finished(ticket, r, notices))
            .and_then(|r| self.renewals.on_finished(ticket, r, notices))
            .and_then(|r| self.needs.on_finished(ticket, r));
        if let Some(Err(e)) = unclaimed {
            notices.error(e.user_message());
        }
    }

    fn top_bar_ui(&mut self, ui: &mut Ui) {
        let frame = egui::Frame::new()
            .fill(CHROME)
            .inner_margin(Margin::symmetric(16, 8))
            .stroke(egui::Stroke::new(1.0, BORDER));
        egui::Panel::top("top-bar").frame(frame).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new("Lotse").size(20.0).strong().color(ACCENT));
                if let Some(data) = &self.data {
                    let mut org = data.organisation.clone();
                    if !data.place.is_empty() && !org.contains(&data.place) {
                        if !org.is_empty() {
                            org.push_str(", ");
                        }
                        org.push_str(&data.place);
                    }
                    if !org.is_empty() {
                        ui.label(RichText::new("·").size(18.0).color(MUTED));
                        ui.label(RichText::new(org).size(16.0));
                    }
                }
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    if self.data.is_some()
                        && ui
                            .button(t("appcert-verify-open"))
                            .on_hover_text(t("appcert-verify-open-hint"))
                            .clicked()
                    {
                        self.certs.verify.open();
                    }
                    if self.is_busy() {
                        ui.spinner();
                    }
                });
            });
        });
    }

    /// The lasting warning for a database on a network share or in a cloud folder, and
    /// the note for a reader who may not change anything.
    fn location_warning_ui(&mut self, ui: &mut Ui) {
        let reader = self.place.read_only.then(|| t("app-read-only"));
        let Some(warning) = self.location_warning.clone().or(reader) else {
            return;
        };
        let frame = egui::Frame::new()
            .fill(style::WARNING_FILL)
            .inner_margin(Margin::symmetric(16, 6))
            .stroke(egui::Stroke::new(1.0, BORDER));
        egui::Panel::top("location-warning")
            .frame(frame)
            .show(ui, |ui| {
                ui.add(egui::Label::new(RichText::new(warning.as_str()).strong()).wrap());
            });
    }

    /// The warning banner's text, if the database lies somewhere risky.
    pub fn location_warning(&self) -> Option<&str> {
        self.location_warning.as_deref()
    }

    fn status_bar_ui(&mut self, ui: &mut Ui) {
        let frame = egui::Frame::new()
            .fill(CHROME)
            .inner_margin(Margin::symmetric(16, 4))
            .stroke(egui::Stroke::new(1.0, BORDER));
        egui::Panel::bottom("status-bar")
            .frame(frame)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.set_min_height(24.0);
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        let busy = self.is_busy();
                        if ui
                            .add_enabled(!busy, egui::Button::new(t("app-reload")).small())
                            .on_hover_text(t("app-reload-hint"))
                            .clicked()
                        {
                            self.worker.send(Command::Refresh);
                        }
                        let name = if self.place.name.is_empty() {
                            t("app-in-memory")
                        } else {
                            self.place.name.clone()
                        };
                        let place = ui
                            .add(
                                egui::Button::new(
                                    RichText::new(ta(
                                        "app-database-name",
                                        &[("name", Arg::from(name))],
                                    ))
                                    .small()
                                    .color(MUTED),
                                )
                                .frame(false),
                            )
                            .on_hover_text(ta(
                                "app-open-hover",
                                &[("full", Arg::from(self.place.full.as_str()))],
                            ));
                        if place.clicked() && !self.is_busy() {
                            self.open_other = Some(OpenOther::new(
                                &self.current_target(),
                                self.remember_in.clone(),
                            ));
                        }
                        ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                            self.notices.notice_ui(ui);
                        });
                    });
                });
            });
    }

    fn navigation_ui(&mut self, ui: &mut Ui) {
        let frame = egui::Frame::new()
            .fill(CHROME)
            .inner_margin(Margin {
                left: 10,
                right: 10,
                top: 14,
                bottom: 14,
            })
            .stroke(egui::Stroke::new(1.0, BORDER));
        egui::Panel::left("navigation")
            .frame(frame)
            .resizable(false)
            .exact_size(220.0)
            .show(ui, |ui| {
                for (caption, screens) in NAVIGATION {
                    ui.label(
                        RichText::new(t(caption).to_uppercase())
                            .small()
                            .color(MUTED),
                    );
                    ui.add_space(2.0);
                    for &screen in screens {
                        self.nav_button(ui, screen);
                    }
                    ui.add_space(12.0);
                }
                ui.with_layout(Layout::bottom_up(Align::Min), |ui| {
                    self.nav_button(ui, Screen::Settings);
                });
            });
    }

    fn nav_button(&mut self, ui: &mut Ui, screen: Screen) {
        let selected = self.screen == screen;
        let mut text = RichText::new(t(screen.title_key()));
        if selected {
            text = text.strong().color(ACCENT);
        }
        let button = egui::Button::selectable(selected, (text, egui::Atom::grow()))
            .stroke(egui::Stroke::NONE)
            .min_size(Vec2::new(ui.available_width(), 32.0));
        if ui.add(button).clicked() {
            self.screen = screen;
        }
    }

    fn central_ui(&mut self, ui: &mut Ui) {
        let frame = egui::Frame::new()
            .fill(PAPER)
            .inner_margin(Margin::symmetric(20, 14));
        egui::CentralPanel::default().frame(frame).show(ui, |ui| {
            let Some(data) = self.data.clone() else {
                if let Some(error) = &self.load_error {
                    ui.heading(t("app-load-failed"));
                    ui.add_space(8.0);
                    crate::app::widgets::error_label(ui, error);
                    return;
                }
                ui.centered_and_justified(|ui| {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(t("app-loading"));
                    });
                });
                return;
            };
            if self.shows_welcome(&data) {
                welcome_ui(ui, &mut self.welcome, &mut self.worker);
                return;
            }
            match self.screen {
                Screen::Employees => {
                    employees_ui(
                        ui,
                        &mut self.employees,
                        &data,
                        &mut self.worker,
                        &mut self.import,
                    );
                }
                Screen::Departments => {
                    let action = departments_ui(ui, &mut self.departments, &data, &mut self.worker);
                    if let Some(DepartmentsAction::ShowEmployees(id)) = action {
                        self.employees.department = Some(id);
                        self.screen = Screen::Employees;
                    }
                }
                Screen::Seminars => {
                    seminars_ui(ui, &mut self.seminars, &data, &mut self.worker);
                }
                Screen::Programs => crate::app::certificates::programs::programs_ui(
                    ui,
                    &mut self.certs.programs,
                    &data,
                    &mut self.worker,
                    &mut self.certs.print,
                ),
                Screen::Needs => {
                    let action = crate::app::certificates::needs::needs_ui(
                        ui,
                        &mut self.needs,
                        &data,
                        &mut self.worker,
                    );
                    if let Some(crate::app::certificates::needs::NeedsAction::NewSession(seminar)) =
                        action
                    {
                        self.seminars.new_session_for(seminar);
                        self.screen = Screen::Seminars;
                    }
                }
                Screen::Certificates => crate::app::certificates::screen::certificates_ui(
                    ui,
                    &mut self.certs.certificates,
                    &data,
                    &mut self.certs.print,
                    &mut self.certs.verify,
                ),
                Screen::Renewals => crate::app::certificates::renewals::renewals_ui(
                    ui,
                    &mut self.renewals,
                    &data,
                    &mut self.worker,
                ),
                Screen::Settings => {
                    // The page is taller than the window once the certificate settings are in.
                    let action = egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            settings_ui(
                                ui,
                                &mut self.settings,
                                &data,
                                &self.place,
                                &mut self.worker,
                            )
                        })
                        .inner;
                    if let Some(SettingsAction::Language(lang)) = action {
                        i18n::set_language(lang);
                        self.worker.send(Command::SetLanguage(lang));
                    }
                }
                Screen::Audit => {
                    crate::app::settings::audit::audit_ui(
                        ui,
                        &mut self.audit,
                        &data,
                        &mut self.worker,
                    );
                }
                Screen::Retention => {
                    if let Some(screen) =
                        retention_ui(ui, &mut self.retention, &data, &mut self.worker)
                    {
                        self.screen = screen;
                    }
                }
                Screen::Dashboard => {
                    let action = dashboard_ui(
                        ui,
                        &mut self.reports,
                        &mut self.retention,
                        &data,
                        &mut self.worker,
                    );
                    if let Some(action) = action {
                        self.report_action(action, &data);
                    }
                }
                Screen::Reports => {
                    let action = reports_ui(ui, &mut self.reports, &data, &mut self.worker);
                    if let Some(action) = action {
                        self.report_action(action, &data);
                    }
                }
            }
        });
    }

    /// Goes where the Dashboard or the Reports screen asked to go.
    fn report_action(&mut self, action: ReportAction, data: &Data) {
        match action {
            ReportAction::ShowEmployee(id) => {
                if let Some(view) = data.employee(id) {
                    self.employees.selected = Some(id);
                    self.employees.form = Some(
                        crate::app::people::employee_form::EmployeeForm::edit(view, data.today),
                    );
                }
                self.screen = Screen::Employees;
            }
            ReportAction::Open(screen) => self.screen = screen,
            ReportAction::OpenSession(session) => {
                self.seminars.open_roster(session);
                self.screen = Screen::Seminars;
            }
            ReportAction::ExpiringCertificates => {
                self.certs.certificates.status =
                    crate::app::certificates::screen::StatusFilter::Expiring;
                self.screen = Screen::Certificates;
            }
            ReportAction::Renewals(band) => {
                self.renewals.show_band(band);
                self.screen = Screen::Renewals;
            }
            ReportAction::Issue(program) => {
                self.certs.programs.selected = Some(program);
                self.screen = Screen::Programs;
            }
        }
    }

    fn shows_welcome(&self, data: &Data) -> bool {
        self.welcome.is_running() || (data.is_empty() && !self.welcome.dismissed)
    }
}

impl eframe::App for LotseApp {
    /// The closing backup: the window is gone, the worker finishes what it runs, then
    /// takes a consistent backup (a minute at most; a failure is logged).
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if self.db_path.as_os_str().is_empty() {
            return;
        }
        match self
            .worker
            .backup_on_closing(std::time::Duration::from_secs(60))
        {
            Some(Ok(_)) => log::info!("closing backup taken"),
            Some(Err(e)) => log::error!("closing backup failed: {e}"),
            None => log::error!("closing backup did not finish in time"),
        }
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        crate::app::widgets::set_read_only(ui.ctx(), self.place.read_only);
        self.handle_events();
        self.import.poll(&mut self.worker);
        self.seminars.poll(&mut self.worker);
        self.reports.poll(&mut self.notices);
        self.audit.poll(&mut self.worker);
        if let Some(employee) = crate::app::settings::audit::take_show_request(ui.ctx()) {
            self.audit.show_employee(employee);
            self.screen = Screen::Audit;
        }
        self.top_bar_ui(ui);
        self.location_warning_ui(ui);
        self.status_bar_ui(ui);
        let welcome = self.data.as_deref().is_some_and(|d| self.shows_welcome(d));
        if !welcome {
            self.navigation_ui(ui);
        }
        self.central_ui(ui);
        import_ui(ui, &mut self.import, &mut self.worker);
        if let Some(data) = self.data.clone() {
            self.certs.windows_ui(ui, &data, &mut self.worker);
        }
        let current = self.current_target();
        if let Some(dialog) = &mut self.open_other {
            match open_other_ui(ui, dialog, &current) {
                OpenAction::Stay => {}
                OpenAction::Close => self.open_other = None,
                OpenAction::Switch(switch, notice) => {
                    self.open_other = None;
                    self.switch = Some((switch, notice));
                    ui.ctx().request_repaint();
                }
            }
        }
    }
}
