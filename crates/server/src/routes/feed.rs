//! The customer's calls from the app, signed with the key derived from the account's secret
//! (checked by the [`SignedCaller`] extractor): the feed, verdicts and documents.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::Deserialize;
use serde_json::json;
use vigil_core::activity::{
    DocumentReceived, DocumentType, EventKind, FeedPage, MAX_DOCUMENT_BYTES, VerdictRecorded,
    VerdictRequest,
};

use super::{SharedState, SignedCaller, api_event, datetime, parse_json};
use crate::db::{Database, DocumentRow, FeedCursor, NewEventRow};
use crate::error::ApiError;
use crate::routes::site::notify_state;
use crate::rules;

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
    // together, so a state read before that commit and events read after it would show the
    // event without the lock. The state is read again after the events; if it changed, the
    // events are read again (a few times at most), so the page is as of one moment.
    let mut account = account;
    let mut rows = state
        .db
        .feed(&account.id, cursor.as_ref(), limit + 1)
        .await?;
    for _ in 0..3 {
        let again = state.account(&account.id).await?;
        if (again.state, &again.state_reason) == (account.state, &account.state_reason) {
            break;
        }
        account = again;
        rows = state
            .db
            .feed(&account.id, cursor.as_ref(), limit + 1)
            .await?;
    }
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
    Path((_, event_id)): Path<(String, String)>,
    SignedCaller { account, body }: SignedCaller,
) -> Result<Json<VerdictRecorded>, ApiError> {
    let request: VerdictRequest = parse_json(&body)?;
    let now = state.clock.now();
    let mut tx = state.db.pool().begin().await?;
    let Some(account) = Database::lock_account_row(&mut tx, &account.id).await? else {
        return Err(ApiError::AccountNotFound);
    };
    if Database::event(&mut tx, &account.id, &event_id)
        .await?
        .is_none()
    {
        return Err(ApiError::NotFound("event"));
    }
    let change = rules::verdict(&mut tx, &account, &event_id, request.verdict, now).await?;
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

/// `POST /v1/feed/{id}/documents`: the raw file as the body (PDF, PNG or JPEG, up to 10 MB).
pub async fn upload_document(
    State(state): State<SharedState>,
    SignedCaller { account, body }: SignedCaller<MAX_DOCUMENT_BYTES>,
) -> Result<Response, ApiError> {
    let content_type = DocumentType::sniff(&body)
        .ok_or(ApiError::UnsupportedDocument)?
        .content_type();
    let now = state.clock.now();
    let id = account.id;
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
    let change = rules::document_received(&mut tx, &account, now).await?;
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
