//! The hot reads on SQLite (an account by id, a feed page, a familiar-IP check) through rusqlite
//! connections of their own: each read is one trip to a blocking thread with typed rows, instead
//! of sqlx's worker-thread crossing per statement and per row and its `Any` row conversion
//! (a `String` per value). Reads only (`PRAGMA query_only`): every write still goes through
//! [`super::Database::writer`]. WAL lets them read beside the writer, as the sqlx pool does.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, OpenFlags};

/// How many read connections (the machine's cores are few; a read takes well under a millisecond).
const READERS: usize = 4;

/// A few rusqlite connections to the service's SQLite file, for reads.
#[derive(Clone)]
pub struct SqliteReaders {
    connections: Arc<[Mutex<Connection>]>,
    next: Arc<AtomicUsize>,
}

impl std::fmt::Debug for SqliteReaders {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteReaders")
            .field("connections", &self.connections.len())
            .finish()
    }
}

/// The file a `sqlite://PATH?…` (or `sqlite:PATH`) URL names, and whether it is opened read-only;
/// `None` for an in-memory database (it exists only within sqlx's own pool).
pub(super) fn file_of(url: &str) -> Option<(&str, bool)> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let mut parts = rest.splitn(2, '?');
    let path = parts.next().unwrap_or_default();
    let query = parts.next().unwrap_or_default();
    if path.is_empty() || path == ":memory:" || query.contains("mode=memory") {
        return None;
    }
    let read_only = query.split('&').any(|pair| pair == "mode=ro");
    Some((path, read_only))
}

impl SqliteReaders {
    /// Opens the read connections to the file `url` names (after sqlx made it and migrated it);
    /// `None` for an in-memory database.
    pub fn open(url: &str) -> Result<Option<Self>, sqlx::Error> {
        let Some((path, read_only)) = file_of(url) else {
            return Ok(None);
        };
        let flags = if read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let mut connections = Vec::with_capacity(READERS);
        for _ in 0..READERS {
            let connection = Connection::open_with_flags(path, flags).map_err(driver_error)?;
            connection
                .execute_batch("PRAGMA query_only = ON; PRAGMA busy_timeout = 10000;")
                .map_err(driver_error)?;
            connection.set_prepared_statement_cache_capacity(32);
            plans_ignore_bound_values(&connection)?;
            connections.push(Mutex::new(connection));
        }
        Ok(Some(Self {
            connections: connections.into(),
            next: Arc::new(AtomicUsize::new(0)),
        }))
    }

    /// Runs `read`, a lookup of a row or two by key (well under 100 µs: an index seek in the
    /// page cache), on a free connection on the calling thread: the trip to a blocking thread
    /// and back (two thread wake-ups) costs more than the read. When every connection is busy
    /// it goes to the blocking threads like [`SqliteReaders::read`], never waiting here.
    pub async fn look_up<T, F>(&self, read: F) -> Result<T, sqlx::Error>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        let read = {
            let start = self.next.fetch_add(1, Ordering::Relaxed);
            let count = self.connections.len();
            let free = (0..count).find_map(|i| {
                self.connections
                    .get((start + i) % count)
                    .and_then(|slot| slot.try_lock().ok())
            });
            match free {
                Some(connection) => return read(&connection).map_err(driver_error),
                None => read,
            }
        };
        self.read(read).await
    }

    /// Runs `read` on a free connection on tokio's blocking threads (the first free one from a
    /// rotating start; when all are busy, it waits for one).
    pub async fn read<T, F>(&self, read: F) -> Result<T, sqlx::Error>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        let connections = self.connections.clone();
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        tokio::task::spawn_blocking(move || {
            let count = connections.len();
            let free = (0..count).find_map(|i| {
                connections
                    .get((start + i) % count)
                    .and_then(|slot| slot.try_lock().ok())
            });
            let guard = match free {
                Some(guard) => guard,
                None => {
                    let slot = connections
                        .get(start % count.max(1))
                        .ok_or(sqlx::Error::PoolClosed)?;
                    // A poisoned lock only means an earlier read panicked; the connection is fine.
                    slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
                }
            };
            read(&guard).map_err(driver_error)
        })
        .await
        .map_err(|_| sqlx::Error::WorkerCrashed)?
    }
}

/// A stored value the service does not know (a row written by a newer or altered build).
#[derive(Debug, thiserror::Error)]
pub enum StoredValueError {
    /// The column holds a value outside its set (an account state, an event kind ...).
    #[error("unknown value {value} in column {column}")]
    Unknown {
        /// The column.
        column: &'static str,
        /// What it held.
        value: String,
    },
}

/// Parses a stored name with `parse`, or fails with the column's index and the value.
pub fn parse_stored<T>(
    index: usize,
    column: &'static str,
    value: String,
    parse: impl FnOnce(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    parse(&value).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            Box::new(StoredValueError::Unknown { column, value }),
        )
    })
}

/// Turns on SQLite's query planner stability guarantee for `connection`: its plans no longer
/// depend on the values bound (`LIMIT ?2`, say), so a cached statement is not prepared again
/// each time such a value changes (SQLite's STAT4 build re-prepared the feed's statement on
/// every page: 15 % of a feed page's CPU time).
pub(super) fn plans_ignore_bound_values(connection: &Connection) -> Result<(), sqlx::Error> {
    connection
        .set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )
        .map(|_| ())
        .map_err(driver_error)
}

/// A rusqlite error as the storage layer's error type.
pub(super) fn driver_error(error: rusqlite::Error) -> sqlx::Error {
    sqlx::Error::AnyDriverError(Box::new(error))
}

#[cfg(test)]
mod tests {
    use super::file_of;

    #[test]
    fn urls_name_their_file() {
        assert_eq!(
            file_of("sqlite:///var/v.db?mode=rwc"),
            Some(("/var/v.db", false))
        );
        assert_eq!(file_of("sqlite://v.db?mode=ro"), Some(("v.db", true)));
        assert_eq!(file_of("sqlite:v.db"), Some(("v.db", false)));
        assert_eq!(file_of("sqlite::memory:"), None);
        assert_eq!(file_of("sqlite://x?mode=memory&cache=shared"), None);
        assert_eq!(file_of("postgres://h/db"), None);
    }
}
