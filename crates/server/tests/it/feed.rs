//! The signed feed: pages, masking, devices, documents.

use serde_json::{Value, json};

use crate::each_backend;
use crate::support::{Backend, Harness};

async fn feed_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    h.sign_in(&id, &secret, "133.11.0.1").await;
    for n in 0..7 {
        let (status, _) = h
            .event(&id, json!({"kind": "order_placed", "ip": "133.11.0.1", "details": {"reference": format!("ORD-2026-100{n}"), "amount": "10.00", "currency": "JPY"}}))
            .await;
        assert_eq!(status, 201);
    }
    let (status, _) = h
        .event(&id, json!({"kind": "booking_created", "details": {"reference": "BK-12345", "what": "Room", "when": "2026-12-01"}}))
        .await;
    assert_eq!(status, 201);
    // Pages of 3, newest first, following `next` to the end.
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let path = match &after {
            Some(a) => format!("/v1/feed/{id}?limit=3&after={a}"),
            None => format!("/v1/feed/{id}?limit=3"),
        };
        let page: Value = h
            .signed(&secret, &id, "GET", &path, b"", 0, None)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(page["account_state"], "active");
        assert!(page["server_time"].is_string());
        seen.extend(page["events"].as_array().unwrap().iter().cloned());
        match page["next"].as_str() {
            Some(next) => after = Some(next.to_owned()),
            None => break,
        }
    }
    assert_eq!(seen.len(), 9);
    let times: Vec<&str> = seen
        .iter()
        .map(|e| e["occurred_at"].as_str().unwrap())
        .collect();
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, sorted, "newest first");
    let mut ids: Vec<&str> = seen.iter().map(|e| e["id"].as_str().unwrap()).collect();
    ids.dedup();
    assert_eq!(ids.len(), 9, "no event twice");
    // Orders and bookings show a masked reference, never the full one.
    let order = seen.iter().find(|e| e["kind"] == "order_placed").unwrap();
    assert!(
        order["details"]["reference"]
            .as_str()
            .unwrap()
            .starts_with("•••")
    );
    assert!(order["details"]["reference"].as_str().unwrap().ends_with(
        &order["details"]["reference"].as_str().unwrap()
            [order["details"]["reference"].as_str().unwrap().len() - 4..]
    ));
    assert_eq!(order["details"]["amount"], "10.00");
    assert_eq!(order["country"], "JP");
    assert_eq!(order["outcome"], Value::Null);
    let booking = seen
        .iter()
        .find(|e| e["kind"] == "booking_created")
        .unwrap();
    assert_eq!(booking["details"]["reference"], "••••2345");
    // An `after` that names no event is a 400.
    let bad = h
        .signed(
            &secret,
            &id,
            "GET",
            &format!("/v1/feed/{id}?after=nope"),
            b"",
            0,
            None,
        )
        .await;
    assert_eq!(bad.status(), 400);
}
each_backend!(
    the_feed_pages_newest_first_with_masked_references,
    feed_case
);

async fn documents_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    let (_, order) = h.event(&id, json!({"kind": "email_changed"})).await;
    let event_id = order["event_id"].as_str().unwrap();
    assert_eq!(
        h.verdict(&secret, &id, event_id, "not_mine").await.1["account_state"],
        "locked_pending_verification"
    );
    // Not a PDF, PNG or JPEG: 415.
    let path = format!("/v1/feed/{id}/documents");
    let text = h
        .signed(&secret, &id, "POST", &path, b"hello, world", 0, None)
        .await;
    assert_eq!(text.status(), 415);
    // A PNG moves the account to review.
    let png = vigil_core::qr::render_png("passport scan").unwrap();
    let response = h.signed(&secret, &id, "POST", &path, &png, 0, None).await;
    assert_eq!(response.status(), 201);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["account_state"], "locked_pending_review");
    let document_id = body["document_id"].as_str().unwrap().to_owned();
    assert_eq!(h.state(&id).await, "locked_pending_review");
    let feed = h.feed(&secret, &id).await;
    let received = feed["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "document_received")
        .unwrap();
    assert_eq!(received["details"]["document_id"], document_id.as_str());
    assert_eq!(received["details"]["content_type"], "image/png");
    // A reviewer downloads exactly the bytes sent.
    let download = h
        .reviewer(
            reqwest::Method::GET,
            &format!("/v1/review/accounts/{id}/documents/{document_id}"),
            None,
        )
        .await;
    assert_eq!(download.status(), 200);
    assert_eq!(download.headers()["content-type"], "image/png");
    assert_eq!(download.bytes().await.unwrap().as_ref(), png.as_slice());
    let missing = h
        .reviewer(
            reqwest::Method::GET,
            &format!("/v1/review/accounts/{id}/documents/nope"),
            None,
        )
        .await;
    assert_eq!(missing.status(), 404);
}
each_backend!(a_document_moves_a_locked_account_to_review, documents_case);
