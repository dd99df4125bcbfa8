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

/// Whether `text` is an otpauth or otpauth-migration link (so it holds a secret).
fn is_otp_link(text: &str) -> bool {
    let text = text.trim_start().as_bytes();
    [&b"otpauth://"[..], b"otpauth-migration://"]
        .iter()
        .any(|prefix| {
            text.len() >= prefix.len() && text[..prefix.len()].eq_ignore_ascii_case(prefix)
        })
}

/// Clears the clipboard if it (still) holds an otpauth or otpauth-migration link: called once
/// such a link pasted from the clipboard was added, so the secret does not linger there for
/// the next paste or a clipboard manager. Whether it was cleared.
pub fn clear_clipboard_otp_link() -> Result<bool, CaptureError> {
    let mut clipboard =
        arboard::Clipboard::new().map_err(|e| CaptureError::Clipboard(e.to_string()))?;
    let holds_link = clipboard
        .get_text()
        .map(zeroize::Zeroizing::new)
        .is_ok_and(|text| is_otp_link(&text));
    if !holds_link {
        return Ok(false);
    }
    clipboard
        .clear()
        .map_err(|e| CaptureError::Clipboard(e.to_string()))?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    #[test]
    fn otp_links_are_told_from_other_text() {
        assert!(super::is_otp_link(
            "otpauth://totp/A?secret=JBSWY3DPEHPK3PXP"
        ));
        assert!(super::is_otp_link("  OTPAUTH-MIGRATION://offline?data=x"));
        assert!(!super::is_otp_link("hello"));
        assert!(!super::is_otp_link("https://otpauth://"));
        assert!(!super::is_otp_link("otp"));
    }
}
