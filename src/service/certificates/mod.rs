//! Issuing, correcting, revoking, verifying and printing certificates.
//!
//! An issued certificate is frozen: its printed fields are stored as a snapshot (JSON)
//! with the logo it was issued with, and it prints the same bytes every time.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::certificate::{
    CertificateSnapshot, Logo, SNAPSHOT_VERSION, SnapshotSeminar, code_matches, normalize_code,
    verification_code,
};
use crate::error::{Error, Result};
use crate::i18n::{Arg, t, ta};
use crate::model::{
    Certificate, CertificateId, Employee, EmployeeId, Program, ProgramId, Salutation,
    TrainingRecord, format_serial,
};
use crate::rules::{CertificateStatus, eligibility, qualifying_records};
use crate::service::Database;
use crate::service::settings::{self, CertificateSettings};
use crate::store::{CertificateFilter, CertificateRow, NewCertificate, Read, Tx};

/// How a batch is issued.
#[derive(Debug, Clone, PartialEq)]
pub struct IssueOptions {
    pub issued_on: NaiveDate,
    /// Overrides the signatory from the settings for this batch.
    pub signatory_name: Option<String>,
    pub signatory_title: Option<String>,
}

impl IssueOptions {
    /// Issued today with the signatory from the settings.
    pub fn on(issued_on: NaiveDate) -> IssueOptions {
        IssueOptions {
            issued_on,
            signatory_name: None,
            signatory_title: None,
        }
    }
}

/// One certificate that was issued.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issued {
    pub id: CertificateId,
    pub serial: String,
    pub employee_id: EmployeeId,
}

fn not_found(what: String) -> Error {
    Error::NotFound { what }
}

