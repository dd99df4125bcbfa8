//! `vigil add`: store accounts from an otpauth URI or a Google Authenticator export URI.

use vigil_core::qr::{Found, Payload};
use vigil_core::{OtpUri, migration};
use vigil_vault::VaultError;

use super::{activity, open_vault, scan, uri_argument};
use crate::cli::AddArgs;
use crate::error::CliError;
use crate::words::{text, text_with};
use vigil_i18n::Arg;

/// Adds what the URI or the image's QR codes hold; says what was added and what was skipped.
pub fn run(args: AddArgs) -> Result<(), CliError> {
    let uri_text = args.uri.as_deref().map(uri_argument).transpose()?;
    let mut accounts = match (&uri_text, &args.qr) {
        (Some(text), _) => from_text(text)?,
        (None, Some(file)) => enrolments(&file.display().to_string(), scan::scan_file(file)?)?,
        (None, None) if args.screen => enrolments(&text("cli-source-screen"), scan::screen()?)?,
        (None, None) if args.clipboard => {
            enrolments(&text("cli-source-clipboard"), scan::clipboard()?)?
        }
        (None, None) => {
            return Err(CliError::Input(text("cli-error-add-source")));
        }
    };
    let links = activity::links_of(&mut accounts, args.no_link);
    let mut vault = open_vault()?;
    let plain_uri = uri_text.as_deref().is_some_and(|t| {
        !t.trim()
            .to_ascii_lowercase()
            .starts_with("otpauth-migration:")
    });
    if let ([single], true) = (accounts.as_slice(), plain_uri) {
        let account = vault.add(single)?;
        println!(
            "{}",
            text_with("cli-added", &[("name", account.display_name().into())])
        );
        activity::say_linked(&links);
        return Ok(());
    }
    let (mut added, mut skipped) = (0, 0);
    for uri in &accounts {
        match vault.add(uri) {
            Ok(account) => {
                added += 1;
                println!(
                    "{}",
                    text_with("cli-added", &[("name", account.display_name().into())])
                );
            }
            Err(VaultError::Duplicate { name }) => {
                skipped += 1;
                println!("{}", text_with("cli-skipped", &[("name", name.into())]));
            }
            Err(other) => return Err(other.into()),
        }
    }
    println!(
        "{}",
        text_with(
            "cli-added-skipped",
            &[("added", added.into()), ("skipped", skipped.into())],
        )
    );
    activity::say_linked(&links);
    if args.clipboard && added > 0 {
        clear_pasted_link();
    }
    Ok(())
}

/// Clears an otpauth link from the clipboard once its accounts are added, and says so.
fn clear_pasted_link() {
    if let Ok(true) = vigil_capture::clear_clipboard_otp_link() {
        println!("{}", text("cli-clipboard-cleared"));
    }
}

/// The accounts of an otpauth URI (one) or a Google Authenticator export URI (all of its batch).
fn from_text(text: &str) -> Result<Vec<OtpUri>, CliError> {
    let text = text.trim();
    if text.to_ascii_lowercase().starts_with("otpauth-migration:") {
        let batch = migration::decode(text).map_err(|e| {
            CliError::Input(text_with(
                "cli-error-invalid-export-uri",
                &[("detail", e.to_string().into())],
            ))
        })?;
        if batch.size > 1 {
            say_batch(batch.index, batch.size);
        }
        return Ok(batch.accounts);
    }
    Ok(vec![OtpUri::parse(text)?])
}

/// The accounts of every enrolment QR code found in `source`; other QR codes are reported and
/// skipped.
fn enrolments(source: &str, found: Vec<Found>) -> Result<Vec<OtpUri>, CliError> {
    let mut accounts = Vec::new();
    let mut refused = Vec::new();
    for found in found {
        match found.payload {
            Payload::Account(uri) => accounts.push(uri),
            Payload::Export(batch) => {
                if batch.size > 1 {
                    say_batch(batch.index, batch.size);
                }
                accounts.extend(batch.accounts);
            }
            Payload::NotEnrolment(why) => refused.push(why),
        }
    }
    if accounts.is_empty() {
        return Err(CliError::Input(format!("{source}: {}", refused.join("; "))));
    }
    for why in refused {
        eprintln!(
            "vigil: {}",
            text_with("cli-skipped-qr", &[("detail", why.into())])
        );
    }
    Ok(accounts)
}

/// Says which code of a Google Authenticator export this was ("2 of 3").
fn say_batch(index: impl Into<Arg>, size: impl Into<Arg>) {
    println!(
        "{}",
        text_with(
            "cli-export-batch",
            &[("index", index.into()), ("size", size.into())],
        )
    );
}
