//! Art. 15: everything Lotse stores about one employee, as one ZIP file.
//!
//! The archive holds `auskunft.html` (a readable summary in the user's language),
//! `daten.json` (the same data, structured), `stammdaten.csv`, `teilnahmen.csv`,
//! `zertifikate.csv`, `protokoll.csv` (Excel style: UTF-8 with BOM, `;`, formulas
//! neutralised) and `urkunden/SERIAL.pdf` for each certificate that can be reprinted
//! (reprinted from its frozen snapshot as printing does; a certificate whose holder was
//! erased has no name left to print and is listed only).

use std::collections::HashMap;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::certificate::{CertificateSnapshot, Logo, RenderOptions};
use crate::error::{Error, Result};
use crate::i18n::{Arg, Lang, fmt_date_in, tr_in};
use crate::model::{EmployeeId, Salutation};
use crate::report::csv_safe;
use crate::rules::CertificateStatus;
use crate::service::Database;
use crate::store::{CertificateFilter, Read};

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportReport {
    pub path: PathBuf,
    pub attendance: usize,
    pub certificates: usize,
    /// Certificates reprinted as PDF in `urkunden/`.
    pub pdfs: usize,
    pub audit_entries: usize,
}

/// The person as stored.
#[derive(Debug, Clone, Serialize)]
struct Person {
    personnel_number: String,
    salutation: String,
    first_name: String,
    last_name: String,
    email: Option<String>,
    department_code: Option<String>,
    department_name: Option<String>,
    job_title: Option<String>,
    entry_date: Option<NaiveDate>,
    exit_date: Option<NaiveDate>,
    erased_at: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct WaitlistOut {
    seminar_code: String,
    seminar_title: String,
    starts_at: NaiveDateTime,
    ends_at: NaiveDateTime,
    added_at: NaiveDateTime,
}

#[derive(Debug, Clone, Serialize)]
struct AttendanceOut {
    seminar_code: String,
    seminar_title: String,
    topic: String,
    starts_at: NaiveDateTime,
    ends_at: NaiveDateTime,
    status: String,
    hours: f64,
    note: String,
}

#[derive(Debug, Clone, Serialize)]
struct CertificateOut {
    serial: String,
    program_code: String,
    title: String,
    issued_on: NaiveDate,
    valid_until: Option<NaiveDate>,
    status: String,
    revoked_on: Option<NaiveDate>,
    revocation_reason: Option<String>,
    superseded_by: Option<String>,
    holder_erased: bool,
    /// The reprint in the archive, if any.
    file: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct AuditOut {
    at: String,
    actor: String,
    entity: String,
    entity_id: Option<i64>,
    action: String,
    summary: String,
}

/// The whole export, as `daten.json` holds it.
#[derive(Debug, Clone, Serialize)]
struct Disclosure {
    generated_at: NaiveDateTime,
    language: &'static str,
    organisation: String,
    person: Person,
    purpose: String,
    legal_basis: String,
    storage: String,
    recorded_since: Option<String>,
    attendance: Vec<AttendanceOut>,
    /// Places on waiting lists.
    waitlist: Vec<WaitlistOut>,
    certificates: Vec<CertificateOut>,
    /// Changes of the employee record (department changes among them): Lotse keeps only
    /// the current department; the log of changes is its history.
    record_changes: Vec<AuditOut>,
    audit: Vec<AuditOut>,
}

/// Writes the Art. 15 export of `employee` to `dest` (a ZIP), whole or not at all.
pub fn export(
    db: &Database,
    employee: EmployeeId,
    dest: &Path,
    lang: Lang,
) -> Result<ExportReport> {
    let store = db.store();
    let person = store.employee(employee)?.ok_or_else(|| Error::NotFound {
        what: format!("employee {employee}"),
    })?;
    let tr = |key: &str| tr_in(lang, key, &[]);
    let department = match person.department_id {
        Some(id) => store.department(id)?,
        None => None,
    };
    let today = store.today();
    let records = store.training_history(employee)?;
    let mut waitlist = Vec::new();
    for place in store.waitlist_of_employee(employee)? {
        let (session, seminar) = crate::service::sessions::with_seminar(store, place.session_id)?;
        waitlist.push(WaitlistOut {
            seminar_code: seminar.code,
            seminar_title: seminar.title,
            starts_at: session.starts_at,
            ends_at: session.ends_at,
            added_at: place.added_at,
        });
    }
    let certificates = store.certificate_rows(&CertificateFilter {
        program: None,
        employee: Some(employee),
    })?;
    let audit = super::erase::concerning(
        store.audit_candidates(Some(employee), &person.personnel_number)?,
        employee,
        &person.personnel_number,
    );
    let organisation = crate::service::settings::CertificateSettings::load(store)?.organisation;

    // Certificates, reprinted where they can be.
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut logos: HashMap<i64, Logo> = HashMap::new();
    let mut certs_out = Vec::with_capacity(certificates.len());
    for row in &certificates {
        let c = &row.certificate;
        let erased = super::erase::holder_erased(c);
        let status = c.status(today);
        let snapshot = CertificateSnapshot::from_json(&c.snapshot).ok();
        let mut file = None;
        if let (false, Some(snapshot)) = (erased, snapshot.as_ref()) {
            let logo = match c.logo_asset_id {
                Some(id) => {
                    if let std::collections::hash_map::Entry::Vacant(slot) = logos.entry(id)
                        && let Some((_mime, bytes)) = store.asset(id)?
                    {
                        slot.insert(Logo::from_bytes(bytes)?);
                    }
                    logos.get(&id).cloned()
                }
                None => None,
            };
            let options = RenderOptions {
                lang,
                ..RenderOptions::default()
            };
            let pdf = crate::certificate::render_one(snapshot, logo.as_ref(), &options)?;
            let name = format!("urkunden/{}.pdf", safe_file_part(&c.serial));
            files.push((name.clone(), pdf));
            file = Some(name);
        }
        let superseded_by = match c.superseded_by {
            Some(id) => store.certificate(id)?.map(|n| n.serial),
            None => None,
        };
        certs_out.push(CertificateOut {
            serial: c.serial.clone(),
            program_code: row.program_code.clone(),
            title: snapshot
                .as_ref()
                .map(|s| s.title(lang).to_owned())
                .unwrap_or_default(),
            issued_on: c.issued_on,
            valid_until: c.valid_until,
            status: status_label(lang, status, erased),
            revoked_on: c.revoked_on,
            revocation_reason: c.revocation_reason.clone(),
            superseded_by,
            holder_erased: erased,
            file,
        });
    }

    let audit_out: Vec<AuditOut> = audit
        .iter()
        .map(|a| AuditOut {
            at: a.at.clone(),
            actor: a.actor.clone(),
            entity: a.entity.clone(),
            entity_id: a.entity_id,
            action: a.action.clone(),
            summary: a.summary.clone(),
        })
        .collect();
    let record_changes: Vec<AuditOut> = audit_out
        .iter()
        .filter(|a| a.entity == "employee")
        .cloned()
        .collect();
    let earliest_record = records
        .first()
        .map(|r| r.starts_at.format("%Y-%m-%dT%H:%M:%S").to_string());
    let recorded_since = [audit.first().map(|a| a.at.clone()), earliest_record]
        .into_iter()
        .flatten()
        .min();

    let disclosure = Disclosure {
        generated_at: store.clock().now(),
        language: lang.code(),
        organisation,
        person: Person {
            personnel_number: person.personnel_number.clone(),
            salutation: tr(salutation_key(person.salutation)),
            first_name: person.first_name.clone(),
            last_name: person.last_name.clone(),
            email: person.email.clone(),
            department_code: department.as_ref().map(|d| d.code.clone()),
            department_name: department.as_ref().map(|d| d.name.clone()),
            job_title: person.job_title.clone(),
            entry_date: person.entry_date,
            exit_date: person.exit_date,
            erased_at: store.employee_erased_at(employee)?,
        },
        purpose: tr("privacy-export-purpose-text"),
        legal_basis: tr("privacy-export-legal-text"),
        storage: tr("privacy-export-storage-text"),
        recorded_since,
        attendance: records
            .iter()
            .map(|r| AttendanceOut {
                seminar_code: r.seminar_code.clone(),
                seminar_title: r.seminar_title.clone(),
                topic: r.topic.clone(),
                starts_at: r.starts_at,
                ends_at: r.ends_at,
                status: tr(&format!("train-status-{}", r.attendance.status.code())),
                hours: r.attendance.hours,
                note: r.attendance.note.clone(),
            })
            .collect(),
        waitlist,
        certificates: certs_out,
        record_changes,
        audit: audit_out,
    };

    let mut entries: Vec<(String, Vec<u8>)> = vec![
        (
            "auskunft.html".to_owned(),
            html(&disclosure, lang).into_bytes(),
        ),
        (
            "daten.json".to_owned(),
            serde_json::to_vec_pretty(&disclosure)
                .map_err(|e| Error::Message(format!("JSON: {e}")))?,
        ),
        ("stammdaten.csv".to_owned(), master_csv(&disclosure, lang)?),
        (
            "teilnahmen.csv".to_owned(),
            attendance_csv(&disclosure, lang)?,
        ),
        (
            "zertifikate.csv".to_owned(),
            certificates_csv(&disclosure, lang)?,
        ),
        ("protokoll.csv".to_owned(), audit_csv(&disclosure, lang)?),
    ];
    let pdfs = files.len();
    entries.extend(files);
    let bytes = zip_bytes(&entries)?;
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::file(dir, e))?;
    }
    crate::files::write_private(dest, &bytes)?;
    log::info!(
        "Art. 15 export of employee #{employee}: {} attendance, {} certificates, {} audit entries",
        disclosure.attendance.len(),
        disclosure.certificates.len(),
        disclosure.audit.len()
    );
    Ok(ExportReport {
        path: dest.to_path_buf(),
        attendance: disclosure.attendance.len(),
        certificates: disclosure.certificates.len(),
        pdfs,
        audit_entries: disclosure.audit.len(),
    })
}

