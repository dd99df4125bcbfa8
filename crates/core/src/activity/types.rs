//! The JSON bodies of the activity service's HTTP API (docs/protocol.md is the reference).
//!
//! Times are RFC 3339 strings on the wire (`time::OffsetDateTime` here); enums are snake_case.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;

use super::{ErrorCode, Reason};

/// Where an account stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountState {
    /// Sign-ins are accepted.
    Active,
    /// Locked until the customer confirms every flagged event from the app (or sends a document).
    LockedPendingVerification,
    /// Locked until a reviewer decides.
    LockedPendingReview,
}

impl AccountState {
    /// The wire name: `active`, `locked_pending_verification`, `locked_pending_review`.
    pub fn as_str(self) -> &'static str {
        match self {
            AccountState::Active => "active",
            AccountState::LockedPendingVerification => "locked_pending_verification",
            AccountState::LockedPendingReview => "locked_pending_review",
        }
    }

    /// The inverse of [`AccountState::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        [
            AccountState::Active,
            AccountState::LockedPendingVerification,
            AccountState::LockedPendingReview,
        ]
        .into_iter()
        .find(|state| state.as_str() == text)
    }

    /// Whether the account is locked (either way).
    pub fn is_locked(self) -> bool {
        self != AccountState::Active
    }
}

/// What happened, as a feed shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A sign-in attempt (a code verified by the service, or a sign-in the site reports); with
    /// `session`, it starts that session.
    SignIn,
    /// The site ended a session (`session` names it): the customer signed out, or it expired.
    SignOut,
    /// An order; details `{reference, amount, currency}`.
    OrderPlaced,
    /// A booking; details `{reference, what, when}`.
    BookingCreated,
    /// The account's email address changed.
    EmailChanged,
    /// The account's phone number changed.
    PhoneChanged,
    /// The account's postal address changed.
    AddressChanged,
    /// The account's password changed.
    PasswordChanged,
    /// A payment method was added; details `{brand, last4, billing_country}`.
    PaymentMethodAdded,
    /// The service changed the account's state; details `{from, to, reason}`. Recorded by the
    /// service only: a site cannot post it.
    StateChanged,
    /// The customer sent a document; details `{document_id, content_type, size}`. Service only.
    DocumentReceived,
}

impl EventKind {
    /// Every kind, in the order above.
    pub const ALL: [EventKind; 11] = [
        EventKind::SignIn,
        EventKind::SignOut,
        EventKind::OrderPlaced,
        EventKind::BookingCreated,
        EventKind::EmailChanged,
        EventKind::PhoneChanged,
        EventKind::AddressChanged,
        EventKind::PasswordChanged,
        EventKind::PaymentMethodAdded,
        EventKind::StateChanged,
        EventKind::DocumentReceived,
    ];

    /// The wire name, e.g. `order_placed`.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::SignIn => "sign_in",
            EventKind::SignOut => "sign_out",
            EventKind::OrderPlaced => "order_placed",
            EventKind::BookingCreated => "booking_created",
            EventKind::EmailChanged => "email_changed",
            EventKind::PhoneChanged => "phone_changed",
            EventKind::AddressChanged => "address_changed",
            EventKind::PasswordChanged => "password_changed",
            EventKind::PaymentMethodAdded => "payment_method_added",
            EventKind::StateChanged => "state_changed",
            EventKind::DocumentReceived => "document_received",
        }
    }

    /// The inverse of [`EventKind::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == text)
    }

    /// Whether a site may post this kind (`state_changed` and `document_received` are the
    /// service's own).
    pub fn site_may_post(self) -> bool {
        !matches!(self, EventKind::StateChanged | EventKind::DocumentReceived)
    }

    /// The detail fields this kind requires (all strings).
    pub fn required_details(self) -> &'static [&'static str] {
        match self {
            EventKind::OrderPlaced => &["reference", "amount", "currency"],
            EventKind::BookingCreated => &["reference", "what", "when"],
            EventKind::PaymentMethodAdded => &["brand", "last4", "billing_country"],
            _ => &[],
        }
    }
}

