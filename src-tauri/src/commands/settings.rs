//! Saving the settings dialog's choices, and the list's order.

use tauri::State;

use crate::error::AppError;
use crate::settings::{Settings, SortOrder};
use crate::state::AppState;

/// Saves the settings in the data directory; they apply at once.
#[tauri::command]
pub fn save_settings(state: State<'_, AppState>, settings: Settings) -> Result<(), AppError> {
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
