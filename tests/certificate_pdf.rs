//! Certificate PDFs read back: texts, fonts, pages, reproducibility, layout limits, logos.

use chrono::NaiveDate;
use lotse::certificate::{
    CertificateSnapshot, Ink, Logo, Orientation, PageLayout, RenderOptions, SnapshotSeminar,
    TextFace, layout, render, render_one, verification_code,
};
use lotse::i18n::Lang;

mod common_pdf;

const SECRET: &[u8] = b"test secret";
const PNG_LOGO: &[u8] = include_bytes!("fixtures/logo.png");
const JPEG_LOGO: &[u8] = include_bytes!("fixtures/logo.jpg");

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

fn seminar(title: &str, date: NaiveDate, hours: f64) -> SnapshotSeminar {
    SnapshotSeminar {
        title: title.into(),
        date,
        until: None,
        hours,
    }
}

/// A certificate as the service would freeze it, with its code.
fn snapshot(
    serial: &str,
    first: &str,
    last: &str,
    seminars: Vec<SnapshotSeminar>,
) -> CertificateSnapshot {
    let total = seminars.iter().map(|s| s.hours).sum();
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
        wording_de: lotse::certificate::default_wording(Lang::De),
        wording_en: lotse::certificate::default_wording(Lang::En),
        seminars,
        total_hours: total,
        issued_on: d(2026, 11, 21),
        valid_until: Some(d(2028, 11, 21)),
        signatory_name: "Bernd Hedinger".into(),
        signatory_title: "Bürgermeister".into(),
        logo_sha256: None,
        signed_payload: None,
    };
    s.code = verification_code(SECRET, &s);
    s
}

fn sample() -> CertificateSnapshot {
    snapshot(
        "DL-2026-0007",
        "Jürgen-Łukasz",
        "Öztürk-Weiß",
        vec![
            seminar(
                "Grundlagen der Digitalisierung in der Verwaltung",
                d(2026, 2, 3),
                8.0,
            ),
            seminar(
                "Die E-Akte im Alltag – „Dokumente“ führen",
                d(2026, 3, 10),
                4.5,
            ),
            seminar(
                "Prozesse erheben, modellieren und verbessern",
                d(2026, 4, 14),
                8.0,
            ),
            seminar(
                "Datenschutz & Informationssicherheit (Café-Runde, Ağ güvenliği, Şirket)",
                d(2026, 5, 5),
                4.0,
            ),
            seminar(
                "Onlinezugangsgesetz: Leistungen digital anbieten",
                d(2026, 6, 9),
                6.0,
            ),
        ],
    )
}

/// `n` seminars with realistic, fairly long titles.
fn many_seminars(n: usize) -> Vec<SnapshotSeminar> {
    const TOPICS: [&str; 10] = [
        "Digitale Verwaltung: Grundlagen und rechtlicher Rahmen",
        "E-Akte und elektronische Vorgangsbearbeitung im Fachamt",
        "Prozessmanagement – Abläufe erheben, modellieren, verbessern",
        "Datenschutz und Informationssicherheit am Arbeitsplatz",
        "Onlinezugangsgesetz: Verwaltungsleistungen digital anbieten",
        "Veränderungen begleiten: Change-Management für Führungskräfte",
        "Agile Methoden in Projekten der öffentlichen Verwaltung",
        "Barrierefreie Dokumente und Formulare erstellen",
        "Künstliche Intelligenz in der Kommunalverwaltung",
        "Moderation digitaler Besprechungen und Workshops",
    ];
    (0..n)
        .map(|i| {
            seminar(
                &format!(
                    "{} ({}. Teil)",
                    TOPICS[i % TOPICS.len()],
                    i / TOPICS.len() + 1
                ),
                d(2025, (i % 12) as u32 + 1, (i % 27) as u32 + 1),
                if i % 3 == 0 { 7.5 } else { 4.0 },
            )
        })
        .collect()
}

/// A name of exactly `len` characters made of plausible name parts.
fn long_name(len: usize) -> (String, String) {
    let first = "Maximiliane Konstanze Friederike".to_owned();
    let mut last = String::from("von Hohenzollern");
    let parts = [
        "-Sigmaringen",
        "-Schaumburg",
        "-Lippe",
        "-Öttingen",
        "-Wallerstein",
        "-Löwenstein",
        "-Wittgenstein",
    ];
    let mut i = 0;
    while first.chars().count() + 1 + last.chars().count() < len {
        last.push_str(parts[i % parts.len()]);
        i += 1;
    }
    let keep = len - first.chars().count() - 1;
    let last: String = last.chars().take(keep).collect();
    (
        first,
        last.trim_end_matches('-').to_owned()
            + &"x".repeat(keep - last.trim_end_matches('-').chars().count()),
    )
}

