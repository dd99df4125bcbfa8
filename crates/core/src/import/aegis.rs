//! Aegis vaults (beemdevelopment/Aegis `docs/vault.md`), plain and encrypted; Vigil's own
//! encrypted backup is such a vault (see [`crate::export::aegis`]).
//!
//! Encrypted: each password slot (type 1) holds the master key wrapped with AES-256-GCM under an
//! scrypt key of the password; the master key opens `db` (base64) with AES-256-GCM. Content
//! version 1 and 2 entries name a `group`; version 3 lists `groups` by uuid, resolved through the
//! content's `groups` list.

use serde_json::Value;
use zeroize::Zeroizing;

use super::fields::{self, EntryFields, array, int, text, text_or_empty};
use super::{ImportError, Imported, Importer, crypto};
use crate::{Sensitive, display_name};

/// The Aegis vault importer.
pub struct Aegis;

const NAME: &str = "aegis";
/// Highest content (`db`) version read.
const MAX_DB_VERSION: i64 = 3;
/// Largest scrypt memory accepted, 128·r·N bytes: 1 GiB (Aegis uses 32 MiB). Larger parameters
/// in a file would let it exhaust memory.
const MAX_SCRYPT_BYTES: u64 = 1 << 30;

fn vault(bytes: &[u8]) -> Option<Value> {
    let value = fields::json(bytes)?;
    let header = value.get("header")?;
    let has_keys = value.get("version").is_some_and(Value::is_number)
        && header.get("slots").is_some()
        && header.get("params").is_some()
        && (value
            .get("db")
            .is_some_and(|db| db.is_string() || db.is_object()));
    has_keys.then_some(value)
}

fn is_encrypted(vault: &Value) -> bool {
    vault.get("db").is_some_and(Value::is_string)
}

impl Importer for Aegis {
    const NAME: &'static str = NAME;

    fn detect(bytes: &[u8]) -> bool {
        vault(bytes).is_some()
    }

    fn needs_password(bytes: &[u8]) -> bool {
        vault(bytes).is_some_and(|v| is_encrypted(&v))
    }

    fn import(bytes: &[u8], password: Option<&Sensitive<String>>) -> Result<Imported, ImportError> {
        let vault = vault(bytes).ok_or_else(|| fields::not_this_format(NAME, bytes))?;
        let version = int(&vault, "version").unwrap_or(0);
        if version != 1 {
            return Err(ImportError::UnsupportedVersion {
                format: NAME,
                version: version.to_string(),
            });
        }
        match vault.get("db") {
            Some(Value::Object(_)) => entries(vault.get("db").unwrap_or(&Value::Null)),
            Some(Value::String(db)) => {
                let password = password.ok_or(ImportError::PasswordRequired)?;
                let header = vault.get("header").unwrap_or(&Value::Null);
                let plaintext = decrypt(header, db, password.expose().as_bytes())?;
                let mut content: Value = serde_json::from_slice(&plaintext).map_err(|_| {
                    ImportError::corrupt(NAME, "the decrypted contents are not JSON")
                })?;
                let imported = entries(&content);
                fields::zeroize_strings(&mut content);
                imported
            }
            _ => Err(ImportError::FormatMismatch { format: NAME }),
        }
    }
}

/// The master key from the first password slot the password opens.
fn master_key(header: &Value, password: &[u8]) -> Result<crypto::Key, ImportError> {
    let slots: Vec<&Value> = array(header, "slots")
        .iter()
        .filter(|slot| int(slot, "type") == Some(1))
        .collect();
    if slots.is_empty() {
        return Err(ImportError::corrupt(
            NAME,
            "the vault's header has no password slot",
        ));
    }
    for slot in slots {
        let hex_field = |key: &str, what: &str| {
            text(slot, key)
                .and_then(|h| hex::decode(h).ok())
                .ok_or_else(|| {
                    ImportError::corrupt(NAME, format!("a password slot's {what} is not hex"))
                })
        };
        let salt = hex_field("salt", "salt")?;
        let wrapped = hex_field("key", "key")?;
        let params = slot.get("key_params").unwrap_or(&Value::Null);
        let nonce = text(params, "nonce")
            .and_then(|h| hex::decode(h).ok())
            .ok_or_else(|| ImportError::corrupt(NAME, "a password slot's nonce is missing"))?;
        let tag = text(params, "tag")
            .and_then(|h| hex::decode(h).ok())
            .ok_or_else(|| ImportError::corrupt(NAME, "a password slot's tag is missing"))?;
        let (n, r, p) = (int(slot, "n"), int(slot, "r"), int(slot, "p"));
        let (log_n, r, p) = scrypt_params(n, r, p)?;
        let key = crypto::scrypt(password, &salt, log_n, r, p).ok_or_else(|| {
            ImportError::corrupt(NAME, "a password slot's scrypt parameters are out of range")
        })?;
        let sealed = [wrapped.as_slice(), tag.as_slice()].concat();
        if let Some(master) = crypto::aes_gcm_open(&key, &nonce, &sealed) {
            let master: [u8; 32] = master
                .as_slice()
                .try_into()
                .map_err(|_| ImportError::corrupt(NAME, "the master key is not 32 bytes"))?;
            return Ok(Zeroizing::new(master));
        }
    }
    Err(ImportError::WrongPassword { format: NAME })
}

