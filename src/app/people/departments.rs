//! The Departments screen: the hierarchy as a tree with employee counts, and a form
//! to add, edit, move, deactivate and reactivate a unit.

use crate::app::widgets::write_button;
use std::collections::HashSet;

use egui::{Align, Layout, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::data::{Data, DepartmentNode};
use crate::app::widgets::conflict::{Choice, Loaded, Shown, conflict_ui};
use crate::app::widgets::style::MUTED;
use crate::app::widgets::{
    FieldErrors, Notices, department_combo, disclosure_button, disclosure_width, entered,
    error_label, form_row, hint, text_field,
};
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::Result;
use crate::i18n::{Arg, t, ta};
use crate::model::{DepartmentId, DepartmentInput, Field};

/// What the user asked for that leaves this screen.
pub(crate) enum DepartmentsAction {
    /// Show the employees of this unit (and its sub-units).
    ShowEmployees(DepartmentId),
}

/// The state of the Departments screen.
#[derive(Default)]
pub(crate) struct DepartmentsState {
    collapsed: HashSet<DepartmentId>,
    pub hide_inactive: bool,
    pub selected: Option<DepartmentId>,
    pub form: Option<DepartmentForm>,
    /// Indices into `Data::departments.nodes` of the rows shown.
    rows: Vec<usize>,
    cache: Option<(u64, u64, bool)>,
    /// Changes whenever `collapsed` does.
    collapsed_version: u64,
}

impl DepartmentsState {
    fn refresh(&mut self, data: &Data) {
        let key = (
            data.parts.people,
            self.collapsed_version,
            self.hide_inactive,
        );
        if self.cache == Some(key) {
            return;
        }
        let nodes = &data.departments.nodes;
        let mut rows = Vec::with_capacity(nodes.len());
        let mut i = 0;
        while i < nodes.len() {
            let node = &nodes[i];
            if self.hide_inactive && !node.row.department.active {
                i = node.subtree_end;
                continue;
            }
            rows.push(i);
            i = if self.collapsed.contains(&node.id()) {
                node.subtree_end
            } else {
                i + 1
            };
        }
        self.rows = rows;
        self.cache = Some(key);
    }

    fn toggle(&mut self, id: DepartmentId) {
        if !self.collapsed.remove(&id) {
            self.collapsed.insert(id);
        }
        self.collapsed_version += 1;
    }

    fn expand_to(&mut self, data: &Data, id: DepartmentId) {
        for a in data.departments.ancestors(id) {
            self.collapsed.remove(&a);
        }
        self.collapsed_version += 1;
    }

    /// Picks up the answer to a command this screen sent; returns it if it is not ours.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
        data: Option<&Data>,
        notices: &mut Notices,
    ) -> Option<Result<Outcome>> {
        let Some(form) = &mut self.form else {
            return Some(result);
        };
        if form.pending != Some(ticket) {
            return Some(result);
        }
        form.pending = None;
        match result {
            Ok(outcome) => {
                let id = match outcome {
                    Outcome::DepartmentAdded(id) => Some(id),
                    _ => form.editing,
                };
                if let (Some(id), Some(data)) = (id, data)
                    && let Some(node) = data.departments.get(id)
                {
                    let key = match (&outcome, form.pending_kind) {
                        (Outcome::DepartmentAdded(_), _) => "app-department-added",
                        (_, PendingKind::Save) => "app-department-saved",
                        (_, PendingKind::Deactivate) => "app-department-deactivated",
                        (_, PendingKind::Activate) => "app-department-activated",
                    };
                    notices.success(ta(key, &[("code", Arg::from(&node.row.department.code))]));
                    *form = DepartmentForm::edit(node);
                    self.selected = Some(id);
                    self.expand_to(data, id);
                }
            }
            Err(error) => match form.pending_kind {
                PendingKind::Save => {
                    // A conflict shows its own panel, comparing with the stored unit
                    // (the worker reloaded before it answered).
                    form.errors = if form.loaded.refused(&error) {
                        FieldErrors::default()
                    } else {
                        FieldErrors::from_error(&error, &FIELDS)
                    };
                }
                PendingKind::Deactivate | PendingKind::Activate => {
                    form.status_errors = vec![error.user_message()];
                }
            },
        }
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PendingKind {
    Save,
    Deactivate,
    Activate,
}

const FIELDS: [Field; 3] = [
    Field::DepartmentCode,
    Field::DepartmentName,
    Field::ParentDepartment,
];

/// The add/edit form of a department.
pub(crate) struct DepartmentForm {
    /// `None` while adding.
    editing: Option<DepartmentId>,
    /// The values the form was loaded with, to tell whether the user changed anything.
    original: Option<DepartmentInput>,
    /// The stored version the form was loaded at, and a save refused because the unit
    /// changed meanwhile.
    loaded: Loaded,
    code: String,
    name: String,
    parent: Option<DepartmentId>,
    errors: FieldErrors,
    /// Messages of a refused deactivation or reactivation.
    status_errors: Vec<String>,
    pending: Option<Ticket>,
    pending_kind: PendingKind,
}

impl DepartmentForm {
    fn new_department(parent: Option<DepartmentId>) -> DepartmentForm {
        DepartmentForm {
            editing: None,
            original: None,
            loaded: Loaded::default(),
            code: String::new(),
            name: String::new(),
            parent,
            errors: FieldErrors::default(),
            status_errors: Vec::new(),
            pending: None,
            pending_kind: PendingKind::Save,
        }
    }

    fn edit(node: &DepartmentNode) -> DepartmentForm {
        let d = &node.row.department;
        DepartmentForm {
            editing: Some(d.id),
            original: Some(stored_input(node)),
            loaded: Loaded::at(d.version),
            code: d.code.clone(),
            name: d.name.clone(),
            parent: d.parent_id,
            ..DepartmentForm::new_department(None)
        }
    }

    /// What the form's fields hold.
    fn input(&self) -> DepartmentInput {
        DepartmentInput {
            code: self.code.clone(),
            name: self.name.clone(),
            parent_id: self.parent,
        }
    }

    /// When the stored unit changed (another officer, the command line) and the user
    /// has not touched the form, shows the new values.
    fn follow_stored(&mut self, data: &Data) {
        if self.pending.is_some() {
            return;
        }
        if let Some(node) = self.editing.and_then(|id| data.departments.get(id))
            && self.loaded.outdated_by(node.row.department.version)
            && Some(self.input()) == self.original
        {
            *self = DepartmentForm::edit(node);
        }
    }

    /// The fields as the form shows them, for comparing an entry with the stored unit.
    fn shown(&self, data: &Data) -> Shown {
        let parent = self
            .parent
            .and_then(|id| data.departments.get(id))
            .map(DepartmentNode::label)
            .unwrap_or_default();
        vec![
            (Field::DepartmentCode.label(), self.code.clone()),
            (Field::DepartmentName.label(), self.name.clone()),
            (Field::ParentDepartment.label(), parent),
        ]
    }

    fn send(&mut self, worker: &mut Worker, command: Command, kind: PendingKind) {
        self.pending = Some(worker.send(command));
        self.pending_kind = kind;
    }
}

/// A unit's stored code, name and parent, as a form loads them.
fn stored_input(node: &DepartmentNode) -> DepartmentInput {
    let d = &node.row.department;
    DepartmentInput {
        code: d.code.clone(),
        name: d.name.clone(),
        parent_id: d.parent_id,
    }
}

/// Draws the Departments screen; returns what the user asked for outside it.
pub(crate) fn departments_ui(
    ui: &mut Ui,
    state: &mut DepartmentsState,
    data: &Data,
    worker: &mut Worker,
) -> Option<DepartmentsAction> {
    state.refresh(data);
    let mut action = None;

    ui.horizontal(|ui| {
        ui.heading(t("app-departments-title"));
        let active = data
            .departments
            .nodes
            .iter()
            .filter(|n| n.row.department.active)
            .count();
        ui.label(
            RichText::new(ta(
                "app-departments-count",
                &[("active", Arg::from(active))],
            ))
            .color(MUTED),
        );
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let selected_active = state
                .selected
                .and_then(|id| data.departments.get(id))
                .filter(|n| n.row.department.active);
            if let Some(parent) = selected_active {
                if write_button(ui, true, t("app-department-add-sub"))
                    .on_hover_text(ta(
                        "app-department-add-sub-hint",
                        &[("code", Arg::from(&parent.row.department.code))],
                    ))
                    .clicked()
                {
                    state.form = Some(DepartmentForm::new_department(Some(parent.id())));
                }
                if ui.button(t("app-department-add")).clicked() {
                    state.form = Some(DepartmentForm::new_department(None));
                }
            } else if write_button(ui, true, t("app-department-add")).clicked() {
                state.form = Some(DepartmentForm::new_department(None));
            }
        });
    });
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.checkbox(&mut state.hide_inactive, t("app-hide-inactive"));
        ui.add_space(12.0);
        if ui.button(t("app-expand-all")).clicked() {
            state.collapsed.clear();
            state.collapsed_version += 1;
        }
        if ui.button(t("app-collapse-all")).clicked() {
            state.collapsed = data
                .departments
                .nodes
                .iter()
                .filter(|n| n.has_children)
                .map(DepartmentNode::id)
                .collect();
            state.collapsed_version += 1;
        }
    });
    ui.add_space(6.0);

    if let Some(form) = &mut state.form {
        let mut keep_open = true;
        egui::Panel::right("department-form")
            .resizable(true)
            .default_size(360.0)
            .size_range(320.0..=600.0)
            .show(ui, |ui| {
                let (open, act) = form_ui(ui, form, data, worker);
                keep_open = open;
                action = act;
            });
        if !keep_open {
            state.form = None;
        }
    }

    if let Some(id) = tree_ui(ui, state, data) {
        state.selected = Some(id);
        if let Some(node) = data.departments.get(id) {
            state.form = Some(DepartmentForm::edit(node));
        }
    }
    action
}

