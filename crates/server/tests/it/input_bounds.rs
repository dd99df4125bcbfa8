//! Bad input never gives a 500 (issue 14, point 15): every field of every body is bounded and
//! checked, the error names the field, and a stored date out of range cannot break the feed.

use reqwest::Method;
use serde_json::{Value, json};

use crate::each_backend;
use crate::support::{Backend, Harness};

async fn bounds_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    let refused = |body: &Value, field: &str| {
        assert_eq!(body["error"], "invalid_request", "{body}");
        assert_eq!(body["field"], field, "{body}");
    };
    // A time before year 0 in UTC.
    let (status, body) = h
        .event(
            &id,
            json!({"kind": "email_changed", "occurred_at": "0000-01-01T00:30:00+01:00"}),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    refused(&body, "occurred_at");
    assert_eq!(h.feed(&secret, &id).await["account_state"], "active");
    // An IP that is not one.
    let (status, body) = h
        .event(&id, json!({"kind": "sign_in", "ip": "<script>"}))
        .await;
    assert_eq!(status, 400);
    refused(&body, "ip");
    let response = h.verify(&id, "123456", "300.1.2.3").await;
    assert_eq!(response.status(), 400);
    refused(&response.json().await.unwrap(), "ip");
    // IPs are stored as parsed.
    let (status, _) = h
        .event(&id, json!({"kind": "sign_in", "ip": " 2001:DB8:0:0::1 "}))
        .await;
    assert_eq!(status, 201);
    let feed = h.feed(&secret, &id).await;
    assert!(
        feed["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["ip"] == "2001:db8::1")
    );
    // A 5,000-character label.
    let response = h
        .site(
            Method::POST,
            "/v1/accounts",
            Some(json!({"external_id": "long-label", "email": "l@example.com", "label": "x".repeat(5000)})),
        )
        .await;
    assert_eq!(response.status(), 400);
    refused(&response.json().await.unwrap(), "label");
    // A long user agent, a long note.
    let (status, body) = h
        .event(
            &id,
            json!({"kind": "sign_in", "user_agent": "u".repeat(600)}),
        )
        .await;
    assert_eq!(status, 400);
    refused(&body, "user_agent");
    let response = h
        .reviewer(
            Method::POST,
            &format!("/v1/review/accounts/{id}/decision"),
            Some(json!({"decision": "unlock", "note": "n".repeat(501)})),
        )
        .await;
    assert_eq!(response.status(), 400);
    refused(&response.json().await.unwrap(), "note");
}
each_backend!(every_field_is_bounded_and_named, bounds_case);

async fn stored_date_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    let (_, event) = h.event(&id, json!({"kind": "email_changed"})).await;
    // A row written before the bounds were checked: year -1.
    let pool = h.server.as_ref().unwrap().state.db.pool().clone();
    sqlx::query("UPDATE events SET occurred_at = $1 WHERE id = $2")
        .bind(-62_198_000_000_i64)
        .bind(event["event_id"].as_str().unwrap())
        .execute(&pool)
        .await
        .unwrap();
    let feed = h.feed(&secret, &id).await;
    assert_eq!(feed["events"].as_array().unwrap().len(), 1);
}
each_backend!(
    a_stored_date_out_of_range_does_not_break_the_feed,
    stored_date_case
);
