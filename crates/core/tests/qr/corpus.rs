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

pub fn paste(canvas: &mut RgbImage, code: &GrayImage, x0: u32, y0: u32, dark: u8, light: u8) {
    for (x, y, Luma([v])) in code.enumerate_pixels() {
        let level = if *v < 128 { dark } else { light };
        canvas.put_pixel(x0 + x, y0 + y, Rgb([level, level, level]));
    }
}

pub fn encode(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut bytes = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut bytes), format)
        .unwrap();
    bytes
}

pub fn jpeg(image: &DynamicImage, quality: u8) -> Vec<u8> {
    let mut bytes = Vec::new();
    let encoder = JpegEncoder::new_with_quality(&mut bytes, quality);
    image.to_rgb8().write_with_encoder(encoder).unwrap();
    bytes
}

pub fn sample(
    name: &'static str,
    bytes: Vec<u8>,
    expected: &[&str],
    screenshot_4k: bool,
) -> Sample {
    Sample {
        name,
        bytes,
        expected: expected.iter().map(|s| s.to_string()).collect(),
        screenshot_4k,
    }
}

/// A small deterministic generator (xorshift32), so the corpus is the same on every run.
pub struct Rng(u32);

impl Rng {
    pub fn new(seed: u32) -> Self {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 17;
        self.0 ^= self.0 << 5;
        self.0
    }

    /// A value in `-amplitude..=amplitude`.
    pub fn spread(&mut self, amplitude: i32) -> i32 {
        (self.next() % (2 * amplitude as u32 + 1)) as i32 - amplitude
    }
}

/// `inner` on a white square canvas with `margin` pixels on every side.
pub fn framed(inner: &GrayImage, margin: u32) -> GrayImage {
    let mut c = GrayImage::from_pixel(
        inner.width() + 2 * margin,
        inner.height() + 2 * margin,
        Luma([255]),
    );
    image::imageops::overlay(&mut c, inner, i64::from(margin), i64::from(margin));
    c
}

/// A web page: white, with lines of grey "text" and a coloured header, `width` x `height`.
pub fn page(width: u32, height: u32, seed: u32) -> RgbImage {
    let mut rng = Rng::new(seed);
    let mut image = RgbImage::from_pixel(width, height, Rgb([255, 255, 255]));
    for y in 0..height.min(64) {
        for x in 0..width {
            image.put_pixel(x, y, Rgb([40, 90, 170]));
        }
    }
    let mut y = 90;
    while y + 10 < height {
        let mut x = 40;
        let line_end = width.saturating_sub(40 + rng.next() % 200);
        while x < line_end {
            let word = 12 + rng.next() % 60;
            for yy in y..y + 10 {
                for xx in x..(x + word).min(line_end) {
                    if !(xx + yy + rng.next() % 3).is_multiple_of(3) {
                        image.put_pixel(xx, yy, Rgb([60, 60, 60]));
                    }
                }
            }
            x += word + 8;
        }
        y += 22;
    }
    image
}

/// `code` drawn on `canvas` at (x0, y0), its dark and light modules as the given grey levels.
pub fn paste_grey(canvas: &mut GrayImage, code: &GrayImage, x0: u32, y0: u32, dark: u8, light: u8) {
    for (x, y, Luma([v])) in code.enumerate_pixels() {
        let level = if *v < 128 { dark } else { light };
        canvas.put_pixel(x0 + x, y0 + y, Luma([level]));
    }
}

/// A photo's sensor noise: each pixel moved by up to `amplitude` levels.
pub fn add_noise(image: &mut GrayImage, amplitude: i32, seed: u32) {
    let mut rng = Rng::new(seed);
    for Luma([v]) in image.pixels_mut() {
        *v = (i32::from(*v) + rng.spread(amplitude)).clamp(0, 255) as u8;
    }
}

/// A lamp's reflection: a bright spot at (cx, cy) of `radius` pixels, `strength` 0..1, over a
/// left-to-right shading.
pub fn glare(image: &mut GrayImage, cx: f32, cy: f32, radius: f32, strength: f32) {
    let width = image.width() as f32;
    for (x, y, Luma([v])) in image.enumerate_pixels_mut() {
        let (dx, dy) = (x as f32 - cx, y as f32 - cy);
        let spot = strength * (-(dx * dx + dy * dy) / (radius * radius)).exp();
        let shade = 0.75 + 0.25 * (x as f32 / width);
        let level = f32::from(*v) * shade;
        *v = (level + (255.0 - level) * spot).clamp(0.0, 255.0) as u8;
    }
}

