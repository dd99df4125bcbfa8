//! `vigil link`, `unlink`, `activity` and `verdict`: an account's activity feed, read and answered
//! with requests signed by the key derived from its secret (through `vigil-activity`).

use std::time::Duration;

use serde::Serialize;
use vigil_activity::{ActivityClient, ActivityError, FeedLink, words};
use vigil_core::activity::{AccountState, Event, Verdict};
use vigil_core::{OtpUri, Secret};
use vigil_vault::{Account, Vault};

use tokio::runtime::Runtime;

use super::open_vault;
use crate::cli::{ActivityArgs, LinkArgs, UnlinkArgs, VerdictArgs, VerdictChoice};
use crate::error::CliError;
use crate::query::find_one;
use crate::terminal::printable;

/// The hosts of the feeds the accounts to add will be linked to (checked links only). A link
/// that fails the check is dropped with a warning; `--no-link` drops them all.
pub fn links_of(accounts: &mut [OtpUri], no_link: bool) -> Vec<String> {
    let mut hosts = Vec::new();
    for uri in accounts {
        let Some(text) = uri.activity.take() else {
            continue;
        };
        if no_link {
            continue;
        }
        match FeedLink::parse(&text) {
            Ok(link) => {
                hosts.push(link.host());
                uri.activity = Some(link.as_str().to_owned());
            }
            Err(error) => eprintln!("vigil: not linked: {error}"),
        }
    }
    hosts
}

/// Says which feeds were linked, and how to see them.
pub fn say_linked(hosts: &[String]) {
    for host in hosts {
        println!(
            "Linked to its activity at {host} (see it with `vigil activity`; --no-link skips this)"
        );
    }
}

/// `vigil link QUERY URL`.
pub fn link(args: LinkArgs) -> Result<(), CliError> {
    let link = FeedLink::parse(&args.url).map_err(|e| CliError::Input(e.to_string()))?;
    let mut vault = open_vault()?;
    let account = find_one(vault.accounts()?, &args.query)?;
    vault.set_activity(&account.id, Some(link.as_str()))?;
    println!(
        "Linked {} to its activity at {}",
        printable(&account.display_name()),
        link.host()
    );
    Ok(())
}

/// `vigil unlink QUERY`.
pub fn unlink(args: UnlinkArgs) -> Result<(), CliError> {
    let mut vault = open_vault()?;
    let account = find_one(vault.accounts()?, &args.query)?;
    vault.set_activity(&account.id, None)?;
    println!("Unlinked {}", printable(&account.display_name()));
    Ok(())
}

/// One linked account's feed, as `--json` prints it.
#[derive(Serialize)]
struct AccountActivity {
    account: String,
    host: String,
    state: Option<AccountState>,
    state_reason: Option<String>,
    error: Option<String>,
    events: Vec<Event>,
}

pub(super) fn runtime() -> Result<Runtime, CliError> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Failure(format!("cannot start the network runtime: {e}")))
}

pub(super) fn client() -> Result<ActivityClient, CliError> {
    ActivityClient::new(Duration::from_secs(15)).map_err(|e| CliError::Failure(e.to_string()))
}

/// The linked accounts (all, or the one `query` names) with their checked links.
pub(super) fn linked(
    vault: &Vault,
    query: Option<&str>,
) -> Result<Vec<(Account, FeedLink)>, CliError> {
    let accounts = match query {
        Some(query) => vec![find_one(vault.accounts()?, query)?],
        None => vault.accounts()?,
    };
    let mut linked = Vec::new();
    for account in accounts {
        match account.activity.as_deref().map(FeedLink::parse) {
            Some(Ok(link)) => linked.push((account, link)),
            Some(Err(error)) => eprintln!(
                "vigil: {}: {}",
                printable(&account.display_name()),
                printable(&error.to_string())
            ),
            None if query.is_some() => {
                return Err(CliError::Input(format!(
                    "{} is not linked to an activity feed (vigil link {} URL)",
                    account.display_name(),
                    account.label
                )));
            }
            None => {}
        }
    }
    Ok(linked)
}

