"""OpenRLHF ``reward_func`` (implementation; import :mod:`rewardkit.integrations.openrlhf`)."""

import math
from typing import Any, Dict, List, Optional, Sequence, Union

from rewardkit.integrations._common import (
    Scorer,
    check_grouping,
    correctness_value,
    flags,
    log_key,
)

#: Special tokens stripped from the end of each query by default: the end-of-turn and
#: end-of-text tokens of the common chat templates (ChatML/Qwen, Llama 3, Llama 2/Mistral,
#: Gemma, Phi-3, DeepSeek, GLM, gpt-oss) and their padding tokens. OpenRLHF decodes the query
#: with ``skip_special_tokens=False`` (``openrlhf/utils/agent.py``), so they are there.
DEFAULT_STRIP_TOKENS = (
    "<|im_end|>",
    "<|endoftext|>",
    "<|eot_id|>",
    "<|end_of_text|>",
    "<|eom_id|>",
    "</s>",
    "<eos>",
    "<end_of_turn>",
    "<|end|>",
    "<|return|>",
    "<|user|>",
    "<｜end▁of▁sentence｜>",
    "<|end▁of▁sentence|>",
    "<|pad|>",
    "<pad>",
    "[PAD]",
    "<|finetune_right_pad_id|>",
)


def strip_trailing_tokens(text: str, tokens: Sequence[str]) -> str:
    """``text`` without any run of ``tokens`` (and whitespace between them) at its end."""
    changed = True
    while changed:
        changed = False
        stripped = text.rstrip()
        for t in tokens:
            if t and stripped.endswith(t):
                text = stripped[: -len(t)]
                changed = True
                break
    return text


class OpenRLHFReward:
    """OpenRLHF's ``reward_func(queries, prompts, labels)`` for ``--reward.remote_url
    file.py`` (``--remote_rm_url`` up to 0.9).

    OpenRLHF 0.11 calls it once per sample with lists of length 1
    (``openrlhf/utils/agent.py`` ``_fetch_rewards_via_func``, OpenRLHF 0.11.2); older versions
    in micro-batches. Each query is the prompt plus the response, decoded with its special
    tokens: the prompt is cut off when the query starts with it, and a run of trailing special
    tokens (``strip_tokens``, default :data:`DEFAULT_STRIP_TOKENS`; ``()`` to keep them) is
    removed, so format checks see the response as written. The label is the reference.

    Returns ``{"rewards", "scores", "extra_logs"}`` of equal-length float lists:

    - ``rewards``: the pipeline's value (``missing_value``, default 0.0, where it abstained
      or failed; the flags say which).
    - ``scores``: OpenRLHF's 0–1 correctness score (dynamic filtering). ``scores="auto"``
      (default): the correctness component (a ``math``/``exact_match``/``number_match`` term)
      when the pipeline has one, else ``rewards``; ``"rewards"``: always the rewards; a
      component name: that component.
    - ``extra_logs``: every component the pipeline can produce (the same keys for every call;
      ``missing_value`` where a sample has none) and ``timeout``/``error``/``abstain`` 0/1.

    A group- or batch-scope pipeline is refused with :class:`~rewardkit.ScopeError` when a call
    lacks the rest of a group (always the case with OpenRLHF 0.11's one-sample calls).
    """

    def __init__(
        self,
        pipeline: Any = None,
        *,
        url: Optional[str] = None,
        token: Optional[str] = None,
        strip_tokens: Sequence[str] = DEFAULT_STRIP_TOKENS,
        scores: str = "auto",
        missing_value: float = 0.0,
        timeout: Optional[float] = None,
        retries: Optional[int] = None,
        max_batch: int = 1024,
    ):
        self.scorer = Scorer(pipeline, url, token, timeout, retries, max_batch)
        self.strip_tokens = tuple(strip_tokens)
        self.scores = scores
        self.missing_value = float(missing_value)
        self.__name__ = "reward_func"

    def __repr__(self) -> str:
        return "OpenRLHFReward(%r)" % (self.scorer,)

    def _num(self, v: Optional[float]) -> float:
        return float(v) if v is not None and math.isfinite(v) else self.missing_value

    def responses(self, queries: Sequence[str], prompts: Optional[Sequence[str]]) -> List[str]:
        """The responses inside the queries."""
        out = []
        for i, q in enumerate(queries):
            q = q or ""
            p = prompts[i] if prompts is not None and i < len(prompts) else None
            if p and q.startswith(p):
                q = q[len(p):]
            elif p:
                # The query is the prompt re-decoded from tokens, which may differ slightly
                # (whitespace, normalisation): cut after the last occurrence of its end.
                # Its last line (a chat template's generation prompt) marks the end.
                body = p.rstrip()
                trail = p[len(body):]
                last = body.rsplit("\n", 1)[-1][-64:]
                at = q.rfind(last) if last else -1
                if at >= 0:
                    q = q[at + len(last):]
                    if trail and q.startswith(trail):
                        q = q[len(trail):]
            out.append(strip_trailing_tokens(q, self.strip_tokens))
        return out

    def __call__(
        self,
        queries: Sequence[str],
        prompts: Optional[Sequence[str]] = None,
        labels: Optional[Sequence[Any]] = None,
        **kwargs: Any,
    ) -> Dict[str, Union[List[float], Dict[str, List[float]]]]:
        queries = list(queries)
        n = len(queries)
        prompts = list(prompts) if prompts is not None else None
        labels = list(labels) if labels is not None else None
        for name, col in (("prompts", prompts), ("labels", labels)):
            if col is not None and len(col) != n:
                raise ValueError("`%s` has %d items but `queries` has %d" % (name, len(col), n))
        scope = self.scorer.scope
        check_grouping(
            scope,
            n,
            prompts,
            None,
            "OpenRLHF (reward_func is called once per sample since 0.10)" if n == 1 else "this OpenRLHF call",
        )
        names = self.scorer.component_names
        outs = self.scorer.score(self.responses(queries, prompts), prompts=prompts, references=labels)
        if names is None:
            names = sorted({k for o in outs for k in (o.get("components") or {})})
        rewards = [self._num(o.get("value")) for o in outs]
        if self.scores == "rewards":
            scores = list(rewards)
        elif self.scores == "auto":
            corr = self.scorer.correctness
            if corr is None:
                scores = list(rewards)
            else:
                scores = [self._num(correctness_value(o, corr)) for o in outs]
        else:
            scores = [self._num((o.get("components") or {}).get(self.scores)) for o in outs]
        extra: Dict[str, List[float]] = {}
        for c in names:
            extra[log_key(c)] = [self._num((o.get("components") or {}).get(c)) for o in outs]
        fl = [flags(o) for o in outs]
        extra["timeout"] = [f[0] for f in fl]
        extra["error"] = [f[1] for f in fl]
        extra["abstain"] = [f[2] for f in fl]
        return {"rewards": rewards, "scores": scores, "extra_logs": extra}


#: Configured from ``REWARDKIT_SPEC`` / ``REWARDKIT_URL`` at the first call.
reward_func = OpenRLHFReward()
