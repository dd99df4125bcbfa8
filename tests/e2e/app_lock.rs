//! The optional app lock: turned on in Settings, it hides every name, code and activity behind
//! the Vigil password at start, when locked from the menu and after the idle time; commands are
//! refused while locked; the password turns it off.

use crate::accounts::SHOP;
use crate::support::{App, KeychainService};

async fn type_into(app: &App, css: &str, text: &str) {
    let field = app.find(css).await;
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

async fn unlock(app: &App, password: &str) {
    type_into(app, "#app-password", password).await;
    app.click("#unlock-app-form button[type=submit]").await;
}

/// The page shows the lock and nothing of the accounts.
async fn assert_locked(app: &App) {
    app.text_until(".lock h1", |t| t == "Vigil is locked").await;
    assert_eq!(app.count(".row").await, 0);
    let page = app.client.source().await.unwrap();
    assert!(
        !page.contains("alice@example.com"),
        "a name shows while locked"
    );
    // The app itself refuses what the page would ask.
    let refused = app
        .js(
            "return window.__TAURI__.core.invoke('codes').then(() => 'answered', (e) => e.code);",
            vec![],
        )
        .await;
    assert_eq!(refused, serde_json::json!("app_locked"));
}

#[tokio::test]
async fn the_app_lock_hides_everything_until_the_password_and_locks_when_idle() {
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("lock");
    // A "minute" of 2 s, so that one idle minute passes within the test.
    let env = [("VIGIL_LOCK_MINUTE_SECONDS", "2")];
    let app = App::start_with(dir.path(), &service.0, (1280, 800), &env).await;
    app.add_by_uri(SHOP).await;
    app.text_until("#list .row .issuer", |t| t == "Shop").await;

    // Settings → App lock: the two passwords must match; never lock when idle, for now.
    app.click("#menu-button").await;
    app.click("#app-menu [data-menu=settings]").await;
    app.text_until("#settings-lock", |t| t == "off").await;
    app.click("[data-action=open-lock]").await;
    app.text_until("#lock-save", |t| t == "Turn on").await;
    type_into(&app, "#lock-password", "open sesame").await;
    type_into(&app, "#lock-again", "open sesamE").await;
    app.js(
        "document.getElementById('lock-minutes').value = '0';",
        vec![],
    )
    .await;
    app.click("#lock-save").await;
    app.text_until("#lock-error", |t| t == "The two passwords are not the same")
        .await;
    type_into(&app, "#lock-again", "open sesame").await;
    app.click("#lock-save").await;
    app.text_until("#toast", |t| t == "The app lock is on")
        .await;

    // Lock Vigil from the menu; a wrong password is refused, the right one opens.
    app.click("#menu-button").await;
    app.click("#app-menu [data-menu=lock]").await;
    assert_locked(&app).await;
    unlock(&app, "not it at all").await;
    app.text_until("#app-password-error", |t| {
        t == "That is not your Vigil password"
    })
    .await;
    unlock(&app, "open sesame").await;
    app.text_until("#list .row .label", |t| t == "alice@example.com")
        .await;
    app.stop().await;

    // A new start is locked.
    let app = App::start_with(dir.path(), &service.0, (1280, 800), &env).await;
    assert_locked(&app).await;
    unlock(&app, "open sesame").await;
    app.text_until("#list .row .issuer", |t| t == "Shop").await;

    // Lock after one idle "minute": nothing is pressed, and the lock page comes by itself.
    app.click("#menu-button").await;
    app.click("#app-menu [data-menu=settings]").await;
    app.click("[data-action=open-lock]").await;
    app.text_until("#lock-save", |t| t == "Save").await;
    app.js(
        "document.getElementById('lock-minutes').value = '1';",
        vec![],
    )
    .await;
    app.click("#lock-save").await;
    assert_locked(&app).await;
    unlock(&app, "open sesame").await;
    app.text_until("#list .row .issuer", |t| t == "Shop").await;

    // Turning it off takes the password; then a start shows the codes at once.
    app.click("#menu-button").await;
    app.click("#app-menu [data-menu=settings]").await;
    app.click("[data-action=open-lock]").await;
    app.text_until("#lock-save", |t| t == "Save").await;
    type_into(&app, "#lock-password", "open sesame").await;
    app.click("#lock-off").await;
    app.text_until("#toast", |t| t == "The app lock is off")
        .await;
    app.stop().await;
    let app = App::start_with(dir.path(), &service.0, (1280, 800), &env).await;
    app.text_until("#list .row .issuer", |t| t == "Shop").await;
    app.stop().await;
}
