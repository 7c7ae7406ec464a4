"""verl: rewardkit as the custom reward function.

Write a small file (verl imports it by path) and point verl at it::

    # my_reward.py
    from rewardkit.integrations.verl import VerlReward
    compute_score = VerlReward("pipeline.toml")          # or url="http://host:8000"

    reward.custom_reward_function.path=my_reward.py reward.custom_reward_function.name=compute_score

or use this module's ready ``compute_score`` with the pipeline in the reward kwargs
(``+reward.custom_reward_function.reward_kwargs.spec=/abs/pipeline.toml``) or in
``REWARDKIT_SPEC``. Checked against verl 0.9.1: ``verl/trainer/ppo/reward.py``
(``get_custom_reward_fn``), ``verl/experimental/reward_loop/reward_loop.py`` (columns from the
first sample's keys), ``verl/experimental/reward_loop/reward_manager/{naive,dapo,gdpo,limited,
remote}.py`` (one call per sample, keyword arguments, ``extra_info["num_turns"]``), and
``verl/workers/reward_manager/{batch,prime}.py`` (legacy managers: ``batch`` takes
``compute_score_batched``; ``prime`` calls ``float(result[0])``, which a result of
``compute_score`` answers with its score, and ``compute_score_float`` returns a number).
"""

from rewardkit.integrations._verl import (
    BatchedVerlReward,
    FloatVerlReward,
    VerlResult,
    VerlReward,
    compute_score,
    compute_score_batched,
    compute_score_float,
)

__all__ = [
    "VerlReward",
    "VerlResult",
    "BatchedVerlReward",
    "FloatVerlReward",
    "compute_score",
    "compute_score_batched",
    "compute_score_float",
]
