"""verl: `custom_reward_function.path=/path/to/integrations/python/verl_compute_score.py`,
`name=compute_score` (per sample: verl's reward loop) or `name=compute_score_batched`.

Thin shim over the `rewardkit` package (`pip install .` at the repository root): it is
`rewardkit.integrations.verl.VerlReward`, scoring in-process when REWARDKIT_SPEC names a
pipeline file, else over HTTP at REWARDKIT_URL (default http://127.0.0.1:8000). Every result
has the same keys: `score`, `acc`, one per component, `timeout`, `error`, `abstain`.
"""

import os

from rewardkit.integrations.verl import BatchedVerlReward, VerlReward

compute_score = (
    VerlReward(os.environ["REWARDKIT_SPEC"])
    if os.environ.get("REWARDKIT_SPEC")
    else VerlReward(url=os.environ.get("REWARDKIT_URL") or "http://127.0.0.1:8000")
)
compute_score_batched = BatchedVerlReward(compute_score)
