//! `rewardkit serve`: serve a reward pipeline over HTTP (see the `rewardkit-server` crate for
//! the routes and their contracts).
//!
//! Binds `127.0.0.1:8000` unless told otherwise. Prints `listening on http://ADDR` on stderr
//! once the socket is bound (with `--addr 127.0.0.1:0` the port is chosen by the system).
//! SIGTERM or SIGINT stops accepting connections, lets in-flight requests finish (at most
//! `--drain-timeout` seconds) and exits 0.

use anyhow::Context as _;
use rewardkit_core::PipelineSpec;
use rewardkit_server::{AppState, ServerConfig};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// Log output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// Arguments of `rewardkit serve`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Routes: POST /get_reward (OpenRLHF), POST /v1/score (rewardkit), POST /classify and /v1/classify (vLLM, SGLang), GET /health, GET /metrics.\nLogs go to stderr; RUST_LOG refines them (e.g. RUST_LOG=debug logs every request)."
)]
pub struct ServeArgs {
    /// Pipeline spec file (TOML or JSON).
    #[arg(long, value_name = "FILE")]
    pub spec: PathBuf,
    /// Address to listen on (use 0.0.0.0:PORT to accept connections from other machines).
    #[arg(long, default_value = "127.0.0.1:8000", env = "REWARDKIT_ADDR")]
    pub addr: String,
    /// Bearer token that clients must send (`Authorization: Bearer TOKEN`); `/health` stays open.
    #[arg(long, env = "REWARDKIT_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Largest number of samples in one request (413 above).
    #[arg(long, default_value_t = 4096)]
    pub max_batch: usize,
    /// Largest request body in bytes (413 above).
    #[arg(long, default_value_t = 32 << 20)]
    pub max_body_bytes: usize,
    /// Samples admitted at once (queued or being scored); beyond it requests get 503 with Retry-After.
    #[arg(long, default_value_t = 16384)]
    pub max_queue_samples: usize,
    /// Connections open at once; more are closed at accept.
    #[arg(long, default_value_t = 4096)]
    pub max_connections: usize,
    /// Seconds a connection has to send its request headers (also the idle keep-alive limit).
    #[arg(long, default_value_t = 30.0)]
    pub header_timeout: f64,
    /// Seconds to wait for in-flight requests after SIGTERM/SIGINT.
    #[arg(long, default_value_t = 30.0)]
    pub drain_timeout: f64,
    /// Reward sent for a sample without a value (abstention or error) on /get_reward and /classify.
    #[arg(long, default_value_t = 0.0, allow_hyphen_values = true)]
    pub missing_value: f64,
    /// Model name reported by /classify when the request names none.
    #[arg(long, default_value = "rewardkit")]
    pub model_name: String,
    /// Scoring threads (default: one per core).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Threads for HTTP and JSON (default: one per core).
    #[arg(long)]
    pub io_threads: Option<usize>,
    /// Log format on stderr.
    #[arg(long, value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

/// Runs the server until SIGTERM/SIGINT; returns exit code 0 after a clean drain.
pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    init_logging(args.log_format);
    let spec = PipelineSpec::from_path(&args.spec)?;
    let pipeline = spec
        .build()
        .with_context(|| format!("building the pipeline in {}", args.spec.display()))?;
    if !(args.drain_timeout.is_finite() && args.drain_timeout >= 0.0) {
        anyhow::bail!("--drain-timeout must be a non-negative number of seconds");
    }
    if !(args.header_timeout.is_finite() && args.header_timeout > 0.0) {
        anyhow::bail!("--header-timeout must be a positive number of seconds");
    }
    if args.max_batch == 0 || args.max_queue_samples == 0 || args.max_connections == 0 {
        anyhow::bail!("--max-batch, --max-queue-samples and --max-connections must be at least 1");
    }
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .thread_name(|i| format!("rewardkit-score-{i}"))
            .build_global()
            .context("starting the scoring threads")?;
    }
    let config = ServerConfig {
        max_body_bytes: args.max_body_bytes,
        max_batch: args.max_batch,
        max_queue_samples: args.max_queue_samples,
        token: args.token.filter(|t| !t.is_empty()),
        drain_timeout: Duration::from_secs_f64(args.drain_timeout),
        model_name: args.model_name,
        max_connections: args.max_connections,
        header_read_timeout: Duration::from_secs_f64(args.header_timeout),
        missing_value: args.missing_value,
        ..ServerConfig::default()
    };
    let state = AppState::new(Arc::new(pipeline), config);
    let mut rt = tokio::runtime::Builder::new_multi_thread();
    rt.enable_all().thread_name("rewardkit-io");
    if let Some(n) = args.io_threads {
        rt.worker_threads(n.max(1));
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

fn init_logging(format: LogFormat) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
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
