//! Emails, received by a real SMTP server: alerts (one per rule per hour), lock, unlock, digest.

use reqwest::Method;
use serde_json::{Value, json};

use crate::each_backend;
use crate::support::{Backend, Harness};

async fn emails_case(backend: Backend) {
    let h = Harness::start_with(backend, true).await;
    let smtp = h.smtp.as_ref().unwrap();
    let (id, secret) = h.enrol().await;
    let email = h
        .site(Method::GET, &format!("/v1/accounts/{id}"), None)
        .await;
    assert_eq!(email.status(), 200);
    let first = h.sign_in(&id, &secret, "81.2.69.142").await;
    assert!(first["event_id"].is_string());
    h.clock.advance(20 * 60);
    let code = h.code(&secret, 0);
    let flagged = h.verify(&id, &code, "193.0.6.139").await;
    let flagged_id = flagged.json::<Value>().await.unwrap()["event_id"]
        .as_str()
        .unwrap()
        .to_owned();

    let alerts = smtp.wait_for("unusual sign-in from NL", 1).await;
    let alert = &alerts[0];
    assert!(alert.contains(" UTC"), "time with its zone: {alert}");
    assert!(alert.contains("193.0.6.139"));
    assert!(alert.contains("Firefox 133 on Windows"));
    assert!(alert.contains("This wasn't me"));
    // The link names the service too (account ids are only the service's own).
    let service = h.base.trim_start_matches("http://").replace(':', "%3A");
    assert!(
        alert.contains(&format!(
            "vigil://activity?service={service}&account={id}&event={flagged_id}"
        )),
        "{alert}"
    );
    assert!(alert.contains("text/html") && alert.contains("text/plain"));
    assert!(!alert.contains(&code), "never a code");
    assert!(
        !alert.contains(secret.to_base32().expose().as_str()),
        "never a secret"
    );
    let locks = smtp.wait_for("your account is locked", 1).await;
    assert!(locks[0].contains("Sign-ins from GB and NL"));

    // Confirm: unlocked, with its email.
    assert_eq!(
        h.verdict(&secret, &id, &flagged_id, "mine").await.1["account_state"],
        "active"
    );
    smtp.wait_for("your account is unlocked", 1).await;
    // The same rule again within the hour: no second alert, but the lock email is never held back.
    let (_, body) = h
        .event(&id, json!({"kind": "sign_in", "ip": "8.8.8.8"}))
        .await;
    assert_eq!(body["account_state"], "locked_pending_verification");
    smtp.wait_for("your account is locked", 2).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        smtp.messages()
            .iter()
            .filter(|m| m.contains("unusual sign-in"))
            .count(),
        1
    );
    // Hours later, the rule alerts again.
    let feed = h.feed(&secret, &id).await;
    for event in feed["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["flagged"] == true)
    {
        h.verdict(&secret, &id, event["id"].as_str().unwrap(), "mine")
            .await;
    }
    assert_eq!(h.state(&id).await, "active");
    h.clock.advance(3 * 3600);
    h.event(&id, json!({"kind": "sign_in", "ip": "133.11.0.1"}))
        .await;
    h.clock.advance(60);
    let (_, body) = h
        .event(&id, json!({"kind": "sign_in", "ip": "200.160.2.3"}))
        .await;
    assert_eq!(body["account_state"], "locked_pending_verification");
    smtp.wait_for("unusual sign-in from BR", 1).await;

    // The digest: the last 7 days' sign-ins, orders (masked) and bookings.
    h.event(&id, json!({"kind": "order_placed", "details": {"reference": "ORD-99887766", "amount": "42.00", "currency": "EUR"}})).await;
    h.event(&id, json!({"kind": "booking_created", "details": {"reference": "BK-5544", "what": "Concert", "when": "2026-12-24"}})).await;
    let digest: Value = h
        .site(Method::POST, &format!("/v1/accounts/{id}/digest"), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(digest["orders"], 1);
    assert_eq!(digest["bookings"], 1);
    assert!(digest["sign_ins"].as_u64().unwrap() >= 4);
    let mails = smtp.wait_for("your activity in the last 7 days", 1).await;
    let text = &mails[0];
    assert!(
        text.contains("7766") && !text.contains("ORD-99887766"),
        "masked order reference"
    );
    assert!(text.contains("Concert"));
    assert!(text.contains("200.160.2.3") && text.contains("BR"));
}
each_backend!(alerts_locks_unlocks_and_digests_arrive_by_smtp, emails_case);
