//! Art. 17: erasing one employee, with the plan shown before.
//!
//! - **Anonymise**: the employee row stays as an anonymous placeholder (personnel number
//!   → a random `gelöscht-XXXXXX`, names → [`ERASED_MARKER`], e-mail and job title
//!   cleared, form of address neutral; department, entry and exit date kept) so that
//!   past years' reports keep their totals. Attendance stays (status, hours, session)
//!   without its free-text note.
//! - **Delete**: the attendance rows go. Certificates can never go (serials stay gapless,
//!   issued certificates stay verifiable), so an employee who holds any keeps the row as
//!   the same anonymous placeholder; one who holds none loses the row too.
//!
//! In both modes every certificate's snapshot is redacted (names removed, a neutral title,
//! `holder_erased: true` and a keyed MAC of the redacted snapshot, so that `lotse check`
//! finds it intact and the printed code still verifies, "holder erased"); the audit
//! entries about the person are rewritten without identifying data; the erasure itself is
//! audited with counts only. The file is then compacted so that no byte of the person
//! remains (see [`Store::erase_securely`]).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDateTime};
use hmac::{Hmac, KeyInit, Mac};
use serde::Serialize;
use sha2::Sha256;

use crate::certificate::CertificateSnapshot;
use crate::error::{Error, Result};
use crate::i18n::{Lang, t};
use crate::model::{Certificate, Employee, EmployeeId, Salutation};
use crate::service::Database;
use crate::service::backup::Thinning;
use crate::store::{AuditRecord, BackupName, CertificateFilter, Read, Store, Tx};

/// The first and last name an erased employee's placeholder row holds. Data, not a text
/// shown as is: the UI shows "gelöschte Person" / "erased person" for it.
pub const ERASED_MARKER: &str = "Gelöscht";

/// How a personnel number of a placeholder begins: `gelöscht-7F3K9Q`.
pub const ERASED_NUMBER_PREFIX: &str = "gelöscht-";

/// What replaces identifying data in audit summaries (technical English, like them).
const AUDIT_REPLACEMENT: &str = "erased person";

/// How an employee is erased.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ErasureMode {
    /// The row stays as an anonymous placeholder; attendance stays (without notes).
    Anonymise,
    /// Attendance rows go; the row stays as placeholder only if certificates need it.
    Delete,
}

impl ErasureMode {
    /// "anonymise" / "delete", for audit entries and scripts.
    pub fn code(self) -> &'static str {
        match self {
            ErasureMode::Anonymise => "anonymise",
            ErasureMode::Delete => "delete",
        }
    }
}

/// One backup that still holds the person, and when the thinning schedule deletes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BackupHolding {
    pub path: PathBuf,
    pub taken_at: NaiveDateTime,
    /// When thinning removes it, assuming a backup is taken every day from now on;
    /// `None` when not within the schedule's span (thinning switched off).
    pub ages_out: Option<NaiveDateTime>,
}

/// What an erasure will do, for the confirmation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErasurePlan {
    pub employee: EmployeeId,
    pub mode: ErasureMode,
    /// "First Last" as it is now, for the confirmation only.
    pub display_name: String,
    pub personnel_number: String,
    /// Attendance rows: kept without note (Anonymise) or deleted (Delete).
    pub attendance: usize,
    /// Attendance rows with a note that will be cleared.
    pub notes: usize,
    /// Places on waiting lists, which are deleted in either mode.
    pub waitlist: usize,
    /// Certificates whose snapshot is redacted (they stay, verifiable, without name).
    pub certificates: usize,
    /// Audit entries rewritten without identifying data.
    pub audit_entries: usize,
    /// Whether the employee row stays as a placeholder (always in Anonymise; in Delete
    /// when certificates exist).
    pub keeps_placeholder: bool,
    /// Backups that still hold the person (newest first).
    pub backups: Vec<BackupHolding>,
    /// Whether the person was erased (anonymised) before.
    pub already_erased: bool,
}

