//! Rate limits, lock after 100 failures, signing failures, body limits, malformed JSON, restart.

use reqwest::Method;
use serde_json::{Value, json};

use crate::each_backend;
use crate::support::{Backend, Harness};

async fn rate_limit_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    // The customer signed in from 8.8.8.8 before: it is a familiar place, whose failures count
    // against the account (and lock it at 100).
    h.sign_in(&id, &secret, "8.8.8.8").await;
    h.clock.advance(30);
    let wrong = |h: &Harness| {
        let good = h.code(&secret, 0);
        // A code that is none of the three accepted ones.
        let mut candidate = 0u32;
        loop {
            let text = format!("{candidate:06}");
            if text != good && text != h.code(&secret, -1) && text != h.code(&secret, 1) {
                return text;
            }
            candidate += 1;
        }
    };
    for _ in 0..5 {
        assert_eq!(h.verify(&id, &wrong(&h), "8.8.8.8").await.status(), 401);
    }
    // Sixth attempt: blocked for a minute, even with the right code.
    let blocked = h.verify(&id, &h.code(&secret, 0), "8.8.8.8").await;
    assert_eq!(blocked.status(), 429);
    // (59 when a second boundary passes between the block and this request)
    let header: u64 = blocked.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((59..=60).contains(&header), "{header}");
    let body: Value = blocked.json().await.unwrap();
    assert_eq!(body["error"], "too_many_attempts");
    assert!(
        (59..=60).contains(&body["retry_after"].as_u64().unwrap()),
        "{body}"
    );
    h.clock.advance(61);
    // Five more failures: two minutes.
    for _ in 0..5 {
        assert_eq!(h.verify(&id, &wrong(&h), "8.8.8.8").await.status(), 401);
    }
    let blocked: Value = h
        .verify(&id, &wrong(&h), "8.8.8.8")
        .await
        .json()
        .await
        .unwrap();
    assert!(
        (119..=120).contains(&blocked["retry_after"].as_u64().unwrap()),
        "{blocked}"
    );
    h.clock.advance(121);
    // A right code resets the streak.
    assert_eq!(
        h.verify(&id, &h.code(&secret, 0), "8.8.8.8").await.status(),
        200
    );
    h.clock.advance(30);
    for _ in 0..5 {
        assert_eq!(h.verify(&id, &wrong(&h), "8.8.8.8").await.status(), 401);
    }
    let blocked: Value = h
        .verify(&id, &wrong(&h), "8.8.8.8")
        .await
        .json()
        .await
        .unwrap();
    assert!(
        (59..=60).contains(&blocked["retry_after"].as_u64().unwrap()),
        "{blocked}"
    );

    // 100 in a row: locked pending verification; blocks never exceed 15 minutes.
    h.clock.advance(61);
    let mut failures = 5;
    let mut longest = 0;
    while failures < 100 {
        let response = h.verify(&id, &wrong(&h), "8.8.8.8").await;
        match response.status().as_u16() {
            401 => failures += 1,
            423 => {
                failures += 1;
                break;
            }
            429 => {
                let wait = response.json::<Value>().await.unwrap()["retry_after"]
                    .as_i64()
                    .unwrap();
                longest = longest.max(wait);
                h.clock.advance(wait + 1);
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(failures, 100);
    assert!((15 * 60 - 1..=15 * 60).contains(&longest), "{longest}");
    assert_eq!(h.state(&id).await, "locked_pending_verification");
    let locked = h.verify(&id, &h.code(&secret, 0), "8.8.8.8").await;
    assert_eq!(locked.status(), 423);
    let body: Value = locked.json().await.unwrap();
    assert_eq!(body["error"], "account_locked");
    assert_eq!(body["state"], "locked_pending_verification");
}
each_backend!(
    failed_codes_block_growing_to_15_minutes_and_lock_at_100,
    rate_limit_case
);

async fn signing_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    let path = format!("/v1/feed/{id}");
    let ok = h.signed(&secret, &id, "GET", &path, b"", 0, None).await;
    assert_eq!(ok.status(), 200);
    // 300 s off is fine, 301 s is not.
    assert_eq!(
        h.signed(&secret, &id, "GET", &path, b"", 300, None)
            .await
            .status(),
        200
    );
    for skew in [301, -301] {
        let stale = h.signed(&secret, &id, "GET", &path, b"", skew, None).await;
        assert_eq!(stale.status(), 401);
        assert_eq!(
            stale.json::<Value>().await.unwrap()["error"],
            "timestamp_out_of_range"
        );
    }
    // A nonce seen in the last 10 minutes is refused.
    let nonce = "nonce-used-only-once-0001";
    assert_eq!(
        h.signed(&secret, &id, "GET", &path, b"", 0, Some(nonce))
            .await
            .status(),
        200
    );
    let replay = h
        .signed(&secret, &id, "GET", &path, b"", 0, Some(nonce))
        .await;
    assert_eq!(replay.status(), 401);
    assert_eq!(
        replay.json::<Value>().await.unwrap()["error"],
        "nonce_reused"
    );
    // A key from another secret, or a signature for another path, does not match.
    let other = vigil_core::Secret::from_bytes(vec![9; 20]);
    let forged = h.signed(&other, &id, "GET", &path, b"", 0, None).await;
    assert_eq!(forged.status(), 401);
    assert_eq!(
        forged.json::<Value>().await.unwrap()["error"],
        "bad_signature"
    );
    let key = vigil_core::activity::ActivityKey::derive(&secret, &id);
    let target = vigil_core::activity::RequestTarget {
        method: "GET",
        origin: &h.base,
        path_and_query: "/v1/feed/elsewhere",
    };
    let headers =
        vigil_core::activity::sign_request(&key, &target, h.clock.now(), "abcdefghijklmnop", b"")
            .unwrap();
    let mut request = h.client.get(h.url(&path));
    for (name, value) in headers.pairs() {
        request = request.header(name, value);
    }
    assert_eq!(request.send().await.unwrap().status(), 401);
    // No headers at all.
    let bare = h.client.get(h.url(&path)).send().await.unwrap();
    assert_eq!(bare.status(), 401);
    let body: Value = bare.json().await.unwrap();
    assert_eq!(body["error"], "bad_signature");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("Vigil-Timestamp")
    );
    // A bad nonce shape.
    let short = h
        .signed(&secret, &id, "GET", &path, b"", 0, Some("abcdefghijklmnop"))
        .await;
    assert_eq!(short.status(), 200);
    // Unknown account: 404.
    let ghost = "00000000-0000-0000-0000-000000000000";
    let response = h
        .signed(
            &secret,
            ghost,
            "GET",
            &format!("/v1/feed/{ghost}"),
            b"",
            0,
            None,
        )
        .await;
    assert_eq!(response.status(), 404);
}
each_backend!(
    signed_requests_refuse_skew_replayed_nonces_and_bad_signatures,
    signing_case
);

