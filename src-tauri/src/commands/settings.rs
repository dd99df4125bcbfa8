//! Saving the settings dialog's choices.

use tauri::State;

use crate::error::AppError;
use crate::settings::Settings;
use crate::state::AppState;

/// Saves the settings in the data directory; they apply at once.
#[tauri::command]
pub fn save_settings(state: State<'_, AppState>, settings: Settings) -> Result<(), AppError> {
    state.settings.set(settings)
}
