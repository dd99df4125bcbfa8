//! The signed client: one feed page, a verdict, a document, the sessions (listed, one ended, all
//! ended with "Secure my account"). Every request is signed with the key
//! derived from the account's secret, has a connect timeout and an overall timeout, follows no
//! redirect, and reads at most [`MAX_RESPONSE_BYTES`] of the answer before parsing it strictly.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use reqwest::header::{CONTENT_TYPE, DATE};
use reqwest::{Method, Response};
use ring::rand::{SecureRandom, SystemRandom};
use serde::de::DeserializeOwned;
use vigil_core::Secret;
use vigil_core::activity::{
    AccountSecured, ActivityKey, DocumentReceived, DocumentType, ErrorBody, ErrorCode, FeedPage,
    MAX_DOCUMENT_BYTES, RequestTarget, SessionEnded, SessionList, Verdict, VerdictRecorded,
    nonce_from_bytes, origin_of, sign_request,
};

use crate::clock::{clock_offset, local_millis, offset_from_date};
use crate::{ActivityError, FeedLink};

/// The largest answer read (a feed page of 100 events with long user agents is well under this).
pub const MAX_RESPONSE_BYTES: usize = 2 * 1024 * 1024;

/// One feed page and what it says about this computer's clock.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedFetch {
    /// The page.
    pub page: FeedPage,
    /// The HTTP `Date` header, as sent.
    pub date: Option<String>,
    /// The service's clock minus this computer's, in seconds ([`crate::clock::clock_offset`]);
    /// `None` when the service's `server_time` and `Date` disagree.
    pub clock_offset: Option<i64>,
}

/// A client for activity services; cheap to clone, one per app (clones share the clock offsets).
#[derive(Debug, Clone)]
pub struct ActivityClient {
    http: reqwest::Client,
    random: SystemRandom,
    /// Seconds added to this computer's clock when signing for a host (see
    /// [`Self::set_clock_offset`]); one service's clock never moves another's requests.
    offsets: Arc<Mutex<HashMap<String, i64>>>,
}

