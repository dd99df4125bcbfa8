//! The database schema and its migrations (SQLite's `user_version` counts them).

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

/// Every migration, oldest first. Never edit one that has shipped; add a new one.
const MIGRATIONS: &[M<'static>] = &[
    M::up(
        "CREATE TABLE accounts (
        id           TEXT PRIMARY KEY NOT NULL,
        issuer       TEXT NOT NULL,
        label        TEXT NOT NULL,
        kind         TEXT NOT NULL CHECK (kind IN ('totp', 'hotp', 'steam')),
        algorithm    TEXT NOT NULL CHECK (algorithm IN ('SHA1', 'SHA256', 'SHA512')),
        digits       INTEGER NOT NULL CHECK (digits BETWEEN 1 AND 10),
        period       INTEGER NOT NULL CHECK (period >= 1),
        counter      INTEGER NOT NULL DEFAULT 0 CHECK (counter >= 0),
        position     INTEGER NOT NULL,
        favourite    INTEGER NOT NULL DEFAULT 0,
        activity_url TEXT,
        created_at   INTEGER NOT NULL,
        deleting     INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX accounts_by_name ON accounts (issuer COLLATE NOCASE, label COLLATE NOCASE);",
    ),
    // The last activity feed read for each linked account, so the app opens instantly and works
    // offline. The feed holds no secret (events, states and the service's clock).
    M::up(
        "CREATE TABLE feed_cache (
        account_id  TEXT PRIMARY KEY NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        feed_json   TEXT NOT NULL,
        fetched_at  INTEGER NOT NULL
    ) STRICT;",
    ),
    // `deleting` becomes `pending`: 1 while a removal is under way, 2 while an addition is (the
    // row is written before the keychain item, so a crash between them leaves a row that names
    // the item), since `pending_at` (Unix seconds; another process's change under way is recent,
    // a crashed one old). `vault_meta` holds this vault's tag, the prefix of the ids it gives out.
    M::up(
        "ALTER TABLE accounts RENAME COLUMN deleting TO pending;
    ALTER TABLE accounts ADD COLUMN pending_at INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE vault_meta (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    ) STRICT;",
    ),
    // The groups (folders, tags) an account is in, as a JSON array of names; `[]` for none.
    // Imports keep the groups a backup had, and encrypted exports write them back.
    M::up("ALTER TABLE accounts ADD COLUMN groups TEXT NOT NULL DEFAULT '[]';"),
    // A count of changes to the accounts, moved by triggers whoever writes (the app or the
    // `vigil` command): an automatic backup is made only when it moved since the last one.
    // `last_used` (when a code was last copied, for "recently used") is not such a change.
    M::up(
        "ALTER TABLE accounts ADD COLUMN last_used INTEGER NOT NULL DEFAULT 0;
    INSERT OR IGNORE INTO vault_meta (key, value) VALUES ('changes', '0');
    CREATE TRIGGER accounts_added AFTER INSERT ON accounts BEGIN
        UPDATE vault_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'changes';
    END;
    CREATE TRIGGER accounts_changed
        AFTER UPDATE OF issuer, label, kind, algorithm, digits, period, counter, position,
            favourite, activity_url, pending, groups ON accounts BEGIN
        UPDATE vault_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'changes';
    END;
    CREATE TRIGGER accounts_removed AFTER DELETE ON accounts BEGIN
        UPDATE vault_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'changes';
    END;",
    ),
    // The icon the person chose for an account: NULL to let the app match one by issuer or
    // feed host, '' for the initial only, or an icon's name (a simple-icons slug). Not a change
    // that backups follow: the exported formats have no place for it.
    M::up("ALTER TABLE accounts ADD COLUMN icon TEXT;"),
];

/// Brings `connection` up to the newest schema.
pub fn migrate(connection: &mut Connection) -> Result<(), rusqlite_migration::Error> {
    Migrations::from_slice(MIGRATIONS).to_latest(connection)
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::Migrations::from_slice(super::MIGRATIONS)
            .validate()
            .unwrap();
    }
}
