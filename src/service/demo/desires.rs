//! Who wants to attend what: the programs' paths through the catalogue and the free
//! choices besides them.

use chrono::{Days, Months, NaiveDate};
use rand::Rng;
use rand::seq::SliceRandom;

use super::data::{PLAN_MONTHS, Role, SEMINARS, UNITS, role_seminars};
use super::{
    Desire, FREE_ELEARNING, FREE_IN_PERSON, FREE_WEBINARS, Path, PlanEmployee, Planner,
    SERIES_MONTHLY,
};
use crate::model::SeminarFormat;

impl Planner {
    /// The days someone is employed within the planned period, or `None`.
    pub(super) fn employed(&self, e: &PlanEmployee) -> Option<(NaiveDate, NaiveDate)> {
        let lo = e.input.entry_date.unwrap_or(self.start).max(self.start);
        let hi = e
            .input
            .exit_date
            .and_then(|d| d.pred_opt())
            .unwrap_or(self.end)
            .min(self.end);
        (lo + Days::new(7) <= hi).then_some((lo, hi))
    }

    /// The years of the compulsory trainings: twelve months each, the last one ending with
    /// the plan, the first one cut off by the start of the history.
    pub(super) fn compliance_years(&self) -> Vec<(NaiveDate, NaiveDate)> {
        let mut years = Vec::new();
        let mut hi = self.end;
        let mut back = 1;
        loop {
            let lo = self
                .today
                .checked_sub_months(Months::new(12 * back))
                .unwrap_or(self.start)
                .max(self.start);
            years.push((lo, hi));
            if lo <= self.start {
                break;
            }
            hi = lo.pred_opt().unwrap_or(lo);
            back += 1;
        }
        years.reverse();
        years
    }

    pub(super) fn plan_desires(&mut self, employees: &[PlanEmployee]) -> (Vec<Path>, Vec<Desire>) {
        let mut paths = Vec::new();
        let mut desires = Vec::new();
        let period = (self.end - self.start).num_days().max(1) as f64;
        let years = self.compliance_years();
        for (i, e) in employees.iter().enumerate() {
            let Some((lo, hi)) = self.employed(e) else {
                continue;
            };
            let unit = &UNITS[e.unit];
            let profile = unit.kind.profile();
            let share = (hi - lo).num_days() as f64 / period;
            let has_mail = e.has_mail;

            // Yearly compulsory e-learning.
            let compliance = if has_mail { profile.compliance } else { 0.35 };
            for (s, spec) in SEMINARS.iter().enumerate() {
                if spec.role != Role::Mandatory {
                    continue;
                }
                for &(y_lo, y_hi) in &years {
                    let (w_lo, w_hi) = (y_lo.max(lo), y_hi.min(hi));
                    // A year only partly in the history: as likely as the part seen.
                    let seen = ((y_hi - y_lo).num_days() as f64 / 365.0).min(1.0);
                    if w_lo + Days::new(30) <= w_hi && self.chance(compliance * seen) {
                        let preferred = self.day_between(w_lo, w_hi);
                        desires.push(Desire {
                            employee: i,
                            seminar: s,
                            preferred,
                            lo: w_lo,
                            hi: w_hi,
                        });
                    }
                }
            }

            // The monthly livestream series.
            for (s, spec) in SEMINARS.iter().enumerate() {
                if spec.role != Role::Series {
                    continue;
                }
                let (o_lo, o_hi) = self.offered(spec);
                for month in 0..PLAN_MONTHS {
                    let m_lo = self.month_start(month).max(lo).max(o_lo);
                    let m_hi = self
                        .month_start(month + 1)
                        .pred_opt()
                        .unwrap_or(m_lo)
                        .min(hi)
                        .min(o_hi);
                    if m_lo <= m_hi && self.chance(SERIES_MONTHLY * e.appetite * spec.popularity) {
                        desires.push(Desire {
                            employee: i,
                            seminar: s,
                            preferred: m_lo,
                            lo: m_lo,
                            hi: m_hi,
                        });
                    }
                }
            }

            // Freely chosen seminars, webinars and e-learning courses.
            for (format, mean) in [
                (SeminarFormat::Webinar, FREE_WEBINARS),
                (SeminarFormat::Elearning, FREE_ELEARNING),
                (SeminarFormat::InPerson, FREE_IN_PERSON),
            ] {
                let count = self.poisson(mean * e.appetite * share);
                let mut weights: Vec<f64> = SEMINARS
                    .iter()
                    .map(|spec| {
                        if spec.role != Role::General || spec.format != format {
                            return 0.0;
                        }
                        let (o_lo, o_hi) = self.offered(spec);
                        if o_lo.max(lo) + Days::new(14) > o_hi.min(hi) {
                            return 0.0;
                        }
                        let boost = if spec.affinity.iter().any(|p| unit.code.starts_with(p)) {
                            5.0
                        } else {
                            1.0
                        };
                        spec.popularity * boost
                    })
                    .collect();
                for _ in 0..count {
                    let Some(s) = self.weighted(&weights) else {
                        break;
                    };
                    weights[s] = 0.0;
                    let (o_lo, o_hi) = self.offered(&SEMINARS[s]);
                    let (w_lo, w_hi) = (o_lo.max(lo), o_hi.min(hi));
                    let preferred = self.day_between(w_lo, w_hi);
                    desires.push(Desire {
                        employee: i,
                        seminar: s,
                        preferred,
                        lo: w_lo,
                        hi: w_hi,
                    });
                }
            }

            // Program paths: Digitallots:in, and for some of them the Changemanager:in.
            if has_mail && self.chance(profile.path * e.appetite.min(1.5)) {
                let (dl, dl_end) = self.dl_path(i, lo, hi);
                let modules = dl.steps.len().saturating_sub(1);
                paths.push(dl);
                if modules >= 3 && self.chance(profile.change) {
                    paths.push(self.change_path(i, dl_end, hi));
                }
            }
        }
        (paths, desires)
    }

