//! PDF/A-2b: certificates (single, batches, with PNG and JPEG logos, landscape, English,
//! a name the fonts lack) and the coverage report pass the PDF/A checks of `common_pdf`
//! and `qpdf --check`; with the setting off they carry no PDF/A parts; `lotse print
//! --pdfa yes|no` overrides the setting; reprints stay byte-identical.

mod common;
mod common_pdf;

use chrono::NaiveDate;
use common_pdf::{assert_pdfa, pdfa_problems, qpdf_check, qpdf_check_file};
use lotse::certificate::{
    CertificateSnapshot, Logo, Orientation, RenderOptions, SnapshotSeminar, default_wording,
    render, render_one, verification_code,
};
use lotse::i18n::Lang;
use lotse::report::{CoverageOptions, ExportFormat};
use lotse::service::Database;
use lotse::service::reports::{self, ExportKind};
use lotse::service::settings;

const PNG_LOGO: &[u8] = include_bytes!("fixtures/logo.png");
const JPEG_LOGO: &[u8] = include_bytes!("fixtures/logo.jpg");

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

fn snapshot(serial: &str, first: &str, last: &str, seminars: usize) -> CertificateSnapshot {
    let titles = [
        "Grundlagen der digitalen Verwaltung",
        "Die E-Akte im Alltag – „Dokumente“ führen",
        "Datenschutz & Informationssicherheit (Café-Runde, Ağ güvenliği)",
        "Onlinezugangsgesetz: Leistungen digital anbieten",
    ];
    let seminars: Vec<SnapshotSeminar> = (0..seminars)
        .map(|i| SnapshotSeminar {
            title: titles[i % titles.len()].into(),
            date: d(2026, 1 + i as u32 % 12, 3),
            until: None,
            hours: if i % 2 == 0 { 8.0 } else { 4.5 },
        })
        .collect();
    let mut s = CertificateSnapshot {
        version: 1,
        serial: serial.into(),
        code: String::new(),
        organisation: "Stadt Porta Westfalica".into(),
        place: "Porta Westfalica".into(),
        first_name: first.into(),
        last_name: last.into(),
        title_de: "Digitallotsin".into(),
        title_en: "Digital Pilot".into(),
        program_code: "DL".into(),
        wording_de: default_wording(Lang::De),
        wording_en: default_wording(Lang::En),
        total_hours: seminars.iter().map(|s| s.hours).sum(),
        seminars,
        issued_on: d(2026, 11, 21),
        valid_until: Some(d(2028, 11, 21)),
        signatory_name: "Bernd Hedinger".into(),
        signatory_title: "Bürgermeister".into(),
        logo_sha256: None,
        signed_payload: None,
    };
    s.code = verification_code(b"test secret", &s);
    s
}

fn options(lang: Lang, orientation: Orientation, pdfa: bool) -> RenderOptions {
    RenderOptions {
        lang,
        orientation,
        pdfa,
    }
}

const DE: RenderOptions = RenderOptions {
    lang: Lang::De,
    orientation: Orientation::Portrait,
    pdfa: true,
};

#[test]
fn certificates_are_pdfa_2b() {
    let png = Logo::from_bytes(PNG_LOGO.to_vec()).expect("png");
    let jpeg = Logo::from_bytes(JPEG_LOGO.to_vec()).expect("jpeg");
    let a = snapshot("DL-2026-0001", "Jürgen-Łukasz", "Öztürk-Weiß", 5);
    let b = snapshot("DL-2026-0002", "Anna", "Schmidt", 3);
    let c = snapshot("DL-2026-0003", "Ömer", "Çelik", 14);
    for (what, bytes) in [
        ("plain", render_one(&a, None, &DE)),
        ("png logo", render_one(&a, Some(&png), &DE)),
        ("jpeg logo", render_one(&a, Some(&jpeg), &DE)),
        (
            "landscape, English",
            render_one(
                &c,
                Some(&png),
                &options(Lang::En, Orientation::Landscape, true),
            ),
        ),
        (
            "batch with shared parts",
            render(
                &[
                    (&a, Some(&png)),
                    (&b, Some(&png)),
                    (&c, None),
                    (&b, Some(&jpeg)),
                ],
                &DE,
            ),
        ),
    ] {
        let bytes = bytes.expect("render");
        let problems = pdfa_problems(&bytes);
        assert!(problems.is_empty(), "{what}:\n{}", problems.join("\n"));
        qpdf_check(&bytes);
    }
}

