//! Every corpus picture gives exactly the codes it holds.

use std::collections::BTreeSet;

use vigil_core::qr::{Payload, QrError, decode, decode_texts, scan_image};

use crate::corpus::{ALICE, EXPORT, LINK, shared};

#[test]
fn every_sample_decodes_to_exactly_its_codes() {
    let mut failures = Vec::new();
    let (mut hard, mut hard_read) = (0, 0);
    for sample in shared() {
        let found: BTreeSet<String> = decode_texts(&sample.bytes).unwrap().into_iter().collect();
        let expected: BTreeSet<String> = sample.expected.iter().cloned().collect();
        if sample.name.starts_with("hard-") {
            // The hard ones: no peer reads them; at least half must be read, and none misread.
            hard += 1;
            if found == expected {
                hard_read += 1;
            } else if !found.is_empty() {
                failures.push(format!("{}: misread as {found:?}", sample.name));
            }
        } else if found != expected {
            failures.push(format!(
                "{}: found {found:?}, expected {expected:?}",
                sample.name
            ));
        }
    }
    assert!(hard >= 4, "the corpus has {hard} hard pictures");
    if 2 * hard_read < hard {
        failures.push(format!("only {hard_read} of {hard} hard pictures read"));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn pictures_without_a_code_report_none() {
    for sample in shared().iter().filter(|s| s.expected.is_empty()) {
        let decoded = decode(&sample.bytes).unwrap();
        assert_eq!(decoded.texts, Vec::<String>::new(), "{}", sample.name);
        assert_eq!(decoded.pass, None, "{}", sample.name);
        assert_eq!(
            scan_image(&sample.bytes).unwrap_err(),
            QrError::NoQrCode,
            "{} should not look like a QR code",
            sample.name
        );
    }
}

#[test]
fn passes_are_tried_cheapest_first() {
    let samples = shared();
    let pass = |name: &str| {
        let sample = samples.iter().find(|s| s.name == name).unwrap();
        decode(&sample.bytes).unwrap().pass
    };
    // The cheap passes read the easy pictures; the costlier ones are reached only when needed.
    assert_eq!(pass("plain.png"), Some("plain"));
    assert_eq!(pass("three-codes.png"), Some("plain"));
    assert_eq!(pass("window-4k-1x.png"), Some("large picture at half size"));
    assert_eq!(pass("inverted.png"), Some("inverted"));
    assert_eq!(pass("rotated-45.png"), Some("zxing-cpp detector"));
    assert_eq!(pass("low-contrast.png"), Some("contrast stretch"));
    assert_eq!(pass("hard-glare.jpg"), Some("adaptive threshold"));
    assert_eq!(pass("hard-blur.png"), Some("sharpened"));
}

#[test]
fn a_code_seen_but_not_read_says_so() {
    // A code whose data area is painted over: its finder patterns are there, its data is not.
    let mut damaged = crate::corpus::qr(ALICE, 6);
    let size = damaged.width();
    for y in size / 3..size - size / 3 {
        for x in size / 3..size - 6 * 4 {
            damaged.put_pixel(
                x,
                y,
                image::Luma([if (x / 6 + y / 6) % 2 == 0 { 0 } else { 255 }]),
            );
        }
    }
    let mut bytes = Vec::new();
    image::DynamicImage::ImageLuma8(damaged)
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
    let decoded = decode(&bytes).unwrap();
    assert!(decoded.texts.is_empty(), "{decoded:?}");
    assert!(decoded.code_seen);
    let error = scan_image(&bytes).unwrap_err();
    assert_eq!(error, QrError::CodeNotRead);
    assert_eq!(
        error.to_string(),
        "A QR code is there but could not be read: try a larger or sharper picture"
    );
}

#[test]
fn classifies_what_it_finds() {
    let samples = shared();
    let bytes = |name: &str| {
        samples
            .iter()
            .find(|s| s.name == name)
            .unwrap()
            .bytes
            .clone()
    };
    let found = scan_image(&bytes("plain.png")).unwrap();
    assert_eq!(found.len(), 1);
    assert!(matches!(&found[0].payload, Payload::Account(uri) if uri.issuer == "Shop"));
    assert_eq!(found[0].text, ALICE);

    let export = scan_image(&bytes("export.png")).unwrap();
    assert_eq!(export[0].text, EXPORT);
    let Payload::Export(batch) = &export[0].payload else {
        panic!("{export:?}")
    };
    assert_eq!((batch.index, batch.size, batch.accounts.len()), (1, 1, 1));

    let link = scan_image(&bytes("weblink.png")).unwrap();
    assert_eq!(link[0].text, LINK);
    assert_eq!(
        link[0].payload,
        Payload::NotEnrolment(format!(
            "This QR code is a web link ({LINK}), not an authenticator enrolment code"
        ))
    );

    assert_eq!(
        scan_image(&bytes("blank.png")).unwrap_err(),
        QrError::NoQrCode
    );
    assert_eq!(
        QrError::NoQrCode.to_string(),
        "No QR code found in this image"
    );
    let three = scan_image(&bytes("three-codes.png")).unwrap();
    assert_eq!(three.iter().map(|f| f.accounts().len()).sum::<usize>(), 3);
}
