//! Capturing every X11 screen: one picture per screen (all of its monitors at once), for X11
//! desktops, XWayland and Xvfb, speaking the protocol directly (`x11rb`).

use crate::{CaptureError, Picture};

/// The pixels of every screen of the display in `DISPLAY`.
pub(crate) fn capture_screens() -> Result<Vec<Picture>, CaptureError> {
    use x11rb::connection::Connection;
    use x11rb::protocol::xproto::{ConnectionExt, ImageFormat};

    if std::env::var_os("DISPLAY").is_none() {
        return Err(if std::env::var_os("WAYLAND_DISPLAY").is_some() {
            CaptureError::Wayland
        } else {
            CaptureError::NoDisplay("DISPLAY is not set".into())
        });
    }
    let (connection, _) =
        x11rb::connect(None).map_err(|e| CaptureError::NoDisplay(e.to_string()))?;
    let failed = |e: &dyn std::fmt::Display| CaptureError::NoDisplay(e.to_string());
    let mut pictures = Vec::new();
    for screen in &connection.setup().roots {
        let (width, height) = (screen.width_in_pixels, screen.height_in_pixels);
        let reply = connection
            .get_image(ImageFormat::Z_PIXMAP, screen.root, 0, 0, width, height, !0)
            .map_err(|e| failed(&e))?
            .reply()
            .map_err(|e| failed(&e))?;
        let pixels = usize::from(width) * usize::from(height);
        if reply.depth < 24 || reply.data.len() < pixels * 4 {
            return Err(CaptureError::NoDisplay(format!(
                "unsupported screen format (depth {})",
                reply.depth
            )));
        }
        // 24/32-bit TrueColor Z-pixmaps are B, G, R, unused on little-endian servers.
        let rgba = reply.data[..pixels * 4]
            .chunks_exact(4)
            .flat_map(|p| [p[2], p[1], p[0], 255])
            .collect();
        pictures.push(Picture {
            width: u32::from(width),
            height: u32::from(height),
            rgba,
        });
    }
    Ok(pictures)
}
