//! The installed `/usr/bin/vigil-app` in its real window: codes equal vigil-core's, its version in
//! About, and a `vigil://` link given to `xdg-open` reaches the running app.

use std::process::{Command, Stdio};
use std::time::Duration;

use vigil_core::OtpUri;
use vigil_e2e::support::{App, KeychainService};

const SHOP: &str = "otpauth://totp/Shop:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Shop";

#[tokio::test]
async fn installed_app_shows_codes_and_takes_links_from_xdg_open() {
    assert_eq!(
        std::env::var("VIGIL_APP_BIN").as_deref(),
        Ok("/usr/bin/vigil-app"),
        "these tests are of the installed app (scripts/test-install)"
    );
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("installed");
    let app = App::start(dir.path(), &service.0).await;
    app.add_by_uri(SHOP).await;
    app.text_until(".row .issuer", |t| t == "Shop").await;
    let uri = OtpUri::parse(SHOP).unwrap();
    app.assert_code(".row .code", &uri.params, &uri.secret)
        .await;

    // About names the version the package was built as.
    app.click("#menu-button").await;
    app.click("[data-menu=about]").await;
    app.text_until("#about-version", |t| {
        t == format!("Version {}", env!("CARGO_PKG_VERSION"))
    })
    .await;
    app.click("#about-dialog [data-action=close]").await;

    // A vigil:// link opened the desktop's way: xdg-open finds Vigil's entry, which starts
    // `vigil-app %u`; that hands the link to the running app and exits. A link for an account
    // this vault does not have is answered in the window, so it arrived.
    let mut opener = Command::new("xdg-open")
        .arg("vigil://activity?account=someone-else&event=e1")
        .env("VIGIL_DATA_DIR", dir.path())
        .env("VIGIL_KEYCHAIN_SERVICE", &service.0)
        .env_remove("XDG_CURRENT_DESKTOP")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut status = None;
    for _ in 0..120 {
        status = opener.try_wait().unwrap();
        if status.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let status = status.unwrap_or_else(|| {
        let _ = opener.kill();
        panic!("xdg-open did not return: the link was not handed over")
    });
    assert!(status.success(), "xdg-open failed: {status}");
    app.text_until("#toast", |t| {
        t.starts_with("This link is for an account that is not linked in Vigil.")
    })
    .await;
    app.stop().await;
}
