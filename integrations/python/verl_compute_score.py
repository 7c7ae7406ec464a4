"""verl: use rewardkit as the custom reward function.

    custom_reward_function.path=/path/to/integrations/python/verl_compute_score.py
    custom_reward_function.name=compute_score          # per sample (naive / dapo / prime)
    custom_reward_function.name=compute_score_batched  # reward_manager.name=batch

Each sample becomes {"completion": solution_str, "reference": ground_truth, "metadata":
{"data_source", "extra_info"}} on the rewardkit server's /v1/score (REWARDKIT_URL). Returns a
dict with "score" (the pipeline value; 0.0 when it abstained or failed), each component, and
"timeout"/"error" flags, which verl logs as reward_extra_info.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from rewardkit_client import post  # noqa: E402


def _sample(data_source, solution_str, ground_truth, extra_info):
    meta = {"data_source": data_source}
    if extra_info is not None:
        meta["extra_info"] = extra_info
    s = {"completion": solution_str or "", "metadata": meta}
    if ground_truth is not None:
        s["reference"] = ground_truth if isinstance(ground_truth, (str, list)) else str(ground_truth)
    return s


def _result(r):
    value = r.get("value")
    info = r.get("info", {})
    out = {"score": float(value) if value is not None else 0.0}
    for k, v in (r.get("components") or {}).items():
        out[k] = float(v) if v is not None else 0.0
    out["timeout"] = 1.0 if info.get("timeout") else 0.0
    out["error"] = 1.0 if info.get("error") else 0.0
    return out


def compute_score_batched(data_sources, solution_strs, ground_truths, extra_infos=None, **kwargs):
    n = len(solution_strs)
    extra_infos = extra_infos if extra_infos is not None else [None] * n
    samples = [_sample(d, s, g, e) for d, s, g, e in zip(data_sources, solution_strs, ground_truths, extra_infos)]
    if not samples:
        return []
    results = post("/v1/score", {"samples": samples})["results"]
    return [_result(r) for r in results]


def compute_score(data_source, solution_str, ground_truth, extra_info=None, **kwargs):
    return compute_score_batched([data_source], [solution_str], [ground_truth], [extra_info])[0]
