//! Lotse's print runs against a LibreOffice mail merge, on this machine, in one go:
//! `cargo bench --bench compare`.
//!
//! Builds a sample administration with a logo (`tests/fixtures/logo-wide.png`, 1200 × 560
//! pixels) and 10,000 employees, takes its first 1,000 valid certificates, and times the
//! whole `lotse print` process (the release binary cargo built for this bench):
//! - the 1,000 merged into one PDF,
//! - the same 1,000 as a folder of single PDFs,
//! - one certificate.
//!
//! Where LibreOffice is installed (`soffice`), the same 1,000 certificates' texts — every
//! line the layout places, page by page — go into one flat ODF text document with one
//! page per certificate (what a mail merge produces), which `soffice --headless
//! --convert-to pdf` exports; the ratios are printed. Without LibreOffice that part is
//! skipped with a note (`apt-get install libreoffice-writer-nogui` brings it).
//!
//! `LOTSE_BENCH_BATCH` sets the batch size (default 1,000).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use lotse::certificate::{Orientation, RenderOptions, layout};
use lotse::i18n::Lang;
use lotse::service::Database;
use lotse::service::demo::{self, DemoOptions};
use lotse::store::Read;

const LOGO: &[u8] = include_bytes!("../tests/fixtures/logo-wide.png");
const LOTSE: &str = env!("CARGO_BIN_EXE_lotse");

fn fail(what: &str, e: impl std::fmt::Display) -> ! {
    eprintln!("{what}: {e}");
    std::process::exit(1)
}

