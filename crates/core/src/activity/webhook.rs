//! What the service tells the site at once (docs/protocol.md, Webhooks): the events POSTed to
//! the site's webhook URL (and listed for polling), and their signature, made the way Stripe
//! makes its own: `Vigil-Webhook-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">` under the
//! webhook secret. [`webhook_signature`] makes it; [`verify_webhook`] is what a site runs.

use ring::hmac;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::AccountState;

/// The header carrying the signature.
pub const HEADER_WEBHOOK_SIGNATURE: &str = "Vigil-Webhook-Signature";
/// The header carrying the event's id (the same on every retry, so a site can drop repeats).
pub const HEADER_WEBHOOK_ID: &str = "Vigil-Webhook-Id";
/// How far a signature's `t` may be from the site's clock when it checks it, in seconds.
pub const WEBHOOK_TOLERANCE_SECONDS: i64 = 300;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum WebhookType {
    /// `session.ended`: the customer (or a reviewer) ended a session; the site signs it out.
    #[serde(rename = "session.ended")]
    SessionEnded,
    /// `account.locked`: the account was locked (or moved to review).
    #[serde(rename = "account.locked")]
    AccountLocked,
    /// `account.unlocked`: the account is active again.
    #[serde(rename = "account.unlocked")]
    AccountUnlocked,
    /// `account.secured`: the customer pressed "Secure my account": every session ended, and
    /// a new password is required.
    #[serde(rename = "account.secured")]
    AccountSecured,
}

impl WebhookType {
    /// Every type, in the order above.
    pub const ALL: [WebhookType; 4] = [
        WebhookType::SessionEnded,
        WebhookType::AccountLocked,
        WebhookType::AccountUnlocked,
        WebhookType::AccountSecured,
    ];

    /// The wire name, e.g. `session.ended`.
    pub fn as_str(self) -> &'static str {
        match self {
            WebhookType::SessionEnded => "session.ended",
            WebhookType::AccountLocked => "account.locked",
            WebhookType::AccountUnlocked => "account.unlocked",
            WebhookType::AccountSecured => "account.secured",
        }
    }

    /// The inverse of [`WebhookType::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

/// One event for the site, as POSTed and as listed by `GET /v1/webhook-events`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookEvent {
    /// The event's id (also in `Vigil-Webhook-Id`).
    pub id: String,
    /// What happened.
    #[serde(rename = "type")]
    pub kind: WebhookType,
    /// The service's account id.
    pub account: String,
    /// The session, with `session.ended`; `null` otherwise.
    pub session: Option<String>,
    /// The account's state afterwards, with `account.*`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<AccountState>,
    /// When it happened.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// `GET /v1/webhook-events?after=&limit=`: events in the order they happened, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookEventPage {
    /// The events of this page.
    pub events: Vec<WebhookEvent>,
    /// Pass as `after=` for the next page; `null` when there are no more yet (poll again with
    /// the last event's id).
    pub next: Option<String>,
}

/// Why a webhook's signature was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebhookSignatureError {
    /// The header is not `t=<unix>,v1=<hex>`.
    #[error("the signature header is not t=<unix seconds>,v1=<hex>")]
    Malformed,
    /// `t` is too far from the checker's clock (a replayed or very late request).
    #[error("the signature's time is more than {WEBHOOK_TOLERANCE_SECONDS} s from now")]
    TooOld,
    /// No `v1` signature matches the body.
    #[error("the signature does not match the body")]
    Mismatch,
}

/// The `Vigil-Webhook-Signature` value for `body` sent at `t` (unix seconds).
pub fn webhook_signature(secret: &[u8], t: i64, body: &[u8]) -> String {
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret);
    let mut context = hmac::Context::with_key(&key);
    context.update(t.to_string().as_bytes());
    context.update(b".");
    context.update(body);
    format!("t={t},v1={}", hex::encode(context.sign().as_ref()))
}

