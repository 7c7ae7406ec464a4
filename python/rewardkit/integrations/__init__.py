"""Adapters that plug rewardkit into RL trainers.

- :mod:`rewardkit.integrations.trl`: a reward function for ``GRPOTrainer(reward_funcs=[...])``.
- :mod:`rewardkit.integrations.verl`: ``compute_score`` for verl's reward loop and managers.
- :mod:`rewardkit.integrations.openrlhf`: ``reward_func`` for ``--reward.remote_url file.py``.

Each scores in-process by default (a :class:`rewardkit.Pipeline`) and over HTTP against
``rewardkit serve`` when given ``url=`` (or ``REWARDKIT_URL``). Every adapter object pickles
(cloudpickle and Ray included): an in-process one as its pipeline's spec, an HTTP one as its
settings.
"""

from rewardkit.integrations._common import RESERVED, HttpScorer, Scorer

__all__ = ["Scorer", "HttpScorer", "RESERVED"]
