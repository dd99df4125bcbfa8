//! Code verification: drift, replay, every attempt recorded.

use serde_json::Value;

use crate::each_backend;
use crate::support::{Backend, Harness};

async fn verify_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    // One step of drift either side is accepted; two are not.
    let too_early = h.verify(&id, &h.code(&secret, -2), "193.0.6.139").await;
    assert_eq!(too_early.status(), 401);
    assert_eq!(
        too_early.json::<Value>().await.unwrap()["error"],
        "invalid_code"
    );
    let too_late = h.verify(&id, &h.code(&secret, 2), "193.0.6.139").await;
    assert_eq!(too_late.status(), 401);
    let behind = h.verify(&id, &h.code(&secret, -1), "193.0.6.139").await;
    assert_eq!(behind.status(), 200);
    let body: Value = behind.json().await.unwrap();
    assert_eq!(body["result"], "accepted");
    let first_event = body["event_id"].as_str().unwrap().to_owned();
    // The same code again: replay.
    let again = h.verify(&id, &h.code(&secret, -1), "193.0.6.139").await;
    assert_eq!(again.status(), 409);
    assert_eq!(
        again.json::<Value>().await.unwrap()["error"],
        "code_already_used"
    );
    // The code ahead is accepted; then the current one (an earlier step) never is.
    assert_eq!(
        h.verify(&id, &h.code(&secret, 1), "193.0.6.139")
            .await
            .status(),
        200
    );
    assert_eq!(
        h.verify(&id, &h.code(&secret, 0), "193.0.6.139")
            .await
            .status(),
        409
    );
    // Spaces in a typed code are fine.
    h.clock.advance(90);
    let code = h.code(&secret, 0);
    let spaced = format!("{} {}", &code[..3], &code[3..]);
    assert_eq!(h.verify(&id, &spaced, "193.0.6.139").await.status(), 200);

    // Every attempt is in the feed, with ip, country, device and outcome (repeated failures
    // from one IP as one event with a count).
    let feed = h.feed(&secret, &id).await;
    let outcomes: Vec<&str> = feed["events"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| {
            let count = e["count"].as_u64().unwrap_or(1) as usize;
            std::iter::repeat_n(e["outcome"].as_str().unwrap(), count)
        })
        .collect();
    assert_eq!(outcomes.len(), 7, "{outcomes:?}");
    assert_eq!(outcomes.iter().filter(|o| **o == "success").count(), 3);
    assert_eq!(
        outcomes
            .iter()
            .filter(|o| **o == "code_already_used")
            .count(),
        2
    );
    assert_eq!(outcomes.iter().filter(|o| **o == "invalid_code").count(), 2);
    let first = feed["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == first_event.as_str())
        .unwrap();
    assert_eq!(first["kind"], "sign_in");
    assert_eq!(first["ip"], "193.0.6.139");
    assert_eq!(first["country"], "NL");
    assert_eq!(first["device"]["browser"], "Firefox 133");
    assert_eq!(first["device"]["os"], "Windows");
    assert_eq!(first["flagged"], false);
}
each_backend!(
    codes_drift_one_step_replays_are_refused_and_every_attempt_is_recorded,
    verify_case
);