/// Checks a `Vigil-Webhook-Signature` header against `body` and the checker's clock `now`, in
/// constant time: `t` within [`WEBHOOK_TOLERANCE_SECONDS`] and one `v1` matching.
pub fn verify_webhook(
    secret: &[u8],
    header: &str,
    body: &[u8],
    now: i64,
) -> Result<(), WebhookSignatureError> {
    let mut t = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", value)) => t = value.parse::<i64>().ok(),
            Some(("v1", value)) => {
                signatures.push(hex::decode(value).map_err(|_| WebhookSignatureError::Malformed)?)
            }
            _ => {}
        }
    }
    let t = t.ok_or(WebhookSignatureError::Malformed)?;
    if signatures.is_empty() {
        return Err(WebhookSignatureError::Malformed);
    }
    if (now - t).abs() > WEBHOOK_TOLERANCE_SECONDS {
        return Err(WebhookSignatureError::TooOld);
    }
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret);
    let signed = [t.to_string().as_bytes(), b".", body].concat();
    signatures
        .iter()
        .any(|tag| hmac::verify(&key, &signed, tag).is_ok())
        .then_some(())
        .ok_or(WebhookSignatureError::Mismatch)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_are_stripe_style_and_checked() {
        let body = br#"{"type":"session.ended"}"#;
        let header = webhook_signature(b"whsec-0123456789abcdef", 1_764_050_000, body);
        assert!(header.starts_with("t=1764050000,v1="));
        assert_eq!(header.len(), "t=1764050000,v1=".len() + 64);
        let secret = b"whsec-0123456789abcdef";
        assert_eq!(verify_webhook(secret, &header, body, 1_764_050_100), Ok(()));
        assert_eq!(
            verify_webhook(secret, &header, b"{}", 1_764_050_000),
            Err(WebhookSignatureError::Mismatch)
        );
        assert_eq!(
            verify_webhook(b"another-secret", &header, body, 1_764_050_000),
            Err(WebhookSignatureError::Mismatch)
        );
        assert_eq!(
            verify_webhook(secret, &header, body, 1_764_050_000 + 301),
            Err(WebhookSignatureError::TooOld)
        );
        assert_eq!(
            verify_webhook(secret, "v1=00", body, 1_764_050_000),
            Err(WebhookSignatureError::Malformed)
        );
    }

    /// docs/protocol.md's worked example, computed with Python's `hmac` and `hashlib`.
    #[test]
    fn the_documented_example_signs_as_documented() {
        let body = br#"{"id":"wh_1764050000000000001_0a1b2c3d4e5f","type":"session.ended","account":"6f1c2d3e-0000-4000-8000-00000000a11c","session":"s-phone","at":"2025-11-25T05:53:20Z"}"#;
        let header = webhook_signature(b"whsec-example-0123456789", 1_764_050_000, body);
        assert_eq!(
            header,
            "t=1764050000,v1=60b450818b52500090a16b4722555a10f963bb0d32b5d297d23e6fc5fa8504df"
        );
        let event: WebhookEvent = serde_json::from_slice(body).unwrap();
        assert_eq!(serde_json::to_vec(&event).unwrap(), body.to_vec());
    }

    #[test]
    fn events_have_the_documented_shape() {
        let event = WebhookEvent {
            id: "w1".into(),
            kind: WebhookType::SessionEnded,
            account: "a1".into(),
            session: Some("s1".into()),
            state: None,
            at: time::macros::datetime!(2026-11-25 07:10 UTC),
        };
        assert_eq!(
            serde_json::to_value(&event).unwrap(),
            serde_json::json!({"id": "w1", "type": "session.ended", "account": "a1",
                               "session": "s1", "at": "2026-11-25T07:10:00Z"})
        );
        for kind in WebhookType::ALL {
            assert_eq!(WebhookType::parse(kind.as_str()), Some(kind));
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        }
    }
}
