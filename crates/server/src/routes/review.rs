//! Reviewer calls (`Authorization: Bearer <reviewer key>`) and the small HTML review page
//! (HTTP Basic, any user name, the reviewer key as password).

use askama::Template;
use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ring::hmac;
use serde::Deserialize;
use vigil_core::activity::{
    AccountState, Decision, DecisionRequest, DecisionResponse, DocumentInfo, Reason, ReviewAccount,
};

use super::{
    JSON_BODY_LIMIT, ReviewerCaller, SharedState, api_event, body_bytes, datetime, key_hash,
    parse_json,
};
use crate::db::Database;
use crate::email::format_time;
use crate::error::ApiError;
use crate::routes::site::notify_state;
use crate::rules;

async fn review_accounts(state: &SharedState) -> Result<Vec<ReviewAccount>, ApiError> {
    let mut accounts = Vec::new();
    for account in state.db.locked_accounts().await? {
        let evidence = state.db.evidence(&account.id).await?;
        let documents = state.db.documents(&account.id).await?;
        accounts.push(ReviewAccount {
            account_id: account.id,
            external_id: account.external_id,
            email: account.email,
            state: account.state,
            state_reason: account.state_reason,
            evidence: evidence.iter().map(api_event).collect(),
            documents: documents
                .into_iter()
                .map(|d| DocumentInfo {
                    id: d.id,
                    content_type: d.content_type,
                    size: d.size.max(0) as u64,
                    received_at: datetime(d.received_at),
                })
                .collect(),
        });
    }
    Ok(accounts)
}

/// `GET /v1/review/accounts`: locked accounts with their evidence.
pub async fn locked_accounts(
    _: ReviewerCaller,
    State(state): State<SharedState>,
) -> Result<Json<Vec<ReviewAccount>>, ApiError> {
    Ok(Json(review_accounts(&state).await?))
}

/// `GET /v1/review/accounts/{id}/documents/{document_id}`: the file as sent.
pub async fn document(
    _: ReviewerCaller,
    State(state): State<SharedState>,
    Path((id, document_id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    state.account(&id).await?;
    let document = state
        .db
        .document(&id, &document_id)
        .await?
        .ok_or(ApiError::NotFound("document"))?;
    let bytes = STANDARD
        .decode(document.data_base64.as_bytes())
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, document.content_type),
            (header::CONTENT_DISPOSITION, "attachment".to_owned()),
        ],
        bytes,
    )
        .into_response())
}

/// Applies a reviewer's decision to a locked account ([`rules::review_decision`]); returns the
/// account's state afterwards.
async fn apply_decision(
    state: &SharedState,
    id: &str,
    request: &DecisionRequest,
) -> Result<AccountState, ApiError> {
    let now = state.clock.now();
    let mut tx = state.db.pool().begin().await?;
    let Some(account) = Database::lock_account_row(&mut tx, id).await? else {
        return Err(ApiError::AccountNotFound);
    };
    if !account.state.is_locked() {
        return Err(ApiError::Conflict("The account is not locked.".into()));
    }
    let change =
        rules::review_decision(&mut tx, &account, request.decision, &request.note, now).await?;
    tx.commit().await?;
    tracing::info!(account = %id, decision = ?request.decision, "review decision");
    if let Some(change) = &change {
        notify_state(state, &account, change);
        return Ok(change.to);
    }
    Ok(AccountState::LockedPendingReview)
}

