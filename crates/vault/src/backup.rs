//! Automatic backups: after a change, every account is written as an encrypted Aegis vault (the
//! format `vigil export --aegis` and the app's Export write) to a folder the person chose,
//! keeping the newest few. The choice lives in the database (`vault_meta`), so the app and the
//! `vigil` command back up the same way; the password lives in the keychain beside the secrets.
//! Triggers on `accounts` count changes, so a backup is made only when something changed since
//! the last one. Outcomes (when, which file, or what failed) are recorded for Settings to show.

use std::path::{Path, PathBuf};

use rusqlite::{OptionalExtension, params};
use vigil_core::export::aegis::{ScryptParams, write_encrypted};
use vigil_core::import::ImportedAccount;
use vigil_core::{OtpUri, Secret, Sensitive};

use crate::{SecretStore, Unlocked, Vault, VaultError};

/// How many backups are kept unless the person says otherwise.
pub const DEFAULT_KEEP: u32 = 10;
/// The most backups that may be kept.
pub const MAX_KEEP: u32 = 1000;
/// The shortest backup password accepted.
pub const MIN_PASSWORD_CHARS: usize = 8;
/// Every automatic backup's file name starts with this (older ones are pruned by it; files with
/// other names in the folder are never touched).
pub const FILE_PREFIX: &str = "vigil-auto-backup-";

/// Where automatic backups go and how many are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupSettings {
    /// The folder the backups are written to.
    pub folder: PathBuf,
    /// How many of the newest backups are kept (1 to [`MAX_KEEP`]).
    pub keep: u32,
}

/// Whether automatic backups are on, and how the last one went.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BackupStatus {
    /// The settings, when backups are on.
    pub settings: Option<BackupSettings>,
    /// When the last backup was written (Unix seconds).
    pub last_at: Option<i64>,
    /// The file the last backup was written to.
    pub last_file: Option<PathBuf>,
    /// Why the last attempt failed, when it did (cleared by the next success).
    pub last_error: Option<String>,
}

impl Unlocked {
    /// Every account whose secret is here, as a backup or export holds it (with its groups and
    /// activity link), in list order.
    pub fn exportable(&self) -> Vec<ImportedAccount> {
        self.accounts
            .iter()
            .filter_map(|account| {
                let secret = self.secrets.get(&account.id)?;
                let mut uri = OtpUri::new(
                    &account.issuer,
                    &account.label,
                    secret.clone(),
                    account.params,
                );
                uri.activity = account.activity.clone();
                Some(ImportedAccount {
                    uri,
                    groups: account.groups.clone(),
                })
            })
            .collect()
    }
}

impl<S: SecretStore> Vault<S> {
    /// Whether automatic backups are on, and the last outcome.
    pub fn backup_status(&self) -> Result<BackupStatus, VaultError> {
        let folder = self.meta("backup.folder")?;
        let keep = self
            .meta("backup.keep")?
            .and_then(|k| k.parse::<u32>().ok())
            .unwrap_or(DEFAULT_KEEP);
        Ok(BackupStatus {
            settings: folder.map(|folder| BackupSettings {
                folder: PathBuf::from(folder),
                keep,
            }),
            last_at: self.meta("backup.last_at")?.and_then(|t| t.parse().ok()),
            last_file: self.meta("backup.last_file")?.map(PathBuf::from),
            last_error: self.meta("backup.last_error")?,
        })
    }

    /// Turns automatic backups on (or changes where they go), then makes one at once. A new
    /// password replaces the kept one; with `None` the kept one is used (an error when there is
    /// none). The folder is made if needed.
    pub fn enable_backups(
        &mut self,
        settings: &BackupSettings,
        password: Option<&Sensitive<String>>,
    ) -> Result<PathBuf, VaultError> {
        if settings.keep == 0 || settings.keep > MAX_KEEP {
            return Err(VaultError::BackupSettings(format!(
                "keep between 1 and {MAX_KEEP} backups"
            )));
        }
        if !settings.folder.is_absolute() {
            return Err(VaultError::BackupSettings(format!(
                "the folder must be a full path, such as /home/you/Backups, not {}",
                settings.folder.display()
            )));
        }
        match password {
            Some(password) => {
                if password.expose().chars().count() < MIN_PASSWORD_CHARS {
                    return Err(VaultError::BackupSettings(format!(
                        "use a password of at least {MIN_PASSWORD_CHARS} characters"
                    )));
                }
                let bytes = Secret::from_bytes(password.expose().as_bytes().to_vec());
                self.store.put(&self.password_id(), &bytes)?;
            }
            None => {
                if self.backup_password()?.is_none() {
                    return Err(VaultError::BackupSettings(
                        "choose a password for the backups".into(),
                    ));
                }
            }
        }
        let folder = settings.folder.to_string_lossy().into_owned();
        self.set_meta("backup.folder", Some(&folder))?;
        self.set_meta("backup.keep", Some(&settings.keep.to_string()))?;
        self.backup_now()
    }

