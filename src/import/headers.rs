//! Recognising the header row of an import file, shared by the staff-list and the
//! participant-list import.

use crate::error::{Error, Result};
use crate::i18n::{Arg, ta};

/// A kind of column an import knows.
pub(crate) trait ImportColumn: Copy {
    /// The column a header names, if any.
    fn from_header(header: &str) -> Option<Self>;
    /// Its slot in a column map.
    fn index(self) -> usize;
    /// Its name in the current language, for messages.
    fn label(self) -> String;
}

/// Implements [`ImportColumn`] for a column enum through its own inherent
/// `from_header`, `index` and `label`.
macro_rules! import_column {
    ($column:ty) => {
        impl $crate::import::headers::ImportColumn for $column {
            fn from_header(header: &str) -> Option<$column> {
                <$column>::from_header(header)
            }

            fn index(self) -> usize {
                <$column>::index(self)
            }

            fn label(self) -> String {
                <$column>::label(self)
            }
        }
    };
}
pub(crate) use import_column;

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

/// What a header row says.
pub(crate) struct HeaderScan<const N: usize> {
    /// Per column slot, the position of its header.
    pub indices: [Option<usize>; N],
    /// The position of a bare "Name" header, if any.
    pub weak_name: Option<usize>,
    /// Headers that name no known column, as written.
    pub ignored: Vec<String>,
}

/// Finds the known columns in `headers`. A field named by two columns is an error in the
/// user's language.
pub(crate) fn scan_headers<C: ImportColumn, const N: usize>(
    headers: &[String],
) -> Result<HeaderScan<N>> {
    let mut scan = HeaderScan {
        indices: [None; N],
        weak_name: None,
        ignored: Vec::new(),
    };
    for (i, header) in headers.iter().enumerate() {
        if header.trim().is_empty() {
            continue;
        }
        match C::from_header(header) {
            Some(column) => {
                if let Some(first) = scan.indices[column.index()] {
                    return Err(Error::Message(ta(
                        "import-duplicate-column",
                        &[
                            ("column", Arg::from(column.label())),
                            ("first", Arg::from(&headers[first])),
                            ("second", Arg::from(header)),
                        ],
                    )));
                }
                scan.indices[column.index()] = Some(i);
            }
            None if normalize_header(header) == WEAK_NAME && scan.weak_name.is_none() => {
                scan.weak_name = Some(i);
            }
            None => scan.ignored.push(header.trim().to_owned()),
        }
    }
    Ok(scan)
}

/// The non-empty headers, quoted and comma-separated, for "found instead: …" messages.
pub(crate) fn quoted_headers(headers: &[String]) -> String {
    headers
        .iter()
        .filter(|h| !h.trim().is_empty())
        .map(|h| ta("import-quoted", &[("text", Arg::from(h.trim()))]))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The recognised columns in file order, with their headers as written.
pub(crate) fn recognized_in_order<C: ImportColumn, const N: usize>(
    all: &[C],
    indices: &[Option<usize>; N],
    headers: &[String],
) -> Vec<(C, String)> {
    let mut found: Vec<(usize, C)> = all
        .iter()
        .filter_map(|c| indices[c.index()].map(|i| (i, *c)))
        .collect();
    found.sort_unstable_by_key(|(i, _)| *i);
    found
        .into_iter()
        .map(|(i, c)| (c, headers[i].trim().to_owned()))
        .collect()
}
