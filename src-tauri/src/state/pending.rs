//! The accounts found by the last scan, shown in a preview and added only when the person
//! confirms. They stay here, never in the page.

use std::sync::Mutex;

use vigil_core::OtpUri;

use super::lock;

/// Accounts waiting for the person's "Add", and whether they came from a link on the clipboard
/// (cleared from it once they are added).
#[derive(Default)]
pub struct PendingEnrolments(Mutex<(Vec<OtpUri>, bool)>);

impl PendingEnrolments {
    /// Keeps `accounts` until the person confirms or cancels the preview.
    pub fn set(&self, accounts: Vec<OtpUri>) {
        *lock(&self.0) = (accounts, false);
    }

    /// Notes that the pending accounts were read from the clipboard.
    pub fn mark_from_clipboard(&self) {
        lock(&self.0).1 = true;
    }

    /// Takes the pending accounts (leaving none), and whether they came from the clipboard.
    pub fn take(&self) -> (Vec<OtpUri>, bool) {
        std::mem::take(&mut *lock(&self.0))
    }
}
