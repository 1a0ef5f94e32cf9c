//! The sample-data generator: deterministic, refusing, cancellable, believable, and big enough.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::{Months, NaiveDate};
use lotse::Error;
use lotse::i18n::{Lang, set_thread_language};
use lotse::model::{
    AttendanceStatus, DepartmentInput, Program, Requirement, SeminarFormat, SeminarInput,
    check_email,
};
use lotse::service::Database;
use lotse::service::demo::{DemoOptions, DemoSummary, generate};
use lotse::store::{DomainCounts, EmployeeFilter, FixedClock, Read, TrainingRecord};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Months of history the generator writes (before today).
const HISTORY_MONTHS: u32 = 33;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).expect("date")
}

fn store() -> Database {
    Database::open_scratch()
        .expect("in-memory store")
        .with_clock(FixedClock::on(today()))
}

fn demo(store: &mut Database, employees: usize, seed: u64) -> lotse::Result<DemoSummary> {
    generate(store, &DemoOptions { employees, seed }, &mut |_| true)
}

/// Everything that identifies the generated staff, in id order.
fn staff(store: &Database) -> Vec<String> {
    let mut rows = store
        .store()
        .employee_rows(&EmployeeFilter {
            department: None,
            include_leavers: true,
        })
        .expect("employees");
    rows.sort_by_key(|r| r.employee.id);
    rows.into_iter()
        .map(|r| {
            let e = r.employee;
            format!(
                "{} {} {} {:?} {:?} {:?} {:?} {:?} {:?}",
                e.personnel_number,
                e.first_name,
                e.last_name,
                e.salutation,
                e.email,
                r.department_code,
                e.job_title,
                e.entry_date,
                e.exit_date
            )
        })
        .collect()
}

fn records_key(store: &Database) -> Vec<(i64, String, String, AttendanceStatus, u64)> {
    store
        .store()
        .training_records()
        .expect("records")
        .into_iter()
        .map(|r| {
            (
                r.attendance.employee_id.0,
                r.seminar_code,
                r.starts_at.to_string(),
                r.attendance.status,
                (r.attendance.hours * 10.0) as u64,
            )
        })
        .collect()
}

#[test]
fn the_same_seed_gives_the_same_administration_and_another_seed_another() -> TestResult {
    let (mut a, mut b, mut c) = (store(), store(), store());
    let sa = demo(&mut a, 250, 42)?;
    let sb = demo(&mut b, 250, 42)?;
    let sc = demo(&mut c, 250, 43)?;
    assert_eq!(sa, sb);
    assert_eq!(staff(&a), staff(&b));
    assert_eq!(a.store().attendance_count()?, b.store().attendance_count()?);
    assert_eq!(records_key(&a), records_key(&b));
    assert_eq!(a.store().session_count()?, b.store().session_count()?);

    assert_eq!(sc.employees, 250);
    assert_ne!(staff(&a), staff(&c));
    assert_ne!(records_key(&a), records_key(&c));
    Ok(())
}

#[test]
fn a_database_with_data_is_refused_and_left_unchanged() -> TestResult {
    set_thread_language(Lang::De);
    let mut with_department = store();
    lotse::service::departments::add(
        &mut with_department,
        &DepartmentInput {
            code: "10".into(),
            name: "Hauptamt".into(),
            parent_id: None,
        },
    )?;
    let before = (
        with_department.store().domain_counts()?,
        with_department.store().audit_count()?,
    );
    let err = demo(&mut with_department, 50, 1).expect_err("refused");
    let message = err.user_message();
    assert!(matches!(err, Error::Message(_)), "{err:?}");
    assert!(message.contains("leere Datenbank"), "{message}");
    assert!(message.contains("Organisationseinheiten: 1,"), "{message}");
    assert_eq!(
        (
            with_department.store().domain_counts()?,
            with_department.store().audit_count()?
        ),
        before
    );

    // A seminar alone is data too.
    let mut with_seminar = store();
    with_seminar.store_mut().transact(|tx| {
        tx.insert_seminar(&SeminarInput {
            code: "X".into(),
            title: "Ein Seminar".into(),
            format: SeminarFormat::Webinar,
            default_hours: 2.0,
            ..SeminarInput::default()
        })
        .map(|_| ())
    })?;
    assert!(demo(&mut with_seminar, 50, 1).is_err());
    assert_eq!(with_seminar.store().domain_counts()?.employees, 0);

    // And a second run after a first one.
    let mut twice = store();
    demo(&mut twice, 60, 1)?;
    let counts = twice.store().domain_counts()?;
    assert!(demo(&mut twice, 60, 1).is_err());
    assert_eq!(twice.store().domain_counts()?, counts);
    Ok(())
}

