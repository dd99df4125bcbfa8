//! `vigil-server reseal`: key rotation for `VIGIL_SECRET_KEY`. With every instance stopped, it
//! opens the database, and re-seals every TOTP secret and document from the current key
//! (`VIGIL_SECRET_KEY`) to the new one (`VIGIL_NEW_SECRET_KEY`), all or nothing; then the
//! instances start with the new key.

use crate::config::{Config, ConfigError};
use crate::db::{Database, ResealCounts, ResealError};
use crate::sealed_secret::SecretSealer;

/// Why the re-seal did not happen (nothing was changed).
#[derive(Debug, thiserror::Error)]
pub enum ResealCommandError {
    /// The configuration is incomplete or wrong.
    #[error("{0}")]
    Config(#[from] ConfigError),
    /// `VIGIL_NEW_SECRET_KEY` is not set.
    #[error(
        "VIGIL_NEW_SECRET_KEY is not set: give the new key in the environment or in the --config file"
    )]
    NoNewKey,
    /// The new key is the old one.
    #[error("VIGIL_NEW_SECRET_KEY is the same as VIGIL_SECRET_KEY")]
    SameKey,
    /// The database cannot be opened.
    #[error("cannot open the database: {0}")]
    Database(#[from] sqlx::Error),
    /// The re-seal failed.
    #[error("{0}")]
    Reseal(#[from] ResealError),
}

/// Re-seals the database of `config` from `VIGIL_SECRET_KEY` to `VIGIL_NEW_SECRET_KEY`.
pub async fn reseal(mut config: Config) -> Result<ResealCounts, ResealCommandError> {
    config.load_file()?;
    let old = config.secret_sealer()?;
    let new_text = config
        .new_secret_key
        .as_ref()
        .map(|key| key.expose().trim().to_owned())
        .filter(|key| !key.is_empty())
        .ok_or(ResealCommandError::NoNewKey)?;
    let same = config
        .secret_key
        .as_ref()
        .is_some_and(|old| old.expose().trim() == new_text);
    if same {
        return Err(ResealCommandError::SameKey);
    }
    let new = SecretSealer::from_key_text(&new_text).map_err(ConfigError::from)?;
    let url = config.database_url()?;
    let db = Database::open(&url).await?;
    Ok(db.reseal(&old, &new).await?)
}