const DE: RenderOptions = RenderOptions {
    lang: Lang::De,
    orientation: Orientation::Portrait,
    pdfa: true,
};

/// Writes sample PDFs for looking at them: `cargo test --test certificate_pdf -- --ignored`.
#[test]
#[ignore]
fn write_samples() {
    let dir = std::env::var("CERT_SAMPLE_DIR").unwrap_or_else(|_| "/tmp".into());
    let logo_bytes = std::fs::read(
        std::env::var("CERT_SAMPLE_LOGO").unwrap_or_else(|_| "/tmp/logo/shield.png".into()),
    )
    .unwrap_or_else(|_| PNG_LOGO.to_vec());
    let logo = Logo::from_bytes(logo_bytes).expect("logo");
    let mut s = sample();
    s.logo_sha256 = Some(logo.sha256());
    let (first, last) = long_name(120);
    let mut long = snapshot("DL-2026-0008", &first, &last, many_seminars(40));
    long.logo_sha256 = Some(logo.sha256());
    let mut plain = snapshot(
        "DCM-2026-0001",
        "Anna",
        "Schmidt",
        vec![seminar(
            "Change-Management in der öffentlichen Verwaltung",
            d(2026, 9, 1),
            16.0,
        )],
    );
    plain.title_de = "Digital- und Changemanagerin".into();
    plain.title_en = "Digital and Change Manager".into();
    plain.valid_until = None;

    for (name, certs, opts) in [
        ("cert-sample", vec![(&s, Some(&logo))], DE),
        (
            "cert-sample-landscape",
            vec![(&s, Some(&logo))],
            RenderOptions {
                lang: Lang::De,
                orientation: Orientation::Landscape,
                pdfa: true,
            },
        ),
        (
            "cert-sample-en",
            vec![(&s, Some(&logo))],
            RenderOptions {
                lang: Lang::En,
                orientation: Orientation::Portrait,
                pdfa: true,
            },
        ),
        ("cert-sample-long", vec![(&long, Some(&logo))], DE),
        (
            "cert-sample-long-landscape",
            vec![(&long, Some(&logo))],
            RenderOptions {
                lang: Lang::De,
                orientation: Orientation::Landscape,
                pdfa: true,
            },
        ),
        ("cert-sample-plain", vec![(&plain, None)], DE),
        (
            "cert-sample-batch",
            vec![(&s, Some(&logo)), (&long, Some(&logo)), (&plain, None)],
            DE,
        ),
    ] {
        let bytes = render(&certs, &opts).expect("render");
        let path = format!("{dir}/{name}.pdf");
        std::fs::write(&path, &bytes).expect("write");
        println!("{path}: {} bytes", bytes.len());
    }
}

fn within_content(page: &PageLayout) {
    for t in &page.texts {
        assert!(
            page.content.contains(&t.bounds()),
            "text {:?} at {:?} leaves the content area {:?}",
            t.text,
            t.bounds(),
            page.content
        );
    }
    if let Some(logo) = &page.logo {
        assert!(page.content.contains(&logo.rect));
    }
    assert!(page.content.contains(&page.qr));
}

#[test]
fn sample_layout_stays_within_the_margins() {
    let page = layout(&sample(), Some((400, 480)), &DE).expect("layout");
    within_content(&page);
    assert_eq!(page.seminars_omitted, 0);
}

fn no_overlaps(page: &PageLayout) {
    for (i, a) in page.texts.iter().enumerate() {
        for b in &page.texts[i + 1..] {
            let (ra, rb) = (a.bounds(), b.bounds());
            // Touching is fine; a real overlap is more than a hundredth of a millimetre.
            let shrink = |r: lotse::certificate::Rect| lotse::certificate::Rect {
                x: r.x + 0.01,
                y: r.y + 0.01,
                w: r.w - 0.02,
                h: r.h - 0.02,
            };
            assert!(
                !shrink(ra).overlaps(&shrink(rb)),
                "{:?} overlaps {:?}",
                a.text,
                b.text
            );
        }
        assert!(
            !a.bounds().overlaps(&page.qr),
            "{:?} overlaps the QR code",
            a.text
        );
        if let Some(logo) = &page.logo {
            assert!(
                !a.bounds().overlaps(&logo.rect),
                "{:?} overlaps the logo",
                a.text
            );
        }
    }
}

