//! What every server test shares: states from a spec, one in-process call through the router
//! (no socket), request builders, the JSON error check, and one live server on a loopback
//! port (`Live`, stopped when dropped).

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use rewardkit_core::PipelineSpec;
use rewardkit_server::{router, serve, AppState, ServerConfig};
use serde_json::Value;
use std::sync::Arc;
use tower::ServiceExt;

/// The state of a server of the spec `toml` (its `GET /v1/pipeline` knows the spec).
pub(crate) fn state_of(toml: &str, config: ServerConfig) -> AppState {
    let spec = PipelineSpec::from_toml(toml).unwrap();
    let p = spec.build().unwrap();
    AppState::with_spec(&spec, Arc::new(p), config)
}

/// The state of a server of the test kit's example spec, built from the pipeline alone (as
/// a library user builds it: no component names known, `scores` = `rewards`).
pub(crate) fn spec_state(config: ServerConfig) -> AppState {
    let p = PipelineSpec::from_toml(rewardkit_test::fixtures::SPEC)
        .unwrap()
        .build()
        .unwrap();
    AppState::new(Arc::new(p), config)
}

/// One request through the router, in process: status, headers, and the body as JSON (or as
/// a JSON string when it is not JSON).
pub(crate) async fn call(
    state: &AppState,
    req: Request<Body>,
) -> (StatusCode, axum::http::HeaderMap, Value) {
    let resp = router(state.clone()).oneshot(req).await.unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let bytes = axum::body::to_bytes(resp.into_body(), usize::MAX)
        .await
        .unwrap();
    let v = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()));
    (status, headers, v)
}

/// A request body: JSON values, texts and bytes.
pub(crate) trait IntoBody {
    fn body(self) -> Body;
}

impl IntoBody for Value {
    fn body(self) -> Body {
        Body::from(self.to_string())
    }
}

impl IntoBody for String {
    fn body(self) -> Body {
        Body::from(self)
    }
}

impl IntoBody for &'static str {
    fn body(self) -> Body {
        Body::from(self)
    }
}

impl IntoBody for Vec<u8> {
    fn body(self) -> Body {
        Body::from(self)
    }
}

/// `POST path` with a JSON content type.
pub(crate) fn post(path: &str, body: impl IntoBody) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/json")
        .body(body.body())
        .unwrap()
}

/// `GET path`.
pub(crate) fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

/// The server's one error shape, with this code and a message.
pub(crate) fn assert_error(v: &Value, code: &str) {
    assert_eq!(v["error"]["code"], code, "{v}");
    assert!(
        v["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "{v}"
    );
}

/// A server on a free loopback port, on its own runtime thread (2 workers); stopped (and
/// joined) when dropped.
pub(crate) struct Live {
    /// `127.0.0.1:PORT`.
    pub(crate) addr: String,
    /// The served state (its metrics, its queue).
    pub(crate) state: AppState,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Live {
    /// Serves `state`.
    pub(crate) fn start(state: AppState) -> Live {
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let (atx, arx) = std::sync::mpsc::channel();
        let st = state.clone();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .thread_name("test-srv")
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                atx.send(l.local_addr().unwrap().to_string()).unwrap();
                serve(l, st, async {
                    let _ = rx.await;
                })
                .await
                .unwrap();
            });
        });
        Live {
            addr: arx.recv().unwrap(),
            state,
            stop: Some(tx),
            thread: Some(thread),
        }
    }

    /// `http://127.0.0.1:PORT`.
    pub(crate) fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops the server (graceful shutdown) and returns whether its thread ended normally.
    pub(crate) fn stop(mut self) -> bool {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        self.thread.take().map_or(true, |t| t.join().is_ok())
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
