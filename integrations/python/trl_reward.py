"""TRL: `reward_funcs=[RewardkitReward(reference_column="solution")]`.

Thin shim over the `rewardkit` package (`pip install .` at the repository root): this
`RewardkitReward` is `rewardkit.integrations.trl.RewardkitReward` that, given no pipeline and no
URL, scores in-process when REWARDKIT_SPEC names a pipeline file, else over HTTP at
REWARDKIT_URL (default http://127.0.0.1:8000). New code should import the package directly.
"""

import os

from rewardkit.integrations.trl import RewardkitReward as _RewardkitReward

__all__ = ["RewardkitReward", "reward_func"]


class RewardkitReward(_RewardkitReward):
    """`rewardkit.integrations.trl.RewardkitReward` with the old defaults (server at
    REWARDKIT_URL)."""

    def __init__(self, url=None, token=None, reference_column=None, name="rewardkit", pipeline=None):
        if pipeline is None and url is None:
            spec = os.environ.get("REWARDKIT_SPEC")
            if spec:
                pipeline = spec
            else:
                url = os.environ.get("REWARDKIT_URL") or "http://127.0.0.1:8000"
        super().__init__(pipeline, url=url, token=token, reference_column=None, name=name)
        self.preferred_column = reference_column

    def _references(self, n, columns):
        # The old module's rule: the given column if TRL passed it, else the usual names.
        col = self.preferred_column
        if col and columns.get(col) is not None:
            return list(columns[col])
        return super()._references(n, columns)


reward_func = RewardkitReward()
