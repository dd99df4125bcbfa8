//! From image bytes to the texts of every QR code in the picture.

use std::collections::HashSet;
use std::io::Cursor;

use image::{DynamicImage, ImageReader, Limits};
use rxing::multi::MultipleBarcodeReader;
use rxing::multi::qrcode::QRCodeMultiReader;
use rxing::{
    BarcodeFormat, BinaryBitmap, DecodeHints, Luma8LuminanceSource, common::HybridBinarizer,
};

use super::{Found, QrError, classify};

/// The largest image scanned: 100 megapixels (a 4K screenshot is 8.3).
pub const MAX_PIXELS: u64 = 100_000_000;

/// Memory the decoder may allocate for one image (a 100-megapixel RGBA image needs 400 MB).
const MAX_ALLOC: u64 = 512 * 1024 * 1024;

/// Every QR code in the image, classified. No code at all is [`QrError::NoQrCode`].
pub fn scan_image(bytes: &[u8]) -> Result<Vec<Found>, QrError> {
    let texts = decode_texts(bytes)?;
    if texts.is_empty() {
        return Err(QrError::NoQrCode);
    }
    Ok(texts.iter().map(|text| classify(text)).collect())
}

/// Every QR code in raw RGBA pixels (a screen capture, a clipboard image), classified.
pub fn scan_rgba(width: u32, height: u32, rgba: &[u8]) -> Result<Vec<Found>, QrError> {
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
    let texts = decode_grey(grey, width, height);
    if texts.is_empty() {
        return Err(QrError::NoQrCode);
    }
    Ok(texts.iter().map(|text| classify(text)).collect())
}

/// The texts of every QR code in the image, in reading order, without repeats (empty when none).
pub fn decode_texts(bytes: &[u8]) -> Result<Vec<String>, QrError> {
    let image = read_image(bytes)?;
    let (width, height) = (image.width(), image.height());
    Ok(decode_grey(to_grey(image), width, height))
}

fn decode_grey(mut grey: Vec<u8>, width: u32, height: u32) -> Vec<String> {
    // A QR code needs 21 modules plus a margin; anything smaller holds none.
    if width < 21 || height < 21 {
        return Vec::new();
    }
    let found = find(&grey, width, height);
    if !found.is_empty() {
        return found;
    }
    for pixel in grey.iter_mut() {
        *pixel = 255 - *pixel;
    }
    let found = find(&grey, width, height);
    if !found.is_empty() {
        return found;
    }
    // Blurred or noisy pictures: half size averages the noise away. Try both polarities.
    if width >= 84 && height >= 84 {
        let (half, half_width, half_height) = halve(&grey, width, height);
        for inverted in [true, false] {
            let candidate = if inverted {
                half.clone()
            } else {
                half.iter().map(|p| 255 - p).collect()
            };
            let found = find(&candidate, half_width, half_height);
            if !found.is_empty() {
                return found;
            }
        }
    }
    Vec::new()
}

fn read_image(bytes: &[u8]) -> Result<DynamicImage, QrError> {
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
    let (width, height) = open()?.into_dimensions().map_err(|e| unreadable(&e))?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(QrError::TooLarge { width, height });
    }
    let mut reader = open()?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(width);
    limits.max_image_height = Some(height);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => QrError::TooLarge { width, height },
        other => unreadable(&other),
    })
}

/// Grey levels in one pass (integer Rec. 601 weights; alpha composited on white).
fn to_grey(image: DynamicImage) -> Vec<u8> {
    match image {
        DynamicImage::ImageLuma8(grey) => grey.into_raw(),
        DynamicImage::ImageRgb8(rgb) => rgb
            .as_raw()
            .chunks_exact(3)
            .map(|p| luma(p[0], p[1], p[2]))
            .collect(),
        DynamicImage::ImageRgba8(rgba) => rgba
            .as_raw()
            .chunks_exact(4)
            .map(|p| {
                let y = u32::from(luma(p[0], p[1], p[2]));
                let a = u32::from(p[3]);
                ((y * a + 255 * (255 - a)) / 255) as u8
            })
            .collect(),
        other => other.to_luma8().into_raw(),
    }
}

fn luma(r: u8, g: u8, b: u8) -> u8 {
    ((77 * u32::from(r) + 150 * u32::from(g) + 29 * u32::from(b)) >> 8) as u8
}

fn halve(grey: &[u8], width: u32, height: u32) -> (Vec<u8>, u32, u32) {
    let (w, h) = ((width / 2) as usize, (height / 2) as usize);
    let stride = width as usize;
    let mut out = Vec::with_capacity(w * h);
    for y in 0..h {
        let top = &grey[2 * y * stride..];
        let bottom = &grey[(2 * y + 1) * stride..];
        for x in 0..w {
            let sum = u32::from(top[2 * x])
                + u32::from(top[2 * x + 1])
                + u32::from(bottom[2 * x])
                + u32::from(bottom[2 * x + 1]);
            out.push((sum / 4) as u8);
        }
    }
    (out, w as u32, h as u32)
}

fn find(grey: &[u8], width: u32, height: u32) -> Vec<String> {
    let Ok(source) = Luma8LuminanceSource::new(grey.to_vec(), width, height) else {
        return Vec::new();
    };
    let mut bitmap = BinaryBitmap::new(HybridBinarizer::new(source));
    let hints = DecodeHints {
        PossibleFormats: Some(HashSet::from([BarcodeFormat::QR_CODE])),
        TryHarder: Some(true),
        ..DecodeHints::default()
    };
    let results = QRCodeMultiReader::default()
        .decode_multiple_with_hints(&mut bitmap, &hints)
        .unwrap_or_default();
    let mut texts: Vec<String> = Vec::new();
    for result in results {
        let text = result.getText().to_owned();
        if !text.is_empty() && !texts.contains(&text) {
            texts.push(text);
        }
    }
    texts
}
