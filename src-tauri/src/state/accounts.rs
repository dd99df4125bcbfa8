//! The vault, opened once at start (or why it could not be), and the accounts and secrets as
//! last read, so codes need no keychain round trip each second.

use std::sync::Mutex;

use vigil_activity::FeedLink;
use vigil_core::Secret;
use vigil_vault::{Account, AccountId, CachedFeed, Unlocked, Vault, VaultError, VaultLocation};

use super::lock;
use crate::activity::name_of;
use crate::error::{AppError, ErrorCode};

/// The vault and its unlocked cache.
pub struct Accounts {
    vault: Result<Mutex<Vault>, VaultError>,
    unlocked: Mutex<Option<Unlocked>>,
}

impl Accounts {
    /// Opens the vault at `location`, secrets in the OS keychain.
    pub fn open(location: &VaultLocation) -> Self {
        Self {
            vault: Vault::open_keychain(location).map(Mutex::new),
            unlocked: Mutex::new(None),
        }
    }

    /// The vault (locked for this caller), or the error that kept it from opening (shown as a
    /// full-window message).
    pub fn vault(&self) -> Result<std::sync::MutexGuard<'_, Vault>, AppError> {
        match &self.vault {
            Ok(vault) => Ok(lock(vault)),
            Err(error) => Err(AppError::from(error)),
        }
    }

    /// Reads every account and secret afresh (one batch from the keychain) into the cache, and
    /// runs `f` on them.
    pub fn reload<T>(&self, f: impl FnOnce(&Unlocked) -> T) -> Result<T, AppError> {
        let unlocked = self.vault()?.unlock()?;
        let result = f(&unlocked);
        *lock(&self.unlocked) = Some(unlocked);
        Ok(result)
    }

    /// Runs `f` on the cached accounts and secrets (reading them first if needed).
    pub fn with_unlocked<T>(&self, f: impl FnOnce(&Unlocked) -> T) -> Result<T, AppError> {
        {
            let cache = lock(&self.unlocked);
            if let Some(unlocked) = cache.as_ref() {
                return Ok(f(unlocked));
            }
        }
        self.reload(f)
    }

    /// Every linked account with its cached feed.
    pub fn linked_feeds(&self) -> Result<Vec<(Account, Option<CachedFeed>)>, AppError> {
        let vault = self.vault()?;
        let mut feeds = Vec::new();
        for account in vault.accounts()? {
            if account.activity.is_some() {
                let cached = vault.cached_feed(&account.id)?;
                feeds.push((account, cached));
            }
        }
        Ok(feeds)
    }

    /// The account, its checked link, and its secret (for signing one request).
    pub fn linked(&self, id: &AccountId) -> Result<(Account, FeedLink, Secret), AppError> {
        let vault = self.vault()?;
        let account = vault.account(id)?;
        let text = account.activity.clone().ok_or_else(|| {
            let t = crate::error::current_words();
            AppError::said(
                ErrorCode::NotLinked,
                t.with("not-linked", &[("name", name_of(&t, &account).into())]),
            )
        })?;
        let link = FeedLink::parse(&text)?;
        let secret = vault.secret(&account)?;
        Ok((account, link, secret))
    }
}