/// Median of `runs` timed runs of `f` (after `prepare`, untimed, before each).
fn median(runs: usize, mut prepare: impl FnMut(), mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            prepare();
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn lotse_print(db: &Path, args: &[String], out: &Path) {
    let status = Command::new(LOTSE)
        .env("LOTSE_LANG", "de")
        .env(
            "LOTSE_LOG_FILE",
            std::env::temp_dir().join("lotse-bench.log"),
        )
        .arg("--db")
        .arg(db)
        .arg("print")
        .args(args)
        .arg("-o")
        .arg(out)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap_or_else(|e| fail("lotse", e));
    if !status.success() {
        fail("lotse print", format!("exit {status}"));
    }
}

fn folder_size(dir: &Path) -> (usize, u64) {
    let entries: Vec<_> = std::fs::read_dir(dir)
        .map(|r| r.filter_map(|e| e.ok()).collect())
        .unwrap_or_default();
    let bytes = entries
        .iter()
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();
    (entries.len(), bytes)
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// One flat ODF text document: a page per certificate, each line of its layout a
/// paragraph (centred, DejaVu Serif like the certificate).
fn flat_odt(pages: &[Vec<String>]) -> String {
    let mut body = String::new();
    for lines in pages {
        for (i, line) in lines.iter().enumerate() {
            let style = if i == 0 { "First" } else { "Line" };
            body.push_str(&format!(
                "<text:p text:style-name=\"{style}\">{}</text:p>\n",
                xml(line)
            ));
        }
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
</office:font-face-decls>
<office:styles>
 <style:style style:name="Line" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.12cm"/>
  <style:text-properties style:font-name="DejaVu Serif" fo:font-size="11pt"/>
 </style:style>
 <style:style style:name="First" style:family="paragraph" style:parent-style-name="Line">
  <style:paragraph-properties fo:break-before="page"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin="2.4cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
<office:body><office:text>
{body}</office:text></office:body>
</office:document>
"#
    )
}

fn soffice_available() -> bool {
    Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Exports `doc` to PDF with LibreOffice (its own profile in `profile`); returns the PDF.
fn soffice_pdf(doc: &Path, profile: &Path) -> PathBuf {
    let out_dir = doc.parent().unwrap_or(Path::new("."));
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(out_dir)
        .arg(doc)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap_or_else(|e| fail("soffice", e));
    if !status.success() {
        fail("soffice", format!("exit {status}"));
    }
    doc.with_extension("pdf")
}

fn main() {
    let n: usize = std::env::var("LOTSE_BENCH_BATCH")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let dir = tempfile::tempdir().unwrap_or_else(|e| fail("temp dir", e));
    let db_path = dir.path().join("lotse.sqlite");
    let mut db = Database::open(&db_path).unwrap_or_else(|e| fail("database", e.user_message()));
    lotse::service::certificates::set_logo(&mut db, Some(LOGO))
        .unwrap_or_else(|e| fail("logo", e.user_message()));
    let employees = (n * 10).max(400);
    demo::generate(&mut db, &DemoOptions { employees, seed: 1 }, &mut |_| true)
        .unwrap_or_else(|e| fail("demo", e.user_message()));
    let today = db.today();
    let certificates: Vec<_> = db
        .store()
        .certificates()
        .unwrap_or_else(|e| fail("certificates", e.user_message()))
        .into_iter()
        .filter(|c| c.status(today).is_valid())
        .take(n)
        .collect();
    let n = certificates.len();
    let serials: Vec<String> = certificates.iter().map(|c| c.serial.clone()).collect();
    let printables = lotse::service::certificates::printables(&db, certificates)
        .unwrap_or_else(|e| fail("printables", e.user_message()));
    drop(db);

    println!(
        "Print runs, the whole `lotse print` process (median of several runs), {n} certificates with logo, QR code and seminar list"
    );
    let merged = dir.path().join("merged.pdf");
    let t_merged = median(5, || {}, || lotse_print(&db_path, &serials, &merged));
    let merged_bytes = std::fs::metadata(&merged).map(|m| m.len()).unwrap_or(0);
    println!(
        "  Lotse, {n} into one PDF:        {:>8.0} ms  {:>9} bytes  ({:.2} KB per page)",
        ms(t_merged),
        merged_bytes,
        merged_bytes as f64 / 1024.0 / n as f64
    );
    let folder = dir.path().join("folder");
    let t_folder = median(
        3,
        || {
            let _ = std::fs::remove_dir_all(&folder);
        },
        || lotse_print(&db_path, &serials, &folder),
    );
    let (files, folder_bytes) = folder_size(&folder);
    println!(
        "  Lotse, {n} as single PDFs:       {:>8.0} ms  {:>9} bytes  ({:.1} ms and {:.1} KB per file, {files} files)",
        ms(t_folder),
        folder_bytes,
        ms(t_folder) / n as f64,
        folder_bytes as f64 / 1024.0 / files.max(1) as f64
    );
    let one = dir.path().join("one.pdf");
    let first = serials[..1].to_vec();
    let t_one = median(11, || {}, || lotse_print(&db_path, &first, &one));
    let one_bytes = std::fs::metadata(&one).map(|m| m.len()).unwrap_or(0);
    println!(
        "  Lotse, one certificate:          {:>8.0} ms  {:>9} bytes  (process start and database included)",
        ms(t_one),
        one_bytes
    );

    if !soffice_available() {
        println!("  LibreOffice: skipped, `soffice` is not installed here");
        return;
    }
    let options = RenderOptions {
        lang: Lang::De,
        orientation: Orientation::Portrait,
        pdfa: true,
    };
    let pages: Vec<Vec<String>> = printables
        .iter()
        .map(|p| {
            layout(&p.snapshot, None, &options)
                .map(|page| page.texts.into_iter().map(|t| t.text).collect())
                .unwrap_or_else(|e| fail("layout", e.user_message()))
        })
        .collect();
    let odt = dir.path().join("mailmerge.fodt");
    std::fs::write(&odt, flat_odt(&pages)).unwrap_or_else(|e| fail("write", e));
    let profile = dir.path().join("lo-profile");
    // A first run sets up LibreOffice's profile; it is not timed.
    let warm = dir.path().join("warmup.fodt");
    std::fs::write(&warm, flat_odt(&pages[..1])).unwrap_or_else(|e| fail("write", e));
    soffice_pdf(&warm, &profile);
    let mut lo_pdf = PathBuf::new();
    let t_lo = median(3, || {}, || lo_pdf = soffice_pdf(&odt, &profile));
    let lo_bytes = std::fs::metadata(&lo_pdf).map(|m| m.len()).unwrap_or(0);
    println!(
        "  LibreOffice, the same {n} texts: {:>8.0} ms  {:>9} bytes  ({:.2} KB per page; text only)",
        ms(t_lo),
        lo_bytes,
        lo_bytes as f64 / 1024.0 / n as f64
    );
    println!(
        "  Lotse's merged PDF: {:.1}× faster, {:.1}× smaller per page than LibreOffice; its folder of single PDFs: {:.1}× the time of LibreOffice's one file",
        ms(t_lo) / ms(t_merged),
        lo_bytes as f64 / merged_bytes.max(1) as f64,
        ms(t_folder) / ms(t_lo)
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
