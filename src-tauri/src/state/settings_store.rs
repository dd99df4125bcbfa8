//! The settings in force, and the `settings.json` beside the vault they are saved to.

use std::path::PathBuf;
use std::sync::Mutex;

use super::lock;
use crate::error::AppError;
use crate::settings::Settings;
use vigil_i18n::Words;

/// The settings and where they are saved, and the words of the language they choose.
pub struct SettingsStore {
    data_dir: PathBuf,
    current: Mutex<Settings>,
    words: Mutex<Words>,
}

impl SettingsStore {
    /// Reads the settings saved in `data_dir` (the defaults when there are none).
    pub fn load(data_dir: PathBuf) -> Self {
        let settings = Settings::load(&data_dir);
        crate::error::set_words(settings.language.words());
        Self {
            words: Mutex::new(settings.language.words()),
            current: Mutex::new(settings),
            data_dir,
        }
    }

    /// The current settings.
    pub fn get(&self) -> Settings {
        *lock(&self.current)
    }

    /// Saves new settings and uses them from now on.
    pub fn set(&self, settings: Settings) -> Result<(), AppError> {
        let settings = settings.clamped();
        settings.save(&self.data_dir)?;
        let before = std::mem::replace(&mut *lock(&self.current), settings);
        if before.language != settings.language {
            *lock(&self.words) = settings.language.words();
            crate::error::set_words(settings.language.words());
        }
        Ok(())
    }

    /// What the app says, in the language the settings choose (the system's by default).
    pub fn words(&self) -> Words {
        lock(&self.words).clone()
    }
}
