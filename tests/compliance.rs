//! The compliance report for audits (issue 14, point 5) on the administration of
//! `tests/common_reports`: who holds which certificate until when, whose has expired
//! without a new one, which were revoked — for the whole administration and for one
//! department — and its PDF (page numbers, generated on/by, PDF/A) and workbook.

mod common_pdf;
mod common_reports;

use std::path::Path;

use calamine::Data;
use lotse::i18n::{Lang, set_thread_language};
use lotse::report::{ComplianceLine, ComplianceOptions, ComplianceReport, ExportFormat};
use lotse::rules::CertificateStatus;
use lotse::service::Database;
use lotse::service::reports::{self, ExportKind};
use lotse::store::Read;

use common_reports::*;

fn report(s: &Scenario, department: Option<&str>) -> ComplianceReport {
    reports::compliance(
        &s.store,
        &ComplianceOptions {
            as_of: d(A),
            department: department.map(|code| s.departments[code]),
        },
    )
    .unwrap()
}

/// "Last (program code) serial-prefix status" of each line, in the report's order.
fn lines(r: &ComplianceReport, lines: &[ComplianceLine]) -> Vec<String> {
    lines
        .iter()
        .map(|l| {
            format!(
                "{} {} {}",
                r.coverage.programs[l.program].code,
                l.last_name,
                l.department_code.as_deref().unwrap_or("-")
            )
        })
        .collect()
}

#[test]
fn the_whole_administration_lists_holders_expired_and_revoked() {
    set_thread_language(Lang::De);
    let s = scenario();
    let r = report(&s, None);
    assert_eq!(r.as_of, d(A));
    assert_eq!(r.scope, None);
    assert_eq!(r.organisation, "Stadt Porta Westfalica");
    assert!(!r.generated_by.is_empty());
    assert_eq!(r.generated_at.date(), d(A));
    let codes: Vec<&str> = r
        .coverage
        .programs
        .iter()
        .map(|p| p.code.as_str())
        .collect();
    assert_eq!(codes, ["DCM", "DL"]);

    // Valid on A, employed on A: Albers' DL expires on A itself (still valid that day),
    // Güneş's the day after; Cordes holds the correction; Fischer has left; Krüger has no
    // department and comes last.
    assert_eq!(
        lines(&r, &r.holders),
        [
            "DCM Albers 10.1",
            "DL Albers 10.1",
            "DL Cordes 10.2",
            "DL Güneş 20",
            "DL Krüger -"
        ]
    );
    let status = |last: &str, program: &str| {
        r.holders
            .iter()
            .find(|l| l.last_name == last && r.coverage.programs[l.program].code == program)
            .map(|l| (l.status, l.valid_until))
            .unwrap()
    };
    assert_eq!(
        status("Albers", "DL"),
        (CertificateStatus::Expiring, Some(d("2026-11-21")))
    );
    assert_eq!(status("Albers", "DCM"), (CertificateStatus::Valid, None));
    // The correction is listed, not the superseded original.
    let correction = s
        .store
        .store()
        .certificates()
        .unwrap()
        .into_iter()
        .find(|c| c.employee_id == s.people["P03"] && c.superseded_by.is_none())
        .unwrap();
    let cordes = r.holders.iter().find(|l| l.last_name == "Cordes").unwrap();
    assert_eq!(cordes.serial, correction.serial);

    // Brandt's expired the day before A and nothing replaced it.
    assert_eq!(lines(&r, &r.expired), ["DL Brandt 10.1"]);
    assert_eq!(r.expired[0].valid_until, Some(d("2026-11-20")));
    assert_eq!(r.expired[0].status, CertificateStatus::Expired);

    // Ernst's was revoked, with its day and reason.
    assert_eq!(lines(&r, &r.revoked), ["DL Ernst 10"]);
    assert_eq!(r.revoked[0].revoked_on, Some(d("2026-05-01")));
    assert_eq!(
        r.revoked[0].revocation_reason.as_deref(),
        Some("irrtümlich ausgestellt")
    );

    // The summary is the coverage total plus the revocations.
    let dl = r
        .coverage
        .programs
        .iter()
        .position(|p| p.code == "DL")
        .unwrap();
    assert_eq!(r.summary[dl].figures, r.coverage.total[dl]);
    assert_eq!(r.summary[dl].figures.valid, 4);
    assert_eq!(r.summary[dl].revoked, 1);
    assert_eq!(r.summary[1 - dl].revoked, 0);
}

