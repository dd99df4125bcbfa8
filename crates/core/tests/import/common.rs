//! What the importer tests share: passwords, the test's own encryption, and account checks.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use vigil_core::import::{Format, ImportError, Imported, ImportedAccount, import};
use vigil_core::{OtpParams, Secret, Sensitive};

/// The secret most fixtures use, and its bytes.
pub const SECRET: &str = "JBSWY3DPEHPK3PXP";
pub const SECRET_2: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

pub fn password(text: &str) -> Sensitive<String> {
    Sensitive::new(text.to_owned())
}

/// AES-256-GCM: ciphertext with the tag appended.
pub fn gcm_seal(key: &[u8; 32], nonce: &[u8; 12], plaintext: &[u8]) -> Vec<u8> {
    Aes256Gcm::new(key.into())
        .encrypt(Nonce::from_slice(nonce), plaintext)
        .unwrap()
}

pub fn pbkdf2_sha1(password: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha1::Sha1>(password.as_bytes(), salt, iterations, &mut key);
    key
}

pub fn pbkdf2_sha256(password: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(password.as_bytes(), salt, iterations, &mut key);
    key
}

pub fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Imports with the format detected, and checks detection found `format`.
pub fn import_detected(bytes: &[u8], pass: Option<&str>, format: Format) -> Imported {
    assert_eq!(vigil_core::import::detect(bytes), Some(format), "detection");
    let pass = pass.map(password);
    import(bytes, pass.as_ref(), None).unwrap_or_else(|e| panic!("{format}: {e}"))
}

/// Imports in `format`, expecting an error.
pub fn import_error(bytes: &[u8], pass: Option<&str>, format: Option<Format>) -> ImportError {
    let pass = pass.map(password);
    match import(bytes, pass.as_ref(), format) {
        Ok(imported) => panic!("expected an error, got {imported:?}"),
        Err(e) => e,
    }
}

/// Checks one account.
pub fn check(
    account: &ImportedAccount,
    issuer: &str,
    label: &str,
    secret: &str,
    params: OtpParams,
    groups: &[&str],
) {
    assert_eq!(account.uri.issuer, issuer);
    assert_eq!(account.uri.label, label);
    assert_eq!(
        account.uri.secret,
        Secret::from_base32(secret).unwrap(),
        "secret of {issuer}"
    );
    assert_eq!(account.uri.params, params, "params of {issuer}");
    assert_eq!(account.groups, groups, "groups of {issuer}");
}

/// A file over the 16 MiB limit, as `TooLarge` must refuse before reading it.
pub fn check_too_large(format: Format) {
    let huge = vec![b' '; vigil_core::import::MAX_IMPORT_BYTES + 1];
    let pass = password("x");
    assert!(matches!(
        import(&huge, Some(&pass), Some(format)),
        Err(ImportError::TooLarge { .. })
    ));
    assert!(matches!(
        import(&huge, None, None),
        Err(ImportError::TooLarge { .. })
    ));
}
