//! Sessions: started by the site's sign-ins and accepted codes, ended by its sign-outs, listed
//! for the site and the customer, ended by the customer one by one or all at once ("Secure my
//! account"), ended by a reviewer; new devices and places flagged without a lock.

use serde_json::{Value, json};
use vigil_core::Secret;
use vigil_server::testing::{FIREFOX, Method};

use crate::each_backend;
use crate::support::{Backend, Harness, session_state, site_sessions};

const IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

/// The site checks a code typed in `session`, from `ip` with Firefox; the status and answer.
async fn verify_in(
    h: &Harness,
    id: &str,
    secret: &Secret,
    session: &str,
    ip: &str,
) -> (u16, Value) {
    h.clock.advance(30);
    let response = h
        .site(
            Method::POST,
            &format!("/v1/accounts/{id}/verify"),
            Some(
                json!({"code": h.code(secret, 0), "ip": ip, "user_agent": FIREFOX,
                        "session": session}),
            ),
        )
        .await;
    (response.status().as_u16(), response.json().await.unwrap())
}

/// A signed call of the app with an empty body; the status and answer.
async fn app(h: &Harness, secret: &Secret, id: &str, method: &str, path: &str) -> (u16, Value) {
    let response = h.signed(secret, id, method, path, b"", 0, None).await;
    (response.status().as_u16(), response.json().await.unwrap())
}

