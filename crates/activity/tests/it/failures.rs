//! Services that are down, silent, or answer garbage or too much: each is a clear error.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use vigil_activity::{ActivityClient, ActivityError, FeedLink, MAX_RESPONSE_BYTES};
use vigil_core::Secret;

fn secret() -> Secret {
    Secret::from_bytes(vec![1; 20])
}

/// A loopback server answering every connection with `answer` (or nothing, when `None`).
async fn fake(answer: Option<Vec<u8>>) -> FeedLink {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let answer = answer.clone();
            tokio::spawn(async move {
                let mut request = [0u8; 4096];
                let _ = stream.read(&mut request).await;
                match answer {
                    Some(bytes) => {
                        let _ = stream.write_all(&bytes).await;
                        let _ = stream.shutdown().await;
                    }
                    None => tokio::time::sleep(Duration::from_secs(60)).await,
                }
            });
        }
    });
    FeedLink::parse(&format!("http://127.0.0.1:{port}/v1/feed/acct")).unwrap()
}

fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut answer = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n{headers}\r\n",
        body.len()
    )
    .into_bytes();
    answer.extend_from_slice(body);
    answer
}

#[tokio::test]
async fn a_service_that_is_down_is_unreachable() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let link = FeedLink::parse(&format!("http://127.0.0.1:{port}/v1/feed/acct")).unwrap();
    let client = ActivityClient::new(Duration::from_secs(5)).unwrap();
    let error = client.feed(&link, &secret(), None, 10).await.unwrap_err();
    assert!(
        matches!(error, ActivityError::Unreachable { .. }),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .starts_with(&format!("Could not reach 127.0.0.1:{port}"))
    );
}

#[tokio::test]
async fn a_silent_service_times_out() {
    let link = fake(None).await;
    let client = ActivityClient::new(Duration::from_secs(1)).unwrap();
    let error = client.feed(&link, &secret(), None, 10).await.unwrap_err();
    assert!(matches!(error, ActivityError::Timeout { .. }), "{error:?}");
    assert!(error.to_string().ends_with("did not answer in time"));
}

#[tokio::test]
async fn a_date_that_cannot_be_shown_is_refused_not_kept() {
    let client = ActivityClient::new(Duration::from_secs(5)).unwrap();
    let page = serde_json::json!({
        "account_state": "active", "state_reason": null,
        "server_time": "2026-11-25T08:00:00Z", "next": null,
        "events": [{
            "id": "e1", "kind": "sign_in", "occurred_at": "9999-12-31T23:59:59-23:59",
            "ip": null, "country": null, "user_agent": null,
            "device": {"browser": null, "os": null},
            "outcome": "success", "details": {}, "flagged": true, "reasons": [],
            "verdict": null
        }],
    });
    let link = fake(Some(http("200 OK", "", page.to_string().as_bytes()))).await;
    let error = client.feed(&link, &secret(), None, 10).await.unwrap_err();
    assert!(matches!(error, ActivityError::Garbage { .. }), "{error:?}");
    assert!(
        error
            .to_string()
            .contains("a date outside the years 1970 to 9998"),
        "{error}"
    );
}

#[tokio::test]
async fn garbage_and_oversized_answers_are_refused() {
    let client = ActivityClient::new(Duration::from_secs(5)).unwrap();
    let link = fake(Some(http("200 OK", "", b"<html>hello</html>"))).await;
    let error = client.feed(&link, &secret(), None, 10).await.unwrap_err();
    assert!(matches!(error, ActivityError::Garbage { .. }), "{error:?}");

    // JSON, but not a feed page.
    let link = fake(Some(http("200 OK", "", br#"{"events": "many"}"#))).await;
    let error = client.feed(&link, &secret(), None, 10).await.unwrap_err();
    assert!(matches!(error, ActivityError::Garbage { .. }), "{error:?}");

    // Announced too large.
    let big = vec![b' '; MAX_RESPONSE_BYTES + 1];
    let link = fake(Some(http("200 OK", "", &big))).await;
    let error = client.feed(&link, &secret(), None, 10).await.unwrap_err();
    assert!(matches!(error, ActivityError::TooLarge { .. }), "{error:?}");

    // An error page that is not the protocol's JSON still gives a readable message.
    let link = fake(Some(http(
        "503 Service Unavailable",
        "",
        b"down for maintenance",
    )))
    .await;
    let error = client.feed(&link, &secret(), None, 10).await.unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "{} refused the request (503): Service Unavailable",
            link.host()
        )
    );
    // A redirect is not followed.
    let link = fake(Some(http(
        "302 Found",
        "Location: https://elsewhere.example/\r\n",
        b"",
    )))
    .await;
    let error = client.feed(&link, &secret(), None, 10).await.unwrap_err();
    assert!(
        matches!(error, ActivityError::Refused { status: 302, .. }),
        "{error:?}"
    );
}

#[tokio::test]
async fn documents_are_checked_before_sending() {
    let client = ActivityClient::new(Duration::from_secs(5)).unwrap();
    let link = FeedLink::parse("http://127.0.0.1:9/v1/feed/acct").unwrap();
    for (bytes, want) in [
        (Vec::new(), "empty"),
        (b"GIF89a....".to_vec(), "PDF, PNG or JPEG"),
        (vec![0xFF; 11 * 1024 * 1024], "too large"),
    ] {
        let error = client.document(&link, &secret(), bytes).await.unwrap_err();
        assert!(error.to_string().contains(want), "{error}");
    }
}
