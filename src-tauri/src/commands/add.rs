//! Adding accounts: from an otpauth link, a typed form, an image's bytes (a chosen or dropped
//! file), the screen or the clipboard. A single account is added at once; anything more (a Google
//! Authenticator export, a picture with several codes) is shown first and added when the person
//! confirms. The accounts waiting for that stay in the app's state, never in the page.

use askama::Template;
use serde::Serialize;
use tauri::ipc::{InvokeBody, Request};
use tauri::{State, WebviewWindow};
use vigil_activity::FeedLink;
use vigil_core::import::{self, Format, ImportError};
use vigil_core::qr::{self, Found, Payload, QrError};
use vigil_core::{FieldError, ManualEntry, OtpKind, OtpUri, Sensitive, migration};
use vigil_vault::VaultError;

use crate::error::{AppError, ErrorCode};
use crate::state::AppState;
use crate::view::Badge;

/// The largest picture file the page may send (a 4K screenshot as PNG is about 10 MB).
pub const MAX_IMAGE_BYTES: usize = 50 * 1024 * 1024;

/// What became of an attempt to add.
#[derive(Debug, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum AddOutcome {
    /// Added: the new page body, and a sentence for the confirmation.
    Added {
        /// The page body.
        html: String,
        /// "Added Shop (alice@example.com)".
        message: String,
    },
    /// Several accounts found: the preview to confirm.
    Preview {
        /// The preview, for the add dialog.
        html: String,
    },
    /// The typed form has problems, one per field.
    Invalid {
        /// Each field's problem.
        errors: Vec<FieldError>,
    },
    /// The backup is encrypted: the page asks for its password (the file stays in the app).
    Password {
        /// "an Aegis backup".
        what: String,
    },
}

/// The accounts found, before they are added.
#[derive(Template)]
#[template(path = "partials/_preview.html")]
pub struct Preview {
    /// "3 accounts from a Google Authenticator export".
    pub title: String,
    /// The accounts, in the order found.
    pub items: Vec<PreviewItem>,
    /// QR codes that were not enrolments, and export batches still to scan.
    pub notes: Vec<String>,
    /// The preview's words.
    pub t: vigil_i18n::Words,
}

/// One account in the preview.
pub struct PreviewItem {
    /// Its position among the pending accounts (what the page sends back).
    pub index: usize,
    /// The service.
    pub issuer: String,
    /// The account at the service.
    pub label: String,
    /// "TOTP, 6 digits, every 30 s" and the like.
    pub kind: String,
    /// Its badge.
    pub badge: Badge,
    /// Already in Vigil with the same secret (left unticked).
    pub duplicate: bool,
    /// The host of the activity feed the account's URI names, offered for linking.
    pub link_host: Option<String>,
    /// Why the URI's activity link cannot be used.
    pub link_problem: Option<String>,
}

fn describe(uri: &OtpUri) -> String {
    let p = uri.params;
    let t = crate::error::current_words();
    match p.kind {
        OtpKind::Totp => t.with(
            "kind-totp-params",
            &[("digits", p.digits.into()), ("period", p.period.into())],
        ),
        OtpKind::Hotp => t.with(
            "kind-hotp-params",
            &[("digits", p.digits.into()), ("counter", p.counter.into())],
        ),
        OtpKind::Steam => t.get("kind-steam"),
    }
}

/// Adds one account and says so.
fn add_one(state: &AppState, uri: &OtpUri) -> Result<AddOutcome, AppError> {
    state.accounts.vault()?.add(uri)?;
    Ok(AddOutcome::Added {
        html: state.refresh()?.accounts().render()?,
        message: crate::error::current_words()
            .with("added-one", &[("name", uri.display_name().into())]),
    })
}

/// Adds what the QR codes hold: one account at once, more after a preview.
fn enrol(state: &AppState, found: Vec<Found>) -> Result<AddOutcome, AppError> {
    let mut accounts = Vec::new();
    let mut notes = Vec::new();
    let mut from_export = false;
    for one in found {
        match one.payload {
            Payload::Account(uri) => accounts.push(uri),
            Payload::Export(batch) => {
                from_export = true;
                if batch.size > 1 {
                    notes.push(crate::error::current_words().with(
                        "export-part",
                        &[("index", batch.index.into()), ("size", batch.size.into())],
                    ));
                }
                accounts.extend(batch.accounts);
            }
            Payload::NotEnrolment(message) => notes.push(message),
        }
    }
    if accounts.is_empty() {
        return Err(AppError::new(ErrorCode::NotEnrolment, notes.join("\n")));
    }
    if let [uri] = accounts.as_slice()
        && !from_export
        && notes.is_empty()
        && uri.activity.is_none()
    {
        return add_one(state, uri);
    }
    let from = from_export.then(|| crate::error::current_words().get("from-google-export"));
    preview(state, accounts, notes, from.as_deref())
}

