//! A vault with a private data directory and keychain service, and `secret-tool` to look behind
//! the vault's back.

use std::process::Command;

use vigil_core::{OtpParams, OtpUri, Secret};
use vigil_vault::{KeyringStore, Vault};

/// A vault on the real keychain under a service name no other test uses; its keychain items are
/// cleared when dropped.
pub struct TestVault {
    pub dir: tempfile::TempDir,
    pub service: String,
}

impl TestVault {
    pub fn new() -> Self {
        require_secret_service();
        let service = format!("vigil-test-{}", uuid_like());
        Self {
            dir: tempfile::tempdir().unwrap(),
            service,
        }
    }

    pub fn store(&self) -> KeyringStore {
        KeyringStore::new(self.service.clone())
    }

    pub fn open(&self) -> Vault {
        Vault::open(self.dir.path(), self.store()).unwrap()
    }

    /// The secret text stored for `id`, read with `secret-tool`, not through our code.
    pub fn lookup(&self, id: &str) -> Option<String> {
        let output = Command::new("secret-tool")
            .args(["lookup", "service", &self.service, "username", id])
            .output()
            .expect("secret-tool (package libsecret-tools) must be installed");
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
    }

    /// How many keychain items this vault's service has, counted with `secret-tool`.
    pub fn item_count(&self) -> usize {
        let output = Command::new("secret-tool")
            .args(["search", "--all", "--unlock", "service", &self.service])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr);
        text.lines().filter(|l| l.starts_with("secret = ")).count()
    }
}

impl Drop for TestVault {
    fn drop(&mut self) {
        let _ = Command::new("secret-tool")
            .args(["clear", "service", &self.service])
            .status();
    }
}

pub fn uri(issuer: &str, label: &str, secret: &str) -> OtpUri {
    OtpUri::new(
        issuer,
        label,
        Secret::from_base32(secret).unwrap(),
        OtpParams::totp(),
    )
}

fn uuid_like() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{}-{nanos}", std::process::id())
}

/// Fails with instructions when no Secret Service answers: these tests must not pass by skipping.
fn require_secret_service() {
    let status = Command::new("gdbus")
        .args([
            "introspect",
            "--session",
            "--dest",
            "org.freedesktop.secrets",
            "--object-path",
            "/org/freedesktop/secrets",
        ])
        .output();
    match status {
        Ok(output) if output.status.success() => {}
        _ => panic!(
            "no Secret Service on the session bus: run the tests with scripts/test \
             (or scripts/with-keyring cargo test)"
        ),
    }
}
