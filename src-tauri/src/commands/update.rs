//! Updates from Settings and About: check, install after the person agreed, restart.

use tauri::{AppHandle, Runtime};

use crate::error::AppError;
use crate::update::{self, UpdateOffer};

/// Asks the release feed for a newer version: the offer, or `null` when this is the newest.
#[tauri::command]
pub async fn check_update<R: Runtime>(app: AppHandle<R>) -> Result<Option<UpdateOffer>, AppError> {
    update::check(&app).await
}

/// Installs the release the last check found (the page asked the person first); gives its
/// version.
#[tauri::command]
pub async fn install_update<R: Runtime>(app: AppHandle<R>) -> Result<String, AppError> {
    update::install(&app).await
}

/// Starts the app again, so an installed update runs.
#[tauri::command]
pub fn restart_app<R: Runtime>(app: AppHandle<R>) {
    app.restart();
}