/// Issues certificates of `program` to `employees`, all in one transaction: either every
/// one is issued or none. Each employee must be eligible on the issue date and hold no
/// valid certificate of the program; otherwise nothing is written and the error names
/// every employee that failed. `progress` gets 0.0..=1.0 and returns false to cancel.
pub fn issue(
    db: &mut Database,
    program: ProgramId,
    employees: &[EmployeeId],
    options: &IssueOptions,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<Vec<Issued>> {
    let store = db.store_mut();
    if employees.is_empty() {
        return Err(Error::Message(t("certs-none-selected")));
    }
    let (issued, code) = store.transact(|tx| {
        let program = tx
            .program(program)?
            .ok_or_else(|| not_found(format!("program {program}")))?;
        if program.archived {
            return Err(Error::Message(ta(
                "certs-program-archived",
                &[("program", Arg::from(&program.code))],
            )));
        }
        let context = IssueContext::load(tx)?;
        let mut problems = Vec::new();
        let mut issued = Vec::with_capacity(employees.len());
        let mut seen = std::collections::HashSet::new();
        for (i, &employee_id) in employees.iter().enumerate() {
            if !seen.insert(employee_id) {
                continue;
            }
            let Some(employee) = tx.employee(employee_id)? else {
                problems.push(format!("#{employee_id}"));
                continue;
            };
            let records = tx.training_history(employee_id)?;
            let held = tx.certificates_of(employee_id)?;
            let facts: Vec<_> = held.iter().map(Certificate::facts).collect();
            let state = eligibility(&program, &employee, &records, &facts, options.issued_on);
            let has_valid = held
                .iter()
                .any(|c| c.program_id == program.id && c.status(options.issued_on).is_valid());
            if !state.eligible || has_valid {
                let why = if has_valid {
                    t("certs-already-certified")
                } else if state.left {
                    t("certs-left")
                } else if state.requirements.is_empty() {
                    t("certs-not-eligible")
                } else {
                    ta(
                        "certs-missing",
                        &[
                            ("met", Arg::from(state.met_count())),
                            ("total", Arg::from(state.requirements.len())),
                        ],
                    )
                };
                problems.push(format!(
                    "{} {} ({}): {why}",
                    employee.first_name, employee.last_name, employee.personnel_number
                ));
                continue;
            }
            let new = issue_in(tx, &context, &program, &employee, &records, options)?;
            tx.audit(
                "certificate",
                Some(new.id.0),
                "issue",
                &format!(
                    "serial {}, personnel number {}",
                    new.serial, employee.personnel_number
                ),
            )?;
            issued.push(new);
            if !progress((i + 1) as f32 / employees.len() as f32) {
                return Err(Error::Cancelled);
            }
        }
        if !problems.is_empty() {
            log::info!(
                "issuing certificates of program {} refused: {} of {} employees not eligible",
                program.code,
                problems.len(),
                employees.len()
            );
            return Err(Error::Message(format!(
                "{}\n{}",
                t("certs-issue-refused"),
                problems.join("\n")
            )));
        }
        Ok((issued, program.code))
    })?;
    log::info!("issued {} certificates of program {code}", issued.len());
    Ok(issued)
}

/// What every certificate issued in one transaction shares: the settings it prints, the
/// verification secret and the signing key (each created on first use) and the stored logo.
pub(crate) struct IssueContext {
    settings: CertificateSettings,
    secret: Vec<u8>,
    signing: (String, [u8; 32]),
    logo_asset: Option<(i64, String)>,
}

impl IssueContext {
    /// Loads the settings, the secret and the logo once for a batch.
    pub(crate) fn load(tx: &Tx<'_>) -> Result<IssueContext> {
        let settings = CertificateSettings::load(tx)?;
        let secret = secret_in(tx)?;
        let signing = signing::active_key_in(tx)?;
        let logo_asset = store_logo(tx, settings.printed_logo())?;
        Ok(IssueContext {
            settings,
            secret,
            signing,
            logo_asset,
        })
    }
}

/// Writes one certificate of `program` for `employee` on `options.issued_on`, printed
/// with the name and form of address in `employee` and the seminars of `records` (the
/// employee's training records) that qualify by that day; returns it. The caller has
/// checked eligibility and writes the audit entry.
pub(crate) fn issue_in(
    tx: &Tx<'_>,
    context: &IssueContext,
    program: &Program,
    employee: &Employee,
    records: &[TrainingRecord],
    options: &IssueOptions,
) -> Result<Issued> {
    let seminars: Vec<SnapshotSeminar> = qualifying_records(program, records, options.issued_on)
        .into_iter()
        .map(|r| SnapshotSeminar {
            title: r.seminar_title.clone(),
            date: r.starts_at.date(),
            until: Some(crate::i18n::session_last_day(r.starts_at, r.ends_at))
                .filter(|&last| last > r.starts_at.date()),
            hours: r.attendance.hours,
        })
        .collect();
    // An override left empty means "as in the settings".
    let pick = |override_value: &Option<String>, default: &str| {
        override_value
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .unwrap_or(default)
            .to_owned()
    };
    let signatory_name = pick(&options.signatory_name, &context.settings.signatory_name);
    let signatory_title = pick(&options.signatory_title, &context.settings.signatory_title);
    write_certificate(
        tx,
        (&context.secret, &context.signing),
        program,
        employee,
        Frozen {
            first_name: employee.first_name.clone(),
            last_name: employee.last_name.clone(),
            salutation: employee.salutation,
            seminars,
            issued_on: options.issued_on,
            valid_until: program.valid_until(options.issued_on),
            signatory_name,
            signatory_title,
            settings: &context.settings,
            logo_asset: context.logo_asset.clone(),
        },
    )
}

/// The printed fields of a certificate before it gets serial and code.
struct Frozen<'a> {
    first_name: String,
    last_name: String,
    salutation: Salutation,
    seminars: Vec<SnapshotSeminar>,
    issued_on: NaiveDate,
    valid_until: Option<NaiveDate>,
    signatory_name: String,
    signatory_title: String,
    settings: &'a CertificateSettings,
    logo_asset: Option<(i64, String)>,
}

