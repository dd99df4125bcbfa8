//! Importing other authenticators' backups: Aegis, 2FAS, andOTP, Bitwarden, Ente Auth, FreeOTP+,
//! Stratum (Authenticator Pro), Proton Authenticator and plain `otpauth://` lines.
//!
//! Each format has one file and one [`Importer`]; [`Format`] names them all (the names are the
//! CLI's `--format` values), [`detect`] picks one from the content and [`import`] reads a file.
//! Ask [`needs_password`] before prompting for a password. The result, [`Imported`], holds the
//! accounts that import and an [`EntryProblem`] for each entry that cannot (an mOTP account, a bad
//! secret): one bad entry never stops the rest. Nothing here does I/O.

mod aegis;
mod andotp;
mod bitwarden;
mod bitwarden_csv;
pub(crate) mod crypto;
mod ente;
mod error;
pub(crate) mod fields;
mod freeotp;
mod proton;
mod stratum;
mod twofas;
mod uris;

pub use aegis::Aegis;
pub use andotp::AndOtp;
pub use bitwarden::BitwardenJson;
pub use bitwarden_csv::BitwardenCsv;
pub use ente::{Ente, EnteEncrypted};
pub use error::ImportError;
pub use freeotp::FreeOtpPlus;
pub use proton::Proton;
pub use stratum::Stratum;
pub use twofas::TwoFas;
pub use uris::UriLines;

use crate::{OtpUri, Sensitive};

/// The largest file any importer reads: 16 MiB, checked before anything else. Real backups of a
/// thousand accounts with icons stay well under it.
pub const MAX_IMPORT_BYTES: usize = 16 * 1024 * 1024;

/// One account read from a backup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedAccount {
    /// The account (its secret redacted from `Debug`).
    pub uri: OtpUri,
    /// The groups (folders, tags, categories) the backup put it in, by name, in the backup's order.
    pub groups: Vec<String>,
}

/// An entry the backup holds that Vigil cannot use; the other entries still import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryProblem {
    /// How the backup names the entry (`Issuer (label)`, or `line 7` for text files); never the secret.
    pub name: String,
    /// Why it was left out, e.g. "uses mOTP, which Vigil cannot compute".
    pub reason: String,
}

/// What a backup held.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Imported {
    /// The accounts that import, in the backup's order.
    pub accounts: Vec<ImportedAccount>,
    /// The entries left out, with the reason.
    pub problems: Vec<EntryProblem>,
}

impl Imported {
    /// Adds an entry: an account when it converted, a problem naming `name` when not.
    pub(crate) fn push(
        &mut self,
        name: String,
        groups: Vec<String>,
        entry: Result<OtpUri, String>,
    ) {
        match entry {
            Ok(uri) => self.accounts.push(ImportedAccount { uri, groups }),
            Err(reason) => self.problems.push(EntryProblem { name, reason }),
        }
    }

    pub(crate) fn problem(&mut self, name: String, reason: impl Into<String>) {
        self.problems.push(EntryProblem {
            name,
            reason: reason.into(),
        });
    }
}

/// One backup format's reader (GNOME Authenticator's `Restorable` is the model).
pub trait Importer {
    /// The format's name, as `--format` takes it.
    const NAME: &'static str;

    /// Whether `bytes` are, strictly, this format: the key fields are present. A file this
    /// returns `false` for is never read as this format unless the caller forces it.
    fn detect(bytes: &[u8]) -> bool;

    /// Whether `bytes` (in this format) are encrypted, so a password must be asked for.
    fn needs_password(bytes: &[u8]) -> bool;

    /// Reads the accounts. `password` is used only when the file is encrypted; an encrypted file
    /// without one gives [`ImportError::PasswordRequired`]. Called with a file of another format
    /// it gives [`ImportError::FormatMismatch`], never accounts.
    fn import(bytes: &[u8], password: Option<&Sensitive<String>>) -> Result<Imported, ImportError>;
}

/// Every format Vigil imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Aegis vault, plain or encrypted; also Vigil's own encrypted backup (`vigil`).
    Aegis,
    /// 2FAS `.2fas`, plain or encrypted.
    TwoFas,
    /// andOTP JSON, plain or encrypted (`.json.aes`).
    AndOtp,
    /// Bitwarden unencrypted JSON export.
    BitwardenJson,
    /// Bitwarden CSV export.
    BitwardenCsv,
    /// Ente Auth plain-text export.
    Ente,
    /// Ente Auth encrypted export: recognised, not decrypted (see [`EnteEncrypted`]).
    EnteEncrypted,
    /// FreeOTP+ JSON.
    FreeOtpPlus,
    /// Stratum / Authenticator Pro, plain JSON or encrypted `.authpro`.
    Stratum,
    /// Proton Authenticator JSON.
    Proton,
    /// Text with one `otpauth://` or `otpauth-migration://` URI per line.
    Uris,
}

impl Format {
    /// Every format, in the order [`detect`] tries them.
    pub const ALL: [Format; 11] = [
        Format::Aegis,
        Format::TwoFas,
        Format::Stratum,
        Format::BitwardenJson,
        Format::Proton,
        Format::FreeOtpPlus,
        Format::EnteEncrypted,
        Format::AndOtp,
        Format::Ente,
        Format::BitwardenCsv,
        Format::Uris,
    ];

