//! Fuzz target: importing arbitrary bytes as an Aegis vault never panics, and an accepted file's
//! accounts emit URIs that parse back. With a fixed password, so the slots' scrypt runs with the
//! parameters the input names (the importer caps them at 1 GiB).
#![no_main]

use libfuzzer_sys::fuzz_target;
use vigil_core::Sensitive;
use vigil_core::import::{Format, detect};

fuzz_target!(|data: &[u8]| {
    let password = Sensitive::new("fuzz password".to_owned());
    let _ = detect(data);
    let _ = Format::Aegis.needs_password(data);
    if let Ok(imported) = Format::Aegis.import(data, Some(&password)) {
        for account in &imported.accounts {
            assert!(vigil_core::OtpUri::parse(&account.uri.to_uri_string()).is_ok());
        }
    }
});
