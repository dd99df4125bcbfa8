//! The accounts found by the last scan, shown in a preview and added only when the person
//! confirms. They stay here, never in the page.

use std::sync::Mutex;

use vigil_core::OtpUri;

use super::lock;

/// Accounts waiting for the person's "Add".
#[derive(Default)]
pub struct PendingEnrolments(Mutex<Vec<OtpUri>>);

impl PendingEnrolments {
    /// Keeps `accounts` until the person confirms or cancels the preview.
    pub fn set(&self, accounts: Vec<OtpUri>) {
        *lock(&self.0) = accounts;
    }

    /// Takes the pending accounts (leaving none).
    pub fn take(&self) -> Vec<OtpUri> {
        std::mem::take(&mut *lock(&self.0))
    }
}
