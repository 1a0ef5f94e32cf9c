//! What a front end that stays open keeps in memory between operations — staff,
//! departments, programs, the catalogue, certificates and the attendance facts every
//! program's eligibility needs — and brings up to date after each change by reading only
//! what the change concerns (see [`Changes`]).
//!
//! After one person's attendance is saved, for instance, only that person's completions
//! are aggregated again (a few indexed queries), instead of reloading 10,000 employees
//! and 290,000 attendance rows. The results are the same as loading everything anew;
//! `tests/live.rs` compares the two after many kinds of change.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::error::Result;
use crate::model::{Certificate, Changes, Department, People, Program, Seminar};
use crate::report::{CoverageOptions, CoverageReport, ReportData, program_standing_from_facts};
use crate::rules::AttendanceFacts;
use crate::service::Database;
use crate::service::eligibility::DayFacts;
use crate::service::settings;
use crate::store::Read;
use crate::store::{DepartmentRow, EmployeeFilter, EmployeeRow, Store};

/// Above this many people, bringing their facts up to date one by one costs more than
/// reloading everybody's.
const FEW_PEOPLE: usize = 500;

/// The data an open front end keeps, on one day.
pub struct Live {
    today: NaiveDate,
    /// Every employee, leavers included, in name order.
    pub employees: Vec<EmployeeRow>,
    /// Every department with its count of active employees, by code.
    pub departments: Vec<DepartmentRow>,
    /// Every program, archived ones included, by code.
    pub programs: Vec<Program>,
    /// Every seminar, archived ones included, by code.
    pub seminars: Vec<Seminar>,
    /// Every certificate.
    pub certificates: Vec<Certificate>,
    pub organisation: String,
    pub place: String,
    /// The organizer address of calendar invitations; empty when none is set.
    pub organizer_email: String,
    /// Reports are printed as PDF/A-2b (the setting).
    pub pdfa: bool,
    /// The reminder thresholds of renewals (the settings).
    pub renewal_thresholds: crate::rules::Thresholds,
    /// The attendance facts of every program and the certificates, by employee.
    pub facts: DayFacts,
    /// What coverage is computed from (everything above but the facts), rebuilt only when
    /// one of its parts changed.
    report: Arc<ReportData>,
}

/// Which parts of [`Live`] an update replaced.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Updated {
    /// Employees or departments.
    pub people: bool,
    /// Programs or seminars.
    pub catalogue: bool,
    pub certificates: bool,
    /// Anyone's eligibility may differ.
    pub standings: bool,
    /// Organisation or place.
    pub settings: bool,
}

impl Updated {
    pub fn any(&self) -> bool {
        *self != Updated::default()
    }
}

impl Live {
    /// Loads everything on the store's today.
    pub fn load(db: &Database) -> Result<Live> {
        let store = db.store();
        let today = store.today();
        let programs = store.programs()?;
        let seminars = store.seminars()?;
        let certificates = store.certificates()?;
        let mut live = Live {
            today,
            employees: employee_rows(store)?,
            departments: store.department_rows()?,
            facts: DayFacts::load_with(db, &programs, &seminars, certificates.clone(), today)?,
            programs,
            seminars,
            certificates,
            organisation: store.setting(settings::ORGANISATION)?.unwrap_or_default(),
            place: store.setting(settings::PLACE)?.unwrap_or_default(),
            organizer_email: store
                .setting(settings::ORGANIZER_EMAIL)?
                .unwrap_or_default(),
            pdfa: settings::pdfa_in(store)?,
            renewal_thresholds: settings::renewal_thresholds_in(store)?,
            report: Arc::default(),
        };
        live.report = Arc::new(live.build_report_data());
        Ok(live)
    }

