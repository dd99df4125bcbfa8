//! The HTTP API: the router, the shared state, and the pieces every handler uses (bodies, the
//! callers' keys and signatures as extractors, events as the API shows them).

mod accept_on_sqlite;
mod feed;
mod health;
mod review;
mod sessions;
mod site;

pub use health::metrics_router;

pub use review::review_form_token;
pub use sessions::on_site_event;

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, FromRequest, FromRequestParts, RawPathParams, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use ring::{digest, hmac};
use serde::de::DeserializeOwned;
use time::OffsetDateTime;
use vigil_core::Secret;
use vigil_core::activity::{
    ActivityKey, Event, FEED_YEARS, FieldError, HEADER_NONCE, HEADER_SIGNATURE, HEADER_TIMESTAMP,
    HEADER_VERSION, MAX_DOCUMENT_BYTES, RequestTarget, SignedHeaders, SigningError, check_headers,
    mask_reference, verify_request,
};

use crate::clock::Clock;
use crate::config::RuleSettings;
use crate::db::{AccountRow, Database, EventRow};
use crate::device::device_from_user_agent;
use crate::error::ApiError;
use crate::geo::Geo;
use crate::mail_queue::Mailer;
use crate::public_url::PublicUrl;
use crate::request_limits::{RequestLimits, limit_requests};
use crate::sealed_secret::SecretSealer;

/// JSON bodies are at most this large.
pub const JSON_BODY_LIMIT: usize = 64 * 1024;

/// Everything handlers share.
#[derive(Debug)]
pub struct AppState {
    /// The database.
    pub db: Database,
    /// The clock.
    pub clock: Clock,
    /// SHA-256 of the site key.
    pub site_key_hash: [u8; 32],
    /// SHA-256 of the reviewer key.
    pub reviewer_key_hash: [u8; 32],
    /// A random per-process key for constant-time comparisons (HMAC, then `ring`'s verify).
    pub compare_key: hmac::Key,
    /// The review page's form token, derived from the reviewer key (the same in every
    /// instance and after restarts; see `review::form_token`).
    pub review_form_token: String,
    /// Seals and opens the accounts' TOTP secrets (the server secret key).
    pub secret_sealer: SecretSealer,
    /// Emails.
    pub mailer: Mailer,
    /// IP to place.
    pub geo: Geo,
    /// Rule thresholds.
    pub rules: RuleSettings,
    /// Base of `activity=` URLs, and the origin and path prefix signed requests must name.
    pub public_url: PublicUrl,
    /// The per-request timeout and the number of requests handled at once.
    pub request_limits: RequestLimits,
    /// Default issuer.
    pub issuer: String,
    /// The Prometheus metrics.
    pub metrics: crate::metrics::Metrics,
    /// Wakes the webhook sender once events for the site were queued.
    pub webhooks: crate::webhooks::WebhookWake,
}

/// The state as handlers receive it.
pub type SharedState = Arc<AppState>;

impl AppState {
    /// Whether two byte strings are equal, in time independent of where they differ.
    pub fn same(&self, a: &[u8], b: &[u8]) -> bool {
        let tag = hmac::sign(&self.compare_key, a);
        hmac::verify(&self.compare_key, b, tag.as_ref()).is_ok()
    }

    /// Opens an account's sealed TOTP secret; a failure is logged (without detail) and is a 500.
    pub fn secret_of(&self, account: &AccountRow) -> Result<Secret, ApiError> {
        self.secret_sealer
            .open(&account.id, &account.sealed_secret)
            .map_err(|error| {
                ApiError::Internal(format!(
                    "account {}'s secret cannot be opened: {error}",
                    account.id
                ))
            })
    }

    /// Seals a new account's TOTP secret for storage.
    pub fn seal_secret(&self, account_id: &str, secret: &Secret) -> Result<String, ApiError> {
        self.secret_sealer
            .seal(account_id, secret)
            .map_err(|error| ApiError::Internal(format!("cannot seal a secret: {error}")))
    }

    /// The account, or 404.
    pub async fn account(&self, id: &str) -> Result<AccountRow, ApiError> {
        self.db.account(id).await?.ok_or(ApiError::AccountNotFound)
    }
}

/// SHA-256 of a key, the only form in which the service keeps it.
pub fn key_hash(key: &str) -> [u8; 32] {
    let mut hash = [0u8; 32];
    hash.copy_from_slice(digest::digest(&digest::SHA256, key.as_bytes()).as_ref());
    hash
}

