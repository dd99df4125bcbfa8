//! Signatures are bound to the service (issue 14, point 9): a request signed for another origin
//! or without the public path prefix is refused, and so is the old unversioned (v1) form.

use serde_json::Value;
use vigil_core::activity::{ActivityKey, RequestTarget, sign_request};

use crate::each_backend;
use crate::support::{Backend, Harness};

/// Sends a GET to `path` at the service, signed for `origin` and `signed_path`.
async fn get_signed_for(
    h: &Harness,
    secret: &vigil_core::Secret,
    id: &str,
    origin: &str,
    signed_path: &str,
    path: &str,
) -> reqwest::Response {
    let key = ActivityKey::derive(secret, id);
    let target = RequestTarget {
        method: "GET",
        origin,
        path_and_query: signed_path,
    };
    let nonce = uuid::Uuid::new_v4().simple().to_string();
    let headers = sign_request(&key, &target, h.clock.now(), &nonce, b"").unwrap();
    let mut request = h.client.get(h.url(path));
    for (name, value) in headers.pairs() {
        request = request.header(name, value);
    }
    request.send().await.unwrap()
}

async fn other_host_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    let path = format!("/v1/feed/{id}");
    // Signed for this service: accepted.
    let own = get_signed_for(&h, &secret, &id, &h.base, &path, &path).await;
    assert_eq!(own.status(), 200);
    // The same request signed for an attacker's service, replayed here: refused.
    let replayed = get_signed_for(&h, &secret, &id, "https://attacker.example", &path, &path).await;
    assert_eq!(replayed.status(), 401);
    assert_eq!(
        replayed.json::<Value>().await.unwrap()["error"],
        "bad_signature"
    );
    // The old form (no Vigil-Signature-Version): refused with its own code.
    let key = ActivityKey::derive(&secret, &id);
    let target = RequestTarget {
        method: "GET",
        origin: &h.base,
        path_and_query: &path,
    };
    let headers = sign_request(&key, &target, h.clock.now(), "old-form-nonce-0001", b"").unwrap();
    let mut request = h.client.get(h.url(&path));
    for (name, value) in headers.pairs().into_iter().skip(1) {
        request = request.header(name, value);
    }
    let old = request.send().await.unwrap();
    assert_eq!(old.status(), 401);
    let body: Value = old.json().await.unwrap();
    assert_eq!(body["error"], "unsupported_signature_version", "{body}");
}
each_backend!(
    a_request_signed_for_another_host_is_refused,
    other_host_case
);

async fn prefix_case(backend: Backend) {
    // Behind a proxy at https://vigil.example/base, which strips /base.
    let h = Harness::start_configured(backend, false, |config| {
        config.public_url = Some("https://vigil.example/base/".into());
    })
    .await;
    let enrolled = h
        .enrol_with(serde_json::json!({"external_id": "prefix-1", "email": "p@example.com"}))
        .await;
    let id = enrolled.id;
    assert_eq!(
        enrolled.uri.activity.as_deref(),
        Some(format!("https://vigil.example/base/v1/feed/{id}").as_str())
    );
    let secret = enrolled.uri.secret;
    let path = format!("/v1/feed/{id}");
    let public = format!("/base{path}");
    let origin = "https://vigil.example";
    let ok = get_signed_for(&h, &secret, &id, origin, &public, &path).await;
    assert_eq!(ok.status(), 200);
    // Signed without the prefix, or for the address the proxy talks to: refused.
    let bare = get_signed_for(&h, &secret, &id, origin, &path, &path).await;
    assert_eq!(bare.status(), 401);
    let inner = get_signed_for(&h, &secret, &id, &h.base, &path, &path).await;
    assert_eq!(inner.status(), 401);
}
each_backend!(the_public_path_prefix_is_signed, prefix_case);
