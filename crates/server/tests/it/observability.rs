//! Observability (issue 19, point 4): `/healthz` and `/readyz` on both addresses, Prometheus
//! metrics on their own address (requests by route and status, latency, verifications by
//! result, locks), JSON access logs from the binary, and a graceful stop that finishes the
//! request in flight.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use vigil_server::testing::{SITE_KEY, free_port};

use crate::each_backend;
use crate::support::{Backend, Harness, wrong_code};

async fn health_and_metrics_case(backend: Backend) {
    let h = Harness::start_configured(backend, false, |config| {
        config.metrics_listen = Some(([127, 0, 0, 1], 0).into());
    })
    .await;
    let metrics_base = format!(
        "http://{}",
        h.server.as_ref().unwrap().metrics_address.unwrap()
    );
    for base in [h.base.clone(), metrics_base.clone()] {
        let alive = h
            .client
            .get(format!("{base}/healthz"))
            .send()
            .await
            .unwrap();
        assert_eq!(alive.status(), 200);
        let ready = h.client.get(format!("{base}/readyz")).send().await.unwrap();
        assert_eq!(ready.status(), 200);
        assert_eq!(ready.json::<Value>().await.unwrap()["status"], "ready");
    }
    // Metrics are not on the public address.
    let public = h.client.get(h.url("/metrics")).send().await.unwrap();
    assert_eq!(public.status(), 404);

    let (id, secret) = h.enrol().await;
    h.sign_in(&id, &secret, "8.8.8.8").await;
    h.clock.advance(30);
    let wrong = wrong_code(&h, &secret);
    assert_eq!(h.verify(&id, &wrong, "8.8.8.8").await.status(), 401);
    // A lock: an event from another country within the travel window.
    let (_, body) = h
        .event(&id, json!({"kind": "sign_in", "ip": "193.0.6.139"}))
        .await;
    assert_eq!(body["account_state"], "locked_pending_verification");

    let text = h
        .client
        .get(format!("{metrics_base}/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        text.contains(
            r#"vigil_http_requests_total{route="/v1/accounts/{id}/verify",method="POST",status="401"} 1"#
        ),
        "{text}"
    );
    assert!(
        text.contains(
            r#"vigil_http_requests_total{route="/v1/accounts",method="POST",status="201"} 1"#
        ) || text.contains(
            r#"vigil_http_requests_total{route="/v1/accounts",method="POST",status="200"} 1"#
        ),
        "{text}"
    );
    assert!(
        text.contains(
            r#"vigil_http_request_duration_seconds_count{route="/v1/accounts/{id}/verify"} 2"#
        ),
        "{text}"
    );
    assert!(
        text.contains(r#"vigil_verifications_total{result="accepted"} 1"#),
        "{text}"
    );
    assert!(
        text.contains(r#"vigil_verifications_total{result="invalid_code"} 1"#),
        "{text}"
    );
    assert!(
        text.contains(r#"vigil_locks_total{state="locked_pending_verification"} 1"#),
        "{text}"
    );
    assert!(!text.contains(&id), "no account id is a label");
}
each_backend!(
    health_checks_and_metrics_on_their_own_address,
    health_and_metrics_case
);

async fn readiness_case(backend: Backend) {
    let h = Harness::start(backend).await;
    // A schema newer than... older than this build: a migration missing is not ready.
    let state = &h.server.as_ref().unwrap().state;
    let latest: i64 = sqlx::query_scalar("SELECT MAX(version) FROM schema_migrations")
        .fetch_one(state.db.pool())
        .await
        .unwrap();
    let applied_at: i64 =
        sqlx::query_scalar("SELECT applied_at FROM schema_migrations WHERE version = $1")
            .bind(latest)
            .fetch_one(state.db.pool())
            .await
            .unwrap();
    sqlx::query("DELETE FROM schema_migrations WHERE version = $1")
        .bind(latest)
        .execute(state.db.pool())
        .await
        .unwrap();
    let ready = h.client.get(h.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 503);
    let body: Value = ready.json().await.unwrap();
    assert_eq!(body["status"], "not_ready");
    assert!(
        body["reason"].as_str().unwrap().contains("migration"),
        "{body}"
    );
    sqlx::query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)")
        .bind(latest)
        .bind(applied_at)
        .execute(state.db.pool())
        .await
        .unwrap();
    assert_eq!(
        h.client
            .get(h.url("/readyz"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
}
each_backend!(readiness_needs_every_migration, readiness_case);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stop_finishes_the_request_in_flight() {
    let mut h = Harness::start(Backend::Sqlite).await;
    let body = json!({"external_id": "in-flight", "email": "in-flight@example.com"}).to_string();
    let (head, tail) = body.as_bytes().split_at(10);
    let mut stream = tokio::net::TcpStream::connect(h.server.as_ref().unwrap().address)
        .await
        .unwrap();
    let request = format!(
        "POST /v1/accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {SITE_KEY}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    stream.write_all(head).await.unwrap();
    stream.flush().await.unwrap();
    // The request is under way (half its body read) when the stop is asked for.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let server = h.service.server.take().unwrap();
    let stopping = tokio::spawn(server.stop());
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(!stopping.is_finished(), "the stop waits for the request");
    stream.write_all(tail).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    stopping.await.unwrap().unwrap();
    // And nothing new is accepted.
    assert!(
        tokio::net::TcpStream::connect(h.base.trim_start_matches("http://"))
            .await
            .is_err()
    );
}

#[test]
fn the_binary_writes_json_access_logs_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut command = Command::new(env!("CARGO_BIN_EXE_vigil-server"));
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("VIGIL_") || name == "RUST_LOG" {
            command.env_remove(name);
        }
    }
    let mut child = command
        .env("VIGIL_LOG_FORMAT", "json")
        .env("VIGIL_SERVER_LISTEN", format!("127.0.0.1:{port}"))
        .env("VIGIL_DATA_DIR", dir.path())
        .env("VIGIL_SITE_KEY", SITE_KEY)
        .env("VIGIL_REVIEWER_KEY", vigil_server::testing::REVIEWER_KEY)
        .env("VIGIL_SECRET_KEY", vigil_server::testing::SECRET_KEY)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    // Wait for it to listen.
    for line in lines.by_ref() {
        if line.unwrap().contains("listening on") {
            break;
        }
    }
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .write_all(b"GET /v1/accounts/some-id HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 401"), "{answer}");
    let pid = child.id().to_string();
    let access = lines
        .by_ref()
        .map(|line| line.unwrap())
        .find(|line| line.contains("\"request\""))
        .unwrap();
    let entry: Value = serde_json::from_str(&access).unwrap();
    assert_eq!(entry["fields"]["route"], "/v1/accounts/{id}", "{entry}");
    assert_eq!(entry["fields"]["status"], 401, "{entry}");
    assert_eq!(entry["fields"]["method"], "GET", "{entry}");
    assert!(
        !access.contains("some-id"),
        "the route, not the path: {access}"
    );
    let status = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(status.success());
    assert!(child.wait().unwrap().success(), "exits 0 on SIGTERM");
}
