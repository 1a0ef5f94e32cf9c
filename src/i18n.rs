//! Language selection and text lookup.
//!
//! Every user-visible text lives in `assets/i18n/de.ftl` and `assets/i18n/en.ftl` (Fluent).
//! The current language is process-wide (set from the settings at start-up); a thread may
//! override it for itself, which keeps parallel tests independent of each other.

use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use chrono::{NaiveDate, NaiveDateTime};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

/// The languages Lotse speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    De,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    /// The code stored in settings ("de", "en").
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// Parses "de", "de-DE", "en_GB.UTF-8", … ; `None` for other languages.
    pub fn from_code(code: &str) -> Option<Lang> {
        let lower = code.trim().to_ascii_lowercase();
        if lower.starts_with("de") {
            Some(Lang::De)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language's own name, for the language picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::En => "English",
        }
    }

    /// The system's language if Lotse speaks it, else German.
    pub fn from_system() -> Lang {
        sys_locale::get_locale()
            .and_then(|l| Lang::from_code(&l))
            .unwrap_or(Lang::De)
    }

    fn index(self) -> u8 {
        match self {
            Lang::De => 0,
            Lang::En => 1,
        }
    }

    fn from_index(i: u8) -> Lang {
        if i == 1 { Lang::En } else { Lang::De }
    }
}

pub const DE_FTL: &str = include_str!("../assets/i18n/de.ftl");
pub const EN_FTL: &str = include_str!("../assets/i18n/en.ftl");

static GLOBAL: AtomicU8 = AtomicU8::new(0);
thread_local! {
    static LOCAL: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Sets the language for the whole process and for the calling thread.
pub fn set_language(lang: Lang) {
    GLOBAL.store(lang.index(), Ordering::Relaxed);
    LOCAL.with(|l| l.set(Some(lang)));
}

/// Sets the language for the calling thread only (tests, background workers).
pub fn set_thread_language(lang: Lang) {
    LOCAL.with(|l| l.set(Some(lang)));
}

/// The language in force on this thread.
pub fn language() -> Lang {
    LOCAL
        .with(|l| l.get())
        .unwrap_or_else(|| Lang::from_index(GLOBAL.load(Ordering::Relaxed)))
}

struct Bundles {
    de: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

fn bundle(lang: Lang, ftl: &str) -> FluentBundle<FluentResource> {
    let id = match lang {
        Lang::De => unic_langid::langid!("de-DE"),
        Lang::En => unic_langid::langid!("en-GB"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: they show up as boxes in PDFs and terminals.
    bundle.set_use_isolating(false);
    // The files are part of the binary and checked by tests; a broken entry is skipped
    // rather than taking the whole language down.
    let resource = match FluentResource::try_new(ftl.to_owned()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let _ = bundle.add_resource(resource);
    bundle
}

fn bundles() -> &'static Bundles {
    static B: OnceLock<Bundles> = OnceLock::new();
    B.get_or_init(|| Bundles {
        de: bundle(Lang::De, DE_FTL),
        en: bundle(Lang::En, EN_FTL),
    })
}

/// An argument value for a text.
pub enum Arg {
    Str(String),
    Num(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Str(s.clone())
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Num(n as f64)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Num(n as f64)
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Num(f64::from(n))
    }
}
impl From<f64> for Arg {
    fn from(n: f64) -> Self {
        Arg::Num(n)
    }
}

/// The text `key` in `lang`, with arguments. A missing key returns the key itself,
/// so that a gap is visible rather than silent (a test keeps both files complete).
pub fn tr_in(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let b = bundles();
    let bundle = match lang {
        Lang::De => &b.de,
        Lang::En => &b.en,
    };
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_owned();
    };
    let mut fargs = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Str(s) => fargs.set(*name, FluentValue::from(s.as_str())),
            Arg::Num(n) => fargs.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fargs), &mut errors)
        .into_owned()
}

/// The text `key` in the current language.
pub fn t(key: &str) -> String {
    tr_in(language(), key, &[])
}

/// The text `key` in the current language, with arguments.
pub fn ta(key: &str, args: &[(&str, Arg)]) -> String {
    tr_in(language(), key, args)
}

/// A calendar date as the current language writes it: 21.11.2026 or 2026-11-21.
pub fn fmt_date(date: NaiveDate) -> String {
    fmt_date_in(language(), date)
}

pub fn fmt_date_in(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::De => date.format("%d.%m.%Y").to_string(),
        Lang::En => date.format("%Y-%m-%d").to_string(),
    }
}

