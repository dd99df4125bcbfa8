//! The customer's side of Vigil's activity protocol (docs/protocol.md), for the app and the CLI.
//!
//! The main types:
//! - [`FeedLink`]: an account's feed URL (the `activity=` parameter of its otpauth URI), checked:
//!   `https://`, or `http://` only to a loopback address; the path names the account.
//! - [`ActivityClient`]: reads a feed page, answers "mine"/"not mine", sends a document, lists
//!   the account's sessions, signs one out and secures the account, each request signed with the key derived from the account's secret (`vigil_core::activity`).
//!   Every request has timeouts, every answer a size limit and strict JSON parsing.
//! - [`clock`]: how far this computer's clock is from a service's, from each answer, and
//!   [`clock::ClockReadings`], the linked services' readings and what they agree on.
//! - [`sync`]: what one read means: [`sync::absorb`] merges it into the cache, says whether it
//!   changed, and finds the news (new flagged events, a new lock).
//! - [`history`]: the cached feed grown incrementally (the newest page on each read, older pages
//!   with `after=` on demand).
//! - [`AppLink`]: a `vigil://activity?…` link from an alert email, naming an event to open
//!   (defined in `vigil_core::activity`, re-exported here).
//! - [`words`]: events and states in plain words, the same in the CLI, the app and the service's
//!   emails (the `vigil-activity-words` crate, re-exported here).
//! - [`ActivityError`]: what went wrong, worded for the person: unreachable, slow, refused (with
//!   the service's own message), garbage, too large.
//!
//! The secret is used only to derive the signing key for one request and is never sent.

mod client;
pub mod clock;
mod error;
pub mod history;
mod link;
pub mod sync;

pub use client::{ActivityClient, FeedFetch, MAX_RESPONSE_BYTES};
pub use error::ActivityError;
pub use link::{FeedLink, LinkError};
pub use vigil_activity_words as words;
pub use vigil_core::activity::{AppLink, AppLinkError, MAX_DOCUMENT_BYTES};
