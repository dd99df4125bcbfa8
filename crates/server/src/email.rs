//! Emails: alerts for flagged sign-ins, locks and unlocks, and the 7-day digest, rendered from
//! askama templates (HTML and plain text) and built as MIME messages with lettre
//! (`mail_queue.rs` queues and sends them). Never a code, a secret or a full card number: the templates only get the
//! lines built here.

use askama::Template;
use lettre::Message;
use lettre::message::{Mailbox, MultiPart};
use time::OffsetDateTime;
use time::macros::format_description;
use vigil_core::activity::{AccountState, EventKind, mask_reference};

use crate::db::EventRow;
use crate::device::{describe, device_from_user_agent};

/// One event as an email lists it.
#[derive(Debug, Clone)]
pub struct EventLine {
    /// e.g. `2026-11-25 06:11 UTC`.
    pub when: String,
    /// What happened, e.g. `Sign-in` or `Order ••••1001: 49.90 EUR`.
    pub what: String,
    /// Country code or `unknown country`.
    pub country: String,
    /// IP address or `unknown IP`.
    pub ip: String,
    /// e.g. `Firefox 133 on Windows`.
    pub device: String,
}

impl EventLine {
    /// Builds the line for an event (orders and bookings masked).
    pub fn from_event(event: &EventRow) -> Self {
        let details: serde_json::Value = serde_json::from_str(&event.details).unwrap_or_default();
        let field = |name: &str| details.get(name).and_then(|v| v.as_str()).unwrap_or("");
        let what = match event.kind {
            EventKind::SignIn => "Sign-in".to_owned(),
            EventKind::OrderPlaced => format!(
                "Order {}: {} {}",
                mask_reference(field("reference")),
                field("amount"),
                field("currency")
            ),
            EventKind::BookingCreated => format!(
                "Booking {}: {} on {}",
                mask_reference(field("reference")),
                field("what"),
                field("when")
            ),
            other => other.as_str().replace('_', " "),
        };
        Self {
            when: format_time(event.occurred_at),
            what,
            country: event
                .country
                .clone()
                .unwrap_or_else(|| "unknown country".into()),
            ip: event.ip.clone().unwrap_or_else(|| "unknown IP".into()),
            device: describe(&device_from_user_agent(event.user_agent.as_deref())),
        }
    }
}

/// Unix seconds as `2026-11-25 06:11 UTC`.
pub fn format_time(unix: i64) -> String {
    let format = format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_else(|| unix.to_string())
}

#[derive(Template)]
#[template(path = "email/alert.txt")]
struct AlertText<'a> {
    issuer: &'a str,
    event: &'a EventLine,
    link: &'a str,
}

#[derive(Template)]
#[template(path = "email/alert.html")]
struct AlertHtml<'a> {
    issuer: &'a str,
    event: &'a EventLine,
    link: &'a str,
}

#[derive(Template)]
#[template(path = "email/state.txt")]
struct StateText<'a> {
    issuer: &'a str,
    locked: bool,
    state: &'a str,
    reason: &'a str,
}

#[derive(Template)]
#[template(path = "email/state.html")]
struct StateHtml<'a> {
    issuer: &'a str,
    locked: bool,
    state: &'a str,
    reason: &'a str,
}

#[derive(Template)]
#[template(path = "email/digest.txt")]
struct DigestText<'a> {
    issuer: &'a str,
    lines: &'a [EventLine],
}

#[derive(Template)]
#[template(path = "email/digest.html")]
struct DigestHtml<'a> {
    issuer: &'a str,
    lines: &'a [EventLine],
}

/// A rendered email.
#[derive(Debug, Clone)]
pub struct OutgoingEmail {
    /// Recipient address.
    pub to: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub text: String,
    /// HTML body.
    pub html: String,
}

/// Rendering failed (a template bug).
#[derive(Debug, thiserror::Error)]
#[error("cannot render an email: {0}")]
pub struct RenderError(#[from] askama::Error);

/// The alert for a flagged sign-in. `link` opens the event in the app ("This wasn't me").
pub fn alert_email(
    to: &str,
    issuer: &str,
    event: &EventLine,
    link: &str,
) -> Result<OutgoingEmail, RenderError> {
    Ok(OutgoingEmail {
        to: to.to_owned(),
        subject: format!("{issuer}: unusual sign-in from {}", event.country),
        text: AlertText {
            issuer,
            event,
            link,
        }
        .render()?,
        html: AlertHtml {
            issuer,
            event,
            link,
        }
        .render()?,
    })
}

/// The email for a lock or an unlock.
pub fn state_email(
    to: &str,
    issuer: &str,
    state: AccountState,
    reason: &str,
) -> Result<OutgoingEmail, RenderError> {
    let locked = state.is_locked();
    let subject = if locked {
        format!("{issuer}: your account is locked")
    } else {
        format!("{issuer}: your account is unlocked")
    };
    let state = state.as_str();
    Ok(OutgoingEmail {
        to: to.to_owned(),
        subject,
        text: StateText {
            issuer,
            locked,
            state,
            reason,
        }
        .render()?,
        html: StateHtml {
            issuer,
            locked,
            state,
            reason,
        }
        .render()?,
    })
}

/// The digest of the last 7 days' sign-ins, orders and bookings.
pub fn digest_email(
    to: &str,
    issuer: &str,
    lines: &[EventLine],
) -> Result<OutgoingEmail, RenderError> {
    Ok(OutgoingEmail {
        to: to.to_owned(),
        subject: format!("{issuer}: your activity in the last 7 days"),
        text: DigestText { issuer, lines }.render()?,
        html: DigestHtml { issuer, lines }.render()?,
    })
}

/// The email as a MIME message from `from` (text and HTML alternatives).
pub fn build_message(from: Option<Mailbox>, email: &OutgoingEmail) -> Result<Message, String> {
    let from = from.ok_or("the From address is not valid")?;
    let to: Mailbox = email
        .to
        .parse()
        .map_err(|e| format!("bad recipient: {e}"))?;
    Message::builder()
        .from(from)
        .to(to)
        .subject(email.subject.clone())
        .multipart(MultiPart::alternative_plain_html(
            email.text.clone(),
            email.html.clone(),
        ))
        .map_err(|e| e.to_string())
}