/// Allocates the next serial, builds the snapshot, computes the code and the signed
/// payload, inserts the row.
fn write_certificate(
    tx: &Tx<'_>,
    (secret, signing): (&[u8], &(String, [u8; 32])),
    program: &Program,
    employee: &Employee,
    f: Frozen<'_>,
) -> Result<Issued> {
    let year = f.issued_on.year();
    let number = tx.next_serial_number(program.id, year)?;
    let serial = format_serial(&program.serial_prefix, year, number);
    let total_hours = f.seminars.iter().map(|s| s.hours).sum();
    let mut snapshot = CertificateSnapshot {
        version: SNAPSHOT_VERSION,
        serial: serial.clone(),
        code: String::new(),
        organisation: f.settings.organisation.clone(),
        place: f.settings.place.clone(),
        first_name: f.first_name,
        last_name: f.last_name,
        title_de: program
            .titles
            .for_person(crate::i18n::Lang::De, f.salutation)
            .to_owned(),
        title_en: program.titles.en.clone(),
        program_code: program.code.clone(),
        wording_de: f.settings.wording_de.clone(),
        wording_en: f.settings.wording_en.clone(),
        seminars: f.seminars,
        total_hours,
        issued_on: f.issued_on,
        valid_until: f.valid_until,
        signatory_name: f.signatory_name.clone(),
        signatory_title: f.signatory_title.clone(),
        logo_sha256: f.logo_asset.as_ref().map(|(_, sha)| sha.clone()),
        signed_payload: None,
    };
    snapshot.code = verification_code(secret, &snapshot);
    let signed_payload = signing::sign_snapshot(signing, &snapshot);
    let json = snapshot.to_json();
    let id = tx.insert_certificate(&NewCertificate {
        serial: &serial,
        program_id: program.id,
        employee_id: employee.id,
        serial_year: year,
        serial_number: number,
        issued_on: f.issued_on,
        valid_until: f.valid_until,
        signatory_name: &f.signatory_name,
        signatory_title: &f.signatory_title,
        code: &snapshot.code,
        snapshot: &json,
        logo_asset_id: f.logo_asset.map(|(id, _)| id),
        signed_payload: Some(&signed_payload),
    })?;
    Ok(Issued {
        id,
        serial,
        employee_id: employee.id,
    })
}

/// Stores the logo once as an asset; returns its id and SHA-256.
fn store_logo(tx: &Tx<'_>, (mime, bytes): (&str, &[u8])) -> Result<Option<(i64, String)>> {
    let sha = hex(&Sha256::digest(bytes));
    let id = tx.store_asset(&sha, mime, bytes)?;
    Ok(Some((id, sha)))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What a correction changes: the name as it should have been printed, and the form of
/// address (which picks the title form).
#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    pub first_name: String,
    pub last_name: String,
    pub salutation: Salutation,
    pub reason: String,
}

