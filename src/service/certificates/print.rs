//! Printing issued certificates: loading their snapshots and logos, and writing PDFs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::{is_intact, not_found, secret};
use crate::certificate::{BatchStop, CertificateSnapshot, Logo, RenderOptions};
use crate::error::{Error, Result};
use crate::i18n::{Arg, t, ta};
use crate::model::Certificate;
use crate::service::Database;
use crate::store::Read;

/// A certificate ready to print: its snapshot and the logo it was issued with.
pub struct Printable {
    pub certificate: Certificate,
    pub snapshot: CertificateSnapshot,
    pub logo: Option<Logo>,
}

/// Loads snapshots and logos (each logo decoded once). Refuses, naming them, revoked
/// and superseded certificates (they must not be handed out again) and any whose stored
/// fields no longer give their verification code (altered in the database).
pub fn printables(db: &Database, certificates: Vec<Certificate>) -> Result<Vec<Printable>> {
    let store = db.store();
    let secret = secret(db)?;
    let mut refused = Vec::new();
    for c in &certificates {
        let why = if crate::service::privacy::holder_erased(c) {
            Some("certs-print-holder-erased")
        } else if c.revoked_on.is_some() {
            Some("certs-print-revoked")
        } else if c.superseded_by.is_some() {
            Some("certs-print-superseded")
        } else if !is_intact(c, secret.as_deref()) {
            Some("certs-print-altered")
        } else {
            None
        };
        if let Some(key) = why {
            refused.push(ta(key, &[("serial", Arg::from(&c.serial))]));
        }
    }
    if !refused.is_empty() {
        return Err(Error::Message(format!(
            "{}\n{}",
            t("certs-print-refused"),
            refused.join("\n")
        )));
    }
    let mut logos: HashMap<i64, Logo> = HashMap::new();
    certificates
        .into_iter()
        .map(|c| {
            let mut snapshot = CertificateSnapshot::from_json(&c.snapshot)?;
            snapshot.signed_payload = c.signed_payload.clone();
            let logo = match c.logo_asset_id {
                Some(id) => {
                    if let std::collections::hash_map::Entry::Vacant(slot) = logos.entry(id) {
                        let (_mime, bytes) = store
                            .asset(id)?
                            .ok_or_else(|| not_found(format!("logo {id}")))?;
                        slot.insert(Logo::from_bytes(bytes)?);
                    }
                    logos.get(&id).cloned()
                }
                None => None,
            };
            Ok(Printable {
                certificate: c,
                snapshot,
                logo,
            })
        })
        .collect()
}

/// Where a print run goes.
#[derive(Debug, Clone, PartialEq)]
pub enum PrintTarget {
    /// One PDF with a page per certificate.
    File(PathBuf),
    /// A folder of single PDFs named `SERIAL_Lastname.pdf`.
    Folder(PathBuf),
}

impl PrintTarget {
    /// A path ending in `.pdf` is a file; anything else a folder.
    pub fn from_path(path: &Path) -> PrintTarget {
        let is_pdf = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
        if is_pdf {
            PrintTarget::File(path.to_path_buf())
        } else {
            PrintTarget::Folder(path.to_path_buf())
        }
    }
}

/// Prints `items` to `target`; returns the files written. `progress` gets 0.0..=1.0
/// and returns false to cancel (files already written in a folder stay; a single
/// file is only written at the end). A folder's files are rendered and written on
/// every core. Every file is written whole or not at all; a
/// folder batch of several that fails part-way gives [`Error::PartlyPrinted`], which says
/// how many were written and which file failed.
pub fn print(
    items: &[Printable],
    options: &RenderOptions,
    target: &PrintTarget,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<Vec<PathBuf>> {
    if items.is_empty() {
        return Err(Error::Message(t("certs-none-selected")));
    }
    let pages: Vec<(&CertificateSnapshot, Option<&Logo>)> = items
        .iter()
        .map(|p| (&p.snapshot, p.logo.as_ref()))
        .collect();
    match target {
        PrintTarget::File(path) => {
            let bytes = crate::certificate::render_with_progress(&pages, options, progress)?;
            write_file(path, &bytes)?;
            progress(1.0);
            Ok(vec![path.clone()])
        }
        PrintTarget::Folder(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| Error::file(dir, e))?;
            let total = items.len();
            let paths: Vec<PathBuf> = items
                .iter()
                .map(|p| dir.join(crate::certificate::file_name(&p.snapshot)))
                .collect();
            // Written on every core, each file whole or not at all.
            let done: Mutex<Vec<usize>> = Mutex::new(Vec::with_capacity(total));
            let result = crate::certificate::render_each(
                &pages,
                options,
                &|i, bytes| {
                    crate::files::write_private(&paths[i], &bytes)?;
                    if let Ok(mut done) = done.lock() {
                        done.push(i);
                    }
                    Ok(())
                },
                &mut |k| progress(k as f32 / total as f32),
            );
            let mut done = done.into_inner().unwrap_or_default();
            done.sort_unstable();
            let written: Vec<PathBuf> = done.into_iter().map(|i| paths[i].clone()).collect();
            match result {
                Ok(()) => Ok(written),
                Err(BatchStop {
                    failed: Some(i),
                    cause,
                }) if total > 1 => Err(Error::PartlyPrinted {
                    written: written.len(),
                    total,
                    folder: dir.clone(),
                    failed: paths[i].clone(),
                    cause: Box::new(cause),
                }),
                Err(stop) => Err(stop.cause),
            }
        }
    }
}

/// Writes one PDF whole or not at all (see [`crate::files::write_private`]): a failure
/// leaves no partial file and an older file of the same name intact.
fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::file(dir, e))?;
    }
    crate::files::write_private(path, bytes)
}
