"""What the adapters share: where scoring happens (in-process or over HTTP), JSON-safe values,
grouping checks, and the per-sample log keys.

Imports are absolute on purpose: OpenRLHF and verl load an adapter *file* under another module
name (``importlib.util.spec_from_file_location``), where relative imports fail.
"""

import json
import math
import os
import time
import urllib.error
import urllib.request
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from rewardkit._pipeline import Pipeline, as_pipeline
from rewardkit.errors import RewardkitError, ScopeError, ServerError

__all__ = [
    "RESERVED",
    "Scorer",
    "HttpScorer",
    "jsonable",
    "content_text",
    "normalize_prompt",
    "normalize_completion",
    "log_key",
    "flags",
    "correctness_value",
    "check_grouping",
]

#: Keys that trainers' per-sample result dicts already use (verl's ``score``/``acc``,
#: OpenRLHF's ``reward``/``score``/``extra_logs``, rewardkit's flags). A pipeline term may not
#: take one of these names (a :class:`~rewardkit.SpecError`); a built-in component that
#: would (a root ``gate``'s ``reward``) is logged as ``component/<name>``.
RESERVED = (
    "score",
    "scores",
    "reward",
    "rewards",
    "acc",
    "error",
    "timeout",
    "abstain",
    "extra_logs",
)

#: Samples per HTTP request (the server's default limit is 4096).
DEFAULT_MAX_BATCH = 1024
#: Bytes per HTTP request body (the server's default limit is 32 MiB).
DEFAULT_MAX_BYTES = 8 << 20


# ----------------------------------------------------------------------- values

