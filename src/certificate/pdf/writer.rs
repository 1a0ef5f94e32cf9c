//! A small PDF file writer: numbered objects, streams written as they come, every other
//! object packed into compressed object streams, and a compressed cross-reference stream
//! (PDF 1.5 and later, allowed in PDF/A-2).
//!
//! The writer knows nothing about pages or fonts; it writes what it is given, in the
//! order given, so that the same calls always give the same bytes.

use std::io::Write;

use flate2::Compression;
use flate2::write::ZlibEncoder;

/// A reference to an indirect object (generation 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Ref(pub u32);

impl Ref {
    /// `12 0 R`
    pub fn put(self, out: &mut Vec<u8>) {
        int(out, i64::from(self.0));
        out.extend_from_slice(b" 0 R");
    }
}

/// How many objects go into one object stream at most.
const OBJECTS_PER_STREAM: usize = 500;

/// Where an object is found, for the cross-reference stream.
#[derive(Debug, Clone, Copy)]
enum Location {
    Free,
    /// Offset of `N 0 obj` in the file.
    Direct(usize),
    /// In object stream `stream`, at `index`.
    Packed {
        stream: u32,
        index: u32,
    },
}

/// Writes one PDF file into memory.
pub(crate) struct Writer {
    out: Vec<u8>,
    locations: Vec<Location>,
    /// Objects waiting for the next object stream: their number and their bytes.
    pending: Vec<(u32, Vec<u8>)>,
}

impl Writer {
    /// Starts a file with the PDF 1.7 header and a comment of four bytes above 127,
    /// which marks the file as binary (PDF/A asks for it).
    pub fn new(capacity: usize) -> Writer {
        let mut out = Vec::with_capacity(capacity);
        out.extend_from_slice(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
        Writer {
            out,
            // Object 0 is the head of the free list.
            locations: vec![Location::Free],
            pending: Vec::new(),
        }
    }

    /// A number for an object written later.
    pub fn reserve(&mut self) -> Ref {
        self.locations.push(Location::Free);
        Ref((self.locations.len() - 1) as u32)
    }

    /// Writes a dictionary or other non-stream object; it is packed into an object stream.
    pub fn object(&mut self, id: Ref, body: Vec<u8>) {
        self.pending.push((id.0, body));
        if self.pending.len() >= OBJECTS_PER_STREAM {
            self.flush_objects();
        }
    }

    /// Writes a non-stream object as it is, outside the object streams (for the document
    /// information, which tools read without decompressing).
    pub fn plain_object(&mut self, id: Ref, body: &[u8]) {
        self.locations[id.0 as usize] = Location::Direct(self.out.len());
        int(&mut self.out, i64::from(id.0));
        self.out.extend_from_slice(b" 0 obj\n");
        self.out.extend_from_slice(body);
        self.out.extend_from_slice(b"\nendobj\n");
    }

    /// Writes a stream object. `dict` holds the entries of its dictionary without
    /// `/Length` (and without `/Filter`; `compressed` says whether `data` is
    /// Flate-encoded).
    pub fn stream(&mut self, id: Ref, dict: &[u8], data: &[u8], compressed: bool) {
        self.locations[id.0 as usize] = Location::Direct(self.out.len());
        int(&mut self.out, i64::from(id.0));
        self.out.extend_from_slice(b" 0 obj\n<<");
        self.out.extend_from_slice(dict);
        if compressed {
            self.out.extend_from_slice(b"/Filter/FlateDecode");
        }
        self.out.extend_from_slice(b"/Length ");
        int(&mut self.out, data.len() as i64);
        self.out.extend_from_slice(b">>\nstream\n");
        self.out.extend_from_slice(data);
        self.out.extend_from_slice(b"\nendstream\nendobj\n");
    }

    /// Packs the pending objects into one compressed object stream.
    fn flush_objects(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let pending = std::mem::take(&mut self.pending);
        let stream = self.reserve();
        let mut header = Vec::with_capacity(pending.len() * 10);
        let mut body = Vec::with_capacity(pending.iter().map(|(_, b)| b.len() + 1).sum());
        for (index, (number, bytes)) in pending.iter().enumerate() {
            self.locations[*number as usize] = Location::Packed {
                stream: stream.0,
                index: index as u32,
            };
            int(&mut header, i64::from(*number));
            header.push(b' ');
            int(&mut header, body.len() as i64);
            header.push(b' ');
            body.extend_from_slice(bytes);
            body.push(b'\n');
        }
        let first = header.len();
        header.extend_from_slice(&body);
        let mut dict = b"/Type/ObjStm/N ".to_vec();
        int(&mut dict, pending.len() as i64);
        dict.extend_from_slice(b"/First ");
        int(&mut dict, first as i64);
        let data = deflate(&header, 6);
        self.stream(stream, &dict, &data, true);
    }

    /// Ends the file: the last object stream, the cross-reference stream with the
    /// trailer entries (`/Root`, `/Info`, `/ID`), and `%%EOF`.
    pub fn finish(mut self, root: Ref, info: Ref, id: &[u8]) -> Vec<u8> {
        self.flush_objects();
        let xref = self.reserve();
        let xref_offset = self.out.len();
        self.locations[xref.0 as usize] = Location::Direct(xref_offset);
        // Field widths: type (1 byte), offset or stream number, index within the stream.
        let wide = if xref_offset < 1 << 24 { 3 } else { 4 };
        let mut table = Vec::with_capacity(self.locations.len() * (wide + 3));
        for loc in &self.locations {
            let (kind, a, b) = match *loc {
                Location::Free => (0u8, 0u64, 0xffffu32),
                Location::Direct(offset) => (1, offset as u64, 0),
                Location::Packed { stream, index } => (2, u64::from(stream), index),
            };
            table.push(kind);
            table.extend_from_slice(&a.to_be_bytes()[8 - wide..]);
            table.extend_from_slice(&(b as u16).to_be_bytes());
        }
        let mut dict = b"/Type/XRef/Size ".to_vec();
        int(&mut dict, self.locations.len() as i64);
        dict.extend_from_slice(b"/W[1 ");
        int(&mut dict, wide as i64);
        dict.extend_from_slice(b" 2]/Root ");
        root.put(&mut dict);
        dict.extend_from_slice(b"/Info ");
        info.put(&mut dict);
        dict.extend_from_slice(b"/ID[");
        hex_string(&mut dict, id);
        hex_string(&mut dict, id);
        dict.push(b']');
        let data = deflate(&table, 6);
        self.stream(xref, &dict, &data, true);
        self.out.extend_from_slice(b"startxref\n");
        int(&mut self.out, xref_offset as i64);
        self.out.extend_from_slice(b"\n%%EOF\n");
        self.out
    }
}

/// Flate (zlib) compression at `level` (0–9).
pub(crate) fn deflate(data: &[u8], level: u32) -> Vec<u8> {
    let mut enc = ZlibEncoder::new(
        Vec::with_capacity(data.len() / 3 + 64),
        Compression::new(level),
    );
    // Writing into a Vec cannot fail.
    let _ = enc.write_all(data);
    enc.finish().unwrap_or_default()
}

/// An integer in decimal.
pub(crate) fn int(out: &mut Vec<u8>, v: i64) {
    let mut buf = itoa_buf(v.unsigned_abs());
    if v < 0 {
        out.push(b'-');
    }
    out.append(&mut buf);
}

fn itoa_buf(mut v: u64) -> Vec<u8> {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    digits[i..].to_vec()
}

/// A number given in hundredths, written with at most two decimals: `12.5`, `-3`, `0.07`.
pub(crate) fn centi(out: &mut Vec<u8>, v: i32) {
    if v < 0 {
        out.push(b'-');
    }
    let a = v.unsigned_abs();
    int(out, i64::from(a / 100));
    let frac = a % 100;
    if frac != 0 {
        out.push(b'.');
        out.push(b'0' + (frac / 10) as u8);
        if !frac.is_multiple_of(10) {
            out.push(b'0' + (frac % 10) as u8);
        }
    }
}

/// A number rounded to hundredths.
pub(crate) fn num(out: &mut Vec<u8>, v: f32) {
    centi(out, to_centi(v));
}

/// `v` in hundredths, rounded.
pub(crate) fn to_centi(v: f32) -> i32 {
    (f64::from(v) * 100.0).round() as i32
}

/// A literal string `( … )` of raw bytes, with the bytes that would end or change it
/// escaped (`(`, `)`, `\`, and line ends, which readers would turn into `\n`).
pub(crate) fn literal_string(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'(');
    for &b in bytes {
        match b {
            b'(' | b')' | b'\\' => {
                out.push(b'\\');
                out.push(b);
            }
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\n' => out.extend_from_slice(b"\\n"),
            _ => out.push(b),
        }
    }
    out.push(b')');
}

