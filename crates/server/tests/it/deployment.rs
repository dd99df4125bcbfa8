//! Deployment (issue 19, point 6): the systemd unit passes `systemd-analyze verify`, and
//! `vigil-server reseal` rotates `VIGIL_SECRET_KEY`: afterwards the old key is refused, the new
//! one opens every secret and document.

use std::path::Path;
use std::process::Command;

use serde_json::json;
use vigil_core::Sensitive;
use vigil_server::testing::{REVIEWER_KEY, SECRET_KEY, SITE_KEY};
use vigil_server::{Clock, StartError};

use crate::each_backend;
use crate::support::{Backend, Harness, config_for};

const NEW_KEY: &str = "9f1c2e3d4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
const PASSPORT: &[u8] = b"%PDF-1.7\npassport number X11223344\n%%EOF\n";

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

async fn reseal_case(backend: Backend) {
    let mut h = Harness::start(backend.clone()).await;
    let (id, secret) = h.enrol().await;
    // A document (taken while the account is locked by the customer's "not mine").
    let (_, event) = h.event(&id, json!({"kind": "email_changed"})).await;
    let event_id = event["event_id"].as_str().unwrap().to_owned();
    assert_eq!(h.verdict(&secret, &id, &event_id, "not_mine").await.0, 200);
    let path = format!("/v1/feed/{id}/documents");
    let uploaded = h
        .signed(&secret, &id, "POST", &path, PASSPORT, 0, None)
        .await;
    assert_eq!(uploaded.status(), 201);
    let document_id = uploaded.json::<serde_json::Value>().await.unwrap()["document_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (other, other_secret) = h.enrol().await;
    let server = h.service.server.take().unwrap();
    server.stop().await.unwrap();

    let config = config_for(&backend, h.service.dir.path(), None);
    let url = config.database_url().unwrap();
    let reseal = |old: &str| {
        server_command()
            .arg("reseal")
            .env("VIGIL_DATABASE_URL", &url)
            .env("VIGIL_SECRET_KEY", old)
            .env("VIGIL_NEW_SECRET_KEY", NEW_KEY)
            .output()
            .unwrap()
    };
    // A wrong old key changes nothing.
    let wrong = reseal("0000000000000000000000000000000000000000000000000000000000000001");
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&wrong.stderr).contains("Nothing was changed"),
        "{}",
        String::from_utf8_lossy(&wrong.stderr)
    );
    let done = reseal(SECRET_KEY);
    let said = String::from_utf8_lossy(&done.stdout);
    assert!(
        done.status.success(),
        "{said} {}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert!(
        said.contains("re-sealed 2 secrets and 1 documents"),
        "{said}"
    );
    // Run twice: nothing more to do, nothing broken.
    let again = reseal(SECRET_KEY);
    assert!(String::from_utf8_lossy(&again.stdout).contains("(3 already were)"));

    // The old key is refused now.
    let old = vigil_server::start(config.clone(), Clock::system()).await;
    assert!(matches!(old, Err(StartError::SecretKey(_))), "{old:?}");
    // The new key opens everything.
    let mut config = config;
    config.secret_key = Some(Sensitive::new(NEW_KEY.to_owned()));
    h.service.restart(config).await;
    h.sign_in(&other, &other_secret, "8.8.8.8").await;
    let download = h
        .reviewer(
            reqwest::Method::GET,
            &format!("/v1/review/accounts/{id}/documents/{document_id}"),
            None,
        )
        .await;
    assert_eq!(download.status(), 200);
    assert_eq!(download.bytes().await.unwrap().as_ref(), PASSPORT);
}
each_backend!(reseal_rotates_the_secret_key, reseal_case);

#[test]
fn the_systemd_unit_is_sandboxed_and_verifies() {
    let unit_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../packaging/systemd/vigil-server.service");
    let unit = std::fs::read_to_string(&unit_path).unwrap();
    for line in [
        "ProtectSystem=strict",
        "NoNewPrivileges=yes",
        "DynamicUser=yes",
        "StateDirectory=vigil-server",
        "LoadCredential=vigil-server.conf:/etc/vigil-server/vigil-server.conf",
    ] {
        assert!(unit.lines().any(|l| l == line), "{line} missing");
    }
    // Verified as installed, with the binary where the unit says it is.
    let dir = tempfile::tempdir().unwrap();
    let installed = unit.replace("/usr/bin/vigil-server", env!("CARGO_BIN_EXE_vigil-server"));
    let copy = dir.path().join("vigil-server.service");
    std::fs::write(&copy, installed).unwrap();
    let output = Command::new("systemd-analyze")
        .args(["verify", "--man=no"])
        .arg(&copy)
        .output()
        .expect("systemd-analyze is installed (scripts/setup-system)");
    let said = String::from_utf8_lossy(&output.stderr).to_string()
        + &String::from_utf8_lossy(&output.stdout);
    let problems: Vec<&str> = said
        .lines()
        .filter(|line| line.contains("vigil-server.service"))
        .collect();
    assert!(output.status.success() && problems.is_empty(), "{said}");
    // And the binary accepts the unit's settings: the config file as systemd hands it over.
    let credentials = dir.path().join("credentials");
    std::fs::create_dir(&credentials).unwrap();
    crate::support::write_private(
        &credentials.join("vigil-server.conf"),
        &format!(
            "VIGIL_SITE_KEY={SITE_KEY}\nVIGIL_REVIEWER_KEY={REVIEWER_KEY}\nVIGIL_SECRET_KEY={SECRET_KEY}\n"
        ),
    );
    let check = server_command()
        .arg("check-config")
        .env("VIGIL_CONFIG", credentials.join("vigil-server.conf"))
        .env("VIGIL_DATA_DIR", dir.path().join("state"))
        .env("VIGIL_LOG_FORMAT", "json")
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}