#[test]
fn a_department_report_covers_it_and_its_sub_units_only() {
    set_thread_language(Lang::De);
    let s = scenario();
    let r = report(&s, Some("10"));
    assert_eq!(r.scope.as_deref(), Some("10 Hauptamt"));
    assert_eq!(
        lines(&r, &r.holders),
        ["DCM Albers 10.1", "DL Albers 10.1", "DL Cordes 10.2"]
    );
    assert_eq!(lines(&r, &r.expired), ["DL Brandt 10.1"]);
    assert_eq!(lines(&r, &r.revoked), ["DL Ernst 10"]);
    // The department's own line is the total.
    assert_eq!(r.summary[1].figures, r.coverage.rows[0].figures[1]);
    assert_eq!(r.coverage.rows[0].code, "10");

    let r = report(&s, Some("20"));
    assert_eq!(lines(&r, &r.holders), ["DL Güneş 20"]);
    assert!(r.expired.is_empty());
    assert!(r.revoked.is_empty());
    assert_eq!(r.summary.iter().map(|x| x.revoked).sum::<u32>(), 0);
}

#[test]
fn a_past_day_sees_the_certificates_as_they_were() {
    set_thread_language(Lang::De);
    let s = scenario();
    let r = reports::compliance(
        &s.store,
        &ComplianceOptions {
            as_of: d(B),
            department: None,
        },
    )
    .unwrap();
    // On 31.12.2025 Ernst's was not yet revoked, Fischer had not left, Cordes still held
    // the original, and Brandt's was still valid.
    assert!(r.revoked.is_empty());
    let dl: Vec<String> = lines(&r, &r.holders)
        .into_iter()
        .filter(|l| l.starts_with("DL "))
        .collect();
    assert_eq!(
        dl,
        [
            "DL Ernst 10",
            "DL Fischer 10",
            "DL Albers 10.1",
            "DL Brandt 10.1",
            "DL Cordes 10.2",
            "DL Güneş 20",
            "DL Krüger -"
        ]
    );
    assert!(r.expired.is_empty());
}

