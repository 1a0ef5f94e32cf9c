//! Importing the staff list: encodings, delimiters, quoting, headers, dates, XLSX,
//! upsert, every kind of rejected row, all-or-nothing commit, creating departments.

use chrono::NaiveDate;
use lotse::i18n::{Lang, set_thread_language};
use lotse::import::employees::Column;
use lotse::model::{DepartmentId, DepartmentInput, EmployeeInput, Field, Invalid, Salutation};
use lotse::service;
use lotse::service::Database;
use lotse::service::import_employees::{self as imp, FieldValue, Preview, Reason};
use lotse::store::{FixedClock, Read};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// An empty store on 1 June 2026, messages in German.
fn store() -> Database {
    set_thread_language(Lang::De);
    Database::open_scratch()
        .expect("in-memory store")
        .with_clock(FixedClock::on(date(2026, 6, 1)))
}

fn department(store: &mut Database, code: &str, name: &str) -> DepartmentId {
    service::departments::add(
        store,
        &DepartmentInput {
            code: code.into(),
            name: name.into(),
            parent_id: None,
        },
    )
    .expect("department added")
}

fn employee(store: &mut Database, input: EmployeeInput) {
    service::employees::add(store, &input).expect("employee added");
}

fn person(pnr: &str, first: &str, last: &str) -> EmployeeInput {
    EmployeeInput {
        personnel_number: pnr.into(),
        first_name: first.into(),
        last_name: last.into(),
        ..Default::default()
    }
}

fn preview_csv(store: &Database, text: &str) -> Preview {
    imp::preview_bytes(store, "personal.csv", text.as_bytes()).expect("file readable")
}

/// Line number and reasons of every rejected row (without creating departments).
fn rejections(preview: &Preview) -> Vec<(usize, Vec<Reason>)> {
    preview
        .plan(false)
        .rejected
        .iter()
        .map(|r| (r.line, r.reasons.clone()))
        .collect()
}

fn stored(store: &Database, pnr: &str) -> lotse::model::Employee {
    store
        .store()
        .employee_by_personnel_number(pnr)
        .expect("query")
        .unwrap_or_else(|| panic!("employee {pnr} not in the database"))
}

#[test]
fn windows_1252_semicolon_csv_from_a_german_excel() {
    let mut store = store();
    let kaem = department(&mut store, "20", "Kämmerei");
    // What German Excel writes as "CSV (Trennzeichen-getrennt)": Windows-1252, `;`, CRLF.
    let text = "Personalnummer;Nachname;Vorname;Anrede;E-Mail;Organisationseinheit;Stellenbezeichnung;Eintrittsdatum\r\n\
                1001;Müller;Jürgen;Herr;j.mueller@stadt.de;Kämmerei;Sachbearbeiter „Kasse“;01.04.2015\r\n\
                1002;Weiß;Anna-Lena;Frau;;20;Größenplanung;15.08.2019\r\n\
                1003;Strauß;Jörg;Herr;;;;\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the test file must not be UTF-8"
    );
    assert!(bytes.contains(&0xFC) && bytes.contains(&0xDF) && bytes.contains(&0x84));

    let preview = imp::preview_bytes(&store, "Personal.CSV", &bytes).expect("readable");
    assert!(
        !preview.has_rejections(false),
        "{:#?}",
        preview.describe_lines()
    );
    assert_eq!(preview.plan(false).added.len(), 3);
    let lines = preview.describe_lines().join("\n");
    assert!(lines.contains("windows-1252"), "{lines}");
    assert!(lines.contains("Trennzeichen „;“"), "{lines}");
    assert!(
        lines.contains("Zeile 2: 1001 Jürgen Müller, Kämmerei (20)"),
        "{lines}"
    );

    let summary = imp::commit(&mut store, &preview, false).expect("committed");
    assert_eq!(summary.added, 3);

    let mueller = stored(&store, "1001");
    assert_eq!(mueller.last_name, "Müller");
    assert_eq!(mueller.first_name, "Jürgen");
    assert_eq!(mueller.salutation, Salutation::Male);
    assert_eq!(mueller.email.as_deref(), Some("j.mueller@stadt.de"));
    assert_eq!(mueller.department_id, Some(kaem));
    assert_eq!(mueller.job_title.as_deref(), Some("Sachbearbeiter „Kasse“"));
    assert_eq!(mueller.entry_date, Some(date(2015, 4, 1)));
    let weiss = stored(&store, "1002");
    assert_eq!(weiss.last_name, "Weiß");
    assert_eq!(weiss.first_name, "Anna-Lena");
    assert_eq!(weiss.salutation, Salutation::Female);
    assert_eq!(weiss.email, None);
    assert_eq!(weiss.department_id, Some(kaem), "matched by code");
    assert_eq!(weiss.job_title.as_deref(), Some("Größenplanung"));
    let strauss = stored(&store, "1003");
    assert_eq!(strauss.last_name, "Strauß");
    assert_eq!(strauss.first_name, "Jörg");
    assert_eq!(strauss.department_id, None);
    assert_eq!(strauss.entry_date, None);
}

