//! A verification's writes on a SQLite file in one trip: a rusqlite connection on a thread of
//! its own runs a whole transaction ([`Database::write_on_sqlite_thread`]), where sqlx's worker
//! thread is one trip (two thread wake-ups) per statement. The job runs while its caller holds
//! sqlx's one writer connection ([`Database::writer`]), so the two writers take turns and never
//! meet SQLite's busy handler. [`SqliteWrites`] holds the statements such a job runs, with the
//! same SQL text as their sqlx versions (`$N` parameters, bound by name).

use std::panic::AssertUnwindSafe;
use std::sync::mpsc;

use rusqlite::{CachedStatement, Connection, OpenFlags, ToSql, TransactionBehavior};
use vigil_core::activity::{EventKind, Outcome, Reason, SessionState};

use super::accounts::{accept_step_sql, account_from_sqlite};
use super::events::{
    COUNTRY_CONFIRMED_SQL, FLAG_EVENT_SQL, INSERT_EVENT_SQL, SIGN_IN_COUNTRIES_SQL,
    event_from_sqlite, events_between_sql,
};
use super::sessions::{SESSION_STATE_SQL, START_SESSION_SQL, TOUCH_SESSION_SQL};
use super::sqlite_readers::{driver_error, file_of};
use super::throttle::{CLEAR_ATTEMPTS_SQL, CLEAR_BUCKET_SQL, FAMILIAR_SOURCE};
use super::{AccountRow, Database, EventRow, NewEventRow, NewSession};
use crate::rules::SignInReads;

/// A job for the writer thread.
type Job = Box<dyn FnOnce(&mut Connection) + Send>;

/// The writer thread's queue; the thread ends when the last clone is dropped.
#[derive(Clone)]
pub struct SqliteWriter {
    jobs: mpsc::Sender<Job>,
}

impl std::fmt::Debug for SqliteWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SqliteWriter")
    }
}

/// What [`Database::write_on_sqlite_thread`] did.
#[derive(Debug)]
pub enum Written<T> {
    /// There is no writer thread (PostgreSQL, an in-memory or read-only database): nothing ran.
    NoWriterThread,
    /// The job declined (`Ok(None)`): its transaction was rolled back.
    Declined,
    /// The job's transaction committed with this answer.
    Committed(T),
}

impl SqliteWriter {
    /// Opens the writer's connection to the file `url` names and starts its thread; `None` for
    /// an in-memory or read-only database.
    pub fn open(url: &str) -> Result<Option<Self>, sqlx::Error> {
        let Some((path, false)) = file_of(url) else {
            return Ok(None);
        };
        let connection = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(driver_error)?;
        connection
            .execute_batch(
                "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000; \
                 PRAGMA foreign_keys = ON;",
            )
            .map_err(driver_error)?;
        connection.set_prepared_statement_cache_capacity(32);
        let (jobs, queue) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("vigil-sqlite-writer".into())
            .spawn(move || {
                let mut connection = connection;
                while let Ok(job) = queue.recv() {
                    // A job that panicked drops its answer (its caller gets an error) and, by
                    // unwinding, its transaction (rolled back); the thread goes on.
                    let _ = std::panic::catch_unwind(AssertUnwindSafe(|| job(&mut connection)));
                }
            })
            .map_err(sqlx::Error::Io)?;
        Ok(Some(Self { jobs }))
    }

    /// Runs `job` on the writer thread and waits for its answer.
    async fn run<T, F>(&self, job: F) -> Result<T, sqlx::Error>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, sqlx::Error> + Send + 'static,
    {
        let (answer, answered) = tokio::sync::oneshot::channel();
        self.jobs
            .send(Box::new(move |connection| {
                let _ = answer.send(job(connection));
            }))
            .map_err(|_| sqlx::Error::PoolClosed)?;
        answered.await.map_err(|_| sqlx::Error::WorkerCrashed)?
    }
}

impl Database {
    /// Runs `job` in one `BEGIN IMMEDIATE` transaction on the SQLite writer thread, holding
    /// [`Database::writer`]'s connection meanwhile (the writers' turn): committed when the job
    /// answers `Ok(Some(_))`, rolled back when it answers `Ok(None)` or fails. Never call it
    /// while holding a transaction of [`Database::writer`] (it would wait forever).
    pub async fn write_on_sqlite_thread<T, F>(&self, job: F) -> Result<Written<T>, sqlx::Error>
    where
        T: Send + 'static,
        F: FnOnce(&mut SqliteWrites<'_>) -> Result<Option<T>, sqlx::Error> + Send + 'static,
    {
        let Some(thread) = &self.sqlite_writer else {
            return Ok(Written::NoWriterThread);
        };
        let turn = self.writer.acquire().await?;
        let written = thread
            .run(move |connection| {
                let transaction = connection
                    .transaction_with_behavior(TransactionBehavior::Immediate)
                    .map_err(driver_error)?;
                let answer = job(&mut SqliteWrites {
                    connection: &transaction,
                })?;
                match answer {
                    Some(answer) => {
                        transaction.commit().map_err(driver_error)?;
                        Ok(Written::Committed(answer))
                    }
                    None => Ok(Written::Declined),
                }
            })
            .await;
        drop(turn);
        written
    }
}

/// `$1` to `$12`, the names sqlx's statements give their parameters.
const PARAMETER_NAMES: [&str; 12] = [
    "$1", "$2", "$3", "$4", "$5", "$6", "$7", "$8", "$9", "$10", "$11", "$12",
];

/// The statements a job on the writer thread runs, inside its transaction.
pub struct SqliteWrites<'c> {
    connection: &'c Connection,
}

