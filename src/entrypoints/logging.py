"""Structured logs: JSON in production, readable in development; secrets never written."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import MutableMapping
from typing import Any

import structlog

_SECRET_KEYS = re.compile(r"token|secret|password|authorization|cookie|api_key|signature", re.I)
_SECRET_IN_TEXT = re.compile(
    r"((?:token|refresh_token|access_token|password|secret)=)[^&\s\"']+|(Bearer\s+)[\w\-.~+/=]+",
    re.I,
)
REDACTED = "***"
DEV_ALLOWED_KEYS = frozenset({"link"})


def redact_text(text: str) -> str:
    return _SECRET_IN_TEXT.sub(lambda m: (m.group(1) or m.group(2)) + REDACTED, text)


def _redactor(allow: frozenset[str]) -> structlog.types.Processor:
    def redact(_: Any, __: str, event: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
        for key, value in list(event.items()):
            if key in allow:
                continue
            if _SECRET_KEYS.search(key):
                event[key] = REDACTED
            elif isinstance(value, str):
                event[key] = redact_text(value)
        return event

    return redact


def configure_logging(*, json: bool, level: str = "INFO", development: bool = False) -> None:
    """Route structlog and the standard library through one redacting pipeline.

    In development only, an event's `link` field (the sign-in link echoed to the console) is
    left as it is; everywhere else anything that looks like a token is masked.
    """
    allow = DEV_ALLOWED_KEYS if development else frozenset()
    shared: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        _redactor(allow),
    ]
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer(colors=False)
    )
    structlog.configure(
        # filter_by_level first: a dropped event must not pay for timestamps and redaction
        processors=[structlog.stdlib.filter_by_level, *shared,
                    structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                    structlog.processors.format_exc_info, renderer],
    ))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("uvicorn.access", "aiosqlite", "asyncio"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
