//! `rewardkit serve`: serve a reward pipeline over HTTP (see the `rewardkit-server` crate for
//! the routes and their contracts).
//!
//! Binds `127.0.0.1:8000` unless told otherwise. Prints `listening on http://ADDR` on stderr
//! once the socket is bound (with `--addr 127.0.0.1:0` the port is chosen by the system).
//! SIGTERM or SIGINT stops accepting connections, lets in-flight requests finish (at most
//! `--drain-timeout` seconds) and exits 0.
//!
//! Every argument is checked before anything starts: timeouts must lie in their range (at
//! most one day), `--missing-value` must be finite, a token must not be empty (an empty
//! `--token` or `REWARDKIT_TOKEN` would disable authentication, so it is refused). A bad
//! argument exits 2 with a message.

use anyhow::Context as _;
use rewardkit_core::PipelineSpec;
use rewardkit_server::{AppState, ServerConfig};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// Log output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// The longest timeout any flag accepts, in seconds (one day).
const MAX_SECONDS: f64 = 86_400.0;

/// Seconds in (0, one day].
fn positive_seconds(s: &str) -> Result<f64, String> {
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a number of seconds"))?;
    if v.is_finite() && v > 0.0 && v <= MAX_SECONDS {
        Ok(v)
    } else {
        Err(format!(
            "must be a number of seconds above 0 and at most {MAX_SECONDS}; got `{s}`"
        ))
    }
}

/// Seconds in [0, one day].
fn seconds_or_zero(s: &str) -> Result<f64, String> {
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a number of seconds"))?;
    if v.is_finite() && (0.0..=MAX_SECONDS).contains(&v) {
        Ok(v)
    } else {
        Err(format!(
            "must be a number of seconds from 0 to {MAX_SECONDS}; got `{s}`"
        ))
    }
}

/// A finite number.
fn finite(s: &str) -> Result<f64, String> {
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a number"))?;
    if v.is_finite() {
        Ok(v)
    } else {
        Err(format!(
            "must be a finite number (the routes promise a number for every sample); got `{s}`"
        ))
    }
}

/// A bearer token: not empty, printable ASCII without spaces.
fn token(s: &str) -> Result<String, String> {
    rewardkit_server::check_token(s)?;
    Ok(s.to_string())
}

fn at_least_1() -> clap::builder::RangedU64ValueParser<usize> {
    clap::builder::RangedU64ValueParser::<usize>::new().range(1..)
}

fn threads() -> clap::builder::RangedU64ValueParser<usize> {
    clap::builder::RangedU64ValueParser::<usize>::new().range(1..=1024)
}

