//! Stratum (formerly Authenticator Pro) backups: plain JSON, or encrypted `.authpro`.
//!
//! Plain: `Authenticators[]` (`Type` 1 HOTP, 2 TOTP, 3 mOTP, 4 Steam, 5 Yandex; `Issuer`,
//! `Username`, `Secret`, `Algorithm` 0 SHA-1 / 1 SHA-256 / 2 SHA-512, `Digits`, `Period`,
//! `Counter`); groups are `Categories[]` (`Id`, `Name`) joined through
//! `AuthenticatorCategories[]` (`CategoryId`, `AuthenticatorSecret`). Encrypted: the header
//! `AUTHENTICATORPRO`, a 16-byte salt, a 12-byte IV, then AES-GCM ciphertext and tag under an
//! Argon2id key (3 iterations, 64 MiB, parallelism 4, 32 bytes). Legacy encrypted: the header
//! `AuthenticatorPro`, a 20-byte salt, a 16-byte IV, then AES-256-CBC (PKCS#7) under a
//! PBKDF2-HMAC-SHA1 key (64,000 iterations).

use serde_json::Value;

use super::fields::{self, EntryFields, array, int, text, text_or_empty};
use super::{ImportError, Imported, Importer, crypto};
use crate::{OtpKind, Sensitive, display_name};

/// The Stratum / Authenticator Pro importer.
pub struct Stratum;

const NAME: &str = "stratum";
const HEADER: &[u8] = b"AUTHENTICATORPRO";
const LEGACY_HEADER: &[u8] = b"AuthenticatorPro";

fn plain(bytes: &[u8]) -> Option<Value> {
    let value = fields::json(bytes)?;
    value
        .get("Authenticators")
        .is_some_and(Value::is_array)
        .then_some(value)
}

fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(HEADER) || bytes.starts_with(LEGACY_HEADER)
}

impl Importer for Stratum {
    const NAME: &'static str = NAME;

    fn detect(bytes: &[u8]) -> bool {
        is_encrypted(bytes) || plain(bytes).is_some()
    }

    fn needs_password(bytes: &[u8]) -> bool {
        is_encrypted(bytes)
    }

    fn import(bytes: &[u8], password: Option<&Sensitive<String>>) -> Result<Imported, ImportError> {
        if let Some(backup) = plain(bytes) {
            return Ok(authenticators(&backup));
        }
        if !is_encrypted(bytes) {
            return Err(fields::not_this_format(NAME, bytes));
        }
        let password = password.ok_or(ImportError::PasswordRequired)?;
        let plaintext = decrypt(bytes, password.expose().as_bytes())?;
        let mut backup = plain(&plaintext).ok_or_else(|| {
            ImportError::corrupt(NAME, "the decrypted backup has no Authenticators list")
        })?;
        let imported = authenticators(&backup);
        fields::zeroize_strings(&mut backup);
        Ok(imported)
    }
}

fn decrypt(bytes: &[u8], password: &[u8]) -> Result<zeroize::Zeroizing<Vec<u8>>, ImportError> {
    let short = || ImportError::corrupt(NAME, "the file is shorter than its header");
    if let Some(rest) = bytes.strip_prefix(HEADER) {
        let salt = rest.get(..16).ok_or_else(short)?;
        let iv = rest.get(16..28).ok_or_else(short)?;
        let sealed = rest
            .get(28..)
            .filter(|s| s.len() >= crypto::TAG_LEN)
            .ok_or_else(|| ImportError::corrupt(NAME, "the ciphertext is shorter than its tag"))?;
        let key = crypto::argon2id(password, salt, 3, 64 * 1024, 4)
            .ok_or_else(|| ImportError::corrupt(NAME, "the key derivation failed"))?;
        return crypto::aes_gcm_open(&key, iv, sealed)
            .ok_or(ImportError::WrongPassword { format: NAME });
    }
    let rest = bytes
        .strip_prefix(LEGACY_HEADER)
        .ok_or(ImportError::FormatMismatch { format: NAME })?;
    let salt = rest.get(..20).ok_or_else(short)?;
    let iv = rest.get(20..36).ok_or_else(short)?;
    let ciphertext = rest
        .get(36..)
        .filter(|c| !c.is_empty() && c.len() % 16 == 0)
        .ok_or_else(|| {
            ImportError::corrupt(NAME, "the ciphertext is not a whole number of AES blocks")
        })?;
    let key = crypto::pbkdf2_sha1(password, salt, 64_000);
    crypto::aes_cbc_open(&key, iv, ciphertext).ok_or(ImportError::WrongPassword { format: NAME })
}

fn kind(type_id: Option<i64>) -> Result<OtpKind, String> {
    match type_id {
        Some(1) => Ok(OtpKind::Hotp),
        Some(2) => Ok(OtpKind::Totp),
        Some(4) => Ok(OtpKind::Steam),
        Some(3) => fields::kind("motp"),
        Some(5) => fields::kind("yandex"),
        Some(other) => Err(format!("has the unknown type {other}")),
        None => Err("has no type".to_owned()),
    }
}

fn algorithm(id: Option<i64>) -> Result<Option<&'static str>, String> {
    match id {
        None | Some(0) => Ok(None),
        Some(1) => Ok(Some("SHA256")),
        Some(2) => Ok(Some("SHA512")),
        Some(other) => Err(format!("uses the unknown algorithm {other}")),
    }
}

fn authenticators(backup: &Value) -> Imported {
    let categories = array(backup, "Categories");
    let links = array(backup, "AuthenticatorCategories");
    let mut imported = Imported::default();
    for entry in array(backup, "Authenticators") {
        let issuer = text_or_empty(entry, "Issuer");
        let label = text_or_empty(entry, "Username");
        let secret_text = text_or_empty(entry, "Secret");
        let groups = links
            .iter()
            .filter(|l| text(l, "AuthenticatorSecret") == Some(secret_text))
            .filter_map(|l| {
                let id = text(l, "CategoryId")?;
                categories.iter().find(|c| text(c, "Id") == Some(id))
            })
            .filter_map(|c| text(c, "Name").map(str::to_owned))
            .collect();
        let account = kind(int(entry, "Type")).and_then(|kind| {
            let secret = fields::base32_secret(secret_text)?;
            EntryFields {
                issuer,
                label,
                kind,
                algorithm: algorithm(int(entry, "Algorithm"))?,
                digits: int(entry, "Digits"),
                period: int(entry, "Period"),
                counter: int(entry, "Counter"),
            }
            .into_uri(secret)
        });
        imported.push(display_name(issuer, label), groups, account);
    }
    imported
}
