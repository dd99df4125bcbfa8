//! The bounds on every field of every JSON request body (docs/protocol.md, Limits): lengths,
//! characters, the date range, IP addresses parsed as [`IpAddr`]. The service refuses a body
//! that breaks one with `400 invalid_request` naming the field; whatever passes can be stored,
//! shown in a feed and drawn into an enrolment QR code (the `request_bodies` fuzz target checks
//! that).

use std::fmt;
use std::net::IpAddr;

use serde_json::Value;
use time::OffsetDateTime;

use super::types::{CreateAccount, DecisionRequest, EventKind, NewEvent, VerifyRequest};
use super::{FEED_YEARS, date_in_range};

/// `external_id`: 1 to this many characters.
pub const MAX_EXTERNAL_ID_CHARS: usize = 200;
/// `locale`: at most this many bytes (letters, digits, `-`, `_`, `.` and `@`).
pub const MAX_LOCALE_BYTES: usize = 35;
/// `email`: at most this many bytes (RFC 5321's path limit).
pub const MAX_EMAIL_BYTES: usize = 254;
/// `issuer` and `label`: at most this many characters...
pub const MAX_NAME_CHARS: usize = 64;
/// ...and at most this many bytes in UTF-8, so the enrolment URI always fits a QR code.
pub const MAX_NAME_BYTES: usize = 128;
/// `code`: at most this many characters (spaces included).
pub const MAX_CODE_CHARS: usize = 32;
/// `user_agent`: at most this many characters.
pub const MAX_USER_AGENT_CHARS: usize = 512;
/// `details`: at most this many bytes as JSON.
pub const MAX_DETAILS_BYTES: usize = 4096;
/// `details`: at most this many fields.
pub const MAX_DETAIL_FIELDS: usize = 16;
/// `details`: each field name at most this many characters.
pub const MAX_DETAIL_NAME_CHARS: usize = 32;
/// `details`: each string value at most this many characters.
pub const MAX_DETAIL_TEXT_CHARS: usize = 200;
/// `note` of a reviewer's decision: at most this many characters.
pub const MAX_NOTE_CHARS: usize = 500;
/// A service's public URL (the base of `activity=` links) is at most this many bytes, so with
/// the longest issuer, label and email every enrolment URI fits a QR code.
pub const MAX_PUBLIC_URL_BYTES: usize = 120;
/// `session`: 1 to this many characters.
pub const MAX_SESSION_CHARS: usize = 128;
/// `occurred_at` may be at most this many seconds ahead of the service's clock.
pub const MAX_FUTURE_SECONDS: i64 = 300;

/// A field of a request body with a value the protocol does not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct FieldError {
    /// The field, as the body names it (`details.last4` for a detail).
    pub field: String,
    /// What is wrong, in a sentence fragment (`must be at most 512 characters`).
    pub problem: String,
}

impl FieldError {
    fn new(field: impl Into<String>, problem: impl fmt::Display) -> Self {
        Self {
            field: field.into(),
            problem: problem.to_string(),
        }
    }
}

/// A posted event that passed every check: its time in unix seconds, its IP parsed, its details.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedEvent {
    /// `occurred_at`, or `now` when absent.
    pub occurred_at: i64,
    /// `ip`, parsed.
    pub ip: Option<IpAddr>,
    /// `details` (an empty object when absent).
    pub details: Value,
}

