//! Storage on sqlx's `Any` driver: one set of queries and one migration for SQLite and PostgreSQL.
//!
//! Every query uses `$N` placeholders (both drivers accept them), plain TEXT and BIGINT columns and
//! `ON CONFLICT`, the SQL the two share. Writes that read first start with an `UPDATE` of the
//! account's row, so SQLite takes its write lock at once (no deadlocked upgrade) and PostgreSQL
//! serialises work on one account across processes.
//!
//! Writes go through [`Database::writer`]: on SQLite a pool of one connection, so this process's
//! writers queue in order instead of meeting SQLite's busy handler (which sleeps 1, 2, 5, 10 ...
//! ms between tries); reads use [`Database::pool`], which WAL lets run beside the writer. Other
//! processes on the same file still wait on the busy timeout. On PostgreSQL both are one pool.
//!
//! The hot reads (an account by id, a feed page, the familiar-IP check) skip `Any`: on a SQLite
//! file they run on rusqlite connections of their own ([`sqlite_readers`]), on PostgreSQL on a
//! pool of the native driver; both decode typed rows. On a SQLite file a right, fresh code is
//! accepted in one trip to a writer thread ([`sqlite_writer`]) instead of one sqlx trip per
//! statement, and the codes accepted at the same moment share one commit.

mod accounts;
mod email_queue;
mod events;
mod reseal;
mod sessions;
mod sqlite_readers;
mod sqlite_writer;
mod throttle;
mod webhooks;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Executor};

use sqlite_readers::SqliteReaders;
use sqlite_writer::SqliteWriter;

pub use accounts::{AccountRow, NewAccount, SecretKeyCheckError};
pub use email_queue::QueuedEmail;
pub use events::{EventRow, FeedCursor, FeedRows, NewEventRow};
pub use reseal::{ResealCounts, ResealError};
pub use sessions::{NewSession, SessionRow};
pub use sqlite_writer::{SqliteWrites, Written};

/// Stores a feed request's nonce unless it was seen (then nothing changes).
const REMEMBER_NONCE_SQL: &str = "INSERT INTO nonces (account_id, nonce, seen_at) \
     VALUES ($1, $2, $3) ON CONFLICT (account_id, nonce) DO NOTHING";
pub use throttle::{Attempt, BlockRule, FAMILIAR_SOURCE};
pub use webhooks::QueuedWebhook;

/// The migrations, in order; each runs once, in a transaction, recorded in `schema_migrations`.
const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../../migrations/0001_init.sql")),
    (
        2,
        include_str!("../../migrations/0002_throttles_counts.sql"),
    ),
    (3, include_str!("../../migrations/0003_email_queue.sql")),
    (4, include_str!("../../migrations/0004_sessions.sql")),
    (5, include_str!("../../migrations/0005_event_city.sql")),
    (6, include_str!("../../migrations/0006_account_locale.sql")),
];

/// A pool of connections to the service's database.
#[derive(Clone, Debug)]
pub struct Database {
    pool: AnyPool,
    writer: AnyPool,
    /// On a SQLite file, the hot reads' own connections ([`SqliteReaders`]).
    readers: Option<SqliteReaders>,
    /// On PostgreSQL, a pool of the native driver for the hot reads (typed rows, without the
    /// `Any` driver's conversion of every value).
    postgres_reads: Option<sqlx::PgPool>,
    /// On a SQLite file, the thread that runs a verification's writes in one trip
    /// ([`SqliteWriter`]).
    sqlite_writer: Option<SqliteWriter>,
    backend: Backend,
}

/// Which database the URL named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// SQLite (a file).
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

