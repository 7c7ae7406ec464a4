//! Server metrics in the Prometheus text format (`GET /metrics`).
//!
//! Counters and gauges are atomics; the per-status request counter is a small map under a
//! mutex (a handful of keys). Exported families, all prefixed `rewardkit_`:
//! `http_requests_total{route,status}`, `samples_total{route}`,
//! `request_duration_seconds{route}` (histogram), `sample_timeouts_total`,
//! `sample_errors_total`, `sample_abstentions_total`, `overload_rejections_total`,
//! `connections_rejected_total`, `request_deadline_total`, `body_timeouts_total`,
//! `protocol_errors_total`, `queue_depth_samples`, `admitted_samples`, `scoring_in_flight`,
//! `busy_workers`, `http_requests_in_flight`.

use rewardkit_core::RewardOutput;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering::Relaxed};
use std::sync::Mutex;
use std::time::Duration;

/// The routes metrics are kept for.
pub(crate) const ROUTES: [&str; 6] = [
    "/get_reward",
    "/v1/score",
    "/classify",
    "/health",
    "/metrics",
    "other",
];

/// Upper bounds of the latency histogram buckets, in seconds.
const BUCKETS: [f64; 14] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// The index of a path in [`ROUTES`].
pub(crate) fn route_index(path: &str) -> usize {
    match path {
        "/get_reward" => 0,
        "/v1/score" => 1,
        "/classify" | "/v1/classify" => 2,
        "/health" => 3,
        "/metrics" => 4,
        _ => 5,
    }
}

#[derive(Debug, Default)]
struct Histogram {
    buckets: [AtomicU64; BUCKETS.len()],
    count: AtomicU64,
    sum_micros: AtomicU64,
}

/// Live counters of the server.
#[derive(Debug, Default)]
pub struct Metrics {
    by_status: Mutex<BTreeMap<(usize, u16), u64>>,
    samples: [AtomicU64; ROUTES.len()],
    latency: [Histogram; ROUTES.len()],
    started: AtomicU64,
    finished: AtomicU64,
    http_in_flight: AtomicI64,
    queued_samples: AtomicI64,
    admitted_samples: AtomicI64,
    scoring: AtomicI64,
    busy: AtomicI64,
    deadlines: AtomicU64,
    body_timeouts: AtomicU64,
    protocol_errors: AtomicU64,
    timeouts: AtomicU64,
    errors: AtomicU64,
    abstentions: AtomicU64,
    overloads: AtomicU64,
    conn_rejected: AtomicU64,
}

impl Metrics {
    /// A request has arrived.
    pub(crate) fn request_started(&self) {
        self.started.fetch_add(1, Relaxed);
        self.http_in_flight.fetch_add(1, Relaxed);
    }

