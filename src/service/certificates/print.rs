//! Printing issued certificates: loading their snapshots and logos, and writing PDFs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::{is_intact, not_found, secret};
use crate::certificate::{CertificateSnapshot, Logo, RenderOptions};
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
            let snapshot = CertificateSnapshot::from_json(&c.snapshot)?;
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
/// file is only written at the end). Every file is written whole or not at all; a
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
    match target {
        PrintTarget::File(path) => {
            let mut pages = Vec::with_capacity(items.len());
            for (i, p) in items.iter().enumerate() {
                pages.push((&p.snapshot, p.logo.as_ref()));
                if !progress(i as f32 / items.len() as f32 * 0.5) {
                    return Err(Error::Cancelled);
                }
            }
            let bytes = crate::certificate::render(&pages, options)?;
            write_file(path, &bytes)?;
            progress(1.0);
            Ok(vec![path.clone()])
        }
        PrintTarget::Folder(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| Error::file(dir, e))?;
            let mut written = Vec::with_capacity(items.len());
            for (i, p) in items.iter().enumerate() {
                let path = dir.join(crate::certificate::file_name(&p.snapshot));
                let done = crate::certificate::render_one(&p.snapshot, p.logo.as_ref(), options)
                    .and_then(|bytes| write_file(&path, &bytes));
                if let Err(cause) = done {
                    // Each file is whole or absent; say how far the batch came.
                    return Err(if items.len() == 1 {
                        cause
                    } else {
                        Error::PartlyPrinted {
                            written: written.len(),
                            total: items.len(),
                            folder: dir.clone(),
                            failed: path,
                            cause: Box::new(cause),
                        }
                    });
                }
                written.push(path);
                if !progress((i + 1) as f32 / items.len() as f32) {
                    return Err(Error::Cancelled);
                }
            }
            Ok(written)
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
