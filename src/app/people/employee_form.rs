//! The form to add or edit an employee, with "mark as left" and "active again".

use crate::app::widgets::write_button;
use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::app::data::{Data, EmployeeView};
use crate::app::widgets::conflict::{Choice, Loaded, Shown, conflict_ui};
use crate::app::widgets::style::MUTED;
use crate::app::widgets::{
    FieldErrors, Notices, department_combo, entered, error_label, form_row, text_field,
};
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::Result;
use crate::i18n::{Arg, fmt_date, parse_date, t, ta};
use crate::model::{DepartmentId, EmployeeId, EmployeeInput, Field, Salutation};

/// The fields a user edits, as typed (dates as text), and what happened to the last save.
pub(crate) struct EmployeeForm {
    /// `None` while adding a new employee.
    pub editing: Option<EmployeeId>,
    /// The values the form was loaded with, to tell whether the user changed anything.
    original: Option<EmployeeInput>,
    /// The stored version the form was loaded at, and a save refused because the record
    /// changed meanwhile.
    loaded: Loaded,
    personnel_number: String,
    first_name: String,
    last_name: String,
    salutation: Salutation,
    email: String,
    department: Option<DepartmentId>,
    job_title: String,
    entry_date: String,
    exit_date: String,
    errors: FieldErrors,
    /// The save (or leave/reinstate) waiting for the worker.
    pending: Option<Ticket>,
    pending_kind: PendingKind,
    /// The date for "mark as left".
    leave_on: String,
    leave_errors: Vec<String>,
}

/// What the pending command does, for the message after it succeeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PendingKind {
    Save,
    Leave,
    Reinstate,
}

const FIELDS: [Field; 8] = [
    Field::PersonnelNumber,
    Field::FirstName,
    Field::LastName,
    Field::Email,
    Field::Department,
    Field::JobTitle,
    Field::EntryDate,
    Field::ExitDate,
];

impl EmployeeForm {
    /// An empty form for a new employee in `department`.
    pub fn new_employee(department: Option<DepartmentId>) -> EmployeeForm {
        EmployeeForm {
            editing: None,
            original: None,
            loaded: Loaded::default(),
            personnel_number: String::new(),
            first_name: String::new(),
            last_name: String::new(),
            salutation: Salutation::Neutral,
            email: String::new(),
            department,
            job_title: String::new(),
            entry_date: String::new(),
            exit_date: String::new(),
            errors: FieldErrors::default(),
            pending: None,
            pending_kind: PendingKind::Save,
            leave_on: String::new(),
            leave_errors: Vec::new(),
        }
    }

    /// The form filled with `view`'s data; "mark as left" proposes `today`.
    pub fn edit(view: &EmployeeView, today: NaiveDate) -> EmployeeForm {
        let e = &view.row.employee;
        let input = e.input();
        EmployeeForm {
            editing: Some(e.id),
            original: Some(input.clone()),
            loaded: Loaded::at(e.version),
            personnel_number: input.personnel_number,
            first_name: input.first_name,
            last_name: input.last_name,
            salutation: input.salutation,
            email: input.email,
            department: input.department_id,
            job_title: input.job_title,
            entry_date: input.entry_date.map(fmt_date).unwrap_or_default(),
            exit_date: input.exit_date.map(fmt_date).unwrap_or_default(),
            errors: FieldErrors::default(),
            pending: None,
            pending_kind: PendingKind::Save,
            leave_on: fmt_date(today),
            leave_errors: Vec::new(),
        }
    }

    /// Whether `ticket` answers a command this form sent.
    pub fn owns(&self, ticket: Ticket) -> bool {
        self.pending == Some(ticket)
    }

