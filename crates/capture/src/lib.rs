//! Where QR codes come from besides image files: every display's pixels and the clipboard; and
//! the desktop's colour scheme, which the same desktop portal gives.
//!
//! The main types:
//! - [`Picture`]: raw RGBA pixels, handed to `vigil_core::qr::scan_rgba`.
//! - [`capture_screens`]: the screen, through the desktop's Screenshot portal when the session
//!   has one (one picture of every monitor), else one [`Picture`] per X11 screen.
//! - [`read_clipboard`]: the clipboard's image or text, as [`ClipboardContent`];
//!   [`clear_clipboard_otp_link`] clears a pasted otpauth link once it was added.
//! - [`scan_screens`], [`scan_clipboard`]: the QR codes found there, classified by `vigil_core`.
//! - [`desktop_color_scheme`]: the portal's `color-scheme` setting, as a [`ColorScheme`];
//!   [`ColorSchemeWatch`] (Linux) gives it and each change the desktop announces.
//! - [`CaptureError`]: no display, no portal, a refused screenshot, an empty or unreadable
//!   clipboard, a QR code seen but not read.
//!
//! On Linux the screen comes from xdg-desktop-portal's Screenshot interface (`ashpd` over the
//! session bus), which Wayland desktops provide; the file it writes is read and removed at once,
//! since it shows a secret. Without the portal, capture speaks the X11 protocol directly
//! (`x11rb`), which covers X11 desktops, XWayland and Xvfb with no C libraries. macOS and Windows
//! capture are not built yet.

mod clipboard;
mod color_scheme;
#[cfg(all(unix, not(target_os = "macos")))]
mod portal;
#[cfg(all(unix, not(target_os = "macos")))]
mod portal_screenshot;
mod scan;
mod screen;
#[cfg(all(unix, not(target_os = "macos")))]
mod x11;

pub use clipboard::{ClipboardContent, clear_clipboard_otp_link, read_clipboard};
#[cfg(all(unix, not(target_os = "macos")))]
pub use color_scheme::ColorSchemeWatch;
pub use color_scheme::{ColorScheme, desktop_color_scheme};
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
    /// A Wayland session with neither the Screenshot portal nor X11.
    #[error(
        "Screen capture on Wayland needs the desktop's screenshot portal (xdg-desktop-portal), which is not running; save a screenshot and open it instead"
    )]
    Wayland,
    /// The Screenshot portal did not give a screenshot: the person cancelled, or the desktop
    /// does not allow Vigil to take one.
    #[error(
        "The desktop did not allow the screenshot (it was cancelled or refused); allow Vigil to take screenshots in the desktop's settings, or save a screenshot and open it instead"
    )]
    ScreenshotRefused,
    /// The desktop portal failed in another way (its D-Bus call went wrong).
    #[error("The desktop portal failed: {0}")]
    Portal(String),
    /// The picture the Screenshot portal named could not be read.
    #[error("The desktop's screenshot cannot be read: {0}")]
    PortalPicture(String),
    /// The session has no desktop portal (or it lacks the interface asked for).
    #[error("The desktop portal is not available: {0}")]
    NoPortal(String),
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