/// Shows `accounts` for the person to tick; `from` names where they came from ("a Google
/// Authenticator export"), `None` for a scan.
fn preview(
    state: &AppState,
    accounts: Vec<OtpUri>,
    notes: Vec<String>,
    from: Option<&str>,
) -> Result<AddOutcome, AppError> {
    let mut items = Vec::with_capacity(accounts.len());
    {
        let vault = state.accounts.vault()?;
        for (index, uri) in accounts.iter().enumerate() {
            items.push(PreviewItem {
                index,
                issuer: uri.issuer.clone(),
                label: uri.label.clone(),
                kind: describe(uri),
                badge: Badge::new(&uri.issuer, &uri.label),
                duplicate: vault.find_duplicate(uri)?.is_some(),
                link_host: uri
                    .activity
                    .as_deref()
                    .and_then(|text| FeedLink::parse(text).ok())
                    .map(|link| link.host()),
                link_problem: uri
                    .activity
                    .as_deref()
                    .and_then(|text| FeedLink::parse(text).err())
                    .map(|e| {
                        crate::error::current_words()
                            .with("link-problem", &[("problem", e.to_string().into())])
                    }),
            });
        }
    }
    let t = crate::error::current_words();
    let count = accounts.len();
    let title = match from {
        Some(from) => t.with(
            "preview-from",
            &[("count", count.into()), ("from", from.into())],
        ),
        None => t.with("preview-found", &[("count", count.into())]),
    };
    state.pending.set(accounts);
    let html = Preview {
        title,
        items,
        notes,
        t,
    }
    .render()?;
    Ok(AddOutcome::Preview { html })
}

/// Adds the account(s) of an otpauth link, or previews a Google Authenticator export link.
#[tauri::command]
pub fn add_uri(state: State<'_, AppState>, uri: String) -> Result<AddOutcome, AppError> {
    let text = uri.trim();
    if text.to_ascii_lowercase().starts_with("otpauth-migration:") {
        let batch = migration::decode(text).map_err(|e| {
            AppError::new(
                ErrorCode::InvalidUri,
                format!("This export cannot be read: {e}"),
            )
        })?;
        let export = Found {
            text: String::new(),
            payload: Payload::Export(batch),
        };
        return enrol(&state, vec![export]);
    }
    let account = Found {
        text: String::new(),
        payload: Payload::Account(OtpUri::parse(text)?),
    };
    enrol(&state, vec![account])
}

/// Adds the account typed in the form, or says what is wrong with each field.
#[tauri::command]
pub fn add_manual(state: State<'_, AppState>, entry: ManualEntry) -> Result<AddOutcome, AppError> {
    match entry.to_otp_uri() {
        Ok(uri) => add_one(&state, &uri),
        Err(errors) => {
            // Each field's problem in the app's language (core words them in English).
            let t = crate::error::current_words();
            let errors = errors
                .into_iter()
                .map(|mut error| {
                    let args: Vec<(&str, vigil_i18n::Arg)> = error
                        .args
                        .iter()
                        .map(|(name, value)| (*name, value.as_str().into()))
                        .collect();
                    error.message = t.with(error.key, &args);
                    error
                })
                .collect();
            Ok(AddOutcome::Invalid { errors })
        }
    }
}

/// Scans a picture's bytes (a chosen or dropped file), sent as the raw request body.
#[tauri::command]
pub fn scan_image(
    state: State<'_, AppState>,
    request: Request<'_>,
) -> Result<AddOutcome, AppError> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(AppError::keyed(
            ErrorCode::BadImage,
            "error-no-picture-was-received",
            &[],
        ));
    };
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(AppError::keyed(
            ErrorCode::BadImage,
            "js-too-large-scan",
            &[("size", (bytes.len() / (1024 * 1024)).into())],
        ));
    }
    let found = qr::scan_image(bytes).map_err(|error| match error {
        QrError::NoQrCode => AppError::keyed(ErrorCode::NoQrCode, "error-no-qr-code-found-in", &[]),
        QrError::CodeNotRead => {
            AppError::new(ErrorCode::NoQrCode, QrError::CodeNotRead.to_string())
        }
        other => AppError::new(ErrorCode::BadImage, other.to_string()),
    })?;
    enrol(&state, found)
}