    /// The input with parsed dates, or the messages for dates that cannot be read.
    fn input(&self) -> std::result::Result<EmployeeInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut date = |text: &str, field: Field| {
            let text = text.trim();
            if text.is_empty() {
                return None;
            }
            let parsed = parse_date(text);
            if parsed.is_none() {
                errors.push(field, ta("app-invalid-date", &[("text", Arg::from(text))]));
            }
            parsed
        };
        let entry_date = date(&self.entry_date, Field::EntryDate);
        let exit_date = date(&self.exit_date, Field::ExitDate);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(EmployeeInput {
            personnel_number: self.personnel_number.clone(),
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            salutation: self.salutation,
            email: self.email.clone(),
            department_id: self.department,
            job_title: self.job_title.clone(),
            entry_date,
            exit_date,
        })
    }

    fn save(&mut self, worker: &mut Worker) {
        match self.input() {
            Err(errors) => self.errors = errors,
            Ok(input) => {
                self.errors = FieldErrors::default();
                self.loaded.conflict = None;
                let command = match (self.editing, self.loaded.version) {
                    (Some(id), Some(version)) => Command::UpdateEmployee { id, version, input },
                    _ => Command::AddEmployee(input),
                };
                self.send(worker, command, PendingKind::Save);
            }
        }
    }

    fn send(&mut self, worker: &mut Worker, command: Command, kind: PendingKind) {
        self.pending = Some(worker.send(command));
        self.pending_kind = kind;
    }

    /// Takes the worker's answer to this form's command: closes nothing, but shows the
    /// messages of a refusal or turns into the saved employee's detail.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
        data: Option<&Data>,
        notices: &mut Notices,
    ) {
        if self.pending != Some(ticket) {
            return;
        }
        self.pending = None;
        match result {
            Ok(outcome) => {
                let id = match outcome {
                    Outcome::EmployeeAdded(id) => Some(id),
                    _ => self.editing,
                };
                let view = id.and_then(|id| data.and_then(|d| d.employee(id)));
                if let (Some(view), Some(data)) = (view, data) {
                    let name = view.row.employee.full_name();
                    let key = match (&outcome, self.pending_kind) {
                        (Outcome::EmployeeAdded(_), _) => "app-employee-added",
                        (_, PendingKind::Save) => "app-employee-saved",
                        (_, PendingKind::Leave) => "app-employee-marked-left",
                        (_, PendingKind::Reinstate) => "app-employee-reinstated",
                    };
                    let message = ta(key, &[("name", Arg::from(name))]);
                    notices.success(message);
                    *self = EmployeeForm::edit(view, data.today);
                }
            }
            Err(error) => {
                // A conflict shows its own panel (the worker reloaded before it
                // answered: `data` holds the stored record to compare with).
                self.errors = if self.loaded.refused(&error) {
                    FieldErrors::default()
                } else {
                    FieldErrors::from_error(&error, &FIELDS)
                };
            }
        }
    }

    /// When the stored record changed (another officer, the command line) and the user
    /// has not touched the form, shows the new values.
    fn follow_stored(&mut self, data: &Data) {
        if self.pending.is_some() {
            return;
        }
        let Some(view) = self.editing.and_then(|id| data.employee(id)) else {
            return;
        };
        if self.loaded.outdated_by(view.row.employee.version) && self.input().ok() == self.original
        {
            self.reload(view, data.today);
        }
    }

    /// The fields as the form shows them, for comparing an entry with the stored record.
    fn shown(&self, data: &Data) -> Shown {
        let department = self
            .department
            .and_then(|id| data.departments.get(id))
            .map(|n| format!("{} – {}", n.row.department.code, n.row.department.name))
            .unwrap_or_default();
        vec![
            (
                Field::PersonnelNumber.label(),
                self.personnel_number.clone(),
            ),
            (t("field-salutation"), self.salutation.label()),
            (Field::FirstName.label(), self.first_name.clone()),
            (Field::LastName.label(), self.last_name.clone()),
            (Field::Email.label(), self.email.clone()),
            (Field::Department.label(), department),
            (Field::JobTitle.label(), self.job_title.clone()),
            (Field::EntryDate.label(), self.entry_date.clone()),
            (Field::ExitDate.label(), self.exit_date.clone()),
        ]
    }

    /// Loads the record's stored values, dropping what the user entered.
    fn reload(&mut self, view: &EmployeeView, today: NaiveDate) {
        let leave_on = std::mem::take(&mut self.leave_on);
        *self = EmployeeForm::edit(view, today);
        if !leave_on.trim().is_empty() {
            self.leave_on = leave_on;
        }
    }
}