#[test]
fn cancelling_leaves_the_database_empty() -> TestResult {
    let options = DemoOptions {
        employees: 300,
        seed: 1,
    };
    let mut calls_in_full_run = 0usize;
    generate(&mut store(), &options, &mut |_| {
        calls_in_full_run += 1;
        true
    })?;
    assert!(calls_in_full_run >= 4);
    // Cancel at the first call, in the middle, and at the very last one (1.0).
    for cancel_at in [1, calls_in_full_run / 2, calls_in_full_run] {
        let mut s = store();
        let mut calls = 0usize;
        let result = generate(&mut s, &options, &mut |_| {
            calls += 1;
            calls < cancel_at
        });
        assert!(matches!(result, Err(Error::Cancelled)), "{result:?}");
        assert_eq!(calls, cancel_at, "no call after the cancel");
        assert_eq!(s.store().domain_counts()?, DomainCounts::default());
        assert_eq!(s.store().audit_count()?, 0);
        assert_eq!(s.store().setting("organisation_name")?, None);
    }
    Ok(())
}

#[test]
fn progress_rises_from_zero_to_one_and_one_audit_entry_is_written() -> TestResult {
    let mut s = store();
    let mut seen: Vec<f32> = Vec::new();
    let summary = generate(
        &mut s,
        &DemoOptions {
            employees: 200,
            seed: 3,
        },
        &mut |f| {
            seen.push(f);
            true
        },
    )?;
    assert_eq!(seen.first(), Some(&0.0));
    assert_eq!(seen.last(), Some(&1.0));
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert!(seen.iter().all(|f| (0.0..=1.0).contains(f)));
    assert!(seen.len() >= 4);

    // One entry for the whole demo, and one each for the verification secret and the
    // signing key that issuing the certificates created; none per row.
    let audit = s.store().audit_entries(10)?;
    assert_eq!(audit.len(), 3, "{audit:?}");
    assert_eq!(audit[0].entity, "demo");
    assert_eq!(
        (audit[1].entity.as_str(), audit[1].action.as_str()),
        ("signing_key", "create")
    );
    assert!(audit[1].summary.starts_with("certificate signing key "));
    assert_eq!(
        (audit[2].entity.as_str(), audit[2].summary.as_str()),
        ("setting", "verification secret")
    );
    assert!(
        audit[0].summary.contains("employees 200"),
        "{}",
        audit[0].summary
    );
    assert!(
        audit[0]
            .summary
            .contains(&format!("attendance {}", summary.attendance))
    );
    assert!(
        audit[0].summary.contains(&format!(
            "certificates {} (valid {}, expiring {}, expired {}, revoked 1, superseded 1)",
            summary.certificates.issued,
            summary.certificates.valid,
            summary.certificates.expiring,
            summary.certificates.expired
        )),
        "{}",
        audit[0].summary
    );
    assert_eq!(
        s.store().setting("organisation_name")?.as_deref(),
        Some("Stadt Porta Westfalica")
    );
    Ok(())
}

#[test]
fn the_summary_matches_the_database_and_reads_well() -> TestResult {
    let mut s = store();
    let summary = demo(&mut s, 400, 1)?;
    let counts = s.store().domain_counts()?;
    assert_eq!(summary.departments as i64, counts.departments);
    assert_eq!(summary.employees as i64, counts.employees);
    assert_eq!(summary.seminars as i64, counts.seminars);
    assert_eq!(summary.sessions as i64, counts.sessions);
    assert_eq!(summary.attendance as i64, counts.attendance);
    assert_eq!(summary.programs, 2);
    assert_eq!(summary.certificates.issued as i64, counts.certificates);
    assert!((25..=45).contains(&summary.seminars), "{summary:?}");

    set_thread_language(Lang::De);
    let de = summary.describe();
    assert!(
        de.starts_with(&format!(
            "Beispielverwaltung angelegt: {} Organisationseinheiten, 400 Beschäftigte, {} Seminare,",
            summary.departments, summary.seminars
        )),
        "{de}"
    );
    assert!(
        de.ends_with(&format!(
            "2 Programme. {} Zertifikate ausgestellt, davon {} abgelaufen und {} bald ablaufend.",
            summary.certificates.issued,
            summary.certificates.expired,
            summary.certificates.expiring
        )),
        "{de}"
    );
    set_thread_language(Lang::En);
    let en = summary.describe();
    assert!(en.starts_with("Sample administration created: "), "{en}");
    assert!(en.contains("400 employees"), "{en}");
    set_thread_language(Lang::De);
    Ok(())
}

