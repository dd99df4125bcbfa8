//! `vigil scan`: what the QR codes in image files hold; also the image reading `vigil add --qr` uses.

use std::path::Path;

use vigil_core::qr::{self, Found};

use crate::cli::ScanArgs;
use crate::error::CliError;

/// Prints each QR code's text, one per line; exit 2 when a file has none or is not an image.
pub fn run(args: ScanArgs) -> Result<(), CliError> {
    let mut failures = Vec::new();
    for file in &args.files {
        match scan_file(file) {
            Ok(found) => found.iter().for_each(|f| println!("{}", f.text)),
            Err(error) => failures.push(error.to_string()),
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(CliError::Input(failures.join("\nvigil: ")))
    }
}

/// The QR codes in one image file; the error names the file.
pub fn scan_file(file: &Path) -> Result<Vec<Found>, CliError> {
    let bytes = std::fs::read(file)
        .map_err(|e| CliError::Input(format!("{}: cannot read the file: {e}", file.display())))?;
    qr::scan_image(&bytes).map_err(|e| CliError::Input(format!("{}: {e}", file.display())))
}