fn salutation_key(s: Salutation) -> &'static str {
    match s {
        Salutation::Female => "salutation-female",
        Salutation::Male => "salutation-male",
        Salutation::Neutral => "salutation-neutral",
    }
}

fn status_label(lang: Lang, status: CertificateStatus, erased: bool) -> String {
    let text = tr_in(
        lang,
        match status {
            CertificateStatus::Valid => "report-status-valid",
            CertificateStatus::Expiring => "report-status-expiring",
            CertificateStatus::Expired => "report-status-expired",
            CertificateStatus::Revoked => "report-status-revoked",
            CertificateStatus::Superseded => "report-status-superseded",
            CertificateStatus::NotYetIssued => "report-status-not-yet-issued",
        },
        &[],
    );
    if erased {
        tr_in(lang, "verify-holder-erased", &[("status", Arg::from(text))])
    } else {
        text
    }
}

/// A serial as a file name: letters, digits and dashes; anything else becomes `_`.
fn safe_file_part(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn zip_bytes(entries: &[(String, Vec<u8>)]) -> Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let zip_err = |e: zip::result::ZipError| Error::Message(format!("ZIP: {e}"));
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o600);
    for (name, bytes) in entries {
        zip.start_file(name.as_str(), options).map_err(zip_err)?;
        zip.write_all(bytes)
            .map_err(|e| Error::Message(format!("ZIP: {e}")))?;
    }
    Ok(zip.finish().map_err(zip_err)?.into_inner())
}

