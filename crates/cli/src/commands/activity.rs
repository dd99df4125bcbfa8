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
use crate::error::{CliError, failure, refused};
use crate::query::find_one;
use crate::terminal::printable;
use crate::words::{text, text_with, words as cli_words};

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
            Err(error) => eprintln!(
                "vigil: {}",
                text_with("cli-not-linked", &[("detail", error.to_string().into())])
            ),
        }
    }
    hosts
}

/// Says which feeds were linked, and how to see them.
pub fn say_linked(hosts: &[String]) {
    for host in hosts {
        println!(
            "{}",
            text_with("cli-linked-on-add", &[("host", host.into())])
        );
    }
}

/// `vigil link QUERY URL`.
pub fn link(args: LinkArgs) -> Result<(), CliError> {
    let link = FeedLink::parse(&args.url).map_err(refused)?;
    let mut vault = open_vault()?;
    let account = find_one(vault.accounts()?, &args.query)?;
    vault.set_activity(&account.id, Some(link.as_str()))?;
    println!(
        "{}",
        text_with(
            "cli-linked",
            &[
                (
                    "name",
                    printable(&account.display_name()).into_owned().into()
                ),
                ("host", link.host().into()),
            ],
        )
    );
    Ok(())
}

/// `vigil unlink QUERY`.
pub fn unlink(args: UnlinkArgs) -> Result<(), CliError> {
    let mut vault = open_vault()?;
    let account = find_one(vault.accounts()?, &args.query)?;
    vault.set_activity(&account.id, None)?;
    println!(
        "{}",
        text_with(
            "cli-unlinked",
            &[(
                "name",
                printable(&account.display_name()).into_owned().into()
            )]
        )
    );
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
        .map_err(|e| {
            CliError::Failure(text_with(
                "cli-error-runtime",
                &[("detail", e.to_string().into())],
            ))
        })
}

pub(super) fn client() -> Result<ActivityClient, CliError> {
    ActivityClient::new(Duration::from_secs(15)).map_err(failure)
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
                "vigil: {}",
                text_with(
                    "cli-bad-link",
                    &[
                        (
                            "name",
                            printable(&account.display_name()).into_owned().into()
                        ),
                        ("detail", printable(&error.to_string()).into_owned().into()),
                    ],
                )
            ),
            None if query.is_some() => {
                return Err(CliError::Input(text_with(
                    "cli-error-not-linked-hint",
                    &[
                        ("name", account.display_name().into()),
                        ("label", account.label.clone().into()),
                    ],
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
        return Err(CliError::Failure(text("cli-error-no-feed-read")));
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
        println!("{}", text("cli-none-linked"));
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
        let json = serde_json::to_string_pretty(results).map_err(failure)?;
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
        println!(
            "  {}",
            text_with(
                "cli-service-error",
                &[("detail", printable(error).into_owned().into())]
            )
        );
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
            CliError::Input(text_with(
                "cli-error-not-linked",
                &[("name", printable(query).into_owned().into())],
            ))
        })
}

fn print_account(result: &AccountActivity) {
    if !print_heading(&result.account, &result.host, result.error.as_deref()) {
        return;
    }
    if let Some(state) = result.state {
        println!(
            "  {}",
            text_with(
                "cli-account-state",
                &[("state", words::state_sentence(&cli_words(), state).into())]
            )
        );
    }
    let flagged = result.events.iter().filter(|e| e.flagged);
    let rest = result.events.iter().filter(|e| !e.flagged);
    for event in flagged.chain(rest) {
        println!(
            "  {} {}  {}{}",
            if event.flagged { "!" } else { " " },
            words::utc_minute(event.occurred_at),
            printable(&words::summary(&cli_words(), event)),
            event
                .ip
                .as_deref()
                .map(|ip| format!(" · {}", printable(ip)))
                .unwrap_or_default(),
        );
        if event.flagged {
            for reason in words::reasons(&cli_words(), event, &result.events) {
                println!("      {}", printable(&reason));
            }
            match event.verdict {
                Some(Verdict::Mine) => println!("      {}", text("cli-you-said-mine")),
                Some(Verdict::NotMine) => println!("      {}", text("cli-you-said-not-mine")),
                None => println!(
                    "      {}",
                    text_with(
                        "cli-was-this-you",
                        &[("id", printable(&event.id).into_owned().into())]
                    )
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
    let event = printable(&args.event_id).into_owned();
    let (account, link, secret) = match found.len() {
        1 => found.swap_remove(0),
        0 if unreadable.is_empty() => {
            return Err(CliError::Input(text_with(
                "cli-error-no-such-event",
                &[("event", event.into())],
            )));
        }
        0 => {
            return Err(CliError::Failure(text_with(
                "cli-error-event-maybe-unread",
                &[
                    ("event", event.into()),
                    ("detail", unreadable.join("; ").into()),
                ],
            )));
        }
        _ => {
            let names: Vec<String> = found
                .iter()
                .map(|(account, ..)| printable(&account.display_name()).into_owned())
                .collect();
            return Err(CliError::Input(text_with(
                "cli-error-event-ambiguous",
                &[("event", event.into()), ("names", names.join(", ").into())],
            )));
        }
    };
    let recorded = runtime
        .block_on(client.verdict(&link, &secret, &args.event_id, verdict))
        .map_err(refused_or_failed)?;
    let key = match verdict {
        Verdict::Mine => "cli-recorded-mine",
        Verdict::NotMine => "cli-recorded-not-mine",
    };
    println!(
        "{}",
        text_with(
            key,
            &[
                (
                    "name",
                    printable(&account.display_name()).into_owned().into()
                ),
                (
                    "state",
                    words::state_sentence(&cli_words(), recorded.account_state).into()
                ),
            ],
        )
    );
    Ok(())
}

/// A service's refusal is bad input (exit 2); anything else a failure (exit 1).
pub(super) fn refused_or_failed(error: ActivityError) -> CliError {
    match error {
        ActivityError::Refused { .. } => refused(error),
        other => failure(other),
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
