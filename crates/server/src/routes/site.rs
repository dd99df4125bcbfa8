//! The site's calls (`Authorization: Bearer <site key>`): enrolment, code verification, events,
//! account state and the digest email.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use ring::rand::{SecureRandom, SystemRandom};
use serde_json::Value;
use vigil_core::activity::{
    AccountCreated, AccountStatus, AppLink, CreateAccount, DigestSent, EventKind, EventRecorded,
    NewEvent, Outcome, Verdict, VerifyAccepted, VerifyRequest,
};
use vigil_core::{OtpParams, OtpUri, Secret};

use super::accept_on_sqlite::accept_on_sqlite_thread;
use super::{
    JSON_BODY_LIMIT, SharedState, SiteCaller, body_bytes, datetime, invalid_field, parse_json,
};
use crate::db::{
    AccountRow, Attempt, BlockRule, Database, FAMILIAR_SOURCE, NewAccount, NewEventRow, Written,
};
use crate::email::{self, EventLine};
use crate::error::ApiError;
use crate::rules::{self, Assessment, StateChange};

/// Repeated failed sign-ins (same outcome, same IP) within this many seconds are one event.
const REPEAT_WINDOW_SECONDS: i64 = 3600;

/// `POST /v1/accounts`.
pub async fn create_account(
    _: SiteCaller,
    State(state): State<SharedState>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let request: CreateAccount = parse_json(&body_bytes(body, JSON_BODY_LIMIT)?)?;
    request.validate().map_err(invalid_field)?;
    let mut raw = vec![0u8; 20];
    SystemRandom::new()
        .fill(&mut raw)
        .map_err(|_| ApiError::Internal("no randomness".into()))?;
    let secret = Secret::from_bytes(raw);
    let id = uuid::Uuid::new_v4().to_string();
    let issuer = request.issuer.as_deref().unwrap_or(&state.issuer);
    let label = request.label.as_deref().unwrap_or(&request.email);
    let sealed_secret = state.seal_secret(&id, &secret)?;
    let inserted = state
        .db
        .insert_account(&NewAccount {
            id: &id,
            external_id: &request.external_id,
            email: &request.email,
            issuer,
            label,
            sealed_secret: &sealed_secret,
            created_at: state.clock.now(),
            locale: request.locale.as_deref(),
        })
        .await?;
    if !inserted {
        return Err(ApiError::Conflict(format!(
            "An account with external_id '{}' exists already.",
            request.external_id
        )));
    }
    tracing::info!(account = %id, "account created");
    let uri = enrolment_uri(&state, &id, issuer, label, secret);
    Ok((
        StatusCode::CREATED,
        Json(AccountCreated {
            account_id: id,
            otpauth_uri: uri,
        }),
    )
        .into_response())
}

fn enrolment_uri(
    state: &SharedState,
    id: &str,
    issuer: &str,
    label: &str,
    secret: Secret,
) -> String {
    let mut uri = OtpUri::new(issuer, label, secret, OtpParams::totp());
    uri.activity = Some(format!("{}/v1/feed/{id}", state.public_url.base()));
    uri.to_uri_string()
}

/// `GET /v1/accounts/{id}`.
pub async fn account_status(
    _: SiteCaller,
    State(state): State<SharedState>,
    Path(id): Path<String>,
) -> Result<Json<AccountStatus>, ApiError> {
    let account = state.account(&id).await?;
    Ok(Json(AccountStatus {
        account_id: account.id,
        state: account.state,
        state_reason: account.state_reason,
        created_at: datetime(account.created_at),
        locale: account.locale,
    }))
}

