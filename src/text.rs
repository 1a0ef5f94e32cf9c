//! German text: the one place that knows how umlauts, ß, case and accents compare.
//!
//! - **Sorting** ([`cmp_de`], [`collation_key`]) follows DIN 5007-1, as Excel and ICU sort
//!   German: Ä sorts with A, Ö with O, Ü with U, ß as "ss"; case and accents only break ties.
//!   The SQLite collation `DE` (`ORDER BY last_name COLLATE DE`) calls [`cmp_de`], so lists
//!   sorted in SQL and in Rust agree.
//! - **Search** ([`fold_search`]) is tolerant: "Müller", "Mueller", "muller" and "MÜLLER"
//!   find each other, as do "Weiß" and "Weiss".
//! - **Name matching** ([`name_match_key`]) compares names from other programs' lists with
//!   the staff list: umlauts and their spellings (ä/ae, ß/ss) are equal, a bare "u" is not "ü".
//! - **Spelling out** ([`fold_spelled`]) writes umlauts as "ae", "oe", "ue" and ß as "ss"
//!   (DIN 5007-2, e-mail addresses, codes, header names).
//!
//! Natural ordering of personnel numbers (2 before 10) is a separate rule:
//! [`crate::model::natural_cmp`].

use std::cmp::Ordering;

/// A lower-case letter with its accent taken apart.
#[derive(Clone, Copy)]
enum Letter {
    /// A letter whose accent is simply dropped: é → e.
    Plain(char),
    /// An umlaut, spelled in German as the base letter and "e": ä → a / ae.
    Umlaut(char),
    /// A letter that stands for two: ß → ss, æ → ae, œ → oe.
    Two(char, char),
}

/// The letter `c` (lower case) without its accent; `None` for letters without one and
/// anything that is not a letter.
fn strip(c: char) -> Option<Letter> {
    use Letter::{Plain, Two, Umlaut};
    Some(match c {
        'ä' => Umlaut('a'),
        'ö' | 'ø' => Umlaut('o'),
        'ü' => Umlaut('u'),
        'ß' => Two('s', 's'),
        'æ' => Two('a', 'e'),
        'œ' => Two('o', 'e'),
        'à' | 'á' | 'â' | 'ã' | 'å' | 'ą' | 'ā' | 'ă' => Plain('a'),
        'ç' | 'ć' | 'č' | 'ĉ' => Plain('c'),
        'ď' | 'đ' => Plain('d'),
        'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' | 'ē' | 'ė' => Plain('e'),
        'ğ' => Plain('g'),
        'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' | 'į' => Plain('i'),
        'ł' | 'ľ' | 'ĺ' => Plain('l'),
        'ñ' | 'ń' | 'ň' => Plain('n'),
        'ò' | 'ó' | 'ô' | 'õ' | 'ő' | 'ō' => Plain('o'),
        'ř' | 'ŕ' => Plain('r'),
        'ś' | 'ş' | 'š' | 'ș' => Plain('s'),
        'ť' | 'ţ' | 'ț' => Plain('t'),
        'ù' | 'ú' | 'û' | 'ů' | 'ű' | 'ū' | 'ų' => Plain('u'),
        'ý' | 'ÿ' => Plain('y'),
        'ź' | 'ż' | 'ž' => Plain('z'),
        _ => return None,
    })
}

/// A combining accent (U+0300–U+036F), as in text written decomposed ("u" + "◌̈").
fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// The combining diaeresis: "u" + U+0308 is "ü" written decomposed.
const COMBINING_DIAERESIS: char = '\u{308}';

/// The primary letters of `text` under DIN 5007-1: lower case, accents and umlaut dots
/// dropped (ä → a), ß as "ss". NUL characters are skipped (the key uses NUL as separator).
fn primary(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .flat_map(char::to_lowercase)
        .filter(|&c| c != '\0' && !is_combining(c))
        .flat_map(|c| {
            let (first, second) = match strip(c) {
                Some(Letter::Plain(b) | Letter::Umlaut(b)) => (b, None),
                Some(Letter::Two(x, y)) => (x, Some(y)),
                None => (c, None),
            };
            std::iter::once(first).chain(second)
        })
}

/// The secondary level: lower case with accents kept ("weiss" before "weiß").
fn secondary(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .flat_map(char::to_lowercase)
        .filter(|&c| c != '\0')
}

/// The tertiary level: case swapped per character, so that lower case sorts first
/// ("abel" before "Abel"), as ICU does.
fn tertiary(text: &str) -> impl Iterator<Item = char> + '_ {
    fn single(mut it: impl Iterator<Item = char>, c: char) -> char {
        match (it.next(), it.next()) {
            (Some(x), None) => x,
            _ => c,
        }
    }
    text.chars().filter(|&c| c != '\0').map(|c| {
        if c.is_lowercase() {
            single(c.to_uppercase(), c)
        } else if c.is_uppercase() {
            single(c.to_lowercase(), c)
        } else {
            c
        }
    })
}