/// Issues a corrected certificate that supersedes `old`: a new serial and code, the
/// corrected name and title form, everything else as printed on the old one (seminars,
/// issue and expiry dates, signatory, organisation, logo). The old one stays, marked
/// superseded. Returns the new certificate.
pub fn correct(db: &mut Database, old: CertificateId, correction: &Correction) -> Result<Issued> {
    let store = db.store_mut();
    let mut problems = Vec::new();
    let first = crate::model::clean_required(
        &correction.first_name,
        crate::model::Field::FirstName,
        &mut problems,
    );
    let last = crate::model::clean_required(
        &correction.last_name,
        crate::model::Field::LastName,
        &mut problems,
    );
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let reason = correction.reason.trim().to_owned();
    if reason.is_empty() {
        return Err(Error::Message(t("certs-reason-required")));
    }
    store.transact(|tx| {
        let cert = tx
            .certificate(old)?
            .ok_or_else(|| not_found(format!("certificate {old}")))?;
        if cert.superseded_by.is_some()
            || cert.revoked_on.is_some()
            || crate::service::privacy::holder_erased(&cert)
        {
            return Err(Error::Message(ta(
                "certs-not-correctable",
                &[("serial", Arg::from(&cert.serial))],
            )));
        }
        let program = tx
            .program(cert.program_id)?
            .ok_or_else(|| not_found(format!("program {}", cert.program_id)))?;
        let employee = tx
            .employee(cert.employee_id)?
            .ok_or_else(|| not_found(format!("employee {}", cert.employee_id)))?;
        let snapshot = CertificateSnapshot::from_json(&cert.snapshot)?;
        let secret = secret_in(tx)?;
        let signing = signing::active_key_in(tx)?;
        // The old certificate's own settings, not today's.
        let frozen_settings = CertificateSettings {
            organisation: snapshot.organisation.clone(),
            place: snapshot.place.clone(),
            signatory_name: snapshot.signatory_name.clone(),
            signatory_title: snapshot.signatory_title.clone(),
            wording_de: snapshot.wording_de.clone(),
            wording_en: snapshot.wording_en.clone(),
            logo: None,
        };
        let logo_asset = cert.logo_asset_id.zip(snapshot.logo_sha256.clone());
        let new = write_certificate(
            tx,
            (&secret, &signing),
            &program,
            &employee,
            Frozen {
                first_name: first.clone(),
                last_name: last.clone(),
                salutation: correction.salutation,
                seminars: snapshot.seminars.clone(),
                issued_on: cert.issued_on,
                valid_until: cert.valid_until,
                signatory_name: snapshot.signatory_name.clone(),
                signatory_title: snapshot.signatory_title.clone(),
                settings: &frozen_settings,
                logo_asset,
            },
        )?;
        tx.set_superseded_by(old, new.id)?;
        tx.audit(
            "certificate",
            Some(old.0),
            "supersede",
            &format!(
                "serial {} superseded by {}: {reason}",
                cert.serial, new.serial
            ),
        )?;
        tx.audit(
            "certificate",
            Some(new.id.0),
            "correct",
            &format!("serial {} corrects {}", new.serial, cert.serial),
        )?;
        Ok(new)
    })
}

/// Revokes a certificate on `on` for `reason` (required). It stays on record.
pub fn revoke(db: &mut Database, id: CertificateId, on: NaiveDate, reason: &str) -> Result<()> {
    let store = db.store_mut();
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::Message(t("certs-reason-required")));
    }
    store.transact(|tx| {
        let cert = tx
            .certificate(id)?
            .ok_or_else(|| not_found(format!("certificate {id}")))?;
        if cert.revoked_on.is_some() {
            return Err(Error::Message(ta(
                "certs-already-revoked",
                &[("serial", Arg::from(&cert.serial))],
            )));
        }
        if on < cert.issued_on {
            return Err(Error::Message(t("certs-revoke-before-issue")));
        }
        tx.revoke_certificate(id, on, reason)?;
        tx.audit(
            "certificate",
            Some(id.0),
            "revoke",
            &format!("serial {}: {reason}", cert.serial),
        )
    })
}

/// What checking a code found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Verification {
    /// The code belongs to a certificate whose printed fields are intact.
    Genuine {
        status: CertificateStatus,
        snapshot: Box<CertificateSnapshot>,
        revoked_on: Option<NaiveDate>,
        revocation_reason: Option<String>,
        superseded_by: Option<String>,
        /// The holder was erased (DSGVO Art. 17): the snapshot holds no name.
        holder_erased: bool,
    },
    /// A certificate has this code, but its stored fields no longer give it: altered.
    Altered { serial: String },
    /// No certificate has this code (or it is not a code at all).
    Unknown,
}

impl Verification {
    /// Genuine and valid on the day checked (expiring ones included).
    pub fn is_valid(&self) -> bool {
        matches!(self, Verification::Genuine { status, .. } if status.is_valid())
    }

