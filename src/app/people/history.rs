//! The training history on the employee page: every session the person was on, with
//! date, seminar, status and hours, sortable by column, and the hours per year.

use std::cmp::Ordering;
use std::sync::Arc;

use egui::{Align, Id, Layout, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::data::Data;
use crate::app::training::worker::{HistoryView, Reply, TrainingCommand, take_reply};
use crate::app::widgets::style::{ERROR, MUTED};
use crate::app::widgets::{hint, sort_indicator};
use crate::app::worker::{Command, Worker};
use crate::i18n::{Arg, fmt_date, fmt_hours, t, ta};
use crate::model::{AttendanceStatus, EmployeeId};
use crate::service::attendance::{HistoryRow, status_label};

/// The columns the history can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum HistorySort {
    #[default]
    Date,
    Seminar,
    Status,
    Hours,
}

/// The history section's state. It lives in egui's memory (the employee form that shows
/// it is rebuilt after every save), so it is cheap to clone.
#[derive(Clone, Default)]
struct HistoryState {
    employee: Option<EmployeeId>,
    /// The data revision the history was asked for.
    revision: Option<u64>,
    view: Option<Arc<HistoryView>>,
    /// Where the worker puts the answer, while one is awaited.
    reply: Option<Reply<HistoryView>>,
    error: Option<String>,
    sort: HistorySort,
    /// Newest first by default.
    ascending: bool,
    /// Indices into `view.rows` in display order.
    order: Vec<usize>,
    order_key: Option<(HistorySort, bool, usize)>,
}

impl HistoryState {
    /// Asks the worker for `employee`'s history when it is missing or older than the data.
    fn load_if_stale(&mut self, employee: EmployeeId, data: &Data, worker: &mut Worker) {
        if let Some(reply) = &self.reply {
            match take_reply(reply) {
                Some(Ok(view)) => {
                    self.view = Some(Arc::new(view));
                    self.error = None;
                    self.reply = None;
                    self.order_key = None;
                }
                Some(Err(e)) => {
                    self.error = Some(e.user_message());
                    self.reply = None;
                }
                None => return,
            }
        }
        if self.employee != Some(employee) {
            self.view = None;
            self.error = None;
            self.order_key = None;
        }
        if self.employee != Some(employee) || self.revision != Some(data.revision) {
            let reply: Reply<HistoryView> = Arc::default();
            worker.send(Command::Training(TrainingCommand::LoadHistory {
                employee,
                reply: Arc::clone(&reply),
            }));
            self.reply = Some(reply);
            self.employee = Some(employee);
            self.revision = Some(data.revision);
        }
    }

    fn refresh_order(&mut self) {
        let Some(view) = &self.view else {
            self.order.clear();
            return;
        };
        let key = (self.sort, self.ascending, view.rows.len());
        if self.order_key == Some(key) {
            return;
        }
        let rows = &view.rows;
        let mut order: Vec<usize> = (0..rows.len()).collect();
        let sort = self.sort;
        order.sort_by(|&a, &b| {
            let ord = compare(&rows[a], &rows[b], sort);
            if self.ascending { ord } else { ord.reverse() }
        });
        self.order = order;
        self.order_key = Some(key);
    }
}

fn compare(a: &HistoryRow, b: &HistoryRow, sort: HistorySort) -> Ordering {
    let by_date = || a.starts_at.cmp(&b.starts_at);
    match sort {
        HistorySort::Date => by_date(),
        HistorySort::Seminar => {
            crate::text::cmp_de(&a.seminar_title, &b.seminar_title).then_with(by_date)
        }
        HistorySort::Status => status_rank(a.status)
            .cmp(&status_rank(b.status))
            .then_with(by_date),
        HistorySort::Hours => a.hours.total_cmp(&b.hours).then_with(by_date),
    }
}

/// Attended first, then partial, registered, excused, absent.
fn status_rank(status: AttendanceStatus) -> u8 {
    match status {
        AttendanceStatus::Attended => 0,
        AttendanceStatus::Partial => 1,
        AttendanceStatus::Registered => 2,
        AttendanceStatus::Excused => 3,
        AttendanceStatus::Absent => 4,
    }
}

