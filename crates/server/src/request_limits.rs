//! Limits on every request, as one middleware layer: at most `max_in_flight` requests are
//! handled at once (more get `503 overloaded` at once, so nothing queues without bound), and a
//! request, its body included, must be answered within `timeout` (`408 request_timeout`).

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::sync::Semaphore;

use crate::error::ApiError;

/// The request limits in force.
#[derive(Debug, Clone)]
pub struct RequestLimits {
    /// The longest a request may take, reading its body included.
    pub timeout: Duration,
    in_flight: Arc<Semaphore>,
}

impl RequestLimits {
    /// Limits of `timeout` per request and `max_in_flight` (at least 1) at once.
    pub fn new(timeout: Duration, max_in_flight: usize) -> Self {
        Self {
            timeout,
            in_flight: Arc::new(Semaphore::new(max_in_flight.max(1))),
        }
    }
}

/// The middleware: a slot, then the request under the timeout.
pub async fn limit_requests(
    State(limits): State<RequestLimits>,
    request: Request,
    next: Next,
) -> Response {
    let Ok(_slot) = limits.in_flight.clone().try_acquire_owned() else {
        return ApiError::Overloaded.into_response();
    };
    match tokio::time::timeout(limits.timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::RequestTimeout.into_response(),
    }
}
