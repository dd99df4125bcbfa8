//! Fuzz target: scanning arbitrary bytes as an image must never panic, hang or blow up memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = vigil_core::qr::scan_image(data);
});
