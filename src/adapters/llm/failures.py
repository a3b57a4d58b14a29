"""Which model-server failures are worth retrying, how long the server asks us to wait,
and how a failure is told to the caller (as LanguageModelUnavailable, without secrets)."""

from __future__ import annotations

import email.utils
import math
import re
import time

import openai

from domain.ports.language_model import LanguageModelUnavailable

TRANSIENT_STATUSES = frozenset({408, 409, 429})
_KEY_LIKE = re.compile(r"\bsk-[A-Za-z0-9_\-*]{4,}")


class RetryLater(Exception):
    """The server asked us to wait longer than we are willing to sleep in a call."""

    def __init__(self, retry_after_s: float) -> None:
        super().__init__(f"the server asked to retry after {retry_after_s:g} s")
        self.retry_after_s = retry_after_s


class StreamInterrupted(Exception):
    """The stream broke after part of the answer was shown: retrying would show it twice."""


def is_transient(error: BaseException) -> bool:
    """Timeouts, lost connections, 408/409/429, 5xx and errors reported inside a stream."""
    if isinstance(error, openai.APIStatusError):
        return error.status_code in TRANSIENT_STATUSES or error.status_code >= 500
    return isinstance(error, openai.APIError)


def failure_kind(error: BaseException) -> str:
    """A failure in words that cannot carry the API key or the prompt, for logs: the HTTP
    status or the kind of error, never the server's message (it may echo what it was sent)."""
    if isinstance(error, openai.APIStatusError):
        return f"HTTP {error.status_code}"
    return type(error).__name__


def is_model_missing(error: BaseException) -> bool:
    return isinstance(error, openai.NotFoundError)


def retry_after_s(error: BaseException) -> float | None:
    """The longer of `retry-after-ms` and `Retry-After` (seconds or an HTTP date), if any."""
    if not isinstance(error, openai.APIStatusError):
        return None
    headers = error.response.headers
    waits = [_seconds(headers.get("retry-after-ms"), 1000), _seconds(headers.get("retry-after"), 1)]
    known = [wait for wait in waits if wait is not None]
    return max(known) if known else None


def _seconds(value: str | None, per_second: int) -> float | None:
    if value is None:
        return None
    try:
        seconds = float(value) / per_second
    except ValueError:
        parsed = email.utils.parsedate_tz(value)
        if parsed is None:
            return None
        seconds = email.utils.mktime_tz(parsed) - time.time()
    return max(0.0, seconds) if math.isfinite(seconds) else None


_PLAIN_REASONS: tuple[tuple[type[Exception], str], ...] = (
    (StreamInterrupted, "The language model '{model}' stopped in the middle of its answer."),
    (openai.APITimeoutError, "The language model '{model}' did not answer in time."),
    (openai.APIConnectionError, "The language model server could not be reached for '{model}'."),
)


def unavailable(error: BaseException, *, model: str, secret: str) -> LanguageModelUnavailable:
    """The caller's view of a failure that retries and fallback could not mend."""
    if isinstance(error, RetryLater):
        return LanguageModelUnavailable(
            f"The language model '{model}' is rate limited; it asked us to retry in "
            f"{error.retry_after_s:g} s.", retry_after_s=error.retry_after_s)
    for kind, reason in _PLAIN_REASONS:
        if isinstance(error, kind):
            return LanguageModelUnavailable(reason.format(model=model))
    if isinstance(error, openai.APIStatusError):
        verb = "failed" if is_transient(error) else "refused the request"
        return LanguageModelUnavailable(
            f"The language model server {verb} for '{model}' (HTTP {error.status_code}): "
            f"{redact(_server_message(error), secret)}", retry_after_s=retry_after_s(error))
    return LanguageModelUnavailable(
        f"The language model '{model}' failed: {redact(str(error), secret)}")


def _server_message(error: openai.APIStatusError) -> str:
    body = error.body
    if isinstance(body, dict) and isinstance(body.get("message"), str):
        return str(body["message"])
    return error.message.removeprefix(f"Error code: {error.status_code} - ")


def unavailable_after(failures: list[tuple[str, Exception]], *,
                      secret: str) -> LanguageModelUnavailable:
    """One error for the models tried in turn (primary, then fallback): every model's reason,
    and the earliest time any of them said it may answer again."""
    errors = [unavailable(error, model=model, secret=secret) for model, error in failures]
    waits = [error.retry_after_s for error in errors if error.retry_after_s is not None]
    return LanguageModelUnavailable(" ".join(error.message for error in errors),
                                    retry_after_s=min(waits) if waits else None)


def redact(text: str, secret: str) -> str:
    """`text` shortened, without the API key or anything that looks like one."""
    if secret:
        text = text.replace(secret, "***")
    return _KEY_LIKE.sub("***", text)[:300]
