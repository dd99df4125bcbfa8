//! Drawing QR codes as PNG images or inline SVG, to move accounts to a phone.

use std::io::Cursor;

use image::{GrayImage, ImageFormat, Luma};
use qrcode::{Color, EcLevel, QrCode};

use super::QrError;

/// Pixels per module, and modules of quiet zone around the code.
const SCALE: u32 = 8;
const QUIET: u32 = 4;

/// A PNG of the QR code holding `text` (black on white, with the standard quiet zone).
pub fn render_png(text: &str) -> Result<Vec<u8>, QrError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|_| QrError::TooLong)?;
    let modules = code.width() as u32;
    let colors = code.to_colors();
    let size = (modules + 2 * QUIET) * SCALE;
    let image = GrayImage::from_fn(size, size, |x, y| {
        let (mx, my) = (x / SCALE, y / SCALE);
        let dark = mx >= QUIET
            && my >= QUIET
            && mx < QUIET + modules
            && my < QUIET + modules
            && colors[((my - QUIET) * modules + (mx - QUIET)) as usize] == Color::Dark;
        Luma([if dark { 0 } else { 255 }])
    });
    let mut png = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .map_err(|_| QrError::TooLong)?;
    Ok(png)
}

/// One PNG per URI (for example each batch of a Google Authenticator export).
pub fn render_uris_png(uris: &[String]) -> Result<Vec<Vec<u8>>, QrError> {
    uris.iter().map(|uri| render_png(uri)).collect()
}

/// The QR code holding `text` as an `<svg>` element (no XML declaration), black on white with the
/// standard quiet zone, scaling to its container. Its markup holds no text, only module paths.
pub fn render_svg(text: &str) -> Result<String, QrError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|_| QrError::TooLong)?;
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .quiet_zone(true)
        .build();
    Ok(match svg.find("<svg") {
        Some(start) => svg[start..].to_owned(),
        None => svg,
    })
}