impl Database {
    /// Connects and brings the schema up to date.
    pub async fn open(url: &str) -> Result<Self, sqlx::Error> {
        install_default_drivers();
        let backend = if url.starts_with("postgres") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        };
        let options = |max_connections: u32| {
            AnyPoolOptions::new()
                .max_connections(max_connections)
                // A SQLite file cannot go away under an open connection, so the test query
                // before each hand-out (a round trip to the connection's thread) buys nothing.
                .test_before_acquire(backend == Backend::Postgres)
                .after_connect(move |connection, _| {
                    Box::pin(async move {
                        if backend == Backend::Sqlite {
                            connection
                                .execute(
                                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                                     PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;",
                                )
                                .await?;
                        }
                        Ok(())
                    })
                })
        };
        let in_memory = url.contains(":memory:") || url.contains("mode=memory");
        let (pool, writer) = if backend == Backend::Sqlite && !in_memory {
            let pool = options(8).connect(url).await?;
            (pool, options(1).connect(url).await?)
        } else {
            // PostgreSQL serves many writers at once; an in-memory SQLite database exists
            // only within its one pool.
            let pool = options(16).connect(url).await?;
            (pool.clone(), pool)
        };
        let mut database = Self {
            pool,
            writer,
            readers: None,
            postgres_reads: None,
            sqlite_writer: None,
            backend,
        };
        database.migrate().await?;
        if backend == Backend::Sqlite && !in_memory {
            database.readers = SqliteReaders::open(url)?;
            database.sqlite_writer = SqliteWriter::open(url, database.writer.clone())?;
        }
        if backend == Backend::Postgres {
            let reads = sqlx::postgres::PgPoolOptions::new()
                .max_connections(8)
                .connect(url)
                .await?;
            database.postgres_reads = Some(reads);
        }
        Ok(database)
    }

    /// The connection pool, for reads (and, in tests, anything).
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The pool for writes: on SQLite one connection, so this process's writers take turns
    /// without the busy handler's sleeps; on PostgreSQL the same pool as [`Database::pool`].
    /// Never acquire it while holding one of its transactions (on SQLite that waits forever).
    pub fn writer(&self) -> &AnyPool {
        &self.writer
    }

    /// SQLite or PostgreSQL.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A queued row (`table` is `email_queue` or `webhook_events`, never caller text) that could
    /// not be sent now: next attempt at `next_attempt_at`, with the error kept.
    async fn reschedule(
        &self,
        table: &'static str,
        id: &str,
        next_attempt_at: i64,
        error: &str,
    ) -> Result<(), sqlx::Error> {
        let sql = format!("UPDATE {table} SET next_attempt_at = $2, last_error = $3 WHERE id = $1");
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .bind(next_attempt_at)
            .bind(error)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    /// Claims up to `limit` rows of a queue (`table`, where `waiting` selects the rows still to
    /// send, `order` orders them; all fixed text, never caller text) due by `now`, pushing their
    /// next attempt to `lease_until` and counting the attempt, in one `UPDATE … RETURNING
    /// columns`. On PostgreSQL the rows are picked `FOR UPDATE SKIP LOCKED`, so instances claim
    /// different rows; SQLite has one writer at a time.
    #[allow(clippy::too_many_arguments)]
    async fn claim_due(
        &self,
        table: &'static str,
        waiting: &'static str,
        order: &'static str,
        columns: &'static str,
        now: i64,
        lease_until: i64,
        limit: i64,
    ) -> Result<Vec<sqlx::any::AnyRow>, sqlx::Error> {
        let lock = if self.backend == Backend::Postgres {
            " FOR UPDATE SKIP LOCKED"
        } else {
            ""
        };
        let sql = format!(
            "UPDATE {table} SET next_attempt_at = $1, attempts = attempts + 1 \
             WHERE {waiting} AND next_attempt_at <= $2 AND id IN \
             (SELECT id FROM {table} WHERE {waiting} AND next_attempt_at <= $2 \
              ORDER BY {order} LIMIT $3{lock}) \
             RETURNING {columns}"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(lease_until)
            .bind(now)
            .bind(limit)
            .fetch_all(&self.writer)
            .await
    }

    /// Applies missing migrations, all in one transaction. On PostgreSQL an advisory lock makes
    /// several servers starting at once take turns.
    async fn migrate(&self) -> Result<(), sqlx::Error> {
        let mut tx = self.writer.begin().await?;
        if self.backend == Backend::Postgres {
            sqlx::query("SELECT pg_advisory_xact_lock(7105)")
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS schema_migrations \
             (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)",
        )
        .execute(&mut *tx)
        .await?;
        for (version, sql) in MIGRATIONS {
            let done: Option<i64> =
                sqlx::query_scalar("SELECT version FROM schema_migrations WHERE version = $1")
                    .bind(*version)
                    .fetch_optional(&mut *tx)
                    .await?;
            if done.is_some() {
                continue;
            }
            sqlx::raw_sql(sqlx::AssertSqlSafe(*sql))
                .execute(&mut *tx)
                .await?;
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0);
            sqlx::query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)")
                .bind(*version)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await
    }

    /// Whether the service can work: the database answers and every migration this build
    /// knows is applied.
    pub async fn readiness(&self) -> Result<(), NotReady> {
        let latest: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM schema_migrations")
            .fetch_one(&self.pool)
            .await
            .map_err(|error| NotReady::Unreachable(error.to_string()))?;
        let expected = MIGRATIONS.last().map(|(version, _)| *version).unwrap_or(0);
        match latest {
            Some(version) if version >= expected => Ok(()),
            other => Err(NotReady::Migrations {
                applied: other.unwrap_or(0),
                expected,
            }),
        }
    }

    /// Records a feed request's nonce; `false` when it was already seen (a replay).
    pub async fn remember_nonce(
        &self,
        account_id: &str,
        nonce: &str,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        // On a SQLite file, on the writer thread: the nonces of pages read at the same moment
        // share one commit.
        let (id, seen) = (account_id.to_owned(), nonce.to_owned());
        match self
            .write_on_sqlite_thread(move |writes| writes.remember_nonce(&id, &seen, now).map(Some))
            .await?
        {
            Written::Committed(fresh) => return Ok(fresh),
            Written::Declined | Written::NoWriterThread => {}
        }
        let result = sqlx::query(REMEMBER_NONCE_SQL)
            .bind(account_id)
            .bind(nonce)
            .bind(now)
            .execute(&self.writer)
            .await?;
        Ok(result.rows_affected() == 1)
    }

    /// Forgets nonces older than `before` (they can no longer pass the timestamp check).
    pub async fn forget_nonces(&self, before: i64) -> Result<u64, sqlx::Error> {
        let result = sqlx::query("DELETE FROM nonces WHERE seen_at < $1")
            .bind(before)
            .execute(&self.writer)
            .await?;
        Ok(result.rows_affected())
    }

    /// Claims the right to send `rule`'s alert to an account: `true` (and the time is recorded)
    /// when none was sent since `not_since`.
    pub async fn claim_alert(
        &self,
        account_id: &str,
        rule: &str,
        now: i64,
        not_since: i64,
    ) -> Result<bool, sqlx::Error> {
        let result = sqlx::query(
            "INSERT INTO alerts_sent (account_id, rule, sent_at) VALUES ($1, $2, $3) \
             ON CONFLICT (account_id, rule) DO UPDATE SET sent_at = excluded.sent_at \
             WHERE alerts_sent.sent_at <= $4",
        )
        .bind(account_id)
        .bind(rule)
        .bind(now)
        .bind(not_since)
        .execute(&self.writer)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// How many documents the account holds.
    pub async fn document_count(
        connection: &mut sqlx::AnyConnection,
        account_id: &str,
    ) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar("SELECT COUNT(*) FROM documents WHERE account_id = $1")
            .bind(account_id)
            .fetch_one(connection)
            .await
    }

    /// Deletes the account's documents (a reviewer unlocked it: they are no longer needed).
    pub async fn delete_documents(
        connection: &mut sqlx::AnyConnection,
        account_id: &str,
    ) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM documents WHERE account_id = $1")
            .bind(account_id)
            .execute(connection)
            .await?;
        Ok(())
    }

    /// Stores a document, sealed (`v1:` + base64url text, so both databases take the same
    /// column type).
    pub async fn insert_document(
        &self,
        executor: &mut sqlx::AnyConnection,
        document: &DocumentRow,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO documents (id, account_id, content_type, size, data, received_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&document.id)
        .bind(&document.account_id)
        .bind(&document.content_type)
        .bind(document.size)
        .bind(&document.sealed_data)
        .bind(document.received_at)
        .execute(executor)
        .await?;
        Ok(())
    }

    /// An account's documents, without their data, oldest first.
    pub async fn documents(&self, account_id: &str) -> Result<Vec<DocumentRow>, sqlx::Error> {
        use sqlx::Row;
        let rows = sqlx::query(
            "SELECT id, account_id, content_type, size, received_at FROM documents \
             WHERE account_id = $1 ORDER BY received_at, id",
        )
        .bind(account_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(DocumentRow {
                    id: row.try_get("id")?,
                    account_id: row.try_get("account_id")?,
                    content_type: row.try_get("content_type")?,
                    size: row.try_get("size")?,
                    sealed_data: String::new(),
                    received_at: row.try_get("received_at")?,
                })
            })
            .collect()
    }

    /// One document with its data.
    pub async fn document(
        &self,
        account_id: &str,
        document_id: &str,
    ) -> Result<Option<DocumentRow>, sqlx::Error> {
        use sqlx::Row;
        let row = sqlx::query(
            "SELECT id, account_id, content_type, size, data, received_at FROM documents \
             WHERE account_id = $1 AND id = $2",
        )
        .bind(account_id)
        .bind(document_id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(DocumentRow {
                id: row.try_get("id")?,
                account_id: row.try_get("account_id")?,
                content_type: row.try_get("content_type")?,
                size: row.try_get("size")?,
                sealed_data: row.try_get("data")?,
                received_at: row.try_get("received_at")?,
            })
        })
        .transpose()
    }
}

/// Why the service is not ready.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotReady {
    /// The database does not answer.
    #[error("the database does not answer: {0}")]
    Unreachable(String),
    /// The schema is older than this build.
    #[error("the database schema is at migration {applied}, this build needs {expected}")]
    Migrations {
        /// The last migration applied.
        applied: i64,
        /// The last migration this build has.
        expected: i64,
    },
}

/// A stored document.
#[derive(Debug, Clone)]
pub struct DocumentRow {
    /// Its id.
    pub id: String,
    /// Whose.
    pub account_id: String,
    /// `application/pdf`, `image/png` or `image/jpeg`.
    pub content_type: String,
    /// Bytes.
    pub size: i64,
    /// The content sealed under the server secret key (`v1:…`, see
    /// [`crate::sealed_secret::SecretSealer::seal_document`]); plain base64 for a document
    /// stored before documents were sealed; empty in listings.
    pub sealed_data: String,
    /// When it arrived.
    pub received_at: i64,
}