async fn bodies_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    for body in ["{", "[]", "{\"code\": 5}", "not json at all"] {
        let response = h
            .client
            .post(h.url(&format!("/v1/accounts/{id}/verify")))
            .bearer_auth(vigil_server::testing::SITE_KEY)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400, "{body}");
        assert_eq!(
            response.json::<Value>().await.unwrap()["error"],
            "malformed_json"
        );
    }
    let huge = format!("{{\"code\": \"{}\"}}", "1".repeat(70 * 1024));
    let response = h
        .client
        .post(h.url(&format!("/v1/accounts/{id}/verify")))
        .bearer_auth(vigil_server::testing::SITE_KEY)
        .body(huge)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    assert_eq!(
        response.json::<Value>().await.unwrap()["error"],
        "body_too_large"
    );
    // Documents (taken while the account is locked): 10 MB is the limit.
    let (_, event) = h.event(&id, json!({"kind": "email_changed"})).await;
    let event_id = event["event_id"].as_str().unwrap();
    assert_eq!(h.verdict(&secret, &id, event_id, "not_mine").await.0, 200);
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(10 * 1024 * 1024 + 1, b'x');
    let response = h
        .signed(
            &secret,
            &id,
            "POST",
            &format!("/v1/feed/{id}/documents"),
            &big,
            0,
            None,
        )
        .await;
    assert_eq!(response.status(), 413);
    big.truncate(10 * 1024 * 1024);
    let response = h
        .signed(
            &secret,
            &id,
            "POST",
            &format!("/v1/feed/{id}/documents"),
            &big,
            0,
            None,
        )
        .await;
    assert_eq!(response.status(), 201);
    // Bad event input: 400.
    for body in [
        json!({"kind": "order_placed", "details": {"reference": "A1"}}),
        json!({"kind": "payment_method_added", "details": {"brand": "visa", "last4": "4242424242424242", "billing_country": "NL"}}),
        json!({"kind": "state_changed"}),
        json!({"kind": "sign_in", "occurred_at": "yesterday"}),
        json!({"kind": "sign_in", "details": "text"}),
    ] {
        let (status, response) = h.event(&id, body.clone()).await;
        assert_eq!(status, 400, "{body} -> {response}");
    }
    let feed_limit = h
        .signed(
            &secret,
            &id,
            "GET",
            &format!("/v1/feed/{id}?limit=0"),
            b"",
            0,
            None,
        )
        .await;
    assert_eq!(feed_limit.status(), 400);
    let feed_limit = h
        .signed(
            &secret,
            &id,
            "GET",
            &format!("/v1/feed/{id}?limit=abc"),
            b"",
            0,
            None,
        )
        .await;
    assert_eq!(feed_limit.status(), 400);
}
each_backend!(
    malformed_json_is_400_and_bodies_are_size_limited,
    bodies_case
);

async fn restart_case(backend: Backend) {
    let mut h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    let code = h.code(&secret, 0);
    assert_eq!(h.verify(&id, &code, "193.0.6.139").await.status(), 200);
    let (status, _) = h.event(&id, json!({"kind": "order_placed", "details": {"reference": "ORD-1", "amount": "5.00", "currency": "EUR"}})).await;
    assert_eq!(status, 201);
    let (_, not_mine) = h.event(&id, json!({"kind": "email_changed"})).await;
    let event_id = not_mine["event_id"].as_str().unwrap().to_owned();
    assert_eq!(h.verdict(&secret, &id, &event_id, "not_mine").await.0, 200);
    let before = h.feed(&secret, &id).await;
    h.restart().await;
    let after = h.feed(&secret, &id).await;
    assert_eq!(before["events"], after["events"]);
    assert_eq!(after["account_state"], "locked_pending_verification");
    // The accepted step is remembered: the same code is still a replay... of a locked account.
    let again = h.verify(&id, &code, "193.0.6.139").await;
    assert_eq!(again.status(), 423);
    let response = h
        .site(Method::GET, &format!("/v1/accounts/{id}"), None)
        .await;
    assert_eq!(
        response.json::<Value>().await.unwrap()["state"],
        "locked_pending_verification"
    );
}
each_backend!(a_restart_loses_nothing, restart_case);
