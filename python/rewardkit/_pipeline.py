"""`Pipeline` and `verify`: the in-process engine."""

import json
import os
import threading
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _native
from .errors import InputError

__all__ = ["Pipeline", "Verdict", "verify", "schema", "as_pipeline"]

Verdict = _native.Verdict

# Rebuilt pipelines, by spec: unpickling the same pipeline many times in one worker process
# (Ray tasks, verl's reward workers) builds it once.
_CACHE: Dict[str, "_native.NativePipeline"] = {}
_CACHE_LOCK = threading.Lock()
_CACHE_MAX = 64


def verify(gold: Any, pred: Any, **policy: Any) -> "_native.Verdict":
    """Verifies the math answer in ``pred`` (a whole completion) against ``gold``.

    Returns a :class:`Verdict`: truthy when equal, with ``.outcome``, ``.reason``, ``.gold``,
    ``.pred``, ``.extraction`` and ``.explain()``. Keyword arguments are verifier policies
    (``float_digits=6``, ``decimal_comma=True``, ``think="after_if_present"``, ...; see
    ``rewardkit schema``); an unknown one raises :class:`~rewardkit.SpecError`.
    """
    return _native.verify(_text(gold), _text(pred), **policy)


def schema() -> Dict[str, Any]:
    """The JSON Schema of pipeline specs."""
    return json.loads(_native.NativePipeline.json_schema())


def _text(x: Any) -> str:
    if isinstance(x, str):
        return x
    if hasattr(x, "tolist") and hasattr(x, "dtype"):  # numpy scalars
        x = x.tolist()
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return str(x)


def _plain(obj: Any) -> Any:
    """A spec dict with numpy values made plain, for json.dumps."""
    if hasattr(obj, "tolist") and hasattr(obj, "dtype"):
        return obj.tolist()
    raise TypeError("not JSON serializable in a pipeline spec: %r" % (type(obj).__name__,))


def _cached(spec_json: str) -> "_native.NativePipeline":
    with _CACHE_LOCK:
        hit = _CACHE.get(spec_json)
    if hit is not None:
        return hit
    native = _native.NativePipeline.from_json(spec_json)
    with _CACHE_LOCK:
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[spec_json] = native
    return native


def _rebuild(spec_json: str) -> "Pipeline":
    return Pipeline(_cached(spec_json))