/// Reads another authenticator's backup (or Vigil's own), sent as the raw request body: its
/// accounts are previewed, or, when it is encrypted, the page is asked for the password while
/// the file waits here (never in the page).
#[tauri::command]
pub fn import_backup(
    state: State<'_, AppState>,
    request: Request<'_>,
) -> Result<AddOutcome, AppError> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(AppError::keyed(
            ErrorCode::BadBackup,
            "error-no-file-was-received",
            &[],
        ));
    };
    let format = import::detect(bytes).ok_or_else(|| {
        import_error(if bytes.len() > import::MAX_IMPORT_BYTES {
            ImportError::TooLarge {
                size: bytes.len(),
                max: import::MAX_IMPORT_BYTES,
            }
        } else {
            ImportError::UnknownFormat
        })
    })?;
    if format.needs_password(bytes) {
        state.pending.keep_backup(format, bytes.clone());
        return Ok(AddOutcome::Password {
            what: backup_name(format),
        });
    }
    let imported = format.import(bytes, None).map_err(import_error)?;
    preview_backup(&state, format, imported)
}

/// Opens the encrypted backup waiting since [`import_backup`] with `password`; a wrong password
/// keeps it waiting for another try.
#[tauri::command]
pub fn import_backup_password(
    state: State<'_, AppState>,
    password: String,
) -> Result<AddOutcome, AppError> {
    let password = Sensitive::new(password);
    let Some((format, bytes)) = state.pending.take_backup() else {
        return Err(AppError::keyed(
            ErrorCode::NotFound,
            "error-no-backup-is-waiting-for",
            &[],
        ));
    };
    match format.import(&bytes, Some(&password)) {
        Ok(imported) => preview_backup(&state, format, imported),
        Err(error @ ImportError::WrongPassword { .. }) => {
            state.pending.keep_backup(format, bytes.to_vec());
            Err(AppError::new(
                ErrorCode::WrongPassword,
                capitalised(&error.to_string()),
            ))
        }
        Err(error) => Err(import_error(error)),
    }
}

/// The preview of a backup's accounts; entries Vigil cannot use are named in its notes.
fn preview_backup(
    state: &AppState,
    format: Format,
    imported: import::Imported,
) -> Result<AddOutcome, AppError> {
    let notes: Vec<String> = imported
        .problems
        .iter()
        .map(|p| {
            crate::error::current_words().with(
                "left-out",
                &[
                    ("name", p.name.as_str().into()),
                    ("reason", p.reason.to_string().into()),
                ],
            )
        })
        .collect();
    let (accounts, groups): (Vec<OtpUri>, Vec<Vec<String>>) = imported
        .accounts
        .into_iter()
        .map(|a| (a.uri, a.groups))
        .unzip();
    if accounts.is_empty() {
        let mut message = crate::error::current_words().with(
            "backup-holds-nothing",
            &[("what", capitalised(&backup_name(format)).into())],
        );
        for note in &notes {
            message.push_str(&format!("\n{note}"));
        }
        return Err(AppError::said(ErrorCode::BadBackup, message));
    }
    let outcome = preview(state, accounts, notes, Some(&backup_name(format)))?;
    state.pending.set_groups(groups);
    Ok(outcome)
}

