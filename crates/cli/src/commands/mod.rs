//! One module per subcommand; [`run`] dispatches.

mod activity;
mod add;
mod code;
mod export;
mod generate;
mod import;
mod list;
mod password;
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
        Command::Import(args) => import::run(args),
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

/// The URI an `--uri` argument gives: the argument itself, or, for `-`, one line read from
/// standard input (so the secret never shows in the process list or the shell's history).
fn uri_argument(argument: &str) -> Result<zeroize::Zeroizing<String>, CliError> {
    if argument != "-" {
        return Ok(zeroize::Zeroizing::new(argument.to_owned()));
    }
    let mut line = zeroize::Zeroizing::new(String::new());
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| CliError::Input(format!("could not read the URI from standard input: {e}")))?;
    let uri = zeroize::Zeroizing::new(line.trim().to_owned());
    if uri.is_empty() {
        return Err(CliError::Input(
            "--uri - reads the URI from standard input, but it was empty".into(),
        ));
    }
    Ok(uri)
}

/// Now, in Unix seconds.
fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}
