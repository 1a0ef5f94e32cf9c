//! "Bedarf & Planung": which seminars of a program how many people still lack (by
//! department), and registering those who need one for a future session in one step —
//! within its capacity, the rest onto its waiting list.
//!
//! The needs are computed on the worker from the facts it keeps in memory
//! ([`crate::service::live::Live`]; a few milliseconds over 10,000 employees, but never
//! on the UI thread) and cached here by data revision, program and department.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use egui::{RichText, ScrollArea, Ui};

use crate::app::data::Data;
use crate::app::widgets::{department_combo, error_label, hint, primary_button, write_button};
use crate::app::worker::{Command, Outcome, Ticket, Worker};
use crate::error::{Error, Result};
use crate::i18n::{Arg, fmt_session, t, ta};
use crate::model::{DepartmentId, EmployeeId, ProgramId, SeminarId, SessionId};
use crate::service::Database;
use crate::service::live::Live;
use crate::service::needs::{self, NeedsReport};
use crate::service::planning::{self, Registration};

/// What the screen asks the worker.
pub(crate) enum NeedsCommand {
    /// The needs of a program (in a department's subtree).
    Compute {
        program: ProgramId,
        department: Option<DepartmentId>,
    },
    /// Register people for a session (the rest onto its waiting list).
    Register {
        session: SessionId,
        employees: Vec<EmployeeId>,
    },
    /// Seats taken and people waiting at these sessions, counted as the roster counts.
    Places(Vec<SessionId>),
}

/// What the worker answers.
pub(crate) enum NeedsOutcome {
    Report(Arc<NeedsReport>),
    Registered(Registration),
    Places(HashMap<SessionId, Places>),
}

/// A session's seats taken (all roster rows but the excused ones) and waiting list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Places {
    pub taken: usize,
    pub waiting: usize,
}

/// Runs `command` on the worker thread, from the facts `live` keeps.
pub(crate) fn run(
    database: &mut Database,
    live: Option<&Live>,
    command: NeedsCommand,
) -> Result<Outcome> {
    match command {
        NeedsCommand::Compute {
            program,
            department,
        } => {
            let live = live.ok_or_else(|| Error::Message(t("needs-loading")))?;
            let program = live
                .programs
                .iter()
                .find(|p| p.id == program)
                .ok_or_else(|| Error::NotFound {
                    what: format!("program {program}"),
                })?;
            let departments: Vec<_> = live
                .departments
                .iter()
                .map(|d| d.department.clone())
                .collect();
            let computed = needs::compute(
                program,
                &live.seminars,
                &live.employees,
                &departments,
                &live.facts,
                department,
            );
            let report = needs::report(
                program,
                &live.seminars,
                &departments,
                &live.programs,
                department,
                computed,
            );
            Ok(Outcome::Needs(NeedsOutcome::Report(Arc::new(report))))
        }
        NeedsCommand::Register { session, employees } => {
            planning::register(database, session, &employees)
                .map(|r| Outcome::Needs(NeedsOutcome::Registered(r)))
        }
        NeedsCommand::Places(sessions) => {
            let mut places = HashMap::new();
            for id in sessions {
                let sheet = crate::service::attendance::roster_sheet(database, id)?;
                places.insert(
                    id,
                    Places {
                        taken: sheet.seats_taken,
                        waiting: sheet.waitlist.len(),
                    },
                );
            }
            Ok(Outcome::Needs(NeedsOutcome::Places(places)))
        }
    }
}

/// What the shown needs were computed for.
type ReportKey = (u64, ProgramId, Option<DepartmentId>);

/// Which sessions' places were counted, at which data revision.
type PlacesKey = (u64, Vec<SessionId>);

/// The state of the screen.
#[derive(Default)]
pub(crate) struct NeedsState {
    pub program: Option<ProgramId>,
    pub department: Option<DepartmentId>,
    report: Option<(ReportKey, Arc<NeedsReport>)>,
    pending: Option<(Ticket, ReportKey)>,
    selected: Option<SeminarId>,
    /// The people ticked for registering (all who need the selected seminar at first).
    ticked: HashSet<EmployeeId>,
    session: Option<SessionId>,
    register_pending: Option<Ticket>,
    /// Seats taken and waiting lists of the sessions listed, at a data revision.
    places: Option<(PlacesKey, HashMap<SessionId, Places>)>,
    places_pending: Option<(Ticket, PlacesKey)>,
    /// The answer to the last registration.
    answer: Option<String>,
    error: Option<String>,
}