/// An optional date, or an empty string.
pub fn fmt_opt_date(date: Option<NaiveDate>) -> String {
    date.map(fmt_date).unwrap_or_default()
}

/// A date and time: 21.11.2026 14:30 or 2026-11-21 14:30.
pub fn fmt_datetime(dt: NaiveDateTime) -> String {
    match language() {
        Lang::De => dt.format("%d.%m.%Y %H:%M").to_string(),
        Lang::En => dt.format("%Y-%m-%d %H:%M").to_string(),
    }
}

/// When a session takes place, as every list, heading, certificate and export shows it:
/// a session within one day with its times ("21.11.2026, 09:00–16:00"), one over several
/// days as its days only ("01.03.–31.03.2026", "15.12.2026–15.01.2027"), since such a
/// session (e-learning) starts at midnight and its times say nothing.
pub fn fmt_session(starts_at: NaiveDateTime, ends_at: NaiveDateTime) -> String {
    fmt_session_in(language(), starts_at, ends_at)
}

pub fn fmt_session_in(lang: Lang, starts_at: NaiveDateTime, ends_at: NaiveDateTime) -> String {
    let first = starts_at.date();
    let last = session_last_day(starts_at, ends_at);
    if first >= last {
        let day = fmt_date_in(lang, first);
        let (start, end) = (starts_at.format("%H:%M"), ends_at.format("%H:%M"));
        format!("{day}, {start}\u{2013}{end}")
    } else {
        fmt_date_range_in(lang, first, last)
    }
}

/// The last day a session takes place on: the day it ends, or the day before when it
/// ends at midnight after its first day (an e-learning period "until 01.04. 00:00").
pub fn session_last_day(starts_at: NaiveDateTime, ends_at: NaiveDateTime) -> NaiveDate {
    match ends_at.date().pred_opt() {
        Some(before) if ends_at.time() == chrono::NaiveTime::MIN && before >= starts_at.date() => {
            before
        }
        _ => ends_at.date(),
    }
}

/// The days from `first` to `last`: "01.03.–31.03.2026", "15.12.2026–15.01.2027"
/// (German), "2026-03-01 – 2026-03-31" (English); one day as a date.
pub fn fmt_date_range_in(lang: Lang, first: NaiveDate, last: NaiveDate) -> String {
    if first >= last {
        return fmt_date_in(lang, first);
    }
    match lang {
        Lang::De if first.year() == last.year() => format!(
            "{}\u{2013}{}",
            first.format("%d.%m."),
            last.format("%d.%m.%Y")
        ),
        Lang::De => format!(
            "{}\u{2013}{}",
            fmt_date_in(lang, first),
            fmt_date_in(lang, last)
        ),
        Lang::En => format!(
            "{} \u{2013} {}",
            fmt_date_in(lang, first),
            fmt_date_in(lang, last)
        ),
    }
}

/// A number of hours with at most one decimal, with the language's decimal separator.
/// A file size as people read it: "4,2 MB" (German decimal comma), "850 KB".
pub fn fmt_size(bytes: u64) -> String {
    let mb = bytes as f64 / 1_000_000.0;
    let text = if mb >= 0.1 {
        format!("{mb:.1} MB")
    } else {
        format!("{} KB", bytes.div_ceil(1000))
    };
    if language() == Lang::De {
        text.replace('.', ",")
    } else {
        text
    }
}

pub fn fmt_hours(hours: f64) -> String {
    fmt_hours_in(language(), hours)
}

