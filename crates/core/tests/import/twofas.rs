//! 2FAS backups built from the 2FAS backup description: schema 4, plain and encrypted.

use serde_json::{Value, json};
use vigil_core::import::{Format, ImportError};
use vigil_core::{Algorithm, OtpParams};

use crate::common::*;

fn services() -> Value {
    json!([
        {"name": "Shop", "secret": SECRET, "updatedAt": 1700000000000u64,
         "otp": {"account": "alice", "issuer": "Shop", "digits": 6, "period": 30,
                 "algorithm": "SHA1", "tokenType": "TOTP", "source": "Manual"},
         "order": {"position": 0}, "groupId": "g-1"},
        {"name": "Bank", "secret": SECRET_2,
         "otp": {"label": "bob", "digits": 8, "algorithm": "SHA256", "tokenType": "HOTP", "counter": 3},
         "order": {"position": 1}},
        {"name": "Steam", "secret": SECRET,
         "otp": {"account": "gaben", "tokenType": "STEAM", "digits": 5, "period": 30, "algorithm": "SHA1"}},
        {"name": "Weird", "secret": SECRET, "otp": {"account": "w", "tokenType": "MOTP"}}
    ])
}

fn backup(services_field: (&str, Value)) -> Vec<u8> {
    let mut value = json!({
        "groups": [{"id": "g-1", "name": "Personal", "isExpanded": true}],
        "updatedAt": 1700000000000u64,
        "schemaVersion": 4,
        "appVersionCode": 5000000,
        "appVersionName": "5.0.0",
        "appOrigin": "android",
    });
    value[services_field.0] = services_field.1;
    if services_field.0 == "servicesEncrypted" {
        value["services"] = json!([]);
    }
    serde_json::to_vec(&value).unwrap()
}

fn encrypted(pass: &str) -> Vec<u8> {
    let salt = [3u8; 256];
    let iv = [4u8; 12];
    let key = pbkdf2_sha256(pass, &salt, 10_000);
    let sealed = gcm_seal(&key, &iv, &serde_json::to_vec(&services()).unwrap());
    backup((
        "servicesEncrypted",
        json!(format!("{}:{}:{}", b64(&sealed), b64(&salt), b64(&iv))),
    ))
}

fn check_services(imported: &vigil_core::import::Imported) {
    let a = &imported.accounts;
    assert_eq!(a.len(), 3, "{imported:?}");
    check(
        &a[0],
        "Shop",
        "alice",
        SECRET,
        OtpParams::totp(),
        &["Personal"],
    );
    let hotp = OtpParams {
        algorithm: Algorithm::Sha256,
        digits: 8,
        ..OtpParams::hotp(3)
    };
    // No otp.issuer: the service's name is the issuer; schema 1's `label` is the account.
    check(&a[1], "Bank", "bob", SECRET_2, hotp, &[]);
    check(&a[2], "Steam", "gaben", SECRET, OtpParams::steam(), &[]);
    assert_eq!(imported.problems.len(), 1);
    assert_eq!(imported.problems[0].name, "Weird (w)");
}

#[test]
fn plain_backup() {
    check_services(&import_detected(
        &backup(("services", services())),
        None,
        Format::TwoFas,
    ));
}

#[test]
fn encrypted_backup() {
    let bytes = encrypted("pass phrase");
    assert!(vigil_core::import::needs_password(&bytes, None).unwrap());
    check_services(&import_detected(
        &bytes,
        Some("pass phrase"),
        Format::TwoFas,
    ));
    assert_eq!(
        import_error(&bytes, None, None),
        ImportError::PasswordRequired
    );
    assert_eq!(
        import_error(&bytes, Some("nope"), None),
        ImportError::WrongPassword { format: "2fas" }
    );
    // Tampered ciphertext: the tag fails.
    let mut value: Value = serde_json::from_slice(&bytes).unwrap();
    let sealed = value["servicesEncrypted"].as_str().unwrap().to_owned();
    let flipped = format!(
        "{}{}",
        if sealed.starts_with('A') { "B" } else { "A" },
        &sealed[1..]
    );
    value["servicesEncrypted"] = json!(flipped);
    let error = import_error(
        &serde_json::to_vec(&value).unwrap(),
        Some("pass phrase"),
        None,
    );
    assert_eq!(error, ImportError::WrongPassword { format: "2fas" });
    // Truncated: the salt and IV are gone.
    value["servicesEncrypted"] = json!(sealed.split(':').next().unwrap());
    let error = import_error(
        &serde_json::to_vec(&value).unwrap(),
        Some("pass phrase"),
        None,
    );
    assert!(
        error
            .to_string()
            .contains("servicesEncrypted has no base64 salt"),
        "{error}"
    );
    check_too_large(Format::TwoFas);
}

#[test]
fn unknown_schema_is_refused() {
    let mut value: Value = serde_json::from_slice(&backup(("services", services()))).unwrap();
    value["schemaVersion"] = json!(9);
    assert_eq!(
        import_error(&serde_json::to_vec(&value).unwrap(), None, None),
        ImportError::UnsupportedVersion {
            format: "2fas",
            version: "9".into()
        }
    );
}
