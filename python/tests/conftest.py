"""Fixtures: bundled specs, and a stand-in `rewardkit serve` (in Python, over the in-process
engine) that enforces request limits and records what it was sent, so the HTTP paths are tested
without the Rust binary. `real_server` starts the real binary when it has been built."""

import json
import os
import shutil
import socket
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import rewardkit

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_SPEC = ROOT / "examples" / "pipeline.toml"

# math + an open-r1 `r1` format check (exact: `</answer>` must end the completion).
R1_SPEC = """
schema_version = 1
name = "r1"
[reward]
type = "weighted_sum"
terms = [
  { name = "accuracy", reward = { type = "math" } },
  { name = "format", weight = 0.5, reward = { type = "format", preset = "r1" } },
]
"""

# A gate: `gated`'s sub-components exist only for samples that pass the format check.
GATE_SPEC = """
schema_version = 1
[reward]
type = "weighted_sum"
terms = [
  { name = "gated", reward = { type = "gate", gate = { type = "format", preset = "r1_lenient" }, reward = { type = "weighted_sum", terms = [{ name = "accuracy", reward = { type = "math" } }] } } },
  { name = "length", weight = 0.0, reward = { type = "soft_overlong", max_length = 100, cache_length = 50 } },
]
"""

ZSCORE_SPEC = """
schema_version = 1
[reward]
type = "zscore"
input = { type = "math" }
"""


@pytest.fixture
def r1():
    return rewardkit.Pipeline.from_toml(R1_SPEC)


@pytest.fixture
def gate():
    return rewardkit.Pipeline.from_toml(GATE_SPEC)


@pytest.fixture
def zscore():
    return rewardkit.Pipeline.from_toml(ZSCORE_SPEC)


class FakeServer:
    """`rewardkit serve`'s /v1/score and /v1/pipeline over an in-process pipeline."""

    def __init__(self, pipeline, max_batch=4096, max_bytes=32 << 20, fail_first=0):
        self.pipeline = pipeline
        self.max_batch = max_batch
        self.max_bytes = max_bytes
        self.fail_first = fail_first
        self.requests = []  # (path, number of samples, body bytes)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def _send(self, status, obj, headers=()):
                body = json.dumps(obj).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for k, v in headers:
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                if self.path != "/v1/pipeline":
                    return self._send(404, {"error": {"code": "not_found", "message": "no"}})
                corr = server.pipeline.correctness
                self._send(200, {
                    "scope": server.pipeline.scope,
                    "components": server.pipeline.component_names,
                    "correctness": None if corr is None else (corr[1] or ""),
                })

            def do_POST(self):
                n = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(n)
                if n > server.max_bytes:
                    return self._send(413, {"error": {"code": "payload_too_large", "message": "body"}})
                if server.fail_first > 0:
                    server.fail_first -= 1
                    return self._send(503, {"error": {"code": "overloaded", "message": "busy"}},
                                      [("Retry-After", "0")])
                req = json.loads(raw)
                samples = req["samples"]
                server.requests.append((self.path, len(samples), n))
                if len(samples) > server.max_batch:
                    return self._send(413, {"error": {"code": "batch_too_large", "message": "n"}})
                rows = []
                for s in samples:
                    row = dict(s.get("metadata") or {})
                    row.update({k: v for k, v in s.items() if k != "metadata"})
                    rows.append(row)
                outs = server.pipeline.score(rows)
                self._send(200, {"results": outs})

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def fake_server():
    made = []

    def start(pipeline, **kw):
        s = FakeServer(pipeline, **kw)
        made.append(s)
        return s

    yield start
    for s in made:
        s.close()


def _binary():
    env = os.environ.get("REWARDKIT_BIN")
    if env:
        return env
    for p in (ROOT / "target" / "release" / "rewardkit", ROOT / "target" / "debug" / "rewardkit"):
        if p.exists():
            return str(p)
    return shutil.which("rewardkit")


@pytest.fixture
def real_server(tmp_path):
    """Starts `rewardkit serve` on a spec text; skipped (visibly) without the binary."""
    binary = _binary()
    if not binary:
        pytest.skip("the rewardkit binary is not built (cargo build --release); set REWARDKIT_BIN")
    procs = []

    def start(spec_text):
        spec = tmp_path / ("spec%d.toml" % len(procs))
        spec.write_text(spec_text)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        p = subprocess.Popen(
            [binary, "serve", "--spec", str(spec), "--addr", "127.0.0.1:%d" % port],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        procs.append(p)
        url = "http://127.0.0.1:%d" % port
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    return url
            except OSError:
                if p.poll() is not None:
                    raise RuntimeError(p.stderr.read().decode())
                time.sleep(0.05)
        raise RuntimeError("rewardkit serve did not start")

    yield start
    for p in procs:
        p.terminate()
        p.wait(10)
