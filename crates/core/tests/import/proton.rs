//! Proton Authenticator exports built from its description: `entries[].content.uri`.

use serde_json::json;
use vigil_core::OtpParams;
use vigil_core::import::Format;

use crate::common::*;

#[test]
fn entries_import() {
    let bytes = serde_json::to_vec(&json!({
        "version": 1,
        "entries": [
            {"id": "e-1", "content": {"uri": format!("otpauth://totp/Shop:alice?secret={SECRET}&issuer=Shop&algorithm=SHA1&digits=6&period=30"),
             "entry_type": "Totp", "name": "Shop"}, "note": null},
            {"id": "e-2", "content": {"uri": format!("steam://{SECRET}"), "entry_type": "Steam", "name": "Steam account"}, "note": "n"},
            {"id": "e-3", "content": {"uri": "otpauth://totp/X:y?secret=", "entry_type": "Totp", "name": "Bad"}, "note": null}
        ]
    }))
    .unwrap();
    let imported = import_detected(&bytes, None, Format::Proton);
    let a = &imported.accounts;
    assert_eq!(a.len(), 2, "{imported:?}");
    check(&a[0], "Shop", "alice", SECRET, OtpParams::totp(), &[]);
    check(&a[1], "", "Steam account", SECRET, OtpParams::steam(), &[]);
    assert_eq!(imported.problems.len(), 1);
    assert_eq!(imported.problems[0].name, "Bad");
    check_too_large(Format::Proton);
}
