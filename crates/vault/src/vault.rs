//! The vault: account rows in SQLite, secrets in a [`SecretStore`], changed together.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};
use vigil_core::{Algorithm, OtpKind, OtpParams, OtpUri, Secret};

use crate::{
    Account, AccountId, IconChoice, KeychainError, KeyringStore, SecretStore, VaultError,
    VaultLocation, schema,
};

/// A change (addition or removal) under way for longer than this was cut short by a crash and
/// is finished on open; a younger one may be another process's, happening now.
const STALE_CHANGE_SECONDS: i64 = 15 * 60;

/// How long a write waits for another process's write to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The one definition of the list's order: pinned accounts first, then by position (ties, which
/// only a crash mid-reorder could leave, by age).
const DISPLAY_ORDER: &str = "favourite DESC, position, created_at";

const COLUMNS: &str = "id, issuer, label, kind, algorithm, digits, period, counter, position, favourite, activity_url, created_at, groups, last_used, icon";

/// The accounts and their secrets. Every method reads the database afresh, so several processes
/// (the app and the `vigil` command) can use one vault at once.
pub struct Vault<S: SecretStore = KeyringStore> {
    pub(crate) connection: Connection,
    pub(crate) store: S,
    pub(crate) path: PathBuf,
    /// This vault's tag: the prefix of every id it gives out, so that keychain items it made can
    /// be told from another vault's under the same keychain service.
    pub(crate) tag: String,
}

/// The secrets of every account, read at once, and the accounts whose secret is missing.
pub struct Unlocked {
    /// Every account, in list order.
    pub accounts: Vec<Account>,
    /// Secrets by account id.
    pub secrets: HashMap<AccountId, Secret>,
    /// Accounts whose secret is not in the keychain.
    pub orphans: Vec<AccountId>,
}

impl Vault<KeyringStore> {
    /// Opens the vault at `location` with secrets in the OS keychain.
    pub fn open_keychain(location: &VaultLocation) -> Result<Self, VaultError> {
        Self::open(
            &location.data_dir,
            KeyringStore::new(location.keychain_service.clone()),
        )
    }
}

