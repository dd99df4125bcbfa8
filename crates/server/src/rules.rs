//! The takeover rules, and every change of an account's state (each recorded as a
//! `state_changed` event): the locks the rules ask for ([`assess`], [`apply`]), the failure
//! streak's lock ([`wrong_code`]), the customer's answers ([`verdict`]), documents
//! ([`document_received`]) and reviewers' decisions ([`review_decision`]). Handlers call these;
//! no other file moves an account between states.
//!
//! Rules run inside the transaction that recorded the event, after the account's row was locked
//! (`Database::lock_account_row`), and judge by `occurred_at`, so late events count where they
//! belong. No rule fires on an account's first successful sign-in. A lock only ever moves an
//! account to a more severe state; only the customer's answers and a reviewer unlock.

use serde_json::json;
use sqlx::AnyConnection;
use vigil_core::activity::{
    AccountState, Decision, EventKind, Outcome, Reason, Risk, RiskLevel, SessionState, Verdict,
    WebhookType,
};

use crate::config::RuleSettings;
use crate::db::{AccountRow, Database, EventRow, NewEventRow};
use crate::device::device_family;
use crate::geo::{Geo, distance_km};
use crate::webhooks::webhook_event;

const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;
/// A device or country not seen on a successful sign-in within this many days is new.
const NEW_DEVICE_DAYS: i64 = 90;

/// What the rules made of one event.
#[derive(Debug, Default, Clone)]
pub struct Assessment {
    /// Rules that fired (the event is flagged): e.g. `new_country_too_soon`.
    pub flagged: Vec<Reason>,
    /// Unusual but not flagged: e.g. `new_country`.
    pub raised: Vec<Reason>,
    /// The lock the rules ask for, with its reason for the customer.
    pub lock: Option<(AccountState, String)>,
}

impl Assessment {
    /// The reasons the event is marked with, and whether they flag it (a rule fired) or only
    /// raise it (unusual); `None` when nothing was unusual.
    pub fn marks(&self) -> Option<(&[Reason], bool)> {
        if !self.flagged.is_empty() {
            Some((&self.flagged, true))
        } else if !self.raised.is_empty() {
            Some((&self.raised, false))
        } else {
            None
        }
    }

    /// The risk the API reports.
    pub fn risk(&self) -> Risk {
        let (level, reasons) = if !self.flagged.is_empty() {
            (RiskLevel::High, self.flagged.clone())
        } else if !self.raised.is_empty() {
            (RiskLevel::Medium, self.raised.clone())
        } else {
            (RiskLevel::Low, Vec::new())
        };
        Risk { level, reasons }
    }
}

/// A change of state, for the emails sent after the transaction commits.
#[derive(Debug, Clone)]
pub struct StateChange {
    /// Before.
    pub from: AccountState,
    /// After.
    pub to: AccountState,
    /// Why, in words for the customer.
    pub reason: String,
}

/// Runs the rules that apply to a just-recorded event.
pub async fn assess(
    connection: &mut AnyConnection,
    settings: &RuleSettings,
    geo: &Geo,
    event: &NewEventRow,
) -> Result<Assessment, sqlx::Error> {
    match event.kind {
        EventKind::SignIn if event.outcome == Some(Outcome::Success) => {
            assess_sign_in(connection, settings, geo, event).await
        }
        EventKind::PaymentMethodAdded => assess_payment_method(connection, settings, event).await,
        EventKind::EmailChanged
        | EventKind::PhoneChanged
        | EventKind::AddressChanged
        | EventKind::PasswordChanged => assess_account_change(connection, settings, event).await,
        _ => Ok(Assessment::default()),
    }
}

/// What the sign-in rules read, inside the transaction that recorded the event: through sqlx
/// ([`AnyConnection`]), or on SQLite's writer thread (`db::SqliteWrites`), so the rules are
/// written once for both.
pub(crate) trait SignInReads {
    /// The countries of the account's successful sign-ins other than `except` (one entry per
    /// country, `None` for sign-ins without one).
    async fn sign_in_countries(
        &mut self,
        account_id: &str,
        except: &str,
    ) -> Result<Vec<Option<String>>, sqlx::Error>;
    /// The account's sign-ins (any outcome) between `from` and `to`, newest first.
    async fn sign_ins_between(
        &mut self,
        account_id: &str,
        from: i64,
        to: i64,
    ) -> Result<Vec<EventRow>, sqlx::Error>;
    /// Whether the customer answered `mine` to a successful sign-in from `country` since `since`.
    async fn country_confirmed(
        &mut self,
        account_id: &str,
        country: &str,
        since: i64,
    ) -> Result<bool, sqlx::Error>;
}