/// How a sign-in attempt ended (`null` for other kinds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The code was accepted (or the site reports a successful sign-in).
    Success,
    /// The code was wrong.
    InvalidCode,
    /// The code was right but its time step was already used.
    CodeAlreadyUsed,
    /// The account is locked.
    AccountLocked,
    /// Too many failed codes in a row; the attempt was not checked.
    TooManyAttempts,
}

impl Outcome {
    /// The wire name, e.g. `invalid_code`.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::InvalidCode => "invalid_code",
            Outcome::CodeAlreadyUsed => "code_already_used",
            Outcome::AccountLocked => "account_locked",
            Outcome::TooManyAttempts => "too_many_attempts",
        }
    }

    /// The inverse of [`Outcome::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        [
            Outcome::Success,
            Outcome::InvalidCode,
            Outcome::CodeAlreadyUsed,
            Outcome::AccountLocked,
            Outcome::TooManyAttempts,
        ]
        .into_iter()
        .find(|outcome| outcome.as_str() == text)
    }
}

/// The customer's answer to "was this you?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// "This was me."
    Mine,
    /// "This wasn't me."
    NotMine,
}

impl Verdict {
    /// `mine` or `not_mine`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Mine => "mine",
            Verdict::NotMine => "not_mine",
        }
    }

    /// The inverse of [`Verdict::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "mine" => Some(Verdict::Mine),
            "not_mine" => Some(Verdict::NotMine),
            _ => None,
        }
    }
}

/// How worrying an event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskLevel {
    /// Nothing unusual.
    Low,
    /// Unusual but no rule fired (e.g. a sign-in from a new country long after the last one).
    Medium,
    /// A rule fired: the event is flagged.
    High,
}

/// The risk the service sees in a recorded event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Risk {
    /// Low, medium or high.
    pub level: RiskLevel,
    /// Machine-readable reasons, e.g. `new_country_too_soon`.
    pub reasons: Vec<Reason>,
}

/// Browser and operating system read from a user agent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Device {
    /// e.g. `Firefox 133`; `null` when unknown.
    pub browser: Option<String>,
    /// e.g. `Windows 10`, `macOS`, `Android 14`; `null` when unknown.
    pub os: Option<String>,
}

/// One event in a feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The event's id.
    pub id: String,
    /// What happened.
    pub kind: EventKind,
    /// When it happened (as the site said, or when the service saw it).
    #[serde(with = "time::serde::rfc3339")]
    pub occurred_at: OffsetDateTime,
    /// The client's IP address, when known.
    pub ip: Option<String>,
    /// ISO 3166-1 alpha-2 country of the IP, when known.
    pub country: Option<String>,
    /// The IP's city in English (e.g. `Amsterdam`), when the service has a city database that
    /// knows the address; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The client's user agent, when known.
    pub user_agent: Option<String>,
    /// Browser and OS read from the user agent.
    pub device: Device,
    /// How a sign-in ended; `null` for other kinds.
    pub outcome: Option<Outcome>,
    /// Kind-specific details (orders show a masked reference).
    pub details: Value,
    /// Whether a rule flagged this event.
    pub flagged: bool,
    /// Why it was flagged (or why the risk is not low).
    pub reasons: Vec<Reason>,
    /// The customer's answer, if any.
    pub verdict: Option<Verdict>,
    /// How many attempts this event stands for, when more than one: repeated failed sign-ins
    /// (same outcome, same IP, within an hour) are recorded as one event with a count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
}

impl Event {
    /// Whether the event waits for the customer's answer: flagged and not yet answered.
    pub fn awaits_answer(&self) -> bool {
        self.flagged && self.verdict.is_none()
    }
}

/// `GET /v1/feed/{account_id}`: one page, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedPage {
    /// The account's state.
    pub account_state: AccountState,
    /// Why it is in that state (`null` when active and never locked).
    pub state_reason: Option<String>,
    /// The service's clock, for the app's drift check.
    #[serde(with = "time::serde::rfc3339")]
    pub server_time: OffsetDateTime,
    /// The events of this page.
    pub events: Vec<Event>,
    /// Pass as `after=` for the next (older) page; `null` on the last page.
    pub next: Option<String>,
}

