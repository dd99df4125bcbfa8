//! The optional app lock: unlocking with the Vigil password, locking by hand, the page's reports
//! that the person is there, and turning the lock on, changing it or turning it off.

use askama::Template;
use serde::Serialize;
use tauri::State;
use vigil_core::Sensitive;

use crate::error::{AppError, ErrorCode};
use crate::settings::{MAX_LOCK_IDLE_MINUTES, Settings};
use crate::state::AppState;
use crate::view::LockPage;

/// The lock as the settings show it.
#[derive(Debug, Serialize)]
pub struct AppLockView {
    /// The lock is on.
    pub on: bool,
    /// Minutes without a key press or click before it locks (0: only at start and by hand).
    pub idle_minutes: u32,
}

fn view(state: &AppState) -> AppLockView {
    AppLockView {
        on: state.lock.is_on(),
        idle_minutes: state.settings.get().lock_idle_minutes,
    }
}

/// The lock page.
pub fn lock_page(state: &AppState) -> Result<String, AppError> {
    Ok(LockPage {
        t: state.settings.words(),
    }
    .render()?)
}

/// Opens the app with `password`; gives the whole page. A wrong password waits a little longer
/// each time after the third.
#[tauri::command]
pub async fn unlock_app(state: State<'_, AppState>, password: String) -> Result<String, AppError> {
    let password = Sensitive::new(password);
    let opens = state.accounts.vault()?.app_lock_opens(&password)?;
    if !opens {
        let wait = state.lock.wrong_password();
        tokio::time::sleep(wait).await;
        return Err(AppError::keyed(
            ErrorCode::WrongPassword,
            "error-that-is-not-your-vigil",
            &[],
        ));
    }
    state.lock.open();
    super::codes::render_app(state)
}

/// Locks the app now (when the lock is on); gives the lock page.
#[tauri::command]
pub fn lock_app<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<String, AppError> {
    crate::app_lock::show_locked(&app);
    lock_page(&state)
}

/// The person pressed a key, clicked or scrolled (the page says so at most every few seconds).
#[tauri::command]
pub fn still_here(state: State<'_, AppState>) {
    state.lock.seen();
}

/// Whether the lock is on, and its idle minutes.
#[tauri::command]
pub fn app_lock_settings(state: State<'_, AppState>) -> Result<AppLockView, AppError> {
    Ok(view(&state))
}

/// Turns the lock on (or changes its password, or only its idle minutes when both passwords are
/// empty and it is on).
#[tauri::command]
pub fn save_app_lock(
    state: State<'_, AppState>,
    password: String,
    again: String,
    idle_minutes: u32,
) -> Result<AppLockView, AppError> {
    let (password, again) = (Sensitive::new(password), Sensitive::new(again));
    if idle_minutes > MAX_LOCK_IDLE_MINUTES {
        return Err(AppError::said(
            ErrorCode::InvalidField,
            crate::error::current_words().with(
                "lock-idle-too-long",
                &[("count", MAX_LOCK_IDLE_MINUTES.into())],
            ),
        ));
    }
    let keep_password = state.lock.is_on() && password.expose().is_empty();
    if !keep_password {
        if password.expose() != again.expose() {
            return Err(AppError::keyed(
                ErrorCode::InvalidField,
                "error-the-two-passwords-are-not",
                &[],
            ));
        }
        state.accounts.vault()?.set_app_lock(&password)?;
    }
    state.settings.set(Settings {
        lock_idle_minutes: idle_minutes,
        ..state.settings.get()
    })?;
    state.lock.set_on(true);
    Ok(view(&state))
}

/// Turns the lock off, with its password.
#[tauri::command]
pub async fn turn_off_app_lock(
    state: State<'_, AppState>,
    password: String,
) -> Result<AppLockView, AppError> {
    let password = Sensitive::new(password);
    let mut vault = state.accounts.vault()?;
    if !vault.app_lock_opens(&password)? {
        return Err(AppError::keyed(
            ErrorCode::WrongPassword,
            "error-that-is-not-your-vigil",
            &[],
        ));
    }
    vault.remove_app_lock()?;
    drop(vault);
    state.lock.set_on(false);
    Ok(view(&state))
}
