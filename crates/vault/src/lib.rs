//! Vigil's account store: the non-secret list of accounts in SQLite, every secret in the OS keychain.
//!
//! The main types:
//! - [`Vault`]: open it on a [`VaultLocation`] and add, list, rename, reorder, advance and remove
//!   accounts; every change is atomic across the two stores.
//! - [`Account`]: one account's metadata (never its secret), keyed by an opaque [`AccountId`].
//! - [`SecretStore`]: where secrets live; [`KeyringStore`] is the OS keychain through the
//!   `keyring` crate (with a batch read of the Secret Service on Linux), [`MemoryStore`] is for
//!   unit tests that are not about storage.
//! - [`CachedFeed`]: the last activity feed read for a linked account (JSON, as the service sent
//!   it), kept beside the accounts so the app opens instantly and offline.
//! - [`BackupSettings`] and [`BackupStatus`]: automatic encrypted backups (Aegis format) to a
//!   folder after every change, keeping the newest few; the password in the keychain.
//! - [`VaultError`]: what went wrong, in words a person can act on.
//!
//! Invariants: no secret is ever written to the database or any other file; the database holds
//! only opaque ids that name keychain items. A secret is written before its row and removed if the
//! row fails; a row is marked, then its secret removed, then the row deleted.

mod account;
mod app_lock;
mod backup;
mod error;
mod feed_cache;
mod keychain;
mod location;
mod memory;
mod schema;
mod vault;

pub use account::{Account, AccountId, IconChoice};
pub use backup::{BackupSettings, BackupStatus, DEFAULT_KEEP, MAX_KEEP, MIN_PASSWORD_CHARS};
pub use error::VaultError;
pub use feed_cache::CachedFeed;
pub use keychain::{KeychainError, KeyringStore, SecretStore};
pub use location::VaultLocation;
pub use memory::MemoryStore;
pub use vault::{Unlocked, Vault};
