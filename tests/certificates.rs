//! Issuing, serial numbers, frozen reprints, corrections, revocation and verification.

use lotse::certificate::{Orientation, RenderOptions};
use lotse::i18n::Lang;
mod common;
mod common_pdf;

use common::{City, city, city_in, d};
use lotse::model::{EmployeeId, Salutation};
use lotse::service::Database;
use lotse::service::certificates::{
    self, Correction, IssueOptions, PrintTarget, Verification, printables,
};
use lotse::service::settings::{self, CertificateSettings};
use lotse::store::{CertificateFilter, Read};
use lotse::{Error, service};

/// Issues to the employees at these positions of `c.employees`.
fn issue(c: &mut City, who: &[usize], on: &str) -> lotse::Result<Vec<certificates::Issued>> {
    let who: Vec<EmployeeId> = who.iter().map(|&i| c.employees[i]).collect();
    certificates::issue(
        &mut c.store,
        c.program,
        &who,
        &IssueOptions::on(d(on)),
        &mut |_| true,
    )
}

/// Issues to everyone in the city.
fn issue_all(c: &mut City, on: &str) -> lotse::Result<Vec<certificates::Issued>> {
    let all: Vec<usize> = (0..c.employees.len()).collect();
    issue(c, &all, on)
}

fn pdf_of(store: &Database, serial: &str) -> Vec<u8> {
    let certs = certificates::by_serials(store, &[serial.to_owned()]).unwrap();
    let items = printables(store, certs).unwrap();
    lotse::certificate::render_one(
        &items[0].snapshot,
        items[0].logo.as_ref(),
        &RenderOptions {
            lang: Lang::De,
            orientation: Orientation::Portrait,
            pdfa: true,
        },
    )
    .unwrap()
}

#[test]
fn serials_count_per_program_and_year_without_gaps() {
    let mut c = city(5, 5);
    let first = issue(&mut c, &[0, 1], "2026-11-21").unwrap();
    let second = issue(&mut c, &[2, 3], "2026-11-21").unwrap();
    let serials: Vec<_> = first
        .iter()
        .chain(&second)
        .map(|i| i.serial.clone())
        .collect();
    assert_eq!(
        serials,
        [
            "DL-2026-0001",
            "DL-2026-0002",
            "DL-2026-0003",
            "DL-2026-0004"
        ]
    );
    // A refused batch uses up no number.
    let err = issue(&mut c, &[0, 4], "2026-11-21").unwrap_err();
    assert!(
        matches!(err, Error::Message(ref m) if m.contains("0001")),
        "{err:?}"
    );
    let next = issue(&mut c, &[4], "2027-01-05").unwrap();
    assert_eq!(next[0].serial, "DL-2027-0001", "a new year starts at 1");
    assert_eq!(c.store.store().certificate_count().unwrap(), 5);
}

#[test]
fn a_batch_with_one_ineligible_employee_writes_nothing() {
    let mut c = city(3, 2);
    let audit_before = c.store.store().audit_count().unwrap();
    let err = issue_all(&mut c, "2026-11-21").unwrap_err();
    lotse::i18n::set_thread_language(Lang::De);
    assert!(
        matches!(err, Error::Message(ref m) if m.contains("Weiß2") && m.contains("0 von 2 Anforderungen")),
        "{err:?}"
    );
    assert_eq!(c.store.store().certificate_count().unwrap(), 0);
    assert_eq!(c.store.store().audit_count().unwrap(), audit_before);
    // Before the seminars took place nobody is eligible.
    assert!(issue(&mut c, &[0], "2026-03-01").is_err());
}

#[test]
fn the_snapshot_holds_the_gendered_title_seminars_and_validity() {
    let mut c = city(2, 2);
    issue_all(&mut c, "2026-11-21").unwrap();
    let rows = c
        .store
        .store()
        .certificate_rows(&CertificateFilter::default())
        .unwrap();
    let by_pnr = |pnr: &str| {
        let row = rows.iter().find(|r| r.personnel_number == pnr).unwrap();
        lotse::certificate::CertificateSnapshot::from_json(&row.certificate.snapshot).unwrap()
    };
    let male = by_pnr("0001");
    let female = by_pnr("0002");
    assert_eq!(male.title_de, "Digitallotse");
    assert_eq!(female.title_de, "Digitallotsin");
    assert_eq!(female.title_en, "Digital Pilot");
    assert_eq!(female.valid_until, Some(d("2028-11-21")));
    assert_eq!(female.organisation, "Stadt Porta Westfalica");
    assert_eq!(female.signatory_name, "Anke Müller-Weiß");
    let titles: Vec<_> = female.seminars.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Grundlagen der digitalen Verwaltung",
            "E-Akte in der Praxis"
        ]
    );
    assert!((female.total_hours - 8.0).abs() < 1e-9);
    assert_eq!(female.code.len(), 12);
}

