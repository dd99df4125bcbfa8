//! Finding and copying codes: search, copy to the clipboard and its clearing after the delay set
//! in the settings (kept after a restart), and an account's QR code behind a confirmation.

use std::process::Command;
use std::time::Duration;

use vigil_core::OtpUri;
use vigil_core::qr::{Payload, scan_image};

use crate::accounts::SHOP;
use crate::support::{App, KeychainService};

const BANK: &str = "otpauth://totp/Bank:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Bank";

/// The X clipboard's text, read by `xclip` (another process, as a person's paste would be).
fn clipboard() -> String {
    let output = Command::new("xclip")
        .args(["-selection", "clipboard", "-o"])
        .output()
        .expect("xclip must be installed (scripts/setup-system)");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Waits up to 20 s for the clipboard to satisfy `test`; returns what it held last.
async fn clipboard_until(test: impl Fn(&str) -> bool) -> String {
    let mut last = String::new();
    for _ in 0..80 {
        last = clipboard();
        if test(&last) {
            return last;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    panic!("the clipboard never became as expected; last: {last:?}");
}

#[tokio::test]
async fn search_filters_and_copy_clears_after_the_chosen_delay() {
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("copy");
    let app = App::start(dir.path(), &service.0).await;
    app.add_by_uri(SHOP).await;
    app.find("#list .row").await;
    app.add_by_uri(BANK).await;
    app.text_until("#list .row:nth-child(2) .issuer", |t| t == "Bank")
        .await;

    // Typing anywhere goes to the search field and filters by issuer and label.
    app.find("#list .row").await.send_keys("bo").await.unwrap();
    app.text_until("#list", |_| true).await;
    let visible = app
        .js(
            "return Array.from(document.querySelectorAll('#list .row'))
               .filter((r) => !r.hidden).map((r) => r.dataset.issuer);",
            vec![],
        )
        .await;
    assert_eq!(visible, serde_json::json!(["Bank"]));
    let search = app.find("#search").await;
    search.send_keys("nobody").await.unwrap();
    app.text_until("#no-match", |t| t == "No account matches your search.")
        .await;
    // Escape clears the search.
    search.send_keys("\u{E00C}").await.unwrap();
    assert_eq!(app.count("#list .row:not([hidden])").await, 2);

    // Settings: clear the clipboard after 2 seconds, dark theme.
    app.click("#menu-button").await;
    app.click("#app-menu [data-menu=settings]").await;
    let delay = app.find("#s-clipboard").await;
    delay.clear().await.unwrap();
    delay.send_keys("2").await.unwrap();
    app.click("#settings-form input[value=dark]").await;
    app.click("#settings-form button[type=submit]").await;
    app.text_until("#toast", |t| t == "Settings saved").await;
    let theme = app
        .js("return document.documentElement.dataset.theme;", vec![])
        .await;
    assert_eq!(theme, serde_json::json!("dark"));

    // Enter on the search field copies the first visible row's code.
    let shop = OtpUri::parse(SHOP).unwrap();
    Command::new("xclip")
        .args(["-selection", "clipboard", "-i", "/dev/null"])
        .status()
        .unwrap();
    app.find("#search")
        .await
        .send_keys("shop\u{E007}")
        .await
        .unwrap();
    app.text_until("#list .row .code", |t| t == "Copied").await;
    let copied = clipboard_until(|t| !t.is_empty()).await;
    let at = crate::support::now();
    let expected: Vec<String> = [at - 1, at]
        .iter()
        .map(|t| shop.params.code_at(&shop.secret, *t).as_str().to_owned())
        .collect();
    assert!(expected.contains(&copied), "{copied} not in {expected:?}");
    // Marked for clipboard managers to keep out of their history.
    let targets = Command::new("xclip")
        .args(["-selection", "clipboard", "-t", "TARGETS", "-o"])
        .output()
        .unwrap();
    let targets = String::from_utf8_lossy(&targets.stdout);
    assert!(targets.contains("x-kde-passwordManagerHint"), "{targets}");
    // ...and the clipboard is empty again after the delay.
    clipboard_until(|t| t.is_empty()).await;
    app.stop().await;

    // The settings are kept.
    let app = App::start(dir.path(), &service.0).await;
    app.find("#list .row").await;
    let saved = app
        .js(
            "return [document.documentElement.dataset.theme, document.querySelector('#s-clipboard').value];",
            vec![],
        )
        .await;
    assert_eq!(saved, serde_json::json!(["dark", "2"]));
    app.stop().await;
}

#[tokio::test]
async fn the_qr_code_is_shown_after_confirmation_and_scans_back_to_the_account() {
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("qr");
    let app = App::start(dir.path(), &service.0).await;
    app.add_by_uri(SHOP).await;
    app.find("#list .row").await;
    app.row_menu("Shop", "qr").await;
    let warning = app.text_until("#qr-text", |t| !t.is_empty()).await;
    assert!(warning.contains("alice@example.com at Shop"), "{warning}");
    assert_eq!(
        app.count("#qr-body svg").await,
        0,
        "no QR code before confirming"
    );
    app.click("#qr-confirm").await;
    app.find("#qr-body .qr svg").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    // The whole window as a person sees it: the one QR code in it is the account.
    let png = app.client.screenshot().await.unwrap();
    let found = scan_image(&png).unwrap();
    assert_eq!(found.len(), 1);
    let Payload::Account(uri) = &found[0].payload else {
        panic!("not an account: {:?}", found[0].payload)
    };
    assert_eq!(*uri, OtpUri::parse(SHOP).unwrap());
    // Closing forgets it.
    app.click("#qr-done button").await;
    assert_eq!(app.count("#qr-body svg").await, 0);
    app.stop().await;
}
