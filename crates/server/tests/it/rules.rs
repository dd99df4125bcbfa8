//! The takeover rules and the ways out of a lock.

use serde_json::{Value, json};
use vigil_server::testing::FIREFOX;

use crate::each_backend;
use crate::support::{Backend, Harness};

fn ago(h: &Harness, seconds: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp(h.clock.now() - seconds).unwrap();
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap()
}

async fn posted_sign_in(h: &Harness, id: &str, ip: &str, seconds_ago: i64) -> Value {
    let (status, body) = h
        .event(id, json!({"kind": "sign_in", "ip": ip, "user_agent": FIREFOX, "occurred_at": ago(h, seconds_ago)}))
        .await;
    assert_eq!(status, 201, "{body}");
    body
}

async fn travel_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    // The first sign-in, from anywhere, never fires a rule.
    let first = h.sign_in(&id, &secret, "81.2.69.142").await;
    assert!(first["event_id"].is_string());
    assert_eq!(h.state(&id).await, "active");
    // 30 minutes later from the Netherlands: locked, the sign-in flagged.
    h.clock.advance(30 * 60);
    let second = h.verify(&id, &h.code(&secret, 0), "193.0.6.139").await;
    assert_eq!(second.status(), 200);
    let event_id = second.json::<Value>().await.unwrap()["event_id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(h.state(&id).await, "locked_pending_verification");
    let feed = h.feed(&secret, &id).await;
    assert_eq!(feed["account_state"], "locked_pending_verification");
    assert!(feed["state_reason"].as_str().unwrap().contains("GB and NL"));
    let events = feed["events"].as_array().unwrap();
    let flagged = events
        .iter()
        .find(|e| e["id"] == event_id.as_str())
        .unwrap();
    assert_eq!(flagged["flagged"], true);
    assert_eq!(flagged["reasons"], json!(["new_country_too_soon"]));
    let change = events
        .iter()
        .find(|e| e["kind"] == "state_changed")
        .unwrap();
    assert_eq!(change["details"]["from"], "active");
    assert_eq!(change["details"]["to"], "locked_pending_verification");
    // Locked: codes are refused with 423 (and recorded).
    h.clock.advance(30);
    assert_eq!(
        h.verify(&id, &h.code(&secret, 0), "193.0.6.139")
            .await
            .status(),
        423
    );
    // "This was me" on the flagged event unlocks, and NL is now confirmed for 90 days.
    let (status, body) = h.verdict(&secret, &id, &event_id, "mine").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["account_state"], "active");
    let feed = h.feed(&secret, &id).await;
    let changes: Vec<&Value> = feed["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "state_changed")
        .collect();
    assert_eq!(changes.len(), 2);
    assert_eq!(changes[0]["details"]["to"], "active");
    // GB -> NL within 2 hours again: NL was confirmed, so nothing fires.
    h.clock.advance(3 * 3600);
    posted_sign_in(&h, &id, "81.2.69.142", 0).await;
    h.clock.advance(10 * 60);
    let body = posted_sign_in(&h, &id, "193.0.6.139", 0).await;
    assert_eq!(body["account_state"], "active");
    assert_eq!(body["risk"]["level"], "low");
    // Far apart in time, a new country is flagged `new_country` but locks nothing on its own.
    h.clock.advance(3 * 3600);
    let body = posted_sign_in(&h, &id, "133.11.0.1", 0).await;
    assert_eq!(body["account_state"], "active");
    assert_eq!(
        body["risk"],
        json!({"level": "high", "reasons": ["new_country"]})
    );
    // A late event: a US sign-in that happened 20 minutes before the Japanese one locks too.
    let body = posted_sign_in(&h, &id, "8.8.8.8", 20 * 60).await;
    assert_eq!(body["account_state"], "locked_pending_verification");
    assert_eq!(body["risk"]["level"], "high");
}
each_backend!(
    sign_ins_from_two_countries_within_2_hours_lock_until_confirmed,
    travel_case
);

async fn payment_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let card = |last4: &str| json!({"kind": "payment_method_added", "details": {"brand": "visa", "last4": last4, "billing_country": "NL"}});
    // Three payment methods within 24 h lock; two do not.
    let (id, _) = h.enrol().await;
    assert_eq!(
        h.event(&id, card("1111")).await.1["account_state"],
        "active"
    );
    assert_eq!(
        h.event(&id, card("2222")).await.1["account_state"],
        "active"
    );
    let (_, third) = h.event(&id, card("3333")).await;
    assert_eq!(third["account_state"], "locked_pending_verification");
    assert_eq!(third["risk"]["reasons"], json!(["payment_methods_in_24h"]));
    // A payment method after a flagged sign-in locks (the account was unlocked in between).
    let (id, secret) = h.enrol().await;
    posted_sign_in(&h, &id, "81.2.69.142", 3600).await;
    let flagged = posted_sign_in(&h, &id, "200.160.2.3", 1800).await;
    assert_eq!(flagged["account_state"], "locked_pending_verification");
    let event_id = flagged["event_id"].as_str().unwrap();
    assert_eq!(
        h.verdict(&secret, &id, event_id, "mine").await.1["account_state"],
        "active"
    );
    // The flagged sign-in was confirmed... but it was still flagged: the rule looks at flags.
    let (_, body) = h.event(&id, card("4444")).await;
    assert_eq!(body["account_state"], "locked_pending_verification");
    assert_eq!(
        body["risk"]["reasons"],
        json!(["payment_method_after_flagged_sign_in"])
    );
}
each_backend!(
    payment_methods_after_a_flagged_sign_in_or_three_in_a_day_lock,
    payment_case
);

