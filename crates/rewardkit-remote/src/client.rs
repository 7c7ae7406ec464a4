//! [`Client`]: one endpoint, bounded concurrency, retries, deadlines.

use serde_json::Value;
use std::io::Read;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// Largest response body read, in bytes.
const MAX_RESPONSE: u64 = 256 << 20;
/// Longest single backoff.
const MAX_BACKOFF: Duration = Duration::from_secs(10);

/// Where and how to call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientConfig {
    /// The whole endpoint URL (`http://host:port/classify`).
    pub url: String,
    /// A bearer token sent as `Authorization: Bearer …`.
    pub token: Option<String>,
    /// Time one HTTP attempt may take (also bounds connecting, at most 10 s).
    pub request_timeout: Duration,
    /// Requests in flight at once, across every thread that uses the client (at least 1).
    pub concurrency: usize,
    /// Retries after a connection error or a 5xx answer.
    pub retries: u32,
    /// The first wait between attempts, doubled each time (at most 10 s).
    pub backoff: Duration,
}

impl Default for ClientConfig {
    fn default() -> Self {
        ClientConfig {
            url: String::new(),
            token: None,
            request_timeout: Duration::from_secs(30),
            concurrency: 4,
            retries: 3,
            backoff: Duration::from_millis(200),
        }
    }
}

/// Why a call gave no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallError {
    /// The caller's deadline passed (waiting for a slot, or before a retry).
    TimedOut,
    /// The last attempt failed and no retry is left (or none is worth it).
    Failed {
        /// What went wrong (`HTTP 503: …`, a transport error, a malformed answer).
        message: String,
        /// Attempts made.
        attempts: u32,
    },
}

/// A blocking client of one endpoint (thread-safe: share it by reference).
#[derive(Debug)]
pub struct Client {
    config: ClientConfig,
    agent: ureq::Agent,
    slots: Slots,
}

/// Counts the HTTP requests in flight across every thread using the client.
#[derive(Debug)]
struct Slots {
    used: Mutex<usize>,
    freed: Condvar,
    max: usize,
}

struct SlotGuard<'a>(&'a Slots);

impl Slots {
    fn new(max: usize) -> Self {
        Slots {
            used: Mutex::new(0),
            freed: Condvar::new(),
            max: max.max(1),
        }
    }

    /// Waits for a free slot until `deadline`; `None` when it passes first.
    fn acquire(&self, deadline: Option<Instant>) -> Option<SlotGuard<'_>> {
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        while *used >= self.max {
            used = match deadline {
                Some(at) => {
                    let left = at.checked_duration_since(Instant::now())?;
                    if left.is_zero() {
                        return None;
                    }
                    self.freed
                        .wait_timeout(used, left)
                        .unwrap_or_else(|e| e.into_inner())
                        .0
                }
                None => self.freed.wait(used).unwrap_or_else(|e| e.into_inner()),
            };
        }
        *used += 1;
        Some(SlotGuard(self))
    }
}

impl Drop for SlotGuard<'_> {
    fn drop(&mut self) {
        let mut used = self.0.used.lock().unwrap_or_else(|e| e.into_inner());
        *used = used.saturating_sub(1);
        self.0.freed.notify_one();
    }
}

/// Why one attempt failed.
enum Failure {
    /// Worth retrying (connection error, 5xx), with the server's `Retry-After`.
    Retry(String, Option<Duration>),
    /// Not worth retrying (4xx, malformed answer).
    Fatal(String),
}

impl Client {
    /// A client of `config.url`; nothing is contacted until [`Client::call`].
    pub fn new(config: ClientConfig) -> Self {
        let agent = ureq::AgentBuilder::new()
            .timeout_connect(config.request_timeout.min(Duration::from_secs(10)))
            .max_idle_connections_per_host(config.concurrency.max(1))
            .build();
        let slots = Slots::new(config.concurrency);
        Client {
            config,
            agent,
            slots,
        }
    }

    /// The configuration.
    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// POSTs the JSON `body` and reads the answer with `read`, retrying as configured, before
    /// `deadline` (`None`: no deadline). An answer `read` rejects is not retried.
    pub fn call<T>(
        &self,
        body: &str,
        deadline: Option<Instant>,
        read: impl Fn(&Value) -> Result<T, String>,
    ) -> Result<T, CallError> {
        let per_request = self.config.request_timeout;
        let mut backoff = self.config.backoff;
        let mut attempt = 0u32;
        loop {
            let Some(slot) = self.slots.acquire(deadline) else {
                return Err(CallError::TimedOut);
            };
            let timeout = match deadline {
                Some(at) => match at.checked_duration_since(Instant::now()) {
                    Some(left) if !left.is_zero() => left.min(per_request),
                    _ => return Err(CallError::TimedOut),
                },
                None => per_request,
            };
            let result = self.attempt(body, timeout);
            drop(slot);
            let failure = match result {
                Ok(v) => match read(&v) {
                    Ok(t) => return Ok(t),
                    Err(msg) => Failure::Fatal(msg),
                },
                Err(f) => f,
            };
            let failed = |message: String| CallError::Failed {
                message,
                attempts: attempt + 1,
            };
            let (msg, wait) = match failure {
                Failure::Fatal(msg) => return Err(failed(msg)),
                Failure::Retry(msg, retry_after) => (msg, retry_after),
            };
            if attempt >= self.config.retries {
                return Err(failed(msg));
            }
            let sleep = wait.map_or(backoff, |w| w.max(backoff)).min(MAX_BACKOFF);
            if let Some(at) = deadline {
                if Instant::now() + sleep >= at {
                    if Instant::now() >= at {
                        return Err(CallError::TimedOut);
                    }
                    return Err(failed(msg));
                }
            }
            std::thread::sleep(sleep);
            backoff = (backoff * 2).min(MAX_BACKOFF);
            attempt += 1;
        }
    }

