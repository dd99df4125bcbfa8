//! Accounts on the real Secret Service: secrets land there and nowhere else, failures lose nothing.

use vigil_core::{OtpParams, Secret};
use vigil_vault::{KeychainError, SecretStore, Vault, VaultError};

use crate::support::{TestVault, uri};

const ALICE: &str = "JBSWY3DPEHPK3PXP";

#[test]
fn add_list_code_rename_delete_on_the_real_keychain() {
    let test = TestVault::new();
    let mut vault = test.open();
    let account = vault.add(&uri("Shop", "alice@example.com", ALICE)).unwrap();
    // The secret is in the Secret Service, as base32, under the opaque id: read it with
    // secret-tool, not through keyring (which silently mocks without a platform feature).
    assert_eq!(test.lookup(account.id.as_str()).as_deref(), Some(ALICE));
    assert_eq!(vault.accounts().unwrap(), vec![account.clone()]);

    let secret = vault.secret(&account).unwrap();
    let expected = OtpParams::totp().code_at(&Secret::from_base32(ALICE).unwrap(), 1_700_000_000);
    assert_eq!(account.params.code_at(&secret, 1_700_000_000), expected);

    let renamed = vault.rename(&account.id, "Shop Ltd", "alice").unwrap();
    assert_eq!(renamed.display_name(), "Shop Ltd (alice)");
    assert_eq!(test.lookup(account.id.as_str()).as_deref(), Some(ALICE));

    // Another vault object (as another process would) sees the same.
    assert_eq!(test.open().accounts().unwrap(), vec![renamed]);

    vault.remove(&account.id).unwrap();
    assert_eq!(test.lookup(account.id.as_str()), None);
    assert!(vault.accounts().unwrap().is_empty());
}

#[test]
fn no_secret_in_any_file_of_the_data_directory() {
    let test = TestVault::new();
    let mut vault = test.open();
    let secrets = [
        "JBSWY3DPEHPK3PXP",
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
        "KRUGS4ZANFZSA5DIMUQHIZLTOQQSA3LFONZWCZ3F",
    ];
    for (i, secret) in secrets.iter().enumerate() {
        vault
            .add(&uri(&format!("Issuer{i}"), "me", secret))
            .unwrap();
    }
    drop(vault);
    let mut files = 0;
    for entry in std::fs::read_dir(test.dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        files += 1;
        for secret in secrets {
            let raw = Secret::from_base32(secret).unwrap();
            let lower = secret.to_lowercase();
            for needle in [secret.as_bytes(), lower.as_bytes(), raw.as_bytes()] {
                assert!(
                    !bytes.windows(needle.len()).any(|w| w == needle),
                    "a secret is in {}",
                    path.display()
                );
            }
        }
    }
    assert!(files >= 1);
}

/// A store that forwards to the real keychain but refuses to store.
struct RefusingStore(vigil_vault::KeyringStore);

impl SecretStore for RefusingStore {
    fn put(&self, _: &str, _: &Secret) -> Result<(), KeychainError> {
        Err(KeychainError::Unavailable("injected failure".into()))
    }
    fn get(&self, id: &str) -> Result<Option<Secret>, KeychainError> {
        self.0.get(id)
    }
    fn delete(&self, id: &str) -> Result<(), KeychainError> {
        self.0.delete(id)
    }
}

#[test]
fn keychain_failure_mid_add_leaves_no_row() {
    let test = TestVault::new();
    let kept = test.open().add(&uri("Shop", "alice", ALICE)).unwrap();
    let mut vault = Vault::open(test.dir.path(), RefusingStore(test.store())).unwrap();
    let error = vault
        .add(&uri("Bank", "bob", "GEZDGNBVGY3TQOJQ"))
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "The system keychain is not available: injected failure; start a Secret Service such as gnome-keyring"
    );
    assert_eq!(vault.accounts().unwrap(), vec![kept.clone()]);
    assert_eq!(test.item_count(), 1);
    assert_eq!(test.lookup(kept.id.as_str()).as_deref(), Some(ALICE));
}