    /// The status word for scripts: valid, expired, revoked, superseded, altered, unknown.
    pub fn status_code(&self) -> &'static str {
        match self {
            Verification::Genuine { status, .. } => match status {
                CertificateStatus::Valid | CertificateStatus::Expiring => "valid",
                other => other.code(),
            },
            Verification::Altered { .. } => "altered",
            Verification::Unknown => "unknown",
        }
    }

    /// The status in words, in the current language ("…, holder erased" for a certificate
    /// whose holder was erased).
    pub fn status_text(&self) -> String {
        let text = self.bare_status_text();
        match self {
            Verification::Genuine {
                holder_erased: true,
                ..
            } => ta("verify-holder-erased", &[("status", Arg::from(text))]),
            _ => text,
        }
    }

    fn bare_status_text(&self) -> String {
        t(match self {
            Verification::Genuine { status, .. } => match status {
                CertificateStatus::Valid => "verify-valid",
                CertificateStatus::Expiring => "verify-expiring",
                CertificateStatus::Expired => "verify-expired",
                CertificateStatus::Revoked => "verify-revoked",
                CertificateStatus::Superseded => "verify-superseded",
                CertificateStatus::NotYetIssued => "verify-not-yet-issued",
            },
            Verification::Altered { .. } => "verify-altered",
            Verification::Unknown => "verify-unknown",
        })
    }
}

/// Checks a code as typed or scanned on `as_of`: genuine (with its status and every
/// printed field), altered, or unknown.
pub fn verify(db: &Database, input: &str, as_of: NaiveDate) -> Result<Verification> {
    let store = db.store();
    let Some(code) = normalize_code(input) else {
        return Ok(Verification::Unknown);
    };
    let Some(cert) = store.certificate_by_code(&code)? else {
        return Ok(Verification::Unknown);
    };
    let Some(secret) = secret(db)? else {
        return Ok(Verification::Altered {
            serial: cert.serial,
        });
    };
    let Ok(snapshot) = CertificateSnapshot::from_json(&cert.snapshot) else {
        return Ok(Verification::Altered {
            serial: cert.serial,
        });
    };
    if !is_intact(&cert, Some(&secret)) {
        return Ok(Verification::Altered {
            serial: cert.serial,
        });
    }
    let superseded_by = match cert.superseded_by {
        Some(id) => store.certificate(id)?.map(|c| c.serial),
        None => None,
    };
    let holder_erased = crate::service::privacy::holder_erased(&cert);
    Ok(Verification::Genuine {
        status: cert.status(as_of),
        snapshot: Box::new(snapshot),
        revoked_on: cert.revoked_on,
        revocation_reason: cert.revocation_reason,
        superseded_by,
        holder_erased,
    })
}

/// Whether the certificate's stored snapshot gives its code under `secret`, and the
/// columns beside it say the same as the snapshot: false when altered in the database.
/// A snapshot redacted because its holder was erased no longer gives the printed code;
/// it carries its own keyed MAC instead (see `crate::service::privacy`), checked here.
pub(crate) fn is_intact(cert: &Certificate, secret: Option<&[u8]>) -> bool {
    let Some(secret) = secret else {
        return false;
    };
    let Ok(snapshot) = CertificateSnapshot::from_json(&cert.snapshot) else {
        return false;
    };
    let columns_agree = snapshot.code == cert.code
        && snapshot.serial == cert.serial
        && snapshot.issued_on == cert.issued_on
        && snapshot.valid_until == cert.valid_until;
    match crate::service::privacy::erased_mac_of(&cert.snapshot) {
        Some(mac) => {
            columns_agree && crate::service::privacy::redacted_intact(secret, &snapshot, &mac)
        }
        None => columns_agree && code_matches(secret, &snapshot),
    }
}

/// The certificates `filter` selects, with their holders' and programs' names.
pub fn list(db: &Database, filter: &CertificateFilter) -> Result<Vec<CertificateRow>> {
    let store = db.store();
    store.certificate_rows(filter)
}

/// Every certificate with its holder's and program's names.
pub fn all(db: &Database) -> Result<Vec<CertificateRow>> {
    list(db, &CertificateFilter::default())
}

