//! What can go wrong reading another authenticator's backup, each case named for the person importing.

/// Why a backup file could not be imported (problems with single entries are
/// [`EntryProblem`](super::EntryProblem)s instead, and the rest of the file still imports).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The file is larger than [`MAX_IMPORT_BYTES`](super::MAX_IMPORT_BYTES); checked before anything else.
    #[error("the file is {size} bytes; Vigil imports files of at most {max} bytes")]
    TooLarge {
        /// The file's size.
        size: usize,
        /// The limit.
        max: usize,
    },
    /// No importer recognises the content.
    #[error(
        "the file is not a backup Vigil can import (Aegis, 2FAS, andOTP, Bitwarden, Ente Auth, FreeOTP+, Stratum, Proton Authenticator, or otpauth:// lines)"
    )]
    UnknownFormat,
    /// The caller named a format (`--format`) and the content is not in it.
    #[error("the file is not a {format} backup")]
    FormatMismatch {
        /// The format asked for.
        format: &'static str,
    },
    /// The file is encrypted and no password was given.
    #[error("the file is encrypted; give its password")]
    PasswordRequired,
    /// The password does not decrypt the file (for formats whose only check is the cipher's
    /// authentication tag, a damaged file looks the same).
    #[error("wrong password, or not an intact {format} file")]
    WrongPassword {
        /// The format.
        format: &'static str,
    },
    /// The file is damaged, truncated or not what its format says; `what` says where.
    #[error("the {format} file is damaged: {what}")]
    Corrupt {
        /// The format.
        format: &'static str,
        /// What is wrong, e.g. "the vault's header has no password slot".
        what: String,
    },
    /// The file is a version of the format this importer does not know.
    #[error("{format} file version {version} is not supported")]
    UnsupportedVersion {
        /// The format.
        format: &'static str,
        /// The version the file names.
        version: String,
    },
    /// The file is encrypted in a way Vigil cannot decrypt; `advice` says what to export instead.
    #[error("{format} files are not supported: {advice}")]
    UnsupportedEncryption {
        /// The format.
        format: &'static str,
        /// What to do instead.
        advice: &'static str,
    },
}

impl ImportError {
    /// A [`ImportError::Corrupt`] for `format`.
    pub(crate) fn corrupt(format: &'static str, what: impl Into<String>) -> Self {
        Self::Corrupt {
            format,
            what: what.into(),
        }
    }
}
