//! A verification's writes on a SQLite file in one trip: a rusqlite connection on a thread of
//! its own runs a whole transaction ([`Database::write_on_sqlite_thread`]), where sqlx's worker
//! thread is one trip (two thread wake-ups) per statement. The jobs waiting at once share one
//! transaction (each in a savepoint of its own) and one commit, and are answered after it. The
//! thread holds sqlx's one writer connection ([`Database::writer`]) meanwhile, so the two
//! writers take turns and never meet SQLite's busy handler. [`SqliteWrites`] holds the
//! statements such a job runs, with the same SQL text as their sqlx versions (`$N` parameters,
//! bound by name).

use std::panic::AssertUnwindSafe;
use std::sync::mpsc;

use rusqlite::{CachedStatement, Connection, OpenFlags, ToSql};
use sqlx::AnyPool;
use vigil_core::activity::{EventKind, Outcome, Reason, SessionState};

use super::accounts::{accept_step_sql, account_from_sqlite};
use super::events::{
    COUNTRY_CONFIRMED_SQL, FLAG_EVENT_SQL, INSERT_EVENT_SQL, SIGN_IN_COUNTRIES_SQL,
    event_from_sqlite, events_between_sql,
};
use super::sessions::{SESSION_STATE_SQL, START_SESSION_SQL, TOUCH_SESSION_SQL};
use super::sqlite_readers::{driver_error, file_of, plans_ignore_bound_values};
use super::throttle::{CLEAR_ATTEMPTS_SQL, CLEAR_BUCKET_SQL, FAMILIAR_SOURCE};
use super::{AccountRow, Database, EventRow, NewEventRow, NewSession};
use crate::rules::SignInReads;

/// Jobs one transaction of the writer thread takes at most.
const MOST_JOBS_PER_COMMIT: usize = 64;

/// A job for the writer thread: it runs inside the batch's transaction (`None` when that
/// transaction could not begin) and gives whether its writes are kept, and how to answer once
/// the batch's commit is known.
type Job = Box<dyn FnOnce(Option<&Connection>) -> Ran + Send>;

/// What a job did: keep its writes (or roll back to its savepoint), and its answer, to be
/// given the commit's outcome.
struct Ran {
    keep: bool,
    answer: Box<dyn FnOnce(Result<(), String>) + Send>,
}

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
    /// The job declined (`Ok(None)`): its writes were rolled back.
    Declined,
    /// The job's writes were committed, and this is its answer.
    Committed(T),
}

impl SqliteWriter {
    /// Opens the writer's connection to the file `url` names and starts its thread; `None` for
    /// an in-memory or read-only database. `turn` is sqlx's writer pool: the thread holds its
    /// one connection while a transaction of its own is open, so the two writers take turns.
    pub fn open(url: &str, turn: AnyPool) -> Result<Option<Self>, sqlx::Error> {
        let Some((path, false)) = file_of(url) else {
            return Ok(None);
        };
        let runtime = tokio::runtime::Handle::try_current()
            .map_err(|error| sqlx::Error::Configuration(Box::new(error)))?;
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
        plans_ignore_bound_values(&connection)?;
        let (jobs, queue) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("vigil-sqlite-writer".into())
            .spawn(move || {
                while let Ok(first) = queue.recv() {
                    // The jobs waiting now share one transaction: one commit for all of them.
                    let mut batch = vec![first];
                    while batch.len() < MOST_JOBS_PER_COMMIT {
                        match queue.try_recv() {
                            Ok(job) => batch.push(job),
                            Err(_) => break,
                        }
                    }
                    // Without the turn (the pool closed as the service stops) SQLite's busy
                    // handler still keeps the two writers apart.
                    // (`block_on` panics once the runtime is gone: then the turn is not held.)
                    let held = std::panic::catch_unwind(AssertUnwindSafe(|| {
                        runtime.block_on(turn.acquire())
                    }))
                    .ok()
                    .and_then(Result::ok);
                    run_batch(&connection, batch);
                    // Giving the connection back spawns a task: within the runtime's context.
                    let _context = runtime.enter();
                    drop(held);
                }
            })
            .map_err(sqlx::Error::Io)?;
        Ok(Some(Self { jobs }))
    }
}

