//! Automatic backups while the app runs: a background task, on a vault connection of its own,
//! asks the vault every few seconds (`VIGIL_BACKUP_SECONDS`, default 5) whether the accounts
//! changed since the last backup (a change by the app or by the `vigil` command) and, when
//! backups are on, writes one. The scrypt key derivation stays off the window's threads; a
//! failure is kept in the vault, where the page's banner and the backups dialog read it.

use std::time::Duration;

use vigil_vault::{Vault, VaultLocation};

/// Starts the background task.
pub fn start() {
    let every = std::env::var("VIGIL_BACKUP_SECONDS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .filter(|&seconds| seconds > 0)
        .map_or(Duration::from_secs(5), Duration::from_secs);
    let spawned = std::thread::Builder::new()
        .name("vigil-backups".into())
        .spawn(move || {
            let location = VaultLocation::from_env();
            let mut vault = None;
            loop {
                if vault.is_none() {
                    vault = Vault::open_keychain(&location).ok();
                }
                if let Some(vault) = vault.as_mut() {
                    // A failure is recorded in the vault for the page; the next round retries.
                    let _ = vault.backup_if_changed();
                }
                std::thread::sleep(every);
            }
        });
    if let Err(error) = spawned {
        eprintln!("vigil-app: automatic backups cannot run: {error}");
    }
}
