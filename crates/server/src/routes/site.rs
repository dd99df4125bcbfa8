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

use super::{JSON_BODY_LIMIT, SharedState, SiteCaller, body_bytes, datetime, parse_json};
use crate::db::{AccountRow, Database, NewAccount, NewEventRow};
use crate::email::{self, EventLine};
use crate::error::ApiError;
use crate::rules::{self, Assessment, StateChange};

/// Events may claim to be at most this far in the future (clock differences).
const FUTURE_TOLERANCE: i64 = 300;

/// `POST /v1/accounts`.
pub async fn create_account(
    _: SiteCaller,
    State(state): State<SharedState>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let request: CreateAccount = parse_json(&body_bytes(body, JSON_BODY_LIMIT)?)?;
    if request.external_id.trim().is_empty() || request.external_id.len() > 200 {
        return Err(ApiError::InvalidRequest(
            "external_id must be 1 to 200 characters".into(),
        ));
    }
    if !request.email.contains('@') || request.email.len() > 320 {
        return Err(ApiError::InvalidRequest(
            "email is not an email address".into(),
        ));
    }
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
    uri.activity = Some(format!("{}/v1/feed/{id}", state.public_url));
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
    _: SiteCaller,
    State(state): State<SharedState>,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let request: VerifyRequest = parse_json(&body_bytes(body, JSON_BODY_LIMIT)?)?;
    let account = state.account(&id).await?;
    let now = state.clock.now();
    let sign_in = |outcome: Outcome| NewEventRow {
        id: uuid::Uuid::new_v4().to_string(),
        account_id: account.id.clone(),
        kind: EventKind::SignIn,
        occurred_at: now,
        recorded_at: now,
        ip: request.ip.clone(),
        country: request.ip.as_deref().and_then(|ip| state.geo.country(ip)),
        user_agent: request.user_agent.clone(),
        outcome: Some(outcome),
        details: Value::Object(Default::default()),
    };
    if account.state.is_locked() {
        record_plain(&state, &sign_in(Outcome::AccountLocked)).await?;
        return Err(ApiError::AccountLocked(account.state));
    }
    if account.blocked_until > now {
        record_plain(&state, &sign_in(Outcome::TooManyAttempts)).await?;
        return Err(ApiError::TooManyAttempts(
            (account.blocked_until - now) as u64,
        ));
    }
    let secret = state.secret_of(&account)?;
    let typed: String = request
        .code
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let params = OtpParams::totp();
    let current = params.step(now.max(0) as u64) as i64;
    // Every candidate is compared (no early exit), each in constant time.
    let mut matched = None;
    for step in [current - 1, current, current + 1] {
        let expected = params.code_for_counter(&secret, step.max(0) as u64);
        if state.same(expected.as_str().as_bytes(), typed.as_bytes()) && matched.is_none() {
            matched = Some(step);
        }
    }
    let Some(step) = matched else {
        return failed_code(&state, &account, sign_in(Outcome::InvalidCode), now).await;
    };
    if step <= account.last_step {
        record_plain(&state, &sign_in(Outcome::CodeAlreadyUsed)).await?;
        return Err(ApiError::CodeAlreadyUsed);
    }
    let event = sign_in(Outcome::Success);
    let mut tx = state.db.pool().begin().await?;
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
        record_plain(&state, &sign_in(outcome)).await?;
        return Err(if locked.state.is_locked() {
            ApiError::AccountLocked(locked.state)
        } else {
            ApiError::CodeAlreadyUsed
        });
    }
    Database::insert_event(&mut tx, &event).await?;
    let assessment = rules::assess(&mut tx, &state.rules, &state.geo, &event).await?;
    let change = rules::apply(&mut tx, &locked, &event.id, &assessment, now).await?;
    tx.commit().await?;
    tracing::info!(account = %account.id, event = %event.id, "code accepted");
    notify(&state, &account, &event, &assessment, change.as_ref(), now).await;
    Ok(Json(VerifyAccepted {
        result: "accepted".into(),
        event_id: event.id,
    })
    .into_response())
}

/// Records a wrong code and applies the failure-streak rule ([`rules::wrong_code`]): the
/// refusal, or the lock it made.
async fn failed_code(
    state: &SharedState,
    account: &AccountRow,
    event: NewEventRow,
    now: i64,
) -> Result<Response, ApiError> {
    let mut tx = state.db.pool().begin().await?;
    if Database::lock_account_row(&mut tx, &account.id)
        .await?
        .is_none()
    {
        return Err(ApiError::AccountNotFound);
    }
    Database::insert_event(&mut tx, &event).await?;
    tx.commit().await?;
    let lock = rules::wrong_code(&state.db, &state.rules, &account.id, &event.id, now).await?;
    if let Some(change) = lock {
        notify_state(state, account, &change);
        return Err(ApiError::AccountLocked(change.to));
    }
    Err(ApiError::InvalidCode)
}

