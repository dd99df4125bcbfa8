//! Lockout cannot be used as a weapon (issue 14, point 11): the block check and the failure
//! count are one atomic step, and failures from places the customer never signed in from are
//! throttled there, not at the customer's familiar place.

use serde_json::{Value, json};
use vigil_server::testing::{FIREFOX, SITE_KEY};

use crate::each_backend;
use crate::support::{Backend, Harness, wrong_code};

async fn parallel_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    h.sign_in(&id, &secret, "8.8.8.8").await;
    h.clock.advance(30);
    let wrong = wrong_code(&h, &secret);
    let mut requests = tokio::task::JoinSet::new();
    for _ in 0..50 {
        let request = h
            .client
            .post(h.url(&format!("/v1/accounts/{id}/verify")))
            .bearer_auth(SITE_KEY)
            .json(&json!({"code": wrong, "ip": "8.8.8.8", "user_agent": FIREFOX}));
        requests.spawn(async move { request.send().await.unwrap().status().as_u16() });
    }
    let mut statuses = Vec::new();
    while let Some(status) = requests.join_next().await {
        statuses.push(status.unwrap());
    }
    let checked = statuses.iter().filter(|s| **s == 401).count();
    let blocked = statuses.iter().filter(|s| **s == 429).count();
    // Exactly the five before the block were checked; every other one was refused unchecked.
    assert_eq!((checked, blocked), (5, 45), "{statuses:?}");
    // The block holds, for the right code too.
    let right = h.verify(&id, &h.code(&secret, 0), "8.8.8.8").await;
    assert_eq!(right.status(), 429);
    // The count held: after the block, four more wrong codes and the fifth blocks again.
    h.clock.advance(61);
    for _ in 0..4 {
        assert_eq!(h.verify(&id, &wrong, "8.8.8.8").await.status(), 401);
    }
    let tenth = h.verify(&id, &wrong, "8.8.8.8").await;
    assert_eq!(tenth.status(), 401);
    let blocked: Value = h.verify(&id, &wrong, "8.8.8.8").await.json().await.unwrap();
    assert_eq!(blocked["error"], "too_many_attempts");
    assert!(blocked["retry_after"].as_u64().unwrap() > 60, "{blocked}");
}
each_backend!(
    fifty_parallel_wrong_codes_keep_the_count_and_the_block,
    parallel_case
);

async fn unfamiliar_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    // The customer's place: 8.8.8.8 (US). The attacker: the Netherlands.
    h.sign_in(&id, &secret, "8.8.8.8").await;
    h.clock.advance(30);
    let attacker = "193.0.6.139";
    let mut refused = 0;
    for _ in 0..120 {
        let status = h
            .verify(&id, &wrong_code(&h, &secret), attacker)
            .await
            .status();
        match status.as_u16() {
            401 => {}
            429 => {
                refused += 1;
                // Wait out the block, as a patient attacker would.
                h.clock.advance(15 * 60 + 1);
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert!(refused > 0);
    // Block the attacker's place (at most five more failures)...
    let mut status = 401;
    while status == 401 {
        status = h
            .verify(&id, &wrong_code(&h, &secret), attacker)
            .await
            .status()
            .as_u16();
    }
    assert_eq!(status, 429);
    let right_there = h.verify(&id, &h.code(&secret, 0), attacker).await;
    assert_eq!(right_there.status(), 429);
    // ...yet the customer at their familiar place signs in, and the account was never locked.
    let customer = h.verify(&id, &h.code(&secret, 0), "8.8.8.8").await;
    assert_eq!(customer.status(), 200);
    assert_eq!(h.state(&id).await, "active");
}
each_backend!(
    failures_from_an_unfamiliar_place_do_not_block_the_familiar_one,
    unfamiliar_case
);
