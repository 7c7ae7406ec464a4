"""OpenRLHF: use rewardkit as the reward function.

    --reward.remote_url /path/to/integrations/python/openrlhf_reward_func.py
    (OpenRLHF <= 0.9: --remote_rm_url ...)

OpenRLHF imports this file and calls reward_func(queries, prompts, labels). The batch goes to
the rewardkit server's /get_reward (REWARDKIT_URL, default http://127.0.0.1:8000); each query
is prompt + response, the prompt is cut off server-side, the label is the reference. Returns
{"rewards", "scores", "extra_logs"} as lists of floats; extra_logs holds every pipeline
component plus timeout/error/abstain flags (0/1). Alternatively point --reward.remote_url at
http://HOST:PORT/get_reward directly: the server speaks the same contract.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from rewardkit_client import post  # noqa: E402


def reward_func(queries, prompts, labels, **kwargs):
    queries = list(queries)
    n = len(queries)
    prompts = list(prompts) if prompts is not None else [""] * n
    labels = list(labels) if labels is not None else [None] * n
    out = post("/get_reward", {"query": queries, "prompts": prompts, "labels": labels})
    return {
        "rewards": out["rewards"],
        "scores": out["scores"],
        "extra_logs": out.get("extra_logs", {}),
    }