impl SqliteWrites<'_> {
    /// `sql` prepared (cached), with `values` bound to `$1`, `$2`, ... by name: sqlx's
    /// statements use a parameter more than once or out of order, where binding by position
    /// would put values in the wrong places.
    fn statement(&self, sql: &str, values: &[&dyn ToSql]) -> rusqlite::Result<CachedStatement<'_>> {
        let mut statement = self.connection.prepare_cached(sql)?;
        for (name, value) in PARAMETER_NAMES.iter().zip(values) {
            let index = statement
                .parameter_index(name)?
                .ok_or_else(|| rusqlite::Error::InvalidParameterName((*name).to_owned()))?;
            statement.raw_bind_parameter(index, value)?;
        }
        Ok(statement)
    }

    /// Runs a statement that returns no rows; rows changed.
    fn execute(&self, sql: &str, values: &[&dyn ToSql]) -> Result<usize, sqlx::Error> {
        self.statement(sql, values)
            .and_then(|mut statement| statement.raw_execute())
            .map_err(driver_error)
    }

    /// Runs a query; each row through `row`.
    fn query<T>(
        &self,
        sql: &str,
        values: &[&dyn ToSql],
        mut row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, sqlx::Error> {
        let mut read = || {
            let mut statement = self.statement(sql, values)?;
            let mut rows = statement.raw_query();
            let mut all = Vec::new();
            while let Some(next) = rows.next()? {
                all.push(row(next)?);
            }
            Ok(all)
        };
        read().map_err(driver_error)
    }

    /// [`Database::accept_step_returning`].
    pub fn accept_step_returning(
        &self,
        id: &str,
        step: i64,
    ) -> Result<Option<AccountRow>, sqlx::Error> {
        let rows = self.query(&accept_step_sql(), &[&id, &step], account_from_sqlite)?;
        Ok(rows.into_iter().next())
    }

    /// [`Database::clear_attempts_unless_blocked`].
    pub fn clear_attempts_unless_blocked(
        &self,
        account_id: &str,
        source: &str,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let open = self.query(CLEAR_ATTEMPTS_SQL, &[&account_id, &source, &now], |row| {
            row.get::<_, i64>(0)
        })?;
        if open.is_empty() {
            return Ok(false);
        }
        if source != FAMILIAR_SOURCE {
            self.execute(CLEAR_BUCKET_SQL, &[&account_id, &FAMILIAR_SOURCE])?;
        }
        Ok(true)
    }

    /// [`Database::insert_event`].
    pub fn insert_event(&self, event: &NewEventRow) -> Result<(), sqlx::Error> {
        self.execute(
            INSERT_EVENT_SQL,
            &[
                &event.id,
                &event.account_id,
                &event.kind.as_str(),
                &event.occurred_at,
                &event.recorded_at,
                &event.ip,
                &event.country,
                &event.city,
                &event.user_agent,
                &event.outcome.map(Outcome::as_str),
                &event.details.to_string(),
            ],
        )?;
        Ok(())
    }

    /// [`Database::flag_event`].
    pub fn flag_event(
        &self,
        event_id: &str,
        reasons: &[Reason],
        flag: bool,
    ) -> Result<(), sqlx::Error> {
        let reasons = serde_json::to_string(reasons).unwrap_or_else(|_| "[]".into());
        self.execute(FLAG_EVENT_SQL, &[&event_id, &reasons, &i64::from(flag)])?;
        Ok(())
    }

    /// Whether the account's session `id` is active; `None` when there is no such session.
    pub fn session_active(&self, account_id: &str, id: &str) -> Result<Option<bool>, sqlx::Error> {
        let states = self.query(SESSION_STATE_SQL, &[&account_id, &id], |row| {
            row.get::<_, String>(0)
        })?;
        Ok(states
            .first()
            .map(|state| state == SessionState::Active.as_str()))
    }

    /// [`Database::start_session`].
    pub fn start_session(&self, session: &NewSession<'_>) -> Result<(), sqlx::Error> {
        self.execute(
            START_SESSION_SQL,
            &[
                &session.account_id,
                &session.id,
                &session.user_agent,
                &session.ip,
                &session.country,
                &session.started_at,
                &session.sign_in_event_id,
                &session.by_code.then_some(session.started_at),
            ],
        )?;
        Ok(())
    }

    /// [`Database::touch_session`].
    pub fn touch_session(
        &self,
        account_id: &str,
        id: &str,
        at: i64,
        by_code: bool,
    ) -> Result<(), sqlx::Error> {
        self.execute(
            TOUCH_SESSION_SQL,
            &[&account_id, &id, &at, &i64::from(by_code)],
        )?;
        Ok(())
    }
}

impl SignInReads for SqliteWrites<'_> {
    async fn sign_in_countries(
        &mut self,
        account_id: &str,
        except: &str,
    ) -> Result<Vec<Option<String>>, sqlx::Error> {
        self.query(SIGN_IN_COUNTRIES_SQL, &[&account_id, &except], |row| {
            row.get(0)
        })
    }

    async fn sign_ins_between(
        &mut self,
        account_id: &str,
        from: i64,
        to: i64,
    ) -> Result<Vec<EventRow>, sqlx::Error> {
        self.query(
            &events_between_sql(&[EventKind::SignIn]),
            &[&account_id, &from, &to],
            |row| event_from_sqlite(row, 0),
        )
    }

    async fn country_confirmed(
        &mut self,
        account_id: &str,
        country: &str,
        since: i64,
    ) -> Result<bool, sqlx::Error> {
        let counts = self.query(
            COUNTRY_CONFIRMED_SQL,
            &[&account_id, &country, &since],
            |row| row.get::<_, i64>(0),
        )?;
        Ok(counts.first().is_some_and(|count| *count > 0))
    }
}
