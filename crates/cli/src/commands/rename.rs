//! `vigil rename`: change an account's issuer or label.

use super::open_vault;
use crate::cli::RenameArgs;
use crate::error::CliError;
use crate::query::find_one;
use crate::words::text_with;

/// Renames one account; what is not given stays as it was.
pub fn run(args: RenameArgs) -> Result<(), CliError> {
    let mut vault = open_vault()?;
    let account = find_one(vault.accounts()?, &args.query)?;
    let issuer = args.issuer.unwrap_or_else(|| account.issuer.clone());
    let label = args.label.unwrap_or_else(|| account.label.clone());
    let renamed = vault.rename(&account.id, &issuer, &label)?;
    println!(
        "{}",
        text_with(
            "cli-renamed",
            &[
                ("old", account.display_name().into()),
                ("new", renamed.display_name().into()),
            ],
        )
    );
    Ok(())
}
