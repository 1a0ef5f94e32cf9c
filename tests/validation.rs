//! Validation as table-driven cases: each row is an input change and the problems it must cause.

use chrono::NaiveDate;
use lotse::i18n::{Lang, set_thread_language};
use lotse::model::{DepartmentInput, EmployeeInput, Field, Invalid, check_email};

fn base() -> EmployeeInput {
    EmployeeInput {
        personnel_number: "4711".into(),
        first_name: "Jürgen".into(),
        last_name: "Weiß".into(),
        email: "juergen.weiss@porta-westfalica.de".into(),
        ..Default::default()
    }
}

fn d(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

#[test]
fn employee_cases() {
    type Change = fn(&mut EmployeeInput);
    let long = "x".repeat(201);
    let cases: Vec<(&str, Change, Vec<Invalid>)> = vec![
        ("valid", |_| {}, vec![]),
        (
            "empty first name",
            |e| e.first_name = "   ".into(),
            vec![Invalid::Empty(Field::FirstName)],
        ),
        (
            "empty last name",
            |e| e.last_name.clear(),
            vec![Invalid::Empty(Field::LastName)],
        ),
        (
            "empty personnel number",
            |e| e.personnel_number = "\t".into(),
            vec![Invalid::Empty(Field::PersonnelNumber)],
        ),
        (
            "both names empty",
            |e| {
                e.first_name.clear();
                e.last_name.clear();
            },
            vec![
                Invalid::Empty(Field::FirstName),
                Invalid::Empty(Field::LastName),
            ],
        ),
        (
            "e-mail without @",
            |e| e.email = "juergen.weiss".into(),
            vec![Invalid::EmailImplausible],
        ),
        (
            "e-mail without domain dot",
            |e| e.email = "a@localhost".into(),
            vec![Invalid::EmailImplausible],
        ),
        (
            "e-mail with space",
            |e| e.email = "a b@stadt.de".into(),
            vec![Invalid::EmailImplausible],
        ),
        ("empty e-mail is fine", |e| e.email = "  ".into(), vec![]),
        (
            "exit before entry",
            |e| {
                e.entry_date = d("2020-05-01");
                e.exit_date = d("2020-04-30");
            },
            vec![Invalid::ExitBeforeEntry],
        ),
        (
            "exit on entry day is fine",
            |e| {
                e.entry_date = d("2020-05-01");
                e.exit_date = d("2020-05-01");
            },
            vec![],
        ),
        (
            "exit without entry is fine",
            |e| e.exit_date = d("2020-05-01"),
            vec![],
        ),
    ];
    for (name, change, expected) in cases {
        let mut input = base();
        change(&mut input);
        let got = input.validated().err().unwrap_or_default();
        assert_eq!(got, expected, "case: {name}");
    }
    let mut too_long = base();
    too_long.last_name = long;
    assert_eq!(
        too_long.validated().unwrap_err(),
        [Invalid::TooLong(Field::LastName)]
    );
    let mut exactly = base();
    exactly.last_name = "ä".repeat(200);
    assert!(
        exactly.validated().is_ok(),
        "200 characters (not bytes) are allowed"
    );
}

#[test]
fn names_are_trimmed_and_inner_space_collapsed() {
    let mut input = base();
    input.first_name = "  Anna   Lena ".into();
    input.last_name = "\u{a0}Müller-Lüdenscheidt\n".into();
    input.email = " anna@stadt.de ".into();
    let valid = input.validated().unwrap();
    assert_eq!(valid.first_name, "Anna Lena");
    assert_eq!(valid.last_name, "Müller-Lüdenscheidt");
    assert_eq!(valid.email.as_deref(), Some("anna@stadt.de"));
}

#[test]
fn department_cases() {
    let cases = [
        ("HA", "Hauptamt", vec![]),
        ("", "Hauptamt", vec![Invalid::Empty(Field::DepartmentCode)]),
        ("HA", " ", vec![Invalid::Empty(Field::DepartmentName)]),
    ];
    for (code, name, expected) in cases {
        let input = DepartmentInput {
            code: code.into(),
            name: name.into(),
            parent_id: None,
        };
        assert_eq!(
            input.validated().err().unwrap_or_default(),
            expected,
            "{code:?} {name:?}"
        );
    }
}

#[test]
fn email_plausibility() {
    for (email, ok) in [
        ("a@b.de", true),
        ("anna.mueller@porta-westfalica.de", true),
        ("a@b", false),
        ("@b.de", false),
        ("a@@b.de", false),
        ("a@b..de", false),
        ("a@.b.de", false),
        ("a@b.de.", false),
    ] {
        assert_eq!(check_email(email), ok, "{email}");
    }
}

#[test]
fn messages_in_both_languages() {
    let problem = Invalid::Empty(Field::LastName);
    set_thread_language(Lang::De);
    assert_eq!(problem.message(), "„Nachname“ darf nicht leer sein.");
    set_thread_language(Lang::En);
    assert_eq!(problem.message(), "“Last name” must not be empty.");
    set_thread_language(Lang::De);
    assert_eq!(
        Invalid::TooLong(Field::FirstName).message(),
        "„Vorname“ darf höchstens 200 Zeichen lang sein."
    );
}
