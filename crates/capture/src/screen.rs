//! Capturing every display: through the desktop's Screenshot portal when the session has one
//! (Wayland desktops), else over X11.

use crate::{CaptureError, Picture};

/// The pixels of every display: the Screenshot portal's one picture of them all when the portal
/// is there, else one picture per X11 screen of the display in `DISPLAY`. A screenshot the
/// portal refused is an error, not a reason to try X11.
#[cfg(all(unix, not(target_os = "macos")))]
pub fn capture_screens() -> Result<Vec<Picture>, CaptureError> {
    match crate::portal_screenshot::take_screenshot() {
        Some(taken) => taken.map(|picture| vec![picture]),
        None => crate::x11::capture_screens(),
    }
}

/// Not built for this platform yet.
#[cfg(not(all(unix, not(target_os = "macos"))))]
pub fn capture_screens() -> Result<Vec<Picture>, CaptureError> {
    Err(CaptureError::Unsupported)
}