/// What an erasure did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErasureReport {
    pub mode: ErasureMode,
    pub attendance: usize,
    pub notes: usize,
    /// Places on waiting lists deleted.
    pub waitlist: usize,
    pub certificates: usize,
    pub audit_entries: usize,
    /// Whether the employee row stays as a placeholder.
    pub kept_placeholder: bool,
    /// The placeholder's new personnel number, if the row stays.
    pub placeholder_number: Option<String>,
    /// Backups the person was erased from too (when asked for).
    pub backups_erased: Vec<PathBuf>,
    /// Backups that held the person but could not be changed, with the reason.
    pub backups_failed: Vec<(PathBuf, String)>,
    /// The write-ahead log could not be emptied (another program had the file open);
    /// it is emptied the next time the last connection closes.
    pub wal_busy: bool,
}

/// Whether `employee` is an erased placeholder (the UI shows "gelöschte Person").
pub fn is_placeholder(employee: &Employee) -> bool {
    employee.personnel_number.starts_with(ERASED_NUMBER_PREFIX)
        && employee.first_name == ERASED_MARKER
        && employee.last_name == ERASED_MARKER
}

fn not_found(id: EmployeeId) -> Error {
    Error::NotFound {
        what: format!("employee {id}"),
    }
}

/// What erasing `employee` in `mode` will do.
pub fn plan_erasure(db: &Database, employee: EmployeeId, mode: ErasureMode) -> Result<ErasurePlan> {
    let store = db.store();
    let person = store
        .employee(employee)?
        .ok_or_else(|| not_found(employee))?;
    let records = store.training_history(employee)?;
    let certificates = store
        .certificate_rows(&CertificateFilter {
            program: None,
            employee: Some(employee),
        })?
        .len();
    let audit = concerning(
        store.audit_candidates(Some(employee), &person.personnel_number)?,
        employee,
        &person.personnel_number,
    );
    let backups = match store.path() {
        Some(db) => backups_holding(store, db, &person.personnel_number)?,
        None => Vec::new(),
    };
    Ok(ErasurePlan {
        employee,
        mode,
        display_name: format!("{} {}", person.first_name, person.last_name),
        personnel_number: person.personnel_number.clone(),
        attendance: records.len(),
        notes: records
            .iter()
            .filter(|r| !r.attendance.note.is_empty())
            .count(),
        waitlist: store.waitlist_of_employee(employee)?.len(),
        certificates,
        audit_entries: audit.len(),
        keeps_placeholder: mode == ErasureMode::Anonymise || certificates > 0,
        backups,
        already_erased: store.employee_erased_at(employee)?.is_some(),
    })
}

/// Erases `employee` in `mode` in the database (see the module docs); backups are left
/// as they are (see [`erase_with_backups`]).
pub fn erase(db: &mut Database, employee: EmployeeId, mode: ErasureMode) -> Result<ErasureReport> {
    erase_with_backups(db, employee, mode, false)
}

/// [`erase`], and with `also_backups` the same erasure in every backup in the backups
/// folder that still holds the person (found by personnel number). A backup that cannot
/// be changed is named in the report; the erasure in the database stands.
pub fn erase_with_backups(
    db: &mut Database,
    employee: EmployeeId,
    mode: ErasureMode,
    also_backups: bool,
) -> Result<ErasureReport> {
    let store = db.store_mut();
    let number = store
        .employee(employee)?
        .ok_or_else(|| not_found(employee))?
        .personnel_number;
    let mut report = erase_here(store, employee, mode)?;
    log::info!(
        "erased employee #{employee} ({}): {} attendance, {} certificates, {} audit entries",
        mode.code(),
        report.attendance,
        report.certificates,
        report.audit_entries
    );
    if also_backups && let Some(db) = store.path().map(Path::to_path_buf) {
        for backup in crate::store::list_backups(&db)? {
            match erase_in_backup(&backup.path, &number, mode) {
                Ok(true) => report.backups_erased.push(backup.path),
                Ok(false) => {}
                Err(e) => {
                    log::error!("erasing in a backup failed: {e}");
                    report.backups_failed.push((backup.path, e.user_message()));
                }
            }
        }
    }
    Ok(report)
}

