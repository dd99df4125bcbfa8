//! QR codes: find every one in an image's bytes ([`scan_image`]), say what each holds
//! ([`Payload`]), and draw one ([`render_png`]).
//!
//! The pipeline: read the header first and refuse what is too large before decoding; convert to
//! grey in one pass; then run the passes of `passes.rs`, cheapest first, stopping at the first
//! that reads a code: rxing's multi-code reader on the picture as it is, then on the inverted
//! picture (dark mode), then zxing-cpp's detector (rotated and perspective codes), then fixed
//! pictures (`enhance.rs`: contrast stretch, half size, smoothing, adaptive threshold,
//! sharpening, double size, a 45-degree turn). No pass starts after [`TIME_BOUND`]. When nothing
//! is read, rxing's detector says whether a code was seen at all ([`QrError::CodeNotRead`]).

mod classify;
mod decode;
mod enhance;
mod passes;
mod read;
mod render;

pub use classify::{Found, Payload, classify, classify_as};
pub use decode::{MAX_PIXELS, decode, decode_rgba, decode_texts, scan_image, scan_rgba};
pub use passes::{Decoded, TIME_BOUND, every_pass};
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
    /// A QR code's finder patterns are in the picture but its modules could not be read (too
    /// small, blurred, damaged or cut off).
    #[error("A QR code is there but could not be read: try a larger or sharper picture")]
    CodeNotRead,
    /// The text cannot be drawn as a QR code (too long).
    #[error("This text is too long for a QR code")]
    TooLong,
}
