//! The one error that crosses IPC: `{code, message}`, a stable code for the page's logic and a
//! sentence for the person, in their language. Sentences the app writes are in it already; an
//! error from a crate below (its `Display` is English, shared with the CLI and logs) is said
//! through its code's message (`error-<code>` in `errors.ftl`), with the crate's words as the
//! detail, when the app speaks another language.

use std::sync::RwLock;

use serde::{Serialize, Serializer};
use vigil_i18n::{Arg, Language, Words};
use vigil_vault::VaultError;

/// The words errors are said in when they cross IPC: the app's language, set with the settings.
static ERROR_WORDS: RwLock<Option<Words>> = RwLock::new(None);

/// Errors from now on are said in `words`' language.
pub fn set_words(words: Words) {
    if let Ok(mut current) = ERROR_WORDS.write() {
        *current = Some(words);
    }
}

/// The words of the app's language now (for errors, and where no state is at hand).
pub fn current_words() -> Words {
    ERROR_WORDS
        .read()
        .ok()
        .and_then(|current| current.clone())
        .unwrap_or_default()
}

/// `error`'s sentence in `t`'s language.
pub fn localized(t: &Words, error: &AppError) -> String {
    if error.in_words || t.language() == Language::English {
        return error.message.clone();
    }
    let detail = error.detail.as_deref().unwrap_or(&error.message);
    t.with(
        &format!("error-{}", error.code.as_str()),
        &[("detail", detail.into())],
    )
}

/// What kind of error it is: the page can branch on it, and its JSON name is stable (pinned
/// by a test below).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// No keychain (Secret Service) answers.
    KeychainUnavailable,
    /// The keychain is locked.
    KeychainLocked,
    /// The keychain has no default collection to store in.
    KeychainNoCollection,
    /// An account's secret is missing from the keychain, or unreadable there.
    MissingSecret,
    /// The account list (SQLite) or its folder cannot be used.
    Database,
    /// The account is already in the vault.
    Duplicate,
    /// No such account (or event).
    NotFound,
    /// Not a usable otpauth URI.
    InvalidUri,
    /// A form field or argument is not acceptable.
    InvalidField,
    /// The clipboard cannot be read or written.
    Clipboard,
    /// The screen cannot be captured.
    Capture,
    /// A file is not a picture that can be read.
    BadImage,
    /// The picture holds no QR code.
    NoQrCode,
    /// The QR codes found are not enrolments.
    NotEnrolment,
    /// A page or QR code could not be drawn.
    Render,
    /// The settings could not be saved.
    Settings,
    /// The activity service could not be reached or refused.
    Activity,
    /// The account has no activity feed.
    NotLinked,
    /// A feed link or `vigil://` link is not acceptable.
    BadLink,
    /// A document for the service is not acceptable.
    BadDocument,
    /// This copy cannot update itself (not installed from a release package).
    UpdateUnavailable,
    /// The release feed could not be read.
    UpdateCheck,
    /// There is no update to install.
    UpdateNone,
    /// The update's signature is not the release key's: nothing was installed.
    UpdateSignature,
    /// The update could not be installed.
    UpdateInstall,
    /// A backup file cannot be imported (not a known format, corrupt, too large).
    BadBackup,
    /// The backup's password is wrong (the person may try again).
    WrongPassword,
    /// An automatic backup could not be written.
    Backup,
    /// The app is locked: nothing but its password opens it.
    AppLocked,
}

impl ErrorCode {
    /// The code's JSON name (`keychain_locked`), which also names its message (`error-…`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::KeychainUnavailable => "keychain_unavailable",
            ErrorCode::KeychainLocked => "keychain_locked",
            ErrorCode::KeychainNoCollection => "keychain_no_collection",
            ErrorCode::MissingSecret => "missing_secret",
            ErrorCode::Database => "database",
            ErrorCode::Duplicate => "duplicate",
            ErrorCode::NotFound => "not_found",
            ErrorCode::InvalidUri => "invalid_uri",
            ErrorCode::InvalidField => "invalid_field",
            ErrorCode::Clipboard => "clipboard",
            ErrorCode::Capture => "capture",
            ErrorCode::BadImage => "bad_image",
            ErrorCode::NoQrCode => "no_qr_code",
            ErrorCode::NotEnrolment => "not_enrolment",
            ErrorCode::Render => "render",
            ErrorCode::Settings => "settings",
            ErrorCode::Activity => "activity",
            ErrorCode::NotLinked => "not_linked",
            ErrorCode::BadLink => "bad_link",
            ErrorCode::BadDocument => "bad_document",
            ErrorCode::UpdateUnavailable => "update_unavailable",
            ErrorCode::UpdateCheck => "update_check",
            ErrorCode::UpdateNone => "update_none",
            ErrorCode::UpdateSignature => "update_signature",
            ErrorCode::UpdateInstall => "update_install",
            ErrorCode::BadBackup => "bad_backup",
            ErrorCode::WrongPassword => "wrong_password",
            ErrorCode::Backup => "backup",
            ErrorCode::AppLocked => "app_locked",
        }
    }
}

/// An error as the page receives it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    /// What kind of error, for the page's logic.
    pub code: ErrorCode,
    /// What happened and what to do, in plain words.
    pub message: String,
    /// `message` is in the person's language already (the app wrote it with their words);
    /// otherwise it is a crate's English and is said through the code's message.
    pub in_words: bool,
    /// The crate's own words when `message` adds English around them, for other languages.
    pub detail: Option<String>,
}

impl Serialize for AppError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut error = serializer.serialize_struct("AppError", 2)?;
        error.serialize_field("code", &self.code)?;
        error.serialize_field("message", &localized(&current_words(), self))?;
        error.end()
    }
}

