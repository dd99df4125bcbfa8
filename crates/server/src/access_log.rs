//! The outermost middleware: one access-log line per request (method, matched route, status,
//! milliseconds; never a query, a body or a header, which may carry keys) and the request
//! metrics.

use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::routes::SharedState;

/// What a request that matched no route is counted as (its path is not a label: unbounded).
pub const UNMATCHED: &str = "unmatched";

/// Logs and counts the request once answered.
pub async fn observe(State(state): State<SharedState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|path| path.as_str().to_owned())
        .unwrap_or_else(|| UNMATCHED.to_owned());
    let method = request.method().as_str().to_owned();
    let response = next.run(request).await;
    let elapsed = started.elapsed();
    let status = response.status().as_u16();
    state
        .metrics
        .observe_request(&route, &method, status, elapsed.as_secs_f64());
    tracing::info!(
        target: "vigil_server::access",
        method,
        route,
        status,
        ms = elapsed.as_secs_f64() * 1000.0,
        "request"
    );
    response
}