/// Draws `employee`'s training history (a section of the employee page).
pub(crate) fn history_ui(ui: &mut Ui, employee: EmployeeId, data: &Data, worker: &mut Worker) {
    let id = Id::unique("apptr-employee-history");
    let mut state: HistoryState = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
    state.load_if_stale(employee, data, worker);
    state.refresh_order();
    section_ui(ui, &mut state);
    ui.data_mut(|d| d.insert_temp(id, state));
}

fn section_ui(ui: &mut Ui, state: &mut HistoryState) {
    ui.horizontal(|ui| {
        ui.strong(t("apptr-history-title"));
        if state.reply.is_some() {
            ui.spinner();
        }
    });
    if let Some(error) = &state.error {
        ui.label(RichText::new(error).color(ERROR));
    }
    let Some(view) = state.view.clone() else {
        return;
    };
    if view.rows.is_empty() {
        hint(ui, &t("apptr-history-none"));
        return;
    }
    ui.add_space(4.0);
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let columns = [
        (HistorySort::Date, "train-col-date"),
        (HistorySort::Seminar, "field-seminar"),
        (HistorySort::Status, "field-attendance-status"),
        (HistorySort::Hours, "field-hours"),
    ];
    TableBuilder::new(ui)
        .id_salt("employee-history")
        .striped(true)
        .vscroll(false)
        .resizable(false)
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(Column::exact(88.0))
        .column(Column::remainder().at_least(120.0).clip(true))
        .column(Column::exact(118.0).clip(true))
        .column(Column::exact(64.0))
        .header(row_height + 2.0, |mut header| {
            for (column, key) in columns {
                header.col(|ui| {
                    let active = state.sort == column;
                    let button = egui::Button::new(RichText::new(t(key)).strong()).frame(false);
                    let clicked = ui.add(button).on_hover_text(t("app-sort-hint")).clicked();
                    if active {
                        sort_indicator(ui, state.ascending);
                    }
                    if clicked {
                        if active {
                            state.ascending = !state.ascending;
                        } else {
                            state.sort = column;
                            state.ascending = column != HistorySort::Date;
                        }
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_height, state.order.len(), |mut row| {
                let Some(r) = state.order.get(row.index()).map(|&i| &view.rows[i]) else {
                    return;
                };
                let muted = !r.status.credits_hours();
                let text = |s: String| {
                    let rich = RichText::new(s);
                    if muted { rich.color(MUTED) } else { rich }
                };
                row.col(|ui| {
                    ui.label(text(fmt_date(r.date)));
                });
                row.col(|ui| {
                    let title = format!("{} {}", r.seminar_code, r.seminar_title);
                    ui.add(egui::Label::new(text(title.clone())).truncate())
                        .on_hover_text(title);
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(text(status_label(r.status))).truncate());
                });
                row.col(|ui| {
                    let hours = if r.status.credits_hours() {
                        fmt_hours(r.hours)
                    } else {
                        "–".to_owned()
                    };
                    ui.label(text(hours));
                });
            });
        });
    if !view.totals.is_empty() {
        ui.add_space(8.0);
        ui.label(RichText::new(t("apptr-history-totals")).strong());
        egui::Grid::new("employee-history-totals")
            .num_columns(2)
            .spacing([16.0, 4.0])
            .show(ui, |ui| {
                for y in view.totals.iter().rev() {
                    ui.label(y.year.to_string());
                    let mut text = ta(
                        "apptr-history-year",
                        &[
                            ("hours", Arg::from(fmt_hours(y.hours))),
                            ("completed", Arg::from(y.completed)),
                        ],
                    );
                    if y.partial > 0 {
                        text.push_str(", ");
                        text.push_str(&ta(
                            "apptr-history-partial",
                            &[("partial", Arg::from(y.partial))],
                        ));
                    }
                    ui.label(text);
                    ui.end_row();
                }
            });
    }
}