/// A photo of a screen showing `code`: the screen seen from the side and below (perspective),
/// slightly out of focus, with sensor noise.
pub fn photo_of_screen(code: &GrayImage, keystone: f32, sigma: f32, seed: u32) -> GrayImage {
    let screen = framed(code, code.width() / 3);
    let (w, h) = (screen.width() as f32, screen.height() as f32);
    let k = keystone * w;
    let projection = Projection::from_control_points(
        [(0.0, 0.0), (w, 0.0), (w, h), (0.0, h)],
        [
            (k, 0.6 * k),
            (w - 0.4 * k, 0.0),
            (w, h),
            (0.3 * k, h - 0.8 * k),
        ],
    )
    .unwrap();
    let mut photo = warp(
        &screen,
        projection,
        Interpolation::Bilinear,
        Border::Constant(Luma([90])),
    );
    photo = image::imageops::blur(&photo, sigma);
    add_noise(&mut photo, 10, seed);
    photo
}

/// A European article number (EAN-13) barcode of 12 digits and its check digit, 3 px per bar.
pub fn ean13(digits: &str) -> GrayImage {
    const L: [&str; 10] = [
        "0001101", "0011001", "0010011", "0111101", "0100011", "0110001", "0101111", "0111011",
        "0110111", "0001011",
    ];
    const G: [&str; 10] = [
        "0100111", "0110011", "0011011", "0100001", "0011101", "0111001", "0000101", "0010001",
        "0001001", "0010111",
    ];
    const R: [&str; 10] = [
        "1110010", "1100110", "1101100", "1000010", "1011100", "1001110", "1010000", "1000100",
        "1001000", "1110100",
    ];
    const PARITY: [&str; 10] = [
        "LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG", "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL",
        "LGGLGL",
    ];
    let mut d: Vec<usize> = digits.bytes().map(|b| usize::from(b - b'0')).collect();
    let sum: usize = d
        .iter()
        .enumerate()
        .map(|(i, v)| if i % 2 == 0 { *v } else { 3 * v })
        .sum();
    d.push((10 - sum % 10) % 10);
    let mut bits = String::from("101");
    for (i, parity) in PARITY[d[0]].chars().enumerate() {
        bits.push_str(if parity == 'L' {
            L[d[i + 1]]
        } else {
            G[d[i + 1]]
        });
    }
    bits.push_str("01010");
    for v in &d[7..13] {
        bits.push_str(R[*v]);
    }
    bits.push_str("101");
    let bits: Vec<bool> = bits.chars().map(|c| c == '1').collect();
    let bar = 3;
    GrayImage::from_fn((bits.len() as u32 + 22) * bar, 240, |x, y| {
        let i = (x / bar) as usize;
        let dark = (11..bits.len() + 11).contains(&i) && bits[i - 11] && (20..220).contains(&y);
        Luma([if dark { 0 } else { 255 }])
    })
}

/// An app's window: a title bar, a side list, buttons, check boxes and text, `width` x `height`.
pub fn app_window(width: u32, height: u32) -> RgbImage {
    let mut image = RgbImage::from_pixel(width, height, Rgb([246, 246, 248]));
    let fill = |image: &mut RgbImage, x0: u32, y0: u32, w: u32, h: u32, c: [u8; 3]| {
        for y in y0..(y0 + h).min(height) {
            for x in x0..(x0 + w).min(width) {
                image.put_pixel(x, y, Rgb(c));
            }
        }
    };
    fill(&mut image, 0, 0, width, 36, [52, 52, 60]);
    fill(&mut image, 0, 36, 240, height - 36, [228, 230, 236]);
    for row in 0..16 {
        let y = 52 + row * 44;
        // A check box: a dark square outline with a dark square inside (like a finder pattern).
        fill(&mut image, 16, y, 20, 20, [30, 30, 30]);
        fill(&mut image, 19, y + 3, 14, 14, [255, 255, 255]);
        if row % 2 == 0 {
            fill(&mut image, 23, y + 7, 6, 6, [30, 30, 30]);
        }
        for word in 0..4 {
            fill(&mut image, 48 + word * 44, y + 6, 36, 8, [70, 70, 70]);
        }
    }
    for button in 0..5 {
        fill(&mut image, 280 + button * 150, 60, 130, 36, [40, 110, 220]);
        fill(&mut image, 300 + button * 150, 74, 90, 8, [255, 255, 255]);
    }
    for line in 0..24 {
        let y = 130 + line * 26;
        if y + 10 < height {
            fill(
                &mut image,
                280,
                y,
                width.saturating_sub(340 + (line * 37) % 200),
                10,
                [90, 90, 90],
            );
        }
    }
    image
}

