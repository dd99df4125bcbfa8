//! `vigil link`, `unlink`, `activity` and `verdict`: an account's activity feed, read and answered
//! with requests signed by the key derived from its secret (through `vigil-activity`).

use std::time::Duration;

use serde::Serialize;
use vigil_activity::{ActivityClient, ActivityError, FeedLink, words};
use vigil_core::OtpUri;
use vigil_core::activity::{AccountState, Event, Verdict};
use vigil_vault::{Account, Vault};

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

fn runtime() -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Failure(format!("cannot start the network runtime: {e}")))
}

fn client() -> Result<ActivityClient, CliError> {
    ActivityClient::new(Duration::from_secs(15)).map_err(|e| CliError::Failure(e.to_string()))
}

/// The linked accounts (all, or the one `query` names) with their checked links.
fn linked(vault: &Vault, query: Option<&str>) -> Result<Vec<(Account, FeedLink)>, CliError> {
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
    let vault = open_vault()?;
    let linked = linked(&vault, args.query.as_deref())?;
    if linked.is_empty() {
        println!("No account is linked to an activity feed.");
        return Ok(());
    }
    let client = client()?;
    let runtime = runtime()?;
    let mut results = Vec::new();
    for (account, link) in &linked {
        let secret = vault.secret(account)?;
        let fetched = runtime.block_on(client.feed(link, &secret, None, args.limit));
        results.push(match fetched {
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
        });
    }
    if args.json {
        let json =
            serde_json::to_string_pretty(&results).map_err(|e| CliError::Failure(e.to_string()))?;
        println!("{json}");
    } else {
        for result in &results {
            print_account(result);
        }
    }
    if results.iter().all(|r| r.error.is_some()) {
        return Err(CliError::Failure(
            "no activity feed could be read".to_owned(),
        ));
    }
    Ok(())
}

fn print_account(result: &AccountActivity) {
    println!(
        "{} · {}",
        printable(&result.account),
        printable(&result.host)
    );
    if let Some(error) = &result.error {
        println!("  {}", printable(error));
        println!();
        return;
    }
    if let Some(state) = result.state {
        println!("  Account {}", words::state_sentence(state));
    }
    let flagged = result.events.iter().filter(|e| e.flagged);
    let rest = result.events.iter().filter(|e| !e.flagged);
    for event in flagged.chain(rest) {
        let when = event.occurred_at;
        println!(
            "  {} {:04}-{:02}-{:02} {:02}:{:02} UTC  {}{}",
            if event.flagged { "!" } else { " " },
            when.year(),
            u8::from(when.month()),
            when.day(),
            when.hour(),
            when.minute(),
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

/// `vigil verdict EVENT_ID mine|not-mine`: finds the event among the linked feeds and answers it.
pub fn verdict(args: VerdictArgs) -> Result<(), CliError> {
    let vault = open_vault()?;
    let client = client()?;
    let runtime = runtime()?;
    let verdict = match args.verdict {
        VerdictChoice::Mine => Verdict::Mine,
        VerdictChoice::NotMine => Verdict::NotMine,
    };
    for (account, link) in linked(&vault, None)? {
        let secret = vault.secret(&account)?;
        let Ok(fetch) = runtime.block_on(client.feed(&link, &secret, None, 100)) else {
            continue;
        };
        if !fetch.page.events.iter().any(|e| e.id == args.event_id) {
            continue;
        }
        let recorded = runtime
            .block_on(client.verdict(&link, &secret, &args.event_id, verdict))
            .map_err(|e| match e {
                ActivityError::Refused { .. } => CliError::Input(e.to_string()),
                other => CliError::Failure(other.to_string()),
            })?;
        let said = match verdict {
            Verdict::Mine => "this was me",
            Verdict::NotMine => "this wasn't me",
        };
        println!(
            "Recorded \"{said}\" for {}. The account is {}.",
            printable(&account.display_name()),
            words::state_sentence(recorded.account_state)
        );
        return Ok(());
    }
    Err(CliError::Input(format!(
        "no linked account's recent activity has an event {}",
        args.event_id
    )))
}