#[test]
fn utf8_with_and_without_bom() {
    let text = "Personalnummer;Nachname;Vorname\n1001;Müller;Jürgen\n1002;Weiß;Anna\n";
    for bytes in [
        text.as_bytes().to_vec(),
        [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
    ] {
        let mut store = store();
        let preview = imp::preview_bytes(&store, "a.csv", &bytes).expect("readable");
        // With a BOM the first header would read "\u{feff}Personalnummer" if it were kept.
        assert_eq!(preview.columns[0].1, "Personalnummer");
        imp::commit(&mut store, &preview, false).expect("committed");
        assert_eq!(stored(&store, "1001").last_name, "Müller");
        assert_eq!(stored(&store, "1002").last_name, "Weiß");
        assert_eq!(store.store().employee_count().expect("count"), 2);
    }
}

#[test]
fn comma_delimiter_with_quoted_delimiters_and_line_breaks() {
    let mut store = store();
    let text = "Personalnummer,Nachname,Vorname,Stellenbezeichnung,Eintrittsdatum\n\
                1001,\"Müller, geb. Schmidt\",Anna,\"Sachbearbeiterin\nBürgerservice; Team \"\"Nord\"\"\",01.02.2020\n\
                1002,Weiß,,Hausmeister,2020-01-01\n\
                1003,Meier,Jo,,31.02.2024\n\
                1004,Schulz,Eva,,\n";
    let preview = preview_csv(&store, text);
    assert!(preview.describe_lines()[0].contains("Trennzeichen „,“"));
    let plan = preview.plan(false);
    assert_eq!(plan.added.len(), 2);
    assert_eq!(plan.added[0].line, 2);
    assert_eq!(plan.added[0].employee.last_name, "Müller, geb. Schmidt");
    // Line breaks inside a field fold into one space, as in the forms.
    assert_eq!(
        plan.added[0].employee.job_title.as_deref(),
        Some("Sachbearbeiterin Bürgerservice; Team \"Nord\"")
    );
    // The quoted line break makes the next record start on line 4, not 3.
    assert_eq!(plan.added[1].line, 6);
    assert_eq!(
        rejections(&preview),
        vec![
            (4, vec![Reason::Invalid(Invalid::Empty(Field::FirstName))]),
            (
                5,
                vec![Reason::InvalidDate {
                    column: Column::EntryDate,
                    value: "31.02.2024".into()
                }]
            ),
        ]
    );
    let lines = preview.describe_lines().join("\n");
    assert!(
        lines.contains("Zeile 4: „Vorname“ darf nicht leer sein."),
        "{lines}"
    );
    assert!(
        lines.contains("Zeile 5: Ungültiges Datum „31.02.2024“ in Eintrittsdatum"),
        "{lines}"
    );
    assert!(imp::commit(&mut store, &preview, false).is_err());
}

#[test]
fn tab_delimiter_and_title_lines_above_the_header() {
    let store = store();
    let text = "Personalliste Stand 01.06.2026\n\nPersonalnummer\tNachname\tVorname\n1001\tMüller\tJürgen\n";
    let preview = preview_csv(&store, text);
    assert_eq!(preview.header_line, 3);
    assert_eq!(preview.plan(false).added[0].line, 4);
    assert_eq!(preview.plan(false).added[0].employee.first_name, "Jürgen");
}

#[test]
fn english_headers_in_another_order_with_iso_and_german_dates() {
    let mut store = store();
    let it = department(&mut store, "IT", "Information Technology");
    set_thread_language(Lang::En);
    let text = "Email,First name,Department,Personnel number,Exit date,Salutation,Last name,Entry date,Job title,Phone\n\
                a.smith@city.gov,Alice,it,P-1,,Ms,Smith,2021-03-15,Clerk,123\n\
                b.jones@city.gov,Bob,information technology,P-2,30.06.2026,Mr,Jones,1.9.2010,,456\n";
    let preview = preview_csv(&store, text);
    assert_eq!(preview.ignored_columns, ["Phone"]);
    assert!(
        !preview.has_rejections(false),
        "{:#?}",
        preview.describe_lines()
    );
    assert!(preview.describe_lines()[0].starts_with("File “personal.csv”"));
    imp::commit(&mut store, &preview, false).expect("committed");

    let smith = stored(&store, "P-1");
    assert_eq!(
        (smith.first_name.as_str(), smith.last_name.as_str()),
        ("Alice", "Smith")
    );
    assert_eq!(smith.salutation, Salutation::Female);
    assert_eq!(smith.email.as_deref(), Some("a.smith@city.gov"));
    assert_eq!(
        smith.department_id,
        Some(it),
        "matched by code, case-insensitive"
    );
    assert_eq!(smith.job_title.as_deref(), Some("Clerk"));
    assert_eq!(smith.entry_date, Some(date(2021, 3, 15)));
    assert_eq!(smith.exit_date, None);
    let jones = stored(&store, "P-2");
    assert_eq!(
        jones.department_id,
        Some(it),
        "matched by name, case-insensitive"
    );
    assert_eq!(jones.salutation, Salutation::Male);
    assert_eq!(jones.entry_date, Some(date(2010, 9, 1)));
    assert_eq!(jones.exit_date, Some(date(2026, 6, 30)));
}

#[test]
fn xlsx_with_date_cells_and_numeric_personnel_numbers() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut store = store();
    let bau = department(&mut store, "60", "Bauamt");

    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Personal").expect("sheet name");
    let date_format = Format::new().set_num_format("dd.mm.yyyy");
    // Row 1: a title; row 2: the header; data from sheet row 3.
    sheet.write_string(0, 0, "Personalliste").expect("write");
    for (col, header) in [
        "Pers.-Nr.",
        "Nachname",
        "Vorname",
        "OE",
        "Eintrittsdatum",
        "Austrittsdatum",
    ]
    .iter()
    .enumerate()
    {
        sheet
            .write_string(1, col as u16, *header)
            .expect("write header");
    }
    sheet.write_number(2, 0, 1234.0).expect("write");
    sheet.write_string(2, 1, "Müller").expect("write");
    sheet.write_string(2, 2, "Jürgen").expect("write");
    sheet.write_number(2, 3, 60.0).expect("write");
    sheet
        .write_datetime_with_format(
            2,
            4,
            ExcelDateTime::from_ymd(2015, 4, 1).expect("date"),
            &date_format,
        )
        .expect("write");
    sheet.write_number(3, 0, 1235.0).expect("write");
    sheet.write_string(3, 1, "Weiß").expect("write");
    sheet.write_string(3, 2, "Anna").expect("write");
    sheet.write_string(3, 3, "Bauamt").expect("write");
    sheet.write_string(3, 4, "15.08.2019").expect("write");
    // A date serial without a date format: 45292 = 1 January 2024.
    sheet.write_number(3, 5, 45_292.0).expect("write");
    sheet.write_number(4, 0, 1236.0).expect("write");
    sheet.write_string(4, 1, "Kaputt").expect("write");
    sheet.write_string(4, 2, "Karl").expect("write");
    sheet.write_string(4, 4, "32.13.2020").expect("write");
    let bytes = workbook.save_to_buffer().expect("xlsx written");

    let preview = imp::preview_bytes(&store, "personal.xlsx", &bytes).expect("readable");
    assert!(preview.describe_lines()[0].contains("Arbeitsblatt „Personal“"));
    assert_eq!(preview.header_line, 2);
    assert_eq!(
        rejections(&preview),
        vec![(
            5,
            vec![Reason::InvalidDate {
                column: Column::EntryDate,
                value: "32.13.2020".into()
            }]
        )]
    );
    let added = &preview.plan(false).added;
    assert_eq!(added.len(), 2);
    assert_eq!(added[0].line, 3);
    assert_eq!(added[0].employee.personnel_number, "1234");
    assert_eq!(added[0].employee.entry_date, Some(date(2015, 4, 1)));
    assert_eq!(
        added[0].employee.department_id,
        Some(bau),
        "code 60 as a number"
    );
    assert_eq!(added[1].employee.personnel_number, "1235");
    assert_eq!(added[1].employee.entry_date, Some(date(2019, 8, 15)));
    assert_eq!(added[1].employee.exit_date, Some(date(2024, 1, 1)));
    assert_eq!(added[1].employee.department_id, Some(bau));
    let lines = preview.describe_lines().join("\n");
    assert!(
        lines.contains("Zeile 5: Ungültiges Datum „32.13.2020“ in Eintrittsdatum"),
        "{lines}"
    );
}

