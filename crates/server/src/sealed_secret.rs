//! TOTP secrets and customers' documents at rest: sealed with AES-256-GCM (`ring::aead`) under the server secret key
//! (`VIGIL_SECRET_KEY`, 32 random bytes), a fresh random 96-bit nonce per seal, and the account id
//! as associated data so a row's ciphertext cannot be moved to another account.
//!
//! Stored text: `v1:` + base64url (no padding) of nonce ‖ ciphertext ‖ tag. The version prefix
//! leaves room for another algorithm or key later; a column value without it is a plaintext
//! secret from before sealing, which [`crate::db::Database::seal_plaintext_secrets`] upgrades.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use ring::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::rand::{SecureRandom, SystemRandom};
use vigil_core::{Secret, Sensitive};
use zeroize::Zeroizing;

/// The prefix of a secret sealed by this version of the format.
pub const SEALED_PREFIX_V1: &str = "v1:";

/// Length of the server secret key in bytes.
pub const SECRET_KEY_LEN: usize = 32;

/// Why a server secret key given as text cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SecretKeyError {
    /// The text is neither hex nor base64.
    #[error(
        "VIGIL_SECRET_KEY is neither hex nor base64: give 32 random bytes, e.g. from `openssl rand -base64 32`"
    )]
    Malformed,
    /// The text decodes to the wrong number of bytes.
    #[error(
        "VIGIL_SECRET_KEY must be 32 bytes (64 hex digits or 44 base64 characters); it decodes to {0} bytes"
    )]
    WrongLength(usize),
}

/// Why a sealed secret cannot be opened (or a secret cannot be sealed).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SealError {
    /// The system random generator failed, so no nonce could be drawn.
    #[error("no randomness for a nonce")]
    NoRandomness,
    /// The AEAD refused to encrypt (it does so only for inputs far longer than a secret).
    #[error("the secret cannot be encrypted")]
    Encrypt,
    /// The stored text does not start with a known version prefix.
    #[error("the stored secret is not in a known sealed format")]
    UnknownFormat,
    /// The stored text has the prefix but is not valid base64 of nonce, ciphertext and tag.
    #[error("the stored secret is truncated or not base64")]
    Malformed,
    /// Authentication failed: another key sealed it, it belongs to another account, or it was
    /// altered.
    #[error("the stored secret cannot be decrypted with this key for this account")]
    Unauthentic,
}

/// The server secret key, ready to seal and open TOTP secrets.
pub struct SecretSealer {
    key: LessSafeKey,
    random: SystemRandom,
}

impl std::fmt::Debug for SecretSealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretSealer([redacted])")
    }
}

impl SecretSealer {
    /// A sealer for a key given as 64 hex digits or base64 (standard or URL-safe, padded or not).
    pub fn from_key_text(text: &str) -> Result<Self, SecretKeyError> {
        let bytes = decode_key_text(text.trim())?;
        Self::from_key_bytes(bytes.expose())
    }

    /// A sealer for 32 raw key bytes.
    pub fn from_key_bytes(bytes: &[u8]) -> Result<Self, SecretKeyError> {
        if bytes.len() != SECRET_KEY_LEN {
            return Err(SecretKeyError::WrongLength(bytes.len()));
        }
        let key = UnboundKey::new(&AES_256_GCM, bytes)
            .map_err(|_| SecretKeyError::WrongLength(bytes.len()))?;
        Ok(Self {
            key: LessSafeKey::new(key),
            random: SystemRandom::new(),
        })
    }

    /// Seals a TOTP secret for an account: `v1:` + base64url(nonce ‖ ciphertext ‖ tag).
    pub fn seal(&self, account_id: &str, secret: &Secret) -> Result<String, SealError> {
        self.seal_bytes(account_id.as_bytes(), secret.as_bytes())
    }

    /// Seals a customer's document, bound to its account and id (the associated data is
    /// `document:ACCOUNT:DOCUMENT`, so a sealed document cannot be moved to another row).
    pub fn seal_document(
        &self,
        account_id: &str,
        document_id: &str,
        bytes: &[u8],
    ) -> Result<String, SealError> {
        self.seal_bytes(document_aad(account_id, document_id).as_bytes(), bytes)
    }

