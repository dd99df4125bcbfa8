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
                "UPDATE accounts SET deleting = 1 WHERE id = ?1",
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