impl<S: SecretStore> Vault<S> {
    /// Opens (creating if needed) the vault in `data_dir`, finishing any addition or removal a
    /// crash interrupted and removing keychain items this vault made that no row names. The
    /// directory is made private (0700) and the database files owner-only (0600), also when they
    /// already existed. Does not touch the keychain otherwise.
    pub fn open(data_dir: &Path, store: S) -> Result<Self, VaultError> {
        create_private_dir(data_dir)?;
        let path = data_dir.join("vault.sqlite3");
        let db_error = |e: &dyn std::fmt::Display| VaultError::Database {
            path: path.clone(),
            detail: e.to_string(),
        };
        let mut connection = Connection::open(&path).map_err(|e| db_error(&e))?;
        // SQLite makes the -wal and -shm files with the database file's permissions.
        for file in ["vault.sqlite3", "vault.sqlite3-wal", "vault.sqlite3-shm"] {
            make_private(&data_dir.join(file), 0o600)?;
        }
        connection
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| db_error(&e))?;
        connection
            .execute_batch(
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
            )
            .map_err(|e| db_error(&e))?;
        schema::migrate(&mut connection).map_err(|e| db_error(&e))?;
        let tag = vault_tag(&connection).map_err(|e| db_error(&e))?;
        let vault = Self {
            connection,
            store,
            path,
            tag,
        };
        vault.finish_removals();
        vault.finish_additions();
        vault.sweep_orphan_items();
        Ok(vault)
    }

    /// The database file.
    pub fn database_path(&self) -> &Path {
        &self.path
    }

    /// Asks the keychain to unlock (the desktop's own prompt), or to create its default
    /// collection when there is none; returns when the person answered.
    pub fn unlock_keychain(&self) -> Result<(), VaultError> {
        Ok(self.store.unlock()?)
    }

    /// The secret store.
    pub fn store(&self) -> &S {
        &self.store
    }

    pub(crate) fn db(&self, error: rusqlite::Error) -> VaultError {
        VaultError::Database {
            path: self.path.clone(),
            detail: error.to_string(),
        }
    }

    /// Every account, in display order: pinned accounts first, then each group by position. The
    /// app's list and `vigil list` both show this order.
    pub fn accounts(&self) -> Result<Vec<Account>, VaultError> {
        let sql =
            format!("SELECT {COLUMNS} FROM accounts WHERE pending = 0 ORDER BY {DISPLAY_ORDER}");
        let mut statement = self.connection.prepare(&sql).map_err(|e| self.db(e))?;
        let rows = statement
            .query_map([], read_account)
            .map_err(|e| self.db(e))?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| self.db(e))
    }

    /// One account.
    pub fn account(&self, id: &AccountId) -> Result<Account, VaultError> {
        let sql = format!("SELECT {COLUMNS} FROM accounts WHERE id = ?1 AND pending = 0");
        self.connection
            .query_row(&sql, [id.as_str()], read_account)
            .optional()
            .map_err(|e| self.db(e))?
            .ok_or_else(|| VaultError::NotFound(id.to_string()))
    }

    /// The secret of one account.
    pub fn secret(&self, account: &Account) -> Result<Secret, VaultError> {
        self.store
            .get(account.id.as_str())?
            .ok_or_else(|| VaultError::MissingSecret {
                name: account.display_name(),
            })
    }

    /// Every account with its secret, read in one batch; accounts without one are orphans.
    pub fn unlock(&self) -> Result<Unlocked, VaultError> {
        let accounts = self.accounts()?;
        let ids: Vec<&str> = accounts.iter().map(|a| a.id.as_str()).collect();
        let mut found = self.store.get_many(&ids)?;
        let mut secrets = HashMap::with_capacity(accounts.len());
        let mut orphans = Vec::new();
        for account in &accounts {
            match found.remove(account.id.as_str()) {
                Some(secret) => {
                    secrets.insert(account.id.clone(), secret);
                }
                None => orphans.push(account.id.clone()),
            }
        }
        Ok(Unlocked {
            accounts,
            secrets,
            orphans,
        })
    }

    /// The account as an otpauth URI, secret included (for export and QR codes).
    pub fn otp_uri(&self, account: &Account) -> Result<OtpUri, VaultError> {
        let mut uri = OtpUri::new(
            &account.issuer,
            &account.label,
            self.secret(account)?,
            account.params,
        );
        uri.activity = account.activity.clone();
        Ok(uri)
    }

    /// Adds an account. The row is written first, marked pending, then the secret goes to the
    /// keychain, then the mark is cleared: a crash at any point leaves a row naming whatever
    /// reached the keychain, and the next open finishes or undoes it. If the keychain refuses,
    /// the row goes again. Refuses a duplicate (same issuer, label and secret).
    pub fn add(&mut self, uri: &OtpUri) -> Result<Account, VaultError> {
        if let Some(existing) = self.find_duplicate(uri)? {
            return Err(VaultError::Duplicate {
                name: existing.display_name(),
            });
        }
        let id = AccountId::random_in(&self.tag);
        self.insert_row(&id, uri)?;
        let mut stored = self.store.put(id.as_str(), &uri.secret);
        if stored == Err(KeychainError::NoCollection) {
            // A desktop without a login keyring: ask the keychain to create its default
            // collection (its own prompt), then store there.
            stored = self
                .store
                .unlock()
                .and_then(|()| self.store.put(id.as_str(), &uri.secret));
        }
        if let Err(error) = stored {
            // Best effort: if this fails too, the next open removes the pending row.
            let _ = self
                .connection
                .execute("DELETE FROM accounts WHERE id = ?1", [id.as_str()]);
            return Err(error.into());
        }
        self.connection
            .execute(
                "UPDATE accounts SET pending = 0 WHERE id = ?1",
                [id.as_str()],
            )
            .map_err(|e| self.db(e))?;
        self.account(&id)
    }

    /// The stored account with the same issuer, label (both ignoring case) and secret, if any.
    pub fn find_duplicate(&self, uri: &OtpUri) -> Result<Option<Account>, VaultError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM accounts WHERE pending = 0
             AND issuer = ?1 COLLATE NOCASE AND label = ?2 COLLATE NOCASE"
        );
        let mut statement = self.connection.prepare(&sql).map_err(|e| self.db(e))?;
        let candidates = statement
            .query_map([uri.issuer.trim(), uri.label.trim()], read_account)
            .map_err(|e| self.db(e))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.db(e))?;
        for candidate in candidates {
            if self.store.get(candidate.id.as_str())?.as_ref() == Some(&uri.secret) {
                return Ok(Some(candidate));
            }
        }
        Ok(None)
    }

    /// Writes the row of a new account, marked as being added (hidden until the mark is cleared).
    fn insert_row(&mut self, id: &AccountId, uri: &OtpUri) -> Result<(), VaultError> {
        let db = database_error(&self.path);
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&db)?;
        let position: i64 = transaction
            .query_row(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM accounts",
                [],
                |r| r.get(0),
            )
            .map_err(&db)?;
        let p = &uri.params;
        transaction
            .execute(
                "INSERT INTO accounts (id, issuer, label, kind, algorithm, digits, period, counter,
                                       position, activity_url, created_at, pending, pending_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 2, ?11)",
                params![
                    id.as_str(),
                    uri.issuer.trim(),
                    uri.label.trim(),
                    p.kind.as_str(),
                    p.algorithm.as_str(),
                    p.digits,
                    clamp_i64(p.period),
                    clamp_i64(p.counter),
                    position,
                    uri.activity,
                    now(),
                ],
            )
            .map_err(&db)?;
        transaction.commit().map_err(&db)
    }

    /// Renames an account (the secret is untouched).
    pub fn rename(
        &mut self,
        id: &AccountId,
        issuer: &str,
        label: &str,
    ) -> Result<Account, VaultError> {
        self.update_one(
            id,
            "UPDATE accounts SET issuer = ?2, label = ?3 WHERE id = ?1 AND pending = 0",
            params![id.as_str(), issuer.trim(), label.trim()],
        )
    }

    /// Puts an account in `groups` (names, trimmed; empty ones and repeats dropped), replacing
    /// the groups it was in.
    pub fn set_groups(&mut self, id: &AccountId, groups: &[String]) -> Result<Account, VaultError> {
        let mut names: Vec<&str> = Vec::with_capacity(groups.len());
        for name in groups.iter().map(|g| g.trim()).filter(|g| !g.is_empty()) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let json = serde_json::to_string(&names).map_err(|e| VaultError::Database {
            path: self.path.clone(),
            detail: e.to_string(),
        })?;
        self.update_one(
            id,
            "UPDATE accounts SET groups = ?2 WHERE id = ?1 AND pending = 0",
            params![id.as_str(), json],
        )
    }

    /// Notes that a code of the account was just used (copied), for sorting by recent use. Not
    /// a change to back up.
    pub fn mark_used(&mut self, id: &AccountId) -> Result<(), VaultError> {
        let changed = self
            .connection
            .execute(
                "UPDATE accounts SET last_used = ?2 WHERE id = ?1 AND pending = 0",
                params![id.as_str(), now()],
            )
            .map_err(database_error(&self.path))?;
        if changed == 0 {
            return Err(VaultError::NotFound(id.to_string()));
        }
        Ok(())
    }

    /// Pins or unpins an account.
    pub fn set_favourite(
        &mut self,
        id: &AccountId,
        favourite: bool,
    ) -> Result<Account, VaultError> {
        self.update_one(
            id,
            "UPDATE accounts SET favourite = ?2 WHERE id = ?1 AND pending = 0",
            params![id.as_str(), favourite],
        )
    }

    /// Chooses the icon an account shows.
    pub fn set_icon(&mut self, id: &AccountId, icon: &IconChoice) -> Result<Account, VaultError> {
        self.update_one(
            id,
            "UPDATE accounts SET icon = ?2 WHERE id = ?1 AND pending = 0",
            params![id.as_str(), icon.to_column()],
        )
    }

    /// Links an account to its service's activity feed, relinks it elsewhere, or unlinks it with
    /// `None`. Whenever the link changes, the cached feed of the old link goes with it (one
    /// transaction), so no front end can show, or page on from, another service's events.
    pub fn set_activity(
        &mut self,
        id: &AccountId,
        url: Option<&str>,
    ) -> Result<Account, VaultError> {
        let db = database_error(&self.path);
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&db)?;
        let current: Option<Option<String>> = transaction
            .query_row(
                "SELECT activity_url FROM accounts WHERE id = ?1 AND pending = 0",
                [id.as_str()],
                |row| row.get(0),
            )
            .optional()
            .map_err(&db)?;
        let Some(current) = current else {
            return Err(VaultError::NotFound(id.to_string()));
        };
        if current.as_deref() != url {
            transaction
                .execute(
                    "UPDATE accounts SET activity_url = ?2 WHERE id = ?1",
                    params![id.as_str(), url],
                )
                .map_err(&db)?;
            transaction
                .execute(
                    "DELETE FROM feed_cache WHERE account_id = ?1",
                    [id.as_str()],
                )
                .map_err(&db)?;
        }
        transaction.commit().map_err(&db)?;
        self.account(id)
    }

    /// Moves an account one place up (`by < 0`) or down (`by > 0`) within its group (pinned or
    /// not) as the list shows it; at the group's edge nothing moves. One transaction, so another
    /// process adding or removing an account meanwhile cannot make the order wrong.
    pub fn move_within_group(&mut self, id: &AccountId, by: i32) -> Result<(), VaultError> {
        let db = database_error(&self.path);
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&db)?;
        let mut accounts: Vec<(String, bool)> = transaction
            .prepare(&format!(
                "SELECT id, favourite FROM accounts WHERE pending = 0 ORDER BY {DISPLAY_ORDER}"
            ))
            .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .map_err(&db)?;
        let from = accounts
            .iter()
            .position(|(account, _)| account == id.as_str())
            .ok_or_else(|| VaultError::NotFound(id.to_string()))?;
        let to = from
            .checked_add_signed(by.signum() as isize)
            .filter(|&to| to < accounts.len() && accounts[to].1 == accounts[from].1);
        let Some(to) = to else {
            return Ok(());
        };
        accounts.swap(from, to);
        for (position, (account, _)) in accounts.iter().enumerate() {
            transaction
                .execute(
                    "UPDATE accounts SET position = ?2 WHERE id = ?1",
                    params![account, clamp_i64(position as u64)],
                )
                .map_err(&db)?;
        }
        transaction.commit().map_err(&db)
    }

    /// Puts the accounts in the order given; `order` must list every account once.
    pub fn reorder(&mut self, order: &[AccountId]) -> Result<(), VaultError> {
        let db = database_error(&self.path);
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&db)?;
        let mut current: Vec<String> = transaction
            .prepare("SELECT id FROM accounts WHERE pending = 0")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(&db)?;
        let mut wanted: Vec<String> = order.iter().map(|id| id.as_str().to_owned()).collect();
        current.sort();
        wanted.sort();
        if current != wanted {
            return Err(VaultError::BadOrder);
        }
        for (position, id) in order.iter().enumerate() {
            transaction
                .execute(
                    "UPDATE accounts SET position = ?2 WHERE id = ?1",
                    params![id.as_str(), clamp_i64(position as u64)],
                )
                .map_err(&db)?;
        }
        transaction.commit().map_err(&db)
    }

    /// Advances a HOTP counter by one and returns the account with its new counter. Safe against
    /// another process advancing at the same moment: each call gets its own counter value.
    pub fn advance_counter(&mut self, id: &AccountId) -> Result<Account, VaultError> {
        self.update_one(
            id,
            "UPDATE accounts SET counter = counter + 1 WHERE id = ?1 AND pending = 0 AND kind = 'hotp'",
            [id.as_str()],
        )
    }

    /// Runs one `UPDATE` of the account `id` and returns the account as it now is.
    fn update_one(
        &mut self,
        id: &AccountId,
        sql: &str,
        values: impl rusqlite::Params,
    ) -> Result<Account, VaultError> {
        let changed = self
            .connection
            .execute(sql, values)
            .map_err(|e| self.db(e))?;
        if changed == 0 {
            return Err(VaultError::NotFound(id.to_string()));
        }
        self.account(id)
    }

    /// Removes an account: the row is marked, the secret removed, then the row deleted. If the
    /// keychain refuses, the mark is undone and nothing is lost.
    pub fn remove(&mut self, id: &AccountId) -> Result<(), VaultError> {
        let marked = self
            .connection
            .execute(
                "UPDATE accounts SET pending = 1, pending_at = ?2 WHERE id = ?1 AND pending = 0",
                params![id.as_str(), now()],
            )
            .map_err(|e| self.db(e))?;
        if marked == 0 {
            return Err(VaultError::NotFound(id.to_string()));
        }
        if let Err(error) = self.store.delete(id.as_str()) {
            let _ = self.connection.execute(
                "UPDATE accounts SET pending = 0 WHERE id = ?1",
                [id.as_str()],
            );
            return Err(error.into());
        }
        self.connection
            .execute("DELETE FROM accounts WHERE id = ?1", [id.as_str()])
            .map_err(|e| self.db(e))?;
        Ok(())
    }

    /// Undoes additions a crash interrupted (rows still marked as being added: the person never
    /// saw them added): their keychain item, if it got there, then the row. Best effort, like
    /// [`Self::finish_removals`].
    fn finish_additions(&self) {
        for id in self.stale_pending(2) {
            if self.store.delete(&id).is_ok() {
                let _ = self
                    .connection
                    .execute("DELETE FROM accounts WHERE id = ?1", [&id]);
            }
        }
    }

    /// Removes the keychain items this vault made (their ids carry its tag) that no row names,
    /// such as a secret left by a crash in an older version. Items of other vaults, and any
    /// without this vault's tag, are never touched. Best effort: a keychain that cannot list
    /// its items, or is locked, is left alone.
    fn sweep_orphan_items(&self) {
        let Ok(Some(stored)) = self.store.ids() else {
            return;
        };
        let prefix = format!("{}-", self.tag);
        let mine: Vec<String> = stored
            .into_iter()
            .filter(|id| id.starts_with(&prefix))
            .collect();
        if mine.is_empty() {
            return;
        }
        // If the rows cannot be read, nothing can be said to be unnamed.
        let Ok(named) = self.ids_where("1") else {
            return;
        };
        let named: std::collections::HashSet<String> = named.into_iter().collect();
        for id in mine {
            if !named.contains(&id) {
                let _ = self.store.delete(&id);
            }
        }
    }

    /// The ids of rows whose change `kind` (1 removal, 2 addition) has been under way for longer
    /// than [`STALE_CHANGE_SECONDS`]: interrupted by a crash, not another process's change in
    /// progress right now.
    fn stale_pending(&self, kind: i64) -> Vec<String> {
        let before = now().saturating_sub(STALE_CHANGE_SECONDS);
        let Ok(mut statement) = self
            .connection
            .prepare("SELECT id FROM accounts WHERE pending = ?1 AND pending_at < ?2")
        else {
            return Vec::new();
        };
        match statement.query_map(params![kind, before], |r| r.get(0)) {
            Ok(rows) => rows.filter_map(Result::ok).collect(),
            Err(_) => Vec::new(),
        }
    }

    /// The ids of rows matching `condition`.
    fn ids_where(&self, condition: &str) -> rusqlite::Result<Vec<String>> {
        let sql = format!("SELECT id FROM accounts WHERE {condition}");
        let mut statement = self.connection.prepare(&sql)?;
        let rows = statement.query_map([], |r| r.get(0))?;
        rows.collect()
    }

    /// Completes removals a crash interrupted (rows marked but not deleted). Best effort: if the
    /// keychain is not reachable now, the rows stay marked (and hidden) for the next open.
    fn finish_removals(&self) {
        for id in self.stale_pending(1) {
            if self.store.delete(&id).is_ok() {
                let _ = self
                    .connection
                    .execute("DELETE FROM accounts WHERE id = ?1", [&id]);
            }
        }
    }
}