def jsonable(x: Any, _depth: int = 0) -> Any:
    """``x`` with numpy scalars and arrays made plain, non-finite floats as ``None``, and
    objects that have no JSON form (images, bytes) as ``None``."""
    if _depth > 128:
        raise ValueError("value nested too deeply")
    if x is None or isinstance(x, (bool, str)):
        return x
    if isinstance(x, int):
        return int(x)
    if isinstance(x, float):
        return float(x) if math.isfinite(x) else None
    if isinstance(x, Mapping):
        return {str(k): jsonable(v, _depth + 1) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [jsonable(v, _depth + 1) for v in x]
    if hasattr(x, "tolist") and hasattr(x, "dtype"):
        return jsonable(x.tolist(), _depth + 1)
    if hasattr(x, "__index__"):
        try:
            return int(x.__index__())
        except Exception:
            pass
    if hasattr(x, "__float__"):
        try:
            return jsonable(float(x), _depth + 1)
        except Exception:
            pass
    return None


def content_text(content: Any) -> str:
    """The text of a chat message's content: a string as is; content blocks (multimodal) joined
    from their text parts, images and other parts ignored."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, (list, tuple)):
        parts = []
        for block in content:
            if isinstance(block, str):
                parts.append(block)
            elif isinstance(block, Mapping):
                if block.get("type", "text") in ("text", "input_text", "output_text"):
                    t = block.get("text")
                    if t is not None:
                        parts.append(str(t))
        return "".join(parts)
    return str(content)


def normalize_prompt(p: Any) -> Any:
    """A prompt as text or as ``[{"role", "content": text}]`` (``None`` stays ``None``)."""
    if p is None or isinstance(p, str):
        return p
    if isinstance(p, Mapping):
        p = [p]
    out = []
    for m in p:
        if isinstance(m, Mapping):
            out.append({"role": str(m.get("role") or "user"), "content": content_text(m.get("content"))})
        elif isinstance(m, str):
            out.append({"role": "user", "content": m})
    return out


def normalize_completion(c: Any) -> str:
    """A completion as text: chat messages give their last assistant message (else the last
    message), a message dict its content."""
    if c is None:
        return ""
    if isinstance(c, str):
        return c
    if isinstance(c, Mapping):
        return content_text(c.get("content"))
    msgs = [m for m in c if isinstance(m, Mapping)]
    said = [m for m in msgs if m.get("role", "assistant") == "assistant"] or msgs
    return content_text(said[-1].get("content")) if said else ""


def _prompt_key(p: Any) -> Optional[str]:
    if p is None:
        return None
    if isinstance(p, str):
        return p
    return "\n".join(m["content"] for m in p)


def check_grouping(
    scope: Optional[str],
    n: int,
    prompts: Optional[Sequence[Any]],
    groups: Optional[Sequence[Any]],
    caller: str,
) -> None:
    """Raises :class:`~rewardkit.ScopeError` when a group- or batch-scope pipeline would see a
    sample without the rest of its group (it would score it 0).

    A sample's group is its ``group``; without one, its prompt text; without a prompt, itself
    (as in rewardkit-core)."""
    if scope not in ("group", "batch") or n == 0:
        return
    if scope == "batch":
        if n < 2:
            raise ScopeError(
                "this pipeline normalises over the whole batch (scope `batch`), but %s gives it "
                "one sample at a time: every sample would score 0. Use a per-sample pipeline "
                "here (the trainer normalises advantages itself), or score whole batches."
                % caller
            )
        return
    sizes: Dict[Any, int] = {}
    alone = 0
    for i in range(n):
        g = groups[i] if groups is not None else None
        key = ("g", str(g)) if g is not None else None
        if key is None and prompts is not None:
            pk = _prompt_key(prompts[i])
            key = ("p", pk) if pk is not None else None
        if key is None:
            alone += 1
        else:
            sizes[key] = sizes.get(key, 0) + 1
    if alone or any(v < 2 for v in sizes.values()):
        raise ScopeError(
            "this pipeline normalises within groups (scope `group`, e.g. a GRPO z-score or a "
            "rank), but %s gives it samples without the rest of their group: they would score "
            "0. Use a per-sample pipeline here (the trainer computes group advantages itself), "
            "or pass whole groups (a `group` id, or the same prompt) in one call." % caller
        )


# ----------------------------------------------------------------------- log keys

def log_key(name: str) -> str:
    """The per-sample log key of a component: its name, unless that is a reserved key."""
    return "component/" + name if name in RESERVED else name


def flags(o: Mapping[str, Any]) -> Tuple[float, float, float]:
    """``(timeout, error, abstain)`` as 0.0/1.0."""
    info = o.get("info") or {}
    timeout = bool(info.get("timeout"))
    error = (not timeout) and info.get("error") is not None
    abstain = o.get("value") is None and not timeout and not error
    return float(timeout), float(error), float(abstain)


def correctness_value(
    o: Mapping[str, Any], correctness: Optional[Tuple[str, Optional[str]]]
) -> Optional[float]:
    """The sample's correctness signal (``None`` when the pipeline has none or it is
    missing)."""
    if correctness is None:
        return None
    kind, name = correctness
    if kind == "root":
        return o.get("value")
    return (o.get("components") or {}).get(name)


# ----------------------------------------------------------------------- HTTP

def _base(url: str) -> str:
    u = url.rstrip("/")
    for suffix in ("/v1/score", "/get_reward", "/classify", "/v1/classify"):
        if u.endswith(suffix):
            return u[: -len(suffix)]
    return u


class HttpScorer:
    """Scores over HTTP against ``rewardkit serve`` (``POST /v1/score``).

    Large batches are cut into requests of at most ``max_batch`` samples and ``max_bytes``
    bytes (never splitting a group when the pipeline is group-scoped); a 4xx answer raises
    :class:`~rewardkit.ServerError` at once; connection errors and 5xx (503 with
    ``Retry-After`` included) are retried ``retries`` times with backoff. Picklable: it holds
    settings only.
    """

    def __init__(
        self,
        url: str,
        token: Optional[str] = None,
        timeout: Optional[float] = None,
        retries: Optional[int] = None,
        max_batch: int = DEFAULT_MAX_BATCH,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ):
        self.url = _base(url)
        self.token = token if token is not None else os.environ.get("REWARDKIT_TOKEN")
        self.timeout = float(timeout or os.environ.get("REWARDKIT_TIMEOUT") or 180)
        self.retries = max(1, int(retries or os.environ.get("REWARDKIT_RETRIES") or 5))
        self.max_batch = max(1, int(max_batch))
        self.max_bytes = max(1024, int(max_bytes))
        self._info: Optional[Dict[str, Any]] = None

    def __getstate__(self) -> Dict[str, Any]:
        d = dict(self.__dict__)
        d["_info"] = None
        return d

    def __setstate__(self, d: Dict[str, Any]) -> None:
        self.__dict__.update(d)

    def __repr__(self) -> str:
        return "HttpScorer(%r)" % self.url

    def _request(self, method: str, path: str, body: Optional[bytes]) -> Any:
        full = self.url + path
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        delay = 0.2
        last: Optional[Exception] = None
        for attempt in range(self.retries):
            req = urllib.request.Request(full, data=body, headers=headers, method=method)
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                    return json.loads(resp.read().decode("utf-8"))
            except urllib.error.HTTPError as e:
                try:
                    detail = json.loads(e.read().decode("utf-8")).get("error", {})
                except Exception:
                    detail = {}
                last = ServerError(
                    "%s: HTTP %d %s: %s"
                    % (full, e.code, detail.get("code", ""), detail.get("message", e.reason)),
                    status=e.code,
                    code=detail.get("code"),
                )
                if e.code < 500:
                    raise last
                ra = e.headers.get("Retry-After") if e.headers else None
                wait = max(delay, float(ra)) if ra and ra.isdigit() else delay
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as e:
                last = ServerError("%s: %s" % (full, e))
                wait = delay
            if attempt + 1 < self.retries:
                time.sleep(min(wait, 10.0))
                delay = min(delay * 2, 10.0)
        assert last is not None
        raise last

    def post(self, path: str, payload: Any) -> Any:
        """POSTs JSON and returns the decoded answer."""
        return self._request("POST", path, json.dumps(payload, allow_nan=False).encode("utf-8"))

    def info(self) -> Dict[str, Any]:
        """``GET /v1/pipeline``: the served pipeline's scope, component names and correctness
        component (cached; empty values when the server predates the route)."""
        if self._info is None:
            try:
                self._info = self._request("GET", "/v1/pipeline", None)
            except ServerError as e:
                if e.status not in (404, 405):
                    raise
                self._info = {"scope": None, "components": None, "correctness": None}
        return self._info

    def chunks(self, samples: List[Dict[str, Any]], scope: Optional[str]) -> List[List[int]]:
        """Index lists, one per request."""
        if scope == "batch":
            if len(samples) > self.max_batch:
                raise ScopeError(
                    "a batch-scope pipeline needs the whole batch in one request, but %d samples "
                    "are more than max_batch=%d" % (len(samples), self.max_batch)
                )
            return [list(range(len(samples)))]
        units: List[List[int]] = []
        if scope == "group":
            by: Dict[Any, List[int]] = {}
            for i, s in enumerate(samples):
                key = s.get("group")
                if key is None:
                    key = ("p", json.dumps(s.get("prompt"))) if s.get("prompt") is not None else ("i", i)
                by.setdefault(key, []).append(i)
            units = list(by.values())
        else:
            units = [[i] for i in range(len(samples))]
        out: List[List[int]] = []
        cur: List[int] = []
        size = 0
        for unit in units:
            usize = sum(len(json.dumps(samples[i])) + 1 for i in unit)
            if cur and (len(cur) + len(unit) > self.max_batch or size + usize > self.max_bytes):
                out.append(cur)
                cur, size = [], 0
            cur.extend(unit)
            size += usize
        if cur:
            out.append(cur)
        return out

    def score_samples(
        self, samples: List[Dict[str, Any]], scope: Optional[str] = None
    ) -> List[Dict[str, Any]]:
        """Scores samples in the server's ``Sample`` shape; one output per sample, in order."""
        results: List[Optional[Dict[str, Any]]] = [None] * len(samples)
        for idx in self.chunks(samples, scope):
            got = self.post("/v1/score", {"samples": [samples[i] for i in idx]})["results"]
            if len(got) != len(idx):
                raise ServerError(
                    "%s/v1/score returned %d results for %d samples" % (self.url, len(got), len(idx))
                )
            for i, r in zip(idx, got):
                results[i] = {
                    "value": r.get("value"),
                    "components": r.get("components") or {},
                    "info": r.get("info") or {},
                }
        return results  # type: ignore[return-value]


