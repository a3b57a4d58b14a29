"""The last look at every event and breadcrumb before it leaves for Sentry (its
`before_send`, `before_send_transaction` and `before_breadcrumb`).

- the request id and the job id bound to the logs where the error happened (structlog
  contextvars: http/middleware.py, worker/jobs.py) become the tags `request_id`, `job_id`
- a structlog line reads as its `event` for the message, its other fields as extra; one that
  carries an exception (`log.exception`, `exc_info=`) is reported as that exception, unless
  that exception was reported already: structlog keeps it among its fields, where the SDK
  would not see it
- then everything passes the scrubber; what cannot be scrubbed is not sent
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import MutableMapping
from logging import LogRecord
from typing import Any

import sentry_sdk
import structlog

from entrypoints.error_scrubbing import Scrubber

TAGGED_CONTEXT = ("request_id", "job_id")
_SHOWN_ELSEWHERE = {"timestamp", "level", "logger", *TAGGED_CONTEXT}
# Set on an exception once sent. The SDK's own dedupe keeps its memory in a contextvar, which
# misses the Litestar integration's reports: Litestar runs that hook in a worker thread.
_REPORTED = "_tesigo_error_reported"


def outgoing_event(scrubber: Scrubber, event: dict[str, Any], hint: dict[str, Any]) -> Any:
    line = _structlog_fields(hint.get("log_record"))
    if line is not None:
        message, error = str(line.pop("event", "")), _raised(line.pop("exc_info", None))
        if error is not None and "exc_info" not in hint:  # the SDK did not see the exception
            if not getattr(error, _REPORTED, False):
                with sentry_sdk.new_scope() as scope:
                    scope.set_context("log", {"message": message, **line})
                    scope.capture_exception(error)
            return None
        event["logentry"] = {"message": message, "params": []}
        event["extra"] = {**event.get("extra", {}),
                          **{k: v if isinstance(v, str) else repr(v) for k, v in line.items()}}
    context = structlog.contextvars.get_contextvars()
    tags = event.setdefault("tags", {})
    tags.update({name: str(context[name]) for name in TAGGED_CONTEXT if name in context})
    meta = event.pop("_meta", None)  # the SDK's notes on what it trimmed: paths, no values
    clean = scrubber.value(event)
    if meta is not None:
        clean["_meta"] = meta
    if "exc_info" in hint:
        _mark_reported(hint["exc_info"][1])
    return clean


def outgoing_breadcrumb(scrubber: Scrubber, crumb: dict[str, Any], hint: dict[str, Any]) -> Any:
    line = _structlog_fields(hint.get("log_record"))
    if line is not None:
        crumb["message"] = str(line.pop("event", ""))
        line.pop("exc_info", None)
        crumb["data"] = {**crumb.get("data", {}), **line}
    return scrubber.value(crumb)


def _structlog_fields(record: LogRecord | None) -> dict[str, Any] | None:
    """A structlog line's fields (its record's msg is the event dict); None for others."""
    if record is None or not isinstance(record.msg, MutableMapping):
        return None
    return {k: v for k, v in record.msg.items() if k not in _SHOWN_ELSEWHERE}


def _raised(exc_info: Any) -> BaseException | None:
    if isinstance(exc_info, BaseException):
        return exc_info
    if isinstance(exc_info, tuple) and len(exc_info) == 3:
        return exc_info[1]  # type: ignore[no-any-return]
    return sys.exc_info()[1] if exc_info is True else None


def _mark_reported(error: BaseException | None) -> None:
    with contextlib.suppress(AttributeError, TypeError):
        setattr(error, _REPORTED, True)