/// `POST /v1/review/accounts/{id}/decision`.
pub async fn decide(
    _: ReviewerCaller,
    State(state): State<SharedState>,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<DecisionResponse>, ApiError> {
    let request: DecisionRequest = parse_json(&body_bytes(body, JSON_BODY_LIMIT)?)?;
    let new_state = apply_decision(&state, &id, &request).await?;
    Ok(Json(DecisionResponse {
        account_id: id,
        state: new_state,
    }))
}

fn basic_login(state: &SharedState, headers: &HeaderMap) -> Result<(), ApiError> {
    let encoded = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .ok_or(ApiError::ReviewLogin)?;
    let decoded = STANDARD
        .decode(encoded.trim())
        .map_err(|_| ApiError::ReviewLogin)?;
    let text = String::from_utf8(decoded).map_err(|_| ApiError::ReviewLogin)?;
    let (_, password) = text.split_once(':').ok_or(ApiError::ReviewLogin)?;
    if state.same(&key_hash(password), &state.reviewer_key_hash) {
        Ok(())
    } else {
        Err(ApiError::ReviewLogin)
    }
}

/// The token every review form carries, so another site cannot post with the browser's login.
fn form_token(state: &SharedState) -> String {
    let tag = hmac::sign(&state.compare_key, b"vigil-review-form");
    tag.as_ref().iter().map(|b| format!("{b:02x}")).collect()
}

/// One account on the review page.
struct PageAccount {
    id: String,
    external_id: String,
    email: String,
    state: &'static str,
    reason: String,
    evidence: Vec<PageEvent>,
    documents: Vec<(String, String, u64)>,
}

/// One piece of evidence on the review page.
struct PageEvent {
    when: String,
    kind: &'static str,
    place: String,
    reasons: String,
    verdict: &'static str,
}

#[derive(Template)]
#[template(path = "review.html")]
struct ReviewPage {
    accounts: Vec<PageAccount>,
    token: String,
}

/// `GET /review`: the review page.
pub async fn page(
    State(state): State<SharedState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    basic_login(&state, &headers)?;
    let accounts = review_accounts(&state)
        .await?
        .into_iter()
        .map(|account| PageAccount {
            evidence: account
                .evidence
                .iter()
                .map(|event| PageEvent {
                    when: format_time(event.occurred_at.unix_timestamp()),
                    kind: event.kind.as_str(),
                    place: format!(
                        "{} {}",
                        event.country.clone().unwrap_or_default(),
                        event.ip.clone().unwrap_or_default()
                    ),
                    reasons: if event.reasons.is_empty() {
                        event
                            .details
                            .get("reason")
                            .and_then(|r| r.as_str())
                            .unwrap_or("")
                            .to_owned()
                    } else {
                        let ids: Vec<&str> = event.reasons.iter().map(Reason::as_str).collect();
                        ids.join(", ")
                    },
                    verdict: event.verdict.map(|v| v.as_str()).unwrap_or(""),
                })
                .collect(),
            documents: account
                .documents
                .iter()
                .map(|d| (d.id.clone(), d.content_type.clone(), d.size))
                .collect(),
            id: account.account_id,
            external_id: account.external_id,
            email: account.email,
            state: account.state.as_str(),
            reason: account.state_reason.unwrap_or_default(),
        })
        .collect();
    let html = ReviewPage {
        accounts,
        token: form_token(&state),
    }
    .render()
    .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(Html(html).into_response())
}

/// The review page's form.
#[derive(Debug, Deserialize)]
pub struct DecisionForm {
    decision: Decision,
    #[serde(default)]
    note: String,
    token: String,
}

/// `POST /review/accounts/{id}/decision` (the page's form), then back to the page.
pub async fn decide_form(
    State(state): State<SharedState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    basic_login(&state, &headers)?;
    let body = body_bytes(body, JSON_BODY_LIMIT)?;
    let form: DecisionForm = serde_urlencoded_form(&body)?;
    if !state.same(form.token.as_bytes(), form_token(&state).as_bytes()) {
        return Err(ApiError::ReviewLogin);
    }
    apply_decision(
        &state,
        &id,
        &DecisionRequest {
            decision: form.decision,
            note: form.note,
        },
    )
    .await?;
    Ok(Redirect::to("/review").into_response())
}

fn serde_urlencoded_form(body: &[u8]) -> Result<DecisionForm, ApiError> {
    serde_urlencoded::from_bytes(body).map_err(|e| ApiError::InvalidRequest(e.to_string()))
}
