//! `vigil export --uris`: every account as an otpauth URI, unencrypted.

use std::io::{IsTerminal, Write};

use super::open_vault;
use crate::cli::ExportArgs;
use crate::error::CliError;

/// Prints one URI per line; warns on stderr, and refuses a terminal without `--yes`.
pub fn run(args: ExportArgs) -> Result<(), CliError> {
    eprintln!(
        "vigil: warning: this export is not encrypted; anyone who reads it can make your codes"
    );
    let stdout = std::io::stdout();
    if stdout.is_terminal() && !args.yes {
        return Err(CliError::Input(
            "not printing secrets to a terminal; redirect to a file or pass --yes".into(),
        ));
    }
    let vault = open_vault()?;
    let unlocked = vault.unlock()?;
    let mut out = stdout.lock();
    for account in &unlocked.accounts {
        let Some(secret) = unlocked.secrets.get(&account.id) else {
            eprintln!(
                "vigil: skipped {}: its secret is missing from the keychain",
                account.display_name()
            );
            continue;
        };
        let mut uri = vigil_core::OtpUri::new(
            &account.issuer,
            &account.label,
            secret.clone(),
            account.params,
        );
        uri.activity = account.activity.clone();
        let line = zeroize::Zeroizing::new(uri.to_uri_string());
        writeln!(out, "{}", line.as_str())?;
    }
    Ok(())
}
