//! Secrets in the OS keychain: one item per account, named by the keychain service and the
//! account's opaque id, holding the secret as base32 text.

use std::collections::HashMap;

use vigil_core::Secret;
use zeroize::Zeroizing;

/// Why the keychain could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeychainError {
    /// No keychain could be reached, or it refused.
    #[error("keychain not available: {0}")]
    Unavailable(String),
    /// The keychain is locked and cannot be unlocked without the person at the desktop.
    #[error("keychain locked")]
    Locked,
    /// The keychain has no default collection to store in (a desktop without a login keyring).
    #[error("keychain has no default collection")]
    NoCollection,
}

/// Where secrets live. Implementations must be safe to use from several processes at once.
pub trait SecretStore {
    /// Stores (or replaces) the secret of `id`.
    fn put(&self, id: &str, secret: &Secret) -> Result<(), KeychainError>;
    /// The secret of `id`; `Ok(None)` when there is none (or what is stored is not a base32
    /// secret), `Err` when the keychain failed.
    fn get(&self, id: &str) -> Result<Option<Secret>, KeychainError>;
    /// Removes the secret of `id`; removing what is not there succeeds.
    fn delete(&self, id: &str) -> Result<(), KeychainError>;
    /// The ids of every item stored under this store's service, when the keychain can list them
    /// (`Ok(None)` when it cannot). Only unlocked items are listed.
    fn ids(&self) -> Result<Option<Vec<String>>, KeychainError> {
        Ok(None)
    }
    /// Asks the keychain to unlock where secrets are stored (the desktop shows its own password
    /// prompt), or to create that place when there is none (a desktop without a login keyring).
    /// Returns once the person answered; a store with nothing to unlock succeeds at once.
    fn unlock(&self) -> Result<(), KeychainError> {
        Ok(())
    }
    /// The secrets of many ids at once (missing ones are absent from the map). The default reads
    /// one by one; a keychain with a batch interface should do better.
    fn get_many(&self, ids: &[&str]) -> Result<HashMap<String, Secret>, KeychainError> {
        let mut found = HashMap::with_capacity(ids.len());
        for id in ids {
            if let Some(secret) = self.get(id)? {
                found.insert((*id).to_owned(), secret);
            }
        }
        Ok(found)
    }
}

/// The OS keychain through the `keyring` crate: Secret Service on Linux, Keychain on macOS,
/// Credential Manager on Windows.
#[derive(Debug, Clone)]
pub struct KeyringStore {
    service: String,
}

impl KeyringStore {
    /// Secrets stored under keychain service `service`.
    pub fn new(service: impl Into<String>) -> Self {
        Self {
            service: service.into(),
        }
    }

    /// The keychain service name.
    pub fn service(&self) -> &str {
        &self.service
    }

    fn entry(&self, id: &str) -> Result<keyring::Entry, KeychainError> {
        keyring::Entry::new(&self.service, id).map_err(map_keyring)
    }
}

fn map_keyring(error: keyring::Error) -> KeychainError {
    let text = match error {
        keyring::Error::NoStorageAccess(inner) | keyring::Error::PlatformFailure(inner) => {
            inner.to_string()
        }
        other => other.to_string(),
    };
    // A locked collection shows up as "object locked", "Cannot create an item in a locked
    // collection" or "unlock prompt was dismissed": the person can fix that by unlocking.
    let lower = text.to_ascii_lowercase();
    if lower.contains("locked") || lower.contains("unlock") {
        KeychainError::Locked
    } else if lower.contains("no result found") {
        // `keyring` stores in the collection aliased `default`; without one it says this.
        KeychainError::NoCollection
    } else {
        KeychainError::Unavailable(text)
    }
}

fn parse_stored(text: &str) -> Option<Secret> {
    Secret::from_base32(text).ok()
}

impl SecretStore for KeyringStore {
    fn put(&self, id: &str, secret: &Secret) -> Result<(), KeychainError> {
        let text = secret.to_base32();
        self.entry(id)?
            .set_password(text.expose())
            .map_err(map_keyring)
    }

    fn get(&self, id: &str) -> Result<Option<Secret>, KeychainError> {
        match self.entry(id)?.get_password() {
            Ok(text) => {
                let text = Zeroizing::new(text);
                Ok(parse_stored(&text))
            }
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(other) => Err(map_keyring(other)),
        }
    }

    fn delete(&self, id: &str) -> Result<(), KeychainError> {
        match self.entry(id)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(other) => Err(map_keyring(other)),
        }
    }

    #[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
    fn get_many(&self, ids: &[&str]) -> Result<HashMap<String, Secret>, KeychainError> {
        secret_service::get_many(&self.service, ids)
    }

    #[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
    fn ids(&self) -> Result<Option<Vec<String>>, KeychainError> {
        secret_service::ids(&self.service).map(Some)
    }

    #[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
    fn unlock(&self) -> Result<(), KeychainError> {
        secret_service::unlock_default()
    }
}

