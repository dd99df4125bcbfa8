//! `vigil add`: store accounts from an otpauth URI or a Google Authenticator export URI.

use vigil_core::{OtpUri, migration};
use vigil_vault::VaultError;

use super::open_vault;
use crate::cli::AddArgs;
use crate::error::CliError;

/// Adds what the URI holds and says what was added and what was skipped.
pub fn run(args: AddArgs) -> Result<(), CliError> {
    let text = args.uri.trim();
    if text.to_ascii_lowercase().starts_with("otpauth-migration:") {
        let batch = migration::decode(text)
            .map_err(|e| CliError::Input(format!("invalid export URI: {e}")))?;
        let mut vault = open_vault()?;
        let (mut added, mut skipped) = (0, 0);
        for uri in &batch.accounts {
            match vault.add(uri) {
                Ok(account) => {
                    added += 1;
                    println!("Added {}", account.display_name());
                }
                Err(VaultError::Duplicate { name }) => {
                    skipped += 1;
                    println!("Skipped {name}: already in Vigil");
                }
                Err(other) => return Err(other.into()),
            }
        }
        let part = if batch.size > 1 {
            format!(" (export code {} of {})", batch.index, batch.size)
        } else {
            String::new()
        };
        println!("{added} added, {skipped} skipped{part}");
        return Ok(());
    }
    let uri = OtpUri::parse(text)?;
    let account = open_vault()?.add(&uri)?;
    println!("Added {}", account.display_name());
    Ok(())
}
