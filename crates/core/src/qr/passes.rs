//! The passes over one grey picture, cheapest first: each later one runs only when every earlier
//! one found nothing, and none starts once [`TIME_BOUND`] has passed.

use std::time::{Duration, Instant};

use image::GrayImage;

use super::enhance;
use super::read::{Binarised, Detection, Polarity};

/// The time after which no further pass starts on a picture (the first pass always runs; a pass
/// that has started finishes). Pictures that hold a code in plain sight are read by the first pass
/// in a small fraction of this.
pub const TIME_BOUND: Duration = Duration::from_millis(2000);

/// What the passes made of one picture.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decoded {
    /// The texts of every QR code read, in reading order, without repeats.
    pub texts: Vec<String>,
    /// The name of the pass that read them (`None` when nothing was read).
    pub pass: Option<&'static str>,
    /// When nothing was read: whether a QR code's finder patterns and grid were seen all the same
    /// (a code too small, blurred or damaged to read).
    pub code_seen: bool,
}

/// A fix of the picture before reading it (`None`: not worth trying on this picture).
type Fix = fn(&GrayImage) -> Option<GrayImage>;

/// One pass: the picture it reads (the original, or a fix of it), the readings it tries, and the
/// largest picture it is worth its cost on.
struct Pass {
    name: &'static str,
    fix: Option<Fix>,
    readings: &'static [(Detection, Polarity)],
    min_pixels: u64,
    max_pixels: u64,
}

const ALL: u64 = u64::MAX;
/// Passes that filter, enlarge or rotate run on up to 4.2 megapixels (a whole 1440p screen).
const SMALL: u64 = 4_200_000;

use Detection::{Classic, Cpp};
use Polarity::{Inverted, Normal};

const PASSES: &[Pass] = &[
    // On a large screenshot, a code drawn with modules of 3 pixels or more is read at half size
    // for a quarter of the cost; smaller modules need the full size, next.
    Pass {
        name: "large picture at half size",
        fix: Some(enhance::halved),
        readings: &[(Cpp, Normal), (Cpp, Inverted)],
        min_pixels: SMALL,
        max_pixels: ALL,
    },
    Pass {
        name: "plain",
        fix: None,
        readings: &[(Classic, Normal)],
        min_pixels: 0,
        max_pixels: ALL,
    },
    Pass {
        name: "inverted",
        fix: None,
        readings: &[(Classic, Inverted)],
        min_pixels: 0,
        max_pixels: ALL,
    },
    Pass {
        name: "zxing-cpp detector",
        fix: None,
        readings: &[(Cpp, Inverted), (Cpp, Normal)],
        min_pixels: 0,
        max_pixels: ALL,
    },
    Pass {
        name: "contrast stretch",
        fix: Some(enhance::stretched),
        readings: &[(Classic, Normal), (Cpp, Normal)],
        min_pixels: 0,
        max_pixels: ALL,
    },
    Pass {
        name: "half size",
        fix: Some(enhance::halved),
        readings: &[(Classic, Normal), (Cpp, Normal), (Classic, Inverted)],
        min_pixels: 0,
        max_pixels: ALL,
    },
    Pass {
        name: "adaptive threshold",
        fix: Some(enhance::thresholded),
        readings: &[(Classic, Normal), (Cpp, Normal)],
        min_pixels: 0,
        max_pixels: SMALL,
    },
    Pass {
        name: "sharpened",
        fix: Some(enhance::sharpened),
        readings: &[(Classic, Normal), (Cpp, Normal)],
        min_pixels: 0,
        max_pixels: SMALL,
    },
    Pass {
        name: "smoothed",
        fix: Some(enhance::smoothed),
        readings: &[(Classic, Normal), (Cpp, Normal)],
        min_pixels: 0,
        max_pixels: SMALL,
    },
    Pass {
        name: "double size",
        fix: Some(enhance::doubled),
        readings: &[(Classic, Normal), (Cpp, Normal)],
        min_pixels: 0,
        max_pixels: SMALL,
    },
    Pass {
        name: "turned 45 degrees",
        fix: Some(enhance::rotated_45),
        readings: &[(Classic, Normal)],
        min_pixels: 0,
        max_pixels: SMALL,
    },
];

fn pixels(grey: &GrayImage) -> u64 {
    u64::from(grey.width()) * u64::from(grey.height())
}

/// Runs the passes in order until one reads a code or the time bound is reached.
pub fn decode_grey(grey: &GrayImage) -> Decoded {
    // A QR code needs 21 modules plus a margin; anything smaller holds none.
    if grey.width() < 21 || grey.height() < 21 {
        return Decoded::default();
    }
    // The original picture is binarised once, when a pass first reads it.
    let mut original: Option<Binarised> = None;
    let started = Instant::now();
    for (index, pass) in PASSES.iter().enumerate() {
        if index > 0 && started.elapsed() >= TIME_BOUND {
            break;
        }
        if !(pass.min_pixels..=pass.max_pixels).contains(&pixels(grey)) {
            continue;
        }
        let mut fixed = None;
        let picture = match pass.fix {
            None => match &mut original {
                Some(original) => original,
                empty => match Binarised::new(grey) {
                    Some(binarised) => empty.insert(binarised),
                    None => return Decoded::default(),
                },
            },
            Some(fix) => match fix(grey).as_ref().and_then(Binarised::new) {
                Some(binarised) => fixed.insert(binarised),
                None => continue,
            },
        };
        for (detection, polarity) in pass.readings {
            let texts = picture.read(*detection, *polarity);
            if !texts.is_empty() {
                return Decoded {
                    texts,
                    pass: Some(pass.name),
                    code_seen: true,
                };
            }
        }
    }
    let code_seen = match &mut original {
        Some(original) => original.code_seen(),
        None => Binarised::new(grey).is_some_and(|mut b| b.code_seen()),
    };
    Decoded {
        code_seen,
        ..Decoded::default()
    }
}

/// Every pass and reading on its own, none stopping the others, with what each read and in how
/// long (its fix included): for measuring which pass reads which kind of picture
/// (`examples/qr_passes.rs`).
#[doc(hidden)]
pub fn every_pass(grey: &GrayImage) -> Vec<(String, Vec<String>, Duration)> {
    let mut out = Vec::new();
    for pass in PASSES {
        for (detection, polarity) in pass.readings {
            let started = Instant::now();
            let fixed = match pass.fix {
                None => Some(grey.clone()),
                Some(fix) => fix(grey),
            };
            let Some(mut picture) = fixed.as_ref().and_then(Binarised::new) else {
                continue;
            };
            let texts = picture.read(*detection, *polarity);
            out.push((
                format!("{} ({detection:?}, {polarity:?})", pass.name),
                texts,
                started.elapsed(),
            ));
        }
    }
    out
}