/// The whole API.
pub fn router(state: SharedState) -> Router {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/v1/accounts", post(site::create_account))
        .route("/v1/accounts/{id}", get(site::account_status))
        .route("/v1/accounts/{id}/{file}", get(site::enrolment_image))
        .route("/v1/accounts/{id}/verify", post(site::verify))
        .route("/v1/accounts/{id}/events", post(site::record_event))
        .route("/v1/accounts/{id}/digest", post(site::send_digest))
        .route(
            "/v1/accounts/{id}/sessions",
            get(sessions::account_sessions),
        )
        .route("/v1/webhook-events", get(sessions::webhook_events))
        .route("/v1/feed/{id}", get(feed::feed))
        .route("/v1/feed/{id}/sessions", get(sessions::feed_sessions))
        .route(
            "/v1/feed/{id}/sessions/{session}/end",
            post(sessions::end_session),
        )
        .route("/v1/feed/{id}/secure", post(sessions::secure))
        .route(
            "/v1/feed/{id}/events/{event_id}/verdict",
            post(feed::verdict),
        )
        .route(
            "/v1/feed/{id}/documents",
            post(feed::upload_document).layer(DefaultBodyLimit::max(MAX_DOCUMENT_BYTES)),
        )
        .route("/v1/review/accounts", get(review::locked_accounts))
        .route(
            "/v1/review/accounts/{id}/documents/{document_id}",
            get(review::document),
        )
        .route("/v1/review/accounts/{id}/decision", post(review::decide))
        .merge(review::page_routes())
        .merge(health::health_routes())
        .fallback(|| async { ApiError::NoRoute })
        .layer(DefaultBodyLimit::max(JSON_BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            state.request_limits.clone(),
            limit_requests,
        ))
        .layer(axum::middleware::map_response_with_state(
            state.clone(),
            date_from_clock,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::access_log::observe,
        ))
        .with_state(state)
}

/// Every answer's `Date` header comes from the service's clock, the one `server_time` and the
/// signature check use (so the two never disagree, also when tests move the clock).
async fn date_from_clock(
    axum::extract::State(state): axum::extract::State<SharedState>,
    mut response: axum::response::Response,
) -> axum::response::Response {
    let seconds = u64::try_from(state.clock.now()).unwrap_or(0);
    let date =
        httpdate::fmt_http_date(std::time::UNIX_EPOCH + std::time::Duration::from_secs(seconds));
    if let Ok(value) = header::HeaderValue::from_str(&date) {
        response.headers_mut().insert(header::DATE, value);
    }
    response
}

async fn openapi() -> impl IntoResponse {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        include_str!("../../openapi.json"),
    )
}

/// The body's bytes, with a too-large body answered by our JSON 413.
pub fn body_bytes(body: Result<Bytes, BytesRejection>, limit: usize) -> Result<Bytes, ApiError> {
    body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::BodyTooLarge(limit)
        } else {
            ApiError::InvalidRequest(rejection.body_text())
        }
    })
}

/// Parses a JSON body, with any error a 400.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(bytes).map_err(|error| ApiError::MalformedJson(error.to_string()))
}

/// A field that breaks the protocol's bounds, as the API answers it (400, naming the field).
pub fn invalid_field(error: FieldError) -> ApiError {
    ApiError::InvalidField(error)
}

/// A request from the site's backend (`Authorization: Bearer <site key>`).
#[derive(Debug)]
pub struct SiteCaller;

/// A request from a reviewer (`Authorization: Bearer <reviewer key>`).
#[derive(Debug)]
pub struct ReviewerCaller;

fn bearer(parts: &Parts) -> Option<&str> {
    parts
        .headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

impl FromRequestParts<SharedState> for SiteCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &SharedState) -> Result<Self, ApiError> {
        let key = bearer(parts).ok_or(ApiError::Unauthorized)?;
        if state.same(&key_hash(key), &state.site_key_hash) {
            Ok(SiteCaller)
        } else {
            Err(ApiError::Unauthorized)
        }
    }
}

impl FromRequestParts<SharedState> for ReviewerCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &SharedState) -> Result<Self, ApiError> {
        let key = bearer(parts).ok_or(ApiError::Unauthorized)?;
        if state.same(&key_hash(key), &state.reviewer_key_hash) {
            Ok(ReviewerCaller)
        } else {
            Err(ApiError::Unauthorized)
        }
    }
}

/// A request from the customer's app, signed with the key derived from the account's secret
/// (docs/protocol.md, Signing): the account the path's `{id}` names, its signature checked and
/// its nonce recorded, and the body that was signed (at most `LIMIT` bytes; a GET's body is not
/// read and the signature covers an empty one).
#[derive(Debug)]
pub struct SignedCaller<const LIMIT: usize = JSON_BODY_LIMIT> {
    /// The account, as read when the signature was checked.
    pub account: AccountRow,
    /// The request's body.
    pub body: Bytes,
}

