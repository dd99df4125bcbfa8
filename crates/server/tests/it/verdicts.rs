//! "This wasn't me" stands (issue 14, point 10): only a reviewer unlocks after it, and a `mine`
//! answer to a failed sign-in confirms no country.

use reqwest::Method;
use serde_json::{Value, json};

use crate::each_backend;
use crate::support::{Backend, Harness, wrong_code};

async fn only_reviewer_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    let first = h.sign_in(&id, &secret, "81.2.69.142").await;
    let first_id = first["event_id"].as_str().unwrap();
    let (status, _) = h.verdict(&secret, &id, first_id, "not_mine").await;
    assert_eq!(status, 200);
    assert_eq!(h.state(&id).await, "locked_pending_verification");
    // Whoever holds the secret answers "mine" to everything: still locked.
    let (status, body) = h.verdict(&secret, &id, first_id, "mine").await;
    assert_eq!(status, 409, "{body}");
    let feed = h.feed(&secret, &id).await;
    for event in feed["events"].as_array().unwrap() {
        let event_id = event["id"].as_str().unwrap();
        if event_id != first_id {
            h.verdict(&secret, &id, event_id, "mine").await;
        }
    }
    assert_eq!(h.state(&id).await, "locked_pending_verification");
    let answered = h.feed(&secret, &id).await;
    let reported = answered["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == first_id)
        .unwrap();
    assert_eq!(reported["verdict"], "not_mine");
    // A reviewer unlocks.
    let decided: Value = h
        .reviewer(
            Method::POST,
            &format!("/v1/review/accounts/{id}/decision"),
            Some(json!({"decision": "unlock", "note": "checked by phone"})),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(decided["state"], "active");
}
each_backend!(after_not_mine_only_a_reviewer_unlocks, only_reviewer_case);

async fn failed_country_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    h.sign_in(&id, &secret, "81.2.69.142").await; // GB
    // A failed attempt from the Netherlands, answered "mine" (by the customer, or by whoever
    // holds the secret).
    h.clock.advance(30);
    let failed = h.verify(&id, &wrong_code(&h, &secret), "193.0.6.139").await;
    assert!(
        matches!(failed.status().as_u16(), 401 | 409),
        "{}",
        failed.status()
    );
    let feed = h.feed(&secret, &id).await;
    let attempt = feed["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["country"] == "NL")
        .unwrap();
    assert_ne!(attempt["outcome"], "success");
    let attempt_id = attempt["id"].as_str().unwrap();
    assert_eq!(h.verdict(&secret, &id, attempt_id, "mine").await.0, 200);
    // A successful sign-in from NL right after GB is still the travel rule's business.
    h.clock.advance(60);
    h.sign_in(&id, &secret, "193.0.6.139").await;
    assert_eq!(h.state(&id).await, "locked_pending_verification");
}
each_backend!(
    mine_on_a_failed_sign_in_confirms_no_country,
    failed_country_case
);