    /// Opens a sealed document of an account.
    pub fn open_document(
        &self,
        account_id: &str,
        document_id: &str,
        sealed: &str,
    ) -> Result<Zeroizing<Vec<u8>>, SealError> {
        self.open_bytes(document_aad(account_id, document_id).as_bytes(), sealed)
    }

    fn seal_bytes(&self, aad: &[u8], plain: &[u8]) -> Result<String, SealError> {
        let mut nonce = [0u8; NONCE_LEN];
        self.random
            .fill(&mut nonce)
            .map_err(|_| SealError::NoRandomness)?;
        // nonce ‖ plaintext, then encrypted in place after the nonce and the tag appended.
        let mut sealed = Zeroizing::new(Vec::with_capacity(
            NONCE_LEN + plain.len() + AES_256_GCM.tag_len(),
        ));
        sealed.extend_from_slice(&nonce);
        sealed.extend_from_slice(plain);
        let tag = self
            .key
            .seal_in_place_separate_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(aad),
                sealed.get_mut(NONCE_LEN..).ok_or(SealError::Encrypt)?,
            )
            .map_err(|_| SealError::Encrypt)?;
        sealed.extend_from_slice(tag.as_ref());
        Ok(format!(
            "{SEALED_PREFIX_V1}{}",
            URL_SAFE_NO_PAD.encode(sealed.as_slice())
        ))
    }

    /// Opens a sealed secret of an account; fails unless this key sealed it for this account
    /// and it is unaltered.
    pub fn open(&self, account_id: &str, sealed: &str) -> Result<Secret, SealError> {
        let plain = self.open_bytes(account_id.as_bytes(), sealed)?;
        Ok(Secret::from_bytes(plain.to_vec()))
    }

    fn open_bytes(&self, aad: &[u8], sealed: &str) -> Result<Zeroizing<Vec<u8>>, SealError> {
        let encoded = sealed
            .strip_prefix(SEALED_PREFIX_V1)
            .ok_or(SealError::UnknownFormat)?;
        let mut bytes = Zeroizing::new(
            URL_SAFE_NO_PAD
                .decode(encoded)
                .map_err(|_| SealError::Malformed)?,
        );
        if bytes.len() < NONCE_LEN + AES_256_GCM.tag_len() {
            return Err(SealError::Malformed);
        }
        let mut nonce = [0u8; NONCE_LEN];
        nonce.copy_from_slice(bytes.get(..NONCE_LEN).ok_or(SealError::Malformed)?);
        let plain = self
            .key
            .open_in_place(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(aad),
                bytes.get_mut(NONCE_LEN..).ok_or(SealError::Malformed)?,
            )
            .map_err(|_| SealError::Unauthentic)?;
        Ok(Zeroizing::new(plain.to_vec()))
    }
}

fn document_aad(account_id: &str, document_id: &str) -> String {
    format!("document:{account_id}:{document_id}")
}

fn decode_key_text(text: &str) -> Result<Sensitive<Vec<u8>>, SecretKeyError> {
    if text.len() == 2 * SECRET_KEY_LEN && text.bytes().all(|b| b.is_ascii_hexdigit()) {
        let bytes = (0..SECRET_KEY_LEN)
            .map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16))
            .collect::<Result<Vec<u8>, _>>()
            .map_err(|_| SecretKeyError::Malformed)?;
        return Ok(Sensitive::new(bytes));
    }
    for engine in [&STANDARD, &STANDARD_NO_PAD, &URL_SAFE, &URL_SAFE_NO_PAD] {
        if let Ok(bytes) = engine.decode(text) {
            let bytes = Sensitive::new(bytes);
            if bytes.expose().len() != SECRET_KEY_LEN {
                return Err(SecretKeyError::WrongLength(bytes.expose().len()));
            }
            return Ok(bytes);
        }
    }
    Err(SecretKeyError::Malformed)
}

#[cfg(test)]
#[path = "sealed_secret_tests.rs"]
mod tests;
