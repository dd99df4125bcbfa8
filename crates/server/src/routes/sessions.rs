//! Sessions: the site's list (`GET /v1/accounts/{id}/sessions`) and its polling of webhook
//! events (`GET /v1/webhook-events`), the customer's signed calls (`GET /v1/feed/{id}/sessions`,
//! `POST …/sessions/{session}/end`, `POST /v1/feed/{id}/secure`), and what the site's events
//! and accepted codes do to sessions ([`on_site_event`], [`on_code`]).

use axum::Json;
use axum::extract::{Path, Query, State};
use serde::Deserialize;
use sqlx::AnyConnection;
use vigil_core::activity::validate::session_id;
use vigil_core::activity::{
    AccountSecured, AccountSessions, EventKind, Session, SessionEnded, SessionList, SessionState,
    WebhookEventPage, WebhookType,
};

use super::{SharedState, SignedCaller, SiteCaller, datetime, invalid_field};
use crate::db::{Database, NewEventRow, NewSession, SessionRow};
use crate::device::{describe, device_from_user_agent};
use crate::error::ApiError;
use crate::routes::site::notify_state;
use crate::rules;
use crate::webhooks::webhook_event;

/// The most sessions one list shows.
const MAX_LISTED: i64 = 200;

/// A session as the API shows it.
fn api_session(row: &SessionRow) -> Session {
    let device = device_from_user_agent(row.user_agent.as_deref());
    Session {
        id: row.id.clone(),
        state: row.state,
        device_words: describe(&device),
        device,
        ip: row.ip.clone(),
        country: row.country.clone(),
        city: row.city.clone(),
        started_at: datetime(row.started_at),
        last_seen_at: datetime(row.last_seen_at),
        ended_at: row.ended_at.map(datetime),
        sign_in_event: row.sign_in_event_id.clone(),
        flagged: row.flagged,
    }
}

/// What an event the site posted does to its session (in the event's transaction, the account's
/// row locked): a `sign_in` starts it (`409 session_ended` when the id was used by a session
/// that ended), a `sign_out` ends it (`404 session_not_found` when there is none), any other
/// kind counts as activity in it. A `password_changed` clears `password_reset_required`.
pub async fn on_site_event(
    connection: &mut AnyConnection,
    event: &NewEventRow,
    session: Option<&str>,
) -> Result<(), ApiError> {
    if event.kind == EventKind::PasswordChanged {
        Database::clear_password_reset(connection, &event.account_id).await?;
    }
    let Some(session) = session else {
        return Ok(());
    };
    let existing = Database::session(connection, &event.account_id, session).await?;
    match (event.kind, existing) {
        (EventKind::SignIn, existing) => {
            start_or_touch(connection, event, session, existing, false).await
        }
        (EventKind::SignOut, None) => Err(ApiError::SessionNotFound),
        (EventKind::SignOut, Some(_)) => {
            Database::end_session(
                connection,
                &event.account_id,
                session,
                SessionState::SignedOut,
                event.occurred_at,
            )
            .await?;
            Ok(())
        }
        (_, Some(_)) => {
            Database::touch_session(
                connection,
                &event.account_id,
                session,
                event.occurred_at,
                false,
            )
            .await?;
            Ok(())
        }
        // Activity in a session Vigil never saw start: the event stands on its own.
        (_, None) => Ok(()),
    }
}

/// An accepted code with `session` (in the verification's transaction): starts the session, or
/// marks it as the one the last code came from.
pub async fn on_code(
    connection: &mut AnyConnection,
    event: &NewEventRow,
    session: Option<&str>,
) -> Result<(), ApiError> {
    let Some(session) = session else {
        return Ok(());
    };
    let existing = Database::session(connection, &event.account_id, session).await?;
    start_or_touch(connection, event, session, existing, true).await
}

async fn start_or_touch(
    connection: &mut AnyConnection,
    event: &NewEventRow,
    session: &str,
    existing: Option<SessionRow>,
    by_code: bool,
) -> Result<(), ApiError> {
    match existing {
        Some(row) if row.state != SessionState::Active => {
            Err(ApiError::SessionEnded(session.to_owned()))
        }
        Some(_) => {
            Database::touch_session(
                connection,
                &event.account_id,
                session,
                event.occurred_at,
                by_code,
            )
            .await?;
            Ok(())
        }
        None => {
            Database::start_session(
                connection,
                &NewSession {
                    id: session,
                    account_id: &event.account_id,
                    user_agent: event.user_agent.as_deref(),
                    ip: event.ip.as_deref(),
                    country: event.country.as_deref(),
                    started_at: event.occurred_at,
                    sign_in_event_id: &event.id,
                    by_code,
                },
            )
            .await?;
            Ok(())
        }
    }
}

