"""TRL ``GRPOTrainer`` reward function (implementation; import :mod:`rewardkit.integrations.trl`)."""

import math
import warnings
from typing import Any, Callable, Dict, List, Optional, Sequence

from rewardkit.integrations._common import (
    Scorer,
    flags,
    log_key,
    normalize_completion,
    normalize_prompt,
)

#: Dataset columns tried, in order, for the reference when ``reference_column`` is not given.
REFERENCE_COLUMNS = ("solution", "ground_truth", "answer", "reference", "gold", "label", "target")

#: Keyword arguments TRL passes that are not dataset columns.
_TRL_KWARGS = ("trainer_state", "log_extra", "log_metric", "environments")


class RewardkitReward:
    """A reward function for ``GRPOTrainer(reward_funcs=[RewardkitReward("pipeline.toml")])``.

    TRL (``trl/trainer/grpo_trainer.py`` ``_calculate_rewards``, TRL 1.16.0) calls it as
    ``f(prompts=..., completions=..., completion_ids=..., trainer_state=..., log_extra=...,
    log_metric=..., **dataset_columns)``. Prompts and completions may be text or chat
    messages; multimodal content blocks are reduced to their text parts (images are ignored).
    ``completion_ids`` give ``metadata.num_tokens`` (for ``length = {field = "num_tokens"}``);
    the reference comes from ``reference_column`` (default: the first of
    :data:`REFERENCE_COLUMNS` present); the other dataset columns are metadata (for ``field``).

    Returns one float per completion, or ``None`` where the pipeline abstained (TRL's "no
    reward"). When TRL passes ``log_extra`` / ``log_metric``, each component goes to the
    completions table (``<name>/<component>``) and its batch mean to the metrics, with the
    timeout / error / abstain rates. ``__name__`` (TRL's ``rewards/<name>/mean``) is ``name``.

    TRL computes group advantages itself (``scale_rewards``): use a per-sample pipeline here.
    A group- or batch-scope one (a ``zscore``) is warned about once (it normalises twice, and
    with several processes each call holds only part of a group) and refused with
    :class:`~rewardkit.ScopeError` when a call holds a group of one sample.
    """

    def __init__(
        self,
        pipeline: Any = None,
        *,
        url: Optional[str] = None,
        token: Optional[str] = None,
        reference_column: Optional[str] = None,
        name: str = "rewardkit",
        log_components: bool = True,
        timeout: Optional[float] = None,
        retries: Optional[int] = None,
        max_batch: int = 1024,
    ):
        self.scorer = Scorer(pipeline, url, token, timeout, retries, max_batch)
        self.reference_column = reference_column
        self.log_components = log_components
        self.__name__ = name
        self.__qualname__ = name
        self._warned = False

    def __repr__(self) -> str:
        return "RewardkitReward(%r, name=%r)" % (self.scorer, self.__name__)

    def __getstate__(self) -> Dict[str, Any]:
        return dict(self.__dict__)

    def __setstate__(self, d: Dict[str, Any]) -> None:
        self.__dict__.update(d)

    def _references(self, n: int, columns: Dict[str, Any]) -> Optional[List[Any]]:
        names = (self.reference_column,) if self.reference_column else REFERENCE_COLUMNS
        for col in names:
            if col in columns and columns[col] is not None:
                refs = list(columns[col])
                if len(refs) != n:
                    raise ValueError(
                        "column %r has %d values for %d completions" % (col, len(refs), n)
                    )
                return refs
        if self.reference_column:
            raise KeyError(
                "reference column %r is not among the dataset columns TRL passed: %s"
                % (self.reference_column, ", ".join(sorted(columns)) or "(none)")
            )
        return None

    def __call__(
        self,
        prompts: Optional[Sequence[Any]] = None,
        completions: Optional[Sequence[Any]] = None,
        completion_ids: Optional[Sequence[Sequence[int]]] = None,
        **kwargs: Any,
    ) -> List[Optional[float]]:
        completions = list(completions or [])
        n = len(completions)
        if n == 0:
            return []
        log_extra: Optional[Callable[[str, list], None]] = kwargs.get("log_extra")
        log_metric: Optional[Callable[[str, float], None]] = kwargs.get("log_metric")
        columns = {k: v for k, v in kwargs.items() if k not in _TRL_KWARGS}
        refs = self._references(n, columns)
        ref_col = None
        if refs is not None:
            ref_col = next(
                c for c in ((self.reference_column,) if self.reference_column else REFERENCE_COLUMNS)
                if c in columns and columns[c] is not None
            )
        texts = [normalize_completion(c) for c in completions]
        plist = [normalize_prompt(p) for p in prompts] if prompts is not None else None
        metadata: List[Dict[str, Any]] = [{} for _ in range(n)]
        for col, column in columns.items():
            if col == ref_col or column is None:
                continue
            try:
                vals = list(column)
            except TypeError:
                continue
            if len(vals) != n:
                continue
            for i in range(n):
                metadata[i][col] = vals[i]
        if completion_ids is not None:
            for i, ids in enumerate(completion_ids):
                if i < n and ids is not None:
                    metadata[i]["num_tokens"] = len(ids)
        scope = self.scorer.scope
        if scope in ("group", "batch") and not self._warned:
            self._warned = True
            warnings.warn(
                "RewardkitReward: the pipeline is %s-scoped; TRL computes GRPO advantages "
                "itself, and with several processes each call sees only part of a group. "
                "A per-sample pipeline is usually what TRL wants." % scope,
                stacklevel=2,
            )
        if scope is not None and scope != "sample":
            from rewardkit.integrations._common import check_grouping

            check_grouping(scope, n, plist, None, "this TRL reward call")
        outs = self.scorer.score(texts, prompts=plist, references=refs, metadata=metadata)
        values: List[Optional[float]] = [
            float(o["value"]) if o["value"] is not None else None for o in outs
        ]
        if self.log_components and (log_extra is not None or log_metric is not None):
            self._log(outs, log_extra, log_metric)
        return values

    def _log(self, outs, log_extra, log_metric) -> None:
        names = self.scorer.component_names
        if names is None:
            names = sorted({k for o in outs for k in (o.get("components") or {})})
        prefix = self.__name__
        for c in names:
            col = [(o.get("components") or {}).get(c) for o in outs]
            key = "%s/%s" % (prefix, log_key(c))
            if log_extra is not None:
                log_extra(key, col)
            if log_metric is not None:
                vals = [v for v in col if v is not None and math.isfinite(v)]
                if vals:
                    log_metric(key + "/mean", sum(vals) / len(vals))
        if log_metric is not None:
            fl = [flags(o) for o in outs]
            n = len(fl)
            for j, what in enumerate(("timeout", "error", "abstain")):
                log_metric("%s/%s_rate" % (prefix, what), sum(f[j] for f in fl) / n)
