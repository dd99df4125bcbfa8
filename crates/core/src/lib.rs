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
//! - [`import`]: other authenticators' backups (Aegis, 2FAS, andOTP, Bitwarden, Ente Auth,
//!   FreeOTP+, Stratum, Proton, `otpauth://` lines): [`import::detect`] and [`import::import`] give
//!   [`import::Imported`] (accounts with their groups, and an [`import::EntryProblem`] per entry
//!   that cannot be used); [`import::ImportError`] names what stops a whole file.
//! - [`export`]: [`export::aegis::write_encrypted`], an encrypted Aegis vault, which is also Vigil's
//!   encrypted backup.
//!
//! - [`hash_lock_password`] and [`lock_password_matches`]: the optional app lock's Argon2id
//!   password hash (a PHC string).
//!
//! Invariant: this crate does no I/O. It takes bytes and strings from its caller and returns values;
//! storage, keychains, networks and screens belong to the crates above it.

pub mod activity;
mod base32;
pub mod export;
pub mod import;
mod lock_password;
mod manual;
pub mod migration;
mod otp;
pub mod qr;
mod secret;
mod uri;

pub use activity::MAX_DOCUMENT_BYTES;
pub use base32::SecretError;
pub use lock_password::{
    LockPasswordError, MIN_LOCK_PASSWORD_CHARS, hash_lock_password, lock_password_matches,
};
pub use manual::{FieldError, ManualEntry};
pub use otp::{Algorithm, Code, OtpKind, OtpParams, STEAM_ALPHABET};
pub use secret::{Secret, Sensitive};
pub use uri::{OtpUri, UriError, display_name};