async fn lifecycle_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    // A code typed on the laptop starts its session; the phone's sign-in the site reports.
    let (status, body) = verify_in(&h, &id, &secret, "laptop-1", "193.0.6.139").await;
    assert_eq!(status, 200, "{body}");
    let laptop_sign_in = body["event_id"].as_str().unwrap().to_owned();
    h.clock.advance(60);
    let (status, body) = h
        .event(
            &id,
            json!({"kind": "sign_in", "ip": "193.0.6.139", "user_agent": IPHONE,
                   "session": "phone/1"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    // Activity in a session moves its last_seen_at.
    h.clock.advance(60);
    let (status, _) = h
        .event(&id, json!({"kind": "email_changed", "session": "laptop-1"}))
        .await;
    assert_eq!(status, 201);
    let site = site_sessions(&h, &id).await;
    assert_eq!(site["password_reset_required"], false);
    let sessions = site["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 2, "{site}");
    assert_eq!(sessions[0]["id"], "phone/1");
    assert_eq!(sessions[0]["device_words"], "Safari 17 on iOS 17");
    assert_eq!(sessions[1]["id"], "laptop-1");
    assert_eq!(sessions[1]["state"], "active");
    assert_eq!(sessions[1]["country"], "NL");
    assert_eq!(sessions[1]["device_words"], "Firefox 133 on Windows");
    assert_eq!(sessions[1]["sign_in_event"], laptop_sign_in.as_str());
    assert_ne!(sessions[1]["last_seen_at"], sessions[1]["started_at"]);
    // The customer sees both, and which one the last code came from.
    let (status, list) = app(&h, &secret, &id, "GET", &format!("/v1/feed/{id}/sessions")).await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(list["last_code_session"], "laptop-1");
    assert_eq!(list["sessions"].as_array().unwrap().len(), 2);
    assert_eq!(list["account_state"], "active");
    // The site signs the phone out: signed_out for the site, gone from the customer's list.
    h.clock.advance(60);
    let (status, body) = h
        .event(&id, json!({"kind": "sign_out", "session": "phone/1"}))
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(session_state(&h, &id, "phone/1").await, "signed_out");
    let (_, list) = app(&h, &secret, &id, "GET", &format!("/v1/feed/{id}/sessions")).await;
    let ids: Vec<&Value> = list["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s["id"])
        .collect();
    assert_eq!(ids, [&json!("laptop-1")]);
    // The feed shows the sign-out.
    let feed = h.feed(&secret, &id).await;
    assert_eq!(feed["events"][0]["kind"], "sign_out");
    // An ended session's id cannot start another; an unknown one cannot be signed out.
    let (status, body) = h
        .event(&id, json!({"kind": "sign_in", "session": "phone/1"}))
        .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (409, Some("session_ended"))
    );
    let (status, body) = h
        .event(&id, json!({"kind": "sign_out", "session": "never-started"}))
        .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (404, Some("session_not_found"))
    );
    // The customer ends the laptop's session (the path's id percent-encoded as the app does).
    let (status, body) = app(
        &h,
        &secret,
        &id,
        "POST",
        &format!("/v1/feed/{id}/sessions/laptop-1/end"),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["session"]["state"], "ended_by_customer");
    assert_eq!(
        session_state(&h, &id, "laptop-1").await,
        "ended_by_customer"
    );
    let (status, body) = app(
        &h,
        &secret,
        &id,
        "POST",
        &format!("/v1/feed/{id}/sessions/phone%2F1/end"),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["session"]["state"], "signed_out",
        "ended before: as it was"
    );
    let (status, body) = app(
        &h,
        &secret,
        &id,
        "POST",
        &format!("/v1/feed/{id}/sessions/nope/end"),
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (404, Some("session_not_found"))
    );
}
each_backend!(sessions_start_end_and_are_listed, lifecycle_case);

async fn bad_ids_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    let long = "x".repeat(129);
    for bad in ["", "  ", "a\u{7}b", long.as_str()] {
        for kind in ["sign_in", "sign_out"] {
            let (status, body) = h.event(&id, json!({"kind": kind, "session": bad})).await;
            assert_eq!(status, 400, "{bad:?}: {body}");
            assert_eq!(body["error"], "invalid_request");
            assert_eq!(body["field"], "session", "{body}");
            assert!(body["message"].as_str().unwrap().contains("session"));
        }
        let (status, body) = verify_in(&h, &id, &secret, bad, "193.0.6.139").await;
        assert_eq!(
            (status, body["field"].as_str()),
            (400, Some("session")),
            "{body}"
        );
    }
    let (status, body) = h.event(&id, json!({"kind": "sign_out"})).await;
    assert_eq!((status, body["field"].as_str()), (400, Some("session")));
    assert!(
        body["message"].as_str().unwrap().contains("required"),
        "{body}"
    );
    let (status, body) = app(
        &h,
        &secret,
        &id,
        "POST",
        &format!("/v1/feed/{id}/sessions/a%07b/end"),
    )
    .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (400, Some("session")),
        "{body}"
    );
    // Nothing was recorded.
    assert!(
        site_sessions(&h, &id).await["sessions"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}
each_backend!(bad_session_ids_are_refused_naming_the_field, bad_ids_case);

async fn secure_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    verify_in(&h, &id, &secret, "laptop", "81.2.69.142").await;
    // 20 minutes later, the intruder's code from the Netherlands: flagged and locked.
    h.clock.advance(20 * 60);
    let (status, body) = verify_in(&h, &id, &secret, "intruder", "193.0.6.139").await;
    assert_eq!(status, 200, "{body}");
    let intruder = body["event_id"].as_str().unwrap().to_owned();
    assert_eq!(h.state(&id).await, "locked_pending_verification");
    let (_, list) = app(&h, &secret, &id, "GET", &format!("/v1/feed/{id}/sessions")).await;
    let flagged: Vec<(&Value, &Value)> = list["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (&s["id"], &s["flagged"]))
        .collect();
    assert_eq!(
        flagged,
        [
            (&json!("intruder"), &json!(true)),
            (&json!("laptop"), &json!(false))
        ]
    );
    // "This wasn't me", then "Secure my account".
    let (status, _) = h.verdict(&secret, &id, &intruder, "not_mine").await;
    assert_eq!(status, 200);
    let (status, body) = app(&h, &secret, &id, "POST", &format!("/v1/feed/{id}/secure")).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["ended_sessions"], json!(["intruder", "laptop"]));
    assert_eq!(body["password_reset_required"], true);
    assert_eq!(body["account_state"], "locked_pending_review");
    let site = site_sessions(&h, &id).await;
    assert_eq!(site["password_reset_required"], true);
    assert_eq!(site["account_state"], "locked_pending_review");
    for session in site["sessions"].as_array().unwrap() {
        assert_eq!(session["state"], "ended_by_customer", "{site}");
    }
    let (_, list) = app(&h, &secret, &id, "GET", &format!("/v1/feed/{id}/sessions")).await;
    assert!(list["sessions"].as_array().unwrap().is_empty());
    assert_eq!(list["password_reset_required"], true);
    // The site's password_changed clears the requirement.
    let (status, _) = h.event(&id, json!({"kind": "password_changed"})).await;
    assert_eq!(status, 201);
    assert_eq!(
        site_sessions(&h, &id).await["password_reset_required"],
        false
    );
    // With nothing suspicious, securing ends the sessions but locks nothing.
    let (other, other_secret) = h.enrol().await;
    verify_in(&h, &other, &other_secret, "only", "81.2.69.142").await;
    let (_, body) = app(
        &h,
        &other_secret,
        &other,
        "POST",
        &format!("/v1/feed/{other}/secure"),
    )
    .await;
    assert_eq!(body["ended_sessions"], json!(["only"]));
    assert_eq!(body["account_state"], "active");
}
each_backend!(
    secure_after_not_mine_ends_every_session_and_locks_for_review,
    secure_case
);

async fn review_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    verify_in(&h, &id, &secret, "laptop", "81.2.69.142").await;
    h.clock.advance(20 * 60);
    verify_in(&h, &id, &secret, "intruder", "193.0.6.139").await;
    assert_eq!(h.state(&id).await, "locked_pending_verification");
    let response = h
        .reviewer(
            Method::POST,
            &format!("/v1/review/accounts/{id}/decision"),
            Some(json!({"decision": "keep_locked"})),
        )
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(session_state(&h, &id, "laptop").await, "ended_by_review");
    assert_eq!(session_state(&h, &id, "intruder").await, "ended_by_review");
}
each_backend!(keeping_an_account_locked_ends_its_sessions, review_case);

