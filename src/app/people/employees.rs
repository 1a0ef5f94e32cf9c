//! The Employees screen: search, department filter, sortable virtualised table,
//! and the add/edit form beside it.

use crate::app::widgets::write_button;
use std::cmp::Ordering;

use egui::{Align, Layout, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::data::{Data, EmployeeView};
use crate::app::people::employee_form::{EmployeeForm, employee_form_ui};
use crate::app::people::import::ImportState;
use crate::app::widgets::style::MUTED;
use crate::app::widgets::{Notices, department_combo, sort_indicator};
use crate::app::worker::{Outcome, Ticket, Worker};
use crate::error::Result;
use crate::i18n::{Arg, fmt_opt_date, t, ta};
use crate::model::{DepartmentId, EmployeeId};
use crate::text::fold_search;

/// The columns the table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SortColumn {
    PersonnelNumber,
    LastName,
    FirstName,
    Department,
    Email,
    EntryDate,
}

impl SortColumn {
    fn label_key(self) -> &'static str {
        match self {
            SortColumn::PersonnelNumber => "app-col-personnel-number",
            SortColumn::LastName => "field-last-name",
            SortColumn::FirstName => "field-first-name",
            SortColumn::Department => "field-department",
            SortColumn::Email => "field-email",
            SortColumn::EntryDate => "app-col-entry",
        }
    }
}

/// What the filtered, sorted index was built from.
#[derive(Debug, Clone)]
struct CacheKey {
    revision: u64,
    search: String,
    department: Option<DepartmentId>,
    show_leavers: bool,
    sort: SortColumn,
    ascending: bool,
}

/// The state of the Employees screen.
pub(crate) struct EmployeesState {
    pub search: String,
    /// Only this department and its sub-units.
    pub department: Option<DepartmentId>,
    pub show_leavers: bool,
    pub sort: SortColumn,
    pub ascending: bool,
    pub selected: Option<EmployeeId>,
    /// The add/edit form, when open.
    pub form: Option<EmployeeForm>,
    /// Indices into `Data::employees`, filtered and sorted.
    visible: Vec<usize>,
    cache: Option<CacheKey>,
    scroll_to_selected: bool,
    /// The DSGVO export and erasure of the employee in the form.
    privacy: crate::app::people::privacy::PrivacyPanel,
}

impl Default for EmployeesState {
    fn default() -> Self {
        EmployeesState {
            search: String::new(),
            department: None,
            show_leavers: false,
            sort: SortColumn::LastName,
            ascending: true,
            selected: None,
            form: None,
            visible: Vec::new(),
            cache: None,
            scroll_to_selected: false,
            privacy: crate::app::people::privacy::PrivacyPanel::default(),
        }
    }
}

impl EmployeesState {
    /// Rebuilds the filtered, sorted index if the data, the search or the sort changed.
    fn refresh(&mut self, data: &Data) {
        if let Some(c) = &self.cache
            && c.revision == data.parts.people
            && c.search == self.search
            && c.department == self.department
            && c.show_leavers == self.show_leavers
            && c.sort == self.sort
            && c.ascending == self.ascending
        {
            return;
        }
        let key = CacheKey {
            revision: data.parts.people,
            search: self.search.clone(),
            department: self.department,
            show_leavers: self.show_leavers,
            sort: self.sort,
            ascending: self.ascending,
        };
        let words: Vec<String> = self.search.split_whitespace().map(fold_search).collect();
        let units = self.department.map(|d| data.departments.subtree(d));
        let mut visible: Vec<usize> = data
            .employees
            .iter()
            .enumerate()
            .filter(|(_, e)| self.show_leavers || e.active)
            .filter(|(_, e)| match &units {
                Some(units) => e
                    .row
                    .employee
                    .department_id
                    .is_some_and(|d| units.contains(&d)),
                None => true,
            })
            .filter(|(_, e)| e.matches(&words))
            .map(|(i, _)| i)
            .collect();
        let sort = self.sort;
        let employees = &data.employees;
        visible.sort_by(|&a, &b| {
            let ord = compare(&employees[a], &employees[b], sort);
            if self.ascending { ord } else { ord.reverse() }
        });
        self.visible = visible;
        self.cache = Some(key);
    }

