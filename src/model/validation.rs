//! Field checks shared by every entity, with messages in the user's language.

use crate::i18n::{Arg, t, ta};

/// The longest name, title or code Lotse accepts, in characters.
pub const MAX_NAME_LEN: usize = 200;

/// A field of a form, named in the user's language in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    PersonnelNumber,
    FirstName,
    LastName,
    Email,
    JobTitle,
    Department,
    EntryDate,
    ExitDate,
    DepartmentCode,
    DepartmentName,
    ParentDepartment,
    ProgramCode,
    SerialPrefix,
    TitleDeMale,
    TitleDeFemale,
    TitleDeNeutral,
    TitleEn,
    ValidityMonths,
    Requirements,
    SeminarCode,
    SeminarTitle,
    Description,
    Provider,
    Topic,
    DefaultHours,
    Seminar,
    SessionStart,
    SessionEnd,
    Location,
    Trainer,
    Capacity,
    AttendanceStatus,
    Hours,
    Note,
}

impl Field {
    /// The i18n key of the field's label.
    pub fn key(self) -> &'static str {
        match self {
            Field::PersonnelNumber => "field-personnel-number",
            Field::FirstName => "field-first-name",
            Field::LastName => "field-last-name",
            Field::Email => "field-email",
            Field::JobTitle => "field-job-title",
            Field::Department => "field-department",
            Field::EntryDate => "field-entry-date",
            Field::ExitDate => "field-exit-date",
            Field::DepartmentCode => "field-department-code",
            Field::DepartmentName => "field-department-name",
            Field::ParentDepartment => "field-parent-department",
            Field::ProgramCode => "field-program-code",
            Field::SerialPrefix => "field-serial-prefix",
            Field::TitleDeMale => "field-title-de-male",
            Field::TitleDeFemale => "field-title-de-female",
            Field::TitleDeNeutral => "field-title-de-neutral",
            Field::TitleEn => "field-title-en",
            Field::ValidityMonths => "field-validity-months",
            Field::Requirements => "field-requirements",
            Field::SeminarCode => "field-seminar-code",
            Field::SeminarTitle => "field-seminar-title",
            Field::Description => "field-description",
            Field::Provider => "field-provider",
            Field::Topic => "field-topic",
            Field::DefaultHours => "field-default-hours",
            Field::Seminar => "field-seminar",
            Field::SessionStart => "field-session-start",
            Field::SessionEnd => "field-session-end",
            Field::Location => "field-location",
            Field::Trainer => "field-trainer",
            Field::Capacity => "field-capacity",
            Field::AttendanceStatus => "field-attendance-status",
            Field::Hours => "field-hours",
            Field::Note => "field-note",
        }
    }

    pub fn label(self) -> String {
        t(self.key())
    }
}

/// One reason why input is not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    Empty(Field),
    TooLong(Field),
    EmailImplausible,
    ExitBeforeEntry,
    DuplicatePersonnelNumber(String),
    DuplicateDepartmentCode(String),
    DepartmentCycle,
    UnknownDepartment(String),
    InactiveDepartment(String),
    DuplicateProgramCode(String),
    /// Serial prefixes are 1–8 capital letters or digits: "DL", "DCM".
    SerialPrefixFormat,
    /// 1 to 600 months.
    ValidityOutOfRange,
    NoRequirements,
    /// "at least N of" with N outside 1..=the number of seminars listed.
    CountOutOfRange {
        n: u32,
        of: usize,
    },
    /// Hours must be more than 0 and the topic named.
    HoursRequirement,
    UnknownSeminar(String),
    UnknownProgram(String),
    /// A program that (through others) requires itself.
    PrerequisiteCycle,
    DuplicateSeminarCode(String),
    /// Default hours from 0 to 1000.
    DefaultHoursOutOfRange,
    /// A session's end lies before its start.
    EndBeforeStart,
    /// A capacity of 0 (none = no limit).
    CapacityZero,
    /// New sessions are not scheduled for an archived seminar (code).
    ArchivedSeminar(String),
    /// Hours that are negative or not a number.
    HoursInvalid,
    /// More hours than the session lasts, in minutes (a number without `Eq` cannot be held).
    HoursAboveSessionLength {
        max_minutes: i64,
    },
    /// "Partial" needs more than 0 hours.
    PartialNeedsHours,
    /// Hours given for registered, absent or excused (which credit none).
    HoursNotCredited,
    /// Attended, partial or absent for a session that has not started yet.
    SessionNotStarted,
    /// The employee (personnel number) was not employed when the session took place.
    NotEmployedAtSession(String),
}

impl Invalid {
    /// The field the problem belongs to, for highlighting in forms.
    pub fn field(&self) -> Option<Field> {
        match self {
            Invalid::Empty(f) | Invalid::TooLong(f) => Some(*f),
            Invalid::EmailImplausible => Some(Field::Email),
            Invalid::ExitBeforeEntry => Some(Field::ExitDate),
            Invalid::DuplicatePersonnelNumber(_) => Some(Field::PersonnelNumber),
            Invalid::DuplicateDepartmentCode(_) => Some(Field::DepartmentCode),
            Invalid::DepartmentCycle => Some(Field::ParentDepartment),
            Invalid::UnknownDepartment(_) | Invalid::InactiveDepartment(_) => {
                Some(Field::Department)
            }
            Invalid::DuplicateProgramCode(_) => Some(Field::ProgramCode),
            Invalid::SerialPrefixFormat => Some(Field::SerialPrefix),
            Invalid::ValidityOutOfRange => Some(Field::ValidityMonths),
            Invalid::NoRequirements
            | Invalid::CountOutOfRange { .. }
            | Invalid::HoursRequirement
            | Invalid::UnknownSeminar(_)
            | Invalid::UnknownProgram(_)
            | Invalid::PrerequisiteCycle => Some(Field::Requirements),
            Invalid::DuplicateSeminarCode(_) => Some(Field::SeminarCode),
            Invalid::DefaultHoursOutOfRange => Some(Field::DefaultHours),
            Invalid::EndBeforeStart => Some(Field::SessionEnd),
            Invalid::CapacityZero => Some(Field::Capacity),
            Invalid::ArchivedSeminar(_) => Some(Field::Seminar),
            Invalid::HoursInvalid
            | Invalid::HoursAboveSessionLength { .. }
            | Invalid::PartialNeedsHours
            | Invalid::HoursNotCredited => Some(Field::Hours),
            Invalid::SessionNotStarted => Some(Field::AttendanceStatus),
            Invalid::NotEmployedAtSession(_) => Some(Field::PersonnelNumber),
        }
    }

