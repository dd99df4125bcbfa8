//! 2FAS backups (`.2fas`, schema versions 1 to 4), plain and encrypted.
//!
//! Plain: `services[]` (`secret`, `name`, `otp.{account,issuer,digits,period,algorithm,tokenType,
//! counter}`, `groupId`) and `groups[]` (`id`, `name`). Encrypted: `servicesEncrypted` is
//! `base64(ciphertext+tag):base64(salt):base64(iv)`; the key is PBKDF2-HMAC-SHA256 of the password,
//! 10,000 iterations, 256 bits; AES-GCM opens a JSON array of services.

use serde_json::Value;

use super::fields::{self, EntryFields, array, int, text, text_or_empty};
use super::{ImportError, Imported, Importer, crypto};
use crate::{Sensitive, display_name};

/// The 2FAS importer.
pub struct TwoFas;

const NAME: &str = "2fas";
const MAX_SCHEMA: i64 = 4;
const ITERATIONS: u32 = 10_000;

fn backup(bytes: &[u8]) -> Option<Value> {
    let value = fields::json(bytes)?;
    let keys = value.get("schemaVersion").is_some_and(Value::is_number)
        && (value.get("services").is_some_and(Value::is_array)
            || value.get("servicesEncrypted").is_some_and(Value::is_string));
    keys.then_some(value)
}

fn encrypted_services(backup: &Value) -> Option<&str> {
    text(backup, "servicesEncrypted").filter(|s| !s.trim().is_empty())
}

impl Importer for TwoFas {
    const NAME: &'static str = NAME;

    fn detect(bytes: &[u8]) -> bool {
        backup(bytes).is_some()
    }

    fn needs_password(bytes: &[u8]) -> bool {
        backup(bytes).is_some_and(|b| encrypted_services(&b).is_some())
    }

    fn import(bytes: &[u8], password: Option<&Sensitive<String>>) -> Result<Imported, ImportError> {
        let backup = backup(bytes).ok_or_else(|| fields::not_this_format(NAME, bytes))?;
        let schema = int(&backup, "schemaVersion").unwrap_or(0);
        if !(1..=MAX_SCHEMA).contains(&schema) {
            return Err(ImportError::UnsupportedVersion {
                format: NAME,
                version: schema.to_string(),
            });
        }
        let groups = array(&backup, "groups");
        match encrypted_services(&backup) {
            None => Ok(services(array(&backup, "services"), groups)),
            Some(sealed) => {
                let password = password.ok_or(ImportError::PasswordRequired)?;
                let plaintext = decrypt(sealed, password.expose().as_bytes())?;
                let mut list: Value = serde_json::from_slice(&plaintext).map_err(|_| {
                    ImportError::corrupt(NAME, "the decrypted services are not JSON")
                })?;
                let imported = list.as_array().map(|list| services(list, groups));
                fields::zeroize_strings(&mut list);
                imported.ok_or_else(|| {
                    ImportError::corrupt(NAME, "the decrypted services are not a list")
                })
            }
        }
    }
}

fn decrypt(sealed: &str, password: &[u8]) -> Result<zeroize::Zeroizing<Vec<u8>>, ImportError> {
    let mut parts = sealed.trim().split(':');
    let mut part = |what: &str| {
        parts.next().and_then(fields::base64).ok_or_else(|| {
            ImportError::corrupt(NAME, format!("servicesEncrypted has no base64 {what}"))
        })
    };
    let ciphertext = part("ciphertext")?;
    let salt = part("salt")?;
    let iv = part("IV")?;
    if iv.len() != 12 {
        return Err(ImportError::corrupt(
            NAME,
            format!("the IV is {} bytes, not 12", iv.len()),
        ));
    }
    if ciphertext.len() < crypto::TAG_LEN {
        return Err(ImportError::corrupt(
            NAME,
            "the ciphertext is shorter than its tag",
        ));
    }
    let key = crypto::pbkdf2_sha256(password, &salt, ITERATIONS);
    crypto::aes_gcm_open(&key, &iv, &ciphertext).ok_or(ImportError::WrongPassword { format: NAME })
}

fn services(list: &[Value], groups: &[Value]) -> Imported {
    let mut imported = Imported::default();
    for service in list {
        let otp = service.get("otp").unwrap_or(&Value::Null);
        let name = text_or_empty(service, "name");
        let issuer = text(otp, "issuer")
            .filter(|i| !i.is_empty())
            .unwrap_or(name);
        let label = text(otp, "account")
            .filter(|a| !a.is_empty())
            .or_else(|| text(otp, "label"))
            .unwrap_or("");
        let group: Vec<String> = text(service, "groupId")
            .and_then(|id| groups.iter().find(|g| text(g, "id") == Some(id)))
            .and_then(|g| text(g, "name"))
            .map(|g| vec![g.to_owned()])
            .unwrap_or_default();
        let account = fields::kind(text_or_empty(otp, "tokenType")).and_then(|kind| {
            let secret = fields::base32_secret(text_or_empty(service, "secret"))?;
            EntryFields {
                issuer,
                label,
                kind,
                algorithm: text(otp, "algorithm"),
                digits: int(otp, "digits"),
                period: int(otp, "period"),
                counter: int(otp, "counter"),
            }
            .into_uri(secret)
        });
        imported.push(display_name(issuer, label), group, account);
    }
    imported
}
