//! `vigil list`: the accounts, as a table or JSON; never a secret.

use serde::Serialize;
use vigil_vault::{Account, AccountId, VaultError};

use super::open_vault;
use crate::cli::ListArgs;
use crate::error::{CliError, failure};
use crate::terminal::printable;
use crate::words::{text, text_with};

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    issuer: &'a str,
    label: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    algorithm: &'a str,
    digits: u8,
    period: u64,
    counter: u64,
    favourite: bool,
    activity: Option<&'a str>,
    groups: &'a [String],
    /// `ok`, `missing` (no secret in the keychain) or `unknown` (keychain unavailable).
    secret: &'a str,
}

/// Lists the accounts; marks those whose secret is missing from the keychain. When the keychain
/// cannot be reached the list is still printed, with a warning.
pub fn run(args: ListArgs) -> Result<(), CliError> {
    let vault = open_vault()?;
    // `None`: the keychain could not be asked, so no account's secret can be vouched for.
    let (accounts, orphans): (Vec<Account>, Option<Vec<AccountId>>) = match vault.unlock() {
        Ok(unlocked) => (unlocked.accounts, Some(unlocked.orphans)),
        Err(error @ (VaultError::KeychainUnavailable(_) | VaultError::KeychainLocked)) => {
            eprintln!(
                "vigil: {}",
                text_with("cli-warning", &[("detail", error.to_string().into())])
            );
            (vault.accounts()?, None)
        }
        Err(other) => return Err(other.into()),
    };
    let accounts: Vec<Account> = match &args.group {
        Some(group) => accounts
            .into_iter()
            .filter(|a| {
                a.groups
                    .iter()
                    .any(|g| g.eq_ignore_ascii_case(group.trim()))
            })
            .collect(),
        None => accounts,
    };
    let status = |a: &Account| match &orphans {
        Some(orphans) if orphans.contains(&a.id) => "missing",
        Some(_) => "ok",
        None => "unknown",
    };
    if args.json {
        let rows: Vec<Row<'_>> = accounts
            .iter()
            .map(|a| Row {
                id: a.id.as_str(),
                issuer: &a.issuer,
                label: &a.label,
                kind: a.params.kind.as_str(),
                algorithm: a.params.algorithm.as_str(),
                digits: a.params.digits,
                period: a.params.period,
                counter: a.params.counter,
                favourite: a.favourite,
                activity: a.activity.as_deref(),
                groups: &a.groups,
                secret: status(a),
            })
            .collect();
        let text = serde_json::to_string_pretty(&rows).map_err(failure)?;
        println!("{text}");
        return Ok(());
    }
    if accounts.is_empty() {
        match &args.group {
            Some(group) => println!(
                "{}",
                text_with(
                    "cli-list-group-empty",
                    &[("group", printable(group).into_owned().into())]
                )
            ),
            None => println!("{}", text("cli-list-empty")),
        }
        return Ok(());
    }
    let width = |f: fn(&Account) -> usize| accounts.iter().map(f).max().unwrap_or(0);
    let [issuer, label, kind, digits, period] = [
        "cli-list-issuer",
        "cli-list-label",
        "cli-list-type",
        "cli-list-digits",
        "cli-list-period",
    ]
    .map(text);
    let issuer_width = width(|a| printable(&a.issuer).chars().count()).max(issuer.chars().count());
    let label_width = width(|a| printable(&a.label).chars().count()).max(label.chars().count());
    let kind_width = kind.chars().count().max(5);
    let digits_width = digits.chars().count().max(6);
    println!(
        "{issuer:issuer_width$}  {label:label_width$}  {kind:kind_width$}  {digits:digits_width$}  {period}"
    );
    let missing = text("cli-list-secret-missing");
    for a in &accounts {
        let period = if a.params.kind.is_timed() {
            format!("{}s", a.params.period)
        } else {
            format!("#{}", a.params.counter)
        };
        let note = match status(a) {
            "missing" => format!("  ({missing})"),
            _ => String::new(),
        };
        println!(
            "{:issuer_width$}  {:label_width$}  {:kind_width$}  {:digits_width$}  {:6}{note}",
            printable(&a.issuer),
            printable(&a.label),
            a.params.kind.as_str(),
            a.params.digits,
            period
        );
    }
    Ok(())
}