#[test]
fn names_have_umlauts_and_numbers_and_addresses_are_unique() -> TestResult {
    let mut s = store();
    demo(&mut s, 400, 1)?;
    let rows = s.store().employee_rows(&EmployeeFilter {
        department: None,
        include_leavers: true,
    })?;
    assert_eq!(rows.len(), 400);
    let names: Vec<String> = rows.iter().map(|r| r.employee.full_name()).collect();
    for letter in ['ä', 'ö', 'ü', 'ß'] {
        assert!(
            names.iter().any(|n| n.contains(letter)),
            "no name with {letter}"
        );
    }
    assert!(
        names
            .iter()
            .any(|n| !n.is_ascii() && n.contains(['ł', 'ş', 'ğ', 'é', 'ı', 'Ö', 'Ç', 'Ş', 'Ł']))
    );

    let numbers: HashSet<&str> = rows
        .iter()
        .map(|r| r.employee.personnel_number.as_str())
        .collect();
    assert_eq!(numbers.len(), rows.len());
    assert!(
        numbers
            .iter()
            .all(|n| n.len() == 6 && n.chars().all(|c| c.is_ascii_digit()))
    );

    let mails: Vec<String> = rows
        .iter()
        .filter_map(|r| r.employee.email.clone())
        .collect();
    let unique: HashSet<String> = mails.iter().map(|m| m.to_lowercase()).collect();
    assert_eq!(unique.len(), mails.len());
    assert!(
        mails.len() > 300,
        "most staff have an address: {}",
        mails.len()
    );
    assert!(mails.len() < 400, "some depot workers have none");
    for m in &mails {
        assert!(check_email(m), "{m}");
        assert!(m.is_ascii(), "{m}");
        assert!(m.ends_with("@porta-westfalica.de"), "{m}");
    }
    assert!(
        mails
            .iter()
            .any(|m| m.contains("ue") || m.contains("ae") || m.contains("oe"))
    );

    // Salutation and job title agree for the common titles.
    for r in &rows {
        let e = &r.employee;
        if let Some(job) = &e.job_title {
            if job == "Sachbearbeiterin" {
                assert_eq!(e.salutation, lotse::model::Salutation::Female);
            }
            if job == "Sachbearbeiter" {
                assert_eq!(e.salutation, lotse::model::Salutation::Male);
            }
        } else {
            panic!("{} has no job title", e.personnel_number);
        }
    }
    Ok(())
}

#[test]
fn some_have_left_and_entry_dates_span_decades() -> TestResult {
    let mut s = store();
    demo(&mut s, 1000, 5)?;
    let all = s.store().employee_rows(&EmployeeFilter {
        department: None,
        include_leavers: true,
    })?;
    let leavers: Vec<_> = all
        .iter()
        .filter(|r| r.employee.exit_date.is_some())
        .collect();
    assert!(
        (15..=80).contains(&leavers.len()),
        "{} leavers",
        leavers.len()
    );
    for r in &leavers {
        let e = &r.employee;
        let exit = e.exit_date.expect("exit");
        assert!(exit < today());
        assert!(e.entry_date.is_some_and(|entry| entry <= exit));
    }
    let active = s.store().employee_rows(&EmployeeFilter::default())?;
    assert_eq!(active.len() + leavers.len(), all.len());

    let entries: Vec<NaiveDate> = all.iter().filter_map(|r| r.employee.entry_date).collect();
    assert_eq!(entries.len(), all.len());
    let oldest = entries.iter().min().expect("some");
    let newest = entries.iter().max().expect("some");
    assert!(*oldest < today() - chrono::Days::new(25 * 365), "{oldest}");
    assert!(*newest > today() - chrono::Days::new(365), "{newest}");
    assert!(entries.iter().all(|d| *d < today()));
    Ok(())
}

