//! Saving the settings dialog's choices, and the list's order.

use tauri::State;

use crate::error::AppError;
use crate::settings::{Settings, SortOrder};
use crate::state::AppState;

/// Saves the settings in the data directory; they apply at once. "Start at login" adds or
/// removes the login item (which starts Vigil without a window).
#[tauri::command]
pub fn save_settings<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<(), AppError> {
    let before = state.settings.get();
    // The idle time is the app lock dialog's to change.
    let settings = Settings {
        lock_idle_minutes: before.lock_idle_minutes,
        ..settings
    };
    #[cfg(desktop)]
    if settings.start_at_login != before.start_at_login {
        use tauri_plugin_autostart::ManagerExt;
        let launcher = app.autolaunch();
        let changed = if settings.start_at_login {
            launcher.enable()
        } else {
            launcher.disable()
        };
        changed.map_err(|e| {
            AppError::new(
                crate::error::ErrorCode::Settings,
                format!("Vigil could not change its login item: {e}"),
            )
        })?;
    }
    #[cfg(not(desktop))]
    let _ = (app, before);
    state.settings.set(settings)
}

/// Sorts the list by `sort` (`custom`, `name`, `issuer` or `recent`) from now on; returns the
/// list redrawn.
#[tauri::command]
pub fn set_sort(state: State<'_, AppState>, sort: SortOrder) -> Result<String, AppError> {
    let settings = Settings {
        sort,
        ..state.settings.get()
    };
    state.settings.set(settings)?;
    Ok(askama::Template::render(&state.refresh()?.accounts())?)
}
