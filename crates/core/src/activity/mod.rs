//! The activity protocol between a service's feed, the app and the CLI (no I/O).
//!
//! - [`signing`]: the key an authenticator derives from an account's TOTP secret
//!   ([`ActivityKey`]), and the request signatures made and checked with it.
//! - [`types`]: the JSON bodies of the activity service's HTTP API (docs/protocol.md).
//! - [`reason`]: the rule ids events are flagged with ([`Reason`]).
//! - [`error_code`]: the `error` codes of error answers ([`ErrorCode`]).
//! - [`document`]: the documents a customer may send ([`DocumentType`],
//!   [`MAX_DOCUMENT_BYTES`]).
//! - [`validate`]: the bounds on every field of every request body ([`FieldError`]).
//! - [`session`]: the site's sessions, as the site and the customer see and end them.
//! - [`webhook`]: what the service tells the site at once, and the webhook signature.
//! - [`app_link`]: the `vigil://activity?…` link of alert emails ([`AppLink`]), built by the
//!   service and parsed by the app.
//!
//! The service (`crates/server`) and the clients (the app, the CLI) both use this module, so the
//! two sides of the protocol cannot drift apart.

pub mod app_link;
pub mod document;
pub mod error_code;
pub mod reason;
pub mod session;
pub mod signing;
pub mod types;
pub mod validate;
pub mod webhook;

pub use app_link::{AppLink, AppLinkError};
pub use document::{DocumentType, MAX_DOCUMENT_BYTES};
pub use error_code::ErrorCode;
pub use reason::Reason;
pub use session::{
    AccountSecured, AccountSessions, Session, SessionEnded, SessionList, SessionState,
};

pub use signing::{
    ActivityKey, HEADER_NONCE, HEADER_SIGNATURE, HEADER_TIMESTAMP, HEADER_VERSION,
    MAX_CLOCK_SKEW_SECONDS, NONCE_WINDOW_SECONDS, RequestTarget, SIGNATURE_VERSION, SignedHeaders,
    SigningError, check_headers, nonce_from_bytes, origin_of, sign_request, string_to_sign,
    verify_request,
};
pub use types::{
    AccountCreated, AccountState, AccountStatus, CreateAccount, Decision, DecisionRequest,
    DecisionResponse, Device, DigestSent, DocumentInfo, DocumentReceived, ErrorBody, Event,
    EventKind, EventRecorded, FEED_YEARS, FeedPage, NewEvent, Outcome, ReviewAccount, Risk,
    RiskLevel, Verdict, VerdictRecorded, VerdictRequest, VerifyAccepted, VerifyRequest,
    date_in_range, mask_reference,
};
pub use validate::{CheckedEvent, FieldError};
pub use webhook::{
    HEADER_WEBHOOK_ID, HEADER_WEBHOOK_SIGNATURE, WebhookEvent, WebhookEventPage, WebhookType,
    verify_webhook, webhook_signature,
};
