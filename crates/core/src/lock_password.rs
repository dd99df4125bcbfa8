//! The app lock's password: an Argon2id hash in the PHC string format (salt and parameters
//! included), made and checked here; the caller keeps the string in the keychain.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand_core::CryptoRngCore;

/// The fewest characters a lock password may have.
pub const MIN_LOCK_PASSWORD_CHARS: usize = 8;

/// Why a lock password could not be hashed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LockPasswordError {
    /// Shorter than [`MIN_LOCK_PASSWORD_CHARS`].
    #[error("use a password of at least {MIN_LOCK_PASSWORD_CHARS} characters")]
    TooShort,
    /// The hash function refused (it does not, for these parameters).
    #[error("the password could not be hashed: {0}")]
    Hash(String),
}

/// Argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane): about 50 ms on a laptop, once per
/// unlock.
fn argon2() -> Result<Argon2<'static>, LockPasswordError> {
    let params = Params::new(19 * 1024, 2, 1, Some(32))
        .map_err(|e| LockPasswordError::Hash(e.to_string()))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) of `password`, salted with 16
/// bytes from `rng`.
pub fn hash_lock_password(
    password: &str,
    rng: &mut impl CryptoRngCore,
) -> Result<String, LockPasswordError> {
    if password.chars().count() < MIN_LOCK_PASSWORD_CHARS {
        return Err(LockPasswordError::TooShort);
    }
    let mut salt = [0u8; 16];
    rng.fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| LockPasswordError::Hash(e.to_string()))?;
    let hash = argon2()?
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| LockPasswordError::Hash(e.to_string()))?;
    Ok(hash.to_string())
}

/// Whether `password` is the one `phc` was made from; a damaged string matches nothing.
pub fn lock_password_matches(password: &str, phc: &str) -> bool {
    let Ok(hash) = PasswordHash::new(phc) else {
        return false;
    };
    // The parameters are the string's own (kept if the defaults change later).
    Argon2::default()
        .verify_password(password.as_bytes(), &hash)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_matches_its_password_only_and_is_argon2id() {
        let phc = hash_lock_password("correct horse", &mut rand_core::OsRng).unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(lock_password_matches("correct horse", &phc));
        assert!(!lock_password_matches("correct horsE", &phc));
        assert!(!lock_password_matches("", &phc));
        let again = hash_lock_password("correct horse", &mut rand_core::OsRng).unwrap();
        assert_ne!(phc, again, "salted");
    }

    #[test]
    fn short_passwords_and_damaged_hashes_are_refused() {
        assert_eq!(
            hash_lock_password("short", &mut rand_core::OsRng),
            Err(LockPasswordError::TooShort)
        );
        assert!(!lock_password_matches("anything", "not a hash"));
        assert!(!lock_password_matches("anything", ""));
    }
}
