//! Server metrics (`GET /metrics`), kept with [`prometheus_client`] and exposed in the
//! OpenMetrics text format (which Prometheus scrapes).
//!
//! Families, all prefixed `rewardkit_`: `http_requests_total{route,status}`,
//! `samples_total{route}`, `request_duration_seconds{route}` (histogram),
//! `sample_timeouts_total`, `sample_errors_total`, `sample_abstentions_total`,
//! `overload_rejections_total`, `connections_rejected_total`, `request_deadline_total`,
//! `body_timeouts_total`, `protocol_errors_total`, `queue_depth_samples`, `admitted_samples`,
//! `scoring_in_flight`, `busy_workers`, `http_requests_in_flight`. The `route` label is the
//! route the request matched (`/get_reward`, `/v1/score`, `/classify`, `/v1/classify`,
//! `/health`, ...), `other` for a path that matched none, so a client cannot grow the label
//! set.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;
use rewardkit_core::RewardOutput;
use std::time::Duration;

/// The `route` label of a request that matched no route.
pub(crate) const OTHER_ROUTE: &str = "other";

/// Upper bounds of the latency histogram buckets, in seconds.
const BUCKETS: [f64; 14] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteStatus {
    route: String,
    status: u16,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Route {
    route: String,
}

fn route(r: &str) -> Route {
    Route { route: r.into() }
}

type Latency = Family<Route, Histogram, fn() -> Histogram>;

fn latency_histogram() -> Histogram {
    Histogram::new(BUCKETS.into_iter())
}

/// Live counters of the server.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    requests: Family<RouteStatus, Counter>,
    samples: Family<Route, Counter>,
    latency: Latency,
    started: Counter,
    finished: Counter,
    http_in_flight: Gauge,
    queued_samples: Gauge,
    admitted_samples: Gauge,
    scoring: Gauge,
    busy: Gauge,
    deadlines: Counter,
    body_timeouts: Counter,
    protocol_errors: Counter,
    timeouts: Counter,
    errors: Counter,
    abstentions: Counter,
    overloads: Counter,
    conn_rejected: Counter,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("rewardkit");
        let requests = Family::<RouteStatus, Counter>::default();
        let samples = Family::<Route, Counter>::default();
        let latency: Latency = Family::new_with_constructor(latency_histogram);
        registry.register(
            "http_requests",
            "HTTP requests answered, by route and status",
            requests.clone(),
        );
        registry.register("samples", "Samples received, by route", samples.clone());
        registry.register(
            "request_duration_seconds",
            "Time from request to response, by route",
            latency.clone(),
        );
        let m = Metrics {
            registry,
            requests,
            samples,
            latency,
            started: Counter::default(),
            finished: Counter::default(),
            http_in_flight: Gauge::default(),
            queued_samples: Gauge::default(),
            admitted_samples: Gauge::default(),
            scoring: Gauge::default(),
            busy: Gauge::default(),
            deadlines: Counter::default(),
            body_timeouts: Counter::default(),
            protocol_errors: Counter::default(),
            timeouts: Counter::default(),
            errors: Counter::default(),
            abstentions: Counter::default(),
            overloads: Counter::default(),
            conn_rejected: Counter::default(),
        };
        let mut m = m;
        let counters = [
            (
                "sample_timeouts",
                "Samples whose reward function ran out of time",
                m.timeouts.clone(),
            ),
            (
                "sample_errors",
                "Samples whose reward function failed",
                m.errors.clone(),
            ),
            (
                "sample_abstentions",
                "Samples without a value (abstentions)",
                m.abstentions.clone(),
            ),
            (
                "overload_rejections",
                "Requests answered 503 because the queue was full",
                m.overloads.clone(),
            ),
            (
                "connections_rejected",
                "Connections closed at accept because max_connections were open",
                m.conn_rejected.clone(),
            ),
            (
                "request_deadline",
                "Requests answered at their scoring deadline with samples left unscored",
                m.deadlines.clone(),
            ),
            (
                "body_timeouts",
                "Requests answered 408 because the body did not arrive in time",
                m.body_timeouts.clone(),
            ),
            (
                "protocol_errors",
                "Malformed HTTP requests (bad request line, header, Content-Length; 400/414/431)",
                m.protocol_errors.clone(),
            ),
        ];
        for (name, help, c) in counters {
            m.registry.register(name, help, c);
        }
        let gauges = [
            (
                "queue_depth_samples",
                "Samples admitted and waiting for a scoring thread",
                m.queued_samples.clone(),
            ),
            (
                "admitted_samples",
                "Samples admitted (waiting or being scored); the queue limit counts these",
                m.admitted_samples.clone(),
            ),
            (
                "scoring_in_flight",
                "Requests admitted for scoring and not yet answered",
                m.scoring.clone(),
            ),
            (
                "busy_workers",
                "Scoring threads busy with a sample or group now",
                m.busy.clone(),
            ),
            (
                "http_requests_in_flight",
                "HTTP requests received and not yet answered",
                m.http_in_flight.clone(),
            ),
        ];
        for (name, help, g) in gauges {
            m.registry.register(name, help, g);
        }
        m
    }
}

