//! The vault's errors, worded for the person who has to act on them.

use std::path::PathBuf;

use crate::KeychainError;

/// What went wrong in the vault. Nothing stored before the failed call is lost.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    /// No keychain could be reached, or it refused the request.
    #[error(
        "The system keychain is not available: {0}; start a Secret Service such as gnome-keyring"
    )]
    KeychainUnavailable(String),
    /// The keychain is there but locked, and unlocking needs the person at the desktop.
    #[error(
        "The system keychain is locked; unlock it (log in to your desktop session) and try again"
    )]
    KeychainLocked,
    /// The keychain has no default collection (no login keyring) and did not make one.
    #[error(
        "The system keychain has no default collection to keep secrets in (this desktop has no login keyring); let Vigil ask the keychain to create one, and answer its prompt"
    )]
    KeychainNoCollection,
    /// A keychain item holds something that is not a base32 secret.
    #[error("The keychain item of {name} does not hold a valid secret")]
    CorruptSecret {
        /// The account.
        name: String,
    },
    /// The account's secret is not in the keychain (an orphan).
    #[error("The secret of {name} is missing from the system keychain")]
    MissingSecret {
        /// The account.
        name: String,
    },
    /// The data directory cannot be created or used.
    #[error("The data directory {} cannot be used: {detail}", path.display())]
    DataDir {
        /// The directory.
        path: PathBuf,
        /// What the system said.
        detail: String,
    },
    /// The database cannot be opened, migrated or written.
    #[error(
        "The account list at {} cannot be used: {detail}. Your secrets are still in the system keychain.",
        path.display()
    )]
    Database {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        detail: String,
    },
    /// The same issuer, label and secret are already stored.
    #[error("{name} is already in Vigil with the same secret")]
    Duplicate {
        /// The existing account.
        name: String,
    },
    /// No account has this id (it was removed, perhaps by another process).
    #[error("No account with id {0}")]
    NotFound(String),
    /// Reordering was given a list that is not a permutation of the accounts.
    #[error("The new order must list every account exactly once")]
    BadOrder,
    /// Automatic backups cannot be set up as asked (a bad folder or count, a short password).
    #[error("Automatic backups: {0}")]
    BackupSettings(String),
    /// The app lock's password cannot be used (too short).
    #[error("App lock: {0}")]
    AppLock(String),
    /// An automatic backup could not be written.
    #[error("The backup could not be written to {}: {detail}", folder.display())]
    Backup {
        /// The backup folder.
        folder: PathBuf,
        /// What went wrong.
        detail: String,
    },
}

impl From<KeychainError> for VaultError {
    fn from(error: KeychainError) -> Self {
        match error {
            KeychainError::Unavailable(detail) => VaultError::KeychainUnavailable(detail),
            KeychainError::Locked => VaultError::KeychainLocked,
            KeychainError::NoCollection => VaultError::KeychainNoCollection,
        }
    }
}
