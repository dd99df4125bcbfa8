//! Copying a code, marked for clipboard managers to keep out of their history (where the
//! platform has a way: the `x-kde-passwordManagerHint` type on Linux, which KDE's and GNOME's
//! managers honour; Windows' and macOS's own flags), and clearing it again after a delay unless
//! the clipboard changed since.

use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use zeroize::Zeroizing;

use crate::error::{AppError, ErrorCode};

/// The app's clipboard handle: kept open for the app's life, because on X11 what a process put on
/// the clipboard is served only while its handle lives.
#[derive(Default)]
pub struct ClipboardHandle(Mutex<Option<arboard::Clipboard>>);

impl ClipboardHandle {
    /// Puts `code` on the clipboard; after `clear_after` seconds (0: never) clears it, but only
    /// if it still holds that code.
    pub fn copy(&self, code: &str, clear_after: u64) -> Result<(), AppError> {
        let failed = |e: arboard::Error| {
            AppError::new(
                ErrorCode::Clipboard,
                format!("The clipboard cannot be used: {e}"),
            )
        };
        let mut guard = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if guard.is_none() {
            *guard = Some(arboard::Clipboard::new().map_err(failed)?);
        }
        let Some(clipboard) = guard.as_mut() else {
            return Err(AppError::keyed(
                ErrorCode::Clipboard,
                "error-the-clipboard-cannot-be-used",
                &[],
            ));
        };
        exclude_from_history(clipboard.set())
            .text(code.to_owned())
            .map_err(failed)?;
        if clear_after > 0 {
            let code = Zeroizing::new(code.to_owned());
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_secs(clear_after));
                if let Ok(mut clipboard) = arboard::Clipboard::new()
                    && clipboard.get_text().is_ok_and(|text| text == *code)
                {
                    let _ = clipboard.clear();
                }
            });
        }
        Ok(())
    }
}

/// Marks what is being set as not for clipboard histories, on the platforms that have a way.
fn exclude_from_history(set: arboard::Set<'_>) -> arboard::Set<'_> {
    #[cfg(all(
        unix,
        not(any(target_os = "macos", target_os = "android", target_os = "ios"))
    ))]
    let set = arboard::SetExtLinux::exclude_from_history(set);
    #[cfg(windows)]
    let set = arboard::SetExtWindows::exclude_from_history(set);
    #[cfg(target_os = "macos")]
    let set = arboard::SetExtApple::exclude_from_history(set);
    set
}
