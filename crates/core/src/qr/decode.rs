//! From image bytes or RGBA pixels to the texts of every QR code in the picture.

use std::io::Cursor;

use image::{DynamicImage, GrayImage, ImageFormat, ImageReader, Limits};

use super::passes::{Decoded, decode_grey};
use super::{Found, QrError, classify};

/// The largest image scanned: 100 megapixels (a 4K screenshot is 8.3).
pub const MAX_PIXELS: u64 = 100_000_000;

/// Memory the decoder may allocate for one image (a 100-megapixel RGBA image needs 400 MB).
const MAX_ALLOC: u64 = 512 * 1024 * 1024;

/// Every QR code in the image, classified. No code at all is [`QrError::NoQrCode`]; a code seen
/// but not read is [`QrError::CodeNotRead`].
pub fn scan_image(bytes: &[u8]) -> Result<Vec<Found>, QrError> {
    found(decode(bytes)?)
}

/// Every QR code in raw RGBA pixels (a screen capture, a clipboard image), classified.
pub fn scan_rgba(width: u32, height: u32, rgba: &[u8]) -> Result<Vec<Found>, QrError> {
    found(decode_rgba(width, height, rgba)?)
}

fn found(decoded: Decoded) -> Result<Vec<Found>, QrError> {
    if decoded.texts.is_empty() {
        return Err(if decoded.code_seen {
            QrError::CodeNotRead
        } else {
            QrError::NoQrCode
        });
    }
    Ok(decoded.texts.iter().map(|text| classify(text)).collect())
}

/// The texts of every QR code in the image, in reading order, without repeats (empty when none).
pub fn decode_texts(bytes: &[u8]) -> Result<Vec<String>, QrError> {
    Ok(decode(bytes)?.texts)
}

/// What the passes make of an image file: the texts read, the pass that read them, and whether
/// a code was seen when none was read.
pub fn decode(bytes: &[u8]) -> Result<Decoded, QrError> {
    Ok(decode_grey(&read_grey(bytes)?))
}

/// What the passes make of raw RGBA pixels (alpha ignored: screens and clipboards are opaque).
pub fn decode_rgba(width: u32, height: u32, rgba: &[u8]) -> Result<Decoded, QrError> {
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(QrError::TooLarge { width, height });
    }
    let pixels = (width as usize) * (height as usize);
    if rgba.len() < pixels * 4 {
        return Err(QrError::Unreadable(
            "the pixel data is shorter than the image".into(),
        ));
    }
    let grey: Vec<u8> = rgba[..pixels * 4]
        .chunks_exact(4)
        .map(|p| luma(p[0], p[1], p[2]))
        .collect();
    let grey = GrayImage::from_raw(width, height, grey)
        .ok_or_else(|| QrError::Unreadable("the pixel data does not match the size".into()))?;
    Ok(decode_grey(&grey))
}

/// The image's grey levels. The header's size is checked before anything is decoded.
fn read_grey(bytes: &[u8]) -> Result<GrayImage, QrError> {
    let unreadable = |e: &dyn std::fmt::Display| QrError::Unreadable(e.to_string());
    let open = || -> Result<ImageReader<Cursor<&[u8]>>, QrError> {
        let reader = ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|e| unreadable(&e))?;
        match reader.format() {
            Some(_) => Ok(reader),
            None => Err(QrError::Unreadable("unknown file type".into())),
        }
    };
    // Check the header's size before decoding anything: a small file can claim a huge image.
    let first = open()?;
    let format = first.format();
    let (width, height) = first.into_dimensions().map_err(|e| unreadable(&e))?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(QrError::TooLarge { width, height });
    }
    if format == Some(ImageFormat::Png)
        && let Some(grey) = png_grey(bytes, width, height)?
    {
        return Ok(grey);
    }
    let mut reader = open()?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(width);
    limits.max_image_height = Some(height);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let image = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => QrError::TooLarge { width, height },
        other => unreadable(&other),
    })?;
    Ok(to_grey(image))
}

/// A PNG (what screenshots are) straight to grey, row by row: no full-colour copy of the picture
/// is made, which saves a fifth of the time on a 4K screenshot. `None` for an interlaced PNG,
/// left to the general path.
fn png_grey(bytes: &[u8], width: u32, height: u32) -> Result<Option<GrayImage>, QrError> {
    let error = |e: png::DecodingError| match e {
        png::DecodingError::LimitsExceeded => QrError::TooLarge { width, height },
        other => QrError::Unreadable(other.to_string()),
    };
    let limits = png::Limits {
        bytes: MAX_ALLOC as usize,
    };
    let mut decoder = png::Decoder::new_with_limits(Cursor::new(bytes), limits);
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(error)?;
    if reader.info().interlaced || (reader.info().width, reader.info().height) != (width, height) {
        return Ok(None);
    }
    let (colour, _) = reader.output_color_type();
    let mut grey = Vec::with_capacity(width as usize * height as usize);
    while let Some(row) = reader.next_row().map_err(error)? {
        let data = row.data();
        match colour {
            png::ColorType::Grayscale => grey.extend_from_slice(data),
            png::ColorType::GrayscaleAlpha => {
                grey.extend(data.chunks_exact(2).map(|p| over_white(p[0], p[1])));
            }
            png::ColorType::Rgb => {
                grey.extend(data.chunks_exact(3).map(|p| luma(p[0], p[1], p[2])));
            }
            png::ColorType::Rgba => grey.extend(
                data.chunks_exact(4)
                    .map(|p| over_white(luma(p[0], p[1], p[2]), p[3])),
            ),
            png::ColorType::Indexed => return Ok(None),
        }
    }
    GrayImage::from_raw(width, height, grey)
        .map(Some)
        .ok_or_else(|| QrError::Unreadable("the image data is shorter than its size".into()))
}

/// A grey level with `alpha` over a white background.
fn over_white(level: u8, alpha: u8) -> u8 {
    let (y, a) = (u32::from(level), u32::from(alpha));
    ((y * a + 255 * (255 - a)) / 255) as u8
}

/// Grey levels in one pass (integer Rec. 601 weights; alpha composited on white).
fn to_grey(image: DynamicImage) -> GrayImage {
    let (width, height) = (image.width(), image.height());
    let raw: Vec<u8> = match image {
        DynamicImage::ImageLuma8(grey) => return grey,
        DynamicImage::ImageRgb8(rgb) => rgb
            .as_raw()
            .chunks_exact(3)
            .map(|p| luma(p[0], p[1], p[2]))
            .collect(),
        DynamicImage::ImageRgba8(rgba) => rgba
            .as_raw()
            .chunks_exact(4)
            .map(|p| over_white(luma(p[0], p[1], p[2]), p[3]))
            .collect(),
        other => return other.to_luma8(),
    };
    GrayImage::from_raw(width, height, raw).unwrap_or_else(|| GrayImage::new(width, height))
}

fn luma(r: u8, g: u8, b: u8) -> u8 {
    ((77 * u32::from(r) + 150 * u32::from(g) + 29 * u32::from(b)) >> 8) as u8
}
