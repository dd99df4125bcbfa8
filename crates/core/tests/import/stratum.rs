//! Stratum (Authenticator Pro) backups built from its description: plain JSON, encrypted
//! (Argon2id + AES-GCM) and legacy encrypted (PBKDF2-SHA1 + AES-CBC).

use serde_json::{Value, json};
use vigil_core::import::{Format, ImportError};
use vigil_core::{Algorithm, OtpParams};

use crate::common::*;

fn backup() -> Value {
    json!({
        "Authenticators": [
            {"Type": 2, "Icon": "shop", "Issuer": "Shop", "Username": "alice", "Secret": SECRET,
             "Pin": null, "Algorithm": 1, "Digits": 8, "Period": 60, "Counter": 0, "Ranking": 0},
            {"Type": 1, "Issuer": "Bank", "Username": "bob", "Secret": SECRET_2, "Algorithm": 0,
             "Digits": 6, "Period": 30, "Counter": 11},
            {"Type": 4, "Issuer": "Steam", "Username": "gaben", "Secret": SECRET, "Algorithm": 0,
             "Digits": 5, "Period": 30, "Counter": 0},
            {"Type": 3, "Issuer": "Old", "Username": "m", "Secret": "abcdef", "Pin": "1234",
             "Algorithm": 0, "Digits": 6, "Period": 10}
        ],
        "Categories": [{"Id": "c1", "Name": "Work", "Ranking": 0}, {"Id": "c2", "Name": "Games", "Ranking": 1}],
        "AuthenticatorCategories": [
            {"CategoryId": "c1", "AuthenticatorSecret": SECRET_2, "Ranking": 0},
            {"CategoryId": "c2", "AuthenticatorSecret": SECRET, "Ranking": 0}
        ],
        "CustomIcons": [],
        "IconPacks": []
    })
}

fn check_backup(imported: &vigil_core::import::Imported) {
    let a = &imported.accounts;
    assert_eq!(a.len(), 3, "{imported:?}");
    let sha256 = OtpParams {
        algorithm: Algorithm::Sha256,
        digits: 8,
        period: 60,
        ..OtpParams::totp()
    };
    check(&a[0], "Shop", "alice", SECRET, sha256, &["Games"]);
    check(
        &a[1],
        "Bank",
        "bob",
        SECRET_2,
        OtpParams::hotp(11),
        &["Work"],
    );
    check(
        &a[2],
        "Steam",
        "gaben",
        SECRET,
        OtpParams::steam(),
        &["Games"],
    );
    assert_eq!(imported.problems.len(), 1);
    assert!(imported.problems[0].reason.contains("mOTP"));
}

fn encrypted(pass: &str) -> Vec<u8> {
    let salt = [1u8; 16];
    let iv = [2u8; 12];
    let params = argon2::Params::new(64 * 1024, 3, 4, Some(32)).unwrap();
    let mut key = [0u8; 32];
    argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
        .hash_password_into(pass.as_bytes(), &salt, &mut key)
        .unwrap();
    let sealed = gcm_seal(&key, &iv, &serde_json::to_vec(&backup()).unwrap());
    [&b"AUTHENTICATORPRO"[..], &salt, &iv, &sealed].concat()
}

fn encrypted_legacy(pass: &str) -> Vec<u8> {
    use cbc::cipher::{BlockEncryptMut, KeyIvInit, block_padding::Pkcs7};
    let salt = [3u8; 20];
    let iv = [4u8; 16];
    let key = pbkdf2_sha1(pass, &salt, 64_000);
    let ciphertext = cbc::Encryptor::<aes::Aes256>::new(&key.into(), &iv.into())
        .encrypt_padded_vec_mut::<Pkcs7>(&serde_json::to_vec(&backup()).unwrap());
    [&b"AuthenticatorPro"[..], &salt, &iv, &ciphertext].concat()
}

#[test]
fn plain_backup() {
    let bytes = serde_json::to_vec(&backup()).unwrap();
    check_backup(&import_detected(&bytes, None, Format::Stratum));
}

#[test]
fn encrypted_backup() {
    let bytes = encrypted("stratum pw");
    assert!(vigil_core::import::needs_password(&bytes, None).unwrap());
    check_backup(&import_detected(
        &bytes,
        Some("stratum pw"),
        Format::Stratum,
    ));
    assert_eq!(
        import_error(&bytes, None, None),
        ImportError::PasswordRequired
    );
    assert_eq!(
        import_error(&bytes, Some("nope"), None),
        ImportError::WrongPassword { format: "stratum" }
    );
    let mut tampered = bytes.clone();
    let last = tampered.len() - 1;
    tampered[last] ^= 0x40;
    assert_eq!(
        import_error(&tampered, Some("stratum pw"), None),
        ImportError::WrongPassword { format: "stratum" }
    );
    let error = import_error(&bytes[..30], Some("stratum pw"), None);
    assert!(
        error.to_string().contains("shorter than its header"),
        "{error}"
    );
    check_too_large(Format::Stratum);
}

#[test]
fn legacy_encrypted_backup() {
    let bytes = encrypted_legacy("legacy pw");
    check_backup(&import_detected(&bytes, Some("legacy pw"), Format::Stratum));
    // A wrong key almost always gives bad padding; when the padding happens to pass, the
    // plaintext is not a backup. Either way: no accounts.
    let error = import_error(&bytes, Some("nope"), None);
    assert!(
        matches!(
            error,
            ImportError::WrongPassword { .. } | ImportError::Corrupt { .. }
        ),
        "{error}"
    );
    let mut cut = bytes.clone();
    cut.truncate(bytes.len() - 5);
    let error = import_error(&cut, Some("legacy pw"), None);
    assert!(
        error.to_string().contains("whole number of AES blocks"),
        "{error}"
    );
}
