//! Reports at scale: coverage and eligibility computed from the facts the database
//! aggregates (`service::reports::coverage`, `service::eligibility::DayFacts`) equal the
//! straightforward computation over every attendance record held in memory
//! (`report::coverage` over `service::reports::load`, `service::eligibility::Facts`).

use chrono::NaiveDate;
use lotse::model::{Program, Requirement};
use lotse::report::{CoverageOptions, coverage};
use lotse::service::Database;
use lotse::service::demo::{DemoOptions, generate};
use lotse::service::eligibility::{DayFacts, Facts, Standing, standings};
use lotse::service::{programs, reports};
use lotse::store::{EmployeeFilter, FixedClock, Read};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const TODAY: &str = "2026-11-21";

fn demo() -> Database {
    lotse::i18n::set_language(lotse::i18n::Lang::De);
    let mut store = Database::open_scratch()
        .unwrap()
        .with_clock(FixedClock::on(d(TODAY)));
    generate(
        &mut store,
        &DemoOptions {
            employees: 600,
            seed: 7,
        },
        &mut |_| true,
    )
    .unwrap();
    store
}

/// The days compared: today, past days, the future, and before any training.
fn days() -> Vec<NaiveDate> {
    [
        TODAY,
        "2026-02-28",
        "2025-06-30",
        "2024-12-31",
        "2024-03-01",
        "2027-12-31",
        "2020-01-01",
    ]
    .into_iter()
    .map(d)
    .collect()
}

fn assert_coverage_same(store: &Database) {
    let data = reports::load(store).unwrap();
    let departments: Vec<_> = store.store().departments().unwrap();
    let mut option_sets = Vec::new();
    for as_of in days() {
        option_sets.push(CoverageOptions::on(as_of));
        for p in &data.programs {
            option_sets.push(CoverageOptions {
                program: Some(p.id),
                ..CoverageOptions::on(as_of)
            });
        }
    }
    for dept in departments.iter().take(4) {
        option_sets.push(CoverageOptions {
            department: Some(dept.id),
            ..CoverageOptions::on(d(TODAY))
        });
    }
    for options in option_sets {
        let reference = coverage(&data, &options);
        let aggregated = reports::coverage(store, &options).unwrap();
        assert!(!reference.people.is_empty() || options.as_of < d("2021-01-01"));
        assert_eq!(aggregated, reference, "coverage with {options:?}");
    }
}

fn key(s: &Standing) -> impl PartialEq + std::fmt::Debug + use<> {
    (
        s.employee.employee.id,
        s.eligibility.clone(),
        s.valid_certificate.clone(),
    )
}

fn assert_eligibility_same(store: &Database) {
    let facts = Facts::load(store).unwrap();
    let employees = store
        .store()
        .employee_rows(&EmployeeFilter {
            department: None,
            include_leavers: true,
        })
        .unwrap();
    let programs = store.store().programs().unwrap();
    for as_of in days() {
        let day = DayFacts::load(store, &programs, as_of).unwrap();
        assert_eq!(day.as_of(), as_of);
        let mut eligible = 0;
        for program in &programs {
            for e in &employees {
                let reference = facts.standing(program, e, as_of);
                let aggregated = day.standing(program, e);
                eligible += usize::from(reference.eligibility.eligible);
                assert_eq!(
                    key(&aggregated),
                    key(&reference),
                    "{} in {} on {as_of}",
                    e.employee.personnel_number,
                    program.code
                );
            }
            // The one-program entry point used by `issue --all-eligible`.
            let listed: Vec<_> = standings(store, program, as_of)
                .unwrap()
                .iter()
                .map(key)
                .collect();
            let expected: Vec<_> = employees
                .iter()
                .filter(|e| e.employee.is_employed_on(as_of))
                .map(|e| key(&facts.standing(program, e, as_of)))
                .collect();
            assert_eq!(listed, expected, "standings in {} on {as_of}", program.code);
        }
        if as_of == d(TODAY) {
            assert!(eligible > 0, "the demo has eligible people today");
        }
    }
}

#[test]
fn aggregated_coverage_and_eligibility_equal_the_in_memory_computation() {
    let store = demo();
    assert_coverage_same(&store);
    assert_eligibility_same(&store);
}

/// Partial attendance counts only where a program allows it, and topics match without
/// regard to case and surrounding space: both paths must agree on that too.
#[test]
fn partial_attendance_and_topic_spelling_agree_too() {
    let mut store = demo();
    let all: Vec<Program> = store.store().programs().unwrap();
    for program in &all {
        let mut input = program.input();
        input.allow_partial = true;
        for req in &mut input.requirements {
            if let Requirement::TopicHours { topic, .. } = req {
                *topic = format!("  {}  ", topic.to_uppercase());
            }
        }
        programs::update(&mut store, program.id, &input).unwrap();
    }
    assert!(
        store
            .store()
            .programs()
            .unwrap()
            .iter()
            .all(|p| p.allow_partial)
    );
    assert_coverage_same(&store);
    assert_eligibility_same(&store);
}
