//! `vigil scan`: what the QR codes in image files, on the screen or on the clipboard hold; also
//! the reading that `vigil add --qr/--screen/--clipboard` uses.

use std::path::Path;

use vigil_capture::{CaptureError, scan_clipboard, scan_screens};
use vigil_core::qr::{self, Found};

use crate::cli::ScanArgs;
use crate::error::{CliError, failure, refused};
use crate::terminal::printable;
use crate::words::text_with;

/// Prints each QR code's text, one per line; exit 2 when a source has none or is not an image.
pub fn run(args: ScanArgs) -> Result<(), CliError> {
    if args.screen {
        screen()?
            .iter()
            .for_each(|f| println!("{}", printable(&f.text)));
        return Ok(());
    }
    if args.clipboard {
        clipboard()?
            .iter()
            .for_each(|f| println!("{}", printable(&f.text)));
        return Ok(());
    }
    let mut failures = Vec::new();
    for file in &args.files {
        match scan_file(file) {
            Ok(found) => found
                .iter()
                .for_each(|f| println!("{}", printable(&f.text))),
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
    let bytes = std::fs::read(file).map_err(|e| {
        CliError::Input(text_with(
            "cli-error-cannot-read-file",
            &[
                ("path", file.display().to_string().into()),
                ("detail", e.to_string().into()),
            ],
        ))
    })?;
    qr::scan_image(&bytes).map_err(|e| {
        CliError::Input(text_with(
            "cli-error-in-file",
            &[
                ("path", file.display().to_string().into()),
                ("detail", e.to_string().into()),
            ],
        ))
    })
}

/// The QR codes on every display.
pub fn screen() -> Result<Vec<Found>, CliError> {
    scan_screens().map_err(|e| match e {
        CaptureError::NoQrCodeOnScreen | CaptureError::CodeNotRead => refused(e),
        other => failure(other),
    })
}

/// The QR codes of the clipboard's image, or its text taken as one code's content.
pub fn clipboard() -> Result<Vec<Found>, CliError> {
    scan_clipboard().map_err(refused)
}
