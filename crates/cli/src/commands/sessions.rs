//! `vigil sessions`, `sign-out` and `secure`: where a linked account is signed in on its site,
//! one session signed out, or all of them with "Secure my account" (signed requests through
//! `vigil-activity`).

use serde::Serialize;
use vigil_activity::words;
use vigil_core::activity::{AccountState, Session};

use tokio::runtime::Runtime;
use vigil_activity::{ActivityClient, FeedLink};
use vigil_core::Secret;
use vigil_vault::Account;

use super::activity::{
    client, one_linked, print_heading, print_results, read_each_linked, refused_or_failed, runtime,
};
use super::open_vault;
use crate::cli::{SecureArgs, SessionsArgs, SignOutArgs};
use crate::error::CliError;
use crate::terminal::printable;
use crate::words::{text, text_with, words as cli_words};

/// One linked account's sessions, as `--json` prints them.
#[derive(Serialize)]
struct AccountSessions {
    account: String,
    /// How `vigil sign-out` names it (`Issuer:label`).
    #[serde(skip)]
    query: String,
    host: String,
    state: Option<AccountState>,
    password_reset_required: Option<bool>,
    last_code_session: Option<String>,
    error: Option<String>,
    sessions: Vec<Session>,
}

/// `vigil sessions [QUERY] [--json]`.
pub fn list(args: SessionsArgs) -> Result<(), CliError> {
    let read = |runtime: &Runtime,
                client: &ActivityClient,
                account: &Account,
                link: &FeedLink,
                secret: &Secret| {
        let mut result = AccountSessions {
            account: account.display_name(),
            query: if account.issuer.is_empty() {
                account.label.clone()
            } else {
                format!("{}:{}", account.issuer, account.label)
            },
            host: link.host(),
            state: None,
            password_reset_required: None,
            last_code_session: None,
            error: None,
            sessions: Vec::new(),
        };
        match runtime.block_on(client.sessions(link, secret)) {
            Ok(list) => {
                result.state = Some(list.account_state);
                result.password_reset_required = Some(list.password_reset_required);
                result.last_code_session = list.last_code_session;
                result.sessions = list.sessions;
            }
            Err(error) => result.error = Some(error.to_string()),
        }
        result
    };
    let Some(results) = read_each_linked(args.query.as_deref(), read)? else {
        return Ok(());
    };
    print_results(&results, args.json, print_account)?;
    if results.iter().all(|r| r.error.is_some()) {
        return Err(CliError::Failure(text("cli-error-no-sessions-read")));
    }
    Ok(())
}

fn print_account(result: &AccountSessions) {
    if !print_heading(&result.account, &result.host, result.error.as_deref()) {
        return;
    }
    if let Some(state) = result.state.filter(|state| state.is_locked()) {
        println!(
            "  {}",
            text_with(
                "cli-account-state",
                &[("state", words::state_sentence(&cli_words(), state).into())]
            )
        );
    }
    if result.password_reset_required == Some(true) {
        println!("  {}", text("cli-password-reset-required"));
    }
    if result.sessions.is_empty() {
        println!("  {}", text("cli-no-sessions"));
    }
    for session in &result.sessions {
        let place = session
            .country
            .as_deref()
            .map(|country| format!(" · {}", cli_words().country(country)))
            .unwrap_or_default();
        let ip = session
            .ip
            .as_deref()
            .map(|ip| format!(" · {ip}"))
            .unwrap_or_default();
        println!(
            "  {} {}{}{}",
            if session.flagged { "!" } else { " " },
            printable(&session.device_words),
            printable(&place),
            printable(&ip),
        );
        let key = if result.last_code_session.as_deref() == Some(session.id.as_str()) {
            "cli-session-times-last-code"
        } else {
            "cli-session-times"
        };
        println!(
            "      {}",
            text_with(
                key,
                &[
                    ("since", words::utc_minute(session.started_at).into()),
                    ("seen", words::utc_minute(session.last_seen_at).into()),
                ],
            )
        );
        println!(
            "      {}",
            text_with(
                "cli-not-you-sign-out",
                &[
                    (
                        "account",
                        printable(&shell_word(&result.query)).into_owned().into()
                    ),
                    (
                        "session",
                        printable(&shell_word(&session.id)).into_owned().into()
                    ),
                ],
            )
        );
    }
    println!();
}

/// `text` as one shell word (quoted when it holds anything but plain characters).
fn shell_word(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.:/@".contains(c));
    if plain {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

/// `vigil sign-out QUERY SESSION`.
pub fn sign_out(args: SignOutArgs) -> Result<(), CliError> {
    let vault = open_vault()?;
    let (account, link) = one_linked(&vault, &args.query)?;
    let secret = vault.secret(&account)?;
    let ended = runtime()?
        .block_on(client()?.end_session(&link, &secret, &args.session))
        .map_err(refused_or_failed)?;
    let name = printable(&account.display_name()).into_owned();
    let device = printable(&ended.session.device_words).into_owned();
    if ended.session.state == vigil_core::activity::SessionState::EndedByCustomer {
        println!(
            "{}",
            text_with(
                "cli-signed-out",
                &[
                    ("device", device.into()),
                    ("session", printable(&args.session).into_owned().into()),
                    ("name", name.into()),
                ],
            )
        );
    } else {
        println!(
            "{}",
            text_with(
                "cli-session-ended-already",
                &[
                    ("session", printable(&args.session).into_owned().into()),
                    ("name", name.into()),
                    (
                        "state",
                        ended.session.state.as_str().replace('_', " ").into()
                    ),
                ],
            )
        );
    }
    Ok(())
}

/// `vigil secure QUERY`.
pub fn secure(args: SecureArgs) -> Result<(), CliError> {
    let vault = open_vault()?;
    let (account, link) = one_linked(&vault, &args.query)?;
    let secret = vault.secret(&account)?;
    let secured = runtime()?
        .block_on(client()?.secure(&link, &secret))
        .map_err(refused_or_failed)?;
    let count = secured.ended_sessions.len();
    println!(
        "{}",
        text_with(
            "cli-secured",
            &[
                (
                    "name",
                    printable(&account.display_name()).into_owned().into()
                ),
                ("count", count.into()),
                (
                    "state",
                    words::state_sentence(&cli_words(), secured.account_state).into()
                ),
            ],
        )
    );
    Ok(())
}
