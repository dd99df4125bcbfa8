//! The customer's calls from the app, signed with the key derived from the account's secret
//! (checked by the [`SignedCaller`] extractor): the feed, verdicts and documents.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;
use vigil_core::activity::{
    DocumentReceived, DocumentType, EventKind, FeedPage, MAX_DOCUMENT_BYTES, Verdict,
    VerdictRecorded, VerdictRequest,
};

use super::{SharedState, SignedCaller, api_event, datetime, parse_json};
use crate::db::{AccountRow, Database, DocumentRow, FeedCursor, NewEventRow};
use crate::error::ApiError;
use crate::routes::site::notify_state;
use crate::rules;

/// Documents an account may hold at once (a reviewer's unlock deletes them).
pub const MAX_DOCUMENTS_PER_ACCOUNT: i64 = 5;

/// The longest `after` cursor (an event id) a feed query may carry.
const MAX_CURSOR_CHARS: usize = 64;

/// Query of `GET /v1/feed/{id}`.
#[derive(Debug, Deserialize)]
pub struct FeedQuery {
    after: Option<String>,
    limit: Option<i64>,
}

/// `GET /v1/feed/{id}?after=&limit=`.
pub async fn feed(
    State(state): State<SharedState>,
    query: Result<Query<FeedQuery>, axum::extract::rejection::QueryRejection>,
    SignedCaller { account, .. }: SignedCaller,
) -> Result<Json<FeedPage>, ApiError> {
    let Query(query) = query.map_err(|e| ApiError::InvalidRequest(e.body_text()))?;
    let limit = query.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        return Err(ApiError::InvalidRequest("limit must be 1 to 200".into()));
    }
    if query
        .after
        .as_ref()
        .is_some_and(|a| a.len() > MAX_CURSOR_CHARS)
    {
        return Err(ApiError::InvalidRequest(format!(
            "after must be at most {MAX_CURSOR_CHARS} characters (an event id)"
        )));
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
    // The state and the events must agree: a rule commits a flagged event and its lock
    // together, so the page's state and events are read by one statement (one snapshot).
    let Some(page) = state
        .db
        .feed(&account.id, cursor.as_ref(), limit + 1)
        .await?
    else {
        return Err(ApiError::AccountNotFound);
    };
    let rows = page.events;
    let more = rows.len() as i64 > limit;
    let events: Vec<_> = rows.iter().take(limit as usize).map(api_event).collect();
    let next = if more {
        events.last().map(|e| e.id.clone())
    } else {
        None
    };
    Ok(Json(FeedPage {
        account_state: page.state,
        state_reason: page.state_reason,
        server_time: datetime(state.clock.now()),
        events,
        next,
    }))
}

/// `POST /v1/feed/{id}/events/{event_id}/verdict`.
pub async fn verdict(
    State(state): State<SharedState>,
    Path((_, event_id)): Path<(String, String)>,
    SignedCaller { account, body }: SignedCaller,
) -> Result<Json<VerdictRecorded>, ApiError> {
    let request: VerdictRequest = parse_json(&body)?;
    let now = state.clock.now();
    let mut tx = state.db.writer().begin().await?;
    let Some(account) = Database::lock_account_row(&mut tx, &account.id).await? else {
        return Err(ApiError::AccountNotFound);
    };
    let Some(event) = Database::event(&mut tx, &account.id, &event_id).await? else {
        return Err(ApiError::NotFound("event"));
    };
    // "This wasn't me" stands until a reviewer decides: whoever holds the secret (the one who
    // signed in, perhaps) cannot take it back.
    if event.verdict == Some(Verdict::NotMine) && request.verdict != Verdict::NotMine {
        return Err(ApiError::Conflict(
            "This event was reported as not yours; only a reviewer can clear it.".into(),
        ));
    }
    let change = rules::verdict(&mut tx, &account, &event_id, request.verdict, now).await?;
    tx.commit().await?;
    if let Some(change) = &change {
        notify_state(&state, &account, change).await;
    }
    Ok(Json(VerdictRecorded {
        event_id,
        verdict: request.verdict,
        account_state: change.map(|c| c.to).unwrap_or(account.state),
    }))
}

/// Whether the account takes a document now: only while locked, and while it holds fewer than
/// [`MAX_DOCUMENTS_PER_ACCOUNT`]. Checked before the body is read and again under the row lock.
pub async fn accepts_documents(
    connection: &mut sqlx::AnyConnection,
    account: &AccountRow,
) -> Result<(), ApiError> {
    if !account.state.is_locked() {
        return Err(ApiError::AccountNotLocked);
    }
    let held = Database::document_count(connection, &account.id).await?;
    if held >= MAX_DOCUMENTS_PER_ACCOUNT {
        return Err(ApiError::TooManyDocuments(held));
    }
    Ok(())
}

/// `POST /v1/feed/{id}/documents`: the raw file as the body (PDF, PNG or JPEG, up to 10 MB),
/// accepted while the account is locked, stored sealed under the server secret key.
pub async fn upload_document(
    State(state): State<SharedState>,
    SignedCaller { account, body }: SignedCaller<MAX_DOCUMENT_BYTES>,
) -> Result<Response, ApiError> {
    let content_type = DocumentType::sniff(&body)
        .ok_or(ApiError::UnsupportedDocument)?
        .content_type();
    let now = state.clock.now();
    let id = account.id;
    let document_id = uuid::Uuid::new_v4().to_string();
    let sealed_data = state
        .secret_sealer
        .seal_document(&id, &document_id, &body)
        .map_err(|error| ApiError::Internal(format!("cannot seal a document: {error}")))?;
    let document = DocumentRow {
        id: document_id,
        account_id: id.clone(),
        content_type: content_type.to_owned(),
        size: body.len() as i64,
        sealed_data,
        received_at: now,
    };
    let mut tx = state.db.writer().begin().await?;
    let Some(account) = Database::lock_account_row(&mut tx, &id).await? else {
        return Err(ApiError::AccountNotFound);
    };
    accepts_documents(&mut tx, &account).await?;
    state.db.insert_document(&mut tx, &document).await?;
    let event = NewEventRow {
        id: uuid::Uuid::new_v4().to_string(),
        account_id: id.clone(),
        kind: EventKind::DocumentReceived,
        occurred_at: now,
        recorded_at: now,
        ip: None,
        country: None,
        city: None,
        user_agent: None,
        outcome: None,
        details: json!({"document_id": document.id, "content_type": content_type, "size": body.len()}),
    };
    Database::insert_event(&mut tx, &event).await?;
    let change = rules::document_received(&mut tx, &account, now).await?;
    tx.commit().await?;
    if let Some(change) = &change {
        notify_state(&state, &account, change).await;
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
