//! An account's icon: the choices for its "Icon…" dialog, and the choice made.

use askama::Template;
use tauri::State;
use vigil_vault::{AccountId, IconChoice};

use crate::error::AppError;
use crate::issuer_icons;
use crate::state::AppState;
use crate::view::Badge;

/// At most this many icons match what was typed.
const MAX_FOUND: usize = 24;

/// The dialog's list.
#[derive(Template)]
#[template(path = "partials/_icon_choices.html")]
pub struct IconChoices {
    /// `auto`, `initial` or the chosen icon's name.
    pub current: String,
    /// What "Automatic" shows for this account.
    pub automatic: Badge,
    /// The initial alone.
    pub initial: Badge,
    /// Icons whose name matches the query.
    pub found: Vec<FoundIcon>,
    /// What was typed.
    pub query: String,
    /// The list's words.
    pub t: vigil_i18n::Words,
}

/// One icon the query found.
pub struct FoundIcon {
    /// Its name, sent back when chosen.
    pub slug: &'static str,
    /// The service's name.
    pub title: &'static str,
    /// The badge it makes.
    pub badge: Badge,
}

/// The choices for account `id`, icons filtered by `query` (the best matches of its issuer when
/// nothing is typed).
#[tauri::command]
pub fn icon_choices(
    state: State<'_, AppState>,
    id: String,
    query: String,
) -> Result<String, AppError> {
    let mut account = state.accounts.vault()?.account(&AccountId::new(id))?;
    let current = match &account.icon {
        IconChoice::Automatic => "auto".to_owned(),
        IconChoice::Initial => "initial".to_owned(),
        IconChoice::Named(slug) => slug.clone(),
    };
    let initial = Badge::letter(&account.issuer, &account.label);
    account.icon = IconChoice::Automatic;
    let automatic = Badge::of(&account);
    let typed = query.trim();
    let found = issuer_icons::search(typed, MAX_FOUND)
        .into_iter()
        .map(|icon| FoundIcon {
            slug: &icon.slug,
            title: &icon.title,
            badge: Badge {
                icon: Some(icon),
                ..Badge::letter(&icon.title, "")
            },
        })
        .collect();
    Ok(IconChoices {
        current,
        automatic,
        initial,
        found,
        query: typed.to_owned(),
        t: state.settings.words(),
    }
    .render()?)
}

/// Gives account `id` the icon `icon` (`auto`, `initial` or a bundled icon's name); returns the
/// new list.
#[tauri::command]
pub fn set_account_icon(
    state: State<'_, AppState>,
    id: String,
    icon: String,
) -> Result<String, AppError> {
    let choice = match icon.as_str() {
        "auto" => IconChoice::Automatic,
        "initial" => IconChoice::Initial,
        slug => match issuer_icons::named(slug) {
            Some(found) => IconChoice::Named(found.slug.clone()),
            None => {
                return Err(AppError::keyed(
                    crate::error::ErrorCode::InvalidField,
                    "icon-unknown",
                    &[("name", slug.into())],
                ));
            }
        },
    };
    state
        .accounts
        .vault()?
        .set_icon(&AccountId::new(id), &choice)?;
    Ok(state.refresh()?.accounts().render()?)
}
