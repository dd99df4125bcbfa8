//! Fuzz target: importing arbitrary bytes as a 2FAS backup never panics, and an accepted file's
//! accounts emit URIs that parse back. With a fixed password: PBKDF2's 10,000 iterations are cheap.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vigil_core::Sensitive;
use vigil_core::import::{Format, detect};

fuzz_target!(|data: &[u8]| {
    let password = Sensitive::new("fuzz password".to_owned());
    let _ = detect(data);
    let _ = Format::TwoFas.needs_password(data);
    if let Ok(imported) = Format::TwoFas.import(data, Some(&password)) {
        for account in &imported.accounts {
            assert!(vigil_core::OtpUri::parse(&account.uri.to_uri_string()).is_ok());
        }
    }
});