#[test]
fn a_character_the_fonts_lack_is_no_notdef_glyph() {
    // Chinese is not in DejaVu: drawn as a question mark, still found as the character.
    let s = snapshot("DL-2026-0004", "李", "Wang", 2);
    let bytes = render_one(&s, None, &DE).expect("render");
    assert_pdfa(&bytes);
    let doc = lopdf::Document::load_mem(&bytes).expect("pdf");
    let text = doc.extract_text(&[1]).expect("text");
    assert!(text.contains("李 Wang"), "{text}");
}

#[test]
fn without_the_setting_no_pdfa_parts_are_written() {
    let s = snapshot("DL-2026-0005", "Anna", "Schmidt", 3);
    let plain =
        render_one(&s, None, &options(Lang::De, Orientation::Portrait, false)).expect("render");
    let archival = render_one(&s, None, &DE).expect("render");
    qpdf_check(&plain);
    let doc = lopdf::Document::load_mem(&plain).expect("pdf");
    let catalog = doc.catalog().expect("catalog");
    assert!(catalog.get(b"Metadata").is_err());
    assert!(catalog.get(b"OutputIntents").is_err());
    assert!(!pdfa_problems(&plain).is_empty());
    // The parts cost little.
    assert!(
        archival.len() < plain.len() + 3000,
        "{} vs {}",
        archival.len(),
        plain.len()
    );
}

#[test]
fn a_reprint_is_byte_identical_and_small() {
    let png = Logo::from_bytes(PNG_LOGO.to_vec()).expect("png");
    let mut s = snapshot("DL-2026-0006", "Jürgen", "Weiß", 6);
    s.logo_sha256 = Some(png.sha256());
    let first = render_one(&s, Some(&png), &DE).expect("render");
    let again = render_one(
        &CertificateSnapshot::from_json(&s.to_json()).expect("json"),
        Some(&Logo::from_bytes(PNG_LOGO.to_vec()).expect("png")),
        &DE,
    )
    .expect("render");
    assert!(first == again, "two prints differ");
    assert!(first.len() < 30 * 1024, "{} bytes", first.len());
    // A batch: fonts once, the frame and what else recurs as a form.
    let batch: Vec<CertificateSnapshot> = (0..40)
        .map(|i| {
            snapshot(
                &format!("DL-2026-{:04}", 100 + i),
                "Anna",
                &format!("Weiß{i}"),
                5,
            )
        })
        .collect();
    let pages: Vec<(&CertificateSnapshot, Option<&Logo>)> =
        batch.iter().map(|s| (s, Some(&png))).collect();
    let merged = render(&pages, &DE).expect("render");
    assert_pdfa(&merged);
    assert!(
        merged.len() / 40 < 2 * 1024,
        "{} bytes per page",
        merged.len() / 40
    );
    let doc = lopdf::Document::load_mem(&merged).expect("pdf");
    let forms = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| {
            s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Form".as_slice())
        })
        .count();
    assert!(forms >= 1, "no shared form");
}

/// A report PDF through the service, as the CLI and the app export it.
fn coverage_pdf(db: &Database) -> Vec<u8> {
    let (bytes, _) = reports::export_bytes(
        db,
        &ExportKind::Coverage(CoverageOptions::on(d(2026, 11, 21))),
        ExportFormat::Pdf,
    )
    .expect("export");
    bytes
}

#[test]
fn the_coverage_report_follows_the_setting() {
    let mut city = common::city(6, 3);
    assert!(settings::pdfa(&city.store).expect("setting"));
    let on = coverage_pdf(&city.store);
    assert_pdfa(&on);

    settings::set_pdfa(&mut city.store, false).expect("off");
    assert!(!settings::pdfa(&city.store).expect("setting"));
    let off = coverage_pdf(&city.store);
    qpdf_check(&off);
    let doc = lopdf::Document::load_mem(&off).expect("pdf");
    assert!(doc.catalog().expect("catalog").get(b"Metadata").is_err());
}

