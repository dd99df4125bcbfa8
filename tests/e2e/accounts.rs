//! Adding, reading, deleting accounts in the real window; and a restart keeps them.

use std::time::{SystemTime, UNIX_EPOCH};

use fantoccini::Locator;
use vigil_core::OtpUri;

use crate::support::{App, Service};

const SHOP: &str = "otpauth://totp/Shop:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Shop";

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

async fn add_by_uri(app: &App, uri: &str) {
    app.find("#add-button").await.click().await.unwrap();
    let field = app.find("#add-uri").await;
    field.send_keys(uri).await.unwrap();
    app.find("#add-form button[type=submit]")
        .await
        .click()
        .await
        .unwrap();
}

#[tokio::test]
async fn add_by_uri_shows_the_right_code_and_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let service = Service::new("add");
    let app = App::start(dir.path(), &service.0).await;
    // The empty state says how to begin.
    app.text_until(".empty h1", |t| t == "Add your first account")
        .await;

    add_by_uri(&app, SHOP).await;
    app.text_until(".row .issuer", |t| t == "Shop").await;
    app.text_until(".row .label", |t| t == "alice@example.com")
        .await;

    // The code on screen is the code vigil-core computes for the same moment.
    let uri = OtpUri::parse(SHOP).unwrap();
    let before = now();
    let shown = app
        .text_until(".row .code", |t| t.chars().any(|c| c.is_ascii_digit()))
        .await;
    let after = now();
    let expected: Vec<String> = [before, after]
        .iter()
        .map(|t| uri.params.code_at(&uri.secret, *t).grouped())
        .collect();
    assert!(
        expected.contains(&shown),
        "shown {shown:?}, expected one of {expected:?}"
    );
    app.stop().await;

    // A restart shows the same account.
    let app = App::start(dir.path(), &service.0).await;
    app.text_until(".row .issuer", |t| t == "Shop").await;
    app.stop().await;
}

#[tokio::test]
async fn a_bad_uri_shows_its_message_and_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let service = Service::new("bad");
    let app = App::start(dir.path(), &service.0).await;
    add_by_uri(&app, "otpauth://totp/Shop:alice?issuer=Shop").await;
    let message = app.text_until("#add-error", |t| !t.is_empty()).await;
    assert_eq!(message, "This is not a valid otpauth URI: missing secret");
    assert!(app.client.find(Locator::Css(".row")).await.is_err());
    app.stop().await;
}

#[tokio::test]
async fn delete_asks_naming_the_account_then_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let service = Service::new("delete");
    let app = App::start(dir.path(), &service.0).await;
    add_by_uri(&app, SHOP).await;
    app.text_until(".row .issuer", |t| t == "Shop").await;
    app.find(".row .delete").await.click().await.unwrap();
    let question = app.text_until("#delete-text", |t| !t.is_empty()).await;
    assert_eq!(
        question,
        "Delete the account alice@example.com at Shop? Its codes will stop working in this app."
    );
    app.find("#delete-confirm").await.click().await.unwrap();
    app.text_until(".empty h1", |t| t == "Add your first account")
        .await;
    app.stop().await;
}