#[test]
fn a_reprint_gives_the_same_bytes_after_everything_changed() {
    let mut c = city(1, 1);
    let issued = issue_all(&mut c, "2026-11-21").unwrap();
    let serial = issued[0].serial.clone();
    let before = pdf_of(&c.store, &serial);
    // Change the settings, the employee's name and the program's title.
    settings::save_certificate_settings(
        &mut c.store,
        &CertificateSettings {
            organisation: "Stadt Minden".into(),
            place: "Minden".into(),
            signatory_name: "Someone Else".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let e = c.store.store().employee(c.employees[0]).unwrap().unwrap();
    let mut input = e.input();
    input.last_name = "Neuname".into();
    service::employees::update(&mut c.store, e.id, &input).unwrap();
    c.store
        .store_mut()
        .transact(|tx| {
            let mut p = tx.program(c.program)?.unwrap().input();
            p.titles.de_male = "Digitalpilot".into();
            tx.update_program(c.program, &p)
        })
        .unwrap();
    let after = pdf_of(&c.store, &serial);
    assert_eq!(before, after, "a frozen certificate prints the same bytes");
}

#[test]
fn verify_genuine_expired_revoked_superseded_unknown_and_altered() {
    let mut c = city(3, 3);
    let issued = issue_all(&mut c, "2026-11-21").unwrap();
    let code_of = |store: &Database, serial: &str| {
        store
            .store()
            .certificate_by_serial(serial)
            .unwrap()
            .unwrap()
            .code
    };
    let today = d("2026-11-21");
    let code0 = code_of(&c.store, &issued[0].serial);
    // Typed with dashes and in lower case.
    let typed = lotse::certificate::format_code(&code0).to_lowercase();
    let v = certificates::verify(&c.store, &typed, today).unwrap();
    assert!(v.is_valid(), "{v:?}");
    assert_eq!(v.status_code(), "valid");
    if let Verification::Genuine { snapshot, .. } = &v {
        assert_eq!(snapshot.serial, issued[0].serial);
    }
    // Expired after 24 months.
    let v = certificates::verify(&c.store, &code0, d("2028-11-22")).unwrap();
    assert_eq!(v.status_code(), "expired");
    assert!(!v.is_valid());
    // Revoked.
    certificates::revoke(&mut c.store, issued[1].id, today, "Irrtümlich ausgestellt").unwrap();
    let v = certificates::verify(&c.store, &code_of(&c.store, &issued[1].serial), today).unwrap();
    assert_eq!(v.status_code(), "revoked");
    // Superseded by a correction.
    let new = certificates::correct(
        &mut c.store,
        issued[2].id,
        &Correction {
            first_name: "Jürgen".into(),
            last_name: "Weiss-Özdemir".into(),
            salutation: Salutation::Neutral,
            reason: "Name falsch geschrieben".into(),
        },
    )
    .unwrap();
    let old_v =
        certificates::verify(&c.store, &code_of(&c.store, &issued[2].serial), today).unwrap();
    assert_eq!(old_v.status_code(), "superseded");
    let new_v = certificates::verify(&c.store, &code_of(&c.store, &new.serial), today).unwrap();
    assert!(new_v.is_valid());
    if let Verification::Genuine { snapshot, .. } = &new_v {
        assert_eq!(snapshot.last_name, "Weiss-Özdemir");
        assert_eq!(snapshot.title_de, "Digitallots:in");
        assert_eq!(snapshot.issued_on, today);
    }
    // Unknown codes.
    assert_eq!(
        certificates::verify(&c.store, "2222-2222-2222", today).unwrap(),
        Verification::Unknown
    );
    assert_eq!(
        certificates::verify(&c.store, "kein Code", today).unwrap(),
        Verification::Unknown
    );
}

#[test]
fn a_certificate_altered_in_the_database_does_not_verify() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lotse.sqlite");
    let mut c = city_in(Database::open(&path).unwrap(), 2, 2);
    let issued = issue_all(&mut c, "2026-11-21").unwrap();
    let today = d("2026-11-21");
    let first = c
        .store
        .store()
        .certificate_by_serial(&issued[0].serial)
        .unwrap()
        .unwrap();
    let second = c
        .store
        .store()
        .certificate_by_serial(&issued[1].serial)
        .unwrap()
        .unwrap();
    assert!(
        certificates::verify(&c.store, &first.code, today)
            .unwrap()
            .is_valid()
    );
    // Someone edits the file with another tool: a printed name in the snapshot, and the
    // validity column of another certificate.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let tampered = first.snapshot.replace("Weiß0", "Weiß-Fälscher");
    assert_ne!(tampered, first.snapshot);
    conn.execute(
        "UPDATE certificate SET snapshot = ?1 WHERE id = ?2",
        rusqlite::params![tampered, first.id.0],
    )
    .unwrap();
    conn.execute(
        "UPDATE certificate SET valid_until = '2099-12-31' WHERE id = ?1",
        [second.id.0],
    )
    .unwrap();
    for code in [&first.code, &second.code] {
        let v = certificates::verify(&c.store, code, today).unwrap();
        assert_eq!(v.status_code(), "altered", "{v:?}");
        assert!(!v.is_valid());
    }
}

#[test]
fn a_batch_prints_to_one_file_or_a_folder() {
    let mut c = city(3, 3);
    issue_all(&mut c, "2026-11-21").unwrap();
    let all = c.store.store().certificates().unwrap();
    let items = printables(&c.store, all).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let options = RenderOptions {
        lang: Lang::De,
        orientation: Orientation::Portrait,
        pdfa: true,
    };
    let file = dir.path().join("urkunden.pdf");
    let written = certificates::print(
        &items,
        &options,
        &PrintTarget::from_path(&file),
        &mut |_| true,
    )
    .unwrap();
    assert_eq!(written, std::slice::from_ref(&file));
    let doc = lopdf::Document::load(&file).unwrap();
    assert_eq!(doc.get_pages().len(), 3);
    common_pdf::qpdf_check_file(&file);
    let folder = dir.path().join("einzeln");
    let written = certificates::print(
        &items,
        &options,
        &PrintTarget::from_path(&folder),
        &mut |_| true,
    )
    .unwrap();
    let mut names: Vec<String> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 3);
    assert!(names[0].starts_with("DL-2026-0001_"), "{names:?}");
    assert!(names.iter().all(|n| n.ends_with(".pdf")));
    for path in &written {
        common_pdf::assert_pdfa(&std::fs::read(path).unwrap());
    }
    // Cancelled after the first file.
    let cancelled = dir.path().join("abgebrochen");
    let mut calls = 0;
    let err = certificates::print(
        &items,
        &options,
        &PrintTarget::Folder(cancelled),
        &mut |_| {
            calls += 1;
            calls < 1
        },
    )
    .unwrap_err();
    assert!(matches!(err, Error::Cancelled));
}

