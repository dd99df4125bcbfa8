//! Key rotation: every sealed TOTP secret and document opened with the old server secret key
//! and sealed again with the new one, in one transaction (all or nothing), while no instance
//! runs (`vigil-server reseal`).

use sqlx::Row;

use super::Database;
use crate::sealed_secret::{SEALED_PREFIX_V1, SealError, SecretSealer};

/// What a re-seal changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ResealCounts {
    /// TOTP secrets sealed again.
    pub secrets: u64,
    /// Documents sealed again.
    pub documents: u64,
    /// Rows already sealed with the new key (a re-seal run twice), left as they are.
    pub already_new: u64,
}

/// Why a re-seal was refused (nothing was changed).
#[derive(Debug, thiserror::Error)]
pub enum ResealError {
    /// A row opens with neither the old nor the new key.
    #[error(
        "{what} cannot be decrypted with the old key (nor the new one): is VIGIL_SECRET_KEY the key this database was written with? Nothing was changed"
    )]
    WrongOldKey {
        /// The row, e.g. `account 1f…'s secret`.
        what: String,
    },
    /// Sealing with the new key failed.
    #[error("cannot seal with the new key: {0}")]
    Seal(#[from] SealError),
    /// The database failed.
    #[error("{0}")]
    Database(#[from] sqlx::Error),
}

impl Database {
    /// Re-seals every secret and document from `old` to `new`, in one transaction.
    pub async fn reseal(
        &self,
        old: &SecretSealer,
        new: &SecretSealer,
    ) -> Result<ResealCounts, ResealError> {
        let mut counts = ResealCounts::default();
        let mut tx = self.pool.begin().await?;
        let accounts: Vec<(String, String)> =
            sqlx::query_as("SELECT id, secret FROM accounts WHERE secret LIKE $1 ORDER BY id")
                .bind(format!("{SEALED_PREFIX_V1}%"))
                .fetch_all(&mut *tx)
                .await?;
        for (account_id, sealed) in accounts {
            let secret = match old.open(&account_id, &sealed) {
                Ok(secret) => secret,
                Err(_) if new.open(&account_id, &sealed).is_ok() => {
                    counts.already_new += 1;
                    continue;
                }
                Err(_) => {
                    return Err(ResealError::WrongOldKey {
                        what: format!("account {account_id}'s secret"),
                    });
                }
            };
            sqlx::query("UPDATE accounts SET secret = $2 WHERE id = $1")
                .bind(&account_id)
                .bind(new.seal(&account_id, &secret)?)
                .execute(&mut *tx)
                .await?;
            counts.secrets += 1;
        }
        let documents: Vec<(String, String)> =
            sqlx::query_as("SELECT id, account_id FROM documents WHERE data LIKE $1 ORDER BY id")
                .bind(format!("{SEALED_PREFIX_V1}%"))
                .fetch_all(&mut *tx)
                .await?;
        for (document_id, account_id) in documents {
            // One document in memory at a time.
            let row = sqlx::query("SELECT data FROM documents WHERE id = $1")
                .bind(&document_id)
                .fetch_one(&mut *tx)
                .await?;
            let sealed: String = row.try_get("data")?;
            let bytes = match old.open_document(&account_id, &document_id, &sealed) {
                Ok(bytes) => bytes,
                Err(_)
                    if new
                        .open_document(&account_id, &document_id, &sealed)
                        .is_ok() =>
                {
                    counts.already_new += 1;
                    continue;
                }
                Err(_) => {
                    return Err(ResealError::WrongOldKey {
                        what: format!("document {document_id}"),
                    });
                }
            };
            sqlx::query("UPDATE documents SET data = $2 WHERE id = $1")
                .bind(&document_id)
                .bind(new.seal_document(&account_id, &document_id, &bytes)?)
                .execute(&mut *tx)
                .await?;
            counts.documents += 1;
        }
        tx.commit().await?;
        Ok(counts)
    }
}