    /// A request has been answered.
    pub(crate) fn request_finished(&self, route: usize, status: u16, elapsed: Duration) {
        self.http_in_flight.fetch_sub(1, Relaxed);
        self.finished.fetch_add(1, Relaxed);
        if let Ok(mut m) = self.by_status.lock() {
            *m.entry((route, status)).or_insert(0) += 1;
        }
        let h = &self.latency[route];
        let secs = elapsed.as_secs_f64();
        if let Some(i) = BUCKETS.iter().position(|&b| secs <= b) {
            h.buckets[i].fetch_add(1, Relaxed);
        }
        h.count.fetch_add(1, Relaxed);
        h.sum_micros.fetch_add(
            u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX),
            Relaxed,
        );
    }

    /// Samples received on a route.
    pub(crate) fn add_samples(&self, route: usize, n: usize) {
        self.samples[route].fetch_add(n as u64, Relaxed);
    }

    pub(crate) fn connection_rejected(&self) {
        self.conn_rejected.fetch_add(1, Relaxed);
    }

    pub(crate) fn overloaded(&self) {
        self.overloads.fetch_add(1, Relaxed);
    }

    /// A request of `n` samples was admitted and queued.
    pub(crate) fn enqueue(&self, n: usize) {
        self.queued_samples.fetch_add(n as i64, Relaxed);
        self.admitted_samples.fetch_add(n as i64, Relaxed);
        self.scoring.fetch_add(1, Relaxed);
    }

    /// `n` queued samples were taken by a scoring thread (or dropped with their request).
    pub(crate) fn dequeue(&self, n: usize) {
        self.queued_samples.fetch_sub(n as i64, Relaxed);
    }

    /// `n` admitted samples were scored or dropped: their queue slots are free again.
    pub(crate) fn release(&self, n: usize) {
        self.admitted_samples.fetch_sub(n as i64, Relaxed);
    }

    /// A request left the scheduler (answered, timed out or abandoned).
    pub(crate) fn request_scored(&self) {
        self.scoring.fetch_sub(1, Relaxed);
    }

    pub(crate) fn start_unit(&self) {
        self.busy.fetch_add(1, Relaxed);
    }

    pub(crate) fn end_unit(&self) {
        self.busy.fetch_sub(1, Relaxed);
    }

    pub(crate) fn request_deadline(&self) {
        self.deadlines.fetch_add(1, Relaxed);
    }

    pub(crate) fn body_timeout(&self) {
        self.body_timeouts.fetch_add(1, Relaxed);
    }

    pub(crate) fn protocol_error(&self) {
        self.protocol_errors.fetch_add(1, Relaxed);
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
        self.timeouts.fetch_add(t, Relaxed);
        self.errors.fetch_add(e, Relaxed);
        self.abstentions.fetch_add(a, Relaxed);
    }

    /// Requests received so far.
    pub fn requests_started(&self) -> u64 {
        self.started.load(Relaxed)
    }

    /// Requests answered so far.
    pub fn requests_finished(&self) -> u64 {
        self.finished.load(Relaxed)
    }

    /// Samples waiting for a scoring thread.
    pub fn queue_depth(&self) -> i64 {
        self.queued_samples.load(Relaxed)
    }

    /// Samples admitted (waiting or being scored): what counts against
    /// [`crate::ServerConfig::max_queue_samples`].
    pub fn admitted_samples(&self) -> i64 {
        self.admitted_samples.load(Relaxed)
    }

    /// Scoring threads busy with a sample (or a group of samples) now.
    pub fn busy_workers(&self) -> i64 {
        self.busy.load(Relaxed)
    }

    /// Renders every metric in the Prometheus text exposition format.
    pub fn render(&self) -> String {
        let mut s = String::with_capacity(4096);
        let counter = |s: &mut String, name: &str, help: &str, v: u64| {
            let _ = writeln!(
                s,
                "# HELP rewardkit_{name} {help}\n# TYPE rewardkit_{name} counter\nrewardkit_{name} {v}"
            );
        };
        let gauge = |s: &mut String, name: &str, help: &str, v: i64| {
            let _ = writeln!(
                s,
                "# HELP rewardkit_{name} {help}\n# TYPE rewardkit_{name} gauge\nrewardkit_{name} {v}"
            );
        };
        s.push_str("# HELP rewardkit_http_requests_total HTTP requests answered, by route and status.\n# TYPE rewardkit_http_requests_total counter\n");
        if let Ok(m) = self.by_status.lock() {
            for ((route, status), n) in m.iter() {
                let _ = writeln!(
                    s,
                    "rewardkit_http_requests_total{{route=\"{}\",status=\"{status}\"}} {n}",
                    ROUTES[*route]
                );
            }
        }
        s.push_str("# HELP rewardkit_samples_total Samples received, by route.\n# TYPE rewardkit_samples_total counter\n");
        for (i, r) in ROUTES.iter().enumerate().take(3) {
            let _ = writeln!(
                s,
                "rewardkit_samples_total{{route=\"{r}\"}} {}",
                self.samples[i].load(Relaxed)
            );
        }
        s.push_str("# HELP rewardkit_request_duration_seconds Time from request to response, by route.\n# TYPE rewardkit_request_duration_seconds histogram\n");
        for (i, r) in ROUTES.iter().enumerate() {
            let h = &self.latency[i];
            let count = h.count.load(Relaxed);
            if count == 0 {
                continue;
            }
            let mut cum = 0;
            for (b, le) in BUCKETS.iter().enumerate() {
                cum += h.buckets[b].load(Relaxed);
                let _ = writeln!(
                    s,
                    "rewardkit_request_duration_seconds_bucket{{route=\"{r}\",le=\"{le}\"}} {cum}"
                );
            }
            let _ = writeln!(
                s,
                "rewardkit_request_duration_seconds_bucket{{route=\"{r}\",le=\"+Inf\"}} {count}"
            );
            let _ = writeln!(
                s,
                "rewardkit_request_duration_seconds_sum{{route=\"{r}\"}} {}",
                h.sum_micros.load(Relaxed) as f64 / 1e6
            );
            let _ = writeln!(
                s,
                "rewardkit_request_duration_seconds_count{{route=\"{r}\"}} {count}"
            );
        }
        counter(
            &mut s,
            "sample_timeouts_total",
            "Samples whose reward function ran out of time.",
            self.timeouts.load(Relaxed),
        );
        counter(
            &mut s,
            "sample_errors_total",
            "Samples whose reward function failed.",
            self.errors.load(Relaxed),
        );
        counter(
            &mut s,
            "sample_abstentions_total",
            "Samples without a value (abstentions).",
            self.abstentions.load(Relaxed),
        );
        counter(
            &mut s,
            "overload_rejections_total",
            "Requests answered 503 because the queue was full.",
            self.overloads.load(Relaxed),
        );
        counter(
            &mut s,
            "connections_rejected_total",
            "Connections closed at accept because max_connections were open.",
            self.conn_rejected.load(Relaxed),
        );
        counter(
            &mut s,
            "request_deadline_total",
            "Requests answered at their scoring deadline with samples left unscored.",
            self.deadlines.load(Relaxed),
        );
        counter(
            &mut s,
            "body_timeouts_total",
            "Requests answered 408 because the body did not arrive in time.",
            self.body_timeouts.load(Relaxed),
        );
        counter(
            &mut s,
            "protocol_errors_total",
            "Malformed HTTP requests (bad request line, header, Content-Length; 400/414/431).",
            self.protocol_errors.load(Relaxed),
        );
        gauge(
            &mut s,
            "queue_depth_samples",
            "Samples admitted and waiting for a scoring thread.",
            self.queued_samples.load(Relaxed),
        );
        gauge(
            &mut s,
            "admitted_samples",
            "Samples admitted (waiting or being scored); the queue limit counts these.",
            self.admitted_samples.load(Relaxed),
        );
        gauge(
            &mut s,
            "scoring_in_flight",
            "Requests admitted for scoring and not yet answered.",
            self.scoring.load(Relaxed),
        );
        gauge(
            &mut s,
            "busy_workers",
            "Scoring threads busy with a sample or group now.",
            self.busy.load(Relaxed),
        );
        gauge(
            &mut s,
            "http_requests_in_flight",
            "HTTP requests received and not yet answered.",
            self.http_in_flight.load(Relaxed),
        );
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_are_cumulative() {
        let m = Metrics::default();
        m.request_started();
        m.request_finished(0, 200, Duration::from_micros(300));
        m.request_started();
        m.request_finished(0, 200, Duration::from_millis(7));
        m.request_started();
        m.request_finished(0, 503, Duration::from_secs(60));
        let text = m.render();
        assert!(text.contains(
            "rewardkit_request_duration_seconds_bucket{route=\"/get_reward\",le=\"0.0005\"} 1"
        ));
        assert!(text.contains(
            "rewardkit_request_duration_seconds_bucket{route=\"/get_reward\",le=\"0.01\"} 2"
        ));
        assert!(text.contains(
            "rewardkit_request_duration_seconds_bucket{route=\"/get_reward\",le=\"10\"} 2"
        ));
        assert!(text.contains(
            "rewardkit_request_duration_seconds_bucket{route=\"/get_reward\",le=\"+Inf\"} 3"
        ));
        assert!(
            text.contains("rewardkit_http_requests_total{route=\"/get_reward\",status=\"503\"} 1")
        );
        assert!(text.contains("rewardkit_http_requests_in_flight 0"));
    }
}
