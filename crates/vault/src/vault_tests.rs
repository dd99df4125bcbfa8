//! Unit tests of the vault's logic over the in-memory store.

use super::*;
use crate::{KeychainError, MemoryStore};

fn uri(issuer: &str, label: &str, secret: &str) -> OtpUri {
    OtpUri::new(
        issuer,
        label,
        Secret::from_base32(secret).unwrap(),
        OtpParams::totp(),
    )
}

fn vault(store: &MemoryStore) -> (tempfile::TempDir, Vault<&MemoryStore>) {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), store).unwrap();
    (dir, vault)
}

/// Adds Shop (alice) and Bank (bob).
fn add_two(vault: &mut Vault<&MemoryStore>) -> (Account, Account) {
    let a = vault
        .add(&uri("Shop", "alice", "JBSWY3DPEHPK3PXP"))
        .unwrap();
    let b = vault.add(&uri("Bank", "bob", "GEZDGNBVGY3TQOJQ")).unwrap();
    (a, b)
}

#[test]
fn add_list_rename_reorder_remove() {
    let store = MemoryStore::new();
    let (_dir, mut vault) = vault(&store);
    let (a, b) = add_two(&mut vault);
    assert_eq!(vault.accounts().unwrap(), vec![a.clone(), b.clone()]);
    vault.reorder(&[b.id.clone(), a.id.clone()]).unwrap();
    let names: Vec<String> = vault
        .accounts()
        .unwrap()
        .iter()
        .map(|a| a.issuer.clone())
        .collect();
    assert_eq!(names, ["Bank", "Shop"]);
    assert!(matches!(
        vault.reorder(std::slice::from_ref(&a.id)),
        Err(VaultError::BadOrder)
    ));
    let renamed = vault
        .rename(&a.id, "Shop Ltd", "alice@example.com")
        .unwrap();
    assert_eq!(renamed.display_name(), "Shop Ltd (alice@example.com)");
    vault.remove(&a.id).unwrap();
    assert_eq!(vault.accounts().unwrap().len(), 1);
    assert_eq!(store.len(), 1);
    assert!(matches!(vault.remove(&a.id), Err(VaultError::NotFound(_))));
}

#[test]
fn pinned_accounts_list_first_and_move_within_their_group() {
    let store = MemoryStore::new();
    let (_dir, mut vault) = vault(&store);
    let (shop, bank) = add_two(&mut vault);
    let mail = vault
        .add(&uri("Mail", "carol", "KRUGS4ZANFZSA5DI"))
        .unwrap();
    let issuers = |vault: &Vault<&MemoryStore>| -> Vec<String> {
        vault
            .accounts()
            .unwrap()
            .into_iter()
            .map(|a| a.issuer)
            .collect()
    };
    assert_eq!(issuers(&vault), ["Shop", "Bank", "Mail"]);
    // Pinning moves an account to the pinned group at the top, for every front end.
    vault.set_favourite(&mail.id, true).unwrap();
    assert_eq!(issuers(&vault), ["Mail", "Shop", "Bank"]);
    // Moving stays within the group: Mail is alone among the pinned, Shop cannot pass it.
    vault.move_within_group(&mail.id, 1).unwrap();
    vault.move_within_group(&shop.id, -1).unwrap();
    assert_eq!(issuers(&vault), ["Mail", "Shop", "Bank"]);
    vault.move_within_group(&bank.id, -1).unwrap();
    assert_eq!(issuers(&vault), ["Mail", "Bank", "Shop"]);
    vault.move_within_group(&bank.id, 5).unwrap();
    assert_eq!(issuers(&vault), ["Mail", "Shop", "Bank"]);
    vault.move_within_group(&bank.id, 1).unwrap();
    assert_eq!(
        issuers(&vault),
        ["Mail", "Shop", "Bank"],
        "the last stays last"
    );
    assert!(matches!(
        vault.move_within_group(&AccountId::new("nobody"), 1),
        Err(VaultError::NotFound(_))
    ));
}

#[test]
fn refuses_duplicates_naming_the_account() {
    let store = MemoryStore::new();
    let (_dir, mut vault) = vault(&store);
    vault
        .add(&uri("Shop", "alice", "JBSWY3DPEHPK3PXP"))
        .unwrap();
    let error = vault
        .add(&uri("shop", "Alice", "jbswy3dpehpk3pxp"))
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "Shop (alice) is already in Vigil with the same secret"
    );
    // Same names with another secret is a different account.
    vault
        .add(&uri("Shop", "alice", "GEZDGNBVGY3TQOJQ"))
        .unwrap();
}

