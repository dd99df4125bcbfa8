//! Where QR codes come from besides image files: every display's pixels and the clipboard.
//!
//! The main types:
//! - [`Picture`]: raw RGBA pixels, handed to `vigil_core::qr::scan_rgba`.
//! - [`capture_screens`]: one [`Picture`] per X11 screen (all monitors of a screen at once).
//! - [`read_clipboard`]: the clipboard's image or text, as [`ClipboardContent`];
//!   [`clear_clipboard_otp_link`] clears a pasted otpauth link once it was added.
//! - [`scan_screens`], [`scan_clipboard`]: the QR codes found there, classified by `vigil_core`.
//! - [`CaptureError`]: no display, Wayland without X11, an empty or unreadable clipboard, a QR
//!   code seen but not read.
//!
//! Screen capture speaks the X11 protocol directly (`x11rb`), which covers X11 desktops, XWayland
//! and Xvfb with no C libraries; screen-capture crates that also cover the Wayland portal and
//! PipeWire need their C headers and clang at build time, so on a Wayland-only session capture
//! reports that it is not available. macOS and Windows capture are not built yet.

mod clipboard;
mod scan;
mod screen;

pub use clipboard::{ClipboardContent, clear_clipboard_otp_link, read_clipboard};
pub use scan::{scan_clipboard, scan_screens};
pub use screen::capture_screens;

/// An image as raw pixels: `width * height * 4` bytes of RGBA.
#[derive(Clone, PartialEq, Eq)]
pub struct Picture {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// RGBA bytes, row by row.
    pub rgba: Vec<u8>,
}

impl std::fmt::Debug for Picture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Picture({}x{})", self.width, self.height)
    }
}

/// Why nothing could be captured.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaptureError {
    /// No display server could be reached.
    #[error("No display to capture: {0}")]
    NoDisplay(String),
    /// A Wayland session without X11: capture needs the desktop portal, which Vigil does not use yet.
    #[error(
        "Screen capture is not available on Wayland without X11 yet; save a screenshot and open it instead"
    )]
    Wayland,
    /// This platform has no screen capture in Vigil yet.
    #[error(
        "Screen capture is not available on this system yet; save a screenshot and open it instead"
    )]
    Unsupported,
    /// The clipboard could not be read.
    #[error("The clipboard cannot be read: {0}")]
    Clipboard(String),
    /// The clipboard holds neither an image nor text.
    #[error("The clipboard holds no image or text")]
    EmptyClipboard,
    /// Nothing on any display is a readable QR code.
    #[error("No QR code found on the screen; make sure the whole QR code is visible")]
    NoQrCodeOnScreen,
    /// The clipboard's image holds no readable QR code.
    #[error("No QR code found in the picture on the clipboard")]
    NoQrCodeOnClipboard,
    /// A QR code is on the screen or in the clipboard's picture, but its modules could not be
    /// read (too small, blurred or partly covered), and no other code was read.
    #[error("A QR code is there but could not be read: try a larger or sharper picture")]
    CodeNotRead,
    /// The captured picture could not be scanned.
    #[error("{0}")]
    Qr(String),
}