fn read_account(row: &Row<'_>) -> rusqlite::Result<Account> {
    let kind: String = row.get(3)?;
    let algorithm: String = row.get(4)?;
    let bad = |column: usize, text: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            column,
            rusqlite::types::Type::Text,
            format!("unknown value '{text}'").into(),
        )
    };
    let period: i64 = row.get(6)?;
    let counter: i64 = row.get(7)?;
    Ok(Account {
        id: AccountId::new(row.get::<_, String>(0)?),
        issuer: row.get(1)?,
        label: row.get(2)?,
        params: OtpParams {
            kind: OtpKind::parse(&kind).ok_or_else(|| bad(3, &kind))?,
            algorithm: Algorithm::parse(&algorithm).ok_or_else(|| bad(4, &algorithm))?,
            digits: row.get(5)?,
            period: u64::try_from(period).unwrap_or(30).max(1),
            counter: u64::try_from(counter).unwrap_or(0),
        },
        position: row.get(8)?,
        favourite: row.get(9)?,
        activity: row.get(10)?,
        created_at: row.get(11)?,
        // A damaged list reads as no group rather than hiding the account.
        groups: serde_json::from_str(&row.get::<_, String>(12)?).unwrap_or_default(),
        last_used: row.get(13)?,
        icon: IconChoice::from_column(row.get(14)?),
    })
}