/// Runs `batch` in one `BEGIN IMMEDIATE` transaction, each job within a savepoint of its own
/// (rolled back when it declines, fails or panics), commits, then gives every job its answer:
/// no job is answered before the commit that holds its writes.
fn run_batch(connection: &Connection, batch: Vec<Job>) {
    let begun = connection.execute_batch("BEGIN IMMEDIATE").is_ok();
    let mut answers = Vec::with_capacity(batch.len());
    let mut sound = begun;
    for job in batch {
        if !sound {
            // No transaction to join (or it is in doubt): the job answers an error.
            if let Ok(ran) = std::panic::catch_unwind(AssertUnwindSafe(|| job(None))) {
                answers.push(ran.answer);
            }
            continue;
        }
        if connection.execute_batch("SAVEPOINT job").is_err() {
            sound = false;
            if let Ok(ran) = std::panic::catch_unwind(AssertUnwindSafe(|| job(None))) {
                answers.push(ran.answer);
            }
            continue;
        }
        // A job that panics drops its answer (its caller gets an error); its writes go.
        let ran = std::panic::catch_unwind(AssertUnwindSafe(|| job(Some(connection)))).ok();
        let keep = ran.as_ref().is_some_and(|ran| ran.keep);
        let ended = if keep {
            connection.execute_batch("RELEASE job")
        } else {
            connection.execute_batch("ROLLBACK TO job; RELEASE job")
        };
        sound = ended.is_ok();
        if let Some(ran) = ran {
            answers.push(ran.answer);
        }
    }
    let committed = if sound {
        connection
            .execute_batch("COMMIT")
            .map_err(|error| format!("the commit failed: {error}"))
    } else {
        Err("the writer's transaction failed".to_owned())
    };
    if committed.is_err() && begun {
        let _ = connection.execute_batch("ROLLBACK");
    }
    for answer in answers {
        answer(committed.clone());
    }
}

impl Database {
    /// Runs `job` on the SQLite writer thread, in one `BEGIN IMMEDIATE` transaction with the
    /// other jobs waiting there (each in a savepoint of its own), while the thread holds
    /// [`Database::writer`]'s connection (the writers' turn): kept and committed when the job
    /// answers `Ok(Some(_))`, rolled back when it answers `Ok(None)` or fails; the answer comes
    /// after the commit. Never call it while holding a transaction of [`Database::writer`] (it
    /// would wait forever).
    pub async fn write_on_sqlite_thread<T, F>(&self, job: F) -> Result<Written<T>, sqlx::Error>
    where
        T: Send + 'static,
        F: FnOnce(&mut SqliteWrites<'_>) -> Result<Option<T>, sqlx::Error> + Send + 'static,
    {
        let Some(thread) = &self.sqlite_writer else {
            return Ok(Written::NoWriterThread);
        };
        let (answer, answered) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |connection| {
            let result = match connection {
                Some(connection) => job(&mut SqliteWrites { connection }),
                None => Err(sqlx::Error::Protocol(
                    "the SQLite writer could not begin a transaction".into(),
                )),
            };
            let keep = matches!(result, Ok(Some(_)));
            Ran {
                keep,
                answer: Box::new(move |committed| {
                    let written = match (result, committed) {
                        (Err(error), _) => Err(error),
                        (Ok(None), _) => Ok(Written::Declined),
                        (Ok(Some(answer)), Ok(())) => Ok(Written::Committed(answer)),
                        (Ok(Some(_)), Err(error)) => Err(sqlx::Error::Protocol(error)),
                    };
                    let _ = answer.send(written);
                }),
            }
        });
        thread.jobs.send(job).map_err(|_| sqlx::Error::PoolClosed)?;
        answered.await.map_err(|_| sqlx::Error::WorkerCrashed)?
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

    /// [`Database::remember_nonce`]: `false` when the nonce was seen already (a replay).
    pub fn remember_nonce(
        &self,
        account_id: &str,
        nonce: &str,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let stored = self.execute(super::REMEMBER_NONCE_SQL, &[&account_id, &nonce, &now])?;
        Ok(stored == 1)
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