    /// Turns automatic backups off and forgets their password. Backups already written stay.
    pub fn disable_backups(&mut self) -> Result<(), VaultError> {
        self.store.delete(&self.password_id())?;
        for key in [
            "backup.folder",
            "backup.keep",
            "backup.covered",
            "backup.last_error",
        ] {
            self.set_meta(key, None)?;
        }
        Ok(())
    }

    /// Makes a backup when backups are on and the accounts changed since the last one. Gives
    /// the file written (`None`: off, or nothing changed). A failure is recorded for Settings
    /// (and returned); the next change tries again.
    pub fn backup_if_changed(&mut self) -> Result<Option<PathBuf>, VaultError> {
        if self.meta("backup.folder")?.is_none() {
            return Ok(None);
        }
        let changes = self.meta("changes")?;
        if changes.is_some() && changes == self.meta("backup.covered")? {
            return Ok(None);
        }
        self.backup_now().map(Some)
    }

    /// Makes a backup now (backups must be on), records the outcome and prunes old ones.
    pub fn backup_now(&mut self) -> Result<PathBuf, VaultError> {
        let status = self.backup_status()?;
        let Some(settings) = status.settings else {
            return Err(VaultError::BackupSettings(
                "automatic backups are off".into(),
            ));
        };
        // What the backup covers: the change count read before the accounts are.
        let changes = self.meta("changes")?;
        match self.write_backup(&settings) {
            Ok(path) => {
                self.set_meta("backup.covered", changes.as_deref())?;
                self.set_meta("backup.last_at", Some(&crate::vault::now().to_string()))?;
                self.set_meta("backup.last_file", Some(&path.to_string_lossy()))?;
                self.set_meta("backup.last_error", None)?;
                prune(&settings.folder, settings.keep);
                Ok(path)
            }
            Err(error) => {
                self.set_meta("backup.last_error", Some(&error.to_string()))?;
                Err(error)
            }
        }
    }

    fn write_backup(&self, settings: &BackupSettings) -> Result<PathBuf, VaultError> {
        let password = self.backup_password()?.ok_or_else(|| {
            VaultError::BackupSettings(
                "the backup password is missing from the keychain: set it again in Settings".into(),
            )
        })?;
        let unlocked = self.unlock()?;
        if !unlocked.orphans.is_empty() {
            // A backup without some accounts would silently replace a complete one.
            return Err(VaultError::Backup {
                folder: settings.folder.clone(),
                detail: format!(
                    "{} of the accounts' secrets are missing from the keychain",
                    unlocked.orphans.len()
                ),
            });
        }
        let accounts = unlocked.exportable();
        let json = write_encrypted(
            &accounts,
            &password,
            &mut rand_core::OsRng,
            ScryptParams::AEGIS,
        )
        .map_err(|e| VaultError::Backup {
            folder: settings.folder.clone(),
            detail: e.to_string(),
        })?;
        write_new_file(&settings.folder, json.as_bytes())
    }

    /// The backup password from the keychain, if one is kept.
    fn backup_password(&self) -> Result<Option<Sensitive<String>>, VaultError> {
        let Some(stored) = self.store.get(&self.password_id())? else {
            return Ok(None);
        };
        Ok(std::str::from_utf8(stored.as_bytes())
            .ok()
            .map(|text| Sensitive::new(text.to_owned())))
    }

    /// The keychain item of the backup password: named by this vault's tag, but not an
    /// account id (those are `TAG-uuid`), so the sweep of unnamed items leaves it alone.
    fn password_id(&self) -> String {
        format!("{}.backup-password", self.tag)
    }

