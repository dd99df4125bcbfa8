//! Configuration (issue 19, point 1): a setting from the config file reaches the running service,
//! `sqlite://path` makes a new database, secrets are refused as flags, a config file others can
//! read is refused, and `check-config` prints the effective settings with secrets redacted.

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use vigil_server::testing::{REVIEWER_KEY, SECRET_KEY, SITE_KEY};

use crate::support::{Backend, Harness, write_private, wrong_code};

/// The service's binary, with no `VIGIL_*` variable of this process.
fn server_command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vigil-server"));
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("VIGIL_") {
            command.env_remove(name);
        }
    }
    command
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_threshold_in_the_config_file_takes_effect() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("server.conf");
    write_private(&file, "VIGIL_FAILURES_BEFORE_BLOCK=2\n");
    let h = Harness::start_configured(Backend::Sqlite, false, |config| {
        config.config = Some(file.clone());
    })
    .await;
    let (id, secret) = h.enrol().await;
    h.sign_in(&id, &secret, "8.8.8.8").await;
    h.clock.advance(30);
    let wrong = wrong_code(&h, &secret);
    assert_eq!(h.verify(&id, &wrong, "8.8.8.8").await.status(), 401);
    assert_eq!(h.verify(&id, &wrong, "8.8.8.8").await.status(), 401);
    // The default would allow five; the file's two block the third.
    assert_eq!(h.verify(&id, &wrong, "8.8.8.8").await.status(), 429);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sqlite_url_without_a_mode_makes_a_new_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new").join("vigil.db");
    let url = format!("sqlite://{}", path.display());
    let h = Harness::start_configured(Backend::Sqlite, false, |config| {
        config.database_url = Some(url.clone());
    })
    .await;
    let (id, secret) = h.enrol().await;
    h.sign_in(&id, &secret, "8.8.8.8").await;
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn check_config_prints_the_effective_configuration_without_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("server.conf");
    write_private(
        &file,
        &format!(
            "VIGIL_SITE_KEY={SITE_KEY}\nVIGIL_REVIEWER_KEY={REVIEWER_KEY}\n\
             VIGIL_SECRET_KEY={SECRET_KEY}\nVIGIL_CHANGES_TO_REVIEW=2\n\
             VIGIL_DATABASE_URL=postgres://vigil:db-pass-word@127.0.0.1/vigil\n"
        ),
    );
    let output = server_command()
        .arg("check-config")
        .arg("--config")
        .arg(&file)
        .env("VIGIL_ISSUER", "Env Shop")
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(output.status.success(), "{text}");
    for secret in [SITE_KEY, REVIEWER_KEY, SECRET_KEY, "db-pass-word"] {
        assert!(!text.contains(secret), "{text}");
    }
    assert!(text.contains("VIGIL_SITE_KEY=<redacted>\n"), "{text}");
    assert!(text.contains("VIGIL_CHANGES_TO_REVIEW=2\n"), "{text}");
    assert!(text.contains("VIGIL_ISSUER=Env Shop\n"), "{text}");
    assert!(text.contains("VIGIL_FAILURES_TO_LOCK=100\n"), "{text}");
    assert!(text.contains("VIGIL_SMTP_URL is not set"), "{text}");

    // A missing key is a problem, exit status 2.
    write_private(
        &file,
        &format!(
            "VIGIL_SITE_KEY=short\nVIGIL_REVIEWER_KEY={REVIEWER_KEY}\nVIGIL_SECRET_KEY={SECRET_KEY}\n"
        ),
    );
    let output = server_command()
        .args(["check-config", "--config"])
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(2), "{text}");
    assert!(
        text.contains("# problem: VIGIL_SITE_KEY must be at least 16"),
        "{text}"
    );
}

#[test]
fn secrets_as_flags_and_open_config_files_are_refused() {
    let output = server_command()
        .args(["--site-key", SITE_KEY, "check-config"])
        .output()
        .unwrap();
    let error = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(2), "{error}");
    assert!(error.contains("--site-key is refused"), "{error}");
    assert!(!error.contains(SITE_KEY), "{error}");

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("server.conf");
    write_private(&file, &format!("VIGIL_SITE_KEY={SITE_KEY}\n"));
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let output = server_command()
        .arg("--config")
        .arg(&file)
        .arg("check-config")
        .output()
        .unwrap();
    let error = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(2), "{error}");
    assert!(error.contains("open to other users (mode 0644)"), "{error}");
}
