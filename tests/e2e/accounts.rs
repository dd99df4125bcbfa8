//! Adding by link, reading the code, deleting, editing, pinning and moving accounts in the real
//! window; a restart keeps every change.

use fantoccini::Locator;
use vigil_core::OtpUri;

use crate::support::{App, KeychainService};

pub const SHOP: &str =
    "otpauth://totp/Shop:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Shop";
pub const BANK: &str =
    "otpauth://totp/Bank:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Bank";
pub const MAIL: &str =
    "otpauth://totp/Mail:carol?secret=KRUGS4ZANFZSA5DIMUQHIZLTOQQSA3LF&issuer=Mail";

#[tokio::test]
async fn add_by_uri_shows_the_right_code_and_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("add");
    let app = App::start(dir.path(), &service.0).await;
    // The empty state says how to begin.
    app.text_until(".empty h1", |t| t == "Add your first account")
        .await;
    // No update banner without an update (a copy built from source never offers one).
    let banner = app.find("#update-banner").await;
    assert!(
        !banner.is_displayed().await.unwrap(),
        "an empty update banner shows"
    );

    app.add_by_uri(SHOP).await;
    app.text_until(".row .issuer", |t| t == "Shop").await;
    app.text_until(".row .label", |t| t == "alice@example.com")
        .await;
    app.text_until("#toast", |t| t == "Added Shop (alice@example.com)")
        .await;

    // The code on screen is the code vigil-core computes for the same moment.
    let uri = OtpUri::parse(SHOP).unwrap();
    app.assert_code(".row .code", &uri.params, &uri.secret)
        .await;
    app.stop().await;

    // A restart shows the same account.
    let app = App::start(dir.path(), &service.0).await;
    app.text_until(".row .issuer", |t| t == "Shop").await;
    app.stop().await;
}

#[tokio::test]
async fn a_bad_uri_shows_its_message_and_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("bad");
    let app = App::start(dir.path(), &service.0).await;
    app.add_by_uri("otpauth://totp/Shop:alice?issuer=Shop")
        .await;
    let message = app.text_until("#add-error", |t| !t.is_empty()).await;
    assert_eq!(message, "This is not a valid otpauth URI: missing secret");
    assert!(app.client.find(Locator::Css(".row")).await.is_err());
    app.stop().await;
}

#[tokio::test]
async fn delete_asks_naming_the_account_then_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("delete");
    let app = App::start(dir.path(), &service.0).await;
    app.add_by_uri(SHOP).await;
    app.text_until(".row .issuer", |t| t == "Shop").await;
    app.row_menu("Shop", "delete").await;
    let question = app.text_until("#delete-text", |t| !t.is_empty()).await;
    assert_eq!(
        question,
        "Delete the account alice@example.com at Shop? Its codes will stop working in this app."
    );
    app.click("#delete-confirm").await;
    app.text_until(".empty h1", |t| t == "Add your first account")
        .await;
    app.stop().await;
}

#[tokio::test]
async fn rename_pin_and_move_are_kept_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("edit");
    let app = App::start(dir.path(), &service.0).await;
    for uri in [SHOP, BANK, MAIL] {
        app.add_by_uri(uri).await;
        app.find("#list .row").await;
    }
    app.text_until("#list .row:nth-child(3) .issuer", |t| t == "Mail")
        .await;
    assert_eq!(app.issuers().await, ["Shop", "Bank", "Mail"]);

    // Edit: rename the issuer and label.
    app.row_menu("Bank", "edit").await;
    let issuer = app.find("#edit-issuer").await;
    issuer.clear().await.unwrap();
    issuer.send_keys("Big Bank").await.unwrap();
    let label = app.find("#edit-label").await;
    label.clear().await.unwrap();
    label.send_keys("robert").await.unwrap();
    app.click("#edit-form button[type=submit]").await;
    app.text_until("#list .row:nth-child(2) .label", |t| t == "robert")
        .await;
    // An empty account name is refused beside the field, and nothing changes.
    app.row_menu("Big Bank", "edit").await;
    app.find("#edit-label").await.clear().await.unwrap();
    app.click("#edit-form button[type=submit]").await;
    let refused = app.text_until("#edit-error", |t| !t.is_empty()).await;
    assert_eq!(
        refused,
        "Enter the account name, such as your email address"
    );
    app.click("#edit-dialog [data-action=close]").await;

    // Pin Mail to the top; move Shop down below Big Bank.
    app.row_menu("Mail", "pin").await;
    app.text_until("#list .row:nth-child(1) .issuer", |t| t.contains("Mail"))
        .await;
    app.row_menu("Shop", "down").await;
    app.text_until("#list .row:nth-child(3) .issuer", |t| t == "Shop")
        .await;
    // Alt+Up moves the focused row back up (the keyboard way).
    let shop = app.find("#list .row:nth-child(3)").await;
    shop.send_keys("\u{E00A}\u{E013}\u{E000}").await.unwrap(); // Alt + ArrowUp, release
    app.text_until("#list .row:nth-child(2) .issuer", |t| t == "Shop")
        .await;
    let order = ["Mail", "Shop", "Big Bank"];
    assert_eq!(app.issuers().await, order);
    app.stop().await;

    let app = App::start(dir.path(), &service.0).await;
    app.text_until("#list .row:nth-child(3) .issuer", |t| t == "Big Bank")
        .await;
    assert_eq!(app.issuers().await, order);
    assert_eq!(app.count("#list .row.favourite").await, 1);
    app.stop().await;
}
