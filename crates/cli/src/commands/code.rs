//! `vigil code`: the current code of an account or of a URI.

use vigil_core::OtpUri;

use super::{now, open_vault, uri_argument};
use crate::cli::CodeArgs;
use crate::error::CliError;
use crate::query::find_one;
use crate::words::text_with;

/// Prints the code, nothing else, so scripts can use it.
pub fn run(args: CodeArgs) -> Result<(), CliError> {
    let at = args.at.unwrap_or_else(now);
    if let Some(text) = &args.uri {
        let text = uri_argument(text)?;
        let uri = OtpUri::parse(&text)?;
        println!("{}", uri.params.code_at(&uri.secret, at));
        return Ok(());
    }
    let query = args.query.unwrap_or_default();
    let mut vault = open_vault()?;
    let mut account = find_one(vault.accounts()?, &query)?;
    if args.next {
        if account.params.kind.is_timed() {
            return Err(CliError::Input(text_with(
                "cli-error-next-on-totp",
                &[("name", account.display_name().into())],
            )));
        }
        account = vault.advance_counter(&account.id)?;
    }
    let secret = vault.secret(&account)?;
    println!("{}", account.params.code_at(&secret, at));
    Ok(())
}
