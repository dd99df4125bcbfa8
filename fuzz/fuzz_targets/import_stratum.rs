//! Fuzz target: importing arbitrary bytes as a Stratum backup never panics, and an accepted file's
//! accounts emit URIs that parse back. Without a password: the encrypted forms run Argon2id over 64
//! MiB, or 64,000 PBKDF2 iterations, per input. The header checks still run, and the decrypted JSON
//! goes through the plain-form parser, which plain inputs reach.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vigil_core::import::{Format, detect};

fuzz_target!(|data: &[u8]| {
    let _ = detect(data);
    let _ = Format::Stratum.needs_password(data);
    if let Ok(imported) = Format::Stratum.import(data, None) {
        for account in &imported.accounts {
            assert!(vigil_core::OtpUri::parse(&account.uri.to_uri_string()).is_ok());
        }
    }
});