// ---------------------------------------------------------------------------------------
// CSV (German Excel style).

fn csv_bytes(header: Vec<String>, rows: Vec<Vec<String>>) -> Result<Vec<u8>> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let err = |e: csv::Error| Error::Message(format!("CSV: {e}"));
        w.write_record(header.iter().map(|c| csv_safe(c)))
            .map_err(err)?;
        for row in rows {
            w.write_record(row.iter().map(|c| csv_safe(c)))
                .map_err(err)?;
        }
        w.flush().map_err(|e| Error::Message(format!("CSV: {e}")))?;
    }
    Ok(out)
}

fn date_text(lang: Lang, d: Option<NaiveDate>) -> String {
    d.map(|d| fmt_date_in(lang, d)).unwrap_or_default()
}

fn datetime_text(lang: Lang, dt: NaiveDateTime) -> String {
    match lang {
        Lang::De => dt.format("%d.%m.%Y %H:%M").to_string(),
        Lang::En => dt.format("%Y-%m-%d %H:%M").to_string(),
    }
}

fn stored_datetime_text(lang: Lang, text: &str) -> String {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S")
        .map(|dt| datetime_text(lang, dt))
        .unwrap_or_else(|_| text.to_owned())
}

fn hours_text(lang: Lang, hours: f64) -> String {
    let s = format!("{hours}");
    match lang {
        Lang::De => s.replace('.', ","),
        Lang::En => s,
    }
}

/// The person's fields as (label, value) pairs in `lang`.
fn person_fields(d: &Disclosure, lang: Lang) -> Vec<(String, String)> {
    let tr = |key: &str| tr_in(lang, key, &[]);
    let p = &d.person;
    let department = match (&p.department_code, &p.department_name) {
        (Some(code), Some(name)) => format!("{name} ({code})"),
        _ => String::new(),
    };
    let mut fields = vec![
        (
            tr("privacy-field-personnel-number"),
            p.personnel_number.clone(),
        ),
        (tr("privacy-field-salutation"), p.salutation.clone()),
        (tr("privacy-field-first-name"), p.first_name.clone()),
        (tr("privacy-field-last-name"), p.last_name.clone()),
        (
            tr("privacy-field-email"),
            p.email.clone().unwrap_or_default(),
        ),
        (tr("privacy-field-department"), department),
        (
            tr("privacy-field-job-title"),
            p.job_title.clone().unwrap_or_default(),
        ),
        (tr("privacy-field-entry"), date_text(lang, p.entry_date)),
        (tr("privacy-field-exit"), date_text(lang, p.exit_date)),
    ];
    if let Some(at) = &p.erased_at {
        fields.push((tr("privacy-field-erased"), stored_datetime_text(lang, at)));
    }
    fields
}

