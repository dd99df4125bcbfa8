//! Changing accounts: rename, pin, reorder, show the QR code (after the page asked), delete.

use askama::Template;
use tauri::State;
use vigil_vault::AccountId;

use crate::error::{AppError, ErrorCode};
use crate::state::AppState;

/// An account's QR code, to move it to a phone.
#[derive(Template)]
#[template(path = "partials/_qr.html")]
pub struct QrCode {
    /// "alice@example.com at Shop".
    pub name: String,
    /// The `<svg>` drawn by `vigil_core::qr::render_svg`: module paths only, no text.
    pub svg: String,
    /// The dialog's words.
    pub t: vigil_i18n::Words,
}

/// Renames an account's issuer and label and puts it in `groups` (names separated by commas);
/// returns the new page body.
#[tauri::command]
pub fn rename_account(
    state: State<'_, AppState>,
    id: String,
    issuer: String,
    label: String,
    groups: String,
) -> Result<String, AppError> {
    if label.trim().is_empty() {
        return Err(AppError::keyed(
            ErrorCode::InvalidField,
            "error-enter-the-account-name-such",
            &[],
        ));
    }
    let groups = group_names(&groups);
    let id = AccountId::new(id);
    {
        let mut vault = state.accounts.vault()?;
        vault.rename(&id, &issuer, &label)?;
        vault.set_groups(&id, &groups)?;
    }
    Ok(state.refresh()?.accounts().render()?)
}

/// The group names in `text` (separated by commas), trimmed, each once, in the order typed.
fn group_names(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        if !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
    }
    names
}

/// Pins an account to the top of the list, or unpins it; returns the new page body.
#[tauri::command]
pub fn set_favourite(
    state: State<'_, AppState>,
    id: String,
    favourite: bool,
) -> Result<String, AppError> {
    state
        .accounts
        .vault()?
        .set_favourite(&AccountId::new(id), favourite)?;
    Ok(state.refresh()?.accounts().render()?)
}

/// Puts the accounts in the order given (the page's order after a drag); returns the new body.
#[tauri::command]
pub fn reorder_accounts(state: State<'_, AppState>, ids: Vec<String>) -> Result<String, AppError> {
    let order: Vec<AccountId> = ids.into_iter().map(AccountId::new).collect();
    state.accounts.vault()?.reorder(&order)?;
    Ok(state.refresh()?.accounts().render()?)
}

/// Moves an account one place up (`-1`) or down (`1`) within its group (pinned or not), as the
/// list shows it; returns the new page body.
#[tauri::command]
pub fn move_account(state: State<'_, AppState>, id: String, by: i32) -> Result<String, AppError> {
    state
        .accounts
        .vault()?
        .move_within_group(&AccountId::new(id), by)?;
    Ok(state.refresh()?.accounts().render()?)
}

/// The account's QR code (the page asked the person to confirm first).
#[tauri::command]
pub fn account_qr(state: State<'_, AppState>, id: String) -> Result<String, AppError> {
    let vault = state.accounts.vault()?;
    let account = vault.account(&AccountId::new(id))?;
    let uri = vault.otp_uri(&account)?;
    let text = zeroize::Zeroizing::new(uri.to_uri_string());
    let svg = vigil_core::qr::render_svg(&text).map_err(|e| {
        AppError::new(
            ErrorCode::Render,
            format!("The QR code could not be drawn: {e}"),
        )
    })?;
    let name = crate::activity::name_of(&state.settings.words(), &account);
    Ok(QrCode {
        name,
        svg,
        t: state.settings.words(),
    }
    .render()?)
}

/// Removes an account (the page asked for confirmation first); returns the new page body.
#[tauri::command]
pub fn remove_account(state: State<'_, AppState>, id: String) -> Result<String, AppError> {
    let id = AccountId::new(id);
    state.accounts.vault()?.remove(&id)?;
    state.record_clock(&id, None);
    Ok(state.refresh()?.accounts().render()?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn group_names_are_split_trimmed_and_kept_once() {
        assert_eq!(
            super::group_names(" Work, Money ,,Work, work "),
            ["Work", "Money", "work"]
        );
        assert!(super::group_names(" , ").is_empty());
    }
}