async fn changes_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, _) = h.enrol().await;
    assert_eq!(
        h.event(&id, json!({"kind": "email_changed"})).await.1["account_state"],
        "active"
    );
    // The same kind twice counts once.
    assert_eq!(
        h.event(&id, json!({"kind": "email_changed"})).await.1["account_state"],
        "active"
    );
    assert_eq!(
        h.event(
            &id,
            json!({"kind": "phone_changed", "occurred_at": ago(&h, 20 * 3600)})
        )
        .await
        .1["account_state"],
        "active"
    );
    // 25 hours ago is outside the window.
    assert_eq!(
        h.event(
            &id,
            json!({"kind": "address_changed", "occurred_at": ago(&h, 25 * 3600)})
        )
        .await
        .1["account_state"],
        "active"
    );
    let (_, body) = h.event(&id, json!({"kind": "password_changed"})).await;
    assert_eq!(body["account_state"], "locked_pending_review");
    assert_eq!(body["risk"]["reasons"], json!(["account_changes_in_24h"]));
    assert_eq!(h.state(&id).await, "locked_pending_review");
}
each_backend!(
    three_account_changes_within_a_day_need_a_review,
    changes_case
);

async fn not_mine_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    let (_, order) = h.event(&id, json!({"kind": "order_placed", "details": {"reference": "ORD-55", "amount": 12.5, "currency": "EUR"}})).await;
    let order_id = order["event_id"].as_str().unwrap();
    let (status, body) = h.verdict(&secret, &id, order_id, "not_mine").await;
    assert_eq!(status, 200);
    assert_eq!(body["account_state"], "locked_pending_verification");
    // "This wasn't me" cannot be taken back by whoever holds the secret: the answer stands
    // and the account stays locked.
    let (status, body) = h.verdict(&secret, &id, order_id, "mine").await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["error"], "conflict");
    assert_eq!(h.state(&id).await, "locked_pending_verification");
    // Unknown event and bad verdicts.
    let (status, _) = h
        .verdict(&secret, &id, "00000000-0000-0000-0000-000000000000", "mine")
        .await;
    assert_eq!(status, 404);
    let (status, _) = h.verdict(&secret, &id, order_id, "maybe").await;
    assert_eq!(status, 400);
}
each_backend!(a_not_mine_verdict_locks_at_once, not_mine_case);

async fn config_file_case(backend: Backend) {
    // A rule threshold written only in the --config file takes effect.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("vigil-server.conf");
    crate::support::write_private(&file, "# stricter\nVIGIL_PAYMENT_METHODS_TO_LOCK=2\n");
    let h = Harness::start_configured(backend, false, move |config| {
        config.config = Some(file);
    })
    .await;
    let card = |last4: &str| json!({"kind": "payment_method_added", "details": {"brand": "visa", "last4": last4, "billing_country": "NL"}});
    let (id, _) = h.enrol().await;
    assert_eq!(
        h.event(&id, card("1111")).await.1["account_state"],
        "active"
    );
    let (_, second) = h.event(&id, card("2222")).await;
    assert_eq!(second["account_state"], "locked_pending_verification");
    assert_eq!(second["risk"]["reasons"], json!(["payment_methods_in_24h"]));
}
each_backend!(
    a_rule_threshold_in_the_config_file_takes_effect,
    config_file_case
);

async fn failure_lock_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, _) = h.enrol().await;
    for kind in ["email_changed", "phone_changed"] {
        h.event(&id, json!({ "kind": kind })).await;
    }
    let (_, changed) = h.event(&id, json!({"kind": "password_changed"})).await;
    assert_eq!(changed["account_state"], "locked_pending_review");
    // A wrong code refused while the account was still active reaches the failure limit only
    // now: the failure lock reads the account afresh and never softens the review lock.
    let state = &h.server.as_ref().unwrap().state;
    let mut settings = state.rules.clone();
    settings.failures_to_lock = 1;
    let event_id = changed["event_id"].as_str().unwrap();
    let lock = vigil_server::rules::wrong_code(
        &state.db,
        &settings,
        &id,
        event_id,
        1,
        true,
        h.clock.now(),
    )
    .await
    .unwrap();
    assert!(lock.is_none(), "{lock:?}");
    assert_eq!(h.state(&id).await, "locked_pending_review");
}
each_backend!(
    the_failure_lock_never_softens_a_review_lock,
    failure_lock_case
);