    /// One HTTP attempt.
    fn attempt(&self, body: &str, timeout: Duration) -> Result<Value, Failure> {
        let mut req = self
            .agent
            .post(self.config.url.trim())
            .timeout(timeout)
            .set("Content-Type", "application/json");
        if let Some(t) = &self.config.token {
            req = req.set("Authorization", &format!("Bearer {t}"));
        }
        match req.send_string(body) {
            Ok(resp) => {
                let mut buf = Vec::new();
                resp.into_reader()
                    .take(MAX_RESPONSE)
                    .read_to_end(&mut buf)
                    .map_err(|e| Failure::Retry(format!("reading the response: {e}"), None))?;
                serde_json::from_slice(&buf)
                    .map_err(|e| Failure::Fatal(format!("response is not JSON: {e}")))
            }
            Err(ureq::Error::Status(code, resp)) => {
                let retry_after = resp
                    .header("Retry-After")
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map(Duration::from_secs);
                let mut text = String::new();
                let _ = resp.into_reader().take(512).read_to_string(&mut text);
                let msg = format!("HTTP {code}: {}", text.trim());
                if code >= 500 {
                    Err(Failure::Retry(msg, retry_after))
                } else {
                    Err(Failure::Fatal(msg))
                }
            }
            // A URL that does not parse fails the same way every time: not retried.
            Err(ureq::Error::Transport(t))
                if matches!(
                    t.kind(),
                    ureq::ErrorKind::InvalidUrl | ureq::ErrorKind::UnknownScheme
                ) =>
            {
                Err(Failure::Fatal(t.to_string()))
            }
            Err(ureq::Error::Transport(t)) => Err(Failure::Retry(t.to_string(), None)),
        }
    }
}

/// Checks that `url` parses as an HTTP(S) URL with a host (what a request needs), without
/// contacting it.
pub fn check_url(url: &str) -> Result<(), String> {
    ureq::post(url.trim())
        .request_url()
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rewardkit_test::upstream::FakeUpstream;

    fn client(url: &str) -> Client {
        Client::new(ClientConfig {
            url: url.into(),
            retries: 2,
            backoff: Duration::from_millis(1),
            request_timeout: Duration::from_secs(2),
            ..ClientConfig::default()
        })
    }

    fn ok(v: &Value) -> Result<Value, String> {
        Ok(v.clone())
    }

    #[test]
    fn a_malformed_url_fails_at_once_and_is_not_retried() {
        for url in ["http://exa mple.com/x", "http://[::1/x", "http://:80/x"] {
            assert!(check_url(url).is_err(), "{url}");
            match client(url).call("{}", None, ok) {
                Err(CallError::Failed { attempts, message }) => {
                    assert_eq!(attempts, 1, "{url}: {message}");
                }
                other => panic!("{url}: {other:?}"),
            }
        }
        assert!(check_url(" http://127.0.0.1:8000/classify ").is_ok());
    }

    #[test]
    fn retries_5xx_then_succeeds() {
        let up = FakeUpstream::start(vec![(503, "{}"), (500, "{}"), (200, r#"{"x": 1}"#)], 10);
        let v = client(&up.url("/classify")).call("{}", None, ok).unwrap();
        assert_eq!(v["x"], 1);
        assert_eq!(up.requests(), 3);
    }

    #[test]
    fn does_not_retry_4xx_or_a_rejected_answer() {
        let up = FakeUpstream::start(vec![(400, r#"{"error":"bad"}"#)], 10);
        match client(&up.url("/classify")).call("{}", None, ok) {
            Err(CallError::Failed { message, attempts }) => {
                assert!(message.contains("HTTP 400"), "{message}");
                assert_eq!(attempts, 1);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(up.requests(), 1);
        let up = FakeUpstream::start(vec![(200, "{}")], 10);
        let r: Result<(), _> =
            client(&up.url("/classify")).call("{}", None, |_| Err("no".to_string()));
        assert_eq!(
            r,
            Err(CallError::Failed {
                message: "no".into(),
                attempts: 1
            })
        );
        assert_eq!(up.requests(), 1);
    }

    #[test]
    fn gives_up_after_the_retries() {
        let up = FakeUpstream::start(vec![(502, "{}")], 10);
        match client(&up.url("/classify")).call("{}", None, ok) {
            Err(CallError::Failed { message, attempts }) => {
                assert!(message.contains("HTTP 502"), "{message}");
                assert_eq!(attempts, 3);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(up.requests(), 3); // 1 + 2 retries
    }

    #[test]
    fn a_passed_deadline_is_a_timeout() {
        let up = FakeUpstream::start(vec![(200, "{}")], 10);
        let r = client(&up.url("/classify")).call("{}", Some(Instant::now()), ok);
        assert_eq!(r, Err(CallError::TimedOut));
        assert_eq!(up.requests(), 0);
    }

    #[test]
    fn slots_bound_requests_in_flight() {
        let slots = Slots::new(2);
        let a = slots.acquire(None).unwrap();
        let _b = slots.acquire(None).unwrap();
        let t = Instant::now();
        assert!(slots
            .acquire(Some(Instant::now() + Duration::from_millis(30)))
            .is_none());
        assert!(t.elapsed() >= Duration::from_millis(30));
        std::thread::scope(|s| {
            let waiter = s.spawn(|| slots.acquire(None).is_some());
            std::thread::sleep(Duration::from_millis(20));
            drop(a);
            assert!(waiter.join().unwrap());
        });
    }
}