/// `GET /v1/accounts/{id}/sessions` (site key): every session, newest first, and whether a new
/// password is required.
pub async fn account_sessions(
    _: SiteCaller,
    State(state): State<SharedState>,
    Path(id): Path<String>,
) -> Result<Json<AccountSessions>, ApiError> {
    let account = state.account(&id).await?;
    let rows = state.db.sessions(&account.id, false, MAX_LISTED).await?;
    let mut connection = state.db.pool().acquire().await?;
    let password_reset_required =
        Database::password_reset_required(&mut connection, &account.id).await?;
    Ok(Json(AccountSessions {
        account_id: account.id,
        account_state: account.state,
        password_reset_required,
        sessions: rows.iter().map(api_session).collect(),
    }))
}

/// Query of `GET /v1/webhook-events`.
#[derive(Debug, Deserialize)]
pub struct WebhookQuery {
    after: Option<String>,
    limit: Option<i64>,
}

/// `GET /v1/webhook-events?after=&limit=` (site key): the events webhooks carry, oldest first,
/// for a site that polls instead of (or besides) receiving them.
pub async fn webhook_events(
    _: SiteCaller,
    State(state): State<SharedState>,
    query: Result<Query<WebhookQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<WebhookEventPage>, ApiError> {
    let Query(query) = query.map_err(|e| ApiError::InvalidRequest(e.body_text()))?;
    let limit = query.limit.unwrap_or(100);
    if !(1..=200).contains(&limit) {
        return Err(ApiError::InvalidRequest("limit must be 1 to 200".into()));
    }
    let after = query.after.as_deref().filter(|after| !after.is_empty());
    if after.is_some_and(|after| after.len() > 64) {
        return Err(ApiError::InvalidRequest(
            "after must be at most 64 characters (an event id)".into(),
        ));
    }
    let events = state
        .db
        .webhook_events_after(after, limit)
        .await?
        .ok_or_else(|| ApiError::InvalidRequest("after names no webhook event".into()))?;
    let next = if events.len() as i64 == limit {
        events.last().map(|event| event.id.clone())
    } else {
        None
    };
    Ok(Json(WebhookEventPage { events, next }))
}

/// `GET /v1/feed/{id}/sessions` (signed): the active sessions, and the one the last code came
/// from.
pub async fn feed_sessions(
    State(state): State<SharedState>,
    SignedCaller { account, .. }: SignedCaller,
) -> Result<Json<SessionList>, ApiError> {
    let rows = state.db.sessions(&account.id, true, MAX_LISTED).await?;
    let last_code_session = state.db.last_code_session(&account.id).await?;
    let mut connection = state.db.pool().acquire().await?;
    let password_reset_required =
        Database::password_reset_required(&mut connection, &account.id).await?;
    Ok(Json(SessionList {
        account_state: account.state,
        password_reset_required,
        server_time: datetime(state.clock.now()),
        last_code_session,
        sessions: rows.iter().map(api_session).collect(),
    }))
}

/// `POST /v1/feed/{id}/sessions/{session}/end` (signed): ends one session and tells the site.
/// A session that ended already is answered as it is.
pub async fn end_session(
    State(state): State<SharedState>,
    Path((_, session)): Path<(String, String)>,
    SignedCaller { account, .. }: SignedCaller,
) -> Result<Json<SessionEnded>, ApiError> {
    session_id("session", &session).map_err(invalid_field)?;
    let now = state.clock.now();
    let mut tx = state.db.writer().begin().await?;
    if Database::lock_account_row(&mut tx, &account.id)
        .await?
        .is_none()
    {
        return Err(ApiError::AccountNotFound);
    }
    if Database::session(&mut tx, &account.id, &session)
        .await?
        .is_none()
    {
        return Err(ApiError::SessionNotFound);
    }
    if Database::end_session(
        &mut tx,
        &account.id,
        &session,
        SessionState::EndedByCustomer,
        now,
    )
    .await?
    {
        let event = webhook_event(
            WebhookType::SessionEnded,
            &account.id,
            Some(&session),
            None,
            now,
        );
        Database::queue_webhook(&mut tx, &event).await?;
    }
    let row = Database::session(&mut tx, &account.id, &session)
        .await?
        .ok_or(ApiError::SessionNotFound)?;
    tx.commit().await?;
    state.webhooks.wake();
    tracing::info!(account = %account.id, "session ended by the customer");
    Ok(Json(SessionEnded {
        session: api_session(&row),
    }))
}

/// `POST /v1/feed/{id}/secure` (signed): "Secure my account" (see [`rules::secure`]).
pub async fn secure(
    State(state): State<SharedState>,
    SignedCaller { account, .. }: SignedCaller,
) -> Result<Json<AccountSecured>, ApiError> {
    let now = state.clock.now();
    let mut tx = state.db.writer().begin().await?;
    let Some(locked) = Database::lock_account_row(&mut tx, &account.id).await? else {
        return Err(ApiError::AccountNotFound);
    };
    let (ended_sessions, change) = rules::secure(&mut tx, &locked, now).await?;
    tx.commit().await?;
    state.webhooks.wake();
    tracing::info!(account = %account.id, ended = ended_sessions.len(), "account secured");
    if let Some(change) = &change {
        notify_state(&state, &locked, change).await;
    }
    Ok(Json(AccountSecured {
        ended_sessions,
        password_reset_required: true,
        account_state: change.map_or(locked.state, |change| change.to),
    }))
}
