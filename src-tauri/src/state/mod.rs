//! The app's state, one part per concern: [`Accounts`] (the vault and the unlocked accounts codes
//! are computed from), [`Feeds`] (the activity client, feed problems, what the page was asked to
//! open), the clock readings of the linked services, [`PendingEnrolments`] (a preview's accounts),
//! [`SettingsStore`], the clipboard, and the activity views' context. The few methods here join
//! two concerns (the page needs the accounts and the settings; codes need the clock and the
//! settings).

mod accounts;
mod app_lock;
mod feeds;
mod pending;
mod settings_store;

use std::sync::{Mutex, MutexGuard, PoisonError};

use vigil_activity::clock::{ClockReadings, describe_offset};
use vigil_vault::{AccountId, VaultLocation};

pub use accounts::Accounts;
pub use app_lock::AppLock;
pub use feeds::{Feeds, OpenRequest};
pub use pending::PendingEnrolments;
pub use settings_store::SettingsStore;

use crate::activity::ActivityContext;
use crate::clipboard::ClipboardHandle;
use crate::error::AppError;
use crate::view::MainPage;

/// What every command works on.
pub struct AppState {
    /// The vault and the accounts as last read.
    pub accounts: Accounts,
    /// The activity client, feed problems and the page's open request.
    pub feeds: Feeds,
    /// The last clock reading from each linked account's service.
    clock: Mutex<ClockReadings>,
    /// Accounts a preview shows, until the person confirms.
    pub pending: PendingEnrolments,
    /// The settings.
    pub settings: SettingsStore,
    /// The clipboard, kept open.
    pub clipboard: ClipboardHandle,
    /// Time zone and change counter of the activity views.
    pub activity: ActivityContext,
    /// The optional app lock.
    pub lock: AppLock,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl AppState {
    /// Opens the vault named by `VIGIL_DATA_DIR` / `VIGIL_KEYCHAIN_SERVICE` (or the defaults),
    /// and reads the settings saved beside it.
    pub fn open(activity: ActivityContext) -> Self {
        let location = VaultLocation::from_env();
        let accounts = Accounts::open(&location);
        // A keychain that cannot say is asked again when the person unlocks it (the error page).
        let lock_on = accounts
            .vault()
            .ok()
            .and_then(|vault| vault.app_lock_on().ok());
        Self {
            accounts,
            lock: AppLock::starting(lock_on),
            feeds: Feeds::default(),
            clock: Mutex::new(ClockReadings::default()),
            pending: PendingEnrolments::default(),
            settings: SettingsStore::load(location.data_dir),
            clipboard: ClipboardHandle::default(),
            activity,
        }
    }

    /// Reads every account and secret afresh (one batch from the keychain) and makes the page of
    /// them.
    pub fn refresh(&self) -> Result<MainPage, AppError> {
        self.accounts.reload(|unlocked| {
            MainPage::new(
                unlocked,
                self.settings.get(),
                self.lock.is_on(),
                self.settings.words(),
            )
        })
    }

    /// Records what the account's service said about this computer's clock (`None`: nothing
    /// usable, or the account is no longer linked, so its reading is forgotten).
    pub fn record_clock(&self, id: &AccountId, reading: Option<(i64, String)>) {
        lock(&self.clock).record(id.as_str(), reading);
    }

    /// The banner about the clock, if the linked services say it is off.
    pub fn clock_banner(&self) -> Option<String> {
        let off = lock(&self.clock).report()?;
        let t = self.settings.words();
        let how = describe_offset(&t, off.offset);
        let key = if !off.correctable {
            "clock-too-far"
        } else if self.settings.get().correct_clock {
            "clock-corrected"
        } else {
            "clock-not-corrected"
        };
        Some(t.with(key, &[("host", off.host.into()), ("how", how.into())]))
    }

    /// Unix seconds to compute the codes of account `id` for: now, corrected by its own
    /// service's clock when that is off (within 10 minutes) and correction is on. No other
    /// service's reading moves this account's codes.
    pub fn code_time(&self, id: &AccountId) -> u64 {
        let now = u64::try_from(vigil_activity::clock::unix_seconds()).unwrap_or(0);
        if !self.settings.get().correct_clock {
            return now;
        }
        now.saturating_add_signed(lock(&self.clock).correction_for(id.as_str()))
    }
}