/// The years a date from a feed may fall in. RFC 3339 allows 0000 to 9999 with offsets up to a
/// day, so a date at either end cannot be moved to every time zone: such dates are refused (the
/// last year is 9998 so that any offset stays representable).
pub const FEED_YEARS: std::ops::RangeInclusive<i32> = 1970..=9998;

/// Whether `at`, in UTC, falls in [`FEED_YEARS`] (so it can be shown in any time zone).
pub fn date_in_range(at: OffsetDateTime) -> bool {
    at.checked_to_offset(time::UtcOffset::UTC)
        .is_some_and(|utc| FEED_YEARS.contains(&utc.year()))
}

impl FeedPage {
    /// The first date of the page outside [`FEED_YEARS`] (the server's time or an event's), if
    /// any: a client refuses such a page rather than keep it.
    pub fn date_out_of_range(&self) -> Option<OffsetDateTime> {
        std::iter::once(self.server_time)
            .chain(self.events.iter().map(|event| event.occurred_at))
            .find(|at| !date_in_range(*at))
    }
}

/// `GET /v1/accounts/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountStatus {
    /// The service's account id.
    pub account_id: String,
    /// The account's state.
    pub state: AccountState,
    /// Why it is in that state.
    pub state_reason: Option<String>,
    /// When the account was created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// The locale the site gave for the customer's emails, if any.
    #[serde(default)]
    pub locale: Option<String>,
}

/// `POST /v1/accounts`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateAccount {
    /// The site's own id for the customer (unique).
    pub external_id: String,
    /// Where alerts and digests go.
    pub email: String,
    /// The issuer shown in authenticators (default: the service's configured issuer).
    pub issuer: Option<String>,
    /// The label shown in authenticators (default: the email).
    pub label: Option<String>,
    /// The customer's language and region for emails, a BCP 47 tag or POSIX name (`de`,
    /// `fr-CH`, `en_GB`); absent or a language the service does not speak: English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
}

/// `201` answer to `POST /v1/accounts`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountCreated {
    /// The service's account id.
    pub account_id: String,
    /// The enrolment URI, with `activity=` pointing at the account's feed.
    pub otpauth_uri: String,
}

/// `POST /v1/accounts/{id}/verify`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifyRequest {
    /// The code the customer typed.
    pub code: String,
    /// The customer's IP address as the site saw it.
    pub ip: Option<String>,
    /// The customer's user agent as the site saw it.
    pub user_agent: Option<String>,
    /// The site's session this sign-in opens (1-128 characters, no control characters): an
    /// accepted code starts it, or marks it as the session the last code came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
}

/// `200` answer to a verification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifyAccepted {
    /// Always `accepted`.
    pub result: String,
    /// The recorded sign-in.
    pub event_id: String,
}

/// `POST /v1/accounts/{id}/events`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewEvent {
    /// What happened (a kind a site may post).
    pub kind: EventKind,
    /// When (RFC 3339); default now. Late events are placed by this time.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub occurred_at: Option<OffsetDateTime>,
    /// The customer's IP address.
    pub ip: Option<String>,
    /// The customer's user agent.
    pub user_agent: Option<String>,
    /// Kind-specific details.
    pub details: Option<Value>,
    /// The site's session (1-128 characters, no control characters): a `sign_in` starts it, a
    /// `sign_out` ends it (required there), any other kind counts as activity in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
}

/// `201` answer to a posted event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecorded {
    /// The recorded event.
    pub event_id: String,
    /// The account's state after the rules ran.
    pub account_state: AccountState,
    /// What the rules saw.
    pub risk: Risk,
}

/// `POST /v1/feed/{account_id}/events/{event_id}/verdict`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictRequest {
    /// `mine` or `not_mine`.
    pub verdict: Verdict,
}

/// Answer to a verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerdictRecorded {
    /// The event answered.
    pub event_id: String,
    /// The verdict recorded.
    pub verdict: Verdict,
    /// The account's state afterwards.
    pub account_state: AccountState,
}