#[test]
fn xlsx_personnel_numbers_keep_and_match_their_leading_zeros() {
    use rust_xlsxwriter::{Format, Workbook};
    let mut store = store();
    employee(&mut store, person("004711", "Jürgen", "Müller"));
    employee(&mut store, person("000815", "Anna", "Weiß"));
    // Two stored numbers with the value 42: a bare 42 is neither of them.
    employee(&mut store, person("0042", "Karl", "Kurz"));
    employee(&mut store, person("042", "Kurt", "Kurz"));

    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let text_format = Format::new().set_num_format("@");
    for (col, header) in ["Pers.-Nr.", "Nachname", "Vorname", "Stellenbezeichnung"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *header).expect("header");
    }
    // A number cell: Excel keeps 4711 of "004711".
    sheet.write_number(1, 0, 4711.0).expect("write");
    sheet.write_string(1, 1, "Müller").expect("write");
    sheet.write_string(1, 2, "Jürgen").expect("write");
    sheet.write_string(1, 3, "Sachbearbeiter").expect("write");
    // A cell formatted as text keeps its zeros.
    sheet
        .write_string_with_format(2, 0, "000815", &text_format)
        .expect("write");
    sheet.write_string(2, 1, "Weiß").expect("write");
    sheet.write_string(2, 2, "Anna").expect("write");
    sheet
        .write_string(2, 3, "Sachgebietsleiterin")
        .expect("write");
    sheet.write_number(3, 0, 42.0).expect("write");
    sheet.write_string(3, 1, "Kurz").expect("write");
    sheet.write_string(3, 2, "Karla").expect("write");
    sheet.write_number(4, 0, 4712.0).expect("write");
    sheet.write_string(4, 1, "Neu").expect("write");
    sheet.write_string(4, 2, "Nina").expect("write");
    let bytes = workbook.save_to_buffer().expect("xlsx written");

    let preview = imp::preview_bytes(&store, "personal.xlsx", &bytes).expect("readable");
    let plan = preview.plan(false);
    assert!(plan.rejected.is_empty(), "{:?}", plan.rejected);
    let changed: Vec<&str> = plan
        .changed
        .iter()
        .map(|r| r.employee.personnel_number.as_str())
        .collect();
    assert_eq!(changed, ["004711", "000815"], "stored numbers are kept");
    let added: Vec<&str> = plan
        .added
        .iter()
        .map(|r| r.employee.personnel_number.as_str())
        .collect();
    assert_eq!(added, ["42", "4712"], "whole numbers without \".0\"");

    imp::commit(&mut store, &preview, false).expect("committed");
    assert_eq!(
        stored(&store, "004711").job_title.as_deref(),
        Some("Sachbearbeiter")
    );
    assert_eq!(
        stored(&store, "000815").job_title.as_deref(),
        Some("Sachgebietsleiterin")
    );
    let numbers: Vec<String> = store
        .store()
        .employee_snapshot()
        .expect("employees")
        .into_iter()
        .map(|e| e.personnel_number)
        .collect();
    assert!(
        !numbers.iter().any(|n| n == "4711" || n == "815"),
        "{numbers:?}"
    );
    assert_eq!(numbers.len(), 6, "no duplicate: {numbers:?}");
}