impl SignInReads for AnyConnection {
    async fn sign_in_countries(
        &mut self,
        account_id: &str,
        except: &str,
    ) -> Result<Vec<Option<String>>, sqlx::Error> {
        Database::successful_sign_in_countries(self, account_id, except).await
    }

    async fn sign_ins_between(
        &mut self,
        account_id: &str,
        from: i64,
        to: i64,
    ) -> Result<Vec<EventRow>, sqlx::Error> {
        Database::events_between(self, account_id, &[EventKind::SignIn], from, to).await
    }

    async fn country_confirmed(
        &mut self,
        account_id: &str,
        country: &str,
        since: i64,
    ) -> Result<bool, sqlx::Error> {
        Database::country_confirmed(self, account_id, country, since).await
    }
}

/// The rules for a successful sign-in: a second country or an impossible speed within the
/// travel window (lock), a new country or device within 90 days (flag).
pub(crate) async fn assess_sign_in<R: SignInReads>(
    reads: &mut R,
    settings: &RuleSettings,
    geo: &Geo,
    event: &NewEventRow,
) -> Result<Assessment, sqlx::Error> {
    let mut assessment = Assessment::default();
    let known_countries = reads
        .sign_in_countries(&event.account_id, &event.id)
        .await?;
    if known_countries.is_empty() {
        return Ok(assessment); // the first sign-in
    }
    let t = event.occurred_at;
    let window = settings.travel_window_minutes * 60;
    let nearby: Vec<EventRow> = reads
        .sign_ins_between(&event.account_id, t - DAY, t + DAY)
        .await?
        .into_iter()
        .filter(|other| other.id != event.id && other.outcome == Some(Outcome::Success))
        .collect();
    let confirmed_since = t - settings.confirmed_country_days * DAY;
    if let Some(country) = event.country.as_deref() {
        for other in nearby.iter().filter(|o| (o.occurred_at - t).abs() < window) {
            let Some(other_country) = other.country.as_deref() else {
                continue;
            };
            if other_country != country
                && !reads
                    .country_confirmed(&event.account_id, country, confirmed_since)
                    .await?
            {
                assessment.flagged.push(Reason::NewCountryTooSoon);
                assessment.lock = Some((
                    AccountState::LockedPendingVerification,
                    format!(
                        "Sign-ins from {other_country} and {country} less than {} minutes apart",
                        settings.travel_window_minutes
                    ),
                ));
                break;
            }
        }
    }
    if let Some(here) = event.ip.as_deref().and_then(|ip| geo.coordinates(ip)) {
        for other in &nearby {
            let Some(there) = other.ip.as_deref().and_then(|ip| geo.coordinates(ip)) else {
                continue;
            };
            let hours = ((other.occurred_at - t).abs().max(60)) as f64 / HOUR as f64;
            let speed = distance_km(here, there) / hours;
            if speed > settings.max_speed_kmh {
                assessment.flagged.push(Reason::ImpossibleTravelSpeed);
                assessment.lock.get_or_insert((
                    AccountState::LockedPendingVerification,
                    format!("Two sign-ins imply travel at {speed:.0} km/h"),
                ));
                break;
            }
        }
    }
    // New device or place: not seen on a successful sign-in within the last 90 days. Flagged
    // (shown, notified, emailed) but no lock of its own.
    let recent: Vec<EventRow> = reads
        .sign_ins_between(&event.account_id, t - NEW_DEVICE_DAYS * DAY, t)
        .await?
        .into_iter()
        .filter(|other| other.id != event.id && other.outcome == Some(Outcome::Success))
        .collect();
    if assessment.flagged.is_empty()
        && let Some(country) = &event.country
        && !recent
            .iter()
            .any(|other| other.country.as_ref() == Some(country))
    {
        assessment.flagged.push(Reason::NewCountry);
    }
    if let Some(device) = device_family(event.user_agent.as_deref())
        && !recent
            .iter()
            .any(|other| device_family(other.user_agent.as_deref()).as_ref() == Some(&device))
    {
        assessment.flagged.push(Reason::NewDevice);
    }
    Ok(assessment)
}