/// `201` answer to `POST /v1/feed/{account_id}/documents`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentReceived {
    /// The stored document.
    pub document_id: String,
    /// The account's state afterwards (a locked account moves to review).
    pub account_state: AccountState,
}

/// A document a customer sent, as a reviewer sees it listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentInfo {
    /// The document's id.
    pub id: String,
    /// `application/pdf`, `image/png` or `image/jpeg`.
    pub content_type: String,
    /// Size in bytes.
    pub size: u64,
    /// When it arrived.
    #[serde(with = "time::serde::rfc3339")]
    pub received_at: OffsetDateTime,
}

/// A locked account with its evidence (`GET /v1/review/accounts`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewAccount {
    /// The service's account id.
    pub account_id: String,
    /// The site's id for the customer.
    pub external_id: String,
    /// The customer's email.
    pub email: String,
    /// The lock.
    pub state: AccountState,
    /// Why.
    pub state_reason: Option<String>,
    /// Flagged events and every event answered `not_mine`, newest first.
    pub evidence: Vec<Event>,
    /// Documents the customer sent.
    pub documents: Vec<DocumentInfo>,
}

/// A reviewer's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Back to `active`; every flagged event counts as resolved.
    Unlock,
    /// Stay locked (pending review).
    KeepLocked,
}

/// `POST /v1/review/accounts/{id}/decision`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionRequest {
    /// Unlock or keep locked.
    pub decision: Decision,
    /// The reviewer's note (kept in the state event).
    #[serde(default)]
    pub note: String,
}

/// Answer to a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionResponse {
    /// The account.
    pub account_id: String,
    /// Its state afterwards.
    pub state: AccountState,
}

/// `POST /v1/accounts/{id}/digest` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DigestSent {
    /// Sign-ins listed.
    pub sign_ins: u64,
    /// Orders listed.
    pub orders: u64,
    /// Bookings listed.
    pub bookings: u64,
}

/// Every error answer: `{error, message}`, plus `state` (423) or `retry_after` (429).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// A stable machine-readable code, e.g. `invalid_code`.
    pub error: String,
    /// A sentence for a person.
    pub message: String,
    /// The account's state, with `account_locked`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<AccountState>,
    /// Seconds to wait, with `too_many_attempts`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
    /// The request field a bad value was in (`ip`, `details.last4`), with `invalid_request`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl ErrorBody {
    /// The `error` code, when this version knows it.
    pub fn code(&self) -> Option<ErrorCode> {
        ErrorCode::parse(&self.error)
    }
}