#[test]
fn lotse_print_pdfa_overrides_the_setting() {
    let dir = tempfile::tempdir().expect("dir");
    let path = common::db_target(dir.path());
    {
        let city = common::city_in(Database::open(&path).expect("db"), 3, 3);
        drop(city);
    }
    let lotse = || common::lotse(&path);
    lotse()
        .args([
            "issue",
            "--program",
            "DL",
            "--all-eligible",
            "--date",
            "2026-11-21",
        ])
        .assert()
        .success();
    let out = dir.path().join("default.pdf");
    lotse()
        .args(["print", "--all", "-o"])
        .arg(&out)
        .assert()
        .success();
    let default = std::fs::read(&out).expect("read");
    assert_pdfa(&default);
    // A reprint gives the same bytes.
    lotse()
        .args(["print", "--all", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert!(std::fs::read(&out).expect("read") == default);

    let plain = dir.path().join("plain.pdf");
    lotse()
        .args(["print", "--all", "--pdfa", "no", "-o"])
        .arg(&plain)
        .assert()
        .success();
    qpdf_check_file(&plain);
    assert!(!pdfa_problems(&std::fs::read(&plain).expect("read")).is_empty());

    // Switched off in the settings, `--pdfa yes` still asks for it; a folder of single files.
    {
        let mut db = Database::open(&path).expect("db");
        settings::set_pdfa(&mut db, false).expect("off");
    }
    let folder = dir.path().join("single");
    lotse()
        .args(["print", "--all", "--pdfa", "yes", "-o"])
        .arg(&folder)
        .assert()
        .success();
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 3);
    for f in &files {
        assert_pdfa(&std::fs::read(f).expect("read"));
    }
    let off = dir.path().join("off.pdf");
    lotse()
        .args(["print", "--all", "-o"])
        .arg(&off)
        .assert()
        .success();
    assert!(!pdfa_problems(&std::fs::read(&off).expect("read")).is_empty());
    qpdf_check_file(&off);
}

/// Checks any PDF by hand: `PDFA_CHECK=file.pdf cargo test --test pdfa -- --ignored --nocapture`.
#[test]
#[ignore]
fn check_a_file_by_hand() {
    let Ok(path) = std::env::var("PDFA_CHECK") else {
        return;
    };
    let bytes = std::fs::read(&path).expect("read");
    let problems = pdfa_problems(&bytes);
    println!("{path}: {} problem(s)", problems.len());
    for p in problems {
        println!("  {p}");
    }
}

/// The checks find what they look for: a width that disagrees with the font program and
/// a missing output intent.
#[test]
fn the_checks_catch_a_wrong_width_and_a_missing_intent() {
    let s = snapshot("DL-2026-0007", "Anna", "Schmidt", 2);
    let bytes = render_one(&s, None, &DE).expect("render");
    let mut doc = lopdf::Document::load_mem(&bytes).expect("pdf");
    let cid_font = doc
        .objects
        .iter()
        .find(|(_, o)| {
            o.as_dict()
                .ok()
                .and_then(|d| d.get(b"Subtype").ok())
                .and_then(|t| t.as_name().ok())
                == Some(b"CIDFontType2".as_slice())
        })
        .map(|(id, _)| *id)
        .expect("a CID font");
    if let Ok(lopdf::Object::Dictionary(d)) = doc.get_object_mut(cid_font)
        && let Ok(lopdf::Object::Array(w)) = d.get_mut(b"W")
        && let Some(lopdf::Object::Array(list)) = w.get_mut(1)
        && let Some(first) = list.first_mut()
    {
        *first = lopdf::Object::Integer(first.as_i64().unwrap_or(0) + 50);
    }
    doc.catalog_mut().expect("catalog").remove(b"OutputIntents");
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    let problems = pdfa_problems(&out).join("\n");
    assert!(problems.contains("width of code"), "{problems}");
    assert!(problems.contains("output intent"), "{problems}");
}