impl AppError {
    /// An error with `code` and a `message` from a crate below, in English.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            in_words: false,
            detail: None,
        }
    }

    /// An error with `code` whose message is `key` (with `args`) in the app's language.
    pub fn keyed(code: ErrorCode, key: &str, args: &[(&str, Arg)]) -> Self {
        Self::said(code, current_words().with(key, args))
    }

    /// An error with `code` and a `message` the app wrote in the person's language.
    pub fn said(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            in_words: true,
            detail: None,
        }
    }
}

impl From<&VaultError> for AppError {
    fn from(error: &VaultError) -> Self {
        let code = match error {
            VaultError::KeychainUnavailable(_) => ErrorCode::KeychainUnavailable,
            VaultError::KeychainLocked => ErrorCode::KeychainLocked,
            VaultError::KeychainNoCollection => ErrorCode::KeychainNoCollection,
            VaultError::CorruptSecret { .. } | VaultError::MissingSecret { .. } => {
                ErrorCode::MissingSecret
            }
            VaultError::DataDir { .. } | VaultError::Database { .. } => ErrorCode::Database,
            VaultError::Duplicate { .. } => ErrorCode::Duplicate,
            VaultError::NotFound(_) | VaultError::BadOrder => ErrorCode::NotFound,
            VaultError::BackupSettings(_) | VaultError::AppLock(_) => ErrorCode::InvalidField,
            VaultError::Backup { .. } => ErrorCode::Backup,
        };
        Self::new(code, error.to_string())
    }
}

impl From<VaultError> for AppError {
    fn from(error: VaultError) -> Self {
        Self::from(&error)
    }
}

impl From<vigil_activity::ActivityError> for AppError {
    fn from(error: vigil_activity::ActivityError) -> Self {
        Self::new(ErrorCode::Activity, error.to_string())
    }
}

impl From<vigil_activity::LinkError> for AppError {
    fn from(error: vigil_activity::LinkError) -> Self {
        Self::new(ErrorCode::BadLink, error.to_string())
    }
}

impl From<vigil_core::UriError> for AppError {
    fn from(error: vigil_core::UriError) -> Self {
        let mut made = Self::new(
            ErrorCode::InvalidUri,
            format!("This is not a valid otpauth URI: {error}"),
        );
        made.detail = Some(error.to_string());
        made
    }
}

impl From<askama::Error> for AppError {
    fn from(error: askama::Error) -> Self {
        let mut made = Self::new(
            ErrorCode::Render,
            format!("The page could not be drawn: {error}"),
        );
        made.detail = Some(error.to_string());
        made
    }
}

#[cfg(test)]
mod tests {
    use vigil_i18n::Language;

    #[test]
    fn errors_from_below_are_said_in_the_app_language() {
        let error = AppError::from(VaultError::KeychainLocked);
        let german = Words::new(Language::German, None);
        let said = localized(&german, &error);
        assert!(said.contains("Schlüsselbund"), "{said}");
        // English keeps the crate's own sentence.
        assert_eq!(localized(&Words::default(), &error), error.message);
        // A sentence the app wrote in the person's words is left as it is.
        let written = AppError::said(ErrorCode::InvalidField, "Schon auf Deutsch");
        assert_eq!(localized(&german, &written), "Schon auf Deutsch");
        // Every code has its message in every language.
        for language in Language::ALL {
            let words = Words::new(language, None);
            for code in CODES {
                let key = format!("error-{}", code.as_str());
                assert_ne!(words.get(&key), key, "{}: {key}", language.code());
                assert_eq!(
                    serde_json::to_string(&code).unwrap(),
                    format!("\"{}\"", code.as_str())
                );
            }
        }
    }

    use super::*;

    const CODES: [ErrorCode; 29] = [
        ErrorCode::KeychainUnavailable,
        ErrorCode::KeychainLocked,
        ErrorCode::KeychainNoCollection,
        ErrorCode::MissingSecret,
        ErrorCode::Database,
        ErrorCode::Duplicate,
        ErrorCode::NotFound,
        ErrorCode::InvalidUri,
        ErrorCode::InvalidField,
        ErrorCode::Clipboard,
        ErrorCode::Capture,
        ErrorCode::BadImage,
        ErrorCode::NoQrCode,
        ErrorCode::NotEnrolment,
        ErrorCode::Render,
        ErrorCode::Settings,
        ErrorCode::Activity,
        ErrorCode::NotLinked,
        ErrorCode::BadLink,
        ErrorCode::BadDocument,
        ErrorCode::UpdateUnavailable,
        ErrorCode::UpdateCheck,
        ErrorCode::UpdateNone,
        ErrorCode::UpdateSignature,
        ErrorCode::UpdateInstall,
        ErrorCode::BadBackup,
        ErrorCode::WrongPassword,
        ErrorCode::Backup,
        ErrorCode::AppLocked,
    ];

    #[test]
    fn every_code_has_its_pinned_name() {
        let names: Vec<String> = CODES
            .iter()
            .map(|code| serde_json::to_string(code).unwrap())
            .collect();
        assert_eq!(
            names.join(","),
            r#""keychain_unavailable","keychain_locked","keychain_no_collection","missing_secret","database","duplicate","not_found","invalid_uri","invalid_field","clipboard","capture","bad_image","no_qr_code","not_enrolment","render","settings","activity","not_linked","bad_link","bad_document","update_unavailable","update_check","update_none","update_signature","update_install","bad_backup","wrong_password","backup","app_locked""#
        );
    }

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
