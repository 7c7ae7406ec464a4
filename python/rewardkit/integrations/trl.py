"""TRL: rewardkit as a ``GRPOTrainer`` reward function.

    from rewardkit.integrations.trl import RewardkitReward
    trainer = GRPOTrainer(..., reward_funcs=[RewardkitReward("pipeline.toml")])
    # over HTTP:  RewardkitReward(url="http://127.0.0.1:8000")

Checked against TRL 1.16.0 (``trl/trainer/grpo_trainer.py``: ``_calculate_rewards``,
``_log_completion_extra``, ``_log_metric``; ``trl/trainer/utils.py``: ``get_callable_name``).
"""

from rewardkit.integrations._trl import REFERENCE_COLUMNS, RewardkitReward

__all__ = ["RewardkitReward", "REFERENCE_COLUMNS"]
