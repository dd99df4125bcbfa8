//! Text files of `otpauth://` and `otpauth-migration://` lines.

use vigil_core::import::{Format, ImportError};
use vigil_core::{OtpParams, OtpUri, Secret, migration};

use crate::common::*;

#[test]
fn lines_with_comments_blanks_and_a_google_export() {
    let google = migration::encode(
        &[OtpUri::new(
            "G",
            "g1",
            Secret::from_base32(SECRET).unwrap(),
            OtpParams::totp(),
        )],
        7,
    )
    .unwrap();
    let text = format!(
        "# my accounts\n\n\u{20}otpauth://totp/Shop:alice?secret={SECRET}\n\
         otpauth://totp/Bad:line?secret=1\n{}\nOTPAUTH://HOTP/Bank:bob?secret={SECRET_2}&counter=2\n",
        google[0]
    );
    let imported = import_detected(text.as_bytes(), None, Format::Uris);
    let a = &imported.accounts;
    assert_eq!(a.len(), 3, "{imported:?}");
    check(&a[0], "Shop", "alice", SECRET, OtpParams::totp(), &[]);
    check(&a[1], "G", "g1", SECRET, OtpParams::totp(), &[]);
    check(&a[2], "Bank", "bob", SECRET_2, OtpParams::hotp(2), &[]);
    assert_eq!(imported.problems.len(), 1);
    assert_eq!(imported.problems[0].name, "line 4");
    assert!(!imported.problems[0].reason.contains(SECRET));
    check_too_large(Format::Uris);
}

#[test]
fn text_that_is_not_uris() {
    assert_eq!(
        vigil_core::import::detect(b"hello\notpauth://totp/A?secret=JBSWY3DP\n"),
        None
    );
    assert_eq!(
        import_error(b"just text", None, Some(Format::Uris)),
        ImportError::FormatMismatch { format: "uris" }
    );
}
