//! A picture of the whole screen through the desktop's Screenshot portal
//! (`org.freedesktop.portal.Screenshot`): how Wayland desktops let an application see the screen.

use std::io::Read;
use std::path::{Path, PathBuf};

use ashpd::desktop::screenshot::Screenshot;

use crate::portal::{block_on, connect_to};
use crate::{CaptureError, Picture};

/// The portal interface this module speaks.
const SCREENSHOT: &str = "org.freedesktop.portal.Screenshot";

/// The largest screenshot file read (a 8K screen's uncompressed PNG is about 130 MB).
const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// The screen as the portal pictures it (every monitor in one picture), or `None` when the
/// session has no Screenshot portal (then the caller uses X11).
pub(crate) fn take_screenshot() -> Option<Result<Picture, CaptureError>> {
    block_on(async {
        let connection = connect_to(SCREENSHOT).await.ok()?;
        Some(screenshot(connection).await)
    })
}

/// Asks the portal for a screenshot without its dialog and reads the picture it names.
async fn screenshot(connection: ashpd::zbus::Connection) -> Result<Picture, CaptureError> {
    let request = Screenshot::request()
        .connection(Some(connection))
        .interactive(false)
        .modal(false)
        .send()
        .await
        .map_err(refused_or_failed)?;
    let answer = request.response().map_err(refused_or_failed)?;
    let uri = answer.uri().as_str();
    let path = local_file(uri).ok_or_else(|| {
        CaptureError::PortalPicture(format!("the portal named {uri}, not a local file"))
    })?;
    let bytes = read_and_remove(&path)?;
    decode(&bytes)
}

/// A refusal (the person cancelled, or the desktop said no: a response of 1 or 2, or the call's
/// own `NotAllowed` or `Cancelled` error) or another failure of the portal.
fn refused_or_failed(error: ashpd::Error) -> CaptureError {
    use ashpd::PortalError::{Cancelled, NotAllowed};
    match error {
        ashpd::Error::Response(_) | ashpd::Error::Portal(NotAllowed(_) | Cancelled(_)) => {
            CaptureError::ScreenshotRefused
        }
        other => CaptureError::Portal(other.to_string()),
    }
}

/// The path of a `file://` URI on this computer.
fn local_file(uri: &str) -> Option<PathBuf> {
    url::Url::parse(uri).ok()?.to_file_path().ok()
}

/// The screenshot file's bytes; the file is removed once read, since the QR code it shows holds
/// an account's secret (the portal writes a new file for every screenshot).
fn read_and_remove(path: &Path) -> Result<Vec<u8>, CaptureError> {
    let unreadable = |e: std::io::Error| {
        CaptureError::PortalPicture(format!("{} cannot be read: {e}", path.display()))
    };
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    // Removed whether or not it could be read: a failed removal leaves what the portal left.
    let _ = std::fs::remove_file(path);
    read.map_err(unreadable)?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_FILE_BYTES {
        return Err(CaptureError::PortalPicture(format!(
            "{} is larger than {} MiB",
            path.display(),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    Ok(bytes)
}

/// The picture's pixels; decoding may allocate 512 MiB at most (100 megapixels of RGBA, the
/// bound `vigil_core::qr` puts on every picture), so a damaged or hostile file cannot exhaust
/// memory.
fn decode(bytes: &[u8]) -> Result<Picture, CaptureError> {
    let failed = |e: &dyn std::fmt::Display| CaptureError::PortalPicture(e.to_string());
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| failed(&e))?;
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_FILE_BYTES);
    reader.limits(limits);
    let image = reader.decode().map_err(|e| failed(&e))?.into_rgba8();
    Ok(Picture {
        width: image.width(),
        height: image.height(),
        rgba: image.into_raw(),
    })
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    #[test]
    fn only_local_file_uris_name_a_file() {
        assert_eq!(
            super::local_file("file:///tmp/Screenshot%20from%20today.png"),
            Some(PathBuf::from("/tmp/Screenshot from today.png"))
        );
        assert_eq!(
            super::local_file("file://localhost/tmp/a.png"),
            Some(PathBuf::from("/tmp/a.png"))
        );
        assert_eq!(super::local_file("https://example.com/a.png"), None);
        assert_eq!(super::local_file("file://elsewhere/tmp/a.png"), None);
        assert_eq!(super::local_file("/tmp/a.png"), None);
    }
}
