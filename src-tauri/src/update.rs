//! Updates: the signed release feed (`tauri-plugin-updater`), read at start (setting
//! `check_updates`) and from Settings; nothing is downloaded or installed until the person says
//! yes. The artifact's minisign signature must match the public key in `tauri.conf.json` and name
//! the announced version (`requireSignedVersion`), or nothing is installed. Only an app installed
//! from a release bundle updates itself (the bundler marks the binary with its bundle type); one
//! built from source says so. `VIGIL_UPDATE_URL` points the check elsewhere (a mirror, the
//! tests' loopback server): the signature still decides.

use std::sync::{Mutex, PoisonError};

use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime};

use crate::error::{AppError, ErrorCode};
use crate::state::AppState;

/// A release newer than this app, as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UpdateOffer {
    /// The new version, e.g. `0.2.1`.
    pub version: String,
    /// This app's version.
    pub current: String,
    /// The release notes, as the feed gave them (the page shows them as text).
    pub notes: Option<String>,
}

/// The release found by the last check, kept until the person installs it or it is replaced.
#[derive(Default)]
pub struct UpdateState {
    #[cfg(desktop)]
    found: Mutex<Option<tauri_plugin_updater::Update>>,
}

impl UpdateState {
    /// The release waiting for the person's answer, if a check found one (the page's status
    /// poll reads it after the check at start).
    #[cfg(desktop)]
    pub fn offered(&self) -> Option<UpdateOffer> {
        self.found
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .map(|update| UpdateOffer {
                version: update.version.clone(),
                current: update.current_version.clone(),
                notes: update.body.clone().filter(|n| !n.trim().is_empty()),
            })
    }

    /// Mobile apps are updated by their store: nothing is ever offered here.
    #[cfg(mobile)]
    pub fn offered(&self) -> Option<UpdateOffer> {
        None
    }
}

/// Checks once, in the background, when the setting allows it; a found release is offered by
/// the page (status poll), failures stay quiet (the person did not ask).
pub fn check_at_start<R: Runtime>(app: AppHandle<R>) {
    if !app.state::<AppState>().settings.get().check_updates || !self_updating() {
        return;
    }
    tauri::async_runtime::spawn(async move {
        let _ = check(&app).await;
    });
}

/// Whether this copy can update itself: it was installed from a release bundle.
fn self_updating() -> bool {
    cfg!(desktop) && tauri::utils::platform::bundle_type().is_some()
}

/// Asks the release feed whether a newer version exists.
#[cfg(desktop)]
pub async fn check<R: Runtime>(app: &AppHandle<R>) -> Result<Option<UpdateOffer>, AppError> {
    use tauri_plugin_updater::UpdaterExt;
    if !self_updating() {
        return Err(from_source());
    }
    let mut builder = app
        .updater_builder()
        .timeout(std::time::Duration::from_secs(60));
    if let Some(url) = std::env::var("VIGIL_UPDATE_URL")
        .ok()
        .filter(|u| !u.is_empty())
    {
        let url = url::Url::parse(&url).map_err(|e| {
            AppError::new(
                ErrorCode::UpdateCheck,
                format!("VIGIL_UPDATE_URL is not a URL: {e}"),
            )
        })?;
        builder = builder.endpoints(vec![url]).map_err(check_failed)?;
    }
    let found = builder
        .build()
        .map_err(check_failed)?
        .check()
        .await
        .map_err(check_failed)?;
    let state = app.state::<UpdateState>();
    *state.found.lock().unwrap_or_else(PoisonError::into_inner) = found;
    Ok(state.offered())
}

/// Downloads the release found by the last check, checks its signature, and installs it (the
/// system's package tool, asking for the administrator's password the desktop's way). Gives the
/// version installed.
#[cfg(desktop)]
pub async fn install<R: Runtime>(app: &AppHandle<R>) -> Result<String, AppError> {
    let state = app.state::<UpdateState>();
    let update = state
        .found
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
        .ok_or_else(|| {
            AppError::keyed(ErrorCode::UpdateNone, "error-there-is-no-update-to", &[])
        })?;
    let version = update.version.clone();
    update
        .download_and_install(|_, _| {}, || {})
        .await
        .map_err(|e| install_failed(&version, &e))?;
    *state.found.lock().unwrap_or_else(PoisonError::into_inner) = None;
    Ok(version)
}

/// Mobile apps are updated by their store.
#[cfg(mobile)]
pub async fn check<R: Runtime>(_app: &AppHandle<R>) -> Result<Option<UpdateOffer>, AppError> {
    Err(from_source())
}

/// Mobile apps are updated by their store.
#[cfg(mobile)]
pub async fn install<R: Runtime>(_app: &AppHandle<R>) -> Result<String, AppError> {
    Err(from_source())
}

fn from_source() -> AppError {
    AppError::keyed(
        ErrorCode::UpdateUnavailable,
        "error-this-copy-of-vigil-was",
        &[],
    )
}

#[cfg(desktop)]
fn check_failed(error: tauri_plugin_updater::Error) -> AppError {
    AppError::new(
        ErrorCode::UpdateCheck,
        format!("Vigil could not check for updates: {error}"),
    )
}

/// Says which part failed: a bad signature means the file is not the developers' release.
#[cfg(desktop)]
fn install_failed(version: &str, error: &tauri_plugin_updater::Error) -> AppError {
    use tauri_plugin_updater::Error;
    match error {
        Error::Minisign(_)
        | Error::SignatureUtf8(_)
        | Error::Base64(_)
        | Error::SignedVersionMismatch { .. }
        | Error::MissingSignedVersion => AppError::keyed(
            ErrorCode::UpdateSignature,
            "update-not-signed",
            &[("version", version.into())],
        ),
        Error::AuthenticationFailed => AppError::keyed(
            ErrorCode::UpdateInstall,
            "update-not-permitted",
            &[("version", version.into())],
        ),
        other => AppError::new(
            ErrorCode::UpdateInstall,
            format!("Vigil {version} could not be installed: {other}. Nothing was changed."),
        ),
    }
}