fn master_csv(d: &Disclosure, lang: Lang) -> Result<Vec<u8>> {
    let tr = |key: &str| tr_in(lang, key, &[]);
    let rows = person_fields(d, lang)
        .into_iter()
        .map(|(k, v)| vec![k, v])
        .collect();
    csv_bytes(vec![tr("privacy-col-field"), tr("privacy-col-value")], rows)
}

fn attendance_header(lang: Lang) -> Vec<String> {
    [
        "privacy-col-code",
        "privacy-col-seminar",
        "privacy-col-topic",
        "privacy-col-when",
        "privacy-col-status",
        "privacy-col-hours",
        "privacy-col-note",
    ]
    .iter()
    .map(|k| tr_in(lang, k, &[]))
    .collect()
}

fn attendance_rows(d: &Disclosure, lang: Lang) -> Vec<Vec<String>> {
    d.attendance
        .iter()
        .map(|a| {
            vec![
                a.seminar_code.clone(),
                a.seminar_title.clone(),
                a.topic.clone(),
                crate::i18n::fmt_session_in(lang, a.starts_at, a.ends_at),
                a.status.clone(),
                hours_text(lang, a.hours),
                a.note.clone(),
            ]
        })
        .collect()
}

fn attendance_csv(d: &Disclosure, lang: Lang) -> Result<Vec<u8>> {
    csv_bytes(attendance_header(lang), attendance_rows(d, lang))
}

fn certificate_header(lang: Lang) -> Vec<String> {
    [
        "privacy-col-serial",
        "privacy-col-program",
        "privacy-col-title",
        "privacy-col-issued",
        "privacy-col-valid-until",
        "privacy-col-status",
        "privacy-col-revoked",
        "privacy-col-reason",
        "privacy-col-superseded-by",
        "privacy-col-file",
    ]
    .iter()
    .map(|k| tr_in(lang, k, &[]))
    .collect()
}

fn certificate_rows(d: &Disclosure, lang: Lang) -> Vec<Vec<String>> {
    d.certificates
        .iter()
        .map(|c| {
            vec![
                c.serial.clone(),
                c.program_code.clone(),
                c.title.clone(),
                fmt_date_in(lang, c.issued_on),
                date_text(lang, c.valid_until),
                c.status.clone(),
                date_text(lang, c.revoked_on),
                c.revocation_reason.clone().unwrap_or_default(),
                c.superseded_by.clone().unwrap_or_default(),
                c.file.clone().unwrap_or_default(),
            ]
        })
        .collect()
}

fn certificates_csv(d: &Disclosure, lang: Lang) -> Result<Vec<u8>> {
    csv_bytes(certificate_header(lang), certificate_rows(d, lang))
}

fn audit_header(lang: Lang) -> Vec<String> {
    [
        "privacy-col-at",
        "privacy-col-actor",
        "privacy-col-entity",
        "privacy-col-action",
        "privacy-col-summary",
    ]
    .iter()
    .map(|k| tr_in(lang, k, &[]))
    .collect()
}

fn audit_rows(entries: &[AuditOut], lang: Lang) -> Vec<Vec<String>> {
    entries
        .iter()
        .map(|a| {
            let entity = match a.entity_id {
                Some(id) => format!("{} #{id}", a.entity),
                None => a.entity.clone(),
            };
            vec![
                stored_datetime_text(lang, &a.at),
                a.actor.clone(),
                entity,
                a.action.clone(),
                a.summary.clone(),
            ]
        })
        .collect()
}

fn audit_csv(d: &Disclosure, lang: Lang) -> Result<Vec<u8>> {
    csv_bytes(audit_header(lang), audit_rows(&d.audit, lang))
}