/// Compares two texts as German lists sort them (DIN 5007-1, as Excel and ICU do):
/// first by letters alone — Ä as A, Ö as O, Ü as U, ß as "ss", case and accents
/// ignored —, then accents ("Muller" before "Müller", "Weiss" before "Weiß"), then case
/// (lower case first), and finally the text itself, so that only equal texts compare
/// equal. Digits compare as text ("10" before "9"); personnel numbers use
/// [`crate::model::natural_cmp`] instead.
///
/// Allocates nothing; agrees with comparing [`collation_key`]s.
pub fn cmp_de(a: &str, b: &str) -> Ordering {
    primary(a)
        .cmp(primary(b))
        .then_with(|| secondary(a).cmp(secondary(b)))
        .then_with(|| tertiary(a).cmp(tertiary(b)))
        .then_with(|| a.cmp(b))
}

/// A key whose byte order is the order of [`cmp_de`]: for sorting many texts by a cached
/// key (`sort_by_cached_key`). The levels are separated by NUL, which sorts before every
/// other character.
pub fn collation_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len() * 4 + 3);
    key.extend(primary(text));
    key.push('\0');
    key.extend(secondary(text));
    key.push('\0');
    key.extend(tertiary(text));
    key.push('\0');
    key.push_str(text);
    key
}

/// Folds text for tolerant search: lower case, umlauts as their base letter, "ae", "oe",
/// "ue" as the umlaut's base letter, ß and "ss" as "s", common accents dropped. Apply it to
/// the text and the query alike; then "Müller", "Mueller" and "Muller" find each other,
/// and "gross" finds "Groß". Not a sort key (use [`collation_key`]).
pub fn fold_search(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last: Option<char> = None;
    for c in text.chars().flat_map(char::to_lowercase) {
        if is_combining(c) {
            continue;
        }
        let mapped = match strip(c) {
            Some(Letter::Plain(b) | Letter::Umlaut(b) | Letter::Two(b, _)) => b,
            None => c,
        };
        // "ae", "oe", "ue" are how umlauts are typed without them; "ss" is "ß".
        match (last, mapped) {
            (Some('a' | 'o' | 'u'), 'e') if c == 'e' => {}
            (Some('s'), 's') => {}
            _ => {
                out.push(mapped);
                last = Some(mapped);
            }
        }
    }
    out
}

/// Spells text out in lower case as German writes it without umlauts (DIN 5007-2): ä → ae,
/// ö → oe, ü → ue, ß → ss, other accents dropped (é → e). Everything else is kept.
pub fn fold_spelled(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let mut last: Option<char> = None;
    for c in text.chars().flat_map(char::to_lowercase) {
        if is_combining(c) {
            // "u" + combining diaeresis is "ü".
            if c == COMBINING_DIAERESIS && matches!(last, Some('a' | 'o' | 'u')) {
                out.push('e');
                last = Some('e');
            }
            continue;
        }
        match strip(c) {
            Some(Letter::Plain(b)) => out.push(b),
            Some(Letter::Umlaut(b)) => {
                out.push(b);
                out.push('e');
            }
            Some(Letter::Two(x, y)) => {
                out.push(x);
                out.push(y);
            }
            None => out.push(c),
        }
        last = out.chars().next_back();
    }
    out
}