/// The format in words: "an Aegis backup", "a 2FAS backup".
fn backup_name(format: Format) -> String {
    let t = crate::error::current_words();
    let name = match format {
        Format::Aegis => "Aegis",
        Format::TwoFas => "2FAS",
        Format::AndOtp => "andOTP",
        Format::BitwardenJson | Format::BitwardenCsv => "Bitwarden",
        Format::Ente | Format::EnteEncrypted => "Ente Auth",
        Format::FreeOtpPlus => "FreeOTP+",
        Format::Stratum => "Stratum (Authenticator Pro)",
        Format::Proton => "Proton Authenticator",
        Format::Uris => return t.get("backup-of-uris"),
    };
    // English writes "an Aegis backup" but "a 2FAS backup".
    let key = if name.starts_with(['A', 'E']) {
        "backup-of-an"
    } else {
        "backup-of-a"
    };
    t.with(key, &[("name", name.into())])
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn import_error(error: ImportError) -> AppError {
    let message = match &error {
        ImportError::UnknownFormat => "This file is not a backup Vigil can read. Vigil reads \
            Aegis, 2FAS, andOTP, Bitwarden, Ente Auth, FreeOTP+, Stratum and Proton \
            Authenticator backups, and lists of otpauth links."
            .to_owned(),
        other => capitalised(&other.to_string()),
    };
    AppError::new(ErrorCode::BadBackup, message)
}

/// Scans every screen (with Vigil's window hidden for a moment, so it covers nothing).
#[tauri::command]
pub async fn scan_screen(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<AddOutcome, AppError> {
    let hidden = window.hide().is_ok();
    let found = tauri::async_runtime::spawn_blocking(move || {
        if hidden {
            std::thread::sleep(std::time::Duration::from_millis(350));
        }
        vigil_capture::scan_screens()
    })
    .await;
    if hidden {
        let _ = window.show();
        let _ = window.set_focus();
    }
    let found = found
        .map_err(|e| {
            AppError::new(
                ErrorCode::Capture,
                format!("The screen could not be captured: {e}"),
            )
        })?
        .map_err(|e| AppError::new(ErrorCode::Capture, e.to_string()))?;
    enrol(&state, found)
}

/// Reads the clipboard: a picture with QR codes, or an otpauth link as text. A link is cleared
/// from the clipboard once its account is added (at once, or when the preview is confirmed).
#[tauri::command]
pub fn scan_clipboard(state: State<'_, AppState>) -> Result<AddOutcome, AppError> {
    let found = vigil_capture::scan_clipboard()
        .map_err(|e| AppError::new(ErrorCode::Clipboard, e.to_string()))?;
    let outcome = enrol(&state, found)?;
    match outcome {
        AddOutcome::Added { .. } => {
            let _ = vigil_capture::clear_clipboard_otp_link();
        }
        AddOutcome::Preview { .. } => state.pending.mark_from_clipboard(),
        AddOutcome::Invalid { .. } | AddOutcome::Password { .. } => {}
    }
    Ok(outcome)
}

/// Adds the previewed accounts the person ticked (by their index in the preview), linking those
/// whose activity box was ticked (`links`) to the feed their URI names.
#[tauri::command]
pub fn confirm_add(
    state: State<'_, AppState>,
    picks: Vec<usize>,
    links: Vec<usize>,
) -> Result<AddOutcome, AppError> {
    let (pending, from_clipboard) = state.pending.take();
    let groups = state.pending.take_groups();
    if pending.is_empty() {
        return Err(AppError::keyed(
            ErrorCode::NotFound,
            "error-nothing-is-waiting-to-be",
            &[],
        ));
    }
    let (mut added, mut already) = (0, 0);
    {
        let mut vault = state.accounts.vault()?;
        for (index, uri) in picks
            .iter()
            .filter_map(|&index| Some((index, pending.get(index)?)))
        {
            let mut uri = uri.clone();
            uri.activity = uri
                .activity
                .as_deref()
                .filter(|_| links.contains(&index))
                .and_then(|text| FeedLink::parse(text).ok())
                .map(|link| link.as_str().to_owned());
            match vault.add(&uri) {
                Ok(account) => {
                    added += 1;
                    // The folders or tags the backup put it in.
                    if let Some(groups) = groups.get(index).filter(|g| !g.is_empty()) {
                        vault.set_groups(&account.id, groups)?;
                    }
                }
                Err(VaultError::Duplicate { .. }) => already += 1,
                Err(error) => return Err(error.into()),
            }
        }
    }
    if from_clipboard && added > 0 {
        let _ = vigil_capture::clear_clipboard_otp_link();
    }
    state.activity.wake();
    let t = crate::error::current_words();
    let mut message = t.with("added-count", &[("count", added.into())]);
    if already > 0 {
        message = t.with(
            "added-with-duplicates",
            &[("added", message.into()), ("count", already.into())],
        );
    }
    Ok(AddOutcome::Added {
        html: state.refresh()?.accounts().render()?,
        message,
    })
}

/// Forgets the previewed accounts (the person closed the preview).
#[tauri::command]
pub fn cancel_add(state: State<'_, AppState>) {
    drop(state.pending.take());
    drop(state.pending.take_backup());
}