/// Draws the form; returns false when the user closed it.
pub(crate) fn employee_form_ui(
    ui: &mut Ui,
    form: &mut EmployeeForm,
    data: &Data,
    worker: &mut Worker,
) -> bool {
    let mut keep_open = true;
    form.follow_stored(data);
    let view = form.editing.and_then(|id| data.employee(id));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let title = match view {
            Some(v) => v.row.employee.full_name(),
            None => t("app-employee-new-title"),
        };
        ui.heading(title);
    });
    if let Some(v) = view
        && !v.active
    {
        ui.label(
            RichText::new(ta(
                "app-employee-has-left",
                &[(
                    "date",
                    Arg::from(v.row.employee.exit_date.map(fmt_date).unwrap_or_default()),
                )],
            ))
            .color(MUTED),
        );
    }
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .show(ui, |ui| {
            let submitted = fields_ui(ui, form, data);
            ui.add_space(8.0);
            for message in &form.errors.general {
                error_label(ui, message);
            }
            let busy = form.pending.is_some();
            if let (Some(conflict), Some(view)) = (&form.loaded.conflict, view) {
                let stored = EmployeeForm::edit(view, data.today).shown(data);
                match conflict_ui(ui, conflict, &form.shown(data), &stored, !busy) {
                    Choice::Reload => form.reload(view, data.today),
                    Choice::Overwrite => {
                        form.loaded.overwrite();
                        form.save(worker);
                    }
                    Choice::Undecided => {}
                }
                ui.add_space(8.0);
            }
            ui.horizontal(|ui| {
                let save = write_button(ui, !busy, t("app-save"));
                if save.clicked() || (submitted && !busy) {
                    form.save(worker);
                }
                if ui.button(t("app-close")).clicked() {
                    keep_open = false;
                }
                if busy {
                    ui.spinner();
                }
            });
            if let Some(view) = view {
                ui.add_space(16.0);
                ui.separator();
                leave_ui(ui, form, view, worker);
                ui.add_space(16.0);
                ui.separator();
                crate::app::people::history::history_ui(ui, view.row.employee.id, data, worker);
                crate::app::settings::audit::show_changes_button(ui, view.row.employee.id);
                // Progress per program and certificates (issue 4): a section of their own.
                ui.add_space(16.0);
                ui.separator();
                crate::app::certificates::progress::employee_programs_ui(
                    ui,
                    view.row.employee.id,
                    data,
                );
            }
        });
    if !egui::Popup::is_any_open(ui.ctx()) && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        keep_open = false;
    }
    keep_open
}

