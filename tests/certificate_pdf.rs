//! Certificate PDFs read back: texts, fonts, pages, reproducibility, layout limits, logos.

use chrono::NaiveDate;
use lotse::certificate::{
    CertificateSnapshot, Logo, Orientation, PageLayout, RenderOptions, SnapshotSeminar, layout,
    render, render_one, verification_code,
};
use lotse::i18n::Lang;

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
        hours,
    }
}

/// A certificate as the service would freeze it, with its code.
fn snapshot(serial: &str, first: &str, last: &str, seminars: Vec<SnapshotSeminar>) -> CertificateSnapshot {
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
            seminar("Grundlagen der Digitalisierung in der Verwaltung", d(2026, 2, 3), 8.0),
            seminar("Die E-Akte im Alltag – „Dokumente“ führen", d(2026, 3, 10), 4.5),
            seminar("Prozesse erheben, modellieren und verbessern", d(2026, 4, 14), 8.0),
            seminar("Datenschutz & Informationssicherheit (Café-Runde, Ağ güvenliği, Şirket)", d(2026, 5, 5), 4.0),
            seminar("Onlinezugangsgesetz: Leistungen digital anbieten", d(2026, 6, 9), 6.0),
        ],
    )
}

fn many_seminars(n: usize) -> Vec<SnapshotSeminar> {
    (0..n)
        .map(|i| {
            seminar(
                &format!(
                    "Seminar {} – Digitale Transformation, Veränderungsmanagement und Kommunikation in Ämtern (Modul {})",
                    i + 1,
                    i % 7 + 1
                ),
                d(2025, (i % 12) as u32 + 1, (i % 27) as u32 + 1),
                if i % 3 == 0 { 7.5 } else { 4.0 },
            )
        })
        .collect()
}

const DE: RenderOptions = RenderOptions {
    lang: Lang::De,
    orientation: Orientation::Portrait,
};

/// Writes sample PDFs for looking at them: `cargo test --test certificate_pdf -- --ignored`.
#[test]
#[ignore]
fn write_samples() {
    let dir = std::env::var("CERT_SAMPLE_DIR").unwrap_or_else(|_| "/tmp".into());
    let logo_bytes = std::fs::read(std::env::var("CERT_SAMPLE_LOGO").unwrap_or_else(|_| "/tmp/logo/shield.png".into()))
        .unwrap_or_else(|_| PNG_LOGO.to_vec());
    let logo = Logo::from_bytes(logo_bytes).expect("logo");
    let mut s = sample();
    s.logo_sha256 = Some(logo.sha256());
    let mut long = snapshot(
        "DL-2026-0008",
        "Maximiliane Konstanze Friederike Theodora Wilhelmine",
        "von und zu Hohenzollern-Sigmaringen-Schaumburg-Lippe-Öttingen-Wallerstein-Löwenstein",
        many_seminars(40),
    );
    long.logo_sha256 = Some(logo.sha256());
    let mut plain = snapshot(
        "DCM-2026-0001",
        "Anna",
        "Schmidt",
        vec![seminar("Change-Management in der öffentlichen Verwaltung", d(2026, 9, 1), 16.0)],
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
            },
        ),
        (
            "cert-sample-en",
            vec![(&s, Some(&logo))],
            RenderOptions {
                lang: Lang::En,
                orientation: Orientation::Portrait,
            },
        ),
        ("cert-sample-long", vec![(&long, Some(&logo))], DE),
        (
            "cert-sample-long-landscape",
            vec![(&long, Some(&logo))],
            RenderOptions {
                lang: Lang::De,
                orientation: Orientation::Landscape,
            },
        ),
        ("cert-sample-plain", vec![(&plain, None)], DE),
        ("cert-sample-batch", vec![(&s, Some(&logo)), (&long, Some(&logo)), (&plain, None)], DE),
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
