//! Every corpus picture gives exactly the codes it holds.

use std::collections::BTreeSet;

use vigil_core::qr::{Payload, QrError, decode_texts, scan_image};

use crate::corpus::{ALICE, EXPORT, LINK, corpus};

#[test]
fn every_sample_decodes_to_exactly_its_codes() {
    let mut failures = Vec::new();
    for sample in corpus() {
        let found: BTreeSet<String> = decode_texts(&sample.bytes).unwrap().into_iter().collect();
        let expected: BTreeSet<String> = sample.expected.iter().cloned().collect();
        if found != expected {
            failures.push(format!(
                "{}: found {found:?}, expected {expected:?}",
                sample.name
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn classifies_what_it_finds() {
    let samples = corpus();
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