/// Applies the same erasure to the backup file at `backup` (a Lotse database not open
/// elsewhere; found by personnel number), then compacts it so that no byte of the person
/// remains. Returns whether it held them.
pub fn erase_in_backup(backup: &Path, personnel_number: &str, mode: ErasureMode) -> Result<bool> {
    let mut store = Store::open_backup_for_erasure(backup)?;
    let Some(person) = store.employee_by_personnel_number(personnel_number)? else {
        return Ok(false);
    };
    erase_here(&mut store, person.id, mode)?;
    Ok(true)
}

/// The erasure in one database: one transaction with secure delete, then compaction.
fn erase_here(store: &mut Store, employee: EmployeeId, mode: ErasureMode) -> Result<ErasureReport> {
    let person = store
        .employee(employee)?
        .ok_or_else(|| not_found(employee))?;
    let already = store.employee_erased_at(employee)?.is_some();
    if already && mode == ErasureMode::Anonymise {
        return Err(Error::Message(t("privacy-already-erased")));
    }
    let needles = identifying(&person);
    let (mut report, compacted) = store.erase_securely(|tx| {
        let held = tx.certificates_of(employee)?;
        let keep_row = mode == ErasureMode::Anonymise || !held.is_empty();
        let notes = tx.clear_attendance_notes(employee)?;
        // Places on waiting lists are wishes, not records: they go in either mode.
        let waitlist = tx.delete_waitlist_of(employee)?;
        let attendance = match mode {
            ErasureMode::Anonymise => tx.attendance_count_of(employee)?,
            ErasureMode::Delete => tx.delete_attendance_of(employee)?,
        };
        // Certificates: names out of the snapshot, with a MAC of the redacted one.
        let mut certificates = 0;
        if !held.is_empty() {
            let secret = crate::service::certificates::secret_in(tx)?;
            for cert in &held {
                if erased_mac_of(&cert.snapshot).is_some() {
                    continue;
                }
                let neutral = tx.program(cert.program_id)?.map(|p| {
                    p.titles
                        .for_person(Lang::De, Salutation::Neutral)
                        .to_owned()
                });
                let redacted = redact_snapshot(&cert.snapshot, &secret, neutral.as_deref())?;
                let reason = cert
                    .revocation_reason
                    .as_deref()
                    .map(|r| scrub(r, &person.personnel_number, &needles));
                tx.redact_certificate(cert.id, &redacted, reason.as_deref(), tx.now())?;
                certificates += 1;
            }
        }
        // The audit entries about the person, without what identifies them.
        let entries = concerning(
            tx.audit_candidates(Some(employee), &person.personnel_number)?,
            employee,
            &person.personnel_number,
        );
        let owner = keep_row.then_some(employee);
        for entry in &entries {
            let summary = scrub(&entry.summary, &person.personnel_number, &needles);
            tx.rewrite_audit(entry.id, &summary, owner)?;
        }
        let placeholder_number = if keep_row {
            let number = if already {
                person.personnel_number.clone()
            } else {
                free_token(tx)?
            };
            tx.anonymise_employee(employee, &number, ERASED_MARKER, tx.now())?;
            Some(number)
        } else {
            tx.delete_employee(employee)?;
            None
        };
        let summary = format!(
            "erase ({}): {attendance} attendance, {notes} notes, {waitlist} waiting-list places, \
             {certificates} certificates, {} audit entries{}",
            mode.code(),
            entries.len(),
            if keep_row {
                ", placeholder kept"
            } else {
                ", record deleted"
            }
        );
        tx.audit(
            "employee",
            keep_row.then_some(employee.0),
            "erase",
            &summary,
        )?;
        Ok(ErasureReport {
            mode,
            attendance,
            notes,
            waitlist,
            certificates,
            audit_entries: entries.len(),
            kept_placeholder: keep_row,
            placeholder_number,
            backups_erased: Vec::new(),
            backups_failed: Vec::new(),
            wal_busy: false,
        })
    })?;
    report.wal_busy = compacted.wal_busy;
    Ok(report)
}