async fn assess_payment_method(
    connection: &mut AnyConnection,
    settings: &RuleSettings,
    event: &NewEventRow,
) -> Result<Assessment, sqlx::Error> {
    let mut assessment = Assessment::default();
    let t = event.occurred_at;
    let window = settings.payment_window_hours * HOUR;
    let flagged_sign_ins = Database::events_between(
        connection,
        &event.account_id,
        &[EventKind::SignIn],
        t - window,
        t,
    )
    .await?
    .into_iter()
    .filter(|sign_in| sign_in.flagged)
    .count();
    if flagged_sign_ins > 0 {
        assessment
            .flagged
            .push(Reason::PaymentMethodAfterFlaggedSignIn);
    }
    let methods = Database::events_between(
        connection,
        &event.account_id,
        &[EventKind::PaymentMethodAdded],
        t - window,
        t + window,
    )
    .await?;
    if most_within(&methods, window) >= settings.payment_methods_to_lock as usize {
        assessment.flagged.push(Reason::PaymentMethodsInWindow);
    }
    if !assessment.flagged.is_empty() {
        assessment.lock = Some((
            AccountState::LockedPendingVerification,
            "A payment method was added right after an unusual sign-in, or too many at once".into(),
        ));
    }
    Ok(assessment)
}

async fn assess_account_change(
    connection: &mut AnyConnection,
    settings: &RuleSettings,
    event: &NewEventRow,
) -> Result<Assessment, sqlx::Error> {
    let mut assessment = Assessment::default();
    let t = event.occurred_at;
    let window = settings.changes_window_hours * HOUR;
    let changes = Database::events_between(
        connection,
        &event.account_id,
        &[
            EventKind::EmailChanged,
            EventKind::PhoneChanged,
            EventKind::AddressChanged,
            EventKind::PasswordChanged,
        ],
        t - window,
        t + window,
    )
    .await?;
    // Any window of the given length that holds this event and enough distinct kinds of change.
    let most = changes
        .iter()
        .map(|start| start.occurred_at)
        .filter(|start| *start <= t && t - *start <= window)
        .map(|start| {
            let mut kinds: Vec<EventKind> = changes
                .iter()
                .filter(|c| c.occurred_at >= start && c.occurred_at - start <= window)
                .map(|c| c.kind)
                .collect();
            kinds.sort_by_key(|kind| kind.as_str());
            kinds.dedup();
            kinds.len()
        })
        .max()
        .unwrap_or(0);
    if most >= settings.changes_to_review as usize {
        assessment.flagged.push(Reason::AccountChangesInWindow);
        assessment.lock = Some((
            AccountState::LockedPendingReview,
            format!(
                "{most} of email, phone, address and password changed within {} hours",
                settings.changes_window_hours
            ),
        ));
    }
    Ok(assessment)
}

/// The most events that fit in one window of `length` seconds.
fn most_within(events: &[EventRow], length: i64) -> usize {
    events
        .iter()
        .map(|start| {
            events
                .iter()
                .filter(|e| {
                    e.occurred_at >= start.occurred_at
                        && e.occurred_at - start.occurred_at <= length
                })
                .count()
        })
        .max()
        .unwrap_or(0)
}

/// How severe a state is: a lock only ever moves an account to a more severe state.
fn severity(state: AccountState) -> u8 {
    match state {
        AccountState::Active => 0,
        AccountState::LockedPendingVerification => 1,
        AccountState::LockedPendingReview => 2,
    }
}

/// Flags the event as assessed and applies the lock it asks for; returns the change, if any.
pub async fn apply(
    connection: &mut AnyConnection,
    account: &AccountRow,
    event_id: &str,
    assessment: &Assessment,
    now: i64,
) -> Result<Option<StateChange>, sqlx::Error> {
    if let Some((reasons, flag)) = assessment.marks() {
        Database::flag_event(connection, event_id, reasons, flag).await?;
    }
    match &assessment.lock {
        Some((to, reason)) => escalate(connection, account, *to, reason, now).await,
        None => Ok(None),
    }
}

/// What the failure-streak rule does with the `streak`-th wrong code in a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailurePenalty {
    /// Nothing more than the refusal.
    None,
    /// No code is checked for this many minutes (every `failures_before_block` in a row, one
    /// minute more each time, at most `max_block_minutes`).
    Block {
        /// How long.
        minutes: i64,
    },
    /// At `failures_to_lock` in a row: the code is flagged `too_many_failed_codes` and the
    /// account locked pending verification.
    Lock,
}

/// The failure-streak rule's answer to the `streak`-th wrong code in a row.
pub fn failure_penalty(settings: &RuleSettings, streak: i64) -> FailurePenalty {
    let every = settings.failures_before_block.max(1);
    if streak >= settings.failures_to_lock {
        FailurePenalty::Lock
    } else if streak >= settings.failures_before_block && streak % every == 0 {
        FailurePenalty::Block {
            minutes: (streak / every).min(settings.max_block_minutes),
        }
    } else {
        FailurePenalty::None
    }
}