    /// Picks up the answer to a command this screen sent; returns it if it is not ours.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
        data: Option<&Data>,
        notices: &mut Notices,
    ) -> Option<Result<Outcome>> {
        if self.privacy.owns(ticket) {
            self.privacy.on_finished(ticket, result, notices);
            return None;
        }
        let Some(form) = &mut self.form else {
            return Some(result);
        };
        if !form.owns(ticket) {
            return Some(result);
        }
        form.on_finished(ticket, result, data, notices);
        if let Some(id) = form.editing
            && self.selected != Some(id)
        {
            self.selected = Some(id);
            self.scroll_to_selected = true;
        }
        None
    }

    fn open(&mut self, data: &Data, id: EmployeeId) {
        self.selected = Some(id);
        if let Some(view) = data.employee(id) {
            self.form = Some(EmployeeForm::edit(view, data.today));
        }
    }
}

fn compare(a: &EmployeeView, b: &EmployeeView, sort: SortColumn) -> Ordering {
    let by_name = || {
        a.last_key
            .cmp(&b.last_key)
            .then_with(|| a.first_key.cmp(&b.first_key))
    };
    let ea = &a.row.employee;
    let eb = &b.row.employee;
    let primary = match sort {
        SortColumn::PersonnelNumber => a.number_key.cmp(&b.number_key),
        SortColumn::LastName => Ordering::Equal,
        SortColumn::FirstName => a.first_key.cmp(&b.first_key),
        SortColumn::Department => a.department_rank.cmp(&b.department_rank),
        SortColumn::Email => a.email_key.cmp(&b.email_key),
        // Missing dates last.
        SortColumn::EntryDate => match (ea.entry_date, eb.entry_date) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
    };
    primary
        .then_with(by_name)
        .then_with(|| a.number_key.cmp(&b.number_key))
}

/// Draws the Employees screen and sends what the user asks for to `worker`.
pub(crate) fn employees_ui(
    ui: &mut Ui,
    state: &mut EmployeesState,
    data: &Data,
    worker: &mut Worker,
    import: &mut ImportState,
) {
    state.refresh(data);

    ui.horizontal(|ui| {
        ui.heading(t("app-employees-title"));
        let active = data.active_employees();
        ui.label(
            RichText::new(ta(
                "app-employees-count",
                &[
                    ("shown", Arg::from(state.visible.len())),
                    ("active", Arg::from(active)),
                ],
            ))
            .color(MUTED),
        );
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if write_button(ui, true, t("app-employee-add"))
                .on_hover_text(t("app-employee-add-hint"))
                .clicked()
            {
                state.selected = None;
                state.form = Some(EmployeeForm::new_employee(state.department));
            }
            if ui
                .add_enabled(!import.is_busy(), egui::Button::new(t("app-import")))
                .on_hover_text(t("app-import-hint"))
                .clicked()
            {
                import.choose_file(ui.ctx());
            }
        });
    });
    ui.add_space(4.0);
    toolbar_ui(ui, state, data);
    ui.add_space(6.0);

    if let Some(form) = &mut state.form {
        let mut keep_open = true;
        egui::Panel::right("employee-form")
            .resizable(true)
            .default_size(420.0)
            .size_range(340.0..=640.0)
            .show(ui, |ui| {
                // The DSGVO buttons stay in view below the (scrolling) form.
                if let Some(view) = form.editing.and_then(|id| data.employee(id)) {
                    let e = &view.row.employee;
                    egui::Panel::bottom("employee-privacy").show(ui, |ui| {
                        crate::app::people::privacy::buttons_ui(
                            ui,
                            &mut state.privacy,
                            e.id,
                            &e.personnel_number,
                            worker,
                        );
                    });
                }
                keep_open = employee_form_ui(ui, form, data, worker);
            });
        if !keep_open || state.privacy.take_close_form() {
            state.form = None;
        }
    }
    crate::app::people::privacy::dialogs_ui(ui, &mut state.privacy, data, worker);

    let clicked = table_ui(ui, state, data);
    if let Some(id) = clicked {
        state.open(data, id);
    }
}

fn toolbar_ui(ui: &mut Ui, state: &mut EmployeesState, data: &Data) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t("app-search"));
        let search = ui
            .add(
                egui::TextEdit::singleline(&mut state.search)
                    .hint_text(t("app-search-hint"))
                    .desired_width(260.0),
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
        let label = ui.label(t("field-department"));
        department_combo(
            ui,
            "employee-department-filter",
            &data.departments,
            &mut state.department,
            &t("app-all-departments"),
            false,
            None,
        )
        .labelled_by(label.id);
        ui.add_space(12.0);
        ui.checkbox(&mut state.show_leavers, t("app-show-leavers"));
    });
}

