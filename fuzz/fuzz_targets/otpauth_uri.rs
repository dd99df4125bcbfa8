//! Fuzz target: the otpauth URI parser must never panic, and what it accepts must round-trip.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vigil_core::OtpUri;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(uri) = OtpUri::parse(text) {
        let emitted = uri.to_uri_string();
        let again = OtpUri::parse(&emitted).expect("a canonical URI must parse");
        assert_eq!(again, uri, "round trip changed the account: {emitted}");
        let _ = uri.params.code_at(&uri.secret, 1_700_000_000);
    }
});
