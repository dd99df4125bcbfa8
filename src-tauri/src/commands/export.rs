//! Exporting every account as an encrypted backup: an Aegis vault (Aegis opens it, and Vigil
//! imports it back), written to a new file in the person's Documents folder (`VIGIL_EXPORT_DIR`
//! overrides it) and never over an existing one. The password is checked twice by the page and
//! used once here; it is not kept.

use std::path::{Path, PathBuf};

use tauri::State;
use vigil_core::Sensitive;
use vigil_core::export::aegis::{ScryptParams, write_encrypted};

use crate::error::{AppError, ErrorCode};
use crate::state::AppState;

// The shortest password accepted for a backup: the same as automatic backups'.
use vigil_vault::MIN_PASSWORD_CHARS;

/// Writes the encrypted backup; gives the sentence to show ("Saved 6 accounts to …").
#[tauri::command]
pub fn export_backup(
    state: State<'_, AppState>,
    password: String,
    again: String,
) -> Result<String, AppError> {
    let password = typed_twice(password, again)?;
    if password.expose().chars().count() < MIN_PASSWORD_CHARS {
        return Err(AppError::keyed(
            ErrorCode::InvalidField,
            "password-too-short",
            &[("count", MIN_PASSWORD_CHARS.into())],
        ));
    }
    let unlocked = state.accounts.vault()?.unlock()?;
    let accounts = unlocked.exportable();
    let json = write_encrypted(
        &accounts,
        &password,
        &mut rand_core::OsRng,
        ScryptParams::AEGIS,
    )
    .map_err(|e| {
        AppError::new(
            ErrorCode::Render,
            format!("The backup could not be made: {e}"),
        )
    })?;
    let folder = export_folder();
    let path = write_new(&folder, json.as_bytes())?;
    let count = accounts.len();
    Ok(format!(
        "Saved {count} {} to {}",
        if count == 1 { "account" } else { "accounts" },
        path.display()
    ))
}

/// The password, when the two typed are the same (the export and backups dialogs ask twice).
pub(crate) fn typed_twice(password: String, again: String) -> Result<Sensitive<String>, AppError> {
    let password = Sensitive::new(password);
    let again = Sensitive::new(again);
    if password.expose() != again.expose() {
        return Err(AppError::keyed(
            ErrorCode::InvalidField,
            "error-the-two-passwords-differ-type",
            &[],
        ));
    }
    Ok(password)
}

/// Where backups go: `VIGIL_EXPORT_DIR`, else the Documents folder, else the home folder.
pub(crate) fn export_folder() -> PathBuf {
    if let Some(dir) = std::env::var_os("VIGIL_EXPORT_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    directories::UserDirs::new()
        .and_then(|dirs| {
            dirs.document_dir()
                .map(Path::to_path_buf)
                .or_else(|| Some(dirs.home_dir().to_path_buf()))
        })
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Creates `vigil-backup-DATE.json` (or `-2`, `-3`… when taken) in `folder`, owner-only, new.
fn write_new(folder: &Path, bytes: &[u8]) -> Result<PathBuf, AppError> {
    let failed = |path: &Path, e: std::io::Error| {
        AppError::new(
            ErrorCode::Settings,
            format!("The backup could not be written to {}: {e}", path.display()),
        )
    };
    std::fs::create_dir_all(folder).map_err(|e| failed(folder, e))?;
    let date = time::OffsetDateTime::now_utc().date();
    for attempt in 1..=99 {
        let name = match attempt {
            1 => format!("vigil-backup-{date}.json"),
            n => format!("vigil-backup-{date}-{n}.json"),
        };
        let path = folder.join(name);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(&path) {
            Ok(mut file) => {
                std::io::Write::write_all(&mut file, bytes).map_err(|e| failed(&path, e))?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(failed(&path, e)),
        }
    }
    Err(AppError::keyed(
        ErrorCode::Settings,
        "export-folder-full",
        &[("folder", folder.display().to_string().into())],
    ))
}
