//! The page and its codes: the rendered app body, the codes each second, copy, HOTP's next code.
use askama::Template;
use serde::Serialize;
use tauri::State;
use vigil_i18n::Words;
use vigil_vault::AccountId;

use crate::error::{AppError, ErrorCode};
use crate::state::AppState;
use crate::view::ErrorPage;

/// One account's code at this second.
#[derive(Debug, Serialize)]
pub struct CodeView {
    /// Account id.
    pub id: String,
    /// The code, grouped for reading (`123 456`).
    pub code: String,
    /// The next period's code, for timed accounts.
    pub next: Option<String>,
    /// Seconds until the code changes (0 for HOTP).
    pub left: u64,
    /// Seconds per period.
    pub period: u64,
}

/// The app body: the account list, or a full-window message saying what is wrong and what to do.
#[tauri::command]
pub fn render_app(state: State<'_, AppState>) -> Result<String, AppError> {
    // The app lock first: a keychain that was locked at start says now whether it is on.
    if !state.lock.is_known()
        && let Ok(on) = state.accounts.vault().and_then(|v| Ok(v.app_lock_on()?))
    {
        state.lock.learn(on);
    }
    if state.lock.is_locked() {
        return super::app_lock::lock_page(&state);
    }
    match state.refresh() {
        Ok(page) => Ok(page.render()?),
        Err(error) => Ok(error_page(&error, state.settings.words()).render()?),
    }
}

fn error_page(error: &AppError, t: Words) -> ErrorPage {
    let advice = match error.code {
        ErrorCode::KeychainUnavailable => "fatal-advice-keychain-unavailable",
        ErrorCode::KeychainLocked => "fatal-advice-keychain-locked",
        ErrorCode::KeychainNoCollection => "fatal-advice-keychain-no-collection",
        ErrorCode::Database => "fatal-advice-database",
        _ => "fatal-advice-other",
    };
    let unlock = match error.code {
        ErrorCode::KeychainLocked => Some(t.get("unlock-keychain")),
        ErrorCode::KeychainNoCollection => Some(t.get("create-keychain")),
        _ => None,
    };
    ErrorPage {
        message: error.message.clone(),
        advice: t.get(advice),
        unlock,
        t,
    }
}

/// Asks the keychain to unlock (the desktop's own password prompt), or to create its default
/// collection when there is none; returns once the person answered. The page draws itself
/// again afterwards.
#[tauri::command]
pub async fn unlock_keychain(state: State<'_, AppState>) -> Result<(), AppError> {
    let store = state.accounts.vault()?.store().clone();
    tauri::async_runtime::spawn_blocking(move || vigil_vault::SecretStore::unlock(&store))
        .await
        .map_err(|e| AppError::new(ErrorCode::KeychainUnavailable, e.to_string()))?
        .map_err(|e| AppError::from(vigil_vault::VaultError::from(e)))
}

/// The current (and next) code of every account whose secret is in the keychain (each for its
/// own service's time when this computer's clock is off and correction is on).
#[tauri::command]
pub fn codes(state: State<'_, AppState>) -> Result<Vec<CodeView>, AppError> {
    state.accounts.with_unlocked(|unlocked| {
        unlocked
            .accounts
            .iter()
            .filter_map(|account| {
                let secret = unlocked.secrets.get(&account.id)?;
                let at = state.code_time(&account.id);
                let params = account.params;
                let timed = params.kind.is_timed();
                Some(CodeView {
                    id: account.id.to_string(),
                    code: params.code_at(secret, at).grouped(),
                    next: timed.then(|| params.code_at(secret, at + params.period).grouped()),
                    left: params.seconds_left(at),
                    period: params.period,
                })
            })
            .collect()
    })
}

/// Copies one account's current code; the clipboard is cleared after the configured delay.
#[tauri::command]
pub fn copy_code(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    let id = AccountId::new(id);
    let at = state.code_time(&id);
    let code = state.accounts.with_unlocked(|unlocked| {
        let account = unlocked.accounts.iter().find(|a| a.id == id)?;
        let secret = unlocked.secrets.get(&id)?;
        Some(account.params.code_at(secret, at))
    })?;
    let code = code.ok_or_else(|| {
        AppError::keyed(ErrorCode::NotFound, "error-this-account-has-no-code", &[])
    })?;
    state
        .clipboard
        .copy(code.as_str(), state.settings.get().clipboard_seconds)?;
    // For "recently used"; the copy stands even if this cannot be noted.
    if let Ok(mut vault) = state.accounts.vault() {
        let _ = vault.mark_used(&id);
    }
    Ok(())
}

/// Advances a HOTP account's counter (its next code is then shown).
#[tauri::command]
pub fn next_code(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    state
        .accounts
        .vault()?
        .advance_counter(&AccountId::new(id))?;
    state.refresh().map(|_| ())
}
