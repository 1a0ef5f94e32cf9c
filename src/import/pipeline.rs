//! The stages every import goes through, shared by the staff list ([`super::employees`])
//! and the participant list ([`super::attendance`]):
//!
//! 1. **Read the table** ([`read_file`]): CSV or workbook into a header and data rows that
//!    keep their line numbers ([`super::table`]); rows whose cells are all blank are left
//!    out. The header row is the one among the first rows that names the most columns of
//!    the import's [`ColumnSpec`] ([`header_score`]).
//! 2. **Map the headers** ([`ColumnMap::from_headers`]): which file column holds which
//!    field; a field named twice, or too few columns to import, is an error for the whole
//!    file.
//! 3. **Read each row** into the import's record type (trimmed text, typed cells), with its
//!    line. Each import then validates its records, each into a typed value or the reasons
//!    it is rejected ([`Checked`]), and plans them into rows to write or rejections with
//!    line and reasons; [`repeated_lines`] finds what a file names more than once.
//! 4. **Preview**: how many rows each list of the plan holds ([`Counts`]) and the plan as
//!    text ([`PreviewText`]); a commit refused because of rejected rows says so with the
//!    first of them ([`refusal`]).
//! 5. **Apply**: the service re-plans inside one transaction and writes (not here: no I/O
//!    besides reading the file).

use std::collections::HashMap;
use std::hash::Hash;
use std::path::Path;

use super::headers::{WEAK_NAME, normalize_header, quoted_headers};
use super::table::{Cell, SourceFormat, Table, TableRow, read_table};
use crate::error::{Error, Result};
use crate::i18n::{Arg, t, ta};

/// The columns an import knows: how headers name them and which combinations suffice.
pub trait ColumnSpec: Copy + Eq + Hash + 'static {
    /// Every column, in slot order ([`ColumnSpec::index`]).
    const ALL: &'static [Self];
    /// The column a bare "Name" header counts as when the header row is searched.
    const WEAK_NAME: Self;

    /// The column a header names, if any.
    fn from_header(header: &str) -> Option<Self>;
    /// Its slot in a column map.
    fn index(self) -> usize;
    /// Its name in the current language, for messages.
    fn label(self) -> String;
    /// The column a bare "Name" header stands for, given the columns found (`has`);
    /// `None` ignores it.
    fn weak_name(has: &dyn Fn(Self) -> bool) -> Option<Self>;
    /// Checks that the columns found (`has`) are enough to import; else an error in the
    /// user's language naming the header line and the headers found.
    fn check(has: &dyn Fn(Self) -> bool, headers: &[String], header_line: usize) -> Result<()>;
}

/// How many different known columns `headers` name; used to find the header row and the
/// delimiter.
pub fn header_score<C: ColumnSpec>(headers: &[String]) -> usize {
    let mut seen = std::collections::HashSet::new();
    for h in headers {
        if let Some(c) = C::from_header(h) {
            seen.insert(c);
        } else if normalize_header(h) == WEAK_NAME {
            seen.insert(C::WEAK_NAME);
        }
    }
    seen.len()
}

/// Which file column holds which field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMap<C> {
    /// Per column slot, the position of its header.
    indices: Vec<Option<usize>>,
    /// The recognised columns with the header as written in the file, in file order.
    pub recognized: Vec<(C, String)>,
    /// Headers that name no known column (their cells are not imported).
    pub ignored: Vec<String>,
}