    /// The Digitallots:in path: the basics first, then one to five modules; returns the path
    /// and the planned day of its last step.
    pub(super) fn dl_path(
        &mut self,
        employee: usize,
        lo: NaiveDate,
        hi: NaiveDate,
    ) -> (Path, NaiveDate) {
        let core = role_seminars(Role::DlCore);
        let mut modules = role_seminars(Role::DlModule);
        modules.shuffle(&mut self.rng);
        let wanted = match self.rng.random::<f64>() {
            x if x < 0.08 => 1,
            x if x < 0.25 => 2,
            x if x < 0.70 => 3,
            x if x < 0.90 => 4,
            _ => 5,
        };
        // A pilot group started right at the beginning of the history, at a brisk pace
        // (its certificates have expired by today); the others followed, more of them
        // early on than lately.
        let pilot = self.chance(0.3) && lo <= self.start + Days::new(30);
        let begin = if pilot {
            self.day_between(self.start, self.start + Days::new(45))
        } else {
            let latest = hi.checked_sub_days(Days::new(30)).unwrap_or(lo).max(lo);
            let span = (latest - lo).num_days().max(0) as f64;
            lo + Days::new((span * self.rng.random::<f64>().powf(1.4)) as u64)
        };
        let mut steps = Vec::new();
        let mut day = begin;
        for s in core.into_iter().chain(modules.into_iter().take(wanted)) {
            steps.push((s, day));
            let gap = if pilot { 10..30 } else { 10..50 };
            day = day + Days::new(self.rng.random_range(gap));
        }
        let last = steps.last().map(|s| s.1).unwrap_or(begin);
        (
            Path {
                employee,
                steps,
                lo,
                hi,
            },
            last,
        )
    }

    /// The Changemanager:in path after the Digitallots:in path.
    pub(super) fn change_path(&mut self, employee: usize, after: NaiveDate, hi: NaiveDate) -> Path {
        let core = role_seminars(Role::DcmCore);
        let mut modules = role_seminars(Role::DcmModule);
        modules.shuffle(&mut self.rng);
        let wanted = match self.rng.random::<f64>() {
            x if x < 0.20 => 2,
            x if x < 0.65 => 3,
            _ => 4,
        };
        let mut day = after + Days::new(self.rng.random_range(20..90));
        let mut steps = Vec::new();
        for s in core.into_iter().chain(modules.into_iter().take(wanted)) {
            steps.push((s, day));
            day = day + Days::new(self.rng.random_range(14..70));
        }
        Path {
            employee,
            steps,
            lo: after,
            hi,
        }
    }
}
