//! An in-memory secret store, for unit tests of logic that is not about storage.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use vigil_core::Secret;

use crate::{KeychainError, SecretStore};

/// Secrets in a map, gone when dropped; optionally failing every call, to test error paths.
#[derive(Debug, Default)]
pub struct MemoryStore {
    secrets: Mutex<HashMap<String, Secret>>,
    fail: Mutex<Option<KeychainError>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// From now on every call fails with `error` (or succeeds again with `None`).
    pub fn fail_with(&self, error: Option<KeychainError>) {
        *self.fail.lock().unwrap_or_else(PoisonError::into_inner) = error;
    }

    /// How many secrets are stored.
    pub fn len(&self) -> usize {
        self.secrets
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// Whether no secret is stored.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn check(&self) -> Result<(), KeychainError> {
        match self
            .fail
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
        {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }
}

impl SecretStore for MemoryStore {
    /// As if the person answered the keychain's prompt: a locked store, or one without a
    /// collection, works from now on.
    fn unlock(&self) -> Result<(), KeychainError> {
        let mut fail = self.fail.lock().unwrap_or_else(PoisonError::into_inner);
        if matches!(
            *fail,
            Some(KeychainError::Locked | KeychainError::NoCollection)
        ) {
            *fail = None;
        }
        Ok(())
    }
    fn put(&self, id: &str, secret: &Secret) -> Result<(), KeychainError> {
        self.check()?;
        let mut secrets = self.secrets.lock().unwrap_or_else(PoisonError::into_inner);
        secrets.insert(id.to_owned(), secret.clone());
        Ok(())
    }

    fn get(&self, id: &str) -> Result<Option<Secret>, KeychainError> {
        self.check()?;
        Ok(self
            .secrets
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(id)
            .cloned())
    }

    fn ids(&self) -> Result<Option<Vec<String>>, KeychainError> {
        self.check()?;
        let secrets = self.secrets.lock().unwrap_or_else(PoisonError::into_inner);
        Ok(Some(secrets.keys().cloned().collect()))
    }

    fn delete(&self, id: &str) -> Result<(), KeychainError> {
        self.check()?;
        self.secrets
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(id);
        Ok(())
    }
}

impl<S: SecretStore + ?Sized> SecretStore for &S {
    fn put(&self, id: &str, secret: &Secret) -> Result<(), KeychainError> {
        (**self).put(id, secret)
    }
    fn get(&self, id: &str) -> Result<Option<Secret>, KeychainError> {
        (**self).get(id)
    }
    fn delete(&self, id: &str) -> Result<(), KeychainError> {
        (**self).delete(id)
    }
    fn get_many(&self, ids: &[&str]) -> Result<HashMap<String, Secret>, KeychainError> {
        (**self).get_many(ids)
    }
    fn ids(&self) -> Result<Option<Vec<String>>, KeychainError> {
        (**self).ids()
    }
    fn unlock(&self) -> Result<(), KeychainError> {
        (**self).unlock()
    }
}
