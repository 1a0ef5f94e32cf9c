//! Settings kept in the database: organisation, signatory, language, …

use crate::error::Result;
use crate::i18n::Lang;
use crate::store::Store;

pub const LANGUAGE: &str = "language";
pub const ORGANISATION: &str = "organisation_name";
pub const PLACE: &str = "place";

/// The language chosen in settings, if any.
pub fn language(store: &Store) -> Result<Option<Lang>> {
    Ok(store.setting(LANGUAGE)?.and_then(|c| Lang::from_code(&c)))
}

/// Stores the language choice.
pub fn set_language(store: &mut Store, lang: Lang) -> Result<()> {
    store.transact(|tx| {
        tx.set_setting(LANGUAGE, Some(lang.code()))?;
        tx.audit("setting", None, "edit", "language")
    })
}

/// Stores a text setting (empty = unset).
pub fn set_text(store: &mut Store, key: &str, value: &str) -> Result<()> {
    let value = value.trim();
    store.transact(|tx| {
        tx.set_setting(key, (!value.is_empty()).then_some(value))?;
        tx.audit("setting", None, "edit", key)
    })
}