/// Draws the tree table; returns the unit whose row was clicked.
fn tree_ui(ui: &mut Ui, state: &mut DepartmentsState, data: &Data) -> Option<DepartmentId> {
    if data.departments.nodes.is_empty() {
        ui.add_space(24.0);
        ui.vertical_centered(|ui| {
            ui.label(RichText::new(t("app-departments-none-yet")).color(MUTED));
        });
        return None;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
    let mut clicked = None;
    let mut toggle = None;
    // The name takes what is left; with the form open and little room, scroll sideways.
    let min_width = 180.0 + 80.0 + 100.0 + 140.0 + 90.0 + 5.0 * ui.spacing().item_spacing.x;
    let width = ui.available_width().max(min_width);
    egui::ScrollArea::horizontal()
        .id_salt("departments-hscroll")
        .show(ui, |ui| {
            ui.set_width(width);
            TableBuilder::new(ui)
                .id_salt("departments")
                .striped(true)
                .sense(Sense::click())
                .resizable(false)
                .cell_layout(Layout::left_to_right(Align::Center))
                .column(Column::remainder().at_least(180.0).clip(true))
                .column(Column::exact(80.0).clip(true))
                .column(Column::exact(100.0))
                .column(Column::exact(140.0))
                .column(Column::exact(90.0))
                .header(row_height + 4.0, |mut header| {
                    header.col(|ui| {
                        ui.strong(t("field-department-name"));
                    });
                    header.col(|ui| {
                        ui.strong(t("field-department-code"));
                    });
                    header.col(|ui| {
                        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                            ui.strong(t("app-col-employees"));
                        });
                    });
                    header.col(|ui| {
                        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                            ui.strong(t("app-col-employees-total"));
                        });
                    });
                    header.col(|ui| {
                        ui.add_space(12.0);
                        ui.strong(t("app-col-status"));
                    });
                })
                .body(|body| {
                    body.rows(row_height, state.rows.len(), |mut row| {
                        let Some(node) = state
                            .rows
                            .get(row.index())
                            .map(|&i| &data.departments.nodes[i])
                        else {
                            return;
                        };
                        let d = &node.row.department;
                        row.set_selected(state.selected == Some(d.id));
                        let color = (!d.active).then_some(MUTED);
                        let text = |s: String| match color {
                            Some(c) => RichText::new(s).color(c),
                            None => RichText::new(s),
                        };
                        row.col(|ui| {
                            ui.add_space(node.depth as f32 * 22.0);
                            if node.has_children {
                                let open = !state.collapsed.contains(&d.id);
                                let hover = if open {
                                    t("app-collapse")
                                } else {
                                    t("app-expand")
                                };
                                if disclosure_button(ui, open, hover).clicked() {
                                    toggle = Some(d.id);
                                }
                            } else {
                                ui.add_space(disclosure_width(ui));
                            }
                            ui.add(egui::Label::new(text(d.name.clone())).truncate());
                        });
                        row.col(|ui| {
                            ui.add(egui::Label::new(text(d.code.clone())).truncate());
                        });
                        row.col(|ui| {
                            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                                ui.label(text(node.row.active_employees.to_string()));
                            });
                        });
                        row.col(|ui| {
                            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                                ui.label(text(node.total_employees.to_string()));
                            });
                        });
                        row.col(|ui| {
                            ui.add_space(12.0);
                            let status = if d.active {
                                t("app-status-active")
                            } else {
                                t("app-status-inactive")
                            };
                            ui.label(text(status));
                        });
                        if row.response().clicked() {
                            clicked = Some(d.id);
                        }
                    });
                });
        });
    if let Some(id) = toggle {
        state.toggle(id);
        return None;
    }
    clicked
}

