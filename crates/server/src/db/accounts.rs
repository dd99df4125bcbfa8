//! Queries on the `accounts` table.

use sqlx::{AnyConnection, Row};
use vigil_core::Secret;
use vigil_core::activity::AccountState;

use super::sqlite_readers::parse_stored;
use super::{Backend, Database};
use crate::sealed_secret::{SEALED_PREFIX_V1, SealError, SecretSealer};

/// An account as stored.
#[derive(Debug, Clone)]
pub struct AccountRow {
    /// The service's id (a UUID).
    pub id: String,
    /// The site's id for the customer.
    pub external_id: String,
    /// Where emails go.
    pub email: String,
    /// Issuer in the otpauth URI.
    pub issuer: String,
    /// Label in the otpauth URI.
    pub label: String,
    /// The TOTP secret sealed under the server secret key (`v1:…`, see
    /// [`crate::sealed_secret`]); opened only where a code is checked or the feed key derived.
    pub sealed_secret: String,
    /// Where the account stands.
    pub state: AccountState,
    /// Why.
    pub state_reason: Option<String>,
    /// Unix seconds.
    pub created_at: i64,
    /// The locale the site gave for the customer's emails (`de`, `fr-CH`); `None`: English.
    pub locale: Option<String>,
    /// Whether a code was ever accepted (the enrolment QR code is then gone).
    pub enrolled: bool,
    /// The last accepted TOTP step (-1: none).
    pub last_step: i64,
    /// Failed codes in a row.
    pub failed_streak: i64,
    /// No code is checked before this unix time.
    pub blocked_until: i64,
}

/// What creating an account stores.
#[derive(Debug)]
pub struct NewAccount<'a> {
    /// The new id.
    pub id: &'a str,
    /// The site's id.
    pub external_id: &'a str,
    /// Email.
    pub email: &'a str,
    /// Issuer.
    pub issuer: &'a str,
    /// Label.
    pub label: &'a str,
    /// The secret sealed for this id by [`SecretSealer::seal`].
    pub sealed_secret: &'a str,
    /// Unix seconds.
    pub created_at: i64,
    /// The customer's locale for emails, if the site gave one.
    pub locale: Option<&'a str>,
}

const COLUMNS: &str = "id, external_id, email, issuer, label, secret, state, state_reason, \
     created_at, enrolled, last_step, failed_streak, blocked_until, locale";

/// An account from a row of either driver (`AnyRow`, or `PgRow` for the hot reads).
pub(super) fn account_from_row<R>(row: &R) -> Result<AccountRow, sqlx::Error>
where
    R: Row,
    for<'r> &'r str: sqlx::ColumnIndex<R>,
    for<'r> String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> i64: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    let state: String = row.try_get("state")?;
    Ok(AccountRow {
        id: row.try_get("id")?,
        external_id: row.try_get("external_id")?,
        email: row.try_get("email")?,
        issuer: row.try_get("issuer")?,
        label: row.try_get("label")?,
        sealed_secret: row.try_get("secret")?,
        state: AccountState::parse(&state).ok_or_else(|| sqlx::Error::ColumnDecode {
            index: "state".into(),
            source: format!("unknown state {state}").into(),
        })?,
        state_reason: row.try_get("state_reason")?,
        created_at: row.try_get("created_at")?,
        locale: row.try_get("locale")?,
        enrolled: row.try_get::<i64, _>("enrolled")? != 0,
        last_step: row.try_get("last_step")?,
        failed_streak: row.try_get("failed_streak")?,
        blocked_until: row.try_get("blocked_until")?,
    })
}

/// An account from a rusqlite row of [`COLUMNS`], in their order.
pub(super) fn account_from_sqlite(row: &rusqlite::Row<'_>) -> rusqlite::Result<AccountRow> {
    Ok(AccountRow {
        id: row.get(0)?,
        external_id: row.get(1)?,
        email: row.get(2)?,
        issuer: row.get(3)?,
        label: row.get(4)?,
        sealed_secret: row.get(5)?,
        state: parse_stored(6, "state", row.get(6)?, AccountState::parse)?,
        state_reason: row.get(7)?,
        created_at: row.get(8)?,
        enrolled: row.get::<_, i64>(9)? != 0,
        last_step: row.get(10)?,
        failed_streak: row.get(11)?,
        blocked_until: row.get(12)?,
        locale: row.get(13)?,
    })
}

/// [`Database::accept_step_returning`]'s statement (`$1` the account, `$2` the step).
pub(super) fn accept_step_sql() -> String {
    format!(
        "UPDATE accounts SET version = version + 1, last_step = $2, failed_streak = 0, \
         blocked_until = 0, enrolled = 1 WHERE id = $1 AND last_step < $2 AND state = 'active' \
         RETURNING {COLUMNS}"
    )
}

