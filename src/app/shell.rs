//! The application shell: top bar, navigation, status line, and the routing of the
//! worker's answers to the screens.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{Align, Layout, Margin, RichText, Ui, Vec2};

use super::data::Data;
use super::departments::{DepartmentsAction, DepartmentsState, departments_ui};
use super::employees::{EmployeesState, employees_ui};
use super::import::{ImportState, import_ui};
use super::placeholder::placeholder_ui;
use super::settings::{SettingsAction, SettingsState, settings_ui};
use super::style::{self, ACCENT, BORDER, CHROME, MUTED, PAPER};
use super::welcome::{WelcomeState, welcome_ui};
use super::widgets::Notices;
use super::worker::{Command, Event, Outcome, Ticket, Worker};
use crate::error::Result;
use crate::i18n::{self, Arg, Lang, t, ta};
use crate::service::settings;
use crate::store::Store;

/// The screens of the navigation, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Dashboard,
    Employees,
    Departments,
    Seminars,
    Programs,
    Certificates,
    Reports,
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
            Screen::Certificates => "app-nav-certificates",
            Screen::Reports => "app-nav-reports",
            Screen::Settings => "app-nav-settings",
        }
    }

    /// For screens not built yet: the key of the sentence saying what they will do.
    fn plan_key(self) -> Option<&'static str> {
        match self {
            Screen::Dashboard => Some("app-plan-dashboard"),
            Screen::Seminars => Some("app-plan-seminars"),
            Screen::Programs => Some("app-plan-programs"),
            Screen::Certificates => Some("app-plan-certificates"),
            Screen::Reports => Some("app-plan-reports"),
            Screen::Employees | Screen::Departments | Screen::Settings => None,
        }
    }
}

/// The navigation: section caption keys and their screens.
const NAVIGATION: [(&str, &[Screen]); 4] = [
    ("app-nav-section-overview", &[Screen::Dashboard]),
    (
        "app-nav-section-staff",
        &[Screen::Employees, Screen::Departments],
    ),
    (
        "app-nav-section-training",
        &[Screen::Seminars, Screen::Programs, Screen::Certificates],
    ),
    ("app-nav-section-analysis", &[Screen::Reports]),
];

/// The Lotse desktop application.
pub struct LotseApp {
    worker: Worker,
    /// The last view models the worker sent; `None` until the first load.
    data: Option<Arc<Data>>,
    /// Why the first load failed, if it did.
    load_error: Option<String>,
    db_path: PathBuf,
    screen: Screen,
    employees: EmployeesState,
    departments: DepartmentsState,
    settings: SettingsState,
    welcome: WelcomeState,
    import: ImportState,
    notices: Notices,
}

impl LotseApp {
    /// Opens (or creates) the database at `db` and builds the app on it.
    /// `lang` overrides the language chosen in settings (default: the system's).
    /// Fails when the file cannot be opened (not a Lotse file, too new, …).
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        db: &Path,
        lang: Option<Lang>,
    ) -> Result<LotseApp> {
        LotseApp::with_store(cc, Store::open(db)?, lang)
    }

    /// Builds the app on an open store; tests pass one with a `FixedClock`. The store
    /// moves to a background thread that runs every database operation.
    pub fn with_store(
        cc: &eframe::CreationContext<'_>,
        store: Store,
        lang: Option<Lang>,
    ) -> Result<LotseApp> {
        let lang = lang
            .or_else(|| settings::language(&store).ok().flatten())
            .unwrap_or_else(Lang::from_system);
        i18n::set_language(lang);
        style::apply(&cc.egui_ctx);
        let db_path = store.path().map(Path::to_path_buf).unwrap_or_default();
        let worker = Worker::spawn(store, lang, cc.egui_ctx.clone())?;
        Ok(LotseApp {
            worker,
            data: None,
            load_error: None,
            db_path,
            screen: Screen::Employees,
            employees: EmployeesState::default(),
            departments: DepartmentsState::default(),
            settings: SettingsState::default(),
            welcome: WelcomeState::default(),
            import: ImportState::default(),
            notices: Notices::default(),
        })
    }

    /// The screen shown.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// True until the first data arrived and while the worker runs a command.
    /// Tests step the UI until this is false.
    pub fn is_busy(&self) -> bool {
        !self.worker.is_gone()
            && ((self.data.is_none() && self.load_error.is_none()) || self.worker.in_flight() > 0)
    }

    /// Starts the import preview of `path` as if the user had picked it in the file dialog.
    pub fn preview_import(&mut self, path: PathBuf) {
        self.import.preview_file(path, &mut self.worker);
    }

    /// The text of the status line, if it shows one.
    pub fn notice(&self) -> Option<&str> {
        self.notices.current().map(|(_, text)| text)
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
                }
                Event::Loaded(Err(e)) => self.notices.error(e.user_message()),
                Event::Progress(ticket, fraction) => self.welcome.on_progress(ticket, fraction),
                Event::Finished(ticket, result) => self.route(ticket, result),
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
            .and_then(|r| self.import.on_finished(ticket, r, notices));
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
                    if self.is_busy() {
                        ui.spinner();
                    }
                });
            });
        });
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
                        let name = self
                            .db_path
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_else(|| t("app-in-memory"));
                        ui.label(
                            RichText::new(ta("app-database-name", &[("name", Arg::from(name))]))
                                .small()
                                .color(MUTED),
                        )
                        .on_hover_text(self.db_path.display().to_string());
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
                    super::widgets::error_label(ui, error);
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
                Screen::Settings => {
                    let action = settings_ui(
                        ui,
                        &mut self.settings,
                        &data,
                        &self.db_path,
                        &mut self.worker,
                    );
                    if let Some(SettingsAction::Language(lang)) = action {
                        i18n::set_language(lang);
                        self.worker.send(Command::SetLanguage(lang));
                    }
                }
                other => {
                    if let Some(plan) = other.plan_key() {
                        placeholder_ui(ui, other.title_key(), plan);
                    }
                }
            }
        });
    }

    fn shows_welcome(&self, data: &Data) -> bool {
        self.welcome.is_running() || (data.is_empty() && !self.welcome.dismissed)
    }
}

impl eframe::App for LotseApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.handle_events();
        self.import.poll(&mut self.worker);
        self.top_bar_ui(ui);
        self.status_bar_ui(ui);
        let welcome = self.data.as_deref().is_some_and(|d| self.shows_welcome(d));
        if !welcome {
            self.navigation_ui(ui);
        }
        self.central_ui(ui);
        import_ui(ui, &mut self.import, &mut self.worker);
    }
}