    fn meta(&self, key: &str) -> Result<Option<String>, VaultError> {
        self.connection
            .query_row("SELECT value FROM vault_meta WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(crate::vault::database_error(&self.path))
    }

    fn set_meta(&self, key: &str, value: Option<&str>) -> Result<(), VaultError> {
        let result = match value {
            Some(value) => self.connection.execute(
                "INSERT INTO vault_meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            ),
            None => self
                .connection
                .execute("DELETE FROM vault_meta WHERE key = ?1", [key]),
        };
        result
            .map(drop)
            .map_err(crate::vault::database_error(&self.path))
    }
}

/// Writes `bytes` as a new owner-only file `vigil-auto-backup-YYYYMMDD-HHMMSS-NN.json` in
/// `folder` (NN counts backups made in the same second, so names sort by age), first under a temporary name so that a crash never leaves a
/// half backup with a backup's name.
fn write_new_file(folder: &Path, bytes: &[u8]) -> Result<PathBuf, VaultError> {
    let failed = |e: std::io::Error| VaultError::Backup {
        folder: folder.to_path_buf(),
        detail: e.to_string(),
    };
    std::fs::create_dir_all(folder).map_err(failed)?;
    let stamp = stamp(crate::vault::now());
    // After the newest number used this second (an older one may have been pruned already, and
    // reusing it would make the new backup sort as the oldest).
    let same_second = format!("{FILE_PREFIX}{stamp}-");
    let used = std::fs::read_dir(folder)
        .map_err(failed)?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let name = name.strip_prefix('.').unwrap_or(&name).to_owned();
            let rest = name.strip_prefix(&same_second)?;
            rest.get(..2)?.parse::<u32>().ok()
        })
        .max()
        .unwrap_or(0);
    for attempt in used + 1..=99 {
        let name = format!("{FILE_PREFIX}{stamp}-{attempt:02}.json");
        let path = folder.join(&name);
        if path.exists() {
            continue;
        }
        let partial = folder.join(format!(".{name}.part"));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = match options.open(&partial) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(failed(e)),
        };
        let written = std::io::Write::write_all(&mut file, bytes).and_then(|()| file.sync_all());
        drop(file);
        if let Err(e) = written.and_then(|()| std::fs::rename(&partial, &path)) {
            let _ = std::fs::remove_file(&partial);
            return Err(failed(e));
        }
        return Ok(path);
    }
    Err(VaultError::Backup {
        folder: folder.to_path_buf(),
        detail: "99 backups were already made this second".into(),
    })
}

/// `YYYYMMDD-HHMMSS` in UTC: names that sort by age.
fn stamp(unix: i64) -> String {
    let moment =
        time::OffsetDateTime::from_unix_timestamp(unix).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    format!(
        "{:04}{:02}{:02}-{:02}{:02}{:02}",
        moment.year(),
        u8::from(moment.month()),
        moment.day(),
        moment.hour(),
        moment.minute(),
        moment.second()
    )
}

/// Removes all but the newest `keep` automatic backups in `folder` (by name, which sorts by
/// time). Best effort: a file that cannot be removed stays.
fn prune(folder: &Path, keep: u32) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let mut backups: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| is_backup_name(path))
        .collect();
    backups.sort();
    let keep = usize::try_from(keep).unwrap_or(usize::MAX);
    let excess = backups.len().saturating_sub(keep);
    for old in backups.into_iter().take(excess) {
        let _ = std::fs::remove_file(old);
    }
}

/// Whether `path` is named as an automatic backup (and is a file, not a link or folder).
fn is_backup_name(path: &Path) -> bool {
    let named = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(FILE_PREFIX) && n.ends_with(".json"));
    named && std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_sort_by_time() {
        assert_eq!(stamp(0), "19700101-000000");
        assert_eq!(stamp(1_796_000_000), "20261130-005320");
        assert!(stamp(1_796_000_001) > stamp(1_796_000_000));
    }

    #[test]
    fn pruning_keeps_the_newest_and_touches_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        for stamp in [
            "20260101-000000-01",
            "20260102-000000-01",
            "20260102-000000-02",
        ] {
            std::fs::write(dir.path().join(format!("{FILE_PREFIX}{stamp}.json")), "{}").unwrap();
        }
        std::fs::write(dir.path().join("vigil-backup-2026-01-01.json"), "{}").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        prune(dir.path(), 2);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "notes.txt",
                "vigil-auto-backup-20260102-000000-01.json",
                "vigil-auto-backup-20260102-000000-02.json",
                "vigil-backup-2026-01-01.json",
            ]
        );
    }
}