def _wire_reference(r: Any) -> Any:
    """A reference as the server reads it: numbers as text (as rows are read in-process), lists
    of numbers as lists of text."""
    if isinstance(r, bool):
        return "true" if r else "false"
    if isinstance(r, (int, float)):
        return json.dumps(r)
    if isinstance(r, list) and all(isinstance(x, (str, int, float)) and not isinstance(x, bool) for x in r):
        return [x if isinstance(x, str) else json.dumps(x) for x in r]
    return r


# ----------------------------------------------------------------------- scorer

class Scorer:
    """Where an adapter scores: in-process (a :class:`~rewardkit.Pipeline`) or over HTTP.

    ``pipeline`` is a Pipeline, a spec dict, a path to a spec file or spec text; ``url`` is a
    ``rewardkit serve`` address (with both, the server scores and the local spec describes it:
    scope, component names). With neither, ``REWARDKIT_URL`` or ``REWARDKIT_SPEC`` (a
    path) from the environment is used when the first batch is scored.
    """

    def __init__(
        self,
        pipeline: Any = None,
        url: Optional[str] = None,
        token: Optional[str] = None,
        timeout: Optional[float] = None,
        retries: Optional[int] = None,
        max_batch: int = DEFAULT_MAX_BATCH,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ):
        self.pipeline: Optional[Pipeline] = as_pipeline(pipeline) if pipeline is not None else None
        self.http: Optional[HttpScorer] = (
            HttpScorer(url, token, timeout, retries, max_batch, max_bytes) if url else None
        )
        self._http_args = (token, timeout, retries, max_batch, max_bytes)

    def _resolve(self) -> None:
        if self.pipeline is not None or self.http is not None:
            return
        url = os.environ.get("REWARDKIT_URL")
        spec = os.environ.get("REWARDKIT_SPEC")
        if spec:
            self.pipeline = as_pipeline(spec)
        elif url:
            self.http = HttpScorer(url, *self._http_args)
        else:
            raise RewardkitError(
                "no pipeline: pass a pipeline (a Pipeline, a spec dict or a spec file) or url=, "
                "or set REWARDKIT_SPEC=path/to/pipeline.toml or REWARDKIT_URL=http://host:port"
            )

    def configure(self, spec: Any = None, url: Optional[str] = None) -> None:
        """Sets the pipeline or URL when none was given (e.g. from a trainer's reward kwargs)."""
        if self.pipeline is None and self.http is None:
            if spec is not None:
                self.pipeline = as_pipeline(spec)
            elif url:
                self.http = HttpScorer(url, *self._http_args)

    def __repr__(self) -> str:
        if self.http is not None:
            return "Scorer(url=%r)" % self.http.url
        return "Scorer(%r)" % (self.pipeline,)

    @property
    def remote(self) -> bool:
        self._resolve()
        return self.http is not None

    @property
    def scope(self) -> Optional[str]:
        self._resolve()
        if self.pipeline is not None:
            return self.pipeline.scope
        assert self.http is not None
        return self.http.info().get("scope")

    @property
    def component_names(self) -> Optional[List[str]]:
        """Every component name the pipeline can produce (``None``: unknown, an old server)."""
        self._resolve()
        if self.pipeline is not None:
            return self.pipeline.component_names
        assert self.http is not None
        return self.http.info().get("components")

    @property
    def correctness(self) -> Optional[Tuple[str, Optional[str]]]:
        self._resolve()
        if self.pipeline is not None:
            return self.pipeline.correctness
        assert self.http is not None
        c = self.http.info().get("correctness")
        if c is None:
            return None
        return ("root", None) if c == "" else ("component", c)

    def score(
        self,
        completions: Sequence[Any],
        prompts: Optional[Sequence[Any]] = None,
        references: Optional[Sequence[Any]] = None,
        groups: Optional[Sequence[Any]] = None,
        metadata: Optional[Sequence[Optional[Mapping[str, Any]]]] = None,
    ) -> List[Dict[str, Any]]:
        """Scores columns (completions as text, prompts as text or normalised messages);
        one output per sample."""
        self._resolve()
        n = len(completions)
        if n == 0:
            return []
        if self.http is not None:
            samples = []
            for i in range(n):
                s: Dict[str, Any] = {"completion": completions[i]}
                if prompts is not None and prompts[i] is not None:
                    s["prompt"] = prompts[i]
                if references is not None:
                    r = _wire_reference(jsonable(references[i]))
                    if r is not None:
                        s["reference"] = r
                if groups is not None and groups[i] is not None:
                    g = jsonable(groups[i])
                    s["group"] = g if isinstance(g, str) else json.dumps(g)
                if metadata is not None and metadata[i]:
                    s["metadata"] = jsonable(metadata[i])
                samples.append(s)
            return self.http.score_samples(samples, self.scope)
        assert self.pipeline is not None
        return self.pipeline.score_columns(
            completions, prompts=prompts, references=references, groups=groups, metadata=metadata
        )
