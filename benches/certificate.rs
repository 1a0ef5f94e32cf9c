//! Certificate rendering at scale: `cargo bench --bench certificate`.
//!
//! Plain `std::time` with a warm-up; every figure is the median of several runs.
//! `LOTSE_BENCH_BATCH` sets the batch size (default 1,000).

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use lotse::certificate::{
    CertificateSnapshot, Logo, Orientation, RenderOptions, SnapshotSeminar, default_wording,
    file_name, render, render_one, verification_code,
};
use lotse::i18n::Lang;

const LOGO: &[u8] = include_bytes!("../tests/fixtures/logo.png");
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
    let logo = match Logo::from_bytes(LOGO.to_vec()) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("logo: {}", e.user_message());
            std::process::exit(1);
        }
    };
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

    let (t, one) = median(15, || {
        must(render_one(&snapshots[0], Some(&logo), &options))
    });
    println!(
        "  one certificate, one PDF:        {:>9.1} ms  {:>8} bytes",
        ms(t),
        one.len()
    );
    let (t, one_plain) = median(15, || must(render_one(&snapshots[0], None, &options)));
    println!(
        "  one certificate without logo:    {:>9.1} ms  {:>8} bytes",
        ms(t),
        one_plain.len()
    );

    let batch: Vec<(&CertificateSnapshot, Option<&Logo>)> =
        snapshots.iter().map(|s| (s, Some(&logo))).collect();
    let (t, merged) = median(3, || must(render(&batch, &options)));
    println!(
        "  {n} certificates into one PDF:  {:>9.1} ms  {:>8} bytes ({:.1} ms and {} bytes per certificate)",
        ms(t),
        merged.len(),
        ms(t) / n as f64,
        merged.len() / n
    );

    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("temp dir: {e}");
            std::process::exit(1);
        }
    };
    let (t, total) = median(3, || {
        let mut total = 0usize;
        for s in &snapshots {
            let bytes = must(render_one(s, Some(&logo), &options));
            total += bytes.len();
            if let Err(e) = std::fs::write(dir.path().join(file_name(s)), &bytes) {
                eprintln!("write: {e}");
                std::process::exit(1);
            }
        }
        total
    });
    println!(
        "  {n} certificates as single files: {:>9.1} ms  {:>8} bytes ({:.1} ms and {} bytes per certificate)",
        ms(t),
        total,
        ms(t) / n as f64,
        total / n
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