/// The key under which a person's name from another list (a webinar's participants, a
/// sign-in sheet) is matched with the staff list: [`fold_spelled`], hyphens, slashes and
/// commas as spaces, dots and apostrophes removed, white space collapsed. "Weiß" and
/// "Weiss", "Müller" and "Mueller", "Anna-Lena" and "Anna Lena" compare equal; "Muller"
/// and "Müller" do not (they are suggestions, not matches).
pub fn name_match_key(name: &str) -> String {
    let spelled = fold_spelled(name);
    let mut out = String::with_capacity(spelled.len());
    for c in spelled.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if c.is_whitespace() || matches!(c, '-' | '‐' | '–' | '_' | '/' | ',' | ';') {
            out.push(' ');
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn din_5007_1_order() {
        // Each name sorts strictly before the next.
        let ordered = [
            "",
            "1 Test",
            "10",
            "9",
            "a",
            "A",
            "Abel",
            "Arger",
            "ärger",
            "Ärger",
            "Łukasz",
            "Mueller",
            "Muller",
            "Müller",
            "Ostermann",
            "Oswald",
            "Ötztal",
            "Özdemir",
            "Sahin",
            "Şahin",
            "Weis",
            "weiss",
            "Weiss",
            "WEISS",
            "Weiß",
            "Weissa",
            "Weißb",
            "Weist",
            "Zander",
        ];
        for pair in ordered.windows(2) {
            assert_eq!(cmp_de(pair[0], pair[1]), Ordering::Less, "{pair:?}");
            assert_eq!(cmp_de(pair[1], pair[0]), Ordering::Greater, "{pair:?}");
        }
        let mut shuffled = ordered.to_vec();
        shuffled.reverse();
        shuffled.sort_by(|a, b| cmp_de(a, b));
        assert_eq!(shuffled, ordered);
    }

    #[test]
    fn primary_level_ignores_umlauts_case_and_accents() {
        let cases = [
            ("Ärger", "arger"),
            ("Özdemir", "ozdemir"),
            ("Übel", "ubel"),
            ("Weiß", "weiss"),
            ("WEIẞ", "weiss"),
            ("Łukasz", "lukasz"),
            ("Renée", "renee"),
            ("Ørsted", "orsted"),
            ("Ægir", "aegir"),
            ("u\u{308}ber", "uber"),
        ];
        for (text, expected) in cases {
            assert_eq!(primary(text).collect::<String>(), expected, "{text}");
        }
    }

    #[test]
    fn comparison_agrees_with_the_key() {
        let mut names: Vec<String> = [
            "", "a", "A", "Abel", "ärger", "Ärger", "Arger", "Weiß", "Weiss", "WEISS", "Weist",
            "Weißb", "Weissa", "Weis", "ß", "ss", "st", "sß", "Łukasz", "Lukasz", "Lz", "Şahin",
            "Sahin", "Sb", "Özdemir", "Ozdemir", "Oz", "Müller", "Mueller", "Muller", "İpek",
            "ipek", "Zoë", "Zoe", "Ørsted", "Ñandú", "1 Test", "Z", "a\0b", "ab", "a\0", "K",
            "\u{212a}",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Generated names over an alphabet rich in letters the key folds.
        let alphabet: Vec<char> = "aäAÄsßSẞlŁłoöÖuüzŞşeé -\0".chars().collect();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..300 {
            let mut name = String::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let len = (seed >> 60) as usize % 6;
            for _ in 0..len {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                name.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            names.push(name);
        }
        let mut compared = 0;
        for a in &names {
            for b in &names {
                let ord = cmp_de(a, b);
                assert_eq!(
                    ord,
                    collation_key(a).cmp(&collation_key(b)),
                    "{a:?} vs {b:?}"
                );
                // Total: only equal texts compare equal.
                assert_eq!(ord == Ordering::Equal, a == b, "{a:?} vs {b:?}");
                compared += 1;
            }
        }
        assert!(compared > 100_000);
    }

    #[test]
    fn search_folding_makes_umlauts_and_their_spellings_equal() {
        let equal = [
            ("Müller", "Mueller"),
            ("MÜLLER", "muller"),
            ("Weiß", "Weiss"),
            ("Weiß", "weis"),
            ("Straße", "strase"),
            ("Özdemir", "Oezdemir"),
            ("Ärger", "aerger"),
            ("Renée", "renee"),
            ("Łukasz", "lukasz"),
            ("Çağlar", "caglar"),
            ("u\u{308}ber", "über"),
        ];
        for (a, b) in equal {
            assert_eq!(fold_search(a), fold_search(b), "{a} / {b}");
        }
        assert_eq!(fold_search("Straße"), "strase");
        assert!(fold_search("Jürgen Groß").contains(&fold_search("gross")));
        assert!(fold_search("Jürgen Groß").contains(&fold_search("Jur")));
        assert_ne!(fold_search("Meier"), fold_search("Maier"));
        assert!(!fold_search("Schmidt").contains(&fold_search("Müller")));
    }

    #[test]
    fn spelling_out() {
        let cases = [
            ("Jürgen", "juergen"),
            ("Weiß", "weiss"),
            ("ÄRGER", "aerger"),
            ("Łukasz", "lukasz"),
            ("Yılmaz", "yilmaz"),
            ("Meier zu Döldissen", "meier zu doeldissen"),
            ("Çağlar", "caglar"),
            ("Renée", "renee"),
            ("Ørsted", "oersted"),
            ("u\u{308}ber", "ueber"),
            ("Straße 1", "strasse 1"),
        ];
        for (text, expected) in cases {
            assert_eq!(fold_spelled(text), expected, "{text}");
        }
    }

    #[test]
    fn name_matching_keys() {
        let cases = [
            ("Weiß", "weiss"),
            ("Weiss", "weiss"),
            ("Müller", "mueller"),
            ("Mueller", "mueller"),
            ("Muller", "muller"),
            ("Anna-Lena", "anna lena"),
            ("  Anna   Lena ", "anna lena"),
            ("O'Brien", "obrien"),
            ("Dr.", "dr"),
            ("Müller, Jürgen", "mueller juergen"),
        ];
        for (name, expected) in cases {
            assert_eq!(name_match_key(name), expected, "{name}");
        }
    }
}
