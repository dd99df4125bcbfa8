//! FreeOTP+ backups built from its description: `tokens[]` with signed-byte secrets.

use serde_json::json;
use vigil_core::import::Format;
use vigil_core::{Algorithm, OtpParams, Secret};

use crate::common::*;

fn signed(secret: &str) -> Vec<i64> {
    Secret::from_base32(secret)
        .unwrap()
        .as_bytes()
        .iter()
        .map(|b| i64::from(*b as i8))
        .collect()
}

#[test]
fn tokens_import() {
    let bytes = serde_json::to_vec(&json!({
        "tokenOrder": ["Shop:alice", "Bank:bob", "x"],
        "tokens": [
            {"algo": "SHA1", "counter": 0, "digits": 6, "issuerExt": "Shop", "issuerInt": "Shop",
             "label": "alice", "period": 30, "secret": signed(SECRET), "type": "TOTP"},
            {"algo": "SHA512", "counter": 12, "digits": 8, "issuerExt": "Bank",
             "label": "bob", "period": 30, "secret": signed(SECRET_2), "type": "HOTP"},
            {"algo": "SHA1", "digits": 6, "issuerExt": "X", "label": "x", "period": 30,
             "secret": [1, 2, 300], "type": "TOTP"}
        ]
    }))
    .unwrap();
    // The fixture's secret has bytes over 127, which FreeOTP+ writes negative.
    assert!(signed(SECRET).iter().any(|b| *b < 0));
    let imported = import_detected(&bytes, None, Format::FreeOtpPlus);
    let a = &imported.accounts;
    assert_eq!(a.len(), 2, "{imported:?}");
    check(&a[0], "Shop", "alice", SECRET, OtpParams::totp(), &[]);
    let hotp = OtpParams {
        algorithm: Algorithm::Sha512,
        digits: 8,
        ..OtpParams::hotp(12)
    };
    check(&a[1], "Bank", "bob", SECRET_2, hotp, &[]);
    assert_eq!(imported.problems.len(), 1);
    assert_eq!(
        imported.problems[0].reason,
        "its secret is not a list of bytes"
    );
    check_too_large(Format::FreeOtpPlus);
}
