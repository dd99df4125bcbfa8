//! The command's errors and the exit status each one gives. The text is already in the person's
//! language ([`crate::words`]); errors of the crates below keep their English detail inside a
//! translated sentence.

use vigil_vault::VaultError;

use crate::words::text_with;

/// What went wrong, and so which exit status to give.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The input was wrong (a bad URI, an unknown account, a refused duplicate): exit 2.
    #[error("{0}")]
    Input(String),
    /// Something else failed (the keychain, the disk): exit 1.
    #[error("{0}")]
    Failure(String),
}

impl CliError {
    /// 2 for bad input, 1 for other failures.
    pub fn exit_status(&self) -> u8 {
        match self {
            CliError::Input(_) => 2,
            CliError::Failure(_) => 1,
        }
    }
}

impl From<VaultError> for CliError {
    fn from(error: VaultError) -> Self {
        match error {
            VaultError::Duplicate { name } => {
                CliError::Input(text_with("cli-error-duplicate", &[("name", name.into())]))
            }
            VaultError::NotFound(id) => {
                CliError::Input(text_with("cli-error-no-such-id", &[("id", id.into())]))
            }
            VaultError::BadOrder => refused(&error),
            other => CliError::Failure(text_with(
                "cli-error-vault",
                &[("detail", other.to_string().into())],
            )),
        }
    }
}

impl From<vigil_core::UriError> for CliError {
    fn from(error: vigil_core::UriError) -> Self {
        CliError::Input(text_with(
            "cli-error-invalid-uri",
            &[("detail", error.to_string().into())],
        ))
    }
}

impl From<std::io::Error> for CliError {
    fn from(error: std::io::Error) -> Self {
        CliError::Failure(text_with(
            "cli-error-io",
            &[("detail", error.to_string().into())],
        ))
    }
}

/// Any other error of a crate below, as a failure (exit 1), its English detail in a sentence.
pub fn failure(detail: impl std::fmt::Display) -> CliError {
    CliError::Failure(text_with(
        "cli-error-failed",
        &[("detail", detail.to_string().into())],
    ))
}

/// Any other error of a crate below, as bad input (exit 2), its English detail in a sentence.
pub fn refused(detail: impl std::fmt::Display) -> CliError {
    CliError::Input(text_with(
        "cli-error-refused",
        &[("detail", detail.to_string().into())],
    ))
}