impl<C: ColumnSpec> ColumnMap<C> {
    /// Recognises the columns of a header row. Errors (in the user's language) when a
    /// field has two columns or the columns do not suffice ([`ColumnSpec::check`]).
    pub fn from_headers(headers: &[String], header_line: usize) -> Result<ColumnMap<C>> {
        let mut indices: Vec<Option<usize>> = vec![None; C::ALL.len()];
        let mut weak_name = None;
        let mut ignored = Vec::new();
        for (i, header) in headers.iter().enumerate() {
            if header.trim().is_empty() {
                continue;
            }
            match C::from_header(header) {
                Some(column) => {
                    if let Some(first) = indices[column.index()] {
                        return Err(Error::Message(ta(
                            "import-duplicate-column",
                            &[
                                ("column", Arg::from(column.label())),
                                ("first", Arg::from(&headers[first])),
                                ("second", Arg::from(header)),
                            ],
                        )));
                    }
                    indices[column.index()] = Some(i);
                }
                None if normalize_header(header) == WEAK_NAME && weak_name.is_none() => {
                    weak_name = Some(i);
                }
                None => ignored.push(header.trim().to_owned()),
            }
        }
        if let Some(i) = weak_name {
            let has = |c: C| indices[c.index()].is_some();
            match C::weak_name(&has) {
                Some(column) => indices[column.index()] = Some(i),
                None => ignored.push(headers[i].trim().to_owned()),
            }
        }
        C::check(&|c: C| indices[c.index()].is_some(), headers, header_line)?;
        let mut found: Vec<(usize, C)> = C::ALL
            .iter()
            .filter_map(|c| indices[c.index()].map(|i| (i, *c)))
            .collect();
        found.sort_unstable_by_key(|(i, _)| *i);
        let recognized = found
            .into_iter()
            .map(|(i, c)| (c, headers[i].trim().to_owned()))
            .collect();
        Ok(ColumnMap {
            indices,
            recognized,
            ignored,
        })
    }

    /// Whether the file has this column.
    pub fn has(&self, column: C) -> bool {
        self.indices[column.index()].is_some()
    }

    /// The header of `column` as written (trimmed), if the file has it.
    pub fn header(&self, column: C) -> Option<&str> {
        self.recognized
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, h)| h.as_str())
    }

    /// The cell of `column` in `row`; empty when the file has no such column.
    pub fn cell<'a>(&self, row: &'a TableRow, column: C) -> &'a Cell {
        match self.indices[column.index()] {
            Some(i) => row.cell(i),
            None => &Cell::Empty,
        }
    }
}

/// An import file read: where its header is, which columns it has, and one record per
/// non-blank data row, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportFile<C, R> {
    /// CSV encoding and delimiter, or the worksheet read.
    pub format: SourceFormat,
    /// The line (sheet row) of the header.
    pub header_line: usize,
    pub columns: ColumnMap<C>,
    pub records: Vec<R>,
}

/// Reads an import file (the extension of `file_name` decides CSV or workbook), maps its
/// header for the columns `C` and reads every data row with `record`. Errors, in the
/// user's language, for an unreadable file or unsuitable columns.
pub fn read_file<C: ColumnSpec, R>(
    file_name: &str,
    bytes: &[u8],
    record: impl FnMut(&ColumnMap<C>, &TableRow) -> R,
) -> Result<ImportFile<C, R>> {
    let table = read_table(file_name, bytes, &header_score::<C>)?;
    from_table(&table, record)
}

/// Like [`read_file`], for a table that has already been read.
pub fn from_table<C: ColumnSpec, R>(
    table: &Table,
    mut record: impl FnMut(&ColumnMap<C>, &TableRow) -> R,
) -> Result<ImportFile<C, R>> {
    let columns = ColumnMap::from_headers(&table.headers, table.header_line)?;
    let records = table.rows.iter().map(|row| record(&columns, row)).collect();
    Ok(ImportFile {
        format: table.format.clone(),
        header_line: table.header_line,
        columns,
        records,
    })
}

/// The bytes of the file at `path` and its name without directories (as previews and
/// audit entries show it).
pub fn read_source(path: &Path) -> Result<(String, Vec<u8>)> {
    let bytes = std::fs::read(path).map_err(|e| Error::file(path, e))?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    Ok((file_name, bytes))
}

