//! The Prometheus metrics (`prometheus-client`), served in the OpenMetrics text format at
//! `/metrics` on their own listen address (`VIGIL_METRICS_LISTEN`): requests by route and
//! status, their latency by route, verifications by result, locks by state, and the email
//! queue's depth (read from the database at each scrape, so every instance reports the shared
//! queue).

use std::sync::atomic::AtomicI64;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

/// A request's labels: the route as the router matched it (`/v1/feed/{id}`, never an id), the
/// method and the answer's status.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    /// The matched route, or `unmatched`.
    pub route: String,
    /// The HTTP method.
    pub method: String,
    /// The status code.
    pub status: u16,
}

/// A latency histogram's labels.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    /// The matched route, or `unmatched`.
    pub route: String,
}

/// A verification's result.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ResultLabels {
    /// `accepted`, or the error code of the refusal (`invalid_code`, `code_already_used`…).
    pub result: String,
}

/// A lock's labels.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct LockLabels {
    /// The state the account went to, e.g. `locked_pending_verification`.
    pub state: String,
}

/// The latency buckets: 0.5 ms to about 16 s, doubling.
fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.0005, 2.0, 16))
}

/// Every metric the service keeps.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram, fn() -> Histogram>,
    verifications: Family<ResultLabels, Counter>,
    locks: Family<LockLabels, Counter>,
    email_queue: Gauge<i64, AtomicI64>,
    webhook_backlog: Gauge<i64, AtomicI64>,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    /// Registers every metric under the `vigil` prefix.
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("vigil");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<RouteLabels, Histogram, fn() -> Histogram>::new_with_constructor(
            latency_histogram,
        );
        let verifications = Family::<ResultLabels, Counter>::default();
        let locks = Family::<LockLabels, Counter>::default();
        let email_queue = Gauge::<i64, AtomicI64>::default();
        let webhook_backlog = Gauge::<i64, AtomicI64>::default();
        registry.register(
            "http_requests",
            "HTTP requests answered, by route, method and status",
            requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time to answer an HTTP request, by route",
            latency.clone(),
        );
        registry.register(
            "verifications",
            "Codes checked, by result",
            verifications.clone(),
        );
        registry.register("locks", "Accounts locked, by state", locks.clone());
        registry.register(
            "email_queue_depth",
            "Emails waiting in the database's queue (not yet sent)",
            email_queue.clone(),
        );
        registry.register(
            "webhook_backlog",
            "Webhook events the site has not taken yet",
            webhook_backlog.clone(),
        );
        Self {
            registry,
            requests,
            latency,
            verifications,
            locks,
            email_queue,
            webhook_backlog,
        }
    }

    /// Counts one answered request and its time.
    pub fn observe_request(&self, route: &str, method: &str, status: u16, seconds: f64) {
        self.requests
            .get_or_create(&RequestLabels {
                route: route.to_owned(),
                method: method.to_owned(),
                status,
            })
            .inc();
        self.latency
            .get_or_create(&RouteLabels {
                route: route.to_owned(),
            })
            .observe(seconds);
    }

    /// Counts one verification's result.
    pub fn observe_verification(&self, result: &str) {
        self.verifications
            .get_or_create(&ResultLabels {
                result: result.to_owned(),
            })
            .inc();
    }

    /// Counts one lock.
    pub fn observe_lock(&self, state: &str) {
        self.locks
            .get_or_create(&LockLabels {
                state: state.to_owned(),
            })
            .inc();
    }

    /// Sets the email queue's depth (before a scrape).
    pub fn set_email_queue_depth(&self, depth: i64) {
        self.email_queue.set(depth);
    }

    /// Sets the webhook events not yet delivered (before a scrape).
    pub fn set_webhook_backlog(&self, backlog: i64) {
        self.webhook_backlog.set(backlog);
    }

    /// The OpenMetrics text of every metric.
    pub fn encode(&self) -> String {
        let mut text = String::new();
        if prometheus_client::encoding::text::encode(&mut text, &self.registry).is_err() {
            text.clear();
        }
        text
    }
}