impl Metrics {
    /// A request has arrived.
    pub(crate) fn request_started(&self) {
        self.started.inc();
        self.http_in_flight.inc();
    }

    /// A request on `route` (the matched route, or [`OTHER_ROUTE`]) has been answered.
    pub(crate) fn request_finished(&self, route: &str, status: u16, elapsed: Duration) {
        self.http_in_flight.dec();
        self.finished.inc();
        self.requests
            .get_or_create(&RouteStatus {
                route: route.into(),
                status,
            })
            .inc();
        self.latency
            .get_or_create(&self::route(route))
            .observe(elapsed.as_secs_f64());
    }

    /// Samples received on a route.
    pub(crate) fn add_samples(&self, route: &str, n: usize) {
        self.samples
            .get_or_create(&self::route(route))
            .inc_by(n as u64);
    }

    pub(crate) fn connection_rejected(&self) {
        self.conn_rejected.inc();
    }

    pub(crate) fn overloaded(&self) {
        self.overloads.inc();
    }

    /// A request of `n` samples was admitted and queued.
    pub(crate) fn enqueue(&self, n: usize) {
        self.queued_samples.inc_by(n as i64);
        self.admitted_samples.inc_by(n as i64);
        self.scoring.inc();
    }

    /// `n` queued samples were taken by a scoring thread (or dropped with their request).
    pub(crate) fn dequeue(&self, n: usize) {
        self.queued_samples.dec_by(n as i64);
    }

    /// `n` admitted samples were scored or dropped: their queue slots are free again.
    pub(crate) fn release(&self, n: usize) {
        self.admitted_samples.dec_by(n as i64);
    }

    /// A request left the scheduler (answered, timed out or abandoned).
    pub(crate) fn request_scored(&self) {
        self.scoring.dec();
    }

    pub(crate) fn start_unit(&self) {
        self.busy.inc();
    }

    pub(crate) fn end_unit(&self) {
        self.busy.dec();
    }

    pub(crate) fn request_deadline(&self) {
        self.deadlines.inc();
    }

    pub(crate) fn body_timeout(&self) {
        self.body_timeouts.inc();
    }

    pub(crate) fn protocol_error(&self) {
        self.protocol_errors.inc();
    }

    pub(crate) fn count_outputs(&self, outs: &[RewardOutput]) {
        let (mut t, mut e, mut a) = (0, 0, 0);
        for o in outs {
            if o.info.timeout {
                t += 1;
            } else if o.info.error.is_some() {
                e += 1;
            } else if o.value.is_none() {
                a += 1;
            }
        }
        self.timeouts.inc_by(t);
        self.errors.inc_by(e);
        self.abstentions.inc_by(a);
    }

    /// Requests received so far.
    pub fn requests_started(&self) -> u64 {
        self.started.get()
    }

    /// Requests answered so far.
    pub fn requests_finished(&self) -> u64 {
        self.finished.get()
    }

    /// Samples waiting for a scoring thread.
    pub fn queue_depth(&self) -> i64 {
        self.queued_samples.get()
    }

    /// Samples admitted (waiting or being scored): what counts against
    /// [`crate::ServerConfig::max_queue_samples`].
    pub fn admitted_samples(&self) -> i64 {
        self.admitted_samples.get()
    }

    /// Scoring threads busy with a sample (or a group of samples) now.
    pub fn busy_workers(&self) -> i64 {
        self.busy.get()
    }

    /// Renders every metric in the OpenMetrics text format (content type
    /// `application/openmetrics-text; version=1.0.0; charset=utf-8`).
    pub fn render(&self) -> String {
        let mut s = String::with_capacity(4096);
        if let Err(e) = prometheus_client::encoding::text::encode(&mut s, &self.registry) {
            tracing::error!(error = %e, "could not encode the metrics");
        }
        s
    }
}

/// The content type of [`Metrics::render`]'s text.
pub(crate) const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_are_cumulative_and_labels_come_from_the_route() {
        let m = Metrics::default();
        for (d, status) in [
            (Duration::from_micros(300), 200),
            (Duration::from_millis(7), 200),
            (Duration::from_secs(60), 503),
        ] {
            m.request_started();
            m.request_finished("/get_reward", status, d);
        }
        m.add_samples("/v1/score", 3);
        let text = m.render();
        let has = |line: &str| assert!(text.lines().any(|l| l == line), "{line}\n{text}");
        has("rewardkit_request_duration_seconds_bucket{le=\"0.0005\",route=\"/get_reward\"} 1");
        has("rewardkit_request_duration_seconds_bucket{le=\"0.01\",route=\"/get_reward\"} 2");
        has("rewardkit_request_duration_seconds_bucket{le=\"10.0\",route=\"/get_reward\"} 2");
        has("rewardkit_request_duration_seconds_bucket{le=\"+Inf\",route=\"/get_reward\"} 3");
        has("rewardkit_request_duration_seconds_count{route=\"/get_reward\"} 3");
        has("rewardkit_http_requests_total{route=\"/get_reward\",status=\"503\"} 1");
        has("rewardkit_samples_total{route=\"/v1/score\"} 3");
        has("rewardkit_http_requests_in_flight 0");
        has("rewardkit_request_deadline_total 0");
        assert!(text.ends_with("# EOF\n"), "{text}");
    }
}
