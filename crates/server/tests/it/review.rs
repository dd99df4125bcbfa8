//! Review: the locked accounts with evidence, decisions, and the HTML page.

use reqwest::Method;
use serde_json::{Value, json};
use vigil_server::testing::{REVIEWER_KEY, SITE_KEY};

use crate::each_backend;
use crate::support::{Backend, Harness};

async fn lock_by_changes(h: &Harness, id: &str) {
    for kind in ["email_changed", "phone_changed", "address_changed"] {
        h.event(id, json!({"kind": kind})).await;
    }
    assert_eq!(h.state(id).await, "locked_pending_review");
}

async fn review_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    lock_by_changes(&h, &id).await;
    let (active, _) = h.enrol().await;
    // The site key is not a reviewer key.
    let refused = h.site(Method::GET, "/v1/review/accounts", None).await;
    assert_eq!(refused.status(), 401);
    let list: Value = h
        .reviewer(Method::GET, "/v1/review/accounts", None)
        .await
        .json()
        .await
        .unwrap();
    let entry = list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["account_id"] == id.as_str())
        .unwrap();
    assert!(
        !list
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["account_id"] == active.as_str())
    );
    assert_eq!(entry["state"], "locked_pending_review");
    assert!(
        entry["state_reason"]
            .as_str()
            .unwrap()
            .contains("changed within 24 hours")
    );
    let evidence = entry["evidence"].as_array().unwrap();
    assert!(
        evidence
            .iter()
            .any(|e| e["flagged"] == true && e["kind"] == "address_changed")
    );
    assert!(evidence.iter().any(|e| e["kind"] == "state_changed"));
    assert_eq!(entry["documents"], json!([]));
    // Keep locked, then unlock.
    let path = format!("/v1/review/accounts/{id}/decision");
    let kept: Value = h
        .reviewer(
            Method::POST,
            &path,
            Some(json!({"decision": "keep_locked", "note": "called the customer, no answer"})),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(kept["state"], "locked_pending_review");
    let status: Value = h
        .site(Method::GET, &format!("/v1/accounts/{id}"), None)
        .await
        .json()
        .await
        .unwrap();
    assert!(
        status["state_reason"]
            .as_str()
            .unwrap()
            .contains("no answer")
    );
    // (a second later, so the feed orders the two state changes by time)
    h.clock.advance(1);
    let unlocked: Value = h
        .reviewer(
            Method::POST,
            &path,
            Some(json!({"decision": "unlock", "note": "identity checked"})),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(unlocked["state"], "active");
    let feed = h.feed(&secret, &id).await;
    let last_change = feed["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "state_changed")
        .unwrap();
    assert_eq!(last_change["details"]["to"], "active");
    assert!(
        last_change["details"]["reason"]
            .as_str()
            .unwrap()
            .contains("identity checked")
    );
    // Deciding on an active account is a conflict; bad decisions are 400; unknown accounts 404.
    assert_eq!(
        h.reviewer(Method::POST, &path, Some(json!({"decision": "unlock"})))
            .await
            .status(),
        409
    );
    assert_eq!(
        h.reviewer(Method::POST, &path, Some(json!({"decision": "delete"})))
            .await
            .status(),
        400
    );
    let ghost = "/v1/review/accounts/00000000-0000-0000-0000-000000000000/decision";
    assert_eq!(
        h.reviewer(Method::POST, ghost, Some(json!({"decision": "unlock"})))
            .await
            .status(),
        404
    );
}
each_backend!(reviewers_see_evidence_and_decide, review_case);

async fn page_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, _) = h.enrol().await;
    lock_by_changes(&h, &id).await;
    let anonymous = h.client.get(h.url("/review")).send().await.unwrap();
    assert_eq!(anonymous.status(), 401);
    assert!(
        anonymous.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Basic")
    );
    let wrong = h
        .client
        .get(h.url("/review"))
        .basic_auth("reviewer", Some(SITE_KEY))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    let page = h
        .client
        .get(h.url("/review"))
        .basic_auth("reviewer", Some(REVIEWER_KEY))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains(&id));
    assert!(html.contains("locked_pending_review"));
    // No Accept-Language: English.
    assert!(html.contains("<html lang=\"en\">"), "{html}");
    assert!(html.contains("Locked accounts") && html.contains("Keep locked"));
    // The reviewer's browser asks for Swiss French: the page is French.
    let french = h
        .client
        .get(h.url("/review"))
        .basic_auth("reviewer", Some(REVIEWER_KEY))
        .header("Accept-Language", "fr-CH,fr;q=0.9")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for phrase in [
        "<html lang=\"fr\">",
        "<title>Vérification Vigil</title>",
        "Comptes verrouillés",
        "Verrouillé : en attente de la décision",
        "Adresse postale modifiée",
        "Déverrouiller",
        "Laisser verrouillé",
    ] {
        assert!(french.contains(phrase), "{phrase:?} missing: {french}");
    }
    assert!(!french.contains("Locked accounts"));
    // A language Vigil does not speak, then German: German.
    let german = h
        .client
        .get(h.url("/review"))
        .basic_auth("reviewer", Some(REVIEWER_KEY))
        .header("Accept-Language", "ja, de-AT;q=0.8, en;q=0.5")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(german.contains("<html lang=\"de\">") && german.contains("Gesperrte Konten"));
    let token = html
        .split("name=\"token\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    // The form needs the page's token.
    let form_path = format!("/review/accounts/{id}/decision");
    let forged = h
        .client
        .post(h.url(&form_path))
        .basic_auth("reviewer", Some(REVIEWER_KEY))
        .form(&[("decision", "unlock"), ("note", ""), ("token", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 401);
    let done = h
        .client
        .post(h.url(&form_path))
        .basic_auth("reviewer", Some(REVIEWER_KEY))
        .form(&[
            ("decision", "unlock"),
            ("note", "<b>ok</b>"),
            ("token", token.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 200); // followed the redirect back to the page
    assert_eq!(h.state(&id).await, "active");
}
each_backend!(
    the_review_page_needs_the_reviewer_key_and_its_form_token,
    page_case
);
