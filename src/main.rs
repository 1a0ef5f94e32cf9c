//! The `lotse` binary: parse the command line, then run a command or, when none is given,
//! the desktop app (built with the default feature `gui`).

use std::path::PathBuf;
use std::process::ExitCode;

use lotse::cli::{self, LangArg};

fn main() -> ExitCode {
    let args = cli::parse();
    let result = match args.command {
        Some(command) => cli::run(args.db, args.lang, command),
        None => desktop(args.db, args.lang),
    };
    cli::exit_code(result)
}

/// No command: the desktop app on the database `db`.
#[cfg(feature = "gui")]
fn desktop(db: Option<PathBuf>, lang: Option<LangArg>) -> lotse::Result<ExitCode> {
    let path = cli::db_path(db)?;
    lotse::app::run(path, cli::language(lang)).map(|()| ExitCode::SUCCESS)
}

/// No command in a build without the app (`--no-default-features`): say so and point to
/// the commands.
#[cfg(not(feature = "gui"))]
fn desktop(_db: Option<PathBuf>, lang: Option<LangArg>) -> lotse::Result<ExitCode> {
    if let Some(lang) = cli::language(lang) {
        lotse::i18n::set_language(lang);
    }
    eprintln!("{}", lotse::i18n::t("cli-no-desktop-app"));
    Ok(ExitCode::FAILURE)
}
