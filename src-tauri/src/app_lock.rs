//! The optional app lock at the window's edge: every command but the lock page's is refused
//! while Vigil is locked ([`guarded`]), and a background task locks after the idle minutes and
//! tells the page ([`watch_idle`]). The lock's state is `state::AppLock`; its password hash lives
//! in the keychain (`vigil_vault`'s app lock).

use std::time::Duration;

use tauri::ipc::Invoke;
use tauri::{AppHandle, Manager, Runtime};

use crate::error::{AppError, ErrorCode};
use crate::state::AppState;

/// Commands the lock page needs (and the idle reports, which say nothing).
const OPEN_WHILE_LOCKED: &[&str] = &["render_app", "unlock_app", "still_here", "unlock_keychain"];

/// `handler` (every command), refusing all but [`OPEN_WHILE_LOCKED`] while the app is locked,
/// with `app_locked` (the page then shows the lock page).
pub fn guarded<R: Runtime>(
    handler: impl Fn(Invoke<R>) -> bool + Send + Sync + 'static,
) -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    move |invoke: Invoke<R>| {
        let command = invoke.message.command();
        let locked = invoke
            .message
            .webview_ref()
            .try_state::<AppState>()
            .is_some_and(|state| state.lock.is_locked());
        if locked && !OPEN_WHILE_LOCKED.contains(&command) {
            invoke.resolver.reject(AppError::said(
                ErrorCode::AppLocked,
                crate::error::current_words().get("app-locked-title"),
            ));
            return true;
        }
        handler(invoke)
    }
}

/// Starts the task that locks the app after the idle minutes of the settings and asks the page
/// to show the lock page. (`VIGIL_LOCK_MINUTE_SECONDS` shortens a minute, for tests.)
pub fn watch_idle<R: Runtime>(app: AppHandle<R>) {
    let minute = std::env::var("VIGIL_LOCK_MINUTE_SECONDS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .filter(|&seconds| seconds > 0)
        .map_or(Duration::from_secs(60), Duration::from_secs);
    let every = (minute / 12).max(Duration::from_millis(500));
    let spawned = std::thread::Builder::new()
        .name("vigil-app-lock".into())
        .spawn(move || {
            loop {
                std::thread::sleep(every);
                let state = app.state::<AppState>();
                if state
                    .lock
                    .idle_for(state.settings.get().lock_idle_minutes, minute)
                {
                    show_locked(&app);
                }
            }
        });
    if let Err(error) = spawned {
        eprintln!("vigil-app: the app lock cannot watch for idle time: {error}");
    }
}

/// Locks (when the lock is on) and asks the page to show the lock page.
pub fn show_locked<R: Runtime>(app: &AppHandle<R>) {
    if app.state::<AppState>().lock.lock()
        && let Some(window) = app.get_webview_window("main")
    {
        let _ = window.eval("window.vigilLocked && window.vigilLocked()");
    }
}