/// The account `$1` and, as the column `familiar`, whether it signed in successfully from the
/// IP `$2` before: one statement, for PostgreSQL's native pool.
pub(super) fn account_and_familiar_ip_sql() -> String {
    format!(
        "SELECT {COLUMNS}, EXISTS (SELECT 1 FROM events WHERE account_id = $1 \
         AND kind = 'sign_in' AND outcome = 'success' AND ip = $2) AS familiar \
         FROM accounts WHERE id = $1"
    )
}

/// One account by id on a rusqlite connection (the hot reads' own, [`super::sqlite_readers`]).
pub(super) fn account_on_sqlite(
    connection: &rusqlite::Connection,
    id: &str,
) -> rusqlite::Result<Option<AccountRow>> {
    let mut statement =
        connection.prepare_cached(&format!("SELECT {COLUMNS} FROM accounts WHERE id = ?1"))?;
    let mut rows = statement.query([id])?;
    rows.next()?.map(account_from_sqlite).transpose()
}

/// What checking the server secret key against the database found wrong.
#[derive(Debug, thiserror::Error)]
pub enum SecretKeyCheckError {
    /// A stored secret does not open with the configured key.
    #[error(
        "the secret key does not match the one this database was written with (account {account_id}'s \
         secret cannot be decrypted): start with the VIGIL_SECRET_KEY the database was written with"
    )]
    Mismatch {
        /// The account whose secret was tried.
        account_id: String,
    },
    /// A plaintext secret from before sealing is not valid base32.
    #[error("account {account_id}'s stored secret is neither sealed nor base32")]
    UnreadablePlaintext {
        /// The account.
        account_id: String,
    },
    /// Sealing an old plaintext secret failed.
    #[error("cannot seal account {account_id}'s secret: {source}")]
    Seal {
        /// The account.
        account_id: String,
        /// Why.
        source: SealError,
    },
    /// The database failed.
    #[error("{0}")]
    Database(#[from] sqlx::Error),
}

impl Database {
    /// At start: seals any secret still stored in plain base32 (written before secrets were
    /// encrypted at rest), then checks that the configured key opens a stored secret, so a wrong
    /// key stops the start instead of failing every later request. Returns how many were sealed.
    pub async fn seal_plaintext_secrets_and_check_key(
        &self,
        sealer: &SecretSealer,
    ) -> Result<u64, SecretKeyCheckError> {
        let mut connection = self.pool.acquire().await?;
        if self.backend == Backend::Sqlite {
            // Overwrite the freed plaintext instead of leaving it in the file's free space.
            sqlx::query("PRAGMA secure_delete = ON")
                .execute(&mut *connection)
                .await?;
        }
        let mut tx = sqlx::Connection::begin(&mut *connection).await?;
        // Secrets sealed before this start: the key must open them. A few are tried, so one
        // altered row gives that account errors (logged) rather than stopping the service.
        let samples: Vec<(String, String)> = sqlx::query_as(
            "SELECT id, secret FROM accounts WHERE secret LIKE $1 ORDER BY created_at, id LIMIT 3",
        )
        .bind(format!("{SEALED_PREFIX_V1}%"))
        .fetch_all(&mut *tx)
        .await?;
        let unopened: Vec<&str> = samples
            .iter()
            .filter(|(account_id, sealed)| sealer.open(account_id, sealed).is_err())
            .map(|(account_id, _)| account_id.as_str())
            .collect();
        if let Some((account_id, _)) = samples.first()
            && unopened.len() == samples.len()
        {
            return Err(SecretKeyCheckError::Mismatch {
                account_id: account_id.clone(),
            });
        }
        for account_id in unopened {
            tracing::warn!(
                account = account_id,
                "this account's stored secret cannot be decrypted (altered or moved row)"
            );
        }
        let plaintext: Vec<(String, String)> =
            sqlx::query_as("SELECT id, secret FROM accounts WHERE secret NOT LIKE $1 ORDER BY id")
                .bind(format!("{SEALED_PREFIX_V1}%"))
                .fetch_all(&mut *tx)
                .await?;
        let sealed_count = plaintext.len() as u64;
        for (account_id, text) in plaintext {
            let text = vigil_core::Sensitive::new(text);
            let Ok(secret) = Secret::from_base32(text.expose()) else {
                return Err(SecretKeyCheckError::UnreadablePlaintext { account_id });
            };
            let sealed = match sealer.seal(&account_id, &secret) {
                Ok(sealed) => sealed,
                Err(source) => return Err(SecretKeyCheckError::Seal { account_id, source }),
            };
            sqlx::query("UPDATE accounts SET secret = $2 WHERE id = $1")
                .bind(&account_id)
                .bind(&sealed)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        if self.backend == Backend::Sqlite {
            if sealed_count > 0 {
                sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                    .execute(&mut *connection)
                    .await?;
            }
            sqlx::query("PRAGMA secure_delete = OFF")
                .execute(&mut *connection)
                .await?;
        }
        Ok(sealed_count)
    }

    /// Creates an account; `false` when the external id is taken.
    pub async fn insert_account(&self, account: &NewAccount<'_>) -> Result<bool, sqlx::Error> {
        let result = sqlx::query(
            "INSERT INTO accounts (id, external_id, email, issuer, label, secret, state, created_at, \
             locale) VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $8) \
             ON CONFLICT (external_id) DO NOTHING",
        )
        .bind(account.id)
        .bind(account.external_id)
        .bind(account.email)
        .bind(account.issuer)
        .bind(account.label)
        .bind(account.sealed_secret)
        .bind(account.created_at)
        .bind(account.locale)
        .execute(&self.writer)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// One account, if it exists.
    pub async fn account(&self, id: &str) -> Result<Option<AccountRow>, sqlx::Error> {
        if let Some(postgres) = &self.postgres_reads {
            let sql = sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM accounts WHERE id = $1"));
            let row = sqlx::query(sql).bind(id).fetch_optional(postgres).await?;
            return row.as_ref().map(account_from_row).transpose();
        }
        if let Some(readers) = &self.readers {
            let id = id.to_owned();
            return readers
                .look_up(move |connection| account_on_sqlite(connection, &id))
                .await;
        }
        let sql = sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM accounts WHERE id = $1"));
        let row = sqlx::query(sql).bind(id).fetch_optional(&self.pool).await?;
        row.as_ref().map(account_from_row).transpose()
    }

    /// One account by the site's id.
    pub async fn account_by_external_id(
        &self,
        external_id: &str,
    ) -> Result<Option<AccountRow>, sqlx::Error> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM accounts WHERE external_id = $1"
        ));
        let row = sqlx::query(sql)
            .bind(external_id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(account_from_row).transpose()
    }