#[test]
fn departments_form_a_tree_with_uneven_sizes() -> TestResult {
    let mut s = store();
    demo(&mut s, 400, 1)?;
    let departments = s.store().department_rows()?;
    let by_id: BTreeMap<_, _> = departments
        .iter()
        .map(|d| (d.department.id, &d.department))
        .collect();
    let mut roots = 0;
    for d in &departments {
        let mut seen = BTreeSet::new();
        let mut current = d.department.clone();
        while let Some(parent) = current.parent_id {
            assert!(seen.insert(current.id), "cycle at {}", d.department.code);
            current = (*by_id.get(&parent).expect("parent exists")).clone();
        }
        assert!(seen.len() <= 2, "{} is nested too deep", d.department.code);
        if d.department.parent_id.is_none() {
            roots += 1;
        }
        assert!(d.department.active);
    }
    assert!(roots >= 2, "{roots} roots");
    let names: Vec<&str> = departments
        .iter()
        .map(|d| d.department.name.as_str())
        .collect();
    for expected in [
        "Hauptamt",
        "Kämmerei",
        "Bauamt",
        "Ordnungsamt",
        "Bürgerbüro",
        "Jugendamt",
        "Standesamt",
    ] {
        assert!(names.contains(&expected), "{expected} missing");
    }
    let sizes: Vec<i64> = departments.iter().map(|d| d.active_employees).collect();
    assert!(
        sizes.iter().all(|n| *n >= 1),
        "every unit has somebody: {sizes:?}"
    );
    let (min, max) = (
        sizes.iter().min().copied().unwrap_or(0),
        sizes.iter().max().copied().unwrap_or(0),
    );
    assert!(max >= 8 * min.max(1), "sizes too even: {sizes:?}");
    Ok(())
}

#[test]
fn only_past_sessions_have_outcomes_and_only_while_employed() -> TestResult {
    let mut s = store();
    demo(&mut s, 500, 9)?;
    let employees: BTreeMap<_, _> = s
        .store()
        .employee_rows(&EmployeeFilter {
            department: None,
            include_leavers: true,
        })?
        .into_iter()
        .map(|r| (r.employee.id, r.employee))
        .collect();
    let hours: BTreeMap<_, _> = s
        .store()
        .seminars()?
        .into_iter()
        .map(|x| (x.id, x.default_hours))
        .collect();
    let records = s.store().training_records()?;
    let mut past = 0usize;
    let mut counts: BTreeMap<AttendanceStatus, usize> = BTreeMap::new();
    let mut upcoming = 0usize;
    for r in &records {
        let status = r.attendance.status;
        let ended = r.ends_at.date() < today();
        let starts_later = r.starts_at.date() > today();
        assert!(ended || starts_later, "a session spans today: {r:?}");
        if status != AttendanceStatus::Registered {
            assert!(ended, "outcome for a session not yet over: {r:?}");
        }
        if starts_later {
            upcoming += 1;
        }
        if ended {
            past += 1;
            *counts.entry(status).or_default() += 1;
        }
        let default = hours[&r.seminar_id];
        match status {
            AttendanceStatus::Attended => assert!((r.attendance.hours - default).abs() < 1e-9),
            AttendanceStatus::Partial => {
                assert!(r.attendance.hours > 0.0 && r.attendance.hours < default)
            }
            _ => assert_eq!(r.attendance.hours, 0.0),
        }
        let e = &employees[&r.attendance.employee_id];
        assert!(
            e.entry_date.is_some_and(|d| d <= r.starts_at.date()),
            "{r:?}"
        );
        if let Some(exit) = e.exit_date {
            assert!(r.starts_at.date() < exit, "attendance after leaving: {r:?}");
        }
    }
    assert!(upcoming > 0, "no registrations for upcoming sessions");
    let share = |s: AttendanceStatus| counts.get(&s).copied().unwrap_or(0) as f64 / past as f64;
    assert!(
        (0.05..0.11).contains(&share(AttendanceStatus::Absent)),
        "{counts:?}"
    );
    assert!(
        (0.03..0.07).contains(&share(AttendanceStatus::Excused)),
        "{counts:?}"
    );
    assert!(
        (0.01..0.04).contains(&share(AttendanceStatus::Partial)),
        "{counts:?}"
    );
    assert!(share(AttendanceStatus::Attended) > 0.7, "{counts:?}");
    Ok(())
}