/// What the screen asks of the app around it.
pub(crate) enum NeedsAction {
    /// Open the sessions of this seminar with the form for a new one.
    NewSession(SeminarId),
}

impl NeedsState {
    /// Whether a computation or registration is on its way.
    pub fn is_busy(&self) -> bool {
        self.pending.is_some() || self.register_pending.is_some() || self.places_pending.is_some()
    }

    /// Takes the worker's answer to one of this screen's commands; hands others back.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
    ) -> Option<Result<Outcome>> {
        if let Some((pending, key)) = self.pending
            && pending == ticket
        {
            self.pending = None;
            match result {
                Ok(Outcome::Needs(NeedsOutcome::Report(report))) => {
                    self.report = Some((key, report));
                    self.tick_all();
                }
                Ok(_) => {}
                Err(e) => self.error = Some(e.user_message()),
            }
            return None;
        }
        if let Some((pending, key)) = &self.places_pending
            && *pending == ticket
        {
            let key = key.clone();
            self.places_pending = None;
            match result {
                Ok(Outcome::Needs(NeedsOutcome::Places(places))) => {
                    self.places = Some((key, places));
                }
                Ok(_) => {}
                Err(e) => self.error = Some(e.user_message()),
            }
            return None;
        }
        if self.register_pending == Some(ticket) {
            self.register_pending = None;
            match result {
                Ok(Outcome::Needs(NeedsOutcome::Registered(r))) => {
                    self.answer = Some(r.sentence());
                    self.error = None;
                }
                Ok(_) => {}
                Err(e) => self.error = Some(e.user_message()),
            }
            return None;
        }
        Some(result)
    }

    /// Asks for the needs when the data, program or department changed.
    fn compute_if_stale(&mut self, data: &Data, worker: &mut Worker) {
        let Some(program) = self.program else {
            return;
        };
        let key = (data.revision, program, self.department);
        let shown = self.report.as_ref().map(|(k, _)| *k);
        let asked = self.pending.map(|(_, k)| k);
        if shown != Some(key) && asked != Some(key) && self.register_pending.is_none() {
            let ticket = worker.send(Command::Needs(NeedsCommand::Compute {
                program,
                department: self.department,
            }));
            self.pending = Some((ticket, key));
        }
    }

    /// Ticks everyone who needs the selected seminar.
    fn tick_all(&mut self) {
        self.ticked.clear();
        if let (Some(seminar), Some((_, report))) = (self.selected, &self.report)
            && let Some(need) = report.needs.seminars.iter().find(|n| n.seminar == seminar)
        {
            self.ticked.extend(need.needed_by.iter().copied());
        }
    }
}

