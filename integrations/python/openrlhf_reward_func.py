"""OpenRLHF: `--reward.remote_url /path/to/integrations/python/openrlhf_reward_func.py`.

Thin shim over the `rewardkit` package (`pip install .` at the repository root): it is
`rewardkit.integrations.openrlhf.OpenRLHFReward` scoring in-process when REWARDKIT_SPEC names a
pipeline file, else over HTTP at REWARDKIT_URL (default http://127.0.0.1:8000). See that class
for the contract (trailing special tokens stripped, `scores` = the correctness component).
"""

import os

from rewardkit.integrations.openrlhf import OpenRLHFReward

reward_func = (
    OpenRLHFReward(os.environ["REWARDKIT_SPEC"])
    if os.environ.get("REWARDKIT_SPEC")
    else OpenRLHFReward(url=os.environ.get("REWARDKIT_URL") or "http://127.0.0.1:8000")
)