    /// The message in the current language.
    pub fn message(&self) -> String {
        match self {
            Invalid::Empty(f) => ta("invalid-empty", &[("field", Arg::from(f.label()))]),
            Invalid::TooLong(f) => ta(
                "invalid-too-long",
                &[
                    ("field", Arg::from(f.label())),
                    ("max", Arg::from(MAX_NAME_LEN)),
                ],
            ),
            Invalid::EmailImplausible => t("invalid-email"),
            Invalid::ExitBeforeEntry => t("invalid-exit-before-entry"),
            Invalid::DuplicatePersonnelNumber(n) => ta(
                "invalid-duplicate-personnel-number",
                &[("number", Arg::from(n))],
            ),
            Invalid::DuplicateDepartmentCode(c) => ta(
                "invalid-duplicate-department-code",
                &[("code", Arg::from(c))],
            ),
            Invalid::DepartmentCycle => t("invalid-department-cycle"),
            Invalid::UnknownDepartment(c) => {
                ta("invalid-unknown-department", &[("code", Arg::from(c))])
            }
            Invalid::InactiveDepartment(c) => {
                ta("invalid-inactive-department", &[("code", Arg::from(c))])
            }
            Invalid::DuplicateProgramCode(c) => {
                ta("invalid-duplicate-program-code", &[("code", Arg::from(c))])
            }
            Invalid::SerialPrefixFormat => t("invalid-serial-prefix"),
            Invalid::ValidityOutOfRange => t("invalid-validity"),
            Invalid::NoRequirements => t("invalid-no-requirements"),
            Invalid::CountOutOfRange { n, of } => ta(
                "invalid-count-out-of-range",
                &[("n", Arg::from(*n)), ("of", Arg::from(*of))],
            ),
            Invalid::HoursRequirement => t("invalid-hours-requirement"),
            Invalid::UnknownSeminar(c) => ta("invalid-unknown-seminar", &[("code", Arg::from(c))]),
            Invalid::UnknownProgram(c) => ta("invalid-unknown-program", &[("code", Arg::from(c))]),
            Invalid::PrerequisiteCycle => t("invalid-prerequisite-cycle"),
            Invalid::DuplicateSeminarCode(c) => {
                ta("invalid-duplicate-seminar-code", &[("code", Arg::from(c))])
            }
            Invalid::DefaultHoursOutOfRange => t("invalid-default-hours"),
            Invalid::EndBeforeStart => t("invalid-end-before-start"),
            Invalid::CapacityZero => t("invalid-capacity-zero"),
            Invalid::ArchivedSeminar(c) => {
                ta("invalid-archived-seminar", &[("code", Arg::from(c))])
            }
            Invalid::HoursInvalid => t("invalid-hours"),
            Invalid::HoursAboveSessionLength { max_minutes } => ta(
                "invalid-hours-above-length",
                &[(
                    "max",
                    Arg::from(crate::i18n::fmt_hours(*max_minutes as f64 / 60.0)),
                )],
            ),
            Invalid::PartialNeedsHours => t("invalid-partial-needs-hours"),
            Invalid::HoursNotCredited => t("invalid-hours-not-credited"),
            Invalid::SessionNotStarted => t("invalid-session-not-started"),
            Invalid::NotEmployedAtSession(n) => ta(
                "invalid-not-employed-at-session",
                &[("number", Arg::from(n))],
            ),
        }
    }
}

/// Trims `value` and checks it is non-empty and at most [`MAX_NAME_LEN`] characters.
pub fn clean_required(value: &str, field: Field, problems: &mut Vec<Invalid>) -> String {
    let v = collapse(value);
    if v.is_empty() {
        problems.push(Invalid::Empty(field));
    } else if v.chars().count() > MAX_NAME_LEN {
        problems.push(Invalid::TooLong(field));
    }
    v
}

/// Trims an optional value; an empty one becomes `None`.
pub fn clean_optional(
    value: Option<&str>,
    field: Field,
    problems: &mut Vec<Invalid>,
) -> Option<String> {
    let v = collapse(value.unwrap_or_default());
    if v.is_empty() {
        return None;
    }
    if v.chars().count() > MAX_NAME_LEN {
        problems.push(Invalid::TooLong(field));
    }
    Some(v)
}

/// Trims and folds runs of white space (tabs, line breaks, non-breaking spaces) into one space.
fn collapse(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A plausible e-mail address: one `@`, a non-empty local part, a domain with a dot,
/// no spaces. Not a full RFC 5322 parser: it catches typing errors, not exotic addresses.
pub fn check_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !email.chars().any(char::is_whitespace)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && email.len() <= 254
}
