//! Vigil's core: everything about one-time codes that needs no I/O.
//!
//! The main types:
//! - [`Secret`]: a shared OTP key; its `Debug`/`Display` are redacted and it is zeroed on drop
//!   (built on the general [`Sensitive`] wrapper).
//! - [`OtpParams`]: how codes are made (TOTP, HOTP or Steam; algorithm, digits, period, counter),
//!   and [`Code`], one code ready to show.
//! - [`OtpUri`]: an account as carried by an `otpauth://` URI (Key Uri Format), parsed leniently
//!   and emitted canonically; [`UriError`] names what is wrong with a bad one.
//! - [`ManualEntry`]: the fields of an "enter the key" form, checked field by field.
//! - [`activity`]: the activity feed protocol: request signing with a key derived from the
//!   account's secret ([`activity::ActivityKey`]), the HTTP API's JSON bodies and its words (rule
//!   reasons, error codes, accepted documents, the `vigil://` link of alert emails).
//! - [`migration`]: Google Authenticator's `otpauth-migration://` export payloads, both ways.
//!
//! Invariant: this crate does no I/O. It takes bytes and strings from its caller and returns values;
//! storage, keychains, networks and screens belong to the crates above it.

pub mod activity;
mod base32;
mod manual;
pub mod migration;
mod otp;
pub mod qr;
mod secret;
mod uri;

pub use activity::MAX_DOCUMENT_BYTES;
pub use base32::SecretError;
pub use manual::{FieldError, ManualEntry};
pub use otp::{Algorithm, Code, OtpKind, OtpParams, STEAM_ALPHABET};
pub use secret::{Secret, Sensitive};
pub use uri::{OtpUri, UriError, display_name};
