"""Exceptions raised by rewardkit.

Every error is a :class:`RewardkitError`. Outcomes are not errors: a wrong answer, an
abstention or a timeout is an output with a reason in ``info``.
"""

from typing import Optional

__all__ = ["RewardkitError", "SpecError", "InputError", "ScopeError", "ServerError"]


class RewardkitError(Exception):
    """Base class of every rewardkit error."""


class SpecError(RewardkitError, ValueError):
    """A pipeline spec (or a verifier policy) is not valid.

    ``path`` names the offending field, e.g. ``reward.terms[1].reward.ngram_size``
    (``None`` when the document could not be parsed at all); ``message`` says what was wrong;
    ``kind`` says which sort of problem it is: ``schema`` (unknown field or type, wrong type,
    missing field), ``value`` (a value breaks its rule), ``conflict`` (fields that do not go
    together), ``reserved``, ``duplicate`` (term names), ``pattern`` (a regular expression or
    template that does not compile), ``file``, ``environment``, ``version``, or ``syntax``
    (the document could not be parsed).
    """

    def __init__(self, message: str, path: Optional[str] = None, kind: Optional[str] = None):
        super().__init__(message, path)
        self.message = message
        self.path = path
        self.kind = kind if kind is not None else ("syntax" if path is None else "value")

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        return "invalid pipeline spec at `%s`: %s" % (self.path, self.message)


class InputError(RewardkitError, ValueError):
    """An input row (sample) is malformed; ``index`` is its position in the batch."""

    def __init__(self, message: str, index: Optional[int] = None):
        super().__init__(message, index)
        self.message = message
        self.index = index

    def __str__(self) -> str:
        return self.message


class ScopeError(RewardkitError, ValueError):
    """A group- or batch-scope pipeline was called without the samples it needs at once
    (e.g. per sample, as verl's reward loop and OpenRLHF call a reward function): it would
    score every sample 0, so it is refused."""


class ServerError(RewardkitError, RuntimeError):
    """A rewardkit server answered with an error or could not be reached.

    ``status`` is the HTTP status (``None`` when there was no answer), ``code`` the server's
    error code."""

    def __init__(self, message: str, status: Optional[int] = None, code: Optional[str] = None):
        super().__init__(message, status, code)
        self.message = message
        self.status = status
        self.code = code

    def __str__(self) -> str:
        return self.message