/// White space collapsed to single spaces, trimmed.
pub(crate) fn collapse(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A row validated: its typed value, or the reasons it is rejected (never empty).
pub type Checked<T, R> = std::result::Result<T, Vec<R>>;

/// The outcome of validating a row: `value` when there is one and no reason stands
/// against it, else the `reasons`.
pub fn checked<T, R>(value: Option<T>, reasons: Vec<R>) -> Checked<T, R> {
    match value {
        Some(value) if reasons.is_empty() => Ok(value),
        _ => Err(reasons),
    }
}

/// The keys given on more than one line, each with all its lines in order. Feed the
/// rows as (key, line) in file order.
pub fn repeated_lines<K: Hash + Eq>(
    keyed: impl IntoIterator<Item = (K, usize)>,
) -> HashMap<K, Vec<usize>> {
    let mut lines_of: HashMap<K, Vec<usize>> = HashMap::new();
    for (key, line) in keyed {
        lines_of.entry(key).or_default().push(line);
    }
    lines_of.retain(|_, lines| lines.len() > 1);
    lines_of
}

/// Where the data rows of a plan go: the counts a preview shows and a commit reports.
/// Every data row is counted once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub added: usize,
    /// Changed (staff list) or updated (roster) rows.
    pub changed: usize,
    pub unchanged: usize,
    /// Rows waiting for the user's choice (participant list only).
    pub unresolved: usize,
    pub rejected: usize,
    /// Rows the user chose to skip (participant list only).
    pub skipped: usize,
}

impl Counts {
    /// The number of data rows counted.
    pub fn rows(&self) -> usize {
        self.added + self.changed + self.unchanged + self.unresolved + self.rejected + self.skipped
    }
}

/// Line numbers comma-separated: "3, 7, 12".
pub fn line_list(lines: &[usize]) -> String {
    lines
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Zeile 7: …" — a text about one line of the file.
pub fn describe_line(line: usize, text: &str) -> String {
    ta(
        "import-line",
        &[("line", Arg::from(line)), ("text", Arg::from(text))],
    )
}

/// The preview of an import as text lines in the current language: the file, what the
/// import adds to it, then sections of rows.
pub struct PreviewText {
    lines: Vec<String>,
}

impl PreviewText {
    /// Starts with "File „…“ (source): n data rows".
    pub fn new(file_name: &str, format: &SourceFormat, rows: usize) -> PreviewText {
        PreviewText {
            lines: vec![ta(
                "import-preview-file",
                &[
                    ("file", Arg::from(file_name)),
                    ("source", Arg::from(format.describe())),
                    ("rows", Arg::from(rows)),
                ],
            )],
        }
    }

    /// Adds one line.
    pub fn push(&mut self, line: String) {
        self.lines.push(line);
    }

    /// Names the ignored columns, if there are any.
    pub fn ignored_columns(&mut self, ignored: &[String]) {
        if !ignored.is_empty() {
            self.lines.push(ta(
                "import-ignored-columns",
                &[("columns", Arg::from(ignored.join(", ")))],
            ));
        }
    }

    /// A heading (text key `key`) and the `rows` indented below it; nothing without rows.
    pub fn section(&mut self, key: &str, rows: Vec<String>) {
        if !rows.is_empty() {
            self.lines.push(t(key));
            self.lines
                .extend(rows.into_iter().map(|r| format!("  {r}")));
        }
    }

    /// The lines, ending with a note when the file has no data rows.
    pub fn finish(mut self, data_rows: usize) -> Vec<String> {
        if data_rows == 0 {
            self.lines.push(t("import-no-rows"));
        }
        self.lines
    }
}

/// The error of a refused commit: `head` (how many rows stand in the way), then the first
/// of the `rows` that do, and how many more there are.
pub fn refusal(head: String, rows: Vec<String>) -> Error {
    const SHOWN: usize = 20;
    let more = rows.len().saturating_sub(SHOWN);
    let mut lines = vec![head];
    lines.extend(rows.into_iter().take(SHOWN));
    if more > 0 {
        lines.push(ta("import-more-rejected", &[("count", Arg::from(more))]));
    }
    Error::Message(lines.join("\n"))
}

/// Names the missing or unsuitable columns: the error of [`ColumnSpec::check`], with the
/// header line and the headers found filled in.
pub(crate) fn columns_error(
    key: &str,
    mut args: Vec<(&str, Arg)>,
    headers: &[String],
    header_line: usize,
) -> Error {
    args.push(("line", Arg::from(header_line)));
    args.push(("found", Arg::from(quoted_headers(headers))));
    Error::Message(ta(key, &args))
}
