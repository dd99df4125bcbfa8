//! QR codes through `vigil`: export an account's code, scan it, enrol from it; bad pictures.

use crate::support::Home;

#[test]
fn export_scan_and_add_from_a_qr_code() {
    let home = Home::new();
    let uri = "otpauth://totp/Shop:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Shop&algorithm=SHA1&digits=6&period=30";
    home.ok(&["add", "--uri", uri]);
    let png = home.dir.path().join("alice.png");
    let out = home.ok(&["export", "--qr", "shop", "--out", png.to_str().unwrap()]);
    assert!(
        out.contains("Wrote the QR code of Shop (alice@example.com)"),
        "{out}"
    );

    let scanned = home.ok(&["scan", png.to_str().unwrap()]);
    assert_eq!(scanned.trim(), uri);

    let other = Home::new();
    let added = other.ok(&["add", "--qr", png.to_str().unwrap()]);
    assert!(added.contains("Added Shop (alice@example.com)"), "{added}");
    assert!(added.contains("1 added, 0 skipped"), "{added}");
    let again = other.ok(&["add", "--qr", png.to_str().unwrap()]);
    assert!(
        again.contains("Skipped Shop (alice@example.com): already in Vigil"),
        "{again}"
    );
    assert_eq!(
        other.ok(&["code", "shop", "--at", "1700000000"]),
        home.ok(&["code", "shop", "--at", "1700000000"])
    );
}

#[test]
fn google_export_images_bring_every_account() {
    let home = Home::new();
    for i in 0..12 {
        let secret = ["JBSWY3DPEHPK3PXP", "GEZDGNBVGY3TQOJQ", "KRUGS4ZANFZSA5DI"][i % 3];
        home.ok(&[
            "add",
            "--uri",
            &format!("otpauth://totp/Issuer{i}:me?secret={secret}"),
        ]);
    }
    let stem = home.dir.path().join("export.png");
    let out = home.ok(&["export", "--google", "--out", stem.to_str().unwrap()]);
    assert_eq!(out.lines().count(), 2, "{out}");
    let other = Home::new();
    let first = other.ok(&[
        "add",
        "--qr",
        home.dir.path().join("export-1.png").to_str().unwrap(),
    ]);
    assert!(
        first.contains("export code 1 of 2") && first.contains("10 added"),
        "{first}"
    );
    let second = other.ok(&[
        "add",
        "--qr",
        home.dir.path().join("export-2.png").to_str().unwrap(),
    ]);
    assert!(
        second.contains("export code 2 of 2") && second.contains("2 added"),
        "{second}"
    );
    let json: serde_json::Value = serde_json::from_str(&other.ok(&["list", "--json"])).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 12);
}

#[test]
fn pictures_without_enrolment_codes_exit_2_with_the_reason() {
    let home = Home::new();
    let link = home.dir.path().join("link.png");
    std::fs::write(
        &link,
        vigil_core::qr::render_png("https://example.com/x").unwrap(),
    )
    .unwrap();
    let run = home.run(&["add", "--qr", link.to_str().unwrap()]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("This QR code is a web link (https://example.com/x), not an authenticator enrolment code"),
        "{}",
        run.stderr
    );
    let scanned = home.ok(&["scan", link.to_str().unwrap()]);
    assert_eq!(scanned.trim(), "https://example.com/x");

    let blank = home.dir.path().join("blank.png");
    let mut bytes = Vec::new();
    image::DynamicImage::ImageLuma8(image::GrayImage::from_pixel(300, 200, image::Luma([255])))
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
    std::fs::write(&blank, bytes).unwrap();
    for command in [vec!["scan"], vec!["add", "--qr"]] {
        let mut args = command.clone();
        args.push(blank.to_str().unwrap());
        let run = home.run(&args);
        assert_eq!(run.status, 2, "{args:?}");
        assert!(
            run.stderr.contains("No QR code found in this image"),
            "{}",
            run.stderr
        );
    }
    // A code whose data is painted over: seen, not read, and the message says so.
    let damaged = home.dir.path().join("damaged.png");
    std::fs::write(
        &damaged,
        damaged_code("otpauth://totp/Shop:alice?secret=JBSWY3DPEHPK3PXP"),
    )
    .unwrap();
    for command in [vec!["scan"], vec!["add", "--qr"]] {
        let mut args = command.clone();
        args.push(damaged.to_str().unwrap());
        let run = home.run(&args);
        assert_eq!(run.status, 2, "{args:?}");
        assert!(
            run.stderr.contains(
                "A QR code is there but could not be read: try a larger or sharper picture"
            ),
            "{}",
            run.stderr
        );
    }
    let text = home.dir.path().join("notes.txt");
    std::fs::write(&text, "hello").unwrap();
    let run = home.run(&["scan", text.to_str().unwrap()]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("not an image Vigil can read"),
        "{}",
        run.stderr
    );
    assert_eq!(home.run(&["scan", "/nonexistent/file.png"]).status, 2);
    assert_eq!(home.ok(&["list", "--json"]).trim(), "[]");
}

/// A PNG of the QR code of `text` with most of its data area painted over in a checkerboard: the
/// three finder patterns are intact, the data cannot be corrected.
pub fn damaged_code(text: &str) -> Vec<u8> {
    let png = vigil_core::qr::render_png(text).unwrap();
    let mut grey = image::load_from_memory(&png).unwrap().to_luma8();
    let size = grey.width();
    for y in size / 3..size * 2 / 3 {
        for x in size / 3..size * 4 / 5 {
            let dark = (x / 5 + y / 5).is_multiple_of(2);
            grey.put_pixel(x, y, image::Luma([if dark { 0 } else { 255 }]));
        }
    }
    let mut bytes = Vec::new();
    image::DynamicImage::ImageLuma8(grey)
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
    bytes
}