/// Draws the form; returns whether it stays open and what the user asked for.
fn form_ui(
    ui: &mut Ui,
    form: &mut DepartmentForm,
    data: &Data,
    worker: &mut Worker,
) -> (bool, Option<DepartmentsAction>) {
    let mut keep_open = true;
    let mut action = None;
    form.follow_stored(data);
    let node = form.editing.and_then(|id| data.departments.get(id));
    let busy = form.pending.is_some();
    ui.add_space(8.0);
    ui.heading(match node {
        Some(n) => n.label(),
        None => t("app-department-new-title"),
    });
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .show(ui, |ui| {
            let errors = &form.errors;
            let errs = |f: Field| errors.for_field(f).collect::<Vec<_>>();
            let submitted = egui::Grid::new("department-form-grid")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .min_col_width(120.0)
                .show(ui, |ui| {
                    let code = form_row(
                        ui,
                        Field::DepartmentCode.label(),
                        &errs(Field::DepartmentCode),
                        |ui| ui.add_enabled(!busy, text_field(&mut form.code)),
                    );
                    let name = form_row(
                        ui,
                        Field::DepartmentName.label(),
                        &errs(Field::DepartmentName),
                        |ui| ui.add_enabled(!busy, text_field(&mut form.name)),
                    );
                    form_row(
                        ui,
                        Field::ParentDepartment.label(),
                        &errs(Field::ParentDepartment),
                        |ui| {
                            ui.add_enabled_ui(!busy, |ui| {
                                department_combo(
                                    ui,
                                    "department-parent",
                                    &data.departments,
                                    &mut form.parent,
                                    &t("app-no-parent"),
                                    true,
                                    form.editing,
                                )
                            })
                            .inner
                        },
                    );
                    entered(&code) || entered(&name)
                })
                .inner;
            ui.add_space(8.0);
            for message in &form.errors.general {
                error_label(ui, message);
            }
            let mut save = false;
            if let (Some(conflict), Some(node)) = (&form.loaded.conflict, node) {
                let stored = DepartmentForm::edit(node).shown(data);
                match conflict_ui(ui, conflict, &form.shown(data), &stored, !busy) {
                    Choice::Reload => *form = DepartmentForm::edit(node),
                    Choice::Overwrite => {
                        form.loaded.overwrite();
                        save = true;
                    }
                    Choice::Undecided => {}
                }
                ui.add_space(8.0);
            }
            ui.horizontal(|ui| {
                save |= write_button(ui, !busy, t("app-save")).clicked() || (submitted && !busy);
                if save {
                    let input = form.input();
                    form.errors = FieldErrors::default();
                    form.loaded.conflict = None;
                    let command = match (form.editing, form.loaded.version) {
                        (Some(id), Some(version)) => {
                            Command::UpdateDepartment { id, version, input }
                        }
                        _ => Command::AddDepartment(input),
                    };
                    form.send(worker, command, PendingKind::Save);
                }
                if ui.button(t("app-close")).clicked() {
                    keep_open = false;
                }
                if busy {
                    ui.spinner();
                }
            });

            if let Some(node) = node {
                let d = &node.row.department;
                ui.add_space(16.0);
                ui.separator();
                ui.strong(t("app-col-employees"));
                ui.label(ta(
                    "app-department-counts",
                    &[
                        ("own", Arg::from(node.row.active_employees)),
                        ("total", Arg::from(node.total_employees)),
                    ],
                ));
                if ui.button(t("app-department-show-employees")).clicked() {
                    action = Some(DepartmentsAction::ShowEmployees(d.id));
                }
                ui.add_space(16.0);
                ui.separator();
                ui.strong(t("app-col-status"));
                if d.active {
                    ui.label(t("app-department-is-active"));
                    if ui
                        .add_enabled(!busy, egui::Button::new(t("app-department-deactivate")))
                        .clicked()
                    {
                        form.status_errors.clear();
                        form.send(
                            worker,
                            Command::SetDepartmentActive(d.id, false),
                            PendingKind::Deactivate,
                        );
                    }
                    hint(ui, &t("app-department-deactivate-hint"));
                } else {
                    ui.label(RichText::new(t("app-department-is-inactive")).color(MUTED));
                    if ui
                        .add_enabled(!busy, egui::Button::new(t("app-department-activate")))
                        .clicked()
                    {
                        form.status_errors.clear();
                        form.send(
                            worker,
                            Command::SetDepartmentActive(d.id, true),
                            PendingKind::Activate,
                        );
                    }
                }
                for message in &form.status_errors {
                    error_label(ui, message);
                }
            }
        });
    if !egui::Popup::is_any_open(ui.ctx()) && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        keep_open = false;
    }
    (keep_open, action)
}