/// Draws the fields; returns true when the user pressed Enter in one of them.
fn fields_ui(ui: &mut Ui, form: &mut EmployeeForm, data: &Data) -> bool {
    let mut submit = false;
    let errors = &form.errors;
    let errs = |f: Field| errors.for_field(f).collect::<Vec<_>>();
    let enabled = form.pending.is_none();
    egui::Grid::new("employee-form-grid")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .min_col_width(120.0)
        .show(ui, |ui| {
            submit |= entered(&form_row(
                ui,
                Field::PersonnelNumber.label(),
                &errs(Field::PersonnelNumber),
                |ui| ui.add_enabled(enabled, text_field(&mut form.personnel_number)),
            ));
            submit |= entered(&form_row(ui, t("field-salutation"), &[], |ui| {
                let current = form.salutation;
                ui.add_enabled_ui(enabled, |ui| {
                    egui::ComboBox::from_id_salt("employee-salutation")
                        .selected_text(current.label())
                        .show_ui(ui, |ui| {
                            for s in Salutation::ALL {
                                ui.selectable_value(&mut form.salutation, s, s.label());
                            }
                        })
                        .response
                })
                .inner
            }));
            submit |= entered(&form_row(
                ui,
                Field::FirstName.label(),
                &errs(Field::FirstName),
                |ui| ui.add_enabled(enabled, text_field(&mut form.first_name)),
            ));
            submit |= entered(&form_row(
                ui,
                Field::LastName.label(),
                &errs(Field::LastName),
                |ui| ui.add_enabled(enabled, text_field(&mut form.last_name)),
            ));
            submit |= entered(&form_row(
                ui,
                Field::Email.label(),
                &errs(Field::Email),
                |ui| ui.add_enabled(enabled, text_field(&mut form.email)),
            ));
            submit |= entered(&form_row(
                ui,
                Field::Department.label(),
                &errs(Field::Department),
                |ui| {
                    ui.add_enabled_ui(enabled, |ui| {
                        department_combo(
                            ui,
                            "employee-department",
                            &data.departments,
                            &mut form.department,
                            &t("app-no-department"),
                            true,
                            None,
                        )
                    })
                    .inner
                },
            ));
            submit |= entered(&form_row(
                ui,
                Field::JobTitle.label(),
                &errs(Field::JobTitle),
                |ui| ui.add_enabled(enabled, text_field(&mut form.job_title)),
            ));
            let date_hint = t("app-date-hint");
            submit |= entered(&form_row(
                ui,
                Field::EntryDate.label(),
                &errs(Field::EntryDate),
                |ui| {
                    ui.add_enabled(
                        enabled,
                        text_field(&mut form.entry_date).hint_text(date_hint.clone()),
                    )
                },
            ));
            submit |= entered(&form_row(
                ui,
                Field::ExitDate.label(),
                &errs(Field::ExitDate),
                |ui| {
                    ui.add_enabled(
                        enabled,
                        text_field(&mut form.exit_date).hint_text(date_hint.clone()),
                    )
                },
            ));
        });
    submit
}

fn leave_ui(ui: &mut Ui, form: &mut EmployeeForm, view: &EmployeeView, worker: &mut Worker) {
    let e = &view.row.employee;
    let busy = form.pending.is_some();
    ui.strong(t("app-employee-leave-title"));
    match e.exit_date {
        Some(exit) => {
            let key = if view.active {
                "app-employee-leaves-on"
            } else {
                "app-employee-has-left"
            };
            ui.label(ta(key, &[("date", Arg::from(fmt_date(exit)))]));
            if ui
                .add_enabled(!busy, egui::Button::new(t("app-employee-reinstate")))
                .clicked()
            {
                form.leave_errors.clear();
                form.send(worker, Command::SetExit(e.id, None), PendingKind::Reinstate);
            }
        }
        None => {
            let mut mark = false;
            ui.horizontal(|ui| {
                let label = ui.label(t("app-employee-leave-on"));
                ui.add_enabled(
                    !busy,
                    egui::TextEdit::singleline(&mut form.leave_on)
                        .desired_width(110.0)
                        .hint_text(t("app-date-hint")),
                )
                .labelled_by(label.id);
                mark = ui
                    .add_enabled(!busy, egui::Button::new(t("app-employee-mark-left")))
                    .clicked();
            });
            if mark {
                match parse_date(&form.leave_on) {
                    Some(date) => {
                        form.leave_errors.clear();
                        form.send(
                            worker,
                            Command::SetExit(e.id, Some(date)),
                            PendingKind::Leave,
                        );
                    }
                    None => {
                        form.leave_errors = vec![ta(
                            "app-invalid-date",
                            &[("text", Arg::from(form.leave_on.trim()))],
                        )];
                    }
                }
            }
        }
    }
    for message in &form.leave_errors {
        error_label(ui, message);
    }
}