/// [`fmt_hours`] in `lang`.
pub fn fmt_hours_in(lang: Lang, hours: f64) -> String {
    let s = if (hours - hours.round()).abs() < 1e-9 {
        format!("{}", hours.round() as i64)
    } else {
        format!("{hours:.1}")
    };
    match lang {
        Lang::De => s.replace('.', ","),
        Lang::En => s,
    }
}

/// Parses a date as users type it: dd.mm.yyyy, d.m.yyyy, dd.mm.yy or yyyy-mm-dd.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let s = text.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%d.%m.%Y")
        && d.year_ce().1 >= 1000
    {
        return Some(d);
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%d.%m.%y") {
        return Some(d);
    }
    None
}

use chrono::Datelike as _;

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("date-time")
    }

    #[test]
    fn a_session_is_a_day_with_times_or_a_range_of_days() {
        let de = |a, b| fmt_session_in(Lang::De, at(a), at(b));
        let en = |a, b| fmt_session_in(Lang::En, at(a), at(b));
        assert_eq!(
            de("2026-11-21 09:00", "2026-11-21 16:00"),
            "21.11.2026, 09:00–16:00"
        );
        assert_eq!(
            en("2026-11-21 09:00", "2026-11-21 16:00"),
            "2026-11-21, 09:00–16:00"
        );
        // E-learning: a month, ending at 23:59 or at midnight after its last day.
        assert_eq!(
            de("2026-03-01 00:00", "2026-03-31 23:59"),
            "01.03.–31.03.2026"
        );
        assert_eq!(
            de("2026-03-01 00:00", "2026-04-01 00:00"),
            "01.03.–31.03.2026"
        );
        assert_eq!(
            en("2026-03-01 00:00", "2026-03-31 23:59"),
            "2026-03-01 – 2026-03-31"
        );
        // Across the turn of the year both years are written.
        assert_eq!(
            de("2026-12-15 00:00", "2027-01-15 23:59"),
            "15.12.2026–15.01.2027"
        );
        // Two days with times are still days.
        assert_eq!(
            de("2026-05-04 09:00", "2026-05-05 13:00"),
            "04.05.–05.05.2026"
        );
        // An evening up to midnight stays one day.
        assert_eq!(
            de("2026-11-21 20:00", "2026-11-22 00:00"),
            "21.11.2026, 20:00–00:00"
        );
        assert_eq!(
            fmt_date_range_in(
                Lang::De,
                at("2026-01-02 00:00").date(),
                at("2026-01-02 00:00").date()
            ),
            "02.01.2026"
        );
    }

    fn keys(ftl: &str) -> std::collections::BTreeSet<String> {
        let res = FluentResource::try_new(ftl.to_owned()).expect("ftl parses");
        res.entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                fluent_syntax::ast::Entry::Term(t) => Some(format!("-{}", t.id.name)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn both_languages_have_the_same_keys() {
        let de = keys(DE_FTL);
        let en = keys(EN_FTL);
        let only_de: Vec<_> = de.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&de).collect();
        assert!(only_de.is_empty(), "only in de.ftl: {only_de:?}");
        assert!(only_en.is_empty(), "only in en.ftl: {only_en:?}");
        assert!(de.len() > 20);
    }

    #[test]
    fn dates_in_german_and_english() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 21).expect("date");
        assert_eq!(fmt_date_in(Lang::De, d), "21.11.2026");
        assert_eq!(fmt_date_in(Lang::En, d), "2026-11-21");
        assert_eq!(parse_date("21.11.2026"), Some(d));
        assert_eq!(parse_date("2026-11-21"), Some(d));
        assert_eq!(parse_date(" 21.11.26 "), Some(d));
        assert_eq!(parse_date("31.02.2026"), None);
        assert_eq!(parse_date("gestern"), None);
    }

    #[test]
    fn a_missing_key_shows_itself() {
        assert_eq!(tr_in(Lang::De, "no-such-key", &[]), "no-such-key");
    }
}
