//! QR codes drawn for an account scan back to the same text.

use vigil_core::migration;
use vigil_core::qr::{Payload, decode_texts, render_png, render_uris_png, scan_image};
use vigil_core::{OtpParams, OtpUri, Secret};

#[test]
fn an_account_qr_code_scans_back() {
    let uri = OtpUri::new(
        "Shop",
        "alice@example.com",
        Secret::from_base32("JBSWY3DPEHPK3PXP").unwrap(),
        OtpParams::totp(),
    );
    let text = uri.to_uri_string();
    let png = render_png(&text).unwrap();
    assert_eq!(decode_texts(&png).unwrap(), vec![text]);
    let found = scan_image(&png).unwrap();
    assert!(matches!(&found[0].payload, Payload::Account(back) if *back == uri));
}

#[test]
fn export_qr_codes_scan_back_in_batches() {
    let accounts: Vec<OtpUri> = (0..12u8)
        .map(|i| {
            OtpUri::new(
                &format!("Issuer {i}"),
                "me",
                Secret::from_bytes(vec![i; 20]),
                OtpParams::totp(),
            )
        })
        .collect();
    let uris = migration::encode(&accounts, 42).unwrap();
    let pngs = render_uris_png(&uris).unwrap();
    assert_eq!(pngs.len(), 2);
    let mut back = Vec::new();
    for (i, png) in pngs.iter().enumerate() {
        let found = scan_image(png).unwrap();
        let Payload::Export(batch) = &found[0].payload else {
            panic!()
        };
        assert_eq!((batch.index, batch.size), (i as u32 + 1, 2));
        back.extend(batch.accounts.clone());
    }
    assert_eq!(back, accounts);
}

#[test]
fn svg_is_an_inline_element_without_text_or_style() {
    let text = "otpauth://totp/Shop:alice?secret=JBSWY3DPEHPK3PXP&issuer=Shop";
    let svg = vigil_core::qr::render_svg(text).unwrap();
    assert!(svg.starts_with("<svg"), "{svg}");
    assert!(svg.trim_end().ends_with("</svg>"), "{svg}");
    for absent in ["<?xml", "style", "<text", "JBSWY3DPEHPK3PXP", "script"] {
        assert!(!svg.contains(absent), "{absent} in {svg}");
    }
    assert!(svg.contains("viewBox") || svg.contains("width"), "{svg}");
    let long = "x".repeat(8000);
    assert!(vigil_core::qr::render_svg(&long).is_err());
}