#[test]
fn upsert_changes_adds_and_counts_unchanged() {
    let mut store = store();
    let bau = department(&mut store, "60", "Bauamt");
    let kaem = department(&mut store, "20", "Kämmerei");
    employee(
        &mut store,
        EmployeeInput {
            email: "anna.weiss@stadt.de".into(),
            department_id: Some(bau),
            job_title: "Bauzeichnerin".into(),
            entry_date: Some(date(2019, 8, 15)),
            salutation: Salutation::Female,
            ..person("1002", "Anna", "Weiß")
        },
    );
    employee(
        &mut store,
        EmployeeInput {
            exit_date: Some(date(2025, 12, 31)),
            ..person("1003", "Jörg", "Strauß")
        },
    );
    let audits_before = store.store().audit_count().expect("count");

    let text = "Personalnummer;Nachname;Vorname;Anrede;E-Mail;Abteilung;Stellenbezeichnung;Eintrittsdatum;Austrittsdatum\n\
                1001;Müller;Jürgen;Herr;;Kämmerei;;01.04.2015;\n\
                1002;Weiß-Berger;Anna;;anna.weiss-berger@stadt.de;20;;;\n\
                1003;Strauß;Jörg;;;;;;\n";
    let preview = preview_csv(&store, text);
    assert_eq!(
        store.store().audit_count().expect("count"),
        audits_before,
        "the preview writes nothing"
    );
    let plan = preview.plan(false);
    assert_eq!(plan.added.len(), 1);
    assert_eq!(
        plan.unchanged, 1,
        "1003: empty cells keep the stored values"
    );
    assert_eq!(plan.changed.len(), 1);
    let changed = &plan.changed[0];
    assert_eq!(changed.line, 3);
    let fields: Vec<Column> = changed.changes.iter().map(|c| c.column).collect();
    assert_eq!(
        fields,
        [Column::LastName, Column::Email, Column::Department],
        "empty job title, salutation and dates keep the stored values"
    );
    assert_eq!(
        changed.changes[0].old,
        FieldValue::Text(Some("Weiß".into()))
    );
    assert_eq!(
        changed.changes[0].new,
        FieldValue::Text(Some("Weiß-Berger".into()))
    );
    let lines = preview.describe_lines().join("\n");
    assert!(
        lines.contains("Neu: 1 · geändert: 1 · unverändert: 1 · abgelehnt: 0"),
        "{lines}"
    );
    assert!(
        lines.contains(
            "Zeile 3: 1002 Anna Weiß-Berger – Nachname „Weiß“ → „Weiß-Berger“; \
             E-Mail „anna.weiss@stadt.de“ → „anna.weiss-berger@stadt.de“; \
             Organisationseinheit „Bauamt (60)“ → „Kämmerei (20)“"
        ),
        "{lines}"
    );

    let summary = imp::commit(&mut store, &preview, false).expect("committed");
    assert_eq!(
        summary,
        imp::ImportSummary {
            added: 1,
            changed: 1,
            unchanged: 1,
            departments_created: 0
        }
    );
    assert!(
        summary
            .describe()
            .contains("1 neu, 1 geändert, 1 unverändert")
    );
    let weiss = stored(&store, "1002");
    assert_eq!(weiss.last_name, "Weiß-Berger");
    assert_eq!(weiss.email.as_deref(), Some("anna.weiss-berger@stadt.de"));
    assert_eq!(weiss.department_id, Some(kaem));
    assert_eq!(weiss.job_title.as_deref(), Some("Bauzeichnerin"));
    assert_eq!(weiss.entry_date, Some(date(2019, 8, 15)));
    assert_eq!(weiss.salutation, Salutation::Female);
    let strauss = stored(&store, "1003");
    assert_eq!(
        strauss.exit_date,
        Some(date(2025, 12, 31)),
        "leaver stays a leaver"
    );
    assert_eq!(store.store().employee_count().expect("count"), 3);

    // One entry per written employee and one summary.
    assert_eq!(
        store.store().audit_count().expect("count"),
        audits_before + 3
    );
    let entries = store.store().audit_entries(3).expect("audit");
    assert_eq!(entries[0].entity, "import");
    assert_eq!(
        entries[0].summary,
        "import personal.csv: 1 added, 1 changed"
    );
    assert!(entries[1..].iter().all(|e| e.entity == "employee"));
    assert!(
        entries[1..]
            .iter()
            .any(|e| e.action == "edit" && e.summary.contains("1002"))
    );
    assert!(
        entries[1..]
            .iter()
            .any(|e| e.action == "add" && e.summary.contains("1001"))
    );

    // The same file again changes nothing and records nothing.
    let again = preview_csv(&store, text);
    assert_eq!(again.plan(false).unchanged, 3);
    let summary = imp::commit(&mut store, &again, false).expect("committed");
    assert_eq!(
        (summary.added, summary.changed, summary.unchanged),
        (0, 0, 3)
    );
    assert_eq!(
        store.store().audit_count().expect("count"),
        audits_before + 3
    );
}

