//! Emails: alerts for flagged sign-ins, locks and unlocks, and the 7-day digest, rendered from
//! askama templates (HTML and plain text) and built as MIME messages with lettre
//! (`mail_queue.rs` queues and sends them). Never a code, a secret or a full card number: the
//! templates only get the lines built here.
//!
//! Every sentence is in the customer's language ([`words_for`] reads the account's `locale`;
//! absent or unknown: English) from `email.ftl`, with the events in the same words as the app
//! and the CLI (`vigil-activity-words`), country names from CLDR and times in the locale's form
//! with the zone named (UTC: the service does not know the customer's zone).

use askama::Template;
use lettre::Message;
use lettre::message::{Mailbox, MultiPart};
use vigil_activity_words as activity_words;
use vigil_core::activity::AccountState;
use vigil_i18n::{Language, Words};

use crate::db::EventRow;
use crate::routes::api_event;

/// The words for a customer's emails: the account's locale if the service speaks its language,
/// else English.
pub fn words_for(locale: Option<&str>) -> Words {
    match locale {
        Some(locale) if Language::from_code(locale).is_some() => Words::for_locale(locale),
        _ => Words::default(),
    }
}

/// One event as an email lists it, in the customer's words.
#[derive(Debug, Clone)]
pub struct EventLine {
    /// e.g. `25.11.2026, 06:11 UTC`, in the locale's form.
    pub when: String,
    /// What happened, e.g. `Signed in from Netherlands · Firefox 133 on Windows` or
    /// `Order ••••1001 · 49.90 EUR` (references masked).
    pub what: String,
    /// The country's name, or "unknown country".
    pub country: String,
    /// IP address, or "unknown IP address".
    pub ip: String,
    /// Whether the IP address is known (the digest's text names it only then).
    pub has_ip: bool,
    /// e.g. `Firefox 133 on Windows`, or "unknown device".
    pub device: String,
}

impl EventLine {
    /// Builds the line for an event (orders and bookings masked) in `words`' language.
    pub fn from_event(words: &Words, event: &EventRow) -> Self {
        let event = api_event(event);
        Self {
            when: format_time(words, event.occurred_at.unix_timestamp()),
            what: activity_words::summary(words, &event),
            country: activity_words::place(words, &event)
                .unwrap_or_else(|| words.get("email-unknown-country")),
            ip: event
                .ip
                .clone()
                .unwrap_or_else(|| words.get("email-unknown-ip")),
            has_ip: event.ip.is_some(),
            device: activity_words::device_words(words, &event)
                .unwrap_or_else(|| words.get("email-unknown-device")),
        }
    }
}

/// Unix seconds as a date and time in UTC, in the locale's form with the zone named
/// ("25 Nov 2026, 06:11 UTC", "25.11.2026, 06:11 UTC").
pub fn format_time(words: &Words, unix: i64) -> String {
    let Ok(at) = jiff::Timestamp::from_second(unix) else {
        return unix.to_string();
    };
    let civil = at.to_zoned(jiff::tz::TimeZone::UTC).datetime();
    words.with(
        "email-time",
        &[
            ("date", words.date(civil.date()).into()),
            ("time", words.clock(civil.time()).into()),
        ],
    )
}

#[derive(Template)]
#[template(path = "email/alert.txt")]
struct AlertText<'a> {
    t: &'a Words,
    issuer: &'a str,
    event: &'a EventLine,
    link: &'a str,
}

#[derive(Template)]
#[template(path = "email/alert.html")]
struct AlertHtml<'a> {
    t: &'a Words,
    issuer: &'a str,
    event: &'a EventLine,
    link: &'a str,
}

#[derive(Template)]
#[template(path = "email/state.txt")]
struct StateText<'a> {
    t: &'a Words,
    issuer: &'a str,
    locked: bool,
    state: &'a str,
    reason: &'a str,
}

#[derive(Template)]
#[template(path = "email/state.html")]
struct StateHtml<'a> {
    t: &'a Words,
    issuer: &'a str,
    locked: bool,
    state: &'a str,
    reason: &'a str,
}

#[derive(Template)]
#[template(path = "email/digest.txt")]
struct DigestText<'a> {
    t: &'a Words,
    issuer: &'a str,
    lines: &'a [EventLine],
}

#[derive(Template)]
#[template(path = "email/digest.html")]
struct DigestHtml<'a> {
    t: &'a Words,
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
    t: &Words,
    to: &str,
    issuer: &str,
    event: &EventLine,
    link: &str,
) -> Result<OutgoingEmail, RenderError> {
    Ok(OutgoingEmail {
        to: to.to_owned(),
        subject: t.t2(
            "email-alert-subject",
            "issuer",
            issuer,
            "country",
            &event.country,
        ),
        text: AlertText {
            t,
            issuer,
            event,
            link,
        }
        .render()?,
        html: AlertHtml {
            t,
            issuer,
            event,
            link,
        }
        .render()?,
    })
}

/// The email for a lock or an unlock. `reason` is the service's own (English) account of why.
pub fn state_email(
    t: &Words,
    to: &str,
    issuer: &str,
    state: AccountState,
    reason: &str,
) -> Result<OutgoingEmail, RenderError> {
    let locked = state.is_locked();
    let subject = if locked {
        t.t1("email-state-locked-subject", "issuer", issuer)
    } else {
        t.t1("email-state-unlocked-subject", "issuer", issuer)
    };
    let state = activity_words::state_sentence(t, state);
    let state = state.as_str();
    Ok(OutgoingEmail {
        to: to.to_owned(),
        subject,
        text: StateText {
            t,
            issuer,
            locked,
            state,
            reason,
        }
        .render()?,
        html: StateHtml {
            t,
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
    t: &Words,
    to: &str,
    issuer: &str,
    lines: &[EventLine],
) -> Result<OutgoingEmail, RenderError> {
    Ok(OutgoingEmail {
        to: to.to_owned(),
        subject: t.t1("email-digest-subject", "issuer", issuer),
        text: DigestText { t, issuer, lines }.render()?,
        html: DigestHtml { t, issuer, lines }.render()?,
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