#[test]
fn sessions_cover_nearly_three_years_and_the_next_two_months() -> TestResult {
    let mut s = store();
    demo(&mut s, 400, 1)?;
    let rows = s.store().session_rows(&Default::default())?;
    let first = rows.first().expect("sessions").session.starts_at.date();
    let last = rows.last().expect("sessions").session.starts_at.date();
    let history_start = today()
        .checked_sub_months(Months::new(HISTORY_MONTHS))
        .expect("date");
    assert!(
        first >= history_start && first < history_start + chrono::Days::new(40),
        "{first}"
    );
    assert!(last > today() && last <= today().checked_add_months(Months::new(2)).expect("date"));
    let upcoming = rows
        .iter()
        .filter(|r| r.session.starts_at.date() > today())
        .count();
    assert!(
        (3..rows.len() / 4).contains(&upcoming),
        "{upcoming} of {}",
        rows.len()
    );
    assert!(
        rows.iter()
            .any(|r| r.session.location == "Rathaus, Sitzungssaal 2")
    );
    assert!(
        rows.iter()
            .any(|r| r.session.location.starts_with("https://"))
    );
    let seminars: BTreeMap<_, _> = s
        .store()
        .seminars()?
        .into_iter()
        .map(|x| (x.id, x))
        .collect();
    for r in &rows {
        let seminar = &seminars[&r.session.seminar_id];
        assert!(!r.session.trainer.is_empty() || seminar.format == SeminarFormat::Elearning);
        if seminar.format == SeminarFormat::InPerson {
            let capacity = r
                .session
                .capacity
                .expect("in-person sessions have a capacity");
            assert!((12..=25).contains(&capacity), "{capacity}");
            assert!(r.participants <= i64::from(capacity) + 3, "{r:?}");
        }
        assert!(r.session.ends_at >= r.session.starts_at);
        let (start, end) = (r.session.starts_at.date(), r.session.ends_at.date());
        assert!(end < today() || start > today(), "runs over today: {r:?}");
        if seminar.format != SeminarFormat::Elearning {
            use chrono::Datelike;
            for day in [start, end] {
                assert!(
                    day.weekday().number_from_monday() <= 5,
                    "at the weekend: {r:?}"
                );
            }
        }
    }
    // Every seminar has sessions; the archived ones only in the past.
    for seminar in seminars.values() {
        let sessions = s.store().sessions_of_seminar(seminar.id)?;
        assert!(!sessions.is_empty(), "{} has no sessions", seminar.code);
        if seminar.archived {
            assert!(sessions.iter().all(|x| x.ends_at.date() < today()));
        }
    }
    assert!(seminars.values().any(|x| x.archived));
    assert!(
        seminars
            .values()
            .filter(|x| x.provider == "krz DigiFit-Akademie")
            .count()
            > 20
    );
    Ok(())
}

/// The requirements of `program` met by one employee's records on `as_of`, with the
/// prerequisite counted as met (no certificates exist yet).
fn met(program: &Program, records: &[&TrainingRecord], as_of: NaiveDate) -> Vec<bool> {
    let completed: BTreeSet<_> = records
        .iter()
        .filter(|r| r.ends_at.date() <= as_of)
        .filter(|r| match r.attendance.status {
            AttendanceStatus::Attended => true,
            AttendanceStatus::Partial => program.allow_partial && r.attendance.hours > 0.0,
            _ => false,
        })
        .map(|r| r.seminar_id)
        .collect();
    program
        .requirements
        .iter()
        .map(|req| match req {
            Requirement::Seminar(s) => completed.contains(s),
            Requirement::AtLeastN { n, seminars } => {
                seminars.iter().filter(|s| completed.contains(s)).count() >= *n as usize
            }
            Requirement::TopicHours { topic, hours } => {
                let sum: f64 = records
                    .iter()
                    .filter(|r| r.ends_at.date() <= as_of && &r.topic == topic)
                    .filter(|r| r.attendance.status.credits_hours())
                    .map(|r| r.attendance.hours)
                    .sum();
                sum >= *hours
            }
            Requirement::Prerequisite(_) => true,
        })
        .collect()
}