// ---------------------------------------------------------------------------------------
// The readable summary.

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn table(out: &mut String, header: &[String], rows: &[Vec<String>], empty: &str) {
    if rows.is_empty() {
        out.push_str(&format!("<p class=\"none\">{}</p>\n", esc(empty)));
        return;
    }
    out.push_str("<table>\n<tr>");
    for h in header {
        out.push_str(&format!("<th>{}</th>", esc(h)));
    }
    out.push_str("</tr>\n");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            out.push_str(&format!("<td>{}</td>", esc(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

fn html(d: &Disclosure, lang: Lang) -> String {
    let tr = |key: &str| tr_in(lang, key, &[]);
    let none = tr("privacy-export-none");
    let mut out = String::new();
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n\
         <style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}}\
         table{{border-collapse:collapse;margin:.5em 0 1.5em}}th,td{{border:1px solid #999;\
         padding:.25em .5em;text-align:left;vertical-align:top}}th{{background:#eee}}\
         .none{{color:#666}}</style>\n</head>\n<body>\n",
        lang.code(),
        esc(&tr("privacy-export-title"))
    ));
    out.push_str(&format!("<h1>{}</h1>\n", esc(&tr("privacy-export-title"))));
    out.push_str(&format!(
        "<p>{}</p>\n",
        esc(&tr_in(
            lang,
            "privacy-export-intro",
            &[
                ("organisation", Arg::from(&d.organisation)),
                ("date", Arg::from(datetime_text(lang, d.generated_at))),
            ],
        ))
    ));

    out.push_str(&format!("<h2>{}</h2>\n", esc(&tr("privacy-export-person"))));
    let fields: Vec<Vec<String>> = person_fields(d, lang)
        .into_iter()
        .map(|(k, v)| vec![k, v])
        .collect();
    table(
        &mut out,
        &[tr("privacy-col-field"), tr("privacy-col-value")],
        &fields,
        &none,
    );

    out.push_str(&format!(
        "<h2>{}</h2>\n",
        esc(&tr("privacy-export-purpose"))
    ));
    out.push_str(&format!("<p>{}</p>\n", esc(&d.purpose)));
    out.push_str(&format!("<p>{}</p>\n", esc(&d.legal_basis)));
    out.push_str(&format!("<p>{}</p>\n", esc(&d.storage)));
    let since = d
        .recorded_since
        .as_deref()
        .map(|s| stored_datetime_text(lang, s))
        .unwrap_or_else(|| none.clone());
    out.push_str(&format!(
        "<p>{}</p>\n",
        esc(&tr_in(
            lang,
            "privacy-export-since",
            &[("date", Arg::from(since))]
        ))
    ));

    out.push_str(&format!(
        "<h2>{} ({})</h2>\n",
        esc(&tr("privacy-export-attendance")),
        d.attendance.len()
    ));
    table(
        &mut out,
        &attendance_header(lang),
        &attendance_rows(d, lang),
        &none,
    );

    if !d.waitlist.is_empty() {
        out.push_str(&format!(
            "<h2>{} ({})</h2>\n",
            esc(&tr("needs-privacy-waitlist")),
            d.waitlist.len()
        ));
        let rows: Vec<Vec<String>> = d
            .waitlist
            .iter()
            .map(|w| {
                vec![
                    w.seminar_code.clone(),
                    w.seminar_title.clone(),
                    crate::i18n::fmt_session_in(lang, w.starts_at, w.ends_at),
                    datetime_text(lang, w.added_at),
                ]
            })
            .collect();
        let header = [
            tr("privacy-col-code"),
            tr("privacy-col-seminar"),
            tr("privacy-col-when"),
            tr("needs-privacy-col-added"),
        ];
        table(&mut out, &header, &rows, &none);
    }

    out.push_str(&format!(
        "<h2>{} ({})</h2>\n",
        esc(&tr("privacy-export-certificates")),
        d.certificates.len()
    ));
    out.push_str(&format!(
        "<p>{}</p>\n",
        esc(&tr("privacy-export-certificates-note"))
    ));
    table(
        &mut out,
        &certificate_header(lang),
        &certificate_rows(d, lang),
        &none,
    );

    out.push_str(&format!(
        "<h2>{}</h2>\n<p>{}</p>\n",
        esc(&tr("privacy-export-history")),
        esc(&tr("privacy-export-history-note"))
    ));
    table(
        &mut out,
        &audit_header(lang),
        &audit_rows(&d.record_changes, lang),
        &none,
    );

    out.push_str(&format!(
        "<h2>{} ({})</h2>\n<p>{}</p>\n",
        esc(&tr("privacy-export-audit")),
        d.audit.len(),
        esc(&tr("privacy-export-audit-note"))
    ));
    table(
        &mut out,
        &audit_header(lang),
        &audit_rows(&d.audit, lang),
        &none,
    );

    out.push_str(&format!(
        "<h2>{}</h2>\n<p>{}</p>\n",
        esc(&tr("privacy-export-files")),
        esc(&tr("privacy-export-files-text"))
    ));
    out.push_str("</body>\n</html>\n");
    out
}
