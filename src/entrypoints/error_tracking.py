"""Error tracking with Sentry: on only when SENTRY_DSN is set, started once per process by
`tesigo serve` and `tesigo worker` (before the app is built: the Litestar integration hooks
into building it).

- every event and breadcrumb passes the scrubber (entrypoints/error_scrubbing.py) before it
  leaves (entrypoints/error_events.py); a scrubber that fails drops the event rather than
  send it unscrubbed
- events carry the release (SENTRY_RELEASE, else the package's version) and the environment
  (ENVIRONMENT); the request and job ids are tags (entrypoints/error_events.py)
- a DomainError is an answer the service gives (errors.py maps it to a status), not a fault:
  never reported
- no personal data: `send_default_pii` stays off (the SDK's default; naming it is deprecated
  since 2.x's `data_collection`); no trace headers go to the outside services we call
"""

from __future__ import annotations

import re
import sys
from functools import partial
from importlib.metadata import PackageNotFoundError, version

from domain.errors import DomainError
from entrypoints.config import Settings
from entrypoints.error_events import outgoing_breadcrumb, outgoing_event
from entrypoints.error_scrubbing import Scrubber

SECRET_SETTINGS = re.compile(r"secret|password|api_key|token", re.I)


def release_of(settings: Settings) -> str:
    if settings.sentry_release:
        return settings.sentry_release
    try:
        return version("tesigo")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def secret_values(settings: Settings) -> list[str]:
    """The values of every setting named like a secret (str or list of str)."""
    found: list[str] = []
    for name in settings.__struct_fields__:
        value = getattr(settings, name)
        if SECRET_SETTINGS.search(name) and isinstance(value, str | list):
            found += [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)]
    return found


def init_error_tracking(settings: Settings) -> bool:
    """Start the Sentry client when SENTRY_DSN is set; True when it was started."""
    if not settings.sentry_dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.litestar import LitestarIntegration
    from sentry_sdk.integrations.sqlalchemy import SqlalchemyIntegration

    scrubber = Scrubber(secret_values(settings))
    sentry_sdk.init(
        dsn=settings.sentry_dsn,
        release=release_of(settings),
        environment=settings.environment.value,
        traces_sample_rate=settings.sentry_traces_sample_rate,
        ignore_errors=[DomainError],
        trace_propagation_targets=[],
        integrations=[LitestarIntegration(), SqlalchemyIntegration()],
        before_send=partial(outgoing_event, scrubber),
        before_send_transaction=partial(outgoing_event, scrubber),
        before_breadcrumb=partial(outgoing_breadcrumb, scrubber),
    )
    return True


async def watch_tasks() -> None:
    """Report exceptions that end asyncio tasks unawaited (the asyncio integration). Called
    on the running loop: the serving loop is created after `init_error_tracking`. Does
    nothing when error tracking is off."""
    if "sentry_sdk" not in sys.modules:  # never started: spare the import
        return
    from sentry_sdk.integrations.asyncio import enable_asyncio_integration

    enable_asyncio_integration()