/// Draws the table; returns the employee whose row was clicked.
fn table_ui(ui: &mut Ui, state: &mut EmployeesState, data: &Data) -> Option<EmployeeId> {
    if state.visible.is_empty() {
        ui.add_space(24.0);
        ui.vertical_centered(|ui| {
            let text = if data.employees.is_empty() {
                t("app-employees-none-yet")
            } else {
                t("app-employees-none-found")
            };
            ui.label(RichText::new(text).color(MUTED));
        });
        return None;
    }
    let columns = [
        SortColumn::PersonnelNumber,
        SortColumn::LastName,
        SortColumn::FirstName,
        SortColumn::Department,
        SortColumn::Email,
        SortColumn::EntryDate,
    ];
    let show_exit = state.show_leavers;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
    let scroll_to = if state.scroll_to_selected {
        state.scroll_to_selected = false;
        state.selected.and_then(|id| {
            state
                .visible
                .iter()
                .position(|&i| data.employees[i].row.employee.id == id)
        })
    } else {
        None
    };

    // Number and name columns have a fixed width; department and e-mail share what is
    // left. When the form beside the table leaves too little room, the table scrolls sideways.
    let date_width = 100.0;
    let fixed = 100.0 + 150.0 + 130.0 + date_width * if show_exit { 2.0 } else { 1.0 };
    let min_width = fixed + 2.0 * 140.0 + 8.0 * ui.spacing().item_spacing.x;
    let width = ui.available_width().max(min_width);
    egui::ScrollArea::horizontal()
        .id_salt("employees-hscroll")
        .show(ui, |ui| {
            ui.set_width(width);
            let mut table = TableBuilder::new(ui)
                .id_salt(if show_exit {
                    "employees-with-exit"
                } else {
                    "employees"
                })
                .striped(true)
                .sense(Sense::click())
                .resizable(false)
                .cell_layout(Layout::left_to_right(Align::Center))
                .column(Column::exact(100.0).clip(true))
                .column(Column::exact(150.0).clip(true))
                .column(Column::exact(130.0).clip(true))
                .column(Column::remainder().at_least(140.0).clip(true))
                .column(Column::remainder().at_least(140.0).clip(true))
                .column(Column::exact(date_width));
            if show_exit {
                table = table.column(Column::exact(date_width));
            }
            if let Some(row) = scroll_to {
                table = table.scroll_to_row(row, Some(Align::Center));
            }
            rows_ui(table, state, data, &columns, row_height, show_exit)
        })
        .inner
}

/// The header and the visible rows; returns the employee whose row was clicked.
fn rows_ui(
    table: TableBuilder<'_>,
    state: &mut EmployeesState,
    data: &Data,
    columns: &[SortColumn],
    row_height: f32,
    show_exit: bool,
) -> Option<EmployeeId> {
    let mut clicked = None;
    table
        .header(row_height + 4.0, |mut header| {
            for column in columns {
                header.col(|ui| {
                    let active = state.sort == *column;
                    let button = egui::Button::new(RichText::new(t(column.label_key())).strong())
                        .frame(false);
                    let clicked = ui.add(button).on_hover_text(t("app-sort-hint")).clicked();
                    if active {
                        sort_indicator(ui, state.ascending);
                    }
                    if clicked {
                        if active {
                            state.ascending = !state.ascending;
                        } else {
                            state.sort = *column;
                            state.ascending = true;
                        }
                    }
                });
            }
            if show_exit {
                header.col(|ui| {
                    ui.strong(t("app-col-exit"));
                });
            }
        })
        .body(|body| {
            body.rows(row_height, state.visible.len(), |mut row| {
                let Some(view) = state.visible.get(row.index()).map(|&i| &data.employees[i]) else {
                    return;
                };
                let e = &view.row.employee;
                row.set_selected(state.selected == Some(e.id));
                let color = (!view.active).then_some(MUTED);
                let cell = |ui: &mut Ui, text: &str| {
                    let mut rich = RichText::new(text);
                    if let Some(c) = color {
                        rich = rich.color(c);
                    }
                    ui.add(egui::Label::new(rich).truncate());
                };
                row.col(|ui| cell(ui, &e.personnel_number));
                row.col(|ui| cell(ui, &e.last_name));
                row.col(|ui| cell(ui, &e.first_name));
                row.col(|ui| cell(ui, &view.department_label));
                row.col(|ui| cell(ui, e.email.as_deref().unwrap_or_default()));
                row.col(|ui| cell(ui, &fmt_opt_date(e.entry_date)));
                if show_exit {
                    row.col(|ui| cell(ui, &fmt_opt_date(e.exit_date)));
                }
                if row.response().clicked() {
                    clicked = Some(e.id);
                }
            });
        });
    clicked
}
