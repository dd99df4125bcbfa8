//! `--demo`: three customers with a realistic history (sign-ins from a few countries, orders,
//! bookings, account changes), one of them locked by the travel rule. Each is signed in on a
//! phone and a laptop; one of Bob's two sessions is the intruder's (a phone in Brazil). Their otpauth URIs are
//! printed, or written to `--demo-uris FILE` for `scripts/run` to enrol them in the app.

use std::path::Path;

use ring::rand::{SecureRandom, SystemRandom};
use serde_json::{Value, json};
use vigil_core::activity::{EventKind, Outcome};
use vigil_core::{OtpParams, OtpUri, Secret};

use crate::db::{Database, NewAccount, NewEventRow};
use crate::routes::AppState;
use crate::rules;

const FIREFOX: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const ANDROID: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const CHROME_LINUX: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;

/// One step of a demo history: (seconds ago, kind, ip, user agent, details), and the session
/// it happens in, if any (a sign-in starts it).
type Step = (
    (
        i64,
        EventKind,
        Option<&'static str>,
        Option<&'static str>,
        Value,
    ),
    Option<&'static str>,
);

/// A step outside any session.
fn step(
    ago: i64,
    kind: EventKind,
    ip: Option<&'static str>,
    user_agent: Option<&'static str>,
    details: Value,
) -> Step {
    ((ago, kind, ip, user_agent, details), None)
}

/// A step in `session`.
fn in_session(session: &'static str, step: Step) -> Step {
    (step.0, Some(session))
}

fn histories() -> Vec<(&'static str, &'static str, Vec<Step>)> {
    use EventKind::*;
    let nl = Some("193.0.6.139");
    let gb = Some("81.2.69.142");
    let us = Some("8.8.8.8");
    let jp = Some("133.11.0.1");
    let br = Some("200.160.2.3");
    vec![
        (
            "demo-alice",
            "alice@example.com",
            vec![
                step(20 * DAY, SignIn, nl, Some(FIREFOX), json!({})),
                step(
                    19 * DAY,
                    OrderPlaced,
                    nl,
                    Some(FIREFOX),
                    json!({"reference": "ORD-2026-1001", "amount": "49.90", "currency": "EUR"}),
                ),
                step(12 * DAY, SignIn, nl, Some(IPHONE), json!({})),
                step(
                    12 * DAY - HOUR,
                    BookingCreated,
                    nl,
                    Some(IPHONE),
                    json!({"reference": "BK-77120", "what": "Table for two", "when": "2026-12-05 19:30"}),
                ),
                in_session(
                    "s-alice-phone",
                    step(6 * DAY, SignIn, gb, Some(IPHONE), json!({})),
                ),
                in_session(
                    "s-alice-phone",
                    step(
                        6 * DAY - 2 * HOUR,
                        OrderPlaced,
                        gb,
                        Some(IPHONE),
                        json!({"reference": "ORD-2026-1077", "amount": "12.00", "currency": "GBP"}),
                    ),
                ),
                step(2 * DAY, SignIn, nl, Some(FIREFOX), json!({})),
                step(
                    2 * DAY - HOUR,
                    PasswordChanged,
                    nl,
                    Some(FIREFOX),
                    json!({}),
                ),
                in_session(
                    "s-alice-laptop",
                    step(3 * HOUR, SignIn, nl, Some(FIREFOX), json!({})),
                ),
            ],
        ),
        (
            "demo-bob",
            "bob@example.com",
            vec![
                step(15 * DAY, SignIn, us, Some(CHROME_LINUX), json!({})),
                step(
                    9 * DAY,
                    OrderPlaced,
                    us,
                    Some(CHROME_LINUX),
                    json!({"reference": "ORD-2026-2040", "amount": "310.00", "currency": "USD"}),
                ),
                step(5 * DAY, SignIn, us, Some(CHROME_LINUX), json!({})),
                in_session(
                    "s-bob-laptop",
                    step(90 * 60, SignIn, us, Some(CHROME_LINUX), json!({})),
                ),
                // 40 minutes later from a phone in Brazil, the intruder's: the travel rule locks
                // the account.
                in_session(
                    "s-bob-phone",
                    step(50 * 60, SignIn, br, Some(ANDROID), json!({})),
                ),
                in_session(
                    "s-bob-phone",
                    step(
                        45 * 60,
                        PaymentMethodAdded,
                        br,
                        Some(ANDROID),
                        json!({"brand": "visa", "last4": "4242", "billing_country": "BR"}),
                    ),
                ),
            ],
        ),
        (
            "demo-carol",
            "carol@example.com",
            vec![
                step(25 * DAY, SignIn, jp, Some(IPHONE), json!({})),
                step(
                    24 * DAY,
                    PaymentMethodAdded,
                    jp,
                    Some(IPHONE),
                    json!({"brand": "mastercard", "last4": "5100", "billing_country": "JP"}),
                ),
                step(
                    10 * DAY,
                    BookingCreated,
                    jp,
                    Some(IPHONE),
                    json!({"reference": "BK-90311", "what": "Hotel, 2 nights", "when": "2026-12-20"}),
                ),
                step(4 * DAY, SignIn, jp, Some(IPHONE), json!({})),
                step(4 * DAY - HOUR, EmailChanged, jp, Some(IPHONE), json!({})),
                in_session(
                    "s-carol-phone",
                    step(DAY, SignIn, jp, Some(IPHONE), json!({})),
                ),
                // Her new laptop: flagged as a new device, but nothing is locked.
                in_session(
                    "s-carol-laptop",
                    step(2 * HOUR, SignIn, jp, Some(CHROME_LINUX), json!({})),
                ),
            ],
        ),
    ]
}

