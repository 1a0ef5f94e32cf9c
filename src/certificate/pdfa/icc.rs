//! A compact sRGB ICC profile (version 2.1, display class), built in code: the sRGB
//! primaries adapted to D50 as in IEC 61966-2.1 profiles, and the sRGB tone curve as a
//! 256-point table. PDF/A's output intent carries it to say that the document's RGB
//! colours are sRGB.

use std::sync::OnceLock;

/// The profile's description, also the output condition's name.
pub(crate) const DESCRIPTION: &str = "sRGB IEC61966-2.1";

const CURVE_POINTS: usize = 256;

/// s15Fixed16 of `v`.
fn fixed(v: f64) -> [u8; 4] {
    ((v * 65536.0).round() as i32).to_be_bytes()
}

fn xyz(x: f64, y: f64, z: f64) -> Vec<u8> {
    let mut t = b"XYZ \0\0\0\0".to_vec();
    for v in [x, y, z] {
        t.extend_from_slice(&fixed(v));
    }
    t
}

/// A version 2 `textDescriptionType`.
fn desc(text: &str) -> Vec<u8> {
    let mut t = b"desc\0\0\0\0".to_vec();
    t.extend_from_slice(&(text.len() as u32 + 1).to_be_bytes());
    t.extend_from_slice(text.as_bytes());
    t.push(0);
    // No Unicode and no Macintosh description.
    t.extend_from_slice(&[0; 4]);
    t.extend_from_slice(&[0; 4]);
    t.extend_from_slice(&[0; 2]);
    t.push(0);
    t.extend_from_slice(&[0; 67]);
    t
}

fn text(text: &str) -> Vec<u8> {
    let mut t = b"text\0\0\0\0".to_vec();
    t.extend_from_slice(text.as_bytes());
    t.push(0);
    t
}

/// The sRGB transfer function as a `curveType` table.
fn curve() -> Vec<u8> {
    let mut t = b"curv\0\0\0\0".to_vec();
    t.extend_from_slice(&(CURVE_POINTS as u32).to_be_bytes());
    for i in 0..CURVE_POINTS {
        let x = i as f64 / (CURVE_POINTS - 1) as f64;
        let y = if x <= 0.04045 {
            x / 12.92
        } else {
            ((x + 0.055) / 1.055).powf(2.4)
        };
        t.extend_from_slice(&((y * 65535.0).round() as u16).to_be_bytes());
    }
    t
}

/// The profile's bytes (built once).
pub(crate) fn srgb() -> &'static [u8] {
    static PROFILE: OnceLock<Vec<u8>> = OnceLock::new();
    PROFILE.get_or_init(build)
}

fn build() -> Vec<u8> {
    let trc = curve();
    // Tag data; the three tone curves share one table.
    let data: Vec<(&[u8; 4], Option<Vec<u8>>)> = vec![
        (b"desc", Some(desc(DESCRIPTION))),
        (b"cprt", Some(text("No copyright, use freely"))),
        (b"wtpt", Some(xyz(0.9505, 1.0, 1.0891))),
        (b"rXYZ", Some(xyz(0.4361, 0.2225, 0.0139))),
        (b"gXYZ", Some(xyz(0.3851, 0.7169, 0.0971))),
        (b"bXYZ", Some(xyz(0.1431, 0.0606, 0.7141))),
        (b"rTRC", Some(trc)),
        (b"gTRC", None),
        (b"bTRC", None),
    ];
    let table_len = 4 + 12 * data.len();
    let mut body: Vec<u8> = Vec::new();
    let mut entries: Vec<([u8; 4], u32, u32)> = Vec::new();
    let mut last = (0u32, 0u32);
    for (sig, bytes) in &data {
        if let Some(bytes) = bytes {
            while !body.len().is_multiple_of(4) {
                body.push(0);
            }
            let offset = (128 + table_len + body.len()) as u32;
            body.extend_from_slice(bytes);
            last = (offset, bytes.len() as u32);
        }
        entries.push((**sig, last.0, last.1));
    }
    while !body.len().is_multiple_of(4) {
        body.push(0);
    }
    let size = 128 + table_len + body.len();

    let mut p = Vec::with_capacity(size);
    p.extend_from_slice(&(size as u32).to_be_bytes());
    p.extend_from_slice(&[0; 4]); // preferred CMM
    p.extend_from_slice(&[2, 0x10, 0, 0]); // version 2.1
    p.extend_from_slice(b"mntr");
    p.extend_from_slice(b"RGB ");
    p.extend_from_slice(b"XYZ ");
    for v in [2026u16, 1, 1, 0, 0, 0] {
        p.extend_from_slice(&v.to_be_bytes());
    }
    p.extend_from_slice(b"acsp");
    p.extend_from_slice(&[0; 4]); // platform
    p.extend_from_slice(&[0; 4]); // flags
    p.extend_from_slice(&[0; 4]); // manufacturer
    p.extend_from_slice(&[0; 4]); // model
    p.extend_from_slice(&[0; 8]); // attributes
    p.extend_from_slice(&[0; 4]); // perceptual intent
    // The PCS illuminant, D50.
    for v in [0.9642, 1.0, 0.8249] {
        p.extend_from_slice(&fixed(v));
    }
    p.extend_from_slice(&[0; 4]); // creator
    p.resize(128, 0);
    p.extend_from_slice(&(entries.len() as u32).to_be_bytes());
    for (sig, offset, len) in entries {
        p.extend_from_slice(&sig);
        p.extend_from_slice(&offset.to_be_bytes());
        p.extend_from_slice(&len.to_be_bytes());
    }
    p.extend_from_slice(&body);
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_profile_is_well_formed() {
        let p = srgb();
        assert_eq!(
            u32::from_be_bytes(p[0..4].try_into().unwrap()) as usize,
            p.len()
        );
        assert_eq!(&p[12..20], b"mntrRGB ");
        assert_eq!(&p[36..40], b"acsp");
        let count = u32::from_be_bytes(p[128..132].try_into().unwrap()) as usize;
        assert_eq!(count, 9);
        for i in 0..count {
            let e = 132 + 12 * i;
            let offset = u32::from_be_bytes(p[e + 4..e + 8].try_into().unwrap()) as usize;
            let len = u32::from_be_bytes(p[e + 8..e + 12].try_into().unwrap()) as usize;
            assert_eq!(offset % 4, 0);
            assert!(offset + len <= p.len());
        }
        // The curve runs from black to white.
        let curve = p.windows(4).position(|w| w == b"curv").unwrap();
        let first = u16::from_be_bytes([p[curve + 12], p[curve + 13]]);
        let end = curve + 12 + 2 * (CURVE_POINTS - 1);
        let last = u16::from_be_bytes([p[end], p[end + 1]]);
        assert_eq!((first, last), (0, 65535));
    }
}