#[test]
fn keychain_failure_leaves_no_row_and_loses_nothing() {
    let store = MemoryStore::new();
    let (_dir, mut vault) = vault(&store);
    let kept = vault
        .add(&uri("Shop", "alice", "JBSWY3DPEHPK3PXP"))
        .unwrap();
    store.fail_with(Some(KeychainError::Unavailable("no D-Bus".into())));
    let error = vault
        .add(&uri("Bank", "bob", "GEZDGNBVGY3TQOJQ"))
        .unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("The system keychain is not available: ")
    );
    assert!(matches!(
        vault.remove(&kept.id),
        Err(VaultError::KeychainUnavailable(_))
    ));
    store.fail_with(None);
    assert_eq!(vault.accounts().unwrap(), vec![kept.clone()]);
    assert!(vault.secret(&kept).is_ok());
}

#[test]
fn hotp_counter_advances() {
    let store = MemoryStore::new();
    let (_dir, mut vault) = vault(&store);
    let mut hotp = uri("Bank", "bob", "GEZDGNBVGY3TQOJQ");
    hotp.params = OtpParams::hotp(5);
    let account = vault.add(&hotp).unwrap();
    assert_eq!(
        vault.advance_counter(&account.id).unwrap().params.counter,
        6
    );
    let totp = vault
        .add(&uri("Shop", "alice", "JBSWY3DPEHPK3PXP"))
        .unwrap();
    assert!(vault.advance_counter(&totp.id).is_err());
}

#[test]
fn orphans_are_reported() {
    let store = MemoryStore::new();
    let (_dir, mut vault) = vault(&store);
    let (a, b) = add_two(&mut vault);
    store.delete(a.id.as_str()).unwrap();
    let unlocked = vault.unlock().unwrap();
    assert_eq!(unlocked.orphans, vec![a.id.clone()]);
    assert!(unlocked.secrets.contains_key(&b.id));
    assert!(matches!(
        vault.secret(&a),
        Err(VaultError::MissingSecret { .. })
    ));
}

#[test]
fn interrupted_removal_is_finished_on_open() {
    let store = MemoryStore::new();
    let dir = tempfile::tempdir().unwrap();
    {
        let mut vault = Vault::open(dir.path(), &store).unwrap();
        let a = vault
            .add(&uri("Shop", "alice", "JBSWY3DPEHPK3PXP"))
            .unwrap();
        vault
            .connection
            .execute(
                "UPDATE accounts SET pending = 1, pending_at = 0 WHERE id = ?1",
                [a.id.as_str()],
            )
            .unwrap();
    }
    let vault = Vault::open(dir.path(), &store).unwrap();
    assert!(vault.accounts().unwrap().is_empty());
    assert!(store.is_empty());
}

#[test]
fn corrupt_database_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("vault.sqlite3"),
        b"this is not a database at all, no",
    )
    .unwrap();
    let error = Vault::open(dir.path(), MemoryStore::new()).err().unwrap();
    let text = error.to_string();
    assert!(text.contains("cannot be used"), "{text}");
    assert!(
        text.contains("secrets are still in the system keychain"),
        "{text}"
    );
}

