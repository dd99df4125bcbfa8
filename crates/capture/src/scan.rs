//! The QR codes on the screen or on the clipboard, classified: what both the CLI and the app read.

use vigil_core::qr::{self, Found, QrError};

use crate::{CaptureError, ClipboardContent, capture_screens, read_clipboard};

/// The QR codes on every display; an error when there is none (saying so when a code was seen
/// but could not be read).
pub fn scan_screens() -> Result<Vec<Found>, CaptureError> {
    let (mut found, mut seen) = (Vec::new(), false);
    for picture in capture_screens()? {
        match qr::scan_rgba(picture.width, picture.height, &picture.rgba) {
            Ok(codes) => found.extend(codes),
            Err(QrError::NoQrCode) => {}
            Err(QrError::CodeNotRead) => seen = true,
            Err(other) => return Err(CaptureError::Qr(other.to_string())),
        }
    }
    if found.is_empty() {
        return Err(if seen {
            CaptureError::CodeNotRead
        } else {
            CaptureError::NoQrCodeOnScreen
        });
    }
    Ok(found)
}

/// The QR codes of the clipboard's image, or its text taken as one code's content.
pub fn scan_clipboard() -> Result<Vec<Found>, CaptureError> {
    match read_clipboard()? {
        ClipboardContent::Image(picture) => {
            qr::scan_rgba(picture.width, picture.height, &picture.rgba).map_err(|e| match e {
                QrError::NoQrCode => CaptureError::NoQrCodeOnClipboard,
                QrError::CodeNotRead => CaptureError::CodeNotRead,
                other => CaptureError::Qr(other.to_string()),
            })
        }
        ClipboardContent::Text(text) => {
            Ok(vec![qr::classify_as(text.trim(), "The clipboard holds")])
        }
    }
}
