//! Reading a spreadsheet into a header and data rows, whatever the file looks like:
//! CSV in UTF-8 (with or without BOM), UTF-16 (with BOM) or Windows-1252, with `;`, `,` or
//! tab as delimiter; or the first worksheet of an XLSX/XLSM/XLS/ODS workbook.
//!
//! Every row keeps the physical line it starts on (CSV: the line in the file, counting
//! line breaks inside quoted fields; workbook: the sheet row number), so that messages can
//! point the user to it.

use std::io::Cursor;

use calamine::{Data, Reader};
use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::i18n::{Arg, t, ta};

/// How many rows at the top of a file are searched for the header row
/// (exports sometimes start with a title line such as "Personalliste Stand 01.01.2026").
const HEADER_SEARCH_ROWS: usize = 10;

/// One cell as read. CSV cells are always text; workbook cells keep their type.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Cell {
    /// True for an empty cell or one holding only white space.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            Cell::Number(_) | Cell::Date(_) => false,
        }
    }

    /// The cell as text, trimmed. Whole numbers lose their decimals (a personnel number
    /// stored as 1234.0 in a workbook reads "1234"); dates read as ISO (2026-11-21).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.trim().to_owned(),
            Cell::Number(n) => number_text(*n),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }

    /// The cell as a date: a date cell; an Excel date serial number (a date cell formatted
    /// as a number); or text as dd.mm.yyyy, d.m.yyyy, dd.mm.yy or yyyy-mm-dd, optionally
    /// followed by a time ("21.11.2026 00:00", "2026-11-21T00:00:00").
    /// `Ok(None)` for a blank cell, `Err(text)` for anything else.
    pub fn date(&self) -> Result<Option<NaiveDate>, String> {
        match self {
            Cell::Empty => Ok(None),
            Cell::Date(d) => Ok(Some(*d)),
            Cell::Number(n) => excel_serial_date(*n)
                .map(Some)
                .ok_or_else(|| number_text(*n)),
            Cell::Text(s) => {
                let s = s.trim();
                if s.is_empty() {
                    return Ok(None);
                }
                parse_date_text(s).map(Some).ok_or_else(|| s.to_owned())
            }
        }
    }
}

fn number_text(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A date written as text, with or without a time after it.
fn parse_date_text(s: &str) -> Option<NaiveDate> {
    if let Some(d) = crate::i18n::parse_date(s) {
        return Some(d);
    }
    let date_part = s.split([' ', 'T']).next().unwrap_or_default();
    if date_part.len() < s.len() {
        crate::i18n::parse_date(date_part)
    } else {
        None
    }
}

/// An Excel serial day number (1900 date system) as a date. Serials before 1 March 1900
/// are refused: Excel counts a 29 February 1900 that never existed.
fn excel_serial_date(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(61.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    epoch.checked_add_days(chrono::Days::new(serial.floor() as u64))
}

/// A data row: the line (CSV) or sheet row (workbook) it starts on, 1-based, and its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub line: usize,
    pub cells: Vec<Cell>,
}

impl TableRow {
    /// The cell in column `index`; a row shorter than the header has empty cells at the end.
    pub fn cell(&self, index: usize) -> &Cell {
        self.cells.get(index).unwrap_or(&Cell::Empty)
    }
}

/// What kind of file was read, for the preview ("Windows-1252, delimiter ;").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceFormat {
    Csv {
        encoding: &'static str,
        delimiter: char,
    },
    Workbook {
        sheet: String,
    },
}

impl SourceFormat {
    /// "CSV, Windows-1252, Trennzeichen „;“" or "Arbeitsblatt „Tabelle1“", in the current language.
    pub fn describe(&self) -> String {
        match self {
            SourceFormat::Csv {
                encoding,
                delimiter,
            } => {
                let delimiter = if *delimiter == '\t' {
                    t("import-delimiter-tab")
                } else {
                    delimiter.to_string()
                };
                ta(
                    "import-source-csv",
                    &[
                        ("encoding", Arg::from(*encoding)),
                        ("delimiter", Arg::from(delimiter)),
                    ],
                )
            }
            SourceFormat::Workbook { sheet } => {
                ta("import-source-workbook", &[("sheet", Arg::from(sheet))])
            }
        }
    }
}