    /// The name `--format` takes: `aegis`, `2fas`, `andotp`, `bitwarden-json`, `bitwarden-csv`,
    /// `ente`, `ente-encrypted`, `freeotp-plus`, `stratum`, `proton`, `uris`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Aegis => Aegis::NAME,
            Format::TwoFas => TwoFas::NAME,
            Format::AndOtp => AndOtp::NAME,
            Format::BitwardenJson => BitwardenJson::NAME,
            Format::BitwardenCsv => BitwardenCsv::NAME,
            Format::Ente => Ente::NAME,
            Format::EnteEncrypted => EnteEncrypted::NAME,
            Format::FreeOtpPlus => FreeOtpPlus::NAME,
            Format::Stratum => Stratum::NAME,
            Format::Proton => Proton::NAME,
            Format::Uris => UriLines::NAME,
        }
    }

    /// The inverse of [`Format::name`], ignoring case; also takes the aliases `vigil` (Vigil's
    /// encrypted backup is an Aegis vault), `authenticator-pro`, `freeotp+` and `otpauth`.
    pub fn from_name(name: &str) -> Option<Format> {
        let name = name.trim().to_ascii_lowercase();
        let alias = match name.as_str() {
            "vigil" => Some(Format::Aegis),
            "authenticator-pro" | "authpro" => Some(Format::Stratum),
            "freeotp+" | "freeotpplus" => Some(Format::FreeOtpPlus),
            "otpauth" => Some(Format::Uris),
            _ => None,
        };
        alias.or_else(|| Format::ALL.into_iter().find(|f| f.name() == name))
    }

    fn detect(self, bytes: &[u8]) -> bool {
        match self {
            Format::Aegis => Aegis::detect(bytes),
            Format::TwoFas => TwoFas::detect(bytes),
            Format::AndOtp => AndOtp::detect(bytes),
            Format::BitwardenJson => BitwardenJson::detect(bytes),
            Format::BitwardenCsv => BitwardenCsv::detect(bytes),
            Format::Ente => Ente::detect(bytes),
            Format::EnteEncrypted => EnteEncrypted::detect(bytes),
            Format::FreeOtpPlus => FreeOtpPlus::detect(bytes),
            Format::Stratum => Stratum::detect(bytes),
            Format::Proton => Proton::detect(bytes),
            Format::Uris => UriLines::detect(bytes),
        }
    }

    /// Whether `bytes`, read as this format, are encrypted.
    pub fn needs_password(self, bytes: &[u8]) -> bool {
        match self {
            Format::Aegis => Aegis::needs_password(bytes),
            Format::TwoFas => TwoFas::needs_password(bytes),
            Format::AndOtp => AndOtp::needs_password(bytes),
            Format::BitwardenJson => BitwardenJson::needs_password(bytes),
            Format::BitwardenCsv => BitwardenCsv::needs_password(bytes),
            Format::Ente => Ente::needs_password(bytes),
            Format::EnteEncrypted => EnteEncrypted::needs_password(bytes),
            Format::FreeOtpPlus => FreeOtpPlus::needs_password(bytes),
            Format::Stratum => Stratum::needs_password(bytes),
            Format::Proton => Proton::needs_password(bytes),
            Format::Uris => UriLines::needs_password(bytes),
        }
    }

    /// Reads `bytes` as this format (see [`Importer::import`]).
    pub fn import(
        self,
        bytes: &[u8],
        password: Option<&Sensitive<String>>,
    ) -> Result<Imported, ImportError> {
        check_size(bytes)?;
        match self {
            Format::Aegis => Aegis::import(bytes, password),
            Format::TwoFas => TwoFas::import(bytes, password),
            Format::AndOtp => AndOtp::import(bytes, password),
            Format::BitwardenJson => BitwardenJson::import(bytes, password),
            Format::BitwardenCsv => BitwardenCsv::import(bytes, password),
            Format::Ente => Ente::import(bytes, password),
            Format::EnteEncrypted => EnteEncrypted::import(bytes, password),
            Format::FreeOtpPlus => FreeOtpPlus::import(bytes, password),
            Format::Stratum => Stratum::import(bytes, password),
            Format::Proton => Proton::import(bytes, password),
            Format::Uris => UriLines::import(bytes, password),
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// [`ImportError::TooLarge`] when `bytes` are over [`MAX_IMPORT_BYTES`].
pub fn check_size(bytes: &[u8]) -> Result<(), ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            size: bytes.len(),
            max: MAX_IMPORT_BYTES,
        });
    }
    Ok(())
}

/// The format of `bytes`, from their content (strict: the key fields must be present); `None` for
/// anything else and for files over [`MAX_IMPORT_BYTES`]. An encrypted andOTP file has no
/// signature; it is recognised only by [`AndOtp::detect`]'s heuristic (see there).
pub fn detect(bytes: &[u8]) -> Option<Format> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return None;
    }
    Format::ALL.into_iter().find(|format| format.detect(bytes))
}

/// Whether importing `bytes` needs a password: `Ok(false)` for plain files, `Ok(true)` for
/// encrypted ones; errors as [`import`] would give them for unknown or too large files.
pub fn needs_password(bytes: &[u8], format: Option<Format>) -> Result<bool, ImportError> {
    check_size(bytes)?;
    let format = match format {
        Some(format) => format,
        None => detect(bytes).ok_or(ImportError::UnknownFormat)?,
    };
    Ok(format.needs_password(bytes))
}

/// Reads a backup: in `format` when given (the caller's `--format`), else in the format
/// [`detect`] finds. Size first, then format, then password.
pub fn import(
    bytes: &[u8],
    password: Option<&Sensitive<String>>,
    format: Option<Format>,
) -> Result<Imported, ImportError> {
    check_size(bytes)?;
    let format = match format {
        Some(format) => format,
        None => detect(bytes).ok_or(ImportError::UnknownFormat)?,
    };
    format.import(bytes, password)
}
