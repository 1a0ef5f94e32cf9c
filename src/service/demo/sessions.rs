//! The sessions of the catalogue, on working days where the demand is, and who attends
//! which of them with what outcome.

use std::collections::HashSet;

use chrono::{Datelike, Days, Months, NaiveDate, NaiveTime, Weekday};
use rand::Rng;
use rand::seq::IndexedRandom;

use super::data::{
    ABSENT_NOTE, ELEARNING_DAYS, EXCUSES, PARTIAL_NOTES, PROVIDER_KAN, PROVIDER_KRZ, PROVIDER_UK,
    Role, SEMINARS, SeminarSpec, TRAINERS,
};
use super::{Desire, ELEARNING_EVERY, Path, PlanAttendance, PlanSession, Planner};
use crate::model::{AttendanceStatus, SeminarFormat};

impl Planner {
    pub(super) fn plan_sessions(&mut self, paths: &[Path], desires: &[Desire]) -> Vec<PlanSession> {
        let mut wanted: Vec<Vec<NaiveDate>> = vec![Vec::new(); SEMINARS.len()];
        for d in desires {
            wanted[d.seminar].push(d.preferred);
        }
        for p in paths {
            for (s, day) in &p.steps {
                wanted[*s].push(*day);
            }
        }
        let webinar_capacity = {
            let by_size = (self.employees_wanted as f64 / 8.0 / 10.0).round() as u32 * 10;
            by_size.clamp(30, 300)
        };
        let trainers: Vec<[&'static str; 2]> = SEMINARS
            .iter()
            .map(|_| {
                let mut two = TRAINERS.choose_multiple(&mut self.rng, 2).copied();
                [
                    two.next().unwrap_or("Jens Oltmanns"),
                    two.next().unwrap_or("Dr. Katrin Böhmer"),
                ]
            })
            .collect();

        let mut sessions = Vec::new();
        for (s, spec) in SEMINARS.iter().enumerate() {
            let (o_lo, o_hi) = self.offered(spec);
            let days: Vec<(NaiveDate, NaiveDate)> = match (spec.role, spec.format) {
                (Role::Series, _) => self
                    .monthly_days(o_lo, o_hi)
                    .into_iter()
                    .map(|d| (d, d))
                    .collect(),
                (_, SeminarFormat::Elearning) => self.elearning_windows(o_lo, o_hi),
                (_, format) => {
                    let target = match format {
                        SeminarFormat::Webinar => f64::from(webinar_capacity) * 0.75,
                        _ => 15.0,
                    };
                    let months = (spec.to_month - spec.from_month) as usize;
                    let minimum = match spec.role {
                        // Program modules run every two or three months.
                        Role::DlCore | Role::DlModule => months / 2,
                        Role::DcmCore | Role::DcmModule => months / 3,
                        _ => (months / 5).max(2),
                    };
                    let mut dates = std::mem::take(&mut wanted[s]);
                    dates.sort();
                    let course_days = if spec.hours > 8.0 { 2 } else { 1 };
                    self.demand_days(&dates, target, minimum, course_days, o_lo, o_hi)
                        .into_iter()
                        .map(|d| (d, d))
                        .collect()
                }
            };
            for (first, last) in days {
                sessions.push(self.session(s, spec, (first, last), webinar_capacity, trainers[s]));
            }
        }
        sessions.sort_by_key(|x| (x.starts_at, x.seminar));
        sessions
    }

    /// First days of courses lasting `course_days` on working days, none running over
    /// today: one per `target` wishes placed at the quantiles of the wished-for days, or —
    /// where that gives fewer than `minimum` — `minimum` days spread evenly between `lo`
    /// and `hi`.
    pub(super) fn demand_days(
        &mut self,
        wished: &[NaiveDate],
        target: f64,
        minimum: usize,
        course_days: u64,
        lo: NaiveDate,
        hi: NaiveDate,
    ) -> Vec<NaiveDate> {
        let by_demand = (wished.len() as f64 / target).ceil() as usize;
        let k = by_demand.max(minimum).max(1);
        let mut days = Vec::with_capacity(k);
        for i in 0..k {
            let base = if by_demand < minimum || wished.is_empty() {
                let span = (hi - lo).num_days().max(0) as f64;
                lo + Days::new((span * (i as f64 + 0.5) / k as f64) as u64)
            } else {
                let at = ((i as f64 + 0.5) / k as f64 * wished.len() as f64) as usize;
                wished[at.min(wished.len() - 1)]
            };
            let jitter = self.rng.random_range(-6i64..=6);
            let day = if jitter >= 0 {
                base + Days::new(jitter.unsigned_abs())
            } else {
                base - Days::new(jitter.unsigned_abs())
            };
            days.push(self.working_day(day, course_days, lo, hi));
        }
        days
    }

    /// The second Wednesday of every month between `lo` and `hi` (Thursday when that is today).
    pub(super) fn monthly_days(&mut self, lo: NaiveDate, hi: NaiveDate) -> Vec<NaiveDate> {
        let mut days = Vec::new();
        let mut month = lo.with_day(1).unwrap_or(lo);
        while month <= hi {
            if let Some(mut day) =
                NaiveDate::from_weekday_of_month_opt(month.year(), month.month(), Weekday::Wed, 2)
            {
                if day == self.today {
                    day = day + Days::new(1);
                }
                if day >= lo && day <= hi {
                    days.push(day);
                }
            }
            month = match month.checked_add_months(Months::new(1)) {
                Some(m) => m,
                None => break,
            };
        }
        days
    }

    /// E-learning periods (first and last day) of twelve weeks, one starting every half year.
    /// None spans today: the one running now ends yesterday, or starts tomorrow if it had
    /// only just begun.
    pub(super) fn elearning_windows(
        &mut self,
        lo: NaiveDate,
        hi: NaiveDate,
    ) -> Vec<(NaiveDate, NaiveDate)> {
        let mut windows = Vec::new();
        let mut day = lo + Days::new(self.rng.random_range(0..ELEARNING_EVERY));
        while day <= hi {
            let last = day + Days::new(ELEARNING_DAYS - 1);
            if day <= self.today && self.today <= last {
                if day + Days::new(14) <= self.today {
                    windows.push((day, self.today - Days::new(1)));
                    day = self.today + Days::new(20);
                } else {
                    let start = self.today + Days::new(1);
                    windows.push((start, start + Days::new(ELEARNING_DAYS - 1)));
                    day = start + Days::new(ELEARNING_EVERY);
                }
            } else {
                windows.push((day, last));
                day = day + Days::new(ELEARNING_EVERY);
            }
        }
        windows
    }

    /// `day`, or the next working day on which a course of `days` days fits between `lo`
    /// and `hi` without running over today or into a weekend (few start on a Friday);
    /// the previous such day when there is none after.
    pub(super) fn working_day(
        &mut self,
        day: NaiveDate,
        days: u64,
        lo: NaiveDate,
        hi: NaiveDate,
    ) -> NaiveDate {
        let fits = |planner: &mut Planner, d: NaiveDate| {
            let last = d + Days::new(days.saturating_sub(1));
            let free = match d.weekday() {
                Weekday::Sat | Weekday::Sun => false,
                // Few courses on Fridays, and none running into the weekend.
                Weekday::Fri => days == 1 && !planner.chance(0.7),
                _ => last.weekday() != Weekday::Sat,
            };
            free && !(d <= planner.today && planner.today <= last)
        };
        let mut d = day.clamp(lo, hi);
        while d <= hi {
            if fits(self, d) {
                return d;
            }
            d = d + Days::new(1);
        }
        // Nothing free up to `hi`: look back instead.
        let mut d = day.clamp(lo, hi);
        while d > lo {
            d = d - Days::new(1);
            if fits(self, d) {
                return d;
            }
        }
        day.clamp(lo, hi)
    }

    pub(super) fn session(
        &mut self,
        s: usize,
        spec: &SeminarSpec,
        (day, last_day): (NaiveDate, NaiveDate),
        webinar_capacity: u32,
        trainers: [&'static str; 2],
    ) -> PlanSession {
        let at = |d: NaiveDate, h: u32, m: u32| {
            d.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default())
        };
        let date_code = day.format("%Y-%m-%d");
        let code = spec.code.to_lowercase();
        let trainer = trainers[usize::from(self.chance(0.4))].to_owned();
        let hours = spec.hours;
        let (starts_at, ends_at, location, trainer, capacity) = match (spec.role, spec.format) {
            (Role::Series, _) => (
                at(day, 12, 0),
                at(day, 12, 0) + chrono::Duration::minutes((hours * 60.0) as i64),
                format!("https://digifit.krz.de/live/{code}-{date_code}"),
                trainer,
                None,
            ),
            (_, SeminarFormat::Elearning) => {
                let location = match spec.provider {
                    PROVIDER_KRZ => "Lernplattform der krz DigiFit-Akademie (ILIAS)".to_owned(),
                    PROVIDER_UK => "Online-Lernportal der Unfallkasse NRW".to_owned(),
                    _ => "Lernplattform des Studieninstituts Westfalen-Lippe".to_owned(),
                };
                (
                    at(day, 0, 0),
                    at(last_day, 23, 59),
                    location,
                    String::new(),
                    None,
                )
            }
            (_, SeminarFormat::Webinar) => {
                let start = if self.chance(0.5) {
                    at(day, 10, 0)
                } else {
                    at(day, 14, 0)
                };
                let host = match spec.provider {
                    PROVIDER_KRZ => "digifit.krz.de/webinar",
                    PROVIDER_KAN => "kommunalagentur.nrw/online",
                    _ => "studieninstitut-wl.de/webinar",
                };
                let capacity = if self.chance(0.25) {
                    webinar_capacity / 2
                } else {
                    webinar_capacity
                };
                (
                    start,
                    start + chrono::Duration::minutes((hours * 60.0) as i64),
                    format!("https://{host}/{code}-{date_code}"),
                    trainer,
                    Some(capacity.max(20)),
                )
            }
            (_, SeminarFormat::InPerson) => {
                let (starts_at, ends_at) = if hours > 8.0 {
                    // Two days (never starting on a Friday, see `working_day`).
                    let second = day + Days::new(1);
                    (at(day, 9, 0), at(second, 17, 0))
                } else if hours <= 4.0 && self.chance(0.4) {
                    let start = at(day, 13, 30);
                    (
                        start,
                        start + chrono::Duration::minutes((hours * 60.0) as i64),
                    )
                } else {
                    let start = at(day, 9, 0);
                    (
                        start,
                        start + chrono::Duration::minutes((hours * 60.0) as i64),
                    )
                };
                let rooms: &[&str] = match spec.provider {
                    PROVIDER_KRZ => &[
                        "Rathaus, Sitzungssaal 2",
                        "Rathaus, Schulungsraum 1.14",
                        "Rathaus, Sitzungssaal 2",
                        "krz Lemgo, Schulungszentrum, Raum 3",
                    ],
                    PROVIDER_KAN => &[
                        "Rathaus, Sitzungssaal 2",
                        "Kommunal Agentur NRW, Düsseldorf",
                    ],
                    _ => &[
                        "Studieninstitut Westfalen-Lippe, Bielefeld, Raum 204",
                        "Rathaus, Schulungsraum 1.14",
                    ],
                };
                let location = rooms.choose(&mut self.rng).copied().unwrap_or_default();
                let capacity = self.rng.random_range(12..=25);
                (
                    starts_at,
                    ends_at,
                    location.to_owned(),
                    trainer,
                    Some(capacity),
                )
            }
        };
        let overbooking = if spec.format == SeminarFormat::InPerson && self.chance(0.05) {
            self.rng.random_range(1..=3)
        } else {
            0
        };
        let ended = ends_at.date();
        let unmarked =
            ended < self.today && ended + Days::new(10) >= self.today && self.chance(0.5);
        PlanSession {
            seminar: s,
            starts_at,
            ends_at,
            location,
            trainer,
            capacity,
            overbooking,
            unmarked,
        }
    }

    // --- who attends which session -----------------------------------------------------

    pub(super) fn assign(
        &mut self,
        sessions: &[PlanSession],
        paths: &[Path],
        desires: &[Desire],
    ) -> Vec<PlanAttendance> {
        let mut book = Booking::new(sessions);
        let mut out: Vec<PlanAttendance> = Vec::with_capacity(desires.len() + paths.len() * 5);

        for path in paths {
            let mut lo = path.lo;
            for &(s, planned) in &path.steps {
                let Some(x) = book.take(path.employee, s, planned.max(lo), lo, path.hi) else {
                    // Nothing fitting: this module is skipped.
                    continue;
                };
                let attendance = self.outcome(sessions, x, path.employee);
                let missed = matches!(
                    attendance.status,
                    AttendanceStatus::Absent | AttendanceStatus::Excused
                );
                out.push(attendance);
                lo = sessions[x].ends_at.date() + Days::new(1);
                if missed && self.chance(0.8) {
                    // Booked again for a later date.
                    let retry_lo = lo + Days::new(14);
                    let preferred = lo + Days::new(self.rng.random_range(21..70));
                    if let Some(y) = book.take(path.employee, s, preferred, retry_lo, path.hi) {
                        out.push(self.outcome(sessions, y, path.employee));
                        lo = sessions[y].ends_at.date() + Days::new(1);
                    }
                }
            }
        }

        for d in desires {
            if let Some(x) = book.take(d.employee, d.seminar, d.preferred, d.lo, d.hi) {
                out.push(self.outcome(sessions, x, d.employee));
            }
        }
        out.sort_by_key(|a| (a.session, a.employee));
        out
    }

    /// How it went: only past sessions have an outcome; upcoming ones (and past ones whose
    /// roster was not marked yet) stay "registered".
    pub(super) fn outcome(
        &mut self,
        sessions: &[PlanSession],
        x: usize,
        employee: usize,
    ) -> PlanAttendance {
        let session = &sessions[x];
        let hours = SEMINARS[session.seminar].hours;
        let (status, hours, note) = if session.ends_at.date() >= self.today || session.unmarked {
            (AttendanceStatus::Registered, 0.0, "")
        } else {
            match self.rng.random::<f64>() {
                r if r < 0.08 => (
                    AttendanceStatus::Absent,
                    0.0,
                    if self.chance(0.3) { ABSENT_NOTE } else { "" },
                ),
                r if r < 0.13 => (
                    AttendanceStatus::Excused,
                    0.0,
                    EXCUSES.choose(&mut self.rng).copied().unwrap_or_default(),
                ),
                r if r < 0.155 => {
                    let share = 0.3 + 0.5 * self.rng.random::<f64>();
                    let partial = ((hours * share * 2.0).round() / 2.0).clamp(0.5, hours);
                    (
                        AttendanceStatus::Partial,
                        partial,
                        PARTIAL_NOTES
                            .choose(&mut self.rng)
                            .copied()
                            .unwrap_or_default(),
                    )
                }
                _ => (AttendanceStatus::Attended, hours, ""),
            }
        };
        PlanAttendance {
            session: u32::try_from(x).unwrap_or(u32::MAX),
            employee: u32::try_from(employee).unwrap_or(u32::MAX),
            status,
            hours,
            note,
        }
    }
}

/// Seats taken per session, and who is already booked where.
pub(super) struct Booking<'a> {
    sessions: &'a [PlanSession],
    /// Session indices per seminar, ordered by start.
    by_seminar: Vec<Vec<usize>>,
    taken: Vec<u32>,
    booked: HashSet<(usize, usize)>,
}

