//! Certificate rendering at scale, in the process: `cargo bench --bench certificate`.
//! (`cargo bench --bench compare` times the whole `lotse print` and LibreOffice.)
//!
//! Plain `std::time` with a warm-up; every figure is the median of several runs.
//! `LOTSE_BENCH_BATCH` sets the batch size (default 1,000). The folder batch renders on
//! every core and writes each file whole (`files::write_private`), as `lotse print` does.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use lotse::certificate::{
    CertificateSnapshot, Logo, Orientation, RenderOptions, SnapshotSeminar, default_wording,
    file_name, render, render_each, render_one, verification_code,
};
use lotse::i18n::Lang;

const LOGO: &[u8] = include_bytes!("../tests/fixtures/logo.png");
/// A realistic logo: 1200 × 560 pixels, printed 64 mm wide.
const WIDE_LOGO: &[u8] = include_bytes!("../tests/fixtures/logo-wide.png");
const FIRST: [&str; 8] = [
    "Anna",
    "Jürgen",
    "Małgorzata",
    "Özlem",
    "Hans-Peter",
    "Chloé",
    "Ștefan",
    "Birgit",
];
const LAST: [&str; 8] = [
    "Schmidt",
    "Weiß",
    "Kowalski",
    "Yılmaz",
    "Müller-Lüdenscheidt",
    "Dubois",
    "Popescu",
    "Hoffmann",
];
const TOPICS: [&str; 6] = [
    "Digitale Verwaltung: Grundlagen und rechtlicher Rahmen",
    "E-Akte und elektronische Vorgangsbearbeitung",
    "Prozessmanagement – Abläufe erheben und verbessern",
    "Datenschutz und Informationssicherheit",
    "Onlinezugangsgesetz: Leistungen digital anbieten",
    "Veränderungen begleiten",
];

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn snapshot(i: usize, logo: &Logo) -> CertificateSnapshot {
    let seminars: Vec<SnapshotSeminar> = (0..4 + i % 3)
        .map(|k| SnapshotSeminar {
            title: TOPICS[(i + k) % TOPICS.len()].to_owned(),
            date: date(2026, (k as u32 % 12) + 1, (i as u32 % 27) + 1),
            until: None,
            hours: if k % 2 == 0 { 8.0 } else { 4.5 },
        })
        .collect();
    let mut s = CertificateSnapshot {
        version: 1,
        serial: format!("DL-2026-{:04}", i + 1),
        code: String::new(),
        organisation: "Stadt Porta Westfalica".into(),
        place: "Porta Westfalica".into(),
        first_name: FIRST[i % FIRST.len()].into(),
        last_name: LAST[(i / FIRST.len()) % LAST.len()].into(),
        title_de: if i.is_multiple_of(2) {
            "Digitallotsin"
        } else {
            "Digitallotse"
        }
        .into(),
        title_en: "Digital Pilot".into(),
        program_code: "DL".into(),
        wording_de: default_wording(Lang::De),
        wording_en: default_wording(Lang::En),
        total_hours: seminars.iter().map(|s| s.hours).sum(),
        seminars,
        issued_on: date(2026, 11, 21),
        valid_until: Some(date(2028, 11, 21)),
        signatory_name: "Bernd Hedinger".into(),
        signatory_title: "Bürgermeister".into(),
        logo_sha256: Some(logo.sha256()),
        signed_payload: None,
    };
    s.code = verification_code(b"bench secret", &s);
    s
}

/// Runs `f` `runs` times after one warm-up run; returns the median time and the last result.
fn median<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut last = f();
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        last = f();
        times.push(start.elapsed());
    }
    times.sort();
    (times[times.len() / 2], last)
}

fn main() {
    let n: usize = std::env::var("LOTSE_BENCH_BATCH")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let load = |bytes: &[u8]| match Logo::from_bytes(bytes.to_vec()) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("logo: {}", e.user_message());
            std::process::exit(1);
        }
    };
    let logo = load(LOGO);
    let wide = load(WIDE_LOGO);
    let snapshots: Vec<CertificateSnapshot> = (0..n).map(|i| snapshot(i, &logo)).collect();
    let options = RenderOptions {
        lang: Lang::De,
        orientation: Orientation::Portrait,
        pdfa: true,
    };
    let must = |r: lotse::Result<Vec<u8>>| -> Vec<u8> {
        match r {
            Ok(b) => b,
            Err(e) => {
                eprintln!("render failed: {}", e.user_message());
                std::process::exit(1);
            }
        }
    };

    println!("certificate rendering (median of several runs, after a warm-up)");

    for (what, l) in [
        ("one certificate, small logo:     ", Some(&logo)),
        ("one certificate, 1200 px logo:   ", Some(&wide)),
        ("one certificate without logo:    ", None),
    ] {
        let (t, one) = median(15, || must(render_one(&snapshots[0], l, &options)));
        println!("  {what} {:>9.1} ms  {:>8} bytes", ms(t), one.len());
    }
    let plain = RenderOptions {
        pdfa: false,
        ..options
    };
    let (t, one) = median(15, || must(render_one(&snapshots[0], Some(&wide), &plain)));
    println!(
        "  the same without PDF/A:           {:>9.1} ms  {:>8} bytes",
        ms(t),
        one.len()
    );

    for (what, l) in [("small logo", &logo), ("1200 px logo", &wide)] {
        let batch: Vec<(&CertificateSnapshot, Option<&Logo>)> =
            snapshots.iter().map(|s| (s, Some(l))).collect();
        let (t, merged) = median(3, || must(render(&batch, &options)));
        println!(
            "  {n} into one PDF, {what}: {:>9.1} ms  {:>8} bytes ({:.2} ms and {} bytes per certificate)",
            ms(t),
            merged.len(),
            ms(t) / n as f64,
            merged.len() / n
        );
    }

    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("temp dir: {e}");
            std::process::exit(1);
        }
    };
    let batch: Vec<(&CertificateSnapshot, Option<&Logo>)> =
        snapshots.iter().map(|s| (s, Some(&wide))).collect();
    let total = std::sync::atomic::AtomicUsize::new(0);
    let (t, ()) = median(3, || {
        total.store(0, std::sync::atomic::Ordering::Relaxed);
        let written = render_each(
            &batch,
            &options,
            &|i, bytes| {
                total.fetch_add(bytes.len(), std::sync::atomic::Ordering::Relaxed);
                lotse::files::write_private(&dir.path().join(file_name(batch[i].0)), &bytes)
            },
            &mut |_| true,
        );
        if let Err(stop) = written {
            eprintln!("folder batch: {}", stop.cause.user_message());
            std::process::exit(1);
        }
    });
    let total = total.into_inner();
    println!(
        "  {n} as single files, 1200 px logo: {:>9.1} ms  {:>8} bytes ({:.1} ms and {} bytes per certificate)",
        ms(t),
        total,
        ms(t) / n as f64,
        total / n
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