#[test]
fn revoked_superseded_and_altered_certificates_are_not_printed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lotse.sqlite");
    let mut c = city_in(Database::open(&path).unwrap(), 4, 4);
    let issued = issue_all(&mut c, "2026-11-21").unwrap();
    certificates::revoke(&mut c.store, issued[0].id, d("2026-11-21"), "Irrtum").unwrap();
    certificates::correct(
        &mut c.store,
        issued[1].id,
        &Correction {
            first_name: "Bärbel".into(),
            last_name: "Weiss".into(),
            salutation: Salutation::Female,
            reason: "Schreibweise".into(),
        },
    )
    .unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE certificate SET snapshot = replace(snapshot, 'Weiß2', 'Weiß-Fälscher') WHERE id = ?1",
        [issued[2].id.0],
    )
    .unwrap();
    lotse::i18n::set_thread_language(Lang::De);
    for (i, expected) in [
        (0, "ist widerrufen"),
        (1, "durch eine berichtigte Fassung ersetzt"),
        (2, "in der Datenbank verändert"),
    ] {
        let certs =
            certificates::by_serials(&c.store, std::slice::from_ref(&issued[i].serial)).unwrap();
        match printables(&c.store, certs) {
            Err(Error::Message(m)) => assert!(m.contains(expected), "{m}"),
            Err(other) => panic!("{other:?}"),
            Ok(_) => panic!("{} was printable", issued[i].serial),
        }
    }
    // The intact one prints.
    let certs =
        certificates::by_serials(&c.store, std::slice::from_ref(&issued[3].serial)).unwrap();
    assert_eq!(printables(&c.store, certs).unwrap().len(), 1);
}

