//! Limits before authentication (issue 14, point 12): a document's body is not read before the
//! signature's headers, the account and its lock are checked; a request must arrive within the
//! timeout; requests in flight and open connections are bounded.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use vigil_server::testing::SITE_KEY;

use crate::each_backend;
use crate::support::{Backend, Harness};

/// Sends `head` (request line and headers, no body) and returns the status line of the answer,
/// which must come without the body being sent.
async fn status_without_body(h: &Harness, head: &str) -> String {
    let address = h.server.as_ref().unwrap().address;
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = vec![0u8; 1024];
    let read = tokio::time::timeout(Duration::from_secs(20), stream.read(&mut answer))
        .await
        .expect("the service answered before the body was sent")
        .unwrap();
    String::from_utf8_lossy(&answer[..read])
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// The head of a signed document upload of `length` bytes (signature headers well formed).
fn document_head(h: &Harness, id: &str, length: usize) -> String {
    format!(
        "POST /v1/feed/{id}/documents HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/pdf\r\n\
         Content-Length: {length}\r\nVigil-Signature-Version: v2\r\nVigil-Timestamp: {now}\r\n\
         Vigil-Nonce: nonce-for-a-large-body-1\r\nVigil-Signature: AAAA\r\n\r\n",
        host = h.base.trim_start_matches("http://"),
        now = h.clock.now(),
    )
}

async fn unread_body_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let ghost = "00000000-0000-0000-0000-000000000000";
    // 10 MB announced, nothing sent: 404 at once, and not 413 for one byte too many either.
    for length in [10 * 1024 * 1024, 10 * 1024 * 1024 + 1] {
        let status = status_without_body(&h, &document_head(&h, ghost, length)).await;
        assert!(status.contains(" 404 "), "{status}");
    }
    // An account that takes no document now (not locked): 409, body unread.
    let (id, _) = h.enrol().await;
    let status = status_without_body(&h, &document_head(&h, &id, 10 * 1024 * 1024)).await;
    assert!(status.contains(" 409 "), "{status}");
}
each_backend!(
    an_unknown_accounts_document_is_refused_without_reading_it,
    unread_body_case
);

async fn timeout_case(backend: Backend) {
    let h = Harness::start_configured(backend, false, |config| {
        config.request_timeout_seconds = 1;
        config.max_requests_in_flight = 1;
    })
    .await;
    let (id, _) = h.enrol().await;
    // A body announced and never finished: 408, not a connection held for ever.
    let head = format!(
        "POST /v1/accounts/{id}/verify HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {SITE_KEY}\r\n\
         Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"code\":"
    );
    let address = h.server.as_ref().unwrap().address;
    let mut stalled = TcpStream::connect(address).await.unwrap();
    stalled.write_all(head.as_bytes()).await.unwrap();
    // While it holds the only slot, another request is refused at once.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let busy = h.client.get(h.url("/openapi.json")).send().await.unwrap();
    assert_eq!(busy.status(), 503);
    assert_eq!(
        busy.json::<serde_json::Value>().await.unwrap()["error"],
        "overloaded"
    );
    let mut answer = vec![0u8; 1024];
    let read = tokio::time::timeout(Duration::from_secs(20), stalled.read(&mut answer))
        .await
        .unwrap()
        .unwrap();
    let text = String::from_utf8_lossy(&answer[..read]);
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
    assert!(text.contains("request_timeout"), "{text}");
    // The slot is free again.
    let after = h.client.get(h.url("/openapi.json")).send().await.unwrap();
    assert_eq!(after.status(), 200);
}
each_backend!(
    a_stalled_body_times_out_and_requests_in_flight_are_bounded,
    timeout_case
);

async fn connections_case(backend: Backend) {
    let h = Harness::start_configured(backend, false, |config| {
        config.max_connections = 2;
    })
    .await;
    let address = h.server.as_ref().unwrap().address;
    let first = TcpStream::connect(address).await.unwrap();
    let _second = TcpStream::connect(address).await.unwrap();
    // A third connection is not served while two are open...
    let client = reqwest::Client::new();
    let url = h.url("/openapi.json");
    let waiting = tokio::spawn(async move { client.get(url).send().await.unwrap().status() });
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(!waiting.is_finished(), "a third connection was served");
    // ...and is once one closes.
    drop(first);
    let status = tokio::time::timeout(Duration::from_secs(20), waiting)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(status, 200);
}
each_backend!(open_connections_are_bounded, connections_case);
