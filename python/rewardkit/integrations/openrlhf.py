"""OpenRLHF: rewardkit as the reward function.

Write a small file (OpenRLHF imports it by path and calls its ``reward_func``)::

    # reward.py
    from rewardkit.integrations.openrlhf import OpenRLHFReward
    reward_func = OpenRLHFReward("pipeline.toml")        # or url="http://host:8000"

    --reward.remote_url reward.py        (OpenRLHF <= 0.9: --remote_rm_url reward.py)

or point ``--reward.remote_url`` at this very file with ``REWARDKIT_SPEC=/abs/pipeline.toml``
(or ``REWARDKIT_URL``) in the environment. The ``rewardkit serve`` route
``http://HOST:PORT/get_reward`` speaks the same contract without Python. Checked against
OpenRLHF 0.11.2: ``openrlhf/utils/agent.py`` (``SingleTurnAgentExecutor``: the file is loaded
with ``spec_from_file_location``; ``reward_func([query], [prompt], [label])`` per sample; the
query decoded with ``skip_special_tokens=False``) and
``openrlhf/trainer/ppo_utils/samples_generator.py`` (``rewards``, ``scores`` for dynamic
filtering, every ``extra_logs`` key as a per-sample value).
"""

from rewardkit.integrations._openrlhf import (
    DEFAULT_STRIP_TOKENS,
    OpenRLHFReward,
    reward_func,
    strip_trailing_tokens,
)

__all__ = ["OpenRLHFReward", "reward_func", "DEFAULT_STRIP_TOKENS", "strip_trailing_tokens"]
