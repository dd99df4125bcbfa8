//! Telling the site at once: [`webhook_event`] makes the events (`session.ended`,
//! `account.locked`, `account.unlocked`, `account.secured`) that handlers and rules queue in the
//! database in the transaction that made them happen (`Database::queue_webhook`), and one
//! [`WebhookSender`] task per instance POSTs due events to `VIGIL_SITE_WEBHOOK_URL`, signed like
//! Stripe's (`Vigil-Webhook-Signature: t=…,v1=…`, HMAC-SHA256 under `VIGIL_WEBHOOK_SECRET`),
//! retrying with exponential backoff until the site answers 2xx, so an event survives a site
//! that is down and a restart. Without a URL the events are only kept, for polling.

use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tokio::sync::{Notify, watch};
use vigil_core::Sensitive;
use vigil_core::activity::{
    AccountState, HEADER_WEBHOOK_ID, HEADER_WEBHOOK_SIGNATURE, WebhookEvent, WebhookType,
    webhook_signature,
};

use crate::db::{Database, QueuedWebhook};
use crate::mail_queue::{RetryPolicy, unix_now, wait_for_work};

/// How long a claimed event is left to its sender before another may retry it, in seconds
/// (longer than [`REQUEST_TIMEOUT`]).
const LEASE_SECONDS: i64 = 60;
/// Events claimed at once.
const BATCH: i64 = 16;
/// The longest one POST may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);
/// The shortest webhook secret accepted.
pub const MIN_SECRET_CHARS: usize = 16;

/// Why the webhook settings cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebhookConfigError {
    /// `VIGIL_SITE_WEBHOOK_URL` is not a URL.
    #[error("VIGIL_SITE_WEBHOOK_URL is not a URL: {0}")]
    NotAUrl(String),
    /// Not `http://` or `https://`.
    #[error("VIGIL_SITE_WEBHOOK_URL must be an https:// URL (it is {0}://)")]
    NotHttp(String),
    /// `http://` to a host that is not this machine: the events and their signatures would
    /// cross the network in the clear.
    #[error(
        "VIGIL_SITE_WEBHOOK_URL must be https:// (plain http:// only to 127.0.0.1, ::1 or localhost)"
    )]
    PlainHttpOutsideLoopback,
    /// A URL with a user or password: the signature is the authentication.
    #[error("VIGIL_SITE_WEBHOOK_URL must not carry a user name or password")]
    Credentials,
    /// The URL is set but the secret is not.
    #[error("VIGIL_WEBHOOK_SECRET is not set: webhooks are signed with it (no default is used)")]
    MissingSecret,
    /// The secret is too short.
    #[error("VIGIL_WEBHOOK_SECRET must be at least {MIN_SECRET_CHARS} characters long")]
    WeakSecret,
}

/// Where webhooks go, checked: `https://`, or `http://` only to a loopback host.
#[derive(Clone)]
pub struct WebhookTarget {
    url: url::Url,
    secret: Sensitive<String>,
}

impl std::fmt::Debug for WebhookTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookTarget")
            .field("url", &self.url.as_str())
            .finish_non_exhaustive()
    }
}

impl WebhookTarget {
    /// The target for `url` signed with `secret`; `None` when no URL is set.
    pub fn parse(
        url: Option<&str>,
        secret: Option<&Sensitive<String>>,
    ) -> Result<Option<Self>, WebhookConfigError> {
        let Some(text) = url.map(str::trim).filter(|text| !text.is_empty()) else {
            return Ok(None);
        };
        let url = url::Url::parse(text).map_err(|e| WebhookConfigError::NotAUrl(e.to_string()))?;
        match url.scheme() {
            "https" => {}
            "http" if is_loopback(&url) => {}
            "http" => return Err(WebhookConfigError::PlainHttpOutsideLoopback),
            other => return Err(WebhookConfigError::NotHttp(other.to_owned())),
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(WebhookConfigError::Credentials);
        }
        let secret = secret
            .filter(|secret| !secret.expose().trim().is_empty())
            .ok_or(WebhookConfigError::MissingSecret)?;
        if secret.expose().trim().chars().count() < MIN_SECRET_CHARS {
            return Err(WebhookConfigError::WeakSecret);
        }
        Ok(Some(Self {
            url,
            secret: Sensitive::new(secret.expose().trim().to_owned()),
        }))
    }

    /// The URL.
    pub fn url(&self) -> &url::Url {
        &self.url
    }
}

fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

/// Makes ids that sort in the order events were made (milliseconds, then a counter), so
/// events of one transaction keep their order for the site.
static SEQUENCE: AtomicU64 = AtomicU64::new(0);

/// A new event for the site, happening at `now` (unix seconds).
pub fn webhook_event(
    kind: WebhookType,
    account: &str,
    session: Option<&str>,
    state: Option<AccountState>,
    now: i64,
) -> WebhookEvent {
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    let sequence = SEQUENCE.fetch_add(1, Ordering::Relaxed) % 1_000_000;
    let random = uuid::Uuid::new_v4().simple().to_string();
    WebhookEvent {
        id: format!("wh_{millis:013}{sequence:06}_{}", &random[..12]),
        kind,
        account: account.to_owned(),
        session: session.map(str::to_owned),
        state,
        at: crate::routes::datetime(now),
    }
}

