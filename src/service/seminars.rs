//! The seminar catalogue: adding, editing, archiving.
//!
//! Archived seminars keep their sessions and attendance (and so count for eligibility and
//! reports as before); they are only hidden from pickers and get no new sessions.

use crate::error::{Error, Result};
use crate::i18n::t;
use crate::model::{
    Field, Invalid, Seminar, SeminarFormat, SeminarId, SeminarInput, clean_optional, clean_required,
};
use crate::service::Database;
use crate::store::{Read, Tx};

/// The most default hours a seminar may count for.
pub const MAX_DEFAULT_HOURS: f64 = 1000.0;

/// Adds a seminar; returns its id.
pub fn add(db: &mut Database, input: &SeminarInput) -> Result<SeminarId> {
    let store = db.store_mut();
    store.transact(|tx| {
        let input = checked(tx, input, None)?;
        let id = tx.insert_seminar(&input)?;
        tx.audit(
            "seminar",
            Some(id.0),
            "add",
            &format!("code {}", input.code),
        )?;
        Ok(id)
    })
}

/// Saves changes to a seminar. Sessions and attendance stay as they are (hours already
/// credited are not recomputed from new default hours).
pub fn update(db: &mut Database, id: SeminarId, input: &SeminarInput) -> Result<()> {
    save(db, id, None, input)
}

/// Saves changes to a seminar as [`update`] does, but only if the stored seminar is
/// still at `version`, the one the form was loaded with; otherwise nothing is saved and
/// [`Error::ChangedMeanwhile`] says who changed it.
pub fn update_checked(
    db: &mut Database,
    id: SeminarId,
    version: i64,
    input: &SeminarInput,
) -> Result<()> {
    save(db, id, Some(version), input)
}

fn save(
    db: &mut Database,
    id: SeminarId,
    version: Option<i64>,
    input: &SeminarInput,
) -> Result<()> {
    let store = db.store_mut();
    store.transact(|tx| {
        let before = tx.seminar(id)?.ok_or_else(|| not_found(id))?;
        super::conflict::expect_version(tx, "seminar", id.0, before.version, version)?;
        let input = checked(tx, input, Some(id))?;
        tx.update_seminar(id, &input)?;
        let summary = if before.code == input.code {
            format!("code {}", input.code)
        } else {
            format!("code {} (was {})", input.code, before.code)
        };
        tx.audit("seminar", Some(id.0), "edit", &summary)
    })
}

/// Archives a seminar (hidden from pickers, no new sessions, history kept) or takes it
/// back into the catalogue.
pub fn set_archived(db: &mut Database, id: SeminarId, archived: bool) -> Result<()> {
    let store = db.store_mut();
    store.transact(|tx| {
        let seminar = tx.seminar(id)?.ok_or_else(|| not_found(id))?;
        if seminar.archived == archived {
            return Ok(());
        }
        tx.set_seminar_archived(id, archived)?;
        tx.audit(
            "seminar",
            Some(id.0),
            if archived { "archive" } else { "unarchive" },
            &format!("code {}", seminar.code),
        )
    })
}

/// The catalogue ordered by code: without archived seminars (for pickers) unless
/// `include_archived`.
pub fn list(db: &Database, include_archived: bool) -> Result<Vec<Seminar>> {
    let store = db.store();
    let mut seminars = store.seminars()?;
    if !include_archived {
        seminars.retain(|s| !s.archived);
    }
    Ok(seminars)
}

/// The distinct topics of `seminars` (empty ones left out), ordered as the store orders
/// them: case-insensitively.
pub fn topics(seminars: &[Seminar]) -> Vec<String> {
    let mut topics: Vec<String> = seminars
        .iter()
        .filter(|s| !s.topic.is_empty())
        .map(|s| s.topic.clone())
        .collect();
    topics.sort_by_cached_key(|t| (t.to_ascii_lowercase(), t.clone()));
    topics.dedup();
    topics
}

/// The format in words, in the current language ("Präsenz", "Webinar", "E-Learning").
pub fn format_label(format: SeminarFormat) -> String {
    t(match format {
        SeminarFormat::InPerson => "train-format-in-person",
        SeminarFormat::Webinar => "train-format-webinar",
        SeminarFormat::Elearning => "train-format-elearning",
    })
}

fn not_found(id: SeminarId) -> Error {
    Error::NotFound {
        what: format!("seminar {id}"),
    }
}

/// The input trimmed and checked on its own: code and title required (at most 200
/// characters), provider and topic at most 200, default hours from 0 to 1000.
/// Uniqueness of the code needs the store (see [`add`]).
pub fn validated(input: &SeminarInput) -> Result<SeminarInput, Vec<Invalid>> {
    let mut problems = Vec::new();
    let code = clean_required(&input.code, Field::SeminarCode, &mut problems);
    let title = clean_required(&input.title, Field::SeminarTitle, &mut problems);
    let provider = clean_optional(Some(&input.provider), Field::Provider, &mut problems);
    let topic = clean_optional(Some(&input.topic), Field::Topic, &mut problems);
    let hours = input.default_hours;
    if !hours.is_finite() || !(0.0..=MAX_DEFAULT_HOURS).contains(&hours) {
        problems.push(Invalid::DefaultHoursOutOfRange);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(SeminarInput {
        code,
        title,
        // Line breaks in a description are kept; only the ends are trimmed.
        description: input.description.trim().to_owned(),
        provider: provider.unwrap_or_default(),
        format: input.format,
        default_hours: hours,
        topic: topic.unwrap_or_default(),
    })
}

/// Validates against itself and the store: the code unused by any other seminar (ignoring case).
fn checked(tx: &Tx<'_>, input: &SeminarInput, editing: Option<SeminarId>) -> Result<SeminarInput> {
    let mut problems = Vec::new();
    let valid = match validated(input) {
        Ok(v) => Some(v),
        Err(p) => {
            problems = p;
            None
        }
    };
    let code = input.code.split_whitespace().collect::<Vec<_>>().join(" ");
    if !code.is_empty() && tx.seminar_code_taken(&code, editing)? {
        problems.push(Invalid::DuplicateSeminarCode(code));
    }
    match valid {
        Some(v) if problems.is_empty() => Ok(v),
        _ => Err(Error::Invalid(problems)),
    }
}
