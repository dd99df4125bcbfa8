//! Detection: every fixture's format is found; garbage and other JSON are refused; forcing a
//! format on the wrong content is an error, never accounts.

use serde_json::json;
use vigil_core::import::{Format, ImportError, detect, import, needs_password};

use crate::common::*;

#[test]
fn names_round_trip_and_aliases() {
    for format in Format::ALL {
        assert_eq!(Format::from_name(format.name()), Some(format));
    }
    let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
    for expected in [
        "aegis",
        "2fas",
        "andotp",
        "bitwarden-json",
        "bitwarden-csv",
        "ente",
        "ente-encrypted",
        "freeotp-plus",
        "stratum",
        "proton",
        "uris",
    ] {
        assert!(names.contains(&expected), "{expected}");
    }
    assert_eq!(Format::from_name("VIGIL"), Some(Format::Aegis));
    assert_eq!(
        Format::from_name("authenticator-pro"),
        Some(Format::Stratum)
    );
    assert_eq!(Format::from_name("keepass"), None);
}

#[test]
fn garbage_and_other_json_are_not_detected() {
    for bytes in [
        &b""[..],
        b"   ",
        b"hello world",
        b"{}",
        b"[]",
        b"null",
        b"[1, 2, 3]",
        br#"{"version": 1, "entries": []}"#,
        br#"{"version": 1, "header": {}}"#,
        br#"{"items": [1]}"#,
        br#"[{"secret": "JBSWY3DPEHPK3PXP"}]"#,
        br#"{"tokens": [{"secret": "JBSWY3DPEHPK3PXP"}]}"#,
        br#"{"name": "package", "version": "1.0.0", "dependencies": {}}"#,
        b"name,login_uri\nx,y\n",
        b"\x00\x01\x02\x03 binary",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    ] {
        assert_eq!(detect(bytes), None, "{:?}", String::from_utf8_lossy(bytes));
        assert_eq!(
            import(bytes, None, None).unwrap_err(),
            ImportError::UnknownFormat
        );
        assert_eq!(
            needs_password(bytes, None).unwrap_err(),
            ImportError::UnknownFormat
        );
    }
}

#[test]
fn a_forced_format_on_other_content_is_an_error() {
    let stratum = serde_json::to_vec(&json!({"Authenticators": []})).unwrap();
    let pass = password("pw");
    for format in Format::ALL {
        if format == Format::Stratum {
            continue;
        }
        let result = import(&stratum, Some(&pass), Some(format));
        assert!(
            matches!(result, Err(ImportError::FormatMismatch { .. })),
            "{format}: {result:?}"
        );
    }
    let aegis = crate::aegis::plain_vault();
    for format in Format::ALL {
        if format == Format::Aegis {
            continue;
        }
        let result = import(&aegis, Some(&pass), Some(format));
        assert!(result.is_err(), "{format}: {result:?}");
    }
    assert_eq!(
        import(b"hello", None, Some(Format::TwoFas))
            .unwrap_err()
            .to_string(),
        "the file is not a 2fas backup"
    );
}
