//! Prints the text of every QR code in each image file, one per line (exit 2 when an image has
//! none); the whole-process decoder timed by `scripts/bench-qr`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    for path in std::env::args().skip(1) {
        let result = std::fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| vigil_core::qr::decode_texts(&bytes).map_err(|e| e.to_string()));
        match result {
            Ok(texts) if !texts.is_empty() => texts.iter().for_each(|t| println!("{t}")),
            Ok(_) => {
                eprintln!("{path}: No QR code found in this image");
                status = ExitCode::from(2);
            }
            Err(error) => {
                eprintln!("{path}: {error}");
                status = ExitCode::from(2);
            }
        }
    }
    status
}
