//! Nothing lost in mail (issue 19, point 3): emails wait in the database while the relay is
//! down, also across a restart, and reach it once it is up.

use std::time::Duration;

use reqwest::Method;

use crate::each_backend;
use crate::support::{Backend, Harness, Smtp, config_for};
use vigil_server::testing::free_port;

async fn relay_down_case(backend: Backend) {
    let port = free_port();
    let adjust = |config: &mut vigil_server::Config| {
        config.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        config.email_retry_seconds = 1;
        config.email_retry_max_seconds = 1;
    };
    let mut h = Harness::start_configured(backend.clone(), false, adjust).await;
    let (id, _secret) = h.enrol().await;
    let digest = h
        .site(Method::POST, &format!("/v1/accounts/{id}/digest"), None)
        .await;
    assert_eq!(digest.status(), 200);
    let depth = |h: &Harness| {
        let db = h.server.as_ref().unwrap().state.db.clone();
        async move { db.email_queue_depth().await.unwrap() }
    };
    // Nothing listens: the email waits, retried (and failing) every second.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(depth(&h).await, 1);
    let attempts: i64 = sqlx::query_scalar("SELECT attempts FROM email_queue")
        .fetch_one(h.server.as_ref().unwrap().state.db.pool())
        .await
        .unwrap();
    assert!(attempts >= 2, "retried: {attempts}");

    // A restart while the relay is still down keeps it.
    let mut config = config_for(&backend, h.service.dir.path(), None);
    adjust(&mut config);
    h.service.restart(config).await;
    assert_eq!(depth(&h).await, 1);

    // The relay comes up: the email arrives, and leaves the queue.
    let smtp = Smtp::start_on(h.service.dir.path(), port).await;
    let arrived = smtp.wait_for("your activity in the last 7 days", 1).await;
    assert_eq!(arrived.len(), 1);
    for _ in 0..50 {
        if depth(&h).await == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(depth(&h).await, 0);
    // Exactly once, even after more retry rounds.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(smtp.messages().len(), 1);
}
each_backend!(
    an_email_waits_for_a_relay_that_is_down_across_a_restart,
    relay_down_case
);