class Pipeline:
    """A reward pipeline, built from a spec (TOML, JSON or a dict; see ``rewardkit schema``).

    ``score`` takes a batch and returns one output dict per sample, in order:
    ``{"value": float | None, "components": {name: float | None}, "info": {...}}`` (plus
    ``"steps"`` for process rewards and ``"id"`` when the sample had one). ``value`` is
    ``None`` when the pipeline abstained; ``info`` says why (``reason``, ``timeout``,
    ``error``, ``extracted``, ``verdict``). Scoring releases the GIL and uses every core.

    A pipeline pickles as its spec and is rebuilt (once per process) when unpickled, so it can
    be shipped to Ray workers, multiprocessing pools and cloudpickle.
    """

    __slots__ = ("_native",)

    def __init__(self, native: "_native.NativePipeline"):
        if not isinstance(native, _native.NativePipeline):
            raise TypeError(
                "use Pipeline.from_file, from_toml, from_json or from_dict to build a pipeline"
            )
        self._native = native

    # ---------------------------------------------------------------- construction

    @classmethod
    def from_file(cls, path: Union[str, "os.PathLike[str]"]) -> "Pipeline":
        """Reads a spec file (``.json`` as JSON, anything else by content, TOML or JSON)."""
        return cls(_native.NativePipeline.from_file(os.fspath(path)))

    @classmethod
    def from_toml(cls, text: str) -> "Pipeline":
        """Builds from a TOML document."""
        return cls(_native.NativePipeline.from_toml(text))

    @classmethod
    def from_json(cls, text: str) -> "Pipeline":
        """Builds from a JSON document."""
        return cls(_native.NativePipeline.from_json(text))

    @classmethod
    def from_dict(cls, spec: Mapping[str, Any]) -> "Pipeline":
        """Builds from a dict in the spec's JSON form. ``schema_version`` defaults to 1; a
        dict holding only a node (``{"type": "math"}``) is taken as the ``reward``."""
        d = dict(spec)
        if "type" in d:  # a node (documents have no top-level `type`)
            d = {"reward": d}
        d.setdefault("schema_version", 1)
        return cls(_native.NativePipeline.from_json(json.dumps(d, default=_plain)))

    # ---------------------------------------------------------------- description

    @property
    def spec(self) -> Dict[str, Any]:
        """The spec, as a dict (every default filled in)."""
        return json.loads(self._native.spec_json)

    @property
    def spec_json(self) -> str:
        """The spec, as canonical JSON text."""
        return self._native.spec_json

    @property
    def scope(self) -> str:
        """``"sample"``, ``"group"`` or ``"batch"``: how much of a batch the pipeline needs to
        see at once (a GRPO z-score needs whole groups)."""
        return self._native.scope

    @property
    def component_names(self) -> List[str]:
        """Every component name the pipeline can produce (the same for every sample)."""
        return self._native.component_names

    @property
    def correctness(self) -> Optional[Tuple[str, Optional[str]]]:
        """Where the correctness signal is: ``("root", None)`` when the pipeline's value is
        a correctness reward (``math``, ``exact_match``, ``number_match``), ``("component",
        name)`` for a term, or ``None``."""
        return self._native.correctness

    def __repr__(self) -> str:
        spec = self.spec
        name = spec.get("name") or spec.get("reward", {}).get("type", "?")
        return "Pipeline(%r, scope=%r)" % (name, self.scope)

    def __reduce__(self):
        return (_rebuild, (self._native.spec_json,))

    # ---------------------------------------------------------------- scoring

    def score(
        self,
        samples: Optional[Iterable[Mapping[str, Any]]] = None,
        *,
        completions: Optional[Sequence[Any]] = None,
        prompts: Optional[Sequence[Any]] = None,
        references: Optional[Sequence[Any]] = None,
        groups: Optional[Sequence[Any]] = None,
        ids: Optional[Sequence[Any]] = None,
        metadata: Optional[Sequence[Optional[Mapping[str, Any]]]] = None,
    ) -> List[Dict[str, Any]]:
        """Scores a batch; one output dict per sample, in order.

        Either ``samples``: dicts in the ``rewardkit score`` row shape (``prompt`` or
        ``question``/``problem``/``query``, text or chat messages; ``completion`` or
        ``response``/``output`` or chat ``messages``; ``reference`` or ``answer``/``solution``/
        ``ground_truth``/verl's ``reward_model.ground_truth``; ``group``, ``id``, ``scores``,
        ``steps``; other keys are metadata for ``field``), or the columnar fast path: lists of
        equal length (``completions`` required). numpy scalars and arrays are accepted
        anywhere. Chat messages may call tools (``content: None`` with ``tool_calls``, ``tool``
        results) and hold content blocks (text parts read, images and other parts kept): the
        completion text is the final assistant message's, and the tool calls are kept in the
        sample's metadata as ``tool_calls``, as ``rewardkit score`` reads them.
        """
        if samples is not None:
            if completions is not None:
                raise TypeError("pass either samples or columns (completions=...), not both")
            if isinstance(samples, Mapping):
                raise TypeError("samples must be a list of dicts, not one dict")
            return self._native.score(samples)
        if completions is None:
            raise TypeError("score() needs samples, or completions= (the columnar form)")
        return self._native.score_columns(
            completions, prompts, references, groups, ids, metadata
        )

    def score_columns(
        self,
        completions: Sequence[Any],
        prompts: Optional[Sequence[Any]] = None,
        references: Optional[Sequence[Any]] = None,
        groups: Optional[Sequence[Any]] = None,
        ids: Optional[Sequence[Any]] = None,
        metadata: Optional[Sequence[Optional[Mapping[str, Any]]]] = None,
    ) -> List[Dict[str, Any]]:
        """The columnar fast path of :meth:`score`."""
        return self._native.score_columns(
            completions, prompts, references, groups, ids, metadata
        )

    def values(self, *args: Any, **kwargs: Any) -> List[Optional[float]]:
        """Like :meth:`score`, returning only the values (``None`` where it abstained)."""
        return [o["value"] for o in self.score(*args, **kwargs)]

    def score_batch(
        self,
        batch: Mapping[str, Sequence[Any]],
        *,
        completion: Optional[str] = None,
        prompt: Optional[str] = None,
        reference: Optional[str] = None,
        group: Optional[str] = None,
        prefix: str = "reward",
    ) -> Dict[str, Any]:
        """Scores a batch of columns (a dict of lists or numpy arrays, as ``ray.data``'s
        ``map_batches`` passes it) and returns the batch with ``prefix`` (the value, ``NaN``
        where the pipeline abstained) and ``prefix/<component>`` columns added.

        Column names are found as in :meth:`score` unless given.
        """
        cols = dict(batch)

        def pick(given: Optional[str], names: Sequence[str], required: bool = False):
            if given is not None:
                return cols[given]
            for n in names:
                if n in cols:
                    return cols[n]
            if required:
                raise InputError("no completion column: expected one of %s" % ", ".join(names))
            return None

        comps = pick(completion, ("completion", "response", "output", "generation"), True)
        outs = self.score_columns(
            list(comps),
            prompts=_listed(pick(prompt, ("prompt", "question", "problem", "query"))),
            references=_listed(
                pick(reference, ("reference", "answer", "solution", "ground_truth", "gold", "label"))
            ),
            groups=_listed(pick(group, ("group", "group_id", "prompt_id", "uid"))),
        )
        nan = float("nan")
        cols[prefix] = [o["value"] if o["value"] is not None else nan for o in outs]
        for name in self.component_names:
            vals = [o["components"].get(name) for o in outs]
            cols["%s/%s" % (prefix, name)] = [v if v is not None else nan for v in vals]
        return cols


def _listed(col: Any) -> Optional[List[Any]]:
    if col is None:
        return None
    if hasattr(col, "tolist") and hasattr(col, "dtype") and getattr(col, "dtype", None) != object:
        return col.tolist()
    return list(col)


def as_pipeline(spec: Any) -> Pipeline:
    """A :class:`Pipeline` from a pipeline, a dict, a path to a spec file, or spec text."""
    if isinstance(spec, Pipeline):
        return spec
    if isinstance(spec, Mapping):
        return Pipeline.from_dict(spec)
    if isinstance(spec, os.PathLike):
        return Pipeline.from_file(spec)
    if isinstance(spec, str):
        s = spec.lstrip("\ufeff").lstrip()
        if s.startswith("{"):
            return Pipeline.from_json(spec)
        if "\n" in s or s.startswith("schema_version") or s.startswith("["):
            return Pipeline.from_toml(spec)
        return Pipeline.from_file(spec)
    raise TypeError(
        "expected a Pipeline, a spec dict, a path or spec text, not %s" % type(spec).__name__
    )


