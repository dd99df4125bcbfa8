//! Reviewer calls (`Authorization: Bearer <reviewer key>`) and the small HTML review page
//! (HTTP Basic, any user name, the reviewer key as password), which is never framed, never
//! cached, and whose forms carry a token derived from the reviewer key.

use askama::Template;
use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ring::hmac;
use serde::Deserialize;
use vigil_core::activity::{
    AccountState, Decision, DecisionRequest, DecisionResponse, DocumentInfo, ReviewAccount, Verdict,
};

use super::{
    JSON_BODY_LIMIT, ReviewerCaller, SharedState, api_event, body_bytes, datetime, invalid_field,
    key_hash, parse_json,
};
use vigil_activity_words as activity_words;
use vigil_i18n::{Language, Words, accept_language};

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
    let bytes = if document
        .sealed_data
        .starts_with(crate::sealed_secret::SEALED_PREFIX_V1)
    {
        state
            .secret_sealer
            .open_document(&id, &document.id, &document.sealed_data)
            .map_err(|e| ApiError::Internal(format!("document {document_id}: {e}")))?
            .to_vec()
    } else {
        // Stored in base64 before documents were sealed.
        STANDARD
            .decode(document.sealed_data.as_bytes())
            .map_err(|e| ApiError::Internal(e.to_string()))?
    };
    Ok((
        [
            (header::CONTENT_TYPE, document.content_type),
            (header::CONTENT_DISPOSITION, "attachment".to_owned()),
            (header::CACHE_CONTROL, "no-store".to_owned()),
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
    let mut tx = state.db.writer().begin().await?;
    let Some(account) = Database::lock_account_row(&mut tx, id).await? else {
        return Err(ApiError::AccountNotFound);
    };
    if !account.state.is_locked() {
        return Err(ApiError::Conflict("The account is not locked.".into()));
    }
    let change =
        rules::review_decision(&mut tx, &account, request.decision, &request.note, now).await?;
    tx.commit().await?;
    state.webhooks.wake();
    tracing::info!(account = %id, decision = ?request.decision, "review decision");
    if let Some(change) = &change {
        notify_state(state, &account, change).await;
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
    request.validate().map_err(invalid_field)?;
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

/// The purpose string the review form token is made for (no other token uses it).
const FORM_TOKEN_PURPOSE: &[u8] = b"vigil-review-form-token-v1";

/// The token every review form carries, so another site cannot post with the browser's login:
/// HMAC-SHA256 keyed with the reviewer key's hash over a purpose string, so every instance of
/// the service and every restart make the same token, and only a holder of the reviewer key
/// can make it.
pub fn review_form_token(reviewer_key_hash: &[u8; 32]) -> String {
    let key = hmac::Key::new(hmac::HMAC_SHA256, reviewer_key_hash);
    let tag = hmac::sign(&key, FORM_TOKEN_PURPOSE);
    tag.as_ref().iter().map(|b| format!("{b:02x}")).collect()
}

/// The page and its form's route, with the headers every answer of theirs carries.
pub fn page_routes() -> Router<SharedState> {
    Router::new()
        .route("/review", get(page))
        .route("/review/accounts/{id}/decision", post(decide_form))
        .layer(axum::middleware::map_response(page_headers))
}

/// Never framed (clickjacking), never cached (the evidence is personal data), and nothing but
/// the page's own inline style and same-origin form posts.
async fn page_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; \
             frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// One account on the review page.
struct PageAccount {
    id: String,
    external_id: String,
    email: String,
    /// The state in the reviewer's words.
    state: String,
    /// The state's API name (`locked_pending_review`), as the API and the logs give it.
    state_code: &'static str,
    reason: String,
    evidence: Vec<PageEvent>,
    /// Each document's API path, content type and size in bytes.
    documents: Vec<(String, String, u64)>,
}

/// One piece of evidence on the review page, in the reviewer's words.
struct PageEvent {
    when: String,
    what: String,
    place: String,
    reasons: String,
    verdict: String,
}

#[derive(Template)]
#[template(path = "review.html")]
struct ReviewPage {
    t: Words,
    accounts: Vec<PageAccount>,
    token: String,
}

/// The reviewer's words: the best of Vigil's languages for the browser's `Accept-Language`
/// (English when none matches or there is no header).
fn reviewer_words(headers: &HeaderMap) -> Words {
    let wanted = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .map(accept_language)
        .unwrap_or_default();
    let language = Language::negotiate(&wanted);
    // Keep the region of the tag that chose the language (fr-CH: Swiss times), if any.
    match wanted
        .iter()
        .find(|tag| Language::from_code(tag) == Some(language))
    {
        Some(tag) => Words::for_locale(tag),
        None => Words::new(language, None),
    }
}

/// The review page's words for an account state.
fn state_words(t: &Words, state: AccountState) -> String {
    t.get(match state {
        AccountState::Active => "review-state-active",
        AccountState::LockedPendingVerification => "review-state-locked-pending-verification",
        AccountState::LockedPendingReview => "review-state-locked-pending-review",
    })
}

/// One account's evidence in the reviewer's words.
fn page_account(t: &Words, account: ReviewAccount) -> PageAccount {
    let evidence = account
        .evidence
        .iter()
        .map(|event| PageEvent {
            when: format_time(t, event.occurred_at.unix_timestamp()),
            what: activity_words::summary(t, event),
            place: match (activity_words::place(t, event), event.ip.as_deref()) {
                (Some(country), Some(ip)) => t.t2("review-place", "country", country, "ip", ip),
                (Some(country), None) => country,
                (None, Some(ip)) => ip.to_owned(),
                (None, None) => String::new(),
            },
            reasons: if event.reasons.is_empty() {
                event
                    .details
                    .get("reason")
                    .and_then(|r| r.as_str())
                    .unwrap_or("")
                    .to_owned()
            } else {
                activity_words::reasons(t, event, &account.evidence).join("; ")
            },
            verdict: match event.verdict {
                Some(Verdict::Mine) => t.get("review-verdict-mine"),
                Some(Verdict::NotMine) => t.get("review-verdict-not-mine"),
                None => String::new(),
            },
        })
        .collect();
    PageAccount {
        evidence,
        documents: account
            .documents
            .iter()
            .map(|d| {
                (
                    format!(
                        "/v1/review/accounts/{}/documents/{}",
                        account.account_id, d.id
                    ),
                    d.content_type.clone(),
                    d.size,
                )
            })
            .collect(),
        id: account.account_id,
        external_id: account.external_id,
        email: account.email,
        state: state_words(t, account.state),
        state_code: account.state.as_str(),
        reason: account.state_reason.unwrap_or_default(),
    }
}

/// `GET /review`: the review page, in the language the reviewer's browser asks for.
async fn page(State(state): State<SharedState>, headers: HeaderMap) -> Result<Response, ApiError> {
    basic_login(&state, &headers)?;
    let accounts = review_accounts(&state).await?;
    // (Words are made after the await: they are not `Send`.)
    let t = reviewer_words(&headers);
    let accounts = accounts
        .into_iter()
        .map(|account| page_account(&t, account))
        .collect();
    let html = ReviewPage {
        t,
        accounts,
        token: state.review_form_token.clone(),
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
async fn decide_form(
    State(state): State<SharedState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    basic_login(&state, &headers)?;
    let body = body_bytes(body, JSON_BODY_LIMIT)?;
    let form: DecisionForm = serde_urlencoded_form(&body)?;
    if !state.same(form.token.as_bytes(), state.review_form_token.as_bytes()) {
        return Err(ApiError::ReviewLogin);
    }
    let request = DecisionRequest {
        decision: form.decision,
        note: form.note,
    };
    request.validate().map_err(invalid_field)?;
    apply_decision(&state, &id, &request).await?;
    Ok(Redirect::to("/review").into_response())
}

fn serde_urlencoded_form(body: &[u8]) -> Result<DecisionForm, ApiError> {
    serde_urlencoded::from_bytes(body).map_err(|e| ApiError::InvalidRequest(e.to_string()))
}
