//! The app's state: the vault, opened once at start (or the reason it could not be), the
//! accounts waiting for the person to confirm them, and the settings.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use vigil_activity::ActivityClient;
use vigil_vault::{Account, AccountId, CachedFeed};

use vigil_core::OtpUri;
use vigil_vault::{Unlocked, Vault, VaultError, VaultLocation};

use crate::activity::ActivityContext;
use crate::clipboard::ClipboardHandle;
use crate::error::AppError;
use crate::settings::Settings;
use crate::view::MainPage;

/// What every command works on.
pub struct AppState {
    vault: Mutex<Result<Vault, VaultError>>,
    /// The accounts and secrets as last read, so codes need no keychain round trip each second.
    cache: Mutex<Option<Unlocked>>,
    /// Accounts found by the last scan, shown in a preview and added only when confirmed. They
    /// stay here, never in the page.
    pending: Mutex<Vec<OtpUri>>,
    settings: Mutex<Settings>,
    /// Where the vault and the settings file live.
    pub data_dir: PathBuf,
    /// The clipboard, kept open.
    pub clipboard: ClipboardHandle,
    /// Time zone and change counter of the activity views.
    pub activity: ActivityContext,
    client: Result<ActivityClient, String>,
    /// The last failed fetch of each account's feed, in words.
    problems: Mutex<HashMap<AccountId, String>>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl AppState {
    /// Opens the vault named by `VIGIL_DATA_DIR` / `VIGIL_KEYCHAIN_SERVICE` (or the defaults),
    /// and reads the settings saved beside it.
    pub fn open(activity: ActivityContext) -> Self {
        let location = VaultLocation::from_env();
        Self {
            activity,
            client: ActivityClient::new(Duration::from_secs(15)).map_err(|e| e.to_string()),
            problems: Mutex::new(HashMap::new()),
            vault: Mutex::new(Vault::open_keychain(&location)),
            cache: Mutex::new(None),
            pending: Mutex::new(Vec::new()),
            settings: Mutex::new(Settings::load(&location.data_dir)),
            data_dir: location.data_dir,
            clipboard: ClipboardHandle::default(),
        }
    }

    /// The current settings.
    pub fn settings(&self) -> Settings {
        *lock(&self.settings)
    }

    /// Saves new settings and uses them from now on.
    pub fn set_settings(&self, settings: Settings) -> Result<(), AppError> {
        let settings = settings.clamped();
        settings.save(&self.data_dir)?;
        *lock(&self.settings) = settings;
        Ok(())
    }

    /// Reads every account and secret afresh (one batch from the keychain) into the cache, and
    /// makes the page of them.
    pub fn refresh(&self) -> Result<MainPage, AppError> {
        let unlocked = self.vault()?.get()?.unlock()?;
        let page = MainPage::new(&unlocked, self.settings());
        *lock(&self.cache) = Some(unlocked);
        Ok(page)
    }

    /// Runs `f` on the cached accounts and secrets (reading them first if needed).
    pub fn with_cache<T>(&self, f: impl FnOnce(&Unlocked) -> T) -> Result<T, AppError> {
        {
            let cache = lock(&self.cache);
            if let Some(unlocked) = cache.as_ref() {
                return Ok(f(unlocked));
            }
        }
        let unlocked = self.vault()?.get()?.unlock()?;
        let result = f(&unlocked);
        *lock(&self.cache) = Some(unlocked);
        Ok(result)
    }

    /// Keeps `accounts` until the person confirms or cancels the preview.
    pub fn set_pending(&self, accounts: Vec<OtpUri>) {
        *lock(&self.pending) = accounts;
    }

    /// Takes the pending accounts (leaving none).
    pub fn take_pending(&self) -> Vec<OtpUri> {
        std::mem::take(&mut *lock(&self.pending))
    }

    /// The client for activity services.
    pub fn activity_client(&self) -> Result<ActivityClient, AppError> {
        self.client
            .clone()
            .map_err(|e| AppError::new("activity", e))
    }

    /// Remembers (or clears) why the account's feed could not be read.
    pub fn set_problem(&self, id: &AccountId, problem: Option<String>) {
        let mut problems = lock(&self.problems);
        match problem {
            Some(problem) => problems.insert(id.clone(), problem),
            None => problems.remove(id),
        };
    }

    /// Why the account's feed could not be read last time, if it could not.
    pub fn problem(&self, id: &AccountId) -> Option<String> {
        lock(&self.problems).get(id).cloned()
    }

    /// Every linked account with its cached feed.
    pub fn linked_feeds(&self) -> Result<Vec<(Account, Option<CachedFeed>)>, AppError> {
        let mut guard = self.vault()?;
        let vault = guard.get()?;
        let mut feeds = Vec::new();
        for account in vault.accounts()? {
            if account.activity.is_some() {
                let cached = vault.cached_feed(&account.id)?;
                feeds.push((account, cached));
            }
        }
        Ok(feeds)
    }

    /// The vault, or the error that kept it from opening (shown as a full-window message).
    pub fn vault(&self) -> Result<VaultGuard<'_>, AppError> {
        let guard = lock(&self.vault);
        match &*guard {
            Ok(_) => Ok(VaultGuard(guard)),
            Err(error) => Err(AppError::from(error)),
        }
    }
}

/// A locked, opened vault.
pub struct VaultGuard<'a>(MutexGuard<'a, Result<Vault, VaultError>>);

impl VaultGuard<'_> {
    /// The vault.
    pub fn get(&mut self) -> Result<&mut Vault, AppError> {
        self.0.as_mut().map_err(|e| AppError::from(&*e))
    }
}
