"""rewardkit: reward functions for RL post-training, scored in Rust.

    >>> import rewardkit
    >>> bool(rewardkit.verify("\\\\frac{1}{2}", "so the answer is $\\\\boxed{0.5}$"))
    True
    >>> p = rewardkit.Pipeline.from_dict({"type": "math"})
    >>> p.score([{"completion": "The answer is 4.", "reference": "4"}])[0]["value"]
    1.0

Trainer adapters: :mod:`rewardkit.integrations.trl`, :mod:`rewardkit.integrations.verl`,
:mod:`rewardkit.integrations.openrlhf` (in-process by default, over HTTP with ``url=``).
"""

from . import _native
from ._pipeline import Pipeline, Verdict, as_pipeline, schema, verify
from .errors import InputError, RewardkitError, ScopeError, ServerError, SpecError

__version__ = _native.__version__

__all__ = [
    "Pipeline",
    "Verdict",
    "verify",
    "schema",
    "as_pipeline",
    "RewardkitError",
    "SpecError",
    "InputError",
    "ScopeError",
    "ServerError",
    "__version__",
]