/// One search for every item of the service, then each matching item's attributes and secret
/// read over a few connections in parallel (each with its own encrypted session): far fewer
/// round trips than `keyring`'s connect-search-read per entry, and the Secret Service's latency
/// overlapped.
#[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
mod secret_service {
    use std::collections::{HashMap, HashSet};

    use dbus_secret_service::{EncryptionType, Item, Path, SecretService};
    use vigil_core::Secret;
    use zeroize::Zeroizing;

    use super::{KeychainError, parse_stored};

    /// Connections used for one batch read.
    const CONNECTIONS: usize = 4;

    fn unavailable(error: dbus_secret_service::Error) -> KeychainError {
        match error {
            dbus_secret_service::Error::Locked => KeychainError::Locked,
            other => KeychainError::Unavailable(other.to_string()),
        }
    }

    fn connect() -> Result<SecretService, KeychainError> {
        // A prompt would block with nobody to answer it: give up at once instead.
        SecretService::connect_with_max_prompt_timeout(EncryptionType::Dh, 0).map_err(unavailable)
    }

    pub(super) fn get_many(
        service: &str,
        ids: &[&str],
    ) -> Result<HashMap<String, Secret>, KeychainError> {
        let wanted: HashSet<&str> = ids.iter().copied().collect();
        let ss = connect()?;
        let search = ss
            .search_items(HashMap::from([("service", service)]))
            .map_err(unavailable)?;
        let paths: Vec<_> = search
            .unlocked
            .iter()
            .map(|item| item.path.clone())
            .collect();
        let chunk = paths.len().div_ceil(CONNECTIONS).max(1);
        let mut chunks = paths.chunks(chunk);
        let first = chunks.next().unwrap_or(&[]);
        let found = std::thread::scope(|scope| {
            // Other chunks on connections of their own (a connection cannot cross threads)...
            let workers: Vec<_> = chunks
                .map(|paths| {
                    let wanted = &wanted;
                    scope.spawn(move || read_items(&connect()?, paths, wanted))
                })
                .collect();
            // ...while this thread reads the first chunk on the search's connection.
            let mut found: HashMap<String, Secret> =
                read_items(&ss, first, &wanted)?.into_iter().collect();
            for worker in workers {
                let part = worker
                    .join()
                    .map_err(|_| KeychainError::Unavailable("a keychain reader failed".into()))??;
                found.extend(part);
            }
            Ok::<_, KeychainError>(found)
        })?;
        if found.len() < wanted.len() && !search.locked.is_empty() {
            return Err(KeychainError::Locked);
        }
        Ok(found)
    }

    /// How long the desktop's unlock (or create) prompt may wait for the person.
    const PROMPT_SECONDS: u64 = 300;

    /// Unlocks the default collection (the one `keyring` stores in), or creates it when there is
    /// none; either shows the desktop's own prompt.
    pub(super) fn unlock_default() -> Result<(), KeychainError> {
        let ss = SecretService::connect_with_max_prompt_timeout(EncryptionType::Dh, PROMPT_SECONDS)
            .map_err(unavailable)?;
        let dismissed = |error: dbus_secret_service::Error| match error {
            dbus_secret_service::Error::Prompt => KeychainError::Locked,
            other => unavailable(other),
        };
        match ss.get_default_collection() {
            Ok(collection) => {
                if collection.is_locked().map_err(unavailable)? {
                    collection.unlock().map_err(dismissed)?;
                }
                Ok(())
            }
            Err(dbus_secret_service::Error::NoResult) => ss
                .create_collection("Login", "default")
                .map(drop)
                .map_err(dismissed),
            Err(other) => Err(unavailable(other)),
        }
    }

    /// The `username` (the account id) of every unlocked item of `service`.
    pub(super) fn ids(service: &str) -> Result<Vec<String>, KeychainError> {
        let ss = connect()?;
        let search = ss
            .search_items(HashMap::from([("service", service)]))
            .map_err(unavailable)?;
        let mut ids = Vec::with_capacity(search.unlocked.len());
        for found in &search.unlocked {
            let item = Item::new(&ss, found.path.clone());
            if let Some(user) = item
                .get_attributes()
                .map_err(unavailable)?
                .remove("username")
            {
                ids.push(user);
            }
        }
        Ok(ids)
    }

    fn read_items(
        ss: &SecretService,
        paths: &[Path<'static>],
        wanted: &HashSet<&str>,
    ) -> Result<Vec<(String, Secret)>, KeychainError> {
        let mut found = Vec::with_capacity(paths.len());
        for path in paths {
            let item = Item::new(ss, path.clone());
            let attributes = item.get_attributes().map_err(unavailable)?;
            let Some(user) = attributes.get("username") else {
                continue;
            };
            if !wanted.contains(user.as_str()) {
                continue;
            }
            let bytes = Zeroizing::new(item.get_secret().map_err(unavailable)?);
            let Ok(text) = std::str::from_utf8(&bytes) else {
                continue;
            };
            if let Some(secret) = parse_stored(text) {
                found.push((user.clone(), secret));
            }
        }
        Ok(found)
    }
}
