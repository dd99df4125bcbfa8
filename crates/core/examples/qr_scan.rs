//! Prints the text of every QR code in each image file, one per line, and on stderr which pass
//! read it (exit 2 when an image has none); the whole-process decoder timed by `scripts/bench-qr`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    for path in std::env::args().skip(1) {
        let result = std::fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| vigil_core::qr::decode(&bytes).map_err(|e| e.to_string()));
        match result {
            Ok(decoded) if !decoded.texts.is_empty() => {
                decoded.texts.iter().for_each(|t| println!("{t}"));
                eprintln!("{path}: read by pass {}", decoded.pass.unwrap_or("?"));
            }
            Ok(decoded) => {
                let error = if decoded.code_seen {
                    vigil_core::qr::QrError::CodeNotRead
                } else {
                    vigil_core::qr::QrError::NoQrCode
                };
                eprintln!("{path}: {error}");
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