/// Applies the failure-streak rule's lock to a wrong code (already counted by the throttle
/// and recorded as the sign-in event `event_id`): at `failures_to_lock` in a row from the
/// customer's familiar places the event is flagged and the account locked. Failures from
/// unfamiliar places only block their own source (`Database::reserve_attempt`), so an attacker
/// elsewhere cannot lock the customer out. Returns the lock, if this code made one.
pub async fn wrong_code(
    db: &Database,
    settings: &RuleSettings,
    account_id: &str,
    event_id: &str,
    streak: i64,
    familiar: bool,
    now: i64,
) -> Result<Option<StateChange>, sqlx::Error> {
    tracing::info!(account = %account_id, streak, familiar, "code refused");
    if !familiar || failure_penalty(settings, streak) != FailurePenalty::Lock {
        return Ok(None);
    }
    let mut tx = db.writer().begin().await?;
    // Read afresh under the row lock: another request may have locked the account since this
    // code was refused, and a lock never moves to a less severe state.
    let Some(account) = Database::lock_account_row(&mut tx, account_id).await? else {
        return Ok(None);
    };
    Database::flag_event(&mut tx, event_id, &[Reason::TooManyFailedCodes], true).await?;
    let reason = format!("{streak} wrong codes in a row");
    let change = escalate(
        &mut tx,
        &account,
        AccountState::LockedPendingVerification,
        &reason,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(change)
}

/// Records the customer's answer to one of the account's events (the caller checked the event
/// is the account's and not answered `not_mine` before, with the row locked): `not_mine` locks
/// an active account pending verification and stays unresolved until a reviewer unlocks (no
/// later answer clears it, so whoever holds the secret cannot undo it); `mine` that leaves no
/// flagged event unresolved unlocks an account pending verification.
pub async fn verdict(
    connection: &mut AnyConnection,
    account: &AccountRow,
    event_id: &str,
    verdict: Verdict,
    now: i64,
) -> Result<Option<StateChange>, sqlx::Error> {
    Database::set_verdict(connection, event_id, verdict).await?;
    match verdict {
        Verdict::NotMine => {
            escalate(
                connection,
                account,
                AccountState::LockedPendingVerification,
                "The customer reported an event that was not theirs",
                now,
            )
            .await
        }
        Verdict::Mine
            if account.state == AccountState::LockedPendingVerification
                && Database::unresolved_count(connection, &account.id).await? == 0 =>
        {
            let change = change_state(
                connection,
                account,
                AccountState::Active,
                "The customer confirmed every flagged event",
                now,
            )
            .await?;
            Ok(Some(change))
        }
        Verdict::Mine => Ok(None),
    }
}

/// A document arrived (stored and recorded by the caller, with the row locked): an account
/// locked pending verification moves to review.
pub async fn document_received(
    connection: &mut AnyConnection,
    account: &AccountRow,
    now: i64,
) -> Result<Option<StateChange>, sqlx::Error> {
    if account.state != AccountState::LockedPendingVerification {
        return Ok(None);
    }
    let change = change_state(
        connection,
        account,
        AccountState::LockedPendingReview,
        "The customer sent a document for review",
        now,
    )
    .await?;
    Ok(Some(change))
}

/// A reviewer's decision on a locked account (the caller checked it is locked, with the row
/// locked): `unlock` resolves every flagged event and makes it active; `keep_locked` moves it to
/// review, or keeps it there with the new reason. `note` is added to the reason.
pub async fn review_decision(
    connection: &mut AnyConnection,
    account: &AccountRow,
    decision: Decision,
    note: &str,
    now: i64,
) -> Result<Option<StateChange>, sqlx::Error> {
    let note = note.trim();
    let with_note = |text: &str| {
        if note.is_empty() {
            text.to_owned()
        } else {
            format!("{text}: {note}")
        }
    };
    match decision {
        Decision::Unlock => {
            Database::resolve_all(connection, &account.id).await?;
            Database::delete_documents(connection, &account.id).await?;
            let reason = with_note("A reviewer unlocked the account");
            let change =
                change_state(connection, account, AccountState::Active, &reason, now).await?;
            Ok(Some(change))
        }
        Decision::KeepLocked => {
            end_sessions(connection, &account.id, SessionState::EndedByReview, now).await?;
            let reason = with_note("A reviewer kept the account locked");
            if account.state == AccountState::LockedPendingReview {
                Database::set_state(
                    connection,
                    &account.id,
                    AccountState::LockedPendingReview,
                    &reason,
                )
                .await?;
                return Ok(None);
            }
            let change = change_state(
                connection,
                account,
                AccountState::LockedPendingReview,
                &reason,
                now,
            )
            .await?;
            Ok(Some(change))
        }
    }
}

/// "Secure my account" (the caller holds the row lock): ends every active session, requires a
/// new password, and locks the account pending review when a flagged event is unanswered or
/// answered `not_mine`. Returns the ended sessions and the lock, if any.
pub async fn secure(
    connection: &mut AnyConnection,
    account: &AccountRow,
    now: i64,
) -> Result<(Vec<String>, Option<StateChange>), sqlx::Error> {
    let ended = end_sessions(connection, &account.id, SessionState::EndedByCustomer, now).await?;
    Database::require_password_reset(connection, &account.id, now).await?;
    let change = if Database::suspicious_event_count(connection, &account.id).await? > 0 {
        escalate(
            connection,
            account,
            AccountState::LockedPendingReview,
            "The customer secured the account after activity that was not theirs, or not answered",
            now,
        )
        .await?
    } else {
        None
    };
    let state = change.as_ref().map_or(account.state, |change| change.to);
    Database::queue_webhook(
        connection,
        &webhook_event(
            WebhookType::AccountSecured,
            &account.id,
            None,
            Some(state),
            now,
        ),
    )
    .await?;
    Ok((ended, change))
}

/// Ends every active session of an account as `state`, telling the site of each; their ids.
pub async fn end_sessions(
    connection: &mut AnyConnection,
    account_id: &str,
    state: SessionState,
    now: i64,
) -> Result<Vec<String>, sqlx::Error> {
    let ended = Database::end_active_sessions(connection, account_id, state, now).await?;
    for session in &ended {
        Database::queue_webhook(
            connection,
            &webhook_event(
                WebhookType::SessionEnded,
                account_id,
                Some(session),
                None,
                now,
            ),
        )
        .await?;
    }
    Ok(ended)
}

/// Moves the account to `to` when that is more severe than where it stands (a lock never
/// softens another); returns the change, if any.
async fn escalate(
    connection: &mut AnyConnection,
    account: &AccountRow,
    to: AccountState,
    reason: &str,
    now: i64,
) -> Result<Option<StateChange>, sqlx::Error> {
    if severity(to) <= severity(account.state) {
        return Ok(None);
    }
    Ok(Some(
        change_state(connection, account, to, reason, now).await?,
    ))
}

/// Moves an account to another state and records the change as an event in its feed.
async fn change_state(
    connection: &mut AnyConnection,
    account: &AccountRow,
    to: AccountState,
    reason: &str,
    now: i64,
) -> Result<StateChange, sqlx::Error> {
    Database::set_state(connection, &account.id, to, reason).await?;
    let event = NewEventRow {
        id: uuid::Uuid::new_v4().to_string(),
        account_id: account.id.clone(),
        kind: EventKind::StateChanged,
        occurred_at: now,
        recorded_at: now,
        ip: None,
        country: None,
        city: None,
        user_agent: None,
        outcome: None,
        details: json!({"from": account.state, "to": to, "reason": reason}),
    };
    Database::insert_event(connection, &event).await?;
    let kind = if to.is_locked() {
        WebhookType::AccountLocked
    } else {
        WebhookType::AccountUnlocked
    };
    Database::queue_webhook(
        connection,
        &webhook_event(kind, &account.id, None, Some(to), now),
    )
    .await?;
    Ok(StateChange {
        from: account.state,
        to,
        reason: reason.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::Config;

    #[test]
    fn wrong_codes_block_longer_and_then_lock() {
        let settings = Config::parse_from(["vigil-server"]).rules;
        let penalties: Vec<_> = (1..=11)
            .map(|streak| failure_penalty(&settings, streak))
            .collect();
        let block = |minutes| FailurePenalty::Block { minutes };
        assert_eq!(
            penalties,
            [
                FailurePenalty::None,
                FailurePenalty::None,
                FailurePenalty::None,
                FailurePenalty::None,
                block(1),
                FailurePenalty::None,
                FailurePenalty::None,
                FailurePenalty::None,
                FailurePenalty::None,
                block(2),
                FailurePenalty::None,
            ]
        );
        assert_eq!(failure_penalty(&settings, 95), block(15));
        assert_eq!(failure_penalty(&settings, 99), FailurePenalty::None);
        assert_eq!(failure_penalty(&settings, 100), FailurePenalty::Lock);
        assert_eq!(failure_penalty(&settings, 101), FailurePenalty::Lock);
    }
}