/// Arguments of `rewardkit serve`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Routes: POST /get_reward (OpenRLHF), POST /v1/score (rewardkit), POST /classify and /v1/classify (vLLM, SGLang), GET /health (load and `saturated`; ?ready=1 answers 503 while saturated), GET /metrics.\nEvery error, protocol errors included, is JSON {\"error\": {\"code\", \"message\"}}.\nRequests are scored in per-sample (or per-group) units taken round-robin across requests, so small requests are not stuck behind large ones (pipelines with a `remote` node score each request as one unit).\nLogs go to stderr; RUST_LOG refines them (e.g. RUST_LOG=debug logs every request); NO_COLOR turns colours off."
)]
pub(crate) struct ServeArgs {
    /// Pipeline spec file (TOML or JSON).
    #[arg(long, value_name = "FILE")]
    pub spec: PathBuf,
    /// Address to listen on (use 0.0.0.0:PORT to accept connections from other machines).
    #[arg(long, default_value = "127.0.0.1:8000", env = "REWARDKIT_ADDR")]
    pub addr: String,
    /// Bearer token that clients must send (`Authorization: Bearer TOKEN`); `/health` stays open. Must not be empty.
    #[arg(long, env = "REWARDKIT_TOKEN", hide_env_values = true, value_parser = token, allow_hyphen_values = true)]
    pub token: Option<String>,
    /// Largest number of samples in one request (413 above).
    #[arg(long, default_value_t = 4096, value_parser = at_least_1())]
    pub max_batch: usize,
    /// Largest request body in bytes (413 above; at once when the declared Content-Length is above).
    #[arg(long, default_value_t = 32 << 20, value_parser = at_least_1())]
    pub max_body_bytes: usize,
    /// Largest text field of a sample in bytes (completion, prompt, reference, ...; 413 above).
    #[arg(long, default_value_t = 1 << 20, value_parser = at_least_1())]
    pub max_field_bytes: usize,
    /// Samples admitted at once (queued or being scored); beyond it requests get 503 with Retry-After.
    #[arg(long, default_value_t = 16384, value_parser = at_least_1())]
    pub max_queue_samples: usize,
    /// Connections open at once; more are closed at accept.
    #[arg(long, default_value_t = 4096, value_parser = at_least_1())]
    pub max_connections: usize,
    /// Seconds a connection has to send its request headers (also the idle keep-alive limit); above 0, at most 86400.
    #[arg(long, default_value_t = 30.0, value_parser = positive_seconds, allow_hyphen_values = true)]
    pub header_timeout: f64,
    /// Seconds a request has to send its body (408 and the connection is closed after it); above 0, at most 86400.
    #[arg(long, default_value_t = 60.0, value_parser = positive_seconds, allow_hyphen_values = true)]
    pub body_timeout: f64,
    /// Scoring deadline of a request in seconds, from admission: samples not scored by then get the pipeline's timeout_value (info.timeout = true); above 0, at most 86400.
    #[arg(long, default_value_t = 60.0, value_parser = positive_seconds, allow_hyphen_values = true)]
    pub request_timeout: f64,
    /// Seconds to wait for in-flight requests after SIGTERM/SIGINT; 0 to 86400.
    #[arg(long, default_value_t = 30.0, value_parser = seconds_or_zero, allow_hyphen_values = true)]
    pub drain_timeout: f64,
    /// Reward sent for a sample without a value (abstention or error) on /get_reward and /classify; must be finite.
    #[arg(long, default_value_t = 0.0, value_parser = finite, allow_hyphen_values = true)]
    pub missing_value: f64,
    /// Model name reported by /classify when the request names none.
    #[arg(long, default_value = "rewardkit")]
    pub model_name: String,
    /// Scoring threads (default: one per core; at most 1024).
    #[arg(long, value_parser = threads())]
    pub threads: Option<usize>,
    /// Threads for HTTP and JSON (default: one per core; at most 1024).
    #[arg(long, value_parser = threads())]
    pub io_threads: Option<usize>,
    /// Log format on stderr.
    #[arg(long, value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

/// Runs the server until SIGTERM/SIGINT; returns exit code 0 after a clean drain.
pub(crate) fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    // clap skips an empty environment variable; an empty token is still a mistake.
    if args.token.is_none() && std::env::var_os("REWARDKIT_TOKEN").is_some_and(|v| v.is_empty()) {
        anyhow::bail!(
            "REWARDKIT_TOKEN is set but empty; an empty token would disable authentication (unset it to run without one)"
        );
    }
    init_logging(args.log_format);
    let spec = PipelineSpec::from_path(&args.spec)?;
    let pipeline = spec
        .build()
        .with_context(|| format!("building the pipeline in {}", args.spec.display()))?;
    // A `remote` node batches its calls to the reward model: keep each request whole.
    let has_remote = serde_json::to_value(&spec).is_ok_and(|v| has_type(&v, "remote"));
    let config = ServerConfig {
        max_body_bytes: args.max_body_bytes,
        max_batch: args.max_batch,
        max_queue_samples: args.max_queue_samples,
        token: args.token,
        drain_timeout: Duration::from_secs_f64(args.drain_timeout),
        model_name: args.model_name,
        max_connections: args.max_connections,
        header_read_timeout: Duration::from_secs_f64(args.header_timeout),
        body_read_timeout: Duration::from_secs_f64(args.body_timeout),
        request_timeout: Duration::from_secs_f64(args.request_timeout),
        missing_value: args.missing_value,
        max_field_bytes: args.max_field_bytes,
        split_requests: !has_remote,
        ..ServerConfig::default()
    };
    config.validate().map_err(anyhow::Error::msg)?;
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .thread_name(|i| format!("rewardkit-score-{i}"))
            .build_global()
            .context("starting the scoring threads")?;
    }
    let state = AppState::with_spec(&spec, Arc::new(pipeline), config);
    let mut rt = tokio::runtime::Builder::new_multi_thread();
    rt.enable_all().thread_name("rewardkit-io");
    if let Some(n) = args.io_threads {
        rt.worker_threads(n);
    }
    let rt = rt.build().context("starting the async runtime")?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let local = listener.local_addr()?;
        eprintln!("listening on http://{local}");
        tracing::info!(addr = %local, spec = %args.spec.display(), "rewardkit server started");
        rewardkit_server::serve(listener, state, shutdown_signal()).await?;
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Whether a spec (as JSON) has a node of type `ty` anywhere.
fn has_type(v: &serde_json::Value, ty: &str) -> bool {
    match v {
        serde_json::Value::Object(m) => {
            m.get("type").and_then(|t| t.as_str()) == Some(ty)
                || m.values().any(|x| has_type(x, ty))
        }
        serde_json::Value::Array(a) => a.iter().any(|x| has_type(x, ty)),
        _ => false,
    }
}

/// Colours only on a terminal, and never when `NO_COLOR` is set to anything but "" (see
/// no-color.org).
fn use_color(terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
    terminal && no_color.map_or(true, |v| v.is_empty())
}

fn init_logging(format: LogFormat) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let color = use_color(
        std::io::IsTerminal::is_terminal(&std::io::stderr()),
        std::env::var_os("NO_COLOR").as_deref(),
    );
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(color)
        .with_target(false);
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().try_init(),
    };
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn no_color_turns_colours_off() {
        assert!(use_color(true, None));
        assert!(use_color(true, Some(OsStr::new(""))));
        assert!(!use_color(true, Some(OsStr::new("1"))));
        assert!(!use_color(true, Some(OsStr::new("0"))));
        assert!(!use_color(false, None));
    }

    #[test]
    fn argument_ranges() {
        assert_eq!(positive_seconds("2.5"), Ok(2.5));
        for bad in ["0", "-1", "1e300", "nan", "inf", "86401", "x"] {
            assert!(positive_seconds(bad).is_err(), "{bad}");
        }
        assert_eq!(seconds_or_zero("0"), Ok(0.0));
        assert!(seconds_or_zero("-0.5").is_err());
        assert!(finite("nan").is_err() && finite("-inf").is_err() && finite("1e999").is_err());
        assert_eq!(finite("-1"), Ok(-1.0));
        assert!(token("").is_err() && token("a b").is_err());
        assert!(token("t0k-en").is_ok());
    }

    #[test]
    fn finds_remote_nodes() {
        let v = serde_json::json!({"reward": {"type": "weighted_sum", "terms": [
            {"name": "a", "reward": {"type": "math"}},
            {"name": "b", "reward": {"type": "remote", "url": "http://x"}}]}});
        assert!(has_type(&v, "remote"));
        assert!(!has_type(&v, "rank"));
    }
}
