//! The one error that crosses IPC: `{code, message}`, a stable code for the page's logic and a
//! sentence for the person.

use serde::Serialize;
use vigil_vault::VaultError;

/// An error as the page receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    /// Stable identifier: `keychain_unavailable`, `keychain_locked`, `database`, `duplicate`,
    /// `not_found`, `invalid_uri`, `clipboard`, `render`, `vault_unavailable`, `not_hotp`.
    pub code: &'static str,
    /// What happened and what to do, in plain words.
    pub message: String,
}

impl AppError {
    /// An error with `code` and `message`.
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

impl From<&VaultError> for AppError {
    fn from(error: &VaultError) -> Self {
        let code = match error {
            VaultError::KeychainUnavailable(_) => "keychain_unavailable",
            VaultError::KeychainLocked => "keychain_locked",
            VaultError::CorruptSecret { .. } | VaultError::MissingSecret { .. } => "missing_secret",
            VaultError::DataDir { .. } | VaultError::Database { .. } => "database",
            VaultError::Duplicate { .. } => "duplicate",
            VaultError::NotFound(_) | VaultError::BadOrder => "not_found",
        };
        Self::new(code, error.to_string())
    }
}

impl From<VaultError> for AppError {
    fn from(error: VaultError) -> Self {
        Self::from(&error)
    }
}

impl From<vigil_core::UriError> for AppError {
    fn from(error: vigil_core::UriError) -> Self {
        Self::new(
            "invalid_uri",
            format!("This is not a valid otpauth URI: {error}"),
        )
    }
}

impl From<askama::Error> for AppError {
    fn from(error: askama::Error) -> Self {
        Self::new("render", format!("The page could not be drawn: {error}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape_is_pinned() {
        let error = AppError::from(VaultError::KeychainUnavailable("no D-Bus".into()));
        assert_eq!(
            serde_json::to_string(&error).unwrap(),
            r#"{"code":"keychain_unavailable","message":"The system keychain is not available: no D-Bus; start a Secret Service such as gnome-keyring"}"#
        );
        let error = AppError::from(vigil_core::OtpUri::parse("otpauth://totp/x").unwrap_err());
        assert_eq!(
            serde_json::to_string(&error).unwrap(),
            r#"{"code":"invalid_uri","message":"This is not a valid otpauth URI: missing secret"}"#
        );
        let error = AppError::from(VaultError::Duplicate {
            name: "Shop (alice)".into(),
        });
        assert_eq!(
            serde_json::to_string(&error).unwrap(),
            r#"{"code":"duplicate","message":"Shop (alice) is already in Vigil with the same secret"}"#
        );
    }
}
