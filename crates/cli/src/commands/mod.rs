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
mod sessions;

use vigil_vault::{Vault, VaultLocation};

use crate::cli::Command;
use crate::error::CliError;
use crate::words::{text, text_with};

/// Runs one subcommand; after one that changes the accounts, the automatic backup (when it is
/// on) is brought up to date.
pub fn run(command: Command) -> Result<(), CliError> {
    let changes = matches!(
        command,
        Command::Add(_)
            | Command::Remove(_)
            | Command::Rename(_)
            | Command::Import(_)
            | Command::Link(_)
            | Command::Unlink(_)
    );
    let result = dispatch(command);
    if changes && result.is_ok() {
        back_up_if_changed();
    }
    result
}

/// Makes the automatic backup if it is on and the accounts changed. A failure is said on
/// standard error (and kept for the app's Settings), but the change itself stands.
fn back_up_if_changed() {
    let outcome = open_vault().and_then(|mut vault| Ok(vault.backup_if_changed()?));
    if let Err(error) = outcome {
        eprintln!(
            "vigil: {}",
            text_with(
                "cli-warning-backup",
                &[("detail", error.to_string().into())]
            )
        );
    }
}

fn dispatch(command: Command) -> Result<(), CliError> {
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
        Command::Sessions(args) => sessions::list(args),
        Command::SignOut(args) => sessions::sign_out(args),
        Command::Secure(args) => sessions::secure(args),
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
    std::io::stdin().read_line(&mut line).map_err(|e| {
        CliError::Input(text_with(
            "cli-error-uri-stdin",
            &[("detail", e.to_string().into())],
        ))
    })?;
    let uri = zeroize::Zeroizing::new(line.trim().to_owned());
    if uri.is_empty() {
        return Err(CliError::Input(text("cli-error-uri-stdin-empty")));
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
