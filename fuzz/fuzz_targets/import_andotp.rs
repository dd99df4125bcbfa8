//! Fuzz target: importing arbitrary bytes as an andOTP backup never panics, and an accepted file's
//! accounts emit URIs that parse back. Without a password: the encrypted form's PBKDF2 takes its
//! iteration count from the input (up to 2,000,000), which would leave a few runs a second. The
//! header checks still run, and the decrypted JSON goes through the plain-form parser, which plain
//! inputs reach.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vigil_core::import::{Format, detect};

fuzz_target!(|data: &[u8]| {
    let _ = detect(data);
    let _ = Format::AndOtp.needs_password(data);
    if let Ok(imported) = Format::AndOtp.import(data, None) {
        for account in &imported.accounts {
            assert!(vigil_core::OtpUri::parse(&account.uri.to_uri_string()).is_ok());
        }
    }
});
