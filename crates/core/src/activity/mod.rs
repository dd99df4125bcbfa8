//! The activity protocol between a service's feed, the app and the CLI (no I/O).
//!
//! - [`signing`]: the key an authenticator derives from an account's TOTP secret
//!   ([`ActivityKey`]), and the request signatures made and checked with it.
//! - [`types`]: the JSON bodies of the activity service's HTTP API (docs/protocol.md).
//!
//! The service (`crates/server`) and the clients (the app, the CLI) both use this module, so the
//! two sides of the protocol cannot drift apart.

pub mod signing;
pub mod types;

pub use signing::{
    ActivityKey, HEADER_NONCE, HEADER_SIGNATURE, HEADER_TIMESTAMP, MAX_CLOCK_SKEW_SECONDS,
    NONCE_WINDOW_SECONDS, SignedHeaders, SigningError, nonce_from_bytes, sign_request,
    string_to_sign, verify_request,
};
pub use types::{
    AccountCreated, AccountState, AccountStatus, CreateAccount, Decision, DecisionRequest,
    DecisionResponse, Device, DigestSent, DocumentInfo, DocumentReceived, ErrorBody, Event,
    EventKind, EventRecorded, FeedPage, NewEvent, Outcome, ReviewAccount, Risk, RiskLevel, Verdict,
    VerdictRecorded, VerdictRequest, VerifyAccepted, VerifyRequest, mask_reference,
};
