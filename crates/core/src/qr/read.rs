//! The rxing readers a pass runs on one picture, binarised once for both polarities and both
//! detectors, and the check for a code seen but not read.

use std::collections::HashSet;

use image::GrayImage;
use rxing::multi::MultipleBarcodeReader;
use rxing::multi::qrcode::QRCodeMultiReader;
use rxing::qrcode::cpp_port::QrReader;
use rxing::qrcode::detector::Detector;
use rxing::{
    BarcodeFormat, BinaryBitmap, DecodeHints, Luma8LuminanceSource, common::HybridBinarizer,
};

/// Which of rxing's two QR detectors a pass uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detection {
    /// ZXing's Java detector (rxing's `QRCodeMultiReader`): fast, and reads dense pages well.
    Classic,
    /// The port of zxing-cpp's detector (`cpp_port::QrReader`): finds small, rotated and
    /// perspective-warped codes the classic one misses.
    Cpp,
}

/// Which way round a picture is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Polarity {
    /// Dark modules on a light background, as printed.
    Normal,
    /// Light modules on a dark background (dark mode): the binarised picture flipped.
    Inverted,
}

fn hints() -> DecodeHints {
    DecodeHints {
        PossibleFormats: Some(HashSet::from([BarcodeFormat::QR_CODE])),
        TryHarder: Some(true),
        ..DecodeHints::default()
    }
}

/// One picture binarised (rxing's hybrid binariser: a threshold per 8x8 block from its
/// neighbourhood), read as many ways as the passes ask without binarising it again.
pub struct Binarised {
    bitmap: BinaryBitmap<HybridBinarizer<Luma8LuminanceSource>>,
    inverted: bool,
}

impl Binarised {
    /// `None` for a picture rxing cannot take (empty).
    pub fn new(grey: &GrayImage) -> Option<Self> {
        let source =
            Luma8LuminanceSource::new(grey.as_raw().clone(), grey.width(), grey.height()).ok()?;
        Some(Binarised {
            bitmap: BinaryBitmap::new(HybridBinarizer::new(source)),
            inverted: false,
        })
    }

    fn turn(&mut self, polarity: Polarity) {
        if self.inverted != (polarity == Polarity::Inverted) {
            self.bitmap.invert();
            self.inverted = !self.inverted;
        }
    }

    /// The texts of the QR codes `detection` finds, in reading order, without repeats.
    pub fn read(&mut self, detection: Detection, polarity: Polarity) -> Vec<String> {
        self.turn(polarity);
        let hints = hints();
        let results = match detection {
            Detection::Classic => {
                QRCodeMultiReader::default().decode_multiple_with_hints(&mut self.bitmap, &hints)
            }
            Detection::Cpp => QrReader.decode_multiple_with_hints(&mut self.bitmap, &hints),
        }
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

    /// Whether the picture shows a QR code's three finder patterns with a grid of a QR code's
    /// size between them, in either polarity, whether or not its modules can be read.
    pub fn code_seen(&mut self) -> bool {
        [Polarity::Normal, Polarity::Inverted]
            .into_iter()
            .any(|polarity| {
                self.turn(polarity);
                Detector::new(self.bitmap.get_black_matrix())
                    .detect_with_hints(&hints())
                    .is_ok()
            })
    }
}