#[test]
fn with_the_defaults_dozens_are_eligible_and_many_in_progress() -> TestResult {
    let mut s = store();
    demo(&mut s, 400, 1)?;
    let programs = s.store().programs()?;
    let codes: Vec<&str> = programs.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, ["DCM", "DL"]);
    let dl = s.store().program_by_code("DL")?.expect("DL");
    let dcm = s.store().program_by_code("DCM")?.expect("DCM");
    assert_eq!(dl.titles.de_female, "Digitallotsin");
    assert_eq!(dl.titles.de_neutral, "Digitallots:in");
    assert_eq!(dcm.titles.de_neutral, "Digital- und Changemanager:in");
    assert_eq!(dl.validity_months, Some(24));
    assert_eq!(dcm.validity_months, Some(36));
    let kinds: Vec<&str> = dl.requirements.iter().map(Requirement::kind_code).collect();
    assert_eq!(kinds, ["seminar", "n_of", "topic_hours"]);
    assert_eq!(dcm.requirements[0], Requirement::Prerequisite(dl.id));
    assert!(
        matches!(&dl.requirements[1], Requirement::AtLeastN { n: 3, seminars } if seminars.len() == 5)
    );

    let active: BTreeSet<_> = s
        .store()
        .employee_rows(&EmployeeFilter::default())?
        .into_iter()
        .map(|r| r.employee.id)
        .collect();
    let records = s.store().training_records()?;
    let mut by_employee: BTreeMap<_, Vec<&TrainingRecord>> = BTreeMap::new();
    for r in &records {
        by_employee
            .entry(r.attendance.employee_id)
            .or_default()
            .push(r);
    }
    let (mut dl_eligible, mut dl_progress, mut dcm_ready, mut dcm_progress) = (0, 0, 0, 0);
    for (employee, recs) in &by_employee {
        if !active.contains(employee) {
            continue;
        }
        let dl_met = met(&dl, recs, today());
        let dl_ok = dl_met.iter().all(|m| *m);
        if dl_ok {
            dl_eligible += 1;
        } else if dl_met.iter().any(|m| *m) {
            dl_progress += 1;
        }
        let dcm_met = met(&dcm, recs, today());
        // Changemanager:in requirements other than the prerequisite.
        if dcm_met[1..].iter().all(|m| *m) {
            if dl_ok {
                dcm_ready += 1;
            }
        } else if dcm_met[1..].iter().any(|m| *m) {
            dcm_progress += 1;
        }
    }
    assert!(
        (24..=120).contains(&dl_eligible),
        "{dl_eligible} eligible for DL"
    );
    assert!(dl_progress >= 40, "{dl_progress} in progress for DL");
    assert!((3..=60).contains(&dcm_ready), "{dcm_ready} ready for DCM");
    assert!(dcm_progress >= 5, "{dcm_progress} in progress for DCM");
    Ok(())
}

#[test]
fn two_thousand_employees_scale_proportionally() -> TestResult {
    let mut small = store();
    let mut large = store();
    let a = demo(&mut small, 400, 11)?;
    let b = demo(&mut large, 2000, 11)?;
    assert_eq!(b.employees, 2000);
    assert_eq!(large.store().employee_count()?, 2000);
    let ratio = b.attendance as f64 / a.attendance as f64;
    assert!(
        (4.0..=6.0).contains(&ratio),
        "{} vs {}",
        b.attendance,
        a.attendance
    );
    let per_head = b.attendance as f64 / 2000.0;
    assert!(
        (18.0..=32.0).contains(&per_head),
        "{per_head} rows per employee"
    );
    assert!(b.sessions > a.sessions);
    Ok(())
}

#[test]
fn ten_thousand_employees_give_the_benchmark_size() -> TestResult {
    let mut s = store();
    let summary = demo(&mut s, 10_000, 1)?;
    assert_eq!(summary.employees, 10_000);
    assert!(summary.attendance >= 200_000, "{summary:?}");
    assert!(summary.attendance <= 320_000, "{summary:?}");
    assert_eq!(s.store().attendance_count()? as usize, summary.attendance);
    Ok(())
}

#[test]
fn tiny_administrations_work() -> TestResult {
    // No employees at all is refused (see below); one is the smallest administration.
    for n in [1usize, 7] {
        let mut s = store();
        let summary = demo(&mut s, n, 2)?;
        assert_eq!(summary.employees, n);
        assert!(summary.departments > 10);
        assert!(summary.sessions > 0);
        assert_eq!(summary.programs, 2);
    }
    Ok(())
}

