//! The settings in force, and the `settings.json` beside the vault they are saved to.

use std::path::PathBuf;
use std::sync::Mutex;

use super::lock;
use crate::error::AppError;
use crate::settings::Settings;

/// The settings and where they are saved.
pub struct SettingsStore {
    data_dir: PathBuf,
    current: Mutex<Settings>,
}

impl SettingsStore {
    /// Reads the settings saved in `data_dir` (the defaults when there are none).
    pub fn load(data_dir: PathBuf) -> Self {
        Self {
            current: Mutex::new(Settings::load(&data_dir)),
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
        *lock(&self.current) = settings;
        Ok(())
    }
}