/// An order or booking reference as feeds and emails show it: all but the last four characters
/// replaced by `•` (references of four characters or fewer are fully masked).
pub fn mask_reference(reference: &str) -> String {
    let chars: Vec<char> = reference.chars().collect();
    if chars.len() <= 4 {
        return "•".repeat(chars.len().max(4));
    }
    let visible: String = chars[chars.len() - 4..].iter().collect();
    format!("{}{visible}", "•".repeat(chars.len() - 4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        for kind in EventKind::ALL {
            assert_eq!(EventKind::parse(kind.as_str()), Some(kind));
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                Value::String(kind.as_str().into())
            );
        }
        for state in [
            AccountState::Active,
            AccountState::LockedPendingVerification,
            AccountState::LockedPendingReview,
        ] {
            assert_eq!(AccountState::parse(state.as_str()), Some(state));
            assert_eq!(serde_json::to_value(state).unwrap(), state.as_str());
        }
        assert_eq!(
            serde_json::to_value(Outcome::CodeAlreadyUsed).unwrap(),
            "code_already_used"
        );
        assert_eq!(
            Outcome::parse("too_many_attempts"),
            Some(Outcome::TooManyAttempts)
        );
        assert_eq!(Verdict::parse("not_mine"), Some(Verdict::NotMine));
    }

    #[test]
    fn new_event_parses_late_events_and_refuses_unknown_fields() {
        let event: NewEvent = serde_json::from_str(
            r#"{"kind":"order_placed","occurred_at":"2026-11-20T10:00:00+01:00",
                "details":{"reference":"A-1001","amount":"49.90","currency":"EUR"}}"#,
        )
        .unwrap();
        assert_eq!(event.kind, EventKind::OrderPlaced);
        assert_eq!(event.occurred_at.unwrap().unix_timestamp(), 1_795_165_200);
        assert!(serde_json::from_str::<NewEvent>(r#"{"kind":"sign_in","extra":1}"#).is_err());
        assert!(serde_json::from_str::<NewEvent>(r#"{"kind":"teleported"}"#).is_err());
    }

    #[test]
    fn only_flagged_unanswered_events_await_an_answer() {
        let mut event: Event = serde_json::from_value(serde_json::json!({
            "id": "e1", "kind": "sign_in", "occurred_at": "2026-11-25T07:10:00Z", "ip": null,
            "country": "NL", "user_agent": null, "device": {"browser": null, "os": null},
            "outcome": "success", "details": {}, "flagged": true,
            "reasons": ["new_country_too_soon", "a_rule_from_a_newer_service"], "verdict": null
        }))
        .unwrap();
        assert_eq!(
            event.reasons,
            [
                Reason::NewCountryTooSoon,
                Reason::Other("a_rule_from_a_newer_service".into())
            ]
        );
        assert!(event.awaits_answer());
        event.verdict = Some(Verdict::Mine);
        assert!(!event.awaits_answer());
        event.verdict = None;
        event.flagged = false;
        assert!(!event.awaits_answer());
    }

    #[test]
    fn the_city_is_optional_and_left_out_when_unknown() {
        let mut event: Event = serde_json::from_value(serde_json::json!({
            "id": "e1", "kind": "sign_in", "occurred_at": "2026-11-25T07:10:00Z", "ip": null,
            "country": "NL", "user_agent": null, "device": {"browser": null, "os": null},
            "outcome": "success", "details": {}, "flagged": false, "reasons": [], "verdict": null
        }))
        .unwrap();
        assert_eq!(event.city, None);
        assert!(serde_json::to_value(&event).unwrap().get("city").is_none());
        event.city = Some("Amsterdam".into());
        let wire = serde_json::to_value(&event).unwrap();
        assert_eq!(wire["city"], "Amsterdam");
        let back: Event = serde_json::from_value(wire).unwrap();
        assert_eq!(back.city.as_deref(), Some("Amsterdam"));
    }

    #[test]
    fn error_body_omits_empty_fields() {
        let body = ErrorBody {
            error: "invalid_code".into(),
            message: "The code is not valid.".into(),
            state: None,
            retry_after: None,
            field: None,
        };
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"error":"invalid_code","message":"The code is not valid."}"#
        );
        assert_eq!(body.code(), Some(ErrorCode::InvalidCode));
    }

    #[test]
    fn references_are_masked_but_for_the_last_four() {
        assert_eq!(mask_reference("ORD-2026-1001"), "•••••••••1001");
        assert_eq!(mask_reference("1234"), "••••");
        assert_eq!(mask_reference("AB"), "••••");
    }

    #[test]
    fn dates_at_the_ends_of_the_range_are_found() {
        let page: FeedPage = serde_json::from_value(serde_json::json!({
            "account_state": "active", "state_reason": null,
            "server_time": "2026-11-25T08:00:00Z", "next": null,
            "events": [{
                "id": "e1", "kind": "sign_in", "occurred_at": "9999-12-31T23:59:59-23:59",
                "ip": null, "country": null, "user_agent": null,
                "device": {"browser": null, "os": null},
                "outcome": "success", "details": {}, "flagged": false, "reasons": [],
                "verdict": null
            }],
        }))
        .unwrap();
        let bad = page.date_out_of_range().unwrap();
        assert_eq!(bad.year(), 9999);
        assert!(date_in_range(page.server_time));
        let early = time::macros::datetime!(0000-01-01 00:00 +23:59);
        assert!(!date_in_range(early));
        assert!(date_in_range(time::macros::datetime!(9998-12-31 23:59 UTC)));
    }
}
