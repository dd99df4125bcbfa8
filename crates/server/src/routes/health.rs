//! Health and metrics endpoints, without keys: `/healthz` (the process answers), `/readyz` (the
//! database answers and every migration is applied; 503 otherwise) and `/metrics`, which is
//! served only on the separate metrics address (`VIGIL_METRICS_LISTEN`).

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::json;

use super::SharedState;

/// `/healthz` and `/readyz`, for the public router and the metrics one.
pub fn health_routes() -> Router<SharedState> {
    Router::new()
        .route("/healthz", get(alive))
        .route("/readyz", get(ready))
}

/// The metrics address's router: `/metrics` and the health checks.
pub fn metrics_router(state: SharedState) -> Router {
    Router::new()
        .route("/metrics", get(metrics))
        .merge(health_routes())
        .with_state(state)
}

/// `GET /healthz`: the process is up and serving.
async fn alive() -> Json<serde_json::Value> {
    Json(json!({"status": "alive"}))
}

/// `GET /readyz`: 200 when the database answers and its schema is this build's, else 503 with
/// the reason (never a URL or a password).
async fn ready(State(state): State<SharedState>) -> Response {
    match state.db.readiness().await {
        Ok(()) => Json(json!({"status": "ready"})).into_response(),
        Err(reason) => {
            tracing::warn!(%reason, "not ready");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({"status": "not_ready", "reason": reason.to_string()})),
            )
                .into_response()
        }
    }
}

/// `GET /metrics`: OpenMetrics text, the email queue's depth and the webhook backlog read from
/// the database first.
async fn metrics(State(state): State<SharedState>) -> Response {
    match state.db.email_queue_depth().await {
        Ok(depth) => state.metrics.set_email_queue_depth(depth),
        Err(error) => tracing::warn!(%error, "email queue depth not read"),
    }
    match state.db.webhook_backlog().await {
        Ok(backlog) => state.metrics.set_webhook_backlog(backlog),
        Err(error) => tracing::warn!(%error, "webhook backlog not read"),
    }
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        state.metrics.encode(),
    )
        .into_response()
}
