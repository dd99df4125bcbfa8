//! Fuzz target: the Google Authenticator export decoder must never panic, whether given raw
//! protobuf bytes (wrapped into a URI) or arbitrary URI text.
#![no_main]

use base64::Engine;
use libfuzzer_sys::fuzz_target;
use vigil_core::migration;

fuzz_target!(|data: &[u8]| {
    let wrapped = format!(
        "otpauth-migration://offline?data={}",
        base64::engine::general_purpose::STANDARD.encode(data)
    );
    if let Ok(batch) = migration::decode(&wrapped) {
        for account in &batch.accounts {
            let _ = account.params.code_at(&account.secret, 0);
        }
        assert!(batch.index >= 1 && batch.index <= batch.size);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = migration::decode(text);
    }
});