/// Creates the demo accounts (once) and writes or prints their URIs.
pub async fn seed(state: &AppState, uris_file: Option<&Path>) -> Result<(), String> {
    let mut uris = Vec::new();
    for (external_id, email, history) in histories() {
        let account = match state
            .db
            .account_by_external_id(external_id)
            .await
            .map_err(|e| e.to_string())?
        {
            Some(account) => account,
            None => create(state, external_id, email, history).await?,
        };
        let secret = state
            .secret_sealer
            .open(&account.id, &account.sealed_secret)
            .map_err(|e| e.to_string())?;
        let mut uri = OtpUri::new(&account.issuer, &account.label, secret, OtpParams::totp());
        uri.activity = Some(format!(
            "{}/v1/feed/{}",
            state.public_url.base(),
            account.id
        ));
        uris.push(uri.to_uri_string());
    }
    match uris_file {
        Some(path) => {
            let text = uris.join("\n") + "\n";
            crate::private_files::write_private_file(path, text.as_bytes())
                .map_err(|e| format!("{}: {e}", path.display()))?;
            println!("demo accounts' otpauth URIs written to {}", path.display());
        }
        None => {
            println!("demo accounts (enrol them in Vigil):");
            for uri in &uris {
                println!("{uri}");
            }
        }
    }
    Ok(())
}

async fn create(
    state: &AppState,
    external_id: &str,
    email: &str,
    history: Vec<Step>,
) -> Result<crate::db::AccountRow, String> {
    let fail = |e: sqlx::Error| e.to_string();
    let mut raw = vec![0u8; 20];
    SystemRandom::new()
        .fill(&mut raw)
        .map_err(|_| "no randomness".to_owned())?;
    let secret = Secret::from_bytes(raw);
    let id = uuid::Uuid::new_v4().to_string();
    let now = state.clock.now();
    let sealed_secret = state
        .secret_sealer
        .seal(&id, &secret)
        .map_err(|e| e.to_string())?;
    state
        .db
        .insert_account(&NewAccount {
            id: &id,
            external_id,
            email,
            issuer: &state.issuer,
            label: email,
            sealed_secret: &sealed_secret,
            created_at: now - 30 * DAY,
            locale: None,
        })
        .await
        .map_err(fail)?;
    for ((ago, kind, ip, user_agent, details), session) in history {
        let event = NewEventRow {
            id: uuid::Uuid::new_v4().to_string(),
            account_id: id.clone(),
            kind,
            occurred_at: now - ago,
            recorded_at: now - ago,
            ip: ip.map(str::to_owned),
            country: ip.and_then(|ip| state.geo.country(ip)),
            city: ip.and_then(|ip| state.geo.city_name(ip)),
            user_agent: user_agent.map(str::to_owned),
            outcome: (kind == EventKind::SignIn).then_some(Outcome::Success),
            details,
        };
        let mut tx = state.db.writer().begin().await.map_err(fail)?;
        let account = Database::lock_account_row(&mut tx, &id)
            .await
            .map_err(fail)?
            .ok_or("demo account vanished")?;
        Database::insert_event(&mut tx, &event)
            .await
            .map_err(fail)?;
        let assessment = rules::assess(&mut tx, &state.rules, &state.geo, &event)
            .await
            .map_err(fail)?;
        rules::apply(&mut tx, &account, &event.id, &assessment, event.occurred_at)
            .await
            .map_err(fail)?;
        crate::routes::on_site_event(&mut tx, &event, session)
            .await
            .map_err(|e| e.to_string())?;
        tx.commit().await.map_err(fail)?;
    }
    state
        .db
        .account(&id)
        .await
        .map_err(fail)?
        .ok_or_else(|| "demo account vanished".to_owned())
}
