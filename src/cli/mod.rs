//! The headless commands. [`parse`] reads the command line, [`run`] opens the store and
//! runs a command, [`exit_code`] reports the outcome. Starting the desktop app when no
//! command is given is `main.rs`'s choice: this module does not know the app.

mod audit;
mod certs;
mod keys;
mod people;
mod planning;
mod privacy;
mod renewals;
mod report;
mod retention;
mod safety;
mod training;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use serde_json::Value;

use crate::error::{Error, Result};
use crate::i18n::{self, Arg, Lang, t, ta};
use crate::service::Database;

#[derive(Debug, Parser)]
#[command(name = "lotse", version)]
pub struct Cli {
    /// The database file.
    #[arg(long, global = true, env = "LOTSE_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// The language of messages and output.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    De,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::De => Lang::De,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, ValueEnum, PartialEq, Eq)]
pub enum Format {
    #[default]
    Table,
    Csv,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fill an empty database with a sample administration.
    Demo(DemoArgs),
    /// Import a spreadsheet.
    #[command(subcommand)]
    Import(people::ImportCommand),
    /// Employees.
    #[command(subcommand)]
    Employees(people::EmployeesCommand),
    /// Departments.
    #[command(subcommand)]
    Departments(people::DepartmentsCommand),
    /// Certification programs.
    #[command(subcommand)]
    Programs(certs::ProgramsCommand),
    /// Who meets a program's requirements.
    Eligible(certs::EligibleArgs),
    /// Issue certificates.
    Issue(certs::IssueArgs),
    /// Issued certificates.
    #[command(subcommand)]
    Certificates(certs::CertificatesCommand),
    /// Certificates that expired or run out soon, and what renewal needs; reminder drafts.
    Renewals(renewals::RenewalsArgs),
    /// Print certificates as PDF.
    Print(certs::PrintArgs),
    /// Check a certificate's verification code.
    Verify {
        /// The code as printed (e.g. K7QM-3XHP-9TRD) or the text of the QR code.
        code: String,
        /// Check a signed QR text without a database, with the public keys in this file.
        #[arg(long, value_name = "FILE")]
        public_key: Option<PathBuf>,
        /// Also check against this signed revocation list.
        #[arg(long, value_name = "FILE", requires = "public_key")]
        revocations: Option<PathBuf>,
    },
    /// The signing keys of certificates.
    #[command(subcommand)]
    Keys(keys::KeysCommand),
    /// Reports: coverage per department, training hours.
    #[command(subcommand)]
    Report(report::ReportCommand),
    /// Export reports and lists as CSV, XLSX (and coverage as PDF).
    #[command(subcommand)]
    Export(report::ExportCommand),
    /// The seminar catalogue.
    #[command(subcommand)]
    Seminars(training::SeminarsCommand),
    /// Dated sessions of the seminars.
    #[command(subcommand)]
    Sessions(training::SessionsCommand),
    /// Which seminars a program's people still lack; register them for a session.
    Needs(planning::NeedsArgs),
    /// Attendance at sessions.
    #[command(subcommand)]
    Attendance(training::AttendanceCommand),
    /// Take a backup (into the backups folder beside the database, or to a file).
    Backup(safety::BackupArgs),
    /// The backups beside the database.
    #[command(subcommand)]
    Backups(safety::BackupsCommand),
    /// Replace the database by a backup (the current state is backed up first).
    Restore(safety::RestoreArgs),
    /// Check the database (SQLite's checks and Lotse's rules) and repair what is safe.
    Check(safety::CheckArgs),
    /// The audit log: who changed what, when.
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Personal data of one employee (DSGVO): export (Art. 15) and erasure (Art. 17).
    #[command(subcommand)]
    Privacy(privacy::PrivacyCommand),
    /// Copy the whole database into an empty one (a PostgreSQL URL or a new file).
    MigrateTo {
        /// Where to: postgres://user@host/database, or a file.
        target: PathBuf,
    },
    /// Create the roles lotse_officer and lotse_reader on a PostgreSQL database (as owner).
    SetupRoles,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Number of employees.
    #[arg(long, default_value_t = 400)]
    pub employees: usize,
    /// Seed: the same seed gives the same administration.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// Builds the clap command with its help texts in the current language.
pub fn command() -> clap::Command {
    localize(Cli::command(), "cli")
}

/// Replaces `about` and argument help by the texts `cli-…-about` and `cli-…-<arg>`
/// where the i18n files have them.
fn localize(mut cmd: clap::Command, path: &str) -> clap::Command {
    let about_key = format!("{path}-about");
    let about = t(&about_key);
    if about != about_key {
        cmd = cmd.about(about);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for id in ids {
        // A command's own text ("cli-print-arg-all") wins over the shared one ("cli-arg-all").
        let name = id.replace('_', "-");
        let keys = [format!("{path}-arg-{name}"), format!("cli-arg-{name}")];
        if let Some(help) = keys
            .iter()
            .map(|k| (k, t(k)))
            .find(|(k, h)| h != *k)
            .map(|(_, h)| h)
        {
            cmd = cmd.mut_arg(id.as_str(), |a| a.help(help));
        }
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for sub in subs {
        let sub_path = format!("{path}-{sub}");
        cmd = cmd.mut_subcommand(sub.as_str(), |s| localize(s, &sub_path));
    }
    cmd
}

/// Sets the language of messages (`LOTSE_LANG`, else the system's), parses the command
/// line (printing help or a usage error and exiting where clap says so) and starts the log.
pub fn parse() -> Cli {
    let early_lang = env_language().unwrap_or_else(Lang::from_system);
    i18n::set_language(early_lang);
    let matches = command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    // The technical detail of an error shown to the user goes to the log file, not to
    // the screen (see `crate::logging`).
    crate::logging::init();
    log::info!("lotse {} started", env!("CARGO_PKG_VERSION"));
    cli
}

/// The process's exit code for the outcome of a command (or of the app): an error is said
/// in the user's words on stderr, its technical detail goes to the log.
pub fn exit_code(result: Result<ExitCode>) -> ExitCode {
    match result {
        Ok(code) => code,
        // The reader went away (`lotse … | head`): not an error.
        Err(Error::File { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            // Logs the technical detail (`Display`), then says it in the user's words.
            let message = e.user_message();
            eprintln!("{}: {message}", t("cli-error"));
            ExitCode::FAILURE
        }
    }
}

/// The language the user asked for: `--lang`, else `LOTSE_LANG` (if it names one Lotse
/// speaks). `None` leaves the choice to the settings or the system.
pub fn language(arg: Option<LangArg>) -> Option<Lang> {
    arg.map(Lang::from).or_else(env_language)
}

/// The language `LOTSE_LANG` names, if it names one Lotse speaks.
fn env_language() -> Option<Lang> {
    std::env::var("LOTSE_LANG")
        .ok()
        .and_then(|l| Lang::from_code(&l))
}

/// The database path: `--db`, else `LOTSE_DB` (clap reads both), else the one last opened
/// in the app, else the default file in the data directory (see `service::places`).
pub fn db_path(cli_db: Option<PathBuf>) -> Result<PathBuf> {
    cli_db
        .or_else(crate::service::places::default_target)
        .ok_or_else(|| Error::Message(t("cli-no-data-dir")))
}

/// Runs a command on the database `db` (see [`db_path`]) in the language `lang` (else the
/// settings').
pub fn run(db: Option<PathBuf>, lang: Option<LangArg>, command: Command) -> Result<ExitCode> {
    // Checking with a key file opens no database at all.
    if let Command::Verify {
        code,
        public_key: Some(key_file),
        revocations,
    } = &command
    {
        if let Some(lang) = language(lang) {
            i18n::set_language(lang);
        }
        let mut out = std::io::stdout().lock();
        return keys::verify_offline(code, key_file, revocations.as_deref(), &mut out);
    }
    let path = db_path(db)?;
    // These work also on a file that cannot be opened (damaged, missing): they are how
    // a user gets back to a good state.
    match command {
        Command::Restore(args) => {
            return safety::restore(&path, &args, &mut std::io::stdout().lock());
        }
        Command::Backups(safety::BackupsCommand::List { format }) => {
            return safety::list(&path, format, &mut std::io::stdout().lock());
        }
        Command::Check(args) => {
            require_file(&path)?;
            return safety::check_db(&path, &args, &mut std::io::stdout().lock());
        }
        _ => {}
    }
    // Only commands that fill a database may start a new one: a mistyped path in a
    // nightly script must not "succeed" on an empty file.
    let may_create = matches!(command, Command::Demo(_) | Command::Import(_));
    if !may_create {
        require_file(&path)?;
    }
    let opening = std::time::Instant::now();
    let mut database = Database::open(&path)?;
    log::debug!("opened in {:?}", opening.elapsed());
    // For scripts and tests that must not depend on the real date.
    if let Ok(text) = std::env::var("LOTSE_TODAY") {
        let today = i18n::parse_date(&text).ok_or_else(|| {
            Error::Message(ta("cli-bad-today", &[("value", Arg::from(text.as_str()))]))
        })?;
        database.set_clock(std::sync::Arc::new(crate::store::FixedClock::on(today)));
    }
    // --lang, else LOTSE_LANG ("de", "de_DE.UTF-8", … ; anything else is ignored), else the settings.
    let lang =
        language(lang).or_else(|| crate::service::settings::language(&database).ok().flatten());
    if let Some(lang) = lang {
        i18n::set_language(lang);
    }
    let mut out = std::io::stdout().lock();
    let changes_before = database.total_changes();
    let code = run_command(&mut database, command, &mut out)?;
    drop(out);
    // The first change of a day is followed by the day's backup (a nightly script's too).
    if database.total_changes() > changes_before
        && let Err(e) = crate::service::backup::daily_if_due(&database)
    {
        log::warn!("daily backup failed: {e}");
        eprintln!(
            "{}",
            ta(
                "cli-daily-backup-failed",
                &[("reason", Arg::from(e.reason()))]
            )
        );
    }
    Ok(code)
}

/// Refuses a database path that does not exist: a mistyped path in a nightly script must
/// not "succeed" on an empty file.
fn require_file(path: &Path) -> Result<()> {
    if path.exists() || crate::service::server_url(path).is_some() {
        Ok(())
    } else {
        Err(Error::Message(ta(
            "cli-no-database",
            &[("path", Arg::from(path.display().to_string()))],
        )))
    }
}

fn run_command(db: &mut Database, command: Command, mut out: &mut impl Write) -> Result<ExitCode> {
    let path = db.path().unwrap_or_default();
    match command {
        Command::Backup(args) => safety::backup(db, &args, &mut out),
        Command::Backups(safety::BackupsCommand::List { format }) => {
            safety::list(&path, format, &mut out)
        }
        Command::Restore(args) => safety::restore(&path, &args, &mut out),
        Command::Check(args) => safety::check_db(&path, &args, &mut out),
        Command::Audit(cmd) => audit::run(db, cmd, &mut out),
        Command::Privacy(cmd) => privacy::run(db, cmd, &mut out),
        Command::Demo(args) => demo(db, &args, &mut out),
        Command::Import(people::ImportCommand::Employees {
            file,
            dry_run,
            create_departments,
        }) => people::import_employees(db, &file, dry_run, create_departments, &mut out),
        Command::Import(people::ImportCommand::Attendance {
            file,
            session,
            dry_run,
        }) => people::import_attendance(db, &file, session, dry_run, &mut out),
        Command::Employees(people::EmployeesCommand::List {
            department,
            all,
            format,
        }) => people::list_employees(db, department.as_deref(), all, format, &mut out),
        Command::Employees(people::EmployeesCommand::Delete {
            personnel_number,
            yes,
        }) => people::delete_employee(db, &personnel_number, yes, &mut out),
        Command::Departments(people::DepartmentsCommand::List { format }) => {
            people::list_departments(db, format, &mut out)
        }
        Command::Programs(certs::ProgramsCommand::List { format }) => {
            certs::list_programs(db, format, &mut out)
        }
        Command::Eligible(args) => certs::eligible(db, &args, &mut out),
        Command::Issue(args) => certs::issue(db, &args, &mut out),
        Command::Certificates(certs::CertificatesCommand::List {
            department,
            program,
            format,
        }) => certs::list_certificates(
            db,
            department.as_deref(),
            program.as_deref(),
            format,
            &mut out,
        ),
        Command::Renewals(args) => renewals::run(db, &args, &mut out),
        Command::Print(args) => certs::print(db, &args, &mut out),
        Command::Verify { code, .. } => certs::verify(db, &code, &mut out),
        Command::Keys(cmd) => keys::run(db, cmd, &mut out),
        Command::Report(cmd) => report::run_report(db, cmd, &mut out),
        Command::Export(cmd) => report::run_export(db, cmd, &mut out),
        Command::Seminars(training::SeminarsCommand::List { all, format }) => {
            training::list_seminars(db, all, format, &mut out)
        }
        Command::Sessions(training::SessionsCommand::List {
            seminar,
            from,
            to,
            format,
        }) => training::list_sessions(
            db,
            seminar.as_deref(),
            from.as_deref(),
            to.as_deref(),
            format,
            &mut out,
        ),
        Command::Sessions(training::SessionsCommand::Ics(args)) => {
            training::ics(db, &args, &mut out)
        }
        Command::Sessions(training::SessionsCommand::Waitlist { id, format }) => {
            planning::waitlist(db, id, format, &mut out)
        }
        Command::Needs(args) => planning::run(db, args, &mut out),
        Command::Attendance(training::AttendanceCommand::Record(args)) => {
            training::record(db, &args, &mut out)
        }
        Command::MigrateTo { target } => migrate_to(db, &target, &mut out),
        Command::SetupRoles => {
            crate::service::migrate::setup_roles(db)?;
            writeln!(out, "{}", t("cli-roles-done")).map_err(io)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `lotse migrate-to TARGET`: the copy, and what it holds.
fn migrate_to(db: &Database, target: &Path, out: &mut impl Write) -> Result<ExitCode> {
    let counts = crate::service::migrate::copy_to(db, target)?;
    let shown = crate::service::server_url(target)
        .map(crate::store::display_url)
        .unwrap_or_else(|| target.display().to_string());
    writeln!(
        out,
        "{}",
        ta(
            "cli-migrated",
            &[
                ("target", Arg::from(shown)),
                ("employees", Arg::from(counts.domain.employees)),
                ("attendance", Arg::from(counts.domain.attendance)),
                ("certificates", Arg::from(counts.domain.certificates)),
                ("audit", Arg::from(counts.audit)),
            ],
        )
    )
    .map_err(io)?;
    Ok(ExitCode::SUCCESS)
}

fn io(e: std::io::Error) -> Error {
    Error::file("<stdout>", e)
}

fn demo(db: &mut Database, args: &DemoArgs, out: &mut impl Write) -> Result<ExitCode> {
    let options = crate::service::demo::DemoOptions {
        employees: args.employees,
        seed: args.seed,
    };
    let summary = crate::service::demo::generate(db, &options, &mut |_| true)?;
    writeln!(out, "{}", summary.describe()).map_err(io)?;
    Ok(ExitCode::SUCCESS)
}

fn yes_no(b: bool) -> String {
    t(if b { "cli-yes" } else { "cli-no" })
}

/// Prints a list as an aligned table, CSV (with a header row) or one JSON array.
pub fn print_list(
    format: Format,
    headers: &[String],
    rows: &[Vec<String>],
    json_rows: Vec<Value>,
    out: &mut impl Write,
) -> Result<()> {
    match format {
        // Built in memory, then written: a write error stays an I/O error (a closed
        // pipe is not reported as a failure).
        // Streamed: a long list is never held twice (values and text) in memory. A write
        // error stays an I/O error, so that a closed pipe is not reported as a failure.
        Format::Json => {
            let mut buffered = std::io::BufWriter::new(&mut *out);
            serde_json::to_writer_pretty(&mut buffered, &json_rows).map_err(|e| {
                match e.io_error_kind() {
                    Some(kind) => io(std::io::Error::from(kind)),
                    None => Error::Message(e.to_string()),
                }
            })?;
            writeln!(buffered).map_err(io)?;
            buffered.flush().map_err(io)?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let neutral = |s: &String| crate::report::csv_safe(s);
            w.write_record(headers.iter().map(neutral))
                .map_err(|e| Error::Message(e.to_string()))?;
            for row in rows {
                w.write_record(row.iter().map(neutral))
                    .map_err(|e| Error::Message(e.to_string()))?;
            }
            let bytes = w.into_inner().map_err(|e| Error::Message(e.to_string()))?;
            out.write_all(&bytes).map_err(io)?;
            out.flush().map_err(io)?;
        }
        Format::Table => {
            let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
            for row in rows {
                for (w, cell) in widths.iter_mut().zip(row) {
                    *w = (*w).max(cell.chars().count());
                }
            }
            let line = |cells: &[String]| {
                cells
                    .iter()
                    .zip(&widths)
                    .map(|(c, w)| format!("{c:<w$}"))
                    .collect::<Vec<_>>()
                    .join("  ")
                    .trim_end()
                    .to_owned()
            };
            writeln!(out, "{}", line(headers)).map_err(io)?;
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            writeln!(out, "{}", line(&rule)).map_err(io)?;
            for row in rows {
                writeln!(out, "{}", line(row)).map_err(io)?;
            }
            writeln!(
                out,
                "{}",
                ta("cli-row-count", &[("count", Arg::from(rows.len()))])
            )
            .map_err(io)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and every argument of `lotse` has its text in the i18n files, so
    /// that `--help` speaks the user's language throughout (the doc comments above are
    /// English and would otherwise show through).
    #[test]
    fn every_command_and_argument_has_its_text_in_both_languages() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            let about = format!("{path}-about");
            if path != "cli" && t(&about) == about {
                missing.push(about);
            }
            for arg in cmd.get_arguments() {
                let name = arg.get_id().as_str().replace('_', "-");
                if name == "help" || name == "version" {
                    continue;
                }
                let own = format!("{path}-arg-{name}");
                let shared = format!("cli-arg-{name}");
                if t(&own) == own && t(&shared) == shared {
                    missing.push(own);
                }
            }
            for sub in cmd.get_subcommands() {
                if sub.get_name() != "help" {
                    walk(sub, &format!("{path}-{}", sub.get_name()), missing);
                }
            }
        }
        for lang in [Lang::De, Lang::En] {
            i18n::set_thread_language(lang);
            let mut missing = Vec::new();
            walk(&Cli::command(), "cli", &mut missing);
            assert!(missing.is_empty(), "{lang:?}: no text for {missing:?}");
        }
    }
}