/// A spreadsheet: its header row and the non-blank data rows below it.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub format: SourceFormat,
    /// The line (CSV) or sheet row (workbook) of the header, 1-based.
    pub header_line: usize,
    pub headers: Vec<String>,
    /// Data rows in file order; rows whose cells are all blank are left out.
    pub rows: Vec<TableRow>,
}

/// Which kind of reader a file name asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Csv,
    Workbook,
}

impl FileKind {
    /// The kind for a file name's extension (case-insensitive): .csv, .txt, .tsv → CSV;
    /// .xlsx, .xlsm, .xls, .ods → workbook; `None` for anything else.
    pub fn from_file_name(file_name: &str) -> Option<FileKind> {
        let ext = std::path::Path::new(file_name)
            .extension()?
            .to_str()?
            .to_ascii_lowercase();
        match ext.as_str() {
            "csv" | "txt" | "tsv" => Some(FileKind::Csv),
            "xlsx" | "xlsm" | "xls" | "ods" => Some(FileKind::Workbook),
            _ => None,
        }
    }
}

/// Reads `bytes` as the file `file_name` (the extension decides CSV or workbook).
///
/// `header_score` rates a candidate header row (for example: how many known column
/// names it holds); among the first rows of the file, the first one with the highest
/// score is the header, and for CSV the delimiter whose header scores best wins
/// (ties: `;` before `,` before tab). Errors are in the user's language.
pub fn read_table(
    file_name: &str,
    bytes: &[u8],
    header_score: &dyn Fn(&[String]) -> usize,
) -> Result<Table> {
    match FileKind::from_file_name(file_name) {
        Some(FileKind::Csv) => read_csv(bytes, header_score),
        Some(FileKind::Workbook) => read_workbook(bytes, header_score),
        None => Err(Error::Message(ta(
            "import-unsupported-format",
            &[("file", Arg::from(file_name))],
        ))),
    }
}

/// Decodes CSV bytes: a BOM decides (UTF-8, UTF-16LE/BE); without one, valid UTF-8 is
/// UTF-8 and anything else is Windows-1252 (what German Excel writes as "CSV (Trennzeichen-getrennt)").
/// Returns the text and the encoding's name.
pub fn decode_text(bytes: &[u8]) -> (String, &'static str) {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), encoding.name());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), encoding_rs::UTF_8.name()),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), encoding_rs::WINDOWS_1252.name())
        }
    }
}

fn read_csv(bytes: &[u8], header_score: &dyn Fn(&[String]) -> usize) -> Result<Table> {
    let (mut text, encoding) = decode_text(bytes);
    if text.contains('\r') && !text.contains('\n') {
        // Classic Mac line ends: make them count as lines.
        text = text.replace('\r', "\n");
    }
    // Excel's own delimiter hint: a first line "sep=;".
    let mut forced = None;
    let mut skip_lines = 0;
    let first_line = text.lines().next().unwrap_or_default().trim();
    if let Some(rest) = first_line.strip_prefix("sep=")
        && let [d] = rest.as_bytes()
    {
        forced = Some(*d);
        skip_lines = 1;
    }
    let body = if skip_lines == 1 {
        text.split_once('\n').map(|(_, b)| b).unwrap_or_default()
    } else {
        text.as_str()
    };

    let candidates: Vec<u8> = match forced {
        Some(d) => vec![d],
        None => vec![b';', b',', b'\t'],
    };
    let mut best: Option<(u8, usize, usize, usize)> = None; // delimiter, record index, score, fields
    for &delimiter in &candidates {
        let records = csv_records(body, delimiter, skip_lines, Some(HEADER_SEARCH_ROWS))?;
        for (index, (_, cells)) in records.iter().enumerate() {
            let headers: Vec<String> = cells.iter().map(|c| c.trim().to_owned()).collect();
            let score = header_score(&headers);
            let fields = headers.iter().filter(|h| !h.is_empty()).count();
            let better = match best {
                None => true,
                Some((_, _, s, f)) => score > s || (score == s && fields > f && score == 0),
            };
            if better {
                best = Some((delimiter, index, score, fields));
            }
        }
    }
    let Some((delimiter, header_index, _, _)) = best else {
        return Err(Error::Message(t("import-empty-file")));
    };
    let records = csv_records(body, delimiter, skip_lines, None)?;
    let mut records = records.into_iter().skip(header_index);
    let Some((header_line, header_cells)) = records.next() else {
        return Err(Error::Message(t("import-empty-file")));
    };
    let rows = records
        .map(|(line, cells)| TableRow {
            line,
            cells: cells
                .into_iter()
                .map(|s| {
                    if s.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(s)
                    }
                })
                .collect(),
        })
        .filter(|row| !row.cells.iter().all(Cell::is_blank))
        .collect();
    Ok(Table {
        format: SourceFormat::Csv {
            encoding,
            delimiter: char::from(delimiter),
        },
        header_line,
        headers: header_cells.iter().map(|h| h.trim().to_owned()).collect(),
        rows,
    })
}

