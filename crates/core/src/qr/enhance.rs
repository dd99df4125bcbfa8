//! The picture fixes the costlier passes try: inversion, contrast stretch, resizing, sharpening,
//! rotation, adaptive thresholding and smoothing. Each returns a new grey picture.

use image::imageops::{self, FilterType};
use image::{GrayImage, Luma};
use imageproc::contrast::adaptive_threshold;
use imageproc::geometric_transformations::{Border, Interpolation, rotate_about_center_no_crop};

/// The grey levels between the darkest and lightest percent of the picture spread over 0..=255,
/// so a faint code (low contrast, washed out by glare) has the contrast the binariser needs.
/// `None` when the picture already spans most of the range (the pass would change nothing).
pub fn stretched(grey: &GrayImage) -> Option<GrayImage> {
    let mut histogram = [0u64; 256];
    for Luma([v]) in grey.pixels() {
        histogram[usize::from(*v)] += 1;
    }
    let total: u64 = histogram.iter().sum();
    let cut = total / 100;
    let (mut low, mut seen) = (0usize, 0u64);
    while low < 255 && seen + histogram[low] <= cut {
        seen += histogram[low];
        low += 1;
    }
    let (mut high, mut seen) = (255usize, 0u64);
    while high > low && seen + histogram[high] <= cut {
        seen += histogram[high];
        high -= 1;
    }
    let range = high.saturating_sub(low);
    if range >= 160 || range == 0 {
        return None;
    }
    let table: Vec<u8> = (0..256usize)
        .map(|v| ((v.clamp(low, high) - low) * 255 / range) as u8)
        .collect();
    let mut out = grey.clone();
    for Luma([v]) in out.pixels_mut() {
        *v = table[usize::from(*v)];
    }
    Some(out)
}

/// Half the size, each pixel the mean of four: averages noise and JPEG artefacts away. `None`
/// for a picture too small to hold a code at half size.
pub fn halved(grey: &GrayImage) -> Option<GrayImage> {
    if grey.width() < 84 || grey.height() < 84 {
        return None;
    }
    let (w, h) = (grey.width() as usize / 2, grey.height() as usize / 2);
    let stride = grey.width() as usize;
    let raw = grey.as_raw();
    let mut out = Vec::with_capacity(w * h);
    for y in 0..h {
        let top = &raw[2 * y * stride..2 * y * stride + 2 * w];
        let bottom = &raw[(2 * y + 1) * stride..(2 * y + 1) * stride + 2 * w];
        for (t, b) in top.chunks_exact(2).zip(bottom.chunks_exact(2)) {
            let sum = u16::from(t[0]) + u16::from(t[1]) + u16::from(b[0]) + u16::from(b[1]);
            out.push((sum / 4) as u8);
        }
    }
    GrayImage::from_raw(w as u32, h as u32, out)
}

/// Twice the size (bilinear): modules of 1 to 2 pixels become wide enough to sample.
pub fn doubled(grey: &GrayImage) -> Option<GrayImage> {
    Some(imageops::resize(
        grey,
        grey.width() * 2,
        grey.height() * 2,
        FilterType::Triangle,
    ))
}

/// Sharpened (unsharp mask): blurred module edges made steep again.
pub fn sharpened(grey: &GrayImage) -> Option<GrayImage> {
    Some(imageops::unsharpen(grey, 2.0, 0))
}

/// Turned by 45 degrees on a canvas large enough to keep every corner: a code at 45 degrees
/// becomes upright.
pub fn rotated_45(grey: &GrayImage) -> Option<GrayImage> {
    let corner = grey.get_pixel(0, 0)[0];
    Some(rotate_about_center_no_crop(
        grey,
        std::f32::consts::FRAC_PI_4,
        Interpolation::Bilinear,
        Border::Constant(Luma([corner])),
    ))
}

/// Black and white by comparison with the mean of a window a few modules wide: glare and shading
/// gradients no longer move the threshold.
pub fn thresholded(grey: &GrayImage) -> Option<GrayImage> {
    let radius = (grey.width().min(grey.height()) / 40).clamp(8, 64);
    Some(adaptive_threshold(grey, radius, 0))
}

/// Smoothed (median of 3x3): JPEG ringing and sensor noise removed, edges kept.
pub fn smoothed(grey: &GrayImage) -> Option<GrayImage> {
    Some(imageproc::filter::median_filter(grey, 1, 1))
}
