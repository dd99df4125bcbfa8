//! The app's state: the vault, opened once at start (or the reason it could not be), and settings.

use std::sync::{Mutex, MutexGuard, PoisonError};

use vigil_vault::{Unlocked, Vault, VaultError, VaultLocation};

use crate::clipboard::ClipboardHandle;
use crate::error::AppError;
use crate::view::MainPage;

/// What every command works on.
pub struct AppState {
    vault: Mutex<Result<Vault, VaultError>>,
    /// The accounts and secrets as last read, so codes need no keychain round trip each second.
    cache: Mutex<Option<Unlocked>>,
    /// Seconds before a copied code is cleared from the clipboard (0: never).
    pub clipboard_seconds: u64,
    /// The clipboard, kept open.
    pub clipboard: ClipboardHandle,
}

impl AppState {
    /// Opens the vault named by `VIGIL_DATA_DIR` / `VIGIL_KEYCHAIN_SERVICE` (or the defaults).
    pub fn open() -> Self {
        let location = VaultLocation::from_env();
        let clipboard_seconds = std::env::var("VIGIL_CLIPBOARD_SECONDS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(30);
        Self {
            vault: Mutex::new(Vault::open_keychain(&location)),
            cache: Mutex::new(None),
            clipboard_seconds,
            clipboard: ClipboardHandle::default(),
        }
    }

    /// Reads every account and secret afresh (one batch from the keychain) into the cache, and
    /// makes the page of them.
    pub fn refresh(&self) -> Result<MainPage, AppError> {
        let unlocked = self.vault()?.get()?.unlock()?;
        let page = MainPage::new(&unlocked);
        *self.cache.lock().unwrap_or_else(PoisonError::into_inner) = Some(unlocked);
        Ok(page)
    }

    /// Runs `f` on the cached accounts and secrets (reading them first if needed).
    pub fn with_cache<T>(&self, f: impl FnOnce(&Unlocked) -> T) -> Result<T, AppError> {
        {
            let cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(unlocked) = cache.as_ref() {
                return Ok(f(unlocked));
            }
        }
        let unlocked = self.vault()?.get()?.unlock()?;
        let result = f(&unlocked);
        *self.cache.lock().unwrap_or_else(PoisonError::into_inner) = Some(unlocked);
        Ok(result)
    }

    /// The vault, or the error that kept it from opening (shown as a full-window message).
    pub fn vault(&self) -> Result<VaultGuard<'_>, AppError> {
        let guard = self.vault.lock().unwrap_or_else(PoisonError::into_inner);
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
