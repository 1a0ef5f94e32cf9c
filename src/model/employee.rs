use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::validation::{Field, Invalid, check_email, clean_optional, clean_required};
use super::{DepartmentId, EmployeeId};
use crate::i18n::{Lang, t, tr_in};

/// Form of address; it picks the gendered form of a certificate title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Salutation {
    Female,
    Male,
    #[default]
    Neutral,
}

impl Salutation {
    pub const ALL: [Salutation; 3] = [Salutation::Female, Salutation::Male, Salutation::Neutral];

    /// The value stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Salutation::Female => "female",
            Salutation::Male => "male",
            Salutation::Neutral => "neutral",
        }
    }

    pub fn from_code(code: &str) -> Option<Salutation> {
        match code {
            "female" => Some(Salutation::Female),
            "male" => Some(Salutation::Male),
            "neutral" => Some(Salutation::Neutral),
            _ => None,
        }
    }

    /// Reads a form of address as payroll exports write it: "Frau", "Herr", "divers", "Mr", "Ms", "w", "m", "d"…
    pub fn parse(text: &str) -> Option<Salutation> {
        let s = text.trim().trim_end_matches('.').to_lowercase();
        match s.as_str() {
            "frau" | "fr" | "w" | "weiblich" | "f" | "female" | "ms" | "mrs" | "miss" => {
                Some(Salutation::Female)
            }
            "herr" | "hr" | "m" | "männlich" | "maennlich" | "male" | "mr" => {
                Some(Salutation::Male)
            }
            "" | "divers" | "d" | "x" | "neutral" | "mx" | "keine angabe" | "none" => {
                Some(Salutation::Neutral)
            }
            _ => Salutation::from_label(text.trim()),
        }
    }

    /// The form of address whose label (in either language) is `text`, ignoring case; the
    /// employee export writes these labels, so an export can be imported again.
    fn from_label(text: &str) -> Option<Salutation> {
        let text = text.to_lowercase();
        Lang::ALL.into_iter().find_map(|lang| {
            Salutation::ALL
                .into_iter()
                .find(|s| tr_in(lang, s.label_key(), &[]).to_lowercase() == text)
        })
    }

    fn label_key(self) -> &'static str {
        match self {
            Salutation::Female => "salutation-female",
            Salutation::Male => "salutation-male",
            Salutation::Neutral => "salutation-neutral",
        }
    }

    /// The label in the current language.
    pub fn label(self) -> String {
        t(self.label_key())
    }
}

/// A member of staff. Leavers keep their record (and history) with an exit date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Employee {
    pub id: EmployeeId,
    pub personnel_number: String,
    pub first_name: String,
    pub last_name: String,
    pub salutation: Salutation,
    pub email: Option<String>,
    pub department_id: Option<DepartmentId>,
    pub job_title: Option<String>,
    pub entry_date: Option<NaiveDate>,
    pub exit_date: Option<NaiveDate>,
    /// Grows with every change of the stored record; a form saves only over the version
    /// it loaded (see `service::conflict`).
    #[serde(default)]
    pub version: i64,
}

impl Employee {
    /// "First Last".
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }

    /// Employed on `date`: entered on or before it (or no entry date known) and not left.
    pub fn is_employed_on(&self, date: NaiveDate) -> bool {
        self.entry_date.is_none_or(|entry| entry <= date) && self.is_active_on(date)
    }

    /// Active on `date`: no exit date, or one after `date`.
    pub fn is_active_on(&self, date: NaiveDate) -> bool {
        self.exit_date.is_none_or(|exit| exit > date)
    }

    pub fn input(&self) -> EmployeeInput {
        EmployeeInput {
            personnel_number: self.personnel_number.clone(),
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            salutation: self.salutation,
            email: self.email.clone().unwrap_or_default(),
            department_id: self.department_id,
            job_title: self.job_title.clone().unwrap_or_default(),
            entry_date: self.entry_date,
            exit_date: self.exit_date,
        }
    }
}

/// What a user enters to add or edit an employee.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EmployeeInput {
    pub personnel_number: String,
    pub first_name: String,
    pub last_name: String,
    pub salutation: Salutation,
    pub email: String,
    pub department_id: Option<DepartmentId>,
    pub job_title: String,
    pub entry_date: Option<NaiveDate>,
    pub exit_date: Option<NaiveDate>,
}

/// An employee's fields after validation: trimmed, optional ones as `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidEmployee {
    pub personnel_number: String,
    pub first_name: String,
    pub last_name: String,
    pub salutation: Salutation,
    pub email: Option<String>,
    pub department_id: Option<DepartmentId>,
    pub job_title: Option<String>,
    pub entry_date: Option<NaiveDate>,
    pub exit_date: Option<NaiveDate>,
}

impl EmployeeInput {
    /// The input trimmed and checked on its own; uniqueness needs the store.
    pub fn validated(&self) -> Result<ValidEmployee, Vec<Invalid>> {
        let mut problems = Vec::new();
        let personnel_number = clean_required(
            &self.personnel_number,
            Field::PersonnelNumber,
            &mut problems,
        );
        let first_name = clean_required(&self.first_name, Field::FirstName, &mut problems);
        let last_name = clean_required(&self.last_name, Field::LastName, &mut problems);
        let email = clean_optional(Some(&self.email), Field::Email, &mut problems);
        if let Some(e) = &email
            && !check_email(e)
        {
            problems.push(Invalid::EmailImplausible);
        }
        let job_title = clean_optional(Some(&self.job_title), Field::JobTitle, &mut problems);
        if let (Some(entry), Some(exit)) = (self.entry_date, self.exit_date)
            && exit < entry
        {
            problems.push(Invalid::ExitBeforeEntry);
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(ValidEmployee {
            personnel_number,
            first_name,
            last_name,
            salutation: self.salutation,
            email,
            department_id: self.department_id,
            job_title,
            entry_date: self.entry_date,
            exit_date: self.exit_date,
        })
    }
}
