//! The automatic backups dialog: what is set and how the last backup went, turning backups on
//! (a folder, how many to keep, a password asked twice and kept in the keychain), off, or
//! making one now. The work is the vault's; these only check the form and map errors.

use serde::Serialize;
use tauri::State;
use vigil_vault::{BackupSettings, BackupStatus, DEFAULT_KEEP};

use crate::error::{AppError, ErrorCode};
use crate::state::AppState;

/// What the dialog shows.
#[derive(Debug, Serialize)]
pub struct BackupView {
    /// Whether automatic backups are on.
    pub on: bool,
    /// The folder (the one in use, or the one suggested).
    pub folder: String,
    /// How many backups are kept.
    pub keep: u32,
    /// When the last backup was made (Unix seconds).
    pub last_at: Option<i64>,
    /// The last backup's file.
    pub last_file: Option<String>,
    /// Why the last backup failed, if it did.
    pub last_error: Option<String>,
}

impl From<BackupStatus> for BackupView {
    fn from(status: BackupStatus) -> Self {
        let (on, folder, keep) = match status.settings {
            Some(settings) => (true, settings.folder, settings.keep),
            None => (false, suggested_folder(), DEFAULT_KEEP),
        };
        Self {
            on,
            folder: folder.to_string_lossy().into_owned(),
            keep,
            last_at: status.last_at,
            last_file: status
                .last_file
                .map(|path| path.to_string_lossy().into_owned()),
            last_error: status.last_error,
        }
    }
}

/// The folder offered the first time: "Vigil backups" in the Documents folder.
fn suggested_folder() -> std::path::PathBuf {
    super::export::export_folder().join("Vigil backups")
}

/// What is set, and how the last backup went.
#[tauri::command]
pub fn backup_settings(state: State<'_, AppState>) -> Result<BackupView, AppError> {
    Ok(state.accounts.vault()?.backup_status()?.into())
}

/// Turns backups on (or changes them) and makes one at once. An empty password keeps the one
/// in the keychain; a new one must be typed twice the same.
#[tauri::command]
pub fn save_backups(
    state: State<'_, AppState>,
    folder: String,
    keep: u32,
    password: String,
    again: String,
) -> Result<BackupView, AppError> {
    let password = super::export::typed_twice(password, again)?;
    let folder = folder.trim();
    if folder.is_empty() {
        return Err(AppError::keyed(
            ErrorCode::InvalidField,
            "error-choose-the-folder-the-backups",
            &[],
        ));
    }
    let settings = BackupSettings {
        folder: folder.into(),
        keep,
    };
    let new_password = (!password.expose().is_empty()).then_some(&password);
    let mut vault = state.accounts.vault()?;
    vault.enable_backups(&settings, new_password)?;
    Ok(vault.backup_status()?.into())
}

/// Turns backups off and removes their password from the keychain (backups made stay).
#[tauri::command]
pub fn turn_off_backups(state: State<'_, AppState>) -> Result<BackupView, AppError> {
    let mut vault = state.accounts.vault()?;
    vault.disable_backups()?;
    Ok(vault.backup_status()?.into())
}

/// Makes a backup now.
#[tauri::command]
pub fn back_up_now(state: State<'_, AppState>) -> Result<BackupView, AppError> {
    let mut vault = state.accounts.vault()?;
    vault.backup_now()?;
    Ok(vault.backup_status()?.into())
}

/// The banner's sentence when automatic backups are on and the last one failed.
pub fn backup_problem(state: &AppState) -> Option<String> {
    let status = state.accounts.vault().ok()?.backup_status().ok()?;
    status.settings.as_ref()?;
    status.last_error.map(|error| {
        state
            .settings
            .words()
            .with("backup-failed-banner", &[("error", error.into())])
    })
}
