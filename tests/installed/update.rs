//! Updates of the installed app: a loopback server (`VIGIL_TEST_UPDATES`, started by
//! `scripts/test-install`) offers the next version, signed with the key the package trusts. A
//! tampered artifact is refused with a clear message and changes nothing; the signed one is
//! installed after the person agreed, and `dpkg` then shows the new version.

use vigil_e2e::support::{App, KeychainService};

use crate::installed_version;

/// With `VIGIL_INSTALLED_SHOTS=DIR`, saves the window as `DIR/NAME-1280x800.png` (for the docs).
async fn shot(app: &App, name: &str) {
    if let Ok(dir) = std::env::var("VIGIL_INSTALLED_SHOTS") {
        let png = app.client.screenshot().await.unwrap();
        std::fs::write(format!("{dir}/{name}-1280x800.png"), png).unwrap();
    }
}

/// The installed app, with its release feed at the test server's `kind` folder (`signed`,
/// `tampered`).
async fn start_offering(dir: &std::path::Path, service: &KeychainService, kind: &str) -> App {
    let base = std::env::var("VIGIL_TEST_UPDATES")
        .expect("VIGIL_TEST_UPDATES names the update server (scripts/test-install)");
    let url = format!("{base}/{kind}/latest.json");
    App::start_with(dir, &service.0, (1280, 800), &[("VIGIL_UPDATE_URL", &url)]).await
}

#[tokio::test]
async fn a_signed_update_installs_after_a_yes_and_a_tampered_one_is_refused() {
    let next = std::env::var("VIGIL_TEST_NEXT_VERSION").unwrap();
    let current = env!("CARGO_PKG_VERSION");
    assert_eq!(installed_version(), current);
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("update");

    // The check at start finds the tampered release and offers it; installing it is refused.
    let app = start_offering(dir.path(), &service, "tampered").await;
    app.text_until("#update-banner-text", |t| {
        t == format!("Vigil {next} is available.")
    })
    .await;
    shot(&app, "update-banner").await;
    app.click("[data-action=review-update]").await;
    app.text_until("#update-text", |t| {
        t == format!("Vigil {next} is available (you have {current}). Install it now?")
    })
    .await;
    app.text_until("#update-notes", |t| t.contains("Test release notes"))
        .await;
    shot(&app, "update-offer").await;
    app.click("#update-install").await;
    app.text_until("#update-error", |t| {
        t == format!(
            "The download of Vigil {next} is not signed with the Vigil release key, so it was \
             not installed. Nothing was changed."
        )
    })
    .await;
    shot(&app, "update-refused").await;
    assert_eq!(
        installed_version(),
        current,
        "a refused update changed the package"
    );
    app.stop().await;

    // From About: the signed release is offered, nothing happens before "Install", then it is.
    let app = start_offering(dir.path(), &service, "signed").await;
    app.click("#menu-button").await;
    app.click("[data-menu=about]").await;
    app.click("#about-dialog [data-action=check-update]").await;
    app.text_until("#update-text", |t| {
        t == format!("Vigil {next} is available (you have {current}). Install it now?")
    })
    .await;
    assert_eq!(
        installed_version(),
        current,
        "installed before the person agreed"
    );
    app.click("#update-install").await;
    app.text_until("#update-text", |t| {
        t == format!("Vigil {next} is installed. Restart Vigil to use it.")
    })
    .await;
    app.text_until("#update-later", |t| t == "Later").await;
    shot(&app, "update-installed").await;
    assert_eq!(installed_version(), next);
    app.stop().await;
}
