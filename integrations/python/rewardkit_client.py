"""Deprecated shim: the HTTP client now lives in the `rewardkit` package (`pip install .` at the
repository root); this module keeps the old `post` / `base_url` / `RewardkitError` names.

Configuration, read at call time: REWARDKIT_URL (default http://127.0.0.1:8000),
REWARDKIT_TOKEN, REWARDKIT_TIMEOUT (180), REWARDKIT_RETRIES (5).
"""

import os

from rewardkit.errors import ServerError as RewardkitError
from rewardkit.integrations import HttpScorer

__all__ = ["RewardkitError", "post", "base_url"]


def base_url(url=None):
    return (url or os.environ.get("REWARDKIT_URL") or "http://127.0.0.1:8000").rstrip("/")


def post(path, payload, url=None, token=None, timeout=None, retries=None):
    """POSTs JSON to `path` on the server and returns the decoded JSON answer."""
    return HttpScorer(base_url(url), token=token, timeout=timeout, retries=retries).post(path, payload)
