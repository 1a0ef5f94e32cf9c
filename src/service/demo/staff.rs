//! The sample staff: who works where since when, their personnel numbers and e-mail
//! addresses.

use std::collections::HashSet;

use chrono::{Datelike, Days, Months, NaiveDate};
use rand::Rng;
use rand::seq::IndexedRandom;

use super::data::{
    CLERK, FEMALE_NAMES, LAST_NAMES, MAIL_DOMAIN, MALE_NAMES, NEUTRAL_NAMES, TRAINEE, UNITS,
    gendered, head_title,
};
use super::{PlanEmployee, Planner};
use crate::model::{EmployeeInput, Salutation};

impl Planner {
    pub(super) fn plan_employees(&mut self) -> Vec<PlanEmployee> {
        let n = self.employees_wanted;
        let weights: Vec<f64> = UNITS.iter().map(|u| u.weight).collect();
        let with_heads = n >= UNITS.len() * 3;
        let mut out: Vec<PlanEmployee> = Vec::with_capacity(n);
        let mut entries: Vec<NaiveDate> = Vec::with_capacity(n);
        for i in 0..n {
            let head = with_heads && i < UNITS.len();
            let unit = if head {
                i
            } else {
                self.weighted(&weights).unwrap_or(0)
            };
            let spec = &UNITS[unit];
            let profile = spec.kind.profile();
            let salutation = if self.chance(0.02) {
                Salutation::Neutral
            } else if self.chance(profile.female) {
                Salutation::Female
            } else {
                Salutation::Male
            };
            let first_name = match salutation {
                Salutation::Female => FEMALE_NAMES.choose(&mut self.rng),
                Salutation::Male => MALE_NAMES.choose(&mut self.rng),
                Salutation::Neutral => NEUTRAL_NAMES.choose(&mut self.rng),
            }
            .copied()
            .unwrap_or("Kim");
            let last_name = self.last_name();
            let trainee = !head && spec.kind.has_trainees() && self.chance(0.04);
            let entry = self.entry_date(head, trainee);
            let exit = if !head && self.chance(0.042) {
                self.exit_date(entry)
            } else {
                None
            };
            let job = if head {
                head_title(spec)
            } else if trainee {
                TRAINEE
            } else {
                spec.jobs.choose(&mut self.rng).copied().unwrap_or(CLERK)
            };
            let has_mail = self.chance(profile.mail);
            let appetite = profile.appetite * (0.35 + 1.3 * self.rng.random::<f64>());
            entries.push(entry);
            out.push(PlanEmployee {
                input: EmployeeInput {
                    personnel_number: String::new(),
                    first_name: first_name.to_owned(),
                    last_name,
                    salutation,
                    email: String::new(),
                    department_id: None,
                    job_title: gendered(job, salutation).to_owned(),
                    entry_date: Some(entry),
                    exit_date: exit,
                },
                unit,
                has_mail,
                appetite: if head { appetite.max(1.0) } else { appetite },
            });
        }
        self.personnel_numbers(&mut out, &entries);
        assign_emails(&mut out);
        out
    }

    pub(super) fn last_name(&mut self) -> String {
        let first = LAST_NAMES
            .choose(&mut self.rng)
            .copied()
            .unwrap_or("Müller");
        if self.chance(0.04) {
            let second = LAST_NAMES
                .choose(&mut self.rng)
                .copied()
                .unwrap_or("Schmidt");
            if second != first && !first.contains([' ', '-']) && !second.contains([' ', '-']) {
                return format!("{first}-{second}");
            }
        }
        first.to_owned()
    }

    /// Entry dates over four decades, more of them recent; mostly on the first of a month,
    /// trainees on the 1st of August.
    pub(super) fn entry_date(&mut self, head: bool, trainee: bool) -> NaiveDate {
        let latest = self.today.pred_opt().unwrap_or(self.today);
        if trainee {
            let years_back = self.rng.random_range(0..3);
            let mut year = self.today.year() - years_back;
            loop {
                match NaiveDate::from_ymd_opt(year, 8, 1) {
                    Some(d) if d <= latest => return d,
                    Some(_) => year -= 1,
                    None => return latest,
                }
            }
        }
        let years: f64 = if head {
            8.0 + 25.0 * self.rng.random::<f64>()
        } else {
            40.0 * self.rng.random::<f64>().powf(1.25)
        };
        let days = (years * 365.25) as u64 + 1;
        let mut entry = latest.checked_sub_days(Days::new(days)).unwrap_or(latest);
        if self.chance(0.85) {
            entry = entry.with_day(1).unwrap_or(entry);
        }
        entry.min(latest)
    }

    /// An exit date within the history, at least two months after entry; mostly at a
    /// month's end. `None` for someone who joined too recently to have left.
    pub(super) fn exit_date(&mut self, entry: NaiveDate) -> Option<NaiveDate> {
        let lo = (entry + Days::new(60)).max(self.start);
        let hi = self.today.checked_sub_days(Days::new(1))?;
        if lo >= hi {
            return None;
        }
        let mut exit = self.day_between(lo, hi);
        if self.chance(0.7)
            && let Some(month_end) = exit
                .with_day(1)
                .and_then(|d| d.checked_add_months(Months::new(1)))
                .and_then(|d| d.pred_opt())
            && month_end <= hi
        {
            exit = month_end;
        }
        Some(exit)
    }

    /// Six-digit personnel numbers, rising with the entry date, with gaps like real ones.
    pub(super) fn personnel_numbers(
        &mut self,
        employees: &mut [PlanEmployee],
        entries: &[NaiveDate],
    ) {
        let n = employees.len().max(1);
        let step = (800_000 / n).clamp(1, 1_000);
        let mut order: Vec<usize> = (0..employees.len()).collect();
        order.sort_by_key(|&i| (entries[i], i));
        for (rank, &i) in order.iter().enumerate() {
            let number = 100_000 + rank * step + self.rng.random_range(0..step);
            employees[i].input.personnel_number = format!("{number:06}");
        }
    }
}

/// firstname.lastname@porta-westfalica.de, transliterated, with a number where taken.
pub(super) fn assign_emails(employees: &mut [PlanEmployee]) {
    let mut taken: HashSet<String> = HashSet::new();
    for e in employees.iter_mut() {
        if !e.has_mail {
            continue;
        }
        let local = format!(
            "{}.{}",
            mail_part(&e.input.first_name),
            mail_part(&e.input.last_name)
        );
        let mut candidate = local.clone();
        let mut n = 1;
        while taken.contains(&candidate) {
            n += 1;
            candidate = format!("{local}{n}");
        }
        taken.insert(candidate.clone());
        e.input.email = format!("{candidate}@{MAIL_DOMAIN}");
    }
}

/// A name as it appears in an e-mail address: lower case, ä → ae, ß → ss, accents dropped
/// ([`crate::text::fold_spelled`]), spaces as hyphens.
pub(super) fn mail_part(name: &str) -> String {
    crate::text::fold_spelled(name)
        .chars()
        .filter_map(|c| match c {
            ' ' | '-' => Some('-'),
            c if c.is_ascii_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}
