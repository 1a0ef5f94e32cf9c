//! How headers are spelled: normalising them, and the spellings both imports share.

use crate::i18n::{Arg, ta};

/// A header lower-cased, umlauts spelled out, accents dropped ([`crate::text::fold_spelled`])
/// and everything but letters and digits removed.
pub(crate) fn normalize_header(header: &str) -> String {
    crate::text::fold_spelled(header)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Header spellings of the personnel number, normalised by [`normalize_header`].
pub(crate) const PERSONNEL_NUMBER: &[&str] = &[
    "personalnummer",
    "personalnr",
    "persnr",
    "persnummer",
    "pnr",
    "pernr",
    "mitarbeiternummer",
    "mitarbeiternr",
    "personnelnumber",
    "personnelno",
    "personnelnr",
    "employeenumber",
    "employeeno",
    "employeeid",
    "staffnumber",
    "staffno",
    "staffid",
];

/// A bare "Name" header: its meaning depends on the other columns, so each import decides.
pub(crate) const WEAK_NAME: &str = "name";

/// The non-empty headers, quoted and comma-separated, for "found instead: …" messages.
pub(crate) fn quoted_headers(headers: &[String]) -> String {
    headers
        .iter()
        .filter(|h| !h.trim().is_empty())
        .map(|h| ta("import-quoted", &[("text", Arg::from(h.trim()))]))
        .collect::<Vec<_>>()
        .join(", ")
}
