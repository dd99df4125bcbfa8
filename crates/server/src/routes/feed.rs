//! The customer's calls from the app, signed with the key derived from the account's secret:
//! the feed, verdicts and documents.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::Deserialize;
use serde_json::json;
use vigil_core::activity::{
    AccountState, ActivityKey, DocumentReceived, EventKind, FeedPage, HEADER_NONCE,
    HEADER_SIGNATURE, HEADER_TIMESTAMP, SignedHeaders, SigningError, Verdict, VerdictRecorded,
    VerdictRequest, verify_request,
};

use super::{
    DOCUMENT_LIMIT, JSON_BODY_LIMIT, SharedState, api_event, body_bytes, datetime, parse_json,
};
use crate::db::{AccountRow, Database, DocumentRow, FeedCursor, NewEventRow};
use crate::error::ApiError;
use crate::routes::site::notify_state;
use crate::rules;

/// Checks a signed request and records its nonce; returns the account.
async fn authenticate(
    state: &SharedState,
    id: &str,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<AccountRow, ApiError> {
    let account = state.account(id).await?;
    let header = |name: &'static str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
            .ok_or(ApiError::Signature(SigningError::MissingHeader(name)))
    };
    let signed = SignedHeaders {
        timestamp: header(HEADER_TIMESTAMP)?,
        nonce: header(HEADER_NONCE)?,
        signature: header(HEADER_SIGNATURE)?,
    };
    let secret = state.secret_of(&account)?;
    let key = ActivityKey::derive(&secret, &account.id);
    let path = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    let now = state.clock.now();
    verify_request(&key, method.as_str(), path, &signed, body, now).map_err(ApiError::Signature)?;
    if !state
        .db
        .remember_nonce(&account.id, &signed.nonce, now)
        .await?
    {
        return Err(ApiError::NonceReused);
    }
    Ok(account)
}

/// Query of `GET /v1/feed/{id}`.
#[derive(Debug, Deserialize)]
pub struct FeedQuery {
    after: Option<String>,
    limit: Option<i64>,
}

/// `GET /v1/feed/{id}?after=&limit=`.
pub async fn feed(
    State(state): State<SharedState>,
    Path(id): Path<String>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    query: Result<Query<FeedQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<FeedPage>, ApiError> {
    let account = authenticate(&state, &id, &method, &uri, &headers, b"").await?;
    let Query(query) = query.map_err(|e| ApiError::InvalidRequest(e.body_text()))?;
    let limit = query.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        return Err(ApiError::InvalidRequest("limit must be 1 to 200".into()));
    }
    let cursor = match query.after.as_deref().filter(|a| !a.is_empty()) {
        None => None,
        Some(after) => {
            let mut connection = state.db.pool().acquire().await?;
            let event = Database::event(&mut connection, &account.id, after)
                .await?
                .ok_or_else(|| {
                    ApiError::InvalidRequest("after names no event of this feed".into())
                })?;
            Some(FeedCursor {
                occurred_at: event.occurred_at,
                id: event.id,
            })
        }
    };
    let rows = state
        .db
        .feed(&account.id, cursor.as_ref(), limit + 1)
        .await?;
    let more = rows.len() as i64 > limit;
    let events: Vec<_> = rows.iter().take(limit as usize).map(api_event).collect();
    let next = if more {
        events.last().map(|e| e.id.clone())
    } else {
        None
    };
    Ok(Json(FeedPage {
        account_state: account.state,
        state_reason: account.state_reason,
        server_time: datetime(state.clock.now()),
        events,
        next,
    }))
}

/// `POST /v1/feed/{id}/events/{event_id}/verdict`.
pub async fn verdict(
    State(state): State<SharedState>,
    Path((id, event_id)): Path<(String, String)>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<VerdictRecorded>, ApiError> {
    let body = body_bytes(body, JSON_BODY_LIMIT)?;
    authenticate(&state, &id, &method, &uri, &headers, &body).await?;
    let request: VerdictRequest = parse_json(&body)?;
    let now = state.clock.now();
    let mut tx = state.db.pool().begin().await?;
    let Some(account) = Database::lock_account_row(&mut tx, &id).await? else {
        return Err(ApiError::AccountNotFound);
    };
    if Database::event(&mut tx, &id, &event_id).await?.is_none() {
        return Err(ApiError::NotFound("event"));
    }
    Database::set_verdict(&mut tx, &event_id, request.verdict).await?;
    let change = match request.verdict {
        Verdict::NotMine if account.state == AccountState::Active => Some(
            rules::change_state(
                &mut tx,
                &account,
                AccountState::LockedPendingVerification,
                "The customer reported an event that was not theirs",
                now,
            )
            .await?,
        ),
        Verdict::Mine
            if account.state == AccountState::LockedPendingVerification
                && Database::unresolved_count(&mut tx, &id).await? == 0 =>
        {
            Some(
                rules::change_state(
                    &mut tx,
                    &account,
                    AccountState::Active,
                    "The customer confirmed every flagged event",
                    now,
                )
                .await?,
            )
        }
        _ => None,
    };
    tx.commit().await?;
    if let Some(change) = &change {
        notify_state(&state, &account, change);
    }
    Ok(Json(VerdictRecorded {
        event_id,
        verdict: request.verdict,
        account_state: change.map(|c| c.to).unwrap_or(account.state),
    }))
}

/// What a document's first bytes say it is.
fn document_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(b"\xff\xd8\xff") {
        Some("image/jpeg")
    } else {
        None
    }
}

/// `POST /v1/feed/{id}/documents`: the raw file as the body (PDF, PNG or JPEG, up to 10 MB).
pub async fn upload_document(
    State(state): State<SharedState>,
    Path(id): Path<String>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = body_bytes(body, DOCUMENT_LIMIT)?;
    authenticate(&state, &id, &method, &uri, &headers, &body).await?;
    let content_type = document_type(&body).ok_or(ApiError::UnsupportedDocument)?;
    let now = state.clock.now();
    let document = DocumentRow {
        id: uuid::Uuid::new_v4().to_string(),
        account_id: id.clone(),
        content_type: content_type.to_owned(),
        size: body.len() as i64,
        data_base64: STANDARD.encode(&body),
        received_at: now,
    };
    let mut tx = state.db.pool().begin().await?;
    let Some(account) = Database::lock_account_row(&mut tx, &id).await? else {
        return Err(ApiError::AccountNotFound);
    };
    state.db.insert_document(&mut tx, &document).await?;
    let event = NewEventRow {
        id: uuid::Uuid::new_v4().to_string(),
        account_id: id.clone(),
        kind: EventKind::DocumentReceived,
        occurred_at: now,
        recorded_at: now,
        ip: None,
        country: None,
        user_agent: None,
        outcome: None,
        details: json!({"document_id": document.id, "content_type": content_type, "size": body.len()}),
    };
    Database::insert_event(&mut tx, &event).await?;
    let change = if account.state == AccountState::LockedPendingVerification {
        Some(
            rules::change_state(
                &mut tx,
                &account,
                AccountState::LockedPendingReview,
                "The customer sent a document for review",
                now,
            )
            .await?,
        )
    } else {
        None
    };
    tx.commit().await?;
    if let Some(change) = &change {
        notify_state(&state, &account, change);
    }
    Ok((
        StatusCode::CREATED,
        Json(DocumentReceived {
            document_id: document.id,
            account_state: change.map(|c| c.to).unwrap_or(account.state),
        }),
    )
        .into_response())
}
