//! `vigil scan/add --screen` and `--clipboard` on a real X display (Xvfb, started by
//! `scripts/test`): a QR code is painted on the root window, or put on the clipboard by `xclip`.

use std::io::Write;
use std::process::{Command, Stdio};

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{ConnectionExt, CreateGCAux, ImageFormat};
use x11rb::wrapper::ConnectionExt as _;

use crate::support::Home;

const URI: &str = "otpauth://totp/Screen:carol%40example.com?secret=KRUGS4ZANFZSA5DIMUQHIZLTOQQSA3LF&issuer=Screen&algorithm=SHA1&digits=6&period=30";

fn require_display() {
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "these tests need an X display: run them with scripts/test (it starts Xvfb)"
    );
}

/// Paints `png` on the root window at (x, y), in strips small enough for one X request. The
/// painting stays while the returned connection is open: when its last client leaves, Xvfb
/// resets and the screen turns black (before, the test passed only while another test's
/// `xclip` happened to be connected).
fn paint_on_screen(png: &[u8], x: i16, y: i16) -> impl Connection + use<> {
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

#[test]
fn scan_and_add_from_the_screen() {
    require_display();
    let home = Home::new();
    let _painted = paint_on_screen(&vigil_core::qr::render_png(URI).unwrap(), 300, 150);
    assert_eq!(home.ok(&["scan", "--screen"]).trim(), URI);
    let added = home.ok(&["add", "--screen"]);
    assert!(
        added.contains("Added Screen (carol@example.com)"),
        "{added}"
    );
    assert!(home.ok(&["list"]).contains("carol@example.com"));

    // The same code painted over with its data destroyed: seen, not read, and said so.
    paint_on_screen(&crate::qr::damaged_code(URI), 300, 150);
    let run = home.run(&["scan", "--screen"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("A QR code is there but could not be read: try a larger or sharper picture"),
        "{}",
        run.stderr
    );
}

fn set_clipboard(mime: &str, bytes: &[u8]) {
    let mut child = Command::new("xclip")
        .args(["-selection", "clipboard", "-t", mime, "-i"])
        .stdin(Stdio::piped())
        .spawn()
        .expect("xclip (Debian package xclip) must be installed");
    child.stdin.take().unwrap().write_all(bytes).unwrap();
    assert!(child.wait().unwrap().success());
}

#[test]
fn scan_and_add_from_the_clipboard() {
    require_display();
    let home = Home::new();
    // One test touches the clipboard, so text and image run in sequence here.
    set_clipboard("UTF8_STRING", URI.as_bytes());
    assert_eq!(home.ok(&["scan", "--clipboard"]).trim(), URI);
    // Adding a pasted link clears it from the clipboard: the secret does not linger there.
    let added = home.ok(&["add", "--clipboard"]);
    assert!(
        added.contains("Cleared the otpauth link from the clipboard."),
        "{added}"
    );
    let left = Command::new("xclip")
        .args(["-selection", "clipboard", "-o"])
        .output()
        .unwrap();
    assert!(
        !String::from_utf8_lossy(&left.stdout).contains("otpauth"),
        "the link is still on the clipboard"
    );

    let bob = "otpauth://totp/Clip:bob?secret=JBSWY3DPEHPK3PXP&issuer=Clip&algorithm=SHA1&digits=6&period=30";
    set_clipboard("image/png", &vigil_core::qr::render_png(bob).unwrap());
    assert_eq!(home.ok(&["scan", "--clipboard"]).trim(), bob);
    let added = home.ok(&["add", "--clipboard"]);
    assert!(added.contains("Added Clip (bob)"), "{added}");

    set_clipboard("image/png", &crate::qr::damaged_code(bob));
    let run = home.run(&["scan", "--clipboard"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("A QR code is there but could not be read: try a larger or sharper picture"),
        "{}",
        run.stderr
    );

    set_clipboard("UTF8_STRING", b"just some words");
    let run = home.run(&["add", "--clipboard"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains(
            "The clipboard holds text (just some words), not an authenticator enrolment code"
        ),
        "{}",
        run.stderr
    );
}
