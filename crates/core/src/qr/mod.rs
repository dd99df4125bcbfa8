//! QR codes: find every one in an image's bytes ([`scan_image`]), say what each holds
//! ([`Payload`]), and draw one ([`render_png`]).
//!
//! The pipeline: read the header first and refuse what is too large before decoding; convert to
//! grey in one pass; look for QR codes with rxing's multi-code reader; only if none is found, try
//! the inverted picture (light modules on dark, as in dark mode) and a half-size copy (blurred or
//! noisy screenshots binarise better smaller). Each step stops as soon as something is found.

mod classify;
mod decode;
mod render;

pub use classify::{Found, Payload, classify, classify_as};
pub use decode::{MAX_PIXELS, decode_texts, scan_image, scan_rgba};
pub use render::{render_png, render_svg, render_uris_png};

/// Why an image could not be scanned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QrError {
    /// The bytes are not an image in a format Vigil reads, or the file is truncated or corrupt.
    #[error("This file is not an image Vigil can read (PNG, JPEG, GIF, WebP or BMP): {0}")]
    Unreadable(String),
    /// The image is larger than [`MAX_PIXELS`] (or would need too much memory to decode).
    #[error(
        "This image is too large to scan ({width}x{height} pixels; the limit is 100 megapixels)"
    )]
    TooLarge {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
    /// The image is decoded but holds no readable QR code.
    #[error("No QR code found in this image")]
    NoQrCode,
    /// The text cannot be drawn as a QR code (too long).
    #[error("This text is too long for a QR code")]
    TooLong,
}