/// `GET /v1/accounts/{id}/enrolment.png` and `.svg`: the QR code until the first accepted code.
pub async fn enrolment_image(
    _: SiteCaller,
    State(state): State<SharedState>,
    Path((id, file)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    if file != "enrolment.png" && file != "enrolment.svg" {
        return Err(ApiError::NoRoute);
    }
    let account = state.account(&id).await?;
    if account.enrolled {
        return Err(ApiError::EnrolmentClosed);
    }
    let secret = state.secret_of(&account)?;
    let uri = enrolment_uri(&state, &account.id, &account.issuer, &account.label, secret);
    let no_store = (header::CACHE_CONTROL, "no-store");
    let drawing_failed = |e: vigil_core::qr::QrError| ApiError::Internal(e.to_string());
    if file == "enrolment.png" {
        let png = vigil_core::qr::render_png(&uri).map_err(drawing_failed)?;
        Ok(([(header::CONTENT_TYPE, "image/png"), no_store], png).into_response())
    } else {
        let svg = vigil_core::qr::render_svg(&uri).map_err(drawing_failed)?;
        Ok(([(header::CONTENT_TYPE, "image/svg+xml"), no_store], svg).into_response())
    }
}

/// `POST /v1/accounts/{id}/verify`.
pub async fn verify(
    caller: SiteCaller,
    State(state): State<SharedState>,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let result = verify_code(caller, State(state.clone()), Path(id), body).await;
    let label = match &result {
        Ok(_) => "accepted",
        Err(error) => error.code().as_str(),
    };
    state.metrics.observe_verification(label);
    result
}

/// The verification itself (`verify` counts its result).
async fn verify_code(
    _: SiteCaller,
    State(state): State<SharedState>,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let request: VerifyRequest = parse_json(&body_bytes(body, JSON_BODY_LIMIT)?)?;
    let ip = request.validate().map_err(invalid_field)?;
    let ip_text = ip.map(|ip| ip.to_string());
    let (account, familiar) = state
        .db
        .account_and_familiar_ip(&id, ip_text.as_deref())
        .await?
        .ok_or(ApiError::AccountNotFound)?;
    let now = state.clock.now();
    let country = ip_text.as_deref().and_then(|ip| state.geo.country(ip));
    let city = ip_text.as_deref().and_then(|ip| state.geo.city_name(ip));
    let sign_in = |outcome: Outcome| NewEventRow {
        id: uuid::Uuid::new_v4().to_string(),
        account_id: account.id.clone(),
        kind: EventKind::SignIn,
        occurred_at: now,
        recorded_at: now,
        ip: ip_text.clone(),
        country: country.clone(),
        city: city.clone(),
        user_agent: request.user_agent.clone(),
        outcome: Some(outcome),
        details: Value::Object(Default::default()),
    };
    if account.state.is_locked() {
        record_failure(&state, &sign_in(Outcome::AccountLocked)).await?;
        return Err(ApiError::AccountLocked(account.state));
    }
    // Smart lockout: the places the customer signed in from (`familiar`) share the account's
    // throttle; every other place is throttled on its own, so failures there cannot keep them out.
    let source = throttle_source(familiar, ip_text.as_deref(), country.as_deref());
    let rule = BlockRule {
        every: state.rules.failures_before_block,
        max_minutes: state.rules.max_block_minutes,
    };
    // A right, fresh code is accepted in one transaction (the common case); anything else, or
    // anything that transaction finds in the way, takes the path below, which says why.
    if let Ok(secret) = state.secret_of(&account)
        && let Some(step) = matched_step(&state, &secret, &request.code, now)
        && step > account.last_step
        && let Some(accepted) = accept_fresh_code(
            &state,
            &account,
            &sign_in(Outcome::Success),
            &source,
            step,
            request.session.as_deref(),
        )
        .await?
    {
        return Ok(accepted);
    }
    let mut writer = state.db.writer().acquire().await?;
    let attempt = Database::reserve_attempt(&mut writer, &account.id, &source, now, rule).await?;
    drop(writer);
    let streak = match attempt {
        Attempt::Allowed { streak } => streak,
        Attempt::Blocked { until } => {
            record_failure(&state, &sign_in(Outcome::TooManyAttempts)).await?;
            return Err(ApiError::TooManyAttempts((until - now).max(1) as u64));
        }
    };
    let secret = state.secret_of(&account)?;
    let Some(step) = matched_step(&state, &secret, &request.code, now) else {
        let event_id = record_failure(&state, &sign_in(Outcome::InvalidCode)).await?;
        let lock = rules::wrong_code(
            &state.db,
            &state.rules,
            &account.id,
            &event_id,
            streak,
            familiar,
            now,
        )
        .await?;
        if let Some(change) = lock {
            notify_state(&state, &account, &change).await;
            return Err(ApiError::AccountLocked(change.to));
        }
        return Err(ApiError::InvalidCode);
    };
    if step <= account.last_step {
        record_failure(&state, &sign_in(Outcome::CodeAlreadyUsed)).await?;
        return Err(ApiError::CodeAlreadyUsed);
    }
    let event = sign_in(Outcome::Success);
    let mut tx = state.db.writer().begin().await?;
    let Some(locked) = Database::lock_account_row(&mut tx, &account.id).await? else {
        return Err(ApiError::AccountNotFound);
    };
    if !Database::accept_step(&mut tx, &account.id, step).await? {
        tx.rollback().await?;
        let outcome = if locked.state.is_locked() {
            Outcome::AccountLocked
        } else {
            Outcome::CodeAlreadyUsed
        };
        record_failure(&state, &sign_in(outcome)).await?;
        return Err(if locked.state.is_locked() {
            ApiError::AccountLocked(locked.state)
        } else {
            ApiError::CodeAlreadyUsed
        });
    }
    Database::reset_attempts(&mut tx, &account.id, &source).await?;
    Database::insert_event(&mut tx, &event).await?;
    let assessment = rules::assess(&mut tx, &state.rules, &state.geo, &event).await?;
    let change = rules::apply(&mut tx, &locked, &event.id, &assessment, now).await?;
    super::sessions::on_code(&mut tx, &event, request.session.as_deref()).await?;
    tx.commit().await?;
    tracing::info!(account = %account.id, event = %event.id, "code accepted");
    notify(&state, &account, &event, &assessment, change.as_ref(), now).await;
    Ok(Json(VerifyAccepted {
        result: "accepted".into(),
        event_id: event.id,
    })
    .into_response())
}

/// The TOTP step (the previous, current or next) whose code was typed (spaces ignored), if any.
fn matched_step(state: &SharedState, secret: &Secret, code: &str, now: i64) -> Option<i64> {
    let typed: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    first_matching_step(secret, &typed, now, |a, b| state.same(a, b))
}

/// The step whose code `typed` is, trying the current step first, then the previous and the next:
/// two steps' 6-digit codes are the same about once in a million, and such a code typed now is
/// the current one (taken as the previous step, it could be refused as already used). Every
/// candidate is compared (no early exit), each with `same`, in constant time.
fn first_matching_step(
    secret: &Secret,
    typed: &str,
    now: i64,
    same: impl Fn(&[u8], &[u8]) -> bool,
) -> Option<i64> {
    let params = OtpParams::totp();
    let current = params.step(now.max(0) as u64) as i64;
    let mut matched = None;
    for step in [current, current - 1, current + 1] {
        let expected = params.code_for_counter(secret, step.max(0) as u64);
        if same(expected.as_str().as_bytes(), typed.as_bytes()) && matched.is_none() {
            matched = Some(step);
        }
    }
    matched
}

/// Accepts a right code of a step later than the account's last, in one transaction on the
/// writer (on a SQLite file, in one trip to its writer thread: `accept_on_sqlite`): the step (the account's row locked and read back by the same `UPDATE … RETURNING`),
/// the throttle check and reset (one upsert, refused while blocked), the event, the rules and
/// the session, then one commit, before the answer. `None` (nothing written) when the step was
/// taken meanwhile, the account is no longer active, the source is blocked or the session has
/// ended: the caller's step-by-step path then records and answers that as before.
async fn accept_fresh_code(
    state: &SharedState,
    account: &AccountRow,
    event: &NewEventRow,
    source: &str,
    step: i64,
    session: Option<&str>,
) -> Result<Option<Response>, ApiError> {
    let now = event.occurred_at;
    let (assessment, change) = match accept_on_sqlite_thread(state, event, source, step, session)
        .await?
    {
        Written::Committed(assessment) => (assessment, None),
        Written::Declined => return Ok(None),
        Written::NoWriterThread => {
            let mut tx = state.db.writer().begin().await?;
            let Some(locked) = Database::accept_step_returning(&mut tx, &account.id, step).await?
            else {
                tx.rollback().await?;
                return Ok(None);
            };
            if !Database::clear_attempts_unless_blocked(&mut tx, &account.id, source, now).await? {
                tx.rollback().await?;
                return Ok(None);
            }
            Database::insert_event(&mut tx, event).await?;
            let assessment = rules::assess(&mut tx, &state.rules, &state.geo, event).await?;
            let change = rules::apply(&mut tx, &locked, &event.id, &assessment, now).await?;
            match super::sessions::on_code(&mut tx, event, session).await {
                Ok(()) => {}
                Err(ApiError::SessionEnded(_)) => {
                    tx.rollback().await?;
                    return Ok(None);
                }
                Err(error) => return Err(error),
            }
            tx.commit().await?;
            (assessment, change)
        }
    };
    tracing::info!(account = %account.id, event = %event.id, "code accepted");
    notify(state, account, event, &assessment, change.as_ref(), now).await;
    Ok(Some(
        Json(VerifyAccepted {
            result: "accepted".into(),
            event_id: event.id.clone(),
        })
        .into_response(),
    ))
}

/// The throttle bucket of a sign-in attempt: the familiar places share one; an unfamiliar one
/// is throttled per country (so hopping between addresses there does not help), or per address
/// when its country is unknown.
fn throttle_source(familiar: bool, ip: Option<&str>, country: Option<&str>) -> String {
    match (familiar, country, ip) {
        (true, _, _) | (false, None, None) => FAMILIAR_SOURCE.to_owned(),
        (false, Some(country), _) => format!("country:{country}"),
        (false, None, Some(ip)) => format!("ip:{ip}"),
    }
}

/// Records a failed sign-in (no rule looks at it but the failure streak), counted into the
/// last such event from the same IP within the hour; returns the event that holds it.
async fn record_failure(state: &SharedState, event: &NewEventRow) -> Result<String, ApiError> {
    let mut tx = state.db.writer().begin().await?;
    if Database::lock_account_row(&mut tx, &event.account_id)
        .await?
        .is_none()
    {
        return Err(ApiError::AccountNotFound);
    }
    let id = Database::record_failed_sign_in(&mut tx, event, REPEAT_WINDOW_SECONDS).await?;
    tx.commit().await?;
    Ok(id)
}

/// `POST /v1/accounts/{id}/events`.
pub async fn record_event(
    _: SiteCaller,
    State(state): State<SharedState>,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let request: NewEvent = parse_json(&body_bytes(body, JSON_BODY_LIMIT)?)?;
    let now = state.clock.now();
    let checked = request.validate(now).map_err(invalid_field)?;
    let ip = checked.ip.map(|ip| ip.to_string());
    let event = NewEventRow {
        id: uuid::Uuid::new_v4().to_string(),
        account_id: id.clone(),
        kind: request.kind,
        occurred_at: checked.occurred_at,
        recorded_at: now,
        country: ip.as_deref().and_then(|ip| state.geo.country(ip)),
        city: ip.as_deref().and_then(|ip| state.geo.city_name(ip)),
        ip,
        user_agent: request.user_agent.clone(),
        outcome: (request.kind == EventKind::SignIn).then_some(Outcome::Success),
        details: checked.details,
    };
    let mut tx = state.db.writer().begin().await?;
    let Some(account) = Database::lock_account_row(&mut tx, &id).await? else {
        return Err(ApiError::AccountNotFound);
    };
    Database::insert_event(&mut tx, &event).await?;
    let assessment = rules::assess(&mut tx, &state.rules, &state.geo, &event).await?;
    let change = rules::apply(&mut tx, &account, &event.id, &assessment, now).await?;
    super::sessions::on_site_event(&mut tx, &event, request.session.as_deref()).await?;
    tx.commit().await?;
    notify(&state, &account, &event, &assessment, change.as_ref(), now).await;
    let account_state = change.as_ref().map(|c| c.to).unwrap_or(account.state);
    Ok((
        StatusCode::CREATED,
        Json(EventRecorded {
            event_id: event.id,
            account_state,
            risk: assessment.risk(),
        }),
    )
        .into_response())
}

/// Emails after a committed event: the alert for a flagged sign-in (at most one per rule per
/// hour), and the lock email (never held back).
async fn notify(
    state: &SharedState,
    account: &AccountRow,
    event: &NewEventRow,
    assessment: &Assessment,
    change: Option<&StateChange>,
    now: i64,
) {
    if event.kind == EventKind::SignIn
        && let Some(rule) = assessment.flagged.first()
    {
        let not_since = now - state.rules.alert_interval_minutes * 60;
        match state
            .db
            .claim_alert(&account.id, rule.as_str(), now, not_since)
            .await
        {
            Ok(true) => {
                let row = crate::db::EventRow {
                    id: event.id.clone(),
                    account_id: account.id.clone(),
                    kind: event.kind,
                    occurred_at: event.occurred_at,
                    recorded_at: event.recorded_at,
                    ip: event.ip.clone(),
                    country: event.country.clone(),
                    city: event.city.clone(),
                    user_agent: event.user_agent.clone(),
                    outcome: event.outcome,
                    details: event.details.to_string(),
                    flagged: true,
                    resolved: false,
                    reasons: assessment.flagged.clone(),
                    verdict: None,
                    count: 1,
                };
                let link = AppLink {
                    service: AppLink::service_of(state.public_url.base()),
                    account_id: account.id.clone(),
                    event_id: Some(event.id.clone()),
                    verdict: Some(Verdict::NotMine),
                }
                .to_string();
                // Rendered before any await: `Words` is not `Send`.
                let rendered = {
                    let words = email::words_for(account.locale.as_deref());
                    email::alert_email(
                        &words,
                        &account.email,
                        &account.issuer,
                        &EventLine::from_event(&words, &row),
                        &link,
                    )
                };
                match rendered {
                    Ok(mail) => state.mailer.send(mail).await,
                    Err(error) => tracing::error!(%error, "alert not rendered"),
                }
            }
            Ok(false) => {
                tracing::info!(account = %account.id, rule = %rule, "alert held back (one per hour)")
            }
            Err(error) => tracing::error!(%error, "alert throttle failed"),
        }
    }
    if let Some(change) = change {
        notify_state(state, account, change).await;
    }
}

/// The lock or unlock email.
pub async fn notify_state(state: &SharedState, account: &AccountRow, change: &StateChange) {
    tracing::info!(account = %account.id, from = change.from.as_str(), to = change.to.as_str(), "state changed");
    state.webhooks.wake();
    if change.to.is_locked() {
        state.metrics.observe_lock(change.to.as_str());
    }
    let rendered = email::state_email(
        &email::words_for(account.locale.as_deref()),
        &account.email,
        &account.issuer,
        change.to,
        &change.reason,
    );
    match rendered {
        Ok(mail) => state.mailer.send(mail).await,
        Err(error) => tracing::error!(%error, "state email not rendered"),
    }
}

/// `POST /v1/accounts/{id}/digest`.
pub async fn send_digest(
    _: SiteCaller,
    State(state): State<SharedState>,
    Path(id): Path<String>,
) -> Result<Json<DigestSent>, ApiError> {
    let account = state.account(&id).await?;
    let since = state.clock.now() - 7 * 24 * 3600;
    let events = state.db.digest_events(&account.id, since).await?;
    let count = |kind: EventKind| events.iter().filter(|e| e.kind == kind).count() as u64;
    let mail = {
        // Rendered before the await below: `Words` is not `Send`.
        let words = email::words_for(account.locale.as_deref());
        let lines: Vec<EventLine> = events
            .iter()
            .map(|event| EventLine::from_event(&words, event))
            .collect();
        email::digest_email(&words, &account.email, &account.issuer, &lines)
            .map_err(|e| ApiError::Internal(e.to_string()))?
    };
    state.mailer.send(mail).await;
    Ok(Json(DigestSent {
        sign_ins: count(EventKind::SignIn),
        orders: count(EventKind::OrderPlaced),
        bookings: count(EventKind::BookingCreated),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A secret whose codes for steps 999,999 and 1,000,000 are both 654820 (found by search).
    fn colliding_secret() -> Secret {
        Secret::from_bytes(b"vigil-collision-\x00\x0d\xe3\xe8".to_vec())
    }

    #[test]
    fn a_code_two_steps_share_is_the_current_step() {
        let now = 1_000_000 * 30 + 5;
        let secret = colliding_secret();
        let params = OtpParams::totp();
        assert_eq!(params.code_for_counter(&secret, 999_999).as_str(), "654820");
        assert_eq!(
            params.code_for_counter(&secret, 1_000_000).as_str(),
            "654820"
        );
        let same = |a: &[u8], b: &[u8]| a == b;
        assert_eq!(
            first_matching_step(&secret, "654820", now, same),
            Some(1_000_000)
        );
        // The previous and next steps' own codes still match their steps.
        let next = params.code_for_counter(&secret, 1_000_001);
        assert_eq!(
            first_matching_step(&secret, next.as_str(), now, same),
            Some(1_000_001)
        );
        let other = OtpParams::totp().code_for_counter(&secret, 999_999);
        assert_eq!(
            first_matching_step(&secret, other.as_str(), now + 30, same),
            Some(1_000_000)
        );
        assert_eq!(first_matching_step(&secret, "000000", now, same), None);
    }
}