/// Draws the screen.
pub(crate) fn needs_ui(
    ui: &mut Ui,
    state: &mut NeedsState,
    data: &Data,
    worker: &mut Worker,
) -> Option<NeedsAction> {
    let mut action = None;
    if state.program.is_none() {
        // The main program of the house first: of those not archived, the one most people
        // hold (on a tie the first).
        state.program = data
            .certs
            .programs
            .iter()
            .filter(|p| !p.program.archived)
            .fold(
                None::<&crate::app::certificates::worker::ProgramView>,
                |best, p| match best {
                    Some(b) if b.certified >= p.certified => Some(b),
                    _ => Some(p),
                },
            )
            .map(|p| p.program.id);
    }
    ui.heading(t("needs-screen-title"));
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let label = ui.label(t("needs-program"));
        let before = (state.program, state.department);
        let chosen = state
            .program
            .and_then(|id| data.certs.program(id))
            .map(|p| p.title().to_owned())
            .unwrap_or_default();
        egui::ComboBox::from_id_salt("needs-program")
            .selected_text(chosen)
            .width(260.0)
            .show_ui(ui, |ui| {
                for p in data.certs.programs.iter().filter(|p| !p.program.archived) {
                    ui.selectable_value(&mut state.program, Some(p.program.id), p.title());
                }
            })
            .response
            .labelled_by(label.id);
        ui.add_space(12.0);
        let label = ui.label(t("needs-department"));
        department_combo(
            ui,
            "needs-department",
            &data.departments,
            &mut state.department,
            &t("needs-all-departments"),
            true,
            None,
        )
        .labelled_by(label.id);
        if (state.program, state.department) != before {
            state.selected = None;
            state.session = None;
            state.answer = None;
            state.error = None;
        }
        if state.is_busy() {
            ui.spinner();
        }
    });
    ui.add_space(8.0);
    state.compute_if_stale(data, worker);
    if let Some(error) = &state.error {
        error_label(ui, error);
    }
    if let Some(answer) = &state.answer {
        ui.label(RichText::new(answer).strong());
    }
    let Some(program) = state.program else {
        hint(ui, &t("needs-choose-program"));
        return None;
    };
    let Some((key, report)) = state.report.clone() else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(t("needs-loading"));
        });
        return None;
    };
    if key.1 != program {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(t("needs-loading"));
        });
        return None;
    }
    ui.label(report.summary());
    for p in &report.needs.prerequisites {
        ui.label(report.prerequisite_sentence(p));
    }
    ui.add_space(6.0);
    if report.needs.seminars.is_empty() {
        hint(ui, &t("needs-nothing"));
        return None;
    }
    let before = state.selected;
    ScrollArea::vertical()
        .id_salt("needs-seminars")
        // Most of the screen until a seminar is chosen; then room for its people below.
        .max_height(if state.selected.is_some() {
            ui.available_height() * 0.4
        } else {
            (ui.available_height() - 40.0).max(120.0)
        })
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("needs-seminars-grid")
                .striped(true)
                .num_columns(4)
                .show(ui, |ui| {
                    for k in [
                        "needs-col-seminar",
                        "needs-col-needed",
                        "needs-col-eligible",
                        "needs-col-departments",
                    ] {
                        ui.strong(t(k));
                    }
                    ui.end_row();
                    for need in &report.needs.seminars {
                        let selected = state.selected == Some(need.seminar);
                        if ui
                            .selectable_label(selected, &need.title)
                            .on_hover_text(report.seminar_sentence(need))
                            .clicked()
                        {
                            state.selected = Some(need.seminar);
                        }
                        ui.label(need.needed_by.len().to_string());
                        ui.label(need.would_become_eligible.len().to_string());
                        let departments = report.top_departments(need, 3);
                        ui.add(egui::Label::new(&departments).truncate())
                            .on_hover_text(&departments);
                        ui.end_row();
                    }
                });
        });
    if state.selected != before {
        state.session = None;
        state.answer = None;
        state.tick_all();
    }
    ui.separator();
    let Some(need) = state
        .selected
        .and_then(|s| report.needs.seminars.iter().find(|n| n.seminar == s))
    else {
        hint(ui, &t("needs-choose-seminar"));
        return None;
    };
    ui.label(report.seminar_sentence(need));
    ui.add_space(4.0);
    ui.columns(2, |columns| {
        people_ui(&mut columns[0], state, data, need);
        action = sessions_ui(&mut columns[1], state, data, worker, need.seminar);
    });
    action
}