/// A photo-like picture: smooth blobs of light and shade, edges of objects, and sensor noise.
pub fn photo(width: u32, height: u32, seed: u32) -> GrayImage {
    let mut rng = Rng::new(seed);
    let blobs: Vec<(f32, f32, f32, f32)> = (0..12)
        .map(|_| {
            (
                (rng.next() % width) as f32,
                (rng.next() % height) as f32,
                (40 + rng.next() % 200) as f32,
                rng.spread(90) as f32,
            )
        })
        .collect();
    let mut image = GrayImage::from_fn(width, height, |x, y| {
        let mut v = 128.0;
        for (bx, by, r, a) in &blobs {
            let (dx, dy) = (x as f32 - bx, y as f32 - by);
            v += a * (-(dx * dx + dy * dy) / (r * r)).exp();
        }
        // Hard-edged objects: a few dark window frames and stripes.
        if (x / 60 + y / 90) % 7 == 0 {
            v -= 60.0;
        }
        Luma([v.clamp(0.0, 255.0) as u8])
    });
    add_noise(&mut image, 12, seed ^ 0x9e37);
    image
}

/// The QR code of `text` at 1.5 pixels per module, as a browser zoomed out to 50% draws a
/// 3-pixel code.
pub fn module_1_5(text: &str) -> GrayImage {
    let three = qr(text, 3);
    image::imageops::resize(
        &three,
        three.width() / 2,
        three.height() / 2,
        image::imageops::FilterType::Triangle,
    )
}

/// The corpus, made once per test binary (making it takes seconds in a debug build).
pub fn shared() -> &'static [Sample] {
    static CORPUS: std::sync::OnceLock<Vec<Sample>> = std::sync::OnceLock::new();
    CORPUS.get_or_init(corpus)
}

