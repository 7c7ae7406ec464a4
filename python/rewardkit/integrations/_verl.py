"""verl ``compute_score`` (implementation; import :mod:`rewardkit.integrations.verl`)."""

import math
import threading
from typing import Any, Dict, List, Mapping, Optional, Sequence

from rewardkit.errors import RewardkitError
from rewardkit.integrations._common import (
    Scorer,
    check_grouping,
    correctness_value,
    flags,
    log_key,
)

_NAN = float("nan")


class VerlResult(dict):
    """The result dict of :class:`VerlReward`, which also reads as its score where verl's
    legacy managers expect a number: ``float(result)`` and ``result[0]`` give
    ``result["score"]``. verl 0.9.1's ``prime`` manager
    (``verl/workers/reward_manager/prime.py``, ``parallel_compute_score_async``) does
    ``float(result[0])`` on any result that is not a number, and a plain dict there raises
    ``KeyError: 0``, which its ``verify`` catches and turns into a score of 0.0 for the whole
    batch, silently. Everything else sees a plain ``dict`` (``isinstance(r, dict)``)."""

    __slots__ = ()

    def __getitem__(self, key: Any) -> Any:
        if type(key) is int and key == 0:
            return dict.__getitem__(self, "score")
        return dict.__getitem__(self, key)

    def __float__(self) -> float:
        return float(dict.__getitem__(self, "score"))


class VerlReward:
    """verl's custom reward function: ``compute_score(data_source, solution_str, ground_truth,
    extra_info=None, **kwargs)``, returning ``{"score", "acc", <components>..., "timeout",
    "error", "abstain"}`` with **the same keys for every sample**.

    - ``score``: the pipeline's value (``missing_value``, default 0.0, where it abstained or
      failed: verl needs a number; the flags say which).
    - ``acc``: the correctness component (``math``/``exact_match``/``number_match`` term) when
      the pipeline has one, else ``score``.
    - one key per component the pipeline can produce (``NaN`` where a sample has none, e.g. a
      ``gate`` that failed), so verl's reward loop, which builds its columns from the first
      sample's keys, never misses one; a component named like a reserved key is
      ``component/<name>``.
    - ``timeout``, ``error``, ``abstain``: 0.0/1.0.

    ``pipeline`` (or ``url`` for a ``rewardkit serve``) scores every data source; ``routes``
    maps a ``data_source`` to its own pipeline (``default`` for the rest; an unrouted source
    without a default is an error). verl's reward loop calls ``compute_score`` once per sample
    (``verl/experimental/reward_loop/reward_manager/naive.py``, verl 0.9.1), so a group- or
    batch-scope pipeline is refused with :class:`~rewardkit.ScopeError` there instead of
    scoring 0. :meth:`batched` is the batched form
    (``compute_score(data_sources=, solution_strs=, ground_truths=, extra_infos=)``, verl's
    ``batch`` manager); its groups come from ``extra_info["uid"]`` or ``extra_info["group"]``.

    ``extra_info`` (numpy values included: verl puts ``num_turns`` there as a numpy integer)
    becomes the sample's metadata (``extra_info.*`` for ``field``), with ``data_source``.
    Without a pipeline, one is taken from the ``spec=`` / ``url=`` keyword arguments (verl's
    ``custom_reward_function.reward_kwargs``) or ``REWARDKIT_SPEC`` / ``REWARDKIT_URL``.
    Picklable (Ray, verl's ``remote`` manager).
    """

    def __init__(
        self,
        pipeline: Any = None,
        *,
        url: Optional[str] = None,
        token: Optional[str] = None,
        routes: Optional[Mapping[str, Any]] = None,
        default: Any = None,
        missing_value: float = 0.0,
        timeout: Optional[float] = None,
        retries: Optional[int] = None,
        max_batch: int = 1024,
    ):
        self._http = (token, timeout, retries, max_batch)
        self.scorer: Optional[Scorer] = (
            Scorer(pipeline, url, token, timeout, retries, max_batch)
            if (pipeline is not None or url is not None)
            else None
        )
        self.routes: Dict[str, Scorer] = {
            str(k): Scorer(v, None, token, timeout, retries, max_batch) for k, v in (routes or {}).items()
        }
        if default is not None:
            self.scorer = Scorer(default, None, token, timeout, retries, max_batch)
        if self.scorer is None and not self.routes:
            self.scorer = Scorer(None, None, token, timeout, retries, max_batch)
        self.missing_value = float(missing_value)
        self.__name__ = "compute_score"
        self._keys: Optional[List[str]] = None
        self._lock = threading.Lock()

    def __getstate__(self) -> Dict[str, Any]:
        d = dict(self.__dict__)
        d["_lock"] = None
        d["_keys"] = None
        return d

    def __setstate__(self, d: Dict[str, Any]) -> None:
        self.__dict__.update(d)
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return "VerlReward(%r, routes=%r)" % (self.scorer, sorted(self.routes))

    # ------------------------------------------------------------ configuration

    def _configure(self, kwargs: Mapping[str, Any]) -> None:
        spec = kwargs.get("spec")
        url = kwargs.get("url")
        if self.scorer is not None and (spec is not None or url is not None):
            self.scorer.configure(spec, url)

    def _scorer_for(self, data_source: Any) -> Scorer:
        key = data_source if isinstance(data_source, str) else str(_plain(data_source))
        s = self.routes.get(key)
        if s is not None:
            return s
        if self.scorer is None:
            raise RewardkitError(
                "no pipeline for data_source %r: routes are %s and there is no default"
                % (key, ", ".join(sorted(self.routes)))
            )
        return self.scorer

    def _scorers(self) -> List[Scorer]:
        out = list(self.routes.values())
        if self.scorer is not None:
            out.append(self.scorer)
        return out

    def keys(self) -> List[str]:
        """The component keys every result carries (the union over all routes)."""
        with self._lock:
            if self._keys is None:
                names = set()
                for s in self._scorers():
                    names.update(s.component_names or [])
                self._keys = sorted(log_key(n) for n in names)
            return self._keys

    # ------------------------------------------------------------ scoring

    def _result(self, o: Mapping[str, Any], scorer: Scorer, keys: List[str]) -> Dict[str, Any]:
        value = o.get("value")
        score = float(value) if value is not None and math.isfinite(value) else self.missing_value
        acc = correctness_value(o, scorer.correctness)
        out: Dict[str, Any] = VerlResult({
            "score": score,
            "acc": float(acc) if acc is not None else (score if scorer.correctness is None else 0.0),
        })
        comps = {log_key(k): v for k, v in (o.get("components") or {}).items()}
        for k in keys:
            v = comps.get(k)
            out[k] = float(v) if v is not None else _NAN
        timeout, error, abstain = flags(o)
        out["timeout"] = timeout
        out["error"] = error
        out["abstain"] = abstain
        return out

    def batched(
        self,
        data_sources: Sequence[Any],
        solution_strs: Sequence[Optional[str]],
        ground_truths: Sequence[Any],
        extra_infos: Optional[Sequence[Optional[Mapping[str, Any]]]] = None,
        **kwargs: Any,
    ) -> List[Dict[str, Any]]:
        """The batched form: one result dict per sample, in order."""
        self._configure(kwargs)
        n = len(solution_strs)
        if len(data_sources) != n or len(ground_truths) != n:
            raise ValueError("data_sources, solution_strs and ground_truths must have equal lengths")
        extra_infos = list(extra_infos) if extra_infos is not None else [None] * n
        keys = self.keys()
        by_scorer: Dict[int, List[int]] = {}
        scorers: Dict[int, Scorer] = {}
        for i, ds in enumerate(data_sources):
            s = self._scorer_for(ds)
            by_scorer.setdefault(id(s), []).append(i)
            scorers[id(s)] = s
        results: List[Optional[Dict[str, Any]]] = [None] * n
        caller = (
            "verl's reward loop (compute_score is called once per sample)"
            if n == 1
            else "this verl batch"
        )
        for sid, idx in by_scorer.items():
            s = scorers[sid]
            groups: List[Any] = []
            metadata: List[Dict[str, Any]] = []
            for i in idx:
                extra = extra_infos[i]
                g = None
                if isinstance(extra, Mapping):
                    g = extra.get("uid", extra.get("group"))
                groups.append(_plain(g) if g is not None else None)
                meta: Dict[str, Any] = {"data_source": _plain(data_sources[i])}
                if extra is not None:
                    meta["extra_info"] = extra
                metadata.append(meta)
            check_grouping(s.scope, len(idx), None, groups, caller)
            outs = s.score(
                [solution_strs[i] or "" for i in idx],
                references=[_reference(ground_truths[i]) for i in idx],
                groups=groups if any(g is not None for g in groups) else None,
                metadata=metadata,
            )
            for i, o in zip(idx, outs):
                results[i] = self._result(o, s, keys)
        return results  # type: ignore[return-value]

    def __call__(
        self,
        data_source: Any = None,
        solution_str: Optional[str] = None,
        ground_truth: Any = None,
        extra_info: Optional[Mapping[str, Any]] = None,
        **kwargs: Any,
    ) -> Dict[str, Any]:
        """Scores one sample (verl's reward loop, and the ``naive``/``dapo``/``limited``/
        ``remote`` managers)."""
        return self.batched([data_source], [solution_str], [ground_truth], [extra_info], **kwargs)[0]