impl ActivityClient {
    /// A client with a 5 s connect timeout and `timeout` for a whole request.
    pub fn new(timeout: Duration) -> Result<Self, ActivityError> {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5).min(timeout))
            .timeout(timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("Vigil/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| ActivityError::Client(e.to_string()))?;
        Ok(Self {
            http,
            random: SystemRandom::new(),
            offsets: Arc::default(),
        })
    }

    /// Signs requests to `host` as if this computer's clock were `seconds` later (that service's
    /// measured offset). A request refused for its timestamp sets this from the answer's `Date`
    /// and is sent once more.
    pub fn set_clock_offset(&self, host: &str, seconds: i64) {
        let mut offsets = self.offsets.lock().unwrap_or_else(PoisonError::into_inner);
        if seconds == 0 {
            offsets.remove(host);
        } else {
            offsets.insert(host.to_owned(), seconds);
        }
    }

    /// The offset requests to `host` are signed with.
    pub fn clock_offset(&self, host: &str) -> i64 {
        let offsets = self.offsets.lock().unwrap_or_else(PoisonError::into_inner);
        offsets.get(host).copied().unwrap_or(0)
    }

    /// Events of the account, newest first: `after` is the previous page's `next`.
    pub async fn feed(
        &self,
        link: &FeedLink,
        secret: &Secret,
        after: Option<&str>,
        limit: u32,
    ) -> Result<FeedFetch, ActivityError> {
        let mut query = format!("limit={}", limit.clamp(1, 100));
        if let Some(after) = after {
            query.push_str("&after=");
            query.push_str(
                &url::form_urlencoded::byte_serialize(after.as_bytes()).collect::<String>(),
            );
        }
        let (response, sent, received) = self
            .send(
                link,
                secret,
                Method::GET,
                "",
                Some(&query),
                Vec::new(),
                None,
            )
            .await?;
        let date = date_of(&response);
        let page: FeedPage = read_json(link, response).await?;
        if let Some(at) = page.date_out_of_range() {
            return Err(ActivityError::Garbage {
                host: link.host(),
                reason: format!(
                    "it sent a date outside the years {} to {} ({at}), which cannot be shown",
                    vigil_core::activity::FEED_YEARS.start(),
                    vigil_core::activity::FEED_YEARS.end()
                ),
            });
        }
        let clock_offset = clock_offset(sent, received, page.server_time, date.as_deref());
        Ok(FeedFetch {
            page,
            date,
            clock_offset,
        })
    }

    /// Answers "this was me" or "this wasn't me" for one event.
    pub async fn verdict(
        &self,
        link: &FeedLink,
        secret: &Secret,
        event_id: &str,
        verdict: Verdict,
    ) -> Result<VerdictRecorded, ActivityError> {
        let body = serde_json::to_vec(&serde_json::json!({ "verdict": verdict.as_str() }))
            .map_err(|e| ActivityError::Client(e.to_string()))?;
        let event: String = url::form_urlencoded::byte_serialize(event_id.as_bytes()).collect();
        let suffix = format!("/events/{event}/verdict");
        let (response, ..) = self
            .send(
                link,
                secret,
                Method::POST,
                &suffix,
                None,
                body,
                Some("application/json"),
            )
            .await?;
        read_json(link, response).await
    }

    /// Sends a document (PDF, PNG or JPEG, at most 10 MB) for a reviewer.
    pub async fn document(
        &self,
        link: &FeedLink,
        secret: &Secret,
        bytes: Vec<u8>,
    ) -> Result<DocumentReceived, ActivityError> {
        let content_type = document_type(&bytes)?;
        let (response, ..) = self
            .send(
                link,
                secret,
                Method::POST,
                "/documents",
                None,
                bytes,
                Some(content_type),
            )
            .await?;
        read_json(link, response).await
    }

    /// The account's active sessions on the site, and the one the last code came from.
    pub async fn sessions(
        &self,
        link: &FeedLink,
        secret: &Secret,
    ) -> Result<SessionList, ActivityError> {
        let (response, ..) = self
            .send(
                link,
                secret,
                Method::GET,
                "/sessions",
                None,
                Vec::new(),
                None,
            )
            .await?;
        read_json(link, response).await
    }

    /// Signs one session out ("Sign out"); the site is told at once.
    pub async fn end_session(
        &self,
        link: &FeedLink,
        secret: &Secret,
        session: &str,
    ) -> Result<SessionEnded, ActivityError> {
        let suffix = format!("/sessions/{}/end", path_segment(session));
        let (response, ..) = self
            .send(link, secret, Method::POST, &suffix, None, Vec::new(), None)
            .await?;
        read_json(link, response).await
    }

    /// "Secure my account": ends every session, makes the site ask for a new password, and
    /// locks the account for review when a flagged event is unanswered or not the customer's.
    pub async fn secure(
        &self,
        link: &FeedLink,
        secret: &Secret,
    ) -> Result<AccountSecured, ActivityError> {
        let (response, ..) = self
            .send(
                link,
                secret,
                Method::POST,
                "/secure",
                None,
                Vec::new(),
                None,
            )
            .await?;
        read_json(link, response).await
    }

    /// Sends one signed request; the answer when it succeeded, with the local moments (Unix
    /// ms) just before sending and just after the answer came.
    #[allow(clippy::too_many_arguments)]
    async fn send(
        &self,
        link: &FeedLink,
        secret: &Secret,
        method: Method,
        suffix: &str,
        query: Option<&str>,
        body: Vec<u8>,
        content_type: Option<&str>,
    ) -> Result<(Response, i64, i64), ActivityError> {
        let url = link.url_of(suffix, query);
        let path_and_query = match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        };
        // Signed for this service's origin and whole path, so the request cannot be replayed
        // to another service.
        let origin = origin_of(&url);
        let target = RequestTarget {
            method: method.as_str(),
            origin: &origin,
            path_and_query: &path_and_query,
        };
        let key = ActivityKey::derive(secret, link.account_id());
        let mut retried = false;
        loop {
            let mut random = [0u8; 16];
            self.random
                .fill(&mut random)
                .map_err(|_| ActivityError::Client("no randomness for the request nonce".into()))?;
            let sent = local_millis();
            let now = (sent / 1000).saturating_add(self.clock_offset(&link.host()));
            let headers = sign_request(&key, &target, now, &nonce_from_bytes(&random), &body)
                .map_err(|e| ActivityError::Client(e.to_string()))?;
            let mut request = self.http.request(method.clone(), url.clone());
            for (name, value) in headers.pairs() {
                request = request.header(name, value);
            }
            if let Some(content_type) = content_type {
                request = request.header(CONTENT_TYPE, content_type);
            }
            let response = request
                .body(body.clone())
                .send()
                .await
                .map_err(|e| network_error(link, &e))?;
            let received = local_millis();
            if response.status().is_success() {
                return Ok((response, sent, received));
            }
            let status = response.status();
            let date = date_of(&response);
            let text = read_bytes(link, response).await.unwrap_or_default();
            let (code, message) = match serde_json::from_slice::<ErrorBody>(&text) {
                Ok(body) => (Some(body.error), body.message),
                Err(_) => (
                    None,
                    status
                        .canonical_reason()
                        .unwrap_or("unexpected answer")
                        .to_owned(),
                ),
            };
            // This computer's clock is too far off for the service to accept the signature:
            // learn the service's time from the answer and try once more.
            if !retried
                && code.as_deref().and_then(ErrorCode::parse)
                    == Some(ErrorCode::TimestampOutOfRange)
                && let Some(offset) = date
                    .as_deref()
                    .and_then(|d| offset_from_date(sent, received, d))
            {
                retried = true;
                self.set_clock_offset(&link.host(), offset);
                continue;
            }
            return Err(ActivityError::Refused {
                host: link.host(),
                status: status.as_u16(),
                code,
                message,
            });
        }
    }
}