#[test]
fn every_kind_of_bad_row_with_its_line_and_reason() {
    let mut store = store();
    let old = department(&mut store, "ALT", "Altes Amt");
    service::departments::set_active(&mut store, old, false).expect("deactivated");
    department(&mut store, "A1", "Doppelt");
    department(&mut store, "A2", "Doppelt");
    employee(
        &mut store,
        EmployeeInput {
            entry_date: Some(date(2020, 1, 1)),
            ..person("2000", "Eva", "Alt")
        },
    );
    let long_name = "L".repeat(201);
    let text = format!(
        "Personalnummer;Nachname;Vorname;Anrede;E-Mail;OE;Eintrittsdatum;Austrittsdatum\n\
         1001;Gut;Gustav;;;;;\n\
         1002;Datum;Dora;;;;31.02.2024;\n\
         1003;Doppelt;Dieter;;;;;\n\
         1003;Doppelt;Doris;;;;;\n\
         1004;;Nora;;;;;\n\
         1005;Post;Paul;;paul(at)stadt.de;;;\n\
         1006;Früh;Fritz;;;;01.05.2020;30.04.2020\n\
         1007;{long_name};Lang;;;;;\n\
         1008;Fremd;Frida;;;Digitalamt;;\n\
         1009;Anrede;Anton;Graf;;;;\n\
         ;Ohne;Nummer;;;;;\n\
         1010;Alt;Amt;;;ALT;;\n\
         1011;Zwei;Namen;;;Doppelt;;\n\
         2000;Alt;Eva;;;;;2019-12-31\n\
         1012;Aus;Zeit;;;;;gestern\n"
    );
    let preview = preview_csv(&store, &text);
    assert_eq!(preview.plan(false).added.len(), 1, "only line 2 is good");
    assert_eq!(
        rejections(&preview),
        vec![
            (
                3,
                vec![Reason::InvalidDate {
                    column: Column::EntryDate,
                    value: "31.02.2024".into()
                }]
            ),
            (
                4,
                vec![Reason::DuplicateInFile {
                    number: "1003".into(),
                    lines: vec![4, 5]
                }]
            ),
            (
                5,
                vec![Reason::DuplicateInFile {
                    number: "1003".into(),
                    lines: vec![4, 5]
                }]
            ),
            (6, vec![Reason::Invalid(Invalid::Empty(Field::LastName))]),
            (7, vec![Reason::Invalid(Invalid::EmailImplausible)]),
            (8, vec![Reason::Invalid(Invalid::ExitBeforeEntry)]),
            (9, vec![Reason::Invalid(Invalid::TooLong(Field::LastName))]),
            (
                10,
                vec![Reason::Invalid(Invalid::UnknownDepartment(
                    "Digitalamt".into()
                ))]
            ),
            (11, vec![Reason::UnknownSalutation("Graf".into())]),
            (
                12,
                vec![Reason::Invalid(Invalid::Empty(Field::PersonnelNumber))]
            ),
            (
                13,
                vec![Reason::Invalid(Invalid::InactiveDepartment("ALT".into()))]
            ),
            (14, vec![Reason::AmbiguousDepartment("Doppelt".into())]),
            (15, vec![Reason::Invalid(Invalid::ExitBeforeEntry)],),
            (
                16,
                vec![Reason::InvalidDate {
                    column: Column::ExitDate,
                    value: "gestern".into()
                }]
            ),
        ]
    );
    let lines = preview.describe_lines();
    let expected = [
        "Zeile 3: Ungültiges Datum „31.02.2024“ in Eintrittsdatum",
        "Zeile 4: Die Personalnummer 1003 kommt mehrfach in der Datei vor (Zeilen 4, 5).",
        "Zeile 5: Die Personalnummer 1003 kommt mehrfach in der Datei vor (Zeilen 4, 5).",
        "Zeile 6: „Nachname“ darf nicht leer sein.",
        "Zeile 7: Die E-Mail-Adresse sieht nicht gültig aus",
        "Zeile 8: Das Austrittsdatum liegt vor dem Eintrittsdatum.",
        "Zeile 9: „Nachname“ darf höchstens 200 Zeichen lang sein.",
        "Zeile 10: Die Organisationseinheit „Digitalamt“ gibt es nicht.",
        "Zeile 11: Unbekannte Anrede „Graf“",
        "Zeile 12: „Personalnummer“ darf nicht leer sein.",
        "Zeile 13: Die Organisationseinheit „ALT“ ist deaktiviert.",
        "Zeile 14: Mehrere Organisationseinheiten heißen „Doppelt“.",
        "Zeile 15: Das Austrittsdatum liegt vor dem Eintrittsdatum.",
        "Zeile 16: Ungültiges Datum „gestern“ in Austrittsdatum",
    ];
    for want in expected {
        assert!(
            lines.iter().any(|l| l.trim_start().starts_with(want)),
            "missing {want:?} in\n{}",
            lines.join("\n")
        );
    }
    assert!(preview.has_rejections(false));
    assert!(
        preview.has_rejections(true),
        "only line 10 is resolved by creating"
    );
    assert_eq!(preview.plan(true).rejected.len(), 13);
    assert_eq!(preview.unknown_departments(), ["Digitalamt"]);

    set_thread_language(Lang::En);
    let lines = preview.describe_lines().join("\n");
    assert!(
        lines.contains("Line 3: Invalid date “31.02.2024” in Entry date"),
        "{lines}"
    );
}