/// `vigil activity [QUERY] [--json]`.
pub fn show(args: ActivityArgs) -> Result<(), CliError> {
    let read = |runtime: &Runtime,
                client: &ActivityClient,
                account: &Account,
                link: &FeedLink,
                secret: &Secret| {
        match runtime.block_on(client.feed(link, secret, None, args.limit)) {
            Ok(fetch) => AccountActivity {
                account: account.display_name(),
                host: link.host(),
                state: Some(fetch.page.account_state),
                state_reason: fetch.page.state_reason,
                error: None,
                events: fetch.page.events,
            },
            Err(error) => AccountActivity {
                account: account.display_name(),
                host: link.host(),
                state: None,
                state_reason: None,
                error: Some(error.to_string()),
                events: Vec::new(),
            },
        }
    };
    let Some(results) = read_each_linked(args.query.as_deref(), read)? else {
        return Ok(());
    };
    print_results(&results, args.json, print_account)?;
    if results.iter().all(|r| r.error.is_some()) {
        return Err(CliError::Failure(
            "no activity feed could be read".to_owned(),
        ));
    }
    Ok(())
}

/// Reads every linked account (all, or the one `query` names) with `read`, given the client and
/// the account's link and secret; `None` (said on standard output) when none is linked.
pub(super) fn read_each_linked<T>(
    query: Option<&str>,
    read: impl Fn(&Runtime, &ActivityClient, &Account, &FeedLink, &Secret) -> T,
) -> Result<Option<Vec<T>>, CliError> {
    let vault = open_vault()?;
    let linked = linked(&vault, query)?;
    if linked.is_empty() {
        println!("No account is linked to an activity feed.");
        return Ok(None);
    }
    let client = client()?;
    let runtime = runtime()?;
    let mut results = Vec::new();
    for (account, link) in &linked {
        let secret = vault.secret(account)?;
        results.push(read(&runtime, &client, account, link, &secret));
    }
    Ok(Some(results))
}

/// Prints the accounts' results as JSON, or each with `print` as text.
pub(super) fn print_results<T: Serialize>(
    results: &[T],
    json: bool,
    print: impl Fn(&T),
) -> Result<(), CliError> {
    if json {
        let json =
            serde_json::to_string_pretty(results).map_err(|e| CliError::Failure(e.to_string()))?;
        println!("{json}");
    } else {
        results.iter().for_each(print);
    }
    Ok(())
}

/// Prints an account's heading, and its error when its service could not be read; `false`
/// then (nothing more to print).
pub(super) fn print_heading(account: &str, host: &str, error: Option<&str>) -> bool {
    println!("{} · {}", printable(account), printable(host));
    if let Some(error) = error {
        println!("  {}", printable(error));
        println!();
        return false;
    }
    true
}

/// The one linked account `query` names, with its link.
pub(super) fn one_linked(vault: &Vault, query: &str) -> Result<(Account, FeedLink), CliError> {
    linked(vault, Some(query))?
        .into_iter()
        .next()
        .ok_or_else(|| {
            CliError::Input(format!(
                "{} is not linked to an activity feed",
                printable(query)
            ))
        })
}

fn print_account(result: &AccountActivity) {
    if !print_heading(&result.account, &result.host, result.error.as_deref()) {
        return;
    }
    if let Some(state) = result.state {
        println!("  Account {}", words::state_sentence(state));
    }
    let flagged = result.events.iter().filter(|e| e.flagged);
    let rest = result.events.iter().filter(|e| !e.flagged);
    for event in flagged.chain(rest) {
        println!(
            "  {} {}  {}{}",
            if event.flagged { "!" } else { " " },
            words::utc_minute(event.occurred_at),
            printable(&words::summary(event)),
            event
                .ip
                .as_deref()
                .map(|ip| format!(" · {}", printable(ip)))
                .unwrap_or_default(),
        );
        if event.flagged {
            for reason in words::reasons(event, &result.events) {
                println!("      {}", printable(&reason));
            }
            match event.verdict {
                Some(Verdict::Mine) => println!("      You said: this was me"),
                Some(Verdict::NotMine) => println!("      You said: this wasn't me"),
                None => println!(
                    "      Was this you?  vigil verdict {} mine | not-mine",
                    printable(&event.id)
                ),
            }
        }
    }
    println!();
}

