//! Reading the clipboard: an image (a screenshot copied) or text (an otpauth URI copied).

use crate::{CaptureError, Picture};

/// What the clipboard holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClipboardContent {
    /// An image.
    Image(Picture),
    /// Text (it may be an otpauth URI, so a secret: do not log it).
    Text(String),
}

/// The clipboard's image if it has one, else its text.
pub fn read_clipboard() -> Result<ClipboardContent, CaptureError> {
    let mut clipboard =
        arboard::Clipboard::new().map_err(|e| CaptureError::Clipboard(e.to_string()))?;
    if let Ok(image) = clipboard.get_image() {
        let width = u32::try_from(image.width).unwrap_or(0);
        let height = u32::try_from(image.height).unwrap_or(0);
        if width > 0 && height > 0 {
            return Ok(ClipboardContent::Image(Picture {
                width,
                height,
                rgba: image.bytes.into_owned(),
            }));
        }
    }
    match clipboard.get_text() {
        Ok(text) if !text.trim().is_empty() => Ok(ClipboardContent::Text(text)),
        Ok(_) | Err(arboard::Error::ContentNotAvailable) => Err(CaptureError::EmptyClipboard),
        Err(other) => Err(CaptureError::Clipboard(other.to_string())),
    }
}
