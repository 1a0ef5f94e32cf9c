//! Unit tests of the sample data.

use super::data::role_seminars;
use super::staff::mail_part;
use super::*;

#[test]
fn mail_addresses_are_transliterated() {
    assert_eq!(mail_part("Jürgen"), "juergen");
    assert_eq!(mail_part("Weiß"), "weiss");
    assert_eq!(mail_part("Łukasz"), "lukasz");
    assert_eq!(mail_part("Yılmaz"), "yilmaz");
    assert_eq!(mail_part("Meier zu Döldissen"), "meier-zu-doeldissen");
    assert_eq!(mail_part("Çağlar"), "caglar");
    assert_eq!(mail_part("Renée"), "renee");
}

#[test]
fn large_numbers_are_grouped_per_language() {
    assert_eq!(group_digits(400, Lang::De), "400");
    assert_eq!(group_digits(5123, Lang::De), "5123");
    assert_eq!(group_digits(25123, Lang::De), "25\u{a0}123");
    assert_eq!(group_digits(251234, Lang::En), "251,234");
    assert_eq!(group_digits(1_251_234, Lang::En), "1,251,234");
}

#[test]
fn units_come_after_their_parents_and_codes_are_unique() {
    for (i, u) in UNITS.iter().enumerate() {
        if let Some(parent) = u.parent {
            let at = UNITS.iter().position(|p| p.code == parent);
            assert!(at.is_some_and(|p| p < i), "{} before its parent", u.code);
        }
        assert!(
            UNITS[..i].iter().all(|p| p.code != u.code),
            "{} twice",
            u.code
        );
    }
}

#[test]
fn the_catalogue_has_what_the_programs_need() {
    assert_eq!(role_seminars(Role::DlCore).len(), 1);
    assert_eq!(role_seminars(Role::DlModule).len(), 5);
    assert_eq!(role_seminars(Role::DcmCore).len(), 1);
    assert_eq!(role_seminars(Role::DcmModule).len(), 4);
    for s in SEMINARS {
        assert!((2.0..=16.0).contains(&s.hours), "{}", s.code);
        assert!(s.from_month < s.to_month, "{}", s.code);
    }
    for (i, s) in SEMINARS.iter().enumerate() {
        assert!(
            SEMINARS[..i].iter().all(|p| p.code != s.code),
            "{} twice",
            s.code
        );
    }
}

#[test]
fn the_plan_is_deterministic_for_a_seed() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).expect("date");
    let plan = |seed| {
        Planner::new(
            &DemoOptions {
                employees: 300,
                seed,
            },
            today,
        )
        .plan()
    };
    let (a, b, c) = (plan(7), plan(7), plan(8));
    let key = |p: &Plan| -> Vec<(String, u32, u32)> {
        p.attendance
            .iter()
            .map(|x| {
                (
                    p.employees[x.employee as usize].input.last_name.clone(),
                    x.session,
                    x.employee,
                )
            })
            .collect()
    };
    assert_eq!(key(&a), key(&b));
    assert_ne!(key(&a), key(&c));
}
