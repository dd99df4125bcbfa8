//! Aegis vaults built from `docs/vault.md`: plain, encrypted, and every way one can be wrong.

use serde_json::{Value, json};
use vigil_core::import::{Format, ImportError, import};
use vigil_core::{Algorithm, OtpParams};

use crate::common::*;

/// Content version 3: groups by uuid, plus a version-1 style `group`, and kinds Vigil refuses.
pub fn content() -> Value {
    json!({
        "version": 3,
        "entries": [
            {"type": "totp", "uuid": "0b1c3e4a-0000-4000-8000-000000000001", "name": "alice@example.com",
             "issuer": "Shop", "note": "", "favorite": false, "icon": null,
             "info": {"secret": SECRET, "algo": "SHA256", "digits": 8, "period": 60},
             "groups": ["5e0f0000-0000-4000-8000-00000000000a", "5e0f0000-0000-4000-8000-00000000000b"]},
            {"type": "hotp", "uuid": "0b1c3e4a-0000-4000-8000-000000000002", "name": "bob",
             "issuer": "Bank", "icon": null,
             "info": {"secret": SECRET_2, "algo": "SHA1", "digits": 6, "counter": 5}, "groups": []},
            {"type": "steam", "uuid": "0b1c3e4a-0000-4000-8000-000000000003", "name": "gaben",
             "issuer": "Steam", "icon": null,
             "info": {"secret": SECRET, "algo": "SHA1", "digits": 5, "period": 30}},
            {"type": "motp", "uuid": "0b1c3e4a-0000-4000-8000-000000000004", "name": "m",
             "issuer": "Old", "info": {"secret": SECRET, "algo": "MD5", "digits": 6, "period": 10, "pin": "1234"}},
            {"type": "yandex", "uuid": "0b1c3e4a-0000-4000-8000-000000000005", "name": "y",
             "issuer": "Yandex", "info": {"secret": SECRET, "algo": "SHA256", "digits": 8, "period": 30, "pin": "5678"}},
            {"type": "totp", "uuid": "0b1c3e4a-0000-4000-8000-000000000006", "name": "carol",
             "issuer": "Legacy", "group": "Old group",
             "info": {"secret": SECRET_2, "algo": "SHA512", "digits": 6, "period": 30}},
            {"type": "totp", "uuid": "0b1c3e4a-0000-4000-8000-000000000007", "name": "dave",
             "issuer": "Broken", "info": {"secret": "not base32!", "algo": "SHA1", "digits": 6, "period": 30}}
        ],
        "groups": [
            {"uuid": "5e0f0000-0000-4000-8000-00000000000a", "name": "Work"},
            {"uuid": "5e0f0000-0000-4000-8000-00000000000b", "name": "Shopping"}
        ]
    })
}

pub fn plain_vault() -> Vec<u8> {
    serde_json::to_vec(&json!({
        "version": 1,
        "header": {"slots": null, "params": null},
        "db": content(),
    }))
    .unwrap()
}

/// An encrypted vault as `docs/vault.md` describes it (scrypt N = 2^10 to keep the test quick;
/// the importer takes N from the slot).
pub fn encrypted_vault(pass: &str, content: &Value) -> Value {
    let master_key = [7u8; 32];
    let salt = [9u8; 32];
    let params = scrypt::Params::new(10, 8, 1, 32).unwrap();
    let mut slot_key = [0u8; 32];
    scrypt::scrypt(pass.as_bytes(), &salt, &params, &mut slot_key).unwrap();
    let wrapped = gcm_seal(&slot_key, &[1; 12], &master_key);
    let db = gcm_seal(&master_key, &[2; 12], &serde_json::to_vec(content).unwrap());
    let (key, key_tag) = wrapped.split_at(32);
    let (ciphertext, tag) = db.split_at(db.len() - 16);
    json!({
        "version": 1,
        "header": {
            "slots": [
                {"type": 2, "uuid": "11111111-0000-4000-8000-000000000000", "key": hex::encode([0u8; 32]),
                 "key_params": {"nonce": hex::encode([0u8; 12]), "tag": hex::encode([0u8; 16])}},
                {"type": 1, "uuid": "22222222-0000-4000-8000-000000000000", "key": hex::encode(key),
                 "key_params": {"nonce": hex::encode([1u8; 12]), "tag": hex::encode(key_tag)},
                 "n": 1024, "r": 8, "p": 1, "salt": hex::encode(salt), "repaired": true}
            ],
            "params": {"nonce": hex::encode([2u8; 12]), "tag": hex::encode(tag)}
        },
        "db": b64(ciphertext),
    })
}

fn check_content(imported: &vigil_core::import::Imported) {
    let a = &imported.accounts;
    assert_eq!(a.len(), 4, "{imported:?}");
    let sha256_8_60 = OtpParams {
        algorithm: Algorithm::Sha256,
        digits: 8,
        period: 60,
        ..OtpParams::totp()
    };
    check(
        &a[0],
        "Shop",
        "alice@example.com",
        SECRET,
        sha256_8_60,
        &["Work", "Shopping"],
    );
    check(&a[1], "Bank", "bob", SECRET_2, OtpParams::hotp(5), &[]);
    check(&a[2], "Steam", "gaben", SECRET, OtpParams::steam(), &[]);
    let sha512 = OtpParams {
        algorithm: Algorithm::Sha512,
        ..OtpParams::totp()
    };
    check(&a[3], "Legacy", "carol", SECRET_2, sha512, &["Old group"]);
    let problems: Vec<(&str, &str)> = imported
        .problems
        .iter()
        .map(|p| (p.name.as_str(), p.reason.as_str()))
        .collect();
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert_eq!(
        problems[0],
        ("Old (m)", "uses mOTP, which Vigil cannot compute")
    );
    assert_eq!(
        problems[1],
        ("Yandex (y)", "uses Yandex OTP, which Vigil cannot compute")
    );
    assert_eq!(problems[2].0, "Broken (dave)");
    assert!(problems[2].1.contains("not base32"), "{}", problems[2].1);
}

