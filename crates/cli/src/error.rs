//! The command's errors and the exit status each one gives.

use vigil_vault::VaultError;

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
            VaultError::Duplicate { .. } | VaultError::NotFound(_) | VaultError::BadOrder => {
                CliError::Input(error.to_string())
            }
            other => CliError::Failure(other.to_string()),
        }
    }
}

impl From<vigil_core::UriError> for CliError {
    fn from(error: vigil_core::UriError) -> Self {
        CliError::Input(format!("invalid otpauth URI: {error}"))
    }
}

impl From<std::io::Error> for CliError {
    fn from(error: std::io::Error) -> Self {
        CliError::Failure(error.to_string())
    }
}
