//! A generated corpus of pictures, with and without QR codes, as real screens and files give them:
//! used by the QR tests and, through `examples/qr_corpus.rs`, by `scripts/bench-qr`.

use std::io::Cursor;

use image::{DynamicImage, GrayImage, ImageFormat, Luma, Rgb, RgbImage, codecs::jpeg::JpegEncoder};
use imageproc::geometric_transformations::{
    Border, Interpolation, Projection, rotate_about_center, warp,
};
use qrcode::{Color, EcLevel, QrCode};

/// One picture of the corpus.
pub struct Sample {
    /// File name, with the extension of its format.
    pub name: &'static str,
    /// The encoded file.
    pub bytes: Vec<u8>,
    /// The texts of the QR codes in it (empty for negatives).
    pub expected: Vec<String>,
    /// A screenshot at 4K (3840x2160), for the per-screenshot timing.
    pub screenshot_4k: bool,
}

pub const ALICE: &str =
    "otpauth://totp/Shop:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Shop";
pub const BOB: &str =
    "otpauth://hotp/Bank:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=3&issuer=Bank";
pub const CAROL: &str = "otpauth://totp/Travel%20Co:carol?secret=KRUGS4ZANFZSA5DIMUQHIZLTOQQSA3LF&issuer=Travel%20Co&period=60";
pub const EXPORT: &str = "otpauth-migration://offline?data=CjUKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZSABKAEwAhABGAEgACj37ZWXBA%3D%3D";
pub const LINK: &str = "https://example.com/login?next=%2Faccount";

/// The QR code of `text` as a grey image: `module` pixels per module, 4 modules of quiet zone.
pub fn qr(text: &str, module: u32) -> GrayImage {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).unwrap();
    let n = code.width() as u32;
    let colors = code.to_colors();
    let size = (n + 8) * module;
    GrayImage::from_fn(size, size, |x, y| {
        let (mx, my) = (x / module, y / module);
        let dark = (4..n + 4).contains(&mx)
            && (4..n + 4).contains(&my)
            && colors[((my - 4) * n + (mx - 4)) as usize] == Color::Dark;
        Luma([if dark { 0 } else { 255 }])
    })
}

/// A busy desktop-like background: panels, text-like stripes and a gradient, deterministic.
pub fn desktop(width: u32, height: u32, dark: bool) -> RgbImage {
    let mut seed = 0x2545_f491_u32;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    };
    let base: u8 = if dark { 32 } else { 236 };
    let mut image = RgbImage::from_fn(width, height, |x, y| {
        let shade = base.saturating_add(((x + y) / 97 % 12) as u8);
        Rgb([shade, shade, shade.saturating_add(6)])
    });
    for _ in 0..60 {
        let (x0, y0) = (next() % width, next() % height);
        let (w, h) = (40 + next() % 600, 10 + next() % 300);
        let colour = Rgb([
            (next() % 256) as u8,
            (next() % 256) as u8,
            (next() % 256) as u8,
        ]);
        for y in y0..(y0 + h).min(height) {
            for x in x0..(x0 + w).min(width) {
                // Stripes like lines of text inside each panel.
                if (y - y0) % 18 < 9 && (x - x0) % 7 < 5 {
                    image.put_pixel(x, y, colour);
                }
            }
        }
    }
    image
}

fn paste(canvas: &mut RgbImage, code: &GrayImage, x0: u32, y0: u32, dark: u8, light: u8) {
    for (x, y, Luma([v])) in code.enumerate_pixels() {
        let level = if *v < 128 { dark } else { light };
        canvas.put_pixel(x0 + x, y0 + y, Rgb([level, level, level]));
    }
}

fn encode(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut bytes = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut bytes), format)
        .unwrap();
    bytes
}

fn jpeg(image: &DynamicImage, quality: u8) -> Vec<u8> {
    let mut bytes = Vec::new();
    let encoder = JpegEncoder::new_with_quality(&mut bytes, quality);
    image.to_rgb8().write_with_encoder(encoder).unwrap();
    bytes
}

fn sample(name: &'static str, bytes: Vec<u8>, expected: &[&str], screenshot_4k: bool) -> Sample {
    Sample {
        name,
        bytes,
        expected: expected.iter().map(|s| s.to_string()).collect(),
        screenshot_4k,
    }
}

