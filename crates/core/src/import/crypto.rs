//! The decryption steps the encrypted formats share, on RustCrypto crates: AES-256-GCM, AES-256-CBC
//! with PKCS#7, PBKDF2, scrypt and Argon2id. Keys and plaintexts are zeroed when dropped.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use zeroize::Zeroizing;

/// A 256-bit key, zeroed on drop.
pub(crate) type Key = Zeroizing<[u8; 32]>;

/// GCM's tag length.
pub(crate) const TAG_LEN: usize = 16;

/// AES-256-GCM decryption of `ciphertext_and_tag` (the tag last), or `None` when the tag does not
/// check (wrong key, or changed bytes) or the nonce is not 12 bytes.
pub(crate) fn aes_gcm_open(
    key: &[u8; 32],
    nonce: &[u8],
    ciphertext_and_tag: &[u8],
) -> Option<Zeroizing<Vec<u8>>> {
    if nonce.len() != 12 || ciphertext_and_tag.len() < TAG_LEN {
        return None;
    }
    let cipher = Aes256Gcm::new(key.into());
    cipher
        .decrypt(Nonce::from_slice(nonce), ciphertext_and_tag)
        .ok()
        .map(Zeroizing::new)
}

/// AES-256-GCM encryption; the tag is appended.
pub(crate) fn aes_gcm_seal(key: &[u8; 32], nonce: &[u8; 12], plaintext: &[u8]) -> Option<Vec<u8>> {
    let cipher = Aes256Gcm::new(key.into());
    cipher.encrypt(Nonce::from_slice(nonce), plaintext).ok()
}

/// AES-256-CBC decryption with PKCS#7 padding, or `None` when the padding is wrong.
pub(crate) fn aes_cbc_open(
    key: &[u8; 32],
    iv: &[u8],
    ciphertext: &[u8],
) -> Option<Zeroizing<Vec<u8>>> {
    use cbc::cipher::{BlockDecryptMut, KeyIvInit, block_padding::Pkcs7};
    let decryptor = cbc::Decryptor::<aes::Aes256>::new_from_slices(key, iv).ok()?;
    decryptor
        .decrypt_padded_vec_mut::<Pkcs7>(ciphertext)
        .ok()
        .map(Zeroizing::new)
}

/// PBKDF2-HMAC-SHA1 to a 256-bit key.
pub(crate) fn pbkdf2_sha1(password: &[u8], salt: &[u8], iterations: u32) -> Key {
    let mut key = Zeroizing::new([0u8; 32]);
    pbkdf2::pbkdf2_hmac::<sha1::Sha1>(password, salt, iterations, key.as_mut());
    key
}

/// PBKDF2-HMAC-SHA256 to a 256-bit key.
pub(crate) fn pbkdf2_sha256(password: &[u8], salt: &[u8], iterations: u32) -> Key {
    let mut key = Zeroizing::new([0u8; 32]);
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(password, salt, iterations, key.as_mut());
    key
}

/// scrypt to a 256-bit key; `None` when the parameters are out of scrypt's range.
pub(crate) fn scrypt(password: &[u8], salt: &[u8], log_n: u8, r: u32, p: u32) -> Option<Key> {
    let params = scrypt::Params::new(log_n, r, p, 32).ok()?;
    let mut key = Zeroizing::new([0u8; 32]);
    scrypt::scrypt(password, salt, &params, key.as_mut()).ok()?;
    Some(key)
}

/// Argon2id (version 0x13) to a 256-bit key; `None` when the parameters are out of range.
pub(crate) fn argon2id(
    password: &[u8],
    salt: &[u8],
    iterations: u32,
    memory_kib: u32,
    parallelism: u32,
) -> Option<Key> {
    let params = argon2::Params::new(memory_kib, iterations, parallelism, Some(32)).ok()?;
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let mut key = Zeroizing::new([0u8; 32]);
    argon
        .hash_password_into(password, salt, key.as_mut())
        .ok()?;
    Some(key)
}

/// SHA-256 of `data` as a key (andOTP's old encrypted form).
pub(crate) fn sha256_key(data: &[u8]) -> Key {
    use sha2::Digest;
    let mut key = Zeroizing::new([0u8; 32]);
    key.copy_from_slice(&sha2::Sha256::digest(data));
    key
}