fn all_options() -> Vec<RenderOptions> {
    let mut v = Vec::new();
    for lang in [Lang::De, Lang::En] {
        for orientation in [Orientation::Portrait, Orientation::Landscape] {
            v.push(RenderOptions {
                lang,
                orientation,
                pdfa: true,
            });
        }
    }
    v
}

#[test]
fn a_120_character_name_and_40_seminars_fit_on_the_page() {
    let (first, last) = long_name(120);
    assert_eq!(first.chars().count() + 1 + last.chars().count(), 120);
    let s = snapshot("DL-2026-0008", &first, &last, many_seminars(40));
    for opts in all_options() {
        let page = layout(&s, Some((400, 480)), &opts).expect("layout");
        within_content(&page);
        no_overlaps(&page);
        assert_eq!(page.seminars_omitted, 0, "{opts:?}");
        // The name wraps to at most two lines (its lines are the bold black texts of
        // 11 pt or more; the total hours are smaller).
        let name_lines: Vec<&str> = page
            .texts
            .iter()
            .filter(|t| t.face == TextFace::SerifBold && t.ink == Ink::Text && t.size >= 11.0)
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(name_lines.len(), 2, "{opts:?}: {name_lines:?}");
        assert_eq!(
            name_lines.concat().replace(' ', ""),
            format!("{first}{last}").replace(' ', "")
        );
        // Every seminar is printed with its hours.
        let text = page.text();
        for sem in &s.seminars {
            let first_word = sem.title.split(' ').next().expect("word");
            assert!(
                text.contains(first_word),
                "{opts:?}: {first_word} in {text}"
            );
        }
        assert!(text.contains("Seminar") || text.contains("Teil"));
    }
}

#[test]
fn extreme_input_never_leaves_the_page() {
    let mut s = snapshot(
        "DL-2026-9999",
        &"Wilhelmine ".repeat(20),
        &"Lüdenscheidt-Überlingen".repeat(8),
        (0..200)
            .map(|i| {
                seminar(
                    &format!("{i} {}", "Donaudampfschifffahrtsgesellschaftskapitän und Verwaltungsdigitalisierung ".repeat(3)),
                    d(2025, 1, 1),
                    1.5,
                )
            })
            .collect(),
    );
    s.organisation = "Gemeinsame Kommunale Anstalt für Informationstechnik ".repeat(4);
    s.wording_de = "hat mit großem Erfolg teilgenommen ".repeat(25);
    s.wording_en = "has taken part with great success ".repeat(25);
    s.title_de = "Digital- und Changemanager:in ".repeat(10);
    s.title_en = "Digital and Change Manager ".repeat(10);
    s.signatory_name = "Prof. Dr. ".repeat(12);
    s.signatory_title = "Oberbürgermeisterin ".repeat(12);
    s.place = "Porta Westfalica ".repeat(8);
    for opts in all_options() {
        for logo in [None, Some((2000, 100)), Some((50, 3000))] {
            let page = layout(&s, logo, &opts).expect("layout");
            within_content(&page);
            no_overlaps(&page);
            assert!(page.seminars_omitted > 0);
            assert!(page.text().contains(if opts.lang == Lang::De {
                "weitere"
            } else {
                "more"
            }));
        }
    }
    // And it still renders.
    render_one(&s, None, &DE).expect("render");
}

#[test]
fn a_short_certificate_uses_large_type() {
    let page = layout(&sample(), None, &DE).expect("layout");
    within_content(&page);
    no_overlaps(&page);
    let name = page
        .texts
        .iter()
        .find(|t| t.text.contains("Öztürk"))
        .expect("name");
    assert!(name.size >= 24.0, "{}", name.size);
    let row = page
        .texts
        .iter()
        .find(|t| t.text.starts_with("Prozesse erheben"))
        .expect("row");
    assert!(row.size >= 9.5, "{}", row.size);
}