/// How many pages (of 100 events) back `vigil verdict` looks for the event in each feed.
const VERDICT_PAGES: usize = 10;

/// `vigil verdict EVENT_ID mine|not-mine [--account QUERY]`: finds the event in the linked feeds
/// (paging back), and answers it where it is. A feed that cannot be read is reported (exit 1)
/// rather than taken as "no such event"; an event id found at two services is not guessed at.
pub fn verdict(args: VerdictArgs) -> Result<(), CliError> {
    let vault = open_vault()?;
    let client = client()?;
    let runtime = runtime()?;
    let verdict = match args.verdict {
        VerdictChoice::Mine => Verdict::Mine,
        VerdictChoice::NotMine => Verdict::NotMine,
    };
    let mut found = Vec::new();
    let mut unreadable = Vec::new();
    for (account, link) in linked(&vault, args.account.as_deref())? {
        let secret = vault.secret(&account)?;
        match runtime.block_on(has_event(&client, &link, &secret, &args.event_id)) {
            Ok(true) => found.push((account, link, secret)),
            Ok(false) => {}
            Err(error) => unreadable.push(format!(
                "{}: {}",
                printable(&account.display_name()),
                printable(&error.to_string())
            )),
        }
    }
    let event = printable(&args.event_id);
    let (account, link, secret) = match found.len() {
        1 => found.swap_remove(0),
        0 if unreadable.is_empty() => {
            return Err(CliError::Input(format!(
                "no linked account's activity has an event {event}"
            )));
        }
        0 => {
            return Err(CliError::Failure(format!(
                "event {event} was not found, and some activity could not be read, so it may be \
                 there: {}",
                unreadable.join("; ")
            )));
        }
        _ => {
            let names: Vec<String> = found
                .iter()
                .map(|(account, ..)| printable(&account.display_name()).into_owned())
                .collect();
            return Err(CliError::Input(format!(
                "event {event} is in the activity of {}; say which with --account",
                names.join(" and ")
            )));
        }
    };
    let recorded = runtime
        .block_on(client.verdict(&link, &secret, &args.event_id, verdict))
        .map_err(refused_or_failed)?;
    let said = match verdict {
        Verdict::Mine => "this was me",
        Verdict::NotMine => "this wasn't me",
    };
    println!(
        "Recorded \"{said}\" for {}. The account is {}.",
        printable(&account.display_name()),
        words::state_sentence(recorded.account_state)
    );
    Ok(())
}

/// A service's refusal is bad input (exit 2); anything else a failure (exit 1).
pub(super) fn refused_or_failed(error: ActivityError) -> CliError {
    match error {
        ActivityError::Refused { .. } => CliError::Input(error.to_string()),
        other => CliError::Failure(other.to_string()),
    }
}

/// Whether the feed at `link` has event `event_id` in its last [`VERDICT_PAGES`] pages.
async fn has_event(
    client: &ActivityClient,
    link: &FeedLink,
    secret: &Secret,
    event_id: &str,
) -> Result<bool, ActivityError> {
    let mut after = None;
    for _ in 0..VERDICT_PAGES {
        let fetch = client.feed(link, secret, after.as_deref(), 100).await?;
        if fetch.page.events.iter().any(|e| e.id == event_id) {
            return Ok(true);
        }
        match fetch.page.next {
            Some(next) => after = Some(next),
            None => return Ok(false),
        }
    }
    Ok(false)
}
