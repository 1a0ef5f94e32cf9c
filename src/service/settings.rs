//! Settings kept in the database: organisation, signatory, language, …

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::{Invalid, check_email};
use crate::rules::{ThresholdProblem, Thresholds};
use crate::service::Database;
use crate::store::Read;

pub const LANGUAGE: &str = "language";
pub const ORGANISATION: &str = "organisation_name";
pub const PLACE: &str = "place";
/// The address calendar invitations name as organizer (`service::invitations`).
pub const ORGANIZER_EMAIL: &str = "ics_organizer_email";

/// The language chosen in settings, if any.
pub fn language(db: &Database) -> Result<Option<Lang>> {
    let store = db.store();
    Ok(store.setting(LANGUAGE)?.and_then(|c| Lang::from_code(&c)))
}

/// Stores the language choice.
pub fn set_language(db: &mut Database, lang: Lang) -> Result<()> {
    let store = db.store_mut();
    store.transact(|tx| {
        tx.set_setting(LANGUAGE, Some(lang.code()))?;
        tx.audit("setting", None, "edit", "language")
    })
}

/// Stores a text setting (empty = unset).
pub fn set_text(db: &mut Database, key: &str, value: &str) -> Result<()> {
    let store = db.store_mut();
    let value = value.trim();
    store.transact(|tx| {
        tx.set_setting(key, (!value.is_empty()).then_some(value))?;
        tx.audit("setting", None, "edit", key)
    })
}

pub const SIGNATORY_NAME: &str = "signatory_name";
pub const SIGNATORY_TITLE: &str = "signatory_title";
pub const WORDING_DE: &str = "certificate_wording_de";
pub const WORDING_EN: &str = "certificate_wording_en";
pub const LOGO: &str = "logo";
pub const LOGO_MIME: &str = "logo_mime";
/// The per-database key of verification codes. Never shown, never exported.
pub const SECRET: &str = "verification_secret";

/// What a certificate takes from the settings when it is issued.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CertificateSettings {
    pub organisation: String,
    pub place: String,
    pub signatory_name: String,
    pub signatory_title: String,
    /// Empty = the default wording.
    pub wording_de: String,
    pub wording_en: String,
    /// MIME type and bytes of the logo the administration chose; `None` prints the
    /// default logo ([`CertificateSettings::printed_logo`]).
    pub logo: Option<(String, Vec<u8>)>,
}

impl CertificateSettings {
    /// The settings as they are now, from a store or inside a transaction.
    /// The settings as stored now.
    pub fn current(db: &Database) -> Result<CertificateSettings> {
        CertificateSettings::load(db.store())
    }

    /// The logo certificates are printed with: the chosen one, else Lotse's default
    /// logo (a neutral compass rose, `assets/logo-default.png`).
    pub fn printed_logo(&self) -> (&str, &[u8]) {
        match &self.logo {
            Some((mime, bytes)) => (mime, bytes),
            None => ("image/png", crate::certificate::DEFAULT_LOGO_PNG),
        }
    }

    pub fn load(from: &impl Read) -> Result<CertificateSettings> {
        let text = |key: &str| -> Result<String> { Ok(from.setting(key)?.unwrap_or_default()) };
        let logo = match (from.setting_blob(LOGO)?, from.setting(LOGO_MIME)?) {
            (Some(bytes), Some(mime)) => Some((mime, bytes)),
            _ => None,
        };
        Ok(CertificateSettings {
            organisation: text(ORGANISATION)?,
            place: text(PLACE)?,
            signatory_name: text(SIGNATORY_NAME)?,
            signatory_title: text(SIGNATORY_TITLE)?,
            wording_de: text(WORDING_DE)?,
            wording_en: text(WORDING_EN)?,
            logo,
        })
    }
}

/// Saves the organisation's name and place and the organizer e-mail address of calendar
/// invitations in one transaction; refuses an implausible address with
/// [`Invalid::EmailImplausible`] (empty = none).
pub fn save_organisation(
    db: &mut Database,
    name: &str,
    place: &str,
    organizer_email: &str,
) -> Result<()> {
    let email = organizer_email.trim();
    if !email.is_empty() && !check_email(email) {
        return Err(Invalid::EmailImplausible.into());
    }
    let store = db.store_mut();
    store.transact(|tx| {
        for (key, value) in [
            (ORGANISATION, name),
            (PLACE, place),
            (ORGANIZER_EMAIL, email),
        ] {
            let v = value.trim();
            tx.set_setting(key, (!v.is_empty()).then_some(v))?;
        }
        tx.audit(
            "setting",
            None,
            "edit",
            "organisation, place, organizer e-mail",
        )
    })
}

/// The organizer e-mail address of calendar invitations, if one is set.
pub fn organizer_email(db: &Database) -> Result<Option<String>> {
    db.store().setting(ORGANIZER_EMAIL)
}

/// Stores the organizer e-mail address of calendar invitations (empty = none); refuses
/// an implausible address with [`Invalid::EmailImplausible`].
pub fn set_organizer_email(db: &mut Database, email: &str) -> Result<()> {
    let email = email.trim();
    if !email.is_empty() && !check_email(email) {
        return Err(Invalid::EmailImplausible.into());
    }
    let store = db.store_mut();
    store.transact(|tx| {
        tx.set_setting(ORGANIZER_EMAIL, (!email.is_empty()).then_some(email))?;
        tx.audit("setting", None, "edit", "organizer e-mail")
    })
}