/// Every picture of the corpus: one per kind, then the hard ones, then the negatives.
pub fn corpus() -> Vec<Sample> {
    let mut out = Vec::new();
    let grey = |image: GrayImage| DynamicImage::ImageLuma8(image);
    let plain = grey(qr(ALICE, 8));
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
        encode(&grey(qr(EXPORT, 6)), ImageFormat::Png),
        &[EXPORT],
        false,
    ));
    out.push(sample(
        "weblink.png",
        encode(&grey(qr(LINK, 6)), ImageFormat::Png),
        &[LINK],
        false,
    ));

    // 4K screenshots: a small code with 2 and 3 pixel modules, light and dark (inverted) desktops,
    // and a browser window at 1x showing an enrolment page.
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
    let mut screen = desktop(3840, 2160, false);
    let window = page(1280, 900, 11);
    image::imageops::overlay(&mut screen, &window, 700, 500);
    paste(&mut screen, &qr(CAROL, 4), 1400, 820, 0, 255);
    out.push(sample(
        "window-4k-1x.png",
        encode(&DynamicImage::ImageRgb8(screen), ImageFormat::Png),
        &[CAROL],
        true,
    ));

    // Two, three and four codes in one picture.
    let mut screen = desktop(1280, 800, false);
    paste(&mut screen, &qr(ALICE, 4), 80, 120, 0, 255);
    paste(&mut screen, &qr(BOB, 4), 700, 260, 0, 255);
    out.push(sample(
        "two-codes.png",
        encode(&DynamicImage::ImageRgb8(screen), ImageFormat::Png),
        &[ALICE, BOB],
        false,
    ));
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
    let mut sheet = page(1600, 1200, 5);
    for (i, text) in [ALICE, BOB, CAROL, EXPORT].iter().enumerate() {
        let (x, y) = (120 + (i as u32 % 2) * 760, 140 + (i as u32 / 2) * 540);
        paste(&mut sheet, &qr(text, 4), x, y, 0, 255);
    }
    out.push(sample(
        "four-codes.png",
        encode(&DynamicImage::ImageRgb8(sheet), ImageFormat::Png),
        &[ALICE, BOB, CAROL, EXPORT],
        false,
    ));

    // A code among busy page content: text lines right up to its quiet zone.
    let mut busy = page(1024, 768, 3);
    paste(&mut busy, &qr(ALICE, 4), 380, 220, 0, 255);
    out.push(sample(
        "busy-page.png",
        encode(&DynamicImage::ImageRgb8(busy), ImageFormat::Png),
        &[ALICE],
        false,
    ));

    // Transforms one at a time: the kinds real screens and photos give, each as hard as the
    // first scanner (rxing's multi-code reader alone) could not read but a peer can.
    let base = qr(ALICE, 6);
    let small = qr(ALICE, 4);
    let rotated = rotate_about_center(
        &framed(&base, 60),
        0.5,
        Interpolation::Bilinear,
        Border::Constant(Luma([255])),
    );
    out.push(sample(
        "rotated.png",
        encode(&grey(rotated), ImageFormat::Png),
        &[ALICE],
        false,
    ));
    let three = qr(ALICE, 3);
    let rotated45 = rotate_about_center(
        &framed(&three, three.width() / 4),
        std::f32::consts::FRAC_PI_4,
        Interpolation::Bilinear,
        Border::Constant(Luma([255])),
    );
    out.push(sample(
        "rotated-45.png",
        encode(&grey(rotated45), ImageFormat::Png),
        &[ALICE],
        false,
    ));
    let rotated_small = rotate_about_center(
        &framed(&qr(ALICE, 2), 40),
        0.6,
        Interpolation::Bilinear,
        Border::Constant(Luma([255])),
    );
    out.push(sample(
        "rotated-2px-soft.png",
        encode(
            &grey(image::imageops::blur(&rotated_small, 0.8)),
            ImageFormat::Png,
        ),
        &[ALICE],
        false,
    ));
    let framed6 = framed(&base, 60);
    let (w, h) = (framed6.width() as f32, framed6.height() as f32);
    let skew = Projection::from_control_points(
        [(0.0, 0.0), (w, 0.0), (w, h), (0.0, h)],
        [(10.0, 0.0), (w - 25.0, 12.0), (w, h - 8.0), (0.0, h)],
    )
    .unwrap();
    let skewed = warp(
        &framed6,
        skew,
        Interpolation::Bilinear,
        Border::Constant(Luma([255])),
    );
    out.push(sample(
        "skewed.png",
        encode(&grey(skewed), ImageFormat::Png),
        &[ALICE],
        false,
    ));
    out.push(sample(
        "perspective.jpg",
        jpeg(&grey(photo_of_screen(&qr(ALICE, 5), 0.3, 1.2, 21)), 85),
        &[ALICE],
        false,
    ));
    let blurred = image::imageops::blur(&framed(&three, 40), 1.5);
    out.push(sample(
        "blurred.png",
        encode(&grey(blurred), ImageFormat::Png),
        &[ALICE],
        false,
    ));
    // A zoomed-out browser page: 1.5 pixels per module.
    let mut zoomed = DynamicImage::ImageRgb8(page(800, 600, 9)).to_luma8();
    image::imageops::overlay(&mut zoomed, &module_1_5(ALICE), 500, 250);
    out.push(sample(
        "module-1.5px.png",
        encode(&grey(zoomed), ImageFormat::Png),
        &[ALICE],
        false,
    ));
    out.push(sample(
        "compressed.jpg",
        jpeg(&grey(framed(&small, 40)), 35),
        &[ALICE],
        false,
    ));
    out.push(sample(
        "jpeg-artefacts.jpg",
        jpeg(&grey(image::imageops::blur(&framed(&small, 40), 1.8)), 40),
        &[ALICE],
        false,
    ));
    let mut low = GrayImage::from_pixel(small.width() + 80, small.height() + 80, Luma([150]));
    paste_grey(&mut low, &small, 40, 40, 138, 150);
    out.push(sample(
        "low-contrast.png",
        encode(&grey(low), ImageFormat::Png),
        &[ALICE],
        false,
    ));
    let mut inverted = base.clone();
    image::imageops::invert(&mut inverted);
    out.push(sample(
        "inverted.png",
        encode(&grey(inverted), ImageFormat::Png),
        &[ALICE],
        false,
    ));
    let mut glared = framed(&small, 40);
    let gw = glared.width() as f32;
    glare(&mut glared, 0.45 * gw, 0.45 * gw, 0.45 * gw, 0.97);
    out.push(sample(
        "glare.jpg",
        jpeg(&grey(glared), 90),
        &[ALICE],
        false,
    ));

    // Hard ones, that neither zbar nor ZXing reads: one trouble at its worst, or several at once.
    let mut hard_blur = image::imageops::blur(&framed(&small, 40), 2.2);
    add_noise(&mut hard_blur, 4, 31);
    out.push(sample(
        "hard-blur.png",
        encode(&grey(hard_blur), ImageFormat::Png),
        &[ALICE],
        false,
    ));
    out.push(sample(
        "hard-blurred-jpeg.jpg",
        jpeg(&grey(image::imageops::blur(&framed(&small, 40), 2.0)), 60),
        &[ALICE],
        false,
    ));
    let mut hard_low = GrayImage::from_pixel(small.width() + 80, small.height() + 80, Luma([150]));
    paste_grey(&mut hard_low, &small, 40, 40, 145, 150);
    out.push(sample(
        "hard-low-contrast.png",
        encode(&grey(hard_low), ImageFormat::Png),
        &[ALICE],
        false,
    ));
    let mut hard_glare = framed(&small, 40);
    let hw = hard_glare.width() as f32;
    glare(&mut hard_glare, 0.45 * hw, 0.45 * hw, 0.45 * hw, 0.99);
    out.push(sample(
        "hard-glare.jpg",
        jpeg(&grey(hard_glare), 90),
        &[ALICE],
        false,
    ));
    out.push(sample(
        "hard-perspective.jpg",
        jpeg(&grey(photo_of_screen(&qr(ALICE, 5), 0.35, 1.0, 21)), 85),
        &[ALICE],
        false,
    ));
    out.push(sample(
        "hard-jpeg-1.5px.jpg",
        jpeg(&grey(framed(&module_1_5(ALICE), 40)), 30),
        &[ALICE],
        false,
    ));
    out.push(sample(
        "hard-photo.jpg",
        jpeg(&grey(photo_of_screen(&qr(ALICE, 5), 0.3, 1.6, 21)), 85),
        &[ALICE],
        false,
    ));
    let five = qr(ALICE, 5);
    let tiny = image::imageops::resize(
        &five,
        five.width() * 6 / 25,
        five.height() * 6 / 25,
        image::imageops::FilterType::Triangle,
    );
    out.push(sample(
        "hard-1.2px.png",
        encode(&grey(framed(&tiny, 30)), ImageFormat::Png),
        &[ALICE],
        false,
    ));

    // Negatives: nothing to find.
    out.push(sample(
        "blank.png",
        encode(
            &grey(GrayImage::from_pixel(800, 600, Luma([255]))),
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
    out.push(sample("noise.jpg", jpeg(&grey(noise), 80), &[], false));
    out.push(sample(
        "photo.jpg",
        jpeg(&grey(photo(1200, 900, 77)), 85),
        &[],
        false,
    ));
    out.push(sample(
        "app-window.png",
        encode(
            &DynamicImage::ImageRgb8(app_window(1280, 800)),
            ImageFormat::Png,
        ),
        &[],
        false,
    ));
    out.push(sample(
        "page.png",
        encode(
            &DynamicImage::ImageRgb8(page(1280, 1000, 17)),
            ImageFormat::Png,
        ),
        &[],
        false,
    ));
    out.push(sample(
        "ean13.png",
        encode(&grey(framed(&ean13("400638133393"), 30)), ImageFormat::Png),
        &[],
        false,
    ));
    out
}
