//! `lotse backup`, `lotse backups list`, `lotse restore`, `lotse check`.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};
use serde_json::json;

use super::{Format, io, print_list};
use crate::error::{Error, Result};
use crate::i18n::{Arg, fmt_datetime, t, ta};
use crate::service::Database;
use crate::service::{backup, check};
use crate::store::BackupReason;

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Write the backup to this file instead of the backups folder beside the database.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum BackupsCommand {
    /// List the backups in the backups folder beside the database.
    List {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup file.
    pub file: PathBuf,
    /// Do not ask for confirmation.
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Repair what can be repaired safely (after a backup).
    #[arg(long)]
    pub repair: bool,
}

/// `lotse backup [-o FILE]`.
pub fn backup(db: &Database, args: &BackupArgs, out: &mut impl Write) -> Result<ExitCode> {
    let (path, content) = match &args.output {
        Some(dest) => (dest.clone(), backup::write_to(db, dest, &mut |_| true)?),
        None => {
            let done = backup::take_of(db, BackupReason::Manual, &mut |_| true)?;
            (done.path, done.content)
        }
    };
    writeln!(
        out,
        "{}",
        ta(
            "cli-backup-written",
            &[
                ("path", Arg::from(path.display().to_string())),
                ("employees", Arg::from(content.counts.employees)),
                ("certificates", Arg::from(content.counts.certificates)),
            ],
        )
    )
    .map_err(io)?;
    Ok(ExitCode::SUCCESS)
}

/// `lotse backups list`: works also when the database itself cannot be opened.
pub fn list(db: &Path, format: Format, out: &mut impl Write) -> Result<ExitCode> {
    let backups = backup::list(db)?;
    let headers = [
        t("backup-col-taken"),
        t("backup-col-reason"),
        t("backup-col-size"),
        t("backup-col-employees"),
        t("backup-col-certificates"),
        t("backup-col-file"),
    ];
    let table: Vec<Vec<String>> = backups
        .iter()
        .map(|b| {
            vec![
                fmt_datetime(b.taken_at),
                backup::reason_label(b.reason),
                crate::i18n::fmt_size(b.size),
                b.content.as_ref().map_or_else(
                    || t("backup-unreadable"),
                    |c| c.counts.employees.to_string(),
                ),
                b.content
                    .as_ref()
                    .map_or_else(String::new, |c| c.counts.certificates.to_string()),
                b.path.display().to_string(),
            ]
        })
        .collect();
    let json_rows = backups
        .iter()
        .map(|b| {
            json!({
                "file": b.path.display().to_string(),
                "taken_at": b.taken_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                "reason": b.reason.map(BackupReason::code),
                "size": b.size,
                "readable": b.content.is_some(),
                "schema_version": b.content.as_ref().map(|c| c.schema_version),
                "employees": b.content.as_ref().map(|c| c.counts.employees),
                "certificates": b.content.as_ref().map(|c| c.counts.certificates),
            })
        })
        .collect();
    print_list(format, &headers, &table, json_rows, out)?;
    Ok(ExitCode::SUCCESS)
}

/// `lotse restore FILE [--yes]`: works also when the database is damaged.
pub fn restore(db: &Path, args: &RestoreArgs, out: &mut impl Write) -> Result<ExitCode> {
    let content = crate::store::verify_backup(&args.file)?;
    if !args.yes {
        let question = ta(
            "cli-restore-confirm",
            &[
                ("db", Arg::from(db.display().to_string())),
                ("file", Arg::from(args.file.display().to_string())),
                ("employees", Arg::from(content.counts.employees)),
                ("certificates", Arg::from(content.counts.certificates)),
            ],
        );
        if !std::io::stdin().is_terminal() {
            return Err(Error::Message(format!(
                "{question}\n{}",
                t("cli-restore-needs-yes")
            )));
        }
        eprint!("{question} [{}] ", t("cli-yes-no-prompt"));
        let mut answer = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut answer)
            .map_err(|e| Error::file("<stdin>", e))?;
        let yes = matches!(
            answer.trim().to_lowercase().as_str(),
            "j" | "ja" | "y" | "yes"
        );
        if !yes {
            writeln!(out, "{}", t("cli-restore-cancelled")).map_err(io)?;
            return Ok(ExitCode::FAILURE);
        }
    }
    let restored = backup::restore_file(db, &args.file)?;
    writeln!(
        out,
        "{}",
        ta(
            "cli-restored",
            &[
                ("file", Arg::from(args.file.display().to_string())),
                ("employees", Arg::from(restored.content.counts.employees)),
                (
                    "certificates",
                    Arg::from(restored.content.counts.certificates)
                ),
            ],
        )
    )
    .map_err(io)?;
    if let Some(undo) = &restored.undo {
        writeln!(
            out,
            "{}",
            ta(
                "cli-restore-undo",
                &[("file", Arg::from(undo.display().to_string()))]
            )
        )
        .map_err(io)?;
    }
    if let Some(kept) = &restored.kept_damaged {
        writeln!(
            out,
            "{}",
            ta(
                "cli-restore-kept",
                &[("file", Arg::from(kept.display().to_string()))]
            )
        )
        .map_err(io)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `lotse check [--repair]`: exits 0 only when nothing (more) is wrong.
pub fn check_db(db: &Path, args: &CheckArgs, out: &mut impl Write) -> Result<ExitCode> {
    let result = (|| -> Result<(Option<check::Repaired>, crate::store::CheckReport)> {
        let mut database = Database::open_for_repair(db)?;
        if args.repair {
            let repaired = check::repair(&mut database)?;
            let remaining = repaired.remaining.clone();
            Ok((Some(repaired), remaining))
        } else {
            Ok((None, check::check(&database)?))
        }
    })();
    let (repaired, remaining) = match result {
        Ok(r) => r,
        // SQLite cannot even read what it needs: nothing to repair in place.
        Err(Error::Corrupt(detail)) => {
            let finding = crate::store::CheckFinding::Integrity(detail);
            writeln!(out, "{}", check::describe(&finding)).map_err(io)?;
            let hint = match backup::newest_good(db) {
                Some(b) => ta(
                    "error-damaged-backup",
                    &[("backup", Arg::from(b.display().to_string()))],
                ),
                None => t("error-damaged-no-backup"),
            };
            writeln!(out, "{hint}").map_err(io)?;
            return Ok(ExitCode::FAILURE);
        }
        Err(e) => return Err(e),
    };
    if let Some(repaired) = &repaired {
        if let Some(b) = &repaired.backup {
            writeln!(
                out,
                "{}",
                ta(
                    "check-backup-taken",
                    &[("file", Arg::from(b.display().to_string()))]
                )
            )
            .map_err(io)?;
        }
        for f in &repaired.repaired {
            writeln!(
                out,
                "{}",
                ta("check-repaired", &[("what", Arg::from(check::describe(f)))])
            )
            .map_err(io)?;
        }
    }
    if remaining.is_ok() {
        writeln!(out, "{}", t("check-ok")).map_err(io)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut said = std::collections::HashSet::new();
    for f in &remaining.findings {
        let line = check::describe(f);
        if said.insert(line.clone()) {
            writeln!(out, "{line}").map_err(io)?;
        }
    }
    let hint = if !args.repair && remaining.findings.iter().any(|f| f.repairable()) {
        t("check-hint-repair")
    } else {
        t("check-hint-restore")
    };
    writeln!(out, "{hint}").map_err(io)?;
    Ok(ExitCode::FAILURE)
}