async fn new_device_case(backend: Backend) {
    let h = Harness::start_with(backend, true).await;
    let (id, secret) = h.enrol().await;
    h.sign_in(&id, &secret, "193.0.6.139").await;
    // The same place on a phone: a new device, flagged and emailed, but the account stays active.
    h.clock.advance(3600);
    let (status, body) = h
        .event(
            &id,
            json!({"kind": "sign_in", "ip": "193.0.6.139", "user_agent": IPHONE}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["account_state"], "active");
    assert_eq!(
        body["risk"],
        json!({"level": "high", "reasons": ["new_device"]})
    );
    h.smtp
        .as_ref()
        .unwrap()
        .wait_for("Safari 17 on iOS 17", 1)
        .await;
    let feed = h.feed(&secret, &id).await;
    assert_eq!(feed["events"][0]["flagged"], true);
    assert_eq!(feed["account_state"], "active");
    // A newer Firefox on the same computer is not a new device.
    h.clock.advance(3600);
    let firefox_134 =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:134.0) Gecko/20100101 Firefox/134.0";
    let (_, body) = h
        .event(
            &id,
            json!({"kind": "sign_in", "ip": "193.0.6.139", "user_agent": firefox_134}),
        )
        .await;
    assert_eq!(body["risk"]["level"], "low", "{body}");
    // 91 days later both the place and the device count as new again.
    h.clock.advance(91 * 24 * 3600);
    let (_, body) = h
        .event(
            &id,
            json!({"kind": "sign_in", "ip": "193.0.6.139", "user_agent": FIREFOX}),
        )
        .await;
    assert_eq!(
        body["risk"]["reasons"],
        json!(["new_country", "new_device"])
    );
    assert_eq!(body["account_state"], "active");
}
each_backend!(
    new_devices_and_places_are_flagged_without_a_lock,
    new_device_case
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_customers_are_signed_in_on_a_phone_and_a_laptop() {
    let h = Harness::start_configured(Backend::Sqlite, false, |config| config.demo = true).await;
    let db = &h.server.as_ref().unwrap().state.db;
    for (customer, intruder) in [
        ("demo-alice", None),
        ("demo-bob", Some("s-bob-phone")),
        ("demo-carol", None),
    ] {
        let account = db.account_by_external_id(customer).await.unwrap().unwrap();
        let site = site_sessions(&h, &account.id).await;
        let sessions = site["sessions"].as_array().unwrap();
        let mut ids: Vec<&str> = sessions.iter().map(|s| s["id"].as_str().unwrap()).collect();
        ids.sort_unstable();
        let short = customer.trim_start_matches("demo-");
        assert_eq!(
            ids,
            [format!("s-{short}-laptop"), format!("s-{short}-phone")],
            "{site}"
        );
        for session in sessions {
            assert_eq!(session["state"], "active");
        }
        if let Some(intruder) = intruder {
            let session = sessions.iter().find(|s| s["id"] == intruder).unwrap();
            assert_eq!(session["flagged"], true);
            assert_eq!(session["country"], "BR");
            assert_eq!(session["device_words"], "Chrome 131 on Android 14");
        }
    }
}
