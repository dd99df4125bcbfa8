//! Devices and sessions end to end: a real `vigil-server` telling a webhook receiver on
//! 127.0.0.1; the pane lists where the customer is signed in, "Sign out" ends one session (the
//! site gets a signed `session.ended`), and "Secure my account", offered right after "This
//! wasn't me", ends every session and makes the site ask for a new password.

use serde_json::json;
use vigil_server::Clock;
use vigil_server::testing::webhook_receiver::{WebhookReceiver, with_webhooks};
use vigil_server::testing::{FIREFOX, LocalService, Method};

use crate::support::{App, KeychainService};

const ANDROID: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

/// The site's view of the account's sessions.
async fn site_sessions(server: &LocalService, id: &str) -> serde_json::Value {
    server
        .site(Method::GET, &format!("/v1/accounts/{id}/sessions"), None)
        .await
        .json()
        .await
        .unwrap()
}

fn state_of(sessions: &serde_json::Value, session: &str) -> String {
    sessions["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == session)
        .map(|s| s["state"].as_str().unwrap().to_owned())
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn sign_out_a_device_and_secure_the_account_after_this_was_not_me() {
    let receiver = WebhookReceiver::start().await;
    let url = WebhookReceiver::url_on(receiver.port);
    let server = LocalService::start_with(Clock::system(), |config, _| {
        with_webhooks(config, &url);
    })
    .await;
    let created = server
        .enrol_with(json!({"external_id": "alice", "email": "alice@example.com", "issuer": "Shop", "label": "alice@example.com"}))
        .await;
    let id = created.id.clone();
    // Signed in on a laptop in the Netherlands, then on a phone in Brazil (a new device and a
    // new country: flagged).
    for (session, ip, agent) in [
        ("laptop", "81.2.69.142", FIREFOX),
        ("phone", "200.160.2.3", ANDROID),
    ] {
        let (status, body) = server
            .event(
                &id,
                json!({"kind": "sign_in", "ip": ip, "user_agent": agent, "session": session}),
            )
            .await;
        assert_eq!(status, 201, "{body}");
    }

    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("sessions");
    let app = App::start_with(
        dir.path(),
        &service.0,
        (1280, 800),
        &[("VIGIL_ACTIVITY_SECONDS", "2")],
    )
    .await;
    app.add_by_uri(&created.text).await;
    app.text_until(".link-pick", |t| !t.is_empty()).await;
    app.click("#preview-form button[type=submit]").await;
    app.click("#list .row .activity-button").await;
    app.text_until(".sessions h3", |t| t == "Where you’re signed in")
        .await;
    app.text_until(".session-list li[data-session=phone] .event-line", |t| {
        t.starts_with("Chrome 131 on Android")
    })
    .await;
    assert_eq!(app.count(".session-list li").await, 2);

    // Sign out the phone: asked first, then gone from the list; the site is told, signed.
    app.click(".session-list button[data-session=phone]").await;
    let asked = app.text_until("#end-session-text", |t| !t.is_empty()).await;
    assert!(
        asked.starts_with("Sign out Chrome 131 on Android") && asked.contains(" at Shop?"),
        "{asked}"
    );
    app.click("#end-session-confirm").await;
    app.text_until("#toast", |t| {
        t.starts_with("Signed out Chrome 131 on Android") && t.ends_with(" at Shop")
    })
    .await;
    app.text_until(".session-list li:only-child", |t| t.contains("Firefox"))
        .await;
    let hooks = receiver.wait_for("session.ended", 1).await;
    assert_eq!(hooks[0].json["account"], id.as_str());
    assert_eq!(hooks[0].json["session"], "phone");
    let sessions = site_sessions(&server, &id).await;
    assert_eq!(state_of(&sessions, "phone"), "ended_by_customer");
    assert_eq!(state_of(&sessions, "laptop"), "active");
    assert_eq!(sessions["password_reset_required"], false);

    // "This wasn't me" on the flagged sign-in from Brazil: Secure my account is offered at once.
    app.click(".activity .flagged-card [data-verdict=not_mine]")
        .await;
    app.click("#not-mine-confirm").await;
    app.find("#secure-dialog[open]").await;
    app.click("#secure-confirm").await;
    app.text_until("#toast", |t| {
        t.starts_with("1 device was signed out. Shop will ask for a new password")
    })
    .await;
    app.text_until(".sessions .quiet-text", |t| {
        t.starts_with("You are not signed in anywhere")
    })
    .await;
    let sessions = site_sessions(&server, &id).await;
    assert_eq!(state_of(&sessions, "laptop"), "ended_by_customer");
    assert_eq!(sessions["password_reset_required"], true);
    let secured = receiver.wait_for("account.secured", 1).await;
    assert_eq!(secured[0].json["account"], id.as_str());
    app.stop().await;
    server.stop().await;
}