/// Records an event that no rule looks at (failed, replayed or refused sign-ins).
async fn record_plain(state: &SharedState, event: &NewEventRow) -> Result<(), ApiError> {
    let mut connection = state.db.pool().acquire().await?;
    Database::insert_event(&mut connection, event).await?;
    Ok(())
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
    let details = check_details(&request)?;
    let occurred_at = request
        .occurred_at
        .map(|t| t.unix_timestamp())
        .unwrap_or(now);
    if occurred_at > now + FUTURE_TOLERANCE {
        return Err(ApiError::InvalidRequest(
            "occurred_at is in the future".into(),
        ));
    }
    let event = NewEventRow {
        id: uuid::Uuid::new_v4().to_string(),
        account_id: id.clone(),
        kind: request.kind,
        occurred_at,
        recorded_at: now,
        ip: request.ip.clone(),
        country: request.ip.as_deref().and_then(|ip| state.geo.country(ip)),
        user_agent: request.user_agent.clone(),
        outcome: (request.kind == EventKind::SignIn).then_some(Outcome::Success),
        details,
    };
    let mut tx = state.db.pool().begin().await?;
    let Some(account) = Database::lock_account_row(&mut tx, &id).await? else {
        return Err(ApiError::AccountNotFound);
    };
    Database::insert_event(&mut tx, &event).await?;
    let assessment = rules::assess(&mut tx, &state.rules, &state.geo, &event).await?;
    let change = rules::apply(&mut tx, &account, &event.id, &assessment, now).await?;
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

fn check_details(request: &NewEvent) -> Result<Value, ApiError> {
    if !request.kind.site_may_post() {
        return Err(ApiError::InvalidRequest(format!(
            "{} events are recorded by the service only",
            request.kind.as_str()
        )));
    }
    let details = request
        .details
        .clone()
        .unwrap_or(Value::Object(Default::default()));
    let Value::Object(fields) = &details else {
        return Err(ApiError::InvalidRequest("details must be an object".into()));
    };
    for name in request.kind.required_details() {
        match fields.get(*name) {
            Some(Value::String(text)) if !text.trim().is_empty() => {}
            Some(Value::Number(_)) if *name == "amount" => {}
            _ => {
                return Err(ApiError::InvalidRequest(format!(
                    "{} events need details.{name} (a string)",
                    request.kind.as_str()
                )));
            }
        }
    }
    if request.kind == EventKind::PaymentMethodAdded {
        let last4 = fields.get("last4").and_then(Value::as_str).unwrap_or("");
        if last4.len() != 4 || !last4.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ApiError::InvalidRequest(
                "details.last4 must be exactly the last 4 digits (never a full card number)".into(),
            ));
        }
    }
    if details.to_string().len() > 4096 {
        return Err(ApiError::InvalidRequest(
            "details are larger than 4 KB".into(),
        ));
    }
    Ok(details)
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
                    user_agent: event.user_agent.clone(),
                    outcome: event.outcome,
                    details: event.details.to_string(),
                    flagged: true,
                    resolved: false,
                    reasons: assessment.flagged.clone(),
                    verdict: None,
                };
                let link = AppLink {
                    service: AppLink::service_of(&state.public_url),
                    account_id: account.id.clone(),
                    event_id: Some(event.id.clone()),
                    verdict: Some(Verdict::NotMine),
                }
                .to_string();
                match email::alert_email(
                    &account.email,
                    &account.issuer,
                    &EventLine::from_event(&row),
                    &link,
                ) {
                    Ok(mail) => state.mailer.send(mail),
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
        notify_state(state, account, change);
    }
}

/// The lock or unlock email.
pub fn notify_state(state: &SharedState, account: &AccountRow, change: &StateChange) {
    tracing::info!(account = %account.id, from = change.from.as_str(), to = change.to.as_str(), "state changed");
    match email::state_email(&account.email, &account.issuer, change.to, &change.reason) {
        Ok(mail) => state.mailer.send(mail),
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
    let lines: Vec<EventLine> = events.iter().map(EventLine::from_event).collect();
    let mail = email::digest_email(&account.email, &account.issuer, &lines)
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    state.mailer.send(mail);
    Ok(Json(DigestSent {
        sign_ins: count(EventKind::SignIn),
        orders: count(EventKind::OrderPlaced),
        bookings: count(EventKind::BookingCreated),
    }))
}
