//! The optional app lock: the Argon2id hash of the person's Vigil password, kept in the keychain
//! beside the secrets (never in the database). The lock is on while that item exists.

use vigil_core::{Secret, Sensitive};

use crate::{SecretStore, Vault, VaultError};

impl<S: SecretStore> Vault<S> {
    /// Whether the app asks for a password at start and after being idle.
    pub fn app_lock_on(&self) -> Result<bool, VaultError> {
        Ok(self.store.get(&self.lock_id())?.is_some())
    }

    /// Turns the app lock on with `password`, or changes its password.
    pub fn set_app_lock(&mut self, password: &Sensitive<String>) -> Result<(), VaultError> {
        let phc = vigil_core::hash_lock_password(password.expose(), &mut rand_core::OsRng)
            .map_err(|e| VaultError::AppLock(e.to_string()))?;
        self.store
            .put(&self.lock_id(), &Secret::from_bytes(phc.into_bytes()))?;
        Ok(())
    }

    /// Turns the app lock off.
    pub fn remove_app_lock(&mut self) -> Result<(), VaultError> {
        self.store.delete(&self.lock_id())?;
        Ok(())
    }

    /// Whether `password` opens the app (true when the lock is off).
    pub fn app_lock_opens(&self, password: &Sensitive<String>) -> Result<bool, VaultError> {
        let Some(stored) = self.store.get(&self.lock_id())? else {
            return Ok(true);
        };
        let phc = std::str::from_utf8(stored.as_bytes()).unwrap_or("");
        Ok(vigil_core::lock_password_matches(password.expose(), phc))
    }

    /// The keychain item of the lock's hash: named by this vault's tag but not an account id, so
    /// the sweep of unnamed items leaves it alone.
    fn lock_id(&self) -> String {
        format!("{}.app-lock", self.tag)
    }
}