/// The people who need the seminar, with their checkboxes.
fn people_ui(ui: &mut Ui, state: &mut NeedsState, data: &Data, need: &crate::rules::SeminarNeed) {
    ui.strong(ta(
        "needs-people-heading",
        &[
            ("seminar", Arg::from(&need.title)),
            ("count", Arg::from(need.needed_by.len())),
        ],
    ));
    ui.horizontal(|ui| {
        if ui.small_button(t("needs-select-all")).clicked() {
            state.ticked.extend(need.needed_by.iter().copied());
        }
        if ui.small_button(t("needs-select-none")).clicked() {
            state.ticked.clear();
        }
    });
    let ready: HashSet<EmployeeId> = need.would_become_eligible.iter().copied().collect();
    ScrollArea::vertical()
        .id_salt("needs-people")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for id in &need.needed_by {
                let Some(view) = data.employee(*id) else {
                    continue;
                };
                let e = &view.row.employee;
                let mut text =
                    format!("{}, {} ({})", e.last_name, e.first_name, e.personnel_number);
                if !view.department_label.is_empty() {
                    text.push_str(&format!(" – {}", view.department_label));
                }
                if ready.contains(id) {
                    text.push_str(" ★");
                }
                let mut ticked = state.ticked.contains(id);
                if ui.checkbox(&mut ticked, text).changed() {
                    if ticked {
                        state.ticked.insert(*id);
                    } else {
                        state.ticked.remove(id);
                    }
                }
            }
        });
}

/// The seminar's future sessions with their free places, "Anmelden" and "Neuen Termin anlegen".
fn sessions_ui(
    ui: &mut Ui,
    state: &mut NeedsState,
    data: &Data,
    worker: &mut Worker,
    seminar: SeminarId,
) -> Option<NeedsAction> {
    let mut action = None;
    ui.strong(t("needs-sessions-heading"));
    let future: Vec<_> = data
        .training
        .sessions
        .iter()
        .filter(|s| s.row.session.seminar_id == seminar && s.row.session.starts_after(data.today))
        .collect();
    if future.is_empty() {
        hint(ui, &t("needs-no-sessions"));
    }
    // The places as the roster counts them, asked for when the data changed.
    let key = (
        data.revision,
        future.iter().map(|s| s.row.session.id).collect::<Vec<_>>(),
    );
    let known = state
        .places
        .as_ref()
        .filter(|(k, _)| *k == key)
        .map(|(_, p)| p);
    if known.is_none()
        && !future.is_empty()
        && state.places_pending.as_ref().is_none_or(|(_, k)| *k != key)
    {
        let ticket = worker.send(Command::Needs(NeedsCommand::Places(key.1.clone())));
        state.places_pending = Some((ticket, key.clone()));
    }
    let places_of = state
        .places
        .as_ref()
        .map(|(_, p)| p.clone())
        .unwrap_or_default();
    for s in &future {
        let session = &s.row.session;
        let counted = places_of.get(&session.id).copied().unwrap_or(Places {
            taken: usize::try_from(s.row.participants).unwrap_or(0),
            waiting: 0,
        });
        let mut places = match session.capacity {
            Some(c) => ta(
                "needs-free",
                &[(
                    "free",
                    Arg::from((c as usize).saturating_sub(counted.taken)),
                )],
            ),
            None => t("needs-unlimited"),
        };
        if counted.waiting > 0 {
            places.push_str(&format!(
                ", {}",
                ta("needs-waiting", &[("count", Arg::from(counted.waiting))])
            ));
        }
        let mut text = fmt_session(session.starts_at, session.ends_at);
        if !session.location.is_empty() {
            text.push_str(&format!(", {}", session.location));
        }
        text.push_str(&format!(" – {places}"));
        ui.radio_value(&mut state.session, Some(session.id), text);
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let can =
            state.session.is_some() && !state.ticked.is_empty() && state.register_pending.is_none();
        let register = ui.add_enabled(
            can && crate::app::widgets::may_write(ui),
            primary_button(t("needs-register")),
        );
        if register.on_hover_text(t("needs-register-hint")).clicked()
            && let Some(session) = state.session
        {
            // In name order, as the list above shows them: the waiting list follows it.
            let employees: Vec<EmployeeId> = data
                .employees
                .iter()
                .map(|e| e.row.employee.id)
                .filter(|id| state.ticked.contains(id))
                .collect();
            state.answer = None;
            state.error = None;
            state.register_pending = Some(worker.send(Command::Needs(NeedsCommand::Register {
                session,
                employees,
            })));
        }
        if write_button(ui, true, t("needs-new-session"))
            .on_hover_text(t("needs-new-session-hint"))
            .clicked()
        {
            action = Some(NeedsAction::NewSession(seminar));
        }
    });
    action
}