/// Maps SQLite errors to [`VaultError::Database`] naming the file.
pub(crate) fn database_error(path: &Path) -> impl Fn(rusqlite::Error) -> VaultError + '_ {
    move |e| VaultError::Database {
        path: path.to_path_buf(),
        detail: e.to_string(),
    }
}

fn clamp_i64(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

pub(crate) fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| clamp_i64(d.as_secs()))
        .unwrap_or(0)
}

fn create_private_dir(dir: &Path) -> Result<(), VaultError> {
    let error = |e: std::io::Error| VaultError::DataDir {
        path: dir.to_path_buf(),
        detail: e.to_string(),
    };
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(error)?;
    make_private(dir, 0o700)
}

/// Sets `path`'s permissions to `mode` (Unix), if it exists: a directory or file made earlier,
/// by an older version or by hand, is made private too.
fn make_private(path: &Path, mode: u32) -> Result<(), VaultError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        match std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(VaultError::DataDir {
                    path: path.to_path_buf(),
                    detail: format!("cannot make it private: {e}"),
                });
            }
        }
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
    Ok(())
}

/// This vault's tag (made on first open): eight hex digits.
fn vault_tag(connection: &Connection) -> rusqlite::Result<String> {
    let fresh: String = uuid::Uuid::new_v4()
        .simple()
        .to_string()
        .chars()
        .take(8)
        .collect();
    connection.execute(
        "INSERT OR IGNORE INTO vault_meta (key, value) VALUES ('tag', ?1)",
        [&fresh],
    )?;
    connection.query_row("SELECT value FROM vault_meta WHERE key = 'tag'", [], |r| {
        r.get(0)
    })
}

#[cfg(test)]
#[path = "vault_tests.rs"]
mod tests;
