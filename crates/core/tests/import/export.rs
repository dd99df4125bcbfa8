//! The encrypted Aegis export: read back by Vigil's importer, and by an independent decryptor in
//! Python (Debian's python3-cryptography).

use serde_json::Value;
use vigil_core::export::aegis::{ScryptParams, write_encrypted};
use vigil_core::import::{Format, ImportError, ImportedAccount, import};
use vigil_core::{Algorithm, OtpParams, OtpUri, Secret};

use crate::common::*;

/// Quick scrypt for tests; the importer takes N from the vault.
const QUICK: ScryptParams = ScryptParams {
    log_n: 10,
    r: 8,
    p: 1,
};

pub fn accounts() -> Vec<ImportedAccount> {
    let secret = |s: &str| Secret::from_base32(s).unwrap();
    let account =
        |issuer: &str, label: &str, s: &str, params: OtpParams, groups: &[&str]| ImportedAccount {
            uri: OtpUri::new(issuer, label, secret(s), params),
            groups: groups.iter().map(|g| (*g).to_owned()).collect(),
        };
    vec![
        account(
            "Shop",
            "alice@example.com",
            SECRET,
            OtpParams::totp(),
            &["Work", "Shopping"],
        ),
        account(
            "Bank",
            "bob",
            SECRET_2,
            OtpParams {
                algorithm: Algorithm::Sha512,
                digits: 8,
                ..OtpParams::hotp(42)
            },
            &["Work"],
        ),
        account("Steam", "gaben", SECRET, OtpParams::steam(), &[]),
        account(
            "Ünïcode: \"quoted\"",
            "x:y@z",
            SECRET_2,
            OtpParams {
                algorithm: Algorithm::Sha256,
                period: 60,
                ..OtpParams::totp()
            },
            &["Shopping"],
        ),
    ]
}

fn vault(pass: &str) -> String {
    write_encrypted(&accounts(), &password(pass), &mut rand_core::OsRng, QUICK).unwrap()
}

#[test]
fn round_trip_through_the_importer() {
    let text = vault("backup pw");
    assert!(!text.contains(SECRET) && !text.contains(SECRET_2));
    let imported = import_detected(text.as_bytes(), Some("backup pw"), Format::Aegis);
    assert_eq!(imported.accounts, accounts());
    assert!(imported.problems.is_empty());
    assert_eq!(
        import_error(text.as_bytes(), Some("other"), None),
        ImportError::WrongPassword { format: "aegis" }
    );
    let pass = password("backup pw");
    let vigil = import(text.as_bytes(), Some(&pass), Format::from_name("vigil")).unwrap();
    assert_eq!(vigil.accounts, accounts());
}

#[test]
fn aegis_defaults_and_fresh_randomness() {
    assert_eq!(
        ScryptParams::default(),
        ScryptParams {
            log_n: 15,
            r: 8,
            p: 1
        }
    );
    let (a, b) = (vault("pw"), vault("pw"));
    let (a, b): (Value, Value) = (
        serde_json::from_str(&a).unwrap(),
        serde_json::from_str(&b).unwrap(),
    );
    assert_ne!(
        a["header"]["slots"][0]["salt"],
        b["header"]["slots"][0]["salt"]
    );
    assert_ne!(
        a["header"]["params"]["nonce"],
        b["header"]["params"]["nonce"]
    );
    assert_eq!(a["version"], 1);
    let slot = &a["header"]["slots"][0];
    assert_eq!(
        (slot["type"].as_u64(), slot["n"].as_u64()),
        (Some(1), Some(1024))
    );
    let bad = ScryptParams {
        log_n: 0,
        r: 8,
        p: 1,
    };
    assert!(write_encrypted(&accounts(), &password("pw"), &mut rand_core::OsRng, bad).is_err());
}

/// An independent decryption: Python's `cryptography` (scrypt + AESGCM) opens Vigil's vault and
/// finds the same secrets, kinds and groups.
#[test]
fn python_cryptography_decrypts_the_vault() {
    let dir = std::env::temp_dir().join(format!("vigil-import-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("vault.json");
    std::fs::write(&path, vault("py pw ü")).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/import/aegis_decrypt.py");
    let output = std::process::Command::new("python3")
        .arg(script)
        .arg(&path)
        .arg("py pw ü")
        .output()
        .expect("python3 runs (scripts/setup-system installs python3-cryptography)");
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let content: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(content["version"], 3);
    let entries = content["entries"].as_array().unwrap();
    let expected = accounts();
    assert_eq!(entries.len(), expected.len());
    let groups = content["groups"].as_array().unwrap();
    for (entry, account) in entries.iter().zip(&expected) {
        assert_eq!(
            entry["info"]["secret"],
            *account.uri.secret.to_base32().expose()
        );
        assert_eq!(entry["type"], account.uri.params.kind.as_str());
        assert_eq!(entry["issuer"], account.uri.issuer);
        assert_eq!(entry["name"], account.uri.label);
        let names: Vec<&str> = entry["groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|id| {
                groups.iter().find(|g| g["uuid"] == *id).unwrap()["name"]
                    .as_str()
                    .unwrap()
            })
            .collect();
        assert_eq!(names, account.groups);
    }
}