    /// The day the data is for.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// Brings the data up to date after `changes` (and to a new day, when the store's
    /// today moved on: then everything is loaded again). Returns what was replaced.
    pub fn update(&mut self, db: &Database, changes: &Changes) -> Result<Updated> {
        let store = db.store();
        if store.today() != self.today {
            *self = Live::load(db)?;
            return Ok(Updated {
                people: true,
                catalogue: true,
                certificates: true,
                standings: true,
                settings: true,
            });
        }
        let mut updated = Updated::default();
        if changes.employees || changes.departments {
            self.employees = employee_rows(store)?;
            self.departments = store.department_rows()?;
            updated.people = true;
        }
        if changes.programs || changes.seminars {
            self.programs = store.programs()?;
            self.seminars = store.seminars()?;
            updated.catalogue = true;
        }
        if changes.certificates {
            self.certificates = store.certificates()?;
            updated.certificates = true;
        }
        if changes.settings {
            self.organisation = store.setting(settings::ORGANISATION)?.unwrap_or_default();
            self.place = store.setting(settings::PLACE)?.unwrap_or_default();
            self.organizer_email = store
                .setting(settings::ORGANIZER_EMAIL)?
                .unwrap_or_default();
            self.pdfa = settings::pdfa_in(store)?;
            self.renewal_thresholds = settings::renewal_thresholds_in(store)?;
            updated.settings = true;
        }
        // Eligibility depends on attendance, certificates, the programs' requirements,
        // the seminars' topics and the sessions' dates; the people's own records only
        // decide who is active, which the standings read from `employees`.
        let everyone = changes.programs
            || changes.seminars
            || (changes.sessions && changes.people == People::Everyone);
        let facts_changed = changes.attendance || changes.certificates;
        let reload_facts = |live: &Live| {
            DayFacts::load_with(
                db,
                &live.programs,
                &live.seminars,
                live.certificates.clone(),
                live.today,
            )
        };
        if everyone {
            self.facts = reload_facts(self)?;
            updated.standings = true;
        } else if facts_changed || changes.employees {
            match &changes.people {
                People::Some(ids) if ids.len() <= FEW_PEOPLE => {
                    let ids: Vec<_> = ids.iter().copied().collect();
                    self.facts.refresh(
                        db,
                        &self.programs,
                        &self.seminars,
                        &self.certificates,
                        &ids,
                    )?;
                }
                People::None if !facts_changed => {}
                _ => self.facts = reload_facts(self)?,
            }
            updated.standings = true;
        }
        if updated.people || updated.catalogue || updated.certificates || updated.settings {
            self.report = Arc::new(self.build_report_data());
        }
        Ok(updated)
    }

    /// The data a coverage report is computed from, without attendance (the standings
    /// come from [`Live::facts`]).
    pub fn report_data(&self) -> Arc<ReportData> {
        Arc::clone(&self.report)
    }

    fn build_report_data(&self) -> ReportData {
        let mut data = ReportData::new(
            self.organisation.clone(),
            self.departments
                .iter()
                .map(|d| d.department.clone())
                .collect::<Vec<Department>>(),
            self.employees.clone(),
            self.programs.clone(),
            self.seminars.clone(),
            Vec::new(),
            self.certificates.clone(),
        );
        data.pdfa = self.pdfa;
        data
    }

    /// Coverage on the day loaded, as `service::reports::coverage` computes it from the
    /// database (the options' date is taken to be that day).
    pub fn coverage(&self, data: &ReportData, options: &CoverageOptions) -> CoverageReport {
        let none = AttendanceFacts::default();
        crate::report::coverage_with(data, options, |i, employee, program| {
            let attendance = self
                .facts
                .attendance_of(program.id)
                .and_then(|m| m.get(&employee.id))
                .unwrap_or(&none);
            program_standing_from_facts(
                program,
                employee,
                attendance,
                data.certificates_of(i),
                self.today,
            )
        })
    }
}

fn employee_rows(store: &Store) -> Result<Vec<EmployeeRow>> {
    store.employee_rows(&EmployeeFilter {
        department: None,
        include_leavers: true,
    })
}