#[test]
fn an_addition_cut_short_by_a_crash_leaves_no_invisible_secret() {
    let store = MemoryStore::new();
    let dir = tempfile::tempdir().unwrap();
    {
        let mut vault = Vault::open(dir.path(), &store).unwrap();
        add_two(&mut vault);
        // A crash after the keychain write, before the row's mark was cleared.
        vault
            .connection
            .execute("UPDATE accounts SET pending = 2 WHERE issuer = 'Bank'", [])
            .unwrap();
        assert_eq!(
            vault.accounts().unwrap().len(),
            1,
            "the pending row is hidden"
        );
        assert_eq!(store.len(), 2);
    }
    // Just now, it may be another process's addition under way: left alone.
    let vault = Vault::open(dir.path(), &store).unwrap();
    assert_eq!(store.len(), 2, "a recent addition may be another process's");
    // Long ago, it was cut short by a crash: undone.
    vault
        .connection
        .execute(
            "UPDATE accounts SET pending_at = 0 WHERE issuer = 'Bank'",
            [],
        )
        .unwrap();
    drop(vault);
    let vault = Vault::open(dir.path(), &store).unwrap();
    assert_eq!(vault.accounts().unwrap().len(), 1);
    assert_eq!(store.len(), 1, "the half-added secret is gone with its row");
    let remaining: i64 = vault
        .connection
        .query_row("SELECT COUNT(*) FROM accounts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(remaining, 1);
}

#[test]
fn opening_sweeps_this_vault_s_unnamed_items_and_leaves_others_alone() {
    let store = MemoryStore::new();
    let dir = tempfile::tempdir().unwrap();
    let (tag, kept) = {
        let mut vault = Vault::open(dir.path(), &store).unwrap();
        let (shop, _) = add_two(&mut vault);
        (vault.tag.clone(), shop)
    };
    assert!(
        kept.id.as_str().starts_with(&format!("{tag}-")),
        "{}",
        kept.id
    );
    let secret = Secret::from_base32("JBSWY3DPEHPK3PXP").unwrap();
    // An item this vault made that no row names (left by an older version's crash)...
    store.put(&format!("{tag}-lost"), &secret).unwrap();
    // ...another vault's item under the same service, and an untagged one from before tags.
    store.put("0badc0de-other-vault", &secret).unwrap();
    store
        .put("2f1c9a7e-5b0d-4d51-9a55-3c2b1e0f9d10", &secret)
        .unwrap();
    assert_eq!(store.len(), 5);
    let vault = Vault::open(dir.path(), &store).unwrap();
    assert_eq!(store.len(), 4, "only this vault's unnamed item goes");
    assert!(store.get(&format!("{tag}-lost")).unwrap().is_none());
    assert!(store.get("0badc0de-other-vault").unwrap().is_some());
    assert_eq!(vault.accounts().unwrap().len(), 2);
    assert!(vault.secret(&kept).is_ok());
}

#[cfg(unix)]
#[test]
fn the_data_directory_and_database_are_made_private_even_when_they_existed() {
    use std::os::unix::fs::PermissionsExt;
    let store = MemoryStore::new();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::write(data.join("vault.sqlite3"), b"").unwrap();
    std::fs::set_permissions(
        data.join("vault.sqlite3"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    let mut vault = Vault::open(&data, &store).unwrap();
    add_two(&mut vault);
    let mode =
        |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    for file in ["vault.sqlite3", "vault.sqlite3-wal", "vault.sqlite3-shm"] {
        let path = data.join(file);
        if path.exists() {
            assert_eq!(mode(&path), 0o600, "{file}");
        }
    }
}

#[test]
fn groups_are_kept_trimmed_without_repeats_and_a_damaged_list_hides_nothing() {
    let store = MemoryStore::new();
    let (_dir, mut vault) = vault(&store);
    let (shop, bank) = add_two(&mut vault);
    assert!(shop.groups.is_empty());
    let groups = [
        " Work ".to_owned(),
        "Work".to_owned(),
        String::new(),
        "Shops".to_owned(),
    ];
    let shop = vault.set_groups(&shop.id, &groups).unwrap();
    assert_eq!(shop.groups, ["Work", "Shops"]);
    assert_eq!(vault.account(&shop.id).unwrap().groups, ["Work", "Shops"]);
    vault
        .connection
        .execute(
            "UPDATE accounts SET groups = 'not json' WHERE id = ?1",
            [bank.id.as_str()],
        )
        .unwrap();
    let listed = vault.accounts().unwrap();
    assert_eq!(listed.len(), 2);
    assert!(
        listed
            .iter()
            .find(|a| a.id == bank.id)
            .unwrap()
            .groups
            .is_empty()
    );
}

/// The accounts an automatic backup holds, opened with `password` by the importer.
fn backup_names(path: &Path, password: &str) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    let password = vigil_core::Sensitive::new(password.to_owned());
    let imported = vigil_core::import::import(&bytes, Some(&password), None).unwrap();
    imported
        .accounts
        .iter()
        .map(|a| format!("{} {}", a.uri.issuer, a.uri.label))
        .collect()
}

fn backup_files(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn automatic_backups_follow_changes_keep_the_newest_and_open_with_the_password() {
    let store = MemoryStore::new();
    let (dir, mut vault) = vault(&store);
    let (a, _b) = add_two(&mut vault);
    assert_eq!(
        vault.backup_if_changed().unwrap(),
        None,
        "off until turned on"
    );
    assert_eq!(
        vault.backup_status().unwrap(),
        crate::BackupStatus::default()
    );

    let folder = dir.path().join("backups");
    let settings = crate::BackupSettings {
        folder: folder.clone(),
        keep: 3,
    };
    let password = vigil_core::Sensitive::new("correct horse".to_owned());
    let first = vault.enable_backups(&settings, Some(&password)).unwrap();
    assert_eq!(
        backup_names(&first, "correct horse"),
        ["Shop alice", "Bank bob"]
    );
    assert!(
        !std::fs::read_to_string(&first)
            .unwrap()
            .contains("JBSWY3DP"),
        "never in the clear"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&first).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert_eq!(vault.backup_if_changed().unwrap(), None, "nothing changed");

    vault.rename(&a.id, "Shop Ltd", "alice").unwrap();
    let second = vault
        .backup_if_changed()
        .unwrap()
        .expect("a change is backed up");
    assert_ne!(second, first);
    assert_eq!(
        backup_names(&second, "correct horse"),
        ["Shop Ltd alice", "Bank bob"]
    );

    // A change made by another process (here, another connection) is seen too.
    let other = Vault::open(dir.path(), &store).unwrap();
    other
        .connection
        .execute("UPDATE accounts SET favourite = 1", [])
        .unwrap();
    for _ in 0..3 {
        vault.set_favourite(&a.id, false).unwrap();
        assert!(vault.backup_if_changed().unwrap().is_some());
    }
    let files = backup_files(&folder);
    assert_eq!(files.len(), 3, "the newest three are kept: {files:?}");
    let status = vault.backup_status().unwrap();
    assert_eq!(status.settings, Some(settings));
    assert_eq!(
        status
            .last_file
            .as_deref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned()),
        files.last().cloned()
    );
    assert!(status.last_at.is_some() && status.last_error.is_none());

    // Reopening (which sweeps the keychain of unnamed items) keeps the password.
    drop(other);
    drop(vault);
    let mut vault = Vault::open(dir.path(), &store).unwrap();
    vault.remove(&a.id).unwrap();
    let after = vault.backup_if_changed().unwrap().expect("backed up");
    assert_eq!(backup_names(&after, "correct horse"), ["Bank bob"]);

    vault.disable_backups().unwrap();
    assert_eq!(vault.backup_status().unwrap().settings, None);
    vault.rename(&_b.id, "Bank", "robert").unwrap();
    assert_eq!(vault.backup_if_changed().unwrap(), None, "off again");
    assert_eq!(
        store.len(),
        1,
        "the password left the keychain; the secret stayed"
    );
}

#[test]
fn a_failed_backup_is_recorded_and_the_next_change_tries_again() {
    let store = MemoryStore::new();
    let (dir, mut vault) = vault(&store);
    let (a, _) = add_two(&mut vault);
    // The folder's place is taken by a file: no backup can be written there.
    let folder = dir.path().join("taken");
    std::fs::write(&folder, "a file").unwrap();
    let settings = crate::BackupSettings {
        folder: folder.clone(),
        keep: 10,
    };
    let password = vigil_core::Sensitive::new("correct horse".to_owned());
    let error = vault
        .enable_backups(&settings, Some(&password))
        .unwrap_err();
    assert!(matches!(error, VaultError::Backup { .. }), "{error}");
    let status = vault.backup_status().unwrap();
    let shown = status.last_error.expect("the failure is kept for Settings");
    assert!(shown.contains("taken"), "{shown}");
    assert!(status.last_at.is_none());

    std::fs::remove_file(&folder).unwrap();
    vault.rename(&a.id, "Shop", "alice2").unwrap();
    let path = vault.backup_if_changed().unwrap().expect("tried again");
    assert!(path.starts_with(&folder));
    assert_eq!(vault.backup_status().unwrap().last_error, None);
}

#[test]
fn backup_settings_are_checked_before_anything_is_kept() {
    let store = MemoryStore::new();
    let (dir, mut vault) = vault(&store);
    add_two(&mut vault);
    let good = crate::BackupSettings {
        folder: dir.path().join("b"),
        keep: 10,
    };
    let short = vigil_core::Sensitive::new("short".to_owned());
    let long = vigil_core::Sensitive::new("long enough".to_owned());
    let refused = |result: Result<PathBuf, VaultError>, words: &str| {
        let error = result.unwrap_err().to_string();
        assert!(error.contains(words), "{error}");
    };
    refused(
        vault.enable_backups(&good, Some(&short)),
        "at least 8 characters",
    );
    refused(vault.enable_backups(&good, None), "choose a password");
    let relative = crate::BackupSettings {
        folder: PathBuf::from("backups"),
        keep: 10,
    };
    refused(vault.enable_backups(&relative, Some(&long)), "full path");
    let none_kept = crate::BackupSettings {
        keep: 0,
        ..good.clone()
    };
    refused(
        vault.enable_backups(&none_kept, Some(&long)),
        "between 1 and",
    );
    assert_eq!(vault.backup_status().unwrap().settings, None);
    assert_eq!(store.len(), 2, "no password was kept");
    // Once a password is kept, changing the folder or count needs none.
    vault.enable_backups(&good, Some(&long)).unwrap();
    let moved = crate::BackupSettings {
        folder: dir.path().join("c"),
        keep: 2,
    };
    let path = vault.enable_backups(&moved, None).unwrap();
    assert_eq!(backup_names(&path, "long enough").len(), 2);
}

#[test]
fn using_an_account_is_remembered_but_is_not_a_change_to_back_up() {
    let store = MemoryStore::new();
    let (dir, mut vault) = vault(&store);
    let (a, _) = add_two(&mut vault);
    assert_eq!(vault.account(&a.id).unwrap().last_used, 0);
    let settings = crate::BackupSettings {
        folder: dir.path().join("b"),
        keep: 10,
    };
    let password = vigil_core::Sensitive::new("long enough".to_owned());
    vault.enable_backups(&settings, Some(&password)).unwrap();
    vault.mark_used(&a.id).unwrap();
    assert!(vault.account(&a.id).unwrap().last_used > 0);
    assert_eq!(vault.backup_if_changed().unwrap(), None);
    vault.remove(&a.id).unwrap();
    assert!(matches!(
        vault.mark_used(&a.id),
        Err(VaultError::NotFound(_))
    ));
}

#[test]
fn a_keychain_without_a_default_collection_is_asked_to_make_one_when_adding() {
    let store = MemoryStore::new();
    let (_dir, mut vault) = vault(&store);
    store.fail_with(Some(KeychainError::NoCollection));
    let added = vault
        .add(&uri("Shop", "alice", "JBSWY3DPEHPK3PXP"))
        .unwrap();
    assert_eq!(store.len(), 1, "stored once the collection was made");
    assert_eq!(vault.accounts().unwrap(), vec![added]);
    // Locked is not worked around here (the desktop prompts on writes by itself).
    store.fail_with(Some(KeychainError::Locked));
    assert!(matches!(
        vault.add(&uri("Bank", "bob", "GEZDGNBVGY3TQOJQ")),
        Err(VaultError::KeychainLocked)
    ));
    assert_eq!(vault.accounts().unwrap().len(), 1, "nothing half-added");
}

#[test]
fn an_icon_choice_is_kept_and_is_not_a_change_to_back_up() {
    let store = MemoryStore::new();
    let (dir, mut vault) = vault(&store);
    let (shop, _bank) = add_two(&mut vault);
    assert_eq!(vault.account(&shop.id).unwrap().icon, IconChoice::Automatic);
    let settings = crate::BackupSettings {
        folder: dir.path().join("b"),
        keep: 10,
    };
    let password = vigil_core::Sensitive::new("long enough".to_owned());
    vault.enable_backups(&settings, Some(&password)).unwrap();
    for choice in [
        IconChoice::Initial,
        IconChoice::Named("github".into()),
        IconChoice::Automatic,
    ] {
        vault.set_icon(&shop.id, &choice).unwrap();
        assert_eq!(vault.account(&shop.id).unwrap().icon, choice);
    }
    assert_eq!(
        vault.backup_if_changed().unwrap(),
        None,
        "icons are not in backups"
    );
    assert!(matches!(
        vault.set_icon(&AccountId::new("nobody"), &IconChoice::Initial),
        Err(VaultError::NotFound(_))
    ));
}

#[test]
fn the_app_lock_keeps_only_a_hash_in_the_keychain_and_checks_the_password() {
    let store = MemoryStore::new();
    let (_dir, mut vault) = vault(&store);
    let (shop, _) = add_two(&mut vault);
    let password = |p: &str| vigil_core::Sensitive::new(p.to_owned());
    assert!(!vault.app_lock_on().unwrap());
    assert!(vault.app_lock_opens(&password("anything")).unwrap());
    assert!(matches!(
        vault.set_app_lock(&password("short")),
        Err(VaultError::AppLock(_))
    ));
    vault.set_app_lock(&password("open sesame")).unwrap();
    assert!(vault.app_lock_on().unwrap());
    assert!(vault.app_lock_opens(&password("open sesame")).unwrap());
    assert!(!vault.app_lock_opens(&password("open sesamE")).unwrap());
    let stored = store
        .get(&format!("{}.app-lock", vault.tag))
        .unwrap()
        .unwrap();
    let text = std::str::from_utf8(stored.as_bytes()).unwrap();
    assert!(text.starts_with("$argon2id$"), "a hash, not the password");
    assert!(!text.contains("open sesame"));
    // Opening the vault again (the sweep of unnamed items) keeps it; accounts are untouched.
    vault.unlock().unwrap();
    assert!(vault.app_lock_on().unwrap());
    assert!(vault.account(&shop.id).is_ok());
    vault.remove_app_lock().unwrap();
    assert!(!vault.app_lock_on().unwrap());
}