    /// Every locked account.
    pub async fn locked_accounts(&self) -> Result<Vec<AccountRow>, sqlx::Error> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM accounts WHERE state <> 'active' ORDER BY created_at, id"
        ));
        let rows = sqlx::query(sql).fetch_all(&self.pool).await?;
        rows.iter().map(account_from_row).collect()
    }

    /// Inside a transaction: takes the account's write lock and reads it afresh (one
    /// `UPDATE … RETURNING`).
    pub async fn lock_account_row(
        connection: &mut AnyConnection,
        id: &str,
    ) -> Result<Option<AccountRow>, sqlx::Error> {
        let sql = sqlx::AssertSqlSafe(format!(
            "UPDATE accounts SET version = version + 1 WHERE id = $1 RETURNING {COLUMNS}"
        ));
        let row = sqlx::query(sql)
            .bind(id)
            .fetch_optional(&mut *connection)
            .await?;
        row.as_ref().map(account_from_row).transpose()
    }

    /// Records an accepted step; `false` if a step this late or later was accepted already or
    /// the account is no longer active.
    pub async fn accept_step(
        connection: &mut AnyConnection,
        id: &str,
        step: i64,
    ) -> Result<bool, sqlx::Error> {
        let result = sqlx::query(
            "UPDATE accounts SET last_step = $2, failed_streak = 0, blocked_until = 0, \
             enrolled = 1 WHERE id = $1 AND last_step < $2 AND state = 'active'",
        )
        .bind(id)
        .bind(step)
        .execute(connection)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// [`Database::accept_step`] that also takes the account's write lock and reads the row
    /// back (`UPDATE … RETURNING`): the row after the update, or `None` when the step was not
    /// accepted (nothing changed).
    pub async fn accept_step_returning(
        connection: &mut AnyConnection,
        id: &str,
        step: i64,
    ) -> Result<Option<AccountRow>, sqlx::Error> {
        let row = sqlx::query(sqlx::AssertSqlSafe(accept_step_sql()))
            .bind(id)
            .bind(step)
            .fetch_optional(&mut *connection)
            .await?;
        row.as_ref().map(account_from_row).transpose()
    }

    /// Sets the state and its reason (the caller records the `state_changed` event); back to
    /// active, every failed-code throttle of the account starts again.
    pub async fn set_state(
        connection: &mut AnyConnection,
        id: &str,
        state: AccountState,
        reason: &str,
    ) -> Result<(), sqlx::Error> {
        let reset = state == AccountState::Active;
        sqlx::query(
            "UPDATE accounts SET state = $2, state_reason = $3, \
             failed_streak = CASE WHEN $4 = 1 THEN 0 ELSE failed_streak END, \
             blocked_until = CASE WHEN $4 = 1 THEN 0 ELSE blocked_until END WHERE id = $1",
        )
        .bind(id)
        .bind(state.as_str())
        .bind(reason)
        .bind(i64::from(reset))
        .execute(&mut *connection)
        .await?;
        if reset {
            Self::forget_attempts(connection, id).await?;
        }
        Ok(())
    }
}