/// Every picture of the corpus.
pub fn corpus() -> Vec<Sample> {
    let mut out = Vec::new();
    let plain = DynamicImage::ImageLuma8(qr(ALICE, 8));
    out.push(sample(
        "plain.png",
        encode(&plain, ImageFormat::Png),
        &[ALICE],
        false,
    ));
    out.push(sample("plain.jpg", jpeg(&plain, 85), &[ALICE], false));
    out.push(sample(
        "plain.gif",
        encode(
            &DynamicImage::ImageRgba8(plain.to_rgba8()),
            ImageFormat::Gif,
        ),
        &[ALICE],
        false,
    ));
    out.push(sample(
        "plain.webp",
        encode(&DynamicImage::ImageRgb8(plain.to_rgb8()), ImageFormat::WebP),
        &[ALICE],
        false,
    ));
    out.push(sample(
        "plain.bmp",
        encode(&plain, ImageFormat::Bmp),
        &[ALICE],
        false,
    ));
    out.push(sample(
        "export.png",
        encode(&DynamicImage::ImageLuma8(qr(EXPORT, 6)), ImageFormat::Png),
        &[EXPORT],
        false,
    ));
    out.push(sample(
        "weblink.png",
        encode(&DynamicImage::ImageLuma8(qr(LINK, 6)), ImageFormat::Png),
        &[LINK],
        false,
    ));

    // 4K screenshots: a small code with 2 and 3 pixel modules, light and dark (inverted) desktops.
    for (name, module, dark) in [
        ("screen-4k-2px.png", 2, false),
        ("screen-4k-3px.png", 3, false),
        ("screen-4k-dark-3px.png", 3, true),
    ] {
        let mut screen = desktop(3840, 2160, dark);
        let (d, l) = if dark { (235, 30) } else { (20, 250) };
        paste(&mut screen, &qr(ALICE, module), 2900, 1400, d, l);
        out.push(sample(
            name,
            encode(&DynamicImage::ImageRgb8(screen), ImageFormat::Png),
            &[ALICE],
            true,
        ));
    }
    // Several codes in one screenshot.
    let mut screen = desktop(1920, 1080, false);
    paste(&mut screen, &qr(ALICE, 4), 100, 100, 0, 255);
    paste(&mut screen, &qr(BOB, 4), 800, 300, 0, 255);
    paste(&mut screen, &qr(CAROL, 4), 1400, 600, 0, 255);
    out.push(sample(
        "three-codes.png",
        encode(&DynamicImage::ImageRgb8(screen), ImageFormat::Png),
        &[ALICE, BOB, CAROL],
        false,
    ));

    // Rotated, skewed, blurred, compressed, low contrast, inverted.
    let base = qr(ALICE, 6);
    let canvas = |inner: &GrayImage| {
        let mut c = GrayImage::from_pixel(inner.width() + 120, inner.height() + 120, Luma([255]));
        image::imageops::overlay(&mut c, inner, 60, 60);
        c
    };
    let rotated = rotate_about_center(
        &canvas(&base),
        0.5,
        Interpolation::Bilinear,
        Border::Constant(Luma([255])),
    );
    out.push(sample(
        "rotated.png",
        encode(&DynamicImage::ImageLuma8(rotated), ImageFormat::Png),
        &[ALICE],
        false,
    ));
    let framed = canvas(&base);
    let (w, h) = (framed.width() as f32, framed.height() as f32);
    let skew = Projection::from_control_points(
        [(0.0, 0.0), (w, 0.0), (w, h), (0.0, h)],
        [(10.0, 0.0), (w - 25.0, 12.0), (w, h - 8.0), (0.0, h)],
    )
    .unwrap();
    let skewed = warp(
        &framed,
        skew,
        Interpolation::Bilinear,
        Border::Constant(Luma([255])),
    );
    out.push(sample(
        "skewed.png",
        encode(&DynamicImage::ImageLuma8(skewed), ImageFormat::Png),
        &[ALICE],
        false,
    ));
    let blurred = image::imageops::blur(&canvas(&base), 1.6);
    out.push(sample(
        "blurred.png",
        encode(&DynamicImage::ImageLuma8(blurred), ImageFormat::Png),
        &[ALICE],
        false,
    ));
    out.push(sample(
        "compressed.jpg",
        jpeg(&DynamicImage::ImageLuma8(canvas(&qr(ALICE, 4))), 35),
        &[ALICE],
        false,
    ));
    let low = GrayImage::from_fn(base.width(), base.height(), |x, y| {
        Luma([if base.get_pixel(x, y)[0] < 128 {
            110
        } else {
            160
        }])
    });
    out.push(sample(
        "low-contrast.png",
        encode(&DynamicImage::ImageLuma8(low), ImageFormat::Png),
        &[ALICE],
        false,
    ));
    let mut inverted = base.clone();
    image::imageops::invert(&mut inverted);
    out.push(sample(
        "inverted.png",
        encode(&DynamicImage::ImageLuma8(inverted), ImageFormat::Png),
        &[ALICE],
        false,
    ));

    // Negatives: nothing to find.
    out.push(sample(
        "blank.png",
        encode(
            &DynamicImage::ImageLuma8(GrayImage::from_pixel(800, 600, Luma([255]))),
            ImageFormat::Png,
        ),
        &[],
        false,
    ));
    out.push(sample(
        "desktop-4k.png",
        encode(
            &DynamicImage::ImageRgb8(desktop(3840, 2160, false)),
            ImageFormat::Png,
        ),
        &[],
        true,
    ));
    let mut seed = 7u32;
    let noise = GrayImage::from_fn(640, 480, |_, _| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        Luma([(seed >> 16) as u8])
    });
    out.push(sample(
        "noise.jpg",
        jpeg(&DynamicImage::ImageLuma8(noise), 80),
        &[],
        false,
    ));
    out
}