/// The four signing headers; the first one missing is the error (no version header is the old
/// v1 form, refused as such).
fn signed_headers(headers: &HeaderMap) -> Result<SignedHeaders, ApiError> {
    let header = |name: &'static str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
            .ok_or(ApiError::Signature(SigningError::MissingHeader(name)))
    };
    let timestamp = header(HEADER_TIMESTAMP)?;
    let nonce = header(HEADER_NONCE)?;
    let signature = header(HEADER_SIGNATURE)?;
    let version = header(HEADER_VERSION)
        .map_err(|_| ApiError::Signature(SigningError::UnsupportedVersion("v1".into())))?;
    Ok(SignedHeaders {
        version,
        timestamp,
        nonce,
        signature,
    })
}

impl<const LIMIT: usize> FromRequest<SharedState> for SignedCaller<LIMIT> {
    type Rejection = ApiError;

    /// In an order that reads no body before it is worth reading: the headers' presence,
    /// version, timestamp and nonce shape (401), the account (404), then the body (413 when too
    /// large), the signature over the service's own origin and public path (401), and the nonce
    /// (401 when replayed).
    async fn from_request(request: Request, state: &SharedState) -> Result<Self, ApiError> {
        let (mut parts, body) = request.into_parts();
        let params = RawPathParams::from_request_parts(&mut parts, state)
            .await
            .map_err(|_| ApiError::NoRoute)?;
        let id = params
            .iter()
            .find(|(name, _)| *name == "id")
            .map(|(_, value)| value.to_owned())
            .ok_or(ApiError::NoRoute)?;
        let method = parts.method.clone();
        let received = parts
            .uri
            .path_and_query()
            .map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned());
        let signed = signed_headers(&parts.headers)?;
        let now = state.clock.now();
        check_headers(&signed, now).map_err(ApiError::Signature)?;
        let account = state.account(&id).await?;
        if LIMIT > JSON_BODY_LIMIT {
            // A document: refused before its (large) body is read when the account takes none.
            let mut connection = state.db.pool().acquire().await?;
            feed::accepts_documents(&mut connection, &account).await?;
        }
        let body = if method == Method::GET || method == Method::HEAD {
            Bytes::new()
        } else {
            body_bytes(
                Bytes::from_request(Request::from_parts(parts, body), state).await,
                LIMIT,
            )?
        };
        let secret = state.secret_of(&account)?;
        let key = ActivityKey::derive(&secret, &account.id);
        let path = state.public_url.public_path(&received);
        let target = RequestTarget {
            method: method.as_str(),
            origin: state.public_url.origin(),
            path_and_query: &path,
        };
        verify_request(&key, &target, &signed, &body, now).map_err(ApiError::Signature)?;
        if !state
            .db
            .remember_nonce(&account.id, &signed.nonce, now)
            .await?
        {
            return Err(ApiError::NonceReused);
        }
        Ok(Self { account, body })
    }
}

/// Unix seconds as an `OffsetDateTime`, held to the years a feed may show ([`FEED_YEARS`]), so
/// a stored time out of that range (from before the bounds were checked) cannot break a page.
pub fn datetime(unix: i64) -> OffsetDateTime {
    let at = OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    if at.year() < *FEED_YEARS.start() {
        OffsetDateTime::UNIX_EPOCH
    } else if at.year() > *FEED_YEARS.end() {
        time::macros::datetime!(9998-12-31 23:59:59 UTC)
    } else {
        at
    }
}

/// An event as feeds and reviewers see it: device read from the user agent, references masked.
pub fn api_event(row: &EventRow) -> Event {
    // Most events (sign-ins) carry no details: no parse for those.
    let mut details: serde_json::Value = if row.details == "{}" {
        serde_json::Value::Object(serde_json::Map::new())
    } else {
        serde_json::from_str(&row.details).unwrap_or(serde_json::Value::Null)
    };
    if let Some(reference) = details.get_mut("reference")
        && let Some(text) = reference.as_str()
    {
        *reference = serde_json::Value::String(mask_reference(text));
    }
    Event {
        id: row.id.clone(),
        kind: row.kind,
        occurred_at: datetime(row.occurred_at),
        ip: row.ip.clone(),
        country: row.country.clone(),
        city: row.city.clone(),
        user_agent: row.user_agent.clone(),
        device: device_from_user_agent(row.user_agent.as_deref()),
        outcome: row.outcome,
        details,
        flagged: row.flagged,
        reasons: row.reasons.clone(),
        verdict: row.verdict,
        count: u64::try_from(row.count).ok().filter(|count| *count > 1),
    }
}