/// The non-blank records (at most `limit`) with the physical line each starts on.
///
/// The csv crate reports where it began reading a record, which may be the line break
/// that ended the previous one or blank lines before it; the record itself starts at the
/// first byte from there that is not a line break.
fn csv_records(
    body: &str,
    delimiter: u8,
    skip_lines: usize,
    limit: Option<usize>,
) -> Result<Vec<(usize, Vec<String>)>> {
    let bytes = body.as_bytes();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut lines = LineCounter::default();
    let mut out = Vec::new();
    for record in reader.records() {
        if limit.is_some_and(|limit| out.len() >= limit) {
            break;
        }
        let record = record.map_err(|e| {
            let line = e
                .position()
                .map_or(0, |p| lines.line_at(bytes, p.byte() as usize) + skip_lines);
            Error::Message(ta(
                "import-csv-unreadable",
                &[
                    ("line", Arg::from(line)),
                    ("detail", Arg::from(e.to_string())),
                ],
            ))
        })?;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let read_from = record.position().map_or(0, |p| p.byte() as usize);
        let start = bytes
            .get(read_from..)
            .and_then(|rest| rest.iter().position(|b| *b != b'\n' && *b != b'\r'))
            .map_or(read_from, |offset| read_from + offset);
        let line = lines.line_at(bytes, start) + skip_lines;
        out.push((line, record.iter().map(str::to_owned).collect()));
    }
    Ok(out)
}

/// Counts line breaks up to a byte offset, remembering where it stopped (offsets only grow).
#[derive(Default)]
struct LineCounter {
    offset: usize,
    breaks: usize,
}

impl LineCounter {
    /// The 1-based line of byte `offset`.
    fn line_at(&mut self, bytes: &[u8], offset: usize) -> usize {
        let offset = offset.min(bytes.len());
        if offset < self.offset {
            self.offset = 0;
            self.breaks = 0;
        }
        self.breaks += bytes[self.offset..offset]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        self.offset = offset;
        self.breaks + 1
    }
}

fn read_workbook(bytes: &[u8], header_score: &dyn Fn(&[String]) -> usize) -> Result<Table> {
    let unreadable = |detail: String| {
        Error::Message(ta(
            "import-workbook-unreadable",
            &[("detail", Arg::from(detail))],
        ))
    };
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| unreadable(e.to_string()))?;
    let sheet = workbook.sheet_names().first().cloned().unwrap_or_default();
    let range = match workbook.worksheet_range_at(0) {
        Some(Ok(range)) => range,
        Some(Err(e)) => return Err(unreadable(e.to_string())),
        None => return Err(Error::Message(t("import-empty-file"))),
    };
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let first_col = range.start().map_or(0, |(_, col)| col as usize);
    // Cells left of the used range are empty; keep column positions as in the sheet.
    let rows: Vec<TableRow> = range
        .rows()
        .enumerate()
        .map(|(i, cells)| TableRow {
            line: first_row + i + 1,
            cells: std::iter::repeat_n(Cell::Empty, first_col)
                .chain(cells.iter().map(workbook_cell))
                .collect(),
        })
        .filter(|row| !row.cells.iter().all(Cell::is_blank))
        .collect();

    let mut best: Option<(usize, usize)> = None; // index, score
    for (index, row) in rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        let headers: Vec<String> = row.cells.iter().map(Cell::text).collect();
        let score = header_score(&headers);
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((index, score));
        }
    }
    let Some((header_index, _)) = best else {
        return Err(Error::Message(t("import-empty-file")));
    };
    let mut rows = rows.into_iter().skip(header_index);
    let Some(header) = rows.next() else {
        return Err(Error::Message(t("import-empty-file")));
    };
    Ok(Table {
        format: SourceFormat::Workbook { sheet },
        header_line: header.line,
        headers: header.cells.iter().map(Cell::text).collect(),
        rows: rows.collect(),
    })
}