#[test]
fn plain_vault_imports_with_groups_and_problems() {
    let imported = import_detected(&plain_vault(), None, Format::Aegis);
    check_content(&imported);
    assert!(!vigil_core::import::needs_password(&plain_vault(), None).unwrap());
}

#[test]
fn encrypted_vault_imports_with_the_right_password() {
    let vault = serde_json::to_vec(&encrypted_vault("correct horse", &content())).unwrap();
    assert!(vigil_core::import::needs_password(&vault, None).unwrap());
    let imported = import_detected(&vault, Some("correct horse"), Format::Aegis);
    check_content(&imported);
    // `vigil` is an alias: Vigil's encrypted backup is an Aegis vault.
    assert_eq!(Format::from_name("vigil"), Some(Format::Aegis));
}

#[test]
fn encrypted_vault_errors() {
    let vault = encrypted_vault("correct horse", &content());
    let bytes = serde_json::to_vec(&vault).unwrap();
    assert_eq!(
        import_error(&bytes, None, None),
        ImportError::PasswordRequired
    );
    assert_eq!(
        import_error(&bytes, Some("wrong"), None),
        ImportError::WrongPassword { format: "aegis" }
    );
    assert_eq!(
        import_error(&bytes, None, None).to_string(),
        "the file is encrypted; give its password"
    );

    // Tampered content: the slot opens, the content's tag fails.
    let mut tampered = vault.clone();
    let mut db = tampered["db"].as_str().unwrap().to_owned();
    db.replace_range(
        0..4,
        if db.starts_with("AAAA") {
            "BBBB"
        } else {
            "AAAA"
        },
    );
    tampered["db"] = json!(db);
    let error = import_error(
        &serde_json::to_vec(&tampered).unwrap(),
        Some("correct horse"),
        None,
    );
    assert!(matches!(error, ImportError::Corrupt { .. }), "{error}");
    assert!(error.to_string().contains("integrity check"), "{error}");

    // The content cut short (a truncated base64 string).
    let mut cut = vault.clone();
    let db = vault["db"].as_str().unwrap();
    cut["db"] = json!(&db[..db.len() / 2]);
    let error = import_error(
        &serde_json::to_vec(&cut).unwrap(),
        Some("correct horse"),
        None,
    );
    assert!(matches!(error, ImportError::Corrupt { .. }), "{error}");

    // The file cut short.
    let error = import_error(
        &bytes[..bytes.len() / 2],
        Some("correct horse"),
        Some(Format::Aegis),
    );
    assert!(
        error
            .to_string()
            .starts_with("the aegis file is damaged: the JSON is cut short"),
        "{error}"
    );
    assert_eq!(
        import_error(&bytes[..bytes.len() / 2], Some("correct horse"), None),
        ImportError::UnknownFormat
    );

    // No password slot.
    let mut no_slot = vault.clone();
    no_slot["header"]["slots"] = json!([vault["header"]["slots"][0]]);
    let error = import_error(
        &serde_json::to_vec(&no_slot).unwrap(),
        Some("correct horse"),
        None,
    );
    assert_eq!(
        error.to_string(),
        "the aegis file is damaged: the vault's header has no password slot"
    );

    // scrypt parameters that would take gigabytes are refused before deriving.
    let mut costly = vault.clone();
    costly["header"]["slots"][1]["n"] = json!(1u64 << 30);
    let error = import_error(
        &serde_json::to_vec(&costly).unwrap(),
        Some("correct horse"),
        None,
    );
    assert!(error.to_string().contains("scrypt parameters"), "{error}");

    // A future version.
    let mut future = vault.clone();
    future["version"] = json!(2);
    assert_eq!(
        import_error(
            &serde_json::to_vec(&future).unwrap(),
            Some("correct horse"),
            None
        ),
        ImportError::UnsupportedVersion {
            format: "aegis",
            version: "2".into()
        }
    );
    let mut future_db = content();
    future_db["version"] = json!(4);
    let error = import_error(
        &serde_json::to_vec(&encrypted_vault("p", &future_db)).unwrap(),
        Some("p"),
        None,
    );
    assert!(
        matches!(error, ImportError::UnsupportedVersion { .. }),
        "{error}"
    );
    check_too_large(Format::Aegis);
}

#[test]
fn debug_never_shows_a_secret() {
    let imported = import(&plain_vault(), None, None).unwrap();
    let debug = format!("{imported:?} {:?}", imported.accounts[0]);
    assert!(
        !debug.contains(SECRET) && !debug.contains(SECRET_2),
        "{debug}"
    );
    assert!(debug.contains("Secret([redacted])"));
}