/// A personnel number for a placeholder that no one has: `gelöscht-` and six random
/// characters of Crockford's alphabet.
fn free_token(tx: &Tx<'_>) -> Result<String> {
    use rand::Rng as _;
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut rng = rand::rng();
    loop {
        let token: String = (0..6)
            .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
            .collect();
        let number = format!("{ERASED_NUMBER_PREFIX}{token}");
        if !tx.personnel_number_taken(&number)? {
            return Ok(number);
        }
    }
}

/// What identifies the person in free text, longest first: e-mail, full name both ways,
/// last and first name.
fn identifying(person: &Employee) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(email) = person.email.as_deref().filter(|e| !e.trim().is_empty()) {
        out.push(email.trim().to_owned());
    }
    if !is_placeholder(person) {
        out.push(format!("{} {}", person.first_name, person.last_name));
        out.push(format!("{}, {}", person.last_name, person.first_name));
        out.push(person.last_name.clone());
        out.push(person.first_name.clone());
    }
    out.retain(|s| !s.trim().is_empty());
    out.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    out.dedup();
    out
}

/// The audit entries of `candidates` that concern the person: recorded for them, or whose
/// summary names their personnel number ("personnel number 1234").
pub(super) fn concerning(
    candidates: Vec<AuditRecord>,
    employee: EmployeeId,
    number: &str,
) -> Vec<AuditRecord> {
    let phrase = format!("personnel number {number}");
    candidates
        .into_iter()
        .filter(|r| r.employee_id == Some(employee.0) || find_word(&r.summary, &phrase).is_some())
        .collect()
}

/// The byte offset of the first occurrence of `word` in `text` that is not part of a
/// longer word.
fn find_word(text: &str, word: &str) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(pos) = text[from..].find(word).map(|p| p + from) {
        let end = pos + word.len();
        let before = text[..pos].chars().next_back();
        let after = text[end..].chars().next();
        let edge = |c: Option<char>| {
            // A dot or dash ends a sentence or a range; it does not join a word.
            c.is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '@'))
        };
        if edge(before) && edge(after) {
            return Some(pos);
        }
        from = pos + word.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// `text` with every whole-word occurrence of the personnel number (with its "personnel
/// number" label) and of `needles` replaced by "erased person".
pub(crate) fn scrub(text: &str, number: &str, needles: &[String]) -> String {
    let mut out = replace_words(text, &format!("personnel number {number}"));
    out = replace_words(&out, number);
    for needle in needles {
        out = replace_words(&out, needle);
    }
    out
}

fn replace_words(text: &str, word: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = find_word(rest, word) {
        out.push_str(&rest[..pos]);
        out.push_str(AUDIT_REPLACEMENT);
        rest = &rest[pos + word.len()..];
    }
    out.push_str(rest);
    out
}

// ---------------------------------------------------------------------------------------
// Redacted certificate snapshots.

/// Domain separation for the MAC of a redacted snapshot (never equal to a code's input).
const ERASED_DOMAIN: &[u8] = b"lotse-certificate-erased\n";

