"""Plain asyncpg connections (for LISTEN/NOTIFY, outside SQLAlchemy's pool) that take
DATABASE_URL's TLS parameters exactly as the engine does (adapters/sql/tls.py)."""

from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

import asyncpg  # type: ignore[import-untyped]  # asyncpg ships no type information

from adapters.sql.engine import async_url
from adapters.sql.tls import split_tls


def asyncpg_connector(url: str, *, timeout_s: float) -> Callable[[], Awaitable[Any]]:
    """A function that opens a new `asyncpg.Connection` to `url`, giving up after
    `timeout_s`."""
    bare, tls = split_tls(async_url(url))
    dsn = bare.set(drivername="postgresql").render_as_string(hide_password=False)
    return partial(asyncpg.connect, dsn=dsn, ssl=tls, timeout=timeout_s)
