//! Failed sign-ins cannot flood the feed (issue 14, point 13): repeated failures are one event
//! with a count, and the flagged event the customer must answer stays on the first page.

use serde_json::{Value, json};

use crate::each_backend;
use crate::support::{Backend, Harness};

async fn flood_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    let (_, event) = h.event(&id, json!({"kind": "email_changed"})).await;
    let flagged_id = event["event_id"].as_str().unwrap().to_owned();
    assert_eq!(
        h.verdict(&secret, &id, &flagged_id, "not_mine").await.0,
        200
    );
    for _ in 0..200 {
        let response = h.verify(&id, "123456", "193.0.6.139").await;
        assert_eq!(response.status(), 423);
    }
    // The first page, as the app reads it (the default 50 events).
    let response = h
        .signed(&secret, &id, "GET", &format!("/v1/feed/{id}"), b"", 0, None)
        .await;
    assert_eq!(response.status(), 200);
    let page: Value = response.json().await.unwrap();
    let events = page["events"].as_array().unwrap();
    let refused: Vec<&Value> = events
        .iter()
        .filter(|e| e["outcome"] == "account_locked")
        .collect();
    assert!(
        (1..=2).contains(&refused.len()),
        "{} refused sign-in events",
        refused.len()
    );
    let total: u64 = refused
        .iter()
        .map(|e| e["count"].as_u64().unwrap_or(1))
        .sum();
    assert_eq!(total, 200);
    assert!(
        events
            .iter()
            .any(|e| e["id"] == flagged_id.as_str() && e["flagged"] == true),
        "the flagged event left the first page"
    );
    // Typed: the core's Event reads the count.
    let typed: vigil_core::activity::FeedPage = serde_json::from_value(page.clone()).unwrap();
    assert!(typed.events.iter().any(|e| e.count.is_some_and(|c| c > 1)));
}
each_backend!(repeated_failures_are_one_event_with_a_count, flood_case);
