//! Finding the one account a query names.

use vigil_vault::Account;

use crate::error::CliError;
use crate::words::text_with;

/// The one account `query` names: an exact issuer, label, `Issuer:label` or id wins; otherwise
/// the only account whose issuer or label contains it (case-insensitive). Ambiguous or no match:
/// an input error listing the candidates.
pub fn find_one(accounts: Vec<Account>, query: &str) -> Result<Account, CliError> {
    let needle = query.trim().to_lowercase();
    let exact: Vec<&Account> = accounts
        .iter()
        .filter(|a| {
            let issuer = a.issuer.to_lowercase();
            let label = a.label.to_lowercase();
            issuer == needle
                || label == needle
                || format!("{issuer}:{label}") == needle
                || a.id.as_str() == query.trim()
        })
        .collect();
    let candidates: Vec<&Account> = if exact.is_empty() {
        accounts
            .iter()
            .filter(|a| {
                a.issuer.to_lowercase().contains(&needle)
                    || a.label.to_lowercase().contains(&needle)
            })
            .collect()
    } else {
        exact
    };
    match candidates.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(CliError::Input(text_with(
            "cli-error-no-match",
            &[("query", query.into())],
        ))),
        many => {
            let names: Vec<String> = many
                .iter()
                .map(|a| format!("  {}:{}", a.issuer, a.label))
                .collect();
            Err(CliError::Input(text_with(
                "cli-error-many-match",
                &[
                    ("query", query.into()),
                    ("count", many.len().into()),
                    ("names", names.join("\n").into()),
                ],
            )))
        }
    }
}
