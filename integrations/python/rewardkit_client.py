"""Minimal client for a rewardkit reward server (standard library only).

Configuration, read at call time:
  REWARDKIT_URL      base URL of the server (default http://127.0.0.1:8000)
  REWARDKIT_TOKEN    bearer token, if the server was started with one
  REWARDKIT_TIMEOUT  seconds per HTTP attempt (default 180, as OpenRLHF's client)
  REWARDKIT_RETRIES  attempts (default 5); connection errors, 503 and other 5xx are retried
                     with backoff (Retry-After honoured); 4xx are not
"""

import json
import os
import time
import urllib.error
import urllib.request

__all__ = ["RewardkitError", "post", "base_url"]


class RewardkitError(RuntimeError):
    """The server answered with an error, or could not be reached."""


def base_url(url=None):
    return (url or os.environ.get("REWARDKIT_URL") or "http://127.0.0.1:8000").rstrip("/")


def post(path, payload, url=None, token=None, timeout=None, retries=None):
    """POSTs JSON to `path` on the server and returns the decoded JSON answer."""
    full = base_url(url) + path
    token = token if token is not None else os.environ.get("REWARDKIT_TOKEN")
    timeout = float(timeout or os.environ.get("REWARDKIT_TIMEOUT") or 180)
    attempts = max(1, int(retries or os.environ.get("REWARDKIT_RETRIES") or 5))
    body = json.dumps(payload).encode("utf-8")
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    delay = 0.2
    last = None
    for attempt in range(attempts):
        req = urllib.request.Request(full, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return json.loads(resp.read().decode("utf-8"))
        except urllib.error.HTTPError as e:
            try:
                detail = json.loads(e.read().decode("utf-8")).get("error", {})
            except Exception:
                detail = {}
            last = RewardkitError("%s: HTTP %d %s: %s" % (
                full, e.code, detail.get("code", ""), detail.get("message", e.reason)))
            if e.code < 500:
                raise last
            retry_after = e.headers.get("Retry-After") if e.headers else None
            wait = max(delay, float(retry_after)) if retry_after and retry_after.isdigit() else delay
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as e:
            last = RewardkitError("%s: %s" % (full, e))
            wait = delay
        if attempt + 1 < attempts:
            time.sleep(min(wait, 10.0))
            delay = min(delay * 2, 10.0)
    raise last
