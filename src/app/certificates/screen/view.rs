//! The Certificates screen's view: the toolbar with search and filters, the actions on
//! the selection, and the virtualised table.

use std::collections::HashSet;

use egui::{Align, Layout, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::certificates::print::PrintState;
use crate::app::certificates::verify::{VerifyState, status_color, status_word};
use crate::app::data::Data;
use crate::app::widgets::style::MUTED;
use crate::app::widgets::{hint, primary_button, sort_indicator};
use crate::i18n::{Arg, fmt_date, t, ta};
use crate::model::{CertificateId, ProgramId};

use super::dialogs::{CorrectDialog, RevokeDialog};
use super::{CertificatesState, SortColumn, StatusFilter};

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
        program_filter_combo(ui, "appcert-program-filter", data, &mut state.program)
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

/// A filter by program: "Alle Programme" or one program ("DL Digitallots:in").
pub(crate) fn program_filter_combo(
    ui: &mut Ui,
    id_salt: &str,
    data: &Data,
    program: &mut Option<ProgramId>,
) -> egui::Response {
    let label = |p: &crate::app::certificates::worker::ProgramView| {
        format!("{} {}", p.program.code, p.title())
    };
    let selected_text = program
        .and_then(|p| data.certs.program(p))
        .map(label)
        .unwrap_or_else(|| t("appcert-filter-all-programs"));
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(selected_text)
        .show_ui(ui, |ui| {
            ui.selectable_value(program, None, t("appcert-filter-all-programs"));
            for p in data.certs.programs.iter() {
                ui.selectable_value(program, Some(p.program.id), label(p));
            }
        })
        .response
}
