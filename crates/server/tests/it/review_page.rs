//! The review page's protections (issue 14, point 16): never framed or cached, a form token
//! that survives a restart (derived from the reviewer key), and the note labelled as shown to
//! the customer.

use vigil_server::testing::REVIEWER_KEY;

use crate::each_backend;
use crate::support::{Backend, Harness};

async fn page(h: &Harness) -> reqwest::Response {
    h.client
        .get(h.url("/review"))
        .basic_auth("reviewer", Some(REVIEWER_KEY))
        .send()
        .await
        .unwrap()
}

fn token_of(html: &str) -> String {
    html.split("name=\"token\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned()
}

async fn headers_case(backend: Backend) {
    let mut h = Harness::start(backend).await;
    let (id, _) = h.enrol().await;
    for kind in ["email_changed", "phone_changed", "address_changed"] {
        h.event(&id, serde_json::json!({ "kind": kind })).await;
    }
    let response = page(&h).await;
    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert_eq!(headers["x-frame-options"], "DENY");
    let policy = headers["content-security-policy"].to_str().unwrap();
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert_eq!(headers["cache-control"], "no-store");
    let html = response.text().await.unwrap();
    assert!(
        html.contains("shown to them"),
        "the note's label says the customer sees it"
    );
    let token = token_of(&html);
    // The login refusal carries the headers too.
    let anonymous = h.client.get(h.url("/review")).send().await.unwrap();
    assert_eq!(anonymous.status(), 401);
    assert_eq!(anonymous.headers()["x-frame-options"], "DENY");
    // After a restart (or at another instance with the same keys) the token still works.
    h.restart().await;
    assert_eq!(token_of(&page(&h).await.text().await.unwrap()), token);
    let decided = h
        .client
        .post(h.url(&format!("/review/accounts/{id}/decision")))
        .basic_auth("reviewer", Some(REVIEWER_KEY))
        .form(&[
            ("decision", "unlock"),
            ("note", "called the customer"),
            ("token", token.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert!(decided.status().is_success() || decided.status().is_redirection());
    assert_eq!(h.state(&id).await, "active");
}
each_backend!(
    the_review_page_is_not_framed_cached_and_its_token_survives_restarts,
    headers_case
);
