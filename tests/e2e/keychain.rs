//! A locked keychain in the real window: the page says so and offers to unlock it; the
//! keychain's own prompt (gcr-prompter, the one a GNOME desktop shows) asks for its password,
//! typed here as a person would, and Vigil goes on without a restart.

use std::process::Command;

use crate::accounts::SHOP;
use crate::support::{App, KeychainService};

/// The test keychain's password (scripts/with-keyring).
const KEYCHAIN_PASSWORD: &str = "vigil-test-password";
const LOGIN: &str = "/org/freedesktop/secrets/collection/login";

fn gdbus_secrets(method: &str) {
    let status = Command::new("gdbus")
        .args([
            "call",
            "--session",
            "--dest",
            "org.freedesktop.secrets",
            "--object-path",
            "/org/freedesktop/secrets",
            "--method",
            method,
            &format!("['{LOGIN}']"),
        ])
        .output()
        .unwrap();
    assert!(status.status.success(), "{method}: {status:?}");
}

/// Types the keychain's password into its unlock prompt (a window of gcr-prompter) and presses
/// Enter; gives what xdotool said.
fn answer_the_prompt() -> String {
    let window = Command::new("timeout")
        .args([
            "60",
            "xdotool",
            "search",
            "--sync",
            "--onlyvisible",
            "--class",
            "prompter",
        ])
        .output()
        .unwrap();
    let window = String::from_utf8_lossy(&window.stdout)
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned();
    assert!(!window.is_empty(), "no unlock prompt appeared");
    let title = Command::new("xdotool")
        .args(["getwindowname", &window])
        .output()
        .unwrap();
    let typed = Command::new("xdotool")
        .args(["windowfocus", "--sync", &window, "type", "--delay", "20"])
        .arg(KEYCHAIN_PASSWORD)
        .status()
        .unwrap();
    assert!(typed.success());
    assert!(
        Command::new("xdotool")
            .args(["key", "Return"])
            .status()
            .unwrap()
            .success()
    );
    String::from_utf8_lossy(&title.stdout).trim().to_owned()
}

#[tokio::test]
async fn a_locked_keychain_is_unlocked_from_the_page_through_its_own_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("locked");
    {
        let mut vault = vigil_vault::Vault::open_keychain(&vigil_vault::VaultLocation {
            data_dir: dir.path().to_path_buf(),
            keychain_service: service.0.clone(),
        })
        .unwrap();
        vault
            .add(&vigil_core::OtpUri::parse(SHOP).unwrap())
            .unwrap();
    }
    // The keychain's prompt is started by the session bus: it must reach this display.
    let env = Command::new("dbus-update-activation-environment")
        .args(["DISPLAY", "XAUTHORITY"])
        .status()
        .unwrap();
    assert!(env.success());
    gdbus_secrets("org.freedesktop.Secret.Service.Lock");

    let app = App::start(dir.path(), &service.0).await;
    let what = app.text_until(".fatal .what", |t| !t.is_empty()).await;
    assert!(what.contains("locked"), "{what}");
    let button = app
        .text_until(".fatal [data-action=unlock-keychain]", |t| !t.is_empty())
        .await;
    assert_eq!(button, "Unlock the keychain");
    app.click(".fatal [data-action=unlock-keychain]").await;
    let title = tokio::task::spawn_blocking(answer_the_prompt)
        .await
        .unwrap();
    assert!(title.contains("Unlock"), "the prompt was {title:?}");
    app.text_until("#list .row .issuer", |t| t == "Shop").await;

    // Unlocked elsewhere (another app answered the prompt): the page goes on by itself.
    app.stop().await;
    gdbus_secrets("org.freedesktop.Secret.Service.Lock");
    let app = App::start(dir.path(), &service.0).await;
    app.text_until(".fatal [data-action=unlock-keychain]", |t| !t.is_empty())
        .await;
    let name = service.0.clone();
    let unlock = tokio::task::spawn_blocking(move || {
        // Reading Vigil's item needs the collection unlocked: the keychain prompts.
        let mut lookup = Command::new("secret-tool")
            .args(["lookup", "service", &name])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let title = answer_the_prompt();
        let _ = lookup.wait();
        title
    });
    assert!(unlock.await.unwrap().contains("Unlock"));
    app.text_until("#list .row .issuer", |t| t == "Shop").await;
    app.stop().await;
}
