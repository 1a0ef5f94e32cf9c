//! The `lotse` binary: parse the command line, then run the desktop app or a command.

use std::process::ExitCode;

fn main() -> ExitCode {
    lotse::cli::main()
}