/// One path segment, percent-encoded (a session id may hold `/`, `?`, `%` or spaces).
fn path_segment(text: &str) -> String {
    const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    percent_encoding::utf8_percent_encode(text, SEGMENT).to_string()
}

/// The answer's `Date` header, if it has one.
fn date_of(response: &Response) -> Option<String> {
    response
        .headers()
        .get(DATE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

fn network_error(link: &FeedLink, error: &reqwest::Error) -> ActivityError {
    if error.is_timeout() {
        return ActivityError::Timeout { host: link.host() };
    }
    let mut reason = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(inner) = source {
        reason = inner.to_string();
        source = inner.source();
    }
    ActivityError::Unreachable {
        host: link.host(),
        reason,
    }
}

/// The answer's body, refusing more than [`MAX_RESPONSE_BYTES`].
async fn read_bytes(link: &FeedLink, mut response: Response) -> Result<Vec<u8>, ActivityError> {
    let too_large = || ActivityError::TooLarge {
        host: link.host(),
        limit: MAX_RESPONSE_BYTES,
    };
    if response
        .content_length()
        .is_some_and(|length| length > MAX_RESPONSE_BYTES as u64)
    {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| network_error(link, &e))?
    {
        if bytes.len() + chunk.len() > MAX_RESPONSE_BYTES {
            return Err(too_large());
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

async fn read_json<T: DeserializeOwned>(
    link: &FeedLink,
    response: Response,
) -> Result<T, ActivityError> {
    let bytes = read_bytes(link, response).await?;
    serde_json::from_slice(&bytes).map_err(|e| ActivityError::Garbage {
        host: link.host(),
        reason: e.to_string(),
    })
}

/// The content type of a document, from its first bytes (the protocol's kinds and limit, from
/// `vigil_core::activity`), or why it cannot be sent.
fn document_type(bytes: &[u8]) -> Result<&'static str, ActivityError> {
    const MB: usize = 1024 * 1024;
    if bytes.is_empty() {
        return Err(ActivityError::BadDocument("The file is empty".into()));
    }
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(ActivityError::BadDocument(format!(
            "The file is too large ({} MB; the limit is {} MB)",
            bytes.len() / MB,
            MAX_DOCUMENT_BYTES / MB
        )));
    }
    DocumentType::sniff(bytes)
        .map(DocumentType::content_type)
        .ok_or_else(|| ActivityError::BadDocument("Send a PDF, PNG or JPEG file".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_ids_are_one_path_segment() {
        assert_eq!(path_segment("phone-1_a.b~"), "phone-1_a.b~");
        assert_eq!(path_segment("a/b c?%"), "a%2Fb%20c%3F%25");
    }

    #[test]
    fn documents_are_checked_before_sending() {
        assert_eq!(document_type(b"%PDF-1.4"), Ok("application/pdf"));
        assert_eq!(document_type(b"\xff\xd8\xff\xdb"), Ok("image/jpeg"));
        for (bytes, expected) in [
            (Vec::new(), "The file is empty"),
            (b"GIF89a".to_vec(), "Send a PDF, PNG or JPEG file"),
            (
                [&b"%PDF-"[..], &vec![0; MAX_DOCUMENT_BYTES]].concat(),
                "The file is too large (10 MB; the limit is 10 MB)",
            ),
        ] {
            assert_eq!(
                document_type(&bytes),
                Err(ActivityError::BadDocument(expected.into()))
            );
        }
    }
}