impl<'a> Booking<'a> {
    pub(super) fn new(sessions: &'a [PlanSession]) -> Booking<'a> {
        let mut by_seminar = vec![Vec::new(); SEMINARS.len()];
        for (i, s) in sessions.iter().enumerate() {
            by_seminar[s.seminar].push(i);
        }
        Booking {
            sessions,
            by_seminar,
            taken: vec![0; sessions.len()],
            booked: HashSet::new(),
        }
    }

    /// Books `employee` into the session of `seminar` nearest to `preferred` that lies
    /// within `lo..=hi` and has a seat; returns its index.
    pub(super) fn take(
        &mut self,
        employee: usize,
        seminar: usize,
        preferred: NaiveDate,
        lo: NaiveDate,
        hi: NaiveDate,
    ) -> Option<usize> {
        let sessions = self.sessions;
        let list = &self.by_seminar[seminar];
        let first = list.partition_point(|&x| sessions[x].starts_at.date() < preferred);
        // An e-learning period only has to start in time; anything else has to be over
        // before `hi` (the day before someone leaves).
        let fits = |x: usize| {
            let s = &sessions[x];
            let (start, end) = (s.starts_at.date(), s.ends_at.date());
            start >= lo
                && start <= hi
                && (end <= hi || SEMINARS[s.seminar].format == SeminarFormat::Elearning)
        };
        let mut after = first;
        let mut before = first;
        loop {
            let mut candidates = [None, None];
            if after < list.len() {
                candidates[0] = Some(list[after]);
                after += 1;
            }
            if before > 0 {
                before -= 1;
                candidates[1] = Some(list[before]);
            }
            if candidates == [None, None] {
                return None;
            }
            for x in candidates.into_iter().flatten() {
                if !fits(x) || self.booked.contains(&(employee, x)) {
                    continue;
                }
                let s = &sessions[x];
                let room = s.capacity.is_none_or(|c| self.taken[x] < c + s.overbooking);
                if room {
                    self.taken[x] += 1;
                    self.booked.insert((employee, x));
                    return Some(x);
                }
            }
        }
    }
}
