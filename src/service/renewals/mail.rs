//! Reminders as mail drafts: one `.eml` per certificate due (RFC 5322 with MIME and
//! RFC 2047 headers by `mail-builder`, `X-Unsent: 1` so that Outlook and Thunderbird
//! open it as a draft), and a `mailto:` link with the addresses in BCC for the mail
//! program. Nothing is sent.

use std::path::{Path, PathBuf};

use mail_builder::MessageBuilder;
use mail_builder::headers::raw::Raw;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::{Renewal, Renewals, salutation_code, session_text};
use crate::error::{Error, Result};
use crate::i18n::{Arg, Lang, fmt_date_in, t, ta, tr_in};
use crate::model::check_email;
use crate::service::Database;
use crate::service::settings;
use crate::store::Read;

/// The longest `mailto:` link handed to the mail program: longer ones are cut off or
/// refused by some (Outlook, browsers on Windows).
pub const MAILTO_MAX: usize = 1900;

/// What a `mailto:` value keeps as it is: RFC 3986's unreserved characters.
const MAILTO_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// An address in a `mailto:` value keeps its `@` too.
const MAILTO_ADDRESS: &AsciiSet = &MAILTO_VALUE.remove(b'@');

/// One reminder draft: its file name and the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// "DL-2026-0007.eml".
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// What [`write_drafts`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftsWritten {
    pub files: Vec<PathBuf>,
    /// The people without (a plausible) e-mail address, "Muster, Erika", each once.
    pub without_email: Vec<String>,
}

/// The draft reminding `row`'s holder, in `lang`: To the person, From the organizer
/// address of the settings (`organizer_email`, with the organisation's name) when one is
/// set. `None` when the person has no plausible e-mail address.
pub fn draft_message(
    renewals: &Renewals,
    row: &Renewal,
    lang: Lang,
    organisation: &str,
    organizer_email: Option<&str>,
) -> Result<Option<Draft>> {
    let Some(email) = row
        .employee
        .email
        .as_deref()
        .map(str::trim)
        .filter(|e| check_email(e))
    else {
        return Ok(None);
    };
    let program = row.program_title(lang).to_owned();
    let name = format!("{} {}", row.employee.first_name, row.employee.last_name);
    let subject = tr_in(
        lang,
        "renew-mail-subject",
        &[
            ("program", Arg::from(&program)),
            ("serial", Arg::from(&row.serial)),
        ],
    );
    let mut message = MessageBuilder::new()
        .to((name, email.to_owned()))
        .subject(subject)
        .header("X-Unsent", Raw::new("1"))
        .text_body(body(renewals, row, lang, &program, organisation));
    if let Some(from) = organizer_email.map(str::trim).filter(|e| !e.is_empty()) {
        message = message.from((organisation.trim().to_owned(), from.to_owned()));
    }
    let bytes = message
        .write_to_vec()
        .map_err(|e| Error::Message(e.to_string()))?;
    Ok(Some(Draft {
        file_name: format!("{}.eml", file_stem(&row.serial)),
        bytes,
    }))
}

/// The letter: greeting, the certificate's expiry, what is missing, the next sessions,
/// the closing with the organisation's name.
fn body(
    renewals: &Renewals,
    row: &Renewal,
    lang: Lang,
    program: &str,
    organisation: &str,
) -> String {
    let e = &row.employee;
    let date = fmt_date_in(lang, row.valid_until);
    let mut text = tr_in(
        lang,
        "renew-mail-greeting",
        &[
            ("salutation", Arg::from(salutation_code(e.salutation))),
            ("first", Arg::from(&e.first_name)),
            ("last", Arg::from(&e.last_name)),
        ],
    );
    text.push_str("\n\n");
    text.push_str(&tr_in(
        lang,
        if row.days_left < 0 {
            "renew-mail-expired"
        } else {
            "renew-mail-expiring"
        },
        &[
            ("program", Arg::from(program)),
            ("serial", Arg::from(&row.serial)),
            ("date", Arg::from(date)),
        ],
    ));
    text.push_str("\n\n");
    if row.needs.is_empty() {
        text.push_str(&tr_in(lang, "renew-mail-complete", &[]));
        text.push('\n');
    } else {
        text.push_str(&tr_in(lang, "renew-mail-missing", &[]));
        text.push('\n');
        for need in &row.needs {
            text.push_str(&format!("- {}\n", renewals.need_text(need, lang)));
        }
        text.push('\n');
        if row.next_sessions.is_empty() {
            text.push_str(&tr_in(lang, "renew-mail-no-sessions", &[]));
            text.push('\n');
        } else {
            text.push_str(&tr_in(lang, "renew-mail-sessions", &[]));
            text.push('\n');
            for s in &row.next_sessions {
                text.push_str(&format!("- {}\n", session_text(s, lang)));
            }
            text.push('\n');
            text.push_str(&tr_in(lang, "renew-mail-register", &[]));
            text.push('\n');
        }
    }
    text.push('\n');
    text.push_str(&tr_in(lang, "renew-mail-closing", &[]));
    text.push('\n');
    let organisation = organisation.trim();
    if !organisation.is_empty() {
        text.push_str(organisation);
        text.push('\n');
    }
    text
}

