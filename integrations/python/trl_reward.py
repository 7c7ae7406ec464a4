"""TRL: use rewardkit as a GRPOTrainer reward function.

    from trl_reward import RewardkitReward
    trainer = GRPOTrainer(..., reward_funcs=[RewardkitReward(reference_column="solution")])

TRL calls reward_func(prompts=..., completions=..., **dataset_columns). Completions may be
plain strings or conversational ([{"role": "assistant", "content": ...}]). The batch goes to
the rewardkit server's /v1/score (REWARDKIT_URL); the reference is read from the dataset column
`reference_column` (default "solution"; also tried: "ground_truth", "answer"). Returns one float
per completion, or None where the pipeline abstained (TRL treats None as "no reward").
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from rewardkit_client import post  # noqa: E402


def _text(x):
    if isinstance(x, str):
        return x
    if isinstance(x, dict):
        return x.get("content", "") or ""
    if isinstance(x, list):  # conversational: [{"role": "assistant", "content": ...}, ...]
        msgs = [m for m in x if isinstance(m, dict)]
        said = [m for m in msgs if m.get("role", "assistant") == "assistant"] or msgs
        return "".join(m.get("content", "") or "" for m in said)
    return str(x)


def _prompt(p):
    if isinstance(p, str):
        return p
    if isinstance(p, list):
        return [{"role": m.get("role", "user"), "content": m.get("content", "")} for m in p if isinstance(m, dict)]
    return None


class RewardkitReward:
    """A TRL reward function backed by a rewardkit server."""

    def __init__(self, url=None, token=None, reference_column="solution", name="rewardkit"):
        self.url = url
        self.token = token
        self.reference_column = reference_column
        self.__name__ = name  # TRL logs rewards/<__name__>/mean

    def __call__(self, prompts=None, completions=None, **kwargs):
        completions = list(completions or [])
        n = len(completions)
        refs = None
        for col in (self.reference_column, "ground_truth", "answer"):
            if col in kwargs and kwargs[col] is not None:
                refs = list(kwargs[col])
                break
        prompts = list(prompts) if prompts is not None else [None] * n
        samples = []
        for i, c in enumerate(completions):
            s = {"completion": _text(c)}
            p = _prompt(prompts[i]) if i < len(prompts) else None
            if p:
                s["prompt"] = p
            if refs is not None and i < len(refs) and refs[i] is not None:
                r = refs[i]
                s["reference"] = r if isinstance(r, (str, list)) else str(r)
            samples.append(s)
        if not samples:
            return []
        results = post("/v1/score", {"samples": samples}, url=self.url, token=self.token)["results"]
        return [float(r["value"]) if r.get("value") is not None else None for r in results]


reward_func = RewardkitReward()
