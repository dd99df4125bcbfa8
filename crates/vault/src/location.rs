//! Where a vault lives: its data directory and its keychain service name.

use std::path::PathBuf;

/// The data directory (the SQLite file and settings) and the keychain service name under which
/// secrets are stored. Tests point both somewhere private.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VaultLocation {
    /// Directory holding `vault.sqlite3`.
    pub data_dir: PathBuf,
    /// Keychain service name of every secret (`vigil` by default).
    pub keychain_service: String,
}

impl VaultLocation {
    /// The default keychain service name.
    pub const DEFAULT_SERVICE: &'static str = "vigil";

    /// From `VIGIL_DATA_DIR` and `VIGIL_KEYCHAIN_SERVICE`, else the platform's data directory
    /// (`~/.local/share/vigil` on Linux) and `vigil`.
    pub fn from_env() -> Self {
        let data_dir = std::env::var_os("VIGIL_DATA_DIR")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| {
                directories::ProjectDirs::from("", "", "vigil").map(|d| d.data_dir().to_path_buf())
            })
            .unwrap_or_else(|| PathBuf::from(".vigil"));
        let keychain_service = std::env::var("VIGIL_KEYCHAIN_SERVICE")
            .ok()
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| Self::DEFAULT_SERVICE.to_owned());
        Self {
            data_dir,
            keychain_service,
        }
    }

    /// The SQLite file.
    pub fn database(&self) -> PathBuf {
        self.data_dir.join("vault.sqlite3")
    }
}
