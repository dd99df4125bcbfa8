//! Enrolment and account state: create, duplicate, keys, QR images until the first code.

use reqwest::Method;
use serde_json::{Value, json};
use vigil_core::OtpUri;

use crate::each_backend;
use crate::support::{Backend, Harness};

async fn enrolment_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let response = h
        .site(Method::POST, "/v1/accounts", Some(json!({"external_id": format!("ext-{}", uuid::Uuid::new_v4()), "email": "ann@example.com", "issuer": "Shop", "label": "ann"})))
        .await;
    assert_eq!(response.status(), 201);
    let body: Value = response.json().await.unwrap();
    let id = body["account_id"].as_str().unwrap();
    let uri = OtpUri::parse(body["otpauth_uri"].as_str().unwrap()).unwrap();
    assert_eq!(uri.secret.bits(), 160);
    assert_eq!((uri.issuer.as_str(), uri.label.as_str()), ("Shop", "ann"));
    assert_eq!(
        uri.activity.as_deref(),
        Some(format!("{}/v1/feed/{id}", h.base).as_str())
    );

    let status: Value = h
        .site(Method::GET, &format!("/v1/accounts/{id}"), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(status["state"], "active");
    assert_eq!(status["state_reason"], Value::Null);
    assert!(status["created_at"].as_str().unwrap().ends_with('Z'));

    let png = h
        .site(
            Method::GET,
            &format!("/v1/accounts/{id}/enrolment.png"),
            None,
        )
        .await;
    assert_eq!(png.status(), 200);
    assert_eq!(png.headers()["content-type"], "image/png");
    let bytes = png.bytes().await.unwrap();
    let found = vigil_core::qr::scan_image(&bytes).unwrap();
    assert_eq!(found.len(), 1);
    let svg = h
        .site(
            Method::GET,
            &format!("/v1/accounts/{id}/enrolment.svg"),
            None,
        )
        .await;
    assert_eq!(svg.headers()["content-type"], "image/svg+xml");
    let svg = svg.text().await.unwrap();
    assert!(svg.starts_with("<svg"));
    // Drawn by core's renderer (the app's), a standalone SVG of the enrolment URI.
    assert!(
        svg.contains(r#"xmlns="http://www.w3.org/2000/svg""#),
        "{svg}"
    );
    assert_eq!(
        svg,
        vigil_core::qr::render_svg(body["otpauth_uri"].as_str().unwrap()).unwrap()
    );

    // After the first accepted code the QR code is gone.
    let code = h.code(&uri.secret, 0);
    assert_eq!(h.verify(id, &code, "193.0.6.139").await.status(), 200);
    for file in ["enrolment.png", "enrolment.svg"] {
        let gone = h
            .site(Method::GET, &format!("/v1/accounts/{id}/{file}"), None)
            .await;
        assert_eq!(gone.status(), 410);
        let body: Value = gone.json().await.unwrap();
        assert_eq!(body["error"], "enrolment_closed");
    }
}
each_backend!(
    enrolment_gives_a_uri_with_activity_and_qr_codes_until_the_first_code,
    enrolment_case
);

async fn refusals_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let external = format!("dup-{}", uuid::Uuid::new_v4());
    let body = json!({"external_id": external, "email": "a@example.com"});
    assert_eq!(
        h.site(Method::POST, "/v1/accounts", Some(body.clone()))
            .await
            .status(),
        201
    );
    let dup = h
        .site(Method::POST, "/v1/accounts", Some(body.clone()))
        .await;
    assert_eq!(dup.status(), 409);
    assert_eq!(dup.json::<Value>().await.unwrap()["error"], "conflict");
    // No key, a wrong key, the reviewer's key: 401.
    let none = h
        .client
        .post(h.url("/v1/accounts"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(none.status(), 401);
    assert_eq!(none.json::<Value>().await.unwrap()["error"], "unauthorized");
    let wrong = h
        .client
        .post(h.url("/v1/accounts"))
        .bearer_auth("nope-nope-nope-nope")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    let reviewer = h
        .reviewer(Method::POST, "/v1/accounts", Some(body.clone()))
        .await;
    assert_eq!(reviewer.status(), 401);
    // Bad input: 400, never 500.
    let bad_email = h
        .site(
            Method::POST,
            "/v1/accounts",
            Some(json!({"external_id": "x", "email": "not-an-email"})),
        )
        .await;
    assert_eq!(bad_email.status(), 400);
    let missing = h
        .site(
            Method::POST,
            "/v1/accounts",
            Some(json!({"email": "a@example.com"})),
        )
        .await;
    assert_eq!(missing.status(), 400);
    assert_eq!(
        missing.json::<Value>().await.unwrap()["error"],
        "malformed_json"
    );
    // Unknown account: 404 on every site endpoint.
    let ghost = "00000000-0000-0000-0000-000000000000";
    for (method, path) in [
        (Method::GET, format!("/v1/accounts/{ghost}")),
        (Method::GET, format!("/v1/accounts/{ghost}/enrolment.png")),
        (Method::POST, format!("/v1/accounts/{ghost}/digest")),
    ] {
        let response = h.site(method, &path, None).await;
        assert_eq!(response.status(), 404, "{path}");
        assert_eq!(
            response.json::<Value>().await.unwrap()["error"],
            "account_not_found"
        );
    }
    let verify = h.verify(ghost, "123456", "8.8.8.8").await;
    assert_eq!(verify.status(), 404);
    let (status, _) = h.event(ghost, json!({"kind": "sign_in"})).await;
    assert_eq!(status, 404);
}
each_backend!(
    duplicates_keys_bad_input_and_unknown_accounts_are_refused,
    refusals_case
);

async fn openapi_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let response = h.client.get(h.url("/openapi.json")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let spec: Value = response.json().await.unwrap();
    assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/v1/accounts",
        "/v1/accounts/{id}",
        "/v1/accounts/{id}/enrolment.png",
        "/v1/accounts/{id}/enrolment.svg",
        "/v1/accounts/{id}/verify",
        "/v1/accounts/{id}/events",
        "/v1/accounts/{id}/digest",
        "/v1/accounts/{id}/sessions",
        "/v1/webhook-events",
        "/v1/feed/{account_id}",
        "/v1/feed/{account_id}/sessions",
        "/v1/feed/{account_id}/sessions/{session}/end",
        "/v1/feed/{account_id}/secure",
        "/v1/feed/{account_id}/events/{event_id}/verdict",
        "/v1/feed/{account_id}/documents",
        "/v1/review/accounts",
        "/v1/review/accounts/{id}/documents/{document_id}",
        "/v1/review/accounts/{id}/decision",
        "/healthz",
        "/readyz",
    ] {
        assert!(
            spec["paths"].get(path).is_some(),
            "{path} missing from openapi.json"
        );
    }
    let unknown = h.client.get(h.url("/v2/nothing")).send().await.unwrap();
    assert_eq!(unknown.status(), 404);
    assert_eq!(unknown.json::<Value>().await.unwrap()["error"], "not_found");
}
each_backend!(
    openapi_is_served_and_unknown_paths_are_json_404s,
    openapi_case
);

#[tokio::test]
async fn missing_keys_stop_the_start_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = crate::support::config_for(&Backend::Sqlite, dir.path(), None);
    config.site_key = None;
    let error = vigil_server::start(config, vigil_server::Clock::system())
        .await
        .unwrap_err();
    assert!(
        error.to_string().starts_with("VIGIL_SITE_KEY is not set"),
        "{error}"
    );
    let mut config = crate::support::config_for(&Backend::Sqlite, dir.path(), None);
    config.reviewer_key = Some("short".into());
    let error = vigil_server::start(config, vigil_server::Clock::system())
        .await
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("VIGIL_REVIEWER_KEY must be at least 16"),
        "{error}"
    );
}
