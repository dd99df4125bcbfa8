//! One module per subcommand; [`run`] dispatches.

mod activity;
mod add;
mod code;
mod export;
mod generate;
mod list;
mod remove;
mod rename;
mod scan;

use vigil_vault::{Vault, VaultLocation};

use crate::cli::Command;
use crate::error::CliError;

/// Runs one subcommand.
pub fn run(command: Command) -> Result<(), CliError> {
    match command {
        Command::Code(args) => code::run(args),
        Command::Add(args) => add::run(args),
        Command::List(args) => list::run(args),
        Command::Remove(args) => remove::run(args),
        Command::Rename(args) => rename::run(args),
        Command::Export(args) => export::run(args),
        Command::Scan(args) => scan::run(args),
        Command::Link(args) => activity::link(args),
        Command::Unlink(args) => activity::unlink(args),
        Command::Activity(args) => activity::show(args),
        Command::Verdict(args) => activity::verdict(args),
        Command::Generate(args) => generate::run(args),
    }
}

/// The vault named by the environment, secrets in the OS keychain.
fn open_vault() -> Result<Vault, CliError> {
    Ok(Vault::open_keychain(&VaultLocation::from_env())?)
}

/// Now, in Unix seconds.
fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}