/// A serial as a file name: letters, digits, `-` and `_` kept, anything else `_`.
fn file_stem(serial: &str) -> String {
    serial
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Writes one draft per row of `selection` (rows of `renewals`) into `dir` in `lang`,
/// each whole or not at all; the people without an e-mail address get none and are
/// named in the result.
pub fn write_drafts(
    db: &Database,
    renewals: &Renewals,
    selection: &[&Renewal],
    dir: &Path,
    lang: Lang,
) -> Result<DraftsWritten> {
    let store = db.store();
    let organisation = store.setting(settings::ORGANISATION)?.unwrap_or_default();
    let organizer = store.setting(settings::ORGANIZER_EMAIL)?;
    std::fs::create_dir_all(dir).map_err(|e| Error::file(dir, e))?;
    let mut written = DraftsWritten::default();
    for row in selection {
        match draft_message(renewals, row, lang, &organisation, organizer.as_deref())? {
            Some(draft) => {
                let path = dir.join(&draft.file_name);
                crate::files::write_private(&path, &draft.bytes)?;
                written.files.push(path);
            }
            None => {
                let name = row.sort_name();
                if !written.without_email.contains(&name) {
                    written.without_email.push(name);
                }
            }
        }
    }
    log::info!(
        "renewal drafts: {} written, {} without address",
        written.files.len(),
        written.without_email.len()
    );
    Ok(written)
}

/// "12 Entwürfe gespeichert; 2 Personen ohne E-Mail-Adresse: Muster, Erika; …".
pub fn drafts_message(written: &DraftsWritten) -> String {
    let saved = ta(
        "renew-drafts-saved",
        &[("count", Arg::from(written.files.len()))],
    );
    if written.without_email.is_empty() {
        saved
    } else {
        ta(
            "renew-drafts-saved-without",
            &[
                ("saved", Arg::from(saved)),
                ("count", Arg::from(written.without_email.len())),
                ("names", Arg::from(written.without_email.join("; "))),
            ],
        )
    }
}

/// `mailto:?bcc=a@x,b@y&subject=…` for the mail program, percent-encoded (RFC 6068);
/// each address once. Refused with a sentence that suggests the drafts or a smaller
/// selection when it would be longer than [`MAILTO_MAX`], or when there is no address.
pub fn mailto_bcc<'a>(
    addresses: impl IntoIterator<Item = &'a str>,
    subject: &str,
) -> Result<String> {
    let mut seen: Vec<&str> = Vec::new();
    for a in addresses.into_iter().map(str::trim) {
        if !a.is_empty() && !seen.iter().any(|s| s.eq_ignore_ascii_case(a)) {
            seen.push(a);
        }
    }
    if seen.is_empty() {
        return Err(Error::Message(t("renew-mailto-no-address")));
    }
    let bcc: Vec<String> = seen
        .iter()
        .map(|a| utf8_percent_encode(a, MAILTO_ADDRESS).to_string())
        .collect();
    let url = format!(
        "mailto:?bcc={}&subject={}",
        bcc.join(","),
        utf8_percent_encode(subject, MAILTO_VALUE)
    );
    if url.len() > MAILTO_MAX {
        return Err(Error::Message(ta(
            "renew-mailto-too-long",
            &[("count", Arg::from(seen.len()))],
        )));
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailto_puts_each_address_once_in_bcc_and_encodes_the_subject() {
        let url = mailto_bcc(
            [
                "erika.muster@stadt.de",
                " max+it@stadt.de ",
                "Erika.Muster@stadt.de",
                "",
            ],
            "Verlängerung Ihres Zertifikats & mehr?",
        )
        .unwrap();
        assert_eq!(
            url,
            "mailto:?bcc=erika.muster@stadt.de,max%2Bit@stadt.de\
             &subject=Verl%C3%A4ngerung%20Ihres%20Zertifikats%20%26%20mehr%3F"
        );
    }

    #[test]
    fn mailto_refuses_a_link_too_long_and_no_address() {
        let many: Vec<String> = (0..100).map(|i| format!("person{i:03}@stadt.de")).collect();
        let err = mailto_bcc(many.iter().map(String::as_str), "Verlängerung").unwrap_err();
        assert!(matches!(err, Error::Message(_)), "{err:?}");
        // Fewer fit.
        let url = mailto_bcc(many.iter().take(50).map(String::as_str), "Verlängerung").unwrap();
        assert!(url.len() <= MAILTO_MAX);
        assert!(matches!(
            mailto_bcc(["  "], "Verlängerung").unwrap_err(),
            Error::Message(_)
        ));
    }

    #[test]
    fn file_names_come_from_the_serial() {
        assert_eq!(file_stem("DL-2026-0007"), "DL-2026-0007");
        assert_eq!(file_stem("A/B 1"), "A_B_1");
    }
}