#[test]
fn row_failure_after_the_secret_is_written_removes_the_secret() {
    let test = TestVault::new();
    let mut vault = test.open();
    vault.add(&uri("Shop", "alice", ALICE)).unwrap();
    // Make every insert fail, as a full disk would, from another connection.
    let db = rusqlite_connection(&test);
    db.execute_batch(
        "CREATE TRIGGER refuse BEFORE INSERT ON accounts BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
    )
    .unwrap();
    let error = vault
        .add(&uri("Bank", "bob", "GEZDGNBVGY3TQOJQ"))
        .unwrap_err();
    assert!(matches!(error, VaultError::Database { .. }), "{error}");
    assert!(error.to_string().contains("disk full"));
    assert_eq!(
        test.item_count(),
        1,
        "the new secret must have been removed again"
    );
    assert_eq!(vault.accounts().unwrap().len(), 1);
}

/// Raw SQL on the vault's file, behind the vault's back.
fn rusqlite_connection(test: &TestVault) -> rusqlite::Connection {
    rusqlite::Connection::open(test.dir.path().join("vault.sqlite3")).unwrap()
}

#[test]
fn orphans_are_reported_not_fatal() {
    let test = TestVault::new();
    let mut vault = test.open();
    let a = vault.add(&uri("Shop", "alice", ALICE)).unwrap();
    let b = vault.add(&uri("Bank", "bob", "GEZDGNBVGY3TQOJQ")).unwrap();
    let status = std::process::Command::new("secret-tool")
        .args(["clear", "service", &test.service, "username", a.id.as_str()])
        .status()
        .unwrap();
    assert!(status.success());
    let unlocked = test.open().unlock().unwrap();
    assert_eq!(unlocked.orphans, vec![a.id.clone()]);
    assert_eq!(unlocked.secrets.len(), 1);
    assert!(unlocked.secrets.contains_key(&b.id));
    let error = vault.secret(&a).unwrap_err();
    assert_eq!(
        error.to_string(),
        "The secret of Shop (alice) is missing from the system keychain"
    );
}

#[test]
fn batch_read_matches_one_by_one() {
    let test = TestVault::new();
    let mut vault = test.open();
    let mut ids = Vec::new();
    for i in 0..12u8 {
        let secret = Secret::from_bytes(vec![i; 20]);
        let mut account = uri(&format!("Issuer {i}"), "me", ALICE);
        account.secret = secret;
        ids.push(vault.add(&account).unwrap().id);
    }
    let unlocked = vault.unlock().unwrap();
    assert!(unlocked.orphans.is_empty());
    let store = test.store();
    for id in &ids {
        assert_eq!(
            store.get(id.as_str()).unwrap().as_ref(),
            unlocked.secrets.get(id)
        );
    }
}

/// Runs the ignored test `name` of this binary in a child process (through `wrapper` if given),
/// with its environment set by `configure`, and checks that it ran to its end.
fn run_child(
    wrapper: Option<&std::path::Path>,
    name: &str,
    configure: impl FnOnce(&mut std::process::Command),
) {
    let exe = std::env::current_exe().unwrap();
    let mut command = match wrapper {
        Some(wrapper) => {
            let mut command = std::process::Command::new(wrapper);
            command.arg(&exe);
            command
        }
        None => std::process::Command::new(&exe),
    };
    command.args(["--exact", name, "--nocapture", "--include-ignored"]);
    configure(&mut command);
    let output = command.output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{text}");
    assert!(text.contains("CHILD OK"), "{text}");
}

#[test]
fn no_secret_service_gives_one_clear_error_and_loses_nothing() {
    let test = TestVault::new();
    let kept = test.open().add(&uri("Shop", "alice", ALICE)).unwrap();
    run_child(None, "keychain::child_without_a_bus", |child| {
        child
            .env(
                "DBUS_SESSION_BUS_ADDRESS",
                "unix:path=/nonexistent/vigil-test-bus",
            )
            .env("VIGIL_TEST_DIR", test.dir.path())
            .env("VIGIL_TEST_SERVICE", &test.service);
    });
    assert_eq!(test.open().accounts().unwrap(), vec![kept.clone()]);
    assert_eq!(test.lookup(kept.id.as_str()).as_deref(), Some(ALICE));
}

