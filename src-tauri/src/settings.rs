//! The app's settings (theme, clipboard delay, next code, notifications, clock correction, update
//! checks), kept as `settings.json` in the data
//! directory beside the vault. A missing or unreadable file means the defaults; saving replaces
//! the file atomically.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use vigil_i18n::{Language, Words};

use crate::error::{AppError, ErrorCode};

/// The colour theme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the system's light or dark preference.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// `system`, `light` or `dark`, as the page's `data-theme` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The order of the account list (pinned accounts come first in each).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    /// The person's own order (drag, or Move up and down).
    #[default]
    Custom,
    /// By account name (the label), then service.
    Name,
    /// By service (the issuer), then account name.
    Issuer,
    /// The account whose code was copied last first.
    Recent,
}

impl SortOrder {
    /// Every order with the key of its words, as the list's menu offers them.
    pub const ALL: [(SortOrder, &'static str); 4] = [
        (SortOrder::Custom, "sort-custom"),
        (SortOrder::Issuer, "sort-issuer"),
        (SortOrder::Name, "sort-name"),
        (SortOrder::Recent, "sort-recent"),
    ];

    /// `custom`, `name`, `issuer` or `recent`.
    pub fn as_str(self) -> &'static str {
        match self {
            SortOrder::Custom => "custom",
            SortOrder::Name => "name",
            SortOrder::Issuer => "issuer",
            SortOrder::Recent => "recent",
        }
    }
}

/// What a person can change in the settings dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Light, dark or the system's choice.
    pub theme: Theme,
    /// Seconds before a copied code is cleared from the clipboard; 0 never clears it.
    pub clipboard_seconds: u64,
    /// Show the next code in the last seconds of a period.
    pub show_next: bool,
    /// Desktop notifications for new flagged events and locks.
    pub notifications: bool,
    /// Compute codes with the linked services' time when this computer's clock is off.
    pub correct_clock: bool,
    /// Ask the release feed for a newer Vigil when the app starts (nothing is installed without
    /// the person's yes).
    pub check_updates: bool,
    /// The order of the account list.
    pub sort: SortOrder,
    /// Closing the window leaves Vigil running (in the tray) so alerts keep coming; `None`
    /// until chosen, which means on when an account is linked.
    pub keep_running: Option<bool>,
    /// Start Vigil, without a window, when the person logs in.
    pub start_at_login: bool,
    /// With the app lock on, lock after this many minutes without a key press or click (0: only
    /// when Vigil starts or is locked by hand). The lock's dialog sets it, not the settings form.
    pub lock_idle_minutes: u32,
    /// The language of the app: the system's, or one chosen over it.
    pub language: LanguageChoice,
}

/// The app's language: the system's (`LANG`, `LC_*`; the user's settings on macOS and Windows),
/// or one of Vigil's languages chosen in the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LanguageChoice {
    /// Follow the system.
    #[default]
    System,
    /// English.
    En,
    /// German.
    De,
    /// French.
    Fr,
}

impl LanguageChoice {
    /// Every choice but the system's, with its language, as the settings offer them.
    pub const CHOSEN: [(LanguageChoice, Language); 3] = [
        (LanguageChoice::En, Language::English),
        (LanguageChoice::De, Language::German),
        (LanguageChoice::Fr, Language::French),
    ];

    /// `system`, `en`, `de` or `fr`: the form's value.
    pub fn as_str(self) -> &'static str {
        match self {
            LanguageChoice::System => "system",
            LanguageChoice::En => "en",
            LanguageChoice::De => "de",
            LanguageChoice::Fr => "fr",
        }
    }

    /// The language chosen over the system's, if any.
    pub fn language(self) -> Option<Language> {
        Self::CHOSEN
            .iter()
            .find(|(choice, _)| *choice == self)
            .map(|(_, language)| *language)
    }

    /// The words to use: the system's locale, or the chosen language over it.
    pub fn words(self) -> Words {
        Words::for_system(self.language().map(Language::code))
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: Theme::System,
            clipboard_seconds: 30,
            show_next: true,
            notifications: true,
            correct_clock: true,
            check_updates: true,
            sort: SortOrder::Custom,
            keep_running: None,
            start_at_login: false,
            lock_idle_minutes: 5,
            language: LanguageChoice::System,
        }
    }
}

