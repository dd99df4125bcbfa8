//! `vigil remove`: delete an account and its keychain secret.

use std::io::{BufRead, IsTerminal, Write};

use super::open_vault;
use crate::cli::RemoveArgs;
use crate::error::CliError;
use crate::query::find_one;

/// Removes one account, after `--yes` or a "y" typed at a terminal.
pub fn run(args: RemoveArgs) -> Result<(), CliError> {
    let mut vault = open_vault()?;
    let account = find_one(vault.accounts()?, &args.query)?;
    let name = account.display_name();
    if !args.yes {
        if !std::io::stdin().is_terminal() {
            return Err(CliError::Input(format!(
                "not removing {name} without --yes (its codes would stop working here)"
            )));
        }
        print!("Remove {name}? Its codes will stop working in Vigil. [y/N] ");
        std::io::stdout().flush()?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !answer.trim().eq_ignore_ascii_case("y") && !answer.trim().eq_ignore_ascii_case("yes") {
            println!("Kept {name}.");
            return Ok(());
        }
    }
    vault.remove(&account.id)?;
    println!("Removed {name}");
    Ok(())
}