/// The certificates with these ids, in the order given; one that does not exist is an error.
pub fn by_ids(db: &Database, ids: &[CertificateId]) -> Result<Vec<Certificate>> {
    let store = db.store();
    ids.iter()
        .map(|&id| {
            store.certificate(id)?.ok_or_else(|| Error::NotFound {
                what: format!("certificate {id}"),
            })
        })
        .collect()
}

/// The certificates with these serials (case-insensitive), in the order given.
pub fn by_serials(db: &Database, serials: &[String]) -> Result<Vec<Certificate>> {
    let store = db.store();
    serials
        .iter()
        .map(|s| {
            store.certificate_by_serial(s)?.ok_or_else(|| {
                Error::Message(ta("certs-unknown-serial", &[("serial", Arg::from(s))]))
            })
        })
        .collect()
}

mod print;
pub mod signing;

pub use print::{PrintTarget, Printable, print, printables};

/// Sets the logo printed on certificates issued from now on (PNG or JPEG), or removes
/// it with `None` (they then print the default logo). Certificates already issued keep
/// the logo they were issued with.
pub fn set_logo(db: &mut Database, bytes: Option<&[u8]>) -> Result<()> {
    let store = db.store_mut();
    let checked = bytes.map(|b| Logo::from_bytes(b.to_vec())).transpose()?;
    store.transact(|tx| {
        match &checked {
            Some(logo) => {
                tx.set_setting_blob(settings::LOGO, Some(&logo.bytes))?;
                tx.set_setting(settings::LOGO_MIME, Some(&logo.mime))?;
            }
            None => {
                tx.set_setting_blob(settings::LOGO, None)?;
                tx.set_setting(settings::LOGO_MIME, None)?;
            }
        }
        tx.audit(
            "setting",
            None,
            "edit",
            if checked.is_some() {
                "logo"
            } else {
                "logo removed"
            },
        )
    })
}

/// Makes the PNG or JPEG file at `path` the logo of certificates issued from now on;
/// a file that cannot be read or is no usable image is refused with the reason.
pub fn set_logo_file(db: &mut Database, path: &Path) -> Result<()> {
    let bytes = std::fs::read(path).map_err(|e| Error::file(path, e))?;
    set_logo(db, Some(&bytes))
}

/// The logo certificates are printed with now (the default one while none is chosen)
/// decoded for a preview, with its SHA-256.
pub fn logo_preview(db: &Database) -> Result<Option<(String, crate::certificate::LogoPixels)>> {
    let settings = CertificateSettings::load(db.store())?;
    let logo = Logo::from_bytes(settings.printed_logo().1.to_vec())?;
    Ok(Some((logo.sha256(), logo.pixels()?)))
}

/// The verification secret, created on first use inside the caller's transaction.
/// Two officers issuing their first certificates at once agree on one secret: the second
/// finds the first one's (the insert waits for it) and uses it.
pub(crate) fn secret_in(tx: &Tx<'_>) -> Result<Vec<u8>> {
    let stored = tx.setting_blob(settings::SECRET)?;
    if let Some(secret) = stored.clone().filter(|s| s.len() >= 16) {
        return Ok(secret);
    }
    let secret = crate::certificate::new_secret().to_vec();
    if stored.is_some() {
        // Too short to be one: replaced.
        tx.set_setting_blob(settings::SECRET, Some(&secret))?;
    } else if !tx.add_setting_blob(settings::SECRET, &secret)? {
        return tx
            .setting_blob(settings::SECRET)?
            .ok_or_else(|| Error::Backend("verification secret vanished".into()));
    }
    tx.audit("setting", None, "create", "verification secret")?;
    Ok(secret)
}

/// The verification secret, if one was created (codes exist only after the first issue).
pub fn secret(db: &Database) -> Result<Option<Vec<u8>>> {
    let store = db.store();
    store.setting_blob(settings::SECRET)
}