/// Runs in a child process whose session bus does not exist (see the test above).
#[test]
#[ignore = "run by no_secret_service_gives_one_clear_error_and_loses_nothing"]
fn child_without_a_bus() {
    let Ok(dir) = std::env::var("VIGIL_TEST_DIR") else {
        return;
    };
    let service = std::env::var("VIGIL_TEST_SERVICE").unwrap();
    let mut vault = Vault::open(
        std::path::Path::new(&dir),
        vigil_vault::KeyringStore::new(service),
    )
    .unwrap();
    let error = vault
        .add(&uri("Bank", "bob", "GEZDGNBVGY3TQOJQ"))
        .unwrap_err();
    let text = error.to_string();
    assert!(
        text.starts_with("The system keychain is not available: "),
        "{text}"
    );
    assert!(
        text.ends_with("; start a Secret Service such as gnome-keyring"),
        "{text}"
    );
    assert!(matches!(
        vault.unlock(),
        Err(VaultError::KeychainUnavailable(_))
    ));
    let account = vault.accounts().unwrap().remove(0);
    assert!(matches!(
        vault.remove(&account.id),
        Err(VaultError::KeychainUnavailable(_))
    ));
    assert_eq!(vault.accounts().unwrap().len(), 1);
    println!("CHILD OK");
}

#[test]
fn locked_keychain_gives_a_clear_error_and_loses_nothing() {
    // Locking the collection would disturb the other tests sharing this keyring, so the check
    // runs in a child with a keyring of its own (and no display, so no unlock prompt can appear).
    let with_keyring =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/with-keyring");
    run_child(Some(&with_keyring), "keychain::child_locked", |child| {
        child
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env("VIGIL_TEST_LOCKED", "1");
    });
}

/// Runs in a child with a private keyring (see the test above).
#[test]
#[ignore = "run by locked_keychain_gives_a_clear_error_and_loses_nothing"]
fn child_locked() {
    if std::env::var_os("VIGIL_TEST_LOCKED").is_none() {
        return;
    }
    let test = TestVault::new();
    let mut vault = test.open();
    let kept = vault.add(&uri("Shop", "alice", ALICE)).unwrap();
    let locked = std::process::Command::new("gdbus")
        .args(["call", "--session", "--dest", "org.freedesktop.secrets"])
        .args(["--object-path", "/org/freedesktop/secrets"])
        .args(["--method", "org.freedesktop.Secret.Service.Lock"])
        .arg("['/org/freedesktop/secrets/collection/login']")
        .status()
        .unwrap();
    assert!(locked.success());
    let message =
        "The system keychain is locked; unlock it (log in to your desktop session) and try again";
    let error = vault
        .add(&uri("Bank", "bob", "GEZDGNBVGY3TQOJQ"))
        .unwrap_err();
    assert_eq!(error.to_string(), message);
    assert!(matches!(vault.unlock(), Err(VaultError::KeychainLocked)));
    let read = vault.secret(&kept).map(|_| ()).unwrap_err();
    assert!(matches!(read, VaultError::KeychainLocked), "{read}");
    assert_eq!(vault.accounts().unwrap(), vec![kept]);
    println!("CHILD OK");
}

#[test]
fn an_item_left_behind_by_a_crash_is_swept_from_the_real_keychain_on_open() {
    let test = TestVault::new();
    let account = test
        .open()
        .add(&uri("Shop", "alice@example.com", ALICE))
        .unwrap();
    let tag = account.id.as_str().split('-').next().unwrap().to_owned();
    // A secret this vault made whose row never landed, and one of another vault on the service.
    let lost = format!("{tag}-lost-in-a-crash");
    let store = test.store();
    let secret = Secret::from_base32(ALICE).unwrap();
    store.put(&lost, &secret).unwrap();
    store.put("0badc0de-another-vault", &secret).unwrap();
    let mut listed = store
        .ids()
        .unwrap()
        .expect("the Secret Service lists items");
    listed.sort();
    assert_eq!(listed.len(), 3, "{listed:?}");

    let vault = test.open();
    assert_eq!(test.lookup(&lost), None, "swept");
    assert_eq!(
        test.lookup("0badc0de-another-vault").as_deref(),
        Some(ALICE)
    );
    assert_eq!(test.lookup(account.id.as_str()).as_deref(), Some(ALICE));
    assert_eq!(vault.accounts().unwrap(), vec![account]);
}
