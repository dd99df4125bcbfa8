//! Documents (issue 14, point 14): sealed at rest, taken only while the account is locked, at
//! most five per account; and the service's data files are private.

use base64::Engine;
use serde_json::{Value, json};

use crate::each_backend;
use crate::support::{Backend, Harness};

/// A PDF whose text is easy to look for.
const PASSPORT: &[u8] = b"%PDF-1.7\npassport number X99887766 Ann Example\n%%EOF\n";

async fn lock(h: &Harness, id: &str, secret: &vigil_core::Secret) {
    let (_, event) = h.event(id, json!({"kind": "email_changed"})).await;
    let event_id = event["event_id"].as_str().unwrap();
    assert_eq!(h.verdict(secret, id, event_id, "not_mine").await.0, 200);
}

async fn upload(h: &Harness, id: &str, secret: &vigil_core::Secret, bytes: &[u8]) -> (u16, Value) {
    let path = format!("/v1/feed/{id}/documents");
    let response = h.signed(secret, id, "POST", &path, bytes, 0, None).await;
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

async fn sealed_case(backend: Backend) {
    let h = Harness::start(backend.clone()).await;
    let (id, secret) = h.enrol().await;
    lock(&h, &id, &secret).await;
    let (status, body) = upload(&h, &id, &secret, PASSPORT).await;
    assert_eq!(status, 201, "{body}");
    let document_id = body["document_id"].as_str().unwrap();
    let pool = h.server.as_ref().unwrap().state.db.pool().clone();
    let stored: String = sqlx::query_scalar("SELECT data FROM documents WHERE id = $1")
        .bind(document_id)
        .fetch_one(&pool)
        .await
        .unwrap();
    let base64 = base64::engine::general_purpose::STANDARD.encode(PASSPORT);
    assert!(stored.starts_with("v1:"), "{stored}");
    assert!(!stored.contains(&base64));
    assert!(!stored.contains("X99887766"));
    if let Backend::Sqlite = backend {
        for file in ["server.db", "server.db-wal"] {
            if let Ok(bytes) = std::fs::read(h.dir.path().join(file)) {
                let text = String::from_utf8_lossy(&bytes);
                assert!(
                    !text.contains("X99887766") && !text.contains(&base64),
                    "{file}"
                );
            }
        }
    }
    // The reviewer reads exactly what was sent.
    let download = h
        .reviewer(
            reqwest::Method::GET,
            &format!("/v1/review/accounts/{id}/documents/{document_id}"),
            None,
        )
        .await;
    assert_eq!(download.status(), 200);
    assert_eq!(download.bytes().await.unwrap().as_ref(), PASSPORT);
}
each_backend!(documents_are_sealed_at_rest, sealed_case);

async fn only_locked_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    let (status, body) = upload(&h, &id, &secret, PASSPORT).await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["error"], "account_not_locked");
    lock(&h, &id, &secret).await;
    for _ in 0..5 {
        assert_eq!(upload(&h, &id, &secret, PASSPORT).await.0, 201);
    }
    let (status, body) = upload(&h, &id, &secret, PASSPORT).await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["error"], "too_many_documents");
}
each_backend!(
    documents_are_taken_only_while_locked_and_at_most_five,
    only_locked_case
);

#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_services_data_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data").join("vigil");
    let mut config = vigil_server::testing::config(dir.path());
    config.database_url = None;
    config.data_dir = Some(data.clone());
    let h =
        vigil_server::testing::LocalService::start_in(dir, config, vigil_server::Clock::system())
            .await;
    h.enrol().await;
    let mode =
        |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(data.parent().unwrap()), 0o700);
    for file in ["vigil-server.db", "vigil-server.db-wal"] {
        let path = data.join(file);
        assert!(path.exists(), "{file}");
        assert_eq!(mode(&path), 0o600, "{file}");
    }
}
