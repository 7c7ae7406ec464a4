"""Drives the three shims of integrations/python (over the `rewardkit` package) against a
running rewardkit server.

Run by crates/rewardkit-cli/tests/serve_python.rs with REWARDKIT_URL set, with a Python that
has the package installed (REWARDKIT_PYTHON; .ci/run uses its virtual environment); the server
runs the pipeline number_match (term `correct`) + 0.5 x format(trl_think). Prints
"integrations ok" on success.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import openrlhf_reward_func  # noqa: E402
import trl_reward  # noqa: E402
import verl_compute_score  # noqa: E402
from rewardkit_client import RewardkitError, post  # noqa: E402


def eq(a, b, what):
    if a != b:
        raise AssertionError("%s: got %r, want %r" % (what, a, b))


# OpenRLHF: reward_func(queries, prompts, labels)
out = openrlhf_reward_func.reward_func(
    ["Q: 6*7?\n<think>x</think> 42", "Q: 6*7?\n41", "Q: 1+1?\n<think>y</think> 2"],
    ["Q: 6*7?\n", "Q: 6*7?\n", "Q: 1+1?\n"],
    ["42", "42", "2"],
)
eq(out["rewards"], [1.5, 0.0, 1.5], "openrlhf rewards")
eq(out["scores"], [1.0, 0.0, 1.0], "openrlhf scores (the correctness term)")
eq(out["extra_logs"]["correct"], [1.0, 0.0, 1.0], "openrlhf extra_logs.correct")
eq(out["extra_logs"]["timeout"], [0.0, 0.0, 0.0], "openrlhf extra_logs.timeout")
# A shard with no samples (OpenRLHF sends those to extra servers).
eq(openrlhf_reward_func.reward_func([], [], [])["rewards"], [], "openrlhf empty")

# verl: compute_score(data_source, solution_str, ground_truth, extra_info) and the batched form
r = verl_compute_score.compute_score("openai/gsm8k", "<think>t</think> #### 72", "72", {"index": 3})
eq(r["score"], 1.5, "verl score")
eq(r["correct"], 1.0, "verl correct")
eq(r["error"], 0.0, "verl error flag")
eq(r["acc"], 1.0, "verl acc")
rs = verl_compute_score.compute_score_batched(
    data_sources=["a", "b"], solution_strs=["5", "<think>z</think> 6"],
    ground_truths=["4", 6], extra_infos=[None, {"k": 1}])
eq([x["score"] for x in rs], [0.0, 1.5], "verl batched")
eq(verl_compute_score.compute_score_batched([], [], [], []), [], "verl empty")

# TRL: reward_funcs callable with prompts, completions and dataset columns
f = trl_reward.RewardkitReward(reference_column="solution")
eq(f.__name__, "rewardkit", "trl __name__")
vals = f(prompts=["p1", "p2", "p3"], completions=["<think>a</think> 3", "4", "x"],
         solution=["3", "5", None], completion_ids=[[1], [2], [3]], trainer_state=None)
eq(vals, [1.5, 0.0, 0.0], "trl standard")
conv = f(prompts=[[{"role": "user", "content": "2+2?"}]],
         completions=[[{"role": "assistant", "content": "<think>k</think> 4"}]],
         ground_truth=["4"])
eq(conv, [1.5], "trl conversational")

# Errors surface as exceptions with the server's error code, not as silent zeros.
try:
    post("/get_reward", {"query": ["a"], "labels": []}, retries=1)
    raise AssertionError("mismatched lengths were accepted")
except RewardkitError as e:
    if "422" not in str(e) or "invalid_request" not in str(e):
        raise

print("integrations ok")
