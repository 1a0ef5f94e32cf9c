//! PDF/A-2b, the archival PDF that the E-Akte accepts: besides pages whose fonts are all
//! embedded, a document needs XMP metadata that names the PDF/A part and conformance and
//! repeats the document information, an output intent with an ICC profile for its RGB
//! colours ([`icc`]), a file identifier, and no encryption, JavaScript or references to
//! anything outside the file.
//!
//! The certificate writer builds these parts itself; [`make_lopdf_document_pdfa`] adds them
//! to a document printpdf made (the coverage report).

mod icc;

use chrono::NaiveDateTime;

pub(crate) use icc::{DESCRIPTION as ICC_DESCRIPTION, srgb};

/// The program named as creator and producer.
pub(crate) const PRODUCER: &str = "Lotse";

/// `D:20261121120000Z` — a date in the document information (UTC).
pub(crate) fn pdf_date(at: NaiveDateTime) -> String {
    at.format("D:%Y%m%d%H%M%SZ").to_string()
}

/// `2026-11-21T12:00:00Z` — the same date in XMP.
pub(crate) fn xmp_date(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The XMP metadata packet: PDF/A-2b identification (with `pdfa`), title, creator tool,
/// producer and dates, exactly as the document information states them.
pub(crate) fn xmp(title: &str, at: NaiveDateTime, pdfa: bool) -> Vec<u8> {
    let date = xmp_date(at);
    let identification = if pdfa {
        "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n   \
         <pdfaid:part>2</pdfaid:part>\n   <pdfaid:conformance>B</pdfaid:conformance>\n  \
         </rdf:Description>\n"
    } else {
        ""
    };
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n \
<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
{identification}  \
<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n   \
<dc:format>application/pdf</dc:format>\n   \
<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n  \
</rdf:Description>\n  \
<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n   \
<xmp:CreatorTool>{producer}</xmp:CreatorTool>\n   \
<xmp:CreateDate>{date}</xmp:CreateDate>\n   \
<xmp:ModifyDate>{date}</xmp:ModifyDate>\n   \
<xmp:MetadataDate>{date}</xmp:MetadataDate>\n  \
</rdf:Description>\n  \
<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n   \
<pdf:Producer>{producer}</pdf:Producer>\n  \
</rdf:Description>\n \
</rdf:RDF>\n\
</x:xmpmeta>\n\
<?xpacket end=\"r\"?>",
        title = escape_xml(title),
        producer = PRODUCER,
    )
    .into_bytes()
}

/// Makes a document from printpdf an archival one (with `pdfa`): document information
/// and XMP metadata with `title` and the date `at`, the sRGB output intent, PDF 1.7,
/// and a file identifier derived from its content. Without `pdfa` only the document
/// information is set.
pub(crate) fn make_lopdf_document_pdfa(
    doc: &mut lopdf::Document,
    title: &str,
    at: NaiveDateTime,
    pdfa: bool,
) {
    use lopdf::{Dictionary, Object, Stream, StringFormat};

    let text = |s: &str| -> Object {
        if s.is_ascii() {
            Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
        } else {
            let mut bytes = vec![0xfe, 0xff];
            bytes.extend(s.encode_utf16().flat_map(|u| u.to_be_bytes()));
            Object::String(bytes, StringFormat::Hexadecimal)
        }
    };
    let date = pdf_date(at);
    let mut info = Dictionary::new();
    info.set("Title", text(title));
    info.set("Creator", text(PRODUCER));
    info.set("Producer", text(PRODUCER));
    info.set("CreationDate", text(&date));
    info.set("ModDate", text(&date));
    let info = doc.add_object(info);
    doc.trailer.set("Info", info);

    if pdfa {
        doc.version = "1.7".to_owned();
        let mut meta_dict = Dictionary::new();
        meta_dict.set("Type", Object::Name(b"Metadata".to_vec()));
        meta_dict.set("Subtype", Object::Name(b"XML".to_vec()));
        let mut meta = Stream::new(meta_dict, xmp(title, at, true));
        meta.allows_compression = false;
        let meta = doc.add_object(meta);
        let mut profile_dict = Dictionary::new();
        profile_dict.set("N", Object::Integer(3));
        let mut profile = Stream::new(profile_dict, srgb().to_vec());
        let _ = profile.compress();
        let profile = doc.add_object(profile);
        let mut intent = Dictionary::new();
        intent.set("Type", Object::Name(b"OutputIntent".to_vec()));
        intent.set("S", Object::Name(b"GTS_PDFA1".to_vec()));
        intent.set("OutputConditionIdentifier", text(ICC_DESCRIPTION));
        intent.set("Info", text(ICC_DESCRIPTION));
        intent.set("RegistryName", text("http://www.color.org"));
        intent.set("DestOutputProfile", profile);
        if let Ok(catalog) = doc.catalog_mut() {
            catalog.set("Metadata", meta);
            catalog.set("OutputIntents", vec![Object::Dictionary(intent)]);
        }
    }

    // printpdf's own document information (dated by the clock) goes.
    doc.prune_objects();

    // A file identifier from the content, not from a random source.
    let mut h = <sha2::Sha256 as sha2::Digest>::new();
    sha2::Digest::update(&mut h, title.as_bytes());
    sha2::Digest::update(&mut h, date.as_bytes());
    for (id, object) in &doc.objects {
        sha2::Digest::update(&mut h, id.0.to_be_bytes());
        if let Ok(stream) = object.as_stream() {
            sha2::Digest::update(&mut h, &stream.content);
        }
    }
    let id = sha2::Digest::finalize(h)[..16].to_vec();
    doc.trailer.set(
        "ID",
        vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xmp_names_part_conformance_and_dates() {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 21)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .expect("date");
        let x = String::from_utf8(xmp("Urkunde <A&B>", at, true)).expect("utf8");
        assert!(x.contains("<pdfaid:part>2</pdfaid:part>"));
        assert!(x.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
        assert!(x.contains("Urkunde &lt;A&amp;B&gt;"));
        assert!(x.contains("<xmp:CreateDate>2026-11-21T12:00:00Z</xmp:CreateDate>"));
        assert_eq!(pdf_date(at), "D:20261121120000Z");
        let plain = String::from_utf8(xmp("x", at, false)).expect("utf8");
        assert!(!plain.contains("pdfaid"));
    }
}