/// The number of image XObjects in a PDF.
fn images_in(pdf: &[u8]) -> usize {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.objects
        .values()
        .filter(|o| {
            o.as_stream().is_ok_and(|s| {
                s.dict
                    .get(b"Subtype")
                    .and_then(|v| v.as_name())
                    .is_ok_and(|n| n == b"Image")
            })
        })
        .count()
}

/// The images of a certificate's PDF beyond those it has without a logo (the QR code).
fn logo_images(store: &Database, serial: &str) -> usize {
    let certs = certificates::by_serials(store, &[serial.to_owned()]).unwrap();
    let items = printables(store, certs).unwrap();
    let without = lotse::certificate::render_one(
        &items[0].snapshot,
        None,
        &RenderOptions {
            lang: Lang::De,
            orientation: Orientation::Portrait,
            pdfa: true,
        },
    )
    .unwrap();
    images_in(&pdf_of(store, serial)) - images_in(&without)
}

/// The SHA-256 of the logo a certificate is printed with.
fn printed_logo_sha(store: &Database, serial: &str) -> Option<String> {
    let certs = certificates::by_serials(store, &[serial.to_owned()]).unwrap();
    let items = printables(store, certs).unwrap();
    items[0].logo.as_ref().map(|l| l.sha256())
}

#[test]
fn a_fresh_database_prints_the_default_logo_and_a_chosen_one_replaces_it() {
    use lotse::certificate::{DEFAULT_LOGO_PNG, Logo};
    let default_sha = Logo::from_bytes(DEFAULT_LOGO_PNG.to_vec())
        .unwrap()
        .sha256();
    let (w, _) = Logo::from_bytes(DEFAULT_LOGO_PNG.to_vec())
        .unwrap()
        .size()
        .unwrap();
    assert!(w >= 600, "{w} pixels wide");
    assert!(
        DEFAULT_LOGO_PNG.len() < 30_000,
        "{} bytes",
        DEFAULT_LOGO_PNG.len()
    );

    // No logo in the settings: the certificate carries the default one.
    let mut c = city(3, 3);
    assert_eq!(CertificateSettings::current(&c.store).unwrap().logo, None);
    let first = issue(&mut c, &[0], "2026-11-21").unwrap();
    // The logo: an image, with its transparency as a soft mask.
    assert!(
        logo_images(&c.store, &first[0].serial) >= 1,
        "the default logo"
    );
    assert_eq!(
        printed_logo_sha(&c.store, &first[0].serial),
        Some(default_sha.clone())
    );
    let (preview_sha, _) = certificates::logo_preview(&c.store).unwrap().unwrap();
    assert_eq!(preview_sha, default_sha);

    // A chosen logo replaces it on certificates issued afterwards.
    let custom = include_bytes!("fixtures/logo.png");
    certificates::set_logo(&mut c.store, Some(custom)).unwrap();
    let custom_sha = Logo::from_bytes(custom.to_vec()).unwrap().sha256();
    let second = issue(&mut c, &[1], "2026-11-21").unwrap();
    assert_eq!(
        printed_logo_sha(&c.store, &second[0].serial),
        Some(custom_sha.clone())
    );
    assert!(logo_images(&c.store, &second[0].serial) >= 1);
    // The first keeps the logo it was issued with.
    assert_eq!(
        printed_logo_sha(&c.store, &first[0].serial),
        Some(default_sha.clone())
    );

    // Removing the chosen logo goes back to the default.
    certificates::set_logo(&mut c.store, None).unwrap();
    let third = issue(&mut c, &[2], "2026-11-21").unwrap();
    assert_eq!(
        printed_logo_sha(&c.store, &third[0].serial),
        Some(default_sha)
    );
}
