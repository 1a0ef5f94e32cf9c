//! Defining programs: validation as table-driven cases, prerequisite cycles, audit.

use lotse::Error;
use lotse::model::{Invalid, ProgramInput, ProgramTitles, Requirement, SeminarId, SeminarInput};
use lotse::service::Database;
use lotse::service::programs;
use lotse::store::Read;

fn store_with_seminars() -> (Database, Vec<SeminarId>) {
    let mut store = Database::open_scratch().unwrap();
    let ids = store
        .store_mut()
        .transact(|tx| {
            (1..=3)
                .map(|i| {
                    tx.insert_seminar(&SeminarInput {
                        code: format!("DF-10{i}"),
                        title: format!("Modul {i}"),
                        topic: "Digitale Verwaltung".into(),
                        default_hours: 4.0,
                        ..Default::default()
                    })
                })
                .collect()
        })
        .unwrap();
    (store, ids)
}

fn input(code: &str, requirements: Vec<Requirement>) -> ProgramInput {
    ProgramInput {
        code: code.into(),
        serial_prefix: code.into(),
        titles: ProgramTitles {
            de_male: "Digitallotse".into(),
            de_female: "Digitallotsin".into(),
            de_neutral: "Digitallots:in".into(),
            en: "Digital Pilot".into(),
        },
        description: String::new(),
        validity_months: Some(24),
        allow_partial: false,
        requirements,
    }
}

#[test]
fn invalid_programs_are_refused_with_every_problem() {
    let (mut store, s) = store_with_seminars();
    type Change = Box<dyn Fn(&mut ProgramInput)>;
    let cases: Vec<(&str, Change, Vec<Invalid>)> = vec![
        (
            "no requirements",
            Box::new(|p| p.requirements.clear()),
            vec![Invalid::NoRequirements],
        ),
        (
            "prefix with dash",
            Box::new(|p| p.serial_prefix = "D-L".into()),
            vec![Invalid::SerialPrefixFormat],
        ),
        (
            "prefix too long",
            Box::new(|p| p.serial_prefix = "ABCDEFGHI".into()),
            vec![Invalid::SerialPrefixFormat],
        ),
        (
            "zero months",
            Box::new(|p| p.validity_months = Some(0)),
            vec![Invalid::ValidityOutOfRange],
        ),
        (
            "empty female title",
            Box::new(|p| p.titles.de_female = " ".into()),
            vec![Invalid::Empty(lotse::model::Field::TitleDeFemale)],
        ),
        (
            "4 of 3",
            {
                let s = s.clone();
                Box::new(move |p| {
                    p.requirements = vec![Requirement::AtLeastN {
                        n: 4,
                        seminars: s.clone(),
                    }]
                })
            },
            vec![Invalid::CountOutOfRange { n: 4, of: 3 }],
        ),
        (
            "0 hours",
            Box::new(|p| {
                p.requirements = vec![Requirement::TopicHours {
                    topic: "IT".into(),
                    hours: 0.0,
                }]
            }),
            vec![Invalid::HoursRequirement],
        ),
        (
            "unknown seminar",
            Box::new(|p| p.requirements = vec![Requirement::Seminar(SeminarId(99))]),
            vec![Invalid::UnknownSeminar("99".into())],
        ),
    ];
    for (name, change, expected) in cases {
        let mut p = input("DL", vec![Requirement::Seminar(s[0])]);
        change(&mut p);
        match programs::add(&mut store, &p) {
            Err(Error::Invalid(problems)) => assert_eq!(problems, expected, "case {name}"),
            other => panic!("case {name}: {other:?}"),
        }
    }
    assert_eq!(store.store().program_count().unwrap(), 0);
    assert_eq!(store.store().audit_count().unwrap(), 0);
}

#[test]
fn codes_are_unique_and_prefixes_upper_case() {
    let (mut store, s) = store_with_seminars();
    let mut p = input("DL", vec![Requirement::Seminar(s[0])]);
    p.serial_prefix = "dl".into();
    let id = programs::add(&mut store, &p).unwrap();
    assert_eq!(
        store.store().program(id).unwrap().unwrap().serial_prefix,
        "DL"
    );
    let err =
        programs::add(&mut store, &input("DL", vec![Requirement::Seminar(s[1])])).unwrap_err();
    assert!(
        matches!(err, Error::Invalid(ref p) if p == &[Invalid::DuplicateProgramCode("DL".into())])
    );
}

#[test]
fn prerequisites_cannot_form_a_cycle() {
    let (mut store, s) = store_with_seminars();
    let dl = programs::add(&mut store, &input("DL", vec![Requirement::Seminar(s[0])])).unwrap();
    let dcm = programs::add(
        &mut store,
        &input(
            "DCM",
            vec![Requirement::Prerequisite(dl), Requirement::Seminar(s[1])],
        ),
    )
    .unwrap();
    let top = programs::add(
        &mut store,
        &input("TOP", vec![Requirement::Prerequisite(dcm)]),
    )
    .unwrap();
    // DL may not require TOP, which requires DCM, which requires DL.
    let err = programs::update(
        &mut store,
        dl,
        &input(
            "DL",
            vec![Requirement::Seminar(s[0]), Requirement::Prerequisite(top)],
        ),
    )
    .unwrap_err();
    assert!(
        matches!(err, Error::Invalid(ref p) if p == &[Invalid::PrerequisiteCycle]),
        "{err:?}"
    );
    let err = programs::update(
        &mut store,
        dl,
        &input("DL", vec![Requirement::Prerequisite(dl)]),
    )
    .unwrap_err();
    assert!(matches!(err, Error::Invalid(ref p) if p == &[Invalid::PrerequisiteCycle]));
    // Archiving and editing are audited.
    programs::set_archived(&mut store, top, true).unwrap();
    assert!(store.store().program(top).unwrap().unwrap().archived);
    let actions: Vec<String> = store
        .store()
        .audit_entries(10)
        .unwrap()
        .into_iter()
        .map(|e| format!("{}:{}", e.entity, e.action))
        .collect();
    assert_eq!(actions[0], "program:archive");
    assert_eq!(actions.iter().filter(|a| *a == "program:add").count(), 3);
}
