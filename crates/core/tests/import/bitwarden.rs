//! Bitwarden exports built from the vault export description: JSON and CSV.

use serde_json::json;
use vigil_core::import::{Format, ImportError};
use vigil_core::{Algorithm, OtpParams};

use crate::common::*;

fn json_export() -> Vec<u8> {
    serde_json::to_vec(&json!({
        "encrypted": false,
        "folders": [{"id": "f-1", "name": "Work"}],
        "items": [
            {"id": "i-1", "folderId": "f-1", "type": 1, "name": "Shop", "favorite": false,
             "login": {"username": "alice", "password": "pw", "totp": SECRET, "uris": []}},
            {"id": "i-2", "folderId": null, "type": 1, "name": "Bank",
             "login": {"username": "bob", "totp": format!("otpauth://totp/Bank:bob?secret={SECRET_2}&algorithm=SHA256&digits=8")}},
            {"id": "i-3", "folderId": "f-1", "type": 1, "name": "Steam",
             "login": {"username": "gaben", "totp": format!("steam://{SECRET}")}},
            {"id": "i-4", "type": 1, "name": "Password only", "login": {"username": "x", "password": "y", "totp": null}},
            {"id": "i-5", "type": 2, "name": "A note", "secureNote": {"type": 0}},
            {"id": "i-6", "type": 1, "name": "Broken", "login": {"username": "z", "totp": "not base32!"}}
        ]
    }))
    .unwrap()
}

fn check_export(imported: &vigil_core::import::Imported) {
    let a = &imported.accounts;
    assert_eq!(a.len(), 3, "{imported:?}");
    check(&a[0], "Shop", "alice", SECRET, OtpParams::totp(), &["Work"]);
    let sha256 = OtpParams {
        algorithm: Algorithm::Sha256,
        digits: 8,
        ..OtpParams::totp()
    };
    check(&a[1], "Bank", "bob", SECRET_2, sha256, &[]);
    check(
        &a[2],
        "Steam",
        "gaben",
        SECRET,
        OtpParams::steam(),
        &["Work"],
    );
    assert_eq!(imported.problems.len(), 1, "{imported:?}");
    assert_eq!(imported.problems[0].name, "Broken (z)");
}

#[test]
fn json_export_imports_items_with_a_totp() {
    check_export(&import_detected(
        &json_export(),
        None,
        Format::BitwardenJson,
    ));
    check_too_large(Format::BitwardenJson);
}

#[test]
fn password_protected_json_is_refused_with_advice() {
    let bytes = serde_json::to_vec(&json!({
        "encrypted": true, "passwordProtected": true, "salt": "c2FsdA==", "kdfType": 0,
        "kdfIterations": 600000, "encKeyValidation_DO_NOT_EDIT": "x", "data": "y", "items": []
    }))
    .unwrap();
    let error = import_error(&bytes, Some("pw"), None);
    assert!(
        matches!(error, ImportError::UnsupportedEncryption { .. }),
        "{error}"
    );
    assert!(error.to_string().contains("unencrypted"), "{error}");
}

#[test]
fn csv_export() {
    let csv = format!(
        "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n\
         Work,,login,Shop,,,0,https://shop.test,alice,pw,{SECRET}\n\
         ,,login,Bank,\"a note, with a comma\",,0,,bob,pw,\"otpauth://totp/Bank:bob?secret={SECRET_2}&algorithm=SHA256&digits=8\"\n\
         Work,1,login,Steam,,,0,,gaben,,steam://{SECRET}\n\
         ,,login,Password only,,,0,,x,y,\n\
         ,,note,A note,text,,0,,,,\n\
         ,,login,Broken,,,0,,z,,not base32!\n"
    );
    check_export(&import_detected(csv.as_bytes(), None, Format::BitwardenCsv));
    check_too_large(Format::BitwardenCsv);
}