/// Wakes the sender when events were queued; cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct WebhookWake(Arc<Notify>);

impl WebhookWake {
    /// Tells the sender new events wait (after the transaction that queued them committed).
    pub fn wake(&self) {
        self.0.notify_one();
    }
}

/// Sends queued events to the site.
pub struct WebhookSender {
    target: WebhookTarget,
    http: reqwest::Client,
    db: Database,
    wake: WebhookWake,
    retry: RetryPolicy,
}

impl WebhookSender {
    /// A sender to `target`, reading the queue in `db`, woken by `wake`.
    pub fn new(
        target: WebhookTarget,
        db: Database,
        wake: WebhookWake,
        retry: RetryPolicy,
    ) -> Result<Self, reqwest::Error> {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(REQUEST_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("vigil-server/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self {
            target,
            http,
            db,
            wake,
            retry,
        })
    }

    /// Runs until `stop` turns true, sending due events as they come.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        let poll = self.retry.poll_interval();
        loop {
            if *stop.borrow() {
                return;
            }
            let now = unix_now();
            let claimed = match self
                .db
                .claim_webhooks(now, now + LEASE_SECONDS, BATCH)
                .await
            {
                Ok(claimed) => claimed,
                Err(error) => {
                    tracing::warn!(%error, "webhook queue not read");
                    Vec::new()
                }
            };
            let full = claimed.len() as i64 == BATCH;
            for queued in claimed {
                self.deliver(queued).await;
            }
            if !full {
                wait_for_work(&self.wake.0, poll, &mut stop).await;
            }
        }
    }

    /// One attempt at one event, and what the queue keeps of it.
    async fn deliver(&self, queued: QueuedWebhook) {
        let t = unix_now();
        let signature = webhook_signature(
            self.target.secret.expose().as_bytes(),
            t,
            queued.body.as_bytes(),
        );
        let sent = self
            .http
            .post(self.target.url.clone())
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header(HEADER_WEBHOOK_SIGNATURE, signature)
            .header(HEADER_WEBHOOK_ID, &queued.id)
            .body(queued.body.clone())
            .send()
            .await;
        let failure = match sent {
            Ok(response) if response.status().is_success() => None,
            Ok(response) => Some(format!("the site answered {}", response.status())),
            Err(error) => Some(error_text(&error)),
        };
        let outcome = match failure {
            None => self.db.webhook_delivered(&queued.id, unix_now()).await.map(|()| {
                tracing::info!(event = %queued.id, attempts = queued.attempts, "webhook delivered");
            }),
            Some(error) => {
                let delay = self.retry.delay(queued.attempts);
                let next = unix_now() + delay.as_secs() as i64;
                self.db
                    .webhook_retry(&queued.id, next, &error)
                    .await
                    .map(|()| {
                        tracing::warn!(
                            event = %queued.id,
                            %error,
                            attempts = queued.attempts,
                            retry_in_seconds = delay.as_secs(),
                            "webhook not delivered; will retry"
                        );
                    })
            }
        };
        if let Err(error) = outcome {
            tracing::warn!(%error, "webhook queue not updated");
        }
    }
}

/// A request error with its innermost cause (e.g. "Connection refused").
fn error_text(error: &reqwest::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(inner) = source {
        text = inner.to_string();
        source = inner.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret() -> Sensitive<String> {
        Sensitive::new("whsec-0123456789abcdef".to_owned())
    }

    #[test]
    fn urls_are_https_or_loopback_http() {
        let secret = secret();
        for fine in [
            "https://shop.example/hooks/vigil",
            "http://127.0.0.1:9000/hook",
            "http://[::1]/hook",
            "http://localhost:8000/",
        ] {
            assert!(
                WebhookTarget::parse(Some(fine), Some(&secret))
                    .unwrap()
                    .is_some(),
                "{fine}"
            );
        }
        let refused = |url: &str| WebhookTarget::parse(Some(url), Some(&secret)).unwrap_err();
        assert_eq!(
            refused("http://shop.example/hook"),
            WebhookConfigError::PlainHttpOutsideLoopback
        );
        assert_eq!(
            refused("ftp://shop.example/hook"),
            WebhookConfigError::NotHttp("ftp".into())
        );
        assert!(matches!(
            refused("not a url"),
            WebhookConfigError::NotAUrl(_)
        ));
        assert_eq!(
            refused("https://user:pw@shop.example/"),
            WebhookConfigError::Credentials
        );
        assert_eq!(
            WebhookTarget::parse(Some("https://shop.example/"), None).unwrap_err(),
            WebhookConfigError::MissingSecret
        );
        let short = Sensitive::new("short".to_owned());
        assert_eq!(
            WebhookTarget::parse(Some("https://shop.example/"), Some(&short)).unwrap_err(),
            WebhookConfigError::WeakSecret
        );
        assert!(WebhookTarget::parse(None, None).unwrap().is_none());
    }

    #[test]
    fn ids_sort_in_the_order_events_were_made() {
        let ids: Vec<String> = (0..50)
            .map(|_| webhook_event(WebhookType::SessionEnded, "a", Some("s"), None, 0).id)
            .collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
    }
}