#[test]
fn one_bad_row_refuses_the_whole_commit() {
    let mut store = store();
    employee(&mut store, person("1001", "Anna", "Alt"));
    let text = "Personalnummer;Nachname;Vorname;Eintrittsdatum\n\
                1001;Neu;Anna;\n\
                1002;Gut;Gerd;01.01.2020\n\
                1003;Schlecht;Sabine;2020-13-01\n";
    let preview = preview_csv(&store, text);
    assert!(preview.has_rejections(false));
    assert!(preview.has_rejections(true));
    let employees = store.store().employee_count().expect("count");
    let audits = store.store().audit_count().expect("count");

    let err = imp::commit(&mut store, &preview, true).expect_err("refused");
    let message = err.user_message();
    assert!(message.contains("nichts wurde gespeichert"), "{message}");
    assert!(
        message.contains("Zeile 4: Ungültiges Datum „2020-13-01“ in Eintrittsdatum"),
        "{message}"
    );
    assert_eq!(store.store().employee_count().expect("count"), employees);
    assert_eq!(store.store().audit_count().expect("count"), audits);
    assert_eq!(stored(&store, "1001").last_name, "Alt");
    assert!(
        store
            .store()
            .employee_by_personnel_number("1002")
            .expect("query")
            .is_none()
    );
}

