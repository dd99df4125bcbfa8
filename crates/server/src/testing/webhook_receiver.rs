//! The site's webhook receiver for tests: a real HTTP server on 127.0.0.1 that keeps every POST
//! it gets (checked against its signature when waited for), and the configuration that sends
//! webhooks to it.

use std::time::Duration;

use super::free_port;
use crate::Config;

/// The webhook secret of the tests.
pub const WEBHOOK_SECRET: &str = "whsec-for-tests-0123456789";

/// One POST a [`WebhookReceiver`] got.
#[derive(Debug, Clone)]
pub struct ReceivedWebhook {
    /// Its `Vigil-Webhook-Signature` header.
    pub signature: String,
    /// Its `Vigil-Webhook-Id` header.
    pub id: String,
    /// The body as sent (what the signature covers).
    pub body: Vec<u8>,
    /// The body read as JSON.
    pub json: serde_json::Value,
}

/// The site's webhook receiver: a real HTTP server on 127.0.0.1 that keeps every POST it gets
/// and answers with `status` (200 unless a test changes it).
pub struct WebhookReceiver {
    /// The port it listens on, on 127.0.0.1.
    pub port: u16,
    /// Every POST it answered with 200, in order.
    pub received: std::sync::Arc<std::sync::Mutex<Vec<ReceivedWebhook>>>,
    /// The status it answers with.
    pub status: std::sync::Arc<std::sync::atomic::AtomicU16>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for WebhookReceiver {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl WebhookReceiver {
    /// A receiver on a free port.
    pub async fn start() -> WebhookReceiver {
        Self::start_on(free_port()).await
    }

    /// A receiver on this port (e.g. one the service was told of while nothing listened there).
    pub async fn start_on(port: u16) -> WebhookReceiver {
        use axum::http::HeaderMap;
        use std::sync::atomic::{AtomicU16, Ordering};
        use std::sync::{Arc, Mutex};
        let received: Arc<Mutex<Vec<ReceivedWebhook>>> = Arc::default();
        let status = Arc::new(AtomicU16::new(200));
        let (kept, answer) = (received.clone(), status.clone());
        let app = axum::Router::new().route(
            "/hooks/vigil",
            axum::routing::post(move |headers: HeaderMap, body: axum::body::Bytes| {
                let (kept, answer) = (kept.clone(), answer.clone());
                async move {
                    let header = |name: &str| {
                        headers
                            .get(name)
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or("")
                            .to_owned()
                    };
                    let code = answer.load(Ordering::SeqCst);
                    if code == 200 {
                        kept.lock().unwrap().push(ReceivedWebhook {
                            signature: header("Vigil-Webhook-Signature"),
                            id: header("Vigil-Webhook-Id"),
                            json: serde_json::from_slice(&body).unwrap_or_default(),
                            body: body.to_vec(),
                        });
                    }
                    axum::http::StatusCode::from_u16(code).unwrap()
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .unwrap();
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        WebhookReceiver {
            port,
            received,
            status,
            task,
        }
    }

    /// The URL to configure as `VIGIL_SITE_WEBHOOK_URL` for a receiver on `port`.
    pub fn url_on(port: u16) -> String {
        format!("http://127.0.0.1:{port}/hooks/vigil")
    }

    /// Waits until `count` events of `kind` arrived (each checked against its signature), and
    /// returns them.
    pub async fn wait_for(&self, kind: &str, count: usize) -> Vec<ReceivedWebhook> {
        for _ in 0..300 {
            let found: Vec<ReceivedWebhook> = self
                .received
                .lock()
                .unwrap()
                .iter()
                .filter(|hook| hook.json["type"] == kind)
                .cloned()
                .collect();
            if found.len() >= count {
                let now = time::OffsetDateTime::now_utc().unix_timestamp();
                for hook in &found {
                    vigil_core::activity::verify_webhook(
                        WEBHOOK_SECRET.as_bytes(),
                        &hook.signature,
                        &hook.body,
                        now,
                    )
                    .unwrap_or_else(|e| panic!("{e}: {hook:?}"));
                    assert_eq!(hook.id, hook.json["id"].as_str().unwrap());
                }
                return found;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "no {count} {kind} webhook(s); got {:#?}",
            self.received.lock().unwrap()
        );
    }
}

/// The test configuration with webhooks to `url`, retried after 1 s (at most 2 s).
pub fn with_webhooks(config: &mut Config, url: &str) {
    config.site_webhook_url = Some(url.to_owned());
    config.webhook_secret = Some(vigil_core::Sensitive::new(WEBHOOK_SECRET.to_owned()));
    config.webhook_retry_seconds = 1;
    config.webhook_retry_max_seconds = 2;
}
