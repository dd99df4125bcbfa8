//! The app's state: the vault, opened once at start (or the reason it could not be), the
//! accounts waiting for the person to confirm them, and the settings.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use serde::Serialize;
use vigil_activity::ActivityClient;
use vigil_activity::FeedLink;
use vigil_activity::clock::{ClockOff, ClockReadings, describe_offset};
use vigil_vault::{Account, AccountId, CachedFeed};

use vigil_core::{OtpUri, Secret};
use vigil_vault::{Unlocked, Vault, VaultError, VaultLocation};

use crate::activity::{ActivityContext, name_of};
use crate::clipboard::ClipboardHandle;
use crate::error::{AppError, ErrorCode};
use crate::settings::Settings;
use crate::view::MainPage;

/// What every command works on.
pub struct AppState {
    /// The vault, opened once at start, or why it could not be.
    vault: Result<Mutex<Vault>, VaultError>,
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
    /// The last clock reading from each linked account's service.
    clock: Mutex<ClockReadings>,
    /// What a notification or a `vigil://` link asked the page to open, until it does.
    open_request: Mutex<Option<OpenRequest>>,
}

/// An account (and event) for the page to open: from a notification click or a `vigil://` link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenRequest {
    /// The account's id in the vault (empty when the link named no account of this vault).
    pub account: String,
    /// The event to show, if any.
    pub event: Option<String>,
    /// `not_mine` when the link was for "This wasn't me": the page asks to confirm.
    pub verdict: Option<&'static str>,
    /// A sentence to show instead (the link could not be used).
    pub message: Option<String>,
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
            clock: Mutex::new(ClockReadings::default()),
            open_request: Mutex::new(None),
            vault: Vault::open_keychain(&location).map(Mutex::new),
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
        let unlocked = self.vault()?.unlock()?;
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
        let unlocked = self.vault()?.unlock()?;
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
            .map_err(|e| AppError::new(ErrorCode::Activity, e))
    }

    /// Remembers (or clears) why the account's feed could not be read; whether that changed.
    pub fn set_problem(&self, id: &AccountId, problem: Option<String>) -> bool {
        let mut problems = lock(&self.problems);
        let before = match problem.clone() {
            Some(problem) => problems.insert(id.clone(), problem),
            None => problems.remove(id),
        };
        before != problem
    }

    /// Why the account's feed could not be read last time, if it could not.
    pub fn problem(&self, id: &AccountId) -> Option<String> {
        lock(&self.problems).get(id).cloned()
    }

    /// Records what the account's service said about this computer's clock (`None`: nothing
    /// usable), and signs requests with the corrected time while it is off.
    pub fn record_clock(&self, id: &AccountId, reading: Option<(i64, String)>) {
        lock(&self.clock).record(id.as_str(), reading);
        if let Ok(client) = &self.client {
            client.set_clock_offset(self.clock_off().map_or(0, |off| off.offset));
        }
    }

    /// The linked services' verdict on this computer's clock (the middle of their readings),
    /// when it is off by more than 15 s.
    pub fn clock_off(&self) -> Option<ClockOff> {
        lock(&self.clock).consensus()
    }

    /// The banner about the clock, if it is off.
    pub fn clock_banner(&self) -> Option<String> {
        let off = self.clock_off()?;
        let how = describe_offset(off.offset);
        Some(if self.settings().correct_clock {
            format!(
                "This computer's clock is {how} ({} says so). Vigil shows codes for the right \
                 time; set the clock to fix it everywhere.",
                off.host
            )
        } else {
            format!(
                "This computer's clock is {how} ({} says so), so codes may be refused. Set the \
                 clock, or let Vigil correct codes in Settings.",
                off.host
            )
        })
    }

    /// Unix seconds to compute codes for: now, corrected by the services' clock when it is off
    /// and correction is on.
    pub fn code_time(&self) -> u64 {
        let now = u64::try_from(vigil_activity::clock::unix_seconds()).unwrap_or(0);
        match self.clock_off() {
            Some(off) if self.settings().correct_clock => now.saturating_add_signed(off.offset),
            _ => now,
        }
    }

    /// Asks the page to open an account or event.
    pub fn set_open_request(&self, request: OpenRequest) {
        *lock(&self.open_request) = Some(request);
    }

    /// What the page was asked to open (taken: asked once).
    pub fn take_open_request(&self) -> Option<OpenRequest> {
        lock(&self.open_request).take()
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
    pub fn linked_account(&self, id: &AccountId) -> Result<(Account, FeedLink, Secret), AppError> {
        let vault = self.vault()?;
        let account = vault.account(id)?;
        let text = account.activity.clone().ok_or_else(|| {
            AppError::new(
                ErrorCode::NotLinked,
                format!("{} is not linked to an activity feed", name_of(&account)),
            )
        })?;
        let link = FeedLink::parse(&text)?;
        let secret = vault.secret(&account)?;
        Ok((account, link, secret))
    }

    /// The vault (locked for this caller), or the error that kept it from opening (shown as a
    /// full-window message).
    pub fn vault(&self) -> Result<MutexGuard<'_, Vault>, AppError> {
        match &self.vault {
            Ok(vault) => Ok(lock(vault)),
            Err(error) => Err(AppError::from(error)),
        }
    }
}