fn workbook_cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
                .map_or_else(|| Cell::Text(number_text(dt.as_f64())), Cell::Date)
        }
        Data::DateTime(dt) => Cell::Text(number_text(dt.as_f64())),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map_or_else(|| Cell::Text(s.clone()), Cell::Date),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(format!("#{e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(headers: &[String]) -> usize {
        headers
            .iter()
            .filter(|h| ["a", "b", "c"].contains(&h.to_lowercase().as_str()))
            .count()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn numbers_read_as_text_without_decimals() {
        assert_eq!(Cell::Number(1234.0).text(), "1234");
        assert_eq!(Cell::Number(12.5).text(), "12.5");
        assert_eq!(Cell::Text("  0042 ".into()).text(), "0042");
    }

    #[test]
    fn dates_from_cells() {
        assert_eq!(Cell::Number(45_292.0).date(), Ok(Some(date(2024, 1, 1))));
        assert_eq!(
            Cell::Text("01.02.2024".into()).date(),
            Ok(Some(date(2024, 2, 1)))
        );
        assert_eq!(
            Cell::Text("1.2.2024".into()).date(),
            Ok(Some(date(2024, 2, 1)))
        );
        assert_eq!(
            Cell::Text("2024-02-01".into()).date(),
            Ok(Some(date(2024, 2, 1)))
        );
        assert_eq!(
            Cell::Text("2024-02-01T00:00:00".into()).date(),
            Ok(Some(date(2024, 2, 1)))
        );
        assert_eq!(
            Cell::Text("01.02.2024 00:00".into()).date(),
            Ok(Some(date(2024, 2, 1)))
        );
        assert_eq!(Cell::Text(" ".into()).date(), Ok(None));
        assert_eq!(
            Cell::Text("31.02.2024".into()).date(),
            Err("31.02.2024".into())
        );
        assert_eq!(Cell::Number(12.0).date(), Err("12".into()));
    }

    #[test]
    fn encodings() {
        assert_eq!(
            decode_text(b"\xEF\xBB\xBFM\xC3\xBCller"),
            ("Müller".into(), "UTF-8")
        );
        assert_eq!(decode_text("Müller".as_bytes()), ("Müller".into(), "UTF-8"));
        assert_eq!(
            decode_text(b"M\xFCller Wei\xDF"),
            ("Müller Weiß".into(), "windows-1252")
        );
        assert_eq!(
            decode_text(b"\xFF\xFEM\x00\xFC\x00"),
            ("Mü".into(), "UTF-16LE")
        );
    }

    #[test]
    fn delimiter_is_detected_from_the_header() {
        let semi = read_csv(b"a;b;c\n1,5;2;3\n", &score).expect("reads");
        assert_eq!(semi.headers, ["a", "b", "c"]);
        assert_eq!(semi.rows[0].cells[0], Cell::Text("1,5".into()));
        let comma = read_csv(b"a,b,c\n\"x;y\",2,3\n", &score).expect("reads");
        assert_eq!(comma.headers, ["a", "b", "c"]);
        assert_eq!(comma.rows[0].cells[0], Cell::Text("x;y".into()));
        let tab = read_csv(b"a\tb\tc\n1\t2\t3\n", &score).expect("reads");
        assert_eq!(tab.rows[0].cells.len(), 3);
    }

    #[test]
    fn title_lines_and_sep_hint_are_skipped_with_lines_counted() {
        let table = read_csv(
            b"sep=,\nStaff list\n\na,b,c\n1,\"two\nlines\",3\n4,5,6\n",
            &score,
        )
        .expect("reads");
        assert_eq!(table.header_line, 4);
        assert_eq!(table.headers, ["a", "b", "c"]);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].line, 5);
        assert_eq!(table.rows[1].line, 7);
    }

    #[test]
    fn blank_rows_are_left_out() {
        let table = read_csv(b"a;b;c\r\n;;\r\n1;2;3\r\n", &score).expect("reads");
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.rows[0].line, 3);
    }

    #[test]
    fn unknown_extension_is_refused() {
        assert!(read_table("staff.pdf", b"a;b", &score).is_err());
        assert_eq!(FileKind::from_file_name("x.XLSX"), Some(FileKind::Workbook));
    }
}