#[test]
fn unknown_department_is_rejected_unless_created() {
    let mut store = store();
    department(&mut store, "DIGITALAMT", "Amt für Digitales");
    let text = "Personalnummer;Nachname;Vorname;Organisationseinheit\n\
                1001;Müller;Jürgen;Digitalamt\n\
                1002;Weiß;Anna;Amt für Bürgerdienste\n\
                1003;Strauß;Jörg;amt für  bürgerdienste\n\
                1004;Neu;Nina;Digitalamt Süd\n";
    let preview = preview_csv(&store, text);
    let plan = preview.plan(false);
    assert_eq!(plan.added.len(), 1, "Digitalamt matches a code");
    assert_eq!(
        rejections(&preview)
            .iter()
            .map(|(line, _)| *line)
            .collect::<Vec<_>>(),
        [3, 4, 5]
    );
    assert_eq!(
        preview.unknown_departments(),
        ["Amt für Bürgerdienste", "Digitalamt Süd"]
    );
    let lines = preview.describe_lines().join("\n");
    assert!(
        lines.contains("Zeile 3: Die Organisationseinheit „Amt für Bürgerdienste“ gibt es nicht."),
        "{lines}"
    );
    assert!(lines.contains("--create-departments"), "{lines}");
    assert!(imp::commit(&mut store, &preview, false).is_err());
    assert_eq!(store.store().department_count().expect("count"), 1);
    assert_eq!(store.store().employee_count().expect("count"), 0);

    assert!(!preview.has_rejections(true));
    let creating = preview.plan(true);
    assert_eq!(creating.added.len(), 4);
    assert_eq!(
        creating.new_departments,
        ["Amt für Bürgerdienste", "Digitalamt Süd"]
    );
    let lines = preview.describe_lines_for(true).join("\n");
    assert!(lines.contains("Amt für Bürgerdienste (neu)"), "{lines}");

    let summary = imp::commit(&mut store, &preview, true).expect("committed");
    assert_eq!(summary.added, 4);
    assert_eq!(summary.departments_created, 2);
    assert!(
        summary
            .describe()
            .contains("2 Organisationseinheiten angelegt")
    );
    let created = store
        .store()
        .department_by_code("AFB")
        .expect("query")
        .expect("code from the initials");
    assert_eq!(created.name, "Amt für Bürgerdienste");
    assert_eq!(created.parent_id, None);
    assert!(created.active);
    let sued = store
        .store()
        .department_by_code("DS")
        .expect("query")
        .expect("code from the initials");
    assert_eq!(sued.name, "Digitalamt Süd");
    assert_eq!(stored(&store, "1002").department_id, Some(created.id));
    assert_eq!(
        stored(&store, "1003").department_id,
        Some(created.id),
        "one department per distinct value"
    );
    assert_eq!(stored(&store, "1004").department_id, Some(sued.id));
    assert_eq!(store.store().department_count().expect("count"), 3);
    let summary_entry = &store.store().audit_entries(1).expect("audit")[0];
    assert_eq!(
        summary_entry.summary,
        "import personal.csv: 4 added, 0 changed, 2 departments created"
    );
}

#[test]
fn derived_department_codes_avoid_existing_ones() {
    let mut store = store();
    department(&mut store, "AFB", "Amt für Bauen");
    let text = "Personalnummer;Nachname;Vorname;OE\n1001;Müller;Jürgen;Amt für Bürgerdienste\n";
    let preview = preview_csv(&store, text);
    imp::commit(&mut store, &preview, true).expect("committed");
    let created = store
        .store()
        .department_by_code("AFB-2")
        .expect("query")
        .expect("a unique code");
    assert_eq!(created.name, "Amt für Bürgerdienste");
}

