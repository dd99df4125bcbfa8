//! Fuzz target: importing arbitrary bytes as an Ente Auth export (plain, and the encrypted one's
//! recognition) never panics, and an accepted file's accounts emit URIs that parse back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vigil_core::import::{Format, detect};

fuzz_target!(|data: &[u8]| {
    let _ = detect(data);
    let _ = Format::Ente.needs_password(data);
    let _ = Format::EnteEncrypted.import(data, None);
    if let Ok(imported) = Format::Ente.import(data, None) {
        for account in &imported.accounts {
            assert!(vigil_core::OtpUri::parse(&account.uri.to_uri_string()).is_ok());
        }
    }
});
