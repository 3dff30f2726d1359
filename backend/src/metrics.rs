//! Prometheus metrics (OpenMetrics text), served on their own address
//! (`KARTLEGG_METRICS_ADDR`) so that they never reach the public port:
//! requests per route (the route's template, never a concrete path, so no
//! DUF-number or id becomes a label), their latency, the database pools'
//! use, the draft saves' batch sizes and commit times, logins by kind and
//! outcome, and the webhook queue. No label carries personal data.

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use crate::AppState;

type Labels = Vec<(&'static str, String)>;
type Latency = Family<Labels, Histogram, fn() -> Histogram>;

/// Which login a counter is about.
#[derive(Debug, Clone, Copy)]
pub enum LoginKind {
    Applicant,
    Caseworker,
    /// An API client at the token endpoint.
    Client,
}

/// How a login ended.
#[derive(Debug, Clone, Copy)]
pub enum LoginOutcome {
    Success,
    Failure,
    /// Refused before it was checked (too many failures, or too many at once).
    Throttled,
}

impl LoginOutcome {
    /// How a login's answer counts; `None` for answers that are neither
    /// (a missing second factor, a server error).
    pub fn of_status(status: u16) -> Option<Self> {
        match status {
            200..=299 => Some(Self::Success),
            401 => Some(Self::Failure),
            429 | 503 => Some(Self::Throttled),
            _ => None,
        }
    }

    /// [`Self::of_status`] of a handler's result.
    pub fn of<T>(result: &Result<T, crate::error::ApiError>) -> Option<Self> {
        match result {
            Ok(_) => Some(Self::Success),
            Err(error) => Self::of_status(error.kind().status()),
        }
    }
}

/// The metrics and the registry they are encoded from.
pub struct Metrics {
    registry: Registry,
    requests: Family<Labels, Counter>,
    latency: Latency,
    logins: Family<Labels, Counter>,
    pool_size: Family<Labels, Gauge>,
    pool_idle: Family<Labels, Gauge>,
    webhook_attempts: Family<Labels, Counter>,
    webhook_queue: Gauge,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

fn latency_histogram() -> Histogram {
    // 1 ms to about 16 s.
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("kartlegg");
        let requests = Family::<Labels, Counter>::default();
        let latency: Latency = Family::new_with_constructor(latency_histogram);
        let logins = Family::<Labels, Counter>::default();
        let pool_size = Family::<Labels, Gauge>::default();
        let pool_idle = Family::<Labels, Gauge>::default();
        let webhook_attempts = Family::<Labels, Counter>::default();
        let webhook_queue = Gauge::default();
        registry.register(
            "http_requests",
            "Requests answered, by method, route template and status",
            requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time to answer, by method and route template",
            latency.clone(),
        );
        registry.register(
            "logins",
            "Login attempts by kind (applicant, caseworker, client) and outcome (success, failure, throttled)",
            logins.clone(),
        );
        registry.register(
            "db_pool_connections",
            "Open database connections per pool",
            pool_size.clone(),
        );
        registry.register(
            "db_pool_idle_connections",
            "Idle database connections per pool",
            pool_idle.clone(),
        );
        registry.register(
            "webhook_attempts",
            "Webhook delivery attempts by outcome (2xx, 4xx, 5xx, no_answer)",
            webhook_attempts.clone(),
        );
        registry.register(
            "webhook_queue_depth",
            "Webhook deliveries waiting for an attempt",
            webhook_queue.clone(),
        );
        Self {
            registry,
            requests,
            latency,
            logins,
            pool_size,
            pool_idle,
            webhook_attempts,
            webhook_queue,
        }
    }
}

impl Metrics {
    /// Adds the draft saves' group commit: batch sizes and commit times.
    pub fn register_save_commits(&mut self, stats: crate::db::group_commit::CommitStats) {
        self.registry.register(
            "save_batch_size",
            "Draft saves written per transaction (group commit)",
            stats.batch_size,
        );
        self.registry.register(
            "save_commit_seconds",
            "Time to write and commit one batch of draft saves",
            stats.commit_seconds,
        );
        self.registry.register(
            "save_batches",
            "Transactions that wrote draft saves",
            stats.batches,
        );
        self.registry
            .register("saves", "Draft saves written", stats.saves);
    }

    /// Counts a login attempt.
    pub fn login(&self, kind: LoginKind, outcome: LoginOutcome) {
        let kind = match kind {
            LoginKind::Applicant => "applicant",
            LoginKind::Caseworker => "caseworker",
            LoginKind::Client => "client",
        };
        let outcome = match outcome {
            LoginOutcome::Success => "success",
            LoginOutcome::Failure => "failure",
            LoginOutcome::Throttled => "throttled",
        };
        self.logins
            .get_or_create(&vec![
                ("kind", kind.to_owned()),
                ("outcome", outcome.to_owned()),
            ])
            .inc();
    }

    /// Counts a webhook attempt by the class of its answer (`None`: no
    /// answer).
    pub fn webhook_attempt(&self, status: Option<u16>) {
        let outcome = match status {
            Some(s @ 100..=599) => format!("{}xx", s / 100),
            Some(_) | None => "no_answer".to_owned(),
        };
        self.webhook_attempts
            .get_or_create(&vec![("outcome", outcome)])
            .inc();
    }

    /// The metrics as Prometheus scrapes them.
    pub fn render(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = encode(&mut out, &self.registry);
        out
    }
}

/// Counts and times every request by its route's template. A layer on the
/// routes, so the template is known; anything no route takes is `unmatched`.
pub async fn track(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |m| m.as_str().to_owned());
    let method = request.method().as_str().to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics
        .latency
        .get_or_create(&vec![("method", method.clone()), ("route", route.clone())])
        .observe(started.elapsed().as_secs_f64());
    metrics
        .requests
        .get_or_create(&vec![
            ("method", method),
            ("route", route),
            ("status", status),
        ])
        .inc();
    response
}

/// The metrics endpoint's own router, for its own address.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/metrics", axum::routing::get(scrape))
        .with_state(state)
}

async fn scrape(State(state): State<AppState>) -> Response {
    for pool in state.store.pool_use() {
        let labels = vec![("pool", pool.name.to_owned())];
        state
            .metrics
            .pool_size
            .get_or_create(&labels)
            .set(i64::from(pool.size));
        state
            .metrics
            .pool_idle
            .get_or_create(&labels)
            .set(i64::try_from(pool.idle).unwrap_or(i64::MAX));
    }
    if let Ok(depth) = state.store.pending_webhook_deliveries().await {
        state.metrics.webhook_queue.set(depth);
    }
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/openmetrics-text; version=1.0.0; charset=utf-8"),
        )],
        state.metrics.render(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_are_counted_by_kind_and_outcome() {
        let metrics = Metrics::default();
        metrics.login(LoginKind::Client, LoginOutcome::Throttled);
        metrics.login(LoginKind::Client, LoginOutcome::Throttled);
        let text = metrics.render();
        assert!(
            text.contains("kartlegg_logins_total{kind=\"client\",outcome=\"throttled\"} 2"),
            "{text}"
        );
    }
}
