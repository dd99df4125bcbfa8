//! The accounts found by the last scan, shown in a preview and added only when the person
//! confirms. They stay here, never in the page.

use std::sync::Mutex;

use vigil_core::OtpUri;
use vigil_core::import::Format;
use zeroize::Zeroizing;

use super::lock;

/// Accounts waiting for the person's "Add", whether they came from a link on the clipboard
/// (cleared from it once they are added) and the groups a backup put them in; and an encrypted
/// backup waiting for its password.
#[derive(Default)]
pub struct PendingEnrolments(
    Mutex<(Vec<OtpUri>, bool)>,
    Mutex<Option<(Format, Zeroizing<Vec<u8>>)>>,
    Mutex<Vec<Vec<String>>>,
);

impl PendingEnrolments {
    /// Keeps an encrypted backup until its password comes.
    pub fn keep_backup(&self, format: Format, bytes: Vec<u8>) {
        *lock(&self.1) = Some((format, Zeroizing::new(bytes)));
    }

    /// Takes the backup waiting for its password, if any.
    pub fn take_backup(&self) -> Option<(Format, Zeroizing<Vec<u8>>)> {
        lock(&self.1).take()
    }

    /// Keeps `accounts` until the person confirms or cancels the preview.
    pub fn set(&self, accounts: Vec<OtpUri>) {
        *lock(&self.0) = (accounts, false);
        lock(&self.2).clear();
    }

    /// Notes the groups of the pending accounts (a backup's folders or tags), in their order.
    pub fn set_groups(&self, groups: Vec<Vec<String>>) {
        *lock(&self.2) = groups;
    }

    /// Takes the pending accounts' groups (leaving none).
    pub fn take_groups(&self) -> Vec<Vec<String>> {
        std::mem::take(&mut *lock(&self.2))
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
