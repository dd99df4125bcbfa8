//! andOTP backups built from andOTP's description: plain, encrypted (current and old form).

use serde_json::{Value, json};
use vigil_core::import::{Format, ImportError};
use vigil_core::{Algorithm, OtpParams};

use crate::common::*;

fn entries() -> Value {
    json!([
        {"secret": SECRET, "issuer": "Shop", "label": "alice", "digits": 6, "type": "TOTP",
         "algorithm": "SHA1", "thumbnail": "Default", "last_used": 0, "used_frequency": 0,
         "period": 30, "tags": ["Work", "Daily"]},
        {"secret": SECRET_2, "issuer": "Bank", "label": "bob", "digits": 7, "type": "HOTP",
         "algorithm": "SHA512", "counter": 9, "tags": []},
        {"secret": SECRET, "issuer": "Steam", "label": "gaben", "digits": 5, "type": "STEAM",
         "algorithm": "SHA1", "period": 30, "tags": []},
        {"secret": "abcdef", "issuer": "Old", "label": "m", "digits": 6, "type": "MOTP",
         "algorithm": "MD5", "period": 10, "pin": "1234", "tags": []}
    ])
}

fn check_entries(imported: &vigil_core::import::Imported) {
    let a = &imported.accounts;
    assert_eq!(a.len(), 3, "{imported:?}");
    check(
        &a[0],
        "Shop",
        "alice",
        SECRET,
        OtpParams::totp(),
        &["Work", "Daily"],
    );
    let hotp = OtpParams {
        algorithm: Algorithm::Sha512,
        digits: 7,
        ..OtpParams::hotp(9)
    };
    check(&a[1], "Bank", "bob", SECRET_2, hotp, &[]);
    check(&a[2], "Steam", "gaben", SECRET, OtpParams::steam(), &[]);
    assert_eq!(imported.problems.len(), 1);
    assert!(imported.problems[0].reason.contains("mOTP"));
}

/// The current encrypted form: iterations (4 bytes BE), salt (12), nonce (12), ciphertext, tag.
fn encrypted(pass: &str, iterations: u32) -> Vec<u8> {
    let salt = [5u8; 12];
    let nonce = [6u8; 12];
    let key = pbkdf2_sha1(pass, &salt, iterations);
    let sealed = gcm_seal(&key, &nonce, &serde_json::to_vec(&entries()).unwrap());
    [&iterations.to_be_bytes()[..], &salt, &nonce, &sealed].concat()
}

/// The old encrypted form: key = SHA-256(password); nonce, ciphertext, tag.
fn encrypted_old(pass: &str) -> Vec<u8> {
    use sha2::Digest;
    let key: [u8; 32] = sha2::Sha256::digest(pass.as_bytes()).into();
    let nonce = [8u8; 12];
    let sealed = gcm_seal(&key, &nonce, &serde_json::to_vec(&entries()).unwrap());
    [&nonce[..], &sealed].concat()
}

#[test]
fn plain_backup() {
    let bytes = serde_json::to_vec(&entries()).unwrap();
    check_entries(&import_detected(&bytes, None, Format::AndOtp));
}

#[test]
fn encrypted_backup_is_detected_by_its_iteration_count() {
    let bytes = encrypted("secret pw", 150_000);
    assert!(vigil_core::import::needs_password(&bytes, None).unwrap());
    check_entries(&import_detected(&bytes, Some("secret pw"), Format::AndOtp));
    assert_eq!(
        import_error(&bytes, None, None),
        ImportError::PasswordRequired
    );
    let wrong = import_error(&bytes, Some("nope"), None);
    assert_eq!(wrong, ImportError::WrongPassword { format: "andotp" });
    assert_eq!(
        wrong.to_string(),
        "wrong password, or not an intact andotp file"
    );
    let mut tampered = bytes.clone();
    let last = tampered.len() - 20;
    tampered[last] ^= 1;
    assert_eq!(
        import_error(&tampered, Some("secret pw"), None),
        ImportError::WrongPassword { format: "andotp" }
    );
    assert_eq!(
        import_error(&bytes[..30], Some("secret pw"), Some(Format::AndOtp)),
        ImportError::WrongPassword { format: "andotp" }
    );
    check_too_large(Format::AndOtp);
}

#[test]
fn encrypted_backup_outside_the_heuristic_needs_the_format_forced() {
    let bytes = encrypted("pw", 1_000);
    assert_eq!(vigil_core::import::detect(&bytes), None);
    let pass = password("pw");
    let imported = vigil_core::import::import(&bytes, Some(&pass), Some(Format::AndOtp)).unwrap();
    check_entries(&imported);
}

#[test]
fn old_encrypted_form_when_forced() {
    let bytes = encrypted_old("old pw");
    let pass = password("old pw");
    let imported = vigil_core::import::import(&bytes, Some(&pass), Some(Format::AndOtp)).unwrap();
    check_entries(&imported);
    assert_eq!(
        import_error(&bytes, Some("other"), Some(Format::AndOtp)),
        ImportError::WrongPassword { format: "andotp" }
    );
}

#[test]
fn random_bytes_forced_as_andotp_give_no_accounts() {
    let garbage: Vec<u8> = (0..200u32).map(|i| (i * 37 % 251) as u8 | 0x80).collect();
    assert_eq!(
        import_error(&garbage, Some("pw"), Some(Format::AndOtp)),
        ImportError::WrongPassword { format: "andotp" }
    );
}
