//! Fuzz target: importing arbitrary bytes as a Bitwarden CSV export never panics, and an accepted
//! file's accounts emit URIs that parse back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vigil_core::import::{Format, detect};

fuzz_target!(|data: &[u8]| {
    let _ = detect(data);
    let _ = Format::BitwardenCsv.needs_password(data);
    if let Ok(imported) = Format::BitwardenCsv.import(data, None) {
        for account in &imported.accounts {
            assert!(vigil_core::OtpUri::parse(&account.uri.to_uri_string()).is_ok());
        }
    }
});