/// The MAC (hex) of a redacted snapshot: HMAC-SHA-256 under the database's secret over
/// the domain line and the snapshot's JSON as [`CertificateSnapshot::to_json`] writes it
/// (every field in declaration order, the original code included).
fn redacted_mac(secret: &[u8], snapshot: &CertificateSnapshot) -> String {
    let Ok(mut mac) = <Hmac<Sha256> as KeyInit>::new_from_slice(secret) else {
        return String::new();
    };
    mac.update(ERASED_DOMAIN);
    mac.update(snapshot.to_json().as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The redacted form of a stored snapshot: names empty, the German title in its neutral
/// form, the original code kept (the printed one still finds it), plus
/// `"holder_erased": true` and `"erased_mac"`.
pub(crate) fn redact_snapshot(
    json: &str,
    secret: &[u8],
    neutral_title: Option<&str>,
) -> Result<String> {
    let mut snapshot = CertificateSnapshot::from_json(json)?;
    snapshot.first_name = String::new();
    snapshot.last_name = String::new();
    if let Some(title) = neutral_title {
        snapshot.title_de = title.to_owned();
    }
    let mac = redacted_mac(secret, &snapshot);
    let mut value =
        serde_json::to_value(&snapshot).map_err(|e| Error::Message(format!("snapshot: {e}")))?;
    if let Some(map) = value.as_object_mut() {
        map.insert("holder_erased".to_owned(), serde_json::Value::Bool(true));
        map.insert("erased_mac".to_owned(), serde_json::Value::String(mac));
    }
    Ok(value.to_string())
}

/// The MAC of a redacted snapshot's JSON, or `None` when the holder was not erased.
pub(crate) fn erased_mac_of(json: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    if value.get("holder_erased")?.as_bool()? {
        Some(
            value
                .get("erased_mac")
                .and_then(|m| m.as_str())
                .unwrap_or_default()
                .to_owned(),
        )
    } else {
        None
    }
}

/// Whether a certificate's holder was erased (its snapshot carries the marker).
pub fn holder_erased(cert: &Certificate) -> bool {
    erased_mac_of(&cert.snapshot).is_some()
}

/// Whether the redacted `snapshot` gives `stored` as its MAC under `secret`. Compares in
/// constant time.
pub(crate) fn redacted_intact(secret: &[u8], snapshot: &CertificateSnapshot, stored: &str) -> bool {
    let expected = redacted_mac(secret, snapshot);
    !expected.is_empty()
        && expected.len() == stored.len()
        && expected
            .bytes()
            .zip(stored.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

// ---------------------------------------------------------------------------------------
// Backups.

/// The backups of the database at `db` that still hold the person, with when each ages
/// out under the thinning schedule in the settings.
fn backups_holding(store: &Store, db: &Path, number: &str) -> Result<Vec<BackupHolding>> {
    let all = crate::store::list_backups(db)?;
    let thinning = Thinning::load(store)?;
    let now = store.clock().now();
    let out = ages_out(&thinning, &all, now);
    let mut holding = Vec::new();
    for (backup, ages_out) in all.iter().zip(out) {
        match crate::store::backup_holds_person(&backup.path, number) {
            Ok(true) => holding.push(BackupHolding {
                path: backup.path.clone(),
                taken_at: backup.taken_at,
                ages_out,
            }),
            Ok(false) => {}
            Err(e) => {
                // A backup that cannot be read is listed: it may hold the person.
                log::warn!("could not read a backup for the erasure plan: {e}");
                holding.push(BackupHolding {
                    path: backup.path.clone(),
                    taken_at: backup.taken_at,
                    ages_out,
                });
            }
        }
    }
    Ok(holding)
}

/// For each of `backups` (in order), the day thinning deletes it: simulated day by day
/// from `now`, assuming Lotse takes one backup a day (at the time of `now`) and thins
/// after it, as the app does. `None` when it outlives the simulated span.
pub fn ages_out(
    thinning: &Thinning,
    backups: &[BackupName],
    now: NaiveDateTime,
) -> Vec<Option<NaiveDateTime>> {
    let horizon = i64::from(thinning.all_days)
        + i64::from(thinning.daily_days)
        + i64::from(thinning.weekly_weeks) * 7
        + (i64::from(thinning.monthly_months) + 2) * 31;
    let mut result: Vec<Option<NaiveDateTime>> = vec![None; backups.len()];
    let mut alive: Vec<BackupName> = backups.to_vec();
    let index_of = |path: &PathBuf| backups.iter().position(|b| &b.path == path);
    for day in 0..=horizon {
        let at = now + Duration::days(day);
        if day > 0 {
            alive.push(BackupName {
                path: PathBuf::from(format!("\u{0}simulated-{day}")),
                taken_at: at,
                reason: None,
            });
        }
        let gone: HashSet<PathBuf> = thinning.to_delete(&alive, at).into_iter().collect();
        for path in &gone {
            if let Some(i) = index_of(path) {
                result[i] = Some(at);
            }
        }
        alive.retain(|b| !gone.contains(&b.path));
        if result.iter().all(Option::is_some) {
            break;
        }
    }
    result
}