def _plain(x: Any) -> Any:
    if hasattr(x, "tolist") and hasattr(x, "dtype"):
        return x.tolist()
    return x


def _reference(g: Any) -> Any:
    g = _plain(g)
    if isinstance(g, float) and g.is_integer():
        return str(int(g))
    return g


class FloatVerlReward:
    """``compute_score_float``: a :class:`VerlReward` that returns the score alone, a
    ``float``, for code that wants a number (verl's legacy ``prime`` manager also works with
    :data:`compute_score` itself, whose dict reads as its score there)."""

    def __init__(self, reward: VerlReward):
        self.reward = reward
        self.__name__ = "compute_score_float"

    def __call__(self, data_source=None, solution_str=None, ground_truth=None, extra_info=None, **kwargs):
        return float(self.reward(data_source, solution_str, ground_truth, extra_info, **kwargs)["score"])


class BatchedVerlReward:
    """``compute_score_batched``: the batched form of a :class:`VerlReward`, for verl's
    ``batch`` reward manager (``verl/workers/reward_manager/batch.py``)."""

    def __init__(self, reward: VerlReward):
        self.reward = reward
        self.__name__ = "compute_score_batched"

    def __call__(self, data_sources, solution_strs, ground_truths, extra_infos=None, **kwargs):
        return self.reward.batched(data_sources, solution_strs, ground_truths, extra_infos, **kwargs)


#: Configured from ``spec=`` / ``url=`` reward kwargs or ``REWARDKIT_SPEC`` / ``REWARDKIT_URL``.
compute_score = VerlReward()
#: The batched form of :data:`compute_score`.
compute_score_batched = BatchedVerlReward(compute_score)
#: :data:`compute_score` returning the score alone (a ``float``).
compute_score_float = FloatVerlReward(compute_score)
