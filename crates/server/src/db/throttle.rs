//! Queries on `failure_buckets`: the failed-code throttle, per account and source. Reserving an
//! attempt is one `INSERT … ON CONFLICT DO UPDATE … WHERE blocked_until <= now … RETURNING`:
//! the block check and the count are one atomic step (SQLite serialises writers; PostgreSQL
//! re-checks the `WHERE` on the newest row version under its row lock, at the default READ
//! COMMITTED), so parallel requests cannot slip past a block.

use sqlx::AnyConnection;

use sqlx::Row;

use super::accounts::{account_and_familiar_ip_sql, account_from_row, account_on_sqlite};
use super::{AccountRow, Database};

/// The bucket of the places the customer signed in from before (and of sign-ins without an IP).
pub const FAMILIAR_SOURCE: &str = "familiar";

/// What the throttle answered for one attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// The attempt may be checked; it is counted as the `streak`-th failure in a row until a
    /// right code resets the bucket.
    Allowed {
        /// Failures in a row from this source, this attempt included.
        streak: i64,
    },
    /// The source is blocked until this unix time; the code is not checked.
    Blocked {
        /// Unix seconds.
        until: i64,
    },
}

/// [`Database::is_familiar_ip`] on a rusqlite connection (the hot reads' own).
fn familiar_ip_on_sqlite(
    connection: &rusqlite::Connection,
    account_id: &str,
    ip: &str,
) -> rusqlite::Result<bool> {
    let mut statement = connection.prepare_cached(
        "SELECT 1 FROM events WHERE account_id = ?1 AND kind = 'sign_in' \
         AND outcome = 'success' AND ip = ?2 LIMIT 1",
    )?;
    statement.exists([account_id, ip])
}

/// [`Database::clear_attempts_unless_blocked`]'s upsert: `$1` the account, `$2` the source,
/// `$3` now; a row back unless the source is blocked.
pub(super) const CLEAR_ATTEMPTS_SQL: &str = "INSERT INTO failure_buckets (account_id, source, failed_streak, blocked_until) \
     VALUES ($1, $2, 0, 0) ON CONFLICT (account_id, source) DO UPDATE \
     SET failed_streak = 0, blocked_until = 0 WHERE failure_buckets.blocked_until <= $3 \
     RETURNING failed_streak";

/// Starts one bucket (`$1` the account, `$2` the source) again.
pub(super) const CLEAR_BUCKET_SQL: &str = "UPDATE failure_buckets SET failed_streak = 0, \
     blocked_until = 0 WHERE account_id = $1 AND source = $2";

/// The block rule the reservation applies (the same as `rules::failure_penalty`'s blocks).
#[derive(Debug, Clone, Copy)]
pub struct BlockRule {
    /// Failures in a row before the first block, and between blocks.
    pub every: i64,
    /// The longest block, in minutes.
    pub max_minutes: i64,
}

