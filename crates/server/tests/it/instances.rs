//! Several instances on one PostgreSQL (issue 19, point 5): two services share the database and
//! nothing else (same keys and public URL, as behind one load balancer), and requests alternate
//! between them: a step accepted on one is refused on the other, a nonce used on one is refused
//! on the other, failures on both add up to one block, the review page served by one posts to
//! the other, and a queued email is sent once.

use reqwest::Method;
use serde_json::json;
use vigil_server::Clock;
use vigil_server::testing::{LocalService, REVIEWER_KEY};

use crate::support::{Backend, Smtp, config_for, fresh_postgres_database};

/// Two instances on one new PostgreSQL database (none without `VIGIL_TEST_POSTGRES_URL`), on
/// one clock, emails to `smtp_port`.
async fn two_instances(smtp_port: Option<u16>) -> Option<(LocalService, LocalService)> {
    let url = fresh_postgres_database().await?;
    let backend = Backend::Postgres(url);
    let clock = Clock::system();
    let mut pair = Vec::new();
    for _ in 0..2 {
        let dir = tempfile::tempdir().unwrap();
        let mut config = config_for(&backend, dir.path(), smtp_port);
        config.public_url = Some("http://vigil.test".to_owned());
        config.email_retry_seconds = 1;
        pair.push(LocalService::start_in(dir, config, clock.clone()).await);
    }
    let second = pair.pop()?;
    let first = pair.pop()?;
    Some((first, second))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_agree_on_steps_nonces_failures_and_review() {
    let Some((a, b)) = two_instances(None).await else {
        return;
    };
    let (id, secret) = a.enrol().await;

    // A step accepted on one is refused on the other.
    a.clock.advance(30);
    let code = a.code(&secret, 0);
    assert_eq!(a.verify(&id, &code, "8.8.8.8").await.status(), 200);
    assert_eq!(b.verify(&id, &code, "8.8.8.8").await.status(), 409);

    // A nonce used on one is refused on the other.
    let path = format!("/v1/feed/{id}?limit=10");
    let nonce = "0123456789abcdef0123456789abcdef";
    let first = a
        .signed(&secret, &id, "GET", &path, b"", 0, Some(nonce))
        .await;
    assert_eq!(first.status(), 200);
    let replay = b
        .signed(&secret, &id, "GET", &path, b"", 0, Some(nonce))
        .await;
    assert_eq!(replay.status(), 401);
    let body: serde_json::Value = replay.json().await.unwrap();
    assert_eq!(body["error"], "nonce_reused", "{body}");

    // Failures on both add up to one block (five before a block, alternating), on an account
    // with no failure yet.
    let (id, secret) = b.enrol().await;
    a.clock.advance(30);
    let accepted = [a.code(&secret, -1), a.code(&secret, 0), a.code(&secret, 1)];
    let wrong = (0u32..)
        .map(|n| format!("{n:06}"))
        .find(|c| !accepted.contains(c))
        .unwrap();
    for round in 0..5 {
        let instance = if round % 2 == 0 { &a } else { &b };
        assert_eq!(instance.verify(&id, &wrong, "8.8.8.8").await.status(), 401);
    }
    assert_eq!(b.verify(&id, &wrong, "8.8.8.8").await.status(), 429);
    assert_eq!(a.verify(&id, &accepted[1], "8.8.8.8").await.status(), 429);

    // The review page served by one posts to the other.
    let (other, _) = a.enrol().await;
    for kind in ["email_changed", "phone_changed", "address_changed"] {
        b.event(&other, json!({ "kind": kind })).await;
    }
    assert_ne!(a.state(&other).await, "active");
    let html = a
        .client
        .get(a.url("/review"))
        .basic_auth("reviewer", Some(REVIEWER_KEY))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = html
        .split("name=\"token\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let decided = b
        .client
        .post(b.url(&format!("/review/accounts/{other}/decision")))
        .basic_auth("reviewer", Some(REVIEWER_KEY))
        .form(&[
            ("decision", "unlock"),
            ("note", "called the customer"),
            ("token", token.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert!(
        decided.status().is_success() || decided.status().is_redirection(),
        "{}",
        decided.status()
    );
    assert_eq!(a.state(&other).await, "active");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_send_each_queued_email_once() {
    let dir = tempfile::tempdir().unwrap();
    let smtp = Smtp::start(dir.path()).await;
    let Some((a, b)) = two_instances(Some(smtp.port)).await else {
        return;
    };
    let mut ids = Vec::new();
    for round in 0..10 {
        let instance = if round % 2 == 0 { &a } else { &b };
        let (id, _) = instance.enrol().await;
        let sent = instance
            .site(Method::POST, &format!("/v1/accounts/{id}/digest"), None)
            .await;
        assert_eq!(sent.status(), 200);
        ids.push(id);
    }
    smtp.wait_for("your activity in the last 7 days", 10).await;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(smtp.messages().len(), 10, "each email once");
}
