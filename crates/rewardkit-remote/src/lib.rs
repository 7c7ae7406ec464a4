//! # rewardkit-remote
//!
//! The blocking HTTP client behind rewardkit's `remote` reward function (a reward model hosted
//! elsewhere). It knows nothing of pipelines or samples: `rewardkit-core` (feature `remote`)
//! turns samples into request bodies with [`wire`], sends them with a [`Client`], and turns the
//! parsed answers back into outputs.
//!
//! - [`Client`]: one endpoint, at most `concurrency` requests in flight across every thread
//!   that uses it, each attempt under its own timeout and the caller's deadline; connection
//!   errors and 5xx answers are retried with exponential backoff (a `Retry-After` is honoured,
//!   every wait at most 10 s), 4xx answers and unreadable answers are not.
//! - [`wire`]: the request bodies and response readers of vLLM `/classify` and `/pooling`,
//!   SGLang `/v1/classify`, OpenRLHF `/get_reward` and rewardkit `/v1/score`.
//!
//! ```
//! use rewardkit_remote::{wire, CallError, Client, ClientConfig};
//! use std::time::{Duration, Instant};
//!
//! // Nothing listens on port 9 of loopback: the call fails, it does not hang or panic.
//! let client = Client::new(ClientConfig {
//!     url: "http://127.0.0.1:9/classify".into(),
//!     retries: 0,
//!     ..ClientConfig::default()
//! });
//! let body = wire::classify_body(vec!["a completion".into()], Some("rm"), None);
//! let deadline = Some(Instant::now() + Duration::from_secs(5));
//! match client.call(&body.to_string(), deadline, |v| wire::read_classify(v, 1, false)) {
//!     Err(CallError::Failed { attempts, .. }) => assert_eq!(attempts, 1),
//!     other => panic!("{other:?}"),
//! }
//! ```
//!
//! ## Features
//!
//! | feature | default | what |
//! |---|---|---|
//! | `tls` | off | `https://` URLs (rustls) |

// A library never prints: outcomes are data, logs go through `tracing` (server) or the caller.
#![warn(clippy::print_stdout, clippy::print_stderr)]
// Nothing a user sends may panic the caller; tests may unwrap (clippy.toml).
#![warn(clippy::unwrap_used, clippy::expect_used)]

mod client;
pub mod wire;

pub use client::{check_url, CallError, Client, ClientConfig};
