//! Unit tests of the staff-list import: columns and department codes.

use super::*;
use crate::i18n::{Lang, set_thread_language};
use std::collections::HashSet;

fn headers(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn header_variants_are_recognised() {
    for (header, column) in [
        ("Personalnummer", Column::PersonnelNumber),
        (" Pers.-Nr. ", Column::PersonnelNumber),
        ("PERSONNEL NUMBER", Column::PersonnelNumber),
        ("Employee_ID", Column::PersonnelNumber),
        ("Nachname", Column::LastName),
        ("Last name", Column::LastName),
        ("Vorname", Column::FirstName),
        ("first-name", Column::FirstName),
        ("Anrede", Column::Salutation),
        ("Title", Column::Salutation),
        ("E-Mail", Column::Email),
        ("Email", Column::Email),
        ("Mail", Column::Email),
        ("E-Mail-Adresse", Column::Email),
        ("OE", Column::Department),
        ("Organisationseinheit", Column::Department),
        ("Abteilung", Column::Department),
        ("Department", Column::Department),
        ("Stellenbezeichnung", Column::JobTitle),
        ("Funktion", Column::JobTitle),
        ("Tätigkeit", Column::JobTitle),
        ("Job title", Column::JobTitle),
        ("Eintrittsdatum", Column::EntryDate),
        ("Entry date", Column::EntryDate),
        ("Austrittsdatum", Column::ExitDate),
        ("Exit date", Column::ExitDate),
    ] {
        assert_eq!(Column::from_header(header), Some(column), "{header}");
    }
    assert_eq!(Column::from_header("Kostenstelle"), None);
    assert_eq!(Column::from_header("Name"), None);
}

#[test]
fn name_is_the_last_name_only_without_another_one() {
    let map =
        ColumnMap::from_headers(&headers(&["PNr", "Name", "Vorname"]), 1).expect("columns found");
    assert!(map.has(Column::LastName));
    assert!(map.ignored.is_empty());
    let map = ColumnMap::from_headers(&headers(&["PNr", "Name", "Nachname", "Vorname"]), 1)
        .expect("columns found");
    assert_eq!(map.ignored, ["Name"]);
    assert_eq!(map.recognized[1], (Column::LastName, "Nachname".to_owned()));
}

#[test]
fn missing_and_duplicate_columns_are_named() {
    set_thread_language(Lang::De);
    let err = ColumnMap::from_headers(&headers(&["Nachname", "Telefon"]), 3)
        .expect_err("columns missing")
        .user_message();
    assert!(err.contains("Personalnummer, Vorname"), "{err}");
    assert!(err.contains("Zeile 3"), "{err}");
    assert!(err.contains("„Telefon“"), "{err}");
    let err = ColumnMap::from_headers(
        &headers(&["PNr", "Nachname", "Vorname", "Mail", "E-Mail"]),
        1,
    )
    .expect_err("two e-mail columns")
    .user_message();
    assert!(err.contains("„Mail“") && err.contains("„E-Mail“"), "{err}");
}

#[test]
fn department_codes_are_derived_and_unique() {
    let mut taken = HashSet::new();
    assert_eq!(derive_department_code("Digitalamt", &taken), "DIGITALAMT");
    assert_eq!(derive_department_code("Bürgerbüro", &taken), "BUERGERBUERO");
    assert_eq!(
        derive_department_code("Amt für Digitalisierung", &taken),
        "AFD"
    );
    assert_eq!(derive_department_code("Fachbereich 3", &taken), "F3");
    assert_eq!(derive_department_code("–", &taken), "OE");
    taken.insert("afd".to_owned());
    taken.insert("afd-2".to_owned());
    assert_eq!(
        derive_department_code("Amt für Digitalisierung", &taken),
        "AFD-3"
    );
}