/// The texts of the certificate settings a user edits.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CertificateTexts {
    pub signatory_name: String,
    pub signatory_title: String,
    /// Empty = the default wording.
    pub wording_de: String,
    pub wording_en: String,
}

/// Saves signatory and wording in one transaction (organisation, place and logo stay).
pub fn save_certificate_texts(db: &mut Database, texts: &CertificateTexts) -> Result<()> {
    let store = db.store_mut();
    store.transact(|tx| {
        for (key, value) in [
            (SIGNATORY_NAME, &texts.signatory_name),
            (SIGNATORY_TITLE, &texts.signatory_title),
            (WORDING_DE, &texts.wording_de),
            (WORDING_EN, &texts.wording_en),
        ] {
            let v = value.trim();
            tx.set_setting(key, (!v.is_empty()).then_some(v))?;
        }
        tx.audit("setting", None, "edit", "signatory, wording")
    })
}

/// Saves the organisation, signatory and wording settings in one transaction
/// (the logo is set on its own with [`set_logo`]).
pub fn save_certificate_settings(db: &mut Database, s: &CertificateSettings) -> Result<()> {
    let store = db.store_mut();
    store.transact(|tx| {
        for (key, value) in [
            (ORGANISATION, &s.organisation),
            (PLACE, &s.place),
            (SIGNATORY_NAME, &s.signatory_name),
            (SIGNATORY_TITLE, &s.signatory_title),
            (WORDING_DE, &s.wording_de),
            (WORDING_EN, &s.wording_en),
        ] {
            let v = value.trim();
            tx.set_setting(key, (!v.is_empty()).then_some(v))?;
        }
        tx.audit("setting", None, "edit", "organisation, signatory, wording")
    })
}

/// Whether certificate and report PDFs are archival PDF/A-2b.
pub const PDFA: &str = "pdfa";

/// The PDF/A setting: on unless it was switched off.
pub fn pdfa(db: &Database) -> Result<bool> {
    pdfa_in(db.store())
}

/// [`pdfa`] from a store or inside a transaction.
pub fn pdfa_in(from: &impl Read) -> Result<bool> {
    Ok(from.setting(PDFA)?.as_deref() != Some("0"))
}

/// Switches PDF/A-2b for certificates and reports on or off.
pub fn set_pdfa(db: &mut Database, on: bool) -> Result<()> {
    let store = db.store_mut();
    store.transact(|tx| {
        tx.set_setting(PDFA, Some(if on { "1" } else { "0" }))?;
        tx.audit(
            "setting",
            None,
            "edit",
            if on { "pdfa on" } else { "pdfa off" },
        )
    })
}

/// The reminder thresholds of renewals in days (`service::renewals`): near, middle, far.
pub const RENEWAL_NEAR: &str = "renewal_days_near";
pub const RENEWAL_MIDDLE: &str = "renewal_days_middle";
pub const RENEWAL_FAR: &str = "renewal_days_far";

/// The reminder thresholds of renewals: the stored ones, else 30, 60 and 90 days (also
/// when the stored ones are unusable).
pub fn renewal_thresholds(db: &Database) -> Result<Thresholds> {
    renewal_thresholds_in(db.store())
}

/// [`renewal_thresholds`] from a store or inside a transaction.
pub fn renewal_thresholds_in(from: &impl Read) -> Result<Thresholds> {
    let defaults = Thresholds::default();
    let day = |key: &str, default: u32| -> Result<u32> {
        Ok(from
            .setting(key)?
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(default))
    };
    let stored = Thresholds {
        near: day(RENEWAL_NEAR, defaults.near)?,
        middle: day(RENEWAL_MIDDLE, defaults.middle)?,
        far: day(RENEWAL_FAR, defaults.far)?,
    };
    Ok(if stored.check().is_ok() {
        stored
    } else {
        defaults
    })
}

/// Stores the reminder thresholds of renewals; refuses thresholds that are not positive
/// or do not strictly increase, with a sentence that says so.
pub fn set_renewal_thresholds(db: &mut Database, thresholds: Thresholds) -> Result<()> {
    check_renewal_thresholds(thresholds)?;
    let store = db.store_mut();
    store.transact(|tx| {
        for (key, days) in [
            (RENEWAL_NEAR, thresholds.near),
            (RENEWAL_MIDDLE, thresholds.middle),
            (RENEWAL_FAR, thresholds.far),
        ] {
            tx.set_setting(key, Some(&days.to_string()))?;
        }
        tx.audit("setting", None, "edit", "renewal thresholds")
    })
}

/// [`Thresholds::check`] as the user's error.
pub fn check_renewal_thresholds(thresholds: Thresholds) -> Result<()> {
    thresholds.check().map_err(|problem| {
        Error::Message(crate::i18n::t(match problem {
            ThresholdProblem::NotPositive => "renew-thresholds-not-positive",
            ThresholdProblem::NotIncreasing => "renew-thresholds-not-increasing",
        }))
    })
}
