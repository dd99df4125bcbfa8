//! Writing accounts for other apps and for Vigil's own backups.
//!
//! [`aegis::write_encrypted`] writes an encrypted Aegis vault, which is also Vigil's encrypted
//! backup format (it imports back through [`crate::import::Aegis`]). Plain `otpauth://` lines
//! need no writer here: [`crate::OtpUri::to_uri_string`] gives one per account. Randomness comes
//! from the caller (pass `rand_core::OsRng`): this crate does no I/O.

pub mod aegis;

/// Why an export could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// The scrypt parameters are out of scrypt's range (N must be a power of two above 1).
    #[error("the scrypt parameters are out of range")]
    KdfParams,
    /// The cipher refused the input (only for inputs of many gigabytes).
    #[error("encryption failed")]
    Encryption,
}