/// scrypt's N as log2, r and p, checked: N a power of two, memory at most [`MAX_SCRYPT_BYTES`].
fn scrypt_params(
    n: Option<i64>,
    r: Option<i64>,
    p: Option<i64>,
) -> Result<(u8, u32, u32), ImportError> {
    let bad = || {
        ImportError::corrupt(
            NAME,
            "a password slot's scrypt parameters are missing or out of range",
        )
    };
    let n = u64::try_from(n.ok_or_else(bad)?).map_err(|_| bad())?;
    let r = u32::try_from(r.ok_or_else(bad)?).map_err(|_| bad())?;
    let p = u32::try_from(p.ok_or_else(bad)?).map_err(|_| bad())?;
    if !n.is_power_of_two() || n < 2 || r == 0 || p == 0 || p > 16 {
        return Err(bad());
    }
    let memory = 128u64
        .checked_mul(u64::from(r))
        .and_then(|m| m.checked_mul(n))
        .ok_or_else(bad)?;
    if memory > MAX_SCRYPT_BYTES {
        return Err(bad());
    }
    let log_n = u8::try_from(n.trailing_zeros()).map_err(|_| bad())?;
    Ok((log_n, r, p))
}

fn decrypt(header: &Value, db: &str, password: &[u8]) -> Result<Zeroizing<Vec<u8>>, ImportError> {
    let params = header.get("params").unwrap_or(&Value::Null);
    let nonce = text(params, "nonce")
        .and_then(|h| hex::decode(h).ok())
        .ok_or_else(|| ImportError::corrupt(NAME, "the header's nonce is missing"))?;
    let tag = text(params, "tag")
        .and_then(|h| hex::decode(h).ok())
        .ok_or_else(|| ImportError::corrupt(NAME, "the header's tag is missing"))?;
    let ciphertext = fields::base64(db)
        .ok_or_else(|| ImportError::corrupt(NAME, "the contents are not base64"))?;
    let key = master_key(header, password)?;
    let sealed = [ciphertext.as_slice(), tag.as_slice()].concat();
    crypto::aes_gcm_open(&key, &nonce, &sealed).ok_or_else(|| {
        ImportError::corrupt(
            NAME,
            "the contents fail their integrity check (the file was changed or truncated)",
        )
    })
}

fn entries(content: &Value) -> Result<Imported, ImportError> {
    let version = int(content, "version").unwrap_or(0);
    if !(1..=MAX_DB_VERSION).contains(&version) {
        return Err(ImportError::UnsupportedVersion {
            format: NAME,
            version: format!("{version} (contents)"),
        });
    }
    if !content.get("entries").is_some_and(Value::is_array) {
        return Err(ImportError::corrupt(
            NAME,
            "the contents have no entries list",
        ));
    }
    let group_names: Vec<(&str, &str)> = array(content, "groups")
        .iter()
        .filter_map(|g| Some((text(g, "uuid")?, text(g, "name")?)))
        .collect();
    let mut imported = Imported::default();
    for entry in array(content, "entries") {
        let issuer = text_or_empty(entry, "issuer");
        let label = text_or_empty(entry, "name");
        let name = display_name(issuer, label);
        let mut groups: Vec<String> = Vec::new();
        if let Some(group) = text(entry, "group").filter(|g| !g.is_empty()) {
            groups.push(group.to_owned());
        }
        for uuid in array(entry, "groups").iter().filter_map(Value::as_str) {
            if let Some((_, name)) = group_names.iter().find(|(id, _)| *id == uuid) {
                groups.push((*name).to_owned());
            }
        }
        let info = entry.get("info").unwrap_or(&Value::Null);
        let account = fields::kind(text_or_empty(entry, "type"))
            .and_then(|kind| {
                let secret = fields::base32_secret(text_or_empty(info, "secret"))?;
                EntryFields {
                    issuer,
                    label,
                    kind,
                    algorithm: text(info, "algo"),
                    digits: int(info, "digits"),
                    period: int(info, "period"),
                    counter: int(info, "counter"),
                }
                .into_uri(secret)
            })
            .map(|mut uri| {
                let activity = text(entry, crate::export::aegis::ACTIVITY_FIELD);
                uri.activity = activity.filter(|a| !a.is_empty()).map(str::to_owned);
                uri
            });
        imported.push(name, groups, account);
    }
    Ok(imported)
}
