//! `vigil remove`: delete an account and its keychain secret.

use std::io::{BufRead, IsTerminal, Write};

use super::open_vault;
use crate::cli::RemoveArgs;
use crate::error::CliError;
use crate::query::find_one;
use crate::words::{text, text_with};

/// Removes one account, after `--yes` or a "y" typed at a terminal.
pub fn run(args: RemoveArgs) -> Result<(), CliError> {
    let mut vault = open_vault()?;
    let account = find_one(vault.accounts()?, &args.query)?;
    let name = account.display_name();
    if !args.yes {
        if !std::io::stdin().is_terminal() {
            return Err(CliError::Input(text_with(
                "cli-error-remove-needs-yes",
                &[("name", name.clone().into())],
            )));
        }
        print!(
            "{} ",
            text_with("cli-remove-prompt", &[("name", name.clone().into())])
        );
        std::io::stdout().flush()?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !is_yes(answer.trim()) {
            println!("{}", text_with("cli-kept", &[("name", name.into())]));
            return Ok(());
        }
    }
    vault.remove(&account.id)?;
    println!("{}", text_with("cli-removed", &[("name", name.into())]));
    Ok(())
}

/// Whether an answer to the prompt says yes: "y" or "yes", or the language's own short and long
/// yes (`cli-yes-short`, `cli-yes-long`: "j"/"ja", "o"/"oui").
fn is_yes(answer: &str) -> bool {
    ["y", "yes"]
        .into_iter()
        .map(str::to_owned)
        .chain([text("cli-yes-short"), text("cli-yes-long")])
        .any(|yes| answer.eq_ignore_ascii_case(&yes))
}