#[test]
fn any_today_gives_a_consistent_history() -> TestResult {
    for (y, m, d) in [(2024, 2, 29), (2027, 1, 1), (2030, 12, 31)] {
        let day = NaiveDate::from_ymd_opt(y, m, d).expect("date");
        let mut s = Database::open_scratch()?.with_clock(FixedClock::on(day));
        let summary = generate(
            &mut s,
            &DemoOptions {
                employees: 150,
                seed: 4,
            },
            &mut |_| true,
        )?;
        assert!(summary.attendance > 1000, "{day}: {summary:?}");
        for r in s.store().training_records()? {
            let (start, end) = (r.starts_at.date(), r.ends_at.date());
            assert!(end < day || start > day, "{day}: runs over today: {r:?}");
            if r.attendance.status != AttendanceStatus::Registered {
                assert!(end < day, "{day}: outcome too early: {r:?}");
            }
        }
        let first = s.store().session_rows(&Default::default())?[0]
            .session
            .starts_at
            .date();
        assert!(
            first
                >= day
                    .checked_sub_months(Months::new(HISTORY_MONTHS))
                    .expect("date")
        );
    }
    Ok(())
}

#[test]
fn certificates_are_issued_to_the_eligible_with_every_status() -> TestResult {
    use lotse::rules::{CertificateStatus, eligibility};
    use lotse::service::certificates::{Verification, verify};

    let mut s = store();
    let summary = demo(&mut s, 400, 1)?;
    let counts = summary.certificates;
    let rows = s.store().certificate_rows(&Default::default())?;
    assert_eq!(rows.len(), counts.issued);
    let status_count = |status: CertificateStatus| {
        rows.iter()
            .filter(|r| r.certificate.status(today()) == status)
            .count()
    };
    assert_eq!(status_count(CertificateStatus::Valid), counts.valid);
    assert_eq!(status_count(CertificateStatus::Expiring), counts.expiring);
    assert_eq!(status_count(CertificateStatus::Expired), counts.expired);
    assert_eq!(status_count(CertificateStatus::Revoked), 1);
    assert_eq!(status_count(CertificateStatus::Superseded), 1);
    assert!(counts.valid > 10, "{counts:?}");
    assert!(counts.expiring > 0, "{counts:?}");
    assert!(counts.expired > 0, "{counts:?}");
    assert!(rows.iter().any(|r| r.program_code == "DCM"));

    // Printed with the demo's settings.
    assert_eq!(
        s.store().setting("signatory_name")?.as_deref(),
        Some("Bernd Hedtmann")
    );
    assert_eq!(
        s.store().setting("signatory_title")?.as_deref(),
        Some("Bürgermeister")
    );

    let programs: BTreeMap<_, _> = s
        .store()
        .programs()?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut serials: BTreeMap<(String, i32), Vec<u32>> = BTreeMap::new();
    for row in &rows {
        let c = &row.certificate;
        // Every one verifies, with the status it has.
        match verify(&s, &c.code, today())? {
            Verification::Genuine {
                status, snapshot, ..
            } => {
                assert_eq!(status, c.status(today()), "{}", c.serial);
                assert_eq!(snapshot.serial, c.serial);
                assert_eq!(snapshot.organisation, "Stadt Porta Westfalica");
                assert_eq!(snapshot.place, "Porta Westfalica");
                assert_eq!(snapshot.signatory_name, "Bernd Hedtmann");
                assert!(!snapshot.seminars.is_empty(), "{}", c.serial);
            }
            other => panic!("{} does not verify: {other:?}", c.serial),
        }
        // Issued on a weekday, in the past, to someone eligible that day.
        assert!(c.issued_on < today());
        use chrono::Datelike;
        assert!(c.issued_on.weekday().number_from_monday() <= 5);
        let program = &programs[&c.program_id];
        assert_eq!(c.valid_until, program.valid_until(c.issued_on));
        let employee = s.store().employee(c.employee_id)?.expect("holder");
        let records = s.store().training_history(c.employee_id)?;
        let earlier: Vec<_> = rows
            .iter()
            .map(|r| &r.certificate)
            .filter(|x| x.employee_id == c.employee_id && x.id < c.id)
            .map(|x| x.facts())
            .collect();
        let state = eligibility(program, &employee, &records, &earlier, c.issued_on);
        assert!(state.eligible, "{} was not eligible: {state:?}", c.serial);
        serials
            .entry((row.program_code.clone(), c.serial_year))
            .or_default()
            .push(c.serial_number);
    }
    // Serial numbers per program and year without gaps.
    for (key, mut numbers) in serials {
        numbers.sort_unstable();
        let expected: Vec<u32> = (1..=numbers.len() as u32).collect();
        assert_eq!(numbers, expected, "{key:?}");
    }

    // The correction: the old one misspelt the name without its umlaut, the new one
    // prints the name as the employee record has it, same dates.
    let old = rows
        .iter()
        .find(|r| r.certificate.superseded_by.is_some())
        .expect("a superseded certificate");
    let new = rows
        .iter()
        .find(|r| Some(r.certificate.id) == old.certificate.superseded_by)
        .expect("its correction");
    let name_of = |r: &lotse::store::CertificateRow| -> lotse::Result<String> {
        let snapshot = lotse::certificate::CertificateSnapshot::from_json(&r.certificate.snapshot)?;
        Ok(snapshot.last_name)
    };
    assert_eq!(name_of(new)?, new.last_name);
    assert_ne!(name_of(old)?, name_of(new)?);
    assert_eq!(
        name_of(new)?
            .replace('ä', "a")
            .replace('ö', "o")
            .replace('ü', "u")
            .replace('Ä', "A")
            .replace('Ö', "O")
            .replace('Ü', "U"),
        name_of(old)?
    );
    assert_eq!(new.certificate.issued_on, old.certificate.issued_on);
    assert!(!matches!(
        new.certificate.status(today()),
        CertificateStatus::Superseded | CertificateStatus::Revoked
    ));

    // The revoked one was a copy issued by mistake: the holder keeps the original.
    let revoked = rows
        .iter()
        .find(|r| r.certificate.revoked_on.is_some())
        .expect("a revoked certificate");
    let reason = revoked
        .certificate
        .revocation_reason
        .clone()
        .unwrap_or_default();
    assert!(
        reason.starts_with("Versehentlich doppelt ausgestellt"),
        "{reason}"
    );
    let original = rows
        .iter()
        .find(|r| {
            r.certificate.employee_id == revoked.certificate.employee_id
                && r.certificate.program_id == revoked.certificate.program_id
                && r.certificate.id != revoked.certificate.id
        })
        .expect("the original");
    assert!(reason.contains(&original.certificate.serial), "{reason}");
    assert!(revoked.certificate.revoked_on > Some(revoked.certificate.issued_on));

    // Nobody holds two valid certificates of one program.
    let mut valid: BTreeSet<(i64, i64)> = BTreeSet::new();
    for r in rows
        .iter()
        .filter(|r| r.certificate.status(today()).is_valid())
    {
        assert!(
            valid.insert((r.certificate.employee_id.0, r.certificate.program_id.0)),
            "{} twice",
            r.personnel_number
        );
    }
    // Some eligible people are still waiting for their certificate.
    let dl = s.store().program_by_code("DL")?.expect("DL");
    let due = lotse::service::eligibility::due(&s, &dl, today())?;
    assert!(!due.is_empty());
    Ok(())
}