impl Database {
    /// Whether the account signed in successfully from `ip` before.
    pub async fn is_familiar_ip(
        connection: &mut AnyConnection,
        account_id: &str,
        ip: &str,
    ) -> Result<bool, sqlx::Error> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM events WHERE account_id = $1 AND kind = 'sign_in' \
             AND outcome = 'success' AND ip = $2 LIMIT 1",
        )
        .bind(account_id)
        .bind(ip)
        .fetch_optional(connection)
        .await?;
        Ok(found.is_some())
    }

    /// [`Database::is_familiar_ip`] outside a transaction, on the hot reads' own connections on
    /// SQLite ([`super::sqlite_readers`]), else on the pool.
    pub async fn familiar_ip(&self, account_id: &str, ip: &str) -> Result<bool, sqlx::Error> {
        if let Some(readers) = &self.readers {
            let (account_id, ip) = (account_id.to_owned(), ip.to_owned());
            return readers
                .look_up(move |connection| familiar_ip_on_sqlite(connection, &account_id, &ip))
                .await;
        }
        if let Some(postgres) = &self.postgres_reads {
            let found: Option<i64> = sqlx::query_scalar(
                "SELECT 1::BIGINT FROM events WHERE account_id = $1 AND kind = 'sign_in' \
                 AND outcome = 'success' AND ip = $2 LIMIT 1",
            )
            .bind(account_id)
            .bind(ip)
            .fetch_optional(postgres)
            .await?;
            return Ok(found.is_some());
        }
        let mut connection = self.pool.acquire().await?;
        Self::is_familiar_ip(&mut connection, account_id, ip).await
    }

    /// An account by id and whether it signed in successfully from `ip` before (`true` when
    /// there is no IP): what a verification reads first, in one lookup on the hot reads'
    /// connections on SQLite and one statement on PostgreSQL. `None` when there is no such
    /// account.
    pub async fn account_and_familiar_ip(
        &self,
        id: &str,
        ip: Option<&str>,
    ) -> Result<Option<(AccountRow, bool)>, sqlx::Error> {
        if let Some(readers) = &self.readers {
            let (id, ip) = (id.to_owned(), ip.map(str::to_owned));
            return readers
                .look_up(move |connection| {
                    let Some(account) = account_on_sqlite(connection, &id)? else {
                        return Ok(None);
                    };
                    let familiar = match &ip {
                        None => true,
                        Some(ip) => familiar_ip_on_sqlite(connection, &id, ip)?,
                    };
                    Ok(Some((account, familiar)))
                })
                .await;
        }
        if let (Some(postgres), Some(ip)) = (&self.postgres_reads, ip) {
            let sql = sqlx::AssertSqlSafe(account_and_familiar_ip_sql());
            let row = sqlx::query(sql)
                .bind(id)
                .bind(ip)
                .fetch_optional(postgres)
                .await?;
            return row
                .map(|row| Ok((account_from_row(&row)?, row.try_get::<bool, _>("familiar")?)))
                .transpose();
        }
        let Some(account) = self.account(id).await? else {
            return Ok(None);
        };
        let familiar = match ip {
            None => true,
            Some(ip) => self.familiar_ip(id, ip).await?,
        };
        Ok(Some((account, familiar)))
    }

    /// Counts an attempt from `source` unless it is blocked (one atomic step), and blocks the
    /// source when this attempt completes another `every` failures in a row.
    pub async fn reserve_attempt(
        connection: &mut AnyConnection,
        account_id: &str,
        source: &str,
        now: i64,
        rule: BlockRule,
    ) -> Result<Attempt, sqlx::Error> {
        let every = rule.every.max(1);
        // The bucket's first failure inserts it, a later one counts into it unless blocked:
        // one statement (a blocked bucket is left as it is and returns no row).
        let streak: Option<i64> = sqlx::query_scalar(
            "INSERT INTO failure_buckets (account_id, source, failed_streak, blocked_until) \
             VALUES ($1, $2, 1, CASE WHEN 1 % $4 = 0 \
               THEN $3 + 60 * (CASE WHEN 1 / $4 > $5 THEN $5 ELSE 1 / $4 END) ELSE 0 END) \
             ON CONFLICT (account_id, source) DO UPDATE \
             SET failed_streak = failure_buckets.failed_streak + 1, \
             blocked_until = CASE WHEN (failure_buckets.failed_streak + 1) % $4 = 0 \
               THEN $3 + 60 * (CASE WHEN (failure_buckets.failed_streak + 1) / $4 > $5 THEN $5 \
                                    ELSE (failure_buckets.failed_streak + 1) / $4 END) \
               ELSE failure_buckets.blocked_until END \
             WHERE failure_buckets.blocked_until <= $3 \
             RETURNING failed_streak",
        )
        .bind(account_id)
        .bind(source)
        .bind(now)
        .bind(every)
        .bind(rule.max_minutes)
        .fetch_optional(&mut *connection)
        .await?;
        if let Some(streak) = streak {
            return Ok(Attempt::Allowed { streak });
        }
        let until: Option<i64> = sqlx::query_scalar(
            "SELECT blocked_until FROM failure_buckets WHERE account_id = $1 AND source = $2",
        )
        .bind(account_id)
        .bind(source)
        .fetch_optional(&mut *connection)
        .await?;
        Ok(Attempt::Blocked {
            until: until.unwrap_or(now).max(now),
        })
    }

    /// A right code: the streaks of `source` and of the familiar places start again.
    pub async fn reset_attempts(
        connection: &mut AnyConnection,
        account_id: &str,
        source: &str,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE failure_buckets SET failed_streak = 0, blocked_until = 0 \
             WHERE account_id = $1 AND (source = $2 OR source = $3)",
        )
        .bind(account_id)
        .bind(source)
        .bind(FAMILIAR_SOURCE)
        .execute(connection)
        .await?;
        Ok(())
    }

    /// A right code's throttle step in one statement where it can be: unless `source` is
    /// blocked at `now` (then `false`, nothing changed), its streak starts again (the bucket is
    /// made at 0 if new, as a reservation and [`Database::reset_attempts`] leave it), and so
    /// does the familiar places' one.
    pub async fn clear_attempts_unless_blocked(
        connection: &mut AnyConnection,
        account_id: &str,
        source: &str,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let open: Option<i64> = sqlx::query_scalar(CLEAR_ATTEMPTS_SQL)
            .bind(account_id)
            .bind(source)
            .bind(now)
            .fetch_optional(&mut *connection)
            .await?;
        if open.is_none() {
            return Ok(false);
        }
        if source != FAMILIAR_SOURCE {
            sqlx::query(CLEAR_BUCKET_SQL)
                .bind(account_id)
                .bind(FAMILIAR_SOURCE)
                .execute(&mut *connection)
                .await?;
        }
        Ok(true)
    }

    /// An unlock: every source of the account starts again.
    pub async fn forget_attempts(
        connection: &mut AnyConnection,
        account_id: &str,
    ) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM failure_buckets WHERE account_id = $1")
            .bind(account_id)
            .execute(connection)
            .await?;
        Ok(())
    }
}
