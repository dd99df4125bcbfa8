//! Webhooks to the site's receiver (a real HTTP server on 127.0.0.1): signed like Stripe's,
//! retried with backoff from the queue in the database until the receiver takes them (also
//! across a restart), listed for polling; bad webhook settings refused with a clear reason.

use serde_json::{Value, json};
use vigil_server::testing::{FIREFOX, Method, free_port};
use vigil_server::{Clock, Config};

use crate::each_backend;
use crate::support::{Backend, Harness, WebhookReceiver, config_for, session_state, with_webhooks};

/// The site reports a sign-in in `session` from `ip`.
async fn signed_in(h: &Harness, id: &str, session: &str, ip: &str) {
    let (status, body) = h
        .event(
            id,
            json!({"kind": "sign_in", "ip": ip, "user_agent": FIREFOX, "session": session}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
}

/// The customer ends `session` from the app.
async fn end(h: &Harness, secret: &vigil_core::Secret, id: &str, session: &str) {
    let response = h
        .signed(
            secret,
            id,
            "POST",
            &format!("/v1/feed/{id}/sessions/{session}/end"),
            b"",
            0,
            None,
        )
        .await;
    assert_eq!(response.status(), 200);
}

/// Every webhook event so far, as the site polls them.
async fn polled(h: &Harness) -> Vec<Value> {
    let response = h
        .site(Method::GET, "/v1/webhook-events?limit=200", None)
        .await;
    assert_eq!(response.status(), 200);
    let page: Value = response.json().await.unwrap();
    page["events"].as_array().unwrap().clone()
}

async fn delivered_case(backend: Backend) {
    let receiver = WebhookReceiver::start().await;
    let url = WebhookReceiver::url_on(receiver.port);
    let h = Harness::start_configured(backend, false, |config| with_webhooks(config, &url)).await;
    let (id, secret) = h.enrol().await;
    signed_in(&h, &id, "phone", "81.2.69.142").await;
    signed_in(&h, &id, "laptop", "81.2.69.142").await;
    end(&h, &secret, &id, "phone").await;
    let hooks = receiver.wait_for("session.ended", 1).await;
    assert_eq!(hooks[0].json["account"], id.as_str());
    assert_eq!(hooks[0].json["session"], "phone");
    assert!(
        hooks[0].signature.starts_with("t="),
        "{}",
        hooks[0].signature
    );
    assert_eq!(session_state(&h, &id, "phone").await, "ended_by_customer");
    assert_eq!(session_state(&h, &id, "laptop").await, "active");
    // A body changed on the way does not pass the signature check.
    let hook = &hooks[0];
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    assert!(
        vigil_core::activity::verify_webhook(
            crate::support::WEBHOOK_SECRET.as_bytes(),
            &hook.signature,
            br#"{"type":"session.ended","session":"laptop"}"#,
            now
        )
        .is_err()
    );
    // Locks and unlocks are told too: the travel rule, then "this was me".
    h.sign_in(&id, &secret, "81.2.69.142").await;
    h.clock.advance(10 * 60);
    let event = h.sign_in(&id, &secret, "193.0.6.139").await["event_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let locked = receiver.wait_for("account.locked", 1).await;
    assert_eq!(locked[0].json["state"], "locked_pending_verification");
    h.verdict(&secret, &id, &event, "mine").await;
    let unlocked = receiver.wait_for("account.unlocked", 1).await;
    assert_eq!(unlocked[0].json["state"], "active");
    // The site may poll instead: the same events, in order, with the same ids.
    let events = polled(&h).await;
    let kinds: Vec<&str> = events.iter().map(|e| e["type"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        ["session.ended", "account.locked", "account.unlocked"]
    );
    assert_eq!(events[0]["id"], hooks[0].id.as_str());
    let response = h
        .site(
            Method::GET,
            &format!(
                "/v1/webhook-events?after={}",
                events[1]["id"].as_str().unwrap()
            ),
            None,
        )
        .await;
    let page: Value = response.json().await.unwrap();
    assert_eq!(page["events"].as_array().unwrap().len(), 1);
    assert_eq!(page["events"][0]["type"], "account.unlocked");
    assert_eq!(
        h.site(Method::GET, "/v1/webhook-events?after=nope", None)
            .await
            .status(),
        400
    );
    assert_eq!(
        h.client
            .get(h.url("/v1/webhook-events"))
            .send()
            .await
            .unwrap()
            .status(),
        401,
        "the site key is required"
    );
}
each_backend!(session_ended_reaches_the_site_signed, delivered_case);

async fn secure_case(backend: Backend) {
    let receiver = WebhookReceiver::start().await;
    let url = WebhookReceiver::url_on(receiver.port);
    let h = Harness::start_configured(backend, false, |config| with_webhooks(config, &url)).await;
    let (id, secret) = h.enrol().await;
    signed_in(&h, &id, "laptop", "81.2.69.142").await;
    h.clock.advance(10 * 60);
    signed_in(&h, &id, "intruder", "193.0.6.139").await;
    let feed = h.feed(&secret, &id).await;
    let flagged = feed["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["flagged"] == true)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    h.verdict(&secret, &id, &flagged, "not_mine").await;
    let response = h
        .signed(
            &secret,
            &id,
            "POST",
            &format!("/v1/feed/{id}/secure"),
            b"",
            0,
            None,
        )
        .await;
    assert_eq!(response.status(), 200);
    let ended = receiver.wait_for("session.ended", 2).await;
    let mut sessions: Vec<&str> = ended
        .iter()
        .map(|hook| hook.json["session"].as_str().unwrap())
        .collect();
    sessions.sort_unstable();
    assert_eq!(sessions, ["intruder", "laptop"]);
    let secured = receiver.wait_for("account.secured", 1).await;
    assert_eq!(secured[0].json["state"], "locked_pending_review");
    let site = crate::support::site_sessions(&h, &id).await;
    assert_eq!(site["password_reset_required"], true);
}
each_backend!(secure_my_account_tells_the_site, secure_case);

async fn down_case(backend: Backend) {
    // Nothing listens on the receiver's port yet.
    let port = free_port();
    let url = WebhookReceiver::url_on(port);
    let mut h = Harness::start_configured(backend.clone(), false, |config| {
        with_webhooks(config, &url);
        config.metrics_listen = Some(std::net::SocketAddr::from(([127, 0, 0, 1], 0)));
    })
    .await;
    let (id, secret) = h.enrol().await;
    signed_in(&h, &id, "phone", "193.0.6.139").await;
    signed_in(&h, &id, "laptop", "193.0.6.139").await;
    end(&h, &secret, &id, "phone").await;
    let event = polled(&h).await[0]["id"].as_str().unwrap().to_owned();
    let db = h.server.as_ref().unwrap().state.db.clone();
    // Attempts are made and recorded while the receiver is down.
    for _ in 0..100 {
        if db.webhook_attempts(&event).await.unwrap().unwrap().0 >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(!db.webhook_attempts(&event).await.unwrap().unwrap().1);
    assert!(db.webhook_attempts(&event).await.unwrap().unwrap().0 >= 2);
    let metrics = h.server.as_ref().unwrap().metrics_address.unwrap();
    let scraped = reqwest::get(format!("http://{metrics}/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(scraped.contains("vigil_webhook_backlog 1"), "{scraped}");
    // It comes back: the event arrives.
    let receiver = WebhookReceiver::start_on(port).await;
    let hooks = receiver.wait_for("session.ended", 1).await;
    assert_eq!(hooks[0].id, event);
    for _ in 0..100 {
        if db.webhook_attempts(&event).await.unwrap().unwrap().1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(db.webhook_backlog().await.unwrap(), 0);
    drop(receiver);
    // Down again, and the service restarts in between: nothing is lost.
    end(&h, &secret, &id, "laptop").await;
    let mut config = config_for(&backend, h.service.dir.path(), None);
    with_webhooks(&mut config, &url);
    h.service.restart(config).await;
    let receiver = WebhookReceiver::start_on(port).await;
    let hooks = receiver.wait_for("session.ended", 1).await;
    assert_eq!(hooks[0].json["session"], "laptop");
    // A receiver answering 500 is retried until it answers 2xx.
    receiver
        .status
        .store(500, std::sync::atomic::Ordering::SeqCst);
    signed_in(&h, &id, "tablet", "193.0.6.139").await;
    end(&h, &secret, &id, "tablet").await;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    receiver
        .status
        .store(200, std::sync::atomic::Ordering::SeqCst);
    let hooks = receiver.wait_for("session.ended", 2).await;
    assert!(hooks.iter().any(|hook| hook.json["session"] == "tablet"));
}
each_backend!(a_receiver_that_is_down_gets_the_events_later, down_case);

async fn retention_case(backend: Backend) {
    let receiver = WebhookReceiver::start().await;
    let url = WebhookReceiver::url_on(receiver.port);
    let mut h = Harness::start_configured(backend.clone(), false, |config| {
        with_webhooks(config, &url);
    })
    .await;
    let (id, secret) = h.enrol().await;
    signed_in(&h, &id, "phone", "193.0.6.139").await;
    end(&h, &secret, &id, "phone").await;
    receiver.wait_for("session.ended", 1).await;
    let db = h.server.as_ref().unwrap().state.db.clone();
    for _ in 0..100 {
        if db.webhook_backlog().await.unwrap() == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(db.webhook_backlog().await.unwrap(), 0);
    let listed = |events: &[Value]| events.iter().any(|e| e["type"] == "session.ended");
    assert!(listed(&polled(&h).await), "delivered events stay listed");
    // 29 days on (the sweep runs at start): still listed; 31 days on: removed.
    for (days, kept) in [(29, true), (2, false)] {
        h.service.clock.advance(days * 86_400);
        let mut config = config_for(&backend, h.service.dir.path(), None);
        with_webhooks(&mut config, &url);
        h.service.restart(config).await;
        let mut polled_now = polled(&h).await;
        for _ in 0..50 {
            if listed(&polled_now) == kept {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            polled_now = polled(&h).await;
        }
        assert_eq!(listed(&polled_now), kept, "after {days} more days");
    }
}
each_backend!(
    delivered_webhooks_are_kept_for_polling_then_removed,
    retention_case
);

#[tokio::test]
async fn bad_webhook_settings_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    for (url, secret, expected) in [
        (
            "http://shop.example/hook",
            Some("whsec-0123456789abcdef"),
            "must be https://",
        ),
        (
            "ftp://127.0.0.1/hook",
            Some("whsec-0123456789abcdef"),
            "must be an https:// URL",
        ),
        ("not a url", Some("whsec-0123456789abcdef"), "is not a URL"),
        (
            "https://shop.example/hook",
            None,
            "VIGIL_WEBHOOK_SECRET is not set",
        ),
        (
            "https://shop.example/hook",
            Some("short"),
            "at least 16 characters",
        ),
    ] {
        let mut config = config_for(&Backend::Sqlite, dir.path(), None);
        config.site_webhook_url = Some(url.to_owned());
        config.webhook_secret = secret.map(|s| vigil_core::Sensitive::new(s.to_owned()));
        let error = vigil_server::start(config.clone(), Clock::system())
            .await
            .unwrap_err()
            .to_string();
        assert!(error.contains(expected), "{url}: {error}");
        let problems = vigil_server::config_report::problems(&config);
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{problems:?}"
        );
    }
    // check-config never prints the secret.
    let mut config = Config::with_keys("site-key-0123456789", "reviewer-key-0123456789");
    config.webhook_secret = Some(vigil_core::Sensitive::new(
        "whsec-never-printed-0123".into(),
    ));
    let report = vigil_server::config_report::report(&config);
    assert!(
        report.contains("VIGIL_WEBHOOK_SECRET=<redacted>"),
        "{report}"
    );
    assert!(!report.contains("whsec-never-printed"));
}