#[test]
fn a_stale_preview_is_planned_again_at_commit() {
    let mut store = store();
    let text = "Personalnummer;Nachname;Vorname;E-Mail\n1001;Müller;Jürgen;j.mueller@stadt.de\n";
    let preview = preview_csv(&store, text);
    assert_eq!(preview.plan(false).added.len(), 1);
    // Meanwhile someone adds the same personnel number by hand.
    employee(&mut store, person("1001", "Jürgen", "Müller"));
    let summary = imp::commit(&mut store, &preview, false).expect("committed");
    assert_eq!((summary.added, summary.changed), (0, 1));
    assert_eq!(store.store().employee_count().expect("count"), 1);
    assert_eq!(
        stored(&store, "1001").email.as_deref(),
        Some("j.mueller@stadt.de")
    );

    // And a department named in the file is deactivated after the preview: refused.
    let dept = department(&mut store, "KÄM", "Kämmerei");
    let text = "Personalnummer;Nachname;Vorname;OE\n1002;Weiß;Anna;KÄM\n";
    let preview = preview_csv(&store, text);
    assert!(!preview.has_rejections(false));
    service::departments::set_active(&mut store, dept, false).expect("deactivated");
    let err = imp::commit(&mut store, &preview, false).expect_err("refused");
    assert!(
        err.user_message().contains("deaktiviert"),
        "{}",
        err.user_message()
    );
    assert!(
        store
            .store()
            .employee_by_personnel_number("1002")
            .expect("query")
            .is_none()
    );
}

#[test]
fn missing_required_columns_are_a_file_error() {
    let store = store();
    let err = imp::preview_bytes(
        &store,
        "a.csv",
        b"Nachname;Name2;E-Mail\nM\xC3\xBCller;x;y\n",
    )
    .expect_err("columns missing");
    let message = err.user_message();
    assert!(
        message.contains("Pflichtspalten: Personalnummer, Vorname"),
        "{message}"
    );

    set_thread_language(Lang::En);
    let err = imp::preview_bytes(&store, "a.csv", b"Personnel number,Email\n1,a@b.de\n")
        .expect_err("columns missing");
    let message = err.user_message();
    assert!(
        message.contains("required columns: Last name, First name"),
        "{message}"
    );

    set_thread_language(Lang::De);
    let err = imp::preview_bytes(&store, "a.pdf", b"%PDF").expect_err("not a spreadsheet");
    assert!(err.user_message().contains("CSV"), "{}", err.user_message());
    let err = imp::preview_bytes(&store, "a.xlsx", b"not a zip").expect_err("broken workbook");
    assert!(
        err.user_message().contains("Arbeitsmappe"),
        "{}",
        err.user_message()
    );
    let err = imp::preview_bytes(&store, "a.csv", b"").expect_err("empty");
    assert!(
        err.user_message().contains("leer"),
        "{}",
        err.user_message()
    );
}

#[test]
fn preview_reads_a_file_from_disk_and_names_it() {
    let store = store();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("Personal März.csv");
    std::fs::write(&path, "Personalnummer;Nachname;Vorname\n1;Müller;Jürgen\n").expect("written");
    let preview = imp::preview(&store, &path).expect("readable");
    assert_eq!(preview.file_name, "Personal März.csv");
    assert_eq!(preview.data_rows(), 1);
    let missing = imp::preview(&store, &dir.path().join("fehlt.csv"));
    assert!(missing.is_err());
}

#[test]
fn ten_thousand_rows_are_quick() {
    let mut store = store();
    let kaem = department(&mut store, "20", "Kämmerei");
    let mut text = String::from("Personalnummer;Nachname;Vorname;OE;Eintrittsdatum\n");
    for i in 0..10_000 {
        text.push_str(&format!("{i};Müller{i};Jürgen;Kämmerei;01.04.2015\n"));
    }
    let started = std::time::Instant::now();
    let preview = preview_csv(&store, &text);
    assert_eq!(preview.plan(false).added.len(), 10_000);
    imp::commit(&mut store, &preview, false).expect("committed");
    assert_eq!(store.store().employee_count().expect("count"), 10_000);
    assert_eq!(stored(&store, "9999").department_id, Some(kaem));

    // Second run: every row matched against the loaded employees.
    let text = text.replace(";01.04.2015", ";02.04.2015");
    let preview = preview_csv(&store, &text);
    assert_eq!(preview.plan(false).changed.len(), 10_000);
    imp::commit(&mut store, &preview, false).expect("committed");
    let elapsed = started.elapsed();
    assert!(
        elapsed.as_secs() < 20,
        "two imports of 10,000 rows took {elapsed:?}"
    );
}

#[test]
fn a_preview_can_move_to_a_background_thread() {
    fn assert_send<T: Send + 'static>(_: &T) {}
    let store = store();
    let preview = preview_csv(&store, "Personalnummer;Nachname;Vorname\n1;Müller;Jürgen\n");
    assert_send(&preview);
    let lines = std::thread::spawn(move || {
        set_thread_language(Lang::De);
        preview.describe_lines()
    })
    .join()
    .expect("thread");
    assert!(lines.iter().any(|l| l.contains("Zeile 2: 1 Jürgen Müller")));
}