fn pdf_text(bytes: &[u8]) -> (lopdf::Document, Vec<String>) {
    let doc = lopdf::Document::load_mem(bytes).expect("PDF parses");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let texts = pages
        .iter()
        .map(|n| {
            let raw = doc.extract_text(&[*n]).expect("text");
            raw.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect();
    (doc, texts)
}

#[test]
fn the_pdf_text_holds_every_printed_field() {
    let s = sample();
    let bytes = render_one(&s, None, &DE).expect("render");
    let (_, texts) = pdf_text(&bytes);
    assert_eq!(texts.len(), 1);
    let text = &texts[0];
    let code = lotse::certificate::format_code(&s.code);
    for expected in [
        "URKUNDE",
        "STADT PORTA WESTFALICA",
        "Jürgen-Łukasz Öztürk-Weiß",
        "Digitallotsin",
        "DL-2026-0007",
        code.as_str(),
        "Porta Westfalica, 21.11.2026",
        "gültig bis 21.11.2028",
        "03.02.2026",
        "4,5 Std.",
        "Insgesamt 30,5 Stunden",
        "Bernd Hedinger",
        "Bürgermeister",
        "„Dokumente“",
    ] {
        assert!(text.contains(expected), "{expected:?} missing in {text}");
    }
    for sem in &s.seminars {
        assert!(
            text.contains(&sem.title),
            "{:?} missing in {text}",
            sem.title
        );
    }

    let en = render_one(
        &s,
        None,
        &RenderOptions {
            lang: Lang::En,
            orientation: Orientation::Portrait,
            pdfa: true,
        },
    )
    .expect("render");
    let (_, texts) = pdf_text(&en);
    for expected in [
        "CERTIFICATE",
        "Digital Pilot",
        "21 November 2026",
        "valid until 2028-11-21",
        "4.5 h",
    ] {
        assert!(
            texts[0].contains(expected),
            "{expected:?} missing in {}",
            texts[0]
        );
    }
    assert!(!texts[0].contains("Digitallotsin"));
}

#[test]
fn fonts_are_embedded_subset_and_mapped_to_unicode() {
    let bytes = render_one(&sample(), None, &DE).expect("render");
    assert!(bytes.len() < 120 * 1024, "{} bytes", bytes.len());
    let doc = lopdf::Document::load_mem(&bytes).expect("PDF parses");
    let page = *doc.get_pages().values().next().expect("page");
    let fonts = doc.get_page_fonts(page).expect("fonts");
    assert_eq!(fonts.len(), 3);
    for font in fonts.values() {
        let base = font
            .get(b"BaseFont")
            .and_then(|o| o.as_name())
            .expect("BaseFont");
        let base = String::from_utf8_lossy(base);
        assert!(base.contains("+DejaVu"), "not a subset: {base}");
        let to_unicode = font.get(b"ToUnicode").and_then(|o| o.as_reference());
        assert!(to_unicode.is_ok(), "{base} has no ToUnicode map");
        let descendant = font
            .get(b"DescendantFonts")
            .and_then(|o| o.as_array())
            .expect("descendants")[0]
            .clone();
        let descendant = match descendant {
            lopdf::Object::Reference(id) => doc.get_dictionary(id).expect("dict").clone(),
            lopdf::Object::Dictionary(d) => d,
            other => panic!("unexpected {other:?}"),
        };
        let descriptor = descendant
            .get(b"FontDescriptor")
            .and_then(|o| o.as_reference())
            .expect("descriptor");
        let descriptor = doc.get_dictionary(descriptor).expect("descriptor dict");
        let file = descriptor
            .get(b"FontFile2")
            .and_then(|o| o.as_reference())
            .expect("FontFile2 embedded");
        let stream = doc
            .get_object(file)
            .and_then(|o| o.as_stream())
            .expect("font stream");
        let program = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        // A subset is a small fraction of the 350–760 KB font files.
        assert!(
            program.len() < 100 * 1024,
            "{base}: {} bytes",
            program.len()
        );
    }
}

#[test]
fn a_batch_has_one_page_per_certificate() {
    let a = sample();
    let b = snapshot("DL-2026-0008", "Anna", "Schmidt", many_seminars(3));
    let c = snapshot("DL-2026-0009", "Ömer", "Çelik", many_seminars(12));
    let bytes = render(&[(&a, None), (&b, None), (&c, None)], &DE).expect("render");
    let (doc, texts) = pdf_text(&bytes);
    assert_eq!(doc.get_pages().len(), 3);
    assert!(texts[0].contains("DL-2026-0007"));
    assert!(texts[1].contains("Anna Schmidt") && texts[1].contains("DL-2026-0008"));
    assert!(texts[2].contains("Ömer Çelik") && texts[2].contains("DL-2026-0009"));
    // Fonts are shared: a batch of three is far smaller than three single files.
    let single = render_one(&a, None, &DE).expect("render").len();
    assert!(bytes.len() < 2 * single, "{} vs {single}", bytes.len());
    assert!(render(&[], &DE).is_err());
}

#[test]
fn the_same_snapshot_prints_the_same_bytes() {
    let logo = Logo::from_bytes(PNG_LOGO.to_vec()).expect("logo");
    let mut s = sample();
    s.logo_sha256 = Some(logo.sha256());
    let first = render_one(&s, Some(&logo), &DE).expect("render");
    let second = render_one(&s, Some(&logo), &DE).expect("render");
    assert!(first == second, "two renders differ");
    common_pdf::assert_pdfa(&first);
    // Through its stored JSON, as a reprint years later would do it.
    let stored = s.to_json();
    let again = CertificateSnapshot::from_json(&stored).expect("json");
    assert_eq!(again, s);
    assert_eq!(render_one(&again, Some(&logo), &DE).expect("render"), first);
    // A batch is reproducible too, and no clock value leaks into it.
    let b = snapshot("DL-2026-0008", "Anna", "Schmidt", many_seminars(3));
    let x = render(&[(&s, Some(&logo)), (&b, None)], &DE).expect("render");
    let y = render(&[(&s, Some(&logo)), (&b, None)], &DE).expect("render");
    assert!(x == y);
    common_pdf::assert_pdfa(&x);
    let text = String::from_utf8_lossy(&first);
    assert!(
        text.contains("D:20261121120000"),
        "creation date is the issue date"
    );
    // A changed field gives a different document.
    let mut changed = s.clone();
    changed.last_name = "Öztürk-Weiss".into();
    assert!(render_one(&changed, Some(&logo), &DE).expect("render") != first);
}

fn media_box(doc: &lopdf::Document) -> Vec<f32> {
    let page = *doc.get_pages().values().next().expect("page");
    let dict = doc.get_dictionary(page).expect("page dict");
    dict.get(b"MediaBox")
        .and_then(|o| o.as_array())
        .expect("MediaBox")
        .iter()
        .map(|o| {
            o.as_float()
                .or_else(|_| o.as_i64().map(|i| i as f32))
                .expect("number")
        })
        .collect()
}

#[test]
fn pages_are_a4_portrait_or_landscape() {
    let s = sample();
    let portrait = render_one(&s, None, &DE).expect("render");
    let landscape = render_one(
        &s,
        None,
        &RenderOptions {
            lang: Lang::De,
            orientation: Orientation::Landscape,
            pdfa: true,
        },
    )
    .expect("render");
    let mm = |pt: f32| pt * 25.4 / 72.0;
    let p = media_box(&lopdf::Document::load_mem(&portrait).expect("pdf"));
    let l = media_box(&lopdf::Document::load_mem(&landscape).expect("pdf"));
    assert!(
        (mm(p[2] - p[0]) - 210.0).abs() < 0.1 && (mm(p[3] - p[1]) - 297.0).abs() < 0.1,
        "{p:?}"
    );
    assert!(
        (mm(l[2] - l[0]) - 297.0).abs() < 0.1 && (mm(l[3] - l[1]) - 210.0).abs() < 0.1,
        "{l:?}"
    );
    let (_, texts) = pdf_text(&landscape);
    assert!(texts[0].contains("Jürgen-Łukasz Öztürk-Weiß"));
}

fn count_images(bytes: &[u8]) -> usize {
    let doc = lopdf::Document::load_mem(bytes).expect("pdf");
    doc.objects
        .values()
        .filter(|o| {
            o.as_stream()
                .ok()
                .and_then(|s| s.dict.get(b"Subtype").ok())
                .and_then(|t| t.as_name().ok())
                == Some(b"Image".as_slice())
        })
        .count()
}

#[test]
fn png_and_jpeg_logos_are_printed() {
    let png = Logo::from_bytes(PNG_LOGO.to_vec()).expect("png");
    assert_eq!(png.mime, "image/png");
    assert_eq!(png.size().expect("size"), (60, 72));
    let jpeg = Logo::from_bytes(JPEG_LOGO.to_vec()).expect("jpeg");
    assert_eq!(jpeg.mime, "image/jpeg");
    assert_eq!(jpeg.size().expect("size"), (60, 72));
    assert_ne!(png.sha256(), jpeg.sha256());
    assert_eq!(png.sha256().len(), 64);
    let s = sample();
    let without = render_one(&s, None, &DE).expect("render");
    assert_eq!(count_images(&without), 0);
    for logo in [&png, &jpeg] {
        let with = render_one(&s, Some(logo), &DE).expect("render");
        common_pdf::assert_pdfa(&with);
        assert!(count_images(&with) >= 1, "{}", logo.mime);
        let page = layout(&s, Some((60, 72)), &DE).expect("layout");
        let rect = page.logo.expect("logo placed").rect;
        // The aspect ratio is kept.
        assert!((rect.w / rect.h - 60.0 / 72.0).abs() < 0.01);
    }
    // One logo shared by a batch is embedded once.
    let b = snapshot("DL-2026-0008", "Anna", "Schmidt", many_seminars(3));
    let batch = render(&[(&s, Some(&png)), (&b, Some(&png))], &DE).expect("render");
    let images = count_images(&batch);
    let single = count_images(&render_one(&s, Some(&png), &DE).expect("render"));
    assert_eq!(images, single);
}

#[test]
fn a_corrupt_logo_is_an_error_not_a_panic() {
    lotse::i18n::set_thread_language(Lang::De);
    let s = sample();
    let mut truncated = PNG_LOGO.to_vec();
    truncated.truncate(PNG_LOGO.len() / 2);
    let mut scrambled = JPEG_LOGO.to_vec();
    for b in scrambled.iter_mut().skip(200) {
        *b = b.wrapping_mul(31).wrapping_add(7);
    }
    for bytes in [truncated, scrambled, b"GIF89a....".to_vec(), Vec::new()] {
        let logo = Logo {
            mime: "image/png".into(),
            bytes: bytes.clone(),
        };
        let err = render_one(&s, Some(&logo), &DE).expect_err("corrupt logo");
        let message = err.user_message();
        assert!(message.contains("Logo"), "{message}");
        assert!(Logo::from_bytes(bytes).is_err());
    }
}

#[test]
fn file_names_are_safe() {
    let mut s = sample();
    assert_eq!(
        lotse::certificate::file_name(&s),
        "DL-2026-0007_Öztürk-Weiß.pdf"
    );
    s.last_name = "de la Cruz / O'Neil".into();
    assert_eq!(
        lotse::certificate::file_name(&s),
        "DL-2026-0007_de_la_Cruz_O_Neil.pdf"
    );
}

#[test]
fn a_seminar_over_several_days_is_listed_with_its_days() {
    let mut e_learning = seminar("E-Learning Datenschutz", d(2026, 3, 1), 4.0);
    e_learning.until = Some(d(2026, 3, 31));
    let mut turn_of_year = seminar("Onlinekurs E-Akte", d(2026, 12, 15), 6.0);
    turn_of_year.until = Some(d(2027, 1, 15));
    let s = snapshot(
        "DL-2026-0009",
        "Anna",
        "Schmidt",
        vec![
            seminar("Grundlagen", d(2026, 2, 3), 8.0),
            e_learning,
            turn_of_year,
        ],
    );
    let page = layout(&s, None, &DE).expect("layout");
    within_content(&page);
    no_overlaps(&page);
    let texts: Vec<&str> = page.texts.iter().map(|t| t.text.as_str()).collect();
    for date in ["03.02.2026", "01.03.–31.03.2026", "15.12.2026–15.01.2027"] {
        assert!(texts.contains(&date), "{date} in {texts:?}");
    }
    // A snapshot from before the last day was kept reads as before.
    let json = s.to_json();
    assert!(json.contains("\"until\":\"2026-03-31\""));
    let old = json.replace(",\"until\":\"2026-03-31\"", "");
    let read = CertificateSnapshot::from_json(&old).expect("old snapshot");
    assert_eq!(read.seminars[1].until, None);
    assert!(
        !sample().to_json().contains("\"until\":"),
        "absent when one day"
    );
}