/// The longest idle time before the app locks (a day).
pub const MAX_LOCK_IDLE_MINUTES: u32 = 24 * 60;

/// The longest clipboard delay offered (one hour).
pub const MAX_CLIPBOARD_SECONDS: u64 = 3600;

impl Settings {
    /// The settings file in `data_dir`.
    pub fn path(data_dir: &Path) -> PathBuf {
        data_dir.join("settings.json")
    }

    /// The saved settings, or the defaults when there are none or they cannot be read.
    pub fn load(data_dir: &Path) -> Self {
        std::fs::read(Self::path(data_dir))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Self>(&bytes).ok())
            .map_or_else(Self::default, Self::clamped)
    }

    /// Writes the settings (to a new owner-only temporary file, then renamed over the old one).
    pub fn save(&self, data_dir: &Path) -> Result<(), AppError> {
        let failed = |e: std::io::Error| {
            AppError::new(
                ErrorCode::Settings,
                format!(
                    "The settings could not be saved in {}: {e}",
                    data_dir.display()
                ),
            )
        };
        std::fs::create_dir_all(data_dir).map_err(failed)?;
        let json = serde_json::to_vec_pretty(self).map_err(|e| {
            AppError::new(
                ErrorCode::Settings,
                format!("The settings could not be saved: {e}"),
            )
        })?;
        let temporary = data_dir.join("settings.json.tmp");
        // A leftover (or planted) temporary file is not reused: the file is made new, 0600.
        let _ = std::fs::remove_file(&temporary);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&temporary).map_err(failed)?;
        std::io::Write::write_all(&mut file, &json).map_err(failed)?;
        drop(file);
        std::fs::rename(&temporary, Self::path(data_dir)).map_err(failed)
    }

    /// Whether closing the window leaves Vigil running: as chosen, or, until then, whether an
    /// account is linked (alerts are only for linked accounts).
    pub fn keeps_running(&self, any_linked: bool) -> bool {
        self.keep_running.unwrap_or(any_linked)
    }

    /// The same settings with the delay kept within what the dialog offers.
    pub fn clamped(self) -> Self {
        Self {
            clipboard_seconds: self.clipboard_seconds.min(MAX_CLIPBOARD_SECONDS),
            lock_idle_minutes: self.lock_idle_minutes.min(MAX_LOCK_IDLE_MINUTES),
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_settings_load_back_and_bad_files_give_defaults() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Settings::load(dir.path()), Settings::default());
        let chosen = Settings {
            theme: Theme::Dark,
            clipboard_seconds: 0,
            show_next: false,
            notifications: false,
            correct_clock: false,
            check_updates: false,
            sort: SortOrder::Recent,
            keep_running: Some(false),
            start_at_login: true,
            lock_idle_minutes: 15,
            language: LanguageChoice::De,
        };
        chosen.save(dir.path()).unwrap();
        assert_eq!(Settings::load(dir.path()), chosen);
        let json = std::fs::read_to_string(Settings::path(dir.path())).unwrap();
        assert!(json.contains("\"theme\": \"dark\""), "{json}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(Settings::path(dir.path()))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "the settings file is owner-only");
        }

        std::fs::write(Settings::path(dir.path()), "{not json").unwrap();
        assert_eq!(Settings::load(dir.path()), Settings::default());
        std::fs::write(
            Settings::path(dir.path()),
            r#"{"clipboard_seconds": 99999}"#,
        )
        .unwrap();
        let loaded = Settings::load(dir.path());
        assert_eq!(loaded.clipboard_seconds, MAX_CLIPBOARD_SECONDS);
        assert_eq!(loaded.theme, Theme::System);
        assert!(
            loaded.notifications && loaded.correct_clock && loaded.check_updates,
            "older files get the defaults"
        );
    }
}