/// Text of 0 to `max_chars` characters without control characters.
fn plain_text(field: &str, value: &str, max_chars: usize) -> Result<(), FieldError> {
    if value.chars().count() > max_chars {
        return Err(FieldError::new(
            field,
            format!("must be at most {max_chars} characters"),
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(FieldError::new(
            field,
            "must not contain control characters",
        ));
    }
    Ok(())
}

/// Text that is not blank, within `max_chars`, without control characters.
fn required_text(field: &str, value: &str, max_chars: usize) -> Result<(), FieldError> {
    if value.trim().is_empty() {
        return Err(FieldError::new(field, "must not be empty"));
    }
    plain_text(field, value, max_chars)
}

/// A session id as the site names it: 1 to [`MAX_SESSION_CHARS`] printable characters (no
/// control characters, not blank). `field` names it in the error (`session`).
pub fn session_id(field: &str, value: &str) -> Result<(), FieldError> {
    if value.is_empty() || value.chars().count() > MAX_SESSION_CHARS {
        return Err(FieldError::new(
            field,
            format!("must be 1 to {MAX_SESSION_CHARS} characters"),
        ));
    }
    required_text(field, value, MAX_SESSION_CHARS)
}

/// An optional IP address, parsed (`None` when absent).
pub fn parse_ip(field: &str, value: Option<&str>) -> Result<Option<IpAddr>, FieldError> {
    match value {
        None => Ok(None),
        Some(text) => text.trim().parse().map(Some).map_err(|_| {
            FieldError::new(field, "must be an IPv4 or IPv6 address (e.g. 203.0.113.7)")
        }),
    }
}

fn name(field: &str, value: Option<&str>) -> Result<(), FieldError> {
    let Some(value) = value else { return Ok(()) };
    required_text(field, value, MAX_NAME_CHARS)?;
    if value.len() > MAX_NAME_BYTES {
        return Err(FieldError::new(
            field,
            format!("must be at most {MAX_NAME_BYTES} bytes in UTF-8"),
        ));
    }
    Ok(())
}

impl CreateAccount {
    /// Checks every field: `external_id` 1-200 characters, `email` an address of at most 254
    /// bytes, `issuer` and `label` 1-64 characters (128 bytes); no control characters; `locale`
    /// 1-35 letters, digits, `-`, `_`, `.` or `@`.
    pub fn validate(&self) -> Result<(), FieldError> {
        required_text("external_id", &self.external_id, MAX_EXTERNAL_ID_CHARS)?;
        let email = &self.email;
        let at_inside = email
            .split_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && !domain.is_empty());
        if email.len() > MAX_EMAIL_BYTES
            || !at_inside
            || email.chars().any(|c| c.is_control() || c.is_whitespace())
        {
            return Err(FieldError::new(
                "email",
                format!("must be an email address of at most {MAX_EMAIL_BYTES} bytes"),
            ));
        }
        name("issuer", self.issuer.as_deref())?;
        name("label", self.label.as_deref())?;
        if let Some(locale) = &self.locale {
            let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '@');
            if locale.is_empty() || locale.len() > MAX_LOCALE_BYTES || !locale.chars().all(allowed)
            {
                return Err(FieldError::new(
                    "locale",
                    format!(
                        "must be a language tag (de, fr-CH, en_GB) of at most {MAX_LOCALE_BYTES} \
                         characters"
                    ),
                ));
            }
        }
        Ok(())
    }
}

impl VerifyRequest {
    /// Checks every field (`code` at most 32 characters, `ip` an address, `user_agent` at most
    /// 512 characters) and returns the IP parsed.
    pub fn validate(&self) -> Result<Option<IpAddr>, FieldError> {
        required_text("code", &self.code, MAX_CODE_CHARS)?;
        if let Some(agent) = &self.user_agent {
            plain_text("user_agent", agent, MAX_USER_AGENT_CHARS)?;
        }
        if let Some(session) = &self.session {
            session_id("session", session)?;
        }
        parse_ip("ip", self.ip.as_deref())
    }
}

