//! andOTP backups: a plain JSON array, or the encrypted `.json.aes` form.
//!
//! Plain entries: `secret` (base32), `issuer`, `label`, `type` (TOTP, HOTP, STEAM, MOTP),
//! `algorithm`, `digits`, `period`, `counter`, `tags` (the groups). Encrypted (current): a 4-byte
//! big-endian PBKDF2 iteration count, a 12-byte salt, a 12-byte nonce, the ciphertext and a
//! 16-byte tag; the key is PBKDF2-HMAC-SHA1, 256 bits; AES-GCM. Old encrypted form: the key is
//! SHA-256 of the password, then nonce, ciphertext, tag.
//!
//! The encrypted file has no signature. [`AndOtp::detect`] takes it only when it is binary (not
//! UTF-8 text) and its first four bytes give an iteration count andOTP writes (it picks one from
//! 140,000 to 160,000; see [`ITERATIONS`]); anything else must be forced with `--format andotp`.
//! Either way nothing is imported unless the GCM tag checks, so a wrong guess ends in
//! "wrong password, or not an intact andOTP file", never in wrong accounts.

use std::ops::RangeInclusive;

use serde_json::Value;

use super::fields::{self, EntryFields, int, text, text_or_empty};
use super::{ImportError, Imported, Importer, crypto};
use crate::{Sensitive, display_name};

/// The andOTP importer.
pub struct AndOtp;

const NAME: &str = "andotp";
/// Iteration counts auto-detection takes as andOTP's (it writes 140,000 to 160,000).
pub const ITERATIONS: RangeInclusive<u32> = 100_000..=200_000;
/// Iteration counts a forced import accepts; more would let a file stall the import for minutes.
const MAX_ITERATIONS: u32 = 2_000_000;
const SALT_LEN: usize = 12;
const NONCE_LEN: usize = 12;
const HEADER_LEN: usize = 4 + SALT_LEN + NONCE_LEN;

fn plain(bytes: &[u8]) -> Option<Vec<Value>> {
    let list = fields::json(bytes)?.as_array()?.clone();
    let all_entries = !list.is_empty()
        && list.iter().all(|e| {
            e.get("secret").is_some_and(Value::is_string)
                && e.get("type").is_some_and(Value::is_string)
        });
    all_entries.then_some(list)
}

fn iterations(bytes: &[u8]) -> Option<u32> {
    let head: [u8; 4] = bytes.get(..4)?.try_into().ok()?;
    Some(u32::from_be_bytes(head))
}

/// The heuristic for the encrypted form: binary, long enough, plausible iteration count.
fn looks_encrypted(bytes: &[u8]) -> bool {
    bytes.len() >= HEADER_LEN + crypto::TAG_LEN
        && std::str::from_utf8(bytes).is_err()
        && iterations(bytes).is_some_and(|n| ITERATIONS.contains(&n))
}

impl Importer for AndOtp {
    const NAME: &'static str = NAME;

    fn detect(bytes: &[u8]) -> bool {
        plain(bytes).is_some() || looks_encrypted(bytes)
    }

    fn needs_password(bytes: &[u8]) -> bool {
        plain(bytes).is_none()
    }

    fn import(bytes: &[u8], password: Option<&Sensitive<String>>) -> Result<Imported, ImportError> {
        if let Some(list) = plain(bytes) {
            return Ok(entries(&list));
        }
        if std::str::from_utf8(bytes).is_ok() {
            // Text is never the encrypted form (its header and ciphertext are binary).
            return Err(fields::not_this_format(NAME, bytes));
        }
        if bytes.len() < NONCE_LEN + crypto::TAG_LEN {
            return Err(ImportError::corrupt(
                NAME,
                "the file is too short to be an encrypted backup",
            ));
        }
        let password = password.ok_or(ImportError::PasswordRequired)?;
        let plaintext = decrypt(bytes, password.expose().as_bytes())?;
        let mut list = plain(&plaintext)
            .or_else(|| {
                // A backup of no accounts is an empty array.
                fields::json(&plaintext)?
                    .as_array()
                    .filter(|l| l.is_empty())
                    .cloned()
            })
            .ok_or_else(|| {
                ImportError::corrupt(NAME, "the decrypted backup is not a list of andOTP entries")
            })?;
        let imported = entries(&list);
        list.iter_mut().for_each(fields::zeroize_strings);
        Ok(imported)
    }
}

fn decrypt(bytes: &[u8], password: &[u8]) -> Result<zeroize::Zeroizing<Vec<u8>>, ImportError> {
    // Current form first, when the header's iteration count is one andOTP could have written.
    let current = iterations(bytes)
        .filter(|n| (1..=MAX_ITERATIONS).contains(n))
        .zip(bytes.get(4..4 + SALT_LEN))
        .zip(bytes.get(4 + SALT_LEN..HEADER_LEN))
        .zip(
            bytes
                .get(HEADER_LEN..)
                .filter(|s| s.len() >= crypto::TAG_LEN),
        );
    if let Some((((n, salt), nonce), sealed)) = current {
        let key = crypto::pbkdf2_sha1(password, salt, n);
        if let Some(plaintext) = crypto::aes_gcm_open(&key, nonce, sealed) {
            return Ok(plaintext);
        }
    }
    // The old form: SHA-256 of the password, no header.
    let key = crypto::sha256_key(password);
    let (nonce, sealed) = (bytes.get(..NONCE_LEN), bytes.get(NONCE_LEN..));
    match (nonce, sealed) {
        (Some(nonce), Some(sealed)) => crypto::aes_gcm_open(&key, nonce, sealed),
        _ => None,
    }
    .ok_or(ImportError::WrongPassword { format: NAME })
}

fn entries(list: &[Value]) -> Imported {
    let mut imported = Imported::default();
    for entry in list {
        let issuer = text_or_empty(entry, "issuer");
        let label = text_or_empty(entry, "label");
        let groups = fields::array(entry, "tags")
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect();
        let account = fields::kind(text_or_empty(entry, "type")).and_then(|kind| {
            let secret = fields::base32_secret(text_or_empty(entry, "secret"))?;
            EntryFields {
                issuer,
                label,
                kind,
                algorithm: text(entry, "algorithm"),
                digits: int(entry, "digits"),
                period: int(entry, "period"),
                counter: int(entry, "counter"),
            }
            .into_uri(secret)
        });
        imported.push(display_name(issuer, label), groups, account);
    }
    imported
}
