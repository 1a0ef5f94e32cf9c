//! Certification programs and their requirements.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{ProgramId, Salutation, SeminarId};
use crate::i18n::Lang;

/// A program's title in every form a certificate may print.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramTitles {
    /// "Digitallotse"
    pub de_male: String,
    /// "Digitallotsin"
    pub de_female: String,
    /// "Digitallots:in"
    pub de_neutral: String,
    /// "Digital Pilot"
    pub en: String,
}

impl ProgramTitles {
    /// The form for a person with this form of address in `lang` (English has one form).
    pub fn for_person(&self, lang: Lang, salutation: Salutation) -> &str {
        match (lang, salutation) {
            (Lang::En, _) => &self.en,
            (Lang::De, Salutation::Male) => &self.de_male,
            (Lang::De, Salutation::Female) => &self.de_female,
            (Lang::De, Salutation::Neutral) => &self.de_neutral,
        }
    }

    /// The form that names the program itself (lists, headings): neutral in German.
    pub fn generic(&self, lang: Lang) -> &str {
        self.for_person(lang, Salutation::Neutral)
    }
}

/// One rule of a program. A program's requirements all have to be met.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// Any attended session of this seminar.
    Seminar(SeminarId),
    /// At least `n` different seminars out of `seminars`.
    AtLeastN { n: u32, seminars: Vec<SeminarId> },
    /// At least `hours` credited hours in seminars of `topic`.
    TopicHours { topic: String, hours: f64 },
    /// A valid certificate of another program.
    Prerequisite(ProgramId),
}

impl Requirement {
    /// The kind as stored in the database: `seminar`, `n_of`, `topic_hours`, `program`.
    pub fn kind_code(&self) -> &'static str {
        match self {
            Requirement::Seminar(_) => "seminar",
            Requirement::AtLeastN { .. } => "n_of",
            Requirement::TopicHours { .. } => "topic_hours",
            Requirement::Prerequisite(_) => "program",
        }
    }
}

/// A certification such as "Digitallotse/Digitallotsin".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Program {
    pub id: ProgramId,
    pub code: String,
    /// The start of certificate serial numbers: "DL" gives DL-2026-0007.
    pub serial_prefix: String,
    pub titles: ProgramTitles,
    pub description: String,
    /// How long a certificate is valid; `None` = no expiry.
    pub validity_months: Option<u32>,
    /// Whether a partial attendance with hours > 0 meets a "required seminar".
    pub allow_partial: bool,
    pub archived: bool,
    /// In the order the user arranged them.
    pub requirements: Vec<Requirement>,
    /// Grows with every change of the stored record; a form saves only over the version
    /// it loaded (see `service::conflict`).
    #[serde(default)]
    pub version: i64,
}

impl Program {
    /// The last day a certificate issued on `issued_on` is valid: issue date plus the
    /// validity months (clamped to the month's end), or `None` for no expiry.
    pub fn valid_until(&self, issued_on: NaiveDate) -> Option<NaiveDate> {
        let months = self.validity_months?;
        issued_on.checked_add_months(Months::new(months))
    }

    pub fn input(&self) -> ProgramInput {
        ProgramInput {
            code: self.code.clone(),
            serial_prefix: self.serial_prefix.clone(),
            titles: self.titles.clone(),
            description: self.description.clone(),
            validity_months: self.validity_months,
            allow_partial: self.allow_partial,
            requirements: self.requirements.clone(),
        }
    }
}

/// What is written to add or edit a program, requirements included
/// (the archive flag is changed on its own).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProgramInput {
    pub code: String,
    pub serial_prefix: String,
    pub titles: ProgramTitles,
    pub description: String,
    pub validity_months: Option<u32>,
    pub allow_partial: bool,
    pub requirements: Vec<Requirement>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles() -> ProgramTitles {
        ProgramTitles {
            de_male: "Digitallotse".into(),
            de_female: "Digitallotsin".into(),
            de_neutral: "Digitallots:in".into(),
            en: "Digital Pilot".into(),
        }
    }

    #[test]
    fn the_title_follows_the_form_of_address() {
        let t = titles();
        assert_eq!(t.for_person(Lang::De, Salutation::Female), "Digitallotsin");
        assert_eq!(t.for_person(Lang::De, Salutation::Male), "Digitallotse");
        assert_eq!(
            t.for_person(Lang::De, Salutation::Neutral),
            "Digitallots:in"
        );
        assert_eq!(t.for_person(Lang::En, Salutation::Female), "Digital Pilot");
        assert_eq!(t.generic(Lang::De), "Digitallots:in");
    }

    #[test]
    fn valid_until_adds_months_and_clamps_to_the_month_end() {
        let mut p = Program {
            id: ProgramId(1),
            code: "DL".into(),
            serial_prefix: "DL".into(),
            titles: titles(),
            description: String::new(),
            validity_months: Some(24),
            allow_partial: false,
            archived: false,
            requirements: Vec::new(),
            version: 1,
        };
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        assert_eq!(p.valid_until(d(2026, 11, 21)), Some(d(2028, 11, 21)));
        assert_eq!(p.valid_until(d(2024, 2, 29)), Some(d(2026, 2, 28)));
        p.validity_months = None;
        assert_eq!(p.valid_until(d(2026, 11, 21)), None);
    }

    #[test]
    fn requirement_kinds_match_the_schema() {
        let kinds: Vec<_> = [
            Requirement::Seminar(SeminarId(1)),
            Requirement::AtLeastN {
                n: 3,
                seminars: vec![SeminarId(2)],
            },
            Requirement::TopicHours {
                topic: "Digitale Verwaltung".into(),
                hours: 16.0,
            },
            Requirement::Prerequisite(ProgramId(1)),
        ]
        .iter()
        .map(Requirement::kind_code)
        .collect();
        assert_eq!(kinds, ["seminar", "n_of", "topic_hours", "program"]);
    }
}