impl NewEvent {
    /// Checks every field against the service's clock `now` (unix seconds): a kind a site may
    /// post, `occurred_at` in the years 1970-9998 and at most 5 minutes ahead, `ip` an address,
    /// `user_agent` at most 512 characters, and `details` (below).
    pub fn validate(&self, now: i64) -> Result<CheckedEvent, FieldError> {
        if !self.kind.site_may_post() {
            return Err(FieldError::new(
                "kind",
                format!(
                    "{} events are recorded by the service only",
                    self.kind.as_str()
                ),
            ));
        }
        let occurred_at = match self.occurred_at {
            None => now,
            Some(at) => checked_time(at, now)?,
        };
        if let Some(agent) = &self.user_agent {
            plain_text("user_agent", agent, MAX_USER_AGENT_CHARS)?;
        }
        let ip = parse_ip("ip", self.ip.as_deref())?;
        match &self.session {
            Some(session) => session_id("session", session)?,
            None if self.kind == EventKind::SignOut => {
                return Err(FieldError::new(
                    "session",
                    "is required for sign_out events (the session that ended)",
                ));
            }
            None => {}
        }
        let details = self
            .details
            .clone()
            .unwrap_or(Value::Object(Default::default()));
        check_details(self.kind, &details)?;
        Ok(CheckedEvent {
            occurred_at,
            ip,
            details,
        })
    }
}

fn checked_time(at: OffsetDateTime, now: i64) -> Result<i64, FieldError> {
    if !date_in_range(at) {
        return Err(FieldError::new(
            "occurred_at",
            format!(
                "must fall in the years {} to {}",
                FEED_YEARS.start(),
                FEED_YEARS.end()
            ),
        ));
    }
    let unix = at.unix_timestamp();
    if unix > now.saturating_add(MAX_FUTURE_SECONDS) {
        return Err(FieldError::new(
            "occurred_at",
            format!("must not be more than {MAX_FUTURE_SECONDS} s in the future"),
        ));
    }
    Ok(unix)
}

/// `details`: an object of at most 16 fields whose values are strings (at most 200 characters,
/// no control characters), numbers, booleans or null, at most 4 KB as JSON, with the fields
/// the kind requires ([`EventKind::required_details`]) and `last4` exactly four digits.
fn check_details(kind: EventKind, details: &Value) -> Result<(), FieldError> {
    let Value::Object(fields) = details else {
        return Err(FieldError::new("details", "must be an object"));
    };
    if fields.len() > MAX_DETAIL_FIELDS {
        return Err(FieldError::new(
            "details",
            format!("must have at most {MAX_DETAIL_FIELDS} fields"),
        ));
    }
    for (name, value) in fields {
        let field = format!("details.{}", name.chars().take(40).collect::<String>());
        plain_text(&field, name, MAX_DETAIL_NAME_CHARS)?;
        match value {
            Value::String(text) => plain_text(&field, text, MAX_DETAIL_TEXT_CHARS)?,
            Value::Number(_) | Value::Bool(_) | Value::Null => {}
            Value::Array(_) | Value::Object(_) => {
                return Err(FieldError::new(
                    field,
                    "must be a string, a number, true, false or null",
                ));
            }
        }
    }
    for name in kind.required_details() {
        match fields.get(*name) {
            Some(Value::String(text)) if !text.trim().is_empty() => {}
            Some(Value::Number(_)) if *name == "amount" => {}
            _ => {
                return Err(FieldError::new(
                    format!("details.{name}"),
                    format!("is required for {} events (a string)", kind.as_str()),
                ));
            }
        }
    }
    if kind == EventKind::PaymentMethodAdded {
        let last4 = fields.get("last4").and_then(Value::as_str).unwrap_or("");
        if last4.len() != 4 || !last4.bytes().all(|b| b.is_ascii_digit()) {
            return Err(FieldError::new(
                "details.last4",
                "must be exactly the last 4 digits (never a full card number)",
            ));
        }
    }
    if details.to_string().len() > MAX_DETAILS_BYTES {
        return Err(FieldError::new(
            "details",
            format!("must be at most {MAX_DETAILS_BYTES} bytes as JSON"),
        ));
    }
    Ok(())
}

impl DecisionRequest {
    /// Checks the note: at most 500 characters, no control characters.
    pub fn validate(&self) -> Result<(), FieldError> {
        plain_text("note", &self.note, MAX_NOTE_CHARS)
    }
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
