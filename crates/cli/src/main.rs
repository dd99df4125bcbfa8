//! The `vigil` command: prints codes and manages the accounts of the same vault the app uses.
//!
//! Exit status: 0 on success, 2 on bad input or usage, 1 on any other failure; messages go to
//! stderr, results to stdout. Sentences are in the system's language or `VIGIL_LANG`'s
//! ([`words`]); `--help` and usage errors are clap's, in English.

mod cli;
mod commands;
mod error;
mod query;
mod terminal;
mod words;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::Cli;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // clap prints help and version to stdout with status 0, usage errors with status 2.
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    match commands::run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("vigil: {error}");
            ExitCode::from(error.exit_status())
        }
    }
}
