//! `scan_screens`: through the stand-in Screenshot portal when it is on the session bus (its
//! picture, never the X screen's), a refusal as a clear error, and the X11 screen (Xvfb) when no
//! portal is there.

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{ConnectionExt, CreateGCAux, ImageFormat};
use x11rb::wrapper::ConnectionExt as _;

use vigil_capture::{CaptureError, scan_screens};

use crate::stand_in_portal::{ScreenshotAnswer, SharedDesktop, StandInPortal};

const ON_X_SCREEN: &str = "otpauth://totp/X11:dave%40example.com?secret=KRUGS4ZANFZSA5DIMUQHIZLTOQQSA3LF&issuer=X11&algorithm=SHA1&digits=6&period=30";
const FROM_PORTAL: &str = "otpauth://totp/Portal:erin%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Portal&algorithm=SHA1&digits=6&period=30";

/// Paints `png` on the root window at (x, y), in strips small enough for one X request. The
/// painting stays while the returned connection is open: when its last client leaves, Xvfb
/// resets and the screen turns black.
fn paint_on_x_screen(png: &[u8], x: i16, y: i16) -> impl Connection + use<> {
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "these tests need an X display: run them through scripts/with-xvfb"
    );
    let image = image::load_from_memory(png).unwrap().to_rgba8();
    let (connection, screen_number) = x11rb::connect(None).unwrap();
    let screen = &connection.setup().roots[screen_number];
    assert!(screen.root_depth >= 24, "run Xvfb with a 24-bit screen");
    let gc = connection.generate_id().unwrap();
    connection
        .create_gc(gc, screen.root, &CreateGCAux::new())
        .unwrap();
    let width = image.width() as u16;
    for (strip, rows) in image.rows().collect::<Vec<_>>().chunks(32).enumerate() {
        let data: Vec<u8> = rows
            .iter()
            .flat_map(|row| row.clone().flat_map(|p| [p[2], p[1], p[0], 0]))
            .collect();
        connection
            .put_image(
                ImageFormat::Z_PIXMAP,
                screen.root,
                gc,
                width,
                rows.len() as u16,
                x,
                y + (strip * 32) as i16,
                0,
                screen.root_depth,
                &data,
            )
            .unwrap();
    }
    connection.sync().unwrap();
    connection
}

/// A screenshot file holding `text`'s QR code, as a portal writes one, and its `file://` URI.
fn screenshot_file(dir: &tempfile::TempDir, text: &str) -> (std::path::PathBuf, String) {
    let path = dir.path().join("Screenshot from the portal.png");
    std::fs::write(&path, vigil_core::qr::render_png(text).unwrap()).unwrap();
    let uri = url::Url::from_file_path(&path).unwrap().to_string();
    (path, uri)
}

#[test]
fn the_portal_picture_is_scanned_and_removed() {
    let desktop = SharedDesktop::take();
    let _painted = paint_on_x_screen(&vigil_core::qr::render_png(ON_X_SCREEN).unwrap(), 200, 100);
    let dir = tempfile::tempdir().unwrap();
    let (path, uri) = screenshot_file(&dir, FROM_PORTAL);
    let portal = StandInPortal::start(&desktop, ScreenshotAnswer::Uri(uri), 0);

    let found = scan_screens().unwrap();

    let texts: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(
        texts,
        [FROM_PORTAL],
        "the portal's picture, not the X screen"
    );
    assert!(
        !path.exists(),
        "the screenshot (it shows a secret) was left on disk"
    );
    let requests = portal.requests();
    assert_eq!(requests.len(), 1);
    let interactive = requests[0]
        .get("interactive")
        .map(|v| bool::try_from(v).unwrap());
    assert_eq!(
        interactive,
        Some(false),
        "the whole screen is asked for, without a dialog"
    );
}

#[test]
fn a_refused_screenshot_is_a_clear_error() {
    let desktop = SharedDesktop::take();
    let _painted = paint_on_x_screen(&vigil_core::qr::render_png(ON_X_SCREEN).unwrap(), 200, 100);
    for code in [1, 2] {
        let portal = StandInPortal::start(&desktop, ScreenshotAnswer::Refuse(code), 0);
        let error = scan_screens().unwrap_err();
        assert_eq!(error, CaptureError::ScreenshotRefused, "response {code}");
        assert!(
            error.to_string().contains("did not allow the screenshot"),
            "{error}"
        );
        assert_eq!(portal.requests().len(), 1);
    }
    // A portal may also refuse the call itself.
    let _portal = StandInPortal::start(&desktop, ScreenshotAnswer::NotAllowed, 0);
    assert_eq!(scan_screens().unwrap_err(), CaptureError::ScreenshotRefused);
}

#[test]
fn a_portal_answer_that_is_not_a_local_file_is_an_error() {
    let desktop = SharedDesktop::take();
    let remote = "https://example.com/screen.png";
    let portal = StandInPortal::start(&desktop, ScreenshotAnswer::Uri(remote.into()), 0);
    let error = scan_screens().unwrap_err();
    assert!(
        matches!(&error, CaptureError::PortalPicture(why) if why.contains(remote)),
        "{error:?}"
    );
    drop(portal);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("not a picture.png");
    std::fs::write(&path, b"these bytes are no image").unwrap();
    let uri = url::Url::from_file_path(&path).unwrap().to_string();
    let portal = StandInPortal::start(&desktop, ScreenshotAnswer::Uri(uri), 0);
    let error = scan_screens().unwrap_err();
    assert!(matches!(error, CaptureError::PortalPicture(_)), "{error:?}");
    assert!(!path.exists(), "the unreadable screenshot was left on disk");
    assert_eq!(portal.requests().len(), 1);
}

#[test]
fn without_a_portal_the_x11_screen_is_scanned() {
    let desktop = SharedDesktop::take();
    assert!(
        !desktop.portal_present(),
        "a desktop portal is on this session bus: run the tests on a private one (scripts/with-keyring)"
    );
    let _painted = paint_on_x_screen(&vigil_core::qr::render_png(ON_X_SCREEN).unwrap(), 200, 100);
    let found = scan_screens().unwrap();
    let texts: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(texts, [ON_X_SCREEN]);
}
