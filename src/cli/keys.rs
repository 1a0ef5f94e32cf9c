//! Signed certificates on the command line: `lotse keys list|rotate|export`,
//! `lotse export verify-page|revocations`, and `lotse verify TEXT --public-key FILE`
//! (which opens no database).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use serde_json::json;

use super::{Format, io, print_list};
use crate::error::{Error, Result};
use crate::i18n::{self, Arg, fmt_date, fmt_datetime, t, ta};
use crate::service::Database;
use crate::service::certificates::signing::{self, OfflineCheck};

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Show the signing keys: key id, created, retired.
    List {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Make a new signing key and retire the current one.
    Rotate,
    /// Write the public keys (active and retired) as a PEM file.
    Export {
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
}

/// Runs a `lotse keys …` command.
pub fn run(db: &mut Database, command: KeysCommand, out: &mut impl Write) -> Result<ExitCode> {
    match command {
        KeysCommand::List { format } => list(db, format, out),
        KeysCommand::Rotate => {
            let key = signing::rotate(db)?;
            writeln!(
                out,
                "{}",
                ta("sign-key-rotated", &[("key", Arg::from(key))])
            )
            .map_err(io)?;
            Ok(ExitCode::SUCCESS)
        }
        KeysCommand::Export { output } => {
            let count = signing::export_public_keys(db, &output)?;
            writeln!(
                out,
                "{}",
                ta(
                    "sign-keys-exported",
                    &[
                        ("count", Arg::from(count)),
                        ("path", Arg::from(output.display().to_string())),
                    ],
                )
            )
            .map_err(io)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn list(db: &Database, format: Format, out: &mut impl Write) -> Result<ExitCode> {
    let keys = signing::keys(db)?;
    if keys.is_empty() && format == Format::Table {
        writeln!(out, "{}", t("sign-keys-none")).map_err(io)?;
        return Ok(ExitCode::SUCCESS);
    }
    let headers = [
        t("sign-col-key"),
        t("sign-col-created"),
        t("sign-col-retired"),
    ];
    let rows: Vec<Vec<String>> = keys
        .iter()
        .map(|k| {
            vec![
                k.key_id.clone(),
                fmt_datetime(k.created_at),
                k.retired_at.map(fmt_datetime).unwrap_or_default(),
            ]
        })
        .collect();
    let json_rows = keys
        .iter()
        .map(|k| {
            json!({
                "key_id": k.key_id,
                "created_at": k.created_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                "retired_at": k.retired_at.map(|at| at.format("%Y-%m-%dT%H:%M:%S").to_string()),
                "active": k.retired_at.is_none(),
            })
        })
        .collect();
    print_list(format, &headers, &rows, json_rows, out)?;
    Ok(ExitCode::SUCCESS)
}

/// `lotse export verify-page -o FILE`.
pub fn export_verify_page(
    db: &mut Database,
    output: &Path,
    out: &mut impl Write,
) -> Result<ExitCode> {
    signing::export_verify_page(db, output)?;
    writeln!(
        out,
        "{}",
        ta(
            "sign-page-exported",
            &[("path", Arg::from(output.display().to_string()))]
        )
    )
    .map_err(io)?;
    Ok(ExitCode::SUCCESS)
}

/// `lotse export revocations -o FILE`.
pub fn export_revocations(
    db: &mut Database,
    output: &Path,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let count = signing::export_revocations(db, output)?;
    writeln!(
        out,
        "{}",
        ta(
            "sign-revocations-exported",
            &[
                ("count", Arg::from(count)),
                ("path", Arg::from(output.display().to_string())),
            ],
        )
    )
    .map_err(io)?;
    Ok(ExitCode::SUCCESS)
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| Error::file(path, e))
}

/// The day to check on without a database: `LOTSE_TODAY` (for scripts and tests), else
/// the computer's date.
fn today() -> Result<chrono::NaiveDate> {
    match std::env::var("LOTSE_TODAY") {
        Ok(text) => i18n::parse_date(&text).ok_or_else(|| {
            Error::Message(ta("cli-bad-today", &[("value", Arg::from(text.as_str()))]))
        }),
        Err(_) => Ok(chrono::Local::now().date_naive()),
    }
}

/// `lotse verify TEXT --public-key FILE [--revocations FILE]`: checks a signed payload
/// with the keys in the file alone; exit code 0 only for a genuine, valid certificate.
pub fn verify_offline(
    payload: &str,
    keys: &Path,
    revocations: Option<&Path>,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let keys = read_text(keys)?;
    let revocations = revocations.map(read_text).transpose()?;
    let check = signing::check_offline(payload, &keys, revocations.as_deref(), today()?)?;
    match &check {
        OfflineCheck::Genuine {
            statement: s,
            expired,
            revoked_on,
        } => {
            writeln!(
                out,
                "{}",
                ta("sign-offline-genuine", &[("key", Arg::from(&s.key_id))])
            )
            .map_err(io)?;
            let status = match (revoked_on, expired) {
                (Some(on), _) => ta(
                    "sign-offline-revoked",
                    &[("date", Arg::from(fmt_date(*on)))],
                ),
                (None, true) => t("sign-offline-expired"),
                (None, false) => t("sign-offline-valid"),
            };
            let fields = [
                (t("cli-status"), status),
                (t("cli-serial"), s.serial.clone()),
                (t("cli-name"), s.name.clone()),
                (
                    t("cli-title"),
                    format!("{} ({})", s.program, s.program_code),
                ),
                (t("cli-organisation"), s.organisation.clone()),
                (t("cli-issued-on"), fmt_date(s.issued_on)),
                (
                    t("cli-valid-until"),
                    s.valid_until
                        .map(fmt_date)
                        .unwrap_or_else(|| t("cli-no-expiry")),
                ),
            ];
            let width = fields
                .iter()
                .map(|(k, _)| k.chars().count())
                .max()
                .unwrap_or(0);
            for (k, v) in fields {
                writeln!(out, "{k:<width$}  {v}").map_err(io)?;
            }
            if revocations.is_none() {
                writeln!(out, "{}", t("sign-offline-revocations-unchecked")).map_err(io)?;
            }
        }
        OfflineCheck::UnknownKey(s) => {
            writeln!(
                out,
                "{}",
                ta("sign-offline-unknown-key", &[("key", Arg::from(&s.key_id))])
            )
            .map_err(io)?;
        }
        OfflineCheck::NotGenuine => {
            writeln!(out, "{}", t("sign-offline-not-genuine")).map_err(io)?;
        }
    }
    Ok(if check.is_valid() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
