//! Ente Auth exports built from the auth app's description: plain text with `codeDisplay`.

use vigil_core::import::{Format, ImportError};
use vigil_core::{Algorithm, OtpParams};

use crate::common::*;

fn code_display(json: &str) -> String {
    percent_encoding::utf8_percent_encode(json, percent_encoding::NON_ALPHANUMERIC).to_string()
}

#[test]
fn plain_export_with_tags_and_trash() {
    let text = format!(
        "otpauth://totp/Shop:alice?secret={SECRET}&issuer=Shop&algorithm=SHA1&digits=6&period=30&codeDisplay={}\n\
         otpauth://hotp/Bank:bob?secret={SECRET_2}&issuer=Bank&algorithm=SHA256&digits=8&counter=4&codeDisplay={}\n\
         otpauth://totp/Gone:carol?secret={SECRET}&issuer=Gone&codeDisplay={}\n\
         otpauth://steam/Steam:gaben?secret={SECRET}&issuer=Steam\n\
         otpauth://totp/Broken:dave?secret=1111&issuer=Broken&codeDisplay={}\n",
        code_display(
            r#"{"pinned":true,"trashed":false,"lastUsedAt":0,"tapCount":0,"tags":["Work","Money"]}"#
        ),
        code_display(r#"{"pinned":false,"trashed":false,"tags":[]}"#),
        code_display(r#"{"pinned":false,"trashed":true,"tags":["Work"]}"#),
        code_display(r#"{"trashed":false}"#),
    );
    let imported = import_detected(text.as_bytes(), None, Format::Ente);
    let a = &imported.accounts;
    assert_eq!(a.len(), 3, "{imported:?}");
    check(
        &a[0],
        "Shop",
        "alice",
        SECRET,
        OtpParams::totp(),
        &["Work", "Money"],
    );
    assert!(a[0].uri.extra.is_empty(), "codeDisplay is not kept");
    let hotp = OtpParams {
        algorithm: Algorithm::Sha256,
        digits: 8,
        ..OtpParams::hotp(4)
    };
    check(&a[1], "Bank", "bob", SECRET_2, hotp, &[]);
    // The trashed entry is left out silently.
    check(&a[2], "Steam", "gaben", SECRET, OtpParams::steam(), &[]);
    assert_eq!(imported.problems.len(), 1);
    assert_eq!(imported.problems[0].name, "line 5");
    check_too_large(Format::Ente);
}

#[test]
fn encrypted_export_is_recognised_and_refused_with_advice() {
    let bytes = br#"{"version":1,"kdfParams":{"memLimit":67108864,"opsLimit":2,"salt":"c2FsdHNhbHRzYWx0c2FsdA=="},"encryptedData":"AAAA","encryptionNonce":"BBBB"}"#;
    assert_eq!(
        vigil_core::import::detect(bytes),
        Some(Format::EnteEncrypted)
    );
    let error = import_error(bytes, Some("pw"), None);
    assert!(
        matches!(error, ImportError::UnsupportedEncryption { .. }),
        "{error}"
    );
    assert!(error.to_string().contains("plain text"), "{error}");
}