/// A hex string `<…>`.
pub(crate) fn hex_string(out: &mut Vec<u8>, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push(b'<');
    for &b in bytes {
        out.push(HEX[usize::from(b >> 4)]);
        out.push(HEX[usize::from(b & 15)]);
    }
    out.push(b'>');
}

/// A text string for the document information: plain ASCII as a literal string, anything
/// else as UTF-16BE with a byte-order mark.
pub(crate) fn text_string(out: &mut Vec<u8>, text: &str) {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        literal_string(out, text.as_bytes());
    } else {
        let mut bytes = vec![0xfe, 0xff];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        hex_string(out, &bytes);
    }
}

/// A name `/Name`; only letters, digits and `-+_.` are expected, others are written as `#xx`.
pub(crate) fn name(out: &mut Vec<u8>, name: &str) {
    out.push(b'/');
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'_' | b'.') {
            out.push(b);
        } else {
            out.push(b'#');
            out.extend_from_slice(format!("{b:02X}").as_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(f: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut v = Vec::new();
        f(&mut v);
        String::from_utf8_lossy(&v).into_owned()
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(s(|o| centi(o, 1250)), "12.5");
        assert_eq!(s(|o| centi(o, -300)), "-3");
        assert_eq!(s(|o| centi(o, 7)), "0.07");
        assert_eq!(s(|o| centi(o, -7)), "-0.07");
        assert_eq!(s(|o| centi(o, 0)), "0");
        assert_eq!(s(|o| num(o, 841.889)), "841.89");
        assert_eq!(s(|o| int(o, -120)), "-120");
    }

    #[test]
    fn strings_are_escaped() {
        assert_eq!(
            s(|o| literal_string(o, b"a(b)\\c\rd\ne")),
            "(a\\(b\\)\\\\c\\rd\\ne)"
        );
        assert_eq!(s(|o| hex_string(o, &[0, 0xab])), "<00AB>");
        assert_eq!(s(|o| text_string(o, "Urkunde")), "(Urkunde)");
        assert_eq!(s(|o| text_string(o, "ü")), "<FEFF00FC>");
        assert_eq!(s(|o| name(o, "F1")), "/F1");
        assert_eq!(s(|o| name(o, "a b")), "/a#20b");
    }
}
