//! `vigil add`: store accounts from an otpauth URI or a Google Authenticator export URI.

use vigil_core::qr::Payload;
use vigil_core::{OtpUri, migration};
use vigil_vault::VaultError;

use super::open_vault;
use crate::cli::AddArgs;
use crate::error::CliError;

/// Adds what the URI or the image's QR codes hold; says what was added and what was skipped.
pub fn run(args: AddArgs) -> Result<(), CliError> {
    let accounts = match (&args.uri, &args.qr) {
        (Some(text), _) => from_text(text)?,
        (None, Some(file)) => from_image(file)?,
        (None, None) => return Err(CliError::Input("give --uri or --qr".into())),
    };
    let mut vault = open_vault()?;
    let plain_uri = args.uri.as_deref().is_some_and(|t| {
        !t.trim()
            .to_ascii_lowercase()
            .starts_with("otpauth-migration:")
    });
    if let ([single], true) = (accounts.as_slice(), plain_uri) {
        let account = vault.add(single)?;
        println!("Added {}", account.display_name());
        return Ok(());
    }
    let (mut added, mut skipped) = (0, 0);
    for uri in &accounts {
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
    println!("{added} added, {skipped} skipped");
    Ok(())
}

/// The accounts of an otpauth URI (one) or a Google Authenticator export URI (all of its batch).
fn from_text(text: &str) -> Result<Vec<OtpUri>, CliError> {
    let text = text.trim();
    if text.to_ascii_lowercase().starts_with("otpauth-migration:") {
        let batch = migration::decode(text)
            .map_err(|e| CliError::Input(format!("invalid export URI: {e}")))?;
        if batch.size > 1 {
            println!(
                "Google Authenticator export code {} of {}",
                batch.index, batch.size
            );
        }
        return Ok(batch.accounts);
    }
    Ok(vec![OtpUri::parse(text)?])
}

/// The accounts of every enrolment QR code in an image; other QR codes are reported and skipped.
fn from_image(file: &std::path::Path) -> Result<Vec<OtpUri>, CliError> {
    let mut accounts = Vec::new();
    let mut refused = Vec::new();
    for found in super::scan::scan_file(file)? {
        match found.payload {
            Payload::Account(uri) => accounts.push(uri),
            Payload::Export(batch) => {
                if batch.size > 1 {
                    println!(
                        "Google Authenticator export code {} of {}",
                        batch.index, batch.size
                    );
                }
                accounts.extend(batch.accounts);
            }
            Payload::NotEnrolment(why) => refused.push(why),
        }
    }
    if accounts.is_empty() {
        return Err(CliError::Input(format!(
            "{}: {}",
            file.display(),
            refused.join("; ")
        )));
    }
    for why in refused {
        eprintln!("vigil: skipped a QR code: {why}");
    }
    Ok(accounts)
}
