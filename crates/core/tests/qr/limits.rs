//! Bad pictures are clear errors, never a crash, a hang or a huge allocation.

use std::io::Cursor;

use image::{DynamicImage, GrayImage, ImageFormat, Luma};
use vigil_core::qr::{QrError, decode_texts, scan_image};

fn png(image: GrayImage) -> Vec<u8> {
    let mut bytes = Vec::new();
    DynamicImage::ImageLuma8(image)
        .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
        .unwrap();
    bytes
}

#[test]
fn one_pixel_image_has_no_code() {
    let bytes = png(GrayImage::from_pixel(1, 1, Luma([0])));
    assert_eq!(decode_texts(&bytes).unwrap(), Vec::<String>::new());
    assert_eq!(scan_image(&bytes).unwrap_err(), QrError::NoQrCode);
}

#[test]
fn truncated_and_corrupt_files_are_unreadable() {
    let bytes = png(crate::corpus::qr(crate::corpus::ALICE, 4));
    let truncated = &bytes[..bytes.len() / 2];
    assert!(matches!(scan_image(truncated), Err(QrError::Unreadable(_))));
    assert!(matches!(
        scan_image(b"definitely not an image"),
        Err(QrError::Unreadable(_))
    ));
    assert!(matches!(scan_image(&[]), Err(QrError::Unreadable(_))));
    let mut corrupt = bytes.clone();
    for byte in corrupt.iter_mut().skip(60).step_by(7) {
        *byte ^= 0x5a;
    }
    assert!(matches!(
        scan_image(&corrupt),
        Err(QrError::Unreadable(_) | QrError::NoQrCode)
    ));
    let error = scan_image(b"GIF89a").unwrap_err().to_string();
    assert!(
        error.starts_with("This file is not an image Vigil can read"),
        "{error}"
    );
}

/// A PNG whose header claims `width` x `height` with almost no data: a decompression bomb.
fn bomb(width: u32, height: u32) -> Vec<u8> {
    // Encode a tiny image, then rewrite the IHDR size (and its CRC).
    let mut bytes = png(GrayImage::from_pixel(8, 8, Luma([255])));
    bytes[16..20].copy_from_slice(&width.to_be_bytes());
    bytes[20..24].copy_from_slice(&height.to_be_bytes());
    let crc = crc32(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    bytes
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for byte in data {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn decompression_bombs_and_huge_images_are_refused_before_decoding() {
    let error = scan_image(&bomb(50_000, 50_000)).unwrap_err();
    assert_eq!(
        error,
        QrError::TooLarge {
            width: 50_000,
            height: 50_000
        }
    );
    assert_eq!(
        error.to_string(),
        "This image is too large to scan (50000x50000 pixels; the limit is 100 megapixels)"
    );
    // Within the pixel limit but with no data behind the header: an error, not a hang.
    assert!(matches!(
        scan_image(&bomb(9_000, 9_000)),
        Err(QrError::Unreadable(_))
    ));
}