#[test]
fn the_same_seed_gives_the_same_certificates() -> TestResult {
    let key = |s: &Database| -> Vec<String> {
        s.store()
            .certificate_rows(&Default::default())
            .expect("certificates")
            .into_iter()
            .map(|r| {
                let c = r.certificate;
                format!(
                    "{} {} {} {:?} {:?}",
                    c.serial,
                    r.personnel_number,
                    c.issued_on,
                    c.valid_until,
                    c.status(today())
                )
            })
            .collect()
    };
    let (mut a, mut b) = (store(), store());
    demo(&mut a, 300, 9)?;
    demo(&mut b, 300, 9)?;
    assert_eq!(key(&a), key(&b));
    assert!(!key(&a).is_empty());
    Ok(())
}

#[test]
fn too_many_or_no_employees_are_refused_before_anything_is_written() {
    for (lang, text) in [
        (
            Lang::De,
            "Die Beispielverwaltung kann 1 bis 50\u{a0}000 Beschäftigte haben.",
        ),
        (
            Lang::En,
            "The sample administration can have 1 to 50,000 employees.",
        ),
    ] {
        set_thread_language(lang);
        for employees in [0, 50_001, 1_000_000_000] {
            let mut store = store();
            let mut called = false;
            let result = generate(&mut store, &DemoOptions { employees, seed: 1 }, &mut |_| {
                called = true;
                true
            });
            match result {
                Err(Error::Message(m)) => assert_eq!(m, text, "{employees}"),
                other => panic!("{employees}: {other:?}"),
            }
            assert!(!called, "{employees}");
            assert!(store.store().domain_counts().expect("counts").is_empty());
        }
    }
}