#[test]
fn the_pdf_has_every_section_page_numbers_and_who_made_it() {
    set_thread_language(Lang::De);
    let s = scenario();
    let r = report(&s, None);
    let bytes = reports::compliance_bytes(&r, ExportFormat::Pdf).unwrap();
    common_pdf::assert_pdfa(&bytes);
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let n = pages.len();
    assert!(n >= 2, "{n} pages");
    let text = doc.extract_text(&pages).unwrap();
    let generated = format!("Erstellt am 21.11.2026 um 12:00 Uhr von {}", r.generated_by);
    for needle in [
        "Stadt Porta Westfalica",
        "Prüfbericht Qualifizierung und Zertifizierung",
        "Stichtag: 21.11.2026",
        "Bereich: gesamte Verwaltung",
        generated.as_str(),
        "1. Übersicht je Programm",
        "2. Abdeckung nach Organisationseinheiten",
        "3. Gültige Zertifikate",
        "4. Abgelaufene Zertifikate ohne gültige Nachfolge",
        "5. Widerrufene Zertifikate",
        "Albers, Anna",
        "Brandt, Bernd",
        "Ernst, Eva",
        "irrtümlich ausgestellt",
        "ohne Organisationseinheit",
        "unbefristet",
        &format!("Seite 1 von {n}"),
        &format!("Seite {n} von {n}"),
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
    // A leaver's certificate is not listed as held.
    assert!(!text.contains("Fischer, Frank"), "{text}");
}

#[test]
fn the_pdf_in_english() {
    set_thread_language(Lang::En);
    let s = scenario();
    let r = report(&s, Some("10"));
    let bytes = reports::compliance_bytes(&r, ExportFormat::Pdf).unwrap();
    common_pdf::qpdf_check(&bytes);
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    for needle in [
        "Training and certification compliance report",
        "As of: 2026-11-21",
        "10 Hauptamt",
        "3. Valid certificates",
        "Page 1 of",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
    set_thread_language(Lang::De);
}

fn cell(range: &calamine::Range<Data>, row: usize, col: usize) -> String {
    range
        .get((row, col))
        .map(|c| c.to_string())
        .unwrap_or_default()
}

#[test]
fn the_workbook_has_the_report_in_six_sheets() {
    set_thread_language(Lang::De);
    let s = scenario();
    let r = report(&s, None);
    let sheets = read_xlsx(reports::compliance_bytes(&r, ExportFormat::Xlsx).unwrap());
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Bericht",
            "Übersicht",
            "Abdeckung 21.11.2026",
            "Gültige Zertifikate",
            "Abgelaufen",
            "Widerrufen"
        ]
    );
    let about = &sheets[0].1;
    assert_eq!(cell(about, 1, 1), "Bereich: gesamte Verwaltung");
    assert_eq!(cell(about, 2, 1), "Stadt Porta Westfalica");
    assert_eq!(cell(about, 5, 1), r.generated_by);
    // Header plus one line per program / certificate.
    assert_eq!(sheets[1].1.height(), 1 + 2);
    assert_eq!(sheets[3].1.height(), 1 + 5);
    assert_eq!(sheets[4].1.height(), 1 + 1);
    assert_eq!(sheets[5].1.height(), 1 + 1);
    let revoked = &sheets[5].1;
    assert_eq!(cell(revoked, 1, 4), "Ernst");
    assert_eq!(cell(revoked, 1, 11), "irrtümlich ausgestellt");
}

#[test]
fn csv_is_refused_with_a_sentence_and_nothing_is_written() {
    set_thread_language(Lang::De);
    let s = scenario();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pruefbericht.csv");
    let err = reports::export_to(
        &s.store,
        &ExportKind::Compliance(ComplianceOptions {
            as_of: d(A),
            department: None,
        }),
        &path,
    )
    .unwrap_err();
    assert!(err.user_message().contains("PDF"), "{}", err.user_message());
    assert!(!path.exists());
}

fn lotse(db: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("lotse").unwrap();
    cmd.env_remove("LOTSE_DB")
        .env("LOTSE_LANG", "de")
        .env("LOTSE_TODAY", A)
        .arg("--db")
        .arg(db);
    cmd
}

#[test]
fn the_command_line_writes_pdf_and_xlsx_for_a_department() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lotse.sqlite");
    drop(build(Database::open(&db).unwrap()));
    for file in ["pruefbericht.pdf", "pruefbericht.xlsx"] {
        let path = dir.path().join(file);
        let out = lotse(&db)
            .args(["export", "compliance", "--department", "10", "-o"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("exportiert"));
        let bytes = std::fs::read(&path).unwrap();
        if file.ends_with(".pdf") {
            common_pdf::assert_pdfa(&bytes);
        } else {
            let sheets = read_xlsx(bytes);
            assert_eq!(
                cell(&sheets[0].1, 1, 1),
                "Organisationseinheit: 10 Hauptamt mit ihren Untereinheiten"
            );
        }
    }
    let out = lotse(&db)
        .args(["export", "compliance", "--department", "99", "-o"])
        .arg(dir.path().join("x.pdf"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(!dir.path().join("x.pdf").exists());
    let out = lotse(&db)
        .args(["export", "compliance", "-o"])
        .arg(dir.path().join("x.csv"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("PDF"));
}
